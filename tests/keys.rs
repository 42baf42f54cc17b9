//! Whole key sequences through the key table and `App::update`, no terminal.

mod support;

use byline::app::{Focus, Scope};
use crossterm::event::KeyCode;
use support::{chars, press, seeds_app};

/// Focus the entity pane and select Vladimir Putin with Enter.
fn select_putin(app: &mut byline::app::App) {
    press(app, &[KeyCode::Tab, KeyCode::Tab]);
    assert_eq!(app.focus(), Focus::Entities);
    let putin = app.index.find("Vladimir Putin").unwrap();
    let row = app.entity_rows().iter().position(|&(e, _)| e == putin).unwrap();
    press(app, &vec![KeyCode::Char('j'); row]);
    press(app, &[KeyCode::Enter]);
    assert_eq!(app.selected(), Some(putin));
}

#[test]
fn n_walks_every_mention_and_wraps() {
    let mut app = seeds_app(120, 40);
    select_putin(&mut app);
    // 23 mentions, one of them in a repeated paragraph of seed 001 that the reader folds.
    assert_eq!(app.index.entity_mentions[app.selected().unwrap() as usize].len(), 23);
    assert_eq!(app.mention_status().unwrap(), "Vladimir Putin · mention 1/22 · article 1/5");
    let mut seen_articles = vec![app.reader().open()];
    for i in 2..=22 {
        press(&mut app, &chars("n"));
        let status = app.mention_status().unwrap();
        assert!(status.contains(&format!("mention {i}/22")), "{status}");
        seen_articles.push(app.reader().open());
    }
    seen_articles.dedup();
    assert_eq!(seen_articles, [0, 1, 2, 3, 4], "n crosses into each article in order");
    press(&mut app, &chars("n"));
    assert_eq!(app.mention_status().unwrap(), "Vladimir Putin · mention 1/22 · article 1/5");
    press(&mut app, &chars("N"));
    assert_eq!(app.mention_status().unwrap(), "Vladimir Putin · mention 22/22 · article 5/5");
    assert_eq!(app.reader().open(), 4);
}

#[test]
fn n_scrolls_the_mention_into_view() {
    let mut app = seeds_app(80, 24);
    select_putin(&mut app);
    let height = app.reader_size().1;
    for _ in 0..23 {
        press(&mut app, &chars("n"));
        let m = *app.index.mention(app.current().unwrap());
        let row = app.reader().wrapped().row_of(m.field, m.start as usize).unwrap();
        assert!(row >= app.reader().top() && row < app.reader().top() + height, "row {row} top {}", app.reader().top());
    }
}

#[test]
fn f_filters_to_articles_naming_the_entity() {
    let mut app = seeds_app(120, 40);
    select_putin(&mut app);
    press(&mut app, &chars("f"));
    assert_eq!(app.list().visible().len(), 5);
    let peskov = app.index.find("Peskov").unwrap();
    app.select(Some(peskov));
    press(&mut app, &chars("f")); // on another entity: replaces the filter
    assert_eq!(app.index.articles_of(peskov), [0, 1, 3]);
    assert_eq!(app.list().visible(), [0, 1, 3], "Peskov is named in three seeds");
    press(&mut app, &chars("f"));
    assert_eq!(app.filters().entity, None);
    assert_eq!(app.list().visible().len(), 5);
}

#[test]
fn n_stays_inside_a_filtered_list() {
    let mut app = seeds_app(120, 40);
    let healey = app.index.find("Healey").unwrap();
    app.select(Some(healey));
    press(&mut app, &chars("f"));
    assert_eq!(app.list().visible(), [2]);
    for _ in 0..5 {
        press(&mut app, &chars("n"));
        assert_eq!(app.reader().open(), 2);
    }
}

#[test]
fn star_selects_the_entity_nearest_the_top() {
    let mut app = seeds_app(120, 40);
    press(&mut app, &chars("*"));
    // Seed 000's first mention in view is in the headline: "US".
    let first = app.index.article_mentions[0][0];
    assert_eq!(app.selected(), Some(first.entity));
    // Scroll down a page: the first mention shown is now further in.
    press(&mut app, &[KeyCode::PageDown]);
    press(&mut app, &chars("*"));
    let m = *app.index.mention(app.current().unwrap());
    assert!(app.reader().wrapped().row_of(m.field, m.start as usize).unwrap() >= app.reader().top());
}

