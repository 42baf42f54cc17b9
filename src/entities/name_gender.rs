//! Whether a mention and the person it would join agree on gender: "Mrs Howard" is not
//! Michael Howard, and "Erin Smith" is no nickname of "Aaron Smith".

use crate::lang::{Lang, WordClass};

const GENDERS: WordClass = WordClass::MALE.union(WordClass::FEMALE);

/// The gender the honorific or rank right before `start` gives ("Mrs Howard"; empty: none).
pub fn of_word_before(text: &str, start: usize) -> WordClass {
    let Some(before) = text[..start].strip_suffix(' ') else { return WordClass::empty() };
    let word = before.rsplit(char::is_whitespace).next().unwrap_or_default().trim_end_matches('.');
    Lang::en().classify(word) & GENDERS
}

/// The gender a full name's given name mostly has (empty: unknown).
pub fn of_full_name(name: &str) -> WordClass {
    name.split_whitespace().next().map_or(WordClass::empty(), |given| Lang::en().given_name_gender(given))
}

/// Two genders agree unless both are known and differ.
pub fn agree(a: WordClass, b: WordClass) -> bool {
    a.is_empty() || b.is_empty() || a == b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn honorifics_and_given_names() {
        assert_eq!(of_word_before("said Mrs Howard", 9), WordClass::FEMALE);
        assert_eq!(of_word_before("Mr. Howard", 4), WordClass::MALE);
        assert_eq!(of_word_before("Howard", 0), WordClass::empty());
        assert_eq!(of_full_name("Michael Howard"), WordClass::MALE);
        assert!(!agree(of_full_name("Michael Howard"), WordClass::FEMALE));
        assert!(agree(of_full_name("Keir Starmer"), WordClass::FEMALE), "unknown agrees");
    }
}
