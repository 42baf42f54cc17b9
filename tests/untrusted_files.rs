//! What a folder someone sent can hold beyond articles: FIFOs, links to devices, to system
//! files or out of the folder, huge or sparse files, deep nesting, unreadable folders. The
//! real binary ends in good time with a reason for each, and reads nothing it should not.

use std::io::{Read, Write};
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Far beyond what any of these takes now, far below what the old hangs took: forever.
const BOUND: Duration = Duration::from_secs(60);

struct Run {
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: String,
}

impl Run {
    fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.stdout).unwrap_or_else(|e| panic!("{e}; stderr: {}", self.stderr))
    }

    /// The paths of the articles exported, relative to `root`.
    fn articles(&self, root: &Path) -> Vec<String> {
        let prefix = format!("{}/", root.display());
        let v = self.json();
        v["articles"].as_array().unwrap().iter().map(|a| a["path"].as_str().unwrap().replace(&prefix, "")).collect()
    }
}

/// Runs byline with `args` and `input` on standard input; kills it if it overruns [`BOUND`],
/// so that a hang fails the test instead of stopping CI.
fn byline(args: &[&str], input: Option<&[u8]>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .env("XDG_CONFIG_HOME", concat!(env!("CARGO_TARGET_TMPDIR"), "/no-config"))
        .stdin(if input.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let writer = input.map(|bytes| {
        let mut stdin = child.stdin.take().unwrap();
        let bytes = bytes.to_vec();
        // byline may stop reading at its limit: a closed pipe is expected then.
        std::thread::spawn(move || drop(stdin.write_all(&bytes)))
    });
    let stdout = drain(child.stdout.take().unwrap());
    let stderr = drain(child.stderr.take().unwrap());
    let code = wait_or_kill(&mut child, args);
    if let Some(writer) = writer {
        writer.join().unwrap();
    }
    Run { code, stdout: stdout.join().unwrap(), stderr: String::from_utf8(stderr.join().unwrap()).unwrap() }
}

fn drain(mut from: impl Read + Send + 'static) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        from.read_to_end(&mut bytes).unwrap();
        bytes
    })
}

fn wait_or_kill(child: &mut Child, args: &[&str]) -> Option<i32> {
    let deadline = Instant::now() + BOUND;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status.code();
        }
        if Instant::now() > deadline {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("byline {args:?} did not end within {BOUND:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn export(paths: &[&Path], extra: &[&str]) -> Run {
    let mut args: Vec<&str> = vec!["export"];
    args.extend(extra);
    args.extend(paths.iter().map(|p| p.to_str().unwrap()));
    byline(&args, None)
}

fn article(path: &Path, title: &str) {
    std::fs::write(path, format!("{title}\n\nSome text about {title}.\n")).unwrap();
}

fn mkfifo(path: &Path) -> bool {
    let made = Command::new("mkfifo").arg(path).status().is_ok_and(|s| s.success());
    if !made {
        eprintln!("skipped: no mkfifo");
    }
    made
}

#[test]
fn fifos_devices_and_huge_files_are_skipped_with_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    article(&root.join("a.txt"), "A readable article");
    if !mkfifo(&root.join("b-fifo.txt")) {
        return;
    }
    symlink("/dev/zero", root.join("c-zero.txt")).unwrap();
    symlink("/dev/tty", root.join("d-tty.txt")).unwrap();
    // 2 GB that take no disk: refused by size, not read.
    std::fs::File::create(root.join("e-sparse.txt")).unwrap().set_len(2 << 30).unwrap();
    for extra in [&[][..], &["--follow-links"]] {
        let run = export(&[root], extra);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        assert_eq!(run.articles(root), ["a.txt"]);
        for (name, reason) in [
            ("b-fifo.txt", "not a regular file"),
            ("c-zero.txt", "a link into /dev"),
            ("d-tty.txt", "a link into /dev"),
            ("e-sparse.txt", "larger than 64 MB"),
        ] {
            assert!(run.stderr.contains(&format!("{name}: {reason}\n")), "{extra:?} {name}: {}", run.stderr);
        }
    }
    // Named directly, a FIFO is still not opened for reading.
    let run = export(&[&root.join("b-fifo.txt")], &[]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("b-fifo.txt: not a regular file"), "{}", run.stderr);
}

#[test]
fn a_file_larger_than_the_limit_is_skipped_and_standard_input_is_capped() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    article(&root.join("a.txt"), "A readable article");
    let big = "Word and more words.\n".repeat((64 << 20) / 21 + 1);
    std::fs::write(root.join("big.txt"), &big).unwrap();
    let run = export(&[root], &[]);
    assert_eq!(run.articles(root), ["a.txt"]);
    assert!(run.stderr.contains("big.txt: larger than 64 MB"), "{}", run.stderr);
    let run = byline(&["export", "-"], Some(big.as_bytes()));
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("no articles in -: larger than 64 MB"), "{}", run.stderr);
}

