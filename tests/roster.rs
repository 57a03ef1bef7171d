//! `jingsai roster`: a generated batch of returned files (registration PDFs and roster PDFs filled with
//! pypdf from the PDFs `build` makes, roster workbooks filled with openpyxl from the xlsx template, a GBK
//! CSV), 62 entries with one planted problem of every kind the command checks. Each is found at its
//! place and nothing else is; the clean entries reach `roster.xlsx` and `score-sheet.xlsx` exactly; the
//! score sheet with scores typed in is published by `build` under those names; nothing of the roster
//! reaches `output/`. Python is `$JINGSAI_PYTHON` (pypdf, openpyxl); without it the test fails.

mod support;

use jingsai::roster::id_number::check_char;
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use support::clients::run_python;

const TRACKS: [&str; 3] = [
    "人工智能训练师",
    "服务机器人应用技术员",
    "生成式人工智能系统应用员",
];
const TRACK_IDS: [&str; 3] = ["ai-trainer", "service-robot", "genai-operator"];
const STAFF: &str = "职工组";
const STUDENT: &str = "学生组";
const SURNAMES: [&str; 8] = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄"];
const GIVEN: [&str; 8] = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "艳"];

/// One person as a unit sends them.
#[derive(Debug, Clone)]
struct Person {
    unit: String,
    name: String,
    sex: &'static str,
    id: String,
    track: String,
    group: &'static str,
    mobile: String,
}

/// An 18-character ID number for a birth date `yyyymmdd` and order `n` (odd: a man), with its check digit.
fn id_number(birth: &str, order: u32) -> String {
    let first = format!("120101{birth}{:03}", order % 1000);
    format!("{first}{}", check_char(&first).unwrap())
}

fn unit(n: usize) -> String {
    format!("天津市第{n}职业技术学院")
}

/// The n-th person of a unit: tracks and groups in turn (服务机器人 is run for 职工组 only), students
/// born in 2003, staff in 1985, men and women in turn.
fn person(n: usize, unit_no: usize) -> Person {
    let track = n % 3;
    let group = if track == 1 || n.is_multiple_of(2) {
        STAFF
    } else {
        STUDENT
    };
    let male = n.is_multiple_of(2);
    let year = if group == STUDENT { 2003 } else { 1985 };
    let birth = format!("{year}{:02}{:02}", 1 + n % 12, 1 + n % 28);
    let order = (n * 2 + usize::from(male)) as u32;
    Person {
        unit: unit(unit_no),
        name: format!("{}{}{}", SURNAMES[n % 8], GIVEN[(n / 8) % 8], GIVEN[n % 8]),
        sex: if male { "男" } else { "女" },
        id: id_number(&birth, order),
        track: TRACKS[track].into(),
        group,
        mobile: format!("139{:08}", n),
    }
}

/// The seed contest with the built-in roster as 附件3, 学生组 limited to births from 2000, the
/// 服务机器人 track run for 职工组 only, and a quota of 2 to 3 per unit.
fn contest() -> support::ContestCopy {
    contest_with(|_| {})
}

/// [`contest`], changed by `change` before it is built.
fn contest_with(change: impl FnOnce(&support::ContestCopy)) -> support::ContestCopy {
    let copy = support::contest_copy();
    copy.append(
        "content/contest.yaml",
        "  - number: 3\n    title: 报名汇总表\n    form: roster\n",
    );
    copy.replace(
        "content/contest.yaml",
        "    full_name: 学生组\n",
        "    full_name: 学生组\n    limits:\n      born_on_or_after: 2000-01-01\n",
    );
    copy.replace(
        "content/contest.yaml",
        "    name: 服务机器人应用技术员\n",
        "    name: 服务机器人应用技术员\n    groups: [staff]\n",
    );
    copy.replace(
        "content/contest.yaml",
        "    per_unit: 2\n",
        "    per_unit: 3\n    min_per_unit: 2\n",
    );
    change(&copy);
    let built = support::jingsai("build").arg(copy.path()).output().unwrap();
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    copy
}

/// The fields of a filled registration form.
fn registration_fields(p: &Person, date: &str) -> Value {
    let track = TRACK_IDS[TRACKS.iter().position(|t| *t == p.track).unwrap_or(0)];
    let group = if p.group == STAFF { "staff" } else { "student" };
    let sex = if p.sex == "男" { "male" } else { "female" };
    let (y, m, d) = split(date);
    json!({
        "name": p.name, "unit": p.unit, "id-number": p.id, "mobile": p.mobile,
        format!("track-{track}"): "/Yes", format!("group-{group}"): "/Yes", format!("sex-{sex}"): "/Yes",
        "fill-date-year": y, "fill-date-month": m, "fill-date-day": d,
    })
}

fn split(date: &str) -> (String, String, String) {
    let parts: Vec<String> = date.split('-').map(str::to_string).collect();
    (parts[0].clone(), parts[1].clone(), parts[2].clone())
}

/// The fields of a filled roster PDF of one unit.
fn roster_fields(people: &[Person], date: &str) -> Value {
    let (y, m, d) = split(date);
    let mut fields = json!({
        "unit": people[0].unit, "contact": "联络员", "contact-phone": "022-23456789",
        "fill-date-year": y, "fill-date-month": m, "fill-date-day": d,
    });
    for (i, p) in people.iter().enumerate() {
        let n = i + 1;
        for (column, value) in [
            ("name", &p.name),
            ("sex", &p.sex.to_string()),
            ("id-number", &p.id),
            ("track", &p.track),
            ("group", &p.group.to_string()),
            ("mobile", &p.mobile),
        ] {
            fields[format!("entry-{n}-{column}")] = json!(value);
        }
    }
    fields
}

fn row_of(p: &Person) -> Value {
    json!({"姓名": p.name, "性别": p.sex, "身份证号": p.id, "赛项": p.track, "组别": p.group, "手机号": p.mobile})
}

