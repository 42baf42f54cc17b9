//! Reading articles from files and folders, or from the seeds built into the binary.

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::collection::parse_collection;
use super::{Article, Corpus, Decoded, Encoding, Skipped, decode, parse_article, sanitize};

/// The sample articles shipped in `seeds/`, compiled in so `byline` works from any directory.
const SEEDS: &[(&str, &str)] = &[
    ("000_5084445d54080158.txt", include_str!("../../seeds/000_5084445d54080158.txt")),
    ("001_568cce9ab38db0fc.txt", include_str!("../../seeds/001_568cce9ab38db0fc.txt")),
    ("002_4e20828765b51fc9.txt", include_str!("../../seeds/002_4e20828765b51fc9.txt")),
    ("003_39c7d08025569692.txt", include_str!("../../seeds/003_39c7d08025569692.txt")),
    ("004_560e9f78939cf34f.txt", include_str!("../../seeds/004_560e9f78939cf34f.txt")),
];

/// Why nothing could be loaded.
#[derive(Debug)]
pub enum LoadError {
    NotFound(PathBuf),
    NoArticles(Vec<PathBuf>),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NotFound(p) => write!(f, "{}: no such file or directory", sanitize(&p.to_string_lossy())),
            LoadError::NoArticles(ps) => {
                let list: Vec<String> = ps.iter().map(|p| sanitize(&p.to_string_lossy()).into_owned()).collect();
                write!(f, "no articles (.txt or .md files) in {}", list.join(", "))
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// The embedded sample articles.
pub fn load_embedded_seeds() -> Corpus {
    let articles = SEEDS.iter().map(|(name, text)| article(format!("seeds/{name}"), text)).collect();
    Corpus { articles, ..Corpus::default() }
}

/// Loads every `.txt`/`.md` file under `paths` (files or folders, walked recursively and
/// sorted). No paths: the embedded seeds.
pub fn load(paths: &[PathBuf]) -> Result<Corpus, LoadError> {
    if paths.is_empty() {
        return Ok(load_embedded_seeds());
    }
    let files = find_files(paths)?;
    let corpus = read_files(&files);
    if corpus.articles.is_empty() {
        return Err(LoadError::NoArticles(paths.to_vec()));
    }
    Ok(corpus)
}

/// The article files under `paths`, in the order they are listed. Fails on a path that
/// does not exist, or when there is no article file at all.
pub fn find_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, LoadError> {
    let mut files = Vec::new();
    for path in paths {
        if path.as_os_str() == STDIN {
            files.push(path.clone());
            continue;
        }
        if !path.exists() {
            return Err(LoadError::NotFound(path.clone()));
        }
        collect_files(path, &mut files, &mut HashSet::new());
    }
    if files.is_empty() {
        return Err(LoadError::NoArticles(paths.to_vec()));
    }
    Ok(files)
}

/// Reads, decodes and parses `files` on every core, in their order. A file that cannot be
/// read, is binary or holds no text is skipped with the reason; the rest still loads.
pub fn read_files(files: &[PathBuf]) -> Corpus {
    let loaded: Vec<Read> = files.par_iter().map(|file| read_file(file)).collect();
    let mut corpus = Corpus::default();
    for read in loaded {
        corpus.lossy_files += usize::from(read.encoding == Some(Encoding::Lossy));
        corpus.legacy_files += usize::from(read.encoding == Some(Encoding::Windows1252));
        corpus.articles.extend(read.articles);
        corpus.skipped.extend(read.skipped);
    }
    corpus
}

/// What one file gave: its articles (a collection gives several), and what was skipped.
#[derive(Default)]
struct Read {
    articles: Vec<Article>,
    skipped: Vec<Skipped>,
    encoding: Option<Encoding>,
}

/// The PATH that means standard input.
pub const STDIN: &str = "-";

fn read_file(file: &Path) -> Read {
    let path = file.to_string_lossy().into_owned();
    let skip = |reason: String| Read { skipped: vec![Skipped { path: path.clone(), reason }], ..Read::default() };
    let stdin = path == STDIN;
    let bytes = if stdin {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes).map(|_| bytes)
    } else {
        std::fs::read(file)
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(e) => return skip(e.kind().to_string()),
    };
    match decode(bytes) {
        Decoded::Text(text, encoding) => {
            let extension = file.extension().and_then(|e| e.to_str());
            // Standard input holds one article, or JSON Lines when it starts with an object.
            let jsonl = extension == Some("jsonl") || (stdin && text.trim_start().starts_with('{'));
            let (articles, skipped) = match extension {
                _ if jsonl => parse_collection(&path, &text, true),
                Some("json") => parse_collection(&path, &text, false),
                _ => (vec![article(path.clone(), &text)], Vec::new()),
            };
            Read { articles, skipped, encoding: Some(encoding) }
        }
        Decoded::Binary => skip("binary file, not text".into()),
        Decoded::Empty => skip("empty".into()),
    }
}

/// An article from its path (as given) and its decoded text.
pub fn article(path: String, text: &str) -> Article {
    let p = parse_article(text);
    let id = Path::new(&path).with_extension("").to_string_lossy().into_owned();
    Article {
        id,
        path,
        title: p.title,
        title_is_headline: p.title_is_headline,
        source: p.source,
        date: p.date,
        body: p.body,
        body_first_line: p.body_first_line,
        url: None,
    }
}

fn is_article_file(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("txt" | "md" | "json" | "jsonl"))
}

