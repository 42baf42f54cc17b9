//! The terminal: set up, event loop, and restoring it however the program ends.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crossterm::event::{self, Event};

use crate::app::{Action, App, Keymap, keymap, mouse_action};
use crate::corpus::{Corpus, read_files};
use crate::dossier::QuoteIndex;
use crate::entities::{Gazetteer, Index, Progress};
use crate::fold::Fold;
use crate::state::Store;
use crate::ui::Theme;

/// How often the screen takes in background work (and shows progress) while no key is
/// pressed: about a frame at 60 Hz.
const PROGRESS_TICK: Duration = Duration::from_millis(16);

/// What the reader opens: articles already in memory, or files to read in the background.
pub enum Source {
    Loaded(Corpus),
    Files(Vec<crate::corpus::Entry>),
}

/// Read marks and the reading place are saved this often while they change, and on quit.
const SAVE_EVERY: Duration = Duration::from_secs(2);

/// Files read per batch in the background; each batch joins the list as soon as it is read.
const FIRST_BATCH: usize = 100;
const LOAD_BATCH: usize = 2_000;

/// Work done in the background, reported to the event loop.
enum Background {
    Articles(Corpus, usize),
    Loaded,
    Indexed(Arc<Index>, Vec<Vec<Fold>>),
    Quotes(Arc<QuoteIndex>),
}

/// How the reader runs: keys and colours from the config, whether the mouse is used, and
/// the name the corpus's reading place is saved under.
pub struct Options {
    pub keymap: Keymap,
    pub theme: Theme,
    pub mouse: bool,
    pub place_key: String,
}

