//! The corpus and its entities as JSON (`byline export`), and the text reports of the
//! `entities` and `mentions` commands; [`quotes`] writes `byline quotes`.

pub mod quotes;

use std::io::{self, Write};

use rayon::prelude::*;
use serde::Serialize;

use crate::corpus::{Article, Corpus, Field, LineCursor};
use crate::entities::{Entity, EntityId, Index, Kind};

#[derive(Serialize)]
struct ArticleOut<'a> {
    id: &'a str,
    path: &'a str,
    title: &'a str,
    source: Option<&'a str>,
    date: Option<String>,
    body: &'a str,
    mentions: Vec<MentionOut<'a>>,
}

#[derive(Serialize)]
struct MentionOut<'a> {
    entity: &'a str,
    field: &'static str,
    start: u32,
    end: u32,
    text: &'a str,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    id: &'a str,
    name: &'a str,
    kind: Kind,
    aliases: &'a [String],
    mentions: usize,
    articles: usize,
}

fn article_out<'a>(article: &'a Article, a: usize, index: &'a Index) -> ArticleOut<'a> {
    let mentions = index.article_mentions[a]
        .iter()
        .map(|m| MentionOut {
            entity: &index.entity(m.entity).id,
            field: m.field.as_str(),
            start: m.start,
            end: m.end,
            text: &article.field(m.field)[m.range()],
        })
        .collect();
    ArticleOut {
        id: &article.id,
        path: &article.path,
        title: &article.title,
        source: article.source.as_deref(),
        date: article.date.map(|d| d.to_string()),
        body: &article.body,
        mentions,
    }
}

fn entity_out(e: &Entity) -> EntityOut<'_> {
    EntityOut {
        id: &e.id,
        name: &e.name,
        kind: e.kind,
        aliases: &e.aliases,
        mentions: e.mentions,
        articles: e.articles,
    }
}

/// Writes JSON strings with C1 controls and bidi overrides escaped (`\u009b`): the same
/// string to a JSON reader, never a control sequence to a terminal. Article text is clean
/// already; file names may not be.
struct TerminalSafe;

impl serde_json::ser::Formatter for TerminalSafe {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, writer: &mut W, fragment: &str) -> io::Result<()> {
        // Both kinds start with byte C2 or E2: look only there (memchr finds them fast), and
        // write the text between as it is.
        let bytes = fragment.as_bytes();
        let mut from = 0;
        for i in memchr::memchr2_iter(0xC2, 0xE2, bytes) {
            let Some(c) = fragment[i..].chars().next() else { continue };
            if matches!(c, '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') {
                writer.write_all(&bytes[from..i])?;
                write!(writer, "\\u{:04x}", c as u32)?;
                from = i + c.len_utf8();
            }
        }
        writer.write_all(&bytes[from..])
    }
}

/// `value` as terminal-safe JSON, appended to `out`.
fn to_json(out: &mut Vec<u8>, value: &impl Serialize) {
    let mut serializer = serde_json::Serializer::with_formatter(out, TerminalSafe);
    value.serialize(&mut serializer).expect("strings and numbers serialise");
}

/// Any JSON value, terminal-safe (see [`TerminalSafe`]), pretty-printed, then a newline.
pub fn write_json_value(out: &mut impl Write, value: &serde_json::Value) -> io::Result<()> {
    let formatter = Pretty { inner: serde_json::ser::PrettyFormatter::new() };
    let mut serializer = serde_json::Serializer::with_formatter(&mut *out, formatter);
    value.serialize(&mut serializer).map_err(io::Error::other)?;
    out.write_all(b"\n")
}

/// Pretty JSON with TerminalSafe's string escaping.
struct Pretty<'a> {
    inner: serde_json::ser::PrettyFormatter<'a>,
}

