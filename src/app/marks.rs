//! Read marks, stars and the reading place: kept in the app, handed to the state file.

use super::App;
use crate::state::{Change, Place, Saved, article_key, now};

impl App {
    /// Keys for articles that have none yet (all at first, then each batch read).
    pub(super) fn add_keys(&mut self) {
        let from = self.keys.len();
        self.keys.extend(self.corpus.articles[from..].iter().map(article_key));
        for &key in &self.keys[from..] {
            *self.copies.entry(key).or_default() += 1;
        }
        self.unread += self.keys[from..].iter().filter(|k| !self.marks.read.contains(k)).count();
    }

    pub fn is_read(&self, article: usize) -> bool {
        self.keys.get(article).is_some_and(|k| self.marks.read.contains(k))
    }

    pub fn is_starred(&self, article: usize) -> bool {
        self.keys.get(article).is_some_and(|k| self.marks.starred.contains(k))
    }

    pub(super) fn set_read(&mut self, article: usize, read: bool) {
        let Some(&key) = self.keys.get(article) else { return };
        if self.marks.read.contains(&key) == read {
            return;
        }
        let change = Change::Read(key, read, now());
        self.marks.apply(&change);
        self.changes.push(change);
        // Every copy of the text changes with it; no walk over the corpus.
        let copies = self.copies.get(&key).copied().unwrap_or(1) as usize;
        self.unread = if read { self.unread.saturating_sub(copies) } else { self.unread + copies };
    }

    pub(super) fn toggle_star(&mut self) {
        let Some(&key) = self.keys.get(self.open) else { return };
        let change = Change::Star(key, !self.marks.starred.contains(&key), now());
        self.marks.apply(&change);
        self.changes.push(change);
        self.message = Some(if self.is_starred(self.open) { "starred" } else { "star removed" }.into());
    }

    pub(super) fn recount(&mut self) {
        self.unread = self.keys.iter().filter(|k| !self.marks.read.contains(k)).count();
    }

    /// The saved state, once read: marks, and the place to reopen for corpus `place_key`.
    /// Changes made before it arrived stay on top of it.
    pub fn restore(&mut self, mut saved: Saved, place_key: String) {
        for change in self.unsaved.iter().flat_map(|(_, changes)| changes).chain(&self.changes) {
            saved.apply(change);
        }
        self.pending_place = saved.places.get(&place_key).copied();
        self.last_place = self.pending_place;
        self.place_key = Some(place_key);
        self.marks = saved;
        self.recount();
        self.restore_place(0);
    }

    /// Reopens the saved place if its article is among those from `from` on, unless the
    /// user has already moved.
    pub(super) fn restore_place(&mut self, from: usize) {
        let Some(place) = self.pending_place else { return };
        if self.touched {
            self.pending_place = None;
            return;
        }
        let Some(article) = self.keys.iter().skip(from).position(|&k| k == place.article).map(|i| i + from) else {
            return;
        };
        self.pending_place = None;
        self.open_article(article);
        self.reader_top = self.wrapped.row_of(crate::corpus::Field::Body, place.offset).unwrap_or(0);
        self.clamp_reader();
    }

    /// The reading place now, when it differs from the one last handed over.
    fn moved_place(&self) -> Option<(String, Place)> {
        let (corpus, &article) = (self.place_key.as_ref()?, self.keys.get(self.open)?);
        let offset = match self.wrapped.anchor_of(self.reader_top) {
            Some((crate::corpus::Field::Body, offset)) => offset,
            _ => 0,
        };
        let place = Place { article, offset };
        (self.pending_place.is_none() && self.last_place != Some(place)).then(|| (corpus.clone(), place))
    }

    /// Something changed that has not been handed over to be saved.
    pub fn has_changes(&self) -> bool {
        !self.changes.is_empty() || self.moved_place().is_some()
    }

    /// Changes to save since the last call, with the reading place when it moved.
    pub fn take_changes(&mut self) -> Vec<Change> {
        if let Some((corpus, place)) = self.moved_place() {
            self.last_place = Some(place);
            self.changes.push(Change::Place(corpus, place, now()));
        }
        std::mem::take(&mut self.changes)
    }

    /// [`App::take_changes`] as a numbered batch, kept here until a save that covers it
    /// is reported (see [`App::save_reported`]).
    pub fn take_batch(&mut self) -> Option<(u64, Vec<Change>)> {
        let changes = self.take_changes();
        if changes.is_empty() {
            return None;
        }
        self.batches += 1;
        self.unsaved.push((self.batches, changes.clone()));
        Some((self.batches, changes))
    }

    /// A save covered the batches up to `through`. `merged` is the file's marks when
    /// another process changed them: taken in, with this session's later changes over them.
    pub fn save_reported(&mut self, through: u64, saved: bool, merged: Option<Saved>) {
        if saved {
            self.unsaved.retain(|(batch, _)| *batch > through);
        }
        if let Some(mut merged) = merged {
            for change in self.unsaved.iter().flat_map(|(_, changes)| changes).chain(&self.changes) {
                merged.apply(change);
            }
            self.adopt(merged);
        }
    }

    /// The state as saved, merged with what other byline processes saved meanwhile.
    pub fn adopt(&mut self, merged: Saved) {
        // Recounting walks every article: only when another process changed something.
        if merged.read != self.marks.read {
            self.marks = merged;
            self.recount();
        } else {
            self.marks = merged;
        }
    }
}
