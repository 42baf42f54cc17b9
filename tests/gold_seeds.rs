//! Person recognition and linking on the seeds against the hand-made gold.

mod support;

use byline::corpus::load_embedded_seeds;
use byline::entities::Index;

fn export_json(corpus: &byline::corpus::Corpus, index: &Index) -> serde_json::Value {
    let mut out = Vec::new();
    byline::export::write_json(&mut out, corpus, index).unwrap();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn seeds_score_perfectly() {
    let corpus = load_embedded_seeds();
    let index = Index::build(&corpus);
    let gold: serde_json::Value = serde_json::from_str(include_str!("fixtures/seeds-persons.json")).unwrap();
    let s = support::score::score(&gold, &export_json(&corpus, &index));
    assert!(s.errors.is_empty(), "{:#?}", s.errors);
    assert_eq!((s.f1, s.linked_f1), (1.0, 1.0), "{s:?}");
}

#[test]
fn the_rules_alone_find_the_people_the_gazetteer_does_not_know() {
    // A gazetteer without people: every person must come from cues and linking.
    let full = byline::entities::Gazetteer::embedded();
    let places_and_orgs = full.entries.iter().filter(|e| e.kind != byline::entities::Kind::Person).cloned().collect();
    let gazetteer = byline::entities::Gazetteer::new(places_and_orgs);
    let corpus = load_embedded_seeds();
    let index = Index::build_with(&corpus, &gazetteer);
    let gold: serde_json::Value = serde_json::from_str(include_str!("fixtures/seeds-persons.json")).unwrap();
    let s = support::score::score(&gold, &export_json(&corpus, &index));
    // Bare "Putin"/"Trump" without any cue in an article stay unknown; most is found.
    assert!(s.f1 >= 0.9, "{s:?}");
    for name in ["Dmitry Peskov", "Karoline Leavitt", "Mélanie Joly", "Keith Kellogg", "Pavel Zarubin"] {
        let id = index.find(name).unwrap_or_else(|| panic!("{name} found by the rules"));
        assert_eq!(index.entity(id).kind, byline::entities::Kind::Person);
    }
    let keir = index.entity(index.find("Keir").unwrap());
    assert_eq!(keir.id, "person:keir-starmer", "Sir Keir joins Keir Starmer");
}

#[test]
fn export_spans_hold() {
    let corpus = load_embedded_seeds();
    let index = Index::build(&corpus);
    let json = export_json(&corpus, &index);
    for a in json["articles"].as_array().unwrap() {
        for m in a["mentions"].as_array().unwrap() {
            let field = a[m["field"].as_str().unwrap()].as_str().unwrap();
            let (s, e) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
            assert_eq!(&field[s..e], m["text"].as_str().unwrap());
        }
    }
}
