//! The PDFs of the seed contest, checked with real readers: poppler (`pdftotext`, `pdffonts`,
//! `pdfinfo`), `qpdf --check` and python's `pypdf`. `tests/run.sh` installs them (pypdf in a venv whose
//! python it exports as `JINGSAI_PYTHON`; without that variable `python3` is used); a missing tool fails
//! the test rather than skipping it. Builds use `--no-system-fonts`, as on a fresh machine with no
//! Chinese font installed.

mod support;

use support::clients::{assert_in_order, pdf_text as text_of, run_python, tool};

use std::path::{Path, PathBuf};
use std::process::Command;

struct Built {
    _tmp: support::ContestCopy,
    dir: PathBuf,
    out: PathBuf,
}

fn seed_copy() -> (support::ContestCopy, PathBuf) {
    let copy = support::contest_copy();
    let dir = copy.path().to_path_buf();
    (copy, dir)
}

fn fixture_copy(name: &str) -> (support::ContestCopy, PathBuf) {
    let copy = support::fixture_copy(name);
    let dir = copy.path().to_path_buf();
    (copy, dir)
}

/// `jingsai SUBCOMMAND --no-system-fonts ARGS.. DIR` (see `support::jingsai`).
fn jingsai(dir: &Path, args: &[&str]) -> std::process::Output {
    let (subcommand, args) = args.split_first().unwrap();
    support::jingsai(subcommand)
        .args(args)
        .arg(dir)
        .output()
        .unwrap()
}

/// `jingsai forms --no-system-fonts DIR --fill ROSTER [--out OUT]`.
fn fill_forms(dir: &Path, roster: &Path, out: Option<&Path>) -> std::process::Output {
    let mut command = support::jingsai("forms");
    command.arg(dir).arg("--fill").arg(roster);
    if let Some(out) = out {
        command.arg("--out").arg(out);
    }
    command.output().unwrap()
}

fn build(dir: PathBuf, tmp: support::ContestCopy) -> Built {
    let output = jingsai(&dir, &["build"]);
    assert!(
        output.status.success(),
        "build failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    Built {
        _tmp: tmp,
        out: dir.join("output"),
        dir,
    }
}

fn seed() -> Built {
    let (tmp, dir) = seed_copy();
    build(dir, tmp)
}

fn pypdf(script: &str, pdf: &Path) -> String {
    run_python(script, &[pdf.to_str().unwrap()])
}

/// Every field as pypdf reads it: the form's field list, and each widget's own dictionary for the
/// entries (`/MaxLen`) that pypdf's summary leaves out.
const FIELDS_SCRIPT: &str = r#"
import sys, pypdf
r = pypdf.PdfReader(sys.argv[1])
fields = r.get_fields()
rows = []
for page in r.pages:
    for a in page.get('/Annots', []):
        a = a.get_object()
        name = a['/T']
        assert name in fields, name
        rows.append((name, a.get('/FT'), int(a.get('/Ff', 0)), a.get('/MaxLen', ''), repr(fields[name].get('/V', ''))))
assert len(rows) == len(fields), (len(rows), len(fields))
for row in sorted(rows):
    print(*row)
"#;

fn fields(pdf: &Path) -> Vec<(String, String, i64, String)> {
    pypdf(FIELDS_SCRIPT, pdf)
        .lines()
        .map(|l| {
            let parts: Vec<&str> = l.splitn(5, ' ').collect();
            (
                parts[0].to_string(),
                parts[1].to_string(),
                parts[2].parse().unwrap(),
                parts[3].to_string(),
            )
        })
        .collect()
}

#[test]
fn registration_form_has_every_field_of_attachment_1_in_order() {
    let site = seed();
    let pdf = site.out.join("downloads/registration-form.pdf");
    let text = text_of(&pdf);
    // Every label is on the form; rows come in the order of the Word original (labels of one row may be
    // interleaved by pdftotext's layout, so the order is checked on the first label of each row).
    for label in [
        "附件1",
        "报名表",
        "填表日期",
        "年",
        "月",
        "日",
        "赛项",
        "人工智能训练师",
        "服务机器人应用技术员",
        "生成式人工智能系统应用员",
        "参赛组别",
        "职工组",
        "学生组",
        "参赛队别",
        "队",
        "姓名",
        "性别",
        "男",
        "女",
        "照片",
        "年龄",
        "民族",
        "文化程度",
        "现从事职业",
        "职称",
        "身份证号",
        "职业资格或技能等级证书号码",
        "所在单位",
        "选手手机号",
        "户籍所在地",
        "教练姓名",
        "教练手机号",
        "个人简历",
        "单位意见",
        "签章",
        "备注",
    ] {
        assert!(
            text.contains(label),
            "registration form: `{label}` missing:\n{text}"
        );
    }
    assert!(
        text.contains("现有职业资") && text.contains("格及等级"),
        "现有职业资格及等级 (wrapped in its cell)"
    );
    assert_in_order(
        &text,
        &[
            "附件1",
            "报名表",
            "填表日期",
            "赛项",
            "参赛组别",
            "姓名",
            "年龄",
            "文化程度",
            "职称",
            "身份证号",
            "职业资格或技能等级证书号码",
            "所在单位",
            "户籍所在地",
            "教练姓名",
            "个人简历",
            "单位意见",
            "签章",
            "备注",
        ],
        "registration form",
    );
    let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(info.contains("Pages:           1"), "{info}");
    assert!(info.contains("595.276 x 841.89 pts (A4)"), "{info}");
    assert!(info.contains("Tagged:          yes"), "{info}");
}

