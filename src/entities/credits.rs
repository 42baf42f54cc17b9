//! The journalists a story credits: "(Reporting by Tuvan Gumrukcu in Ankara; Additional
//! reporting by Darya Korsunskaya; Editing by Nick Macfie and Kirsten Donovan)", and a
//! byline alone on its line, "By Gleb Stolyarov and Polina Devitt". Wire copy names its
//! reporters so, with no verb or title, and their names are in no list more often than not.

use super::Kind;
use super::recognise::{Candidate, Recognised, Target};
use super::recogniser::{Prepared, Recognise};
use super::rule::Rule;
use crate::lang::WordClass;

/// The recogniser; it needs nothing but the text.
pub struct Credits;

/// Longest name taken in a credit.
const MAX_WORDS: usize = 4;

impl Credits {
    fn gap<'t>(p: &Prepared<'t>, a: usize, b: usize) -> &'t str {
        &p.text[p.tokens[a].end..p.tokens[b].start]
    }

    /// Token `k` opens a credit's names: "by" after a credit word ("Editing by"), or "By"
    /// alone at the start of a line ("By Gleb Stolyarov").
    fn opens_credit(p: &Prepared, k: usize) -> bool {
        let w = p.tokens[k].text(p.text);
        match w {
            "by" => k > 0 && p.class[k - 1].has(WordClass::CREDIT) && Self::gap(p, k - 1, k) == " ",
            "By" => {
                let before = p.text[..p.tokens[k].start].trim_end_matches([' ', '\t']);
                before.is_empty() || before.ends_with('\n')
            }
            _ => false,
        }
    }

    /// Token `k` may be a word of a journalist's name: capitalised, and on no list of words
    /// that are never a name, titles, or heads of organisations and places.
    fn name_word(p: &Prepared, k: usize) -> bool {
        let t = &p.tokens[k];
        let w = t.text(p.text);
        t.capitalised
            && w.chars().nth(1).is_some_and(|c| !c.is_uppercase())
            && !p.class[k].has(
                WordClass::NOT_NAME
                    | WordClass::TITLE
                    | WordClass::ORG_HEAD
                    | WordClass::PLACE_HEAD
                    | WordClass::CREDIT
                    | WordClass::WEEKDAY
                    | WordClass::NAME_MONTH,
            )
    }

    fn free(p: &Prepared, k: usize) -> bool {
        !p.claimed.get(k).copied().unwrap_or(false)
    }
}

impl Recognise for Credits {
    fn recognise(&self, p: &Prepared) -> Recognised {
        let n = p.tokens.len();
        let mut candidates = Vec::new();
        for by in 0..n {
            if !Self::opens_credit(p, by) {
                continue;
            }
            let byline = p.tokens[by].text(p.text) == "By";
            let mut found = Vec::new();
            let mut last = by;
            let mut k = by + 1;
            // Names joined by commas and "and", up to what is no name ("in Ankara", ";").
            while k < n && !Self::gap(p, k - 1, k).contains('\n') {
                let mut end = k;
                while end < n
                    && end - k < MAX_WORDS
                    && (end == k || p.tokens[end].joined_to_prev)
                    && Self::name_word(p, end)
                {
                    end += 1;
                }
                let runs_on = end < n && p.tokens[end].joined_to_prev && p.tokens[end].capitalised;
                if end - k < 2 || runs_on || p.tokens[end - 1].possessive {
                    break;
                }
                last = end - 1;
                if (k..end).all(|t| Self::free(p, t)) {
                    found.push(Candidate {
                        start: p.tokens[k].start,
                        end: p.tokens[end - 1].end,
                        kind: Kind::Person,
                        target: Target::FullName,
                        weak: false,
                        rule: Rule::Credit,
                    });
                }
                // "Aleksandar Vasovic in Kyiv and …": where the reporter was is no name.
                if end + 1 < n && p.tokens[end].text(p.text) == "in" && Self::gap(p, end - 1, end) == " " {
                    let place = end + 1;
                    end = place;
                    while end < n
                        && end - place < 3
                        && (end == place || p.tokens[end].joined_to_prev)
                        && p.tokens[end].capitalised
                    {
                        end += 1;
                    }
                    if end == place {
                        break;
                    }
                }
                if end >= n {
                    break;
                }
                let gap = Self::gap(p, end - 1, end);
                let and = p.tokens[end].text(p.text) == "and";
                k = match (gap.trim(), and) {
                    ("", true) | (",", true) => end + 1,
                    (",", false) => end,
                    _ => break,
                };
            }
            // A byline is its line alone: "By Christmas Day the shops …" is a sentence.
            let rest = &p.text[p.tokens[last].end..];
            let line_ends = rest[..rest.find('\n').unwrap_or(rest.len())].trim().is_empty();
            if !byline || line_ends {
                candidates.extend(found);
            }
        }
        Recognised { candidates, bare: Vec::new() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Gazetteer;

    fn credited(text: &str) -> Vec<String> {
        let p = Prepared::new(text, &Gazetteer::new(vec![]));
        Credits.recognise(&p).candidates.iter().map(|c| text[c.start..c.end].to_string()).collect()
    }

    #[test]
    fn the_journalists_a_story_credits_are_people() {
        let text = "Talks stalled.\n\n(Reporting by Aleksandar Vasovic in Kyiv and Darya Korsunskaya; Additional \
                    reporting by Tuvan Gumrukcu; Editing by Nick Macfie and Kirsten Donovan)";
        assert_eq!(
            credited(text),
            ["Aleksandar Vasovic", "Darya Korsunskaya", "Tuvan Gumrukcu", "Nick Macfie", "Kirsten Donovan"]
        );
        assert_eq!(
            credited("Talks stall\n\nBy Gleb Stolyarov and Polina Devitt\n\nMOSCOW"),
            ["Gleb Stolyarov", "Polina Devitt"]
        );
        // A byline is a line of its own; elsewhere "By" opens a sentence.
        assert!(credited("Talks stall\n\nBy Christmas Eve the shops were empty.").is_empty());
        // One word is no journalist's name, nor is what no name is.
        assert!(credited("(Reporting by Reuters; Editing by The Desk)").is_empty());
        assert!(credited("a survey compiled by Stuff Magazine").is_empty());
    }
}
