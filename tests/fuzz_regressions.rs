//! Inputs the fuzzers (`fuzz/`) once crashed on, kept in `fuzz/regressions/<target>/`: each must now give
//! a result or located problems that render, never a panic. Every new crash file goes there with its fix.
//! For the `markdown` target the property is the sanitiser's (`fuzz/html_safety.rs`), checked on its
//! regressions and on the seeds of its corpus.

#[path = "../fuzz/html_safety.rs"]
mod html_safety;

use jingsai::diagnostics::SourceFile;
use jingsai::model::{Contest, check_contest, parse_contest};
use jingsai::results::layout::Layout;
use jingsai::results::{from_sheet, read};
use std::path::{Path, PathBuf};

fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    files_in(&dir)
}

fn files_in(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no inputs in {}", dir.display());
    files
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect()
}

fn results_contest() -> Contest {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/results/seed/content/contest.yaml");
    let file = SourceFile::new(
        Path::new("content/contest.yaml"),
        std::fs::read_to_string(path).unwrap(),
    );
    parse_contest(&file).expect("the fixture contest parses")
}

/// Every problem rendered as the terminal shows it (this slices the file at each problem's span).
fn render(problems: &jingsai::Problems) -> String {
    problems
        .0
        .iter()
        .map(|p| format!("{:?}", p.to_report(jingsai::Lang::En)))
        .collect()
}

#[test]
fn contest_yaml_crashes_now_give_located_problems() {
    for (path, bytes) in inputs("contest_yaml") {
        let text = String::from_utf8_lossy(&bytes);
        let file = SourceFile::new(Path::new("content/contest.yaml"), text.as_ref());
        let shown = match check_contest(&file) {
            Ok((_, warnings)) => render(&warnings),
            Err(problems) => {
                let shown = render(&problems);
                assert!(
                    shown.contains("content/contest.yaml"),
                    "{}: {shown}",
                    path.display()
                );
                shown
            }
        };
        let _ = shown;
    }
}

#[test]
fn results_crashes_now_give_results_or_problems() {
    let contest = results_contest();
    let layout = Layout::of(&contest);
    let published = contest.results.published.as_ref().map(|d| d.value);
    let mut read_any = 0;
    for (_, bytes) in inputs("results_csv") {
        for sheet in [
            read::read_csv(&bytes, Path::new("content/results.csv"), &layout),
            read::read_yaml(&bytes, Path::new("content/results.yaml"), &layout),
        ] {
            match sheet {
                Ok(sheet) => {
                    if let Err(problems) = from_sheet(&contest, &sheet, published) {
                        render(&problems);
                    }
                    read_any += 1;
                }
                Err(problems) => {
                    render(&problems);
                }
            }
        }
    }
    for (path, bytes) in inputs("results_xlsx") {
        match read::read_xlsx(&bytes, Path::new("content/results.xlsx"), &layout, None) {
            Ok(sheet) => {
                let _ = from_sheet(&contest, &sheet, published);
            }
            Err(problems) => {
                let shown = render(&problems);
                assert!(
                    shown.contains("content/results.xlsx"),
                    "{}: {shown}",
                    path.display()
                );
            }
        }
    }
    let _ = read_any;
}

/// The markdown target's crashes, if any, and the seeds of its corpus (the seed notice, an ordinary one
/// and each hostile case of tests/hostile_markdown.rs): rendered, they hold the sanitiser's property, and
/// sanitising the HTML again changes nothing.
#[test]
fn markdown_inputs_hold_the_sanitiser_property() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut all = files_in(&root.join("fuzz/corpus/markdown"));
    all.retain(|(path, _)| {
        path.file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("seed-"))
    });
    assert!(all.len() >= 10, "the seeds of fuzz/corpus/markdown");
    let regressions = root.join("fuzz/regressions/markdown");
    if regressions.is_dir() {
        all.extend(files_in(&regressions));
    }
    for (path, bytes) in all {
        let text = String::from_utf8_lossy(&bytes);
        let html = jingsai::markdown::render(&text).html;
        let problems = html_safety::problems(&html);
        assert!(
            problems.is_empty(),
            "{}: {problems:#?}\n{html}",
            path.display()
        );
        assert_eq!(
            jingsai::markdown::sanitize::clean(&html),
            html,
            "{}",
            path.display()
        );
    }
}

/// A workbook whose worksheet XML names a cell past Excel's last column (as a damaged or hostile file
/// can): refused with the cell's place, not read into a grid that far wide.
#[test]
fn a_cell_beyond_the_last_column_is_refused() {
    use std::io::{Read, Write};
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "姓名").unwrap();
    sheet.write_string(0, 1, "单位").unwrap();
    sheet.write_string(1, 0, "张三").unwrap();
    sheet.write_string(1, 1, "远处").unwrap();
    let bytes = book.save_to_buffer().unwrap();

    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            let xml = String::from_utf8(data).unwrap();
            assert!(xml.contains("r=\"B2\""), "{xml}");
            data = xml.replace("r=\"B2\"", "r=\"XFZ2\"").into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&data).unwrap();
    }
    let damaged = out.finish().unwrap().into_inner();

    let contest = results_contest();
    let layout = Layout::of(&contest);
    let problems = read::read_xlsx(&damaged, Path::new("content/results.xlsx"), &layout, None)
        .expect_err("refused");
    let shown = render(&problems);
    assert!(shown.contains("content/results.xlsx"), "{shown}");
    let message = format!("{problems:?}");
    assert!(message.contains("row 2, column 16406"), "{message}");
}