#[test]
fn judge_form_has_every_field_of_attachment_2_in_order() {
    let site = seed();
    let pdf = site.out.join("downloads/judge-form.pdf");
    let text = text_of(&pdf);
    for label in [
        "附件2",
        "裁判员推荐表",
        "填表日期",
        "姓名",
        "性别",
        "年龄",
        "照片",
        "职业",
        "（工种）",
        "职称或",
        "职业资格",
        "文化",
        "程度",
        "工作",
        "单位",
        "职务",
        "身份证号",
        "手机号",
        "赛项",
        "人工智能训练师",
        "工作简历",
        "在国家级、市级、行业等比赛中执裁情况",
        "时间",
        "赛事名称",
        "担任职务",
        "推荐单位",
        "意见",
        "签章",
    ] {
        assert!(
            text.contains(label),
            "judge form: `{label}` missing:\n{text}"
        );
    }
    assert_in_order(
        &text,
        &[
            "附件2",
            "裁判员推荐表",
            "填表日期",
            "姓名",
            "职业",
            "身份证号",
            "赛项",
            "工作简历",
            "在国家级、市级、行业等比赛中执裁情况",
            "时间",
            "赛事名称",
            "担任职务",
            "推荐单位",
            "签章",
            "年",
            "月",
            "日",
        ],
        "judge form",
    );
    let fields = fields(&pdf);
    let history: Vec<_> = fields
        .iter()
        .filter(|f| f.0.starts_with("history-") && f.0.ends_with("-event"))
        .collect();
    assert!(
        history.len() >= 6,
        "at least six judging-history rows: {history:?}"
    );
    assert!(tool("pdfinfo", &[pdf.to_str().unwrap()]).contains("Pages:           1"));
}

#[test]
fn form_fields_have_the_right_types_and_take_chinese() {
    let site = seed();
    let pdf = site.out.join("downloads/registration-form.pdf");
    let fields = fields(&pdf);
    let get = |name: &str| {
        fields
            .iter()
            .find(|f| f.0 == name)
            .unwrap_or_else(|| panic!("no field `{name}` in {fields:?}"))
    };
    for name in [
        "name",
        "age",
        "ethnicity",
        "unit",
        "mobile",
        "household",
        "coach",
        "coach-mobile",
        "fill-date-year",
        "unit-date-day",
        "team",
    ] {
        assert_eq!(get(name).1, "/Tx", "{name}");
    }
    for name in [
        "track-ai-trainer",
        "track-service-robot",
        "track-genai-operator",
        "group-staff",
        "group-student",
        "sex-male",
        "sex-female",
    ] {
        assert_eq!(get(name).1, "/Btn", "{name} is a check box");
    }
    let id = get("id-number");
    assert_eq!(id.1, "/Tx");
    assert_ne!(id.2 & (1 << 24), 0, "身份证号 is a comb field");
    assert_eq!(id.3, "18");
    for name in ["resume", "unit-opinion", "remarks"] {
        assert_ne!(get(name).2 & (1 << 12), 0, "{name} is multi-line");
    }
    // Fill a field with Chinese through pypdf, save, read it back, and render the page with poppler.
    let filled = site.dir.join("filled.pdf");
    let script = r#"
import sys, pypdf
r = pypdf.PdfReader(sys.argv[1])
w = pypdf.PdfWriter(clone_from=r)
w.update_page_form_field_values(w.pages[0], {"name": "张三丰", "unit": "天津市第一职业技术学校"}, auto_regenerate=False)
w.write(sys.argv[2])
print(pypdf.PdfReader(sys.argv[2]).get_fields()["name"].get("/V"))
"#;
    let out = run_python(script, &[pdf.to_str().unwrap(), filled.to_str().unwrap()]);
    assert_eq!(out.trim(), "张三丰");
    let text = text_of(&filled);
    assert!(text.contains("张三丰"), "typed Chinese is drawn: {text}");
    assert!(text.contains("天津市第一职业技术学校"), "{text}");
}

