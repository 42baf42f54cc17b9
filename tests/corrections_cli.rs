//! `byline correct …` and the other subcommands seeing its corrections, on the real binary.
//! Every run has XDG_DATA_HOME in a temporary folder: the user's own files are never touched.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        Sandbox { dir: tempfile::tempdir().unwrap() }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn file(&self) -> PathBuf {
        self.path("corrections.toml")
    }

    /// byline with `args`, the corrections in [`Sandbox::file`].
    fn run(&self, args: &[&str]) -> Output {
        let mut all: Vec<&str> = args.to_vec();
        let file = self.file();
        all.extend(["--corrections", file.to_str().unwrap()]);
        self.bare(&all)
    }

    fn bare(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_byline"))
            .args(args)
            .env("XDG_DATA_HOME", self.path("data"))
            .env("XDG_CONFIG_HOME", self.path("config"))
            .output()
            .unwrap()
    }

    fn ok(&self, args: &[&str]) -> String {
        let o = self.run(args);
        assert!(o.status.success(), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8(o.stdout).unwrap()
    }

    fn export(&self, paths: &[&str]) -> serde_json::Value {
        let mut args = vec!["export"];
        args.extend(paths);
        serde_json::from_str(&self.ok(&args)).unwrap()
    }

    /// A corpus folder of `(file name, text)`.
    fn corpus(&self, files: &[(&str, &str)]) -> String {
        let dir = self.path("articles");
        std::fs::create_dir_all(&dir).unwrap();
        for (name, text) in files {
            std::fs::write(dir.join(name), text).unwrap();
        }
        dir.to_str().unwrap().to_string()
    }
}

fn entity<'v>(export: &'v serde_json::Value, id: &str) -> Option<&'v serde_json::Value> {
    export["entities"].as_array().unwrap().iter().find(|e| e["id"] == id)
}

fn aliases(e: &serde_json::Value) -> Vec<String> {
    e["aliases"].as_array().unwrap().iter().map(|a| a.as_str().unwrap().to_string()).collect()
}

/// (path, text, entity) of every mention.
fn mentions(export: &serde_json::Value) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for a in export["articles"].as_array().unwrap() {
        for m in a["mentions"].as_array().unwrap() {
            let s = |v: &serde_json::Value| v.as_str().unwrap().to_string();
            out.push((s(&a["path"]), s(&m["text"]), s(&m["entity"])));
        }
    }
    out
}

