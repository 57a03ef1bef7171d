//! Checks of who may enter and how many: the `limits:` of `rules`, groups and tracks (dates in order, an
//! age range with its day, tracks that exist, someone left who can enter), the quota's range, the
//! roles per unit and the word for individual entrants.

use super::Checker;
use crate::i18n::{Text, comma_list};
use crate::model::Spanned;
use crate::model::{Contest, Limits, Quota, Track};
use crate::msg;

impl Checker<'_> {
    /// Every check of `rules` about entry, and of the groups' and tracks' `limits`.
    pub(super) fn entry_rules(&mut self, c: &Contest) {
        let mut sound = true;
        if let Some(limits) = &c.rules.limits {
            let key = msg!("validate-limits-of-rules");
            sound &= self.limits(c, limits, &key, Exceptions::Any);
        }
        for group in &c.groups {
            if let Some(limits) = &group.limits {
                let tracks: Vec<&Track> = c
                    .tracks
                    .iter()
                    .filter(|t| c.groups_of(t).iter().any(|g| g.id.value == group.id.value))
                    .collect();
                let key = msg!("validate-limits-of-group", group = group.id.value.as_str());
                sound &= self.limits(c, limits, &key, Exceptions::Of(&tracks));
            }
        }
        for track in &c.tracks {
            if let Some(limits) = &track.limits {
                let key = msg!("validate-limits-of-track", track = track.id.value.as_str());
                sound &= self.limits(c, limits, &key, Exceptions::None);
            }
        }
        // Only when every set of limits makes sense on its own, so that one mistake is one report.
        if sound {
            self.someone_can_enter(c);
        }
        if let Some(quota) = &c.rules.quota {
            self.quota(quota);
        }
        self.unit_roles(c);
        if let Some(entry) = &c.rules.individual_entry
            && entry.listed_as.value.trim().is_empty()
        {
            self.error_at(
                &entry.listed_as,
                msg!("validate-listed-as-empty"),
                msg!("validate-listed-as-empty-help"),
            );
        }
    }

    /// One set of limits on its own; `true` when it makes sense.
    fn limits(
        &mut self,
        c: &Contest,
        limits: &Spanned<Limits>,
        key: &Text,
        exceptions: Exceptions<'_>,
    ) -> bool {
        let before = self.problems.0.len();
        let l = &limits.value;
        if let (Some(after), Some(until)) = (&l.born_on_or_after, &l.born_on_or_before)
            && after.value > until.value
        {
            self.error_at(
                until,
                msg!(
                    "validate-birth-dates-crossed",
                    key,
                    after = after.value.to_string(),
                    until = until.value.to_string()
                ),
                msg!("validate-birth-dates-crossed-help"),
            );
        }
        if let Some(age) = &l.age {
            let a = &age.value;
            if a.min.is_none() && a.max.is_none() {
                self.error_at(
                    age,
                    msg!("validate-age-no-bounds", key),
                    msg!("validate-age-no-bounds-help"),
                );
            }
            if a.as_of.is_none() {
                self.error_at(
                    age,
                    msg!("validate-age-no-day", key),
                    msg!("validate-age-no-day-help"),
                );
            }
            if let (Some(min), Some(max)) = (&a.min, &a.max)
                && min.value > max.value
            {
                self.error_at(
                    max,
                    msg!(
                        "validate-age-crossed",
                        key,
                        min = min.value.to_string(),
                        max = max.value.to_string()
                    ),
                    msg!("validate-age-crossed-help"),
                );
            }
        }
        if let Some(years) = &l.min_work_years
            && years.value == 0
        {
            self.error_at(
                years,
                msg!("validate-work-years-zero", key),
                msg!("validate-work-years-zero-help"),
            );
        }
        self.exceptions(c, l, key, exceptions);
        self.problems.0.len() == before
    }

    /// The tracks of `except_tracks`: defined, run for the group, and not in a track's own limits.
    fn exceptions(&mut self, c: &Contest, l: &Limits, key: &Text, exceptions: Exceptions<'_>) {
        let ids: Vec<&str> = c.tracks.iter().map(|t| t.id.value.as_str()).collect();
        for except in &l.except_tracks {
            let name = except.value.as_str();
            if let Exceptions::None = exceptions {
                self.error_at(
                    except,
                    msg!("validate-track-limits-except", key),
                    msg!("validate-track-limits-except-help"),
                );
            } else if !ids.contains(&name) {
                self.error_at(
                    except,
                    msg!("validate-except-unknown-track", key, track = name),
                    msg!("validate-use-one-of", known = comma_list(&ids)),
                );
            } else if let Exceptions::Of(tracks) = exceptions
                && !tracks.iter().any(|t| t.id.value.as_str() == name)
            {
                self.error_at(
                    except,
                    msg!("validate-except-track-not-in-group", key, track = name),
                    msg!("validate-except-track-not-in-group-help"),
                );
            }
        }
    }

    /// Every track and group leaves someone who can enter: the birth dates that all its limits allow
    /// are not an empty range.
    fn someone_can_enter(&mut self, c: &Contest) {
        let mut reported = Vec::new();
        for track in &c.tracks {
            let groups = c.groups_of(track);
            let entries: Vec<Option<&crate::model::Group>> = if c.groups.is_empty() {
                vec![None]
            } else {
                groups.into_iter().map(Some).collect()
            };
            for group in entries {
                let found = c.limits_for(track, group);
                let mut earliest = None;
                let mut latest = None;
                for (_, limits) in &found {
                    let (e, l) = limits.birth_window();
                    earliest = earliest.max(e);
                    latest = match (latest, l) {
                        (Some(a), Some(b)) => Some(std::cmp::min(a, b)),
                        (a, b) => a.or(b),
                    };
                }
                let (Some(earliest), Some(latest)) = (earliest, latest) else {
                    continue;
                };
                if earliest <= latest {
                    continue;
                }
                let last = match (group.and_then(|g| g.limits.as_ref()), &track.limits) {
                    (_, Some(own)) => own,
                    (Some(of_group), None) if !of_group.value.excepts(&track.id.value) => of_group,
                    _ => c.rules.limits.as_ref().expect("limits gave a birth window"),
                };
                let at = super::spanned_at(self.file, last);
                if reported.contains(&at) {
                    continue;
                }
                reported.push(at);
                // `a and b and c`, as the limits are added one to the other.
                let sources = found
                    .iter()
                    .map(|(s, _)| s.key())
                    .reduce(|left, right| msg!("i18n-and", left, right))
                    .unwrap_or_default();
                let entry = match group {
                    Some(g) => msg!(
                        "validate-entry-in-group",
                        track = &track.name,
                        group = &g.name
                    ),
                    None => Text::from(&track.name),
                };
                self.error_at(
                    last,
                    msg!(
                        "validate-no-one-can-enter",
                        entry,
                        sources,
                        earliest = earliest.to_string(),
                        latest = latest.to_string()
                    ),
                    msg!("validate-no-one-can-enter-help"),
                );
            }
        }
    }

    /// The quota: at least one per unit, and a minimum no larger than the maximum.
    fn quota(&mut self, quota: &Quota) {
        if quota.per_unit.value == 0 {
            self.error_at(
                &quota.per_unit,
                msg!("validate-quota-zero"),
                msg!("validate-quota-zero-help"),
            );
        }
        if let Some(min) = &quota.min_per_unit {
            if min.value == 0 {
                self.error_at(
                    min,
                    msg!("validate-quota-min-zero"),
                    msg!("validate-quota-min-zero-help"),
                );
            } else if min.value > quota.per_unit.value {
                self.error_at(
                    min,
                    msg!(
                        "validate-quota-crossed",
                        min = min.value.to_string(),
                        max = quota.per_unit.value.to_string()
                    ),
                    msg!("validate-quota-crossed-help"),
                );
            }
        }
    }

    /// The roles per unit: each named once, with a count of one or more.
    fn unit_roles(&mut self, c: &Contest) {
        let mut seen: Vec<&str> = Vec::new();
        for role in &c.rules.unit_roles {
            let name = role.name.value.trim();
            if name.is_empty() {
                self.error_at(
                    &role.name,
                    msg!("validate-role-no-name"),
                    msg!("validate-role-no-name-help"),
                );
            } else if seen.contains(&name) {
                self.error_at(
                    &role.name,
                    msg!("validate-role-twice", role = name),
                    msg!("validate-role-twice-help"),
                );
            }
            seen.push(name);
            if role.count.value == 0 {
                self.error_at(
                    &role.count,
                    msg!("validate-role-count-zero", role = name),
                    msg!("validate-role-count-zero-help"),
                );
            }
        }
    }
}

/// Which tracks a set of limits may name in `except_tracks`.
#[derive(Clone, Copy)]
enum Exceptions<'a> {
    /// Any track (`rules.limits`).
    Any,
    /// The tracks run for the group (a group's limits).
    Of(&'a [&'a Track]),
    /// None (a track's own limits).
    None,
}
