//! A statistical person tagger: an averaged perceptron over BIO tags, decoded greedily left
//! to right, that finds names no rule has a cue for ("Takuya Takagi scored", "1. Isolde
//! Kostner (Italy)"). It joins the rules through [`Recognise`]; [`recognise_all`] keeps its
//! names only where no rule and no gazetteer entry found anything.
//!
//! The weights (`assets/tagger/weights.bin`) are trained by `examples/train_tagger.rs` on
//! CoNLL-2003 English train, tuned on its dev split. Format, little-endian: `BYLT`, version
//! byte 1, tag count (u32), scale (f32), row count (u32), then per feature its hash (u32)
//! and one i16 per tag (times the scale).
//!
//! [`recognise_all`]: super::recogniser::recognise_all

pub mod features;

use std::sync::OnceLock;

use super::Kind;
use super::recognise::{Candidate, Recognised, Target};
use super::recogniser::{Prepared, Recognise};
use super::rule::Rule;
use super::vocabulary::Vocabulary;
use crate::lang::WordClass;
use crate::lang::segment::Token;
use features::{BEGIN_PERSON, INSIDE_PERSON, OUTSIDE, TAG_COUNT, TextFeatures};

/// Scores per tag.
pub type Scores = [f32; TAG_COUNT];

const MAGIC: &[u8; 5] = b"BYLT\x01";

/// The trained weights, in one open-addressed table: a feature is already a hash, so its
/// low bits pick its slot, and key and weights share a cache line (a lookup in a map of
/// rows and then in the weights was two cache misses, most of the tagger's time).
pub struct Tagger {
    slots: Vec<Slot>,
    mask: usize,
    scale: f32,
}

/// One feature's weights, as stored (times the scale). `EMPTY` marks a free slot.
#[derive(Clone, Copy)]
struct Slot {
    key: u32,
    weights: [i16; TAG_COUNT],
}

/// The key of a free slot; a feature whose hash is this is stored as [`ZERO_FEATURE`].
const EMPTY: u32 = 0;
const ZERO_FEATURE: u32 = u32::MAX;

fn stored_key(feature: u32) -> u32 {
    if feature == EMPTY { ZERO_FEATURE } else { feature }
}

/// A run of tokens tagged as one person, and how sure the tagger is of its least sure word:
/// the person tag's score less the best other kind's.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonSpan {
    pub tokens: std::ops::Range<usize>,
    pub margin: f32,
}

/// Person names the tagger is at least this sure of are kept: tuned on CoNLL dev and BBC
/// dev (4 adds CoNLL recall but costs BBC precision).
const MIN_MARGIN: f32 = 8.0;

impl Tagger {
    /// The weights compiled into the binary, read once per process.
    pub fn embedded() -> &'static Tagger {
        static EMBEDDED: OnceLock<Tagger> = OnceLock::new();
        EMBEDDED.get_or_init(|| {
            Tagger::from_bytes(include_bytes!("../../assets/tagger/weights.bin"))
                .expect("the embedded tagger weights load")
        })
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, String> {
        let rest = bytes.strip_prefix(MAGIC).ok_or("not byline tagger weights (version 1)")?;
        let word = |at: usize| -> Result<[u8; 4], String> {
            rest.get(at..at + 4).and_then(|b| b.try_into().ok()).ok_or_else(|| "weights cut short".to_string())
        };
        let tags = u32::from_le_bytes(word(0)?) as usize;
        if tags != TAG_COUNT {
            return Err(format!("weights for {tags} tags, expected {TAG_COUNT}"));
        }
        let scale = f32::from_le_bytes(word(4)?);
        let count = u32::from_le_bytes(word(8)?) as usize;
        let row_len = 4 + 2 * TAG_COUNT;
        let body = &rest[12..];
        if body.len() != count * row_len {
            return Err(format!("{count} rows need {} bytes, found {}", count * row_len, body.len()));
        }
        // At most half full, so that a probe for a feature not stored ends soon.
        let size = (count * 2).next_power_of_two().max(16);
        let mut tagger =
            Tagger { slots: vec![Slot { key: EMPTY, weights: [0; TAG_COUNT] }; size], mask: size - 1, scale };
        for row in body.chunks_exact(row_len) {
            let key = stored_key(u32::from_le_bytes(row[..4].try_into().unwrap()));
            let mut weights = [0i16; TAG_COUNT];
            for (w, b) in weights.iter_mut().zip(row[4..].chunks_exact(2)) {
                *w = i16::from_le_bytes([b[0], b[1]]);
            }
            let at = tagger.probe(key);
            tagger.slots[at] = Slot { key, weights };
        }
        Ok(tagger)
    }

