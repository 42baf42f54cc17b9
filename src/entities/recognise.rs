//! Finding entity mentions in one text: gazetteer hits, then rules for people it does not
//! know — a capitalised name after an honorific or a job title, or next to a verb of saying.

use super::Kind;
use super::gazetteer::{Gazetteer, Hit};
use super::lexicon::Lexicon;
use super::tokens::{Token, tokenize};

/// What a span of text refers to, before linking across the article and the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A gazetteer entry.
    Known(u32),
    /// A person's full name (two words or more) found by the rules.
    FullName(String),
    /// One word naming a person by surname ("Ms Hewitt", "Peskov said").
    Surname(String),
    /// One word naming a person by given name after "Sir"/"Dame" ("Sir Keir").
    GivenName(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub target: Target,
}

/// Longest run of words taken as one name.
const MAX_NAME_WORDS: usize = 4;

/// Every mention the gazetteer and the cue rules find in `text`, sorted, not overlapping.
pub fn recognise(text: &str, gazetteer: &Gazetteer) -> Vec<Candidate> {
    let lex = Lexicon::get();
    let hits = gazetteer.find(text);
    let tokens = tokenize(text);
    let claimed = claimed_tokens(&tokens, &hits);
    let mut used = vec![false; tokens.len()];
    let mut out: Vec<Candidate> = hits
        .iter()
        .map(|h| Candidate {
            start: h.start,
            end: h.end,
            kind: gazetteer.entry(h.entry).kind,
            target: Target::Known(h.entry),
        })
        .collect();

    let free = |i: usize, used: &[bool]| !claimed[i] && !used[i];
    let mut i = 0;
    while i < tokens.len() {
        let word = tokens[i].text(text);
        let cue_honorific = lex.is_honorific(word) && tokens[i].is_capitalised(text);
        let cue_title = !cue_honorific && lex.is_title(word);
        if cue_honorific || cue_title {
            // Skip the rest of a title phrase: "Prime Minister Sir", "Secretary of State".
            let mut j = i + 1;
            let mut given_name_cue = matches!(word.trim_end_matches('.'), "Sir" | "Dame");
            while j < tokens.len() {
                let w = tokens[j].text(text);
                if lex.is_honorific(w) || (lex.is_title(w) && tokens[j].is_capitalised(text)) {
                    given_name_cue = matches!(w.trim_end_matches('.'), "Sir" | "Dame");
                    j += 1;
                } else if let Some(after) = portfolio(text, &tokens, j) {
                    j = after;
                } else {
                    break;
                }
            }
            // Title words are never part of a name found later ("Secretary of State announced").
            used[i..j].fill(true);
            let after_dot = text[tokens[j - 1].end..].starts_with(". ");
            if j < tokens.len() && (tokens[j].joined_to_prev || after_dot) && !tokens[j - 1].possessive {
                if let Some(end) = name_run(text, &tokens, j, |k| free(k, &used), lex) {
                    out.push(person(text, &tokens[j..end], given_name_cue));
                    used[j..end].fill(true);
                    i = end;
                    continue;
                }
            }
            i = j;
            continue;
        }
        if lex.is_saying_verb(word) && tokens[i].joined_to_prev {
            // "… Healey remarked": the name ends right before the verb.
            let mut start = i;
            while start > 0
                && i - start < MAX_NAME_WORDS
                && free(start - 1, &used)
                && is_name_word(text, &tokens[start - 1], lex)
                && (start == i || tokens[start].joined_to_prev)
                && !(start < i && tokens[start - 1].possessive)
            {
                start -= 1;
            }
            // A lone sentence-initial word may be an ordinary word ("Officials said").
            let lone_initial =
                i - start == 1 && tokens[start].sentence_start && !looks_like_surname(text, &tokens[start]);
            if start < i && !lone_initial && !tokens[i - 1].possessive {
                out.push(person(text, &tokens[start..i], false));
                used[start..i].fill(true);
            }
        }
        if lex.is_saying_verb(word) && i + 1 < tokens.len() && tokens[i + 1].joined_to_prev {
            // "…,” said Peskov".
            if let Some(end) = name_run(text, &tokens, i + 1, |k| free(k, &used), lex) {
                out.push(person(text, &tokens[i + 1..end], false));
                used[i + 1..end].fill(true);
                i = end;
                continue;
            }
        }
        i += 1;
    }
    out.sort_by_key(|c| c.start);
    out
}

/// After a title, "of State" / "for the Exchequer": the portfolio is part of the title.
/// Returns the token after it.
fn portfolio(text: &str, tokens: &[Token], j: usize) -> Option<usize> {
    if !matches!(tokens[j].text(text), "of" | "for") {
        return None;
    }
    let k = if tokens.get(j + 1)?.text(text) == "the" { j + 2 } else { j + 1 };
    let t = tokens.get(k)?;
    (t.is_capitalised(text) && t.joined_to_prev && tokens[j].joined_to_prev).then_some(k + 1)
}

/// Which tokens a gazetteer hit covers.
fn claimed_tokens(tokens: &[Token], hits: &[Hit]) -> Vec<bool> {
    let mut claimed = vec![false; tokens.len()];
    let mut h = 0;
    for (i, t) in tokens.iter().enumerate() {
        while h < hits.len() && hits[h].end <= t.start {
            h += 1;
        }
        claimed[i] = h < hits.len() && hits[h].start < t.end;
    }
    claimed
}

