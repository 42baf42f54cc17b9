//! Keys and what they ask for: the actions, one key press as the config writes it, and the
//! key table for each mode. At the bottom of the modules: `config` and `app` use it, it
//! uses neither.

mod action;
mod key;
pub mod keymap;

pub use action::Action;
pub use key::{BadKey, Key};
pub use keymap::{BINDINGS, Binding, KeyBinding, Keymap, Mode};
