//! The articles that mention a person, by date.

use crate::corpus::{Corpus, Date};
use crate::entities::{EntityId, Index};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimelineEntry {
    pub article: u32,
    pub date: Option<Date>,
    /// Mentions of the entity in the article (title and body).
    pub mentions: usize,
}

/// Oldest first; undated articles last, in corpus order.
pub fn timeline(corpus: &Corpus, index: &Index, entity: EntityId) -> Vec<TimelineEntry> {
    let mut list: Vec<TimelineEntry> = index
        .articles_of(entity)
        .iter()
        .map(|&a| TimelineEntry {
            article: a,
            date: corpus.articles.get(a as usize).and_then(|x| x.date),
            mentions: index.mentions_in(a as usize).iter().filter(|m| m.entity == entity).count(),
        })
        .collect();
    // A stable sort keeps corpus order among equal dates.
    list.sort_by_key(|t| (t.date.is_none(), t.date));
    list
}
