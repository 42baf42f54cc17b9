//! Linking mentions into entities across an article and the whole corpus: every form of one
//! person ("Sir Keir", "Keir Starmer", "Starmer") becomes one entity with a stable id.

use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::article_names::{ArticleNames, At};
use super::beside_names::Beside;
use super::gazetteer::{Gazetteer, is_whole_word};
use super::overlaps::Overlaps;
use super::recognise::{Candidate, Recognised, Target};
use super::rule::Rule;
use super::surname_aliases;
use super::written_names::{followed_by_capitalised, no_person_here, prefer_written_names};
use super::{Kind, name_gender, name_variants, slug};
use crate::corpus::{Article, Field};
use crate::corrections::{self, Applied, Corrections};
use crate::lang::segment::CapitalLines;
use crate::lang::{Lang, WordClass};

/// A mention linked to an entity key, before the index numbers entities.
#[derive(Debug, Clone, Copy)]
pub struct Linked {
    pub field: Field,
    pub start: u32,
    pub end: u32,
    pub key: EntityKey,
    pub rule: Rule,
}

/// Who a linked mention is: a gazetteer entry, or an entity the rules found (its place in
/// [`Names`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityKey {
    Known(u32),
    Named(u32),
}

/// Every entity the rules found, by kind and name, each stored once.
#[derive(Debug, Default)]
pub struct Names {
    ids: [HashMap<String, u32>; 3],
    list: Vec<(Kind, String)>,
}

impl Names {
    pub(crate) fn intern(&mut self, kind: Kind, name: &str) -> u32 {
        if let Some(&id) = self.ids[kind as usize].get(name) {
            return id;
        }
        let id = self.list.len() as u32;
        self.list.push((kind, name.to_string()));
        self.ids[kind as usize].insert(name.to_string(), id);
        id
    }

    fn get(&self, kind: Kind, name: &str) -> Option<u32> {
        self.ids[kind as usize].get(name).copied()
    }
}

/// What recognition found in one article, per field (the title only when it is a real
/// headline; otherwise it is empty).
pub struct ArticleCandidates {
    pub title: Recognised,
    pub body: Recognised,
}

impl ArticleCandidates {
    pub(super) fn fields_mut(&mut self) -> [(Field, &mut Recognised); 2] {
        [(Field::Title, &mut self.title), (Field::Body, &mut self.body)]
    }

    pub(super) fn field(&self, field: Field) -> &Recognised {
        match field {
            Field::Title => &self.title,
            Field::Body => &self.body,
        }
    }

    pub(super) fn all(&self) -> impl Iterator<Item = (Field, &Candidate)> {
        let title = self.title.candidates.iter().map(|c| (Field::Title, c));
        title.chain(self.body.candidates.iter().map(|c| (Field::Body, c)))
    }
}

/// What the corpus as a whole knows about names.
struct People<'g> {
    gazetteer: &'g Gazetteer,
    /// Gazetteer entries by name and alias, to merge a rule-found name into the entry.
    known_forms: HashMap<&'g str, u32>,
    names: Names,
    /// Surname (given name) → the people with it and how often their full name is used.
    by_surname: HashMap<String, Vec<(EntityKey, usize)>>,
    by_given: HashMap<String, Vec<(EntityKey, usize)>>,
    /// A person's other written full names ("Vincent Cable") → the one they are.
    merged: HashMap<EntityKey, EntityKey>,
}

/// Full names of one surname borne by more people than this are never merged as variants:
/// where many share a surname, "Jim" and "James Morrison" may well be two of them.
const CROWDED_SURNAME: usize = 3;

/// A bare surname shared by several people goes to the most used of them only when it is
/// used this many times more than the next.
const DOMINANCE: usize = 3;

impl<'g> People<'g> {
    fn new(gazetteer: &'g Gazetteer) -> Self {
        let mut known_forms = HashMap::default();
        for (i, e) in gazetteer.entries.iter().enumerate() {
            for form in std::iter::once(&e.name).chain(&e.aliases) {
                known_forms.insert(form.as_str(), i as u32);
            }
        }
        People {
            gazetteer,
            known_forms,
            names: Names::default(),
            by_surname: HashMap::default(),
            by_given: HashMap::default(),
            merged: HashMap::default(),
        }
    }

    /// The person a key is: itself, or the full name it was merged into.
    fn canonical(&self, key: EntityKey) -> EntityKey {
        self.merged.get(&key).copied().unwrap_or(key)
    }

