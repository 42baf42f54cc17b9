//! The config file: errors and `--print-config` from the real binary; a rebinding and a
//! theme without colour through the app, the keymap and the screen.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use byline::app::Keymap;
use byline::config::{Colors, Config};
use byline::ui::Theme;
use crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier};
use support::{chars, press, render, render_in, screen_text, seeds_app};

/// The binary with its config looked for under `xdg` (and NO_COLOR unset).
fn byline(args: &[&str], xdg: &Path) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_byline"));
    cmd.args(args).env("XDG_CONFIG_HOME", xdg).env_remove("NO_COLOR");
    cmd.output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// What the binary says when the config was accepted and only the missing terminal stops it.
const NO_TERMINAL: &str = "byline: the reader needs a terminal; for scripts use `byline export`\n";

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn each_kind_of_error_exits_2_and_names_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("mouse = true\n\npaths = [\"a\" \"b\"]\n", 3, "expected `,`"),
        ("mouse = true\nmoose = false\n", 2, "unknown field `moose`"),
        ("[keys]\ndown = \"j\"\n\njump = \"x\"\n", 4, "unknown action \"jump\""),
        ("[keys]\ndown = [\"j\", \"downn\"]\n", 2, "unknown key \"downn\""),
        ("[colors]\nperson = \"yellow\"\nplace = \"#12345\"\n", 3, "bad colour \"#12345\""),
        (
            "[keys]\nnext_mention = \"x\"\nprev_mention = [\"N\", \"x\"]\n",
            3,
            "bound to both next_mention and prev_mention",
        ),
    ];
    for (text, line, problem) in cases {
        let path = write(dir.path(), "config.toml", text);
        let o = byline(&["--config", path.to_str().unwrap()], dir.path());
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{problem}: {err}");
        assert!(err.starts_with(&format!("byline: {}: line {line}: ", path.display())), "{problem}: {err}");
        assert!(err.contains(problem), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(o.stdout.is_empty(), "the terminal is not touched");
    }
}

#[test]
fn the_config_lives_under_xdg_config_home_and_may_be_missing() {
    let dir = tempfile::tempdir().unwrap();
    // Missing: the defaults, silently.
    let o = byline(&[], dir.path());
    assert_eq!(stderr(&o), NO_TERMINAL);
    let path = write(dir.path(), "byline/config.toml", "[keys]\nquit = \"ctrl-q\"\n");
    assert_eq!(stderr(&byline(&[], dir.path())), NO_TERMINAL, "a valid config is accepted");
    std::fs::write(&path, "[keys]\nquit = \"ctrl-\"\n").unwrap();
    let o = byline(&[], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with(&format!("byline: {}: line 2: unknown key", path.display())), "{}", stderr(&o));
    // --config names a file that must exist.
    let o = byline(&["--config", dir.path().join("none.toml").to_str().unwrap()], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("none.toml: cannot read"), "{}", stderr(&o));
}

