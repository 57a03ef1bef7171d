//! `jingsai forms --fill roster.csv --form ID`: forms pre-filled from a roster (UTF-8 or GBK CSV).
//!
//! The column headers name the form's inputs, by the label printed on the form (姓名, 身份证号, ...) or
//! by id (`name`, `id-number`). A choice ticks the check box of the option named in the cell (several,
//! separated by `、`, for `checks`); a date takes 2025-10-20 or 2025年10月20日. A form without a table
//! gives one filled PDF per row; a form with a table (a unit's roster) gives one PDF whose table rows
//! are the roster's rows, its other inputs taken from the cells the rows agree on.

use crate::diagnostics::{Problem, Problems};
use crate::i18n::Text;
use crate::model::Contest;
use crate::model::forms::{ColumnKind, FieldGroup, FieldGroupKind, Form, safe_file_name};
use crate::msg;
use std::collections::HashMap;
use std::path::Path;

/// One filled form as field values, with the name of the file it becomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilledRow {
    /// `<unit>-<name>.pdf` (or `<unit>-<form name>.pdf` for a form with a table), safe for every file system.
    pub file_name: String,
    /// Field name → value.
    pub values: HashMap<String, String>,
}

/// Decodes a CSV file: UTF-8 (with or without a byte-order mark), or GBK as Excel writes it on Chinese
/// Windows.
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => encoding_rs::GBK.decode(bytes).0.into_owned(),
    }
}

/// Reads a roster for `form`: the header row names the inputs, the further rows fill them. Every
/// problem names its row and column; with any, no form is given.
pub fn read(
    path: &Path,
    text: &str,
    form: &Form,
    contest: &Contest,
) -> Result<Vec<FilledRow>, Problems> {
    let groups = form.field_groups(contest);
    let shown = path.display().to_string();
    let mut problems = Problems::default();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = header_row(&mut reader, &shown)?;
    // A 序号 column (the spreadsheet template has one) fills nothing: the form prints its numbers.
    let numbers: Vec<&str> = form
        .table()
        .map(|t| {
            t.columns
                .iter()
                .filter(|c| c.kind == ColumnKind::Number)
                .map(|c| c.label.as_str())
                .collect()
        })
        .unwrap_or_default();
    let columns = match_columns(&headers, &groups, &numbers, &shown, &mut problems);
    let mut rows = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let row = index + 2;
        match record {
            Ok(record) => rows.push((row, record)),
            Err(e) => problems.push(Problem::general(
                None,
                msg!("pdf-roster-row", path = &shown, row, error = e.to_string()),
            )),
        }
    }
    let filled = match form.table() {
        Some(table) => vec![one_form_of_rows(
            form,
            table.rows,
            &rows,
            &columns,
            &shown,
            &mut problems,
        )],
        None => {
            let mut names = FileNames::default();
            rows.iter()
                .map(|(row, record)| {
                    let mut values = HashMap::new();
                    for (i, cell) in record.iter().enumerate() {
                        let Some(group) = columns.get(i).copied().flatten() else {
                            continue;
                        };
                        let at = Cell {
                            shown: &shown,
                            row: *row,
                            column: i + 1,
                        };
                        fill(group, cell.trim(), None, &at, &mut values, &mut problems);
                    }
                    let file_name = names.next(&values, &format!("row-{row}"));
                    FilledRow { file_name, values }
                })
                .collect()
        }
    };
    if problems.has_errors() {
        return Err(problems);
    }
    Ok(filled)
}

/// Where a cell of the roster is, for problems.
struct Cell<'a> {
    shown: &'a str,
    row: usize,
    column: usize,
}

impl Cell<'_> {
    /// A problem with the cell: `detail` after its place.
    fn problem(&self, detail: Text) -> Problem {
        Problem::general(
            None,
            msg!(
                "pdf-roster-cell",
                path = self.shown,
                row = self.row,
                column = self.column,
                detail
            ),
        )
    }

    /// A problem with the cell, which fills the input labelled `label`.
    fn problem_of(&self, label: &str, detail: Text) -> Problem {
        Problem::general(
            None,
            msg!(
                "pdf-roster-cell-of",
                path = self.shown,
                row = self.row,
                column = self.column,
                label,
                detail
            ),
        )
    }
}