#[test]
fn pdfs_embed_every_font_and_pass_qpdf() {
    let site = seed();
    for name in ["notice.pdf", "registration-form.pdf", "judge-form.pdf"] {
        let pdf = site.out.join("downloads").join(name);
        let fonts = tool("pdffonts", &[pdf.to_str().unwrap()]);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty(), "{name}: no fonts");
        for row in rows {
            let columns: Vec<&str> = row.split_whitespace().collect();
            // name type [encoding] emb sub uni object ID: `emb` is the fifth column from the end.
            let emb = columns[columns.len() - 5];
            assert!(
                emb == "yes" || row.contains("ZapfDingbats"),
                "{name}: font not embedded: {row}"
            );
        }
        let check = Command::new("qpdf")
            .arg("--check")
            .arg(&pdf)
            .output()
            .expect("qpdf is needed (tests/run.sh installs it)");
        assert!(
            check.status.success(),
            "{name}: qpdf --check: {}",
            String::from_utf8_lossy(&check.stdout)
        );
        let stdout = String::from_utf8_lossy(&check.stdout);
        assert!(!stdout.contains("WARNING"), "{name}: {stdout}");
    }
}

#[test]
fn the_official_notice_pdf_carries_the_notice_the_plan_and_both_attachments() {
    let site = seed();
    let pdf = site.out.join("downloads/notice.pdf");
    let text = text_of(&pdf);
    assert_in_order(
        &text,
        &[
            "市人社局关于印发《2025年“海河工匠杯”技能大赛—第四届全国人工智能应用技术技能大赛天津选拔赛方案》的通知",
            "各区人力资源和社会保障局，各委办局（集团公司）人力资源部门，各普通高校、职业院校（含技工院校），有关单位：",
            "现将《",
            "请遵照执行。",
            "天津市人力资源和社会保障局",
            "2025年10月16日",
            "（此件主动公开）",
            "天津选拔赛方案",
            "津人社局函〔2025〕55号",
            "一、组织机构",
            "市级一类竞赛",
            "二、竞赛分组和参赛对象",
            "（一）竞赛分组",
            "（二）参赛对象",
            "每个参赛单位只可选派2人参加比赛",
            "三、竞赛内容",
            "理论考试成绩占20%、实操比赛成绩占80%",
            "四、竞赛报名",
            "（一）报名时间。2025年10月31日（星期五）前。",
            "五、竞赛实施",
            "六、竞赛奖励",
            "津人社局发〔2024〕5号",
            "不足20人的",
            "七、相关说明",
            "联系人：天津职业技术师范大学电子工程学院李莉",
            "联系电话：13207515272",
            "电子邮箱：lili2004@tute.edu.cn",
            "附件：1．",
            "报名表",
            "2．",
            "裁判员推荐表",
            "附件1",
            "身份证号",
            "附件2",
            "执裁情况",
        ],
        "notice",
    );
    let raw = tool("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]);
    let numbers: Vec<String> = raw
        .lines()
        .map(|l| l.split_whitespace().collect::<String>())
        .filter(|l| l.starts_with('—') && l.ends_with('—'))
        .collect();
    assert_eq!(
        numbers.first().map(String::as_str),
        Some("—1—"),
        "page numbers “— 1 —”: {numbers:?}"
    );
    assert!(numbers.iter().any(|n| n == "—2—"), "{numbers:?}");
    let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(info.contains("595.276 x 841.89 pts (A4)"), "{info}");
    assert!(info.contains("Tagged:          yes"), "{info}");
    let meta = tool("pdfinfo", &["-meta", pdf.to_str().unwrap()]);
    assert!(
        meta.contains("<pdfaid:part>2</pdfaid:part>")
            && meta.contains("<pdfaid:conformance>B</pdfaid:conformance>"),
        "PDF/A-2b: {meta}"
    );
    assert!(meta.contains("pdfuaid:part>1<"), "PDF/UA-1: {meta}");
    // Each attachment starts a page headed 附件N.
    let pages: Vec<String> = (1..=12)
        .map_while(|n| {
            let out = Command::new("pdftotext")
                .args([
                    "-f",
                    &n.to_string(),
                    "-l",
                    &n.to_string(),
                    pdf.to_str().unwrap(),
                    "-",
                ])
                .output()
                .ok()?;
            out.status
                .success()
                .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
        })
        .collect();
    for n in ["附件1", "附件2"] {
        let starts = |p: &String| {
            p.chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .starts_with(n)
        };
        assert!(pages.iter().any(starts), "a page starts with {n}");
    }
}

#[test]
fn registration_page_lists_the_downloads_with_sizes_and_the_zip_opens_with_chinese_names() {
    let site = seed();
    let page = std::fs::read_to_string(site.out.join("registration.html")).unwrap();
    for href in [
        "downloads/notice.pdf",
        "downloads/registration-form.pdf",
        "downloads/judge-form.pdf",
        "downloads/forms.zip",
    ] {
        assert!(page.contains(&format!("href=\"{href}\"")), "{href} listed");
    }
    assert!(
        page.contains(" KB）") || page.contains(" MB）"),
        "sizes shown"
    );
    let script = r#"
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
for i in z.infolist():
    print(i.filename, i.flag_bits & 0x800, i.date_time, i.compress_type)
"#;
    let listing = run_python(
        script,
        &[site.out.join("downloads/forms.zip").to_str().unwrap()],
    );
    let lines: Vec<&str> = listing.lines().collect();
    assert_eq!(lines.len(), 2, "{listing}");
    assert!(
        lines[0].starts_with("附件1 2025年“海河工匠杯”技能大赛—第四届全国人工智能应用技术技能大赛天津选拔赛报名表.pdf 2048 (2025, 10, 16, 0, 0, 0) 8"),
        "{listing}"
    );
    assert!(
        lines[1].starts_with("附件2 2025年“海河工匠杯”技能大赛—第四届全国人工智能应用技术技能大赛天津选拔赛裁判员推荐表.pdf 2048 (2025, 10, 16, 0, 0, 0) 8"),
        "{listing}"
    );
}

#[test]
fn renaming_a_track_in_yaml_changes_every_document() {
    let (tmp, dir) = seed_copy();
    let yaml = dir.join("content/contest.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap().replace(
        "    name: 服务机器人应用技术员\n",
        "    name: 智能网联汽车测试员\n",
    );
    std::fs::write(&yaml, text).unwrap();
    let site = build(dir, tmp);
    for name in ["registration-form.pdf", "judge-form.pdf", "notice.pdf"] {
        let text = text_of(&site.out.join("downloads").join(name));
        assert!(text.contains("智能网联汽车测试员"), "{name}");
    }
}

#[test]
fn a_character_no_font_has_is_an_error_naming_it_and_its_place() {
    let (_tmp, dir) = seed_copy();
    let yaml = dir.join("content/contest.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap().replace(
        "    name: 人工智能训练师\n",
        "    name: 人工智能训练师\u{30EDE}\n",
    );
    std::fs::write(&yaml, text).unwrap();
    let output = jingsai(&dir, &["build"]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("\u{30EDE}") && stderr.contains("U+30EDE"),
        "{stderr}"
    );
    assert!(
        stderr.contains("content/contest.yaml:"),
        "points into contest.yaml: {stderr}"
    );
    assert!(stderr.contains("--font-path"), "{stderr}");
    assert!(!dir.join("output").exists(), "nothing written");
}

#[test]
fn a_mistake_in_a_form_override_is_reported_with_its_line_and_column() {
    let (_tmp, dir) = seed_copy();
    std::fs::create_dir_all(dir.join("forms")).unwrap();
    std::fs::write(
        dir.join("forms/judge.typ"),
        "#import \"common.typ\": *\n\n#let x = (1, 2\n",
    )
    .unwrap();
    let output = jingsai(&dir, &["build"]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("forms/judge.typ:3:"), "{stderr}");
}

#[test]
fn a_form_override_restyles_the_form() {
    let (tmp, dir) = seed_copy();
    std::fs::create_dir_all(dir.join("forms")).unwrap();
    // The form's own document, as jingsai generates it, with a line added under the form.
    std::fs::write(
        dir.join("forms/judge.typ"),
        "#import \"form.typ\": *\n\
         #let form = json(\"/forms/judge.json\")\n\
         #let attachment = data.attachments.find(a => a.form == \"judge\")\n\
         #set text(lang: \"zh\", region: \"cn\", font: song, size: 10.5pt)\n\
         #set page(paper: \"a4\", margin: (top: 16mm, bottom: 14mm, x: 18mm))\n\
         #form-body(form, attachment)\n\
         #align(center)[请于报名截止前报送]\n",
    )
    .unwrap();
    let site = build(dir, tmp);
    assert!(text_of(&site.out.join("downloads/judge-form.pdf")).contains("请于报名截止前报送"));
}

#[test]
fn a_roster_fills_one_form_per_row_in_utf8_and_gbk() {
    let (_tmp, dir) = seed_copy();
    let roster = "姓名,性别,所在单位,赛项,参赛组别,身份证号,选手手机号,填表日期\n\
                  张三,男,天津职业大学,人工智能训练师,学生组,120101200001011234,13800000000,2025-10-20\n\
                  李四,女,天津电子信息职业技术学院,生成式人工智能系统应用员,职工组,12010119900101123X,13900000000,2025年10月21日\n";
    for (name, bytes) in [
        ("utf8.csv", roster.as_bytes().to_vec()),
        ("gbk.csv", encoding_rs::GBK.encode(roster).0.into_owned()),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = dir.join(format!("filled-{name}"));
        let output = fill_forms(&dir, &path, Some(&out));
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let first = out.join("天津职业大学-张三.pdf");
        let second = out.join("天津电子信息职业技术学院-李四.pdf");
        assert!(
            first.is_file() && second.is_file(),
            "{:?}",
            std::fs::read_dir(&out).unwrap().collect::<Vec<_>>()
        );
        let values: Vec<_> = fields(&first);
        let value = |n: &str| values.iter().find(|f| f.0 == n).map(|f| f.0.clone());
        assert!(value("name").is_some());
        let dump = pypdf(FIELDS_SCRIPT, &first);
        assert!(dump.contains("name /Tx 0  '张三'"), "{dump}");
        assert!(
            dump.contains("id-number /Tx 16777216 18 '120101200001011234'"),
            "{dump}"
        );
        assert!(dump.contains("track-ai-trainer /Btn 0  '/Yes'"), "{dump}");
        assert!(dump.contains("group-student /Btn 0  '/Yes'"), "{dump}");
        assert!(dump.contains("group-staff /Btn 0  '/Off'"), "{dump}");
        assert!(dump.contains("fill-date-month /Tx 0  '10'"), "{dump}");
        assert!(pypdf(FIELDS_SCRIPT, &second).contains("sex-female /Btn 0  '/Yes'"));
    }
    // A column that is not on the form, and a choice that does not exist: both reported with their place.
    let bad = dir.join("bad.csv");
    std::fs::write(&bad, "姓名,学号,赛项\n王五,123,机器人\n").unwrap();
    let output = fill_forms(&dir, &bad, None);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("row 1, column 2: `学号` is not a field"),
        "{stderr}"
    );
    assert!(
        stderr.contains("row 2, column 3 (赛项): `机器人` is not one of the choices"),
        "{stderr}"
    );
}

