//! The command line: open the reader, or export / list / grep entities without a screen.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use crate::config::Config;
use crate::corpus::{self, Corpus};
use crate::corrections::{Corrections, CorrectionsFile, NewKind};
use crate::entities::{EntityId, Index, Kind};
use crate::export;
use crate::tui::Source;
use crate::ui::{Theme, no_color};

#[derive(Parser, Debug)]
#[command(
    name = "byline",
    version,
    about = "A terminal reader for news articles that knows who is in them",
    long_about = "A terminal reader for news articles that knows who is in them.\n\n\
                  With no PATH, opens the sample articles built into byline.",
    subcommand_precedence_over_arg = true
)]
pub struct Cli {
    /// Article files or folders (walked recursively for .txt, .md, .json and .jsonl files);
    /// - reads one article, or JSON Lines, from standard input
    pub paths: Vec<PathBuf>,
    /// Read the config from PATH instead of $XDG_CONFIG_HOME/byline/config.toml
    #[arg(long, value_name = "PATH", global = true)]
    pub config: Option<PathBuf>,
    /// Print the default config, with comments, and exit
    #[arg(long)]
    pub print_config: bool,
    /// Follow symlinks that lead out of the PATHs given (never into /proc, /sys or /dev)
    #[arg(long, global = true)]
    pub follow_links: bool,
    /// Read and write corrections in FILE instead of $XDG_DATA_HOME/byline/corrections.toml
    #[arg(long, global = true, value_name = "FILE")]
    pub corrections: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Print articles, mentions and entities as JSON
    Export {
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
    /// Print a table of entities, most mentioned first
    Entities {
        paths: Vec<PathBuf>,
        #[arg(long, value_parser = parse_kind)]
        kind: Option<Kind>,
    },
    /// Print every mention of one entity as path:line:column: context
    Mentions {
        /// Any name or alias of the entity, in any case
        name: String,
        paths: Vec<PathBuf>,
    },
    /// Print a person's dossier: names, roles, quotes, who appears with them, timeline
    Dossier {
        /// Any name or alias of the entity, in any case
        name: String,
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = DossierFormat::Text)]
        format: DossierFormat,
    },
    /// Print every attributed quote in reading order: speaker, text, direct or reported,
    /// article, date and byte offsets into the body
    Quotes {
        paths: Vec<PathBuf>,
        /// Only this person's quotes (any name or alias, in any case)
        #[arg(long, value_name = "NAME")]
        speaker: Option<String>,
        #[arg(long, value_enum, default_value_t = QuotesFormat::Text)]
        format: QuotesFormat,
    },
    /// Correct who is who: merge, split, kind, never, rename; list them, undo the last
    Correct {
        #[command(subcommand)]
        action: CorrectAction,
    },
}

