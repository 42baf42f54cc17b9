//! A language's word knowledge, loaded once from its word lists: every word list the rules
//! use is data (`assets/lexicon/<lang>/*.txt`), read by one loader into one [`Lang`].
//! Only English exists ([`Lang::en`]); the lists it reads are named in [`en`]. [`segment`]
//! cuts a text into words, sentences and paragraphs.

mod en;
pub mod segment;

use std::sync::OnceLock;

use bitflags::bitflags;
use rustc_hash::{FxHashMap, FxHashSet};

bitflags! {
    /// The lists a word is on.
    #[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
    pub struct WordClass: u128 {
        const HONORIFIC = 1;
        const TITLE = 1 << 1;
        const SAYING_VERB = 1 << 2;
        const NOT_NAME = 1 << 3;
        const PARTICLE = 1 << 4;
        const FIRST_NAME = 1 << 5;
        const ORG_HEAD = 1 << 6;
        const ORG_CUE = 1 << 7;
        const WORK_CUE = 1 << 8;
        const PLACE_HEAD = 1 << 9;
        /// A word before a name that says it is not a speaker ("the Treasury said").
        const BLOCKS_SPEAKER = 1 << 10;
        /// A month that is also a given name ("May").
        const NAME_MONTH = 1 << 11;
        /// A word before a month that makes it a date ("in May").
        const BEFORE_DATE = 1 << 12;
        const WEEKDAY = 1 << 13;
        const MALE = 1 << 14;
        const FEMALE = 1 << 15;
        /// Between a subject and its verb ("Peskov further explained").
        const BETWEEN_SUBJECT_AND_VERB = 1 << 16;
        /// A title for someone the text does not name ("a spokesman").
        const ANONYMOUS_ROLE = 1 << 17;
        /// A verb that neither reports speech nor ends in "-ed" ("met", "wants").
        const OTHER_VERB = 1 << 18;
        /// A word before a name that makes it no subject ("with Putin").
        const BEFORE_OBJECT = 1 << 19;
        /// A word that makes a clause finite ("would", "has").
        const FINITE = 1 << 20;
        /// A capitalised word never inside a job title ("The", "However").
        const NOT_IN_TITLE = 1 << 21;
        /// A small word inside a job title ("Secretary of State").
        const TITLE_CONNECTOR = 1 << 22;
        /// A lowercase word that ends a title read backwards ("the", "said").
        const BEFORE_TITLE = 1 << 23;
        /// A word before a dot that does not end a sentence ("Dr.").
        const ABBREVIATION = 1 << 24;
        /// A verb of saying that may report an infinitive ("vowed to …").
        const TAKES_INFINITIVE = 1 << 25;
        // The small words of `grammar.txt`, one class per role (the file says what each is).
        const ARTICLE = 1 << 26;
        const DETERMINER = 1 << 27;
        const HE_SHE = 1 << 28;
        const HE_SHE_ANY_CASE = 1 << 29;
        const GENDER_PRONOUN = 1 << 30;
        const SUBJECT_PRONOUN = 1 << 31;
        const OPENS_ATTRIBUTION = 1 << 32;
        const BEFORE_SAYING_VERB = 1 << 33;
        const ENDS_ROLE_RUN = 1 << 34;
        const TITLE_WORD = 1 << 35;
        const CONNECTIVE = 1 << 36;
        const OPENING_ADVERB = 1 << 37;
        const TIME_LEAD = 1 << 38;
        const TIME_DEICTIC = 1 << 39;
        const TIME_NOUN = 1 << 40;
        const RELATION = 1 << 41;
        const ROLE_MODIFIER = 1 << 42;
        const PERFECT_AUX = 1 << 43;
        const CLAUSE_LINK = 1 << 44;
        const NOT_A_VERB = 1 << 45;
        const TIME_PREPOSITION = 1 << 46;
        const TELL_VERB = 1 << 47;
        const NOTHING = 1 << 48;
        const THE = 1 << 49;
        const CAPITAL_OPENER = 1 << 50;
        const OF_FOR = 1 << 51;
        const SUBORDINATOR = 1 << 52;
        const INDEFINITE = 1 << 53;
        const PASSIVE_AUX = 1 << 54;
        const BEFORE_INFINITIVE = 1 << 55;
        const AND_BUT = 1 << 56;
        const RELATIVE_PERSON = 1 << 57;
        const RELATIVE = 1 << 58;
        const RELATIVE_ANY = 1 << 59;
        const SOURCE_PREPOSITION = 1 << 60;
        const CONTRAST = 1 << 61;
        const ROLE_TAIL = 1 << 62;
        /// A royal title before a given name ("Prince Charles").
        const ROYAL_TITLE = 1 << 63;
        /// Ends a name without being its surname ("Jr", "III").
        const NAME_SUFFIX = 1 << 64;
        /// A noun a firm has and a person does not ("Ford's shares", "Ford cars").
        const FIRM_POSSESSION = 1 << 65;
        /// Ends the name of a building or office that speaks for an institution
        /// ("Clarence House", "Downing Street"): no person, whatever the tagger says.
        const INSTITUTION_HEAD = 1 << 66;
        /// A noun for what someone said ("Hain's description of him as …").
        const SPEECH_NOUN = 1 << 67;
        // The lists of `entities::not_people`: words that make a name found as a person's
        // something else.
        /// Names a pageant after "Miss" ("Miss World").
        const PAGEANT = 1 << 74;
        /// Opens a greeting or cry ("Merry Christmas").
        const PHRASE_OPENER = 1 << 68;
        /// Starts a place's name ("St", "Santa").
        const PLACE_PREFIX = 1 << 69;
        /// Ends a team's name ("Indians").
        const TEAM_HEAD = 1 << 70;
        /// Makes a name a firm's ("& Co", "Brothers").
        const FIRM_SUFFIX = 1 << 71;
        /// Ends the name of a thing named after someone ("Telescope", "Falls").
        const THING_HEAD = 1 << 72;
        /// A lowercase noun after a name that makes it a thing's ("airport").
        const NAMED_AFTER = 1 << 73;
        // `quoted-titles.txt`: a quoted title or term, not words someone said.
        /// Whatever is quoted right after is a title or term ("titled", "so-called").
        const TITLE_CUE = 1 << 75;
        /// A quote in capitals right after is a work's title ("documentary").
        const TITLE_NOUN = 1 << 76;
        /// A quote in capitals right before is a name ("award").
        const NAME_NOUN = 1 << 77;
        const OBJECT_PRONOUN = 1 << 78;
        /// A noun a country or city has and a person does not ("Jordan's capital").
        const PLACE_POSSESSION = 1 << 79;
        /// A word before a name that makes it a place's ("in Jordan").
        const BEFORE_PLACE = 1 << 80;
        /// What someone says something in ("in a statement").
        const MEDIUM = 1 << 81;
        /// What a crowd cries ("cries of").
        const CRY_NOUN = 1 << 82;
        /// Opens an aside after "X said," ("however").
        const OPENS_ASIDE = 1 << 83;
        /// A thing or body that reports, no person ("reports", "media").
        const REPORTING_THING = 1 << 84;
        /// Passes on someone else's words ("quoted her words:", "citing").
        const QUOTES_ANOTHER = 1 << 85;
        /// A Korean or Chinese surname, written before a hyphenated given name ("Park Geun-hye").
        const EAST_ASIAN_SURNAME = 1 << 86;
        /// Denies what follows ("denied claims that …").
        const DENIAL = 1 << 87;
        /// Opens an indirect question ("whether", "if").
        const QUESTION_OPENER = 1 << 88;
        /// An English prefix before a hyphen ("Co-op", "Pre-war").
        const HYPHEN_PREFIX = 1 << 89;
        /// A small word a Title Case title writes in lower case ("of", "the", "with").
        const SMALL_IN_TITLES = 1 << 90;
        /// Opens a list of goal scorers ("Goals:", "Scorers:").
        const SCORERS_HEADING = 1 << 91;
        /// Follows a match minute ("75 og", "59th minute").
        const MINUTE_MARK = 1 << 92;
        /// Ends an ordinal number ("52nd").
        const ORDINAL_SUFFIX = 1 << 93;
        /// Kin in lower case before a name ("his wife Israa Kamal").
        const KIN = 1 << 94;
        /// Before "by" in a story's credits ("Editing by").
        const CREDIT = 1 << 95;
        /// A verb that reports speech with a particle after it ("pointed out").
        const SAYS_WITH_PARTICLE = 1 << 96;
        /// A peer's title before a surname ("Lord Archer", "Baroness Morgan").
        const PEERAGE = 1 << 97;
        /// Negates the verb after it ("would not say", "never told").
        const NEGATION = 1 << 98;
        /// Refuses what the infinitive after it names ("refused to say").
        const REFUSAL = 1 << 99;
    }
}

