//! End to end, the ways the reader ends or pauses besides `q`: signals, Ctrl-Z, the terminal
//! window closing, a save that fails, a huge window. Each time the terminal is restored
//! (main screen, mouse and paste reporting off, cursor shown, cooked mode) and the read
//! marks are saved.
//!
//! The pseudo-terminal is read on the test's own thread, so that dropping it really closes
//! the terminal (as closing a window does).

use std::io::{Read, Write};
use std::os::fd::RawFd;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, MasterPty, PtySize, native_pty_system};

struct Pty {
    parser: vt100::Parser,
    master: Option<Box<dyn MasterPty + Send>>,
    reader: Option<Box<dyn Read + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    fd: RawFd,
    data: tempfile::TempDir,
}

const PATIENCE: Duration = Duration::from_secs(10);

impl Pty {
    /// byline with `args`, its state in a folder of its own.
    fn byline(args: &[&str]) -> Pty {
        Pty::spawn(24, 80, env!("CARGO_BIN_EXE_byline"), args, None)
    }

    fn spawn(rows: u16, cols: u16, program: &str, args: &[&str], data: Option<tempfile::TempDir>) -> Pty {
        let data = data.unwrap_or_else(|| tempfile::tempdir().unwrap());
        let pair =
            native_pty_system().openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).expect("open a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_DATA_HOME", data.path());
        cmd.env("XDG_CONFIG_HOME", concat!(env!("CARGO_TARGET_TMPDIR"), "/no-config"));
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        drop(pair.slave);
        let fd = pair.master.as_raw_fd().expect("a unix pty");
        let reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        // The emulator only needs the top left corner of a huge window.
        let parser = vt100::Parser::new(rows.min(200), cols.min(300), 0);
        Pty { parser, master: Some(pair.master), reader: Some(reader), writer: Some(writer), child, fd, data }
    }

    fn state_dir(&self) -> PathBuf {
        self.data.path().join("byline")
    }

    fn pid(&self) -> i32 {
        self.child.process_id().unwrap() as i32
    }

    /// Reads what is there (waiting up to `wait`); false once the terminal has nothing more.
    fn pump(&mut self, wait: Duration) -> bool {
        let Some(reader) = self.reader.as_mut() else { return false };
        let mut poll = libc::pollfd { fd: self.fd, events: libc::POLLIN, revents: 0 };
        // SAFETY: one valid pollfd.
        let ready = unsafe { libc::poll(&mut poll, 1, wait.as_millis() as i32) };
        if ready <= 0 || poll.revents & libc::POLLIN == 0 {
            return ready <= 0;
        }
        let mut buf = [0u8; 65536];
        match reader.read(&mut buf) {
            Ok(n) if n > 0 => {
                self.parser.process(&buf[..n]);
                true
            }
            _ => false,
        }
    }

    fn wait_for(&mut self, text: &str) {
        let deadline = Instant::now() + PATIENCE;
        while !self.parser.screen().contents().contains(text) {
            assert!(Instant::now() < deadline, "no {text:?} on screen:\n{}", self.parser.screen().contents());
            self.pump(Duration::from_millis(50));
        }
    }

    fn keys(&mut self, keys: &str) {
        let writer = self.writer.as_mut().unwrap();
        writer.write_all(keys.as_bytes()).unwrap();
        writer.flush().unwrap();
    }

    fn signal(&self, signal: i32) {
        // SAFETY: a signal to our own child.
        assert_eq!(unsafe { libc::kill(self.pid(), signal) }, 0);
    }

    /// Waits for the process to end, reading what it prints meanwhile.
    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + PATIENCE;
        loop {
            self.pump(Duration::from_millis(20));
            if let Some(status) = self.child.try_wait().unwrap() {
                while self.pump(Duration::from_millis(100)) && self.reader.is_some() {}
                return status;
            }
            assert!(Instant::now() < deadline, "byline did not exit");
        }
    }

    /// The process's state letter in /proc: 'T' when stopped.
    fn process_state(&self) -> char {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid())).unwrap_or_default();
        stat.rsplit(')').next().and_then(|rest| rest.trim().chars().next()).unwrap_or('?')
    }

    fn wait_state(&mut self, wanted: char) {
        let deadline = Instant::now() + PATIENCE;
        while self.process_state() != wanted {
            assert!(Instant::now() < deadline, "process state {} not {wanted}", self.process_state());
            self.pump(Duration::from_millis(20));
        }
    }

    /// Canonical input and echo, as a shell expects them.
    fn cooked(&self) -> bool {
        // SAFETY: tcgetattr fills a termios for the pty (a master reports its slave's).
        unsafe {
            let mut t: libc::termios = std::mem::zeroed();
            assert_eq!(libc::tcgetattr(self.fd, &mut t), 0);
            t.c_lflag & libc::ICANON != 0 && t.c_lflag & libc::ECHO != 0
        }
    }

    /// The terminal is as byline found it.
    fn assert_restored(&self) {
        let screen = self.parser.screen();
        assert!(!screen.alternate_screen(), "main screen back");
        assert!(!screen.hide_cursor(), "cursor shown");
        assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None, "mouse reporting off");
        assert!(!screen.bracketed_paste(), "bracketed paste off");
        assert!(self.cooked(), "cooked mode");
    }

    /// Closes the terminal, as closing its window does.
    fn hang_up(&mut self) {
        self.reader = None;
        self.writer = None;
        self.master = None;
    }
}

