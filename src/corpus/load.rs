//! Reading articles from files and folders, or from the seeds built into the binary.

use std::fmt;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::collection::parse_collection;
use super::decode::{SNIFF, looks_binary};
use super::safe_read::{ARTICLE_LIMIT, Refusal, STDIN_LIMIT, open_regular, read_limited};
use super::walk::{Entry, find_files};
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
    /// The paths given, and what was skipped in them, and why.
    NoArticles(Vec<PathBuf>, Vec<Skipped>),
    /// `-` with a terminal, not a pipe, on standard input.
    StdinIsTerminal,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let show = |p: &Path| sanitize(&p.to_string_lossy()).into_owned();
        match self {
            LoadError::NotFound(p) => write!(f, "{}: no such file or directory", show(p)),
            LoadError::NoArticles(ps, skipped) => {
                let list: Vec<String> = ps.iter().map(|p| show(p)).collect();
                let Some(first) = skipped.first() else {
                    return write!(f, "no articles (.txt, .md, .json or .jsonl files) in {}", list.join(", "));
                };
                // Why the first one failed, named the shortest way: nothing for a path
                // given, "item 3" for an item of a collection given.
                let what = match ps.iter().find_map(|p| first.path.strip_prefix(&*p.to_string_lossy())) {
                    Some("") => String::new(),
                    Some(item) if item.starts_with('#') => format!("item {}: ", &item[1..]),
                    _ => format!("{}: ", sanitize(&first.path)),
                };
                write!(f, "no articles in {}: {what}{}", list.join(", "), first.reason)?;
                match skipped.len() - 1 {
                    0 => Ok(()),
                    more => write!(f, " (and {more} more skipped)"),
                }
            }
            LoadError::StdinIsTerminal => {
                f.write_str("-: standard input is a terminal; pipe an article in, e.g. `curl … | byline -`")
            }
        }
    }
}

impl LoadError {
    /// What was skipped on the way to the error.
    pub fn skipped(&self) -> &[Skipped] {
        match self {
            LoadError::NoArticles(_, skipped) => skipped,
            _ => &[],
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
/// sorted), following symlinks only inside them. No paths: the embedded seeds.
pub fn load(paths: &[PathBuf]) -> Result<Corpus, LoadError> {
    load_with(paths, false)
}

/// [`load`], following symlinks anywhere (but into the system's trees) with `follow_links`.
pub fn load_with(paths: &[PathBuf], follow_links: bool) -> Result<Corpus, LoadError> {
    if paths.is_empty() {
        return Ok(load_embedded_seeds());
    }
    let entries = find_files(paths, follow_links)?;
    let corpus = read_files(&entries);
    if corpus.articles.is_empty() {
        return Err(LoadError::NoArticles(paths.to_vec(), corpus.skipped));
    }
    Ok(corpus)
}

/// Reads, decodes and parses the files among `entries` on every core, in their order. A file
/// that cannot be read, is binary or holds no text is skipped with the reason; the rest
/// still loads. What the walk skipped is reported in its place.
pub fn read_files(entries: &[Entry]) -> Corpus {
    let loaded: Vec<Read> = entries
        .par_iter()
        .map(|entry| match entry {
            Entry::File(file) => read_file(file),
            Entry::Skipped(skipped) => Read { skipped: vec![skipped.clone()], ..Read::default() },
        })
        .collect();
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

/// A file's bytes, or standard input's, read safely: see [`super::safe_read`].
fn read_bytes(file: &Path, stdin: bool) -> Result<Vec<u8>, Refusal> {
    if stdin {
        return read_limited(std::io::stdin().lock(), 0, STDIN_LIMIT, SNIFF, looks_binary);
    }
    let (handle, len) = open_regular(file)?;
    read_limited(handle, len, ARTICLE_LIMIT, SNIFF, looks_binary)
}

fn read_file(file: &Path) -> Read {
    let path = file.to_string_lossy().into_owned();
    let skip = |reason: String| Read { skipped: vec![Skipped { path: path.clone(), reason }], ..Read::default() };
    let stdin = path == STDIN;
    let bytes = match read_bytes(file, stdin) {
        Ok(bytes) => bytes,
        Err(refusal) => return skip(refusal.to_string()),
    };
    match decode(bytes) {
        Decoded::Text(text, encoding) => {
            let extension = file.extension().and_then(|e| e.to_str());
            // A byte-order mark is no part of JSON.
            let json = text.strip_prefix('\u{feff}').unwrap_or(&text);
            // Standard input holds one article, or JSON Lines when it starts with an object.
            let jsonl = extension == Some("jsonl") || (stdin && json.trim_start().starts_with('{'));
            let (articles, skipped) = match extension {
                _ if jsonl => parse_collection(&path, json, true),
                Some("json") => parse_collection(&path, json, false),
                _ => (vec![article(path.clone(), &text)], Vec::new()),
            };
            Read { articles, skipped, encoding: Some(encoding) }
        }
        Decoded::Binary => skip(Refusal::Binary.to_string()),
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
        assert!(matches!(load(&[dir.path().to_path_buf()]), Err(LoadError::NoArticles(..))));
    }

    #[test]
    fn line_and_column_map_back_to_the_file() {
        let c = load(&[]).unwrap();
        let a = &c.articles[0];
        let off = a.body.find("Zelensky spoke").unwrap();
        assert_eq!(a.line_col(crate::corpus::Field::Body, off), (7, 1));
    }
}
