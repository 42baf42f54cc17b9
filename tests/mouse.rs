//! Clicks and the wheel, as actions at screen cells, through `App::update`.

mod support;

use byline::app::{Action, Focus};
use support::{render, screen_text, seeds_app};

/// The screen cell (column, row) where `text` starts, on a rendered screen.
fn cell_of(app: &byline::app::App, text: &str) -> (u16, u16) {
    let (w, h) = (120, 40);
    let lines = screen_text(&render(app, w, h));
    for (y, line) in lines.iter().enumerate() {
        if let Some(i) = line.find(text) {
            return (line[..i].chars().count() as u16, y as u16);
        }
    }
    panic!("{text:?} not on screen:\n{}", lines.join("\n"));
}

#[test]
fn clicking_a_list_row_opens_it_and_a_second_click_reads_it() {
    let mut app = seeds_app(120, 40);
    let (x, y) = cell_of(&app, "Diplomats from the UK");
    app.update(Action::Click { column: x, row: y });
    assert_eq!(app.reader().open(), 2);
    assert_eq!(app.focus(), Focus::List);
    assert!(!app.is_read(2));
    app.update(Action::Click { column: x, row: y + 1 });
    assert_eq!(app.focus(), Focus::Reader, "a second click on the same article opens it in the reader");
    assert!(app.is_read(2));
}

#[test]
fn clicking_a_mention_selects_its_entity_and_an_entity_row_selects_it() {
    let mut app = seeds_app(120, 40);
    // "Zelensky" in the first line of the body of the first seed.
    let (x, y) = cell_of(&app, "Zelensky stated");
    app.update(Action::Click { column: x + 2, row: y });
    let zelensky = app.index.find("Volodymyr Zelensky").unwrap();
    assert_eq!(app.focus(), Focus::Reader);
    assert_eq!(app.selected(), Some(zelensky));
    // A click beside the text selects nothing new.
    app.select(None);
    app.update(Action::Click { column: x - 3, row: y });
    assert_eq!(app.selected(), None);

    let (x, y) = cell_of(&app, "P Dmitry Peskov");
    app.update(Action::Click { column: x, row: y });
    assert_eq!(app.focus(), Focus::Entities);
    assert_eq!(app.selected(), app.index.find("Dmitry Peskov"));
    assert!(app.mention_status().unwrap().contains("mention 1/"));
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer() {
    let mut app = seeds_app(120, 40);
    let (x, y) = cell_of(&app, "Zelensky stated");
    app.update(Action::Wheel { column: x, row: y, down: true });
    assert_eq!(app.reader().top(), 3);
    assert_eq!(app.focus(), Focus::List, "the wheel does not move the focus");
    app.update(Action::Wheel { column: x, row: y, down: false });
    app.update(Action::Wheel { column: x, row: y, down: false });
    assert_eq!(app.reader().top(), 0);
    // Over the list, with too few articles to scroll: nothing moves.
    let (x, y) = cell_of(&app, "Diplomats from the UK");
    app.update(Action::Wheel { column: x, row: y, down: true });
    assert_eq!(app.list().offset(), 0);
    assert_eq!(app.reader().open(), 0);
    // Outside every pane (the status line): nothing.
    app.update(Action::Click { column: 5, row: 39 });
    assert_eq!(app.focus(), Focus::List);
}
