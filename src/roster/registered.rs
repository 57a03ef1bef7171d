//! The roster `jingsai roster` wrote into the contest folder (`roster/roster.xlsx`), read back so that
//! `check` and `build` warn when the score sheet names someone who is not registered.
//!
//! Only the 姓名, 参赛单位, 赛项 and 组别 columns of its 报名名单 sheet are read (the ID and phone numbers
//! beside them are not), with the same checks and budgets as a score sheet: the file is untrusted like
//! the rest of the folder. A roster that cannot be read is a warning, never an error: the roster is the
//! office's own working file, and the results stand without it.
//!
//! When `registration.publish_counts` asks for it, the roster also gives the public page 报名情况
//! ([`counts`]): entries per track and group and the number of units, never a name or a unit.

use crate::diagnostics::{Problem, Problems, SourceFile};
use crate::fs::Input;
use crate::model::Contest;
use crate::model::yaml::spanned_at;
use crate::msg;
use crate::results::layout::{Field, Layout};
use crate::results::read::Sheet;
use crate::results::workbook::read_xlsx;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// The folder, in the contest folder, that `jingsai roster` writes to unless `--out` says otherwise.
pub const DEFAULT_FOLDER: &str = "roster";

/// The roster's file name in that folder.
pub const FILE_NAME: &str = "roster.xlsx";

/// The sheet of `roster.xlsx` that lists every entry.
pub const ENTRIES_SHEET: &str = "报名名单";

/// The registered entrants: for each name and unit (both without spaces), the tracks they entered.
#[derive(Debug, Default)]
struct Registered {
    tracks: HashMap<(String, String), Vec<Option<usize>>>,
    /// The units of each registered name.
    units_of: HashMap<String, Vec<String>>,
}

/// The warnings of comparing the score sheet with the roster in `<root>/roster/roster.xlsx`: a row that
/// names someone not registered (with the unit they are registered under, when the name is), or
/// registered for another track. Nothing when there is no roster.
pub fn compare(root: &Path, contest: &Contest, sheet: &Sheet) -> Problems {
    let path: PathBuf = root.join(DEFAULT_FOLDER).join(FILE_NAME);
    let shown = Path::new(DEFAULT_FOLDER).join(FILE_NAME);
    if std::fs::symlink_metadata(&path).is_err() {
        return Problems::default();
    }
    let registered = match read(root, &path, &shown, contest) {
        Ok(rows) => Registered::of(&rows),
        Err(problems) => return problems,
    };
    let mut warnings = Problems::default();
    let team = contest.format.event == crate::model::EventKind::Team;
    for row in &sheet.rows {
        let track_text = sheet.cell(row, Field::Track).text();
        let track = super::check::find_track(contest, &track_text);
        let unit = sheet.cell(row, Field::Unit).text();
        let names = sheet.cell(row, Field::Name).text();
        let members: Vec<&str> = if team {
            names.split(['、', ',', '，', ';', '；', '/']).collect()
        } else {
            vec![names.as_str()]
        };
        for name in members.into_iter().map(str::trim).filter(|n| !n.is_empty()) {
            let key = (squeeze(name), squeeze(&unit));
            let warning = match registered.tracks.get(&key) {
                Some(tracks) if track.is_none() || tracks.contains(&track) => continue,
                Some(tracks) => {
                    let entered: Vec<&str> = tracks
                        .iter()
                        .filter_map(|t| t.map(|t| contest.tracks[t].name.as_str()))
                        .collect();
                    msg!(
                        "roster-results-other-track",
                        name,
                        unit = unit.trim(),
                        entered = entered.join("、"),
                        track = track_text.trim()
                    )
                }
                None => match registered.units_of.get(&key.0) {
                    Some(units) => msg!(
                        "roster-results-other-unit",
                        name,
                        unit = unit.trim(),
                        units = units.join("、"),
                        file = &shown
                    ),
                    None => msg!(
                        "roster-results-unregistered",
                        name,
                        unit = unit.trim(),
                        file = &shown
                    ),
                },
            };
            warnings.push(
                sheet
                    .problem(row, Some(Field::Name), warning)
                    .with_help(msg!("roster-results-help", file = &shown))
                    .warning(),
            );
        }
    }
    warnings
}

/// One entry of the roster: name and unit without spaces, the track and group it names.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct RosterRow {
    name: String,
    unit: String,
    track: Option<usize>,
    group: Option<usize>,
}

/// Reads the entries of the roster; its problems, as warnings, when it cannot be read.
fn read(
    root: &Path,
    path: &Path,
    shown: &Path,
    contest: &Contest,
) -> Result<Vec<RosterRow>, Problems> {
    let unreadable = |problems: Problems| {
        let mut warnings = Problems::default();
        warnings.push(
            Problem::general(None, msg!("roster-results-unreadable", file = shown))
                .with_help(msg!("roster-results-unreadable-help"))
                .warning(),
        );
        warnings.extend(Problems(
            problems.0.into_iter().map(Problem::warning).collect(),
        ));
        warnings
    };
    let bytes = crate::fs::read_input(Some(root), path, Input::Roster)
        .map_err(|e| unreadable(Problems(vec![Problem::general(None, e.text())])))?;
    let sheet = read_xlsx(&bytes, shown, &entries_layout(contest), Some(ENTRIES_SHEET))
        .map_err(unreadable)?;
    Ok(sheet
        .rows
        .iter()
        .map(|row| RosterRow {
            name: squeeze(&sheet.cell(row, Field::Name).text()),
            unit: squeeze(&sheet.cell(row, Field::Unit).text()),
            track: super::check::find_track(contest, &sheet.cell(row, Field::Track).text()),
            group: super::check::find_group(contest, &sheet.cell(row, Field::Group).text()),
        })
        .filter(|row| !row.name.is_empty())
        .collect())
}