#[test]
fn links_out_of_the_folders_given_are_not_followed_unless_asked() {
    let outside = tempfile::tempdir().unwrap();
    article(&outside.path().join("secret.txt"), "A secret article");
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join("a")).unwrap();
    article(&root.join("a/one.txt"), "An article inside");
    symlink(root.join("a/one.txt"), root.join("b-inside.txt")).unwrap();
    symlink(outside.path().join("secret.txt"), root.join("c-outside.txt")).unwrap();
    symlink(outside.path(), root.join("d-outside")).unwrap();
    symlink("/proc/self/environ", root.join("e-environ.txt")).unwrap();
    symlink("/proc/self", root.join("g-proc")).unwrap();

    let run = export(&[root], &[]);
    assert_eq!(run.articles(root), ["a/one.txt", "b-inside.txt"]);
    for name in ["c-outside.txt", "d-outside"] {
        assert!(run.stderr.contains(&format!("{name}: a link to outside the folders given\n")), "{}", run.stderr);
    }
    assert!(run.stderr.contains("e-environ.txt: a link into /proc\n"), "{}", run.stderr);
    assert!(run.stderr.contains("g-proc: a link into /proc\n"), "{}", run.stderr);

    let run = export(&[root], &["--follow-links"]);
    let articles = run.articles(root);
    assert!(articles.starts_with(&["a/one.txt".into(), "b-inside.txt".into(), "c-outside.txt".into()]), "{articles:?}");
    assert!(articles.contains(&"d-outside/secret.txt".into()), "{articles:?}");
    assert!(!articles.iter().any(|a| a.contains("environ") || a.starts_with("g-proc")), "{articles:?}");
    assert!(run.stderr.contains("e-environ.txt: a link into /proc\n"), "{}", run.stderr);
    // After the paths too.
    let run = byline(&["export", root.to_str().unwrap(), "--follow-links"], None);
    assert!(run.articles(root).contains(&"c-outside.txt".into()), "{}", run.stderr);
}

#[test]
fn an_unreadable_folder_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    article(&root.join("a.txt"), "A readable article");
    let locked = root.join("locked");
    std::fs::create_dir(&locked).unwrap();
    article(&locked.join("hidden.txt"), "A hidden article");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root can read anything: then the folder loads, and there is nothing to report.
    let readable = std::fs::read_dir(&locked).is_ok();
    let run = export(&[root], &[]);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    if readable {
        eprintln!("skipped: running as root, the folder is readable");
        return;
    }
    assert_eq!(run.articles(root), ["a.txt"]);
    assert!(run.stderr.contains("skipped ") && run.stderr.contains("locked: permission denied\n"), "{}", run.stderr);
}

#[test]
fn deep_nesting_loads_fast_and_link_loops_end() {
    let dir = tempfile::tempdir().unwrap();
    let mut deep = PathBuf::from(dir.path());
    for _ in 0..1000 {
        deep.push("d");
    }
    std::fs::create_dir_all(&deep).unwrap();
    article(&deep.join("deep.txt"), "A deep article");
    symlink(dir.path(), deep.join("loop")).unwrap();
    symlink("self.txt", dir.path().join("self.txt")).unwrap();
    let started = Instant::now();
    let run = export(&[dir.path()], &[]);
    // A canonicalize per folder took 24.5 s on a release build; this takes well under 1 s.
    assert!(started.elapsed() < Duration::from_secs(10), "{:?}", started.elapsed());
    let articles = run.articles(dir.path());
    assert_eq!(articles.len(), 1, "{}", run.stderr);
    assert!(articles[0].ends_with("/d/deep.txt"));
    assert!(run.stderr.contains("self.txt: a symlink loop\n"), "{}", run.stderr);
}

#[test]
fn json_with_a_byte_order_mark_loads() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let item = r#"{"title": "Talks resume", "body": "Dmitry Peskov said so."}"#;
    std::fs::write(root.join("a.json"), format!("\u{feff}[{item}]")).unwrap();
    std::fs::write(root.join("b.jsonl"), format!("\u{feff}{item}\n{item}\n")).unwrap();
    let run = export(&[root], &[]);
    assert_eq!(run.articles(root), ["a.json#1", "b.jsonl#1", "b.jsonl#2"], "{}", run.stderr);
    let run = byline(&["export", "-"], Some(format!("\u{feff}{item}\n").as_bytes()));
    assert_eq!(run.json()["articles"][0]["title"], "Talks resume", "{}", run.stderr);
}

#[test]
fn a_collection_whose_items_all_fail_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.json");
    std::fs::write(&file, r#"[{"title": "No text"}]"#).unwrap();
    let run = export(&[&file], &[]);
    assert_eq!(run.code, Some(2));
    assert_eq!(
        run.stderr,
        format!("byline: no articles in {}: item 1: no text (body, text, maintext or content)\n", file.display())
    );
}

#[test]
fn a_config_that_is_a_fifo_or_a_device_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("config.toml");
    if !mkfifo(&fifo) {
        return;
    }
    for config in [fifo.as_path(), Path::new("/dev/zero")] {
        let run = byline(&["--config", config.to_str().unwrap()], None);
        assert_eq!(run.code, Some(2));
        assert_eq!(run.stderr, format!("byline: {}: not a regular file\n", config.display()));
    }
}

#[test]
fn standard_input_from_a_terminal_is_an_error() {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    let pair = native_pty_system().openpty(PtySize { rows: 24, cols: 80, pixel_width: 0, pixel_height: 0 }).unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_byline"));
    cmd.args(["-"]);
    cmd.env("TERM", "xterm-256color");
    cmd.env("XDG_CONFIG_HOME", concat!(env!("CARGO_TARGET_TMPDIR"), "/no-config"));
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let output = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let mut buf = [0u8; 4096];
        // Ends when the child closes the terminal (EIO on Linux).
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            bytes.extend_from_slice(&buf[..n]);
        }
        bytes
    });
    let deadline = Instant::now() + BOUND;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("byline - on a terminal did not end");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    drop(pair.master);
    let text = String::from_utf8_lossy(&output.join().unwrap()).into_owned();
    assert_eq!(status.exit_code(), 2, "{text}");
    assert!(text.contains("standard input is a terminal; pipe an article in"), "{text}");
    assert!(!text.contains("\u{1b}[?1049h"), "the screen was never set up: {text:?}");
}
