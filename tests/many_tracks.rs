//! A contest of twenty tracks (`tests/fixtures/many-tracks/`: one group, an award scheme by counts, a
//! unit award, a theory part of 60分钟 上机考试 and a practical part of three modules, results for three
//! tracks with the practical score computed from its module columns), checked and built by the real
//! binary and read back from the pages as a visitor would: the award scheme before the results, the
//! scoring table, the awards of the results under each tie policy and rounding, and the located errors.

mod support;

use scraper::{ElementRef, Html, Selector};
use std::path::Path;
use support::built::{build, check, page, text};

const FIXTURE: &str = "many-tracks";
const CONTEST: &str = "content/contest.yaml";
const RESULTS: &str = "content/results.csv";

/// The fixture's award tiers, to be replaced by the share variants.
const COUNT_TIERS: &str = "  tiers:
    - {name: 一等奖, count: 1}
    - {name: 二等奖, count: 2}
    - {name: 三等奖, count: 3}
";

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("a selector")
}

/// The text of an element, white space trimmed.
fn text_of(element: ElementRef<'_>) -> String {
    element.text().collect::<String>().trim().to_string()
}

/// The texts of every element matching `css`.
fn texts(html: &Html, css: &str) -> Vec<String> {
    html.select(&selector(css)).map(text_of).collect()
}

/// The paragraphs that follow the heading `heading` (an `h2`) up to the next heading.
fn section(html: &Html, heading: &str) -> Vec<String> {
    let h2 = html
        .select(&selector("h2"))
        .find(|h| text_of(*h) == heading)
        .unwrap_or_else(|| panic!("no heading {heading}"));
    h2.next_siblings()
        .filter_map(ElementRef::wrap)
        .take_while(|e| !matches!(e.value().name(), "h2" | "h1"))
        .filter(|e| e.value().name() == "p")
        .map(text_of)
        .collect()
}

/// The award of each contestant (name → award) on a results page.
fn awards(html: &Html) -> Vec<(String, String)> {
    html.select(&selector("table.results tbody tr"))
        .map(|row| {
            let name = row
                .select(&selector("th"))
                .map(text_of)
                .next()
                .expect("a name");
            let cells: Vec<String> = row.select(&selector("td")).map(text_of).collect();
            // 名次, 参赛单位, two scores, 总成绩, 奖项, 备注.
            (name, cells[cells.len() - 2].clone())
        })
        .collect()
}

/// The sentence of the results rules (on the results index) that states the awards.
fn award_rule(out: &Path) -> String {
    texts(&page(out, "results/index.html"), "ol.rules li")
        .into_iter()
        .find(|r| r.starts_with("奖项按"))
        .expect("an award rule")
}

#[test]
fn twenty_tracks_check_without_a_warning() {
    let copy = support::fixture_copy(FIXTURE);
    let output = check(&copy);
    let report = text(&output);
    assert!(output.status.success(), "{report}");
    assert!(!report.contains("warning"), "{report}");
    assert!(report.contains("20 tracks"), "{report}");
}

#[test]
fn a_rounding_that_changes_nothing_is_a_located_warning() {
    let copy = support::fixture_copy(FIXTURE);
    copy.replace(
        CONTEST,
        "  min_finalists: 4\n",
        "  min_finalists: 4\n  rounding: up\n",
    );
    let output = check(&copy);
    let report = text(&output);
    assert!(output.status.success(), "{report}");
    let line = copy
        .read(CONTEST)
        .lines()
        .position(|l| l == "  rounding: up")
        .unwrap()
        + 1;
    assert!(
        report.contains(&format!(
            "content/contest.yaml:{line}:13: `awards.rounding` changes nothing: no award tier is a share"
        )),
        "{report}"
    );
}

