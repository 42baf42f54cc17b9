//! Count, correct and precision per attribution rule ([`byline::dossier::Rule`]) on quote
//! golds, judged as `tests/quotes_gold.rs` judges them: which rules earn their keep, and
//! which should give up rather than guess.
//!
//!     cargo run --release --example quote_report -- [--corpus DIR] GOLD…
//!
//! With `LIST=1` in the environment it also prints every attribution with its rule.
//!
//! The golds' files are looked up in DIR (default `../shared/corpora/bbc`), read whole as
//! the app reads it: role holders across the corpus name "the prime minister".

#[allow(dead_code)]
#[path = "../tests/support/quote_score.rs"]
mod quote_score;

use std::collections::BTreeMap;
use std::path::PathBuf;

use byline::corpus::load;
use byline::dossier::{QuoteIndex, Rule};
use byline::entities::Index;

#[derive(Default)]
struct Tally {
    predicted: usize,
    correct: usize,
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/bbc");
    if let Some(k) = args.iter().position(|a| a == "--corpus") {
        let Some(d) = args.get(k + 1).cloned() else { return fail("--corpus needs a directory") };
        dir = PathBuf::from(d);
        args.drain(k..k + 2);
    }
    if args.is_empty() {
        eprintln!("usage: quote_report [--corpus DIR] GOLD…");
        std::process::exit(2);
    }
    let mut golds = Vec::new();
    for path in &args {
        match std::fs::read_to_string(path).map(|s| serde_json::from_str::<serde_json::Value>(&s)) {
            Ok(Ok(v)) if v.is_array() => golds.push((path, v)),
            Ok(Ok(_)) => return fail(&format!("{path}: not a list of articles")),
            Ok(Err(e)) => return fail(&format!("{path}: not a gold file: {e}")),
            Err(e) => return fail(&format!("{path}: {e}")),
        }
    }
    let corpus = match load(std::slice::from_ref(&dir)) {
        Ok(c) => c,
        Err(e) => return fail(&format!("{e}")),
    };
    let index = Index::build(&corpus);
    let quotes = QuoteIndex::build(&corpus, &index);

    // LIST=1 prints every attribution with its rule, and "ok" where the gold has it.
    let list = std::env::var_os("LIST").is_some();
    let mut tally: BTreeMap<Rule, Tally> = BTreeMap::new();
    let (mut gold_total, mut found_total) = (0, 0);
    for (path, gold) in &golds {
        for entry in gold.as_array().into_iter().flatten() {
            let file = entry["file"].as_str().unwrap_or("?");
            let Some(a) = corpus.articles.iter().position(|a| a.path.ends_with(file)) else {
                eprintln!("quote_report: {path}: {file} is not in {}", dir.display());
                continue;
            };
            let gold = match quote_score::gold_quotes(entry, &corpus.articles[a].body) {
                Ok(g) => g,
                Err(e) => return fail(&format!("{path}: {e}")),
            };
            let mut found = vec![false; gold.len()];
            for q in quotes.quotes(a as u32) {
                let hits = quote_score::finds(q, &index.entity(q.speaker).name, &gold);
                if list {
                    let text = &corpus.articles[a].body[q.start as usize..q.end as usize];
                    let mark = if hits.is_empty() { "?" } else { "ok" };
                    println!("{file}\t{mark}\t{}\t{}\t{text}", q.rule, index.entity(q.speaker).name);
                }
                let t = tally.entry(q.rule).or_default();
                t.predicted += 1;
                t.correct += usize::from(!hits.is_empty());
                for k in hits {
                    found[k] = true;
                }
            }
            gold_total += gold.len();
            found_total += found.iter().filter(|&&f| f).count();
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    println!("{gold_total} gold quotes, {found_total} found (recall {:.3})", ratio(found_total, gold_total));
    println!("{:<32} {:>6} {:>8} {:>9}", "rule", "count", "correct", "precision");
    let mut total = Tally::default();
    for (rule, t) in &tally {
        total.predicted += t.predicted;
        total.correct += t.correct;
        println!("{:<32} {:>6} {:>8} {:>9.3}", rule.to_string(), t.predicted, t.correct, ratio(t.correct, t.predicted));
    }
    println!(
        "{:<32} {:>6} {:>8} {:>9.3}",
        "all",
        total.predicted,
        total.correct,
        ratio(total.correct, total.predicted)
    );
}

fn fail(message: &str) {
    eprintln!("quote_report: {message}");
    std::process::exit(1);
}
