//! A team event unlike the first contest (`tests/fixtures/team-event/`: teams of three, two groups,
//! four tracks, limits of birth date, age and work experience for every entrant, a group and three
//! tracks, 2 to 3 teams per unit and track, a 领队 and a 联络员 per unit, individual entry, a score
//! sheet with a 出生日期 column): the pages state who may enter and how many in words made from the
//! data, with no empty heading; the results are built without a birth date and without counting the
//! individual entrants against a quota; a row outside its limits and a unit over its maximum are
//! located errors; and a contest without a quota says nothing of one.

mod support;

use scraper::{ElementRef, Html, Selector};
use std::path::Path;
use std::process::Command;
use support::built::{build, check, page, text};

const FIXTURE: &str = "team-event";
const CONTEST: &str = "content/contest.yaml";
const RESULTS: &str = "content/results.csv";

/// The texts of the elements `css` selects, white space trimmed.
fn texts(html: &Html, css: &str) -> Vec<String> {
    let selector = Selector::parse(css).unwrap();
    html.select(&selector)
        .map(|e| e.text().collect::<String>().trim().to_string())
        .collect()
}

/// Every heading of the article has something under it: its next element is not a heading of the same
/// or a higher level, and holds text.
fn assert_no_empty_heading(html: &Html, path: &str) {
    let headings = Selector::parse("article h2, article h3").unwrap();
    for heading in html.select(&headings) {
        let level = heading.value().name();
        let next = heading.next_siblings().find_map(ElementRef::wrap);
        let title = heading.text().collect::<String>();
        let Some(next) = next else {
            panic!("{path}: nothing under the heading {title}");
        };
        let name = next.value().name();
        let is_heading = matches!(name, "h1" | "h2") || (name == "h3" && level == "h3");
        assert!(
            !is_heading && !next.text().collect::<String>().trim().is_empty(),
            "{path}: nothing under the heading {title}"
        );
    }
}

#[test]
fn the_team_event_checks_without_a_warning() {
    let copy = support::fixture_copy(FIXTURE);
    let output = check(&copy);
    let report = text(&output);
    assert!(output.status.success(), "{report}");
    assert!(!report.contains("warning"), "{report}");
    assert!(report.contains("4 tracks, 2 groups,"), "{report}");
    // 杭州职业技术学院 sent one team to 云计算工程技术人员, fewer than the minimum of 2 per unit and
    // track: people drop out, so it is not an error in results.
    let sheet = copy.read(RESULTS);
    let cloud_teams_of_the_college = sheet
        .lines()
        .filter(|l| l.contains(",杭州职业技术学院,云计算工程技术人员,"))
        .count();
    assert_eq!(cloud_teams_of_the_college, 1);
}

