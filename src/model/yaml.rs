//! Reading YAML with serde-saphyr so that every problem names its line and column.
//!
//! serde stops at the first error of a document. To report the problems of every section in one run,
//! [`Sections`] splits a file at its top-level keys and reads each section on its own, from a copy of the
//! file in which all other sections are blanked out byte for byte, so offsets, lines and columns stay those
//! of the real file.
//!
//! The wording, label and help of a report are chosen from the library's error variant (and, for a
//! syntax error, from the parser's [`ErrorKind`]), never from the words of its message, so that a new
//! library version cannot silently drop a help; the tests at the end of this file read real YAML through
//! the library for every kind.

use crate::diagnostics::{Problem, Problems, SourceFile};
use serde::de::DeserializeOwned;
use serde_saphyr::granit_parser::ErrorKind;
use serde_saphyr::{
    DefaultMessageFormatter, Error, ExternalMessageSource, Localizer, Location, MessageFormatter,
    Spanned,
};
use std::borrow::Cow;
use std::collections::HashMap;

/// Options shared by every YAML read: duplicate keys are errors, yes/no are not booleans.
fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::Error,
        strict_booleans: true,
        with_snippet: false,
    }
}

/// Reads a whole YAML document as `T`.
pub fn parse<T: DeserializeOwned>(file: &SourceFile, text: &str) -> Result<T, Problem> {
    serde_saphyr::from_str_with_options::<T>(text, options())
        .map_err(|e| to_problem(file, text, &e))
}

/// Starts every message of [`date_error`], so that the report can tell it from other messages.
const DATE_MARK: &str = "\u{E000}date\u{E000}";

/// A deserialisation error about how a date or time is written (`message` is the whole sentence); the
/// report adds how dates are written as its help. Only for values read through this module.
pub(crate) fn date_error<E: serde::de::Error>(message: impl std::fmt::Display) -> E {
    E::custom(format!("{DATE_MARK}{message}"))
}

/// What a YAML error is about, read from the library's error variant.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    /// No value where a text is needed.
    Empty,
    /// `yes`, `on` and the like where `true` or `false` is needed.
    NotBoolean,
    /// A key written twice in one mapping: the key, when the library can show it.
    DuplicateKey(Option<String>),
    /// Not a whole number where one is needed.
    NotWholeNumber,
    /// A key this mapping does not have: the keys it has.
    UnknownKey(Vec<&'static str>),
    /// A key this mapping needs is missing.
    MissingKey,
    /// A value that is not one of those allowed.
    UnknownValue,
    /// Our own message about how a date or time is written: the message without its mark.
    Date(String),
    /// A syntax error in the layout of the file (indentation, a `: ` inside a value, ...); `tab` when
    /// the parser says a tab caused it.
    Layout {
        /// A tab is the cause.
        tab: bool,
    },
    /// A tab where YAML allows none.
    Tab,
    /// Anything else: the library's message is shown as it is, without a help.
    Other,
}

/// The integer types whose parse errors become "not a whole number".
const WHOLE_NUMBERS: [&str; 9] = [
    "u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64", "usize",
];

impl Kind {
    /// Reads the kind of `error` (wrapped errors are unwrapped).
    fn of(error: &Error) -> Kind {
        match error {
            Error::WithSnippet { error, .. } | Error::AliasError { error, .. } => Kind::of(error),
            Error::NullIntoString { .. } | Error::InvalidCharNull { .. } => Kind::Empty,
            Error::InvalidBooleanStrict { .. } => Kind::NotBoolean,
            Error::DuplicateMappingKey { key, .. } => Kind::DuplicateKey(key.clone()),
            Error::InvalidScalar { ty, .. } if WHOLE_NUMBERS.contains(ty) => Kind::NotWholeNumber,
            Error::SerdeUnknownField { expected, .. } => Kind::UnknownKey(expected.clone()),
            Error::SerdeMissingField { .. } => Kind::MissingKey,
            Error::SerdeUnknownVariant { .. } => Kind::UnknownValue,
            Error::Message { msg, .. } => match msg.strip_prefix(DATE_MARK) {
                Some(message) => Kind::Date(escape_controls(message)),
                None => Kind::Other,
            },
            Error::FoldedBlockScalarMustIndentContent { .. } => Kind::Layout { tab: false },
            Error::ExternalMessage { source, .. } => match source.as_ref() {
                ExternalMessageSource::Parser(scan) => Kind::of_syntax(scan.kind()),
                _ => Kind::Other,
            },
            _ => Kind::Other,
        }
    }

