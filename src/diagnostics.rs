//! Problems in the user's files, each with its place, reported all at once through miette.
//!
//! A problem keeps its message, label and help as [`Text`] (a message id of the catalogue with its
//! arguments, or a plain string not converted yet); the language is chosen only when it is reported
//! ([`Problem::to_report`], [`Problem::render`]), so the stages that find problems stay language-free.

use crate::i18n::{Lang, Text};
use crate::msg;
use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A source file a problem points into.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as shown to the user.
    pub path: PathBuf,
    /// The whole text.
    pub text: Arc<str>,
}

impl SourceFile {
    /// Wraps a file's path and text.
    pub fn new(path: &Path, text: impl Into<Arc<str>>) -> Self {
        SourceFile {
            path: path.to_path_buf(),
            text: text.into(),
        }
    }

    /// The byte offset of a 1-based line and character column.
    pub fn offset_of(&self, line: usize, column: usize) -> usize {
        let mut offset = 0;
        for (index, text) in self.text.split_inclusive('\n').enumerate() {
            if index + 1 == line {
                let in_line: usize = text
                    .chars()
                    .take(column.saturating_sub(1))
                    .map(char::len_utf8)
                    .sum();
                return offset + in_line;
            }
            offset += text.len();
        }
        self.text.len()
    }

    /// The 1-based line and character column of a byte offset.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = self.text[line_start..offset].chars().count() + 1;
        (line, column)
    }
}

/// One problem: what is wrong, where, and what to do.
#[derive(Debug, Clone)]
pub struct Problem {
    /// The file the problem is in, when it is in a file.
    pub file: Option<SourceFile>,
    /// Byte offset and length inside the file.
    pub span: Option<(usize, usize)>,
    /// What is wrong, lower case, paths in backticks.
    pub message: Text,
    /// The label under the highlighted text.
    pub label: Option<Text>,
    /// What to do about it.
    pub help: Option<Text>,
    /// A warning does not stop the build.
    pub severity: Severity,
}

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Reported; the build goes on.
    Warning,
    /// Reported; nothing is written.
    Error,
}

impl Problem {
    /// An error at a place in a file.
    pub fn at(file: &SourceFile, span: (usize, usize), message: impl Into<Text>) -> Self {
        Problem {
            file: Some(file.clone()),
            span: Some(span),
            message: message.into(),
            label: None,
            help: None,
            severity: Severity::Error,
        }
    }

    /// An error about a whole file or no file at all.
    pub fn general(file: Option<&SourceFile>, message: impl Into<Text>) -> Self {
        Problem {
            file: file.cloned(),
            span: None,
            message: message.into(),
            label: None,
            help: None,
            severity: Severity::Error,
        }
    }

