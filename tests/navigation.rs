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

#[test]
fn at_picks_an_entity_by_a_fuzzy_name_and_goes_to_its_first_mention() {
    let mut app = seeds_app(120, 40);
    press(&mut app, &chars("jjj"));
    press(&mut app, &chars("@"));
    let picker = app.overlay().picker().expect("the picker is open");
    assert_eq!(picker.matches().len(), app.index.entities.len(), "nothing typed: every entity");
    let mentions: Vec<usize> = picker.matches().iter().map(|&(e, _)| app.index.entity(e).mentions).collect();
    assert!(mentions.windows(2).all(|w| w[0] >= w[1]), "most mentioned first");
    press(&mut app, &chars("peskv"));
    let peskov = app.index.find("Dmitry Peskov").unwrap();
    assert_eq!(app.overlay().picker().unwrap().chosen(), Some(peskov), "typed as in fzf");
    press(&mut app, &[KeyCode::Enter]);
    assert!(app.overlay().picker().is_none());
    assert_eq!(app.selected(), Some(peskov));
    let first = app.index.entity_mentions[peskov as usize][0];
    assert_eq!(app.current(), Some(first), "its first mention in reading order");
    assert_eq!(app.reader().open(), first.article as usize);
    ctrl(&mut app, 'o');
    assert_eq!(app.reader().open(), 3, "the pick was a jump");
}

#[test]
fn the_picker_takes_honorific_forms_and_esc_closes_it() {
    let mut app = seeds_app(120, 40);
    let healey = app.index.find("John Healey").unwrap();
    press(&mut app, &chars("@Mr Healey"));
    assert_eq!(app.overlay().picker().unwrap().chosen(), Some(healey));
    press(&mut app, &[KeyCode::Esc]);
    assert!(app.overlay().picker().is_none() && !app.should_quit());
    assert_eq!(app.selected(), None, "Esc picks nothing");
}

#[test]
fn enter_on_an_entity_goes_to_its_first_mention_not_the_next() {
    let mut app = seeds_app(120, 40);
    let putin = app.index.find("Vladimir Putin").unwrap();
    // Read down seed 000 past Putin's first mentions, then pick him in the entity pane.
    press(&mut app, &[KeyCode::Tab]);
    press(&mut app, &[KeyCode::PageDown]);
    press(&mut app, &[KeyCode::Tab]);
    let row = app.entity_rows().iter().position(|&(e, _)| e == putin).unwrap();
    press(&mut app, &vec![KeyCode::Char('j'); row]);
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.current(), Some(app.index.entity_mentions[putin as usize][0]));
}

#[test]
fn picker_screens() {
    for (w, h) in [(120u16, 40u16), (80, 24)] {
        let mut app = seeds_app(w, h);
        press(&mut app, &chars("@ru"));
        insta::assert_snapshot!(format!("picker_{w}x{h}"), support::render(&app, w, h).backend());
    }
}

#[test]
fn the_mention_cursor_chooses_what_star_and_enter_act_on() {
    let mut app = seeds_app(120, 40);
    press(&mut app, &chars("jjjj"));
    assert!(app.corpus.articles[4].title.starts_with("US President Donald Trump"));
    press(&mut app, &[KeyCode::Tab]);
    let trump = app.index.find("Donald Trump").unwrap();
    let us = app.index.find("United States").unwrap();
    press(&mut app, &chars("*"));
    assert_eq!(app.selected(), Some(us), "with no cursor, * takes the name nearest the top");
    press(&mut app, &chars("]"));
    assert_eq!(app.cursor_mention(), Some(0));
    press(&mut app, &chars("]"));
    assert_eq!(app.cursor_mention(), Some(1));
    assert!(app.message().unwrap().starts_with("Donald Trump"), "{:?}", app.message());
    press(&mut app, &chars("*"));
    assert_eq!(app.selected(), Some(trump), "* acts on the mention chosen");
    press(&mut app, &chars("[["));
    assert_eq!(app.cursor_mention(), Some(0));
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.selected(), Some(us), "Enter acts on it too");
    // The cursor is drawn in the cursor's style.
    let t = support::render(&app, 120, 40);
    // The title is derived from the body: the mention is the body's first word.
    let lines = support::screen_text(&t);
    let y = (2..lines.len()).find(|&y| lines[y].contains("┃ US President")).unwrap();
    let x = lines[y].find("┃ US President").map(|b| lines[y][..b].chars().count() + 2).unwrap() as u16;
    let cell = &t.backend().buffer()[(x, y as u16)];
    assert!(cell.modifier.contains(ratatui::style::Modifier::REVERSED), "{cell:?}");
}

#[test]
fn enter_in_the_reader_without_a_mention_or_a_fold_says_so() {
    let mut app = seeds_app(120, 40);
    press(&mut app, &chars("jjjj"));
    press(&mut app, &[KeyCode::Tab, KeyCode::Enter]);
    assert_eq!(app.selected(), None, "Enter no longer picks the name nearest the top");
    assert!(app.message().unwrap().starts_with("Enter acts on a mention"), "{:?}", app.message());
}

