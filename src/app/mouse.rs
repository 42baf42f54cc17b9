//! Mouse events to actions (a click, or a turn of the wheel, at a cell of the screen), and
//! what they do to the app.

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

use ratatui::layout::Rect;

use super::{Action, App, Focus};
use crate::entities::MentionRef;

/// Lines the wheel scrolls a notch.
pub const WHEEL_STEP: isize = 3;

/// The action for a mouse event, if any: left clicks and the wheel; drags, releases and
/// other buttons do nothing.
pub fn mouse_action(event: MouseEvent) -> Option<Action> {
    let (column, row) = (event.column, event.row);
    match event.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
        MouseEventKind::ScrollDown => Some(Action::Wheel { column, row, down: true }),
        MouseEventKind::ScrollUp => Some(Action::Wheel { column, row, down: false }),
        _ => None,
    }
}

impl App {
    /// Which pane holds a screen cell, and the cell's place inside its border.
    pub(super) fn pane_at(&self, column: u16, row: u16) -> Option<(Focus, usize, usize)> {
        let panes = self.panes()?;
        let pos = ratatui::layout::Position::new(column, row);
        let inside = |r: Rect| (column.saturating_sub(r.x + 1) as usize, row.saturating_sub(r.y + 1) as usize);
        [(Focus::List, panes.list), (Focus::Reader, panes.reader), (Focus::Entities, panes.entities)]
            .into_iter()
            .find(|(_, r)| r.contains(pos))
            .map(|(focus, r)| {
                let (x, y) = inside(r);
                (focus, x, y)
            })
    }

    /// A click focuses the pane; on a list row it opens that article (a second click
    /// reads it), on an entity it selects it, on a mention it selects the mention's entity.
    pub(super) fn click(&mut self, column: u16, row: u16) {
        let Some((focus, x, y)) = self.pane_at(column, row) else { return };
        self.focus = focus;
        match focus {
            Focus::List => {
                let i = self.list.offset() + y / self.list_item_rows();
                match self.list.click(i, self.list_capacity()) {
                    Some((article, true)) if article == self.reader.open() => self.activate(),
                    Some((article, _)) => self.open_article(article),
                    None => {}
                }
            }
            Focus::Entities => {
                let i = self.entities.offset() + y;
                if self.phase.indexed() && self.entities.click(i, &self.index, self.entity_capacity()) {
                    self.activate();
                }
            }
            // The text starts after the reader's padding.
            Focus::Reader => {
                self.click_text(self.reader.top() + y, x.saturating_sub(crate::layout::READER_PADDING as usize))
            }
        }
    }

    /// Selects the entity of the mention at `column` of reader row `row`, if any.
    pub(super) fn click_text(&mut self, row: usize, column: usize) {
        if let Some(&crate::wrap::Row::Fold(fold)) = self.reader.wrapped().rows.get(row) {
            return self.expand(fold);
        }
        let Some(&crate::wrap::Row::Text { field, start, end }) = self.reader.wrapped().rows.get(row) else { return };
        let Some(article) = self.corpus.articles.get(self.reader.open()) else { return };
        let text = &article.field(field)[start..end];
        // The byte under the column, counting display width as the reader draws it.
        let mut width = 0;
        let Some(offset) = text.char_indices().find_map(|(i, c)| {
            width += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            (width > column).then_some(start + i)
        }) else {
            return;
        };
        let mentions = self.index.mentions_in(self.reader.open());
        if let Some(i) = mentions.iter().position(|m| m.field == field && m.range().contains(&offset)) {
            self.followed
                .land(mentions[i].entity, MentionRef { article: self.reader.open() as u32, mention: i as u32 });
            self.refresh_entity_rows();
        }
    }

    /// The wheel scrolls the pane under the pointer, without moving its cursor.
    pub(super) fn wheel(&mut self, column: u16, row: u16, down: bool) {
        let Some((focus, ..)) = self.pane_at(column, row) else { return };
        let delta = if down { WHEEL_STEP } else { -WHEEL_STEP };
        match focus {
            Focus::Reader => self.scroll_reader(delta),
            Focus::List => self.list.scroll_by(delta, self.list_capacity()),
            Focus::Entities => self.entities.scroll_by(delta, &self.index, self.entity_capacity()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyModifiers;

    fn at(kind: MouseEventKind) -> MouseEvent {
        MouseEvent { kind, column: 7, row: 3, modifiers: KeyModifiers::NONE }
    }

    #[test]
    fn clicks_and_the_wheel() {
        assert_eq!(
            mouse_action(at(MouseEventKind::Down(MouseButton::Left))),
            Some(Action::Click { column: 7, row: 3 })
        );
        assert_eq!(mouse_action(at(MouseEventKind::ScrollDown)), Some(Action::Wheel { column: 7, row: 3, down: true }));
        assert_eq!(mouse_action(at(MouseEventKind::ScrollUp)), Some(Action::Wheel { column: 7, row: 3, down: false }));
        assert_eq!(mouse_action(at(MouseEventKind::Down(MouseButton::Right))), None);
        assert_eq!(mouse_action(at(MouseEventKind::Up(MouseButton::Left))), None);
        assert_eq!(mouse_action(at(MouseEventKind::Moved)), None);
    }
}
