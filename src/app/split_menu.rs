//! The split key's small list: which mentions of an entity become a person of their own.
//! Each alias it is written as (in every article), then each form it is written as in the
//! article being read (only there), with how many mentions each moves.

use crate::corpus::Corpus;
use crate::entities::{EntityId, Index};

/// One choice: the mentions written `alias` (any case), only in `article` when it is given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitChoice {
    pub alias: String,
    pub article: Option<usize>,
    pub mentions: usize,
}

/// The list, over the entity's mentions only: no pass over the corpus.
#[derive(Debug, Clone)]
pub struct SplitMenu {
    /// The entity's id and name.
    pub id: String,
    pub name: String,
    pub choices: Vec<SplitChoice>,
    pub cursor: usize,
}

impl SplitMenu {
    /// The choices for `entity`, with `open` the article being read. None when there is
    /// nothing to split off (every mention is written as the entity's name).
    pub fn new(corpus: &Corpus, index: &Index, entity: EntityId, open: usize) -> Option<SplitMenu> {
        let e = index.entity(entity);
        let name = e.name.to_lowercase();
        // (alias as first written, lower case, mentions everywhere, mentions in `open`)
        let mut forms: Vec<(String, String, usize, usize)> = Vec::new();
        for r in &index.entity_mentions[entity as usize] {
            let m = index.mention(*r);
            let written = &corpus.articles[r.article as usize].field(m.field)[m.range()];
            let lower = written.to_lowercase();
            if lower == name {
                continue;
            }
            let here = usize::from(r.article as usize == open);
            match forms.iter_mut().find(|f| f.1 == lower) {
                Some(f) => {
                    f.2 += 1;
                    f.3 += here;
                }
                None => forms.push((written.to_string(), lower, 1, here)),
            }
        }
        forms.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.1.cmp(&b.1)));
        let everywhere = forms.iter().map(|f| SplitChoice { alias: f.0.clone(), article: None, mentions: f.2 });
        // Only in this article: worth a line of its own when some are elsewhere too.
        let here = forms.iter().filter(|f| f.3 > 0 && f.3 < f.2).map(|f| SplitChoice {
            alias: f.0.clone(),
            article: Some(open),
            mentions: f.3,
        });
        let choices: Vec<SplitChoice> = everywhere.chain(here).collect();
        (!choices.is_empty()).then(|| SplitMenu { id: e.id.clone(), name: e.name.clone(), choices, cursor: 0 })
    }

    pub fn move_by(&mut self, delta: isize) {
        let last = self.choices.len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(delta).min(last);
    }

    pub fn chosen(&self) -> &SplitChoice {
        &self.choices[self.cursor]
    }
}
