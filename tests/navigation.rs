//! Issue 15, "never lost, never surprised": key sequences through the router, on the seeds.

mod support;

use byline::app::{App, Focus, Target};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use support::{chars, press, seeds_app};

fn ctrl(app: &mut App, c: char) {
    app.input(&Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)));
}

/// Selects `name` in the entity pane (all articles) and opens its dossier.
fn open_dossier(app: &mut App, name: &str) {
    press(app, &chars("a"));
    press(app, &[KeyCode::Tab, KeyCode::Tab]);
    let id = app.index.find(name).unwrap();
    let row = app.entity_rows().iter().position(|&(e, _)| e == id).unwrap();
    press(app, &vec![KeyCode::Char('j'); row]);
    press(app, &chars("i"));
    assert_eq!(app.dossier().map(|d| d.dossier.entity), Some(id));
}

#[test]
fn esc_after_following_a_dossier_quote_does_not_quit() {
    let mut app = seeds_app(120, 40);
    press(&mut app, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Char('a'), KeyCode::Char('g'), KeyCode::Enter]);
    press(&mut app, &chars("ij"));
    assert!(app.dossier().is_some());
    press(&mut app, &[KeyCode::Enter]);
    assert!(app.dossier().is_none(), "the item was followed");
    press(&mut app, &[KeyCode::Esc]);
    assert!(!app.should_quit(), "Esc never quits");
    assert_eq!(app.message(), Some("nothing to back out of: q quits"));
    press(&mut app, &[KeyCode::Esc, KeyCode::Esc]);
    assert!(!app.should_quit());
    press(&mut app, &chars("q"));
    assert!(app.should_quit(), "q quits");
}

#[test]
fn esc_clears_filters_before_anything_else() {
    let mut app = seeds_app(120, 40);
    let healey = app.index.find("Healey").unwrap();
    app.select(Some(healey));
    press(&mut app, &chars("sS"));
    press(&mut app, &[KeyCode::Esc]);
    assert_eq!(app.filters(), &byline::app::Filters::default());
    assert_eq!(app.list().visible().len(), 5);
    assert!(!app.should_quit());
}

#[test]
fn esc_from_a_companions_dossier_returns_to_the_item_left() {
    let mut app = seeds_app(120, 40);
    open_dossier(&mut app, "Dmitry Peskov");
    let view = app.dossier().unwrap();
    let companion = view.items.iter().position(|t| matches!(t, Target::Entity(_))).expect("a companion");
    assert!(companion > 0);
    press(&mut app, &vec![KeyCode::Char('j'); companion]);
    let top = app.dossier().unwrap().top;
    press(&mut app, &[KeyCode::Enter]);
    assert_ne!(app.dossier().unwrap().dossier.entity, app.index.find("Dmitry Peskov").unwrap());
    press(&mut app, &chars("j"));
    press(&mut app, &[KeyCode::Esc]);
    let view = app.dossier().unwrap();
    assert_eq!(view.dossier.entity, app.index.find("Dmitry Peskov").unwrap());
    assert_eq!((view.cursor, view.top), (companion, top), "back on the companion followed");
}

#[test]
fn reopening_the_dossier_after_following_a_quote_starts_where_it_was() {
    let mut app = seeds_app(120, 40);
    open_dossier(&mut app, "Dmitry Peskov");
    press(&mut app, &chars("j"));
    let cursor = app.dossier().unwrap().cursor;
    assert!(matches!(app.dossier().unwrap().items[cursor], Target::Quote { .. }));
    press(&mut app, &[KeyCode::Enter]);
    assert!(app.dossier().is_none());
    assert_eq!(app.focus(), Focus::Reader);
    press(&mut app, &chars("i"));
    assert_eq!(app.dossier().unwrap().cursor, cursor, "i reopens it on the item followed");
    let _ = ctrl;
}

/// Focus the entity pane and select `name` with Enter.
fn select(app: &mut App, name: &str) {
    press(app, &[KeyCode::Tab, KeyCode::Tab]);
    let id = app.index.find(name).unwrap();
    let row = app.entity_rows().iter().position(|&(e, _)| e == id).unwrap();
    press(app, &vec![KeyCode::Char('j'); row]);
    press(app, &[KeyCode::Enter]);
}

/// The open article and the reader's first row.
fn place(app: &App) -> (usize, usize) {
    (app.reader().open(), app.reader().top())
}

#[test]
fn ctrl_o_goes_back_along_the_jumps_across_articles_and_ctrl_n_forward() {
    let mut app = seeds_app(120, 40);
    let start = place(&app);
    select(&mut app, "Vladimir Putin");
    let mut places = vec![start];
    if place(&app) != start {
        places.push(place(&app));
    }
    for _ in 0..6 {
        press(&mut app, &chars("n"));
        if place(&app) != *places.last().unwrap() {
            places.push(place(&app));
        }
    }
    assert!(places.iter().any(|p| p.0 != start.0), "n crossed into another article: {places:?}");
    let end = place(&app);
    for want in places.iter().rev().skip(1) {
        ctrl(&mut app, 'o');
        assert_eq!(place(&app), *want);
    }
    ctrl(&mut app, 'o');
    assert_eq!(app.message(), Some("no earlier place in the jump list"));
    assert_eq!(place(&app), start);
    for want in places.iter().skip(1) {
        ctrl(&mut app, 'n');
        assert_eq!(place(&app), *want);
    }
    assert_eq!(place(&app), end);
}

#[test]
fn ctrl_o_after_following_a_dossier_quote_is_back_in_the_dossier() {
    let mut app = seeds_app(120, 40);
    open_dossier(&mut app, "Dmitry Peskov");
    press(&mut app, &chars("jj"));
    let cursor = app.dossier().unwrap().cursor;
    press(&mut app, &[KeyCode::Enter, KeyCode::Esc]);
    assert!(app.dossier().is_none() && !app.should_quit());
    ctrl(&mut app, 'o');
    let view = app.dossier().expect("the dossier is back");
    assert_eq!(view.cursor, cursor);
    ctrl(&mut app, 'n');
    assert!(app.dossier().is_none(), "forward again: the quote in the reader");
}

#[test]
fn esc_while_typing_a_search_returns_to_where_it_started_and_enter_keeps_the_place() {
    let mut app = seeds_app(120, 40);
    press(&mut app, &[KeyCode::Tab]);
    press(&mut app, &chars("jjj"));
    let start = place(&app);
    press(&mut app, &chars("/Healey"));
    assert_ne!(place(&app), start, "the search jumped to a match");
    press(&mut app, &[KeyCode::Esc]);
    assert!(app.search().is_none());
    assert_eq!(place(&app), start, "Esc returns to where the search started");
    press(&mut app, &chars("/Healey"));
    let found = place(&app);
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(place(&app), found, "Enter keeps the place found");
    press(&mut app, &[KeyCode::Esc]);
    assert_eq!(place(&app), found, "Esc after Enter clears the search where it is");
    ctrl(&mut app, 'o');
    assert_eq!(place(&app), start, "the search was a jump");
}
