//! The checks of the entries: each on its own (ID number, birth-date and age limits, 性别, phones,
//! track and group, required fields, 填表日期; honours and coaches in [`super::rules`]), then across
//! entries (the same person twice, the units' quotas and, in [`super::rules`], their 领队 and 联络员). A finding names the file and place, and never an ID number in full.

use super::fields::Role;
use super::id_number::{self, IdProblem};
use super::{Entry, EntryField, Finding, Place};
use crate::i18n::Text;
use crate::model::eligibility::Breach;
use crate::model::forms::Form;
use crate::model::{Contest, EventKind, QuotaScope};
use crate::msg;
use jiff::civil::Date;
use std::collections::{BTreeMap, HashMap};

/// What an entry is, once checked: the track and group it names (when they exist) and its ID number.
#[derive(Debug, Clone, Default)]
pub(super) struct Resolved {
    /// The index of its track in the contest.
    pub track: Option<usize>,
    /// The index of its group.
    pub group: Option<usize>,
}

/// Runs every check on `entries`, adding to `findings`.
pub(super) fn all(
    contest: &Contest,
    forms: &[Form],
    entries: &[Entry],
    findings: &mut Vec<Finding>,
) {
    let resolved: Vec<Resolved> = entries
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            super::rules::entry(contest, i, entry, findings);
            one(contest, forms, i, entry, findings)
        })
        .collect();
    twice(entries, findings);
    super::rules::unit_roles(contest, forms, entries, findings);
    quota(contest, entries, &resolved, findings);
}

/// The track and group an entry names, as the contest's indices.
pub(super) fn resolve(contest: &Contest, entry: &Entry) -> Resolved {
    Resolved {
        track: find_track(contest, entry.text(Role::Track)),
        group: find_group(contest, entry.text(Role::Group)),
    }
}

/// A problem of the entry `index`, at `field` (or where the entry is), holding it back.
pub(super) fn finding(
    entry: &Entry,
    index: usize,
    field: Option<&EntryField>,
    message: Text,
    help: Text,
) -> Finding {
    Finding {
        file: entry.file.clone(),
        place: field.map_or_else(|| entry.place(), |f| f.place.clone()),
        unit: entry.text(Role::Unit).to_string(),
        message,
        help,
        entries: vec![index],
        warning: false,
    }
}

/// A form sent back as it was downloaded (nothing filled in): one problem about the file (or row), not one
/// per empty field. Whether it was.
fn blank_form(entry: &Entry, index: usize, findings: &mut Vec<Finding>) -> bool {
    let blank = entry.fields().all(|f| f.text.trim().is_empty());
    if blank {
        let help = msg!("roster-blank-form-help");
        let mut problem = finding(entry, index, None, msg!("roster-blank-form"), help);
        problem.place = entry.row.clone().unwrap_or(Place::File);
        findings.push(problem);
    }
    blank
}

