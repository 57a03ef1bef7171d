//! Results: from a score sheet (`content/results.xlsx`, `.csv` or `.yaml`) to checked, published results.
//!
//! The stages, each its own module:
//! [`read`] the file into the used columns only (anything else, such as ID or phone numbers, is dropped
//! there) → [`validate`] every row (all problems at once, each with its place) → [`compute`]: [`rank`]
//! within each track and group, [`awards`] by tier, the rules put in words → [`Results`], the
//! publishable data, which the site pages, the downloads ([`export`]) and the results PDF all take from
//! [`crate::Loaded::results`].
//!
//! This file holds the published data types and the way in ([`load`], [`from_sheet`]); the score and
//! time parsing is in `cells.rs`, the checks across rows in `quota.rs`, the CSV, YAML and header-row
//! reading in `csv_file.rs`, `yaml_file.rs` and `table.rs`, the sentences in `wording.rs`.
//!
//! This module knows the contest model ([`crate::model`]) and nothing of the outputs: the site renders
//! the pages from [`Results`], the PDF stage the results PDF.
//!
//! Arithmetic is decimal (`rust_decimal`), never binary floating point. The rounding rule is stated
//! once, here, and used everywhere: every part score is kept to `results.decimals` decimals (2 by
//! default), rounded half up; the total is the weighted sum of those kept scores, rounded the same way.
//! So every total can be checked by hand from the scores printed beside it.

pub mod awards;
mod birth;
mod cells;
mod compute;
mod csv_file;
pub mod export;
pub mod layout;
pub mod limits;
pub mod published;
mod quota;
pub mod rank;
pub mod read;
mod table;
pub mod validate;
mod wording;
pub mod workbook;
mod yaml_file;

pub use compute::compute;
pub use published::mask_name;
pub use wording::award_scheme;

use crate::diagnostics::{Problem, Problems, SourceFile};
use crate::i18n::comma_list;
use crate::model::TIME_KEY;
use crate::model::values::Day;
use crate::model::yaml::spanned_at;
use crate::model::{Contest, display_path};
use crate::msg;
use layout::{Field, Layout};
use read::Sheet;
use rust_decimal::Decimal;
use serde::Serialize;
use std::path::{Path, PathBuf};
use validate::Status;

/// The results file names looked for in `content/`.
pub const FILE_NAMES: [&str; 4] = ["results.xlsx", "results.csv", "results.yaml", "results.yml"];

/// The results as published: only what may be shown, names already masked when the contest says so.
#[derive(Debug, Clone, Hash, Serialize)]
pub struct Results {
    /// The publication date, `2025-12-05`.
    pub published: String,
    /// `2025年12月5日`.
    pub published_chinese: String,
    /// Decimals kept.
    pub decimals: u32,
    /// Every part some track uses ([`Contest::score_parts`]), in the order of their score columns.
    pub parts: Vec<PartHead>,
    /// Every score column of the sheet in the order published (the downloads' columns): for a part
    /// whose score the sheet gave by modules, a column for each module, then the part's. A table shows
    /// only its track's ([`ResultTable::score_columns`]).
    pub score_columns: Vec<ScoreColumn>,
    /// Whether the file has a time column.
    pub has_time: bool,
    /// Whether the contest has award tiers.
    pub has_awards: bool,
    /// Whether the contest has groups: without them there is one table per track, and no 组别 column.
    pub has_groups: bool,
    /// Who the results count, in words: 参加决赛并取得成绩 (with `results.round: 决赛`) or 取得成绩.
    pub counted: String,
    /// The round counted (决赛), when the contest names one.
    pub round: Option<String>,
    /// Whether names are masked.
    pub masked: bool,
    /// The rules applied, one sentence each, as stated on the pages and in the downloads.
    pub rules: Vec<String>,
    /// The contest's own note (`results.note`).
    pub note: Option<String>,
    /// One table per track and group the contest runs, in the contest's order.
    pub tables: Vec<ResultTable>,
    /// The awards to units with the units given them (`results.unit_awards`), in that order.
    pub unit_awards: Vec<UnitAwardView>,
}

