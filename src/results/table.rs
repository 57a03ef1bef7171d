//! The header row and the used columns of a CSV file or a worksheet: the header row is found among
//! the first rows, its columns are mapped to fields, and only the cells of those columns are kept.

use super::layout::{Field, Layout};
use super::read::{Cell, Kind, Row, Sheet, column_letter, sheet_ref};
use crate::diagnostics::{Problem, Problems, SourceFile};
use crate::i18n::{Text, comma_list, or_list};
use crate::msg;

/// How many rows from the top are searched for the header row (a title row may come first).
pub const HEADER_SEARCH_ROWS: usize = 20;

/// The cells of a row as a dense list up to its last cell with a value (at most [`super::limits::COLUMNS`]
/// long, as every kept cell was admitted to the budget).
pub(super) fn dense(sparse: Vec<(usize, Cell)>) -> Vec<Cell> {
    let width = sparse.iter().map(|(c, _)| c + 1).max().unwrap_or(0);
    let mut cells = vec![Cell::Empty; width];
    for (col, cell) in sparse {
        cells[col] = cell;
    }
    cells
}

/// Finds the header row among the first rows, maps its columns to fields and keeps the used cells of
/// every later row. `rows` yields 0-based row indexes with their cells.
pub(super) fn table(
    file: SourceFile,
    kind: Kind,
    layout: &Layout,
    rows: impl Iterator<Item = (usize, Vec<Cell>)>,
    problems: &mut Problems,
) -> Option<Sheet> {
    let mut sheet = Sheet {
        file,
        kind,
        fields: Vec::new(),
        rows: Vec::new(),
    };
    let mut header: Option<Vec<usize>> = None;
    for (index, cells) in rows {
        match &header {
            None => {
                if index >= HEADER_SEARCH_ROWS {
                    break;
                }
                let found: Vec<(Field, usize, String)> = cells
                    .iter()
                    .enumerate()
                    .filter_map(|(col, c)| {
                        let text = c.text();
                        layout.field_of(&text).map(|f| (f, col, text))
                    })
                    .collect();
                let mut distinct: Vec<Field> = found.iter().map(|f| f.0).collect();
                distinct.sort();
                distinct.dedup();
                if distinct.len() >= 2 {
                    for (col, cell) in cells.iter().enumerate() {
                        let text = cell.text();
                        if layout.names_unknown_module(&text) {
                            problems.push(unknown_module(&sheet, layout, index + 1, col, &text));
                        }
                    }
                    sheet.fields = columns(&sheet, index + 1, found, layout, problems);
                    header = Some(sheet.fields.iter().map(|f| f.1).collect());
                }
            }
            Some(columns) => {
                let used: Vec<Cell> = columns
                    .iter()
                    .map(|&col| cells.get(col).cloned().unwrap_or(Cell::Empty))
                    .collect();
                if used.iter().all(Cell::is_empty) {
                    continue;
                }
                sheet.rows.push(Row {
                    number: index + 1,
                    cells: used,
                    spans: None,
                });
            }
        }
    }
    if header.is_none() {
        problems.push(no_header(&sheet, layout));
        return None;
    }
    Some(sheet)
}

/// The problem of a file in which no header row was found, naming the required columns.
fn no_header(sheet: &Sheet, layout: &Layout) -> Problem {
    let labels: Vec<&str> = layout
        .fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.label.as_str())
        .collect();
    sheet
        .general(msg!(
            "results-no-header-row",
            rows = HEADER_SEARCH_ROWS.to_string()
        ))
        .with_help(msg!(
            "results-no-header-row-help",
            columns = comma_list(&labels)
        ))
}

/// Where a header cell is: `成绩!E1`, `row 1, column E`.
fn header_place(sheet: &Sheet, row: usize, col: usize) -> Text {
    match &sheet.kind {
        Kind::Xlsx { sheet } => format!("{}!{}{row}", sheet_ref(sheet), column_letter(col)).into(),
        Kind::Csv { .. } => msg!(
            "results-place-csv-header",
            row = row.to_string(),
            column = column_letter(col)
        ),
        Kind::Yaml => msg!("results-place-yaml-key", key = (col + 1).to_string()),
    }
}

/// The problem of a header cell that reads like a module's score column but names no module.
fn unknown_module(sheet: &Sheet, layout: &Layout, row: usize, col: usize, text: &str) -> Problem {
    sheet
        .general(msg!(
            "results-unknown-module-column",
            place = header_place(sheet, row, col),
            header = text.trim()
        ))
        .with_help(msg!(
            "results-unknown-module-column-help",
            modules = comma_list(&layout.module_names)
        ))
}

/// Checks the columns found in the header row: each field once, every required field present.
fn columns(
    sheet: &Sheet,
    row: usize,
    found: Vec<(Field, usize, String)>,
    layout: &Layout,
    problems: &mut Problems,
) -> Vec<(Field, usize, String)> {
    let mut kept: Vec<(Field, usize, String)> = Vec::new();
    let where_ = |col: usize| header_place(sheet, row, col);
    for (field, col, text) in found {
        if let Some((_, first, first_text)) = kept.iter().find(|k| k.0 == field) {
            let label = layout.spec(field).map_or("", |s| s.label.as_str());
            problems.push(
                sheet
                    .general(msg!(
                        "results-second-column",
                        place = where_(col),
                        header = &text,
                        label,
                        first = where_(*first),
                        first_header = first_text
                    ))
                    .with_help(msg!("results-second-column-help")),
            );
            continue;
        }
        kept.push((field, col, text));
    }
    for spec in layout.fields.iter().filter(|f| f.required) {
        if !kept.iter().any(|k| k.0 == spec.field) {
            problems.push(
                sheet
                    .general(msg!(
                        "results-no-column",
                        row = row.to_string(),
                        label = &spec.label
                    ))
                    .with_help(msg!(
                        "results-no-column-help",
                        headers = or_list(&spec.accepted)
                    )),
            );
        }
    }
    for (message, help) in layout.module_gaps(|field| kept.iter().any(|k| k.0 == field)) {
        problems.push(
            sheet
                .general(msg!("results-header-row", row = row.to_string(), message))
                .with_help(help),
        );
    }
    kept
}

/// The sheet when it was read without an error, or else every problem found.
pub(super) fn finish(sheet: Option<Sheet>, problems: Problems) -> Result<Sheet, Problems> {
    match sheet {
        Some(sheet) if !problems.has_errors() => Ok(sheet),
        _ => Err(problems),
    }
}
