//! Every attributed quote in some articles with the rule that attributed it: for reading
//! attributions on text no gold covers, where a wrong speaker is found by eye.
//!
//!     cargo run --release --example quote_audit -- PATH… [--rule SUBSTRING]

use byline::corpus::load;
use byline::dossier::QuoteIndex;
use byline::entities::Index;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut only = None;
    if let Some(k) = args.iter().position(|a| a == "--rule") {
        only = args.get(k + 1).cloned();
        args.drain(k..(k + 2).min(args.len()));
    }
    if args.is_empty() {
        eprintln!("usage: quote_audit PATH… [--rule SUBSTRING]");
        std::process::exit(2);
    }
    let paths: Vec<std::path::PathBuf> = args.iter().map(Into::into).collect();
    let corpus = match load(&paths) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("quote_audit: {e}");
            std::process::exit(1);
        }
    };
    let index = Index::build(&corpus);
    let quotes = QuoteIndex::build(&corpus, &index);
    for (a, article) in corpus.articles.iter().enumerate() {
        for q in quotes.quotes(a as u32) {
            let rule = q.rule.to_string();
            if only.as_ref().is_some_and(|o| !rule.contains(o.as_str())) {
                continue;
            }
            let text: String = article.body[q.start as usize..q.end as usize].chars().take(90).collect();
            println!("{}\t{}\t{}\t{}", article.path, index.entity(q.speaker).name, rule, text.replace('\n', " "));
        }
    }
}
