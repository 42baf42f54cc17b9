//! Names as the text writes them, over what a shorter match guessed: "Selma Blair" is not
//! Tony Blair (whose bare surname the gazetteer knows), "Prince Charles" is not Charles
//! Kennedy, and a surname inside "The Blair Witch Project" or after "economist at" names no
//! person. Works on candidates and bare words only, before linking counts any name.

use super::gazetteer::Gazetteer;
use super::recognise::{Candidate, Recognised, Target};
use super::rule::Rule;
use super::{Kind, overlaps::Overlaps};
use crate::lang::{Lang, WordClass};

/// Rewrites one field's candidates: written full names over one-word gazetteer aliases, a
/// royal title and a given name as one person, and no person where a bare surname is not one.
pub fn prefer_written_names(text: &str, headline: bool, found: &mut Recognised, gazetteer: &Gazetteer) {
    let lang = Lang::en();
    let mut added: Vec<Candidate> = Vec::new();
    let mut dropped: Vec<(usize, usize)> = Vec::new();
    // Bare words are in reading order: the one right before `start` is found by halving.
    let bare_before = |start: usize| {
        let i = found.bare.partition_point(|b| b.end < start);
        i.checked_sub(1).map(|i| &found.bare[i]).filter(|b| b.end + 1 == start && &text[b.end..start] == " ")
    };
    let royal_before =
        |start: usize| bare_before(start).filter(|b| lang.is(&text[b.start..b.end], WordClass::ROYAL_TITLE));
    let given_name = |start: usize, end: usize| lang.is(&text[start..end], WordClass::FIRST_NAME);
    for c in &found.candidates {
        if c.kind != Kind::Person || text[c.start..c.end].contains(' ') {
            continue;
        }
        // "Prince Charles", though "Prince" read as a title made "Charles" a surname.
        if let Some(b) = royal_before(c.start).filter(|_| given_name(c.start, c.end)) {
            dropped.push((c.start, c.end));
            added.push(person(b.start, c.end));
            continue;
        }
        let Target::Known(i) = c.target else { continue };
        let entry = gazetteer.entry(i);
        if text[c.start..c.end] == entry.name {
            continue;
        }
        if no_person_here(text, headline, c.start, c.end) {
            dropped.push((c.start, c.end));
        } else if let Some(b) = bare_before(c.start)
            && given_name(b.start, b.end)
            && entry.name.split(' ').next() != Some(&text[b.start..b.end])
        {
            dropped.push((c.start, c.end));
            added.push(person(b.start, c.end));
        }
    }
    for pair in found.bare.windows(2) {
        let (title, name) = (pair[0], pair[1]);
        if royal_before(name.start) == Some(&title) && given_name(name.start, name.end) {
            added.push(person(title.start, name.end));
        }
    }
    if !added.is_empty() || !dropped.is_empty() {
        let taken = Overlaps::new(added.iter().map(|a| (a.start, a.end)));
        found.candidates.retain(|c| !(dropped.contains(&(c.start, c.end)) || c.weak && taken.any(c.start, c.end)));
        found.bare.retain(|b| !taken.any(b.start, b.end));
        found.candidates.extend(added);
        found.candidates.sort_by_key(|c| c.start);
    }
    take_regnal_numbers(text, found);
}

/// The end of a regnal number right after byte `end` ("Elizabeth II", "Benedict XVI"): a
/// name suffix in Roman numerals after one space, the word ending there.
fn regnal_end(text: &str, end: usize) -> Option<usize> {
    let rest = text[end..].strip_prefix(' ')?;
    let numeral = rest.split(|c: char| !c.is_alphanumeric()).next()?;
    let roman = !numeral.is_empty() && numeral.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    (roman && Lang::en().is(numeral, WordClass::NAME_SUFFIX)).then(|| end + 1 + numeral.len())
}

/// A person's name takes the regnal number after it ("Queen Elizabeth II", "King Charles
/// III", made one name with its royal title above), past a second given name ("Pope John
/// Paul II").
fn take_regnal_numbers(text: &str, found: &mut Recognised) {
    let lang = Lang::en();
    let given_name = |b: &super::recognise::BareWord| lang.is(&text[b.start..b.end], WordClass::FIRST_NAME);
    let mut taken_bare = Vec::new();
    for c in found.candidates.iter_mut().filter(|c| c.kind == Kind::Person) {
        if let Some(end) = regnal_end(text, c.end) {
            c.end = end;
            continue;
        }
        // "Pope John Paul II": a second given name, then the number.
        let i = found.bare.partition_point(|b| b.start <= c.end);
        if let Some(b) =
            found.bare.get(i).filter(|b| b.start == c.end + 1 && &text[c.end..b.start] == " " && given_name(b))
            && let Some(end) = regnal_end(text, b.end)
        {
            c.end = end;
            taken_bare.push(i);
        }
    }
    for i in taken_bare.into_iter().rev() {
        found.bare.remove(i);
    }
}

