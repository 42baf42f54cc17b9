//! Word lists the recognition rules use (`assets/lexicon/*.txt`, compiled in).

use std::collections::HashSet;
use std::sync::OnceLock;

pub struct Lexicon {
    honorifics: HashSet<&'static str>,
    titles: HashSet<&'static str>,
    saying_verbs: HashSet<&'static str>,
    not_names: HashSet<&'static str>,
}

fn words(list: &'static str) -> HashSet<&'static str> {
    list.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

/// Lowercase particles that sit inside names: "Ruud van Nistelrooy", "Charles de Gaulle".
const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "del", "della", "da", "di", "du", "le", "la", "bin", "ibn", "al", "el", "ter",
    "dos", "das",
];

impl Lexicon {
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| Lexicon {
            honorifics: words(include_str!("../../assets/lexicon/honorifics.txt")),
            titles: words(include_str!("../../assets/lexicon/titles.txt")),
            saying_verbs: words(include_str!("../../assets/lexicon/saying-verbs.txt")),
            not_names: words(include_str!("../../assets/lexicon/not-names.txt")),
        })
    }

    /// "Mr", "Ms.", "Sir".
    pub fn is_honorific(&self, word: &str) -> bool {
        self.honorifics.contains(word.trim_end_matches('.'))
    }

    /// "spokesperson", "Secretary", "President" (any case).
    pub fn is_title(&self, word: &str) -> bool {
        let w = word.trim_end_matches('.');
        if w.chars().all(|c| c.is_lowercase() || c == '-') {
            self.titles.contains(w)
        } else {
            self.titles.contains(w.to_lowercase().as_str())
        }
    }

    pub fn is_saying_verb(&self, word: &str) -> bool {
        self.saying_verbs.contains(word)
    }

    pub fn is_not_name(&self, word: &str) -> bool {
        self.not_names.contains(word)
    }

    pub fn is_particle(&self, word: &str) -> bool {
        PARTICLES.contains(&word)
    }
}
