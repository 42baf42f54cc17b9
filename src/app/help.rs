//! What help lists: every key in effect in every mode (the key table's, as the config
//! left it, then the fixed keys of typing a search, the picker, the dossier and help
//! itself), folds and the mouse. Help scrolls over these rows.

use super::{App, Keymap};

/// One row of help: the keys (empty for a heading) and what they do.
pub type HelpRow = (String, String);

/// Keys no config changes, by mode.
const FIXED: &[(&str, &[(&str, &str)])] = &[
    (
        "Typing a search (/)",
        &[
            ("letters", "type; the first match shows as you type"),
            ("Backspace", "delete a letter"),
            ("Enter", "keep the place found; n/N step through matches"),
            ("Esc", "back to where the search started"),
        ],
    ),
    (
        "The entity picker (@)",
        &[
            ("letters", "type a name as in fzf ('exact ^start end$ !not)"),
            ("↑ ↓ Ctrl-J/K", "move"),
            ("Enter", "select the entity, go to its first mention"),
            ("Esc", "close"),
        ],
    ),
    (
        "The dossier (i)",
        &[
            ("j k ↑ ↓", "move between items"),
            ("PgUp PgDn", "scroll"),
            ("Enter", "follow: a quote or an article opens, a person's dossier"),
            ("Esc", "back: to the dossier before, on the item you left"),
            ("Ctrl-O", "after following an item: back into the dossier"),
        ],
    ),
    ("Help and the log", &[("j k PgUp PgDn", "scroll help"), ("Esc q ?", "close")]),
    ("Folds", &[("Enter", "reader: open the repeated paragraphs folded in view")]),
    (
        "Mouse",
        &[
            ("click", "focus a pane; open an article (again: read it)"),
            ("click", "select an entity, or a mention's entity; open a fold"),
            ("wheel", "scroll the pane under the pointer"),
        ],
    ),
];

/// Every row help shows, headings included.
pub fn help_rows(keymap: &Keymap) -> Vec<HelpRow> {
    let mut rows = vec![(String::new(), "Keys (every one can be changed in the config)".to_string())];
    rows.extend(keymap.rows().map(|(b, keys)| (Keymap::label(keys), b.help.to_string())));
    for (heading, keys) in FIXED {
        rows.push((String::new(), String::new()));
        rows.push((String::new(), heading.to_string()));
        rows.extend(keys.iter().map(|(k, what)| (k.to_string(), what.to_string())));
    }
    rows
}

impl App {
    /// The first help row shown.
    pub fn help_top(&self) -> usize {
        self.help_top
    }

    /// Help rows shown at once on this screen: the popup's inside.
    pub fn help_height(&self) -> usize {
        (self.layout.area.height as usize).saturating_sub(4).max(1)
    }

    /// j/k, PgUp/PgDn, g/G in help: scrolls it, within its rows.
    pub(super) fn scroll_help(&mut self, delta: isize) {
        let rows = match self.overlay {
            super::Overlay::Corrections => self.corrections_in_effect().len(),
            _ => help_rows(&self.keymap).len(),
        };
        let last = rows.saturating_sub(self.help_height());
        self.help_top = self.help_top.saturating_add_signed(delta).min(last);
    }
}
