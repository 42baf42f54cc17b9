//! Person recognition and linking on news that is not BBC 2004–05: public-domain articles
//! from Voice of America and NASA (2016–2024), committed under `fixtures/news/` with their
//! sources in `fixtures/news/SOURCES.md`, annotated by hand as `fixtures/news/ANNOTATION.md`
//! says. `fixtures/news-dev-persons.json` may be tuned on; `fixtures/news-check-persons.json`
//! is only measured. A second, larger pair, `fixtures/news-dev2-persons.json` (tuned on) and
//! `fixtures/news-check2-persons.json` (only measured), covers 24 Global Voices articles of
//! 2012 (CC BY 3.0) full of names no English list holds. A third pair,
//! `fixtures/news-dev3-persons.json` (tuned on) and `fixtures/news-check3-persons.json` (only
//! measured), covers 18 VOA Learning English stories of 2016–2025 and 9 NASA press releases
//! of 2024. A fourth pair, `fixtures/news-dev4-persons.json` (tuned on) and
//! `fixtures/news-check4-persons.json` (only measured), covers 15 more Global Voices posts and 9
//! more VOA stories. The floors sit about 0.03 below the figures when the sets were made.

mod support;

use std::path::{Path, PathBuf};

use byline::corpus::load;
use byline::entities::Index;

const NEWS_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/news");

// Measured when the sets were made: dev F1 0.741, linked F1 0.682; check 0.852, 0.741.
// Dev since a firm's surname alias yields to a full name written (Gerald Ford): 0.962, 0.885.
// After the not-people step: 0.976, 0.898.
const DEV_F1_FLOOR: f64 = 0.95;
const DEV_LINKED_F1_FLOOR: f64 = 0.87;
const CHECK_F1_FLOOR: f64 = 0.82;
const CHECK_LINKED_F1_FLOOR: f64 = 0.71;

// Global Voices, measured when the sets were made: dev2 F1 0.784, linked F1 0.780; check2 0.657, 0.647.
// dev2 after not-people, confirmed names and names beside a surname: 0.835, 0.835; session
// 17 (kin, listed names, headlines held to the body): 0.869, 0.846.
const DEV2_F1_FLOOR: f64 = 0.84;
const DEV2_LINKED_F1_FLOOR: f64 = 0.82;
const CHECK2_F1_FLOOR: f64 = 0.62;
const CHECK2_LINKED_F1_FLOOR: f64 = 0.61;

// VOA Learning English and NASA, measured when the sets were made: dev3 F1 0.881, linked F1 0.865; check3 0.828, 0.818.
// dev3 after that round: 0.913, 0.898; after sentence-start names that introduce someone: 0.932, 0.917;
// after "the James Webb" is the telescope and a head word starts no name: 0.954, 0.938.
const DEV3_F1_FLOOR: f64 = 0.94;
const DEV3_LINKED_F1_FLOOR: f64 = 0.92;
const CHECK3_F1_FLOOR: f64 = 0.80;
const CHECK3_LINKED_F1_FLOOR: f64 = 0.79;

// Global Voices and VOA, a fourth pair made in session 14 to have fresh errors to tune on:
// when made, dev4 F1 0.787, linked F1 0.761; check4 0.797, 0.780. dev4 after a pair that
// speaks with a colon and peoples' plurals: 0.812, 0.780.
const DEV4_F1_FLOOR: f64 = 0.78;
const DEV4_LINKED_F1_FLOOR: f64 = 0.75;
const CHECK4_F1_FLOOR: f64 = 0.76;
const CHECK4_LINKED_F1_FLOOR: f64 = 0.75;

// Global Voices, a fifth pair made in session 15 (15 more posts of May 2012): when made, dev5
// F1 0.801, linked F1 0.801; check5 (16 mentions only) 0.938, 0.875. dev5 in session 17:
// 0.892, 0.887.
const DEV5_F1_FLOOR: f64 = 0.86;
const DEV5_LINKED_F1_FLOOR: f64 = 0.85;
const CHECK5_F1_FLOOR: f64 = 0.80;
const CHECK5_LINKED_F1_FLOOR: f64 = 0.75;

const GOLDS: [&str; 10] = [
    include_str!("fixtures/news-dev-persons.json"),
    include_str!("fixtures/news-check-persons.json"),
    include_str!("fixtures/news-dev2-persons.json"),
    include_str!("fixtures/news-check2-persons.json"),
    include_str!("fixtures/news-dev3-persons.json"),
    include_str!("fixtures/news-check3-persons.json"),
    include_str!("fixtures/news-dev4-persons.json"),
    include_str!("fixtures/news-check4-persons.json"),
    include_str!("fixtures/news-dev5-persons.json"),
    include_str!("fixtures/news-check5-persons.json"),
];