    /// Merges full names of one person written two ways ([`name_variants`]). `persons` are
    /// every full name with its uses; a name joins the one better-known name it may be (a
    /// gazetteer entry first, then the most used), never two, and two gazetteer entries
    /// never merge. Surname and given-name counts then count the person once.
    /// Two names `apart` says are not one person are never merged (a `never` correction).
    fn merge_variants(
        &mut self,
        mut persons: Vec<(EntityKey, String, usize, Vec<usize>)>,
        apart: impl Fn(EntityKey, EntityKey, &Names) -> bool + Sync,
    ) {
        let known = |k: &EntityKey| matches!(k, EntityKey::Known(_));
        persons.sort_by(|a, b| (known(&b.0), b.2, &a.1).cmp(&(known(&a.0), a.2, &b.1)));
        let mut bearers: HashMap<&str, usize> = HashMap::default();
        for (_, name, ..) in &persons {
            *bearers.entry(name.rsplit(' ').next().unwrap_or_default()).or_default() += 1;
        }
        let crowded = |name: &str| bearers.get(name.rsplit(' ').next().unwrap_or_default()) > Some(&CROWDED_SURNAME);
        // Only names sharing a key may be one person: each name meets a few others.
        let mut buckets: HashMap<u64, Vec<usize>> = HashMap::default();
        let keys: Vec<Vec<u64>> = persons
            .par_iter()
            .map(|p| if crowded(&p.1) { Vec::new() } else { name_variants::meeting_keys(&p.1) })
            .collect();
        for (i, list) in keys.iter().enumerate() {
            for k in list {
                buckets.entry(*k).or_default().push(i);
            }
        }
        // Which better-known names each name may be, compared on all cores; which of them are
        // still heads depends on the names before, so that is settled in order after.
        let names = &self.names;
        let may_be: Vec<Vec<usize>> = (0..persons.len())
            .into_par_iter()
            .map(|i| {
                let (key, name, _, articles) = &persons[i];
                let mut found: Vec<usize> = Vec::new();
                for k in &keys[i] {
                    for &j in buckets[k].iter().take_while(|&&j| j < i) {
                        let excluded = found.contains(&j) || known(key) && known(&persons[j].0);
                        let one_article = shares_an_article(articles, &persons[j].3);
                        let same = if one_article {
                            name_variants::same_person_in_article(name, &persons[j].1)
                        } else {
                            name_variants::same_person(name, &persons[j].1)
                        };
                        if !excluded && same && !apart(*key, persons[j].0, names) {
                            found.push(j);
                        }
                    }
                }
                found
            })
            .collect();
        let mut head_of: Vec<Option<usize>> = vec![None; persons.len()];
        let mut merged = HashMap::default();
        for (i, found) in may_be.iter().enumerate() {
            if let [head] = found.iter().copied().filter(|&j| head_of[j].is_none()).collect::<Vec<_>>()[..] {
                head_of[i] = Some(head);
                merged.insert(persons[i].0, persons[head].0);
            }
        }
        if merged.is_empty() {
            return;
        }
        for map in [&mut self.by_surname, &mut self.by_given] {
            for people in map.values_mut() {
                let mut folded: Vec<(EntityKey, usize)> = Vec::with_capacity(people.len());
                for &(k, n) in people.iter() {
                    let k = merged.get(&k).copied().unwrap_or(k);
                    match folded.iter_mut().find(|(f, _)| *f == k) {
                        Some((_, m)) => *m += n,
                        None => folded.push((k, n)),
                    }
                }
                *people = folded;
            }
        }
        self.merged = merged;
    }

    /// Counts `times` uses of a person's full name.
    fn add_full_name_times(&mut self, name: &str, key: EntityKey, times: usize) {
        // One word is not a full name; "John Mills Jr" is known as Mills.
        let Some((given, surname)) = Lang::en().name_parts(name) else { return };
        for (map, word) in [(&mut self.by_surname, surname), (&mut self.by_given, given)] {
            let people = match map.get_mut(word) {
                Some(p) => p,
                None => map.entry(word.to_string()).or_default(),
            };
            match people.iter_mut().find(|(k, _)| *k == key) {
                Some((_, n)) => *n += times,
                None => people.push((key, times)),
            }
        }
    }

    /// The gazetteer entry a rule-found name is, if any, else the name as found.
    fn key_of(&self, kind: Kind, name: &str) -> Option<EntityKey> {
        let key = match self.known_forms.get(name) {
            Some(&i) if self.gazetteer.entry(i).kind == kind => Some(EntityKey::Known(i)),
            _ => self.names.get(kind, name).map(EntityKey::Named),
        };
        key.map(|k| self.canonical(k))
    }

    fn intern_key(&mut self, kind: Kind, name: &str) -> EntityKey {
        match self.known_forms.get(name) {
            Some(&i) if self.gazetteer.entry(i).kind == kind => EntityKey::Known(i),
            _ => EntityKey::Named(self.names.intern(kind, name)),
        }
    }