#[test]
fn a_roster_may_name_its_columns_by_field_id() {
    // The same row as above with the ids of the fields as headers gives the same form.
    let (_tmp, dir) = seed_copy();
    let roster = "name,sex,unit,track,group,id-number,mobile,fill-date\n\
                  张三,男,天津职业大学,人工智能训练师,学生组,120101200001011234,13800000000,2025-10-20\n";
    let path = dir.join("ids.csv");
    std::fs::write(&path, roster).unwrap();
    let out = dir.join("filled-ids");
    let output = fill_forms(&dir, &path, Some(&out));
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let dump = pypdf(FIELDS_SCRIPT, &out.join("天津职业大学-张三.pdf"));
    for expected in [
        "name /Tx 0  '张三'",
        "id-number /Tx 16777216 18 '120101200001011234'",
        "track-ai-trainer /Btn 0  '/Yes'",
        "group-student /Btn 0  '/Yes'",
        "sex-male /Btn 0  '/Yes'",
        "mobile /Tx 0  '13800000000'",
        "fill-date-day /Tx 0  '20'",
    ] {
        assert!(dump.contains(expected), "`{expected}` in:\n{dump}");
    }
    // An unknown header lists both the labels and the ids.
    std::fs::write(&path, "nom\n张三\n").unwrap();
    let output = fill_forms(&dir, &path, Some(&out));
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("`nom` is not a field of the form"),
        "{stderr}"
    );
    assert!(
        stderr.contains("or the field ids: fill-date, track, group, team, name,"),
        "{stderr}"
    );
}

