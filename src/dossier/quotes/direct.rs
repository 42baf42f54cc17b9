//! Words in quote marks: the spans, the utterances they make up, and the speaker named
//! after or before them.

use super::*;

/// How many paragraphs a quote left open in tokenised text goes on into.
const MAX_CARRIED: usize = 6;

/// Text tokenised as CoNLL's is (`it 's big , he said .`): a space before every comma.
fn tokenised(body: &str) -> bool {
    let commas = body.matches(',').count();
    commas >= 3 && body.matches(" , ").count() * 10 >= commas * 9
}

impl<'v, 'a> Attributor<'v, 'a> {
    /// Quote spans of the body, in order.
    pub(super) fn spans(&self) -> Vec<Span> {
        let body = self.view.body;
        let mut out: Vec<Span> = Vec::new();
        // A quote mark that ends a paragraph with nothing after it opens the next one:
        // tokenised text splits `… said . " Anytime …` into sentence paragraphs. There, a
        // quote left open goes on into the next paragraphs (sentences) until it closes; the
        // mark of one it goes on into is that paragraph's start.
        let tokenised = tokenised(body);
        let mut dangling: Option<usize> = None;
        let mut carried = 0;
        for para in paragraphs(body) {
            let text = &body[para.clone()];
            let mut open: Option<(usize, usize)> = None; // (mark start, text start)
            // A mark alone on its line closes the quote carried into it (`… results ? '` then
            // `"`): read as an opening, it would make the sentences after it a quote.
            if dangling.is_some() && matches!(text.trim(), "\"" | "”") {
                dangling = None;
                continue;
            }
            if let Some(mark) = dangling.take()
                && !text.starts_with(['"', '“', '‘'])
            {
                open = Some((mark.min(para.start), para.start));
            }
            // Single marks (‘…’) open quotes only in a paragraph without double ones, where
            // they cannot be quotes inside quotes; a ’ closes only an open quote ("It’s" has
            // a letter after it).
            let marks: &[char] =
                if text.contains(['"', '“', '”']) { &['"', '“', '”'] } else { &['‘', '’'] };
            // Only quote marks matter: skip to them (most paragraphs have few).
            for (i, c) in text.match_indices(marks).map(|(i, m)| (i, m.chars().next().unwrap_or('"'))) {
                let at = para.start + i;
                let prev = text[..i].chars().next_back();
                let next = text[i + c.len_utf8()..].chars().next();
                let spaced_before = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p));
                let spaced_after = next.is_none_or(|n| n.is_whitespace() || ".,;:!?)]—–-".contains(n));
                let (opens, closes) = match c {
                    '“' => (true, false),
                    '”' => (open.is_none() && spaced_before && !spaced_after, open.is_some()),
                    // Spaced both sides (tokenised text, or a typo: `industry, " Eric`):
                    // it closes an open quote, else it opens one.
                    '"' if spaced_before && spaced_after => (open.is_none(), open.is_some()),
                    '"' => (spaced_before && !spaced_after, !spaced_before && open.is_some()),
                    '‘' => (spaced_before && !spaced_after, false),
                    '’' => (false, open.is_some() && next.is_none_or(|n| !n.is_alphanumeric())),
                    _ => continue,
                };
                if closes {
                    if let Some((mark, start)) = open.take() {
                        out.push(Span {
                            start,
                            end: start + body[start..at].trim_end().len(),
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
                    // `" a worrying issue …"`: the words start after the space.
                    let words = at + c.len_utf8();
                    open = Some((at, words + (body[words..para.end].len() - body[words..para.end].trim_start().len())));
                }
            }
            if let Some((mark, start)) = open {
                let end = start + body[start..para.end].trim_end().len();
                if end == start && mark >= para.start {
                    dangling = Some(mark);
                } else {
                    out.push(Span { start, end, outer_start: mark, outer_end: end, open_ended: true });
                    // A stray mark must not make the rest of the text a quote.
                    carried = if mark >= para.start { 0 } else { carried + 1 };
                    if tokenised && carried < MAX_CARRIED {
                        dangling = Some(usize::MAX);
                    }
                }
            }
        }
        out.retain(|s| s.end > s.start && !self.is_title_or_name(s));
        out
    }

    /// "Truth Social", "Politico": a quoted name or title, not words someone said.
    pub(super) fn is_title_or_name(&self, s: &Span) -> bool {
        if self.view.is_name(s.start, s.end) {
            return true;
        }
        let text = self.view.body[s.start..s.end].trim_end_matches([',', '.']);
        if self.quoted_title(s, text) || self.gloss(s) {
            return true;
        }
        let words: Vec<&str> = text.split_whitespace().collect();
        !s.open_ended
            && !words.is_empty()
            && words.len() <= 5
            && words.iter().all(|w| capitalised(w) || self.lists.is(w, WordClass::TITLE_WORD))
            && !text.ends_with(['!', '?'])
    }

    /// A translation in brackets: "Movimiento Sin Miedo ("Movement without Fear" in
    /// Spanish)", "(Spanish for "little pepper")", "("the lion")": the writer's gloss. Not
    /// of words in quote marks: "has "white hands" (Arabic for "a shining track record")"
    /// translates what the speaker said.
    fn gloss(&self, s: &Span) -> bool {
        let body = self.view.body;
        let before = body[..s.outer_start].trim_end();
        let Some((glossed, _)) = before.rsplit_once('(') else { return false };
        if glossed.trim_end().ends_with(['"', '”', '’', '\'']) {
            return false;
        }
        let opened = before.ends_with('(')
            || before.strip_suffix(" for").is_some_and(|b| {
                b.rsplit_once('(').is_some_and(|(_, lang)| !lang.contains(' ') && lang.starts_with(char::is_uppercase))
            });
        let after = body[s.outer_end..].trim_start();
        let closed = after.starts_with(')')
            || after.strip_prefix("in ").is_some_and(|a| {
                a.split_once(')').is_some_and(|(lang, _)| !lang.contains(' ') && lang.starts_with(char::is_uppercase))
            });
        opened && closed
    }

    /// A title or term by the words around it: after "titled", "dubbed" or "so-called" (a
    /// word may come between: "the so-called the \"…\""), after "known (then) as (the)", a
    /// title in capitals after a work ("documentary \"Slavery: …\"") or a name in capitals
    /// before a noun that names ("the \"Freedom to Write\" award").
    fn quoted_title(&self, s: &Span, text: &str) -> bool {
        let body = self.view.body;
        let next = self.view.word_from(s.outer_start);
        if next == 0 || !body[self.view.words[next - 1].end..s.outer_start].trim().is_empty() {
            return false;
        }
        let last = next - 1;
        if self.view.is(last, WordClass::TITLE_CUE)
            || (last > 0 && self.view.is(last - 1, WordClass::TITLE_CUE) && self.view.joined(last))
        {
            return true;
        }
        // "known then as the "Eton of the valleys"": a name something goes by.
        let article = usize::from(self.view.is(last, WordClass::ARTICLE) || self.view.is(last, WordClass::THE));
        if last > article
            && self.word(last - article) == "as"
            && (last - article..=last).all(|k| self.view.joined(k))
            && (last.saturating_sub(article + 3)..last - article).any(|k| self.word(k) == "known")
        {
            return true;
        }
        let in_capitals = text.chars().next().is_some_and(char::is_uppercase);
        if !in_capitals || s.open_ended {
            return false;
        }
        if self.view.is(last, WordClass::TITLE_NOUN) {
            return true;
        }
        let after = self.view.word_from(s.outer_end);
        after < self.n_words()
            && body[s.outer_end..self.view.words[after].start].trim().is_empty()
            && self.view.is(after, WordClass::NAME_NOUN)
    }

    /// Utterances: runs of spans joined by open ends.
    pub(super) fn utterances(&self, spans: &[Span]) -> Vec<std::ops::Range<usize>> {
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
    pub(super) fn speaker_after(&self, outer_end: usize, extra: &[(usize, EntityId)]) -> Option<Who> {
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
            || self.lists.is(w, WordClass::OPENS_ATTRIBUTION)
            || self.lists.is_title(w)
            || self.lists.reports(w).is_some();
        if !opens {
            return None;
        }
        let s = self.sentence_of(outer_end.saturating_sub(1));
        if let Some(e) = self.named_before_aside(first, s.end) {
            return Some(Who::Person(e));
        }
        // The reporting verb within the next few words of the same sentence, a name counting
        // as one word ("the Commission's chief spokesman Nikolaus van der Pas told").
        let mut reach = first + 6;
        let mut k = first;
        while k < reach.min(self.n_words()) {
            let p = self.view.person_starting(k);
            reach += p.map_or(0, |p| p.last - k);
            k = p.map_or(k, |p| p.last) + 1;
        }
        for v in first..reach.min(self.n_words()) {
            let w = &self.view.words[v];
            if w.start >= s.end || (v > first && !self.view.joined(v) && !self.view.words[v - 1].possessive) {
                break;
            }
            if let Some(e) = self.quoted_as_saying(v) {
                return Some(Who::Person(e));
            }
            // `"…," the Arsenal boss is quoted as saying`: the subject of the passive.
            if v >= first + 2
                && matches!(self.word(v), "quoted" | "reported")
                && matches!(self.word(v - 1), "is" | "was")
                && v + 1 < self.n_words()
                && self.word(v + 1) == "as"
                && self.view.joined(v + 1)
            {
                return Some(self.who_ends_at(v - 2, extra));
            }
            if self.says(v).is_none() {
                continue;
            }
            // `Reminded that Ferguson called him "a disgrace", Wenger added: "…"`: a speaker
            // and a colon introduce the quote after; one inside narration before is not theirs.
            if v + 1 < self.n_words()
                && self.view.gap(v + 1).trim_start().starts_with(':')
                && !self.opens_sentence(outer_end)
            {
                return None;
            }
            if v > first {
                // `"…," he will say`, `"…," Mr Blair has said`, `"…," he was due to say`.
                let mut last = v - 1;
                while last > first && self.view.is(last, WordClass::BEFORE_SAYING_VERB) {
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
            if self.view.is(v + 1, WordClass::THE)
                && let Some(e) = self.described_after(v + 1)
            {
                return Some(Who::Person(e));
            }
            // "said Tory shadow local government secretary Caroline Spelman": role words,
            // then the name.
            // "said Sky Networks' Sophie Turner Laing": a plural possessive joins too.
            // "said Office of Personnel Management (OPM) Director Kiran Ahuja": an acronym in
            // brackets joins too.
            let bracketed = |k: usize| {
                let acronym = |k: usize| self.word(k).chars().all(|c| c.is_uppercase() || c == '.');
                (self.view.gap(k) == " (" && acronym(k)) || (self.view.gap(k) == ") " && acronym(k - 1))
            };
            let joined = |k: usize| {
                self.view.joined_past_possessive(k)
                    || (self.word(k - 1).ends_with('s') && matches!(self.view.gap(k), "' " | "’ "))
                    || bracketed(k)
            };
            let mut n = v + 1;
            while n < self.n_words()
                && n < v + 10
                && (self.view.joined(n) || bracketed(n))
                && self.view.person_starting(n).is_none()
                && n + 1 < self.n_words()
                && joined(n + 1)
                && {
                    let w = self.word(n);
                    // "said Nortel president and chief executive Bill Owens".
                    let title_and = w == "and" && n > v + 1 && self.lists.is_title(self.word(n - 1));
                    !self.lists.is(w, WordClass::ENDS_ROLE_RUN)
                        && (!self.lists.is(w, WordClass::BEFORE_OBJECT) || title_and || self.view.in_name(n))
                        && !self.is_verb(w)
                }
            {
                n += 1;
            }
            if n < self.n_words() && joined(n) {
                if let Some(p) = self.view.person_starting(n) {
                    // "said Blair's spokesman": someone of theirs speaks, not them.
                    if self.view.words[p.last].possessive {
                        return Some(Who::Unnamed);
                    }
                    return Some(Who::Person(p.entity));
                }

                return if self.view.is(n, WordClass::HE_SHE) {
                    Some(self.who_ends_at(n, extra))
                } else if self.view.is(n, WordClass::ARTICLE) || self.view.in_name(n) {
                    // "said a spokesman", "said M&S": no person speaks.
                    Some(Who::Unnamed)
                } else {
                    None
                };
            }
            return None;
        }
        None
    }

    /// `"…," Peskov, a spokesman for the Kremlin, said`, `"…," Rabbi Marvin Hier, founder of
    /// the Simon Wiesenthal Center said`: a name from word `first`, an aside after a comma
    /// that opens in lower case, with a number or a firm's possessive (no second name:
    /// "Blair, Brown and … said" is several), then a verb of saying, all before byte `end`.
    fn named_before_aside(&self, first: usize, end: usize) -> Option<EntityId> {
        let p = self.view.person_starting(first)?;
        let aside = p.last + 1;
        if self.view.words[p.last].possessive || aside >= self.n_words() || !self.view.gap(aside).starts_with(',') {
            return None;
        }
        let opener = self.word(aside);
        // `Eric Abensur, Wanadoo's chief executive told`: a firm's role, no second person.
        let firms_role = self.view.words[aside].possessive
            && self.view.person_at[aside].is_none()
            && aside + 1 < self.n_words()
            && self.word(aside + 1).starts_with(char::is_lowercase);
        if !firms_role && !opener.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit()) {
            return None;
        }
        for k in aside + 1..(aside + 16).min(self.n_words()) {
            let w = &self.view.words[k];
            let gap = self.view.gap(k);
            if w.start >= end || gap.contains(['"', '“', '”', '(', ')']) {
                return None;
            }
            if self.says(k).is_some() && !self.word(k).ends_with("ing") {
                return (self.view.joined(k) || gap.trim() == ",").then_some(p.entity);
            }
        }
        None
    }

    /// "said its chairman, Sir Anthony Greener.", "said the chairman of the Commons
    /// committee, Labour MP Barry Sheerman.": a role from word `n`, then after a comma the
    /// person who ends the sentence (ending at byte `end`).
    pub(super) fn named_at_the_end(&self, n: usize, end: usize) -> Option<EntityId> {
        if n >= self.n_words() || !self.view.joined(n) || !self.view.is(n, WordClass::DETERMINER) {
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
    /// (`Zelensky stated, "…"`, `Mr Thomas said: "…"`), else the clause's subject; and which
    /// of the two it was.
    pub(super) fn speaker_before(&self, outer_start: usize, extra: &[(usize, EntityId)]) -> Option<(Who, Cue)> {
        if self.cried(outer_start) {
            return Some((Who::Unnamed, Cue::Clause));
        }
        let s = self.sentence_of(outer_start);
        let to = self.view.word_from(outer_start);
        let from = self.view.word_from(s.start);
        if to == from {
            return None;
        }
        // `According to Mr Waller, Exxon "were not planning to bid …"`.
        if self.word(from).eq_ignore_ascii_case("according") && from + 2 < to && self.word(from + 1) == "to" {
            let mut n = from + 2;
            while n + 1 < to && self.lists.is_honorific(self.word(n)) {
                n += 1;
            }
            if let Some(p) = self.view.person_starting(n)
                && p.last + 1 < to
                && self.view.gap(p.last + 1).trim_start().starts_with(',')
            {
                return Some((Who::Person(p.entity), Cue::Before));
            }
        }
        let last = to - 1;
        let lead = self.view.body[self.view.words[last].end..outer_start].trim();
        if self.says(last).is_some() && matches!(lead, "" | "," | ":") {
            return self.subject_of_verb(last, extra).map(|w| (w, Cue::Before));
        }
        // `Peskov said Putin had told him: "…"`: the one who told.
        if lead == ":"
            && last > from
            && self.view.is(last, WordClass::OBJECT_PRONOUN)
            && self.view.is(last - 1, WordClass::TELL_VERB)
            && self.says(last - 1).is_some()
        {
            return self.subject_of_verb(last - 1, extra).map(|w| (w, Cue::Before));
        }
        // `Said Wales assistant coach Scott Johnson: "…"`: the verb first, then who said it.
        if lead == ":"
            && capitalised(self.word(from))
            && self.lists.reports(&self.word(from).to_lowercase()).is_some()
            && let Some(p) = self.view.person_ending(last)
            && p.first <= from + 5
            && (from + 1..=p.first).all(|j| self.view.joined(j) && !self.verb_at(j))
        {
            return Some((Who::Person(p.entity), Cue::Before));
        }
        if self.word(last) == "that" && last > from && self.says(last - 1).is_some() {
            return self.subject_of_verb(last - 1, extra).map(|w| (w, Cue::Before));
        }
        // `Richard Thomas "totally condemned" …`; but in `Mr Johnson … said Mr Blair "should
        // butt out"` the name is what the reporter speaks of.
        if lead.is_empty()
            && let Some(p) = self.view.person_ending(last)
            && !self.reported_subject(p.first)
        {
            return Some((Who::Person(p.entity), Cue::Before));
        }
        // `a report which branded the law as "a mess"`: the words of what the relative
        // clause is about, not of the sentence's subject.
        if matches!(lead, "") && self.thing_relative_before(from, last) {
            return Some((Who::Unnamed, Cue::Clause));
        }
        // `Mr Bradshaw was told that … was "not in fact hunting"`: the sentence's subject
        // heard the words, someone else said them.
        if (from + 2..=last).any(|k| {
            self.word(k) == "told"
                && self.view.joined(k)
                && matches!(self.word(k - 1), "was" | "were")
                && self.view.person_ending(k - 2).is_some_and(|p| {
                    // Only an opener before it ("In a later conversation Mr Bradshaw was told").
                    let first = self.role_start(self.honorifics_start(p.first));
                    (from..first)
                        .all(|j| !self.verb_at(j) && self.says(j).is_none() && self.view.person_at[j].is_none())
                })
        }) {
            return Some((Who::Unnamed, Cue::Clause));
        }
        let who = self.reporter(from, last, extra).or_else(|| {
            // `Wenger was fined and "severely reprimanded" by the FA`: words said of the
            // subject, by someone else.
            let end = self.quoted_end(outer_start);
            let after = self.view.word_from(end);
            let passive = after < self.n_words()
                && self.word(after) == "by"
                && self.view.body[end..self.view.words[after].start].trim().is_empty();
            if passive { None } else { self.governing_subject(outer_start, extra) }
        });
        who.map(|w| (w, Cue::Clause))
    }

    /// `the cries of "impossible to regulate" and "just apply offline laws online"`: words
    /// a crowd cries, nobody's in particular.
    fn cried(&self, outer_start: usize) -> bool {
        let body = self.view.body;
        let mut before = body[..outer_start].trim_end();
        // One quote before, joined by "and" or "or", cried too.
        for joiner in [" and", " or", ","] {
            if let Some(rest) = before.strip_suffix(joiner)
                && let Some(rest) = rest.trim_end().strip_suffix(['"', '”'])
                && let Some(open) = rest.rfind(['"', '“'])
            {
                before = rest[..open].trim_end();
                break;
            }
        }
        let mut words = before.rsplit(' ');
        let (of, noun) = (words.next(), words.next());
        of == Some("of") && noun.is_some_and(|w| self.lists.is(w, WordClass::CRY_NOUN))
    }

    /// Whether the name from word `first` opens a reported clause: a verb of saying (or its
    /// "that") right before the name and its role words.
    fn reported_subject(&self, first: usize) -> bool {
        let k = self.role_start(first);
        if k == 0 || !self.view.joined(k) {
            return false;
        }
        let before = k - 1;
        let v = if self.word(before) == "that" && before > 0 && self.view.joined(before) { before - 1 } else { before };
        self.says(v).is_some()
    }

    /// Where the quote whose opening mark is at `outer_start` ends, with its closing mark.
    fn quoted_end(&self, outer_start: usize) -> usize {
        self.quoted.iter().find(|s| s.outer_start == outer_start).map_or(outer_start, |s| s.outer_end)
    }

    /// Whether the quote ending at `outer_end` opens its sentence (nothing but marks before).
    fn opens_sentence(&self, outer_end: usize) -> bool {
        let Some(q) = self.quoted.iter().rev().find(|s| s.outer_end <= outer_end) else { return true };
        let s = self.sentence_of(q.outer_start);
        self.view.body[s.start.min(q.outer_start)..q.outer_start].trim().is_empty()
    }

    /// A quote inside reported speech is the reporter's words, whoever the reported clause
    /// is about: `Anne Robinson said as home secretary he would "like to kick your cat"`.
    /// The subject of the first verb of saying among words `from..=last` whose clause starts
    /// before the quote, when that is a person (not "The White House maintained that …").
    pub(super) fn reporter(&self, from: usize, last: usize, extra: &[(usize, EntityId)]) -> Option<Who> {
        // The reporter, and whether they are surely nobody rather than someone not resolved.
        let who = (from..=last).find_map(|v| {
            let w = self.word(v);
            let how = self.says(v).filter(|&h| h != Reports::Quote && !w.ends_with("ing"))?;
            self.reported_start(v, last + 1, how)?;
            // "Officials say the home secretary wants … "other cultural identities"", "the
            // Scottish Executive has insisted …": reported by nobody we can name. But "The
            // White House maintained that …, with Karoline Leavitt asserting that they were
            // "…"": a person reports them after.
            // "…, with Mr Dixon quoted as saying that …" too.
            let named_after = (v + 1..=last).any(|j| {
                let quoted_as = j > v + 3 && self.word(j - 1) == "as" && self.word(j - 2) == "quoted";
                self.says(j).is_some() && self.view.person_ending(if quoted_as { j - 3 } else { j - 1 }).is_some()
            });
            if self.unnamed_subject(v) && !named_after {
                return Some((Who::Unnamed, true));
            }
            self.subject_of_verb(v, extra).map(|w| (w, false))
        });
        who.filter(|&(w, nobody)| nobody || matches!(w, Who::Person(_))).map(|(w, _)| w)
    }

    /// Whether a relative clause about a thing ("which branded …", "that called …") opens
    /// between words `from` and `last`, with no person named after it.
    fn thing_relative_before(&self, from: usize, last: usize) -> bool {
        let Some(k) = (from..last).rev().find(|&k| self.word(k) == "which" && self.verb_at(k + 1)) else {
            return false;
        };
        // Still open at the quote: no aside closed since ("Factory - which lasted … - but
        // conceded").
        (k..=last).all(|j| self.view.person_at[j].is_none() && !self.view.is(j, WordClass::HE_SHE_ANY_CASE))
            && (k + 1..=last).all(|j| !comma_like(self.view.gap(j)))
    }

    /// Whether the subject right before the verb of saying at word `v` is someone unnamed
    /// ("officials", "sources"), a thing or body that reports ("news reports", "the firm"), or
    /// a name that is no person's ("the Scottish Executive").
    fn unnamed_subject(&self, v: usize) -> bool {
        let mut i = v;
        while i > 0 && self.view.joined(i) && self.lists.is(self.word(i - 1), WordClass::BETWEEN_SUBJECT_AND_VERB) {
            i -= 1;
        }
        i > 0 && self.view.joined(i) && self.view.person_at[i - 1].is_none() && {
            let w = self.word(i - 1).to_lowercase();
            self.lists.is(&w, WordClass::ANONYMOUS_ROLE | WordClass::REPORTING_THING | WordClass::ORG_CUE)
                || self.view.in_name(i - 1)
                || (capitalised(self.word(i - 1)) && self.view.is(i - 1, WordClass::ORG_HEAD))
        }
    }
}
