//! One article body as the quote and role rules see it: its words, and which words are the
//! people the index found there.

use super::text::{Word, words};
use crate::corpus::Field;
use crate::entities::{EntityId, Index, Kind, Mention};
use crate::lang::{Lang, WordClass};

/// A person mention in the body, with the words it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Person {
    pub entity: EntityId,
    pub start: usize,
    pub end: usize,
    /// First and last word (inclusive) of the mention.
    pub first: usize,
    pub last: usize,
}

pub struct View<'a> {
    pub body: &'a str,
    pub words: Vec<Word>,
    /// Per word, the word lists it is on (looked up once).
    classes: Vec<WordClass>,
    /// Person mentions in reading order.
    pub persons: Vec<Person>,
    /// Per word, the person mention it is part of (an index into `persons`).
    pub person_at: Vec<Option<u32>>,
    /// Byte ranges of every body mention, of any kind.
    pub names: Vec<(usize, usize)>,
}

impl<'a> View<'a> {
    /// `mentions` are one article's (title ones are skipped); `index` gives their kinds.
    pub fn new(body: &'a str, mentions: &[Mention], index: &Index) -> View<'a> {
        let words = words(body);
        let mut person_at = vec![None; words.len()];
        let mut persons = Vec::new();
        let mut names = Vec::new();
        for m in mentions.iter().filter(|m| m.field == Field::Body) {
            let (start, end) = (m.start as usize, m.end as usize);
            if end > body.len() || !body.is_char_boundary(start) || !body.is_char_boundary(end) {
                continue;
            }
            names.push((start, end));
            if index.entities.get(m.entity as usize).is_none_or(|e| e.kind != Kind::Person) {
                continue;
            }
            let first = words.partition_point(|w| w.end <= start);
            let last = words.partition_point(|w| w.start < end);
            if first >= last || Lang::en().is(words[last - 1].text(body), WordClass::INSTITUTION_HEAD) {
                continue;
            }
            for slot in &mut person_at[first..last] {
                *slot = Some(persons.len() as u32);
            }
            persons.push(Person { entity: m.entity, start, end, first, last: last - 1 });
        }
        let lang = Lang::en();
        let classes = words.iter().map(|w| lang.classify(w.text(body))).collect();
        View { body, words, classes, persons, person_at, names }
    }

    /// Word `i` is on one of the lists in `class`.
    pub fn is(&self, i: usize, class: WordClass) -> bool {
        self.classes.get(i).is_some_and(|c| c.intersects(class))
    }

    pub fn word(&self, i: usize) -> &'a str {
        self.words[i].text(self.body)
    }

    /// The text between word `i - 1` and word `i` (from the start for the first word).
    pub fn gap(&self, i: usize) -> &'a str {
        let from = if i == 0 { 0 } else { self.words[i - 1].end };
        &self.body[from..self.words[i].start]
    }

    /// Only spaces separate word `i` from the word before, and that one is no possessive;
    /// or the word before is an honorific with its full stop ("Mr. Brown").
    pub fn joined(&self, i: usize) -> bool {
        i > 0 && !self.words[i - 1].possessive && {
            let g = self.gap(i);
            let g = if self.is(i - 1, WordClass::HONORIFIC) { g.strip_prefix('.').unwrap_or(g) } else { g };
            !g.is_empty() && g.bytes().all(|b| b == b' ')
        }
    }

    /// Word `i` follows word `i - 1` by spaces, or after its possessive: "Iron Maiden's
    /// Bruce Dickinson".
    pub fn joined_past_possessive(&self, i: usize) -> bool {
        self.joined(i)
            || (i > 0 && self.words[i - 1].possessive && {
                let g = self.gap(i).trim_start_matches(['\'', '’', 's']);
                !g.is_empty() && g.bytes().all(|b| b == b' ')
            })
    }

    /// The first word starting at or after byte `at`.
    pub fn word_from(&self, at: usize) -> usize {
        self.words.partition_point(|w| w.start < at)
    }

    /// The person mention that ends on word `i`.
    pub fn person_ending(&self, i: usize) -> Option<&Person> {
        let p = &self.persons[self.person_at.get(i).copied().flatten()? as usize];
        (p.last == i).then_some(p)
    }

    /// The person mention that starts on word `i`.
    pub fn person_starting(&self, i: usize) -> Option<&Person> {
        let p = &self.persons[self.person_at.get(i).copied().flatten()? as usize];
        (p.first == i).then_some(p)
    }

    /// Whether bytes `start..end` are exactly the text of a mention (a name in quote marks).
    pub fn is_name(&self, start: usize, end: usize) -> bool {
        self.names.iter().any(|&(s, e)| s == start && e == end)
    }

    /// Word `i` is part of a mention of any kind ("Microsoft", "New York").
    pub fn in_name(&self, i: usize) -> bool {
        let w = &self.words[i];
        self.names.iter().any(|&(s, e)| s <= w.start && w.end <= e)
    }
}
