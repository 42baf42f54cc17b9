//! The reader's cursor on mentions: `]` / `[` move it to the next / previous highlighted
//! mention (any entity), and `*` and Enter act on the one chosen rather than on the name
//! nearest the top.

use super::App;
use super::Effect;
use super::folds::folded_mention;
use crate::entities::MentionRef;

impl App {
    /// The mention under the reader's cursor, when it is on screen.
    pub fn cursor_mention(&self) -> Option<u32> {
        let i = self.reader.mention_cursor()?;
        let m = self.index.mentions_in(self.reader.open()).get(i as usize)?;
        self.reader.shows(m, self.reader_size().1).then_some(i)
    }

    /// `]` / `[`: the cursor on the next (previous) mention after (before) the one under it,
    /// or on the first (last) one on screen; the reader scrolls to it when it is off screen.
    pub(super) fn step_cursor_mention(&mut self, forward: bool) {
        let open = self.reader.open();
        let mentions = self.index.mentions_in(open);
        let folds = self.reader.folds();
        let height = self.reader_size().1;
        let visible = |i: usize| !folded_mention(folds, &mentions[i]);
        let target = match self.cursor_mention() {
            Some(at) if forward => (at as usize + 1..mentions.len()).find(|&i| visible(i)),
            Some(at) => (0..at as usize).rev().find(|&i| visible(i)),
            None => {
                let first = self.reader.first_shown_mention(mentions) as usize;
                let on_screen = |i: usize| visible(i) && self.reader.shows(&mentions[i], height);
                let bottom = self.reader.top() + height;
                let above_bottom = |i: usize| {
                    let m = &mentions[i];
                    self.reader.wrapped().row_of(m.field, m.start as usize).is_none_or(|row| row < bottom)
                };
                let shown: Vec<usize> =
                    (first..mentions.len()).take_while(|&i| above_bottom(i)).filter(|&i| on_screen(i)).collect();
                let on_screen = if forward { shown.first() } else { shown.last() };
                match on_screen {
                    Some(&i) => Some(i),
                    None if forward => (first..mentions.len()).find(|&i| visible(i)),
                    None => (0..first).rev().find(|&i| visible(i)),
                }
            }
        };
        let Some(i) = target else {
            let which = if forward { "after" } else { "before" };
            self.message = Some(format!("no mention {which} this one in the article"));
            return;
        };
        let m = mentions[i];
        self.reader.set_mention_cursor(Some(i as u32));
        self.apply(Some(Effect::ScrollTo(m.field, m.start as usize)));
        let name = crate::corpus::sanitize(&self.index.entity(m.entity).name);
        let keys = self.keymap.keys_of(super::Action::SelectNearest).first().map(crate::keys::Key::label);
        self.message = Some(format!("{name}{}", keys.map(|k| format!(" · {k} or Enter selects")).unwrap_or_default()));
    }

    /// `*` or Enter on the cursor's mention: its entity is selected, from that mention on.
    /// False when the cursor is on no mention shown.
    pub(super) fn select_cursor_mention(&mut self) -> bool {
        let Some(i) = self.cursor_mention() else { return false };
        let open = self.reader.open();
        let entity = self.index.mentions_in(open)[i as usize].entity;
        self.followed.land(entity, MentionRef { article: open as u32, mention: i });
        self.refresh_entity_rows();
        true
    }
}
