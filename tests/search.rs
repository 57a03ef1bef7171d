//! The site search as built: the search page (a form, a note for browsers without JavaScript that links to
//! the lists, the two scripts), a link to it on every page, and `search-index.js`, read back and decoded
//! here as `search.js` decodes it: the notices, the plan and the track pages, nothing else, the text of
//! each page as a reader sees it, escaped nowhere and shown as text by the browser (see `tests/e2e`).

mod support;

use scraper::{Html, Selector};
use serde_json::Value;
use std::path::Path;
use support::built::{build, page, text};
use support::{contest_copy, fixture_copy};

/// The code's characters (`src/search/code.rs`).
const ALPHABET: &str =
    " !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~";

/// One page of the index, decoded.
#[derive(Debug)]
struct Indexed {
    path: String,
    kind: String,
    title: String,
    text: String,
}

/// Reads `search-index.js` of a built site: the script's one assignment, its JSON, every page decoded.
fn read_index(out: &Path) -> Vec<Indexed> {
    let script = std::fs::read_to_string(out.join("search-index.js")).expect("search-index.js");
    let json = script
        .strip_prefix("window.JINGSAI_SEARCH_INDEX = ")
        .and_then(|s| s.strip_suffix(";\n"))
        .expect("one assignment");
    let index: Value = serde_json::from_str(json).expect("JSON");
    assert_eq!(index["version"], 1);
    let chars: Vec<char> = index["chars"].as_str().unwrap().chars().collect();
    let stoppers = index["stoppers"].as_u64().unwrap() as usize;
    let decode = |code: &Value| -> String {
        let continuers = ALPHABET.len() - stoppers;
        let (mut value, mut base, mut span) = (0, 0, stoppers);
        let mut out = String::new();
        for c in code.as_str().unwrap().chars() {
            let digit = ALPHABET.find(c).expect("only the alphabet");
            if digit >= stoppers {
                value = value * continuers + digit - stoppers;
                base += span;
                span *= continuers;
            } else {
                out.push(chars[value * stoppers + digit + base]);
                (value, base, span) = (0, 0, stoppers);
            }
        }
        out
    };
    index["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| Indexed {
            path: p[0].as_str().unwrap().to_string(),
            kind: index["kinds"][p[1].as_u64().unwrap() as usize]
                .as_str()
                .unwrap()
                .to_string(),
            title: decode(&p[2]),
            text: decode(&p[3]),
        })
        .collect()
}

fn select<'a>(html: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap()).collect()
}

fn text_of(element: &scraper::ElementRef<'_>) -> String {
    element
        .text()
        .collect::<String>()
        .split_whitespace()
        .collect()
}

/// The seed, built beside its copy: the copy (keep it alive), the output folder, what the build said.
fn built_seed() -> (support::ContestCopy, std::path::PathBuf, String) {
    let copy = contest_copy();
    let out = copy.beside("output");
    let output = support::jingsai("build")
        .arg(copy.path())
        .arg("--output")
        .arg(&out)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output));
    (copy, out, text(&output))
}

#[test]
fn the_seed_gets_an_index_of_its_notices_plan_and_tracks() {
    let (_copy, out, said) = built_seed();

    // The build says how big the index is against the HTML it covers, within the budget of 30%.
    let line = said
        .lines()
        .find(|l| l.starts_with("search index `search-index.js`: "))
        .unwrap_or_else(|| panic!("no index size in the summary:\n{said}"));
    let bytes = std::fs::metadata(out.join("search-index.js"))
        .unwrap()
        .len();
    assert!(line.contains(&format!(": {bytes} bytes, ")), "{line}");
    let percent: f64 = line
        .split(" bytes, ")
        .nth(1)
        .and_then(|s| s.split('%').next())
        .and_then(|s| s.parse().ok())
        .unwrap();
    assert!(percent > 5.0 && percent < 30.0, "{line}");
    assert!(line.ends_with("of the 6 pages it covers"), "{line}");

    let pages = read_index(&out);
    let paths: Vec<&str> = pages.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "plan.html",
            "tracks/index.html",
            "tracks/ai-trainer.html",
            "tracks/genai-operator.html",
            "tracks/service-robot.html",
            "notices/2025-10-16-plan-issued.html",
        ]
    );
    let notice = &pages[5];
    assert_eq!(notice.kind, "通知公告");
    assert_eq!(
        notice.title,
        "市人社局印发第四届全国人工智能应用技术技能大赛天津选拔赛方案"
    );
    // The body as a reader sees it: lines joined without spaces, bold and links as plain text.
    assert!(
        notice.text.contains("选拔赛设人工智能训练师、服务机器人应用技术员、生成式人工智能系统应用员3个赛项，各赛项设职工（含教师）组和学生组，均为单人赛项。"),
        "{}",
        notice.text
    );
    assert!(
        notice
            .text
            .contains("报名截止时间为2025年10月31日（星期五）。")
    );
    assert!(
        !notice.text.contains("首页") && !notice.text.contains("返回通知公告"),
        "no navigation: {}",
        notice.text
    );
    let robot = pages
        .iter()
        .find(|p| p.path == "tracks/service-robot.html")
        .unwrap();
    assert_eq!(robot.kind, "赛项设置");
    assert_eq!(robot.title, "服务机器人应用技术员赛项");
    assert!(
        robot
            .text
            .contains("服务机器人应用技术员赛项依据服务机器人应用技术员S真实工作流程")
    );
    let plan = &pages[0];
    assert_eq!(plan.kind, "竞赛方案");
    assert!(plan.text.contains("理论考试成绩占20%、实操比赛成绩占80%。"));
}

