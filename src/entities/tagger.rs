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
use crate::lang::segment::Token;
use crate::lang::{Lang, WordClass};
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
    /// Per tag before and tag before that, the sum of their history features' weights.
    tag_pairs: [[Sums; TAG_COUNT]; TAG_COUNT],
    /// Tells this tagger's cached word sums from another's ([`WORD_SUMS`]).
    id: u64,
}

/// Weights summed as stored (integers, so that the order of the sum does not matter and a
/// cached part sums to the same total).
type Sums = [i32; TAG_COUNT];

/// The sums of each word's own features, per thread, across texts: the tagger looks at
/// names, and a corpus names the same people and places again and again, so most words
/// are summed once (their weights were most of the tagger's cache misses).
struct WordSums {
    tagger: u64,
    sums: rustc_hash::FxHashMap<u64, Sums>,
}

/// Words cached per thread before the cache starts again.
const WORD_SUMS_MAX: usize = 1 << 16;

thread_local! {
    static WORD_SUMS: std::cell::RefCell<WordSums> =
        std::cell::RefCell::new(WordSums { tagger: u64::MAX, sums: Default::default() });
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
        static IDS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let mut tagger = Tagger {
            slots: vec![Slot { key: EMPTY, weights: [0; TAG_COUNT] }; size],
            mask: size - 1,
            scale,
            tag_pairs: [[[0; TAG_COUNT]; TAG_COUNT]; TAG_COUNT],
            id: IDS.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        };
        for row in body.chunks_exact(row_len) {
            let key = stored_key(u32::from_le_bytes(row[..4].try_into().unwrap()));
            let mut weights = [0i16; TAG_COUNT];
            for (w, b) in weights.iter_mut().zip(row[4..].chunks_exact(2)) {
                *w = i16::from_le_bytes([b[0], b[1]]);
            }
            let at = tagger.probe(key);
            tagger.slots[at] = Slot { key, weights };
        }
        for prev in 0..TAG_COUNT {
            for prev2 in 0..TAG_COUNT {
                let mut sums = [0; TAG_COUNT];
                tagger.sum(&features::tag_history(prev, prev2), &mut sums);
                tagger.tag_pairs[prev][prev2] = sums;
            }
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

    /// Adds the stored weights of `features` to `sums`.
    fn sum(&self, features: &[u32], sums: &mut Sums) {
        for &feature in features {
            let slot = &self.slots[self.probe(stored_key(feature))];
            if slot.key != EMPTY {
                sums.iter_mut().zip(&slot.weights).for_each(|(s, &w)| *s += i32::from(w));
            }
        }
    }

    fn scores(&self, sums: Sums) -> Scores {
        sums.map(|s| s as f32 * self.scale)
    }

    /// Each token's tag and scores.
    pub fn tag(&self, features: &TextFeatures) -> Vec<(usize, Scores)> {
        let mut out = vec![(OUTSIDE, [0.0; TAG_COUNT]); features.len()];
        let tagged = decode_with(features, |nth, prev, prev2| {
            let mut sums = [0; TAG_COUNT];
            self.sum(features.written(nth).1, &mut sums);
            self.sum(features.context(nth), &mut sums);
            self.sum(&features.history_of_looked(nth, prev, prev2), &mut sums);
            self.scores(sums)
        });
        for t in tagged {
            out[t.token] = (t.tag, t.scores);
        }
        out
    }

    /// The tokens `wanted` keeps that could be a name, tagged, each word's own features
    /// summed once per thread ([`WORD_SUMS`]).
    fn tag_looked(&self, p: &Prepared, wanted: impl Fn(usize) -> bool) -> Vec<Tagged> {
        WORD_SUMS.with_borrow_mut(|cache| {
            if cache.tagger != self.id || cache.sums.len() > WORD_SUMS_MAX {
                cache.sums.clear();
                cache.tagger = self.id;
            }
            let features = TextFeatures::looking_at_known(p, wanted, |w| cache.sums.contains_key(&w));
            decode_with(&features, |nth, prev, prev2| {
                let (written, own) = features.written(nth);
                let mut sums = match cache.sums.get(&written) {
                    Some(&sums) if own.is_empty() => sums,
                    _ => {
                        let mut sums = [0; TAG_COUNT];
                        self.sum(own, &mut sums);
                        cache.sums.insert(written, sums);
                        sums
                    }
                };
                self.sum(features.context(nth), &mut sums);
                self.sum(&[features::word_history(features.word_of_looked(nth), prev)], &mut sums);
                sums.iter_mut().zip(&self.tag_pairs[prev][prev2]).for_each(|(s, &w)| *s += w);
                self.scores(sums)
            })
        })
    }

    /// The runs of tokens tagged as a person, joined by spaces only.
    pub fn persons(&self, p: &Prepared) -> Vec<PersonSpan> {
        self.persons_among(p, |_| true)
    }

    /// [`Tagger::persons`], looking only at the tokens `wanted` keeps.
    pub fn persons_among(&self, p: &Prepared, wanted: impl Fn(usize) -> bool) -> Vec<PersonSpan> {
        person_runs(&p.tokens, self.tag_looked(p, wanted))
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
    decode_with(features, |nth, prev, prev2| {
        let mut scores = [0.0; TAG_COUNT];
        let (_, own) = features.written(nth);
        for &feature in own.iter().chain(features.context(nth)).chain(&features.history_of_looked(nth, prev, prev2)) {
            add(feature, &mut scores);
        }
        scores
    })
}

/// [`decode`], with the scores of the `nth` looked-at token given the tags before it
/// (`prev`, `prev2`) from `score`.
fn decode_with(features: &TextFeatures, mut score: impl FnMut(usize, usize, usize) -> Scores) -> Vec<Tagged> {
    let mut out: Vec<Tagged> = Vec::new();
    for (nth, (i, _)) in features.looked().enumerate() {
        // The tag of token `k`: one of the last two tagged, or O where it was not looked at.
        let tag_of = |k: Option<usize>| {
            let k = k?;
            out.iter().rev().take(2).find(|t| t.token == k).map(|t| t.tag)
        };
        let prev = tag_of(i.checked_sub(1)).unwrap_or(OUTSIDE);
        let prev2 = tag_of(i.checked_sub(2)).unwrap_or(OUTSIDE);
        let mut scores = score(nth, prev, prev2);
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
            && !in_quoted_title(p.text, p.tokens[span.tokens.start].start, p.tokens[span.tokens.end - 1].end)
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

/// Whether bytes `start..end` sit inside quotation marks on one line around a title in
/// Title Case of three words or more ('Three Heads Exposure', "America's Dangerous Game",
/// 'Adventures of Huckleberry Finn'): the name of a work or a post, whose capitalised words
/// the tagger reads as a name with no cue to say it is one.
pub(super) fn in_quoted_title(text: &str, start: usize, end: usize) -> bool {
    const OPENING: [char; 4] = ['"', '“', '\'', '‘'];
    const CLOSING: [char; 4] = ['"', '”', '\'', '’'];
    let line_start = text[..start].rfind('\n').map_or(0, |k| k + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |k| k + end);
    // The last opening mark before the name, at a word's start, then the first closing mark
    // after it, at a word's end.
    let Some(open) = text[line_start..start]
        .char_indices()
        .filter(|&(k, c)| {
            // An opening mark has a word right after it: `?" Responding` is a quote closing.
            OPENING.contains(&c)
                && text[line_start..line_start + k].chars().next_back().is_none_or(|b| !b.is_alphanumeric())
                && text[line_start + k + c.len_utf8()..].chars().next().is_some_and(|a| !a.is_whitespace())
        })
        .map(|(k, c)| line_start + k + c.len_utf8())
        .next_back()
    else {
        return false;
    };
    let Some(close) = text[end..line_end]
        .char_indices()
        .find(|&(k, c)| {
            CLOSING.contains(&c)
                && text[end + k + c.len_utf8()..].chars().next().is_none_or(|a| !a.is_alphanumeric())
                && text[..end + k].chars().next_back().is_some_and(|b| !b.is_whitespace())
        })
        .map(|(k, _)| end + k)
    else {
        return false;
    };
    let inner = &text[open..close];
    if inner.contains(['.', '!', '?']) {
        return false;
    }
    let words: Vec<&str> = inner.split_whitespace().collect();
    words.len() >= 3
        && words.iter().all(|w| {
            Lang::en().is(w, WordClass::SMALL_IN_TITLES)
                || w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == ':')
        })
}

/// A span less the lowercase words that open it right after a capitalised word, where a
/// particle is "of": "Fãs de Elis" is Elis, "La Muerte de Artemio Cruz" Artemio Cruz ("c de
/// Silva b" keeps de Silva). None if nothing is left.
fn without_leading_of(p: &Prepared, mut s: PersonSpan) -> Option<PersonSpan> {
    let after_capital = |k: usize| k > 0 && p.tokens[k].joined_to_prev && p.tokens[k - 1].capitalised;
    while s.tokens.start < s.tokens.end && !p.tokens[s.tokens.start].capitalised && after_capital(s.tokens.start) {
        s.tokens.start += 1;
    }
    (!s.tokens.is_empty()).then_some(s)
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
            .filter_map(|s| without_leading_of(p, s))
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
        let weights = |t: &Tagger, f: u32| {
            let mut sums = [0; TAG_COUNT];
            t.sum(&[f], &mut sums);
            t.scores(sums)
        };
        let scores = weights(&back, 7);
        assert!((scores[1] + 2.0).abs() < 1e-3 && (scores[8] - 3.0).abs() < 1e-3, "{scores:?}");
        assert!(Tagger::from_bytes(b"BYLT\x01\x09\0\0\0").is_err(), "cut short");
        // Features whose low bits agree share a probe sequence; the hash 0 is a feature too.
        let rows: Vec<(u32, Scores)> =
            [0u32, 16, 32, 1 << 20].iter().enumerate().map(|(k, &f)| (f, [k as f32 + 1.0; TAG_COUNT])).collect();
        let back = Tagger::from_bytes(&Tagger::to_bytes(&rows)).unwrap();
        for (f, w) in &rows {
            let scores = weights(&back, *f);
            assert!((scores[0] - w[0]).abs() < w[0] * 1e-3, "feature {f}: {scores:?}");
        }
        assert_eq!(weights(&back, 48), [0.0; TAG_COUNT], "a feature not stored adds nothing");
        assert!(Tagger::from_bytes(b"not weights").is_err());
    }

    #[test]
    fn cached_word_sums_score_as_summing_every_feature() {
        let text = "Takuya Takagi scored . Takagi and Nader Jokhadar , then Takagi again .";
        let p = Prepared::new(text, &Gazetteer::new(vec![]));
        let tagger = Tagger::embedded();
        let full = tagger.tag(&TextFeatures::new(&p));
        for _ in 0..2 {
            // The second time every word's own sum comes from the cache.
            for t in tagger.tag_looked(&p, |_| true) {
                assert_eq!((t.tag, t.scores), full[t.token], "token {}", p.tokens[t.token].text(text));
            }
        }
        // Another tagger's weights are not read from the embedded one's cache.
        let rows: Vec<(u32, Scores)> = Vec::new();
        let empty = Tagger::from_bytes(&Tagger::to_bytes(&rows)).unwrap();
        let unscored = |t: &Tagged| t.tag == OUTSIDE && t.scores.iter().all(|&s| s == 0.0 || s == f32::NEG_INFINITY);
        assert!(empty.tag_looked(&p, |_| true).iter().all(unscored));
        assert!(tagger.tag_looked(&p, |_| true).iter().any(|t| t.tag == BEGIN_PERSON));
    }

    #[test]
    fn a_name_inside_a_quoted_title_is_the_title_s() {
        let at = |text: &str, name: &str| {
            let start = text.find(name).unwrap();
            in_quoted_title(text, start, start + name.len())
        };
        assert!(at("Kim Eo-joon's 'Three Heads Exposure' was investigated.", "Heads Exposure"));
        assert!(at("'War and Peace' by Tolstoy, 'Adventures of Huckleberry Finn' by Mark Twain", "Huckleberry Finn"));
        assert!(at("a documentary \"Slavery: An 21st Century Evil\", critical", "Century Evil"));
        // Not a quote that is a sentence, nor a name outside the marks.
        assert!(!at("\"I met Takuya Takagi there.\"", "Takuya Takagi"));
        assert!(!at("Takuya Takagi wrote 'Three Heads Exposure' later.", "Takuya Takagi"));
        assert!(!at("\"Takuya Takagi\"", "Takuya Takagi"));
    }

    #[test]
    fn unseen_names_without_a_cue_are_people() {
        assert_eq!(people("Takuya Takagi scored twice for Japan ."), ["Takuya Takagi"]);
        assert_eq!(people("1. Isolde Kostner ( Italy ) 1:38.21"), ["Isolde Kostner"]);
    }

    #[test]
    fn a_particle_after_a_capitalised_word_is_of() {
        let kept = |text: &str, first: usize, end: usize| {
            let p = Prepared::new(text, &Gazetteer::new(vec![]));
            without_leading_of(&p, PersonSpan { tokens: first..end, margin: 10.0 })
                .map(|s| text[p.tokens[s.tokens.start].start..p.tokens[s.tokens.end - 1].end].to_string())
        };
        assert_eq!(kept("La Muerte de Artemio Cruz", 2, 5).as_deref(), Some("Artemio Cruz"));
        assert_eq!(kept("Fãs de Elis", 1, 3).as_deref(), Some("Elis"));
        assert_eq!(kept("c de Silva b", 1, 3).as_deref(), Some("de Silva"));
        assert_eq!(kept("Fãs de", 1, 2), None);
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
