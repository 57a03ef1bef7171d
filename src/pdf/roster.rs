//! `jingsai forms --fill roster.csv`: one pre-filled form per row of a roster (UTF-8 or GBK CSV).
//!
//! The column headers are the labels printed on the form (姓名, 身份证号, ...); 赛项, 参赛组别 and 性别 tick
//! the check box of the option named in the cell; 填表日期 takes a date (2025-10-20 or 2025年10月20日).

use super::labels::FormLabels;
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

/// Reads a roster for `kind`; every problem names its row and column.
pub fn read(
    path: &Path,
    text: &str,
    kind: FormKind,
    contest: &Contest,
) -> Result<Vec<FilledRow>, Problems> {
    let labels = FormLabels::of(kind, contest);
    let shown = path.display();
    let mut problems = Problems::default();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|s| s.trim().to_string()).collect(),
        Err(e) => {
            return Err(Problems(vec![Problem::general(
                None,
                format!("`{shown}`: cannot read the header row: {e}"),
            )]));
        }
    };
    enum Column<'a> {
        Text(&'a str),
        Choice(&'a super::labels::Choice),
        Date(&'a str),
    }
    let mut columns: Vec<Option<Column>> = Vec::new();
    for (i, header) in headers.iter().enumerate() {
        let column = if let Some((field, _)) = labels.text.iter().find(|(_, label)| label == header)
        {
            Some(Column::Text(field.as_str()))
        } else if let Some(choice) = labels.choices.iter().find(|c| c.header == header) {
            Some(Column::Choice(choice))
        } else if let Some(date) = labels.dates.iter().find(|d| d.header == header) {
            Some(Column::Date(date.prefix))
        } else {
            let mut known: Vec<&str> = labels.text.iter().map(|(_, l)| l.as_str()).collect();
            known.extend(labels.choices.iter().map(|c| c.header));
            known.extend(labels.dates.iter().map(|d| d.header));
            problems.push(
                Problem::general(
                    None,
                    format!(
                        "`{shown}` row 1, column {}: `{header}` is not a field of the form",
                        i + 1
                    ),
                )
                .with_help(format!(
                    "use the labels printed on the form: {}",
                    known.join("、")
                )),
            );
            None
        };
        columns.push(column);
    }
    if !headers.iter().any(|h| h == "姓名") {
        problems.push(
            Problem::general(None, format!("`{shown}` row 1: there is no 姓名 column"))
                .with_help("add a 姓名 column; files are named by unit and name"),
        );
    }
    let mut rows = Vec::new();
    let mut names_taken: HashMap<String, usize> = HashMap::new();
    for (index, record) in reader.records().enumerate() {
        let row = index + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.push(Problem::general(None, format!("`{shown}` row {row}: {e}")));
                continue;
            }
        };
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
        if let Some(id) = values.get("id-number") {
            if id.chars().count() != 18 {
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
        let count = names_taken.entry(stem.clone()).or_insert(0);
        *count += 1;
        let file_name = if *count == 1 {
            format!("{stem}.pdf")
        } else {
            format!("{stem}-{count}.pdf")
        };
        rows.push(FilledRow { file_name, values });
    }
    if problems.has_errors() {
        return Err(problems);
    }
    Ok(rows)
}

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
pub fn safe_file_name(text: &str) -> String {
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
