//! The reader's correction keys, through the app's input router: what they ask the event
//! loop to write, and the selection following its entity when the index comes back.

mod support;

use std::sync::Arc;

use byline::app::CorrectionAsk;
use byline::corpus::load_embedded_seeds;
use byline::corrections::command::Request;
use byline::corrections::{Correction, Corrections, NewKind};
use byline::entities::Index;
use crossterm::event::KeyCode;
use support::{chars, press, seeds_app};

#[test]
fn m_marks_then_merges_the_next_entity_into_the_marked_one() {
    let mut app = seeds_app(120, 40);
    press(&mut app, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Char('M')]);
    assert!(app.message().unwrap().contains("Volodymyr Zelensky marked"), "{:?}", app.message());
    assert_eq!(app.take_correction(), None);
    press(&mut app, &[KeyCode::Char('j'), KeyCode::Char('M')]);
    let Some(CorrectionAsk::Make(Request::Merge { keep, other })) = app.take_correction() else { panic!("a merge") };
    assert_eq!((keep.as_str(), other.as_str()), ("person:volodymyr-zelensky", "person:vladimir-putin"));
}

#[test]
fn x_says_none_u_undoes_and_r_renames_in_a_prompt() {
    let mut app = seeds_app(120, 40);
    press(&mut app, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Char('X')]);
    let none = Request::Kind { name: "person:volodymyr-zelensky".into(), kind: NewKind::None };
    assert_eq!(app.take_correction(), Some(CorrectionAsk::Make(none)));
    press(&mut app, &[KeyCode::Char('Z')]);
    assert_eq!(app.take_correction(), Some(CorrectionAsk::Undo));
    // R opens the prompt; letters type into it (q does not quit), Enter renames.
    press(&mut app, &[KeyCode::Char('R')]);
    press(&mut app, &chars("Mr Zq"));
    press(&mut app, &[KeyCode::Backspace]);
    assert!(app.message().unwrap().contains("rename Volodymyr Zelensky to: Mr Z"), "{:?}", app.message());
    assert!(!app.should_quit());
    press(&mut app, &[KeyCode::Enter]);
    let rename = Request::Rename { name: "person:volodymyr-zelensky".into(), to: "Mr Z".into() };
    assert_eq!(app.take_correction(), Some(CorrectionAsk::Make(rename)));
    // Esc cancels the prompt without asking anything.
    press(&mut app, &[KeyCode::Char('R'), KeyCode::Char('x'), KeyCode::Esc]);
    assert_eq!(app.take_correction(), None);
    assert!(!app.should_quit());
}

#[test]
fn the_selection_follows_its_entity_into_the_corrected_index() {
    let mut app = seeds_app(120, 40);
    let putin = app.index.find("person:vladimir-putin").unwrap();
    app.select(Some(putin));
    let corpus = load_embedded_seeds();
    // Removing an entity listed before Putin renumbers the entities after it.
    let first = app.index.entity(0).clone();
    assert_ne!(first.id, "person:vladimir-putin");
    let none = Correction::Kind { entity: first.id.clone(), name: first.name.clone(), kind: NewKind::None };
    let corrected = Index::build_corrected(&corpus, &Corrections { list: vec![none] });
    app.corrected_index_ready(Arc::new(corrected));
    assert_eq!(app.index.entity(app.selected().unwrap()).id, "person:vladimir-putin");
}

#[test]
fn after_m_the_picker_picks_the_other_entity_by_name() {
    let mut app = seeds_app(120, 40);
    press(&mut app, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Char('M')]);
    assert!(app.message().unwrap().contains("@ to pick it by name"), "{:?}", app.message());
    press(&mut app, &chars("@putin"));
    let screen = support::screen_text(&support::render(&app, 120, 40));
    assert!(screen.iter().any(|l| l.contains("Merge into Volodymyr Zelensky: pick the other")), "{screen:#?}");
    press(&mut app, &[KeyCode::Enter]);
    let Some(CorrectionAsk::Make(Request::Merge { keep, other })) = app.take_correction() else { panic!("a merge") };
    assert_eq!((keep.as_str(), other.as_str()), ("person:volodymyr-zelensky", "person:vladimir-putin"));
    // With nothing marked, the picker goes to the entity, as always.
    press(&mut app, &chars("@putin"));
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.take_correction(), None);
}

