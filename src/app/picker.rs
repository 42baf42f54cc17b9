//! A fuzzy picker over the corpus's entities, typed as in fzf: every name and alias is
//! matched with nucleo's matcher, the best first, the most mentioned first among equals
//! (and with nothing typed). A component of its own, so that any feature that needs "pick
//! an entity" (`@`, a correction's "the other entity") holds one and draws it.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32String};

use crate::entities::{EntityId, Index};
use crate::lang::{Lang, WordClass};

/// Names kept per entity: the most frequent aliases are the ones typed.
const ALIASES: usize = 8;

#[derive(Debug, Clone)]
pub struct EntityPicker {
    /// Every name to match: the entity, which of its names (0: the name, then aliases),
    /// the name prepared for the matcher. Entities by most mentions, each one's names together.
    names: Vec<(EntityId, u8, Utf32String)>,
    /// Which entities are persons: "Sir Keir" or "Ms Hewitt" picks among them only.
    persons: Vec<bool>,
    /// Each entity's given name's gender, as far as known: "Ms" puts women first.
    genders: Vec<WordClass>,
    query: String,
    /// The entities matching the query, best first, each with the name that matched best.
    matches: Vec<(EntityId, u8)>,
    cursor: usize,
    /// The matches of each shorter query typed, for Backspace to take back at no cost.
    before: Vec<Vec<(EntityId, u8)>>,
    matcher: Matcher,
}

impl EntityPicker {
    /// A picker over every entity of `index`, nothing typed yet.
    pub fn new(index: &Index) -> EntityPicker {
        let mut order: Vec<EntityId> = (0..index.entities.len() as EntityId).collect();
        order.sort_by_key(|&e| (std::cmp::Reverse(index.entity(e).mentions), index.entity(e).name.as_str()));
        let mut names = Vec::new();
        for &id in &order {
            let e = index.entity(id);
            let aliases = e.aliases.iter().filter(|a| **a != e.name).take(ALIASES);
            for (i, name) in std::iter::once(&e.name).chain(aliases).enumerate() {
                names.push((id, i as u8, Utf32String::from(name.as_str())));
            }
        }
        let matches = order.iter().map(|&e| (e, 0)).collect();
        let matcher = Matcher::new(Config::DEFAULT);
        let persons = index.entities.iter().map(|e| e.kind == crate::entities::Kind::Person).collect();
        let given = |name: &str| Lang::en().given_name_gender(name.split_whitespace().next().unwrap_or(""));
        let genders = index.entities.iter().map(|e| given(&e.name)).collect();
        EntityPicker { names, persons, genders, query: String::new(), matches, cursor: 0, before: Vec::new(), matcher }
    }

    pub fn query(&self) -> &str {
        &self.query
    }

