//! Goal scorers and substitutes in football reports: a name beside a match minute.
//! "( Smicer 52nd )", "Scorers : Lubarskij ( 50th minute )", "Goals: Bowyer 35, Dyer 69",
//! and the substitute in a line-up, "O'Shea (Ronaldo 33)". Wire reports print them with no
//! verb or title to cue a name, and most are surnames in no list.
//!
//! A bare number beside a capitalised word is often no minute ("(Channel 4)", "Windows 95"),
//! so it counts only under a scorers' heading, or in brackets in a paragraph with another
//! such name. An ordinal ("52nd") or a mark ("75 og") is enough alone.

use super::Kind;
use super::recognise::{Candidate, Recognised, Target};
use super::recogniser::{Prepared, Recognise};
use super::rule::Rule;
use super::scorecards::Scorecards;
use crate::lang::{Lang, WordClass};

/// The recogniser; it needs nothing but the text.
pub struct MatchScorers;

/// A minute of a match: "68", "52nd", "59th-pen". With whether it is an ordinal or marked.
fn minute(w: &str) -> Option<bool> {
    let (number, mark) = match w.split_once('-') {
        Some((n, m)) => (n, Lang::en().is(m, WordClass::MINUTE_MARK)),
        None => (w, false),
    };
    let digits = number.bytes().take_while(u8::is_ascii_digit).count();
    let suffix = &number[digits..];
    let ordinal = !suffix.is_empty();
    if !(1..=3).contains(&digits)
        || (ordinal && !Lang::en().is(suffix, WordClass::ORDINAL_SUFFIX))
        || (w.contains('-') && !mark)
    {
        return None;
    }
    let value: u32 = number[..digits].parse().ok()?;
    (1..=130).contains(&value).then_some(ordinal || mark)
}

/// One name found beside a minute: its tokens and how sure the shape is.
struct Item {
    first: usize,
    end: usize,
    /// An ordinal or a mark ("52nd", "75 og"), or a minute in brackets after the name.
    sure: bool,
    /// "(Ronaldo 33)": the name and a bare minute alone in brackets.
    bracketed: bool,
}

impl MatchScorers {
    fn gap<'t>(p: &Prepared<'t>, k: usize) -> &'t str {
        let start = p.tokens[k].end;
        let end = p.tokens.get(k + 1).map_or(p.text.len(), |t| t.start);
        &p.text[start..end]
    }

    fn gap_before<'t>(p: &Prepared<'t>, k: usize) -> &'t str {
        if k == 0 { &p.text[..p.tokens[0].start] } else { Self::gap(p, k - 1) }
    }

    /// A month is a date's ("August 24th"); the other words no name are ruled out as
    /// scorecards rule them out.
    fn name_word(p: &Prepared, k: usize) -> bool {
        Scorecards::name_word(p, k)
            && Lang::en().month(&p.tokens[k].text(p.text).to_lowercase()).is_none()
            && !p.class[k].has(WordClass::NAME_MONTH | WordClass::WEEKDAY)
    }

    /// The name ending just before token `end`: up to three name words or particles joined
    /// by spaces, opening a list item (after a bracket, comma, colon or line break).
    fn name_before(p: &Prepared, end: usize) -> Option<usize> {
        if end == 0 || !Self::name_word(p, end - 1) {
            return None;
        }
        let mut first = end - 1;
        while first > 0
            && end - first < 3
            && p.tokens[first].joined_to_prev
            && (Self::name_word(p, first - 1) || p.class[first - 1].has(WordClass::PARTICLE))
        {
            first -= 1;
        }
        let before = Self::gap_before(p, first);
        let opens_item = first == 0 || before.contains(['(', ',', ':', '\n']);
        (opens_item && !p.tokens[first].joined_to_prev).then_some(first)
    }

    /// Under a heading "Goals:" or "Scorers:" earlier in the paragraph.
    fn under_heading(p: &Prepared, first: usize) -> bool {
        let mut k = first;
        while k > 0 && first - k < 40 {
            k -= 1;
            let gap = Self::gap(p, k);
            if gap.contains("\n\n") {
                return false;
            }
            if gap.contains(':') {
                return p.class[k].has(WordClass::SCORERS_HEADING);
            }
        }
        false
    }

    fn items(p: &Prepared) -> Vec<Item> {
        let n = p.tokens.len();
        let word = |k: usize| p.tokens[k].text(p.text);
        let mut items = Vec::new();
        for k in 1..n {
            let Some(mut sure) = minute(word(k)) else { continue };
            // "Smicer 52nd", "Dunne 75 og": the name, the minute, a mark, then the item ends.
            if p.tokens[k].joined_to_prev
                && let Some(first) = Self::name_before(p, k)
            {
                let mut last = k;
                while last + 1 < n && p.tokens[last + 1].joined_to_prev && p.class[last + 1].has(WordClass::MINUTE_MARK)
                {
                    last += 1;
                    sure = true;
                }
                let after = Self::gap(p, last).trim_start_matches([' ', '\t']);
                let ends = after.is_empty() || after.starts_with([')', ',', '.', ';', '\n']);
                let bracketed = Self::gap_before(p, first).contains('(') && after.starts_with(')');
                let sure = sure || Self::under_heading(p, first);
                if ends && (sure || bracketed) {
                    items.push(Item { first, end: k, sure, bracketed });
                }
                continue;
            }
            // "Lubarskij ( 50th minute )": the name, then its minute in brackets.
            if sure
                && Self::gap_before(p, k).trim() == "("
                && let Some(first) = Self::name_before(p, k)
            {
                items.push(Item { first, end: k, sure: true, bracketed: false });
            }
        }
        items
    }
}

