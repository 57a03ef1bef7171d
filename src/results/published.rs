//! Checks on the text of the columns that reach a public page (姓名 and 参赛单位): no personal ID or
//! phone number may ever be published, and nothing too long for a page or a spreadsheet cell.
//!
//! Staff sometimes paste a contestant's ID or phone number into the name or unit cell (`张三
//! 13812345678`). The 身份证号 and 手机号 columns are read past and never published, but a number in a
//! published cell would be; so it is an error, and the message does not repeat the number.
//!
//! When `results.mask_names` is set, names are published masked ([`mask_name`]).

use crate::i18n::Text;
use crate::msg;

/// The longest name or unit, in characters: a team of several members or a long unit name fits, and
/// the spreadsheet download (a cell holds at most 32,767 characters) never fails on it.
pub const MAX_CHARS: usize = 200;

/// What a published cell must not hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Personal {
    /// 15 or more digits in a row, or 17 digits and X: the shape of a 身份证号 (old or new).
    IdNumber,
    /// `1[3-9]` and nine more digits: the shape of a mainland mobile number.
    Mobile,
}

/// Characters that may separate the groups of digits of one number: `138 1234 5678`, `138-1234-5678`.
fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '-' | '－' | '‐' | '–' | '—')
}

/// A full-width digit as its ASCII form.
fn half_width(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        'Ｘ' => 'X',
        'ｘ' => 'x',
        other => other,
    }
}

/// The runs of digits in `text`, groups joined across separators; a run of 17 digits followed by `X`
/// keeps the `X`.
fn digit_runs(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().map(half_width).collect();
    let mut runs = Vec::new();
    let mut run = String::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if c.is_ascii_digit() {
            run.push(c);
            i += 1;
            continue;
        }
        if !run.is_empty() {
            // Separators between two digits keep the run going.
            let next = chars[i..].iter().position(|&d| !is_separator(d));
            if is_separator(c)
                && let Some(skip) = next
                && chars.get(i + skip).is_some_and(char::is_ascii_digit)
            {
                i += skip;
                continue;
            }
            if matches!(c, 'X' | 'x') && run.len() == 17 {
                run.push('X');
            }
            runs.push(std::mem::take(&mut run));
        }
        i += 1;
    }
    if !run.is_empty() {
        runs.push(run);
    }
    runs
}

/// Whether `text` holds something shaped like an ID or a mobile number.
pub fn personal(text: &str) -> Option<Personal> {
    let runs = digit_runs(text);
    if runs.iter().any(|r| r.len() >= 15) {
        return Some(Personal::IdNumber);
    }
    let mobile = |run: &String| {
        let b = run.as_bytes();
        b.len() >= 11
            && b.windows(11)
                .any(|w| w[0] == b'1' && (b'3'..=b'9').contains(&w[1]))
    };
    runs.iter().any(mobile).then_some(Personal::Mobile)
}

/// The problem with the text of a published cell, as message and help; `what` is `name` or `unit`.
pub fn check(what: &str, text: &str) -> Option<(Text, Text)> {
    if let Some(found) = personal(text) {
        let shape = match found {
            Personal::IdNumber => "id",
            Personal::Mobile => "mobile",
        };
        return Some((
            msg!("results-personal-number", what, shape),
            msg!("results-personal-number-help"),
        ));
    }
    let chars = text.chars().count();
    (chars > MAX_CHARS).then(|| {
        (
            msg!(
                "results-cell-too-long",
                what,
                chars = chars.to_string(),
                max = MAX_CHARS.to_string()
            ),
            msg!("results-cell-too-long-help", what),
        )
    })
}

/// 张三丰 → 张*丰, 张三 → 张*, 欧阳娜娜 → 欧**娜; each member of a team (`张三、李四`) on its own.
pub fn mask_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let chars: Vec<char> = word.chars().collect();
        match chars.len() {
            0 => {}
            1 => out.push(chars[0]),
            2 => {
                out.push(chars[0]);
                out.push('*');
            }
            n => {
                out.push(chars[0]);
                out.extend(std::iter::repeat_n('*', n - 2));
                out.push(chars[n - 1]);
            }
        }
        word.clear();
    };
    for c in name.chars() {
        if matches!(c, '、' | ',' | '，' | ';' | '；' | '/' | ' ' | '　') {
            flush(&mut word, &mut out);
            out.push(c);
        } else {
            word.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(personal("张三110101199003071234"), Some(Personal::IdNumber));
        assert_eq!(personal("11010119900307123X"), Some(Personal::IdNumber));
        assert_eq!(personal("11010119900307123x张"), Some(Personal::IdNumber));
        assert_eq!(personal("110101900307123"), Some(Personal::IdNumber));
        assert_eq!(personal("1101 0119 9003 0712 34"), Some(Personal::IdNumber));
        assert_eq!(personal("张三 13812345678"), Some(Personal::Mobile));
        assert_eq!(personal("138-1234-5678"), Some(Personal::Mobile));
        assert_eq!(personal("１３８ １２３４ ５６７８"), Some(Personal::Mobile));
        assert_eq!(personal("+86 138 1234 5678"), Some(Personal::Mobile));
        assert_eq!(personal("张三"), None);
        assert_eq!(personal("天津第一中学"), None);
        assert_eq!(personal("2025级3班"), None);
        assert_eq!(personal("022-12345678"), None);
        assert_eq!(personal("12812345678"), None);
        assert_eq!(personal("张三-1"), None);
        assert_eq!(personal("-"), None);
    }

    #[test]
    fn long_text() {
        assert!(check("name", &"张".repeat(MAX_CHARS)).is_none());
        assert!(check("name", &"张".repeat(MAX_CHARS + 1)).is_some());
    }

    #[test]
    fn masking() {
        assert_eq!(mask_name("张三丰"), "张*丰");
        assert_eq!(mask_name("张三"), "张*");
        assert_eq!(mask_name("欧阳娜娜"), "欧**娜");
        assert_eq!(mask_name("张三、李四五"), "张*、李*五");
        assert_eq!(mask_name("王"), "王");
    }
}
