//! Tracks with their own scoring (`tracks[].scoring`), on a copy of `tests/fixtures/many-tracks/`: the
//! welder track with its own weights and two of the three modules, the AI trainer track practical-only,
//! the tea artist track whose scoring is 另行通知, the others following the contest's. Checked and built
//! by the real binary and read back as a visitor would: the track pages and the list of tracks, the
//! results pages, `results.csv` and `results.pdf`, the rules stated with the results, and the located
//! errors of a score sheet that does not follow a track's scoring.

mod support;

use scraper::{ElementRef, Html, Selector};
use std::path::Path;
use support::ContestCopy;
use support::built::{build, check, page, text};

const FIXTURE: &str = "many-tracks";
const CONTEST: &str = "content/contest.yaml";
const RESULTS: &str = "content/results.csv";

/// The welder track's own scoring: other weights, and two of the contest's three modules.
const WELDER: &str = "    description: 板对接、管对接焊接与焊缝质量检测。
    scoring:
      parts:
        - id: theory
          name: 理论考试
          weight: 20
        - id: practical
          name: 实际操作
          weight: 80
          modules:
            - {id: preparation, name: 工艺准备, weight: 50}
            - {id: execution, name: 操作实施, weight: 50}
";

/// The AI trainer track: practical only, with its own duration and mode.
const AI_TRAINER: &str = "    description: 数据采集与标注、模型训练与评估、智能系统运维。
    scoring:
      parts:
        - {id: practical, name: 实际操作, weight: 100, duration: 240, mode: 上机操作}
      ranking: 按实际操作成绩由高到低排定名次。
";

/// The tea artist track: its scoring is still to be announced.
const TEA_ARTIST: &str = "    description: 茶叶品鉴、茶艺演示与茶席设计。
    scoring:
      note: 本赛项评分办法另行通知。
";

fn selector(css: &str) -> Selector {
    Selector::parse(css).unwrap()
}

fn text_of(element: ElementRef<'_>) -> String {
    element.text().collect::<String>().trim().to_string()
}

fn texts(html: &Html, css: &str) -> Vec<String> {
    html.select(&selector(css)).map(text_of).collect()
}

/// The paragraphs under the `h2` named `heading` of an article.
fn section(html: &Html, heading: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut inside = false;
    for element in html.select(&selector("article > h2, article > p")) {
        match element.value().name() {
            "h2" => inside = text_of(element) == heading,
            _ if inside => found.push(text_of(element)),
            _ => {}
        }
    }
    found
}

/// The data cells (`td`) of the first row of a page's results table, as text.
fn first_row_cells(page: &Html) -> Vec<String> {
    page.select(&selector("table.results tbody tr"))
        .next()
        .unwrap()
        .select(&selector("td"))
        .map(text_of)
        .collect()
}

