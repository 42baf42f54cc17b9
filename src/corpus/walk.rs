//! Finding the article files under the paths given. A folder someone sent is untrusted: its
//! symlinks are followed only to places inside the paths given (or anywhere but the
//! system's own trees with `--follow-links`), only regular files are taken, and every
//! folder, file or link left out is reported with the reason.

use std::collections::HashSet;
use std::fs::{FileType, Metadata};
use std::io::IsTerminal;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use super::Skipped;
use super::load::{LoadError, STDIN};
use super::safe_read::io_reason;

/// One thing the walk found, in list order: a file to read, or what was left out and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    File(PathBuf),
    Skipped(Skipped),
}

/// Trees never read through a link: what they hold is the system's, not an article.
const SYSTEM_TREES: &[&str] = &["/proc", "/sys", "/dev"];

/// The entries under `paths`, in the order they are listed. Paths named directly are taken
/// as given (whatever their extension, even through a link) but must be regular files.
/// Fails on a path that does not exist, on `-` when standard input is a terminal, and when
/// there is no file to read at all.
pub fn find_files(paths: &[PathBuf], follow_links: bool) -> Result<Vec<Entry>, LoadError> {
    let mut walk = Walk {
        // Computed once: a link is followed when its target lies under one of these.
        roots: paths.iter().filter(|p| p.as_os_str() != STDIN).filter_map(|p| p.canonicalize().ok()).collect(),
        follow_links,
        seen: HashSet::new(),
        out: Vec::new(),
    };
    for path in paths {
        if path.as_os_str() == STDIN {
            // Nothing could be read from it, and the keys would go to the article.
            if std::io::stdin().is_terminal() {
                return Err(LoadError::StdinIsTerminal);
            }
            walk.out.push(Entry::File(path.clone()));
            continue;
        }
        match std::fs::metadata(path) {
            Ok(metadata) if metadata.is_dir() => walk.tree(path.clone(), &metadata),
            Ok(metadata) if metadata.is_file() => walk.out.push(Entry::File(path.clone())),
            Ok(_) => walk.skip(path.clone(), "not a regular file"),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(LoadError::NotFound(path.clone())),
            Err(e) => walk.skip(path.clone(), &io_reason(&e)),
        }
    }
    if !walk.out.iter().any(|e| matches!(e, Entry::File(_))) {
        let skipped = walk.out.into_iter().filter_map(|e| if let Entry::Skipped(s) = e { Some(s) } else { None });
        return Err(LoadError::NoArticles(paths.to_vec(), skipped.collect()));
    }
    Ok(walk.out)
}

fn is_article_file(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("txt" | "md" | "json" | "jsonl"))
}

struct Walk {
    roots: Vec<PathBuf>,
    follow_links: bool,
    /// Folders entered, by (device, inode): a loop or a second link to a folder is walked once.
    seen: HashSet<(u64, u64)>,
    out: Vec<Entry>,
}

/// A folder's entries, sorted, still to visit.
type Listing = std::vec::IntoIter<(PathBuf, FileType)>;

impl Walk {
    fn skip(&mut self, path: PathBuf, reason: &str) {
        self.out.push(Entry::Skipped(Skipped { path: path.to_string_lossy().into_owned(), reason: reason.into() }));
    }

    /// Walks the folder at `root` depth first, in sorted order, with a stack rather than
    /// recursion, so that no depth of nesting runs out of stack.
    fn tree(&mut self, root: PathBuf, metadata: &Metadata) {
        let mut stack: Vec<Listing> = self.enter(root, metadata).into_iter().collect();
        while let Some(listing) = stack.last_mut() {
            let Some((path, kind)) = listing.next() else {
                stack.pop();
                continue;
            };
            if let Some(folder) = self.visit(path, kind) {
                stack.push(folder);
            }
        }
    }

