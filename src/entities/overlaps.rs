//! "Does any of these spans overlap this one?" in O(log n): linking asks it for every word
//! of an article, and a scan of every span each time grows with the square of the article.

/// A set of byte spans, sorted by start, with the furthest end reached so far.
pub struct Overlaps {
    starts: Vec<usize>,
    /// `max_end[i]`: the furthest end among the first `i + 1` spans by start.
    max_end: Vec<usize>,
}

impl Overlaps {
    pub fn new(spans: impl IntoIterator<Item = (usize, usize)>) -> Overlaps {
        let mut spans: Vec<(usize, usize)> = spans.into_iter().collect();
        spans.sort_unstable();
        let starts = spans.iter().map(|s| s.0).collect();
        let max_end = spans
            .iter()
            .scan(0, |furthest, s| {
                *furthest = s.1.max(*furthest);
                Some(*furthest)
            })
            .collect();
        Overlaps { starts, max_end }
    }

    /// Whether some span shares a byte with `start..end`: one starts before `end` and ends
    /// after `start`.
    pub fn any(&self, start: usize, end: usize) -> bool {
        let before_end = self.starts.partition_point(|&s| s < end);
        before_end > 0 && self.max_end[before_end - 1] > start
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_a_scan_of_every_span() {
        let spans = [(10, 20), (0, 3), (12, 14), (30, 31), (5, 40), (50, 50)];
        let set = Overlaps::new(spans);
        for start in 0..60 {
            for end in start..60 {
                let scan = spans.iter().any(|&(s, e)| s < end && start < e);
                assert_eq!(set.any(start, end), scan, "{start}..{end}");
            }
        }
        assert!(!Overlaps::new([]).any(0, 10));
    }
}
