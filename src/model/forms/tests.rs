//! The built-in forms read as the seed tests pinned them, and cells placed on the grid.

use super::check::parse_form;
use super::read::{BUILTIN_FORMS, builtin_form_text};
use super::{Cell, Content, Form, InputKind, Row};
use crate::diagnostics::{Problems, SourceFile};
use crate::model::values::Id;
use crate::model::{Contest, parse_contest};
use std::path::Path;

/// The seed contest (`content/contest.yaml` of this repository).
fn seed() -> Contest {
    let file = SourceFile::new(
        Path::new("content/contest.yaml"),
        include_str!("../../../content/contest.yaml"),
    );
    parse_contest(&file).unwrap_or_else(|p| panic!("the seed contest reads: {p}"))
}

/// Reads a form declaration: the form and the problems found.
fn read(text: &str) -> (Option<Form>, Problems) {
    parse_form(
        Id("test".into()),
        &SourceFile::new(Path::new("forms/test.yaml"), text),
    )
}

/// Reads a form declaration that must be right.
fn good(text: &str) -> Form {
    let (form, problems) = read(text);
    assert!(problems.is_empty(), "{problems}");
    form.expect("a form")
}

/// The messages of the errors of a declaration that must be wrong.
fn errors(text: &str) -> Vec<String> {
    let (_, problems) = read(text);
    assert!(problems.has_errors(), "the declaration should be refused");
    problems.errors().map(|p| p.message.to_string()).collect()
}

/// A built-in form.
fn builtin(id: &str) -> Form {
    let text = builtin_form_text(id).unwrap_or_else(|| panic!("no built-in form `{id}`"));
    let (form, problems) = parse_form(
        Id(id.into()),
        &SourceFile::new(&Path::new("(built-in)").join(format!("{id}.yaml")), text),
    );
    assert!(problems.is_empty(), "the built-in `{id}`: {problems}");
    form.expect("a form")
}

/// (id, label) of each field group, in the order of the form.
fn groups(form: &Form, contest: &Contest) -> Vec<(String, String)> {
    form.field_groups(contest)
        .into_iter()
        .map(|g| (g.id, g.label))
        .collect()
}

/// The labels of the inputs that have fields (not the photo box), in the order of the form.
fn input_labels(form: &Form) -> Vec<&str> {
    form.inputs()
        .filter(|(i, _)| !matches!(i.kind, InputKind::Photo { .. }))
        .map(|(i, _)| i.label.as_str())
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(id, label)| ((*id).to_string(), (*label).to_string()))
        .collect()
}

#[test]
fn every_builtin_form_reads() {
    for id in BUILTIN_FORMS {
        let form = builtin(id);
        assert_eq!(form.id.as_str(), id);
        assert!(!form.name.is_empty());
    }
    assert!(builtin_form_text("nosuch").is_none());
}

/// The old hard-coded 报名表: every input, with its label, in the order of the form.
#[test]
fn the_registration_form_keeps_its_fields_and_labels() {
    let contest = seed();
    let form = builtin("registration");
    assert_eq!(
        groups(&form, &contest),
        pairs(&[
            ("fill-date", "填表日期"),
            ("track", "赛项"),
            ("group", "参赛组别"),
            ("team", "参赛队别"),
            ("name", "姓名"),
            ("sex", "性别"),
            ("age", "年龄"),
            ("ethnicity", "民族"),
            ("education", "文化程度"),
            ("occupation", "现从事职业"),
            ("title", "职称"),
            ("qualification", "现有职业资格及等级"),
            ("id-number", "身份证号"),
            ("certificate", "职业资格或技能等级证书号码"),
            ("unit", "所在单位"),
            ("mobile", "选手手机号"),
            ("household", "户籍所在地"),
            ("coach", "教练姓名"),
            ("coach-mobile", "教练手机号"),
            ("resume", "个人简历"),
            ("unit-opinion", "单位意见"),
            ("unit-date", "单位意见日期"),
            ("remarks", "备注"),
        ])
    );
    assert_eq!(
        input_labels(&form),
        [
            "赛项",
            "参赛组别",
            "参赛队别",
            "姓名",
            "性别",
            "年龄",
            "民族",
            "文化程度",
            "现从事职业",
            "职称",
            "现有职业资格及等级",
            "身份证号",
            "职业资格或技能等级证书号码",
            "所在单位",
            "选手手机号",
            "户籍所在地",
            "教练姓名",
            "教练手机号",
            "个人简历",
            "单位意见",
            "备注",
        ]
    );
}