    /// Reads the kind of a parser error.
    fn of_syntax(kind: &ErrorKind) -> Kind {
        use ErrorKind as K;
        match kind {
            K::TabNotAllowed | K::TabInIndentation | K::TabInPlainScalar => Kind::Tab,
            K::TabInBlockIndentation | K::TabAtBlockScalarStart => Kind::Layout { tab: true },
            K::MappingValueNotAllowed
            | K::ExpectedBlockMappingKey
            | K::ExpectedBlockSequenceEntry
            | K::ExpectedNodeContent
            | K::ExpectedFlowMappingSeparator
            | K::UnexpectedEofBlockSequence
            | K::UnexpectedEofBlockMapping
            | K::BlockEntryInFlowCollection
            | K::BlockSequenceEntryNotAllowed
            | K::ZeroBlockScalarIndent
            | K::InvalidBlockScalarHeader
            | K::InvalidBlockScalarIndent
            | K::ExpectedStreamStart
            | K::ExpectedDocumentStart
            | K::ExpectedTagBang
            | K::ExpectedTagDirectiveBang
            | K::InvalidDirectiveTerminator
            | K::MissingYamlVersionSeparator
            | K::MissingYamlVersion
            | K::InvalidTagDirectiveTerminator
            | K::InvalidTagTerminator
            | K::MissingTagUri
            | K::MissingAnchorOrAliasName
            | K::InvalidQuotedScalarHexEscape
            | K::InvalidLowSurrogateHexEscape => Kind::Layout { tab: false },
            _ => Kind::Other,
        }
    }

    /// The message: ours for the kinds we word ourselves, otherwise the library's (`library`).
    /// `found` is the text the error points at.
    fn message(&self, library: String, found: Option<&str>) -> String {
        match self {
            Kind::Empty => "the value is empty; write a value after the colon (or remove the key if it may be left out)".into(),
            Kind::NotBoolean => "write `true` or `false`".into(),
            Kind::DuplicateKey(Some(key)) => format!(
                "the key `{}` is written twice in this section",
                escape_controls(key)
            ),
            Kind::DuplicateKey(None) => "duplicate mapping key".into(),
            Kind::NotWholeNumber => match found {
                Some(found) => format!("`{}` is not a whole number", found.trim()),
                None => "expected a whole number".into(),
            },
            Kind::Date(message) => message.clone(),
            Kind::UnknownKey(_)
            | Kind::MissingKey
            | Kind::UnknownValue
            | Kind::Layout { .. }
            | Kind::Tab
            | Kind::Other => library,
        }
    }

