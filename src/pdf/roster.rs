//! `jingsai forms --fill roster.csv`: one pre-filled form per row of a roster (UTF-8 or GBK CSV).
//!
//! The column headers are the labels printed on the form (姓名, 身份证号, ...); 赛项, 参赛组别 and 性别 tick
//! the check box of the option named in the cell; 填表日期 takes a date (2025-10-20 or 2025年10月20日).

use super::labels::{Choice, FormLabels};
use crate::diagnostics::{Problem, Problems};
use crate::model::{Contest, FormKind};
use std::collections::HashMap;
use std::path::Path;

/// One row of the roster as field values, with the name of the file it becomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilledRow {
    /// `<unit>-<name>.pdf`, made safe for every file system.
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

/// Reads a roster for `kind`: the header row names the fields, each further row becomes one filled form.
/// Every problem names its row and column; with any, no row is given.
pub fn read(
    path: &Path,
    text: &str,
    kind: FormKind,
    contest: &Contest,
) -> Result<Vec<FilledRow>, Problems> {
    let labels = FormLabels::of(kind, contest);
    let shown = path.display().to_string();
    let mut problems = Problems::default();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = header_row(&mut reader, &shown)?;
    let columns = match_columns(&headers, &labels, &shown, &mut problems);
    let mut rows = Vec::new();
    let mut file_names = FileNames::default();
    for (index, record) in reader.records().enumerate() {
        let row = index + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.push(Problem::general(None, format!("`{shown}` row {row}: {e}")));
                continue;
            }
        };
        let values = row_values(&record, &columns, row, &shown, &mut problems);
        check_id_number(&values, row, &shown, &mut problems);
        let file_name = file_names.next(&values, row);
        rows.push(FilledRow { file_name, values });
    }
    if problems.has_errors() {
        return Err(problems);
    }
    Ok(rows)
}

/// What a column of the roster fills, found by its header.
enum Column<'a> {
    /// A text field, by its field name.
    Text(&'a str),
    /// A group of check boxes, one ticked by the option named in the cell.
    Choice(&'a Choice),
    /// A date split over the `-year`, `-month` and `-day` fields of this prefix.
    Date(&'a str),
}

/// The header row, each header trimmed.
fn header_row(reader: &mut csv::Reader<&[u8]>, shown: &str) -> Result<Vec<String>, Problems> {
    match reader.headers() {
        Ok(h) => Ok(h.iter().map(|s| s.trim().to_string()).collect()),
        Err(e) => Err(Problems(vec![Problem::general(
            None,
            format!("`{shown}`: cannot read the header row: {e}"),
        )])),
    }
}

/// What each column fills (`None` for a header that is no label of the form, a problem); a roster
/// without a 姓名 column is a problem too, since files are named by it.
fn match_columns<'a>(
    headers: &[String],
    labels: &'a FormLabels,
    shown: &str,
    problems: &mut Problems,
) -> Vec<Option<Column<'a>>> {
    let mut columns: Vec<Option<Column>> = Vec::new();
    for (i, header) in headers.iter().enumerate() {
        // A column is named by the label printed on the form (姓名) or by the field's id (`name`).
        let column = if let Some((field, _)) = labels
            .text
            .iter()
            .find(|(field, label)| label == header || field == header)
        {
            Some(Column::Text(field.as_str()))
        } else if let Some(choice) = labels
            .choices
            .iter()
            .find(|c| c.header == header || c.id == header)
        {
            Some(Column::Choice(choice))
        } else if let Some(date) = labels
            .dates
            .iter()
            .find(|d| d.header == header || d.prefix == header)
        {
            Some(Column::Date(date.prefix))
        } else {
            let mut known: Vec<&str> = labels.text.iter().map(|(_, l)| l.as_str()).collect();
            known.extend(labels.choices.iter().map(|c| c.header));
            known.extend(labels.dates.iter().map(|d| d.header));
            let mut ids: Vec<&str> = labels.text.iter().map(|(f, _)| f.as_str()).collect();
            ids.extend(labels.choices.iter().map(|c| c.id));
            ids.extend(labels.dates.iter().map(|d| d.prefix));
            problems.push(
                Problem::general(
                    None,
                    format!(
                        "`{shown}` row 1, column {}: `{header}` is not a field of the form",
                        i + 1
                    ),
                )
                .with_help(format!(
                    "use the labels printed on the form: {}; or the field ids: {}",
                    known.join("、"),
                    ids.join(", ")
                )),
            );
            None
        };
        columns.push(column);
    }
    if !headers.iter().any(|h| h == "姓名" || h == "name") {
        problems.push(
            Problem::general(None, format!("`{shown}` row 1: there is no 姓名 column"))
                .with_help("add a 姓名 (or `name`) column; files are named by unit and name"),
        );
    }
    columns
}

/// The field values of one row: a text cell as it is, a choice as its ticked check box, a date as its
/// three parts. Empty cells are skipped; a choice or date that cannot be read is a problem.
fn row_values(
    record: &csv::StringRecord,
    columns: &[Option<Column<'_>>],
    row: usize,
    shown: &str,
    problems: &mut Problems,
) -> HashMap<String, String> {
    let mut values = HashMap::new();
    for (i, cell) in record.iter().enumerate() {
        let cell = cell.trim();
        if cell.is_empty() {
            continue;
        }
        match columns.get(i).and_then(Option::as_ref) {
            Some(Column::Text(field)) => {
                values.insert(field.to_string(), cell.to_string());
            }
            Some(Column::Choice(choice)) => match choice.options.iter().find(|(option, _)| option == cell) {
                Some((_, field)) => {
                    values.insert(field.clone(), "Yes".into());
                }
                None => problems.push(
                    Problem::general(None, format!("`{shown}` row {row}, column {} ({}): `{cell}` is not one of the choices", i + 1, choice.header))
                        .with_help(format!("write one of: {}", choice.options.iter().map(|(o, _)| o.as_str()).collect::<Vec<_>>().join("、"))),
                ),
            },
            Some(Column::Date(prefix)) => match split_date(cell) {
                Some((y, m, d)) => {
                    values.insert(format!("{prefix}-year"), y);
                    values.insert(format!("{prefix}-month"), m);
                    values.insert(format!("{prefix}-day"), d);
                }
                None => problems.push(
                    Problem::general(None, format!("`{shown}` row {row}, column {}: `{cell}` is not a date", i + 1))
                        .with_help("write dates as 2025-10-20 or 2025年10月20日"),
                ),
            },
            None => {}
        }
    }
    values
}

/// A 身份证号 that is not 18 characters long is a problem.
fn check_id_number(
    values: &HashMap<String, String>,
    row: usize,
    shown: &str,
    problems: &mut Problems,
) {
    if let Some(id) = values.get("id-number")
        && id.chars().count() != 18
    {
        problems.push(
            Problem::general(
                None,
                format!(
                    "`{shown}` row {row}: the 身份证号 has {} characters, not 18",
                    id.chars().count()
                ),
            )
            .with_help("check the number"),
        );
    }
}

/// The file names given so far, so that two people of the same unit and name get `-2`, `-3`, ...
#[derive(Default)]
struct FileNames {
    taken: HashMap<String, usize>,
}

impl FileNames {
    /// `<unit>-<name>.pdf` for a row (`row-<n>.pdf` when it has neither), numbered when taken already.
    fn next(&mut self, values: &HashMap<String, String>, row: usize) -> String {
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
            format!("row-{row}")
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

/// Removes characters that Windows, macOS or Linux do not allow in file names.
fn safe_file_name(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .collect();
    cleaned.trim_matches(['.', ' ']).to_string()
}
