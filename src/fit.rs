//! Fitting strings into columns: shared by the UI and by the layouts the app keeps.
//! Widths are counted per grapheme, as `wrap.rs` and the terminal count them: a flag or
//! an emoji with a variation selector is never cut in half.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The columns `s` takes on screen.
pub fn width(s: &str) -> usize {
    if s.is_ascii() {
        return s.len();
    }
    s.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// `s` cut to at most `width` columns, ending in "…" when cut.
pub fn fit(s: &str, columns: usize) -> String {
    if width(s) <= columns {
        return s.to_string();
    }
    if columns == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = g.width();
        if used + w > columns - 1 {
            break;
        }
        used += w;
        out.push_str(g);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_columns() {
        assert_eq!(fit("hello", 5), "hello");
        assert_eq!(fit("hello world", 6), "hello…");
        assert_eq!(fit("日本語", 4), "日…");
        assert_eq!(fit("abc", 0), "");
        assert_eq!(fit("abc", 1), "…");
    }

    #[test]
    fn counts_graphemes_not_chars() {
        // "e" + combining acute is one column; a flag is two columns and one grapheme.
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(width("\u{1F1EC}\u{1F1E7}"), 2);
        // The flag is kept whole or dropped whole, never split into a lone regional letter.
        assert_eq!(fit("\u{1F1EC}\u{1F1E7}\u{1F1EC}\u{1F1E7}x", 4), "\u{1F1EC}\u{1F1E7}…");
        assert_eq!(fit("ab\u{1F1EC}\u{1F1E7}cd", 4), "ab…");
    }
}
