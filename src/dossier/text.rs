//! The pieces of an article body the dossier rules look at: words, sentences, paragraphs,
//! and the word lists that classify them. Every offset is a byte offset into the body and
//! lands on a char boundary.

/// One word: letters and digits, joined by an inner apostrophe, hyphen or dot ("O'Neill",
/// "state-owned", "U.S."). `end` excludes a possessive `'s`/`’s`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub possessive: bool,
}

impl Word {
    pub fn text<'t>(&self, body: &'t str) -> &'t str {
        &body[self.start..self.end]
    }
}

/// The words of `body`, in order: the recogniser's tokens, so that both read a text the
/// same way.
pub fn words(body: &str) -> Vec<Word> {
    crate::entities::tokenize(body)
        .into_iter()
        .map(|t| Word { start: t.start, end: t.end, possessive: t.possessive })
        .collect()
}

/// Byte ranges of the paragraphs: the lines of the body (a blank line is an empty one).
pub fn paragraphs(body: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in body.match_indices('\n') {
        out.push(start..i);
        start = i + 1;
    }
    out.push(start..body.len());
    out
}

/// Byte ranges of the sentences of one paragraph `range` of `body`: a sentence ends at `.`,
/// `!` or `?` (and any closing marks) followed by a space and a capital, digit or quote mark.
pub fn sentences(body: &str, range: std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
    let text = &body[range.clone()];
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if !matches!(bytes[i], b'.' | b'!' | b'?') {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        // Closing quotes and brackets belong to the sentence they close.
        loop {
            let rest = &text[end..];
            if let Some(c) = rest.chars().next().filter(|c| matches!(c, '"' | '”' | '’' | '\'' | ')')) {
                end += c.len_utf8();
            } else {
                break;
            }
        }
        let rest = &text[end..];
        let after_space = rest.trim_start_matches(' ');
        let spaced = after_space.len() < rest.len();
        let next_starts = after_space
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '\'' | '('));
        let word_before = text[..i].rsplit(|c: char| !c.is_alphanumeric() && c != '.').next().unwrap_or("");
        let abbreviation = bytes[i] == b'.'
            && (crate::lang::Lang::en().is(word_before, crate::lang::WordClass::ABBREVIATION)
                || (word_before.chars().count() == 1 && word_before.chars().all(char::is_uppercase))
                || word_before.contains('.'));
        if spaced && next_starts && !abbreviation {
            out.push(range.start + start..range.start + end);
            start = end + (rest.len() - after_space.len());
            i = start;
        } else {
            i = end;
        }
    }
    if start < text.len() {
        out.push(range.start + start..range.end);
    }
    out
}

/// Starts with an upper-case letter.
pub fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(body: &str) -> Vec<&str> {
        words(body).iter().map(|w| w.text(body)).collect()
    }

    #[test]
    fn words_keep_joiners_and_split_possessives() {
        assert_eq!(
            texts("the U.S. President's state-owned O'Neill"),
            ["the", "U.S.", "President", "state-owned", "O'Neill"]
        );
        assert!(words("Trump’s plan")[0].possessive);
        assert_eq!(texts("“No,” said Peskov."), ["No", "said", "Peskov"]);
    }

    #[test]
    fn sentences_skip_abbreviations_and_initials() {
        let body = "Mr. Smith met George W. Bush. Then the U.S. team left! \"Yes,\" he said. Done";
        let got: Vec<&str> = sentences(body, 0..body.len()).into_iter().map(|r| &body[r]).collect();
        assert_eq!(got, ["Mr. Smith met George W. Bush.", "Then the U.S. team left!", "\"Yes,\" he said.", "Done"]);
    }

    #[test]
    fn paragraphs_are_lines() {
        let body = "One.\n\nTwo.\nThree.";
        let got: Vec<&str> = paragraphs(body).into_iter().map(|r| &body[r]).collect();
        assert_eq!(got, ["One.", "", "Two.", "Three."]);
    }
}
