//! The reader's layout: an article wrapped to a width, as rows that remember which byte
//! range of the title or body they show. Highlights and "scroll to mention" use this map.

use crate::corpus::{Article, Field};
use crate::fold::Fold;

/// One screen row of the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// `text[start..end]` of a field (trailing spaces trimmed).
    Text {
        field: Field,
        start: usize,
        end: usize,
    },
    /// The source and date line under the title.
    Meta,
    /// A run of repeated body paragraphs, folded into one row.
    Fold(Fold),
    Blank,
}

/// An article laid out at one width.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Wrapped {
    pub width: usize,
    pub rows: Vec<Row>,
    /// (field, start, row) of every text row, in order: the offset → row index.
    starts: Vec<(Field, usize, usize)>,
}

impl Wrapped {
    /// Title, meta line, a blank row, then the body, every line wrapped to `width` columns.
    pub fn new(article: &Article, width: usize) -> Wrapped {
        Wrapped::folded(article, width, &[])
    }

    /// The same, with each of `folds` (runs of repeated body paragraphs, in order) shown
    /// as one row.
    pub fn folded(article: &Article, width: usize, folds: &[Fold]) -> Wrapped {
        let width = width.max(1);
        let mut rows = Vec::new();
        wrap_field(&article.title, Field::Title, width, &[], &mut rows);
        rows.push(Row::Meta);
        rows.push(Row::Blank);
        wrap_field(&article.body, Field::Body, width, folds, &mut rows);
        let starts = rows
            .iter()
            .enumerate()
            .filter_map(|(i, r)| match *r {
                Row::Text { field, start, .. } => Some((field, start, i)),
                Row::Fold(fold) => Some((Field::Body, fold.start, i)),
                _ => None,
            })
            .collect();
        Wrapped { width, rows, starts }
    }

    /// The row showing byte `offset` of `field` (the row before it if the offset falls on
    /// a space trimmed at a line end).
    pub fn row_of(&self, field: Field, offset: usize) -> Option<usize> {
        let i = self.starts.partition_point(|&(f, s, _)| (f, s) <= (field, offset));
        let (f, _, row) = *self.starts.get(i.checked_sub(1)?)?;
        (f == field).then_some(row)
    }

    /// Where row `row` begins in the text, for keeping the same place across a re-wrap.
    /// Non-text rows answer with the next text row's start.
    pub fn anchor_of(&self, row: usize) -> Option<(Field, usize)> {
        self.rows.get(row..)?.iter().find_map(|r| match *r {
            Row::Text { field, start, .. } => Some((field, start)),
            Row::Fold(fold) => Some((Field::Body, fold.start)),
            _ => None,
        })
    }
}

/// Wraps each line of `text` as a paragraph, with one blank row between paragraphs
/// whether the text separates them by a blank line or not.
/// Lines inside one of `folds` become a single fold row.
fn wrap_field(text: &str, field: Field, width: usize, folds: &[Fold], rows: &mut Vec<Row>) {
    let mut line_start = 0;
    let mut first = true;
    let mut folds = folds.iter().peekable();
    for line in text.split('\n') {
        while folds.next_if(|f| f.end < line_start).is_some() {}
        let fold = folds.peek().filter(|f| f.start <= line_start && line_start < f.end);
        if let Some(&&fold) = fold {
            if fold.start == line_start {
                if !first {
                    rows.push(Row::Blank);
                }
                first = false;
                rows.push(Row::Fold(fold));
            }
        } else if !line.trim().is_empty() {
            if !first {
                rows.push(Row::Blank);
            }
            first = false;
            let options =
                textwrap::Options::new(width).break_words(true).wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
            let mut search_from = 0;
            for piece in textwrap::wrap(line, options) {
                let (start, len) = locate(line, &piece, search_from);
                search_from = start + len;
                push_fitting(&line[start..start + len], field, line_start + start, width, rows);
            }
        }
        line_start += line.len() + 1;
    }
}

/// Adds `piece` (at byte `offset` of its field) as one row, or as several when its width
/// as the terminal draws it is more than `width`. textwrap measures character by
/// character, which undercounts some graphemes ("0" with an emoji variation selector is one
/// column to it and two on screen), so the rows are cut again at grapheme boundaries. A
/// grapheme wider than `width` has a row of its own.
fn push_fitting(piece: &str, field: Field, offset: usize, width: usize, rows: &mut Vec<Row>) {
    use unicode_segmentation::UnicodeSegmentation;
    use unicode_width::UnicodeWidthStr;
    if piece.width() <= width {
        rows.push(Row::Text { field, start: offset, end: offset + piece.len() });
        return;
    }
    let (mut row_start, mut used) = (0, 0);
    for (at, grapheme) in piece.grapheme_indices(true) {
        let w = grapheme.width();
        if used + w > width && at > row_start {
            rows.push(Row::Text { field, start: offset + row_start, end: offset + at });
            (row_start, used) = (at, 0);
        }
        used += w;
    }
    let end = piece.trim_end().len().max(row_start);
    if end > row_start {
        rows.push(Row::Text { field, start: offset + row_start, end: offset + end });
    }
}

