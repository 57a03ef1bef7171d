//! Markdown to HTML for notices: pulldown-cmark with tables and footnotes, passes of our own, then the
//! sanitiser.
//!
//! - Soft line breaks between two CJK characters are dropped: Chinese has no spaces between words, so a
//!   line wrapped in the source must not become a stray space on the page.
//! - Headings get ids that keep Chinese characters (`## 报名` becomes `id="报名"`), unique per document.
//!   Heading attributes (`{#id .class key=value}`) are not read: such text stays in the heading as
//!   written, and no attribute of the page comes from the input.
//! - Raw HTML is shown as text, never passed through, and links whose address uses a scheme other than
//!   http, https, mailto or tel (`javascript:`, `data:`, ...) lose the link and keep the text. Images
//!   become links to the picture, with its description as the text (the site loads nothing from elsewhere).
//! - Last, [`sanitize::clean`] parses the HTML as a browser would and keeps only its allow-list of
//!   elements, attributes and URL schemes: whatever the passes above miss cannot reach a page.
//!
//! A notice's page then puts each table in a sideways-scrolling region ([`scrollable_tables`]), on the
//! cleaned HTML.

mod cjk;
pub mod sanitize;

pub use cjk::is_cjk;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::borrow::Cow;
use std::collections::HashMap;

/// A rendered Markdown document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The HTML body.
    pub html: String,
    /// The plain text, for summaries and feeds.
    pub text: String,
}

/// Renders Markdown to safe HTML: the HTML has passed [`sanitize::clean`].
pub fn render(source: &str) -> Rendered {
    // Not ENABLE_HEADING_ATTRIBUTES: it turns `{onfocus=...}` into attributes, and `{上午}` at the end
    // of a heading into an attribute named 上午, taking the text out of the heading.
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let events: Vec<Event> = Parser::new_ext(source, options).collect();
    let events = drop_cjk_soft_breaks(events);
    let events = neutralise_html(events);
    let events = links_and_images(events);
    let events = demote_headings(events);
    let events = add_heading_ids(events);
    let text = plain_text(&events);
    let mut html = String::with_capacity(source.len() + source.len() / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    Rendered {
        html: sanitize::clean(&html),
        text,
    }
}

/// Wraps every table of `html`, the HTML of [`render`], in a region that scrolls sideways by itself
/// (`<div class="table-scroll" role="region" aria-label="表格1" tabindex="0">`), so that a wide table never
/// makes the whole page scroll on a phone and a keyboard can still scroll it. A notice's page uses it; the
/// feed keeps the plain tables. Only [`render`]'s output may be passed: there `<table>` and `</table>` can
/// only be tags, since the sanitiser escapes every `<` of the text and writes tables without attributes.
pub fn scrollable_tables(html: &str) -> Cow<'_, str> {
    if !html.contains("<table>") {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len() + 256);
    for (number, piece) in html.split("<table>").enumerate() {
        if number > 0 {
            out.push_str(&format!(
                r#"<div class="table-scroll" role="region" aria-label="表格{number}" tabindex="0"><table>"#
            ));
        }
        out.push_str(piece);
    }
    Cow::Owned(out.replace("</table>", "</table></div>"))
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
    match cleaned.find([':', '/', '?', '#']) {
        Some(pos) if cleaned[pos..].starts_with(':') => {
            sanitize::URL_SCHEMES.contains(&&cleaned[..pos])
        }
        _ => true,
    }
}

/// Drops links with an unsafe address (keeping their text) and turns images into links to the picture
/// with its description as the text; an image inside a link, or with an unsafe address, becomes its text.
fn links_and_images(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    // For each open link: whether its tags were kept.
    let mut links: Vec<bool> = Vec::new();
    let mut out = Vec::with_capacity(events.len());
    let mut events = events.into_iter();
    while let Some(event) = events.next() {
        match event {
            Event::Start(Tag::Link { ref dest_url, .. }) => {
                let safe = is_safe_url(dest_url);
                links.push(safe);
                if safe {
                    out.push(event);
                }
            }
            Event::End(TagEnd::Link) => {
                if links.pop().unwrap_or(true) {
                    out.push(event);
                }
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                // The description, as text: pulldown-cmark writes it as the alt attribute, so it may
                // hold emphasis, links and images, whose tags a link's text must not have.
                let mut text = String::new();
                let mut depth = 1;
                for inner in events.by_ref() {
                    match inner {
                        Event::Start(Tag::Image { .. }) => depth += 1,
                        Event::End(TagEnd::Image) => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        Event::Text(t) | Event::Code(t) => text.push_str(&t),
                        Event::SoftBreak | Event::HardBreak => text.push(' '),
                        _ => {}
                    }
                }
                let link = is_safe_url(&dest_url) && !links.iter().any(|kept| *kept);
                if text.trim().is_empty() {
                    if !link {
                        continue;
                    }
                    text = dest_url.to_string();
                }
                if link {
                    out.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }));
                    out.push(Event::Text(text.into()));
                    out.push(Event::End(TagEnd::Link));
                } else {
                    out.push(Event::Text(text.into()));
                }
            }
            other => out.push(other),
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
        if let Event::Start(Tag::Heading { .. }) = &events[i] {
            let mut text = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                if let Some(t) = text_of(&events[j]) {
                    text.push_str(t);
                }
                j += 1;
            }
            let base = slugify(&text);
            let count = seen.entry(base.clone()).or_insert(0);
            let unique = if *count == 0 {
                base
            } else {
                format!("{base}-{count}")
            };
            *count += 1;
            if let Event::Start(Tag::Heading {
                id, classes, attrs, ..
            }) = &mut events[i]
            {
                *id = Some(CowStr::from(unique));
                classes.clear();
                attrs.clear();
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
mod tests;
