//! Building a dossier, as pressing `i` does: for the most mentioned person of the BBC
//! corpus (from `../shared/corpora/bbc`, not part of the repository), and on the seeds;
//! and the one-off quote index it reads, built in the background after the entity index.

use std::path::PathBuf;

use byline::corpus::{load, load_embedded_seeds};
use byline::dossier::{Dossier, QuoteIndex};
use byline::entities::{Index, Kind};
use criterion::{Criterion, criterion_group, criterion_main};

fn dossier(c: &mut Criterion) {
    let seeds = load_embedded_seeds();
    let index = Index::build(&seeds);
    let quotes = QuoteIndex::build(&seeds, &index);
    let putin = index.find("Putin").expect("Putin in the seeds");
    c.bench_function("dossier Vladimir Putin (seeds)", |b| b.iter(|| Dossier::build(&seeds, &index, &quotes, putin)));

    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/bbc");
    if !dir.exists() {
        eprintln!("../shared/corpora/bbc not found: BBC benchmark skipped");
        return;
    }
    let corpus = load(&[dir]).expect("BBC corpus loads");
    let index = Index::build(&corpus);
    let mut group = c.benchmark_group("quote index");
    group.sample_size(10);
    group.bench_function("QuoteIndex::build (BBC)", |b| b.iter(|| QuoteIndex::build(&corpus, &index)));
    group.finish();
    let quotes = QuoteIndex::build(&corpus, &index);
    let (top, _) = index
        .by_prominence
        .iter()
        .copied()
        .filter(|&(e, _)| index.entity(e).kind == Kind::Person)
        .max_by_key(|&(_, n)| n)
        .expect("a person");
    let e = index.entity(top);
    let name = format!("dossier {} (BBC, {} mentions in {} articles)", e.name, e.mentions, e.articles);
    c.bench_function(&name, |b| b.iter(|| Dossier::build(&corpus, &index, &quotes, top)));
}

criterion_group!(benches, dossier);
criterion_main!(benches);