    /// Adds a hint on what to do.
    pub fn with_help(mut self, help: impl Into<Text>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a label shown under the highlighted text.
    pub fn with_label(mut self, label: impl Into<Text>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Makes this a warning.
    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    /// `path:line:column`, or just the path, or nothing.
    pub fn location(&self) -> Option<String> {
        let file = self.file.as_ref()?;
        Some(match self.span {
            Some((offset, _)) => {
                let (line, column) = file.line_column(offset);
                format!("{}:{line}:{column}", file.path.display())
            }
            None => file.path.display().to_string(),
        })
    }
}

impl fmt::Display for Problem {
    /// `path:line:column: message` in English (logs and tests); see [`Problem::render`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl std::error::Error for Problem {}

impl Problem {
    /// `path:line:column: message` (or `path: message`, or the message) in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let message = self.message.render(lang);
        match self.location() {
            Some(location) => format!("{location}: {message}"),
            None => message,
        }
    }

    /// The report as printed on the terminal in `lang`: the message, the marked source lines, the help.
    pub fn report(&self, lang: Lang) -> String {
        report_text(&self.to_report(lang), lang)
    }

    /// A miette report in `lang`, with the file name attached, for printing with `{:?}`.
    pub fn to_report(&self, lang: Lang) -> miette::Report {
        let report = miette::Report::new(Rendered {
            // miette's head line: `path:line:column: message`.
            message: self.render(lang),
            help: self.help.as_ref().map(|h| h.render(lang)),
            label: self
                .label
                .clone()
                .unwrap_or_else(|| msg!("diagnostics-here"))
                .render(lang),
            span: self.span,
            severity: self.severity,
        });
        match &self.file {
            Some(file) => report.with_source_code(CharColumns {
                name: file.path.display().to_string(),
                text: file.text.clone(),
            }),
            None => report,
        }
    }
}

/// A problem's words in one language, as miette shows them.
#[derive(Debug)]
struct Rendered {
    message: String,
    help: Option<String>,
    label: String,
    span: Option<(usize, usize)>,
    severity: Severity,
}

impl fmt::Display for Rendered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Rendered {}

impl miette::Diagnostic for Rendered {
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Warning => miette::Severity::Warning,
            Severity::Error => miette::Severity::Error,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let (offset, len) = self.span?;
        let span = SourceSpan::from((offset, len));
        let label = miette::LabeledSpan::new_with_span(Some(self.label.clone()), span);
        Some(Box::new(std::iter::once(label)))
    }
}

/// A miette report as text (`{:?}`) in `lang`: miette's own word `help:` becomes the language's
/// (`提示：` in Chinese).
pub fn report_text(report: &miette::Report, lang: Lang) -> String {
    let text = format!("{report:?}");
    if lang == Lang::En {
        return text;
    }
    let word = msg!("diagnostics-help-word").render(lang);
    text.lines()
        .map(|line| match line.find("help: ") {
            // The footer: two spaces (maybe inside a colour code), then `help: `.
            Some(at) if is_footer_indent(&line[..at]) => {
                format!("{}{word}{}", &line[..at], &line[at + "help: ".len()..])
            }
            _ => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether the text before `help: ` on a line is miette's footer indent: spaces, maybe with a colour
/// code (which ends in `m`).
fn is_footer_indent(before: &str) -> bool {
    before.chars().all(|c| c == ' ') || (before.contains('\x1b') && before.ends_with('m'))
}

/// A file's text for miette, counting columns in characters: miette counts bytes, so the `file:line:
/// column` above an excerpt would not match the `file:line:column` of the problem's first line (which,
/// as editors do, counts characters) after a Chinese character on the line.
#[derive(Debug)]
struct CharColumns {
    /// The path as shown.
    name: String,
    /// The whole text.
    text: Arc<str>,
}

impl SourceCode for CharColumns {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let text: &str = &self.text;
        let contents =
            text.as_bytes()
                .read_span(span, context_lines_before, context_lines_after)?;
        let start = contents.span().offset().min(text.len());
        let line_start = text.as_bytes()[..start]
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1);
        let column = text
            .get(line_start..start)
            .map_or(start - line_start, |before| before.chars().count());
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            contents.data(),
            *contents.span(),
            contents.line(),
            column,
            contents.line_count(),
        )))
    }
}

/// Every problem found in one run.
#[derive(Debug, Clone, Default)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    /// Adds a problem.
    pub fn push(&mut self, problem: Problem) {
        self.0.push(problem);
    }

    /// Whether any problem is an error (warnings do not count).
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|p| p.severity == Severity::Error)
    }

    /// Only the errors.
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.0.iter().filter(|p| p.severity == Severity::Error)
    }

    /// Only the warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Problem> {
        self.0.iter().filter(|p| p.severity == Severity::Warning)
    }

    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Appends all problems of `other`.
    pub fn extend(&mut self, other: Problems) {
        self.0.extend(other.0);
    }

    /// Sorts by file and position, so reports are stable.
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| {
            let key = |p: &Problem| (p.file.as_ref().map(|f| f.path.clone()), p.span.map(|s| s.0));
            key(a).cmp(&key(b))
        });
    }
}

impl Problems {
    /// `N problems found` and every problem, one a line, in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let mut text =
            msg!("diagnostics-problems-found", count = self.errors().count()).render(lang);
        text.push('\n');
        for problem in &self.0 {
            text.push_str(&problem.render(lang));
            text.push('\n');
        }
        text
    }
}

impl fmt::Display for Problems {
    /// [`Problems::render`] in English (logs and tests).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl std::error::Error for Problems {}
