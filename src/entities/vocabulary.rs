//! Which words the corpus itself writes in lower case. A capitalised word that also appears
//! as an ordinary word ("Games", "Board", "Development") is weak evidence of a name.

use rustc_hash::FxHashSet as HashSet;

use rayon::prelude::*;

use super::tokens::tokenize;

#[derive(Debug, Default)]
pub struct Vocabulary<'t> {
    lowercase: HashSet<&'t str>,
}

impl<'t> Vocabulary<'t> {
    pub fn from_texts(texts: impl IntoParallelIterator<Item = &'t str>) -> Vocabulary<'t> {
        let lowercase = texts
            .into_par_iter()
            .fold(HashSet::default, |mut set, text| {
                for t in tokenize(text) {
                    let w = t.text(text);
                    if w.starts_with(|c: char| c.is_lowercase()) {
                        set.insert(w);
                    }
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