/// A published score column: a part's, or a module's of a part.
#[derive(Debug, Clone, Hash, Serialize)]
pub struct ScoreColumn {
    /// The part's or the module's name (理论考试, 模块A 数据采集).
    pub name: String,
    /// Weight in percent: of the total for a part, of its part for a module.
    pub weight: u32,
    /// For a module, the name of its part (实操比赛); none for a part.
    pub part_name: Option<String>,
    /// Whether every track that has this column gives it the same weight; a column of the whole sheet
    /// (the downloads) whose weight differs between tracks is headed without one.
    #[serde(skip)]
    pub same_weight: bool,
}

impl ScoreColumn {
    /// The heading of the column in the downloads and the PDF: `理论考试成绩（30%）` for a part,
    /// `模块A（占实操比赛40%）` for a module; `suffix` follows a part's name (成绩, or nothing in the PDF).
    pub fn heading(&self, suffix: &str) -> String {
        match (&self.part_name, self.same_weight) {
            (Some(part), true) => format!("{}（占{part}{}%）", self.name, self.weight),
            (None, true) => format!("{}{suffix}（{}%）", self.name, self.weight),
            (Some(part), false) => format!("{}（{part}）", self.name),
            (None, false) => format!("{}{suffix}", self.name),
        }
    }
}

/// An award to units and the units given it.
#[derive(Debug, Clone, Hash, Serialize)]
pub struct UnitAwardView {
    /// 优秀组织奖.
    pub name: String,
    /// The units, in the order of `results.unit_awards`.
    pub units: Vec<String>,
}

/// A score column.
#[derive(Debug, Clone, Hash, Serialize)]
pub struct PartHead {
    /// The part id.
    pub id: String,
    /// 理论考试.
    pub name: String,
    /// Weight in percent.
    pub weight: u32,
}

/// The results of one track and group.
#[derive(Debug, Clone, Hash, Serialize)]
pub struct ResultTable {
    /// The id of the track (`ai-trainer`), as in contest.yaml.
    pub track_id: String,
    /// The track's published name, for the table's heading.
    pub track_name: String,
    /// The id of the group (`staff`), as in contest.yaml; empty when the contest has no groups.
    pub group_id: String,
    /// Group name (full name when the contest gives one); empty when the contest has no groups.
    pub group_name: String,
    /// `ai-trainer-staff` (`ai-trainer` without groups): the page is `results/<slug>.html`.
    pub slug: String,
    /// Rows in the file.
    pub entered: usize,
    /// Ranked contestants (sat the contest, not disqualified).
    pub finalists: usize,
    /// Whether awards were given here.
    pub awards_given: bool,
    /// Why no awards were given, when the minimum number of finalists was not reached.
    pub below_minimum: Option<String>,
    /// Whether ranks are shown (not when the minimum was not reached and the rules give no ranks then).
    pub ranks_shown: bool,
    /// The tiers with their sizes here.
    pub tiers: Vec<TierView>,
    /// Ranked first (by rank), then absent, then disqualified.
    pub entries: Vec<Entry>,
    /// The track's own score columns with its weights, in the order of its parts (the entries'
    /// `score_cells`).
    pub score_columns: Vec<ScoreColumn>,
    /// For each of `score_columns`, its index among [`Results::score_columns`] (for the downloads).
    #[serde(skip)]
    pub sheet_columns: Vec<usize>,
}

/// A tier of one table.
#[derive(Debug, Clone, Hash, Serialize)]
pub struct TierView {
    /// 一等奖.
    pub name: String,
    /// Awards available: the tier's size here (with `awards.ties: higher_tier` a tie may give more).
    pub size: usize,
    /// Awards given.
    pub given: usize,
}

