//! Keys to actions: one table of defaults, the keymap in effect after the config file, and
//! what keys mean in each mode (typing a search, help or the log, the dossier), read by the
//! app's input router, the help overlay and the status line.

use std::collections::HashMap;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::{Action, Key};

/// How keys are read: each mode has its own table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    /// A search is being typed: keys edit it.
    Typing,
    /// Help or the log is shown: Esc, q and ? close it.
    Popup,
    /// The dossier is shown: Esc goes back.
    Dossier,
    /// The entity picker (`@`): keys type a name, arrows move, Enter picks.
    Picker,
}

/// One line of the config's `[keys]`: an action's name and the keys that replace its defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyBinding {
    pub action: String,
    pub keys: Vec<Key>,
    pub line: usize,
}

/// One row of the key table: the action, its default keys, and how help describes it.
pub struct Binding {
    /// The action's name in the config file's `[keys]` table: snake_case, never renamed.
    pub name: &'static str,
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
}

const CTRL: KeyModifiers = KeyModifiers::CONTROL;

/// Quits whatever the config says, so that no config leaves a reader that cannot be left.
const CTRL_C: Key = Key::new(KeyCode::Char('c'), CTRL);

/// Close help or the log whatever the config says: an overlay takes every key, so a config
/// that unbound these could never leave it.
const OVERLAY_CLOSE: &[Key] = &[Key::plain(KeyCode::Esc), Key::char('q'), Key::char('?')];

/// Goes back from the dossier whatever the config says, as Esc closes help.
const DOSSIER_BACK: Key = Key::plain(KeyCode::Esc);

/// What the dossier's keys do, for its hints and its note, with the actions they name.
const DOSSIER_KEYS: &[(&[Action], &str, &str)] = &[
    (&[Action::Down, Action::Up], "move", "move"),
    (&[Action::Activate], "follow", "follows"),
    (&[Action::Back], "back", "goes back"),
];

const fn ch(c: char) -> Key {
    Key::char(c)
}

const fn key(code: KeyCode) -> Key {
    Key::plain(code)
}

