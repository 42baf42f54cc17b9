//! From decoded file text to title, body and metadata.

use super::{Date, sanitize};

/// What one file's text says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub title: String,
    pub title_is_headline: bool,
    pub source: Option<String>,
    pub date: Option<Date>,
    pub body: String,
    pub body_first_line: usize,
}

/// Columns a derived title may take before it is cut with "…".
const TITLE_COLUMNS: usize = 80;
/// A headline is a short line; longer first lines are the start of the body.
const HEADLINE_MAX_CHARS: usize = 150;

/// Splits an article's text into headline (if any), body and trailing metadata.
pub fn parse_article(raw: &str) -> Parsed {
    let text = sanitize(raw);
    let front = front_matter(&text);
    let (after_front, front_lines) = front.as_ref().map_or((0, 0), |f| (f.end, f.lines));
    let (trailer_source, trailer_date, body_end) = split_trailer(&text[after_front..]);
    let text = &text[after_front..after_front + body_end];
    // Front matter, when there is some, says it best.
    let source = front.as_ref().and_then(|f| f.source.clone()).or(trailer_source);
    let date = front.as_ref().and_then(|f| f.date).or(trailer_date);
    let front_title = front.and_then(|f| f.title);

    let (title, body, body_first_line) =
        match front_title.map(|t| (t, 0)).or_else(|| headline(text).map(|(t, rest)| (t.trim().to_string(), rest))) {
            Some((title, rest_start)) => {
                let skipped = text[..rest_start].matches('\n').count();
                let rest = &text[rest_start..];
                let trimmed = rest.trim_start_matches('\n');
                let blank = rest.len() - trimmed.len();
                (Some(title), trimmed, 1 + front_lines + skipped + blank)
            }
            None => {
                let trimmed = text.trim_start_matches('\n');
                let skipped = text.len() - trimmed.len();
                (None, trimmed, 1 + front_lines + skipped)
            }
        };
    let body = body.trim_end().to_string();
    let (title, title_is_headline) = match title {
        Some(t) => (t, true),
        None => (derive_title(&body), false),
    };
    Parsed { title, title_is_headline, source, date, body, body_first_line }
}

/// YAML-style front matter at the very top (`---`, `key: value` lines, `---`), as Markdown
/// files carry it.
struct FrontMatter {
    title: Option<String>,
    date: Option<Date>,
    source: Option<String>,
    /// Where the text after the closing `---` line starts, and how many lines came before.
    end: usize,
    lines: usize,
}

fn front_matter(text: &str) -> Option<FrontMatter> {
    let rest = text.strip_prefix("---\n")?;
    let close = rest
        .find("\n---\n")
        .map(|i| (i, i + 5))
        .or_else(|| rest.strip_suffix("\n---").map(|r| (r.len(), rest.len())))?;
    let (block, after) = (&rest[..close.0], 4 + close.1);
    let mut front =
        FrontMatter { title: None, date: None, source: None, end: after, lines: text[..after].matches('\n').count() };
    for line in block.lines() {
        let Some((key, value)) = line.split_once(':') else { continue };
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        if value.is_empty() {
            continue;
        }
        match key.trim().to_lowercase().as_str() {
            "title" => front.title = Some(value.to_string()),
            "source" | "publisher" | "source_domain" => front.source = Some(value.to_string()),
            "date" | "published" | "date_publish" => front.date = Date::parse_loose(value),
            _ => {}
        }
    }
    Some(front)
}

/// The first line when it reads as a headline: short, several words, followed by a blank
/// line, and not a section heading such as "Overview". Returns it and where the rest starts.
fn headline(text: &str) -> Option<(&str, usize)> {
    let text_start = text.len() - text.trim_start_matches('\n').len();
    let text = &text[text_start..];
    let end = text.find('\n')?;
    let line = text[..end].trim();
    let rest = &text[end + 1..];
    let next_blank = rest.split('\n').next().is_some_and(|l| l.trim().is_empty());
    let ok = next_blank
        && !rest.trim().is_empty()
        && line.chars().count() <= HEADLINE_MAX_CHARS
        && line.split_whitespace().count() >= 2
        && !line.ends_with(':');
    ok.then_some((line, text_start + end + 1))
}

