//! `byline quotes`: every attributed quote, in reading order, as text, JSON or CSV.

mod support;

use std::process::Output;

fn byline(args: &[&str]) -> Output {
    support::byline_command().args(args).output().unwrap()
}

fn json(args: &[&str]) -> Vec<serde_json::Value> {
    let o = byline(args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice::<serde_json::Value>(&o.stdout).unwrap().as_array().unwrap().clone()
}

/// An article of the seeds' kind, with quotes from two people.
const STORY: &str = "Talks resume\n\nKremlin spokesperson Dmitry Peskov said talks would continue.\n\n\
    \"We intend to pursue our interests,\" Peskov told reporters.\n\n\
    Volodymyr Zelensky said: \"Ukraine is ready for a ceasefire.\"\n";

#[test]
fn json_gives_speaker_kind_article_and_offsets_into_the_body() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), STORY).unwrap();
    let quotes = json(&["quotes", "--format", "json", dir.path().to_str().unwrap()]);
    let body = STORY.split_once("\n\n").unwrap().1;
    let got: Vec<(&str, &str, &str)> = quotes
        .iter()
        .map(|q| (q["speaker"].as_str().unwrap(), q["kind"].as_str().unwrap(), q["text"].as_str().unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            ("Dmitry Peskov", "reported", "talks would continue"),
            ("Dmitry Peskov", "direct", "We intend to pursue our interests,"),
            ("Volodymyr Zelensky", "direct", "Ukraine is ready for a ceasefire."),
        ]
    );
    for q in &quotes {
        let (start, end) = (q["start"].as_u64().unwrap() as usize, q["end"].as_u64().unwrap() as usize);
        assert_eq!(&body[start..end], q["text"].as_str().unwrap());
        assert!(q["speaker_id"].as_str().unwrap().starts_with("person:"));
        assert!(q["article"].as_str().unwrap().ends_with("a.txt"));
    }
}

#[test]
fn reported_speech_carries_its_verb_so_a_denial_reads_as_one() {
    let dir = tempfile::tempdir().unwrap();
    let story = "Film\n\nThe author Philip Pullman spoke on Monday. Pullman has denied his books are anti-religious.\n";
    std::fs::write(dir.path().join("a.txt"), story).unwrap();
    let quotes = json(&["quotes", "--format", "json", dir.path().to_str().unwrap()]);
    let got: Vec<(&str, &str, &str)> = quotes
        .iter()
        .map(|q| (q["kind"].as_str().unwrap(), q["verb"].as_str().unwrap_or("-"), q["text"].as_str().unwrap()))
        .collect();
    assert_eq!(got, [("reported", "denied", "his books are anti-religious")]);
    let text = String::from_utf8(byline(&["quotes", dir.path().to_str().unwrap()]).stdout).unwrap();
    assert!(text.contains("Philip Pullman (reported, denied): “his books are anti-religious”"), "{text}");
    // A direct quote has no verb.
    let direct = json(&["quotes", "--format", "json", "--speaker", "Zelensky"]);
    assert!(direct.iter().filter(|q| q["kind"] == "direct").all(|q| q["verb"].is_null()), "{direct:?}");
}

#[test]
fn a_quote_two_articles_carry_is_listed_once_with_the_other() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), STORY).unwrap();
    std::fs::write(dir.path().join("b.txt"), STORY).unwrap();
    let quotes = json(&["quotes", "--format", "json", dir.path().to_str().unwrap()]);
    assert_eq!(quotes.len(), 3, "{quotes:#?}");
    for q in &quotes {
        assert!(q["article"].as_str().unwrap().ends_with("a.txt"));
        let also = q["also_in"].as_array().unwrap();
        assert!(also.len() == 1 && also[0].as_str().unwrap().ends_with("b.txt"), "{q}");
    }
    let text = String::from_utf8(byline(&["quotes", dir.path().to_str().unwrap()]).stdout).unwrap();
    assert!(text.lines().all(|l| l.contains("(also in 1 article)")), "{text}");
}

#[test]
fn speaker_filters_and_an_unknown_one_lists_the_closest_names() {
    let quotes = json(&["quotes", "--speaker", "peskov", "--format", "json"]);
    assert!(!quotes.is_empty());
    assert!(quotes.iter().all(|q| q["speaker"] == "Dmitry Peskov"));
    let o = byline(&["quotes", "--speaker", "Peskof"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("no entity named \"Peskof\"") && err.contains("Dmitry Peskov"), "{err}");
    assert!(o.stdout.is_empty());
}

#[test]
fn csv_has_a_header_and_quotes_fields_with_commas() {
    let o = byline(&["quotes", "--format", "csv"]);
    assert!(o.status.success());
    let mut reader = csv::Reader::from_reader(&o.stdout[..]);
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(header, ["speaker", "speaker_id", "kind", "text", "article", "date", "start", "end", "also_in", "verb"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), json(&["quotes", "--format", "json"]).len());
    // A text with a comma in it comes back whole, so the quoting is right.
    assert!(rows.iter().any(|r| r[3].contains(',') && r.len() == 10));
    let raw = String::from_utf8(o.stdout).unwrap();
    assert!(raw.lines().nth(1).unwrap().starts_with("Volodymyr Zelensky,person:volodymyr-zelensky,"), "{raw}");
}

#[test]
fn text_is_one_line_per_quote_cut_to_fit_and_free_of_controls() {
    let dir = tempfile::tempdir().unwrap();
    let long = "word ".repeat(60);
    let story = format!("Title\n\nDmitry Peskov said: \"{long}\x1b[31m end.\"\n");
    std::fs::write(dir.path().join("a.txt"), story).unwrap();
    let o = byline(&["quotes", dir.path().to_str().unwrap()]);
    let text = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1, "{text}");
    assert!(lines[0].contains(":3:") && lines[0].contains("Dmitry Peskov (direct): “word word"), "{text}");
    assert!(lines[0].ends_with("…”") && lines[0].chars().count() < 200, "{text}");
    assert!(!text.contains('\x1b'));
}
