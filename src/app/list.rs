//! The list pane: which articles it shows (filters), in which order (sorts), and its cursor.

use super::scroll::Scroll;
use super::{App, Effect, Phase, Sort};

/// The articles listed, as corpus indices in sort order, each one's place in that order,
/// and the cursor over them.
#[derive(Debug, Default)]
pub struct ListPane {
    visible: Vec<usize>,
    /// Each article's place in the sort order; empty in file order.
    rank: Vec<u32>,
    sort: Sort,
    scroll: Scroll,
}

impl ListPane {
    pub fn new(visible: Vec<usize>) -> ListPane {
        ListPane { visible, ..ListPane::default() }
    }

    /// The articles listed, in order.
    pub fn visible(&self) -> &[usize] {
        &self.visible
    }

    pub fn cursor(&self) -> usize {
        self.scroll.cursor()
    }

    /// The first item shown.
    pub fn offset(&self) -> usize {
        self.scroll.offset()
    }

    pub fn sort(&self) -> Sort {
        self.sort
    }

    /// Where `article` is in the list, if listed: a binary search, as the list is in
    /// sort order.
    pub fn position(&self, article: usize) -> Option<usize> {
        if self.rank.is_empty() {
            self.visible.binary_search(&article).ok()
        } else {
            let rank = *self.rank.get(article)?;
            self.visible.binary_search_by_key(&rank, |&a| self.rank[a]).ok()
        }
    }

    /// Lists `list` in the sort order; the first is opened when `open` is not among them.
    fn set(&mut self, mut list: Vec<usize>, open: usize) -> Option<Effect> {
        if !self.rank.is_empty() {
            list.sort_unstable_by_key(|&a| self.rank[a]);
        }
        self.visible = list;
        let first = self.visible.first().copied();
        first.filter(|_| self.position(open).is_none()).map(Effect::Open)
    }

    /// Articles read while loading join the end (no sort then).
    pub(super) fn extend(&mut self, articles: impl IntoIterator<Item = usize>) {
        self.visible.extend(articles);
    }

    /// The cursor on `article` when it is listed (the reader opened it).
    pub(super) fn follow(&mut self, article: usize, capacity: usize) {
        if let Some(pos) = self.position(article) {
            self.scroll.place(pos, capacity);
        }
    }

    /// The cursor kept in view after a resize, and no empty rows under a top scrolled
    /// further than a larger pane needs.
    pub(super) fn fit(&mut self, capacity: usize) {
        self.scroll.ensure_visible(capacity);
        self.scroll.scroll_by(0, self.visible.len(), capacity);
    }

    /// Up/down: the cursor moves, and the article under it opens.
    pub(super) fn move_by(&mut self, delta: isize, capacity: usize) -> Option<Effect> {
        if self.visible.is_empty() {
            return None;
        }
        let moved = self.scroll.move_by(delta, self.visible.len(), capacity);
        moved.then(|| Effect::Open(self.visible[self.cursor()]))
    }

    /// The wheel: the items scroll, the cursor stays.
    pub(super) fn scroll_by(&mut self, delta: isize, capacity: usize) {
        self.scroll.scroll_by(delta, self.visible.len(), capacity);
    }

    /// A click on item `i`: None when there is no such item, else whether it is the
    /// cursor's already (the cursor goes there).
    pub(super) fn click(&mut self, i: usize, capacity: usize) -> Option<(usize, bool)> {
        let &article = self.visible.get(i)?;
        let again = i == self.cursor();
        self.scroll.place(i, capacity);
        Some((article, again))
    }
}

impl App {
    /// Rebuilds the list: the articles the filters let through, in the sort order. Keeps
    /// the open article when it is listed, else opens the first.
    pub(super) fn relist(&mut self) {
        let mut list: Vec<usize> = match (self.filters.entity, &self.search) {
            (Some(entity), _) => self.index.articles_of(entity).iter().map(|&a| a as usize).collect(),
            (None, Some(search)) if self.filters.search => search.articles.clone(),
            _ => (0..self.corpus.articles.len()).collect(),
        };
        if self.filters.starred {
            list.retain(|&a| self.marks.is_starred(a));
        }
        let effect = self.list.set(list, self.reader.open());
        self.apply(effect);
        let cursor = self.list.position(self.reader.open()).unwrap_or(0);
        self.list.scroll.reset(cursor, self.list_capacity());
    }

    /// `o`: the next sort order.
    pub(super) fn cycle_sort(&mut self) {
        if matches!(self.phase, Phase::Loading { .. }) {
            self.message = Some("sorting waits until every file is read".into());
            return;
        }
        self.list.sort = self.list.sort.next();
        self.list.rank = self.list.sort.ranks(&self.corpus, &self.index);
        self.relist();
        self.message = Some(format!("sorted {}", self.list.sort.name()));
    }
}