    /// The sorted entries of a folder not seen before; an unreadable one is reported.
    fn enter(&mut self, folder: PathBuf, metadata: &Metadata) -> Option<Listing> {
        if !self.seen.insert((metadata.dev(), metadata.ino())) {
            return None;
        }
        let entries = match std::fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(e) => {
                self.skip(folder, &io_reason(&e));
                return None;
            }
        };
        let mut children = Vec::new();
        for entry in entries {
            // The entry's own type needs no extra system call.
            match entry.and_then(|e| Ok((e.path(), e.file_type()?))) {
                Ok(child) => children.push(child),
                Err(e) => self.skip(folder.clone(), &io_reason(&e)),
            }
        }
        children.sort_by(|a, b| a.0.cmp(&b.0));
        Some(children.into_iter())
    }

    /// Takes in one entry of a folder; a folder to walk next is returned.
    fn visit(&mut self, path: PathBuf, kind: FileType) -> Option<Listing> {
        if kind.is_dir() {
            match std::fs::symlink_metadata(&path) {
                Ok(metadata) => return self.enter(path, &metadata),
                Err(e) => self.skip(path, &io_reason(&e)),
            }
        } else if kind.is_symlink() {
            return self.link(path);
        } else if is_article_file(&path) {
            if kind.is_file() {
                self.out.push(Entry::File(path));
            } else {
                self.skip(path, "not a regular file");
            }
        }
        None
    }

    /// A symlink: followed only to a folder or an article file in an allowed place.
    fn link(&mut self, path: PathBuf) -> Option<Listing> {
        let article = is_article_file(&path);
        let target = match path.canonicalize() {
            Ok(target) => target,
            Err(e) => {
                // A dangling link could have been anything: only an article's name tells.
                if article {
                    let reason = if e.kind() == std::io::ErrorKind::NotFound {
                        "a link to nothing".into()
                    } else {
                        io_reason(&e)
                    };
                    self.skip(path, &reason);
                }
                return None;
            }
        };
        let metadata = match std::fs::metadata(&target) {
            Ok(metadata) => metadata,
            Err(e) => {
                if article {
                    self.skip(path, &io_reason(&e));
                }
                return None;
            }
        };
        if !metadata.is_dir() && !article {
            return None;
        }
        if let Some(tree) = SYSTEM_TREES.iter().find(|tree| target.starts_with(tree)) {
            self.skip(path, &format!("a link into {tree}"));
        } else if !self.follow_links && !self.roots.iter().any(|root| target.starts_with(root)) {
            self.skip(path, "a link to outside the folders given");
        } else if metadata.is_dir() {
            return self.enter(path, &metadata);
        } else if metadata.is_file() {
            self.out.push(Entry::File(path));
        } else {
            self.skip(path, "not a regular file");
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::symlink;

    use super::*;

    /// The entries under `root`, as paths relative to it with the reason of each skipped one.
    fn walk(root: &Path, follow_links: bool) -> Vec<(String, Option<String>)> {
        let relative = |p: &Path| p.strip_prefix(root).unwrap_or(p).to_string_lossy().into_owned();
        find_files(&[root.to_path_buf()], follow_links)
            .unwrap()
            .into_iter()
            .map(|e| match e {
                Entry::File(p) => (relative(&p), None),
                Entry::Skipped(s) => (relative(Path::new(&s.path)), Some(s.reason)),
            })
            .collect()
    }

    fn file(path: &str) -> (String, Option<String>) {
        (path.into(), None)
    }

    fn skipped(path: &str, reason: &str) -> (String, Option<String>) {
        (path.into(), Some(reason.into()))
    }

    #[test]
    fn links_are_followed_inside_the_paths_given_only() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.txt"), "Secret").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("a")).unwrap();
        std::fs::write(root.join("a/one.txt"), "One").unwrap();
        symlink(root.join("a/one.txt"), root.join("b-inside.txt")).unwrap();
        symlink(root.join("a"), root.join("c-folder")).unwrap();
        symlink(outside.path().join("secret.txt"), root.join("d-outside.txt")).unwrap();
        symlink(outside.path(), root.join("e-outside-folder")).unwrap();
        symlink("/proc/self/environ", root.join("f-environ.txt")).unwrap();
        symlink("/dev/zero", root.join("g-zero.txt")).unwrap();
        symlink(root.join("none"), root.join("h-dangling.txt")).unwrap();
        symlink(root.join("none"), root.join("i-dangling")).unwrap();
        // The folder linked as c-folder was walked already: once is enough.
        assert_eq!(
            walk(root, false),
            [
                file("a/one.txt"),
                file("b-inside.txt"),
                skipped("d-outside.txt", "a link to outside the folders given"),
                skipped("e-outside-folder", "a link to outside the folders given"),
                skipped("f-environ.txt", "a link into /proc"),
                skipped("g-zero.txt", "a link into /dev"),
                skipped("h-dangling.txt", "a link to nothing"),
            ]
        );
        let followed = walk(root, true);
        assert_eq!(
            followed[2..5],
            [file("d-outside.txt"), file("e-outside-folder/secret.txt"), skipped("f-environ.txt", "a link into /proc")]
        );
        // Naming the outside folder too makes its links inside.
        let both = find_files(&[root.to_path_buf(), outside.path().to_path_buf()], false).unwrap();
        assert!(both.contains(&Entry::File(root.join("d-outside.txt"))), "{both:?}");
    }

    #[test]
    fn only_regular_files_are_taken() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("a.txt"), "A").unwrap();
        let fifo = root.join("b.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success());
        if !made {
            eprintln!("skipped: no mkfifo");
            return;
        }
        assert_eq!(walk(root, false), [file("a.txt"), skipped("b.txt", "not a regular file")]);
        // Named directly, still not read.
        let e = find_files(std::slice::from_ref(&fifo), false).unwrap_err();
        assert_eq!(e.to_string(), format!("no articles in {}: not a regular file", fifo.display()));
    }

    #[test]
    fn loops_end_and_deep_nesting_walks() {
        let dir = tempfile::tempdir().unwrap();
        let mut deep = dir.path().to_path_buf();
        for _ in 0..200 {
            deep.push("d");
        }
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::write(deep.join("deep.txt"), "Deep").unwrap();
        symlink(dir.path(), deep.join("loop")).unwrap();
        symlink("self", dir.path().join("self")).unwrap();
        let found = walk(dir.path(), false);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].0.ends_with("d/d/deep.txt"));
    }
}
