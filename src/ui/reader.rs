use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::list::meta_line;
use super::{Theme, is_focused, pad, pane, scrollbar};
use crate::app::{App, Focus, ReaderPane};
use crate::corpus::{Field, sanitize};
use crate::entities::{Mention, MentionRef};
use crate::fit::fit;
use crate::wrap::Row;

/// The open article: title, source and date, then the body, wrapped at the pane width with
/// every mention coloured by kind; the selected entity's mentions stand out, and the one
/// `n`/`N` landed on most of all.
pub fn draw(app: &App, reader: &ReaderPane, frame: &mut Frame, area: Rect, theme: &Theme) {
    let focused = is_focused(app, Focus::Reader);
    let (top, wrapped) = (reader.top(), reader.wrapped());
    let total = wrapped.rows.len();
    let height = area.height.saturating_sub(2) as usize;
    let shown_to = (top + height).min(total);
    let position = (shown_to * 100).checked_div(total).unwrap_or(100);
    let title = Line::from(vec![Span::styled(" Reader ", theme.title), Span::raw(format!("{position}% "))]);
    let block = pane(title, focused, theme);
    let inner = pad(block.inner(area));
    frame.render_widget(block, area);

    let Some(article) = app.corpus.articles.get(reader.open()) else { return };
    for (i, row) in wrapped.rows.iter().enumerate().skip(top).take(height) {
        let y = inner.y + (i - top) as u16;
        let line = match *row {
            Row::Text { field, start, end } => {
                let base = if field == Field::Title { theme.title } else { Style::new() };
                highlighted(app, reader, article.field(field), field, start..end, base, theme)
            }
            Row::Meta => Line::styled(format!("{} · {}", meta_line(article), sanitize(&article.path)), theme.dim),
            Row::Fold(fold) => {
                let s = if fold.paragraphs == 1 { "" } else { "s" };
                Line::styled(
                    fit(&format!("⋯ {} repeated paragraph{s} · Enter shows", fold.paragraphs), inner.width as usize),
                    theme.dim,
                )
            }
            Row::Blank => Line::default(),
        };
        frame.render_widget(line, Rect::new(inner.x, y, inner.width, 1));
    }
    scrollbar(frame, area, total, height, top);
}

/// `text[range]` as spans: mentions styled by kind (the selected entity's stand out, the
/// one `n`/`N` landed on most), then search matches over them.
fn highlighted<'a>(
    app: &App,
    reader: &ReaderPane,
    text: &'a str,
    field: Field,
    range: std::ops::Range<usize>,
    base: Style,
    theme: &Theme,
) -> Line<'a> {
    let mentions: &[Mention] = app.index.mentions_in(reader.open());
    // Every styled stretch that touches this row, later ones drawn over earlier ones.
    let mut marks: Vec<(usize, usize, Style)> = Vec::new();
    let first = mentions.partition_point(|m| (m.field, m.end as usize) <= (field, range.start));
    let cursor = app.cursor_mention().map(|i| i as usize);
    for (i, m) in mentions.iter().enumerate().skip(first) {
        if m.field != field || m.start as usize >= range.end {
            break;
        }
        let here = MentionRef { article: reader.open() as u32, mention: i as u32 };
        let mut style = theme.kind(app.index.entity(m.entity).kind);
        if app.followed().selected() == Some(m.entity) {
            style = style.add_modifier(theme.selected_mention);
        }
        if app.followed().current() == Some(here) && app.search().is_none() {
            style = style.patch(theme.current_mention);
        }
        // The reader's cursor (`]`/`[`), in the cursor's style as in the list.
        if cursor == Some(i) {
            style = style.patch(theme.cursor);
        }
        marks.push((m.start as usize, m.end as usize, style));
    }
    if let Some(search) = app.search() {
        let current = search.current.map(|i| search.hits[i]);
        // Only the matches on this row: an article may hold millions.
        for h in search.hits_within(reader.open(), field, range.clone()) {
            let style = if current == Some(*h) { theme.current_mention } else { theme.search_match };
            marks.push((h.start as usize, h.end as usize, style));
        }
    }
    // The quote the dossier jumped to.
    if let Some((article, quote)) = reader.quote_mark()
        && *article == reader.open()
        && field == Field::Body
        && quote.start < range.end
        && quote.end > range.start
    {
        marks.push((quote.start, quote.end, theme.search_match));
    }
    // Cut the row wherever a mark starts or ends, and style each piece.
    let mut cuts: Vec<usize> = vec![range.start, range.end];
    for &(s, e, _) in &marks {
        cuts.extend([s.clamp(range.start, range.end), e.clamp(range.start, range.end)]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let spans = cuts
        .windows(2)
        .filter(|w| w[0] < w[1])
        .map(|w| {
            let style = marks.iter().filter(|m| m.0 <= w[0] && w[1] <= m.1).fold(base, |st, m| st.patch(m.2));
            Span::styled(&text[w[0]..w[1]], style)
        })
        .collect::<Vec<_>>();
    Line::from(spans)
}
