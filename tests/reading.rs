//! Read marks, stars and sorting through the keys, and their state round trip, no terminal.

mod support;

use byline::app::{Focus, Sort};
use byline::state::{Store, corpus_key};
use crossterm::event::KeyCode;
use support::{chars, press, render, screen_text, seeds_app};

#[test]
fn opening_reads_moving_the_cursor_does_not_and_m_toggles() {
    let mut app = seeds_app(120, 40);
    assert_eq!(app.unread(), 5);
    press(&mut app, &chars("jj"));
    assert_eq!(app.unread(), 5, "browsing titles marks nothing read");
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.focus(), Focus::Reader);
    assert!(app.is_read(2));
    assert_eq!(app.unread(), 4);
    press(&mut app, &chars("m"));
    assert!(!app.is_read(2), "m marks it unread again, even with the reader focused");
    assert_eq!(app.unread(), 5);
    press(&mut app, &chars("m"));
    assert_eq!(app.unread(), 4);
    let screen = screen_text(&render(&app, 120, 40)).join("\n");
    assert!(screen.contains("4 unread"), "{screen}");
    // Read titles lose the dot; unread ones keep it.
    assert!(screen.lines().any(|l| l.starts_with("│   Diplomats from the UK")), "{screen}");
    assert!(screen.lines().any(|l| l.starts_with("│•  ")), "{screen}");
}

#[test]
fn stars_and_the_starred_list() {
    let mut app = seeds_app(120, 40);
    press(&mut app, &chars("S"));
    assert!(app.list().visible().is_empty());
    assert!(app.message().unwrap().contains("no starred article"));
    let screen = screen_text(&render(&app, 120, 40)).join("\n");
    assert!(screen.contains("Articles 0/0") && screen.contains("article 0/0"), "{screen}");
    press(&mut app, &chars("S"));
    press(&mut app, &chars("jsjjs"));
    assert!(app.is_starred(1) && app.is_starred(3) && !app.is_starred(2));
    press(&mut app, &chars("S"));
    assert_eq!(app.list().visible(), [1, 3]);
    assert_eq!(app.reader().open(), 3, "the open article stays open when it is listed");
    press(&mut app, &chars("s"));
    assert!(!app.is_starred(3));
    press(&mut app, &chars("S"));
    assert_eq!(app.list().visible().len(), 5);
}

#[test]
fn o_cycles_the_sort_orders_and_n_still_walks_in_reading_order() {
    let mut app = seeds_app(120, 40);
    let titles = |app: &byline::app::App| -> Vec<String> {
        app.list().visible().iter().map(|&a| app.corpus.articles[a].title.to_lowercase()).collect()
    };
    press(&mut app, &chars("o"));
    assert_eq!(app.list().sort(), Sort::Date);
    let dates: Vec<_> = app.list().visible().iter().map(|&a| app.corpus.articles[a].date).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1] || w[1].is_none()), "{dates:?}");
    press(&mut app, &chars("o"));
    assert_eq!(app.list().sort(), Sort::Title);
    let t = titles(&app);
    let mut sorted = t.clone();
    sorted.sort();
    assert_eq!(t, sorted);
    press(&mut app, &chars("oo"));
    assert_eq!(app.list().sort(), Sort::Mentions);
    let counts: Vec<usize> = app.list().visible().iter().map(|&a| app.index.mentions_in(a).len()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    assert!(screen_text(&render(&app, 120, 40)).join("\n").contains("by mentions"));

    // The cursor follows the open article through a sort; n still works across articles.
    let open = app.reader().open();
    assert_eq!(app.list().visible()[app.list().cursor()], open);
    let peskov = app.index.find("Peskov").unwrap();
    app.select(Some(peskov));
    press(&mut app, &chars("f"));
    let listed = app.list().visible().to_vec();
    let mut by_rank = listed.clone();
    by_rank.sort_by_key(|&a| std::cmp::Reverse(app.index.mentions_in(a).len()));
    assert_eq!(listed, by_rank, "a filtered list keeps the sort");
    let mut articles = Vec::new();
    for _ in 0..app.index.entity_mentions[peskov as usize].len() {
        press(&mut app, &chars("n"));
        assert_eq!(app.list().visible()[app.list().cursor()], app.reader().open(), "the cursor is on the open article");
        articles.push(app.reader().open());
    }
    articles.dedup();
    // In reading order, wrapping round (a copy in a folded repeat is skipped).
    assert_eq!(articles[..3], [0, 1, 3]);
    assert!(articles.iter().all(|a| [0, 1, 3].contains(a)), "{articles:?}");
    press(&mut app, &chars("o"));
    assert_eq!(app.list().sort(), Sort::Corpus);
    assert_eq!(app.list().visible(), [0, 1, 3]);
}

#[test]
fn marks_round_trip_through_the_store_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let mut app = seeds_app(100, 30);
    press(&mut app, &chars("jj"));
    press(&mut app, &[KeyCode::Enter, KeyCode::PageDown]);
    press(&mut app, &chars("s"));
    let top = app.reader().top();
    assert!(top > 0);
    // Without a corpus name there is no place to save, only marks.
    app.restore(Default::default(), corpus_key(&[]));
    press(&mut app, &[KeyCode::Enter]);
    let (merged, note) = store.save(&app.take_changes()).unwrap();
    assert_eq!(note, None);
    app.adopt(merged);

    let mut again = seeds_app(100, 30);
    let (saved, _) = store.load();
    again.restore(saved, corpus_key(&[]));
    assert!(again.is_read(2) && again.is_starred(2));
    assert_eq!(again.reader().open(), 2, "the last article is open again");
    assert_eq!(again.reader().top(), top, "at the same place");
    assert_eq!(again.unread(), 4);
}

#[test]
fn a_place_reached_before_the_state_is_read_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    // The user opens the third article and quits before the saved state has been read.
    let mut app = seeds_app(100, 30);
    app.set_place_key(corpus_key(&[]));
    press(&mut app, &chars("jj"));
    press(&mut app, &[KeyCode::Enter]);
    let (merged, _) = store.save(&app.take_changes()).unwrap();
    app.adopt(merged);
    let mut again = seeds_app(100, 30);
    again.restore(store.load().0, corpus_key(&[]));
    assert_eq!(again.reader().open(), 2, "the place is kept");
    // Starting and quitting at once before the state is read keeps the saved place.
    let mut quick = seeds_app(100, 30);
    quick.set_place_key(corpus_key(&[]));
    assert!(quick.take_changes().is_empty());
}

#[test]
fn a_place_restored_at_the_top_shows_the_header() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let mut app = seeds_app(100, 30);
    press(&mut app, &chars("jj"));
    app.restore(Default::default(), corpus_key(&[]));
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.reader().top(), 0);
    let (merged, _) = store.save(&app.take_changes()).unwrap();
    app.adopt(merged);
    let mut again = seeds_app(100, 30);
    again.restore(store.load().0, corpus_key(&[]));
    assert_eq!(again.reader().open(), 2);
    assert_eq!(again.reader().top(), 0, "the title and the source line are shown, as they were");
}
