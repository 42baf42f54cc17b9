//! What the reader is doing (loading, indexing, …) and what is shown over the panes, each
//! one enum, so that no impossible combination can be written.

use std::sync::Arc;

use super::DossierView;
use crate::dossier::QuoteIndex;

/// The background work's progress, in the order it happens.
#[derive(Debug, Clone)]
pub enum Phase {
    /// Files read and files to read, while articles are still being read in the background.
    Loading { read: usize, total: usize },
    /// Percent of the index built.
    Indexing(usize),
    /// The index is built; the quotes (for dossiers) are still being found.
    FindingQuotes,
    /// Every article's quotes with their speakers, found after the index.
    Ready(Arc<QuoteIndex>),
}

impl Phase {
    /// Entities and mentions can be used.
    pub fn indexed(&self) -> bool {
        matches!(self, Phase::FindingQuotes | Phase::Ready(_))
    }

    /// "loading 40%…" or "indexing 61%…" while work goes on in the background.
    pub fn progress_note(&self) -> Option<String> {
        match *self {
            Phase::Loading { read, total } => Some(format!("loading {}%…", read * 100 / total.max(1))),
            Phase::Indexing(percent) => Some(format!("indexing {percent}%…")),
            Phase::FindingQuotes | Phase::Ready(_) => None,
        }
    }
}

/// The dossier pane, over the reader: the view, and the dossiers Esc goes back to, each
/// with its cursor where it was left.
#[derive(Debug, Clone)]
pub struct DossierPane {
    pub view: DossierView,
    pub back: Vec<DossierView>,
}

/// What covers the panes and takes the keys.
#[derive(Debug, Clone, Default)]
pub enum Overlay {
    #[default]
    None,
    /// Help, over the dossier when it was open (closing help shows it again).
    Help(Option<Box<DossierPane>>),
    /// The files skipped while loading.
    Log,
    Dossier(Box<DossierPane>),
    /// The corrections in effect, with what each changed.
    Corrections,
    /// `@`: the fuzzy picker over entities.
    Picker(Box<super::EntityPicker>),
}

impl Overlay {
    /// Help or the log: a popup that takes every key.
    pub fn is_popup(&self) -> bool {
        matches!(self, Overlay::Help(_) | Overlay::Log | Overlay::Corrections)
    }

    /// Help or the corrections: j/k and PgUp/PgDn scroll it.
    pub fn scrolls(&self) -> bool {
        matches!(self, Overlay::Help(_) | Overlay::Corrections)
    }

    pub fn is_help(&self) -> bool {
        matches!(self, Overlay::Help(_))
    }

    pub fn picker(&self) -> Option<&super::EntityPicker> {
        match self {
            Overlay::Picker(p) => Some(p),
            _ => None,
        }
    }

    pub fn is_log(&self) -> bool {
        matches!(self, Overlay::Log)
    }

    /// The dossier, shown or under help.
    pub fn dossier(&self) -> Option<&DossierPane> {
        match self {
            Overlay::Dossier(d) | Overlay::Help(Some(d)) => Some(d),
            _ => None,
        }
    }

    pub fn dossier_mut(&mut self) -> Option<&mut DossierPane> {
        match self {
            Overlay::Dossier(d) | Overlay::Help(Some(d)) => Some(d),
            _ => None,
        }
    }

    /// Closes help or the log, back to the dossier if help was over it.
    pub fn close_popup(&mut self) {
        *self = match std::mem::take(self) {
            Overlay::Help(Some(d)) => Overlay::Dossier(d),
            Overlay::Help(None) | Overlay::Log | Overlay::Corrections => Overlay::None,
            other => other,
        };
    }
}