/// Writes the returned files the JSON describes.
const MAKE: &str = r#"
import sys, json, csv, io, pypdf, openpyxl
spec = json.load(open(sys.argv[1], encoding='utf-8'))
for item in spec:
    if item['kind'] == 'pdf':
        writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(item['template']))
        writer.update_page_form_field_values(None, item['values'], auto_regenerate=False)
        writer.write(item['out'])
    elif item['kind'] == 'xlsx':
        wb = openpyxl.load_workbook(item['template'])
        ws = wb.worksheets[0]
        header = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == '序号')
        for r in range(1, header):
            label = ws.cell(r, 1).value
            if label in item['header']:
                col = 2
                for m in ws.merged_cells.ranges:
                    if m.min_row <= r <= m.max_row and m.min_col == 1:
                        col = m.max_col + 1
                ws.cell(r, col).value = item['header'][label]
        columns = {ws.cell(header, c).value: c for c in range(1, ws.max_column + 1)}
        for i, row in enumerate(item['rows']):
            for key, value in row.items():
                ws.cell(header + 1 + i, columns[key]).value = value
        wb.save(item['out'])
    elif item['kind'] == 'csv':
        out = io.StringIO()
        w = csv.writer(out, lineterminator='\r\n')
        w.writerow(item['headers'])
        for row in item['rows']:
            w.writerow(row)
        open(item['out'], 'wb').write(out.getvalue().encode('gbk'))
"#;

/// The batch of returned files being made: the people in it, the problems planted, the files to write.
#[derive(Default)]
struct Batch {
    people: Vec<Person>,
    /// (file, place, words): each problem that must be found, and no other.
    expected: Vec<(String, String, String)>,
    /// Indices into `people` held back from the score sheet.
    held: BTreeSet<usize>,
    /// What python writes.
    spec: Vec<Value>,
    /// People made so far.
    made: usize,
}

impl Batch {
    fn next(&mut self, unit_no: usize) -> Person {
        self.made += 1;
        person(self.made, unit_no)
    }

    fn expect(&mut self, file: &str, place: &str, words: &str) {
        self.expected
            .push((file.to_string(), place.to_string(), words.to_string()));
    }

    /// Registration PDFs: units 1 to 8, two each; unit 4 sends four (over the quota), unit 5 one.
    fn registration_pdfs(&mut self, registration: &Path, returned: &Path) {
        for unit_no in 1..=8 {
            let count = [2, 2, 2, 4, 1, 2, 2, 2][unit_no - 1];
            for i in 0..count {
                let mut p = self.next(unit_no);
                let file = format!("1-registration/U{unit_no:02}-{}.pdf", p.name);
                let index = self.people.len();
                let planted = match (unit_no, i) {
                    (1, 1) => {
                        let last = p.id.pop().unwrap();
                        p.id.push(if last == '0' { '1' } else { '0' });
                        Some(("（字段 `id-number`）", "校验码"))
                    }
                    (2, 0) => {
                        p.mobile = "1380013800".into();
                        Some(("（字段 `mobile`）", "不是手机号"))
                    }
                    (3, 0) => {
                        (p.track, p.group, p.sex) = (TRACKS[1].into(), STUDENT, "男");
                        p.id = id_number("20030505", 11);
                        Some(("（字段 `group-*`）", "不设学生组"))
                    }
                    (5, 0) => {
                        self.expect(&file, "（字段 `unit`）", "少于每个单位应报的 2");
                        None
                    }
                    _ => None,
                };
                if let Some((place, words)) = planted {
                    self.expect(&file, place, words);
                    self.held.insert(index);
                }
                if unit_no == 4 {
                    self.held.insert(index);
                }
                self.spec.push(
                    json!({"kind": "pdf", "template": registration, "out": returned.join(&file),
                                      "values": registration_fields(&p, "2025-10-20")}),
                );
                self.people.push(p);
            }
        }
        // Over the quota: found at the unit of the first of unit 4's files.
        let first = self
            .people
            .iter()
            .filter(|p| p.unit == unit(4))
            .map(|p| format!("1-registration/U04-{}.pdf", p.name))
            .min()
            .unwrap();
        self.expect(&first, "（字段 `unit`）", "超过每个单位最多 3");
    }

    /// Roster PDFs: units 9 and 10, three each; unit 10 dated after the deadline.
    fn roster_pdfs(&mut self, roster_pdf: &Path, returned: &Path) {
        for unit_no in [9, 10] {
            let start = self.people.len();
            let mut list: Vec<Person> = (0..3).map(|_| self.next(unit_no)).collect();
            let file = format!("2-roster-pdf/U{unit_no}.pdf");
            let date = if unit_no == 10 {
                "2025-11-05"
            } else {
                "2025-10-20"
            };
            if unit_no == 9 {
                list[1].sex = if list[1].sex == "男" { "女" } else { "男" };
                self.expect(&file, "（字段 `entry-2-sex`）", "与身份证号不符");
                self.held.insert(start + 1);
            } else {
                self.expect(&file, "（字段 `fill-date-year`）", "晚于报名截止日期");
                self.held.extend(start..start + 3);
            }
            self.spec.push(
                json!({"kind": "pdf", "template": roster_pdf, "out": returned.join(&file),
                                  "values": roster_fields(&list, date)}),
            );
            self.people.extend(list);
        }
    }

