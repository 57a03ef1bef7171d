//! Dates in order: registration before the contest, stages in sequence, weekdays that match their dates.

use super::Checker;
use crate::model::Contest;
use crate::model::Spanned;
use crate::model::values::{Day, When};
use crate::model::yaml::spanned_at;
use crate::msg;

impl Checker<'_> {
    pub(super) fn dates(&mut self, c: &Contest) {
        let deadline = &c.registration.deadline;
        for stage in &c.schedule {
            if let (When::On(start), Some(until)) = (stage.date.value, &stage.until)
                && until.value < start
            {
                self.error_at(
                    until,
                    msg!(
                        "validate-stage-ends-before-start",
                        stage = &stage.name,
                        until = until.value.to_string(),
                        start = start.to_string()
                    ),
                    msg!("validate-stage-ends-before-start-help"),
                );
            }
            if stage.until.is_some()
                && stage.date.value == When::Tbd
                && let Some(until) = &stage.until
            {
                self.error_at(
                    until,
                    msg!("validate-stage-until-tbd", stage = &stage.name),
                    msg!("validate-stage-until-tbd-help"),
                );
            }
        }
        for stage in c.contest_stages() {
            if let When::On(start) = stage.date.value
                && deadline.value.day > start
            {
                let line = self
                    .file
                    .line_column(spanned_at(self.file, &stage.date).map_or(0, |s| s.0))
                    .0;
                self.error_at(
                    deadline,
                    msg!(
                        "validate-deadline-after-contest",
                        deadline = deadline.value.day.to_string(),
                        start = start.to_string()
                    ),
                    msg!(
                        "validate-deadline-after-contest-help",
                        start = start.to_string(),
                        line
                    ),
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
                    msg!(
                        "validate-two-contest-stages",
                        earlier = earlier.id.value.as_str(),
                        later = later.id.value.as_str()
                    ),
                    msg!("validate-two-contest-stages-help"),
                );
            }
        }
        if let Some(text) = &c.registration.deadline_text {
            self.weekday_matches(text, deadline.value.day);
        }
        if deadline.value.day < c.notice.date.value {
            self.error_at(
                deadline,
                msg!(
                    "validate-deadline-before-notice",
                    deadline = deadline.value.day.to_string(),
                    notice = c.notice.date.value.to_string()
                ),
                msg!("validate-check-the-date-help"),
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
                msg!(
                    "validate-opens-after-deadline",
                    opens = opens.value.to_string(),
                    deadline = deadline.to_string()
                ),
                msg!(
                    "validate-opens-after-deadline-help",
                    deadline = deadline.to_string()
                ),
            );
        } else if opens.value < c.notice.date.value {
            self.error_at(
                opens,
                msg!(
                    "validate-opens-before-notice",
                    opens = opens.value.to_string(),
                    notice = c.notice.date.value.to_string()
                ),
                msg!("validate-check-the-date-help"),
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
                    msg!(
                        "validate-wrong-weekday",
                        day = day.chinese(),
                        actual,
                        written = name
                    ),
                    msg!("validate-wrong-weekday-help"),
                );
            }
        }
        if !text.value.contains(&day.chinese()) {
            self.error_at(
                text,
                msg!("validate-deadline-text", day = day.chinese()),
                msg!("validate-deadline-text-help"),
            );
        }
    }
}
