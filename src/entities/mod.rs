//! People, organisations and places: recognised in each article, linked across the corpus,
//! and indexed so that every mention of an entity can be reached in reading order.

mod article_names;
mod beside_names;
mod confirmed_names;
mod credits;
mod gazetteer;
mod headline_names;
mod index;
mod kind;
mod match_scorers;
mod name_gender;
mod name_variants;
mod not_people;
mod overlaps;
mod recognise;
pub mod recogniser;
pub(crate) mod resolve;
mod rule;
mod scorecards;
mod surname_aliases;
pub mod tagger;
mod vocabulary;
mod written_names;

pub use crate::lang::segment::{Token, tokenize};
pub use gazetteer::{Gazetteer, GazetteerEntry};
pub use index::{Entity, EntityId, Index, Mention, MentionRef, Progress, quoted_name};
pub use kind::{Kind, slug};
pub use rule::Rule;
