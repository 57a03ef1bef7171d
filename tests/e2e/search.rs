//! The site search in Chromium, opened from `file://` as a reader opens a copied site (no server: the
//! index is a script, not fetched): the tokenizer and the ranking of `search.js` on their own, then the
//! built seed and the many-tracks contest typed into and searched, a query and a notice full of markup
//! shown as text, and the page without JavaScript.

use super::Browser;
use crate::support::built::build;
use crate::support::{contest_copy, fixture_copy};
use serde_json::{Value, json};
use std::path::Path;

/// The notice of the seed and a phrase only its body has.
const NOTICE: &str = "notices/2025-10-16-plan-issued.html";
const NOTICE_PHRASE: &str = "加盖公章后制扫描件，连同其他材料发送至技术组电子邮箱";

/// `text` with every byte but the unreserved ones percent-encoded, for a query string.
fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn file_url(site: &Path, page: &str) -> String {
    format!("file://{}/{page}", site.display())
}

/// Opens `url` and waits until the page has loaded (its deferred scripts have run).
fn open(browser: &mut Browser, url: &str) {
    browser.call("Page.navigate", json!({ "url": url }));
    browser.wait_for(
        &format!(
            "document.readyState === 'complete' && location.href.startsWith({})",
            json!(url.split('?').next().unwrap())
        ),
        30,
        &format!("open {url}"),
    );
}

/// The results shown: address, title, kind and excerpt of each, and the marked parts of the excerpts.
fn results(browser: &mut Browser) -> Vec<Value> {
    let shown = browser.eval(
        "JSON.stringify([...document.querySelectorAll('#search-results li')].map(li => ({
            href: li.querySelector('a').getAttribute('href'),
            title: li.querySelector('a').textContent,
            kind: li.querySelector('.site-search-kind').textContent,
            excerpt: li.querySelector('p').textContent,
            marks: [...li.querySelectorAll('mark')].map(m => m.textContent) })))",
    );
    serde_json::from_str(shown.as_str().unwrap()).unwrap()
}

/// Searches by typing into the search box (an `input` event per insert, as a keyboard gives), then waits
/// for the status line to report.
fn type_query(browser: &mut Browser, query: &str) {
    browser.eval(
        "(() => { const q = document.getElementById('search-q'); q.value = ''; q.focus();
            document.getElementById('search-status').textContent = ''; })()",
    );
    browser.call("Input.insertText", json!({ "text": query }));
    browser.wait_for(
        "document.getElementById('search-status').textContent !== ''",
        10,
        &format!("results for {query}"),
    );
}

fn hrefs(results: &[Value]) -> Vec<&str> {
    results
        .iter()
        .map(|r| r["href"].as_str().unwrap())
        .collect()
}