impl Recognise for MatchScorers {
    fn recognise(&self, p: &Prepared) -> Recognised {
        // Most texts have no minute at all: one look at each token's first byte rules them out.
        if !p.tokens.iter().any(|t| p.text.as_bytes()[t.start].is_ascii_digit()) {
            return Recognised::default();
        }
        let items = Self::items(p);
        let paragraph_of = |k: usize| p.text[..p.tokens[k].start].matches("\n\n").count();
        let mut candidates = Vec::new();
        for (i, item) in items.iter().enumerate() {
            // A bare minute in brackets needs another name beside a minute in its paragraph.
            let company = items.iter().enumerate().any(|(j, other)| {
                j != i && paragraph_of(other.first) == paragraph_of(item.first) && (other.sure || other.bracketed)
            });
            let name_end = item.end;
            if !(item.sure || (item.bracketed && company)) {
                continue;
            }
            let tokens = item.first..name_end;
            if tokens.clone().any(|k| p.claimed.get(k).copied().unwrap_or(false)) {
                continue;
            }
            candidates.push(Candidate {
                start: p.tokens[item.first].start,
                end: p.tokens[name_end - 1].end,
                kind: Kind::Person,
                target: if tokens.len() == 1 { Target::Surname } else { Target::FullName },
                weak: false,
                rule: Rule::MatchScorer,
            });
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
        MatchScorers.recognise(&p).candidates.iter().map(|c| text[c.start..c.end].to_string()).collect()
    }

    #[test]
    fn a_name_beside_an_ordinal_minute_is_a_scorer() {
        assert_eq!(people("Nantes 0 Lens 1 ( Smicer 52nd ) ."), ["Smicer"]);
        assert_eq!(
            people("Karlsruhe 3\n\n( Haessler 33rd , Dundee 45th , Keller 90th ) ."),
            ["Haessler", "Dundee", "Keller"]
        );
        assert_eq!(people("Dortmund 3 ( Zorc 59th-pen , Moeller 73rd )"), ["Zorc", "Moeller"]);
        assert_eq!(people("Scorers : Lubarskij ( 50th minute ) , Valkucak ( 54th )"), ["Lubarskij", "Valkucak"]);
        assert_eq!(people("Scorers : Arkadiusz Bak ( 1st and 55th )"), ["Arkadiusz Bak"]);
        // A score or a date is no minute of a name.
        assert!(people("Stuttgart 2 ( Balakow 50th )").iter().all(|n| n != "Stuttgart"));
        assert!(people("The talks ended on August 24th , officials said .").is_empty());
    }

    #[test]
    fn a_bare_minute_needs_a_heading_or_company() {
        assert_eq!(people("Goals: Bowyer 35, Dyer 69. Att: 47,111"), ["Bowyer", "Dyer"]);
        assert_eq!(people("Scholes, Keane, Fletcher (Giggs 64), Rooney (Smith 80)."), ["Giggs", "Smith"]);
        assert_eq!(people("Goals: Rooney 68, Dunne 75 og."), ["Rooney", "Dunne"]);
        // Alone in its paragraph, a bracketed number is a channel or a version.
        assert!(people("over James McAvoy from Shameless (Channel 4) and others").is_empty());
        assert!(people("It ran on Windows 95, then on Windows 98.").is_empty());
    }
}
