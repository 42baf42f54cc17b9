//! `y`: what goes on the terminal's clipboard. A collection's `url` and a file's name are
//! untrusted: only a web address is copied as it is, and nothing copied holds a control
//! character or a line break (a pasted line break runs the rest as a shell command).

mod support;

use byline::app::App;
use byline::entities::Index;
use crossterm::event::KeyCode;
use support::{chars, press};

/// A reader on the files under `dir`.
fn app_on(dir: &std::path::Path) -> App {
    let corpus = byline::corpus::load(&[dir.to_path_buf()]).unwrap();
    let index = Index::build(&corpus);
    App::new(corpus, index, 120, 40)
}

/// Copies the article at list row `row`: what reaches the clipboard, and the status line.
fn copy(app: &mut App, row: usize) -> (Option<String>, String) {
    press(app, &[KeyCode::Home]);
    press(app, &vec![KeyCode::Down; row]);
    press(app, &chars("y"));
    (app.take_clipboard(), app.message().unwrap_or_default().to_string())
}

fn clean(text: &str) -> bool {
    !text.chars().any(|c| c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
}

#[test]
fn only_a_web_address_is_copied_as_a_url() {
    let dir = tempfile::tempdir().unwrap();
    let urls = [
        "https://example.org/news/1?id=2#top",
        "https://example.org/a\nrm -rf ~\n",
        "javascript:alert(1)",
        "https://exa mple.org/",
        "http://example.org/\u{1b}]52;c;cHduZWQ=\u{7}",
        "https://example.org/\u{202e}gpj.exe",
        "https://",
        "HTTP://EXAMPLE.ORG/caps",
    ];
    let lines: Vec<String> = urls
        .iter()
        .enumerate()
        .map(|(i, url)| {
            serde_json::json!({"title": format!("Item {i}"), "text": "Peskov said so.", "url": url}).to_string()
        })
        .collect();
    let feed = dir.path().join("feed.jsonl");
    std::fs::write(&feed, lines.join("\n")).unwrap();
    let mut app = app_on(dir.path());
    for (row, url) in urls.iter().enumerate() {
        let (copied, message) = copy(&mut app, row);
        let copied = copied.unwrap_or_else(|| panic!("{url:?}: nothing copied: {message}"));
        assert!(clean(&copied) && clean(&message), "{url:?}: {copied:?} / {message:?}");
        if matches!(row, 0 | 7) {
            assert_eq!(copied, *url, "a web address is copied as it is");
            assert_eq!(message, format!("copied {url}"));
        } else {
            assert_eq!(copied, format!("{}#{}", feed.display(), row + 1), "{url:?}: the path instead");
            assert!(message.contains("not a web address"), "{url:?}: {message}");
        }
    }
}

#[test]
fn a_file_name_is_copied_without_its_controls() {
    let dir = tempfile::tempdir().unwrap();
    let name = "evil\u{1b}]0;pwned\u{7}\nrm -rf ~\n.txt";
    std::fs::write(dir.path().join(name), "A title\n\nPeskov said so.").unwrap();
    let mut app = app_on(dir.path());
    let (copied, message) = copy(&mut app, 0);
    let copied = copied.expect("the path is copied");
    assert!(clean(&copied) && clean(&message), "{copied:?} / {message:?}");
    assert!(copied.ends_with("evil␛]0;pwned␇␊rm -rf ~␊.txt"), "{copied:?}");
}
