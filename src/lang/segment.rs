//! Text segmentation, the one way byline cuts a text: words with byte offsets (the unit the
//! recognition and dossier rules look at), sentences and paragraphs. Words before a dot
//! that do not end a sentence ("Dr. Smith") come from one list, `abbreviations.txt`.

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
    /// The first letter is upper case.
    pub capitalised: bool,
    /// The word after its first hyphen starts with a capital ("al-Gosaibi", "Jean-Pierre").
    pub capital_after_hyphen: bool,
}

impl Token {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// The character at byte `i` and its length, with a fast path for ASCII.
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    text[i..].chars().next().map(|c| (c, c.len_utf8()))
}

#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphanumeric() } else { c.is_alphanumeric() }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

use super::{Lang, WordClass};

/// Splits text into words. A word is a run of letters and digits, joined by an inner
/// apostrophe ("O'Neill"), hyphen ("Jean-Claude") or the dots of initials ("U.S.", "W.").
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    let mut gap_start = 0;
    while let Some((c, len)) = char_at(text, i) {
        if !is_word_char(c) {
            i += len;
            continue;
        }
        let start = i;
        let capitalised = if c.is_ascii() { c.is_ascii_uppercase() } else { c.is_uppercase() };
        i += len;
        let mut end = i;
        let mut segment_len = 1; // characters since the last joiner, to recognise initials
        let mut possessive = false;
        let mut capital_after_hyphen = None;
        let bytes = text.as_bytes();
        loop {
            // ASCII letters and digits, the bulk of any text, a byte at a time.
            let run = bytes[i..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
            if run > 0 {
                segment_len += run;
                i += run;
                end = i;
            }
            let Some((c, len)) = char_at(text, i) else { break };
            if is_word_char(c) {
                segment_len += 1;
                i += len;
                end = i;
                continue;
            }
            let after = i + len;
            let next = char_at(text, after);
            let next_word = next.is_some_and(|(n, _)| is_word_char(n));
            if is_apostrophe(c) && next_word {
                // "Putin's" is a possessive; "O'Neill" is one name.
                let s_alone = next.is_some_and(|(n, _)| n == 's')
                    && !char_at(text, after + 1).is_some_and(|(n, _)| is_word_char(n));
                if s_alone {
                    possessive = true;
                    i = after + 1;
                    break;
                }
            } else if c == '-' && next_word {
                capital_after_hyphen = capital_after_hyphen.or(next.map(|(n, _)| n.is_uppercase()));
            } else if c == '.' && segment_len == 1 {
                // "U.S." / "W." — keep the dot; go on only if another initial follows.
                end = after;
                i = after;
                let initial_follows = next.is_some_and(|(n, _)| n.is_alphabetic())
                    && !next.and_then(|(_, l)| char_at(text, after + l)).is_some_and(|(n, _)| is_word_char(n));
                if initial_follows {
                    segment_len = 0;
                    continue;
                }
                break;
            } else {
                break;
            }
            segment_len = 0;
            i = after;
        }
        // Tokenised text (CoNLL's Reuters) splits the possessive off: "Germany 's lead".
        if !possessive {
            let rest = &text[i..];
            let split = rest.strip_prefix(" 's").or_else(|| rest.strip_prefix(" ’s"));
            if let Some(after) = split
                && !after.chars().next().is_some_and(is_word_char)
            {
                possessive = true;
                i = text.len() - after.len();
            }
        }
        let gap = &text.as_bytes()[gap_start..start];
        let joined_to_prev = !tokens.is_empty() && !gap.is_empty() && gap.iter().all(|&b| b == b' ');
        let after_abbreviation =
            gap.first() == Some(&b'.') && tokens.last().is_some_and(|t: &Token| is_abbreviation(t.text(text)));
        let sentence_start = tokens.is_empty() || starts_sentence(gap, after_abbreviation);
        let capital_after_hyphen = capital_after_hyphen.unwrap_or(false);
        tokens.push(Token {
            start,
            end,
            possessive,
            joined_to_prev,
            sentence_start,
            capitalised,
            capital_after_hyphen,
        });
        gap_start = end;
    }
    tokens
}

/// A word whose dot does not end a sentence: "Dr", "Mr".
pub fn is_abbreviation(word: &str) -> bool {
    Lang::en().is(word, WordClass::ABBREVIATION)
}

/// Whether the text between two words ends a sentence (or opens a quote or a line). The dot
/// right after an abbreviation ("Dr. Smith") does not.
fn starts_sentence(gap: &[u8], after_abbreviation: bool) -> bool {
    gap.iter().enumerate().any(|(k, &b)| match b {
        b'\n' | b'!' | b'?' | b':' | b'"' | b'(' | b'[' => true,
        b'.' => !(after_abbreviation && k == 0),
        // “ and ‘ (E2 80 9C / E2 80 98)
        0xE2 => gap.get(k + 1) == Some(&0x80) && matches!(gap.get(k + 2), Some(0x9C | 0x98)),
        _ => false,
    })
}

/// The line (between newlines) holding bytes `start..end`.
pub fn line_around(text: &str, start: usize, end: usize) -> std::ops::Range<usize> {
    let line_start = text[..start].rfind('\n').map_or(0, |at| at + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |at| end + at);
    line_start..line_end
}

/// Whether the line around a span is in capitals ([`in_capitals`] over its words split at
/// white space), remembering the last line: spans asked about in text order share it, so a
/// paragraph is read once, not once per acronym in it.
#[derive(Debug, Default)]
pub struct CapitalLines {
    last: Option<(std::ops::Range<usize>, bool)>,
}

