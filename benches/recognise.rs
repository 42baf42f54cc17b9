//! Loading, recognising and indexing: the embedded seeds; the BBC corpus from
//! `../shared/corpora/bbc` when it is there (it is not part of the repository); the
//! generated 222,500-article corpus when `BYLINE_BIG_CORPUS` names its folder; and wrapping
//! one long article.

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
    if let Some(dir) = std::env::var_os("BYLINE_BIG_CORPUS").map(PathBuf::from) {
        let mut group = c.benchmark_group("222k");
        group.sample_size(10).measurement_time(std::time::Duration::from_secs(60));
        group.bench_function("load 222k", |b| b.iter(|| load(std::slice::from_ref(&dir)).unwrap()));
        let corpus = load(std::slice::from_ref(&dir)).unwrap();
        group.bench_function("index 222k", |b| b.iter(|| Index::build(&corpus)));
        group.finish();
    }
}

/// Wrapping the longest seed, repeated to about 200 KB (a long report), at a reader width.
fn wrap(c: &mut Criterion) {
    let mut article = load_embedded_seeds().articles.swap_remove(2);
    article.body = vec![article.body.as_str(); 70].join("\n\n");
    c.bench_function(&format!("wrap {} KB article at 76 columns", article.body.len() / 1000), |b| {
        b.iter(|| byline::wrap::Wrapped::new(&article, 76))
    });
}

criterion_group!(benches, recognise, wrap);
criterion_main!(benches);
