//! Any bytes as a file: decoding and parsing never panic, and no control character or
//! bidi override survives into the title or the body.
#![no_main]

use byline::corpus::{Decoded, article, decode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Decoded::Text(text, _) = decode(bytes.to_vec()) {
        let a = article("fuzz.txt".into(), &text);
        for field in [&a.title, &a.body] {
            assert!(!field.chars().any(
                |c| (c.is_control() && c != '\n') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
            ));
        }
    }
});
