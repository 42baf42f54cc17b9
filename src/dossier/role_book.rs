//! Who holds a role across the corpus: "the prime minister" in one article is the person
//! other articles call "Prime Minister Tony Blair", when one person holds most of that role.

use rustc_hash::FxHashMap;

use super::roles::{another_role, role_key};
use crate::entities::EntityId;

/// Role holders by every word-suffix of the role key: "uk foreign secretary" also counts
/// for "foreign secretary" and "secretary" ("shadow home secretary" for itself only).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RoleBook {
    holders: FxHashMap<String, FxHashMap<EntityId, usize>>,
}

impl RoleBook {
    /// From role texts as written, each with the person it was found beside.
    pub fn new<'t>(roles: impl IntoIterator<Item = (&'t str, EntityId)>) -> RoleBook {
        let mut holders: FxHashMap<String, FxHashMap<EntityId, usize>> = FxHashMap::default();
        for (text, e) in roles {
            let key = role_key(text);
            let mut suffix = key.as_str();
            loop {
                *holders.entry(suffix.to_string()).or_default().entry(e).or_default() += 1;
                match suffix.split_once(' ') {
                    // "shadow home secretary" is no "home secretary".
                    Some((first, rest)) if !another_role(first) => suffix = rest,
                    _ => break,
                }
            }
        }
        RoleBook { holders }
    }

    /// Whether the text anywhere gives `e` role `key`.
    pub fn holds(&self, key: &str, e: EntityId) -> bool {
        self.holders.get(key).is_some_and(|c| c.contains_key(&e))
    }

    /// Of the people `named` (those an article names, with or without the role), the one
    /// holding role `key` most often across the corpus; none on a tie.
    pub fn holder_among(&self, key: &str, named: impl Fn(EntityId) -> bool) -> Option<EntityId> {
        let counts = self.holders.get(key)?;
        let mut best: Option<(EntityId, usize)> = None;
        let mut tie = false;
        for (&e, &n) in counts.iter().filter(|(e, _)| named(**e)) {
            match best {
                Some((_, m)) if n < m => {}
                Some((_, m)) if n == m => tie = true,
                _ => {
                    best = Some((e, n));
                    tie = false;
                }
            }
        }
        best.filter(|_| !tie).map(|b| b.0)
    }

    /// The person holding role `key` (a [`role_key`]) in most of its uses, at least twice
    /// as often as anyone else: "the prime minister" of a British corpus, despite foreign ones.
    pub fn holder(&self, key: &str) -> Option<EntityId> {
        let counts = self.holders.get(key)?;
        let total: usize = counts.values().sum();
        let (mut best, mut second) = ((EntityId::MAX, 0), 0);
        for (&e, &n) in counts {
            if n > best.1 || (n == best.1 && e < best.0) {
                second = best.1;
                best = (e, n);
            } else {
                second = second.max(n);
            }
        }
        (best.1 >= 2 && 2 * best.1 > total && best.1 >= 2 * second).then_some(best.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dominant_holder_only() {
        let book = RoleBook::new([
            ("UK Foreign Secretary", 1),
            ("Foreign Secretary", 1),
            ("foreign secretary", 2),
            ("Home Secretary", 3),
            ("Shadow Home Secretary", 6),
            ("shadow home secretary", 6),
            ("Prime Minister", 4),
            ("prime minister", 4),
            ("Prime Minister", 5),
        ]);
        assert_eq!(book.holder("foreign secretary"), Some(1));
        assert_eq!(book.holder("uk foreign secretary"), None); // once only
        assert_eq!(book.holder("secretary"), None); // 2 of 4 uses is no majority
        assert_eq!(book.holder("prime minister"), Some(4));
        assert_eq!(book.holder("chancellor"), None);
        assert_eq!(book.holder("home secretary"), None); // once, the shadow aside
        assert!(book.holds("secretary", 3) && !book.holds("home secretary", 6));
        // Among the people an article names.
        assert_eq!(book.holder_among("secretary", |e| e == 3 || e == 9), Some(3));
        assert_eq!(book.holder_among("secretary", |e| e == 1 || e == 3), Some(1));
        assert_eq!(book.holder_among("foreign secretary", |e| e == 9), None);
    }
}