fn person(start: usize, end: usize) -> Candidate {
    Candidate { start, end, kind: Kind::Person, target: Target::FullName, weak: false, rule: Rule::GivenNameList }
}

/// A one-word surname at `start..end` that names no person: another capitalised word follows
/// it ("The Blair Witch Project", "Gates Foundation"; not in a headline, which packs names
/// together: "Kenyon denies Robben Barca return"), or a job title and "at" come before it
/// ("chief economist at Gerrard", "analysts at Goldman").
pub fn no_person_here(text: &str, headline: bool, start: usize, end: usize) -> bool {
    !headline && followed_by_capitalised(text, end) || after_title_at(text, start) || title_as_role(text, start, end)
}

/// "the King of Spain": a title word after an article is the role, whoever is called King.
fn title_as_role(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].strip_suffix(' ').unwrap_or_default();
    let article = before.rsplit(' ').next().unwrap_or_default();
    let lang = Lang::en();
    lang.is_title(&text[start..end]) && lang.is(&article.to_lowercase(), WordClass::ARTICLE)
}

/// A capitalised word, not a function word, follows after one space: this word may start or
/// sit inside a longer name.
pub fn followed_by_capitalised(text: &str, end: usize) -> bool {
    let Some(rest) = text[end..].strip_prefix(' ') else { return false };
    let next = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or_default();
    next.starts_with(char::is_uppercase) && !Lang::en().is(next, WordClass::NOT_NAME)
}

fn after_title_at(text: &str, start: usize) -> bool {
    let Some(before) = text[..start].strip_suffix(" at ") else { return false };
    let word = before.rsplit(|c: char| !c.is_alphanumeric() && c != '-').next().unwrap_or_default();
    let lang = Lang::en();
    lang.is_title(word) || word.strip_suffix('s').is_some_and(|w| lang.is_title(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each person mention of `text` as written, with its entity's name.
    fn people(text: &str) -> Vec<(String, String)> {
        use crate::corpus::{Corpus, article};
        let corpus = Corpus { articles: vec![article("t.txt".into(), text)], ..Corpus::default() };
        let index = crate::entities::Index::build(&corpus);
        let body = &corpus.articles[0].body;
        index
            .mentions_in(0)
            .iter()
            .filter(|m| index.entity(m.entity).kind == Kind::Person)
            .map(|m| (body[m.start as usize..m.end as usize].to_string(), index.entity(m.entity).name.clone()))
            .collect()
    }

    #[test]
    fn a_title_after_an_article_is_the_role() {
        let got =
            people("Rights\n\nCivil rights leader Martin Luther King spoke. The King of Spain smiled. King said no.");
        let king = "Martin Luther King".to_string();
        assert_eq!(got, [(king.clone(), king.clone()), ("King".into(), king)]);
    }

    #[test]
    fn a_name_takes_its_regnal_number() {
        let got = people(
            "Visit\n\nPope John Paul II died. Queen Elizabeth II met King Abdullah II. Pope Benedict XVI spoke. Later Benedict left. World War II ended.",
        );
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            got,
            [
                pair("Pope John Paul II", "Pope John Paul II"),
                pair("Queen Elizabeth II", "Queen Elizabeth II"),
                pair("King Abdullah II", "King Abdullah II"),
                pair("Pope Benedict XVI", "Pope Benedict XVI"),
                pair("Benedict", "Pope Benedict XVI"),
            ]
        );
    }

    #[test]
    fn where_a_surname_is_no_person() {
        let text = "The Blair Witch Project. Chief economist at Gerrard said. Angry at Blair, he left.";
        let at = |w: &str, n: usize| text.match_indices(w).nth(n).unwrap().0;
        assert!(no_person_here(text, false, at("Blair", 0), at("Blair", 0) + 5));
        assert!(!no_person_here(text, true, at("Blair", 0), at("Blair", 0) + 5), "a headline");
        assert!(no_person_here(text, false, at("Gerrard", 0), at("Gerrard", 0) + 7));
        assert!(!no_person_here(text, false, at("Blair", 1), at("Blair", 1) + 5));
    }
}
