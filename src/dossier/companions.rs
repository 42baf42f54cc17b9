//! Who appears with a person: the entities mentioned in the same paragraphs (a headline
//! counts as a paragraph), counted over the articles that mention the person.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::text::paragraphs;
use crate::corpus::{Corpus, Field};
use crate::entities::{EntityId, Index};

/// An entity seen beside the dossier's one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Companion {
    pub entity: EntityId,
    /// Paragraphs that mention both.
    pub count: usize,
    /// Articles that mention both.
    pub articles: usize,
}

/// Companions of `entity`: persons first, then organisations and places; within a kind,
/// most shared paragraphs, then most shared articles, then by name.
pub fn companions(corpus: &Corpus, index: &Index, entity: EntityId) -> Vec<Companion> {
    // Articles in parallel, each thread counting into its own map: the most mentioned
    // person of a large corpus is in thousands of articles.
    let counts = index
        .articles_of(entity)
        .par_iter()
        .fold(FxHashMap::default, |mut counts: FxHashMap<EntityId, (usize, usize)>, &a| {
            if let Some(article) = corpus.articles.get(a as usize) {
                count_article(&article.body, index.mentions_in(a as usize), entity, &mut counts);
            }
            counts
        })
        .reduce(FxHashMap::default, |mut a, b| {
            for (e, (count, articles)) in b {
                let slot = a.entry(e).or_default();
                slot.0 += count;
                slot.1 += articles;
            }
            a
        });
    let mut list: Vec<Companion> =
        counts.into_iter().map(|(e, (count, articles))| Companion { entity: e, count, articles }).collect();
    list.sort_by(|a, b| {
        let (ea, eb) = (index.entity(a.entity), index.entity(b.entity));
        (ea.kind, std::cmp::Reverse(a.count), std::cmp::Reverse(a.articles), &ea.name).cmp(&(
            eb.kind,
            std::cmp::Reverse(b.count),
            std::cmp::Reverse(b.articles),
            &eb.name,
        ))
    });
    list
}

/// Adds one article's shared paragraphs and its one shared article to `counts`.
fn count_article(
    body: &str,
    mentions: &[crate::entities::Mention],
    entity: EntityId,
    counts: &mut FxHashMap<EntityId, (usize, usize)>,
) {
    // Paragraph of each mention: the title is paragraph 0, body paragraphs follow.
    let ends: Vec<usize> = paragraphs(body).into_iter().map(|p| p.end).collect();
    let para = |m: &crate::entities::Mention| match m.field {
        Field::Title => 0,
        Field::Body => 1 + ends.partition_point(|&e| e < m.start as usize),
    };
    let mut with_entity: Vec<usize> = mentions.iter().filter(|m| m.entity == entity).map(para).collect();
    with_entity.dedup();
    let mut seen: FxHashMap<EntityId, (usize, bool)> = FxHashMap::default(); // last paragraph counted
    for m in mentions.iter().filter(|m| m.entity != entity) {
        let p = para(m);
        let slot = seen.entry(m.entity).or_insert((usize::MAX, false));
        let entry = counts.entry(m.entity).or_default();
        if !slot.1 {
            slot.1 = true;
            entry.1 += 1;
        }
        if slot.0 != p && with_entity.binary_search(&p).is_ok() {
            slot.0 = p;
            entry.0 += 1;
        }
    }
}
