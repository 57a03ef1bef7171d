//! Checks of who may enter and how many: the `limits:` of `rules`, groups and tracks (dates in order, an
//! age range with its day, tracks that exist, someone left who can enter), the quota's range, the
//! roles per unit and the word for individual entrants.

use super::Checker;
use crate::model::{Contest, Limits, Quota, Track};
use serde_saphyr::Spanned;

impl Checker<'_> {
    /// Every check of `rules` about entry, and of the groups' and tracks' `limits`.
    pub(super) fn entry_rules(&mut self, c: &Contest) {
        let mut sound = true;
        if let Some(limits) = &c.rules.limits {
            sound &= self.limits(c, limits, "`rules.limits`", Exceptions::Any);
        }
        for group in &c.groups {
            if let Some(limits) = &group.limits {
                let tracks: Vec<&Track> = c
                    .tracks
                    .iter()
                    .filter(|t| c.groups_of(t).iter().any(|g| g.id.value == group.id.value))
                    .collect();
                let key = format!("the `limits` of the group `{}`", group.id.value);
                sound &= self.limits(c, limits, &key, Exceptions::Of(&tracks));
            }
        }
        for track in &c.tracks {
            if let Some(limits) = &track.limits {
                let key = format!("the `limits` of the track `{}`", track.id.value);
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
                "`listed_as` is empty".into(),
                "write the word the score sheet's 参赛单位 column holds for an individual entrant, for example 个人",
            );
        }
    }

    /// One set of limits on its own; `true` when it makes sense.
    fn limits(
        &mut self,
        c: &Contest,
        limits: &Spanned<Limits>,
        key: &str,
        exceptions: Exceptions<'_>,
    ) -> bool {
        let before = self.problems.0.len();
        let l = &limits.value;
        if let (Some(after), Some(until)) = (&l.born_on_or_after, &l.born_on_or_before)
            && after.value > until.value
        {
            self.error_at(
                until,
                format!(
                    "{key} ask for a birth date on or after {} and on or before {}, and no day is both",
                    after.value, until.value
                ),
                "swap the two dates, or correct one of them",
            );
        }
        if let Some(age) = &l.age {
            let a = &age.value;
            if a.min.is_none() && a.max.is_none() {
                self.error_at(
                    age,
                    format!("the `age` of {key} gives neither `min` nor `max`"),
                    "write the youngest age as `min: 18`, the oldest as `max: 35`, or both",
                );
            }
            if a.as_of.is_none() {
                self.error_at(age, format!("the `age` of {key} has no day to count the age on"), "add `as_of: YYYY-MM-DD`, the day the age is counted on (以……计算), for example the first day of the contest");
            }
            if let (Some(min), Some(max)) = (&a.min, &a.max)
                && min.value > max.value
            {
                self.error_at(
                    max,
                    format!(
                        "the `age` of {key} goes from {} down to {}",
                        min.value, max.value
                    ),
                    "`min` is the youngest age and `max` the oldest: swap them",
                );
            }
        }
        if let Some(years) = &l.min_work_years
            && years.value == 0
        {
            self.error_at(
                years,
                format!("{key} ask for 0 years of work experience"),
                "write 1 or more, or leave `min_work_years` out",
            );
        }
        self.exceptions(c, l, key, exceptions);
        self.problems.0.len() == before
    }

    /// The tracks of `except_tracks`: defined, run for the group, and not in a track's own limits.
    fn exceptions(&mut self, c: &Contest, l: &Limits, key: &str, exceptions: Exceptions<'_>) {
        let ids: Vec<&str> = c.tracks.iter().map(|t| t.id.value.as_str()).collect();
        for except in &l.except_tracks {
            let name = except.value.as_str();
            if let Exceptions::None = exceptions {
                self.error_at(
                    except,
                    format!("{key} cannot except tracks: they apply to that track alone"),
                    "remove `except_tracks` here; it belongs in `rules.limits` or a group's `limits`",
                );
            } else if !ids.contains(&name) {
                self.error_at(
                    except,
                    format!("{key} except the track `{name}`, which is not defined"),
                    &format!("use one of: {}", ids.join(", ")),
                );
            } else if let Exceptions::Of(tracks) = exceptions
                && !tracks.iter().any(|t| t.id.value.as_str() == name)
            {
                self.error_at(
                    except,
                    format!("{key} except the track `{name}`, which is not run for that group"),
                    "remove it from `except_tracks`, or add the group to the track's `groups`",
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
                let sources: Vec<String> = found.iter().map(|(s, _)| s.key()).collect();
                let entry = match group {
                    Some(g) => format!("{} in the group {}", track.name, g.name),
                    None => track.name.clone(),
                };
                self.error_at(
                    last,
                    format!(
                        "no one can enter {entry}: {} together ask for a birth date on or after {earliest} and on or before {latest}",
                        sources.join(" and ")
                    ),
                    "check the dates and ages of these limits; a track's limits add to those of `rules.limits` and of its groups, unless these name the track in `except_tracks`",
                );
            }
        }
    }

    /// The quota: at least one per unit, and a minimum no larger than the maximum.
    fn quota(&mut self, quota: &Quota) {
        if quota.per_unit.value == 0 {
            self.error_at(
                &quota.per_unit,
                "a unit may send at least one contestant".into(),
                "write a number of 1 or more",
            );
        }
        if let Some(min) = &quota.min_per_unit {
            if min.value == 0 {
                self.error_at(
                    min,
                    "`min_per_unit: 0` sets no minimum".into(),
                    "write the fewest a unit must send (1 or more), or leave `min_per_unit` out",
                );
            } else if min.value > quota.per_unit.value {
                self.error_at(
                    min,
                    format!(
                        "the quota asks for at least {} per unit but allows at most {} (`per_unit`)",
                        min.value, quota.per_unit.value
                    ),
                    "`min_per_unit` is the fewest a unit sends and `per_unit` the most: make the minimum no larger than the maximum",
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
                    "the role has no name".into(),
                    "write what the person is, for example 领队 or 联络员",
                );
            } else if seen.contains(&name) {
                self.error_at(
                    &role.name,
                    format!("the role {name} is listed twice in `rules.unit_roles`"),
                    "list each role once, with its `count`",
                );
            }
            seen.push(name);
            if role.count.value == 0 {
                self.error_at(
                    &role.count,
                    format!("the role {name} has a count of 0"),
                    "write how many each unit names (1 or more), or remove the role",
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
