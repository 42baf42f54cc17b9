//! Full names no list knows, confirmed by the text itself: the given-name lists cannot hold
//! every name ("Saodat Sadikova", "Alper Gezeravci"), but a writer who names someone in
//! full and then by the last word alone ("Sadikova said") has told us it is a person's
//! surname. And a capital letter with a full stop before a name is an initial ("H. Morris",
//! "S. P. Udayakumar"), as in cricket scorecards and Indian names.
//!
//! Runs after the rules and the tagger, and only where they found nothing. No word of a
//! name may be an ordinary word of the corpus or on a list of words that are no names.

use super::Kind;
use super::recognise::{Candidate, Recognised, Target};
use super::recogniser::{Prepared, Recognise};
use super::rule::Rule;
use super::vocabulary::Vocabulary;
use crate::lang::{WordClass, word_key};
use rustc_hash::FxHashMap;

/// Longest run of name words taken (initials not counted).
const MAX_WORDS: usize = 3;

/// The recogniser, with the corpus vocabulary to doubt ordinary words by.
pub struct ConfirmedNames<'a> {
    pub vocabulary: &'a Vocabulary<'a>,
}

impl ConfirmedNames<'_> {
    /// Token `k` looks like a word of a name: capitalised, then lower case ("Sadikova",
    /// "O'Hara"), on no list of words that are no names, and no ordinary word of the corpus.
    fn name_word(&self, p: &Prepared, k: usize) -> bool {
        let t = &p.tokens[k];
        let w = t.text(p.text);
        let mut chars = w.chars();
        // Latin letters only: a word in another script may be any word ("Приезд").
        let latin = w.chars().all(|c| c < '\u{250}' || !c.is_alphabetic());
        // "Bergamo-based", "Family-controlled" describe, they do not name.
        let described = w.split_once('-').is_some_and(|(_, rest)| rest.starts_with(char::is_lowercase));
        let shaped = t.capitalised
            && latin
            && !described
            && chars.next().is_some()
            && chars.next().is_some_and(|c| !c.is_uppercase())
            && w.chars().filter(|c| c.is_alphabetic()).count() >= 2;
        shaped && !p.class[k].has(not_name()) && !self.vocabulary.is_common(w)
    }

    /// Whether the words from token `end` describe the one named before them: ", a/an/the
    /// …" or "is/was a/an/the …".
    fn introduces_someone(&self, p: &Prepared, end: usize) -> bool {
        let n = p.tokens.len();
        let word = |k: usize| p.tokens[k].text(p.text);
        let article = |k: usize| k < n && p.class[k].has(article());
        if end >= n {
            return false;
        }
        let gap = &p.text[p.tokens[end - 1].end..p.tokens[end].start];
        if gap == ", " {
            return article(end);
        }
        gap == " "
            && matches!(word(end), "is" | "was")
            && p.tokens.get(end + 1).is_some_and(|t| t.joined_to_prev)
            && article(end + 1)
    }

    /// Whether the words from token `end` have the one named before them speak what follows:
    /// a verb of saying, then a colon ("Archritius Mwanakayaya says:", as a post introduces
    /// a comment) or "he"/"she" ("Calisto Tanzi said he would co-operate"). Not "that":
    /// firms and papers say that too ("Krispy Kreme added that", "Krispy Kreme said its").
    fn speaks_next(&self, p: &Prepared, end: usize) -> bool {
        let n = p.tokens.len();
        if end + 1 >= n || &p.text[p.tokens[end - 1].end..p.tokens[end].start] != " " {
            return false;
        }
        let verb = &p.tokens[end];
        let after = &p.text[verb.end..p.tokens[end + 1].start];
        p.class[end].has(WordClass::SAYING_VERB)
            && !verb.text(p.text).starts_with(char::is_uppercase)
            && (after.starts_with(':')
                || after == " "
                    && p.class[end + 1].has(WordClass::HE_SHE)
                    && p.class[end + 1].has(WordClass::SUBJECT_PRONOUN))
    }

    /// Whether the name words `k..end` are listed with a person found before, by a comma
    /// or "and" ("Zenon Poznyak and Sergei Naumchik", "Dawit Kebede, Wubeshet Taye"), or
    /// given an age ("Severine Potty, 19, …"): a writer lists people with people.
    fn listed(&self, p: &Prepared, person: &[bool], k: usize, end: usize) -> bool {
        let n = p.tokens.len();
        let gap = |a: usize, b: usize| &p.text[p.tokens[a].end..p.tokens[b].start];
        let comma = |a: usize, b: usize| gap(a, b).trim() == "," && !gap(a, b).contains('\n');
        let and = |j: usize| p.class[j].has(WordClass::AND_BUT) && p.tokens[j].text(p.text) == "and";
        let is_person = |j: usize| person.get(j).copied().unwrap_or(false);
        let before = k >= 1
            && (comma(k - 1, k) && is_person(k - 1)
                || k >= 2
                    && and(k - 1)
                    && gap(k - 1, k) == " "
                    && gap(k - 2, k - 1) == " "
                    && is_person(k - 2)
                    && !p.tokens[k - 2].possessive);
        let after = end < n
            && (comma(end - 1, end) && is_person(end)
                || end + 1 < n
                    && and(end)
                    && gap(end - 1, end) == " "
                    && gap(end, end + 1) == " "
                    && is_person(end + 1));
        let aged = end < n && comma(end - 1, end) && {
            let age = p.tokens[end].text(p.text);
            let follows = &p.text[p.tokens[end].end..];
            age.len() <= 2
                && age.bytes().all(|b| b.is_ascii_digit())
                && follows.trim_start_matches(' ').starts_with(',')
        };
        // "Giuseppe Verdi's La Traviata and Richard Strauss": what a person has is a thing.
        let owned = k >= 1 && p.tokens[k - 1].possessive;
        !owned && (before || after || aged)
    }

    fn free(&self, p: &Prepared, k: usize) -> bool {
        !p.claimed.get(k).copied().unwrap_or(false)
    }
}

