//! Shared by the integration tests.
#![allow(dead_code)]

pub mod score;

use byline::app::{Action, App};
use byline::corpus::load_embedded_seeds;
use byline::entities::Index;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A reader on the embedded seeds, laid out for `width` × `height`.
pub fn seeds_app(width: u16, height: u16) -> App {
    let corpus = load_embedded_seeds();
    let index = Index::build(&corpus);
    App::new(corpus, index, width, height)
}

/// Presses keys as the event loop would: through the key table.
pub fn press(app: &mut App, keys: &[KeyCode]) {
    for &code in keys {
        let modifiers = match code {
            KeyCode::Char(c) if c.is_uppercase() => KeyModifiers::SHIFT,
            _ => KeyModifiers::NONE,
        };
        if let Some(action) = byline::app::keymap::action_for(KeyEvent::new(code, modifiers)) {
            app.update(action);
        }
    }
}

pub fn chars(s: &str) -> Vec<KeyCode> {
    s.chars().map(KeyCode::Char).collect()
}

/// Draws the app on a test terminal of its size and returns the terminal.
pub fn render(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| byline::ui::draw(app, f)).unwrap();
    terminal
}

/// The screen as lines of text.
pub fn screen_text(terminal: &Terminal<TestBackend>) -> Vec<String> {
    let buf = terminal.backend().buffer();
    (0..buf.area.height).map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect::<String>()).collect()
}

/// Resizes the app as a terminal resize event would.
pub fn resize(app: &mut App, width: u16, height: u16) {
    app.update(Action::Resize(width, height));
}
