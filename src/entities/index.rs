//! The entity index: entities with their mentions, per article and per entity.

use std::sync::atomic::{AtomicUsize, Ordering};

use rustc_hash::FxHashMap as HashMap;

use rayon::prelude::*;

use super::Kind;
use super::confirmed_names::ConfirmedNames;
use super::credits::Credits;
use super::gazetteer::Gazetteer;
use super::headline_names;
use super::match_scorers::MatchScorers;
use super::recognise::Rules;
use super::recogniser::{Recognise, recognise_all};
use super::resolve::{ArticleCandidates, EntityKey, describe, link};
use super::rule::Rule;
use super::scorecards::Scorecards;
use super::tagger::{TaggedNames, Tagger};
use super::vocabulary::Vocabulary;
use crate::corpus::{Corpus, Field};
use crate::corrections::{Corrections, Outcome};

/// Position of an entity in [`Index::entities`].
pub type EntityId = u32;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Stable slug such as `person:vladimir-putin`.
    pub id: String,
    pub name: String,
    pub kind: Kind,
    /// Every distinct surface form seen, most frequent first, then any other alias the
    /// gazetteer knows.
    pub aliases: Vec<String>,
    pub mentions: usize,
    pub articles: usize,
}

/// One mention: a byte range of an article's title or body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub entity: EntityId,
    pub field: Field,
    pub start: u32,
    pub end: u32,
    /// The rule that found it (not exported).
    pub rule: Rule,
}

impl Mention {
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Where a mention is: article number and its place in that article's mention list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct MentionRef {
    pub article: u32,
    pub mention: u32,
}

#[derive(Debug, Default)]
pub struct Index {
    pub entities: Vec<Entity>,
    /// Per article, its mentions in reading order (title first, then body).
    pub article_mentions: Vec<Vec<Mention>>,
    /// Per entity, its mentions in reading order across the corpus.
    pub entity_mentions: Vec<Vec<MentionRef>>,
    /// Per entity, the articles that mention it, in corpus order.
    pub entity_articles: Vec<Vec<u32>>,
    /// Every entity with its mention count, persons first, then most mentioned: the entity
    /// pane's "all articles" list, sorted once.
    pub by_prominence: Vec<(EntityId, usize)>,
    /// What each of the user's corrections did, in their order.
    pub corrections: Vec<Outcome>,
}

/// How far an index build has got, readable from another thread.
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicUsize,
    total: AtomicUsize,
}

impl Progress {
    /// Whole percent done, 0–100.
    pub fn percent(&self) -> usize {
        let total = self.total.load(Ordering::Relaxed);
        (self.done.load(Ordering::Relaxed) * 100).checked_div(total).unwrap_or(0).min(100)
    }

    fn start(&self, total: usize) {
        self.total.store(total, Ordering::Relaxed);
    }

    fn step(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }
}

impl Index {
    /// Recognises and links entities in every article with the embedded gazetteer.
    pub fn build(corpus: &Corpus) -> Index {
        Index::build_with(corpus, Gazetteer::embedded())
    }

    pub fn build_with(corpus: &Corpus, gazetteer: &Gazetteer) -> Index {
        Index::build_reporting(corpus, gazetteer, &Corrections::default(), &Progress::default())
    }

    /// [`Index::build`], with the user's corrections applied by the linker.
    pub fn build_corrected(corpus: &Corpus, corrections: &Corrections) -> Index {
        Index::build_reporting(corpus, Gazetteer::embedded(), corrections, &Progress::default())
    }

