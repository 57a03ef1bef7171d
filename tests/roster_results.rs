//! `check` compares the score sheet with the roster `jingsai roster` wrote into the contest folder
//! (`roster/roster.xlsx`): a row naming someone who is not registered, who is registered under another
//! unit, or for another track, is a warning at its row; registered names (spaces aside) are not. A
//! roster that cannot be read is a warning, and the check still passes.

mod support;

use jingsai::roster::id_number::check_char;
use scraper::{Html, Selector};

/// An 18-character ID number for a birth date `yyyymmdd` and order `n`, with its check digit.
fn id_number(birth: &str, order: u32) -> String {
    let first = format!("120101{birth}{order:03}");
    format!("{first}{}", check_char(&first).unwrap())
}

/// The seed with the built-in roster form as 附件3, four people of two units sent back on it as a
/// CSV, and `jingsai roster` run with its default output folder (`roster/` in the contest folder).
fn registered() -> support::ContestCopy {
    let copy = support::contest_copy();
    copy.append(
        "content/contest.yaml",
        "  - number: 3\n    title: 报名汇总表\n    form: roster\n",
    );
    let returned = copy.beside("returned");
    std::fs::create_dir_all(&returned).unwrap();
    let rows = [
        (
            "天津市第一职业技术学院",
            "王伟",
            "男",
            "19850301",
            11,
            "人工智能训练师",
            "职工组",
        ),
        (
            "天津市第一职业技术学院",
            "李芳",
            "女",
            "19860402",
            22,
            "人工智能训练师",
            "职工组",
        ),
        (
            "天津市第二职业技术学院",
            "张敏",
            "女",
            "20040503",
            42,
            "生成式人工智能系统应用员",
            "学生组",
        ),
        (
            "天津市第二职业技术学院",
            "刘洋",
            "男",
            "20040604",
            51,
            "服务机器人应用技术员",
            "学生组",
        ),
    ];
    let mut csv = String::from("单位名称,姓名,性别,身份证号,赛项,组别,手机号,填表日期\n");
    for (n, (unit, name, sex, birth, order, track, group)) in rows.iter().enumerate() {
        csv.push_str(&format!(
            "{unit},{name},{sex},{},{track},{group},1390000000{n},2025-10-20\n",
            id_number(birth, *order)
        ));
    }
    std::fs::write(returned.join("units.csv"), csv).unwrap();
    let run = support::jingsai("roster")
        .arg(copy.path())
        .arg("--from")
        .arg(&returned)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    assert!(copy.file("roster/roster.xlsx").is_file(), "{stderr}");
    copy.append(
        "content/contest.yaml",
        "results:\n  published: 2025-12-05\n",
    );
    copy
}

/// The score sheet: three registered people (one name typed with a space), then a registered person
/// in another track, someone not registered, and a registered name under another unit.
const RESULTS: &str = "姓名,参赛单位,赛项,组别,理论考试成绩,实操比赛成绩
王 伟,天津市第一职业技术学院,人工智能训练师,职工组,80,90
李芳,天津市第一职业技术学院,人工智能训练师,职工组,70,85
张敏,天津市第二职业技术学院,人工智能训练师,学生组,75,80
赵磊,天津市第四职业技术学院,人工智能训练师,职工组,65,75
刘洋,天津市第三职业技术学院,服务机器人应用技术员,学生组,60,70
";

/// `jingsai check` (in English unless `chinese`): it passes; its report.
fn check(copy: &support::ContestCopy, chinese: bool) -> String {
    let mut command = support::jingsai("check");
    if chinese {
        command.env_remove("JINGSAI_LANG");
    }
    let run = command.arg(copy.path()).output().unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr).to_string();
    assert!(
        run.status.success(),
        "warnings must not fail the check: {stderr}"
    );
    stderr
}

/// The line of `report` that holds `words`, which must also hold `place`.
fn line_with<'a>(report: &'a str, words: &str, place: &str) -> &'a str {
    let line = report
        .lines()
        .find(|l| l.contains(words))
        .unwrap_or_else(|| panic!("no warning {words}: {report}"));
    assert!(line.contains(place), "{place} not in {line}");
    line
}

