//! What survives a restart: read marks, stars, and where the reader was, in
//! `$XDG_DATA_HOME/byline/state.json`.
//!
//! Articles are keyed by a hash of their text, so a renamed or moved file keeps its marks.
//! Each process keeps its own changes and, when it saves, merges them into whatever the
//! file holds now, under a lock: two readers open at once lose neither's marks. The file
//! is replaced atomically (temporary file, fsync, rename); one that cannot be read is kept
//! aside as `state.json.bak-<time>`, never overwritten.

use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::{Deserialize, Serialize};

use crate::corpus::Article;

/// An article's identity for the state file: a hash of its title and body.
pub fn article_key(article: &Article) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(article.title.as_bytes());
    h.update(&[0]);
    h.update(article.body.as_bytes());
    h.digest()
}

/// Where the reader was in one corpus: the article, and the byte of its body at the top.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Place {
    pub article: u64,
    pub offset: usize,
}

/// Everything stored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Saved {
    pub read: HashSet<u64>,
    pub starred: HashSet<u64>,
    /// Keyed by the corpus (see [`corpus_key`]).
    pub places: BTreeMap<String, Place>,
    pub stamps: Stamps,
}

/// When a change was made: milliseconds since the Unix epoch. Between two byline
/// processes the later change wins, whichever of them saves last.
pub type Stamp = u64;

/// The time for a change made now; never the same or earlier than one made before by
/// this process, so its own changes keep their order even within a millisecond.
pub fn now() -> Stamp {
    use std::sync::atomic::{AtomicU64, Ordering};
    static LAST: AtomicU64 = AtomicU64::new(0);
    let clock = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis() as u64);
    let previous = LAST.fetch_max(clock, Ordering::Relaxed);
    if previous < clock { clock } else { LAST.fetch_add(1, Ordering::Relaxed) + 1 }
}

/// One change made in this process, replayed onto the file's contents when saving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Read(u64, bool, Stamp),
    Star(u64, bool, Stamp),
    Place(String, Place, Stamp),
}

/// When each mark and place last changed, unmarking included: what a change must be
/// newer than to take effect.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stamps {
    read: HashMap<u64, Stamp>,
    starred: HashMap<u64, Stamp>,
    places: HashMap<String, Stamp>,
}

/// Records `at` for `key` and says yes, unless what is recorded is later.
fn newer<K: std::hash::Hash + Eq + Clone>(stamps: &mut HashMap<K, Stamp>, key: &K, at: Stamp) -> bool {
    if stamps.get(key).is_some_and(|&t| t > at) {
        return false;
    }
    stamps.insert(key.clone(), at);
    true
}

impl Saved {
    /// Takes in `change` unless what is here changed later.
    pub fn apply(&mut self, change: &Change) {
        let set = |set: &mut HashSet<u64>, key: u64, on: bool| {
            if on {
                set.insert(key);
            } else {
                set.remove(&key);
            }
        };
        match change {
            Change::Read(key, on, at) => {
                if newer(&mut self.stamps.read, key, *at) {
                    set(&mut self.read, *key, *on);
                }
            }
            Change::Star(key, on, at) => {
                if newer(&mut self.stamps.starred, key, *at) {
                    set(&mut self.starred, *key, *on);
                }
            }
            Change::Place(corpus, place, at) => {
                if newer(&mut self.stamps.places, corpus, *at) {
                    self.places.insert(corpus.clone(), *place);
                }
            }
        }
    }
}

/// The name a corpus is remembered by: its paths as given, made absolute ("seeds" for the
/// bundled articles).
pub fn corpus_key(paths: &[PathBuf]) -> String {
    if paths.is_empty() {
        return "seeds".into();
    }
    let absolute: Vec<String> = paths
        .iter()
        .map(|p| fs::canonicalize(p).unwrap_or_else(|_| p.clone()).to_string_lossy().into_owned())
        .collect();
    absolute.join("\n")
}

/// The file as written: keys in hex, sorted, so it diffs and reads well, each with the
/// time of its last change; marks taken away are kept as `unread`/`unstarred` with theirs.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileOut {
    version: u32,
    #[serde(default)]
    read: Keys,
    #[serde(default)]
    starred: Keys,
    #[serde(default)]
    unread: BTreeMap<String, Stamp>,
    #[serde(default)]
    unstarred: BTreeMap<String, Stamp>,
    #[serde(default)]
    places: BTreeMap<String, PlaceOut>,
}

