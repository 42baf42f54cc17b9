//! Search: typed with `/`, smart case, `n`/`N` through matches across articles with the
//! position in the status line, `&` to list only articles with a match, Esc to clear and
//! hand `n`/`N` back to the selected entity. In the background: stale results dropped,
//! narrowing, and searches typed while the files are still loading.

mod support;

use std::sync::Arc;

use byline::app::{App, Search};
use byline::corpus::{Corpus, article};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;
use ratatui::style::Color;
use support::{chars, press, render, reports_until_done, screen_text, search_in_background, seeds_app, settle_search};

/// Types into the search as the event loop does while it is being edited.
fn type_search(app: &mut byline::app::App, text: &str) {
    for c in text.chars() {
        let action = app.input(&Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)));
        assert_eq!(action, Some(byline::app::Action::SearchChar(c)));
    }
}

fn enter(app: &mut byline::app::App) {
    let action = app.input(&Event::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)));
    assert_eq!(action, Some(byline::app::Action::SearchDone));
}

/// Occurrences of `needle` in every headline and body of the seeds, ignoring case.
fn count(app: &byline::app::App, needle: &str) -> (usize, usize) {
    let mut total = 0;
    let mut articles = 0;
    for a in &app.corpus.articles {
        let mut n = a.body.to_lowercase().matches(needle).count();
        if a.title_is_headline {
            n += a.title.to_lowercase().matches(needle).count();
        }
        total += n;
        articles += usize::from(n > 0);
    }
    (total, articles)
}

#[test]
fn n_steps_through_every_match_and_wraps() {
    let mut app = seeds_app(120, 40);
    press(&mut app, &chars("/"));
    type_search(&mut app, "ceasefire");
    assert!(app.search_status().unwrap().starts_with("/ceasefire"));
    enter(&mut app);
    let (total, articles) = count(&app, "ceasefire");
    assert!(total > 10);
    assert_eq!(app.search_status().unwrap(), format!("match 1/{total} · article 1/{articles}"));
    for i in 2..=total {
        press(&mut app, &chars("n"));
        assert!(app.search_status().unwrap().starts_with(&format!("match {i}/{total} ")));
    }
    press(&mut app, &chars("n"));
    assert!(app.search_status().unwrap().starts_with(&format!("match 1/{total} ")));
    press(&mut app, &chars("N"));
    let status = format!("match {total}/{total} · article {articles}/{articles}");
    assert_eq!(app.search_status().unwrap(), status);
    let screen = screen_text(&render(&app, 120, 40));
    assert!(screen.last().unwrap().contains(&status), "the status line shows it: {:?}", screen.last());
}

#[test]
fn smart_case() {
    let mut app = seeds_app(120, 40);
    press(&mut app, &chars("/"));
    type_search(&mut app, "us");
    let insensitive = app.search().unwrap().hits.len();
    press(&mut app, &[KeyCode::Esc]);
    press(&mut app, &chars("/"));
    type_search(&mut app, "US");
    let sensitive = app.search().unwrap().hits.len();
    assert!(sensitive > 0 && sensitive < insensitive, "{sensitive} < {insensitive}");
}

#[test]
fn ampersand_lists_only_articles_with_a_match() {
    let mut app = seeds_app(120, 40);
    press(&mut app, &chars("/"));
    type_search(&mut app, "Healey");
    enter(&mut app);
    press(&mut app, &chars("&"));
    assert_eq!(app.list().visible(), [2]);
    assert_eq!(app.reader().open(), 2);
    press(&mut app, &chars("&"));
    assert_eq!(app.list().visible().len(), 5);
}

#[test]
fn esc_clears_the_search_and_gives_n_back() {
    let mut app = seeds_app(120, 40);
    let putin = app.index.find("Vladimir Putin").unwrap();
    app.select(Some(putin));
    press(&mut app, &chars("/"));
    type_search(&mut app, "Kyiv");
    enter(&mut app);
    press(&mut app, &chars("n"));
    assert!(app.search_status().unwrap().starts_with("match 2/"));
    press(&mut app, &[KeyCode::Esc]);
    assert!(app.search().is_none() && !app.should_quit());
    press(&mut app, &chars("n"));
    assert!(app.mention_status().unwrap().contains("Vladimir Putin · mention"));
    press(&mut app, &[KeyCode::Esc]);
    assert!(!app.should_quit(), "with no search, Esc still never quits");
}

