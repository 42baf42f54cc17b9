//! The English language pack: which list in `assets/lexicon/en/` fills which word class.

use super::{Case, WordClass};

macro_rules! list {
    ($file:literal) => {
        include_str!(concat!("../../assets/lexicon/en/", $file))
    };
}

pub(super) const LISTS: [(&str, WordClass, Case); 47] = [
    (list!("honorifics.txt"), WordClass::HONORIFIC, Case::AsWritten),
    (list!("gendered-ranks.txt"), WordClass::empty(), Case::AsWritten),
    (list!("titles.txt"), WordClass::TITLE, Case::Any),
    (list!("saying-verbs.txt"), WordClass::SAYING_VERB, Case::Any),
    (list!("not-names.txt"), WordClass::NOT_NAME, Case::AsWritten),
    (list!("first-names-census.txt"), WordClass::FIRST_NAME, Case::AsWritten),
    (list!("first-names-world.txt"), WordClass::FIRST_NAME, Case::AsWritten),
    (list!("east-asian-surnames.txt"), WordClass::EAST_ASIAN_SURNAME, Case::AsWritten),
    (list!("hyphen-prefixes.txt"), WordClass::HYPHEN_PREFIX, Case::AsWritten),
    (list!("org-heads.txt"), WordClass::ORG_HEAD, Case::AsWritten),
    (list!("org-cues.txt"), WordClass::ORG_CUE, Case::AsWritten),
    (list!("work-cues.txt"), WordClass::WORK_CUE, Case::AsWritten),
    (list!("particles.txt"), WordClass::PARTICLE, Case::AsWritten),
    (list!("place-heads.txt"), WordClass::PLACE_HEAD, Case::AsWritten),
    (list!("not-before-speaker.txt"), WordClass::BLOCKS_SPEAKER, Case::AsWritten),
    (list!("name-months.txt"), WordClass::NAME_MONTH, Case::AsWritten),
    (list!("before-date.txt"), WordClass::BEFORE_DATE, Case::AsWritten),
    (list!("weekdays.txt"), WordClass::WEEKDAY, Case::AsWritten),
    (list!("between-subject-and-verb.txt"), WordClass::BETWEEN_SUBJECT_AND_VERB, Case::AsWritten),
    (list!("anonymous-roles.txt"), WordClass::ANONYMOUS_ROLE, Case::AsWritten),
    (list!("other-verbs.txt"), WordClass::OTHER_VERB, Case::AsWritten),
    (list!("before-object.txt"), WordClass::BEFORE_OBJECT, Case::AsWritten),
    (list!("finite-verbs.txt"), WordClass::FINITE, Case::AsWritten),
    (list!("not-in-title.txt"), WordClass::NOT_IN_TITLE, Case::AsWritten),
    (list!("title-connectors.txt"), WordClass::TITLE_CONNECTOR, Case::AsWritten),
    (list!("before-title.txt"), WordClass::BEFORE_TITLE, Case::AsWritten),
    (list!("infinitive-verbs.txt"), WordClass::TAKES_INFINITIVE, Case::AsWritten),
    (list!("abbreviations.txt"), WordClass::ABBREVIATION, Case::AsWritten),
    (list!("grammar.txt"), WordClass::empty(), Case::AsWritten),
    (list!("royal-titles.txt"), WordClass::ROYAL_TITLE, Case::AsWritten),
    (list!("name-suffixes.txt"), WordClass::NAME_SUFFIX, Case::AsWritten),
    (list!("firm-possessions.txt"), WordClass::FIRM_POSSESSION, Case::AsWritten),
    (list!("place-possessions.txt"), WordClass::PLACE_POSSESSION, Case::AsWritten),
    (list!("before-place.txt"), WordClass::BEFORE_PLACE, Case::AsWritten),
    (list!("institution-heads.txt"), WordClass::INSTITUTION_HEAD, Case::AsWritten),
    (list!("speech-nouns.txt"), WordClass::SPEECH_NOUN, Case::AsWritten),
    (list!("reporting-things.txt"), WordClass::REPORTING_THING, Case::AsWritten),
    (list!("pageant-words.txt"), WordClass::PAGEANT, Case::AsWritten),
    (list!("phrase-openers.txt"), WordClass::PHRASE_OPENER, Case::AsWritten),
    (list!("place-prefixes.txt"), WordClass::PLACE_PREFIX, Case::AsWritten),
    (list!("team-heads.txt"), WordClass::TEAM_HEAD, Case::AsWritten),
    (list!("firm-suffixes.txt"), WordClass::FIRM_SUFFIX, Case::AsWritten),
    (list!("thing-heads.txt"), WordClass::THING_HEAD, Case::AsWritten),
    (list!("named-after.txt"), WordClass::NAMED_AFTER, Case::AsWritten),
    (list!("quoted-titles.txt"), WordClass::empty(), Case::AsWritten),
    (list!("kin-nouns.txt"), WordClass::KIN, Case::AsWritten),
    (list!("credit-words.txt"), WordClass::CREDIT, Case::AsWritten),
];

