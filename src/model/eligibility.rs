//! Who may enter by birth date and age: which `limits:` apply to an entry (those of `rules`, of its
//! group and of its track, less the exceptions), the birth dates they allow, and whether a birth date
//! breaks them. The words for the pages are in `views.rs`; the check of a score sheet's rows in
//! `results/validate.rs`.

use super::values::{Day, Id};
use super::{Contest, Group, Limits, Track};
use crate::i18n::Text;
use crate::msg;
use jiff::ToSpan;
use jiff::civil::Date;

/// Where a set of limits is written.
#[derive(Debug, Clone, Copy)]
pub enum LimitSource<'a> {
    /// `rules.limits`: every entrant.
    Contest,
    /// A group's `limits`.
    Group(&'a Group),
    /// A track's `limits`.
    Track(&'a Track),
}

impl LimitSource<'_> {
    /// The key in contest.yaml, for messages: `rules.limits`, `limits` of the group `youth`.
    pub fn key(&self) -> Text {
        match self {
            LimitSource::Contest => msg!("model-limits-of-rules"),
            LimitSource::Group(g) => msg!("model-limits-of-group", group = g.id.value.as_str()),
            LimitSource::Track(t) => msg!("model-limits-of-track", track = t.id.value.as_str()),
        }
    }
}

/// How a birth date breaks a set of limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breach {
    /// Born before `born_on_or_after`.
    BornBefore(Day),
    /// Born after `born_on_or_before`.
    BornAfter(Day),
    /// Younger than `age.min` on `as_of`: (the age, the minimum, the day).
    TooYoung(i16, u32, Day),
    /// Older than `age.max` on `as_of`: (the age, the maximum, the day).
    TooOld(i16, u32, Day),
}

/// The age in whole years (周岁) on `day` of someone born on `birth`: the birthday must have come
/// (someone born on 29 February turns a year older on 1 March in other years).
pub fn age_on(birth: Date, day: Date) -> i16 {
    let had_birthday = (day.month(), day.day()) >= (birth.month(), birth.day());
    day.year() - birth.year() - i16::from(!had_birthday)
}

impl Limits {
    /// Whether these limits do not apply to the track `id` (X赛项不限).
    pub fn excepts(&self, id: &Id) -> bool {
        self.except_tracks.iter().any(|t| t.value == *id)
    }

    /// Whether these limits say anything of the birth date or the age.
    pub fn limits_birth(&self) -> bool {
        self.born_on_or_after.is_some()
            || self.born_on_or_before.is_some()
            || self
                .age
                .as_ref()
                .is_some_and(|a| a.value.min.is_some() || a.value.max.is_some())
    }

    /// The earliest and the latest birth date these limits allow (`None`: no bound that way).
    pub fn birth_window(&self) -> (Option<Date>, Option<Date>) {
        let mut earliest = self.born_on_or_after.as_ref().map(|d| d.value.0);
        let mut latest = self.born_on_or_before.as_ref().map(|d| d.value.0);
        if let Some(age) = &self.age
            && let Some(as_of) = &age.value.as_of
        {
            let day = as_of.value.0;
            if let Some(min) = &age.value.min {
                // Old enough: born on or before the day, `min` years earlier.
                let bound = day.checked_sub(i64::from(min.value).years()).ok();
                latest = tighter(latest, bound, Ord::min);
            }
            if let Some(max) = &age.value.max {
                // Not yet `max + 1`: born after the day, `max + 1` years earlier.
                let bound = day
                    .checked_sub((i64::from(max.value) + 1).years())
                    .and_then(|d| d.checked_add(1.day()))
                    .ok();
                earliest = tighter(earliest, bound, Ord::max);
            }
        }
        (earliest, latest)
    }

