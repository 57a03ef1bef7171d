//! Reading YAML with serde-saphyr so that every problem names its line and column.
//!
//! serde stops at the first error of a document. To report the problems of every section in one run,
//! [`Sections`] splits a file at its top-level keys and reads each section on its own, from a copy of the
//! file in which all other sections are blanked out byte for byte, so offsets, lines and columns stay those
//! of the real file.

use crate::diagnostics::{Problem, Problems, SourceFile};
use serde::de::DeserializeOwned;
use serde_saphyr::{Location, Spanned};
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
    let mut span = inner.location().and_then(|loc| span_of(text, &loc));
    let message = plain_message(
        &strip_location(&inner.to_string()),
        span.map(|(at, len)| &text[at..at + len]),
    );
    let help = help_for(&message);
    if message.contains("tab") {
        span = span.map(|(at, _)| back_to_tab(text, at));
    }
    let problem = match span {
        Some(span) => Problem::at(file, span, message.clone()).with_label(short_label(&message)),
        None => Problem::general(Some(file), message),
    };
    match help {
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

/// Rewrites library wording into words for people editing the file.
fn plain_message(message: &str, found: Option<&str>) -> String {
    let message = message
        .split(", set DuplicateKeyPolicy")
        .next()
        .unwrap_or(message);
    if message.contains("deserialize null") {
        return "the value is empty; write a value after the colon (or remove the key if it may be left out)".to_string();
    }
    if message.starts_with("invalid boolean") {
        return "write `true` or `false`".to_string();
    }
    if let Some(key) = message.strip_prefix("duplicate mapping key: ") {
        return format!("the key `{key}` is written twice in this section");
    }
    let kind = message.strip_prefix("invalid ").unwrap_or("");
    if matches!(
        kind,
        "u8" | "u16" | "u32" | "u64" | "i8" | "i16" | "i32" | "i64" | "usize"
    ) {
        return match found {
            Some(found) => format!("`{}` is not a whole number", found.trim()),
            None => "expected a whole number".to_string(),
        };
    }
    message.to_string()
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

fn strip_location(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(pos) if message[pos..].contains(", column ") => message[..pos].to_string(),
        _ => message.to_string(),
    }
}

fn short_label(message: &str) -> String {
    if message.starts_with("unknown field") {
        "unknown key".into()
    } else if message.starts_with("missing field") {
        "in this section".into()
    } else if message.contains("written twice") {
        "written twice".into()
    } else {
        "here".into()
    }
}

fn help_for(message: &str) -> Option<String> {
    if let Some(rest) = message.strip_prefix("unknown field") {
        if let Some((_, expected)) = rest.split_once("expected one of ") {
            return Some(format!(
                "check the spelling; the keys allowed here are: {expected}"
            ));
        }
        return Some("check the spelling of the key, or remove it".into());
    }
    if message.starts_with("missing field") {
        return Some("add the missing key to this section".into());
    }
    if message.contains("is written twice") {
        return Some("each key may appear once: remove or merge the repeated one".into());
    }
    if message.starts_with("unknown variant") {
        return Some("use one of the values listed".into());
    }
    if message.contains("not a whole number") {
        return Some("write a whole number in digits, without units, for example 20".into());
    }
    if message.contains("is not a date")
        || message.contains("is not a real date")
        || message.contains("is not a time")
    {
        return Some(
            "dates are written YYYY-MM-DD, such as 2025-10-31; a date not fixed yet is written tbd"
                .into(),
        );
    }
    if message.contains("mapping values are not allowed")
        || message.contains("did not find expected")
        || message.contains("block")
    {
        return Some("check the indentation: keys of one section must line up under each other, and a value that contains `: ` must be put in quotes".into());
    }
    if message.contains("tab") {
        return Some("indent with spaces; YAML does not allow tabs".into());
    }
    None
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
