//! Folded repeats in the app: which runs of an article are folded, opening one, and the
//! selected entity's mentions counted without the folded copies.

use super::App;
use crate::fold::{Fold, is_folded, repeated_runs};
use crate::wrap::Wrapped;

impl App {
    /// The runs of repeated paragraphs of `article` still folded.
    pub(super) fn folds_of(&self, article: usize) -> Vec<Fold> {
        let mut folds = match self.repeats.get(article) {
            Some(runs) if runs.is_empty() => return Vec::new(),
            Some(runs) => runs.clone(),
            None => self.corpus.articles.get(article).map_or_else(Vec::new, |a| repeated_runs(&a.body)),
        };
        folds.retain(|f| !self.expanded.contains(&(article, f.start)));
        folds
    }

    /// The first folded run on screen.
    pub(super) fn fold_in_view(&self) -> Option<Fold> {
        let height = self.reader_size().1;
        self.wrapped.rows.iter().skip(self.reader_top).take(height).find_map(|r| match *r {
            crate::wrap::Row::Fold(fold) => Some(fold),
            _ => None,
        })
    }

    /// Shows the repeated paragraphs of `fold`, keeping the text at the top in place.
    pub(super) fn expand(&mut self, fold: Fold) {
        self.expanded.insert((self.open, fold.start));
        self.folds.retain(|f| *f != fold);
        let anchor = self.wrapped.anchor_of(self.reader_top);
        self.wrapped = Wrapped::default();
        self.rewrap();
        if let Some((field, offset)) = anchor {
            self.reader_top = self.wrapped.row_of(field, offset).unwrap_or(0);
        }
        self.clamp_reader();
        self.refresh_entity_rows();
    }

    /// Keeps `shown_before` up to date for the selected entity (only when the entity or
    /// the opened folds change: O(its mentions) then, nothing per key otherwise).
    pub(super) fn count_shown_mentions(&mut self) {
        let key = (self.selected, self.expanded.len());
        if (self.shown_before.0, self.shown_before.1) == key && !self.shown_before.2.is_empty() {
            return;
        }
        let Some(entity) = self.selected.filter(|_| self.phase.indexed()) else {
            self.shown_before = (None, 0, Vec::new());
            return;
        };
        let refs = &self.index.entity_mentions[entity as usize];
        let mut counts = Vec::with_capacity(refs.len() + 1);
        let (mut shown, mut folds) = (0u32, (u32::MAX, Vec::new()));
        for r in refs {
            counts.push(shown);
            if r.article != folds.0 {
                folds = (r.article, self.folds_of(r.article as usize));
            }
            shown += u32::from(!folded_mention(&folds.1, self.index.mention(*r)));
        }
        counts.push(shown);
        self.shown_before = (key.0, key.1, counts);
    }
}

/// Whether a mention lies in one of an article's folded repeats.
pub(super) fn folded_mention(folds: &[Fold], m: &crate::entities::Mention) -> bool {
    m.field == crate::corpus::Field::Body && is_folded(folds, m.start as usize)
}