/// Everything as PrettyFormatter does it, but string fragments as TerminalSafe writes them.
macro_rules! delegate {
    ($($name:ident($($arg:ident: $ty:ty),*)),* $(,)?) => {
        $(fn $name<W: ?Sized + Write>(&mut self, writer: &mut W $(, $arg: $ty)*) -> io::Result<()> {
            self.inner.$name(writer $(, $arg)*)
        })*
    };
}

impl serde_json::ser::Formatter for Pretty<'_> {
    delegate!(
        begin_array(),
        end_array(),
        begin_array_value(first: bool),
        end_array_value(),
        begin_object(),
        end_object(),
        begin_object_key(first: bool),
        begin_object_value(),
        end_object_value(),
    );
    fn write_string_fragment<W: ?Sized + Write>(&mut self, writer: &mut W, fragment: &str) -> io::Result<()> {
        TerminalSafe.write_string_fragment(writer, fragment)
    }
}

/// Articles serialised at once, in parallel, before they are written in order: enough to
/// use every core, few enough that the output is never held whole.
const BATCH: usize = 512;

/// How articles follow one another: in a JSON array, or one a line.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Layout {
    Array,
    Lines,
}

/// Writes each article's JSON in order, serialised in parallel batches. Each piece of a
/// batch is one buffer, sized up front: few allocations, no regrowing copies.
fn write_articles(out: &mut impl Write, corpus: &Corpus, index: &Index, layout: Layout) -> io::Result<()> {
    let separator: &[u8] = if layout == Layout::Array { b"," } else { b"\n" };
    let piece = BATCH.div_ceil(rayon::current_num_threads() * 4).max(1);
    for (b, batch) in corpus.articles.chunks(BATCH).enumerate() {
        let encoded: Vec<Vec<u8>> = batch
            .par_chunks(piece)
            .enumerate()
            .map(|(p, articles)| {
                let size: usize = articles.iter().map(|a| a.body.len() + a.title.len() + 256).sum();
                let mut json = Vec::with_capacity(size + size / 2);
                for (i, article) in articles.iter().enumerate() {
                    if layout == Layout::Array && i > 0 {
                        json.push(b',');
                    }
                    to_json(&mut json, &article_out(article, b * BATCH + p * piece + i, index));
                    if layout == Layout::Lines {
                        json.push(b'\n');
                    }
                }
                json
            })
            .collect();
        for (i, json) in encoded.iter().enumerate() {
            if layout == Layout::Array && (b > 0 || i > 0) {
                out.write_all(separator)?;
            }
            out.write_all(json)?;
        }
    }
    Ok(())
}

/// The entities as a JSON array, serialised in parallel pieces.
fn write_entities(out: &mut impl Write, index: &Index) -> io::Result<()> {
    let pieces: Vec<Vec<u8>> = index
        .entities
        .par_chunks(BATCH)
        .map(|chunk| {
            let mut buf = Vec::new();
            for (i, e) in chunk.iter().enumerate() {
                if i > 0 {
                    buf.push(b',');
                }
                to_json(&mut buf, &entity_out(e));
            }
            buf
        })
        .collect();
    out.write_all(b"[")?;
    for (i, piece) in pieces.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        out.write_all(piece)?;
    }
    out.write_all(b"]")
}

/// One JSON document: `{"articles": [...], "entities": [...]}`, written as it goes.
pub fn write_json(out: &mut impl Write, corpus: &Corpus, index: &Index) -> io::Result<()> {
    out.write_all(b"{\"articles\":[")?;
    write_articles(out, corpus, index, Layout::Array)?;
    out.write_all(b"],\"entities\":")?;
    write_entities(out, index)?;
    out.write_all(b"}\n")
}

/// One article per line, then `{"entities": [...]}` on the last line.
pub fn write_jsonl(out: &mut impl Write, corpus: &Corpus, index: &Index) -> io::Result<()> {
    write_articles(out, corpus, index, Layout::Lines)?;
    out.write_all(b"{\"entities\":")?;
    write_entities(out, index)?;
    out.write_all(b"}\n")
}

