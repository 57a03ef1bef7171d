//! Results: from a score sheet to published, checked results pages.
//!
//! Hand-made sheets check the ranking and award rules (ties, the 20-finalist rule, honour holders,
//! absent and disqualified contestants, 30/70 weights, a practical-only team contest); property tests
//! check the invariants; the realistic fixture `tests/fixtures/results/seed/` (the seed contest with a
//! made-up score sheet, see `generate.py` there) is built by the real binary from a GBK CSV and from an
//! .xlsx workbook, which must give identical pages, and must never publish ID or phone numbers. Every
//! class of error is reported with its place, all in one run, and nothing is written then.
//!
//! `cargo test --release --test results -- --ignored bench_10k --nocapture` is the 10,000-contestant
//! benchmark (see `bench/results.sh`).

mod support;

use assert_cmd::assert::OutputAssertExt;
use jingsai::Problems;
use jingsai::model::values::Day;
use jingsai::results::layout::Layout;
use jingsai::results::validate::Status;
use jingsai::results::{self, ResultTable, Results};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const FIXTURE: &str = "tests/fixtures/results/seed";

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The award rule of the seed fixture: 10%, 20%, 30%; equal totals by practical, then time.
const TIERS: &str = "\
results:
  published: 2025-12-05
  round: 决赛
  tie_break: [practical, time]
  tiers:
    - { name: 一等奖, share: 10 }
    - { name: 二等奖, share: 20 }
    - { name: 三等奖, share: 30 }
";

/// A copy of the contest folder `base` in a temporary directory, with `results` appended to its
/// `contest.yaml` and the results file `name` with `bytes`.
struct Case {
    _copy: support::ContestCopy,
    dir: PathBuf,
}

impl Case {
    fn new(base: &str, results_section: &str, name: &str, bytes: &[u8]) -> Case {
        let copy = support::copy_contest(&manifest_dir().join(base));
        if !results_section.is_empty() {
            assert!(
                !copy.read("content/contest.yaml").contains("\nresults:"),
                "{base} already has a results section"
            );
            copy.append("content/contest.yaml", &format!("\n{results_section}"));
        }
        if !name.is_empty() {
            copy.write(&format!("content/{name}"), bytes);
        }
        let dir = copy.path().to_path_buf();
        Case { _copy: copy, dir }
    }

    /// The seed contest (`content/` of this repository) with a results section and a CSV.
    fn seed(results_section: &str, csv: &str) -> Case {
        Case::new(".", results_section, "results.csv", csv.as_bytes())
    }

    /// A copy of the realistic fixture, with its results file replaced by `name` and `bytes`.
    fn fixture(name: &str, bytes: &[u8]) -> Case {
        let case = Case::new(FIXTURE, "", name, bytes);
        if name != "results.csv" {
            std::fs::remove_file(case.dir.join("content/results.csv")).ok();
        }
        case
    }

    /// The seed contest with only a publication date under `results:`, and the results file `name`.
    fn plain(name: &str, bytes: &[u8]) -> Case {
        Case::new(".", "results:\n  published: 2025-12-05\n", name, bytes)
    }

    fn results(&self) -> Results {
        match jingsai::check(&self.dir) {
            Ok(project) => project.results.expect("the case has a results file"),
            Err(problems) => panic!("the check failed:\n{}", dump(&problems)),
        }
    }

    fn problems(&self) -> Problems {
        match jingsai::check(&self.dir) {
            Ok(_) => panic!("the check passed"),
            Err(problems) => problems,
        }
    }

    fn build(&self, output: &Path) -> assert_cmd::assert::Assert {
        support::jingsai("build")
            .arg(&self.dir)
            .arg("--output")
            .arg(output)
            .assert()
    }
}

fn dump(problems: &Problems) -> String {
    problems
        .0
        .iter()
        .map(|p| format!("  {p}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A CSV with the usual header and the given rows.
fn sheet(rows: &[String]) -> String {
    let mut csv = String::from("姓名,参赛单位,赛项,组别,理论成绩,实操成绩,实操用时,状态,荣誉\n");
    for row in rows {
        csv.push_str(row);
        csv.push('\n');
    }
    csv
}

/// `n` ordinary rows in 人工智能训练师 职工组, two per unit, with falling scores.
fn contestants(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            format!(
                "选手{i:02},单位{:02},人工智能训练师,职工组,{},{},2:30:00,,",
                i / 2,
                90 - i,
                95 - i
            )
        })
        .collect()
}

fn table<'a>(results: &'a Results, slug: &str) -> &'a ResultTable {
    results
        .tables
        .iter()
        .find(|t| t.slug == slug)
        .unwrap_or_else(|| panic!("no table {slug}"))
}

/// (rank, name, total, award, note) of every entry.
fn lines(table: &ResultTable) -> Vec<(Option<u32>, String, String, String, String)> {
    table
        .entries
        .iter()
        .map(|e| {
            (
                e.rank,
                e.name.clone(),
                e.total.clone(),
                e.award.clone(),
                e.note.clone(),
            )
        })
        .collect()
}

// --- ranking -------------------------------------------------------------------------------------

#[test]
fn equal_totals_share_a_rank_and_the_next_rank_is_skipped() {
    // No tie-break configured: equal totals share the rank (1, 2, 2, 4).
    let case = Case::seed(
        "results:\n  published: 2025-12-05\n",
        &sheet(&[
            "甲,单位1,人工智能训练师,职工组,80,90,,,".into(), // 88.00
            "乙,单位1,人工智能训练师,职工组,90,87.5,,,".into(), // 88.00
            "丙,单位2,人工智能训练师,职工组,100,95,,,".into(), // 96.00
            "丁,单位2,人工智能训练师,职工组,60,70,,,".into(), // 68.00
        ]),
    );
    let results = case.results();
    let t = table(&results, "ai-trainer-staff");
    let got: Vec<_> = lines(t)
        .into_iter()
        .map(|(rank, name, total, _, _)| (rank, name, total))
        .collect();
    assert_eq!(
        got,
        [
            (Some(1), "丙".into(), "96.00".into()),
            (Some(2), "甲".into(), "88.00".into()),
            (Some(2), "乙".into(), "88.00".into()),
            (Some(4), "丁".into(), "68.00".into()),
        ]
    );
    assert!(!results.has_awards, "no tiers configured, no award column");
}

#[test]
fn tie_break_by_practical_then_time_and_what_is_still_equal_shares() {
    let case = Case::seed(
        TIERS,
        &sheet(&[
            "甲,单位1,人工智能训练师,职工组,90,95,2:40:00,,".into(), // 94.00, practical 95
            "乙,单位1,人工智能训练师,职工组,85,96.25,2:50:00,,".into(), // 94.00, practical 96.25, slower
            "丙,单位2,人工智能训练师,职工组,85,96.25,2:30:00,,".into(), // 94.00, practical 96.25, faster
            "丁,单位2,人工智能训练师,职工组,90,95,2:40:00,,".into(),    // equal to 甲 in every key
            "戊,单位3,人工智能训练师,职工组,95,93.75,1:00:00,,".into(), // 94.00, practical 93.75
        ]),
    );
    let results = case.results();
    let got: Vec<_> = lines(table(&results, "ai-trainer-staff"))
        .into_iter()
        .map(|(rank, name, ..)| (rank.unwrap(), name))
        .collect();
    assert_eq!(
        got,
        [
            (1, "丙".to_string()),
            (2, "乙".to_string()),
            (3, "甲".to_string()),
            (3, "丁".to_string()),
            (5, "戊".to_string()),
        ]
    );
    assert!(results.rules.iter().any(|r| r.contains(
        "总成绩相同时，依次比较实操比赛成绩（高者在前）、实操用时（少者在前）；仍相同的名次并列"
    )));
}

