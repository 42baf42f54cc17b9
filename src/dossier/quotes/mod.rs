//! Who said what: quoted text and reported speech in an article body, each attributed to a
//! person the index found there.
//!
//! Direct quotes are spans between quote marks (straight or curly). A span with no closing
//! mark runs to the end of its paragraph, and goes on in the next paragraph when that one
//! opens with a quote mark, or at the next opening mark: such a chain is one utterance with
//! one speaker. An utterance's speaker comes from the words after it (`"…," Peskov said`,
//! `said Mr Thomas`), else from the words before it (`Zelensky stated, "…"`, `Putin, in an
//! interview …, said, "…"`), else from the subject of its clause (`Lammy called it
//! "productive"`); "he" and "she" stand for the person the text last made its subject, of
//! the gender the article's honorifics give them ([`super::gender`]), names inside quote
//! marks aside. A
//! quote with no speaker but the one before it, opening its own sentence, goes on with that
//! speaker. Reported speech (`X stated that …`, `X said the …`, `…, X said.`) is found only
//! in sentences without quote marks, and is marked as paraphrase; after "vowed" or "urged
//! them" it may be an infinitive ("to put Africa …").
//!
//! A role as subject ("The home secretary said", "the Trade and Industry Secretary has
//! said") is the person the article gives that role, else the person in focus if the corpus
//! gives them that role, else the role's usual holder across the corpus ([`RoleBook`]), else
//! the person in focus; an unnamed one ("a spokesman") stops "he" from reaching further back.

mod described;
mod direct;
#[cfg(test)]
mod precision_tests;
mod reported;
mod rule;
mod subject;

pub use rule::{Cue, Rule, Via};

use std::cell::Cell;

use rustc_hash::FxHashMap;

use super::gender::{Gender, genders};
use super::role_book::RoleBook;
use super::roles::{RoleHit, role_key, same_role};
use super::text::{capitalised, paragraphs, sentences};
use super::view::View;
use crate::entities::{EntityId, Index, Mention};
use crate::lang::{Lang, Reports, WordClass};

/// One attributed quote: the byte range of its text in the article body, without marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    pub speaker: EntityId,
    pub article: u32,
    pub start: u32,
    pub end: u32,
    /// Reported speech rather than words in quote marks.
    pub paraphrase: bool,
    /// For reported speech, the byte range of its verb: a reader must see "denied" or
    /// "rejected" before the words, which are then not what the speaker holds.
    pub verb: Option<(u32, u32)>,
    /// The rule that found the speaker.
    pub rule: Rule,
}

impl Quote {
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The verb that reports it ("said", "denied"), for reported speech.
    pub fn verb<'b>(&self, body: &'b str) -> Option<&'b str> {
        self.verb.and_then(|(start, end)| body.get(start as usize..end as usize))
    }
}

/// Every quote in one article body, in reading order. `mentions` are the article's mentions
/// from the index (title mentions are ignored).
pub fn quotes_in(body: &str, mentions: &[Mention], index: &Index, article: u32) -> Vec<Quote> {
    let view = View::new(body, mentions, index);
    let roles = super::roles::roles(&view);
    attribute(&view, &roles, &RoleBook::default(), article)
}

/// [`quotes_in`] on an article already viewed, with its roles found, and the corpus's role
/// holders for titles the article gives no name ("the prime minister").
pub(super) fn attribute(view: &View, roles: &[RoleHit], book: &RoleBook, article: u32) -> Vec<Quote> {
    Attributor::new(view, roles, book).run(article)
}

/// Who a clause is about, once resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Person(EntityId),
    /// Someone or something the index has no person for: "a spokesman", "the Kremlin".
    Unnamed,
}

/// A run of quoted text: byte range without marks.
#[derive(Debug, Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
    /// Where the opening mark starts and the closing mark ends (or the span's end).
    outer_start: usize,
    outer_end: usize,
    /// No closing mark: the utterance goes on in the next span.
    open_ended: bool,
}

struct Attributor<'v, 'a> {
    view: &'v View<'a>,
    lists: &'static Lang,
    /// Sentence byte ranges, in order.
    sentences: Vec<std::ops::Range<usize>>,
    /// Persons the text makes subject, by byte position: what "he" and "she" refer to.
    subjects: Vec<(usize, EntityId)>,
    /// Where the text makes someone unnamed subject ("The spokesman said"), in order.
    nobody: Vec<usize>,
    /// Roles of the article's people, by key: "The US Secretary of State announced …".
    roles: Vec<(String, EntityId)>,
    book: &'v RoleBook,
    /// Who the article makes a man or a woman: what "he" and "she" cannot be.
    genders: FxHashMap<EntityId, Gender>,
    /// The quote spans, in order.
    quoted: Vec<Span>,
    /// How the last speaker resolved was named, for the quote's [`Rule`].
    via: Cell<Via>,
}