    /// The slot holding `key`, or the free slot where it would go.
    fn probe(&self, key: u32) -> usize {
        let mut at = key as usize & self.mask;
        while self.slots[at].key != EMPTY && self.slots[at].key != key {
            at = (at + 1) & self.mask;
        }
        at
    }

    /// The bytes of weights `rows` (feature, scores), each weight rounded to one of 65,535
    /// steps of the largest.
    pub fn to_bytes(rows: &[(u32, Scores)]) -> Vec<u8> {
        let largest = rows.iter().flat_map(|r| r.1).fold(0f32, |m, w| m.max(w.abs()));
        let scale = if largest > 0.0 { largest / f32::from(i16::MAX) } else { 1.0 };
        let mut out = MAGIC.to_vec();
        out.extend((TAG_COUNT as u32).to_le_bytes());
        out.extend(scale.to_le_bytes());
        out.extend((rows.len() as u32).to_le_bytes());
        for (feature, scores) in rows {
            out.extend(feature.to_le_bytes());
            for w in scores {
                out.extend(((w / scale).round() as i16).to_le_bytes());
            }
        }
        out
    }

    fn add(&self, feature: u32, scores: &mut Scores) {
        let slot = &self.slots[self.probe(stored_key(feature))];
        if slot.key != EMPTY {
            scores.iter_mut().zip(&slot.weights).for_each(|(s, &w)| *s += f32::from(w) * self.scale);
        }
    }

    /// Each token's tag and scores.
    pub fn tag(&self, features: &TextFeatures) -> Vec<(usize, Scores)> {
        greedy(features, |f, scores| self.add(f, scores))
    }

    /// The looked-at tokens' tags and scores.
    fn tag_looked(&self, features: &TextFeatures) -> Vec<Tagged> {
        decode(features, |f, scores| self.add(f, scores))
    }

    /// The runs of tokens tagged as a person, joined by spaces only.
    pub fn persons(&self, p: &Prepared) -> Vec<PersonSpan> {
        self.persons_among(p, |_| true)
    }

    /// [`Tagger::persons`], looking only at the tokens `wanted` keeps.
    pub fn persons_among(&self, p: &Prepared, wanted: impl Fn(usize) -> bool) -> Vec<PersonSpan> {
        person_runs(&p.tokens, self.tag_looked(&TextFeatures::looking_at(p, wanted)))
    }
}

/// One looked-at token's best tag and every tag's score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tagged {
    pub token: usize,
    pub tag: usize,
    pub scores: Scores,
}

/// Tags the looked-at tokens left to right, each one's best tag given the two before,
/// scored by `add` (which adds a feature's weights to the scores); a token not looked at is
/// O. An inside tag only follows its own kind (its score is then minus infinity).
pub fn decode(features: &TextFeatures, mut add: impl FnMut(u32, &mut Scores)) -> Vec<Tagged> {
    let mut out: Vec<Tagged> = Vec::new();
    for (nth, (i, f)) in features.looked().enumerate() {
        // The tag of token `k`: one of the last two tagged, or O where it was not looked at.
        let tag_of = |k: Option<usize>| {
            let k = k?;
            out.iter().rev().take(2).find(|t| t.token == k).map(|t| t.tag)
        };
        let prev = tag_of(i.checked_sub(1)).unwrap_or(OUTSIDE);
        let prev2 = tag_of(i.checked_sub(2)).unwrap_or(OUTSIDE);
        let mut scores = [0.0; TAG_COUNT];
        for &feature in f.iter().chain(&features.history_of_looked(nth, prev, prev2)) {
            add(feature, &mut scores);
        }
        // Inside tags (even numbers but O) follow their own begin or inside tag only.
        for (t, s) in scores.iter_mut().enumerate() {
            if t != OUTSIDE && t % 2 == 0 && prev != t && prev + 1 != t {
                *s = f32::NEG_INFINITY;
            }
        }
        // On a tie, the first tag: O before any name.
        let best = (0..TAG_COUNT).max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a))).unwrap_or(OUTSIDE);
        out.push(Tagged { token: i, tag: best, scores });
    }
    out
}

