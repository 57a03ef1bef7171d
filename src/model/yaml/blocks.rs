//! The blocks of a YAML text, found from its indentation alone: a list item (`- ` and the lines indented
//! under it) or a `key:` line of a block mapping (with the lines indented under it). After an error,
//! [`super::Sections`] blanks the block the error is in and reads the section again, to find the next
//! error; these functions say which bytes that block covers.
//!
//! They never parse: they read lines, leading spaces, `- ` markers and whether a line begins with
//! `key:`. A text the parser would refuse still has blocks, so a syntax error can be stepped over too.

use super::kind::Shape;
use std::ops::Range;

/// What begins a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Opener {
    /// A list item's `-`.
    Item,
    /// A block mapping's `key:`.
    Key,
}

/// One block: where it begins, what begins it, and the bytes it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Block {
    /// Its bytes, from its `-` or key to the end of its last line (newline excluded).
    pub(super) range: Range<usize>,
    /// What begins it.
    pub(super) opener: Opener,
    /// Its key, for a [`Opener::Key`] block.
    pub(super) key: Option<String>,
    /// The index of its first line in the lines of the text.
    line: usize,
    /// Its column in bytes (the position of the `-` or the key on its line).
    pub(super) column: usize,
}

/// The lines of a text: byte offset of each and its text without the line break.
pub(super) struct Lines<'a> {
    lines: Vec<(usize, &'a str)>,
}

impl<'a> Lines<'a> {
    /// Splits `text` into lines, keeping their offsets.
    pub(super) fn new(text: &'a str) -> Self {
        let mut lines = Vec::new();
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let body = line.trim_end_matches('\n').trim_end_matches('\r');
            lines.push((offset, body));
            offset += line.len();
        }
        if text.is_empty() || text.ends_with('\n') {
            lines.push((text.len(), ""));
        }
        Lines { lines }
    }

    /// The index of the line holding byte `at`.
    fn line_of(&self, at: usize) -> usize {
        self.lines
            .partition_point(|(start, _)| *start <= at)
            .saturating_sub(1)
    }

    /// The innermost block holding byte `at`, not starting before `floor`; `None` when no block
    /// begins at or after `floor` and holds `at`.
    pub(super) fn innermost(&self, at: usize, floor: usize) -> Option<Block> {
        let index = self.line_of(at);
        let (start, text) = self.lines[index];
        let column = at.saturating_sub(start);
        if let Some(&(opener_at, opener)) = openers(text).iter().rev().find(|(c, _)| *c <= column) {
            return self
                .block(index, opener_at, opener)
                .filter(|b| b.range.start >= floor);
        }
        let need = column.min(indent(text));
        self.enclosing(index, need, false, floor)
    }

    /// The block just around `block` (its parent), not starting before `floor`.
    pub(super) fn parent(&self, block: &Block, floor: usize) -> Option<Block> {
        let (_, text) = self.lines[block.line];
        if let Some(&(at, opener)) = openers(text).iter().rev().find(|(c, _)| *c < block.column) {
            return self
                .block(block.line, at, opener)
                .filter(|b| b.range.start >= floor);
        }
        self.enclosing(
            block.line,
            block.column,
            block.opener == Opener::Item,
            floor,
        )
    }

    /// The list items before the one holding byte `at`, in the list directly under the section key at
    /// `floor` (`tracks:` and its `- ` items, say), as one range from the first to the end of the last:
    /// after an error in one item, those before it are known to read well and need not be read again.
    /// `None` when the section is not a list or the item is its first.
    pub(super) fn items_before(&self, at: usize, floor: usize) -> Option<Range<usize>> {
        let mut top = self.innermost(at, floor)?;
        while let Some(parent) = self.parent(&top, floor) {
            if parent.range.start == floor {
                break;
            }
            top = parent;
        }
        if top.opener != Opener::Item || top.range.start == floor {
            return None;
        }
        let first = (self.line_of(floor) + 1..top.line).find(|&index| {
            openers(self.lines[index].1).first() == Some(&(top.column, Opener::Item))
        })?;
        let (first_start, _) = self.lines[first];
        Some(first_start + top.column..top.range.start)
    }

    /// The innermost block that begins on a line above `index` and holds what sits on line `index` at
    /// column `need`: one whose opener is left of `need` (or a key at `need` when what it holds is a
    /// list item, `key:` with `- ` lines under it at the same indentation).
    fn enclosing(&self, index: usize, need: usize, item: bool, floor: usize) -> Option<Block> {
        let mut need = need;
        let mut item = item;
        for above in (0..index).rev() {
            let (start, text) = self.lines[above];
            if start < floor {
                return None;
            }
            if is_blank(text) {
                continue;
            }
            let found = openers(text)
                .into_iter()
                .rev()
                .find(|&(c, opener)| c < need || (c == need && item && opener == Opener::Key));
            if let Some((at, opener)) = found {
                return self.block(above, at, opener);
            }
            let this = indent(text);
            if this < need {
                need = this;
                item = text[this..].starts_with('-');
            }
        }
        None
    }

    /// The block whose opener is at `column` of line `index`.
    fn block(&self, index: usize, column: usize, opener: Opener) -> Option<Block> {
        let (start, text) = self.lines[index];
        let mut last = index;
        for next in index + 1..self.lines.len() {
            let (_, line) = self.lines[next];
            if is_blank(line) {
                continue;
            }
            let this = indent(line);
            let under = this > column
                || (this == column && opener == Opener::Key && is_item(&line[this..]));
            if !under {
                break;
            }
            last = next;
        }
        let (last_start, last_text) = self.lines[last];
        let key = (opener == Opener::Key)
            .then(|| key_of(&text[column..]))
            .flatten();
        Some(Block {
            range: start + column..last_start + last_text.len(),
            opener,
            key,
            line: index,
            column,
        })
    }
}