impl WordClass {
    /// On any of the lists in `other`.
    pub fn has(self, other: WordClass) -> bool {
        self.intersects(other)
    }
}

/// How a verb reports speech (`reporting-verbs.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reports {
    /// Reported speech may follow directly: "said the tax would rise".
    Say,
    /// Reported speech follows "that" (or a pronoun): "noted that …".
    That,
    /// Attributes a quote only: "called it "productive"".
    Quote,
}

/// A word as a 64-bit hash, for tables looked up once per token: two of the few hundred
/// thousand words a corpus holds share one with odds of about one in 10^9.
#[inline]
pub fn word_key(word: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(word.as_bytes())
}

/// One language's word lists, merged into one table from word to the classes it is in, so
/// each word is looked up once.
pub struct Lang {
    /// Keyed by [`word_key`]: a lookup per token of every text is one probe, with no
    /// string to compare (comparing them was a cache miss of its own).
    classes: FxHashMap<u64, WordClass>,
    reports: FxHashMap<&'static str, Reports>,
    /// Verbs of saying with a particle ("pointed out"), by verb and particle.
    phrasal_reports: FxHashMap<(&'static str, &'static str), Reports>,
    /// Titles in lower case, for the dossier's any-case match ("mp" as well as "MP").
    titles_lower: FxHashSet<String>,
    /// Month names and short forms in lower case → 1 to 12.
    months: FxHashMap<&'static str, u8>,
    /// Given names with the gender they mostly have ([`WordClass::MALE`] or `FEMALE`), kept
    /// apart from the honorifics' genders: a given name is a guess, "Mrs" is not.
    given_genders: FxHashMap<&'static str, WordClass>,
    /// Per name, its nicknames; per nickname, the names it stands for.
    nicknames: FxHashMap<&'static str, Vec<&'static str>>,
}

