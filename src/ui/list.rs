use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{Theme, fit_title, is_focused, pane, scrollbar};
use crate::app::{App, Focus, ListPane, Sort};
use crate::corpus::Article;
use crate::fit::fit;

/// The article list: two rows an article (title; source · date). Only the shown items are
/// built, whatever the corpus size.
pub fn draw(app: &App, list: &ListPane, frame: &mut Frame, area: Rect, theme: &Theme) {
    let focused = is_focused(app, Focus::List);
    let visible = list.visible();
    let position = format!("{}/{} ", (list.cursor() + 1).min(visible.len()), visible.len());
    let mut title = vec![Span::styled(" Articles ", theme.title), Span::raw(position)];
    if app.unread() > 0 {
        title.push(Span::raw(format!("· {} unread ", app.unread())));
    }
    // Every filter on is named: the entity, the search (`&`), stars.
    if let Some(e) = app.filters().entity {
        let e = app.index.entity(e);
        title.push(Span::styled(format!("· {} ", crate::corpus::sanitize(&e.name)), theme.kind(e.kind)));
    }
    if let Some(search) = app.search().filter(|_| app.filters().search) {
        title.push(Span::raw(format!("· /{} ", crate::corpus::sanitize(&search.query))));
    }
    if app.filters().starred {
        title.push(Span::raw("· ★ "));
    }
    if list.sort() != Sort::Corpus {
        title.push(Span::raw(format!("· {} ", list.sort().name())));
    }
    let block = pane(fit_title(title, area.width), focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);

    // As many items as fit the rows drawn in, not a capacity worked out elsewhere.
    let rows = app.list_item_rows();
    let capacity = (inner.height as usize / rows).max(1);
    scrollbar(frame, area, visible.len(), capacity, list.offset());
    let width = inner.width as usize;
    for (row, i) in (list.offset()..(list.offset() + capacity).min(visible.len())).enumerate() {
        let a = visible[i];
        let article = &app.corpus.articles[a];
        let read = app.is_read(a);
        let y = inner.y + (row * rows) as u16;
        if y >= inner.bottom() {
            break;
        }
        // Unread titles are bold with a dot; a star marks starred ones.
        let style = match (i == list.cursor(), focused) {
            (true, true) => theme.cursor,
            (true, false) => theme.cursor_unfocused,
            _ if read => Style::new(),
            _ => theme.title,
        };
        let marks = format!("{}{}", if read { ' ' } else { '•' }, if app.is_starred(a) { '★' } else { ' ' });
        let folder = app.shown_folder(article).map(crate::corpus::sanitize);
        // On one row, the folder goes at its right end, when there is room for a title too.
        let beside = folder.as_deref().filter(|f| rows == 1 && crate::fit::width(f) + 12 <= width);
        let title_width = beside.map_or(width, |f| width - crate::fit::width(f) - 1);
        let mut line = vec![Span::styled(fit(&format!("{marks} {}", article.title), title_width), style)];
        if let Some(f) = beside {
            let gap = title_width.saturating_sub(crate::fit::width(&line[0].content)) + 1;
            line.push(Span::styled(format!("{}{f}", " ".repeat(gap)), theme.dim));
        }
        frame.render_widget(Line::from(line), Rect::new(inner.x, y, inner.width, 1));
        if rows > 1 && y + 1 < inner.bottom() {
            let meta = match &folder {
                Some(f) => format!("    {f} · {}", meta_line(article)),
                None => format!("    {}", meta_line(article)),
            };
            let meta = Line::styled(fit(&meta, width), theme.dim);
            frame.render_widget(meta, Rect::new(inner.x, y + 1, inner.width, 1));
        }
    }
}

/// "BBC · 2025-04-23", or what of it is known.
pub fn meta_line(article: &Article) -> String {
    match (article.source.as_deref(), article.date) {
        (Some(source), Some(date)) => format!("{source} · {date}"),
        (Some(source), None) => format!("{source} · undated"),
        (None, Some(date)) => date.to_string(),
        (None, None) => "undated".to_string(),
    }
}