#[test]
fn the_eligibility_page_states_the_limits_the_quota_range_and_the_roles() {
    let copy = support::fixture_copy(FIXTURE);
    let out = build(&copy);
    let html = page(&out, "eligibility.html");
    assert_eq!(
        texts(&html, "section[aria-labelledby=all-entrants] p"),
        ["年龄在16周岁（含）以上（以2026年9月1日计算）。"]
    );
    assert_eq!(
        texts(&html, "section[aria-labelledby=group-youth] p"),
        [
            "本市各类院校在籍学生和企业青年职工。",
            "2000年9月1日（含）以后出生，云计算工程技术人员赛项不限。"
        ]
    );
    assert_eq!(
        texts(&html, "section[aria-labelledby=group-open] p"),
        ["本市各类企业、事业单位在职职工。"]
    );
    assert_eq!(
        texts(&html, "section[aria-labelledby=track-conditions] h3"),
        [
            "网络安全管理员赛项",
            "云计算工程技术人员赛项",
            "无人机驾驶员赛项"
        ]
    );
    assert_eq!(
        texts(&html, "section[aria-labelledby=track-conditions] p"),
        [
            "年龄在18至35周岁之间（以2026年9月1日计算）。",
            "1986年1月1日（含）以后出生。",
            "持有中国民用航空局颁发的无人机驾驶员执照的在职人员。",
            "具有2年（含）以上相关工作经历。"
        ]
    );
    // No coaches: the heading says 名额 alone.
    assert_eq!(texts(&html, "h2#quota"), ["名额"]);
    assert_eq!(
        texts(&html, "section[aria-labelledby=quota] li"),
        [
            "每个参赛单位每个赛项可选派2至3支参赛队参加比赛。",
            "每个参赛单位须配备领队1名，可配备联络员1名。",
            "接受个人报名：不经单位选派的选手可以个人名义报名参赛，不占参赛单位名额。个人报名者须自行组队，每队3人。",
            "均为团体赛项，每队3人。"
        ]
    );
    // No barred honours or qualifications: no 不得参赛的人员, no 不享受竞赛奖励.
    let all = html.root_element().text().collect::<String>();
    assert!(!all.contains("不得参赛的人员"), "{all}");
    assert!(!all.contains("不享受竞赛奖励"), "{all}");
    assert_no_empty_heading(&html, "eligibility.html");

    let registration = page(&out, "registration.html");
    let paragraphs = texts(&registration, "article p");
    for sentence in [
        "每个参赛单位每个赛项可选派2至3支参赛队参加比赛。",
        "每个参赛单位须配备领队1名，可配备联络员1名。",
    ] {
        assert!(paragraphs.iter().any(|p| p == sentence), "{paragraphs:?}");
    }
    assert!(
        paragraphs.iter().any(|p| p.starts_with("接受个人报名")),
        "{paragraphs:?}"
    );
}

#[test]
fn each_track_page_states_the_limits_of_its_entrants() {
    let copy = support::fixture_copy(FIXTURE);
    let out = build(&copy);
    let limits = |track: &str| {
        texts(
            &page(&out, &format!("tracks/{track}.html")),
            "article ul li",
        )
    };
    let network = limits("network-security");
    for line in [
        "年龄在16周岁（含）以上（以2026年9月1日计算）。",
        "青年组：2000年9月1日（含）以后出生。",
        "年龄在18至35周岁之间（以2026年9月1日计算）。",
    ] {
        assert!(network.iter().any(|l| l == line), "{network:?}");
    }
    // The youth group's limit does not apply to 云计算 (云计算工程技术人员赛项不限).
    let cloud = limits("cloud");
    assert!(
        cloud.iter().any(|l| l == "1986年1月1日（含）以后出生。"),
        "{cloud:?}"
    );
    assert!(
        !cloud.iter().any(|l| l.contains("2000年9月1日")),
        "{cloud:?}"
    );
    let drone = page(&out, "tracks/drone.html");
    assert!(
        texts(&drone, "article p")
            .iter()
            .any(|p| p == "持有中国民用航空局颁发的无人机驾驶员执照的在职人员。")
    );
    assert!(
        texts(&drone, "article li")
            .iter()
            .any(|l| l == "具有2年（含）以上相关工作经历。")
    );
    for track in ["network-security", "cloud", "data-labelling", "drone"] {
        let path = format!("tracks/{track}.html");
        let html = page(&out, &path);
        assert_eq!(
            texts(&html, "article h2")
                .iter()
                .filter(|h| *h == "参赛条件")
                .count(),
            1,
            "{path}"
        );
    }
}

/// The text of every file of a built site (PDFs through pdftotext).
fn site_texts(out: &Path) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut stack = vec![out.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let name = path.display().to_string();
            let text = match path.extension().and_then(|e| e.to_str()) {
                Some("pdf") => {
                    let output = Command::new("pdftotext")
                        .arg(&path)
                        .arg("-")
                        .output()
                        .expect("`pdftotext` is needed (tests/run.sh installs it)");
                    String::from_utf8_lossy(&output.stdout).into_owned()
                }
                Some("xlsx" | "zip") => continue,
                _ => String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned(),
            };
            found.push((name, text));
        }
    }
    found
}

