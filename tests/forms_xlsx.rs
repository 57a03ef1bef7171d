//! The spreadsheet template of the built-in roster (报名汇总表, `xlsx: true`), read back with python's
//! `openpyxl`: `tests/run.sh` installs it, pinned, in the venv whose python it exports as
//! `JINGSAI_PYTHON` (without that variable `python3` is used); a missing module fails the test. The seed
//! contest has no roster attachment: the test adds one as 附件3 and builds with `--no-system-fonts`.

mod support;

use support::clients::run_python;

use serde_json::Value;
use std::path::Path;

/// The seed contest's name, tracks and groups, as its contest.yaml writes them.
const CONTEST: &str = "2025年“海河工匠杯”技能大赛——第四届全国人工智能应用技术技能大赛天津选拔赛";
const TRACKS: [&str; 3] = [
    "人工智能训练师",
    "服务机器人应用技术员",
    "生成式人工智能系统应用员",
];
const GROUPS: [&str; 2] = ["职工组", "学生组"];
/// The roster's column labels (src/model/forms/builtin/roster.yaml).
const LABELS: [&str; 8] = [
    "序号",
    "姓名",
    "性别",
    "身份证号",
    "赛项",
    "组别",
    "手机号",
    "指导教师",
];
const XLSX: &str = "downloads/roster-form.xlsx";

/// What openpyxl sees in the workbook, as JSON.
const READ: &str = r#"
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
lists = wb['lists'] if 'lists' in wb.sheetnames else None
ps = ws.page_setup
print(json.dumps({
    'sheets': wb.sheetnames,
    'name': ws.title,
    'rows': [[c.value for c in row] for row in ws.iter_rows()],
    'formats': [[c.number_format for c in row] for row in ws.iter_rows()],
    'validations': [{'type': v.type, 'operator': v.operator, 'formula1': v.formula1,
                     'sqref': str(v.sqref), 'error': v.error} for v in ws.data_validations.dataValidation],
    'lists_state': lists.sheet_state if lists else None,
    'lists': [[c.value for c in col if c.value is not None] for col in lists.iter_cols()] if lists else [],
    'orientation': ps.orientation,
    'paper': ps.paperSize,
    'fit_width': ps.fitToWidth,
    'fit_height': ps.fitToHeight,
    'fit_to_page': ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None,
    'title_rows': ws.print_title_rows,
    'freeze': ws.freeze_panes,
}, ensure_ascii=False, default=str))
"#;

