//! The pieces of an article body the dossier rules look at: words, sentences and paragraphs
//! (cut by [`crate::lang::segment`]). Every offset is a byte offset into the body and
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

pub use crate::lang::segment::{paragraphs, sentences};

/// The words of `body`, in order: the recogniser's tokens, so that both read a text the
/// same way.
pub fn words(body: &str) -> Vec<Word> {
    crate::lang::segment::tokenize(body)
        .into_iter()
        .map(|t| Word { start: t.start, end: t.end, possessive: t.possessive })
        .collect()
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
}
