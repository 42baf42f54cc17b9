//! Indexing the BBC corpus (from `../shared/corpora/bbc`) with 1,000 corrections against
//! none, side by side: applying them should cost little next to linking (within 1.1×).

use std::path::PathBuf;

use byline::corpus::{Corpus, load};
use byline::corrections::command::{Request, make};
use byline::corrections::{Corrections, NewKind};
use byline::entities::Index;
use criterion::{Criterion, criterion_group, criterion_main};

/// 1,000 corrections of every sort, made as `byline correct` makes them, on the entities
/// with most mentions (named by id, so each resolves to one).
fn thousand(corpus: &Corpus, index: &Index) -> Corrections {
    let mut ids: Vec<&str> = index.by_prominence.iter().map(|&(e, _)| index.entity(e).id.as_str()).collect();
    ids.truncate(4_000);
    let mut list = Vec::new();
    let mut i = 0;
    while list.len() < 1_000 && i + 1 < ids.len() {
        let (a, b) = (ids[i].to_string(), ids[i + 1].to_string());
        let e = index.entity(index.find(&a).unwrap());
        let alias = e.aliases.iter().find(|x| **x != e.name).cloned();
        let request = match list.len() % 5 {
            0 => Request::Merge { keep: a, other: b },
            1 => Request::Rename { name: a, to: format!("Renamed {i}") },
            2 => Request::Kind { name: a, kind: if i % 2 == 0 { NewKind::None } else { NewKind::Organisation } },
            3 => Request::Never { a, b },
            _ => match alias {
                Some(alias) => Request::Split { name: a, alias, article: None },
                None => Request::Rename { name: a, to: format!("Renamed {i}") },
            },
        };
        // Each pair of entities is named once: no correction can contradict another.
        if let Ok(made) = make(&request, corpus, index, &Corrections::default()) {
            list.push(made.correction);
        }
        i += 2;
    }
    assert_eq!(list.len(), 1_000, "not enough entities for 1,000 corrections");
    Corrections { list }
}

fn corrections(c: &mut Criterion) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/bbc");
    if !dir.exists() {
        eprintln!("../shared/corpora/bbc not found: corrections benchmark skipped");
        return;
    }
    let corpus = load(&[dir]).expect("BBC corpus loads");
    let plain = Index::build(&corpus);
    let thousand = thousand(&corpus, &plain);
    let none = Corrections::default();
    let mut group = c.benchmark_group("index BBC");
    group.sample_size(10);
    group.bench_function("no corrections", |b| b.iter(|| Index::build_corrected(&corpus, &none)));
    group.bench_function("1,000 corrections", |b| b.iter(|| Index::build_corrected(&corpus, &thousand)));
    group.finish();
}

criterion_group!(benches, corrections);
criterion_main!(benches);
