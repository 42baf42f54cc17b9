//! Recognising and indexing entities: the embedded seeds, and the BBC corpus from
//! `../shared/corpora/bbc` when it is there (it is not part of the repository).

use std::path::PathBuf;

use byline::corpus::{Corpus, load, load_embedded_seeds};
use byline::entities::Index;
use criterion::{Criterion, criterion_group, criterion_main};

fn bbc() -> Option<Corpus> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/bbc");
    dir.exists().then(|| load(&[dir]).expect("BBC corpus loads"))
}

fn recognise(c: &mut Criterion) {
    let seeds = load_embedded_seeds();
    c.bench_function("index seeds (5 articles)", |b| b.iter(|| Index::build(&seeds)));
    if let Some(corpus) = bbc() {
        let mut group = c.benchmark_group("bbc");
        group.sample_size(10);
        group.bench_function("index BBC (2,225 articles)", |b| b.iter(|| Index::build(&corpus)));
        group.bench_function("load BBC", |b| b.iter(|| bbc().unwrap()));
        group.finish();
    } else {
        eprintln!("../shared/corpora/bbc not found: BBC benchmarks skipped");
    }
}

criterion_group!(benches, recognise);
criterion_main!(benches);
