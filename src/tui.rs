//! The terminal: set up, event loop, and restoring it however the program ends: quit, a
//! signal, the terminal going away, an error or a panic. Read marks are saved on each way
//! out, and about two seconds after each change, by a thread of their own.

use std::io::{IsTerminal, Write};
use std::os::fd::AsRawFd;
use std::panic::AssertUnwindSafe;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use crossterm::event::{self, Event};
use ratatui::layout::Rect;
use ratatui::{DefaultTerminal, TerminalOptions, Viewport};
use signal_hook::consts::signal::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};

use crate::app::{Action, App, Keymap, Phase, SearchReport, SearchRunner};
use crate::corpus::{Corpus, read_files};
use crate::corrections::{Corrections, CorrectionsFile};
use crate::corrector::{Corrector, Done, Job};
use crate::dossier::QuoteIndex;
use crate::entities::{Gazetteer, Index, Progress};
use crate::fold::Fold;
use crate::saver::{Report, Saver};
use crate::state::{Saved, Store};
use crate::ui::Theme;

/// How often the screen takes in background work (and shows progress) while it goes on:
/// about a frame at 60 Hz.
const PROGRESS_TICK: Duration = Duration::from_millis(16);

/// How often, while idle, the loop checks that the terminal is still there.
const IDLE_TICK: Duration = Duration::from_millis(250);

/// Changes are saved this long after the first of them (and on every way out).
const SAVE_AFTER: Duration = Duration::from_secs(2);

/// How long quitting waits for the last save before saying it could not be made.
const LAST_SAVE_PATIENCE: Duration = Duration::from_secs(10);

/// The largest screen drawn: a bigger window shows this much in its top left corner. The
/// frame buffers grow with the area (65535×65535 would be hundreds of gigabytes).
pub const MAX_COLUMNS: u16 = 1000;
pub const MAX_ROWS: u16 = 500;

/// What the reader opens: articles already in memory, or files to read in the background.
pub enum Source {
    Loaded(Corpus),
    Files(Vec<crate::corpus::Entry>),
}

/// Files read per batch in the background; each batch joins the list as soon as it is read.
const FIRST_BATCH: usize = 100;
const LOAD_BATCH: usize = 2_000;

/// Work done in the background, reported to the event loop.
enum Background {
    Articles(Corpus, usize),
    Loaded,
    Indexed(Arc<Index>, Vec<Vec<Fold>>),
    /// Every article's quotes, for the index they were found with.
    Quotes(Arc<QuoteIndex>, Arc<Index>),
    /// A correction asked for in the reader is made (or refused).
    Corrected(Done),
}

/// Everything the event loop waits for, on one channel.
enum Message {
    Input(std::io::Result<Event>),
    Work(Background),
    Signal(i32),
    /// The state file as read at start, and a note when it had to be set aside.
    State(Saved, Option<String>),
    Saved(Report),
    /// Matches found by the search worker, tagged with their search's generation.
    Search(SearchReport),
}

/// How the reader runs: keys and colours from the config, whether the mouse is used, and
/// the name the corpus's reading place is saved under.
pub struct Options {
    pub keymap: Keymap,
    pub theme: Theme,
    pub mouse: bool,
    pub place_key: String,
    /// The corrections file and what it holds, applied when indexing; or why it could not
    /// be read (the reader says so and leaves the file untouched).
    pub corrections: Result<(CorrectionsFile, Corrections), String>,
}

/// Why the event loop ended.
enum End {
    Quit,
    /// A signal asked the reader to end (TERM, HUP, INT, QUIT).
    Signal(i32),
    /// The terminal hung up or input ended.
    TerminalGone,
    Error(std::io::Error),
}

