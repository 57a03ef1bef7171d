//! Rows to checked records: every problem of every row is reported, each with its place.
//!
//! Each row is checked column by column (`RowCheck`), in the order the problems are reported: name
//! and unit, track and group, status, scores, time, honours, and the birth date (出生日期 or the one in
//! 身份证号, when the file has either and the row's track or group limits birth dates or ages). The checks across rows (the same
//! contestant twice, a unit over its quota) follow, in `quota.rs`; what a cell says (a score, a
//! time, a status word) is read in `cells.rs`.

use super::birth;
use super::layout::{Field, TrackPart, parts_by_track};
use super::published;
use super::quota::{duplicates, quota};
use super::rank::total;
use super::read::{Cell, Row, Sheet};
use crate::diagnostics::Problems;
use crate::i18n::Text;
use crate::model::eligibility::Breach;
use crate::model::{Contest, ScoringPart};
use crate::msg;
use jiff::civil::Date;
use rust_decimal::Decimal;

pub use super::cells::{
    ABSENT_WORDS, DISQUALIFIED_WORDS, FULL_MARKS, NORMAL_WORDS, Status, find_group, find_track,
    format_time, normalise, parse_score, parse_time, round,
};
use super::cells::{NO_HONOUR_WORDS, status_of};

/// What a cell may say in the score column of a part the row's track does not have, besides nothing.
const NOT_APPLICABLE: [&str; 6] = ["/", "／", "-", "－", "—", "——"];

/// One checked row.
#[derive(Debug, Clone)]
pub struct Record {
    /// The index of its row in the sheet.
    pub row: usize,
    /// 姓名 (for a team event, the members as written).
    pub name: String,
    /// 参赛单位.
    pub unit: String,
    /// Index into `contest.tracks`.
    pub track: usize,
    /// Index into `contest.groups`; `None` when the contest has no groups.
    pub group: Option<usize>,
    /// The score of each of the contest's score parts ([`Contest::score_parts`]), rounded; `None` when
    /// not sat, and for a part the row's track does not have.
    pub scores: Vec<Option<Decimal>>,
    /// For each score part whose score the sheet gives by modules, each module's score (by the index of
    /// the module among the score part's), rounded (`None` when not sat, or not a module of the
    /// track's); empty for the other parts.
    pub module_scores: Vec<Vec<Option<Decimal>>>,
    /// 实操用时 in seconds.
    pub time: Option<u32>,
    /// Ranked, absent or disqualified.
    pub status: Status,
    /// The honour (of `rules.no_award_honours`) that bars an award, when held.
    pub no_award_honour: Option<String>,
}

/// From this many rows on, the rows are checked on two threads.
const PARALLEL_ROWS: usize = 2_000;

/// Checks every row and returns the records, or every problem found.
pub fn check(contest: &Contest, sheet: &Sheet) -> Result<Vec<Record>, Problems> {
    let mut problems = Problems::default();
    let records;
    let score_parts = contest.score_parts();
    let tracks = parts_by_track(contest, &score_parts);
    let every_part: Vec<TrackPart<'_>> = score_parts
        .iter()
        .enumerate()
        .map(|(index, part)| TrackPart {
            part,
            index,
            modules: (0..part.modules().len()).collect(),
        })
        .collect();
    // The rows are checked one by one, on both cores for a large sheet (the halves are joined in order,
    // so records and problems come out as from one pass).
    let check_rows = |from: usize, rows: &[Row], problems: &mut Problems| -> Vec<Record> {
        let mut records = Vec::with_capacity(rows.len());
        for (offset, row) in rows.iter().enumerate() {
            let mut check = RowCheck {
                contest,
                score_parts: &score_parts,
                tracks: &tracks,
                every_part: &every_part,
                sheet,
                row,
                problems,
                ok: true,
            };
            if let Some(record) = check.record(from + offset) {
                records.push(record);
            }
        }
        records
    };
    if sheet.rows.len() < PARALLEL_ROWS {
        records = check_rows(0, &sheet.rows, &mut problems);
    } else {
        let half = sheet.rows.len() / 2;
        let (first, second) = sheet.rows.split_at(half);
        let (mut done, (more, more_problems)) = std::thread::scope(|scope| {
            let later = scope.spawn(|| {
                let mut problems = Problems::default();
                let records = check_rows(half, second, &mut problems);
                (records, problems)
            });
            let done = check_rows(0, first, &mut problems);
            let later = later
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (done, later)
        });
        done.extend(more);
        records = done;
        problems.extend(more_problems);
    }
    duplicates(contest, sheet, &records, &mut problems);
    quota(contest, sheet, &records, &mut problems);
    if problems.has_errors() {
        Err(problems)
    } else {
        Ok(records)
    }
}

