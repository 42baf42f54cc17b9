//! Quote attribution against hand-made gold (`fixtures/*-quotes.json`, annotated as
//! `fixtures/QUOTES.md` says): the seeds, and BBC politics articles 001–012, 025–040 and
//! 041–056 and 013–024 (dev, dev2, dev3 and dev4, tuned on) and 057–072 (check, held out:
//! only measured, its per-quote output never printed), and the same split of 12 and 4 in
//! sport, entertainment, business and tech, and a fifth dev set of 8–10 articles in business,
//! entertainment and tech, and 16 more politics articles picked at random (dev5). The BBC
//! articles are read from
//! `../shared/corpora/bbc` (never in this repository), the whole corpus as the app would;
//! without them those tests say so and check nothing.
//!
//! A predicted quote is correct as `support/quote_score.rs` judges it: its byte span
//! overlaps a gold quote of the same article and its speaker's name matches the gold
//! speaker. Precision: correct predictions / predictions. Recall: gold quotes with a correct
//! prediction / gold quotes. Quotes come from the [`QuoteIndex`] of the loaded articles, as
//! the dossier reads them.

mod support;

use support::quote_score;

use std::sync::OnceLock;

use byline::corpus::{Corpus, load, load_embedded_seeds};
use byline::dossier::QuoteIndex;
use byline::entities::Index;

#[derive(Debug, Default)]
struct Score {
    predicted: usize,
    correct: usize,
    gold: usize,
    found: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        if self.predicted == 0 { 1.0 } else { self.correct as f64 / self.predicted as f64 }
    }
    fn recall(&self) -> f64 {
        if self.gold == 0 { 1.0 } else { self.found as f64 / self.gold as f64 }
    }
}

/// A corpus read as the app reads it: entities, then every article's quotes.
struct Read {
    corpus: Corpus,
    index: Index,
    quotes: QuoteIndex,
}

impl Read {
    fn new(corpus: Corpus) -> Read {
        let index = Index::build(&corpus);
        let quotes = QuoteIndex::build(&corpus, &index);
        Read { corpus, index, quotes }
    }
}

fn score(read: &Read, gold: &serde_json::Value, verbose: bool) -> Score {
    let Read { corpus, index, quotes } = read;
    let mut s = Score::default();
    for entry in gold.as_array().unwrap() {
        let file = entry["file"].as_str().unwrap();
        let Some(a) = corpus.articles.iter().position(|a| a.path.ends_with(file)) else {
            panic!("{file} not loaded");
        };
        let body = &corpus.articles[a].body;
        let spans = quote_score::gold_quotes(entry, body).unwrap_or_else(|e| panic!("{e}"));
        for g in spans.iter().filter(|g| g.span.is_none()) {
            eprintln!("  {file}: gold text of {} not in the body", g.speaker);
        }
        let mut found = vec![false; spans.len()];
        for q in quotes.quotes(a as u32) {
            let name = &index.entity(q.speaker).name;
            let hits = quote_score::finds(q, name, &spans);
            for &k in &hits {
                found[k] = true;
            }
            s.predicted += 1;
            s.correct += usize::from(!hits.is_empty());
            if verbose && !hits.is_empty() && std::env::var_os("BYLINE_QUOTES_RIGHT").is_some() {
                eprintln!("  {file} RIGHT {name} p={} [{}] {:?}", q.paraphrase, q.rule, &body[q.range()]);
            }
            if verbose && hits.is_empty() {
                let wrong = spans.iter().find(|g| quote_score::overlaps(q, g)).map_or("no gold quote", |g| g.speaker);
                eprintln!(
                    "  {file} WRONG {name} (gold: {wrong}) p={} [{}] {:?}",
                    q.paraphrase,
                    q.rule,
                    &body[q.range()]
                );
            }
        }
        for (k, g) in spans.iter().enumerate() {
            s.gold += 1;
            s.found += usize::from(found[k]);
            if verbose && !found[k] {
                let text = g.span.map_or("?", |(start, end)| &body[start..end]);
                eprintln!("  {file} MISSED {}: {text:?}", g.speaker);
            }
        }
    }
    s
}

fn verbose() -> bool {
    std::env::var_os("BYLINE_QUOTES_VERBOSE").is_some()
}

fn report(name: &str, s: &Score) {
    eprintln!(
        "{name}: P {:.3} ({}/{}) R {:.3} ({}/{})",
        s.precision(),
        s.correct,
        s.predicted,
        s.recall(),
        s.found,
        s.gold
    );
}