#[test]
fn d_lists_the_aliases_and_enter_splits_the_one_chosen() {
    let mut app = seeds_app(120, 40);
    press(&mut app, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Char('D')]);
    let menu = app.split_menu().expect("the split list is open");
    assert_eq!(menu.id, "person:volodymyr-zelensky");
    let first = menu.choices[0].clone();
    assert!(first.mentions > 0 && first.alias.to_lowercase() != "volodymyr zelensky", "{:?}", menu.choices);
    let screen = support::screen_text(&support::render(&app, 120, 40));
    assert!(screen.iter().any(|l| l.contains("Split off Volodymyr Zelensky")), "{screen:#?}");
    // j and k move as in a list, q does not quit; Enter splits the one under the cursor.
    press(&mut app, &[KeyCode::Char('j'), KeyCode::Char('k'), KeyCode::Char('q')]);
    assert!(!app.should_quit());
    press(&mut app, &[KeyCode::Enter]);
    let split = Request::Split { name: "person:volodymyr-zelensky".into(), alias: first.alias, article: first.article };
    assert_eq!(app.take_correction(), Some(CorrectionAsk::Make(split)));
    assert!(app.split_menu().is_none());
    // Esc closes the list without asking anything.
    press(&mut app, &[KeyCode::Char('D'), KeyCode::Esc]);
    assert!(app.split_menu().is_none());
    assert_eq!(app.take_correction(), None);
}

#[test]
fn the_split_list_offers_this_articles_mentions_alone() {
    let corpus = byline::corpus::Corpus {
        articles: vec![
            byline::corpus::article("a.txt".into(), "Prime Minister Tony Blair spoke. Blair left."),
            byline::corpus::article("b.txt".into(), "Scrum-half Mike Phillips said Tony Blair played. Blair scored."),
        ],
        ..Default::default()
    };
    let index = Index::build(&corpus);
    let mut app = byline::app::App::new(corpus, index, 120, 40);
    let blair = app.index.find("person:tony-blair").unwrap();
    app.select(Some(blair));
    // In the second article, the dossier's person.
    press(&mut app, &[KeyCode::Char('j'), KeyCode::Enter, KeyCode::Char('i'), KeyCode::Char('D')]);
    let menu = app.split_menu().expect("the split list is open");
    assert!(
        menu.choices.iter().any(|c| c.alias == "Blair" && c.article == Some(1) && c.mentions == 1),
        "{:?}",
        menu.choices
    );
    assert!(
        menu.choices.iter().any(|c| c.alias == "Blair" && c.article.is_none() && c.mentions == 2),
        "{:?}",
        menu.choices
    );
}

#[test]
fn the_entity_pane_cursor_stays_on_the_entity_a_correction_was_made_on() {
    let mut app = seeds_app(120, 40);
    press(&mut app, &[KeyCode::Tab, KeyCode::Tab]);
    press(&mut app, &[KeyCode::Char('j'); 6]);
    let kremlin = app.index.find("organisation:kremlin").unwrap();
    assert_eq!(app.entities().under_cursor(&app.index), Some(kremlin));
    press(&mut app, &[KeyCode::Char('K'), KeyCode::Char('l')]);
    let kind = Request::Kind { name: "organisation:kremlin".into(), kind: NewKind::Place };
    assert_eq!(app.take_correction(), Some(CorrectionAsk::Make(kind)));
    let corrected =
        Correction::Kind { entity: "organisation:kremlin".into(), name: "Kremlin".into(), kind: NewKind::Place };
    let index = Index::build_corrected(&load_embedded_seeds(), &Corrections { list: vec![corrected] });
    app.corrected_index_ready(Arc::new(index));
    let under = app.entities().under_cursor(&app.index).map(|e| app.index.entity(e).id.clone());
    assert_eq!(under.as_deref(), Some("place:kremlin"), "the next K acts on the Kremlin again");
}