    /// Workbooks filled from the template: units 11 to 15, three each.
    fn workbooks(&mut self, template: &Path, returned: &Path) {
        // The template's column headers are on row 7 (under the title, the header block and the note).
        let header_row = 7;
        for unit_no in 11..=15 {
            let start = self.people.len();
            let mut list: Vec<Person> = (0..3).map(|_| self.next(unit_no)).collect();
            let file = format!("3-xlsx/U{unit_no}.xlsx");
            let planted = match unit_no {
                11 => {
                    list[1].id = id_number("19900230", 13);
                    Some((1, "D", "不是真实的日期"))
                }
                12 => {
                    list[0].track = "机器人赛项".into();
                    Some((0, "E", "不是本次竞赛的赛项"))
                }
                13 => {
                    list[1].name = String::new();
                    Some((1, "B", "缺少姓名"))
                }
                _ => None,
            };
            if let Some((i, column, words)) = planted {
                let place = format!("（报名汇总表!{column}{}）", header_row + 1 + i);
                self.expect(&file, &place, words);
                self.held.insert(start + i);
            }
            let rows: Vec<Value> = list.iter().map(row_of).collect();
            self.spec.push(json!({"kind": "xlsx", "template": template, "out": returned.join(&file),
                "header": {"单位名称（盖章）": list[0].unit, "联系电话": "022-23456789", "填表日期": "2025-10-20"},
                "rows": rows}));
            self.people.extend(list);
        }
    }

    /// One GBK CSV: units 16 to 23, three each; the first of unit 20 is the first of unit 6 again.
    fn csv(&mut self, returned: &Path) {
        let file = "4-csv/units.csv";
        let headers = [
            "单位名称",
            "姓名",
            "性别",
            "身份证号",
            "赛项",
            "组别",
            "手机号",
            "填表日期",
        ];
        let mut rows = Vec::new();
        let twin_index = self.people.iter().position(|p| p.unit == unit(6)).unwrap();
        for unit_no in 16..=23 {
            for i in 0..3 {
                let mut p = self.next(unit_no);
                let index = self.people.len();
                let row = rows.len() + 2;
                let planted = match (unit_no, i) {
                    (16, 0) => {
                        p.id.pop();
                        Some(("D列，身份证号", "不是17位数字"))
                    }
                    (18, 1) => {
                        (p.track, p.group, p.sex) = (TRACKS[0].into(), STUDENT, "男");
                        p.id = id_number("19950505", 21);
                        Some(("D列，身份证号", "出生于 2000-01-01 之前"))
                    }
                    (19, 2) => {
                        p.group = "教师组";
                        Some(("F列，组别", "不是本次竞赛的组别"))
                    }
                    (20, 0) => {
                        let twin = self.people[twin_index].clone();
                        (p.name, p.id, p.sex, p.track, p.group) =
                            (twin.name, twin.id, twin.sex, twin.track, twin.group);
                        self.held.insert(twin_index);
                        Some(("D列，身份证号", "重复报名"))
                    }
                    _ => None,
                };
                if let Some((column, words)) = planted {
                    self.expect(file, &format!("（第{row}行第{column}）"), words);
                    self.held.insert(index);
                }
                rows.push(vec![
                    p.unit.clone(),
                    p.name.clone(),
                    p.sex.to_string(),
                    p.id.clone(),
                    p.track.clone(),
                    p.group.to_string(),
                    p.mobile.clone(),
                    "2025-10-20".to_string(),
                ]);
                self.people.push(p);
            }
        }
        self.spec.push(
            json!({"kind": "csv", "out": returned.join(file), "headers": headers, "rows": rows}),
        );
    }

    /// Files that are no form: an unknown file, a damaged PDF, a symbolic link.
    fn others(&mut self, registration: &Path, returned: &Path) {
        std::fs::write(returned.join("5-other/readme.docx"), b"not a form").unwrap();
        self.expect("5-other/readme.docx", "", "不是PDF、xlsx或CSV文件");
        std::fs::write(
            returned.join("5-other/broken.pdf"),
            b"%PDF-1.7\nthis is no PDF",
        )
        .unwrap();
        self.expect("5-other/broken.pdf", "", "PDF无法读取");
        std::os::unix::fs::symlink(registration, returned.join("5-other/link.pdf")).unwrap();
        self.expect("5-other/link.pdf", "", "不是普通文件");
    }
}

/// Makes the returned files in `returned/` from the forms `build` made, with one planted problem of
/// every kind.
fn make_batch(copy: &support::ContestCopy, returned: &Path) -> Batch {
    let downloads = copy.file("output/downloads");
    let registration = downloads.join("registration-form.pdf");
    for dir in [
        "1-registration",
        "2-roster-pdf",
        "3-xlsx",
        "4-csv",
        "5-other",
    ] {
        std::fs::create_dir_all(returned.join(dir)).unwrap();
    }
    let mut batch = Batch::default();
    batch.registration_pdfs(&registration, returned);
    batch.roster_pdfs(&downloads.join("roster-form.pdf"), returned);
    batch.workbooks(&downloads.join("roster-form.xlsx"), returned);
    batch.csv(returned);
    batch.others(&registration, returned);
    let spec_file = returned.parent().unwrap().join("spec.json");
    std::fs::write(&spec_file, serde_json::to_vec(&batch.spec).unwrap()).unwrap();
    run_python(MAKE, &[spec_file.to_str().unwrap()]);
    batch
}

/// Every sheet of a workbook as rows of texts (empty cells as "").
const READ: &str = r#"
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(json.dumps({ws.title: [[('' if c is None else str(c)) for c in row] for row in ws.iter_rows(values_only=True)] for ws in wb.worksheets}, ensure_ascii=False))
"#;

fn sheets(path: &Path) -> Sheets {
    serde_json::from_str(&run_python(READ, &[path.to_str().unwrap()])).unwrap()
}

fn run_roster(copy: &support::ContestCopy, returned: &Path, out: &Path) -> std::process::Output {
    let output = support::jingsai("roster")
        .arg(copy.path())
        .arg("--from")
        .arg(returned)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

#[test]
fn returned_forms_become_a_checked_roster_and_a_score_sheet_that_build_publishes() {
    let copy = contest();
    let returned = copy.beside("returned");
    let batch = make_batch(&copy, &returned);
    assert!(batch.people.len() >= 60, "{} entries", batch.people.len());
    let out = copy.beside("roster-out");
    let run = run_roster(&copy, &returned, &out);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("check digit"), "{stderr}");
    assert!(stderr.contains("62 entries"), "{stderr}");

    let roster = sheets(&out.join("roster.xlsx"));
    assert_problems(&batch, &roster);
    let want = assert_entries(&batch, &roster, &out);

    // The same files again give the same bytes.
    let again = copy.beside("roster-again");
    run_roster(&copy, &returned, &again);
    for name in [
        "roster.xlsx",
        "score-sheet.xlsx",
        &format!("reports/{}.txt", unit(2)),
    ] {
        assert_eq!(
            std::fs::read(out.join(name)).unwrap(),
            std::fs::read(again.join(name)).unwrap(),
            "{name}"
        );
    }
    publish(&copy, &out, &want, &batch);
}

