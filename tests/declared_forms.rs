//! Forms a contest declares itself (`forms/<id>.yaml`), checked with real readers: a team event's form
//! with every kind of input and a member table that runs on to a second page with its header repeated,
//! the built-in unit roster, pre-filling from a roster, and a form that does not fit its sheet. pypdf
//! fills the fields, poppler draws them (`tests/run.sh` installs both; a missing tool fails the test).

mod support;

use support::clients::{run_python as python, tool};

use std::path::{Path, PathBuf};

/// A copy of the seed contest with the fixture forms `names` (from `tests/fixtures/forms/`) added as
/// attachments 3, 4, …, after the seed's 报名表 and 裁判员推荐表.
fn contest_with_forms(names: &[&str]) -> (support::ContestCopy, PathBuf) {
    let copy = support::contest_copy();
    let dir = copy.path().to_path_buf();
    std::fs::create_dir_all(dir.join("forms")).unwrap();
    let yaml = dir.join("content/contest.yaml");
    let mut text = std::fs::read_to_string(&yaml).unwrap();
    for (i, name) in names.iter().enumerate() {
        let fixture =
            Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/forms/{name}.yaml"));
        if fixture.is_file() {
            std::fs::copy(&fixture, dir.join(format!("forms/{name}.yaml"))).unwrap();
        }
        text.push_str(&format!(
            "  - number: {}\n    title: 附件表格{name}\n    form: {name}\n",
            i + 3
        ));
    }
    std::fs::write(&yaml, text).unwrap();
    (copy, dir)
}