/// The text of a PDF in drawing order (`pdftotext -raw`), white space removed.
fn pdf_text(pdf: &Path) -> String {
    let output = std::process::Command::new("pdftotext")
        .args(["-raw", pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext runs");
    assert!(output.status.success());
    String::from_utf8_lossy(&output.stdout)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// The fixture with the three tracks' own scorings, and its score sheet given a 实操成绩 column: the
/// welder rows leave 质量检测 as `/`, the AI trainer rows give only 实操成绩 (its practical score is
/// their 操作实施 score of the fixture).
fn contest() -> ContestCopy {
    let copy = support::fixture_copy(FIXTURE);
    for own in [WELDER, AI_TRAINER, TEA_ARTIST] {
        copy.replace(CONTEST, &format!("{}\n", own.lines().next().unwrap()), own);
    }
    let sheet: Vec<String> = copy
        .read(RESULTS)
        .lines()
        .enumerate()
        .map(|(i, line)| {
            let mut cells: Vec<String> = line.split(',').map(str::to_string).collect();
            let status = cells.pop().unwrap();
            let practical = match cells[2].as_str() {
                _ if i == 0 => "实操成绩".to_string(),
                "焊工" => {
                    cells[7] = "/".to_string();
                    String::new()
                }
                "人工智能训练师" => {
                    let score = cells[6].clone();
                    cells[4] = "/".to_string();
                    for cell in &mut cells[5..8] {
                        cell.clear();
                    }
                    score
                }
                _ => String::new(),
            };
            cells.extend([practical, status]);
            cells.join(",")
        })
        .collect();
    copy.write(RESULTS, sheet.join("\n") + "\n");
    copy
}

#[test]
fn each_track_page_shows_the_scoring_it_follows() {
    let copy = contest();
    let out = build(&copy);

    let ai = page(&out, "tracks/ai-trainer.html");
    assert_eq!(
        texts(&ai, "table thead th"),
        ["组成部分", "占总成绩比例", "时长", "方式"]
    );
    assert_eq!(
        texts(&ai, "table tbody tr th, table tbody tr td"),
        ["实际操作", "100%", "240分钟", "上机操作"]
    );
    assert_eq!(
        section(&ai, "成绩构成"),
        ["按实际操作成绩由高到低排定名次。"]
    );

    let welder = page(&out, "tracks/welder.html");
    let rows: Vec<Vec<String>> = welder
        .select(&selector("table tbody tr"))
        .map(|row| row.select(&selector("th, td")).map(text_of).collect())
        .collect();
    assert_eq!(
        rows,
        [
            vec!["理论考试", "20%", "—"],
            vec!["实际操作", "80%", "工艺准备（50%）、操作实施（50%）"],
        ]
    );

    // 另行通知: the heading and the note, no table.
    let tea = page(&out, "tracks/tea-artist.html");
    assert!(texts(&tea, "table").is_empty());
    assert_eq!(section(&tea, "成绩构成"), ["本赛项评分办法另行通知。"]);

    // A track without its own scoring keeps the contest's.
    let electrician = page(&out, "tracks/electrician.html");
    assert_eq!(
        texts(&electrician, "table tbody tr th"),
        ["理论考试", "实际操作"]
    );
    assert_eq!(texts(&electrician, "table tbody tr td.num"), ["30%", "70%"]);

    // The list of tracks says how each is scored, as the scorings differ.
    let list = page(&out, "tracks/index.html");
    let card = |id: &str| texts(&list, &format!("section[aria-labelledby=t-{id}] p"));
    assert!(card("welder").contains(&"成绩构成：理论考试20%、实际操作80%。".to_string()));
    assert!(card("ai-trainer").contains(&"成绩构成：实际操作100%。".to_string()));
    assert!(card("tea-artist").contains(&"成绩构成：本赛项评分办法另行通知。".to_string()));
    assert!(card("electrician").contains(&"成绩构成：理论考试30%、实际操作70%。".to_string()));
}

#[test]
fn each_results_table_has_its_tracks_columns_and_totals() {
    let copy = contest();
    let out = build(&copy);

    // 焊工: 20% + 80%, 实际操作 from two modules at 50% each.
    // 吴刚: 95; 92, 90 → 实际操作 91.00; total 95×20% + 91×80% = 91.80.
    let welder = page(&out, "results/welder-staff.html");
    assert_eq!(
        texts(&welder, "table.results thead th"),
        [
            "名次",
            "姓名",
            "参赛单位",
            "理论考试成绩（20%）",
            "工艺准备（占实际操作50%）",
            "操作实施（占实际操作50%）",
            "实际操作成绩（80%）",
            "总成绩",
            "奖项",
            "备注"
        ]
    );
    assert_eq!(
        first_row_cells(&welder)[2..7],
        ["95.00", "92.00", "90.00", "91.00", "91.80"]
    );

    // 人工智能训练师: practical only; 沈洁 87 → total 87.00.
    let ai = page(&out, "results/ai-trainer-staff.html");
    assert_eq!(
        texts(&ai, "table.results thead th"),
        [
            "名次",
            "姓名",
            "参赛单位",
            "实际操作成绩（100%）",
            "总成绩",
            "奖项",
            "备注"
        ]
    );
    assert_eq!(first_row_cells(&ai)[2..4], ["87.00", "87.00"]);

    // 电工 follows the contest: 30% + 70% with three modules, as before.
    let electrician = page(&out, "results/electrician-staff.html");
    assert_eq!(texts(&electrician, "table.results thead th").len(), 11);

    // The rules say how each total is made.
    let rules = texts(&page(&out, "results/index.html"), "ol.rules li");
    for rule in [
        "除下列赛项外，总成绩＝理论考试成绩×30%＋实际操作成绩×70%（各部分满分均为100分）。",
        "焊工赛项：总成绩＝理论考试成绩×20%＋实际操作成绩×80%（各部分满分均为100分）。",
        "焊工赛项：实际操作成绩由各模块成绩计算：实际操作成绩＝工艺准备成绩×50%＋操作实施成绩×50%（各模块满分均为100分，小数的保留和四舍五入同上）。",
        "人工智能训练师赛项：总成绩即实际操作成绩（满分100分）。",
    ] {
        assert!(rules.contains(&rule.to_string()), "`{rule}` in {rules:?}");
    }

    // The download has every column once, headed without a weight where the tracks' differ, and each
    // row fills only its track's.
    let csv = std::fs::read_to_string(out.join("results/results.csv")).unwrap();
    let header = csv.lines().next().unwrap().trim_start_matches('\u{feff}');
    assert_eq!(
        header,
        "赛项,组别,名次,姓名,参赛单位,理论考试成绩,工艺准备（实际操作）,操作实施（实际操作）,质量检测（占实际操作20%）,实际操作成绩,总成绩,奖项,备注"
    );
    let row = |name: &str| {
        csv.lines()
            .find(|l| l.contains(&format!(",{name},")))
            .unwrap()
            .to_string()
    };
    assert_eq!(
        row("吴刚"),
        "焊工,职工组,1,吴刚,济南市某钢铁公司,95.00,92.00,90.00,,91.00,91.80,一等奖,"
    );
    assert_eq!(
        row("沈洁"),
        "人工智能训练师,职工组,1,沈洁,济南市某科技公司,,,,,87.00,87.00,,"
    );

    // The PDF draws each table with its track's columns.
    let pdf = pdf_text(&out.join("results/results.pdf"));
    for expected in [
        "实际操作（100%）",
        "理论考试（20%）",
        "工艺准备（占实际操作50%）",
        "95.0092.0090.0091.0091.80",
        "87.0087.00",
    ] {
        assert!(
            pdf.contains(expected),
            "`{expected}` in results.pdf:\n{pdf}"
        );
    }
}

#[test]
fn scores_that_do_not_follow_the_tracks_scoring_are_located_errors() {
    let copy = contest();
    let sheet = copy.read(RESULTS);
    // 吴刚 (row 11) has a 质量检测 score his track does not have; 沈洁 (row 17) lacks her 实操成绩 and
    // has a 理论成绩 her track does not have.
    let sheet = sheet
        .replace(
            "吴刚,济南市某钢铁公司,焊工,职工组,95,92,90,/,",
            "吴刚,济南市某钢铁公司,焊工,职工组,95,92,90,88,",
        )
        .replace(
            "沈洁,济南市某科技公司,人工智能训练师,职工组,/,,,,87,",
            "沈洁,济南市某科技公司,人工智能训练师,职工组,90,,,,,",
        );
    copy.write(RESULTS, sheet);
    let output = check(&copy);
    let report = text(&output);
    assert!(!output.status.success(), "{report}");
    for expected in [
        "row 11, column H (质量检测): the scoring of the track “焊工” has no “质量检测”, but this cell says `88`",
        "row 17, column E (理论成绩): the scoring of the track “人工智能训练师” has no “理论考试”, but this cell says `90`",
        "row 17, column I (实操成绩): ",
        "3 problems found",
    ] {
        assert!(report.contains(expected), "`{expected}` in:\n{report}");
    }
    // In Chinese by default.
    let output = support::jingsai("check")
        .env_remove("JINGSAI_LANG")
        .arg(copy.path())
        .output()
        .expect("jingsai runs");
    let report = text(&output);
    assert!(
        report.contains("赛项“焊工”的评分办法中没有“质量检测”，这一格却填了 `88`"),
        "{report}"
    );
}

#[test]
fn a_track_whose_scoring_is_to_be_announced_has_no_results_yet() {
    let copy = contest();
    let mut sheet = copy.read(RESULTS);
    sheet.push_str("林芳,济南市某茶社,茶艺师,职工组,90,,,,88,\n");
    copy.write(RESULTS, sheet);
    let output = check(&copy);
    let report = text(&output);
    assert!(!output.status.success(), "{report}");
    assert!(
        report.contains(
            "row 20, column C (赛项): the scoring of the track “茶艺师” has no parts yet"
        ),
        "{report}"
    );
}

#[test]
fn without_a_contest_scoring_every_track_states_its_own() {
    let copy = support::fixture_copy(FIXTURE);
    let yaml = copy.read(CONTEST);
    let start = yaml.find("scoring:\n").unwrap();
    let end = yaml.find("\nawards:\n").unwrap() + 1;
    let mut yaml = format!("{}{}", &yaml[..start], &yaml[end..]);
    // Every track practical-only, except the welder's.
    yaml = yaml.replace(
        "\n    description: ",
        "\n    scoring:\n      parts:\n        - {id: practical, name: 实际操作, weight: 100}\n    description: ",
    );
    yaml = yaml.replace(
        "    name: 焊工\n    scoring:\n      parts:\n        - {id: practical, name: 实际操作, weight: 100}\n",
        "    name: 焊工\n    scoring:\n      parts:\n        - {id: theory, name: 理论考试, weight: 40}\n        - {id: practical, name: 实际操作, weight: 60}\n",
    );
    copy.write(CONTEST, yaml);
    let sheet: Vec<String> = copy
        .read(RESULTS)
        .lines()
        .map(|line| {
            let cells: Vec<&str> = line.split(',').collect();
            let theory = if cells[2] == "焊工" || cells[2] == "赛项" {
                cells[4]
            } else {
                ""
            };
            let practical = if cells[2] == "赛项" {
                "实操成绩"
            } else {
                cells[6]
            };
            [&cells[..4], &[theory, practical, cells[8]]]
                .concat()
                .join(",")
        })
        .collect();
    copy.write(RESULTS, sheet.join("\n") + "\n");
    let out = build(&copy);

    let rules = texts(&page(&out, "results/index.html"), "ol.rules li");
    assert!(
        rules.contains(
            &"焊工赛项：总成绩＝理论考试成绩×40%＋实际操作成绩×60%（各部分满分均为100分）。"
                .to_string()
        ),
        "{rules:?}"
    );
    assert!(
        rules.iter().all(|r| !r.contains("除下列赛项外")),
        "no contest-wide rule: {rules:?}"
    );
    // 吴刚: 95×40% + 90×60% = 92.00.
    let welder = page(&out, "results/welder-staff.html");
    assert_eq!(first_row_cells(&welder)[2..5], ["95.00", "90.00", "92.00"]);
    let electrician = page(&out, "results/electrician-staff.html");
    assert_eq!(
        texts(&electrician, "table.results thead th")[3],
        "实际操作成绩（100%）"
    );
    let track = page(&out, "tracks/courier.html");
    assert_eq!(
        texts(&track, "table tbody tr th, table tbody tr td"),
        ["实际操作", "100%"]
    );
}

/// A track given a part of its own before any of its contestants is in the sheet: the sheet needs no
/// column for it yet, and a row of that track later is an error at that row naming the column to add.
#[test]
fn a_part_only_one_track_has_needs_its_column_only_for_that_tracks_rows() {
    let copy = support::fixture_copy(FIXTURE);
    copy.replace(
        CONTEST,
        "    description: 茶叶品鉴、茶艺演示与茶席设计。\n",
        "    description: 茶叶品鉴、茶艺演示与茶席设计。\n    scoring:\n      parts:\n        - {id: tea, name: 茶艺演示, weight: 100}\n",
    );
    let out = build(&copy);
    let tea = page(&out, "tracks/tea-artist.html").html();
    assert!(tea.contains("茶艺演示"), "{tea}");

    copy.append(RESULTS, "林芳,济南市某茶社,茶艺师,职工组,,,,,\n");
    let output = check(&copy);
    let report = text(&output);
    assert!(!output.status.success(), "{report}");
    assert!(
        report.contains(
            "the sheet has no column “茶艺演示成绩”, which this row's track is scored by"
        ),
        "{report}"
    );
    assert!(report.contains("row 20"), "{report}");
}
