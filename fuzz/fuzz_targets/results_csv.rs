//! The results reader, CSV and YAML: any bytes (UTF-8, UTF-16, GBK or garbage) given as the results
//! file of the fixture contest are read, checked and ranked, or rejected with problems; never a panic.
#![no_main]

use jingsai::diagnostics::SourceFile;
use jingsai::model::Contest;
use jingsai::results::layout::Layout;
use jingsai::results::{from_sheet, read};
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use std::sync::LazyLock;

static CONTEST: LazyLock<Contest> = LazyLock::new(|| {
    let text = include_str!("../../tests/fixtures/results/seed/content/contest.yaml");
    let file = SourceFile::new(Path::new("content/contest.yaml"), text);
    jingsai::model::parse_contest(&file).expect("the fixture contest parses")
});

fuzz_target!(|data: &[u8]| {
    let contest = &*CONTEST;
    let layout = Layout::of(contest);
    let published = contest.results.published.as_ref().map(|d| d.value);
    let shown = Path::new("content/results.csv");
    for sheet in [read::read_csv(data, shown, &layout), read::read_yaml(data, shown, &layout)] {
        if let Ok(sheet) = sheet {
            let _ = from_sheet(contest, &sheet, published);
        }
    }
});
