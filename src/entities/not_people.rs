//! Not people: the last step of recognition. A name the recognisers took for a person's is
//! sometimes something else named after one, or with a given name inside: a pageant ("Miss
//! Nepal"), a cry ("Merry Christmas"), a date glued to a name ("10 January Cellnet"), a job
//! title read as part of the name ("Deputy Administrator Pam Melroy"), a firm ("Eli Lilly &
//! Co", "Salomon Brothers"), a team ("Cleveland Indians"), a thing or place named after
//! someone ("James Webb Space Telescope", "Ben Gurion airport", "Victoria Falls"), a place
//! ("St Mirren", "Santa Fe") or a title in quotes ("Forrest Gump"). One named rule per kind
//! ([`Rule`]), each stamped on what it leaves; the words are lists in `assets/lexicon/en/`.
//! Every test is a lookup on the candidate's own tokens or their neighbours: O(1) per
//! person candidate.

use std::ops::Range;

use super::Kind;
use super::gazetteer::Gazetteer;
use super::overlaps::Overlaps;
use super::recognise::{BareWord, Candidate, Recognised, Target};
use super::recogniser::Prepared;
use super::rule::Rule;
use crate::lang::segment::contains_words;
use crate::lang::{Lang, WordClass};

/// What a rule makes of a person's name, over token ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Verdict {
    /// A person after all, with these words only ("Pam Melroy" of "Administrator Pam Melroy").
    Person(Range<usize>),
    /// An organisation or place over these words ("Eli Lilly & Co").
    Other(Kind, Range<usize>),
    /// No entity: a title, a cry, a thing.
    NoOne,
}

/// A rule: its verdict on a name, or nothing to say.
type Judge = fn(&Name) -> Option<Verdict>;

/// The rules, in the order they are tried; the first that speaks decides.
const RULES: [(Rule, Judge); 11] = [
    (Rule::Pageant, pageant),
    (Rule::WorkTitle, after_capital_the),
    (Rule::Phrase, phrase),
    (Rule::DateGlued, date_glued),
    (Rule::TitleInName, title_in_name),
    (Rule::FirmName, firm_name),
    (Rule::TeamName, team_name),
    (Rule::NamedAfter, named_after),
    (Rule::PlaceName, place_name),
    (Rule::QuotedTitle, quoted_title),
    // Last: a thing named after someone ("the James Webb Space Telescope is") is that rule's.
    (Rule::ThingAfterThe, after_lowercase_the),
];

/// One person candidate, as tokens of its text.
struct Name<'a, 'p> {
    p: &'a Prepared<'p>,
    /// Its tokens.
    words: Range<usize>,
    /// Found in the gazetteer: a known person's name is trusted as written.
    known: bool,
    rule: Rule,
    /// Spans of the text's candidates: a name grown over one would overlap it (the words
    /// it grows over are outside its own span).
    taken: &'a Overlaps,
    gazetteer: &'a Gazetteer,
    /// The text's capitalised words no rule took.
    bare: &'a [BareWord],
}

impl Name<'_, '_> {
    fn word(&self, i: usize) -> &str {
        self.p.tokens[i].text(self.p.text)
    }

    fn is(&self, i: usize, class: WordClass) -> bool {
        self.p.class[i].has(class)
    }

    fn first(&self) -> usize {
        self.words.start
    }

    fn last(&self) -> usize {
        self.words.end - 1
    }

    /// The text between token `i - 1` and token `i`.
    fn gap_before(&self, i: usize) -> &str {
        &self.p.text[self.p.tokens[i - 1].end..self.p.tokens[i].start]
    }

    /// Token `i` exists, is capitalised, comes right after the one before it (spaces only)
    /// and belongs to no other candidate.
    fn free_capital(&self, i: usize) -> bool {
        self.p.tokens.get(i).is_some_and(|t| t.capitalised && t.joined_to_prev && !self.taken.any(t.start, t.end))
    }

    /// Token `i`'s word is written alone elsewhere in the text, as a capitalised word no rule
    /// took (a bare word), outside this name. Read only when a rule is about to fire.
    fn alone_elsewhere(&self, i: usize) -> bool {
        let (start, end) = (self.p.tokens[self.first()].start, self.p.tokens[self.last()].end);
        let w = self.word(i);
        self.bare.iter().any(|b| (b.end <= start || b.start >= end) && &self.p.text[b.start..b.end] == w)
    }

