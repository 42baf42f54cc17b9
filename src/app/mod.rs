//! The reader's state and how actions change it. No terminal here: `update` is a plain
//! function of state and action, so every behaviour is testable without a screen.

mod copy;
mod corrections;
mod dossier;
mod effect;
mod entity_pane;
mod filters;
mod folds;
mod followed;
mod help;
mod jumps;
mod list;
mod marks;
mod mention_cursor;
mod mode;
mod mouse;
mod order;
mod picker;
mod reader;
mod router;
mod scroll;
mod search;
mod search_runner;
mod split_menu;

pub use crate::dossier::layout::{Piece, Row as DossierRow, Target, Tone};
pub use crate::keys::{Action, Key, Keymap};
pub use corrections::CorrectionAsk;
pub use dossier::DossierView;
pub use effect::Effect;
pub use entity_pane::EntityPane;
pub use filters::Filters;
pub use followed::Followed;
pub use help::{HelpRow, help_rows};
pub use jumps::{Jumps, Place};
pub use list::ListPane;
pub use mode::{DossierPane, Overlay, Phase};
pub use mouse::mouse_action;
pub use order::Sort;
pub use picker::EntityPicker;
pub use reader::ReaderPane;
pub use scroll::Scroll;
pub use search::{Hit, Search};
pub use search_runner::{SearchReport, SearchRequest, SearchRunner};
pub use split_menu::{SplitChoice, SplitMenu};

use std::sync::Arc;

use ratatui::layout::Rect;

use crate::corpus::Corpus;
use crate::entities::{EntityId, Index, MentionRef};
use crate::fold::Fold;
use crate::layout::{Layout, Panes};
use folds::folded_mention;
use marks::ReadMarks;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Reader,
    Entities,
}

impl Focus {
    pub fn name(self) -> &'static str {
        match self {
            Focus::List => "Articles",
            Focus::Reader => "Reader",
            Focus::Entities => "Entities",
        }
    }
}

/// Which entities the entity pane lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Article,
    Corpus,
}

pub struct App {
    pub corpus: Arc<Corpus>,
    /// Entities and mentions; empty until the index is built (see `phase`).
    pub index: Arc<Index>,
    /// Loading, indexing, finding quotes, or ready.
    phase: Phase,
    focus: Focus,
    list: ListPane,
    reader: ReaderPane,
    entities: EntityPane,
    followed: Followed,
    /// What narrows the list.
    filters: Filters,
    /// The search, while one is typed or stepped through; `n`/`N` belong to it then.
    search: Option<Search>,
    /// Where the search being typed started: Esc returns there, Enter records it as a jump.
    search_origin: Option<Place>,
    /// Places jumped from, for Ctrl-O, and back from, for the forward key.
    jumps: Jumps,
    /// Where searches run: inline unless the event loop gives a worker thread.
    search_runner: SearchRunner,
    /// The generation of the newest search started.
    search_generation: u64,
    /// Help, the log or the dossier, over the panes.
    overlay: Overlay,
    /// The first row of help shown.
    help_top: usize,
    /// The dossier last left by following one of its items: `i` reopens it as it was.
    left_dossier: Option<Box<DossierPane>>,
    /// Text to put on the terminal's clipboard: the event loop takes it and sends it.
    clipboard: Option<String>,
    should_quit: bool,
    /// A one-off note for the status line, cleared by the next action.
    message: Option<String>,
    /// The screen and where its panes are (none when it is too small for them).
    layout: Layout,
    /// Read marks, stars and the reading place, and what is still to be saved.
    marks: ReadMarks,
    /// The user has pressed something: a restored place no longer moves the reader.
    touched: bool,
    /// Folds the user opened: (article, first byte of the run).
    expanded: rustc_hash::FxHashSet<(usize, usize)>,
    /// Every article's runs of repeated paragraphs, once found in the background.
    repeats: Vec<Vec<Fold>>,
    /// The keys in effect: the event loop maps presses with it, help and hints show it.
    keymap: Keymap,
    /// The entity marked for a merge, and a correction for the event loop to make.
    corrections: corrections::CorrectionKeys,
    /// Rows an article takes in the list: 2 (title; source · date), or 1 when no article
    /// has a source or a date (the second row would say "undated" for every one).
    list_item_rows: usize,
    /// The articles come from several folders (sections): the list shows each one's.
    several_folders: bool,
}

impl App {
    /// A reader on `corpus` and its `index`, laid out for a terminal of `width` × `height`.
    pub fn new(corpus: Corpus, index: Index, width: u16, height: u16) -> App {
        let mut app = App::indexing(Arc::new(corpus), width, height);
        let quotes = crate::dossier::QuoteIndex::build(&app.corpus, &index);
        app.index_ready(Arc::new(index));
        app.quotes_ready(Arc::new(quotes));
        let repeats = crate::fold::repeated_runs_of_all(&app.corpus);
        app.repeats_ready(repeats);
        app
    }

