//! What `byline correct …` (and the reader's keys) turn into a correction: the entities a
//! user names, resolved in the corpus at hand, and the line that says what changed.

use crate::corpus::{Article, Corpus};
use crate::entities::{Entity, EntityId, Index, quoted_name, slug};

use super::apply::mentions;
use super::{Correction, Corrections, NewKind};

/// What to correct, with the entities as the user named them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    Merge {
        keep: String,
        other: String,
    },
    /// `article`: only the mentions in this article (its place in the corpus).
    Split {
        name: String,
        alias: String,
        article: Option<usize>,
    },
    Kind {
        name: String,
        kind: NewKind,
    },
    Never {
        a: String,
        b: String,
    },
    Rename {
        name: String,
        to: String,
    },
}

/// A correction ready to be written: the table, its comment, and what it changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Made {
    pub correction: Correction,
    /// What it matched, for the file's comment.
    pub matched: String,
    /// What it changes, for the user.
    pub summary: String,
}

/// The entity a user means: its id, its name or any alias, in any case. Several entities
/// of that name, or none, is an error listing the candidates (or the closest names).
pub fn resolve(index: &Index, name: &str) -> Result<EntityId, String> {
    let wanted = name.trim().to_lowercase();
    let all = || (0..index.entities.len() as EntityId).filter(|&i| index.entity(i).mentions > 0);
    let by_id: Vec<EntityId> = all().filter(|&i| index.entity(i).id == wanted).collect();
    let by_name: Vec<EntityId> = all().filter(|&i| index.entity(i).name.to_lowercase() == wanted).collect();
    let by_alias: Vec<EntityId> =
        all().filter(|&i| index.entity(i).aliases.iter().any(|a| a.to_lowercase() == wanted)).collect();
    for found in [by_id, by_name, by_alias] {
        match found[..] {
            [] => continue,
            [one] => return Ok(one),
            _ => {
                let list: Vec<String> = found.iter().map(|&i| label(index.entity(i))).collect();
                return Err(format!("{} is ambiguous: {}; name one by its id", quoted_name(name), list.join(", ")));
            }
        }
    }
    let closest = index.closest(name, 5);
    Err(format!("no entity named {}; closest: {}", quoted_name(name), closest.join(", ")))
}

/// `Vince Cable (person:vince-cable, 12 mentions)`.
fn label(e: &Entity) -> String {
    format!("{} ({}, {})", e.name, e.id, mentions(e.mentions))
}

/// The correction `request` asks for in this corpus, or why it cannot be made: among
/// others, that it contradicts one of the `earlier` corrections.
pub fn make(request: &Request, corpus: &Corpus, index: &Index, earlier: &Corrections) -> Result<Made, String> {
    let made = make_alone(request, corpus, index)?;
    match contradicted(&made.correction, earlier) {
        Some(message) => Err(message),
        None => Ok(made),
    }
}

/// A merge of two the user said are never one, or a never of two the user merged: the
/// message names the earlier correction.
fn contradicted(new: &Correction, earlier: &Corrections) -> Option<String> {
    let pair = |a: &String, b: &String| if a <= b { (a.clone(), b.clone()) } else { (b.clone(), a.clone()) };
    let (wanted, opposite) = match new {
        Correction::Merge { entity, other, .. } => (pair(entity, other), "never"),
        Correction::Never { entity, other, .. } => (pair(entity, other), "merge"),
        _ => return None,
    };
    let (n, c) = earlier.list.iter().enumerate().find(|(_, c)| match c {
        Correction::Merge { entity, other, .. } | Correction::Never { entity, other, .. } => {
            c.verb() == opposite && pair(entity, other) == wanted
        }
        _ => false,
    })?;
    Some(format!(
        "refused: correction {} says otherwise ({}); take it away first (`byline correct undo` takes the last one)",
        n + 1,
        c.describe()
    ))
}

