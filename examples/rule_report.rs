//! Precision and count per rule on a gold set of person mentions: which rules earn their
//! keep. Mentions are matched to the gold as `tests/support/score.rs` (and
//! `shared/eval/score_persons.py`) match them: per article, by normalised surface form; of
//! the predicted mentions of one form, the first as many as the gold has are correct.
//!
//!     cargo run --release --example rule_report -- GOLD PATHS…
//!
//! A directory in PATHS is where the gold's file names are found (as `tests/gold_bbc.rs`
//! reads them); a file is loaded as it is. With `EXTRAS=1` it also prints each predicted
//! person mention the gold does not have, with its rule and the words around it (dev sets
//! only: reading a check set's errors is tuning on it).

#[allow(dead_code)]
#[path = "../tests/support/score.rs"]
mod score;

use std::collections::HashMap;
use std::path::PathBuf;

use byline::corpus::load;
use byline::entities::{Index, Kind, Rule};

#[derive(Default)]
struct Tally {
    predicted: usize,
    correct: usize,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [gold_path, paths @ ..] = args.as_slice() else {
        eprintln!("usage: rule_report GOLD PATHS…");
        std::process::exit(2);
    };
    if paths.is_empty() {
        eprintln!("usage: rule_report GOLD PATHS…");
        std::process::exit(2);
    }
    let gold: serde_json::Value = match std::fs::read_to_string(gold_path).map(|s| serde_json::from_str(&s)) {
        Ok(Ok(v)) => v,
        Ok(Err(e)) => return fail(&format!("{gold_path}: not a gold file: {e}")),
        Err(e) => return fail(&format!("{gold_path}: {e}")),
    };
    let Some(gold) = gold.as_array() else { return fail(&format!("{gold_path}: not a list of articles")) };
    let gold_files: Vec<&str> = gold.iter().filter_map(|g| g["file"].as_str()).collect();
    let mut files = Vec::new();
    for p in paths.iter().map(PathBuf::from) {
        if p.is_dir() {
            files.extend(gold_files.iter().map(|f| p.join(f)).filter(|f| f.exists()));
        } else {
            files.push(p);
        }
    }
    let corpus = match load(&files) {
        Ok(c) => c,
        Err(e) => return fail(&format!("{e}")),
    };
    let index = Index::build(&corpus);
    let by_key: HashMap<String, usize> =
        corpus.articles.iter().enumerate().map(|(i, a)| (score::key_of(&a.path), i)).collect();

    let mut tally: HashMap<Rule, Tally> = HashMap::new();
    let (mut gold_total, mut scored) = (0, 0);
    let extras = std::env::var_os("EXTRAS").is_some();
    for g in gold {
        let Some(&a) = g["file"].as_str().and_then(|f| by_key.get(&score::key_of(f))) else { continue };
        scored += 1;
        let mut left: HashMap<String, usize> = HashMap::new();
        for p in g["persons"].as_array().into_iter().flatten() {
            for m in p["mentions"].as_array().into_iter().flatten().filter_map(|m| m.as_str()) {
                *left.entry(score::norm(m)).or_default() += 1;
                gold_total += 1;
            }
        }
        let article = &corpus.articles[a];
        for m in index.mentions_in(a) {
            if index.entity(m.entity).kind != Kind::Person {
                continue;
            }
            let t = tally.entry(m.rule).or_default();
            t.predicted += 1;
            if let Some(n) = left.get_mut(&score::norm(&article.field(m.field)[m.range()]))
                && *n > 0
            {
                *n -= 1;
                t.correct += 1;
            } else if extras {
                let text = article.field(m.field);
                let r = m.range();
                let from = (0..=r.start.saturating_sub(50)).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
                let to =
                    ((r.end + 40).min(text.len())..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(r.end);
                let around = format!("{}[{}]{}", &text[from..r.start], &text[r.clone()], &text[r.end..to]);
                let file = g["file"].as_str().unwrap_or("");
                println!("{file}\t{}\t{}\t{}", &text[r], m.rule.name(), around.replace('\n', " "));
            }
        }
    }
    if scored == 0 {
        return fail("no article of the gold is among PATHS");
    }
    println!("{scored} articles, {gold_total} gold person mentions");
    println!("{:<20} {:>9} {:>8} {:>9} {:>7}", "rule", "predicted", "correct", "precision", "recall");
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let mut total = Tally::default();
    for rule in Rule::ALL {
        let Some(t) = tally.get(&rule) else { continue };
        total.predicted += t.predicted;
        total.correct += t.correct;
        println!(
            "{:<20} {:>9} {:>8} {:>9.3} {:>7.3}",
            rule.name(),
            t.predicted,
            t.correct,
            ratio(t.correct, t.predicted),
            ratio(t.correct, gold_total)
        );
    }
    println!(
        "{:<20} {:>9} {:>8} {:>9.3} {:>7.3}",
        "all",
        total.predicted,
        total.correct,
        ratio(total.correct, total.predicted),
        ratio(total.correct, gold_total)
    );
}

fn fail(message: &str) {
    eprintln!("rule_report: {message}");
    std::process::exit(1);
}
