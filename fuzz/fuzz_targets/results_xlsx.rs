//! The results reader, Excel workbooks: any bytes given as `content/results.xlsx` are read, checked and
//! ranked, or rejected with problems; never a panic.
//!
//! One exception: with `--debug-assertions` (overflow checks in every crate), calamine 0.38 panics on a
//! cell reference with more letters than a column can have (`get_row_and_optional_column`, "attempt to
//! multiply with overflow"). A release build wraps the number instead, and jingsai refuses the cell as
//! beyond the last column (tests/fuzz_regressions.rs). So a panic raised inside calamine's own source is
//! ignored here; any other panic still aborts and is reported.
#![no_main]

use jingsai::diagnostics::SourceFile;
use jingsai::model::Contest;
use jingsai::results::layout::Layout;
use jingsai::results::{from_sheet, read};
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use std::sync::{LazyLock, Once};

static CONTEST: LazyLock<Contest> = LazyLock::new(|| {
    let text = include_str!("../../tests/fixtures/results/seed/content/contest.yaml");
    let file = SourceFile::new(Path::new("content/contest.yaml"), text);
    jingsai::model::parse_contest(&file).expect("the fixture contest parses")
});

static HOOK: Once = Once::new();

/// Aborts on every panic (as libFuzzer's own hook does) except an overflow check inside calamine.
fn install_hook() {
    HOOK.call_once(|| {
        let fuzzer_hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let in_calamine = info
                .location()
                .is_some_and(|l| l.file().contains("/calamine-"));
            let overflow = info.to_string().contains("with overflow");
            if !(in_calamine && overflow) {
                fuzzer_hook(info);
            }
        }));
    });
}

fuzz_target!(|data: &[u8]| {
    install_hook();
    let contest = &*CONTEST;
    let layout = Layout::of(contest);
    let published = contest.results.published.as_ref().map(|d| d.value);
    let read = std::panic::catch_unwind(|| {
        read::read_xlsx(data, Path::new("content/results.xlsx"), &layout, None)
    });
    if let Ok(Ok(sheet)) = read {
        let _ = from_sheet(contest, &sheet, published);
    }
});
