use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{Theme, popup};
use crate::app::App;
use crate::corpus::sanitize;
use crate::fit::fit;

/// The files skipped while loading, each with its reason.
pub fn draw(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let skipped = &app.corpus.skipped;
    let inner = popup(frame, area, skipped.len().clamp(1, 30), "Skipped files", "L or Esc to close", theme);
    let width = inner.width as usize;
    if skipped.is_empty() {
        frame.render_widget(Line::styled(" every file loaded", theme.dim), Rect { height: 1, ..inner });
        return;
    }
    for (i, s) in skipped.iter().enumerate() {
        let y = inner.y + i as u16;
        if y >= inner.bottom() {
            break;
        }
        let line = Line::from(vec![
            Span::raw(fit(&format!(" {}: ", sanitize(&s.path)), width / 2 + 8)),
            Span::styled(s.reason.clone(), theme.dim),
        ]);
        frame.render_widget(line, Rect::new(inner.x, y, inner.width, 1));
    }
}
