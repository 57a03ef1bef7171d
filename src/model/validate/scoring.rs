//! Checks of `scoring:`: the parts' weights add up to 100, durations and modes are sensible, and each
//! part's modules add up to 100 percent of the part.

use super::Checker;
use crate::model::{Contest, ScoringPart};

/// The longest duration of a part, in minutes: a day.
const MAX_DURATION: u32 = 24 * 60;

/// The longest `mode`, in characters: it is a short text in a table column (上机考试, 实际操作).
const MAX_MODE: usize = 20;

impl Checker<'_> {
    /// `scoring:` as a whole, then each part.
    pub(super) fn scoring_parts(&mut self, c: &Contest) {
        let Some(scoring) = &c.scoring else {
            return;
        };
        let s = &scoring.value;
        let says_something = s.parts.is_some()
            || s.note.is_some()
            || s.ranking.is_some()
            || s.setting.is_some()
            || s.papers_by.is_some();
        if !says_something {
            self.error_at(
                scoring,
                "`scoring` says nothing".into(),
                "give its `parts` with their weights, or a `note` such as `note: 评分办法另行通知`, or remove `scoring:`",
            );
        }
        let Some(parts) = &s.parts else {
            return;
        };
        if parts.value.is_empty() {
            self.error_at(
                parts,
                "scoring has no parts".into(),
                "add at least one part, for example a practical part with weight 100; or, while the parts are not set, remove `parts:` and write `note: 评分办法另行通知`",
            );
            return;
        }
        for part in &parts.value {
            self.part(part);
        }
        let sum: u32 = parts.value.iter().map(|p| p.weight.value).sum();
        if sum != 100 {
            let listed: Vec<String> = parts
                .value
                .iter()
                .map(|p| format!("{} {}%", p.name, p.weight.value))
                .collect();
            self.error_at(
                &parts.value[0].weight,
                format!(
                    "the scoring weights add up to {sum}%, not 100% ({})",
                    listed.join(" + ")
                ),
                "change the weights so that they add up to 100",
            );
        }
    }

    /// One part: its weight, duration, mode and modules.
    fn part(&mut self, part: &ScoringPart) {
        if part.weight.value == 0 || part.weight.value > 100 {
            self.error_at(
                &part.weight,
                format!(
                    "the weight of `{}` must be between 1 and 100 percent",
                    part.name
                ),
                "weights are percentages of the total",
            );
        }
        if let Some(duration) = &part.duration
            && (duration.value == 0 || duration.value > MAX_DURATION)
        {
            self.error_at(
                duration,
                format!(
                    "the duration of `{}` is {} minutes",
                    part.name, duration.value
                ),
                &format!(
                    "write the duration in minutes, from 1 to {MAX_DURATION} (`duration: 90` is shown as 90分钟)"
                ),
            );
        }
        if let Some(mode) = &part.mode {
            let chars = mode.value.trim().chars().count();
            if chars == 0 || chars > MAX_MODE {
                self.error_at(
                    mode,
                    format!(
                        "the mode of `{}` is {}",
                        part.name,
                        if chars == 0 { "empty" } else { "too long" }
                    ),
                    &format!(
                        "write how the part is held in at most {MAX_MODE} characters, such as 上机考试, 笔试 or 实际操作; say more in `scoring.setting`"
                    ),
                );
            }
        }
        self.modules(part);
    }

    /// The modules of a part: each weight a percent, all adding up to 100.
    fn modules(&mut self, part: &ScoringPart) {
        let Some(modules) = &part.modules else {
            return;
        };
        for module in &modules.value {
            if module.weight.value == 0 || module.weight.value > 100 {
                self.error_at(
                    &module.weight,
                    format!(
                        "the weight of the module `{}` must be between 1 and 100 percent",
                        module.name
                    ),
                    "a module's weight is its percent of the part's score",
                );
            }
        }
        let sum: u32 = modules.value.iter().map(|m| m.weight.value).sum();
        if !modules.value.is_empty() && sum != 100 {
            let listed: Vec<String> = modules
                .value
                .iter()
                .map(|m| format!("{} {}%", m.name, m.weight.value))
                .collect();
            self.error_at(
                modules,
                format!(
                    "the modules of `{}` add up to {sum}% of the part, not 100% ({})",
                    part.name,
                    listed.join(" + ")
                ),
                "a module's weight is its percent of the part's score (not of the total): change them so that they add up to 100",
            );
        }
    }
}