#[test]
fn filled_forms_never_go_into_the_published_site() {
    let (_tmp, dir) = seed_copy();
    std::fs::write(dir.join("r.csv"), "姓名\n张三\n").unwrap();
    let output = fill_forms(&dir, &dir.join("r.csv"), Some(&dir.join("output/private")));
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("refusing"));
    assert!(!dir.join("output").exists());
}

#[test]
fn with_a_base_url_each_form_carries_a_qr_code_to_the_notice_page() {
    let (tmp, dir) = fixture_copy("practical-only");
    let site = build(dir, tmp);
    let yaml = std::fs::read_to_string(site.dir.join("content/contest.yaml")).unwrap();
    let base = yaml
        .lines()
        .find_map(|l| l.trim().strip_prefix("base_url:"))
        .unwrap()
        .trim()
        .trim_matches('"')
        .trim_end_matches('/')
        .to_string();
    let script = r#"
import sys, pypdf
r = pypdf.PdfReader(sys.argv[1])
def walk(node, out):
    node = node.get_object()
    if isinstance(node, pypdf.generic.ArrayObject):
        for k in node: walk(k, out)
    elif isinstance(node, pypdf.generic.DictionaryObject):
        if '/Alt' in node: out.append(str(node['/Alt']))
        if '/K' in node: walk(node['/K'], out)
alts = []
walk(r.trailer['/Root']['/StructTreeRoot'], alts)
print('\n'.join(alts))
"#;
    let alts = pypdf(script, &site.out.join("downloads/registration-form.pdf"));
    assert!(
        alts.contains(&format!("二维码，链接到竞赛通知：{base}/index.html")),
        "{alts}"
    );
    // The seed has no public address yet, so its forms have no QR code.
    let seed = seed();
    assert!(!pypdf(script, &seed.out.join("downloads/registration-form.pdf")).contains("二维码"));
}

