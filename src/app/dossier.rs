//! The dossier pane: a person's dossier laid out at the pane's width (see
//! [`crate::dossier::layout`]), a cursor on its items, and what keys do while it is open.

use super::{App, DossierPane, Effect, Filters, Focus, Overlay};
use crate::app::Action;
use crate::corpus::Corpus;
use crate::dossier::Dossier;
use crate::dossier::layout::{DossierLayout, Row, Target, lay_out, rows_of};
use crate::entities::{EntityId, Index};

/// Quotes and timeline entries the pane lays out. The most mentioned person of a large
/// corpus has thousands: laying out all of them took 40 ms at 222,500 articles.
pub const PANE_ENTRIES: usize = 300;

#[derive(Debug, Clone)]
pub struct DossierView {
    pub dossier: Dossier,
    pub width: usize,
    pub rows: Vec<Row>,
    pub items: Vec<Target>,
    /// The item under the cursor, and the first row shown.
    pub cursor: usize,
    pub top: usize,
    /// How many quotes and timeline entries are laid out (None: all, and every companion).
    pub limit: Option<usize>,
}

impl DossierView {
    /// The dossier laid out at `width` columns, with at most `limit` quotes and timeline
    /// entries (and 20 companions), or all of them.
    pub fn new(dossier: Dossier, corpus: &Corpus, index: &Index, width: usize, limit: Option<usize>) -> DossierView {
        let mut view = DossierView { dossier, width: 0, rows: Vec::new(), items: Vec::new(), cursor: 0, top: 0, limit };
        view.layout(corpus, index, width);
        view
    }

    /// Lays the dossier out at `width` columns (again after a resize).
    pub fn layout(&mut self, corpus: &Corpus, index: &Index, width: usize) {
        let DossierLayout { width, rows, items } = lay_out(&self.dossier, corpus, index, width, self.limit);
        (self.width, self.rows, self.items) = (width, rows, items);
        self.cursor = self.cursor.min(self.items.len().saturating_sub(1));
    }

    /// The rows of item `item`.
    pub fn rows_of(&self, item: usize) -> std::ops::Range<usize> {
        rows_of(&self.rows, item)
    }

    /// Moves the cursor by `delta` items and scrolls it into a view of `height` rows.
    pub fn move_cursor(&mut self, delta: isize, height: usize) {
        if self.items.is_empty() {
            self.scroll(delta, height);
            return;
        }
        self.cursor = self.cursor.saturating_add_signed(delta).min(self.items.len() - 1);
        let rows = self.rows_of(self.cursor);
        if rows.start < self.top {
            self.top = rows.start;
        } else if rows.end > self.top + height {
            self.top = rows.end.saturating_sub(height).min(rows.start);
        }
        // At the first item, show the header above it too.
        if self.cursor == 0 {
            self.top = 0;
        }
    }

    /// Scrolls by `delta` rows; the cursor goes to the first item in view.
    pub fn scroll(&mut self, delta: isize, height: usize) {
        self.top = self.top.saturating_add_signed(delta).min(self.rows.len().saturating_sub(height));
        if let Some(item) = self.rows.iter().skip(self.top).take(height).find_map(|r| r.item) {
            let shown = self.rows_of(self.cursor);
            if shown.start < self.top || shown.end > self.top + height {
                self.cursor = item;
            }
        }
    }
}

impl App {
    /// `i`: the dossier of the entity under the cursor in the entity pane, or else of the
    /// selected one.
    pub(super) fn open_dossier(&mut self) {
        let under_cursor = (self.focus == Focus::Entities).then(|| self.entities.under_cursor(&self.index)).flatten();
        let Some(entity) = under_cursor.or(self.followed.selected()) else {
            self.message = Some("no entity selected: pick one in the entity pane, or press * in the reader".into());
            return;
        };
        // The dossier left by following one of its items opens where it was left.
        if let Some(mut pane) = self.left_dossier.take().filter(|p| p.view.dossier.entity == entity) {
            self.fit_dossier(&mut pane.view);
            self.overlay = Overlay::Dossier(pane);
            self.followed.follow(Some(entity));
            return;
        }
        if let Some(view) = self.dossier_view(entity) {
            self.show_dossier(view, Vec::new());
        }
    }

    /// `entity`'s dossier laid out for the pane; None (and a note) while quotes are found.
    fn dossier_view(&mut self, entity: EntityId) -> Option<DossierView> {
        let Some(quotes) = self.quotes() else {
            self.message = Some("quotes are still being found: the dossier opens when that is done".into());
            return None;
        };
        let dossier = crate::dossier::Dossier::build(&self.corpus, &self.index, quotes, entity);
        let width = self.reader_size().0;
        Some(DossierView::new(dossier, &self.corpus, &self.index, width, Some(PANE_ENTRIES)))
    }