    /// Builds the index, counting each article recognised and each article linked.
    pub fn build_reporting(
        corpus: &Corpus,
        gazetteer: &Gazetteer,
        corrections: &Corrections,
        progress: &Progress,
    ) -> Index {
        progress.start(corpus.articles.len() * 2);
        let bodies: Vec<&str> = corpus.articles.iter().map(|a| a.body.as_str()).collect();
        let vocabulary = Vocabulary::from_texts(&bodies);
        let rules = Rules { gazetteer, vocabulary: &vocabulary };
        let tagged = TaggedNames { tagger: Tagger::embedded(), vocabulary: &vocabulary };
        let confirmed = ConfirmedNames { vocabulary: &vocabulary };
        let recognisers: [&dyn Recognise; 6] = [&rules, &Scorecards, &MatchScorers, &Credits, &tagged, &confirmed];
        let recognise = |text: &str| recognise_all(&recognisers, text, gazetteer);
        let candidates: Vec<ArticleCandidates> = corpus
            .articles
            .par_iter()
            .map(|a| {
                let found = ArticleCandidates {
                    title: if a.title_is_headline {
                        headline_names::held_to_body(&a.title, &a.body, recognise(&a.title))
                    } else {
                        Default::default()
                    },
                    body: recognise(&a.body),
                };
                progress.step();
                found
            })
            .collect();
        let (linked, names, applied) = link(&corpus.articles, candidates, gazetteer, corrections, || progress.step());

        // Ids in order of first mention; naming the entities and sorting each article's
        // mentions need no order, so they run on all cores.
        let mut ids: HashMap<EntityKey, EntityId> = HashMap::default();
        let mut keys: Vec<EntityKey> = Vec::new();
        let article_mentions: Vec<Vec<Mention>> = linked
            .into_iter()
            .map(|mentions| {
                let list: Vec<Mention> = mentions
                    .into_iter()
                    .map(|m| {
                        let entity = *ids.entry(m.key).or_insert_with(|| {
                            keys.push(m.key);
                            (keys.len() - 1) as EntityId
                        });
                        Mention { entity, field: m.field, start: m.start, end: m.end, rule: m.rule }
                    })
                    .collect();
                list
            })
            .collect();
        let mut index = Index { article_mentions, ..Default::default() };
        index.article_mentions.par_iter_mut().for_each(|list| list.sort_by_key(|m| (m.field, m.start)));
        index.entities = keys
            .par_iter()
            .map(|key| {
                let (id, mut name, kind) = describe(*key, gazetteer, &names);
                if let Some(to) = applied.renamed.get(key) {
                    name.clone_from(to);
                }
                Entity { id, name, kind, aliases: Vec::new(), mentions: 0, articles: 0 }
            })
            .collect();
        index.entity_mentions = vec![Vec::new(); keys.len()];
        for (a, list) in index.article_mentions.iter().enumerate() {
            for (i, m) in list.iter().enumerate() {
                index.entity_mentions[m.entity as usize].push(MentionRef { article: a as u32, mention: i as u32 });
            }
        }
        // Each entity's forms as written, most frequent first, then the gazetteer's others.
        let known: HashMap<&str, &[String]> =
            gazetteer.entries.iter().map(|g| (g.id.as_str(), g.aliases.as_slice())).collect();
        let article_mentions = &index.article_mentions;
        index.entities.par_iter_mut().zip(index.entity_mentions.par_iter()).for_each(|(e, refs)| {
            let mut counts: HashMap<&str, usize> = HashMap::default();
            for r in refs {
                let m = &article_mentions[r.article as usize][r.mention as usize];
                *counts.entry(&corpus.articles[r.article as usize].field(m.field)[m.range()]).or_default() += 1;
            }
            let mut forms: Vec<(&str, usize)> = counts.into_iter().collect();
            forms.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
            e.aliases = forms.into_iter().map(|(f, _)| f.to_string()).collect();
            for alias in known.get(e.id.as_str()).copied().unwrap_or_default() {
                if !e.aliases.contains(alias) {
                    e.aliases.push(alias.clone());
                }
            }
        });
        // An entity merged into another (or given another kind) keeps its gazetteer aliases.
        for (key, old_id) in &applied.absorbed {
            let Some(&id) = ids.get(key) else { continue };
            let e = &mut index.entities[id as usize];
            for alias in known.get(old_id.as_str()).copied().unwrap_or_default() {
                if !e.aliases.contains(alias) {
                    e.aliases.push(alias.clone());
                }
            }
        }
        index.entity_articles = index
            .entity_mentions
            .iter()
            .map(|refs| {
                let mut list: Vec<u32> = refs.iter().map(|r| r.article).collect();
                list.dedup();
                list
            })
            .collect();
        for ((e, refs), articles) in index.entities.iter_mut().zip(&index.entity_mentions).zip(&index.entity_articles) {
            e.mentions = refs.len();
            e.articles = articles.len();
        }
        let mut by_prominence: Vec<(EntityId, usize)> =
            index.entities.iter().enumerate().map(|(i, e)| (i as EntityId, e.mentions)).collect();
        index.sort_entities(&mut by_prominence);
        index.by_prominence = by_prominence;
        index.corrections = applied.outcomes;
        index
    }