fn build(dir: &Path) {
    let output = support::jingsai("build").arg(dir).output().unwrap();
    assert!(
        output.status.success(),
        "build failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The seed with the built-in roster as 附件3.
fn seed_with_roster() -> support::ContestCopy {
    let copy = support::contest_copy();
    // `attachments:` is the last section of the seed's contest.yaml.
    copy.append(
        "content/contest.yaml",
        "  - number: 3\n    title: 报名汇总表\n    form: roster\n",
    );
    copy
}

/// The column letter of a column index (A for 0); the roster has fewer than 27 columns.
fn letter(col: usize) -> char {
    (b'A' + col as u8) as char
}

#[test]
fn the_roster_spreadsheet_has_its_columns_lists_checks_and_page_setup_and_is_reproducible() {
    let copy = seed_with_roster();
    build(copy.path());
    let out = copy.file("output");
    let book = out.join(XLSX);
    let json: Value = serde_json::from_str(&run_python(READ, &[book.to_str().unwrap()])).unwrap();

    assert_eq!(json["name"], "报名汇总表");
    assert_eq!(json["sheets"], serde_json::json!(["报名汇总表", "lists"]));
    let rows = json["rows"].as_array().unwrap();
    let title = rows[0][0].as_str().unwrap();
    assert!(title.contains(CONTEST), "title: {title}");
    assert!(title.contains("报名汇总表"), "title: {title}");

    let header = rows
        .iter()
        .position(|r| r[0] == "序号")
        .expect("a header row starting with 序号");
    let labels: Vec<&str> = rows[header]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap_or(""))
        .collect();
    assert_eq!(labels, LABELS);
    // The header block: 单位名称 … 填表日期, one row each, above the column headers.
    let block: Vec<&str> = rows[1..header]
        .iter()
        .filter_map(|r| r[0].as_str())
        .collect();
    for label in ["单位名称（盖章）", "联系人", "联系电话", "填表日期"] {
        assert!(
            block.contains(&label),
            "{label} in the header block {block:?}"
        );
    }
    // 15 blank rows, numbered.
    for n in 1..=15 {
        assert_eq!(rows[header + n][0].as_f64(), Some(n as f64), "序号 {n}");
        assert!(rows[header + n][1].is_null(), "row {n} is blank");
    }
    let id = LABELS.iter().position(|l| *l == "身份证号").unwrap();
    for n in 1..=15 {
        assert_eq!(
            json["formats"][header + n][id],
            "@",
            "身份证号 row {n} is text"
        );
    }

    check_validations(&json, header);
    check_page_setup(&json, header);
    check_listed_and_zipped(&out);

    let first = std::fs::read(&book).unwrap();
    let zip = std::fs::read(out.join("downloads/forms.zip")).unwrap();
    build(copy.path());
    assert!(
        std::fs::read(&book).unwrap() == first,
        "a second build gives the same xlsx bytes"
    );
    assert!(
        std::fs::read(out.join("downloads/forms.zip")).unwrap() == zip,
        "a second build gives the same forms.zip bytes"
    );
}

/// Drop-down lists for 赛项 and 组别 from the hidden sheet, an inline list for 性别, 18 characters for
/// 身份证号, a date for 填表日期.
fn check_validations(json: &Value, header: usize) {
    assert_eq!(json["lists_state"], "hidden");
    let lists = json["lists"].as_array().unwrap();
    let validations = json["validations"].as_array().unwrap();
    let first_row = header + 2; // 1-based row of the first blank row
    let on_column = |label: &str| -> &Value {
        let col = letter(LABELS.iter().position(|l| *l == label).unwrap());
        let start = format!("{col}{first_row}:");
        validations
            .iter()
            .find(|v| v["sqref"].as_str().unwrap().starts_with(&start))
            .unwrap_or_else(|| panic!("a validation on {label} ({start}…): {validations:?}"))
    };
    for (label, names) in [("赛项", &TRACKS[..]), ("组别", &GROUPS[..])] {
        let v = on_column(label);
        assert_eq!(v["type"], "list", "{label}");
        let formula = v["formula1"].as_str().unwrap();
        let range = formula
            .strip_prefix("lists!")
            .unwrap_or_else(|| panic!("{label}: {formula} references the sheet lists"));
        let (from, to) = range.split_once(':').unwrap();
        let col = from.trim_start_matches('$').chars().next().unwrap();
        assert_eq!(from, format!("${col}$1"), "{label}: {formula}");
        assert_eq!(to, format!("${col}${}", names.len()), "{label}: {formula}");
        let listed = &lists[(col as u8 - b'A') as usize];
        assert_eq!(
            listed,
            &serde_json::json!(names),
            "{label}: the list on the sheet"
        );
    }
    let sex = on_column("性别");
    assert_eq!(sex["type"], "list");
    assert_eq!(sex["formula1"], "\"男,女\"");
    let id = on_column("身份证号");
    assert_eq!(id["type"], "textLength");
    assert_eq!(id["operator"], "equal");
    assert_eq!(id["formula1"], "18");
    assert!(
        id["error"].as_str().unwrap().contains("18位"),
        "{:?}",
        id["error"]
    );
    assert!(
        validations.iter().any(|v| v["type"] == "date"),
        "填表日期 is checked as a date: {validations:?}"
    );
}

/// A4 landscape, one page wide, the column headers repeated on every page and frozen.
fn check_page_setup(json: &Value, header: usize) {
    assert_eq!(json["orientation"], "landscape");
    assert_eq!(number(&json["paper"]), Some(9));
    // Excel's default for fitToWidth is 1, so writers may leave it out.
    assert!(
        json["fit_width"].is_null() || number(&json["fit_width"]) == Some(1),
        "fitToWidth: {:?}",
        json["fit_width"]
    );
    assert_eq!(number(&json["fit_height"]), Some(0));
    assert_eq!(json["fit_to_page"], true);
    let row = header + 1;
    assert_eq!(json["title_rows"], format!("${row}:${row}"));
    assert_eq!(json["freeze"], format!("A{}", row + 1));
}

/// A number that openpyxl gives as a number or as text.
fn number(v: &Value) -> Option<i64> {
    v.as_i64().or_else(|| v.as_str()?.parse().ok())
}

/// The registration page lists the template with its size; forms.zip holds it beside the PDFs.
fn check_listed_and_zipped(out: &Path) {
    let page = std::fs::read_to_string(out.join("registration.html")).unwrap();
    let item = page
        .split("<li>")
        .find(|li| li.contains(&format!("href=\"{XLSX}\"")))
        .unwrap_or_else(|| panic!("{XLSX} listed on registration.html"));
    assert!(item.contains("附件3 报名汇总表"), "{item}");
    assert!(
        item.contains("（XLSX，") && item.contains(" KB）"),
        "{item}"
    );
    let script = r#"
import sys, zipfile
for i in zipfile.ZipFile(sys.argv[1]).infolist():
    print(i.filename)
"#;
    let listing = run_python(script, &[out.join("downloads/forms.zip").to_str().unwrap()]);
    let names: Vec<&str> = listing.lines().collect();
    assert_eq!(
        names,
        [
            "附件1 2025年“海河工匠杯”技能大赛—第四届全国人工智能应用技术技能大赛天津选拔赛报名表.pdf",
            "附件2 2025年“海河工匠杯”技能大赛—第四届全国人工智能应用技术技能大赛天津选拔赛裁判员推荐表.pdf",
            "附件3 报名汇总表.pdf",
            "附件3 报名汇总表.xlsx",
        ],
        "{listing}"
    );
}