#[test]
fn space_at_the_end_opens_the_next_unread_and_u_steps_through_unread() {
    let mut app = seeds_app(120, 40);
    press(&mut app, &[KeyCode::Tab]);
    press(&mut app, &chars("G"));
    assert_eq!(app.reader().open(), 0);
    press(&mut app, &[KeyCode::Char(' ')]);
    assert_eq!(place(&app), (1, 0), "Space at the end moves on");
    press(&mut app, &chars("u"));
    assert_eq!(app.reader().open(), 2);
    press(&mut app, &chars("U"));
    assert_eq!(app.reader().open(), 4, "0 and 1 are read: back round to 4");
    assert_eq!(app.message(), Some("wrapped to the bottom of the list"));
    ctrl(&mut app, 'o');
    assert_eq!(app.reader().open(), 2, "u and U are jumps");
}

/// The status line, as drawn.
fn status_line(app: &App, w: u16, h: u16) -> String {
    support::screen_text(&support::render(app, w, h))[h as usize - 1].clone()
}

#[test]
fn the_status_line_counts_a_mention_only_while_it_is_on_screen_and_one_article_counter() {
    let mut app = seeds_app(120, 40);
    select(&mut app, "Vladimir Putin");
    assert_eq!(app.mention_status().unwrap(), "Vladimir Putin · mention 1/22 · article 1/5");
    let status = status_line(&app, 120, 40);
    assert_eq!(status.matches("article").count(), 1, "{status}");
    // Reading another article: the mention is not on screen.
    press(&mut app, &[KeyCode::BackTab, KeyCode::BackTab]);
    press(&mut app, &chars("j"));
    assert_eq!(app.mention_status().unwrap(), "Vladimir Putin · 22 mentions in 5 articles · n jumps there");
    let status = status_line(&app, 120, 40);
    assert!(status.contains(" Articles · article 2/5 "), "{status}");
    // In the dossier n does nothing: the status line does not offer it.
    press(&mut app, &chars("i"));
    assert!(app.dossier().is_some(), "the dossier is open");
    assert_eq!(app.mention_status().unwrap(), "Vladimir Putin · 22 mentions in 5 articles");
}

#[test]
fn n_says_when_it_wraps() {
    let mut app = seeds_app(120, 40);
    let healey = app.index.find("John Healey").unwrap();
    app.select(Some(healey));
    let n = app.index.entity_mentions[healey as usize].len();
    press(&mut app, &vec![KeyCode::Char('n'); n]);
    assert_ne!(app.message(), Some("wrapped to the first mention"));
    press(&mut app, &chars("n"));
    assert_eq!(app.message(), Some("wrapped to the first mention"));
}

#[test]
fn the_hints_follow_the_mode() {
    let mut app = seeds_app(120, 40);
    press(&mut app, &chars("/ky"));
    assert!(status_line(&app, 120, 40).contains("Enter keeps the place · Esc goes back"));
    press(&mut app, &[KeyCode::Esc]);
    press(&mut app, &chars("@"));
    assert!(status_line(&app, 120, 40).contains("Enter go · Esc close"));
}

#[test]
fn filters_are_named_in_the_title_f_replaces_and_capital_f_clears_them_all() {
    let mut app = seeds_app(120, 40);
    let title = |app: &App| support::screen_text(&support::render(app, 120, 40))[0].clone();
    let healey = app.index.find("John Healey").unwrap();
    app.select(Some(healey));
    press(&mut app, &chars("f"));
    assert!(title(&app).contains("Articles 1/1 · 1 unread · John Healey"), "unread counts the list: {}", title(&app));
    let peskov = app.index.find("Dmitry Peskov").unwrap();
    app.select(Some(peskov));
    press(&mut app, &chars("f"));
    assert_eq!(app.filters().entity, Some(peskov), "f on another entity replaces the filter");
    press(&mut app, &chars("sS"));
    assert!(app.filters().starred && title(&app).contains("· Dmitry Pesko…┓"), "cut with a mark: {}", title(&app));
    press(&mut app, &chars("F"));
    assert_eq!(app.filters(), &byline::app::Filters::default());
    assert_eq!(app.list().visible().len(), 5);
}

#[test]
fn a_long_list_title_is_cut_with_an_ellipsis() {
    let mut app = seeds_app(80, 24);
    let putin = app.index.find("Vladimir Putin").unwrap();
    app.select(Some(putin));
    press(&mut app, &chars("fsSoo"));
    let top = support::screen_text(&support::render(&app, 80, 24))[0].clone();
    let list_title = top.split('┐').next().unwrap();
    assert!(list_title.contains('…'), "{top}");
}

