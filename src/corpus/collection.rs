//! Article collections: a `.json` file holding one article object or an array of them, or a
//! `.jsonl` file with one object a line, in the fields news-please and common scrapers
//! write. Unknown fields are ignored; an item without text is skipped with the reason.

use serde_json::Value;

use super::{Article, Date, Skipped, derive_title, sanitize};

/// Fields that may hold each part, in order of preference.
const BODY: &[&str] = &["body", "text", "maintext", "content"];
const DATE: &[&str] = &["date", "date_publish", "published", "date_published"];
const SOURCE: &[&str] = &["source", "source_domain", "publisher"];

/// The articles of a collection file at `path`; `lines` for JSON Lines.
pub fn parse_collection(path: &str, text: &str, lines: bool) -> (Vec<Article>, Vec<Skipped>) {
    // (item, its number, its line) for each item that is JSON at all.
    let mut items: Vec<(Value, usize, usize)> = Vec::new();
    let mut skipped = Vec::new();
    if lines {
        for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            match serde_json::from_str::<Value>(line) {
                Ok(item) => items.push((item, i + 1, i + 1)),
                Err(e) => skipped.push(Skipped { path: format!("{path}#{}", i + 1), reason: format!("not JSON: {e}") }),
            }
        }
    } else {
        match serde_json::from_str::<Value>(text) {
            Ok(Value::Array(list)) => items.extend(list.into_iter().enumerate().map(|(i, item)| (item, i + 1, 1))),
            Ok(item) => items.push((item, 1, 1)),
            Err(e) => skipped.push(Skipped { path: path.to_string(), reason: format!("not JSON: {e}") }),
        }
    }
    let mut articles = Vec::new();
    for (item, n, line) in items {
        match to_article(path, &item, n, line) {
            Ok(a) => articles.push(a),
            Err(reason) => skipped.push(Skipped { path: format!("{path}#{n}"), reason }),
        }
    }
    skipped.sort_by_key(|s| s.path.rsplit('#').next().and_then(|n| n.parse::<usize>().ok()));
    (articles, skipped)
}

fn field<'v>(item: &'v Value, names: &[&str]) -> Option<&'v str> {
    names.iter().find_map(|n| item.get(n)?.as_str().map(str::trim).filter(|s| !s.is_empty()))
}

/// Item `n` of the collection (on `line` of the file) as an article, or why not.
fn to_article(path: &str, item: &Value, n: usize, line: usize) -> Result<Article, String> {
    if !item.is_object() {
        return Err("not an article object".into());
    }
    let body = field(item, BODY).ok_or("no text (body, text, maintext or content)")?;
    let body = sanitize(body).trim().to_string();
    let title = field(item, &["title"]).map(|t| sanitize(t).into_owned());
    let item_path = format!("{path}#{n}");
    Ok(Article {
        id: item_path.clone(),
        path: item_path,
        title_is_headline: title.is_some(),
        title: title.unwrap_or_else(|| derive_title(&body)),
        source: field(item, SOURCE).map(|s| sanitize(s).into_owned()),
        date: field(item, DATE).and_then(Date::parse_loose),
        body,
        body_first_line: line,
        url: field(item, &["url"]).map(str::to_string),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_array_and_fields() {
        let text = r#"[
            {"title": "Talks resume", "maintext": "Peskov said so.", "date_publish": "2025-05-16 10:00:00",
             "source_domain": "bbc.co.uk", "url": "https://example.org/a", "authors": ["A"], "extra": 1},
            {"title": "No text here"},
            {"text": "A body without a title. It goes on."},
            "not an object"
        ]"#;
        let (articles, skipped) = parse_collection("c.json", text, false);
        assert_eq!(articles.len(), 2);
        let a = &articles[0];
        assert_eq!(
            (a.path.as_str(), a.title.as_str(), a.body.as_str()),
            ("c.json#1", "Talks resume", "Peskov said so.")
        );
        assert_eq!(a.source.as_deref(), Some("bbc.co.uk"));
        assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2025-05-16"));
        assert!(a.title_is_headline && !articles[1].title_is_headline);
        assert_eq!(articles[1].title, "A body without a title.");
        let reasons: Vec<(&str, &str)> = skipped.iter().map(|s| (s.path.as_str(), s.reason.as_str())).collect();
        assert_eq!(
            reasons,
            [("c.json#2", "no text (body, text, maintext or content)"), ("c.json#4", "not an article object")]
        );
    }

    #[test]
    fn json_lines() {
        let text = "{\"title\": \"One\", \"body\": \"First.\"}\n\nnot json\n{\"title\": \"Two\", \"content\": \"Second \\u001b[31m.\"}\n";
        let (articles, skipped) = parse_collection("c.jsonl", text, true);
        let titles: Vec<&str> = articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["One", "Two"]);
        assert_eq!(articles[1].body, "Second ␛[31m.");
        assert_eq!(articles[1].body_first_line, 4);
        assert_eq!(skipped.len(), 1);
        assert!(skipped[0].path == "c.jsonl#3" && skipped[0].reason.starts_with("not JSON"));
    }
}
