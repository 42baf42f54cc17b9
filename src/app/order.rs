//! The orders the article list can be sorted in (`o` cycles through them).

use crate::corpus::Corpus;
use crate::entities::Index;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// As the files were found: folders and names in order.
    #[default]
    Corpus,
    /// Newest first; undated articles last.
    Date,
    Title,
    Source,
    /// Most mentions of entities first.
    Mentions,
}

impl Sort {
    pub fn next(self) -> Sort {
        match self {
            Sort::Corpus => Sort::Date,
            Sort::Date => Sort::Title,
            Sort::Title => Sort::Source,
            Sort::Source => Sort::Mentions,
            Sort::Mentions => Sort::Corpus,
        }
    }

    /// As the list's title shows it.
    pub fn name(self) -> &'static str {
        match self {
            Sort::Corpus => "by file",
            Sort::Date => "by date",
            Sort::Title => "by title",
            Sort::Source => "by source",
            Sort::Mentions => "by mentions",
        }
    }

    /// Each article's place in this order (`rank[article]`); empty for file order, where
    /// the article number is its place. Ties keep file order.
    pub fn ranks(self, corpus: &Corpus, index: &Index) -> Vec<u32> {
        let articles = &corpus.articles;
        let mut order: Vec<u32> = (0..articles.len() as u32).collect();
        let at = |a: &u32| &articles[*a as usize];
        match self {
            Sort::Corpus => return Vec::new(),
            Sort::Date => order.sort_by_key(|a| (at(a).date.is_none(), std::cmp::Reverse(at(a).date))),
            Sort::Title => order.sort_by_cached_key(|a| at(a).title.to_lowercase()),
            Sort::Source => {
                order.sort_by_cached_key(|a| (at(a).source.is_none(), at(a).source.as_deref().map(str::to_lowercase)))
            }
            Sort::Mentions => {
                order.sort_by_key(|&a| std::cmp::Reverse(index.article_mentions.get(a as usize).map_or(0, Vec::len)))
            }
        }
        let mut rank = vec![0; order.len()];
        for (place, a) in order.into_iter().enumerate() {
            rank[a as usize] = place as u32;
        }
        rank
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::article;

    fn corpus() -> Corpus {
        let texts = [
            ("a.md", "---\ntitle: beta\ndate: 2024-05-01\nsource: Reuters\n---\nBody one."),
            ("b.md", "---\ntitle: Alpha\nsource: ap\n---\nBody two."),
            ("c.md", "---\ntitle: gamma\ndate: 2025-01-02\n---\nBody three."),
        ];
        Corpus { articles: texts.iter().map(|(p, t)| article(p.to_string(), t)).collect(), ..Corpus::default() }
    }

    fn order(sort: Sort, corpus: &Corpus) -> Vec<usize> {
        let rank = sort.ranks(corpus, &Index::default());
        let mut list: Vec<usize> = (0..corpus.articles.len()).collect();
        if !rank.is_empty() {
            list.sort_by_key(|&a| rank[a]);
        }
        list
    }

    #[test]
    fn each_order() {
        let c = corpus();
        assert_eq!(order(Sort::Corpus, &c), [0, 1, 2]);
        assert_eq!(order(Sort::Date, &c), [2, 0, 1], "newest first, undated last");
        assert_eq!(order(Sort::Title, &c), [1, 0, 2], "case does not matter");
        assert_eq!(order(Sort::Source, &c), [1, 0, 2], "no source last");
        let mut s = Sort::Corpus;
        for _ in 0..5 {
            s = s.next();
        }
        assert_eq!(s, Sort::Corpus);
    }
}