#[test]
fn the_award_scheme_and_the_unit_award_are_stated_before_the_results() {
    let copy = support::fixture_copy(FIXTURE);
    std::fs::remove_file(copy.file(RESULTS)).unwrap();
    let out = build(&copy);
    assert!(!out.join("results").exists(), "no results yet");
    let scheme = [
        "每个赛项的每个组别设一等奖1名、二等奖2名、三等奖3名。",
        "名次相同的选手评为同一等次；某一等次余下的名额不足以容纳名次相同的全部选手时，这些选手一并评入下一等次。",
        "每个赛项的每个组别取得成绩的选手不足4人的，不评定奖项。",
        "设优秀组织奖10个，授予组织工作突出、参赛成绩优异的市级人力资源和社会保障部门。",
    ];
    // Once on the tracks page, after the twenty tracks.
    let tracks = page(&out, "tracks/index.html");
    assert_eq!(texts(&tracks, "section.card h2").len(), 20);
    assert_eq!(texts(&tracks, "h2#awards"), ["奖项设置"]);
    assert_eq!(
        texts(&tracks, "section[aria-labelledby=awards] p"),
        scheme.map(String::from)
    );
    // And on every track page, under its own heading.
    let track_pages: Vec<_> = std::fs::read_dir(out.join("tracks"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n != "index.html")
        .collect();
    assert_eq!(track_pages.len(), 20);
    for name in &track_pages {
        let html = page(&out, &format!("tracks/{name}"));
        assert_eq!(section(&html, "奖项设置"), scheme, "{name}");
    }
}

#[test]
fn the_scoring_table_shows_durations_modes_and_modules() {
    let copy = support::fixture_copy(FIXTURE);
    let out = build(&copy);
    let html = page(&out, "tracks/bim.html");
    assert_eq!(
        texts(&html, "table thead th"),
        [
            "组成部分",
            "占总成绩比例",
            "时长",
            "方式",
            "模块（占该部分比例）"
        ]
    );
    let rows: Vec<Vec<String>> = html
        .select(&selector("table tbody tr"))
        .map(|row| row.select(&selector("th, td")).map(text_of).collect())
        .collect();
    assert_eq!(
        rows,
        [
            vec!["理论考试", "30%", "60分钟", "上机考试", "—"],
            vec![
                "实际操作",
                "70%",
                "180分钟",
                "实际操作",
                "工艺准备（20%）、操作实施（60%）、质量检测（20%）"
            ],
        ]
    );
    assert_eq!(section(&html, "成绩构成"), ["按总成绩由高到低排定名次。"]);

    // A column only when some part fills it: without modes there is no 方式, and a part without a
    // duration shows a dash.
    copy.replace(CONTEST, "      duration: 60\n      mode: 上机考试\n", "");
    copy.replace(CONTEST, "      mode: 实际操作\n", "");
    let out = build(&copy);
    let html = page(&out, "tracks/bim.html");
    assert_eq!(
        texts(&html, "table thead th"),
        ["组成部分", "占总成绩比例", "时长", "模块（占该部分比例）"]
    );
    assert_eq!(
        texts(&html, "table tbody tr:first-child td"),
        ["30%", "—", "—"]
    );
}

#[test]
fn without_scoring_parts_the_track_pages_say_what_is_given() {
    let copy = support::fixture_copy(FIXTURE);
    std::fs::remove_file(copy.file(RESULTS)).unwrap();
    let yaml = copy.read(CONTEST);
    let start = yaml.find("scoring:\n").unwrap();
    let end = yaml.find("\nawards:\n").unwrap() + 1;
    copy.write(
        CONTEST,
        format!(
            "{}scoring:\n  note: 评分办法另行通知\n\n{}",
            &yaml[..start],
            &yaml[end..]
        ),
    );
    // The plan still states the weights; only the pages follow the data.
    let out = build(&copy);
    let html = page(&out, "tracks/courier.html");
    assert!(texts(&html, "table").is_empty(), "no scoring table");
    assert_eq!(section(&html, "成绩构成"), ["评分办法另行通知"]);

    // Without the section at all: no heading.
    let yaml = copy.read(CONTEST);
    copy.write(
        CONTEST,
        yaml.replace("scoring:\n  note: 评分办法另行通知\n\n", ""),
    );
    let out = build(&copy);
    let html = page(&out, "tracks/courier.html");
    assert!(!texts(&html, "h2").contains(&"成绩构成".to_string()));
    assert!(texts(&html, "table").is_empty());
}

#[test]
fn the_results_follow_the_counts_and_the_practical_score_comes_from_its_modules() {
    let copy = support::fixture_copy(FIXTURE);
    let out = build(&copy);
    let welder = page(&out, "results/welder-staff.html");
    assert_eq!(
        awards(&welder),
        [
            ("吴刚", "一等奖"),
            ("郑爽", "二等奖"),
            ("冯涛", "二等奖"),
            ("褚红", "三等奖"),
            ("卫东", "三等奖"),
            ("蒋琳", "三等奖"),
        ]
        .map(|(n, a)| (n.to_string(), a.to_string()))
    );
    // 实际操作 = 92×20% + 90×60% + 88×20% = 90.00; total = 95×30% + 90×70% = 91.50.
    let first = first_row_cells(&welder);
    // 名次, 参赛单位, 理论考试, the three modules, 实际操作, 总成绩.
    assert_eq!(
        first[2..8],
        ["95.00", "92.00", "90.00", "88.00", "90.00", "91.50"]
    );
    // Three contestants, fewer than four: no awards.
    let ai = page(&out, "results/ai-trainer-staff.html");
    assert!(awards(&ai).iter().all(|(_, a)| a.is_empty()));
    assert!(
        texts(&ai, "p.band")
            .iter()
            .any(|p| p.contains("不足4人，不评定奖项")),
        "{:?}",
        texts(&ai, "p")
    );
    let rules = texts(&page(&out, "results/index.html"), "ol.rules li");
    assert!(
        rules.contains(
            &"实际操作成绩由各模块成绩计算：实际操作成绩＝工艺准备成绩×20%＋操作实施成绩×60%＋质量检测成绩×20%（各模块满分均为100分，小数的保留和四舍五入同上）。".to_string()
        ),
        "{rules:?}"
    );
    assert_eq!(
        award_rule(&out),
        "奖项按每个赛项每个组别取得成绩的人数评定：一等奖1名、二等奖2名、三等奖3名。名次相同的选手评为同一等次；某一等次余下的名额不足以容纳名次相同的全部选手时，这些选手一并评入下一等次。"
    );
}

#[test]
fn a_tie_at_a_tier_boundary_follows_the_tie_policy() {
    // 电工: 张伟 1, 王芳 2, 李娜 and 刘洋 share rank 3 across the boundary between the two 二等奖 and
    // the three 三等奖, then 陈静 5, 杨磊 6, 赵敏 7, 黄强 8.
    let copy = support::fixture_copy(FIXTURE);
    let out = build(&copy);
    let html = page(&out, "results/electrician-staff.html");
    let next_tier = [
        ("张伟", "一等奖"),
        ("王芳", "二等奖"),
        ("李娜", "三等奖"),
        ("刘洋", "三等奖"),
        ("陈静", "三等奖"),
        ("杨磊", ""),
        ("赵敏", ""),
        ("黄强", ""),
        ("周杰", ""),
    ];
    assert_eq!(
        awards(&html),
        next_tier.map(|(n, a)| (n.to_string(), a.to_string()))
    );
    assert!(
        texts(&html, "p")
            .iter()
            .any(|p| p.contains("评定一等奖1人、二等奖1人、三等奖3人")),
        "{:?}",
        texts(&html, "p")
    );

    copy.replace(
        CONTEST,
        "  min_finalists: 4\n",
        "  min_finalists: 4\n  ties: higher_tier\n",
    );
    let out = build(&copy);
    let html = page(&out, "results/electrician-staff.html");
    let higher_tier = [
        ("张伟", "一等奖"),
        ("王芳", "二等奖"),
        ("李娜", "二等奖"),
        ("刘洋", "二等奖"),
        ("陈静", "三等奖"),
        ("杨磊", "三等奖"),
        ("赵敏", ""),
        ("黄强", ""),
        ("周杰", ""),
    ];
    assert_eq!(
        awards(&html),
        higher_tier.map(|(n, a)| (n.to_string(), a.to_string()))
    );
    assert!(
        texts(&html, "p")
            .iter()
            .any(|p| p.contains("评定一等奖1人、二等奖3人、三等奖2人")),
        "{:?}",
        texts(&html, "p")
    );
    let tie_rule = "名次相同的选手评为同一等次；某一等次余下的名额不足以容纳名次相同的全部选手时，这些选手一并评入该等次，该等次名额相应增加，其后等次的名额相应减少。";
    assert!(award_rule(&out).ends_with(tie_rule), "{}", award_rule(&out));
    assert!(
        section(&page(&out, "tracks/electrician.html"), "奖项设置").contains(&tie_rule.to_string())
    );
}

#[test]
fn shares_are_rounded_as_the_scheme_says() {
    // 焊工 has six finalists: 10%, 20% and 30% of six are 0.6, 1.2 and 1.8 places.
    for (rounding, words, expected) in [
        (
            "",
            "按比例计算的名额向下取整",
            ["二等奖", "三等奖", "", "", "", ""],
        ),
        (
            "  rounding: nearest\n",
            "按比例计算的名额四舍五入取整",
            ["一等奖", "二等奖", "三等奖", "三等奖", "", ""],
        ),
        (
            "  rounding: up\n",
            "按比例计算的名额向上取整，不足1名的按1名计",
            ["一等奖", "二等奖", "二等奖", "三等奖", "三等奖", ""],
        ),
    ] {
        let copy = support::fixture_copy(FIXTURE);
        copy.replace(
            CONTEST,
            COUNT_TIERS,
            &format!(
                "  tiers:\n    - {{name: 一等奖, share: 10}}\n    - {{name: 二等奖, share: 20}}\n    - {{name: 三等奖, share: 30}}\n{rounding}"
            ),
        );
        let out = build(&copy);
        let html = page(&out, "results/welder-staff.html");
        let given: Vec<String> = awards(&html).into_iter().map(|(_, a)| a).collect();
        assert_eq!(given, expected, "{rounding}");
        assert_eq!(
            section(&page(&out, "tracks/welder.html"), "奖项设置")[0],
            format!(
                "按每个赛项的每个组别取得成绩的选手人数的10%、20%、30%分别评定一等奖、二等奖、三等奖，{words}。"
            )
        );
        assert!(
            award_rule(&out).contains(&format!("一等奖10%、二等奖20%、三等奖30%（{words}）。")),
            "{}",
            award_rule(&out)
        );
    }
}

#[test]
fn module_weights_that_do_not_add_up_are_a_located_error() {
    let copy = support::fixture_copy(FIXTURE);
    copy.replace(
        CONTEST,
        "{id: execution, name: 操作实施, weight: 60}",
        "{id: execution, name: 操作实施, weight: 50}",
    );
    let output = check(&copy);
    let report = text(&output);
    assert!(!output.status.success(), "{report}");
    let line = copy
        .read(CONTEST)
        .lines()
        .position(|l| l.contains("{id: preparation"))
        .unwrap()
        + 1;
    assert!(
        report.contains(&format!(
            "content/contest.yaml:{line}:9: the modules of `实际操作` add up to 90% of the part, not 100% (工艺准备 20% + 操作实施 50% + 质量检测 20%)"
        )),
        "{report}"
    );
    assert!(report.contains("help: a module's weight is its percent of the part's score"));
}

#[test]
fn a_score_sheet_without_scoring_parts_is_a_located_error() {
    let copy = support::fixture_copy(FIXTURE);
    let yaml = copy.read(CONTEST);
    let start = yaml.find("scoring:\n").unwrap();
    let end = yaml.find("\nawards:\n").unwrap() + 1;
    copy.write(
        CONTEST,
        format!(
            "{}scoring:\n  note: 评分办法另行通知\n\n{}",
            &yaml[..start],
            &yaml[end..]
        ),
    );
    let output = check(&copy);
    let report = text(&output);
    assert!(!output.status.success(), "{report}");
    let line = copy
        .read(CONTEST)
        .lines()
        .position(|l| l == "  note: 评分办法另行通知")
        .unwrap()
        + 1;
    assert!(
        report.contains(&format!(
            "content/contest.yaml:{line}:9: `content/results.csv` holds results, but the contest has no scoring parts to read the scores by"
        )),
        "{report}"
    );
    assert!(report.contains("help: add `scoring.parts`"), "{report}");
    assert!(report.contains("1 problem found"), "{report}");
}

#[test]
fn module_columns_are_all_given_and_agree_with_the_part_score() {
    let copy = support::fixture_copy(FIXTURE);
    // The part's score beside its modules: it must agree with them (90.00 for 吴刚, 86.20 for 郑爽).
    let sheet = copy.read(RESULTS);
    let mut lines: Vec<String> = sheet.lines().map(str::to_string).collect();
    lines[0].push_str(",实际操作成绩");
    for line in lines.iter_mut().skip(1) {
        let score = if line.starts_with("吴刚") {
            "90"
        } else if line.starts_with("郑爽") {
            "86.5"
        } else {
            ""
        };
        line.push(',');
        line.push_str(score);
    }
    copy.write(RESULTS, lines.join("\n") + "\n");
    let output = check(&copy);
    let report = text(&output);
    assert!(!output.status.success(), "{report}");
    assert!(
        report.contains("row 12, column J (实际操作成绩): the score 86.50 does not agree with the modules of 实际操作: 工艺准备 88.00×20% + 操作实施 86.00×60% + 质量检测 85.00×20% = 86.20"),
        "{report}"
    );
    assert!(report.contains("1 problem found"), "{report}");

    // A sheet with only some of the module columns cannot give the part's score.
    let copy = support::fixture_copy(FIXTURE);
    let sheet = copy
        .read(RESULTS)
        .lines()
        .map(|l| {
            l.rsplitn(3, ',').nth(2).unwrap().to_string() + "," + l.rsplit(',').next().unwrap()
        })
        .collect::<Vec<_>>()
        .join("\n");
    copy.write(RESULTS, sheet + "\n");
    let output = check(&copy);
    let report = text(&output);
    assert!(!output.status.success(), "{report}");
    assert!(
        report.contains("the header row (row 1): the sheet has a column for the modules 工艺准备成绩、操作实施成绩 of 实操成绩, but none for 质量检测成绩"),
        "{report}"
    );
}

/// The text of a PDF in drawing order (`pdftotext -raw`), white space removed: a cell wrapped over
/// several lines reads as one.
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

#[test]
fn module_scores_are_columns_of_the_pages_the_downloads_and_the_pdf() {
    let copy = support::fixture_copy(FIXTURE);
    let out = build(&copy);
    let welder = page(&out, "results/welder-staff.html");
    let modules = [
        "工艺准备（占实际操作20%）",
        "操作实施（占实际操作60%）",
        "质量检测（占实际操作20%）",
    ];
    let mut expected = vec!["名次", "姓名", "参赛单位", "理论考试成绩（30%）"];
    expected.extend(modules);
    expected.extend(["实际操作成绩（70%）", "总成绩", "奖项", "备注"]);
    assert_eq!(texts(&welder, "table.results thead th"), expected);
    // 吴刚: 95, modules 92, 90, 88 → 实际操作 90.00, total 91.50.
    let first = first_row_cells(&welder);
    assert_eq!(
        first[2..8],
        ["95.00", "92.00", "90.00", "88.00", "90.00", "91.50"]
    );
    let csv = std::fs::read_to_string(out.join("results/results.csv")).unwrap();
    let header = csv.lines().next().unwrap().trim_start_matches('\u{feff}');
    assert_eq!(
        header,
        "赛项,组别,名次,姓名,参赛单位,理论考试成绩（30%）,工艺准备（占实际操作20%）,操作实施（占实际操作60%）,质量检测（占实际操作20%）,实际操作成绩（70%）,总成绩,奖项,备注"
    );
    assert!(csv.contains(",吴刚,"), "{csv}");
    let pdf = pdf_text(&out.join("results/results.pdf"));
    for heading in modules
        .iter()
        .chain(&["实际操作（70%）", "理论考试（30%）"])
    {
        assert!(pdf.contains(heading), "`{heading}` in results.pdf:\n{pdf}");
    }
    assert!(
        pdf.contains("吴刚") && pdf.contains("92.0090.0088.0090.0091.50"),
        "{pdf}"
    );
}

#[test]
fn unit_awards_name_their_units_on_the_results_index_and_in_the_pdf() {
    let copy = support::fixture_copy(FIXTURE);
    let out = build(&copy);
    let index = page(&out, "results/index.html");
    assert_eq!(texts(&index, "h2#unit-awards ~ h3"), ["优秀组织奖"]);
    assert_eq!(
        texts(&index, "ul.unit-award li"),
        ["济南市人力资源和社会保障局", "青岛市人力资源和社会保障局"]
    );
    let pdf = pdf_text(&out.join("results/results.pdf"));
    assert!(
        pdf.contains("单位奖项优秀组织奖：济南市人力资源和社会保障局、青岛市人力资源和社会保障局"),
        "{pdf}"
    );
    // A track with no results (钳工, 车工) gets no empty table in the PDF; the results page says 无成绩.
    for track in ["钳工", "车工"] {
        assert!(!pdf.contains(track), "`{track}` in results.pdf:\n{pdf}");
    }
    assert!(
        texts(&index, "tbody th")
            .iter()
            .any(|t| t.starts_with("钳工"))
    );
    // Without results no unit award is published, and the plan still states the award in advance.
    let copy = support::fixture_copy(FIXTURE);
    std::fs::remove_file(copy.path().join(RESULTS)).unwrap();
    let out = build(&copy);
    assert!(!out.join("results/index.html").exists());
}

#[test]
fn unit_awards_that_do_not_fit_the_scheme_are_located_errors() {
    let copy = support::fixture_copy(FIXTURE);
    copy.replace(
        CONTEST,
        "  unit_awards:\n    - award: 优秀组织奖\n      units: [济南市人力资源和社会保障局, 青岛市人力资源和社会保障局]\n",
        "  unit_awards:\n    - award: 优秀组织奖\n      units: [济南市人力资源和社会保障局, 济南市人力资源和社会保障局, 青岛市 13812345678]\n    - award: 最佳组织奖\n      units: [烟台市人力资源和社会保障局]\n",
    );
    let output = check(&copy);
    let report = text(&output);
    assert!(!output.status.success(), "{report}");
    let yaml = copy.read(CONTEST);
    let line_of = |needle: &str| yaml.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let units = line_of("units: [济南市人力资源和社会保障局, 济南市");
    // The second 济南市…, in characters.
    let twice = "      units: [济南市人力资源和社会保障局, ".chars().count() + 1;
    let unknown = line_of("award: 最佳组织奖");
    for expected in [
        format!(
            "content/contest.yaml:{units}:{twice}: `济南市人力资源和社会保障局` is named twice for `优秀组织奖`"
        ),
        format!(
            "content/contest.yaml:{unknown}:14: `最佳组织奖` is not an award to units of this contest"
        ),
        "help: write the name of one of the awards under `awards.unit_awards`: 优秀组织奖"
            .to_string(),
    ] {
        assert!(report.contains(&expected), "`{expected}` in:\n{report}");
    }
    // The phone number is refused where it stands, and never repeated.
    assert!(
        report.contains(&format!("content/contest.yaml:{units}:")),
        "{report}"
    );
    let phone = report
        .lines()
        .find(|l| l.contains("the unit holds what looks like a mobile phone number (手机号)"))
        .unwrap_or_else(|| panic!("{report}"));
    assert!(
        phone.contains(&format!("content/contest.yaml:{units}:")) && !phone.contains("13812345678"),
        "{phone}"
    );

    // More units than the award's count.
    let copy = support::fixture_copy(FIXTURE);
    copy.replace(CONTEST, "      count: 10\n", "      count: 1\n");
    let output = check(&copy);
    let report = text(&output);
    assert!(!output.status.success(), "{report}");
    assert!(
        report.contains(
            "`优秀组织奖` is given to at most 1 unit (`awards.unit_awards`), but 2 are named"
        ),
        "{report}"
    );
}

#[test]
fn a_sheet_column_that_names_no_module_is_an_error_at_its_cell() {
    let copy = support::fixture_copy(FIXTURE);
    let sheet = copy.read(RESULTS);
    let mut lines: Vec<String> = sheet.lines().map(str::to_string).collect();
    lines[0].push_str(",模块四成绩");
    for line in lines.iter_mut().skip(1) {
        line.push_str(",80");
    }
    copy.write(RESULTS, lines.join("\n") + "\n");
    let output = check(&copy);
    let report = text(&output);
    assert!(!output.status.success(), "{report}");
    assert!(
        report.contains("row 1, column J (`模块四成绩`) reads like the score of a module, but names no module of the contest"),
        "{report}"
    );
    assert!(
        report.contains(
            "help: name the column after a module of `scoring.parts` (工艺准备, 操作实施, 质量检测)"
        ),
        "{report}"
    );
    assert!(report.contains("1 problem found"), "{report}");
}

#[test]
fn the_results_problems_are_in_chinese_by_default() {
    let copy = support::fixture_copy(FIXTURE);
    let sheet = copy.read(RESULTS);
    let mut lines: Vec<String> = sheet.lines().map(str::to_string).collect();
    lines[0].push_str(",模块四成绩");
    for line in lines.iter_mut().skip(1) {
        line.push_str(",80");
    }
    copy.write(RESULTS, lines.join("\n") + "\n");
    let chinese_check = |copy: &support::ContestCopy| {
        let output = support::jingsai("check")
            .env_remove("JINGSAI_LANG")
            .arg(copy.path())
            .output()
            .expect("jingsai runs");
        assert!(!output.status.success());
        text(&output)
    };
    let report = chinese_check(&copy);
    let expected = "第 1 行 J 列（`模块四成绩`）看起来是某个模块的成绩，但本次竞赛没有这个模块";
    assert!(report.contains(expected), "`{expected}` in:\n{report}");
    // A header problem stops the reading; a cell's problem is found once the header is right.
    let copy = support::fixture_copy(FIXTURE);
    let sheet = copy.read(RESULTS).replacen(",92,", ",九十二,", 1);
    copy.write(RESULTS, sheet);
    let report = chinese_check(&copy);
    let expected = "第 2 行 E 列（理论成绩）：`九十二` 不是数字";
    assert!(report.contains(expected), "`{expected}` in:\n{report}");
    let copy = support::fixture_copy(FIXTURE);
    copy.replace(
        CONTEST,
        "    - award: 优秀组织奖\n",
        "    - award: 最佳组织奖\n",
    );
    let report = chinese_check(&copy);
    for expected in [
        "`最佳组织奖` 不是本次竞赛设置的单位奖项",
        "请写 `awards.unit_awards` 中某个奖项的名称：优秀组织奖",
    ] {
        assert!(report.contains(expected), "`{expected}` in:\n{report}");
    }
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
