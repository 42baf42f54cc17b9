//! End to end: the real binary in a pseudo-terminal, driven by keys, read through a
//! terminal emulator (vt100), quit with the terminal restored.

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

mod support;

/// Records what the program asked of the terminal beyond drawing.
#[derive(Default)]
struct Requests {
    titles: Vec<Vec<u8>>,
    clipboard: Vec<Vec<u8>>,
    bells: usize,
}

impl vt100::Callbacks for Requests {
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.titles.push(title.to_vec());
    }
    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, name: &[u8]) {
        self.titles.push(name.to_vec());
    }
    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _: &[u8], data: &[u8]) {
        self.clipboard.push(data.to_vec());
    }
    fn audible_bell(&mut self, _: &mut vt100::Screen) {
        self.bells += 1;
    }
}

struct Session {
    parser: vt100::Parser<Requests>,
    output: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    /// Where the state file goes ($XDG_DATA_HOME): never the user's own.
    _data: Option<tempfile::TempDir>,
}

impl Session {
    fn start(rows: u16, cols: u16, args: &[&str]) -> Session {
        Session::start_with(rows, cols, args, &[])
    }

    fn start_with(rows: u16, cols: u16, args: &[&str], env: &[(&str, &str)]) -> Session {
        let data = tempfile::tempdir().unwrap();
        let mut s = Session::start_in(rows, cols, args, env, data.path());
        s._data = Some(data);
        s
    }

    /// A session whose state lives in `data` (as $XDG_DATA_HOME).
    fn start_in(rows: u16, cols: u16, args: &[&str], env: &[(&str, &str)], data: &std::path::Path) -> Session {
        let pair =
            native_pty_system().openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_byline"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_DATA_HOME", data);
        // The defaults, whatever config the machine running the tests has.
        cmd.env("XDG_CONFIG_HOME", concat!(env!("CARGO_TARGET_TMPDIR"), "/no-config"));
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn byline");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let _keep_master_open = pair.master;
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Session {
            parser: vt100::Parser::new_with_callbacks(rows, cols, 0, Requests::default()),
            output,
            writer,
            child,
            _data: None,
        }
    }

    /// Feeds output to the emulator until the screen holds `text` (or panics after 10 s).
    fn wait_for(&mut self, text: &str) {
        self.wait_until(|screen| screen.contains(text));
    }

    /// Feeds output until `done` holds for the screen text (or panics after 10 s).
    fn wait_until(&mut self, done: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !done(&self.parser.screen().contents()) {
            assert!(Instant::now() < deadline, "timed out; screen:\n{}", self.parser.screen().contents());
            if let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(100)) {
                self.parser.process(&bytes);
            }
        }
    }

    /// The names of the persons in the entity pane, top to bottom.
    fn entity_rows(&self) -> Vec<String> {
        let contents = self.parser.screen().contents();
        contents
            .lines()
            .filter_map(|l| {
                let rest =
                    l.strip_prefix("┃ P ").or_else(|| l.strip_prefix("│ P ")).or_else(|| l.strip_prefix("┃▶P "))?;
                let cell: String = rest.chars().take_while(|&c| c != '│' && c != '┃').collect();
                // The name, then spaces, then the count.
                Some(cell.split("  ").next().unwrap_or_default().trim().to_string())
            })
            .collect()
    }

    fn keys(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Waits for the process to end, reading what it prints meanwhile.
    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(50)) {
                self.parser.process(&bytes);
            }
            if let Some(status) = self.child.try_wait().unwrap() {
                while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(200)) {
                    self.parser.process(&bytes);
                }
                return status;
            }
            assert!(Instant::now() < deadline, "byline did not exit");
        }
    }
}