#[test]
fn the_config_paths_open_when_the_command_line_names_none() {
    let dir = tempfile::tempdir().unwrap();
    let config = write(dir.path(), "c.toml", "paths = [\"no-such-folder\"]\n");
    let o = byline(&["--config", config.to_str().unwrap()], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no-such-folder"), "relative to the config's folder: {}", stderr(&o));
    let articles = write(dir.path(), "news/a.txt", "Talks\n\nDmitry Peskov said talks resume.");
    let config = write(dir.path(), "c.toml", &format!("paths = [{:?}]\n", articles.parent().unwrap()));
    assert_eq!(stderr(&byline(&["--config", config.to_str().unwrap()], dir.path())), NO_TERMINAL);
}

#[test]
fn print_config_reads_back_as_the_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let o = byline(&["--print-config"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).unwrap();
    let path = write(dir.path(), "printed.toml", &text);
    let config = Config::parse(&text, &path).unwrap();
    let defaults = Config::default();
    assert_eq!((&config.paths, config.mouse, &config.colors), (&defaults.paths, defaults.mouse, &defaults.colors));
    assert_eq!(config.keys.len(), byline::keys::BINDINGS.len(), "every action is listed");
    assert_eq!(config.keymap().unwrap(), Keymap::default(), "each with its default keys");
    for b in byline::keys::BINDINGS {
        let line = text.lines().find(|l| l.starts_with(&format!("{} = [", b.name))).unwrap();
        assert!(line.ends_with(&format!("# {}", b.help)), "{line}");
    }
    for (name, _, _) in Colors::default().entries() {
        assert!(text.lines().any(|l| l.starts_with(&format!("{name} = \"")) && l.contains("  # ")), "{name}");
    }
    // Every setting and section has a comment, after it or on the line above.
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate().filter(|(_, l)| !l.is_empty() && !l.starts_with('#')) {
        assert!(line.contains("  # ") || lines[i - 1].starts_with('#'), "uncommented: {line}");
    }
    // The binary takes it as it is.
    assert_eq!(stderr(&byline(&["--config", path.to_str().unwrap()], dir.path())), NO_TERMINAL);
}

fn keymap(text: &str) -> Keymap {
    Config::parse(text, Path::new("c.toml")).unwrap().keymap().unwrap()
}

#[test]
fn a_rebinding_takes_effect_and_help_and_hints_show_it() {
    let (w, h) = (120, 40);
    let mut app = seeds_app(w, h);
    app.set_keymap(keymap("[keys]\nnext_mention = \"x\"\nhelp = \"h\"\nquit = \"q\"\n"));
    press(&mut app, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Enter]);
    let status = app.mention_status().unwrap();
    assert!(status.contains("mention 1/"), "{status}");
    press(&mut app, &chars("n"));
    assert_eq!(app.mention_status().unwrap(), status, "n is no longer bound");
    press(&mut app, &chars("x"));
    assert!(app.mention_status().unwrap().contains("mention 2/"), "x is next_mention");
    let screen = screen_text(&render(&app, w, h));
    assert!(screen[h as usize - 1].contains("x/N mention · f filter · h help · q quit"), "{}", screen[h as usize - 1]);

    press(&mut app, &chars("?"));
    assert!(!app.overlay().is_help(), "? is no longer help");
    press(&mut app, &chars("h"));
    assert!(app.overlay().is_help());
    // Tall enough for the whole help.
    let h = 60;
    app.input(&crossterm::event::Event::Resize(w, h));
    let screen = screen_text(&render(&app, w, h));
    // The keys help lists before a description: what follows the popup's left border.
    let keys = |help: &str| {
        let line = screen.iter().find(|l| l.contains(help)).unwrap_or_else(|| panic!("{help}"));
        line[..line.find(help).unwrap()].rsplit('│').next().unwrap().trim().to_string()
    };
    assert_eq!(keys("next search match, or mention of the entity"), "x");
    assert_eq!(keys("this help"), "h");
    assert_eq!(keys("back out: close"), "Esc");
    assert_eq!(keys("files skipped while loading"), "L", "the others keep theirs");
    press(&mut app, &chars("q"));
    assert!(!app.overlay().is_help() && !app.should_quit(), "q closes help, whatever the config says");
    press(&mut app, &chars("q"));
    assert!(app.should_quit(), "then q is quit");
}

