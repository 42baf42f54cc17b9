//! The entity pane: whose entities it lists (the open article's or the corpus's), their
//! rows, and its cursor.

use super::Scope;
use super::scroll::Scroll;
use crate::entities::{EntityId, Index, Mention};

#[derive(Debug)]
pub struct EntityPane {
    scope: Scope,
    /// The open article's entities with their mention counts.
    article_rows: Vec<(EntityId, usize)>,
    scroll: Scroll,
}

impl Default for EntityPane {
    fn default() -> EntityPane {
        EntityPane { scope: Scope::Article, article_rows: Vec::new(), scroll: Scroll::default() }
    }
}

impl EntityPane {
    pub fn scope(&self) -> Scope {
        self.scope
    }

    /// The rows (entity, mentions): the open article's, or the whole corpus's (sorted once
    /// in the index, not copied).
    pub fn rows<'a>(&'a self, index: &'a Index) -> &'a [(EntityId, usize)] {
        match self.scope {
            Scope::Article => &self.article_rows,
            Scope::Corpus => &index.by_prominence,
        }
    }

    pub fn cursor(&self) -> usize {
        self.scroll.cursor()
    }

    /// The first row shown.
    pub fn offset(&self) -> usize {
        self.scroll.offset()
    }

    /// The entity under the cursor.
    pub fn under_cursor(&self, index: &Index) -> Option<EntityId> {
        self.rows(index).get(self.cursor()).map(|r| r.0)
    }

    pub(super) fn toggle_scope(&mut self) {
        self.scope = match self.scope {
            Scope::Article => Scope::Corpus,
            Scope::Corpus => Scope::Article,
        };
    }

    /// The rows again: `shown` are the open article's mentions not in a folded repeat
    /// (each counted once); the cursor goes to `selected` when it is listed.
    pub(super) fn refresh<'m>(
        &mut self,
        index: &Index,
        shown: impl Iterator<Item = &'m Mention>,
        selected: Option<EntityId>,
        capacity: usize,
    ) {
        if self.scope == Scope::Article {
            self.article_rows = index.count_entities(shown);
        }
        let cursor = selected.and_then(|s| self.rows(index).iter().position(|&(e, _)| e == s)).unwrap_or(0);
        self.scroll.reset(cursor, capacity);
    }

    /// The cursor on `entity`'s row when it is listed, else on row `row` or the last: after
    /// the rows changed under it (a correction), the cursor stays on what the user pointed at.
    pub(super) fn keep_cursor(&mut self, index: &Index, entity: Option<EntityId>, row: usize, capacity: usize) {
        let rows = self.rows(index);
        let Some(last) = rows.len().checked_sub(1) else { return };
        let at = entity.and_then(|e| rows.iter().position(|&(r, _)| r == e)).unwrap_or(row.min(last));
        self.scroll.place(at, capacity);
    }

    /// The cursor kept in view after a resize.
    pub(super) fn fit(&mut self, capacity: usize) {
        self.scroll.ensure_visible(capacity);
    }

    pub(super) fn move_by(&mut self, delta: isize, index: &Index, capacity: usize) {
        let len = self.rows(index).len();
        if len > 0 {
            self.scroll.move_by(delta, len, capacity);
        }
    }

    pub(super) fn scroll_by(&mut self, delta: isize, index: &Index, capacity: usize) {
        let len = self.rows(index).len();
        self.scroll.scroll_by(delta, len, capacity);
    }

    /// The cursor on row `i`, if there is one.
    pub(super) fn click(&mut self, i: usize, index: &Index, capacity: usize) -> bool {
        let listed = i < self.rows(index).len();
        if listed {
            self.scroll.place(i, capacity);
        }
        listed
    }
}