/// The one filled form of a form with a table: roster row n fills table row n; the other inputs take
/// the value the rows give them (the same in every row that fills it).
fn one_form_of_rows(
    form: &Form,
    capacity: u32,
    rows: &[(usize, csv::StringRecord)],
    columns: &[Option<&FieldGroup>],
    shown: &str,
    problems: &mut Problems,
) -> FilledRow {
    let mut values = HashMap::new();
    if rows.len() > capacity as usize {
        problems.push(
            Problem::general(
                None,
                msg!(
                    "pdf-roster-too-many",
                    path = shown,
                    rows = rows.len(),
                    capacity
                ),
            )
            .with_help(msg!("pdf-roster-too-many-help", capacity)),
        );
    }
    for (n, (row, record)) in rows.iter().enumerate().take(capacity as usize) {
        for (i, cell) in record.iter().enumerate() {
            let Some(group) = columns.get(i).copied().flatten() else {
                continue;
            };
            let at = Cell {
                shown,
                row: *row,
                column: i + 1,
            };
            let cell = cell.trim();
            if let FieldGroupKind::TableColumn { .. } = group.kind {
                fill(group, cell, Some(n as u32 + 1), &at, &mut values, problems);
                continue;
            }
            let mut own = HashMap::new();
            fill(group, cell, None, &at, &mut own, problems);
            for (field, value) in own {
                match values.get(&field) {
                    Some(before) if *before != value => problems.push(
                        at.problem_of(
                            &group.label,
                            msg!("pdf-roster-differs", value = &value, before),
                        )
                        .with_help(msg!("pdf-roster-differs-help")),
                    ),
                    _ => {
                        values.insert(field, value);
                    }
                }
            }
        }
    }
    let unit = values.get("unit").cloned().unwrap_or_default();
    let stem = safe_file_name(
        &[unit.as_str(), form.name.as_str()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join("-"),
    );
    FilledRow {
        file_name: format!("{stem}.pdf"),
        values,
    }
}

/// The header row, each header trimmed.
fn header_row(reader: &mut csv::Reader<&[u8]>, shown: &str) -> Result<Vec<String>, Problems> {
    match reader.headers() {
        Ok(h) => Ok(h.iter().map(|s| s.trim().to_string()).collect()),
        Err(e) => Err(Problems(vec![Problem::general(
            None,
            msg!("pdf-roster-header", path = shown, error = e.to_string()),
        )])),
    }
}

/// What each column fills, found by its header: a label of the form, or an input's id. A header that
/// names nothing, or a label two inputs share, is a problem.
fn match_columns<'a>(
    headers: &[String],
    groups: &'a [FieldGroup],
    ignored: &[&str],
    shown: &str,
    problems: &mut Problems,
) -> Vec<Option<&'a FieldGroup>> {
    let mut columns = Vec::new();
    for (i, header) in headers.iter().enumerate() {
        let plain = crate::model::forms::plain_label(header);
        if ignored.contains(&plain.as_str()) {
            columns.push(None);
            continue;
        }
        let by_id: Vec<&FieldGroup> = groups.iter().filter(|g| g.id == *header).collect();
        let by_label: Vec<&FieldGroup> = groups.iter().filter(|g| g.label == plain).collect();
        let found = match (by_id.as_slice(), by_label.as_slice()) {
            ([one], _) | ([], [one]) => Some(*one),
            ([], []) => {
                let labels: Vec<&str> = groups.iter().map(|g| g.label.as_str()).collect();
                let ids: Vec<&str> = groups.iter().map(|g| g.id.as_str()).collect();
                let at = Cell {
                    shown,
                    row: 1,
                    column: i + 1,
                };
                problems.push(
                    at.problem(msg!("pdf-roster-not-a-field", header))
                        .with_help(msg!(
                            "pdf-roster-not-a-field-help",
                            labels = labels.join("、"),
                            ids = ids.join(", ")
                        )),
                );
                None
            }
            (_, several) => {
                let ids: Vec<&str> = several
                    .iter()
                    .chain(by_id.iter())
                    .map(|g| g.id.as_str())
                    .collect();
                let at = Cell {
                    shown,
                    row: 1,
                    column: i + 1,
                };
                problems.push(
                    at.problem(msg!("pdf-roster-several", header))
                        .with_help(msg!("pdf-roster-several-help", ids = ids.join(", "))),
                );
                None
            }
        };
        columns.push(found);
    }
    columns
}