    /// The token one space before a name found by no title or honorific, which the two
    /// "the" rules read: an article there says what the name is.
    fn article_before(&self) -> Option<usize> {
        let first = self.first();
        let cued = matches!(self.rule, Rule::Honorific | Rule::RoleTitle | Rule::Kin);
        (!self.known && !cued && first > 0 && self.gap_before(first) == " ").then(|| first - 1)
    }

    /// A gazetteer place hit covers exactly token `i` ("Nepal").
    fn place_hit(&self, i: usize) -> bool {
        let t = &self.p.tokens[i];
        let h = self.p.hits.partition_point(|h| h.start < t.start);
        self.p
            .hits
            .get(h)
            .is_some_and(|h| h.start == t.start && h.end == t.end && self.gazetteer.entry(h.entry).kind == Kind::Place)
    }
}

/// "Miss Nepal", "Miss World 2012", "Miss Nepal Earth": after "Miss", a place or a pageant
/// word names a pageant. "former Miss Nepal Malina Joshi" keeps the woman after it.
fn pageant(n: &Name) -> Option<Verdict> {
    let first = n.first();
    if first == 0 || n.word(first - 1) != "Miss" || !n.p.tokens[first].joined_to_prev {
        return None;
    }
    let mut k = first;
    while k < n.words.end && (n.is(k, WordClass::PAGEANT) || n.place_hit(k)) {
        k += 1;
    }
    if k == first {
        return None;
    }
    if n.words.end - k >= 2 {
        return Some(Verdict::Person(k..n.words.end));
    }
    Some(Verdict::NoOne)
}

/// "Merry Christmas", "Viva Zapata", "Oh God": a greeting or cry, whatever its words are.
fn phrase(n: &Name) -> Option<Verdict> {
    n.is(n.first(), WordClass::PHRASE_OPENER).then_some(Verdict::NoOne)
}

/// "10 January Cellnet", "the September Bund future": a month written in full that is no
/// given name (not "May", nor "Jan" of Jan Siemerink) glued before a name is the date's;
/// what is left is a name only if it still has two words. A weekday is cut off only
/// before two words: "Sunday Bada" is a sprinter.
fn date_glued(n: &Name) -> Option<Verdict> {
    let first = n.first();
    if n.known {
        return None;
    }
    let month = n.is(first, WordClass::NOT_NAME)
        && !n.is(first, WordClass::NAME_MONTH)
        && Lang::en().month(&n.word(first).to_lowercase()).is_some();
    let rest = first + 1..n.words.end;
    if (month || n.is(first, WordClass::WEEKDAY)) && rest.len() >= 2 {
        Some(Verdict::Person(rest))
    } else {
        month.then_some(Verdict::NoOne)
    }
}

/// "Deputy Administrator Pam Melroy", "Deputy Prosecutor-General Adolfo Salamanca": a job
/// title (any case, the last part of a hyphenated one) or an honorific at the start of a
/// name is not part of it.
fn title_in_name(n: &Name) -> Option<Verdict> {
    if n.known {
        return None;
    }
    let lex = Lang::en();
    let mut k = n.first();
    while k < n.words.end && n.p.tokens[k].capitalised && (lex.is_title(n.word(k)) || lex.is_honorific(n.word(k))) {
        k += 1;
    }
    match k {
        _ if k == n.first() => None,
        _ if k == n.words.end => Some(Verdict::NoOne),
        _ => Some(Verdict::Person(k..n.words.end)),
    }
}