#[test]
fn totals_are_decimal_and_rounded_half_up_once_stated() {
    // 0.2 × 85.555 (kept as 85.56) + 0.8 × 90.125 (kept as 90.13) = 17.112 + 72.104 = 89.216 → 89.22
    // 0.2 × 70.1 + 0.8 × 80.1 = 14.02 + 64.08 = 78.10 (binary floating point gives 78.09999…)
    let case = Case::seed(
        "results:\n  published: 2025-12-05\n",
        &sheet(&[
            "甲,单位1,人工智能训练师,职工组,85.555,90.125,,,".into(),
            "乙,单位1,人工智能训练师,职工组,70.1,80.1,,,".into(),
            "丙,单位2,人工智能训练师,职工组,０９０,１００,,,".into(),
        ]),
    );
    let results = case.results();
    let t = table(&results, "ai-trainer-staff");
    let by_name: BTreeMap<_, _> = t
        .entries
        .iter()
        .map(|e| (e.name.as_str(), (e.scores.clone(), e.total.clone())))
        .collect();
    assert_eq!(
        by_name["甲"],
        (vec!["85.56".into(), "90.13".into()], "89.22".into())
    );
    assert_eq!(
        by_name["乙"],
        (vec!["70.10".into(), "80.10".into()], "78.10".into())
    );
    assert_eq!(
        by_name["丙"],
        (vec!["90.00".into(), "100.00".into()], "98.00".into())
    );
    assert!(results.rules.iter().any(|r| r
        == "各部分成绩和总成绩均保留2位小数，第3位四舍五入；总成绩按保留2位小数后的各部分成绩计算。"));
}

#[test]
fn weights_30_70_from_the_contest() {
    let case = Case::new(
        "tests/fixtures/weights-30-70",
        "results:\n  published: 2026-07-01\n",
        "results.csv",
        sheet(&[
            // 0.3 × 85.5 + 0.7 × 90.25 = 25.65 + 63.175 = 88.825 → 88.83 (half up, not half even)
            "甲,单位1,网络与信息安全管理员,职工组,85.5,90.25,,,".into(),
            // 0.3 × 100 + 0.7 × 60 = 72.00; with 20/80 it would be 68.00
            "乙,单位1,网络与信息安全管理员,职工组,100,60,,,".into(),
        ])
        .as_bytes(),
    );
    let results = case.results();
    let weights: Vec<u32> = results.parts.iter().map(|p| p.weight).collect();
    assert_eq!(weights, [30, 70]);
    let t = table(&results, "network-security-staff");
    assert_eq!(
        lines(t)
            .into_iter()
            .map(|(r, n, total, ..)| (r.unwrap(), n, total))
            .collect::<Vec<_>>(),
        [
            (1, "甲".to_string(), "88.83".to_string()),
            (2, "乙".to_string(), "72.00".to_string())
        ]
    );
    assert!(results.rules[0].contains("理论考试成绩×30%＋实操比赛成绩×70%"));
}

#[test]
fn practical_only_team_contest() {
    // One part of 100%: the total is the practical score. A team event: a row is a team, the quota
    // (3 per unit per track) counts teams; equal scores are ordered by time.
    let csv = "\
队员,参赛单位,赛项,组别,实操成绩,实操用时
张三、李四,天津某汽车零部件公司,工业机器人系统运维员,职工组,88.5,3:10:00
王五、赵六,天津某电子公司,工业机器人系统运维员,职工组,91,3:20:00
孙七、周八,天津某电子公司,工业机器人系统运维员,职工组,88.5,3:05:00
";
    let case = Case::new(
        "tests/fixtures/practical-only",
        "results:\n  published: 2026-06-01\n  tie_break: [time]\n  columns:\n    name: 队员\n",
        "results.csv",
        csv.as_bytes(),
    );
    let results = case.results();
    assert_eq!(results.parts.len(), 1);
    assert!(results.rules[0].starts_with("总成绩即实操比赛成绩"));
    let t = table(&results, "robot-maintenance-staff");
    // 3 finalists, below the contest's minimum of 6, and its rules say 参赛队不足6支的，不评定名次
    // (`ranks_below_minimum: false`): listed by total (then time), with no rank and no award.
    assert_eq!(
        lines(t)
            .into_iter()
            .map(|(r, n, total, ..)| (r, n, total))
            .collect::<Vec<_>>(),
        [
            (None, "王五、赵六".to_string(), "91.00".to_string()),
            (None, "孙七、周八".to_string(), "88.50".to_string()),
            (None, "张三、李四".to_string(), "88.50".to_string()),
        ]
    );
    assert!(!t.awards_given);
    let note = t.below_minimum.as_deref().unwrap();
    assert!(
        note.contains("不足6人，不评定名次和奖项。参赛队不足6支的"),
        "{note}"
    );

    // A fourth team of the same unit in the same track is over the quota.
    let over = format!(
        "{csv}吴九、郑十,天津某电子公司,工业机器人系统运维员,职工组,70,3:00:00\n\
         冯一、陈二,天津某电子公司,工业机器人系统运维员,职工组,71,3:00:00\n"
    );
    let case = Case::new(
        "tests/fixtures/practical-only",
        "results:\n  published: 2026-06-01\n  columns:\n    name: 队员\n",
        "results.csv",
        over.as_bytes(),
    );
    let problems = case.problems();
    assert_eq!(problems.errors().count(), 1, "{}", dump(&problems));
    assert_eq!(
        problems.0[0].to_string(),
        "content/results.csv: row 6, column B (参赛单位): 天津某电子公司 has 4 teams in 工业机器人系统运维员 (rows 3, 4, 5, 6); the quota is 3 per unit (rules.quota)"
    );
}

// --- awards --------------------------------------------------------------------------------------

#[test]
fn nineteen_finalists_get_no_awards_and_twenty_do() {
    let nineteen = Case::seed(TIERS, &sheet(&contestants(19))).results();
    let t = table(&nineteen, "ai-trainer-staff");
    assert_eq!(t.finalists, 19);
    assert!(!t.awards_given);
    assert!(t.entries.iter().all(|e| e.award.is_empty()));
    let note = t
        .below_minimum
        .as_deref()
        .expect("a note below the minimum");
    assert!(note.contains("本组别参加决赛并取得成绩的选手共19人，不足20人"));
    assert!(note.contains("选手成绩只作为参加国家级竞赛选拔的依据"));

    let twenty = Case::seed(TIERS, &sheet(&contestants(20))).results();
    let t = table(&twenty, "ai-trainer-staff");
    assert_eq!(t.finalists, 20);
    assert!(t.awards_given);
    assert!(t.below_minimum.is_none());
    let awards: Vec<&str> = t.entries.iter().map(|e| e.award.as_str()).collect();
    // 10% of 20 = 2, 20% = 4, 30% = 6.
    let expected: Vec<&str> = std::iter::repeat_n("一等奖", 2)
        .chain(std::iter::repeat_n("二等奖", 4))
        .chain(std::iter::repeat_n("三等奖", 6))
        .chain(std::iter::repeat_n("", 8))
        .collect();
    assert_eq!(awards, expected);

    // Twenty entered, one absent: 19 finalists, no awards.
    let mut rows = contestants(19);
    rows.push("缺考者,单位20,人工智能训练师,职工组,,,,缺考,".into());
    let t = Case::seed(TIERS, &sheet(&rows)).results();
    let t = table(&t, "ai-trainer-staff");
    assert_eq!((t.entered, t.finalists, t.awards_given), (20, 19, false));
}

