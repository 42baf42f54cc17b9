//! Folded repeats in the app: which runs of an article are folded, opening one, and the
//! selected entity's mentions counted without the folded copies.

use super::App;
use crate::fold::{Fold, is_folded, repeated_runs};

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

    /// Shows the repeated paragraphs of `fold`, keeping the text at the top in place.
    pub(super) fn expand(&mut self, fold: Fold) {
        let open = self.reader.open();
        self.expanded.insert((open, fold.start));
        self.reader.unfold(fold, self.corpus.articles.get(open), self.wrap_width(), self.reader_size().1);
        self.refresh_entity_rows();
    }

    /// Keeps the followed entity's counts of shown mentions up to date (only when the
    /// entity or the opened folds change: O(its mentions) then, nothing per key otherwise).
    pub(super) fn count_shown_mentions(&mut self) {
        let opened = self.expanded.len();
        if self.followed.counted(opened) {
            return;
        }
        let Some(entity) = self.followed.selected().filter(|_| self.phase.indexed()) else {
            self.followed.set_counts(0, Vec::new());
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
        self.followed.set_counts(opened, counts);
    }
}

/// Whether a mention lies in one of an article's folded repeats.
pub(super) fn folded_mention(folds: &[Fold], m: &crate::entities::Mention) -> bool {
    m.field == crate::corpus::Field::Body && is_folded(folds, m.start as usize)
}
