//! A surname an article writes beside another name-like word ("Frank Stone", "Wang Yan",
//! "Klas Eriksson", "Paul King") belongs to that article's own person, whom the rules did not
//! recognise in full. Elsewhere in the article ("Mr Stone") it must not join a person the
//! corpus knows by another full name (Joss Stone) or a gazetteer alias (Sven-Goran Eriksson):
//! only a person whose full name holds the word beside it may take it.

use rustc_hash::FxHashMap as HashMap;

use crate::lang::{Lang, WordClass};

/// Per one-word name of an article's body, the capitalised words written right beside it
/// somewhere in the article.
#[derive(Default)]
pub struct Beside<'t> {
    words: HashMap<&'t str, Vec<&'t str>>,
}

impl<'t> Beside<'t> {
    /// Notes the words beside the one-word name at `start..end` of an article's body.
    pub fn note(&mut self, text: &'t str, start: usize, end: usize) {
        let word = &text[start..end];
        for next in [word_before(text, start), word_after(text, end)].into_iter().flatten() {
            let list = self.words.entry(word).or_default();
            if !list.contains(&next) {
                list.push(next);
            }
        }
    }

    /// Whether `word` may name the person `full_name`: no word written beside it in this
    /// article, or every such word is one of the full name's ("Sven Goran Eriksson" for
    /// Sven-Goran Eriksson), a nickname of one, or one with two letters swapped ("Mihkail").
    pub fn fits(&self, word: &str, full_name: &str) -> bool {
        self.words
            .get(word)
            .is_none_or(|list| list.iter().all(|w| full_name.split([' ', '-']).any(|part| same_word(part, w))))
    }

    /// Whether some word is written beside `word` in this article.
    pub fn any(&self, word: &str) -> bool {
        self.words.contains_key(word)
    }
}

fn same_word(part: &str, written: &str) -> bool {
    if part.eq_ignore_ascii_case(written) || Lang::en().is_nickname_pair(part, written) {
        return true;
    }
    let sorted = |w: &str| {
        let mut c: Vec<char> = w.chars().collect();
        c.sort_unstable();
        c
    };
    part.len() == written.len()
        && part.len() >= 5
        && part.chars().next() == written.chars().next()
        && sorted(part) == sorted(written)
}

/// Words beside a name that are no part of one: "Mr Stone", "President Bush", "Lord Stone",
/// "On Monday Stone", "May Stone" (a month more often than a name).
const NO_NAME: WordClass = WordClass::NOT_NAME
    .union(WordClass::HONORIFIC)
    .union(WordClass::ROYAL_TITLE)
    .union(WordClass::TITLE)
    .union(WordClass::WEEKDAY)
    .union(WordClass::NAME_MONTH);

/// A word of a name: capitalised, then lower case ("ALL-CAPS" lines are headlines), and not a
/// word that opens or ends no name (a title, an honorific, a weekday, a function word).
fn name_like(word: &str) -> bool {
    let mut chars = word.chars();
    let lang = Lang::en();
    chars.next().is_some_and(char::is_uppercase)
        && chars.clone().next().is_some()
        && chars.all(|c| c.is_lowercase() || c == '-' || c == '\'')
        && !lang.is(word, NO_NAME)
}

/// The name-like word right before `start`, after one space; not one that opens a sentence
/// ("But Stone said") unless it is a known given name ("Frank Stone said").
fn word_before(text: &str, start: usize) -> Option<&str> {
    let before = text[..start].strip_suffix(' ')?;
    let from = before
        .char_indices()
        .rfind(|&(_, c)| !c.is_alphanumeric() && c != '-' && c != '\'')
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[from..];
    if !name_like(word) {
        return None;
    }
    let opens = before[..from].trim_end_matches([' ', '"', '\'', '“', '‘', '(']);
    let sentence_start = opens.is_empty() || opens.ends_with(['.', '!', '?', ':', '\n']);
    // The end of a longer run ("La Fenice Viotti", "Bend It Like Beckham") names no one:
    // only a title may come before ("Sheriff Harry Lee").
    let earlier = opens.rsplit(' ').next().unwrap_or_default();
    // Nor the end of a title or a name of something ("Secretary of State Rubio", "the
    // Beijing Wang").
    let lang = Lang::en();
    let run = before[..from].ends_with(' ')
        && (earlier.starts_with(char::is_uppercase)
            && earlier.chars().all(char::is_alphabetic)
            && !lang.is(earlier, WordClass::TITLE | WordClass::HONORIFIC)
            || lang.is(earlier, WordClass::OF_FOR | WordClass::ARTICLE));
    (!run && (!sentence_start || Lang::en().is(word, WordClass::FIRST_NAME))).then_some(word)
}

/// The name-like word right after `end`, after one space, that ends the run ("Wang Yan,";
/// not "Blair Witch Project", nor a firm or a place: "Gates Foundation").
fn word_after(text: &str, end: usize) -> Option<&str> {
    let rest = text[end..].strip_prefix(' ')?;
    let len = rest.find(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'').unwrap_or(rest.len());
    let word = &rest[..len];
    let heads = WordClass::ORG_HEAD | WordClass::PLACE_HEAD | WordClass::WORK_CUE;
    let run_goes_on = rest[len..].strip_prefix(' ').is_some_and(|r| r.starts_with(char::is_uppercase));
    (name_like(word) && !Lang::en().is(word, heads) && !run_goes_on).then_some(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn beside(text: &str, word: &str) -> Beside<'static> {
        let text: &'static str = Box::leak(text.to_string().into_boxed_str());
        let mut b = Beside::default();
        for (at, _) in text.match_indices(word) {
            b.note(text, at, at + word.len());
        }
        b
    }

    #[test]
    fn a_word_beside_the_surname_is_another_person() {
        let b = beside("said Frank Stone, head of sales. Mr Stone said so.", "Stone");
        assert!(!b.fits("Stone", "Joss Stone"));
        assert!(b.fits("Stone", "Frank Stone"));
        let b = beside("said Wang Yan, an official. Mr Wang agreed.", "Wang");
        assert!(!b.fits("Wang", "Wayne Wang"));
        let b = beside("England coach Sven Goran Eriksson left.", "Eriksson");
        assert!(b.fits("Eriksson", "Sven-Goran Eriksson"));
        let b = beside("its former owner Mihkail Khodorkovsky, who", "Khodorkovsky");
        assert!(b.fits("Khodorkovsky", "Mikhail Khodorkovsky"), "a typo");
        let b = beside("said local sheriff Harry Lee. Mr Lee left.", "Lee");
        assert!(!b.fits("Lee", "Stan Lee"));
    }

    #[test]
    fn titles_and_sentence_openers_are_no_names() {
        let b = beside("Mr Stone left. But Stone said no. On Monday Stone spoke. Lord Stone, Stone Monday.", "Stone");
        assert!(b.fits("Stone", "Joss Stone"), "{:?}", b.words.get("Stone"));
        let b = beside("At La Fenice Viotti sang. Bend It Like Viotti.", "Viotti");
        assert!(b.fits("Viotti", "Marcello Viotti"), "the end of a longer run");
        let b = beside("Secretary of State Rubio said. Rubio left.", "Rubio");
        assert!(b.fits("Rubio", "Marco Rubio"), "the end of a title");
        let b = beside("PARIS 1996-08-30\n\nCLINTON SAYS NO. Clinton said.", "Clinton");
        assert!(b.fits("Clinton", "Bill Clinton"));
    }
}
