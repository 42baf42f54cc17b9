//! Who is speaking: the subject of a verb of saying, a role, a pronoun, the person in
//! focus.

use super::*;

impl<'v, 'a> Attributor<'v, 'a> {
    /// Whether byte `at` is inside quote marks.
    pub(super) fn in_quote(&self, at: usize) -> bool {
        let k = self.quoted.partition_point(|q| q.end <= at);
        self.quoted.get(k).is_some_and(|q| q.start <= at)
    }

    /// A name right after a verb of saying, titles aside: "…, said Mr Clarke."
    pub(super) fn after_saying(&self, first: usize) -> bool {
        let f = self.honorifics_start(first);
        f > 0
            && self.view.joined(f)
            && {
                let w = self.word(f - 1);
                self.says(f - 1) == Some(Reports::Say)
                    && !self.lists.is(w, WordClass::BEFORE_OBJECT)
                    && !w.ends_with("ing")
            }
            && !self.said_by_one_before(f - 1)
    }

    /// The verb of saying at word `v` has its subject right before it ("he said Mr Blair
    /// had …", "Mr Kennedy said Mr Blair …"): the name after it is in what was said.
    pub(super) fn said_by_one_before(&self, v: usize) -> bool {
        v > 0
            && self.view.joined(v)
            && (self.view.is(v - 1, WordClass::HE_SHE_ANY_CASE) || self.view.person_ending(v - 1).is_some())
            && !self.in_quote(self.view.words[v - 1].start)
    }

    /// The speaker of a sentence ending `…, said Mr Clarke.` / `…, he added.`, and where
    /// that attribution's comma is.
    pub(super) fn sentence_trailer(&self, at: usize, said: &[(usize, EntityId)]) -> Option<(EntityId, usize)> {
        let s = self.sentence_of(at);
        let (from, to) = (self.view.word_from(s.start), self.view.word_from(s.end));
        (to.saturating_sub(4).max(from)..to)
            .filter(|&v| self.says(v).is_some_and(|h| h != Reports::Quote))
            .find_map(|v| self.trailing(v, from, to, said))
    }

    /// Sentence `k` opening with "The <role>" and a verb: where, and who holds the role.
    pub(super) fn role_subject(&self, k: usize) -> Option<(usize, Who)> {
        let s = self.sentences[k].clone();
        let mut i = self.view.word_from(s.start);
        if i < self.n_words() && opening_adverbial(self.word(i)) {
            i += 1;
        }
        // "In a furious response, the first minister said": an opening phrase, without a verb
        // of its own, ended by a comma.
        if let Some(k) = (i + 1..(i + 12).min(self.n_words()))
            .take_while(|&k| self.view.words[k].start < s.end && !self.lists.is(self.word(k), WordClass::FINITE))
            .find(|&k| comma_like(self.view.gap(k)))
            .filter(|&k| self.view.is(k, WordClass::THE))
        {
            i = k;
        }
        // Inside quote marks it is the speaker's subject, not the text's.
        if i >= self.n_words()
            || !self.view.is(i, WordClass::THE)
            || self.view.words[i].start >= s.end
            || self.in_quote(self.view.words[i].start)
        {
            return None;
        }
        // The title is the last word before the verb, within four words; "The chancellor is
        // currently on a tour" makes the chancellor subject as well.
        let copula = |j: usize| {
            j + 1 < self.n_words()
                && self.view.joined(j + 1)
                && matches!(self.word(j + 1), "is" | "was" | "has" | "had")
        };
        let last = (i + 1..(i + 6).min(self.n_words())).find(|&j| self.verb_after(j).is_some() || copula(j))?;
        if !(i + 1..=last).any(|j| self.lists.is_title(self.word(j))) {
            return None;
        }
        // "The prime minister's official spokesman".
        if (i + 1..=last).any(|j| !self.view.joined(j) && !self.view.words[j - 1].possessive) {
            return None;
        }
        let who = self.who_ends_at(last, &[]);
        // Before a copula only a title the article gives someone ("the chancellor is"), not a
        // description ("The 34-year-old Dutch midfielder is"), someone unnamed, or a noun
        // with a title after it ("The election of the US president was").
        if self.verb_after(last).is_none()
            && (who == Who::Unnamed
                || !self.lists.is_title(self.word(last))
                || (i + 1..=last).any(|j| {
                    // "the home secretary": a word of the title's before it.
                    let w = self.word(j);
                    let part = capitalised(w) || self.lists.is_title(w) || self.view.is(j, WordClass::ROLE_MODIFIER);
                    w.contains(|c: char| c.is_ascii_digit()) || !(part || last - i == 2 && j == i + 1)
                }))
        {
            return None;
        }
        Some((self.view.words[i].start, who))
    }

