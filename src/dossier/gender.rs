//! Whether the article makes a person a man or a woman, from the honorifics it gives them
//! ("Mr Blunkett", "Ms Hughes", "Lord Carlile"), else from the given name it names them by
//! ("Kathy Rittweger"): "he" cannot be Ms Hughes.

use rustc_hash::FxHashMap;

use super::view::View;
use crate::entities::EntityId;
use crate::lang::{Lang, WordClass};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

impl Gender {
    /// The gender "he" or "she" (any case) stands for.
    pub fn of_pronoun(word: &str) -> Option<Gender> {
        let class = Lang::en().classify(word);
        if !class.has(WordClass::GENDER_PRONOUN) {
            None
        } else if class.has(WordClass::MALE) {
            Some(Gender::Male)
        } else {
            class.has(WordClass::FEMALE).then_some(Gender::Female)
        }
    }

    /// The gender a given name mostly has ("Kathy"; none for "Leslie").
    fn of_given_name(word: &str) -> Option<Gender> {
        let class = Lang::en().given_name_gender(word);
        if class == WordClass::MALE {
            Some(Gender::Male)
        } else {
            (class == WordClass::FEMALE).then_some(Gender::Female)
        }
    }

    fn of_honorific(word: &str) -> Option<Gender> {
        let lang = Lang::en();
        let word = word.trim_end_matches('.');
        if lang.is(word, WordClass::MALE) {
            Some(Gender::Male)
        } else if lang.is(word, WordClass::FEMALE) {
            Some(Gender::Female)
        } else {
            None
        }
    }
}

/// The gender of each person the article gives an honorific to, when it never gives them
/// honorifics of both; for those with none, the gender their given names mostly have, when
/// the names the article gives them agree.
pub fn genders(view: &View) -> FxHashMap<EntityId, Gender> {
    let mut seen: FxHashMap<EntityId, Option<Gender>> = FxHashMap::default();
    for p in &view.persons {
        // The honorific may be the mention's first word or the word before it.
        let before = (p.first > 0 && view.joined(p.first)).then(|| view.word(p.first - 1));
        let Some(g) = Gender::of_honorific(view.word(p.first)).or_else(|| before.and_then(Gender::of_honorific)) else {
            continue;
        };
        let slot = seen.entry(p.entity).or_insert(Some(g));
        if *slot != Some(g) {
            *slot = None;
        }
    }
    let mut given: FxHashMap<EntityId, Option<Gender>> = FxHashMap::default();
    for p in view.persons.iter().filter(|p| p.last > p.first && !seen.contains_key(&p.entity)) {
        let Some(g) = Gender::of_given_name(view.word(p.first)) else { continue };
        let slot = given.entry(p.entity).or_insert(Some(g));
        if *slot != Some(g) {
            *slot = None;
        }
    }
    seen.extend(given);
    seen.into_iter().filter_map(|(e, g)| Some((e, g?))).collect()
}
