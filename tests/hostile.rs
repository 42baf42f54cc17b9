//! Hostile input: articles that try to break the reader or take over the terminal. They
//! load (or are skipped with a reason), and nothing in them reaches the screen as a
//! control character, at any size, with any pane focused or an overlay open.

mod support;

use byline::app::{Action, App, Focus};
use byline::corpus::load;
use byline::entities::Index;
use proptest::prelude::*;
use support::{is_dangerous, render, screen_text};

fn hostile_app(width: u16, height: u16) -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    support::write_hostile_corpus(dir.path());
    let corpus = load(&[dir.path().to_path_buf()]).unwrap();
    let index = Index::build(&corpus);
    (App::new(corpus, index, width, height), dir)
}

#[test]
fn hostile_files_load_or_are_skipped_with_a_reason() {
    let (app, _dir) = hostile_app(120, 40);
    let names: Vec<&str> = app.corpus.articles.iter().map(|a| a.path.rsplit('/').next().unwrap()).collect();
    assert_eq!(names.len(), 8, "{names:?}");
    let skipped: Vec<(&str, &str)> =
        app.corpus.skipped.iter().map(|s| (s.path.rsplit('/').next().unwrap(), s.reason.as_str())).collect();
    assert_eq!(
        skipped,
        [
            ("07-binary.txt", "binary file, not text"),
            ("08-empty.txt", "empty"),
            ("09-blank.txt", "empty"),
            ("12-\u{1b}]0;pwned by name\u{7}.txt", "empty")
        ]
    );
    let latin1 = app.corpus.articles.iter().find(|a| a.path.ends_with("06-latin1.txt")).unwrap();
    assert!(latin1.body.contains("£5 and café"), "{}", latin1.body);
    let bom = app.corpus.articles.iter().find(|a| a.path.ends_with("04-bom.txt")).unwrap();
    assert_eq!(bom.title, "A title after a BOM");
    assert!(app.message().unwrap().contains("4 files skipped"));
}

#[test]
fn no_control_character_reaches_the_stored_text() {
    let (app, _dir) = hostile_app(120, 40);
    for a in &app.corpus.articles {
        for text in [&a.title, &a.body] {
            assert!(!text.chars().any(is_dangerous), "{}: {:?}", a.path, text.chars().find(|&c| is_dangerous(c)));
        }
    }
}

/// Renders every article of the hostile corpus in every focus and with each overlay.
fn assert_screens_clean(app: &mut App, width: u16, height: u16) {
    for article in 0..app.corpus.articles.len() {
        focus_on(app, Focus::List);
        app.update(Action::First);
        for _ in 0..article {
            app.update(Action::Down);
        }
        for focus in [Focus::List, Focus::Reader, Focus::Entities] {
            focus_on(app, focus);
            for (help, log) in [(false, false), (true, false), (false, true)] {
                show_popup(app, help, log);
                let t = render(app, width, height);
                for (y, line) in screen_text(&t).iter().enumerate() {
                    assert!(!line.chars().any(is_dangerous), "{width}x{height} row {y}: {line:?}");
                }
            }
        }
    }
    show_popup(app, false, false);
}

#[test]
fn screens_hold_no_control_characters() {
    let (mut app, _dir) = hostile_app(120, 40);
    for (w, h) in [(120, 40), (80, 24), (40, 10), (200, 60)] {
        app.update(Action::Resize(w, h));
        assert_screens_clean(&mut app, w, h);
        app.update(Action::NextMention);
        app.update(Action::PageDown);
        assert_screens_clean(&mut app, w, h);
    }
}

/// Every small size (where layouts break) and a grid of larger ones, up to 200 × 60.
fn sampled_sizes() -> impl Iterator<Item = (u16, u16)> {
    let small = (1..=42u16).flat_map(|w| (1..=12u16).map(move |h| (w, h)));
    let grid =
        (43..=200u16).step_by(13).chain([200]).flat_map(|w| (13..=60u16).step_by(7).chain([60]).map(move |h| (w, h)));
    small.chain(grid)
}

#[test]
fn sampled_sizes_from_1x1_to_200x60_draw_within_the_frame() {
    let (mut app, _dir) = hostile_app(120, 40);
    // Open the long-line article: the hardest to wrap.
    app.update(Action::Last);
    app.update(Action::Up);
    let focuses = [Focus::List, Focus::Reader, Focus::Entities];
    for (w, h) in sampled_sizes() {
        app.update(Action::Resize(w, h));
        let fits = w >= byline::layout::MIN_WIDTH && h >= byline::layout::MIN_HEIGHT;
        for focus in focuses {
            for help in [false, true] {
                focus_on(&mut app, focus);
                show_popup(&mut app, help, false);
                let terminal = render(&app, w, h);
                let lines = screen_text(&terminal);
                assert_eq!(lines.len(), h as usize);
                for (y, line) in lines.iter().enumerate() {
                    assert!(!line.chars().any(is_dangerous), "{w}x{h} row {y}: {line:?}");
                    let width = unicode_width::UnicodeWidthStr::width(shown_row(&terminal, y as u16).as_str());
                    assert!(width <= w as usize, "{w}x{h} row {y} is {width} wide: {line:?}");
                }
                if !fits {
                    // The note, cut to the width with an ellipsis.
                    let shown = lines[0].trim_end().trim_end_matches('…');
                    assert!("terminal too small (need 40×10)".starts_with(shown), "{w}x{h}: {:?}", lines[0]);
                } else if !help {
                    let status = format!(" {} · article", app.focus().name());
                    assert!(lines[h as usize - 1].starts_with(&status), "{w}x{h}: {:?}", lines[h as usize - 1]);
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn any_size_and_keys_draw_without_panic(
        w in 1u16..=200,
        h in 1u16..=60,
        keys in proptest::collection::vec(0usize..12, 0..20),
    ) {
        let (mut app, _dir) = hostile_app(w, h);
        const ACTIONS: [Action; 12] = [
            Action::Down, Action::Up, Action::PageDown, Action::FocusNext, Action::Activate, Action::NextMention,
            Action::PrevMention, Action::SelectNearest, Action::ToggleFilter, Action::ToggleScope, Action::Last,
            Action::ToggleHelp,
        ];
        for k in keys {
            app.update(ACTIONS[k]);
            let t = render(&app, w, h);
            for line in screen_text(&t) {
                prop_assert!(!line.chars().any(is_dangerous));
            }
        }
    }
}

/// Row `y` as the terminal shows it: the cells a wide character covers are not text of
/// their own (the screen text has a blank for each).
fn shown_row(terminal: &ratatui::Terminal<ratatui::backend::TestBackend>, y: u16) -> String {
    let buf = terminal.backend().buffer();
    let mut row = String::new();
    let mut x = 0;
    while x < buf.area.width {
        let symbol = buf[(x, y)].symbol();
        row.push_str(symbol);
        x += (unicode_width::UnicodeWidthStr::width(symbol) as u16).max(1);
    }
    row
}

/// Shows help, the log, or neither, as their keys would.
fn show_popup(app: &mut App, help: bool, log: bool) {
    if app.overlay().is_popup() {
        app.update(Action::Back);
    }
    if help {
        app.update(Action::ToggleHelp);
    } else if log {
        app.update(Action::ToggleLog);
    }
}

/// Moves the focus to `focus` as Tab does (closing help or the log first).
fn focus_on(app: &mut App, focus: Focus) {
    show_popup(app, false, false);
    for _ in 0..3 {
        if app.focus() == focus {
            return;
        }
        app.update(Action::FocusNext);
    }
    assert_eq!(app.focus(), focus);
}
