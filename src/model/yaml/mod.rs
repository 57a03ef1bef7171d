//! Reading YAML with serde-saphyr so that every problem names its line and column.
//!
//! serde stops at the first error of a document. To report the problems of every section in one run,
//! [`Sections`] splits a file at its top-level keys and reads each section on its own, from a copy of the
//! file in which all other sections are blanked out byte for byte, so offsets, lines and columns stay those
//! of the real file. Inside a section, after each error the smallest block holding it (a list item with
//! the lines under it, or a `key:` line with the lines under it; see `blocks.rs`) is blanked the same way
//! and the section read again, so every mistake of a section is reported too, in file order and each
//! once. An error that the blanking itself causes (the mapping that lost a misspelt key now lacks it) is
//! not reported: the block around it is blanked in turn.
//!
//! A section with nothing under it is reported as empty, naming the keys it needs: `probe.rs` finds them
//! by asking the library what a value of the section's type must hold, not from a list kept by hand.
//!
//! The wording, label and help of a report (messages of `i18n/*/model-yaml.ftl`) are chosen from the
//! library's error variant (and, for a syntax error, from the parser's
//! [`ErrorKind`](serde_saphyr::granit_parser::ErrorKind)), never from the words of its message, so that
//! a new library version cannot silently drop a help (what is written where the error is, a list or keys
//! and values where one value belongs, is read from the file's text); the tests in `tests.rs` read real
//! YAML through the library for every kind. A value our own `Deserialize` refuses (a date, an id) says
//! which [`Mistake`] it is through [`own_error`], so that its report is worded in the reader's language
//! too. Only a syntax error the library words itself keeps its English words, after a Chinese sentence.

mod blocks;
mod kind;
mod probe;
mod recover;

use kind::{Kind, WithoutLocation};
pub(crate) use kind::{Mistake, own_error};
pub use probe::stand_in;

use super::Spanned;
use crate::diagnostics::{Problem, Problems, SourceFile};
use crate::i18n::{Text, and_list, comma_list};
use crate::msg;
use serde::de::DeserializeOwned;
use serde_saphyr::Location;
use std::ops::Range;

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

/// Turns a serde-saphyr error into a located problem in `file`; `text` is what was parsed (the file or
/// a blanked copy of it with the same byte layout).
pub fn to_problem(file: &SourceFile, text: &str, error: &serde_saphyr::Error) -> Problem {
    located(file, text, error).0
}

/// The problem of `error` in `file` (read as `text`), and its kind.
fn located(file: &SourceFile, text: &str, error: &serde_saphyr::Error) -> (Problem, Kind) {
    let inner = error.without_snippet();
    let mut span = inner.location().and_then(|loc| span_of(text, &loc));
    let mut kind = Kind::of(inner);
    if let Some((at, len)) = span {
        let written = blocks::written_at(text, at);
        kind = kind.written(written);
        if matches!(written, kind::Shape::List | kind::Shape::Mapping)
            && matches!(kind, Kind::WrongShape { .. })
        {
            // The library points at one byte of what is written: show its whole first line.
            let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
            span = Some((at, text[at..line_end].trim_end().len().max(len)));
        }
    }
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
    let problem = match kind.help() {
        Some(help) => problem.with_help(help),
        None => problem,
    };
    (problem, kind)
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

/// How the messages about a file's top-level keys name them, and where they send the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guide {
    /// contest.yaml: its top-level keys are sections, described in the README.
    Contest,
    /// A form file: its top-level keys are keys, described in section 2 of forms/README.md.
    Form,
}

impl Guide {
    /// What a top-level key is called: `section` in contest.yaml, `key` in a form file.
    fn noun(self) -> Text {
        match self {
            Guide::Contest => msg!("yaml-noun-section"),
            Guide::Form => msg!("yaml-noun-key"),
        }
    }

    /// The same, in the plural: `sections`, `keys`.
    fn nouns(self) -> Text {
        match self {
            Guide::Contest => msg!("yaml-nouns-section"),
            Guide::Form => msg!("yaml-nouns-key"),
        }
    }

    /// Where the keys are described, as the end of a help text: `see the README for its keys`.
    fn guide(self) -> Text {
        match self {
            Guide::Contest => msg!("yaml-guide-contest"),
            Guide::Form => msg!("yaml-guide-form"),
        }
    }
}

/// Each line of `text` that begins a top-level key: the key and the line's byte offset.
fn top_level_keys(text: &str) -> Vec<(String, usize)> {
    let mut keys = Vec::new();
    let mut offset = 0;
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
            keys.push((key, offset));
        }
        offset += line.len();
    }
    keys
}

/// Where the top-level key `key` of `file` is written (its first time): byte offset and length, for a
/// problem about the whole section.
pub fn top_level_key(file: &SourceFile, key: &str) -> Option<(usize, usize)> {
    top_level_keys(&file.text)
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(k, at)| (at, k.len().max(1)))
}

/// A YAML file split at its top-level keys.
pub struct Sections<'a> {
    file: &'a SourceFile,
    /// key, byte range of the section (from the key to the next top-level key)
    ranges: Vec<(String, std::ops::Range<usize>)>,
    problems: Problems,
    guide: Guide,
}

