//! Checks across sections that the types alone cannot express: references resolve, ids are unique,
//! weights add up, dates are in order, and the plan's wording still matches the data.

mod dates;
mod text;

use super::Spanned;
use super::yaml::spanned_at;
use super::{Contest, Project};
use crate::diagnostics::{Problem, Problems, SourceFile};
use std::collections::HashMap;

/// The longest `site.base_url`: the notice PDF carries it in a QR code, which holds at most about 2,900
/// bytes; real addresses are far shorter.
pub(super) const MAX_BASE_URL: usize = 512;

/// Runs every check on a parsed project.
pub(super) fn check(project: &Project) -> Problems {
    let file = &project.contest_file;
    let c = &project.contest;
    let mut out = Checker {
        file,
        problems: Problems::default(),
    };
    out.unique_ids("track", c.tracks.iter().map(|t| &t.id));
    out.unique_ids("group", c.groups.iter().map(|g| &g.id));
    out.unique_ids("reference", c.references.iter().map(|r| &r.id));
    out.unique_ids("schedule stage", c.schedule.iter().map(|s| &s.id));
    out.unique_ids("scoring part", c.scoring.parts.value.iter().map(|p| &p.id));
    out.unique_numbers("attachment", c.attachments.iter().map(|a| &a.number));
    out.references(c);
    out.other_references(c);
    out.scoring(c);
    out.dates(c);
    out.registration_window(c);
    out.contacts(c);
    out.site(c);
    out.registration_channels(c);
    out.page_names(c);
    out.plan_mentions(c);
    out.problems.extend(super::results_section::check(c, file));
    out.problems
}

struct Checker<'a> {
    file: &'a SourceFile,
    problems: Problems,
}