    /// The label under the highlighted text.
    fn label(&self) -> &'static str {
        match self {
            Kind::UnknownKey(_) => "unknown key",
            Kind::MissingKey => "in this section",
            Kind::DuplicateKey(Some(_)) => "written twice",
            _ => "here",
        }
    }

    /// What to do about it.
    fn help(&self) -> Option<String> {
        Some(match self {
            Kind::UnknownKey(expected) if expected.is_empty() => {
                "check the spelling of the key, or remove it".into()
            }
            Kind::UnknownKey(expected) => format!(
                "check the spelling; the keys allowed here are: {}",
                expected.join(", ")
            ),
            Kind::MissingKey => "add the missing key to this section".into(),
            Kind::DuplicateKey(Some(_)) => {
                "each key may appear once: remove or merge the repeated one".into()
            }
            Kind::UnknownValue => "use one of the values listed".into(),
            Kind::NotWholeNumber => {
                "write a whole number in digits, without units, for example 20".into()
            }
            Kind::Date(_) => {
                "dates are written YYYY-MM-DD, such as 2025-10-31; a date not fixed yet is written tbd"
                    .into()
            }
            Kind::Layout { .. } => "check the indentation: keys of one section must line up under each other, and a value that contains `: ` must be put in quotes".into(),
            Kind::Tab => "indent with spaces; YAML does not allow tabs".into(),
            Kind::Empty | Kind::NotBoolean | Kind::DuplicateKey(None) | Kind::Other => {
                return None;
            }
        })
    }

    /// Whether the report points at the first tab of the line rather than where the parser stopped.
    fn about_a_tab(&self) -> bool {
        matches!(self, Kind::Tab | Kind::Layout { tab: true })
    }
}

/// Renders the library's message without its "at line X, column Y" (the report shows the place, with
/// the line) and without alias locations.
struct WithoutLocation;

impl Localizer for WithoutLocation {
    fn attach_location<'a>(&self, base: Cow<'a, str>, _: Location) -> Cow<'a, str> {
        base
    }

    fn alias_defined_at(&self, _: Location) -> String {
        String::new()
    }

    fn alias_used_at(&self, _: Location) -> String {
        String::new()
    }
}

impl MessageFormatter for WithoutLocation {
    fn localizer(&self) -> &dyn Localizer {
        self
    }

    fn format_message<'a>(&self, err: &'a Error) -> Cow<'a, str> {
        DefaultMessageFormatter.format_message(err)
    }
}