impl<'a> Sections<'a> {
    /// Splits `file` (contest.yaml's wording); duplicate top-level keys are reported.
    pub fn split(file: &'a SourceFile) -> Self {
        Self::split_as(file, Guide::Contest)
    }

    /// Splits `file`, naming its top-level keys as `guide` says; duplicate top-level keys are reported.
    pub fn split_as(file: &'a SourceFile, guide: Guide) -> Self {
        let noun = guide.noun();
        let text: &str = &file.text;
        let mut starts: Vec<(String, usize)> = Vec::new();
        let mut boundaries: Vec<usize> = Vec::new();
        let mut problems = Problems::default();
        for (key, offset) in top_level_keys(text) {
            boundaries.push(offset);
            if let Some((_, first_at)) = starts.iter().find(|(k, _)| *k == key) {
                let (first_line, _) = file.line_column(*first_at);
                problems.push(
                    Problem::at(
                        file,
                        (offset, key.len().max(1)),
                        msg!("yaml-top-written-twice", noun = &noun, key = &key),
                    )
                    .with_label(msg!("yaml-top-written-twice-label"))
                    .with_help(msg!(
                        "yaml-top-written-twice-help",
                        key = &key,
                        line = first_line
                    )),
                );
            } else {
                starts.push((key, offset));
            }
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
            guide,
        }
    }

    /// Whether the file has the top-level key `key`.
    pub fn contains(&self, key: &str) -> bool {
        self.ranges.iter().any(|(k, _)| k == key)
    }

    /// Reports every top-level key that is not in `known`.
    pub fn reject_unknown(&mut self, known: &[&str]) {
        for (key, range) in &self.ranges {
            if !known.contains(&key.as_str()) {
                self.problems.push(
                    Problem::at(
                        self.file,
                        (range.start, key.len().max(1)),
                        msg!("yaml-top-unknown", noun = self.guide.noun(), key),
                    )
                    .with_label(msg!("yaml-unknown-key-label"))
                    .with_help(msg!(
                        "yaml-top-unknown-help",
                        nouns = self.guide.nouns(),
                        known = comma_list(known)
                    )),
                );
            }
        }
    }

    /// Reads section `key` as `T`; a missing section is reported when `required`. Every mistake inside
    /// the section is reported (see the module's documentation); the value is given only when there is
    /// none.
    pub fn take<T: DeserializeOwned>(&mut self, key: &str, required: bool) -> Option<T> {
        let Some((_, range)) = self.ranges.iter().find(|(k, _)| k == key) else {
            if required {
                let (noun, guide) = (self.guide.noun(), self.guide.guide());
                self.problems.push(
                    Problem::general(Some(self.file), msg!("yaml-top-missing", noun = &noun, key))
                        .with_help(msg!("yaml-top-missing-help", key, noun, guide)),
                );
            }
            return None;
        };
        let range = range.clone();
        if let Some(problem) = self.empty_section::<T>(key, &range, required) {
            self.problems.push(problem);
            return None;
        }
        match recover::read_section::<T>(self.file, key, range) {
            Ok(value) => value,
            Err(found) => {
                self.problems.0.extend(found);
                None
            }
        }
    }

    /// The problem of a section written with nothing under it, when its type is a mapping or a list
    /// (an empty single value gets the library's own report, about an empty value).
    fn empty_section<T: DeserializeOwned>(
        &self,
        key: &str,
        range: &Range<usize>,
        required: bool,
    ) -> Option<Problem> {
        let text = &self.file.text[range.clone()];
        let first_line = text.split('\n').next().unwrap_or("");
        let value_at = blocks::value_start(first_line)?;
        let is_empty = text[value_at..]
            .lines()
            .all(|line| line.trim().is_empty() || line.trim_start().starts_with('#'));
        if !is_empty {
            return None;
        }
        let (noun, guide) = (self.guide.noun(), self.guide.guide());
        let or_remove = if required {
            Text::default()
        } else {
            msg!("yaml-or-remove-line", key)
        };
        let empty = || msg!("yaml-top-empty", noun = &noun, key);
        let (message, help) = match probe::shape::<T>() {
            probe::Shape::Mapping(needs) if !needs.is_empty() => (
                msg!(
                    "yaml-top-empty-needs",
                    noun = &noun,
                    key,
                    needs = and_list(quoted(&needs))
                ),
                msg!("yaml-top-empty-needs-help", key, guide),
            ),
            probe::Shape::Mapping(_) => (
                empty(),
                msg!("yaml-top-empty-mapping-help", key, or_remove, guide),
            ),
            probe::Shape::List => (
                empty(),
                msg!("yaml-top-empty-list-help", key, or_remove, guide),
            ),
            probe::Shape::Single => return None,
        };
        let span = (range.start, key.len().max(1));
        Some(
            Problem::at(self.file, span, message)
                .with_label(msg!("yaml-top-empty-label"))
                .with_help(help),
        )
    }

    /// The problems found so far.
    pub fn into_problems(self) -> Problems {
        self.problems
    }
}

/// Each key in backticks, as messages show keys: `` `name` ``.
fn quoted(keys: &[&str]) -> Vec<String> {
    keys.iter().map(|k| format!("`{k}`")).collect()
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
mod tests;