#[test]
fn the_seed_gets_a_search_page_linked_from_every_page() {
    let (_copy, out, _) = built_seed();
    // The search page: a labelled search form, the note for browsers without JavaScript linking to the
    // lists, the index before the script.
    let search = page(&out, "search.html");
    assert_eq!(
        select(&search, "h1")
            .iter()
            .map(text_of)
            .collect::<Vec<_>>(),
        ["站内搜索"]
    );
    let form = select(&search, "form[role=search]");
    assert_eq!(form.len(), 1);
    assert_eq!(form[0].value().attr("action"), Some("search.html"));
    let input = select(&search, "form input[type=search][name=q]#search-q");
    assert_eq!(input.len(), 1);
    assert_eq!(select(&search, "label[for=search-q]").len(), 1);
    let note = select(&search, "#search-needs-js");
    assert!(text_of(&note[0]).contains("站内搜索需要浏览器启用JavaScript"));
    let links: Vec<&str> = select(&search, "#search-needs-js a")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(
        links,
        ["notices/index.html", "plan.html", "tracks/index.html"]
    );
    let scripts: Vec<&str> = select(&search, "script")
        .iter()
        .filter_map(|s| s.value().attr("src"))
        .collect();
    assert_eq!(scripts, ["search-index.js", "search.js"]);
    assert!(out.join("search.js").is_file());
    assert_eq!(
        select(&search, "[role=status][aria-live=polite]#search-status").len(),
        1
    );

    // Every page links to it from the main navigation, by a relative address.
    for (path, href) in [
        ("index.html", "search.html"),
        ("tracks/ai-trainer.html", "../search.html"),
        ("notices/2025-10-16-plan-issued.html", "../search.html"),
    ] {
        let html = page(&out, path);
        let found: Vec<String> = select(&html, "nav.main a")
            .iter()
            .filter(|a| a.value().attr("href") == Some(href))
            .map(text_of)
            .collect();
        assert_eq!(found, ["搜索"], "{path}");
    }
}

#[test]
fn markup_in_a_notice_is_indexed_as_the_text_the_page_shows() {
    let copy = contest_copy();
    copy.write(
        "content/notices/2025-11-01-hostile.md",
        "---\ntitle: \"<img src=x onerror=alert(1)>通知 & </script>\"\ndate: 2025-11-01\nsource: 办公室\n---\n\n正文<script>alert(2)</script>与 `代码` 和 &amp; 符号。\n",
    );
    let out = build(&copy);
    let pages = read_index(&out);
    let hostile = pages
        .iter()
        .find(|p| p.path == "notices/2025-11-01-hostile.html")
        .expect("indexed");
    assert_eq!(
        hostile.title,
        "<img src=x onerror=alert(1)>通知 & </script>"
    );
    assert_eq!(
        hostile.text,
        "发布时间：2025-11-01\n来源：办公室\n正文<script>alert(2)</script>与 代码 和 & 符号。"
    );
    // The newest notice comes first among the notices.
    let first_notice = pages.iter().position(|p| p.kind == "通知公告").unwrap();
    assert_eq!(pages[first_notice].path, "notices/2025-11-01-hostile.html");
    // The script holds no markup a browser could take for a tag end: the texts are coded.
    let script = std::fs::read_to_string(out.join("search-index.js")).unwrap();
    assert!(!script.contains("<script") && !script.contains("</script"));
}

#[test]
fn a_contest_of_twenty_tracks_indexes_every_track_page() {
    let copy = fixture_copy("many-tracks");
    let out = build(&copy);
    let pages = read_index(&out);
    let tracks: Vec<&Indexed> = pages
        .iter()
        .filter(|p| p.path.starts_with("tracks/") && p.path != "tracks/index.html")
        .collect();
    assert_eq!(tracks.len(), 20);
    let drone = tracks
        .iter()
        .find(|p| p.path == "tracks/drone.html")
        .unwrap();
    assert_eq!(drone.title, "无人机装调检修工赛项");
    assert!(
        drone
            .text
            .contains("多旋翼无人机组装、调试、飞行测试与故障检修。")
    );
    assert!(
        pages
            .iter()
            .any(|p| p.path == "notices/2026-04-01-plan-issued.html")
    );
}
