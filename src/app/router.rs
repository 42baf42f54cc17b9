//! The one input router: a terminal event becomes an action according to the mode (typing
//! a search, help or the log, the dossier, normal), read from the keymap's table for it.
//! The event loop and the tests both come in here.

use crossterm::event::Event;

use super::{Action, App, mouse_action};
use crate::keys::Mode;

impl App {
    /// How keys are read now.
    pub fn mode(&self) -> Mode {
        if self.search.as_ref().is_some_and(|s| s.editing) || self.corrections.typing() {
            Mode::Typing
        } else if self.overlay.picker().is_some() || self.corrections.split_menu().is_some() {
            Mode::Picker
        } else if self.overlay.is_popup() {
            Mode::Popup
        } else if self.overlay.dossier().is_some() {
            Mode::Dossier
        } else {
            Mode::Normal
        }
    }

    /// The action a terminal event asks for, if any. A resize is taken at the size given.
    pub fn route(&self, event: &Event) -> Option<Action> {
        match event {
            Event::Key(key) => self.keymap.action_in(self.mode(), *key),
            Event::Mouse(mouse) => mouse_action(*mouse),
            Event::Resize(width, height) => Some(Action::Resize(*width, *height)),
            _ => None,
        }
    }

    /// Takes a terminal event: routes it and applies the action, or the pasted text.
    /// Returns the action; `Suspend` is left to the event loop, which alone can stop.
    pub fn input(&mut self, event: &Event) -> Option<Action> {
        if let Event::Paste(text) = event {
            self.paste(text);
            return None;
        }
        let Some(action) = self.route(event) else {
            // A key that does nothing here says so, rather than being silent.
            if let Event::Key(key) = event
                && key.kind != crossterm::event::KeyEventKind::Release
                && matches!(self.mode(), Mode::Normal | Mode::Dossier)
                && !matches!(key.code, crossterm::event::KeyCode::Modifier(_))
            {
                let help = self.keymap.keys_of(Action::ToggleHelp).first().map_or("—".into(), crate::keys::Key::label);
                let pressed = crate::keys::Key::new(key.code, key.modifiers).label();
                self.message = Some(format!("{pressed} does nothing here: {help} lists the keys"));
            }
            return None;
        };
        if action != Action::Suspend {
            self.update(action);
        }
        Some(action)
    }
}
