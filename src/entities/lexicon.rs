//! Word lists the recognition rules use (`assets/lexicon/*.txt`, compiled in).

use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

pub struct Lexicon {
    honorifics: HashSet<&'static str>,
    titles: HashSet<&'static str>,
    saying_verbs: HashSet<&'static str>,
    not_names: HashSet<&'static str>,
    first_names: HashSet<&'static str>,
    org_heads: HashSet<&'static str>,
    org_cues: HashSet<&'static str>,
    work_cues: HashSet<&'static str>,
}

fn words(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Lowercase particles that sit inside names: "Ruud van Nistelrooy", "Charles de Gaulle".
const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "del", "della", "da", "di", "du", "le", "la", "bin", "ibn", "al", "el", "ter",
    "dos", "das",
];

/// Last words of a place's name ("Victoria Station", "Hereford County").
const PLACE_HEADS: &[&str] = &[
    "Street",
    "Road",
    "Square",
    "Avenue",
    "Station",
    "Airport",
    "Cathedral",
    "Church",
    "Palace",
    "Castle",
    "Tower",
    "Stadium",
    "Arena",
    "Island",
    "Islands",
    "River",
    "Lake",
    "Mountains",
    "Valley",
    "Bay",
    "Beach",
    "County",
    "Gardens",
    "Abbey",
    "Bridge",
    "Prison",
    "Harbour",
    "Port",
];

/// Words before a name that say it is not the subject of a verb of saying ("the Treasury
/// said", "officials in Powys said").
const NOT_BEFORE_SPEAKER: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "of",
    "from",
    "at",
    "for",
    "by",
    "with",
    "on",
    "to",
    "its",
    "their",
    "his",
    "her",
    "our",
    "into",
    "across",
    "throughout",
    "outside",
    "inside",
    "near",
];

impl Lexicon {
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| Lexicon {
            honorifics: words(include_str!("../../assets/lexicon/honorifics.txt")).collect(),
            titles: words(include_str!("../../assets/lexicon/titles.txt")).collect(),
            saying_verbs: words(include_str!("../../assets/lexicon/saying-verbs.txt")).collect(),
            not_names: words(include_str!("../../assets/lexicon/not-names.txt")).collect(),
            first_names: words(include_str!("../../assets/lexicon/first-names-census.txt"))
                .chain(words(include_str!("../../assets/lexicon/first-names-world.txt")))
                .collect(),
            org_heads: words(include_str!("../../assets/lexicon/org-heads.txt")).collect(),
            org_cues: words(include_str!("../../assets/lexicon/org-cues.txt")).collect(),
            work_cues: words(include_str!("../../assets/lexicon/work-cues.txt")).collect(),
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

    pub fn is_first_name(&self, word: &str) -> bool {
        self.first_names.contains(word)
    }

    pub fn is_org_head(&self, word: &str) -> bool {
        self.org_heads.contains(word)
    }

    pub fn is_org_cue(&self, word: &str) -> bool {
        self.org_cues.contains(word)
    }

    pub fn is_work_cue(&self, word: &str) -> bool {
        self.work_cues.contains(word)
    }

    pub fn is_place_head(&self, word: &str) -> bool {
        PLACE_HEADS.contains(&word)
    }

    pub fn blocks_speaker(&self, word_before: &str) -> bool {
        NOT_BEFORE_SPEAKER.contains(&word_before)
    }
}
