//! The recogniser seam: every recogniser reads one text, cut once ([`Prepared`]), and
//! [`recognise_all`] combines them. The rules come first and keep precision; a later
//! recogniser (the statistical tagger) only adds names where nothing before it found any,
//! and where no gazetteer entry matched.

use super::gazetteer::{Gazetteer, Hit};
use super::not_people;
use super::overlaps::Overlaps;
use super::recognise::{Candidate, Recognised};
use crate::lang::segment::{Token, tokenize};
use crate::lang::{Lang, WordClass};

/// One text with what every recogniser needs from it, computed once.
pub struct Prepared<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
    /// The lexicon classes of each token's word.
    pub class: Vec<WordClass>,
    /// Gazetteer hits, sorted by start, not overlapping.
    pub hits: Vec<Hit>,
    /// Per token, whether an earlier recogniser or a gazetteer hit already took it (empty
    /// for the first recogniser): a later one need not look there.
    pub claimed: Vec<bool>,
    /// Per token, whether an earlier recogniser found it part of a person's name (not by a
    /// weak cue): the people a name is listed with ("Zenon Poznyak and Sergei Naumchik").
    pub person: Vec<bool>,
}

impl<'t> Prepared<'t> {
    pub fn new(text: &'t str, gazetteer: &Gazetteer) -> Prepared<'t> {
        let tokens = tokenize(text);
        let lex = Lang::en();
        let class = tokens.iter().map(|t| lex.classify(t.text(text))).collect();
        Prepared { text, tokens, class, hits: gazetteer.find(text), claimed: Vec::new(), person: Vec::new() }
    }
}

/// Per token, whether it shares a byte with one of `spans`: each span marks its tokens,
/// found by binary search (a search per token was most of this).
fn claimed_tokens(tokens: &[Token], spans: impl Iterator<Item = (usize, usize)>) -> Vec<bool> {
    let mut claimed = vec![false; tokens.len()];
    for (start, end) in spans {
        let first = tokens.partition_point(|t| t.end <= start);
        let last = tokens.partition_point(|t| t.start < end);
        claimed[first..last.max(first)].fill(true);
    }
    claimed
}

/// A strong name from initials ("R. Ponting") covers only weak words among `found`
/// ("Ponting") and no gazetteer hit: those words give way to it.
fn takes_over_weak(found: &[Candidate], hits: &[Hit], c: &Candidate) -> bool {
    if c.weak || c.rule != super::rule::Rule::Initials || hits.iter().any(|h| h.start < c.end && c.start < h.end) {
        return false;
    }
    let overlapping = |f: &Candidate| f.start < c.end && c.start < f.end;
    found.iter().filter(|f| overlapping(f)).all(|f| f.weak && c.start <= f.start && f.end <= c.end)
}

/// Something that finds mentions in a text.
pub trait Recognise: Sync {
    /// Mentions in `text`, sorted by start and not overlapping, and the capitalised words
    /// left for linking.
    fn recognise(&self, text: &Prepared) -> Recognised;
}

/// What the first recogniser finds, and from each later one the candidates that overlap
/// nothing found before and no gazetteer hit (not even one a rule took over). Bare words
/// are the first recogniser's, less those a later candidate took.
pub fn recognise_all(recognisers: &[&dyn Recognise], text: &str, gazetteer: &Gazetteer) -> Recognised {
    let mut prepared = Prepared::new(text, gazetteer);
    let Some((first, rest)) = recognisers.split_first() else { return Recognised::default() };
    let mut found = first.recognise(&prepared);
    let mut added: Vec<Candidate> = Vec::new();
    for r in rest {
        let spans = || {
            found
                .candidates
                .iter()
                .chain(&added)
                .map(|c| (c.start, c.end))
                .chain(prepared.hits.iter().map(|h| (h.start, h.end)))
        };
        let taken = Overlaps::new(spans());
        prepared.claimed = claimed_tokens(&prepared.tokens, spans());
        let people = found.candidates.iter().chain(&added).filter(|c| c.kind == super::Kind::Person && !c.weak);
        prepared.person = claimed_tokens(&prepared.tokens, people.map(|c| (c.start, c.end)));
        let mut more: Vec<Candidate> = Vec::new();
        for c in r.recognise(&prepared).candidates {
            if !taken.any(c.start, c.end) {
                more.push(c);
            } else if takes_over_weak(&found.candidates, &prepared.hits, &c)
                && takes_over_weak(&added, &prepared.hits, &c)
            {
                let overlapping = |f: &Candidate| f.start < c.end && c.start < f.end;
                found.candidates.retain(|f| !overlapping(f));
                added.retain(|f| !overlapping(f));
                more.push(c);
            }
        }
        added.extend(more);
    }
    if !added.is_empty() {
        let strong = Overlaps::new(added.iter().filter(|c| !c.weak).map(|c| (c.start, c.end)));
        found.bare.retain(|b| !strong.any(b.start, b.end));
        found.candidates.extend(added);
        found.candidates.sort_by_key(|c| c.start);
    }
    // Last: names taken for a person's that are something else ("Cleveland Indians").
    not_people::remove_not_people(&prepared, &mut found, gazetteer);
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::rule::Rule;

    fn candidate(start: usize, end: usize, weak: bool, rule: Rule) -> Candidate {
        use crate::entities::{Kind, recognise::Target};
        Candidate { start, end, kind: Kind::Person, target: Target::FullName, weak, rule }
    }

    #[test]
    fn a_name_from_initials_takes_over_weak_words_only() {
        // "H. Morris": the tagger's weak "H." and "Morris" give way; a strong name does not.
        let initials = candidate(0, 9, false, Rule::Initials);
        let weak = [candidate(0, 2, true, Rule::Tagger), candidate(3, 9, true, Rule::Tagger)];
        assert!(takes_over_weak(&weak, &[], &initials));
        assert!(!takes_over_weak(&[candidate(3, 9, false, Rule::Tagger)], &[], &initials));
        assert!(!takes_over_weak(&weak, &[], &candidate(0, 9, false, Rule::SurnameAlone)));
    }

    #[test]
    fn claimed_tokens_are_those_a_span_overlaps() {
        let text = "Mr Tony Blair met Gordon Brown in Sedgefield.";
        let tokens = tokenize(text);
        let spans = [(3, 13), (18, 21), (40, 40), (34, 34), (36, 36)];
        let taken = Overlaps::new(spans);
        let expected: Vec<bool> = tokens.iter().map(|t| taken.any(t.start, t.end)).collect();
        assert_eq!(claimed_tokens(&tokens, spans.into_iter()), expected);
        let words: Vec<&str> = tokens.iter().zip(&expected).filter(|(_, c)| **c).map(|(t, _)| t.text(text)).collect();
        assert_eq!(words, ["Tony", "Blair", "Gordon", "Sedgefield"]);
    }
}
