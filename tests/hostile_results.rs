//! A hostile or careless score sheet, run through the real binary (`jingsai check` or `jingsai build`)
//! on a temporary copy of the seed contest: formula injection into the CSV download, workbooks that
//! would take gigabytes (a cell at column XFD in every row, zip bombs), ID and phone numbers in a
//! published column, a score with a space inside, and input that once panicked.
//!
//! Peak memory of `jingsai check` (max RSS from `/usr/bin/time -v`, release build, this machine) on the
//! full-size workbooks of [`write_bombs`], before and after the bounds of `src/results/limits.rs`:
//!
//! | workbook                                                | stored   | before           | after          |
//! |---------------------------------------------------------|----------|------------------|----------------|
//! | one cell at XFD in each of 5,000 rows                   | 29 KB    | 2,595,088 KB, 3.8 s (and passed) | 16,164 KB, refused |
//! | one cell at XFD in each of 100,000 rows                 | 476 KB   | over 10 GB (not rerun) | 16,380 KB, refused |
//! | sheet XML holding one 1 GiB inline string               | 1.05 MB  | 4,209,948 KB, 16.6 s | 16,032 KB, refused |
//! | sharedStrings holding one 1 GiB string                  | 1.05 MB  | 3,161,616 KB, 12.0 s | 15,904 KB, refused |
//!
//! The smaller workbooks of the tests below peak at 13-14 MB (the 20 MB CSV of long comma lines: 52 MB).
//!
//! The tests assert the refusal, its place and help, and (when `/usr/bin/time` exists) a peak under
//! [`MAX_RSS_KB`]. `HOSTILE_BOMB_DIR=/tmp/bombs cargo test --release --test hostile_results --
//! --ignored write_bombs` writes the full-size workbooks for measuring.

mod support;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Output;

/// The most memory `jingsai check` may take on any hostile workbook here, in KB.
const MAX_RSS_KB: u64 = 400 * 1024;

/// The seed contest (this repository's) in a temporary folder, with a publication date under `results:`
/// and the results file `name`.
struct Case {
    _copy: support::ContestCopy,
    dir: PathBuf,
}

impl Case {
    fn new(name: &str, bytes: &[u8]) -> Case {
        let copy = support::contest_copy();
        copy.append(
            "content/contest.yaml",
            "\nresults:\n  published: 2025-12-05\n",
        );
        copy.write(&format!("content/{name}"), bytes);
        let dir = copy.path().to_path_buf();
        Case { _copy: copy, dir }
    }

    fn csv(rows: &[&str]) -> Case {
        let mut csv = String::from("姓名,参赛单位,赛项,组别,理论成绩,实操成绩,实操用时\n");
        for row in rows {
            csv.push_str(row);
            csv.push('\n');
        }
        Case::new("results.csv", csv.as_bytes())
    }

    /// `jingsai check DIR`, under `/usr/bin/time -v` when it exists: the output and the peak RSS in KB.
    fn check(&self) -> (Output, Option<u64>) {
        run(&["check".as_ref(), self.dir.as_os_str()])
    }

    fn build(&self, out: &Path) -> Output {
        run(&[
            "build".as_ref(),
            self.dir.as_os_str(),
            "--output".as_ref(),
            out.as_os_str(),
        ])
        .0
    }
}

fn run(args: &[&std::ffi::OsStr]) -> (Output, Option<u64>) {
    let (subcommand, args) = args.split_first().unwrap();
    let subcommand = subcommand.to_str().unwrap();
    let timed = Path::new("/usr/bin/time").exists();
    let mut command = if timed {
        support::jingsai_under(&["/usr/bin/time", "-v"], subcommand)
    } else {
        support::jingsai(subcommand)
    };
    let output = command.args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let rss = stderr
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("Maximum resident set size (kbytes): ")
        })
        .and_then(|n| n.trim().parse().ok());
    (output, rss)
}

/// The error output with miette's wrapped lines joined again.
fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).replace("\n  │ ", " ")
}

fn refused(case: &Case) -> String {
    let (output, rss) = case.check();
    let text = stderr(&output);
    assert!(!output.status.success(), "the check passed:\n{text}");
    assert!(!text.contains("panicked"), "{text}");
    if let Some(rss) = rss {
        eprintln!("peak RSS of `jingsai check`: {} MB", rss / 1024);
        assert!(rss < MAX_RSS_KB, "`jingsai check` took {} MB", rss / 1024);
    }
    text
}

// --- 1. formula injection ------------------------------------------------------------------------