/// A title cut from the first sentence of the body, skipping section headings.
pub fn derive_title(body: &str) -> String {
    let para = body.split("\n\n").map(str::trim).find(|p| !p.is_empty() && !is_heading(p)).unwrap_or("");
    let first_line = para.lines().next().unwrap_or("");
    let sentence = first_sentence(first_line);
    if sentence.is_empty() {
        return "(untitled)".to_string();
    }
    truncate_words(sentence, TITLE_COLUMNS)
}

/// A paragraph that is only a short label: one line, no closing punctuation.
fn is_heading(p: &str) -> bool {
    !p.contains('\n') && p.split_whitespace().count() <= 4 && !p.ends_with(['.', '!', '?', '"', '”'])
}

/// The first sentence of a line, cut by the one sentence splitter (initials and
/// abbreviations such as "U.S." or "Mr." do not end one).
fn first_sentence(line: &str) -> &str {
    let first = crate::lang::segment::sentences(line, 0..line.len()).into_iter().next();
    first.map_or(line, |r| line[r].trim_end())
}

/// Cuts at a word boundary so the result, with "…", fits `columns`.
fn truncate_words(s: &str, columns: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    if s.width() <= columns {
        return s.to_string();
    }
    let mut cut = 0;
    let mut width = 0;
    for (i, c) in s.char_indices() {
        width += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if width > columns - 1 {
            break;
        }
        if c == ' ' {
            cut = i;
        }
    }
    if cut == 0 {
        // One long word: cut at the column limit instead.
        let mut w = 0;
        cut = s
            .char_indices()
            .find(|&(_, c)| {
                w += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                w > columns - 1
            })
            .map_or(s.len(), |(i, _)| i);
    }
    format!("{}…", s[..cut].trim_end_matches([' ', ',', ';', ':', '-', '—']))
}

/// Recognises metadata lines at the end of the text (`Source: BBC`, a dateline such as
/// `BDST: 1347 HRS, APR 23, 2025`, short codes like `SMS` after them) and returns
/// (source, date, where the body ends).
fn split_trailer(text: &str) -> (Option<String>, Option<Date>, usize) {
    let mut source = None;
    let mut date = None;
    let mut end = text.len();
    let mut body_end = text.len();
    let mut seen_field = false;
    loop {
        let trimmed_end = text[..end].trim_end_matches([' ', '\n']).len();
        if trimmed_end == 0 {
            break;
        }
        let line_start = text[..trimmed_end].rfind('\n').map_or(0, |i| i + 1);
        let line = text[line_start..trimmed_end].trim();
        if let Some(value) = line.strip_prefix("Source:") {
            source.get_or_insert_with(|| value.trim().to_string());
            seen_field = true;
        } else if let Some(d) = dateline(line) {
            date.get_or_insert(d);
            seen_field = true;
        } else if !is_code(line) {
            break;
        }
        end = line_start;
        if seen_field {
            body_end = line_start;
        }
        if line_start == 0 {
            break;
        }
    }
    if source.as_deref() == Some("") {
        source = None;
    }
    (source, date, body_end)
}

/// A short all-capitals tag (e.g. "SMS") that trails metadata blocks.
fn is_code(line: &str) -> bool {
    (2..=5).contains(&line.len()) && line.chars().all(|c| c.is_ascii_uppercase())
}

