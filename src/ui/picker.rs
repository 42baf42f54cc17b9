use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use super::{Theme, popup_wide};
use crate::app::EntityPicker;
use crate::corpus::sanitize;
use crate::entities::Index;
use crate::fit::fit;

/// Rows of matches shown at most.
const ROWS: usize = 20;

/// An entity picker in a box over the middle of the screen: the query typed, then the
/// matches, best first, each with its kind and counts. Any feature holding an
/// [`EntityPicker`] draws it with this, under its own `title`.
pub fn draw(picker: &EntityPicker, index: &Index, title: &str, frame: &mut Frame, area: Rect, theme: &Theme) {
    let rows = ROWS.min((area.height as usize).saturating_sub(5)).max(1);
    let hint = "type a name · ↑↓ move · Enter go · Esc close";
    let inner = popup_wide(frame, area, rows + 1, 72, title, hint, theme);
    let width = inner.width as usize;
    let count = format!("{}/{} ", picker.matches().len(), index.entities.len());
    let query = fit(&format!(" > {}▏", sanitize(picker.query())), width.saturating_sub(count.len()));
    let gap = width.saturating_sub(unicode_width::UnicodeWidthStr::width(query.as_str()) + count.len());
    let line =
        Line::from(vec![Span::styled(query, theme.title), Span::raw(" ".repeat(gap)), Span::styled(count, theme.dim)]);
    frame.render_widget(line, Rect { height: 1, ..inner });
    // The cursor's row stays in view.
    let first = picker.cursor().saturating_sub(rows - 1);
    for (row, (i, &(id, which))) in picker.matches().iter().enumerate().skip(first).take(rows).enumerate() {
        let e = index.entity(id);
        let counts = format!(
            "{} mention{} · {} article{} ",
            e.mentions,
            if e.mentions == 1 { "" } else { "s" },
            e.articles,
            if e.articles == 1 { "" } else { "s" }
        );
        let alias = (which > 0).then(|| format!(" · {}", sanitize(EntityPicker::name_of(index, id, which))));
        let name = format!("{}{}", sanitize(&e.name), alias.unwrap_or_default());
        let name = fit(&name, width.saturating_sub(counts.len() + 4));
        let gap = width.saturating_sub(3 + unicode_width::UnicodeWidthStr::width(name.as_str()) + counts.len());
        let mut line = Line::from(vec![
            Span::raw(" "),
            Span::styled(e.kind.letter(), theme.kind(e.kind).add_modifier(Modifier::BOLD)),
            Span::raw(" "),
            Span::styled(name, theme.kind(e.kind)),
            Span::raw(" ".repeat(gap)),
            Span::styled(counts, theme.dim),
        ]);
        if i == picker.cursor() {
            line = line.style(theme.cursor);
        }
        frame.render_widget(line, Rect::new(inner.x, inner.y + 1 + row as u16, inner.width, 1));
    }
    if picker.matches().is_empty() {
        frame.render_widget(
            Line::styled(" no entity matches", theme.dim),
            Rect::new(inner.x, inner.y + 1, inner.width, 1),
        );
    }
}
