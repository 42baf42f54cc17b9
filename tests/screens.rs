//! Real screens through ratatui's TestBackend: insta snapshots at 120×40 and 80×24, and
//! checks that highlights sit on the right cells with the right styles.

mod support;

use crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier};
use support::{chars, press, render, screen_text, seeds_app};

const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];

fn select(app: &mut byline::app::App, name: &str) {
    press(app, &[KeyCode::Tab, KeyCode::Tab]);
    let id = app.index.find(name).unwrap();
    let row = app.entity_rows().iter().position(|&(e, _)| e == id).unwrap();
    press(app, &vec![KeyCode::Char('j'); row]);
    press(app, &[KeyCode::Enter]);
}

#[test]
fn start_screen() {
    for (w, h) in SIZES {
        let app = seeds_app(w, h);
        insta::assert_snapshot!(format!("start_{w}x{h}"), render(&app, w, h).backend());
    }
}

#[test]
fn after_n_crosses_into_the_next_article() {
    for (w, h) in SIZES {
        let mut app = seeds_app(w, h);
        select(&mut app, "Vladimir Putin");
        press(&mut app, &chars("nnnn"));
        insta::assert_snapshot!(format!("after_n_{w}x{h}"), render(&app, w, h).backend());
    }
}

#[test]
fn help_overlay() {
    for (w, h) in SIZES {
        let mut app = seeds_app(w, h);
        press(&mut app, &chars("?"));
        insta::assert_snapshot!(format!("help_{w}x{h}"), render(&app, w, h).backend());
    }
}

#[test]
fn entity_pane_whole_corpus() {
    for (w, h) in SIZES {
        let mut app = seeds_app(w, h);
        press(&mut app, &[KeyCode::BackTab]);
        press(&mut app, &chars("aj"));
        insta::assert_snapshot!(format!("entities_all_{w}x{h}"), render(&app, w, h).backend());
    }
}

#[test]
fn filtered_list_and_reader_scrolled() {
    let (w, h) = (80, 24);
    let mut app = seeds_app(w, h);
    press(&mut app, &chars("jj")); // seed 002 names him
    select(&mut app, "John Healey");
    press(&mut app, &chars("fnn"));
    insta::assert_snapshot!("filtered_healey_80x24", render(&app, w, h).backend());
}

#[test]
fn too_small() {
    let app = seeds_app(30, 8);
    let t = render(&app, 30, 8);
    assert!(screen_text(&t)[0].starts_with("terminal too small"));
}

/// The cells of the first occurrence of `word` on screen after row `from_row`.
fn find_cells(t: &ratatui::Terminal<ratatui::backend::TestBackend>, word: &str, from_row: u16) -> (u16, u16) {
    let lines = screen_text(t);
    for (y, line) in lines.iter().enumerate().skip(from_row as usize) {
        if let Some(byte) = line.find(word) {
            return (line[..byte].chars().count() as u16, y as u16);
        }
    }
    panic!("{word} not on screen");
}

#[test]
fn mentions_are_coloured_by_kind_and_the_current_one_stands_out() {
    let (w, h) = (120, 40);
    let mut app = seeds_app(w, h);
    let t = render(&app, w, h);
    let buf = t.backend().buffer();
    // Reader pane starts right of the list; find "Zelensky" in the body text.
    let (x, y) = find_cells(&t, "President Zelensky", 2);
    let z = (x + "President ".len() as u16, y);
    assert_eq!(buf[z].fg, Color::Yellow, "person in yellow");
    let (x, y) = find_cells(&t, "with Moscow", 2);
    assert_eq!(buf[(x + 5, y)].fg, Color::Green, "place in green");
    let (x, y) = find_cells(&t, "Kremlin spokesperson", 2);
    assert_eq!(buf[(x, y)].fg, Color::Cyan, "organisation in cyan");
    assert_eq!(buf[(x - 1, y)].fg, Color::Reset, "the space before is plain");

    select(&mut app, "Volodymyr Zelensky");
    press(&mut app, &chars("n"));
    let t = render(&app, w, h);
    let buf = t.backend().buffer();
    // Mention 1 is now just selected (underlined), mention 2 ("Zelensky spoke") is current.
    let first = &buf[z];
    assert!(first.modifier.contains(Modifier::UNDERLINED), "{first:?}");
    assert_ne!(first.bg, Color::Yellow);
    let (x, y) = find_cells(&t, "Zelensky spoke", 2);
    assert_eq!(buf[(x, y)].bg, Color::Yellow, "current mention marked");
    assert_eq!(buf[(x + 7, y)].bg, Color::Yellow);
    assert_ne!(buf[(x + 8, y)].bg, Color::Yellow, "only the mention");
}