/// `BDST: 1347 HRS, APR 23, 2025` or `Date: 2025-04-23` / `Date: April 23, 2025`.
fn dateline(line: &str) -> Option<Date> {
    let (label, value) = line.split_once(':')?;
    let label = label.trim();
    let is_date_label = matches!(label, "Date" | "Published" | "Dateline");
    let is_zone = (2..=5).contains(&label.len()) && label.chars().all(|c| c.is_ascii_uppercase());
    if !is_date_label && !is_zone {
        return None;
    }
    if is_date_label && let Some(d) = Date::parse_iso(value) {
        return Some(d);
    }
    // "1347 HRS, APR 23, 2025" → take the "MON DD, YYYY" part.
    let words: Vec<&str> = value.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    words.windows(3).find_map(|w| {
        let month = Date::month_from_name(w[0])?;
        let day = w[1].parse().ok()?;
        let year = w[2].parse().ok()?;
        Date::new(year, month, day)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_then_body() {
        let p = parse_article("Under US Pressure, Both Sides Soften.\n\nOn Tuesday, talks.\n");
        assert!(p.title_is_headline);
        assert_eq!(p.title, "Under US Pressure, Both Sides Soften.");
        assert_eq!(p.body, "On Tuesday, talks.");
        assert_eq!(p.body_first_line, 3);
    }

    #[test]
    fn section_heading_is_not_a_title() {
        let p = parse_article("Overview\n\nIn a recent series of talks, Mr. Smith spoke. Then more.\n");
        assert!(!p.title_is_headline);
        assert_eq!(p.title, "In a recent series of talks, Mr. Smith spoke.");
        assert!(p.body.starts_with("Overview\n\n"));
        assert_eq!(p.body_first_line, 1);
    }

    #[test]
    fn derived_title_is_cut_near_80_columns() {
        let p = parse_article(
            "The call for renewed talks was made over the weekend, following U.S. President Donald Trump's warning of sanctions.\nNext line.",
        );
        assert_eq!(p.title, "The call for renewed talks was made over the weekend, following U.S. President…");
        assert!(unicode_width::UnicodeWidthStr::width(p.title.as_str()) <= 80);
    }

    #[test]
    fn trailer_is_metadata() {
        let p = parse_article("Talks go on.\nSource: BBC\nBDST: 1347 HRS, APR 23, 2025\nSMS");
        assert_eq!(p.source.as_deref(), Some("BBC"));
        assert_eq!(p.date.map(|d| d.to_string()).as_deref(), Some("2025-04-23"));
        assert_eq!(p.body, "Talks go on.");
    }

    #[test]
    fn capitals_without_a_trailer_stay_in_the_body() {
        let p = parse_article("Short text here.\nNATO");
        assert_eq!(p.body, "Short text here.\nNATO");
        assert_eq!(p.source, None);
    }

    #[test]
    fn front_matter_is_metadata() {
        let p = parse_article(
            "---\ntitle: \"Talks resume in Istanbul\"\ndate: 2025-05-16\nsource: Reuters\ntags: [a, b]\n---\n\nBody starts here.\n",
        );
        assert!(p.title_is_headline);
        assert_eq!(p.title, "Talks resume in Istanbul");
        assert_eq!(p.source.as_deref(), Some("Reuters"));
        assert_eq!(p.date.map(|d| d.to_string()).as_deref(), Some("2025-05-16"));
        assert_eq!(p.body, "Body starts here.");
        assert_eq!(p.body_first_line, 8);
        let p = parse_article("---\ndate: April 23, 2025\n---\nA headline of words\n\nThe body.");
        assert_eq!(p.title, "A headline of words");
        assert_eq!(p.date.map(|d| d.to_string()).as_deref(), Some("2025-04-23"));
        assert_eq!(p.body, "The body.");
        // A rule of dashes that opens no block is text.
        let p = parse_article("---\nNot front matter at all\n\nText.");
        assert!(p.body.starts_with("---"));
    }

    #[test]
    fn empty_text() {
        let p = parse_article("");
        assert_eq!(p.body, "");
        assert_eq!(p.title, "(untitled)");
    }

    #[test]
    fn first_sentence_skips_initials_and_numbers() {
        assert_eq!(first_sentence("Prices rose 2.5 percent. Then fell."), "Prices rose 2.5 percent.");
        assert_eq!(first_sentence("George W. Bush spoke. Yes."), "George W. Bush spoke.");
        assert_eq!(first_sentence("He said “no.” Then left."), "He said “no.”");
    }
}