#[test]
fn tab_into_the_reader_does_not_mark_read_and_reading_does() {
    let mut app = seeds_app(120, 40);
    press(&mut app, &[KeyCode::Tab]);
    assert!(!app.is_read(0), "Tab only shows it");
    press(&mut app, &chars("j"));
    assert!(app.is_read(0));
}

#[test]
fn shrinking_and_growing_back_shows_the_lists_first_rows() {
    let mut app = seeds_app(120, 40);
    press(&mut app, &chars("G"));
    support::resize(&mut app, 40, 10);
    assert!(app.list().offset() > 0);
    support::resize(&mut app, 120, 40);
    assert_eq!(app.list().offset(), 0, "all five fit again: none scrolled off the top");
}

#[test]
fn help_scrolls_and_at_80x24_nothing_is_cut() {
    let mut app = seeds_app(80, 24);
    press(&mut app, &chars("?"));
    let rows = byline::app::help_rows(app.keymap());
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..rows.len() {
        let screen = support::screen_text(&support::render(&app, 80, 24));
        for line in &screen[1..23] {
            assert!(!line.contains('…'), "cut: {line}");
            seen.insert(line.clone());
        }
        press(&mut app, &chars("j"));
    }
    assert!(app.help_top() > 0, "help scrolls");
    for (_, help) in &rows {
        assert!(seen.iter().any(|l| l.contains(help.as_str())), "never shown: {help}");
    }
    for needle in ["Typing a search", "The entity picker", "The dossier", "Folds", "Mouse", "Ctrl-O", "clear_filters"] {
        let listed = rows.iter().any(|(k, h)| k.contains(needle) || h.contains(needle));
        assert!(listed || needle == "clear_filters", "{needle} is in help");
    }
    press(&mut app, &[KeyCode::Esc]);
    assert!(!app.overlay().is_help() && !app.should_quit());
}

#[test]
fn a_key_that_does_nothing_says_so() {
    let mut app = seeds_app(120, 40);
    press(&mut app, &chars("x"));
    assert_eq!(app.message(), Some("x does nothing here: ? lists the keys"));
}

#[test]
fn ms_hewitt_in_the_picker_is_the_woman_of_that_name_on_bbc() {
    let Some(bbc) = support::shared::shared("corpora/bbc") else { return };
    let corpus = byline::corpus::load(&[bbc]).unwrap();
    let index = byline::entities::Index::build(&corpus);
    let mut picker = byline::app::EntityPicker::new(&index);
    "Ms Hewitt".chars().for_each(|c| picker.push(c));
    assert_eq!(picker.chosen().map(|e| index.entity(e).name.as_str()), Some("Patricia Hewitt"));
    "Ms Hewitt".chars().for_each(|_| picker.backspace());
    assert_eq!(picker.matches().len(), index.entities.len(), "Backspace takes every letter back");
}

#[test]
fn one_row_per_article_when_no_article_has_a_source_or_a_date() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..12 {
        std::fs::write(
            dir.path().join(format!("{i:02}.txt")),
            format!("Story number {i}\n\nSome words of story {i}.\n"),
        )
        .unwrap();
    }
    let corpus = byline::corpus::load(&[dir.path().to_path_buf()]).unwrap();
    let index = byline::entities::Index::build(&corpus);
    let app = App::new(corpus, index, 80, 24);
    assert_eq!(app.list_item_rows(), 1);
    let screen = support::screen_text(&support::render(&app, 80, 24));
    assert!(screen[1].contains("Story number 0") && screen[2].contains("Story number 1"), "{}", screen.join("\n"));
    // The seeds have dates: two rows each.
    assert_eq!(seeds_app(80, 24).list_item_rows(), 2);
}

#[test]
fn the_list_shows_each_articles_folder_when_there_are_several() {
    use byline::corpus::{Corpus, article};
    let texts = [
        ("bbc/politics/001.txt", "Blair speaks\n\nTony Blair spoke."),
        ("bbc/sport/002.txt", "Rooney scores\n\nWayne Rooney scored."),
    ];
    let corpus =
        Corpus { articles: texts.iter().map(|(p, t)| article(p.to_string(), t)).collect(), ..Corpus::default() };
    let index = byline::entities::Index::build(&corpus);
    let app = App::new(corpus, index, 100, 20);
    let screen = support::screen_text(&support::render(&app, 100, 20));
    let row = |title: &str| screen.iter().find(|l| l.contains(title)).cloned().unwrap_or_default();
    assert!(row("Blair speaks").contains("politics"), "{screen:#?}");
    assert!(row("Rooney scores").contains("sport"));
    // One folder: nothing to tell apart, nothing shown.
    let app = seeds_app(100, 20);
    let screen = support::screen_text(&support::render(&app, 100, 20));
    let list: Vec<String> = screen.iter().map(|l| l.chars().take(34).collect()).collect();
    assert!(!list.iter().any(|l| l.contains("seeds")), "{list:#?}");
}
