//! Any text at any width: every wrapped row fits the width (a character wider than the
//! whole width stands alone) and lies on char boundaries.
#![no_main]

use byline::corpus::article;
use byline::wrap::{Row, Wrapped};
use libfuzzer_sys::fuzz_target;
use unicode_width::UnicodeWidthStr;

fuzz_target!(|input: (u8, &str)| {
    let (width, text) = input;
    let width = usize::from(width % 120) + 1;
    let a = article("fuzz.txt".into(), text);
    let wrapped = Wrapped::new(&a, width);
    for row in &wrapped.rows {
        if let Row::Text { field, start, end } = *row {
            let text = a.field(field);
            assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
            let s = &text[start..end];
            let widest = unicode_segmentation::UnicodeSegmentation::graphemes(s, true).map(UnicodeWidthStr::width).max().unwrap_or(0);
            assert!(s.width() <= width.max(widest), "{s:?} is wider than {width}");
        }
    }
});
