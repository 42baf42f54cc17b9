//! Per-key latency: apply one action and draw the frame to a TestBackend at 120×40, on the
//! 5 seeds, the 2,225 BBC articles (`../shared/corpora/bbc`), and a generated corpus of
//! 222,500 when `BYLINE_BIG_CORPUS` names its folder (`cargo run --release --example
//! gen_corpus -- DIR 222500`). Criterion gives the medians; each group also prints the
//! slowest of 500 presses of every key. Then scrolling an article of one word 1.6 million
//! times with a search for it: every word a match.

#[path = "../tests/support/long_article.rs"]
#[allow(dead_code)]
mod long_article;

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use byline::app::{Action, App, SearchRunner};
use byline::corpus::{Corpus, article, load, load_embedded_seeds};
use byline::entities::Index;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const KEYS: &[(&str, Action, Action)] = &[
    ("move", Action::Down, Action::Up),
    ("scroll", Action::PageDown, Action::PageUp),
    ("mention", Action::NextMention, Action::PrevMention),
    ("focus", Action::FocusNext, Action::FocusPrev),
    ("filter", Action::ToggleFilter, Action::ToggleFilter),
    ("read mark", Action::ToggleRead, Action::ToggleRead),
    ("star", Action::ToggleStar, Action::ToggleStar),
    ("dossier open/close", Action::Dossier, Action::Back),
    ("wheel", Action::Wheel { column: 80, row: 10, down: true }, Action::Wheel { column: 80, row: 10, down: false }),
];

fn corpora() -> Vec<(String, Corpus)> {
    let mut list = vec![("seeds".to_string(), load_embedded_seeds())];
    let bbc = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/bbc");
    if bbc.exists() {
        list.push(("bbc".to_string(), load(&[bbc]).unwrap()));
    }
    if let Some(big) = std::env::var_os("BYLINE_BIG_CORPUS") {
        list.push(("222k".to_string(), load(&[PathBuf::from(big)]).unwrap()));
    }
    list
}

/// A reader with the most mentioned person selected, as a user following them would have.
fn reader(corpus: Corpus) -> App {
    let index = Index::build(&corpus);
    let mut app = App::new(corpus, index, 120, 40);
    let person = app.index.by_prominence.first().map(|&(e, _)| e);
    app.select(person);
    app.update(Action::NextMention);
    app
}

fn keys(c: &mut Criterion) {
    for (name, corpus) in corpora() {
        let articles = corpus.articles.len();
        let mut app = reader(corpus);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        let theme = byline::ui::Theme::default();
        let mut group = c.benchmark_group(format!("key+draw/{name} ({articles} articles)"));
        for &(key, there, back) in KEYS {
            group.bench_function(key, |b| {
                let mut flip = false;
                b.iter(|| {
                    flip = !flip;
                    app.update(if flip { there } else { back });
                    terminal
                        .draw(|f| {
                            byline::ui::draw(&app, f, &theme);
                        })
                        .unwrap();
                })
            });
            let mut worst = Duration::ZERO;
            for i in 0..500 {
                let t = Instant::now();
                app.update(if i % 2 == 0 { there } else { back });
                terminal
                    .draw(|f| {
                        byline::ui::draw(&app, f, &theme);
                    })
                    .unwrap();
                worst = worst.max(t.elapsed());
            }
            eprintln!("{name}: {key}: slowest of 500 {worst:?}");
        }
        type_a_picker_letter(&mut group, &mut app, &mut terminal, &theme);
        type_a_search_letter(&mut group, &mut app, &mut terminal, &theme, &name);
        group.finish();
    }
}

/// Typing a second letter into the `@` picker and taking it back: every entity name and
/// alias matched again, then the frame (6,968 entities on BBC).
fn type_a_picker_letter(
    group: &mut criterion::BenchmarkGroup<criterion::measurement::WallTime>,
    app: &mut App,
    terminal: &mut Terminal<TestBackend>,
    theme: &byline::ui::Theme,
) {
    app.update(Action::PickEntity);
    app.update(Action::SearchChar('s'));
    group.bench_function("picker letter", |b| {
        let mut flip = false;
        b.iter(|| {
            flip = !flip;
            app.update(if flip { Action::SearchChar('t') } else { Action::SearchBackspace });
            terminal
                .draw(|f| {
                    byline::ui::draw(app, f, theme);
                })
                .unwrap();
        })
    });
    app.update(Action::Back);
}

/// Typing one letter into an empty search and taking it back: keystroke to frame, with
/// the search on its worker thread and its reports applied as the event loop would. Then
/// how long a pasted word takes to show its first match.
fn type_a_search_letter(
    group: &mut criterion::BenchmarkGroup<criterion::measurement::WallTime>,
    app: &mut App,
    terminal: &mut Terminal<TestBackend>,
    theme: &byline::ui::Theme,
    name: &str,
) {
    let (tx, reports) = mpsc::channel();
    app.set_search_runner(SearchRunner::background(move |report| {
        let _ = tx.send(report);
    }));
    app.update(Action::StartSearch);
    group.bench_function("search letter", |b| {
        let mut flip = false;
        b.iter(|| {
            flip = !flip;
            reports.try_iter().for_each(|r| app.search_report(r));
            app.update(if flip { Action::SearchChar('e') } else { Action::SearchBackspace });
            terminal
                .draw(|f| {
                    byline::ui::draw(app, f, theme);
                })
                .unwrap();
        })
    });
    let mut first_hit = Vec::new();
    for _ in 0..20 {
        app.update(Action::Back);
        app.update(Action::StartSearch);
        let t = Instant::now();
        app.paste("government");
        terminal
            .draw(|f| {
                byline::ui::draw(app, f, theme);
            })
            .unwrap();
        while app.search().is_some_and(|s| s.hits.is_empty() && !s.done) {
            let report = reports.recv().unwrap();
            app.search_report(report);
            terminal
                .draw(|f| {
                    byline::ui::draw(app, f, theme);
                })
                .unwrap();
        }
        first_hit.push(t.elapsed());
    }
    first_hit.sort();
    eprintln!(
        "{name}: first match of a pasted word on screen: median {:?}, slowest {:?}",
        first_hit[10], first_hit[19]
    );
    app.update(Action::Back);
    app.set_search_runner(SearchRunner::Inline);
}

/// The reader scrolled line by line over 1.6 million search matches: the drawing must look
/// up only the matches on screen.
fn many_matches(c: &mut Criterion) {
    let corpus = Corpus {
        articles: vec![article("word.txt".into(), &long_article::one_word("word", 1_600_000))],
        ..Corpus::default()
    };
    let index = Index::build(&corpus);
    let mut app = App::new(corpus, index, 120, 40);
    app.update(Action::StartSearch);
    "word".chars().for_each(|ch| app.update(Action::SearchChar(ch)));
    app.update(Action::SearchDone);
    app.update(Action::FocusNext); // to the reader
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let theme = byline::ui::Theme::default();
    let mut group = c.benchmark_group("key+draw/1.6M search matches in one article");
    group.bench_function("scroll a line", |b| {
        let mut flip = false;
        b.iter(|| {
            flip = !flip;
            app.update(if flip { Action::Down } else { Action::Up });
            terminal
                .draw(|f| {
                    byline::ui::draw(&app, f, &theme);
                })
                .unwrap();
        })
    });
    group.finish();
}

criterion_group!(benches, keys, many_matches);
criterion_main!(benches);
