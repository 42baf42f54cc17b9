//! The dossier pane (`i`) through keys and screens, and `byline dossier` on the command line.

mod support;

use std::process::Output;

use byline::app::{Focus, Target};
use crossterm::event::KeyCode;
use support::{chars, press, render, screen_text, seeds_app};

/// Selects `name` in the entity pane (all articles) and opens its dossier.
fn open_dossier(app: &mut byline::app::App, name: &str) {
    press(app, &chars("a"));
    press(app, &[KeyCode::Tab, KeyCode::Tab]);
    let id = app.index.find(name).unwrap();
    let row = app.entity_rows().iter().position(|&(e, _)| e == id).unwrap();
    press(app, &vec![KeyCode::Char('j'); row]);
    press(app, &chars("i"));
    assert_eq!(app.dossier().map(|d| d.dossier.entity), Some(id));
}

#[test]
fn the_pane_at_two_sizes() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut app = seeds_app(w, h);
        open_dossier(&mut app, "Dmitry Peskov");
        insta::assert_snapshot!(format!("dossier_peskov_{w}x{h}"), render(&app, w, h).backend());
    }
}

#[test]
fn enter_on_a_quote_opens_it_in_the_reader_marked() {
    let mut app = seeds_app(120, 40);
    open_dossier(&mut app, "Dmitry Peskov");
    let view = app.dossier().unwrap();
    let Some(Target::Quote { article, start, end }) = view.items.first().copied() else {
        panic!("the first item is a quote: {:?}", view.items.first());
    };
    press(&mut app, &[KeyCode::Enter]);
    assert!(app.dossier().is_none());
    assert_eq!(app.focus(), Focus::Reader);
    assert_eq!(app.reader().open(), article as usize);
    assert_eq!(app.reader().quote_mark().cloned(), Some((article as usize, start as usize..end as usize)));
    let row = app.reader().wrapped().row_of(byline::corpus::Field::Body, start as usize).unwrap();
    assert!(row >= app.reader().top() && row < app.reader().top() + app.reader_size().1, "the quote is in view");
    // The quote's cells carry the match style.
    let screen = render(&app, 120, 40);
    let quoted = &app.corpus.articles[article as usize].body[start as usize..end as usize];
    let first_word: String = quoted.split_whitespace().next().unwrap().to_string();
    let lines = screen_text(&screen);
    let y = lines.iter().position(|l| l.contains(&first_word)).unwrap();
    let x = lines[y][..lines[y].find(&first_word).unwrap()].chars().count();
    let cell = &screen.backend().buffer()[(x as u16, y as u16)];
    assert_eq!(cell.bg, ratatui::style::Color::Cyan, "{first_word:?} at {x},{y}");
}

#[test]
fn companions_lead_to_their_dossier_and_esc_comes_back() {
    let mut app = seeds_app(120, 40);
    open_dossier(&mut app, "Dmitry Peskov");
    let peskov = app.index.find("Dmitry Peskov").unwrap();
    let putin = app.index.find("Vladimir Putin").unwrap();
    let view = app.dossier().unwrap();
    let at = view.items.iter().position(|t| *t == Target::Entity(putin)).expect("Putin appears with Peskov");
    let cursor = view.cursor;
    press(&mut app, &vec![KeyCode::Char('j'); at - cursor]);
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.dossier().unwrap().dossier.entity, putin);
    assert!(screen_text(&render(&app, 120, 40)).join("\n").contains("Dossier Vladimir Putin"));
    press(&mut app, &[KeyCode::Esc]);
    assert_eq!(app.dossier().unwrap().dossier.entity, peskov, "Esc goes back to Peskov");
    press(&mut app, &[KeyCode::Esc]);
    assert!(app.dossier().is_none(), "and then to the reader");
    assert!(!app.should_quit());
}

#[test]
fn the_timeline_opens_the_article_at_the_first_mention() {
    let mut app = seeds_app(120, 40);
    open_dossier(&mut app, "Dmitry Peskov");
    press(&mut app, &chars("G"));
    let view = app.dossier().unwrap();
    let Some(Target::Article(article)) = view.items.last().copied() else { panic!("timeline last") };
    let row = view.rows_of(view.cursor);
    assert!(row.end <= view.top + app.reader_size().1, "the last item is in view");
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.reader().open(), article as usize);
    let current = app.current().expect("on a mention");
    assert_eq!(app.index.mention(current).entity, app.index.find("Dmitry Peskov").unwrap());
}

#[test]
fn i_without_a_selection_says_what_to_do() {
    let mut app = seeds_app(120, 40);
    press(&mut app, &chars("i"));
    assert!(app.dossier().is_none());
    assert!(app.message().unwrap().contains("no entity selected"));
}

fn byline(args: &[&str]) -> Output {
    support::byline_command().args(args).output().unwrap()
}

#[test]
fn the_command_line_dossier_as_text_and_json() {
    let out = byline(&["dossier", "peskov"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Dmitry Peskov\nperson · 8 mentions in 3 articles\n"), "{text}");
    for section in ["\nNames\n", "\nRoles\n", "\nQuotes · ", "\nAppears with", "\nTimeline"] {
        assert!(text.contains(section), "{section:?} missing:\n{text}");
    }
    assert!(text.contains("Kremlin spokesperson"));

    let out = byline(&["dossier", "Peskov", "--format", "json"]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["entity"], "Dmitry Peskov");
    let keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["entity", "id", "kind", "aliases", "roles", "quotes", "companions", "timeline"]);
    let quote = &json["quotes"][0];
    for field in ["text", "paraphrase", "article", "start", "end"] {
        assert!(!quote[field].is_null(), "{field} missing in {quote}");
    }
    let timeline = json["timeline"].as_array().unwrap();
    assert_eq!(timeline.len(), 3);
    assert_eq!(timeline.iter().map(|t| t["mentions"].as_u64().unwrap()).sum::<u64>(), 8);

    let out = byline(&["dossier", "Nobody Atall"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no entity named \"Nobody Atall\""));
}

#[test]
fn the_pane_lays_out_a_limited_number_of_entries_and_says_how_many_more() {
    let app = seeds_app(120, 40);
    let peskov = app.index.find("Dmitry Peskov").unwrap();
    let quotes = app.quotes().unwrap();
    let dossier = byline::dossier::Dossier::build(&app.corpus, &app.index, quotes, peskov);
    let (all_quotes, all_articles) = (dossier.quotes.len(), dossier.timeline.len());
    assert!(all_quotes > 1 && all_articles > 1);
    let view = byline::app::DossierView::new(dossier.clone(), &app.corpus, &app.index, 80, Some(1));
    let quotes_shown = view.items.iter().filter(|t| matches!(t, Target::Quote { .. })).count();
    let articles_shown = view.items.iter().filter(|t| matches!(t, Target::Article(_))).count();
    assert_eq!((quotes_shown, articles_shown), (1, 1));
    let text: Vec<String> = view.rows.iter().map(|r| r.pieces.iter().map(|p| p.text.as_str()).collect()).collect();
    assert!(text.iter().any(|l| l.contains(&format!("… {} more quotes", all_quotes - 1))), "{text:#?}");
    assert!(text.iter().any(|l| l.contains(&format!("… {} more articles", all_articles - 1))));
    let full = byline::app::DossierView::new(dossier, &app.corpus, &app.index, 80, None);
    assert_eq!(full.items.iter().filter(|t| matches!(t, Target::Quote { .. })).count(), all_quotes);
    assert!(!full.rows.iter().any(|r| r.pieces.iter().any(|p| p.text.contains("more quotes"))));
}
