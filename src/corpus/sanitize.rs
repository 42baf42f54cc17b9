//! Article text is untrusted: nothing in it may reach the terminal as a control sequence.

/// Normalises line ends and replaces every control character with a visible stand-in.
///
/// - CRLF and lone CR become LF; a leading BOM is dropped; tabs become four spaces.
/// - C0 controls and DEL become their Unicode "control picture" (ESC → `␛`), so an escape
///   sequence shows up as text instead of acting on the terminal.
/// - C1 controls and bidi overrides/isolates ("Trojan Source") become `�`.
pub fn sanitize(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
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
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_and_bom() {
        assert_eq!(sanitize("\u{feff}a\r\nb\rc\n"), "a\nb\nc\n");
    }

    #[test]
    fn controls_become_visible() {
        let s = sanitize("x\u{1b}]0;pwned\u{7}y\u{9b}31m\u{202e}z\t.");
        assert_eq!(s, "x␛]0;pwned␇y\u{fffd}31m\u{fffd}z    .");
        assert!(!s.chars().any(|c| c.is_control() && c != '\n'));
    }
}