#[test]
fn matches_are_highlighted_in_the_reader() {
    let (w, h) = (120, 40);
    let mut app = seeds_app(w, h);
    press(&mut app, &chars("/"));
    type_search(&mut app, "Moscow");
    enter(&mut app);
    let t = render(&app, w, h);
    let buf = t.backend().buffer();
    let lines = screen_text(&t);
    let reader = byline::layout::Panes::new(ratatui::layout::Rect::new(0, 0, w, h)).unwrap().reader;
    let (y, line) = lines.iter().enumerate().skip(1).find(|(_, l)| l.contains("Moscow")).unwrap();
    let x = line[..line.find("Moscow").unwrap()].chars().count() as u16;
    assert!(x >= reader.x);
    assert_eq!(buf[(x, y as u16)].bg, Color::Yellow, "the current match");
    assert_eq!(buf[(x + 5, y as u16)].bg, Color::Yellow);
    assert_ne!(buf[(x + 6, y as u16)].bg, Color::Yellow);
}

#[test]
fn search_works_before_indexing_is_done() {
    let corpus = byline::corpus::load_embedded_seeds();
    let mut app = byline::app::App::indexing(std::sync::Arc::new(corpus), 80, 24);
    press(&mut app, &chars("/"));
    type_search(&mut app, "Kremlin");
    enter(&mut app);
    press(&mut app, &chars("n"));
    assert!(app.search_status().unwrap().starts_with("match 2/"));
}

fn corpus_of(texts: &[&str]) -> Corpus {
    Corpus { articles: texts.iter().map(|t| article("a.txt".into(), t)).collect(), ..Corpus::default() }
}

#[test]
fn a_stale_search_s_results_are_dropped() {
    let mut app = seeds_app(120, 40);
    let reports = search_in_background(&mut app);
    press(&mut app, &chars("/"));
    type_search(&mut app, "Kyiv");
    let stale = reports_until_done(&app, &reports);
    assert!(stale.iter().any(|r| !r.hits.is_empty()), "Kyiv is found");
    press(&mut app, &[KeyCode::Backspace; 4]);
    type_search(&mut app, "Healey");
    settle_search(&mut app, &reports);
    let hits = app.search().unwrap().hits.clone();
    let (open, top) = (app.reader().open(), app.reader().top());
    assert_eq!(open, 2, "the reader is on the match");
    for report in stale {
        app.search_report(report);
    }
    assert_eq!(app.search().unwrap().hits, hits);
    assert_eq!((app.reader().open(), app.reader().top()), (open, top), "the stale results did not move the reader");
    enter(&mut app);
    assert!(app.search_status().unwrap().starts_with(&format!("match 1/{} ", hits.len())));
}

proptest! {
    /// Typing more of a query searches only the articles that had a match; backspacing
    /// searches everything again. Either way the hits are a full search's.
    #[test]
    fn narrowing_finds_what_a_full_search_finds(
        texts in prop::collection::vec("[abAB \n]{0,40}", 1..8),
        query in "[abAB]{1,3}",
        more in "[abAB ]{1,3}",
    ) {
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let mut app = App::indexing(Arc::new(corpus_of(&texts)), 80, 24);
        press(&mut app, &chars("/"));
        type_search(&mut app, &query);
        let mut typed = query.clone();
        for c in more.chars() {
            type_search(&mut app, &c.to_string());
            typed.push(c);
            prop_assert_eq!(&app.search().unwrap().hits, &Search::find(&app.corpus, &typed), "{:?}", typed);
        }
        for _ in more.chars() {
            press(&mut app, &[KeyCode::Backspace]);
            typed.pop();
            prop_assert_eq!(&app.search().unwrap().hits, &Search::find(&app.corpus, &typed), "{:?}", typed);
        }
    }
}

#[test]
fn a_search_typed_while_loading_finds_text_in_a_later_batch() {
    let mut app = App::loading(2, 80, 24);
    app.append(corpus_of(&["First\n\nNothing to see here."]), 1);
    press(&mut app, &chars("/"));
    type_search(&mut app, "ceasefire");
    assert_eq!(app.search_status().unwrap(), "/ceasefire▏ 0 matches");
    app.append(corpus_of(&["Second\n\nA ceasefire was agreed, the ceasefire held."]), 1);
    assert_eq!(app.search_status().unwrap(), "/ceasefire▏ 2 matches");
    assert_eq!(app.reader().open(), 1, "the reader shows the first match");
    enter(&mut app);
    assert_eq!(app.search_status().unwrap(), "match 1/2 · article 1/1");
}

#[test]
fn a_batch_that_arrives_while_the_search_runs_joins_it() {
    let mut app = App::loading(40_001, 80, 24);
    let reports = search_in_background(&mut app);
    let filler = vec!["A title\n\nThe talks went on and on, and the talks went on."; 40_000];
    app.append(corpus_of(&filler), 40_000);
    press(&mut app, &chars("/"));
    type_search(&mut app, "talks");
    // The search holds the corpus; the batch joins all the same, and is searched.
    app.append(corpus_of(&["Late\n\nLate talks."]), 1);
    settle_search(&mut app, &reports);
    let search = app.search().unwrap();
    assert_eq!(search.hits, Search::find(&app.corpus, "talks"));
    assert_eq!(search.hits.len(), 80_001);
    assert_eq!(search.articles.len(), 40_001);
}