#[test]
fn the_results_are_built_without_birth_dates_and_individuals_count_against_no_quota() {
    let copy = support::fixture_copy(FIXTURE);
    let out = build(&copy);
    // Four teams entered individually in 网络安全管理员 (more than the 3 a unit may send): all ranked.
    let youth = page(&out, "results/network-security-youth.html");
    let units = texts(&youth, "tbody tr td");
    assert_eq!(
        units.iter().filter(|u| *u == "个人").count(),
        4,
        "{units:?}"
    );
    let names = texts(&youth, "tbody tr");
    assert!(
        names.iter().any(|r| r.contains("杨六、朱七、秦八")),
        "{names:?}"
    );
    // A team's members may wrap in the name column (the style sheet keys on `team`).
    assert_eq!(
        texts(&youth, "table.results.entries.team caption").len(),
        1,
        "the results table is marked as a team event's"
    );
    // The results CSV has no birth date column, and no file of the site holds a birth date.
    let csv = std::fs::read_to_string(out.join("results/results.csv")).unwrap();
    assert!(!csv.contains("出生"), "{csv}");
    let sheet = copy.read(RESULTS);
    let births: Vec<String> = sheet
        .lines()
        .skip(1)
        .flat_map(|l| l.split(',').nth(4).unwrap().split('、'))
        .map(str::to_string)
        .collect();
    assert_eq!(births.len(), 48);
    // The dates the limits name (2000-09-01, 1986-01-01) are on the pages as limits; the boundary
    // contestants born on them are not looked for.
    let definition = copy.read(CONTEST);
    let births: Vec<String> = births
        .into_iter()
        .filter(|b| !definition.contains(b.as_str()))
        .collect();
    assert_eq!(births.len(), 46);
    for (file, text) in site_texts(&out) {
        for birth in &births {
            let (y, m, d) = (&birth[..4], &birth[5..7], &birth[8..]);
            let chinese = format!(
                "{y}年{}月{}日",
                m.trim_start_matches('0'),
                d.trim_start_matches('0')
            );
            assert!(
                !text.contains(birth.as_str()) && !text.contains(&chinese),
                "{file} holds the birth date {birth}"
            );
        }
    }
}

#[test]
fn a_row_born_outside_its_limits_is_a_located_error() {
    let copy = support::fixture_copy(FIXTURE);
    // One day too early for the youth group (born on or after 2000-09-01).
    copy.replace(RESULTS, "2000-09-01、2001-01-01", "2000-08-31、2001-01-01");
    let output = check(&copy);
    let report = text(&output);
    assert!(!output.status.success(), "{report}");
    assert!(
        report.contains("content/results.csv: row 4, column E (出生日期): member 1: born on 2000-08-31, but 网络安全管理员 青年组 is for those born on or after 2000-09-01 (`limits` of the group `youth`)"),
        "{report}"
    );
    assert!(report.contains("1 problem found"), "{report}");
}

#[test]
fn an_age_limit_is_checked_against_the_id_numbers_without_repeating_them() {
    let copy = support::fixture_copy(FIXTURE);
    // The birth dates as ID numbers instead; the third member of row 2 is 36 on 2026-09-01.
    let ids = "330102200305011234、33010220040211123X、330102199008311234";
    copy.write(
        RESULTS,
        format!("参赛选手,参赛单位,赛项,组别,身份证号,方案设计成绩,现场实操成绩\n赵一、钱二、孙三,杭州职业技术学院,网络安全管理员,公开组,{ids},88,90\n"),
    );
    let output = check(&copy);
    let report = text(&output);
    assert!(!output.status.success(), "{report}");
    assert!(
        report.contains("content/results.csv: row 2, column E (身份证号): member 3: the ID number (身份证号) gives the birth date 1990-08-31, but 网络安全管理员 公开组 is for those at most 35 years old on 2026-09-01 (this contestant was 36) (`limits` of the track `network-security`)"),
        "{report}"
    );
    for id in ids.split('、') {
        assert!(!report.contains(id), "{report}");
    }
}

