//! Saving read marks off the UI thread: a thread that owns the state file, takes batches of
//! changes, and keeps those it could not save until a save succeeds.
//!
//! A save of a large state file takes time (a 96 MB file, seconds): the reader never waits
//! for one, except at the end, when [`Saver::finish`] makes the last attempt.

use std::path::PathBuf;
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::state::{Change, Saved, Store};

/// After a failed save, the next attempt comes this much later (or with the next batch).
pub const RETRY_AFTER: Duration = Duration::from_secs(2);

/// What one attempt did, for the reader.
#[derive(Debug)]
pub struct Report {
    /// The last batch this attempt covered (saved, or kept for the next attempt).
    pub through: u64,
    /// The marks as merged with another process's, when one wrote the file meanwhile;
    /// None when nothing but this process changed it.
    pub merged: Option<Saved>,
    /// A note for the status line: the old file set aside, or why the save failed.
    pub note: Option<String>,
    /// False when the changes are still waiting to be saved.
    pub saved: bool,
}

enum Request {
    Save(u64, Vec<Change>),
    Finish(Sender<Result<(), String>>),
}

/// The saving thread.
pub struct Saver {
    requests: Sender<Request>,
    thread: Option<JoinHandle<()>>,
    path: PathBuf,
}

impl Saver {
    /// Starts the thread. It first reads the file and hands what it holds (and a note when
    /// it had to be set aside) to `loaded`, so that a large file never delays the first
    /// frame; then `report` is called on the thread after each attempt to save.
    pub fn start(
        store: Store,
        loaded: impl FnOnce(Saved, Option<String>) + Send + 'static,
        report: impl Fn(Report) + Send + 'static,
    ) -> Saver {
        let (requests, queue) = mpsc::channel::<Request>();
        let path = store.path();
        let thread = std::thread::spawn(move || {
            let (saved, note, mut known) = store.load_versioned();
            loaded(saved, note);
            let mut pending: Vec<Change> = Vec::new();
            let mut through = 0;
            let mut last_error: Option<String> = None;
            loop {
                // While changes wait after a failure, wake up to try again.
                let request = if last_error.is_some() {
                    queue.recv_timeout(RETRY_AFTER)
                } else {
                    queue.recv().map_err(|_| RecvTimeoutError::Disconnected)
                };
                let mut finish = None;
                match request {
                    Ok(Request::Save(batch, changes)) => {
                        pending.extend(changes);
                        through = batch;
                    }
                    Ok(Request::Finish(reply)) => finish = Some(reply),
                    Err(RecvTimeoutError::Timeout) => {}
                    Err(RecvTimeoutError::Disconnected) => return,
                }
                // Batches that came meanwhile go into the same write.
                while finish.is_none()
                    && let Ok(request) = queue.try_recv()
                {
                    match request {
                        Request::Save(batch, changes) => {
                            pending.extend(changes);
                            through = batch;
                        }
                        Request::Finish(reply) => finish = Some(reply),
                    }
                }
                if !pending.is_empty() {
                    match store.save_after(&pending, known) {
                        Ok(outcome) => {
                            pending.clear();
                            known = outcome.version;
                            last_error = None;
                            let merged = outcome.changed_elsewhere.then_some(outcome.merged);
                            report(Report { through, merged, note: outcome.note, saved: true });
                        }
                        Err(e) => {
                            let note = format!("could not save read marks to {}: {e}", store.path().display());
                            last_error = Some(note.clone());
                            report(Report { through, merged: None, note: Some(note), saved: false });
                        }
                    }
                }
                if let Some(reply) = finish {
                    let _ = reply.send(match &last_error {
                        Some(e) if !pending.is_empty() => Err(e.clone()),
                        _ => Ok(()),
                    });
                    return;
                }
            }
        });
        Saver { requests, thread: Some(thread), path }
    }

    /// Queues `changes` (batch number `batch`, counting up) to be saved now.
    pub fn save(&self, batch: u64, changes: Vec<Change>) {
        if !changes.is_empty() {
            let _ = self.requests.send(Request::Save(batch, changes));
        }
    }

