//! How a predicted quote is judged against a quote gold (`fixtures/*-quotes.json`), shared
//! by `tests/quotes_gold.rs` and `examples/quote_report.rs`: correct when its byte span
//! overlaps a gold quote of the same article (its text, or for the BBC golds its byte span
//! in the body) and its speaker's name matches the gold speaker (same full name, or the
//! same last word).

use byline::dossier::Quote;

/// A gold quote in an article body: its bytes (None when its text is not in the body) and
/// speaker.
pub struct GoldQuote<'g> {
    pub span: Option<(usize, usize)>,
    pub speaker: &'g str,
}

/// Lower case, diacritics kept: "Mélanie Joly" and "Joly" share a last word.
pub fn same_person(predicted: &str, gold: &str) -> bool {
    let (p, g) = (predicted.to_lowercase(), gold.to_lowercase());
    p == g || p.split_whitespace().last() == g.split_whitespace().last()
}

/// The gold quotes of one gold entry in `body`. BBC golds give byte spans of the body (their
/// text is the BBC's, not ours to copy); the seeds' give the text itself, found in order so
/// repeated texts land on later copies.
pub fn gold_quotes<'g>(entry: &'g serde_json::Value, body: &str) -> Result<Vec<GoldQuote<'g>>, String> {
    let file = entry["file"].as_str().unwrap_or("?");
    let mut out = Vec::new();
    let mut from = 0;
    for q in entry["quotes"].as_array().into_iter().flatten() {
        let speaker = q["speaker"].as_str().ok_or_else(|| format!("{file}: a quote without a speaker"))?;
        if let (Some(start), Some(end)) = (q["start"].as_u64(), q["end"].as_u64()) {
            let (start, end) = (start as usize, end as usize);
            if body.get(start..end).is_none() {
                return Err(format!("{file}: span {start}..{end} is not in the body"));
            }
            out.push(GoldQuote { span: Some((start, end)), speaker });
            continue;
        }
        let text = q["text"].as_str().ok_or_else(|| format!("{file}: a quote with neither span nor text"))?;
        let at = body.get(from..).and_then(|b| b.find(text)).map(|i| i + from).or_else(|| body.find(text));
        if let Some(i) = at {
            from = i + text.len();
        }
        out.push(GoldQuote { span: at.map(|i| (i, i + text.len())), speaker });
    }
    Ok(out)
}

/// Whether `q` overlaps gold quote `g`.
pub fn overlaps(q: &Quote, g: &GoldQuote) -> bool {
    g.span.is_some_and(|(gs, ge)| q.range().start < ge && gs < q.range().end)
}

/// Which gold quotes prediction `q` (spoken by `name`) finds; none: it is wrong.
pub fn finds(q: &Quote, name: &str, gold: &[GoldQuote]) -> Vec<usize> {
    (0..gold.len()).filter(|&k| overlaps(q, &gold[k]) && same_person(name, gold[k].speaker)).collect()
}
