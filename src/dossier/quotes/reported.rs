//! Reported speech: `X said that …`, `…, X said.`, an infinitive after "vowed", in
//! sentences without quote marks.

use super::*;

impl<'v, 'a> Attributor<'v, 'a> {
    /// Verb `v` goes on, before word `to`, with where or to whom it was said: a preposition
    /// ("claimed in a heated …") or, for a verb of telling, whom it told ("told BBC Radio 4").
    fn says_where_or_to_whom(&self, v: usize, to: usize) -> bool {
        v + 1 < to && (self.view.is(v + 1, WordClass::TIME_PREPOSITION) || self.view.is(v, WordClass::TELL_VERB))
    }

    /// The byte range of word `v`, a verb of saying.
    fn verb_range(&self, v: usize) -> (u32, u32) {
        let w = &self.view.words[v];
        (w.start as u32, w.end as u32)
    }

    /// Reported speech in sentences without quote marks.
    pub(super) fn paraphrases(&self, spans: &[Span], article: u32, said: &[(usize, EntityId)]) -> Vec<Quote> {
        let body = self.view.body;
        let mut out = Vec::new();
        for s in &self.sentences {
            let text = &body[s.clone()];
            if text.contains(['"', '“', '”']) || spans.iter().any(|q| q.outer_start < s.end && q.outer_end > s.start)
            {
                continue;
            }
            let text = text.trim_end();
            // A question reports nothing ("Did you expect …, noting …?").
            if text.ends_with('?') {
                continue;
            }
            let from = self.view.word_from(s.start);
            let to = self.view.word_from(s.end);
            let end = s.start + text.trim_end_matches(['.', '!', '?', ':']).len();
            // "…, Ms Hewitt told GMTV." / "…, argued Mr Howard." at the end names the speaker of the whole sentence, even
            // past an earlier verb of saying ("It was no good Mr Blair claiming …").
            self.via.set(Via::Name);
            // Further back only after a comma: "…, said Stuart Hensel of the …".
            let near = to.saturating_sub(4).max(from);
            // "…, an exiled journalist, wrote:" opens what follows: no trailer.
            let opens_next = text.ends_with(':');
            // "…, Tory leader Michael Howard has claimed in a heated …": the verb after the
            // last comma, before where it was said.
            // The words before the comma must be a clause ("… is damaging …"), not an opener
            // ("On his first day of questioning, Mr Sullivan admitted to …"); "to" after the
            // verb is an infinitive's ("pledged to continue").
            let last_comma = (from + 1..to).rev().find(|&k| comma_like(self.view.gap(k))).unwrap_or(to);
            let clause_before = (from..last_comma).any(|k| self.view.is(k, WordClass::FINITE));
            let after_comma = (last_comma..to.min(last_comma + 8)).filter(|&v| {
                clause_before && v < near && self.says_where_or_to_whom(v, to) && self.word(v + 1) != "to"
            });
            let trailer = (to.saturating_sub(24).max(from)..near)
                .filter(|&v| comma_like(self.view.gap(v)))
                .chain(after_comma)
                .chain(near..to)
                .filter(|&v| !opens_next && self.says(v).is_some_and(|h| h != Reports::Quote))
                .find_map(|v| self.trailing(v, from, to, said).map(|(e, comma)| (e, comma, v)))
                // An opener before the comma is no clause: "On his first day of questioning,
                // Mr Sullivan admitted to …", "Turning to the economy, the chancellor …".
                .filter(|&(_, comma, _)| {
                    let words = from..self.view.word_from(comma);
                    let first = self.word(from).to_lowercase();
                    let opener = self.lists.is(&first, WordClass::TIME_PREPOSITION) || first.ends_with("ing");
                    !opener || words.clone().any(|k| self.view.is(k, WordClass::FINITE) || self.is_verb(self.word(k)))
                });
            if let Some((e, comma, v)) = trailer {
                let rule = Rule { cue: Cue::ReportedTrailer, via: self.via.get() };
                out.push(Quote {
                    speaker: e,
                    article,
                    start: s.start as u32,
                    end: comma as u32,
                    paraphrase: true,
                    verb: Some(self.verb_range(v)),
                    rule,
                });
                continue;
            }
            let mut found: Vec<Quote> = Vec::new();
            let mut v = from;
            while v < to {
                let w = self.word(v);
                // "said ministers had invented a new category - and asked how police …": a
                // verb that reports no clause ends the one before at the "and" that joins it.
                if self.says(v) == Some(Reports::Quote)
                    && !self.lists.takes_infinitive(w)
                    && v > from
                    && self.view.joined(v)
                    && self.view.is(v - 1, WordClass::AND_BUT)
                    && let Some(prev) = found.last_mut()
                    && self.view.words[v - 1].start > prev.start as usize
                {
                    let cut = body[..self.view.words[v - 1].start].trim_end().trim_end_matches([',', '-', '–']);
                    prev.end = prev.end.min(cut.trim_end().len().max(prev.start as usize) as u32);
                }
                let Some(how) = self.says(v).filter(|&h| h != Reports::Quote || self.lists.takes_infinitive(w)) else {
                    v += 1;
                    continue;
                };
                if self.not_said(v, from) {
                    v += 1;
                    continue;
                }
                self.via.set(Via::Name);
                let start = match self.subject_of_verb(v, said) {
                    Some(Who::Person(e)) if !self.shared_or_relative_subject(e, v) && !self.asked_about(v) => {
                        self.reported_start(v, to, how).map(|start| (e, start))
                    }
                    // "Officials say the home secretary wants …": the rest is their report,
                    // not the home secretary's words.
                    Some(Who::Unnamed)
                        if found.is_empty()
                            && v > 0
                            && self.lists.is(self.word(v - 1).to_lowercase().as_str(), WordClass::ANONYMOUS_ROLE)
                            && self.reported_start(v, to, how).is_some() =>
                    {
                        break;
                    }
                    _ => None,
                };
                // "denied reports that …", "rejected claims that …": the clause is what the
                // reports claim, which the subject denies.
                let noun_that = v + 2 < to
                    && self.view.is(v, WordClass::DENIAL)
                    && (self.view.is(v + 1, WordClass::REPORTING_THING) || self.view.is(v + 1, WordClass::SPEECH_NOUN))
                    && self.word(v + 2) == "that";
                let start = start.filter(|_| !noun_that);
                let Some((e, start)) = start.filter(|&(_, start)| start < end) else {
                    v += 1;
                    continue;
                };
                // A second clause ("…, noting that …") ends the one before at its comma, or
                // before the "and" that joins it ("said Harry was privileged and said he …").
                if let Some(prev) = found.last_mut() {
                    // "and also said": words between subject and verb may sit in between.
                    let mut k = v.saturating_sub(1);
                    while k + 3 > v && k > 0 && self.view.is(k, WordClass::BETWEEN_SUBJECT_AND_VERB) {
                        k -= 1;
                    }
                    let joins =
                        k < v && self.view.is(k, WordClass::AND_BUT) && self.view.words[k].start > prev.start as usize;
                    // Else before the second verb's subject ("…, Peskov said they …").
                    let subject = if v > 0 && self.view.joined(v) {
                        match self.view.person_ending(v - 1) {
                            Some(p) => self.role_start(self.honorifics_start(p.first)),
                            None if self.view.is(v - 1, WordClass::SUBJECT_PRONOUN) => v - 1,
                            None => v,
                        }
                    } else {
                        v
                    };
                    let first = if joins { k } else { subject.max(self.view.word_from(prev.start as usize)) };
                    let clause = self.view.words[first].start;
                    let cut = body[..clause].trim_end().trim_end_matches(',').trim_end().len();
                    prev.end = prev.end.min(cut.max(prev.start as usize) as u32);
                }
                let rule = Rule { cue: Cue::Reported, via: self.via.get() };
                found.push(Quote {
                    speaker: e,
                    article,
                    start: start as u32,
                    end: end as u32,
                    paraphrase: true,
                    verb: Some(self.verb_range(v)),
                    rule,
                });
                v = self.view.word_from(start);
            }
            // "said that he estimated that …": cut at the second verb, the first clause is
            // one word ("he") and says nothing.
            out.extend(found.into_iter().filter(|q| body[q.start as usize..q.end as usize].trim().contains(' ')));
        }
        out
    }

