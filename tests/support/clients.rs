//! The real clients the tests read our output with: poppler's `pdftotext`, and python with pypdf and
//! openpyxl. `tests/run.sh` installs them and exports its venv's python as `JINGSAI_PYTHON` (without that
//! variable `python3` is used). A missing tool or module fails the test, naming what to install; no test
//! skips.

use std::path::Path;
use std::process::Command;

/// Runs `program args...` and returns its standard output; fails the test, naming the program, when it is
/// missing or fails.
pub(crate) fn tool(program: &str, args: &[&str]) -> String {
    let output = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("`{program}` is needed (tests/run.sh installs it): {e}"));
    assert!(
        output.status.success(),
        "{program} {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The text of a PDF as `pdftotext -layout` reads it, with every white space removed (labels are spaced
/// out with ideographic spaces, 姓　　名, and lines break where the layout does).
pub(crate) fn pdf_text(pdf: &Path) -> String {
    tool("pdftotext", &["-layout", &pdf.to_string_lossy(), "-"])
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// The python that has pypdf and openpyxl: `$JINGSAI_PYTHON` (tests/run.sh sets it to its venv's), else
/// `python3`.
pub(crate) fn python() -> String {
    std::env::var("JINGSAI_PYTHON").unwrap_or_else(|_| "python3".into())
}

/// Runs `python -c script args...` and returns its standard output; fails, naming the interpreter, when
/// it cannot (no pypdf or openpyxl, say).
pub(crate) fn run_python(script: &str, args: &[&str]) -> String {
    let program = python();
    let output = Command::new(&program)
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .unwrap_or_else(|e| {
            panic!("`{program}` is needed (tests/run.sh makes a venv and sets JINGSAI_PYTHON): {e}")
        });
    assert!(
        output.status.success(),
        "{program} failed (it needs pypdf and openpyxl: run tests/run.sh, or set JINGSAI_PYTHON to a \
         python that has them): {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The names of a PDF's form fields, sorted, as pypdf reads them.
pub(crate) fn pdf_field_names(pdf: &Path) -> Vec<String> {
    run_python(
        "import sys, pypdf\nfor name in sorted(pypdf.PdfReader(sys.argv[1]).get_fields() or {}): print(name)",
        &[&pdf.to_string_lossy()],
    )
    .lines()
    .map(str::to_string)
    .collect()
}

/// Fails unless each of `wanted` occurs in `text`, each after the one before.
pub(crate) fn assert_in_order(text: &str, wanted: &[&str], what: &str) {
    let mut from = 0;
    for item in wanted {
        match text[from..].find(item) {
            Some(at) => from += at + item.len(),
            None => panic!("{what}: `{item}` missing or out of order after byte {from}:\n{text}"),
        }
    }
}