#[test]
fn read_follow_a_person_and_quit_restoring_the_terminal() {
    let mut s = Session::start(24, 80, &[]);
    s.wait_for("Articles");
    assert!(s.parser.screen().alternate_screen(), "the reader uses the alternate screen");
    s.wait_for("Under US Pressure");
    // Entities are indexed in the background; the pane fills when that is done.
    s.wait_for("P Volodymyr Zelensky");

    // Entity pane, select the first person (most mentioned: Zelensky), jump to the next mention.
    s.keys("\t\t\r");
    s.wait_for("Volodymyr Zelensky · mention 1/11");
    s.keys("n");
    s.wait_for("mention 2/11 · article 1/5");
    s.keys("nn");
    s.wait_for("mention 4/11");
    s.keys("n");
    s.wait_for("mention 5/11 · article 2/5");

    s.keys("?");
    s.wait_for("Keys");
    s.wait_for("next search match");
    s.keys("q");
    s.wait_until(|screen| !screen.contains("next search match"));

    // y puts the open article's path on the clipboard with OSC 52, and only that.
    s.keys("y");
    s.wait_for("copied seeds/001");
    assert_eq!(s.parser.callbacks().clipboard, [b"c2VlZHMvMDAxXzU2OGNjZTlhYjM4ZGIwZmMudHh0".to_vec()]);

    s.keys("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    let screen = s.parser.screen();
    assert!(!screen.alternate_screen(), "main screen back");
    assert!(!screen.hide_cursor(), "cursor shown");
}

#[test]
fn y_copies_no_line_break_of_a_collection_url() {
    use base64::prelude::{BASE64_STANDARD, Engine as _};
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("feed.jsonl");
    let item =
        serde_json::json!({"title": "Injected", "text": "Peskov said so.", "url": "https://example.org/a\nrm -rf ~\n"});
    std::fs::write(&feed, item.to_string()).unwrap();
    let mut s = Session::start(24, 100, &[dir.path().to_str().unwrap()]);
    s.wait_for("Injected");
    s.keys("y");
    s.wait_for("not a web address");
    let path = format!("{}#1", feed.display());
    assert_eq!(s.parser.callbacks().clipboard, [BASE64_STANDARD.encode(&path).into_bytes()], "the path, not the url");
    s.keys("\x03");
    assert!(s.wait_exit().success());
}

#[test]
fn ctrl_c_quits_and_restores() {
    let mut s = Session::start(30, 100, &[]);
    s.wait_for("Articles");
    s.keys("\x03");
    let status = s.wait_exit();
    assert!(status.success());
    assert!(!s.parser.screen().alternate_screen());
    assert!(!s.parser.screen().hide_cursor());
    assert_eq!(s.parser.screen().mouse_protocol_mode(), vt100::MouseProtocolMode::None, "mouse reporting off");
}

#[test]
fn hostile_articles_cannot_change_the_title_clipboard_or_ring() {
    let dir = tempfile::tempdir().unwrap();
    support::write_hostile_corpus(dir.path());
    let mut s = Session::start(30, 100, &[dir.path().to_str().unwrap()]);
    s.wait_for("Articles");
    s.wait_for("Escapes");
    // Read every article, scrolled through, in the reader.
    s.keys("\r");
    for _ in 0..8 {
        s.keys("G");
        s.keys("\t\t\tj\t");
    }
    s.keys("L");
    s.wait_for("Skipped files");
    s.keys("q");
    s.keys("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    let requests = s.parser.callbacks();
    assert!(requests.titles.is_empty(), "title changed: {:?}", requests.titles);
    assert!(requests.clipboard.is_empty(), "clipboard written: {:?}", requests.clipboard);
    assert_eq!(requests.bells, 0);
}

#[test]
fn command_line_output_cannot_change_the_title_either() {
    let dir = tempfile::tempdir().unwrap();
    support::write_hostile_corpus(dir.path());
    let path = dir.path().to_str().unwrap();
    for args in [vec!["entities", path], vec!["mentions", "Putin", path], vec!["export", "--format", "jsonl", path]] {
        let mut s = Session::start(30, 100, &args);
        let status = s.wait_exit();
        assert!(status.success(), "{args:?}: {status:?}");
        let requests = s.parser.callbacks();
        assert!(requests.titles.is_empty(), "{args:?} changed the title: {:?}", requests.titles);
        assert!(requests.clipboard.is_empty(), "{args:?} wrote the clipboard");
    }
}

#[test]
fn a_panic_restores_the_terminal_and_says_so() {
    let mut s = Session::start_with(24, 80, &[], &[("BYLINE_TEST_PANIC", "1"), ("RUST_BACKTRACE", "0")]);
    let status = s.wait_exit();
    assert!(!status.success());
    let screen = s.parser.screen();
    assert!(!screen.alternate_screen(), "main screen back");
    assert!(!screen.hide_cursor(), "cursor shown");
    assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None, "mouse reporting off");
    assert!(screen.contents().contains("BYLINE_TEST_PANIC is set"), "{}", screen.contents());
    // Raw mode is off: the terminal turns a typed line feed into CR LF again.
}

#[test]
fn read_marks_stars_and_the_place_survive_a_restart() {
    let data = tempfile::tempdir().unwrap();
    let mut s = Session::start_in(30, 100, &[], &[], data.path());
    s.wait_for("5 unread");
    // Third article: open it (read), scroll a page, star it, quit.
    s.keys("jj\r");
    s.wait_for("4 unread");
    s.keys(" s");
    s.wait_for("starred");
    s.keys("q");
    assert!(s.wait_exit().success());
    let state = std::fs::read_to_string(data.path().join("byline/state.json")).expect("state saved on quit");
    assert!(state.contains("\"read\"") && state.contains("\"seeds\""), "{state}");

    let mut s = Session::start_in(30, 100, &[], &[], data.path());
    s.wait_for("4 unread");
    // The same article is open, scrolled as it was, and starred.
    s.wait_until(|screen| screen.contains("Reader") && screen.lines().any(|l| l.contains("★")));
    s.keys("\t");
    s.wait_for("Reader · article 3/5");
    let screen = s.parser.screen().contents();
    assert!(!screen.contains("These talks come as speculation"), "the reader is scrolled past the top:\n{screen}");
    // A click (SGR mouse report, 1-based) on the first entity row selects that entity.
    assert_ne!(s.parser.screen().mouse_protocol_mode(), vt100::MouseProtocolMode::None, "the mouse is on");
    s.wait_until(|screen| screen.lines().any(|l| l.starts_with("│ P ")));
    let y = s.parser.screen().contents().lines().position(|l| l.starts_with("│ P ")).unwrap() + 1;
    s.keys(&format!("\x1b[<0;5;{y}M\x1b[<0;5;{y}m"));
    s.wait_for("· mention 1/");
    s.keys("S");
    s.wait_for("· ★");
    s.wait_for("· article 1/1  ");
    s.keys("q");
    assert!(s.wait_exit().success());
}

#[test]
fn the_mouse_can_be_turned_off_in_the_config() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "mouse = false\n").unwrap();
    let mut s = Session::start(24, 80, &["--config", config.to_str().unwrap()]);
    s.wait_for("Articles");
    assert_eq!(s.parser.screen().mouse_protocol_mode(), vt100::MouseProtocolMode::None, "no mouse reporting");
    s.keys("q");
    assert!(s.wait_exit().success());

    let mut s = Session::start(24, 80, &[]);
    s.wait_for("Articles");
    assert_ne!(s.parser.screen().mouse_protocol_mode(), vt100::MouseProtocolMode::None, "on by default");
    s.keys("q");
    assert!(s.wait_exit().success());
}

