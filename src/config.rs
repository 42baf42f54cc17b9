//! The config file, `$XDG_CONFIG_HOME/byline/config.toml`: default corpus paths, the mouse,
//! key bindings and colours. Missing means defaults; anything wrong in it is an error that
//! names the line, and byline does not start (see the README's Configuration section).

mod colors;
mod print;

pub use colors::{Colors, Paint};
pub use print::default_text;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::corpus::{MB, Refusal};
use crate::keys::{Key, KeyBinding, Keymap};

/// The largest config file read: a config is a few hundred bytes.
pub const CONFIG_LIMIT: u64 = MB;

/// Everything the config file sets, checked; the keys are resolved to actions by
/// [`Config::keymap`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The file it was read from, for error messages.
    pub path: PathBuf,
    /// Articles to open when the command line names none; empty: the built-in samples.
    pub paths: Vec<PathBuf>,
    pub mouse: bool,
    /// The `[keys]` table, in the file's order.
    pub keys: Vec<KeyBinding>,
    pub colors: Colors,
}

/// What is wrong with a config file, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    /// None when the file as a whole is the problem (cannot be read, not UTF-8).
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    /// The one place a config message is formatted. The path, the file's keys and values and
    /// toml's own text may all hold control characters: none reaches the terminal, and a
    /// line break shows as `␊`, so the message stays one line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        let whole = match self.line {
            Some(line) => format!("{path}: line {line}: {}", self.message),
            None => format!("{path}: {}", self.message),
        };
        f.write_str(&crate::corpus::sanitize(&whole).replace('\n', "\u{240a}"))
    }
}

impl std::error::Error for ConfigError {}

impl Default for Config {
    fn default() -> Config {
        Config { path: PathBuf::new(), paths: Vec::new(), mouse: true, keys: Vec::new(), colors: Colors::default() }
    }
}

/// The file as TOML holds it; the values are checked afterwards, where their spans give the
/// line of a bad one.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    paths: Option<Vec<PathBuf>>,
    mouse: Option<bool>,
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, Spanned<OneOrMany>>,
    #[serde(default)]
    colors: BTreeMap<Spanned<String>, Spanned<String>>,
}

