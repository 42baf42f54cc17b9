//! A gazetteer alias that is a bare surname ("Ford" for Ford Motor Company, "Gates" for Bill
//! Gates) never beats a full name written in the article: where the article names Gerald
//! Ford, a bare "Ford" is he, unless the article names or cues the firm itself ("Ford Motor",
//! "carmaker Ford", "Ford's shares", "Ford, the US car company") or writes the known
//! person's own name ("Bill Gates"). A place does the same ("Jordan said" after "Neil
//! Jordan"), unless the article writes it anywhere as a place ("in Jordan", "Jordan's
//! capital", "Israel and Jordan").

use rustc_hash::FxHashSet as HashSet;

use super::Kind;
use super::article_names::At;
use super::gazetteer::Gazetteer;
use super::recognise::{Candidate, Target};
use super::resolve::ArticleCandidates;
use super::rule::Rule;
use crate::corpus::Article;
use crate::lang::{Lang, WordClass};

/// Turns each one-word alias hit of an organisation or person into a surname of this
/// article's person, where the body writes a full name ending in it (a headline's guesses,
/// "Will Tory tax cuts lift spirits?", are not enough) and the article does not name the
/// entry in its own right. `in_full` says whether the article writes a known person's full
/// name (by any rule). Returns where it rewrote.
pub fn surnames_over_aliases(
    article: &Article,
    cands: &mut ArticleCandidates,
    body_surnames: &HashSet<&str>,
    gazetteer: &Gazetteer,
    in_full: impl Fn(u32) -> bool,
) -> Vec<At> {
    let alias = |written: &str, i: u32| {
        let entry = gazetteer.entry(i);
        !written.contains(' ') && (written != entry.name || entry.kind == Kind::Place)
    };
    // Entries the article names in their own right: by a longer form, or a cue of a firm or
    // a place.
    let mut own: HashSet<u32> = HashSet::default();
    for (field, c) in cands.all() {
        let Target::Known(i) = c.target else { continue };
        let text = article.field(field);
        let written = &text[c.start..c.end];
        let cued = match gazetteer.entry(i).kind {
            Kind::Organisation => firm_cued(text, c.start, c.end),
            Kind::Place => place_cued(text, c.start, c.end, &cands.field(field).candidates),
            _ => false,
        };
        if !alias(written, i) || cued {
            own.insert(i);
        }
    }
    let mut rewritten = Vec::new();
    for (field, found) in cands.fields_mut() {
        let text = article.field(field);
        for c in &mut found.candidates {
            let Target::Known(i) = c.target else { continue };
            let written = &text[c.start..c.end];
            if alias(written, i) && !own.contains(&i) && !in_full(i) && body_surnames.contains(written) {
                c.kind = Kind::Person;
                c.target = Target::Surname;
                c.rule = Rule::SurnameOverAlias;
                rewritten.push((field, c.start));
            }
        }
    }
    rewritten
}

/// The firm an alias at `start..end` may name is cued next to it: an organisation noun before
/// it ("carmaker Ford"), something a firm has after it ("Ford shares", "Ford's auto unit",
/// "shares in Ford"), or an appositive that says what it is ("Ford, the US car company").
fn firm_cued(text: &str, start: usize, end: usize) -> bool {
    let lang = Lang::en();
    let is = |w: &str, class| lang.is(w, class);
    let before_text = text[..start].strip_suffix(' ').unwrap_or_default();
    let mut before = before_text.rsplit(' ').take(2).map(plain_word);
    let (one, two) = (before.next().flatten(), before.next().flatten());
    if one.is_some_and(|w| is(w, WordClass::ORG_CUE))
        || matches!(one, Some("in" | "of")) && two.is_some_and(|w| is(&w.to_lowercase(), WordClass::FIRM_POSSESSION))
    {
        return true;
    }
    let after = &text[end..];
    let possessive = after.strip_prefix("'s").or_else(|| after.strip_prefix("’s"));
    // Only the next word after a bare name ("Ford said profits rose" cues nothing); up to
    // three after a possessive ("Ford's worldwide automotive division").
    let (rest, reach) = match possessive {
        Some(rest) => (rest, 3),
        None => (after, 1),
    };
    if words_ahead(rest.strip_prefix(' ').unwrap_or_default(), true)
        .take(reach)
        .any(|w| is(w, WordClass::FIRM_POSSESSION))
    {
        return true;
    }
    let appositive = [", the ", ", a ", ", an "].iter().find_map(|p| after.strip_prefix(p));
    appositive.is_some_and(|rest| words_ahead(rest, false).take(4).any(|w| is(w, WordClass::ORG_CUE)))
}

