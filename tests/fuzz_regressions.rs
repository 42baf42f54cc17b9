//! Inputs the fuzzers (`fuzz/`) found, kept so what they broke stays fixed. Each runs
//! through the same checks as the fuzz targets: load, recognise and wrap.
//!
//! - `recognise-leak-empty-input`: with it, LeakSanitizer found that building the word
//!   lists leaked a copy of each word listed twice (fixed: the table owns its words). A
//!   leak shows only under the sanitizer: replay it there with
//!   `cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run recognise ../tests/fixtures/fuzz/recognise-leak-empty-input`.

use byline::corpus::{Corpus, Decoded, article, decode};
use byline::entities::Index;
use byline::wrap::{Row, Wrapped};
use unicode_width::UnicodeWidthStr;

fn check(bytes: &[u8]) {
    let Decoded::Text(text, _) = decode(bytes.to_vec()) else { return };
    let a = article("fuzz.txt".into(), &text);
    for field in [&a.title, &a.body] {
        assert!(!field.chars().any(|c| c.is_control() && c != '\n'));
    }
    let corpus = Corpus { articles: vec![a], ..Default::default() };
    let index = Index::build(&corpus);
    let a = &corpus.articles[0];
    let mut last = None;
    for m in index.mentions_in(0) {
        let field = a.field(m.field);
        assert!(field.get(m.range()).is_some());
        if let Some(end) = last {
            assert!((m.field, m.start) >= end);
        }
        last = Some((m.field, m.end));
    }
    for width in [1, 2, 7, 40, 80] {
        for row in Wrapped::new(a, width).rows {
            if let Row::Text { field, start, end } = row {
                let s = &a.field(field)[start..end];
                let widest = unicode_segmentation::UnicodeSegmentation::graphemes(s, true)
                    .map(UnicodeWidthStr::width)
                    .max()
                    .unwrap_or(0);
                assert!(s.width() <= width.max(widest));
            }
        }
    }
}

#[test]
fn inputs_the_fuzzers_found() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        check(&std::fs::read(entry.unwrap().path()).unwrap());
        n += 1;
    }
    assert!(n >= 1);
}
