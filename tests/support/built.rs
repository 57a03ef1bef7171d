//! Checking and building a copied contest with the real binary, and reading its pages: shared by the
//! tests of the contests of our own (many-tracks, team-event).

use super::ContestCopy;
use scraper::Html;
use std::path::{Path, PathBuf};
use std::process::Output;

/// Both output streams of a run.
pub(crate) fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// `jingsai check` on the copy.
pub(crate) fn check(copy: &ContestCopy) -> Output {
    super::jingsai("check")
        .arg(copy.path())
        .output()
        .expect("jingsai runs")
}

/// Builds the copy into a folder beside it and returns that folder; the build must succeed.
pub(crate) fn build(copy: &ContestCopy) -> PathBuf {
    let out = copy.beside("output");
    let output = super::jingsai("build")
        .arg(copy.path())
        .arg("--output")
        .arg(&out)
        .output()
        .expect("jingsai runs");
    assert!(output.status.success(), "{}", text(&output));
    out
}

/// A built page, parsed.
pub(crate) fn page(out: &Path, path: &str) -> Html {
    let html = std::fs::read_to_string(out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    Html::parse_document(&html)
}
