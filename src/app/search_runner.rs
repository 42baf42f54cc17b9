//! Search off the UI thread: each request carries a generation number, the worker reports
//! the hits in chunks as it goes (the first ones early), and a newer request stops an older
//! one between articles. Tests run the same search inline, in the calling thread.

use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};

use rayon::prelude::*;

use super::search::{Hit, Search};
use crate::corpus::Corpus;

/// Articles in the first chunk, so the first hits are on screen at once; later chunks
/// double up to [`LAST_CHUNK`], which bounds the work each report costs the UI thread.
const FIRST_CHUNK: usize = 256;
const LAST_CHUNK: usize = 8_192;

/// Find `query` in the `listed` articles, then in every article of `tail`.
pub struct SearchRequest {
    pub generation: u64,
    pub query: String,
    pub corpus: Arc<Corpus>,
    /// Articles to search first, in corpus order, all before `tail` (a narrowed search).
    pub listed: Arc<[usize]>,
    pub tail: Range<usize>,
}

impl SearchRequest {
    /// The articles to search, in corpus order.
    fn targets(&self) -> impl Iterator<Item = usize> + '_ {
        self.listed.iter().copied().chain(self.tail.clone())
    }
}

/// Hits found in the next stretch of a request's articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchReport {
    pub generation: u64,
    pub hits: Vec<Hit>,
    /// The articles with a hit among them, in corpus order.
    pub articles: Vec<usize>,
    /// Every requested article before this one is searched.
    pub through: usize,
    /// The request is searched to its end.
    pub done: bool,
}

/// Searches `request` chunk by chunk, reporting each chunk, while `current` says the request
/// is still the newest. A stopped search sends nothing more.
pub fn run(request: &SearchRequest, current: &(dyn Fn() -> bool + Sync), report: &mut dyn FnMut(SearchReport)) {
    let Some(matcher) = Search::matcher(&request.query) else {
        report(SearchReport {
            generation: request.generation,
            hits: Vec::new(),
            articles: Vec::new(),
            through: request.tail.end,
            done: true,
        });
        return;
    };
    let matcher = &matcher;
    let mut targets = request.targets().peekable();
    let mut chunk_len = FIRST_CHUNK;
    loop {
        let chunk: Vec<usize> = targets.by_ref().take(chunk_len).collect();
        chunk_len = (chunk_len * 2).min(LAST_CHUNK);
        // Checked per article, so that a stale search lets go of the corpus at once.
        let hits: Vec<Hit> = chunk
            .par_iter()
            .flat_map_iter(|&a| {
                let article = (current()).then(|| &request.corpus.articles[a]);
                article.into_iter().flat_map(move |article| Search::hits_of(matcher, a, article))
            })
            .collect();
        if !current() {
            return;
        }
        let mut articles: Vec<usize> = hits.iter().map(|h| h.article as usize).collect();
        articles.dedup();
        let next = targets.peek().copied();
        let done = next.is_none();
        let through = next.unwrap_or(request.tail.end);
        report(SearchReport { generation: request.generation, hits, articles, through, done });
        if done {
            return;
        }
    }
}

/// Where searches run: in the calling thread (tests, benches of the old way), or on a
/// worker thread that reports through a callback (the event loop).
#[derive(Default)]
pub enum SearchRunner {
    #[default]
    Inline,
    Background(Worker),
}

impl SearchRunner {
    /// A worker thread that hands each report to `report`.
    pub fn background(report: impl FnMut(SearchReport) + Send + 'static) -> SearchRunner {
        SearchRunner::Background(Worker::start(Box::new(report)))
    }

    /// Starts `request`, stopping any older one. Inline, returns its reports, to be applied
    /// at once; in the background, returns nothing and the reports come later.
    pub fn start(&self, request: SearchRequest) -> Vec<SearchReport> {
        match self {
            SearchRunner::Inline => {
                let mut reports = Vec::new();
                run(&request, &|| true, &mut |r| reports.push(r));
                reports
            }
            SearchRunner::Background(worker) => {
                worker.start_request(request);
                Vec::new()
            }
        }
    }

    /// Stops the running search (its reports would be dropped anyway).
    pub fn cancel(&self) {
        if let SearchRunner::Background(worker) = self {
            worker.shared.latest.store(0, Ordering::Relaxed);
        }
    }

    /// Stops the running search and waits until the worker holds no corpus, so that the
    /// corpus can grow. A stopped search lets go within an article.
    pub fn release(&self) {
        if let SearchRunner::Background(worker) = self {
            worker.release();
        }
    }
}

/// The search thread: the newest request waits in `slot` (an older one waiting there is
/// dropped unsearched), `latest` is the generation that may go on.
pub struct Worker {
    shared: Arc<Shared>,
}

