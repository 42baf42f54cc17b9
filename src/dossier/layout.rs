//! A dossier as text rows at a width, each piece with a tone (the pane and `byline dossier`
//! pick how a tone looks), and the items on it that the pane's Enter acts on.

use std::ops::Range;

use super::Dossier;
use crate::corpus::Corpus;
use crate::entities::{EntityId, Index, Kind};
use crate::fit::fit;

/// How a piece of a row is drawn; the UI picks the colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Heading,
    Plain,
    Dim,
    Quote,
    Entity(Kind),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub tone: Tone,
}

/// One screen row of the dossier, and the item it belongs to, if any.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Row {
    pub pieces: Vec<Piece>,
    pub item: Option<usize>,
}

/// What Enter on an item does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Open the article at the quote.
    Quote { article: u32, start: u32, end: u32 },
    /// Show that entity's dossier.
    Entity(EntityId),
    /// Open the article.
    Article(u32),
}

/// Companions a limited layout shows: enough to see who matters, few enough to scroll past.
const COMPANIONS: usize = 20;

/// The rows at one width, and the items they belong to.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DossierLayout {
    pub width: usize,
    pub rows: Vec<Row>,
    pub items: Vec<Target>,
}

fn piece(text: impl Into<String>, tone: Tone) -> Piece {
    Piece { text: text.into(), tone }
}

/// `text` cut to leave room for `count`, which is right-aligned at `width` and dim.
fn with_count(text: String, tone: Tone, count: &str, width: usize) -> Vec<Piece> {
    let count_width = unicode_width::UnicodeWidthStr::width(count);
    let text = fit(&text, width.saturating_sub(count_width));
    let pad = width.saturating_sub(unicode_width::UnicodeWidthStr::width(text.as_str()) + count_width);
    vec![piece(text, tone), piece(" ".repeat(pad) + count, Tone::Dim)]
}