/// The fields of the 报名表: one per track and group, two for 性别, three for each date.
#[test]
fn the_registration_form_keeps_its_field_names() {
    let contest = seed();
    let form = builtin("registration");
    let names: Vec<String> = form.fields(&contest).into_iter().map(|f| f.name).collect();
    let mut expected: Vec<String> = ["fill-date-year", "fill-date-month", "fill-date-day"]
        .map(String::from)
        .to_vec();
    expected.extend(
        contest
            .tracks
            .iter()
            .map(|t| format!("track-{}", t.id.value)),
    );
    expected.extend(
        contest
            .groups
            .iter()
            .map(|g| format!("group-{}", g.id.value)),
    );
    expected.extend(
        [
            "team",
            "name",
            "sex-male",
            "sex-female",
            "age",
            "ethnicity",
            "education",
            "occupation",
            "title",
            "qualification",
            "id-number",
            "certificate",
            "unit",
            "mobile",
            "household",
            "coach",
            "coach-mobile",
            "resume",
            "unit-opinion",
            "unit-date-year",
            "unit-date-month",
            "unit-date-day",
            "remarks",
        ]
        .map(String::from),
    );
    assert_eq!(names, expected);
    let sex = form
        .fields(&contest)
        .into_iter()
        .find(|f| f.name == "sex-female")
        .unwrap();
    assert_eq!(sex.label, "性别：女");
}

/// The old hard-coded 裁判员推荐表, with its table of six rows.
#[test]
fn the_judge_form_keeps_its_fields_and_labels() {
    let contest = seed();
    let form = builtin("judge");
    assert_eq!(
        groups(&form, &contest),
        pairs(&[
            ("fill-date", "填表日期"),
            ("name", "姓名"),
            ("sex", "性别"),
            ("age", "年龄"),
            ("occupation", "职业（工种）"),
            ("qualification", "职称或职业资格"),
            ("education", "文化程度"),
            ("unit", "工作单位"),
            ("position", "职务"),
            ("id-number", "身份证号"),
            ("mobile", "手机号"),
            ("track", "赛项"),
            ("resume", "工作简历"),
            ("time", "时间"),
            ("event", "赛事名称"),
            ("role", "担任职务"),
            ("unit-opinion", "推荐单位意见"),
            ("unit-date", "推荐单位意见日期"),
        ])
    );
    let fields = form.fields(&contest);
    let history: Vec<&str> = fields
        .iter()
        .filter(|f| f.name.starts_with("history-"))
        .map(|f| f.name.as_str())
        .collect();
    // Row by row, as a reader fills the table: row 1's time, event and role, then row 2's.
    let expected: Vec<String> = (1..=6)
        .flat_map(|row| ["time", "event", "role"].map(|c| format!("history-{row}-{c}")))
        .collect();
    assert_eq!(history, expected);
    let first = fields.iter().find(|f| f.name == "history-1-time").unwrap();
    assert_eq!(
        first.label,
        "在国家级、市级、行业等比赛中执裁情况第1行：时间"
    );
}

#[test]
fn the_roster_form_has_a_table_and_a_spreadsheet() {
    let form = builtin("roster");
    assert!(form.xlsx && form.landscape);
    let table = form.table().expect("a table");
    assert_eq!((table.id.as_str(), table.rows), ("entry", 15));
    let spans: Vec<(usize, usize)> = table.columns.iter().map(|c| (c.x, c.colspan)).collect();
    assert_eq!(spans, (0..8).map(|x| (x, 1)).collect::<Vec<_>>());
}

/// The placed cells of the ordinary rows: (x, colspan, rowspan) of each.
fn places(form: &Form) -> Vec<Vec<(usize, usize, usize)>> {
    form.rows
        .iter()
        .filter_map(|row| match row {
            Row::Cells(cells) => Some(cells.iter().map(place).collect()),
            Row::Table(_) => None,
        })
        .collect()
}

fn place(cell: &Cell) -> (usize, usize, usize) {
    (cell.x, cell.colspan, cell.rowspan)
}

#[test]
fn colspans_place_cells_side_by_side() {
    let form = good(
        "name: t\ncolumns: [20mm, 1fr, 20mm, 1fr]\nrows:\n\
         - - {label: 姓名}\n  - {input: text, id: name, colspan: 3}\n\
         - - {label: 单位, colspan: 2}\n  - {input: text, id: unit, colspan: 2}\n\
         - - {label: 年龄}\n  - {input: text, id: age}\n  - {label: 民族}\n  - {input: text, id: ethnicity}\n",
    );
    assert_eq!(
        places(&form),
        [
            vec![(0, 1, 1), (1, 3, 1)],
            vec![(0, 2, 1), (2, 2, 1)],
            vec![(0, 1, 1), (1, 1, 1), (2, 1, 1), (3, 1, 1)],
        ]
    );
}

/// A cell with a rowspan covers its columns in the rows below: their cells go round it, on either side.
#[test]
fn a_rowspan_covers_the_columns_below_it() {
    let form = good(
        "name: t\ncolumns: [20mm, 1fr, 20mm, 30mm]\nrows:\n\
         - - {label: 领队, rowspan: 3}\n  - {label: 姓名}\n  - {input: text, id: name}\n  - {input: photo, rowspan: 2}\n\
         - - {label: 职务}\n  - {input: text, id: position}\n\
         - - {label: 手机号}\n  - {input: phone, id: mobile, colspan: 2}\n",
    );
    assert_eq!(
        places(&form),
        [
            vec![(0, 1, 3), (1, 1, 1), (2, 1, 1), (3, 1, 2)],
            vec![(1, 1, 1), (2, 1, 1)],
            vec![(1, 1, 1), (2, 2, 1)],
        ]
    );
    // The input's label is the label cell before it in its row.
    assert_eq!(input_labels(&form), ["姓名", "职务", "手机号"]);
    assert!(matches!(
        form.inputs().nth(1).unwrap().0.kind,
        InputKind::Photo { .. }
    ));
}

