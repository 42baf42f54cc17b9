use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use super::{Theme, is_focused, pane, scrollbar};
use crate::app::{App, EntityPane, Focus, Scope};
use crate::fit::fit;

/// Entities of the open article (or of the corpus) with mention counts, persons first.
pub fn draw(app: &App, entities: &EntityPane, frame: &mut Frame, area: Rect, theme: &Theme) {
    let focused = is_focused(app, Focus::Entities);
    let scope = match entities.scope() {
        Scope::Article => "this article",
        Scope::Corpus => "all articles",
    };
    let title = Line::from(vec![Span::styled(" Entities ", theme.title), Span::raw(format!("· {scope} "))]);
    let block = pane(title, focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if let Some(progress) = app.progress_note() {
        frame.render_widget(Line::styled(format!(" {progress}"), theme.dim), inner);
        return;
    }
    let rows = entities.rows(&app.index);
    if rows.is_empty() {
        frame.render_widget(Line::styled(" no entities found", theme.dim), inner);
        return;
    }
    let capacity = (inner.height as usize).max(1);
    scrollbar(frame, area, rows.len(), capacity, entities.offset());
    let width = inner.width as usize;
    for (row, i) in (entities.offset()..(entities.offset() + capacity).min(rows.len())).enumerate() {
        let (id, count) = rows[i];
        let e = app.index.entity(id);
        let count = count.to_string();
        let marker = if app.followed().selected() == Some(id) { "▶" } else { " " };
        let name_width = width.saturating_sub(count.len() + 5);
        let name = fit(&e.name, name_width);
        let gap = width.saturating_sub(3 + unicode_width::UnicodeWidthStr::width(name.as_str()) + count.len() + 1);
        let mut line = Line::from(vec![
            Span::raw(marker),
            Span::styled(e.kind.letter(), theme.kind(e.kind).add_modifier(Modifier::BOLD)),
            Span::raw(" "),
            Span::styled(name, theme.kind(e.kind)),
            Span::raw(" ".repeat(gap)),
            Span::styled(count, theme.dim),
        ]);
        if i == entities.cursor() {
            line = line.style(if focused { theme.cursor } else { theme.cursor_unfocused });
        }
        let y = inner.y + row as u16;
        frame.render_widget(line, Rect::new(inner.x, y, inner.width, 1));
    }
}