#[test]
fn formula_like_names_and_units_are_text_in_the_csv_download() {
    let case = Case::csv(&[
        r#""=HYPERLINK(""http://x"",""y"")",单位A,人工智能训练师,职工组,80,90,"#,
        "@SUM(A1),单位B,人工智能训练师,职工组,81,90,",
        "张三,+1+1,人工智能训练师,职工组,82,90,",
        "李四,-2+3,人工智能训练师,职工组,83,90,",
        "王五,-,人工智能训练师,职工组,84,90,",
    ]);
    let out = tempfile::tempdir().unwrap();
    let output = case.build(out.path());
    assert!(output.status.success(), "{}", stderr(&output));

    let bytes = std::fs::read(out.path().join("results/results.csv")).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let text = text.strip_prefix('\u{feff}').unwrap();
    let cells: Vec<String> = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .flat_map(|r| r.unwrap().iter().map(String::from).collect::<Vec<_>>())
        .collect();
    for written in [
        r#"'=HYPERLINK("http://x","y")"#,
        "'@SUM(A1)",
        "'+1+1",
        "'-2+3",
        "'-",
    ] {
        assert!(cells.iter().any(|c| c == written), "{written} in {cells:?}");
    }
    assert!(
        !cells
            .iter()
            .any(|c| c.starts_with(['=', '+', '-', '@', '\t', '\r'])),
        "no cell may begin as a formula: {cells:?}"
    );

    // The page keeps the text as written (escaped as HTML), without the apostrophe.
    let page = std::fs::read_to_string(out.path().join("results/ai-trainer-staff.html")).unwrap();
    for shown in ["@SUM(A1)", "+1+1", "-2+3", "=HYPERLINK("] {
        assert!(page.contains(shown), "{shown} on the page");
    }
    assert!(!page.contains("'@SUM") && !page.contains("'=HYPERLINK"));

    // The workbook stores every text as a string: no formula anywhere, the text as written.
    let xlsx = std::fs::read(out.path().join("results/results.xlsx")).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    let mut strings = String::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut xml = String::new();
        entry.read_to_string(&mut xml).unwrap();
        if name.starts_with("xl/worksheets/") {
            assert!(
                !xml.contains("<f>") && !xml.contains("<f "),
                "{name}: {xml}"
            );
        }
        if name == "xl/sharedStrings.xml" {
            strings = xml;
        }
    }
    for kept in ["=HYPERLINK(", "@SUM(A1)", "+1+1", "-2+3"] {
        assert!(strings.contains(kept), "{kept} in {strings}");
    }
    assert!(!strings.contains("'@SUM"));
}

// --- 2. memory bombs -----------------------------------------------------------------------------

/// A workbook with the usual header row and `rows` rows with one cell at column XFD each.
fn wide_workbook(rows: u32) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("成绩").unwrap();
    for (c, h) in ["姓名", "参赛单位", "赛项", "组别", "理论成绩", "实操成绩"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for row in 1..=rows {
        sheet.write_string(row, 16_383, "x").unwrap();
    }
    book.save_to_buffer().unwrap()
}

/// Before: 2.6 GB (a row of 16,384 cells for each of the 5,000 rows). Now refused at its first cell.
#[test]
fn a_cell_at_column_xfd_in_every_row_is_refused_at_the_first() {
    let bytes = wide_workbook(5_000);
    assert!(bytes.len() < 64 * 1024, "{} bytes", bytes.len());
    let text = refused(&Case::new("results.xlsx", &bytes));
    assert!(text.contains("content/results.xlsx"), "{text}");
    assert!(text.contains("成绩!XFD2"), "{text}");
    assert!(text.contains("256 columns"), "{text}");
    assert!(text.contains("delete this cell"), "{text}");
}

/// A workbook whose entry `part` is replaced by what `write` streams into the zip.
fn with_part(part: &str, write: impl Fn(&mut dyn Write)) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["姓名", "参赛单位", "赛项", "组别", "理论成绩", "实操成绩"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let bytes = book.save_to_buffer().unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9));
    let mut found = false;
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        out.start_file(name.as_str(), options).unwrap();
        if name == part {
            write(&mut out);
            found = true;
        } else {
            std::io::copy(&mut entry, &mut out).unwrap();
        }
    }
    assert!(found, "the workbook has no {part}");
    out.finish().unwrap().into_inner()
}

/// `n` bytes of `a`, in chunks.
fn repeat(out: &mut dyn Write, n: usize) {
    let chunk = vec![b'a'; 1 << 20];
    let mut left = n;
    while left > 0 {
        let take = left.min(chunk.len());
        out.write_all(&chunk[..take]).unwrap();
        left -= take;
    }
}

