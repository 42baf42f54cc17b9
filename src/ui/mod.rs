//! Drawing: a pure function of the app state onto a ratatui frame.

mod corrections;
mod dossier;
mod entities;
mod help;
mod list;
mod log;
pub mod picker;
mod reader;
mod split_menu;
mod status;
mod theme;

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::Line;
use ratatui::text::Span;
use ratatui::widgets::{Block, BorderType, Borders, Clear, Scrollbar, ScrollbarOrientation, ScrollbarState};

use crate::app::{App, Focus, Overlay};
use crate::layout::{Layout, MIN_HEIGHT, MIN_WIDTH, padded as pad};

pub use theme::{Theme, no_color};

/// Draws `app` in `theme`'s colours, in the layout the app worked out for its size, and
/// returns that layout; help and the key hints show `app.keymap()`.
pub fn draw(app: &App, frame: &mut Frame, theme: &Theme) -> Layout {
    let area = frame.area();
    // Only a frame of another size than the app's (a caller's mistake) is laid out here,
    // so that nothing is drawn outside it.
    let layout = if app.layout().area == area { *app.layout() } else { Layout::new(area) };
    let Some(panes) = layout.panes else {
        let msg = format!("terminal too small (need {MIN_WIDTH}×{MIN_HEIGHT})");
        frame.render_widget(Line::raw(crate::fit::fit(&msg, area.width as usize)), area);
        return layout;
    };
    list::draw(app, app.list(), frame, panes.list, theme);
    entities::draw(app, app.entities(), frame, panes.entities, theme);
    match app.dossier() {
        Some(view) => dossier::draw(app, view, frame, panes.reader, theme),
        None => reader::draw(app, app.reader(), frame, panes.reader, theme),
    }
    status::draw(app, frame, panes.status, theme);
    match app.overlay() {
        Overlay::Help(_) => help::draw(app, frame, area, theme),
        Overlay::Log => log::draw(app, frame, area, theme),
        Overlay::Corrections => corrections::draw(app, frame, area, theme),
        Overlay::Picker(picker) => picker::draw(picker, &app.index, &app.picker_title(), frame, area, theme),
        Overlay::None | Overlay::Dossier(_) => {}
    }
    if let Some(menu) = app.split_menu() {
        split_menu::draw(app, menu, frame, area, theme);
    }
    layout
}

/// A bordered pane, its border brighter when it has the focus.
fn pane<'a>(title: Line<'a>, focused: bool, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_type(if focused { BorderType::Thick } else { BorderType::Plain })
        .border_style(if focused { theme.focus_border } else { theme.border })
        .title(title)
}

/// A pane's title cut to the `width` of its pane with "…", never mid-word without a mark.
fn fit_title(title: Vec<Span<'_>>, width: u16) -> Line<'_> {
    let mut room = (width as usize).saturating_sub(2);
    let mut out = Vec::new();
    for span in title {
        let w = crate::fit::width(&span.content);
        if w > room {
            out.push(Span::styled(crate::fit::fit(&span.content, room), span.style));
            break;
        }
        room -= w;
        out.push(span);
    }
    Line::from(out)
}

fn is_focused(app: &App, f: Focus) -> bool {
    app.focus() == f && matches!(app.overlay(), Overlay::None)
}

/// A box over the middle of the screen, `rows` tall inside; returns where its text goes.
fn popup(frame: &mut Frame, area: Rect, rows: usize, title: &str, hint: &str, theme: &Theme) -> Rect {
    popup_wide(frame, area, rows, 64, title, hint, theme)
}

/// The same, `width` columns wide at most.
fn popup_wide(frame: &mut Frame, area: Rect, rows: usize, width: u16, title: &str, hint: &str, theme: &Theme) -> Rect {
    let width = width.min(area.width.saturating_sub(4));
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

/// A scrollbar on the right border of a pane when `total` items do not fit in `shown`.
fn scrollbar(frame: &mut Frame, pane: Rect, total: usize, shown: usize, offset: usize) {
    if total > shown {
        let mut state = ScrollbarState::new(total - shown).position(offset);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight).begin_symbol(None).end_symbol(None);
        frame.render_stateful_widget(bar, pane.inner(Margin { vertical: 1, horizontal: 0 }), &mut state);
    }
}