#[test]
fn check_finds_a_mistake_in_a_form_without_writing_anything() {
    let (_tmp, dir) = seed_copy();
    std::fs::create_dir_all(dir.join("forms")).unwrap();
    std::fs::write(
        dir.join("forms/registration.typ"),
        "#import \"common.typ\": *\n#text(font: \"No Such Font\")[x]\n",
    )
    .unwrap();
    let output = jingsai(&dir, &["check"]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("forms/registration.typ:2:") && stderr.contains("unknown font family"),
        "{stderr}"
    );
    assert!(!dir.join("output").exists());
}

#[test]
fn results_pdf_lists_the_ranked_results_and_nothing_private() {
    let (tmp, dir) = fixture_copy("results/seed");
    let site = build(dir, tmp);
    let pdf = site.out.join("results/results.pdf");
    let text = text_of(&pdf);
    assert_in_order(
        &text,
        &[
            "成绩公布",
            "公布日期",
            "人工智能训练师·职工（含教师）组",
            "名次",
            "姓名",
            "参赛单位",
            "总成绩",
            "1",
            "吕静",
            "97.20",
        ],
        "results PDF",
    );
    // The input has ID and phone numbers; the PDF must not.
    let input = std::fs::read_to_string(site.dir.join("content/results.csv")).unwrap();
    for line in input.lines().skip(2) {
        let cells: Vec<&str> = line.split(',').collect();
        assert!(
            !text.contains(cells[2]),
            "ID number {} in the PDF",
            cells[2]
        );
        assert!(
            !text.contains(cells[3]),
            "phone number {} in the PDF",
            cells[3]
        );
    }
    let meta = tool("pdfinfo", &["-meta", pdf.to_str().unwrap()]);
    assert!(meta.contains("<pdfaid:part>2</pdfaid:part>"), "PDF/A-2b");
    // What a screen reader and a PDF/A checker read: the structure tree, written by jingsai itself.
    let structure = pypdf(RESULTS_STRUCTURE_SCRIPT, &pdf);
    let contestants: Vec<Vec<&str>> = input
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split(',').collect())
        .collect();
    let mut tables: Vec<(&str, &str)> = contestants.iter().map(|c| (c[5], c[6])).collect();
    tables.sort();
    tables.dedup();
    assert!(
        structure.contains(&format!("Table {}\n", tables.len()))
            && structure.contains(&format!("TR {}\n", contestants.len() + tables.len())),
        "a table per track and group, a row per contestant and a header row each: {structure}"
    );
    assert!(
        structure.contains("headers ok") && structure.contains("marked content ok"),
        "{structure}"
    );
    assert!(structure.contains("output intent GRAY mntr"), "{structure}");
    let page = std::fs::read_to_string(site.out.join("results/index.html")).unwrap();
    assert!(
        page.contains("href=\"results.pdf\""),
        "the results page offers the PDF"
    );
}

/// Walks the structure tree of a results PDF and prints how many elements of each type it has, whether
/// every table's first row holds its column headers (`TH`, scope `Column`) and every other row data
/// cells, whether each marked content on each page is owned by the element the parent tree names (and
/// the page is tabbed in structure order), and the output intent's ICC profile.
const RESULTS_STRUCTURE_SCRIPT: &str = r#"
import sys, re, collections, pypdf
r = pypdf.PdfReader(sys.argv[1])
root = r.trailer['/Root']
tree = root['/StructTreeRoot']
pages = {p.indirect_reference.idnum: i for i, p in enumerate(r.pages)}
counts = collections.Counter()
owner = {}
headers_ok = True
def kids(element):
    k = element.raw_get('/K') if '/K' in element else None
    if k is None:
        return []
    k = k.get_object() if isinstance(k, pypdf.generic.IndirectObject) and isinstance(k.get_object(), pypdf.generic.ArrayObject) else k
    return list(k) if isinstance(k, pypdf.generic.ArrayObject) else [k]
