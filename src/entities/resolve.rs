//! Linking mentions into entities across an article and the whole corpus: every form of one
//! person ("Sir Keir", "Keir Starmer", "Starmer") becomes one entity with a stable id.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};

use super::gazetteer::{Gazetteer, is_whole_word};
use super::lexicon::Lexicon;
use super::recognise::{Candidate, Target};
use super::tokens::tokenize;
use super::{Kind, slug};
use crate::corpus::{Article, Field};

/// A mention linked to an entity key (its id), before the index numbers entities.
#[derive(Debug, Clone)]
pub struct Linked {
    pub field: Field,
    pub start: usize,
    pub end: usize,
    pub key: EntityKey,
}

/// Who a linked mention is: a gazetteer entry, or a person the rules found (by name).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum EntityKey {
    Known(u32),
    Person(String),
}

/// The candidates of one article, per field (the title only when it is a real headline).
pub struct ArticleCandidates {
    pub title: Vec<Candidate>,
    pub body: Vec<Candidate>,
}

impl ArticleCandidates {
    fn fields_mut(&mut self) -> [(Field, &mut Vec<Candidate>); 2] {
        [(Field::Title, &mut self.title), (Field::Body, &mut self.body)]
    }

    fn all(&self) -> impl Iterator<Item = (Field, &Candidate)> {
        self.title.iter().map(|c| (Field::Title, c)).chain(self.body.iter().map(|c| (Field::Body, c)))
    }
}

/// What the corpus as a whole knows about person names.
struct People<'g> {
    gazetteer: &'g Gazetteer,
    /// Gazetteer persons by name and alias, to merge a rule-found name into the entry.
    known_forms: HashMap<&'g str, u32>,
    /// Surname → the people (full-name entities) the corpus has with it.
    by_surname: HashMap<String, Vec<EntityKey>>,
    by_given: HashMap<String, Vec<EntityKey>>,
}

impl<'g> People<'g> {
    fn new(gazetteer: &'g Gazetteer) -> Self {
        let mut people =
            People { gazetteer, known_forms: HashMap::new(), by_surname: HashMap::new(), by_given: HashMap::new() };
        for (i, e) in gazetteer.entries.iter().enumerate() {
            if e.kind == Kind::Person {
                for form in std::iter::once(&e.name).chain(&e.aliases) {
                    people.known_forms.insert(form, i as u32);
                }
                people.add_full_name(&e.name, EntityKey::Known(i as u32));
            }
        }
        people
    }

    fn add_full_name(&mut self, name: &str, key: EntityKey) {
        let words: Vec<&str> = name.split(' ').collect();
        if words.len() < 2 {
            return;
        }
        for (map, word) in [(&mut self.by_surname, words[words.len() - 1]), (&mut self.by_given, words[0])] {
            let keys = map.entry(word.to_string()).or_default();
            if !keys.contains(&key) {
                keys.push(key.clone());
            }
        }
    }

    fn key_of_full_name(&self, name: &str) -> EntityKey {
        match self.known_forms.get(name) {
            Some(&i) => EntityKey::Known(i),
            None => EntityKey::Person(name.to_string()),
        }
    }

    /// The one person in the corpus with this surname (or given name), if there is just one.
    fn unique(&self, word: &str, given: bool) -> Option<EntityKey> {
        let map = if given { &self.by_given } else { &self.by_surname };
        match map.get(word).map(Vec::as_slice) {
            Some([only]) => Some(only.clone()),
            _ => None,
        }
    }
}

/// Links every article's candidates. Articles are in corpus order, as are the candidates.
pub fn link(articles: &[Article], mut candidates: Vec<ArticleCandidates>, gazetteer: &Gazetteer) -> Vec<Vec<Linked>> {
    let mut people = People::new(gazetteer);
    for cands in &candidates {
        for (_, c) in cands.all() {
            if let Target::FullName(name) = &c.target {
                let key = people.key_of_full_name(name);
                people.add_full_name(name, key);
            }
        }
    }
    add_uncued_full_names(articles, &mut candidates, &people);
    articles.iter().zip(&mut candidates).map(|(article, cands)| link_article(article, cands, &people)).collect()
}

