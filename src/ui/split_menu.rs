//! The split key's list in a box over the middle of the screen: which mentions of the
//! entity become a person of their own, with how many each moves.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{Theme, popup_wide};
use crate::app::{App, SplitMenu};
use crate::corpus::sanitize;
use crate::fit::fit;

/// Rows of choices shown at most.
const ROWS: usize = 12;

pub fn draw(app: &App, menu: &SplitMenu, frame: &mut Frame, area: Rect, theme: &Theme) {
    let rows = ROWS.min((area.height as usize).saturating_sub(4)).max(1);
    let title = format!("Split off {}", sanitize(&menu.name));
    let inner = popup_wide(
        frame,
        area,
        rows.min(menu.choices.len()),
        64,
        &title,
        "↑↓ choose · Enter split · Esc cancel",
        theme,
    );
    let width = inner.width as usize;
    let first = menu.cursor.saturating_sub(rows - 1);
    for (row, (i, choice)) in menu.choices.iter().enumerate().skip(first).take(rows).enumerate() {
        let place = match choice.article {
            Some(a) => format!(" in {}", sanitize(app.corpus.articles.get(a).map_or("", |a| a.path.as_str()))),
            None => String::new(),
        };
        let count = format!("{} mention{} ", choice.mentions, if choice.mentions == 1 { "" } else { "s" });
        let what = fit(&format!(" “{}”{place}", sanitize(&choice.alias)), width.saturating_sub(count.len() + 1));
        let gap = width.saturating_sub(unicode_width::UnicodeWidthStr::width(what.as_str()) + count.len());
        let mut line = Line::from(vec![Span::raw(what), Span::raw(" ".repeat(gap)), Span::styled(count, theme.dim)]);
        if i == menu.cursor {
            line = line.style(theme.cursor);
        }
        frame.render_widget(line, Rect::new(inner.x, inner.y + row as u16, inner.width, 1));
    }
}