/// "Eli Lilly & Co", "Walt Disney Co", "Arthur Yates and Co", "Salomon Brothers": a firm's
/// suffix after the name (or ending it) makes it the firm's.
fn firm_name(n: &Name) -> Option<Verdict> {
    let (first, end) = (n.first(), n.words.end);
    if n.words.len() >= 2 && n.is(n.last(), WordClass::FIRM_SUFFIX) {
        return Some(Verdict::Other(Kind::Organisation, n.words.clone()));
    }
    let tokens = &n.p.tokens;
    if end >= tokens.len() || n.p.tokens[end - 1].possessive {
        return None;
    }
    let suffix = |k: usize| tokens.get(k).is_some_and(|t| t.capitalised) && n.is(k, WordClass::FIRM_SUFFIX);
    let gap = n.gap_before(end).trim_matches(' ');
    if (gap.is_empty() || gap == "&") && suffix(end) {
        return Some(Verdict::Other(Kind::Organisation, first..end + 1));
    }
    if gap.is_empty()
        && n.word(end) == "and"
        && tokens.get(end + 1).is_some_and(|t| t.joined_to_prev)
        && suffix(end + 1)
    {
        return Some(Verdict::Other(Kind::Organisation, first..end + 2));
    }
    None
}

/// "Cleveland Indians", "Preston Harriers": a name ending in a team's nickname is the team.
fn team_name(n: &Name) -> Option<Verdict> {
    (n.words.len() >= 2 && n.is(n.last(), WordClass::TEAM_HEAD))
        .then(|| Verdict::Other(Kind::Organisation, n.words.clone()))
}

/// A person's name inside the name of something else: "James Webb Space Telescope",
/// "Saudi Press Agency", "Victoria Falls" (a head word ends it, or follows within three
/// capitalised words), "Ben Gurion airport" (a lowercase noun of things named after people).
fn named_after(n: &Name) -> Option<Verdict> {
    let end = n.words.end;
    if n.words.len() >= 2 && n.is(n.last(), WordClass::THING_HEAD) {
        return Some(Verdict::NoOne);
    }
    // "Astronaut Memorial Grove": a head word that is no given name starts no one's name.
    let first = n.first();
    if n.words.len() >= 2 && n.is(first, WordClass::THING_HEAD) && !n.is(first, WordClass::FIRST_NAME) {
        return Some(Verdict::NoOne);
    }
    if n.p.tokens[end - 1].possessive {
        return None;
    }
    let mut k = end;
    while k < end + 3 && n.free_capital(k) {
        if n.is(k, WordClass::THING_HEAD) {
            return Some(Verdict::NoOne);
        }
        // An organisation's head word ("Saudi Press Agency"). Place heads are often
        // surnames and stay out: "star Thomas Haden Church".
        if n.is(k, WordClass::ORG_HEAD) {
            return Some(Verdict::Other(Kind::Organisation, n.first()..k + 1));
        }
        if n.p.tokens[k].possessive {
            break;
        }
        k += 1;
    }
    let next_named_after =
        n.p.tokens.get(end).is_some_and(|t| t.joined_to_prev && !t.capitalised) && n.is(end, WordClass::NAMED_AFTER);
    next_named_after.then_some(Verdict::NoOne)
}

/// "St Mirren", "St. Louis", "Santa Fe", "Monte Carlo": a name after (or starting with) a
/// word that starts place names is a place's, unless its last word is used alone elsewhere
/// in the text, as a surname is ("Santa Puglisi … Puglisi").
fn place_name(n: &Name) -> Option<Verdict> {
    let first = n.first();
    if n.words.len() >= 2 && n.is(first, WordClass::PLACE_PREFIX) {
        return (!n.alone_elsewhere(n.last())).then(|| Verdict::Other(Kind::Place, n.words.clone()));
    }
    if first == 0 || !n.is(first - 1, WordClass::PLACE_PREFIX) || !n.p.tokens[first - 1].capitalised {
        return None;
    }
    let gap = n.gap_before(first);
    if gap != " " && gap != ". " {
        return None;
    }
    let prefix = &n.p.tokens[first - 1];
    let range = if n.taken.any(prefix.start, prefix.end) { n.words.clone() } else { first - 1..n.words.end };
    Some(Verdict::Other(Kind::Place, range))
}

