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
use crate::msg;
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
                            msg!(
                                "results-listed-twice",
                                name = &record.name,
                                unit = &record.unit,
                                track = &contest.tracks[record.track].name,
                                first = sheet.place(&sheet.rows[records[first].row], None)
                            ),
                        )
                        .with_help(msg!("results-listed-twice-help")),
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
    let yaml = if matches!(sheet.kind, Kind::Yaml) {
        "yes"
    } else {
        "no"
    };
    for ((_, track, group), members) in counts {
        if members.len() <= per_unit {
            continue;
        }
        let first = &records[members[0]];
        let over = &records[members[per_unit]];
        let scope_words = match (track, group) {
            (Some(t), Some(g)) => msg!(
                "results-quota-in",
                scope = format!("{} {}", contest.tracks[t].name, contest.groups[g].name)
            ),
            (Some(t), None) => msg!("results-quota-in", scope = &contest.tracks[t].name),
            _ => msg!("results-quota-in-contest"),
        };
        let rows: Vec<String> = members
            .iter()
            .map(|&m| sheet.rows[records[m].row].number.to_string())
            .collect();
        problems.push(
            sheet
                .problem(
                    &sheet.rows[over.row],
                    Some(Field::Unit),
                    msg!(
                        "results-over-quota",
                        unit = &first.unit,
                        count = members.len().to_string(),
                        who,
                        scope = scope_words,
                        yaml,
                        rows = rows.join(", "),
                        quota = per_unit.to_string()
                    ),
                )
                .with_help(
                    if individual.is_none()
                        && INDIVIDUAL_WORDS.contains(&normalise(&first.unit).as_str())
                    {
                        msg!("results-over-quota-individual-help", unit = &first.unit)
                    } else {
                        msg!("results-over-quota-help")
                    },
                ),
        );
    }
}