/// A worksheet whose A2 holds an inline string of `n` bytes.
fn sheet_bomb(n: usize) -> Vec<u8> {
    with_part("xl/worksheets/sheet1.xml", |out| {
        out.write_all(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>参赛单位</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>"#.as_bytes()).unwrap();
        repeat(out, n);
        out.write_all(b"</t></is></c></row></sheetData></worksheet>")
            .unwrap();
    })
}

/// Shared strings whose first string is `n` bytes long.
fn strings_bomb(n: usize) -> Vec<u8> {
    with_part("xl/sharedStrings.xml", |out| {
        out.write_all(br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>"#).unwrap();
        repeat(out, n);
        out.write_all(b"</t></si></sst>").unwrap();
    })
}

/// Before: about 4 GB for a 1 GiB inflated sheet (here 96 MiB, over the 64 MiB limit of a part).
#[test]
fn a_worksheet_that_inflates_past_the_limit_is_refused_before_it_is_read() {
    let bytes = sheet_bomb(96 << 20);
    assert!(bytes.len() < 1 << 20, "{} bytes", bytes.len());
    let text = refused(&Case::new("results.xlsx", &bytes));
    assert!(text.contains("content/results.xlsx"), "{text}");
    assert!(text.contains("`xl/worksheets/sheet1.xml`"), "{text}");
    assert!(text.contains("64 MiB"), "{text}");
}

/// Before: about 4 GB for a 1 GiB string (here 96 MiB).
#[test]
fn shared_strings_that_inflate_past_the_limit_are_refused() {
    let text = refused(&Case::new("results.xlsx", &strings_bomb(96 << 20)));
    assert!(text.contains("`xl/sharedStrings.xml`"), "{text}");
    assert!(text.contains("64 MiB"), "{text}");
}

/// Under the size limit of a part, but inflating ~1000:1: no office file does that.
#[test]
fn a_part_that_inflates_a_thousandfold_is_refused() {
    let text = refused(&Case::new("results.xlsx", &strings_bomb(32 << 20)));
    assert!(text.contains("`xl/sharedStrings.xml`"), "{text}");
    assert!(text.contains("200:1"), "{text}");
}

/// A zip whose headers say a part is 1,000 bytes while it inflates to 96 MiB: the bounded reader
/// counts what comes out, not what the header says (or the zip reader refuses the lie).
#[test]
fn a_zip_that_lies_about_the_size_of_a_part_is_refused() {
    let mut bytes = strings_bomb(96 << 20);
    let name = b"xl/sharedStrings.xml";
    let mut patched = 0;
    // Local header (signature PK\3\4): uncompressed size at 22, name at 30. Central directory
    // (PK\1\2): uncompressed size at 24, name at 46.
    for (signature, size_at, name_at) in [(b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)] {
        let mut i = 0;
        while i + name_at + name.len() <= bytes.len() {
            if &bytes[i..i + 4] == signature
                && &bytes[i + name_at..i + name_at + name.len()] == name
            {
                bytes[i + size_at..i + size_at + 4].copy_from_slice(&1000u32.to_le_bytes());
                patched += 1;
            }
            i += 1;
        }
    }
    assert_eq!(patched, 2);
    let text = refused(&Case::new("results.xlsx", &bytes));
    assert!(text.contains("content/results.xlsx"), "{text}");
    assert!(text.contains("sharedStrings.xml"), "{text}");
}

/// A CSV line of 100,000 commas and a value: refused at the value, not read as 100,000 cells a row.
#[test]
fn a_csv_wider_than_the_limit_is_refused_at_its_cell() {
    let mut csv = String::from("姓名,参赛单位,赛项,组别,理论成绩,实操成绩\n");
    for _ in 0..200 {
        csv.push_str(&",".repeat(100_000));
        csv.push_str("x\n");
    }
    let text = refused(&Case::new("results.csv", csv.as_bytes()));
    assert!(
        text.contains("content/results.csv: row 2, column EQXE"),
        "{text}"
    );
    assert!(text.contains("256 columns"), "{text}");
}

/// Writes the full-size workbooks measured in the table at the top into `$HOSTILE_BOMB_DIR`.
#[test]
#[ignore]
fn write_bombs() {
    let dir = PathBuf::from(std::env::var("HOSTILE_BOMB_DIR").expect("HOSTILE_BOMB_DIR"));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, bytes) in [
        ("xfd-5000.xlsx", wide_workbook(5_000)),
        ("xfd-100000.xlsx", wide_workbook(100_000)),
        ("sheet-bomb.xlsx", sheet_bomb(1 << 30)),
        ("strings-bomb.xlsx", strings_bomb(1 << 30)),
    ] {
        eprintln!("{name}: {} bytes", bytes.len());
        std::fs::write(dir.join(name), bytes).unwrap();
    }
}

// --- 3. ID and phone numbers in published columns ------------------------------------------------

#[test]
fn id_and_phone_numbers_in_a_published_column_are_located_errors() {
    let case = Case::csv(&[
        "张三 110101199003071234,单位A,人工智能训练师,职工组,80,90,",
        "李四,单位B 138-1234-5678,人工智能训练师,职工组,80,90,",
        "王五11010119900307123X,单位C,人工智能训练师,职工组,80,90,",
        "赵六,单位D（110101900307123）,人工智能训练师,职工组,80,90,",
        "钱七 139 1234 5678,单位E,人工智能训练师,职工组,80,90,",
        "孙八,天津2025级3班,人工智能训练师,职工组,80,90,",
    ]);
    let text = refused(&case);
    for expected in [
        "content/results.csv: row 2, column A (姓名): the name holds what looks like an ID number",
        "content/results.csv: row 3, column B (参赛单位): the unit holds what looks like a mobile phone number",
        "content/results.csv: row 4, column A (姓名): the name holds what looks like an ID number",
        "content/results.csv: row 5, column B (参赛单位): the unit holds what looks like an ID number",
        "content/results.csv: row 6, column A (姓名): the name holds what looks like a mobile phone number",
    ] {
        assert!(text.contains(expected), "{expected}\n{text}");
    }
    assert!(!text.contains("row 7"), "{text}");
    assert!(
        text.contains("no ID or phone number may reach a public page"),
        "{text}"
    );
    // The message never repeats the number.
    for number in ["110101199003071234", "1234-5678", "139 1234 5678"] {
        assert!(!text.contains(number), "{number} in\n{text}");
    }
}

#[test]
fn a_phone_number_in_a_workbook_names_the_sheet_and_cell() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("成绩").unwrap();
    let rows = [
        ["姓名", "参赛单位", "赛项", "组别", "理论成绩", "实操成绩"],
        ["张三", "天津某公司", "人工智能训练师", "职工组", "80", "90"],
        [
            "李四",
            "13812345678",
            "人工智能训练师",
            "职工组",
            "80",
            "90",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *cell).unwrap();
        }
    }
    let text = refused(&Case::new("results.xlsx", &book.save_to_buffer().unwrap()));
    assert!(
        text.contains("content/results.xlsx: 成绩!B3 (参赛单位): the unit holds what looks like a mobile phone number"),
        "{text}"
    );
}

