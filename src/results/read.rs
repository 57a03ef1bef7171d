//! Reading a results file (`.csv` in UTF-8 or GBK, `.xlsx`, `.yaml`) into rows of the columns that are
//! used, and nothing else: a column that no field names (身份证号, 手机号, …) is dropped while reading and
//! never reaches the model, the pages or the downloads.
//!
//! This file holds what is read (a [`Sheet`] of [`Row`]s of [`Cell`]s) and picks the reader by the
//! file's extension; the readers are `csv_file.rs` (text and its encoding),
//! `workbook.rs` (`.xlsx`) and `yaml_file.rs`; the first two find their header row and
//! used columns in `table.rs`.

use super::layout::{Field, Layout};
use crate::diagnostics::{Problem, Problems, SourceFile};
use crate::i18n::Text;
use crate::msg;
use std::path::Path;

pub use super::csv_file::{decode, read_csv};
pub use super::table::HEADER_SEARCH_ROWS;
pub use super::workbook::read_xlsx;
pub use super::yaml_file::read_yaml;

/// The kind of a results file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// Comma (or tab) separated text; `encoding` is what it was decoded from.
    Csv {
        /// `UTF-8`, `GBK`, `UTF-16LE`, ….
        encoding: &'static str,
    },
    /// An Excel workbook; `sheet` is the worksheet read.
    Xlsx {
        /// The worksheet name.
        sheet: String,
    },
    /// A YAML list of maps keyed by column header.
    Yaml,
}

/// One cell of a used column.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing written.
    Empty,
    /// Text as written, trimmed.
    Text(String),
    /// A number from a spreadsheet cell, as its shortest exact decimal text.
    Number(String),
    /// A time or duration cell from a spreadsheet, in seconds.
    Duration(f64),
    /// An Excel error value such as `#DIV/0!`.
    Error(String),
}

impl Cell {
    /// Whether nothing is written.
    pub fn is_empty(&self) -> bool {
        matches!(self, Cell::Empty)
    }

    /// The cell as text, for messages and for text fields.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) | Cell::Number(t) | Cell::Error(t) => t.clone(),
            Cell::Duration(secs) => {
                let secs = secs.round() as u64;
                format!("{}:{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60)
            }
        }
    }
}

/// A cell of text as written, trimmed of white space and byte-order marks; `Empty` when nothing is left.
pub(super) fn text_cell(text: &str) -> Cell {
    let text = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if text.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(text.to_string())
    }
}

/// One data row: the cells of the used columns, in the order of [`Sheet::fields`].
#[derive(Debug, Clone)]
pub struct Row {
    /// The spreadsheet row number (1-based, the header is a row too), or the entry number in YAML.
    pub number: usize,
    /// One cell per used column.
    pub cells: Vec<Cell>,
    /// YAML only: where the entry and each of its cells are.
    pub spans: Option<Spans>,
}

/// A byte offset and length in a YAML results file.
pub type Span = (usize, usize);

/// Where a YAML entry and its cells are.
#[derive(Debug, Clone)]
pub struct Spans {
    /// The entry (its first key).
    pub entry: Option<Span>,
    /// Each cell, in the order of the cells.
    pub cells: Vec<Option<Span>>,
}

/// The used columns of a results file and its data rows.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// The file, as shown to the user (with its text for YAML, whose problems are located by span).
    pub file: SourceFile,
    /// What kind of file it was.
    pub kind: Kind,
    /// The used columns: field, 0-based column index (or key order in YAML), header as written.
    pub fields: Vec<(Field, usize, String)>,
    /// The data rows, blank rows left out.
    pub rows: Vec<Row>,
}

impl Sheet {
    /// The position of a field among the cells, when the file has that column.
    pub fn index(&self, field: Field) -> Option<usize> {
        self.fields.iter().position(|(f, _, _)| *f == field)
    }

    /// The cell of `field` in `row`, `Empty` when the file has no such column.
    pub fn cell<'a>(&self, row: &'a Row, field: Field) -> &'a Cell {
        const EMPTY: &Cell = &Cell::Empty;
        self.index(field).map_or(EMPTY, |i| &row.cells[i])
    }

    /// Where a row (and optionally one of its columns) is, in words: `row 5, column D (理论成绩)`,
    /// `成绩!D5 (理论成绩)` or `entry 3 (理论成绩)`.
    pub fn place(&self, row: &Row, field: Option<Field>) -> Text {
        let column = field.and_then(|f| self.fields.iter().find(|(g, _, _)| *g == f));
        let number = row.number.to_string();
        match (&self.kind, column) {
            (Kind::Csv { .. }, Some((_, col, header))) => msg!(
                "results-place-csv-cell",
                row = number,
                column = column_letter(*col),
                header
            ),
            (Kind::Csv { .. }, None) => msg!("results-place-csv-row", row = number),
            (Kind::Xlsx { sheet }, Some((_, col, header))) => msg!(
                "results-place-xlsx-cell",
                sheet = sheet_ref(sheet),
                column = column_letter(*col),
                row = number,
                header
            ),
            (Kind::Xlsx { sheet }, None) => {
                msg!(
                    "results-place-xlsx-row",
                    sheet = sheet_ref(sheet),
                    row = number
                )
            }
            (Kind::Yaml, Some((_, _, header))) => {
                msg!("results-place-yaml-cell", row = number, header)
            }
            (Kind::Yaml, None) => msg!("results-place-yaml-row", row = number),
        }
    }

    /// A problem at a row (and optionally a column), its message starting with the place.
    pub fn problem(&self, row: &Row, field: Option<Field>, message: impl Into<Text>) -> Problem {
        let text = msg!(
            "results-at",
            place = self.place(row, field),
            message = message.into()
        );
        let span = row.spans.as_ref().and_then(|spans| {
            field
                .and_then(|f| self.index(f))
                .and_then(|i| spans.cells.get(i).copied().flatten())
                .or(spans.entry)
        });
        match span {
            Some(span) => Problem::at(&self.file, span, text),
            None => Problem::general(Some(&self.file), text),
        }
    }

    /// A problem about the whole file.
    pub fn general(&self, message: impl Into<crate::i18n::Text>) -> Problem {
        Problem::general(Some(&self.file), message)
    }
}

/// `A`, `B`, …, `Z`, `AA`, … for a 0-based column index.
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).expect("ASCII letters")
}

/// A sheet name as written in a cell reference: quoted when it has spaces or punctuation.
pub(super) fn sheet_ref(sheet: &str) -> String {
    if sheet.chars().all(|c| c.is_alphanumeric() || c == '_') {
        sheet.to_string()
    } else {
        format!("'{}'", sheet.replace('\'', "''"))
    }
}

/// Reads the results file at `path` (`shown` is how it is named in messages).
pub fn read_file(
    path: &Path,
    shown: &Path,
    layout: &Layout,
    sheet: Option<&str>,
) -> Result<Sheet, Problems> {
    let bytes = crate::fs::read_input(None, path, crate::fs::Input::Results)
        .map_err(|e| Problems(vec![Problem::from(e)]))?;
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "xlsx" => read_xlsx(&bytes, shown, layout, sheet),
        "yaml" | "yml" => read_yaml(&bytes, shown, layout),
        _ => read_csv(&bytes, shown, layout),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }
}
