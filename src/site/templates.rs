//! The Tera templates: built-in defaults embedded in the binary, overridden by same-named files in the
//! project's `templates/` folder.
//!
//! A mistake in one of the contest's own templates is reported in that file, at its line and column,
//! with a help in plain words. Tera 2 gives syntax and rendering errors with their template and byte
//! range (`ReportError`); the references it checks once every template is added (an unknown filter, test,
//! function or template, a block missing from the parent) come only as its printed reports, one per
//! mistake, each with a `--> name:line:column` line, which [`reported_places`] reads.

use crate::diagnostics::{Problem, Problems, SourceFile};
use crate::fs;
use crate::i18n::Text;
use crate::model::display_path;
use crate::msg;
use rust_embed::RustEmbed;
use sha2::Digest;
use std::path::Path;
use tera::ErrorKind;

/// The built-in templates and static files.
#[derive(RustEmbed)]
#[folder = "src/site/builtin"]
pub(crate) struct Builtin;

/// Files copied to the output as they are (after overriding), not rendered; `results-filter.js` only
/// when the contest has results.
pub(crate) const STATIC_FILES: [&str; 4] = [
    "style.css",
    "countdown.js",
    "search.js",
    "results-filter.js",
];

/// The templates and static files of one build.
pub(crate) struct Templates {
    /// The page templates.
    pub pages: PageTemplates,
    /// Static files by name.
    pub statics: Vec<(String, Vec<u8>)>,
    /// A SHA-256 over every page template's name and text, in the order they were added: part of the
    /// key of every cached page (see `super::cache`).
    pub key: crate::pdf::cache::Hash,
}

/// The page templates: the Tera instance with every template added, and the contest's own templates,
/// where Tera's errors are reported.
pub(crate) struct PageTemplates {
    tera: tera::Tera,
    /// The contest's templates (`templates/*.html`, `*.xml`) by template name.
    own: Vec<(String, SourceFile)>,
}

impl PageTemplates {
    /// The context every page gets.
    pub(crate) fn global_context(&mut self) -> &mut tera::Context {
        self.tera.global_context()
    }

    /// Renders `template` into `out`, the page `path`; a failure is a problem located in the contest's
    /// template it is about, when it is one.
    pub(crate) fn render_to(
        &self,
        template: &str,
        context: &tera::Context,
        out: &mut Vec<u8>,
        path: &str,
    ) -> Result<(), Problem> {
        self.tera.render_to(template, context, out).map_err(|e| {
            match problems(&self.own, &e, Some(path)).0.into_iter().next() {
                Some(problem) => problem,
                None => Problem::general(
                    None,
                    msg!("site-render-failed", path, template, error = e.to_string()),
                )
                .with_help(msg!("site-render-failed-help")),
            }
        })
    }
}

