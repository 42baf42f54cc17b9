//! The corrections file: plain TOML, one `[[correction]]` table per correction, each under a
//! comment saying when it was made and what it matched. Written like the state file (lock,
//! re-read, merge, temporary file, fsync, rename), and only ever by appending a table or
//! taking the last one away, so that `undo` gives back the file byte for byte.

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Correction, Corrections};
use crate::config::ConfigError;
use crate::state::{refuse_link, take_lock, write_atomically};

/// A corrections file larger than this is refused (a thousand corrections take 300 KB).
const LIMIT: u64 = 16 << 20;

/// The header of every table.
const TABLE: &str = "[[correction]]";

#[derive(Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FileOut {
    #[serde(default)]
    correction: Vec<Correction>,
}

/// Where the corrections are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorrectionsFile {
    pub path: PathBuf,
}

impl CorrectionsFile {
    pub fn new(path: impl Into<PathBuf>) -> CorrectionsFile {
        CorrectionsFile { path: path.into() }
    }

    /// `$XDG_DATA_HOME/byline/corrections.toml`, beside the state file; None without a home.
    pub fn default_location() -> Option<CorrectionsFile> {
        directories::ProjectDirs::from("", "", "byline")
            .map(|d| CorrectionsFile::new(d.data_dir().join("corrections.toml")))
    }

    /// The corrections in the file; a missing file holds none.
    pub fn load(&self) -> Result<Corrections, ConfigError> {
        parse(&self.read()?.unwrap_or_default(), &self.path)
    }

    /// Appends `correction` under a comment (one or more lines, without `#`), and returns
    /// every correction now in the file (another process's included).
    pub fn add(&self, correction: &Correction, comment: &str) -> Result<Corrections, ConfigError> {
        self.update(|text| {
            let table = toml::to_string(&FileOut { correction: vec![correction.clone()] })
                .map_err(|e| ConfigError { path: self.path.clone(), line: None, message: e.to_string() })?;
            let mut out = text.to_string();
            // A blank line between tables; undo takes it away with the table.
            if !out.is_empty() {
                out.push('\n');
            }
            for line in comment.lines() {
                out.push_str(&format!("# {}\n", line.replace(['\r', '\n'], " ")));
            }
            out.push_str(&table);
            Ok(out)
        })
    }

    /// Takes the last correction away, giving back the file as it was before it was added.
    /// Returns what was undone (None when there was nothing to undo).
    pub fn undo(&self) -> Result<Option<Correction>, ConfigError> {
        let mut undone = None;
        self.update(|text| {
            let list = parse(text, &self.path)?;
            let Some(last) = list.list.last() else { return Ok(text.to_string()) };
            undone = Some(last.clone());
            Ok(text[..last_table_start(text)].to_string())
        })?;
        Ok(undone)
    }

    /// Under the lock: reads the file again, checks that it parses (a file that does not is
    /// left untouched), and replaces it with what `change` makes of its text.
    fn update(&self, change: impl FnOnce(&str) -> Result<String, ConfigError>) -> Result<Corrections, ConfigError> {
        let whole = |e: io::Error| ConfigError { path: self.path.clone(), line: None, message: e.to_string() };
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(whole)?;
        }
        let lock_path = self.lock_path();
        refuse_link(&lock_path).and_then(|()| refuse_link(&self.path)).map_err(whole)?;
        let lock = take_lock(&lock_path).map_err(whole)?;
        let text = self.read()?.unwrap_or_default();
        parse(&text, &self.path)?;
        let new = change(&text)?;
        let corrections = parse(&new, &self.path)?;
        if new != text {
            write_atomically(&self.path, &self.temp_prefix(), new.as_bytes()).map_err(whole)?;
        }
        drop(lock);
        Ok(corrections)
    }

    /// The file's text; None when there is no file. Only a regular file is read.
    fn read(&self) -> Result<Option<String>, ConfigError> {
        let whole = |message: String| ConfigError { path: self.path.clone(), line: None, message };
        match crate::corpus::read_regular(&self.path, LIMIT) {
            Ok(bytes) => String::from_utf8(bytes).map(Some).map_err(|_| whole("not UTF-8 text".into())),
            Err(crate::corpus::Refusal::Io(e)) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(crate::corpus::Refusal::Io(e)) => Err(whole(format!("cannot read: {}", crate::corpus::io_reason(&e)))),
            Err(refusal) => Err(whole(refusal.to_string())),
        }
    }

    fn lock_path(&self) -> PathBuf {
        let mut name = self.path.file_name().unwrap_or_default().to_os_string();
        name.push(".lock");
        self.path.with_file_name(name)
    }

    fn temp_prefix(&self) -> String {
        format!(".{}.", self.path.file_name().unwrap_or_default().to_string_lossy())
    }
}