type Sheets = BTreeMap<String, Vec<Vec<String>>>;

/// Every planted problem at its place, and nothing else; no message repeats an ID number.
fn assert_problems(batch: &Batch, roster: &Sheets) {
    let problems = &roster["问题"];
    assert_eq!(
        problems[0],
        ["参赛单位", "文件", "位置", "问题", "处理办法"]
    );
    let found: Vec<&Vec<String>> = problems[1..].iter().collect();
    for (file, place, words) in &batch.expected {
        assert!(
            found
                .iter()
                .any(|row| row[1] == *file && row[2] == *place && row[3].contains(words.as_str())),
            "not found: {file} {place} {words}\nfound: {found:#?}"
        );
    }
    assert_eq!(found.len(), batch.expected.len(), "found: {found:#?}");
    // No message repeats an ID number.
    for p in &batch.people {
        assert!(
            !found
                .iter()
                .any(|row| row[3].contains(&p.id) || row[4].contains(&p.id)),
            "an ID number in a message"
        );
    }
    let twice = found.iter().find(|r| r[3].contains("重复报名")).unwrap();
    assert!(twice[3].contains("1-registration/U06-"), "{twice:?}");
    assert!(twice[3].contains(&unit(6)), "{twice:?}");
}

/// Every entry in 报名名单, sorted; the clean ones in the score sheet, exactly; the counts and the
/// reports. Returns the score sheet's rows (name, unit, track, group).
fn assert_entries(batch: &Batch, roster: &Sheets, out: &Path) -> BTreeSet<Vec<String>> {
    // Every entry in 报名名单, sorted by track, group and unit; the clean ones in the score sheet.
    let list = &roster["报名名单"];
    assert_eq!(list.len() - 1, batch.people.len());
    let track_rank = |t: &str| TRACKS.iter().position(|x| *x == t).unwrap_or(9);
    let group_rank = |g: &str| [STAFF, STUDENT].iter().position(|x| *x == g).unwrap_or(9);
    let keys: Vec<(usize, usize, String)> = list[1..]
        .iter()
        .map(|r| (track_rank(&r[1]), group_rank(&r[2]), r[3].clone()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    let score = sheets(&out.join("score-sheet.xlsx"));
    let rows = &score["成绩"];
    assert_eq!(
        rows[0],
        [
            "姓名",
            "参赛单位",
            "赛项",
            "组别",
            "理论考试成绩",
            "实操比赛成绩",
            "用时",
            "状态",
            "荣誉"
        ]
    );
    let got: BTreeSet<Vec<String>> = rows[1..].iter().map(|r| r[..4].to_vec()).collect();
    let want: BTreeSet<Vec<String>> = batch
        .people
        .iter()
        .enumerate()
        .filter(|(i, _)| !batch.held.contains(i))
        .map(|(_, p)| {
            vec![
                p.name.clone(),
                p.unit.clone(),
                p.track.clone(),
                p.group.to_string(),
            ]
        })
        .collect();
    assert_eq!(rows.len() - 1, want.len());
    assert_eq!(got, want);
    assert_eq!(want.len(), 62 - 19);
    // The counts add up; a report per unit names what to fix.
    let counts = &roster["统计"];
    let total: usize = counts[1..]
        .iter()
        .filter(|r| r[2].starts_with("合计"))
        .map(|r| r[3].parse::<usize>().unwrap())
        .sum();
    assert_eq!(total, batch.people.len());
    let report = std::fs::read_to_string(out.join(format!("reports/{}.txt", unit(2)))).unwrap();
    assert!(
        report.contains("不是手机号") && report.contains("字段 `mobile`"),
        "{report}"
    );
    let fine = std::fs::read_to_string(out.join(format!("reports/{}.txt", unit(7)))).unwrap();
    assert!(fine.contains("未发现问题"), "{fine}");
    let files = std::fs::read_to_string(out.join("reports/未识别的文件.txt")).unwrap();
    assert!(
        files.contains("readme.docx") && files.contains("broken.pdf"),
        "{files}"
    );

    want
}

/// Scores typed into the score sheet; `build` publishes exactly those names, and nothing of the roster
/// reaches output/.
fn publish(copy: &support::ContestCopy, out: &Path, want: &BTreeSet<Vec<String>>, batch: &Batch) {
    // Scores typed into the score sheet; `build` publishes exactly those names.
    let csv = type_scores_and_build(
        copy,
        out,
        ("60 + r % 40", "50 + (r * 7) % 50"),
        "results:\n  published: 2025-12-05\n",
    );
    for row in want {
        assert!(csv.contains(&row[0]), "{} not published", row[0]);
    }
    // Nothing of the roster reaches output/: no ID number, no held-back name.
    let mut published = String::new();
    for entry in walk(&copy.file("output")) {
        published.push_str(&String::from_utf8_lossy(&std::fs::read(entry).unwrap()));
    }
    for p in &batch.people {
        assert!(!published.contains(&p.id), "an ID number in output/");
        assert!(!published.contains(&p.mobile), "a phone number in output/");
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[test]
fn the_roster_is_refused_inside_the_published_site() {
    let copy = contest();
    let returned = copy.beside("returned");
    std::fs::create_dir_all(&returned).unwrap();
    for out in [copy.file("output/roster"), copy.file("output")] {
        let output = support::jingsai("roster")
            .arg(copy.path())
            .arg("--from")
            .arg(&returned)
            .arg("--out")
            .arg(&out)
            .output()
            .unwrap();
        assert!(!output.status.success());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("inside the published site"), "{stderr}");
    }
    assert!(!copy.file("output/roster").exists());
}

/// A form sent back as it was downloaded is one problem (the form is blank), not one per empty field.
#[test]
fn a_blank_form_sent_back_is_one_problem() {
    let copy = contest();
    let returned = copy.beside("returned");
    std::fs::create_dir_all(&returned).unwrap();
    std::fs::copy(
        copy.file("output/downloads/registration-form.pdf"),
        returned.join("空白报名表.pdf"),
    )
    .unwrap();
    let run = run_roster(&copy, &returned, &copy.beside("roster-out"));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("`空白报名表.pdf`: the form is blank: nothing in it was filled in"),
        "{stderr}"
    );
    assert!(!stderr.contains("is missing"), "{stderr}");
}

/// A contest of another shape: `tests/fixtures/no-groups` (no groups, teams of two, one scoring part).
/// Its roster CSV has no 组别 column; the members of a unit's teams follow each other, and two
/// registration PDFs name their team (参赛队别). The score sheet has one row per team, no 组别 column,
/// and `build` publishes it.
#[test]
fn a_contest_without_groups_gets_team_rows_and_no_group_column() {
    let copy = support::fixture_copy("no-groups");
    let built = support::jingsai("build").arg(copy.path()).output().unwrap();
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let returned = copy.beside("returned");
    std::fs::create_dir_all(&returned).unwrap();
    let track = "工业机器人系统运维员";
    let people: Vec<Person> = (0..8)
        .map(|n| {
            let mut p = person(n, [1, 1, 1, 1, 2, 2, 3, 3][n]);
            p.track = track.into();
            p
        })
        .collect();
    let headers = ["单位名称", "姓名", "性别", "身份证号", "赛项", "手机号"];
    let rows: Vec<Vec<String>> = people[..6]
        .iter()
        .map(|p| {
            vec![
                p.unit.clone(),
                p.name.clone(),
                p.sex.to_string(),
                p.id.clone(),
                p.track.clone(),
                p.mobile.clone(),
            ]
        })
        .collect();
    let registration = copy.file("output/downloads/registration-form.pdf");
    let mut spec = vec![
        json!({"kind": "csv", "out": returned.join("roster.csv"), "headers": headers, "rows": rows}),
    ];
    for p in &people[6..] {
        let sex = if p.sex == "男" { "male" } else { "female" };
        spec.push(json!({"kind": "pdf", "template": registration, "out": returned.join(format!("{}.pdf", p.name)),
            "values": {"name": p.name, "unit": p.unit, "id-number": p.id, "mobile": p.mobile, "team": "一",
                       "track-robot-maintenance": "/Yes", format!("sex-{sex}"): "/Yes"}}));
    }
    let spec_file = copy.beside("spec.json");
    std::fs::write(&spec_file, serde_json::to_vec(&spec).unwrap()).unwrap();
    run_python(MAKE, &[spec_file.to_str().unwrap()]);

    let out = copy.beside("roster-out");
    let run = run_roster(&copy, &returned, &out);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("no problem"), "{stderr}");
    let score = sheets(&out.join("score-sheet.xlsx"));
    let rows = &score["成绩"];
    assert_eq!(
        rows[0],
        ["姓名", "参赛单位", "赛项", "实操比赛成绩", "用时", "状态"]
    );
    let team = |a: usize, b: usize| {
        let mut names = [people[a].name.clone(), people[b].name.clone()];
        names.sort();
        vec![names.join("、"), people[a].unit.clone(), track.to_string()]
    };
    let got: BTreeSet<Vec<String>> = rows[1..].iter().map(|r| r[..3].to_vec()).collect();
    let want: BTreeSet<Vec<String>> = [team(0, 1), team(2, 3), team(4, 5), team(6, 7)].into();
    assert_eq!(got, want);

    let results = copy.file("content/results.xlsx");
    run_python(
        "import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nws = wb.worksheets[0]\n\
         for r in range(2, ws.max_row + 1):\n    ws.cell(r, 4).value = 60 + r\nwb.save(sys.argv[2])",
        &[
            out.join("score-sheet.xlsx").to_str().unwrap(),
            results.to_str().unwrap(),
        ],
    );
    // The fixture has its `results:` section already, and a results file of its own.
    std::fs::remove_file(copy.file("content/results.csv")).unwrap();
    let built = support::jingsai("build").arg(copy.path()).output().unwrap();
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let csv = std::fs::read_to_string(copy.file("output/results/results.csv")).unwrap();
    for p in &people {
        assert!(csv.contains(&p.name), "{} not published:\n{csv}", p.name);
    }
}

/// The built-in roster with a 荣誉 column after 指导教师 (nine grid columns instead of eight).
const ROSTER_WITH_HONOURS: &str = "name: 报名汇总表
fill_date: false
landscape: true
overflow: continue
xlsx: true
columns: [12mm, 22mm, 12mm, 58mm, 1fr, 24mm, 28mm, 22mm, 30mm]
row_height: 8mm
rows:
  - - {label: 单位名称（盖章）, colspan: 2}
    - {input: text, id: unit, label: 单位名称, colspan: 3}
    - {label: 联系人}
    - {input: text, id: contact, colspan: 3}
  - - {label: 联系电话, colspan: 2}
    - {input: phone, id: contact-phone, colspan: 3}
    - {label: 填表日期}
    - {input: date, id: fill-date, colspan: 3}
  - - input: table
      id: entry
      rows: 15
      columns:
        - {input: number, label: 序号}
        - {id: name, label: 姓名}
        - {id: sex, label: 性别, input: choice, options: [{id: male, label: 男}, {id: female, label: 女}]}
        - {id: id-number, label: 身份证号, input: id_number}
        - {id: track, label: 赛项, input: choice, from: tracks}
        - {id: group, label: 组别, input: choice, from: groups}
        - {id: mobile, label: 手机号, input: phone}
        - {id: coach, label: 指导教师}
        - {id: honours, label: 荣誉}
";

/// What a test planted: the files to write (for [`MAKE`]), the people in them, each problem that
/// must be found (file, place, words) and no other, and the people held back from the score sheet.
#[derive(Default)]
struct Planted {
    spec: Vec<Value>,
    people: Vec<Person>,
    expected: Vec<(String, String, String)>,
    held: BTreeSet<usize>,
}

impl Planted {
    fn expect(&mut self, file: &str, place: &str, words: &str) {
        self.expected
            .push((file.to_string(), place.to_string(), words.to_string()));
    }

    /// Writes the files, runs `jingsai roster` and checks that every planted problem is found at its
    /// place, and nothing else, with no ID number in a message. Returns stderr and the output folder.
    fn run(&self, copy: &support::ContestCopy, returned: &Path) -> (String, std::path::PathBuf) {
        let spec_file = copy.beside("spec.json");
        std::fs::write(&spec_file, serde_json::to_vec(&self.spec).unwrap()).unwrap();
        run_python(MAKE, &[spec_file.to_str().unwrap()]);
        let out = copy.beside("roster-out");
        let run = run_roster(copy, returned, &out);
        let roster = sheets(&out.join("roster.xlsx"));
        let found: Vec<&Vec<String>> = roster["问题"][1..].iter().collect();
        for (file, place, words) in &self.expected {
            assert!(
                found
                    .iter()
                    .any(|r| r[1] == *file && r[2] == *place && r[3].contains(words.as_str())),
                "not found: {file} {place} {words}\nfound: {found:#?}"
            );
        }
        assert_eq!(found.len(), self.expected.len(), "found: {found:#?}");
        for p in &self.people {
            assert!(
                !found.iter().any(|r| r[3].contains(&p.id)),
                "an ID number in a message"
            );
        }
        (String::from_utf8_lossy(&run.stderr).into_owned(), out)
    }
}

/// Registration PDFs of units 1, 2 and 4 (two each) with free text and coaches: an honour named in
/// free text is a warning, two coaches a problem.
fn free_text_and_coaches(planted: &mut Planted, downloads: &Path, returned: &Path) {
    let extras: [(usize, &str, &str, &str); 6] = [
        (
            1,
            "resume",
            "2019年指导学生获得“全国技术能手”称号",
            "提到“全国技术能手”",
        ),
        (
            1,
            "qualification",
            "高级技师，已获得全国技术能手申报资格",
            "提到已获得“全国技术能手”申报资格（",
        ),
        (
            2,
            "remarks",
            "2023年获天津市技术能手",
            "提到“天津市技术能手”",
        ),
        (2, "coach", "张三、李四", "有 2 人"),
        (4, "coach", "王  老师", ""),
        (4, "remarks", "无", ""),
    ];
    for (n, (unit_no, field, value, words)) in extras.into_iter().enumerate() {
        let p = person(100 + n, unit_no);
        let file = format!("U{unit_no}-{}.pdf", p.name);
        let mut values = registration_fields(&p, "2025-10-20");
        values[field] = json!(value);
        if !words.is_empty() {
            planted.expect(&file, &format!("（字段 `{field}`）"), words);
        }
        if field == "coach" && !words.is_empty() {
            planted.held.insert(planted.people.len());
        }
        planted.spec.push(
            json!({"kind": "pdf", "template": downloads.join("registration-form.pdf"),
            "out": returned.join(&file), "values": values}),
        );
        planted.people.push(p);
    }
}

/// A roster workbook with a 荣誉 column from unit 3, three rows (the header is on row 6: the form has no
/// notes): a barred honour, a no-award one (the person at index 7) and two coaches.
fn honours_workbook(planted: &mut Planted, downloads: &Path, returned: &Path) {
    let file = "U3.xlsx";
    let mut rows = Vec::new();
    let planted_rows = [
        ("全国技术能手", "", "I", "不得以选手身份参赛（`rules"),
        ("海河工匠（2022年）", "", "", ""),
        ("无", "王五，赵六", "H", "有 2 人"),
    ];
    for (i, (honours, coach, column, words)) in planted_rows.into_iter().enumerate() {
        let p = person(110 + i, 3);
        let mut row = row_of(&p);
        row["荣誉"] = json!(honours);
        row["指导教师"] = json!(coach);
        rows.push(row);
        if !words.is_empty() {
            planted.expect(file, &format!("（报名汇总表!{column}{}）", 7 + i), words);
            planted.held.insert(planted.people.len());
        }
        planted.people.push(p);
    }
    planted.spec.push(json!({"kind": "xlsx", "template": downloads.join("roster-form.xlsx"), "out": returned.join(file),
        "header": {"单位名称（盖章）": unit(3), "联系电话": "022-23456789", "填表日期": "2025-10-20"}, "rows": rows}));
}

/// The rules a form can state, on the seed (`rules.barred_honours`, `barred_qualifications`,
/// `no_award_honours`, `coaches_per_contestant: 1`): the built-in registration form has no 荣誉 field, so
/// an honour named in its free text (个人简历, 现有职业资格及等级, 备注) is only a warning and the entry
/// stays in the score sheet; a roster with a 荣誉 column holds back a barred honour and carries a
/// no-award one into the score sheet's 荣誉 column, which `build` publishes ranked with the no-award
/// note; two coaches for one contestant are a problem at the field. A `rules.unit_roles` that no form asks
/// for (领队) is not checked.
#[test]
fn honours_and_coaches_are_checked_as_the_rules_say() {
    let copy = contest_with(|copy| {
        copy.write("forms/roster.yaml", ROSTER_WITH_HONOURS);
        copy.replace(
            "content/contest.yaml",
            "  coaches_per_contestant: 1\n",
            "  coaches_per_contestant: 1\n  unit_roles:\n    - { name: 领队, count: 1, required: true }\n",
        );
    });
    let returned = copy.beside("returned");
    std::fs::create_dir_all(&returned).unwrap();
    let downloads = copy.file("output/downloads");
    let mut planted = Planted::default();
    free_text_and_coaches(&mut planted, &downloads, &returned);
    honours_workbook(&mut planted, &downloads, &returned);
    let (stderr, out) = planted.run(&copy, &returned);
    assert!(stderr.contains("check by hand"), "{stderr}");
    assert!(!stderr.contains("领队"), "{stderr}");

    // The clean entries, and those with free-text warnings, in the score sheet; the no-award honour
    // in 荣誉, and in the unit's report.
    let holder = planted.people[7].name.clone();
    let score = sheets(&out.join("score-sheet.xlsx"));
    let rows = &score["成绩"];
    assert_eq!(rows[0].last().unwrap(), "荣誉");
    let got: BTreeMap<String, String> = rows[1..]
        .iter()
        .map(|r| (r[0].clone(), r.get(8).cloned().unwrap_or_default()))
        .collect();
    let want: BTreeMap<String, String> = planted
        .people
        .iter()
        .enumerate()
        .filter(|(i, _)| !planted.held.contains(i))
        .map(|(_, p)| {
            let honours = if p.name == holder {
                "海河工匠（2022年）"
            } else {
                ""
            };
            (p.name.clone(), honours.to_string())
        })
        .collect();
    assert_eq!(got, want);
    let report = std::fs::read_to_string(out.join(format!("reports/{}.txt", unit(3)))).unwrap();
    assert!(
        report.contains("不享受竞赛奖励")
            && report.contains(&format!("{holder}（海河工匠（2022年））")),
        "{report}"
    );
    let csv = publish_with_tiers(&copy, &out);
    let line = csv
        .lines()
        .find(|l| l.contains(&holder))
        .unwrap_or_else(|| panic!("{csv}"));
    assert!(
        line.contains("已获“海河工匠”荣誉，不享受竞赛奖励"),
        "{line}"
    );
    for name in want.keys() {
        assert!(csv.contains(name), "{name} not published");
    }
}

/// The score sheet with scores typed in, built with one award tier (a no-award note is only said
/// where there are awards); the published results.csv.
fn publish_with_tiers(copy: &support::ContestCopy, out: &Path) -> String {
    type_scores_and_build(
        copy,
        out,
        ("60 + r", "50 + r"),
        "results:\n  published: 2025-12-05\n  tiers:\n    - { name: 一等奖, count: 1 }\n",
    )
}

/// Types scores into `out/score-sheet.xlsx` (the two score columns, each a Python expression of the
/// row number `r`) as `content/results.xlsx`, appends `results` to contest.yaml, builds, and gives the
/// published results.csv.
fn type_scores_and_build(
    copy: &support::ContestCopy,
    out: &Path,
    (first, second): (&str, &str),
    results: &str,
) -> String {
    let sheet = copy.file("content/results.xlsx");
    let script = format!(
        "import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nws = wb.worksheets[0]\n\
         for r in range(2, ws.max_row + 1):\n    ws.cell(r, 5).value = {first}\n    ws.cell(r, 6).value = {second}\n\
         wb.save(sys.argv[2])"
    );
    run_python(
        &script,
        &[
            out.join("score-sheet.xlsx").to_str().unwrap(),
            sheet.to_str().unwrap(),
        ],
    );
    copy.append("content/contest.yaml", results);
    let built = support::jingsai("build").arg(copy.path()).output().unwrap();
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    std::fs::read_to_string(copy.file("output/results/results.csv")).unwrap()
}

/// The team form of [`unit_roles_are_checked_when_a_form_asks_for_them`]: the unit's 领队 and 联络员
/// above a table of the team's members.
const TEAM_FORM: &str = "name: 团体赛报名表
fill_date: false
landscape: true
columns: [12mm, 24mm, 14mm, 62mm, 1fr, 28mm, 30mm, 24mm]
row_height: 8mm
rows:
  - - {label: 单位名称, colspan: 2}
    - {input: text, id: unit, colspan: 6}
  - - {label: 领队姓名, colspan: 2}
    - {input: text, id: leader, colspan: 2}
    - {label: 领队手机号}
    - {input: phone, id: leader-mobile, colspan: 3}
  - - {label: 联络员, colspan: 2}
    - {input: text, id: liaison, colspan: 2}
    - {label: 联络员手机号}
    - {input: phone, id: liaison-mobile, colspan: 3}
  - - input: table
      id: member
      rows: 3
      columns:
        - {input: number, label: 序号}
        - {id: name, label: 姓名}
        - {id: sex, label: 性别, input: choice, options: [{id: male, label: 男}, {id: female, label: 女}]}
        - {id: id-number, label: 身份证号, input: id_number}
        - {id: track, label: 赛项, input: choice, from: tracks}
        - {id: group, label: 组别, input: choice, from: groups}
        - {id: mobile, label: 手机号, input: phone}
        - {id: coach, label: 指导教师}
";

/// A member of a 网络安全管理员 team in 公开组 of the team-event fixture (born in 1995).
fn team_member(n: usize, unit_no: usize) -> Person {
    let mut p = person(n, unit_no);
    p.track = "网络安全管理员".into();
    p.group = "公开组";
    let birth = format!("1995{:02}{:02}", 1 + n % 12, 1 + n % 28);
    p.id = id_number(&birth, (n * 2 + usize::from(p.sex == "男")) as u32);
    p
}

/// The team-event fixture with [`TEAM_FORM`] as 附件2, `coaches_per_contestant: 1` and no
/// `min_per_unit`, built.
fn team_contest() -> support::ContestCopy {
    let copy = support::fixture_copy("team-event");
    copy.write("forms/team.yaml", TEAM_FORM);
    let yaml = "content/contest.yaml";
    copy.replace(yaml, "    min_per_unit: 2\n", "");
    copy.replace(
        yaml,
        "  individual_entry:\n",
        "  coaches_per_contestant: 1\n  individual_entry:\n",
    );
    copy.replace(
        yaml,
        "    form: registration\n",
        "    form: registration\n  - number: 2\n    title: 团体赛报名表\n    form: team\n",
    );
    let built = support::jingsai("build").arg(copy.path()).output().unwrap();
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    copy
}

/// Team forms, one team of three each, with their 领队 and 联络员; the second member of T5 names two
/// coaches. Returns each member's file.
fn team_forms(planted: &mut Planted, template: &Path, returned: &Path) -> Vec<String> {
    let teams: [(&str, usize, &str, &str); 6] = [
        ("T1.pdf", 1, "周强", "吴敏"),
        ("T2.pdf", 2, "", "郑洁"),
        ("T3a.pdf", 3, "冯刚", ""),
        ("T3b.pdf", 3, "陈亮", ""),
        ("T4.pdf", 4, "褚红", "王五、赵六"),
        ("T5.pdf", 5, "卫东", ""),
    ];
    let mut files = Vec::new();
    for (t, (file, unit_no, leader, liaison)) in teams.into_iter().enumerate() {
        let mut values = json!({"unit": unit(unit_no), "leader": leader, "liaison": liaison,
            "leader-mobile": if leader.is_empty() { "" } else { "13900001111" }});
        for row in 1..=3 {
            let p = team_member(200 + t * 3 + row, unit_no);
            let two = file == "T5.pdf" && row == 2;
            if two {
                planted.held.insert(planted.people.len());
            }
            let coach = if two { "张三、李四" } else { "钱老师" };
            for (column, value) in [
                ("name", p.name.as_str()),
                ("sex", p.sex),
                ("id-number", &p.id),
                ("track", &p.track),
                ("group", p.group),
                ("mobile", &p.mobile),
                ("coach", coach),
            ] {
                values[format!("member-{row}-{column}")] = json!(value);
            }
            planted.people.push(p);
            files.push(file.to_string());
        }
        planted.spec.push(
            json!({"kind": "pdf", "template": template, "out": returned.join(file), "values": values}),
        );
    }
    files
}

/// A CSV roster (no 领队 field) of unit 6 and of three individual entrants (个人), one team each.
fn team_csv(planted: &mut Planted, returned: &Path) -> Vec<String> {
    let headers = [
        "单位名称",
        "姓名",
        "性别",
        "身份证号",
        "赛项",
        "组别",
        "手机号",
    ];
    let mut rows = Vec::new();
    for i in 0..6 {
        let mut p = team_member(300 + i, 6);
        if i >= 3 {
            p.unit = "个人".into();
        }
        rows.push(vec![
            p.unit.clone(),
            p.name.clone(),
            p.sex.to_string(),
            p.id.clone(),
            p.track.clone(),
            p.group.to_string(),
            p.mobile.clone(),
        ]);
        planted.people.push(p);
    }
    planted.spec.push(
        json!({"kind": "csv", "out": returned.join("roster.csv"), "headers": headers, "rows": rows}),
    );
    vec!["roster.csv".to_string(); 6]
}

/// `rules.unit_roles` (领队 required, 联络员 at most one) and `coaches_per_contestant` on the
/// team-event fixture, with a team form asking for both: a unit naming no 领队 (in the form, or in a CSV
/// roster without the field), two different 领队 in two files, two 联络员 in one field and two coaches
/// of one member are each found where they are, and nothing else; only the member with two coaches is
/// held back, and individual entrants (个人) name no one.
#[test]
fn unit_roles_are_checked_when_a_form_asks_for_them() {
    let copy = team_contest();
    let returned = copy.beside("returned");
    std::fs::create_dir_all(&returned).unwrap();
    let mut planted = Planted::default();
    let mut files = team_forms(
        &mut planted,
        &copy.file("output/downloads/team-form.pdf"),
        &returned,
    );
    files.extend(team_csv(&mut planted, &returned));
    planted.expect("T2.pdf", "（字段 `leader`）", "没有填写领队");
    planted.expect(
        "T3b.pdf",
        "（字段 `leader`）",
        "填写了 2 名领队（冯刚、陈亮），最多 1 名",
    );
    planted.expect(
        "T4.pdf",
        "（字段 `liaison`）",
        "填写了 2 名联络员（王五、赵六）",
    );
    planted.expect("T5.pdf", "（字段 `member-2-coach`）", "“张三、李四”有 2 人");
    planted.expect("roster.csv", "（第2行第A列，单位名称）", "没有填写领队");
    let (stderr, out) = planted.run(&copy, &returned);
    assert!(stderr.contains("names no 领队"), "{stderr}");

    // Every team in the score sheet (a team per file, and per unit of the CSV), the member with two
    // coaches held back.
    let score = sheets(&out.join("score-sheet.xlsx"));
    let rows = &score["成绩"];
    assert_eq!(
        rows[0][..5],
        ["姓名", "参赛单位", "赛项", "组别", "方案设计成绩"]
    );
    let got: BTreeSet<(BTreeSet<String>, String)> = rows[1..]
        .iter()
        .map(|r| (r[0].split('、').map(str::to_string).collect(), r[1].clone()))
        .collect();
    let mut want: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    for (i, (file, p)) in files.iter().zip(&planted.people).enumerate() {
        if !planted.held.contains(&i) {
            let team = if file == "roster.csv" { &p.unit } else { file };
            want.entry((team.clone(), p.unit.clone()))
                .or_default()
                .insert(p.name.clone());
        }
    }
    let want: BTreeSet<(BTreeSet<String>, String)> = want
        .into_iter()
        .map(|((_, unit), names)| (names, unit))
        .collect();
    assert_eq!(got, want);
    assert_eq!(rows.len() - 1, 8);
}