/// Whether a line holds nothing but spaces or a comment.
fn is_blank(line: &str) -> bool {
    let rest = line.trim_start_matches([' ', '\t']);
    rest.is_empty() || rest.starts_with('#')
}

/// The number of leading spaces (and tabs, which YAML refuses but which still push a line right).
fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches([' ', '\t']).len()
}

/// Whether `rest` begins a list item: `-` alone or followed by a space.
fn is_item(rest: &str) -> bool {
    rest == "-" || rest.starts_with("- ") || rest.starts_with("-\t")
}

/// The openers on a line, left to right: each `- ` and a `key:` after them.
fn openers(line: &str) -> Vec<(usize, Opener)> {
    let mut found = Vec::new();
    if is_blank(line) {
        return found;
    }
    let mut at = indent(line);
    loop {
        let rest = &line[at..];
        if is_item(rest) {
            found.push((at, Opener::Item));
            at += 1;
            at += rest[1..].len() - rest[1..].trim_start_matches([' ', '\t']).len();
            continue;
        }
        if key_of(rest).is_some() {
            found.push((at, Opener::Key));
        }
        return found;
    }
}

/// The key `rest` begins with, when it begins a block mapping entry: `key:` followed by a space or the
/// end of the line, or a quoted key followed by `:`.
pub(super) fn key_of(rest: &str) -> Option<String> {
    key_and_value(rest).map(|(key, _)| key)
}

/// Where the value of the `key:` that begins `line` begins (just after the colon).
pub(super) fn value_start(line: &str) -> Option<usize> {
    key_and_value(line).map(|(_, at)| at)
}

/// The key `rest` begins with, and where its value begins.
fn key_and_value(rest: &str) -> Option<(String, usize)> {
    let first = rest.chars().next()?;
    if first == '"' || first == '\'' {
        let body = &rest[1..];
        let mut chars = body.char_indices();
        while let Some((i, c)) = chars.next() {
            if c == '\\' && first == '"' {
                chars.next();
            } else if c == first {
                let after = &body[i + 1..];
                let spaces = after.len() - after.trim_start_matches([' ', '\t']).len();
                let colon = 1 + i + 1 + spaces;
                return ends_key(&rest[colon..]).then(|| (body[..i].to_string(), colon + 1));
            }
        }
        return None;
    }
    if "{[#|>&*!%@`?,]}\"'".contains(first) || first.is_whitespace() {
        return None;
    }
    let mut previous = first;
    for (i, c) in rest.char_indices().skip(1) {
        if c == '#' && previous.is_whitespace() {
            return None;
        }
        if c == ':' && ends_key(&rest[i..]) {
            return Some((rest[..i].trim_end().to_string(), i + 1));
        }
        previous = c;
    }
    None
}

/// Whether `rest` is the `:` that ends a key: followed by a space, a tab or the end of the line.
fn ends_key(rest: &str) -> bool {
    let Some(after) = rest.strip_prefix(':') else {
        return false;
    };
    after.is_empty() || after.starts_with([' ', '\t'])
}

/// What is written at byte `at` of `text`: a list, keys and values, a single value, or nothing (the
/// end of a line).
pub(super) fn written_at(text: &str, at: usize) -> Shape {
    let at = at.min(text.len());
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let rest = text[at..line_end].trim_start_matches([' ', '\t']);
    if rest.is_empty() || rest.starts_with('#') {
        Shape::Nothing
    } else if rest.starts_with('[') || is_item(rest.trim_end()) {
        Shape::List
    } else if rest.starts_with('{') || key_of(rest).is_some() {
        Shape::Mapping
    } else {
        Shape::Single
    }
}

/// Replaces every byte of `range` in `text` that is not a line break by a space.
pub(super) fn blank(text: &mut String, range: Range<usize>) {
    let replaced: String = text[range.clone()]
        .chars()
        .map(|c| {
            if c == '\n' || c == '\r' {
                c.to_string()
            } else {
                " ".repeat(c.len_utf8())
            }
        })
        .collect();
    text.replace_range(range, &replaced);
}

/// Whether `range` of `text` holds nothing but spaces and line breaks.
pub(super) fn is_blanked(text: &str, range: Range<usize>) -> bool {
    text[range].chars().all(char::is_whitespace)
}