/// Runs the reader on `source` until the user quits.
pub fn run(source: Source, options: Options) -> ExitCode {
    // Keys come from standard input, or from the terminal itself when articles are piped in.
    let keys = std::io::stdin().is_terminal() || std::fs::File::open("/dev/tty").is_ok();
    if !std::io::stdout().is_terminal() || !keys {
        eprintln!("byline: the reader needs a terminal; for scripts use `byline export`");
        return ExitCode::from(2);
    }
    let mut terminal = match ratatui::try_init() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("byline: cannot set up the terminal: {e}");
            return ExitCode::FAILURE;
        }
    };
    show_cursor_on_panic();
    // Clicks and the wheel, unless turned off; the panic hook and `restore` hand the mouse back.
    if options.mouse {
        let _ = crossterm::execute!(std::io::stdout(), crossterm::event::EnableMouseCapture);
    }
    let result = event_loop(&mut terminal, source, options);
    restore();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("byline: terminal error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Draws, waits for a key, a resize or background work, and applies it, until the user
/// quits. Files are read and then indexed on other threads, so the list shows at once.
fn event_loop(terminal: &mut ratatui::DefaultTerminal, source: Source, options: Options) -> std::io::Result<()> {
    let Options { keymap, theme, place_key, .. } = options;
    let theme = &theme;
    let size = terminal.size()?;
    let (report, reports) = mpsc::channel();
    let progress = Arc::new(Progress::default());
    let mut app = match source {
        Source::Loaded(corpus) => {
            let app = App::indexing(Arc::new(corpus), size.width, size.height);
            start_indexing(&app, &progress, report.clone());
            app
        }
        Source::Files(files) => {
            let app = App::loading(files.len(), size.width, size.height);
            let report = report.clone();
            std::thread::spawn(move || {
                // A small first batch so the list shows at once, then larger ones.
                let mut start = 0;
                while start < files.len() {
                    let end = (start + if start == 0 { FIRST_BATCH } else { LOAD_BATCH }).min(files.len());
                    let batch = &files[start..end];
                    if report.send(Background::Articles(read_files(batch), batch.len())).is_err() {
                        return; // the reader has quit
                    }
                    start = end;
                }
                let _ = report.send(Background::Loaded);
            });
            app
        }
    };
    app.keymap = keymap;
    let store = Store::default_location();
    if let Some(store) = &store {
        let (saved, note) = store.load();
        app.restore(saved, place_key);
        if let Some(note) = note {
            app.message = Some(note);
        }
    }
    let mut saved_at = Instant::now();
    // Only for the end-to-end test that a panic restores the terminal.
    let panic_for_test = std::env::var_os("BYLINE_TEST_PANIC").is_some();
    while !app.should_quit {
        while let Ok(work) = reports.try_recv() {
            match work {
                Background::Articles(part, files) => app.append(part, files),
                Background::Loaded => {
                    app.loaded();
                    start_indexing(&app, &progress, report.clone());
                }
                Background::Indexed(index, repeats) => {
                    app.index_ready(index);
                    app.repeats_ready(repeats);
                }
                Background::Quotes(quotes) => app.quotes_ready(quotes),
            }
        }
        if app.indexing.is_some() && app.loading.is_none() {
            app.indexing = Some(progress.percent());
        }
        terminal.draw(|frame| crate::ui::draw(&app, frame, theme))?;
        if panic_for_test {
            panic!("BYLINE_TEST_PANIC is set");
        }
        // While work goes on, wake up now and then to show progress; afterwards, only for input.
        // Until the quotes are found too: their report must be drawn without a key press.
        let busy = app.indexing.is_some() || app.quotes.is_none();
        if busy && !event::poll(PROGRESS_TICK)? {
            continue;
        }
        let action = match event::read()? {
            Event::Key(key) if app.search.as_ref().is_some_and(|s| s.editing) => keymap::search_action_for(key),
            Event::Key(key) => app.keymap.action_for(key),
            Event::Mouse(mouse) => mouse_action(mouse),
            Event::Resize(w, h) => Some(Action::Resize(w, h)),
            _ => None,
        };
        if let Some(action) = action {
            app.update(action);
        }
        if let Some(store) = &store
            && (app.should_quit || saved_at.elapsed() >= SAVE_EVERY)
        {
            save(store, &mut app);
            saved_at = Instant::now();
        }
        // Our own OSC 52 sequence: the text travels base64-encoded, never raw.
        if let Some(text) = app.clipboard.take() {
            crossterm::execute!(std::io::stdout(), crossterm::clipboard::CopyToClipboard::to_clipboard_from(text))?;
        }
    }
    Ok(())
}

/// Saves this session's changes, merged with the file's, and takes in the merged marks.
/// A failure is a note in the status line: reading goes on.
fn save(store: &Store, app: &mut App) {
    let changes = app.take_changes();
    if changes.is_empty() {
        return;
    }
    match store.save(&changes) {
        Ok((merged, note)) => {
            app.adopt(merged);
            if note.is_some() {
                app.message = note;
            }
        }
        Err(e) => app.message = Some(format!("could not save read marks to {}: {e}", store.path().display())),
    }
}

/// Builds the index of the app's corpus on other threads, reporting when it is done.
fn start_indexing(app: &App, progress: &Arc<Progress>, report: mpsc::Sender<Background>) {
    let corpus = Arc::clone(&app.corpus);
    let progress = Arc::clone(progress);
    std::thread::spawn(move || {
        let index = Arc::new(Index::build_reporting(&corpus, Gazetteer::embedded(), &progress));
        let repeats = crate::fold::repeated_runs_of_all(&corpus);
        if report.send(Background::Indexed(Arc::clone(&index), repeats)).is_err() {
            return; // the reader has quit
        }
        // Quotes need the index; entities and `n` work meanwhile.
        let quotes = QuoteIndex::build(&corpus, &index);
        let _ = report.send(Background::Quotes(Arc::new(quotes)));
    });
}

/// Mouse reporting off, raw mode off, main screen back, cursor shown.
fn restore() {
    let mut out = std::io::stdout();
    let _ = crossterm::execute!(out, crossterm::event::DisableMouseCapture);
    ratatui::restore();
    let _ = crossterm::execute!(out, crossterm::cursor::Show);
    let _ = out.flush();
}

/// ratatui's panic hook restores raw mode and the main screen; this one also turns mouse
/// reporting off and brings back the cursor before the panic message is printed.
fn show_cursor_on_panic() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableMouseCapture, crossterm::cursor::Show);
        previous(info);
    }));
}
