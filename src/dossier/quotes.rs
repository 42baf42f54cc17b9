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

use rustc_hash::FxHashMap;

use super::gender::{Gender, genders};
use super::role_book::RoleBook;
use super::roles::{RoleHit, role_key};
use super::text::{Lists, Reports, capitalised, paragraphs, sentences};
use super::view::View;
use crate::entities::{EntityId, Index, Mention};

/// One attributed quote: the byte range of its text in the article body, without marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    pub speaker: EntityId,
    pub article: u32,
    pub start: u32,
    pub end: u32,
    /// Reported speech rather than words in quote marks.
    pub paraphrase: bool,
}

impl Quote {
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
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

/// Words between a subject and its verb: "Peskov further explained", "Trump has described".
const BETWEEN_SUBJECT_AND_VERB: &[&str] = &[
    "also",
    "further",
    "clearly",
    "then",
    "later",
    "earlier",
    "previously",
    "recently",
    "repeatedly",
    "again",
    "firmly",
    "publicly",
    "reportedly",
    "has",
    "had",
    "have",
    "would",
    "will",
    "was",
    "is",
    "might",
    "could",
    "did",
    "does",
    "not",
    "had",
    "once",
    "just",
    "today",
    "yesterday",
    "now",
    "still",
    "however",
    "himself",
    "herself",
    "quickly",
    "openly",
];

/// Titles for people the text does not name, whoever the article is about.
const ANONYMOUS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "official",
    "officials",
    "source",
    "sources",
    "aide",
    "aides",
    "insider",
];

/// Common verbs that neither report speech nor end in "-ed": a name before one is a subject.
const OTHER_VERBS: &[&str] = &[
    "held", "spoke", "met", "made", "gave", "took", "went", "came", "chose", "sent", "led", "put", "set", "left",
    "saw", "knew", "became", "began", "brought", "kept", "ran", "won", "lost", "paid", "sat", "stood", "struck",
    "felt", "found", "heard", "meant", "got", "hit", "let", "cut", "is", "was", "has", "had", "will", "would", "wants",
    "hopes", "sees",
];

/// Words before a name that make it no subject: "a meeting with Putin".
const BEFORE_OBJECT: &[&str] = &[
    "by",
    "of",
    "to",
    "for",
    "from",
    "between",
    "about",
    "against",
    "on",
    "at",
    "in",
    "into",
    "than",
    "like",
    "urged",
    "told",
    "asked",
    "met",
    "accused",
    "criticised",
    "criticized",
    "called",
    "warned",
    "and",
];

/// A word that makes a clause finite: reported speech without "that" needs one.
const FINITE: &[&str] = &[
    "would", "will", "was", "were", "is", "are", "had", "has", "have", "could", "should", "can", "may", "might",
    "must", "did", "does", "do", "wanted", "wants", "needed", "needs",
];

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
    lists: &'static Lists,
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
}

