//! The material beside the repository in `../shared` (BBC corpus, CoNLL, evaluation
//! scripts): never in this repository. A plain `cargo test` without it skips the tests
//! that need it and says so; CI sets `BYLINE_REQUIRE_SHARED=1`, under which a missing
//! folder fails those tests, so a green CI run cannot come from skipping them.

use std::path::{Path, PathBuf};

/// The environment variable under which a missing `../shared` fails the test.
pub const REQUIRE: &str = "BYLINE_REQUIRE_SHARED";

/// `../shared/<rel>` when it exists; otherwise a note on stderr and None, or a panic when
/// `BYLINE_REQUIRE_SHARED` is set.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared").join(rel);
    if path.exists() {
        return Some(path);
    }
    let required = std::env::var_os(REQUIRE).is_some_and(|v| !v.is_empty() && v != "0");
    assert!(!required, "{} not found, and {REQUIRE} is set: this test must not be skipped", path.display());
    eprintln!("skipped: {} not found (it sits beside the repository in CI)", path.display());
    None
}
