//! Read marks, stars and the reading place: the read-marks sub-state owns them and what is
//! still to be handed to the state file; `App` tells it what the user read and where.

use super::App;
use crate::corpus::Article;
use crate::state::{Change, Place, Saved, article_key, now};

/// Each article's key (a hash of its text), the marks as saved plus this session's changes,
/// the changes not yet saved, the unread count and the reading place.
#[derive(Debug, Default)]
pub struct ReadMarks {
    /// Each article's key in the state file, by article number.
    keys: Vec<u64>,
    /// How many articles have each key (the same text twice shares its marks).
    copies: rustc_hash::FxHashMap<u64, u32>,
    /// Read marks and stars as last saved or merged, plus this session's changes.
    saved: Saved,
    /// Changes not yet handed over to be saved, in order.
    changes: Vec<Change>,
    /// Batches handed over whose save is not yet reported, numbered from 1.
    unsaved: Vec<(u64, Vec<Change>)>,
    batches: u64,
    unread: usize,
    /// The name the corpus's reading place is saved under, known from the start.
    place_key: Option<String>,
    /// Whether the saved state has been read (and taken in) yet.
    restored: bool,
    /// The saved place, until it is loaded and shown (or the user has moved on).
    pending_place: Option<Place>,
    last_place: Option<Place>,
}

impl ReadMarks {
    /// Keys for articles that have none yet (all at first, then each batch read).
    pub fn add_keys(&mut self, articles: &[Article]) {
        let from = self.keys.len();
        self.keys.extend(articles[from..].iter().map(article_key));
        for &key in &self.keys[from..] {
            *self.copies.entry(key).or_default() += 1;
        }
        self.unread += self.keys[from..].iter().filter(|k| !self.saved.read.contains(k)).count();
    }

    pub fn unread(&self) -> usize {
        self.unread
    }

    pub fn is_read(&self, article: usize) -> bool {
        self.keys.get(article).is_some_and(|k| self.saved.read.contains(k))
    }

    pub fn is_starred(&self, article: usize) -> bool {
        self.keys.get(article).is_some_and(|k| self.saved.starred.contains(k))
    }

    pub fn set_read(&mut self, article: usize, read: bool) {
        let Some(&key) = self.keys.get(article) else { return };
        if self.saved.read.contains(&key) == read {
            return;
        }
        let change = Change::Read(key, read, now());
        self.saved.apply(&change);
        self.changes.push(change);
        // Every copy of the text changes with it; no walk over the corpus.
        let copies = self.copies.get(&key).copied().unwrap_or(1) as usize;
        self.unread = if read { self.unread.saturating_sub(copies) } else { self.unread + copies };
    }

    /// Stars `article`, or takes its star away; returns whether it is starred now.
    pub fn toggle_star(&mut self, article: usize) -> Option<bool> {
        let &key = self.keys.get(article)?;
        let change = Change::Star(key, !self.saved.starred.contains(&key), now());
        self.saved.apply(&change);
        self.changes.push(change);
        Some(self.is_starred(article))
    }

    fn recount(&mut self) {
        self.unread = self.keys.iter().filter(|k| !self.saved.read.contains(k)).count();
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
        self.restored = true;
        self.saved = saved;
        self.recount();
    }

    /// The saved place to reopen when its article is among those from `from` on: the
    /// article and the body offset. Forgotten once taken, or once the user has `moved`.
    pub fn take_place(&mut self, from: usize, moved: bool) -> Option<(usize, usize)> {
        let place = self.pending_place?;
        if moved {
            self.pending_place = None;
            return None;
        }
        let article = self.keys.iter().skip(from).position(|&k| k == place.article)? + from;
        self.pending_place = None;
        Some((article, place.offset))
    }

    /// The reading place (`article` at body `offset`), when it differs from the one last
    /// handed over.
    fn moved_place(&self, article: usize, offset: usize) -> Option<(String, Place)> {
        // Before the saved state is read, the first article's top is where every start
        // begins, not a place the user went to: it must not replace the saved one.
        if !self.restored && article == 0 && offset == 0 {
            return None;
        }
        let (corpus, &article) = (self.place_key.as_ref()?, self.keys.get(article)?);
        let place = Place { article, offset };
        (self.pending_place.is_none() && self.last_place != Some(place)).then(|| (corpus.clone(), place))
    }

