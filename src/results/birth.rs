//! A contestant's birth date, read from a 出生日期 cell or from the 身份证号 (both read only when the
//! contest limits birth dates or ages, and never published), to check the row against its limits.
//! A team's row holds one date or number per member, separated by 、 or commas, in the order of the
//! names. A message about an ID number never repeats it.

/// What separates the members' dates or ID numbers in one cell.
const MEMBER_SEPARATORS: [char; 6] = ['、', ',', '，', ';', '；', '\n'];

/// The birth dates in a 出生日期 cell, one per member (none when it is empty); `Err` says what is wrong.
pub(super) fn dates_in_cell(cell: &Cell) -> Result<Vec<Date>, Text> {
    match cell {
        Cell::Text(text) if text.contains(MEMBER_SEPARATORS) => text
            .split(MEMBER_SEPARATORS)
            .map(str::trim)
            .filter(|piece| !piece.is_empty())
            .map(|piece| {
                from_text(piece).ok_or_else(|| msg!("results-not-a-birth-date", value = piece))
            })
            .collect(),
        other => from_cell(other).map(|day| day.into_iter().collect()),
    }
}

/// The birth dates in a 身份证号 cell, one per member; `Err` says what is wrong without the number.
pub(super) fn dates_in_id_numbers(text: &str) -> Result<Vec<Date>, Text> {
    let numbers: Vec<&str> = text
        .split(MEMBER_SEPARATORS)
        .map(str::trim)
        .filter(|piece| !piece.is_empty())
        .collect();
    let several = numbers.len() > 1;
    numbers
        .iter()
        .enumerate()
        .map(|(i, number)| {
            from_id_number(number).map_err(|e| match several {
                true => msg!("results-member", member = (i + 1).to_string(), given = e),
                false => e,
            })
        })
        .collect()
}

use super::read::Cell;
use crate::i18n::Text;
use crate::msg;
use jiff::ToSpan;
use jiff::civil::Date;

/// The birth date in a 出生日期 cell: `None` when it is empty; `Err` with what is wrong.
///
/// Accepted: a date cell of a workbook, `1990-01-01`, `1990/1/1`, `1990.1.1`, `1990年1月1日`,
/// `19900101`, with or without a time of day after it.
fn from_cell(cell: &Cell) -> Result<Option<Date>, Text> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Duration(seconds) => from_serial(*seconds / 86_400.0).map(Some),
        Cell::Text(text) | Cell::Number(text) => from_text(text)
            .map(Some)
            .ok_or_else(|| msg!("results-not-a-birth-date", value = text)),
        Cell::Error(e) => Err(msg!("results-cell-error", error = e)),
    }
}

/// A workbook's date: days since 30 December 1899.
fn from_serial(days: f64) -> Result<Date, Text> {
    if !(1.0..=2_958_465.0).contains(&days) {
        return Err(msg!("results-not-a-date"));
    }
    Date::constant(1899, 12, 30)
        .checked_add((days.floor() as i64).days())
        .map_err(|_| msg!("results-not-a-date"))
}

/// A date as written: year, month and day separated by `-`, `/`, `.` or 年月日, or eight digits.
fn from_text(text: &str) -> Option<Date> {
    let text = text.trim();
    // A time of day after the date (`1990-01-01 00:00:00`, `1990-01-01T00:00`) is not part of it.
    let date = text.split([' ', 'T']).next().unwrap_or(text);
    let date = date.trim_end_matches('日');
    let parts: Vec<&str> = if date.len() == 8 && date.bytes().all(|b| b.is_ascii_digit()) {
        vec![&date[..4], &date[4..6], &date[6..]]
    } else {
        date.split(['-', '/', '.', '年', '月']).collect()
    };
    let [year, month, day] = parts.as_slice() else {
        return None;
    };
    if year.len() != 4 || month.is_empty() || month.len() > 2 || day.is_empty() || day.len() > 2 {
        return None;
    }
    let number = |s: &str| -> Option<i16> {
        s.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| s.parse().ok())
            .flatten()
    };
    Date::new(
        number(year)?,
        i8::try_from(number(month)?).ok()?,
        i8::try_from(number(day)?).ok()?,
    )
    .ok()
}

/// The birth date in an ID number (身份证号): the 7th to 14th characters of the 18 (17 digits and a
/// digit or X), or `19` and the 7th to 12th of an old 15-digit number. The message never repeats it.
fn from_id_number(text: &str) -> Result<Date, Text> {
    let id: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let birth = match id.len() {
        _ if !id.is_ascii() => {
            return Err(msg!("results-id-number-shape"));
        }
        18 if digits(&id[..17]) && (digits(&id[17..]) || id[17..].eq_ignore_ascii_case("x")) => {
            id[6..14].to_string()
        }
        15 if digits(&id) => format!("19{}", &id[6..12]),
        _ => {
            return Err(msg!("results-id-number-shape"));
        }
    };
    from_text(&birth).ok_or_else(|| msg!("results-id-number-no-date"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn dates_as_staff_write_them() {
        for written in [
            "1990-01-02",
            "1990/1/2",
            "1990.01.02",
            "1990年1月2日",
            "19900102",
            "1990-01-02 00:00:00",
            "1990-01-02T00:00:00",
        ] {
            assert_eq!(from_text(written), Some(date(1990, 1, 2)), "{written}");
        }
        for wrong in [
            "1990-02-30",
            "90-1-2",
            "1990年1月",
            "一九九〇年",
            "1990-1-2-3",
            "",
        ] {
            assert_eq!(from_text(wrong), None, "{wrong}");
        }
        // A workbook's date cell: 1990-01-02 is day 32875.
        assert_eq!(
            from_cell(&Cell::Duration(32_875.0 * 86_400.0)),
            Ok(Some(date(1990, 1, 2)))
        );
        assert_eq!(from_cell(&Cell::Empty), Ok(None));
        // A team: one date per member.
        assert_eq!(
            dates_in_cell(&Cell::Text("1990-01-02、2001/3/4，2002年5月6日".into())),
            Ok(vec![date(1990, 1, 2), date(2001, 3, 4), date(2002, 5, 6)])
        );
        assert_eq!(
            dates_in_cell(&Cell::Text("1990-01-02、1990-13-01".into()))
                .unwrap_err()
                .to_string(),
            "`1990-13-01` is not a birth date"
        );
    }

    #[test]
    fn the_birth_date_in_an_id_number() {
        assert_eq!(from_id_number("12010119900102123X"), Ok(date(1990, 1, 2)));
        assert_eq!(from_id_number("120101 19900102 1234"), Ok(date(1990, 1, 2)));
        assert_eq!(from_id_number("120101900102123"), Ok(date(1990, 1, 2)));
        assert_eq!(
            dates_in_id_numbers("12010119900102123X、120101200103041234"),
            Ok(vec![date(1990, 1, 2), date(2001, 3, 4)])
        );
        let message = dates_in_id_numbers("12010119900102123X、1201012001030412").unwrap_err();
        assert!(message.starts_with("member 2: "), "{message}");
        assert!(!message.contains("1201012001030412"), "{message}");
        for wrong in [
            "1201011990010212",
            "12010119901302123X",
            "12010119900102123Y",
            "张张张张张张",
        ] {
            let message = from_id_number(wrong).unwrap_err();
            assert!(!message.contains(wrong), "{message}");
        }
    }
}
