//! The property the Markdown sanitiser guarantees, checked on HTML as a browser parses it (html5ever,
//! through scraper): no element that runs script or holds another document, no `on*` attribute, no
//! address with a scheme other than http, https, mailto or tel where a browser follows or loads it, no
//! style beyond a table cell's alignment. Shared by the fuzz target `markdown` and
//! `tests/hostile_markdown.rs` (both include this file with `#[path]`).
#![allow(dead_code)]

use scraper::Html;

/// Elements that must never appear in a notice's HTML.
pub(crate) const FORBIDDEN_ELEMENTS: [&str; 21] = [
    "script", "svg", "math", "iframe", "frame", "frameset", "style", "object", "embed", "applet",
    "form", "input", "button", "textarea", "select", "base", "meta", "link", "template",
    "noscript", "img",
];

/// Attributes whose value a browser follows or loads as an address.
const URL_ATTRIBUTES: [&str; 10] = [
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "srcset",
    "poster",
    "data",
    "cite",
    "background",
];

/// The schemes an address may have (an address without a scheme is relative, and fine).
const SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// The scheme of `url` as a browser reads it (WHATWG URL: leading and trailing C0 controls and spaces
/// are stripped, tabs and newlines anywhere are removed, the scheme is ASCII case-insensitive), or
/// `None` for a relative address.
pub(crate) fn scheme(url: &str) -> Option<String> {
    let cleaned: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let colon = cleaned.find(':')?;
    let candidate = &cleaned[..colon];
    let mut chars = candidate.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then(|| candidate.to_ascii_lowercase())
}

/// Every way the HTML fragment `html` breaks the property, empty when it holds.
pub(crate) fn problems(html: &str) -> Vec<String> {
    check(&Html::parse_fragment(html), true)
}

/// The attributes of a whole page that break the property (a page has its own `<script>`, `<meta>` and
/// `<link>` elements, so only attributes are checked).
pub(crate) fn page_problems(html: &str) -> Vec<String> {
    check(&Html::parse_document(html), false)
}

fn check(parsed: &Html, elements: bool) -> Vec<String> {
    let mut problems = Vec::new();
    for node in parsed.tree.nodes() {
        let Some(element) = node.value().as_element() else {
            continue;
        };
        let name = element.name().to_ascii_lowercase();
        if elements && FORBIDDEN_ELEMENTS.contains(&name.as_str()) {
            problems.push(format!("a <{name}> element"));
        }
        for (attribute, value) in element.attrs() {
            let attribute = attribute.to_ascii_lowercase();
            if attribute.starts_with("on") {
                problems.push(format!("<{name} {attribute}=\"{value}\">"));
            }
            if (URL_ATTRIBUTES.contains(&attribute.as_str()) || attribute.ends_with(":href"))
                && let Some(scheme) = scheme(value)
                && !SCHEMES.contains(&scheme.as_str())
            {
                problems.push(format!("<{name} {attribute}=\"{value}\">: {scheme}:"));
            }
            if elements
                && attribute == "style"
                && !(matches!(name.as_str(), "th" | "td")
                    && matches!(
                        value,
                        "text-align: left" | "text-align: center" | "text-align: right"
                    ))
            {
                problems.push(format!("<{name} style=\"{value}\">"));
            }
        }
    }
    problems
}