#[test]
fn honour_holders_are_ranked_without_an_award() {
    let mut rows = contestants(20);
    rows[0] = "荣誉者,单位00,人工智能训练师,职工组,99,99,2:30:00,,海河工匠".into();
    rows[5] =
        "技术能手,单位02,人工智能训练师,职工组,85,90,2:30:00,,天津市技术能手（2023年）".into();
    let results = Case::seed(TIERS, &sheet(&rows)).results();
    let t = table(&results, "ai-trainer-staff");
    let first = &t.entries[0];
    assert_eq!((first.rank, first.name.as_str()), (Some(1), "荣誉者"));
    assert_eq!(first.award, "");
    assert_eq!(first.note, "已获“海河工匠”荣誉，不享受竞赛奖励");
    // The honour holder keeps the place: one 一等奖 is left for rank 2.
    assert_eq!(t.entries[1].award, "一等奖");
    assert_eq!(t.entries[2].award, "二等奖");
    let holder = t.entries.iter().find(|e| e.name == "技术能手").unwrap();
    assert_eq!(holder.rank, Some(6));
    assert_eq!(holder.award, "");
    assert_eq!(holder.note, "已获“天津市技术能手”荣誉，不享受竞赛奖励");
    assert_eq!(t.tiers[0].given, 1);
}