/// The check of one row: one method per column, each reporting its problems at its cell.
pub(super) struct RowCheck<'a> {
    /// The contest the row is checked against.
    contest: &'a Contest,
    /// Every part some track uses: the sheet's score columns ([`Contest::score_parts`]).
    score_parts: &'a [ScoringPart],
    /// The parts of each track, placed among `score_parts`.
    tracks: &'a [Vec<TrackPart<'a>>],
    /// Every score part with all its modules: what a row of an unknown track is checked against.
    every_part: &'a [TrackPart<'a>],
    /// The sheet, which locates each problem.
    sheet: &'a Sheet,
    /// The row checked.
    row: &'a Row,
    /// Where the problems of every row go, in order.
    problems: &'a mut Problems,
    /// No error found in this row so far.
    ok: bool,
}

impl RowCheck<'_> {
    /// The record of the row, when none of its cells has an error.
    fn record(&mut self, index: usize) -> Option<Record> {
        let (name, unit) = self.name_and_unit();
        let (track, group) = self.track_and_group();
        let status = self.status();
        let (scores, module_scores) = self.scores(status, track);
        let time = self.time();
        let no_award_honour = self.honours();
        if let (Some(track), Some(group)) = (track, group) {
            self.birth_limits(track, group);
        }
        match (self.ok, track, group) {
            (true, Some(track), Some(group))
                if group.is_some() || self.contest.groups.is_empty() =>
            {
                Some(Record {
                    row: index,
                    name,
                    unit,
                    track,
                    group,
                    scores,
                    module_scores,
                    time,
                    status,
                    no_award_honour,
                })
            }
            _ => None,
        }
    }

    /// An error at the cell of `field` in this row.
    fn error(&mut self, field: Field, message: Text, help: Text) {
        self.ok = false;
        self.problems.push(
            self.sheet
                .problem(self.row, Some(field), message)
                .with_help(help),
        );
    }

    /// The cell of `field` as text.
    fn text(&self, field: Field) -> String {
        self.sheet.cell(self.row, field).text()
    }

    /// 姓名 and 参赛单位: both written, neither holding what must not be published.
    fn name_and_unit(&mut self) -> (String, String) {
        let name = self.text(Field::Name);
        if name.is_empty() {
            self.error(
                Field::Name,
                msg!("results-name-missing"),
                msg!("results-name-missing-help"),
            );
        }
        let unit = self.text(Field::Unit);
        if unit.is_empty() {
            self.error(
                Field::Unit,
                msg!("results-unit-missing"),
                msg!("results-unit-missing-help"),
            );
        }
        for (field, what, value) in [(Field::Name, "name", &name), (Field::Unit, "unit", &unit)] {
            if let Some((message, help)) = published::check(what, value) {
                self.error(field, message, help);
            }
        }
        (name, unit)
    }

    /// 赛项 and 组别: each one of the contest's, and the track run for the group. The group is
    /// `Some(None)` when the contest has no groups (and the cell is empty); `None` when it is wrong.
    fn track_and_group(&mut self) -> (Option<usize>, Option<Option<usize>>) {
        let contest = self.contest;
        let track_text = self.text(Field::Track);
        let track = find_track(contest, &track_text);
        if track.is_none() {
            let names: Vec<&str> = contest.tracks.iter().map(|t| t.name.as_str()).collect();
            self.error(
                Field::Track,
                if track_text.is_empty() {
                    msg!("results-track-missing")
                } else {
                    msg!("results-not-a-track", track = &track_text)
                },
                msg!("results-write-one-of", names = names.join("、")),
            );
        }
        let group_text = self.text(Field::Group);
        if contest.groups.is_empty() {
            if group_text.is_empty() {
                return (track, Some(None));
            }
            self.error(
                Field::Group,
                msg!("results-group-without-groups", group = &group_text),
                msg!("results-group-without-groups-help"),
            );
            return (track, None);
        }
        let group = find_group(contest, &group_text);
        if group.is_none() {
            let names: Vec<&str> = contest.groups.iter().map(|g| g.name.as_str()).collect();
            self.error(
                Field::Group,
                if group_text.is_empty() {
                    msg!("results-group-missing")
                } else {
                    msg!("results-not-a-group", group = &group_text)
                },
                msg!("results-write-one-of", names = names.join("、")),
            );
        }
        if let (Some(t), Some(g)) = (track, group) {
            let track = &contest.tracks[t];
            let group = &contest.groups[g];
            if !contest
                .groups_of(track)
                .iter()
                .any(|x| x.id.value == group.id.value)
            {
                self.error(
                    Field::Group,
                    msg!(
                        "results-track-not-for-group",
                        track = &track.name,
                        group = &group.name
                    ),
                    msg!("results-track-not-for-group-help"),
                );
            }
        }
        (track, group.map(Some))
    }

    /// 状态, or 缺考 (取消资格) written in a score cell instead; both written must agree.
    fn status(&mut self) -> Status {
        let status_text = self.text(Field::Status);
        let mut status = match status_of(&status_text) {
            Some(status) => status,
            None => {
                self.error(
                    Field::Status,
                    msg!("results-not-a-status", status = &status_text),
                    msg!(
                        "results-not-a-status-help",
                        absent = ABSENT_WORDS[0],
                        disqualified = DISQUALIFIED_WORDS[0]
                    ),
                );
                Status::Ranked
            }
        };
        // Staff often write 缺考 in a score cell instead of a status column.
        for field in self.score_fields() {
            let cell = self.sheet.cell(self.row, field);
            if let Cell::Text(t) = cell
                && let Some(s @ (Status::Absent | Status::Disqualified)) = status_of(t)
            {
                if status == Status::Ranked {
                    status = s;
                } else if status != s {
                    self.error(
                        field,
                        msg!(
                            "results-status-contradicts",
                            cell = t,
                            status = &status_text
                        ),
                        msg!("results-status-contradicts-help"),
                    );
                }
            }
        }
        status
    }

    /// Every score column of the sheet: each part's, and each module's.
    fn score_fields(&self) -> Vec<Field> {
        let mut fields = Vec::new();
        for (i, part) in self.score_parts.iter().enumerate() {
            fields.push(Field::Part(i));
            fields.extend((0..part.modules().len()).map(|m| Field::Module(i, m)));
        }
        fields
    }

    /// The score of every part of the row's track, rounded (from its modules when the sheet has their
    /// columns), and the modules' scores of those parts; none kept for a contestant who is not ranked.
    /// A score in the column of a part or module the track does not have is an error. A row of an
    /// unknown track is checked against every part.
    fn scores(
        &mut self,
        status: Status,
        track: Option<usize>,
    ) -> (Vec<Option<Decimal>>, Vec<Vec<Option<Decimal>>>) {
        let count = self.score_parts.len();
        let mut scores = vec![None; count];
        let mut module_scores = vec![Vec::new(); count];
        // An absent contestant has no score; a disqualified one keeps none in public.
        let kept = |score: Option<Decimal>| score.filter(|_| status == Status::Ranked);
        let own = track.map_or(self.every_part, |t| self.tracks[t].as_slice());
        for tp in own {
            let by_modules = !tp.modules.is_empty()
                && tp
                    .modules
                    .iter()
                    .all(|&m| self.sheet.index(Field::Module(tp.index, m)).is_some());
            let (score, of_modules) = if by_modules {
                self.score_of_modules(tp, status)
            } else {
                (self.score(Field::Part(tp.index), status), Vec::new())
            };
            scores[tp.index] = kept(score);
            if by_modules {
                let mut placed = vec![None; self.score_parts[tp.index].modules().len()];
                for (&m, score) in tp.modules.iter().zip(of_modules) {
                    placed[m] = kept(score);
                }
                module_scores[tp.index] = placed;
            }
        }
        if let Some(t) = track {
            if own.is_empty() {
                self.error(
                    Field::Track,
                    msg!(
                        "track-scoring-track-without-parts",
                        track = self.contest.tracks[t].name.as_str()
                    ),
                    msg!("track-scoring-track-without-parts-help"),
                );
            }
            self.foreign_scores(t, own);
        }
        (scores, module_scores)
    }

    /// The cells of the score columns the row's track (at index `t`) does not have, which must be
    /// empty (or `/`, `—`: not applicable).
    fn foreign_scores(&mut self, t: usize, own: &[TrackPart<'_>]) {
        let track = &self.contest.tracks[t].name;
        for (i, part) in self.score_parts.iter().enumerate() {
            let mine = own.iter().find(|tp| tp.index == i);
            let mut fields = Vec::new();
            if mine.is_none() {
                fields.push((Field::Part(i), &part.name));
            }
            for (m, module) in part.modules().iter().enumerate() {
                if !mine.is_some_and(|tp| tp.modules.contains(&m)) {
                    fields.push((Field::Module(i, m), &module.name));
                }
            }
            for (field, column) in fields {
                if self.sheet.index(field).is_none() {
                    continue;
                }
                let text = self.text(field);
                if !text.is_empty() && !NOT_APPLICABLE.contains(&text.as_str()) {
                    self.error(
                        field,
                        msg!(
                            "track-scoring-score-not-of-track",
                            track = track.as_str(),
                            column = column.as_str(),
                            cell = text.as_str()
                        ),
                        msg!("track-scoring-score-not-of-track-help"),
                    );
                }
            }
        }
    }

    /// The score of a part of the row's track from its modules' scores: Σ module score × weight / 100,
    /// rounded as a total is, with the modules' scores. A part score written beside them must agree
    /// with it.
    fn score_of_modules(
        &mut self,
        tp: &TrackPart<'_>,
        status: Status,
    ) -> (Option<Decimal>, Vec<Option<Decimal>>) {
        let decimals = self.contest.results.decimals();
        let (i, part) = (tp.index, tp.part);
        let modules = part.modules();
        let module_scores: Vec<Option<Decimal>> = tp
            .modules
            .iter()
            .map(|&m| self.score(Field::Module(i, m), status))
            .collect();
        let weights: Vec<u32> = modules.iter().map(|m| m.weight.value).collect();
        let computed = module_scores
            .iter()
            .all(Option::is_some)
            .then(|| total(&module_scores, &weights, decimals));
        let given_column = self.sheet.index(Field::Part(i)).is_some()
            && !self.sheet.cell(self.row, Field::Part(i)).is_empty();
        if given_column
            && let Some(given) = self.score(Field::Part(i), status)
            && let Some(computed) = computed
            && given != computed
        {
            let fixed = |d: &Decimal| format!("{:.*}", decimals as usize, d);
            let terms: Vec<String> = modules
                .iter()
                .zip(&module_scores)
                .map(|(m, s)| {
                    format!(
                        "{} {}×{}%",
                        m.name,
                        s.as_ref().map(fixed).unwrap_or_default(),
                        m.weight.value
                    )
                })
                .collect();
            self.error(
                Field::Part(i),
                msg!(
                    "results-part-disagrees-with-modules",
                    score = fixed(&given),
                    part = &part.name,
                    terms = terms.join(" + "),
                    computed = fixed(&computed)
                ),
                msg!(
                    "results-part-disagrees-with-modules-help",
                    part = &part.name
                ),
            );
        }
        (computed, module_scores)
    }

    /// The default header of a score column: `<part name>成绩`, or `<module name>成绩`.
    fn column_label(&self, field: Field) -> String {
        let name = match field {
            Field::Part(i) => self.score_parts.get(i).map(|p| p.name.clone()),
            Field::Module(i, m) => self
                .score_parts
                .get(i)
                .and_then(|p| p.modules().get(m))
                .map(|m| m.name.clone()),
            _ => None,
        };
        format!("{}成绩", name.unwrap_or_default())
    }

    /// One score cell: a number from 0 to [`FULL_MARKS`], rounded to `results.decimals`.
    fn score(&mut self, field: Field, status: Status) -> Option<Decimal> {
        let decimals = self.contest.results.decimals();
        let cell = self.sheet.cell(self.row, field);
        match cell {
            Cell::Empty if status == Status::Ranked && self.sheet.index(field).is_none() => {
                // A column only some tracks need, left out of the sheet: this row's track needs it.
                let label = self.column_label(field);
                self.error(
                    field,
                    msg!("results-score-no-column", label = &label),
                    msg!("results-score-no-column-help", label),
                );
                None
            }
            Cell::Empty => {
                if status == Status::Ranked {
                    self.error(
                        field,
                        msg!("results-score-missing"),
                        msg!("results-score-missing-help", absent = ABSENT_WORDS[0]),
                    );
                }
                None
            }
            Cell::Text(t) if status_of(t).is_some_and(|s| s != Status::Ranked) => None,
            Cell::Text(t) | Cell::Number(t) => match parse_score(t) {
                None if t.trim().contains(char::is_whitespace) => {
                    self.error(
                        field,
                        msg!("results-score-space", cell = t),
                        msg!("results-score-space-help"),
                    );
                    None
                }
                None => {
                    self.error(
                        field,
                        msg!("results-score-not-a-number", cell = t),
                        msg!("results-score-not-a-number-help"),
                    );
                    None
                }
                Some(value) if value < Decimal::ZERO || value > Decimal::from(FULL_MARKS) => {
                    self.error(
                        field,
                        msg!(
                            "results-score-out-of-range",
                            cell = t,
                            full = FULL_MARKS.to_string()
                        ),
                        msg!(
                            "results-score-out-of-range-help",
                            full = FULL_MARKS.to_string()
                        ),
                    );
                    None
                }
                Some(value) => Some(round(value, decimals)),
            },
            Cell::Duration(_) => {
                self.error(
                    field,
                    msg!("results-score-is-a-time", cell = cell.text()),
                    msg!("results-score-is-a-time-help"),
                );
                None
            }
            Cell::Error(e) => {
                self.error(
                    field,
                    msg!("results-cell-error", error = e),
                    msg!("results-score-cell-error-help"),
                );
                None
            }
        }
    }

    /// 实操用时 in seconds: a spreadsheet time or a time as written; none for a status word.
    fn time(&mut self) -> Option<u32> {
        match self.sheet.cell(self.row, Field::Time) {
            Cell::Empty => None,
            Cell::Duration(secs) if *secs >= 0.0 && *secs < f64::from(u32::MAX) => {
                Some(secs.round() as u32)
            }
            Cell::Text(t) | Cell::Number(t) if parse_time(t).is_some() => parse_time(t),
            Cell::Text(t) if status_of(t).is_some_and(|s| s != Status::Ranked) => None,
            other => {
                self.error(
                    Field::Time,
                    msg!("results-not-a-time", cell = other.text()),
                    msg!("results-not-a-time-help"),
                );
                None
            }
        }
    }

    /// 荣誉: a barred honour is an error; the first honour of `rules.no_award_honours` is returned.
    fn honours(&mut self) -> Option<String> {
        let rules = &self.contest.rules;
        let mut no_award_honour = None;
        let honours_text = self.text(Field::Honours);
        for honour in honours_text
            .split(['、', ',', '，', ';', '；', '/', '\n'])
            .map(str::trim)
            .filter(|h| !h.is_empty() && !NO_HONOUR_WORDS.contains(h))
        {
            if let Some(barred) = rules
                .barred_honours
                .iter()
                .find(|b| honour.contains(b.as_str()))
            {
                self.error(
                    Field::Honours,
                    msg!("results-barred-honour", barred),
                    msg!("results-barred-honour-help"),
                );
            } else if let Some(named) = rules
                .no_award_honours
                .iter()
                .find(|n| honour.contains(n.as_str()))
            {
                no_award_honour.get_or_insert_with(|| named.clone());
            }
        }
        no_award_honour
    }
}

