//! A person's dossier: the names the text uses for them, the roles it gives them, what they
//! said, who appears with them, and when they were in the news.
//!
//! Attribution reads whole bodies, so it runs once per corpus ([`QuoteIndex::build`], in the
//! background after the entity index); [`Dossier::build`] then only gathers what the index
//! and the [`QuoteIndex`] hold for the entity's articles, quick enough for a key press.

mod companions;
mod distinct;
mod gender;
pub mod layout;
mod quote_index;
mod quotes;
mod role_book;
mod roles;
mod text;
mod timeline;
mod view;

use rustc_hash::FxHashMap;
use serde_json::{Value, json};

pub use companions::{Companion, companions};
pub use distinct::{DistinctQuote, distinct};
pub use quote_index::QuoteIndex;
pub use quotes::{Cue, Quote, Rule, Via, quotes_in};
pub use roles::role_key;
pub use timeline::{TimelineEntry, timeline};

use crate::corpus::Corpus;
use crate::entities::{EntityId, Index};

/// A role the text gives the person, with how often.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// As most often written ("Kremlin spokesperson").
    pub role: String,
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dossier {
    pub entity: EntityId,
    /// Every form of the name as written, with its count: most frequent first.
    pub aliases: Vec<(String, usize)>,
    /// Most frequent first; forms differing only in case or dots are one role.
    pub roles: Vec<Role>,
    /// The person's quotes, in corpus and reading order; one that several articles carry
    /// is one entry, where it first appears, with the others in `also_in`.
    pub quotes: Vec<DistinctQuote>,
    pub companions: Vec<Companion>,
    pub timeline: Vec<TimelineEntry>,
}

impl Dossier {
    /// The dossier of `entity` (any kind; quotes and roles are found for persons only).
    /// `quotes` is [`QuoteIndex::build`] of the same corpus and index.
    pub fn build(corpus: &Corpus, index: &Index, quotes: &QuoteIndex, entity: EntityId) -> Dossier {
        let mut aliases: FxHashMap<&str, usize> = FxHashMap::default();
        for r in index.entity_mentions.get(entity as usize).map_or(&[][..], Vec::as_slice) {
            let m = index.mention(*r);
            if let Some(text) = corpus.articles.get(r.article as usize).and_then(|a| a.field(m.field).get(m.range())) {
                *aliases.entry(text).or_default() += 1;
            }
        }
        let mut aliases: Vec<(String, usize)> = aliases.into_iter().map(|(a, n)| (a.to_string(), n)).collect();
        aliases.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));

        // Role key → (count, each written form with its count).
        let mut roles: FxHashMap<String, (usize, FxHashMap<&str, usize>)> = FxHashMap::default();
        let mut said = Vec::new();
        for &a in index.articles_of(entity) {
            let Some(article) = corpus.articles.get(a as usize) else { continue };
            for r in quotes.roles(a).iter().filter(|r| r.entity == entity) {
                let Some(text) = article.body.get(r.start..r.end) else { continue };
                let slot = roles.entry(role_key(text)).or_default();
                slot.0 += 1;
                *slot.1.entry(text).or_default() += 1;
            }
            said.extend(quotes.keyed(a).filter(|(q, _)| q.speaker == entity));
        }
        let mut roles: Vec<Role> = roles
            .into_values()
            .map(|(count, forms)| {
                let role =
                    forms.into_iter().max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0))).unwrap_or_default().0;
                Role { role: role.to_string(), count }
            })
            .collect();
        roles.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.role.cmp(&b.role)));

        Dossier {
            entity,
            aliases,
            roles,
            quotes: distinct(corpus, said),
            companions: companions(corpus, index, entity),
            timeline: timeline(corpus, index, entity),
        }
    }

    /// The dossier as JSON, with entities by name and id and articles by path:
    /// `{"entity", "id", "kind", "aliases": [{"alias", "count"}], "roles": [{"role", "count"}],
    /// "quotes": [{"text", "paraphrase", "verb", "article", "start", "end"}], "companions": [{"entity",
    /// "id", "kind", "count", "articles"}], "timeline": [{"article", "date", "mentions"}]}`.
    /// `start`/`end` are byte offsets into the article body.
    pub fn to_json(&self, corpus: &Corpus, index: &Index) -> Value {
        let path = |a: u32| corpus.articles.get(a as usize).map_or("", |x| x.path.as_str());
        let e = index.entity(self.entity);
        json!({
            "entity": e.name,
            "id": e.id,
            "kind": e.kind,
            "aliases": self.aliases.iter().map(|(a, n)| json!({"alias": a, "count": n})).collect::<Vec<_>>(),
            "roles": self.roles.iter().map(|r| json!({"role": r.role, "count": r.count})).collect::<Vec<_>>(),
            "quotes": self.quotes.iter().map(|q| json!({
                "text": corpus.articles.get(q.article as usize).and_then(|a| a.body.get(q.range())).unwrap_or(""),
                "paraphrase": q.paraphrase,
                "verb": corpus.articles.get(q.article as usize).and_then(|a| q.verb(&a.body)),
                "article": path(q.article),
                "start": q.start,
                "end": q.end,
                "also_in": q.also_in.iter().map(|&a| path(a)).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "companions": self.companions.iter().map(|c| {
                let o = index.entity(c.entity);
                json!({"entity": o.name, "id": o.id, "kind": o.kind, "count": c.count, "articles": c.articles})
            }).collect::<Vec<_>>(),
            "timeline": self.timeline.iter().map(|t| json!({
                "article": path(t.article),
                "date": t.date.map(|d| d.to_string()),
                "mentions": t.mentions,
            })).collect::<Vec<_>>(),
        })
    }
}

/// Every quote in article `article` of the corpus, whoever said it, read alone: a role the
/// article names nobody for ("the prime minister") resolves only through the [`QuoteIndex`].
pub fn article_quotes(corpus: &Corpus, index: &Index, article: u32) -> Vec<Quote> {
    corpus
        .articles
        .get(article as usize)
        .map_or_else(Vec::new, |a| quotes_in(&a.body, index.mentions_in(article as usize), index, article))
}
