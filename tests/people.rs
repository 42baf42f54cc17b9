//! The cases issue 3 names, through the real gazetteer and lexicons: people without a
//! title, names with particles and marks, look-alikes that are not people, and linking.

use byline::corpus::{Corpus, article};
use byline::entities::{Index, Kind};

fn corpus(texts: &[&str]) -> Corpus {
    let articles = texts.iter().enumerate().map(|(i, t)| article(format!("a{i}.txt"), t)).collect();
    Corpus { articles, ..Corpus::default() }
}

/// (surface, entity id) of the person mentions of article `a`.
fn people(index: &Index, c: &Corpus, a: usize) -> Vec<(String, String)> {
    index.article_mentions[a]
        .iter()
        .filter(|m| index.entity(m.entity).kind == Kind::Person)
        .map(|m| (c.articles[a].field(m.field)[m.range()].to_string(), index.entity(m.entity).id.clone()))
        .collect()
}

fn surfaces(index: &Index, c: &Corpus, a: usize) -> Vec<String> {
    people(index, c, a).into_iter().map(|(s, _)| s).collect()
}

#[test]
fn people_with_and_without_titles() {
    let c = corpus(&[
        "Hewitt defends maternity plans\n\nTrade and Industry Secretary Patricia Hewitt said the plans were fair. \
         Ms Hewitt added that Liberal Democrat spokeswoman for women Sandra Gidley agreed. \
         Theresa May, Gordon Brown and Tony Blair were silent in May 2005.",
    ]);
    let index = Index::build(&c);
    assert_eq!(
        surfaces(&index, &c, 0),
        ["Hewitt", "Patricia Hewitt", "Hewitt", "Sandra Gidley", "Theresa May", "Gordon Brown", "Tony Blair"]
    );
    let ids: Vec<String> = people(&index, &c, 0).into_iter().map(|(_, id)| id).collect();
    assert_eq!(ids[0], "person:patricia-hewitt", "the headline surname joins the full name");
    assert_eq!(ids[2], "person:patricia-hewitt");
}

#[test]
fn particles_and_marks() {
    let c = corpus(&["Ruud van Nistelrooy scored and Arsène Wenger watched. Martin O'Neill met Jean-Claude Juncker \
         and George W Bush. Dr. Smith said so."]);
    let index = Index::build(&c);
    assert_eq!(
        surfaces(&index, &c, 0),
        ["Ruud van Nistelrooy", "Arsène Wenger", "Martin O'Neill", "Jean-Claude Juncker", "George W Bush", "Smith"]
    );
}

#[test]
fn headlines_and_sentence_starts() {
    let c = corpus(&[
        "Chelsea sack Mutu\n\nChelsea have sacked striker Adrian Mutu after he failed a drugs test. Mutu said little.",
        "Labour plans maternity pay rise\n\nMaternity pay for new mothers is to rise, Labour said.",
    ]);
    let index = Index::build(&c);
    let title_people: Vec<&str> = index.article_mentions[0]
        .iter()
        .filter(|m| m.field == byline::corpus::Field::Title && index.entity(m.entity).kind == Kind::Person)
        .map(|m| &c.articles[0].title[m.range()])
        .collect();
    assert_eq!(title_people, ["Mutu"]);
    assert!(surfaces(&index, &c, 1).is_empty());
}

#[test]
fn look_alikes_are_not_people() {
    let c = corpus(&["Shares in Ford and Marks & Spencer rose in Washington, said Morgan Stanley. \
         Chelsea beat Arsenal on Monday in March after the Golden Globe awards on Christmas Day."]);
    let index = Index::build(&c);
    assert!(surfaces(&index, &c, 0).is_empty(), "{:?}", surfaces(&index, &c, 0));
    for name in ["Ford", "Marks & Spencer", "Washington", "Morgan Stanley", "Chelsea", "Arsenal"] {
        let e = index.find(name).unwrap_or_else(|| panic!("{name} recognised"));
        assert_ne!(index.entity(e).kind, Kind::Person, "{name}");
    }
}

#[test]
fn a_bare_surname_goes_to_the_person_the_corpus_makes_most_likely() {
    let c = corpus(&[
        "Chancellor Gordon Brown spoke. Gordon Brown left.",
        "Gordon Brown was there, with Gordon Brown's aides.",
        "Gordon Brown and Gordon Brown again.",
        "Singer James Brown sang.",
        "Mr Brown said taxes would rise.",
    ]);
    let index = Index::build(&c);
    assert_eq!(people(&index, &c, 3), [("James Brown".to_string(), "person:james-brown".to_string())]);
    assert_eq!(people(&index, &c, 4), [("Brown".to_string(), "person:gordon-brown".to_string())]);
}

#[test]
fn an_even_split_stays_ambiguous() {
    let c = corpus(&["Chancellor Gordon Brown spoke.", "Singer James Brown sang.", "Mr Brown said taxes would rise."]);
    let index = Index::build(&c);
    assert_eq!(people(&index, &c, 2), [("Brown".to_string(), "person:brown".to_string())]);
}

#[test]
fn organisations_found_by_rules_are_entities_too() {
    let c = corpus(&["Filtering firm Clearswift said the virus spread. Later Clearswift said it slowed, \
                      according to the Land Registry and Powys Local Health Board."]);
    let index = Index::build(&c);
    for (name, kind) in [
        ("Clearswift", Kind::Organisation),
        ("Land Registry", Kind::Organisation),
        ("Powys Local Health Board", Kind::Organisation),
    ] {
        let e = index.find(name).unwrap_or_else(|| panic!("{name}"));
        assert_eq!(index.entity(e).kind, kind);
    }
    assert_eq!(index.entity(index.find("Clearswift").unwrap()).mentions, 2);
    assert!(surfaces(&index, &c, 0).is_empty());
}

