//! What a pane asks of the rest of the app. Panes own their state; anything that reaches
//! another pane comes back to `App` as an effect, so the coupling is applied in one place.

use crate::corpus::Field;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Show this article in the reader.
    Open(usize),
    /// Scroll the reader to this byte of this field.
    ScrollTo(Field, usize),
    /// Say this on the status line.
    Note(String),
}