#[test]
fn a_table_spans_the_whole_width_below_the_rows() {
    let form = good(
        "name: t\ncolumns: [20mm, 1fr, 20mm]\nrows:\n\
         - - {label: 单位}\n  - {input: text, id: unit, colspan: 2}\n\
         - - input: table\n    id: member\n    rows: 3\n    columns:\n      - {input: number, label: 序号}\n      - {id: name, label: 姓名, colspan: 2}\n",
    );
    let table = form.table().expect("a table");
    let spans: Vec<(usize, usize)> = table.columns.iter().map(|c| (c.x, c.colspan)).collect();
    assert_eq!(spans, [(0, 1), (1, 2)]);
    assert!(matches!(form.rows[1], Row::Table(_)));
    assert!(matches!(
        &form.rows[0],
        Row::Cells(cells) if matches!(cells[0].content, Content::Label(_))
    ));
}

#[test]
fn placement_mistakes_are_each_reported() {
    let head = "name: t\ncolumns: [20mm, 1fr, 20mm, 1fr]\nrows:\n";
    // Too few, too many.
    assert_eq!(
        errors(&format!(
            "{head}- - {{label: 姓名}}\n  - {{input: text, id: name}}\n\
             - - {{label: 年龄}}\n  - {{input: text, id: age, colspan: 3}}\n  - {{label: 民族}}\n"
        )),
        [
            "row 1 fills 2 of the form's 4 columns",
            "row 2 has no room for this cell: the cells before it fill 4 of the form's 4 columns",
        ]
    );
    // A colspan into a column covered from above; a rowspan past the end.
    assert_eq!(
        errors(&format!(
            "{head}- - {{label: 姓名}}\n  - {{input: text, id: name, colspan: 2}}\n  - {{input: photo, rowspan: 3}}\n\
             - - {{label: 年龄}}\n  - {{input: text, id: age, colspan: 3}}\n"
        )),
        [
            "this cell does not fit in row 2: it would reach column 4, which the `rowspan` on line 6 covers",
            "this cell's `rowspan: 3` runs 1 row past the last row of the form",
        ]
    );
    // Two cells spanning into a table: both reported.
    assert_eq!(
        errors(&format!(
            "{head}- - {{label: 领队, rowspan: 2}}\n  - {{label: 姓名}}\n  - {{input: text, id: name}}\n  - {{input: photo, rowspan: 3}}\n\
             - - input: table\n    id: member\n    rows: 3\n    columns: [{{id: name, label: 姓名, colspan: 3}}]\n"
        )),
        [
            "this cell's `rowspan: 2` runs 1 row down into the table below it",
            "this cell's `rowspan: 3` runs 2 rows down into the table below it",
            "the table's columns span 3 of the form's 4 columns",
        ]
    );
}

/// A table with a mistake of its own is still a table: `xlsx: true` is not reported as well.
#[test]
fn a_broken_table_still_counts_as_a_table() {
    assert_eq!(
        errors(
            "name: t\nxlsx: true\noverflow: continue\ncolumns: [20mm, 1fr]\nrows:\n\
             - - input: table\n    id: member\n    columns: [{id: name, label: 姓名, colspan: 2}]\n"
        ),
        ["this table has no `rows`"]
    );
}

/// Without groups the built-in forms drop their group choices, each change applying, and still read
/// cleanly; with groups they are exactly as written.
#[test]
fn builtin_forms_without_groups() {
    use super::read::{builtin_form_for, read_forms};
    let with = seed();
    for id in BUILTIN_FORMS {
        assert_eq!(builtin_form_for(id, &with), builtin_form_text(id));
    }
    let mut without = seed();
    without.groups.clear();
    for track in &mut without.tracks {
        track.groups = None;
    }
    without.rules.group_restrictions.clear();
    for id in ["registration", "roster"] {
        let text = builtin_form_for(id, &without).expect("a built-in form");
        assert_ne!(
            Some(&text),
            builtin_form_text(id).as_ref(),
            "`{id}` changed"
        );
        let declared = text.lines().filter(|l| !l.starts_with('#'));
        assert!(
            declared
                .clone()
                .all(|l| !l.contains("groups") && !l.contains("组别")),
            "{text}"
        );
    }
    let file = SourceFile::new(Path::new("content/contest.yaml"), "");
    let (forms, problems) = read_forms(None, &without, &file);
    assert!(problems.is_empty(), "{problems}");
    for form in &forms {
        assert!(
            form.fields(&without)
                .iter()
                .all(|f| !f.name.starts_with("group-") && !f.name.ends_with("-group")),
            "`{}` has group fields",
            form.id
        );
    }
}