/// [`decode`], with every token's tag and scores (O and zero where not looked at): what
/// training compares with the gold.
pub fn greedy(features: &TextFeatures, add: impl FnMut(u32, &mut Scores)) -> Vec<(usize, Scores)> {
    let mut out = vec![(OUTSIDE, [0.0; TAG_COUNT]); features.len()];
    for t in decode(features, add) {
        out[t.token] = (t.tag, t.scores);
    }
    out
}

/// Person runs in tagged tokens (every token's, as [`greedy`] gives them): B-PER then
/// I-PER, each word joined to the last by spaces.
pub fn person_spans(tokens: &[Token], tagged: &[(usize, Scores)]) -> Vec<PersonSpan> {
    let sparse = tagged.iter().enumerate().map(|(token, &(tag, scores))| Tagged { token, tag, scores });
    person_runs(tokens, sparse)
}

/// Person runs among tagged tokens in text order.
fn person_runs(tokens: &[Token], tagged: impl IntoIterator<Item = Tagged>) -> Vec<PersonSpan> {
    let margin = |t: &Tagged| {
        let other = t.scores.iter().enumerate().filter(|(k, _)| !matches!(*k, BEGIN_PERSON | INSIDE_PERSON));
        t.scores[t.tag] - other.map(|(_, s)| *s).fold(f32::MIN, f32::max)
    };
    let mut out: Vec<PersonSpan> = Vec::new();
    for t in tagged {
        let i = t.token;
        let person = matches!(t.tag, BEGIN_PERSON | INSIDE_PERSON);
        let goes_on =
            t.tag == INSIDE_PERSON && tokens[i].joined_to_prev && out.last().is_some_and(|s| s.tokens.end == i);
        match out.last_mut() {
            Some(span) if person && goes_on => {
                span.tokens.end = i + 1;
                span.margin = span.margin.min(margin(&t));
            }
            _ if person => out.push(PersonSpan { tokens: i..i + 1, margin: margin(&t) }),
            _ => {}
        }
    }
    out
}

/// The tagger as a recogniser, with the corpus vocabulary to doubt ordinary words by.
pub struct TaggedNames<'a> {
    pub tagger: &'a Tagger,
    pub vocabulary: &'a Vocabulary<'a>,
}

impl TaggedNames<'_> {
    /// A tagged name the rules would not doubt: no word of it is written in lower case in
    /// the corpus ("Smart Tags", "Inver Park") or on a list of words that are no names
    /// (titles, honorifics, organisation and place heads).
    fn plausible(&self, p: &Prepared, span: &PersonSpan) -> bool {
        span.tokens.clone().all(|k| self.may_be_in_name(p, k))
    }

    /// Token `k` may be part of a name kept: the tagger need not look at others, which
    /// is most of its time ("The", "However", "Minister").
    fn may_be_in_name(&self, p: &Prepared, k: usize) -> bool {
        let not_name = WordClass::NOT_NAME
            | WordClass::TITLE
            | WordClass::HONORIFIC
            | WordClass::ORG_HEAD
            | WordClass::PLACE_HEAD
            | WordClass::SAYING_VERB;
        !p.claimed.get(k).copied().unwrap_or(false)
            && !p.class[k].has(not_name)
            && !self.vocabulary.is_common(p.tokens[k].text(p.text))
    }
}

