//! The reader's correction keys: mark an entity and then another to merge them (or to keep
//! them apart), split an alias off one in a small list, give one another kind or none with
//! one key, rename one in a small prompt on the status line, undo the last correction. The
//! app only asks; the event loop writes the corrections file and builds the index again,
//! which comes back through [`App::corrected_index_ready`].

use std::sync::Arc;

use super::split_menu::SplitMenu;
use super::{App, Focus, Phase};
use crate::corrections::command::Request;
use crate::corrections::{Corrections, NewKind};
use crate::entities::{EntityId, Index, MentionRef};
use crate::keys::Action;

/// What the reader asks of the corrections file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CorrectionAsk {
    Make(Request),
    Undo,
}

/// What marking an entity and then another does with the two.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pairing {
    /// The other is merged into the marked one.
    Merge,
    /// The two are never merged.
    Never,
}

/// An entity marked for a merge or a never: by id, so that it survives the index being
/// built again, and its name for the messages.
#[derive(Debug, Clone)]
struct Mark {
    pairing: Pairing,
    id: String,
    name: String,
}

/// The correction keys' state: the entity marked, the prompt or list open, and the ask
/// not yet taken.
#[derive(Debug, Default)]
pub struct CorrectionKeys {
    mark: Option<Mark>,
    ask: Option<CorrectionAsk>,
    /// While the rename prompt is open: the entity's id and name, and the new name so far.
    renaming: Option<(String, String, String)>,
    /// While the kind prompt is open: the entity's id and name.
    kind_of: Option<(String, String)>,
    /// While the split list is open.
    split: Option<SplitMenu>,
    /// Asks taken by the event loop, and the last one whose result came back: while they
    /// differ the status line says a correction is being applied.
    asked: u64,
    answered: u64,
    /// The dossier was open when a corrected index came: it opens again with the quotes.
    dossier_after: bool,
    /// The corrections the index was built with, for their list.
    in_effect: Arc<Corrections>,
}

impl CorrectionKeys {
    /// The rename or kind prompt is open: keys type into it.
    pub fn typing(&self) -> bool {
        self.renaming.is_some() || self.kind_of.is_some()
    }

    /// The split list, while it is open (keys move in it as in the picker).
    pub fn split_menu(&self) -> Option<&SplitMenu> {
        self.split.as_ref()
    }
}

/// The kind prompt's keys: one each.
const KINDS: [(char, NewKind); 4] =
    [('p', NewKind::Person), ('o', NewKind::Organisation), ('l', NewKind::Place), ('n', NewKind::None)];

/// One row of the corrections list: the correction, what it changes here, and whether its
/// entity is gone.
pub struct InEffect {
    pub what: String,
    pub effect: String,
    pub stale: bool,
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

    /// A key while a prompt is open (rename or kind).
    pub(super) fn correction_prompt_key(&mut self, action: Action) {
        if self.corrections.kind_of.is_some() {
            self.kind_prompt_key(action);
        } else {
            self.rename_prompt_key(action);
        }
    }

    /// A key while the kind prompt is open: one letter chooses, Esc cancels.
    fn kind_prompt_key(&mut self, action: Action) {
        let Some((id, name)) = &self.corrections.kind_of else { return };
        match action {
            Action::SearchChar(c) => match KINDS.iter().find(|(k, _)| *k == c.to_ascii_lowercase()) {
                Some(&(_, kind)) => {
                    self.corrections.ask = Some(CorrectionAsk::Make(Request::Kind { name: id.clone(), kind }));
                    self.corrections.kind_of = None;
                }
                None => self.message = Some(kind_prompt(name)),
            },
            Action::Back | Action::Quit => {
                self.corrections.kind_of = None;
                self.message = Some("kind cancelled".into());
            }
            _ => self.message = Some(kind_prompt(name)),
        }
    }

    /// A key while the split list is open: ↑/↓ (or j/k) move, Enter splits, Esc cancels.
    pub(super) fn split_menu_key(&mut self, action: Action) {
        let Some(menu) = &mut self.corrections.split else { return };
        match action {
            Action::Down | Action::SearchChar('j') => menu.move_by(1),
            Action::Up | Action::SearchChar('k') => menu.move_by(-1),
            Action::PageDown => menu.move_by(10),
            Action::PageUp => menu.move_by(-10),
            Action::Activate => {
                let choice = menu.chosen().clone();
                let request = Request::Split { name: menu.id.clone(), alias: choice.alias, article: choice.article };
                self.corrections.ask = Some(CorrectionAsk::Make(request));
                self.corrections.split = None;
            }
            Action::Back | Action::Quit => {
                self.corrections.split = None;
                self.message = Some("split cancelled".into());
            }
            _ => self.message = Some("split: ↑/↓ choose the mentions, Enter splits them off, Esc cancels".into()),
        }
    }

