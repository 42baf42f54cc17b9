use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear};

use super::Theme;
use super::text::fit;
use crate::app::keymap::BINDINGS;

/// Every key from the key table, in a box over the middle of the screen.
pub fn draw(frame: &mut Frame, area: Rect, theme: &Theme) {
    let width = 64.min(area.width.saturating_sub(4));
    let height = (BINDINGS.len() as u16 + 4).min(area.height.saturating_sub(2));
    let popup = Rect::new(area.x + (area.width - width) / 2, area.y + (area.height - height) / 2, width, height);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.focus_border)
        .title(Span::styled(" Keys ", theme.title))
        .title_bottom(Line::styled(" ? or Esc to close ", theme.dim));
    let inner = block.inner(popup);
    frame.render_widget(Clear, popup);
    frame.render_widget(block, popup);
    let label_width = BINDINGS.iter().map(|b| b.label.chars().count()).max().unwrap_or(0);
    for (i, b) in BINDINGS.iter().enumerate() {
        let y = inner.y + 1 + i as u16;
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
