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
    /// How patterns start: most places need no search.
    prefixes: Prefixes,
}

/// 65,536 bits.
struct Bits(Box<[u64; 1024]>);

impl Bits {
    fn new() -> Bits {
        Bits(Box::new([0; 1024]))
    }

    fn set(&mut self, i: usize) {
        self.0[i >> 6] |= 1 << (i & 63);
    }

    fn has(&self, i: usize) -> bool {
        self.0[i >> 6] & (1 << (i & 63)) != 0
    }
}

/// The first bytes of the patterns as bits: three probes rule out nearly every place a
/// search could start (a few thousand patterns start a few hundred pairs of bytes of 65,536).
struct Prefixes {
    /// Bit `a << 8 | b`: a pattern starts with bytes `a`, `b`, or is `a` alone.
    pairs: Bits,
    /// Bit `a << 8 | b`: a pattern is `a b` or `a` alone (it has no third byte to test).
    short: Bits,
    /// Bit [`triple`]`(a, b, c)`: a pattern starts with `a`, `b`, `c`.
    triples: Bits,
}

fn triple(a: u8, b: u8, c: u8) -> usize {
    (u32::from_le_bytes([a, b, c, 0]).wrapping_mul(0x9E37_79B1) >> 16) as usize
}

impl Prefixes {
    fn new(patterns: &[&str]) -> Prefixes {
        let mut p = Prefixes { pairs: Bits::new(), short: Bits::new(), triples: Bits::new() };
        for pattern in patterns {
            match *pattern.as_bytes() {
                [] => {}
                [a] => {
                    for b in 0..=255 {
                        p.pairs.set(usize::from(a) << 8 | b);
                        p.short.set(usize::from(a) << 8 | b);
                    }
                }
                [a, b] => {
                    p.pairs.set(usize::from(a) << 8 | usize::from(b));
                    p.short.set(usize::from(a) << 8 | usize::from(b));
                }
                [a, b, c, ..] => {
                    p.pairs.set(usize::from(a) << 8 | usize::from(b));
                    p.triples.set(triple(a, b, c));
                }
            }
        }
        p
    }

    /// Some pattern may start at byte `i`.
    fn may_start(&self, bytes: &[u8], i: usize) -> bool {
        let (a, b) = (bytes[i], bytes.get(i + 1).copied().unwrap_or(0));
        let pair = usize::from(a) << 8 | usize::from(b);
        self.pairs.has(pair)
            && (self.short.has(pair) || bytes.get(i + 2).is_some_and(|&c| self.triples.has(triple(a, b, c))))
    }
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
        let prefixes = Prefixes::new(&patterns);
        Gazetteer { entries, pattern_entry, automaton, prefixes }
    }

    pub fn entry(&self, i: u32) -> &GazetteerEntry {
        &self.entries[i as usize]
    }

    /// Every whole-word occurrence, leftmost-longest, not overlapping. When the longest form
    /// at a place runs into a word ("Russia" in "Russian"), a shorter form that starts there
    /// and ends on a word boundary is taken instead.
    ///
    /// The automaton is asked only where some pattern may start ([`Prefixes`]) and no letter
    /// or digit comes before: most of a text is one bit probe per byte. (A pattern starts
    /// with a letter, never a UTF-8 continuation byte, so a probe that passes is at a
    /// character boundary.)
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let bytes = text.as_bytes();
        let mut hits = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if self.prefixes.may_start(bytes, i)
                && !ends_in_word(text, i)
                && let Some(hit) = self.longest_at(text, i)
            {
                hits.push(hit);
                i = hit.end;
                continue;
            }
            i += 1;
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

/// A letter or digit ends `text[..at]`.
fn ends_in_word(text: &str, at: usize) -> bool {
    match at.checked_sub(1).map(|k| text.as_bytes()[k]) {
        None => false,
        Some(b) if b < 0x80 => b.is_ascii_alphanumeric(),
        Some(_) => text[..at].chars().next_back().is_some_and(char::is_alphanumeric),
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
    fn one_and_two_byte_forms_are_found_like_long_ones() {
        // Prefixes test a third byte only of forms that have one.
        let g = Gazetteer::from_json(
            r#"{"entities": [
                {"id": "organisation:eu", "name": "EU", "kind": "organisation"},
                {"id": "organisation:x", "name": "X", "kind": "organisation"},
                {"id": "person:tony-blair", "name": "Tony Blair", "kind": "person", "aliases": ["Blair"]}
            ]}"#,
        )
        .unwrap();
        let text = "EU, X and Blair; EUR, Xi, Blairite, Tony Blair, EU";
        let found: Vec<&str> = g.find(text).iter().map(|h| &text[h.start..h.end]).collect();
        assert_eq!(found, ["EU", "X", "Blair", "Tony Blair", "EU"]);
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