    /// Lays `view` out again when the pane's width changed since it was shown.
    pub(super) fn fit_dossier(&self, view: &mut DossierView) {
        let width = self.reader_size().0;
        if view.width != width.max(10) {
            view.layout(&self.corpus, &self.index, width);
        }
    }

    /// Shows `view`; Esc goes back to those in `back`.
    pub(super) fn show_dossier(&mut self, view: DossierView, back: Vec<DossierView>) {
        let entity = view.dossier.entity;
        self.overlay = Overlay::Dossier(Box::new(DossierPane { view, back }));
        self.followed.follow(Some(entity));
    }

    /// Keys while the dossier is open. Returns false for those it leaves to the rest of
    /// the app (quit, help, resize).
    pub(super) fn dossier_action(&mut self, action: Action) -> bool {
        let height = self.reader_size().1.max(1);
        let Some(DossierPane { view, back }) = self.overlay.dossier_mut() else { return false };
        match action {
            Action::Up => view.move_cursor(-1, height),
            Action::Down => view.move_cursor(1, height),
            Action::First => view.move_cursor(isize::MIN / 2, height),
            Action::Last => view.move_cursor(isize::MAX / 2, height),
            Action::PageUp => view.scroll(-(height as isize - 1).max(1), height),
            Action::PageDown => view.scroll((height as isize - 1).max(1), height),
            Action::Activate => self.follow_dossier_item(),
            // Back to the dossier before, on the item that was followed.
            Action::Back | Action::Dossier => match back.pop() {
                Some(mut previous) => {
                    let back = std::mem::take(back);
                    self.fit_dossier(&mut previous);
                    self.show_dossier(previous, back)
                }
                None => self.overlay = Overlay::None,
            },
            Action::Click { column, row } => {
                let Some(panes) = self.layout.panes else { return true };
                let inner_top = panes.reader.y + 1;
                if panes.reader.contains(ratatui::layout::Position::new(column, row)) && row >= inner_top {
                    let at = view.top + (row - inner_top) as usize;
                    if let Some(item) = view.rows.get(at).and_then(|r| r.item) {
                        view.cursor = item;
                        self.follow_dossier_item();
                    }
                }
            }
            Action::Wheel { down, .. } => view.scroll(if down { 3 } else { -3 }, height),
            Action::Quit
            | Action::ToggleHelp
            | Action::Resize(..)
            | Action::JumpBack
            | Action::JumpForward
            | Action::CorrectMerge
            | Action::CorrectSplit
            | Action::CorrectKind
            | Action::CorrectNever
            | Action::CorrectNone
            | Action::CorrectRename
            | Action::CorrectUndo => return false,
            _ => self.message = Some(self.keymap.dossier_hints().1),
        }
        true
    }

    /// Enter on a dossier item: a quote or an article opens in the reader; a companion
    /// shows their dossier (Esc comes back).
    pub(super) fn follow_dossier_item(&mut self) {
        let Some(DossierPane { view, back }) = self.overlay.dossier() else { return };
        let Some(&target) = view.items.get(view.cursor) else { return };
        let here = view.dossier.entity;
        match target {
            Target::Entity(entity) => {
                let mut back = back.clone();
                back.push(view.clone());
                if let Some(companion) = self.dossier_view(entity) {
                    self.show_dossier(companion, back);
                }
            }
            Target::Quote { article, start, end } => {
                let (article, start) = (article as usize, start as usize);
                self.close_dossier_at(article);
                self.reader.mark_quote(article, start..end as usize);
                if let Some(fold) = self.reader.fold_at(start) {
                    self.expand(fold);
                }
                self.apply(Some(Effect::ScrollTo(crate::corpus::Field::Body, start)));
            }
            Target::Article(article) => {
                self.close_dossier_at(article as usize);
                // Land on the person's first mention there.
                let refs = &self.index.entity_mentions[here as usize];
                let i = refs.partition_point(|r| (r.article as usize) < article as usize);
                if let Some(&r) = refs.get(i).filter(|r| r.article == article) {
                    self.go_to_mention(r);
                }
            }
        }
    }

    /// Closes the dossier on `article` in the reader. An article the filters hide is shown
    /// with the filters off: one change to the list, not one per filter.
    pub(super) fn close_dossier_at(&mut self, article: usize) {
        // Kept, so that `i` reopens it where it was.
        if let Overlay::Dossier(pane) = std::mem::take(&mut self.overlay) {
            self.left_dossier = Some(pane);
        }
        if self.list.position(article).is_none() {
            self.filters = Filters::default();
            self.relist();
        }
        self.apply(Some(Effect::Open(article)));
        self.focus = Focus::Reader;
    }
}
