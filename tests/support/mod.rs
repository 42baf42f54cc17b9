//! Shared by the integration tests.
#![allow(dead_code)]

pub mod long_article;
pub mod quote_score;
pub mod score;
pub mod shared;

use std::sync::mpsc;
use std::time::Duration;

use byline::app::{Action, App, SearchReport, SearchRunner};
use byline::corpus::load_embedded_seeds;
use byline::entities::Index;
use byline::ui::Theme;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A reader on the embedded seeds, laid out for `width` × `height`.
pub fn seeds_app(width: u16, height: u16) -> App {
    let corpus = load_embedded_seeds();
    let index = Index::build(&corpus);
    App::new(corpus, index, width, height)
}

/// Presses keys as the event loop does: through the app's input router.
pub fn press(app: &mut App, keys: &[KeyCode]) {
    for &code in keys {
        let modifiers = match code {
            KeyCode::Char(c) if c.is_uppercase() => KeyModifiers::SHIFT,
            _ => KeyModifiers::NONE,
        };
        app.input(&Event::Key(KeyEvent::new(code, modifiers)));
    }
}

/// Runs the app's searches on a worker thread, as the event loop does; their reports wait
/// in the returned channel until a test applies them.
pub fn search_in_background(app: &mut App) -> mpsc::Receiver<SearchReport> {
    let (tx, rx) = mpsc::channel();
    app.set_search_runner(SearchRunner::background(move |report| {
        let _ = tx.send(report);
    }));
    rx
}

/// The reports sent until the app's current search is done (older searches' too), not
/// yet applied.
pub fn reports_until_done(app: &App, reports: &mpsc::Receiver<SearchReport>) -> Vec<SearchReport> {
    let generation = app.search().expect("a search").generation;
    let mut got = Vec::new();
    loop {
        let report = reports.recv_timeout(Duration::from_secs(60)).expect("the search reports");
        let last = report.generation == generation && report.done;
        got.push(report);
        if last {
            return got;
        }
    }
}

/// Applies the reports as the event loop would, until the current search is done.
pub fn settle_search(app: &mut App, reports: &mpsc::Receiver<SearchReport>) {
    for report in reports_until_done(app, reports) {
        app.search_report(report);
    }
}

pub fn chars(s: &str) -> Vec<KeyCode> {
    s.chars().map(KeyCode::Char).collect()
}

/// Draws the app in the default colours on a test terminal of its size and returns the
/// terminal.
pub fn render(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    render_in(app, width, height, &Theme::default())
}

/// Draws the app in `theme`.
pub fn render_in(app: &App, width: u16, height: u16, theme: &Theme) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| {
            byline::ui::draw(app, f, theme);
        })
        .unwrap();
    terminal
}

/// The screen as lines of text.
pub fn screen_text(terminal: &Terminal<TestBackend>) -> Vec<String> {
    let buf = terminal.backend().buffer();
    (0..buf.area.height).map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect::<String>()).collect()
}

/// Resizes the app as a terminal resize event would.
pub fn resize(app: &mut App, width: u16, height: u16) {
    app.update(Action::Resize(width, height));
}

/// Articles that try to break the reader: escape sequences (title, clipboard, hyperlinks,
/// colours, cursor moves), other controls, bidi overrides, odd line ends, wide and
/// combining characters, emoji sequences, right-to-left text, a long line, a long word,
/// and files that are not articles at all. Written into `dir`.
pub fn write_hostile_corpus(dir: &std::path::Path) {
    let files: &[(&str, &[u8])] = &[
        ("01-escapes.txt", b"Escapes \x1b]0;pwned title\x07 here\n\nPresident Vladimir Putin\x1b[31m red \x1b[0m and \x1b[2J\x1b[H moved \x1b]52;c;cHduZWQ=\x07 clipboard \x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\ end. Bell\x07 and \x9b31m C1 CSI and \xc2\x9d OSC."),
        ("02-controls.txt", b"Controls and NULs\r\n\r\nA line\0 with NUL,\x08 backspace,\x7f delete,\x0b vertical tab,\tand a tab.\rLone CR line.\r\nCRLF line."),
        ("03-bidi.txt", "Trojan \u{202e}Source\u{202c} text\n\nAccess \u{2066}level\u{2069} check \u{202a}LRE\u{202c} and \u{2067}RLI\u{2069}.".as_bytes()),
        ("04-bom.txt", "\u{feff}A title after a BOM\n\nBody after a byte order mark.".as_bytes()),
        ("05-wide.txt", "日本語の見出しです\n\n東京で岸田文雄首相は記者会見を行った。Zelensky said 👨‍👩‍👧‍👦 family 🇺🇦 flag, e\u{301} combining, ZWJ a\u{200d}b, and Arabic مرحبا بالعالم with Hebrew שלום עולם.".as_bytes()),
        ("06-latin1.txt", b"Latin-1 pounds\n\nIt cost \xa35 and caf\xe9 prices rose."),
        ("07-binary.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89"),
        ("08-empty.txt", b""),
        ("09-blank.txt", b"   \n\n\t\n"),
    ];
    for (name, bytes) in files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    let long_line = format!("A long line\n\n{}", "Peskov said the talks were long. ".repeat(3_000));
    std::fs::write(dir.join("10-long-line.txt"), long_line).unwrap();
    let long_word = format!("A long word\n\n{} end", "x".repeat(50_000));
    std::fs::write(dir.join("11-long-word.txt"), long_word).unwrap();
    // File names are untrusted too: this one would retitle the terminal, and it is empty,
    // so it is reported as skipped.
    std::fs::write(dir.join("12-\u{1b}]0;pwned by name\u{7}.txt"), "").unwrap();
}

/// A character that must never reach the terminal from article text.
pub fn is_dangerous(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The byline binary with empty data and config folders of its own, so that a tester's
/// own corrections, state or config never change what a test sees.
pub fn byline_command() -> std::process::Command {
    static HOME: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    let home = HOME.get_or_init(|| tempfile::tempdir().expect("a temporary folder")).path();
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_byline"));
    command.env("XDG_DATA_HOME", home.join("data")).env("XDG_CONFIG_HOME", home.join("config"));
    command
}