impl Checker<'_> {
    fn error_at<T>(&mut self, at: &Spanned<T>, message: String, help: &str) {
        let problem = match spanned_at(self.file, at) {
            Some(span) => Problem::at(self.file, span, message),
            None => Problem::general(Some(self.file), message),
        };
        self.problems.push(problem.with_help(help.to_string()));
    }

    fn unique_ids<'b, T: ToString + 'b>(
        &mut self,
        what: &str,
        ids: impl Iterator<Item = &'b Spanned<T>>,
    ) {
        let mut seen: HashMap<String, (usize, usize)> = HashMap::new();
        for id in ids {
            let key = id.value.to_string();
            if let Some(first) = seen.get(&key) {
                let line = self.file.line_column(first.0).0;
                self.error_at(
                    id,
                    format!("the {what} id `{key}` is used twice"),
                    &format!("the first one is on line {line}; ids must be unique"),
                );
            } else {
                seen.insert(key, spanned_at(self.file, id).unwrap_or((0, 0)));
            }
        }
    }

    fn unique_numbers<'b>(&mut self, what: &str, numbers: impl Iterator<Item = &'b Spanned<u32>>) {
        let mut seen = Vec::new();
        for number in numbers {
            if seen.contains(&number.value) {
                self.error_at(
                    number,
                    format!("{what} {} is numbered twice", number.value),
                    "number the attachments 1, 2, 3, …",
                );
            }
            seen.push(number.value);
        }
    }

    /// Groups and tracks named by tracks, stages and rules exist.
    fn references(&mut self, c: &Contest) {
        let group_ids: Vec<&str> = c.groups.iter().map(|g| g.id.value.as_str()).collect();
        let known_groups = group_ids.join(", ");
        for track in &c.tracks {
            for group in track.groups.iter().flatten() {
                if group_ids.is_empty() {
                    self.error_at(
                        group,
                        format!(
                            "track `{}` refers to the group `{}`, but there are no groups",
                            track.id.value, group.value
                        ),
                        "remove this track's `groups:`, or define the groups under `groups:`",
                    );
                } else if !group_ids.contains(&group.value.as_str()) {
                    self.error_at(
                        group,
                        format!(
                            "track `{}` refers to the group `{}`, which is not defined",
                            track.id.value, group.value
                        ),
                        &format!("define it under `groups:` or use one of: {known_groups}"),
                    );
                }
            }
        }
        let track_ids: Vec<&str> = c.tracks.iter().map(|t| t.id.value.as_str()).collect();
        for stage in &c.schedule {
            for track in stage.tracks.iter().flatten() {
                if !track_ids.contains(&track.value.as_str()) {
                    self.error_at(
                        track,
                        format!(
                            "the stage `{}` refers to the track `{}`, which is not defined",
                            stage.id.value, track.value
                        ),
                        &format!(
                            "define it under `tracks:` or use one of: {}",
                            track_ids.join(", ")
                        ),
                    );
                }
            }
        }
        for restriction in &c.rules.group_restrictions {
            if group_ids.is_empty() {
                self.error_at(
                    &restriction.group,
                    format!(
                        "the rule refers to the group `{}`, but there are no groups",
                        restriction.group.value
                    ),
                    "remove this rule from `rules.group_restrictions`, or define the groups under `groups:`",
                );
            } else if !group_ids.contains(&restriction.group.value.as_str()) {
                self.error_at(
                    &restriction.group,
                    format!(
                        "the rule refers to the group `{}`, which is not defined",
                        restriction.group.value
                    ),
                    &format!("use one of: {known_groups}"),
                );
            }
        }
    }

    /// The awards' document, the registration materials' attachments, the bodies' parents, and that
    /// there are tracks at all (groups are optional).
    fn other_references(&mut self, c: &Contest) {
        if let Some(basis) = &c.awards.basis
            && c.reference(basis.value.as_str()).is_none()
        {
            let known: Vec<&str> = c.references.iter().map(|r| r.id.value.as_str()).collect();
            self.error_at(
                basis,
                format!(
                    "awards refer to the document `{}`, which is not under `references:`",
                    basis.value
                ),
                &format!(
                    "add it to `references:` or use one of: {}",
                    known.join(", ")
                ),
            );
        }
        let numbers: Vec<u32> = c.attachments.iter().map(|a| a.number.value).collect();
        for material in &c.registration.materials {
            if let Some(n) = &material.attachment
                && !numbers.contains(&n.value)
            {
                self.error_at(
                    n,
                    format!("there is no attachment {}", n.value),
                    "add it under `attachments:` or fix the number",
                );
            }
        }
        let bodies: Vec<&str> = c
            .organisation
            .bodies
            .iter()
            .map(|b| b.name.value.as_str())
            .collect();
        for body in &c.organisation.bodies {
            if let Some(parent) = &body.parent
                && !bodies.contains(&parent.value.as_str())
            {
                self.error_at(
                    parent,
                    format!(
                        "`{}` sits under `{}`, which is not one of the bodies",
                        body.name.value, parent.value
                    ),
                    &format!("use one of: {}", bodies.join(", ")),
                );
            }
        }
        if c.tracks.is_empty() {
            self.problems.push(
                Problem::general(Some(self.file), "the contest has no tracks")
                    .with_help("add at least one track under `tracks:`"),
            );
        }
    }

    fn scoring(&mut self, c: &Contest) {
        let parts = &c.scoring.parts;
        if parts.value.is_empty() {
            self.error_at(
                parts,
                "scoring has no parts".into(),
                "add at least one part, for example a practical part with weight 100",
            );
            return;
        }
        for part in &parts.value {
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
        if c.rules.quota.per_unit.value == 0 {
            self.error_at(
                &c.rules.quota.per_unit,
                "a unit may send at least one contestant".into(),
                "write a number of 1 or more",
            );
        }
        if let Some(size) = &c.format.team_size
            && size.value == 0
        {
            self.error_at(
                size,
                "a team has at least one member".into(),
                "write 1 for an individual event",
            );
        }
    }
}
