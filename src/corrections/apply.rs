//! The corrections applied to linked mentions: one step at the end of linking, before the
//! index numbers entities, so every consumer of the index sees the corrected entities.
//!
//! Each correction moves only the mentions it names (a list per entity is kept), so 1,000
//! corrections cost little more than one pass over the mentions.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::{Correction, Corrections};
use crate::corpus::Article;
use crate::entities::resolve::{EntityKey, Linked, Names, describe};
use crate::entities::{Gazetteer, slug};

/// What one correction did to this corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Outcome {
    /// False when an entity it names is not in this corpus: it then does nothing.
    pub found: bool,
    /// Mentions it moved, removed or renamed.
    pub mentions: usize,
}

impl Outcome {
    /// What it changes, as `byline correct list` and the reader's list say it.
    pub fn effect(&self) -> String {
        if self.found { mentions(self.mentions) } else { "entity no longer exists: kept, does nothing".to_string() }
    }
}

/// "1 mention", "12 mentions".
pub fn mentions(n: usize) -> String {
    format!("{n} mention{}", if n == 1 { "" } else { "s" })
}

/// What applying the corrections leaves beside the mentions.
#[derive(Debug, Default)]
pub struct Applied {
    /// Display names given by `rename`.
    pub renamed: HashMap<EntityKey, String>,
    /// One per correction, in order.
    pub outcomes: Vec<Outcome>,
    /// Entities merged into another or given another kind: (the entity they are now, the
    /// id they had), so that the gazetteer's aliases of that id stay theirs.
    pub absorbed: Vec<(EntityKey, String)>,
}

/// Pairs of entity ids that `never` keeps apart, both ways round.
pub fn kept_apart(corrections: &Corrections) -> HashSet<(String, String)> {
    let mut pairs = HashSet::default();
    for c in &corrections.list {
        if let Correction::Never { entity, other, .. } = c {
            pairs.insert((entity.clone(), other.clone()));
            pairs.insert((other.clone(), entity.clone()));
        }
    }
    pairs
}

/// The id of a key, as the index will give it.
pub fn id_of(key: EntityKey, gazetteer: &Gazetteer, names: &Names) -> String {
    describe(key, gazetteer, names).0
}

/// Where each entity's mentions are, and which entity an id or a name now means.
struct Entities<'a> {
    gazetteer: &'a Gazetteer,
    /// Per entity: (article, place in its list) of each mention.
    refs: HashMap<EntityKey, Vec<(u32, u32)>>,
    by_id: HashMap<String, EntityKey>,
    by_name: HashMap<String, EntityKey>,
    /// An entity merged into another, or given another kind: where it went.
    forward: HashMap<EntityKey, EntityKey>,
}

impl Entities<'_> {
    fn register(&mut self, key: EntityKey, names: &Names) {
        let (id, name, _) = describe(key, self.gazetteer, names);
        self.by_id.entry(id).or_insert(key);
        self.by_name.entry(name.to_lowercase()).or_insert(key);
    }

    /// The entity with this id (or, failing that, this name) that has mentions here.
    fn find(&self, id: &str, name: &str) -> Option<EntityKey> {
        let key = self.current(*self.by_id.get(id).or_else(|| self.by_name.get(&name.to_lowercase()))?);
        self.refs.get(&key).is_some_and(|r| !r.is_empty()).then_some(key)
    }

    /// Where an entity's mentions are now, after merges and changes of kind.
    fn current(&self, mut key: EntityKey) -> EntityKey {
        while let Some(&next) = self.forward.get(&key) {
            key = next;
        }
        key
    }

    /// Moves the mentions of `from` chosen by `pick` to `to`; returns how many.
    fn r#move(
        &mut self,
        linked: &mut [Vec<Linked>],
        from: EntityKey,
        to: EntityKey,
        pick: impl Fn(&Linked, u32) -> bool,
    ) -> usize {
        let list = self.refs.remove(&from).unwrap_or_default();
        let (moved, kept): (Vec<_>, Vec<_>) =
            list.into_iter().partition(|&(a, i)| pick(&linked[a as usize][i as usize], a));
        for &(a, i) in &moved {
            linked[a as usize][i as usize].key = to;
        }
        if !kept.is_empty() {
            self.refs.insert(from, kept);
        }
        let n = moved.len();
        self.refs.entry(to).or_default().extend(moved);
        n
    }
}

