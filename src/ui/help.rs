use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::text::fit;
use super::{Theme, popup};
use crate::app::keymap::BINDINGS;

/// Every key from the key table, in a box over the middle of the screen.
pub fn draw(frame: &mut Frame, area: Rect, theme: &Theme) {
    let inner = popup(frame, area, BINDINGS.len(), "Keys", "? or Esc to close", theme);
    let label_width = BINDINGS.iter().map(|b| b.label.chars().count()).max().unwrap_or(0);
    for (i, b) in BINDINGS.iter().enumerate() {
        let y = inner.y + i as u16;
        if y >= inner.bottom() {
            break;
        }
        let line = Line::from(vec![
            Span::styled(format!("  {:<label_width$}  ", b.label), theme.status_key.bg(ratatui::style::Color::Reset)),
            Span::raw(fit(b.help, (inner.width as usize).saturating_sub(label_width + 4))),
        ]);
        frame.render_widget(line, Rect::new(inner.x, y, inner.width, 1));
    }
}