    fn full_name_of(&self, key: EntityKey) -> &str {
        match key {
            EntityKey::Known(i) => &self.gazetteer.entry(i).name,
            EntityKey::Named(i) => &self.names.list[i as usize].1,
        }
    }

    /// The person the corpus makes most likely for a surname (or given name): the only
    /// one, or one used far more than any other.
    fn most_likely(&self, word: &str, given: bool, fits: impl Fn(EntityKey) -> bool) -> Option<EntityKey> {
        let map = if given { &self.by_given } else { &self.by_surname };
        let mut people: Vec<&(EntityKey, usize)> = map.get(word)?.iter().filter(|p| fits(p.0)).collect();
        people.sort_by_key(|p| std::cmp::Reverse(p.1));
        match people[..] {
            [only] => Some(only.0),
            [first, second, ..] if first.1 >= DOMINANCE * second.1 => Some(first.0),
            _ => None,
        }
    }
}

/// How often a name is written, and in which articles (each once; kept for one-word names only).
#[derive(Default)]
struct NameUse {
    count: usize,
    articles: Vec<usize>,
}

/// The names a share of the articles writes: gazetteer people, rule-found names, and lone
/// surnames or given names.
#[derive(Default)]
struct NameCounts {
    known_people: HashMap<u32, usize>,
    names: HashMap<(Kind, String), NameUse>,
    lone_words: HashSet<String>,
}

impl NameCounts {
    fn add_article(&mut self, a: usize, article: &Article, cands: &ArticleCandidates) {
        for (field, c) in cands.all() {
            let text = article.field(field);
            match c.target {
                Target::Known(i) if c.kind == Kind::Person => {
                    *self.known_people.entry(i).or_default() += 1;
                    // A one-word alias may stand for the article's own person instead
                    // ([`Beside`]): its own entity, should it need one.
                    let word = &text[c.start..c.end];
                    if !word.contains(' ') && !self.lone_words.contains(word) {
                        self.lone_words.insert(word.to_string());
                    }
                }
                Target::FullName | Target::Named => {
                    let name = c.name(text);
                    // A one-word name needs its articles ([`FoundName`]), and a person's name
                    // to meet its shorter forms in one article (`same_person_in_article`).
                    let wanted = !name.contains(' ') || c.kind == Kind::Person;
                    let uses = self.names.entry((c.kind, name.into_owned())).or_default();
                    uses.count += 1;
                    if wanted && uses.articles.last() != Some(&a) {
                        uses.articles.push(a);
                    }
                }
                Target::Surname | Target::GivenName => {
                    let word = &text[c.start..c.end];
                    if !self.lone_words.contains(word) {
                        self.lone_words.insert(word.to_string());
                    }
                }
                Target::Known(_) => {}
            }
        }
    }

    fn merge(mut self, other: NameCounts) -> NameCounts {
        for (i, n) in other.known_people {
            *self.known_people.entry(i).or_default() += n;
        }
        for (key, uses) in other.names {
            let mine = self.names.entry(key).or_default();
            mine.count += uses.count;
            mine.articles.extend(uses.articles);
        }
        self.lone_words.extend(other.lone_words);
        self
    }
}

/// A name the rules found: where it may stand (None: in any article).
struct FoundName {
    kind: Kind,
    name: String,
    articles: Option<Vec<usize>>,
}