impl<'v, 'a> Attributor<'v, 'a> {
    fn new(view: &'v View<'a>, roles: &[RoleHit], book: &'v RoleBook) -> Self {
        let body = view.body;
        let sentences = paragraphs(body).into_iter().flat_map(|p| sentences(body, p)).collect();
        let roles = roles.iter().map(|r| (role_key(&body[r.start..r.end]), r.entity)).collect();
        let mut a = Attributor {
            view,
            lists: Lists::get(),
            sentences,
            subjects: Vec::new(),
            nobody: Vec::new(),
            roles,
            book,
            genders: genders(view),
            quoted: Vec::new(),
        };
        a.quoted = a.spans();
        for p in &view.persons {
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
            if a.lists.reports(a.word(v)).is_none() || !comma_like(a.view.gap(v)) {
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
        a
    }

    /// Whether byte `at` is inside quote marks.
    fn in_quote(&self, at: usize) -> bool {
        let k = self.quoted.partition_point(|q| q.end <= at);
        self.quoted.get(k).is_some_and(|q| q.start <= at)
    }

    /// A name right after a verb of saying, titles aside: "…, said Mr Clarke."
    fn after_saying(&self, first: usize) -> bool {
        let mut f = first;
        while f > 0 && self.view.joined(f) && self.lists.is_honorific(self.word(f - 1)) {
            f -= 1;
        }
        f > 0 && self.view.joined(f) && {
            let w = self.word(f - 1);
            self.lists.reports(w) == Some(Reports::Say) && !BEFORE_OBJECT.contains(&w) && !w.ends_with("ing")
        }
    }

    /// The speaker of a sentence ending `…, said Mr Clarke.` / `…, he added.`, and where
    /// that attribution's comma is.
    fn sentence_trailer(&self, at: usize, said: &[(usize, EntityId)]) -> Option<(EntityId, usize)> {
        let s = self.sentence_of(at);
        let (from, to) = (self.view.word_from(s.start), self.view.word_from(s.end));
        (to.saturating_sub(4).max(from)..to)
            .filter(|&v| self.lists.reports(self.word(v)).is_some_and(|h| h != Reports::Quote))
            .find_map(|v| self.trailing(v, from, to, said))
    }

    /// Sentence `k` opening with "The <role>" and a verb: where, and who holds the role.
    fn role_subject(&self, k: usize) -> Option<(usize, Who)> {
        let s = self.sentences[k].clone();
        let mut i = self.view.word_from(s.start);
        if i < self.n_words() && opening_adverbial(self.word(i)) {
            i += 1;
        }
        // "In a furious response, the first minister said": an opening phrase, without a verb
        // of its own, ended by a comma.
        if let Some(k) = (i + 1..(i + 12).min(self.n_words()))
            .take_while(|&k| self.view.words[k].start < s.end && !FINITE.contains(&self.word(k)))
            .find(|&k| comma_like(self.view.gap(k)))
            .filter(|&k| matches!(self.word(k), "the" | "The"))
        {
            i = k;
        }
        if i >= self.n_words() || !matches!(self.word(i), "The" | "the") || self.view.words[i].start >= s.end {
            return None;
        }
        // The title is the last word before the verb, within four words.
        let last = (i + 1..(i + 6).min(self.n_words())).find(|&j| self.verb_after(j).is_some())?;
        if !(i + 1..=last).any(|j| self.lists.is_title(self.word(j))) {
            return None;
        }
        // "The prime minister's official spokesman".
        if (i + 1..=last).any(|j| !self.view.joined(j) && !self.view.words[j - 1].possessive) {
            return None;
        }
        Some((self.view.words[i].start, self.who_ends_at(last, &[])))
    }

    fn word(&self, i: usize) -> &'a str {
        self.view.word(i)
    }

    fn n_words(&self) -> usize {
        self.view.words.len()
    }

    /// The sentence containing byte `at`.
    fn sentence_of(&self, at: usize) -> std::ops::Range<usize> {
        let k = self.sentences.partition_point(|s| s.end <= at);
        self.sentences.get(k).cloned().unwrap_or(at..at)
    }

    /// Word after a subject ending at `last`, skipping adverbs: a verb, and no possessive.
    fn verb_after(&self, last: usize) -> Option<usize> {
        let mut i = last + 1;
        while i < self.n_words() && self.view.joined(i) {
            let w = self.word(i);
            if self.is_verb(w) && !BETWEEN_SUBJECT_AND_VERB.contains(&w) {
                return Some(i);
            }
            if self.time_phrase(i) {
                i += 2;
                continue;
            }
            if !BETWEEN_SUBJECT_AND_VERB.contains(&w) {
                return None;
            }
            i += 1;
        }
        None
    }

    /// Words `i` and `i + 1` say when, between a subject and its verb: "on Sunday", "last
    /// week", "this morning".
    fn time_phrase(&self, i: usize) -> bool {
        i + 1 < self.n_words()
            && self.view.joined(i + 1)
            && match self.word(i) {
                "on" => matches!(
                    self.word(i + 1),
                    "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
                ),
                "last" | "this" => {
                    matches!(self.word(i + 1), "week" | "month" | "year" | "night" | "weekend" | "morning" | "autumn")
                }
                _ => false,
            }
    }

    fn is_verb(&self, w: &str) -> bool {
        let lower = !capitalised(w);
        lower
            && (self.lists.reports(w).is_some()
                || OTHER_VERBS.contains(&w)
                || (w.len() > 4 && w.ends_with("ed"))
                || BETWEEN_SUBJECT_AND_VERB.contains(&w))
    }

    /// A person mention (words `first..=last`) followed by a verb, and not after a
    /// preposition: the subject of its clause.
    fn is_subject(&self, first: usize, last: usize) -> bool {
        if self.view.words[last].possessive || self.verb_after(last).is_none() {
            return false;
        }
        let before = self.role_start(first);
        !(before > 0 && self.view.joined(before) && BEFORE_OBJECT.contains(&self.word(before - 1)))
    }

    /// The first word of the titles and honorifics before word `first` ("Kremlin
    /// spokesperson Dmitry Peskov" → "Kremlin").
    fn role_start(&self, first: usize) -> usize {
        let mut k = first;
        while k > 0 && self.view.joined(k) && {
            let w = self.word(k - 1);
            (capitalised(w) && !matches!(w, "The" | "But" | "And" | "While" | "Then"))
                || self.lists.is_title(w)
                || matches!(w, "of" | "for")
        } {
            k -= 1;
        }
        k
    }

    /// The word starting the sentence's subject when it is a person: the first person
    /// mention, with only titles, or an opening phrase ended by a comma, before it.
    fn sentence_subject_at(&self, at: usize) -> Option<usize> {
        let s = self.sentence_of(at);
        let first_word = self.view.word_from(s.start);
        let mut i = first_word;
        while i < self.n_words() && self.view.words[i].start < s.end {
            if let Some(p) = self.view.person_starting(i) {
                let rs = self.role_start(i);
                let lead = &self.view.body[s.start..self.view.words[rs].start];
                let lead = lead.trim_start_matches(['"', '“', '‘', '(']).trim();
                let lead_ok = lead.is_empty() || lead.ends_with(',') || opening_adverbial(lead);
                if lead_ok && !self.view.words[p.last].possessive {
                    return Some(p.first);
                }
                return None;
            }
            i += 1;
        }
        None
    }

    /// The last person made subject before byte `at` (or quoted, from `extra`), unless
    /// someone unnamed was made subject after them ("The spokesman said …").
    fn latest(&self, at: usize, extra: &[(usize, EntityId)]) -> Option<(usize, EntityId)> {
        let k = self.subjects.partition_point(|s| s.0 < at);
        let a = k.checked_sub(1).map(|k| self.subjects[k]);
        let b = extra.iter().rev().find(|e| e.0 < at).copied();
        let last = match (a, b) {
            (Some(a), Some(b)) => Some(if a.0 >= b.0 { a } else { b }),
            (a, b) => a.or(b),
        }?;
        let n = self.nobody.partition_point(|&p| p < at);
        let blocked = n.checked_sub(1).is_some_and(|n| self.nobody[n] > last.0);
        (!blocked).then_some(last)
    }

    /// The person "he" or "she" at byte `at` stands for: the last subject before it.
    fn focus(&self, at: usize, extra: &[(usize, EntityId)]) -> Option<EntityId> {
        self.latest(at, extra).map(|x| x.1)
    }

    /// Whether `e` may be called "he" (or "she"): the article never says otherwise.
    fn fits(&self, e: EntityId, g: Option<Gender>) -> bool {
        g.is_none_or(|g| self.genders.get(&e).is_none_or(|&h| h == g))
    }

    /// The person "he" or "she" at byte `at` stands for: the last subject before it, of the
    /// right gender. A subject inside the reported words of an earlier sentence ("Mr Clarke
    /// said he backed them when Mr Blunkett argued for them") gives way to the one who spoke;
    /// a subject of the wrong gender to the last person of the right one named since.
    fn pronoun(&self, at: usize, extra: &[(usize, EntityId)], g: Option<Gender>) -> Option<EntityId> {
        // "repaid … to Lord Ashcroft after he said …": the person right before the clause.
        let w = self.view.word_from(at);
        if w >= 2
            && self.view.joined(w)
            && matches!(self.word(w - 1), "after" | "when" | "because" | "as" | "since" | "until" | "before" | "once")
            && let Some(p) = self.view.person_ending(w - 2).filter(|p| self.fits(p.entity, g))
            && !self.view.words[w - 2].possessive
        {
            return Some(p.entity);
        }
        let (pos, e) = self.latest(at, extra)?;
        if !self.fits(e, g) {
            // Named since, outside quote marks: of that gender, else of none known.
            let since: Vec<EntityId> = self
                .view
                .persons
                .iter()
                .rev()
                .filter(|p| p.start > pos && p.start < at && !self.in_quote(p.start) && self.fits(p.entity, g))
                .map(|p| p.entity)
                .collect();
            let known = since.iter().find(|&&p| g.is_some_and(|g| self.genders.get(&p) == Some(&g)));
            if let Some(&p) = known.or(since.first()) {
                return Some(p);
            }
            let k = self.subjects.partition_point(|s| s.0 < pos);
            let before = self.subjects[..k]
                .iter()
                .rev()
                .chain(extra.iter().rev().filter(|x| x.0 < pos))
                .find(|x| self.fits(x.1, g));
            return before.map(|x| x.1);
        }
        let s = self.sentence_of(pos);
        // "…, said Mr Clarke." ends a sentence with the one who spoke.
        let trailer = self.view.person_starting(self.view.word_from(pos)).is_some_and(|p| self.after_saying(p.first));
        if s.end > at || trailer {
            return Some(e);
        }
        // The sentence's first subject, when a verb of saying comes between it and `e`.
        let k = self.subjects.partition_point(|x| x.0 < s.start);
        let Some(&(main_at, main)) = self.subjects.get(k).filter(|x| x.0 < pos) else { return Some(e) };
        // "Mr Clarke said …": the first subject is the one who spoke.
        let spoke = self
            .view
            .person_starting(self.view.word_from(main_at))
            .and_then(|p| self.verb_after(p.last))
            .is_some_and(|v| {
                self.lists.reports(self.word(v)).is_some_and(|h| h != Reports::Quote) && self.view.words[v].start < pos
            });
        Some(if main != e && spoke && self.fits(main, g) { main } else { e })
    }

    /// The end of the paragraph after the one holding byte `at` (blank lines skipped).
    fn next_paragraph_end(&self, at: usize) -> usize {
        let body = self.view.body;
        let para_end = body[at..].find('\n').map_or(body.len(), |k| k + at);
        let next = para_end + body[para_end..].len() - body[para_end..].trim_start().len();
        body[next..].find('\n').map_or(body.len(), |k| k + next)
    }

    /// The person in focus at byte `at`, if the text made them subject no further back than
    /// the paragraph before.
    fn focus_since(&self, at: usize, extra: &[(usize, EntityId)]) -> Option<(usize, EntityId)> {
        let (pos, e) = self.latest(at, extra)?;
        (self.next_paragraph_end(pos) >= at).then_some((pos, e))
    }

    /// Who the words ending at word `last` name, as a subject: a person, "he"/"she", a
    /// role held by one person of the article ("the US Secretary of State"), or else someone
    /// unnamed. "Trump and Secretary of State Rubio" is Trump.
    fn who_ends_at(&self, last: usize, extra: &[(usize, EntityId)]) -> Who {
        if let Some(p) = self.view.person_ending(last) {
            let rs = self.role_start(p.first);
            if rs >= 2
                && self.view.joined(rs)
                && self.word(rs - 1) == "and"
                && let Some(q) = self.view.person_ending(rs - 2)
            {
                return Who::Person(q.entity);
            }
            return Who::Person(p.entity);
        }
        let w = self.word(last);
        if matches!(w, "he" | "He" | "she" | "She") {
            let at = self.view.words[last].start;
            return self.pronoun(at, extra, Gender::of_pronoun(w)).map_or(Who::Unnamed, Who::Person);
        }
        let (start, the) = self.role_phrase(last);
        if !(start..=last).any(|k| self.lists.is_title(self.word(k))) {
            return Who::Unnamed;
        }
        let key = role_key(&self.view.body[self.view.words[start].start..self.view.words[last].end]);
        // An article role as wide as this one ("US Secretary of State Rubio" for "the secretary
        // of state") names its holder; a narrower one ("President Bush" for "the French
        // president") only when the corpus knows no other holder of the wider role.
        let holder = |wider: bool| {
            let mut holders =
                self.roles.iter().filter(|(k, _)| (k.len() >= key.len()) == wider && same_role(k, &key)).map(|h| h.1);
            let e = holders.next()?;
            Some(holders.all(|o| o == e).then_some(e))
        };
        let found = holder(true).or_else(|| {
            let narrower = holder(false)?;
            Some(self.book.holder(&key).or(narrower))
        });
        if let Some(e) = found {
            return e.map_or(Who::Unnamed, Who::Person);
        }
        // "A spokesman said" is nobody, whoever the article is about.
        if (start..=last).any(|k| ANONYMOUS.contains(&self.word(k))) {
            return Who::Unnamed;
        }
        if !the {
            // "…, says a top academic." in the opening lines, before anyone is named: the
            // person the next paragraph makes subject.
            let at = self.view.words[start].start;
            let a = (start.saturating_sub(3)..start).any(|k| matches!(self.word(k), "a" | "an"));
            if !a || self.focus(at, extra).is_some() || self.view.persons.first().is_none_or(|p| p.start < at) {
                return Who::Unnamed;
            }
            let k = self.subjects.partition_point(|s| s.0 < at);
            return self
                .subjects
                .get(k)
                .filter(|s| s.0 <= self.next_paragraph_end(at))
                .map_or(Who::Unnamed, |s| Who::Person(s.1));
        }
        // "The home secretary said": the person the text is about if they hold the role
        // somewhere in the corpus, else whoever mostly holds it ("the prime minister"), else
        // the person the text is about anyway ("The minister told delegates …").
        let focus = self.focus(self.view.words[start].start, extra);
        if let Some(e) = focus.filter(|&e| self.book.holds(&key, e)).or_else(|| self.book.holder(&key)) {
            return Who::Person(e);
        }
        // A role in the opening lines, before anyone is named ("…, the Trade and Industry
        // Secretary has said."), is the person the next paragraph makes subject.
        let first = focus.or_else(|| {
            let at = self.view.words[start].start;
            let k = self.subjects.partition_point(|s| s.0 < at);
            self.subjects.get(k).filter(|s| s.0 <= self.next_paragraph_end(at)).map(|s| s.1)
        });
        first.map_or(Who::Unnamed, Who::Person)
    }

    /// The role words ending at title word `last` ("Trade and Industry Secretary", "former
    /// cabinet secretary"), and whether "the" comes before them.
    fn role_phrase(&self, last: usize) -> (usize, bool) {
        let start = self.role_start(last);
        // Lower-case words back to "the": "the former cabinet secretary".
        let mut k = start;
        while k > 0 && start - k < 3 && self.view.joined(k) {
            let w = self.word(k - 1);
            if matches!(w, "the" | "The") {
                return (k, true);
            }
            // "the Trade and Industry Secretary": "and" between capitalised role words.
            let inner_and = w == "and" && k == start && k > 1 && capitalised(self.word(k - 2));
            let role_word = capitalised(w) && k < start && self.word(k) == "and";
            if (capitalised(w) && !role_word)
                || self.is_verb(w)
                || (BEFORE_OBJECT.contains(&w) && !inner_and)
                || self.lists.reports(w).is_some()
            {
                break;
            }
            k -= 1;
        }
        (start, start > 0 && self.view.joined(start) && matches!(self.word(start - 1), "the" | "The"))
    }

    /// The subject of the reporting verb at word `verb`: the words right before it, or, after
    /// a comma ("Putin, in an interview …, said"; "…, stating"), the subject governing it.
    fn subject_of_verb(&self, verb: usize, extra: &[(usize, EntityId)]) -> Option<Who> {
        let mut i = verb;
        let mut passive = false;
        loop {
            if i > 1 && self.view.joined(i) && self.time_phrase(i - 2) {
                i -= 2;
                continue;
            }
            if !(i > 0 && self.view.joined(i) && BETWEEN_SUBJECT_AND_VERB.contains(&self.word(i - 1))) {
                break;
            }
            // "she was told", not "Mr Blair is saying".
            passive |= matches!(self.word(i - 1), "was" | "is" | "were" | "been") && !self.word(verb).ends_with("ing");
            i -= 1;
        }
        if i == 0 {
            return None;
        }
        if passive {
            return Some(Who::Unnamed); // "she was told"
        }
        if i >= 2 && self.view.joined(i) && self.view.joined(i - 1) && self.word(i - 1) == "to" {
            // "prompted the prime minister to say …": the one asked to speak.
            if let Who::Person(e) = self.who_ends_at(i - 2, extra) {
                return Some(Who::Person(e));
            }
            // "Michael Howard was forced to deny …", "he is due to say …": the one who speaks.
            let w = self.word(i - 2);
            // "refused to say whether …" says nothing.
            let refusal = w.starts_with("refus") || w.starts_with("declin") || w.starts_with("fail");
            // "He went on to say": the particle belongs to the verb before it.
            let went_on = w == "on" && i >= 3 && self.view.joined(i - 2) && self.is_verb(self.word(i - 3));
            if !refusal && (self.is_verb(w) || went_on || matches!(w, "due" | "able" | "going" | "expected")) {
                let mut j = if went_on { i - 3 } else { i - 2 };
                while j > 0 && self.view.joined(j) && BETWEEN_SUBJECT_AND_VERB.contains(&self.word(j - 1)) {
                    j -= 1;
                }
                if j > 0
                    && self.view.joined(j)
                    && let Who::Person(e) = self.who_ends_at(j - 1, extra)
                {
                    return Some(Who::Person(e));
                }
            }
        }
        if self.word(verb).ends_with("ing") && i == verb && self.view.joined(i) {
            // "He insisted there was no plan … saying:": the one who insisted.
            return self.governing_subject(self.view.words[verb].start, extra);
        }
        if i >= 2 && self.view.joined(i) && self.word(i - 1) == "who" {
            // "Tessa Jowell who said" / "Tessa Jowell, who said".
            if let Some(p) = self.view.person_ending(i - 2) {
                return Some(Who::Person(p.entity));
            }
            // "David Kahn - a former Yale historian, and an expert …, who has confirmed".
            if let Some(e) = self.relative_antecedent(i - 1) {
                return Some(Who::Person(e));
            }
        }
        if self.view.joined(i) && matches!(self.word(i - 1), "and" | "but") {
            // "Warcup has liaised with … and said …": the subject of the first verb.
            return self.governing_subject(self.view.words[i - 1].start, extra);
        }
        if self.view.joined(i) || self.view.words[i - 1].possessive && self.view.gap(i).trim().is_empty() {
            let who = self.who_ends_at(i - 1, extra);
            // "Colin Asplin, Blackpool Hotel Association said": a name, then who they are.
            if who == Who::Unnamed
                && let Some(p) = self.appositive_before(i).filter(|_| self.capitalised_back_to_comma(i))
            {
                return Some(Who::Person(p));
            }
            return Some(who);
        }
        if comma_like(self.view.gap(i)) {
            if let Some(p) = self.named_before_comma(i).or_else(|| self.appositive_before(i)) {
                return Some(Who::Person(p));
            }
            return self.governing_subject(self.view.words[verb].start, extra);
        }
        // `Mr Kennedy, whose party calls the plan "deeply flawed" said`: a relative aside
        // closed by a quote mark instead of a comma.
        let g = self.view.gap(i);
        if g.contains(['"', '”']) && !g.contains(['.', '!', '?']) {
            let from = self.view.word_from(self.sentence_of(self.view.words[i].start).start);
            let k = (from.max(i.saturating_sub(20))..i)
                .rev()
                .find(|&k| matches!(self.word(k), "who" | "whose") && comma_like(self.view.gap(k)))?;
            return self.relative_antecedent(k).map(Who::Person);
        }
        None
    }

    /// The person a relative clause opening at word `k` ("…, who/whose …") is about: the
    /// person right before its comma, or the one that opens a chain of asides before it
    /// ("David Kahn - a former Yale historian, and a leading expert …, who").
    fn relative_antecedent(&self, k: usize) -> Option<EntityId> {
        if !comma_like(self.view.gap(k)) {
            return None;
        }
        let from = self.view.word_from(self.sentence_of(self.view.words[k].start).start);
        for j in (from.max(k.saturating_sub(20))..k).rev() {
            if let Some(p) = self.view.person_ending(j) {
                // The person ends an aside or is the one right before the relative.
                return (j + 1 == k || comma_like(self.view.gap(j + 1))).then_some(p.entity);
            }
            // An aside has no verb of its own.
            let w = self.word(j);
            if FINITE.contains(&w) || self.lists.reports(w).is_some() || matches!(w, "who" | "which" | "that") {
                return None;
            }
        }
        None
    }

    /// "Amanda's uncle, Lewis Champion, told", "Peter Ainsworth MP, said": the person (and
    /// a title after the name) right before the comma before word `i`.
    fn named_before_comma(&self, i: usize) -> Option<EntityId> {
        let k = i.checked_sub(1)?;
        let p = self.view.person_ending(k).or_else(|| {
            (k > 0 && self.lists.is_title(self.word(k)) && self.view.joined(k))
                .then(|| self.view.person_ending(k - 1))?
        })?;
        // The name is the whole aside, or opens the sentence: not "in an interview with
        // reporter Pavel Zarubin, said".
        let rs = self.role_start(p.first);
        let s = self.sentence_of(self.view.words[rs].start);
        (self.view.words[rs].start <= s.start + 1 || comma_like(self.view.gap(rs))).then_some(p.entity)
    }

    /// Every word between the comma before word `i` and word `i` is capitalised, or they
    /// are a short phrase of where the person is from.
    fn capitalised_back_to_comma(&self, i: usize) -> bool {
        let mut k = i - 1;
        // "Mark Serwotka, from the Public and Commercial Services union said": a short
        // phrase opening with a preposition may hold small words too.
        let mut back = k;
        while back > 0 && i - back < 9 && self.view.joined(back) && !comma_like(self.view.gap(back)) {
            back -= 1;
        }
        if comma_like(self.view.gap(back))
            && matches!(self.word(back), "from" | "of" | "at")
            && (back..i).all(|j| !self.is_verb(self.word(j)) && !FINITE.contains(&self.word(j)))
        {
            return true;
        }
        while k > 0 && capitalised(self.word(k)) && i - k < 6 {
            if comma_like(self.view.gap(k)) {
                return true;
            }
            if !self.view.joined(k) {
                return false;
            }
            k -= 1;
        }
        false
    }

    /// "Putin, in an interview with …, said" / "Conlon - who was … - said": the person
    /// before the comma that opens the aside ending before word `i`.
    fn appositive_before(&self, i: usize) -> Option<EntityId> {
        let s = self.sentence_of(self.view.words[i].start);
        let from = self.view.word_from(s.start);
        let mut k = i - 1;
        while k > from && i - k < 16 {
            if comma_like(self.view.gap(k)) {
                // An aside has no verb of its own, unless it is a relative clause ("who was …").
                let relative = matches!(self.word(k), "who" | "whose" | "which");
                if !relative && (k..i).any(|j| FINITE.contains(&self.word(j)) || self.word(j) == "not") {
                    return None;
                }
                return self.view.person_ending(k - 1).map(|p| p.entity);
            }
            k -= 1;
        }
        None
    }

    /// The subject of the clause around byte `at`: the nearest person (or "he"/"she") in the
    /// sentence before it that is followed by a verb, else the sentence's own subject.
    fn governing_subject(&self, at: usize, extra: &[(usize, EntityId)]) -> Option<Who> {
        let s = self.sentence_of(at);
        let from = self.view.word_from(s.start);
        let to = self.view.word_from(at);
        for i in (from..to).rev() {
            // A new clause with its own subject that is no person: stop looking.
            if let Some(p) = self.view.person_ending(i) {
                if self.is_subject(p.first, p.last) {
                    return Some(self.who_ends_at(i, extra));
                }
            } else if matches!(self.word(i), "he" | "she" | "He" | "She") && self.verb_after(i).is_some() {
                return Some(self.who_ends_at(i, extra));
            } else if self.is_verb(self.word(i)) && comma_like(self.view.gap(i)) && i > from {
                if let Some(p) = self.appositive_before(i) {
                    return Some(Who::Person(p));
                }
            } else if (capitalised(self.word(i)) || self.lists.is_title(self.word(i)))
                && self.verb_after(i).is_some()
                && let Who::Person(e) = self.who_ends_at(i, extra)
            {
                return Some(Who::Person(e));
            }
            if i > from && matches!(self.word(i), "while" | "but" | "whereas") && self.view.gap(i).contains(',') {
                break;
            }
        }
        let first = self.sentence_subject_at(at)?;
        let p = self.view.person_starting(first)?;
        Some(self.who_ends_at(p.last, extra))
    }

    /// Quote spans of the body, in order.
    fn spans(&self) -> Vec<Span> {
        let body = self.view.body;
        let mut out: Vec<Span> = Vec::new();
        for para in paragraphs(body) {
            let text = &body[para.clone()];
            let mut open: Option<(usize, usize)> = None; // (mark start, text start)
            // Only quote marks matter: skip to them (most paragraphs have few).
            for (i, c) in text.match_indices(['"', '“', '”']).map(|(i, m)| (i, m.chars().next().unwrap_or('"'))) {
                let at = para.start + i;
                let prev = text[..i].chars().next_back();
                let next = text[i + c.len_utf8()..].chars().next();
                let spaced_before = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p));
                let spaced_after = next.is_none_or(|n| n.is_whitespace() || ".,;:!?)]—–-".contains(n));
                let (opens, closes) = match c {
                    '“' => (true, false),
                    '”' => (open.is_none() && spaced_before && !spaced_after, open.is_some()),
                    '"' => (spaced_before && !spaced_after, !spaced_before && open.is_some()),
                    _ => continue,
                };
                if closes {
                    if let Some((mark, start)) = open.take() {
                        out.push(Span {
                            start,
                            end: at,
                            outer_start: mark,
                            outer_end: at + c.len_utf8(),
                            open_ended: false,
                        });
                    }
                } else if opens {
                    if let Some((mark, start)) = open.take() {
                        // A quote that never closed before the next one opens: one utterance.
                        let end = start + body[start..at].trim_end().len();
                        out.push(Span { start, end, outer_start: mark, outer_end: end, open_ended: true });
                    }
                    open = Some((at, at + c.len_utf8()));
                }
            }
            if let Some((mark, start)) = open {
                let end = start + body[start..para.end].trim_end().len();
                out.push(Span { start, end, outer_start: mark, outer_end: end, open_ended: true });
            }
        }
        out.retain(|s| s.end > s.start && !self.is_title_or_name(s));
        out
    }

    /// "Truth Social", "Politico": a quoted name or title, not words someone said.
    fn is_title_or_name(&self, s: &Span) -> bool {
        if self.view.is_name(s.start, s.end) {
            return true;
        }
        let text = self.view.body[s.start..s.end].trim_end_matches([',', '.']);
        let words: Vec<&str> = text.split_whitespace().collect();
        !s.open_ended
            && !words.is_empty()
            && words.len() <= 5
            && words.iter().all(|w| capitalised(w) || matches!(*w, "of" | "the" | "and" | "a" | "in"))
            && !text.ends_with(['!', '?'])
    }

    /// Utterances: runs of spans joined by open ends.
    fn utterances(&self, spans: &[Span]) -> Vec<std::ops::Range<usize>> {
        let body = self.view.body;
        let mut out = Vec::new();
        let mut start = 0;
        for (i, s) in spans.iter().enumerate() {
            // A quote left open goes on in the same paragraph, or in a paragraph that opens
            // with a quote mark; not in one that opens with "In a statement, X said: …".
            let goes_on = s.open_ended
                && spans.get(i + 1).is_some_and(|n| {
                    let between = &body[s.outer_end.min(n.outer_start)..n.outer_start];
                    let line = between.rsplit('\n').next().unwrap_or("");
                    !between.contains('\n') || line.trim().is_empty()
                });
            if !goes_on {
                out.push(start..i + 1);
                start = i + 1;
            }
        }
        out
    }

    /// The speaker named after a quote: `"…," Peskov said`, `"…," said Mr Thomas`,
    /// `"…," he told a lunch`, `"…," a spokesman said` (unnamed).
    fn speaker_after(&self, outer_end: usize, extra: &[(usize, EntityId)]) -> Option<Who> {
        let rest = &self.view.body[outer_end..];
        let trimmed = rest.trim_start_matches([',', ' ', '”', '"']);
        if trimmed.starts_with(['.', '\n', '“', '"']) || trimmed.is_empty() {
            return None;
        }
        let first = self.view.word_from(outer_end);
        if first >= self.n_words() {
            return None;
        }
        // `"…", according to Mr Blair.` names the speaker; according to a report, nobody.
        if self.word(first) == "according" && first + 2 < self.n_words() && self.word(first + 1) == "to" {
            let mut n = first + 2;
            while n + 1 < self.n_words() && self.lists.is_honorific(self.word(n)) {
                n += 1;
            }
            return Some(self.view.person_starting(n).map_or(Who::Unnamed, |p| Who::Person(p.entity)));
        }
        // Attribution opens with the speaker or the verb; "and emphasised …" goes on with
        // the sentence.
        let w = self.word(first);
        let opens = capitalised(w)
            || matches!(w, "he" | "she" | "a" | "an" | "the" | "his" | "her" | "former" | "shadow" | "then")
            || self.lists.is_title(w)
            || self.lists.reports(w).is_some();
        if !opens {
            return None;
        }
        let s = self.sentence_of(outer_end.saturating_sub(1));
        // The reporting verb within the next few words of the same sentence.
        for v in first..(first + 6).min(self.n_words()) {
            let w = &self.view.words[v];
            if w.start >= s.end || (v > first && !self.view.joined(v) && !self.view.words[v - 1].possessive) {
                break;
            }
            if self.lists.reports(self.word(v)).is_none() {
                continue;
            }
            if v > first {
                // `"…," he will say`, `"…," Mr Blair has said`, `"…," he was due to say`.
                let mut last = v - 1;
                while last > first
                    && matches!(
                        self.word(last),
                        "will" | "would" | "has" | "had" | "later" | "also" | "was" | "is" | "due" | "expected" | "to"
                    )
                {
                    last -= 1;
                }
                return Some(self.who_ends_at(last, extra));
            }
            // "said Peskov": the verb first, then the name; "…," adding … is no attribution.
            if self.word(v).ends_with("ing") {
                return None;
            }
            if let Some(e) = self.named_at_the_end(v + 1, s.end) {
                return Some(Who::Person(e));
            }
            // "said Tory shadow local government secretary Caroline Spelman": role words,
            // then the name.
            let mut n = v + 1;
            while n < self.n_words()
                && n < v + 8
                && self.view.joined(n)
                && self.view.person_starting(n).is_none()
                && n + 1 < self.n_words()
                && self.view.joined(n + 1)
                && {
                    let w = self.word(n);
                    !matches!(w, "he" | "she" | "a" | "an" | "the" | "that" | "it")
                        && !BEFORE_OBJECT.contains(&w)
                        && !self.is_verb(w)
                }
            {
                n += 1;
            }
            if n < self.n_words() && self.view.joined(n) {
                if let Some(p) = self.view.person_starting(n) {
                    return Some(Who::Person(p.entity));
                }

                return match self.word(n) {
                    "he" | "she" => Some(self.who_ends_at(n, extra)),
                    "a" | "an" | "the" => Some(Who::Unnamed),
                    _ => None,
                };
            }
            return None;
        }
        None
    }

    /// "said its chairman, Sir Anthony Greener.", "said the chairman of the Commons
    /// committee, Labour MP Barry Sheerman.": a role from word `n`, then after a comma the
    /// person who ends the sentence (ending at byte `end`).
    fn named_at_the_end(&self, n: usize, end: usize) -> Option<EntityId> {
        if n >= self.n_words()
            || !self.view.joined(n)
            || !matches!(self.word(n), "the" | "its" | "his" | "her" | "their")
        {
            return None;
        }
        let mut comma = false;
        for k in n + 1..(n + 14).min(self.n_words()) {
            if self.view.words[k].start >= end || self.is_verb(self.word(k)) {
                return None;
            }
            comma |= comma_like(self.view.gap(k));
            if let Some(p) = self.view.person_starting(k) {
                let tail = &self.view.body[self.view.words[p.last].end..end];
                let ends = tail.trim().trim_end_matches(['.', '!', '?']).trim().is_empty();
                return (comma && ends).then_some(p.entity);
            }
        }
        None
    }

    /// The speaker named before a quote: a reporting verb right before the mark
    /// (`Zelensky stated, "…"`, `Mr Thomas said: "…"`), else the clause's subject.
    fn speaker_before(&self, outer_start: usize, extra: &[(usize, EntityId)]) -> Option<Who> {
        let s = self.sentence_of(outer_start);
        let to = self.view.word_from(outer_start);
        let from = self.view.word_from(s.start);
        if to == from {
            return None;
        }
        let last = to - 1;
        let lead = self.view.body[self.view.words[last].end..outer_start].trim();
        if self.lists.reports(self.word(last)).is_some() && matches!(lead, "" | "," | ":") {
            return self.subject_of_verb(last, extra);
        }
        if self.word(last) == "that" && last > from && self.lists.reports(self.word(last - 1)).is_some() {
            return self.subject_of_verb(last - 1, extra);
        }
        // `Richard Thomas "totally condemned" …`
        if lead.is_empty()
            && let Some(p) = self.view.person_ending(last)
        {
            return Some(Who::Person(p.entity));
        }
        self.reporter(from, last, extra).or_else(|| self.governing_subject(outer_start, extra))
    }

    /// A quote inside reported speech is the reporter's words, whoever the reported clause
    /// is about: `Anne Robinson said as home secretary he would "like to kick your cat"`.
    /// The subject of the first verb of saying among words `from..=last` whose clause starts
    /// before the quote, when that is a person (not "The White House maintained that …").
    fn reporter(&self, from: usize, last: usize, extra: &[(usize, EntityId)]) -> Option<Who> {
        let who = (from..=last).find_map(|v| {
            let w = self.word(v);
            let how = self.lists.reports(w).filter(|&h| h != Reports::Quote && !w.ends_with("ing"))?;
            self.reported_start(v, last + 1, how)?;
            self.subject_of_verb(v, extra)
        });
        who.filter(|w| matches!(w, Who::Person(_)))
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
            let mut who = self.speaker_after(last.outer_end, &said);
            if who.is_none() {
                // `… had said the rules were "weighted overwhelmingly" in favour …, said Mr Clarke.`
                who = self
                    .sentence_trailer(first.outer_start, &said)
                    .filter(|&(_, comma)| last.outer_end <= comma)
                    .map(|(e, _)| Who::Person(e));
            }
            if who.is_none() {
                who = self.speaker_before(first.outer_start, &said);
            }
            if who.is_none() {
                // A quote opening its own sentence right after another goes on with its speaker.
                let s = self.sentence_of(first.outer_start);
                let starts_sentence = self.view.body[s.start..first.outer_start].trim().is_empty();
                let recent = self
                    .focus_since(first.outer_start, &said)
                    .filter(|&(pos, _)| unnamed.is_none_or(|(at, near)| pos > at || first.outer_start > near));
                if let Some((e, near)) = last_speaker.filter(|_| starts_sentence)
                    && first.outer_start <= near
                {
                    who = Some(Who::Person(e));
                }
                if let Some((_, e)) = recent.filter(|_| starts_sentence) {
                    who = Some(Who::Person(e));
                }
            }
            match who {
                Some(Who::Person(e)) => {
                    for s in &spans[u.clone()] {
                        out.push(Quote {
                            speaker: e,
                            article,
                            start: s.start as u32,
                            end: s.end as u32,
                            paraphrase: false,
                        });
                    }
                    said.push((first.outer_start, e));
                    last_speaker = Some((e, self.next_paragraph_end(last.outer_end)));
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

    /// Reported speech in sentences without quote marks.
    fn paraphrases(&self, spans: &[Span], article: u32, said: &[(usize, EntityId)]) -> Vec<Quote> {
        let body = self.view.body;
        let mut out = Vec::new();
        for s in &self.sentences {
            let text = &body[s.clone()];
            if text.contains(['"', '“', '”']) || spans.iter().any(|q| q.outer_start < s.end && q.outer_end > s.start)
            {
                continue;
            }
            let from = self.view.word_from(s.start);
            let to = self.view.word_from(s.end);
            let end = s.start + text.trim_end().trim_end_matches(['.', '!', '?']).len();
            // "…, Ms Hewitt told GMTV." / "…, argued Mr Howard." at the end names the speaker of the whole sentence, even
            // past an earlier verb of saying ("It was no good Mr Blair claiming …").
            let trailer = (to.saturating_sub(4).max(from)..to)
                .filter(|&v| self.lists.reports(self.word(v)).is_some_and(|h| h != Reports::Quote))
                .find_map(|v| self.trailing(v, from, to, said));
            if let Some((e, comma)) = trailer {
                out.push(Quote { speaker: e, article, start: s.start as u32, end: comma as u32, paraphrase: true });
                continue;
            }
            let mut found: Vec<Quote> = Vec::new();
            let mut v = from;
            while v < to {
                let w = self.word(v);
                let Some(how) =
                    self.lists.reports(w).filter(|&h| h != Reports::Quote || self.lists.takes_infinitive(w))
                else {
                    v += 1;
                    continue;
                };
                let start = match self.subject_of_verb(v, said) {
                    Some(Who::Person(e)) => self.reported_start(v, to, how).map(|start| (e, start)),
                    // "Officials say the home secretary wants …": the rest is their report,
                    // not the home secretary's words.
                    Some(Who::Unnamed)
                        if found.is_empty()
                            && v > 0
                            && ANONYMOUS.contains(&self.word(v - 1).to_lowercase().as_str())
                            && self.reported_start(v, to, how).is_some() =>
                    {
                        break;
                    }
                    _ => None,
                };
                let Some((e, start)) = start.filter(|&(_, start)| start < end) else {
                    v += 1;
                    continue;
                };
                // A second clause ("…, noting that …") ends the one before at its comma.
                if let Some(prev) = found.last_mut() {
                    let clause = self.view.words[v].start;
                    let cut = body[..clause].trim_end().trim_end_matches(',').trim_end().len();
                    prev.end = prev.end.min(cut.max(prev.start as usize) as u32);
                }
                found.push(Quote { speaker: e, article, start: start as u32, end: end as u32, paraphrase: true });
                v = self.view.word_from(start);
            }
            out.extend(found.into_iter().filter(|q| q.end > q.start));
        }
        out
    }

    /// `…, X said.` or `…, said X.` ending the sentence (words `from..to`): the speaker and
    /// where the comma is.
    fn trailing(&self, v: usize, from: usize, to: usize, said: &[(usize, EntityId)]) -> Option<(EntityId, usize)> {
        // The attribution is the sentence's last few words.
        if to - v > 4 || v < from + 3 {
            return None;
        }
        let (who, first) = if self.view.joined(v) {
            // "…, Tony Blair has said."
            let mut last = v - 1;
            while last > from && self.view.joined(last + 1) && matches!(self.word(last), "has" | "had" | "have") {
                last -= 1;
            }
            let first = match self.view.person_ending(last) {
                Some(p) => {
                    let mut f = p.first;
                    while f > 0 && self.view.joined(f) && self.lists.is_honorific(self.word(f - 1)) {
                        f -= 1;
                    }
                    self.role_start(f)
                }
                None if matches!(self.word(last), "he" | "she") => last,
                // "…, the Trade and Industry Secretary has said."
                None => {
                    let (start, the) = self.role_phrase(last);
                    if !the {
                        return None;
                    }
                    start - 1
                }
            };
            (self.who_ends_at(last, said), first)
        } else {
            let mut n = v + 1;
            while n < to && self.lists.is_honorific(self.word(n)) {
                n += 1;
            }
            match self.view.person_starting(n) {
                Some(p) => (Who::Person(p.entity), v),
                // "…, says a top academic.": a role ending the sentence, named later.
                None if n < to
                    && matches!(self.word(n), "a" | "an" | "the")
                    && self.lists.is_title(self.word(to - 1)) =>
                {
                    (self.who_ends_at(to - 1, said), v)
                }
                None => return None,
            }
        };
        if first == 0 {
            return None;
        }
        let comma = self.view.words[first - 1].end;
        // "… as scheduled he insisted.": no comma, but the verb ends the sentence after a
        // long clause, and no relative word ties the subject into it ("the plan that he said").
        let bare = to - v == 1
            && first >= from + 5
            && self.view.joined(first)
            && !matches!(self.word(first - 1), "that" | "which" | "who" | "what" | "as" | "and" | "but" | "than");
        if !self.view.gap(first).trim_start().starts_with(',') && !bare {
            return None;
        }
        match who {
            Who::Person(e) => Some((e, comma)),
            Who::Unnamed => None,
        }
    }

    /// "told MPs the review would …", "told BBC Radio 4's Today programme Mr Blair had …":
    /// after the listener (from word `next`), a subject and a finite verb open the clause.
    fn clause_after_object(&self, next: usize, to: usize) -> Option<usize> {
        for k in next + 1..(next + 8).min(to) {
            if !self.view.joined(k) && !self.view.words[k - 1].possessive {
                return None;
            }
            let w = self.word(k);
            let subject = match self.view.person_starting(k) {
                Some(p) => Some(p.last),
                None if matches!(w, "he" | "she" | "they" | "it" | "we" | "I" | "there") => Some(k),
                None if matches!(w, "the" | "his" | "her" | "their" | "its") => Some(k),
                // "told the BBC progress had been made": a plain noun after a named listener.
                None if capitalised(self.word(k - 1))
                    && !capitalised(w)
                    && !BEFORE_OBJECT.contains(&w)
                    && !FINITE.contains(&w)
                    && !self.is_verb(w) =>
                {
                    Some(k)
                }
                None => None,
            };
            let Some(end) = subject else { continue };
            let clause = (end + 1..(end + 5).min(to)).any(|j| FINITE.contains(&self.word(j)));
            if clause {
                let first = self.view.person_starting(k).map_or(k, |_| self.role_start(k));
                return Some(self.view.words[first.max(next + 1)].start);
            }
        }
        None
    }

    /// "to put Africa …" right after the verb, or after its listener ("urged the next
    /// government to boost …"): the word "to", when a verb follows it.
    fn infinitive_after(&self, next: usize, to: usize) -> Option<usize> {
        let k = (next..(next + 6).min(to))
            .take_while(|&k| k == next || self.view.joined(k))
            .find(|&k| self.word(k) == "to")?;
        let verb = self.word(k + 1);
        let verb_like = k + 1 < to
            && self.view.joined(k + 1)
            && !capitalised(verb)
            && !matches!(verb, "the" | "a" | "an" | "his" | "her" | "their" | "its" | "this" | "that" | "be");
        verb_like.then_some(k)
    }

    /// Where the reported clause after the verb at word `v` starts, if there is one.
    fn reported_start(&self, v: usize, to: usize, how: Reports) -> Option<usize> {
        let next = v + 1;
        if next >= to {
            return None;
        }
        // "stated in the House of Commons on Tuesday that …": "that" within a few words.
        let that = (next..(next + 10).min(to)).find(|&k| self.word(k) == "that" && !self.view.words[k].possessive);
        let w = self.word(next);
        if w == "that" {
            return (next + 1 < to).then(|| self.view.words[next + 1].start);
        }
        if self.lists.takes_infinitive(self.word(v)) {
            if let Some(k) = self.infinitive_after(next, to) {
                return Some(self.view.words[k].start);
            }
            if how == Reports::Quote {
                return None;
            }
        }
        let pronoun = matches!(w, "he" | "she" | "it" | "they" | "we" | "there" | "I");
        let preposition = matches!(
            w,
            "on" | "in"
                | "at"
                | "to"
                | "during"
                | "last"
                | "earlier"
                | "yesterday"
                | "after"
                | "this"
                | "before"
                | "when"
        );
        if let Some(k) = that
            && (preposition || !(how == Reports::Say || pronoun))
        {
            return (k + 1 < to).then(|| self.view.words[k + 1].start);
        }
        if matches!(self.word(v), "told" | "tells" | "tell" | "telling") && !pronoun {
            return self.clause_after_object(next, to);
        }
        if preposition || !(how == Reports::Say || pronoun) {
            return None;
        }
        // "said nothing", but "said nothing had changed".
        let clause_after = next + 1 < to && FINITE.contains(&self.word(next + 1));
        if !self.view.joined(next) || w == "so" || (matches!(w, "nothing" | "no") && !clause_after) {
            return None;
        }
        // A clause, not a noun phrase: "stressed the plans would be paid", not "stressed the need".
        // "said he hopes to …": a pronoun and a present-tense verb make a clause too.
        let present = pronoun && next + 1 < to && {
            let v = self.word(next + 1);
            v.len() > 3 && v.ends_with('s') && !v.ends_with("ss") && !capitalised(v)
        };
        let finite =
            present || (next..to).any(|k| FINITE.contains(&self.word(k)) || (k > next && self.word(k).ends_with("ed")));
        (finite && to - next >= 3).then(|| self.view.words[next].start)
    }
}

/// A comma or a dash between words: an aside opens or closes.
/// A sentence opener before its subject, comma or not: "But", "Earlier", "On Monday",
/// "Last week".
fn opening_adverbial(lead: &str) -> bool {
    let mut words = lead.trim_end_matches(',').split_whitespace();
    let mut w = words.next().unwrap_or("");
    if matches!(w, "But" | "And" | "So" | "Yet") {
        w = match words.next() {
            Some(n) => n,
            None => return true,
        };
    }
    let rest: Vec<&str> = words.collect();
    match rest.as_slice() {
        [] => matches!(
            w,
            "Then"
                | "Meanwhile"
                | "Now"
                | "Earlier"
                | "Later"
                | "Yesterday"
                | "Today"
                | "Separately"
                | "Instead"
                | "However"
                | "Also"
                | "Afterwards"
                | "Previously"
        ),
        [n] => {
            ["on", "last", "this", "earlier", "later"].iter().any(|x| w.eq_ignore_ascii_case(x))
                && matches!(
                    *n,
                    "Monday"
                        | "Tuesday"
                        | "Wednesday"
                        | "Thursday"
                        | "Friday"
                        | "Saturday"
                        | "Sunday"
                        | "week"
                        | "month"
                        | "year"
                        | "night"
                        | "weekend"
                        | "morning"
                        | "today"
                )
        }
        _ => false,
    }
}

fn comma_like(gap: &str) -> bool {
    let g = gap.trim_matches(|c: char| c.is_whitespace() || "\"“”".contains(c));
    g.starts_with(',') || matches!(g, "-" | "—" | "–")
}

/// Two role keys name the same role when one ends with the other and the words before it
/// do not make it another one: "us secretary of state" is "secretary of state", "shadow home
/// secretary" is not "home secretary".
fn same_role(a: &str, b: &str) -> bool {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    !short.is_empty()
        && long.ends_with(short)
        && (long.len() == short.len() || {
            let prefix = &long[..long.len() - short.len()];
            // "friend of the Tory leader" is someone else than the Tory leader.
            let relation = matches!(prefix.split_whitespace().last(), Some("of" | "the" | "to" | "for" | "with"));
            prefix.ends_with(' ') && !relation && !prefix.split_whitespace().any(another_role)
        })
}

/// A word that makes a role another: "shadow", "former", "deputy" …
pub(super) fn another_role(word: &str) -> bool {
    matches!(
        word,
        "shadow" | "former" | "ex" | "deputy" | "vice" | "assistant" | "acting" | "junior" | "under" | "late"
    )
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

    fn p(who: &str, text: &str) -> (String, String, bool) {
        (who.to_string(), text.to_string(), true)
    }

    const INTRO: &str = "Talks\n\nKremlin spokesperson Dmitry Peskov and Vladimir Putin met.\n\n";

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
}
