//! Every person mention with its entity and the rule that found it, for reading how linking
//! joined mentions: `cargo run --release --example link_audit -- PATHS…`. A `*` marks a
//! one-word mention joined to a person whose full name its article never writes (linked
//! across the corpus).

use byline::corpus::load;
use byline::entities::{Index, Kind};

fn main() {
    let files: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    let corpus = load(&files).unwrap_or_else(|e| {
        eprintln!("link_audit: {e}");
        std::process::exit(1)
    });
    let index = Index::build(&corpus);
    for (a, article) in corpus.articles.iter().enumerate() {
        let mentions = index.mentions_in(a);
        let text = |m: &byline::entities::Mention| &article.field(m.field)[m.range()];
        for m in mentions {
            let e = index.entity(m.entity);
            if e.kind != Kind::Person {
                continue;
            }
            let written = text(m);
            let cross = !written.contains(' ')
                && e.name.contains(' ')
                && !mentions.iter().any(|o| o.entity == m.entity && text(o).contains(' '));
            let mark = if cross { "*" } else { " " };
            println!("{mark} {}\t{written}\t{}\t{}", article.path, e.id, m.rule.name());
        }
    }
}
