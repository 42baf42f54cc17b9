//! Where the panes go for a terminal size: worked out once per size by the app (which needs
//! it to know how much text fits), and drawn there by the UI, which returns what it used.

use ratatui::layout::Rect;

/// Smallest terminal the three panes fit in; below it the UI says "terminal too small".
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

/// Rows each list item takes: its title, then its source and date.
pub const LIST_ITEM_ROWS: usize = 2;

/// Columns of padding each side of the reader's text, inside its border.
pub const READER_PADDING: u16 = 1;

/// A screen and its panes (None when it is too small for them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Layout {
    pub area: Rect,
    pub panes: Option<Panes>,
}

impl Layout {
    pub fn new(area: Rect) -> Layout {
        Layout { area, panes: Panes::new(area) }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Panes {
    pub list: Rect,
    pub entities: Rect,
    pub reader: Rect,
    pub status: Rect,
}

impl Panes {
    /// Article list top left, entities below it, reader on the right, status line at the
    /// bottom. None when the terminal is too small.
    pub fn new(area: Rect) -> Option<Panes> {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return None;
        }
        let main_height = area.height - 1;
        let left_width = (area.width * 35 / 100).clamp(20, 56);
        let list_height = main_height * 55 / 100;
        Some(Panes {
            list: Rect::new(area.x, area.y, left_width, list_height),
            entities: Rect::new(area.x, area.y + list_height, left_width, main_height - list_height),
            reader: Rect::new(area.x + left_width, area.y, area.width - left_width, main_height),
            status: Rect::new(area.x, area.y + main_height, area.width, 1),
        })
    }

    /// Columns and rows of reader text inside its border and padding.
    pub fn reader_text_size(&self) -> (usize, usize) {
        let width = self.reader.width.saturating_sub(2 + 2 * READER_PADDING);
        (width as usize, self.reader.height.saturating_sub(2) as usize)
    }

    /// List items shown at once.
    pub fn list_capacity(&self) -> usize {
        (self.list_rows() / LIST_ITEM_ROWS).max(1)
    }

    /// Rows inside the list's and entity pane's borders.
    pub fn list_rows(&self) -> usize {
        self.list.height.saturating_sub(2) as usize
    }

    pub fn entity_rows(&self) -> usize {
        self.entities.height.saturating_sub(2) as usize
    }
}

/// `area` less the reader's padding each side.
pub fn padded(area: Rect) -> Rect {
    Rect { x: area.x + READER_PADDING, width: area.width.saturating_sub(2 * READER_PADDING), ..area }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_tile_the_screen() {
        for (w, h) in [(80, 24), (120, 40), (40, 10), (300, 100)] {
            let p = Panes::new(Rect::new(0, 0, w, h)).unwrap();
            assert_eq!(p.list.width + p.reader.width, w);
            assert_eq!(p.list.height + p.entities.height + p.status.height, h);
            assert_eq!(p.reader.height + 1, h);
        }
        assert!(Panes::new(Rect::new(0, 0, 39, 24)).is_none());
        assert!(Panes::new(Rect::new(0, 0, 1, 1)).is_none());
    }
}
