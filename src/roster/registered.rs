//! The roster `jingsai roster` wrote into the contest folder (`roster/roster.xlsx`), read back so that
//! `check` and `build` warn when the score sheet names someone who is not registered.
//!
//! Only the 姓名, 参赛单位, 赛项 and 组别 columns of its 报名名单 sheet are read (the ID and phone numbers
//! beside them are not), with the same checks and budgets as a score sheet: the file is untrusted like
//! the rest of the folder. A roster that cannot be read is a warning, never an error: the roster is the
//! office's own working file, and the results stand without it.

use crate::diagnostics::{Problem, Problems};
use crate::fs::Input;
use crate::model::Contest;
use crate::msg;
use crate::results::layout::{Field, Layout};
use crate::results::read::Sheet;
use crate::results::workbook::read_xlsx;
use std::collections::HashMap;
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
        Ok(registered) => registered,
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

/// Reads the entries of the roster; its problems, as warnings, when it cannot be read.
fn read(root: &Path, path: &Path, shown: &Path, contest: &Contest) -> Result<Registered, Problems> {
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
    let bytes = crate::fs::read_input(Some(root), path, Input::Roster).map_err(|e| {
        unreadable(Problems(vec![Problem::general(None, e.text())]))
    })?;
    let sheet = read_xlsx(&bytes, shown, &entries_layout(contest), Some(ENTRIES_SHEET))
        .map_err(unreadable)?;
    let mut registered = Registered::default();
    for row in &sheet.rows {
        let name = squeeze(&sheet.cell(row, Field::Name).text());
        let unit = squeeze(&sheet.cell(row, Field::Unit).text());
        if name.is_empty() {
            continue;
        }
        let track = super::check::find_track(contest, &sheet.cell(row, Field::Track).text());
        let units = registered.units_of.entry(name.clone()).or_default();
        if !units.contains(&unit) {
            units.push(unit.clone());
        }
        let tracks = registered.tracks.entry((name, unit)).or_default();
        if !tracks.contains(&track) {
            tracks.push(track);
        }
    }
    Ok(registered)
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
