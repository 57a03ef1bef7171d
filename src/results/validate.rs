//! Rows to checked records: every problem of every row is reported, each with its place.

use super::layout::Field;
use super::published;
use super::read::{Cell, Sheet};
use crate::diagnostics::Problems;
use crate::model::{Contest, EventKind, QuotaScope};
use rust_decimal::{Decimal, RoundingStrategy};
use std::collections::HashMap;
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
const NO_HONOUR_WORDS: [&str; 4] = ["无", "没有", "-", "—"];

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

/// One checked row.
#[derive(Debug, Clone)]
pub struct Record {
    /// The index of its row in the sheet.
    pub row: usize,
    /// 姓名 (for a team event, the members as written).
    pub name: String,
    /// 参赛单位.
    pub unit: String,
    /// Index into `contest.tracks`.
    pub track: usize,
    /// Index into `contest.groups`.
    pub group: usize,
    /// The score of each scoring part, rounded; `None` when not sat.
    pub scores: Vec<Option<Decimal>>,
    /// 实操用时 in seconds.
    pub time: Option<u32>,
    /// Ranked, absent or disqualified.
    pub status: Status,
    /// The honour (of `rules.no_award_honours`) that bars an award, when held.
    pub no_award_honour: Option<String>,
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

fn status_of(text: &str) -> Option<Status> {
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

/// Checks every row and returns the records, or every problem found.
pub fn check(contest: &Contest, sheet: &Sheet) -> Result<Vec<Record>, Problems> {
    let mut problems = Problems::default();
    let decimals = contest.results.decimals();
    let parts = &contest.scoring.parts.value;
    let mut records = Vec::with_capacity(sheet.rows.len());
    for (index, row) in sheet.rows.iter().enumerate() {
        let mut ok = true;
        let mut error = |field: Option<Field>, message: String, help: &str| {
            ok = false;
            problems.push(
                sheet
                    .problem(row, field, message)
                    .with_help(help.to_string()),
            );
        };
        let text = |field| sheet.cell(row, field).text();

        let name = text(Field::Name);
        if name.is_empty() {
            error(
                Some(Field::Name),
                "the name is missing".into(),
                "write the contestant's name",
            );
        }
        let unit = text(Field::Unit);
        if unit.is_empty() {
            error(
                Some(Field::Unit),
                "the unit is missing".into(),
                "write the unit that sent the contestant (参赛单位)",
            );
        }
        for (field, what, value) in [(Field::Name, "name", &name), (Field::Unit, "unit", &unit)] {
            if let Some((message, help)) = published::check(what, value) {
                error(Some(field), message, &help);
            }
        }
        let track_text = text(Field::Track);
        let track = find_track(contest, &track_text);
        if track.is_none() {
            let names: Vec<&str> = contest.tracks.iter().map(|t| t.name.as_str()).collect();
            error(
                Some(Field::Track),
                if track_text.is_empty() {
                    "the track is missing".into()
                } else {
                    format!("`{track_text}` is not a track of this contest")
                },
                &format!("write one of: {}", names.join("、")),
            );
        }
        let group_text = text(Field::Group);
        let group = find_group(contest, &group_text);
        if group.is_none() {
            let names: Vec<&str> = contest.groups.iter().map(|g| g.name.as_str()).collect();
            error(
                Some(Field::Group),
                if group_text.is_empty() {
                    "the group is missing".into()
                } else {
                    format!("`{group_text}` is not a group of this contest")
                },
                &format!("write one of: {}", names.join("、")),
            );
        }
        if let (Some(t), Some(g)) = (track, group) {
            let track = &contest.tracks[t];
            let group = &contest.groups[g];
            if !contest
                .groups_of(track)
                .iter()
                .any(|x| x.id.value == group.id.value)
            {
                error(
                    Some(Field::Group),
                    format!(
                        "the track {} is not run for the group {}",
                        track.name, group.name
                    ),
                    "check the track and the group of this row against `tracks` in contest.yaml",
                );
            }
        }

        let status_text = text(Field::Status);
        let mut status = match status_of(&status_text) {
            Some(status) => status,
            None => {
                error(
                    Some(Field::Status),
                    format!("`{status_text}` is not a status"),
                    &format!(
                        "leave it empty for a result, or write {} (did not sit) or {} (disqualified)",
                        ABSENT_WORDS[0], DISQUALIFIED_WORDS[0]
                    ),
                );
                Status::Ranked
            }
        };
        // Staff often write 缺考 in a score cell instead of a status column.
        for (i, _) in parts.iter().enumerate() {
            let cell = sheet.cell(row, Field::Part(i));
            if let Cell::Text(t) = cell
                && let Some(s @ (Status::Absent | Status::Disqualified)) = status_of(t)
            {
                if status == Status::Ranked {
                    status = s;
                } else if status != s {
                    error(
                        Some(Field::Part(i)),
                        format!("`{t}` contradicts the status `{status_text}`"),
                        "write the status once, in the status column",
                    );
                }
            }
        }

        let mut scores = Vec::with_capacity(parts.len());
        for (i, _) in parts.iter().enumerate() {
            let field = Field::Part(i);
            let cell = sheet.cell(row, field);
            let score = match cell {
                Cell::Empty => {
                    if status == Status::Ranked {
                        error(
                            Some(field),
                            "the score is missing".into(),
                            &format!(
                                "write the score; for a contestant who did not sit, write {} in the status column",
                                ABSENT_WORDS[0]
                            ),
                        );
                    }
                    None
                }
                Cell::Text(t) if status_of(t).is_some_and(|s| s != Status::Ranked) => None,
                Cell::Text(t) | Cell::Number(t) => match parse_score(t) {
                    None if t.trim().contains(char::is_whitespace) => {
                        error(
                            Some(field),
                            format!("`{t}` has a space inside, and a score is one number"),
                            "write the score as one number without spaces, such as 85 or 85.5",
                        );
                        None
                    }
                    None => {
                        error(
                            Some(field),
                            format!("`{t}` is not a number"),
                            "write the score in digits, such as 86.5, without units",
                        );
                        None
                    }
                    Some(value) if value < Decimal::ZERO || value > Decimal::from(FULL_MARKS) => {
                        error(
                            Some(field),
                            format!("the score {t} is outside 0 to {FULL_MARKS}"),
                            &format!("scores are out of {FULL_MARKS}; check this cell"),
                        );
                        None
                    }
                    Some(value) => Some(round(value, decimals)),
                },
                Cell::Duration(_) => {
                    error(
                        Some(field),
                        format!("`{}` is a time, not a score", cell.text()),
                        "format the cell as a number (常规 or 数值) and write the score",
                    );
                    None
                }
                Cell::Error(e) => {
                    error(
                        Some(field),
                        format!("the cell holds the spreadsheet error {e}"),
                        "fix the formula, or write the score as a number",
                    );
                    None
                }
            };
            // An absent contestant has no score; a disqualified one keeps none in public.
            scores.push(if status == Status::Ranked {
                score
            } else {
                None
            });
        }

        let time = match sheet.cell(row, Field::Time) {
            Cell::Empty => None,
            Cell::Duration(secs) if *secs >= 0.0 && *secs < f64::from(u32::MAX) => {
                Some(secs.round() as u32)
            }
            Cell::Text(t) | Cell::Number(t) if parse_time(t).is_some() => parse_time(t),
            Cell::Text(t) if status_of(t).is_some_and(|s| s != Status::Ranked) => None,
            other => {
                error(
                    Some(Field::Time),
                    format!("`{}` is not a time", other.text()),
                    "write the time as 1:23:45 or 83:20 (minutes:seconds), or as minutes such as 83.5",
                );
                None
            }
        };

        let mut no_award_honour = None;
        let honours_text = text(Field::Honours);
        for honour in honours_text
            .split(['、', ',', '，', ';', '；', '/', '\n'])
            .map(str::trim)
            .filter(|h| !h.is_empty() && !NO_HONOUR_WORDS.contains(h))
        {
            if let Some(barred) = contest
                .rules
                .barred_honours
                .iter()
                .find(|b| honour.contains(b.as_str()))
            {
                error(
                    Some(Field::Honours),
                    format!(
                        "holders of {barred} may not enter as contestants (rules.barred_honours)"
                    ),
                    "check the honour; a contestant who may not enter cannot have a result",
                );
            } else if let Some(named) = contest
                .rules
                .no_award_honours
                .iter()
                .find(|n| honour.contains(n.as_str()))
            {
                no_award_honour.get_or_insert_with(|| named.clone());
            }
        }

        if let (true, Some(track), Some(group)) = (ok, track, group) {
            records.push(Record {
                row: index,
                name,
                unit,
                track,
                group,
                scores,
                time,
                status,
                no_award_honour,
            });
        }
    }
    duplicates(contest, sheet, &records, &mut problems);
    quota(contest, sheet, &records, &mut problems);
    if problems.has_errors() {
        Err(problems)
    } else {
        Ok(records)
    }
}

/// The same contestant (name and unit) twice in one track.
fn duplicates(contest: &Contest, sheet: &Sheet, records: &[Record], problems: &mut Problems) {
    let mut seen: HashMap<(String, String, usize), usize> = HashMap::new();
    for (i, record) in records.iter().enumerate() {
        let key = (
            normalise(&record.name),
            normalise(&record.unit),
            record.track,
        );
        match seen.get(&key) {
            Some(&first) => {
                let row = &sheet.rows[record.row];
                problems.push(
                    sheet
                        .problem(
                            row,
                            Some(Field::Name),
                            format!(
                                "{} of {} is listed twice in {} (first at {})",
                                record.name,
                                record.unit,
                                contest.tracks[record.track].name,
                                sheet.place(&sheet.rows[records[first].row], None)
                            ),
                        )
                        .with_help("remove one of the two rows, or correct the name or the unit"),
                );
            }
            None => {
                seen.insert(key, i);
            }
        }
    }
}

/// Units that sent more contestants (or teams) than `rules.quota` allows, counted over its scope.
fn quota(contest: &Contest, sheet: &Sheet, records: &[Record], problems: &mut Problems) {
    let per_unit = contest.rules.quota.per_unit.value as usize;
    let scope = contest.rules.quota.scope;
    // (unit, track when counted per track, group when counted per track and group)
    type Scope = (String, Option<usize>, Option<usize>);
    let mut counts: Vec<(Scope, Vec<usize>)> = Vec::new();
    let mut index: HashMap<Scope, usize> = HashMap::new();
    for (i, record) in records.iter().enumerate() {
        let key = (
            normalise(&record.unit),
            (scope != QuotaScope::Contest).then_some(record.track),
            (scope == QuotaScope::TrackGroup).then_some(record.group),
        );
        let slot = *index.entry(key.clone()).or_insert_with(|| {
            counts.push((key, Vec::new()));
            counts.len() - 1
        });
        counts[slot].1.push(i);
    }
    let who = match contest.format.event {
        EventKind::Individual => "contestants",
        EventKind::Team => "teams",
    };
    for ((_, track, group), members) in counts {
        if members.len() <= per_unit {
            continue;
        }
        let first = &records[members[0]];
        let over = &records[members[per_unit]];
        let scope_words = match (track, group) {
            (Some(t), Some(g)) => {
                format!("in {} {}", contest.tracks[t].name, contest.groups[g].name)
            }
            (Some(t), None) => format!("in {}", contest.tracks[t].name),
            _ => "in the contest".to_string(),
        };
        let rows: Vec<String> = members
            .iter()
            .map(|&m| sheet.rows[records[m].row].number.to_string())
            .collect();
        let row_word = if matches!(sheet.kind, super::read::Kind::Yaml) {
            "entries"
        } else {
            "rows"
        };
        problems.push(
            sheet
                .problem(
                    &sheet.rows[over.row],
                    Some(Field::Unit),
                    format!(
                        "{} has {} {who} {scope_words} ({row_word} {}); the quota is {per_unit} per unit (rules.quota)",
                        first.unit,
                        members.len(),
                        rows.join(", ")
                    ),
                )
                .with_help("check the unit names of these rows; a unit may not send more than its quota"),
        );
    }
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
