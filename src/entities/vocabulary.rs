//! Which words the corpus itself writes in lower case. A capitalised word that also appears
//! as an ordinary word ("Games", "Board", "Development") is weak evidence of a name.

use rustc_hash::FxHashSet as HashSet;

use crate::lang::word_key;

use rayon::prelude::*;

/// Calls `f` with every word of `text` that starts with a lower-case letter. Words are
/// split as the tokenizer splits them (inner apostrophes and hyphens join; a possessive
/// 's is not part of the word), but without building tokens: this runs over every text.
fn lowercase_words<'t>(text: &'t str, mut f: impl FnMut(&'t str)) {
    let b = text.as_bytes();
    // Length of the letter or digit at byte `i`, or 0: ASCII fast, other scripts decoded.
    let word_char = |i: usize| -> usize {
        match b.get(i) {
            Some(x) if x.is_ascii_alphanumeric() => 1,
            Some(&x) if x >= 0x80 => text[i..].chars().next().filter(|c| c.is_alphanumeric()).map_or(0, char::len_utf8),
            _ => 0,
        }
    };
    let mut i = 0;
    while i < b.len() {
        let n = word_char(i);
        if n == 0 {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let start = i;
        i += n;
        loop {
            let n = word_char(i);
            if n > 0 {
                i += n;
            } else if matches!(b.get(i), Some(b'-' | b'\'')) && word_char(i + 1) > 0 {
                i += 1;
            } else if b[i..].starts_with("’".as_bytes()) && word_char(i + 3) > 0 {
                i += 3;
            } else {
                break;
            }
        }
        // A part of an address is no word of the text: "jeffrey.hodgson@reuters.com" does
        // not make "Jeffrey Hodgson" ordinary words.
        let glued = |at: Option<&u8>| matches!(at, Some(b'.' | b'@' | b'/' | b'_'));
        let address = (start > 0 && glued(b.get(start - 1)))
            || b.get(i) == Some(&b'@')
            || glued(b.get(i)) && word_char(i + 1) > 0;
        // One- and two-letter words ("of", "to") are never asked about: skip the bulk.
        if i - start > 2 && !address && text[start..].starts_with(|c: char| c.is_lowercase()) {
            let word = &text[start..i];
            f(word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word));
        }
    }
}

/// The corpus's lower-case words, by [`word_key`] (a probe compares no strings).
#[derive(Debug, Default)]
pub struct Vocabulary<'t> {
    lowercase: HashSet<u64>,
    texts: std::marker::PhantomData<&'t str>,
}

impl<'t> Vocabulary<'t> {
    pub fn from_texts(texts: &[&'t str]) -> Vocabulary<'t> {
        // A few large pieces per thread: each builds its own set, and merging sets costs
        // as much as building them, so there should be few.
        let pieces = rayon::current_num_threads() * 2;
        let size = texts.len().div_ceil(pieces).max(1);
        let lowercase = texts
            .par_chunks(size)
            .map(|chunk| {
                let mut set = HashSet::default();
                for text in chunk {
                    lowercase_words(text, |w| {
                        set.insert(word_key(w));
                    });
                }
                set
            })
            .reduce(HashSet::default, |mut a, b| {
                if a.len() < b.len() {
                    return b.into_iter().chain(a).collect();
                }
                a.extend(b);
                a
            });
        Vocabulary { lowercase, texts: std::marker::PhantomData }
    }

    /// The word, lowercased, is used as an ordinary word somewhere in the corpus (words of
    /// three letters or more).
    #[inline]
    pub fn is_common(&self, word: &str) -> bool {
        if word.chars().all(|c| !c.is_uppercase()) {
            return self.lowercase.contains(&word_key(word));
        }
        // Most words asked about are short and ASCII: lower-cased on the stack.
        let mut buf = [0u8; 32];
        if word.is_ascii() && word.len() <= buf.len() {
            let lower = &mut buf[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            return self.lowercase.contains(&word_key(std::str::from_utf8(lower).unwrap_or_default()));
        }
        self.lowercase.contains(&word_key(&word.to_lowercase()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_words_only() {
        let mut words = Vec::new();
        lowercase_words("The games' board, Board's café’s anti-virus “quoted” Putin’s", |w| words.push(w));
        assert_eq!(words, ["games", "board", "café", "anti-virus", "quoted"]);
        let v = Vocabulary::from_texts(&["the games began"]);
        assert!(v.is_common("Games") && v.is_common("games") && !v.is_common("Putin"));
        // Addresses are no words: "-- Jeffrey Hodgson, e-mail : jeffrey.hodgson@reuters.com".
        let mut words = Vec::new();
        lowercase_words("mail jeffrey.hodgson@reuters.com or www.bbc.co.uk/news today", |w| words.push(w));
        assert_eq!(words, ["mail", "today"]);
    }
}