/// The place at `start..end` is cued as one: a preposition or article before it ("in
/// Jordan", "visit to Jordan", "the Jordan"), something a place has after it ("Jordan's capital", "Jordan's
/// King Abdullah"), or another place beside it ("Israel and Jordan", "Jordan, Syria").
fn place_cued(text: &str, start: usize, end: usize, found: &[Candidate]) -> bool {
    let lang = Lang::en();
    let after = &text[end..];
    // A possessive is cued by what it has only: "in Jordan's film" is in the film.
    let possessive = ["'s ", "’s ", " 's "].iter().find_map(|p| after.strip_prefix(p));
    if let Some(rest) = possessive {
        let next = rest.split([' ', ',', '.']).next().unwrap_or_default();
        return lang.is(&next.to_lowercase(), WordClass::PLACE_POSSESSION);
    }
    let before = text[..start].strip_suffix(' ').unwrap_or_default();
    let one = before.rsplit(' ').next().and_then(plain_word);
    if one.is_some_and(|w| lang.is(&w.to_lowercase(), WordClass::BEFORE_PLACE)) {
        return true;
    }
    let joins = [" and ", " or ", ", "];
    let joined = |from: usize, to: usize| from <= to && joins.contains(&&text[from..to]);
    found.iter().filter(|c| c.kind == Kind::Place).any(|c| joined(c.end, start) || joined(end, c.start))
}

/// The words that open `rest`, up to the first that punctuation ends (or, when `lowercase`,
/// the first that is not lowercase).
fn words_ahead(rest: &str, lowercase: bool) -> impl Iterator<Item = &str> {
    let mut open = true;
    rest.split(' ').map_while(move |w| {
        let word = w.trim_end_matches([',', '.', ';', ':']);
        let shape = !lowercase || word.chars().all(|c| c.is_lowercase() || c == '-');
        let ok = open && !word.is_empty() && shape;
        open = word.len() == w.len();
        ok.then_some(word)
    })
}

/// A word with nothing but letters in it (punctuation between it and the name breaks the cue).
fn plain_word(w: &str) -> Option<&str> {
    (!w.is_empty() && w.chars().all(char::is_alphabetic)).then_some(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cued(text: &str) -> bool {
        let start = text.find("Ford").unwrap();
        firm_cued(text, start, start + 4)
    }

    #[test]
    fn cues_of_a_place() {
        let cued = |text: &str| {
            let start = text.rfind("Jordan").unwrap();
            let place = |(s, w): (usize, &str)| Candidate {
                start: s,
                end: s + w.len(),
                kind: Kind::Place,
                target: Target::Named,
                weak: false,
                rule: Rule::Gazetteer,
            };
            let places: Vec<_> = text.match_indices("Israel").map(place).collect();
            place_cued(text, start, start + 6, &places)
        };
        for text in
            ["He flew to Jordan.", "In Jordan, it rained", "Jordan's capital", "Israel and Jordan", "Jordan, Israel"]
        {
            assert!(cued(text), "{text}");
        }
        for text in
            ["Jordan said so", "a role in Jordan's film", "Dublin with Jordan", "\" Jordan said", "Jordan 's film"]
        {
            assert!(!cued(text), "{text}");
        }
    }

    #[test]
    fn cues_of_a_firm() {
        for text in [
            "shares of carmaker Ford rose",
            "Ford shares fell",
            "Ford's auto unit made a loss",
            "Ford's worldwide automotive division earned",
            "a stake in Ford was sold",
            "Shares in Ford rose",
            "Ford, the US car company, reported",
        ] {
            assert!(cued(text), "{text}");
        }
        for text in [
            "Ford said profits rose",
            "President Ford's staff",
            "trust in Ford was gone",
            "Ford, the president, said",
            "Ford. Shares fell",
        ] {
            assert!(!cued(text), "{text}");
        }
    }
}