impl<'v, 'a> Attributor<'v, 'a> {
    fn new(view: &'v View<'a>, roles: &[RoleHit], book: &'v RoleBook) -> Self {
        let body = view.body;
        let sentences = paragraphs(body).into_iter().flat_map(|p| sentences(body, p)).collect();
        let roles = roles.iter().map(|r| (role_key(&body[r.start..r.end]), r.entity)).collect();
        let mut a = Attributor {
            view,
            lists: Lang::en(),
            sentences,
            subjects: Vec::new(),
            nobody: Vec::new(),
            roles,
            book,
            genders: genders(view),
            quoted: Vec::new(),
            via: Cell::new(Via::Name),
        };
        a.quoted = a.spans();
        for p in &view.persons {
            // "he said Mr Blair had lost …": a subject inside what someone said is not one
            // a later "he" stands for.
            let f = a.honorifics_start(p.first);
            if f > 0 && a.view.joined(f) && a.says(f - 1).is_some() && a.said_by_one_before(f - 1) {
                continue;
            }
            if a.is_subject(p.first, p.last)
                || a.sentence_subject_at(p.start).is_some_and(|s| s == p.first)
                || a.after_saying(p.first)
            {
                a.subjects.push((p.start, p.entity));
            }
        }
        // A name inside quote marks is the speaker's subject, not the text's.
        let mut subjects = std::mem::take(&mut a.subjects);
        subjects.retain(|&(at, _)| !a.in_quote(at));
        a.subjects = subjects;
        // "Matthew Knight, the men's solicitor, said …": the subject of a verb of saying
        // after an aside.
        for v in 1..a.n_words() {
            if a.says(v).is_none() || !comma_like(a.view.gap(v)) {
                continue;
            }
            let Some(p) = a.named_before_comma(v).or_else(|| a.appositive_before(v)) else { continue };
            let before = a.view.words[v].start;
            if let Some(x) = a.view.persons.iter().rev().find(|x| x.entity == p && x.start < before) {
                let i = a.subjects.partition_point(|s| s.0 < x.start);
                if a.subjects.get(i).is_none_or(|s| s.0 != x.start) {
                    a.subjects.insert(i, (x.start, p));
                }
            }
        }
        // "The home secretary confirmed …": a role opening a sentence is its subject too, for
        // the "he" after it. In reading order, each resolved with the subjects before it.
        for k in 0..a.sentences.len() {
            match a.role_subject(k) {
                Some((at, Who::Person(e))) => {
                    let i = a.subjects.partition_point(|s| s.0 < at);
                    a.subjects.insert(i, (at, e));
                }
                Some((at, Who::Unnamed)) => a.nobody.push(at),
                None => {}
            }
        }
        // "A Labour spokesman criticised …", `"…," the spokesman said.`: someone unnamed
        // who speaks or acts is who the "he" after them is.
        let unnamed: Vec<usize> = (0..a.n_words())
            .filter(|&i| a.unnamed_speaker_at(i) || a.indefinite_speaker_at(i))
            .map(|i| a.view.words[i].start)
            .collect();
        a.nobody.extend(unnamed);
        a.nobody.sort_unstable();
        a
    }

    /// Whether word `i` is an anonymous role ("spokesman") for someone the article does not
    /// name, who acts or speaks there: "a" or "an" before it ("A Home Office spokesman
    /// said"), a possessive ("Mr Howard's spokesman"), or "the" when no one named holds the
    /// role ("the spokesman said", but not "the Lib Dem spokesman" when the text names him).
    /// Not a title before a name ("said spokeswoman Jill Sutherland").
    fn unnamed_speaker_at(&self, i: usize) -> bool {
        if !self.lists.is(self.word(i), WordClass::ANONYMOUS_ROLE)
            || self.in_quote(self.view.words[i].start)
            || self.view.person_starting(i + 1).is_some()
        {
            return false;
        }
        // "a spokesman for the Home Office defended": the body it speaks for, then the verb.
        let mut end = i;
        if i + 1 < self.n_words() && self.view.joined(i + 1) && self.lists.is(self.word(i + 1), WordClass::OF_FOR) {
            let mut k = i + 2;
            if k < self.n_words() && self.view.joined(k) && self.view.is(k, WordClass::THE) {
                k += 1;
            }
            while k < self.n_words() && k < i + 7 && self.view.joined(k) && capitalised(self.word(k)) {
                end = k;
                k += 1;
            }
        }
        if !(self.verb_after(end).is_some() || i > 0 && self.view.joined(i) && self.says(i - 1).is_some()) {
            return false;
        }
        // The words of the role before it: "A Labour Party spokesman", "An NHTCU spokeswoman",
        // "an M&S spokesman" (an ampersand inside a name joins its words).
        let mut k = i;
        while k > 0
            && i - k < 4
            && capitalised(self.word(k - 1))
            && (self.view.joined(k) || self.view.gap(k) == "&" && capitalised(self.word(k)))
        {
            k -= 1;
        }
        if k > 0 && self.view.joined(k) && self.view.words[k - 1].possessive {
            return true;
        }
        let det = if k > 0 && self.view.joined(k) { k - 1 } else { k };
        // "said Xing Wangli, a spokesman for …": a named person's apposition.
        if det > 0 && comma_like(self.view.gap(det)) && self.view.person_ending(det - 1).is_some() {
            return false;
        }
        match self.word(det).to_lowercase().as_str() {
            // "one source told Reuters", "another official said".
            "a" | "an" | "one" | "another" => true,
            "the" => self.who_ends_at(i, &[]) == Who::Unnamed,
            _ => false,
        }
    }

    /// Whether word `i` heads a noun phrase opened by "a" or "an" that speaks right after it:
    /// "a well-to-do Washington matron wrote", "An Australian foreign ministry official
    /// said". Someone unnamed: the "she" or "he" after is them, not the last one named.
    fn indefinite_speaker_at(&self, i: usize) -> bool {
        // Words that end a noun phrase or open a clause ("a leader that believes", "a ban
        // and claims"): no head of one before a verb.
        let small = WordClass::ENDS_ROLE_RUN
            | WordClass::CLAUSE_LINK
            | WordClass::AND_BUT
            | WordClass::RELATIVE
            | WordClass::OF_FOR
            | WordClass::SMALL_IN_TITLES
            | WordClass::BEFORE_OBJECT
            | WordClass::HE_SHE_ANY_CASE
            | WordClass::SUBORDINATOR
            | WordClass::THE;
        // A finite verb: "a matron wrote", not "a greater say" (a base form, whose "-s" form
        // the list also has) nor "a man saying".
        let finite = |w: &str| !w.ends_with("ing") && self.lists.reports(&format!("{w}s")).is_none();
        let content = |k: usize| {
            let w = self.word(k);
            !self.is_verb(w)
                && self.says(k).is_none()
                && !self.lists.is(w, small)
                && self.view.person_at[k].is_none()
                && !self.view.words[k].possessive
        };
        if capitalised(self.word(i))
            || i + 1 >= self.n_words()
            || !self.view.joined(i + 1)
            || self.says(i + 1).is_none()
            || !finite(self.word(i + 1))
            || !content(i)
            || self.in_quote(self.view.words[i].start)
        {
            return false;
        }
        let mut k = i;
        while k > 0 && i - k < 5 && self.view.joined(k) {
            if self.view.is(k - 1, WordClass::INDEFINITE) {
                return true;
            }
            if !content(k - 1) {
                return false;
            }
            k -= 1;
        }
        false
    }

