//! Every article's quotes and roles, found once per corpus (in parallel) so that opening a
//! dossier only gathers them: attribution reads whole bodies and is too slow for a key press.

use rayon::prelude::*;

use super::distinct::words_hash;
use super::quotes::{Quote, attribute};
use super::role_book::RoleBook;
use super::roles::{RoleHit, roles};
use super::view::View;
use crate::corpus::Corpus;
use crate::entities::Index;

/// What the attribution rules found in one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Found {
    quotes: Vec<Quote>,
    /// [`words_hash`] of each quote's text, by which a dossier folds repeats.
    words: Vec<u64>,
    roles: Vec<RoleHit>,
}

/// The quotes and roles of every article of one corpus, by article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuoteIndex {
    articles: Vec<Found>,
}

impl QuoteIndex {
    /// Reads every article of `corpus` with the mentions `index` found there: first the
    /// roles, whose holders across the corpus name "the prime minister", then the quotes.
    /// Each pass builds an article's view and drops it at once: views of the whole corpus
    /// held between the passes took 4 GB at 222,500 articles.
    pub fn build(corpus: &Corpus, index: &Index) -> QuoteIndex {
        let view = |a: usize| View::new(&corpus.articles[a].body, index.mentions_in(a), index);
        let found: Vec<Vec<RoleHit>> = (0..corpus.articles.len()).into_par_iter().map(|a| roles(&view(a))).collect();
        let book = RoleBook::new(found.iter().enumerate().flat_map(|(a, roles)| {
            let body = &corpus.articles[a].body;
            roles.iter().map(move |r| (&body[r.start..r.end], r.entity))
        }));
        let articles = found
            .into_par_iter()
            .enumerate()
            .map(|(a, roles)| {
                let view = view(a);
                if view.persons.is_empty() {
                    return Found::default();
                }
                let quotes = attribute(&view, &roles, &book, a as u32);
                let body = &corpus.articles[a].body;
                let words = quotes.iter().map(|q| words_hash(body.get(q.range()).unwrap_or(""))).collect();
                Found { quotes, words, roles }
            })
            .collect();
        QuoteIndex { articles }
    }

    /// The quotes of article `article`, in reading order (none for an article it never saw).
    pub fn quotes(&self, article: u32) -> &[Quote] {
        self.articles.get(article as usize).map_or(&[], |f| &f.quotes)
    }

    /// The quotes of article `article` with the hash of their words, as
    /// [`distinct`](super::distinct) folds them.
    pub fn keyed(&self, article: u32) -> impl Iterator<Item = (Quote, u64)> + '_ {
        self.articles
            .get(article as usize)
            .into_iter()
            .flat_map(|f| f.quotes.iter().copied().zip(f.words.iter().copied()))
    }

    /// The roles found in article `article`, in reading order.
    pub(super) fn roles(&self, article: u32) -> &[RoleHit] {
        self.articles.get(article as usize).map_or(&[], |f| &f.roles)
    }

    /// Number of articles indexed.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }
}