/// Runs the reader on `source` until the user quits.
pub fn run(source: Source, options: Options) -> ExitCode {
    // Keys come from standard input, or from the terminal itself when articles are piped in.
    let keys = std::io::stdin().is_terminal() || std::fs::File::open("/dev/tty").is_ok();
    if !std::io::stdout().is_terminal() || !keys {
        tell("the reader needs a terminal; for scripts use `byline export`");
        return ExitCode::from(2);
    }
    let (tx, messages) = mpsc::channel();
    if let Err(e) = forward_signals(tx.clone()) {
        tell(&format!("cannot handle signals: {e}"));
        return ExitCode::FAILURE;
    }
    let mut terminal = match enter(options.mouse) {
        Ok(t) => t,
        Err(e) => {
            restore();
            tell(&format!("cannot set up the terminal: {e}"));
            return ExitCode::FAILURE;
        }
    };
    show_cursor_on_panic();
    forward_input(tx.clone());
    let hangup = Hangup::watch();

    let Options { keymap, theme, mouse, place_key, corrections } = options;
    let (corrections_file, corrections, corrections_note) = match corrections {
        Ok((file, corrections)) => (Some(file), Arc::new(corrections), None::<String>),
        Err(note) => (None, Arc::default(), Some(format!("corrections not applied: {note}"))),
    };
    let (width, height) = drawn_size(terminal.size().map(|s| (s.width, s.height)).unwrap_or((80, 24)));
    let progress = Arc::new(Progress::default());
    let mut app = start(source, width, height, &progress, &corrections, &tx);
    app.set_keymap(keymap);
    app.set_place_key(place_key.clone());
    app.note(corrections_note);
    app.set_corrections(Arc::clone(&corrections));
    let search_tx = tx.clone();
    app.set_search_runner(SearchRunner::background(move |report| {
        let _ = search_tx.send(Message::Search(report));
    }));
    // The state file is read on the saving thread; the reader starts without waiting.
    let saver = Store::default_location().map(|store| {
        let (on_load, on_report) = (tx.clone(), tx.clone());
        Saver::start(
            store,
            move |saved, note| {
                let _ = on_load.send(Message::State(saved, note));
            },
            move |report| {
                let _ = on_report.send(Message::Saved(report));
            },
        )
    });

    // Corrections made in the reader are made on a thread of their own.
    let corrector = corrections_file.map(|file| {
        let (on_done, on_quotes) = (tx.clone(), tx.clone());
        Corrector::start(
            file,
            move |done| {
                let _ = on_done.send(Message::Work(Background::Corrected(done)));
            },
            move |quotes, index| {
                let _ = on_quotes.send(Message::Work(Background::Quotes(quotes, index)));
            },
        )
    });
    let size = (width, height);
    let mut looped = Loop {
        terminal: &mut terminal,
        app: &mut app,
        theme: &theme,
        mouse,
        progress,
        tx,
        hangup,
        size,
        place_key,
        corrections,
        corrector,
    };
    let ended = std::panic::catch_unwind(AssertUnwindSafe(|| looped.run(&messages, saver.as_ref())));
    restore();
    // Dropping ratatui's terminal shows the cursor again and, when the terminal is gone,
    // prints that it could not: to a closed stderr that is a panic. `restore` did it already.
    std::mem::forget(terminal);

    // The last save, whichever way the loop ended (a panic included).
    let unsaved = saver.map(|saver| {
        if let Some((batch, changes)) = app.take_batch() {
            saver.save(batch, changes);
        }
        saver.finish(LAST_SAVE_PATIENCE)
    });
    if let Some(Err(e)) = &unsaved {
        tell(e);
    }
    let unsaved = matches!(unsaved, Some(Err(_)));
    match ended {
        Ok(End::Quit) if unsaved => ExitCode::FAILURE,
        Ok(End::Quit) => ExitCode::SUCCESS,
        // As a shell reports a process ended by the signal.
        Ok(End::Signal(signal)) => ExitCode::from(128 + signal as u8),
        Ok(End::TerminalGone) => ExitCode::from(128 + SIGHUP as u8),
        Ok(End::Error(e)) => {
            tell(&format!("terminal error: {e}"));
            ExitCode::FAILURE
        }
        // The panic hook has printed the message.
        Err(_) => ExitCode::from(101),
    }
}

/// A line on stderr, which may be gone with the terminal: then nothing is said.
fn tell(message: &str) {
    let _ = writeln!(std::io::stderr(), "byline: {message}");
}

/// The app for `source`, with its files read and indexed on other threads.
fn start(
    source: Source,
    width: u16,
    height: u16,
    progress: &Arc<Progress>,
    corrections: &Arc<Corrections>,
    tx: &mpsc::Sender<Message>,
) -> App {
    match source {
        Source::Loaded(corpus) => {
            let app = App::indexing(Arc::new(corpus), width, height);
            start_indexing(&app, progress, corrections, tx.clone());
            app
        }
        Source::Files(files) => {
            let app = App::loading(files.len(), width, height);
            let tx = tx.clone();
            std::thread::spawn(move || {
                // A small first batch so the list shows at once, then larger ones.
                let mut start = 0;
                while start < files.len() {
                    let end = (start + if start == 0 { FIRST_BATCH } else { LOAD_BATCH }).min(files.len());
                    let batch = &files[start..end];
                    let part = Background::Articles(read_files(batch), batch.len());
                    if tx.send(Message::Work(part)).is_err() {
                        return; // the reader has quit
                    }
                    start = end;
                }
                let _ = tx.send(Message::Work(Background::Loaded));
            });
            app
        }
    }
}

