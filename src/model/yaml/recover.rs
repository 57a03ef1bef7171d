//! Every mistake of one section: after each error, the block holding it is blanked and the section read
//! again (see the documentation of [`super`]).

use super::blocks::{self, Block, Lines, Opener};
use super::kind::Kind;
use super::probe::SINGLES;
use super::{blank_outside, located, options, span_of};
use crate::diagnostics::{Problem, SourceFile};
use crate::i18n::and_list;
use crate::msg;
use serde::de::DeserializeOwned;
use std::collections::HashMap;
use std::ops::Range;

/// The most problems reported for one section: past that many, the section is surely not what the
/// reader meant, and the first ones are what to fix.
const MAX_PER_SECTION: usize = 50;

/// The most times one section is read again after an error (each read blanks at least one more block).
const MAX_READS: usize = 200;

/// The most times one section is read again to find the other keys missing from one mapping.
const MAX_MISSING_READS: usize = 32;

/// Reads the section `key` at `range` of `file` as `T`: its value (`None` when the section holds
/// nothing), or every mistake in it, in file order.
pub(super) fn read_section<T: DeserializeOwned>(
    file: &SourceFile,
    key: &str,
    range: Range<usize>,
) -> Result<Option<T>, Vec<Problem>> {
    // The text after the section is left out: blank, it would only be read again and again.
    let mut text = blank_outside(&file.text[..range.end], range.clone());
    // Blocks are found in the section as written, so that a block holds the blocks blanked inside it.
    let written = text.clone();
    let lines = Lines::new(&written);
    let mut recovery = Recovery {
        floor: range.start,
        blanked: Vec::new(),
        problems: Vec::new(),
        furthest: 0,
        after_syntax: false,
        missing: None,
    };
    for _ in 0..MAX_READS {
        let error =
            match serde_saphyr::from_str_with_options::<HashMap<String, T>>(&text, options()) {
                Ok(mut map) if recovery.problems.is_empty() => return Ok(map.remove(key)),
                Ok(_) => break,
                Err(error) => error,
            };
        let Some(block) = recovery.step(file, &text, &lines, &error) else {
            break;
        };
        if let Some(missing) = recovery.missing.take() {
            let mut keys = more_missing::<T>(&text, &missing);
            keys.retain(|k| *k == missing.key || !recovery.blanked_like(&missing.holder, k));
            if let Some(problem) = recovery.problems.last_mut() {
                *problem = missing_here(file, &missing.holder, &keys, problem.clone());
            }
        }
        if recovery.problems.len() >= MAX_PER_SECTION
            || blocks::is_blanked(&text, block.range.clone())
        {
            break;
        }
        blocks::blank(&mut text, block.range.clone());
        // The items before it read well: blanked, they are not read again for each next error.
        if let Some(before) = lines.items_before(block.range.start, recovery.floor)
            && !blocks::is_blanked(&text, before.clone())
        {
            blocks::blank(&mut text, before);
        }
        recovery.blanked.push(block);
    }
    let mut problems = recovery.problems;
    problems.sort_by_key(|p| p.span.map(|(at, _)| at));
    Err(problems)
}

/// What reading one section again and again has found so far.
struct Recovery {
    /// Where the section begins: no block before it is blanked.
    floor: usize,
    /// The blocks blanked so far.
    blanked: Vec<Block>,
    /// The problems reported so far.
    problems: Vec<Problem>,
    /// The furthest place of a reported problem: an error before it is one the blanking caused.
    furthest: usize,
    /// Whether the last error was a syntax error.
    after_syntax: bool,
    /// The missing key just reported, to look for more keys missing from the same mapping.
    missing: Option<Missing>,
}

/// A key missing from a block mapping.
struct Missing {
    /// The key.
    key: &'static str,
    /// The list item or `key:` whose value the mapping is.
    holder: Block,
    /// The column of the mapping's keys.
    column: usize,
}

impl Recovery {
    /// Reports `error` (read from `text`, whose blocks as written are `lines`) unless the blanking
    /// caused it, and gives the block to blank next; `None` when there is none (the error has no place).
    fn step(
        &mut self,
        file: &SourceFile,
        text: &str,
        lines: &Lines,
        error: &serde_saphyr::Error,
    ) -> Option<Block> {
        let (problem, kind) = located(file, text, error);
        let Some((at, _)) = problem.span else {
            self.report(problem);
            return None;
        };
        let inner = lines.innermost(at, self.floor);
        let block = match (&kind, inner.clone()) {
            (_, None) => None,
            (Kind::UnknownKey(..) | Kind::DuplicateKey(_), inner) => inner,
            // The value that is wrong is the mapping or list this block begins: the block around it
            // holds it (and, for a missing key, is the mapping's own item or key).
            (_, Some(inner)) if inner.range.start == at => {
                lines.parent(&inner, self.floor).or(Some(inner))
            }
            (_, inner) => inner,
        };
        // A syntax error right after another is most often the parser still lost in the first one.
        let syntax = Kind::is_syntax(error.without_snippet());
        if syntax && self.after_syntax {
            return None;
        }
        self.after_syntax = syntax;
        let caused = match &kind {
            // The key was blanked for a mistake in its value, or was misspelt and blanked as unknown:
            // its mistake is reported already.
            Kind::MissingKey(missing) => block
                .as_ref()
                .is_some_and(|holder| self.blanked_like(holder, missing)),
            _ => at < self.furthest || self.blanked.iter().any(|b| b.range.contains(&at)),
        };
        if !caused && self.report(problem) {
            self.furthest = self.furthest.max(at);
            if let (Kind::MissingKey(key), Some(holder), Some(inner)) = (&kind, &block, &inner) {
                // Where the library noticed it: the mapping's last key, or a flow mapping's brace.
                let column = (inner.range.start == at && inner.opener == Opener::Key)
                    .then_some(inner.column);
                self.missing = Some(Missing {
                    key,
                    holder: holder.clone(),
                    column: column.unwrap_or(usize::MAX),
                });
            }
        }
        block
    }

