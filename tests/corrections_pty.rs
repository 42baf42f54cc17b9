//! The reader's correction keys end to end: merge two entities in the reader, quit, start
//! again: they are still one. The corrections live in a temporary XDG_DATA_HOME.

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

struct Session {
    parser: vt100::Parser,
    output: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Session {
    fn start(data: &std::path::Path) -> Session {
        let pair =
            native_pty_system().openpty(PtySize { rows: 30, cols: 100, pixel_width: 0, pixel_height: 0 }).unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_byline"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_DATA_HOME", data);
        cmd.env("XDG_CONFIG_HOME", concat!(env!("CARGO_TARGET_TMPDIR"), "/no-config"));
        let child = pair.slave.spawn_command(cmd).unwrap();
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
        Session { parser: vt100::Parser::new(30, 100, 0), output, writer, child }
    }

    /// Feeds output to the emulator until `done` holds for the screen (panics after 20 s).
    fn wait_until(&mut self, done: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while !done(&self.parser.screen().contents()) {
            assert!(Instant::now() < deadline, "timed out; screen:\n{}", self.parser.screen().contents());
            if let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(100)) {
                self.parser.process(&bytes);
            }
        }
    }

    fn wait_for(&mut self, text: &str) {
        self.wait_until(|screen| screen.contains(text));
    }

    fn keys(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    fn quit(&mut self) {
        self.keys("q");
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.child.try_wait().unwrap().is_none() {
            assert!(Instant::now() < deadline, "byline did not exit");
            let _ = self.output.recv_timeout(Duration::from_millis(50));
        }
    }

    /// The names in the entity pane, top to bottom.
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
}

#[test]
fn merge_in_the_reader_quit_restart_still_merged() {
    let data = tempfile::tempdir().unwrap();
    let mut s = Session::start(data.path());
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
    s.quit();
    let file = std::fs::read_to_string(data.path().join("byline/corrections.toml")).unwrap();
    assert!(file.contains("do = \"merge\"") && file.contains("entity = \"person:volodymyr-zelensky\""), "{file}");
    assert!(file.contains("by a merge in the reader"), "the comment says where it was made: {file}");

    let mut s = Session::start(data.path());
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
    s.quit();
}
