//! The same words said once: a quote that several articles carry (a story filed twice, a
//! wire copy in two papers) is one entry, kept where it first appears, with the articles that
//! repeat it.

use rustc_hash::FxHashMap;

use super::Quote;
use crate::corpus::Corpus;
use crate::entities::EntityId;

/// A quote and the other articles that carry the same words from the same speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DistinctQuote {
    /// The first appearance, in corpus and reading order.
    pub quote: Quote,
    /// The articles after it that repeat it, in order (without the first one's).
    pub also_in: Vec<u32>,
}

/// A distinct quote reads as its first appearance.
impl std::ops::Deref for DistinctQuote {
    type Target = Quote;
    fn deref(&self) -> &Quote {
        &self.quote
    }
}

/// `quotes`, in corpus and reading order, each with [`words_hash`] of its text (as
/// [`QuoteIndex::keyed`](super::QuoteIndex::keyed) gives them), with repeats folded into their
/// first appearance. Two quotes are the same when the speaker is and their words are, read
/// without case, punctuation or spacing ("Tough, tough fight" and "tough tough fight.").
/// The hashes come from the index, built once per corpus: reading every quote's words again
/// here was a third of opening a dossier; words are compared only where hashes meet.
pub fn distinct(corpus: &Corpus, quotes: impl IntoIterator<Item = (Quote, u64)>) -> Vec<DistinctQuote> {
    let text = |q: &Quote| corpus.articles.get(q.article as usize).and_then(|a| a.body.get(q.range()));
    // (speaker, hash) → the entries kept with that key (more than one only on a collision).
    let mut first: FxHashMap<(EntityId, u64), Vec<usize>> = FxHashMap::default();
    let mut out: Vec<DistinctQuote> = Vec::new();
    for (q, hash) in quotes {
        let Some(words) = text(&q) else { continue };
        let kept = first.entry((q.speaker, hash)).or_default();
        let same = kept.iter().copied().find(|&i| text(&out[i].quote).is_some_and(|t| same_words(t, words)));
        match same {
            Some(i) => {
                let kept = &mut out[i];
                if kept.quote.article != q.article && kept.also_in.last() != Some(&q.article) {
                    kept.also_in.push(q.article);
                }
            }
            None => {
                kept.push(out.len());
                out.push(DistinctQuote { quote: q, also_in: Vec::new() });
            }
        }
    }
    out
}

/// The hash [`distinct`] folds quotes by: of their words, as [`same_words`] reads them.
pub fn words_hash(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    words_of(text).hash(&mut h);
    h.finish()
}

/// The same words, read without case, punctuation or spacing.
fn same_words(a: &str, b: &str) -> bool {
    a == b || words_of(a) == words_of(b)
}

/// The words of a quote in lower case, one space between them.
fn words_of(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::article;

    fn quote(article: u32, speaker: EntityId, start: usize, end: usize) -> Quote {
        let rule = crate::dossier::Rule { cue: crate::dossier::Cue::After, via: crate::dossier::Via::Name };
        Quote { speaker, article, start: start as u32, end: end as u32, paraphrase: false, verb: None, rule }
    }

    fn keyed(corpus: &Corpus, quotes: Vec<Quote>) -> Vec<(Quote, u64)> {
        quotes.into_iter().map(|q| (q, words_hash(&corpus.articles[q.article as usize].body[q.range()]))).collect()
    }

    #[test]
    fn a_repeated_quote_is_one_entry_with_the_articles_that_repeat_it() {
        let text = "It will be a tough, tough fight.";
        let corpus = Corpus {
            articles: vec![
                article("a.txt".into(), &format!("First story\n\n{text}")),
                article("b.txt".into(), &format!("Second story\n\nIntro. {}", text.to_uppercase())),
                article("c.txt".into(), &format!("Third story\n\n{text}")),
            ],
            ..Corpus::default()
        };
        let n = text.len();
        let quotes = vec![quote(0, 7, 0, n), quote(0, 8, 0, n), quote(1, 7, 7, 7 + n), quote(2, 7, 0, n)];
        let d = distinct(&corpus, keyed(&corpus, quotes));
        // Speaker 8 said the same words: another entry; articles 1 and 2 repeat speaker 7's.
        assert_eq!(d.len(), 2);
        assert_eq!((d[0].quote.article, d[0].quote.speaker, d[0].also_in.clone()), (0, 7, vec![1, 2]));
        assert_eq!((d[1].quote.speaker, d[1].also_in.len()), (8, 0));
    }

    #[test]
    fn other_words_are_other_quotes() {
        let corpus = Corpus {
            articles: vec![article("a.txt".into(), "First story\n\nWe will win. We will not win.")],
            ..Corpus::default()
        };
        let d = distinct(&corpus, keyed(&corpus, vec![quote(0, 1, 0, 12), quote(0, 1, 13, 29)]));
        assert_eq!(d.len(), 2);
        assert_eq!(words_of("Tough,  tough FIGHT."), "tough tough fight");
    }

    #[test]
    fn quotes_whose_hashes_meet_are_still_compared_by_their_words() {
        let corpus = Corpus {
            articles: vec![article("a.txt".into(), "First story\n\nWe will win. We will not win. We will win!")],
            ..Corpus::default()
        };
        let forged = vec![(quote(0, 1, 0, 12), 5), (quote(0, 1, 13, 29), 5), (quote(0, 1, 30, 42), 5)];
        let d = distinct(&corpus, forged);
        assert_eq!(d.iter().map(|q| q.start).collect::<Vec<_>>(), vec![0, 13]);
    }
}