#[test]
fn the_tokenizer_and_the_ranking_of_search_js() {
    let copy = contest_copy();
    let site = build(&copy);
    let mut browser = Browser::launch();
    open(&mut browser, &file_url(&site, "search.html"));
    let eval = |browser: &mut Browser, expression: &str| -> Value {
        let out = browser.eval(&format!("JSON.stringify({expression})"));
        serde_json::from_str(out.as_str().unwrap_or("null")).unwrap()
    };
    // Chinese: overlapping pairs, each once; a single character alone; Latin words and digits lower-cased,
    // full-width letters as ASCII; punctuation and spaces separate.
    for (query, tokens) in [
        ("人工智能", json!(["人工", "工智", "智能"])),
        ("喆", json!(["喆"])),
        ("智能智能", json!(["智能", "能智"])),
        ("ＡＩ训练师 AI", json!(["ai", "训练", "练师"])),
        (
            "2025年10月，报名",
            json!(["2025", "年", "10", "月", "报名"]),
        ),
        ("<script>", json!(["script"])),
        ("，。！", json!([])),
    ] {
        assert_eq!(
            eval(
                &mut browser,
                &format!("JingsaiSearch.tokens({})", json!(query))
            ),
            tokens,
            "{query}"
        );
    }
    // Ranking on pages made here: the page with the phrase as written beats one with all its pairs
    // scattered; a title beats a body; a short page beats a long one with the same match; a page with
    // too few of the query's pairs is not listed.
    let ranked = eval(
        &mut browser,
        "(() => {
            const page = (path, title, text) => ({ path, kind: '', title, text,
                normTitle: JingsaiSearch.normalize(title), normText: JingsaiSearch.normalize(text) });
            const pages = [
                page('scattered.html', '其他', '技术组的人员和电子邮箱'),
                page('long.html', '长页', '前文'.repeat(300) + '发送至技术组电子邮箱'),
                page('short.html', '短页', '发送至技术组电子邮箱。'),
                page('title.html', '技术组电子邮箱', '正文'),
                page('none.html', '无关', '完全不同的内容'),
            ];
            return JingsaiSearch.search(pages, '技术组电子邮箱').map(r => r.page.path);
        })()",
    );
    assert_eq!(
        ranked,
        json!(["title.html", "short.html", "long.html", "scattered.html"])
    );
    // The excerpt: around the match, with ellipses where text was cut, the query's parts marked.
    let excerpt = eval(
        &mut browser,
        "JingsaiSearch.excerpt('前'.repeat(100) + '技术组电子邮箱' + '后'.repeat(100), 100, 7, '技术组 邮箱')",
    );
    let text = excerpt["text"].as_str().unwrap();
    assert!(text.starts_with('…') && text.ends_with('…'), "{text}");
    assert!(text.contains(&format!("{}技术组电子邮箱", "前".repeat(24))));
    let marked: Vec<String> = excerpt["marks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let chars: Vec<char> = text.chars().collect();
            chars[m[0].as_u64().unwrap() as usize..m[1].as_u64().unwrap() as usize]
                .iter()
                .collect()
        })
        .collect();
    assert_eq!(marked, ["技术组", "邮箱"]);
}

#[test]
fn searching_the_seed_from_file_finds_the_notice_and_the_tracks() {
    let copy = contest_copy();
    let site = build(&copy);
    let mut browser = Browser::launch();
    open(&mut browser, &file_url(&site, "search.html"));
    assert_eq!(
        browser.eval("document.getElementById('search-needs-js').hidden"),
        json!(true),
        "the note for browsers without JavaScript is hidden once search works"
    );

    // A phrase from the notice body, typed: the notice first, its title and an excerpt with the phrase.
    type_query(&mut browser, NOTICE_PHRASE);
    let found = results(&mut browser);
    assert_eq!(hrefs(&found)[0], NOTICE, "{found:#?}");
    assert_eq!(
        found[0]["title"],
        "市人社局印发第四届全国人工智能应用技术技能大赛天津选拔赛方案"
    );
    assert_eq!(found[0]["kind"], "通知公告");
    assert!(
        found[0]["excerpt"]
            .as_str()
            .unwrap()
            .contains(NOTICE_PHRASE)
    );
    assert_eq!(found[0]["marks"], json!([NOTICE_PHRASE]));
    assert!(
        browser
            .eval("document.getElementById('search-status').textContent")
            .as_str()
            .unwrap()
            .starts_with("找到 ")
    );
    // The result is a working link from file://.
    browser.eval("document.querySelector('#search-results a').click()");
    browser.wait_for(
        &format!(
            "location.href.endsWith({}) && document.readyState === 'complete'",
            json!(NOTICE)
        ),
        10,
        "the result opens the notice",
    );

    // Chinese queries on track names, whole or in part: the track's page first.
    for (query, page) in [
        ("服务机器人应用技术员", "tracks/service-robot.html"),
        ("训练师", "tracks/ai-trainer.html"),
        ("生成式人工智能", "tracks/genai-operator.html"),
    ] {
        open(
            &mut browser,
            &file_url(&site, &format!("search.html?q={}", encode(query))),
        );
        assert_eq!(
            browser.eval("document.getElementById('search-q').value"),
            json!(query),
            "the query of the address is in the box"
        );
        let found = results(&mut browser);
        assert_eq!(hrefs(&found).first(), Some(&page), "{query}: {found:#?}");
        assert_eq!(found[0]["kind"], "赛项设置");
    }

    // A phrase of the plan only: the plan.
    type_query(&mut browser, "择优推荐参加全国比赛");
    assert_eq!(hrefs(&results(&mut browser)), ["plan.html"]);

    // Nothing found is said so.
    type_query(&mut browser, "喆");
    assert!(results(&mut browser).is_empty());
    assert_eq!(
        browser.eval("document.getElementById('search-status').textContent"),
        json!("没有找到与“喆”相关的页面。")
    );
}

