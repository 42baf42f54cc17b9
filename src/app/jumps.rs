//! The jump list, as in vim: every jump (n/N, Enter on an entity, a search, following a
//! dossier item, a filter, the picker, another article opened) records where the reader
//! was; `Ctrl-O` goes back to it, across articles and out of the dossier, and the forward
//! key returns.

use super::{App, DossierPane, Filters, Focus, Overlay};
use crate::corpus::Field;

/// How many places each way are kept; older ones are dropped.
const KEPT: usize = 100;

/// Where the reader was: the article, the text at its top, the focused pane, and the
/// dossier when one was open.
#[derive(Debug, Clone)]
pub struct Place {
    pub article: usize,
    pub anchor: Option<(Field, usize)>,
    /// The first row shown, for when the article is still wrapped the same way.
    pub top: usize,
    pub focus: Focus,
    pub dossier: Option<Box<DossierPane>>,
}

impl Place {
    /// The same spot: one jump is not recorded twice.
    fn same(&self, other: &Place) -> bool {
        let dossier = |p: &Place| p.dossier.as_ref().map(|d| (d.view.dossier.entity, d.view.cursor));
        (self.article, self.anchor, dossier(self)) == (other.article, other.anchor, dossier(other))
    }
}

#[derive(Debug, Default)]
pub struct Jumps {
    back: Vec<Place>,
    forward: Vec<Place>,
}

impl Jumps {
    /// Entities are numbered anew (a correction): the dossiers kept in places name them by
    /// their old numbers, so the places go back to the article without them.
    pub(super) fn forget_dossiers(&mut self) {
        for place in self.back.iter_mut().chain(&mut self.forward) {
            place.dossier = None;
        }
    }

    /// A jump from `from` to `to`: `from` is where Ctrl-O returns; what was ahead is dropped.
    pub(super) fn record(&mut self, from: Place, to: &Place) {
        if from.same(to) || self.back.last().is_some_and(|last| last.same(&from)) {
            return;
        }
        self.forward.clear();
        self.back.push(from);
        if self.back.len() > KEPT {
            self.back.remove(0);
        }
    }

    pub fn back_len(&self) -> usize {
        self.back.len()
    }

    pub fn forward_len(&self) -> usize {
        self.forward.len()
    }
}

impl App {
    /// Where the reader is now.
    pub(super) fn here(&self) -> Place {
        let dossier = match &self.overlay {
            Overlay::Dossier(pane) => Some(pane.clone()),
            _ => None,
        };
        let (article, anchor, top) = (self.reader.open(), self.reader.anchor(), self.reader.top());
        Place { article, anchor, top, focus: self.focus, dossier }
    }

    /// Records a jump from `from` to here.
    pub(super) fn record_jump(&mut self, from: Place) {
        let here = self.here();
        self.jumps.record(from, &here);
    }

    /// Ctrl-O (`back`) or the forward key: the place before (after) in the jump list.
    pub(super) fn jump(&mut self, back: bool) {
        let here = self.here();
        let jumps = &mut self.jumps;
        let (from, to) =
            if back { (&mut jumps.back, &mut jumps.forward) } else { (&mut jumps.forward, &mut jumps.back) };
        let Some(place) = from.pop() else {
            let note = if back { "no earlier place in the jump list" } else { "no later place in the jump list" };
            self.message = Some(note.into());
            return;
        };
        to.push(here);
        self.go_to_place(place);
    }

    /// Shows `place` again: its article at the same text, its pane, its dossier.
    pub(super) fn go_to_place(&mut self, place: Place) {
        if self.list.position(place.article).is_none() {
            self.filters = Filters::default();
            self.relist();
        }
        if place.article != self.reader.open() {
            self.open_article(place.article);
        }
        self.list.follow(place.article, self.list_capacity());
        self.reader.show_place(place.top, place.anchor, self.reader_size().1);
        self.focus = place.focus;
        self.overlay = match place.dossier {
            Some(mut pane) => {
                self.fit_dossier(&mut pane.view);
                self.followed.follow(Some(pane.view.dossier.entity));
                Overlay::Dossier(pane)
            }
            None => Overlay::None,
        };
    }
}