/// The checks of one entry on its own.
fn one(
    contest: &Contest,
    forms: &[Form],
    index: usize,
    entry: &Entry,
    findings: &mut Vec<Finding>,
) -> Resolved {
    if blank_form(entry, index, findings) {
        return resolve(contest, entry);
    }
    let mut push = |field: Option<&EntryField>, message: Text, help: Text| {
        findings.push(finding(entry, index, field, message, help));
    };
    let has_role = |role: Role| entry.fields().any(|f| f.role == role);
    let form_roles = forms
        .iter()
        .find(|f| f.id == entry.form)
        .map(|form| super::read::form_roles(form, contest))
        .unwrap_or_default();
    let mut required = vec![Role::Name, Role::Unit, Role::IdNumber, Role::Track];
    if !contest.groups.is_empty() && form_roles.contains(&Role::Group) {
        required.push(Role::Group);
    }
    for role in required {
        if entry.text(role).is_empty() {
            let field = entry.field(role);
            let label = field.map_or(role.word(), |f| f.label.as_str());
            let help = if has_role(role) {
                msg!("roster-missing-help", label)
            } else {
                msg!("roster-missing-column-help", label)
            };
            push(field, msg!("roster-missing", label), help);
        }
    }
    let resolved = track_and_group(contest, entry, &mut push);
    let id = entry.field(Role::IdNumber).filter(|f| !f.text.is_empty());
    if let Some(id) = id {
        match id_number::check(&id.text) {
            Ok(number) => {
                birth_limits(contest, &resolved, number.birth, id, &mut push);
                if let Some(sex) = entry.field(Role::Sex).filter(|f| !f.text.is_empty()) {
                    let said_male = sex.text.contains('男');
                    let said_female = sex.text.contains('女');
                    if (said_male && !number.male) || (said_female && number.male) {
                        let by_id = if number.male { "男" } else { "女" };
                        push(
                            Some(sex),
                            msg!("roster-sex-differs", sex = &sex.text, by_id),
                            msg!("roster-sex-differs-help"),
                        );
                    }
                }
            }
            Err(problem) => {
                let message = match problem {
                    IdProblem::Shape => msg!("roster-id-shape", count = id.text.chars().count()),
                    IdProblem::NoDate => msg!("roster-id-no-date"),
                    IdProblem::CheckDigit => msg!("roster-id-check-digit"),
                };
                push(Some(id), message, msg!("roster-id-help"));
            }
        }
    }
    for phone in entry.fields().filter(|f| matches!(f.role, Role::Phone(_))) {
        let Role::Phone(mobile) = phone.role else {
            continue;
        };
        if !phone.text.is_empty() && !phone_ok(&phone.text, mobile) {
            let message = if mobile {
                msg!(
                    "roster-not-mobile",
                    label = &phone.label,
                    value = &phone.text
                )
            } else {
                msg!(
                    "roster-not-phone",
                    label = &phone.label,
                    value = &phone.text
                )
            };
            push(Some(phone), message, msg!("roster-phone-help"));
        }
    }
    if let Some(date) = entry.field(Role::FillDate).filter(|f| !f.text.is_empty()) {
        let deadline = contest.registration.deadline.value.day;
        match parse_date(&date.text) {
            None => push(
                Some(date),
                msg!("roster-not-a-date", label = &date.label, value = &date.text),
                msg!("roster-date-help"),
            ),
            Some(day) if day > deadline.0 => push(
                Some(date),
                msg!(
                    "roster-after-deadline",
                    day = day.to_string(),
                    deadline = deadline.0.to_string()
                ),
                msg!("roster-after-deadline-help"),
            ),
            Some(_) => {}
        }
    }
    resolved
}

/// Finds the track and group an entry names and checks that they exist and go together.
fn track_and_group(
    contest: &Contest,
    entry: &Entry,
    push: &mut impl FnMut(Option<&EntryField>, Text, Text),
) -> Resolved {
    let resolved = resolve(contest, entry);
    let names = |list: Vec<&str>| list.join("、");
    if let Some(track) = entry.field(Role::Track).filter(|f| !f.text.is_empty()) {
        if track.text.contains('、') {
            push(
                Some(track),
                msg!("roster-several-tracks", value = &track.text),
                msg!("roster-several-tracks-help"),
            );
        } else if resolved.track.is_none() {
            push(
                Some(track),
                msg!("roster-no-such-track", value = &track.text),
                msg!(
                    "roster-one-of-help",
                    names = names(contest.tracks.iter().map(|t| t.name.as_str()).collect())
                ),
            );
        }
    }
    if let Some(group) = entry.field(Role::Group).filter(|f| !f.text.is_empty()) {
        if contest.groups.is_empty() {
            push(
                Some(group),
                msg!("roster-no-groups", value = &group.text),
                msg!("roster-no-groups-help"),
            );
        } else if group.text.contains('、') {
            push(
                Some(group),
                msg!("roster-several-groups", value = &group.text),
                msg!("roster-several-tracks-help"),
            );
        } else if resolved.group.is_none() {
            push(
                Some(group),
                msg!("roster-no-such-group", value = &group.text),
                msg!(
                    "roster-one-of-help",
                    names = names(contest.groups.iter().map(|g| g.name.as_str()).collect())
                ),
            );
        }
    }
    if let (Some(t), Some(g)) = (resolved.track, resolved.group) {
        let track = &contest.tracks[t];
        let group = &contest.groups[g];
        if track
            .groups
            .as_ref()
            .is_some_and(|list| !list.iter().any(|id| id.value == group.id.value))
        {
            push(
                entry.field(Role::Group),
                msg!(
                    "roster-track-not-for-group",
                    track = &track.name,
                    group = &group.name
                ),
                msg!("roster-track-not-for-group-help", track = &track.name),
            );
        }
    }
    resolved
}

