//! The dossier pane's state: a person's dossier laid out as rows at the pane's width, the
//! items on it that Enter acts on (a quote, a companion, an article), and a cursor.

use crate::corpus::Corpus;
use crate::dossier::Dossier;
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

/// Companions shown: enough to see who matters, few enough to scroll past.
const COMPANIONS: usize = 20;

#[derive(Debug, Clone)]
pub struct DossierView {
    pub dossier: Dossier,
    pub width: usize,
    pub rows: Vec<Row>,
    pub items: Vec<Target>,
    /// The item under the cursor, and the first row shown.
    pub cursor: usize,
    pub top: usize,
}

fn piece(text: impl Into<String>, tone: Tone) -> Piece {
    Piece { text: text.into(), tone }
}

impl DossierView {
    pub fn new(dossier: Dossier, corpus: &Corpus, index: &Index, width: usize) -> DossierView {
        let mut view = DossierView { dossier, width: 0, rows: Vec::new(), items: Vec::new(), cursor: 0, top: 0 };
        view.layout(corpus, index, width);
        view
    }

    /// Lays the dossier out at `width` columns (again after a resize).
    pub fn layout(&mut self, corpus: &Corpus, index: &Index, width: usize) {
        let width = width.max(10);
        let d = &self.dossier;
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
        for q in &d.quotes {
            let Some(article) = corpus.articles.get(q.article as usize) else { continue };
            let text = article.body.get(q.range()).unwrap_or("").replace('\n', " ");
            let shown = if q.paraphrase { format!("(reported) {text}") } else { format!("“{text}”") };
            let item = Some(items.len());
            items.push(Target::Quote { article: q.article, start: q.start, end: q.end });
            let options = textwrap::Options::new(width).initial_indent("  ").subsequent_indent("    ");
            for line in textwrap::wrap(&shown, options) {
                rows.push(Row { pieces: vec![piece(line.into_owned(), Tone::Quote)], item });
            }
            let date = article.date.map_or_else(|| "undated".to_string(), |d| d.to_string());
            let source = format!("    — {} · {date}", article.title);
            rows.push(Row { pieces: vec![piece(fit(&source, width), Tone::Dim)], item });
        }

        rows.push(blank());
        rows.push(row(vec![
            piece("Appears with", Tone::Heading),
            piece(" · paragraphs and articles shared", Tone::Dim),
        ]));
        if d.companions.is_empty() {
            rows.push(row(vec![piece("  nobody", Tone::Dim)]));
        }
        for c in d.companions.iter().take(COMPANIONS) {
            let o = index.entity(c.entity);
            let count = format!(" {:>3} ¶ {:>3} art.", c.count, c.articles);
            let name = fit(&format!("  {} {}", o.kind.letter(), o.name), width.saturating_sub(count.chars().count()));
            let pad =
                width.saturating_sub(unicode_width::UnicodeWidthStr::width(name.as_str()) + count.chars().count());
            let item = Some(items.len());
            items.push(Target::Entity(c.entity));
            rows.push(Row {
                pieces: vec![piece(name, Tone::Entity(o.kind)), piece(" ".repeat(pad) + &count, Tone::Dim)],
                item,
            });
        }

        rows.push(blank());
        rows.push(row(vec![piece("Timeline", Tone::Heading), piece(" · articles by date, mentions", Tone::Dim)]));
        for t in &d.timeline {
            let Some(article) = corpus.articles.get(t.article as usize) else { continue };
            let date = t.date.map_or_else(|| "undated   ".to_string(), |d| d.to_string());
            let count = format!(" {}", t.mentions);
            let title = fit(&format!("  {date}  {}", article.title), width.saturating_sub(count.len()));
            let pad = width.saturating_sub(unicode_width::UnicodeWidthStr::width(title.as_str()) + count.len());
            let item = Some(items.len());
            items.push(Target::Article(t.article));
            rows.push(Row {
                pieces: vec![piece(title, Tone::Plain), piece(" ".repeat(pad) + &count, Tone::Dim)],
                item,
            });
        }

        self.width = width;
        self.rows = rows;
        self.items = items;
        self.cursor = self.cursor.min(self.items.len().saturating_sub(1));
    }

    /// The rows of item `item`.
    pub fn rows_of(&self, item: usize) -> std::ops::Range<usize> {
        let first = self.rows.iter().position(|r| r.item == Some(item)).unwrap_or(0);
        let end = self.rows[first..].iter().position(|r| r.item != Some(item)).map_or(self.rows.len(), |n| first + n);
        first..end
    }

    /// Moves the cursor by `delta` items and scrolls it into a view of `height` rows.
    pub fn move_cursor(&mut self, delta: isize, height: usize) {
        if self.items.is_empty() {
            self.scroll(delta, height);
            return;
        }
        self.cursor = self.cursor.saturating_add_signed(delta).min(self.items.len() - 1);
        let rows = self.rows_of(self.cursor);
        if rows.start < self.top {
            self.top = rows.start;
        } else if rows.end > self.top + height {
            self.top = rows.end.saturating_sub(height).min(rows.start);
        }
        // At the first item, show the header above it too.
        if self.cursor == 0 {
            self.top = 0;
        }
    }

    /// Scrolls by `delta` rows; the cursor goes to the first item in view.
    pub fn scroll(&mut self, delta: isize, height: usize) {
        self.top = self.top.saturating_add_signed(delta).min(self.rows.len().saturating_sub(height));
        if let Some(item) = self.rows.iter().skip(self.top).take(height).find_map(|r| r.item) {
            let shown = self.rows_of(self.cursor);
            if shown.start < self.top || shown.end > self.top + height {
                self.cursor = item;
            }
        }
    }
}