/// Byte offset and length of a wrapped piece within its line. Pieces are slices of the
/// line with these options; should one ever be a copy, it is searched for instead.
fn locate(line: &str, piece: &str, from: usize) -> (usize, usize) {
    let offset = (piece.as_ptr() as usize).wrapping_sub(line.as_ptr() as usize);
    if offset.checked_add(piece.len()).is_some_and(|end| end <= line.len()) {
        return (offset, piece.len());
    }
    let start = line[from..].find(piece).map_or(from, |i| from + i);
    (start, piece.len().min(line.len() - start))
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    fn article(title: &str, body: &str) -> Article {
        Article {
            id: "t".into(),
            path: "t.txt".into(),
            title: title.into(),
            title_is_headline: true,
            source: None,
            date: None,
            body: body.into(),
            body_first_line: 3,
            url: None,
        }
    }

    fn texts<'a>(a: &'a Article, w: &Wrapped) -> Vec<&'a str> {
        w.rows
            .iter()
            .map(|r| match *r {
                Row::Text { field, start, end } => &a.field(field)[start..end],
                Row::Meta => "<meta>",
                Row::Fold(_) => "<fold>",
                Row::Blank => "",
            })
            .collect()
    }

    #[test]
    fn folded_runs_are_one_row_and_offsets_in_them_map_to_it() {
        let a = article("T", "One.\n\nTwo.\n\nOne.\n\nTwo.\n\nThree.");
        let folds = crate::fold::repeated_runs(&a.body);
        let w = Wrapped::folded(&a, 20, &folds);
        assert_eq!(texts(&a, &w), ["T", "<meta>", "", "One.", "", "Two.", "", "<fold>", "", "Three."]);
        let fold_row = 7;
        assert_eq!(w.row_of(Field::Body, folds[0].start), Some(fold_row));
        assert_eq!(w.row_of(Field::Body, folds[0].end - 1), Some(fold_row));
        assert_eq!(w.anchor_of(fold_row), Some((Field::Body, folds[0].start)));
        assert_eq!(w.row_of(Field::Body, a.body.find("Three").unwrap()), Some(9));
    }

    #[test]
    fn rows_map_back_to_text() {
        let a = article("A title here", "Peskov said the talks were long.\n\n\nNew paragraph.\nNext one.");
        let w = Wrapped::new(&a, 12);
        assert_eq!(
            texts(&a, &w),
            [
                "A title here",
                "<meta>",
                "",
                "Peskov said",
                "the talks",
                "were long.",
                "",
                "New",
                "paragraph.",
                "",
                "Next one."
            ]
        );
        let off = a.body.find("were").unwrap();
        assert_eq!(w.row_of(Field::Body, off), Some(5));
        assert_eq!(w.row_of(Field::Body, off + 2), Some(5));
        assert_eq!(w.row_of(Field::Title, 2), Some(0));
        assert_eq!(w.anchor_of(5), Some((Field::Body, off)));
        assert_eq!(w.anchor_of(6), Some((Field::Body, a.body.find("New").unwrap())));
    }

    #[test]
    fn wide_text_fits_and_long_words_break() {
        let a = article("标题", "日本語のテキスト😀😀 and averyveryverylongword");
        for width in 1..20 {
            let w = Wrapped::new(&a, width);
            for r in &w.rows {
                if let Row::Text { field, start, end } = *r {
                    let s = &a.field(field)[start..end];
                    assert!(s.width() <= width.max(2), "{s:?} at {width}");
                }
            }
        }
    }

    proptest::proptest! {
        /// Any text at any width: every row fits (a character wider than the whole width
        /// stands alone), rows cover the text in order, and each sits on char boundaries.
        #[test]
        fn rows_fit_and_map_back(
            body in "(\\PC|[日本語😀👨‍👩‍👧 \u{301}\u{200d}\n]){0,300}",
            width in 1usize..60,
        ) {
            let a = article("t", &body);
            let w = Wrapped::new(&a, width);
            let mut last = (Field::Title, 0);
            for r in &w.rows {
                if let Row::Text { field, start, end } = *r {
                    let text = a.field(field);
                    proptest::prop_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
                    let s = &text[start..end];
                    let widest = unicode_segmentation::UnicodeSegmentation::graphemes(s, true).map(UnicodeWidthStr::width).max().unwrap_or(0);
                    proptest::prop_assert!(s.width() <= width.max(widest), "{:?} at {}", s, width);
                    proptest::prop_assert!((field, start) >= last);
                    last = (field, end);
                }
            }
        }
    }
}
