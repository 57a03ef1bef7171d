//! What a cell says: a score, a time, a status word, a track or group named; the parsing shared by the
//! row checks ([`super::validate`]), the ranking ([`super::rank`]) and the published entries.

use crate::model::Contest;
use rust_decimal::{Decimal, RoundingStrategy};
use std::str::FromStr;

/// The highest score of a part.
pub const FULL_MARKS: u32 = 100;

/// Words in a status cell (or in a score cell) that mean the contestant did not sit the contest.
pub const ABSENT_WORDS: [&str; 6] = ["缺考", "缺赛", "弃权", "弃赛", "未参赛", "未到"];
/// Words that mean the contestant was disqualified.
pub const DISQUALIFIED_WORDS: [&str; 4] = ["取消资格", "取消成绩", "取消比赛资格", "违纪"];
/// Words in a status cell that mean an ordinary result.
pub const NORMAL_WORDS: [&str; 4] = ["正常", "参赛", "已参赛", "有效"];
/// Words in an honours cell that mean none.
pub(super) const NO_HONOUR_WORDS: [&str; 4] = ["无", "没有", "-", "—"];

/// Whether a contestant is ranked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Sat the contest and is ranked.
    Ranked,
    /// 缺考: did not sit.
    Absent,
    /// 取消资格.
    Disqualified,
}

impl Status {
    /// The word shown on the pages.
    pub fn chinese(self) -> &'static str {
        match self {
            Status::Ranked => "",
            Status::Absent => "缺考",
            Status::Disqualified => "取消资格",
        }
    }
}

/// Rounds half up (away from zero; scores are never negative) to `decimals`.
pub fn round(value: Decimal, decimals: u32) -> Decimal {
    let mut rounded =
        value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(decimals);
    rounded
}

/// Full-width digits, point and colon as their ASCII forms, without white space.
fn ascii(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' | '。' => '.',
            '：' => ':',
            other => other,
        })
        .collect()
}

/// Whether white space stands between two digits (`8 5`): two numbers, or one mistyped; never read
/// as 85.
fn split_digits(text: &str) -> bool {
    let mut last_digit = false;
    let mut gap = false;
    for c in text.chars() {
        let digit = c.is_ascii_digit() || ('０'..='９').contains(&c);
        if digit && last_digit && gap {
            return true;
        }
        if c.is_whitespace() {
            gap = true;
        } else {
            last_digit = digit;
            gap = false;
        }
    }
    false
}

/// A score as written: digits with at most one decimal point; white space around it, none inside.
pub fn parse_score(text: &str) -> Option<Decimal> {
    if text.trim().contains(char::is_whitespace) {
        return None;
    }
    let text = ascii(text);
    let shaped = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-' || c == '+')
        && text.chars().any(|c| c.is_ascii_digit());
    if !shaped {
        return None;
    }
    Decimal::from_str(&text).ok()
}

/// A time as written: `1:23:45`, `83:20` (minutes and seconds), `83` or `83.5` (minutes),
/// `83分20秒`, `1小时23分45秒`. Returns whole seconds.
pub fn parse_time(text: &str) -> Option<u32> {
    if split_digits(text) {
        return None;
    }
    let text = ascii(text);
    if text.contains(':') {
        let parts: Vec<&str> = text.split(':').collect();
        if parts.len() > 3
            || parts
                .iter()
                .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
        {
            return None;
        }
        let numbers: Vec<u32> = parts
            .iter()
            .map(|p| p.parse().ok())
            .collect::<Option<_>>()?;
        let (h, m, s) = match numbers[..] {
            [m, s] => (0, m, s),
            [h, m, s] => (h, m, s),
            _ => return None,
        };
        if s >= 60 || (parts.len() == 3 && m >= 60) {
            return None;
        }
        return h
            .checked_mul(3600)?
            .checked_add(m.checked_mul(60)?)?
            .checked_add(s);
    }
    if text.contains(['时', '分', '秒']) {
        let mut total: u32 = 0;
        let mut number = String::new();
        let mut any = false;
        let mut rest = text.as_str();
        while let Some(c) = rest.chars().next() {
            rest = &rest[c.len_utf8()..];
            if c.is_ascii_digit() {
                number.push(c);
                continue;
            }
            let unit = match c {
                '时' => 3600,
                '分' => 60,
                '秒' => 1,
                '小' if rest.starts_with('时') => continue,
                '钟' => continue,
                _ => return None,
            };
            if number.is_empty() {
                return None;
            }
            total = total.checked_add(number.parse::<u32>().ok()?.checked_mul(unit)?)?;
            number.clear();
            any = true;
        }
        return (any && number.is_empty()).then_some(total);
    }
    let minutes = parse_score(&text)?;
    if minutes.is_sign_negative() {
        return None;
    }
    // Checked: a cell of 29 nines would overflow the multiplication.
    let seconds = round(minutes.checked_mul(Decimal::from(60))?, 0);
    u32::try_from(seconds.mantissa()).ok()
}

