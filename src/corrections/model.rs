//! One correction, as the file holds it: what to do, and the entities it names by their
//! stable ids (kind and canonical name, `person:vince-cable`) with the names they had then.

use serde::{Deserialize, Serialize};

use crate::entities::Kind;

/// A correction the user made. Entities are named by id; the names beside them are what
/// the entities were called when the correction was made, for the reader of the file and as
/// a fallback when an id no longer names an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "do", rename_all = "lowercase", deny_unknown_fields)]
pub enum Correction {
    /// `other` is `entity` from now on; `entity`'s name is the one kept.
    Merge { entity: String, name: String, other: String, other_name: String },
    /// The mentions of `entity` written `alias` (any case) become a person of their own
    /// named `alias`; with `article`, only those in that article.
    Split {
        entity: String,
        name: String,
        alias: String,
        /// The article's key (a hash of its text, as in the state file), in hex.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        article: Option<String>,
        /// The article's path when the correction was made, for the reader of the file.
        #[serde(default, rename = "in", skip_serializing_if = "Option::is_none")]
        path: Option<String>,
    },
    /// `entity` is of another kind, or no entity at all (`none`: its mentions go).
    Kind { entity: String, name: String, kind: NewKind },
    /// `entity` and `other` are never merged as forms of one name, whatever the rules think.
    Never { entity: String, name: String, other: String, other_name: String },
    /// `entity` is shown as `to`; its id stays.
    Rename { entity: String, name: String, to: String },
}

/// What `kind` may say: a kind, or `none`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NewKind {
    Person,
    #[serde(alias = "organization")]
    Organisation,
    Place,
    None,
}

impl NewKind {
    pub fn parse(s: &str) -> Option<NewKind> {
        match s {
            "none" => Some(NewKind::None),
            _ => Kind::parse(s).map(NewKind::from),
        }
    }

    /// The kind, or None for "no entity".
    pub fn kind(self) -> Option<Kind> {
        match self {
            NewKind::Person => Some(Kind::Person),
            NewKind::Organisation => Some(Kind::Organisation),
            NewKind::Place => Some(Kind::Place),
            NewKind::None => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        self.kind().map_or("none", Kind::as_str)
    }
}

impl From<Kind> for NewKind {
    fn from(kind: Kind) -> NewKind {
        match kind {
            Kind::Person => NewKind::Person,
            Kind::Organisation => NewKind::Organisation,
            Kind::Place => NewKind::Place,
        }
    }
}

impl Correction {
    /// The verb, as the file and the command line write it.
    pub fn verb(&self) -> &'static str {
        match self {
            Correction::Merge { .. } => "merge",
            Correction::Split { .. } => "split",
            Correction::Kind { .. } => "kind",
            Correction::Never { .. } => "never",
            Correction::Rename { .. } => "rename",
        }
    }

    /// One line saying what it does, by names.
    pub fn describe(&self) -> String {
        match self {
            Correction::Merge { entity, name, other, other_name } => {
                format!("merge {other_name:?} ({other}) into {name:?} ({entity})")
            }
            Correction::Split { entity, name, alias, path, .. } => match path {
                Some(path) => format!("split {alias:?} in {path} off {name:?} ({entity})"),
                None => format!("split {alias:?} off {name:?} ({entity})"),
            },
            Correction::Kind { entity, name, kind } => format!("{name:?} ({entity}) is kind {}", kind.as_str()),
            Correction::Never { entity, name, other, other_name } => {
                format!("never merge {name:?} ({entity}) and {other_name:?} ({other})")
            }
            Correction::Rename { entity, name, to } => format!("rename {name:?} ({entity}) to {to:?}"),
        }
    }
}
