//! Checks of `scoring:`: the parts' weights add up to 100, durations and modes are sensible, and each
//! part's modules add up to 100 percent of the part.

use super::Checker;
use crate::model::{Contest, ScoringPart};
use crate::msg;

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
                msg!("validate-scoring-says-nothing"),
                msg!("validate-scoring-says-nothing-help"),
            );
        }
        let Some(parts) = &s.parts else {
            return;
        };
        if parts.value.is_empty() {
            self.error_at(
                parts,
                msg!("validate-scoring-no-parts"),
                msg!("validate-scoring-no-parts-help"),
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
                msg!(
                    "validate-weights-sum",
                    sum = sum.to_string(),
                    listed = listed.join(" + ")
                ),
                msg!("validate-weights-sum-help"),
            );
        }
    }

    /// One part: its weight, duration, mode and modules.
    fn part(&mut self, part: &ScoringPart) {
        if part.weight.value == 0 || part.weight.value > 100 {
            self.error_at(
                &part.weight,
                msg!("validate-part-weight", part = &part.name),
                msg!("validate-part-weight-help"),
            );
        }
        if let Some(duration) = &part.duration
            && (duration.value == 0 || duration.value > MAX_DURATION)
        {
            self.error_at(
                duration,
                msg!(
                    "validate-part-duration",
                    part = &part.name,
                    minutes = duration.value.to_string()
                ),
                msg!(
                    "validate-part-duration-help",
                    max = MAX_DURATION.to_string()
                ),
            );
        }
        if let Some(mode) = &part.mode {
            let chars = mode.value.trim().chars().count();
            if chars == 0 || chars > MAX_MODE {
                let message = if chars == 0 {
                    msg!("validate-part-mode-empty", part = &part.name)
                } else {
                    msg!("validate-part-mode-too-long", part = &part.name)
                };
                self.error_at(
                    mode,
                    message,
                    msg!("validate-part-mode-help", max = MAX_MODE.to_string()),
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
                    msg!("validate-module-weight", module = &module.name),
                    msg!("validate-module-weight-help"),
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
                msg!(
                    "validate-modules-sum",
                    part = &part.name,
                    sum = sum.to_string(),
                    listed = listed.join(" + ")
                ),
                msg!("validate-modules-sum-help"),
            );
        }
    }
}
