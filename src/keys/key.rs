//! One key press as the config file writes it (`ctrl-c`, `pagedown`, `G`) and as help
//! shows it (`Ctrl-C`, `PgDn`, `G`).

use std::fmt;
use std::str::FromStr;

use crossterm::event::{KeyCode, KeyModifiers};

/// A key and its modifiers. Shift is never stored: 'G' is 'G', and Shift-Tab is BackTab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    pub const fn new(code: KeyCode, modifiers: KeyModifiers) -> Key {
        Key { code, modifiers }
    }

    pub const fn plain(code: KeyCode) -> Key {
        Key { code, modifiers: KeyModifiers::NONE }
    }

    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    /// How the help overlay and the status line name this key.
    pub fn label(&self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            // Ctrl-C, as terminals and manuals write it.
            KeyCode::Char(c) if self.modifiers.contains(KeyModifiers::CONTROL) => c.to_uppercase().to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Backspace => "Backspace".into(),
            code => format!("{code:?}"),
        };
        format!("{}{name}", self.prefix("Ctrl-", "Alt-"))
    }

    fn prefix(&self, ctrl: &'static str, alt: &'static str) -> String {
        let mut prefix = String::new();
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            prefix.push_str(ctrl);
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            prefix.push_str(alt);
        }
        prefix
    }
}

/// Named keys in the config syntax; the first name of a key is the one printed.
const NAMES: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("shift-tab", KeyCode::BackTab),
    ("space", KeyCode::Char(' ')),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("backspace", KeyCode::Backspace),
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadKey(pub(super) String);

impl fmt::Display for BadKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown key {:?}: use one character, a name (enter, esc, tab, shift-tab, space, up, down, left, \
             right, home, end, pageup, pagedown, backspace, f1-f12), or ctrl-/alt- before one",
            self.0
        )
    }
}

impl FromStr for Key {
    type Err = BadKey;

    fn from_str(s: &str) -> Result<Key, BadKey> {
        let bad = || BadKey(s.to_string());
        let mut rest = s;
        let mut modifiers = KeyModifiers::NONE;
        // "ctrl--" is Ctrl and '-': a prefix needs something after it.
        loop {
            let lower = rest.to_ascii_lowercase();
            if lower.starts_with("ctrl-") && rest.len() > 5 {
                modifiers |= KeyModifiers::CONTROL;
                rest = &rest[5..];
            } else if lower.starts_with("alt-") && rest.len() > 4 {
                modifiers |= KeyModifiers::ALT;
                rest = &rest[4..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() => {
                // Terminals send Ctrl-C whether or not Shift is held.
                KeyCode::Char(if modifiers.contains(KeyModifiers::CONTROL) { c.to_ascii_lowercase() } else { c })
            }
            (Some(_), Some(_)) => {
                let lower = rest.to_ascii_lowercase();
                if let Some(&(_, code)) = NAMES.iter().find(|(name, _)| *name == lower) {
                    code
                } else if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                    if !(1..=12).contains(&n) {
                        return Err(bad());
                    }
                    KeyCode::F(n)
                } else {
                    return Err(bad());
                }
            }
            _ => return Err(bad()),
        };
        Ok(Key { code, modifiers })
    }
}

/// The config syntax: what `from_str` reads back.
impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.prefix("ctrl-", "alt-"))?;
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "f{n}"),
            code => match NAMES.iter().find(|&&(_, c)| c == code) {
                Some((name, _)) => f.write_str(name),
                None => write!(f, "{code:?}"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Key {
        s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn names_chars_and_modifiers() {
        assert_eq!(parse("n"), Key::char('n'));
        assert_eq!(parse("G"), Key::char('G'));
        assert_eq!(parse("-"), Key::char('-'));
        assert_eq!(parse("space"), Key::char(' '));
        assert_eq!(parse("Enter"), Key::plain(KeyCode::Enter));
        assert_eq!(parse("shift-tab"), Key::plain(KeyCode::BackTab));
        assert_eq!(parse("backtab"), Key::plain(KeyCode::BackTab));
        assert_eq!(parse("pagedown"), Key::plain(KeyCode::PageDown));
        assert_eq!(parse("f12"), Key::plain(KeyCode::F(12)));
        assert_eq!(parse("ctrl-c"), Key::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
        assert_eq!(parse("Ctrl-C"), Key::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
        assert_eq!(parse("ctrl--"), Key::new(KeyCode::Char('-'), KeyModifiers::CONTROL));
        assert_eq!(parse("alt-x"), Key::new(KeyCode::Char('x'), KeyModifiers::ALT));
        assert_eq!(parse("ctrl-alt-down"), Key::new(KeyCode::Down, KeyModifiers::CONTROL | KeyModifiers::ALT));
    }

    #[test]
    fn bad_keys_are_errors() {
        for s in ["", "ctrl-", "f0", "f13", "nope", "jk", "\u{1b}", "ctrl-nope", "shift-x"] {
            assert!(s.parse::<Key>().is_err(), "{s:?} parsed");
        }
        assert!(BadKey("jk".into()).to_string().contains("\"jk\""));
    }

    #[test]
    fn display_reads_back() {
        for s in ["n", "G", "space", "enter", "esc", "backtab", "pageup", "f5", "ctrl-c", "alt-x", "home", "-"] {
            assert_eq!(parse(s).to_string(), s);
            assert_eq!(parse(&parse(s).to_string()), parse(s));
        }
    }

    #[test]
    fn labels_for_help() {
        assert_eq!(parse("ctrl-c").label(), "Ctrl-C");
        assert_eq!(parse("space").label(), "Space");
        assert_eq!(parse("down").label(), "↓");
        assert_eq!(parse("pagedown").label(), "PgDn");
        assert_eq!(parse("shift-tab").label(), "Shift-Tab");
        assert_eq!(parse("enter").label(), "Enter");
        assert_eq!(parse("home").label(), "Home");
        assert_eq!(parse("esc").label(), "Esc");
        assert_eq!(parse("alt-x").label(), "Alt-x");
    }
}