    /// The matching entities, best first, with the index of the name that matched (0: the
    /// name itself, else alias `i - 1` of those not equal to it).
    pub fn matches(&self) -> &[(EntityId, u8)] {
        &self.matches
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The entity under the cursor.
    pub fn chosen(&self) -> Option<EntityId> {
        self.matches.get(self.cursor).map(|&(e, _)| e)
    }

    /// A character typed: only the entities that matched already can match now (as fzf
    /// narrows), unless it starts a negation or the words after an honorific.
    pub fn push(&mut self, c: char) {
        let before = honorific_split(&self.query);
        let (was, was_persons) = (before.0.to_string(), before.1);
        self.query.push(c);
        let (now, persons) = honorific_split(&self.query);
        let narrow = !was.trim().is_empty()
            && persons == was_persons
            && now.starts_with(was.as_str())
            && !matches!(c, '!' | '\\' | ' ')
            && !now.contains('!');
        self.before.push(self.matches.clone());
        self.rematch(narrow);
    }

    pub fn backspace(&mut self) {
        if self.query.pop().is_none() {
            return;
        }
        self.cursor = 0;
        match self.before.pop() {
            Some(matches) => self.matches = matches,
            None => self.rematch(false),
        }
    }

    /// Moves the cursor by `delta`, within the matches.
    pub fn move_by(&mut self, delta: isize) {
        self.cursor = self.cursor.saturating_add_signed(delta).min(self.matches.len().saturating_sub(1));
    }

    /// Scores every name against the query: the work of a keystroke, in proportion to
    /// the number of names only.
    fn rematch(&mut self, narrow: bool) {
        self.cursor = 0;
        let mut allowed = Vec::new();
        if narrow {
            allowed = vec![false; self.persons.len()];
            for &(id, _) in &self.matches {
                allowed[id as usize] = true;
            }
        }
        // "Sir Keir": a person, by the words after the honorific; "Ms Hewitt": of the
        // persons matching, those whose given name agrees come first.
        let (query, persons_only) = honorific_split(&self.query);
        let honorific = self.query.split_whitespace().next().unwrap_or("");
        let gender = match persons_only {
            true => Lang::en().classify(honorific) & (WordClass::MALE | WordClass::FEMALE),
            false => WordClass::empty(),
        };
        let pattern = Pattern::parse(query, CaseMatching::Smart, Normalization::Smart);
        let mut scored: Vec<(u32, usize, EntityId, u8)> = Vec::new();
        let agrees = |id: EntityId| !gender.is_empty() && self.genders[id as usize].has(gender);
        for (rank, (id, which, name)) in self.names.iter().enumerate() {
            if persons_only && !self.persons[*id as usize] || narrow && !allowed[*id as usize] {
                continue;
            }
            let Some(score) = pattern.score(name.slice(..), &mut self.matcher) else { continue };
            // Names of one entity are together: keep the best of them.
            match scored.last_mut() {
                Some(last) if last.2 == *id => {
                    if score > last.0 {
                        (last.0, last.3) = (score, *which);
                    }
                }
                _ => scored.push((score, rank, *id, *which)),
            }
        }
        // The best score first; among equals the most mentioned (the names' order).
        scored.sort_by_key(|&(score, rank, id, _)| (!agrees(id), std::cmp::Reverse(score), rank));
        self.matches = scored.into_iter().map(|(_, _, id, which)| (id, which)).collect();
    }

    /// The name that matched for `entity`'s row `which`.
    pub fn name_of(index: &Index, entity: EntityId, which: u8) -> &str {
        let e = index.entity(entity);
        match which {
            0 => &e.name,
            i => e.aliases.iter().filter(|a| **a != e.name).nth(i as usize - 1).map_or(&e.name, String::as_str),
        }
    }
}

/// "Sir Keir": the words after the honorific, to be matched among persons only; any
/// other query as it is.
fn honorific_split(query: &str) -> (&str, bool) {
    // Typed in lower case as often as not ("ms hewitt"), as in fzf.
    let honorific = |w: &str| {
        let mut chars = w.chars();
        let capitalised: String = chars.next().into_iter().flat_map(char::to_uppercase).chain(chars).collect();
        crate::lang::Lang::en().is_honorific(w) || crate::lang::Lang::en().is_honorific(&capitalised)
    };
    match query.trim_start().split_once(' ') {
        Some((first, rest)) if !rest.trim().is_empty() && honorific(first) => (rest, true),
        _ => (query, false),
    }
}

#[cfg(test)]
mod tests {
    use super::honorific_split;

    #[test]
    fn an_honorific_in_any_case_limits_the_query_to_persons() {
        assert_eq!(honorific_split("Ms Hewitt"), ("Hewitt", true));
        assert_eq!(honorific_split("ms hewitt"), ("hewitt", true));
        assert_eq!(honorific_split("sir keir"), ("keir", true));
        assert_eq!(honorific_split("hewitt"), ("hewitt", false));
        assert_eq!(honorific_split("mr"), ("mr", false));
    }
}
