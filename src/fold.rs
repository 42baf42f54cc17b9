//! Repeated paragraphs: scraped articles often carry whole passages twice. The reader
//! folds each run of paragraphs already seen earlier in the article into one line.

use std::ops::Range;

use rustc_hash::FxHashSet as HashSet;

/// A run of repeated paragraphs: the body's bytes from the start of the first to the end
/// of the last, and how many paragraphs that is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fold {
    pub start: usize,
    pub end: usize,
    pub paragraphs: usize,
}

impl Fold {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// The runs of paragraphs (non-empty lines) that repeat one earlier in `body`, exactly.
/// Blank lines between repeated paragraphs do not end a run; a new paragraph does.
pub fn repeated_runs(body: &str) -> Vec<Fold> {
    let mut seen: HashSet<&str> = HashSet::default();
    let mut runs: Vec<Fold> = Vec::new();
    let mut open: Option<Fold> = None;
    let mut at = 0;
    for line in body.split('\n') {
        let (start, end) = (at, at + line.len());
        at = end + 1;
        let paragraph = line.trim();
        if paragraph.is_empty() {
            continue;
        }
        if seen.insert(paragraph) {
            runs.extend(open.take());
            continue;
        }
        match &mut open {
            Some(run) => {
                run.end = end;
                run.paragraphs += 1;
            }
            None => open = Some(Fold { start, end, paragraphs: 1 }),
        }
    }
    runs.extend(open);
    runs
}

/// The repeated runs of every article's body, on every core.
pub fn repeated_runs_of_all(corpus: &crate::corpus::Corpus) -> Vec<Vec<Fold>> {
    use rayon::prelude::*;
    corpus.articles.par_iter().map(|a| repeated_runs(&a.body)).collect()
}

/// Whether byte `offset` lies in one of `folds` (sorted, as [`repeated_runs`] gives them).
pub fn is_folded(folds: &[Fold], offset: usize) -> bool {
    let i = folds.partition_point(|f| f.end <= offset);
    folds.get(i).is_some_and(|f| f.range().contains(&offset))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_repeats_fold_and_new_text_ends_them() {
        let body = "One.\n\nTwo.\nThree.\n\nTwo.\n\nThree.\nFour.\nOne.";
        let runs = repeated_runs(body);
        assert_eq!(runs.len(), 2);
        assert_eq!(&body[runs[0].range()], "Two.\n\nThree.");
        assert_eq!(runs[0].paragraphs, 2);
        assert_eq!(&body[runs[1].range()], "One.");
        assert!(!is_folded(&runs, body.find("Two.").unwrap() + 1), "the first telling stays");
        assert!(is_folded(&runs, runs[0].start) && is_folded(&runs, runs[0].end - 1));
        assert!(!is_folded(&runs, runs[0].end) && !is_folded(&runs, 0));
        assert!(repeated_runs("A.\n\nB.\n\nC.").is_empty());
        assert!(repeated_runs("").is_empty());
    }

    #[test]
    fn the_seeds_repeat_whole_passages() {
        let corpus = crate::corpus::load_embedded_seeds();
        let folded: Vec<usize> =
            corpus.articles.iter().map(|a| repeated_runs(&a.body).iter().map(|f| f.paragraphs).sum()).collect();
        // Seed 001 repeats three paragraphs word for word. Seed 003 repeats sentences
        // inside different paragraphs: not exact repeats, so not folded.
        assert_eq!(folded, [0, 3, 0, 0, 0]);
    }
}