/// `text` with control characters escaped, as the library does in its own messages.
fn escape_controls(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
                c.escape_debug().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Turns a serde-saphyr error into a located problem in `file`; `text` is what was parsed (the file or
/// a blanked copy of it with the same byte layout).
pub fn to_problem(file: &SourceFile, text: &str, error: &serde_saphyr::Error) -> Problem {
    let inner = error.without_snippet();
    let kind = Kind::of(inner);
    let mut span = inner.location().and_then(|loc| span_of(text, &loc));
    let message = kind.message(
        inner.render_with_formatter(&WithoutLocation),
        span.map(|(at, len)| &text[at..at + len]),
    );
    if kind.about_a_tab() {
        span = span.map(|(at, _)| back_to_tab(text, at));
    }
    let problem = match span {
        Some(span) => Problem::at(file, span, message).with_label(kind.label()),
        None => Problem::general(Some(file), message),
    };
    match kind.help() {
        Some(help) => problem.with_help(help),
        None => problem,
    }
}

/// Byte offset and length of a location, from the byte span or, failing that, the character span.
pub fn span_of(text: &str, loc: &Location) -> Option<(usize, usize)> {
    if *loc == Location::UNKNOWN || loc.line() == 0 {
        return None;
    }
    let span = loc.span();
    if let (Some(offset), Some(len)) = (span.byte_offset(), span.byte_len()) {
        let start = offset as usize;
        return Some(on_chars(text, start, start.saturating_add(len as usize)));
    }
    let start = text
        .char_indices()
        .nth(span.offset() as usize)
        .map_or(text.len(), |(i, _)| i);
    let end = text[start..]
        .char_indices()
        .nth(span.len() as usize)
        .map_or(text.len(), |(i, _)| start + i);
    Some(on_chars(text, start, end))
}

/// The span from `start` to `end` made safe to slice and show: inside `text`, at least one byte long when
/// the text allows, widened to whole characters (a parser's byte span can end inside a Chinese character).
fn on_chars(text: &str, start: usize, end: usize) -> (usize, usize) {
    let mut start = start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = end.clamp(start, text.len());
    if end == start && end < text.len() {
        end += 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    (start, end - start)
}

/// The span of a `Spanned` value, for semantic errors.
pub fn spanned_at<T>(file: &SourceFile, value: &Spanned<T>) -> Option<(usize, usize)> {
    span_of(&file.text, &value.referenced)
}

/// Moves an error about a tab back onto the first tab of its line, at or before `at`.
fn back_to_tab(text: &str, at: usize) -> (usize, usize) {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    match text[line_start..line_end].find('\t') {
        Some(tab) => (line_start + tab, 1),
        None => (at, 1),
    }
}

/// A YAML file split at its top-level keys.
pub struct Sections<'a> {
    file: &'a SourceFile,
    /// key, byte range of the section (from the key to the next top-level key)
    ranges: Vec<(String, std::ops::Range<usize>)>,
    problems: Problems,
}

impl<'a> Sections<'a> {
    /// Splits `file`; duplicate top-level keys are reported.
    pub fn split(file: &'a SourceFile) -> Self {
        let text: &str = &file.text;
        let mut starts: Vec<(String, usize)> = Vec::new();
        let mut boundaries: Vec<usize> = Vec::new();
        let mut offset = 0;
        let mut problems = Problems::default();
        for line in text.split_inclusive('\n') {
            let first = line.chars().next().unwrap_or(' ');
            let is_key_line = !matches!(first, ' ' | '\t' | '#' | '-' | '\n' | '\r' | '.' | '%')
                && line.contains(':');
            if is_key_line {
                let key = line
                    .split(':')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .trim_matches(['"', '\''])
                    .to_string();
                boundaries.push(offset);
                if let Some((_, first_at)) = starts.iter().find(|(k, _)| *k == key) {
                    let (first_line, _) = file.line_column(*first_at);
                    problems.push(
                        Problem::at(
                            file,
                            (offset, key.len().max(1)),
                            format!("section `{key}` is written twice"),
                        )
                        .with_label("second time")
                        .with_help(format!(
                            "the first `{key}:` is on line {first_line}; keep one of them"
                        )),
                    );
                } else {
                    starts.push((key, offset));
                }
            }
            offset += line.len();
        }
        let mut ranges = Vec::with_capacity(starts.len());
        for (key, start) in &starts {
            let end = boundaries
                .iter()
                .find(|b| **b > *start)
                .copied()
                .unwrap_or(text.len());
            ranges.push((key.clone(), *start..end));
        }
        Sections {
            file,
            ranges,
            problems,
        }
    }

    /// Reports every top-level key that is not in `known`.
    pub fn reject_unknown(&mut self, known: &[&str]) {
        for (key, range) in &self.ranges {
            if !known.contains(&key.as_str()) {
                self.problems.push(
                    Problem::at(
                        self.file,
                        (range.start, key.len().max(1)),
                        format!("unknown section `{key}`"),
                    )
                    .with_label("unknown key")
                    .with_help(format!(
                        "check the spelling; the sections are: {}",
                        known.join(", ")
                    )),
                );
            }
        }
    }

    /// Reads section `key` as `T`; a missing section is reported when `required`.
    pub fn take<T: DeserializeOwned>(&mut self, key: &str, required: bool) -> Option<T> {
        let Some((_, range)) = self.ranges.iter().find(|(k, _)| k == key) else {
            if required {
                self.problems.push(
                    Problem::general(Some(self.file), format!("the section `{key}` is missing"))
                        .with_help(format!(
                            "add a top-level `{key}:` section (see the README for its keys)"
                        )),
                );
            }
            return None;
        };
        let masked = blank_outside(&self.file.text, range.clone());
        match serde_saphyr::from_str_with_options::<HashMap<String, T>>(&masked, options()) {
            Ok(mut map) => map.remove(key),
            Err(error) => {
                self.problems.push(to_problem(self.file, &masked, &error));
                None
            }
        }
    }

    /// The problems found so far.
    pub fn into_problems(self) -> Problems {
        self.problems
    }
}

/// A copy of `text` where everything outside `keep` is replaced by spaces of the same byte length
/// (newlines kept), so that positions in the copy are positions in the original.
fn blank_outside(text: &str, keep: std::ops::Range<usize>) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if keep.contains(&i) || c == '\n' {
            out.push(c);
        } else {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    //! Each kind of error read from real YAML through the library: if a new version of serde-saphyr
    //! reports one of them with another variant, a test here fails instead of a help going missing.

    use super::*;
    use crate::model::values::{Day, Deadline, Id, When};
    use std::path::Path;

    #[derive(Debug, serde::Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum Colour {
        Red,
        Green,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sample {
        name: String,
        count: Option<u32>,
        open: Option<bool>,
        day: Option<Day>,
        when: Option<When>,
        deadline: Option<Deadline>,
        colour: Option<Colour>,
        id: Option<Id>,
        sub: Option<HashMap<String, String>>,
    }

    const KEYS: &str = "name, count, open, day, when, deadline, colour, id, sub";
    const INDENT_HELP: &str = "check the indentation: keys of one section must line up under each other, and a value that contains `: ` must be put in quotes";
    const DATE_HELP: &str =
        "dates are written YYYY-MM-DD, such as 2025-10-31; a date not fixed yet is written tbd";

    /// The problem reading `text` as a [`Sample`], and the text it highlights.
    fn problem(text: &str) -> (Problem, Option<String>) {
        let file = SourceFile::new(Path::new("sample.yaml"), text);
        let problem = parse::<Sample>(&file, text).expect_err("the sample is wrong");
        let at = problem.span.map(|(at, len)| text[at..at + len].to_string());
        (problem, at)
    }

    /// Reads `text` and checks the message, label, help and highlighted text of its problem.
    fn check(text: &str, message: &str, label: &str, help: Option<&str>, at: &str) {
        let (problem, found) = problem(text);
        assert_eq!(problem.message, message, "message for {text:?}");
        assert_eq!(problem.label.as_deref(), Some(label), "label for {text:?}");
        assert_eq!(problem.help.as_deref(), help, "help for {text:?}");
        assert_eq!(found.as_deref(), Some(at), "highlighted text for {text:?}");
    }

    #[test]
    fn unknown_key() {
        check(
            "name: a\ncolor: red\n",
            &format!("unknown field `color`, expected one of {KEYS}"),
            "unknown key",
            Some(&format!(
                "check the spelling; the keys allowed here are: {KEYS}"
            )),
            "color",
        );
    }

    #[test]
    fn missing_key() {
        let (problem, _) = problem("count: 3\n");
        assert_eq!(problem.message, "missing field `name`");
        assert_eq!(
            problem.help.as_deref(),
            Some("add the missing key to this section")
        );
        if problem.span.is_some() {
            assert_eq!(problem.label.as_deref(), Some("in this section"));
        }
    }

    #[test]
    fn duplicate_key() {
        check(
            "name: a\nname: b\n",
            "the key `name` is written twice in this section",
            "written twice",
            Some("each key may appear once: remove or merge the repeated one"),
            "name",
        );
    }

    #[test]
    fn a_duplicate_key_with_a_control_character_is_escaped() {
        let (problem, _) = problem("name: a\nsub:\n  \"a\\u0001\": x\n  \"a\\u0001\": y\n");
        assert_eq!(
            problem.message,
            "the key `a\\u{1}` is written twice in this section"
        );
    }

    #[test]
    fn yes_is_not_a_boolean() {
        let (problem, at) = problem("name: a\nopen: yes\n");
        assert_eq!(problem.message, "write `true` or `false`");
        assert_eq!(problem.label.as_deref(), Some("here"));
        assert_eq!(problem.help, None);
        assert_eq!(at.as_deref(), Some("yes"));
    }

    #[test]
    fn empty_value() {
        let (problem, _) = problem("name:\ncount: 1\n");
        assert_eq!(
            problem.message,
            "the value is empty; write a value after the colon (or remove the key if it may be left out)"
        );
        assert_eq!(problem.help, None);
    }

    #[test]
    fn not_a_whole_number() {
        check(
            "name: a\ncount: 两\n",
            "`两` is not a whole number",
            "here",
            Some("write a whole number in digits, without units, for example 20"),
            "两",
        );
    }

    #[test]
    fn unknown_value() {
        check(
            "name: a\ncolour: blue\n",
            "unknown variant `blue`, expected one of red, green",
            "here",
            Some("use one of the values listed"),
            "blue",
        );
    }

    #[test]
    fn dates_and_times_carry_the_date_help() {
        for (text, message, at) in [
            (
                "name: a\nday: 2025-13-01\n",
                "`2025-13-01` is not a real date (check the month and the day)",
                "2025-13-01",
            ),
            (
                "name: a\nday: 31/10/2025\n",
                "`31/10/2025` is not a date: write it as YYYY-MM-DD, for example 2025-10-31",
                "31/10/2025",
            ),
            (
                "name: a\nwhen: soon\n",
                "`soon` is not a date: write it as YYYY-MM-DD, for example 2025-10-31, or `tbd` when it is not fixed yet",
                "soon",
            ),
            (
                "name: a\ndeadline: 2025-10-31 25:00\n",
                "`25:00` is not a time of day: write it as HH:MM, for example 17:00",
                "2025-10-31 25:00",
            ),
        ] {
            check(text, message, "here", Some(DATE_HELP), at);
        }
    }

    #[test]
    fn our_other_messages_are_shown_as_written() {
        // "Stable" holds the letters "tab": the report must not take it for a tab.
        check(
            "name: a\nid: Stable\n",
            "`Stable` cannot be an id: use lower-case letters a-z, digits and `-`, for example `ai-trainer`",
            "here",
            None,
            "Stable",
        );
    }

    #[test]
    fn a_value_with_a_colon_is_a_layout_error() {
        check(
            "name: a b: c\n",
            "mapping values are not allowed in this context",
            "here",
            Some(INDENT_HELP),
            ":",
        );
    }

    #[test]
    fn a_key_indented_too_far_is_a_layout_error() {
        let (problem, _) = problem("name: a\nsub:\n  x: 1\n   y: 2\n");
        assert_eq!(
            problem.message,
            "mapping values are not allowed in this context"
        );
        assert_eq!(problem.help.as_deref(), Some(INDENT_HELP));
    }

    #[test]
    fn a_tab_in_block_indentation_points_at_the_tab() {
        check(
            "name: a\nsub:\n\tx: y\n",
            "tabs disallowed within this context (block indentation)",
            "here",
            Some(INDENT_HELP),
            "\t",
        );
        // Here the parser stops on the line before the tab, and the report stays there.
        let (problem, _) = problem("name: |\n\tx\n");
        assert_eq!(
            problem.message,
            "a block scalar content cannot start with a tab"
        );
        assert_eq!(problem.help.as_deref(), Some(INDENT_HELP));
    }

    #[test]
    fn a_tab_elsewhere_carries_the_tab_help() {
        // The parser stops at the end of the line before the tab, and the report stays there.
        let (problem, _) = problem("name: a\nsub:\n  x: y\n\t z: w\n");
        assert_eq!(
            problem.message,
            "while scanning a plain scalar, found a tab"
        );
        assert_eq!(
            problem.help.as_deref(),
            Some("indent with spaces; YAML does not allow tabs")
        );
    }

    #[test]
    fn the_library_message_has_no_location() {
        let (problem, _) = problem("- a\n");
        assert!(
            !problem.message.contains(" at line "),
            "{}",
            problem.message
        );
        assert_eq!(problem.help, None);
    }
}
