//! Trains the person tagger (`src/entities/tagger.rs`) on CoNLL-2003 and writes its weights
//! to `assets/tagger/weights.bin`, printing the dev split's person P/R/F1 after each epoch
//! and keeping the best epoch. Deterministic: sentences are shuffled with a fixed seed.
//!
//!     cargo run --release --example train_tagger -- TRAIN DEV
//!
//! TRAIN and DEV are CoNLL files (token POS chunk NER, IOB1), e.g.
//! `../shared/corpora/conll2003/eng.train` and `eng.testa`. Never train or tune on a test split.

use std::path::Path;

use byline::entities::Gazetteer;
use byline::entities::recogniser::Prepared;
use byline::entities::tagger::features::{OUTSIDE, TAG_COUNT, TAGS, TextFeatures};
use byline::entities::tagger::{Scores, Tagger, greedy, person_spans};
use byline::lang::segment::Token;
use rustc_hash::FxHashMap;

const EPOCHS: usize = 8;
/// Rows whose every averaged weight is smaller than this are dropped from the file.
const PRUNE_BELOW: f32 = 0.3;
const SEED: u64 = 0x2003;

/// One sentence as byline reads it: its tokens, their features and their gold tags.
struct Sentence {
    tokens: Vec<Token>,
    features: TextFeatures,
    gold: Vec<usize>,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [train, dev] = args.as_slice() else {
        eprintln!("usage: train_tagger TRAIN DEV (CoNLL-2003 files)");
        std::process::exit(2);
    };
    let (train, dev) = match (read_conll(train), read_conll(dev)) {
        (Ok(t), Ok(d)) => (t, d),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("train_tagger: {e}");
            std::process::exit(1);
        }
    };
    println!("{} train sentences, {} dev sentences", train.len(), dev.len());
    let mut weights = Perceptron::default();
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = SEED;
    let mut best: Option<(f64, usize, FxHashMap<u32, Scores>)> = None;
    for epoch in 1..=EPOCHS {
        shuffle(&mut order, &mut rng);
        for &s in &order {
            weights.learn(&train[s]);
        }
        let averaged = weights.averaged();

        let (p, r, f) = evaluate(&dev, &averaged, 0.0);
        println!("epoch {epoch}: dev PER P {p:.3} R {r:.3} F1 {f:.3} ({} features)", averaged.len());
        if best.as_ref().is_none_or(|b| f > b.0) {
            best = Some((f, epoch, averaged));
        }
    }
    let (_, epoch, averaged) = best.expect("at least one epoch");
    for margin in [0.0, 2.0, 4.0, 6.0, 8.0, 12.0] {
        let (p, r, f) = evaluate(&dev, &averaged, margin);
        println!("epoch {epoch}, margin >= {margin}: dev PER P {p:.3} R {r:.3} F1 {f:.3}");
    }
    let mut rows: Vec<(u32, Scores)> =
        averaged.into_iter().filter(|(_, w)| w.iter().any(|w| w.abs() >= PRUNE_BELOW)).collect();
    rows.sort_unstable_by_key(|r| r.0);
    let bytes = Tagger::to_bytes(&rows);
    let kept = Tagger::from_bytes(&bytes).expect("written weights read back");
    let (p, r, f) = evaluate_tagger(&dev, &kept);
    println!("pruned to {} features: dev PER P {p:.3} R {r:.3} F1 {f:.3}", rows.len());
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/tagger/weights.bin");
    if let Err(e) = std::fs::write(&out, &bytes) {
        eprintln!("train_tagger: {}: {e}", out.display());
        std::process::exit(1);
    }
    println!("wrote {} ({} bytes)", out.display(), bytes.len());
}

/// A CoNLL file's sentences, each converted to text as `conll_to_articles.py` does (tokens
/// joined by spaces), cut by byline's tokenizer, with the gold tags aligned by offset.
fn read_conll(path: &str) -> Result<Vec<Sentence>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let no_gazetteer = Gazetteer::new(vec![]);
    let mut sentences = Vec::new();
    let mut words: Vec<(&str, &str)> = Vec::new();
    for (n, line) in text.lines().chain(std::iter::once("")).enumerate() {
        if line.trim().is_empty() {
            if !words.is_empty() {
                sentences.push(sentence(&words, &no_gazetteer));
                words.clear();
            }
            continue;
        }
        let fields: Vec<&str> = line.split(' ').collect();
        let (Some(word), Some(tag)) = (fields.first(), fields.last()) else { continue };
        if *word == "-DOCSTART-" {
            continue;
        }
        if fields.len() < 2 || !(*tag == "O" || tag.starts_with("I-") || tag.starts_with("B-")) {
            return Err(format!("{path}:{}: not a CoNLL line", n + 1));
        }
        words.push((word, tag));
    }
    Ok(sentences)
}

