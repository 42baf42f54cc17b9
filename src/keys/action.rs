/// Everything the user can ask for. Keys map to these; `App::update` carries them out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    FocusNext,
    FocusPrev,
    Up,
    Down,
    First,
    Last,
    PageUp,
    PageDown,
    /// Enter: open the article under the cursor, or select the entity under it.
    Activate,
    NextMention,
    PrevMention,
    /// `*`: select the entity of the mention nearest the top of the reader.
    SelectNearest,
    /// `]` / `[`: the reader's cursor to the next / previous mention (any entity).
    NextOnScreen,
    PrevOnScreen,
    /// `u` / `U`: the next / previous unread article in the list.
    NextUnread,
    PrevUnread,
    ToggleFilter,
    /// `F`: every filter off (entity, search, starred).
    ClearFilters,
    ToggleScope,
    ToggleHelp,
    /// `L`: the files that were skipped while loading, and why.
    ToggleLog,
    /// Esc: back out of whatever is open (help, a search, filters, the dossier); never quits.
    Back,
    /// q / Ctrl-C.
    Quit,
    /// `@`: go to an entity by name, with a fuzzy picker.
    PickEntity,
    /// Ctrl-O: back to the place before the last jump.
    JumpBack,
    /// Ctrl-N: forward again, to the place Ctrl-O left.
    JumpForward,
    /// Ctrl-Z: hand the terminal back to the shell until `fg` (the event loop does it).
    Suspend,
    /// `y`: copy the article's URL, or its path, to the terminal's clipboard.
    Copy,
    /// `/`: start typing a search.
    StartSearch,
    /// A character typed into the search.
    SearchChar(char),
    SearchBackspace,
    /// Enter: stop typing; `n`/`N` step through the matches.
    SearchDone,
    /// `&`: list only the articles with a match (again: list all).
    FilterSearch,
    /// `m`: mark the open article read, or unread again.
    ToggleRead,
    /// `s`: star the open article, or take its star away.
    ToggleStar,
    /// `S`: list starred articles only (again: list all).
    StarredOnly,
    /// `o`: sort the list by the next order (file, date, title, source, mentions).
    CycleSort,
    /// `i`: the selected person's dossier (names, roles, quotes, companions, timeline).
    Dossier,
    /// A left click at a screen cell: focus the pane there and pick what is under it.
    Click {
        column: u16,
        row: u16,
    },
    /// The wheel turned over a screen cell: scroll the pane there.
    Wheel {
        column: u16,
        row: u16,
        down: bool,
    },
    /// `M`: mark the entity for a merge; on a second entity, merge it into the first.
    CorrectMerge,
    /// `D`: split an alias (or its mentions in this article) off the entity, chosen in a list.
    CorrectSplit,
    /// `K`: the entity is another kind (or none), chosen with one key in a prompt.
    CorrectKind,
    /// `A`: mark the entity; on a second entity, keep the two apart for good.
    CorrectNever,
    /// `X`: the entity is none (not a person, place or organisation); its mentions go.
    CorrectNone,
    /// `R`: rename the entity, in a prompt on the status line.
    CorrectRename,
    /// `C`: the corrections in effect, each with what it changes.
    ShowCorrections,
    /// `Z`: take the last correction away.
    CorrectUndo,
    /// The terminal is now this many columns and rows.
    Resize(u16, u16),
}
