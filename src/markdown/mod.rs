//! Markdown to HTML for notices: pulldown-cmark with tables and footnotes, plus three passes of our own.
//!
//! - Soft line breaks between two CJK characters are dropped: Chinese has no spaces between words, so a
//!   line wrapped in the source must not become a stray space on the page.
//! - Headings get ids that keep Chinese characters (`## 报名` becomes `id="报名"`), unique per document.
//! - Raw HTML is shown as text, never passed through, and links or images whose address uses a scheme
//!   other than http, https, mailto or tel (`javascript:`, `data:`, ...) lose the link and keep the text.

mod cjk;

pub use cjk::is_cjk;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::HashMap;

/// A rendered Markdown document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The HTML body.
    pub html: String,
    /// The plain text, for summaries and feeds.
    pub text: String,
}

/// Renders Markdown to safe HTML.
pub fn render(source: &str) -> Rendered {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let events: Vec<Event> = Parser::new_ext(source, options).collect();
    let events = drop_cjk_soft_breaks(events);
    let events = neutralise_html(events);
    let events = drop_unsafe_links(events);
    let events = demote_headings(events);
    let events = add_heading_ids(events);
    let text = plain_text(&events);
    let mut html = String::with_capacity(source.len() + source.len() / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    Rendered { html, text }
}

/// Removes soft breaks whose neighbouring characters are both CJK.
fn drop_cjk_soft_breaks(mut events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let drop: Vec<bool> = (0..events.len())
        .map(|i| {
            if !matches!(events[i], Event::SoftBreak) {
                return false;
            }
            let before = events[..i]
                .iter()
                .rev()
                .find_map(text_of)
                .and_then(|t| t.chars().last());
            let after = events[i + 1..]
                .iter()
                .find_map(text_of)
                .and_then(|t| t.chars().next());
            matches!((before, after), (Some(a), Some(b)) if cjk::joins_without_space(a, b))
        })
        .collect();
    let mut index = 0;
    events.retain(|_| {
        index += 1;
        !drop[index - 1]
    });
    events
}

fn text_of<'a>(event: &'a Event<'_>) -> Option<&'a str> {
    match event {
        Event::Text(t) | Event::Code(t) => Some(t),
        Event::SoftBreak | Event::HardBreak => Some(" "),
        _ => None,
    }
}

/// Turns raw HTML into visible text.
fn neutralise_html(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    events
        .into_iter()
        .map(|event| match event {
            Event::Start(Tag::HtmlBlock) => Event::Start(Tag::Paragraph),
            Event::End(TagEnd::HtmlBlock) => Event::End(TagEnd::Paragraph),
            Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
            other => other,
        })
        .collect()
}

/// Whether a link or image address is safe to keep.
pub fn is_safe_url(url: &str) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    match cleaned.find(|c: char| matches!(c, ':' | '/' | '?' | '#')) {
        Some(pos) if cleaned[pos..].starts_with(':') => {
            matches!(&cleaned[..pos], "http" | "https" | "mailto" | "tel")
        }
        _ => true,
    }
}

fn drop_unsafe_links(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut kept_stack: Vec<bool> = Vec::new();
    let mut out = Vec::with_capacity(events.len());
    for event in events {
        match &event {
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. }) => {
                let safe = is_safe_url(dest_url);
                kept_stack.push(safe);
                if safe {
                    out.push(event);
                }
            }
            Event::End(TagEnd::Link) | Event::End(TagEnd::Image) => {
                if kept_stack.pop().unwrap_or(true) {
                    out.push(event);
                }
            }
            _ => out.push(event),
        }
    }
    out
}

/// Shifts headings so the highest one of the notice is an `<h2>`: the page title is the only `<h1>`,
/// and no level is skipped after it, whether the notice starts its sections at `#` or at `##`.
fn demote_headings(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let top = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(*level as usize),
            _ => None,
        })
        .min();
    let Some(top) = top else { return events };
    let shift = |level: HeadingLevel| {
        let wanted = (level as usize + 2).saturating_sub(top).clamp(2, 6);
        HeadingLevel::try_from(wanted).unwrap_or(HeadingLevel::H6)
    };
    events
        .into_iter()
        .map(|event| match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => Event::Start(Tag::Heading {
                level: shift(level),
                id,
                classes,
                attrs,
            }),
            Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(shift(level))),
            other => other,
        })
        .collect()
}

/// Makes an id from heading text: letters and digits of any script are kept, ASCII is lower-cased,
/// spaces become `-`, other punctuation is dropped.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if (c.is_whitespace() || c == '-' || c == '_') && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_matches('-').to_string();
    if slug.is_empty() {
        "section".to_string()
    } else {
        slug
    }
}

fn add_heading_ids(mut events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { id, .. }) = &events[i] {
            let mut text = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                if let Some(t) = text_of(&events[j]) {
                    text.push_str(t);
                }
                j += 1;
            }
            let base = match id {
                Some(given) => given.to_string(),
                None => slugify(&text),
            };
            let count = seen.entry(base.clone()).or_insert(0);
            let unique = if *count == 0 {
                base
            } else {
                format!("{base}-{count}")
            };
            *count += 1;
            if let Event::Start(Tag::Heading { id, .. }) = &mut events[i] {
                *id = Some(CowStr::from(unique));
            }
        }
        i += 1;
    }
    events
}

/// The text of the document without its headings, for summaries.
fn plain_text(events: &[Event<'_>]) -> String {
    let mut text = String::new();
    let mut in_heading = false;
    for event in events {
        match event {
            Event::Start(Tag::Heading { .. }) => in_heading = true,
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            _ if in_heading => {}
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Item) => text.push('\n'),
            _ => {}
        }
    }
    text.trim().to_string()
}

#[cfg(test)]
mod tests {
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
}