#[test]
fn k_asks_the_kind_with_one_key() {
    let mut app = seeds_app(120, 40);
    press(&mut app, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Char('K')]);
    assert!(app.message().unwrap().contains("o organisation"), "{:?}", app.message());
    press(&mut app, &[KeyCode::Char('o')]);
    let kind = Request::Kind { name: "person:volodymyr-zelensky".into(), kind: NewKind::Organisation };
    assert_eq!(app.take_correction(), Some(CorrectionAsk::Make(kind)));
    // Another key says what the keys are; Esc cancels.
    press(&mut app, &[KeyCode::Char('K'), KeyCode::Char('x')]);
    assert!(app.message().unwrap().contains("l place"), "{:?}", app.message());
    press(&mut app, &[KeyCode::Esc]);
    assert_eq!(app.take_correction(), None);
    press(&mut app, &[KeyCode::Char('n')]);
    assert_eq!(app.take_correction(), None, "n after Esc is the next mention again");
}

#[test]
fn a_marks_then_keeps_the_next_entity_apart_also_from_the_dossier_and_picker() {
    let mut app = seeds_app(120, 40);
    press(&mut app, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Char('A')]);
    assert!(app.message().unwrap().contains("never: Volodymyr Zelensky marked"), "{:?}", app.message());
    press(&mut app, &[KeyCode::Char('j'), KeyCode::Char('A')]);
    let never = Request::Never { a: "person:volodymyr-zelensky".into(), b: "person:vladimir-putin".into() };
    assert_eq!(app.take_correction(), Some(CorrectionAsk::Make(never.clone())));
    // Marked in the dossier of Zelensky; out of it, the picker picks the other.
    press(&mut app, &[KeyCode::Char('k'), KeyCode::Enter, KeyCode::Char('i'), KeyCode::Char('A')]);
    assert!(app.dossier().is_some() && app.message().unwrap().contains("marked"), "{:?}", app.message());
    press(&mut app, &[KeyCode::Esc]);
    press(&mut app, &chars("@putin"));
    let screen = support::screen_text(&support::render(&app, 120, 40));
    assert!(screen.iter().any(|l| l.contains("Never merge with Volodymyr Zelensky")), "{screen:#?}");
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.take_correction(), Some(CorrectionAsk::Make(never)));
}

/// The status line: the last row of the screen.
fn status(app: &byline::app::App) -> String {
    support::screen_text(&support::render(app, 120, 40)).pop().unwrap()
}

#[test]
fn a_correction_is_applied_off_the_keys_and_a_stale_result_is_dropped() {
    let mut app = seeds_app(120, 40);
    let corpus = load_embedded_seeds();
    // Zelensky selected, and the reader scrolled a little.
    press(&mut app, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Enter, KeyCode::Char('n')]);
    press(&mut app, &[KeyCode::Char(' ')]);
    let (open, top) = (app.reader().open(), app.reader().top());
    let was = app.current().unwrap();
    press(&mut app, &[KeyCode::Char('M'), KeyCode::Char('j'), KeyCode::Char('M')]);
    assert!(app.take_correction().is_some());
    assert!(status(&app).contains("applying correction…"), "{}", status(&app));
    // Keys keep working meanwhile.
    press(&mut app, &[KeyCode::Char('k')]);
    assert_eq!(app.entities().cursor(), 0);
    // A second correction overtakes the first: the first one's result is dropped.
    press(&mut app, &[KeyCode::Char('R')]);
    press(&mut app, &chars("Zelenskyy"));
    press(&mut app, &[KeyCode::Enter]);
    assert!(app.take_correction().is_some());
    let merge = Correction::Merge {
        entity: "person:volodymyr-zelensky".into(),
        name: "Volodymyr Zelensky".into(),
        other: "person:vladimir-putin".into(),
        other_name: "Vladimir Putin".into(),
    };
    let first = Arc::new(Index::build_corrected(&corpus, &Corrections { list: vec![merge.clone()] }));
    let before = Arc::clone(&app.index);
    app.correction_done(1, "merged", Some((first, Arc::default())));
    assert!(Arc::ptr_eq(&app.index, &before), "a stale index is not taken");
    assert_eq!(app.applying_note(), Some("applying correction…"), "the second is still being applied");
    // The second one's result holds both; the place and the followed mention are kept.
    let rename = Correction::Rename {
        entity: "person:volodymyr-zelensky".into(),
        name: "Volodymyr Zelensky".into(),
        to: "Zelenskyy".into(),
    };
    let both = Arc::new(Index::build_corrected(&corpus, &Corrections { list: vec![merge, rename] }));
    app.correction_done(2, "renamed", Some((Arc::clone(&both), Arc::default())));
    assert!(Arc::ptr_eq(&app.index, &both));
    assert_eq!(app.applying_note(), None);
    assert_eq!((app.reader().open(), app.reader().top()), (open, top));
    assert_eq!(app.index.entity(app.selected().unwrap()).name, "Zelenskyy");
    let now = app.current().expect("still on a mention");
    assert_eq!(app.index.mention(now).start, corpus_mention_start(&before, was));
}