#[test]
fn absent_and_disqualified_are_listed_after_the_ranked() {
    let case = Case::seed(
        TIERS,
        &sheet(&[
            "缺考甲,单位1,人工智能训练师,职工组,,,,缺考,".into(),
            "甲,单位1,人工智能训练师,职工组,60,60,2:00:00,,".into(),
            "违纪乙,单位2,人工智能训练师,职工组,99,99,2:00:00,取消资格,".into(),
            "乙,单位2,人工智能训练师,职工组,70,70,2:00:00,,".into(),
            // 缺考 written in a score cell, as staff often do, with no status column value.
            "缺考丙,单位3,人工智能训练师,职工组,缺考,缺考,,,".into(),
        ]),
    );
    let results = case.results();
    let t = table(&results, "ai-trainer-staff");
    let got: Vec<_> = t
        .entries
        .iter()
        .map(|e| {
            (
                e.rank,
                e.name.as_str(),
                e.status,
                e.total.as_str(),
                e.note.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (Some(1), "乙", Status::Ranked, "70.00", ""),
            (Some(2), "甲", Status::Ranked, "60.00", ""),
            (None, "缺考甲", Status::Absent, "", "缺考"),
            (None, "缺考丙", Status::Absent, "", "缺考"),
            (None, "违纪乙", Status::Disqualified, "", "取消资格"),
        ]
    );
    // A disqualified contestant's scores are not published.
    assert!(t.entries[4].scores.iter().all(String::is_empty));
    assert_eq!((t.entered, t.finalists), (5, 2));
}

#[test]
fn tied_contestants_are_never_split_across_tiers() {
    // Fixed counts: 1 first prize, 2 second. Ranks 1, 2, 2, 2: the three at rank 2 do not fit in the
    // two second prizes, so they get none rather than exceed the tier.
    let section = "results:\n  published: 2025-12-05\n  tiers:\n    - { name: 一等奖, count: 1 }\n    - { name: 二等奖, count: 2 }\n";
    let mut rows = contestants(20);
    for (i, row) in rows.iter_mut().enumerate().take(4).skip(1) {
        *row = format!("并列{i},单位{i:02},人工智能训练师,职工组,92,92,2:30:00,,");
    }
    rows.truncate(4);
    let mut more = contestants(24);
    more.drain(..4);
    for row in more.iter_mut() {
        *row = row.replace("单位", "他单位");
    }
    rows.extend(more);
    let results = Case::seed(section, &sheet(&rows)).results();
    let t = table(&results, "ai-trainer-staff");
    let got: Vec<_> = t
        .entries
        .iter()
        .take(5)
        .map(|e| (e.rank.unwrap(), e.award.as_str()))
        .collect();
    assert_eq!(got, [(1, "一等奖"), (2, ""), (2, ""), (2, ""), (5, "")]);
    for tier in &t.tiers {
        assert!(tier.given <= tier.size);
    }
}

#[test]
fn names_are_masked_when_the_contest_says_so() {
    let case = Case::seed(
        "results:\n  published: 2025-12-05\n  mask_names: true\n",
        &sheet(&[
            "张三丰,单位1,人工智能训练师,职工组,80,90,,,".into(),
            "欧阳娜娜,单位1,人工智能训练师,职工组,80,91,,,".into(),
            "李四,单位2,人工智能训练师,学生组,80,91,,,".into(),
        ]),
    );
    let results = case.results();
    let names: Vec<&str> = results
        .tables
        .iter()
        .flat_map(|t| t.entries.iter().map(|e| e.name.as_str()))
        .collect();
    assert_eq!(names, ["欧**娜", "张*丰", "李*"]);
    assert!(results.rules.iter().any(|r| r.contains("姓名部分隐去")));
    let out = tempfile::tempdir().unwrap();
    case.build(out.path()).success();
    for text in output_texts(out.path()).values() {
        for full in ["张三丰", "欧阳娜娜", "李四"] {
            assert!(!text.contains(full), "{full} is published");
        }
    }
}

#[test]
fn headers_are_configurable_and_a_title_row_may_come_first() {
    let csv = "\
2025年成绩汇总表,,,,,
选手姓名,推荐单位,赛项名称,参赛组别,理论考试成绩,技能实操
张三,单位1,ai-trainer,staff,80,90
李四,单位1,人工智能训练师赛项,职工（含教师）组,81,90
";
    let case = Case::seed(
        "results:\n  published: 2025-12-05\n  columns:\n    parts:\n      practical: [技能实操]\n",
        csv,
    );
    let results = case.results();
    let t = table(&results, "ai-trainer-staff");
    assert_eq!(t.entries.len(), 2);
    assert_eq!(t.entries[0].name, "李四");
    assert_eq!(t.entries[0].total, "88.20");
}

#[test]
fn the_seed_contest_has_no_results() {
    // The real contest has no results yet: no results file, so nothing about results is published.
    let project = jingsai::check(manifest_dir()).expect("the seed checks");
    assert!(project.results.is_none());
    for name in results::FILE_NAMES {
        assert!(
            !manifest_dir().join("content").join(name).exists(),
            "content/{name} must not exist: the public site would show it"
        );
    }
}

// --- errors --------------------------------------------------------------------------------------

#[test]
fn every_kind_of_problem_is_reported_with_its_place_in_one_run() {
    let csv = sheet(&[
        "张三,单位A,人工智能训练师,职工组,80,90,2:30:00,,".into(), // row 2: fine
        "李四,单位B,无人机驾驶员,职工组,80,90,,,".into(),          // row 3: unknown track
        "王五,单位B,人工智能训练师,教工组,80,90,,,".into(),        // row 4: unknown group
        "赵六,单位C,人工智能训练师,学生组,abc,90,,,".into(),       // row 5: not a number
        "钱七,单位D,人工智能训练师,学生组,80,120,,,".into(),       // row 6: outside 0..100
        "孙八,单位E,人工智能训练师,学生组,,90,,,".into(),          // row 7: missing score
        "张三,单位A,人工智能训练师,职工组,70,60,,,".into(),        // row 8: duplicate of row 2
        "周九,单位F,服务机器人应用技术员,学生组,80,90,,,".into(),  // rows 9-11: quota of 2
        "吴十,单位F,服务机器人应用技术员,学生组,80,90,,,".into(),
        "郑一,单位F,生成式人工智能系统应用员,学生组,80,90,,,".into(),
        "冯二,单位G,人工智能训练师,学生组,80,90,,迟到,".into(), // row 12: not a status
        "陈三,单位H,人工智能训练师,学生组,80,90,,,全国技术能手".into(), // row 13: barred honour
        "褚四,单位I,人工智能训练师,学生组,80,90,两小时,,".into(), // row 14: not a time
        ",单位J,人工智能训练师,学生组,80,90,,,".into(),         // row 15: missing name
    ]);
    let problems = Case::seed(TIERS, &csv).problems();
    let got: Vec<String> = problems.errors().map(|p| p.to_string()).collect();
    let expected = [
        "content/results.csv: row 3, column C (赛项): `无人机驾驶员` is not a track of this contest",
        "content/results.csv: row 4, column D (组别): `教工组` is not a group of this contest",
        "content/results.csv: row 5, column E (理论成绩): `abc` is not a number",
        "content/results.csv: row 6, column F (实操成绩): the score 120 is outside 0 to 100",
        "content/results.csv: row 7, column E (理论成绩): the score is missing",
        "content/results.csv: row 12, column H (状态): `迟到` is not a status",
        "content/results.csv: row 13, column I (荣誉): holders of 全国技术能手 may not enter as contestants (rules.barred_honours)",
        "content/results.csv: row 14, column G (实操用时): `两小时` is not a time",
        "content/results.csv: row 15, column A (姓名): the name is missing",
        "content/results.csv: row 8, column A (姓名): 张三 of 单位A is listed twice in 人工智能训练师 (first at row 2)",
        "content/results.csv: row 11, column B (参赛单位): 单位F has 3 contestants in the contest (rows 9, 10, 11); the quota is 2 per unit (rules.quota)",
    ];
    assert_eq!(got, expected, "\n{}", dump(&problems));
    assert!(
        problems.errors().all(|p| p.help.is_some()),
        "every problem says what to do"
    );
}

#[test]
fn a_track_not_run_for_a_group_and_per_track_group_quota() {
    // weights-30-70: 大数据工程技术人员 is run for 职工组 and 学生组 only; the quota is 3 per unit per
    // track and group.
    let csv = sheet(&[
        "甲,单位1,大数据工程技术人员,教师组,80,90,,,".into(),
        "乙,单位1,网络与信息安全管理员,教师组,80,90,,,".into(),
        "丙,单位1,网络与信息安全管理员,教师组,80,90,,,".into(),
        "丁,单位1,网络与信息安全管理员,教师组,80,90,,,".into(),
        "戊,单位1,网络与信息安全管理员,学生组,80,90,,,".into(),
        "己,单位1,网络与信息安全管理员,教师组,80,90,,,".into(),
    ]);
    let case = Case::new(
        "tests/fixtures/weights-30-70",
        "results:\n  published: 2026-07-01\n",
        "results.csv",
        csv.as_bytes(),
    );
    let got: Vec<String> = case.problems().errors().map(|p| p.to_string()).collect();
    assert_eq!(
        got,
        [
            "content/results.csv: row 2, column D (组别): the track 大数据工程技术人员 is not run for the group 教师组",
            "content/results.csv: row 7, column B (参赛单位): 单位1 has 4 contestants in 网络与信息安全管理员 教师组 (rows 3, 4, 5, 7); the quota is 3 per unit (rules.quota)",
        ]
    );
}

#[test]
fn xlsx_problems_name_the_sheet_and_cell() {
    let rows = [
        vec!["姓名", "参赛单位", "赛项", "组别", "理论成绩", "实操成绩"],
        vec!["张三", "单位1", "人工智能训练师", "职工组", "八十", "90"],
        vec!["李四", "单位1", "人工智能训练师", "职工组", "", "101"],
    ];
    let bytes = xlsx(&rows, "成绩 汇总");
    let case = Case::plain("results.xlsx", &bytes);
    let got: Vec<String> = case.problems().errors().map(|p| p.to_string()).collect();
    assert_eq!(
        got,
        [
            "content/results.xlsx: '成绩 汇总'!E2 (理论成绩): `八十` is not a number",
            "content/results.xlsx: '成绩 汇总'!E3 (理论成绩): the score is missing",
            "content/results.xlsx: '成绩 汇总'!F3 (实操成绩): the score 101 is outside 0 to 100",
        ]
    );
}

#[test]
fn merged_cells_in_a_workbook_count_for_every_row_they_cover() {
    use rust_xlsxwriter::{Format, Workbook};
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let header = ["赛项", "组别", "姓名", "参赛单位", "理论成绩", "实操成绩"];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    // 赛项 merged over all three rows, 组别 over the first two; the unit over the last two.
    sheet
        .merge_range(1, 0, 3, 0, "人工智能训练师", &Format::new())
        .unwrap();
    sheet
        .merge_range(1, 1, 2, 1, "职工组", &Format::new())
        .unwrap();
    sheet.write_string(3, 1, "学生组").unwrap();
    for (r, (name, theory, practical)) in [("甲", 80, 90), ("乙", 90, 80), ("丙", 70, 70)]
        .iter()
        .enumerate()
    {
        let r = r as u32 + 1;
        sheet.write_string(r, 2, *name).unwrap();
        sheet.write_number(r, 4, *theory).unwrap();
        sheet.write_number(r, 5, *practical).unwrap();
    }
    sheet.write_string(1, 3, "单位1").unwrap();
    sheet
        .merge_range(2, 3, 3, 3, "单位2", &Format::new())
        .unwrap();
    let case = Case::plain("results.xlsx", &workbook.save_to_buffer().unwrap());
    let results = case.results();
    let staff: Vec<_> = table(&results, "ai-trainer-staff")
        .entries
        .iter()
        .map(|e| (e.name.as_str(), e.unit.as_str()))
        .collect();
    assert_eq!(staff, [("甲", "单位1"), ("乙", "单位2")]);
    let student: Vec<_> = table(&results, "ai-trainer-student")
        .entries
        .iter()
        .map(|e| (e.name.as_str(), e.unit.as_str()))
        .collect();
    assert_eq!(student, [("丙", "单位2")]);
}

#[test]
fn yaml_results_are_read_and_their_problems_located_by_line() {
    let good = "\
- 姓名: 张三
  参赛单位: 单位1
  赛项: 人工智能训练师
  组别: 职工组
  理论成绩: 80
  实操成绩: 90.5
  身份证号: '120101199001011234'
";
    let case = Case::plain("results.yaml", good.as_bytes());
    let results = case.results();
    let t = table(&results, "ai-trainer-staff");
    assert_eq!(t.entries[0].total, "88.40");

    let bad = format!(
        "{good}- 姓名: 李四\n  参赛单位: 单位2\n  赛项: 人工智能训练师\n  组别: 学生组\n  理论成绩: 八十\n  实操成绩: 90\n"
    );
    let case = Case::plain("results.yaml", bad.as_bytes());
    let got: Vec<String> = case.problems().errors().map(|p| p.to_string()).collect();
    assert_eq!(
        got,
        ["content/results.yaml:12:9: entry 2 (理论成绩): `八十` is not a number"]
    );
}

#[test]
fn file_level_problems() {
    // No publication date.
    let case = Case::seed("", &sheet(&contestants(2)));
    let got: Vec<String> = case
        .problems()
        .errors()
        .map(|p| p.message.to_string())
        .collect();
    assert_eq!(
        got,
        [
            "`content/results.csv` holds results, but `results.published` (the publication date) is not set"
        ]
    );
    // A missing score column, and a tie-break on time without a time column.
    let case = Case::seed(
        "results:\n  published: 2025-12-05\n  tie_break: [time]\n",
        "姓名,参赛单位,赛项,组别,理论成绩\n张三,单位1,人工智能训练师,职工组,80\n",
    );
    let got: Vec<String> = case.problems().errors().map(|p| p.to_string()).collect();
    assert_eq!(
        got,
        ["content/results.csv: the header row (row 1) has no column for 实操成绩"]
    );
    // Two results files.
    let case = Case::seed(TIERS, &sheet(&contestants(2)));
    std::fs::write(case.dir.join("content/results.yaml"), "[]\n").unwrap();
    let got: Vec<String> = case.problems().errors().map(|p| p.to_string()).collect();
    assert_eq!(
        got,
        ["there are 2 results files: `content/results.csv`, `content/results.yaml`"]
    );
    // A bad `results:` section is reported at its line even without a results file.
    let case = Case::new(
        ".",
        "results:\n  tie_break: [practicle]\n  tiers:\n    - { name: 一等奖 }\n",
        "",
        b"",
    );
    let got: Vec<String> = case
        .problems()
        .errors()
        .map(|p| p.message.to_string())
        .collect();
    assert_eq!(
        got,
        [
            "`practicle` in `tie_break` is neither a scoring part nor `time`",
            "the award tier `一等奖` needs either `share` or `count`",
        ]
    );
    // A file that is neither UTF-8 nor GBK.
    let case = Case::new(".", TIERS, "results.csv", b"\xFF\xFE\xFF\xFF\xFF");
    assert!(case.problems().errors().count() == 1);
}

#[test]
fn nothing_is_written_from_a_file_with_errors() {
    let case = Case::fixture("results.csv", &fixture_csv());
    let out = tempfile::tempdir().unwrap();
    case.build(out.path()).success();
    let before = output_files(out.path());
    assert!(before.contains_key("results/index.html"));

    let bad = String::from_utf8(fixture_csv())
        .unwrap()
        .replacen(",96,97.5,", ",96,197.5,", 1);
    std::fs::write(case.dir.join("content/results.csv"), bad).unwrap();
    let assert = case.build(out.path()).failure();
    // miette wraps long lines under a `│` rule; join them again.
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).replace("\n  │ ", " ");
    assert!(
        stderr.contains("row 3, column I (实操成绩): the score 197.5 is outside 0 to 100"),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert_eq!(
        output_files(out.path()),
        before,
        "the previous output is intact"
    );
}

// --- the realistic fixture: formats, pages, privacy ------------------------------------------------

fn fixture_csv() -> Vec<u8> {
    std::fs::read(manifest_dir().join(FIXTURE).join("content/results.csv")).unwrap()
}

/// The fixture's rows as cells.
fn fixture_rows() -> Vec<Vec<String>> {
    let text = String::from_utf8(fixture_csv()).unwrap();
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

/// An .xlsx workbook with one sheet; cells that look like numbers are written as numbers, times as
/// Excel times, like a sheet typed in Excel.
fn xlsx<S: AsRef<str>>(rows: &[Vec<S>], sheet_name: &str) -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(sheet_name).unwrap();
    let time = Format::new().set_num_format("[h]:mm:ss");
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let cell = cell.as_ref();
            let (r, c) = (r as u32, c as u16);
            let is_number = !cell.is_empty()
                && cell.len() < 10
                && cell.chars().all(|ch| ch.is_ascii_digit() || ch == '.');
            let hms: Vec<&str> = cell.split(':').collect();
            if is_number {
                sheet
                    .write_number(r, c, cell.parse::<f64>().unwrap())
                    .unwrap();
            } else if hms.len() == 3 && hms.iter().all(|p| p.parse::<u16>().is_ok()) {
                let t = ExcelDateTime::from_hms(
                    hms[0].parse().unwrap(),
                    hms[1].parse().unwrap(),
                    hms[2].parse::<u16>().unwrap(),
                )
                .unwrap();
                sheet.write_datetime_with_format(r, c, &t, &time).unwrap();
            } else if !cell.is_empty() {
                sheet.write_string(r, c, cell).unwrap();
            }
        }
    }
    workbook.save_to_buffer().unwrap()
}