    /// Whether the subject `e` of the verb of saying at word `v` shares the clause with
    /// someone ("Anthony McPartlin and Declan Donnelly … said": the gold gives such a clause
    /// to nobody), or opens a relative ("firms which he says were sold …": no clause of its
    /// own).
    fn shared_or_relative_subject(&self, e: EntityId, v: usize) -> bool {
        let before = self.view.words[v].start;
        let s = self.sentence_of(before);
        let Some(p) = self.view.persons.iter().rev().find(|p| p.entity == e && p.start < before && p.start >= s.start)
        else {
            // "he": a relative word right before it.
            let mut i = v;
            while i > 0 && self.view.joined(i) && self.view.is(i - 1, WordClass::BETWEEN_SUBJECT_AND_VERB) {
                i -= 1;
            }
            return i >= 2
                && self.view.joined(i - 1)
                && self.view.is(i - 1, WordClass::HE_SHE)
                && matches!(self.word(i - 2), "which" | "that");
        };
        let rs = self.role_start(p.first);
        rs >= 2 && self.view.joined(rs) && self.word(rs - 1) == "and" && self.view.person_ending(rs - 2).is_some()
    }

    /// Whether the verb of saying at word `v` (in the sentence from word `from`) says that
    /// nothing was said: "would not say how", "never told", "refused to say", "Neither Mr
    /// Howard nor Mr Letwin would say …".
    fn not_said(&self, v: usize, from: usize) -> bool {
        let mut k = v;
        while k > from && self.view.joined(k) {
            let w = self.word(k - 1);
            if self.lists.is(w, WordClass::NEGATION) {
                return true;
            }
            if !self.lists.is(w, WordClass::BETWEEN_SUBJECT_AND_VERB) {
                break;
            }
            k -= 1;
        }
        let refused = k >= from + 2
            && self.view.joined(k)
            && self.word(k - 1) == "to"
            && self.view.joined(k - 1)
            && self.view.is(k - 2, WordClass::REFUSAL);
        let neither = self.word(from) == "Neither" && !(from..v).any(|j| self.says(j).is_some());
        refused || neither
    }