/// Version 1 listed keys; version 2 gives each its time.
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum Keys {
    Listed(Vec<String>),
    Stamped(BTreeMap<String, Stamp>),
}

impl Default for Keys {
    fn default() -> Keys {
        Keys::Stamped(BTreeMap::new())
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlaceOut {
    article: String,
    offset: usize,
    #[serde(default)]
    at: Stamp,
}

const VERSION: u32 = 2;

fn hex(key: u64) -> String {
    format!("{key:016x}")
}

fn unhex(s: &str) -> Result<u64, String> {
    u64::from_str_radix(s, 16).map_err(|_| format!("{s:?} is not an article key"))
}

fn encode(saved: &Saved) -> Vec<u8> {
    // Marks present, with their times; and the times of marks taken away.
    let split = |set: &HashSet<u64>, stamps: &HashMap<u64, Stamp>| {
        let on: BTreeMap<String, Stamp> = set.iter().map(|&k| (hex(k), stamps.get(&k).copied().unwrap_or(0))).collect();
        let off: BTreeMap<String, Stamp> =
            stamps.iter().filter(|(k, _)| !set.contains(k)).map(|(&k, &t)| (hex(k), t)).collect();
        (on, off)
    };
    let (read, unread) = split(&saved.read, &saved.stamps.read);
    let (starred, unstarred) = split(&saved.starred, &saved.stamps.starred);
    let file = FileOut {
        version: VERSION,
        read: Keys::Stamped(read),
        starred: Keys::Stamped(starred),
        unread,
        unstarred,
        places: saved
            .places
            .iter()
            .map(|(k, p)| {
                let at = saved.stamps.places.get(k).copied().unwrap_or(0);
                (k.clone(), PlaceOut { article: hex(p.article), offset: p.offset, at })
            })
            .collect(),
    };
    let mut out = serde_json::to_vec_pretty(&file).expect("strings and numbers serialise");
    out.push(b'\n');
    out
}

fn decode(bytes: &[u8]) -> Result<Saved, String> {
    let file: FileOut = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    if !(1..=VERSION).contains(&file.version) {
        return Err(format!("version {} is not one this byline knows", file.version));
    }
    let mut saved = Saved::default();
    let take = |keys: Keys, off: BTreeMap<String, Stamp>, set: &mut HashSet<u64>, stamps: &mut HashMap<u64, Stamp>| {
        let on: Vec<(String, Stamp)> = match keys {
            Keys::Listed(list) => list.into_iter().map(|k| (k, 0)).collect(),
            Keys::Stamped(map) => map.into_iter().collect(),
        };
        for (k, t) in on {
            let key = unhex(&k)?;
            set.insert(key);
            stamps.insert(key, t);
        }
        for (k, t) in off {
            stamps.insert(unhex(&k)?, t);
        }
        Ok::<(), String>(())
    };
    take(file.read, file.unread, &mut saved.read, &mut saved.stamps.read)?;
    take(file.starred, file.unstarred, &mut saved.starred, &mut saved.stamps.starred)?;
    for (corpus, p) in file.places {
        saved.stamps.places.insert(corpus.clone(), p.at);
        saved.places.insert(corpus, Place { article: unhex(&p.article)?, offset: p.offset });
    }
    Ok(saved)
}

/// A link where the state or its lock should be is refused: byline would otherwise write
/// wherever it points.
pub(crate) fn refuse_link(path: &Path) -> io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => Err(io::Error::other(format!(
            "{} is a symbolic link; byline does not follow links for its state (remove it)",
            path.display()
        ))),
        _ => Ok(()),
    }
}

/// Which contents the state file had: a hash of its bytes (none when there was no file).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FileVersion(Option<u64>);

impl FileVersion {
    fn of(bytes: &[u8]) -> FileVersion {
        FileVersion(Some(xxhash_rust::xxh3::xxh3_64(bytes)))
    }
}