fn run(subcommand: &str, dir: &Path, args: &[&str]) -> (bool, String) {
    let output = support::jingsai(subcommand)
        .arg(dir)
        .args(args)
        .output()
        .unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Every field: name, type, flags, max length, accessible name, page (1-based).
const FIELDS: &str = r#"
import sys, pypdf
r = pypdf.PdfReader(sys.argv[1])
for n, page in enumerate(r.pages, 1):
    for a in page.get('/Annots', []):
        a = a.get_object()
        print(a['/T'], a.get('/FT'), int(a.get('/Ff', 0)), a.get('/MaxLen', '-'), a.get('/TU', '-'), n, sep='\t')
"#;

struct FieldRow {
    name: String,
    kind: String,
    flags: i64,
    max: String,
    label: String,
    page: usize,
}

fn fields(pdf: &Path) -> Vec<FieldRow> {
    python(FIELDS, &[pdf.to_str().unwrap()])
        .lines()
        .map(|l| {
            let p: Vec<&str> = l.split('\t').collect();
            FieldRow {
                name: p[0].into(),
                kind: p[1].into(),
                flags: p[2].parse().unwrap(),
                max: p[3].into(),
                label: p[4].into(),
                page: p[5].parse().unwrap(),
            }
        })
        .collect()
}

#[test]
fn a_declared_form_has_every_kind_of_field_and_its_table_runs_on_with_the_header_repeated() {
    let (_copy, dir) = contest_with_forms(&["team", "roster"]);
    let (ok, stderr) = run("build", &dir, &[]);
    assert!(ok, "{stderr}");
    assert!(
        !stderr.contains("runs to"),
        "a form declared to run on is no warning: {stderr}"
    );
    let pdf = dir.join("output/downloads/team-form.pdf");
    let fields = fields(&pdf);
    let get = |name: &str| {
        fields.iter().find(|f| f.name == name).unwrap_or_else(|| {
            panic!(
                "no field `{name}`: {:?}",
                fields.iter().map(|f| &f.name).collect::<Vec<_>>()
            )
        })
    };
    // One line of text, with and without printed words around it; a phone number.
    for (name, label) in [
        ("unit", "单位名称"),
        ("team", "队名"),
        ("leader", "领队姓名"),
        ("leader-mobile", "领队手机号"),
    ] {
        assert_eq!(
            (get(name).kind.as_str(), get(name).label.as_str()),
            ("/Tx", label),
            "{name}"
        );
    }
    // Check boxes from the contest's tracks (any number) and groups (one), with their names.
    assert_eq!(get("track-ai-trainer").kind, "/Btn");
    assert_eq!(get("track-ai-trainer").label, "赛项：人工智能训练师");
    assert_eq!(get("group-student").label, "参赛组别：学生组");
    // A comb of 18 cells, a date, a multi-line box, a signature with its date.
    let comb = get("leader-id");
    assert!(
        comb.flags & (1 << 24) != 0 && comb.max == "18",
        "comb: {} {}",
        comb.flags,
        comb.max
    );
    assert_eq!(get("formed-month").label, "组队日期（月）");
    assert!(get("profile").flags & (1 << 12) != 0, "multi-line");
    assert!(get("unit-opinion").flags & (1 << 12) != 0);
    assert_eq!(get("unit-date-day").label, "单位意见日期（日）");
    // The table: 24 rows of 5 fields (序号 is printed), named by row and column.
    let members: Vec<_> = fields
        .iter()
        .filter(|f| f.name.starts_with("member-"))
        .collect();
    assert_eq!(members.len(), 24 * 5);
    assert_eq!(get("member-24-id-number").max, "18");
    assert_eq!(get("member-1-name").label, "参赛队员第1行：姓名");
    // It runs on: the last rows are on page 2, under the column headers again.
    assert_eq!(get("member-1-name").page, 1);
    assert_eq!(get("member-24-name").page, 2);
    let page2 = tool(
        "pdftotext",
        &["-f", "2", "-l", "2", "-layout", pdf.to_str().unwrap(), "-"],
    );
    for header in ["参赛队员", "序号", "身份证号", "手机号", "24"] {
        assert!(page2.contains(header), "`{header}` on page 2:\n{page2}");
    }
    // The names on the form and in the downloads are the contest's.
    let page = std::fs::read_to_string(dir.join("output/registration.html")).unwrap();
    for expected in [
        "附件表格team",
        "附件表格roster",
        "team-form.pdf",
        "roster-form.pdf",
    ] {
        assert!(
            page.contains(expected),
            "`{expected}` on the registration page"
        );
    }
    let zip = python(
        "import sys, zipfile\nprint(zipfile.ZipFile(sys.argv[1]).namelist())",
        &[dir.join("output/downloads/forms.zip").to_str().unwrap()],
    );
    assert!(
        zip.contains("附件3 附件表格team.pdf") && zip.contains("附件4 附件表格roster.pdf"),
        "{zip}"
    );
    // The notice PDF prints every form attachment, the landscape roster on a landscape page.
    let notice = dir.join("output/downloads/notice.pdf");
    let text = tool("pdftotext", &[notice.to_str().unwrap(), "-"]);
    assert!(
        text.contains("团队简介") && text.contains("指导教师"),
        "{text}"
    );
    let sizes = tool("pdfinfo", &["-l", "20", notice.to_str().unwrap()]);
    assert!(
        sizes.contains("841.89 x 595.276"),
        "a landscape page in the notice: {sizes}"
    );
}

#[test]
fn pypdf_fills_every_kind_of_field_and_poppler_draws_the_chinese() {
    let (_copy, dir) = contest_with_forms(&["team"]);
    let (ok, stderr) = run("build", &dir, &[]);
    assert!(ok, "{stderr}");
    let pdf = dir.join("output/downloads/team-form.pdf");
    let filled = dir.join("filled.pdf");
    let script = r#"
import sys, pypdf
w = pypdf.PdfWriter(clone_from=pypdf.PdfReader(sys.argv[1]))
values = {"unit": "天津市第一职业技术学校", "team": "飞跃", "leader": "王领队", "leader-mobile": "13800000000",
          "leader-id": "120101199001011234", "formed-year": "2025", "formed-month": "10", "formed-day": "8",
          "member-1-name": "张三丰", "member-1-sex": "男", "member-1-track": "人工智能训练师",
          "member-24-name": "李末行", "profile": "团队由三名学生组成。", "unit-opinion": "同意推荐。"}
for page in w.pages:
    w.update_page_form_field_values(page, values, auto_regenerate=False)
for page in w.pages:
    w.update_page_form_field_values(page, {"track-ai-trainer": "/Yes", "group-student": "/Yes"}, auto_regenerate=False)
w.write(sys.argv[2])
f = pypdf.PdfReader(sys.argv[2]).get_fields()
print(f["member-24-name"].get("/V"), f["track-ai-trainer"].get("/V"), f["leader-id"].get("/V"))
"#;
    let out = python(script, &[pdf.to_str().unwrap(), filled.to_str().unwrap()]);
    assert_eq!(out.trim(), "李末行 /Yes 120101199001011234");
    let text = tool("pdftotext", &[filled.to_str().unwrap(), "-"]);
    for typed in [
        "天津市第一职业技术学校",
        "王领队",
        "张三丰",
        "李末行",
        "团队由三名学生组成",
        "同意推荐",
    ] {
        assert!(text.contains(typed), "typed `{typed}` is drawn:\n{text}");
    }
}

#[test]
fn a_roster_fills_the_table_of_one_form() {
    let (_copy, dir) = contest_with_forms(&["roster"]);
    let roster = dir.join("unit.csv");
    let mut csv = String::from("单位名称,联系人,序号,姓名,性别,身份证号,赛项,组别,手机号\n");
    csv.push_str(
        "天津职业大学,赵老师,1,张三,男,120101200001011234,人工智能训练师,学生组,13800000000\n",
    );
    csv.push_str(",,2,李四,女,12010120000202123X,服务机器人应用技术员,学生组,13900000000\n");
    std::fs::write(&roster, csv).unwrap();
    let out = dir.join("filled");
    let (ok, stderr) = run(
        "forms",
        &dir,
        &[
            "--fill",
            roster.to_str().unwrap(),
            "--form",
            "roster",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(ok, "{stderr}");
    let pdf = out.join("天津职业大学-报名汇总表.pdf");
    assert!(pdf.is_file(), "{stderr}");
    let values = python(
        "import sys, pypdf\nf = pypdf.PdfReader(sys.argv[1]).get_fields()\nfor k in sorted(f):\n    v = f[k].get('/V')\n    if v: print(k, v)\n",
        &[pdf.to_str().unwrap()],
    );
    for expected in [
        "unit 天津职业大学",
        "contact 赵老师",
        "entry-1-name 张三",
        "entry-2-name 李四",
        "entry-2-id-number 12010120000202123X",
        "entry-2-track 服务机器人应用技术员",
        "entry-1-sex 男",
    ] {
        assert!(
            values.lines().any(|l| l == expected),
            "`{expected}` in:\n{values}"
        );
    }
    // More rows than the table has, a value the list does not have, and a unit that changes mid-roster:
    // each named with its row and column.
    let mut csv = String::from(
        "单位名称,姓名,赛项\n天津职业大学,张三,人工智能训练师\n另一个单位,李四,机器人\n",
    );
    for i in 0..15 {
        csv.push_str(&format!(",人{i},人工智能训练师\n"));
    }
    std::fs::write(&roster, csv).unwrap();
    let (ok, stderr) = run(
        "forms",
        &dir,
        &[
            "--fill",
            roster.to_str().unwrap(),
            "--form",
            "roster",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(!ok);
    assert!(
        stderr.contains("has 17 rows, but the form's table has 15"),
        "{stderr}"
    );
    assert!(
        stderr.contains("row 3, column 3 (赛项): `机器人` is not one of the choices"),
        "{stderr}"
    );
    assert!(
        stderr.contains("row 3, column 1 (单位名称): `另一个单位` differs from `天津职业大学`"),
        "{stderr}"
    );
    // A form the contest does not hand out.
    let (ok, stderr) = run(
        "forms",
        &dir,
        &["--fill", roster.to_str().unwrap(), "--form", "team"],
    );
    assert!(!ok);
    assert!(
        stderr.contains("no attachment with `form: team`")
            && stderr.contains("`--form roster` (报名汇总表)"),
        "{stderr}"
    );
}

#[test]
fn a_declared_form_that_does_not_fit_its_sheet_is_a_warning_at_the_cell_that_moved() {
    let (_copy, dir) = contest_with_forms(&["tall"]);
    let (ok, stderr) = run("build", &dir, &[]);
    assert!(ok, "a warning does not stop the build: {stderr}");
    let text = std::fs::read_to_string(dir.join("forms/tall.yaml")).unwrap();
    let line = text.lines().position(|l| l.contains("id: signed")).unwrap() + 1;
    let expected = format!(
        "forms/tall.yaml:{line}:7: 附件3 情况说明表 runs to 2 pages, but it is declared to fit on one sheet; on page 2 and after: 本人签字"
    );
    assert!(
        stderr.contains(&expected),
        "expected `{expected}` in:\n{stderr}"
    );
    assert!(stderr.contains("overflow: continue"), "{stderr}");
}

#[test]
fn a_built_in_form_is_printed_to_start_from() {
    let output = support::jingsai("forms")
        .args(["--show", "roster"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let shown = String::from_utf8_lossy(&output.stdout);
    // The declaration, after the line that points editors at the form schema (see tests/schema.rs).
    let built_in = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model/forms/builtin/roster.yaml"),
    )
    .unwrap();
    assert_eq!(
        shown,
        format!("# yaml-language-server: $schema=../schema/form.schema.json\n{built_in}")
    );
    let output = support::jingsai("forms")
        .args(["--show", "nosuch"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .contains("the built-in forms are registration, judge, roster")
    );
}

#[test]
fn the_example_in_forms_readme_builds_as_documented() {
    // The complete example of forms/README.md, copied as a user would, with its attachment line.
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("forms/README.md"))
            .unwrap();
    let after = &readme[readme
        .find("(`forms/team.yaml`)")
        .expect("the example's heading")..];
    let start = after.find("```yaml\n").unwrap() + "```yaml\n".len();
    let example = &after[start..start + after[start..].find("```").unwrap()];
    let (_copy, dir) = contest_with_forms(&["team"]);
    std::fs::write(dir.join("forms/team.yaml"), example).unwrap();
    let (ok, stderr) = run("build", &dir, &[]);
    assert!(ok, "{stderr}");
    assert!(
        !stderr.contains("forms/team.yaml"),
        "no warning about the example: {stderr}"
    );
    let names: Vec<String> = fields(&dir.join("output/downloads/team-form.pdf"))
        .into_iter()
        .map(|f| f.name)
        .collect();
    // The fields the README lists for it.
    for name in [
        "fill-date-year",
        "unit",
        "track-ai-trainer",
        "group-staff",
        "leader",
        "leader-mobile",
        "leader-position",
        "member-1-name",
        "member-5-mobile",
        "coach",
        "coach-mobile",
        "unit-opinion",
        "unit-date-day",
    ] {
        assert!(names.iter().any(|n| n == name), "`{name}` in {names:?}");
    }
}