#[test]
fn markup_in_a_query_or_a_notice_is_shown_as_text() {
    let copy = contest_copy();
    copy.write(
        "content/notices/2025-11-01-hostile.md",
        "---\ntitle: \"<img src=x onerror=window.__pwned=1>测试通知\"\ndate: 2025-11-01\nsource: 办公室\n---\n\n测试正文<script>window.__pwned=2</script><b onmouseover=window.__pwned=3>粗</b>。\n",
    );
    let site = build(&copy);
    let mut browser = Browser::launch();
    let query = "<script>window.__pwned=4</script><img src=x onerror=window.__pwned=5>测试";
    open(
        &mut browser,
        &file_url(&site, &format!("search.html?q={}", encode(query))),
    );
    browser.wait_for(
        "document.getElementById('search-status').textContent !== ''",
        10,
        "results",
    );
    let found = results(&mut browser);
    assert_eq!(
        hrefs(&found)[0],
        "notices/2025-11-01-hostile.html",
        "{found:#?}"
    );
    assert_eq!(
        found[0]["title"],
        "<img src=x onerror=window.__pwned=1>测试通知"
    );
    assert!(
        found[0]["excerpt"]
            .as_str()
            .unwrap()
            .contains("测试正文<script>window.__pwned=2</script>"),
        "{found:#?}"
    );
    type_query(&mut browser, query);
    assert_eq!(
        browser.eval(
            "[window.__pwned, document.querySelectorAll('main script, main img, main b, #search-results [onerror], #search-results [onmouseover]').length]"
        ),
        json!([null, 0]),
        "nothing of the query or the notice ran or became an element"
    );
}

#[test]
fn without_javascript_the_search_page_says_so_and_links_to_the_lists() {
    let copy = contest_copy();
    let site = build(&copy);
    let mut browser = Browser::launch();
    browser.call(
        "Emulation.setScriptExecutionDisabled",
        json!({ "value": true }),
    );
    open(
        &mut browser,
        &file_url(&site, "search.html?q=%E8%AE%AD%E7%BB%83"),
    );
    assert_eq!(
        browser.eval(
            "(() => { const n = document.getElementById('search-needs-js');
                return [!n.hidden && n.offsetHeight > 0, n.textContent,
                  [...n.querySelectorAll('a')].map(a => a.getAttribute('href')),
                  document.querySelectorAll('#search-results li').length]; })()"
        ),
        json!([
            true,
            "站内搜索需要浏览器启用 JavaScript。也可以直接浏览通知公告、竞赛方案和赛项设置。",
            ["notices/index.html", "plan.html", "tracks/index.html"],
            0
        ])
    );
}

#[test]
fn a_contest_of_twenty_tracks_finds_each_track_by_its_chinese_name() {
    let copy = fixture_copy("many-tracks");
    let site = build(&copy);
    let mut browser = Browser::launch();
    open(&mut browser, &file_url(&site, "search.html"));
    for (query, page) in [
        ("无人机装调检修工", "tracks/drone.html"),
        ("电工", "tracks/electrician.html"),
        ("工业机器人", "tracks/robot-operator.html"),
        ("网络与信息安全", "tracks/network-security.html"),
    ] {
        type_query(&mut browser, query);
        let found = results(&mut browser);
        assert_eq!(hrefs(&found).first(), Some(&page), "{query}: {found:#?}");
    }
}