/// Every output file by relative path.
fn output_files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            files.insert(rel, std::fs::read(entry.path()).unwrap());
        }
    }
    files
}

/// Every output file as text, workbooks as the text of all their cells. PDFs and zips are left out:
/// their compressed streams and cross-reference tables hold long runs of digits that would match by
/// chance, and they do not take anything from the results yet (the results PDF will; extend this then).
fn output_texts(dir: &Path) -> BTreeMap<String, String> {
    output_files(dir)
        .into_iter()
        .filter(|(path, _)| !path.ends_with(".pdf") && !path.ends_with(".zip"))
        .map(|(path, bytes)| {
            let text = if path.ends_with(".xlsx") {
                xlsx_text(&bytes)
            } else {
                String::from_utf8_lossy(&bytes).into_owned()
            };
            (path, text)
        })
        .collect()
}

fn xlsx_text(bytes: &[u8]) -> String {
    use calamine::{Reader, Xlsx};
    let mut workbook: Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let mut text = String::new();
    for name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&name).unwrap();
        for row in range.rows() {
            for cell in row {
                text.push_str(&cell.to_string());
                text.push('\t');
            }
            text.push('\n');
        }
    }
    text
}

#[test]
fn a_gbk_csv_and_an_xlsx_with_the_same_data_give_identical_pages() {
    let text = String::from_utf8(fixture_csv()).unwrap();
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&gbk).is_err(), "really GBK, not UTF-8");
    let workbook = xlsx(&fixture_rows(), "成绩");

    let mut outputs = Vec::new();
    for (name, bytes) in [
        ("results.csv", gbk.into_owned()),
        ("results.xlsx", workbook),
        ("results.csv", fixture_csv()),
    ] {
        let case = Case::fixture(name, &bytes);
        let out = tempfile::tempdir().unwrap();
        case.build(out.path()).success();
        let files = output_files(out.path());
        outputs.push((out, files));
    }
    let results_files = |files: &BTreeMap<String, Vec<u8>>| -> BTreeMap<String, Vec<u8>> {
        files
            .iter()
            .filter(|(path, _)| path.starts_with("results/") || path.ends_with(".html"))
            .map(|(p, b)| (p.clone(), b.clone()))
            .collect()
    };
    let gbk = results_files(&outputs[0].1);
    let xlsx = results_files(&outputs[1].1);
    let utf8 = results_files(&outputs[2].1);
    assert!(gbk.len() >= 9, "{:?}", gbk.keys());
    assert_eq!(
        gbk.keys().collect::<Vec<_>>(),
        xlsx.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &gbk {
        assert!(
            xlsx[path] == *bytes,
            "{path} differs between the GBK CSV and the xlsx"
        );
        assert!(
            utf8[path] == *bytes,
            "{path} differs between the GBK and the UTF-8 CSV"
        );
    }
}