    /// The ways someone born on `birth` breaks these limits.
    pub fn breaches(&self, birth: Date) -> Vec<Breach> {
        let mut found = Vec::new();
        if let Some(after) = &self.born_on_or_after
            && birth < after.value.0
        {
            found.push(Breach::BornBefore(after.value));
        }
        if let Some(before) = &self.born_on_or_before
            && birth > before.value.0
        {
            found.push(Breach::BornAfter(before.value));
        }
        if let Some(age) = &self.age
            && let Some(as_of) = &age.value.as_of
        {
            let years = age_on(birth, as_of.value.0);
            if let Some(min) = &age.value.min
                && i64::from(years) < i64::from(min.value)
            {
                found.push(Breach::TooYoung(years, min.value, as_of.value));
            }
            if let Some(max) = &age.value.max
                && i64::from(years) > i64::from(max.value)
            {
                found.push(Breach::TooOld(years, max.value, as_of.value));
            }
        }
        found
    }
}

/// The tighter of two optional bounds (`pick` is `min` for a latest date, `max` for an earliest).
fn tighter(a: Option<Date>, b: Option<Date>, pick: fn(Date, Date) -> Date) -> Option<Date> {
    match (a, b) {
        (Some(a), Some(b)) => Some(pick(a, b)),
        (a, b) => a.or(b),
    }
}

impl Contest {
    /// The limits that apply to an entry in `track` and `group` (none without groups), with where each
    /// is written: `rules.limits` and the group's unless they except this track, then the track's own.
    pub fn limits_for<'a>(
        &'a self,
        track: &'a Track,
        group: Option<&'a Group>,
    ) -> Vec<(LimitSource<'a>, &'a Limits)> {
        let id = &track.id.value;
        let mut found = Vec::new();
        if let Some(l) = &self.rules.limits
            && !l.value.excepts(id)
        {
            found.push((LimitSource::Contest, &l.value));
        }
        if let Some(g) = group
            && let Some(l) = &g.limits
            && !l.value.excepts(id)
        {
            found.push((LimitSource::Group(g), &l.value));
        }
        if let Some(l) = &track.limits {
            found.push((LimitSource::Track(track), &l.value));
        }
        found
    }

    /// Whether any `limits:` says anything of the birth date or the age (a score sheet's birth dates
    /// are then read and checked).
    pub fn limits_birth(&self) -> bool {
        self.rules
            .limits
            .iter()
            .chain(self.groups.iter().filter_map(|g| g.limits.as_ref()))
            .chain(self.tracks.iter().filter_map(|t| t.limits.as_ref()))
            .any(|l| l.value.limits_birth())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn ages_count_whole_years() {
        assert_eq!(age_on(date(2007, 10, 1), date(2025, 10, 1)), 18);
        assert_eq!(age_on(date(2007, 10, 2), date(2025, 10, 1)), 17);
        assert_eq!(age_on(date(1989, 10, 2), date(2025, 10, 1)), 35);
        assert_eq!(age_on(date(1989, 10, 1), date(2025, 10, 1)), 36);
        // Born on 29 February: a year older on 1 March of other years.
        assert_eq!(age_on(date(2004, 2, 29), date(2022, 2, 28)), 17);
        assert_eq!(age_on(date(2004, 2, 29), date(2022, 3, 1)), 18);
    }

    #[test]
    fn the_birth_window_of_an_age_range_is_the_dates_it_admits() {
        let limits: Limits =
            serde_saphyr::from_str("age: { min: 18, max: 35, as_of: 2025-10-01 }\n").unwrap();
        let (earliest, latest) = limits.birth_window();
        assert_eq!(earliest, Some(date(1989, 10, 2)));
        assert_eq!(latest, Some(date(2007, 10, 1)));
        for birth in [
            date(1989, 10, 1),
            date(1989, 10, 2),
            date(2007, 10, 1),
            date(2007, 10, 2),
        ] {
            let inside = earliest.is_some_and(|e| birth >= e) && latest.is_some_and(|l| birth <= l);
            assert_eq!(limits.breaches(birth).is_empty(), inside, "{birth}");
        }
        let limits: Limits = serde_saphyr::from_str(
            "born_on_or_after: 1990-01-01\nage: { max: 30, as_of: 2025-10-01 }\n",
        )
        .unwrap();
        assert_eq!(limits.birth_window(), (Some(date(1994, 10, 2)), None));
        assert_eq!(
            limits.breaches(date(1989, 12, 31)),
            [
                Breach::BornBefore(Day(date(1990, 1, 1))),
                Breach::TooOld(35, 30, Day(date(2025, 10, 1)))
            ]
        );
    }
}