    fn has_changes(&self, article: usize, offset: usize) -> bool {
        !self.changes.is_empty() || self.moved_place(article, offset).is_some()
    }

    fn take_changes(&mut self, article: usize, offset: usize) -> Vec<Change> {
        if let Some((corpus, place)) = self.moved_place(article, offset) {
            self.last_place = Some(place);
            self.changes.push(Change::Place(corpus, place, now()));
        }
        std::mem::take(&mut self.changes)
    }

    fn take_batch(&mut self, article: usize, offset: usize) -> Option<(u64, Vec<Change>)> {
        let changes = self.take_changes(article, offset);
        if changes.is_empty() {
            return None;
        }
        self.batches += 1;
        self.unsaved.push((self.batches, changes.clone()));
        Some((self.batches, changes))
    }

    fn save_reported(&mut self, through: u64, saved: bool, merged: Option<Saved>) {
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

    fn adopt(&mut self, merged: Saved) {
        // Recounting walks every article: only when another process changed something.
        let changed = merged.read != self.saved.read;
        self.saved = merged;
        if changed {
            self.recount();
        }
    }
}

impl App {
    /// Unread articles in the list: all of them, or those a filter lets through.
    pub fn unread(&self) -> usize {
        if self.filters == super::Filters::default() {
            return self.marks.unread();
        }
        self.list.visible().iter().filter(|&&a| !self.marks.is_read(a)).count()
    }

    pub fn is_read(&self, article: usize) -> bool {
        self.marks.is_read(article)
    }

    pub fn is_starred(&self, article: usize) -> bool {
        self.marks.is_starred(article)
    }

    pub(super) fn toggle_star(&mut self) {
        if let Some(starred) = self.marks.toggle_star(self.reader.open()) {
            self.message = Some(if starred { "starred" } else { "star removed" }.into());
        }
    }

    /// The name the reading place is saved under, before the saved state is read: a user
    /// who moves and quits before then keeps the place.
    pub fn set_place_key(&mut self, place_key: String) {
        self.marks.place_key = Some(place_key);
    }

    /// The saved state, once read: marks, and the place to reopen for corpus `place_key`.
    /// Changes made before it arrived stay on top of it.
    pub fn restore(&mut self, saved: Saved, place_key: String) {
        self.marks.restore(saved, place_key);
        self.restore_place(0);
    }

    /// Reopens the saved place if its article is among those from `from` on, unless the
    /// user has already moved.
    pub(super) fn restore_place(&mut self, from: usize) {
        let Some((article, offset)) = self.marks.take_place(from, self.touched) else { return };
        self.open_article(article);
        self.reader.scroll_to_body(offset, self.reader_size().1);
    }

    /// The open article and the body offset at the reader's top: the reading place.
    fn place(&self) -> (usize, usize) {
        let offset = match self.reader.anchor() {
            Some((crate::corpus::Field::Body, offset)) => offset,
            _ => 0,
        };
        (self.reader.open(), offset)
    }

    /// Something changed that has not been handed over to be saved.
    pub fn has_changes(&self) -> bool {
        let (article, offset) = self.place();
        self.marks.has_changes(article, offset)
    }

    /// Changes to save since the last call, with the reading place when it moved.
    pub fn take_changes(&mut self) -> Vec<Change> {
        let (article, offset) = self.place();
        self.marks.take_changes(article, offset)
    }

    /// [`App::take_changes`] as a numbered batch, kept until a save that covers it is
    /// reported (see [`App::save_reported`]).
    pub fn take_batch(&mut self) -> Option<(u64, Vec<Change>)> {
        let (article, offset) = self.place();
        self.marks.take_batch(article, offset)
    }

    /// A save covered the batches up to `through`. `merged` is the file's marks when
    /// another process changed them: taken in, with this session's later changes over them.
    pub fn save_reported(&mut self, through: u64, saved: bool, merged: Option<Saved>) {
        self.marks.save_reported(through, saved, merged);
    }

    /// The state as saved, merged with what other byline processes saved meanwhile.
    pub fn adopt(&mut self, merged: Saved) {
        self.marks.adopt(merged);
    }
}