#[test]
fn check_warns_of_score_sheet_rows_the_roster_does_not_list() {
    let copy = registered();
    copy.write("content/results.csv", RESULTS);
    let report = check(&copy, false);
    let expected = [
        (
            "row 4,",
            "张敏 (天津市第二职业技术学院) entered 生成式人工智能系统应用员, but the score sheet says 人工智能训练师",
        ),
        (
            "row 5,",
            "赵磊 (天津市第四职业技术学院) is not in the roster `roster/roster.xlsx`",
        ),
        (
            "row 6,",
            "刘洋 (天津市第三职业技术学院) is not in the roster `roster/roster.xlsx`: the roster lists 刘洋 under 天津市第二职业技术学院",
        ),
    ];
    for (place, words) in expected {
        line_with(&report, words, place);
    }
    let warned = report
        .lines()
        .filter(|l| l.contains("is not in the roster") || l.contains("but the score sheet says"))
        .count();
    assert_eq!(warned, expected.len(), "none for the registered: {report}");
    // The roster's ID numbers never reach the terminal.
    assert!(!report.contains("120101"), "{report}");

    let chinese = check(&copy, true);
    line_with(
        &chinese,
        "赵磊（天津市第四职业技术学院）不在报名名单 `roster/roster.xlsx` 中",
        "第 5 行",
    );
}

#[test]
fn an_unreadable_roster_is_a_warning_and_the_check_passes() {
    let copy = registered();
    copy.write("content/results.csv", RESULTS);
    std::fs::write(copy.file("roster/roster.xlsx"), b"not a workbook").unwrap();
    let stderr = check(&copy, false);
    assert!(
        stderr.contains("the roster `roster/roster.xlsx` could not be read, so the score sheet was not compared with it"),
        "{stderr}"
    );
    assert!(!stderr.contains("is not in the roster"), "{stderr}");
}

#[test]
fn without_a_roster_nothing_is_compared() {
    let copy = support::contest_copy();
    copy.append(
        "content/contest.yaml",
        "results:\n  published: 2025-12-05\n",
    );
    copy.write("content/results.csv", RESULTS);
    let stderr = check(&copy, false);
    assert!(!stderr.contains("roster"), "{stderr}");
}

/// The text of every row of the table on `page`, cell by cell.
fn table_rows(page: &str) -> Vec<Vec<String>> {
    let html = Html::parse_document(page);
    let rows = Selector::parse("table tr").unwrap();
    let cells = Selector::parse("th, td").unwrap();
    html.select(&rows)
        .map(|row| {
            row.select(&cells)
                .map(|c| c.text().collect::<String>())
                .collect()
        })
        .collect()
}

fn build(copy: &support::ContestCopy) -> String {
    let run = support::jingsai("build").arg(copy.path()).output().unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr).to_string();
    assert!(run.status.success(), "{stderr}");
    stderr
}

#[test]
fn the_page_of_entries_counts_the_roster_without_a_name() {
    let copy = registered();
    copy.replace(
        "content/contest.yaml",
        "registration:\n  deadline:",
        "registration:\n  publish_counts: true\n  deadline:",
    );
    build(&copy);
    let page = copy.read("output/entries.html");
    let want: Vec<Vec<&str>> = vec![
        vec!["赛项", "组别", "报名人数", "单位数"],
        vec!["人工智能训练师", "职工组", "2", "1"],
        vec!["人工智能训练师", "学生组", "0", "0"],
        vec!["服务机器人应用技术员", "职工组", "0", "0"],
        vec!["服务机器人应用技术员", "学生组", "1", "1"],
        vec!["生成式人工智能系统应用员", "职工组", "0", "0"],
        vec!["生成式人工智能系统应用员", "学生组", "1", "1"],
        vec!["合计", "4", "2"],
    ];
    assert_eq!(table_rows(&page), want);
    for secret in [
        "王伟",
        "李芳",
        "张敏",
        "刘洋",
        "职业技术学院",
        "120101",
        "1390000000",
    ] {
        assert!(!page.contains(secret), "{secret} on the page of entries");
    }
    let registration = copy.read("output/registration.html");
    assert!(
        registration.contains("报名情况：已有2个单位报名4人，<a href=\"entries.html\">"),
        "{registration}"
    );
}

#[test]
fn the_page_of_entries_waits_for_a_roster() {
    let copy = support::contest_copy();
    copy.replace(
        "content/contest.yaml",
        "registration:\n  deadline:",
        "registration:\n  publish_counts: true\n  deadline:",
    );
    let report = build(&copy);
    line_with(
        &report,
        "`registration.publish_counts` asks for the page of entries, but the contest folder has no roster `roster/roster.xlsx` yet",
        "",
    );
    assert!(
        report.contains("publish_counts: true"),
        "the warning points at the key: {report}"
    );
    assert!(!copy.file("output/entries.html").exists());
    assert!(
        !copy
            .read("output/registration.html")
            .contains("entries.html")
    );
}