/// Puts the value of one cell into `values`: a text as it is, a choice as its ticked check boxes, a
/// date as its three parts, a table column into row `row` of the table. An empty cell fills nothing.
fn fill(
    group: &FieldGroup,
    cell: &str,
    row: Option<u32>,
    at: &Cell<'_>,
    values: &mut HashMap<String, String>,
    problems: &mut Problems,
) {
    if cell.is_empty() {
        return;
    }
    if let Some(chars) = group.chars
        && cell.chars().count() != chars as usize
    {
        problems.push(
            at.problem_of(
                &group.label,
                msg!(
                    "pdf-roster-length",
                    cell,
                    count = cell.chars().count(),
                    chars
                ),
            )
            .with_help(msg!("pdf-roster-length-help")),
        );
    }
    match &group.kind {
        FieldGroupKind::Text(field) => {
            values.insert(field.clone(), cell.to_string());
        }
        FieldGroupKind::Choice { options, multiple } => {
            let wanted: Vec<&str> = if *multiple {
                cell.split(['、', ',', '，', ';', '；'])
                    .map(str::trim)
                    .collect()
            } else {
                vec![cell]
            };
            for want in wanted {
                match options.iter().find(|(option, _)| option == want) {
                    Some((_, field)) => {
                        values.insert(field.clone(), "Yes".into());
                    }
                    None => problems.push(
                        at.problem_of(&group.label, msg!("pdf-roster-not-a-choice", cell = want))
                            .with_help(msg!(
                                "pdf-roster-write-one-of",
                                options = options
                                    .iter()
                                    .map(|(o, _)| o.as_str())
                                    .collect::<Vec<_>>()
                                    .join("、")
                            )),
                    ),
                }
            }
        }
        FieldGroupKind::Date(prefix) => match split_date(cell) {
            Some((y, m, d)) => {
                values.insert(format!("{prefix}-year"), y);
                values.insert(format!("{prefix}-month"), m);
                values.insert(format!("{prefix}-day"), d);
            }
            None => problems.push(
                at.problem(msg!("pdf-roster-not-a-date", cell))
                    .with_help(msg!("pdf-roster-date-help")),
            ),
        },
        FieldGroupKind::TableColumn { table, options, .. } => {
            if let Some(options) = options
                && !options.iter().any(|o| o == cell)
            {
                problems.push(
                    at.problem_of(&group.label, msg!("pdf-roster-not-a-choice", cell))
                        .with_help(msg!(
                            "pdf-roster-write-one-of",
                            options = options.join("、")
                        )),
                );
            }
            values.insert(
                format!("{table}-{}-{}", row.unwrap_or(1), group.id),
                cell.to_string(),
            );
        }
    }
}

/// The file names given so far, so that two people of the same unit and name get `-2`, `-3`, ...
#[derive(Default)]
struct FileNames {
    taken: HashMap<String, usize>,
}

impl FileNames {
    /// `<unit>-<name>.pdf` for a row (`fallback.pdf` when it has neither), numbered when taken already.
    fn next(&mut self, values: &HashMap<String, String>, fallback: &str) -> String {
        let name = values.get("name").cloned().unwrap_or_default();
        let unit = values.get("unit").cloned().unwrap_or_default();
        let stem = safe_file_name(
            &[unit.as_str(), name.as_str()]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join("-"),
        );
        let stem = if stem.is_empty() {
            fallback.to_string()
        } else {
            stem
        };
        let count = self.taken.entry(stem.clone()).or_insert(0);
        *count += 1;
        if *count == 1 {
            format!("{stem}.pdf")
        } else {
            format!("{stem}-{count}.pdf")
        }
    }
}

/// A date as year, month and day without leading zeros: three groups of digits, the year of four
/// (2025-10-20, 2025年10月20日); `None` otherwise.
fn split_date(text: &str) -> Option<(String, String, String)> {
    let parts: Vec<&str> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .collect();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 && m.len() <= 2 && d.len() <= 2 => Some((
            y.to_string(),
            m.trim_start_matches('0').to_string(),
            d.trim_start_matches('0').to_string(),
        )),
        _ => None,
    }
}