/// The event loop and what it drives.
struct Loop<'a> {
    terminal: &'a mut DefaultTerminal,
    app: &'a mut App,
    theme: &'a Theme,
    mouse: bool,
    progress: Arc<Progress>,
    tx: mpsc::Sender<Message>,
    hangup: Hangup,
    /// The size drawn (the terminal's, at most [`MAX_COLUMNS`] × [`MAX_ROWS`]).
    size: (u16, u16),
    /// The name this corpus's reading place is saved under.
    place_key: String,
    /// The corrections the first index is built with.
    corrections: Arc<Corrections>,
    /// Where the reader's corrections are made (None when the file could not be read).
    corrector: Option<Corrector>,
}

impl Loop<'_> {
    /// Draws, waits for input, background work, a signal or the save timer, and applies
    /// it, until something ends the reader.
    fn run(&mut self, messages: &mpsc::Receiver<Message>, saver: Option<&Saver>) -> End {
        match self.run_until_end(messages, saver) {
            // A read or a draw that failed because the terminal hung up: that is why it ended
            // (the hangup can show a moment after the failed write).
            End::Error(_) if self.hangup.happened() || self.hangup.shows_within(Duration::from_millis(100)) => {
                End::TerminalGone
            }
            end => end,
        }
    }

    fn run_until_end(&mut self, messages: &mpsc::Receiver<Message>, saver: Option<&Saver>) -> End {
        // Only for the end-to-end test that a panic restores the terminal.
        let panic_for_test = std::env::var_os("BYLINE_TEST_PANIC").is_some();
        let mut save_due: Option<Instant> = None;
        let mut dirty = true;
        loop {
            self.app.indexing_progress(self.progress.percent());
            if dirty {
                if let Err(e) = self.terminal.draw(|frame| {
                    crate::ui::draw(self.app, frame, self.theme);
                }) {
                    return End::Error(e);
                }
                dirty = false;
            }
            if panic_for_test {
                panic!("BYLINE_TEST_PANIC is set");
            }
            if self.app.should_quit() {
                return End::Quit;
            }
            // Save about two seconds after the first change that is not yet saved.
            if let Some(saver) = saver {
                match save_due {
                    None if self.app.has_changes() => save_due = Some(Instant::now() + SAVE_AFTER),
                    Some(due) if Instant::now() >= due => {
                        if let Some((batch, changes)) = self.app.take_batch() {
                            saver.save(batch, changes);
                        }
                        save_due = None;
                    }
                    _ => {}
                }
            }
            // While work goes on, wake up now and then to show progress; until the quotes are
            // found too, so that their report is drawn without a key press.
            let busy = !matches!(self.app.phase(), Phase::Ready(_));
            let mut wait = if busy { PROGRESS_TICK } else { IDLE_TICK };
            if let Some(due) = save_due {
                wait = wait.min(due.saturating_duration_since(Instant::now()));
            }
            let message = match messages.recv_timeout(wait) {
                Ok(message) => message,
                Err(RecvTimeoutError::Timeout) => {
                    if self.hangup.happened() {
                        return End::TerminalGone;
                    }
                    dirty |= busy;
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => return End::TerminalGone,
            };
            dirty = true;
            match message {
                Message::Work(work) => self.take_work(work),
                Message::Search(report) => self.app.search_report(report),
                Message::State(saved, note) => {
                    self.app.restore(saved, self.place_key.clone());
                    self.app.note(note);
                }
                Message::Saved(report) => {
                    self.app.save_reported(report.through, report.saved, report.merged);
                    self.app.note(report.note);
                }
                Message::Signal(SIGTSTP) => self.suspend(),
                // A hangup sends SIGCONT too: then there is no terminal to take back.
                Message::Signal(SIGCONT) if self.hangup.happened() => return End::TerminalGone,
                // Continued after a stop byline did not ask for: take the terminal back.
                Message::Signal(SIGCONT) => self.reenter(),
                Message::Signal(signal) => return End::Signal(signal),
                Message::Input(Err(e)) => return End::Error(e),
                Message::Input(Ok(event)) => {
                    if let Some(end) = self.take_input(event) {
                        return end;
                    }
                }
            }
        }
    }

    fn take_work(&mut self, work: Background) {
        match work {
            Background::Articles(part, files) => self.app.append(part, files),
            Background::Loaded => {
                self.app.loaded();
                start_indexing(self.app, &self.progress, &self.corrections, self.tx.clone());
            }
            Background::Indexed(index, repeats) => {
                self.app.index_ready(Arc::clone(&index));
                self.app.note(corrections_not_found(&index, self.app.keymap()));
                self.app.repeats_ready(repeats);
            }
            Background::Quotes(quotes, index) => self.app.quotes_found(quotes, &index),
            Background::Corrected(done) => self.app.correction_done(done.generation, &done.note, done.built),
        }
    }

    fn take_input(&mut self, event: Event) -> Option<End> {
        // The screen drawn is at most MAX_COLUMNS × MAX_ROWS: the app lays out that.
        let event = match event {
            Event::Resize(w, h) => {
                let (w, h) = drawn_size((w, h));
                self.size = (w, h);
                if let Err(e) = self.terminal.resize(Rect::new(0, 0, w, h)) {
                    return Some(End::Error(e));
                }
                Event::Resize(w, h)
            }
            event => event,
        };
        // Ctrl-Z suspends, as in every full-screen terminal program.
        if self.app.input(&event) == Some(Action::Suspend) {
            self.suspend();
        }
        if let Some(ask) = self.app.take_correction() {
            self.correct(ask);
        }
        // Our own OSC 52 sequence: the text travels base64-encoded, never raw.
        if let Some(text) = self.app.take_clipboard()
            && let Err(e) =
                crossterm::execute!(std::io::stdout(), crossterm::clipboard::CopyToClipboard::to_clipboard_from(text))
        {
            return Some(End::Error(e));
        }
        None
    }

    /// Hands a correction the reader asked for (or an undo) to the correcting thread; the
    /// status line says "applying correction…" until its result comes back.
    fn correct(&mut self, ask: crate::app::CorrectionAsk) {
        let Some(corrector) = &self.corrector else {
            self.app.note(Some("the corrections file could not be read: no correction is written".into()));
            return;
        };
        let (corpus, index) = (Arc::clone(&self.app.corpus), Arc::clone(&self.app.index));
        corrector.ask(Job { generation: self.app.corrections_asked(), ask, corpus, index });
    }

    /// Hands the terminal back and stops (Ctrl-Z, or SIGTSTP from outside); when the shell
    /// continues byline (`fg`), takes it again and redraws.
    fn suspend(&mut self) {
        restore();
        let _ = signal_hook::low_level::raise(signal_hook::consts::signal::SIGSTOP);
        self.reenter();
    }

    /// Raw mode, the alternate screen and the mouse again, and a full redraw.
    fn reenter(&mut self) {
        // On failure there is nothing to draw on: the next draw fails and ends the reader.
        let _ = setup(self.mouse);
        // Not `clear`, which asks the terminal where the cursor is and so would wait for
        // the input thread; a resize clears and redraws everything without asking.
        let (width, height) = self.size;
        let _ = self.terminal.resize(Rect::new(0, 0, width, height));
    }
}