/// The correction `request` asks for in this corpus, or why it cannot be made.
fn make_alone(request: &Request, corpus: &Corpus, index: &Index) -> Result<Made, String> {
    let entity = |name: &str| resolve(index, name).map(|id| index.entity(id));
    match request {
        Request::Merge { keep, other } => {
            let (a, b) = (entity(keep)?, entity(other)?);
            if a.id == b.id {
                return Err(format!(
                    "{} and {} are one entity already: {}",
                    quoted_name(keep),
                    quoted_name(other),
                    label(a)
                ));
            }
            Ok(Made {
                correction: Correction::Merge {
                    entity: a.id.clone(),
                    name: a.name.clone(),
                    other: b.id.clone(),
                    other_name: b.name.clone(),
                },
                matched: format!("matched {} and {}", label(a), label(b)),
                summary: format!("merged {} into {}: {}", label(b), label(a), mentions(a.mentions + b.mentions)),
            })
        }
        Request::Split { name, alias, article } => {
            let id = resolve(index, name)?;
            let e = index.entity(id);
            let wanted = alias.trim().to_lowercase();
            let moved = index.entity_mentions[id as usize]
                .iter()
                .filter(|r| article.is_none_or(|a| a == r.article as usize))
                .filter(|r| {
                    let m = index.mention(**r);
                    corpus.articles[r.article as usize].field(m.field)[m.range()].to_lowercase() == wanted
                })
                .count();
            if moved == 0 {
                let place = article.map_or(String::new(), |a| format!(" in {}", shown_path(&corpus.articles[a])));
                return Err(format!("{} has no mention written {}{place}", label(e), quoted_name(alias)));
            }
            let written = e.aliases.iter().find(|a| a.to_lowercase() == wanted).cloned().unwrap_or(alias.clone());
            let (key, path) = match article {
                Some(a) => {
                    let article = &corpus.articles[*a];
                    (Some(format!("{:016x}", crate::state::article_key(article))), Some(shown_path(article)))
                }
                None => (None, None),
            };
            let place = path.as_ref().map_or(String::new(), |p| format!(" in {p}"));
            Ok(Made {
                correction: Correction::Split {
                    entity: e.id.clone(),
                    name: e.name.clone(),
                    alias: written.clone(),
                    article: key,
                    path,
                },
                matched: format!("matched {} and {} written {written:?}{place}", label(e), mentions(moved)),
                summary: format!("split {} written {written:?}{place} off {}", mentions(moved), label(e)),
            })
        }
        Request::Kind { name, kind } => {
            let e = entity(name)?;
            if kind.kind() == Some(e.kind) {
                return Err(format!("{} is kind {} already: nothing to change", label(e), kind.as_str()));
            }
            let summary = match kind {
                NewKind::None => format!("{} is no entity: {} removed", label(e), mentions(e.mentions)),
                _ => format!("{} is now kind {}: {}", label(e), kind.as_str(), mentions(e.mentions)),
            };
            Ok(Made {
                correction: Correction::Kind { entity: e.id.clone(), name: e.name.clone(), kind: *kind },
                matched: format!("matched {}", label(e)),
                summary,
            })
        }
        Request::Never { a, b } => {
            let (first, second) = (entity(a)?, entity(b)?);
            // The rules merged the two already: the one named by an alias (the second, or
            // else the first: `never Blair "Tony Blair"`) is the alias's own.
            let (other, other_name) = if first.id == second.id {
                // Not the entity's own name or id (renamed, it may be written by its old name).
                let alias = |n: &str| {
                    let n = n.trim().to_lowercase();
                    let own = |x: &str| first.name.to_lowercase() == n || slug(first.kind, x) == first.id;
                    first.aliases.iter().find(|x| x.to_lowercase() == n && !own(x))
                };
                match alias(b).or_else(|| alias(a)) {
                    Some(w) => (slug(first.kind, w), w.clone()),
                    None => {
                        return Err(format!(
                            "{} and {} name one entity: {}",
                            quoted_name(a),
                            quoted_name(b),
                            label(first)
                        ));
                    }
                }
            } else {
                (second.id.clone(), second.name.clone())
            };
            Ok(Made {
                correction: Correction::Never {
                    entity: first.id.clone(),
                    name: first.name.clone(),
                    other: other.clone(),
                    other_name: other_name.clone(),
                },
                matched: format!("matched {} and {other_name:?} ({other})", label(first)),
                summary: format!("{} and {other_name:?} ({other}) are never merged", label(first)),
            })
        }
        Request::Rename { name, to } => {
            let e = entity(name)?;
            let to = to.trim();
            if to.is_empty() || to.contains(|c: char| c.is_control()) {
                return Err(format!("{} is no name", quoted_name(to)));
            }
            Ok(Made {
                correction: Correction::Rename { entity: e.id.clone(), name: e.name.clone(), to: to.to_string() },
                matched: format!("matched {}", label(e)),
                summary: format!("renamed {} to {}: {}", label(e), quoted_name(to), mentions(e.mentions)),
            })
        }
    }
}

/// An article's path as messages and the file show it: sanitised.
fn shown_path(article: &Article) -> String {
    crate::corpus::sanitize(&article.path).into_owned()
}

/// Where a correction was made, for the comment above its table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MadeIn {
    CommandLine,
    Reader,
}

/// The comment above a table: when and where it was made, and what it matched.
pub fn comment(made: &Made, made_in: MadeIn) -> String {
    let verb = made.correction.verb();
    let by = match made_in {
        MadeIn::CommandLine => format!("`byline correct {verb}`"),
        MadeIn::Reader => format!("a {verb} in the reader"),
    };
    format!("made {} by {by}\n{}", utc_now(), made.matched)
}

/// Now, as `2026-12-02T02:40:11Z`.
fn utc_now() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (days, rest) = (secs / 86_400, secs % 86_400);
    // Howard Hinnant's days-to-civil, for days since 1970-01-01.
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", rest / 3600, rest / 60 % 60, rest % 60)
}
