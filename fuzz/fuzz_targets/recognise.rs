//! Any text as an article: every mention found lies inside its field, on char boundaries,
//! and no two mentions overlap.
#![no_main]

use byline::corpus::{Corpus, article};
use byline::entities::Index;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let corpus = Corpus { articles: vec![article("fuzz.txt".into(), text)], ..Default::default() };
    let index = Index::build(&corpus);
    let a = &corpus.articles[0];
    let mut last = None;
    for m in index.mentions_in(0) {
        let field = a.field(m.field);
        let (start, end) = (m.start as usize, m.end as usize);
        assert!(start < end && end <= field.len(), "{start}..{end} in {}", field.len());
        assert!(field.is_char_boundary(start) && field.is_char_boundary(end));
        if let Some((f, e)) = last {
            assert!((m.field, start) >= (f, e), "overlap at {start}");
        }
        last = Some((m.field, end));
    }
});