#[test]
fn seeds_meet_the_targets() {
    let gold: serde_json::Value = serde_json::from_str(include_str!("fixtures/seeds-quotes.json")).unwrap();
    let s = score(&Read::new(load_embedded_seeds()), &gold, verbose());
    report("seeds", &s);
    // 1.000/1.000 when written; the target is 0.95.
    assert!(s.precision() >= 0.96 && s.recall() >= 0.96, "{s:?}");
}

/// The whole BBC corpus, as the app reads it (role holders across it name "the prime
/// minister" in the gold articles), read once for every BBC gold.
fn bbc() -> Option<&'static Read> {
    static BBC: OnceLock<Option<Read>> = OnceLock::new();
    BBC.get_or_init(|| support::shared::shared("corpora/bbc").map(|dir| Read::new(load(&[dir]).unwrap()))).as_ref()
}

/// The score of one BBC gold, reported; None (and a note) without the corpus.
fn bbc_score(name: &str, gold_json: &str, verbose: bool) -> Option<Score> {
    let read = bbc()?;
    let s = score(read, &serde_json::from_str(gold_json).unwrap(), verbose);
    report(name, &s);
    Some(s)
}

#[test]
fn bbc_dev_meets_the_targets() {
    let Some(s) = bbc_score("BBC dev", include_str!("fixtures/bbc-dev-quotes.json"), verbose()) else { return };
    // 1.000/0.975 when written; the target is 0.85. 1.000/0.983 before issue 13, 1.000/0.975
    // after: "he" with another man in reach gives up.
    assert!(s.precision() >= 0.98 && s.recall() >= 0.95, "{s:?}");
}

#[test]
fn bbc_dev2_meets_the_targets() {
    let Some(s) = bbc_score("BBC dev2", include_str!("fixtures/bbc-dev2-quotes.json"), verbose()) else { return };
    // 0.977/0.969 when written, and after issue 13; 0.985/0.969 once words reported by
    // someone unnamed are nobody's. The target is 0.85.
    assert!(s.precision() >= 0.96 && s.recall() >= 0.95, "{s:?}");
}

#[test]
fn bbc_dev3_meets_the_targets() {
    let Some(s) = bbc_score("BBC dev3", include_str!("fixtures/bbc-dev3-quotes.json"), verbose()) else { return };
    // P 0.917, R 0.803 when first measured, before any tuning on it; 0.968/0.891 after,
    // 0.976/0.905 after dev4, 0.977/0.912 before and after issue 13, 0.984/0.912 once words
    // reported by someone unnamed, an institution or a thing are nobody's.
    assert!(s.precision() >= 0.96 && s.recall() >= 0.89, "{s:?}");
}

/// The old check set, tuned on since dev3: P 0.864, R 0.784 when it became a tuning set,
/// 0.907/0.907 after; 0.938/0.938 before issue 13, 0.957/0.907 after ("he" gives up when
/// another man is in reach), 0.967/0.907 once a name ending in "House" is no speaker.
#[test]
fn bbc_dev4_meets_the_targets() {
    let Some(s) = bbc_score("BBC dev4", include_str!("fixtures/bbc-dev4-quotes.json"), verbose()) else { return };
    assert!(s.precision() >= 0.94 && s.recall() >= 0.88, "{s:?}");
}

/// A fifth politics dev set: 16 articles outside every other gold, picked with Python's
/// `random.Random(14).shuffle` of the sorted politics files (QUOTES.md says how), annotated
/// before byline's output on them was looked at, to have politics errors no rule was written
/// for. P 0.938 (137/146) R 0.861 (136/158) when the gold was made; 0.979 (138/141) / 0.867
/// after tuning on it (the "he" after an unnamed spokesman, "the chancellor is …", "known as").
#[test]
fn bbc_dev5_meets_the_floor() {
    let Some(s) = bbc_score("BBC dev5", include_str!("fixtures/bbc-dev5-quotes.json"), verbose()) else { return };
    assert!(s.precision() >= 0.95 && s.recall() >= 0.84, "{s:?}");
}