/// The built page at `path` in `files`, parsed.
fn html_page(files: &BTreeMap<String, Vec<u8>>, path: &str) -> scraper::Html {
    scraper::Html::parse_document(&String::from_utf8(files[path].clone()).unwrap())
}

fn selector(css: &str) -> scraper::Selector {
    scraper::Selector::parse(css).unwrap()
}

#[test]
fn the_fixture_is_published_accessibly_and_completely() {
    let case = Case::fixture("results.csv", &fixture_csv());
    let out = tempfile::tempdir().unwrap();
    case.build(out.path()).success();
    let files = output_files(out.path());

    the_navigation_and_the_index_link_every_group(&files);
    the_staff_table_is_labelled_and_ranked(&files);
    the_student_group_has_no_awards(&files);
    the_downloads_hold_the_same_lines_as_the_pages(&files);

    // The same input gives byte-identical output.
    let again = tempfile::tempdir().unwrap();
    case.build(again.path()).success();
    assert!(output_files(again.path()) == files);
}

/// The navigation links the results once they exist; the index states the date and the formula and links
/// the six group pages, which exist.
fn the_navigation_and_the_index_link_every_group(files: &BTreeMap<String, Vec<u8>>) {
    let home = html_page(files, "index.html");
    let nav: Vec<String> = home
        .select(&selector("nav.main a"))
        .map(|a| a.text().collect())
        .collect();
    assert!(nav.contains(&"成绩公布".to_string()), "{nav:?}");

    let index = html_page(files, "results/index.html");
    let text: String = index.root_element().text().collect();
    assert!(text.contains("2025年12月5日"));
    assert!(text.contains("总成绩＝理论考试成绩×20%＋实操比赛成绩×80%"));
    let links: Vec<String> = index
        .select(&selector("table a"))
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(links.len(), 6);
    for link in &links {
        assert!(files.contains_key(&format!("results/{link}")), "{link}");
    }
}

/// The staff group's table: its caption, column and row headers with their scopes, and the rows in rank
/// order with the awards, notes and the absent and disqualified last.
fn the_staff_table_is_labelled_and_ranked(files: &BTreeMap<String, Vec<u8>>) {
    let group = html_page(files, "results/ai-trainer-staff.html");
    let table = group.select(&selector("table.results")).next().unwrap();
    let caption: String = table
        .select(&selector("caption"))
        .next()
        .unwrap()
        .text()
        .collect();
    assert_eq!(
        caption,
        "人工智能训练师赛项职工（含教师）组成绩（按名次排列，2025年12月5日公布）"
    );
    let heads: Vec<String> = table
        .select(&selector("thead th"))
        .map(|th| th.text().collect())
        .collect();
    assert_eq!(
        heads,
        [
            "名次",
            "姓名",
            "参赛单位",
            "理论考试成绩（20%）",
            "实操比赛成绩（80%）",
            "实操用时",
            "总成绩",
            "奖项",
            "备注"
        ]
    );
    assert!(
        table
            .select(&selector("thead th"))
            .all(|th| th.value().attr("scope") == Some("col"))
    );
    let rows: Vec<Vec<String>> = table
        .select(&selector("tbody tr"))
        .map(|tr| {
            tr.children()
                .filter_map(scraper::ElementRef::wrap)
                .map(|c| c.text().collect())
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), 24);
    assert!(
        table
            .select(&selector("tbody th"))
            .all(|th| th.value().attr("scope") == Some("row"))
    );
    // Default order is the rank; the rank column keeps the meaning in any order.
    assert_eq!(rows[0][..2], ["1".to_string(), "吕静".to_string()]);
    assert_eq!(rows[0][8], "已获“海河工匠”荣誉，不享受竞赛奖励");
    assert_eq!(rows[1][7], "一等奖");
    assert_eq!(
        rows[2][1], "汤艳晓",
        "equal totals: higher practical, then shorter time"
    );
    assert_eq!(rows[3][1], "余梅");
    assert_eq!(rows[4][1], "姜云军");
    assert_eq!(rows[5][1], "侯萍娜");
    assert_eq!(rows[22][8], "缺考");
    assert_eq!(rows[23][8], "取消资格");
    let ranks: Vec<u32> = rows[..22].iter().map(|r| r[0].parse().unwrap()).collect();
    assert_eq!(ranks, (1..=22).collect::<Vec<_>>());
}

/// The student group says what its results are for, and no cell names an award.
fn the_student_group_has_no_awards(files: &BTreeMap<String, Vec<u8>>) {
    let student = html_page(files, "results/ai-trainer-student.html");
    let text: String = student.root_element().text().collect();
    assert!(text.contains("选手成绩只作为参加国家级竞赛选拔的依据"));
    assert!(student.select(&selector("tbody td")).all(|td| {
        let t: String = td.text().collect();
        !t.contains('奖')
    }));
}

/// The downloads hold the same lines as the pages, with a BOM for Excel.
fn the_downloads_hold_the_same_lines_as_the_pages(files: &BTreeMap<String, Vec<u8>>) {
    let csv = &files["results/results.csv"];
    assert!(csv.starts_with(b"\xEF\xBB\xBF"));
    let csv = String::from_utf8(csv[3..].to_vec()).unwrap();
    assert_eq!(csv.lines().count(), 1 + 90);
    assert!(csv.starts_with("赛项,组别,名次,姓名,参赛单位,理论考试成绩（20%）,实操比赛成绩（80%）,实操用时,总成绩,奖项,备注\r\n"));
    assert!(csv.contains("\r\n人工智能训练师,职工（含教师）组,2,"));
    let sheet = xlsx_text(&files["results/results.xlsx"]);
    assert!(sheet.contains("吕静\t天津津智国有资本投资运营有限公司\t96\t97.5\t2:38:28\t97.2\t\t已获“海河工匠”荣誉，不享受竞赛奖励"), "{}", &sheet[..600]);
}