/// The default keys, in the order help lists them. A new action is one row here: the config
/// file, `--print-config`, help and the event loop all read this table.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    Binding { name: "focus_next", keys: &[key(KeyCode::Tab)], action: Action::FocusNext, help: "next pane" },
    Binding { name: "focus_prev", keys: &[key(KeyCode::BackTab)], action: Action::FocusPrev, help: "previous pane" },
    Binding { name: "down", keys: &[ch('j'), key(KeyCode::Down)], action: Action::Down, help: "move down / scroll down" },
    Binding { name: "up", keys: &[ch('k'), key(KeyCode::Up)], action: Action::Up, help: "move up / scroll up" },
    Binding { name: "first", keys: &[ch('g'), key(KeyCode::Home)], action: Action::First, help: "first item / top" },
    Binding { name: "last", keys: &[ch('G'), key(KeyCode::End)], action: Action::Last, help: "last item / bottom" },
    Binding { name: "page_down", keys: &[key(KeyCode::PageDown), ch(' ')], action: Action::PageDown, help: "scroll the reader a page down" },
    Binding { name: "page_up", keys: &[key(KeyCode::PageUp)], action: Action::PageUp, help: "scroll the reader a page up" },
    Binding { name: "activate", keys: &[key(KeyCode::Enter)], action: Action::Activate, help: "open article / select entity" },
    Binding { name: "next_mention", keys: &[ch('n')], action: Action::NextMention, help: "next search match, or mention of the entity" },
    Binding { name: "prev_mention", keys: &[ch('N')], action: Action::PrevMention, help: "previous search match, or mention" },
    Binding { name: "select_nearest", keys: &[ch('*')], action: Action::SelectNearest, help: "select the entity nearest the top of the reader" },
    Binding { name: "next_on_screen", keys: &[ch(']')], action: Action::NextOnScreen, help: "reader: cursor on the next mention (* and Enter use it)" },
    Binding { name: "prev_on_screen", keys: &[ch('[')], action: Action::PrevOnScreen, help: "reader: cursor to the previous mention" },
    Binding { name: "next_unread", keys: &[ch('u')], action: Action::NextUnread, help: "next unread article (Space at an article's end too)" },
    Binding { name: "prev_unread", keys: &[ch('U')], action: Action::PrevUnread, help: "previous unread article" },
    Binding { name: "filter_entity", keys: &[ch('f')], action: Action::ToggleFilter, help: "list articles naming the selected entity (again: all)" },
    Binding { name: "clear_filters", keys: &[ch('F')], action: Action::ClearFilters, help: "list every article: all filters off" },
    Binding { name: "search", keys: &[ch('/')], action: Action::StartSearch, help: "search titles and bodies as you type" },
    Binding { name: "filter_search", keys: &[ch('&')], action: Action::FilterSearch, help: "list only articles with a search match" },
    Binding { name: "pick_entity", keys: &[ch('@')], action: Action::PickEntity, help: "go to an entity by name (fuzzy, as fzf)" },
    Binding { name: "jump_back", keys: &[Key::new(KeyCode::Char('o'), CTRL)], action: Action::JumpBack, help: "back to where the last jump left" },
    Binding { name: "jump_forward", keys: &[Key::new(KeyCode::Char('n'), CTRL)], action: Action::JumpForward, help: "forward again in the jump list" },
    Binding { name: "toggle_scope", keys: &[ch('a')], action: Action::ToggleScope, help: "entities: this article / all articles" },
    Binding { name: "dossier", keys: &[ch('i')], action: Action::Dossier, help: "dossier of the selected person; Esc returns" },
    Binding { name: "toggle_read", keys: &[ch('m')], action: Action::ToggleRead, help: "mark the article read / unread" },
    Binding { name: "toggle_star", keys: &[ch('s')], action: Action::ToggleStar, help: "star the article / remove the star" },
    Binding { name: "starred_only", keys: &[ch('S')], action: Action::StarredOnly, help: "list starred articles only" },
    Binding { name: "sort", keys: &[ch('o')], action: Action::CycleSort, help: "sort by file, date, title, source, mentions" },
    Binding { name: "copy", keys: &[ch('y')], action: Action::Copy, help: "copy the article's URL or path (OSC 52)" },
    Binding { name: "correct_merge", keys: &[ch('M')], action: Action::CorrectMerge, help: "entity: mark it, then M on another (or @) merges it in" },
    Binding { name: "correct_split", keys: &[ch('D')], action: Action::CorrectSplit, help: "entity: split an alias (or this article's) off it" },
    Binding { name: "correct_kind", keys: &[ch('K')], action: Action::CorrectKind, help: "entity: another kind (p, o, l) or none (n)" },
    Binding { name: "correct_never", keys: &[ch('A')], action: Action::CorrectNever, help: "entity: mark it, then A on another: never merge them" },
    Binding { name: "correct_none", keys: &[ch('X')], action: Action::CorrectNone, help: "entity: not an entity (its mentions go)" },
    Binding { name: "correct_rename", keys: &[ch('R')], action: Action::CorrectRename, help: "entity: rename it (Enter renames, Esc cancels)" },
    Binding { name: "corrections", keys: &[ch('C')], action: Action::ShowCorrections, help: "the corrections in effect, with what each changed" },
    Binding { name: "correct_undo", keys: &[ch('Z')], action: Action::CorrectUndo, help: "undo the last correction" },
    Binding { name: "help", keys: &[ch('?')], action: Action::ToggleHelp, help: "this help" },
    Binding { name: "log", keys: &[ch('L')], action: Action::ToggleLog, help: "files skipped while loading, and why" },
    Binding { name: "back", keys: &[key(KeyCode::Esc)], action: Action::Back, help: "back out: close, clear search or filters; never quits" },
    Binding { name: "quit", keys: &[ch('q'), CTRL_C], action: Action::Quit, help: "quit" },
    Binding { name: "suspend", keys: &[Key::new(KeyCode::Char('z'), CTRL)], action: Action::Suspend, help: "suspend to the shell; fg returns" },
];

