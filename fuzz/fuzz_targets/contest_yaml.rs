//! The contest YAML loader: any text given as `content/contest.yaml` is either a contest or a list of
//! located problems, never a panic. Problems are rendered too (their spans must lie inside the text).
#![no_main]

use jingsai::diagnostics::SourceFile;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let file = SourceFile::new(Path::new("content/contest.yaml"), text);
    if let Err(problems) = jingsai::model::parse_contest(&file) {
        let _ = format!("{problems:?}");
    }
});
