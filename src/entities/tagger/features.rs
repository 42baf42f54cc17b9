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

/// What the features read from one text: the features of the tokens the tagger looks at.
/// Only a few in a hundred tokens can be part of a name ("The", "said" cannot), so nothing
/// is kept per token of the text: the others are tagged O unseen.
pub struct TextFeatures {
    /// Every looked-at token's static features, one after the other.
    all: Vec<u32>,
    /// The looked-at tokens, in text order.
    looked: Vec<Looked>,
    /// Number of tokens in the text.
    len: usize,
}

/// One looked-at token: its index, where its features are in `all` (first those of the word
/// alone, up to `context`, then those of its context), the hash of its word in lower case
/// (for the history features) and of its word as written (what the word's own features
/// depend on).
#[derive(Clone, Copy)]
struct Looked {
    token: u32,
    begin: u32,
    context: u32,
    end: u32,
    word: u64,
    written: u64,
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
        TextFeatures::looking_at_known(p, wanted, |_| false)
    }

    /// [`TextFeatures::looking_at`], leaving out the word's own features where `known` says
    /// the caller has them already for that word as written ([`TextFeatures::written`]).
    pub fn looking_at_known(p: &Prepared, wanted: impl Fn(usize) -> bool, known: impl Fn(u64) -> bool) -> TextFeatures {
        let n = p.tokens.len();
        let mut out = TextFeatures { all: Vec::new(), looked: Vec::new(), len: n };
        let mut lines = Lines::new(p);
        let mut lower = String::new();
        let word = |k: isize, lower: &mut String| {
            if k < 0 || k as usize >= n {
                return EDGE;
            }
            lowercase_into(p.tokens[k as usize].text(p.text), lower);
            xxh3_64(lower.as_bytes())
        };
        let shape_at =
            |k: isize| if k < 0 || k as usize >= n { EDGE } else { shape(p.tokens[k as usize].text(p.text)) };
        for i in (0..n).filter(|&i| could_be_name(p, i) && wanted(i)) {
            let begin = out.all.len();
            let t = &p.tokens[i];
            let k = i as isize;
            let written = xxh3_64(t.text(p.text).as_bytes());
            let (this, prev, next) = (word(k, &mut lower), word(k - 1, &mut lower), word(k + 1, &mut lower));
            let this_shape = shape_at(k);
            let f = &mut out.all;
            // The word's own features: the same wherever it is written.
            if !known(written) {
                f.push(feature(Template::Bias, 0));
                f.push(feature(Template::Word, this));
                f.push(feature(Template::Shape, this_shape));
                lowercase_into(t.text(p.text), &mut lower);
                // Affixes of words longer than the affix, cut at characters.
                for (template, len) in [(Template::Prefix2, 2), (Template::Prefix3, 3)] {
                    if let Some((end, _)) = lower.char_indices().nth(len) {
                        f.push(feature(template, xxh3_64(&lower.as_bytes()[..end])));
                    }
                }
                for (template, len) in [(Template::Suffix2, 2), (Template::Suffix3, 3), (Template::Suffix4, 4)] {
                    if lower.char_indices().rev().nth(len).is_some() {
                        let start = lower.char_indices().rev().nth(len - 1).map_or(0, |(at, _)| at);
                        f.push(feature(template, xxh3_64(&lower.as_bytes()[start..])));
                    }
                }
                push_classes(f, Template::Class, p.class[i]);
            }
            let context = f.len();
            if i > 0 {
                push_classes(f, Template::PrevClass, p.class[i - 1]);
            }
            if i + 1 < n {
                push_classes(f, Template::NextClass, p.class[i + 1]);
            }
            f.push(feature(Template::PrevWord, prev));
            f.push(feature(Template::NextWord, next));
            f.push(feature(Template::PrevWord2, word(k - 2, &mut lower)));
            f.push(feature(Template::NextWord2, word(k + 2, &mut lower)));
            f.push(feature(Template::PrevShape, shape_at(k - 1)));
            f.push(feature(Template::NextShape, shape_at(k + 1)));
            let joined_next = p.tokens.get(i + 1).is_some_and(|n| n.joined_to_prev);
            f.push(feature(Template::Joins, u64::from(t.joined_to_prev) * 2 + u64::from(joined_next)));
            if t.sentence_start {
                f.push(feature(Template::SentenceStart, 1));
            }
            if lines.in_capitals(i) {
                f.push(feature(Template::CapsLine, 1));
                f.push(feature(Template::CapsLineShape, this_shape));
            }
            if t.possessive {
                f.push(feature(Template::Possessive, 1));
            }
            f.push(feature(Template::PrevWordAndShape, pair(prev, this_shape)));
            f.push(feature(Template::WordAndNextWord, pair(this, next)));
            out.looked.push(Looked {
                token: i as u32,
                begin: begin as u32,
                context: context as u32,
                end: f.len() as u32,
                word: this,
                written,
            });
        }
        out
    }

    /// The `nth` looked-at token's word as written (its hash), and its own features: none
    /// where the caller said it knew them.
    pub fn written(&self, nth: usize) -> (u64, &[u32]) {
        let l = self.looked[nth];
        (l.written, &self.all[l.begin as usize..l.context as usize])
    }

    /// The `nth` looked-at token's features from its context.
    pub fn context(&self, nth: usize) -> &[u32] {
        let l = self.looked[nth];
        &self.all[l.context as usize..l.end as usize]
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The looked-at tokens in text order: each one's index and static features.
    pub fn looked(&self) -> impl Iterator<Item = (usize, &[u32])> + '_ {
        self.looked.iter().map(|l| (l.token as usize, &self.all[l.begin as usize..l.end as usize]))
    }

    /// Token `i`'s static features, or None where the tagger does not look.
    pub fn token(&self, i: usize) -> Option<&[u32]> {
        let at = self.looked.binary_search_by_key(&(i as u32), |l| l.token).ok()?;
        let l = self.looked[at];
        Some(&self.all[l.begin as usize..l.end as usize])
    }

    /// The features of the tags before token `i`, a looked-at token (else no features).
    pub fn history(&self, i: usize, prev: usize, prev2: usize) -> [u32; 3] {
        let word = self.looked.binary_search_by_key(&(i as u32), |l| l.token).map_or(0, |at| self.looked[at].word);
        history(word, prev, prev2)
    }

    /// [`TextFeatures::history`] of the `nth` looked-at token.
    pub fn history_of_looked(&self, nth: usize, prev: usize, prev2: usize) -> [u32; 3] {
        history(self.looked[nth].word, prev, prev2)
    }

    /// The `nth` looked-at token's word in lower case (its hash), for [`word_history`].
    pub fn word_of_looked(&self, nth: usize) -> u64 {
        self.looked[nth].word
    }
}