#[test]
fn one_word_names_found_by_rules_stay_in_their_article() {
    let c = corpus(&["The band TV played. Later TV fans cheered.", "He watched TV all day."]);
    let index = Index::build(&c);
    let tv = index.find("TV").unwrap();
    assert_eq!(index.entity(tv).kind, Kind::Organisation);
    assert_eq!(index.articles_of(tv), [0]);
}

#[test]
fn span_boundaries_nationality_suffix_and_three_part_names() {
    let c = corpus(&["German Axel Schulz beat the American on Saturday. Schulz said he was happy. \
         Christian Cullen scored twice. John Mills Jr joined the board in 2001; Mills said the move \
         was right. Kim Do Hoon scored twice."]);
    let index = Index::build(&c);
    let found = people(&index, &c, 0);
    let surfaces: Vec<&str> = found.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(surfaces, ["Axel Schulz", "Schulz", "Christian Cullen", "John Mills Jr", "Mills", "Kim Do Hoon"]);
    assert_eq!(found[4].1, found[3].1, "Mills is John Mills Jr");
    assert!(found.iter().all(|(_, id)| id != "person:geoff-hoon"), "Hoon of Kim Do Hoon is not Geoff Hoon");
}

#[test]
fn a_surname_in_a_headline_in_capitals() {
    let c = corpus(&["CAMPESE TO RETIRE\n\nSYDNEY 1996-08-30\n\nDavid Campese will retire, the winger said. \
         The BBC and NATO said nothing. Campese has played 101 tests."]);
    let index = Index::build(&c);
    let found = people(&index, &c, 0);
    let surfaces: Vec<&str> = found.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(surfaces, ["CAMPESE", "David Campese", "Campese"]);
    assert!(found.iter().all(|(_, id)| id == "person:david-campese"), "{found:?}");
}

#[test]
fn a_full_name_in_a_headline_in_capitals() {
    // The given name before the surname is the same person's.
    let c = corpus(&["TENNIS - CHANDA RUBIN WINS IN TORONTO\n\nTORONTO 1996-08-30\n\nChanda Rubin beat \
         Steffi Graf on Friday. Rubin said she was tired."]);
    let index = Index::build(&c);
    let found = people(&index, &c, 0);
    let surfaces: Vec<&str> = found.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(surfaces, ["CHANDA RUBIN", "Chanda Rubin", "Steffi Graf", "Rubin"]);
}

#[test]
fn a_surname_alias_of_a_firm_never_beats_a_full_name_written() {
    let c = corpus(&[
        "Gerald Ford was sworn in. Ford pardoned Nixon, and trust in Ford fell.",
        "Harrison Ford starred in the film. Ford said it was fun.",
        "Ford, the US car company, reported profits. Ford's auto unit made a loss, said chief \
         executive Bill Ford. Ford declined to comment.",
        "Shares in Ford rose. Henry Ford founded it. Ford employs 300,000 people.",
    ]);
    let index = Index::build(&c);
    let ids = |a: usize, id: &str| {
        let found = people(&index, &c, a);
        assert!(found.iter().all(|(_, i)| i == id), "{found:?}");
        found.into_iter().map(|(s, _)| s).collect::<Vec<_>>()
    };
    assert_eq!(ids(0, "person:gerald-ford"), ["Gerald Ford", "Ford", "Ford"]);
    assert_eq!(ids(1, "person:harrison-ford"), ["Harrison Ford", "Ford"]);
    assert_eq!(ids(2, "person:bill-ford"), ["Bill Ford"], "the firm is cued: its bare name stays the firm");
    assert_eq!(ids(3, "person:henry-ford"), ["Henry Ford"]);
}

#[test]
fn a_surname_alias_of_a_known_person_never_beats_another_full_name_written() {
    let c = corpus(&[
        "Cage's character Ben Gates ran. Gates said so.",
        "Bill Gates spoke, and so did Ben Gates. Later Gates left.",
    ]);
    let index = Index::build(&c);
    let ids: Vec<String> = people(&index, &c, 0).into_iter().map(|(_, id)| id).collect();
    assert_eq!(ids, ["person:ben-gates", "person:ben-gates"]);
    assert_eq!(people(&index, &c, 1)[2].1, "person:bill-gates", "the known person is named: his alias stays his");
}

#[test]
fn span_boundaries_particles_and_multi_part_surnames() {
    let c = corpus(&[
        "Labour Minister Ghazi al-Gosaibi said it caused uproar.",
        "Heineken chief executive Jean-Francois van Boxmeer spoke. Van Boxmeer said sales rose.",
        "East Timor's Jose Ramos Horta said no. Later Ramos Horta left.",
    ]);
    let index = Index::build(&c);
    assert_eq!(surfaces(&index, &c, 0), ["Ghazi al-Gosaibi"]);
    assert_eq!(surfaces(&index, &c, 1), ["Jean-Francois van Boxmeer", "Van Boxmeer"]);
    assert_eq!(surfaces(&index, &c, 2), ["Jose Ramos Horta", "Ramos Horta"]);
    let ids: Vec<String> = people(&index, &c, 2).into_iter().map(|(_, id)| id).collect();
    assert_eq!(ids[0], ids[1], "Ramos Horta is Jose Ramos Horta");
}