    /// Whether a key `key`, or one written like it, was blanked inside `holder`.
    fn blanked_like(&self, holder: &Block, key: &str) -> bool {
        self.blanked.iter().any(|b| {
            b.key
                .as_deref()
                .is_some_and(|blanked| is_like(blanked, key))
                && holder.range.start <= b.range.start
                && b.range.end <= holder.range.end
        })
    }

    /// Adds `problem` unless the same one is already there; whether it was added.
    fn report(&mut self, problem: Problem) -> bool {
        let same = |p: &Problem| p.span == problem.span && p.message == problem.message;
        let new = !self.problems.iter().any(same);
        if new {
            self.problems.push(problem);
        }
        new
    }
}

/// Whether `written` is `key` or a misspelling of it: one character wrong, missing, added or two swapped
/// (two for keys longer than four characters).
fn is_like(written: &str, key: &str) -> bool {
    let a: Vec<char> = written.chars().collect();
    let b: Vec<char> = key.chars().collect();
    let allowed = if b.len() > 4 { 2 } else { 1 };
    if a.len().abs_diff(b.len()) > allowed {
        return false;
    }
    // Optimal string alignment distance, row by row.
    let mut before: Vec<usize> = Vec::new();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut current = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            current[j] = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                current[j] = current[j].min(before[j - 2] + 1);
            }
        }
        before = std::mem::replace(&mut previous, current);
    }
    previous[b.len()] <= allowed
}

/// The keys missing from the mapping of `missing` (its first missing key included), in the order the
/// library names them: the section is read again with each missing key added on a line of its own under
/// the mapping's first line (with a small value), until the mapping lacks nothing more or no value is
/// found for a key. Only for a block mapping; a flow mapping (`{...}`) gets its first missing key.
fn more_missing<T: DeserializeOwned>(text: &str, missing: &Missing) -> Vec<&'static str> {
    let mut keys = vec![missing.key];
    if missing.column == usize::MAX {
        return keys;
    }
    let start = missing.holder.range.start;
    let (at, newline) = match text[start..].find('\n') {
        Some(i) => (start + i + 1, ""),
        None => (text.len(), "\n"),
    };
    let mut values = vec![0];
    for _ in 0..MAX_MISSING_READS {
        let added: String = keys
            .iter()
            .zip(&values)
            .map(|(key, value)| {
                format!("{}{key}: {}\n", " ".repeat(missing.column), SINGLES[*value])
            })
            .collect();
        let tried = format!("{}{newline}{added}{}", &text[..at], &text[at..]);
        let error =
            match serde_saphyr::from_str_with_options::<HashMap<String, T>>(&tried, options()) {
                Ok(_) => break,
                Err(error) => error,
            };
        let inner = error.without_snippet();
        let Some((place, _)) = inner.location().and_then(|loc| span_of(&tried, &loc)) else {
            break;
        };
        let added_at = at + newline.len()..at + newline.len() + added.len();
        let kind = Kind::of(inner);
        if added_at.contains(&place) {
            if let Kind::MissingKey(key) = kind
                && !keys.contains(&key)
            {
                keys.push(key);
                values.push(0);
                continue;
            }
            // A value the added key does not take: the next one.
            let line = tried[added_at.start..place].matches('\n').count();
            values[line] += 1;
            if values[line] == SINGLES.len() {
                break;
            }
            continue;
        }
        let place = if place >= added_at.end {
            place - added.len() - newline.len()
        } else {
            place
        };
        let same_mapping = missing.holder.range.contains(&place)
            && place - text[..place].rfind('\n').map_or(0, |i| i + 1) == missing.column;
        match kind {
            Kind::MissingKey(key) if same_mapping && !keys.contains(&key) => {
                keys.push(key);
                values.push(0);
            }
            _ => break,
        }
    }
    keys
}

/// The problem of the keys `missing` from the mapping of `holder` (a list item or a `key:`), pointed at
/// the item's first line or the key rather than where the library noticed it (the mapping's last key).
fn missing_here(file: &SourceFile, holder: &Block, missing: &[&str], problem: Problem) -> Problem {
    let text: &str = &file.text;
    let start = holder.range.start;
    let keys = and_list(super::quoted(missing));
    let colons = and_list(missing.iter().map(|k| format!("`{k}:`")));
    let message = match missing {
        [one] => msg!("yaml-missing-key", key = *one),
        _ => msg!("yaml-missing-keys", keys = &keys),
    };
    let (span, label, help) = match (&holder.opener, &holder.key) {
        (Opener::Key, Some(key)) => (
            (start, key.len().max(1)),
            msg!("yaml-key-needs", key, keys),
            msg!("yaml-key-needs-help", colons, key),
        ),
        _ => {
            let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
            (
                (start, text[start..line_end].trim_end().len().max(1)),
                msg!("yaml-item-needs", keys),
                msg!("yaml-item-needs-help", colons),
            )
        }
    };
    Problem {
        span: Some(span),
        message,
        label: Some(label),
        help: Some(help),
        ..problem
    }
}
