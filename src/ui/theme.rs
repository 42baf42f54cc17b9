use ratatui::style::{Modifier, Style};

use crate::config::{Colors, Paint};
use crate::entities::Kind;

/// Whether the user asked for no colour: NO_COLOR set and not empty (no-color.org).
pub fn no_color() -> bool {
    asks_for_no_color(std::env::var_os("NO_COLOR").as_deref())
}

fn asks_for_no_color(value: Option<&std::ffi::OsStr>) -> bool {
    value.is_some_and(|v| !v.is_empty())
}

/// Colours and styles of the interface.
pub struct Theme {
    pub border: Style,
    pub focus_border: Style,
    pub title: Style,
    pub dim: Style,
    pub cursor: Style,
    pub cursor_unfocused: Style,
    pub status: Style,
    pub status_key: Style,
    pub person: Style,
    pub organisation: Style,
    pub place: Style,
    /// Added to mentions of the selected entity.
    pub selected_mention: Modifier,
    /// Added to the mention `n`/`N` landed on.
    pub current_mention: Style,
    /// Search matches other than the current one.
    pub search_match: Style,
}

impl Default for Theme {
    fn default() -> Self {
        Theme::new(&Colors::default(), true)
    }
}

impl Theme {
    /// The interface in `colors`, or in none when `color` is false (NO_COLOR). Whatever ends
    /// up without a colour takes a modifier in its place, so nothing is told by colour
    /// alone: people bold, organisations underlined, places italic, the cursor, the status
    /// line and the current mention or match reversed.
    pub fn new(colors: &Colors, color: bool) -> Theme {
        let paint = |p: Paint, instead: Modifier| {
            if color && !p.is_plain() { p.style() } else { Style::new().add_modifier(instead) }
        };
        Theme {
            border: paint(colors.border, Modifier::empty()),
            focus_border: paint(colors.focus_border, Modifier::empty()),
            title: Style::new().add_modifier(Modifier::BOLD),
            dim: paint(colors.dim, Modifier::DIM),
            cursor: paint(colors.cursor, Modifier::REVERSED),
            cursor_unfocused: paint(colors.cursor_unfocused, Modifier::UNDERLINED).add_modifier(Modifier::BOLD),
            status: paint(colors.status, Modifier::REVERSED),
            status_key: paint(colors.status_key, Modifier::REVERSED).add_modifier(Modifier::BOLD),
            person: paint(colors.person, Modifier::BOLD),
            organisation: paint(colors.organisation, Modifier::UNDERLINED),
            place: paint(colors.place, Modifier::ITALIC),
            selected_mention: Modifier::BOLD | Modifier::UNDERLINED,
            // Underlined as well, to tell the current match from the other (reversed) ones.
            current_mention: paint(colors.current_mention, Modifier::REVERSED | Modifier::UNDERLINED)
                .add_modifier(Modifier::BOLD),
            search_match: paint(colors.search_match, Modifier::REVERSED),
        }
    }

    pub fn kind(&self, kind: Kind) -> Style {
        match kind {
            Kind::Person => self.person,
            Kind::Organisation => self.organisation,
            Kind::Place => self.place,
        }
    }
}

#[cfg(test)]
mod tests {
    use ratatui::style::Color;

    use super::*;

    #[test]
    fn the_default_colours() {
        let t = Theme::default();
        assert_eq!(t.person, Style::new().fg(Color::Yellow));
        assert_eq!(t.cursor, Style::new().add_modifier(Modifier::REVERSED), "no colour: reversed");
        assert_eq!(t.current_mention, Style::new().fg(Color::Black).bg(Color::Yellow).add_modifier(Modifier::BOLD));
    }

    #[test]
    fn without_colour_modifiers_stand_in() {
        let t = Theme::new(&Colors::default(), false);
        let every = [t.border, t.focus_border, t.title, t.dim, t.cursor, t.cursor_unfocused, t.status, t.status_key];
        let every = every.into_iter().chain([t.person, t.organisation, t.place, t.current_mention, t.search_match]);
        for style in every {
            assert_eq!((style.fg, style.bg), (None, None), "{style:?}");
        }
        assert_eq!(t.person.add_modifier, Modifier::BOLD);
        assert_eq!(t.organisation.add_modifier, Modifier::UNDERLINED);
        assert_eq!(t.place.add_modifier, Modifier::ITALIC);
        assert!(t.current_mention.add_modifier.contains(Modifier::REVERSED));
        assert_ne!(t.current_mention, t.search_match);
    }

    #[test]
    fn no_color_is_any_value_but_empty() {
        assert!(!asks_for_no_color(None));
        assert!(!asks_for_no_color(Some("".as_ref())));
        assert!(asks_for_no_color(Some("1".as_ref())));
        assert!(asks_for_no_color(Some("0".as_ref())), "any value, even 0");
    }

    #[test]
    fn a_colour_set_to_reset_is_a_modifier_too() {
        let colors = Colors { place: "reset".parse().unwrap(), ..Colors::default() };
        let t = Theme::new(&colors, true);
        assert_eq!(t.place, Style::new().add_modifier(Modifier::ITALIC));
        assert_eq!(t.person, Style::new().fg(Color::Yellow), "the others keep their colour");
    }
}