    pub(super) fn word(&self, i: usize) -> &'a str {
        self.view.word(i)
    }

    pub(super) fn n_words(&self) -> usize {
        self.view.words.len()
    }

    /// The sentence containing byte `at`.
    pub(super) fn sentence_of(&self, at: usize) -> std::ops::Range<usize> {
        let k = self.sentences.partition_point(|s| s.end <= at);
        self.sentences.get(k).cloned().unwrap_or(at..at)
    }

    /// Word after a subject ending at `last`, skipping adverbs: a verb, and no possessive.
    pub(super) fn verb_after(&self, last: usize) -> Option<usize> {
        let mut i = last + 1;
        while i < self.n_words() && self.view.joined(i) {
            let w = self.word(i);
            if self.verb_at(i) && !self.lists.is(w, WordClass::BETWEEN_SUBJECT_AND_VERB) {
                return Some(i);
            }
            if self.time_phrase(i) {
                i += 2;
                continue;
            }
            if !self.lists.is(w, WordClass::BETWEEN_SUBJECT_AND_VERB) {
                return None;
            }
            i += 1;
        }
        None
    }

    /// Words `i` and `i + 1` say when, between a subject and its verb: "on Sunday", "last
    /// week", "this morning".
    pub(super) fn time_phrase(&self, i: usize) -> bool {
        i + 1 < self.n_words()
            && self.view.joined(i + 1)
            && if self.word(i) == "on" {
                self.view.is(i + 1, WordClass::WEEKDAY)
            } else {
                self.view.is(i, WordClass::TIME_DEICTIC) && self.view.is(i + 1, WordClass::TIME_NOUN)
            }
    }

    /// Word `i` as a verb of saying, unless it belongs to a role phrase: "the secretary of
    /// state said", "Secretary of State Rubio", "the Claims Commissioner".
    pub(super) fn says(&self, i: usize) -> Option<Reports> {
        // Only a word the lists mark looks at the next one: this runs for every word.
        let with_particle = || {
            (self.view.is(i, WordClass::SAYS_WITH_PARTICLE) && i + 1 < self.n_words() && self.view.joined(i + 1))
                .then(|| self.lists.reports_with_particle(self.word(i), self.word(i + 1)))?
        };
        let how = self.lists.reports(self.word(i)).or_else(with_particle)?;
        (!self.in_role_phrase(i)).then_some(how)
    }

    /// Word `i` is a verb, and not a word of a role phrase.
    pub(super) fn verb_at(&self, i: usize) -> bool {
        self.is_verb(self.word(i)) && !self.in_role_phrase(i)
    }

    /// Word `i` is part of a role phrase: after "of" ("secretary of state", "minister of
    /// state"), or capitalised right after a title word ("Deputy Claims …").
    pub(super) fn in_role_phrase(&self, i: usize) -> bool {
        i > 0 && self.view.joined(i) && {
            let before = self.word(i - 1);
            before == "of" || (capitalised(self.word(i)) && self.lists.is_title(before))
        }
    }

    pub(super) fn is_verb(&self, w: &str) -> bool {
        let lower = !capitalised(w);
        lower
            && (self.lists.reports(w).is_some()
                || self.lists.is(w, WordClass::OTHER_VERB)
                || (w.len() > 4 && w.ends_with("ed"))
                || self.lists.is(w, WordClass::BETWEEN_SUBJECT_AND_VERB))
    }

    /// A person mention (words `first..=last`) followed by a verb, and not after a
    /// preposition: the subject of its clause.
    pub(super) fn is_subject(&self, first: usize, last: usize) -> bool {
        if self.view.words[last].possessive || self.verb_after(last).is_none() {
            return false;
        }
        !self.after_object_word(first)
    }

    /// Whether the person mention from word `first` stands after a word that makes it an
    /// object ("told Blair", "a daughter for Yekini"), before its titles or right before it.
    fn after_object_word(&self, first: usize) -> bool {
        let rs = self.role_start(first);
        // "on the invitation of Prime Minister Morgan Tsvangirai has spurred": the titles'
        // run starts at "of".
        self.view.is(rs, WordClass::OF_FOR)
            || [rs, self.honorifics_start(first)].into_iter().any(|k| self.object_word_before(k))
    }

    /// Whether the word right before word `k` makes what starts at `k` an object
    /// ("told Blair", "for Yekini", "and Brown").
    fn object_word_before(&self, k: usize) -> bool {
        k > 0 && self.view.joined(k) && self.view.is(k - 1, WordClass::BEFORE_OBJECT)
    }

    /// Whether the words right before word `i` are two subjects joined by "and" ("Both
    /// Strickland and Burnidge note", "Peskov and Mr Putin say", "Trump and Secretary of
    /// State Rubio said"): what they say is neither one's alone. The second may be a name no
    /// rule knows; the first is a person named.
    fn joint_subject_before(&self, i: usize) -> bool {
        if i < 3 || !self.view.joined(i) {
            return false;
        }
        let second = match self.view.person_ending(i - 1) {
            // "Trump and Secretary of State Rubio said": the second's titles join it.
            Some(p) => self.role_start(p.first),
            None if capitalised(self.word(i - 1)) => i - 1,
            None => return false,
        };
        second >= 2
            && self.view.joined(second)
            && matches!(self.word(second - 1), "and" | "&")
            && self.view.joined(second - 1)
            && self.view.person_ending(second - 2).is_some()
    }

    /// Whether the person from word `first` to `last` is the subject of a subordinate
    /// clause ("when Chan reported …,") that a comma closes before word `to`.
    fn opens_subordinate_clause(&self, first: usize, last: usize, to: usize) -> bool {
        // The subordinator may stand before a role ("when the minister Peskov") or be taken
        // for one at a sentence's start ("When Peskov").
        let subordinator = |k: usize| self.lists.is(&self.word(k).to_lowercase(), WordClass::SUBORDINATOR);
        let opened = (self.role_start(first)..=self.honorifics_start(first))
            .any(|k| subordinator(k) || k > 0 && self.view.joined(k) && subordinator(k - 1));
        opened && (last + 1..to).any(|j| comma_like(self.view.gap(j)))
    }

    /// The first word of the honorifics right before word `first` ("Mr", "Sir").
    pub(super) fn honorifics_start(&self, first: usize) -> usize {
        let mut k = first;
        while k > 0 && self.view.joined(k) && self.lists.is_honorific(self.word(k - 1)) {
            k -= 1;
        }
        k
    }

    /// The first word of the titles and honorifics before word `first` ("Kremlin
    /// spokesperson Dmitry Peskov" → "Kremlin").
    pub(super) fn role_start(&self, first: usize) -> usize {
        let mut k = first;
        while k > 0 && self.view.joined(k) && {
            let w = self.word(k - 1);
            (capitalised(w) && !self.lists.is(w, WordClass::CAPITAL_OPENER))
                || self.lists.is_title(w)
                || self.lists.is(w, WordClass::OF_FOR)
        } {
            k -= 1;
        }
        k
    }

    /// The word starting the sentence's subject when it is a person: the first person
    /// mention, with only titles, or an opening phrase ended by a comma, before it.
    pub(super) fn sentence_subject_at(&self, at: usize) -> Option<usize> {
        let s = self.sentence_of(at);
        let first_word = self.view.word_from(s.start);
        let mut i = first_word;
        while i < self.n_words() && self.view.words[i].start < s.end {
            if let Some(p) = self.view.person_starting(i) {
                // The role may not reach into the sentence before ("said Rev. Jerome Turner").
                let rs = self.role_start(i).max(first_word);
                let lead = &self.view.body[s.start..self.view.words[rs].start.max(s.start)];
                let lead = lead.trim_start_matches(['"', '“', '‘', '(']).trim();
                let lead_ok = lead.is_empty() || lead.ends_with(',') || opening_adverbial(lead);
                // "Supporters of Peskov chanted": the name right after "of" is no subject.
                let k = self.honorifics_start(i);
                let of_before = k > 0 && self.view.joined(k) && self.view.is(k - 1, WordClass::OF_FOR);
                if lead_ok && !of_before && !self.view.words[p.last].possessive {
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
    pub(super) fn latest(&self, at: usize, extra: &[(usize, EntityId)]) -> Option<(usize, EntityId)> {
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
    pub(super) fn focus(&self, at: usize, extra: &[(usize, EntityId)]) -> Option<EntityId> {
        self.latest(at, extra).map(|x| x.1)
    }

    /// Whether `e` may be called "he" (or "she"): the article never says otherwise.
    pub(super) fn fits(&self, e: EntityId, g: Option<Gender>) -> bool {
        g.is_none_or(|g| self.genders.get(&e).is_none_or(|&h| h == g))
    }

    /// The person "he" or "she" at byte `at` stands for: the last subject before it, of the
    /// right gender. A subject inside the reported words of an earlier sentence ("Mr Clarke
    /// said he backed them when Mr Blunkett argued for them") gives way to the one who spoke;
    /// a subject of the wrong gender to the last person of the right one named since.
    pub(super) fn pronoun(&self, at: usize, extra: &[(usize, EntityId)], g: Option<Gender>) -> Option<EntityId> {
        // "repaid … to Lord Ashcroft after he said …": the person right before the clause.
        let w = self.view.word_from(at);
        if w >= 2
            && self.view.joined(w)
            && self.view.is(w - 1, WordClass::SUBORDINATOR)
            && let Some(p) = self.view.person_ending(w - 2).filter(|p| self.fits(p.entity, g))
            && !self.view.words[w - 2].possessive
        {
            return Some(p.entity);
        }
        // "He hoped Jay-Z would "…", he added": a "he" that opens the sentence, outside quote
        // marks, is the one its closing "he" stands for, not a name the sentence spoke of.
        let s = self.sentence_of(at);
        let first = self.view.word_from(s.start);
        if first < w
            && self.view.words[first].start < at
            && self.view.is(first, WordClass::HE_SHE_ANY_CASE)
            && Gender::of_pronoun(self.word(first)) == g
            && !self.in_quote(self.view.words[first].start)
        {
            return self.pronoun(self.view.words[first].start, extra, g);
        }
        let (pos, e) = self.antecedent(at, extra, g)?;
        // Another person who could be "he" made the main subject since the sentence before,
        // or, for an antecedent further back and no "he" since, named there at all: give up
        // rather than guess ("Those allegations were put to Wenger … At first he said").
        let k = self.sentences.partition_point(|s| s.end <= at);
        let from = self.sentences[k.saturating_sub(1)..].first().map_or(at, |s| s.start);
        let rival = |x: EntityId| x != e && self.fits(x, g);
        let rival_subject = (k.saturating_sub(1)..=k.min(self.sentences.len().saturating_sub(1)))
            .filter_map(|j| self.main_subject(j, at))
            .chain(extra.iter().filter(|x| x.0 >= from && x.0 < at).map(|x| x.1))
            .any(rival);
        let chained = (self.view.word_from(from)..self.view.word_from(at)).any(|i| {
            self.view.is(i, WordClass::HE_SHE_ANY_CASE)
                && Gender::of_pronoun(self.word(i)) == g
                && !self.in_quote(self.view.words[i].start)
        });
        let rival_named = pos < from
            && !chained
            && self
                .view
                .persons
                .iter()
                .any(|p| p.start >= from && p.start < at && !self.in_quote(p.start) && rival(p.entity));
        // "But Ferguson insisted … The affair still rankles with the Dutchman. "…," he said":
        // a description of someone since, not a role the article gives the antecedent.
        let rival_described = pos < from && !chained && self.description_between(from, at, e);
        (!rival_subject && !rival_named && !rival_described).then_some(e)
    }

    /// Whether "the" and a title or a nationality noun ("the defender", "the Dutchman") stand
    /// between bytes `from` and `at`, outside quote marks, naming no one or someone not `e`.
    fn description_between(&self, from: usize, at: usize, e: EntityId) -> bool {
        (self.view.word_from(from)..self.view.word_from(at)).any(|i| {
            let k = i + 1;
            if !self.view.is(i, WordClass::THE)
                || k >= self.n_words()
                || !self.view.joined(k)
                || self.view.words[k].end >= at
            {
                return false;
            }
            let w = self.word(k);
            let national =
                capitalised(w) && w.len() > 5 && w.ends_with("man") && self.view.person_starting(k).is_none();
            // "the prime minister", "the home secretary": a word before the title is its part.
            let pair = !national
                && !self.lists.is_title(w)
                && k + 1 < self.n_words()
                && self.view.joined(k + 1)
                && self.view.words[k + 1].end < at
                && !capitalised(self.word(k + 1))
                && self.lists.is_title(self.word(k + 1));
            if !(self.lists.is_title(w) || national || pair) || self.in_quote(self.view.words[i].start) {
                return false;
            }
            let (k, role) = if pair { (k + 1, format!("{w} {}", self.word(k + 1))) } else { (k, w.to_string()) };
            // "the defender Jaap Stam", "the title holder": a name or more role words go on.
            if k + 1 < self.n_words() && self.view.joined(k + 1) && capitalised(self.word(k + 1)) {
                return false;
            }
            // "The sprinter has shed weight", "…, the chancellor said": a subject, which the
            // subjects and attributions resolved already; only an object is left unresolved.
            let at_i = self.view.words[i].start;
            if self.verb_after(k).is_some() || self.sentence_of(at_i).start == at_i {
                return false;
            }
            // A nationality is someone; a title only when it is someone else's ("the head" of a
            // body is no one).
            let key = role_key(&role);
            let theirs = self.roles.iter().any(|(r, x)| *x == e && same_role(r, &key));
            let others = self.roles.iter().any(|(r, x)| *x != e && same_role(r, &key))
                || self.book.holder(&key).is_some_and(|h| h != e);
            !theirs && (national || others)
        })
    }

    /// Who sentence `k` is mainly about, before byte `at`: the speaker of its trailing
    /// attribution ("…, argued Mr Howard."), else its first subject.
    fn main_subject(&self, k: usize, at: usize) -> Option<EntityId> {
        let s = self.sentences.get(k)?.clone();
        let (from, to) = (self.view.word_from(s.start), self.view.word_from(s.end));
        if s.end <= at
            && let Some(p) = (to.saturating_sub(4).max(from)..to)
                .filter_map(|i| self.view.person_starting(i))
                .find(|p| self.after_saying(p.first))
        {
            return Some(p.entity);
        }
        let i = self.subjects.partition_point(|x| x.0 < s.start);
        self.subjects.get(i).filter(|x| x.0 < s.end.min(at)).map(|x| x.1)
    }

    /// The last subject before byte `at` that "he" or "she" (of gender `g`) may stand for,
    /// and where it is named (see [`Self::pronoun`]).
    fn antecedent(&self, at: usize, extra: &[(usize, EntityId)], g: Option<Gender>) -> Option<(usize, EntityId)> {
        let (pos, e) = self.latest(at, extra)?;
        if !self.fits(e, g) {
            // Named since, outside quote marks: the one person who fits, if only one does.
            let mut since = self
                .view
                .persons
                .iter()
                .filter(|p| p.start > pos && p.start < at && !self.in_quote(p.start) && self.fits(p.entity, g));
            if let Some(p) = since.next() {
                let (first, one) = (p.entity, p.start);
                let last = since.filter(|p| p.entity == first).last().map_or(one, |p| p.start);
                let only = self
                    .view
                    .persons
                    .iter()
                    .filter(|p| p.start > pos && p.start < at)
                    .all(|p| p.entity == first || self.in_quote(p.start) || !self.fits(p.entity, g));
                return only.then_some((last, first));
            }
            // Else the subject before, no further back than the paragraph before.
            let k = self.subjects.partition_point(|s| s.0 < pos);
            let before = self.subjects[..k]
                .iter()
                .rev()
                .chain(extra.iter().rev().filter(|x| x.0 < pos))
                .find(|x| self.fits(x.1, g))?;
            return (self.next_paragraph_end(before.0) >= at).then_some(*before);
        }
        let s = self.sentence_of(pos);
        // "An M&S spokesman said it had no evidence that Mr Paulsmeier had …. He also said":
        // a subject inside an unnamed speaker's words gives way to them, and they are nobody.
        let from_nobody = self.nobody.partition_point(|&p| p < s.start);
        if self.nobody[from_nobody..].iter().take_while(|&&p| p < pos).any(|&p| {
            (self.view.word_from(p)..self.view.word_from(pos))
                .any(|i| self.says(i).is_some_and(|r| r != Reports::Quote) && !self.in_quote(self.view.words[i].start))
        }) {
            return None;
        }
        // "But he said Mr Blair had lost their trust. "…," he said": the "he" who said it,
        // not the name in what he said (nor a trailer, "he said Mr Blair …").
        let (from, to) = (self.view.word_from(s.start), self.view.word_from(pos));
        if let Some(h) = (from..to).find(|&i| {
            self.view.is(i, WordClass::HE_SHE_ANY_CASE)
                && Gender::of_pronoun(self.word(i)) == g
                && !self.in_quote(self.view.words[i].start)
                && i + 1 < to
                && self.view.joined(i + 1)
                && self.says(i + 1).is_some_and(|r| r != Reports::Quote)
        }) && let Some(who) = self.pronoun(self.view.words[h].start, extra, g)
        {
            return Some((self.view.words[h].start, who));
        }
        // "…, said Mr Clarke." ends a sentence with the one who spoke.
        let trailer = self.view.person_starting(self.view.word_from(pos)).is_some_and(|p| self.after_saying(p.first));
        if s.end > at || trailer {
            return Some((pos, e));
        }
        // The sentence's first subject, when a verb of saying comes between it and `e`.
        let k = self.subjects.partition_point(|x| x.0 < s.start);
        let Some(&(main_at, main)) = self.subjects.get(k).filter(|x| x.0 < pos) else { return Some((pos, e)) };
        // "Mr Clarke said …": the first subject is the one who spoke.
        // Not when "but" opens a clause of its own between them ("Hewitt said he had had a
        // "gutful" … but Tennis Australia's Geoff Pollard rejected his comments").
        let spoke =
            self.view.person_starting(self.view.word_from(main_at)).and_then(|p| self.verb_after(p.last)).is_some_and(
                |v| {
                    self.says(v).is_some_and(|h| h != Reports::Quote)
                        && self.view.words[v].start < pos
                        && !(v + 1..self.view.word_from(pos))
                            .any(|k| self.word(k) == "but" && !self.in_quote(self.view.words[k].start))
                },
            );
        Some(if main != e && spoke && self.fits(main, g) { (main_at, main) } else { (pos, e) })
    }

    /// The end of the paragraph after the one holding byte `at` (blank lines skipped).
    pub(super) fn next_paragraph_end(&self, at: usize) -> usize {
        let body = self.view.body;
        let para_end = body[at..].find('\n').map_or(body.len(), |k| k + at);
        let next = para_end + body[para_end..].len() - body[para_end..].trim_start().len();
        body[next..].find('\n').map_or(body.len(), |k| k + next)
    }

    /// The person in focus at byte `at`, if the text made them subject no further back than
    /// the paragraph before.
    pub(super) fn focus_since(&self, at: usize, extra: &[(usize, EntityId)]) -> Option<(usize, EntityId)> {
        let (pos, e) = self.latest(at, extra)?;
        (self.next_paragraph_end(pos) >= at).then_some((pos, e))
    }

    /// Who the words ending at word `last` name, as a subject: a person, "he"/"she", a
    /// role held by one person of the article ("the US Secretary of State"), or else someone
    /// unnamed. "Trump and Secretary of State Rubio" is Trump.
    pub(super) fn who_ends_at(&self, last: usize, extra: &[(usize, EntityId)]) -> Who {
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
        if self.lists.is(w, WordClass::HE_SHE_ANY_CASE) {
            let at = self.view.words[last].start;
            let who = self.pronoun(at, extra, Gender::of_pronoun(w)).map_or(Who::Unnamed, Who::Person);
            if who != Who::Unnamed {
                self.via.set(Via::Pronoun);
            }
            return who;
        }
        // `"…," Mr Tanzi's statement said`: the possessor speaks.
        if last + 1 < self.n_words()
            && matches!(self.word(last + 1), "said" | "says" | "read" | "reads" | "added" | "adds")
            && let Some(e) = self.possessor_of(last)
        {
            self.via.set(Via::Possessive);
            return Who::Person(e);
        }
        let who = self.role_holder(last, extra);
        if who != Who::Unnamed {
            self.via.set(Via::Role);
        }
        who
    }

    /// The person whose possessive comes right before word `noun`, a noun of speech ("Peter
    /// Hain's description", "Mr Tanzi's statement").
    fn possessor_of(&self, noun: usize) -> Option<EntityId> {
        if noun == 0 || !self.view.is(noun, WordClass::SPEECH_NOUN) || !self.view.joined_past_possessive(noun) {
            return None;
        }
        self.view.person_ending(noun - 1).filter(|p| self.view.words[p.last].possessive).map(|p| p.entity)
    }

    /// Who the role or description ending at word `last` names (see [`Self::who_ends_at`]).
    fn role_holder(&self, last: usize, extra: &[(usize, EntityId)]) -> Who {
        if let Some(who) = self.aged(last, extra) {
            return who;
        }
        let (start, the) = self.role_phrase(last);
        // "The Health and Safety Executive said", "the Scottish Executive": the title word
        // ends a body's name, and a body is nobody.
        let Some(title) = (start..=last).rev().find(|&k| self.lists.is_title(self.word(k))) else {
            return Who::Unnamed;
        };
        if self.view.in_name(title) {
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
        if (start..=last).any(|k| self.lists.is(self.word(k), WordClass::ANONYMOUS_ROLE)) {
            return Who::Unnamed;
        }
        if !the {
            // "…, says a top academic." in the opening lines, before anyone is named: the
            // person the next paragraph makes subject.
            let at = self.view.words[start].start;
            let a = (start.saturating_sub(3)..start).any(|k| self.view.is(k, WordClass::INDEFINITE));
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
        // "the first minister said" where the article names Jack McConnell only as "Mr
        // McConnell": the one of its people the corpus most often gives the role.
        let at = self.view.words[start].start;
        let focus = self.focus(at, extra);
        if let Some(e) = focus
            .filter(|&e| self.book.holds(&key, e))
            .or_else(|| self.book.holder_among(&key, |e| self.view.persons.iter().any(|p| p.entity == e)))
            .or_else(|| self.book.holder(&key))
        {
            return Who::Person(e);
        }
        // Else the person in focus, as "he" would be: nobody when another person is in reach
        // ("Mr Johnson said Mr Blair should stay out. "…," The Spectator editor told …").
        if focus.is_some() {
            return self.pronoun(at, extra, None).map_or(Who::Unnamed, Who::Person);
        }
        // A role in the opening lines, before anyone is named ("…, the Trade and Industry
        // Secretary has said."), is the person the next paragraph makes subject.
        let k = self.subjects.partition_point(|s| s.0 < at);
        self.subjects.get(k).filter(|s| s.0 <= self.next_paragraph_end(at)).map_or(Who::Unnamed, |s| Who::Person(s.1))
    }

    /// The role words ending at title word `last` ("Trade and Industry Secretary", "former
    /// cabinet secretary"), and whether "the" comes before them.
    pub(super) fn role_phrase(&self, last: usize) -> (usize, bool) {
        let start = self.role_start(last);
        // Lower-case words back to "the": "the former cabinet secretary".
        let mut k = start;
        while k > 0 && start - k < 3 && self.view.joined(k) {
            let w = self.word(k - 1);
            if self.lists.is(w, WordClass::THE) {
                return (k, true);
            }
            // "the Trade and Industry Secretary": "and" between capitalised role words.
            let inner_and = w == "and" && k == start && k > 1 && capitalised(self.word(k - 2));
            let role_word = capitalised(w) && k < start && self.word(k) == "and";
            if (capitalised(w) && !role_word)
                || self.is_verb(w)
                || (self.lists.is(w, WordClass::BEFORE_OBJECT) && !inner_and)
                || self.lists.reports(w).is_some()
            {
                break;
            }
            k -= 1;
        }
        (start, start > 0 && self.view.joined(start) && self.view.is(start - 1, WordClass::THE))
    }

    /// The subject of the reporting verb at word `verb`: the words right before it, or, after
    /// a comma ("Putin, in an interview …, said"; "…, stating"), the subject governing it.
    pub(super) fn subject_of_verb(&self, verb: usize, extra: &[(usize, EntityId)]) -> Option<Who> {
        let mut i = verb;
        let mut passive = false;
        loop {
            if i > 1 && self.view.joined(i) && self.time_phrase(i - 2) {
                i -= 2;
                continue;
            }
            // "who have been arguing": "been" before a verb in -ing is no passive.
            let progressive = self.word(verb).ends_with("ing") && i > 0 && self.word(i - 1) == "been";
            if !(i > 0
                && self.view.joined(i)
                && (progressive || self.lists.is(self.word(i - 1), WordClass::BETWEEN_SUBJECT_AND_VERB)))
            {
                break;
            }
            // "she was told", not "Mr Blair is saying".
            passive |= self.view.is(i - 1, WordClass::PASSIVE_AUX) && !self.word(verb).ends_with("ing");
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
            let refusal = self.view.is(i - 2, WordClass::REFUSAL);
            // "He went on to say": the particle belongs to the verb before it.
            let went_on = w == "on" && i >= 3 && self.view.joined(i - 2) && self.is_verb(self.word(i - 3));
            if !refusal && (self.is_verb(w) || went_on || self.lists.is(w, WordClass::BEFORE_INFINITIVE)) {
                let mut j = if went_on { i - 3 } else { i - 2 };
                while j > 0
                    && self.view.joined(j)
                    && self.lists.is(self.word(j - 1), WordClass::BETWEEN_SUBJECT_AND_VERB)
                {
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
        if self.word(verb).ends_with("ing") && i == verb && self.view.joined(i) && self.word(i - 1) == "for" {
            // "Sata sued lecturer Cholwe Beyani for saying …": the one sued said it; "Blair
            // was attacked by Howard for saying …" is Blair's.
            let s = self.sentence_of(self.view.words[verb].start);
            let from = self.view.word_from(s.start);
            let named = (from..i - 1).rev().find_map(|k| self.view.person_ending(k).filter(|p| p.last == k));
            if let Some(p) = named.filter(|p| !self.in_quote(p.start)) {
                let k = self.role_start(p.first);
                let agent = k > 0 && self.view.joined(k) && self.word(k - 1) == "by";
                if !agent {
                    return Some(Who::Person(p.entity));
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
            // "defence lawyers who have been arguing that …": who is no one named; the
            // sentence's subject is someone else.
            return Some(self.who_ends_at(i - 2, extra));
        }
        if self.view.joined(i) && self.view.is(i - 1, WordClass::AND_BUT) {
            // "Warcup has liaised with … and said …": the subject of the first verb.
            return self.governing_subject(self.view.words[i - 1].start, extra);
        }
        if self.joint_subject_before(i) {
            return Some(Who::Unnamed);
        }
        if self.view.joined(i) || self.view.words[i - 1].possessive && self.view.gap(i).trim().is_empty() {
            // "a daughter for Yekini told me": the name is an object; the subject is
            // someone else, unnamed.
            // Not "and Mr Wong believes": a clause that "and" opens (a shared subject is
            // told apart later), nor "on Wednesday Prime Minister …": only the word right
            // before the name and its honorifics counts.
            if self.view.person_ending(i - 1).is_some_and(|p| {
                let k = self.honorifics_start(p.first);
                self.object_word_before(k) && !self.view.is(k - 1, WordClass::AND_BUT)
            }) {
                return Some(Who::Unnamed);
            }
            let who = self.who_ends_at(i - 1, extra);
            // "Rhodri Glyn Thomas, Plaid Cymru health spokesman said": a role written beside a
            // name, with no article, is that name's, not another holder's of the role.
            if self.via.get() == Via::Role
                && let Some(p) = self.appositive_before(i)
                && let Some(comma) = (i.saturating_sub(8).max(1)..i).rev().find(|&k| comma_like(self.view.gap(k)))
                && (comma..i).all(|k| !self.view.is(k, WordClass::ARTICLE) && self.view.person_at[k].is_none())
            {
                self.via.set(Via::Name);
                return Some(Who::Person(p));
            }
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
            // "The chancellor, speaking during a tour of Africa, said …": a role, then an
            // aside that opens with a participle.
            if let Some(k) = (i.saturating_sub(12)..i - 1).rev().find(|&k| comma_like(self.view.gap(k)))
                && k >= 1
                && self.word(k).ends_with("ing")
                && !capitalised(self.word(k))
                && self.lists.is_title(self.word(k - 1))
                && let Who::Person(e) = self.who_ends_at(k - 1, extra)
            {
                return Some(Who::Person(e));
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
                .find(|&k| self.view.is(k, WordClass::RELATIVE_PERSON) && comma_like(self.view.gap(k)))?;
            return self.relative_antecedent(k).map(Who::Person);
        }
        None
    }

    /// The person a relative clause opening at word `k` ("…, who/whose …") is about: the
    /// person right before its comma, or the one that opens a chain of asides before it
    /// ("David Kahn - a former Yale historian, and a leading expert …, who").
    pub(super) fn relative_antecedent(&self, k: usize) -> Option<EntityId> {
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
            if self.lists.is(w, WordClass::FINITE) || self.says(j).is_some() || self.lists.is(w, WordClass::RELATIVE) {
                return None;
            }
        }
        None
    }

    /// "Amanda's uncle, Lewis Champion, told", "Peter Ainsworth MP, said": the person (and
    /// a title after the name) right before the comma before word `i`.
    pub(super) fn named_before_comma(&self, i: usize) -> Option<EntityId> {
        let k = i.checked_sub(1)?;
        let p = self.view.person_ending(k).or_else(|| {
            (k > 0 && self.lists.is_title(self.word(k)) && self.view.joined(k))
                .then(|| self.view.person_ending(k - 1))?
        })?;
        if self.in_quote(p.start) {
            return None;
        }
        // The name is the whole aside, or opens the sentence: not "in an interview with
        // reporter Pavel Zarubin, said".
        let rs = self.role_start(p.first);
        let s = self.sentence_of(self.view.words[rs].start);
        (self.view.words[rs].start <= s.start + 1 || comma_like(self.view.gap(rs))).then_some(p.entity)
    }

    /// Every word between the comma before word `i` and word `i` is capitalised, or they
    /// are a short phrase of where the person is from.
    pub(super) fn capitalised_back_to_comma(&self, i: usize) -> bool {
        let mut k = i - 1;
        // "Mark Serwotka, from the Public and Commercial Services union said": a short
        // phrase opening with a preposition may hold small words too.
        let mut back = k;
        while back > 0 && i - back < 9 && self.view.joined(back) && !comma_like(self.view.gap(back)) {
            back -= 1;
        }
        if comma_like(self.view.gap(back))
            && self.view.is(back, WordClass::SOURCE_PREPOSITION)
            && (back..i).all(|j| !self.is_verb(self.word(j)) && !self.lists.is(self.word(j), WordClass::FINITE))
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
    pub(super) fn appositive_before(&self, i: usize) -> Option<EntityId> {
        let s = self.sentence_of(self.view.words[i].start);
        let from = self.view.word_from(s.start);
        let mut k = i - 1;
        while k > from && i - k < 16 {
            if comma_like(self.view.gap(k)) {
                // An aside has no verb of its own, unless it is a relative clause ("who was …").
                let relative = self.view.is(k, WordClass::RELATIVE_ANY);
                if !relative && (k..i).any(|j| self.lists.is(self.word(j), WordClass::FINITE) || self.word(j) == "not")
                {
                    return None;
                }
                // `"… worthy of Maradona," the paper beams, adding`: a name in quote marks is
                // no one's aside.
                return self.view.person_ending(k - 1).filter(|p| !self.in_quote(p.start)).map(|p| p.entity);
            }
            k -= 1;
        }
        None
    }

    /// The subject of the clause around byte `at`: the nearest person (or "he"/"she") in the
    /// sentence before it that is followed by a verb, else the sentence's own subject.
    pub(super) fn governing_subject(&self, at: usize, extra: &[(usize, EntityId)]) -> Option<Who> {
        let s = self.sentence_of(at);
        let from = self.view.word_from(s.start);
        let to = self.view.word_from(at);
        for i in (from..to).rev() {
            // Names inside quote marks are the speaker's subject, not the text's.
            if self.in_quote(self.view.words[i].start) {
                continue;
            }
            // "Peter Hain's description of him as "…"": the words are the possessor's.
            if i + 1 < to
                && to <= i + 7
                && self.view.body[at..].starts_with(['"', '“'])
                && let Some(e) = self.possessor_of(i + 1)
                && !(i + 2..to).any(|k| self.verb_at(k) || self.view.is(k, WordClass::FINITE))
            {
                self.via.set(Via::Possessive);
                return Some(Who::Person(e));
            }
            // A new clause with its own subject that is no person: stop looking.
            if let Some(p) = self.view.person_ending(i) {
                if self.is_subject(p.first, p.last) {
                    // "when Chan reported on black jails, guards … called her a "traitor"": the
                    // subject of a clause closed by a comma before the quote is not its speaker.
                    if self.opens_subordinate_clause(p.first, p.last, to) {
                        return Some(Who::Unnamed);
                    }
                    return Some(self.who_ends_at(i, extra));
                }
            } else if self.view.is(i, WordClass::HE_SHE_ANY_CASE) && self.verb_after(i).is_some() {
                return Some(self.who_ends_at(i, extra));
            } else if self.verb_at(i) && comma_like(self.view.gap(i)) && i > from {
                if let Some(p) = self.appositive_before(i) {
                    return Some(Who::Person(p));
                }
            } else if (capitalised(self.word(i)) || self.lists.is_title(self.word(i)))
                && self.verb_after(i).is_some()
                && let Who::Person(e) = self.who_ends_at(i, extra)
            {
                return Some(Who::Person(e));
            }
            if i > from && self.view.is(i, WordClass::CONTRAST) && self.view.gap(i).contains(',') {
                break;
            }
        }
        let first = self.sentence_subject_at(at)?;
        let p = self.view.person_starting(first)?;
        if self.in_quote(p.start) {
            return None;
        }
        // "Rooney's display alarms the writer": the display is the subject.
        if self.view.words[p.last].possessive || self.opens_subordinate_clause(p.first, p.last, to) {
            return Some(Who::Unnamed);
        }
        Some(self.who_ends_at(p.last, extra))
    }
}
