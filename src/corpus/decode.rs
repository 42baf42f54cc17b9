//! From a file's bytes to text: UTF-8, UTF-16 with a byte-order mark, or a legacy
//! single-byte encoding (Windows-1252, a superset of Latin-1); binary and empty files are
//! recognised so they can be skipped with a reason.

/// How a file's text was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    /// No UTF-8 at all: read as Windows-1252, so "£" (0xA3) stays "£".
    Windows1252,
    /// Mostly UTF-8 with some bytes that are not: those are shown as "�".
    Lossy,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decoded {
    Text(String, Encoding),
    Binary,
    Empty,
}

/// Bytes looked at to tell a binary file from text.
pub const SNIFF: usize = 8192;

/// Whether a file whose first [`SNIFF`] bytes are `head` is binary, so that the rest need
/// not be read: what [`decode`] would call [`Decoded::Binary`].
pub fn looks_binary(head: &[u8]) -> bool {
    let utf16 = encoding_rs::Encoding::for_bom(head).is_some_and(|(encoding, _)| encoding != encoding_rs::UTF_8);
    !utf16 && is_binary(head)
}

pub fn decode(bytes: Vec<u8>) -> Decoded {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(&bytes)
        && encoding != encoding_rs::UTF_8
    {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return non_empty(text.into_owned(), Encoding::Utf16);
    }
    if is_binary(&bytes) {
        return Decoded::Binary;
    }
    match String::from_utf8(bytes) {
        Ok(text) => non_empty(text, Encoding::Utf8),
        Err(e) => {
            let bytes = e.into_bytes();
            // Any well-formed multi-byte character means UTF-8 with damage; none means a
            // single-byte encoding.
            let some_utf8 = bytes.utf8_chunks().any(|c| c.valid().bytes().any(|b| b >= 0x80));
            if some_utf8 {
                non_empty(String::from_utf8_lossy(&bytes).into_owned(), Encoding::Lossy)
            } else {
                let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
                non_empty(text.into_owned(), Encoding::Windows1252)
            }
        }
    }
}

fn non_empty(text: String, encoding: Encoding) -> Decoded {
    if text.trim().is_empty() { Decoded::Empty } else { Decoded::Text(text, encoding) }
}

/// NUL bytes in the first few kilobytes, along with other signs that this is not text: many
/// control bytes, or bytes that are not valid UTF-8. A text file with a stray NUL loads.
fn is_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF)];
    if !head.contains(&0) {
        return false;
    }
    let controls = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)).count();
    // Cutting at SNIFF may split a character: allow an incomplete one at the end.
    let utf8 = match std::str::from_utf8(head) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    };
    controls * 20 > head.len() || !utf8
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> (String, Encoding) {
        match decode(bytes.to_vec()) {
            Decoded::Text(t, e) => (t, e),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn encodings() {
        assert_eq!(text("Café £5".as_bytes()), ("Café £5".to_string(), Encoding::Utf8));
        assert_eq!(text(b"Caf\xe9 \xa35 \x93quoted\x94"), ("Café £5 “quoted”".to_string(), Encoding::Windows1252));
        assert_eq!(
            text("Café \u{a3}5 ".as_bytes().iter().copied().chain([0xff]).collect::<Vec<_>>().as_slice()).1,
            Encoding::Lossy
        );
        let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain("Hi £".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(text(&utf16), ("Hi £".to_string(), Encoding::Utf16));
    }

    #[test]
    fn binary_and_empty() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0\x5c\x72\xa8\x66";
        assert_eq!(decode(png.to_vec()), Decoded::Binary);
        assert_eq!(decode(b"".to_vec()), Decoded::Empty);
        assert_eq!(decode(b" \n\t \r\n".to_vec()), Decoded::Empty);
        // A stray NUL in a text still loads.
        assert!(matches!(decode(b"A title here\n\nSome text\0 with a NUL in it.".to_vec()), Decoded::Text(..)));
    }

    #[test]
    fn the_first_bytes_tell_binary_as_decode_does() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0\x5c\x72\xa8\x66";
        assert!(looks_binary(png));
        assert!(!looks_binary(b"A title here\n\nSome text\0 with a NUL in it."));
        // UTF-16 is full of NULs and is text.
        let utf16: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("Hi there".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert!(!looks_binary(&utf16));
        // A prefix cut inside a character is still text.
        let head = [b"A title here\0 and a caf".as_slice(), &"é".as_bytes()[..1]].concat();
        assert!(!looks_binary(&head));
    }
}
