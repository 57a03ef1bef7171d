//! The 公民身份号码 of GB 11643-1999: 6 digits of the place, 8 of the birth date, 3 of the order (odd for
//! a man, even for a woman) and a check digit (ISO 7064 MOD 11-2, `X` for 10). A message about a number
//! never repeats it: [`mask`] keeps the place and the last four characters only.

use jiff::civil::Date;

/// The weights of the first 17 digits.
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// The check character for each remainder of the weighted sum by 11.
const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// What a valid number says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdNumber {
    /// The birth date in it.
    pub birth: Date,
    /// Whether the order digit is odd (a man).
    pub male: bool,
}

/// Why a number is not valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdProblem {
    /// Not 17 digits and a digit or `X`.
    Shape,
    /// The 7th to 14th characters are no real date.
    NoDate,
    /// The check digit does not follow from the others.
    CheckDigit,
}

/// The number as it is compared: without spaces, `x` as `X`.
pub fn normalise(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Checks an 18-character number: its shape, the birth date in it, then the check digit.
pub fn check(text: &str) -> Result<IdNumber, IdProblem> {
    let id = normalise(text);
    let chars: Vec<char> = id.chars().collect();
    if chars.len() != 18
        || !chars[..17].iter().all(char::is_ascii_digit)
        || !(chars[17].is_ascii_digit() || chars[17] == 'X')
    {
        return Err(IdProblem::Shape);
    }
    let number = |range: std::ops::Range<usize>| id[range].parse::<i16>().ok();
    let birth = match (number(6..10), number(10..12), number(12..14)) {
        (Some(y), Some(m), Some(d)) if y >= 1900 => {
            Date::new(y, m as i8, d as i8).map_err(|_| IdProblem::NoDate)?
        }
        _ => return Err(IdProblem::NoDate),
    };
    let sum: u32 = chars[..17]
        .iter()
        .zip(WEIGHTS)
        .map(|(c, w)| c.to_digit(10).unwrap_or(0) * w)
        .sum();
    if CHECK[(sum % 11) as usize] != chars[17] {
        return Err(IdProblem::CheckDigit);
    }
    let order = chars[16].to_digit(10).unwrap_or(0);
    Ok(IdNumber {
        birth,
        male: order % 2 == 1,
    })
}

/// The number with its birth date and order hidden: `120101********123X`; anything shorter than 10
/// characters is hidden whole.
pub fn mask(text: &str) -> String {
    let id = normalise(text);
    let chars: Vec<char> = id.chars().collect();
    if chars.len() < 10 {
        return "*".repeat(chars.len().max(1));
    }
    let keep_end = 4;
    let head: String = chars[..6].iter().collect();
    let tail: String = chars[chars.len() - keep_end..].iter().collect();
    format!("{head}{}{tail}", "*".repeat(chars.len() - 6 - keep_end))
}

/// The check character of the first 17 digits (for tests and generated numbers).
pub fn check_char(first17: &str) -> Option<char> {
    let digits: Vec<u32> = first17
        .chars()
        .map(|c| c.to_digit(10))
        .collect::<Option<_>>()?;
    if digits.len() != 17 {
        return None;
    }
    let sum: u32 = digits.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
    Some(CHECK[(sum % 11) as usize])
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn the_check_digit_of_gb_11643() {
        // The example of the standard: 11010519491231002X.
        assert_eq!(
            check("11010519491231002X"),
            Ok(IdNumber {
                birth: date(1949, 12, 31),
                male: false
            })
        );
        assert_eq!(check("11010519491231002x").map(|i| i.male), Ok(false));
        assert_eq!(check("110105194912310021"), Err(IdProblem::CheckDigit));
        assert_eq!(check("110105194913310021"), Err(IdProblem::NoDate));
        assert_eq!(check("11010519491231002"), Err(IdProblem::Shape));
        assert_eq!(check("1101051949123100Z2"), Err(IdProblem::Shape));
        let first = "12010119900102123";
        let whole = format!("{first}{}", check_char(first).unwrap());
        assert_eq!(check(&whole).map(|i| i.male), Ok(true));
        assert_eq!(check("120101189001021234"), Err(IdProblem::NoDate));
    }

    #[test]
    fn a_masked_number_keeps_only_its_place_and_end() {
        assert_eq!(mask("11010519491231002X"), "110105********002X");
        assert_eq!(mask("123"), "***");
        assert!(!mask("11010519491231002X").contains("19491231"));
    }
}