/// Raw mode, the alternate screen, mouse reporting (unless turned off) and bracketed
/// paste (so pasted text arrives as text, not as keys).
fn setup(mouse: bool) -> std::io::Result<()> {
    crossterm::terminal::enable_raw_mode()?;
    let mut out = std::io::stdout();
    crossterm::execute!(out, crossterm::terminal::EnterAlternateScreen, crossterm::event::EnableBracketedPaste)?;
    if mouse {
        crossterm::execute!(out, crossterm::event::EnableMouseCapture)?;
    }
    Ok(())
}

/// Sets up the terminal, drawing at most [`MAX_COLUMNS`] × [`MAX_ROWS`].
fn enter(mouse: bool) -> std::io::Result<DefaultTerminal> {
    let (width, height) = drawn_size(crossterm::terminal::size()?);
    // A fixed viewport is not resized behind our back: resizes come through `drawn_size`.
    let terminal =
        ratatui::try_init_with_options(TerminalOptions { viewport: Viewport::Fixed(Rect::new(0, 0, width, height)) })?;
    setup(mouse)?;
    Ok(terminal)
}

/// The size drawn for a terminal of `size`.
fn drawn_size((width, height): (u16, u16)) -> (u16, u16) {
    (width.min(MAX_COLUMNS), height.min(MAX_ROWS))
}

