use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::Theme;
use crate::app::{Action, App, Key, Keymap};
use crate::fit::fit;
use crate::keys::Mode;

/// Key hints, longest first, naming the keys in effect: " Tab pane · … · ? help · q quit ".
fn hints(keymap: &Keymap) -> [String; 4] {
    let key = |action| keymap.keys_of(action).first().map(Key::label);
    let hint = |action, what| key(action).map(|k| format!("{k} {what}"));
    let mention = match (key(Action::NextMention), key(Action::PrevMention)) {
        (Some(next), Some(prev)) => Some(format!("{next}/{prev} mention")),
        (next, prev) => next.or(prev).map(|k| format!("{k} mention")),
    };
    let (help, quit) = (hint(Action::ToggleHelp, "help"), hint(Action::Quit, "quit"));
    let filter = hint(Action::ToggleFilter, "filter");
    let full = [hint(Action::FocusNext, "pane"), hint(Action::Activate, "select"), mention.clone()];
    let sets = [
        full.into_iter().chain([filter.clone(), help.clone(), quit.clone()]).collect::<Vec<_>>(),
        vec![mention, filter, help.clone(), quit.clone()],
        vec![help.clone(), quit],
        vec![help],
    ];
    sets.map(|set| format!(" {} ", set.into_iter().flatten().collect::<Vec<_>>().join(" · ")))
}

/// Hints for a mode whose keys are fixed: all of them, then none.
fn typing_hints(all: &str) -> [String; 4] {
    [all.to_string(), String::new(), String::new(), String::new()]
}

/// Focus and position on the left, then a message, the search, progress or the followed
/// entity; key hints right.
pub fn draw(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let width = area.width as usize;
    let middle = app
        .message()
        .map(String::from)
        .or_else(|| app.search_status())
        .or_else(|| app.progress_note())
        .or_else(|| app.applying_note().map(String::from))
        .or_else(|| app.mention_status())
        .or_else(|| app.quotes_note().map(String::from))
        .unwrap_or_default();
    // One article counter: the list's position only when the middle has none.
    let left = match app.dossier() {
        Some(view) => format!(" Dossier · item {}/{} ", (view.cursor + 1).min(view.items.len()), view.items.len()),
        None if middle.contains(" · article ") => format!(" {} ", app.focus().name()),
        None => {
            let (at, listed) = (app.list().cursor() + 1, app.list().visible().len());
            format!(" {} · article {}/{listed} ", app.focus().name(), at.min(listed))
        }
    };
    let used = left.chars().count() + middle.chars().count() + 1;
    // The longest set of key hints that still leaves room for the rest: the mode's own.
    let hints = match app.mode() {
        // A correction's prompt says its keys itself.
        Mode::Typing if app.correction_prompt_open() => typing_hints(" Esc cancels "),
        Mode::Typing => typing_hints(" type to search · Enter keeps the place · Esc goes back "),
        Mode::Picker => typing_hints(" type a name · ↑↓ move · Enter go · Esc close "),
        Mode::Dossier => app.keymap().dossier_hints().0,
        Mode::Normal | Mode::Popup => hints(app.keymap()),
    };
    let hints = hints.iter().find(|h| used + h.chars().count() <= width).map_or("", String::as_str);
    let middle_width = width.saturating_sub(left.chars().count() + hints.chars().count());
    let middle = fit(&format!(" {middle}"), middle_width);
    let pad = middle_width.saturating_sub(unicode_width::UnicodeWidthStr::width(middle.as_str()));
    let line = Line::from(vec![
        Span::styled(left, theme.status_key),
        Span::styled(middle, theme.status),
        Span::styled(" ".repeat(pad), theme.status),
        Span::styled(hints.to_string(), theme.status),
    ]);
    frame.render_widget(line, area);
}
