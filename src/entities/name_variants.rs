//! One person written two ways: "Vince" and "Vincent Cable", "Eliot" and "Elliot Spitzer",
//! "Jose Reyes" and "Jose Antonio Reyes", "Yanukovych" and "Yanukovich". Precision first: two
//! full names are one person only when exactly one part differs, and it differs as a known
//! nickname with the same first letter ("Ian" is no nickname of "John Hart"), a one-letter
//! spelling variant, or a middle name left out, and the given names' genders agree. Given
//! names that are neither ("Ben" and "Bill Gates") are two people. Surnames spelt one letter
//! apart are often two real surnames ("Davis", "Davies"; "Kelly", "Kelley"), so only long
//! ones count.

use crate::lang::{Lang, word_key};

use super::name_gender;

/// Whether two different full names of people may name one person.
pub fn same_person(a: &str, b: &str) -> bool {
    let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split_whitespace().collect(), b.split_whitespace().collect());
    if wa.len() < 2 || wb.len() < 2 || wa == wb {
        return false;
    }
    let (ga, sa, ma) = (wa[0], wa[wa.len() - 1], &wa[1..wa.len() - 1]);
    let (gb, sb, mb) = (wb[0], wb[wb.len() - 1], &wb[1..wb.len() - 1]);
    let given = if ga == gb {
        true
    } else {
        (Lang::en().is_nickname_pair(ga, gb) && ga.chars().next() == gb.chars().next() || spelling_variant(ga, gb, 5))
            && name_gender::agree(name_gender::of_full_name(a), name_gender::of_full_name(b))
    };
    let surname = sa == sb || spelling_variant(sa, sb, LONG_SURNAME);
    // A middle name left out: "Jose Reyes", "Jose Antonio Reyes" (not an initial: "George
    // Bush" may be either President Bush).
    let middle = ma == mb || (ma.is_empty() || mb.is_empty()) && ma.iter().chain(mb).all(|w| w.chars().count() > 2);
    let differing = usize::from(ga != gb) + usize::from(sa != sb) + usize::from(ma != mb);
    given && surname && middle && differing == 1
}

/// Whether two full names written in one article name one person there: [`same_person`],
/// or the same given name and surname with middle names or initials left out of one
/// ("Tracy C. Dyson" and "Tracy Dyson", "Joyce Hilda Mtila Banda" and "Joyce Banda"). Across
/// articles an initial may tell two people apart; in one article the writer has named the
/// person in full once and shortens the name after.
pub fn same_person_in_article(a: &str, b: &str) -> bool {
    let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split_whitespace().collect(), b.split_whitespace().collect());
    // One of them two words, the other more, the same first and last.
    let short_and_long = wa.len().min(wb.len()) == 2 && wa.len() != wb.len();
    (short_and_long && wa[0] == wb[0] && wa.last() == wb.last()) || same_person(a, b)
}

/// Keys a name shares with every name it may be [`same_person`] with, so that only names
/// sharing a key need comparing: the given name and surname without middle names; the
/// surname (or the given name) with each of the other's letters left out in turn; the
/// surname with each name the given name is a nickname of, or has as a nickname.
pub fn meeting_keys(name: &str) -> Vec<u64> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let (Some(given), Some(surname)) = (words.first(), words.last()) else { return Vec::new() };
    if words.len() < 2 {
        return Vec::new();
    }
    // Keys are hashes of their text, written into one buffer: a name has a dozen or more,
    // and names sharing a key are compared anyway, so a rare collision costs one comparison.
    let mut buf = String::new();
    let mut key = |parts: &[&str]| {
        buf.clear();
        parts.iter().for_each(|p| buf.push_str(p));
        word_key(&buf)
    };
    let mut keys = vec![key(&["m ", given, " ", surname])];
    for (tag, kept, spelt, min) in [("s ", given, surname, LONG_SURNAME), ("g ", surname, given, 5)] {
        if spelt.chars().count() >= min {
            keys.push(key(&[tag, kept, " ", spelt]));
            for (i, c) in spelt.char_indices() {
                keys.push(key(&[tag, kept, " ", &spelt[..i], &spelt[i + c.len_utf8()..]]));
            }
        }
    }
    for nick in std::iter::once(*given).chain(Lang::en().nickname_partners(given).iter().copied()) {
        keys.push(key(&["n ", surname, " ", nick]));
    }
    keys
}

/// Surnames at least this long may be spelt one letter apart ("Yanukovych", "Yanukovich").
const LONG_SURNAME: usize = 8;

/// Two spellings of one name: at least `min` letters, the same first and last letter, one
/// letter added, dropped or changed ("Eliot", "Elliot").
fn spelling_variant(a: &str, b: &str, min: usize) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    a.len().min(b.len()) >= min
        && a.len().abs_diff(b.len()) <= 1
        && a.first() == b.first()
        && a.last() == b.last()
        && one_edit_apart(&a, &b)
}

/// Exactly one insertion, deletion or substitution turns one into the other.
fn one_edit_apart(a: &[char], b: &[char]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        prefix < short.len() && short[prefix + 1..] == long[prefix + 1..]
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_of_one_person() {
        assert!(same_person("Vince Cable", "Vincent Cable"));
        assert!(same_person("Eliot Spitzer", "Elliot Spitzer"));
        assert!(same_person("Frederick Forsyth", "Freddie Forsyth"));
        assert!(same_person("Steven Gerrard", "Steve Gerrard"));
        assert!(same_person("Jose Antonio Reyes", "Jose Reyes"));
        assert!(same_person("Viktor Yanukovych", "Viktor Yanukovich"));
    }

    #[test]
    fn in_one_article_middle_names_and_initials_may_be_left_out() {
        assert!(same_person_in_article("Tracy C. Dyson", "Tracy Dyson"));
        assert!(same_person_in_article("Joyce Banda", "Joyce Hilda Mtila Banda"));
        assert!(!same_person("Tracy C. Dyson", "Tracy Dyson"), "across articles an initial tells apart");
        assert!(!same_person_in_article("George H W Bush", "George W Bush"), "both have middles");
        assert!(!same_person_in_article("Tracy Dyson", "Tracy Dyer"));
    }

    #[test]
    fn variants_meet() {
        for (a, b) in [
            ("Vince Cable", "Vincent Cable"),
            ("Eliot Spitzer", "Elliot Spitzer"),
            ("Jose Antonio Reyes", "Jose Reyes"),
            ("Viktor Yanukovych", "Viktor Yanukovich"),
        ] {
            let (ka, kb) = (meeting_keys(a), meeting_keys(b));
            assert!(ka.iter().any(|k| kb.contains(k)), "{a} / {b}");
        }
    }

    #[test]
    fn different_people() {
        assert!(!same_person("Bill Gates", "Ben Gates"), "not a nickname");
        assert!(!same_person("Tony Blair", "Selma Blair"));
        assert!(!same_person("Aaron Smith", "Erin Smith"), "genders differ");
        assert!(!same_person("Frederick Forsyth", "Frederic Forsythe"), "two parts differ");
        assert!(!same_person("George Bush", "George W Bush"), "an initial");
        assert!(!same_person("Maria Lopez", "Marie Lopez"), "last letters differ");
        assert!(!same_person("Peter Hain", "Peter Main"), "short names");
        assert!(!same_person("David Davis", "David Davies"), "two real surnames");
        assert!(!same_person("John Hart", "Ian Hart"), "not a diminutive");
        assert!(!same_person("Putin", "Vladimir Putin"));
    }
}