/// `dossier` laid out at `width` columns (10 at least), with at most `limit` quotes and
/// timeline entries (and 20 companions), or all of them.
pub fn lay_out(d: &Dossier, corpus: &Corpus, index: &Index, width: usize, limit: Option<usize>) -> DossierLayout {
    let width = width.max(10);
    let e = index.entity(d.entity);
    let mut rows: Vec<Row> = Vec::new();
    let mut items = Vec::new();
    let row = |pieces: Vec<Piece>| Row { pieces, item: None };
    let blank = Row::default;

    rows.push(row(vec![piece(e.name.clone(), Tone::Entity(e.kind))]));
    rows.push(row(vec![piece(
        format!("{} · {} mentions in {} articles", e.kind.as_str(), e.mentions, e.articles),
        Tone::Dim,
    )]));

    // Names and roles: "form (count)" joined and wrapped.
    let listed = |title: &str, entries: Vec<String>, rows: &mut Vec<Row>| {
        rows.push(blank());
        rows.push(row(vec![piece(title, Tone::Heading)]));
        if entries.is_empty() {
            rows.push(row(vec![piece("  none found", Tone::Dim)]));
        }
        for line in textwrap::wrap(
            &entries.join(" · "),
            textwrap::Options::new(width).initial_indent("  ").subsequent_indent("  "),
        ) {
            rows.push(row(vec![piece(line.into_owned(), Tone::Plain)]));
        }
    };
    listed("Names", d.aliases.iter().map(|(a, n)| format!("{a} ({n})")).collect(), &mut rows);
    listed("Roles", d.roles.iter().map(|r| format!("{} ({})", r.role, r.count)).collect(), &mut rows);

    rows.push(blank());
    let paraphrases = d.quotes.iter().filter(|q| q.paraphrase).count();
    rows.push(row(vec![
        piece(format!("Quotes · {}", d.quotes.len()), Tone::Heading),
        piece(if paraphrases > 0 { format!(" ({paraphrases} reported)") } else { String::new() }, Tone::Dim),
    ]));
    if d.quotes.is_empty() {
        rows.push(row(vec![piece("  none found", Tone::Dim)]));
    }
    let shown = |n: usize| limit.map_or(n, |l| n.min(l));
    let more = |rows: &mut Vec<Row>, n: usize, what: &str| {
        if shown(n) < n {
            let text = format!("  … {} more {what}: `byline dossier` prints them all", n - shown(n));
            rows.push(Row { pieces: vec![piece(fit(&text, width), Tone::Dim)], item: None });
        }
    };
    for q in &d.quotes[..shown(d.quotes.len())] {
        let Some(article) = corpus.articles.get(q.article as usize) else { continue };
        let text = article.body.get(q.range()).unwrap_or("").replace('\n', " ");
        // Reported speech shows its verb: "(denied) his books are anti-religious".
        let shown = match (q.paraphrase, q.verb(&article.body)) {
            (true, Some(verb)) => format!("({}) {text}", verb.to_lowercase()),
            (true, None) => format!("(reported) {text}"),
            (false, _) => format!("“{text}”"),
        };
        let item = Some(items.len());
        items.push(Target::Quote { article: q.article, start: q.start, end: q.end });
        let options = textwrap::Options::new(width).initial_indent("  ").subsequent_indent("    ");
        for line in textwrap::wrap(&shown, options) {
            rows.push(Row { pieces: vec![piece(line.into_owned(), Tone::Quote)], item });
        }
        let date = article.date.map_or_else(|| "undated".to_string(), |d| d.to_string());
        // The date first: a long title is what gets cut.
        let also = match q.also_in.len() {
            0 => String::new(),
            1 => " · also in 1 article".to_string(),
            n => format!(" · also in {n} articles"),
        };
        let source = format!("    — {date}{also} · {}", article.title);
        rows.push(Row { pieces: vec![piece(fit(&source, width), Tone::Dim)], item });
    }
    more(&mut rows, d.quotes.len(), "quotes");

    rows.push(blank());
    rows.push(row(vec![piece("Appears with", Tone::Heading), piece(" · paragraphs and articles shared", Tone::Dim)]));
    if d.companions.is_empty() {
        rows.push(row(vec![piece("  nobody", Tone::Dim)]));
    }
    let companions = if limit.is_some() { COMPANIONS } else { d.companions.len() };
    for c in d.companions.iter().take(companions) {
        let o = index.entity(c.entity);
        let count = format!(" {:>3} ¶ {:>3} art.", c.count, c.articles);
        let name = format!("  {} {}", o.kind.letter(), o.name);
        rows.push(Row { pieces: with_count(name, Tone::Entity(o.kind), &count, width), item: Some(items.len()) });
        items.push(Target::Entity(c.entity));
    }

    rows.push(blank());
    rows.push(row(vec![piece("Timeline", Tone::Heading), piece(" · articles by date, mentions", Tone::Dim)]));
    for t in &d.timeline[..shown(d.timeline.len())] {
        let Some(article) = corpus.articles.get(t.article as usize) else { continue };
        let date = t.date.map_or_else(|| "undated   ".to_string(), |d| d.to_string());
        let title = format!("  {date}  {}", article.title);
        let count = format!(" {}", t.mentions);
        rows.push(Row { pieces: with_count(title, Tone::Plain, &count, width), item: Some(items.len()) });
        items.push(Target::Article(t.article));
    }
    more(&mut rows, d.timeline.len(), "articles");

    DossierLayout { width, rows, items }
}

impl DossierLayout {
    /// The rows of item `item`.
    pub fn rows_of(&self, item: usize) -> Range<usize> {
        rows_of(&self.rows, item)
    }
}

/// The rows (of `rows`) of item `item`.
pub fn rows_of(rows: &[Row], item: usize) -> Range<usize> {
    let first = rows.iter().position(|r| r.item == Some(item)).unwrap_or(0);
    let end = rows[first..].iter().position(|r| r.item != Some(item)).map_or(rows.len(), |n| first + n);
    first..end
}