impl Drop for Pty {
    /// A failed test leaves no reader running.
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// Opens the first article (read) and stars it: two marks to save.
fn read_and_star(p: &mut Pty) {
    p.wait_for("5 unread");
    p.keys("\r");
    p.wait_for("4 unread");
    p.keys("s");
    p.wait_for("starred");
}

fn saved_star(state_dir: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(state_dir.join("state.json")) else { return false };
    let state: serde_json::Value = serde_json::from_str(&text).unwrap();
    state["starred"].as_object().is_some_and(|o| !o.is_empty())
        && state["read"].as_object().is_some_and(|o| !o.is_empty())
}

#[test]
fn each_ending_signal_restores_the_terminal_saves_and_exits_with_its_status() {
    for (signal, status) in [(libc::SIGTERM, 143), (libc::SIGHUP, 129), (libc::SIGINT, 130), (libc::SIGQUIT, 131)] {
        let mut p = Pty::byline(&[]);
        read_and_star(&mut p);
        p.signal(signal);
        let ended = p.wait_exit();
        assert_eq!(ended.exit_code(), status, "signal {signal}");
        p.assert_restored();
        assert!(saved_star(&p.state_dir()), "signal {signal}: marks not saved");
    }
}

#[test]
fn changes_are_saved_two_seconds_after_they_are_made_without_another_key() {
    let mut p = Pty::byline(&[]);
    read_and_star(&mut p);
    let deadline = Instant::now() + PATIENCE;
    while !saved_star(&p.state_dir()) {
        assert!(Instant::now() < deadline, "nothing saved while idle");
        p.pump(Duration::from_millis(100));
    }
    // Nothing but the timer saved it: a kill now loses nothing.
    p.signal(libc::SIGKILL);
    p.wait_exit();
    assert!(saved_star(&p.state_dir()));
}

/// Makes marks, closes the terminal: byline ends as a shell reports a hangup, marks saved.
fn hang_up_after_marks(mut p: Pty) {
    read_and_star(&mut p);
    p.hang_up();
    let ended = p.wait_exit();
    assert_eq!(ended.exit_code(), 129);
    assert!(saved_star(&p.state_dir()));
}

#[test]
fn closing_the_window_saves_and_ends() {
    hang_up_after_marks(Pty::byline(&[]));
}

#[test]
fn with_hangups_ignored_a_closed_terminal_still_ends_the_reader() {
    // As under `nohup`: SIGHUP ignored, so only the terminal's end tells.
    let script = format!("trap '' HUP; exec '{}'", env!("CARGO_BIN_EXE_byline"));
    hang_up_after_marks(Pty::spawn(24, 80, "/bin/sh", &["-c", &script], None));
}

#[test]
fn ctrl_z_and_sigtstp_suspend_and_fg_redraws() {
    let mut p = Pty::byline(&[]);
    p.wait_for("5 unread");
    for stop in ["ctrl-z", "sigtstp"] {
        match stop {
            "ctrl-z" => p.keys("\x1a"),
            _ => p.signal(libc::SIGTSTP),
        }
        p.wait_state('T');
        p.pump(Duration::from_millis(200));
        p.assert_restored();
        p.signal(libc::SIGCONT);
        let deadline = Instant::now() + PATIENCE;
        while !p.parser.screen().alternate_screen() {
            assert!(Instant::now() < deadline, "{stop}: not back on the alternate screen");
            p.pump(Duration::from_millis(50));
        }
        p.wait_for("5 unread");
        assert!(!p.cooked(), "{stop}: raw mode again");
        // Keys work again.
        p.keys("j");
        p.wait_for("Articles 2/5");
        p.keys("k");
        p.wait_for("Articles 1/5");
    }
    p.keys("q");
    assert!(p.wait_exit().success());
    p.assert_restored();
}

#[test]
fn a_failed_save_keeps_the_marks_and_says_so_at_quit() {
    let mut p = Pty::byline(&[]);
    // A folder where the lock file goes: no save can succeed.
    std::fs::create_dir_all(p.state_dir().join("state.lock")).unwrap();
    read_and_star(&mut p);
    p.wait_for("could not save read marks");
    p.keys("q");
    let ended = p.wait_exit();
    assert_eq!(ended.exit_code(), 1, "a quit that lost marks is no success");
    p.assert_restored();
    let screen = p.parser.screen().contents();
    assert!(screen.contains("could not save read marks to") && screen.contains("state.json"), "{screen}");
}

#[test]
fn a_failed_save_is_retried_and_succeeds_when_it_can() {
    let mut p = Pty::byline(&[]);
    let lock = p.state_dir().join("state.lock");
    std::fs::create_dir_all(&lock).unwrap();
    read_and_star(&mut p);
    p.wait_for("could not save read marks");
    std::fs::remove_dir(&lock).unwrap();
    let deadline = Instant::now() + PATIENCE;
    while !saved_star(&p.state_dir()) {
        assert!(Instant::now() < deadline, "the kept marks were never saved");
        p.pump(Duration::from_millis(100));
    }
    p.keys("q");
    assert!(p.wait_exit().success());
}

#[test]
fn a_huge_window_is_drawn_in_part_not_allocated_whole() {
    let mut p = Pty::spawn(u16::MAX, u16::MAX, env!("CARGO_BIN_EXE_byline"), &[], None);
    p.wait_for("Articles");
    p.keys("q");
    let ended = p.wait_exit();
    assert!(ended.success(), "{ended:?}");
}

#[test]
fn pasted_text_is_text_in_a_search_and_no_command_elsewhere() {
    let mut p = Pty::byline(&[]);
    p.wait_for("5 unread");
    // Outside a search, a paste of commands does nothing: nothing starred, no quit.
    p.keys("\x1b[200~s\rq\x1b[201~");
    p.wait_for("pasted text is taken only by the search");
    p.keys("/");
    p.keys("\x1b[200~Zelensky\rsqq\x1b[201~");
    p.wait_for("Zelensky sqq");
    p.keys("\r");
    p.wait_for("no match");
    p.keys("\x03");
    assert!(p.wait_exit().success());
    let starred = std::fs::read_to_string(p.state_dir().join("state.json")).unwrap_or_default();
    assert!(!starred.contains("\"starred\": {\n"), "a pasted s starred an article: {starred}");
}
