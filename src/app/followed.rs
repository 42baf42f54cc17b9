//! The followed entity: the one `n`/`N` step through, the mention they last landed on, and
//! its mentions counted without the copies in folded repeats (for the status line).

use crate::entities::{EntityId, MentionRef};

#[derive(Debug, Default)]
pub struct Followed {
    selected: Option<EntityId>,
    current: Option<MentionRef>,
    /// For the selected entity: how many of its mentions before each one are shown (not
    /// in a folded repeat). Counted for (entity, folds opened).
    shown_before: (Option<EntityId>, usize, Vec<u32>),
}

impl Followed {
    pub fn selected(&self) -> Option<EntityId> {
        self.selected
    }

    /// The mention `n`/`N` last landed on.
    pub fn current(&self) -> Option<MentionRef> {
        self.current
    }

    /// Follows `entity` from its first mention on.
    pub(super) fn follow(&mut self, entity: Option<EntityId>) {
        self.selected = entity;
        self.current = None;
    }

    /// Follows `entity` from mention `at`.
    pub(super) fn land(&mut self, entity: EntityId, at: MentionRef) {
        self.selected = Some(entity);
        self.current = Some(at);
    }

    /// `n`/`N` landed on `at`, a mention of the selected entity.
    pub(super) fn step_to(&mut self, at: MentionRef) {
        self.current = Some(at);
    }

    /// Whether the counts are those for the selected entity with `opened` folds opened.
    pub(super) fn counted(&self, opened: usize) -> bool {
        (self.shown_before.0, self.shown_before.1) == (self.selected, opened) && !self.shown_before.2.is_empty()
    }

    /// The counts for the selected entity with `opened` folds opened (empty: none).
    pub(super) fn set_counts(&mut self, opened: usize, counts: Vec<u32>) {
        self.shown_before = (self.selected.filter(|_| !counts.is_empty()), opened, counts);
    }

    /// How many of `entity`'s mentions before each are shown, then the total; None when
    /// not counted for it.
    pub(super) fn shown_counts(&self, entity: EntityId) -> Option<&[u32]> {
        (self.shown_before.0 == Some(entity)).then_some(self.shown_before.2.as_slice())
    }
}