    pub fn entity(&self, id: EntityId) -> &Entity {
        &self.entities[id as usize]
    }

    pub fn mention(&self, r: MentionRef) -> &Mention {
        &self.article_mentions[r.article as usize][r.mention as usize]
    }

    /// The mentions of an article, in reading order (none while the index is not built).
    pub fn mentions_in(&self, article: usize) -> &[Mention] {
        self.article_mentions.get(article).map_or(&[], Vec::as_slice)
    }

    /// Entities mentioned in one article with their counts: persons first, then most
    /// mentioned, then by name.
    pub fn article_entities(&self, article: usize) -> Vec<(EntityId, usize)> {
        self.count_entities(self.mentions_in(article))
    }

    /// The entities of `mentions` with how often each is mentioned, people first, then by count.
    pub fn count_entities<'m>(&self, mentions: impl IntoIterator<Item = &'m Mention>) -> Vec<(EntityId, usize)> {
        let mut counts: HashMap<EntityId, usize> = HashMap::default();
        for m in mentions {
            *counts.entry(m.entity).or_default() += 1;
        }
        let mut list: Vec<(EntityId, usize)> = counts.into_iter().collect();
        self.sort_entities(&mut list);
        list
    }

    fn sort_entities(&self, list: &mut [(EntityId, usize)]) {
        list.sort_by(|a, b| {
            let (ea, eb) = (self.entity(a.0), self.entity(b.0));
            (ea.kind, std::cmp::Reverse(a.1), &ea.name).cmp(&(eb.kind, std::cmp::Reverse(b.1), &eb.name))
        });
    }

    /// Articles that mention an entity, in corpus order.
    pub fn articles_of(&self, entity: EntityId) -> &[u32] {
        &self.entity_articles[entity as usize]
    }

    /// The entity a user means by `name`: its id, name or any alias, ignoring case.
    pub fn find(&self, name: &str) -> Option<EntityId> {
        let wanted = name.trim();
        if wanted.chars().nth(MAX_NAME_CHARS).is_some() {
            return None;
        }
        let wanted = wanted.to_lowercase();
        let matches = |e: &Entity| {
            e.id == wanted || e.name.to_lowercase() == wanted || e.aliases.iter().any(|a| a.to_lowercase() == wanted)
        };
        // Prefer an exact name over an alias, and the most mentioned among equals.
        let by_name = self.entities.iter().position(|e| e.name.to_lowercase() == wanted || e.id == wanted);
        by_name
            .or_else(|| {
                (0..self.entities.len())
                    .filter(|&i| matches(&self.entities[i]))
                    .max_by_key(|&i| self.entities[i].mentions)
            })
            .map(|i| i as EntityId)
    }

    /// Up to `n` entity names closest to `name` (edit distance, ignoring case), judged on
    /// the name's first [`MAX_NAME_CHARS`] characters.
    pub fn closest(&self, name: &str, n: usize) -> Vec<&str> {
        let wanted: String = name.chars().take(MAX_NAME_CHARS).collect::<String>().to_lowercase();
        let mut scored: Vec<(usize, &str)> = self
            .entities
            .iter()
            .map(|e| {
                let d = std::iter::once(&e.name)
                    .chain(&e.aliases)
                    .map(|a| edit_distance(&wanted, &a.to_lowercase()))
                    .min()
                    .unwrap_or(usize::MAX);
                (d, e.name.as_str())
            })
            .collect();
        scored.sort();
        scored.into_iter().take(n).map(|(_, name)| name).collect()
    }
}

/// A longer name asked for names nothing, and the closest names are found for its start
/// only: edit distance costs the name's length times each alias's, for every alias.
const MAX_NAME_CHARS: usize = 200;

