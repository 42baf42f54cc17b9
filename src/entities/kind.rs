use serde::{Deserialize, Serialize};

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Person,
    Organisation,
    Place,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Person, Kind::Organisation, Kind::Place];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organisation => "organisation",
            Kind::Place => "place",
        }
    }

    /// One letter, for lists that show kinds side by side (L for place: P is taken).
    pub fn letter(self) -> &'static str {
        match self {
            Kind::Person => "P",
            Kind::Organisation => "O",
            Kind::Place => "L",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s || (s == "organization" && *k == Kind::Organisation))
    }
}

/// `person:vladimir-putin`: kind, then the name folded to lowercase ASCII words.
pub fn slug(kind: Kind, name: &str) -> String {
    let ascii = deunicode::deunicode(name).to_lowercase();
    let mut out = format!("{}:", kind.as_str());
    let mut dash = false;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.ends_with(':') {
                out.push('-');
            }
            out.push(c);
            dash = false;
        } else {
            dash = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug(Kind::Person, "Mélanie Joly"), "person:melanie-joly");
        assert_eq!(slug(Kind::Person, "Martin O'Neill"), "person:martin-o-neill");
        assert_eq!(slug(Kind::Organisation, "Marks & Spencer"), "organisation:marks-spencer");
        assert_eq!(slug(Kind::Place, " U.S. "), "place:u-s");
    }
}
