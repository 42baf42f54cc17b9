//! Making the reader's corrections off the UI thread: a thread that takes asks one after
//! another, makes each correction by names (or undoes the last one), writes the corrections
//! file, builds the index again with them and finds its quotes. The event loop only sends
//! asks and takes results, so no key waits for work in proportion to the corpus.
//!
//! Asks are taken in order, each on the newest index the thread built, so a result holds
//! every correction made before it; the app drops one that another ask has overtaken.

use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::mpsc::{self, Sender};

use crate::app::CorrectionAsk;
use crate::corpus::Corpus;
use crate::corrections::command::{MadeIn, comment, make};
use crate::corrections::{Corrections, CorrectionsFile};
use crate::dossier::QuoteIndex;
use crate::entities::{Gazetteer, Index, Progress};

/// One ask, numbered by the app, with the corpus and the index the reader has now.
pub struct Job {
    pub generation: u64,
    pub ask: CorrectionAsk,
    pub corpus: Arc<Corpus>,
    pub index: Arc<Index>,
}

/// An index built with corrections, and those corrections.
pub type Built = (Arc<Index>, Arc<Corrections>);

/// What an ask came to: a note for the status line (what changed, or why nothing did),
/// and the newest index built with the corrections, with them (None until one is built).
pub struct Done {
    pub generation: u64,
    pub note: String,
    pub built: Option<Built>,
}

/// The correcting thread.
pub struct Corrector {
    jobs: Sender<Job>,
}

impl Corrector {
    /// Starts the thread for `file`; `done` is called for every ask, `quotes` with the
    /// quotes of the newest index once no ask is waiting.
    pub fn start(
        file: CorrectionsFile,
        done: impl Fn(Done) + Send + 'static,
        quotes: impl Fn(Arc<QuoteIndex>, Arc<Index>) + Send + 'static,
    ) -> Corrector {
        let (jobs, rx) = mpsc::channel::<Job>();
        std::thread::spawn(move || {
            let mut latest: Option<Built> = None;
            let mut waiting: VecDeque<Job> = VecDeque::new();
            let mut quotes_due = false;
            loop {
                let job = match waiting.pop_front() {
                    Some(job) => job,
                    None => match rx.recv() {
                        Ok(job) => job,
                        Err(_) => return, // the reader has quit
                    },
                };
                let now = latest.as_ref().map_or_else(|| Arc::clone(&job.index), |(i, _)| Arc::clone(i));
                let note = match correct(&file, job.ask, &job.corpus, &now) {
                    Ok((built, note)) => {
                        latest = Some(built);
                        quotes_due = true;
                        note
                    }
                    Err(note) => note,
                };
                done(Done { generation: job.generation, note, built: latest.clone() });
                waiting.extend(rx.try_iter());
                if let Some((index, _)) = latest.as_ref().filter(|_| quotes_due && waiting.is_empty()) {
                    quotes(Arc::new(QuoteIndex::build(&job.corpus, index)), Arc::clone(index));
                    quotes_due = false;
                }
            }
        });
        Corrector { jobs }
    }

    pub fn ask(&self, job: Job) {
        let _ = self.jobs.send(job);
    }
}

/// Makes one ask: the file written and the index built again; or why not.
fn correct(
    file: &CorrectionsFile,
    ask: CorrectionAsk,
    corpus: &Corpus,
    index: &Index,
) -> Result<(Built, String), String> {
    let (all, summary) = match ask {
        CorrectionAsk::Make(request) => {
            // The file as it is now: a correction another process made counts too.
            let earlier = file.load().map_err(|e| e.to_string())?;
            let made = make(&request, corpus, index, &earlier)?;
            let all = file.add(&made.correction, &comment(&made, MadeIn::Reader)).map_err(|e| e.to_string())?;
            (all, made.summary)
        }
        CorrectionAsk::Undo => match file.undo().map_err(|e| e.to_string())? {
            Some(undone) => (file.load().map_err(|e| e.to_string())?, format!("undone: {}", undone.describe())),
            None => return Err("no correction to undo".into()),
        },
    };
    let index = Index::build_reporting(corpus, Gazetteer::embedded(), &all, &Progress::default());
    Ok(((Arc::new(index), Arc::new(all)), crate::corpus::sanitize(&summary).into_owned()))
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::corrections::command::Request;

    #[test]
    fn asks_are_made_in_order_each_on_the_index_before_and_the_file_written() {
        let dir = tempfile::tempdir().unwrap();
        let file = CorrectionsFile::new(dir.path().join("c.toml"));
        let corpus = Arc::new(crate::corpus::load_embedded_seeds());
        let index = Arc::new(Index::build(&corpus));
        let (done_tx, done) = mpsc::channel();
        let (quotes_tx, quotes) = mpsc::channel();
        let corrector = Corrector::start(
            file.clone(),
            move |d| done_tx.send(d).unwrap(),
            move |q, i| quotes_tx.send((q, i)).unwrap(),
        );
        let job = |generation, ask| Job { generation, ask, corpus: Arc::clone(&corpus), index: Arc::clone(&index) };
        let merge = Request::Merge { keep: "person:volodymyr-zelensky".into(), other: "person:vladimir-putin".into() };
        corrector.ask(job(1, CorrectionAsk::Make(merge)));
        // Named by the id the first correction took away: the second ask sees the merge.
        let rename = Request::Rename { name: "Vladimir Putin".into(), to: "Both".into() };
        corrector.ask(job(2, CorrectionAsk::Make(rename)));
        corrector.ask(job(3, CorrectionAsk::Make(Request::Rename { name: "nobody at all".into(), to: "x".into() })));
        let wait = || done.recv_timeout(Duration::from_secs(120)).expect("a result");
        let (first, second, third) = (wait(), wait(), wait());
        assert_eq!((first.generation, second.generation, third.generation), (1, 2, 3));
        assert!(first.note.starts_with("merged"), "{}", first.note);
        let both = second.built.clone().unwrap().0;
        let e = both.entity(both.find("person:volodymyr-zelensky").unwrap());
        assert_eq!(e.name, "Both", "{}", second.note);
        // A refused ask says why and hands back the newest index.
        assert!(third.note.contains("no entity named"), "{}", third.note);
        assert!(Arc::ptr_eq(&third.built.as_ref().unwrap().0, &both));
        assert_eq!(file.load().unwrap().list.len(), 2);
        // A never of the two merged is refused, saying so, and nothing is written.
        let never = Request::Never { a: "Vladimir Putin".into(), b: "Volodymyr Zelensky".into() };
        corrector.ask(job(4, CorrectionAsk::Make(never)));
        let fourth = wait();
        assert!(fourth.note.starts_with("refused: correction 1 says otherwise (merge"), "{}", fourth.note);
        assert_eq!(file.load().unwrap().list.len(), 2);
        // Quotes come for the index in use; an earlier index's may come first if the thread
        // finished an ask before the next was queued.
        let mut quoted = std::iter::from_fn(|| quotes.recv_timeout(Duration::from_secs(120)).ok());
        assert!(quoted.any(|(_, for_index)| Arc::ptr_eq(&for_index, &both)), "no quotes for the index in use");
    }
}
