//! Roles the text gives a person: a title before the name ("Kremlin spokesperson Dmitry
//! Peskov", "Secretary of State Marco Rubio"), or an appositive beside it ("Trump's special
//! envoy, Steve Witkoff,"; "Ed Balls, the Chancellor,").

use super::text::capitalised;
use super::view::View;
use crate::entities::EntityId;
use crate::lang::{Lang, WordClass};

/// A role found for one person mention: the byte range of the role's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoleHit {
    pub entity: EntityId,
    pub start: usize,
    pub end: usize,
}

/// The lowercase form used to merge counts: "U.S. President" and "US president" are one.
pub fn role_key(role: &str) -> String {
    let mut key = String::with_capacity(role.len());
    for word in role.split_whitespace() {
        let word: String = word.chars().filter(|&c| c != '.').flat_map(char::to_lowercase).collect();
        if key.is_empty() && Lang::en().is(&word, WordClass::ARTICLE) {
            continue;
        }
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&word);
    }
    key
}

/// Two role keys name the same role when one ends with the other and the words before it
/// do not make it another one: "us secretary of state" is "secretary of state", "shadow home
/// secretary" is not "home secretary".
pub(super) fn same_role(a: &str, b: &str) -> bool {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    !short.is_empty()
        && long.ends_with(short)
        && (long.len() == short.len() || {
            let prefix = &long[..long.len() - short.len()];
            // "friend of the Tory leader" is someone else than the Tory leader.
            let relation = prefix.split_whitespace().last().is_some_and(|w| Lang::en().is(w, WordClass::RELATION));
            prefix.ends_with(' ') && !relation && !prefix.split_whitespace().any(another_role)
        })
}

/// A word that makes a role another: "shadow", "former", "deputy" …
pub(super) fn another_role(word: &str) -> bool {
    Lang::en().is(word, WordClass::ROLE_MODIFIER)
}

/// Every role the body gives a person, in reading order.
pub fn roles(view: &View) -> Vec<RoleHit> {
    let lists = Lang::en();
    let mut out = Vec::new();
    for p in &view.persons {
        // Honorifics are not roles: "Prime Minister Sir Keir Starmer".
        let mut k = p.first;
        while k > 0 && view.joined(k) && lists.is_honorific(view.word(k - 1)) {
            k -= 1;
        }
        if let Some(r) = title_before(view, k) {
            out.push(RoleHit { entity: p.entity, start: r.0, end: r.1 });
            continue;
        }
        let comma_after = view.body[p.end..].trim_start_matches(['’', '\'', 's']).starts_with(',');
        // "special envoy, Steve Witkoff," — the title, a comma, the name, a comma.
        if k > 0
            && view.gap(k).trim() == ","
            && comma_after
            && !view.words[k - 1].possessive
            && let Some(r) = title_before(view, k).or_else(|| title_ending_at(view, k - 1))
        {
            out.push(RoleHit { entity: p.entity, start: r.0, end: r.1 });
            continue;
        }
        if comma_after
            && p.last + 1 < view.words.len()
            && view.gap(p.last + 1).trim() == ","
            && let Some(r) = title_after(view, p.last + 1)
        {
            out.push(RoleHit { entity: p.entity, start: r.0, end: r.1 });
        }
    }
    out
}

/// A title joined by spaces to word `k` and ending right before it.
fn title_before(view: &View, k: usize) -> Option<(usize, usize)> {
    if k == 0 || !view.joined(k) {
        return None;
    }
    title_ending_at(view, k - 1)
}