/// The limits of birth date and age of the entry's track and group, at the contest's reference dates.
fn birth_limits(
    contest: &Contest,
    resolved: &Resolved,
    birth: Date,
    id: &EntryField,
    push: &mut impl FnMut(Option<&EntryField>, Text, Text),
) {
    let Some(t) = resolved.track else { return };
    let group = resolved.group.map(|g| &contest.groups[g]);
    for (source, limits) in contest.limits_for(&contest.tracks[t], group) {
        for breach in limits.breaches(birth) {
            let words = match breach {
                Breach::BornBefore(day) => msg!("roster-born-before", day = day.to_string()),
                Breach::BornAfter(day) => msg!("roster-born-after", day = day.to_string()),
                Breach::TooYoung(age, min, on) => {
                    msg!(
                        "roster-too-young",
                        age = age.to_string(),
                        min,
                        on = on.to_string()
                    )
                }
                Breach::TooOld(age, max, on) => {
                    msg!(
                        "roster-too-old",
                        age = age.to_string(),
                        max,
                        on = on.to_string()
                    )
                }
            };
            push(
                Some(id),
                msg!("roster-breach", breach = words, key = source.key()),
                msg!("roster-breach-help"),
            );
        }
    }
}

/// A track by its name (with or without 赛项) or id.
pub(super) fn find_track(contest: &Contest, text: &str) -> Option<usize> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let bare = text.trim_end_matches("赛项");
    contest.tracks.iter().position(|t| {
        t.name == text || t.name.trim_end_matches("赛项") == bare || t.id.value.as_str() == text
    })
}

/// A group by its name, full name (with or without 组) or id.
pub(super) fn find_group(contest: &Contest, text: &str) -> Option<usize> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let bare = text.trim_end_matches('组');
    contest.groups.iter().position(|g| {
        g.name == text
            || g.name.trim_end_matches('组') == bare
            || g.full_name
                .as_deref()
                .is_some_and(|f| f == text || f.trim_end_matches('组') == bare)
            || g.id.value.as_str() == text
    })
}

/// A mainland mobile number (`1[3-9]` and nine digits, spaces and `-` allowed), or for other phones a
/// landline too (7 to 15 digits with `-`, spaces, `+`, brackets, 转).
fn phone_ok(text: &str, mobile_only: bool) -> bool {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let clean = text.chars().all(|c| {
        c.is_ascii_digit() || matches!(c, '-' | ' ' | '+' | '(' | ')' | '（' | '）' | '转')
    });
    let is_mobile = digits.len() == 11
        && digits.starts_with('1')
        && matches!(digits.as_bytes()[1], b'3'..=b'9')
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | ' '));
    if mobile_only {
        is_mobile
    } else {
        is_mobile || (clean && (7..=15).contains(&digits.len()))
    }
}