/// The keys in effect: the table's defaults with the config file's `[keys]` applied. Which
/// action a key press means is a function of this and the press alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    /// The keys of each row of [`BINDINGS`], in the same order.
    keys: Vec<Vec<Key>>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap { keys: BINDINGS.iter().map(|b| b.keys.to_vec()).collect() }
    }
}

impl Keymap {
    /// The defaults with the config's bindings applied. A configured action's keys replace
    /// its defaults; a key it takes is taken from whichever action had it by default. Two
    /// configured actions with one key, or an unknown action, is an error at its line
    /// (returned with the line). Ctrl-C always quits: given to another action it is an error too.
    pub fn with_bindings(bindings: &[KeyBinding]) -> Result<Keymap, (usize, String)> {
        let mut map = Keymap::default();
        let mut configured = vec![false; BINDINGS.len()];
        let mut taken: HashMap<Key, usize> = HashMap::new();
        for binding in bindings {
            let Some(row) = BINDINGS.iter().position(|b| b.name == binding.action) else {
                let names: Vec<&str> = BINDINGS.iter().map(|b| b.name).collect();
                let message = format!("unknown action {:?}; actions: {}", binding.action, names.join(", "));
                return Err((binding.line, message));
            };
            let mut keys = Vec::new();
            for &key in &binding.keys {
                if key == CTRL_C && BINDINGS[row].action != Action::Quit {
                    let message = format!("ctrl-c always quits: it cannot be bound to {}", binding.action);
                    return Err((binding.line, message));
                }
                if let Some(&other) = taken.get(&key).filter(|&&other| other != row) {
                    let message = format!(
                        "key {:?} is bound to both {} and {}",
                        key.to_string(),
                        BINDINGS[other].name,
                        binding.action
                    );
                    return Err((binding.line, message));
                }
                taken.insert(key, row);
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
            map.keys[row] = keys;
            configured[row] = true;
        }
        // A default key the config gave to another action moves there.
        for (row, keys) in map.keys.iter_mut().enumerate() {
            if !configured[row] {
                keys.retain(|k| !taken.contains_key(k));
            }
        }
        let quit = BINDINGS.iter().position(|b| b.action == Action::Quit).expect("a quit row");
        if !map.keys[quit].contains(&CTRL_C) {
            map.keys[quit].push(CTRL_C);
        }
        Ok(map)
    }

    /// The action a key press asks for in `mode`, if any.
    pub fn action_in(&self, mode: Mode, key: KeyEvent) -> Option<Action> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        if mode == Mode::Typing {
            return search_action_for(key);
        }
        if mode == Mode::Picker {
            return picker_action_for(key);
        }
        let pressed = Self::pressed(key);
        match mode {
            _ if pressed == CTRL_C => Some(Action::Quit),
            Mode::Popup if OVERLAY_CLOSE.contains(&pressed) => Some(Action::Back),
            Mode::Dossier if pressed == DOSSIER_BACK => Some(Action::Back),
            _ => self.action_for(key),
        }
    }

    /// The keys that do `action` in `mode`, the first one the one hints name.
    pub fn keys_in(&self, mode: Mode, action: Action) -> Vec<Key> {
        let fixed = (mode == Mode::Dossier && action == Action::Back).then_some(DOSSIER_BACK);
        fixed.into_iter().chain(self.keys_of(action).iter().copied().filter(|&k| Some(k) != fixed)).collect()
    }

    /// The dossier's key hints, longest first, and its note on what keys do there: named
    /// from the keys in effect ("j/k move · Enter follow · Esc back").
    pub fn dossier_hints(&self) -> ([String; 4], String) {
        let named: Vec<(String, &str, &str)> = DOSSIER_KEYS
            .iter()
            .map(|&(actions, hint, note)| {
                let keys: Vec<String> =
                    actions.iter().filter_map(|&a| self.keys_in(Mode::Dossier, a).first().map(Key::label)).collect();
                (keys.join("/"), hint, note)
            })
            .collect();
        let hints = |from: usize| {
            let set: Vec<String> = named[from..].iter().map(|(k, hint, _)| format!("{k} {hint}")).collect();
            format!(" {} ", set.join(" · "))
        };
        let note: Vec<String> = named.iter().map(|(k, _, note)| format!("{k} {note}")).collect();
        ([hints(0), hints(1), hints(2), String::new()], format!("in the dossier: {}", note.join(", ")))
    }