struct Shared {
    slot: Mutex<Slot>,
    wake: Condvar,
    latest: AtomicU64,
    /// Held while the worker has a request (and so the corpus) in hand.
    busy: Mutex<()>,
}

#[derive(Default)]
struct Slot {
    request: Option<SearchRequest>,
    closed: bool,
}

impl Worker {
    fn start(mut report: Box<dyn FnMut(SearchReport) + Send>) -> Worker {
        let shared = Arc::new(Shared {
            slot: Mutex::new(Slot::default()),
            wake: Condvar::new(),
            latest: AtomicU64::new(0),
            busy: Mutex::new(()),
        });
        let worker = Arc::clone(&shared);
        std::thread::spawn(move || {
            loop {
                let mut slot = worker.slot.lock().unwrap_or_else(PoisonError::into_inner);
                while slot.request.is_none() && !slot.closed {
                    slot = worker.wake.wait(slot).unwrap_or_else(PoisonError::into_inner);
                }
                if slot.closed {
                    return;
                }
                // Taken while the slot is locked: `release` never misses a request in hand.
                let busy = worker.busy.lock().unwrap_or_else(PoisonError::into_inner);
                let request = slot.request.take().expect("a request is waiting");
                drop(slot);
                let generation = request.generation;
                let current = || worker.latest.load(Ordering::Relaxed) == generation;
                run(&request, &current, &mut *report);
                drop(request);
                drop(busy);
            }
        });
        Worker { shared }
    }

    fn start_request(&self, request: SearchRequest) {
        let mut slot = self.shared.slot.lock().unwrap_or_else(PoisonError::into_inner);
        self.shared.latest.store(request.generation, Ordering::Relaxed);
        slot.request = Some(request);
        self.shared.wake.notify_one();
    }

    fn release(&self) {
        let waiting = {
            let mut slot = self.shared.slot.lock().unwrap_or_else(PoisonError::into_inner);
            self.shared.latest.store(0, Ordering::Relaxed);
            slot.request.take()
        };
        drop(waiting);
        drop(self.shared.busy.lock().unwrap_or_else(PoisonError::into_inner));
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        let mut slot = self.shared.slot.lock().unwrap_or_else(PoisonError::into_inner);
        slot.closed = true;
        self.shared.latest.store(0, Ordering::Relaxed);
        self.shared.wake.notify_one();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::article;

    fn corpus(n: usize) -> Arc<Corpus> {
        let articles = (0..n).map(|i| article("a.txt".into(), &format!("Title {i}\n\nbody {i} talks"))).collect();
        Arc::new(Corpus { articles, ..Default::default() })
    }

    fn request(corpus: &Arc<Corpus>, query: &str) -> SearchRequest {
        let tail = 0..corpus.articles.len();
        SearchRequest { generation: 1, query: query.into(), corpus: Arc::clone(corpus), listed: Arc::from([]), tail }
    }

    #[test]
    fn chunks_stream_in_order_and_add_up_to_a_full_search() {
        let c = corpus(3_000);
        let reports = SearchRunner::Inline.start(request(&c, "talks"));
        assert!(reports.len() > 1, "the first hits come early");
        assert_eq!(reports[0].hits.len(), FIRST_CHUNK);
        assert!(reports.last().unwrap().done && reports.iter().filter(|r| r.done).count() == 1);
        let hits: Vec<Hit> = reports.iter().flat_map(|r| r.hits.clone()).collect();
        assert_eq!(hits, Search::find(&c, "talks"));
    }

    #[test]
    fn a_stale_search_stops_and_reports_nothing_more() {
        let c = corpus(3_000);
        let stale = std::sync::atomic::AtomicBool::new(false);
        let mut reports = 0;
        run(&request(&c, "talks"), &|| !stale.load(Ordering::Relaxed), &mut |_| {
            stale.store(true, Ordering::Relaxed);
            reports += 1;
        });
        assert_eq!(reports, 1);
    }

    #[test]
    fn the_worker_reports_and_lets_go_of_the_corpus() {
        let c = corpus(1_000);
        let (tx, rx) = std::sync::mpsc::channel();
        let runner = SearchRunner::background(move |r| tx.send(r).unwrap());
        runner.start(SearchRequest { generation: 7, ..request(&c, "body") });
        let mut hits = 0;
        loop {
            let r = rx.recv().unwrap();
            assert_eq!(r.generation, 7);
            hits += r.hits.len();
            if r.done {
                break;
            }
        }
        assert_eq!(hits, 1_000);
        runner.start(SearchRequest { generation: 8, ..request(&c, "body") });
        runner.release();
        assert_eq!(Arc::strong_count(&c), 1, "released: the corpus can grow");
    }
}
