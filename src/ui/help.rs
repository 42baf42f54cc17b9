use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{Theme, popup_wide};
use crate::app::{App, Keymap};
use crate::fit::fit;

/// Every action with the keys in effect (the config's, if it rebinds them), in a box over
/// the middle of the screen; in two columns when one does not fit the height.
pub fn draw(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let rows: Vec<(String, &str)> = app.keymap().rows().map(|(b, keys)| (Keymap::label(keys), b.help)).collect();
    let fits = (area.height as usize).saturating_sub(2);
    let columns = if rows.len() > fits { 2 } else { 1 };
    let per_column = rows.len().div_ceil(columns);
    let width = if columns == 1 { 64 } else { 132 };
    let inner = popup_wide(frame, area, per_column, width, "Keys", "? or Esc to close", theme);
    let label_width = rows.iter().map(|(label, _)| label.chars().count()).max().unwrap_or(0);
    let column_width = inner.width / columns as u16;
    for (i, (label, help)) in rows.iter().enumerate() {
        let (column, row) = (i / per_column, i % per_column);
        let y = inner.y + row as u16;
        if y >= inner.bottom() {
            continue;
        }
        let x = inner.x + column as u16 * column_width;
        let line = Line::from(vec![
            Span::styled(format!("  {label:<label_width$}  "), theme.status_key.bg(ratatui::style::Color::Reset)),
            Span::raw(fit(help, (column_width as usize).saturating_sub(label_width + 4))),
        ]);
        frame.render_widget(line, Rect::new(x, y, column_width, 1));
    }
}