/// The classes a list line may add after its word, by name ("Mr male", "the article").
pub(super) const TAGS: [(&str, WordClass); 56] = [
    ("male", WordClass::MALE),
    ("peerage", WordClass::PEERAGE),
    ("female", WordClass::FEMALE),
    ("article", WordClass::ARTICLE),
    ("determiner", WordClass::DETERMINER),
    ("he-she", WordClass::HE_SHE),
    ("he-she-any-case", WordClass::HE_SHE_ANY_CASE),
    ("gender-pronoun", WordClass::GENDER_PRONOUN),
    ("subject-pronoun", WordClass::SUBJECT_PRONOUN),
    ("opens-attribution", WordClass::OPENS_ATTRIBUTION),
    ("before-saying-verb", WordClass::BEFORE_SAYING_VERB),
    ("ends-role-run", WordClass::ENDS_ROLE_RUN),
    ("title-word", WordClass::TITLE_WORD),
    ("connective", WordClass::CONNECTIVE),
    ("opening-adverb", WordClass::OPENING_ADVERB),
    ("time-lead", WordClass::TIME_LEAD),
    ("time-deictic", WordClass::TIME_DEICTIC),
    ("time-noun", WordClass::TIME_NOUN),
    ("relation", WordClass::RELATION),
    ("role-modifier", WordClass::ROLE_MODIFIER),
    ("perfect-aux", WordClass::PERFECT_AUX),
    ("clause-link", WordClass::CLAUSE_LINK),
    ("not-a-verb", WordClass::NOT_A_VERB),
    ("time-preposition", WordClass::TIME_PREPOSITION),
    ("tell-verb", WordClass::TELL_VERB),
    ("nothing", WordClass::NOTHING),
    ("the", WordClass::THE),
    ("capital-opener", WordClass::CAPITAL_OPENER),
    ("of-for", WordClass::OF_FOR),
    ("subordinator", WordClass::SUBORDINATOR),
    ("indefinite", WordClass::INDEFINITE),
    ("passive-aux", WordClass::PASSIVE_AUX),
    ("before-infinitive", WordClass::BEFORE_INFINITIVE),
    ("and-but", WordClass::AND_BUT),
    ("relative-person", WordClass::RELATIVE_PERSON),
    ("relative", WordClass::RELATIVE),
    ("relative-any", WordClass::RELATIVE_ANY),
    ("source-preposition", WordClass::SOURCE_PREPOSITION),
    ("contrast", WordClass::CONTRAST),
    ("role-tail", WordClass::ROLE_TAIL),
    ("title-cue", WordClass::TITLE_CUE),
    ("title-noun", WordClass::TITLE_NOUN),
    ("name-noun", WordClass::NAME_NOUN),
    ("object-pronoun", WordClass::OBJECT_PRONOUN),
    ("medium", WordClass::MEDIUM),
    ("cry-noun", WordClass::CRY_NOUN),
    ("opens-aside", WordClass::OPENS_ASIDE),
    ("quotes-another", WordClass::QUOTES_ANOTHER),
    ("denial", WordClass::DENIAL),
    ("question-opener", WordClass::QUESTION_OPENER),
    ("negation", WordClass::NEGATION),
    ("refusal", WordClass::REFUSAL),
    ("small-in-titles", WordClass::SMALL_IN_TITLES),
    ("scorers-heading", WordClass::SCORERS_HEADING),
    ("minute-mark", WordClass::MINUTE_MARK),
    ("ordinal-suffix", WordClass::ORDINAL_SUFFIX),
];

/// Month names in order, with their short forms.
pub(super) const MONTHS: &str = list!("months.txt");

/// Lines "form how": how each verb form reports speech.
pub(super) const REPORTING_VERBS: &str = list!("reporting-verbs.txt");

/// Lines "name male|female": the gender a given name mostly has.
pub(super) const GIVEN_NAME_GENDERS: &str = list!("given-name-genders.txt");

/// Lines "name nickname…": a given name and the forms that stand for it.
pub(super) const NICKNAMES: &str = list!("nicknames.txt");