/// How a list's words are entered.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Case {
    /// As written.
    AsWritten,
    /// As written, capitalised and in capitals: "president", "President", "PRESIDENT".
    Any,
}

/// The entries of a list: lines without `#` comments and blank lines.
fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// "president" → "President".
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    let first = chars.next().map(|c| c.to_uppercase().collect::<String>()).unwrap_or_default();
    format!("{first}{}", chars.as_str())
}

impl Lang {
    /// English, loaded on first use.
    pub fn en() -> &'static Lang {
        static EN: OnceLock<Lang> = OnceLock::new();
        EN.get_or_init(|| {
            let mut lang = Lang::load(&en::LISTS, &en::TAGS, en::REPORTING_VERBS, en::MONTHS);
            lang.given_genders = given_genders(en::GIVEN_NAME_GENDERS);
            lang.nicknames = nicknames(en::NICKNAMES);
            lang
        })
    }

    fn load(
        lists: &[(&'static str, WordClass, Case)],
        tags: &[(&str, WordClass)],
        reporting_verbs: &'static str,
        months: &'static str,
    ) -> Lang {
        let mut classes: FxHashMap<u64, WordClass> = FxHashMap::default();
        let mut add = |word: &str, class: WordClass| *classes.entry(word_key(word)).or_default() |= class;
        let mut titles_lower = FxHashSet::default();
        for &(list, class, case) in lists {
            for line in entries(list) {
                // A word, then any extra classes by name ("Mr male", "the article …").
                let mut fields = line.split_whitespace();
                let Some(word) = fields.next() else { continue };
                let extra = fields.fold(WordClass::empty(), |acc, f| {
                    // The lists are compiled in: a tag no class has is a mistake in them.
                    let tag = tags.iter().find(|(name, _)| *name == f);
                    acc | tag.unwrap_or_else(|| panic!("unknown word class {f:?} for {word:?}")).1
                });
                add(word, class | extra);
                if case == Case::Any {
                    add(&capitalised(word), class | extra);
                    add(&word.to_uppercase(), class | extra); // "MP", "DJ"
                }
                if class.contains(WordClass::TITLE) {
                    titles_lower.insert(word.to_lowercase());
                }
            }
        }
        let how_of = |how: &str| match how {
            "say" => Reports::Say,
            "that" => Reports::That,
            _ => Reports::Quote,
        };
        let mut reports = FxHashMap::default();
        let mut phrasal_reports = FxHashMap::default();
        for line in entries(reporting_verbs) {
            match line.split_whitespace().collect::<Vec<_>>()[..] {
                [word, how] => {
                    reports.insert(word, how_of(how));
                }
                // "pointed out that": the verb, its particle, how it reports.
                [word, particle, how] => {
                    phrasal_reports.insert((word, particle), how_of(how));
                    *classes.entry(word_key(word)).or_default() |= WordClass::SAYS_WITH_PARTICLE;
                }
                _ => {}
            }
        }
        let months = entries(months)
            .enumerate()
            .flat_map(|(i, line)| line.split_whitespace().map(move |form| (form, i as u8 + 1)))
            .collect();
        Lang {
            classes,
            reports,
            phrasal_reports,
            titles_lower,
            months,
            given_genders: FxHashMap::default(),
            nicknames: FxHashMap::default(),
        }
    }

    /// The gender a given name mostly has ([`WordClass::MALE`] or `FEMALE`; empty: unknown).
    /// The surname of a full name as written: its last word, less a suffix ("Mills" of
    /// "John Mills Jr"). None for one word.
    pub fn surname_of<'n>(&self, name: &'n str) -> Option<&'n str> {
        if let Some((surname, _)) = self.surname_first(name) {
            return Some(surname);
        }
        let mut words = name.split_whitespace().rev().skip_while(|w| self.is(w, WordClass::NAME_SUFFIX));
        let surname = words.next()?;
        words.next().map(|_| surname)
    }

    /// The given name and surname of a full name: its first word and [`Self::surname_of`],
    /// or the other way round after a Korean or Chinese surname ("Geun-hye" and "Park" of
    /// "Park Geun-hye"). None for one word.
    pub fn name_parts<'n>(&self, name: &'n str) -> Option<(&'n str, &'n str)> {
        if let Some((surname, given)) = self.surname_first(name) {
            return Some((given, surname));
        }
        Some((name.split_whitespace().next()?, self.surname_of(name)?))
    }

    /// "Geun-hye", "Shui-bian", "Ki-moon": two syllables of two to five letters joined by one
    /// hyphen, the first capitalised, the second in lower case; not an English prefix ("Co-op",
    /// "Ex-wife", "Pre-war").
    pub fn syllables_joined(&self, word: &str) -> bool {
        let Some((a, b)) = word.split_once('-') else { return false };
        let letters = |s: &str, upper_first: bool| {
            (2..=5).contains(&s.chars().count())
                && s.chars().enumerate().all(|(i, c)| {
                    c.is_ascii_alphabetic()
                        && if i == 0 && upper_first { c.is_ascii_uppercase() } else { c.is_ascii_lowercase() }
                })
        };
        letters(a, true) && letters(b, false) && !self.is(a, WordClass::HYPHEN_PREFIX)
    }

    /// "Park Geun-hye", "Chen Shui-bian": a Korean or Chinese surname, then a given name of
    /// two syllables joined by a hyphen, the second in lower case. (surname, given name).
    pub fn surname_first<'n>(&self, name: &'n str) -> Option<(&'n str, &'n str)> {
        let mut words = name.split_whitespace();
        let (surname, given) = (words.next()?, words.next()?);
        (words.next().is_none() && self.is(surname, WordClass::EAST_ASIAN_SURNAME) && self.syllables_joined(given))
            .then_some((surname, given))
    }

    pub fn given_name_gender(&self, name: &str) -> WordClass {
        self.given_genders.get(name).copied().unwrap_or_default()
    }

    /// One given name is a nickname or diminutive of the other ("Vince", "Vincent").
    pub fn is_nickname_pair(&self, a: &str, b: &str) -> bool {
        self.nickname_partners(a).contains(&b)
    }

    /// The nicknames of a given name, or the names a nickname stands for.
    pub fn nickname_partners(&self, name: &str) -> &[&'static str] {
        self.nicknames.get(name).map_or(&[], Vec::as_slice)
    }

    /// Every list `word` is on, as written. An honorific may carry its dot ("Dr."); a plural
    /// in "-ans" of a word that is no name is no name.
    pub fn classify(&self, word: &str) -> WordClass {
        let mut class = self.classes.get(&word_key(word)).copied().unwrap_or_default();
        // "Egyptians", "Palestinians": the plural of a people on no list is no name either.
        // A team's name may end in one ("Cleveland Indians").
        if word.len() > 5 && word.ends_with("ans") && !class.has(WordClass::TEAM_HEAD) {
            let one = &word[..word.len() - 1];
            class |= self.classes.get(&word_key(one)).copied().unwrap_or_default() & WordClass::NOT_NAME;
        }
        match word.strip_suffix('.') {
            Some(bare) => {
                class | (self.classes.get(&word_key(bare)).copied().unwrap_or_default() & WordClass::HONORIFIC)
            }
            None => class,
        }
    }

    /// `word`, exactly as written, is on one of the lists in `class`.
    pub fn is(&self, word: &str, class: WordClass) -> bool {
        self.classes.get(&word_key(word)).is_some_and(|c| c.intersects(class))
    }

    /// How `word` (lower case as written) reports speech, if it does.
    pub fn reports(&self, word: &str) -> Option<Reports> {
        self.reports.get(word).copied()
    }

    /// How `word` then `particle` report speech, if they do ("pointed out").
    pub fn reports_with_particle(&self, word: &str, particle: &str) -> Option<Reports> {
        self.phrasal_reports.get(&(word, particle)).copied()
    }

    /// A verb of saying that may report an infinitive: "vowed to …", "urged them to …".
    pub fn takes_infinitive(&self, word: &str) -> bool {
        self.is(word, WordClass::TAKES_INFINITIVE)
    }

    /// A job title word, any case ("Secretary", "spokesperson", "MP").
    pub fn is_title(&self, word: &str) -> bool {
        // "co-chairman", "ex-chief": the last part says it.
        let word = match word.rsplit_once('-') {
            Some((_, last)) if !self.titles_lower.contains(&word.to_lowercase()) => last,
            _ => word,
        };
        if word.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
            return self.titles_lower.contains(word);
        }
        self.titles_lower.contains(&word.to_lowercase())
    }

    /// The month (1 to 12) a lower-case month name or short form names: "april", "apr", "sept".
    pub fn month(&self, lower: &str) -> Option<u8> {
        self.months.get(lower).copied()
    }

    /// "Mr", "Sir", "Dr." …
    pub fn is_honorific(&self, word: &str) -> bool {
        self.is(word.trim_end_matches('.'), WordClass::HONORIFIC)
    }
}

