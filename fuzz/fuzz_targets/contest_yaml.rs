//! The contest YAML loader and its semantic checks: any text given as `content/contest.yaml` is either a
//! contest or a list of located problems, never a panic. Problems are rendered too, as the terminal shows
//! them (their spans must lie inside the text).
#![no_main]

use jingsai::diagnostics::SourceFile;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let file = SourceFile::new(Path::new("content/contest.yaml"), text);
    let problems = match jingsai::model::check_contest(&file) {
        Ok((_, warnings)) => warnings,
        Err(problems) => problems,
    };
    for problem in &problems.0 {
        let _ = format!("{:?}", problem.to_report(jingsai::Lang::Zh));
    }
});