    /// A key while the rename prompt is open: characters type, Enter renames, Esc cancels.
    fn rename_prompt_key(&mut self, action: Action) {
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

    /// A correction key: merge, never, split, kind, none, rename, undo.
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
            Action::CorrectMerge => self.pair_key(Pairing::Merge, id, name),
            Action::CorrectNever => self.pair_key(Pairing::Never, id, name),
            Action::CorrectNone => {
                self.corrections.ask = Some(CorrectionAsk::Make(Request::Kind { name: id, kind: NewKind::None }));
            }
            Action::CorrectKind => {
                self.message = Some(kind_prompt(&name));
                self.corrections.kind_of = Some((id, name));
            }
            Action::CorrectSplit => match SplitMenu::new(&self.corpus, &self.index, target, self.reader.open()) {
                Some(menu) => self.corrections.split = Some(menu),
                None => {
                    self.message = Some(
                        crate::corpus::sanitize(&format!("{name} is only ever written so: nothing to split off"))
                            .into_owned(),
                    )
                }
            },
            Action::CorrectRename => {
                self.corrections.renaming = Some((id, name, String::new()));
                self.rename_prompt_key(Action::SearchBackspace);
            }
            _ => {}
        }
    }

    /// Merge or never on an entity: marks it, or pairs it with the one marked.
    fn pair_key(&mut self, pairing: Pairing, id: String, name: String) {
        match self.corrections.mark.take() {
            Some(mark) if mark.pairing == pairing && mark.id != id => self.ask_pair(mark, id),
            Some(mark) if mark.pairing == pairing => self.message = Some(format!("{} cancelled", verb(pairing))),
            _ => {
                let action = match pairing {
                    Pairing::Merge => Action::CorrectMerge,
                    Pairing::Never => Action::CorrectNever,
                };
                let key = self.keymap.keys_of(action).first().map(|k| k.label()).unwrap_or_default();
                let pick = self.keymap.keys_of(Action::PickEntity).first().map(|k| k.label()).unwrap_or_default();
                let does = match pairing {
                    Pairing::Merge => format!("merges it into {name}"),
                    Pairing::Never => format!("keeps it apart from {name} for good"),
                };
                let note = format!(
                    "{}: {name} marked; {key} on another entity, or {pick} to pick it by name, {does}",
                    verb(pairing)
                );
                self.message = Some(crate::corpus::sanitize(&note).into_owned());
                self.corrections.mark = Some(Mark { pairing, id, name });
            }
        }
    }

    fn ask_pair(&mut self, mark: Mark, other: String) {
        let request = match mark.pairing {
            Pairing::Merge => Request::Merge { keep: mark.id, other },
            Pairing::Never => Request::Never { a: mark.id, b: other },
        };
        self.corrections.ask = Some(CorrectionAsk::Make(request));
    }

    /// Enter in the picker while an entity is marked for a merge: the chosen one merges into
    /// it. False when nothing is marked (the picker then goes to the entity).
    pub(super) fn merge_picked(&mut self, chosen: EntityId) -> bool {
        let Some(mark) = self.corrections.mark.take() else { return false };
        let other = self.index.entity(chosen).id.clone();
        if other == mark.id {
            self.message = Some(format!("{} cancelled: that is the marked entity", verb(mark.pairing)));
        } else {
            self.ask_pair(mark, other);
        }
        true
    }

    /// The picker's title: where Enter goes, or what the other is paired with.
    pub fn picker_title(&self) -> String {
        match &self.corrections.mark {
            Some(Mark { pairing: Pairing::Merge, name, .. }) => {
                format!("Merge into {}: pick the other", crate::corpus::sanitize(name))
            }
            Some(Mark { pairing: Pairing::Never, name, .. }) => {
                format!("Never merge with {}: pick the other", crate::corpus::sanitize(name))
            }
            None => "Go to entity".to_string(),
        }
    }

    /// The split list, while it is open.
    pub fn split_menu(&self) -> Option<&SplitMenu> {
        self.corrections.split_menu()
    }

    /// The rename or kind prompt is open on the status line.
    pub fn correction_prompt_open(&self) -> bool {
        self.corrections.typing()
    }

    /// The correction asked for, once: the event loop makes it, as ask number
    /// [`App::corrections_asked`].
    pub fn take_correction(&mut self) -> Option<CorrectionAsk> {
        let ask = self.corrections.ask.take()?;
        self.corrections.asked += 1;
        Some(ask)
    }

    /// How many corrections the event loop has taken: the number of the last one.
    pub fn corrections_asked(&self) -> u64 {
        self.corrections.asked
    }

    /// "applying correction…" from an ask until its result comes back.
    pub fn applying_note(&self) -> Option<&'static str> {
        (self.corrections.answered < self.corrections.asked).then_some("applying correction…")
    }

    /// Ask number `generation` is done: `note` says what it changed or why nothing did, and
    /// `index` is the newest built with the corrections. The index of an ask that a later
    /// one overtook is dropped: that one's result holds both.
    pub fn correction_done(&mut self, generation: u64, note: &str, built: Option<(Arc<Index>, Arc<Corrections>)>) {
        self.message = Some(crate::corpus::sanitize(note).into_owned());
        if generation < self.corrections.asked {
            return;
        }
        self.corrections.answered = generation;
        if let Some((index, corrections)) = built.filter(|(i, _)| !Arc::ptr_eq(i, &self.index)) {
            self.corrections.in_effect = corrections;
            self.corrected_index_ready(index);
        }
    }

    /// The corrections the index is built with (the event loop gives those read at start).
    pub fn set_corrections(&mut self, corrections: Arc<Corrections>) {
        self.corrections.in_effect = corrections;
    }

    /// Each correction in effect, numbered, with what it changes in these articles; the
    /// overlay lists them.
    pub fn corrections_in_effect(&self) -> Vec<InEffect> {
        let list = &self.corrections.in_effect.list;
        let outcomes = &self.index.corrections;
        list.iter()
            .enumerate()
            .map(|(i, c)| {
                let outcome = outcomes.get(i).filter(|_| outcomes.len() == list.len());
                InEffect {
                    what: crate::corpus::sanitize(&format!("{}. {}", i + 1, c.describe())).into_owned(),
                    effect: outcome.map_or_else(|| "being applied…".to_string(), |o| o.effect()),
                    stale: outcome.is_some_and(|o| !o.found),
                }
            })
            .collect()
    }

    /// Quotes found for `index`: taken only if it is still the index in use (a correction
    /// may have replaced it meanwhile).
    pub fn quotes_found(&mut self, quotes: Arc<crate::dossier::QuoteIndex>, index: &Arc<Index>) {
        if !Arc::ptr_eq(index, &self.index) {
            return;
        }
        self.quotes_ready(quotes);
        if std::mem::take(&mut self.corrections.dossier_after) && self.overlay.dossier().is_none() {
            self.open_dossier();
        }
    }

    /// The index built again with the corrections: entity numbers changed, so the
    /// selection, the mention `n`/`N` stand on and the entity filter follow their entity
    /// (by id, or where its mentions went when it was merged), the place in the article is
    /// kept, and a dossier opens again once the quotes are found.
    pub fn corrected_index_ready(&mut self, index: Arc<Index>) {
        let followed = |old: &Index, e: Option<EntityId>| follow(old, &index, e?);
        let selected = followed(&self.index, self.selected());
        // The entity pane's cursor is where correction keys act: it stays on its entity.
        let (under_cursor, row) =
            (followed(&self.index, self.entities.under_cursor(&self.index)), self.entities.cursor());
        let current = self.current().and_then(|at| same_mention(&self.index, &index, at));
        self.filters.entity = followed(&self.index, self.filters.entity);
        if self.dossier().is_some() {
            self.overlay = super::Overlay::None;
            self.corrections.dossier_after = selected.is_some();
        }
        // A picker, a dossier left or kept for Ctrl-O name entities by their old numbers.
        if self.overlay.picker().is_some() {
            self.overlay = super::Overlay::None;
        }
        self.left_dossier = None;
        self.jumps.forget_dossiers();
        // The quotes name entities by number too: they are found again.
        self.phase = Phase::FindingQuotes;
        self.index_ready(index);
        match (selected, current) {
            (Some(entity), Some(at)) if self.index.mention(at).entity == entity => self.followed.land(entity, at),
            _ => self.followed.follow(selected),
        }
        self.refresh_entity_rows();
        let capacity = self.entity_capacity();
        self.entities.keep_cursor(&self.index, under_cursor, row, capacity);
        self.count_shown_mentions();
    }
}