/// "Forrest Gump", 'Michael Collins', ‘Viva Elis’: a name of two words or more that fills a
/// pair of quotation marks is a title or a phrase quoted, not a person named. A one-word
/// name in quotes is a nickname ("Gabo") and stays; so does a name a title or honorific
/// introduced.
fn quoted_title(n: &Name) -> Option<Verdict> {
    // 'No More Mr Nasty', a documentary: an honorific's name inside a quoted Title Case
    // title of three words or more is the title's.
    if n.rule == Rule::Honorific && !n.known && n.first() > 0 {
        let (start, end) = (n.p.tokens[n.first() - 1].start, n.p.tokens[n.last()].end);
        if super::tagger::in_quoted_title(n.p.text, start, end) {
            return Some(Verdict::NoOne);
        }
    }
    if n.known || n.words.len() < 2 || matches!(n.rule, Rule::Honorific | Rule::RoleTitle | Rule::Kin) {
        return None;
    }
    let (start, end) = (n.p.tokens[n.first()].start, n.p.tokens[n.last()].end);
    if n.p.tokens[n.last()].possessive {
        return None;
    }
    let before = n.p.text[..start].trim_end_matches(' ').chars().next_back();
    let after = n.p.text[end..].trim_start_matches(' ').chars().next();
    let opens = before.is_some_and(|c| matches!(c, '"' | '“' | '‘' | '\''));
    let closes = after.is_some_and(|c| matches!(c, '"' | '”' | '’' | '\''));
    (opens && closes).then_some(Verdict::NoOne)
}

/// "The Amber Spyglass", "The Catherine Tate Show": a capitalised "The" inside a sentence
/// opens the name of a work, a band or a show; a person's name takes no article.
fn after_capital_the(n: &Name) -> Option<Verdict> {
    let the = n.article_before()?;
    let t = &n.p.tokens[the];
    (t.capitalised && !t.sentence_start && n.is(the, WordClass::THE)).then_some(Verdict::NoOne)
}

/// "the Mac Mini is", "the Roosevelt Hotel in", "the Marshall
/// Plan used": a name right after a lowercase "the" that heads its phrase (what follows is a
/// small word, a verb or punctuation) is a thing's; a person's name there only qualifies a
/// noun ("the Bush administration", "the Blair government").
fn after_lowercase_the(n: &Name) -> Option<Verdict> {
    let the = n.article_before()?;
    if n.word(the) != "the" || n.p.tokens[n.last()].possessive {
        return None;
    }
    let next = n.last() + 1;
    let small = WordClass::SMALL_IN_TITLES
        | WordClass::FINITE
        | WordClass::BEFORE_SAYING_VERB
        | WordClass::PASSIVE_AUX
        | WordClass::SAYING_VERB;
    // Punctuation that ends a phrase; not "&" ("the Richard & Judy effect") nor the
    // apostrophe of a plural possessive ("the Owens ' quartet").
    let ends = |gap: &str| gap.trim_start().starts_with(['.', ';', ':', ')', '?', '!', '\n']);
    let heads = n.p.tokens.get(next).is_none_or(|t| {
        let gap = &n.p.text[n.p.tokens[next - 1].end..t.start];
        if t.joined_to_prev { !t.capitalised && n.is(next, small) } else { ends(gap) }
    });
    heads.then_some(Verdict::NoOne)
}

