//! Cricket scorecards: a batting line names the batsman, the fielder after "c" or "st" and
//! the bowler after "b" ("S. Law c Tillekeratne b Dharmasena 13"), and a bowling line names
//! each bowler before their figures ("Muralitharan 10-0-41-2"). Wire reports print them as
//! tables with no verb or title to cue a name, and half their names are in no list.
//!
//! Runs after the rules and before the tagger: a line is a scorecard's only by its shape, so
//! each name word must still look like one (a capital, then lower case, on no list of words
//! that are no names).

use super::Kind;
use super::confirmed_names::initial_with_stop;
use super::recognise::{Candidate, Recognised, Target};
use super::recogniser::{Prepared, Recognise};
use super::rule::Rule;
use crate::lang::WordClass;

/// The recogniser; it needs nothing but the text.
pub struct Scorecards;

/// A batting line's markers of who took the wicket.
fn marker(w: &str) -> bool {
    matches!(w, "c" | "b" | "st")
}

/// "7-0-29-0": overs, maidens, runs, wickets.
fn bowling_figures(w: &str) -> bool {
    let b = w.as_bytes();
    b.first().is_some_and(u8::is_ascii_digit)
        && b.last().is_some_and(u8::is_ascii_digit)
        && b.iter().all(|&c| c.is_ascii_digit() || c == b'-')
        && b.iter().filter(|&&c| c == b'-').count() == 3
        && !w.contains("--")
}

fn not_name() -> WordClass {
    WordClass::NOT_NAME | WordClass::TITLE | WordClass::HONORIFIC | WordClass::ORG_HEAD | WordClass::PLACE_HEAD
}

impl Scorecards {
    /// Token `k` may be a word of a name here: "Waugh", "de" before "Silva".
    pub(super) fn name_word(p: &Prepared, k: usize) -> bool {
        let w = p.tokens[k].text(p.text);
        let mut chars = w.chars();
        p.tokens[k].capitalised
            && chars.next().is_some_and(|c| c.is_uppercase())
            && chars.clone().count() >= 2
            && chars.all(|c| c.is_lowercase() || c == '\'' || c == '-')
            && !p.class[k].has(not_name())
    }

    fn initial(p: &Prepared, k: usize) -> bool {
        initial_with_stop(p.tokens[k].text(p.text))
    }

    /// Token `k` is the "out" of "run out" or "not out": a batsman with no wicket-taker.
    fn batsman_out(p: &Prepared, k: usize) -> bool {
        k > 0 && p.tokens[k].text(p.text) == "out" && matches!(p.tokens[k - 1].text(p.text), "run" | "not")
    }

    /// The name from token `k` to the returned end: initials, then name words (a particle
    /// may come between: "de Silva"), within the line ending at `line_end`.
    fn name_at(p: &Prepared, k: usize, line_end: usize) -> Option<usize> {
        let mut end = k;
        while end < line_end && end - k < 4 && (end == k || p.tokens[end].joined_to_prev) {
            let particle = end + 1 < line_end && p.class[end].has(WordClass::PARTICLE) && Self::name_word(p, end + 1);
            if !(Self::initial(p, end) || Self::name_word(p, end) || particle) {
                break;
            }
            end += 1;
        }
        // It ends on a name word, not on an initial or a particle.
        while end > k && !Self::name_word(p, end - 1) {
            end -= 1;
        }
        (end > k).then_some(end)
    }
}

