//! Hostile Markdown in a notice, through the real binary: a copy of the seed contest gets a notice made of
//! attacks (heading attributes, script-capable link schemes in every spelling, raw SVG and HTML, quotes in
//! titles and footnote labels) and an ordinary one; `jingsai build` must publish both, and neither the
//! notice pages nor the entries of `feed.xml` may carry an `on*` attribute, a `javascript:`, `vbscript:`
//! or `data:` address, or a script, SVG, MathML, frame, style, object or form element. The property is the
//! one the fuzz target `markdown` checks (`fuzz/html_safety.rs`).

mod support;

#[path = "../fuzz/html_safety.rs"]
mod html_safety;

use scraper::{Html, Selector};
use std::path::Path;

/// The notice made of attacks. Each line is one case; the ordinary text between them must survive.
const HOSTILE: &str = r#"---
title: 恶意通知
date: 2025-10-21
source: 测试
---

## 报名 {tabindex=0 autofocus onfocus=alert(1)}

## 名单 {#x .y onclick=z}

## 时间 {上午}

[实体](&#106;avascript:alert(1)) [十六进制](&#x6A;&#x61;vascript&#x3A;alert(2))
[大小写](JaVaScRiPt:alert(3)) [制表符](java&#9;script:alert(4)) [换行](java&#10;script:alert(5))
[空白]( javascript:alert(6)) [控制符](&#1;javascript:alert(7)) [VB](vbscript:msgbox(8))
[数据](data:text/html;base64,PHNjcmlwdD5hbGVydCg5KTwvc2NyaXB0Pg==)

[引用][r] [引用二][r2] [引用三][r3]

[r]: javascript:alert(10)
[r2]: VBScript:msgbox(11)
[r3]: &#100;ata:text/html,x

自动链接 <javascript:alert(12)> <vbscript:msgbox(13)> <data:text/html;base64,PHNjcmlwdD4=>

![图一](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMTQpPjwvc3ZnPg==)
![图二](javascript:alert(15))

<svg onload=alert(16)><circle r=1 /></svg>

行内 <svg onload=alert(17)></svg> 与 <a href=javascript:alert(18)>链接</a>

<math><mi xlink:href="javascript:alert(19)">x</mi></math>
<iframe src="javascript:alert(20)"></iframe><object data="data:text/html,x"></object>
<style>body{display:none}</style><form action="javascript:alert(21)"><button formaction="javascript:alert(22)">提交</button></form>

[标题](https://example.com/ "a\" onmouseover=\"alert(23)") [单引号](https://example.com/ 'x" onclick="alert(24)')

脚注[^a" onclick="alert(25)]与[^<svg onload=alert(26)>]。

[^a" onclick="alert(25)]: 注一
[^<svg onload=alert(26)>]: 注二
"#;

/// An ordinary notice: what the sanitiser must keep.
const ORDINARY: &str = r#"---
title: 关于报名要求的通知
date: 2025-10-22
source: 技术专家组
---

## 报名要求

| 赛项 | 名额 |
|:-:|--:|
| 人工智能训练师 | 2 |

详见[报名](../registration.html)，或发送邮件至[邮箱](mailto:ai@example.cn)。[^1]

[^1]: 以报名表为准。
"#;

struct Built {
    _dir: support::ContestCopy,
    out: std::path::PathBuf,
}

impl Built {
    fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    /// The article of a notice page.
    fn article(&self, slug: &str) -> Html {
        Html::parse_document(&self.read(&format!("notices/{slug}.html")))
    }

    /// The HTML of each feed entry: the text of `<content type="html">`, unescaped by the HTML parser.
    fn feed_entries(&self) -> Vec<String> {
        let feed = self.read("feed.xml");
        let doc = Html::parse_document(&feed);
        let content = Selector::parse("content").unwrap();
        doc.select(&content).map(|c| c.text().collect()).collect()
    }
}

fn build() -> Built {
    let dir = support::contest_copy();
    let notices = dir.path().join("content/notices");
    std::fs::write(notices.join("2025-10-21-hostile.md"), HOSTILE).unwrap();
    std::fs::write(notices.join("2025-10-22-ordinary.md"), ORDINARY).unwrap();
    let out = dir.path().join("out");
    let status = support::jingsai("build")
        .arg(dir.path())
        .arg("--output")
        .arg(&out)
        .status()
        .expect("jingsai runs");
    assert!(status.success(), "jingsai build failed");
    Built { _dir: dir, out }
}

fn built() -> &'static Built {
    static BUILT: std::sync::OnceLock<Built> = std::sync::OnceLock::new();
    BUILT.get_or_init(build)
}

fn assert_safe(what: &str, html: &str) {
    let problems = html_safety::problems(html);
    assert!(problems.is_empty(), "{what}: {problems:#?}\n{html}");
}

#[test]
fn the_hostile_notice_page_runs_nothing() {
    let built = built();
    let page = built.read("notices/2025-10-21-hostile.html");
    let doc = Html::parse_document(&page);
    let article = doc
        .select(&Selector::parse("article").unwrap())
        .next()
        .expect("the notice's article");
    assert_safe(
        "the article of notices/2025-10-21-hostile.html",
        &article.inner_html(),
    );
    // The whole page: no attribute of any element, the template's included.
    let problems = html_safety::page_problems(&page);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_feed_entries_run_nothing() {
    let entries = built().feed_entries();
    assert!(entries.len() >= 3, "{entries:?}");
    let hostile = entries
        .iter()
        .find(|e| e.contains("实体"))
        .expect("the hostile notice is in the feed");
    assert!(hostile.contains("<h2"), "the entry is HTML: {hostile}");
    for entry in &entries {
        assert_safe("feed.xml", entry);
    }
}

#[test]
fn heading_attributes_stay_text() {
    let built = built();
    let pages = [
        built.article("2025-10-21-hostile"),
        Html::parse_fragment(
            built
                .feed_entries()
                .iter()
                .find(|e| e.contains("实体"))
                .expect("the hostile entry"),
        ),
    ];
    for (doc, selector) in pages.iter().zip(["article h2", "h2"]) {
        let h2 = Selector::parse(selector).unwrap();
        let headings: Vec<_> = doc.select(&h2).collect();
        let texts: Vec<String> = headings.iter().map(|h| h.text().collect()).collect();
        for expected in [
            "报名 {tabindex=0 autofocus onfocus=alert(1)}",
            "名单 {#x .y onclick=z}",
            "时间 {上午}",
        ] {
            assert!(texts.iter().any(|t| t == expected), "{expected}: {texts:?}");
        }
        for heading in headings {
            let names: Vec<&str> = heading.value().attrs().map(|(n, _)| n).collect();
            assert!(names == ["id"] || names.is_empty(), "{:?}", heading.value());
        }
    }
}

#[test]
fn every_hostile_line_keeps_its_text() {
    let page = built().article("2025-10-21-hostile");
    let text: String = page.root_element().text().collect();
    for words in [
        "实体",
        "十六进制",
        "大小写",
        "制表符",
        "换行",
        "空白",
        "控制符",
        "VB",
        "数据",
        "引用",
        "引用二",
        "引用三",
        "图一",
        "图二",
        "链接",
        "提交",
        "标题",
        "单引号",
        "注一",
        "注二",
    ] {
        assert!(text.contains(words), "`{words}` is missing");
    }
    // Raw HTML is shown as text.
    assert!(text.contains("<svg onload=alert(16)>"), "{text}");
}

#[test]
fn ordinary_notices_still_render() {
    let built = built();
    let page = built.article("2025-10-22-ordinary");
    let entry = built
        .feed_entries()
        .into_iter()
        .find(|e| e.contains("人工智能训练师"))
        .expect("the ordinary notice is in the feed");
    let entry = Html::parse_fragment(&entry);
    for (what, doc) in [("page", &page), ("feed", &entry)] {
        for (selector, text) in [
            ("h2[id='报名要求']", "报名要求"),
            ("table thead th[style='text-align: center']", "赛项"),
            ("table tbody td[style='text-align: right']", "2"),
            ("a[href='../registration.html']", "报名"),
            ("a[href='mailto:ai@example.cn']", "邮箱"),
            ("sup.footnote-reference a[href='#1']", "1"),
            ("div.footnote-definition[id='1'] p", "以报名表为准。"),
        ] {
            let found: Vec<String> = doc
                .select(&Selector::parse(selector).unwrap())
                .map(|e| e.text().collect())
                .collect();
            assert!(
                found.iter().any(|t| t == text),
                "{what}: `{selector}` with `{text}`: {found:?}"
            );
        }
    }
    // The seed notice is unchanged in substance: its link to the registration page is there.
    let seed = built.read("notices/2025-10-16-plan-issued.html");
    assert!(seed.contains(r#"href="../registration.html""#));
    assert!(Path::new(&built.out.join("feed.xml")).is_file());
}

#[test]
fn the_checker_sees_what_it_must() {
    for bad in [
        r#"<h2 onfocus="x">t</h2>"#,
        r#"<a href="&#106;avascript:x">t</a>"#,
        r#"<a href="  JAVA&#9;SCRIPT:x">t</a>"#,
        r#"<a href="&#1;javascript:x">t</a>"#,
        r#"<a href="vbscript:x">t</a>"#,
        r#"<img src="data:image/png,x">"#,
        r#"<svg><a xlink:href="javascript:x">t</a></svg>"#,
        r#"<iframe></iframe>"#,
        r#"<p style="color: red">t</p>"#,
    ] {
        assert!(!html_safety::problems(bad).is_empty(), "{bad}");
    }
    for good in [
        r#"<a href="../registration.html">t</a>"#,
        r#"<a href="mailto:a@b.cn">t</a>"#,
        r#"<a href="https://example.com/a:b">t</a>"#,
        r##"<a href="#1">t</a>"##,
        r#"<td style="text-align: right">t</td>"#,
    ] {
        assert!(html_safety::problems(good).is_empty(), "{good}");
    }
}