/// A title whose last word is word `last`, read backwards.
fn title_ending_at(view: &View, last: usize) -> Option<(usize, usize)> {
    let lists = Lang::en();
    // "the prime minister and Gordon Brown": a title that ends in "and", "of" or "for" is
    // someone else's.
    if view.is(last, WordClass::TITLE_CONNECTOR) {
        return None;
    }
    // "Cafod will host Mr Brown's speech": a title word after an auxiliary is a verb.
    if last > 0
        && view.joined(last)
        && view.is(last - 1, WordClass::BETWEEN_SUBJECT_AND_VERB)
        && !capitalised(view.word(last))
    {
        return None;
    }
    let mut start = last + 1;
    let mut j = last + 1;
    let mut titled = false;
    let mut next_is_lower_title = false;
    loop {
        let i = j - 1;
        let w = view.word(i);
        if view.person_at[i].is_some() || view.words[i].possessive {
            break;
        }
        let title = lists.is_title(w);
        let ok = if title {
            true
        } else if capitalised(w) {
            // "In October Tory leader Michael Howard": a date is no part of a title, but a
            // name with a day in it is ("Sunday Telegraph journalist").
            let date = lists.is(w, WordClass::WEEKDAY) || lists.month(&w.to_lowercase()).is_some();
            !lists.is(w, WordClass::NOT_IN_TITLE) && !lists.is_honorific(w) && (!date || view.in_name(i))
        } else if lists.is(w, WordClass::TITLE_CONNECTOR) {
            // "the prime minister and Chancellor Gordon Brown": a lower-case role, "and", a
            // capitalised one are two people's roles.
            let two_roles = |i: usize| {
                view.is(i, WordClass::AND_BUT) && !capitalised(view.word(i - 1)) && capitalised(view.word(i + 1))
            };
            i > 0
                && (capitalised(view.word(i - 1)) || lists.is_title(view.word(i - 1)))
                && !joins_two_names(view, i)
                && !two_roles(i)
        } else {
            // "special envoy", "press secretary": a modifier right before a lowercase title;
            // not a verb after its subject ("as they eye captain Steven Gerrard").
            let after_subject = view.joined(i) && view.is(i - 1, WordClass::SUBJECT_PRONOUN);
            // Nor a verb or adverb ("Cafod will host", "now foreign secretary", "including
            // leader"), unless it makes another role ("acting").
            let verb_like =
                lists.is(w, WordClass::BETWEEN_SUBJECT_AND_VERB) || (w.ends_with("ing") && !another_role(w));
            next_is_lower_title
                && !lists.is(w, WordClass::BEFORE_TITLE)
                && !w.ends_with("ly")
                && !after_subject
                && !verb_like
        };
        if !ok {
            break;
        }
        titled |= title;
        next_is_lower_title = title && !capitalised(w);
        j = i;
        if !lists.is(w, WordClass::TITLE_CONNECTOR) {
            start = i;
        }
        if j == 0 || !view.joined(j) {
            break;
        }
    }
    (titled && start <= last).then(|| (view.words[start].start, view.words[last].end))
}

/// "US and Russian President", "Microsoft and New York attorney general": an "and" after a
/// place, a people or another name joins two things, not the words of one title ("Trade
/// and Industry Secretary", "Economy and Labour Minister").
fn joins_two_names(view: &View, i: usize) -> bool {
    view.is(i, WordClass::AND_BUT) && (view.in_name(i - 1) || Lang::en().is(view.word(i - 1), WordClass::NOT_NAME))
}