/// Loads the built-in templates and the project's overrides from `<root>/templates`.
pub(crate) fn load(root: &Path) -> Result<Templates, Problems> {
    let mut sources: Vec<(String, String)> = Vec::new();
    let mut statics: Vec<(String, Vec<u8>)> = Vec::new();
    let mut names: Vec<String> = Builtin::iter().map(|n| n.to_string()).collect();
    names.sort();
    for name in &names {
        let file = Builtin::get(name).expect("embedded file listed by iter");
        if STATIC_FILES.contains(&name.as_str()) {
            statics.push((name.clone(), file.data.into_owned()));
        } else {
            sources.push((
                name.clone(),
                String::from_utf8_lossy(&file.data).into_owned(),
            ));
        }
    }
    let mut problems = Problems::default();
    let mut own = Vec::new();
    let dir = root.join("templates");
    let overrides = [".html", ".xml", ".css", ".js"]
        .iter()
        .map(|suffix| fs::list_files(&dir, suffix))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| Problems(vec![Problem::from(e)]))?;
    for path in overrides.into_iter().flatten() {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let kind = if name.ends_with(".css") || name.ends_with(".js") {
            fs::Input::Asset
        } else {
            fs::Input::Template
        };
        let bytes = match fs::read_input(Some(root), &path, kind) {
            Ok(bytes) => bytes,
            Err(e) => {
                problems.push(Problem::from(e));
                continue;
            }
        };
        if let Some(slot) = statics.iter_mut().find(|(n, _)| *n == name) {
            slot.1 = bytes;
            continue;
        }
        match String::from_utf8(bytes) {
            Ok(text) => {
                own.push((
                    name.clone(),
                    SourceFile::new(&display_path(root, &path), text.as_str()),
                ));
                match sources.iter_mut().find(|(n, _)| *n == name) {
                    Some(slot) => slot.1 = text,
                    None => sources.push((name, text)),
                }
            }
            Err(_) => problems.push(
                Problem::general(
                    Some(&SourceFile::new(&display_path(root, &path), "")),
                    msg!("site-not-utf8"),
                )
                .with_help(msg!("site-not-utf8-help")),
            ),
        }
    }
    let mut key = sha2::Sha256::new();
    for (name, text) in &sources {
        crate::pdf::cache::feed(&mut key, name.as_bytes());
        crate::pdf::cache::feed(&mut key, text.as_bytes());
    }
    let mut tera = tera::Tera::new();
    tera.autoescape_on(vec![".html", ".xml"]);
    if let Err(e) = tera.add_raw_templates(sources.iter().map(|(n, s)| (n.as_str(), s.as_str()))) {
        let found = self::problems(&own, &e, None);
        if found.is_empty() {
            let shown = dir.display().to_string();
            problems.push(
                Problem::general(
                    None,
                    msg!("site-template-problem", dir = shown, error = e.to_string()),
                )
                .with_help(msg!("site-template-problem-help")),
            );
        }
        problems.extend(found);
    }
    if problems.has_errors() {
        return Err(problems);
    }
    Ok(Templates {
        pages: PageTemplates { tera, own },
        statics,
        key: sha2::Digest::finalize(key).into(),
    })
}

/// The problems of a Tera error that are in the contest's own templates `own`, each at its place;
/// empty when the error is about the built-in templates only. Each message names the page `page` being
/// rendered, if any.
fn problems(own: &[(String, SourceFile)], error: &tera::Error, page: Option<&str>) -> Problems {
    let file_of = |name: &str| own.iter().find(|(n, _)| n == name).map(|(_, f)| f);
    let mut found = Problems::default();
    match error.kind() {
        ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => {
            let Some(file) = file_of(report.filename()) else {
                return found;
            };
            let span = report.span();
            let range = span.range.clone();
            // At the end of the file, Tera's range covers what it read of the open block; its line and
            // column (from 0) are the end.
            let at_end =
                file.offset_of(span.start_line, span.start_col + 1) >= file.text.trim_end().len();
            let problem = match error.kind() {
                ErrorKind::SyntaxError(_) => {
                    unclosed_block(file, &range, at_end).unwrap_or_else(|| {
                        at_range(file, range, page, report.message())
                            .with_help(msg!("site-syntax-help"))
                    })
                }
                _ => at_range(file, range, page, report.message())
                    .with_help(msg!("site-render-help")),
            };
            found.push(problem);
        }
        ErrorKind::Msg(text) => {
            for (name, line, column, message) in reported_places(text) {
                if let Some(file) = file_of(&name) {
                    let at = file.offset_of(line, column);
                    let len = word_len(&file.text[at..]);
                    found.push(
                        at_range(file, at..at + len, page, &message)
                            .with_help(msg!("site-unknown-help")),
                    );
                }
            }
        }
        ErrorKind::MissingParent { current, parent } => {
            if let Some(file) = file_of(current) {
                let at = file.text.find(parent.as_str()).unwrap_or(0);
                found.push(
                    Problem::at(
                        file,
                        (at, parent.len().max(1)),
                        rendering(page, msg!("site-missing-parent", parent)),
                    )
                    .with_help(msg!("site-missing-parent-help", parent)),
                );
            }
        }
        _ => {}
    }
    found
}

/// The tags that open a block closed by `end` and their name (`{% if %}` … `{% endif %}`).
const BLOCK_TAGS: [&str; 5] = ["if", "for", "block", "component", "filter"];