/// A full name found by a cue anywhere is a mention wherever else it is written.
fn add_uncued_full_names(articles: &[Article], candidates: &mut [ArticleCandidates], people: &People) {
    let names: Vec<&str> = people
        .by_surname
        .values()
        .flatten()
        .filter_map(|k| match k {
            EntityKey::Person(n) => Some(n.as_str()),
            EntityKey::Known(_) => None,
        })
        .collect();
    if names.is_empty() {
        return;
    }
    let automaton = AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(&names).expect("names build");
    for (article, cands) in articles.iter().zip(candidates) {
        for (field, list) in cands.fields_mut() {
            if field == Field::Title && !article.title_is_headline {
                continue;
            }
            let text = article.field(field);
            let mut added = Vec::new();
            for m in automaton.find_iter(text) {
                let overlaps = list.iter().any(|c| c.start < m.end() && m.start() < c.end);
                if !overlaps && is_whole_word(text, m.start(), m.end()) {
                    let name = names[m.pattern().as_usize()].to_string();
                    added.push(Candidate {
                        start: m.start(),
                        end: m.end(),
                        kind: Kind::Person,
                        target: Target::FullName(name),
                    });
                }
            }
            if !added.is_empty() {
                list.extend(added);
                list.sort_by_key(|c| c.start);
            }
        }
    }
}

/// One article: full names become entities; a surname or "Sir" + given name joins the
/// person of this article it names (the nearest before it), else the corpus's only such
/// person, else stands as its own entity. Bare surnames of this article's people count too.
fn link_article(article: &Article, cands: &mut ArticleCandidates, people: &People) -> Vec<Linked> {
    let lex = Lexicon::get();
    // (position in reading order, key, surname, given name) of each full-name mention here.
    let mut named: Vec<((Field, usize), EntityKey, String, String)> = Vec::new();
    for (field, c) in cands.all() {
        let key = match &c.target {
            Target::Known(i) if c.kind == Kind::Person => EntityKey::Known(*i),
            Target::FullName(n) => people.key_of_full_name(n),
            _ => continue,
        };
        let full = match &key {
            EntityKey::Known(i) => people.gazetteer.entry(*i).name.clone(),
            EntityKey::Person(n) => n.clone(),
        };
        let words: Vec<&str> = full.split(' ').collect();
        if let [given, .., surname] = words[..] {
            named.push(((field, c.start), key, surname.to_string(), given.to_string()));
        }
    }
    // Cued single words ("Ms Hewitt") make later bare uses of the word mentions too.
    let cued_surnames: Vec<String> = cands
        .all()
        .filter_map(|(_, c)| match &c.target {
            Target::Surname(s) => Some(s.clone()),
            _ => None,
        })
        .collect();

    // Bare surnames of people named in this article.
    for (field, list) in cands.fields_mut() {
        if field == Field::Title && !article.title_is_headline {
            continue;
        }
        let text = article.field(field);
        let mut added = Vec::new();
        let mut next = 0;
        for t in tokenize(text) {
            while next < list.len() && list[next].end <= t.start {
                next += 1;
            }
            if next < list.len() && list[next].start < t.end {
                continue;
            }
            let w = t.text(text);
            let known = named.iter().any(|n| n.2 == w) || cued_surnames.iter().any(|s| s == w);
            if known && t.is_capitalised(text) && !lex.is_not_name(w) {
                added.push(Candidate {
                    start: t.start,
                    end: t.end,
                    kind: Kind::Person,
                    target: Target::Surname(w.to_string()),
                });
            }
        }
        if !added.is_empty() {
            list.extend(added);
            list.sort_by_key(|c| c.start);
        }
    }

    let mut out = Vec::new();
    for (field, c) in cands.all() {
        let key = match &c.target {
            Target::Known(i) => EntityKey::Known(*i),
            Target::FullName(n) => people.key_of_full_name(n),
            Target::Surname(w) | Target::GivenName(w) => {
                let given = matches!(c.target, Target::GivenName(_));
                let at = (field, c.start);
                let matching =
                    |n: &&((Field, usize), EntityKey, String, String)| if given { n.3 == *w } else { n.2 == *w };
                let nearest_before = named.iter().filter(matching).rfind(|n| n.0 <= at);
                let first_after = || named.iter().find(matching);
                nearest_before
                    .or_else(first_after)
                    .map(|n| n.1.clone())
                    .or_else(|| people.unique(w, given))
                    .unwrap_or_else(|| EntityKey::Person(w.clone()))
            }
        };
        out.push(Linked { field, start: c.start, end: c.end, key });
    }
    out
}