/// Held out (articles 057–072): never tuned on, so its per-quote output is never printed,
/// not even with BYLINE_QUOTES_VERBOSE; only the summary line. P 0.874, R 0.800 when first
/// measured (the rules as they stood after dev3), and the same after tuning on dev4: its
/// recall sits below the 0.85 target, so this guards against regressions. 0.874/0.800 before
/// and after issue 13; 0.873/0.792 after its second round (one quote fewer, the round that
/// makes words reported by someone unnamed or an institution nobody's). 0.913/0.808 after
/// session 14's round (one wrong fewer: the "he" after an unnamed spokesman).
#[test]
fn bbc_check() {
    let Some(s) = bbc_score("BBC check", include_str!("fixtures/bbc-check-quotes.json"), false) else { return };
    assert!(s.precision() >= 0.85 && s.recall() >= 0.78, "{s:?}");
}

// Outside politics (issue 13): 16 articles per section picked at random (QUOTES.md says
// how), the first 12 a dev set to tune on, the last 4 held out like `bbc_check`. The floors
// sit about 0.03 below the figures when the golds were written, before any tuning on them.

#[test]
fn bbc_sport_dev_meets_the_floor() {
    let Some(s) = bbc_score("BBC sport dev", include_str!("fixtures/bbc-sport-dev-quotes.json"), verbose()) else {
        return;
    };
    // P 0.903, R 0.884 when written; 0.944/0.884 after issue 13's first rules, 0.966/0.895
    // once a quote about someone is no longer theirs (sport/235), and after the fifth dev sets.
    // 1.000/0.926 after the round where a possessive, an age and "he" give up or name.
    assert!(s.precision() >= 0.97 && s.recall() >= 0.90, "{s:?}");
}

#[test]
fn bbc_entertainment_dev_meets_the_floor() {
    let Some(s) =
        bbc_score("BBC entertainment dev", include_str!("fixtures/bbc-entertainment-dev-quotes.json"), verbose())
    else {
        return;
    };
    // P 0.811, R 0.741 when written; 0.906/0.828 before issue 13's first rules, 0.941/0.828 after,
    // 0.942/0.845 after the fifth dev sets ("said X, controller of …" ends reported speech);
    // 1.000/0.914 in session 17 (Antonio "LA" Reid is a person).
    assert!(s.precision() >= 0.95 && s.recall() >= 0.86, "{s:?}");
}

#[test]
fn bbc_business_dev_meets_the_floor() {
    let Some(s) = bbc_score("BBC business dev", include_str!("fixtures/bbc-business-dev-quotes.json"), verbose())
    else {
        return;
    };
    // P 0.861, R 0.738 when written; 0.889/0.762 before issue 13's first rules, 0.919/0.810 after,
    // and after the fifth dev sets.
    assert!(s.precision() >= 0.90 && s.recall() >= 0.79, "{s:?}");
}

#[test]
fn bbc_tech_dev_meets_the_floor() {
    let Some(s) = bbc_score("BBC tech dev", include_str!("fixtures/bbc-tech-dev-quotes.json"), verbose()) else {
        return;
    };
    // P 0.987, R 0.892 when written; 1.000/0.892 after issue 13's first rules.
    assert!(s.precision() >= 0.98 && s.recall() >= 0.87, "{s:?}");
}

// A fifth dev set in the three weakest sections (business, entertainment, tech): 8–10 more
// articles each, picked on from where the section golds stopped (QUOTES.md says how), tuned
// on like the section dev sets. Floors about 0.02 below the figures when they were written,
// before any tuning on them.

#[test]
fn bbc_business_dev5_meets_the_floor() {
    let Some(s) = bbc_score("BBC business dev5", include_str!("fixtures/bbc-business-dev5-quotes.json"), verbose())
    else {
        return;
    };
    // P 0.860, R 0.771 when written (48 quotes; 50 once "urged … to" counts, as in dev2);
    // 0.932/0.820 after tuning on it.
    assert!(s.precision() >= 0.91 && s.recall() >= 0.80, "{s:?}");
}

#[test]
fn bbc_entertainment_dev5_meets_the_floor() {
    let Some(s) =
        bbc_score("BBC entertainment dev5", include_str!("fixtures/bbc-entertainment-dev5-quotes.json"), verbose())
    else {
        return;
    };
    // P 0.981, R 0.981 when written; 1.000/0.981 after tuning on it (Ant and Dec's shared
    // clause is nobody's).
    assert!(s.precision() >= 0.98 && s.recall() >= 0.96, "{s:?}");
}