/// Runs the rules over every person candidate of `found`, a text's recognition: each is
/// kept, cut, made an organisation or place, or dropped (with the one-word gazetteer place
/// it had taken over given back). A name made a firm's is the firm's wherever else the text
/// writes it ("Eli Lilly & Co … Eli Lilly sold").
pub fn remove_not_people(p: &Prepared, found: &mut Recognised, gazetteer: &Gazetteer) {
    if !found.candidates.iter().any(|c| c.kind == Kind::Person) {
        return;
    }
    let tokens = &p.tokens;
    let mut out: Vec<Candidate> = Vec::with_capacity(found.candidates.len());
    let mut dropped: Vec<(usize, usize)> = Vec::new();
    let mut firms: Vec<String> = Vec::new();
    // Names of things named after someone ("James Webb" of "James Webb Space Telescope").
    let mut things: Vec<String> = Vec::new();
    // Organisations and places grown past the name ("Eli Lilly" to "Eli Lilly & Co").
    let mut grown: Vec<(usize, usize)> = Vec::new();
    let candidates = std::mem::take(&mut found.candidates);
    let taken = Overlaps::new(candidates.iter().map(|c| (c.start, c.end)));
    for c in &candidates {
        if c.kind != Kind::Person {
            out.push(c.clone());
            continue;
        }
        let first = tokens.partition_point(|t| t.end <= c.start);
        let end = tokens.partition_point(|t| t.start < c.end);
        if first >= end {
            out.push(c.clone());
            continue;
        }
        let known = matches!(c.target, Target::Known(_));
        let name = Name { p, words: first..end, known, rule: c.rule, taken: &taken, gazetteer, bare: &found.bare };
        let Some((rule, verdict)) = RULES.iter().find_map(|(rule, f)| f(&name).map(|v| (*rule, v))) else {
            out.push(c.clone());
            continue;
        };
        let span = |r: &Range<usize>| (tokens[r.start].start, tokens[r.end - 1].end);
        match verdict {
            Verdict::Person(words) => {
                let (start, end) = span(&words);
                let target = match (words.len(), c.target) {
                    (1, Target::GivenName) => Target::GivenName,
                    (1, _) => Target::Surname,
                    _ => Target::FullName,
                };
                out.push(Candidate { start, end, kind: Kind::Person, target, weak: c.weak, rule });
            }
            Verdict::Other(kind, words) => {
                let (start, end) = span(&words);
                if rule == Rule::FirmName {
                    firms.push(c.name(p.text).into_owned());
                }
                if (start, end) != (c.start, c.end) {
                    grown.push((start, end));
                }
                out.push(Candidate { start, end, kind, target: Target::Named, weak: false, rule });
            }
            Verdict::NoOne => {
                if rule == Rule::NamedAfter {
                    things.push(c.name(p.text).into_owned());
                }
                dropped.push((c.start, c.end));
                // A one-word place the name had taken over is the place again ("Miss Nepal").
                let h = p.hits.partition_point(|h| h.start < c.start);
                for hit in p.hits[h..].iter().take_while(|h| h.end <= c.end) {
                    let kind = gazetteer.entry(hit.entry).kind;
                    if kind != Kind::Person {
                        let (start, end) = (hit.start, hit.end);
                        out.push(Candidate { start, end, kind, target: Target::Known(hit.entry), weak: false, rule });
                    }
                }
            }
        }
    }
    if !firms.is_empty() {
        for c in out.iter_mut().filter(|c| c.kind == Kind::Person && c.target == Target::FullName) {
            if firms.iter().any(|f| *f == c.name(p.text)) {
                *c = Candidate { kind: Kind::Organisation, target: Target::Named, rule: Rule::FirmName, ..c.clone() };
            }
        }
    }
    // "Def Jam" where the text names the "Island Def Jam Music Group": the tagger, with no
    // cue, read an organisation's short name as a person's.
    let organisations: Vec<&str> = out
        .iter()
        .filter(|c| c.kind == Kind::Organisation && c.rule != Rule::Gazetteer)
        .map(|c| &p.text[c.start..c.end])
        .collect();
    if !organisations.is_empty() {
        for c in out.iter_mut().filter(|c| c.kind == Kind::Person && c.rule == Rule::Tagger) {
            // One word is a surname too: "Lee" of "Stan Lee Media" is Stan Lee.
            let name = &p.text[c.start..c.end];
            if name.contains(' ') && organisations.iter().any(|o| o.len() > name.len() && contains_words(o, name)) {
                *c = Candidate {
                    kind: Kind::Organisation,
                    target: Target::Named,
                    rule: Rule::InsideOrganisation,
                    ..c.clone()
                };
            }
        }
    }
    if !things.is_empty() {
        // "the James Webb data" is the telescope's, where the text names it in full.
        let after_the = |c: &Candidate| {
            let k = tokens.partition_point(|t| t.end <= c.start);
            k > 0 && tokens[k].joined_to_prev && p.class[k - 1].has(WordClass::THE)
        };
        out.retain(|c| {
            let name = c.name(p.text);
            let names_thing =
                |t: &String| t.strip_prefix(name.as_ref()).is_some_and(|r| r.is_empty() || r.starts_with(' '));
            let thing = c.kind == Kind::Person && name.contains(' ') && things.iter().any(names_thing) && after_the(c);
            if thing {
                dropped.push((c.start, c.end));
            }
            !thing
        });
    }
    if !grown.is_empty() {
        // A guess at a person inside what grew ("Co said") goes.
        let grown_over = |c: &Candidate| {
            c.kind == Kind::Person && grown.iter().any(|&(s, e)| s < c.end && c.start < e && (s, e) != (c.start, c.end))
        };
        out.retain(|c| !grown_over(c));
    }
    out.sort_by_key(|c| c.start);
    found.candidates = out;
    if !dropped.is_empty() {
        // The words of a name that names no one are no one's surname either.
        let gone = Overlaps::new(dropped);
        found.bare.retain(|b| !gone.any(b.start, b.end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::recognise::Rules;
    use crate::entities::recogniser::recognise_all;
    use crate::entities::tagger::{TaggedNames, Tagger};
    use crate::entities::vocabulary::Vocabulary;

    /// The person names recognised in `text` (with the embedded gazetteer), and the other
    /// kinds' names.
    fn found(text: &str) -> (Vec<String>, Vec<String>) {
        let g = Gazetteer::embedded();
        let vocabulary = Vocabulary::from_texts(&[text]);
        let rules = Rules { gazetteer: g, vocabulary: &vocabulary };
        let tagged = TaggedNames { tagger: Tagger::embedded(), vocabulary: &vocabulary };
        let r = recognise_all(&[&rules, &tagged], text, g);
        let (people, others): (Vec<&Candidate>, Vec<&Candidate>) =
            r.candidates.iter().partition(|c| c.kind == Kind::Person);
        let names = |list: Vec<&Candidate>| list.iter().map(|c| text[c.start..c.end].to_string()).collect();
        (names(people), names(others))
    }

    fn people(text: &str) -> Vec<String> {
        found(text).0
    }

    #[test]
    fn a_pageant_is_no_woman() {
        assert!(people("She was crowned Miss Nepal in the final.").is_empty());
        assert!(people("She will compete in Miss World later.").is_empty());
        assert_eq!(people("Shrestha replaced former Miss Nepal Malina Joshi last year."), ["Malina Joshi"]);
        assert_eq!(people("Then Miss Hewitt said no."), ["Hewitt"]);
    }

    #[test]
    fn cries_are_no_people() {
        assert!(people("They wished him a Merry Christmas and left.").is_empty());
        assert!(people("The crowd shouted Viva Zapata at the end.").is_empty());
    }

    #[test]
    fn dates_are_not_part_of_names() {
        assert!(people("It was sold on 10 January Cellnet said.").is_empty());
        assert_eq!(people("Talks on 10 January Tony Blair said were over."), ["Tony Blair"]);
        assert_eq!(people("She met Theresa May later."), ["Theresa May"]);
        assert_eq!(people("beat Jan Siemerink and Sunday Bada won."), ["Jan Siemerink", "Sunday Bada"]);
    }

    #[test]
    fn job_titles_are_not_part_of_names() {
        assert_eq!(people("NASA Deputy Administrator Pam Melroy said so."), ["Pam Melroy"]);
        assert_eq!(people("said Deputy Prosecutor-General Adolfo Salamanca."), ["Adolfo Salamanca"]);
    }

    #[test]
    fn firms_named_after_people() {
        let (people, orgs) =
            found("analyst at Edward Jones & Co said. Later Edward Jones fell, and Salomon Brothers rose.");
        assert!(people.is_empty(), "{people:?}");
        assert_eq!(orgs, ["Edward Jones & Co", "Edward Jones", "Salomon Brothers"]);
        assert!(self::people("The Walt Disney Co said.").is_empty());
        assert!(self::people("NOTE: Arthur Yates and Co ltd is a garden products group.").is_empty());
    }

    #[test]
    fn teams_are_no_people() {
        let (people, orgs) = found("the Texas Rangers defeated the Cleveland Indians in the Preston Harriers race");
        assert!(people.is_empty(), "{people:?}");
        assert!(orgs.contains(&"Cleveland Indians".to_string()), "{orgs:?}");
    }

    #[test]
    fn things_named_after_people() {
        assert!(people("NASA's James Webb Space Telescope launched.").is_empty());
        assert!(people("it landed at Ben Gurion airport on Sunday").is_empty());
        assert!(people("tourists at the Victoria Falls resort").is_empty());
        assert!(people("on The Catherine Tate Show tonight").is_empty());
        assert!(people("a commemoration at the Astronaut Memorial Grove at 10").is_empty());
        assert!(people("the first match of the Singer World Series tournament").is_empty());
        assert_eq!(people("Microsoft founder Bill Gates spoke."), ["Bill Gates"]);
        assert_eq!(people("Gordon Brown announced a rise."), ["Gordon Brown"]);
        assert_eq!(people("The actor Jude Law said."), ["Jude Law"]);
        assert_eq!(people("Sideways star Thomas Hayden Church won."), ["Thomas Hayden"]);
        // Where the text names the thing, "the" and the name alone are the thing too.
        let text = "It used the James Webb Space Telescope. Data from the James Webb show it, and James Webb, who ran NASA, knew.";
        assert_eq!(people(text), ["James Webb"]);
    }

    #[test]
    fn places_with_a_saint_or_a_given_name() {
        assert!(people("He moved from St Mirren to Celtic.").is_empty());
        assert_eq!(people("Speaking in Santa Barbara, Dole said."), ["Dole"]);
        assert!(people("Santa Puglisi wept. Puglisi had lost a son.").contains(&"Santa Puglisi".to_string()));
    }

    #[test]
    fn a_spanish_article_starts_a_place() {
        assert!(people("He wrote on the page of the watchdog \u{201c}La Paz Cómo Vamos\u{201d} in La Paz.").is_empty());
        assert_eq!(people("Mayor Fiorello La Guardia spoke."), ["Fiorello La Guardia"]);
        assert_eq!(people("4. El Hassane Lahssini ( Morocco ) 7:32.44"), ["El Hassane Lahssini"]);
    }

    #[test]
    fn ordinary_words_after_a_title_are_no_name() {
        let text = "The labour code and the law. It joins the General Labour Law, said Labour MP Frank Field.";
        assert_eq!(people(text), ["Frank Field"]);
        assert_eq!(
            people("In business news Million Dollar Baby led, as dollar sales of baby food rose."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn quoted_titles() {
        assert!(people("the biggest hit since \"Forrest Gump\" in 1994").is_empty());
        assert_eq!(people("known as \"Gabo\", Gabriel Garcia wrote."), ["Gabriel Garcia"]);
    }

    #[test]
    fn real_people_stay() {
        assert_eq!(people("Grant Shapps said. Malina Joshi agreed."), ["Grant Shapps", "Malina Joshi"]);
    }

    #[test]
    fn the_tagger_s_name_inside_an_organisation_s_is_the_organisation() {
        let text = "Jay-Z will run one of the most influential labels, Def Jam. He joined the Island Def Jam \
                    Music Group in January.";
        let (people, others) = found(text);
        assert!(!people.contains(&"Def Jam".to_string()), "{people:?}");
        assert!(others.contains(&"Def Jam".to_string()), "{others:?}");
        assert!(contains_words("Island Def Jam Music Group", "Def Jam"));
        assert!(!contains_words("Island Def Jammers Group", "Def Jam"));
    }

    #[test]
    fn a_capital_the_inside_a_sentence_opens_a_work_s_name() {
        let text = "The trilogy is Northern Lights, The Subtle Knife and The Amber Spyglass, by Philip Pullman. \
                    U2 recorded The Joshua Tree in 1987.";
        assert_eq!(people(text), ["Philip Pullman"]);
    }

    #[test]
    fn a_name_heading_a_phrase_after_the_is_a_thing() {
        let text = "The launch at the Roosevelt Hotel in Los Angeles drew crowds. The Bush administration \
                    said so, and the Richard & Judy effect was felt by the Owens ' quartet.";
        assert_eq!(people(text), ["Bush", "Richard", "Judy", "Owens"]);
    }

    #[test]
    fn an_honorific_s_name_inside_a_quoted_title_is_the_title_s() {
        let text = "Michael Howard spoke in a BBC documentary called 'No More Mr Nasty' on Monday.";
        assert_eq!(people(text), ["Michael Howard"]);
        // A quote closing before the name is no title around it.
        let text = "\"It is not set in the past?\" Responding to Ms James' criticisms, he spoke.";
        assert_eq!(people(text), ["James"]);
    }
}