    /// Whether the sentence before byte `at` ends with a colon and passes on someone else's
    /// words ("Afrah Nasser commended Medea Benjamin's courage and quoted her words:"): what
    /// follows is not the words of the one in focus.
    fn passed_on(&self, at: usize) -> bool {
        let body = self.view.body;
        if !body[..at].trim_end().ends_with(':') {
            return false;
        }
        let k = self.sentences.partition_point(|s| s.end <= at);
        let Some(s) = self.sentences[..k].last().filter(|s| body[s.end..at].trim().is_empty()) else {
            return false;
        };
        (self.view.word_from(s.start)..self.view.word_from(s.end))
            .any(|i| self.view.is(i, WordClass::QUOTES_ANOTHER) && !self.in_quote(self.view.words[i].start))
    }

    fn run(&self, article: u32) -> Vec<Quote> {
        let spans = &self.quoted;
        let mut out = Vec::new();
        let mut said: Vec<(usize, EntityId)> = Vec::new();
        let mut last_speaker: Option<(EntityId, usize)> = None; // and the paragraph-end byte after it
        // Where a quote of someone unnamed was, and the paragraph end after it: the quotes
        // opening sentences after it go on with them, not with the person in focus.
        let mut unnamed: Option<(usize, usize)> = None;
        for u in self.utterances(spans) {
            let (first, last) = (spans[u.start], spans[u.end - 1]);
            self.via.set(Via::Name);
            let mut cue = Cue::After;
            let mut who = self.speaker_after(last.outer_end, &said);
            if who.is_none() {
                // `… had said the rules were "weighted overwhelmingly" in favour …, said Mr Clarke.`
                self.via.set(Via::Name);
                cue = Cue::Trailer;
                who = self
                    .sentence_trailer(first.outer_start, &said)
                    .filter(|&(_, comma)| last.outer_end <= comma)
                    .map(|(e, _)| Who::Person(e));
            }
            if who.is_none() {
                self.via.set(Via::Name);
                if let Some((w, c)) = self.speaker_before(first.outer_start, &said) {
                    (who, cue) = (Some(w), c);
                }
            }
            if who.is_none() {
                self.via.set(Via::Name);
                // A quote opening its own sentence right after another goes on with its speaker.
                let s = self.sentence_of(first.outer_start);
                // A stray closing mark may stand first: `… and Tour. " "Looking to …`.
                let starts_sentence = self.view.body[s.start.min(first.outer_start)..first.outer_start]
                    .trim_matches(|c: char| c.is_whitespace() || c == '"')
                    .is_empty();
                let recent = self
                    .focus_since(first.outer_start, &said)
                    .filter(|&(pos, _)| unnamed.is_none_or(|(at, near)| pos > at || first.outer_start > near));
                // `"…," the paper beams`: a quote closed by a comma names its speaker next; when
                // that is no person, neither the last speaker nor the person in focus is a guess.
                let trailed = self.view.body[last.start..last.end].trim_end().ends_with(',')
                    && self.view.body[last.outer_end..].starts_with(' ');
                if let Some((e, near)) = last_speaker.filter(|_| starts_sentence && !trailed)
                    && first.outer_start <= near
                {
                    cue = Cue::Continuation;
                    who = Some(Who::Person(e));
                }
                // The person in focus only when "he" or "she" would be them too: no one else in
                // reach (`The Peter Hain "mongrel" attack, he says, …` before Letwin's words).
                if let Some((_, e)) =
                    recent.filter(|_| starts_sentence && !trailed && !self.passed_on(first.outer_start))
                {
                    if self.pronoun(first.outer_start, &said, None) == Some(e) {
                        cue = Cue::Focus;
                        who = Some(Who::Person(e));
                    } else if who != Some(Who::Person(e)) {
                        // Someone else in reach, and the last speaker is not the person in focus
                        // either: "…, he argued. "…"" after another's quote is neither's for sure.
                        who = None;
                    }
                }
                // And the quotes after it go on with that someone, not with the person in focus.
                if trailed {
                    who = Some(Who::Unnamed);
                }
                // A quote with a web address is a post or a headline shared ("Carlos Fuentes
                // dies at 83 http://t.co/… via @USATODAY"): nobody named says it.
                if spans[u.clone()].iter().any(|s| has_web_address(&self.view.body[s.start..s.end])) {
                    who = None;
                }
            }
            // `"Lleyton's proving how versatile he is," he said`: words that call a person by
            // their given name are someone else's about them; a guess from "he" or from who
            // is in focus gives up rather than name them.
            if let Some(Who::Person(e)) = who
                && (self.via.get() == Via::Pronoun || matches!(cue, Cue::Focus | Cue::Continuation))
                && spans[u.clone()].iter().any(|s| self.given_name_inside(e, s.start, s.end))
            {
                who = None;
            }
            match who {
                Some(Who::Person(e)) => {
                    let rule = Rule { cue, via: self.via.get() };
                    for s in &spans[u.clone()] {
                        out.push(Quote {
                            speaker: e,
                            article,
                            start: s.start as u32,
                            end: s.end as u32,
                            paraphrase: false,
                            verb: None,
                            rule,
                        });
                    }
                    // Words quoted inside another's sentence ("Hain's description of him as
                    // "…"") put no one in focus; `"…," Mr Tanzi's statement said.` does: the
                    // statement goes on in the next quote.
                    if rule.via != Via::Possessive || cue == Cue::After {
                        said.push((first.outer_start, e));
                        last_speaker = Some((e, self.next_paragraph_end(last.outer_end)));
                    }
                }
                Some(Who::Unnamed) => {
                    last_speaker = None;
                    unnamed = Some((first.outer_start, self.next_paragraph_end(last.outer_end)));
                }
                None => last_speaker = None,
            }
        }
        out.extend(self.paraphrases(spans, article, &said));
        out.sort_by_key(|q| q.start);
        out
    }
}

