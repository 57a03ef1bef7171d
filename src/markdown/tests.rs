//! Unit tests of the Markdown stage: soft breaks, headings, links, raw HTML and the sanitiser.

use super::*;

#[test]
fn soft_break_between_chinese_is_removed() {
    let out = render("报名截止时间为\n十月三十一日。");
    assert_eq!(out.html, "<p>报名截止时间为十月三十一日。</p>\n");
}

#[test]
fn soft_break_between_latin_words_stays() {
    let out = render("AI\ncontest");
    assert_eq!(out.html, "<p>AI\ncontest</p>\n");
}

#[test]
fn soft_break_after_bold_chinese_is_removed() {
    let out = render("**报名**\n时间");
    assert_eq!(out.html, "<p><strong>报名</strong>时间</p>\n");
}

#[test]
fn heading_ids_keep_chinese_and_are_unique() {
    let out = render("## 报名 要求\n\n## 报名 要求\n\n### 材料\n");
    assert!(out.html.contains(r#"<h2 id="报名-要求">"#), "{}", out.html);
    assert!(
        out.html.contains(r#"<h2 id="报名-要求-1">"#),
        "{}",
        out.html
    );
    assert!(out.html.contains(r#"<h3 id="材料">"#), "{}", out.html);
}

#[test]
fn notice_headings_never_become_h1_and_stay_out_of_the_summary() {
    let out = render("# 一级\n\n正文。\n\n###### 六级\n");
    assert!(!out.html.contains("<h1"), "{}", out.html);
    assert!(out.html.contains("<h2"), "{}", out.html);
    assert!(out.html.contains("<h6"), "{}", out.html);
    assert_eq!(out.text, "正文。");
}

#[test]
fn raw_html_is_escaped() {
    let out = render("<script>alert(1)</script>\n\n文字<img src=x onerror=alert(1)>");
    assert!(!out.html.contains("<script"), "{}", out.html);
    assert!(!out.html.contains("<img"), "{}", out.html);
    assert!(out.html.contains("&lt;script&gt;"), "{}", out.html);
}

#[test]
fn javascript_links_lose_their_link() {
    for src in [
        "[点击](javascript:alert(1))",
        "[点击](JaVaScRiPt:alert(1))",
        "[点击]( java\tscript:x)",
        "<javascript:alert(1)>",
        "![图](data:text/html;base64,xx)",
        "[点击](&#106;avascript:alert(1))",
        "[点击](&#x6A;AVASCRIPT&#x3a;alert(1))",
        "[点击](java&#9;script:alert(1))",
        "[点击](vbscript:msgbox(1))",
        "[点击][r]\n\n[r]: javascript:alert(1)",
        "<vbscript:msgbox(1)>",
        "![图](javascript:alert(1))",
    ] {
        let out = render(src);
        assert!(!out.html.contains("href="), "{src}: {}", out.html);
        assert!(!out.html.contains("src="), "{src}: {}", out.html);
    }
    assert!(
        render("[报名](../registration.html)")
            .html
            .contains(r#"href="../registration.html""#)
    );
    assert!(
        render("[邮件](mailto:a@b.cn)")
            .html
            .contains("mailto:a@b.cn")
    );
}

#[test]
fn tables_and_footnotes_render() {
    let out = render("| 赛项 | 组别 |\n|---|---|\n| 甲 | 乙 |\n\n文字[^1]\n\n[^1]: 注释");
    assert!(out.html.contains("<table>"));
    assert!(out.html.contains("footnote"));
}

#[test]
fn a_notice_page_puts_each_table_in_its_own_scrolling_region() {
    let out = render(
        "| 赛项 | 组别 |\n|---|---|\n| 甲 | 乙 |\n\n`<table>` 与 &lt;/table&gt;\n\n| 丙 |\n|---|\n| 丁 |",
    );
    let page = scrollable_tables(&out.html);
    assert_eq!(
        opening_tags(&page, "div"),
        [
            r#"<div class="table-scroll" role="region" aria-label="表格1" tabindex="0">"#,
            r#"<div class="table-scroll" role="region" aria-label="表格2" tabindex="0">"#
        ]
    );
    assert_eq!(page.matches("</table></div>").count(), 2, "{page}");
    // Text that reads like a table tag is escaped, so it is left alone.
    assert!(
        page.contains("<code>&lt;table&gt;</code> 与 &lt;/table&gt;"),
        "{page}"
    );
    // Without a table nothing is copied.
    let plain = render("文字");
    assert!(matches!(scrollable_tables(&plain.html), Cow::Borrowed(_)));
}

/// The opening tags of the elements named `name` in `html`.
fn opening_tags<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name}");
    html.match_indices(&open)
        .map(|(at, _)| {
            let end = html[at..].find('>').map_or(html.len(), |e| at + e + 1);
            &html[at..end]
        })
        .collect()
}

#[test]
fn heading_attributes_are_text_not_attributes() {
    let out = render("## 报名 {tabindex=0 autofocus onfocus=alert(1)}\n");
    assert_eq!(
        opening_tags(&out.html, "h2"),
        [r#"<h2 id="报名-tabindex0-autofocus-onfocusalert1">"#],
        "{}",
        out.html
    );
    assert!(
        out.html
            .contains(">报名 {tabindex=0 autofocus onfocus=alert(1)}</h2>"),
        "{}",
        out.html
    );
    let out = render("## 名单 {#x .y onclick=z}\n\n## 时间 {上午}\n");
    assert_eq!(
        opening_tags(&out.html, "h2"),
        [r#"<h2 id="名单-x-y-onclickz">"#, r#"<h2 id="时间-上午">"#],
        "{}",
        out.html
    );
    assert!(out.html.contains("时间 {上午}</h2>"), "{}", out.html);
}

#[test]
fn images_become_links_to_the_picture() {
    let out = render("![报名 *流程* 图](https://example.com/a.png \"流程\")");
    assert_eq!(
        out.html,
        "<p><a href=\"https://example.com/a.png\" title=\"流程\">报名 流程 图</a></p>\n"
    );
    let out = render("![](../a.png)");
    assert_eq!(out.html, "<p><a href=\"../a.png\">../a.png</a></p>\n");
    let out = render("[![图](a.png)](https://example.com/)");
    assert_eq!(out.html, "<p><a href=\"https://example.com/\">图</a></p>\n");
    assert!(!render("![](javascript:alert(1))").html.contains("<a"));
}

#[test]
fn link_titles_and_footnote_labels_stay_inside_their_attribute() {
    let out = render(
        "[t](https://example.com \"a\\\" onmouseover=\\\"alert(1)\")\n\n文[^a\" onclick=\"x]\n\n[^a\" onclick=\"x]: 注\n\n文[^<svg onload=alert(1)>]\n\n[^<svg onload=alert(1)>]: 注\n",
    );
    let parsed = scraper::Html::parse_fragment(&out.html);
    for element in parsed.root_element().descendent_elements() {
        for (name, _) in element.value().attrs() {
            assert!(!name.starts_with("on"), "{name}: {}", out.html);
        }
    }
    assert!(!out.html.contains("<svg"), "{}", out.html);
    assert!(
        out.html
            .contains(r#"title="a&quot; onmouseover=&quot;alert(1)""#),
        "{}",
        out.html
    );
}

#[test]
fn tables_keep_their_alignment() {
    let out = render("| 赛项 | 人数 |\n|:-:|--:|\n| 甲 | 1 |\n");
    assert!(
        out.html
            .contains(r#"<th style="text-align: center">赛项</th>"#),
        "{}",
        out.html
    );
    assert!(
        out.html.contains(r#"<td style="text-align: right">1</td>"#),
        "{}",
        out.html
    );
}

#[test]
fn footnotes_keep_their_links_and_classes() {
    let out = render("文字[^1]\n\n[^1]: 注释");
    assert!(
        out.html
            .contains(r##"<sup class="footnote-reference"><a href="#1">1</a></sup>"##),
        "{}",
        out.html
    );
    assert!(
        out.html
            .contains(r#"<div class="footnote-definition" id="1"><sup class="footnote-definition-label">1</sup>"#),
        "{}",
        out.html
    );
}

#[test]
fn the_sanitiser_keeps_only_its_allow_list() {
    let cases = [
        (
            r#"<h2 id="a" onclick="x" class="y">t</h2>"#,
            r#"<h2 id="a">t</h2>"#,
        ),
        (r#"<h1>t</h1>"#, "t"),
        (r#"<a href="javascript:alert(1)">t</a>"#, "<a>t</a>"),
        (r#"<a href="&#106;avascript:alert(1)">t</a>"#, "<a>t</a>"),
        (r#"<a href=" JaVa&#x09;ScRiPt:alert(1)">t</a>"#, "<a>t</a>"),
        (r#"<a href="vbscript:x">t</a>"#, "<a>t</a>"),
        (r#"<a href="data:text/html,x">t</a>"#, "<a>t</a>"),
        (
            r#"<a href="../registration.html" target="_blank">t</a>"#,
            r#"<a href="../registration.html">t</a>"#,
        ),
        (
            r#"<a href="mailto:a@b.cn">t</a>"#,
            r#"<a href="mailto:a@b.cn">t</a>"#,
        ),
        (r#"<svg onload="alert(1)"><circle/></svg>t"#, "t"),
        (
            r#"<math><mi xlink:href="javascript:alert(1)">x</mi></math>"#,
            "",
        ),
        (r#"<script>alert(1)</script>t"#, "t"),
        (r#"<style>p{}</style>t"#, "t"),
        (r#"<iframe src="javascript:alert(1)"></iframe>t"#, "t"),
        (r#"<object data="x"></object>t"#, "t"),
        (
            r#"<form action="javascript:x"><button formaction="javascript:x">b</button></form>"#,
            "b",
        ),
        (r#"<img src="x" onerror="alert(1)">t"#, "t"),
        (r#"<td style="background: url(javascript:x)">t</td>"#, "t"),
        (
            r#"<table><tbody><tr><td style="text-align: center" onclick="x">t</td></tr></tbody></table>"#,
            r#"<table><tbody><tr><td style="text-align: center">t</td></tr></tbody></table>"#,
        ),
        (
            r#"<table><tbody><tr><td style="color: red">t</td></tr></tbody></table>"#,
            r#"<table><tbody><tr><td>t</td></tr></tbody></table>"#,
        ),
        (
            r#"<sup class="footnote-reference x">1</sup>"#,
            r#"<sup class="footnote-reference">1</sup>"#,
        ),
        (
            r#"<pre><code class="language-js">x</code></pre>"#,
            "<pre><code>x</code></pre>",
        ),
        (r#"<p>a<!-- b -->c</p>"#, "<p>ac</p>"),
    ];
    for (input, expected) in cases {
        assert_eq!(sanitize::clean(input), expected, "{input}");
    }
}