/// `down = "j"` or `down = ["j", "down"]`.
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<OneOrMany, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = OneOrMany;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key or a list of keys")
            }
            fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<OneOrMany, E> {
                Ok(OneOrMany::One(key.to_string()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<OneOrMany, A::Error> {
                let mut keys = Vec::new();
                while let Some(key) = seq.next_element()? {
                    keys.push(key);
                }
                Ok(OneOrMany::Many(keys))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl Config {
    /// Where the config file is looked for: `$XDG_CONFIG_HOME/byline/config.toml`.
    pub fn default_path() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "byline").map(|dirs| dirs.config_dir().join("config.toml"))
    }

    /// Reads `explicit` (from `--config`, which must exist), or else the default path, where
    /// a missing file means the defaults.
    pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
        let (path, required) = match explicit {
            Some(path) => (path.to_path_buf(), true),
            None => match Config::default_path() {
                Some(path) => (path, false),
                None => return Ok(Config::default()),
            },
        };
        let whole = |message: String| ConfigError { path: path.clone(), line: None, message };
        // Only a regular file, and not much of it: a FIFO or a link to /dev/zero is an error.
        match crate::corpus::read_regular(&path, CONFIG_LIMIT) {
            Ok(bytes) => {
                let text = String::from_utf8(bytes).map_err(|_| whole("not UTF-8 text".into()))?;
                Config::parse(&text, &path)
            }
            Err(Refusal::Io(e)) if e.kind() == std::io::ErrorKind::NotFound && !required => Ok(Config::default()),
            Err(Refusal::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
                Err(whole("cannot read: no such file".into()))
            }
            Err(Refusal::Io(e)) => Err(whole(format!("cannot read: {}", crate::corpus::io_reason(&e)))),
            Err(refusal) => Err(whole(refusal.to_string())),
        }
    }

    /// The config in `text`, read from `path`. Relative `paths` are relative to its folder.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let mut config = Config { path: path.to_path_buf(), ..Config::default() };
        let at = |span: std::ops::Range<usize>, message: String| config.error(line_of(text, span.start), message);
        let file: File = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|span| line_of(text, span.start));
            ConfigError { path: path.to_path_buf(), line, message: e.message().trim_end().to_string() }
        })?;
        let folder = path.parent().unwrap_or(Path::new(""));
        let paths = file.paths.unwrap_or_default().into_iter().map(|p| folder.join(p)).collect();
        let mut keys = Vec::new();
        // In the file's order, so that the later of two clashing lines is the one named.
        let mut entries: Vec<_> = file.keys.into_iter().collect();
        entries.sort_by_key(|(name, _)| name.span().start);
        for (name, value) in entries {
            let names = match value.get_ref() {
                OneOrMany::One(key) => std::slice::from_ref(key),
                OneOrMany::Many(keys) => keys.as_slice(),
            };
            let parsed = names.iter().map(|k| k.parse::<Key>()).collect::<Result<Vec<_>, _>>();
            let parsed = parsed.map_err(|e| at(value.span(), e.to_string()))?;
            keys.push(KeyBinding { action: name.into_inner(), keys: parsed, line: line_of(text, value.span().start) });
        }
        let mut colors = Colors::default();
        for (name, value) in file.colors {
            let Some(slot) = colors.slot(name.get_ref()) else {
                let known: Vec<&str> = Colors::default().entries().iter().map(|e| e.0).collect();
                return Err(at(
                    name.span(),
                    format!("unknown colour {:?}; colours: {}", name.get_ref(), known.join(", ")),
                ));
            };
            *slot = value.get_ref().parse().map_err(|e: colors::BadPaint| at(value.span(), e.to_string()))?;
        }
        config.paths = paths;
        config.mouse = file.mouse.unwrap_or(true);
        config.keys = keys;
        config.colors = colors;
        Ok(config)
    }

    /// The keymap in effect: the defaults with `[keys]` applied; a bad binding is an error
    /// at its line.
    pub fn keymap(&self) -> Result<Keymap, ConfigError> {
        Keymap::with_bindings(&self.keys).map_err(|(line, message)| self.error(line, message))
    }

    /// An error at `line` of this config's file.
    pub fn error(&self, line: usize, message: String) -> ConfigError {
        ConfigError { path: self.path.clone(), line: Some(line), message }
    }
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

