//! What narrows the article list: an entity, the search's matches, stars. One value, so
//! that "list every article" is one assignment, not four.

use crate::entities::EntityId;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Filters {
    /// `f`: only articles naming this entity.
    pub entity: Option<EntityId>,
    /// `&`: only articles with a search match.
    pub search: bool,
    /// `S`: only starred articles.
    pub starred: bool,
}