#[test]
fn without_colour_mentions_stand_out_by_modifiers() {
    let (w, h) = (120, 40);
    let mut app = seeds_app(w, h);
    // Follow Zelensky and land on his second mention.
    press(&mut app, &[KeyCode::Tab, KeyCode::Tab]);
    let zelensky = app.index.find("Volodymyr Zelensky").unwrap();
    let row = app.entity_rows().iter().position(|&(e, _)| e == zelensky).unwrap();
    press(&mut app, &vec![KeyCode::Char('j'); row]);
    press(&mut app, &[KeyCode::Enter, KeyCode::Char('n')]);
    let t = render_in(&app, w, h, &Theme::new(&Colors::default(), false));
    let buf = t.backend().buffer();
    for cell in &buf.content {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "no colour anywhere: {cell:?}");
    }
    // The modifiers of the first cell of `word` in the reader pane (after `skip` characters).
    let reader = app.panes().unwrap().reader;
    let screen = screen_text(&t);
    let modifiers_at = |word: &str, skip: u16| {
        for (y, line) in screen.iter().enumerate().skip(reader.y as usize) {
            let pane: String = line.chars().skip(reader.x as usize).collect();
            if let Some(byte) = pane.find(word) {
                let x = reader.x + pane[..byte].chars().count() as u16 + skip;
                return buf[(x, y as u16)].modifier;
            }
        }
        panic!("{word} not in the reader");
    };
    let modifiers = |word: &str| modifiers_at(word, 0);
    assert_eq!(modifiers("Kremlin"), Modifier::UNDERLINED, "organisation underlined");
    assert_eq!(modifiers("Moscow"), Modifier::ITALIC, "place italic");
    assert_eq!(modifiers("Peskov"), Modifier::BOLD, "person bold");
    let current = modifiers("Zelensky spoke");
    assert!(current.contains(Modifier::REVERSED), "the current mention reversed: {current:?}");
    let followed = modifiers_at("President Zelensky", "President ".len() as u16);
    assert!(followed.contains(Modifier::UNDERLINED) && !followed.contains(Modifier::REVERSED), "{followed:?}");
}

#[test]
fn a_config_cannot_leave_help_open_or_the_reader_without_a_way_out() {
    let mut app = seeds_app(120, 40);
    app.set_keymap(keymap("[keys]\nquit = []\nback = []\nsearch = []\nhelp = \"h\"\nlog = \"l\"\ndown = \"q\"\n"));
    for close in [KeyCode::Esc, KeyCode::Char('q'), KeyCode::Char('?')] {
        press(&mut app, &chars("h"));
        assert!(app.overlay().is_help());
        press(&mut app, &[close]);
        assert!(!app.overlay().is_help(), "{close:?} closes help");
        press(&mut app, &chars("l"));
        assert!(app.overlay().is_log());
        press(&mut app, &[close]);
        assert!(!app.overlay().is_log(), "{close:?} closes the log");
    }
    assert_eq!(app.list().cursor(), 0, "q closed the overlays without moving down");
    press(&mut app, &chars("q"));
    assert_eq!(app.list().cursor(), 1, "with help closed, q is the config's down again");
    assert!(!app.should_quit());
    let ctrl_c = crossterm::event::KeyEvent::new(KeyCode::Char('c'), crossterm::event::KeyModifiers::CONTROL);
    assert_eq!(app.input(&crossterm::event::Event::Key(ctrl_c)), Some(byline::app::Action::Quit), "Ctrl-C is bound");
    assert!(app.should_quit(), "Ctrl-C quits");
}

#[test]
fn config_errors_reach_stderr_escaped_on_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("\"\\u001b]0;pwned\\u0007\" = 1\n", "unknown field `␛]0;pwned␇`"),
        ("\"a\\nb\\u001b[2J\" = 1\n", "a␊b␛[2J"),
        ("[colors]\n\"\\u001b[31m\" = \"red\"\n", "unknown colour"),
        ("[keys]\n\"\\u001b[H\" = \"x\"\n", "unknown action"),
    ];
    for (text, shown) in cases {
        let path = write(dir.path(), "config.toml", text);
        let o = byline(&["--config", path.to_str().unwrap()], dir.path());
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(err.contains(shown), "{err:?}");
        assert!(!err.trim_end_matches('\n').chars().any(char::is_control), "{err:?}");
        assert_eq!(err.lines().count(), 1, "{err:?}");
    }
}