impl Registered {
    fn of(rows: &[RosterRow]) -> Registered {
        let mut registered = Registered::default();
        for row in rows {
            let units = registered.units_of.entry(row.name.clone()).or_default();
            if !units.contains(&row.unit) {
                units.push(row.unit.clone());
            }
            let tracks = registered
                .tracks
                .entry((row.name.clone(), row.unit.clone()))
                .or_default();
            if !tracks.contains(&row.track) {
                tracks.push(row.track);
            }
        }
        registered
    }
}

/// The columns read from the roster: name, unit and track (required), and the group when the contest
/// has groups; no score, personal or other column.
fn entries_layout(contest: &Contest) -> Layout {
    let mut layout = Layout::of(contest);
    layout.fields.retain(|spec| {
        matches!(
            spec.field,
            Field::Name | Field::Unit | Field::Track | Field::Group
        )
    });
    layout.modular.clear();
    layout.module_prefixes.clear();
    layout.module_names.clear();
    layout
}

/// The text without any white space (full-width spaces included), as names and units are compared.
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// What the public page 报名情况 shows: entries per track and group and the number of units; no name,
/// no unit.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct EntryCounts {
    /// One line per track and group the track is run for (per track without groups), in the order of
    /// contest.yaml, lines without entries included.
    pub rows: Vec<CountRow>,
    /// Entries in all.
    pub entries: usize,
    /// Units in all (entrants without a unit, `rules.individual_entry`, count for none).
    pub units: usize,
    /// Whether the contest has groups (the page then has a 组别 column).
    pub groups: bool,
}

/// One line of [`EntryCounts`].
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct CountRow {
    /// The track's name.
    pub track: String,
    /// The group's name; empty without groups.
    pub group: String,
    /// Its entries.
    pub entries: usize,
    /// The units with an entry in it.
    pub units: usize,
}

/// The counts of the roster in `<root>/roster/roster.xlsx` for the page 报名情况, when
/// `registration.publish_counts` asks for them; without a roster (or with one that cannot be read), no
/// page and a warning at that key. Entries whose track (or group) the contest does not have are left
/// out, and the same person entered twice in a track and group counts once.
pub fn counts(
    root: &Path,
    contest: &Contest,
    contest_file: &SourceFile,
) -> (Option<EntryCounts>, Problems) {
    let Some(flag) = contest
        .registration
        .publish_counts
        .as_ref()
        .filter(|f| f.value)
    else {
        return (None, Problems::default());
    };
    let path: PathBuf = root.join(DEFAULT_FOLDER).join(FILE_NAME);
    let shown = Path::new(DEFAULT_FOLDER).join(FILE_NAME);
    let at_flag = |message| {
        let problem = match spanned_at(contest_file, flag) {
            Some(span) => Problem::at(contest_file, span, message),
            None => Problem::general(Some(contest_file), message),
        };
        problem.warning()
    };
    if std::fs::symlink_metadata(&path).is_err() {
        let problem = at_flag(msg!("roster-counts-no-roster", file = &shown))
            .with_help(msg!("roster-counts-no-roster-help"));
        return (None, Problems(vec![problem]));
    }
    match read(root, &path, &shown, contest) {
        Ok(rows) => (Some(tally(contest, &rows)), Problems::default()),
        Err(mut problems) => {
            problems.push(at_flag(msg!("roster-counts-unreadable", file = &shown)));
            (None, problems)
        }
    }
}

/// Counts the distinct entries of `rows` per track and group, and their units.
fn tally(contest: &Contest, rows: &[RosterRow]) -> EntryCounts {
    let individual = contest
        .rules
        .individual_entry
        .as_ref()
        .map(|e| squeeze(&e.listed_as.value));
    let is_unit = |unit: &str| !unit.is_empty() && individual.as_deref() != Some(unit);
    let groups = !contest.groups.is_empty();
    let entries: HashSet<&RosterRow> = rows
        .iter()
        .filter(|r| r.track.is_some() && (!groups || r.group.is_some()))
        .collect();
    let mut lines = Vec::new();
    for (t, track) in contest.tracks.iter().enumerate() {
        let runs_for = |g: usize| {
            track
                .groups
                .as_ref()
                .is_none_or(|list| list.iter().any(|id| id.value == contest.groups[g].id.value))
        };
        let cells: Vec<Option<usize>> = if groups {
            (0..contest.groups.len())
                .filter(|&g| runs_for(g))
                .map(Some)
                .collect()
        } else {
            vec![None]
        };
        for g in cells {
            let here: Vec<&&RosterRow> = entries
                .iter()
                .filter(|r| r.track == Some(t) && (g.is_none() || r.group == g))
                .collect();
            let units: HashSet<&str> = here
                .iter()
                .map(|r| r.unit.as_str())
                .filter(|u| is_unit(u))
                .collect();
            lines.push(CountRow {
                track: track.name.clone(),
                group: g.map_or_else(String::new, |g| contest.groups[g].name.clone()),
                entries: here.len(),
                units: units.len(),
            });
        }
    }
    let units: HashSet<&str> = entries
        .iter()
        .map(|r| r.unit.as_str())
        .filter(|u| is_unit(u))
        .collect();
    EntryCounts {
        rows: lines,
        entries: entries.len(),
        units: units.len(),
        groups,
    }
}