fn score(gold_json: &str) -> support::score::Score {
    let gold: serde_json::Value = serde_json::from_str(gold_json).unwrap();
    let paths: Vec<PathBuf> =
        gold.as_array().unwrap().iter().map(|g| Path::new(NEWS_DIR).join(g["file"].as_str().unwrap())).collect();
    let corpus = load(&paths).unwrap();
    let index = Index::build(&corpus);
    let mut out = Vec::new();
    byline::export::write_json(&mut out, &corpus, &index).unwrap();
    let export: serde_json::Value = serde_json::from_slice(&out).unwrap();
    support::score::score(&gold, &export)
}

/// Scores one gold, says its figures, and holds its mention and linked F1 floors.
fn holds_floor(set: &str, gold: &str, f1_floor: f64, linked_f1_floor: f64) {
    let s = score(gold);
    eprintln!("{set}: P {:.3} R {:.3} F1 {:.3} linked F1 {:.3}", s.precision, s.recall, s.f1, s.linked_f1);
    assert!(s.f1 >= f1_floor && s.linked_f1 >= linked_f1_floor, "{s:#?}");
}

#[test]
fn dev_gold_holds_its_floor() {
    holds_floor("news dev", include_str!("fixtures/news-dev-persons.json"), DEV_F1_FLOOR, DEV_LINKED_F1_FLOOR);
}

#[test]
fn check_gold_holds_its_floor() {
    holds_floor("news check", include_str!("fixtures/news-check-persons.json"), CHECK_F1_FLOOR, CHECK_LINKED_F1_FLOOR);
}

#[test]
fn global_voices_dev_gold_holds_its_floor() {
    holds_floor("news dev2", include_str!("fixtures/news-dev2-persons.json"), DEV2_F1_FLOOR, DEV2_LINKED_F1_FLOOR);
}

#[test]
fn global_voices_check_gold_holds_its_floor() {
    holds_floor(
        "news check2",
        include_str!("fixtures/news-check2-persons.json"),
        CHECK2_F1_FLOOR,
        CHECK2_LINKED_F1_FLOOR,
    );
}

#[test]
fn voa_and_nasa_dev_gold_holds_its_floor() {
    holds_floor("news dev3", include_str!("fixtures/news-dev3-persons.json"), DEV3_F1_FLOOR, DEV3_LINKED_F1_FLOOR);
}

#[test]
fn voa_and_nasa_check_gold_holds_its_floor() {
    holds_floor(
        "news check3",
        include_str!("fixtures/news-check3-persons.json"),
        CHECK3_F1_FLOOR,
        CHECK3_LINKED_F1_FLOOR,
    );
}

#[test]
fn fourth_dev_gold_holds_its_floor() {
    holds_floor("news dev4", include_str!("fixtures/news-dev4-persons.json"), DEV4_F1_FLOOR, DEV4_LINKED_F1_FLOOR);
}

#[test]
fn fourth_check_gold_holds_its_floor() {
    holds_floor(
        "news check4",
        include_str!("fixtures/news-check4-persons.json"),
        CHECK4_F1_FLOOR,
        CHECK4_LINKED_F1_FLOOR,
    );
}

#[test]
fn fifth_dev_gold_holds_its_floor() {
    holds_floor("news dev5", include_str!("fixtures/news-dev5-persons.json"), DEV5_F1_FLOOR, DEV5_LINKED_F1_FLOOR);
}

#[test]
fn fifth_check_gold_holds_its_floor() {
    holds_floor(
        "news check5",
        include_str!("fixtures/news-check5-persons.json"),
        CHECK5_F1_FLOOR,
        CHECK5_LINKED_F1_FLOOR,
    );
}

#[test]
fn every_gold_article_is_listed_in_the_sources() {
    // The licences ask for attribution: an article without its source line may not stay.
    let sources = std::fs::read_to_string(Path::new(NEWS_DIR).join("SOURCES.md")).unwrap();
    for gold in GOLDS {
        let gold: serde_json::Value = serde_json::from_str(gold).unwrap();
        for article in gold.as_array().unwrap() {
            let file = article["file"].as_str().unwrap();
            assert!(sources.contains(&format!("`{file}`")), "{file} has no line in SOURCES.md");
        }
    }
}