/// Mouse reporting and bracketed paste off, raw mode off, main screen back, cursor shown.
fn restore() {
    let mut out = std::io::stdout();
    let _ = crossterm::execute!(out, crossterm::event::DisableMouseCapture, crossterm::event::DisableBracketedPaste);
    let _ = crossterm::terminal::disable_raw_mode();
    let _ = crossterm::execute!(out, crossterm::terminal::LeaveAlternateScreen, crossterm::cursor::Show);
    let _ = out.flush();
}

/// Terminal events, read on a thread of their own so that the event loop waits on one
/// channel for them, background work, signals and saves.
fn forward_input(tx: mpsc::Sender<Message>) {
    std::thread::spawn(move || {
        loop {
            let event = event::read();
            let failed = event.is_err();
            if tx.send(Message::Input(event)).is_err() || failed {
                return;
            }
        }
    });
}

/// The signals that end, stop or continue the reader, delivered as messages. SIGHUP is
/// left alone when it is ignored (`nohup`): then the loop notices the terminal gone.
fn forward_signals(tx: mpsc::Sender<Message>) -> std::io::Result<()> {
    let mut wanted = vec![SIGTERM, SIGINT, SIGQUIT, SIGTSTP, SIGCONT];
    if !ignored(SIGHUP) {
        wanted.push(SIGHUP);
    }
    let mut signals = signal_hook::iterator::Signals::new(&wanted)?;
    std::thread::spawn(move || {
        for signal in signals.forever() {
            if tx.send(Message::Signal(signal)).is_err() {
                return;
            }
        }
    });
    Ok(())
}

/// Whether the process was started with `signal` ignored.
fn ignored(signal: i32) -> bool {
    // SAFETY: a query only (no new action is given); `old` is a valid sigaction to fill.
    unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        libc::sigaction(signal, std::ptr::null(), &mut old) == 0 && old.sa_sigaction == libc::SIG_IGN
    }
}

/// Notices that the terminal hung up (its window closed) even when no signal says so:
/// polling it reports POLLHUP.
struct Hangup(Option<std::fs::File>);

impl Hangup {
    fn watch() -> Hangup {
        Hangup(std::fs::File::open("/dev/tty").ok())
    }

    fn shows_within(&self, patience: Duration) -> bool {
        let deadline = Instant::now() + patience;
        while Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
            if self.happened() {
                return true;
            }
        }
        false
    }

    fn happened(&self) -> bool {
        let fd = self.0.as_ref().map_or(std::io::stdin().as_raw_fd(), |f| f.as_raw_fd());
        let mut poll = libc::pollfd { fd, events: 0, revents: 0 };
        // SAFETY: one valid pollfd, no waiting.
        let ready = unsafe { libc::poll(&mut poll, 1, 0) };
        ready > 0 && poll.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
    }
}

/// A note when some corrections name entities these articles do not have (they are kept
/// and do nothing).
fn corrections_not_found(index: &Index, keymap: &Keymap) -> Option<String> {
    let missing = index.corrections.iter().filter(|o| !o.found).count();
    let key = keymap.keys_of(Action::ShowCorrections).first().map_or("`byline correct list`".into(), |k| k.label());
    let says = if missing == 1 { "correction names an entity" } else { "corrections name entities" };
    (missing > 0).then(|| format!("{missing} {says} no longer here (kept, doing nothing): {key} lists"))
}

/// Builds the index of the app's corpus on other threads, reporting when it is done.
fn start_indexing(app: &App, progress: &Arc<Progress>, corrections: &Arc<Corrections>, tx: mpsc::Sender<Message>) {
    let corpus = Arc::clone(&app.corpus);
    let progress = Arc::clone(progress);
    let corrections = Arc::clone(corrections);
    std::thread::spawn(move || {
        let index = Arc::new(Index::build_reporting(&corpus, Gazetteer::embedded(), &corrections, &progress));
        let repeats = crate::fold::repeated_runs_of_all(&corpus);
        if tx.send(Message::Work(Background::Indexed(Arc::clone(&index), repeats))).is_err() {
            return; // the reader has quit
        }
        // Quotes need the index; entities and `n` work meanwhile.
        let quotes = QuoteIndex::build(&corpus, &index);
        let _ = tx.send(Message::Work(Background::Quotes(Arc::new(quotes), index)));
    });
}

/// ratatui's panic hook restores raw mode and the main screen; this one also turns mouse
/// reporting and bracketed paste off and brings back the cursor before the message.
fn show_cursor_on_panic() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = crossterm::execute!(
            std::io::stdout(),
            crossterm::event::DisableMouseCapture,
            crossterm::event::DisableBracketedPaste,
            crossterm::cursor::Show
        );
        previous(info);
    }));
}
