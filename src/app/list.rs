//! Which articles the list shows (filters) and in which order (sorts).

use super::{App, keep_visible};

impl App {
    /// Rebuilds the list: the articles the filters let through, in the sort order. Keeps
    /// the open article when it is listed, else opens the first.
    pub(super) fn relist(&mut self) {
        let mut list: Vec<usize> = match (self.filter, &self.search) {
            (Some(entity), _) => self.index.articles_of(entity).iter().map(|&a| a as usize).collect(),
            (None, Some(search)) if self.search_filter => search.articles.clone(),
            _ => (0..self.corpus.articles.len()).collect(),
        };
        if self.starred_only {
            list.retain(|&a| self.marks.is_starred(a));
        }
        if !self.rank.is_empty() {
            list.sort_unstable_by_key(|&a| self.rank[a]);
        }
        self.visible = list;
        if self.list_position(self.open).is_none()
            && let Some(&first) = self.visible.first()
        {
            self.open_article(first);
        }
        self.list_cursor = self.list_position(self.open).unwrap_or(0);
        self.list_offset = keep_visible(self.list_cursor, 0, self.list_capacity());
    }

    /// Where `article` is in the list, if listed: a binary search, as the list is in
    /// sort order.
    pub fn list_position(&self, article: usize) -> Option<usize> {
        if self.rank.is_empty() {
            self.visible.binary_search(&article).ok()
        } else {
            let rank = *self.rank.get(article)?;
            self.visible.binary_search_by_key(&rank, |&a| self.rank[a]).ok()
        }
    }

    /// `o`: the next sort order.
    pub(super) fn cycle_sort(&mut self) {
        if matches!(self.phase, super::Phase::Loading { .. }) {
            self.message = Some("sorting waits until every file is read".into());
            return;
        }
        self.sort = self.sort.next();
        self.rank = self.sort.ranks(&self.corpus, &self.index);
        self.relist();
        self.message = Some(format!("sorted {}", self.sort.name()));
    }
}
