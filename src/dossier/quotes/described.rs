//! Speakers named by a description the article introduced them with: "the 36-year-old"
//! for "Marcel Desailly, 36," or "36-year-old Marcel Desailly"; "the director behind JFK"
//! for "Director Oliver Stone". One person so introduced, or nobody.

use super::*;

/// The age in an age word: "36" of "36-year-old".
fn age_word(w: &str) -> Option<&str> {
    w.strip_suffix("-year-old").filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

impl<'v, 'a> Attributor<'v, 'a> {
    /// The person the age word at `last` ("36-year-old") describes, if the article gives
    /// that age to one person; None when `last` is no age word. An age the article gives no
    /// one ("the 36-year-old said" after "Former Chelsea captain Desailly says") is whoever
    /// "he" would be, unless the article gives them another age.
    pub(super) fn aged(&self, last: usize, extra: &[(usize, EntityId)]) -> Option<Who> {
        let age = age_word(self.word(last))?;
        let mut who = self.view.persons.iter().filter(|p| self.age_given(p) == Some(age));
        let first = who.next().map(|p| p.entity);
        if first.is_none() {
            let at = self.view.words[last].start;
            let he = self
                .pronoun(at, extra, None)
                .filter(|&e| self.view.persons.iter().filter(|p| p.entity == e).all(|p| self.age_given(p).is_none()));
            if he.is_some() {
                self.via.set(Via::Role);
            }
            return Some(he.map_or(Who::Unnamed, Who::Person));
        }
        let one = first.filter(|&e| who.all(|p| p.entity == e));
        Some(one.map_or(Who::Unnamed, |e| {
            self.via.set(Via::Role);
            Who::Person(e)
        }))
    }

    /// The age the article gives at mention `p`: "36-year-old Marcel Desailly" or "Marcel
    /// Desailly, 36,".
    fn age_given(&self, p: &crate::dossier::view::Person) -> Option<&'a str> {
        if p.first > 0
            && self.view.joined(p.first)
            && let Some(n) = age_word(self.word(p.first - 1))
        {
            return Some(n);
        }
        let k = p.last + 1;
        let w = (k < self.n_words()).then(|| self.word(k))?;
        (matches!(self.view.gap(k).trim(), "," | "(")
            && !w.is_empty()
            && w.bytes().all(|b| b.is_ascii_digit())
            && (k + 1 >= self.n_words() || self.view.gap(k + 1).trim_start().starts_with([',', ')', '.', ';'])))
        .then_some(w)
    }

    /// `said the director behind JFK`: "the" at word `the`, then within a few words a title
    /// (or an age) that ends the role; the one person of the article given that role.
    pub(super) fn described_after(&self, the: usize) -> Option<EntityId> {
        for k in the + 1..(the + 4).min(self.n_words()) {
            if !self.view.joined(k) || self.view.person_starting(k).is_some() {
                return None;
            }
            if let Some(who) = self.aged(k, &[]) {
                return match who {
                    Who::Person(e) => Some(e),
                    Who::Unnamed => None,
                };
            }
            let role_goes_on =
                k + 1 < self.n_words() && self.view.joined(k + 1) && self.lists.is_title(self.word(k + 1));
            if !self.lists.is_title(self.word(k)) || role_goes_on {
                continue;
            }
            let key = role_key(&self.view.body[self.view.words[the + 1].start..self.view.words[k].end]);
            let mut holders = self.roles.iter().filter(|(r, _)| same_role(r, &key)).map(|h| h.1);
            let e = holders.next()?;
            if holders.all(|o| o == e) {
                self.via.set(Via::Role);
                return Some(e);
            }
            return None;
        }
        None
    }
}

impl<'v, 'a> Attributor<'v, 'a> {
    /// `the paper quoted Mr Chernin as saying`: the one quoted at word `v` ("quoted") speaks,
    /// not the paper.
    pub(super) fn quoted_as_saying(&self, v: usize) -> Option<EntityId> {
        if !matches!(self.word(v), "quoted" | "quotes" | "quoting") {
            return None;
        }
        let mut n = v + 1;
        while n < self.n_words() && self.view.joined(n) && self.lists.is_honorific(self.word(n)) {
            n += 1;
        }
        let p = self.view.person_starting(n).filter(|_| n < self.n_words() && self.view.joined(n))?;
        let (a, s) = (p.last + 1, p.last + 2);
        let as_saying = s < self.n_words()
            && self.view.joined(a)
            && self.view.joined(s)
            && self.word(a) == "as"
            && self.lists.reports(self.word(s)).is_some();
        as_saying.then_some(p.entity)
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests_support::found;

    fn q(who: &str, text: &str) -> (String, String, bool) {
        (who.to_string(), text.to_string(), false)
    }

    #[test]
    fn a_description_is_the_person_the_article_introduced_with_it() {
        let got = found(
            "Box office\n\nDirector Oliver Stone's epic failed.\n\nHe met John Smith. \"Europeans see me differently,\" \
             said the director behind JFK, Platoon and Born on the Fourth of July.",
        );
        assert_eq!(got, [q("Oliver Stone", "Europeans see me differently,")]);
        for t in [
            "Derby\n\nMarcel Desailly, 36, met John Terry.\n\nJohn Terry spoke. \"We are stronger,\" the 36-year-old said.",
            "Derby\n\n36-year-old Marcel Desailly met John Terry.\n\nJohn Terry spoke. \"We are stronger,\" said the \
             36-year-old.",
        ] {
            assert_eq!(found(t), [q("Marcel Desailly", "We are stronger,")], "{t}");
        }
    }

    #[test]
    fn the_one_a_paper_quotes_as_saying_speaks() {
        let got = found(
            "Games\n\nPeter Chernin spoke to the Financial Times.\n\nVideo games are \"big business\", the paper \
             quoted Mr Chernin as saying.",
        );
        assert_eq!(got, [q("Peter Chernin", "big business")]);
    }

    #[test]
    fn a_description_the_article_gives_nobody_or_two_people_is_nobody() {
        for t in [
            "Derby\n\nMarcel Desailly met John Terry, 24.\n\nJohn Terry spoke. \"We are stronger,\" the 36-year-old said.",
            "Derby\n\nMarcel Desailly, 36, met John Terry, 36.\n\n\"We are stronger,\" the 36-year-old said.",
            "Box office\n\nDirector Oliver Stone met director Ang Lee.\n\n\"It is hard,\" said the director behind JFK.",
        ] {
            let got = found(t);
            assert!(got.is_empty(), "{t}: {got:?}");
        }
    }
}