/// The id, display name and kind of a key.
pub fn describe(key: &EntityKey, gazetteer: &Gazetteer) -> (String, String, Kind) {
    match key {
        EntityKey::Known(i) => {
            let e = gazetteer.entry(*i);
            (e.id.clone(), e.name.clone(), e.kind)
        }
        EntityKey::Person(name) => (slug(Kind::Person, name), name.clone(), Kind::Person),
    }
}

#[cfg(test)]
mod tests {
    use crate::corpus::{Corpus, parse_article};
    use crate::entities::{Gazetteer, Index};

    fn corpus(texts: &[&str]) -> Corpus {
        let articles = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let p = parse_article(t);
                crate::corpus::Article {
                    id: format!("a{i}"),
                    path: format!("a{i}.txt"),
                    title: p.title,
                    title_is_headline: p.title_is_headline,
                    source: p.source,
                    date: p.date,
                    body: p.body,
                    body_first_line: p.body_first_line,
                }
            })
            .collect();
        Corpus { articles, lossy_files: 0 }
    }

    /// (surface, entity id) of every mention of every article, in order.
    fn linked(texts: &[&str]) -> Vec<Vec<(String, String)>> {
        let c = corpus(texts);
        let index = Index::build_with(&c, &Gazetteer::new(vec![]));
        c.articles
            .iter()
            .zip(&index.article_mentions)
            .map(|(a, ms)| {
                ms.iter()
                    .map(|m| (a.field(m.field)[m.range()].to_string(), index.entity(m.entity).id.clone()))
                    .collect()
            })
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    #[test]
    fn surname_and_honorific_forms_join_the_full_name_in_the_article() {
        let got = linked(&["Trade Secretary Patricia Hewitt spoke. Later Ms Hewitt said no, and Hewitt left."]);
        assert_eq!(
            got[0],
            pairs(&[
                ("Patricia Hewitt", "person:patricia-hewitt"),
                ("Hewitt", "person:patricia-hewitt"),
                ("Hewitt", "person:patricia-hewitt"),
            ])
        );
    }

    #[test]
    fn sir_and_given_name() {
        let got = linked(&["Prime Minister Sir Keir Starmer spoke. Sir Keir then left."]);
        assert_eq!(got[0], pairs(&[("Keir Starmer", "person:keir-starmer"), ("Keir", "person:keir-starmer")]));
    }

    #[test]
    fn a_full_name_found_once_is_found_everywhere() {
        let got = linked(&["Reporter Pavel Zarubin asked.", "Then Pavel Zarubin wrote again."]);
        assert_eq!(got[1], pairs(&[("Pavel Zarubin", "person:pavel-zarubin")]));
    }

    #[test]
    fn two_people_with_one_surname_are_not_merged() {
        let got = linked(&[
            "Chancellor Gordon Brown spoke. Mr Brown said taxes would rise.",
            "Singer James Brown sang. Brown said it was fun.",
            "Mr Brown said nothing.",
        ]);
        assert_eq!(got[0][1].1, "person:gordon-brown");
        assert_eq!(got[1][1].1, "person:james-brown");
        // Neither is named in the third article: the bare surname stands on its own.
        assert_eq!(got[2], pairs(&[("Brown", "person:brown")]));
    }

    #[test]
    fn nearest_full_name_wins_within_an_article() {
        let got = linked(&["Actor Robin Gibb sang. Gibb smiled. Singer Barry Gibb laughed. Gibb agreed."]);
        let ids: Vec<&str> = got[0].iter().map(|(_, id)| id.as_str()).collect();
        assert_eq!(ids, ["person:robin-gibb", "person:robin-gibb", "person:barry-gibb", "person:barry-gibb"]);
    }
}
