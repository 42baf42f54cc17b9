//! Reading a file that someone else put there: only a regular file, opened so that a FIFO or a
//! device can never block, and never more than a limit, however large it says it is or grows.

use std::fmt;
use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

/// The largest article file read: far beyond any news article, small enough to hold.
pub const ARTICLE_LIMIT: u64 = 64 * MB;

/// The largest standard input read: the same as a file.
pub const STDIN_LIMIT: u64 = ARTICLE_LIMIT;

pub const MB: u64 = 1024 * 1024;

/// Why a file's bytes were not read.
#[derive(Debug)]
pub enum Refusal {
    /// A FIFO, a device, a socket or a folder.
    NotRegular,
    /// More bytes than the limit.
    TooLarge(u64),
    /// The first bytes are not text.
    Binary,
    Io(io::Error),
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::NotRegular => f.write_str("not a regular file"),
            Refusal::TooLarge(limit) => write!(f, "larger than {}", size(*limit)),
            Refusal::Binary => f.write_str("binary file, not text"),
            Refusal::Io(e) => f.write_str(&io_reason(e)),
        }
    }
}

impl From<io::Error> for Refusal {
    fn from(e: io::Error) -> Refusal {
        Refusal::Io(e)
    }
}

/// A limit as people say it: "64 MB", "1 MB", "512 bytes".
fn size(bytes: u64) -> String {
    if bytes >= MB && bytes.is_multiple_of(MB) { format!("{} MB", bytes / MB) } else { format!("{bytes} bytes") }
}

/// What happened, in words, rather than an `io::ErrorKind` name such as "entity not found".
pub fn io_reason(e: &io::Error) -> String {
    match e.raw_os_error() {
        Some(libc::ELOOP) => return "a symlink loop".into(),
        Some(libc::ENXIO | libc::ENODEV) => return "not a regular file".into(),
        Some(libc::ENAMETOOLONG) => return "path too long".into(),
        Some(libc::EIO) => return "input/output error".into(),
        _ => {}
    }
    match e.kind() {
        io::ErrorKind::NotFound => "deleted while loading".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::IsADirectory | io::ErrorKind::NotADirectory => "not a regular file".into(),
        io::ErrorKind::InvalidData => "not text".into(),
        io::ErrorKind::OutOfMemory => "too large to hold in memory".into(),
        // The system's own words, without the "(os error N)" tail.
        _ => {
            let text = e.to_string();
            text.split(" (os error").next().unwrap_or(&text).to_lowercase()
        }
    }
}

/// Opens `path` only if it is a regular file, and returns it with its size. The target's
/// metadata is checked first (a FIFO or a device is not even opened); the open cannot block
/// or take a terminal; the opened handle is checked again, in case the file was swapped.
pub fn open_regular(path: &Path) -> Result<(File, u64), Refusal> {
    if !std::fs::metadata(path)?.is_file() {
        return Err(Refusal::NotRegular);
    }
    let file = OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY).open(path)?;
    let metadata = file.metadata()?;
    if !metadata.is_file() {
        return Err(Refusal::NotRegular);
    }
    Ok((file, metadata.len()))
}

/// The bytes of the regular file at `path`, at most `limit` of them.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, Refusal> {
    let (file, len) = open_regular(path)?;
    read_limited(file, len, limit, 0, |_| false)
}

/// Everything `reader` holds, up to `limit` bytes; `len` is the size it claims (0: unknown).
/// When `sniff` bytes have come in, `looks_binary` sees them first, so that a large binary
/// is refused before the rest is read. Reading stops one byte past the limit, so a file that
/// lies about its size or grows while read is refused too.
pub fn read_limited(
    reader: impl Read,
    len: u64,
    limit: u64,
    sniff: usize,
    looks_binary: impl Fn(&[u8]) -> bool,
) -> Result<Vec<u8>, Refusal> {
    if len > limit {
        return Err(Refusal::TooLarge(limit));
    }
    let mut reader = reader.take(limit + 1);
    // The claimed size, plus one byte to see the end, spares the doublings of a growing Vec.
    let mut bytes = Vec::with_capacity(len as usize + 1);
    (&mut reader).take(sniff as u64).read_to_end(&mut bytes)?;
    if looks_binary(&bytes) {
        return Err(Refusal::Binary);
    }
    reader.read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(Refusal::TooLarge(limit));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_read_as_sizes() {
        assert_eq!(Refusal::TooLarge(ARTICLE_LIMIT).to_string(), "larger than 64 MB");
        assert_eq!(Refusal::TooLarge(MB).to_string(), "larger than 1 MB");
        assert_eq!(Refusal::TooLarge(10).to_string(), "larger than 10 bytes");
    }

    #[test]
    fn io_errors_say_what_happened() {
        let reason = |e: io::Error| io_reason(&e);
        assert_eq!(reason(io::ErrorKind::NotFound.into()), "deleted while loading");
        assert_eq!(reason(io::Error::from_raw_os_error(libc::ENOENT)), "deleted while loading");
        assert_eq!(reason(io::Error::from_raw_os_error(libc::EACCES)), "permission denied");
        assert_eq!(reason(io::Error::from_raw_os_error(libc::ELOOP)), "a symlink loop");
        assert_eq!(reason(io::Error::from_raw_os_error(libc::ENXIO)), "not a regular file");
        assert_eq!(reason(io::Error::from_raw_os_error(libc::EISDIR)), "not a regular file");
        assert_eq!(reason(io::Error::from_raw_os_error(libc::EIO)), "input/output error");
        let other = reason(io::Error::from_raw_os_error(libc::EBUSY));
        assert!(!other.contains("os error") && !other.is_empty(), "{other}");
    }

    #[test]
    fn reading_stops_at_the_limit_whatever_the_size_claimed() {
        let ten = [b'a'; 10];
        assert_eq!(read_limited(&ten[..], 10, 10, 4, |_| false).unwrap(), ten);
        // Claims to be small, holds more: a lying or growing file.
        assert!(matches!(read_limited(&ten[..], 3, 9, 4, |_| false), Err(Refusal::TooLarge(9))));
        // Claims to be large: refused without reading.
        assert!(matches!(read_limited(&ten[..], 11, 10, 4, |_| false), Err(Refusal::TooLarge(10))));
        // An endless reader ends at the limit.
        assert!(matches!(read_limited(io::repeat(b'a'), 0, 1000, 4, |_| false), Err(Refusal::TooLarge(1000))));
    }

    #[test]
    fn binary_is_told_from_the_first_bytes() {
        let seen = std::cell::Cell::new(0);
        let looks = |head: &[u8]| {
            seen.set(head.len());
            head.contains(&0)
        };
        assert!(matches!(read_limited(io::repeat(0), 0, u64::MAX - 1, 8, looks), Err(Refusal::Binary)));
        assert_eq!(seen.get(), 8, "only the prefix is looked at");
    }

    #[test]
    fn only_regular_files_open() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "text").unwrap();
        assert_eq!(read_regular(&file, 10).unwrap(), b"text");
        assert!(matches!(read_regular(dir.path(), 10), Err(Refusal::NotRegular)));
        assert!(matches!(read_regular(Path::new("/dev/zero"), 10), Err(Refusal::NotRegular)));
        let missing = read_regular(&dir.path().join("none"), 10).unwrap_err();
        assert_eq!(missing.to_string(), "deleted while loading");
    }
}