/// What a save wrote.
#[derive(Debug)]
pub struct SaveOutcome {
    /// The file's marks with this save's changes.
    pub merged: Saved,
    /// The file on disk could not be read and was set aside.
    pub note: Option<String>,
    /// Someone else wrote the file since the version this process knew.
    pub changed_elsewhere: bool,
    /// The version just written.
    pub version: FileVersion,
}

/// The state file and its neighbours (lock, backups) in one folder.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

/// Temporary files start so, and end in `.tmp`: a kill while saving can leave one, and the
/// next save, holding the lock, removes it.
const TEMP_PREFIX: &str = ".state.json.";
const TEMP_SUFFIX: &str = ".tmp";

impl Store {
    pub fn new(dir: impl Into<PathBuf>) -> Store {
        Store { dir: dir.into() }
    }

    /// `$XDG_DATA_HOME/byline` (or the platform's equivalent); None without a home.
    pub fn default_location() -> Option<Store> {
        directories::ProjectDirs::from("", "", "byline").map(|d| Store::new(d.data_dir()))
    }

    pub fn path(&self) -> PathBuf {
        self.dir.join("state.json")
    }

    /// What the file holds; a missing file is an empty state. A file that cannot be read
    /// or parsed is moved aside, and the note says where.
    pub fn load(&self) -> (Saved, Option<String>) {
        let (saved, note, _) = self.load_versioned();
        (saved, note)
    }

    /// [`Store::load`], with the version of the file it read, for [`Store::save_after`].
    pub fn load_versioned(&self) -> (Saved, Option<String>, FileVersion) {
        match self.read_current() {
            Ok((saved, version)) => (saved, None, version),
            Err(note) => (Saved::default(), Some(note), FileVersion::default()),
        }
    }

    /// Merges `changes` into the file's current contents under a lock, and writes the
    /// result atomically. Returns the merged state (with other processes' marks) and a
    /// note when the file on disk had to be set aside.
    pub fn save(&self, changes: &[Change]) -> io::Result<(Saved, Option<String>)> {
        let saved = self.save_after(changes, FileVersion::default())?;
        Ok((saved.merged, saved.note))
    }

    /// [`Store::save`], told which version of the file this process wrote or read last,
    /// so that it can say whether anyone else has written since.
    pub fn save_after(&self, changes: &[Change], known: FileVersion) -> io::Result<SaveOutcome> {
        fs::create_dir_all(&self.dir)?;
        let lock_path = self.dir.join("state.lock");
        refuse_link(&lock_path)?;
        refuse_link(&self.path())?;
        let lock = take_lock(&lock_path)?;
        self.remove_stale_temporaries();
        let (mut merged, note, found) = match self.read_current() {
            Ok((saved, version)) => (saved, None, version),
            Err(note) => (Saved::default(), Some(note), FileVersion::default()),
        };
        for change in changes {
            merged.apply(change);
        }
        let bytes = encode(&merged);
        self.write_atomically(&bytes)?;
        // Dropping the file releases the lock.
        drop(lock);
        Ok(SaveOutcome { merged, note, changed_elsewhere: found != known, version: FileVersion::of(&bytes) })
    }

    /// Reads and parses the file; on failure, moves it aside and says so. A link is
    /// neither read nor moved.
    fn read_current(&self) -> Result<(Saved, FileVersion), String> {
        let path = self.path();
        if let Err(e) = refuse_link(&path) {
            return Err(e.to_string());
        }
        let problem = match fs::read(&path) {
            Ok(bytes) => match decode(&bytes) {
                Ok(saved) => return Ok((saved, FileVersion::of(&bytes))),
                Err(e) => format!("could not be read ({e})"),
            },
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((Saved::default(), FileVersion::default())),
            Err(e) => format!("could not be opened ({e})"),
        };
        Err(match self.set_aside(&path) {
            Ok(backup) => format!("the state file {problem}: kept as {}; starting afresh", backup.display()),
            Err(e) => format!("the state file {problem}, and could not be moved aside ({e})"),
        })
    }

