//! Contacts with several labelled phones, a fax, an address and a postcode, and organisation roles beyond
//! 主办 and 承办 (协办, 技术支持, 赞助, 支持): the seed with them added, built by the real binary, shows
//! each with its label on the contacts page, in every footer, on the plan page and in the notice PDF;
//! a bad postcode or fax number is an error at its line and column.

mod support;

use scraper::{Html, Selector};
use std::path::Path;

const SEED_CONTACT_END: &str = "    email: lili2004@tute.edu.cn\n";
const SEED_HOST: &str = "  host: 天津职业技术师范大学电子工程学院\n";

/// The second contact, appended after the seed's.
const CONTACT: &str = "  - name: 王强
    organisation: 天津市职业技能鉴定中心
    role: 报名咨询
    phones:
      - {label: 办公电话, number: \"022-23456789\"}
      - {label: 手机, number: \"13800138000\"}
    fax: \"022-23456790\"
    address: 天津市河西区大沽南路1310号
    postcode: \"300222\"
    email: wangqiang@example.cn
";

const ROLES: &str = "  co_organisers:
    - 天津市人工智能学会
  technical_support:
    - A&B智能科技有限公司
  sponsors:
    - 天津示例集团
";

/// The seed with the second contact and the roles added.
fn contest() -> support::ContestCopy {
    let copy = support::contest_copy();
    copy.replace(
        "content/contest.yaml",
        SEED_CONTACT_END,
        &format!("{SEED_CONTACT_END}{CONTACT}"),
    );
    copy.replace(
        "content/contest.yaml",
        SEED_HOST,
        &format!("{SEED_HOST}{ROLES}"),
    );
    copy
}

fn build(dir: &Path) {
    let output = support::jingsai("build").arg(dir).output().unwrap();
    assert!(
        output.status.success(),
        "build failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The text of every element matching `css`, white space collapsed.
fn texts(html: &Html, css: &str) -> Vec<String> {
    html.select(&Selector::parse(css).unwrap())
        .map(|e| e.text().collect::<Vec<_>>().join(""))
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

fn page(dir: &Path, path: &str) -> (String, Html) {
    let text = std::fs::read_to_string(dir.join("output").join(path)).unwrap();
    let html = Html::parse_document(&text);
    (text, html)
}

fn assert_contains(haystack: &str, needles: &[&str], what: &str) {
    for needle in needles {
        assert!(
            haystack.contains(needle),
            "{what} does not show `{needle}`:\n{haystack}"
        );
    }
}

#[test]
fn every_phone_fax_address_postcode_and_role_is_shown_with_its_label() {
    let copy = contest();
    let dir = copy.path();
    build(dir);
    contacts_page_shows_them(dir);
    footers_and_plan_show_them(dir);
    notice_pdf_shows_them(dir);
}

fn contacts_page_shows_them(dir: &Path) {
    let (source, html) = page(dir, "contacts.html");
    let dts = texts(&html, "article dt").join("|");
    let dds = texts(&html, "article dd").join("|");
    assert_contains(
        &dts,
        &[
            "联系电话",
            "办公电话",
            "手机",
            "传真",
            "地址",
            "邮编",
            "负责事项",
        ],
        "the contacts page's labels",
    );
    assert_contains(
        &dds,
        &[
            "13207515272",
            "报名咨询",
            "022-23456789",
            "13800138000",
            "022-23456790",
            "天津市河西区大沽南路1310号",
            "300222",
        ],
        "the contacts page",
    );
    assert_contains(
        &source,
        &[
            "<dt>办公电话</dt><dd><a href=\"tel:02223456789\">022-23456789</a></dd>",
            "<dt>手机</dt><dd><a href=\"tel:13800138000\">13800138000</a></dd>",
            "<dt>传真</dt><dd>022-23456790</dd>",
            "<dt>邮编</dt><dd>300222</dd>",
            "A&amp;B智能科技有限公司",
        ],
        "the contacts page's HTML",
    );
    assert!(!source.contains("A&B"), "`&` is escaped");
    let summary = texts(&html, "article p").join("|");
    assert_contains(
        &summary,
        &[
            "天津市人工智能学会协办",
            "技术支持单位：A&B智能科技有限公司",
            "赞助单位：天津示例集团",
        ],
        "the contacts page's organisation",
    );
}

fn footers_and_plan_show_them(dir: &Path) {
    for path in ["index.html", "contacts.html", "plan.html"] {
        let (source, html) = page(dir, path);
        let footer = texts(&html, "footer").join(" ");
        assert_contains(
            &footer,
            &[
                "协办单位：天津市人工智能学会",
                "技术支持单位：A&B智能科技有限公司",
                "赞助单位：天津示例集团",
                "王强（报名咨询）",
                "电话：13207515272",
                "办公电话：022-23456789",
                "手机：13800138000",
                "传真：022-23456790",
                "地址：天津市河西区大沽南路1310号",
                "邮编：300222",
                "wangqiang@example.cn",
            ],
            &format!("{path}'s footer"),
        );
        assert!(source.contains("<a href=\"tel:13800138000\">13800138000</a>"));
        assert!(
            !footer.contains("支持单位：天津"),
            "no empty role is printed"
        );
    }

    let (_, html) = page(dir, "plan.html");
    let plan = texts(&html, ".contacts-block p").join("|");
    assert_contains(
        &plan,
        &[
            "协办单位：天津市人工智能学会",
            "技术支持单位：A&B智能科技有限公司",
            "王强（报名咨询）",
            "办公电话：022-23456789",
            "手机：13800138000",
            "传真：022-23456790",
            "地址：天津市河西区大沽南路1310号",
            "邮编：300222",
        ],
        "the plan page's contact block",
    );
}

fn notice_pdf_shows_them(dir: &Path) {
    let pdf = dir.join("output/downloads/notice.pdf");
    let text = support::clients::pdf_text(&pdf);
    support::clients::assert_in_order(
        &text,
        &[
            "协办单位：天津市人工智能学会",
            "技术支持单位：A&B智能科技有限公司",
            "赞助单位：天津示例集团",
            "联系人：天津职业技术师范大学电子工程学院李莉",
            "联系电话：13207515272",
            "电子邮箱：lili2004@tute.edu.cn",
            "联系人：天津市职业技能鉴定中心王强（报名咨询）",
            "办公电话：022-23456789",
            "手机：13800138000",
            "传真：022-23456790",
            "地址：天津市河西区大沽南路1310号",
            "邮编：300222",
            "电子邮箱：wangqiang@example.cn",
            "附件：1．",
        ],
        "notice.pdf",
    );
    assert!(!text.contains("支持单位：天津"), "no empty role is printed");
}

/// `jingsai check` of the contest with `from` replaced by `to` fails with `message` at the line and
/// column of `at` (the first line holding it).
fn check_fails_at(from: &str, to: &str, at: &str, message: &str) {
    let copy = contest();
    copy.replace("content/contest.yaml", from, to);
    let yaml = copy.read("content/contest.yaml");
    let (line, text) = yaml
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(at))
        .expect("the edited line");
    let column = text[..text.find(at).unwrap()].chars().count() + 1;
    let output = support::jingsai("check").arg(copy.path()).output().unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    let location = format!("content/contest.yaml:{}:{column}: {message}", line + 1);
    assert!(stderr.contains(&location), "no `{location}` in:\n{stderr}");
}

#[test]
fn a_bad_postcode_is_an_error_at_its_place() {
    check_fails_at(
        "postcode: \"300222\"",
        "postcode: \"30022\"",
        "\"30022\"",
        "`30022` is not a postcode",
    );
}

#[test]
fn a_bad_fax_or_labelled_phone_is_an_error_at_its_place() {
    check_fails_at(
        "fax: \"022-23456790\"",
        "fax: \"022-2345x\"",
        "\"022-2345x\"",
        "`022-2345x` is not a phone number",
    );
    check_fails_at(
        "number: \"13800138000\"",
        "number: \"138\"",
        "\"138\"",
        "`138` is not a phone number",
    );
}
