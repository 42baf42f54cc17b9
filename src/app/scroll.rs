//! One scroll helper for the panes that have a cursor over items: the cursor, the first
//! item shown, and how both move, `capacity` items being shown at once.

/// A cursor into `len` items and the first one shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scroll {
    cursor: usize,
    offset: usize,
}

impl Scroll {
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The first item shown.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// Puts the cursor on `cursor`, scrolling as little as keeps it in view.
    pub fn place(&mut self, cursor: usize, capacity: usize) {
        self.cursor = cursor;
        self.ensure_visible(capacity);
    }

    /// Puts the cursor on `cursor` in a list shown afresh from its top.
    pub fn reset(&mut self, cursor: usize, capacity: usize) {
        self.offset = 0;
        self.place(cursor, capacity);
    }

    /// Moves the cursor by `delta`, kept within `0..len`; says whether it moved.
    pub fn move_by(&mut self, delta: isize, len: usize, capacity: usize) -> bool {
        let before = self.cursor;
        self.cursor = self.cursor.saturating_add_signed(delta).min(len.saturating_sub(1));
        self.ensure_visible(capacity);
        self.cursor != before
    }

    /// Scrolls the shown items by `delta` (the wheel) without moving the cursor.
    pub fn scroll_by(&mut self, delta: isize, len: usize, capacity: usize) {
        self.offset = self.offset.saturating_add_signed(delta).min(len.saturating_sub(capacity));
    }

    /// The first shown item so that the cursor is among the `capacity` shown.
    pub fn ensure_visible(&mut self, capacity: usize) {
        let capacity = capacity.max(1);
        if self.cursor < self.offset {
            self.offset = self.cursor;
        } else if self.cursor >= self.offset + capacity {
            self.offset = self.cursor + 1 - capacity;
        }
    }

    /// The items shown of `len`: from the offset, `capacity` at most.
    pub fn shown(&self, len: usize, capacity: usize) -> std::ops::Range<usize> {
        self.offset.min(len)..(self.offset + capacity).min(len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_stays_in_view_and_in_range() {
        let mut s = Scroll::default();
        assert!(s.move_by(7, 10, 3));
        assert_eq!((s.cursor(), s.offset()), (7, 5));
        assert!(!s.move_by(100, 10, 3) || s.cursor() == 9);
        assert_eq!((s.cursor(), s.offset()), (9, 7));
        s.move_by(-8, 10, 3);
        assert_eq!((s.cursor(), s.offset()), (1, 1));
        s.scroll_by(100, 10, 3);
        assert_eq!((s.cursor(), s.offset()), (1, 7), "the wheel leaves the cursor");
        s.reset(4, 3);
        assert_eq!((s.cursor(), s.offset()), (4, 2));
        assert_eq!(s.shown(10, 3), 2..5);
        assert_eq!(s.shown(3, 3), 2..3);
        assert!(!Scroll::default().move_by(1, 0, 3), "nothing to move over");
    }
}
