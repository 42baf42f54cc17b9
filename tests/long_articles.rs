//! Costs that must grow with an article's length, not with its square: linking, `byline
//! mentions`, and drawing the reader over millions of search matches. Each bound is many
//! times what the linear code takes in the test profile and far below the old quadratic
//! cost (release build: linking 2 MB ~40 s, mentions on 2 MB ~70 s, 40 ms a scroll step).

mod support;

use std::process::Command;
use std::time::{Duration, Instant};

use byline::app::{Action, App};
use byline::corpus::{Corpus, article};
use byline::entities::Index;
use support::long_article::{name_dense, one_word};

const TWO_MB: usize = 2_000_000;

fn one_article(text: &str) -> Corpus {
    Corpus { articles: vec![article("long.txt".into(), text)], ..Corpus::default() }
}

#[test]
fn linking_a_2_mb_article_is_linear() {
    let corpus = one_article(&name_dense(TWO_MB));
    let t = Instant::now();
    let index = Index::build(&corpus);
    let took = t.elapsed();
    eprintln!("indexed 2 MB in {took:?}");
    let blair = index.entity(index.find("Tony Blair").unwrap());
    // A quarter of the paragraphs name him, three times each: every one is linked to him.
    assert!(blair.mentions > 7_000, "{blair:?}");
    assert!(took < Duration::from_secs(BOUND_LINK_SECS), "took {took:?}");
}

#[test]
fn mentions_of_a_2_mb_article_are_listed_in_one_pass() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.txt");
    std::fs::write(&path, name_dense(TWO_MB)).unwrap();
    let t = Instant::now();
    let o = support::byline_command().args(["mentions", "Blair"]).arg(&path).output().unwrap();
    let took = t.elapsed();
    eprintln!("mentions on 2 MB in {took:?}");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.len() > 7_000, "{} lines", lines.len());
    // Paragraphs are two lines apart (line 1 the title, 2 blank): the last mention's line
    // counts every paragraph before it.
    let paragraphs = name_dense(TWO_MB).matches("\n\n").count();
    let last_line: usize = lines.last().unwrap().split(':').nth(1).unwrap().parse().unwrap();
    assert!(last_line > 2 * paragraphs - 16 && last_line <= 2 * paragraphs + 1, "{last_line} vs {paragraphs}");
    assert!(lines[0].contains(":3:16: Prime Minister Tony Blair met"), "{}", lines[0]);
    assert!(took < Duration::from_secs(BOUND_MENTIONS_SECS), "took {took:?}");
}

#[test]
fn a_long_unknown_name_ends_quickly_with_a_short_message() {
    let name = format!("{}\u{1b}[31m", "Vladimir Putin ".repeat(8_600));
    // Against the BBC corpus when it is there: thousands of names to compare it with.
    let bbc = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/bbc");
    let mut command = Command::new(env!("CARGO_BIN_EXE_byline"));
    command.args(["mentions", &name]);
    if bbc.exists() {
        command.arg(&bbc);
    }
    let t = Instant::now();
    let o = command.output().unwrap();
    let took = t.elapsed();
    eprintln!("long name in {took:?}");
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8(o.stderr).unwrap();
    // The last line; the lines before it say how the BBC files were read.
    let err = err.lines().last().unwrap_or_default();
    // The name is quoted cut short; the closest names after it are the corpus's own.
    let quoted = err.split("; closest: ").next().unwrap();
    assert!(quoted.chars().count() < 100 && err.len() < 1000, "{}", err.chars().take(300).collect::<String>());
    assert!(err.starts_with("byline: no entity named \"Vladimir Putin Vladimir") && err.contains('…'), "{err}");
    assert!(!err.contains('\u{1b}'));
    assert!(took < Duration::from_secs(BOUND_LONG_NAME_SECS), "took {took:?}");
}

#[test]
fn scrolling_over_1_6_million_matches_draws_only_the_screen() {
    let corpus = one_article(&one_word("word", 1_600_000));
    let index = Index::build(&corpus);
    let mut app = App::new(corpus, index, 120, 40);
    support::press(&mut app, &[crossterm::event::KeyCode::Char('/')]);
    support::press(&mut app, &support::chars("word"));
    support::press(&mut app, &[crossterm::event::KeyCode::Enter]);
    assert!(app.search().unwrap().hits.len() >= 1_600_000);
    app.update(Action::FocusNext); // to the reader
    let top = app.reader().top();
    let mut terminal = support::render(&app, 120, 40);
    let theme = byline::ui::Theme::default();
    let t = Instant::now();
    for _ in 0..100 {
        app.update(Action::Down);
        terminal
            .draw(|f| {
                byline::ui::draw(&app, f, &theme);
            })
            .unwrap();
    }
    let took = t.elapsed();
    eprintln!("100 scroll steps in {took:?}");
    assert_eq!(app.reader().top(), top + 100);
    assert!(app.search_status().unwrap().starts_with("match 1/1600000"), "{:?}", app.search_status());
    assert!(took < Duration::from_secs(BOUND_SCROLL_SECS), "took {took:?}");
}

// Test profile, 2 shared cores: linking 0.2 s, mentions 0.6 s, 100 steps 0.13 s.
const BOUND_LINK_SECS: u64 = 5;
const BOUND_MENTIONS_SECS: u64 = 10;
const BOUND_SCROLL_SECS: u64 = 3;
const BOUND_LONG_NAME_SECS: u64 = 10;
