//! byline: a terminal reader for news articles that knows who is in them.
//!
//! Data flows one way: files → [`corpus`] → [`entities`] → [`app`] → [`ui`].

pub mod corpus;
