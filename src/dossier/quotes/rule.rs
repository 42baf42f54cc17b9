//! Which rule attributed a quote: where the attribution stood, and how it named the
//! speaker. `examples/quote_report.rs` scores each on the golds, to tell the rules worth
//! keeping from those that should give up.

use std::fmt;

/// Where the words that name the speaker stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Cue {
    /// Right after the quote: `"…," Peskov said`, `"…," said Mr Thomas`.
    After,
    /// At the end of the sentence around the quote: `… "weighted overwhelmingly" …, said Mr Clarke.`
    Trailer,
    /// Before the quote, with its verb: `Zelensky stated, "…"`, `Mr Thomas said: "…"`.
    Before,
    /// The subject of the clause holding the quote: `Lammy called it "productive"`.
    Clause,
    /// The speaker of the quote before it goes on: a new sentence opening with a quote.
    Continuation,
    /// No attribution at all: the person the text made subject last.
    Focus,
    /// Reported speech with its verb: `X said the …`, `X stated that …`.
    Reported,
    /// Reported speech ended by its attribution: `…, X said.`
    ReportedTrailer,
}

/// How the attribution names the speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Via {
    /// A name of theirs: "Mr Thomas".
    #[default]
    Name,
    /// "he" or "she".
    Pronoun,
    /// A role or description: "the home secretary", "the 36-year-old".
    Role,
    /// A possessive before a noun of speech: `Hain's description of him as "…"`.
    Possessive,
}

/// The rule that attributed a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Rule {
    pub cue: Cue,
    pub via: Via,
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let cue = match self.cue {
            Cue::After => "after",
            Cue::Trailer => "trailer",
            Cue::Before => "before",
            Cue::Clause => "clause subject",
            Cue::Continuation => "continuation",
            Cue::Focus => "focus",
            Cue::Reported => "reported",
            Cue::ReportedTrailer => "reported, trailer",
        };
        if matches!(self.cue, Cue::Continuation | Cue::Focus) {
            return f.write_str(cue);
        }
        let via = match self.via {
            Via::Name => "name",
            Via::Pronoun => "he/she",
            Via::Role => "description",
            Via::Possessive => "possessive",
        };
        write!(f, "{cue} / {via}")
    }
}
