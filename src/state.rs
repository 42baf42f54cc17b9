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
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use rustc_hash::FxHashSet as HashSet;
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
}

/// One change made in this process, replayed onto the file's contents when saving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Read(u64, bool),
    Star(u64, bool),
    Place(String, Place),
}

impl Saved {
    pub fn apply(&mut self, change: &Change) {
        let set = |set: &mut HashSet<u64>, key: u64, on: bool| {
            if on {
                set.insert(key);
            } else {
                set.remove(&key);
            }
        };
        match change {
            Change::Read(key, on) => set(&mut self.read, *key, *on),
            Change::Star(key, on) => set(&mut self.starred, *key, *on),
            Change::Place(corpus, place) => {
                self.places.insert(corpus.clone(), *place);
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

/// The file as written: keys in hex, sorted, so it diffs and reads well.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File1 {
    version: u32,
    #[serde(default)]
    read: Vec<String>,
    #[serde(default)]
    starred: Vec<String>,
    #[serde(default)]
    places: BTreeMap<String, PlaceOut>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlaceOut {
    article: String,
    offset: usize,
}

const VERSION: u32 = 1;

fn hex(key: u64) -> String {
    format!("{key:016x}")
}

fn unhex(s: &str) -> Result<u64, String> {
    u64::from_str_radix(s, 16).map_err(|_| format!("{s:?} is not an article key"))
}

fn encode(saved: &Saved) -> Vec<u8> {
    let sorted = |set: &HashSet<u64>| {
        let mut keys: Vec<u64> = set.iter().copied().collect();
        keys.sort_unstable();
        keys.into_iter().map(hex).collect()
    };
    let file = File1 {
        version: VERSION,
        read: sorted(&saved.read),
        starred: sorted(&saved.starred),
        places: saved
            .places
            .iter()
            .map(|(k, p)| (k.clone(), PlaceOut { article: hex(p.article), offset: p.offset }))
            .collect(),
    };
    let mut out = serde_json::to_vec_pretty(&file).expect("strings and numbers serialise");
    out.push(b'\n');
    out
}

fn decode(bytes: &[u8]) -> Result<Saved, String> {
    let file: File1 = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    if file.version != VERSION {
        return Err(format!("version {} is not one this byline knows", file.version));
    }
    let keys = |list: &[String]| list.iter().map(|s| unhex(s)).collect::<Result<HashSet<u64>, String>>();
    let mut places = BTreeMap::new();
    for (corpus, p) in file.places {
        places.insert(corpus, Place { article: unhex(&p.article)?, offset: p.offset });
    }
    Ok(Saved { read: keys(&file.read)?, starred: keys(&file.starred)?, places })
}

/// The state file and its neighbours (lock, backups) in one folder.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

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
        match self.read_current() {
            Ok(saved) => (saved, None),
            Err(note) => (Saved::default(), Some(note)),
        }
    }

    /// Merges `changes` into the file's current contents under a lock, and writes the
    /// result atomically. Returns the merged state (with other processes' marks) and a
    /// note when the file on disk had to be set aside.
    pub fn save(&self, changes: &[Change]) -> io::Result<(Saved, Option<String>)> {
        fs::create_dir_all(&self.dir)?;
        let lock = OpenOptions::new().create(true).truncate(false).write(true).open(self.dir.join("state.lock"))?;
        lock.lock()?;
        let (mut saved, note) = match self.read_current() {
            Ok(saved) => (saved, None),
            Err(note) => (Saved::default(), Some(note)),
        };
        for change in changes {
            saved.apply(change);
        }
        self.write_atomically(&encode(&saved))?;
        // Dropping the file releases the lock.
        drop(lock);
        Ok((saved, note))
    }

    /// Reads and parses the file; on failure, moves it aside and says so.
    fn read_current(&self) -> Result<Saved, String> {
        let path = self.path();
        let problem = match fs::read(&path) {
            Ok(bytes) => match decode(&bytes) {
                Ok(saved) => return Ok(saved),
                Err(e) => format!("could not be read ({e})"),
            },
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Saved::default()),
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

    fn write_atomically(&self, bytes: &[u8]) -> io::Result<()> {
        let mut tmp = tempfile::NamedTempFile::new_in(&self.dir)?;
        tmp.write_all(bytes)?;
        tmp.as_file().sync_all()?;
        tmp.persist(self.path()).map_err(|e| e.error)?;
        // The rename itself is durable once the folder is synced.
        if let Ok(dir) = File::open(&self.dir) {
            let _ = dir.sync_all();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("byline"));
        let changes = [
            Change::Read(1, true),
            Change::Read(u64::MAX, true),
            Change::Star(7, true),
            Change::Place("seeds".into(), Place { article: 7, offset: 120 }),
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
        store.save(&[Change::Read(1, true), Change::Star(2, true)]).unwrap();
        let (saved, _) = store.save(&[Change::Read(1, false), Change::Star(2, false), Change::Star(2, true)]).unwrap();
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
        assert!(decode(br#"{"version": 2}"#).unwrap_err().contains("version 2"));
        assert!(decode(br#"{"version": 1, "colour": "red"}"#).is_err());
        assert_eq!(decode(br#"{"version": 1}"#).unwrap(), Saved::default());
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
                        store.save(&[Change::Read(t * 100 + i, true)]).unwrap();
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
}