#[test]
fn list_moves_open_articles_and_keys_are_bounded() {
    let mut app = seeds_app(80, 24);
    press(&mut app, &chars("jj"));
    assert_eq!(app.reader().open(), 2);
    press(&mut app, &chars("G"));
    assert_eq!(app.reader().open(), 4);
    press(&mut app, &[KeyCode::Down, KeyCode::Down]);
    assert_eq!(app.list().cursor(), 4);
    press(&mut app, &chars("g"));
    assert_eq!((app.reader().open(), app.list().cursor()), (0, 0));
    press(&mut app, &[KeyCode::Up]);
    assert_eq!(app.list().cursor(), 0);
}

#[test]
fn reader_scrolls_within_bounds() {
    let mut app = seeds_app(80, 24);
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.focus(), Focus::Reader);
    press(&mut app, &chars("jjj"));
    assert_eq!(app.reader().top(), 3);
    press(&mut app, &chars("G"));
    let last = app.reader().top();
    press(&mut app, &[KeyCode::Char('j')]);
    assert_eq!(app.reader().top(), last, "j stops at the end");
    assert_eq!(last + app.reader_size().1, app.reader().wrapped().rows.len());
    press(&mut app, &[KeyCode::PageUp]);
    assert!(app.reader().top() < last);
    press(&mut app, &chars("g"));
    assert_eq!(app.reader().top(), 0);
}

#[test]
fn a_toggles_the_entity_scope() {
    let mut app = seeds_app(120, 40);
    let article_rows = app.entity_rows().len();
    press(&mut app, &chars("a"));
    assert_eq!(app.entities().scope(), Scope::Corpus);
    assert_eq!(app.entity_rows().len(), app.index.entities.len());
    assert!(app.entity_rows().len() > article_rows);
    press(&mut app, &chars("a"));
    assert_eq!(app.entity_rows().len(), article_rows);
}

#[test]
fn help_takes_keys_until_closed_and_quit_keys_quit() {
    let mut app = seeds_app(80, 24);
    press(&mut app, &chars("?"));
    assert!(app.overlay().is_help());
    press(&mut app, &chars("j"));
    assert_eq!(app.list().cursor(), 0, "keys do not act under the help overlay");
    press(&mut app, &[KeyCode::Esc]);
    assert!(!app.overlay().is_help() && !app.should_quit());
    press(&mut app, &chars("q"));
    assert!(app.should_quit());
    let mut app = seeds_app(80, 24);
    press(&mut app, &[KeyCode::Esc]);
    assert!(!app.should_quit(), "Esc never quits");
}

#[test]
fn resize_keeps_the_same_paragraph_at_the_top() {
    let mut app = seeds_app(120, 40);
    press(&mut app, &[KeyCode::Tab]);
    press(&mut app, &[KeyCode::Char('j'); 12]);
    let (field, offset) = app.reader().wrapped().anchor_of(app.reader().top()).unwrap();
    let body = app.corpus.articles[0].body.clone();
    let paragraph = |o: usize| body[..o].matches('\n').count();
    let before = paragraph(offset);
    support::resize(&mut app, 80, 24);
    let (field2, offset2) = app.reader().wrapped().anchor_of(app.reader().top()).unwrap();
    assert_eq!(field, field2);
    assert_eq!(paragraph(offset2), before);
    assert!(offset2 <= offset);
}

#[test]
fn n_without_a_selection_says_so() {
    let mut app = seeds_app(80, 24);
    press(&mut app, &chars("n"));
    assert!(app.message().unwrap().contains("no entity selected"));
    press(&mut app, &chars("f"));
    assert!(app.message().is_some());
    assert_eq!(app.list().visible().len(), 5);
}

#[test]
fn while_indexing_the_list_and_reader_work_and_entities_wait() {
    let corpus = byline::corpus::load_embedded_seeds();
    let index = byline::entities::Index::build(&corpus);
    let mut app = byline::app::App::indexing(std::sync::Arc::new(corpus), 80, 24);
    app.indexing_progress(61);
    press(&mut app, &chars("jn"));
    assert_eq!(app.reader().open(), 1, "the list works");
    assert!(app.message().unwrap().starts_with("indexing 61%"));
    let screen = support::screen_text(&support::render(&app, 80, 24)).join("\n");
    assert!(screen.contains("indexing 61%…"), "{screen}");
    app.index_ready(std::sync::Arc::new(index));
    assert!(app.phase().indexed());
    assert!(!app.entity_rows().is_empty());
    press(&mut app, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Enter]);
    assert!(app.mention_status().unwrap().contains(" · mention "));
}

#[test]
fn y_copies_the_path_or_url() {
    let mut app = seeds_app(80, 24);
    press(&mut app, &chars("jy"));
    assert_eq!(app.take_clipboard().as_deref(), Some("seeds/001_568cce9ab38db0fc.txt"));
    assert!(app.message().unwrap().starts_with("copied seeds/001"));
}