def walk(reference, parent):
    global headers_ok
    element = reference.get_object()
    kind = element['/S'][1:]
    counts[kind] += 1
    if parent is not None:
        assert element.raw_get('/P').idnum == parent, (kind, 'parent')
    children = kids(element)
    if kind == 'Table':
        for i, row in enumerate(children):
            cells = [c.get_object() for c in kids(row.get_object())]
            want = 'TH' if i == 0 else 'TD'
            if not cells or any(c['/S'][1:] != want for c in cells):
                headers_ok = False
            attributes = [c['/A'] if isinstance(c['/A'], pypdf.generic.ArrayObject) else [c['/A']] for c in cells if '/A' in c]
            if i == 0 and (len(attributes) != len(cells) or any(a.get_object()['/Scope'] != '/Column' for a in sum(attributes, []))):
                headers_ok = False
    for kid in children:
        if isinstance(kid, int):
            owner[(pages[element.raw_get('/Pg').idnum], kid)] = reference.idnum
        elif isinstance(kid, pypdf.generic.IndirectObject):
            walk(kid, reference.idnum)
        else:
            kid = kid.get_object()
            assert kid['/Type'] == '/MCR'
            owner[(pages[kid.raw_get('/Pg').idnum], kid['/MCID'])] = reference.idnum
for top in kids(tree):
    walk(top, None)
for kind, n in sorted(counts.items()):
    print(kind, n)
nums = tree['/ParentTree']['/Nums']
parents = {nums[i]: nums[i + 1].get_object() for i in range(0, len(nums), 2)}
marked_ok = len(owner) > 0
for i, page in enumerate(r.pages):
    data = page.get_contents().get_data()
    mcids = [int(m) for m in re.findall(rb'/MCID (\d+)', data)]
    parent = parents[page['/StructParents']]
    marked_ok &= page['/Tabs'] == '/S' and mcids == list(range(len(parent)))
    marked_ok &= all(owner.get((i, m)) == parent[m].idnum for m in mcids)
    marked_ok &= data.count(b'BDC') == data.count(b'EMC')
print('headers ok' if headers_ok else 'headers WRONG')
print('marked content ok' if marked_ok else 'marked content WRONG')
intent = root['/OutputIntents'][0].get_object()
profile = intent['/DestOutputProfile'].get_object()
icc = profile.get_data()
assert int.from_bytes(icc[:4], 'big') == len(icc) and icc[36:40] == b'acsp' and profile['/N'] == 1
print('output intent', icc[16:20].decode(), icc[12:16].decode(), intent['/S'])
"#;

/// A sheet of `rows` contestants in the seed's columns (names 选手N, units with long names every 50th row so
/// that some cells wrap), written over the fixture's results.csv.
fn write_large_sheet(dir: &Path, rows: usize) {
    let tracks = [
        "人工智能训练师",
        "服务机器人应用技术员",
        "生成式人工智能系统应用员",
    ];
    let mut csv = String::from(
        "序号,姓名,身份证号,手机号,参赛单位,赛项,组别,理论成绩,实操成绩,实操用时,状态,荣誉\r\n",
    );
    for i in 0..rows {
        let unit = if i % 50 == 0 {
            format!("天津市第{i}职业技术学院人工智能与智能制造产业学院（筹）")
        } else {
            format!("参赛单位{}", i / 2)
        };
        let status = if i % 97 == 5 { "缺考" } else { "" };
        csv.push_str(&format!(
            "{},选手{i},1201011990{i:08},138{i:08},{unit},{},{},{}.{},{}.{:02},2:{:02}:{:02},{status},\r\n",
            i + 1,
            tracks[i % 3],
            ["职工组", "学生组"][(i / 3) % 2],
            50 + i * 7 % 50,
            i % 10,
            40 + i * 13 % 60,
            i % 100,
            i * 7 % 60,
            i * 11 % 60,
        ));
    }
    std::fs::write(dir.join("content/results.csv"), csv).unwrap();
}

