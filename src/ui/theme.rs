use ratatui::style::{Color, Modifier, Style};

use crate::entities::Kind;

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
        Theme {
            border: Style::new().fg(Color::DarkGray),
            focus_border: Style::new().fg(Color::Cyan),
            title: Style::new().add_modifier(Modifier::BOLD),
            dim: Style::new().fg(Color::DarkGray),
            cursor: Style::new().add_modifier(Modifier::REVERSED),
            cursor_unfocused: Style::new().add_modifier(Modifier::BOLD).fg(Color::White).bg(Color::DarkGray),
            status: Style::new().fg(Color::White).bg(Color::Rgb(40, 40, 40)),
            status_key: Style::new().fg(Color::Cyan).bg(Color::Rgb(40, 40, 40)).add_modifier(Modifier::BOLD),
            person: Style::new().fg(Color::Yellow),
            organisation: Style::new().fg(Color::Cyan),
            place: Style::new().fg(Color::Green),
            selected_mention: Modifier::BOLD | Modifier::UNDERLINED,
            current_mention: Style::new().fg(Color::Black).bg(Color::Yellow).add_modifier(Modifier::BOLD),
            search_match: Style::new().fg(Color::Black).bg(Color::Cyan),
        }
    }
}

impl Theme {
    pub fn kind(&self, kind: Kind) -> Style {
        match kind {
            Kind::Person => self.person,
            Kind::Organisation => self.organisation,
            Kind::Place => self.place,
        }
    }
}

/// One letter per kind, for the entity pane.
pub fn kind_letter(kind: Kind) -> &'static str {
    match kind {
        Kind::Person => "P",
        Kind::Organisation => "O",
        Kind::Place => "L",
    }
}
