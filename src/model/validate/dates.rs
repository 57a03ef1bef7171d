//! Dates in order: registration before the contest, stages in sequence, weekdays that match their dates.

use super::Checker;
use crate::model::Contest;
use crate::model::Spanned;
use crate::model::values::{Day, When};
use crate::model::yaml::spanned_at;

impl Checker<'_> {
    pub(super) fn dates(&mut self, c: &Contest) {
        let deadline = &c.registration.deadline;
        for stage in &c.schedule {
            if let (When::On(start), Some(until)) = (stage.date.value, &stage.until)
                && until.value < start
            {
                self.error_at(
                    until,
                    format!(
                        "`{}` ends on {} before it starts on {}",
                        stage.name, until.value, start
                    ),
                    "the end date must be on or after the start date",
                );
            }
            if stage.until.is_some()
                && stage.date.value == When::Tbd
                && let Some(until) = &stage.until
            {
                self.error_at(
                    until,
                    format!("`{}` has an end date but its start is `tbd`", stage.name),
                    "give a start date or remove `until`",
                );
            }
        }
        for stage in c.contest_stages() {
            if let When::On(start) = stage.date.value
                && deadline.value.day > start
            {
                self.error_at(
                        deadline,
                        format!("the registration deadline {} is after the contest starts on {}", deadline.value.day, start),
                        &format!("registration must close before the contest: move the deadline before {start} or the contest date (line {})", self.file.line_column(spanned_at(self.file, &stage.date).map_or(0, |s| s.0)).0),
                    );
            }
        }
        // Tracks may compete on different days, but each track has at most one contest stage.
        let contest_stages: Vec<_> = c.contest_stages().collect();
        for (i, later) in contest_stages.iter().enumerate() {
            let covers = |stage: &crate::model::Stage, track: &str| {
                stage
                    .tracks
                    .as_ref()
                    .is_none_or(|ids| ids.iter().any(|id| id.value.as_str() == track))
            };
            let clash = contest_stages[..i].iter().find(|earlier| {
                c.tracks.iter().any(|t| {
                    covers(earlier, t.id.value.as_str()) && covers(later, t.id.value.as_str())
                })
            });
            if let Some(earlier) = clash {
                self.error_at(
                    &later.id,
                    format!("the stages `{}` and `{}` are both the contest of the same track", earlier.id.value, later.id.value),
                    "when tracks compete on different days, give each contest stage its own `tracks: [...]`",
                );
            }
        }
        if let Some(text) = &c.registration.deadline_text {
            self.weekday_matches(text, deadline.value.day);
        }
        if deadline.value.day < c.notice.date.value {
            self.error_at(
                deadline,
                format!(
                    "the registration deadline {} is before the notice date {}",
                    deadline.value.day, c.notice.date.value
                ),
                "check the year, month and day",
            );
        }
    }

    /// The registration window: it opens on or before the deadline, and not before the notice is issued.
    pub(super) fn registration_window(&mut self, c: &Contest) {
        let Some(opens) = &c.registration.opens else {
            return;
        };
        let deadline = c.registration.deadline.value.day;
        if opens.value > deadline {
            self.error_at(
                opens,
                format!(
                    "registration opens on {} after its deadline {deadline}",
                    opens.value
                ),
                &format!("`opens` is the first day of registration: move it on or before the deadline {deadline}, or move the deadline"),
            );
        } else if opens.value < c.notice.date.value {
            self.error_at(
                opens,
                format!(
                    "registration opens on {} before the notice date {}",
                    opens.value, c.notice.date.value
                ),
                "check the year, month and day",
            );
        }
    }

    fn weekday_matches(&mut self, text: &Spanned<String>, day: Day) {
        let actual = day.weekday_chinese();
        for name in [
            "星期一",
            "星期二",
            "星期三",
            "星期四",
            "星期五",
            "星期六",
            "星期日",
            "星期天",
        ] {
            if text.value.contains(name)
                && name != actual
                && !(name == "星期天" && actual == "星期日")
            {
                self.error_at(
                    text,
                    format!("{} is a {actual}, but the text says {name}", day.chinese()),
                    "correct the weekday or the date",
                );
            }
        }
        if !text.value.contains(&day.chinese()) {
            self.error_at(
                text,
                format!(
                    "the deadline text does not mention the deadline {}",
                    day.chinese()
                ),
                "write the same date as `deadline:`",
            );
        }
    }
}
