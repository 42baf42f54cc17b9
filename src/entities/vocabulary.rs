//! Which words the corpus itself writes in lower case. A capitalised word that also appears
//! as an ordinary word ("Games", "Board", "Development") is weak evidence of a name.

use rustc_hash::FxHashSet as HashSet;

use super::tokens::tokenize;

#[derive(Debug, Default)]
pub struct Vocabulary<'t> {
    lowercase: HashSet<&'t str>,
}

impl<'t> Vocabulary<'t> {
    pub fn from_texts(texts: impl IntoIterator<Item = &'t str>) -> Vocabulary<'t> {
        let mut lowercase = HashSet::default();
        for text in texts {
            for t in tokenize(text) {
                let w = t.text(text);
                if w.starts_with(|c: char| c.is_lowercase()) {
                    lowercase.insert(w);
                }
            }
        }
        Vocabulary { lowercase }
    }

    /// The word, lowercased, is used as an ordinary word somewhere in the corpus.
    pub fn is_common(&self, word: &str) -> bool {
        if word.chars().all(|c| !c.is_uppercase()) {
            return self.lowercase.contains(word);
        }
        self.lowercase.contains(word.to_lowercase().as_str())
    }
}