#[test]
fn id_and_phone_numbers_never_reach_any_output() {
    let rows = fixture_rows();
    let header = &rows[1];
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (id, phone) = (column("身份证号"), column("手机号"));
    let secrets: Vec<String> = rows[2..]
        .iter()
        .flat_map(|r| [r[id].clone(), r[phone].clone()])
        .collect();
    assert_eq!(secrets.len(), 180);

    for (name, bytes) in [
        ("results.csv", fixture_csv()),
        ("results.xlsx", xlsx(&rows, "成绩")),
    ] {
        let case = Case::fixture(name, &bytes);
        let project = jingsai::check(&case.dir).unwrap();
        let model = format!("{:?}", project.results);
        let out = tempfile::tempdir().unwrap();
        case.build(out.path()).success();
        let texts = output_texts(out.path());
        assert!(texts.len() > 20);
        for secret in &secrets {
            assert!(!model.contains(secret.as_str()), "{secret} is in the model");
            // The last 8 digits are enough to recognise a number, and catch any reformatting.
            let tail = &secret[secret.len() - 8..];
            for (path, text) in &texts {
                assert!(
                    !text.contains(tail),
                    "{secret} reached {path} (from {name})"
                );
            }
        }
        for (path, text) in texts.iter().filter(|(p, _)| p.starts_with("results/")) {
            assert!(
                !text.contains("身份证") && !text.contains("手机号"),
                "{path}"
            );
        }
    }
}

// --- property tests -------------------------------------------------------------------------------

mod properties {
    use super::*;
    use jingsai::model::{Rounding, Ties};
    use jingsai::results::awards::{self, TierSize};
    use jingsai::results::rank;
    use proptest::prelude::*;
    use std::sync::OnceLock;

    /// The seed contest with 10/20/30 tiers and a practical tie-break, loaded once.
    fn contest() -> &'static jingsai::model::Contest {
        static CONTEST: OnceLock<jingsai::model::Contest> = OnceLock::new();
        CONTEST.get_or_init(|| {
            let case = Case::new(
                ".",
                "results:\n  published: 2025-12-05\n  tie_break: [practical]\n  tiers:\n    - { name: 一等奖, share: 10 }\n    - { name: 二等奖, share: 20 }\n    - { name: 三等奖, share: 30 }\n",
                "",
                b"",
            );
            jingsai::check(&case.dir).unwrap().project.contest
        })
    }

    #[derive(Debug, Clone)]
    struct Row {
        theory: u32,    // thousandths
        practical: u32, // thousandths
        status: u8,     // 0..=7 ranked, 8 absent, 9 disqualified
        honour: bool,
    }

    fn rows() -> impl Strategy<Value = Vec<Row>> {
        let score = prop_oneof![0u32..=100_000, (0u32..=20).prop_map(|x| 80_000 + x * 500)];
        prop::collection::vec(
            (score.clone(), score, 0u8..10, prop::bool::weighted(0.1)).prop_map(
                |(theory, practical, status, honour)| Row {
                    theory,
                    practical,
                    status,
                    honour,
                },
            ),
            1..60,
        )
    }

    fn score(thousandths: u32) -> String {
        format!("{}.{:03}", thousandths / 1000, thousandths % 1000)
    }

    /// Half up to hundredths.
    fn hundredths(thousandths: u32) -> u64 {
        u64::from(thousandths + 5) / 10
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn invariants(rows in rows()) {
            let mut csv = String::from("姓名,参赛单位,赛项,组别,理论成绩,实操成绩,状态,荣誉\n");
            for (i, r) in rows.iter().enumerate() {
                let status = match r.status { 8 => "缺考", 9 => "取消资格", _ => "" };
                let honour = if r.honour { "海河工匠" } else { "" };
                csv.push_str(&format!("选手{i},单位{},人工智能训练师,职工组,{},{},{status},{honour}\n", i / 2, score(r.theory), score(r.practical)));
            }
            let contest = contest();
            let sheet = results::read::read_csv(csv.as_bytes(), Path::new("results.csv"), &Layout::of(contest)).unwrap();
            let day = Day(jiff::civil::date(2025, 12, 5));
            let results = results::from_sheet(contest, &sheet, Some(day)).unwrap();
            let t = table(&results, "ai-trainer-staff");
            prop_assert_eq!(t.entries.len(), rows.len());

            // Totals reproduce from the inputs: parts kept to 2 decimals, then 20/80, half up.
            let mut expected_totals = BTreeMap::new();
            for (i, r) in rows.iter().enumerate() {
                if r.status < 8 {
                    let sum = hundredths(r.theory) * 20 + hundredths(r.practical) * 80; // in 1/10000
                    let total = (sum + 50) / 100;
                    expected_totals.insert(format!("选手{i}"), format!("{}.{:02}", total / 100, total % 100));
                }
            }
            let ranked: Vec<_> = t.entries.iter().filter(|e| e.status == Status::Ranked).collect();
            prop_assert_eq!(ranked.len(), expected_totals.len());
            prop_assert_eq!(t.finalists, ranked.len());
            for e in &ranked {
                prop_assert_eq!(&e.total, &expected_totals[&e.name]);
            }
            // Ranked first, then absent, then disqualified; only the ranked have a rank.
            let statuses: Vec<Status> = t.entries.iter().map(|e| e.status).collect();
            let mut sorted = statuses.clone();
            sorted.sort();
            prop_assert_eq!(&statuses, &sorted);
            prop_assert!(t.entries.iter().all(|e| e.rank.is_some() == (e.status == Status::Ranked)));

            // Ranks are a permutation with ties: each rank is 1 + the number strictly better.
            let key = |e: &results::Entry| (e.total.parse::<f64>().unwrap(), e.scores[1].parse::<f64>().unwrap());
            for e in &ranked {
                let better = ranked.iter().filter(|o| key(o) > key(e)).count() as u32;
                prop_assert_eq!(e.rank, Some(better + 1));
            }
            for pair in ranked.windows(2) {
                prop_assert!(pair[0].rank <= pair[1].rank);
                prop_assert!(key(pair[0]) >= key(pair[1]));
            }

            // Awards never exceed their tiers, never go to honour holders, follow the ranks, and
            // are given only from 20 finalists on.
            let n = ranked.len();
            let sizes = [n / 10, n * 20 / 100, n * 30 / 100];
            let names = ["一等奖", "二等奖", "三等奖"];
            for (i, name) in names.iter().enumerate() {
                let given = t.entries.iter().filter(|e| e.award == *name).count();
                prop_assert!(given <= sizes[i], "{} given {} > {}", name, given, sizes[i]);
                if n >= 20 {
                    prop_assert_eq!(t.tiers[i].size, sizes[i]);
                }
                prop_assert_eq!(t.tiers[i].given, given);
            }
            if n < 20 {
                prop_assert!(t.entries.iter().all(|e| e.award.is_empty()));
                prop_assert!(t.below_minimum.is_some());
            }
            let tier_of = |e: &results::Entry| names.iter().position(|x| *x == e.award).unwrap_or(names.len());
            let mut last = 0;
            for e in ranked.iter().filter(|e| e.note.is_empty()) {
                prop_assert!(tier_of(e) >= last, "awards follow the ranks");
                last = tier_of(e);
            }
            for e in &ranked {
                if !e.note.is_empty() {
                    prop_assert_eq!(&e.award, "");
                }
            }
            // Equal contestants are never split between tiers.
            for pair in ranked.windows(2) {
                if pair[0].rank == pair[1].rank && pair[0].note.is_empty() && pair[1].note.is_empty() {
                    prop_assert_eq!(&pair[0].award, &pair[1].award);
                }
            }
        }

        #[test]
        fn ranks_and_tiers_of_any_order(values in prop::collection::vec(0u8..8, 0..80), sizes in prop::collection::vec(0usize..10, 0..4), eligible_seed in any::<u64>()) {
            let mut items = values.clone();
            let ranks = rank::rank_by(&mut items, |a, b| b.cmp(a));
            for (i, rank) in ranks.iter().enumerate() {
                let better = items.iter().filter(|x| **x > items[i]).count() as u32;
                prop_assert_eq!(*rank, better + 1);
            }
            let eligible: Vec<bool> = (0..items.len()).map(|i| (eligible_seed >> (i % 64)) & 1 == 0 || i % 3 == 0).collect();
            let tiers = awards::assign(&ranks, &eligible, &sizes, Ties::NextTier);
            for (t, size) in sizes.iter().enumerate() {
                // Slots are used by the eligible and the ineligible alike.
                let placed = tiers.iter().filter(|x| **x == Some(t)).count();
                prop_assert!(placed <= *size);
            }
            for (i, tier) in tiers.iter().enumerate() {
                prop_assert!(tier.is_none() || eligible[i]);
            }
            // With the higher tier for ties, a tier is given by rank: the first tier whose last place
            // is at or after the contestant's rank (1, 2, 2, 4: the rank is the group's first place).
            let higher = awards::assign(&ranks, &eligible, &sizes, Ties::HigherTier);
            let ends: Vec<usize> = sizes.iter().scan(0, |end, size| { *end += size; Some(*end) }).collect();
            for (i, tier) in higher.iter().enumerate() {
                let by_rank = ends.iter().position(|&end| (ranks[i] as usize) <= end);
                prop_assert_eq!(*tier, by_rank.filter(|_| eligible[i]));
            }
            let share = awards::tier_sizes(items.len(), &[TierSize::Share(10), TierSize::Count(3)], Rounding::Down);
            prop_assert_eq!(share, vec![items.len() / 10, 3.min(items.len())]);
            let up = awards::tier_sizes(items.len(), &[TierSize::Share(10)], Rounding::Up);
            prop_assert_eq!(up, vec![items.len().div_ceil(10)]);
        }
    }
}

