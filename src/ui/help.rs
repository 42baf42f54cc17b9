use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear};

use super::Theme;
use super::text::fit;
use crate::app::App;
use crate::app::keymap::BINDINGS;
use crate::corpus::sanitize;

/// A box over the middle of the screen, `rows` tall inside; returns where its text goes.
fn popup(frame: &mut Frame, area: Rect, rows: usize, title: &str, hint: &str, theme: &Theme) -> Rect {
    let width = 64.min(area.width.saturating_sub(4));
    let height = (rows as u16 + 2).min(area.height);
    let popup = Rect::new(area.x + (area.width - width) / 2, area.y + (area.height - height) / 2, width, height);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.focus_border)
        .title(Span::styled(format!(" {title} "), theme.title))
        .title_bottom(Line::styled(format!(" {hint} "), theme.dim));
    let inner = block.inner(popup);
    frame.render_widget(Clear, popup);
    frame.render_widget(block, popup);
    inner
}

/// The files skipped while loading, each with its reason.
pub fn draw_log(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
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
