//! Checks across sections that the types alone cannot express: references resolve, ids are unique,
//! weights add up, dates are in order, and the plan's wording still matches the data.

mod awards;
mod dates;
mod entry;
mod scoring;
mod text;

use super::Contest;
use super::Spanned;
use super::yaml::{spanned_at, top_level_key};
use crate::diagnostics::{Problem, Problems, SourceFile};
use crate::i18n::{Text, comma_list};
use crate::msg;
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
        o.unique_ids(msg!("validate-noun-track"), c.tracks.iter().map(|t| &t.id));
    }),
    (&["groups"], |o, c| {
        o.unique_ids(msg!("validate-noun-group"), c.groups.iter().map(|g| &g.id));
    }),
    (&["references"], |o, c| {
        o.unique_ids(
            msg!("validate-noun-reference"),
            c.references.iter().map(|r| &r.id),
        );
    }),
    (&["schedule"], |o, c| {
        o.unique_ids(
            msg!("validate-noun-stage"),
            c.schedule.iter().map(|s| &s.id),
        );
    }),
    (&["scoring"], |o, c| {
        o.unique_ids(
            msg!("validate-noun-part"),
            c.parts()
                .iter()
                .flat_map(|p| std::iter::once(&p.id).chain(p.modules().iter().map(|m| &m.id))),
        );
    }),
    (&["attachments"], |o, c| {
        o.unique_numbers(c.attachments.iter().map(|a| &a.number));
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
    (&["tracks"], |o, c| o.track_scorings(c)),
    (&["scoring", "tracks"], |o, c| o.shared_score_ids(c)),
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
    (&["results", "scoring", "tracks"], |o, c| {
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
    /// An error at `at` (or about the file, when `at` has no place).
    fn error_at<T>(&mut self, at: &Spanned<T>, message: Text, help: Text) {
        let problem = match spanned_at(self.file, at) {
            Some(span) => Problem::at(self.file, span, message),
            None => Problem::general(Some(self.file), message),
        };
        self.problems.push(problem.with_help(help));
    }

    /// Each id used a second time; `what` names what the ids are of.
    fn unique_ids<'b, T: ToString + 'b>(
        &mut self,
        what: Text,
        ids: impl Iterator<Item = &'b Spanned<T>>,
    ) {
        let mut seen: HashMap<String, (usize, usize)> = HashMap::new();
        for id in ids {
            let key = id.value.to_string();
            if let Some(first) = seen.get(&key) {
                let line = self.file.line_column(first.0).0;
                self.error_at(
                    id,
                    msg!("validate-id-twice", what = &what, id = &key),
                    msg!("validate-id-twice-help", line),
                );
            } else {
                seen.insert(key, spanned_at(self.file, id).unwrap_or((0, 0)));
            }
        }
    }

    /// Each attachment number used a second time.
    fn unique_numbers<'b>(&mut self, numbers: impl Iterator<Item = &'b Spanned<u32>>) {
        let mut seen = Vec::new();
        for number in numbers {
            if seen.contains(&number.value) {
                self.error_at(
                    number,
                    msg!(
                        "validate-attachment-twice",
                        number = number.value.to_string()
                    ),
                    msg!("validate-attachment-twice-help"),
                );
            }
            seen.push(number.value);
        }
    }

    /// Groups and tracks named by tracks, stages and rules exist.
    fn references(&mut self, c: &Contest) {
        let group_ids: Vec<&str> = c.groups.iter().map(|g| g.id.value.as_str()).collect();
        let known_groups = comma_list(&group_ids);
        for track in &c.tracks {
            for group in track.groups.iter().flatten() {
                if group_ids.is_empty() {
                    self.error_at(
                        group,
                        msg!(
                            "validate-track-group-no-groups",
                            track = track.id.value.as_str(),
                            group = group.value.as_str()
                        ),
                        msg!("validate-track-group-no-groups-help"),
                    );
                } else if !group_ids.contains(&group.value.as_str()) {
                    self.error_at(
                        group,
                        msg!(
                            "validate-track-group-unknown",
                            track = track.id.value.as_str(),
                            group = group.value.as_str()
                        ),
                        msg!("validate-define-group-help", known = &known_groups),
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
                        msg!(
                            "validate-stage-track-unknown",
                            stage = stage.id.value.as_str(),
                            track = track.value.as_str()
                        ),
                        msg!("validate-define-track-help", known = comma_list(&track_ids)),
                    );
                }
            }
        }
        for restriction in &c.rules.group_restrictions {
            if group_ids.is_empty() {
                self.error_at(
                    &restriction.group,
                    msg!(
                        "validate-rule-group-no-groups",
                        group = restriction.group.value.as_str()
                    ),
                    msg!("validate-rule-group-no-groups-help"),
                );
            } else if !group_ids.contains(&restriction.group.value.as_str()) {
                self.error_at(
                    &restriction.group,
                    msg!(
                        "validate-rule-group-unknown",
                        group = restriction.group.value.as_str()
                    ),
                    msg!("validate-use-one-of", known = &known_groups),
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
                msg!(
                    "validate-awards-basis-unknown",
                    basis = basis.value.as_str()
                ),
                msg!(
                    "validate-awards-basis-unknown-help",
                    known = comma_list(known)
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
                    msg!("validate-no-attachment", number = n.value.to_string()),
                    msg!("validate-no-attachment-help"),
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
                    msg!(
                        "validate-body-parent-unknown",
                        body = body.name.value.as_str(),
                        parent = parent.value.as_str()
                    ),
                    msg!("validate-use-one-of", known = comma_list(&bodies)),
                );
            }
        }
    }

    /// There are tracks at all (groups are optional).
    fn some_tracks(&mut self, c: &Contest) {
        if c.tracks.is_empty() {
            self.section_error(
                "tracks",
                msg!("validate-no-tracks"),
                msg!("validate-no-tracks-help"),
            );
        }
    }

    /// An error about a whole section of contest.yaml, at its key (or about the file, when the key is
    /// not there).
    fn section_error(&mut self, section: &str, message: Text, help: Text) {
        let problem = match top_level_key(self.file, section) {
            Some(span) => {
                Problem::at(self.file, span, message).with_label(msg!("diagnostics-here"))
            }
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
                msg!("validate-team-size-zero"),
                msg!("validate-team-size-zero-help"),
            );
        }
    }
}
