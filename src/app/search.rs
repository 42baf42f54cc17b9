//! Full-text search over titles and bodies: smart case (an upper-case letter in the query
//! makes it case-sensitive), every match found in reading order.

use std::ops::Range;
use std::sync::Arc;

use aho_corasick::AhoCorasick;
use rayon::prelude::*;

use crate::corpus::{Article, Corpus, Field};

/// One match: where in which article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hit {
    pub article: u32,
    pub field: Field,
    pub start: u32,
    pub end: u32,
}

/// The search being typed or stepped through.
#[derive(Debug, Default)]
pub struct Search {
    pub query: String,
    /// The query is still being typed (keys go into it).
    pub editing: bool,
    /// Every match, in reading order.
    pub hits: Vec<Hit>,
    /// The articles with a match, in corpus order (found once per query, not per frame).
    pub articles: Vec<usize>,
    /// The match `n`/`N` landed on.
    pub current: Option<usize>,
    /// The search whose hits these are; reports of another generation are dropped.
    pub generation: u64,
    /// Every match is found: the counts are final.
    pub done: bool,
    /// The articles it was asked to search (see [`super::SearchRequest`]), and how far it got.
    pub(super) listed: Arc<[usize]>,
    pub(super) tail: Range<usize>,
    pub(super) through: usize,
}

/// Smart case: an upper-case letter makes the search case-sensitive.
pub fn case_sensitive(query: &str) -> bool {
    query.chars().any(char::is_uppercase)
}

impl Search {
    /// Every match of `query` in the corpus. Case is ignored (for ASCII letters) unless the
    /// query has an upper-case letter. A derived title repeats the body and is not searched.
    pub fn find(corpus: &Corpus, query: &str) -> Vec<Hit> {
        let Some(matcher) = Search::matcher(query) else { return Vec::new() };
        let matcher = &matcher;
        corpus
            .articles
            .par_iter()
            .enumerate()
            .flat_map_iter(|(a, article)| Search::hits_of(matcher, a, article))
            .collect()
    }

    /// What finds `query` with its case rule; None for an empty query.
    pub(super) fn matcher(query: &str) -> Option<AhoCorasick> {
        if query.is_empty() {
            return None;
        }
        AhoCorasick::builder().ascii_case_insensitive(!case_sensitive(query)).build([query]).ok()
    }

    /// The matches in article number `a`, in reading order.
    pub(super) fn hits_of<'a>(
        matcher: &'a AhoCorasick,
        a: usize,
        article: &'a Article,
    ) -> impl Iterator<Item = Hit> + 'a {
        let fields = if article.title_is_headline { &[Field::Title, Field::Body][..] } else { &[Field::Body][..] };
        fields.iter().flat_map(move |&field| {
            matcher.find_iter(article.field(field)).map(move |m| Hit {
                article: a as u32,
                field,
                start: m.start() as u32,
                end: m.end() as u32,
            })
        })
    }

    /// The matches in one article.
    pub fn hits_in(&self, article: usize) -> &[Hit] {
        let from = self.hits.partition_point(|h| (h.article as usize) < article);
        let to = self.hits.partition_point(|h| (h.article as usize) <= article);
        &self.hits[from..to]
    }

    /// The matches in one article that share a byte with `range` of `field`: two binary
    /// searches, so drawing a screen costs the same with ten matches or millions. Matches of
    /// one query do not overlap, so their ends are in order as their starts are.
    pub fn hits_within(&self, article: usize, field: Field, range: std::ops::Range<usize>) -> &[Hit] {
        let hits = self.hits_in(article);
        let from = hits.partition_point(|h| (h.field, h.end as usize) <= (field, range.start));
        let to = from + hits[from..].partition_point(|h| h.field == field && (h.start as usize) < range.end);
        &hits[from..to]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::article;

    fn corpus(texts: &[&str]) -> Corpus {
        Corpus { articles: texts.iter().map(|t| article("a.txt".into(), t)).collect(), ..Default::default() }
    }

    #[test]
    fn smart_case_and_titles() {
        let c = corpus(&["US talks begin\n\nThe US and us, thus.", "no title line here and US again."]);
        let lower: Vec<(u32, Field)> = Search::find(&c, "us").iter().map(|h| (h.article, h.field)).collect();
        assert_eq!(lower, [(0, Field::Title), (0, Field::Body), (0, Field::Body), (0, Field::Body), (1, Field::Body)]);
        assert_eq!(Search::find(&c, "US").len(), 3);
        assert!(Search::find(&c, "").is_empty());
    }

    #[test]
    fn hits_within_a_range_are_the_ones_a_scan_finds() {
        let c = corpus(&["Ab ab\n\nab xab abab b", "ab"]);
        let search = Search { hits: Search::find(&c, "ab"), ..Search::default() };
        for field in [Field::Title, Field::Body] {
            for start in 0..16 {
                for end in start..16 {
                    let scan: Vec<Hit> = (search.hits_in(0).iter())
                        .filter(|h| h.field == field && (h.start as usize) < end && (h.end as usize) > start)
                        .copied()
                        .collect();
                    assert_eq!(search.hits_within(0, field, start..end), scan, "{field:?} {start}..{end}");
                }
            }
        }
    }
}