    /// Saves whatever is queued and stops the thread. Err says why changes could not be
    /// saved, or that saving took longer than `patience`.
    pub fn finish(mut self, patience: Duration) -> Result<(), String> {
        let (reply, answer) = mpsc::channel();
        if self.requests.send(Request::Finish(reply)).is_err() {
            return Err(format!("could not save read marks to {}: the saving thread ended", self.path.display()));
        }
        let result = match answer.recv_timeout(patience) {
            Ok(result) => result,
            Err(_) => Err(format!(
                "could not save read marks to {}: still not written after {} s",
                self.path.display(),
                patience.as_secs()
            )),
        };
        if result.is_ok()
            && let Some(thread) = self.thread.take()
        {
            let _ = thread.join();
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::now;
    use std::sync::{Arc, Mutex};

    fn saver_in(dir: &std::path::Path) -> (Saver, Arc<Mutex<Vec<Report>>>) {
        let reports = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&reports);
        let saver = Saver::start(Store::new(dir), |_, _| {}, move |r| sink.lock().unwrap().push(r));
        (saver, reports)
    }

    #[test]
    fn the_file_is_read_on_the_thread_and_handed_over() {
        let dir = tempfile::tempdir().unwrap();
        Store::new(dir.path()).save(&[Change::Star(3, true, now())]).unwrap();
        let (tx, rx) = mpsc::channel();
        let saver = Saver::start(Store::new(dir.path()), move |saved, note| tx.send((saved, note)).unwrap(), |_| {});
        let (saved, note) = rx.recv_timeout(Duration::from_secs(10)).unwrap();
        assert!(saved.starred.contains(&3) && note.is_none());
        assert_eq!(saver.finish(Duration::from_secs(10)), Ok(()));
    }

    /// Waits (20 s at most) until `done` holds.
    fn wait_until(what: &str, done: impl Fn() -> bool) {
        let deadline = std::time::Instant::now() + Duration::from_secs(20);
        while !done() {
            assert!(std::time::Instant::now() < deadline, "{what}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    #[test]
    fn saves_each_batch_and_finishes() {
        let dir = tempfile::tempdir().unwrap();
        let (saver, reports) = saver_in(dir.path());
        saver.save(1, vec![Change::Read(1, true, now())]);
        saver.save(2, vec![Change::Star(2, true, now())]);
        assert_eq!(saver.finish(Duration::from_secs(10)), Ok(()));
        let (saved, _) = Store::new(dir.path()).load();
        assert!(saved.read.contains(&1) && saved.starred.contains(&2));
        let reports = reports.lock().unwrap();
        assert_eq!(reports.last().unwrap().through, 2);
        assert!(reports.iter().all(|r| r.saved && r.merged.is_none()), "{reports:?}");
    }

    #[test]
    fn a_failed_save_is_kept_and_retried_until_it_succeeds() {
        let dir = tempfile::tempdir().unwrap();
        // A folder where the lock file should be: every save fails.
        std::fs::create_dir_all(dir.path().join("state.lock")).unwrap();
        let (saver, reports) = saver_in(dir.path());
        saver.save(1, vec![Change::Read(7, true, now())]);
        wait_until("no retry", || reports.lock().unwrap().iter().filter(|r| !r.saved).count() >= 2);
        assert!(reports.lock().unwrap()[0].note.as_ref().unwrap().contains("state.json"));
        // The obstacle goes: the kept change is saved by the next retry.
        std::fs::remove_dir(dir.path().join("state.lock")).unwrap();
        wait_until("never saved", || reports.lock().unwrap().iter().any(|r| r.saved));
        assert_eq!(saver.finish(Duration::from_secs(10)), Ok(()));
        assert!(Store::new(dir.path()).load().0.read.contains(&7));
    }

    #[test]
    fn finish_says_what_could_not_be_saved() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("state.lock")).unwrap();
        let (saver, _) = saver_in(dir.path());
        saver.save(1, vec![Change::Read(7, true, now())]);
        let e = saver.finish(Duration::from_secs(10)).unwrap_err();
        assert!(e.contains("could not save read marks to") && e.contains("state.json"), "{e}");
    }

    #[test]
    fn another_process_writing_meanwhile_is_reported_with_the_merged_marks() {
        let dir = tempfile::tempdir().unwrap();
        let (saver, reports) = saver_in(dir.path());
        saver.save(1, vec![Change::Read(1, true, now())]);
        // Wait for the first save, then another process writes.
        wait_until("no first save", || !reports.lock().unwrap().is_empty());
        Store::new(dir.path()).save(&[Change::Star(9, true, now())]).unwrap();
        saver.save(2, vec![Change::Read(2, true, now())]);
        assert_eq!(saver.finish(Duration::from_secs(10)), Ok(()));
        let reports = reports.lock().unwrap();
        let merged = reports[1].merged.as_ref().expect("the other process's star");
        assert!(merged.starred.contains(&9) && merged.read.contains(&1) && merged.read.contains(&2));
    }
}