#[test]
fn bbc_tech_dev5_meets_the_floor() {
    let Some(s) = bbc_score("BBC tech dev5", include_str!("fixtures/bbc-tech-dev5-quotes.json"), verbose()) else {
        return;
    };
    // P 0.944, R 0.723 when written; 0.946/0.745 after tuning on it.
    assert!(s.precision() >= 0.92 && s.recall() >= 0.72, "{s:?}");
}

/// The four held-out sets outside politics: never tuned on, so only their summary lines are
/// printed, not even with BYLINE_QUOTES_VERBOSE. When written: sport P 0.900 R 0.600,
/// entertainment 0.944/0.895, business 1.000/0.900, tech 1.000/0.737 (4 articles and 19–30
/// quotes each, so one quote moves a figure by 0.03–0.05). Before issue 13's first rules:
/// sport 0.923/0.800, entertainment 0.944/0.895, business 1.000/0.900, tech 1.000/0.737;
/// after: the same but entertainment 1.000/0.895.
/// Sport's fifth dev set (session 15): 16 more sport articles not in any gold, picked with
/// `random.Random(16)`, annotated before byline's output on them was looked at. P 0.971
/// (133/137) R 0.899 (133/148) when the gold was made.
#[test]
fn bbc_sport_dev5_meets_the_floor() {
    let Some(s) = bbc_score("BBC sport dev5", include_str!("fixtures/bbc-sport-dev5-quotes.json"), verbose()) else {
        return;
    };
    assert!(s.precision() >= 0.94 && s.recall() >= 0.87, "{s:?}");
}

// A sixth politics pair (session 16): 16 more politics articles picked with
// `random.Random(17)`, the last 4 held out, annotated before byline's output was looked at.

#[test]
fn bbc_dev6_meets_the_floor() {
    let Some(s) = bbc_score("BBC dev6", include_str!("fixtures/bbc-dev6-quotes.json"), verbose()) else { return };
    // P 0.948 (110/116) R 0.866 when the gold was made.
    assert!(s.precision() >= 0.94 && s.recall() >= 0.85, "{s:?}");
}

#[test]
fn bbc_check6() {
    let Some(s) = bbc_score("BBC check6", include_str!("fixtures/bbc-check6-quotes.json"), false) else { return };
    // P 1.000 (17/17) R 0.895 (17/19) when the gold was made.
    assert!(s.precision() >= 0.94 && s.recall() >= 0.84, "{s:?}");
}

#[test]
fn bbc_sections_check() {
    let sets = [
        ("BBC sport check", include_str!("fixtures/bbc-sport-check-quotes.json"), 0.90, 0.78),
        ("BBC entertainment check", include_str!("fixtures/bbc-entertainment-check-quotes.json"), 0.97, 0.87),
        ("BBC business check", include_str!("fixtures/bbc-business-check-quotes.json"), 0.97, 0.88),
        ("BBC tech check", include_str!("fixtures/bbc-tech-check-quotes.json"), 0.97, 0.71),
    ];
    for (name, gold, precision, recall) in sets {
        let Some(s) = bbc_score(name, gold, false) else { return };
        assert!(s.precision() >= precision && s.recall() >= recall, "{name}: {s:?}");
    }
}

/// The non-BBC news fixtures (Voice of America, NASA, Global Voices: `fixtures/news/`), read
/// as one corpus, split into dev and check as their person golds are. Block quotes without
/// quotation marks (Global Voices' "X writes:" paragraphs) are not quotes as QUOTES.md
/// defines them and are not in the gold.
fn news() -> &'static Read {
    static NEWS: OnceLock<Read> = OnceLock::new();
    NEWS.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/news");
        Read::new(load(&[dir]).unwrap())
    })
}

/// Scores a news gold on [`news`] and reports it.
fn news_score(name: &str, gold_json: &str, verbose: bool) -> Score {
    let s = score(news(), &serde_json::from_str(gold_json).unwrap(), verbose);
    report(name, &s);
    s
}

#[test]
fn news_dev_meets_the_floor() {
    let s = news_score("news dev", include_str!("fixtures/news-dev-quotes.json"), verbose());
    // 0.850/0.744 when the gold was made (before any tuning on it); 0.910/0.744 after titles
    // and terms in quote marks became nobody's; 0.959/0.760 after joint subjects, shared
    // links and subordinate subjects gave up, and Saodat Sadikova was found; 0.971/0.835
    // after single marks, bracketed acronyms in roles and "said in a statement".
    assert!(s.precision() >= 0.95 && s.recall() >= 0.80, "{s:?}");
}

