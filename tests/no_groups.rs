//! A contest without groups (`tests/fixtures/no-groups/`: no `groups:` section, one track, results
//! without a 组别 column) checks, builds and publishes with no 组别 anywhere: no heading, no column, no
//! group fields in the forms; and what names a group when there are none is a located error.

mod support;

use std::path::Path;
use support::built::{build, check, text};

const FIXTURE: &str = "no-groups";

/// Every file under `dir` with its path relative to it.
fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

#[test]
fn a_contest_without_groups_checks_without_a_warning() {
    let copy = support::fixture_copy(FIXTURE);
    let output = check(&copy);
    let report = text(&output);
    assert!(output.status.success(), "{report}");
    assert!(!report.contains("warning"), "{report}");
    assert!(report.contains("1 track, no groups,"), "{report}");
}

#[test]
fn a_contest_without_groups_publishes_with_no_group_anywhere() {
    let copy = support::fixture_copy(FIXTURE);
    let out = build(&copy);
    let mut all = Vec::new();
    files(&out, &mut all);
    let pages: Vec<_> = all
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    assert!(pages.len() > 10, "{pages:?}");
    for page in pages {
        let html = std::fs::read_to_string(page).expect("a page");
        for word in ["组别", "不分组", "参赛组别"] {
            assert!(!html.contains(word), "{} has {word}", page.display());
        }
    }
    // One results table per track, its page named after the track alone, no 组别 column.
    let results = std::fs::read_to_string(out.join("results/robot-maintenance.html"))
        .expect("the track's results page");
    assert!(results.contains("褚三、卫四"), "{results}");
    assert!(results.contains("本赛项共7人参赛"), "{results}");
    let csv = std::fs::read_to_string(out.join("results/results.csv")).expect("results.csv");
    let header = csv.lines().next().expect("a header");
    assert!(
        header.contains("赛项") && !header.contains("组别"),
        "{header}"
    );
    assert_eq!(csv.lines().count(), 8, "{csv}");
    let index = std::fs::read_to_string(out.join("results/index.html")).expect("results index");
    assert!(
        index.contains("名次在每个赛项内按总成绩由高到低排定"),
        "{index}"
    );
    // The forms: no group check boxes, no group column.
    let registration =
        support::clients::pdf_field_names(&out.join("downloads/registration-form.pdf"));
    assert!(
        registration.contains(&"team".to_string()),
        "{registration:?}"
    );
    assert!(
        registration.iter().all(|f| !f.starts_with("group")),
        "{registration:?}"
    );
    let roster = support::clients::pdf_field_names(&out.join("downloads/roster-form.pdf"));
    assert!(roster.contains(&"entry-1-track".to_string()), "{roster:?}");
    assert!(roster.iter().all(|f| !f.contains("group")), "{roster:?}");
}

#[test]
fn naming_a_group_when_there_are_none_is_a_located_error() {
    let copy = support::fixture_copy(FIXTURE);
    copy.replace(
        "content/contest.yaml",
        "  - id: robot-maintenance\n",
        "  - id: robot-maintenance\n    groups: [staff]\n",
    );
    copy.replace(
        "content/contest.yaml",
        "  coaches_per_contestant: 1\n",
        "  coaches_per_contestant: 1\n  group_restrictions:\n    - group: student\n      rule: 学生不得参赛。\n",
    );
    let output = check(&copy);
    let report = text(&output);
    assert!(!output.status.success(), "{report}");
    assert!(
        report.contains(
            "track `robot-maintenance` refers to the group `staff`, but there are no groups"
        ),
        "{report}"
    );
    assert!(
        report.contains("the rule refers to the group `student`, but there are no groups"),
        "{report}"
    );
    assert!(report.contains("contest.yaml:"), "{report}");
}

#[test]
fn a_group_in_the_results_of_a_contest_without_groups_is_an_error() {
    let copy = support::fixture_copy(FIXTURE);
    copy.write(
        "content/results.csv",
        "队员,参赛单位,赛项,组别,实操成绩,实操用时\n张三、李四,苏州某汽车零部件公司,工业机器人系统运维员,职工组,88.5,3:10:00\n王五、赵六,苏州某电子公司,工业机器人系统运维员,,91,3:20:00\n",
    );
    let output = check(&copy);
    let report = text(&output);
    assert!(!output.status.success(), "{report}");
    assert!(
        report.contains("`职工组` is a group, but the contest has no groups"),
        "{report}"
    );
    assert!(report.contains("row 2"), "{report}");
    assert!(!report.contains("row 3"), "{report}");
}
