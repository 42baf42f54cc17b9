//! The `[colors]` table: a colour for each kind of mention and each part of the interface.

use std::fmt;
use std::str::FromStr;

use ratatui::style::{Color, Style};

/// A colour for the text, and optionally one behind it: `"yellow"`, `"black on yellow"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paint {
    pub fg: Color,
    pub bg: Option<Color>,
}

impl Paint {
    const fn fg(fg: Color) -> Paint {
        Paint { fg, bg: None }
    }

    const fn on(fg: Color, bg: Color) -> Paint {
        Paint { fg, bg: Some(bg) }
    }

    /// The terminal's own colours: the theme puts a bold, underline or reverse in its place.
    pub fn is_plain(&self) -> bool {
        self.fg == Color::Reset && self.bg.is_none_or(|bg| bg == Color::Reset)
    }

    pub fn style(&self) -> Style {
        let style = Style::new().fg(self.fg);
        match self.bg {
            Some(bg) => style.bg(bg),
            None => style,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadPaint(String);

impl fmt::Display for BadPaint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "bad colour {:?}: use a name (yellow, darkgray, lightblue, reset …), #rrggbb or 0-255, \
             or \"FG on BG\"",
            self.0
        )
    }
}

impl FromStr for Paint {
    type Err = BadPaint;

    fn from_str(s: &str) -> Result<Paint, BadPaint> {
        // ratatui reads names in any case, #rrggbb, and 0-255.
        let color = |c: &str| Color::from_str(c.trim()).map_err(|_| BadPaint(s.to_string()));
        match s.split_once(" on ") {
            Some((fg, bg)) => Ok(Paint::on(color(fg)?, color(bg)?)),
            None => Ok(Paint::fg(color(s)?)),
        }
    }
}

/// What `from_str` reads back, in lower case: `black on yellow`, `#282828`.
impl fmt::Display for Paint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = |c: Color| c.to_string().to_lowercase();
        match self.bg {
            Some(bg) => write!(f, "{} on {}", name(self.fg), name(bg)),
            None => f.write_str(&name(self.fg)),
        }
    }
}

/// Every colour the config file can set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Colors {
    pub person: Paint,
    pub organisation: Paint,
    pub place: Paint,
    pub border: Paint,
    pub focus_border: Paint,
    pub dim: Paint,
    pub cursor: Paint,
    pub cursor_unfocused: Paint,
    pub status: Paint,
    pub status_key: Paint,
    pub current_mention: Paint,
    pub search_match: Paint,
}

const STATUS_BG: Color = Color::Rgb(40, 40, 40);

impl Default for Colors {
    fn default() -> Colors {
        Colors {
            person: Paint::fg(Color::Yellow),
            organisation: Paint::fg(Color::Cyan),
            place: Paint::fg(Color::Green),
            border: Paint::fg(Color::DarkGray),
            focus_border: Paint::fg(Color::Cyan),
            dim: Paint::fg(Color::DarkGray),
            // No colour: the theme shows the cursor reversed.
            cursor: Paint::fg(Color::Reset),
            cursor_unfocused: Paint::on(Color::White, Color::DarkGray),
            status: Paint::on(Color::White, STATUS_BG),
            status_key: Paint::on(Color::Cyan, STATUS_BG),
            current_mention: Paint::on(Color::Black, Color::Yellow),
            search_match: Paint::on(Color::Black, Color::Cyan),
        }
    }
}

impl Colors {
    /// Each colour's name in the file, what it colours, and a place to set it: the one list
    /// that reading the file and `--print-config` share.
    fn fields(&mut self) -> [(&'static str, &'static str, &mut Paint); 12] {
        [
            ("person", "mentions of people", &mut self.person),
            ("organisation", "mentions of organisations", &mut self.organisation),
            ("place", "mentions of places", &mut self.place),
            ("border", "pane borders", &mut self.border),
            ("focus_border", "the focused pane's border", &mut self.focus_border),
            ("dim", "dates, sources, counts, hints", &mut self.dim),
            ("cursor", "the cursor row in the focused pane (reset: reversed)", &mut self.cursor),
            ("cursor_unfocused", "the cursor row in other panes", &mut self.cursor_unfocused),
            ("status", "the status line", &mut self.status),
            ("status_key", "the pane name in the status line; keys in help", &mut self.status_key),
            ("current_mention", "the mention or match n/N landed on", &mut self.current_mention),
            ("search_match", "the other search matches", &mut self.search_match),
        ]
    }

    /// Every colour: its name, its value, what it colours.
    pub fn entries(&self) -> Vec<(&'static str, Paint, &'static str)> {
        self.clone().fields().into_iter().map(|(name, help, paint)| (name, *paint, help)).collect()
    }

    /// The colour called `name` in the file.
    pub fn slot(&mut self, name: &str) -> Option<&mut Paint> {
        self.fields().into_iter().find(|f| f.0 == name).map(|f| f.2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paint(s: &str) -> Paint {
        s.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn names_hex_indices_and_backgrounds() {
        assert_eq!(paint("yellow"), Paint::fg(Color::Yellow));
        assert_eq!(paint("Dark-Gray"), Paint::fg(Color::DarkGray));
        assert_eq!(paint("light blue"), Paint::fg(Color::LightBlue));
        assert_eq!(paint("#ff8800"), Paint::fg(Color::Rgb(255, 136, 0)));
        assert_eq!(paint("236"), Paint::fg(Color::Indexed(236)));
        assert_eq!(paint("black on yellow"), Paint::on(Color::Black, Color::Yellow));
        assert_eq!(paint("reset"), Paint::fg(Color::Reset));
        assert!(paint("reset").is_plain() && paint("reset on reset").is_plain());
        assert!(!paint("reset on red").is_plain());
    }

    #[test]
    fn bad_colours_are_errors() {
        for s in ["", "yelow", "#ff88", "#gg0000", "256", "on yellow", "black on", "black on on yellow"] {
            assert!(s.parse::<Paint>().is_err(), "{s:?} parsed");
        }
        assert!(BadPaint("yelow".into()).to_string().starts_with("bad colour \"yelow\""));
    }

    #[test]
    fn every_default_reads_back_from_its_text() {
        for (name, value, _) in Colors::default().entries() {
            assert_eq!(paint(&value.to_string()), value, "{name}: {value}");
        }
    }

    #[test]
    fn every_name_finds_its_colour() {
        let mut colors = Colors::default();
        for (name, _, _) in Colors::default().entries() {
            *colors.slot(name).unwrap() = Paint::fg(Color::Magenta);
        }
        assert!(colors.entries().iter().all(|e| e.1 == Paint::fg(Color::Magenta)));
        assert!(colors.slot("nope").is_none());
    }
}
