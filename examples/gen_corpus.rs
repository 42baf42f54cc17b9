//! Writes a large, realistic test corpus by recombining BBC paragraphs and rotating names.
//!
//!     cargo run --release --example gen_corpus -- OUT_DIR N [SEED] [BBC_DIR]
//!
//! Article i takes a BBC headline and as many paragraphs as a random BBC article has,
//! drawn from articles of the same section, then swaps the names of well-known people for others of the list (consistently
//! within the article), so that who appears with whom varies. The same SEED gives the same
//! files. Files go in folders of 1,000 (`OUT_DIR/0000/000000.txt`). BBC_DIR defaults to
//! `../shared/corpora/bbc`; the generated text is for tests and benchmarks only.

use std::path::{Path, PathBuf};

/// People whose names are rotated: (full name, the surname used alone).
const PEOPLE: &[(&str, &str)] = &[
    ("Tony Blair", "Blair"),
    ("Gordon Brown", "Brown"),
    ("Michael Howard", "Howard"),
    ("Charles Kennedy", "Kennedy"),
    ("Jack Straw", "Straw"),
    ("John Prescott", "Prescott"),
    ("Alan Milburn", "Milburn"),
    ("Charles Clarke", "Clarke"),
    ("David Blunkett", "Blunkett"),
    ("Patricia Hewitt", "Hewitt"),
    ("Robin Cook", "Cook"),
    ("Peter Hain", "Hain"),
    ("Oliver Letwin", "Letwin"),
    ("Alan Johnson", "Johnson"),
    ("Tessa Jowell", "Jowell"),
    ("George W Bush", "Bush"),
    ("Kofi Annan", "Annan"),
    ("Jose Mourinho", "Mourinho"),
    ("Arsene Wenger", "Wenger"),
    ("Alex Ferguson", "Ferguson"),
    ("Wayne Rooney", "Rooney"),
    ("Thierry Henry", "Henry"),
    ("Roger Federer", "Federer"),
    ("Andy Roddick", "Roddick"),
    ("Kelly Holmes", "Holmes"),
    ("Paula Radcliffe", "Radcliffe"),
    ("Bill Gates", "Gates"),
    ("Steve Jobs", "Jobs"),
];

/// splitmix64: a small, good, deterministic generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

struct Source {
    titles: Vec<String>,
    /// How many paragraphs each BBC article has, to draw lengths from.
    lengths: Vec<usize>,
    /// Paragraphs per section.
    paragraphs: Vec<Vec<String>>,
}

fn read_bbc(dir: &Path) -> Source {
    let mut titles = Vec::new();
    let mut lengths = Vec::new();
    let mut paragraphs = Vec::new();
    let mut sections: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    sections.sort();
    for section in sections {
        let mut files: Vec<PathBuf> =
            std::fs::read_dir(&section).unwrap().filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        let mut paras = Vec::new();
        for f in files {
            let text = String::from_utf8_lossy(&std::fs::read(&f).unwrap()).into_owned();
            let mut parts = text.split("\n\n").map(str::trim).filter(|p| !p.is_empty());
            if let Some(title) = parts.next() {
                titles.push(title.to_string());
            }
            let before = paras.len();
            paras.extend(parts.map(str::to_string));
            lengths.push((paras.len() - before).max(1));
        }
        paragraphs.push(paras);
    }
    Source { titles, lengths, paragraphs }
}

/// Swaps every rotated person for the one `shift` places further in the list.
fn rotate_names(text: &str, shift: usize) -> String {
    if shift.is_multiple_of(PEOPLE.len()) {
        return text.to_string();
    }
    // Full names first, then bare surnames, through placeholders so swaps do not chain.
    let mut out = text.to_string();
    for (i, (full, surname)) in PEOPLE.iter().enumerate() {
        out = out.replace(full, &format!("\u{1}{i}\u{2}")).replace(surname, &format!("\u{1}{i}s\u{2}"));
    }
    for (i, _) in PEOPLE.iter().enumerate() {
        let (full, surname) = PEOPLE[(i + shift) % PEOPLE.len()];
        out = out.replace(&format!("\u{1}{i}\u{2}"), full).replace(&format!("\u{1}{i}s\u{2}"), surname);
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: gen_corpus OUT_DIR N [SEED] [BBC_DIR]");
        std::process::exit(2);
    }
    let out = PathBuf::from(&args[0]);
    let n: usize = args[1].parse().expect("N is a number");
    let seed: u64 = args.get(2).map_or(1, |s| s.parse().expect("SEED is a number"));
    let bbc = args
        .get(3)
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/bbc"), PathBuf::from);
    let source = read_bbc(&bbc);
    let mut rng = Rng(seed);
    let mut bytes = 0usize;
    for i in 0..n {
        let section = rng.below(source.paragraphs.len());
        let paras = &source.paragraphs[section];
        let title = &source.titles[rng.below(source.titles.len())];
        let count = source.lengths[rng.below(source.lengths.len())];
        let mut text = format!("{title}\n\n");
        for p in 0..count {
            if p > 0 {
                text.push_str("\n\n");
            }
            text.push_str(&paras[rng.below(paras.len())]);
        }
        text.push('\n');
        let text = rotate_names(&text, rng.below(PEOPLE.len()));
        let dir = out.join(format!("{:04}", i / 1000));
        if i % 1000 == 0 {
            std::fs::create_dir_all(&dir).expect("create output folder");
        }
        std::fs::write(dir.join(format!("{i:06}.txt")), &text).expect("write article");
        bytes += text.len();
    }
    eprintln!("wrote {n} articles, {:.1} MB, to {}", bytes as f64 / 1e6, out.display());
}
