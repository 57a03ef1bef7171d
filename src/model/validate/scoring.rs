//! Checks of `scoring:` and of each track's own `scoring:`: the parts' weights add up to 100, durations
//! and modes are sensible, each part's modules add up to 100 percent of the part, and an id used by
//! several scorings names the same score column (the same kind and name) in each.

use super::Checker;
use crate::model::{Contest, Scoring, ScoringPart, Spanned};
use crate::msg;
use std::collections::HashMap;

/// The longest duration of a part, in minutes: a day.
const MAX_DURATION: u32 = 24 * 60;

/// The longest `mode`, in characters: it is a short text in a table column (上机考试, 实际操作).
const MAX_MODE: usize = 20;

impl Checker<'_> {
    /// `scoring:` as a whole, then each part.
    pub(super) fn scoring_parts(&mut self, c: &Contest) {
        if let Some(scoring) = &c.scoring {
            self.scheme(scoring);
        }
    }

    /// Each track's own `scoring:`, like the contest's; its ids are unique within it.
    pub(super) fn track_scorings(&mut self, c: &Contest) {
        for scoring in c.tracks.iter().filter_map(|t| t.scoring.as_ref()) {
            self.scheme(scoring);
            self.unique_ids(
                msg!("validate-noun-part"),
                scoring
                    .value
                    .parts()
                    .iter()
                    .flat_map(|p| std::iter::once(&p.id).chain(p.modules().iter().map(|m| &m.id))),
            );
        }
    }

    /// An id used by several scorings is one score column of the results: a part in each (with the
    /// same name), or a module of the same part in each (with the same name). Only the scorings some
    /// track follows are compared.
    pub(super) fn shared_score_ids(&mut self, c: &Contest) {
        let contest = c
            .contest_scoring_used()
            .then_some(c.scoring.as_ref())
            .flatten();
        let own = c.tracks.iter().filter_map(|t| t.scoring.as_ref());
        // id -> (the part it is a module of, if any; its name)
        let mut first: HashMap<String, (Option<String>, String)> = HashMap::new();
        for scoring in contest.into_iter().chain(own) {
            let mut seen_here: Vec<String> = Vec::new();
            for part in scoring.value.parts() {
                let columns = std::iter::once((&part.id, None, &part.name)).chain(
                    part.modules()
                        .iter()
                        .map(|m| (&m.id, Some(part.id.value.to_string()), &m.name)),
                );
                for (id, of_part, name) in columns {
                    let key = id.value.to_string();
                    if seen_here.contains(&key) {
                        continue;
                    }
                    seen_here.push(key.clone());
                    match first.get(&key) {
                        None => {
                            first.insert(key, (of_part, name.clone()));
                        }
                        Some((known_part, known_name)) => {
                            self.same_column(id, (known_part, known_name), (&of_part, name));
                        }
                    }
                }
            }
        }
    }

    /// The error when an id met again in another scoring is not the same column as the first time.
    fn same_column<T: ToString>(
        &mut self,
        id: &Spanned<T>,
        (known_part, known_name): (&Option<String>, &String),
        (of_part, name): (&Option<String>, &String),
    ) {
        let shown = id.value.to_string();
        if known_part != of_part {
            let kind = |p: &Option<String>| match p {
                None => msg!("track-scoring-kind-part"),
                Some(part) => msg!("track-scoring-kind-module", part = part.as_str()),
            };
            self.error_at(
                id,
                msg!(
                    "track-scoring-id-other-kind",
                    id = shown.as_str(),
                    first = kind(known_part),
                    here = kind(of_part)
                ),
                msg!("track-scoring-id-other-kind-help"),
            );
        } else if known_name != name {
            self.error_at(
                id,
                msg!(
                    "track-scoring-id-other-name",
                    id = shown.as_str(),
                    first = known_name.as_str(),
                    here = name.as_str()
                ),
                msg!("track-scoring-id-other-name-help"),
            );
        }
    }

    /// One scoring (the contest's or a track's) as a whole, then each part.
    fn scheme(&mut self, scoring: &Spanned<Scoring>) {
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