fn sentence(words: &[(&str, &str)], gazetteer: &Gazetteer) -> Sentence {
    let mut text = String::new();
    let mut spans = Vec::new(); // (start, end, BIO tag)
    let mut prev_kind = "O";
    for (word, tag) in words {
        if !text.is_empty() {
            text.push(' ');
        }
        let kind = tag.get(2..).unwrap_or("O");
        let bio = match *tag {
            "O" => OUTSIDE,
            _ => {
                let begin = tag.starts_with("B-") || kind != prev_kind;
                let name = format!("{}-{kind}", if begin { "B" } else { "I" });
                TAGS.iter().position(|t| *t == name).unwrap_or(OUTSIDE)
            }
        };
        prev_kind = if *tag == "O" { "O" } else { kind };
        spans.push((text.len(), text.len() + word.len(), bio));
        text.push_str(word);
    }
    let prepared = Prepared::new(&text, gazetteer);
    let gold = prepared
        .tokens
        .iter()
        .map(|t| match spans.iter().find(|s| s.0 <= t.start && t.start < s.1) {
            Some(&(start, _, bio)) if bio != OUTSIDE && start < t.start && bio % 2 == 1 => bio + 1,
            Some(&(_, _, bio)) => bio,
            None => OUTSIDE,
        })
        .collect();
    Sentence { features: TextFeatures::new(&prepared), tokens: prepared.tokens, gold }
}

/// An averaged perceptron's weights, averaged lazily: each weight keeps its running total
/// and the step it last changed at.
#[derive(Default)]
struct Perceptron {
    params: FxHashMap<u32, Param>,
    step: u32,
}

#[derive(Default)]
struct Param {
    weights: Scores,
    totals: Scores,
    stamps: [u32; TAG_COUNT],
}

impl Perceptron {
    fn learn(&mut self, s: &Sentence) {
        let tagged = greedy(&s.features, |f, scores| {
            if let Some(p) = self.params.get(&f) {
                scores.iter_mut().zip(&p.weights).for_each(|(s, w)| *s += w);
            }
        });
        for i in 0..s.features.len() {
            let Some(f) = s.features.token(i) else { continue };
            self.step += 1;
            let (guess, truth) = (tagged[i].0, s.gold[i]);
            if guess == truth {
                continue;
            }
            let prev = i.checked_sub(1).map_or(OUTSIDE, |k| tagged[k].0);
            let prev2 = i.checked_sub(2).map_or(OUTSIDE, |k| tagged[k].0);
            for &feature in f.iter().chain(&s.features.history(i, prev, prev2)) {
                let p = self.params.entry(feature).or_default();
                for (tag, delta) in [(truth, 1.0), (guess, -1.0)] {
                    p.totals[tag] += (self.step - p.stamps[tag]) as f32 * p.weights[tag];
                    p.stamps[tag] = self.step;
                    p.weights[tag] += delta;
                }
            }
        }
    }

    fn averaged(&self) -> FxHashMap<u32, Scores> {
        let step = self.step.max(1) as f32;
        self.params
            .iter()
            .map(|(&f, p)| {
                let avg: Scores =
                    std::array::from_fn(|t| (p.totals[t] + (self.step - p.stamps[t]) as f32 * p.weights[t]) / step);
                (f, avg)
            })
            .collect()
    }
}

/// Person spans' precision, recall and F1, counting tagged spans at least `margin` sure.
fn evaluate(dev: &[Sentence], weights: &FxHashMap<u32, Scores>, margin: f32) -> (f64, f64, f64) {
    score(dev, margin, |s| {
        greedy(&s.features, |f, scores| {
            if let Some(w) = weights.get(&f) {
                scores.iter_mut().zip(w).for_each(|(s, w)| *s += w);
            }
        })
    })
}

fn evaluate_tagger(dev: &[Sentence], tagger: &Tagger) -> (f64, f64, f64) {
    score(dev, 0.0, |s| tagger.tag(&s.features))
}

fn score(dev: &[Sentence], margin: f32, tag: impl Fn(&Sentence) -> Vec<(usize, Scores)>) -> (f64, f64, f64) {
    let (mut predicted, mut gold, mut correct) = (0usize, 0usize, 0usize);
    for s in dev {
        let guessed: Vec<_> =
            person_spans(&s.tokens, &tag(s)).into_iter().filter(|p| p.margin >= margin).map(|p| p.tokens).collect();
        let truth: Vec<(usize, Scores)> = s.gold.iter().map(|&t| (t, [0.0; TAG_COUNT])).collect();
        let truth: Vec<_> = person_spans(&s.tokens, &truth).into_iter().map(|p| p.tokens).collect();
        predicted += guessed.len();
        gold += truth.len();
        correct += guessed.iter().filter(|g| truth.contains(g)).count();
    }
    let p = correct as f64 / predicted.max(1) as f64;
    let r = correct as f64 / gold.max(1) as f64;
    (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
}

/// Fisher–Yates with xorshift64: the same order on every run.
fn shuffle(order: &mut [usize], state: &mut u64) {
    for i in (1..order.len()).rev() {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        order.swap(i, (*state % (i as u64 + 1)) as usize);
    }
}
