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
use crate::model::display_path;
use rust_embed::RustEmbed;
use std::path::Path;
use tera::ErrorKind;

/// The built-in templates and static files.
#[derive(RustEmbed)]
#[folder = "src/site/builtin"]
pub(crate) struct Builtin;

/// Files copied to the output as they are (after overriding), not rendered.
pub(crate) const STATIC_FILES: [&str; 2] = ["style.css", "countdown.js"];

/// The templates and static files of one build.
pub(crate) struct Templates {
    /// The page templates.
    pub pages: PageTemplates,
    /// Static files by name.
    pub statics: Vec<(String, Vec<u8>)>,
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
            let doing = format!("cannot render `{path}`: ");
            match problems(&self.own, &e, &doing).0.into_iter().next() {
                Some(problem) => problem,
                None => Problem::general(
                    None,
                    format!("cannot render `{path}` with the template `{template}`:\n{e}"),
                )
                .with_help(
                    "fix the template, or delete its override in `templates/` to use the built-in one",
                ),
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
                    "the template is not UTF-8 text",
                )
                .with_help("save the file as UTF-8"),
            ),
        }
    }
    let mut tera = tera::Tera::new();
    tera.autoescape_on(vec![".html", ".xml"]);
    if let Err(e) = tera.add_raw_templates(sources.iter().map(|(n, s)| (n.as_str(), s.as_str()))) {
        let found = self::problems(&own, &e, "");
        if found.is_empty() {
            let shown = dir.display().to_string();
            problems.push(
                Problem::general(
                    None,
                    format!(
                        "a template in `{shown}` (or a built-in one it extends) has a problem:\n{e}"
                    ),
                )
                .with_help(
                    "fix the template named above; delete the override to go back to the built-in one",
                ),
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
    })
}

/// What to do about a syntax error in a template.
const SYNTAX_HELP: &str = "values are written `{{ name }}` and tags `{% if … %}`, `{% for … %}`, `{% block … %}`, each closed by its `{% endif %}`, `{% endfor %}`, `{% endblock %}`: check the braces and tags here; delete the file to go back to the built-in template";

/// What to do about an error while rendering.
const RENDER_HELP: &str = "check the names used here against the data the page receives (the built-in template in src/site/builtin/ shows them); delete the file to go back to the built-in template";

/// What to do about a name Tera does not know.
const UNKNOWN_HELP: &str = "use only the filters, tests and functions Tera 2 has (see https://keats.github.io/tera/docs/), and only templates and blocks that exist; delete the file to go back to the built-in template";

/// The problems of a Tera error that are in the contest's own templates `own`, each at its place;
/// empty when the error is about the built-in templates only. `doing` begins each message.
fn problems(own: &[(String, SourceFile)], error: &tera::Error, doing: &str) -> Problems {
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
                        at_range(file, range, doing, report.message()).with_help(SYNTAX_HELP)
                    })
                }
                _ => at_range(file, range, doing, report.message()).with_help(RENDER_HELP),
            };
            found.push(problem);
        }
        ErrorKind::Msg(text) => {
            for (name, line, column, message) in reported_places(text) {
                if let Some(file) = file_of(&name) {
                    let at = file.offset_of(line, column);
                    let len = word_len(&file.text[at..]);
                    found.push(
                        at_range(file, at..at + len, doing, &message).with_help(UNKNOWN_HELP),
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
                        format!("{doing}the template `{parent}` it extends does not exist"),
                    )
                    .with_help(format!(
                        "extend one of the templates listed in templates/README.md, or add `templates/{parent}`"
                    )),
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
            Problem::at(file, tag_span(text, start), format!("`{{% {tag} %}}` is never closed"))
                .with_label("opened here")
                .with_help(format!(
                    "add `{{% end{tag} %}}` where the {tag} block ends (every `{{% {tag} … %}}` needs its `{{% end{tag} %}}`)"
                )),
        );
    }
    let closed = word.strip_prefix("end")?;
    let problem = match open_tags(text, at).last() {
        Some(&(tag, start)) if tag != closed => {
            let line = file.line_column(start).0;
            Problem::at(
                file,
                (at, word.len()),
                format!(
                    "`{{% {word} %}}` cannot close the `{{% {tag} %}}` still open from line {line}"
                ),
            )
            .with_help(format!(
                "close the {tag} block first with `{{% end{tag} %}}`, or remove this end tag"
            ))
        }
        Some(_) => return None,
        None => Problem::at(
            file,
            (at, word.len()),
            format!("`{{% {word} %}}` closes no open block"),
        )
        .with_help("remove it, or add the tag that opens its block before it"),
    };
    Some(problem.with_label("here"))
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
/// `message` in lower case.
fn at_range(
    file: &SourceFile,
    range: std::ops::Range<usize>,
    doing: &str,
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
        format!("{doing}{}", lower_first(message)),
    )
    .with_label("here")
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

    /// The problems of adding `source` as the contest's own template `page.html` (next to a layout).
    fn problems_of(source: &str) -> Vec<(String, String)> {
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
        problems(&own, &error, "")
            .0
            .iter()
            .map(|p| (p.location().unwrap(), p.message.to_string()))
            .collect()
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