#[cfg(test)]
mod tests {
    use crossterm::event::{KeyCode, KeyModifiers};
    use ratatui::style::Color;

    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(text, Path::new("/cfg/config.toml"))
    }

    fn error(text: &str) -> ConfigError {
        parse(text).expect_err(text)
    }

    #[test]
    fn empty_file_is_the_defaults() {
        let c = parse("").unwrap();
        assert_eq!(c, Config { path: "/cfg/config.toml".into(), ..Config::default() });
        assert!(c.mouse);
    }

    #[test]
    fn every_field() {
        let c = parse(
            "paths = [\"news\", \"/abs\"]\nmouse = false\n[keys]\nquit = \"ctrl-q\"\ndown = [\"j\", \"down\"]\n\
             [colors]\nperson = \"#ff8800\"\nstatus = \"white on 236\"\n",
        )
        .unwrap();
        assert_eq!(c.paths, [PathBuf::from("/cfg/news"), PathBuf::from("/abs")]);
        assert!(!c.mouse);
        assert_eq!(c.keys.len(), 2);
        assert_eq!(c.keys[0].action, "quit", "in the file's order");
        assert_eq!(c.keys[0].keys, [Key::new(KeyCode::Char('q'), KeyModifiers::CONTROL)]);
        assert_eq!(c.keys[0].line, 4);
        assert_eq!(c.keys[1].keys, [Key::char('j'), Key::plain(KeyCode::Down)]);
        assert_eq!(c.colors.person, Paint { fg: Color::Rgb(255, 136, 0), bg: None });
        assert_eq!(c.colors.status, Paint { fg: Color::White, bg: Some(Color::Indexed(236)) });
        assert_eq!(c.colors.place, Colors::default().place, "unset colours keep their default");
    }

    #[test]
    fn errors_name_the_line() {
        let cases = [
            ("mouse = true\n\npaths = [\"a\" \"b\"]\n", 3, "TOML syntax"),
            ("mouse = true\n\nmoose = 1\n", 3, "unknown field"),
            ("[keys]\ndown = \"j\"\nup = \"kk\"\n", 3, "unknown key \"kk\""),
            ("[keys]\ndown = [\"j\",\n  \"ctrl-\"]\n", 2, "unknown key \"ctrl-\""),
            ("[keys]\ndown = 3\n", 2, "key list"),
            ("[colors]\nperson = \"yellow\"\n\nplace = \"greenish\"\n", 4, "unknown colour \"greenish\""),
            ("[colors]\npersons = \"yellow\"\n", 2, "unknown colour \"persons\""),
            ("mouse = \"yes\"\n", 1, "mouse"),
            ("[keys]\ndown = \"j\"\ndown = \"k\"\n", 3, "duplicate"),
        ];
        for (text, line, what) in cases {
            let e = error(text);
            assert_eq!(e.line, Some(line), "{what}: {e}");
            assert!(e.to_string().starts_with(&format!("/cfg/config.toml: line {line}: ")), "{e}");
            assert!(!e.message.contains('\n'), "one line: {e}");
        }
        assert!(error("[keys]\nup = \"kk\"").message.contains("unknown key \"kk\""));
        assert!(error("moose = 1").message.contains("unknown field `moose`"));
    }

    #[test]
    fn no_control_character_of_a_message_reaches_the_terminal() {
        let cases = [
            "\"\\u001b]0;pwned\\u0007\" = 1\n",
            "\"two\\nlines\\u009b\" = 1\n",
            "[colors]\n\"\\u001b[2J\" = \"red\"\n",
            "[colors]\nperson = \"\\u001b[31m\"\n",
            "mouse = \"\\u001b[31m\"\n",
        ];
        for text in cases {
            let shown = error(text).to_string();
            assert!(!shown.chars().any(char::is_control), "{text:?}: {shown:?}");
        }
        assert!(error(cases[0]).to_string().contains("unknown field `␛]0;pwned␇`"));
        assert!(error(cases[1]).to_string().contains("two␊lines�"), "one line");
        // The path too, whatever the environment named.
        let e = Config::parse("moose = 1", Path::new("/tmp/\u{1b}]0;x\u{7}/config.toml")).unwrap_err();
        assert!(e.to_string().starts_with("/tmp/␛]0;x␇/config.toml: line 1: "), "{e}");
    }

    #[test]
    fn a_missing_file_is_the_defaults_unless_named() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("none.toml");
        let e = Config::load(Some(&missing)).unwrap_err();
        assert_eq!(e.line, None);
        assert!(e.message.starts_with("cannot read"), "{e}");
        std::fs::write(&missing, b"mouse = \xff").unwrap();
        assert_eq!(Config::load(Some(&missing)).unwrap_err().message, "not UTF-8 text");
    }

    #[test]
    fn only_a_small_regular_file_is_read() {
        let e = Config::load(Some(Path::new("/dev/zero"))).unwrap_err();
        assert_eq!(e.to_string(), "/dev/zero: not a regular file");
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("config.toml");
        std::fs::File::create(&big).unwrap().set_len(CONFIG_LIMIT + 1).unwrap();
        assert_eq!(Config::load(Some(&big)).unwrap_err().message, "larger than 1 MB");
    }

    #[test]
    fn lines_count_from_one() {
        assert_eq!(line_of("a\nb\nc", 0), 1);
        assert_eq!(line_of("a\nb\nc", 2), 2);
        assert_eq!(line_of("a\nb\nc", 4), 3);
        assert_eq!(line_of("a\n", 99), 2);
    }
}
