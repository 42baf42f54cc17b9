//! The tagger's features, one function for training (`examples/train_tagger.rs`) and for
//! tagging, so both see a text the same way: byline's own tokens, their lexicon classes,
//! shape, affixes, the words around them and the tags before them. A feature is a 32-bit
//! hash of its template and value.

use xxhash_rust::xxh3::xxh3_64;

use crate::entities::recogniser::Prepared;
use crate::lang::WordClass;

/// The tags, BIO over CoNLL's four kinds: knowing "Santa Fe" is a place keeps it from
/// being a person.
pub const TAGS: [&str; 9] = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"];
pub const TAG_COUNT: usize = TAGS.len();
pub const OUTSIDE: usize = 0;
pub const BEGIN_PERSON: usize = 1;
pub const INSIDE_PERSON: usize = 2;

/// Templates: each feature's kind, mixed into its hash.
#[derive(Clone, Copy)]
#[repr(u8)]
enum Template {
    Bias,
    Word,
    Shape,
    Prefix2,
    Prefix3,
    Suffix2,
    Suffix3,
    Suffix4,
    Class,
    PrevWord,
    NextWord,
    PrevWord2,
    NextWord2,
    PrevShape,
    NextShape,
    PrevClass,
    NextClass,
    Joins,
    SentenceStart,
    CapsLine,
    CapsLineShape,
    Possessive,
    PrevWordAndShape,
    WordAndNextWord,
    PrevTag,
    PrevTwoTags,
    PrevTagAndWord,
}

fn feature(template: Template, value: u64) -> u32 {
    let mixed = (value ^ (template as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)).wrapping_mul(0xD6E8_FEB8_6659_FD93);
    (mixed >> 32) as u32
}

fn pair(a: u64, b: u64) -> u64 {
    a.rotate_left(29) ^ b.wrapping_mul(0x2545_F491_4F6C_DD1D)
}

/// What the features read from one text.
pub struct TextFeatures {
    /// Every looked-at token's static features, one after the other.
    all: Vec<u32>,
    /// Per token: where its features are in `all`, or None where the tagger does not look
    /// (the token cannot be part of a name and is tagged O).
    at: Vec<Option<(u32, u32)>>,
    /// Per token, the hash of its word in lower case (for the history features).
    words: Vec<u64>,
}

/// Marks the edges of a text for the neighbouring-word features.
const EDGE: u64 = 0x5EED;

impl TextFeatures {
    pub fn new(p: &Prepared) -> TextFeatures {
        TextFeatures::looking_at(p, |_| true)
    }

