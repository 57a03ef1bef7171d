//! The one allow-list of the HTML that user Markdown may become: every notice's HTML goes through
//! [`clean`] (ammonia, which parses it with html5ever as a browser would) before it reaches a page or the
//! feed. Anything not listed here is removed: other elements lose their tags and keep their text,
//! `<script>` and `<style>` lose their content too, other attributes are dropped, and a `href` whose
//! scheme is not one of [`URL_SCHEMES`] (relative addresses are kept) is dropped.
//!
//! The list is what pulldown-cmark writes for the options of [`super::render`], and no more:
//!
//! - blocks: `p`, `h2`–`h6` (with the `id` that [`super::render`] makes from the heading text),
//!   `blockquote`, `pre`, `hr`, `ul`, `ol` (`start`), `li`;
//! - tables: `table`, `thead`, `tbody`, `tr`, `th`, `td`, the cells with `style` only when it is exactly
//!   `text-align: left`, `center` or `right` (what a `|:-:|` alignment row gives);
//! - inline: `a` (`href`, `title`), `em`, `strong`, `del`, `code`, `br`;
//! - footnotes: `sup` with the classes `footnote-reference` or `footnote-definition-label`, `div` with the
//!   class `footnote-definition` and an `id`.
//!
//! No `img` (notices have no image files, and a picture from elsewhere would make the page load from the
//! network: [`super::render`] turns images into links), no `class` on `code` (no highlighting), no
//! `h1` (the page title is the only one), no `input` (task lists are off).

use ammonia::Builder;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// The URL schemes a link may use; addresses without a scheme (relative ones) are kept too.
pub const URL_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// The elements that may appear in a notice's HTML.
const TAGS: [&str; 26] = [
    "p",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "hr",
    "ul",
    "ol",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "a",
    "em",
    "strong",
    "del",
    "code",
    "br",
    "sup",
    "div",
];

/// The table cell styles pulldown-cmark writes for column alignment.
const CELL_STYLES: [&str; 3] = [
    "text-align: left",
    "text-align: center",
    "text-align: right",
];

static BUILDER: LazyLock<Builder<'static>> = LazyLock::new(|| {
    let mut attributes: HashMap<&str, HashSet<&str>> = HashMap::new();
    for heading in ["h2", "h3", "h4", "h5", "h6"] {
        attributes.insert(heading, HashSet::from(["id"]));
    }
    attributes.insert("a", HashSet::from(["href", "title"]));
    attributes.insert("ol", HashSet::from(["start"]));
    attributes.insert("th", HashSet::from(["style"]));
    attributes.insert("td", HashSet::from(["style"]));
    attributes.insert("div", HashSet::from(["id"]));
    let classes: HashMap<&str, HashSet<&str>> = HashMap::from([
        (
            "sup",
            HashSet::from(["footnote-reference", "footnote-definition-label"]),
        ),
        ("div", HashSet::from(["footnote-definition"])),
    ]);
    let mut builder = Builder::empty();
    builder
        .tags(TAGS.into_iter().collect())
        .generic_attributes(HashSet::new())
        .tag_attributes(attributes)
        .allowed_classes(classes)
        .url_schemes(URL_SCHEMES.into_iter().collect())
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(None)
        .strip_comments(true)
        .attribute_filter(|element, attribute, value| match (element, attribute) {
            ("th" | "td", "style") => CELL_STYLES.contains(&value).then_some(value.into()),
            _ => Some(value.into()),
        });
    builder
});

/// Removes from `html` every element, attribute and link scheme that is not on the allow-list.
pub fn clean(html: &str) -> String {
    BUILDER.clean(html).to_string()
}
