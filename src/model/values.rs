//! Small value types read from YAML with their own checks: ids, dates, deadlines, "to be announced".

use super::yaml::{Mistake, own_error};
use jiff::civil::{Date, DateTime, Time, Weekday};
use serde::{Deserialize, Deserializer};
use std::fmt;

/// The words that mean a date is not fixed yet (另行通知).
pub const TBD_WORDS: [&str; 3] = ["tbd", "另行通知", "待定"];

/// A date written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub Date);

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        parse_date(&text)
            .map(Day)
            .map_err(|mistake| own_error(mistake, text.trim()))
    }
}

/// A date written `YYYY-MM-DD`, or what is wrong with it.
fn parse_date(text: &str) -> Result<Date, Mistake> {
    let text = text.trim();
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shaped {
        return Err(Mistake::DateShape);
    }
    text.parse::<Date>().map_err(|_| Mistake::NoSuchDay)
}

impl Day {
    /// `2025年10月16日`.
    pub fn chinese(&self) -> String {
        format!("{}年{}月{}日", self.0.year(), self.0.month(), self.0.day())
    }

    /// `2025-10-16`.
    pub fn iso(&self) -> String {
        self.0.to_string()
    }

    /// `星期五`.
    pub fn weekday_chinese(&self) -> &'static str {
        weekday_chinese(self.0.weekday())
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The Chinese name of a weekday.
pub fn weekday_chinese(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "星期一",
        Weekday::Tuesday => "星期二",
        Weekday::Wednesday => "星期三",
        Weekday::Thursday => "星期四",
        Weekday::Friday => "星期五",
        Weekday::Saturday => "星期六",
        Weekday::Sunday => "星期日",
    }
}

/// A date that may still be "to be announced": `2025-11-20`, or `tbd` / `另行通知`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// Fixed.
    On(Day),
    /// Not fixed yet (另行通知).
    Tbd,
}

impl<'de> Deserialize<'de> for When {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        if TBD_WORDS.contains(&text.trim()) {
            return Ok(When::Tbd);
        }
        parse_date(&text)
            .map(|date| When::On(Day(date)))
            .map_err(|mistake| own_error(mistake.or_tbd(), text.trim()))
    }
}

impl When {
    /// The date, when fixed.
    pub fn day(&self) -> Option<Day> {
        match self {
            When::On(day) => Some(*day),
            When::Tbd => None,
        }
    }
}

/// A deadline: a date (the end of that day counts) or a date and time, `2025-10-31 17:00`, in Beijing time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadline {
    /// The last day.
    pub day: Day,
    /// The time on that day, when given; otherwise the whole day counts.
    pub time: Option<Time>,
}

impl<'de> Deserialize<'de> for Deadline {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        let text = text.trim();
        let (date_part, time_part) = match text.split_once([' ', 'T']) {
            Some((date, time)) => (date, Some(time.trim())),
            None => (text, None),
        };
        let day = parse_date(date_part)
            .map(Day)
            .map_err(|mistake| own_error(mistake, date_part.trim()))?;
        let time = match time_part {
            None => None,
            Some(t) => Some(
                t.parse::<Time>()
                    .map_err(|_| own_error(Mistake::TimeOfDay, t))?,
            ),
        };
        Ok(Deadline { day, time })
    }
}

impl Deadline {
    /// The last moment that still counts, as a civil date-time.
    pub fn last_moment(&self) -> DateTime {
        self.day
            .0
            .to_datetime(self.time.unwrap_or(Time::constant(23, 59, 59, 0)))
    }

    /// ISO 8601 with the Beijing offset, for machines: `2025-10-31T23:59:59+08:00`.
    pub fn iso_beijing(&self) -> String {
        format!("{}+08:00", self.last_moment().strftime("%Y-%m-%dT%H:%M:%S"))
    }

    /// `2025年10月31日（星期五）` or with the time `2025年10月31日（星期五）17:00`.
    pub fn chinese(&self) -> String {
        let mut text = format!("{}（{}）", self.day.chinese(), self.day.weekday_chinese());
        if let Some(time) = self.time {
            text.push_str(&time.strftime("%H:%M").to_string());
        }
        text
    }
}

/// An identifier used in addresses and references: lower-case ASCII letters, digits and `-`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Id(pub String);

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        if is_id(&text) {
            Ok(Id(text))
        } else {
            Err(own_error(Mistake::Id, &text))
        }
    }
}

/// Whether `text` is a valid [`Id`].
pub fn is_id(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 64
        && !text.starts_with('-')
        && !text.ends_with('-')
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Id {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}