    /// The action bound to a key press in the normal mode, if any.
    fn action_for(&self, key: KeyEvent) -> Option<Action> {
        let pressed = Self::pressed(key);
        if pressed == CTRL_C {
            return Some(Action::Quit);
        }
        let row = self.keys.iter().position(|keys| keys.contains(&pressed))?;
        Some(BINDINGS[row].action)
    }

    /// A key press as the table writes it. Shift is ignored on characters ('G' is 'G').
    fn pressed(key: KeyEvent) -> Key {
        let modifiers = match key.code {
            KeyCode::Char(_) | KeyCode::BackTab => key.modifiers - KeyModifiers::SHIFT,
            _ => key.modifiers,
        };
        // Terminals send Ctrl-C whether or not Shift is held; the config writes it lower case.
        let code = match key.code {
            KeyCode::Char(c) if modifiers.contains(CTRL) => KeyCode::Char(c.to_ascii_lowercase()),
            code => code,
        };
        Key::new(code, modifiers)
    }

    /// Every row of the table with its keys in effect, for help.
    pub fn rows(&self) -> impl Iterator<Item = (&'static Binding, &[Key])> {
        BINDINGS.iter().zip(self.keys.iter().map(Vec::as_slice))
    }

    /// The keys in effect for `action`; empty when the config left it none.
    pub fn keys_of(&self, action: Action) -> &[Key] {
        BINDINGS.iter().position(|b| b.action == action).map_or(&[], |row| &self.keys[row])
    }

    /// How help names an action's keys: "j ↓"; "—" when it has none.
    pub fn label(keys: &[Key]) -> String {
        if keys.is_empty() {
            return "—".into();
        }
        keys.iter().map(Key::label).collect::<Vec<_>>().join(" ")
    }
}

/// While a search is typed, keys edit it: characters, Backspace, Enter to finish, Esc to
/// clear; Ctrl-C still quits.
fn search_action_for(key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    match key.code {
        KeyCode::Char('c') if key.modifiers.contains(CTRL) => Some(Action::Quit),
        KeyCode::Char('z') if key.modifiers.contains(CTRL) => Some(Action::Suspend),
        KeyCode::Char(c) if !key.modifiers.contains(CTRL) => Some(Action::SearchChar(c)),
        KeyCode::Backspace => Some(Action::SearchBackspace),
        KeyCode::Enter => Some(Action::SearchDone),
        KeyCode::Esc => Some(Action::Back),
        _ => None,
    }
}