/// A word that can be part of a name: capitalised, not a function word, title or honorific.
fn is_name_word(text: &str, t: &Token, lex: &Lexicon) -> bool {
    let w = t.text(text);
    t.is_capitalised(text)
        && !lex.is_not_name(w)
        && !lex.is_honorific(w)
        && !lex.is_title(w)
        && !lex.is_saying_verb(&w.to_lowercase())
        && w.chars().any(char::is_lowercase) | is_initial(w)
}

/// "W" or "W." — a middle initial.
fn is_initial(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    w.chars().count() == 1 && w.chars().all(char::is_uppercase)
}

/// A word that reads as a surname even at the start of a sentence: not plural-looking.
fn looks_like_surname(text: &str, t: &Token) -> bool {
    let w = t.text(text);
    !w.ends_with('s') || w.ends_with("ss")
}

/// The end (exclusive) of a name starting at token `start`: capitalised words joined by
/// spaces, with particles inside ("van") and a possessive ending it. None if no name starts.
fn name_run(text: &str, tokens: &[Token], start: usize, free: impl Fn(usize) -> bool, lex: &Lexicon) -> Option<usize> {
    let mut end = start;
    while end < tokens.len() && end - start < MAX_NAME_WORDS && free(end) {
        let t = &tokens[end];
        if end > start && !t.joined_to_prev {
            break;
        }
        let w = t.text(text);
        let particle = end > start
            && lex.is_particle(w)
            && tokens.get(end + 1).is_some_and(|n| n.joined_to_prev && is_name_word(text, n, lex));
        if !particle && !is_name_word(text, t, lex) {
            break;
        }
        end += 1;
        if t.possessive {
            break;
        }
    }
    // A name does not end on an initial or a particle.
    while end > start && (is_initial(tokens[end - 1].text(text)) || lex.is_particle(tokens[end - 1].text(text))) {
        end -= 1;
    }
    (end > start).then_some(end)
}

fn person(text: &str, words: &[Token], given_name_cue: bool) -> Candidate {
    let start = words[0].start;
    let end = words[words.len() - 1].end;
    let name = words.iter().map(|t| t.text(text)).collect::<Vec<_>>().join(" ");
    let target = match words.len() {
        1 if given_name_cue => Target::GivenName(name),
        1 => Target::Surname(name),
        _ => Target::FullName(name),
    };
    Candidate { start, end, kind: Kind::Person, target }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn empty() -> Gazetteer {
        Gazetteer::new(vec![])
    }

    fn found(text: &str) -> Vec<(&str, Target)> {
        recognise(text, &empty()).into_iter().map(|c| (&text[c.start..c.end], c.target)).collect()
    }

    fn full(s: &str) -> Target {
        Target::FullName(s.into())
    }

    #[test]
    fn title_cues() {
        assert_eq!(found("Kremlin spokesperson Dmitry Peskov tempered"), [("Dmitry Peskov", full("Dmitry Peskov"))]);
        assert_eq!(
            found("with Press Secretary Karoline Leavitt asserting"),
            [("Karoline Leavitt", full("Karoline Leavitt"))]
        );
        assert_eq!(
            found("Canadian Foreign Minister Mélanie Joly emphasising"),
            [("Mélanie Joly", full("Mélanie Joly"))]
        );
        assert_eq!(found("UK Prime Minister Sir Keir Starmer warned"), [("Keir Starmer", full("Keir Starmer"))]);
        assert_eq!(found("Secretary of State Marco Rubio said"), [("Marco Rubio", full("Marco Rubio"))]);
        assert_eq!(found("the Chancellor of the Exchequer Gordon Brown"), [("Gordon Brown", full("Gordon Brown"))]);
    }

    #[test]
    fn honorifics_strip_and_given_names() {
        assert_eq!(found("Sir Keir echoed this"), [("Keir", Target::GivenName("Keir".into()))]);
        assert_eq!(found("said Ms Hewitt's plan"), [("Hewitt", Target::Surname("Hewitt".into()))]);
        assert_eq!(found("Dr. Smith arrived"), [("Smith", Target::Surname("Smith".into()))]);
        assert_eq!(found("striker Ruud van Nistelrooy scored"), [("Ruud van Nistelrooy", full("Ruud van Nistelrooy"))]);
    }

    #[test]
    fn verbs_of_saying() {
        assert_eq!(found("“It was,” Healey remarked."), [("Healey", Target::Surname("Healey".into()))]);
        assert_eq!(found("“No,” said Peskov."), [("Peskov", Target::Surname("Peskov".into()))]);
        assert_eq!(found("Then Tony Blair said no."), [("Tony Blair", full("Tony Blair"))]);
        assert!(found("Officials said it was over. The Analysts said no.").is_empty());
    }

    #[test]
    fn no_cue_no_person() {
        assert!(found("Key Points Discussed: Frequency of Conversations. Easter came.").is_empty());
        assert!(found("The president said so.").is_empty());
        assert!(found("The US Secretary of State announced a trip.").is_empty());
    }

    #[test]
    fn gazetteer_claims_come_first() {
        let g = Gazetteer::from_json(
            r#"{"entities": [{"id": "organisation:kremlin", "name": "Kremlin", "kind": "organisation"}]}"#,
        )
        .unwrap();
        let text = "The Kremlin said, and spokesman Kremlin Aide said";
        let targets: Vec<Target> = recognise(text, &g).into_iter().map(|c| c.target).collect();
        assert_eq!(targets, [Target::Known(0), Target::Known(0), Target::Surname("Aide".into())]);
    }
}
