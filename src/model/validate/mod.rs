//! Checks across sections that the types alone cannot express: references resolve, ids are unique,
//! weights add up, dates are in order, and the plan's wording still matches the data.

mod awards;
mod dates;
mod entry;
mod scoring;
mod text;

use super::Contest;
use super::yaml::{spanned_at, top_level_key};
use crate::diagnostics::{Problem, Problems, SourceFile};
use serde_saphyr::Spanned;
use std::collections::HashMap;

/// The longest `site.base_url`: the notice PDF carries it in a QR code, which holds at most about 2,900
/// bytes; real addresses are far shorter.
pub(super) const MAX_BASE_URL: usize = 512;

/// One check of the contest.
type Check = fn(&mut Checker<'_>, &Contest);

/// Every check, with the sections of contest.yaml it reads. When a section could not be read it is
/// stood in for (see [`super::yaml::stand_in`]), and the checks that read it are skipped: the others
/// still run, so a slip in one section does not hide the mistakes of the others.
const CHECKS: &[(&[&str], Check)] = &[
    (&["tracks"], |o, c| {
        o.unique_ids("track", c.tracks.iter().map(|t| &t.id));
    }),
    (&["groups"], |o, c| {
        o.unique_ids("group", c.groups.iter().map(|g| &g.id));
    }),
    (&["references"], |o, c| {
        o.unique_ids("reference", c.references.iter().map(|r| &r.id));
    }),
    (&["schedule"], |o, c| {
        o.unique_ids("schedule stage", c.schedule.iter().map(|s| &s.id));
    }),
    (&["scoring"], |o, c| {
        o.unique_ids(
            "scoring part or module",
            c.parts()
                .iter()
                .flat_map(|p| std::iter::once(&p.id).chain(p.modules().iter().map(|m| &m.id))),
        );
    }),
    (&["attachments"], |o, c| {
        o.unique_numbers("attachment", c.attachments.iter().map(|a| &a.number));
    }),
    (&["tracks", "groups", "schedule", "rules"], |o, c| {
        o.references(c)
    }),
    (
        &[
            "awards",
            "references",
            "registration",
            "attachments",
            "organisation",
        ],
        |o, c| o.other_references(c),
    ),
    (&["tracks"], |o, c| o.some_tracks(c)),
    (&["scoring", "format"], |o, c| o.scoring(c)),
    (&["awards", "results"], |o, c| o.awards(c)),
    (&["rules", "groups", "tracks"], |o, c| o.entry_rules(c)),
    (&["registration", "schedule", "notice", "tracks"], |o, c| {
        o.dates(c)
    }),
    (&["registration", "notice"], |o, c| o.registration_window(c)),
    (&["contacts", "registration"], |o, c| o.contacts(c)),
    (&["site"], |o, c| o.site(c)),
    (&["registration"], |o, c| o.registration_channels(c)),
    (&["tracks", "groups"], |o, c| o.page_names(c)),
    (
        &[
            "plan",
            "tracks",
            "groups",
            "registration",
            "scoring",
            "format",
            "rules",
        ],
        |o, c| o.plan_mentions(c),
    ),
    (&["results", "scoring"], |o, c| {
        o.problems.extend(super::results_section::check(c, o.file));
    }),
];

/// Runs the checks on a contest read from `file`, each only when none of the sections it reads is in
/// `unread` (the sections that could not be read).
pub(super) fn check(c: &Contest, file: &SourceFile, unread: &[&str]) -> Problems {
    let mut out = Checker {
        file,
        problems: Problems::default(),
    };
    for (reads, check) in CHECKS {
        if reads.iter().all(|section| !unread.contains(section)) {
            check(&mut out, c);
        }
    }
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

    /// The awards' document, the registration materials' attachments and the bodies' parents.
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
    }

    /// There are tracks at all (groups are optional).
    fn some_tracks(&mut self, c: &Contest) {
        if c.tracks.is_empty() {
            self.section_error(
                "tracks",
                "the contest has no tracks",
                "add at least one track under `tracks:`, each starting with `- id:` (see the README for a track's keys)",
            );
        }
    }

    /// An error about a whole section of contest.yaml, at its key (or about the file, when the key is
    /// not there).
    fn section_error(&mut self, section: &str, message: &str, help: &str) {
        let problem = match top_level_key(self.file, section) {
            Some(span) => Problem::at(self.file, span, message).with_label("here"),
            None => Problem::general(Some(self.file), message),
        };
        self.problems.push(problem.with_help(help));
    }

    fn scoring(&mut self, c: &Contest) {
        self.scoring_parts(c);
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
