//! Every article's quotes and roles, found once per corpus (in parallel) so that opening a
//! dossier only gathers them: attribution reads whole bodies and is too slow for a key press.

use rayon::prelude::*;

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
    pub fn build(corpus: &Corpus, index: &Index) -> QuoteIndex {
        let found: Vec<(View, Vec<RoleHit>)> = (0..corpus.articles.len())
            .into_par_iter()
            .map(|a| {
                let view = View::new(&corpus.articles[a].body, index.mentions_in(a), index);
                let roles = roles(&view);
                (view, roles)
            })
            .collect();
        let book = RoleBook::new(
            found.iter().flat_map(|(v, roles)| roles.iter().map(|r| (&v.body[r.start..r.end], r.entity))),
        );
        let articles = found
            .into_par_iter()
            .enumerate()
            .map(|(a, (view, roles))| {
                if view.persons.is_empty() {
                    return Found::default();
                }
                let quotes = attribute(&view, &roles, &book, a as u32);
                Found { quotes, roles }
            })
            .collect();
        QuoteIndex { articles }
    }

    /// The quotes of article `article`, in reading order (none for an article it never saw).
    pub fn quotes(&self, article: u32) -> &[Quote] {
        self.articles.get(article as usize).map_or(&[], |f| &f.quotes)
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
