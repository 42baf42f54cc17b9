//! Mouse events to actions: a click, or a turn of the wheel, at a cell of the screen.

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

use super::Action;

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
