//! Which rule made a mention: stamped on every candidate and mention, so that precision per
//! rule can be measured (`cargo run --release --example rule_report`).

/// A rule of the recogniser or the linker that produces a span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Rule {
    /// A gazetteer entry's name or alias.
    #[default]
    Gazetteer,
    /// A name after an honorific: "Ms Hewitt", "Sir Keir Starmer".
    Honorific,
    /// A name after a job title: "spokesperson Dmitry Peskov".
    RoleTitle,
    /// A name after kin in lower case: "his wife Israa Kamal".
    Kin,
    /// A given name from the list, then a surname: "Tony Blair".
    GivenNameList,
    /// A word no list knows before a listed given name and a surname: "Saadat Hasan Manto".
    UnlistedGivenName,
    /// A given name, a nickname in quote marks, a surname: `Antonio "LA" Reid`.
    QuotedNickname,
    /// A name right before a verb of saying: "Healey remarked".
    SpeakerBefore,
    /// A name right after a verb of saying: "said Peskov".
    SpeakerAfter,
    /// A name, a comma, then a job title: "Kefa Ssempgani, a spokesman".
    Appositive,
    /// An organisation after a noun like "firm": "broadcaster ITV".
    OrgCue,
    /// Capitalised words ending in a head word: "Land Registry", "Victoria Station".
    HeadWord,
    /// A name the rules found in some article, written again here.
    FoundElsewhere,
    /// A bare surname of a person named in the article, or cued once ("Ms Hewitt" … "Hewitt").
    ArticleSurname,
    /// A bare given name of the one person of the article who has it.
    ArticleGivenName,
    /// A name the statistical tagger found where no rule had a cue: "Takuya Takagi scored".
    Tagger,
    /// A surname of a person named in the article, in a line written in capitals:
    /// "CAMPESE TO RETIRE" after "David Campese".
    CapitalsSurname,
    /// A one-word gazetteer alias read as the surname of a person the article names in full:
    /// "Ford" after "Gerald Ford", where the firm is not named or cued.
    SurnameOverAlias,
    /// Name words no list knows, the last one written alone elsewhere in the article:
    /// "Saodat Sadikova" … "Sadikova said".
    SurnameAlone,
    /// Name words no list knows, followed by a verb of saying and a colon or "that":
    /// "Archritius Mwanakayaya says:".
    PairSpeaks,
    /// Name words no list knows, listed with a person ("Zenon Poznyak and Sergei Naumchik")
    /// or given an age ("Severine Potty, 19,").
    Listed,
    /// A journalist a story credits: "Editing by Nick Macfie", "By Polina Devitt".
    Credit,
    /// Initials with full stops, then a name: "H. Morris", "S. P. Udayakumar".
    Initials,
    /// A Korean or Chinese surname, then a hyphenated given name: "Park Geun-hye".
    EastAsianName,
    /// A name in a cricket scorecard: "c Tillekeratne b Dharmasena", "Vaas 7-0-29-0".
    Scorecard,
    /// A goal scorer or substitute beside a match minute: "( Smicer 52nd )", "(Ronaldo 33)".
    MatchScorer,
    // The rules of `not_people`, run last: each stamps what it leaves of a name it judged.
    /// "Miss Nepal": a pageant, not a woman; "Miss Nepal Malina Joshi" keeps the woman.
    Pageant,
    /// "Merry Christmas", "Viva Zapata": a cry, no one.
    Phrase,
    /// "10 January Cellnet": the month is the date's, not a given name.
    DateGlued,
    /// "Administrator Pam Melroy": the title is not part of the name.
    TitleInName,
    /// "Eli Lilly & Co", "Salomon Brothers": a firm named after someone.
    FirmName,
    /// The tagger's name inside an organisation's the text writes: "Def Jam" of "Island Def
    /// Jam Music Group".
    InsideOrganisation,
    /// After a capitalised "The" inside a sentence: a work's name ("The Amber Spyglass").
    WorkTitle,
    /// After a lowercase "the", heading its phrase: a thing ("the Mac Mini is").
    ThingAfterThe,
    /// "Cleveland Indians": a team.
    TeamName,
    /// "James Webb Space Telescope", "Ben Gurion airport": a thing named after someone.
    NamedAfter,
    /// "St Mirren", "Santa Fe": a place.
    PlaceName,
    /// "\"Forrest Gump\"": a title in quotes.
    QuotedTitle,
}

impl Rule {
    pub const ALL: [Rule; 38] = [
        Rule::Gazetteer,
        Rule::Honorific,
        Rule::RoleTitle,
        Rule::Kin,
        Rule::GivenNameList,
        Rule::UnlistedGivenName,
        Rule::QuotedNickname,
        Rule::SpeakerBefore,
        Rule::SpeakerAfter,
        Rule::Appositive,
        Rule::OrgCue,
        Rule::HeadWord,
        Rule::FoundElsewhere,
        Rule::ArticleSurname,
        Rule::ArticleGivenName,
        Rule::Tagger,
        Rule::CapitalsSurname,
        Rule::SurnameOverAlias,
        Rule::SurnameAlone,
        Rule::PairSpeaks,
        Rule::Listed,
        Rule::Credit,
        Rule::Initials,
        Rule::EastAsianName,
        Rule::Scorecard,
        Rule::MatchScorer,
        Rule::Pageant,
        Rule::Phrase,
        Rule::DateGlued,
        Rule::TitleInName,
        Rule::FirmName,
        Rule::InsideOrganisation,
        Rule::WorkTitle,
        Rule::ThingAfterThe,
        Rule::TeamName,
        Rule::NamedAfter,
        Rule::PlaceName,
        Rule::QuotedTitle,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Rule::Gazetteer => "gazetteer",
            Rule::Honorific => "honorific",
            Rule::RoleTitle => "role-title",
            Rule::Kin => "kin-noun",
            Rule::GivenNameList => "given-name-list",
            Rule::UnlistedGivenName => "unlisted-given-name",
            Rule::QuotedNickname => "quoted-nickname",
            Rule::SpeakerBefore => "speaker-before-verb",
            Rule::SpeakerAfter => "speaker-after-verb",
            Rule::Appositive => "appositive",
            Rule::OrgCue => "org-cue",
            Rule::HeadWord => "head-word",
            Rule::FoundElsewhere => "found-elsewhere",
            Rule::ArticleSurname => "article-surname",
            Rule::ArticleGivenName => "article-given-name",
            Rule::Tagger => "tagger",
            Rule::CapitalsSurname => "capitals-surname",
            Rule::SurnameOverAlias => "surname-over-alias",
            Rule::SurnameAlone => "surname-alone",
            Rule::PairSpeaks => "pair-speaks",
            Rule::EastAsianName => "east-asian-name",
            Rule::Listed => "listed-with-person",
            Rule::Credit => "credit",
            Rule::Initials => "initials",
            Rule::Scorecard => "scorecard",
            Rule::MatchScorer => "match-scorer",
            Rule::Pageant => "pageant",
            Rule::Phrase => "phrase",
            Rule::DateGlued => "date-glued",
            Rule::TitleInName => "title-in-name",
            Rule::FirmName => "firm-name",
            Rule::InsideOrganisation => "inside-organisation",
            Rule::WorkTitle => "work-title",
            Rule::ThingAfterThe => "thing-after-the",
            Rule::TeamName => "team-name",
            Rule::NamedAfter => "named-after",
            Rule::PlaceName => "place-name",
            Rule::QuotedTitle => "quoted-title",
        }
    }
}
