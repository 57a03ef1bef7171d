//! What the browser gets besides the site while serving: a tiny live-reload script and the error overlay.
//! Added to HTML responses only by the server, never to `jingsai build` output.

use crate::diagnostics::Problems;
use crate::i18n::Lang;
use crate::msg;

/// The path of the server-sent events stream.
pub(super) const EVENTS_PATH: &str = "/__jingsai/events";

/// The overlay text of a failed build in `lang`: each error's `file:line:column: message`, and its hint.
pub(super) fn text(problems: &Problems, lang: Lang) -> String {
    let mut out = msg!("serve-overlay-title").render(lang);
    out.push('\n');
    for problem in problems.errors() {
        out.push('\n');
        out.push_str(&problem.render(lang));
        if let Some(help) = &problem.help {
            out.push('\n');
            out.push_str(&msg!("serve-overlay-help", help).render(lang));
        }
        out.push('\n');
    }
    out
}

/// Inserts the overlay (hidden unless `error`) and the reload script before `</body>`.
pub(super) fn inject(html: &[u8], generation: u64, error: Option<&str>) -> Vec<u8> {
    let snippet = format!(
        concat!(
            "<div id=\"jingsai-error\" role=\"alert\"{hidden} style=\"position:fixed;left:0;right:0;bottom:0;",
            "max-height:60vh;overflow:auto;z-index:2147483647;margin:0;padding:1em;background:#fff3f3;",
            "color:#900;border-top:3px solid #c00;font:14px/1.5 monospace;white-space:pre-wrap\">{text}</div>\n",
            "<script>(()=>{{const g={generation},o=document.getElementById(\"jingsai-error\"),",
            "s=new EventSource(\"{events}\");",
            "s.addEventListener(\"reload\",e=>{{const[n,p]=e.data.split(\" \").map(Number);",
            "if(n!==g&&(g<p||location.pathname.endsWith(\"/{search}\")))location.reload()}});",
            "s.addEventListener(\"problem\",e=>{{o.textContent=e.data;o.hidden=!e.data}})}})()</script>\n"
        ),
        hidden = if error.is_some() { "" } else { " hidden" },
        text = escape(error.unwrap_or("")),
        generation = generation,
        events = EVENTS_PATH,
        search = crate::search::PAGE_PATH,
    );
    let at = find_last(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + snippet.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(snippet.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// HTML-escapes text.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_overlay_speaks_the_language() {
        let file = crate::diagnostics::SourceFile::new(std::path::Path::new("content/a.md"), "x");
        let problems = Problems(vec![
            crate::Problem::at(&file, (0, 1), "bad").with_help(msg!("serve-error-bind-help")),
        ]);
        assert_eq!(
            text(&problems, Lang::En),
            "jingsai: the last change does not build; showing the last good site.\n\ncontent/a.md:1:1: bad\n  help: pass another `--port`\n"
        );
        assert_eq!(
            text(&problems, Lang::Zh),
            "jingsai：最近的修改无法生成网站，现在显示的是上一次成功生成的网站。\n\ncontent/a.md:1:1: bad\n  提示：用 `--port` 换一个端口\n"
        );
    }

    #[test]
    fn injects_before_body_and_escapes() {
        let page = inject(b"<html><body><p>x</p></body></html>", 3, Some("a <b> & c"));
        let page = String::from_utf8(page).unwrap();
        assert!(page.contains("a &lt;b&gt; &amp; c"));
        assert!(page.contains("const g=3"));
        assert!(page.ends_with("</script>\n</body></html>"));
        let page = String::from_utf8(inject(b"<p>no body", 1, None)).unwrap();
        assert!(page.starts_with("<p>no body<div id=\"jingsai-error\" role=\"alert\" hidden"));
    }
}