/// Files given directly are taken whatever their extension; folders contribute their
/// `.txt`/`.md` files. `seen` stops symlink loops.
fn collect_files(path: &Path, out: &mut Vec<PathBuf>, seen: &mut HashSet<PathBuf>) {
    if path.is_file() {
        out.push(path.to_path_buf());
        return;
    }
    let Ok(canonical) = path.canonicalize() else { return };
    if !seen.insert(canonical) {
        return;
    }
    let Ok(entries) = std::fs::read_dir(path) else { return };
    // The entry's own type needs no extra system call; symlinks are followed with one.
    let mut children: Vec<(PathBuf, bool)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let kind = e.file_type().ok()?;
            let path = e.path();
            let is_dir = if kind.is_symlink() { path.is_dir() } else { kind.is_dir() };
            Some((path, is_dir))
        })
        .collect();
    children.sort();
    for (child, is_dir) in children {
        if is_dir {
            collect_files(&child, out, seen);
        } else if is_article_file(&child) {
            out.push(child);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_are_embedded() {
        let c = load(&[]).unwrap();
        assert_eq!(c.articles.len(), 5);
        assert_eq!(c.articles[0].path, "seeds/000_5084445d54080158.txt");
        assert_eq!(c.articles[0].id, "seeds/000_5084445d54080158");
        assert!(c.articles[0].title_is_headline);
        assert_eq!(c.articles[2].source.as_deref(), Some("BBC"));
        assert_eq!(c.articles[2].date.unwrap().to_string(), "2025-04-23");
        assert!(!c.articles[2].body.contains("BDST"));
        assert!(!c.articles[3].title.starts_with("Overview"));
    }

    #[test]
    fn walks_folders_sorted_and_notes_encodings() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("b")).unwrap();
        std::fs::write(dir.path().join("b/2.txt"), "Second one here\n\nBody two.").unwrap();
        std::fs::write(dir.path().join("1.md"), b"First one here\n\nCaf\xe9 body.").unwrap();
        std::fs::write(dir.path().join("ignored.png"), b"\x89PNG").unwrap();
        let c = load(&[dir.path().to_path_buf()]).unwrap();
        let titles: Vec<&str> = c.articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["First one here", "Second one here"]);
        assert_eq!((c.legacy_files, c.lossy_files), (1, 0));
        assert_eq!(c.articles[0].body, "Café body.");
    }

    #[test]
    fn unreadable_files_and_symlink_loops_do_not_stop_loading() {
        use std::os::unix::fs::{PermissionsExt, symlink};
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("ok.txt"), "Readable one here\n\nText.").unwrap();
        let locked = dir.path().join("locked.txt");
        std::fs::write(&locked, "Locked one here\n\nText.").unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        symlink(dir.path(), dir.path().join("loop")).unwrap();
        let c = load(&[dir.path().to_path_buf()]).unwrap();
        // Root can read anything; anyone else gets the file skipped with a reason.
        let readable = std::fs::read(&locked).is_ok();
        assert_eq!(c.articles.len(), if readable { 2 } else { 1 });
        assert_eq!(c.skipped.len(), usize::from(!readable));
        if let Some(s) = c.skipped.first() {
            assert!(s.path.ends_with("locked.txt") && s.reason.contains("permission"), "{s:?}");
        }
    }

    #[test]
    fn missing_and_empty_paths_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope");
        assert!(matches!(load(&[missing]), Err(LoadError::NotFound(_))));
        assert!(matches!(load(&[dir.path().to_path_buf()]), Err(LoadError::NoArticles(_))));
    }

    #[test]
    fn line_and_column_map_back_to_the_file() {
        let c = load(&[]).unwrap();
        let a = &c.articles[0];
        let off = a.body.find("Zelensky spoke").unwrap();
        assert_eq!(a.line_col(crate::corpus::Field::Body, off), (7, 1));
    }
}