/// A date as written: `2025-10-20`, `2025/10/20`, `2025.10.20`, `2025年10月20日`.
pub(super) fn parse_date(text: &str) -> Option<Date> {
    let parts: Vec<&str> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    if y.len() != 4 {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()
}

/// The same ID number in two entries (in any unit or file): each later one, naming the first.
fn twice(entries: &[Entry], findings: &mut Vec<Finding>) {
    let mut first: HashMap<String, usize> = HashMap::new();
    for (i, entry) in entries.iter().enumerate() {
        let Some(id) = entry.field(Role::IdNumber).filter(|f| !f.text.is_empty()) else {
            continue;
        };
        let key = id_number::normalise(&id.text);
        match first.get(&key) {
            None => {
                first.insert(key, i);
            }
            Some(&earlier) => {
                let before = &entries[earlier];
                let before_place = before
                    .field(Role::IdNumber)
                    .map_or(Place::File, |f| f.place.clone());
                let mut found = finding(
                    entry,
                    i,
                    Some(id),
                    msg!(
                        "roster-twice",
                        masked = id_number::mask(&id.text),
                        name = entry.text(Role::Name),
                        first_file = &before.file,
                        first_place = before_place.text(),
                        first_unit = before.text(Role::Unit)
                    ),
                    msg!("roster-twice-help"),
                );
                found.entries.push(earlier);
                findings.push(found);
            }
        }
    }
}

/// A unit's name as compared: without spaces.
pub(super) fn unit_key(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The unit key of individual entrants (`rules.individual_entry.listed_as`), who count for no unit.
pub(super) fn individual_unit(contest: &Contest) -> Option<String> {
    contest
        .rules
        .individual_entry
        .as_ref()
        .map(|e| unit_key(&e.listed_as.value))
}

/// Units over `rules.quota.per_unit` (every entry of the unit in that scope is held back until the unit
/// says which go), and under `min_per_unit` (reported only), counted over the quota's scope; individual
/// entrants (`rules.individual_entry.listed_as`) count for no unit. A team event counts teams.
fn quota(contest: &Contest, entries: &[Entry], resolved: &[Resolved], findings: &mut Vec<Finding>) {
    let Some(quota) = &contest.rules.quota else {
        return;
    };
    let individual = individual_unit(contest);
    type Scope = (String, Option<usize>, Option<usize>);
    let mut counts: BTreeMap<Scope, Vec<usize>> = BTreeMap::new();
    for (i, entry) in entries.iter().enumerate() {
        let unit = unit_key(entry.text(Role::Unit));
        if unit.is_empty() || individual.as_deref() == Some(unit.as_str()) {
            continue;
        }
        let track = (quota.scope != QuotaScope::Contest)
            .then_some(resolved[i].track)
            .flatten();
        let group = (quota.scope == QuotaScope::TrackGroup)
            .then_some(resolved[i].group)
            .flatten();
        counts.entry((unit, track, group)).or_default().push(i);
    }
    let max = quota.per_unit.value as usize;
    let min = quota.min_per_unit.as_ref().map_or(0, |m| m.value as usize);
    let teams = team_of(contest, entries);
    for ((_, track, group), members) in counts {
        let count = match contest.format.event {
            EventKind::Individual => members.len(),
            EventKind::Team => {
                let mut keys: Vec<&String> = members.iter().map(|&m| &teams[m]).collect();
                keys.sort();
                keys.dedup();
                keys.len()
            }
        };
        let scope = match (track, group) {
            (Some(t), Some(g)) => msg!(
                "roster-quota-in",
                scope = format!("{} {}", contest.tracks[t].name, contest.groups[g].name)
            ),
            (Some(t), None) => msg!("roster-quota-in", scope = &contest.tracks[t].name),
            _ => msg!("roster-quota-in-contest"),
        };
        let first = &entries[members[0]];
        let unit_field = first.field(Role::Unit);
        let files: Vec<&str> = {
            let mut list: Vec<&str> = members.iter().map(|&m| entries[m].file.as_str()).collect();
            list.dedup();
            list
        };
        let team = contest.format.event == EventKind::Team;
        if count > max {
            let mut found = finding(
                first,
                members[0],
                unit_field,
                msg!(
                    "roster-over-quota",
                    unit = first.text(Role::Unit),
                    count,
                    max,
                    scope,
                    team = team.to_string(),
                    files = files.join("、")
                ),
                msg!("roster-over-quota-help", max),
            );
            found.entries = members.clone();
            findings.push(found);
        } else if count < min {
            let mut found = finding(
                first,
                members[0],
                unit_field,
                msg!(
                    "roster-under-quota",
                    unit = first.text(Role::Unit),
                    count,
                    min,
                    scope,
                    team = team.to_string()
                ),
                msg!("roster-under-quota-help", min),
            );
            found.entries = Vec::new();
            found.warning = true;
            findings.push(found);
        }
    }
}

/// The team of each entry in a team event, as a key within its unit, track and group: its 参赛队别
/// when given, otherwise the members are taken in the order of the files, `team_size` to a team.
pub(super) fn team_of(contest: &Contest, entries: &[Entry]) -> Vec<String> {
    let size = contest
        .format
        .team_size
        .as_ref()
        .map_or(1, |s| s.value.max(1) as usize);
    let mut teamless: HashMap<(String, String, String), usize> = HashMap::new();
    entries
        .iter()
        .map(|e| {
            let scope = (
                unit_key(e.text(Role::Unit)),
                e.text(Role::Track).to_string(),
                e.text(Role::Group).to_string(),
            );
            let team = e.text(Role::Team);
            if team.is_empty() {
                let n = teamless.entry(scope.clone()).or_default();
                *n += 1;
                format!("{}|{}|#{}", scope.1, scope.2, (*n - 1) / size)
            } else {
                format!("{}|{}|{team}", scope.1, scope.2)
            }
        })
        .collect()
}

/// The findings sorted by file, place and message, each once (a shared field, such as a roster's
/// 填表日期, is found once per row: the rows are joined into one finding).
pub(super) fn tidy(findings: Vec<Finding>) -> Vec<Finding> {
    let mut kept: Vec<Finding> = Vec::new();
    let mut index: HashMap<(String, super::Place, String), usize> = HashMap::new();
    for finding in findings {
        let key = (
            finding.file.clone(),
            finding.place.clone(),
            finding.message.render(crate::i18n::Lang::En),
        );
        match index.get(&key) {
            Some(&at) => {
                let entries = finding.entries;
                kept[at].entries.extend(entries);
            }
            None => {
                index.insert(key, kept.len());
                kept.push(finding);
            }
        }
    }
    kept.sort_by(|a, b| (&a.file, &a.place).cmp(&(&b.file, &b.place)));
    for f in &mut kept {
        f.entries.sort_unstable();
        f.entries.dedup();
    }
    kept
}
