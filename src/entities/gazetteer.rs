//! Known people, organisations and places with their aliases (`assets/gazetteer.json`),
//! matched as whole, case-sensitive words with one Aho-Corasick automaton.

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};
use serde::Deserialize;

use super::Kind;

const EMBEDDED: &str = include_str!("../../assets/gazetteer.json");

#[derive(Debug, Clone, Deserialize)]
pub struct GazetteerEntry {
    pub id: String,
    pub name: String,
    pub kind: Kind,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Deserialize)]
struct File {
    entities: Vec<GazetteerEntry>,
}

pub struct Gazetteer {
    pub entries: Vec<GazetteerEntry>,
    /// For each automaton pattern, the entry it names.
    pattern_entry: Vec<u32>,
    /// Matches patterns anchored at a given position only: searched at word starts.
    automaton: AhoCorasick,
    /// The bytes some pattern starts with: other word starts need no search.
    first_bytes: [bool; 256],
}

/// A gazetteer hit: `start..end` in the text, and the entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub entry: u32,
}

impl Gazetteer {
    /// The gazetteer compiled into the binary, built once per process.
    pub fn embedded() -> &'static Gazetteer {
        static GAZETTEER: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        GAZETTEER.get_or_init(|| Gazetteer::from_json(EMBEDDED).expect("assets/gazetteer.json is valid (tested)"))
    }

    pub fn from_json(json: &str) -> Result<Gazetteer, serde_json::Error> {
        let file: File = serde_json::from_str(json)?;
        Ok(Gazetteer::new(file.entities))
    }

    pub fn new(entries: Vec<GazetteerEntry>) -> Gazetteer {
        let mut patterns = Vec::new();
        let mut pattern_entry = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            for form in std::iter::once(&e.name).chain(&e.aliases) {
                patterns.push(form.as_str());
                pattern_entry.push(i as u32);
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns)
            .expect("gazetteer patterns build");
        let mut first_bytes = [false; 256];
        for p in &patterns {
            if let Some(&b) = p.as_bytes().first() {
                first_bytes[b as usize] = true;
            }
        }
        Gazetteer { entries, pattern_entry, automaton, first_bytes }
    }

    pub fn entry(&self, i: u32) -> &GazetteerEntry {
        &self.entries[i as usize]
    }

    /// Every whole-word occurrence, leftmost-longest, not overlapping. When the longest form
    /// at a place runs into a word ("Russia" in "Russian"), a shorter form that starts there
    /// and ends on a word boundary is taken instead.
    ///
    /// Only word starts are searched (a pattern is a whole word), and only those whose first
    /// byte begins some pattern: most of a text is never looked at by the automaton.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let bytes = text.as_bytes();
        let mut hits = Vec::new();
        let mut i = 0;
        let mut after_word = false;
        while i < bytes.len() {
            let (word_char, len) = match bytes[i] {
                b if b < 0x80 => (b.is_ascii_alphanumeric(), 1),
                _ => text[i..].chars().next().map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8())),
            };
            if word_char
                && !after_word
                && self.first_bytes[bytes[i] as usize]
                && let Some(hit) = self.longest_at(text, i)
            {
                hits.push(hit);
                i = hit.end;
                after_word = text[..i].chars().next_back().is_some_and(char::is_alphanumeric);
                continue;
            }
            after_word = word_char;
            i += len;
        }
        hits
    }

    /// The longest whole-word form that starts at byte `start`.
    fn longest_at(&self, text: &str, start: usize) -> Option<Hit> {
        let mut end = text.len();
        loop {
            let m = self.automaton.find(Input::new(text).range(start..end).anchored(Anchored::Yes))?;
            if is_whole_word(text, m.start(), m.end()) {
                return Some(Hit { start: m.start(), end: m.end(), entry: self.pattern_entry[m.pattern().as_usize()] });
            }
            end = m.end() - 1; // a shorter form, if there is one
            if end <= start {
                return None;
            }
        }
    }
}

/// No letter or digit touches the span on either side.
pub fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Gazetteer {
        Gazetteer::from_json(
            r#"{"entities": [
                {"id": "place:washington", "name": "Washington", "kind": "place"},
                {"id": "organisation:washington-post", "name": "Washington Post", "kind": "organisation"},
                {"id": "place:russia", "name": "Russia", "kind": "place"},
                {"id": "person:vladimir-putin", "name": "Vladimir Putin", "kind": "person", "aliases": ["Putin"]}
            ]}"#,
        )
        .unwrap()
    }

    #[test]
    fn whole_words_longest_first() {
        let g = small();
        let text = "The Washington Post says Russian and Russia's Putin’s Putinism, a Russia-backed pro-Russia XPutin";
        let found: Vec<&str> = g.find(text).iter().map(|h| &text[h.start..h.end]).collect();
        assert_eq!(found, ["Washington Post", "Russia", "Putin", "Russia", "Russia"]);
    }

    #[test]
    fn a_shorter_form_where_the_longest_runs_into_a_word() {
        let g = Gazetteer::from_json(
            r#"{"entities": [
                {"id": "place:new-york", "name": "New York", "kind": "place"},
                {"id": "organisation:new-york-times", "name": "New York Times", "kind": "organisation"}
            ]}"#,
        )
        .unwrap();
        let text = "New York Timesquare and the New York Times";
        let found: Vec<(&str, u32)> = g.find(text).iter().map(|h| (&text[h.start..h.end], h.entry)).collect();
        assert_eq!(found, [("New York", 0), ("New York Times", 1)]);
    }

    #[test]
    fn case_sensitive() {
        assert!(small().find("putin and russia").is_empty());
    }

    #[test]
    fn embedded_gazetteer_is_consistent() {
        let g = Gazetteer::embedded();
        let mut ids = std::collections::HashSet::new();
        let mut forms = std::collections::HashMap::new();
        for e in &g.entries {
            assert!(ids.insert(e.id.clone()), "duplicate id {}", e.id);
            assert_eq!(e.id, super::super::kind::slug(e.kind, &e.name), "id of {}", e.name);
            for f in std::iter::once(&e.name).chain(&e.aliases) {
                if let Some(other) = forms.insert(f.clone(), e.id.clone()) {
                    panic!("{f:?} names both {other} and {}", e.id);
                }
            }
        }
    }
}