// --- 4. a score with a space inside --------------------------------------------------------------

#[test]
fn a_score_with_a_space_inside_is_refused() {
    let case = Case::csv(&[
        "张三,单位A,人工智能训练师,职工组,8 5,90,",
        "李四,单位B,人工智能训练师,职工组, 85 ,85.5,",
        "王五,单位C,人工智能训练师,职工组,85,9　0,",
        "赵六,单位D,人工智能训练师,职工组,85,90,8 3",
    ]);
    let text = refused(&case);
    for expected in [
        "content/results.csv: row 2, column E (理论成绩): `8 5` has a space inside, and a score is one number",
        "content/results.csv: row 4, column F (实操成绩): `9　0` has a space inside",
        "content/results.csv: row 5, column G (实操用时): `8 3` is not a time",
    ] {
        assert!(text.contains(expected), "{expected}\n{text}");
    }
    assert!(!text.contains("row 3"), "{text}");
}

// --- 5. no panic ---------------------------------------------------------------------------------

/// A time of 29 nines (as minutes) overflowed the decimal multiplication and panicked.
#[test]
fn a_huge_time_is_a_located_error_not_a_panic() {
    let case = Case::csv(&[
        "张三,单位A,人工智能训练师,职工组,80,90,79228162514264337593543950335",
        "李四,单位B,人工智能训练师,职工组,80,90,-1",
    ]);
    let text = refused(&case);
    assert!(
        text.contains("row 2, column G (实操用时): `79228162514264337593543950335` is not a time"),
        "{text}"
    );
    assert!(text.contains("row 3, column G (实操用时)"), "{text}");
}

/// A name longer than a spreadsheet cell holds made the workbook download fail without a place.
#[test]
fn a_name_too_long_to_publish_is_a_located_error() {
    let long = "张".repeat(40_000);
    let row = format!("{long},单位A,人工智能训练师,职工组,80,90,");
    let case = Case::csv(&[row.as_str()]);
    let out = tempfile::tempdir().unwrap();
    let output = case.build(out.path());
    let text = stderr(&output);
    assert!(!output.status.success(), "{text}");
    assert!(
        text.contains("row 2, column A (姓名): the name is 40000 characters long, more than 200"),
        "{text}"
    );
}