impl Recognise for TaggedNames<'_> {
    /// Person names the tagger is sure enough of; one word alone is weak, as a name found
    /// by a verb of saying is.
    fn recognise(&self, p: &Prepared) -> Recognised {
        let candidates = self
            .tagger
            .persons_among(p, |k| self.may_be_in_name(p, k))
            .into_iter()
            .filter(|s| s.margin >= MIN_MARGIN)
            .filter(|s| self.plausible(p, s))
            .map(|s| {
                let single = s.tokens.len() == 1;
                let (first, last) = (&p.tokens[s.tokens.start], &p.tokens[s.tokens.end - 1]);
                Candidate {
                    start: first.start,
                    end: last.end,
                    kind: Kind::Person,
                    target: if single { Target::Surname } else { Target::FullName },
                    // On BBC dev a strong lone word costs more than it finds, at any margin
                    // tried (12, 30): it stays weak, kept only if linking confirms it.
                    weak: single,
                    rule: Rule::Tagger,
                }
            })
            .collect();
        Recognised { candidates, bare: Vec::new() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Gazetteer;

    fn people(text: &str) -> Vec<String> {
        let p = Prepared::new(text, &Gazetteer::new(vec![]));
        Tagger::embedded()
            .persons(&p)
            .into_iter()
            .filter(|s| s.margin >= MIN_MARGIN)
            .map(|s| text[p.tokens[s.tokens.start].start..p.tokens[s.tokens.end - 1].end].to_string())
            .collect()
    }

    #[test]
    fn the_embedded_weights_load_and_round_trip() {
        let tagger = Tagger::embedded();
        let stored = tagger.slots.iter().filter(|s| s.key != EMPTY).count();
        assert!(stored > 10_000, "{stored} rows");
        let rows = [(7u32, [1.0, -2.0, 0.5, 0.0, 0.0, 0.0, 0.0, 0.0, 3.0])];
        let back = Tagger::from_bytes(&Tagger::to_bytes(&rows)).unwrap();
        let mut scores = [0.0; TAG_COUNT];
        back.add(7, &mut scores);
        assert!((scores[1] + 2.0).abs() < 1e-3 && (scores[8] - 3.0).abs() < 1e-3, "{scores:?}");
        assert!(Tagger::from_bytes(b"BYLT\x01\x09\0\0\0").is_err(), "cut short");
        // Features whose low bits agree share a probe sequence; the hash 0 is a feature too.
        let rows: Vec<(u32, Scores)> =
            [0u32, 16, 32, 1 << 20].iter().enumerate().map(|(k, &f)| (f, [k as f32 + 1.0; TAG_COUNT])).collect();
        let back = Tagger::from_bytes(&Tagger::to_bytes(&rows)).unwrap();
        for (f, w) in &rows {
            let mut scores = [0.0; TAG_COUNT];
            back.add(*f, &mut scores);
            assert!((scores[0] - w[0]).abs() < w[0] * 1e-3, "feature {f}: {scores:?}");
        }
        let mut scores = [0.0; TAG_COUNT];
        back.add(48, &mut scores);
        assert_eq!(scores, [0.0; TAG_COUNT], "a feature not stored adds nothing");
        assert!(Tagger::from_bytes(b"not weights").is_err());
    }

    #[test]
    fn unseen_names_without_a_cue_are_people() {
        assert_eq!(people("Takuya Takagi scored twice for Japan ."), ["Takuya Takagi"]);
        assert_eq!(people("1. Isolde Kostner ( Italy ) 1:38.21"), ["Isolde Kostner"]);
    }

    #[test]
    fn places_and_firms_are_not_people() {
        assert!(
            people("Prices rose in Santa Fe on Tuesday .").is_empty(),
            "{:?}",
            people("Prices rose in Santa Fe on Tuesday .")
        );
        assert!(people("Shares of Merrill Lynch fell 2 percent .").is_empty());
    }

    #[test]
    fn decoding_keeps_inside_tags_after_their_own_kind() {
        // Weights that favour I-PER everywhere: the first word can only begin a name.
        let p = Prepared::new("Takuya Takagi", &Gazetteer::new(vec![]));
        let features = TextFeatures::new(&p);
        let tagged = greedy(&features, |_, s| s[INSIDE_PERSON] += 2.0);
        let tags: Vec<usize> = tagged.iter().map(|t| t.0).collect();
        assert_eq!(tags, [OUTSIDE, OUTSIDE], "no feature gives B-PER a score, and I-PER cannot start");
        let tagged = greedy(&features, |_, s| {
            s[INSIDE_PERSON] += 2.0;
            s[BEGIN_PERSON] += 1.0;
        });
        let tags: Vec<usize> = tagged.iter().map(|t| t.0).collect();
        assert_eq!(tags, [BEGIN_PERSON, INSIDE_PERSON]);
        assert_eq!(person_spans(&p.tokens, &tagged)[0].tokens, 0..2);
    }
}