impl Recognise for Scorecards {
    fn recognise(&self, p: &Prepared) -> Recognised {
        let mut candidates = Vec::new();
        let n = p.tokens.len();
        let word = |k: usize| p.tokens[k].text(p.text);
        // Most texts have no scorecard: one look at each word rules them out.
        if !p.tokens.iter().enumerate().any(|(k, t)| {
            let b = &p.text.as_bytes()[t.start..t.end];
            match b.len() {
                1 | 2 => marker(word(k)),
                3 => Self::batsman_out(p, k),
                _ => b.first().is_some_and(u8::is_ascii_digit) && bowling_figures(word(k)),
            }
        }) {
            return Recognised::default();
        }
        let mut line_start = 0;
        while line_start < n {
            // A line is the tokens up to the next line break.
            let mut line_end = line_start + 1;
            while line_end < n && !p.text[p.tokens[line_end - 1].end..p.tokens[line_end].start].contains('\n') {
                line_end += 1;
            }
            let line = line_start..line_end;
            let ends_in_runs = word(line_end - 1).chars().all(|c| c.is_ascii_digit());
            let out = line.clone().any(|k| k > line_start && Self::batsman_out(p, k));
            let batting = ends_in_runs && (out || line.clone().any(|k| marker(word(k))));
            let bowling = line.clone().filter(|&k| bowling_figures(word(k))).count();
            let mut names: Vec<std::ops::Range<usize>> = Vec::new();
            if batting {
                // Each marker names the fielder or bowler after it; then the batsman opens
                // the line, if a wicket-taker was named or the batsman is "out".
                for k in line.clone().filter(|&k| marker(word(k)) && k + 1 < line_end) {
                    if let Some(end) = Self::name_at(p, k + 1, line_end) {
                        names.push(k + 1..end);
                    }
                }
                if (out || !names.is_empty())
                    && let Some(end) = Self::name_at(p, line_start, line_end)
                {
                    names.push(line_start..end);
                }
            } else if bowling > 0 {
                // "Vass 7-0-29-0 , de Silva 4-0-25-0": the name before each figure.
                for k in line.clone().filter(|&k| k > line_start && bowling_figures(word(k))) {
                    let mut first = k;
                    while first > line_start
                        && k - first < 3
                        && (Self::name_word(p, first - 1)
                            || Self::initial(p, first - 1)
                            || p.class[first - 1].has(WordClass::PARTICLE))
                        && p.tokens[first].joined_to_prev
                    {
                        first -= 1;
                    }
                    if let Some(end) = Self::name_at(p, first, k).filter(|&end| end == k) {
                        names.push(first..end);
                    }
                }
            }
            for r in names {
                if r.clone().any(|k| p.claimed.get(k).copied().unwrap_or(false)) {
                    continue;
                }
                candidates.push(Candidate {
                    start: p.tokens[r.start].start,
                    end: p.tokens[r.end - 1].end,
                    kind: Kind::Person,
                    target: if r.len() == 1 { Target::Surname } else { Target::FullName },
                    weak: false,
                    rule: Rule::Scorecard,
                });
            }
            line_start = line_end;
        }
        candidates.sort_by_key(|c| c.start);
        candidates.dedup_by_key(|c| c.start);
        Recognised { candidates, bare: Vec::new() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Gazetteer;

    fn people(text: &str) -> Vec<String> {
        let p = Prepared::new(text, &Gazetteer::new(vec![]));
        Scorecards.recognise(&p).candidates.iter().map(|c| text[c.start..c.end].to_string()).collect()
    }

    #[test]
    fn batting_lines_name_batsman_fielder_and_bowler() {
        assert_eq!(people("S. Law c Tillekeratne b Dharmasena 13"), ["S. Law", "Tillekeratne", "Dharmasena"]);
        assert_eq!(
            people("M. Waugh c and b Jayasuriya 50\nS. Waugh b Muralitharan 22"),
            ["M. Waugh", "Jayasuriya", "S. Waugh", "Muralitharan"]
        );
        assert_eq!(people("D. Lehmann st Kaluwitharana b Chandana 2"), ["D. Lehmann", "Kaluwitharana", "Chandana"]);
        // No runs at the end, or no marker: no batting line.
        assert!(people("Plan b Smith said").is_empty());
        assert!(people("Type b 3").is_empty());
        assert_eq!(people("M. Slater run out 9"), ["M. Slater"]);
        assert!(people("Extras ( lb-3 nb-2 ) 5").is_empty());
    }

    #[test]
    fn bowling_lines_name_each_bowler() {
        assert_eq!(
            people("Bowling : Vass 7-0-29-0 , de Silva 4-0-25-0 , Dharmasena 9-0-49-1"),
            ["Vass", "de Silva", "Dharmasena"]
        );
        assert!(people("Fall of wickets : 1-21 2-52 3-97").is_empty());
    }
}