/// A syntax error at `range` of `file` read from the template's tags: a block tag left open at the end of
/// the file (`at_end`: Tera stopped there), or an end tag that does not close the block still open (Tera
/// says the tag is unknown). `None` for other errors.
fn unclosed_block(
    file: &SourceFile,
    range: &std::ops::Range<usize>,
    at_end: bool,
) -> Option<Problem> {
    let text: &str = &file.text;
    let at = range.start.min(text.len());
    let word_end = at + word_len(text.get(at..)?);
    let word = &text[at..word_end];
    if at_end || at >= text.trim_end().len() {
        let (tag, start) = *open_tags(text, text.len()).last()?;
        return Some(
            Problem::at(file, tag_span(text, start), msg!("site-never-closed", tag))
                .with_label(msg!("site-opened-here"))
                .with_help(msg!("site-never-closed-help", tag)),
        );
    }
    let closed = word.strip_prefix("end")?;
    let problem = match open_tags(text, at).last() {
        Some(&(tag, start)) if tag != closed => {
            let line = file.line_column(start).0;
            Problem::at(
                file,
                (at, word.len()),
                msg!("site-wrong-end", word, tag, line),
            )
            .with_help(msg!("site-wrong-end-help", tag))
        }
        Some(_) => return None,
        None => Problem::at(file, (at, word.len()), msg!("site-stray-end", word))
            .with_help(msg!("site-stray-end-help")),
    };
    Some(problem.with_label(msg!("diagnostics-here")))
}

