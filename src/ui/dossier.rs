use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::{Theme, fit_title, pad, pane, scrollbar};
use crate::app::{App, DossierView, Tone};

/// The dossier pane, over the reader: the rows the app laid out, the cursor's item
/// highlighted.
pub fn draw(app: &App, view: &DossierView, frame: &mut Frame, area: Rect, theme: &Theme) {
    let name = &app.index.entity(view.dossier.entity).name;
    let focused = !app.overlay().is_popup();
    let title = fit_title(
        vec![
            Span::styled(" Dossier ", theme.title),
            Span::styled(
                format!("{} ", crate::corpus::sanitize(name)),
                theme.kind(app.index.entity(view.dossier.entity).kind),
            ),
        ],
        area.width,
    );
    let block = pane(title, focused, theme);
    let inner = pad(block.inner(area));
    frame.render_widget(block, area);
    let height = area.height.saturating_sub(2) as usize;
    let current = view.items.get(view.cursor).map(|_| view.rows_of(view.cursor));
    for (i, row) in view.rows.iter().enumerate().skip(view.top).take(height) {
        let y = inner.y + (i - view.top) as u16;
        let on_cursor = current.as_ref().is_some_and(|r| r.contains(&i));
        let spans: Vec<Span> = row
            .pieces
            .iter()
            .map(|p| {
                let style = match p.tone {
                    Tone::Heading => theme.title,
                    Tone::Plain => Style::new(),
                    Tone::Dim => theme.dim,
                    Tone::Quote => Style::new().add_modifier(Modifier::ITALIC),
                    Tone::Entity(kind) => theme.kind(kind),
                };
                Span::styled(p.text.as_str(), if on_cursor { style.patch(theme.cursor) } else { style })
            })
            .collect();
        frame.render_widget(Line::from(spans), Rect::new(inner.x, y, inner.width, 1));
    }
    scrollbar(frame, area, view.rows.len(), height, view.top);
}