/// A table of entities, most mentioned first: name, kind, mentions, articles, aliases.
pub fn write_entity_table(out: &mut impl Write, index: &Index, kind: Option<Kind>) -> io::Result<()> {
    let mut list: Vec<&Entity> = index.entities.iter().filter(|e| kind.is_none_or(|k| e.kind == k)).collect();
    list.sort_by(|a, b| b.mentions.cmp(&a.mentions).then_with(|| a.name.cmp(&b.name)));
    let name_width = list.iter().map(|e| e.name.chars().count()).max().unwrap_or(4).clamp(4, 40);
    writeln!(out, "{:<name_width$}  {:<12}  {:>8}  {:>8}  ALIASES", "NAME", "KIND", "MENTIONS", "ARTICLES")?;
    for e in list {
        let aliases: Vec<&str> = e.aliases.iter().map(String::as_str).filter(|a| *a != e.name).collect();
        writeln!(
            out,
            "{:<name_width$}  {:<12}  {:>8}  {:>8}  {}",
            e.name,
            e.kind.as_str(),
            e.mentions,
            e.articles,
            aliases.join(", ")
        )?;
    }
    Ok(())
}

/// Every mention of an entity as `path:line:column: context`, like grep. The mentions come
/// in reading order, so one cursor per article field counts lines in a single pass.
pub fn write_mentions(out: &mut impl Write, corpus: &Corpus, index: &Index, entity: EntityId) -> io::Result<()> {
    let mut cursor: Option<((u32, Field), LineCursor)> = None;
    for r in &index.entity_mentions[entity as usize] {
        let article = &corpus.articles[r.article as usize];
        let m = index.mention(*r);
        let here = (r.article, m.field);
        let lines = match &mut cursor {
            Some((at, lines)) if *at == here => lines,
            _ => &mut cursor.insert((here, article.line_cursor(m.field))).1,
        };
        let (line, column) = lines.line_col(m.start as usize);
        let text = article.field(m.field);
        let path = crate::corpus::sanitize(&article.path);
        writeln!(out, "{path}:{line}:{column}: {}", context(text, m.range()))?;
    }
    Ok(())
}

/// The line around a span, cut to about 50 characters each side. Only the window is read,
/// never the whole line: a one-line article of megabytes costs no more per mention.
fn context(text: &str, span: std::ops::Range<usize>) -> String {
    const SIDE: usize = 50;
    // One character more than is shown tells whether the line goes on.
    let in_line = |c: &char| *c != '\n';
    let mut before: Vec<char> = text[..span.start].chars().rev().take_while(in_line).take(SIDE + 1).collect();
    before.reverse();
    let after: Vec<char> = text[span.end..].chars().take_while(in_line).take(SIDE + 1).collect();
    let mut s = String::new();
    if before.len() > SIDE {
        s.push('…');
    }
    s.extend(&before[before.len().saturating_sub(SIDE)..]);
    s.push_str(&text[span]);
    s.extend(after.iter().take(SIDE));
    if after.len() > SIDE {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_strings_carry_no_c1_or_bidi_controls() {
        let mut out = Vec::new();
        to_json(&mut out, &"a\u{9b}31m \u{202e}b “c” \u{1b}");
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text, r#""a\u009b31m \u202eb “c” \u001b""#);
        assert_eq!(serde_json::from_str::<String>(&text).unwrap(), "a\u{9b}31m \u{202e}b “c” \u{1b}");
    }

    #[test]
    fn context_is_cut_to_the_line() {
        let text = "first line\nsay Putin said\nlast";
        let start = text.find("Putin").unwrap();
        assert_eq!(context(text, start..start + 5), "say Putin said");
        let long = format!("{}Putin{}", "a".repeat(60), "b".repeat(60));
        let c = context(&long, 60..65);
        assert!(c.starts_with('…') && c.ends_with('…') && c.contains("Putin"));
        assert_eq!(c.chars().count(), 50 + 5 + 50 + 2);
    }
}
