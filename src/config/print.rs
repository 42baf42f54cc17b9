//! `byline --print-config`: the defaults as a config file, every line commented.

use std::fmt::Write;

use super::Colors;
use crate::keys::BINDINGS;

/// A TOML string, quoted and escaped as the file needs it.
fn quote(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The whole default config, valid TOML that reads back as the defaults.
pub fn default_text() -> String {
    let mut out = String::new();
    let o = &mut out;
    let _ = writeln!(o, "# byline's config, here with every default. byline reads it from");
    let _ = writeln!(o, "# $XDG_CONFIG_HOME/byline/config.toml (~/.config/byline/config.toml), or --config PATH.");
    let _ = writeln!(o);
    let _ = writeln!(o, "# Articles opened when the command line names none; [] opens the built-in samples.");
    let _ = writeln!(o, "# Relative paths start at this file's folder.");
    let _ = writeln!(o, "paths = []");
    let _ = writeln!(o, "# Click to focus and select, the wheel scrolls; false leaves the mouse to the terminal.");
    let _ = writeln!(o, "mouse = true");
    let _ = writeln!(o);
    let _ = writeln!(o, "# Each action takes a key or a list of keys, which replace its defaults; a key given");
    let _ = writeln!(o, "# to one action is taken from any other that had it. A key is one character, or enter,");
    let _ = writeln!(o, "# esc, tab, shift-tab, space, up, down, left, right, home, end, pageup, pagedown,");
    let _ = writeln!(o, "# backspace, f1-f12, with ctrl- or alt- before it if wanted (ctrl-c).");
    let _ = writeln!(o, "[keys]");
    let lines: Vec<(String, &str)> = BINDINGS
        .iter()
        .map(|b| {
            let keys: Vec<String> = b.keys.iter().map(|k| quote(&k.to_string())).collect();
            (format!("{} = [{}]", b.name, keys.join(", ")), b.help)
        })
        .collect();
    aligned(o, &lines);
    let _ = writeln!(o);
    let _ = writeln!(o, "# A colour is a name (yellow, darkgray, lightblue …), #rrggbb or 0-255, or \"FG on BG\".");
    let _ = writeln!(o, "# reset is the terminal's own colour: then bold, underline or reverse stands in.");
    let _ = writeln!(o, "[colors]");
    let lines: Vec<(String, &str)> = Colors::default()
        .entries()
        .into_iter()
        .map(|(name, paint, help)| (format!("{name} = {}", quote(&paint.to_string())), help))
        .collect();
    aligned(o, &lines);
    out
}

/// `setting  # comment` lines, the comments in one column.
fn aligned(out: &mut String, lines: &[(String, &str)]) {
    let width = lines.iter().map(|(l, _)| l.chars().count()).max().unwrap_or(0);
    for (line, comment) in lines {
        let _ = writeln!(out, "{line:<width$}  # {comment}");
    }
}