/// Whether `text` has the id `id` as an entity of `kind`: `slug`, without making one for
/// the many mentions whose letters already differ.
fn slugs_to(text: &str, kind: crate::entities::Kind, id: &str) -> bool {
    if text.is_ascii() {
        let Some(wanted) = id.strip_prefix(kind.as_str()).and_then(|rest| rest.strip_prefix(':')) else {
            return false;
        };
        let letters = text.bytes().filter(u8::is_ascii_alphanumeric).map(|b| b.to_ascii_lowercase());
        if !letters.eq(wanted.bytes().filter(|&b| b != b'-')) {
            return false;
        }
    }
    slug(kind, text) == id
}

/// Applies `corrections` in order to the linked mentions of `articles`.
pub fn apply(
    corrections: &Corrections,
    articles: &[Article],
    linked: &mut [Vec<Linked>],
    names: &mut Names,
    gazetteer: &Gazetteer,
) -> Applied {
    let mut applied = Applied::default();
    if corrections.is_empty() {
        return applied;
    }
    let mut entities = Entities {
        gazetteer,
        refs: HashMap::default(),
        by_id: HashMap::default(),
        by_name: HashMap::default(),
        forward: HashMap::default(),
    };
    for (a, list) in linked.iter().enumerate() {
        for (i, m) in list.iter().enumerate() {
            entities.refs.entry(m.key).or_default().push((a as u32, i as u32));
        }
    }
    // In a fixed order, so that a name two entities share means the same one every time.
    let mut keys: Vec<EntityKey> = entities.refs.keys().copied().collect();
    keys.sort_unstable_by_key(|k| match *k {
        EntityKey::Known(i) => (0, i),
        EntityKey::Named(i) => (1, i),
    });
    for key in keys {
        entities.register(key, names);
    }
    let mut removed: Vec<(u32, u32)> = Vec::new();
    let mut article_keys: HashMap<u32, String> = HashMap::default();
    let mut absorbed: Vec<(EntityKey, String)> = Vec::new();
    for c in &corrections.list {
        let outcome = match c {
            Correction::Merge { entity, name, other, other_name } => {
                match (entities.find(entity, name), entities.find(other, other_name)) {
                    (Some(keep), Some(gone)) if keep != gone => {
                        entities.forward.insert(gone, keep);
                        absorbed.push((gone, describe(gone, gazetteer, names).0));
                        Outcome { found: true, mentions: entities.r#move(linked, gone, keep, |_, _| true) }
                    }
                    (Some(_), Some(_)) => Outcome { found: true, mentions: 0 },
                    _ => Outcome::default(),
                }
            }
            Correction::Split { entity, name, alias, article, .. } => match entities.find(entity, name) {
                Some(key) => {
                    let kind = describe(key, gazetteer, names).2;
                    // The alias's own entity may have been merged away meanwhile: follow it.
                    let new = entities.current(EntityKey::Named(names.intern(kind, alias)));
                    if article.is_some() {
                        for &(a, _) in entities.refs.get(&key).into_iter().flatten() {
                            article_keys.entry(a).or_insert_with(|| {
                                format!("{:016x}", crate::state::article_key(&articles[a as usize]))
                            });
                        }
                    }
                    let wanted = alias.to_lowercase();
                    let pick = |m: &Linked, a: u32| {
                        let text = &articles[a as usize].field(m.field)[m.start as usize..m.end as usize];
                        text.to_lowercase() == wanted
                            && article.as_ref().is_none_or(|k| article_keys.get(&a) == Some(k))
                    };
                    let mentions = if new == key { 0 } else { entities.r#move(linked, key, new, pick) };
                    entities.register(new, names);
                    Outcome { found: true, mentions }
                }
                None => Outcome::default(),
            },
            Correction::Kind { entity, name, kind } => match (entities.find(entity, name), kind.kind()) {
                (Some(key), None) => {
                    let list = entities.refs.remove(&key).unwrap_or_default();
                    let mentions = list.len();
                    removed.extend(list);
                    Outcome { found: true, mentions }
                }
                (Some(key), Some(kind)) => {
                    let (_, name, was) = describe(key, gazetteer, names);
                    let new =
                        if was == kind { key } else { entities.current(EntityKey::Named(names.intern(kind, &name))) };
                    let mentions = if new == key { 0 } else { entities.r#move(linked, key, new, |_, _| true) };
                    if new != key {
                        entities.forward.insert(key, new);
                        absorbed.push((key, describe(key, gazetteer, names).0));
                        if let Some(to) = applied.renamed.remove(&key) {
                            applied.renamed.insert(new, to);
                        }
                    }
                    entities.register(new, names);
                    Outcome { found: true, mentions }
                }
                (None, _) => Outcome::default(),
            },
            Correction::Never { entity, name, other, other_name } => {
                // Variants are kept apart while linking (see `kept_apart`). Any other path
                // (a surname, a given name, a line in capitals, a gazetteer's alias) may
                // still have put the one's written form into the other: those go back.
                let (a, b) = (entities.find(entity, name), entities.find(other, other_name));
                let mut mentions = 0;
                for (from, to, to_id, to_name) in [(a, b, other, other_name), (b, a, entity, name)] {
                    let Some(from) = from else { continue };
                    let kind = describe(from, gazetteer, names).2;
                    let written_as = |m: &Linked, a: u32| {
                        slugs_to(&articles[a as usize].field(m.field)[m.start as usize..m.end as usize], kind, to_id)
                    };
                    let wrong = entities
                        .refs
                        .get(&from)
                        .is_some_and(|list| list.iter().any(|&(a, i)| written_as(&linked[a as usize][i as usize], a)));
                    if !wrong {
                        continue;
                    }
                    let to = to.or_else(|| entities.by_id.get(to_id).map(|&k| entities.current(k)));
                    let to = to.unwrap_or_else(|| EntityKey::Named(names.intern(kind, to_name)));
                    if to != from {
                        mentions += entities.r#move(linked, from, to, written_as);
                        entities.register(to, names);
                    }
                }
                Outcome { found: a.is_some() && (b.is_some() || mentions > 0), mentions }
            }
            Correction::Rename { entity, name, to } => match entities.find(entity, name) {
                Some(key) => {
                    applied.renamed.insert(key, to.clone());
                    Outcome { found: true, mentions: entities.refs.get(&key).map_or(0, Vec::len) }
                }
                None => Outcome::default(),
            },
        };
        applied.outcomes.push(outcome);
    }
    applied.absorbed = absorbed.into_iter().map(|(key, id)| (entities.current(key), id)).collect();
    if !removed.is_empty() {
        let gone: HashSet<(u32, u32)> = removed.into_iter().collect();
        for (a, list) in linked.iter_mut().enumerate() {
            let mut i = 0;
            list.retain(|_| {
                i += 1;
                !gone.contains(&(a as u32, i - 1))
            });
        }
    }
    applied
}

#[cfg(test)]
mod tests {
    use crate::corpus::{Corpus, article};
    use crate::corrections::{Correction, Corrections, NewKind};
    use crate::entities::{Gazetteer, Index, Progress};

    fn corpus(texts: &[&str]) -> Corpus {
        let articles = texts.iter().enumerate().map(|(i, t)| article(format!("a{i}.txt"), t)).collect();
        Corpus { articles, ..Corpus::default() }
    }

    fn index(c: &Corpus, list: Vec<Correction>) -> Index {
        Index::build_reporting(c, &Gazetteer::new(vec![]), &Corrections { list }, &Progress::default())
    }

    /// (surface, entity id) of every mention of every article.
    fn mentions(c: &Corpus, index: &Index) -> Vec<Vec<(String, String)>> {
        index.surfaces_and_ids(c)
    }

    fn s(x: &str) -> String {
        x.to_string()
    }

    const TEXTS: [&str; 2] = [
        "Prime Minister Tony Blair spoke. Blair left, and Chancellor Gordon Brown stayed.",
        "Scrum-half Mike Phillips passed to Blair. Blair scored, said coach Tony Blair.",
    ];

    #[test]
    fn merge_makes_one_entity_under_the_name_kept() {
        let c = corpus(&TEXTS);
        let before = index(&c, vec![]);
        let brown = before.entity(before.find("Gordon Brown").unwrap()).mentions;
        let blair = before.entity(before.find("Tony Blair").unwrap()).mentions;
        let merge = Correction::Merge {
            entity: s("person:tony-blair"),
            name: s("Tony Blair"),
            other: s("person:gordon-brown"),
            other_name: s("Gordon Brown"),
        };
        let after = index(&c, vec![merge]);
        assert!(after.find("person:gordon-brown").is_none_or(|e| after.entity(e).id == "person:tony-blair"));
        let e = after.entity(after.find("Gordon Brown").unwrap());
        assert_eq!((e.id.as_str(), e.name.as_str(), e.mentions), ("person:tony-blair", "Tony Blair", brown + blair));
        assert!(e.aliases.contains(&s("Gordon Brown")) && e.aliases.contains(&s("Tony Blair")));
        assert_eq!(after.corrections[0].mentions, brown);
    }

    #[test]
    fn split_moves_the_alias_and_only_in_the_article_named() {
        let c = corpus(&TEXTS);
        let split = |article: Option<String>| Correction::Split {
            entity: s("person:tony-blair"),
            name: s("Tony Blair"),
            alias: s("Blair"),
            article,
            path: None,
        };
        let got = mentions(&c, &index(&c, vec![split(None)]));
        let ids = |a: usize| got[a].iter().map(|(w, id)| format!("{w}={id}")).collect::<Vec<_>>();
        assert!(ids(0).contains(&s("Blair=person:blair")), "{:?}", ids(0));
        assert!(ids(0).contains(&s("Tony Blair=person:tony-blair")));
        // Only the second article's "Blair"s.
        let key = format!("{:016x}", crate::state::article_key(&c.articles[1]));
        let got = mentions(&c, &index(&c, vec![split(Some(key))]));
        assert!(got[0].iter().all(|(w, id)| id != "person:blair" || w != "Blair"), "{:?}", got[0]);
        let in_second: Vec<&(String, String)> = got[1].iter().filter(|(w, _)| w == "Blair").collect();
        assert!(!in_second.is_empty() && in_second.iter().all(|(_, id)| id == "person:blair"), "{:?}", got[1]);
        assert!(got[1].contains(&(s("Tony Blair"), s("person:tony-blair"))));
    }

    #[test]
    fn kind_changes_the_kind_and_none_removes_the_entity() {
        let c = corpus(&TEXTS);
        let kind = |kind| Correction::Kind { entity: s("person:gordon-brown"), name: s("Gordon Brown"), kind };
        let after = index(&c, vec![kind(NewKind::Organisation)]);
        let e = after.entity(after.find("Gordon Brown").unwrap());
        assert_eq!((e.id.as_str(), e.kind), ("organisation:gordon-brown", crate::entities::Kind::Organisation));
        let after = index(&c, vec![kind(NewKind::None)]);
        assert!(after.find("Gordon Brown").is_none());
        assert!(mentions(&c, &after).iter().flatten().all(|(w, _)| !w.contains("Brown")));
        assert!(after.corrections[0].found && after.corrections[0].mentions > 0);
    }

    #[test]
    fn never_keeps_apart_two_the_rules_would_merge() {
        let c = corpus(&["Treasury spokesman Vince Cable said no.", "Then MP Vincent Cable wrote."]);
        let before = mentions(&c, &index(&c, vec![]));
        assert_eq!(before[1][0].1, "person:vince-cable");
        let never = Correction::Never {
            entity: s("person:vince-cable"),
            name: s("Vince Cable"),
            other: s("person:vincent-cable"),
            other_name: s("Vincent Cable"),
        };
        let after = mentions(&c, &index(&c, vec![never]));
        assert_eq!(after[0][0].1, "person:vince-cable");
        assert_eq!(after[1][0].1, "person:vincent-cable");
    }

    #[test]
    fn never_holds_for_a_one_word_alias_on_every_linking_path() {
        // "Blair" joins Tony Blair by surname: in his article, and in another by the corpus.
        let c = corpus(&["Prime Minister Tony Blair spoke. Blair left.", "Later, Blair said more."]);
        let before = mentions(&c, &index(&c, vec![]));
        assert!(before.iter().flatten().filter(|(w, _)| w == "Blair").all(|(_, id)| id == "person:tony-blair"));
        assert_eq!(before.iter().flatten().filter(|(w, _)| w == "Blair").count(), 2, "{before:?}");
        let never = Correction::Never {
            entity: s("person:tony-blair"),
            name: s("Tony Blair"),
            other: s("person:blair"),
            other_name: s("Blair"),
        };
        let after = index(&c, vec![never]);
        let got = mentions(&c, &after);
        let blairs: Vec<&String> = got.iter().flatten().filter(|(w, _)| w == "Blair").map(|(_, id)| id).collect();
        assert_eq!(blairs, [&s("person:blair"), &s("person:blair")], "{got:?}");
        assert!(got[0].contains(&(s("Tony Blair"), s("person:tony-blair"))));
        assert_eq!((after.corrections[0].found, after.corrections[0].mentions), (true, 2));
        let blair = after.entity(after.find("person:blair").unwrap());
        assert_eq!((blair.name.as_str(), blair.mentions), ("Blair", 2));
        // Named the other way round, the same.
        let never = Correction::Never {
            entity: s("person:blair"),
            name: s("Blair"),
            other: s("person:tony-blair"),
            other_name: s("Tony Blair"),
        };
        assert_eq!(mentions(&c, &index(&c, vec![never])), got);
    }

    #[test]
    fn rename_changes_the_name_not_the_id() {
        let c = corpus(&TEXTS);
        let rename =
            Correction::Rename { entity: s("person:tony-blair"), name: s("Tony Blair"), to: s("Anthony Blair") };
        let after = index(&c, vec![rename]);
        let e = after.entity(after.find("person:tony-blair").unwrap());
        assert_eq!(e.name, "Anthony Blair");
    }

    #[test]
    fn a_correction_of_an_entity_not_here_is_reported_and_does_nothing() {
        let c = corpus(&TEXTS);
        let gone = Correction::Kind { entity: s("person:dollar-baby"), name: s("Dollar Baby"), kind: NewKind::None };
        let after = index(&c, vec![gone]);
        assert_eq!(mentions(&c, &after), mentions(&c, &index(&c, vec![])));
        assert!(!after.corrections[0].found);
    }

    #[test]
    fn an_id_that_changed_falls_back_to_the_name() {
        let c = corpus(&TEXTS);
        let rename = Correction::Rename { entity: s("person:old-id"), name: s("Gordon Brown"), to: s("Gordon") };
        let after = index(&c, vec![rename]);
        assert_eq!(after.entity(after.find("person:gordon-brown").unwrap()).name, "Gordon");
    }
}