#[test]
fn every_size_down_to_1x1_draws() {
    let mut app = seeds_app(120, 40);
    for (w, h) in [(1, 1), (2, 1), (1, 5), (39, 9), (40, 10), (41, 11), (60, 15), (200, 60)] {
        support::resize(&mut app, w, h);
        for key in ["?", "?", "\t", "n", "\t", "G"] {
            press(&mut app, &chars(key));
            render(&app, w, h);
        }
    }
}

/// A reader on one article given as text.
fn one_article(text: &str, w: u16, h: u16) -> byline::app::App {
    let corpus = byline::corpus::Corpus {
        articles: vec![byline::corpus::article("wide.txt".into(), text)],
        ..Default::default()
    };
    let index = byline::entities::Index::build(&corpus);
    byline::app::App::new(corpus, index, w, h)
}

const WIDE: &str = "東京とキーウ 👨‍👩‍👧‍👦\n\n東京で記者会見が行われた。Ukrainian President Zelensky said 日本語の文章 and 🇺🇦 flags 👍🏽 here, e\u{301}\u{301} twice combined, a\u{200d}b joined; then Zelensky again after 中文字符 and Arabic مرحبا and Hebrew שלום.";

#[test]
fn wide_characters_and_emoji() {
    for (w, h) in SIZES {
        let mut app = one_article(WIDE, w, h);
        select(&mut app, "Volodymyr Zelensky");
        press(&mut app, &chars("n"));
        let t = render(&app, w, h);
        insta::assert_snapshot!(format!("wide_{w}x{h}"), t.backend());
        // Nothing overflows the reader: its right border (or scrollbar) is intact on every row.
        let buf = t.backend().buffer();
        for y in 0..h - 1 {
            let edge = buf[(w - 1, y)].symbol();
            assert!(["│", "┃", "█", "║", "┐", "┘", "┓", "┛"].contains(&edge), "row {y} ends in {edge:?}");
        }
        // The second Zelensky, after wide text, is current: its cells carry the mark, and
        // the cells around it do not.
        let reader = byline::layout::Panes::new(ratatui::layout::Rect::new(0, 0, w, h)).unwrap().reader;
        let at = (reader.y + 1..reader.bottom() - 1).rev().find_map(|y| {
            (reader.x..reader.right() - 8)
                .find(|&x| (0..8).map(|k| buf[(x + k, y)].symbol()).collect::<String>() == "Zelensky")
                .map(|x| (x, y))
        });
        let (x, y) = at.expect("Zelensky on screen");
        let y = y as usize;
        assert_eq!(buf[(x, y as u16)].bg, Color::Yellow, "current mention marked at {x},{y}");
        assert_ne!(buf[(x - 1, y as u16)].bg, Color::Yellow);
        assert_ne!(buf[(x + 8, y as u16)].bg, Color::Yellow);
    }
}

#[test]
fn the_screen_is_drawn_in_the_layout_the_app_worked_out() {
    let mut app = seeds_app(120, 40);
    for (w, h) in [(120, 40), (80, 24), (30, 8), (41, 11)] {
        support::resize(&mut app, w, h);
        let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
        let mut drawn = None;
        terminal.draw(|f| drawn = Some(byline::ui::draw(&app, f, &byline::ui::Theme::default()))).unwrap();
        assert_eq!(drawn.as_ref(), Some(app.layout()), "{w}x{h}");
        assert_eq!(app.layout().panes.is_some(), w >= 40 && h >= 10, "{w}x{h}");
    }
}
