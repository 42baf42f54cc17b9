//! Person recognition on CoNLL-2003 dev (`../shared/corpora/conll2003/dev`, Reuters text,
//! never in this repository), where the statistical tagger earns its place: the rules alone
//! reach F1 0.815 there. Without the corpus the test says so and checks nothing. Its gold
//! does not link names, so only mention P/R/F1 count.

mod support;

use byline::corpus::load;
use byline::entities::Index;

#[test]
fn conll_dev_holds_its_figure() {
    let Some(dir) = support::shared::shared("corpora/conll2003/dev") else { return };
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("gold.json")).unwrap()).unwrap();
    let corpus = load(&[dir.join("conll")]).unwrap();
    let index = Index::build(&corpus);
    let mut out = Vec::new();
    byline::export::write_json(&mut out, &corpus, &index).unwrap();
    let export: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let s = support::score::score(&gold, &export);
    eprintln!("CoNLL dev: P {:.3} R {:.3} F1 {:.3}", s.precision, s.recall, s.f1);
    // 0.981/0.909/0.943 after places that are surnames, titles that end names and events;
    // 0.980/0.925/0.952 in session 17 (two particles, quoted nicknames, credits).
    assert!(s.precision >= 0.96 && s.recall >= 0.90 && s.f1 >= 0.935, "{s:#?}");
}