fn given_genders(list: &'static str) -> FxHashMap<&'static str, WordClass> {
    entries(list)
        .filter_map(|l| match l.split_once(' ')? {
            (name, "male") => Some((name, WordClass::MALE)),
            (name, "female") => Some((name, WordClass::FEMALE)),
            _ => None,
        })
        .collect()
}

fn nicknames(list: &'static str) -> FxHashMap<&'static str, Vec<&'static str>> {
    let mut partners: FxHashMap<&'static str, Vec<&'static str>> = FxHashMap::default();
    for line in entries(list) {
        let mut words = line.split_whitespace();
        let Some(name) = words.next() else { continue };
        for nick in words {
            partners.entry(name).or_default().push(nick);
            partners.entry(nick).or_default().push(name);
        }
    }
    partners
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        let lang = Lang::en();
        let is = |w: &str, class: WordClass| lang.classify(w).has(class);
        assert!(is("Dr.", WordClass::HONORIFIC) && is("Mr", WordClass::HONORIFIC) && !is("mr", WordClass::HONORIFIC));
        assert!(is("spokesperson", WordClass::TITLE) && is("Secretary", WordClass::TITLE));
        assert!(is("secretary", WordClass::TITLE) && is("MP", WordClass::TITLE) && is("DJ", WordClass::TITLE));
        assert!(is("said", WordClass::SAYING_VERB) && is("Said", WordClass::SAYING_VERB));
        assert!(is("Volodymyr", WordClass::FIRST_NAME) && is("Tony", WordClass::FIRST_NAME));
        assert!(!is("May", WordClass::FIRST_NAME) && is("May", WordClass::NAME_MONTH));
        assert!(is("Council", WordClass::ORG_HEAD) && is("van", WordClass::PARTICLE));
        assert!(is("Irish", WordClass::NOT_NAME) && is("The", WordClass::NOT_NAME));
        assert!(is("Street", WordClass::PLACE_HEAD) && is("the", WordClass::BLOCKS_SPEAKER));
        // A people's plural is no name; a surname in "-ans" stays one.
        assert!(is("Egyptians", WordClass::NOT_NAME) && is("Palestinians", WordClass::NOT_NAME));
        assert!(!is("Evans", WordClass::NOT_NAME));
    }

    #[test]
    fn genders_come_with_honorifics() {
        let lang = Lang::en();
        assert!(lang.is("Mr", WordClass::MALE) && lang.is("Ms", WordClass::FEMALE));
        assert!(lang.is("Baroness", WordClass::FEMALE) && !lang.is("Baroness", WordClass::HONORIFIC));
        assert!(!lang.is("Dr", WordClass::MALE | WordClass::FEMALE));
    }

    #[test]
    fn grammar_words_carry_their_roles_as_written() {
        let l = Lang::en();
        assert!(
            l.is("he", WordClass::HE_SHE) && !l.is("He", WordClass::HE_SHE) && l.is("He", WordClass::HE_SHE_ANY_CASE)
        );
        assert!(
            l.is("His", WordClass::GENDER_PRONOUN) && l.is("His", WordClass::MALE) && !l.is("Him", WordClass::MALE)
        );
        assert!(l.is("the", WordClass::ARTICLE) && !l.is("The", WordClass::ARTICLE) && l.is("The", WordClass::THE));
        assert!(l.is("deputy", WordClass::ROLE_MODIFIER) && l.is("Meanwhile", WordClass::OPENING_ADVERB));
    }

    #[test]
    fn months_by_name_and_short_form() {
        let l = Lang::en();
        assert_eq!(
            (l.month("april"), l.month("apr"), l.month("sept"), l.month("may")),
            (Some(4), Some(4), Some(9), Some(5))
        );
        assert_eq!((l.month("ma"), l.month("mayday"), l.month("April")), (None, None, None));
    }

    #[test]
    fn a_suffix_is_no_surname() {
        let lang = Lang::en();
        assert_eq!(lang.surname_of("John Mills Jr"), Some("Mills"));
        assert_eq!(lang.surname_of("Martin Luther King III"), Some("King"));
        assert_eq!(lang.surname_of("Tony Blair"), Some("Blair"));
        assert_eq!(lang.surname_of("Blair"), None);
        assert_eq!(lang.surname_of("Mills Jr"), None, "one word and a suffix is no full name");
    }

    #[test]
    fn given_names_carry_gender_and_nicknames() {
        let l = Lang::en();
        assert_eq!(l.given_name_gender("Michael"), WordClass::MALE);
        assert_eq!(l.given_name_gender("Sandra"), WordClass::FEMALE);
        assert_eq!(l.given_name_gender("Leslie"), WordClass::empty(), "common for both");
        assert!(!l.is("Michael", WordClass::MALE), "not an honorific's gender");
        assert!(l.is_nickname_pair("Vince", "Vincent") && l.is_nickname_pair("Frederick", "Freddie"));
        assert!(l.is_nickname_pair("Steven", "Steve") && !l.is_nickname_pair("Ben", "Bill"));
        assert!(l.is("Prince", WordClass::ROYAL_TITLE) && !l.is("Prince", WordClass::HONORIFIC));
    }

    #[test]
    fn dossier_lists() {
        let l = Lang::en();
        assert_eq!(l.reports("said"), Some(Reports::Say));
        assert_eq!(l.reports("noted"), Some(Reports::That));
        assert_eq!(l.reports("accused"), Some(Reports::Quote));
        assert_eq!(l.reports_with_particle("pointed", "out"), Some(Reports::That));
        assert_eq!(l.reports("pointed"), None);
        assert!(l.is_title("Secretary") && l.is_title("spokesperson") && !l.is_title("Kremlin"));
        assert!(l.is_title("mp") && l.is_title("co-chairman"));
        assert!(l.is_honorific("Mr") && l.is_honorific("Dr."));
        assert!(l.takes_infinitive("vowed") && l.takes_infinitive("urged") && !l.takes_infinitive("said"));
        assert!(l.is("had", WordClass::BETWEEN_SUBJECT_AND_VERB) && l.is("would", WordClass::FINITE));
    }
}
