use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{Theme, popup_wide};
use crate::app::{App, help_rows};
use crate::fit::fit;

/// Every key in effect in every mode (the config's, if it rebinds them), folds and the
/// mouse, in a box over the middle of the screen that scrolls when they do not fit.
pub fn draw(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let rows = help_rows(app.keymap());
    let shown = app.help_height().min(rows.len());
    let top = app.help_top().min(rows.len().saturating_sub(shown));
    let end = (top + shown).min(rows.len());
    let hint = if shown < rows.len() {
        format!("j/k PgDn/PgUp scroll · {}–{} of {} · Esc closes", top + 1, end, rows.len())
    } else {
        "? or Esc to close".to_string()
    };
    let inner = popup_wide(frame, area, shown, 76, "Keys", &hint, theme);
    let label_width = rows.iter().map(|(label, _)| label.chars().count()).max().unwrap_or(0).min(14);
    let width = inner.width as usize;
    for (y, (label, help)) in rows[top..end].iter().enumerate() {
        let line = if label.is_empty() {
            Line::styled(fit(&format!(" {help}"), width), theme.title)
        } else {
            Line::from(vec![
                Span::styled(
                    fit(&format!("  {label:<label_width$}  "), label_width + 4),
                    theme.status_key.bg(ratatui::style::Color::Reset),
                ),
                Span::raw(fit(help, width.saturating_sub(label_width + 4))),
            ])
        };
        frame.render_widget(line, Rect::new(inner.x, inner.y + y as u16, inner.width, 1));
    }
}
