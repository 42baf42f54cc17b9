//! A headline's names, held against its article: the tagger, trained on running text,
//! reads a Title Case headline's capitalised verbs and nouns as names ("Mofaz Derided for
//! Joining", "President Sues Citizens", "Singer Pays Homage"). A person in a headline is
//! almost always named again in the body, so a name the tagger or a job title found there keeps
//! only the words the body writes together.

use super::kind::Kind;
use super::recognise::{Recognised, Target};
use super::rule::Rule;
use crate::lang::segment::contains_words;

/// Keeps the headline people of the tagger and of a job title ("President Sues Citizens")
/// to their longest run of words that the body also writes as whole words ("Mofaz
/// Derided" → "Mofaz"), unless the body writes every word; a name it never writes goes.
pub fn held_to_body(title: &str, body: &str, mut found: Recognised) -> Recognised {
    found.candidates.retain_mut(|c| {
        if !matches!(c.rule, Rule::Tagger | Rule::RoleTitle) || c.kind != Kind::Person {
            return true;
        }
        let words: Vec<(usize, usize)> = word_spans(&title[c.start..c.end]).collect();
        // "Astronaut Tracy Dyson" over "Tracy C. Dyson": every word written is enough.
        if words.iter().all(|&(s, e)| contains_words(body, &title[c.start + s..c.start + e])) {
            return true;
        }
        let Some((first, last)) = longest_written_run(title, c.start, &words, body) else {
            return false;
        };
        if last - first + 1 < words.len() {
            let (from, to) = (c.start + words[first].0, c.start + words[last].1);
            let single = first == last;
            c.start = from;
            c.end = to;
            c.target = if single { Target::Surname } else { Target::FullName };
            c.weak |= single;
        }
        true
    });
    found
}

/// The byte ranges of the words in `span`, split on spaces.
fn word_spans(span: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    span.split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, start + w.len()))
        })
        .filter(|&(s, e)| e > s)
}

/// The first longest run of `words` (as indices, inclusive) that `body` writes as a whole.
fn longest_written_run(title: &str, base: usize, words: &[(usize, usize)], body: &str) -> Option<(usize, usize)> {
    for len in (1..=words.len()).rev() {
        for first in 0..=words.len() - len {
            let last = first + len - 1;
            if contains_words(body, &title[base + words[first].0..base + words[last].1]) {
                return Some((first, last));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::recognise::Candidate;

    fn tagged(title: &str, name: &str) -> Recognised {
        let start = title.find(name).unwrap();
        let candidate = Candidate {
            start,
            end: start + name.len(),
            kind: Kind::Person,
            target: Target::FullName,
            weak: false,
            rule: Rule::Tagger,
        };
        Recognised { candidates: vec![candidate], bare: Vec::new() }
    }

    fn kept(title: &str, name: &str, body: &str) -> Vec<(String, bool)> {
        held_to_body(title, body, tagged(title, name))
            .candidates
            .iter()
            .map(|c| (title[c.start..c.end].to_string(), c.weak))
            .collect()
    }

    #[test]
    fn a_headline_name_keeps_only_what_the_body_writes() {
        let title = "Israel: Mofaz Derided for Joining Unity Government";
        assert_eq!(kept(title, "Mofaz Derided", "Shaul Mofaz joined the coalition."), [("Mofaz".to_string(), true)]);
        assert!(kept(title, "Mofaz Derided", "The deputy joined the coalition.").is_empty());
        // "Mofazi" is another word.
        assert!(kept(title, "Mofaz Derided", "Mofazi joined.").is_empty());
        let title = "Astronaut Tracy Dyson Returns";
        assert_eq!(kept(title, "Tracy Dyson", "Tracy C. Dyson landed."), [("Tracy Dyson".to_string(), false)]);
        let title = "Geography Lesson For Justin Bieber";
        assert_eq!(kept(title, "Justin Bieber", "Justin Bieber said so."), [("Justin Bieber".to_string(), false)]);
    }

    #[test]
    fn other_rules_names_are_left_alone() {
        let title = "President Sues Citizens";
        let mut found = tagged(title, "Sues Citizens");
        found.candidates[0].rule = Rule::GivenNameList;
        assert_eq!(held_to_body(title, "No one.", found).candidates.len(), 1);
    }
}
