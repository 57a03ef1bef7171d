//! Checks across rows, after every row was checked on its own: the same contestant twice in a track,
//! and a unit over its quota (`rules.quota`). Only the most a unit may send is checked: fewer than
//! `min_per_unit` is not an error in results (people drop out), and individual entrants (the rows whose
//! unit is `rules.individual_entry.listed_as`) belong to no unit.

use super::cells::normalise;
use super::layout::Field;
use super::read::{Kind, Sheet};
use super::validate::Record;
use crate::diagnostics::Problems;
use crate::model::{Contest, EventKind, QuotaScope};
use std::collections::HashMap;

/// The same contestant (name and unit) twice in one track.
pub(super) fn duplicates(
    contest: &Contest,
    sheet: &Sheet,
    records: &[Record],
    problems: &mut Problems,
) {
    let mut seen: HashMap<(String, String, usize), usize> = HashMap::new();
    for (i, record) in records.iter().enumerate() {
        let key = (
            normalise(&record.name),
            normalise(&record.unit),
            record.track,
        );
        match seen.get(&key) {
            Some(&first) => {
                let row = &sheet.rows[record.row];
                problems.push(
                    sheet
                        .problem(
                            row,
                            Some(Field::Name),
                            format!(
                                "{} of {} is listed twice in {} (first at {})",
                                record.name,
                                record.unit,
                                contest.tracks[record.track].name,
                                sheet.place(&sheet.rows[records[first].row], None)
                            ),
                        )
                        .with_help("remove one of the two rows, or correct the name or the unit"),
                );
            }
            None => {
                seen.insert(key, i);
            }
        }
    }
}

/// What staff write in the unit column for someone who entered without a unit; a unit by that name
/// over its quota gets a hint about `rules.individual_entry`.
const INDIVIDUAL_WORDS: [&str; 5] = ["个人", "个人报名", "无", "无单位", "自由报名"];

/// Units that sent more contestants (or teams) than `rules.quota` allows, counted over its scope.
pub(super) fn quota(contest: &Contest, sheet: &Sheet, records: &[Record], problems: &mut Problems) {
    let Some(quota) = &contest.rules.quota else {
        return;
    };
    let per_unit = quota.per_unit.value as usize;
    let scope = quota.scope;
    let individual = contest
        .rules
        .individual_entry
        .as_ref()
        .map(|e| normalise(&e.listed_as.value));
    // (unit, track when counted per track, group when counted per track and group)
    type Scope = (String, Option<usize>, Option<usize>);
    let mut counts: Vec<(Scope, Vec<usize>)> = Vec::new();
    let mut index: HashMap<Scope, usize> = HashMap::new();
    for (i, record) in records.iter().enumerate() {
        if individual.as_deref() == Some(normalise(&record.unit).as_str()) {
            continue;
        }
        let key = (
            normalise(&record.unit),
            (scope != QuotaScope::Contest).then_some(record.track),
            (scope == QuotaScope::TrackGroup)
                .then_some(record.group)
                .flatten(),
        );
        let slot = *index.entry(key.clone()).or_insert_with(|| {
            counts.push((key, Vec::new()));
            counts.len() - 1
        });
        counts[slot].1.push(i);
    }
    let who = match contest.format.event {
        EventKind::Individual => "contestants",
        EventKind::Team => "teams",
    };
    for ((_, track, group), members) in counts {
        if members.len() <= per_unit {
            continue;
        }
        let first = &records[members[0]];
        let over = &records[members[per_unit]];
        let scope_words = match (track, group) {
            (Some(t), Some(g)) => {
                format!("in {} {}", contest.tracks[t].name, contest.groups[g].name)
            }
            (Some(t), None) => format!("in {}", contest.tracks[t].name),
            _ => "in the contest".to_string(),
        };
        let rows: Vec<String> = members
            .iter()
            .map(|&m| sheet.rows[records[m].row].number.to_string())
            .collect();
        let row_word = if matches!(sheet.kind, Kind::Yaml) {
            "entries"
        } else {
            "rows"
        };
        problems.push(
            sheet
                .problem(
                    &sheet.rows[over.row],
                    Some(Field::Unit),
                    format!(
                        "{} has {} {who} {scope_words} ({row_word} {}); the quota is {per_unit} per unit (rules.quota)",
                        first.unit,
                        members.len(),
                        rows.join(", ")
                    ),
                )
                .with_help(if individual.is_none() && INDIVIDUAL_WORDS.contains(&normalise(&first.unit).as_str()) {
                    format!("if these are individual entrants, say so in contest.yaml: `rules.individual_entry` with `listed_as: {}`; their rows then count against no quota", first.unit)
                } else {
                    "check the unit names of these rows; a unit may not send more than its quota".to_string()
                }),
        );
    }
}
