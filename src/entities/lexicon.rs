//! Word lists the recognition rules use (`assets/lexicon/*.txt`, compiled in), merged into
//! one table from word to the classes it belongs to, so each word is looked up once.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

/// The lists a word is on, as bits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Class(u16);

impl Class {
    pub const HONORIFIC: u16 = 1;
    pub const TITLE: u16 = 1 << 1;
    pub const SAYING_VERB: u16 = 1 << 2;
    pub const NOT_NAME: u16 = 1 << 3;
    pub const PARTICLE: u16 = 1 << 4;
    pub const FIRST_NAME: u16 = 1 << 5;
    pub const ORG_HEAD: u16 = 1 << 6;
    pub const ORG_CUE: u16 = 1 << 7;
    pub const WORK_CUE: u16 = 1 << 8;
    pub const PLACE_HEAD: u16 = 1 << 9;
    /// A word before a name that says it is not a speaker ("the Treasury said").
    pub const BLOCKS_SPEAKER: u16 = 1 << 10;

    pub fn has(self, bits: u16) -> bool {
        self.0 & bits != 0
    }
}

pub struct Lexicon {
    classes: FxHashMap<Box<str>, Class>,
}

fn words(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Lowercase particles that sit inside names: "Ruud van Nistelrooy", "Charles de Gaulle".
const PARTICLES: &str = "van von der den de del della da di du le la bin ibn al el ter dos das";

/// Last words of a place's name ("Victoria Station", "Hereford County").
const PLACE_HEADS: &str = "Street Road Square Avenue Station Airport Cathedral Church Palace Castle Tower Stadium \
    Arena Island Islands River Lake Mountains Valley Bay Beach County Gardens Abbey Bridge Prison Harbour Port";

const NOT_BEFORE_SPEAKER: &str =
    "the a an in of from at for by with on to its their his her our into across throughout outside inside near";

/// "president" → "President": titles and verbs are matched lower case, capitalised or in
/// capitals.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    let first = chars.next().map(|c| c.to_uppercase().collect::<String>()).unwrap_or_default();
    format!("{first}{}", chars.as_str())
}

impl Lexicon {
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            let mut classes: FxHashMap<Box<str>, Class> = FxHashMap::default();
            let mut add = |word: &str, bits: u16| match classes.get_mut(word) {
                Some(class) => class.0 |= bits,
                None => {
                    classes.insert(word.into(), Class(bits));
                }
            };
            let lists: [(&'static str, u16, bool); 9] = [
                (include_str!("../../assets/lexicon/honorifics.txt"), Class::HONORIFIC, false),
                (include_str!("../../assets/lexicon/titles.txt"), Class::TITLE, true),
                (include_str!("../../assets/lexicon/saying-verbs.txt"), Class::SAYING_VERB, true),
                (include_str!("../../assets/lexicon/not-names.txt"), Class::NOT_NAME, false),
                (include_str!("../../assets/lexicon/first-names-census.txt"), Class::FIRST_NAME, false),
                (include_str!("../../assets/lexicon/first-names-world.txt"), Class::FIRST_NAME, false),
                (include_str!("../../assets/lexicon/org-heads.txt"), Class::ORG_HEAD, false),
                (include_str!("../../assets/lexicon/org-cues.txt"), Class::ORG_CUE, false),
                (include_str!("../../assets/lexicon/work-cues.txt"), Class::WORK_CUE, false),
            ];
            for (list, bits, any_case) in lists {
                for w in words(list) {
                    add(w, bits);
                    if any_case {
                        add(&capitalised(w), bits);
                        add(&w.to_uppercase(), bits); // "MP", "DJ"
                    }
                }
            }
            for (list, bits) in [
                (PARTICLES, Class::PARTICLE),
                (PLACE_HEADS, Class::PLACE_HEAD),
                (NOT_BEFORE_SPEAKER, Class::BLOCKS_SPEAKER),
            ] {
                list.split_whitespace().for_each(|w| add(w, bits));
            }
            Lexicon { classes }
        })
    }

    /// Every list `word` is on. An honorific may carry its dot ("Dr.").
    pub fn classify(&self, word: &str) -> Class {
        let class = self.classes.get(word).copied().unwrap_or_default();
        match word.strip_suffix('.') {
            Some(bare) => Class(class.0 | (self.classes.get(bare).copied().unwrap_or_default().0 & Class::HONORIFIC)),
            None => class,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        let lex = Lexicon::get();
        let is = |w: &str, bits: u16| lex.classify(w).has(bits);
        assert!(is("Dr.", Class::HONORIFIC) && is("Mr", Class::HONORIFIC) && !is("mr", Class::HONORIFIC));
        assert!(is("spokesperson", Class::TITLE) && is("Secretary", Class::TITLE) && is("secretary", Class::TITLE));
        assert!(is("said", Class::SAYING_VERB) && is("Said", Class::SAYING_VERB));
        assert!(is("Volodymyr", Class::FIRST_NAME) && is("Tony", Class::FIRST_NAME) && !is("May", Class::FIRST_NAME));
        assert!(is("MP", Class::TITLE) && is("DJ", Class::TITLE));
        assert!(is("Council", Class::ORG_HEAD) && is("van", Class::PARTICLE));
        assert!(is("Irish", Class::NOT_NAME) && is("The", Class::NOT_NAME));
    }
}