/// Links every article's candidates, then applies the user's corrections (`never` while
/// merging variants, the others to the linked mentions). Articles are in corpus order, as are
/// the candidates. Returns the linked mentions per article, the names of the entities the
/// rules found, and what the corrections did.
pub fn link(
    articles: &[Article],
    mut candidates: Vec<ArticleCandidates>,
    gazetteer: &Gazetteer,
    corrections: &Corrections,
    linked_one: impl Fn() + Sync,
) -> (Vec<Vec<Linked>>, Names, Applied) {
    let mut people = People::new(gazetteer);
    // What every article names, as written (`prefer_written_names`), counted on all cores;
    // only distinct names meet afterwards.
    let counts = articles
        .par_iter()
        .zip(&mut candidates)
        .enumerate()
        .fold(NameCounts::default, |mut counts, (a, (article, cands))| {
            for (field, found) in cands.fields_mut() {
                prefer_written_names(article.field(field), field == Field::Title, found, gazetteer);
            }
            counts.add_article(a, article, cands);
            counts
        })
        .reduce(NameCounts::default, NameCounts::merge);
    // Each full name with its uses and, for names the rules found, the articles writing it.
    let mut persons: Vec<(EntityKey, String, usize, Vec<usize>)> = Vec::new();
    for (i, n) in counts.known_people {
        people.add_full_name_times(&gazetteer.entry(i).name, EntityKey::Known(i), n);
        persons.push((EntityKey::Known(i), gazetteer.entry(i).name.clone(), n, Vec::new()));
    }
    // Sorted, so that interned ids do not depend on how the work was split.
    let mut found: Vec<((Kind, String), NameUse)> = counts.names.into_iter().collect();
    found.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut found_names: Vec<FoundName> = Vec::new();
    for ((kind, name), mut uses) in found {
        let key = people.intern_key(kind, &name);
        if kind == Kind::Person {
            people.add_full_name_times(&name, key, uses.count);
            if let EntityKey::Named(_) = key {
                let mut articles = uses.articles.clone();
                articles.sort_unstable();
                articles.dedup();
                persons.push((key, name.clone(), uses.count, articles));
            }
        }
        if let EntityKey::Named(_) = key {
            // A name of several words stands anywhere; one word only in its own articles
            // ("band TV on the Radio" does not make every "TV" a band).
            uses.articles.sort_unstable();
            let articles = (!name.contains(' ')).then_some(uses.articles);
            found_names.push(FoundName { kind, name, articles });
        }
    }
    // A surname or given name no one else explains stands as its own entity.
    let mut lone: Vec<String> = counts.lone_words.into_iter().collect();
    lone.sort_unstable();
    for word in lone {
        people.names.intern(Kind::Person, &word);
    }
    let apart = corrections::kept_apart(corrections);
    people.merge_variants(persons, |a, b, names| {
        !apart.is_empty()
            && apart.contains(&(corrections::id_of(a, gazetteer, names), corrections::id_of(b, gazetteer, names)))
    });
    let by_first_word = names_by_first_word(&found_names);
    // Each article's candidates are dropped as soon as it is linked: peak memory stays low.
    let mut linked: Vec<Vec<Linked>> = articles
        .par_iter()
        .zip(candidates.into_par_iter())
        .enumerate()
        .map(|(a, (article, mut cands))| {
            add_names_found_elsewhere(a, article, &mut cands, &by_first_word, &found_names);
            let linked = link_article(article, &mut cands, &people);
            linked_one();
            linked
        })
        .collect();
    let applied = corrections::apply(corrections, articles, &mut linked, &mut people.names, gazetteer);
    (linked, people.names, applied)
}

/// Whether two sorted lists of articles share one.
fn shares_an_article(a: &[usize], b: &[usize]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    false
}

/// Names the rules found, by their first word.
fn names_by_first_word(names: &[FoundName]) -> HashMap<&str, Vec<usize>> {
    let mut map: HashMap<&str, Vec<usize>> = HashMap::default();
    for (i, n) in names.iter().enumerate() {
        let first = n.name.split(' ').next().unwrap_or_default();
        map.entry(first).or_default().push(i);
    }
    // Longest first, so "Powys Local Health Board" wins over "Powys Local".
    for list in map.values_mut() {
        list.sort_by_key(|&i| std::cmp::Reverse(names[i].name.len()));
    }
    map
}

/// A name the rules found (a person's full name, an organisation) is a mention wherever
/// else it is written, over any weak guess at the same place.
fn add_names_found_elsewhere(
    a: usize,
    article: &Article,
    cands: &mut ArticleCandidates,
    by_first_word: &HashMap<&str, Vec<usize>>,
    names: &[FoundName],
) {
    for (field, found) in cands.fields_mut() {
        let text = article.field(field);
        let mut added: Vec<Candidate> = Vec::new();
        let strong = Overlaps::new(found.candidates.iter().filter(|c| !c.weak).map(|c| (c.start, c.end)));
        for b in &found.bare {
            if added.last().is_some_and(|c| c.end > b.start) {
                continue;
            }
            let Some(list) = by_first_word.get(&text[b.start..b.end]) else { continue };
            let name = list.iter().map(|&i| &names[i]).find(|n| {
                let end = b.start + n.name.len();
                text[b.start..].starts_with(n.name.as_str())
                    && is_whole_word(text, b.start, end)
                    && n.articles.as_ref().is_none_or(|list| list.binary_search(&a).is_ok())
            });
            let Some(n) = name else { continue };
            let end = b.start + n.name.len();
            if strong.any(b.start, end) {
                continue;
            }
            let target = if n.kind == Kind::Person { Target::FullName } else { Target::Named };
            added.push(Candidate {
                start: b.start,
                end,
                kind: n.kind,
                target,
                weak: false,
                rule: Rule::FoundElsewhere,
            });
        }
        if !added.is_empty() {
            let list = &mut found.candidates;
            let taken = Overlaps::new(added.iter().map(|a| (a.start, a.end)));
            list.retain(|c| !taken.any(c.start, c.end));
            list.extend(added);
            list.sort_by_key(|c| c.start);
        }
    }
}