/// In the picker, keys type a name as in fzf: arrows and Ctrl-J/K (or Ctrl-N/P) move,
/// Enter picks, Esc closes; Ctrl-C still quits.
fn picker_action_for(key: KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(CTRL);
    match key.code {
        KeyCode::Char('c') if ctrl => Some(Action::Quit),
        KeyCode::Char('j' | 'n') if ctrl => Some(Action::Down),
        KeyCode::Char('k' | 'p') if ctrl => Some(Action::Up),
        KeyCode::Char(c) if !ctrl => Some(Action::SearchChar(c)),
        KeyCode::Backspace => Some(Action::SearchBackspace),
        KeyCode::Enter => Some(Action::Activate),
        KeyCode::Esc => Some(Action::Back),
        KeyCode::Down => Some(Action::Down),
        KeyCode::Up => Some(Action::Up),
        KeyCode::PageDown => Some(Action::PageDown),
        KeyCode::PageUp => Some(Action::PageUp),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::config::{Config, ConfigError};

    const NONE: KeyModifiers = KeyModifiers::NONE;

    fn press(map: &Keymap, code: KeyCode, m: KeyModifiers) -> Option<Action> {
        map.action_in(Mode::Normal, KeyEvent::new(code, m))
    }

    fn keymap(toml: &str) -> Result<Keymap, ConfigError> {
        Config::parse(toml, Path::new("c.toml")).unwrap().keymap()
    }

    #[test]
    fn vim_and_arrows() {
        let map = Keymap::default();
        assert_eq!(press(&map, KeyCode::Char('j'), NONE), Some(Action::Down));
        assert_eq!(press(&map, KeyCode::Down, NONE), Some(Action::Down));
        assert_eq!(press(&map, KeyCode::Char('G'), KeyModifiers::SHIFT), Some(Action::Last));
        assert_eq!(press(&map, KeyCode::BackTab, KeyModifiers::SHIFT), Some(Action::FocusPrev));
        assert_eq!(press(&map, KeyCode::Char('c'), CTRL), Some(Action::Quit));
        assert_eq!(press(&map, KeyCode::Char('c'), NONE), None);
        assert_eq!(press(&map, KeyCode::Char('x'), NONE), None);
    }

    #[test]
    fn no_key_is_bound_twice_and_names_are_unique() {
        let mut seen = std::collections::HashSet::new();
        let mut names = std::collections::HashSet::new();
        for b in BINDINGS {
            assert!(names.insert(b.name), "{} named twice", b.name);
            for k in b.keys {
                assert!(seen.insert(*k), "{k:?} bound twice");
            }
        }
    }

    #[test]
    fn a_configured_action_replaces_its_keys() {
        let map = keymap("[keys]\ndown = [\"s\", \"ctrl-n\"]\nquit = \"ctrl-q\"").unwrap();
        assert_eq!(press(&map, KeyCode::Char('s'), NONE), Some(Action::Down));
        assert_eq!(press(&map, KeyCode::Char('n'), CTRL), Some(Action::Down));
        assert_eq!(press(&map, KeyCode::Char('j'), NONE), None, "the default is replaced");
        assert_eq!(press(&map, KeyCode::Down, NONE), None);
        assert_eq!(press(&map, KeyCode::Char('q'), CTRL), Some(Action::Quit));
        assert_eq!(press(&map, KeyCode::Char('k'), NONE), Some(Action::Up), "others keep theirs");
    }

    #[test]
    fn rebinding_a_default_key_moves_it() {
        let map = keymap("[keys]\nback = [\"q\", \"esc\"]").unwrap();
        assert_eq!(press(&map, KeyCode::Char('q'), NONE), Some(Action::Back));
        assert_eq!(Keymap::label(map.keys_of(Action::Quit)), "Ctrl-C", "quit loses q, keeps Ctrl-C");
        // An action that loses its only key is listed with none.
        let map = keymap("[keys]\nnext_mention = \"N\"").unwrap();
        assert_eq!(press(&map, KeyCode::Char('N'), KeyModifiers::SHIFT), Some(Action::NextMention));
        assert!(map.keys_of(Action::PrevMention).is_empty());
        assert_eq!(Keymap::label(map.keys_of(Action::PrevMention)), "—");
    }

    #[test]
    fn swapping_two_actions_is_allowed() {
        let map = keymap("[keys]\nnext_mention = \"N\"\nprev_mention = \"n\"").unwrap();
        assert_eq!(press(&map, KeyCode::Char('n'), NONE), Some(Action::PrevMention));
        assert_eq!(press(&map, KeyCode::Char('N'), NONE), Some(Action::NextMention));
    }

    #[test]
    fn one_key_for_two_configured_actions_is_an_error_at_the_later_line() {
        let e = keymap("[keys]\ndown = \"x\"\n\nup = [\"k\", \"x\"]").unwrap_err();
        assert_eq!(e.line, Some(4));
        assert!(e.message.contains("\"x\"") && e.message.contains("down") && e.message.contains("up"), "{e}");
    }

    #[test]
    fn unknown_action_is_an_error_at_its_line() {
        let e = keymap("mouse = false\n[keys]\ndown = \"j\"\njump = \"x\"").unwrap_err();
        assert_eq!(e.line, Some(4));
        assert!(e.message.contains("unknown action \"jump\""), "{e}");
    }

    #[test]
    fn ctrl_c_quits_whatever_the_config_says() {
        let ctrl_c = |map: &Keymap| press(map, KeyCode::Char('c'), CTRL);
        let map = keymap("[keys]\nquit = []\nback = []\nsearch = []\n").unwrap();
        assert_eq!(ctrl_c(&map), Some(Action::Quit), "a config cannot leave nothing that quits");
        assert_eq!(Keymap::label(map.keys_of(Action::Quit)), "Ctrl-C", "and help says so");
        let map = keymap("[keys]\nquit = \"ctrl-q\"\n").unwrap();
        assert_eq!(ctrl_c(&map), Some(Action::Quit), "another quit key comes on top");
        assert_eq!(press(&map, KeyCode::Char('q'), CTRL), Some(Action::Quit));
        assert_eq!(press(&map, KeyCode::Char('C'), CTRL | KeyModifiers::SHIFT), Some(Action::Quit));
        // Giving Ctrl-C to another action is an error at its line, not a reader that cannot quit.
        let e = keymap("[keys]\ndown = [\"j\", \"ctrl-c\"]\n").unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.message.contains("ctrl-c always quits"), "{e}");
    }

    #[test]
    fn an_open_overlay_closes_with_esc_q_and_question_mark_whatever_the_config_says() {
        let map = keymap("[keys]\nback = []\nhelp = \"h\"\ndown = \"q\"\nup = \"esc\"\n").unwrap();
        assert_eq!(press(&map, KeyCode::Char('q'), NONE), Some(Action::Down), "no overlay: the config's keys");
        assert_eq!(press(&map, KeyCode::Char('?'), NONE), None);
        let popup = |code| map.action_in(Mode::Popup, KeyEvent::new(code, NONE));
        for code in [KeyCode::Esc, KeyCode::Char('q'), KeyCode::Char('?')] {
            assert_eq!(popup(code), Some(Action::Back), "{code:?} closes it");
        }
        assert_eq!(popup(KeyCode::Char('h')), Some(Action::ToggleHelp), "its own key too");
        assert_eq!(map.action_in(Mode::Popup, KeyEvent::new(KeyCode::Char('c'), CTRL)), Some(Action::Quit));
    }

    #[test]
    fn the_dossier_hints_name_the_keys_in_effect_and_esc_always_goes_back() {
        let (hints, note) = Keymap::default().dossier_hints();
        assert_eq!(hints[0], " j/k move · Enter follow · Esc back ");
        assert_eq!(hints[1], " Enter follow · Esc back ");
        assert_eq!(hints[2], " Esc back ");
        assert_eq!(note, "in the dossier: j/k move, Enter follows, Esc goes back");
        let map = keymap("[keys]\nback = \"x\"\ndown = \"s\"\nactivate = \"o\"\n").unwrap();
        assert_eq!(map.dossier_hints().0[0], " s/k move · o follow · Esc back ");
        let dossier = |code| map.action_in(Mode::Dossier, KeyEvent::new(code, NONE));
        assert_eq!(dossier(KeyCode::Esc), Some(Action::Back));
        assert_eq!(dossier(KeyCode::Char('x')), Some(Action::Back));
        assert_eq!(dossier(KeyCode::Char('s')), Some(Action::Down));
    }

    #[test]
    fn typing_a_search_takes_characters() {
        let map = Keymap::default();
        let typing = |code, m| map.action_in(Mode::Typing, KeyEvent::new(code, m));
        assert_eq!(typing(KeyCode::Char('q'), NONE), Some(Action::SearchChar('q')));
        assert_eq!(typing(KeyCode::Esc, NONE), Some(Action::Back));
        assert_eq!(typing(KeyCode::Char('c'), CTRL), Some(Action::Quit));
    }

    #[test]
    fn labels_join_the_keys_in_effect() {
        let map = Keymap::default();
        assert_eq!(Keymap::label(map.keys_of(Action::Down)), "j ↓");
        assert_eq!(Keymap::label(map.keys_of(Action::PageDown)), "PgDn Space");
        assert_eq!(Keymap::label(map.keys_of(Action::Quit)), "q Ctrl-C");
        assert_eq!(Keymap::label(map.keys_of(Action::Back)), "Esc");
    }
}