// --- benchmark -----------------------------------------------------------------------------------

/// 10,000 contestants: read, check and rank, render. Run with
/// `cargo test --release --test results -- --ignored bench_10k --nocapture`.
#[test]
#[ignore]
fn bench_10k() {
    use std::time::Instant;
    let n: usize = std::env::var("RESULTS_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let tracks = [
        "人工智能训练师",
        "服务机器人应用技术员",
        "生成式人工智能系统应用员",
    ];
    let groups = ["职工组", "学生组"];
    let mut csv = String::from(
        "序号,姓名,身份证号,手机号,参赛单位,赛项,组别,理论成绩,实操成绩,实操用时,状态,荣誉\n",
    );
    let mut seed: u64 = 20251205;
    let mut next = |m: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % m
    };
    for i in 0..n {
        let status = match next(100) {
            0 => "缺考",
            1 => "取消资格",
            _ => "",
        };
        let honour = if next(50) == 0 { "海河工匠" } else { "" };
        csv.push_str(&format!(
            "{i},选手{i},1201011990{:08},138{:08},参赛单位{},{},{},{}.{},{}.{:02},{}:{:02}:{:02},{status},{honour}\n",
            i,
            i,
            i / 2,
            tracks[i % 3],
            groups[(i / 3) % 2],
            50 + next(50),
            next(10),
            40 + next(60),
            next(100),
            2 + next(2),
            next(60),
            next(60),
        ));
    }
    let case = Case::new(".", TIERS, "results.csv", csv.as_bytes());
    let contest = jingsai::check(&Case::new(".", TIERS, "", b"").dir)
        .unwrap()
        .project
        .contest;
    let layout = Layout::of(&contest);
    let path = case.dir.join("content/results.csv");

    let day = Day(jiff::civil::date(2025, 12, 5));
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3;
    let t = Instant::now();
    let sheet =
        results::read::read_file(&path, Path::new("content/results.csv"), &layout, None).unwrap();
    let read = t.elapsed();
    let t = Instant::now();
    let records = results::validate::check(&contest, &sheet).unwrap();
    let check = t.elapsed();
    let t = Instant::now();
    let ranked = results::compute(&contest, &records, day, true, &[]);
    let rank = t.elapsed();
    let t = Instant::now();
    let csv_out = results::export::csv(&ranked);
    let csv_time = t.elapsed();
    let t = Instant::now();
    let xlsx_out = results::export::xlsx(&ranked, "bench").unwrap();
    let xlsx_time = t.elapsed();
    let out = tempfile::tempdir().unwrap();
    let t = Instant::now();
    case.build(out.path()).success();
    let build = t.elapsed();
    let files = output_files(&out.path().join("results"));
    let pages: usize = files
        .iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(_, b)| b.len())
        .sum();
    println!(
        "bench_10k: {n} contestants ({} KiB CSV)\n  read CSV         {:>7.1} ms\n  check rows       {:>7.1} ms\n  rank and award   {:>7.1} ms\n  write csv        {:>7.1} ms ({} KiB)\n  write xlsx       {:>7.1} ms ({} KiB)\n  whole `jingsai build` in a child process (whole site, PDFs, results pages of {} KiB) {:>7.1} ms",
        csv.len() / 1024,
        ms(read),
        ms(check),
        ms(rank),
        ms(csv_time),
        csv_out.len() / 1024,
        ms(xlsx_time),
        xlsx_out.len() / 1024,
        pages / 1024,
        ms(build),
    );
}

#[test]
fn without_a_final_the_wording_says_nothing_of_one_and_nothing_of_the_first_contest() {
    // The seed's rules without `round` and without `below_minimum`: the words are the computation's own.
    let tiers = TIERS.replace("  round: 决赛\n", "");
    let case = Case::seed(&tiers, &sheet(&contestants(19)));
    let mut yaml = std::fs::read_to_string(case.dir.join("content/contest.yaml")).unwrap();
    let rule_at = yaml.find("  below_minimum:").unwrap();
    let rule_end = rule_at + yaml[rule_at..].find('\n').unwrap() + 1;
    yaml.replace_range(rule_at..rule_end, "");
    std::fs::write(case.dir.join("content/contest.yaml"), yaml).unwrap();
    let results = case.results();
    let note = table(&results, "ai-trainer-staff")
        .below_minimum
        .clone()
        .unwrap();
    assert_eq!(note, "本组别取得成绩的选手共19人，不足20人，不评定奖项。");
    let rules = results.rules.join("\n");
    assert!(
        !rules.contains("决赛") && !rules.contains("国家级竞赛选拔"),
        "{rules}"
    );
    assert!(
        rules.contains("每个赛项的每个组别取得成绩的选手不足20人的，不评定奖项。"),
        "{rules}"
    );
}
