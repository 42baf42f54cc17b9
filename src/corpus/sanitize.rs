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
/// (E2 80 AA–AE, E2 81 A6–A9). A byte scan, much faster than decoding.
fn is_clean(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
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
        for dirty in ["a\u{1b}b", "a\rb", "a\u{85}b", "a\u{202e}b", "a\u{2067}b", "a\tb"] {
            assert!(!is_clean(dirty), "{dirty:?}");
        }
    }

    #[test]
    fn controls_become_visible() {
        let s = sanitize("x\u{1b}]0;pwned\u{7}y\u{9b}31m\u{202e}z\t.");
        assert_eq!(s, "x␛]0;pwned␇y\u{fffd}31m\u{fffd}z    .");
        assert!(!s.chars().any(|c| c.is_control() && c != '\n'));
    }
}