impl RowCheck<'_> {
    /// The birth date against the limits of the row's track and group (`limits:` of `rules`, the group
    /// and the track), when the file has a 出生日期 or 身份证号 column; the date is never kept.
    fn birth_limits(&mut self, track: usize, group: Option<usize>) {
        let contest = self.contest;
        let track = &contest.tracks[track];
        let group = group.map(|g| &contest.groups[g]);
        let limits: Vec<_> = contest
            .limits_for(track, group)
            .into_iter()
            .filter(|(_, l)| l.limits_birth())
            .collect();
        if limits.is_empty() {
            return;
        }
        let Some((field, births)) = self.birth_dates() else {
            return;
        };
        let entry = match group {
            Some(g) => format!("{} {}", track.name, g.name),
            None => track.name.clone(),
        };
        for (member, born) in births.iter().enumerate() {
            let born_text = born.to_string();
            let mut given = match field {
                Field::IdNumber => msg!("results-born-by-id", born = &born_text),
                _ => msg!("results-born-on", born = &born_text),
            };
            if births.len() > 1 {
                given = msg!("results-member", member = (member + 1).to_string(), given);
            }
            for (source, l) in &limits {
                for breach in l.breaches(*born) {
                    let message = msg!(
                        "results-birth-outside-limits",
                        given = &given,
                        entry = &entry,
                        limit = breach_words(breach),
                        source = source.key()
                    );
                    self.error(field, message, msg!("results-birth-outside-limits-help"));
                }
            }
        }
    }

    /// The birth dates of the row (one per member of a team), and the column they came from: 出生日期,
    /// or else the ones in 身份证号. `None` when the file has neither column, or the dates cannot be read
    /// (then it is an error).
    fn birth_dates(&mut self) -> Option<(Field, Vec<Date>)> {
        let has = |field| self.sheet.index(field).is_some();
        if has(Field::BirthDate) {
            match birth::dates_in_cell(self.sheet.cell(self.row, Field::BirthDate)) {
                Ok(days) if !days.is_empty() => return Some((Field::BirthDate, days)),
                Ok(_) => {}
                Err(message) => {
                    self.error(Field::BirthDate, message, msg!("results-birth-date-help"));
                    return None;
                }
            }
        }
        let id = self.text(Field::IdNumber);
        if has(Field::IdNumber) && !id.is_empty() {
            return match birth::dates_in_id_numbers(&id) {
                Ok(days) => Some((Field::IdNumber, days)),
                Err(message) => {
                    self.error(Field::IdNumber, message, msg!("results-id-number-help"));
                    None
                }
            };
        }
        let field = if has(Field::BirthDate) {
            Field::BirthDate
        } else if has(Field::IdNumber) {
            Field::IdNumber
        } else {
            return None;
        };
        self.error(
            field,
            msg!("results-birth-missing"),
            msg!("results-birth-missing-help"),
        );
        None
    }
}

/// The limit a birth date breaks, in words: `born on or after 2000-09-01`.
fn breach_words(breach: Breach) -> Text {
    match breach {
        Breach::BornBefore(day) => msg!("results-breach-born-before", day = day.to_string()),
        Breach::BornAfter(day) => msg!("results-breach-born-after", day = day.to_string()),
        Breach::TooYoung(age, min, on) => msg!(
            "results-breach-too-young",
            min = min.to_string(),
            on = on.to_string(),
            age = age.to_string()
        ),
        Breach::TooOld(age, max, on) => msg!(
            "results-breach-too-old",
            max = max.to_string(),
            on = on.to_string(),
            age = age.to_string()
        ),
    }
}