    /// Whether the subject of the verb of saying at word `v` follows "whether" or "if": a
    /// question about what someone thinks ("on whether he thinks himself guilty", "asked if
    /// Mr Kim believes …") asserts nothing.
    fn asked_about(&self, v: usize) -> bool {
        let mut last = v;
        while last > 0 && self.view.joined(last) && self.view.is(last - 1, WordClass::BETWEEN_SUBJECT_AND_VERB) {
            last -= 1;
        }
        if last == 0 || !self.view.joined(last) {
            return false;
        }
        let first = match self.view.person_ending(last - 1) {
            Some(p) => self.role_start(self.honorifics_start(p.first)),
            None if self.view.is(last - 1, WordClass::SUBJECT_PRONOUN) => last - 1,
            None => return false,
        };
        first > 0 && self.view.joined(first) && self.view.is(first - 1, WordClass::QUESTION_OPENER)
    }

    /// `…, X said.` or `…, said X.` ending the sentence (words `from..to`): the speaker and
    /// where the comma is.
    pub(super) fn trailing(
        &self,
        v: usize,
        from: usize,
        to: usize,
        said: &[(usize, EntityId)],
    ) -> Option<(EntityId, usize)> {
        // The attribution is the sentence's last few words, or "said X" and who they are
        // ("…, said Stuart Hensel of the Economist Intelligence Unit.", "…, said Rahul
        // Chakkara, controller of BBCi's interactive TV services.").
        // Or the verb, then where or to whom it was said ("…, Tory leader Michael Howard has
        // claimed in a heated prime minister's questions.", "…, he told BBC Radio 4's Today
        // programme.").
        if v < from + 3 || (to - v > 4 && !self.says_where_or_to_whom(v, to) && !self.said_name_and_who(v, to)) {
            return None;
        }
        // "…, Peskov said they would not.": a clause after the verb is what it reports; the
        // words before the comma are not.
        if (v + 1..to).any(|k| self.view.is(k, WordClass::FINITE)) {
            return None;
        }
        let (who, first) = if self.view.joined(v) {
            // "…, Tony Blair has said."
            let mut last = v - 1;
            while last > from && self.view.joined(last + 1) && self.view.is(last, WordClass::PERFECT_AUX) {
                last -= 1;
            }
            let first = match self.view.person_ending(last) {
                Some(p) => self.role_start(self.honorifics_start(p.first)),
                None if self.view.is(last, WordClass::HE_SHE) => last,
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
                None if n < to && self.view.is(n, WordClass::ARTICLE) && self.lists.is_title(self.word(to - 1)) => {
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
            && !self.view.is(first - 1, WordClass::CLAUSE_LINK);
        if !self.view.gap(first).trim_start().starts_with(',') && !bare {
            return None;
        }
        match who {
            Who::Person(e) => Some((e, comma)),
            Who::Unnamed => None,
        }
    }

    /// Words `v..to` are "said X" and then only who X is: an aside after a comma or an "of"
    /// phrase, with no verb of its own.
    fn said_name_and_who(&self, v: usize, to: usize) -> bool {
        if self.view.joined(v) || to - v > 24 {
            return false;
        }
        let mut n = v + 1;
        while n < to && self.lists.is_honorific(self.word(n)) {
            n += 1;
        }
        let Some(p) = self.view.person_starting(n) else { return false };
        let after = p.last + 1;
        after < to
            && (comma_like(self.view.gap(after)) || (self.view.joined(after) && self.view.is(after, WordClass::OF_FOR)))
            && (after..to).all(|k| {
                let w = self.word(k);
                !self.lists.is(w, WordClass::FINITE) && self.lists.reports(w).is_none() && !self.is_verb(w)
            })
    }

    /// "told MPs the review would …", "told BBC Radio 4's Today programme Mr Blair had …":
    /// after the listener (from word `next`), a subject and a finite verb open the clause.
    pub(super) fn clause_after_object(&self, next: usize, to: usize) -> Option<usize> {
        for k in next + 1..(next + 8).min(to) {
            if !self.view.joined(k) && !self.view.words[k - 1].possessive {
                return None;
            }
            let w = self.word(k);
            let subject = match self.view.person_starting(k) {
                Some(p) => Some(p.last),
                None if self.lists.is(w, WordClass::SUBJECT_PRONOUN) => Some(k),
                None if self.lists.is(w, WordClass::DETERMINER) => Some(k),
                // "told the BBC progress had been made": a plain noun after a named listener.
                None if capitalised(self.word(k - 1))
                    && !capitalised(w)
                    && !self.lists.is(w, WordClass::BEFORE_OBJECT)
                    && !self.lists.is(w, WordClass::FINITE)
                    && !self.is_verb(w) =>
                {
                    Some(k)
                }
                None => None,
            };
            let Some(end) = subject else { continue };
            let clause = (end + 1..(end + 5).min(to)).any(|j| self.lists.is(self.word(j), WordClass::FINITE));
            if clause {
                let first = self.view.person_starting(k).map_or(k, |_| self.role_start(k));
                return Some(self.view.words[first.max(next + 1)].start);
            }
        }
        None
    }

    /// "to put Africa …" right after the verb, or after its listener ("urged the next
    /// government to boost …"): the word "to", when a verb follows it.
    pub(super) fn infinitive_after(&self, next: usize, to: usize) -> Option<usize> {
        let k = (next..(next + 6).min(to))
            .take_while(|&k| k == next || self.view.joined(k))
            .find(|&k| self.word(k) == "to")?;
        let verb = self.word(k + 1);
        let verb_like =
            k + 1 < to && self.view.joined(k + 1) && !capitalised(verb) && !self.lists.is(verb, WordClass::NOT_A_VERB);
        verb_like.then_some(k)
    }

    /// `Still, Burnidge said, many people want …`: a name (or "he") and a verb of saying
    /// open the sentence, after one word and a comma at most, and a comma and a clause
    /// follow, from word `next` to the sentence's end at word `to`.
    fn parenthetical_said(&self, v: usize, next: usize, to: usize) -> bool {
        if v == 0 || !self.view.joined(v) {
            return false;
        }
        let subject = match self.view.person_ending(v - 1) {
            Some(p) => Some(self.honorifics_start(p.first)),
            None => self.view.is(v - 1, WordClass::HE_SHE_ANY_CASE).then_some(v - 1),
        };
        let Some(first) = subject else { return false };
        let from = self.view.word_from(self.sentence_of(self.view.words[v].start).start);
        let opens = first == from || (first == from + 1 && self.view.gap(first).trim() == ",");
        let w = self.word(next);
        let plain = !capitalised(w)
            && !w.ends_with("ing")
            && !self.lists.is(
                w,
                WordClass::CONTRAST | WordClass::AND_BUT | WordClass::TIME_PREPOSITION | WordClass::SUBORDINATOR,
            )
            && !self.lists.is(w, WordClass::OPENS_ASIDE);
        let clause = (next + 1..(next + 6).min(to)).any(|k| self.lists.is(self.word(k), WordClass::FINITE));
        opens && plain && clause && to - next >= 3
    }

    /// Where the reported clause after the verb at word `v` starts, if there is one.
    pub(super) fn reported_start(&self, v: usize, to: usize, how: Reports) -> Option<usize> {
        let next = v + 1;
        // "said in a statement the instrument would …": where it was said, then the clause.
        let medium = how == Reports::Say
            && next + 3 < to
            && self.word(next) == "in"
            && (next + 1..=next + 3).all(|k| self.view.joined(k))
            && self.view.is(next + 1, WordClass::ARTICLE)
            && self.view.is(next + 2, WordClass::MEDIUM);
        let next = if medium { next + 3 } else { next };
        if next >= to {
            return None;
        }
        // "stated in the House of Commons on Tuesday that …": "that" within a few words.
        let that = (next..(next + 10).min(to)).find(|&k| self.word(k) == "that" && !self.view.words[k].possessive);
        let w = self.word(next);
        // "warned (musicians) against being …" warns off, it reports nothing.
        if (next..(next + 3).min(to))
            .take_while(|&k| k == next || self.view.joined(k))
            .any(|k| self.word(k) == "against")
        {
            return None;
        }
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
        let pronoun = self.lists.is(w, WordClass::SUBJECT_PRONOUN);
        let preposition = self.lists.is(w, WordClass::TIME_PREPOSITION);
        if let Some(k) = that
            && (preposition || !(how == Reports::Say || pronoun))
        {
            return (k + 1 < to).then(|| self.view.words[k + 1].start);
        }
        if self.view.is(v, WordClass::TELL_VERB) && !pronoun {
            return self.clause_after_object(next, to);
        }
        if preposition || !(how == Reports::Say || pronoun) {
            return None;
        }
        if self.view.gap(next) == ", " && self.parenthetical_said(v, next, to) {
            return Some(self.view.words[next].start);
        }
        // "said nothing", but "said nothing had changed".
        let clause_after = next + 1 < to && self.lists.is(self.word(next + 1), WordClass::FINITE);
        if !self.view.joined(next) || w == "so" || (self.lists.is(w, WordClass::NOTHING) && !clause_after) {
            return None;
        }
        // A clause, not a noun phrase: "stressed the plans would be paid", not "stressed the need".
        // "said he hopes to …": a pronoun and a present-tense verb make a clause too.
        let present = pronoun && next + 1 < to && {
            let v = self.word(next + 1);
            v.len() > 3 && v.ends_with('s') && !v.ends_with("ss") && !capitalised(v)
        };
        let finite = present
            || (next..to)
                .any(|k| self.lists.is(self.word(k), WordClass::FINITE) || (k > next && self.word(k).ends_with("ed")));
        (finite && to - next >= 3).then(|| self.view.words[next].start)
    }
}