/// The corrections in `text`; an error names the line.
fn parse(text: &str, path: &Path) -> Result<Corrections, ConfigError> {
    let file: FileOut = toml::from_str(text).map_err(|e| ConfigError {
        path: path.to_path_buf(),
        line: e.span().map(|span| line_of(text, span.start)),
        message: e.message().trim_end().to_string(),
    })?;
    Ok(Corrections { list: file.correction })
}

/// Where the last table begins: its comment lines, and the blank line before them.
fn last_table_start(text: &str) -> usize {
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        lines.push((at, line));
        at += line.len();
    }
    let Some(header) = lines.iter().rposition(|(_, l)| l.trim_end() == TABLE) else { return text.len() };
    let mut first = header;
    while first > 0 && lines[first - 1].1.starts_with('#') {
        first -= 1;
    }
    let start = lines[first].0;
    // The newline that `add` put before the table.
    if start > 0 && text[..start].ends_with('\n') { start - 1 } else { start }
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corrections::NewKind;

    fn rename(to: &str) -> Correction {
        Correction::Rename { entity: "person:vince-cable".into(), name: "Vince Cable".into(), to: to.into() }
    }

    #[test]
    fn add_then_undo_gives_the_file_back_byte_for_byte() {
        let dir = tempfile::tempdir().unwrap();
        let file = CorrectionsFile::new(dir.path().join("c.toml"));
        // A hand-written file without a final newline, then one table after another.
        std::fs::write(&file.path, "# mine\n[[correction]]\ndo = \"rename\"\nentity = \"a\"\nname = \"A\"\nto = \"B\"")
            .unwrap();
        let mut versions = vec![std::fs::read(&file.path).unwrap()];
        for to in ["Vince", "Dr Cable"] {
            file.add(&rename(to), "made now\nmatched Vince Cable").unwrap();
            versions.push(std::fs::read(&file.path).unwrap());
        }
        assert_eq!(file.load().unwrap().list.len(), 3);
        let kind =
            Correction::Kind { entity: "person:dollar-baby".into(), name: "Dollar Baby".into(), kind: NewKind::None };
        file.add(&kind, "one more").unwrap();
        assert_eq!(file.undo().unwrap(), Some(kind));
        for expected in versions.iter().rev().skip(1) {
            file.undo().unwrap();
            assert_eq!(&std::fs::read(&file.path).unwrap(), expected);
        }
    }

    #[test]
    fn a_corrupt_file_names_its_line_and_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let file = CorrectionsFile::new(dir.path().join("c.toml"));
        let bad = "[[correction]]\ndo = \"rename\"\nentity = \"a\"\nname = \"A\"\nto = \n";
        std::fs::write(&file.path, bad).unwrap();
        let e = file.load().unwrap_err();
        assert_eq!(e.line, Some(5), "{e}");
        assert!(file.add(&rename("x"), "c").is_err());
        assert!(file.undo().is_err());
        assert_eq!(std::fs::read_to_string(&file.path).unwrap(), bad);
        // A table that parses as TOML but is no correction names its line too.
        std::fs::write(&file.path, "\n\n[[correction]]\ndo = \"explode\"\n").unwrap();
        assert!(file.load().unwrap_err().line.is_some());
    }

    #[test]
    fn a_missing_file_holds_no_corrections() {
        let dir = tempfile::tempdir().unwrap();
        let file = CorrectionsFile::new(dir.path().join("none/c.toml"));
        assert!(file.load().unwrap().list.is_empty());
        assert_eq!(file.undo().unwrap(), None);
    }
}