    fn set_aside(&self, path: &Path) -> io::Result<PathBuf> {
        let secs = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
        // Never overwrite an earlier backup: count up until a free name turns up.
        let mut backup = self.dir.join(format!("state.json.bak-{secs}"));
        let mut n = 1;
        while backup.exists() {
            backup = self.dir.join(format!("state.json.bak-{secs}-{n}"));
            n += 1;
        }
        fs::rename(path, &backup)?;
        Ok(backup)
    }

    /// Only a process holding the lock writes a temporary file, so under the lock any
    /// that is there was left by one that was killed. Also those of earlier versions,
    /// named `.tmp` and six letters.
    fn remove_stale_temporaries(&self) {
        let Ok(entries) = fs::read_dir(&self.dir) else { return };
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            let ours = name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX);
            let older = name.len() == 10 && name.starts_with(".tmp");
            if (ours || older) && entry.file_type().is_ok_and(|t| t.is_file()) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }

    fn write_atomically(&self, bytes: &[u8]) -> io::Result<()> {
        write_atomically(&self.path(), TEMP_PREFIX, bytes)
    }
}

/// Opens `lock_path` (never through a link) and holds its lock until the file is dropped.
pub(crate) fn take_lock(lock_path: &Path) -> io::Result<File> {
    // No following a link put there between the check and the open.
    let lock =
        OpenOptions::new().create(true).truncate(false).write(true).custom_flags(libc::O_NOFOLLOW).open(lock_path)?;
    lock.lock()?;
    Ok(lock)
}

