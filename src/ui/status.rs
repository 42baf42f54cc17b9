use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::Theme;
use super::text::fit;
use crate::app::App;

const HINTS: [&str; 4] = [
    " Tab pane · Enter select · n/N mention · f filter · ? help · q quit ",
    " n/N mention · f filter · ? help · q quit ",
    " ? help · q quit ",
    " ? help ",
];

/// Focus and position on the left, then a message, the search, progress or the followed
/// entity; key hints right.
pub fn draw(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let width = area.width as usize;
    let left = format!(" {} · article {}/{} ", app.focus.name(), app.list_cursor + 1, app.visible.len());
    let middle = app
        .message
        .clone()
        .or_else(|| app.search_status())
        .or_else(|| app.progress_note())
        .or_else(|| app.mention_status())
        .unwrap_or_default();
    let used = left.chars().count() + middle.chars().count() + 1;
    // The longest set of key hints that still leaves room for the rest.
    let hints = HINTS.iter().find(|h| used + h.chars().count() <= width).copied().unwrap_or("");
    let middle_width = width.saturating_sub(left.chars().count() + hints.chars().count());
    let middle = fit(&format!(" {middle}"), middle_width);
    let pad = middle_width.saturating_sub(unicode_width::UnicodeWidthStr::width(middle.as_str()));
    let line = Line::from(vec![
        Span::styled(left, theme.status_key),
        Span::styled(middle, theme.status),
        Span::styled(" ".repeat(pad), theme.status),
        Span::styled(hints, theme.status),
    ]);
    frame.render_widget(line, area);
}