#[test]
fn a_corrupt_state_file_is_kept_aside_and_said_so() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().join("byline");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("state.json"), b"{\"version\": 1, \"read\": [").unwrap();
    let mut s = Session::start_in(30, 120, &[], &[], data.path());
    s.wait_for("kept as");
    s.keys("\r");
    s.wait_for("4 unread");
    s.keys("q");
    assert!(s.wait_exit().success());
    let names: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    let backup = names.iter().find(|n| n.starts_with("state.json.bak-")).expect("a backup");
    assert_eq!(std::fs::read(dir.join(backup)).unwrap(), b"{\"version\": 1, \"read\": [", "kept as it was");
    let state: serde_json::Value = serde_json::from_slice(&std::fs::read(dir.join("state.json")).unwrap()).unwrap();
    assert_eq!(state["read"].as_object().unwrap().len(), 1, "a fresh state with the one article read");
}

#[test]
fn background_work_shows_without_a_key_press() {
    let mut s = Session::start(30, 120, &[]);
    // Indexing, then the quotes for dossiers: each shows up on its own, no key needed.
    s.wait_for("P Volodymyr Zelensky");
    s.wait_until(|screen| !screen.contains("finding quotes") && !screen.contains("indexing"));
    s.keys("\t\ti");
    s.wait_for("Dossier Volodymyr Zelensky");
    s.keys("\x03");
    assert!(s.wait_exit().success());
}