/// Replaces `path` with `bytes`: a temporary file in the same folder (named `prefix`…`.tmp`),
/// fsynced, renamed over it, and the folder synced.
pub(crate) fn write_atomically(path: &Path, prefix: &str, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new().prefix(prefix).suffix(TEMP_SUFFIX).tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    // The rename itself is durable once the folder is synced.
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("byline"));
        let changes = [
            Change::Read(1, true, now()),
            Change::Read(u64::MAX, true, now()),
            Change::Star(7, true, now()),
            Change::Place("seeds".into(), Place { article: 7, offset: 120 }, now()),
        ];
        let (saved, note) = store.save(&changes).unwrap();
        assert_eq!(note, None);
        assert_eq!(store.load(), (saved.clone(), None));
        assert!(saved.read.contains(&u64::MAX) && saved.starred.contains(&7));
        assert_eq!(saved.places["seeds"], Place { article: 7, offset: 120 });
    }

    #[test]
    fn later_changes_win_and_unmarking_sticks() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        store.save(&[Change::Read(1, true, now()), Change::Star(2, true, now())]).unwrap();
        let (saved, _) = store
            .save(&[Change::Read(1, false, now()), Change::Star(2, false, now()), Change::Star(2, true, now())])
            .unwrap();
        assert!(saved.read.is_empty());
        assert!(saved.starred.contains(&2));
    }

    #[test]
    fn a_corrupt_file_is_kept_aside_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        fs::write(store.path(), b"{\"version\": 1, \"read\": [\"zz\"").unwrap();
        let (saved, note) = store.load();
        assert_eq!(saved, Saved::default());
        let note = note.expect("a notice");
        assert!(note.contains("state.json.bak-"), "{note}");
        let backups: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.starts_with("state.json.bak-"))
            .collect();
        assert_eq!(backups.len(), 1);
        let kept = fs::read(dir.path().join(&backups[0])).unwrap();
        assert_eq!(kept, b"{\"version\": 1, \"read\": [\"zz\"");
        // A second corrupt file gets a backup of its own.
        fs::write(store.path(), b"not json").unwrap();
        assert!(store.load().1.is_some());
        let count = fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().starts_with("state.json.bak-"));
        assert_eq!(count.count(), 2);
    }

    #[test]
    fn unknown_versions_are_not_taken_for_empty_state() {
        assert!(decode(br#"{"version": 3}"#).unwrap_err().contains("version 3"));
        assert!(decode(br#"{"version": 1, "colour": "red"}"#).is_err());
        assert_eq!(decode(br#"{"version": 1}"#).unwrap(), Saved::default());
        assert_eq!(decode(br#"{"version": 2}"#).unwrap(), Saved::default());
    }

    #[test]
    fn concurrent_writers_lose_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        std::thread::scope(|s| {
            for t in 0..4u64 {
                let store = store.clone();
                s.spawn(move || {
                    for i in 0..25 {
                        store.save(&[Change::Read(t * 100 + i, true, now())]).unwrap();
                    }
                });
            }
        });
        let (saved, note) = store.load();
        assert_eq!(note, None);
        assert_eq!(saved.read.len(), 100);
    }

    #[test]
    fn the_key_follows_the_text_not_the_path() {
        let a = crate::corpus::article("a/one.txt".into(), "Title\n\nBody text.");
        let b = crate::corpus::article("elsewhere/two.txt".into(), "Title\n\nBody text.");
        let c = crate::corpus::article("a/one.txt".into(), "Title\n\nBody text changed.");
        assert_eq!(article_key(&a), article_key(&b));
        assert_ne!(article_key(&a), article_key(&c));
    }

    #[test]
    fn the_later_change_wins_not_the_later_save() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        // Two readers: the first marks an article read, the second unmarks it later, but
        // the first saves last.
        let (early, late) = (now(), now());
        store.save(&[Change::Read(5, false, late), Change::Star(6, true, late)]).unwrap();
        let (saved, _) = store.save(&[Change::Read(5, true, early), Change::Star(6, false, early)]).unwrap();
        assert!(!saved.read.contains(&5), "the earlier change was replayed over the later one");
        assert!(saved.starred.contains(&6));
        // And the times survive the file.
        assert_eq!(store.load().0, saved);
        let (saved, _) = store.save(&[Change::Read(5, true, early)]).unwrap();
        assert!(!saved.read.contains(&5));
    }

    #[test]
    fn version_1_files_still_load() {
        let v1 = br#"{"version": 1, "read": ["0000000000000001"], "starred": ["0000000000000002"],
            "places": {"seeds": {"article": "0000000000000002", "offset": 9}}}"#;
        let saved = decode(v1).unwrap();
        assert!(saved.read.contains(&1) && saved.starred.contains(&2));
        assert_eq!(saved.places["seeds"], Place { article: 2, offset: 9 });
        // Any change made now is later than a version 1 mark.
        let mut saved = saved;
        saved.apply(&Change::Read(1, false, now()));
        assert!(saved.read.is_empty());
    }

    #[test]
    fn links_in_place_of_the_state_or_its_lock_are_refused() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("byline"));
        fs::create_dir_all(dir.path().join("byline")).unwrap();
        // A dangling link as the lock: its target must not be created.
        let target = dir.path().join("created-by-byline");
        symlink(&target, dir.path().join("byline/state.lock")).unwrap();
        let e = store.save(&[Change::Read(1, true, now())]).unwrap_err();
        assert!(e.to_string().contains("symbolic link"), "{e}");
        assert!(!target.exists());
        fs::remove_file(dir.path().join("byline/state.lock")).unwrap();
        // A link as the state file: neither read, nor replaced by a regular file.
        let elsewhere = dir.path().join("elsewhere.json");
        fs::write(&elsewhere, b"{\"version\": 2}").unwrap();
        symlink(&elsewhere, store.path()).unwrap();
        assert!(store.save(&[Change::Read(1, true, now())]).is_err());
        assert!(fs::symlink_metadata(store.path()).unwrap().file_type().is_symlink());
        assert_eq!(fs::read(&elsewhere).unwrap(), b"{\"version\": 2}");
        let (saved, note) = store.load();
        assert_eq!(saved, Saved::default());
        assert!(note.unwrap().contains("symbolic link"));
    }

    #[test]
    fn temporary_files_left_by_a_killed_save_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        for name in [".state.json.a1b2c3.tmp", ".tmpAbC123", ".tmpXyZ789"] {
            fs::write(dir.path().join(name), b"half a file").unwrap();
        }
        fs::write(dir.path().join("notes.txt"), b"the user's").unwrap();
        store.save(&[Change::Read(1, true, now())]).unwrap();
        let mut names: Vec<String> =
            fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        names.sort();
        assert_eq!(names, ["notes.txt", "state.json", "state.lock"]);
    }

    #[test]
    fn stamps_never_repeat_in_one_process() {
        let stamps: Vec<Stamp> = (0..1000).map(|_| now()).collect();
        assert!(stamps.windows(2).all(|w| w[0] < w[1]));
    }
}
