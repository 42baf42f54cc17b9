//! byline: a terminal reader for news articles that knows who is in them.
//!
//! Data flows one way: files → [`corpus`] → [`entities`] (and [`dossier`], what a person
//! said and did) → [`app`] → [`ui`]. [`config`] sets the keys and colours the app and the
//! UI use; [`state`] keeps read marks, stars and the reading place between runs, and
//! [`saver`] writes them from a thread of its own.
//! [`keys`] (actions, keys, the key table of each mode) is at the bottom: the config and
//! the app both read it. [`wrap`], [`fold`], [`fit`] and [`layout`] are shared by the app (to scroll) and the UI
//! (to draw).

pub mod app;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod corrections;
pub mod corrector;
pub mod dossier;
pub mod entities;
pub mod export;
pub mod fit;
pub mod fold;
pub mod keys;
pub mod lang;
pub mod layout;
pub mod saver;
pub mod state;
pub mod tui;
pub mod ui;
pub mod wrap;