#[test]
fn esc_after_following_a_dossier_quote_keeps_running_and_ctrl_o_goes_back() {
    let mut s = Session::start(30, 100, &[]);
    s.wait_for("Articles");
    // Entities are listed once the index is built in the background.
    s.wait_for("P Volodymyr Zelensky");
    // Tab Tab a g Enter i j Enter: follow a quote from the dossier into the reader.
    s.keys("\t\tag\r");
    s.wait_for(" · mention");
    // The dossier opens once the quotes are found, also in the background.
    for _ in 0..50 {
        s.keys("i");
        s.wait_until(|screen| screen.contains("Dossier · item") || screen.contains("quotes are still"));
        if s.parser.screen().contents().contains("Dossier · item") {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    s.wait_for("Dossier · item");
    s.keys("j\r");
    s.wait_until(|screen| !screen.contains("Dossier · item"));
    s.keys("\x1b");
    s.wait_for("q quits");
    assert!(s.child.try_wait().unwrap().is_none(), "Esc did not quit");
    // Ctrl-O: back where the jump left, in the dossier on the item followed.
    s.keys("\x0f");
    s.wait_for("Dossier · item 2/");
    s.keys("q");
    assert!(s.wait_exit().success());
}

/// The reader's correction keys end to end: merge two entities in the reader, quit, start
/// again: they are still one (the corrections live in the session's XDG_DATA_HOME).
#[test]
fn merge_in_the_reader_quit_restart_still_merged() {
    let data = tempfile::tempdir().unwrap();
    let mut s = Session::start_in(30, 100, &[], &[], data.path());
    s.wait_for("P Volodymyr Zelensky");
    let rows = s.entity_rows();
    assert!(rows.len() >= 2 && rows[0] == "Volodymyr Zelensky", "{rows:?}");
    let other = rows[1].clone();
    // The entity pane, the first person marked, the next one merged into it.
    s.keys("\t\tM");
    s.wait_for("merge: Volodymyr Zelensky marked");
    s.keys("jM");
    s.wait_for("merged ");
    s.wait_until(|screen| !screen.contains(&format!("P {other} ")));
    s.keys("q");
    s.wait_exit();
    let file = std::fs::read_to_string(data.path().join("byline/corrections.toml")).unwrap();
    assert!(file.contains("do = \"merge\"") && file.contains("entity = \"person:volodymyr-zelensky\""), "{file}");
    assert!(file.contains("by a merge in the reader"), "the comment says where it was made: {file}");

    let mut s = Session::start_in(30, 100, &[], &[], data.path());
    s.wait_for("P Volodymyr Zelensky");
    let rows = s.entity_rows();
    assert!(!rows.contains(&other), "{other} is still merged: {rows:?}");
    // Undo in the reader brings it back.
    s.keys("Z");
    s.wait_for("undone: merge");
    s.wait_until(|screen| screen.contains(&format!("P {other}")));
    // A rename in the prompt.
    s.keys("\t\tR");
    s.wait_for("rename Volodymyr Zelensky to:");
    s.keys("President Zelensky\r");
    s.wait_for("renamed Volodymyr Zelensky");
    s.wait_for("P President Zelensky");
    s.keys("q");
    s.wait_exit();
}

/// A correction whose entity is gone is reported at startup, and `C` lists it as such.
#[test]
fn a_stale_correction_is_reported_at_startup_and_listed() {
    let data = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(data.path().join("byline")).unwrap();
    let gone =
        "[[correction]]\ndo = \"kind\"\nentity = \"person:dollar-baby\"\nname = \"Dollar Baby\"\nkind = \"none\"\n";
    std::fs::write(data.path().join("byline/corrections.toml"), gone).unwrap();
    let mut s = Session::start_in(30, 100, &[], &[], data.path());
    s.wait_for("1 correction names an entity no longer here");
    s.keys("C");
    s.wait_for("Corrections in effect");
    s.wait_for("entity no longer exists");
    s.keys("C");
    s.wait_until(|screen| !screen.contains("Corrections in effect"));
    s.keys("q");
    assert!(s.wait_exit().success());
}