fn corpus_mention_start(index: &Index, at: byline::entities::MentionRef) -> u32 {
    index.mention(at).start
}

#[test]
fn the_selection_follows_a_merged_entity_to_the_one_it_went_into() {
    let mut app = seeds_app(120, 40);
    let putin = app.index.find("person:vladimir-putin").unwrap();
    app.select(Some(putin));
    let merge = Correction::Merge {
        entity: "person:volodymyr-zelensky".into(),
        name: "Volodymyr Zelensky".into(),
        other: "person:vladimir-putin".into(),
        other_name: "Vladimir Putin".into(),
    };
    let corrected = Index::build_corrected(&load_embedded_seeds(), &Corrections { list: vec![merge] });
    app.corrected_index_ready(Arc::new(corrected));
    assert_eq!(app.index.entity(app.selected().unwrap()).id, "person:volodymyr-zelensky");
}

#[test]
fn c_lists_the_corrections_in_effect_with_what_each_changed_and_the_stale_ones() {
    let corpus = load_embedded_seeds();
    let merge = Correction::Merge {
        entity: "person:volodymyr-zelensky".into(),
        name: "Volodymyr Zelensky".into(),
        other: "person:vladimir-putin".into(),
        other_name: "Vladimir Putin".into(),
    };
    let gone =
        Correction::Kind { entity: "person:dollar-baby".into(), name: "Dollar Baby".into(), kind: NewKind::None };
    let corrections = Corrections { list: vec![merge, gone] };
    let index = Index::build_corrected(&corpus, &corrections);
    let moved = index.corrections[0].mentions;
    let mut app = byline::app::App::new(corpus, index, 120, 40);
    app.set_corrections(Arc::new(corrections));
    press(&mut app, &[KeyCode::Char('C')]);
    let screen = support::screen_text(&support::render(&app, 120, 40)).join("\n");
    assert!(screen.contains("Corrections in effect"), "{screen}");
    assert!(
        screen.contains("1. merge \"Vladimir Putin\" (person:vladimir-putin) into \"Volodymyr Zelensky\""),
        "{screen}"
    );
    assert!(screen.contains(&format!("{moved} mentions")), "{screen}");
    assert!(screen.contains("2. \"Dollar Baby\" (person:dollar-baby) is kind none"), "{screen}");
    assert!(screen.contains("entity no longer exists"), "{screen}");
    press(&mut app, &[KeyCode::Esc]);
    let screen = support::screen_text(&support::render(&app, 120, 40)).join("\n");
    assert!(!screen.contains("Corrections in effect"));
}

#[test]
fn the_kind_prompt_hints_esc_not_the_search() {
    let mut app = seeds_app(120, 40);
    press(&mut app, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Char('K')]);
    let line = status(&app);
    assert!(line.contains("Esc cancels") && !line.contains("type to search"), "{line}");
}