/// One published line.
#[derive(Debug, Clone, Hash, Serialize)]
pub struct Entry {
    /// The rank; none for absent and disqualified.
    pub rank: Option<u32>,
    /// The name, masked when configured.
    pub name: String,
    /// 参赛单位.
    pub unit: String,
    /// Each score part's score ([`Results::parts`]) with the kept decimals; empty when there is none
    /// (and for a part the track does not have).
    pub scores: Vec<String>,
    /// Every score column's cell of its table ([`ResultTable::score_columns`]): modules' scores and
    /// parts' scores with the kept decimals; empty when there is none.
    pub score_cells: Vec<String>,
    /// 实操用时 as `h:mm:ss`; empty when none.
    pub time: String,
    /// The total with the kept decimals; empty when not ranked.
    pub total: String,
    /// The award; empty when none.
    pub award: String,
    /// 缺考, 取消资格, or why a ranked contestant has no award.
    pub note: String,
    /// Ranked, absent or disqualified.
    pub status: Status,
    /// The part scores as numbers.
    #[serde(skip)]
    pub score_values: Vec<Option<Decimal>>,
    /// Every score column's value as a number, for the spreadsheet download.
    #[serde(skip)]
    pub score_cell_values: Vec<Option<Decimal>>,
    /// The total as a number.
    #[serde(skip)]
    pub total_value: Option<Decimal>,
    /// The time in seconds.
    #[serde(skip)]
    pub time_seconds: Option<u32>,
}

impl Results {
    /// A SHA-256 over every field of this value, as `Hash` feeds them (strings with their end,
    /// lists with their length; see [`crate::loaded::Loaded::results_digest`]). A decimal is fed
    /// normalised (`1.0` as `1`): the workbook writes decimals as numbers, where the two are the same.
    pub fn digest(&self) -> [u8; 32] {
        use sha2::Digest;
        use std::hash::{Hash, Hasher};
        /// Feeds SHA-256 in blocks: `Hash` writes a few bytes at a time.
        struct Sha(sha2::Sha256, Vec<u8>);
        impl Hasher for Sha {
            fn write(&mut self, bytes: &[u8]) {
                if self.1.len() + bytes.len() > 8192 {
                    self.0.update(&self.1);
                    self.1.clear();
                }
                self.1.extend_from_slice(bytes);
            }
            fn finish(&self) -> u64 {
                unreachable!("the digest is the SHA-256, not a u64")
            }
        }
        let mut sha = Sha(sha2::Sha256::new(), Vec::with_capacity(8192 + 64));
        self.hash(&mut sha);
        sha.0.update(&sha.1);
        sha.0.finalize().into()
    }
}

/// Finds the results file in `<root>/content`; more than one is a problem.
pub fn find_file(root: &Path) -> Result<Option<PathBuf>, Box<Problem>> {
    let content = root.join("content");
    let found: Vec<PathBuf> = FILE_NAMES
        .iter()
        .map(|name| content.join(name))
        .filter(|path| path.symlink_metadata().is_ok_and(|m| !m.is_dir()))
        .collect();
    match found.len() {
        0 => Ok(None),
        1 => {
            let path = found.into_iter().next().expect("one file found");
            crate::fs::check_input(Some(root), &path, crate::fs::Input::Results)
                .map_err(|e| Box::new(Problem::from(e)))?;
            Ok(Some(path))
        }
        _ => Err(Box::new(
            Problem::general(
                None,
                msg!(
                    "results-several-files",
                    count = found.len().to_string(),
                    files = comma_list(
                        found
                            .iter()
                            .map(|p| format!("`{}`", display_path(root, p).display()))
                    )
                ),
            )
            .with_help(msg!("results-several-files-help")),
        )),
    }
}

