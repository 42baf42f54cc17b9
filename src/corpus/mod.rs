//! Articles: loading files, decoding them safely and splitting off title and metadata.

mod date;
mod load;
mod parse;
mod sanitize;

pub use date::Date;
pub use load::{LoadError, article, find_files, load, load_embedded_seeds, read_files};
pub use parse::{Parsed, parse_article};
pub use sanitize::sanitize;

/// One news article as the reader shows it. All text is sanitised: no control characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Stable id: the path without its extension.
    pub id: String,
    /// The path as the user gave it (embedded seeds: `seeds/<file>`).
    pub path: String,
    pub title: String,
    /// True when the title is a headline line of its own; false when derived from the body,
    /// in which case the title repeats body text and carries no mentions of its own.
    pub title_is_headline: bool,
    pub source: Option<String>,
    pub date: Option<Date>,
    pub body: String,
    /// 1-based line of the original file where `body` starts (for `path:line:col` output).
    pub body_first_line: usize,
}

/// Which text of an article a byte offset points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Title,
    Body,
}

impl Field {
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Body => "body",
        }
    }
}

impl Article {
    pub fn field(&self, field: Field) -> &str {
        match field {
            Field::Title => &self.title,
            Field::Body => &self.body,
        }
    }

    /// 1-based (line, column in characters) in the original file of a byte offset into `field`.
    pub fn line_col(&self, field: Field, offset: usize) -> (usize, usize) {
        let (text, first) = match field {
            Field::Title => (&self.title, 1),
            Field::Body => (&self.body, self.body_first_line),
        };
        let before = &text[..offset];
        let line = first + before.matches('\n').count();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (line, before[line_start..].chars().count() + 1)
    }
}

/// Everything loaded: the articles in list order and what happened on the way.
#[derive(Debug, Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
    /// Files that held bytes which are not UTF-8 and were decoded lossily.
    pub lossy_files: usize,
}