/// The block tags of `text` still open at byte `until`, innermost last: each tag's name and the offset
/// of its `{%`. Tags in `{% raw %}` blocks and `{# comments #}` are skipped.
fn open_tags(text: &str, until: usize) -> Vec<(&'static str, usize)> {
    let mut open: Vec<(&'static str, usize)> = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..until].find(['{']) {
        let at = from + i;
        let rest = &text[at..];
        if rest.starts_with("{#") {
            from = rest.find("#}").map_or(until, |end| at + end + 2).min(until);
            continue;
        }
        from = at + 1;
        let Some(inside) = rest.strip_prefix("{%") else {
            continue;
        };
        let inside = inside.trim_start_matches(['-', '+', ' ', '\t', '\r', '\n']);
        let word = &inside[..word_len(inside).min(inside.len())];
        if word == "raw" {
            from = rest.find("endraw").map_or(until, |end| at + end).min(until);
        } else if let Some(tag) = BLOCK_TAGS.iter().find(|t| **t == word) {
            open.push((tag, at));
        } else if let Some(closed) = word.strip_prefix("end")
            && open.last().is_some_and(|(tag, _)| *tag == closed)
        {
            open.pop();
        }
    }
    open
}

/// The span of the tag that begins at `start` (`{% … %}`, or to the end of its line).
fn tag_span(text: &str, start: usize) -> (usize, usize) {
    let rest = &text[start..];
    let line = rest.find('\n').unwrap_or(rest.len());
    let len = rest[..line].find("%}").map_or(line, |end| end + 2);
    (start, len.max(1))
}

/// A problem at the bytes `range` of `file` (widened to whole characters, at least one), with Tera's
/// `message` in lower case, saying which page was being rendered (`page`), if any.
fn at_range(
    file: &SourceFile,
    range: std::ops::Range<usize>,
    page: Option<&str>,
    message: &str,
) -> Problem {
    let text: &str = &file.text;
    let mut start = range.start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = range.end.clamp(start, text.len());
    if end == start && end < text.len() {
        end += 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    Problem::at(
        file,
        (start, end - start),
        rendering(page, Text::plain(lower_first(message))),
    )
    .with_label(msg!("diagnostics-here"))
}

/// `message`, after `cannot render PAGE: ` when a page was being rendered.
fn rendering(page: Option<&str>, message: Text) -> Text {
    match page {
        Some(path) => msg!("site-cannot-render", path, reason = message),
        None => message,
    }
}

/// The message with its first letter in lower case and without a closing full stop, as every message.
fn lower_first(message: &str) -> String {
    let message = message.trim().trim_end_matches('.');
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The length of the name at the start of `text` (at least one character, when there is one).
fn word_len(text: &str) -> usize {
    let word: usize = text
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .map(char::len_utf8)
        .sum();
    match word {
        0 => text.chars().next().map_or(0, char::len_utf8),
        n => n,
    }
}

/// The mistakes in Tera's printed reports: each `error: MESSAGE` followed by its `--> NAME:LINE:COLUMN`
/// (line and column from 1, the column in characters).
fn reported_places(text: &str) -> Vec<(String, usize, usize, String)> {
    let mut found = Vec::new();
    let mut message: Option<&str> = None;
    for line in text.lines() {
        if let Some(m) = line.strip_prefix("error: ") {
            message = Some(m);
            continue;
        }
        let Some(place) = line.trim_start().strip_prefix("--> ") else {
            continue;
        };
        let Some(m) = message.take() else {
            continue;
        };
        let mut parts = place.rsplitn(3, ':');
        let (Some(column), Some(line), Some(name)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        if let (Ok(line), Ok(column)) = (line.parse(), column.parse()) {
            found.push((name.to_string(), line, column, m.to_string()));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The contest's own template `page.html` holding `source` (next to a layout), and Tera's error
    /// on adding it.
    fn own_and_error(source: &str) -> (Vec<(String, SourceFile)>, tera::Error) {
        let file = SourceFile::new(Path::new("templates/page.html"), source);
        let own = vec![("page.html".to_string(), file)];
        let mut tera = tera::Tera::new();
        let error = tera
            .add_raw_templates([
                (
                    "base.html",
                    "<main>{% block main %}{% endblock main %}</main>",
                ),
                ("page.html", source),
            ])
            .expect_err("the template is wrong");
        (own, error)
    }

    /// The problems of adding `source` as the contest's own template `page.html` (next to a layout).
    fn problems_of(source: &str) -> Vec<(String, String)> {
        let (own, error) = own_and_error(source);
        problems(&own, &error, None)
            .0
            .iter()
            .map(|p| (p.location().unwrap(), p.message.to_string()))
            .collect()
    }

    #[test]
    fn template_mistakes_are_worded_in_chinese_too() {
        let source = "{% extends \"base.html\" %}\n{% block main %}{% for a in x %}\n{{ a }}{% endif %}{% endblock main %}";
        let (own, error) = own_and_error(source);
        let found = problems(&own, &error, Some("plan.html"));
        let problem = &found.0[0];
        assert_eq!(
            problem.message.render(crate::i18n::Lang::Zh),
            "`{% endif %}` 不能结束第 2 行开始、还没结束的 `{% for %}`"
        );
        assert_eq!(
            problem.help.as_ref().unwrap().render(crate::i18n::Lang::Zh),
            "请先用 `{% endfor %}` 结束 for 块，或者删去这个结束标签"
        );
        assert_eq!(
            &*problem.message,
            "`{% endif %}` cannot close the `{% for %}` still open from line 2"
        );
    }

    #[test]
    fn a_block_left_open_is_reported_where_it_opens() {
        assert_eq!(
            problems_of("<p>\n中文 {% if x %}\n<b>yes</b>\n"),
            [(
                "templates/page.html:2:4".to_string(),
                "`{% if %}` is never closed".to_string()
            )]
        );
    }

    #[test]
    fn an_end_tag_of_another_block_names_the_open_one() {
        assert_eq!(
            problems_of(
                "{% extends \"base.html\" %}\n{% block main %}{% for a in x %}\n{{ a }}{% endif %}{% endblock main %}"
            ),
            [(
                "templates/page.html:3:11".to_string(),
                "`{% endif %}` cannot close the `{% for %}` still open from line 2".to_string()
            )]
        );
        assert_eq!(
            problems_of("a {% endif %}"),
            [(
                "templates/page.html:1:6".to_string(),
                "`{% endif %}` closes no open block".to_string()
            )]
        );
    }

    #[test]
    fn every_unknown_filter_is_reported_at_its_column_in_characters() {
        assert_eq!(
            problems_of("<p>{{ x | upcase }} 中文 {{ x | foo }}</p>\n"),
            [
                (
                    "templates/page.html:1:11".to_string(),
                    "unknown filter `upcase`".to_string()
                ),
                (
                    "templates/page.html:1:31".to_string(),
                    "unknown filter `foo`".to_string()
                ),
            ]
        );
    }

    #[test]
    fn a_missing_parent_is_reported_at_its_name() {
        assert_eq!(
            problems_of("{% extends \"layout.html\" %}"),
            [(
                "templates/page.html:1:13".to_string(),
                "the template `layout.html` it extends does not exist".to_string()
            )]
        );
    }

    #[test]
    fn tags_in_comments_and_raw_blocks_do_not_count() {
        let text = "{# {% if %} #}{% raw %}{% for %}{% endraw %}{% if x %}{% endif %}{% block b %}";
        assert_eq!(open_tags(text, text.len()), [("block", 65)]);
    }
}