fn not_name() -> WordClass {
    WordClass::NOT_NAME
        | WordClass::TITLE
        | WordClass::HONORIFIC
        | WordClass::ORG_HEAD
        | WordClass::PLACE_HEAD
        | WordClass::SAYING_VERB
        | WordClass::PARTICLE
        | WordClass::NAME_MONTH
        | WordClass::WEEKDAY
}

fn article() -> WordClass {
    WordClass::ARTICLE | WordClass::THE | WordClass::DETERMINER
}

/// "H." — one capital letter and a full stop.
pub(super) fn initial_with_stop(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(|c| c.is_uppercase()) && chars.next() == Some('.') && chars.next().is_none()
}

impl Recognise for ConfirmedNames<'_> {
    fn recognise(&self, p: &Prepared) -> Recognised {
        let n = p.tokens.len();
        let word = |k: usize| p.tokens[k].text(p.text);
        let capital = |k: usize| p.tokens[k].capitalised;
        // Capitalised words written alone (no capitalised word joined on either side), per
        // word: the evidence that a name's last word is a surname.
        let alone = |k: usize| {
            capital(k)
                && !(k > 0 && p.tokens[k].joined_to_prev && capital(k - 1) && !p.tokens[k - 1].possessive)
                && !(k + 1 < n && p.tokens[k + 1].joined_to_prev && capital(k + 1) && !p.tokens[k].possessive)
        };
        // "the Reds", "the Artemis Accords": a word the text writes after an article names
        // a team or a thing, not a person (per word: true once seen so).
        let after_article = |k: usize| k > 0 && p.tokens[k].joined_to_prev && p.class[k - 1].has(article());
        // Built on the first pair that needs it: most articles have none, and hashing every
        // capitalised word was a tenth of indexing.
        let build_lone = || {
            let mut lone: FxHashMap<u64, bool> = FxHashMap::default();
            for k in 0..n {
                if capital(k) && (alone(k) || after_article(k)) {
                    let seen = lone.entry(word_key(word(k))).or_insert(true);
                    *seen &= !after_article(k);
                }
            }
            lone
        };
        let mut lone_cache: Option<FxHashMap<u64, bool>> = None;
        let mut person = p.person.clone();
        person.resize(n, false);
        let mut candidates = Vec::new();
        let mut k = 0;
        while k < n {
            // A run starts where no capitalised word is joined before it, or a title or a word
            // that is no name is ("Blogger Nalan Sarraj wrote:", "Kenyans Evans Rutto").
            let after_cue = k > 0
                && (p.class[k - 1].has(WordClass::TITLE)
                    // Not a sentence's first word ("At La Fenice Viotti was").
                    || p.class[k - 1].has(WordClass::NOT_NAME) && !p.tokens[k - 1].sentence_start)
                && !p.tokens[k - 1].possessive;
            if !capital(k) || (k > 0 && p.tokens[k].joined_to_prev && capital(k - 1) && !after_cue) {
                k += 1;
                continue;
            }
            let mut end = k;
            let mut initials = 0;
            while end < n
                && (end == k || p.tokens[end].joined_to_prev && !p.tokens[end - 1].possessive)
                && end - k - initials < MAX_WORDS
                // A name from initials may take over what a weak cue took ("R. Ponting", the
                // tagger's "H." and "Morris"): recognise_all keeps it only if that was weak.
                && (self.free(p, end) || initial_with_stop(word(k)))
            {
                if initial_with_stop(word(end)) && end - k == initials {
                    initials += 1;
                } else if !self.name_word(p, end) {
                    break;
                }
                end += 1;
            }
            let words = end - k - initials;
            // A run that goes on into capitalised words not taken ("Nepal Grand Finale") is
            // something else.
            let runs_on = end < n && p.tokens[end].joined_to_prev && capital(end) && !p.tokens[end - 1].possessive;
            let rule = if runs_on || words == 0 {
                None
            } else if initials > 0 {
                // "H. Morris": no sentence ends on a single capital ("Plan B. Morris").
                let after_word = k > 0 && p.tokens[k].joined_to_prev && word(k - 1).len() > 1;
                (!after_word || !capital(k - 1)).then_some(Rule::Initials)
            } else if words >= 2 {
                let last = word(end - 1);
                let by_article = k > 0 && p.tokens[k].joined_to_prev && p.class[k - 1].has(article());
                // At the start of a sentence any word is capitalised: the pair's first word may be no
                // name ("Blogger", "Whereas"), and a wrong full name draws the lone surnames to it.
                let sentence_start = p.tokens[k].sentence_start;
                let mut confirmed = || {
                    let lone = lone_cache.get_or_insert_with(build_lone);
                    lone.get(&word_key(last)).copied().unwrap_or(false)
                };
                // There, only a name that introduces someone speaks for itself: "Saodat
                // Sadikova is an English teacher", "Sanaz Toossi, an Iranian-American, wrote".
                let introduced = || sentence_start && self.introduces_someone(p, end);
                let alone_confirmed = (!sentence_start || introduced()) && confirmed();
                // A pair that speaks ("Archritius Mwanakayaya says:") is someone too; at a
                // sentence's start only when its first word is never written after an article
                // ("the Palestinian Authority": "Palestinian Tamer Hamam wrote:" is no name).
                let mut speaks = || {
                    words == 2
                        && self.speaks_next(p, end)
                        && (!sentence_start || {
                            let lone = lone_cache.get_or_insert_with(build_lone);
                            lone.get(&word_key(word(k))) != Some(&false)
                        })
                };
                if by_article {
                    None
                } else if alone_confirmed {
                    Some(Rule::SurnameAlone)
                } else if speaks() {
                    Some(Rule::PairSpeaks)
                } else {
                    (words == 2 && self.listed(p, &person, k, end)).then_some(Rule::Listed)
                }
            } else {
                None
            };
            if let Some(rule) = rule {
                // A name found here is a person the next in a list is listed with.
                person[k..end].fill(true);
                candidates.push(Candidate {
                    start: p.tokens[k].start,
                    end: p.tokens[end - 1].end,
                    kind: Kind::Person,
                    target: if end - k == 1 { Target::Surname } else { Target::FullName },
                    weak: false,
                    rule,
                });
            }
            k = end.max(k + 1);
        }
        Recognised { candidates, bare: Vec::new() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Gazetteer;

    fn people(text: &str) -> Vec<String> {
        let p = Prepared::new(text, &Gazetteer::new(vec![]));
        let vocabulary = Vocabulary::from_texts(&[text]);
        ConfirmedNames { vocabulary: &vocabulary }
            .recognise(&p)
            .candidates
            .iter()
            .map(|c| text[c.start..c.end].to_string())
            .collect()
    }

    #[test]
    fn a_pair_whose_last_word_is_written_alone_is_a_person() {
        let text = "She met Saodat Sadikova, a teacher. Later, Sadikova said she would stay.";
        assert_eq!(people(text), ["Saodat Sadikova"]);
        // Without the lone surname, nothing confirms the pair.
        assert!(people("She met Saodat Sadikova, a teacher. She said she would stay.").is_empty());
        // At the start of a sentence the first word may be any word, unless the words after
        // the pair introduce the one it names.
        assert!(people("Blogger Sadikova wrote. Sadikova said so.").is_empty());
        let text = "Saodat Sadikova is an English teacher. Later, Sadikova said she would stay.";
        assert_eq!(people(text), ["Saodat Sadikova"]);
        let text = "Sanaz Toossi, an Iranian-American, wrote it. Toossi said so.";
        assert_eq!(people(text), ["Sanaz Toossi"]);
        assert!(people("Blogger Sadikova is here. Sadikova said so.").is_empty());
        // A pair that runs on into more capitalised words is not one name.
        assert!(people("the Grand Nepal Finale in Nepal.").is_empty());
        // A word the text writes after an article is a team or a thing.
        assert!(people("Cincinnati Reds won. The Reds lost.").is_empty());
        assert!(people("the Artemis Accords family. Accords matter.").is_empty());
        assert!(people("The Приезд Овечкина. Овечкина said.").is_empty());
    }

    #[test]
    fn a_pair_no_list_knows_that_speaks_is_a_person() {
        assert_eq!(
            people("The march went on.\n\nArchritius Mwanakayaya says:\n\nIt is sad."),
            ["Archritius Mwanakayaya"]
        );
        assert_eq!(people("It went on, and Annatiwi Mutasa argues:\n\nIt is sad."), ["Annatiwi Mutasa"]);
        assert_eq!(people("Next day.\n\nBlogger Nalan Sarraj wrote:\n\nIt is sad."), ["Nalan Sarraj"]);
        // Not without a colon (a firm says that too), nor a first word written after an article.
        assert!(people("It went on, and Annatiwi Mutasa says it is sad.").is_empty());
        assert!(people("Shares fell. Krispy Kreme added that it had cash.").is_empty());
        // Nor its own pronoun: "said he" is a man's, "said its" a firm's.
        assert_eq!(people("Shares fell. Calisto Tanzi said he would help."), ["Calisto Tanzi"]);
        assert!(people("Shares fell. Krispy Kreme said its board would meet.").is_empty());
        // A people's plural before the name is not part of it.
        let text = "There was drama as Kenyans Evans Rutto and Margaret Okayo won. Rutto held on.";
        // (and the name listed with the one found is someone too).
        assert_eq!(people(text), ["Evans Rutto", "Margaret Okayo"]);
        assert!(people("The Palestinian Authority met.\n\nPalestinian Hamam wrote:\n\nIt is sad.").is_empty());
    }

    #[test]
    fn a_pair_listed_with_a_person_or_given_an_age_is_a_person() {
        fn listed(text: &str, person: &str) -> Vec<String> {
            let mut p = Prepared::new(text, &Gazetteer::new(vec![]));
            let (start, end) = text.find(person).map(|s| (s, s + person.len())).unwrap();
            p.person = p.tokens.iter().map(|t| t.start < end && start < t.end).collect();
            p.claimed = p.person.clone();
            let vocabulary = Vocabulary::from_texts(&[text]);
            let found = ConfirmedNames { vocabulary: &vocabulary }.recognise(&p).candidates;
            found.iter().map(|c| text[c.start..c.end].to_string()).collect()
        }
        let text = "asylum to two leaders, Zenon Poznyak and Sergei Naumchik.";
        assert_eq!(listed(text, "Sergei Naumchik"), ["Zenon Poznyak"]);
        // Down a list, each found name vouches for the next.
        let text = "the journalists Dawit Kebede, Wubeshet Taye, Reyot Alemu and others";
        assert_eq!(listed(text, "Dawit Kebede"), ["Wubeshet Taye", "Reyot Alemu"]);
        assert_eq!(listed("They found Severine Potty, 19, unharmed.", "They"), ["Severine Potty"]);
        // What a person has is no one: "Verdi's La Traviata and Richard Strauss".
        assert!(listed("He staged Giuseppe Verdi's Fidra Tavio and Richard Strauss.", "Giuseppe Verdi").is_empty());
        assert!(listed("He staged Fidra Tavio and others.", "He").is_empty());
    }

    #[test]
    fn initials_before_a_name_make_a_person() {
        assert_eq!(people("H. Morris c Ponting b McGrath 30"), ["H. Morris"]);
        assert_eq!(people("activist S. P. Udayakumar spoke"), ["S. P. Udayakumar"]);
        // An ordinary word after the initial is no name.
        assert!(people("the team won; the A. Team played").is_empty());
    }
}
