//! The blanks `jingsai init` leaves for staff to fill in, written `【请填写：……】` (`【fill in …】` in
//! the English contest of `jingsai init --lang en`). Each one still in a
//! file is an error at its place, and other problems inside a blank (an e-mail address that is still
//! `【请填写：联系人邮箱】`) are left out: the blank says what to do.

use crate::diagnostics::{Problem, Problems, SourceFile};
use crate::msg;

/// How every blank begins: in Chinese, and in English (both with `【`, which [`spans`] looks for).
pub const MARKS: [&str; 2] = ["【请填写", "【fill in"];

/// The blanks of `file`: byte offset and length of each, from `【请填写` (or `【fill in`) to its `】`
/// (or the end of its line).
pub fn spans(file: &SourceFile) -> Vec<(usize, usize)> {
    let text: &str = &file.text;
    let mut spans = Vec::new();
    let mut from = 0;
    // Every mark begins with `【`: one pass finds the brackets, and each is compared with the marks.
    let bracket = memchr::memmem::Finder::new("【");
    while let Some(at) = bracket.find(&text.as_bytes()[from..]) {
        let start = from + at;
        if !MARKS.iter().any(|m| text[start..].starts_with(m)) {
            from = start + '【'.len_utf8();
            continue;
        }
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let end = text[start..line_end]
            .find('】')
            .map_or(line_end, |i| start + i + '】'.len_utf8());
        spans.push((start, end - start));
        from = end;
    }
    spans
}

/// One error per blank of `file`.
pub fn problems(file: &SourceFile) -> Problems {
    let mut problems = Problems::default();
    for (start, len) in spans(file) {
        let blank = &file.text[start..start + len];
        problems.push(
            Problem::at(file, (start, len), msg!("model-blank", blank))
                .with_label(msg!("model-blank-label"))
                .with_help(msg!("model-blank-help")),
        );
    }
    problems
}

/// Keeps the problems that do not lie inside a blank of their file, plus one problem per blank.
pub fn report_blanks(found: Problems, files: &[&SourceFile]) -> Problems {
    let blanks: Vec<(&SourceFile, Vec<(usize, usize)>)> = files
        .iter()
        .map(|f| (*f, spans(f)))
        .filter(|(_, s)| !s.is_empty())
        .collect();
    if blanks.is_empty() {
        return found;
    }
    let inside = |problem: &Problem| -> bool {
        let (Some(file), Some((at, size))) = (&problem.file, problem.span) else {
            return false;
        };
        // Overlapping a blank: the problem of a quoted blank starts at the quote before it.
        blanks.iter().any(|(f, spans)| {
            f.path == file.path
                && spans
                    .iter()
                    .any(|(start, len)| at < start + len && *start < at + size.max(1))
        })
    };
    let mut kept = Problems(found.0.into_iter().filter(|p| !inside(p)).collect());
    for (file, _) in &blanks {
        kept.extend(problems(file));
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn every_blank_is_found_with_its_place() {
        let file = SourceFile::new(
            Path::new("content/contest.yaml"),
            "name: 【请填写：全称】\nyear: 2026 # 【请填写：年份】\nok: 好\nbroken: 【请填写\nvenue: 【fill in where】 x\n",
        );
        let found: Vec<&str> = spans(&file)
            .iter()
            .map(|(s, l)| &file.text[*s..s + l])
            .collect();
        assert_eq!(
            found,
            [
                "【请填写：全称】",
                "【请填写：年份】",
                "【请填写",
                "【fill in where】"
            ]
        );
        let problems = problems(&file);
        assert_eq!(problems.0.len(), 4);
        assert_eq!(
            problems.0[1].location().unwrap(),
            "content/contest.yaml:2:14"
        );
    }
}
