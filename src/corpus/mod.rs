//! Articles: loading files, decoding them safely and splitting off title and metadata.

mod collection;
mod date;
mod decode;
mod load;
mod parse;
mod safe_read;
mod sanitize;
mod walk;

pub use date::Date;
pub use decode::{Decoded, Encoding, decode};
pub use load::{LoadError, STDIN, article, load, load_embedded_seeds, load_with, read_files};
pub use parse::{Parsed, derive_title, parse_article};
pub use safe_read::{ARTICLE_LIMIT, MB, Refusal, io_reason, read_regular};
pub use sanitize::sanitize;
pub use walk::{Entry, find_files};

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
    /// Where the article was published, when a collection says so.
    pub url: Option<String>,
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
    /// The folder the article is in, by its path: "business" of "bbc/business/001.txt".
    pub fn folder(&self) -> Option<&str> {
        let dir = self.path.rsplit_once('/')?.0;
        Some(dir.rsplit('/').next().unwrap_or(dir)).filter(|d| !d.is_empty() && *d != "." && *d != "..")
    }

    pub fn field(&self, field: Field) -> &str {
        match field {
            Field::Title => &self.title,
            Field::Body => &self.body,
        }
    }

    /// 1-based (line, column in characters) in the original file of a byte offset into `field`.
    pub fn line_col(&self, field: Field, offset: usize) -> (usize, usize) {
        self.line_cursor(field).line_col(offset)
    }

    /// A cursor for the line and column of many offsets into `field`, taken in order.
    pub fn line_cursor(&self, field: Field) -> LineCursor<'_> {
        match field {
            Field::Title => LineCursor::new(&self.title, 1),
            Field::Body => LineCursor::new(&self.body, self.body_first_line),
        }
    }
}

/// Line and column of offsets into one text, each counted on from the one before: every
/// mention of a long article costs one pass over it, not one pass from the start each.
pub struct LineCursor<'a> {
    text: &'a str,
    first_line: usize,
    /// Where the counts below stand.
    offset: usize,
    line: usize,
    column: usize,
}

impl<'a> LineCursor<'a> {
    /// A cursor at the start of `text`, which starts on line `first_line` of its file.
    pub fn new(text: &'a str, first_line: usize) -> Self {
        LineCursor { text, first_line, offset: 0, line: first_line, column: 1 }
    }

    /// 1-based (line, column in characters) of a byte offset. Offsets in increasing order
    /// cost one pass in all; an earlier one starts again from the top.
    pub fn line_col(&mut self, offset: usize) -> (usize, usize) {
        if offset < self.offset {
            *self = LineCursor::new(self.text, self.first_line);
        }
        let between = &self.text[self.offset..offset];
        match memchr::memrchr(b'\n', between.as_bytes()) {
            Some(last) => {
                self.line += memchr::memchr_iter(b'\n', between.as_bytes()).count();
                self.column = between[last + 1..].chars().count() + 1;
            }
            None => self.column += between.chars().count(),
        }
        self.offset = offset;
        (self.line, self.column)
    }
}

/// Everything loaded: the articles in list order and what happened on the way.
#[derive(Debug, Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
    /// Files that held bytes which are not UTF-8 and were decoded lossily.
    pub lossy_files: usize,
    /// Files read as Windows-1252 because they held no UTF-8.
    pub legacy_files: usize,
    /// Files not loaded, and why.
    pub skipped: Vec<Skipped>,
}

/// A file that was not loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

impl Corpus {
    /// Adds the articles and the notes of another part, after this one's.
    pub fn extend(&mut self, part: Corpus) {
        self.articles.extend(part.articles);
        self.lossy_files += part.lossy_files;
        self.legacy_files += part.legacy_files;
        self.skipped.extend(part.skipped);
    }

    /// One line for each thing worth telling about how the files were read, if any.
    pub fn notes(&self) -> Vec<String> {
        let plural = |n: usize, one: &str, many: &str| if n == 1 { format!("1 {one}") } else { format!("{n} {many}") };
        let mut notes = Vec::new();
        if self.lossy_files > 0 {
            notes.push(format!(
                "{} bytes that are not UTF-8 (shown as �)",
                plural(self.lossy_files, "file had", "files had")
            ));
        }
        if self.legacy_files > 0 {
            notes.push(format!(
                "{} not UTF-8: read as Windows-1252",
                plural(self.legacy_files, "file was", "files were")
            ));
        }
        if !self.skipped.is_empty() {
            notes.push(format!("{} skipped", plural(self.skipped.len(), "file", "files")));
        }
        notes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Line and column counted from the start, as a cursor must agree.
    fn counted(text: &str, first: usize, offset: usize) -> (usize, usize) {
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (first + before.matches('\n').count(), before[line_start..].chars().count() + 1)
    }

    #[test]
    fn a_cursor_agrees_with_counting_from_the_start() {
        let text = "Zoë said\n\nnaïve — “yes”\nend";
        let offsets: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        let mut cursor = LineCursor::new(text, 3);
        for &i in &offsets {
            assert_eq!(cursor.line_col(i), counted(text, 3, i), "offset {i}");
        }
        // An earlier offset starts again from the top.
        for &i in offsets.iter().rev().step_by(3) {
            assert_eq!(cursor.line_col(i), counted(text, 3, i), "back to {i}");
        }
    }
}
