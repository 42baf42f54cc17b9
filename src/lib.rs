//! byline: a terminal reader for news articles that knows who is in them.
//!
//! Data flows one way: files → [`corpus`] → [`entities`] → [`app`] → [`ui`].
//! [`wrap`] and [`layout`] are shared by the app (to scroll) and the UI (to draw).

pub mod app;
pub mod cli;
pub mod corpus;
pub mod dossier;
pub mod entities;
pub mod export;
pub mod layout;
pub mod tui;
pub mod ui;
pub mod wrap;