#[test]
fn a_unit_over_the_maximum_is_an_error_and_individuals_count_once_not_declared() {
    let copy = support::fixture_copy(FIXTURE);
    // 浙江某网络公司 already sends 3 teams to 网络安全管理员; a fourth is one too many.
    copy.replace(
        RESULTS,
        "李四、周五、吴六,杭州职业技术学院,",
        "李四、周五、吴六,浙江某网络公司,",
    );
    let output = check(&copy);
    let report = text(&output);
    assert!(!output.status.success(), "{report}");
    assert!(
        report.contains("content/results.csv: row 6, column B (参赛单位): 浙江某网络公司 has 4 teams in 网络安全管理员 (rows 3, 4, 5, 6); the quota is 3 per unit (rules.quota)"),
        "{report}"
    );
    assert!(report.contains("1 problem found"), "{report}");

    // Without `individual_entry`, 个人 is a unit like any other, over its quota, and the help says how
    // to declare individual entrants.
    let copy = support::fixture_copy(FIXTURE);
    copy.replace(
        CONTEST,
        "  individual_entry:\n    listed_as: 个人\n    note: 个人报名者须自行组队，每队3人。\n",
        "",
    );
    let output = check(&copy);
    let report = text(&output);
    assert!(!output.status.success(), "{report}");
    assert!(
        report.contains("个人 has 4 teams in 网络安全管理员 (rows 7, 8, 9, 10)"),
        "{report}"
    );
    assert!(
        report.contains("`rules.individual_entry` with `listed_as: 个人`"),
        "{report}"
    );
}

#[test]
fn a_contest_without_a_quota_builds_and_says_nothing_of_one() {
    let copy = support::fixture_copy(FIXTURE);
    copy.replace(
        CONTEST,
        "  quota:\n    per_unit: 3\n    min_per_unit: 2\n    scope: track\n",
        "",
    );
    // Without a quota the plan need not mention one, and 4 teams of one unit in a track are fine.
    copy.replace(
        RESULTS,
        "李四、周五、吴六,杭州职业技术学院,",
        "李四、周五、吴六,浙江某网络公司,",
    );
    let out = build(&copy);
    for path in ["eligibility.html", "registration.html"] {
        let html = std::fs::read_to_string(out.join(path)).unwrap();
        assert!(
            !html.contains("支参赛队参加比赛"),
            "{path} speaks of a quota"
        );
        assert!(html.contains("每个参赛单位须配备领队1名"), "{path}");
    }
    // The roles remain, so the heading is still 名额.
    assert_eq!(texts(&page(&out, "eligibility.html"), "h2#quota"), ["名额"]);

    // With no `rules:` at all: no quota, roles or limits anywhere, and no empty heading.
    let copy = support::fixture_copy(FIXTURE);
    let yaml = copy.read(CONTEST);
    let start = yaml.find("\nrules:\n").unwrap() + 1;
    let end = start + yaml[start..].find("\n\n").unwrap() + 2;
    copy.write(CONTEST, format!("{}{}", &yaml[..start], &yaml[end..]));
    let out = build(&copy);
    let html = page(&out, "eligibility.html");
    assert_eq!(texts(&html, "h2#quota"), ["参赛形式"]);
    assert_eq!(
        texts(&html, "section[aria-labelledby=quota] li"),
        ["均为团体赛项，每队3人。"]
    );
    assert_no_empty_heading(&html, "eligibility.html");
    let all = std::fs::read_to_string(out.join("eligibility.html")).unwrap()
        + &std::fs::read_to_string(out.join("registration.html")).unwrap();
    for word in ["支参赛队参加比赛", "领队", "个人报名", "16周岁"] {
        assert!(!all.contains(word), "{word}");
    }
}
