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

use rustc_hash::FxHashMap;

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

/// The trained weights.
pub struct Tagger {
    rows: FxHashMap<u32, u32>,
    weights: Vec<f32>,
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
        let mut rows = FxHashMap::with_capacity_and_hasher(count, Default::default());
        let mut weights = Vec::with_capacity(count * TAG_COUNT);
        for (r, row) in body.chunks_exact(row_len).enumerate() {
            rows.insert(u32::from_le_bytes(row[..4].try_into().unwrap()), r as u32);
            weights.extend(row[4..].chunks_exact(2).map(|w| f32::from(i16::from_le_bytes([w[0], w[1]])) * scale));
        }
        Ok(Tagger { rows, weights })
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
        if let Some(&r) = self.rows.get(&feature) {
            let row = &self.weights[r as usize * TAG_COUNT..][..TAG_COUNT];
            scores.iter_mut().zip(row).for_each(|(s, w)| *s += w);
        }
    }

    /// Each token's tag and scores.
    pub fn tag(&self, features: &TextFeatures) -> Vec<(usize, Scores)> {
        greedy(features, |f, scores| self.add(f, scores))
    }

    /// The runs of tokens tagged as a person, joined by spaces only.
    pub fn persons(&self, p: &Prepared) -> Vec<PersonSpan> {
        self.persons_among(p, |_| true)
    }

    /// [`Tagger::persons`], looking only at the tokens `wanted` keeps.
    pub fn persons_among(&self, p: &Prepared, wanted: impl Fn(usize) -> bool) -> Vec<PersonSpan> {
        person_spans(&p.tokens, &self.tag(&TextFeatures::looking_at(p, wanted)))
    }
}

/// Tags left to right, each token's best tag given the two before, scored by `add`
/// (which adds a feature's weights to the scores). A token the features do not look at is O;
/// an inside tag only follows its own kind (its score is then minus infinity).
pub fn greedy(features: &TextFeatures, mut add: impl FnMut(u32, &mut Scores)) -> Vec<(usize, Scores)> {
    let mut out: Vec<(usize, Scores)> = Vec::with_capacity(features.len());
    for i in 0..features.len() {
        let Some(f) = features.token(i) else {
            out.push((OUTSIDE, [0.0; TAG_COUNT]));
            continue;
        };
        let prev = i.checked_sub(1).map_or(OUTSIDE, |k| out[k].0);
        let prev2 = i.checked_sub(2).map_or(OUTSIDE, |k| out[k].0);
        let mut scores = [0.0; TAG_COUNT];
        for &feature in f.iter().chain(&features.history(i, prev, prev2)) {
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
        out.push((best, scores));
    }
    out
}

/// Person runs in tagged tokens: B-PER then I-PER, each word joined to the last by spaces.
pub fn person_spans(tokens: &[Token], tagged: &[(usize, Scores)]) -> Vec<PersonSpan> {
    let margin = |(tag, scores): &(usize, Scores)| {
        let other = scores.iter().enumerate().filter(|(t, _)| !matches!(*t, BEGIN_PERSON | INSIDE_PERSON));
        scores[*tag] - other.map(|(_, s)| *s).fold(f32::MIN, f32::max)
    };
    let mut out: Vec<PersonSpan> = Vec::new();
    for (i, t) in tagged.iter().enumerate() {
        let person = matches!(t.0, BEGIN_PERSON | INSIDE_PERSON);
        let goes_on = t.0 == INSIDE_PERSON && tokens[i].joined_to_prev && out.last().is_some_and(|s| s.tokens.end == i);
        match out.last_mut() {
            Some(span) if person && goes_on => {
                span.tokens.end = i + 1;
                span.margin = span.margin.min(margin(t));
            }
            _ if person => out.push(PersonSpan { tokens: i..i + 1, margin: margin(t) }),
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
        assert!(tagger.rows.len() > 10_000, "{} rows", tagger.rows.len());
        let rows = [(7u32, [1.0, -2.0, 0.5, 0.0, 0.0, 0.0, 0.0, 0.0, 3.0])];
        let back = Tagger::from_bytes(&Tagger::to_bytes(&rows)).unwrap();
        let mut scores = [0.0; TAG_COUNT];
        back.add(7, &mut scores);
        assert!((scores[1] + 2.0).abs() < 1e-3 && (scores[8] - 3.0).abs() < 1e-3, "{scores:?}");
        assert!(Tagger::from_bytes(b"BYLT\x01\x09\0\0\0").is_err(), "cut short");
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