/// `byline correct …`: names are any alias, in any case, or an entity id, in the corpus
/// of PATH... (the samples when none is given).
#[derive(Subcommand, Debug)]
pub enum CorrectAction {
    /// Make B one entity with A, under A's name
    Merge { a: String, b: String, paths: Vec<PathBuf> },
    /// Make the mentions of NAME written ALIAS a person of their own (--in: only in FILE)
    Split {
        name: String,
        alias: String,
        #[arg(long = "in", value_name = "FILE")]
        in_file: Option<PathBuf>,
        paths: Vec<PathBuf>,
    },
    /// Give NAME another kind: person, organisation, place, or none (not an entity)
    Kind {
        name: String,
        #[arg(value_parser = parse_new_kind)]
        kind: NewKind,
        paths: Vec<PathBuf>,
    },
    /// Never merge A and B, whatever the rules think
    Never { a: String, b: String, paths: Vec<PathBuf> },
    /// Show NAME as NEW
    Rename { name: String, new: String, paths: Vec<PathBuf> },
    /// The corrections in effect, each with what it changes in the corpus of PATH...
    List { paths: Vec<PathBuf> },
    /// Take the last correction away
    Undo,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum QuotesFormat {
    Text,
    Json,
    Csv,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum DossierFormat {
    Text,
    Json,
}

/// Columns of the text dossier.
const DOSSIER_WIDTH: usize = 100;

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Jsonl,
}

fn parse_new_kind(s: &str) -> Result<NewKind, String> {
    NewKind::parse(s).ok_or_else(|| format!("unknown kind {s:?}: use person, organisation, place or none"))
}

fn parse_kind(s: &str) -> Result<Kind, String> {
    Kind::parse(s).ok_or_else(|| format!("unknown kind {s:?}: use person, organisation or place"))
}

/// Exit code for bad input: a missing path, a folder without articles, an invalid config.
const EXIT_BAD_INPUT: u8 = 2;

pub fn run() -> ExitCode {
    let cli = Cli::parse_from(subcommand_first(std::env::args_os().collect()));
    if cli.command.is_none() {
        suggest_subcommand(&cli.paths);
    }
    if cli.print_config {
        let mut out = io::stdout().lock();
        return finish_output(out.write_all(crate::config::default_text().as_bytes()).and_then(|()| out.flush()));
    }
    // Build the gazetteer's automaton while the files load.
    std::thread::spawn(|| {
        crate::entities::Gazetteer::embedded();
    });
    // Options may come before a subcommand's name (`byline --corrections F export`); paths
    // may not, or they would be silently dropped.
    if cli.command.is_some() && !cli.paths.is_empty() {
        say("paths go after the subcommand's name (byline export PATH...)");
        return ExitCode::from(EXIT_BAD_INPUT);
    }
    let links = cli.follow_links;
    let file = match cli.corrections.clone().map(CorrectionsFile::new).or_else(CorrectionsFile::default_location) {
        Some(file) => file,
        None => {
            say("no home folder for the corrections file: give one with --corrections FILE");
            return ExitCode::from(EXIT_BAD_INPUT);
        }
    };
    let corrections = match (&cli.command, file.load()) {
        (_, Ok(corrections)) => corrections,
        // The reader says so in its status line, and leaves the file as it is.
        (None, Err(e)) => return reader(cli.paths, cli.config.as_deref(), links, Err(e.to_string())),
        (Some(_), Err(e)) => {
            say(e);
            return ExitCode::from(EXIT_BAD_INPUT);
        }
    };
    let corrections = &corrections;
    match cli.command {
        None => reader(cli.paths, cli.config.as_deref(), links, Ok((file, corrections.clone()))),
        Some(Command::Correct { action }) => correct(action, &file, corrections, links),
        Some(Command::Export { paths, format }) => with_corpus(&paths, links, |corpus| {
            let index = Index::build_corrected(&corpus, corrections);
            let mut out = BufWriter::new(io::stdout().lock());
            let written = match format {
                Format::Json => export::write_json(&mut out, &corpus, &index),
                Format::Jsonl => export::write_jsonl(&mut out, &corpus, &index),
            };
            let code = finish_output(written.and_then(|()| out.flush()));
            // The process ends here: the system takes the memory back faster than freeing
            // hundreds of thousands of allocations one by one.
            std::mem::forget((corpus, index));
            code
        }),
        Some(Command::Entities { paths, kind }) => with_corpus(&paths, links, |corpus| {
            let index = Index::build_corrected(&corpus, corrections);
            let mut out = BufWriter::new(io::stdout().lock());
            finish_output(export::write_entity_table(&mut out, &index, kind).and_then(|()| out.flush()))
        }),
        Some(Command::Mentions { name, paths }) => {
            with_entity(&paths, links, corrections, &name, |corpus, index, entity| {
                let mut out = BufWriter::new(io::stdout().lock());
                finish_output(export::write_mentions(&mut out, corpus, index, entity).and_then(|()| out.flush()))
            })
        }
        Some(Command::Dossier { name, paths, format }) => {
            with_entity(&paths, links, corrections, &name, |corpus, index, entity| {
                let quotes = crate::dossier::QuoteIndex::build(corpus, index);
                let dossier = crate::dossier::Dossier::build(corpus, index, &quotes, entity);
                let mut out = BufWriter::new(io::stdout().lock());
                let written = match format {
                    DossierFormat::Json => export::write_json_value(&mut out, &dossier.to_json(corpus, index)),
                    DossierFormat::Text => {
                        let layout = crate::dossier::layout::lay_out(&dossier, corpus, index, DOSSIER_WIDTH, None);
                        layout.rows.iter().try_for_each(|row| {
                            let line: String = row.pieces.iter().map(|p| p.text.as_str()).collect();
                            writeln!(out, "{}", line.trim_end())
                        })
                    }
                };
                finish_output(written.and_then(|()| out.flush()))
            })
        }
        Some(Command::Quotes { paths, speaker, format }) => with_corpus(&paths, links, |corpus| {
            let index = Index::build_corrected(&corpus, corrections);
            let speaker =
                match speaker.as_deref().map(|name| (name, index.find(name).or_else(|| by_honorific(&index, name)))) {
                    None => None,
                    Some((_, Some(entity))) => Some(entity),
                    Some((name, None)) => return no_entity(&index, name),
                };
            let quotes = crate::dossier::QuoteIndex::build(&corpus, &index);
            let list = export::quotes::gather(&corpus, &index, &quotes, speaker);
            let mut out = BufWriter::new(io::stdout().lock());
            let written = match format {
                QuotesFormat::Text => export::quotes::write_text(&mut out, &corpus, &index, &list),
                QuotesFormat::Json => export::quotes::write_json(&mut out, &corpus, &index, &list),
                QuotesFormat::Csv => export::quotes::write_csv(&mut out, &corpus, &index, &list),
            };
            finish_output(written.and_then(|()| out.flush()))
        }),
    }
}

/// clap takes a word after the reader's options for a PATH (the reader's arguments
/// conflict with subcommands): a subcommand after them is put first, so that
/// `byline --config f.toml export` runs `export`.
fn subcommand_first(args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    let mut i = 1;
    while let Some(arg) = args.get(i).and_then(|a| a.to_str()) {
        match arg {
            "--config" => i += 2,
            "--follow-links" => i += 1,
            _ if arg.starts_with("--config=") => i += 1,
            _ => break,
        }
    }
    let names: Vec<String> = Cli::command().get_subcommands().map(|c| c.get_name().to_string()).collect();
    let is_subcommand = args.get(i).and_then(|a| a.to_str()).is_some_and(|a| names.iter().any(|n| n == a));
    if i == 1 || !is_subcommand {
        return args;
    }
    let mut moved = vec![args[0].clone(), args[i].clone()];
    moved.extend(args[1..i].iter().cloned());
    moved.extend(args[i + 1..].iter().cloned());
    moved
}

/// A first PATH that is no file but a bare word close to a subcommand's name
/// (`byline dosier`) is a typo: clap's error, with its "did you mean", rather than
/// "no such file".
fn suggest_subcommand(paths: &[PathBuf]) {
    let Some(word) = paths.first().and_then(|p| p.to_str()) else { return };
    if word == "-" || word.contains(['/', '.']) || std::path::Path::new(word).exists() {
        return;
    }
    let command = Cli::command();
    let closest = command
        .get_subcommands()
        .map(|c| (strsim::damerau_levenshtein(word, c.get_name()), c.get_name().to_string()))
        .filter(|&(d, _)| d <= 2)
        .min();
    if let Some((_, name)) = closest {
        let message = format!("unrecognized subcommand '{word}'\n\n  tip: a similar subcommand exists: '{name}'");
        Cli::command().error(clap::error::ErrorKind::InvalidSubcommand, message).exit();
    }
}

/// The reader, with the config's keys, colours and default paths. The subcommands, made for
/// scripts, read no config. The config is read, and the folders are walked, before the
/// screen changes, so an error in either is a line on stderr; then the files are read in the
/// background while the reader already shows them.
fn reader(
    paths: Vec<PathBuf>,
    config: Option<&std::path::Path>,
    follow_links: bool,
    corrections: Result<(CorrectionsFile, Corrections), String>,
) -> ExitCode {
    let (config, keymap) = match Config::load(config).and_then(|c| c.keymap().map(|k| (c, k))) {
        Ok(loaded) => loaded,
        Err(e) => {
            say(e);
            return ExitCode::from(EXIT_BAD_INPUT);
        }
    };
    let theme = Theme::new(&config.colors, !no_color());
    let paths = if paths.is_empty() { config.paths } else { paths };
    let options = crate::tui::Options {
        keymap,
        theme,
        mouse: config.mouse,
        place_key: crate::state::corpus_key(&paths),
        corrections,
    };
    if paths.is_empty() {
        return crate::tui::run(Source::Loaded(corpus::load_embedded_seeds()), options);
    }
    // The reader walks the folders first (a bad path is an error before the screen
    // changes), then reads the files in the background while it already shows them.
    match corpus::find_files(&paths, follow_links) {
        Ok(entries) => crate::tui::run(Source::Files(entries), options),
        Err(e) => {
            say(e);
            ExitCode::from(EXIT_BAD_INPUT)
        }
    }
}

/// `byline correct …`: makes the correction in the corpus of its paths and appends it to
/// the file, or lists the corrections, or takes the last one away.
fn correct(action: CorrectAction, file: &CorrectionsFile, corrections: &Corrections, links: bool) -> ExitCode {
    use crate::corrections::command::{MadeIn, Request, comment, make};
    let (request, paths, in_file) = match action {
        CorrectAction::Undo => {
            return match file.undo() {
                Ok(Some(undone)) => {
                    println!("undone: {}", corpus::sanitize(&undone.describe()));
                    ExitCode::SUCCESS
                }
                Ok(None) => {
                    println!("nothing to undo in {}", corpus::sanitize(&file.path.display().to_string()));
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    say(e);
                    ExitCode::from(EXIT_BAD_INPUT)
                }
            };
        }
        CorrectAction::List { paths } => return list_corrections(&paths, links, file, corrections),
        CorrectAction::Merge { a, b, paths } => (Request::Merge { keep: a, other: b }, paths, None),
        CorrectAction::Split { name, alias, in_file, paths } => {
            (Request::Split { name, alias, article: None }, paths, in_file)
        }
        CorrectAction::Kind { name, kind, paths } => (Request::Kind { name, kind }, paths, None),
        CorrectAction::Never { a, b, paths } => (Request::Never { a, b }, paths, None),
        CorrectAction::Rename { name, new, paths } => (Request::Rename { name, to: new }, paths, None),
    };
    with_corpus(&paths, links, |corpus| {
        let index = Index::build_corrected(&corpus, corrections);
        let mut request = request;
        if let (Request::Split { article, .. }, Some(wanted)) = (&mut request, &in_file) {
            match find_article(&corpus, wanted) {
                Some(a) => *article = Some(a),
                None => {
                    let shown = corpus::sanitize(&wanted.display().to_string()).into_owned();
                    say(format_args!("no article {shown} among the articles read"));
                    return ExitCode::from(1);
                }
            }
        }
        let made = match make(&request, &corpus, &index, corrections) {
            Ok(made) => made,
            Err(message) => {
                say(corpus::sanitize(&message));
                return ExitCode::from(1);
            }
        };
        match file.add(&made.correction, &comment(&made, MadeIn::CommandLine)) {
            Ok(_) => {
                println!("{}", corpus::sanitize(&made.summary));
                ExitCode::SUCCESS
            }
            Err(e) => {
                say(e);
                ExitCode::from(EXIT_BAD_INPUT)
            }
        }
    })
}

/// The article a `--in FILE` names: by its path as read, or as the same file on disk.
fn find_article(corpus: &Corpus, wanted: &std::path::Path) -> Option<usize> {
    let canonical = std::fs::canonicalize(wanted).ok();
    corpus.articles.iter().position(|a| {
        std::path::Path::new(&a.path) == wanted
            || canonical.is_some() && std::fs::canonicalize(&a.path).ok() == canonical
    })
}

/// `byline correct list`: each correction in effect and what it changes in this corpus.
fn list_corrections(paths: &[PathBuf], links: bool, file: &CorrectionsFile, corrections: &Corrections) -> ExitCode {
    if corrections.is_empty() {
        println!("no corrections in {}", corpus::sanitize(&file.path.display().to_string()));
        return ExitCode::SUCCESS;
    }
    with_corpus(paths, links, |corpus| {
        let index = Index::build_corrected(&corpus, corrections);
        let mut out = BufWriter::new(io::stdout().lock());
        let written = corrections.list.iter().zip(&index.corrections).enumerate().try_for_each(|(i, (c, outcome))| {
            writeln!(out, "{}. {}: {}", i + 1, corpus::sanitize(&c.describe()), outcome.effect())
        });
        finish_output(written.and_then(|()| out.flush()))
    })
}

/// Loads the corpus and finds the entity called `name` (exit 1 with the closest names
/// when there is none).
fn with_entity(
    paths: &[PathBuf],
    follow_links: bool,
    corrections: &Corrections,
    name: &str,
    f: impl FnOnce(&Corpus, &Index, EntityId) -> ExitCode,
) -> ExitCode {
    with_corpus(paths, follow_links, |corpus| {
        let index = Index::build_corrected(&corpus, corrections);
        match index.find(name).or_else(|| by_honorific(&index, name)) {
            Some(entity) => f(&corpus, &index, entity),
            None => no_entity(&index, name),
        }
    })
}

/// "Sir Keir", "Ms Hewitt": the most mentioned person with every word after the
/// honorific among the words of their name or an alias.
fn by_honorific(index: &Index, name: &str) -> Option<EntityId> {
    let (first, rest) = name.trim().split_once(' ')?;
    if !crate::lang::Lang::en().is_honorific(first) || rest.trim().is_empty() {
        return None;
    }
    let wanted: Vec<String> = rest.split_whitespace().map(str::to_lowercase).collect();
    let names_it = |n: &str| {
        let words: Vec<String> = n.split_whitespace().map(str::to_lowercase).collect();
        wanted.iter().all(|w| words.contains(w))
    };
    // "Ms" prefers a woman's given name, "Mr" a man's, then the most mentioned.
    use crate::lang::{Lang, WordClass};
    let gender = Lang::en().classify(first) & (WordClass::MALE | WordClass::FEMALE);
    let fits = |e: EntityId| {
        let given = index.entity(e).name.split_whitespace().next().unwrap_or("");
        !gender.is_empty() && Lang::en().given_name_gender(given).has(gender)
    };
    (0..index.entities.len() as EntityId)
        .filter(|&e| index.entity(e).kind == Kind::Person)
        .filter(|&e| std::iter::once(&index.entity(e).name).chain(&index.entity(e).aliases).any(|n| names_it(n)))
        .max_by_key(|&e| (fits(e), index.entity(e).mentions))
}

/// How alike a name must be to the one asked for to be offered as "closest" (0 to 1).
const CLOSE_ENOUGH: f64 = 0.5;

/// No entity is called `name`: say so with the closest names that are close, exit 1.
fn no_entity(index: &Index, name: &str) -> ExitCode {
    // Judged on the start of a long name only, as `closest` judges it.
    let wanted: String = name.trim().chars().take(200).collect::<String>().to_lowercase();
    let close = |candidate: &str| {
        let candidate = candidate.to_lowercase();
        strsim::normalized_damerau_levenshtein(&wanted, &candidate) >= CLOSE_ENOUGH
            || wanted.split_whitespace().any(|w| w.chars().count() >= 3 && candidate.split_whitespace().any(|c| c == w))
    };
    // Judged on each name and alias, as `closest` ranks them.
    let close_entity = |n: &&str| match index.find(n) {
        Some(e) => std::iter::once(&index.entity(e).name).chain(&index.entity(e).aliases).any(|a| close(a)),
        None => close(n),
    };
    let closest: Vec<&str> = index.closest(name, 5).into_iter().filter(close_entity).collect();
    let name = crate::entities::quoted_name(name);
    if closest.is_empty() {
        say(format_args!("no entity named {name}"));
    } else {
        say(format_args!("no entity named {name}; closest: {}", closest.join(", ")));
    }
    ExitCode::from(1)
}

/// Loads the corpus, reporting a bad path in one line on stderr (exit 2), and on stderr
/// each skipped file with its reason and how files were decoded.
fn with_corpus(paths: &[PathBuf], follow_links: bool, f: impl FnOnce(Corpus) -> ExitCode) -> ExitCode {
    match corpus::load_with(paths, follow_links) {
        Ok(corpus) => {
            print_skipped(&corpus.skipped);
            for note in corpus.notes() {
                say(note);
            }
            f(corpus)
        }
        Err(e) => {
            // The error names the first reason; when there were more, each gets its line.
            if e.skipped().len() > 1 {
                print_skipped(e.skipped());
            }
            say(e);
            ExitCode::from(EXIT_BAD_INPUT)
        }
    }
}

fn print_skipped(skipped: &[corpus::Skipped]) {
    for skipped in skipped {
        // File names are untrusted: no control character of one reaches the terminal.
        say(format_args!("skipped {}: {}", corpus::sanitize(&skipped.path), skipped.reason));
    }
}

/// A closed pipe (`byline export | head`) is a normal end, not an error.
fn finish_output(result: io::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            say(format_args!("cannot write output: {e}"));
            ExitCode::FAILURE
        }
    }
}

/// One line on stderr after `byline: `. A closed or full stderr is no reason to panic: the
/// line is lost, and the exit code still tells what happened.
fn say(message: impl std::fmt::Display) {
    let _ = writeln!(io::stderr(), "byline: {message}");
}
