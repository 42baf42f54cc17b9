use std::time::Instant;
fn main() {
    let t = Instant::now();
    let corpus = byline::corpus::load(&[std::path::PathBuf::from(std::env::args().nth(1).unwrap())]).unwrap();
    eprintln!("load {:?} ({} articles)", t.elapsed(), corpus.articles.len());
}