    /// The features of the tokens that could be a name and that `wanted` keeps; the others
    /// are tagged O unseen (at run time: words no kept name can hold, "However", "The").
    pub fn looking_at(p: &Prepared, wanted: impl Fn(usize) -> bool) -> TextFeatures {
        let n = p.tokens.len();
        // Most tokens are no name and have no name within two tokens: their words and
        // shapes are never read, so they are not computed (most of a text's cost).
        let looked: Vec<bool> = (0..n).map(|i| could_be_name(p, i) && wanted(i)).collect();
        let mut near = vec![false; n];
        for i in (0..n).filter(|&i| looked[i]) {
            near[i.saturating_sub(2)..(i + 3).min(n)].fill(true);
        }
        let mut lower = String::new();
        let words: Vec<u64> = (0..n)
            .map(|k| {
                if !near[k] {
                    return 0;
                }
                lowercase_into(p.tokens[k].text(p.text), &mut lower);
                xxh3_64(lower.as_bytes())
            })
            .collect();
        let shapes: Vec<u64> = (0..n).map(|k| if near[k] { shape(p.tokens[k].text(p.text)) } else { 0 }).collect();
        let caps = caps_lines(p);
        let word = |k: isize| if k < 0 || k as usize >= n { EDGE } else { words[k as usize] };
        let shape_at = |k: isize| if k < 0 || k as usize >= n { EDGE } else { shapes[k as usize] };
        // One buffer for every token's features: an allocation per token was a fifth of
        // indexing.
        let mut all: Vec<u32> = Vec::with_capacity(n * 8);
        let mut at: Vec<Option<(u32, u32)>> = Vec::with_capacity(n);
        for i in 0..n {
            if !looked[i] {
                at.push(None);
                continue;
            }
            let begin = all.len();
            let t = &p.tokens[i];
            let k = i as isize;
            let f = &mut all;
            f.push(feature(Template::Bias, 0));
            f.push(feature(Template::Word, words[i]));
            f.push(feature(Template::Shape, shapes[i]));
            lowercase_into(t.text(p.text), &mut lower);
            let chars: Vec<(usize, char)> = lower.char_indices().collect();
            for (template, len) in [(Template::Prefix2, 2), (Template::Prefix3, 3)] {
                if chars.len() > len {
                    f.push(feature(template, xxh3_64(&lower.as_bytes()[..chars[len].0])));
                }
            }
            for (template, len) in [(Template::Suffix2, 2), (Template::Suffix3, 3), (Template::Suffix4, 4)] {
                if chars.len() > len {
                    f.push(feature(template, xxh3_64(&lower.as_bytes()[chars[chars.len() - len].0..])));
                }
            }
            push_classes(f, Template::Class, p.class[i]);
            if i > 0 {
                push_classes(f, Template::PrevClass, p.class[i - 1]);
            }
            if i + 1 < n {
                push_classes(f, Template::NextClass, p.class[i + 1]);
            }
            f.push(feature(Template::PrevWord, word(k - 1)));
            f.push(feature(Template::NextWord, word(k + 1)));
            f.push(feature(Template::PrevWord2, word(k - 2)));
            f.push(feature(Template::NextWord2, word(k + 2)));
            f.push(feature(Template::PrevShape, shape_at(k - 1)));
            f.push(feature(Template::NextShape, shape_at(k + 1)));
            let joined_next = p.tokens.get(i + 1).is_some_and(|n| n.joined_to_prev);
            f.push(feature(Template::Joins, u64::from(t.joined_to_prev) * 2 + u64::from(joined_next)));
            if t.sentence_start {
                f.push(feature(Template::SentenceStart, 1));
            }
            if caps[i] {
                f.push(feature(Template::CapsLine, 1));
                f.push(feature(Template::CapsLineShape, shapes[i]));
            }
            if t.possessive {
                f.push(feature(Template::Possessive, 1));
            }
            f.push(feature(Template::PrevWordAndShape, pair(word(k - 1), shapes[i])));
            f.push(feature(Template::WordAndNextWord, pair(words[i], word(k + 1))));
            at.push(Some((begin as u32, all.len() as u32)));
        }
        TextFeatures { all, at, words }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.at.len()
    }

    pub fn is_empty(&self) -> bool {
        self.at.is_empty()
    }

    /// Token `i`'s static features, or None where the tagger does not look.
    pub fn token(&self, i: usize) -> Option<&[u32]> {
        self.at[i].map(|(a, b)| &self.all[a as usize..b as usize])
    }

    /// The features of the tags before token `i`.
    pub fn history(&self, i: usize, prev: usize, prev2: usize) -> [u32; 3] {
        [
            feature(Template::PrevTag, prev as u64),
            feature(Template::PrevTwoTags, (prev * TAG_COUNT + prev2) as u64),
            feature(Template::PrevTagAndWord, pair(prev as u64, self.words[i])),
        ]
    }
}

/// The lexicon lists the weights in `assets/tagger/` were trained with (the first 26
/// classes); lists added since are no features until the tagger is trained again.
const TRAINED_CLASSES: WordClass = WordClass::from_bits_retain((1 << 26) - 1);