#[test]
fn merge_then_export_shows_one_entity_with_both_alias_sets() {
    let sandbox = Sandbox::new();
    let before = sandbox.export(&[]);
    let putin = aliases(entity(&before, "person:vladimir-putin").unwrap());
    let zelensky = aliases(entity(&before, "person:volodymyr-zelensky").unwrap());
    let said = sandbox.ok(&["correct", "merge", "putin", "Zelenskyy"]);
    assert!(said.contains("merged Volodymyr Zelensky") && said.contains("into Vladimir Putin"), "{said}");
    let after = sandbox.export(&[]);
    assert!(entity(&after, "person:volodymyr-zelensky").is_none());
    let merged = entity(&after, "person:vladimir-putin").unwrap();
    assert_eq!(merged["name"], "Vladimir Putin");
    let all = aliases(merged);
    for alias in putin.iter().chain(&zelensky) {
        assert!(all.contains(alias), "{alias} in {all:?}");
    }
    // Every other subcommand sees it too, and the option may come before the subcommand.
    let file = sandbox.file();
    let o = sandbox.bare(&["--corrections", file.to_str().unwrap(), "mentions", "Zelensky"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("Putin"), "{}", String::from_utf8_lossy(&o.stderr));
    let table = sandbox.ok(&["entities"]);
    assert!(!table.lines().any(|l| l.starts_with("Volodymyr Zelensky")), "{table}");
    let dossier = sandbox.ok(&["dossier", "Zelensky", "--format", "json"]);
    assert!(dossier.contains("person:vladimir-putin"), "{dossier}");
}

#[test]
fn split_moves_exactly_the_named_mentions() {
    let sandbox = Sandbox::new();
    let dir = sandbox.corpus(&[
        ("politics.txt", "Prime Minister Tony Blair spoke. Later Blair left the room.\n"),
        ("rugby.txt", "Tony Blair watched. Scrum-half Blair scored, and Blair kicked.\n"),
    ]);
    let before = mentions(&sandbox.export(&[&dir]));
    let rugby = format!("{dir}/rugby.txt");
    let said = sandbox.ok(&["correct", "split", "Tony Blair", "blair", "--in", &rugby, &dir]);
    assert!(said.contains("split 2 mentions written \"Blair\""), "{said}");
    let after = mentions(&sandbox.export(&[&dir]));
    assert_eq!(before.len(), after.len());
    for (b, a) in before.iter().zip(&after) {
        let named = b.0.ends_with("rugby.txt") && b.1 == "Blair";
        if named {
            assert_eq!((b.2.as_str(), a.2.as_str()), ("person:tony-blair", "person:blair"), "{b:?}");
        } else {
            assert_eq!(b, a);
        }
    }
    assert!(after.iter().any(|m| m.1 == "Blair" && m.2 == "person:tony-blair"), "politics keeps its Blair");
    // One mention is one, not "1 mentions".
    let politics = format!("{dir}/politics.txt");
    let said = sandbox.ok(&["correct", "split", "Tony Blair", "blair", "--in", &politics, &dir]);
    assert!(said.contains("split 1 mention written \"Blair\""), "{said}");
}

#[test]
fn kind_none_removes_the_entity_and_its_mentions() {
    let sandbox = Sandbox::new();
    assert!(entity(&sandbox.export(&[]), "organisation:kremlin").is_some());
    let said = sandbox.ok(&["correct", "kind", "kremlin", "none"]);
    assert!(said.contains("7 mentions removed"), "{said}");
    let after = sandbox.export(&[]);
    assert!(entity(&after, "organisation:kremlin").is_none());
    assert!(mentions(&after).iter().all(|m| m.2 != "organisation:kremlin" && m.1 != "Kremlin"));
    // Another kind keeps the mentions under the new kind.
    sandbox.ok(&["correct", "undo"]);
    sandbox.ok(&["correct", "kind", "Kremlin", "place"]);
    assert_eq!(entity(&sandbox.export(&[]), "place:kremlin").unwrap()["mentions"], 7);
    // The kind it has already is no correction: nothing is written.
    let file = std::fs::read(sandbox.file()).unwrap();
    let o = sandbox.run(&["correct", "kind", "Kremlin", "place"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("is kind place already"), "{o:?}");
    assert_eq!(std::fs::read(sandbox.file()).unwrap(), file);
}

#[test]
fn never_keeps_apart_two_the_rules_would_merge() {
    let sandbox = Sandbox::new();
    let dir = sandbox.corpus(&[
        ("a.txt", "Treasury spokesman Vince Cable said no.\n"),
        ("b.txt", "Then MP Vincent Cable wrote a letter.\n"),
    ]);
    let before = sandbox.export(&[&dir]);
    assert!(entity(&before, "person:vincent-cable").is_none(), "the rules merge them");
    sandbox.ok(&["correct", "never", "Vince Cable", "Vincent Cable", &dir]);
    let after = sandbox.export(&[&dir]);
    assert_eq!(entity(&after, "person:vincent-cable").unwrap()["name"], "Vincent Cable");
    assert_eq!(entity(&after, "person:vince-cable").unwrap()["mentions"], 1);
}

#[test]
fn undo_restores_the_file_byte_for_byte() {
    let sandbox = Sandbox::new();
    let hand = "# my own notes\n[[correction]]\ndo = \"rename\"\nentity = \"person:donald-trump\"\nname = \"Donald Trump\"\nto = \"President Trump\"";
    std::fs::write(sandbox.file(), hand).unwrap();
    sandbox.ok(&["correct", "rename", "Trump", "The Donald"]);
    let one = std::fs::read(sandbox.file()).unwrap();
    sandbox.ok(&["correct", "merge", "Putin", "Peskov"]);
    let said = sandbox.ok(&["correct", "list"]);
    assert_eq!(said.lines().count(), 3, "{said}");
    assert!(said.contains("merge \"Dmitry Peskov\"") && said.contains("mentions"), "{said}");
    assert!(sandbox.ok(&["correct", "undo"]).contains("undone: merge"));
    assert_eq!(std::fs::read(sandbox.file()).unwrap(), one);
    sandbox.ok(&["correct", "undo"]);
    assert_eq!(std::fs::read_to_string(sandbox.file()).unwrap(), hand);
}

#[test]
fn a_corrupt_file_is_an_error_naming_its_line_and_nothing_is_overwritten() {
    let sandbox = Sandbox::new();
    let bad = "[[correction]]\ndo = \"merge\"\nentity = \"person:a\"\nname = \"A\n";
    std::fs::write(sandbox.file(), bad).unwrap();
    for args in [&["export"][..], &["correct", "merge", "Putin", "Trump"], &["correct", "undo"], &["entities"]] {
        let o = sandbox.run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        let path = sandbox.file();
        assert!(err.starts_with(&format!("byline: {}: line 4: ", path.display())), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert_eq!(std::fs::read_to_string(sandbox.file()).unwrap(), bad);
    }
}

#[test]
fn unknown_or_ambiguous_names_list_the_candidates_and_exit_1() {
    let sandbox = Sandbox::new();
    let o = sandbox.run(&["correct", "rename", "Puttin", "X"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("closest: Vladimir Putin"));
    let dir = sandbox.corpus(&[
        ("a.txt", "Chancellor Gordon Brown spoke. Mr Brown left.\n"),
        ("b.txt", "Singer James Brown sang. Mr Brown smiled.\n"),
    ]);
    let o = sandbox.run(&["correct", "kind", "brown", "none", &dir]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("ambiguous") && err.contains("person:gordon-brown") && err.contains("person:james-brown"),
        "{err}"
    );
    assert!(!sandbox.file().exists(), "nothing written");
}

#[test]
fn the_default_file_is_in_xdg_data_home_and_a_gone_entity_is_reported() {
    let sandbox = Sandbox::new();
    let o = sandbox.bare(&["correct", "kind", "Kremlin", "place"]);
    assert!(o.status.success());
    let default = sandbox.path("data/byline/corrections.toml");
    let text = std::fs::read_to_string(&default).unwrap();
    assert!(text.starts_with("# made ") && text.contains("# matched Kremlin (organisation:kremlin"), "{text}");
    // In a corpus without the Kremlin, the correction is kept and does nothing.
    let dir = sandbox.corpus(&[("a.txt", "Chancellor Gordon Brown spoke.\n")]);
    let o = sandbox.bare(&["correct", "list", &dir]);
    let said = String::from_utf8_lossy(&o.stdout);
    assert!(said.contains("entity no longer exists: kept, does nothing"), "{said}");
    assert!(Path::new(&default).exists());
}

#[test]
fn never_on_a_one_word_alias_keeps_it_off_the_full_name() {
    let sandbox = Sandbox::new();
    let dir = sandbox.corpus(&[
        ("politics.txt", "Prime Minister Tony Blair spoke. Later Blair left the room.\n"),
        ("rugby.txt", "Scrum-half Blair scored, and Blair kicked.\n"),
    ]);
    let blairs = |export: &serde_json::Value| -> Vec<String> {
        mentions(export).into_iter().filter(|m| m.1 == "Blair").map(|m| m.2).collect()
    };
    assert_eq!(blairs(&sandbox.export(&[&dir])), ["person:tony-blair"; 3], "the rules join them");
    // The alias first, the full name second.
    let said = sandbox.ok(&["correct", "never", "Blair", "Tony Blair", &dir]);
    assert!(said.contains("\"Blair\" (person:blair) are never merged"), "{said}");
    let after = sandbox.export(&[&dir]);
    assert_eq!(blairs(&after), ["person:blair"; 3]);
    assert_eq!(entity(&after, "person:tony-blair").unwrap()["mentions"], 1);
}

#[test]
fn a_correction_that_contradicts_an_earlier_one_is_refused_naming_it() {
    let sandbox = Sandbox::new();
    sandbox.ok(&["correct", "rename", "Kremlin", "The Kremlin"]);
    sandbox.ok(&["correct", "never", "Putin", "Zelensky"]);
    let file = std::fs::read(sandbox.file()).unwrap();
    let o = sandbox.run(&["correct", "merge", "Zelensky", "Putin"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.starts_with("byline: refused: correction 2 says otherwise (never merge"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(std::fs::read(sandbox.file()).unwrap(), file, "nothing is written");
    // And a never of two merged.
    sandbox.ok(&["correct", "undo"]);
    sandbox.ok(&["correct", "merge", "Putin", "Zelensky"]);
    let file = std::fs::read(sandbox.file()).unwrap();
    let o = sandbox.run(&["correct", "never", "Putin", "Volodymyr Zelensky"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("refused: correction 2 says otherwise (merge \"Volodymyr Zelensky\""), "{err}");
    assert_eq!(std::fs::read(sandbox.file()).unwrap(), file);
}
