//! One long article (2 MB of generated news prose dense with names, as `tests/long_articles.rs`
//! uses): linking it, and `byline mentions` of its most named person. Both grow with the
//! article's length; they once grew with its square.

#[path = "../tests/support/long_article.rs"]
#[allow(dead_code)]
mod long_article;

use byline::corpus::{Corpus, article};
use byline::entities::Index;
use criterion::{Criterion, criterion_group, criterion_main};

fn long_article(c: &mut Criterion) {
    let text = long_article::name_dense(2_000_000);
    let corpus = Corpus { articles: vec![article("long.txt".into(), &text)], ..Corpus::default() };
    let mut group = c.benchmark_group("2 MB article");
    group.sample_size(10);
    group.bench_function("index (recognise and link)", |b| b.iter(|| Index::build(&corpus)));
    let index = Index::build(&corpus);
    let blair = index.find("Tony Blair").expect("Blair is named");
    group.bench_function("mentions of Tony Blair", |b| {
        b.iter(|| {
            let mut out = Vec::new();
            byline::export::write_mentions(&mut out, &corpus, &index, blair).unwrap();
            out
        })
    });
    group.finish();
}

criterion_group!(benches, long_article);
criterion_main!(benches);