fn verb(pairing: Pairing) -> &'static str {
    match pairing {
        Pairing::Merge => "merge",
        Pairing::Never => "never",
    }
}

/// The kind prompt, on the status line.
fn kind_prompt(name: &str) -> String {
    let keys: Vec<String> = KINDS.iter().map(|(k, kind)| format!("{k} {}", kind.as_str())).collect();
    crate::corpus::sanitize(&format!("kind of {name}: {} (Esc cancels)", keys.join(" · "))).into_owned()
}

/// The entity of `new` that `entity` of `old` is now: the one of its id, or else the one
/// its first mention went to (a merge, a change of kind).
fn follow(old: &Index, new: &Index, entity: EntityId) -> Option<EntityId> {
    let id = &old.entities.get(entity as usize)?.id;
    let by_id = new.entities.iter().position(|x| &x.id == id && x.mentions > 0).map(|i| i as EntityId);
    by_id.or_else(|| {
        let first = *old.entity_mentions.get(entity as usize)?.first()?;
        same_mention(old, new, first).map(|at| new.mention(at).entity)
    })
}

/// The mention of `new` at the place of `old`'s mention `at`, if there is one.
fn same_mention(old: &Index, new: &Index, at: MentionRef) -> Option<MentionRef> {
    let m = old.mentions_in(at.article as usize).get(at.mention as usize)?;
    let list = new.mentions_in(at.article as usize);
    let i = list.iter().position(|n| (n.field, n.start, n.end) == (m.field, m.start, m.end))?;
    Some(MentionRef { article: at.article, mention: i as u32 })
}