#[test]
fn a_large_results_pdf_lists_every_contestant_and_is_valid_and_reproducible() {
    let (tmp, dir) = fixture_copy("results/seed");
    write_large_sheet(&dir, 3000);
    let site = build(dir, tmp);
    let pdf = site.out.join("results/results.pdf");
    let first = std::fs::read(&pdf).unwrap();
    let text = text_of(&pdf);
    // Every contestant and every unit (the long ones wrap within their cell), each once; in the order
    // the PDF draws its text, where a wrapped cell's lines follow one another.
    let drawn: String = tool("pdftotext", &["-raw", pdf.to_str().unwrap(), "-"])
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    for i in 0..3000 {
        let name = format!("选手{i}");
        let found = drawn
            .match_indices(name.as_str())
            .filter(|(at, _)| !drawn[at + name.len()..].starts_with(|c: char| c.is_ascii_digit()))
            .count();
        assert_eq!(found, 1, "{name} once in the results PDF");
    }
    assert!(drawn.contains("天津市第2950职业技术学院人工智能与智能制造产业学院（筹）"));
    // Tables in order, each headed and counted; the header row repeats, the pages are numbered.
    assert_in_order(
        &text,
        &[
            "成绩公布",
            "公布日期",
            "人工智能训练师·职工（含教师）组",
            "参赛500人",
            "名次姓名参赛单位",
            "总成绩",
            "服务机器人应用技术员",
            "生成式人工智能系统应用员",
        ],
        "results PDF",
    );
    let pages: usize = tool("pdfinfo", &[pdf.to_str().unwrap()])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap();
    assert!(pages > 50, "{pages} pages");
    let headers = text.matches("名次姓名参赛单位").count();
    assert!(
        headers >= pages,
        "a header row on every page: {headers} on {pages} pages"
    );
    assert!(
        text.contains(&format!("—{pages}—")),
        "the last page is numbered"
    );
    // Valid, tagged, PDF/A-2b and PDF/UA-1, fonts embedded with their Unicode maps.
    tool("qpdf", &["--check", pdf.to_str().unwrap()]);
    let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(
        info.lines()
            .any(|l| l.starts_with("Tagged:") && l.ends_with("yes")),
        "{info}"
    );
    let meta = tool("pdfinfo", &["-meta", pdf.to_str().unwrap()]);
    assert!(meta.contains("<pdfaid:part>2</pdfaid:part>"), "PDF/A-2b");
    assert!(meta.contains("<pdfuaid:part>1</pdfuaid:part>"), "PDF/UA-1");
    let fonts = tool("pdffonts", &[pdf.to_str().unwrap()]);
    for line in fonts.lines().skip(2) {
        let cols: Vec<&str> = line.split_whitespace().collect();
        let n = cols.len();
        assert_eq!(
            &cols[n - 5..n - 2],
            ["yes", "yes", "yes"],
            "embedded, subset, ToUnicode: {line}"
        );
    }
    // The same input gives the same bytes.
    let again = jingsai(&site.dir, &["build"]);
    assert!(again.status.success());
    assert_eq!(
        std::fs::read(&pdf).unwrap(),
        first,
        "a rebuild gives the same PDF"
    );
}

#[test]
fn a_form_that_runs_past_one_page_is_a_warning_at_its_attachment() {
    // The seed's forms fit on one sheet: no such warning.
    let (_seed, seed_dir) = seed_copy();
    let output = jingsai(&seed_dir, &["check"]);
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("runs to"), "{stderr}");

    // 86 tracks make 86 check boxes: the registration form runs on to a second page.
    let (_tmp, dir) = seed_copy();
    let yaml = dir.join("content/contest.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    let extra: String = (0..83)
        .map(|i| {
            format!("  - id: extra-{i}\n    name: 第{i}号职业技能赛项\n    description: 测试。\n")
        })
        .collect();
    let text = text.replacen("\n# 组别 · groups", &format!("{extra}\n# 组别 · groups"), 1);
    std::fs::write(&yaml, &text).unwrap();
    // The built-in form is not in the folder: the warning points at the attachment that names it.
    let marker = "    form: registration\n";
    let at = text.find(marker).expect("the registration attachment") + "    form: ".len();
    let line = text[..at].lines().count();
    let column = text[..at].rsplit('\n').next().unwrap().chars().count() + 1;

    let output = jingsai(&dir, &["build"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "a warning does not stop the build: {stderr}"
    );
    let expected = format!(
        "content/contest.yaml:{line}:{column}: 附件1 报名表 runs to 2 pages, but it is declared to fit on one sheet; on page 2 and after: "
    );
    assert!(
        stderr.contains(&expected),
        "expected `{expected}` in:\n{stderr}"
    );
    assert!(
        stderr.contains("jingsai forms --show registration > forms/registration.yaml"),
        "{stderr}"
    );
    // `check` reports it too.
    let output = jingsai(&dir, &["check"]);
    assert!(String::from_utf8_lossy(&output.stderr).contains(&expected));
}