/// "Jones, CBI director general," / "Frost, director general of the British Chambers of
/// Commerce,": a title after the comma at word `first`, up to the next comma or full stop.
fn title_after(view: &View, first: usize) -> Option<(usize, usize)> {
    let lists = Lang::en();
    let mut i = first;
    // "Straw, now foreign secretary,": the adverb is no part of the title.
    if i < view.words.len() && view.is(i, WordClass::BETWEEN_SUBJECT_AND_VERB) && !capitalised(view.word(i)) {
        i += 1;
    }
    if i < view.words.len() && view.is(i, WordClass::ARTICLE) {
        i += 1;
    }
    let begin = i;
    let mut last_title = None;
    while i < view.words.len() && i - begin < 8 && (i == begin || view.joined(i)) {
        let w = view.word(i);
        if view.person_at[i].is_some() {
            return None;
        }
        if lists.is_title(w) {
            last_title = Some(i);
        } else if !(capitalised(w) && !lists.is(w, WordClass::NOT_IN_TITLE)
            || lists.is(w, WordClass::TITLE_CONNECTOR)
            || last_title.is_none())
        {
            break;
        }
        i += 1;
    }
    let last = last_title?;
    // Keep a capitalised tail: "… of the British Chambers of Commerce".
    let mut end = last;
    let mut k = last + 1;
    while k < i && (capitalised(view.word(k)) || lists.is(view.word(k), WordClass::TITLE_CONNECTOR)) {
        if capitalised(view.word(k)) {
            end = k;
        }
        k += 1;
    }
    let closes = view.body[view.words[end].end..].trim_start().starts_with([',', '.', ')']);
    let lowercase_tail = end + 1 < view.words.len() && view.is(end + 1, WordClass::ROLE_TAIL);
    (closes || lowercase_tail).then(|| (view.words[begin].start, view.words[end].end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Corpus, article};
    use crate::entities::Index;

    fn found(text: &str) -> Vec<(String, String)> {
        let corpus = Corpus { articles: vec![article("t.txt".into(), text)], ..Corpus::default() };
        let index = Index::build(&corpus);
        let body = &corpus.articles[0].body;
        let view = View::new(body, index.mentions_in(0), &index);
        roles(&view)
            .into_iter()
            .map(|r| (index.entity(r.entity).name.clone(), body[r.start..r.end].to_string()))
            .collect()
    }

    fn pair(name: &str, role: &str) -> (String, String) {
        (name.to_string(), role.to_string())
    }

    #[test]
    fn titles_before_names() {
        let got = found(
            "Kremlin spokesperson Dmitry Peskov said no. Later Secretary of State Marco Rubio and UK Defence Secretary John Healey met Prime Minister Sir Keir Starmer.",
        );
        assert_eq!(
            got,
            [
                pair("Dmitry Peskov", "Kremlin spokesperson"),
                pair("Marco Rubio", "Secretary of State"),
                pair("John Healey", "UK Defence Secretary"),
                pair("Keir Starmer", "Prime Minister"),
            ]
        );
    }

    #[test]
    fn roles_stop_at_dates_verbs_and_other_names() {
        let got = found(
            "In October Tory leader Michael Howard spoke. Clubs circle as they eye captain Steven Gerrard. \
             Talks between the US and Russian President Vladimir Putin went on. The prime minister and Gordon Brown met.",
        );
        assert_eq!(
            got,
            [
                pair("Michael Howard", "Tory leader"),
                pair("Steven Gerrard", "captain"),
                pair("Vladimir Putin", "Russian President")
            ]
        );
        // A portfolio with "and" in it is one title.
        assert_eq!(
            found("Trade and Industry Secretary Patricia Hewitt spoke."),
            [pair("Patricia Hewitt", "Trade and Industry Secretary")]
        );
    }

    #[test]
    fn roles_stop_at_possessives_verbs_and_another_role() {
        let got = found(
            "Both the prime minister and Chancellor Gordon Brown spoke. His party leader Michael Howard agreed. \
             The agency Cafod will host Mr Brown's speech. Tories, including leader Michael Howard, met. Like \
             skipper Brian O'Driscoll, he is fit. Jack Straw, now foreign secretary, left. One of President \
             George Bush's aides spoke. Acting president Jack Straw spoke.",
        );
        let roles: Vec<&str> = got.iter().map(|(_, r)| r.as_str()).collect();
        assert_eq!(
            roles,
            ["Chancellor", "party leader", "leader", "skipper", "foreign secretary", "President", "Acting president"]
        );
    }

    #[test]
    fn appositives() {
        let got = found(
            "US President Donald Trump's special envoy, Steve Witkoff, flew in. Mr Balls said that Gordon Brown, the Chancellor, was right.",
        );
        assert_eq!(
            got,
            [
                pair("Donald Trump", "US President"),
                pair("Steve Witkoff", "special envoy"),
                pair("Gordon Brown", "Chancellor")
            ]
        );
    }

    #[test]
    fn a_possessive_or_a_verb_is_no_title() {
        let got = found("Then Ukraine's Volodymyr Zelensky met Vladimir Putin.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn keys_merge_case_and_dots() {
        assert_eq!(role_key("U.S. President"), role_key("US president"));
        assert_eq!(role_key("the Chancellor"), "chancellor");
    }
}