#[test]
fn news_check() {
    let s = news_score("news check", include_str!("fixtures/news-check-quotes.json"), false);
    // 0.944/0.859 when the gold was made, 0.966/0.859 a round later.
    assert!(s.precision() >= 0.94 && s.recall() >= 0.83, "{s:?}");
}

// A fourth news pair (15 more Global Voices posts of May 2012, 9 more VOA Learning English
// stories of 2016–2024), annotated before byline's output on them was looked at; every third
// file is the check set. Floors about 0.03 below the figures when the golds were made.

#[test]
fn news_dev4_meets_the_floor() {
    let s = news_score("news dev4", include_str!("fixtures/news-dev4-quotes.json"), verbose());
    // P 0.920 (46/50) R 0.672 (45/67) when the gold was made; 0.959 (47/49) / 0.687 after
    // tuning on it (words in what news reports report are no one's; "advises … to").
    assert!(s.precision() >= 0.93 && s.recall() >= 0.66, "{s:?}");
}

#[test]
fn news_check4() {
    let s = news_score("news check4", include_str!("fixtures/news-check4-quotes.json"), false);
    // P 0.733 (11/15) R 0.550 (11/20) when the gold was made: 20 quotes, so one moves
    // recall by 0.05.
    assert!(s.precision() >= 0.66 && s.recall() >= 0.50, "{s:?}");
}

// A fifth news pair (15 more Global Voices posts of May 2012), annotated before byline's
// output on them was looked at; every third file by number is the check set. Few quotes
// (19 and 4): most of these posts quote blogs in block quotes, which QUOTES.md leaves out.

#[test]
fn news_dev5_meets_the_floor() {
    let s = news_score("news dev5", include_str!("fixtures/news-dev5-quotes.json"), verbose());
    // P 0.364 (4/11) R 0.211 (4/19) when the gold was made; 0.500 (4/8) after questions
    // ("whether he thinks"), glosses in brackets and words someone quoted gave up.
    assert!(s.precision() >= 0.45 && s.recall() >= 0.18, "{s:?}");
}

#[test]
fn news_check5() {
    let s = news_score("news check5", include_str!("fixtures/news-check5-quotes.json"), false);
    // P 1.000 (2/2) R 0.500 (2/4) when the gold was made.
    assert!(s.precision() >= 0.66 && s.recall() >= 0.25, "{s:?}");
}

/// Reuters news of 1996 (the CoNLL-2003 training documents in `../shared`, tokenised: a
/// space before every punctuation mark), the whole training split read as one corpus.
fn conll_train() -> Option<&'static Read> {
    static CONLL: OnceLock<Option<Read>> = OnceLock::new();
    CONLL
        .get_or_init(|| {
            support::shared::shared("corpora/conll2003/train/conll").map(|dir| Read::new(load(&[dir]).unwrap()))
        })
        .as_ref()
}

fn conll_score(name: &str, gold_json: &str, verbose: bool) -> Option<Score> {
    let s = score(conll_train()?, &serde_json::from_str(gold_json).unwrap(), verbose);
    report(name, &s);
    Some(s)
}

// Reuters quotes (session 16): 24 CoNLL-2003 training documents with quote marks and verbs
// of saying, picked with `random.Random(17)`, the last 6 held out.

#[test]
fn conll_train_dev_meets_the_floor() {
    let Some(s) = conll_score("CoNLL train dev", include_str!("fixtures/conll-train-dev-quotes.json"), verbose())
    else {
        return;
    };
    // P 0.846 R 0.193 when the gold was made; P 0.896 R 0.833 once a quote left open in
    // tokenised text runs on to the sentence lines after it; P 0.970 R 0.851 in session 17
    // (a mark alone on its line closes, "one source told", "a matron wrote … she wrote").
    assert!(s.precision() >= 0.94 && s.recall() >= 0.82, "{s:?}");
}

#[test]
fn conll_train_check() {
    let Some(s) = conll_score("CoNLL train check", include_str!("fixtures/conll-train-check-quotes.json"), false)
    else {
        return;
    };
    // P 0.833 (5/6) R 0.192 (5/26) when the gold was made; P 0.958 (23/24) R 0.885 (23/26)
    // once quotes ran on across tokenised sentence lines.
    assert!(s.precision() >= 0.90 && s.recall() >= 0.80, "{s:?}");
}