    /// A reader on `corpus` whose index is still being built: the list and the reader work,
    /// entities and mentions wait for [`App::index_ready`].
    pub fn indexing(corpus: Arc<Corpus>, width: u16, height: u16) -> App {
        let list = ListPane::new((0..corpus.articles.len()).collect());
        let notes = corpus.notes();
        let mut app = App {
            corpus,
            index: Arc::default(),
            phase: Phase::Indexing(0),
            focus: Focus::List,
            list,
            reader: ReaderPane::default(),
            entities: EntityPane::default(),
            followed: Followed::default(),
            filters: Filters::default(),
            search: None,
            search_origin: None,
            jumps: Jumps::default(),
            search_runner: SearchRunner::Inline,
            search_generation: 0,
            overlay: Overlay::None,
            left_dossier: None,
            help_top: 0,
            clipboard: None,
            should_quit: false,
            message: (!notes.is_empty()).then(|| notes.join(" · ")),
            layout: Layout::default(),
            marks: ReadMarks::default(),
            touched: false,
            expanded: Default::default(),
            repeats: Vec::new(),
            keymap: Keymap::default(),
            corrections: Default::default(),
            list_item_rows: 1,
            several_folders: false,
        };
        app.list_item_rows = item_rows(&app.corpus.articles);
        app.several_folders = several_folders(app.corpus.articles.first(), &app.corpus.articles);
        app.marks.add_keys(&app.corpus.articles);
        app.resize(width, height);
        app.open_article(0);
        app
    }

    /// A reader that fills as `total` files are read in the background (see [`App::append`]).
    pub fn loading(total: usize, width: u16, height: u16) -> App {
        let mut app = App::indexing(Arc::new(Corpus::default()), width, height);
        app.phase = Phase::Loading { read: 0, total };
        app
    }

    /// More articles, read in the background, join the end of the list.
    pub fn append(&mut self, part: Corpus, files_read: usize) {
        // Only a search shares the corpus while it loads: stop it, then go on with it below.
        if Arc::strong_count(&self.corpus) > 1 {
            self.search_runner.release();
        }
        let corpus = Arc::get_mut(&mut self.corpus).expect("the corpus is not shared while it loads");
        let first_new = corpus.articles.len();
        corpus.extend(part);
        let new = first_new..corpus.articles.len();
        self.list_item_rows = self.list_item_rows.max(item_rows(&self.corpus.articles[new.clone()]));
        // Only the new articles are compared, with the first one: no pass over the corpus.
        self.several_folders =
            self.several_folders || several_folders(self.corpus.articles.first(), &self.corpus.articles[new.clone()]);
        self.marks.add_keys(&self.corpus.articles);
        // Lists narrowed by a filter take only what qualifies; a sort waits for the end.
        if self.filters.entity.is_none() && !self.filters.search {
            let starred = |a: &usize| !self.filters.starred || self.marks.is_starred(*a);
            self.list.extend(new.filter(starred));
        }
        if let Phase::Loading { read, .. } = &mut self.phase {
            *read += files_read;
        }
        if first_new == 0 && !self.corpus.articles.is_empty() {
            self.open_article(0);
        }
        self.restore_place(first_new);
        self.search_new_articles();
    }

    /// Every file is read; what follows is indexing.
    pub fn loaded(&mut self) {
        self.phase = Phase::Indexing(0);
        let notes = self.corpus.notes();
        if self.corpus.articles.is_empty() {
            self.message = Some("no article could be read: L lists why".into());
        } else if !notes.is_empty() {
            self.message = Some(notes.join(" · "));
        }
    }

    /// The index is built: entities and mentions work from now on.
    pub fn index_ready(&mut self, index: Arc<Index>) {
        self.index = index;
        if !self.phase.indexed() {
            self.phase = Phase::FindingQuotes;
        }
        self.refresh_entity_rows();
    }

    /// Every article's quotes, found in the background after the index.
    pub fn quotes_ready(&mut self, quotes: Arc<crate::dossier::QuoteIndex>) {
        self.phase = Phase::Ready(quotes);
    }

    /// How far the index is built, while it is built.
    pub fn indexing_progress(&mut self, percent: usize) {
        if let Phase::Indexing(p) = &mut self.phase {
            *p = percent;
        }
    }

    pub fn phase(&self) -> &Phase {
        &self.phase
    }

    /// Every article's quotes, once found.
    pub fn quotes(&self) -> Option<&Arc<crate::dossier::QuoteIndex>> {
        match &self.phase {
            Phase::Ready(quotes) => Some(quotes),
            _ => None,
        }
    }

    pub fn overlay(&self) -> &Overlay {
        &self.overlay
    }

    /// The dossier pane's view, when it is open (under help too).
    pub fn dossier(&self) -> Option<&DossierView> {
        self.overlay.dossier().map(|d| &d.view)
    }

    /// Every article's repeated runs, found in the background.
    pub fn repeats_ready(&mut self, repeats: Vec<Vec<Fold>>) {
        self.repeats = repeats;
        self.count_shown_mentions();
    }

    pub fn focus(&self) -> Focus {
        self.focus
    }

    /// The entity `n`/`N` follow.
    pub fn selected(&self) -> Option<EntityId> {
        self.followed.selected()
    }

    /// The mention `n`/`N` last landed on.
    pub fn current(&self) -> Option<MentionRef> {
        self.followed.current()
    }

    /// Follows `entity` (or none) from its first mention on, as Enter on it would without
    /// the jump.
    pub fn select(&mut self, entity: Option<EntityId>) {
        self.followed.follow(entity);
        self.refresh_entity_rows();
        self.count_shown_mentions();
    }

    /// The keys in effect, as help and the hints show them.
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// Reads keys with `keymap` from now on (the config's).
    pub fn set_keymap(&mut self, keymap: Keymap) {
        self.keymap = keymap;
    }

