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

    pub fn has_surname(&self, word: &str) -> bool {
        self.by_surname.contains_key(word)
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
