//! `byline quotes`: every attributed quote of a corpus, in reading order, as text for a
//! terminal, JSON or CSV. A quote several articles carry is listed once, where it first
//! appears, with the articles that repeat it (as the dossier lists it).

use std::io::{self, Write};

use serde_json::json;

use crate::corpus::{Corpus, Field, sanitize};
use crate::dossier::{DistinctQuote, QuoteIndex, distinct};
use crate::entities::{EntityId, Index};
use crate::fit::fit;

/// Columns of a quote's text in the text output, after its place and speaker.
const TEXT_COLUMNS: usize = 100;

/// The quotes to list: every one, or one speaker's.
pub fn gather(corpus: &Corpus, index: &Index, quotes: &QuoteIndex, speaker: Option<EntityId>) -> Vec<DistinctQuote> {
    let all = (0..corpus.articles.len() as u32)
        .flat_map(|a| quotes.keyed(a))
        .filter(|(q, _)| speaker.is_none_or(|s| q.speaker == s) && index.entities.get(q.speaker as usize).is_some());
    distinct(corpus, all)
}

fn kind(q: &DistinctQuote) -> &'static str {
    if q.quote.paraphrase { "reported" } else { "direct" }
}

/// The verb of reported speech as written ("said", "denied"); empty for a direct quote.
fn verb<'c>(corpus: &'c Corpus, q: &DistinctQuote) -> &'c str {
    q.quote.verb(&corpus.articles[q.quote.article as usize].body).unwrap_or("")
}

/// `path:line:column: Speaker (direct): “text”`, the text on one line and cut to fit.
pub fn write_text(out: &mut impl Write, corpus: &Corpus, index: &Index, quotes: &[DistinctQuote]) -> io::Result<()> {
    for q in quotes {
        let article = &corpus.articles[q.quote.article as usize];
        let (line, column) = article.line_col(Field::Body, q.quote.start as usize);
        let text: String = sanitize(&article.body[q.quote.range()]).split_whitespace().collect::<Vec<_>>().join(" ");
        let speaker = &index.entity(q.quote.speaker).name;
        let also = match q.also_in.len() {
            0 => String::new(),
            1 => " (also in 1 article)".to_string(),
            n => format!(" (also in {n} articles)"),
        };
        let path = sanitize(&article.path);
        let how = match verb(corpus, q) {
            "" => kind(q).to_string(),
            v => format!("{}, {}", kind(q), sanitize(v)),
        };
        writeln!(out, "{path}:{line}:{column}: {} ({how}){also}: “{}”", sanitize(speaker), fit(&text, TEXT_COLUMNS))?;
    }
    Ok(())
}

/// One JSON object per quote, in an array: speaker, speaker_id, kind, verb (of reported
/// speech, else null), text, article, date, start and end (byte offsets into the body),
/// also_in (paths).
pub fn write_json(out: &mut impl Write, corpus: &Corpus, index: &Index, quotes: &[DistinctQuote]) -> io::Result<()> {
    let list: Vec<serde_json::Value> = quotes
        .iter()
        .map(|q| {
            let article = &corpus.articles[q.quote.article as usize];
            let speaker = index.entity(q.quote.speaker);
            json!({
                "speaker": speaker.name,
                "speaker_id": speaker.id,
                "kind": kind(q),
                "verb": q.quote.verb(&article.body),
                "text": &article.body[q.quote.range()],
                "article": article.path,
                "date": article.date.map(|d| d.to_string()),
                "start": q.quote.start,
                "end": q.quote.end,
                "also_in": q.also_in.iter().map(|&a| corpus.articles[a as usize].path.as_str()).collect::<Vec<_>>(),
            })
        })
        .collect();
    super::write_json_value(out, &serde_json::Value::Array(list))
}

/// CSV with a header row (RFC 4180 quoting); `also_in` holds the other paths joined by
/// `;`, `verb` the verb of reported speech (empty for a direct quote). Text is written as
/// the article has it, control characters removed.
pub fn write_csv(out: &mut impl Write, corpus: &Corpus, index: &Index, quotes: &[DistinctQuote]) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(["speaker", "speaker_id", "kind", "text", "article", "date", "start", "end", "also_in", "verb"])?;
    for q in quotes {
        let article = &corpus.articles[q.quote.article as usize];
        let speaker = index.entity(q.quote.speaker);
        let also: Vec<String> =
            q.also_in.iter().map(|&a| sanitize(&corpus.articles[a as usize].path).into_owned()).collect();
        w.write_record([
            sanitize(&speaker.name).as_ref(),
            speaker.id.as_str(),
            kind(q),
            sanitize(&article.body[q.quote.range()]).as_ref(),
            sanitize(&article.path).as_ref(),
            &article.date.map(|d| d.to_string()).unwrap_or_default(),
            &q.quote.start.to_string(),
            &q.quote.end.to_string(),
            &also.join(";"),
            sanitize(verb(corpus, q)).as_ref(),
        ])?;
    }
    w.flush()
}