    /// Runs searches with `runner` from now on (the event loop gives a worker thread).
    pub fn set_search_runner(&mut self, runner: SearchRunner) {
        self.search_runner = runner;
    }

    /// The one-off note for the status line, if any.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The user asked to quit.
    pub fn should_quit(&self) -> bool {
        self.should_quit
    }

    /// Text for the terminal's clipboard, once: the event loop sends it.
    pub fn take_clipboard(&mut self) -> Option<String> {
        self.clipboard.take()
    }

    /// A note for the status line from outside (the state file, a save), until the next action.
    pub fn note(&mut self, note: Option<String>) {
        if note.is_some() {
            self.message = note;
        }
    }

    /// Whether entities can be used yet; says so in the status line when not.
    fn indexed(&mut self) -> bool {
        if let Some(progress) = self.progress_note() {
            self.message = Some(format!("{progress} entities and mentions follow when it is done"));
        }
        self.phase.indexed()
    }

    /// "loading 40%…" or "indexing 61%…" while work goes on in the background.
    pub fn progress_note(&self) -> Option<String> {
        self.phase.progress_note()
    }

    /// "finding quotes…" between the index and the dossiers being ready.
    pub fn quotes_note(&self) -> Option<&'static str> {
        matches!(self.phase, Phase::FindingQuotes).then_some("finding quotes…")
    }

    /// Carries out `action`; a jump records where the reader was (see [`Jumps`]).
    pub fn update(&mut self, action: Action) {
        let from = is_jump(action).then(|| self.here());
        self.act(action);
        if let Some(from) = from {
            self.record_jump(from);
        }
    }

    /// The places jumped from and back from.
    pub fn jumps(&self) -> &Jumps {
        &self.jumps
    }

    fn act(&mut self, action: Action) {
        self.message = None;
        if !matches!(action, Action::Resize(..)) {
            self.touched = true;
        }
        if self.overlay.is_popup() && !matches!(action, Action::Resize(..) | Action::Quit) {
            // An overlay takes every key; the ones that close it close it, help scrolls.
            let page = self.help_height() as isize - 1;
            match action {
                Action::Back | Action::ToggleHelp | Action::ToggleLog | Action::ShowCorrections => {
                    self.overlay.close_popup()
                }
                Action::Down if self.overlay.scrolls() => self.scroll_help(1),
                Action::Up if self.overlay.scrolls() => self.scroll_help(-1),
                Action::PageDown if self.overlay.scrolls() => self.scroll_help(page.max(1)),
                Action::PageUp if self.overlay.scrolls() => self.scroll_help(-page.max(1)),
                Action::First if self.overlay.scrolls() => self.scroll_help(isize::MIN / 2),
                Action::Last if self.overlay.scrolls() => self.scroll_help(isize::MAX / 2),
                _ => {}
            }
            return;
        }
        if self.corrections.typing() && !matches!(action, Action::Resize(..)) {
            self.correction_prompt_key(action);
            return;
        }
        if self.corrections.split_menu().is_some() && !matches!(action, Action::Resize(..)) {
            self.split_menu_key(action);
            return;
        }
        if self.overlay.dossier().is_some() && self.dossier_action(action) {
            return;
        }
        if matches!(self.overlay, Overlay::Picker(_)) && !matches!(action, Action::Resize(..) | Action::Quit) {
            self.picker_action(action);
            return;
        }
        match action {
            Action::FocusNext => self.focus = next_focus(self.focus, 1),
            Action::FocusPrev => self.focus = next_focus(self.focus, 2),
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::First => self.move_by(isize::MIN / 2),
            Action::Last => self.move_by(isize::MAX / 2),
            Action::PageUp => self.scroll_reader(-(self.page() as isize)),
            // Space (or PgDn) at the end of an article moves on, as in mutt, newsboat and less.
            Action::PageDown if self.reader.at_end(self.reader_size().1) => self.step_unread(true),
            Action::PageDown => self.scroll_reader(self.page() as isize),
            Action::Activate => self.activate(),
            Action::NextMention | Action::PrevMention if self.searching() => {
                self.step_match(action == Action::NextMention)
            }
            Action::NextMention if self.indexed() => self.step_mention(true),
            Action::PrevMention if self.indexed() => self.step_mention(false),
            Action::SelectNearest if self.indexed() => {
                if !self.select_cursor_mention() {
                    self.select_nearest();
                }
            }
            Action::NextOnScreen if self.indexed() => self.step_cursor_mention(true),
            Action::PrevOnScreen if self.indexed() => self.step_cursor_mention(false),
            Action::NextOnScreen | Action::PrevOnScreen => {}
            Action::NextUnread => self.step_unread(true),
            Action::PrevUnread => self.step_unread(false),
            Action::ToggleFilter if self.indexed() => self.toggle_filter(),
            Action::NextMention | Action::PrevMention | Action::SelectNearest | Action::ToggleFilter => {}
            Action::ToggleScope => {
                self.entities.toggle_scope();
                self.refresh_entity_rows();
            }
            Action::ToggleHelp => {
                self.help_top = 0;
                self.overlay = match std::mem::take(&mut self.overlay) {
                    Overlay::Dossier(d) => Overlay::Help(Some(d)),
                    _ => Overlay::Help(None),
                }
            }
            Action::ToggleLog => self.overlay = Overlay::Log,
            Action::ShowCorrections => {
                self.help_top = 0;
                self.overlay = Overlay::Corrections;
            }
            Action::CorrectMerge
            | Action::CorrectSplit
            | Action::CorrectKind
            | Action::CorrectNever
            | Action::CorrectNone
            | Action::CorrectRename
            | Action::CorrectUndo => self.correction_key(action),
            Action::Back => self.back_out(),
            Action::Quit => self.should_quit = true,
            // The event loop suspends; nothing changes here.
            Action::Suspend => {}
            Action::JumpBack => self.jump(true),
            Action::JumpForward => self.jump(false),
            Action::StartSearch => {
                self.search_runner.cancel();
                self.search_origin = Some(self.here());
                self.search = Some(Search { editing: true, done: true, ..Search::default() });
            }
            Action::SearchChar(c) => self.edit_search(|q| q.push(c)),
            Action::SearchBackspace => self.edit_search(|q| {
                q.pop();
            }),
            Action::SearchDone => {
                // Enter keeps the place found; where the search started is a jump back.
                if let Some(origin) = self.search_origin.take() {
                    self.record_jump(origin);
                }
                if let Some(search) = &mut self.search {
                    search.editing = false;
                    if search.done && search.hits.is_empty() {
                        self.message = Some(format!("no match for {:?}", search.query));
                    }
                }
            }
            Action::FilterSearch => self.toggle_search_filter(),
            Action::ClearFilters => self.clear_filters(),
            Action::Copy => {
                if let Some(article) = self.corpus.articles.get(self.reader.open()) {
                    let (text, message) = copy::clipboard_text(article);
                    self.clipboard = text;
                    self.message = Some(message);
                }
            }
            Action::ToggleRead => {
                let read = self.is_read(self.reader.open());
                self.marks.set_read(self.reader.open(), !read);
            }
            Action::ToggleStar => self.toggle_star(),
            Action::StarredOnly => {
                self.filters.starred = !self.filters.starred;
                self.relist();
                if self.filters.starred && self.list.visible().is_empty() {
                    self.message = Some("no starred article: s stars the open one".into());
                }
            }
            Action::CycleSort => self.cycle_sort(),
            Action::PickEntity if self.indexed() => {
                self.overlay = Overlay::Picker(Box::new(EntityPicker::new(&self.index)));
            }
            Action::PickEntity => {}
            Action::Dossier if self.indexed() => self.open_dossier(),
            Action::Dossier => {}
            Action::Click { column, row } => self.click(column, row),
            Action::Wheel { column, row, down } => self.wheel(column, row, down),
            Action::Resize(w, h) => self.resize(w, h),
        }
        if self.reads(action) {
            self.marks.set_read(self.reader.open(), true);
        }
        self.count_shown_mentions();
    }

    /// Whether the action shows the open article to be read: opening it, scrolling it,
    /// or jumping into it. Moving the list cursor over titles does not.
    fn reads(&self, action: Action) -> bool {
        match action {
            Action::Activate
            | Action::PageUp
            | Action::PageDown
            | Action::NextMention
            | Action::PrevMention
            | Action::NextUnread
            | Action::PrevUnread => true,
            Action::Click { .. } | Action::Wheel { .. } => self.focus == Focus::Reader,
            // Tab into the reader only shows it: reading is scrolling, n, Enter.
            Action::Up | Action::Down | Action::First | Action::Last => self.focus == Focus::Reader,
            _ => false,
        }
    }

    // ----- layout -----

    fn resize(&mut self, width: u16, height: u16) {
        self.layout = Layout::new(Rect::new(0, 0, width, height));
        let text_width = self.reader_size().0;
        if let Some(d) = self.overlay.dossier_mut()
            && d.view.width != text_width.max(10)
        {
            d.view.layout(&self.corpus, &self.index, text_width);
        }
        let height = self.reader_size().1;
        self.reader.rewrap_in_place(self.corpus.articles.get(self.reader.open()), self.wrap_width(), height);
        self.list.fit(self.list_capacity());
        self.entities.fit(self.entity_capacity());
    }

    /// The width to wrap the reader at; None when the panes cannot be laid out.
    fn wrap_width(&self) -> Option<usize> {
        self.layout.panes.map(|p| p.reader_text_size().0)
    }

    /// The screen laid out at the last resize: what the UI draws in.
    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// Where the panes are; None when the terminal is too small to lay them out.
    pub fn panes(&self) -> Option<Panes> {
        self.layout.panes
    }

    /// Reader text columns and rows (0 × 0 when nothing can be laid out).
    pub fn reader_size(&self) -> (usize, usize) {
        self.layout.panes.map_or((0, 0), |p| p.reader_text_size())
    }

    fn page(&self) -> usize {
        self.reader_size().1.saturating_sub(1).max(1)
    }

    /// List items shown at once.
    pub fn list_capacity(&self) -> usize {
        self.layout.panes.map_or(1, |p| (p.list_rows() / self.list_item_rows).max(1))
    }

    /// Rows an article takes in the list (see `list_item_rows`).
    pub fn list_item_rows(&self) -> usize {
        self.list_item_rows
    }

    /// The folder to show beside an article in the list: only when the articles come from
    /// several.
    pub fn shown_folder<'a>(&self, article: &'a crate::corpus::Article) -> Option<&'a str> {
        if self.several_folders { article.folder() } else { None }
    }

    pub fn entity_capacity(&self) -> usize {
        self.layout.panes.map_or(1, |p| p.entity_rows().max(1))
    }

    // ----- the panes, and what they ask of each other -----

    pub fn list(&self) -> &ListPane {
        &self.list
    }

    pub fn reader(&self) -> &ReaderPane {
        &self.reader
    }

    pub fn entities(&self) -> &EntityPane {
        &self.entities
    }

    pub fn followed(&self) -> &Followed {
        &self.followed
    }

    pub fn filters(&self) -> &Filters {
        &self.filters
    }

    /// The search, while one is typed or stepped through.
    pub fn search(&self) -> Option<&Search> {
        self.search.as_ref()
    }

    /// What a pane asked for, done.
    fn apply(&mut self, effect: Option<Effect>) {
        match effect {
            Some(Effect::Open(article)) => self.open_article(article),
            Some(Effect::ScrollTo(field, offset)) => self.reader.scroll_to(field, offset, self.reader_size().1),
            Some(Effect::Note(note)) => self.message = Some(note),
            None => {}
        }
    }

    // ----- moving -----

    fn move_by(&mut self, delta: isize) {
        match self.focus {
            Focus::List => {
                let effect = self.list.move_by(delta, self.list_capacity());
                self.apply(effect);
            }
            Focus::Reader => self.scroll_reader(delta),
            Focus::Entities => self.entities.move_by(delta, &self.index, self.entity_capacity()),
        }
    }

    fn scroll_reader(&mut self, delta: isize) {
        self.reader.scroll_by(delta, self.reader_size().1);
    }

    /// Shows article `article` in the reader from the top, and refreshes the entity pane.
    fn open_article(&mut self, article: usize) {
        if article >= self.corpus.articles.len() {
            return;
        }
        self.reader.show(article, self.folds_of(article));
        self.reader.rewrap(self.corpus.articles.get(article), self.wrap_width());
        self.list.follow(article, self.list_capacity());
        if self.entities.scope() == Scope::Article {
            self.refresh_entity_rows();
        }
    }

    /// The entity pane's rows (entity, mentions): the open article's, or the whole corpus's.
    pub fn entity_rows(&self) -> &[(EntityId, usize)] {
        self.entities.rows(&self.index)
    }

    fn refresh_entity_rows(&mut self) {
        // Mentions in folded repeats are not counted twice.
        let folds = self.reader.folds();
        let shown = self.index.mentions_in(self.reader.open()).iter().filter(|m| !folded_mention(folds, m));
        self.entities.refresh(&self.index, shown, self.followed.selected(), self.entity_capacity());
    }

    fn activate(&mut self) {
        match self.focus {
            Focus::List => self.focus = Focus::Reader,
            Focus::Entities => {
                if let Some(entity) = self.entities.under_cursor(&self.index) {
                    self.first_mention(entity);
                    self.refresh_entity_rows();
                }
            }
            // Enter in the reader acts on the mention under the cursor, or a fold, only.
            Focus::Reader => {
                if !self.select_cursor_mention() {
                    match self.reader.fold_in_view(self.reader_size().1) {
                        Some(fold) => self.expand(fold),
                        None => {
                            let keys = [Action::NextOnScreen, Action::PrevOnScreen]
                                .map(|a| self.keymap.keys_of(a).first().map_or("—".to_string(), Key::label));
                            self.message = Some(format!(
                                "Enter acts on a mention under the cursor ({}/{} move it) or a fold",
                                keys[0], keys[1]
                            ));
                        }
                    }
                }
            }
        }
    }

    // ----- mentions -----

    /// `n` / `N`: the next (previous) mention of the selected entity in reading order,
    /// across articles in the list, wrapping at the ends.
    fn step_mention(&mut self, forward: bool) {
        let Some(entity) = self.followed.selected() else {
            self.message = Some("no entity selected: press Enter on one in the entity pane, or *".into());
            return;
        };
        let refs = &self.index.entity_mentions[entity as usize];
        let open = self.reader.open();
        // From the last mention visited if it is in the open article, else from the reader's top.
        let (at, on_it) = match self.followed.current() {
            Some(c) if c.article as usize == open && self.index.mention(c).entity == entity => {
                refs.binary_search(&c).map_or_else(|i| (i, false), |i| (i, true))
            }
            _ => {
                let first_shown = self.reader.first_shown_mention(self.index.mentions_in(open));
                (refs.partition_point(|r| (r.article as usize, r.mention) < (open, first_shown)), false)
            }
        };
        self.walk_mentions(entity, at, on_it, forward);
    }

    /// Keys while the `@` picker is open: typing narrows it, Enter goes to the entity.
    fn picker_action(&mut self, action: Action) {
        let Overlay::Picker(picker) = &mut self.overlay else { return };
        match action {
            Action::SearchChar(c) => picker.push(c),
            Action::SearchBackspace => picker.backspace(),
            Action::Up => picker.move_by(-1),
            Action::Down => picker.move_by(1),
            Action::PageUp => picker.move_by(-10),
            Action::PageDown => picker.move_by(10),
            Action::Back => self.overlay = Overlay::None,
            Action::Activate => match picker.chosen() {
                Some(entity) => {
                    self.overlay = Overlay::None;
                    if !self.merge_picked(entity) {
                        self.go_to_entity(entity);
                    }
                }
                None => self.message = Some("no entity matches: Backspace, or Esc to close".into()),
            },
            _ => self.message = Some("in the picker: type a name, ↑/↓ move, Enter goes there, Esc closes".into()),
        }
    }

    /// Selects `entity` and shows its first mention, with the filters off if they hide it.
    fn go_to_entity(&mut self, entity: EntityId) {
        let first = self.index.entity_mentions[entity as usize].first().map(|r| r.article as usize);
        if first.is_some_and(|a| self.list.position(a).is_none()) {
            self.filters = Filters::default();
            self.relist();
        }
        self.first_mention(entity);
        self.focus = Focus::Reader;
        self.refresh_entity_rows();
    }

    /// Enter on an entity (or the picker): its first mention in reading order, in the list.
    fn first_mention(&mut self, entity: EntityId) {
        self.followed.follow(Some(entity));
        self.walk_mentions(entity, 0, false, true);
    }

    /// Goes to the next (previous) listed, shown mention of `entity` from its mention `at`
    /// (past it when `on_it`), walking round the ring of its mentions; says so on wrapping.
    fn walk_mentions(&mut self, entity: EntityId, at: usize, on_it: bool, forward: bool) {
        let refs = &self.index.entity_mentions[entity as usize];
        let open = self.reader.open();
        // With a filter on another entity, only mentions in listed articles count.
        let every = self.filters.entity.is_none_or(|f| f == entity) && !self.filters.search && !self.filters.starred;
        let listed = |r: &MentionRef| every || self.list.position(r.article as usize).is_some();
        let n = refs.len();
        let from = at + usize::from(on_it);
        let ring = |k: usize| if forward { (from + k) % n } else { (at + 2 * n - 1 - k) % n };
        // Mentions in folded repeats are skipped; each article's folds are found once.
        let mut folds: (u32, Vec<Fold>) = (open as u32, self.reader.folds().to_vec());
        let mut shown = |r: &MentionRef| {
            if r.article != folds.0 {
                folds = (r.article, self.folds_of(r.article as usize));
            }
            !folded_mention(&folds.1, self.index.mention(*r))
        };
        let Some(i) = (0..n).map(ring).find(|&i| listed(&refs[i]) && shown(&refs[i])) else {
            self.message = Some(format!("{} is not mentioned in the listed articles", self.index.entity(entity).name));
            return;
        };
        let wrapped = if forward { i < from } else { i >= at };
        self.go_to_mention(refs[i]);
        if wrapped {
            let which = if forward { "first" } else { "last" };
            self.message = Some(format!("wrapped to the {which} mention"));
        }
    }

    fn go_to_mention(&mut self, r: MentionRef) {
        if r.article as usize != self.reader.open() {
            self.open_article(r.article as usize);
        }
        self.followed.step_to(r);
        let m = *self.index.mention(r);
        self.apply(Some(Effect::ScrollTo(m.field, m.start as usize)));
        if self.entities.scope() == Scope::Article {
            self.refresh_entity_rows();
        }
    }

    /// `*`: select the entity of the first mention shown in the reader (or the last one
    /// above it when none is shown).
    fn select_nearest(&mut self) {
        let open = self.reader.open();
        let mentions = self.index.mentions_in(open);
        let first = self.reader.first_shown_mention(mentions) as usize;
        let shown = mentions.get(first).filter(|m| self.reader.shows(m, self.reader_size().1));
        let pick = if shown.is_some() { Some(first) } else { first.checked_sub(1) };
        match pick {
            Some(i) => {
                self.followed.land(mentions[i].entity, MentionRef { article: open as u32, mention: i as u32 });
                self.refresh_entity_rows();
            }
            None => self.message = Some("no entity in view".into()),
        }
    }

    /// `f`: list only the articles naming the selected entity; again to list all.
    fn toggle_filter(&mut self) {
        let selected = self.followed.selected();
        // Again on the same entity lists all; on another one it replaces the filter.
        if self.filters.entity.is_some() && (self.filters.entity == selected || selected.is_none()) {
            self.filters.entity = None;
            self.relist();
        } else if let Some(entity) = selected {
            self.filters.search = false;
            self.filters.entity = Some(entity);
            self.relist();
        } else {
            self.message = Some("no entity selected to filter by".into());
        }
    }

    // ----- search -----

    /// A search with matches is active: `n`/`N` step through them.
    fn searching(&self) -> bool {
        self.search.as_ref().is_some_and(|s| !s.hits.is_empty())
    }

    /// Changes the query and starts finding its matches; the first one at or after the
    /// reader's position is shown when it is found (see [`App::search_report`]). A query
    /// that contains the last one, with the same case rule, is looked for only in the
    /// articles that had a match.
    fn edit_search(&mut self, edit: impl FnOnce(&mut String)) {
        let Some(search) = &mut self.search else { return };
        let before = search.query.clone();
        edit(&mut search.query);
        let narrow = search.done
            && !before.is_empty()
            && search.query.contains(&before)
            && search::case_sensitive(&before) == search::case_sensitive(&search.query);
        let articles = std::mem::take(&mut search.articles);
        let (listed, tail): (Arc<[usize]>, _) = if narrow {
            (articles.into(), search.tail.end..self.corpus.articles.len())
        } else {
            (Arc::default(), 0..self.corpus.articles.len())
        };
        search.hits = Vec::new();
        search.current = None;
        // A list filtered by the search follows the new matches as they come.
        if self.filters.search {
            self.relist();
        }
        self.start_search(listed, tail);
    }

    /// Asks for the search's matches in `listed`, then `tail`, as a new generation: the
    /// hits found so far stay, the new ones join them.
    fn start_search(&mut self, listed: Arc<[usize]>, tail: std::ops::Range<usize>) {
        let Some(search) = &mut self.search else { return };
        self.search_generation += 1;
        search.generation = self.search_generation;
        search.done = false;
        search.through = listed.first().copied().unwrap_or(tail.start);
        search.listed = Arc::clone(&listed);
        search.tail = tail.clone();
        let request = SearchRequest {
            generation: search.generation,
            query: search.query.clone(),
            corpus: Arc::clone(&self.corpus),
            listed,
            tail,
        };
        for report in self.search_runner.start(request) {
            self.search_report(report);
        }
    }

    /// Articles that joined while loading: a finished search looks in them too, an
    /// unfinished one (stopped so that they could join) goes on from where it was.
    fn search_new_articles(&mut self) {
        let Some(search) = &self.search else { return };
        if search.query.is_empty() {
            return;
        }
        let end = self.corpus.articles.len();
        let (listed, tail): (Arc<[usize]>, _) = if search.done {
            (Arc::default(), search.tail.end..end)
        } else {
            let rest = &search.listed[search.listed.partition_point(|&a| a < search.through)..];
            (rest.into(), search.tail.start.max(search.through)..end)
        };
        self.start_search(listed, tail);
    }

    /// Matches found by the search: those of an older generation are dropped. The first
    /// match at or after the reader's position is shown once it is found (the first match
    /// of all when the search ends without one after it).
    pub fn search_report(&mut self, report: SearchReport) {
        let Some(search) = &mut self.search else { return };
        if report.generation != search.generation {
            return;
        }
        let found_articles = !report.articles.is_empty();
        search.hits.extend(report.hits);
        search.articles.extend(report.articles);
        search.through = report.through;
        search.done = report.done;
        let mut hit = None;
        if search.current.is_none() && !search.hits.is_empty() {
            let here = self.reader.anchor().unwrap_or((crate::corpus::Field::Title, 0));
            let first = search.hits.partition_point(|h| {
                (h.article as usize, h.field, h.start as usize) < (self.reader.open(), here.0, here.1)
            });
            if first < search.hits.len() || search.done {
                search.current = Some(first % search.hits.len());
                hit = search.current.map(|i| search.hits[i]);
            }
        }
        let nothing = search.done && search.hits.is_empty();
        if nothing && !search.editing {
            self.message = Some(format!("no match for {:?}", search.query));
        }
        if self.filters.search && nothing {
            self.filters.search = false;
            self.relist();
            self.message = Some("no search matches to filter by: / to search".into());
        } else if self.filters.search && found_articles {
            self.relist();
        }
        if let Some(hit) = hit {
            self.go_to_hit(hit);
        }
        self.count_shown_mentions();
    }

    /// Text pasted into the terminal (bracketed paste): while a search is typed it joins
    /// the query as text, one search for the whole paste; elsewhere it is no command and
    /// does nothing, so a pasted `q` never quits.
    pub fn paste(&mut self, text: &str) {
        self.message = None;
        let typing = self.search.as_ref().is_some_and(|s| s.editing) && !self.overlay.is_popup();
        if !typing {
            self.message = Some("pasted text is taken only by the search (/)".into());
            return;
        }
        // Line breaks and tabs become spaces (a query is one line); other controls and
        // bidi overrides become visible stand-ins, as in article text.
        let line: String = text.chars().map(|c| if matches!(c, '\n' | '\r' | '\t') { ' ' } else { c }).collect();
        let text = crate::corpus::sanitize(&line);
        self.edit_search(|q| q.push_str(&text));
        self.count_shown_mentions();
    }

    /// `u` / `U` (and Space at the end of an article): the next (previous) unread article
    /// in the list, wrapping at the ends.
    fn step_unread(&mut self, forward: bool) {
        let visible = self.list.visible();
        let n = visible.len();
        let at = self.list.position(self.reader.open()).unwrap_or(0);
        let ring = |k: usize| if forward { (at + 1 + k) % n.max(1) } else { (at + 2 * n - 1 - k) % n.max(1) };
        let Some(k) = (0..n.saturating_sub(1)).find(|&k| !self.is_read(visible[ring(k)])) else {
            self.message = Some("no other unread article in the list".into());
            return;
        };
        let (i, article) = (ring(k), visible[ring(k)]);
        self.open_article(article);
        self.focus = Focus::Reader;
        if forward && i < at || !forward && i > at {
            self.message = Some(format!("wrapped to the {} of the list", if forward { "top" } else { "bottom" }));
        }
    }

    /// Esc: clears a search (handing n/N back to the selected entity), else the filters;
    /// with nothing to back out of it says how to quit, and never quits.
    fn back_out(&mut self) {
        if self.search.is_some() {
            // Esc while typing returns to where the search started, as vim's incsearch.
            let typing = self.search.as_ref().is_some_and(|s| s.editing);
            self.clear_search();
            if let Some(origin) = self.search_origin.take().filter(|_| typing) {
                self.go_to_place(origin);
            }
        } else if self.filters != Filters::default() {
            self.clear_filters();
        } else {
            let quit = self.keymap.keys_of(Action::Quit).first().map_or("Ctrl-C".into(), Key::label);
            self.message = Some(format!("nothing to back out of: {quit} quits"));
        }
    }

    /// `F` (or Esc): every filter off, every article listed.
    fn clear_filters(&mut self) {
        if self.filters == Filters::default() {
            self.message = Some("no filter is on".into());
            return;
        }
        self.filters = Filters::default();
        self.relist();
        self.message = Some("filters cleared: every article listed".into());
    }

    fn clear_search(&mut self) {
        self.search_runner.cancel();
        self.search = None;
        if std::mem::take(&mut self.filters.search) {
            self.relist();
        }
    }

    /// `n` / `N` with a search: the next (previous) match, across articles in the list,
    /// wrapping at the ends.
    fn step_match(&mut self, forward: bool) {
        let Some(search) = &mut self.search else { return };
        let n = search.hits.len();
        let at = search.current.unwrap_or(0);
        let next = if forward { (at + 1) % n } else { (at + n - 1) % n };
        search.current = Some(next);
        let hit = search.hits[next];
        self.go_to_hit(hit);
    }

    fn go_to_hit(&mut self, hit: Hit) {
        if hit.article as usize != self.reader.open() {
            self.open_article(hit.article as usize);
        }
        // A match inside folded repeats opens them.
        if hit.field == crate::corpus::Field::Body
            && let Some(&fold) = self.reader.folds().iter().find(|f| f.range().contains(&(hit.start as usize)))
        {
            self.expand(fold);
        }
        self.apply(Some(Effect::ScrollTo(hit.field, hit.start as usize)));
    }

    /// `&`: list only the articles with a match; again to list all.
    fn toggle_search_filter(&mut self) {
        if std::mem::take(&mut self.filters.search) {
            self.relist();
            return;
        }
        if !self.searching() {
            self.message = Some("no search matches to filter by: / to search".into());
            return;
        }
        self.filters.entity = None;
        self.filters.search = true;
        self.relist();
    }

    /// `match 3/41 · article 2/17`, or the query being typed.
    pub fn search_status(&self) -> Option<String> {
        let search = self.search.as_ref()?;
        // While it runs, the count so far.
        let searching = if search.done { "" } else { "searching… " };
        if search.editing {
            return Some(format!("/{}▏ {searching}{} matches", search.query, search.hits.len()));
        }
        let Some(current) = search.current else {
            return (!search.done).then(|| format!("{searching}{} matches", search.hits.len()));
        };
        let articles = &search.articles;
        let article = articles.binary_search(&(search.hits[current].article as usize)).map_or(0, |i| i + 1);
        Some(format!("match {}/{} · article {article}/{}", current + 1, search.hits.len(), articles.len()))
    }

    // ----- what the status line says -----

    /// `Vladimir Putin · mention 4/23 · article 3/5` for the selected entity while the
    /// mention is on screen; else its counts and how to get there.
    pub fn mention_status(&self) -> Option<String> {
        let entity = self.followed.selected()?;
        let e = self.index.entity(entity);
        let refs = &self.index.entity_mentions[entity as usize];
        let articles = self.index.articles_of(entity);
        let on_screen = |c: &MentionRef| {
            c.article as usize == self.reader.open()
                && self.index.mention(*c).entity == entity
                && self.reader.shows(self.index.mention(*c), self.reader_size().1)
        };
        // Counted without the copies in folded repeats, as `n` skips them.
        let counts = self.followed.shown_counts(entity).unwrap_or_default();
        match self.followed.current().filter(on_screen) {
            Some(c) => {
                let i = refs.binary_search(&c).unwrap_or(0);
                let (m, total) = match (counts.get(i), counts.last()) {
                    (Some(&before), Some(&total)) => (before as usize + 1, total as usize),
                    _ => (i + 1, refs.len()),
                };
                let a = articles.binary_search(&c.article).map_or(0, |i| i + 1);
                Some(format!("{} · mention {m}/{total} · article {a}/{}", e.name, articles.len()))
            }
            None => {
                let total = counts.last().map_or(refs.len(), |&t| t as usize);
                let plural = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
                let next = self.keymap.keys_of(Action::NextMention).first().map(Key::label);
                // In the dossier, n does nothing: no hint to press it.
                let hint = next.filter(|_| self.dossier().is_none()).map(|k| format!(" · {k} jumps there"));
                let hint = hint.unwrap_or_default();
                let (m, a) = (plural(total, "mention"), plural(articles.len(), "article"));
                Some(format!("{} · {m} in {a}{hint}", e.name))
            }
        }
    }
}

/// Some of `articles` are in another folder than `first`.
fn several_folders(first: Option<&crate::corpus::Article>, articles: &[crate::corpus::Article]) -> bool {
    first.is_some_and(|first| articles.iter().any(|a| a.folder() != first.folder()))
}

/// 2 when an article has a source or a date to show under its title, else 1.
fn item_rows(articles: &[crate::corpus::Article]) -> usize {
    if articles.iter().any(|a| a.source.is_some() || a.date.is_some()) { 2 } else { 1 }
}

/// Actions that may jump: where the reader was is recorded when the place changed.
fn is_jump(action: Action) -> bool {
    matches!(
        action,
        Action::NextMention
            | Action::PrevMention
            | Action::Activate
            | Action::ToggleFilter
            | Action::FilterSearch
            | Action::StarredOnly
            | Action::ClearFilters
            | Action::Click { .. }
            | Action::NextUnread
            | Action::PrevUnread
            | Action::PageDown
            | Action::PickEntity
    )
}

fn next_focus(f: Focus, by: usize) -> Focus {
    const ORDER: [Focus; 3] = [Focus::List, Focus::Reader, Focus::Entities];
    let i = ORDER.iter().position(|&x| x == f).unwrap_or(0);
    ORDER[(i + by) % 3]
}
