//! The reader's correction keys: mark an entity and then another to merge them, say an
//! entity is none, rename one in a small prompt on the status line, undo the last correction. The app only asks; the event loop writes the
//! corrections file and builds the index again, which comes back through
//! [`App::corrected_index_ready`].

use std::sync::Arc;

use super::{App, Focus, Phase};
use crate::corrections::NewKind;
use crate::corrections::command::Request;
use crate::entities::{EntityId, Index};
use crate::keys::Action;

/// What the reader asks of the corrections file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CorrectionAsk {
    Make(Request),
    Undo,
}

/// The correction keys' state: the entity marked for a merge, and the ask not yet taken.
#[derive(Debug, Default)]
pub struct CorrectionKeys {
    /// By id, so that it survives the index being built again.
    merge_mark: Option<String>,
    /// The marked entity's name, for the picker's title.
    merge_name: String,
    ask: Option<CorrectionAsk>,
    /// While the rename prompt is open: the entity's id and name, and the new name so far.
    renaming: Option<(String, String, String)>,
}

impl CorrectionKeys {
    /// The id of the entity marked for a merge, if one is.
    pub fn merge_mark(&self) -> Option<&str> {
        self.merge_mark.as_deref()
    }

    /// The rename prompt is open: keys type into it.
    pub fn typing(&self) -> bool {
        self.renaming.is_some()
    }
}

impl App {
    /// The entity a correction key means: the dossier's person, the entity under the entity
    /// pane's cursor, or else the selected one.
    fn correction_target(&self) -> Option<EntityId> {
        if let Some(view) = self.dossier() {
            return Some(view.dossier.entity);
        }
        match self.focus {
            Focus::Entities => self.entities.under_cursor(&self.index),
            _ => None,
        }
        .or(self.selected())
    }

    /// A key while the rename prompt is open: characters type, Enter renames, Esc cancels.
    pub(super) fn rename_prompt_key(&mut self, action: Action) {
        let Some((id, name, text)) = &mut self.corrections.renaming else { return };
        match action {
            Action::SearchChar(c) => text.push(c),
            Action::SearchBackspace => {
                text.pop();
            }
            Action::SearchDone if !text.trim().is_empty() => {
                let request = Request::Rename { name: id.clone(), to: text.trim().to_string() };
                self.corrections.ask = Some(CorrectionAsk::Make(request));
                self.corrections.renaming = None;
                return;
            }
            Action::Back | Action::Quit => {
                self.corrections.renaming = None;
                self.message = Some("rename cancelled".into());
                return;
            }
            _ => {}
        }
        let prompt = format!("rename {name} to: {text}\u{258f}  (Enter renames, Esc cancels)");
        self.message = Some(crate::corpus::sanitize(&prompt).into_owned());
    }

    /// A correction key: `CorrectMerge`, `CorrectNone`, `CorrectRename`, `CorrectUndo`.
    pub(super) fn correction_key(&mut self, action: Action) {
        if action == Action::CorrectUndo {
            self.corrections.ask = Some(CorrectionAsk::Undo);
            return;
        }
        if !self.indexed() {
            return;
        }
        let Some(target) = self.correction_target() else {
            self.message = Some("select an entity first (entity pane or dossier)".into());
            return;
        };
        let e = self.index.entity(target);
        let (id, name) = (e.id.clone(), e.name.clone());
        match action {
            Action::CorrectMerge => match self.corrections.merge_mark.take() {
                Some(keep) if keep != id => {
                    self.corrections.ask = Some(CorrectionAsk::Make(Request::Merge { keep, other: id }));
                }
                Some(_) => self.message = Some("merge cancelled".into()),
                None => {
                    let key = self.keymap.keys_of(Action::CorrectMerge).first().map(|k| k.label()).unwrap_or_default();
                    let pick = self.keymap.keys_of(Action::PickEntity).first().map(|k| k.label()).unwrap_or_default();
                    self.message = Some(format!(
                        "merge: {name} marked; {key} on another entity, or {pick} to pick it by name, merges it into {name}"
                    ));
                    self.corrections.merge_mark = Some(id);
                    self.corrections.merge_name = name;
                }
            },
            Action::CorrectNone => {
                self.corrections.ask = Some(CorrectionAsk::Make(Request::Kind { name: id, kind: NewKind::None }));
            }
            Action::CorrectRename => {
                self.corrections.renaming = Some((id, name, String::new()));
                self.rename_prompt_key(Action::SearchBackspace);
            }
            _ => {}
        }
    }

    /// Enter in the picker while an entity is marked for a merge: the chosen one merges into
    /// it. False when nothing is marked (the picker then goes to the entity).
    pub(super) fn merge_picked(&mut self, chosen: EntityId) -> bool {
        let Some(keep) = self.corrections.merge_mark.take() else { return false };
        let other = self.index.entity(chosen).id.clone();
        if other == keep {
            self.message = Some("merge cancelled: that is the marked entity".into());
        } else {
            self.corrections.ask = Some(CorrectionAsk::Make(Request::Merge { keep, other }));
        }
        true
    }

    /// The picker's title: where Enter goes, or what it merges into.
    pub fn picker_title(&self) -> String {
        match self.corrections.merge_mark() {
            Some(_) => format!("Merge into {}: pick the other", crate::corpus::sanitize(&self.corrections.merge_name)),
            None => "Go to entity".to_string(),
        }
    }

    /// The correction asked for, once: the event loop makes it.
    pub fn take_correction(&mut self) -> Option<CorrectionAsk> {
        self.corrections.ask.take()
    }

    /// The index built again with the corrections: entity numbers changed, so the
    /// selection and the entity filter follow their entity by id, and a dossier closes.
    pub fn corrected_index_ready(&mut self, index: Arc<Index>) {
        let by_id = |old: &Index, new: &Index, e: Option<EntityId>| {
            let id = &old.entities.get(e? as usize)?.id;
            new.entities.iter().position(|x| &x.id == id).map(|i| i as EntityId)
        };
        let selected = by_id(&self.index, &index, self.selected());
        self.filters.entity = by_id(&self.index, &index, self.filters.entity);
        if self.dossier().is_some() {
            self.overlay = super::Overlay::None;
        }
        // The quotes name entities by number too: they are found again.
        self.phase = Phase::FindingQuotes;
        self.index_ready(index);
        self.select(selected);
    }
}
