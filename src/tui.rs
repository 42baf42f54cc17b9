//! The terminal: set up, event loop, and restoring it however the program ends.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use crossterm::event::{self, Event};

use crate::app::{Action, App, keymap};
use crate::corpus::Corpus;
use crate::entities::Index;

pub fn run(corpus: Corpus) -> ExitCode {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        eprintln!("byline: the reader needs a terminal; for scripts use `byline export`");
        return ExitCode::from(2);
    }
    let index = Index::build(&corpus);
    let mut terminal = match ratatui::try_init() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("byline: cannot set up the terminal: {e}");
            return ExitCode::FAILURE;
        }
    };
    show_cursor_on_panic();
    let result = event_loop(&mut terminal, corpus, index);
    restore();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("byline: terminal error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, corpus: Corpus, index: Index) -> std::io::Result<()> {
    let size = terminal.size()?;
    let mut app = App::new(corpus, index, size.width, size.height);
    while !app.should_quit {
        terminal.draw(|frame| crate::ui::draw(&app, frame))?;
        let action = match event::read()? {
            Event::Key(key) => keymap::action_for(key),
            Event::Resize(w, h) => Some(Action::Resize(w, h)),
            _ => None,
        };
        if let Some(action) = action {
            app.update(action);
        }
    }
    Ok(())
}

/// Raw mode off, main screen back, cursor shown.
fn restore() {
    ratatui::restore();
    let mut out = std::io::stdout();
    let _ = crossterm::execute!(out, crossterm::cursor::Show);
    let _ = out.flush();
}

/// ratatui's panic hook restores raw mode and the main screen; this one also brings back the
/// cursor before the panic message is printed.
fn show_cursor_on_panic() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = crossterm::execute!(std::io::stdout(), crossterm::cursor::Show);
        previous(info);
    }));
}