/// The name a user asked for, as a message may quote it: sanitised, cut to 60 columns.
pub fn quoted_name(name: &str) -> String {
    format!("{:?}", crate::fit::fit(&crate::corpus::sanitize(name), 60))
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let next = (diag + usize::from(ca != cb)).min(row[j] + 1).min(row[j + 1] + 1);
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// What the unit tests of linking compare: per article, (surface, entity id) of each mention.
#[cfg(test)]
impl Index {
    pub(crate) fn surfaces_and_ids(&self, corpus: &Corpus) -> Vec<Vec<(String, String)>> {
        corpus
            .articles
            .iter()
            .zip(&self.article_mentions)
            .map(|(a, ms)| {
                ms.iter().map(|m| (a.field(m.field)[m.range()].to_string(), self.entity(m.entity).id.clone())).collect()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load_embedded_seeds;

    #[test]
    fn edit_distances() {
        assert_eq!(edit_distance("putin", "putin"), 0);
        assert_eq!(edit_distance("puttin", "putin"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn seeds_link_forms_of_one_person() {
        let corpus = load_embedded_seeds();
        let index = Index::build(&corpus);
        let putin = index.find("putin").unwrap();
        let e = index.entity(putin);
        assert_eq!(e.id, "person:vladimir-putin");
        assert_eq!((e.mentions, e.articles), (23, 5));
        let zelensky = index.entity(index.find("Zelenskyy").unwrap());
        assert_eq!(zelensky.id, "person:volodymyr-zelensky");
        let keir = index.entity(index.find("Keir").unwrap());
        assert_eq!(keir.id, "person:keir-starmer");
        for (a, list) in index.article_mentions.iter().enumerate() {
            for m in list {
                let text = corpus.articles[a].field(m.field);
                assert!(text.get(m.range()).is_some(), "mention on char boundaries");
            }
        }
    }

    #[test]
    fn linking_stamps_its_own_rules_on_the_mentions_it_adds() {
        // Without a gazetteer, the cue rules find the people and linking adds bare surnames.
        let index = Index::build_with(&load_embedded_seeds(), &Gazetteer::new(vec![]));
        let rules: std::collections::BTreeSet<Rule> = index.article_mentions.iter().flatten().map(|m| m.rule).collect();
        assert!(rules.contains(&Rule::ArticleSurname), "{rules:?}");
        assert!(!rules.contains(&Rule::Gazetteer), "{rules:?}");
    }

    #[test]
    fn a_korean_name_is_known_by_its_first_word() {
        let text = "Podcast\n\nPark Geun-hye and Kim Eo-joon were questioned. Later Park spoke, and Kim \
                    laughed. Geun-hye left. The Co-op Pre-season sale.";
        let corpus = crate::corpus::Corpus {
            articles: vec![crate::corpus::article("a.txt".into(), text)],
            ..Default::default()
        };
        let index = Index::build_with(&corpus, &Gazetteer::new(vec![]));
        let named: Vec<(String, String)> = index
            .mentions_in(0)
            .iter()
            .filter(|m| m.field == crate::corpus::Field::Body)
            .map(|m| (corpus.articles[0].body[m.range()].to_string(), index.entity(m.entity).name.clone()))
            .collect();
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            named,
            [
                pair("Park Geun-hye", "Park Geun-hye"),
                pair("Kim Eo-joon", "Kim Eo-joon"),
                pair("Park", "Park Geun-hye"),
                pair("Kim", "Kim Eo-joon"),
                pair("Geun-hye", "Park Geun-hye"),
            ]
        );
    }

    #[test]
    fn not_people() {
        let index = Index::build(&load_embedded_seeds());
        for name in ["Truth Social", "Kremlin", "White House", "Crimea", "Financial Times", "G7"] {
            let id = index.find(name).unwrap_or_else(|| panic!("{name} recognised"));
            assert_ne!(index.entity(id).kind, Kind::Person, "{name}");
        }
        assert!(index.find("Easter").is_none());
    }

    #[test]
    fn closest_names_for_typos() {
        let index = Index::build(&load_embedded_seeds());
        assert_eq!(index.closest("Puttin", 1), ["Vladimir Putin"]);
    }
}
