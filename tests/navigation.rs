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
