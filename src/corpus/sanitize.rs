//! Article text is untrusted: nothing in it may reach the terminal as a control sequence.

use std::borrow::Cow;

/// Normalises line ends and replaces every control character with a visible stand-in.
///
/// - CRLF and lone CR become LF; a leading BOM is dropped; tabs become four spaces.
/// - C0 controls and DEL become their Unicode "control picture" (ESC → `␛`), so an escape
///   sequence shows up as text instead of acting on the terminal.
/// - C1 controls and bidi overrides/isolates ("Trojan Source") become `�`.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if is_clean(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push('\n'),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\t' => out.push_str("    "),
            '\u{0}'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}')),
            '\u{7f}' => out.push('\u{2421}'),
            '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => out.push('\u{fffd}'),
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Nothing to replace: no control byte but LF, no C1 control (C2 80–9F), no bidi control
/// (E2 80 AA–AE, E2 81 A6–A9). A byte scan, much faster than decoding: eight bytes at a time
/// while they are all printable ASCII, byte by byte around anything else.
fn is_clean(text: &str) -> bool {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if let Some(chunk) = b.get(i..i + 8) {
            let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            // No byte ≥ 0x80, none below 0x20, none equal to 0x7F.
            let below_space = x.wrapping_sub(LOW * 0x20) & !x & HIGH;
            let del = (x ^ (LOW * 0x7f)).wrapping_sub(LOW) & !(x ^ (LOW * 0x7f)) & HIGH;
            if (x & HIGH) | below_space | del == 0 {
                i += 8;
                continue;
            }
        }
        let end = (i + 8).min(b.len());
        while i < end {
            match b[i] {
                b'\n' => {}
                0..=0x1f | 0x7f => return false,
                0xC2 if matches!(b.get(i + 1), Some(0x80..=0x9F)) => return false,
                0xE2 => match (b.get(i + 1), b.get(i + 2)) {
                    (Some(0x80), Some(0xAA..=0xAE)) | (Some(0x81), Some(0xA6..=0xA9)) => return false,
                    _ => {}
                },
                _ => {}
            }
            i += 1;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_and_bom() {
        assert_eq!(sanitize("\u{feff}a\r\nb\rc\n"), "a\nb\nc\n");
    }

    #[test]
    fn clean_text_is_copied_as_is() {
        let s = "Plain text, “quotes”, café, 日本語.\nSecond line.";
        assert!(is_clean(s));
        assert_eq!(sanitize(s), s);
        for dirty in ["a\u{1b}b", "a\rb", "a\u{85}b", "a\u{202e}b", "a\u{2067}b", "a\tb", "a\u{7f}b"] {
            assert!(!is_clean(dirty), "{dirty:?}");
            // Wherever it sits among eight-byte chunks.
            for pad in 0..9 {
                let long = format!("{}{dirty}{}", "x".repeat(pad), "y".repeat(17));
                assert!(!is_clean(&long), "{long:?}");
            }
        }
        assert!(is_clean(&"Clean ASCII text, long enough for many chunks.\n".repeat(9)));
    }

    proptest::proptest! {
        /// The chunked scan agrees with decoding every character.
        #[test]
        fn the_fast_scan_agrees_with_decoding(s in "(\\PC|[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}\\u{202a}-\\u{202e}\\u{2066}-\\u{2069}]){0,40}") {
            let naive = !s.chars().any(|c| {
                (c.is_control() && c != '\n') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
            });
            proptest::prop_assert_eq!(is_clean(&s), naive);
        }
    }

    #[test]
    fn controls_become_visible() {
        let s = sanitize("x\u{1b}]0;pwned\u{7}y\u{9b}31m\u{202e}z\t.");
        assert_eq!(s, "x␛]0;pwned␇y\u{fffd}31m\u{fffd}z    .");
        assert!(!s.chars().any(|c| c.is_control() && c != '\n'));
    }
}
