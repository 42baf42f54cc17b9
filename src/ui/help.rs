use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{Theme, popup};
use crate::app::{App, Keymap};
use crate::fit::fit;

/// Every action with the keys in effect (the config's, if it rebinds them), in a box over
/// the middle of the screen.
pub fn draw(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let rows: Vec<(String, &str)> = app.keymap.rows().map(|(b, keys)| (Keymap::label(keys), b.help)).collect();
    let inner = popup(frame, area, rows.len(), "Keys", "? or Esc to close", theme);
    let label_width = rows.iter().map(|(label, _)| label.chars().count()).max().unwrap_or(0);
    for (i, (label, help)) in rows.iter().enumerate() {
        let y = inner.y + i as u16;
        if y >= inner.bottom() {
            break;
        }
        let line = Line::from(vec![
            Span::styled(format!("  {label:<label_width$}  "), theme.status_key.bg(ratatui::style::Color::Reset)),
            Span::raw(fit(help, (inner.width as usize).saturating_sub(label_width + 4))),
        ]);
        frame.render_widget(line, Rect::new(inner.x, y, inner.width, 1));
    }
}
