//! The reader pane: the open article, wrapped at the pane's width with its folded repeats,
//! the first row shown, and the quote the dossier jumped to.

use std::ops::Range;

use crate::corpus::{Article, Field};
use crate::entities::Mention;
use crate::fold::Fold;
use crate::wrap::{Row, Wrapped};

#[derive(Debug, Default)]
pub struct ReaderPane {
    open: usize,
    wrapped: Wrapped,
    top: usize,
    /// The open article's runs of repeated paragraphs that are folded.
    folds: Vec<Fold>,
    /// A quote the dossier jumped to, marked: (article, byte range).
    quote_mark: Option<(usize, Range<usize>)>,
    /// The mention `]`/`[` put the cursor on (an index in the open article's mentions):
    /// `*` and Enter act on it while it is shown.
    mention_cursor: Option<u32>,
}

impl ReaderPane {
    /// The article shown.
    pub fn open(&self) -> usize {
        self.open
    }

    pub fn wrapped(&self) -> &Wrapped {
        &self.wrapped
    }

    /// The first row shown.
    pub fn top(&self) -> usize {
        self.top
    }

    pub fn folds(&self) -> &[Fold] {
        &self.folds
    }

    /// The mention under the reader's cursor, if one was chosen in this article.
    pub fn mention_cursor(&self) -> Option<u32> {
        self.mention_cursor
    }

    pub(super) fn set_mention_cursor(&mut self, mention: Option<u32>) {
        self.mention_cursor = mention;
    }

    pub fn quote_mark(&self) -> Option<&(usize, Range<usize>)> {
        self.quote_mark.as_ref()
    }

    /// Shows `article` from its top with `folds` folded, to be wrapped (see [`Self::rewrap`]).
    pub(super) fn show(&mut self, article: usize, folds: Vec<Fold>) {
        self.open = article;
        if self.quote_mark.as_ref().is_some_and(|(a, _)| *a != article) {
            self.quote_mark = None;
        }
        self.folds = folds;
        self.wrapped = Wrapped::default();
        self.top = 0;
        self.mention_cursor = None;
    }

    /// Wraps the open article at `width` unless it is wrapped so already. With no width
    /// (too small to draw), the last layout stays rather than wrap at none.
    pub(super) fn rewrap(&mut self, article: Option<&Article>, width: Option<usize>) {
        if width.is_none() && !self.wrapped.rows.is_empty() {
            return;
        }
        let width = width.unwrap_or(0);
        if let Some(article) = article
            && (self.wrapped.width != width || self.wrapped.rows.is_empty())
        {
            self.wrapped = Wrapped::folded(article, width, &self.folds);
        }
    }

    /// Wraps again at `width`, keeping the text at the top in place (a resize, or a fold
    /// opened).
    pub(super) fn rewrap_in_place(&mut self, article: Option<&Article>, width: Option<usize>, height: usize) {
        self.relayout(article, width, height, false);
    }

    fn relayout(&mut self, article: Option<&Article>, width: Option<usize>, height: usize, afresh: bool) {
        let anchor = self.wrapped.anchor_of(self.top);
        if afresh {
            self.wrapped = Wrapped::default();
        }
        self.rewrap(article, width);
        if let Some((field, offset)) = anchor {
            self.top = self.wrapped.row_of(field, offset).unwrap_or(0);
        }
        self.clamp(height);
    }

    /// Opens `fold` and shows its paragraphs, keeping the text at the top in place.
    pub(super) fn unfold(&mut self, fold: Fold, article: Option<&Article>, width: Option<usize>, height: usize) {
        self.folds.retain(|f| *f != fold);
        self.relayout(article, width, height, true);
    }

    pub(super) fn mark_quote(&mut self, article: usize, range: Range<usize>) {
        self.quote_mark = Some((article, range));
    }

    pub(super) fn scroll_by(&mut self, delta: isize, height: usize) {
        self.top = self.top.saturating_add_signed(delta.max(-(self.top as isize)));
        self.clamp(height);
    }

    /// The top at the row of byte `offset` of the body (a restored place). At 0 the top of
    /// the article, header and all, as it was shown.
    pub(super) fn scroll_to_body(&mut self, offset: usize, height: usize) {
        self.top = if offset == 0 { 0 } else { self.wrapped.row_of(Field::Body, offset).unwrap_or(0) };
        self.clamp(height);
    }

    /// The top at row `top` if it still shows `anchor` first, else at the row of `anchor`
    /// (a place in the jump list, from before a resize or a fold opened).
    pub(super) fn show_place(&mut self, top: usize, anchor: Option<(Field, usize)>, height: usize) {
        self.top = match anchor {
            _ if self.wrapped.anchor_of(top) == anchor => top,
            Some((field, offset)) => self.wrapped.row_of(field, offset).unwrap_or(0),
            None => 0,
        };
        self.clamp(height);
    }

    /// Scrolls so that byte `offset` of `field` is in view.
    pub(super) fn scroll_to(&mut self, field: Field, offset: usize, height: usize) {
        if let Some(row) = self.wrapped.row_of(field, offset) {
            let shown = height.max(1);
            if row < self.top || row >= self.top + shown {
                // Put it a third of the way down, so the text before it gives context.
                self.top = row.saturating_sub(shown / 3);
                self.clamp(height);
            }
        }
    }

    fn clamp(&mut self, height: usize) {
        self.top = self.top.min(self.wrapped.rows.len().saturating_sub(height));
    }

    /// Whether `m` is on one of the `height` rows shown.
    pub(super) fn shows(&self, m: &Mention, height: usize) -> bool {
        self.wrapped.row_of(m.field, m.start as usize).is_some_and(|row| row >= self.top && row < self.top + height)
    }

    /// Whether the reader shows its last row: Space there moves on to the next unread.
    pub(super) fn at_end(&self, height: usize) -> bool {
        self.top + height >= self.wrapped.rows.len()
    }

    /// Index (in the open article's `mentions`) of the first one on or below the top row.
    pub(super) fn first_shown_mention(&self, mentions: &[Mention]) -> u32 {
        mentions
            .iter()
            .position(|m| self.wrapped.row_of(m.field, m.start as usize).is_some_and(|row| row >= self.top))
            .unwrap_or(mentions.len()) as u32
    }

    /// The first folded run among the `height` rows shown.
    pub(super) fn fold_in_view(&self, height: usize) -> Option<Fold> {
        self.wrapped.rows.iter().skip(self.top).take(height).find_map(|r| match *r {
            Row::Fold(fold) => Some(fold),
            _ => None,
        })
    }

    /// The folded run `offset` of the body is in.
    pub(super) fn fold_at(&self, offset: usize) -> Option<Fold> {
        self.folds.iter().find(|f| f.range().contains(&offset)).copied()
    }

    /// The field and byte at the top row.
    pub(super) fn anchor(&self) -> Option<(Field, usize)> {
        self.wrapped.anchor_of(self.top)
    }
}
