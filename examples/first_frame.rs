//! Times the reader on a corpus as a user sees it: from start to the first frame with the
//! article list, and to everything ready (indexing done, quotes found for dossiers). Runs the release binary in
//! a pseudo-terminal and reads the screen with a terminal emulator.
//!
//!     cargo build --release && cargo run --release --example first_frame -- PATH [RUNS]

use std::io::{Read, Write};
use std::sync::mpsc::channel;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

fn run_once(path: &str) -> (Duration, Duration) {
    let pair = native_pty_system().openpty(PtySize { rows: 40, cols: 120, pixel_width: 0, pixel_height: 0 }).unwrap();
    let exe = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/byline");
    let mut cmd = CommandBuilder::new(exe);
    cmd.arg(path);
    cmd.cwd(std::env::current_dir().unwrap());
    cmd.env("TERM", "xterm-256color");
    // A fresh state and no config: every run starts the same way.
    let home = tempfile::tempdir().unwrap();
    cmd.env("XDG_DATA_HOME", home.path());
    cmd.env("XDG_CONFIG_HOME", home.path());
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut writer = pair.master.take_writer().unwrap();
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut parser = vt100::Parser::new(40, 120, 0);
    let mut first_frame = None;
    let indexed = loop {
        if let Ok(bytes) = rx.recv_timeout(Duration::from_millis(5)) {
            parser.process(&bytes);
        }
        let screen = parser.screen().contents();
        // The first frame that lists articles: "Articles 1/2000".
        let listed = screen
            .find("Articles 1/")
            .is_some_and(|i| screen[i + 11..].starts_with(|c: char| ('1'..='9').contains(&c)));
        if first_frame.is_none() && listed {
            first_frame = Some(start.elapsed());
        }
        let busy = screen.contains("loading") || screen.contains("indexing") || screen.contains("finding quotes");
        if first_frame.is_some() && screen.contains("Entities") && !busy {
            break start.elapsed();
        }
        assert!(start.elapsed() < Duration::from_secs(300), "no screen:\n{screen}");
    };
    writer.write_all(b"q").unwrap();
    writer.flush().unwrap();
    let _ = child.wait();
    (first_frame.unwrap(), indexed)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.first().expect("usage: first_frame PATH [RUNS]");
    let runs: usize = args.get(1).map_or(3, |r| r.parse().unwrap());
    let mut frames = Vec::new();
    let mut indexed = Vec::new();
    for _ in 0..runs {
        let (f, i) = run_once(path);
        println!("first frame {:>8.1} ms   indexed {:>8.1} ms", f.as_secs_f64() * 1e3, i.as_secs_f64() * 1e3);
        frames.push(f);
        indexed.push(i);
    }
    frames.sort();
    indexed.sort();
    println!(
        "median: first frame {:.1} ms, indexed {:.1} ms",
        frames[runs / 2].as_secs_f64() * 1e3,
        indexed[runs / 2].as_secs_f64() * 1e3
    );
}
