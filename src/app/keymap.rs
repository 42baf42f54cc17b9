//! Keys to actions: one table, read by the event loop and by the help overlay.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::Action;

/// One row of the key table: the keys, what they do, and how help describes them.
pub struct Binding {
    pub keys: &'static [(KeyCode, KeyModifiers)],
    pub action: Action,
    pub label: &'static str,
    pub help: &'static str,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

const fn ch(c: char) -> (KeyCode, KeyModifiers) {
    (KeyCode::Char(c), NONE)
}

pub const BINDINGS: &[Binding] = &[
    Binding { keys: &[(KeyCode::Tab, NONE)], action: Action::FocusNext, label: "Tab", help: "next pane" },
    Binding { keys: &[(KeyCode::BackTab, NONE)], action: Action::FocusPrev, label: "Shift-Tab", help: "previous pane" },
    Binding {
        keys: &[ch('j'), (KeyCode::Down, NONE)],
        action: Action::Down,
        label: "j ↓",
        help: "move down / scroll down",
    },
    Binding { keys: &[ch('k'), (KeyCode::Up, NONE)], action: Action::Up, label: "k ↑", help: "move up / scroll up" },
    Binding {
        keys: &[ch('g'), (KeyCode::Home, NONE)],
        action: Action::First,
        label: "g Home",
        help: "first item / top",
    },
    Binding {
        keys: &[ch('G'), (KeyCode::End, NONE)],
        action: Action::Last,
        label: "G End",
        help: "last item / bottom",
    },
    Binding {
        keys: &[(KeyCode::PageDown, NONE), ch(' ')],
        action: Action::PageDown,
        label: "PgDn Space",
        help: "scroll the reader a page down",
    },
    Binding {
        keys: &[(KeyCode::PageUp, NONE)],
        action: Action::PageUp,
        label: "PgUp",
        help: "scroll the reader a page up",
    },
    Binding {
        keys: &[(KeyCode::Enter, NONE)],
        action: Action::Activate,
        label: "Enter",
        help: "open article / select entity",
    },
    Binding {
        keys: &[ch('n')],
        action: Action::NextMention,
        label: "n",
        help: "next search match, or mention of the entity",
    },
    Binding { keys: &[ch('N')], action: Action::PrevMention, label: "N", help: "previous search match, or mention" },
    Binding {
        keys: &[ch('*')],
        action: Action::SelectNearest,
        label: "*",
        help: "select the entity nearest the top of the reader",
    },
    Binding {
        keys: &[ch('f')],
        action: Action::ToggleFilter,
        label: "f",
        help: "list only articles naming the selected entity",
    },
    Binding { keys: &[ch('/')], action: Action::StartSearch, label: "/", help: "search titles and bodies; Esc clears" },
    Binding {
        keys: &[ch('&')],
        action: Action::FilterSearch,
        label: "&",
        help: "list only articles with a search match",
    },
    Binding {
        keys: &[ch('a')],
        action: Action::ToggleScope,
        label: "a",
        help: "entities: this article / all articles",
    },
    Binding { keys: &[ch('m')], action: Action::ToggleRead, label: "m", help: "mark the article read / unread" },
    Binding { keys: &[ch('s')], action: Action::ToggleStar, label: "s", help: "star the article / remove the star" },
    Binding { keys: &[ch('S')], action: Action::StarredOnly, label: "S", help: "list starred articles only" },
    Binding {
        keys: &[ch('o')],
        action: Action::CycleSort,
        label: "o",
        help: "sort by file, date, title, source, mentions",
    },
    Binding { keys: &[ch('y')], action: Action::Copy, label: "y", help: "copy the article's URL or path (OSC 52)" },
    Binding { keys: &[ch('?')], action: Action::ToggleHelp, label: "?", help: "this help" },
    Binding { keys: &[ch('L')], action: Action::ToggleLog, label: "L", help: "files skipped while loading, and why" },
    Binding { keys: &[ch('q'), (KeyCode::Esc, NONE)], action: Action::Back, label: "q Esc", help: "close help / quit" },
    Binding { keys: &[(KeyCode::Char('c'), CTRL)], action: Action::Quit, label: "Ctrl-C", help: "quit" },
];

/// While a search is typed, keys edit it: characters, Backspace, Enter to finish, Esc to
/// clear; Ctrl-C still quits.
pub fn search_action_for(key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    match key.code {
        KeyCode::Char('c') if key.modifiers.contains(CTRL) => Some(Action::Quit),
        KeyCode::Char(c) if !key.modifiers.contains(CTRL) => Some(Action::SearchChar(c)),
        KeyCode::Backspace => Some(Action::SearchBackspace),
        KeyCode::Enter => Some(Action::SearchDone),
        KeyCode::Esc => Some(Action::Back),
        _ => None,
    }
}

/// The action bound to a key press, if any. Shift is ignored on characters ('G' is 'G').
pub fn action_for(key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let modifiers = match key.code {
        KeyCode::Char(_) | KeyCode::BackTab => key.modifiers - KeyModifiers::SHIFT,
        _ => key.modifiers,
    };
    BINDINGS.iter().find(|b| b.keys.iter().any(|&(code, m)| code == key.code && m == modifiers)).map(|b| b.action)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, m)
    }

    #[test]
    fn vim_and_arrows() {
        assert_eq!(action_for(key(KeyCode::Char('j'), NONE)), Some(Action::Down));
        assert_eq!(action_for(key(KeyCode::Down, NONE)), Some(Action::Down));
        assert_eq!(action_for(key(KeyCode::Char('G'), KeyModifiers::SHIFT)), Some(Action::Last));
        assert_eq!(action_for(key(KeyCode::BackTab, KeyModifiers::SHIFT)), Some(Action::FocusPrev));
        assert_eq!(action_for(key(KeyCode::Char('c'), CTRL)), Some(Action::Quit));
        assert_eq!(action_for(key(KeyCode::Char('c'), NONE)), None);
        assert_eq!(action_for(key(KeyCode::Char('x'), NONE)), None);
    }

    #[test]
    fn no_key_is_bound_twice() {
        let mut seen = std::collections::HashSet::new();
        for b in BINDINGS {
            for k in b.keys {
                assert!(seen.insert(*k), "{k:?} bound twice");
            }
        }
    }
}
