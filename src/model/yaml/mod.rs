//! Reading YAML with serde-saphyr so that every problem names its line and column.
//!
//! serde stops at the first error of a document. To report the problems of every section in one run,
//! [`Sections`] splits a file at its top-level keys and reads each section on its own, from a copy of the
//! file in which all other sections are blanked out byte for byte, so offsets, lines and columns stay those
//! of the real file.
//!
//! The wording, label and help of a report are chosen from the library's error variant (and, for a
//! syntax error, from the parser's [`ErrorKind`](serde_saphyr::granit_parser::ErrorKind)), never from the words of its message, so that a new
//! library version cannot silently drop a help; the tests at the end of this file read real YAML through
//! the library for every kind.

mod kind;

pub(crate) use kind::date_error;
use kind::{Kind, WithoutLocation};

use super::Spanned;
use crate::diagnostics::{Problem, Problems, SourceFile};
use serde::de::DeserializeOwned;
use serde_saphyr::Location;
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

/// How the messages about a file's top-level keys name them, and where they send the reader.
#[derive(Debug, Clone, Copy)]
pub struct Guide {
    /// What a top-level key is called: `section` in contest.yaml, `key` in a form file.
    pub noun: &'static str,
    /// Where its keys are described, as the end of a help text: `see the README for its keys`.
    pub guide: &'static str,
}

impl Guide {
    /// contest.yaml: sections, described in the README.
    pub const CONTEST: Guide = Guide {
        noun: "section",
        guide: "see the README for its keys",
    };
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
        Self::split_as(file, Guide::CONTEST)
    }

    /// Splits `file`, naming its top-level keys as `guide` says; duplicate top-level keys are reported.
    pub fn split_as(file: &'a SourceFile, guide: Guide) -> Self {
        let noun = guide.noun;
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
                            format!("{noun} `{key}` is written twice"),
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
            guide,
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
                        format!("unknown {} `{key}`", self.guide.noun),
                    )
                    .with_label("unknown key")
                    .with_help(format!(
                        "check the spelling; the {}s are: {}",
                        self.guide.noun,
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
                let Guide { noun, guide } = self.guide;
                self.problems.push(
                    Problem::general(Some(self.file), format!("the {noun} `{key}` is missing"))
                        .with_help(format!("add a top-level `{key}:` {noun} ({guide})")),
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
mod tests;