impl CapitalLines {
    /// For spans of one text only.
    pub fn around(&mut self, text: &str, start: usize, end: usize) -> bool {
        if let Some((line, caps)) = &self.last
            && line.start <= start
            && end <= line.end
        {
            return *caps;
        }
        let line = line_around(text, start, end);
        let caps = line_in_capitals(&text[line.clone()]);
        self.last = Some((line, caps));
        caps
    }
}

/// Whether `text` holds `phrase` as whole words: no letter or digit glued to either side
/// ("Mofaz" in "Shaul Mofaz joined", not in "Mofazi").
pub fn contains_words(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(k, _)| {
        let before = text[..k].chars().next_back();
        let after = text[k + phrase.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Words written as a line in capitals, like a wire or CoNLL headline ("ITALY'S KOSTNER
/// WINS"): of the words with letters, at least two, and four in five have no lower case.
pub fn in_capitals<'w>(words: impl IntoIterator<Item = &'w str>) -> bool {
    let words = words.into_iter();
    // Words with letters are at most this many: past a fifth of them in lower case, no
    // count of the rest makes the line one in capitals (an ordinary paragraph ends early).
    let at_most = words.size_hint().1.unwrap_or(usize::MAX);
    let (mut letters, mut capitals) = (0, 0);
    for w in words.filter(|w| w.chars().any(char::is_alphabetic)) {
        letters += 1;
        capitals += usize::from(!w.chars().any(char::is_lowercase));
        if (letters - capitals).saturating_mul(5) > at_most {
            return false;
        }
    }
    letters >= 2 && capitals * 5 >= letters * 4
}

/// [`in_capitals`] over a line's words split at white space, reading only as far as it must:
/// a word and the space after it take two bytes at least, so at most half the bytes left
/// are words, and past that many words in lower case no rest of the line can make it one in
/// capitals (an ordinary paragraph stops before its middle).
pub fn line_in_capitals(line: &str) -> bool {
    let (mut letters, mut capitals) = (0usize, 0usize);
    for w in line.split_whitespace() {
        if !w.chars().any(char::is_alphabetic) {
            continue;
        }
        letters += 1;
        capitals += usize::from(!w.chars().any(char::is_lowercase));
        let end = w.as_ptr() as usize - line.as_ptr() as usize + w.len();
        let words_left = (line.len() - end).div_ceil(2);
        if (letters - capitals) * 5 > letters + words_left {
            return false;
        }
    }
    letters >= 2 && capitals * 5 >= letters * 4
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
            && (is_abbreviation(word_before)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_capital_after_the_first_hyphen_is_marked() {
        let text = "al-Gosaibi well-known Jean-Pierre x-ray-Yes Anti-war";
        let marked: Vec<(&str, bool)> = tokenize(text).iter().map(|t| (t.text(text), t.capital_after_hyphen)).collect();
        assert_eq!(
            marked,
            [
                ("al-Gosaibi", true),
                ("well-known", false),
                ("Jean-Pierre", true),
                ("x-ray-Yes", false),
                ("Anti-war", false)
            ]
        );
    }

    #[test]
    fn a_line_in_capitals_is_decided_as_if_every_word_were_counted() {
        let counted = |words: &[&str]| {
            let letters: Vec<&&str> = words.iter().filter(|w| w.chars().any(char::is_alphabetic)).collect();
            let capitals = letters.iter().filter(|w| !w.chars().any(char::is_lowercase)).count();
            letters.len() >= 2 && capitals * 5 >= letters.len() * 4
        };
        for line in [
            "ITALY'S KOSTNER WINS DOWNHILL",
            "CAMPESE TO retire",
            "A B C D e",
            "a B C D E",
            "a b C D E F G H I J",
            "A B C D E F G H e f",
            "1:38.21 KOSTNER ( ITALY ) 2. x",
            "Isolde Kostner won the downhill on Sunday",
            "ONE",
        ] {
            let words: Vec<&str> = line.split(' ').collect();
            assert_eq!(in_capitals(words.iter().copied()), counted(&words), "{line}");
            assert_eq!(in_capitals(line.split_whitespace()), counted(&words), "{line}");
        }
        let text = "Sport\nCAMPESE TO RETIRE NOW\nDavid Campese, the AUS wing, said";
        let mut lines = CapitalLines::default();
        let at = |w: &str| text.find(w).unwrap();
        assert!(lines.around(text, at("CAMPESE"), at("CAMPESE") + 7));
        assert!(lines.around(text, at("RETIRE"), at("RETIRE") + 6), "the same line");
        assert!(!lines.around(text, at("AUS"), at("AUS") + 3), "the next line");
    }

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
        // Tokenised: the possessive split off is still the word's; "he 'd" is not one.
        let text = "Germany 's lead , he 'd say , Mr Jones 'sizzled'";
        let t = tokenize(text);
        assert_eq!(
            t.iter().map(|t| t.text(text)).collect::<Vec<_>>(),
            ["Germany", "lead", "he", "d", "say", "Mr", "Jones", "sizzled"]
        );
        assert!(t[0].possessive && !t[1].joined_to_prev && !t[2].possessive && !t[6].possessive);
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

    #[test]
    fn an_abbreviation_does_not_start_a_sentence() {
        let text = "He met Dr. Smith. Then Mr. Jones left.";
        let t = tokenize(text);
        let starts: Vec<&str> = t.iter().filter(|t| t.sentence_start).map(|t| t.text(text)).collect();
        assert_eq!(starts, ["He", "Then"]);
    }

    proptest::proptest! {
        #[test]
        fn a_line_in_capitals_is_told_as_from_all_its_words(line in "[AaB1 \t\u{a0}é.É-]{0,40}") {
            proptest::prop_assert_eq!(line_in_capitals(&line), in_capitals(line.split_whitespace()));
        }
    }
}
