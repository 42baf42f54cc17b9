//! Words with byte offsets, the unit the recognition rules look at.

/// One word of a text. `start..end` excludes a possessive `'s`/`’s`, which sets `possessive`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub possessive: bool,
    /// Only spaces (no punctuation, no line break) separate this token from the previous one.
    pub joined_to_prev: bool,
    /// The token starts a sentence or a paragraph.
    pub sentence_start: bool,
}

impl Token {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    pub fn is_capitalised(&self, text: &str) -> bool {
        text[self.start..].chars().next().is_some_and(char::is_uppercase)
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits text into words. A word is a run of letters and digits, joined by an inner
/// apostrophe ("O'Neill"), hyphen ("Jean-Claude") or the dots of initials ("U.S.", "W.").
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut gap_start = 0;
    while let Some((start, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = start + c.len_utf8();
        let mut segment_len = 1; // characters since the last joiner, to recognise initials
        let mut possessive = false;
        while let Some(&(i, c)) = chars.peek() {
            if c.is_alphanumeric() {
                segment_len += 1;
                end = i + c.len_utf8();
                chars.next();
                continue;
            }
            let next = text[i + c.len_utf8()..].chars().next();
            let next_alnum = next.is_some_and(char::is_alphanumeric);
            if is_apostrophe(c) && next_alnum {
                // "Putin's" is a possessive; "O'Neill" is one name.
                let after = &text[i + c.len_utf8()..];
                let is_s = after.starts_with('s') && !after[1..].chars().next().is_some_and(char::is_alphanumeric);
                if is_s {
                    possessive = true;
                    chars.next(); // the apostrophe
                    chars.next(); // the s
                    break;
                }
            } else if c == '-' && next_alnum {
            } else if c == '.' && segment_len == 1 {
                // "U.S." / "W." — keep the dot; go on only if another initial follows.
                end = i + 1;
                chars.next();
                let mut rest = text[i + 1..].chars();
                let follows_initial =
                    rest.next().is_some_and(char::is_alphabetic) && !rest.next().is_some_and(char::is_alphanumeric);
                if follows_initial {
                    segment_len = 0;
                    continue;
                }
                break;
            } else {
                break;
            }
            segment_len = 0;
            chars.next();
        }
        let gap = &text[gap_start..start];
        let joined_to_prev = !tokens.is_empty() && !gap.is_empty() && gap.chars().all(|c| c == ' ');
        let sentence_start = tokens.is_empty() || starts_sentence(gap);
        tokens.push(Token { start, end, possessive, joined_to_prev, sentence_start });
        gap_start = end;
    }
    tokens
}

/// Whether the text between two words ends a sentence (or opens a quote or a line).
fn starts_sentence(gap: &str) -> bool {
    gap.contains(['\n', '.', '!', '?', ':', '“', '"', '(', '[', '‘'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn names_with_marks() {
        assert_eq!(
            words("Martin O'Neill met Jean-Claude Juncker."),
            ["Martin", "O'Neill", "met", "Jean-Claude", "Juncker"]
        );
        assert_eq!(words("George W Bush and George W. Bush"), ["George", "W", "Bush", "and", "George", "W.", "Bush"]);
        assert_eq!(words("the U.S. President"), ["the", "U.S.", "President"]);
        assert_eq!(words("Arsène Wenger"), ["Arsène", "Wenger"]);
    }

    #[test]
    fn possessives_are_split_off() {
        let text = "Putin's plan and Trump’s deal, Jones' car";
        let t = tokenize(text);
        assert_eq!(t[0].text(text), "Putin");
        assert!(t[0].possessive);
        assert_eq!(t[3].text(text), "Trump");
        assert!(t[3].possessive);
        assert!(!t[1].possessive);
    }

    #[test]
    fn joins_and_sentence_starts() {
        let text = "He met Dmitry Peskov. Then, Rubio\nspoke";
        let t = tokenize(text);
        assert!(t[0].sentence_start);
        assert!(t[3].joined_to_prev); // Peskov
        assert!(t[4].sentence_start && !t[4].joined_to_prev); // Then
        assert!(!t[5].joined_to_prev); // Rubio after a comma
        assert!(t[6].sentence_start); // spoke after a line break
    }
}
