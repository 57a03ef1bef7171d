//! The text a person reads on a rendered page: its title (the `<h1>`) and the text of its `<article>`
//! (or of `<main>` when a template has no article), with block elements as line breaks, the navigation
//! left out and character references decoded. Reads only the HTML jingsai rendered; what it gives is
//! shown by the search page as text, never as markup.

/// A page's title and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PageText {
    /// The text of the page's first `<h1>`, empty when there is none.
    pub title: String,
    /// The rest of the article: lines of text, no empty line, no leading or trailing blanks.
    pub text: String,
}

/// Elements whose start and end break the text into lines (not `dt` and `dd`: a term and its
/// description, 发布时间：2025-10-16, read as one line).
const BLOCKS: [&str; 22] = [
    "address",
    "article",
    "blockquote",
    "br",
    "caption",
    "div",
    "dl",
    "figcaption",
    "footer",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "ol",
    "p",
    "section",
    "tr",
    "ul",
];

/// Where a block element starts or ends, until [`collapse`] makes it a line break (a line break in the
/// markup is only white space).
const BREAK: char = '\0';

/// Elements whose content is not read: navigation, scripts and styles, the title (kept apart).
const SKIPPED: [&str; 6] = ["nav", "script", "style", "template", "noscript", "h1"];

/// The title and text of a page, or `None` when it has neither `<article>` nor `<main>`.
pub(crate) fn page_text(html: &str) -> Option<PageText> {
    let body = element(html, "article").or_else(|| element(html, "main"))?;
    let title = element(body, "h1")
        .map(|h1| collapse(&Reader::new(h1).text()))
        .unwrap_or_default();
    let text = collapse(&Reader::new(body).text());
    Some(PageText { title, text })
}

/// The inside of the first `<name ...>...</name>` of `html` (no nesting of the same element).
fn element<'a>(html: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}");
    let mut from = 0;
    let start = loop {
        let at = from + html[from..].find(&open)?;
        let after = html[at + open.len()..].chars().next()?;
        if after == '>' || after.is_ascii_whitespace() {
            break at + html[at..].find('>')? + 1;
        }
        from = at + open.len();
    };
    let end = start + html[start..].find(&format!("</{name}>"))?;
    Some(&html[start..end])
}

/// Walks the markup, keeping text and turning block elements into line breaks.
struct Reader<'a> {
    rest: &'a str,
    out: String,
    /// The element being skipped, with its depth, while inside one.
    skipping: Option<(String, usize)>,
}

impl<'a> Reader<'a> {
    fn new(html: &'a str) -> Self {
        Reader {
            rest: html,
            out: String::with_capacity(html.len() / 2),
            skipping: None,
        }
    }

    fn text(mut self) -> String {
        while !self.rest.is_empty() {
            if let Some(after) = self.rest.strip_prefix("<!--") {
                self.rest = after.find("-->").map_or("", |end| &after[end + 3..]);
                continue;
            }
            if self.rest.starts_with('<') {
                let end = self.rest.find('>').map_or(self.rest.len(), |e| e + 1);
                let tag = &self.rest[..end];
                self.rest = &self.rest[end..];
                self.tag(tag);
                continue;
            }
            let end = self.rest.find('<').unwrap_or(self.rest.len());
            if self.skipping.is_none() {
                decode_into(&self.rest[..end], &mut self.out);
            }
            self.rest = &self.rest[end..];
        }
        self.out
    }

    fn tag(&mut self, tag: &str) {
        let closing = tag.starts_with("</");
        let name: String = tag
            .trim_start_matches(['<', '/'])
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if let Some((skipped, depth)) = &mut self.skipping {
            if *skipped == name {
                if closing {
                    *depth -= 1;
                } else {
                    *depth += 1;
                }
                if *depth == 0 {
                    self.skipping = None;
                }
            }
            return;
        }
        if !closing && matches!(name.as_str(), "script" | "style") {
            // Raw text: nothing in it is a tag until its end tag.
            let end = format!("</{name}");
            self.rest = self.rest.find(&end).map_or("", |at| &self.rest[at..]);
            self.skipping = Some((name, 1));
        } else if !closing && SKIPPED.contains(&name.as_str()) {
            self.skipping = Some((name, 1));
        } else if BLOCKS.contains(&name.as_str()) {
            self.out.push(BREAK);
        } else if matches!(name.as_str(), "td" | "th") {
            self.out.push(' ');
        }
    }
}

/// Appends `text` with its character references decoded (`&amp;`, `&#x2F;`, `&#20013;`, `&nbsp;`);
/// an unknown reference stays as it is.
fn decode_into(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map(|e| e + 1);
        let decoded = end
            .filter(|&e| rest[e..].starts_with(';'))
            .and_then(|e| reference(&rest[1..e]).map(|c| (c, e + 1)));
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

fn reference(name: &str) -> Option<char> {
    let number = |digits: &str, radix| u32::from_str_radix(digits, radix).ok();
    let code = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
        number(hex, 16)?
    } else if let Some(decimal) = name.strip_prefix('#') {
        number(decimal, 10)?
    } else {
        return match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some(' '),
            _ => None,
        };
    };
    char::from_u32(code).filter(|c| *c != BREAK)
}

/// One line per block: white space inside a line becomes one space, lines are trimmed, empty lines
/// dropped.
fn collapse(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for line in raw.split(BREAK) {
        let mut words = line.split_whitespace().peekable();
        if words.peek().is_none() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        for (i, word) in words.enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_article_without_navigation_and_title() {
        let html = r#"<main id="main"><nav class="breadcrumb"><ol><li><a href="x">首页</a></li></ol></nav>
<article class="prose"><h1 id="t">关于公布&lt;技术文件&gt;的通知</h1>
<p class="meta">发布时间：<time>2025-10-16</time></p><p>第一段<strong>加粗</strong>文字，
第二行。</p><ul><li>甲</li><li>乙 &amp; 丙</li></ul>
<table><tr><th>理论考试</th><td>20%</td></tr></table><!-- <p>注释</p> --></article>
<p>返回</p></main>"#;
        let page = page_text(html).unwrap();
        assert_eq!(page.title, "关于公布<技术文件>的通知");
        assert_eq!(
            page.text,
            "发布时间：2025-10-16\n第一段加粗文字， 第二行。\n甲\n乙 & 丙\n理论考试 20%"
        );
    }

    #[test]
    fn falls_back_to_main_and_decodes_numeric_references() {
        let page =
            page_text("<main><h1>标题</h1><p>a&#x2F;b&#20013;&#0;&bogus; &amp</p></main>").unwrap();
        assert_eq!(page.title, "标题");
        assert_eq!(page.text, "a/b中&#0;&bogus; &amp");
        assert_eq!(page_text("<body><p>x</p></body>"), None);
    }

    #[test]
    fn nested_skipped_elements_end_where_they_end() {
        let page = page_text(
            "<article><nav><nav>a</nav>b</nav>c<script>if (a < b) x()</script>d</article>",
        )
        .unwrap();
        assert_eq!(page.text, "cd");
    }
}
