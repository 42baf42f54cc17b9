//! Corrections of who is who, made by hand: merge two entities, split an alias (or one
//! article's mentions) off one, change an entity's kind or say it is none, keep two apart,
//! rename one. They live in a plain TOML file ([`CorrectionsFile`]) and the linker applies
//! them ([`apply`]), so every view of the index sees the corrected entities.

mod apply;
pub mod command;
mod file;
mod model;

pub use apply::Outcome;
pub(crate) use apply::{Applied, apply, id_of, kept_apart};
pub use file::CorrectionsFile;
pub use model::{Correction, NewKind};

/// The corrections in effect, in the order they were made.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Corrections {
    pub list: Vec<Correction>,
}

impl Corrections {
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}
