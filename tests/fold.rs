//! Repeated paragraphs folded in the reader: one row, skipped by counts and `n`, opened by
//! Enter.

mod support;

use byline::app::Focus;
use byline::fold::repeated_runs;
use byline::wrap::Row;
use crossterm::event::KeyCode;
use support::{chars, press, render, screen_text, seeds_app};

/// Seed 001 repeats three paragraphs word for word.
const REPEATING: usize = 1;

#[test]
fn repeats_fold_into_one_row_that_enter_opens() {
    let mut app = seeds_app(120, 40);
    press(&mut app, &chars("j"));
    assert_eq!(app.reader().open(), REPEATING);
    let folds = repeated_runs(&app.corpus.articles[REPEATING].body);
    assert_eq!(folds.iter().map(|f| f.paragraphs).sum::<usize>(), 3);
    assert_eq!(app.reader().folds(), folds);
    let fold_rows = app.reader().wrapped().rows.iter().filter(|r| matches!(r, Row::Fold(_))).count();
    assert_eq!(fold_rows, folds.len());
    let screen = screen_text(&render(&app, 120, 40)).join("\n");
    assert!(screen.contains("⋯ 3 repeated paragraphs · Enter shows"), "{screen}");

    // The open article's entity counts leave the folded copies out.
    let all = app.index.article_entities(REPEATING);
    let shown: usize = app.entity_rows().iter().map(|r| r.1).sum();
    let folded =
        app.index.mentions_in(REPEATING).iter().filter(|m| folds[0].range().contains(&(m.start as usize))).count();
    assert!(folded > 0, "the repeated paragraphs name someone");
    assert_eq!(shown + folded, all.iter().map(|r| r.1).sum::<usize>());

    // Enter in the reader opens the fold where it was, and the counts grow back.
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.focus(), Focus::Reader);
    let rows_before = app.reader().wrapped().rows.len();
    for _ in 0..30 {
        if app.reader().folds().is_empty() {
            break;
        }
        // Enter first: Space at the article's end moves on to the next unread.
        press(&mut app, &[KeyCode::Enter]);
        if app.reader().folds().is_empty() {
            break;
        }
        press(&mut app, &[KeyCode::Char(' ')]);
    }
    assert!(app.reader().folds().is_empty(), "Enter opened the fold");
    assert!(app.reader().wrapped().rows.len() > rows_before);
    assert!(!app.reader().wrapped().rows.iter().any(|r| matches!(r, Row::Fold(_))));
    assert_eq!(app.entity_rows().iter().map(|r| r.1).sum::<usize>(), all.iter().map(|r| r.1).sum::<usize>());
    // It stays open when the article is left and reopened.
    press(&mut app, &[KeyCode::BackTab]);
    press(&mut app, &chars("jk"));
    assert_eq!(app.reader().open(), REPEATING);
    assert!(app.reader().folds().is_empty());
}

#[test]
fn n_skips_mentions_in_folded_repeats() {
    let mut app = seeds_app(120, 40);
    let folds = repeated_runs(&app.corpus.articles[REPEATING].body);
    let mentions = app.index.mentions_in(REPEATING);
    let m = mentions.iter().find(|m| folds[0].range().contains(&(m.start as usize))).expect("a folded mention");
    let entity = m.entity;
    app.select(Some(entity));
    let refs = app.index.entity_mentions[entity as usize].clone();
    let folded_refs: Vec<_> = refs
        .iter()
        .filter(|r| {
            r.article as usize == REPEATING
                && folds.iter().any(|f| f.range().contains(&(app.index.mention(**r).start as usize)))
        })
        .copied()
        .collect();
    assert!(!folded_refs.is_empty());
    let mut visited = Vec::new();
    for _ in 0..refs.len() {
        press(&mut app, &chars("n"));
        visited.push(app.current().unwrap());
    }
    assert!(visited.iter().all(|r| !folded_refs.contains(r)), "n landed in a folded repeat");
    visited.sort();
    visited.dedup();
    assert_eq!(visited.len(), refs.len() - folded_refs.len(), "every other mention is reached");
}

#[test]
fn a_search_match_inside_folded_repeats_opens_them() {
    let mut app = seeds_app(120, 40);
    let body = &app.corpus.articles[REPEATING].body;
    let fold = repeated_runs(body)[0];
    let phrase: String = body[fold.range()].chars().take(40).collect();
    press(&mut app, &chars("/"));
    press(&mut app, &chars(&phrase));
    press(&mut app, &[KeyCode::Enter]);
    assert!(app.search_status().unwrap().starts_with("match 1/2"), "{:?}", app.search_status());
    assert!(!app.reader().folds().is_empty(), "the first telling is not folded");
    press(&mut app, &chars("n"));
    assert!(app.reader().folds().is_empty(), "stepping to the repeat opened its fold");
    let row = app.reader().wrapped().row_of(byline::corpus::Field::Body, fold.start).unwrap();
    assert!(row >= app.reader().top() && row < app.reader().top() + app.reader_size().1);
}
