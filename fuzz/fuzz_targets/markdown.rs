//! The Markdown of a notice: any text becomes HTML that, parsed as a browser parses it, has no `on*`
//! attribute, no address with a scheme other than http, https, mailto or tel, no script, SVG, MathML,
//! frame, style, object or form element, and no style beyond a table cell's alignment (the property of
//! `html_safety.rs`, which tests/hostile_markdown.rs checks on the built site too). Rendering the HTML
//! again through the sanitiser must not change it: what it keeps is already clean.
#![no_main]

#[path = "../html_safety.rs"]
mod html_safety;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let rendered = jingsai::markdown::render(text);
    let problems = html_safety::problems(&rendered.html);
    assert!(problems.is_empty(), "{problems:#?}\n{}", rendered.html);
    // Parsed again, the HTML must come out the same: a difference is how mutation XSS starts.
    let again = jingsai::markdown::sanitize::clean(&rendered.html);
    assert_eq!(again, rendered.html);
});