/// One article: full names become entities; a surname or "Sir" + given name joins the
/// person of this article it names (the nearest before it), else the person the corpus
/// makes most likely, else stands as its own entity; never a person whose given name's
/// gender the honorific before it contradicts ("Mrs Howard"). Bare surnames and given names
/// of this article's people count too. A weak guess that names nobody known is dropped.
fn link_article(article: &Article, cands: &mut ArticleCandidates, people: &People) -> Vec<Linked> {
    let mut fulls: Vec<(At, EntityKey, &str)> = Vec::new();
    for (field, c) in cands.all() {
        let text = article.field(field);
        let key = match c.target {
            Target::Known(i) if c.kind == Kind::Person => people.canonical(EntityKey::Known(i)),
            Target::FullName => match people.key_of(Kind::Person, &c.name(text)) {
                Some(key) => key,
                None => continue,
            },
            _ => continue,
        };
        fulls.push(((field, c.start), key, &text[c.start..c.end]));
    }
    // Known people whose full name the article writes (not a one-word alias of theirs).
    let known_in_full: HashSet<u32> = fulls
        .iter()
        .filter_map(|&(_, key, written)| match key {
            EntityKey::Known(i) if written.contains(' ') => Some(i),
            _ => None,
        })
        .collect();
    let body_surnames: HashSet<&str> = fulls
        .iter()
        .filter(|&&((field, _), _, written)| field == Field::Body && written.contains(' '))
        .filter_map(|&(_, _, written)| Lang::en().surname_of(written))
        .collect();
    let in_full = |i| known_in_full.contains(&i);
    let rewritten = surname_aliases::surnames_over_aliases(article, cands, &body_surnames, people.gazetteer, in_full);
    // An alias read as a surname is no longer the known person's full name here.
    fulls.retain(|f| !rewritten.contains(&f.0));
    // A name that ends another full name of this article is that person: "Mrs Parker
    // Bowles" after "Camilla Parker Bowles".
    let mut tails: HashMap<&str, EntityKey> = HashMap::default();
    for &(_, key, written) in &fulls {
        if !matches!(key, EntityKey::Named(_)) || !written.contains(' ') {
            continue;
        }
        let longer = fulls.iter().find(|&&(_, k, w)| {
            k != key && w.len() > written.len() && w.ends_with(written) && w[..w.len() - written.len()].ends_with(' ')
        });
        if let Some(&(_, k, _)) = longer {
            tails.insert(written, k);
        }
    }
    let mut named = ArticleNames::default();
    for &(at, key, written) in &fulls {
        let key = tails.get(written).copied().unwrap_or(key);
        // Under the name as written and as the person is known ("Vincent" and "Vince").
        let full = people.full_name_of(key);
        for name in [written, full] {
            if let Some((given, surname)) = Lang::en().name_parts(name) {
                named.push(at, key, surname, given);
            }
        }
        if let Some(surname) = Lang::en().surname_of(written) {
            named.push_middle(written, surname);
        }
    }
    // Cued single words ("Ms Hewitt") make later bare uses of the word mentions too.
    let cued_surnames: HashSet<&str> = cands
        .all()
        .filter(|(_, c)| c.target == Target::Surname && !c.weak)
        .map(|(field, c)| &article.field(field)[c.start..c.end])
        .collect();

    // Bare surnames and given names of people named in this article.
    for (field, found) in cands.fields_mut() {
        let text = article.field(field);
        let mut added = Vec::new();
        let mut next = 0;
        let mut lines = CapitalLines::default();
        let list = &found.candidates;
        let mut previous: Option<&super::recognise::BareWord> = None;
        for b in &found.bare {
            let before = previous.replace(b);
            while next < list.len() && list[next].end <= b.start {
                next += 1;
            }
            let taken = next < list.len() && list[next].start < b.end && !list[next].weak;
            if taken || b.month_date {
                continue;
            }
            let w = &text[b.start..b.end];
            let (start, target, rule) = if let Some(name) = in_capitals_line(text, b.start, b.end, &mut lines) {
                if !named.has_surname(&name) {
                    continue;
                }
                // "CHANDA RUBIN": the given name before it, when it is this person's.
                let given = before
                    .filter(|p| &text[p.end..b.start] == " ")
                    .and_then(|p| Some((p.start, in_capitals_line(text, p.start, p.end, &mut lines)?)))
                    .filter(|(_, given)| named.pair(given, &name));
                (given.map_or(b.start, |g| g.0), Target::Surname, Rule::CapitalsSurname)
            } else if named.has_surname(w) || cued_surnames.contains(w) {
                if no_person_here(text, field == Field::Title, b.start, b.end) {
                    continue;
                }
                // "Ramos Horta", "Van Boxmeer": the full name's middle words before it.
                let start = named.surname_start(text, b.start, w);
                if added.last().is_some_and(|a: &Candidate| a.end > start) {
                    continue;
                }
                (start, Target::Surname, Rule::ArticleSurname)
            } else if !followed_by_capitalised(text, b.end) && named.unique_given(w) {
                (b.start, Target::GivenName, Rule::ArticleGivenName)
            } else {
                continue;
            };
            added.push(Candidate { start, end: b.end, kind: Kind::Person, target, weak: false, rule });
        }
        if !added.is_empty() {
            let list = &mut found.candidates;
            let taken = Overlaps::new(added.iter().map(|a| (a.start, a.end)));
            list.retain(|c| !(c.weak && taken.any(c.start, c.end)));
            list.extend(added);
            list.sort_by_key(|c| c.start);
        }
    }

    // One-word names written beside a word no rule took ("Frank Stone"): that person's.
    // Only words that are one-word person mentions here are looked at, elsewhere too.
    let body = article.body.as_str();
    let one_word: HashSet<&str> = cands
        .all()
        .filter(|(_, c)| c.kind == Kind::Person)
        .map(|(field, c)| &article.field(field)[c.start..c.end])
        .filter(|w| !w.contains(' '))
        .collect();
    let mut beside = Beside::default();
    if !one_word.is_empty() {
        for (start, end) in cands
            .body
            .bare
            .iter()
            .map(|b| (b.start, b.end))
            .chain(cands.body.candidates.iter().filter(|c| c.kind == Kind::Person).map(|c| (c.start, c.end)))
        {
            if one_word.contains(&body[start..end]) {
                beside.note(body, start, end);
            }
        }
    }
    let mut out = Vec::new();
    for (field, c) in cands.all() {
        let text = article.field(field);
        let key = match c.target {
            Target::Known(i) if c.kind == Kind::Person && beside.any(&text[c.start..c.end]) => {
                let key = people.canonical(EntityKey::Known(i));
                let w = &text[c.start..c.end];
                let name = people.full_name_of(key);
                if name == w || beside.fits(w, name) {
                    Some(key)
                } else {
                    people.names.get(Kind::Person, w).map(EntityKey::Named)
                }
            }
            Target::Known(i) => Some(people.canonical(EntityKey::Known(i))),
            Target::FullName => {
                tails.get(&text[c.start..c.end]).copied().or_else(|| people.key_of(c.kind, &c.name(text)))
            }
            Target::Named => people.key_of(c.kind, &c.name(text)),
            Target::Surname if c.rule == Rule::CapitalsSurname => {
                // Only a person of this article, by the name as written elsewhere in it.
                let last = text[c.start..c.end].rfind(' ').map_or(c.start, |i| c.start + i + 1);
                let name = in_capitals_line(text, last, c.end, &mut CapitalLines::default());
                name.and_then(|name| named.nearest(&name, false, (field, c.start), |_| true))
            }
            Target::Surname | Target::GivenName => {
                // The surname itself, less middle words written before it ("Ramos Horta").
                let w = text[c.start..c.end].rsplit(' ').next().unwrap_or_default();
                let given = c.target == Target::GivenName;
                // "Mrs Howard" is not Michael Howard.
                let said = name_gender::of_word_before(text, c.start);
                let fits = |k: EntityKey| name_gender::agree(said, name_gender::of_full_name(people.full_name_of(k)));
                // Across the corpus, only a person whose name holds the words written beside
                // this one here ("Frank Stone" is not Joss Stone).
                let fits_here = |k: EntityKey| fits(k) && beside.fits(w, people.full_name_of(k));
                // The tagger's lone words join only a person of this article: a guess
                // across the corpus ("Brown" of Brown and Williamson) misleads. So do a
                // line-up's surnames: "Kezman (Cole 63)" is Joe Cole, not Ashley.
                let corpus_wide = !(c.weak && c.rule == Rule::Tagger) && c.rule != Rule::MatchScorer;
                // "Lord Archer" in an article that names no Archer in full is no commoner
                // another article names (Howard Archer, an economist): across the corpus a
                // peer's title joins a known person only.
                let peer = peerage_before(text, c.start);
                let fits_corpus = |k: EntityKey| fits_here(k) && (!peer || matches!(k, EntityKey::Known(_)));
                named
                    .nearest(w, given, (field, c.start), fits)
                    .or_else(|| if corpus_wide { people.most_likely(w, given, fits_corpus) } else { None })
                    .or_else(|| if c.weak { None } else { people.names.get(Kind::Person, w).map(EntityKey::Named) })
            }
        };
        if let Some(key) = key {
            out.push(Linked { field, start: c.start as u32, end: c.end as u32, key, rule: c.rule });
        }
    }
    out
}