impl Attributor<'_, '_> {
    /// Whether person `e` is called by their given name alone between bytes `start` and
    /// `end` ("Lleyton", where the article names Lleyton Hewitt).
    fn given_name_inside(&self, e: EntityId, start: usize, end: usize) -> bool {
        let from = self.view.persons.partition_point(|p| p.start < start);
        self.view.persons[from..].iter().take_while(|p| p.end <= end).any(|p| {
            p.entity == e
                && p.first == p.last
                && self.view.is(p.first, WordClass::FIRST_NAME)
                && self
                    .view
                    .persons
                    .iter()
                    .any(|q| q.entity == e && q.last > q.first && self.word(q.first) == self.word(p.first))
        })
    }
}

fn has_web_address(text: &str) -> bool {
    text.contains("http://") || text.contains("https://") || text.contains("www.")
}

/// A comma or a dash between words: an aside opens or closes.
/// A sentence opener before its subject, comma or not: "But", "Earlier", "On Monday",
/// "Last week".
fn opening_adverbial(lead: &str) -> bool {
    let mut words = lead.trim_end_matches(',').split_whitespace();
    let mut w = words.next().unwrap_or("");
    let lang = Lang::en();
    if lang.is(w, WordClass::CONNECTIVE) {
        w = match words.next() {
            Some(n) => n,
            None => return true,
        };
    }
    let rest: Vec<&str> = words.collect();
    match rest.as_slice() {
        [] => lang.is(w, WordClass::OPENING_ADVERB),
        [n] => lang.is(w, WordClass::TIME_LEAD) && lang.is(n, WordClass::WEEKDAY | WordClass::TIME_NOUN),
        _ => false,
    }
}

fn comma_like(gap: &str) -> bool {
    let g = gap.trim_matches(|c: char| c.is_whitespace() || "\"“”".contains(c));
    g.starts_with(',') || matches!(g, "-" | "—" | "–")
}

#[cfg(test)]
mod tests_support {
    use super::*;
    use crate::corpus::{Corpus, article};

