//! The people an article names in full, looked up by surname or given name: linking asks for
//! every bare word of the article, so each question costs a hash lookup and a binary search,
//! not a walk over every full name the article writes.

use rustc_hash::FxHashMap as HashMap;

use super::resolve::EntityKey;
use crate::corpus::Field;

/// Where in an article: field, then byte offset (reading order).
pub type At = (Field, usize);

/// Full-name mentions of one article by their last word (surname) and first word (given
/// name), each list in reading order.
#[derive(Default)]
pub struct ArticleNames<'t> {
    by_surname: HashMap<&'t str, Vec<(At, EntityKey)>>,
    by_given: HashMap<&'t str, Vec<(At, EntityKey)>>,
    /// Per given name, the one person it names here (None: several).
    given_person: HashMap<&'t str, Option<EntityKey>>,
    /// Per surname, the words between given name and surname of each full name written
    /// with it ("Ramos" of "Jose Ramos Horta", "van" of "Jean-Francois van Boxmeer").
    middles: HashMap<&'t str, Vec<&'t str>>,
}

impl<'t> ArticleNames<'t> {
    /// Adds a full-name mention; mentions come in reading order.
    pub fn push(&mut self, at: At, key: EntityKey, surname: &'t str, given: &'t str) {
        for (map, word) in [(&mut self.by_surname, surname), (&mut self.by_given, given)] {
            let list = map.entry(word).or_default();
            debug_assert!(list.last().is_none_or(|l| l.0 <= at), "mentions in reading order");
            list.push((at, key));
        }
        self.given_person.entry(given).and_modify(|k| *k = k.filter(|&k| k == key)).or_insert(Some(key));
    }

    /// Notes the middle words of a full name as written, under its surname.
    pub fn push_middle(&mut self, written: &'t str, surname: &'t str) {
        let (Some(first_space), Some(at)) = (written.find(' '), written.rfind(surname)) else { return };
        // A nickname in quote marks (`Roberto " Hands of Stone " Duran`) is no middle name.
        if at > first_space + 1 && !written[first_space..at].contains(['"', '“', '”']) {
            let list = self.middles.entry(surname).or_default();
            let middle = &written[first_space + 1..at - 1];
            if !list.contains(&middle) {
                list.push(middle);
            }
        }
    }

    /// Where a bare surname at `start` really starts: before the end of a full name's
    /// middle words written right before it, in any case ("Ramos Horta", "Van Boxmeer" at
    /// the start of a sentence), longest first.
    pub fn surname_start(&self, text: &str, start: usize, surname: &str) -> usize {
        let Some(list) = self.middles.get(surname) else { return start };
        let before = &text[..start];
        let mut best = start;
        for middle in list {
            // The middle's last words, each followed by the one space before the surname.
            for (i, _) in middle.match_indices(' ').map(|(i, s)| (i + 1, s)).chain([(0, "")]) {
                let tail = &middle[i..];
                let from = before.len().checked_sub(tail.len() + 1);
                let Some(from) = from.filter(|&f| before.is_char_boundary(f)) else { continue };
                let fits = before[from..].strip_suffix(' ').is_some_and(|t| t.eq_ignore_ascii_case(tail))
                    && !before[..from].chars().next_back().is_some_and(char::is_alphanumeric);
                if fits && from < best {
                    best = from;
                }
            }
        }
        best
    }

    pub fn has_surname(&self, word: &str) -> bool {
        self.by_surname.contains_key(word)
    }

    /// Whether one person of this article has both this given name and this surname.
    pub fn pair(&self, given: &str, surname: &str) -> bool {
        let (Some(g), Some(s)) = (self.by_given.get(given), self.by_surname.get(surname)) else { return false };
        g.iter().any(|(_, k)| s.iter().any(|(_, l)| k == l))
    }

    /// Whether the given name names exactly one person of this article.
    pub fn unique_given(&self, word: &str) -> bool {
        self.given_person.get(word).is_some_and(Option::is_some)
    }

    /// The person a bare surname (or given name) at `at` names, of those that `fits` (a
    /// gender that agrees): the nearest full name before it, else the first after it.
    pub fn nearest(&self, word: &str, given: bool, at: At, fits: impl Fn(EntityKey) -> bool) -> Option<EntityKey> {
        let list = if given { &self.by_given } else { &self.by_surname }.get(word)?;
        let before = list.partition_point(|n| n.0 <= at);
        let (earlier, later) = list.split_at(before);
        earlier.iter().rev().chain(later).map(|n| n.1).find(|&k| fits(k))
    }
}