/// One feature per lexicon list the word is on.
fn push_classes(f: &mut Vec<u32>, template: Template, class: WordClass) {
    for bit in (class & TRAINED_CLASSES).iter() {
        f.push(feature(template, bit.bits() as u64));
    }
}

/// Whether the tagger looks at token `i`: a capitalised word, an initial, a particle
/// ("van", "bin") or an "al-" name.
pub fn could_be_name(p: &Prepared, i: usize) -> bool {
    let t = &p.tokens[i];
    if t.capitalised {
        return true;
    }
    let w = t.text(p.text);
    p.class[i].has(WordClass::PARTICLE)
        || w.split_once('-').is_some_and(|(_, rest)| rest.starts_with(char::is_uppercase))
}

/// "Takagi" → Xx, "U.S." → X.X., "1:38.21" → d:d.d: each character's class, runs as one.
fn shape(word: &str) -> u64 {
    let mut out = [0u8; 16];
    let mut len = 0;
    for c in word.chars() {
        let class = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_numeric() {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'?'
        };
        if len > 0 && out[len - 1] == class {
            continue;
        }
        if len == out.len() {
            break;
        }
        out[len] = class;
        len += 1;
    }
    xxh3_64(&out[..len])
}

fn lowercase_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
    } else {
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// Per token: its line is in capitals, like a CoNLL or wire headline ("ITALY'S KOSTNER
/// WINS"): of its words with letters, at least two and four in five have no lower case.
fn caps_lines(p: &Prepared) -> Vec<bool> {
    let mut out = vec![false; p.tokens.len()];
    let mut line_start = 0;
    for i in 0..=p.tokens.len() {
        let new_line = i == p.tokens.len() || (i > 0 && p.text[p.tokens[i - 1].end..p.tokens[i].start].contains('\n'));
        if !new_line {
            continue;
        }
        let (mut letters, mut caps) = (0, 0);
        for t in &p.tokens[line_start..i] {
            let w = t.text(p.text);
            if w.chars().any(char::is_alphabetic) {
                letters += 1;
                caps += usize::from(!w.chars().any(char::is_lowercase));
            }
        }
        let is_caps = letters >= 2 && caps * 5 >= letters * 4;
        out[line_start..i].iter_mut().for_each(|c| *c = is_caps);
        line_start = i;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Gazetteer;

    fn prepared(text: &str) -> Prepared<'_> {
        Prepared::new(text, &Gazetteer::new(vec![]))
    }

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape("Takagi"), shape("Xx"));
        assert_eq!(shape("U.S."), shape("X.X."));
        assert_eq!(shape("1:38.21"), shape("1:2.3"));
        assert_ne!(shape("KOSTNER"), shape("Kostner"));
    }

    #[test]
    fn only_possible_name_words_are_looked_at() {
        let p = prepared("scored twice for Japan , said Ghazi al-Gosaibi of van Boxmeer");
        let f = TextFeatures::new(&p);
        let looked: Vec<&str> =
            p.tokens.iter().enumerate().filter(|(i, _)| f.token(*i).is_some()).map(|(_, t)| t.text(p.text)).collect();
        assert_eq!(looked, ["Japan", "Ghazi", "al-Gosaibi", "van", "Boxmeer"]);
    }

    #[test]
    fn capital_lines_are_marked_per_line() {
        let p = prepared("ITALY'S KOSTNER WINS DOWNHILL\n\nIsolde Kostner won.");
        assert_eq!(caps_lines(&p), [true, true, true, true, false, false, false]);
    }

    #[test]
    fn features_depend_on_the_context() {
        let a = TextFeatures::new(&prepared("said Takagi today"));
        let b = TextFeatures::new(&prepared("in Takagi today"));
        assert_ne!(a.token(1), b.token(1));
        assert_eq!(a.token(0), None);
        assert_eq!(a.history(1, 1, 0), b.history(1, 1, 0), "same word, same tags");
        assert_ne!(a.history(1, 1, 0), a.history(1, 0, 0));
    }
}