    /// (speaker, text, paraphrase) for each quote found in `text`.
    pub(super) fn found(text: &str) -> Vec<(String, String, bool)> {
        let corpus = Corpus { articles: vec![article("t.txt".into(), text)], ..Corpus::default() };
        let index = Index::build(&corpus);
        let body = &corpus.articles[0].body;
        quotes_in(body, index.mentions_in(0), &index, 0)
            .into_iter()
            .map(|q| (index.entity(q.speaker).name.clone(), body[q.range()].to_string(), q.paraphrase))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::tests_support::found;

    fn q(who: &str, text: &str) -> (String, String, bool) {
        (who.to_string(), text.to_string(), false)
    }

    /// The words of each quote found in `text`, in order.
    fn quoted(text: &str) -> Vec<String> {
        found(text).into_iter().map(|q| q.1).collect()
    }

    fn p(who: &str, text: &str) -> (String, String, bool) {
        (who.to_string(), text.to_string(), true)
    }

    const INTRO: &str = "Talks\n\nKremlin spokesperson Dmitry Peskov and Vladimir Putin met.\n\n";

    #[test]
    fn a_speaker_after_a_possessive_is_the_one_named_and_a_possessive_speaker_is_nobody() {
        let got = found(&format!(
            "{INTRO}\"We will tour again,\" said Microsoft's Bruce Dickinson.\n\n\"No comment,\" said Putin's spokesman."
        ));
        assert_eq!(got, [q("Bruce Dickinson", "We will tour again,")]);
    }

    #[test]
    fn attribution_after_the_quote() {
        let got = found(&format!("{INTRO}“We will see,” Peskov said. \"No deal,\" said Mr Putin."));
        assert_eq!(got, [q("Dmitry Peskov", "We will see,"), q("Vladimir Putin", "No deal,")]);
    }

    #[test]
    fn attribution_before_the_quote_and_across_an_aside() {
        let got = found(&format!(
            "{INTRO}Peskov said, “We are ready.” Putin, in an interview with reporter Pavel Zarubin, said, \"We hope so.\""
        ));
        assert_eq!(got, [q("Dmitry Peskov", "We are ready."), q("Vladimir Putin", "We hope so.")]);
    }

    #[test]
    fn a_role_named_since_the_antecedent_leaves_he_unresolved() {
        // "the prime minister" comes between Sir John and "He": he may be either.
        let text = "Law\n\nPrime Minister Tony Blair spoke on Monday. Police Commissioner Sir John Stevens backed a change in the law. The pressure prompted the prime minister to say the police would be consulted. He told MPs: \"If we get the right response, we will support a change.\"";
        assert!(found(text).iter().all(|(who, _, _)| who != "John Stevens"), "{:?}", found(text));
    }

    #[test]
    fn an_office_and_its_acronym_before_the_name_are_role_words() {
        let text = "Astronauts\n\n“Congratulations to the graduates,” said U.S. Office of Personnel Management (OPM) Director Kiran Ahuja.\n\nMore.";
        assert_eq!(found(text), [q("Kiran Ahuja", "Congratulations to the graduates,")]);
    }

    #[test]
    fn said_in_a_statement_then_the_clause() {
        let text = "Moon\n\nNeil Bowles is a scientist. He said in a statement the instrument would map the surface. He said in a statement the radar data showed ice. He said in an interview that with every flight, it learned.";
        let got = quoted(text);
        assert_eq!(
            got,
            ["the instrument would map the surface", "the radar data showed ice", "with every flight, it learned"]
        );
    }

    #[test]
    fn a_name_and_said_between_commas_report_the_rest() {
        let text = "Ranch\n\nWilliam Burnidge runs a ranch in Texas for his family. Still, Burnidge said, the people would learn more about it. The plan, Burnidge said, would fail. Burnidge said, however, nothing. Later, Burnidge said, many people want to learn more.";
        let got: Vec<_> = found(text).into_iter().map(|q| (q.0, q.1)).collect();
        let burnidge = |t: &str| ("William Burnidge".to_string(), t.to_string());
        assert_eq!(got, [burnidge("the people would learn more about it"), burnidge("many people want to learn more")]);
    }

    #[test]
    fn for_saying_is_the_one_named_before_it() {
        let who = |text: &str| found(text).into_iter().map(|q| q.0).collect::<Vec<_>>();
        let text = "Zambia\n\nPresident Michael Sata sued lecturer Cholwe Beyani for saying the removal of the lawyer was an attempt to shield his friends.";
        assert_eq!(who(text), ["Cholwe Beyani"]);
        let text = "Zambia\n\nTony Blair was attacked by Michael Howard for saying the tax would rise next year.";
        assert_eq!(who(text), ["Tony Blair"]);
    }

    #[test]
    fn single_marks_quote_where_no_double_ones_do() {
        let text = "Goal\n\nGoalkeeper Ike Shorunmu spoke. ‘It’s so sad, our friend is dead’, said Shorunmu.\n\nHe said “the ‘best’ of them” had gone.";
        let got = quoted(text);
        assert_eq!(got, ["It’s so sad, our friend is dead", "the ‘best’ of them"]);
    }

    #[test]
    fn what_a_crowd_cries_is_nobody_s() {
        let text = "Net\n\nMP Richard Allan spoke. Mr Allan thinks the answer lies between the cries of \"impossible to regulate\" and \"just apply offline laws online\". Mr Allan said \"it will change\".";
        assert_eq!(found(text), [q("Richard Allan", "it will change")]);
    }

    #[test]
    fn who_has_been_saying_is_who_it_follows() {
        // "defence lawyers who have been arguing": not the sentence's subject, David Myers.
        let text = "Trial\n\nDavid Myers made the comments under questioning by defence lawyers who have been arguing that Mr Ebbers was not responsible for the losses. The firm collapsed.";
        assert!(found(text).is_empty(), "{:?}", found(text));
        let text =
            "Trial\n\nDavid Myers, who has been arguing that Mr Ebbers was not responsible for the losses, spoke.";
        assert_eq!(found(text).first().map(|q| q.0.as_str()), Some("David Myers"));
    }

    #[test]
    fn pronouns_and_interrupted_quotes() {
        let got = found(&format!("{INTRO}Putin spoke first. \"It is early,\" he said, \"but we will talk.\""));
        assert_eq!(got, [q("Vladimir Putin", "It is early,"), q("Vladimir Putin", "but we will talk.")]);
    }

    #[test]
    fn a_quote_over_several_paragraphs() {
        let got = found(&format!("{INTRO}Peskov said: \"The first part.\n\n\"The second part,\" he added."));
        assert_eq!(got, [q("Dmitry Peskov", "The first part."), q("Dmitry Peskov", "The second part,")]);
    }

    #[test]
    fn an_open_quote_stops_at_a_paragraph_of_narration() {
        let got = found(&format!(
            "{INTRO}Peskov said: \"The first part.\n\nIn a statement, a spokesman said: \"We will wait and see.\""
        ));
        assert_eq!(got, [q("Dmitry Peskov", "The first part.")]);
    }

    #[test]
    fn paraphrases() {
        let got = found(&format!(
            "{INTRO}Peskov stated that talks would continue. Putin on Sunday said the sanctions were unfair. Prices will rise, Peskov said."
        ));
        assert_eq!(
            got,
            [
                p("Dmitry Peskov", "talks would continue"),
                p("Vladimir Putin", "the sanctions were unfair"),
                p("Dmitry Peskov", "Prices will rise"),
            ]
        );
    }

    #[test]
    fn roles_pronouns_and_listeners() {
        let got = found(
            "Talks\n\nUS Secretary of State Marco Rubio met Sergei Lavrov.\n\nThe secretary of state told \
             reporters the talks had gone well. \"We made some progress,\" according to Mr Lavrov. The \
             Russian spokesman said: \"Not at all.\" \"It is too early,\" he added.",
        );
        // The spokesman is nobody, and so is the "he" after him.
        assert_eq!(got, [p("Marco Rubio", "the talks had gone well"), q("Sergei Lavrov", "We made some progress,")]);
    }

    #[test]
    fn attributions_in_other_shapes() {
        let got = found(
            "Talks\n\nForeign Secretary Jack Straw met Tessa Jowell and Martin Bell.\n\n\"We must act now,\" said \
             Foreign Secretary Jack Straw. It was backed by Tessa Jowell who said: \"We agree with that.\" \
             \"They would be good members,\" former MP Martin Bell insisted. \"We will wait and see,\" he was due \
             to say. And on Thursday Mr Straw is saying: \"The plan is ready.\" Ms Jowell smiled but argued: \
             \"It is too soon.\" \"It is late,\" said Tory shadow local government secretary Jack Straw. Mr \
             Bell insisted there was no plan saying: \"Nothing is decided.\"",
        );
        assert_eq!(
            got,
            [
                q("Jack Straw", "We must act now,"),
                q("Tessa Jowell", "We agree with that."),
                q("Martin Bell", "They would be good members,"),
                q("Martin Bell", "We will wait and see,"),
                q("Jack Straw", "The plan is ready."),
                q("Tessa Jowell", "It is too soon."),
                q("Jack Straw", "It is late,"),
                q("Martin Bell", "Nothing is decided."),
            ]
        );
    }

    #[test]
    fn gender_infinitives_and_listeners() {
        let got = found(
            "Talks\n\nRuth Kelly met Tim Collins.\n\nMs Kelly told the BBC progress had been made. Her plan did \
             not impress Tim Collins. \"It is all talk,\" he said. Mr Collins has vowed to fight the plan. \"It \
             will fail,\" said a spokesman. \"It is wrong.\"",
        );
        assert_eq!(
            got,
            [
                p("Ruth Kelly", "progress had been made"),
                q("Tim Collins", "It is all talk,"),
                p("Tim Collins", "to fight the plan"),
            ]
        );
    }

    #[test]
    fn reporters_trailers_and_relations() {
        let got = found(
            "Talks\n\nTory leader Michael Howard met Anne Robinson, a friend of the Tory leader.\n\nMs Robinson \
             said as a minister he would \"kick your cat\". It was no use Mr Howard claiming the plan was new, \
             argued Ms Robinson. The vote would go ahead next week as planned she insisted. Gordon Brown said he \
             hopes to settle the debt soon. He went on to say: \"We will win.\" \"It is a tragedy,\" said its \
             chairman, Sir Peter Kent. Officials say Mr Brown wants the vote delayed.\n\nThe Tory leader \
             brands the claim as \"nonsense\".",
        );
        assert_eq!(
            got,
            [
                q("Anne Robinson", "kick your cat"),
                p("Anne Robinson", "It was no use Mr Howard claiming the plan was new"),
                p("Anne Robinson", "The vote would go ahead next week as planned"),
                p("Gordon Brown", "he hopes to settle the debt soon"),
                q("Gordon Brown", "We will win."),
                q("Peter Kent", "It is a tragedy,"),
                q("Michael Howard", "nonsense"),
            ]
        );
    }

    #[test]
    fn no_speaker_no_quote() {
        // A spokesman, an organisation, a scare quote and a name in quotes are not a person's words.
        let got = found(&format!(
            "{INTRO}\"Never,\" a spokesman said. The Kremlin called it \"a farce\". The so-called \"coalition of the willing\" met. He posted on \"Truth Social\" today."
        ));
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn titles_and_terms_in_quote_marks_are_nobody_s_words() {
        // After "titled" or "so-called", a title in capitals after a work, a name before
        // "award": no quote; words in lower case after "film" are still the speaker's.
        let got = found(&format!(
            "{INTRO}In a post titled \"Why I Left\", Peskov writes at length. Putin praised the 2011 documentary \"Slavery: A Modern Evil\" at length. Peskov criticised the so-called the \"state sponsored slavery\" again. Putin won the \"Freedom to Write\" award. Peskov called the film \"a masterpiece\"."
        ));
        assert_eq!(got, [q("Dmitry Peskov", "a masterpiece")]);
    }

    #[test]
    fn a_name_after_a_preposition_is_no_speaker() {
        let got = found(&format!(
            "{INTRO}The woman who had a daughter for Putin told me that he would be buried today. Peskov said the talks would go on."
        ));
        assert_eq!(got, [p("Dmitry Peskov", "the talks would go on")]);
    }

    #[test]
    fn a_question_and_a_line_that_opens_a_quote_report_nothing() {
        let got = found(&format!(
            "{INTRO}Did you expect to win, noting that this was the first time?\n\nPeskov, an official who has also been charged in absentia, wrote:\n\nPutin said the talks would go on."
        ));
        assert_eq!(got, [p("Vladimir Putin", "the talks would go on")]);
    }

    #[test]
    fn the_subject_of_a_clause_before_the_quote_is_not_its_speaker() {
        let got = found(&format!(
            "{INTRO}When Peskov reported on the jails, guards at the scene called him a \"traitor\". Putin said the talks would go on."
        ));
        assert_eq!(got, [p("Vladimir Putin", "the talks would go on")]);
        // The main clause's subject after the comma still speaks.
        let got = found(&format!("{INTRO}When Peskov arrived, Putin called the plan \"a disaster for all of us\"."));
        assert_eq!(got, [q("Vladimir Putin", "a disaster for all of us")]);
    }

    #[test]
    fn a_name_and_an_aside_after_a_quote_name_its_speaker() {
        for after in [
            "Peskov, a spokesman for the Kremlin, said",
            "Peskov, 54, told reporters",
            "Peskov, founder of the group said",
            "Peskov, who was speaking in Moscow, said",
        ] {
            let got = found(&format!("{INTRO}\"The results are clear,\" {after}."));
            assert_eq!(got, [q("Dmitry Peskov", "The results are clear,")], "{after}");
        }
        // Words quoted in a sentence about someone else are the speaker's named after them.
        let got = found(&format!(
            "{INTRO}Putin should see \"the results of his choice\", Peskov, founder of the group, said."
        ));
        assert_eq!(got, [q("Dmitry Peskov", "the results of his choice")]);
        // Two names are two speakers; a possessive names someone else.
        for after in ["Peskov, Putin and others said", "Peskov's aide, a spokesman, said"] {
            let got = found(&format!("{INTRO}\"The results are clear,\" {after}."));
            assert!(!got.iter().any(|g| g.0 == "Dmitry Peskov"), "{after}: {got:?}");
        }
    }

    #[test]
    fn a_clause_after_the_verb_is_reported_and_the_words_before_its_comma_are_not() {
        let got = found(&format!("{INTRO}After Putin said the talks would go on, Peskov said they would not."));
        assert_eq!(got, [p("Vladimir Putin", "the talks would go on"), p("Dmitry Peskov", "they would not")]);
    }

    #[test]
    fn a_name_after_of_is_no_subject_and_the_one_who_told_speaks() {
        let got = found(&format!("{INTRO}Supporters of Peskov chanted \"we will win\"."));
        assert_eq!(got, []);
        let got = found(&format!("{INTRO}Peskov said Putin had told him: \"We will go on.\""));
        assert_eq!(got, [q("Vladimir Putin", "We will go on.")]);
        let got = found(&format!("{INTRO}Peskov told him: \"We will go on.\""));
        assert_eq!(got, [q("Dmitry Peskov", "We will go on.")]);
    }

    #[test]
    fn a_clause_in_an_irregular_past_tense_is_reported() {
        let got = found(&format!("{INTRO}Peskov said the talks went well."));
        assert_eq!(got, [p("Dmitry Peskov", "the talks went well")]);
    }

    #[test]
    fn reported_speech_before_a_colon_ends_before_it() {
        let got = found(&format!("{INTRO}Peskov believes that the talks were a success:\n\nNothing more."));
        assert_eq!(got, [p("Dmitry Peskov", "the talks were a success")]);
    }

    #[test]
    fn two_speakers_joined_by_and_are_nobody_alone() {
        // Words two people said together are neither one's alone; an unknown second name too.
        for joined in ["Both Peskov and Putin note", "Peskov and Putin note", "Both Peskov and Burnidge note"] {
            let got =
                found(&format!("{INTRO}{joined} that the talks were a success. Putin said the talks would go on."));
            assert_eq!(got, [p("Vladimir Putin", "the talks would go on")], "{joined}");
        }
        // "and" that opens a clause of its own still has one subject.
        let got = found(&format!("{INTRO}The talks ended, and Peskov said the talks would go on."));
        assert_eq!(got, [p("Dmitry Peskov", "the talks would go on")]);
    }

    #[test]
    fn a_shared_link_in_quote_marks_is_nobody_s_words() {
        let got = found(&format!(
            "{INTRO}Peskov said the talks would go on.\n\n\"Putin to visit Paris http://t.co/2uQG via @AP\"\n\n\"We will see,\" Peskov said."
        ));
        assert_eq!(got, [p("Dmitry Peskov", "the talks would go on"), q("Dmitry Peskov", "We will see,")]);
    }

    #[test]
    fn odd_text_does_not_panic() {
        for text in ["\"", "“”", "\"\"\"", "Peskov said \"", "ü\"é”ß“", "said, said: \"\n\n\"\n”", "Mr Putin said”ё"]
        {
            let _ = found(text);
            let _ = found(&format!("{INTRO}{text}"));
        }
    }
}

#[cfg(test)]
mod broad_tests {
    use super::opening_adverbial;
    use super::tests_support::found;

    fn q(who: &str, text: &str) -> (String, String, bool) {
        (who.to_string(), text.to_string(), false)
    }

    const INTRO: &str = "Talks\n\nKremlin spokesperson Dmitry Peskov and Vladimir Putin met.\n\n";

    #[test]
    fn relative_clauses_and_appositives_before_the_verb() {
        let got = found(&format!(
            "{INTRO}Mr Putin, whose party backs the plan, said: \"We agree with it.\" Peskov, who speaks for him, told reporters: \"We will see.\""
        ));
        assert_eq!(got, [q("Vladimir Putin", "We agree with it."), q("Dmitry Peskov", "We will see.")]);
        let got =
            found(&format!("{INTRO}Peskov, the Kremlin spokesman, who was in Moscow, said: \"It is too early.\""));
        assert_eq!(got, [q("Dmitry Peskov", "It is too early.")]);
    }

    #[test]
    fn relative_clauses_after_a_chain_of_asides_or_a_quote() {
        let got = found(&format!(
            "{INTRO}The plan was backed by Dmitry Peskov - a former diplomat, and an expert on talks, who has said \"it will work in the end\"."
        ));
        assert_eq!(got, [q("Dmitry Peskov", "it will work in the end")]);
        let got = found(&format!(
            "{INTRO}Mr Putin, whose party calls the plan \"deeply flawed\" said: \"We will not sign it.\""
        ));
        assert_eq!(got, [q("Vladimir Putin", "deeply flawed"), q("Vladimir Putin", "We will not sign it.")]);
    }

    #[test]
    fn subjects_after_an_opening_phrase() {
        let got = found(&format!(
            "{INTRO}On Monday, Mr Putin told reporters: \"We agree with it.\" Speaking on state television, Peskov said: \"We will see.\""
        ));
        assert_eq!(got, [q("Vladimir Putin", "We agree with it."), q("Dmitry Peskov", "We will see.")]);
        let got = found(&format!("{INTRO}Earlier Peskov said: \"It is too early.\""));
        assert_eq!(got, [q("Dmitry Peskov", "It is too early.")]);
    }

    #[test]
    fn openers_before_a_subject() {
        assert!(opening_adverbial("Earlier") && opening_adverbial("But on Monday") && opening_adverbial("Last week,"));
        assert!(!opening_adverbial("Critics of") && !opening_adverbial("The"));
        // "He" after each goes to the subject after the opener, not to the one before it.
        let got = found(&format!(
            "{INTRO}Peskov met him.\n\nLast week Mr Putin spoke to reporters. \"We agree with it,\" he said."
        ));
        assert_eq!(got, [q("Vladimir Putin", "We agree with it,")]);
        let got = found(
            "Talks\n\nRussian Foreign Minister Sergei Lavrov met Marco Rubio.\n\nRubio arrived first. In Brussels \
             on Friday, the foreign minister arrived later. \"We made some progress,\" he said.",
        );
        assert_eq!(got, [q("Sergei Lavrov", "We made some progress,")]);
    }

    #[test]
    fn a_role_in_the_opening_lines_is_the_person_named_next() {
        let got = found("Cuts\n\nThe plan must change, says a top economist.\n\nPeter Jones said the cuts were wrong.");
        assert_eq!(
            got,
            [
                (String::from("Peter Jones"), String::from("The plan must change"), true),
                (String::from("Peter Jones"), String::from("the cuts were wrong"), true)
            ]
        );
        let got = found(
            "Cuts\n\nThe plan must change, the Trade and Industry Secretary has said.\n\nPatricia Hewitt said \
             the cuts were wrong.",
        );
        assert_eq!(got[0], (String::from("Patricia Hewitt"), String::from("The plan must change"), true));
        // Someone named before the role: nobody known.
        let got = found("Cuts\n\nPeter Jones met him. The plan must change, says a top economist.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_quote_paragraph_after_its_speaker() {
        let got =
            found(&format!("{INTRO}Peskov said the talks would go on: \"We agree with it.\"\n\n\"We will wait.\""));
        assert_eq!(got, [q("Dmitry Peskov", "We agree with it."), q("Dmitry Peskov", "We will wait.")]);
    }

    #[test]
    fn a_verb_of_saying_inside_a_role_is_no_verb() {
        let p = |who: &str, text: &str| (who.to_string(), text.to_string(), true);
        let got = found(
            "Talks\n\nUS Secretary of State Marco Rubio met Sergei Lavrov.\n\nThe secretary of state said the \
             talks would go on.",
        );
        assert_eq!(got, [p("Marco Rubio", "the talks would go on")]);
        // "state" closing the sentence is no trailer: "…, Jones wrote to the secretary of state."
        let got = found(
            "Talks\n\nPeter Jones met Marco Rubio. The talks would go on, Jones wrote to the secretary of state.",
        );
        assert!(got.is_empty(), "{got:?}");
        // "told" is, with whom it told after it; the secretary of state is who was told.
        let got = found(
            "Talks\n\nPeter Jones met Marco Rubio, secretary of state. The cuts were wrong, he told the secretary \
             of state.",
        );
        assert_eq!(got, [p("Peter Jones", "The cuts were wrong")]);
    }

    #[test]
    fn an_untied_role_is_its_usual_holder_named_in_the_article() {
        use crate::corpus::{Corpus, article};
        use crate::dossier::QuoteIndex;
        use crate::entities::Index;
        let texts = [
            "Visit\n\nFirst Minister Jack McConnell opened the school.",
            "Wales\n\nFirst Minister Rhodri Morgan opened the bridge.",
            "Row\n\nJack McConnell spoke at the school. Nicola Sturgeon wrote to Mr McConnell on Tuesday. In a \
             furious response, the first minister said his comments had been distorted.",
        ];
        let corpus =
            Corpus { articles: texts.iter().map(|t| article("t.txt".into(), t)).collect(), ..Corpus::default() };
        let index = Index::build(&corpus);
        let quotes = QuoteIndex::build(&corpus, &index);
        let got: Vec<&str> = quotes.quotes(2).iter().map(|q| index.entity(q.speaker).name.as_str()).collect();
        assert_eq!(got, ["Jack McConnell"]);
    }

    #[test]
    fn tokenised_quotes_run_on_across_sentence_lines() {
        // CoNLL's Reuters text: a space before every punctuation mark, one sentence a line,
        // a quote that opens on one line closing on a later one.
        let got = found(
            "Talks\n\nJohn Simon , a historian , spoke on Monday , in Washington .\n\n\" These letters are a \
             treasure .\n\nThis is the first generation that can write , \" Simon said .\n\n\" We are glad , \" \
             Simon said . \"\n\nIt is a good day . \"",
        );
        assert_eq!(
            got,
            [
                q("John Simon", "These letters are a treasure ."),
                q("John Simon", "This is the first generation that can write ,"),
                q("John Simon", "We are glad ,"),
                q("John Simon", "It is a good day ."),
            ]
        );
    }

    #[test]
    fn a_mark_alone_on_its_line_closes_the_quote_carried_into_it() {
        let got = found(
            "Pay\n\nJohn Simon , a historian , spoke on Monday , in Washington .\n\n\" That is a question , \" \
             said Simon . \"\n\nIt is not one we ask .\n\n\"\n\nTo get results , firms cut pay , Simon said .",
        );
        assert_eq!(
            got,
            [
                q("John Simon", "That is a question ,"),
                q("John Simon", "It is not one we ask ."),
                ("John Simon".to_string(), "To get results , firms cut pay".to_string(), true),
            ]
        );
    }

    #[test]
    fn a_mark_spaced_both_sides_closes_an_open_quote() {
        // A typo in BBC text: `industry, " Eric`; and a stray closing mark before the next quote.
        let got = found(
            "Voip\n\nEric Abensur and Jeremy Bates spoke.\n\n\"Broadband is a key trend, \" Eric Abensur, \
             Wanadoo's chief executive told the BBC. \"Tim was great,\" said Bates. \"It is a loss. \" \"We have \
             talent.\"",
        );
        assert_eq!(
            got,
            [
                q("Eric Abensur", "Broadband is a key trend,"),
                q("Jeremy Bates", "Tim was great,"),
                q("Jeremy Bates", "It is a loss."),
                q("Jeremy Bates", "We have talent."),
            ]
        );
    }

    #[test]
    fn the_verb_first_then_who_said_it() {
        let got = found(
            "Wales\n\nScott Johnson coaches Wales.\n\nSaid Wales assistant coach Scott Johnson: \"We're positive \
             about Hal.\" Replacement hooker Robin McBryde remains a doubt.",
        );
        assert_eq!(got, [q("Scott Johnson", "We're positive about Hal.")]);
    }
}