/// Whether a peer's title ("Lord", "Baroness") comes right before byte `start`.
fn peerage_before(text: &str, start: usize) -> bool {
    let before = text[..start].strip_suffix(' ').unwrap_or_default();
    let word = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or_default();
    Lang::en().is(word, WordClass::PEERAGE)
}

/// A word of three letters or more in capitals, on a line written in capitals (a headline
/// as wires and CoNLL write them: "CAMPESE TO RETIRE"), read as a name is written:
/// "Campese". None elsewhere: one word in capitals in a sentence is an acronym or a shout.
fn in_capitals_line(text: &str, start: usize, end: usize, lines: &mut CapitalLines) -> Option<String> {
    let word = &text[start..end];
    let capitals = |w: &str| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase);
    if word.chars().filter(|c| c.is_alphabetic()).count() < 3 || !capitals(word) || !lines.around(text, start, end) {
        return None;
    }
    let mut chars = word.chars();
    Some(chars.next().into_iter().chain(chars.flat_map(char::to_lowercase)).collect())
}

/// The id, display name and kind of a key.
pub fn describe(key: EntityKey, gazetteer: &Gazetteer, names: &Names) -> (String, String, Kind) {
    match key {
        EntityKey::Known(i) => {
            let e = gazetteer.entry(i);
            (e.id.clone(), e.name.clone(), e.kind)
        }
        EntityKey::Named(i) => {
            let (kind, name) = &names.list[i as usize];
            (slug(*kind, name), name.clone(), *kind)
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::corpus::{Corpus, article};
    use crate::entities::{Gazetteer, Index};

    fn corpus(texts: &[&str]) -> Corpus {
        let articles = texts.iter().enumerate().map(|(i, t)| article(format!("a{i}.txt"), t)).collect();
        Corpus { articles, ..Corpus::default() }
    }

    /// (surface, entity id) of every mention of every article, in order.
    fn linked(texts: &[&str]) -> Vec<Vec<(String, String)>> {
        linked_with(texts, &Gazetteer::new(vec![]))
    }

    /// A gazetteer of people: (name, aliases).
    fn people(list: &[(&str, &[&str])]) -> Gazetteer {
        let entries = list.iter().map(|(name, aliases)| {
            let aliases = aliases.iter().map(|a| format!("{a:?}")).collect::<Vec<_>>().join(", ");
            let id = crate::entities::slug(crate::entities::Kind::Person, name);
            format!(r#"{{"id": "{id}", "name": "{name}", "kind": "person", "aliases": [{aliases}]}}"#)
        });
        Gazetteer::from_json(&format!(r#"{{"entities": [{}]}}"#, entries.collect::<Vec<_>>().join(", "))).unwrap()
    }

    fn linked_with(texts: &[&str], gazetteer: &Gazetteer) -> Vec<Vec<(String, String)>> {
        let c = corpus(texts);
        Index::build_with(&c, gazetteer).surfaces_and_ids(&c)
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

    #[test]
    fn a_full_name_written_beats_a_surname_alias() {
        let g = people(&[("Tony Blair", &["Blair"]), ("Bill Gates", &["Gates"])]);
        let got = linked_with(
            &[
                "Prime Minister Tony Blair spoke, as did actress Selma Blair. Later Blair left.",
                "Cage's character Ben Gates ran. Gates said so.",
            ],
            &g,
        );
        assert_eq!(
            got[0],
            pairs(&[
                ("Tony Blair", "person:tony-blair"),
                ("Selma Blair", "person:selma-blair"),
                ("Blair", "person:tony-blair"),
            ])
        );
        assert_eq!(got[1][0], ("Ben Gates".to_string(), "person:ben-gates".to_string()));
    }

    #[test]
    fn a_place_that_is_the_surname_of_someone_named_in_full_is_he() {
        let jordan = r#"{"entities": [{"id": "place:jordan", "name": "Jordan", "kind": "place", "aliases": []},
            {"id": "place:israel", "name": "Israel", "kind": "place", "aliases": []}]}"#;
        let g = Gazetteer::from_json(jordan).unwrap();
        let got = linked_with(
            &[
                "Director Neil Jordan spoke. \"It was hard,\" Jordan said, and a role in Jordan's film went to Liam.",
                "Director Neil Jordan spoke. Jordan said he flew to Jordan.",
                "Director Neil Jordan spoke. Jordan said Israel and Jordan had talked.",
                "Director Neil Jordan spoke. Jordan said Jordan's capital was calm.",
                "Jordan said it would talk.",
            ],
            &g,
        );
        let ids = |i: usize| got[i].iter().map(|(_, id)| id.as_str()).collect::<Vec<_>>();
        assert_eq!(ids(0), ["person:neil-jordan"; 3]);
        // Anywhere written as a place, the article means the place by the bare word.
        for (i, article) in got.iter().enumerate().take(4).skip(1) {
            assert_eq!(ids(i).iter().filter(|&&id| id == "place:jordan").count(), 2, "{article:?}");
        }
        assert_eq!(ids(4), ["place:jordan"]);
    }

    #[test]
    fn a_surname_written_beside_another_name_is_not_a_person_elsewhere() {
        let g = people(&[("Sven-Goran Eriksson", &["Eriksson"])]);
        let got = linked_with(
            &["Ahead were Philip Walton, Klas Eriksson (Sweden) and others. Eriksson said so.", "Coach Eriksson left."],
            &g,
        );
        assert!(got[0].iter().all(|(_, id)| id != "person:sven-goran-eriksson"), "{:?}", got[0]);
        assert_eq!(got[1], pairs(&[("Eriksson", "person:sven-goran-eriksson")]));
    }

    #[test]
    fn works_and_firms_are_no_people() {
        let g = people(&[("Tony Blair", &["Blair"]), ("Steven Gerrard", &["Gerrard"])]);
        let got = linked_with(
            &["Tony Blair saw The Blair Witch Project.", "Simon Rubinsohn, chief economist at Gerrard, said no."],
            &g,
        );
        assert_eq!(got[0], pairs(&[("Tony Blair", "person:tony-blair")]));
        assert!(got[1].iter().all(|(s, _)| s != "Gerrard"), "{:?}", got[1]);
    }

    #[test]
    fn a_royal_title_and_given_name_are_not_the_politician() {
        let got = linked(&["Liberal Democrat leader Charles Kennedy spoke. Prince Charles smiled and Charles left."]);
        assert_eq!(
            got[0],
            pairs(&[
                ("Charles Kennedy", "person:charles-kennedy"),
                ("Prince Charles", "person:prince-charles"),
                ("Charles", "person:prince-charles"),
            ])
        );
    }

    #[test]
    fn an_honorific_gender_never_contradicts_the_person() {
        let got = linked(&["Tory leader Michael Howard spoke. Mrs Howard campaigned alone, and Mr Howard smiled."]);
        let ids: Vec<&str> = got[0].iter().map(|(_, id)| id.as_str()).collect();
        assert_eq!(ids, ["person:michael-howard", "person:howard", "person:michael-howard"]);
    }

    #[test]
    fn a_peer_is_no_commoner_of_another_article() {
        let got = linked(&[
            "Economist Howard Archer said rates would rise. Economist Howard Archer was right.",
            "The peer Lord Archer was freed. Lord Archer wrote a novel.",
            "Former leader Neil Kinnock spoke. Lord Kinnock smiled.",
        ]);
        let ids = |a: usize| got[a].iter().map(|(_, id)| id.as_str()).collect::<Vec<_>>();
        assert!(ids(1).iter().all(|id| *id == "person:archer"), "{:?}", ids(1));
        // In an article that names him in full, he is himself.
        assert_eq!(ids(2), ["person:neil-kinnock", "person:neil-kinnock"]);
    }

    #[test]
    fn one_person_written_two_ways_is_one() {
        let got = linked(&[
            "Treasury spokesman Vince Cable said no.",
            "Then MP Vincent Cable wrote.",
            "Prosecutor Eliot Spitzer sued. Prosecutor Eliot Spitzer won.",
            "Attorney Elliot Spitzer spoke.",
            "Striker Jose Antonio Reyes scored.",
            "Forward Jose Reyes missed.",
            "Leader Viktor Yanukovych lost.",
            "Rival Viktor Yanukovich won.",
            "Prince Charles and Camilla Parker Bowles wed. Mrs Parker Bowles smiled.",
        ]);
        let id = |a: usize| got[a][0].1.as_str();
        assert_eq!((id(0), id(1)), ("person:vince-cable", "person:vince-cable"));
        assert_eq!((id(2), id(3)), ("person:eliot-spitzer", "person:eliot-spitzer"));
        assert_eq!((id(4), id(5)), ("person:jose-antonio-reyes", "person:jose-antonio-reyes"));
        assert_eq!(id(6), id(7));
        assert_eq!(got[8][2], ("Parker Bowles".to_string(), "person:camilla-parker-bowles".to_string()));
    }

    #[test]
    fn different_given_names_are_different_people() {
        let got = linked(&[
            "Singer Ben Gates sang.",
            "Founder Bill Gates spoke.",
            "Actress Erin Smith.",
            "Actor Aaron Smith.",
        ]);
        let ids: Vec<&str> = got.iter().map(|a| a[0].1.as_str()).collect();
        assert_eq!(ids, ["person:ben-gates", "person:bill-gates", "person:erin-smith", "person:aaron-smith"]);
    }
}