fn history(word: u64, prev: usize, prev2: usize) -> [u32; 3] {
    let [tag, tags] = tag_history(prev, prev2);
    [tag, tags, word_history(word, prev)]
}

/// The history features of the tags alone.
pub fn tag_history(prev: usize, prev2: usize) -> [u32; 2] {
    [feature(Template::PrevTag, prev as u64), feature(Template::PrevTwoTags, (prev * TAG_COUNT + prev2) as u64)]
}

/// The history feature of the tag before and the word (in lower case, hashed).
pub fn word_history(word: u64, prev: usize) -> u32 {
    feature(Template::PrevTagAndWord, pair(prev as u64, word))
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
    t.capitalised || t.capital_after_hyphen || p.class[i].has(WordClass::PARTICLE)
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

/// Whether a token's line is in capitals ([`crate::lang::segment::in_capitals`], over its
/// tokens). Lines are found around the tokens asked about, in text order, and only those.
struct Lines<'p, 't> {
    p: &'p Prepared<'t>,
    /// The last line looked at: its tokens and whether it is in capitals.
    last: Option<(std::ops::Range<usize>, bool)>,
}

impl<'p, 't> Lines<'p, 't> {
    fn new(p: &'p Prepared<'t>) -> Self {
        Lines { p, last: None }
    }

    fn in_capitals(&mut self, i: usize) -> bool {
        if let Some((tokens, caps)) = &self.last
            && tokens.contains(&i)
        {
            return *caps;
        }
        let (text, tokens) = (self.p.text, &self.p.tokens);
        let bytes = crate::lang::segment::line_around(text, tokens[i].start, tokens[i].end);
        let line = tokens.partition_point(|t| t.start < bytes.start)..tokens.partition_point(|t| t.start < bytes.end);
        let in_capitals = crate::lang::segment::in_capitals(tokens[line.clone()].iter().map(|t| t.text(text)));
        self.last = Some((line, in_capitals));
        in_capitals
    }
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
        let mut lines = Lines::new(&p);
        let caps: Vec<bool> = (0..p.tokens.len()).map(|i| lines.in_capitals(i)).collect();
        assert_eq!(caps, [true, true, true, true, false, false, false]);
        let mut lines = Lines::new(&p);
        assert!(!lines.in_capitals(5) && lines.in_capitals(1), "asked in any order");
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
