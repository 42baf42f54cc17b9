//! The real binary's command line: export, entities, mentions, and bad input.

mod support;

use std::process::{Command, Output};

fn byline(args: &[&str]) -> Output {
    support::byline_command().args(args).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn export_json_has_the_schema() {
    let o = byline(&["export", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let articles = v["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 5);
    let a = &articles[2];
    assert_eq!(a["path"], "seeds/002_4e20828765b51fc9.txt");
    assert_eq!(a["id"], "seeds/002_4e20828765b51fc9");
    assert_eq!(a["source"], "BBC");
    assert_eq!(a["date"], "2025-04-23");
    assert_eq!(articles[0]["date"], serde_json::Value::Null);
    for key in ["title", "body", "mentions"] {
        assert!(!a[key].is_null(), "{key}");
    }
    let m = &a["mentions"][0];
    for key in ["entity", "field", "start", "end", "text"] {
        assert!(!m[key].is_null(), "mention {key}");
    }
    let putin = v["entities"].as_array().unwrap().iter().find(|e| e["id"] == "person:vladimir-putin").unwrap();
    assert_eq!(putin["name"], "Vladimir Putin");
    assert_eq!(putin["kind"], "person");
    assert_eq!(putin["mentions"], 23);
    assert_eq!(putin["articles"], 5);
    assert!(putin["aliases"].as_array().unwrap().iter().any(|a| a == "Putin"));
}

#[test]
fn export_jsonl_is_one_article_a_line_then_entities() {
    let o = byline(&["export", "--format", "jsonl"]);
    assert!(o.status.success());
    let text = stdout(&o);
    let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 6);
    assert!(lines[..5].iter().all(|l| l["path"].is_string() && l["mentions"].is_array()));
    assert!(lines[5]["entities"].as_array().unwrap().len() > 10);
}

#[test]
fn export_reads_folders_and_files_as_given() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("note.txt");
    std::fs::write(&file, "Talks resume\n\nKremlin spokesperson Dmitry Peskov said talks resume.").unwrap();
    let path = file.to_str().unwrap();
    let o = byline(&["export", path]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["articles"][0]["path"], path);
    assert_eq!(v["articles"][0]["title"], "Talks resume");
    assert!(v["entities"].as_array().unwrap().iter().any(|e| e["id"] == "person:dmitry-peskov"));
}

#[test]
fn entities_table_most_mentioned_first() {
    let o = byline(&["entities", "--kind", "person"]);
    assert!(o.status.success());
    let text = stdout(&o);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("NAME"), "{text}");
    assert!(lines[1].starts_with("Vladimir Putin") || lines[1].starts_with("Donald Trump"), "{text}");
    assert!(lines.iter().skip(1).all(|l| l.contains(" person ")));
    let keir = lines.iter().find(|l| l.starts_with("Keir Starmer")).unwrap();
    assert!(keir.contains("Keir") && keir.contains("person"));
    let bad = byline(&["entities", "--kind", "animal"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn mentions_are_grep_like() {
    let o = byline(&["mentions", "zelenskyy"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert_eq!(text.lines().count(), 12, "{text}");
    let first = text.lines().next().unwrap();
    assert!(first.starts_with("seeds/000_5084445d54080158.txt:3:"), "{first}");
    assert!(first.contains("Zelensky"));
    // Column points at the mention: line 3 of seed 000 is the first body line.
    let col: usize = first.split(':').nth(2).unwrap().parse().unwrap();
    let line = include_str!("../seeds/000_5084445d54080158.txt").lines().nth(2).unwrap();
    assert!(line.chars().skip(col - 1).collect::<String>().starts_with("Zelensky"));
}

#[test]
fn unknown_name_suggests_and_exits_1() {
    let o = byline(&["mentions", "Puttin"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("Vladimir Putin"), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
}

#[test]
fn bad_paths_exit_2_with_one_line() {
    let o = byline(&["/no/such/place"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("/no/such/place"));
    assert!(o.stdout.is_empty(), "terminal untouched");

    let empty = tempfile::tempdir().unwrap();
    let o = byline(&["export", empty.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no articles"));
}

#[test]
fn encodings_are_reported_and_bad_files_skipped_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), b"Latin one here\n\nCaf\xe9 costs \xa35.").unwrap();
    std::fs::write(dir.path().join("b.txt"), "Good bytes here\n\nFine text.").unwrap();
    std::fs::write(dir.path().join("c.txt"), [b"Mixed bytes here\n\nCaf\xc3\xa9 ".as_slice(), b"\xff."].concat())
        .unwrap();
    std::fs::write(dir.path().join("d.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\x08\x06\0\0\0").unwrap();
    std::fs::write(dir.path().join("e.txt"), "  \n\n ").unwrap();
    let o = byline(&["export", dir.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("1 file had bytes that are not UTF-8"), "{err}");
    assert!(err.contains("1 file was not UTF-8: read as Windows-1252"), "{err}");
    assert!(err.contains("d.txt: binary file"), "{err}");
    assert!(err.contains("e.txt: empty"), "{err}");
    assert!(err.contains("2 files skipped"), "{err}");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let articles = v["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 3);
    assert_eq!(articles[0]["body"], "Café costs £5.");
    assert_eq!(articles[2]["body"], "Café \u{fffd}.");
}

#[test]
fn the_latin1_bbc_file_shows_its_pound_sign() {
    let Some(file) = support::shared::shared("corpora/bbc/sport/199.txt") else { return };
    let o = byline(&["export", file.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let body = v["articles"][0]["body"].as_str().unwrap();
    assert!(body.contains('£') && !body.contains('\u{fffd}'), "{body}");
}

#[test]
fn reader_refuses_a_pipe() {
    let o = byline(&[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("needs a terminal"));
}

#[test]
fn json_and_jsonl_collections_load_item_by_item() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("feed.jsonl"),
        "{\"title\": \"Talks resume\", \"maintext\": \"Kremlin spokesperson Dmitry Peskov said so.\", \"source_domain\": \"example.org\"}\n{\"title\": \"Empty item\"}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("more.json"),
        r#"[{"title": "Second", "text": "Peskov said it again.", "date": "2025-05-16"}]"#,
    )
    .unwrap();
    let o = byline(&["export", dir.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("feed.jsonl#2: no text"), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let articles = v["articles"].as_array().unwrap();
    let paths: Vec<&str> = articles.iter().map(|a| a["path"].as_str().unwrap().rsplit('/').next().unwrap()).collect();
    assert_eq!(paths, ["feed.jsonl#1", "more.json#1"]);
    assert_eq!(articles[0]["source"], "example.org");
    assert_eq!(articles[1]["date"], "2025-05-16");
    let peskov = v["entities"].as_array().unwrap().iter().find(|e| e["id"] == "person:dmitry-peskov").unwrap();
    assert_eq!(peskov["articles"], 2, "linked across the two files");
}

/// Runs byline with `input` on standard input.
fn byline_stdin(args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn dash_reads_one_article_or_json_lines_from_standard_input() {
    let o = byline_stdin(&["export", "-"], "Talks resume\n\nKremlin spokesperson Dmitry Peskov said so.\n");
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["articles"][0]["path"], "-");
    assert_eq!(v["articles"][0]["title"], "Talks resume");

    let jsonl =
        "{\"title\": \"One\", \"text\": \"Peskov said one.\"}\n{\"title\": \"Two\", \"text\": \"Peskov said two.\"}\n";
    let o = byline_stdin(&["mentions", "Peskov", "-"], jsonl);
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<String> = stdout(&o).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0].starts_with("-#1:1:") && lines[1].starts_with("-#2:2:"), "{lines:?}");
}

/// `/dev/full` as a child's stdout or stderr: every write to it fails (no space left).
fn dev_full() -> std::process::Stdio {
    std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap().into()
}

/// The write end of a pipe whose read end is already closed: every write is a broken pipe.
fn closed_pipe() -> std::process::Stdio {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    writer.into()
}

/// Runs byline with its config looked for in an empty folder, `stdout` and `stderr` as given.
fn byline_into(args: &[&str], stdout: std::process::Stdio, stderr: std::process::Stdio) -> Output {
    let dir = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .env("XDG_CONFIG_HOME", dir.path())
        .stdin(std::process::Stdio::null())
        .stdout(stdout)
        .stderr(stderr)
        .output()
        .unwrap()
}

#[test]
fn output_that_cannot_be_written_is_no_panic() {
    use std::process::Stdio;
    // --print-config into a closed pipe ends quietly, as `export | head` does.
    let o = byline_into(&["--print-config"], closed_pipe(), Stdio::piped());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(o.stderr.is_empty(), "{}", stderr(&o));
    // Into a full disk: one line saying so, exit 1.
    let o = byline_into(&["--print-config"], dev_full(), Stdio::piped());
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(stderr(&o), "byline: cannot write output: No space left on device (os error 28)\n");
    let o = byline_into(&["--print-config"], dev_full(), dev_full());
    assert_eq!(o.status.code(), Some(1));
    // Error messages into a stderr that takes nothing: the exit code still tells.
    let bad_config = ["--config", "/no/such/config.toml"];
    for (args, code) in [(&bad_config[..], 2), (&["/no/such/place"], 2), (&["mentions", "Puttin"], 1)] {
        for err in [dev_full(), closed_pipe()] {
            let o = byline_into(args, Stdio::piped(), err);
            assert_eq!(o.status.code(), Some(code), "{args:?}");
            assert!(o.stdout.is_empty(), "{args:?}");
        }
    }
}

#[test]
fn a_subcommand_typo_gets_did_you_mean() {
    let o = byline(&["dosier", "Putin"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("unrecognized subcommand 'dosier'") && err.contains("'dossier'"), "{err}");
    assert!(!err.contains("no such file"), "{err}");
}

#[test]
fn the_config_option_may_come_before_a_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("f.toml");
    std::fs::write(&config, "mouse = true\n").unwrap();
    let o = byline(&["--config", config.to_str().unwrap(), "entities"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Vladimir Putin"));
}

#[test]
fn closest_names_are_only_those_that_are_close() {
    let o = byline(&["mentions", "Zzyzx Qqq"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(!err.contains("closest"), "nothing is close: {err}");
    let err = stderr(&byline(&["mentions", "Vladmir Putn"]));
    assert!(err.contains("closest: Vladimir Putin") && !err.contains(','), "{err}");
}

#[test]
fn mentions_takes_a_person_by_an_honorific_form() {
    let o = byline(&["mentions", "Mr Healey"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Healey"));
    let Some(bbc) = support::shared::shared("corpora/bbc") else { return };
    let o = byline(&["mentions", "Ms Hewitt", bbc.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Patricia Hewitt"), "the woman of that name");
}