/// Checks `results:` and, when `content/` has a results file, reads, checks and ranks it, with its
/// warnings (a row naming someone the roster of `jingsai roster` does not list, when there is one).
/// `Ok((None, _))`: no results yet (nothing about results is published).
pub fn load(
    root: &Path,
    contest: &Contest,
    contest_file: &SourceFile,
) -> Result<(Option<Results>, Problems), Problems> {
    let mut problems = Problems::default();
    let path = match find_file(root) {
        Ok(Some(path)) => path,
        Ok(None) => {
            return if problems.has_errors() {
                Err(problems)
            } else {
                Ok((None, problems))
            };
        }
        Err(problem) => {
            problems.push(*problem);
            return Err(problems);
        }
    };
    let shown = display_path(root, &path);
    if contest.score_parts().is_empty() {
        problems.push(no_parts(contest, contest_file, &shown));
        return Err(problems);
    }
    let published = match &contest.results.published {
        Some(day) => Some(day.value),
        None => {
            problems.push(
                Problem::general(
                    Some(contest_file),
                    msg!("results-no-publication-date", file = &shown),
                )
                .with_help(msg!("results-no-publication-date-help")),
            );
            None
        }
    };
    let layout = Layout::of(contest);
    let sheet_name = contest.results.sheet.as_ref().map(|s| s.value.as_str());
    let sheet = match read::read_file(&path, &shown, &layout, sheet_name) {
        Ok(sheet) => sheet,
        Err(found) => {
            problems.extend(found);
            return Err(problems);
        }
    };
    match from_sheet(contest, &sheet, published) {
        Ok(results) => {
            problems.extend(unit_award_units(contest, contest_file));
            if problems.has_errors() {
                Err(problems)
            } else {
                problems.extend(crate::roster::registered::compare(root, contest, &sheet));
                Ok((Some(results), problems))
            }
        }
        Err(found) => {
            problems.extend(found);
            Err(problems)
        }
    }
}

/// The units named in `results.unit_awards` are published as written: like the 参赛单位 of the sheet,
/// none may hold what looks like an ID or phone number, or be too long (at their place in contest.yaml).
/// A unit given an award need not be in the sheet (an organising unit may send no contestant).
fn unit_award_units(contest: &Contest, contest_file: &SourceFile) -> Problems {
    let mut problems = Problems::default();
    for given in &contest.results.unit_awards {
        for unit in &given.value.units {
            if let Some((message, help)) = published::check("unit", unit.value.trim()) {
                let problem = match spanned_at(contest_file, unit) {
                    Some(span) => Problem::at(contest_file, span, message),
                    None => Problem::general(Some(contest_file), message),
                };
                problems.push(problem.with_help(help));
            }
        }
    }
    problems
}

/// The problem of a results file when the contest has no scoring parts to read its scores by: at
/// `scoring.note` (评分办法另行通知) or `scoring:` when given, else about contest.yaml.
fn no_parts(contest: &Contest, contest_file: &SourceFile, shown: &Path) -> Problem {
    let message = msg!("results-no-parts", file = shown);
    let at = contest
        .scoring
        .as_ref()
        .and_then(|scoring| match &scoring.value.note {
            Some(note) => spanned_at(contest_file, note),
            None => spanned_at(contest_file, scoring),
        });
    let problem = match at {
        Some(span) => Problem::at(contest_file, span, message),
        None => Problem::general(Some(contest_file), message),
    };
    problem.with_help(msg!("results-no-parts-help"))
}

/// Checks and ranks a sheet that was read. Without a publication date the checks still run.
pub fn from_sheet(
    contest: &Contest,
    sheet: &Sheet,
    published: Option<Day>,
) -> Result<Results, Problems> {
    let mut problems = Problems::default();
    let uses_time = contest
        .results
        .tie_break
        .iter()
        .any(|k| k.value == TIME_KEY);
    if uses_time && sheet.index(Field::Time).is_none() {
        let layout = Layout::of(contest);
        let label = layout
            .spec(Field::Time)
            .map_or("实操用时", |s| s.label.as_str());
        problems.push(
            sheet
                .general(msg!("results-tie-break-no-time", label))
                .with_help(msg!("results-tie-break-no-time-help")),
        );
    }
    let records = match validate::check(contest, sheet) {
        Ok(records) => records,
        Err(found) => {
            problems.extend(found);
            return Err(problems);
        }
    };
    // The parts whose score came from their modules' columns (the readers refuse a sheet with only some).
    let by_modules: Vec<bool> = contest
        .score_parts()
        .iter()
        .enumerate()
        .map(|(i, part)| !part.modules().is_empty() && sheet.index(Field::Module(i, 0)).is_some())
        .collect();
    match published {
        Some(day) if !problems.has_errors() => Ok(compute(
            contest,
            &records,
            day,
            sheet.index(Field::Time).is_some(),
            &by_modules,
        )),
        _ => Err(problems),
    }
}
