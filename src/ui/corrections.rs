//! The corrections in effect, in a box over the middle of the screen: each one, numbered as
//! `byline correct list` numbers them, with what it changes in these articles (or that its
//! entity no longer exists).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{Theme, popup_wide};
use crate::app::App;
use crate::fit::fit;

pub fn draw(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let rows = app.corrections_in_effect();
    let shown = app.help_height().min(rows.len().max(1));
    let top = app.help_top().min(rows.len().saturating_sub(shown));
    let hint = if shown < rows.len() {
        format!("j/k PgDn/PgUp scroll · {}–{} of {} · Esc closes", top + 1, top + shown, rows.len())
    } else {
        "C or Esc closes".to_string()
    };
    let inner = popup_wide(frame, area, shown, 100, "Corrections in effect", &hint, theme);
    let width = inner.width as usize;
    if rows.is_empty() {
        let none = " no corrections: M, A, D, K, X and R on an entity make them";
        frame.render_widget(Line::styled(none, theme.dim), Rect { height: 1, ..inner });
        return;
    }
    for (y, row) in rows[top..top + shown].iter().enumerate() {
        let effect = format!(" {} ", row.effect);
        let room = width.saturating_sub(effect.chars().count());
        let what = fit(&format!(" {}", row.what), room);
        let gap = room.saturating_sub(unicode_width::UnicodeWidthStr::width(what.as_str()));
        let line = Line::from(vec![
            Span::raw(what),
            Span::raw(" ".repeat(gap)),
            Span::styled(effect, if row.stale { theme.title } else { theme.dim }),
        ]);
        frame.render_widget(line, Rect::new(inner.x, inner.y + y as u16, inner.width, 1));
    }
}