/// `h:mm:ss`.
pub fn format_time(seconds: u32) -> String {
    format!(
        "{}:{:02}:{:02}",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

/// Names and units as compared: no white space, half-width brackets.
pub fn normalise(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            other => other,
        })
        .collect()
}

/// The status a status cell (or a score cell) names: empty or a normal word is ranked; `None` for
/// a word that is not a status.
pub(super) fn status_of(text: &str) -> Option<Status> {
    let word = normalise(text);
    if word.is_empty() || NORMAL_WORDS.contains(&word.as_str()) {
        Some(Status::Ranked)
    } else if ABSENT_WORDS.contains(&word.as_str()) {
        Some(Status::Absent)
    } else if DISQUALIFIED_WORDS.contains(&word.as_str()) {
        Some(Status::Disqualified)
    } else {
        None
    }
}

/// The index of the track a cell names, by id or name (with or without 赛项).
pub fn find_track(contest: &Contest, text: &str) -> Option<usize> {
    let wanted = normalise(text);
    let bare = wanted.strip_suffix("赛项").unwrap_or(&wanted);
    contest.tracks.iter().position(|t| {
        t.id.value.as_str().eq_ignore_ascii_case(&wanted)
            || normalise(&t.name) == bare
            || normalise(&t.name) == wanted
    })
}

/// The index of the group a cell names, by id, name or full name (with or without 组).
pub fn find_group(contest: &Contest, text: &str) -> Option<usize> {
    let wanted = normalise(text);
    let bare = wanted.strip_suffix('组').unwrap_or(&wanted);
    contest.groups.iter().position(|g| {
        let names = [Some(&g.name), g.full_name.as_ref()];
        g.id.value.as_str().eq_ignore_ascii_case(&wanted)
            || names.into_iter().flatten().any(|n| {
                let n = normalise(n);
                n == wanted || n.strip_suffix('组').unwrap_or(&n) == bare
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores() {
        assert_eq!(
            parse_score("86.5"),
            Some(Decimal::from_str("86.5").unwrap())
        );
        assert_eq!(
            parse_score(" ８６．５ "),
            Some(Decimal::from_str("86.5").unwrap())
        );
        assert_eq!(parse_score("abc"), None);
        assert_eq!(parse_score("1e2"), None);
        assert_eq!(parse_score("86分"), None);
        assert_eq!(parse_score("8 5"), None);
        assert_eq!(parse_score("8\u{3000}5"), None);
        assert_eq!(parse_score(" 85 "), Some(Decimal::from(85)));
        assert_eq!(
            round(Decimal::from_str("86.125").unwrap(), 2).to_string(),
            "86.13"
        );
        assert_eq!(
            round(Decimal::from_str("86.124").unwrap(), 2).to_string(),
            "86.12"
        );
        assert_eq!(
            round(Decimal::from_str("86").unwrap(), 2).to_string(),
            "86.00"
        );
    }

    #[test]
    fn times() {
        assert_eq!(parse_time("1:23:45"), Some(5025));
        assert_eq!(parse_time("83:20"), Some(5000));
        assert_eq!(parse_time("83"), Some(4980));
        assert_eq!(parse_time("83.5"), Some(5010));
        assert_eq!(parse_time("83分20秒"), Some(5000));
        assert_eq!(parse_time("1小时23分45秒"), Some(5025));
        assert_eq!(parse_time("1:75:00"), None);
        assert_eq!(parse_time("abc"), None);
        assert_eq!(parse_time("8 3"), None);
        assert_eq!(parse_time("1 : 23 : 45"), Some(5025));
        assert_eq!(parse_time("83分 20秒"), Some(5000));
        assert_eq!(parse_time("79228162514264337593543950335"), None);
        assert_eq!(format_time(5025), "1:23:45");
    }
}
