//! A returned spreadsheet as a grid of texts: an `.xlsx` workbook (the roster template, or an Excel or
//! WPS copy of it; every worksheet) read with bounded decompression and a bounded number of cells
//! (`results::limits`), or a CSV file in UTF-8 or GBK (decoded as `forms --fill` does).

use crate::i18n::Text;
use crate::msg;
use crate::results::limits::{self, Budget};
use crate::results::read::Cell;
use jiff::ToSpan;
use jiff::civil::Date;

/// One worksheet (or the CSV file) as rows of texts, row 0 first; every cell trimmed.
#[derive(Debug, Clone, Default)]
pub(super) struct Grid {
    /// The worksheet's name; `None` for CSV.
    pub sheet: Option<String>,
    /// The rows, each as wide as its last value.
    pub rows: Vec<Vec<String>>,
}

/// The worksheets of a workbook, or why it cannot be read: (what is wrong, what to do).
pub(super) fn xlsx(bytes: &[u8]) -> Result<Vec<Grid>, (Text, Text)> {
    use calamine::{Data, Reader, Xlsx};
    limits::check_zip(bytes)?;
    let unreadable = |e: String| {
        (
            msg!("roster-xlsx-unreadable", error = e),
            msg!("roster-xlsx-unreadable-help"),
        )
    };
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| unreadable(e.to_string()))?;
    let mut budget = Budget::default();
    let mut grids = Vec::new();
    for name in workbook.sheet_names() {
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut reader = workbook
            .worksheet_cells_reader(&name)
            .map_err(|e| unreadable(e.to_string()))?;
        while let Some(found) = reader.next_cell().map_err(|e| unreadable(e.to_string()))? {
            let (row, col) = found.get_position();
            let (row, col) = (row as usize, col as usize);
            let text = match Data::from(found.get_value().clone()) {
                Data::Empty => continue,
                Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => {
                    s.trim().to_string()
                }
                Data::Int(i) => i.to_string(),
                Data::Float(f) => number_text(f),
                Data::Bool(b) => if b { "TRUE" } else { "FALSE" }.to_string(),
                Data::DateTime(dt) => serial_date(dt.as_f64()),
                Data::Error(e) => format!("#{e}"),
            };
            if text.is_empty() {
                continue;
            }
            budget
                .admit(row, col, &Cell::Text(text.clone()))
                .map_err(Over::explain)?;
            if rows.len() <= row {
                rows.resize(row + 1, Vec::new());
            }
            let cells = &mut rows[row];
            if cells.len() <= col {
                cells.resize(col + 1, String::new());
            }
            cells[col] = text;
        }
        grids.push(Grid {
            sheet: Some(name),
            rows,
        });
    }
    Ok(grids)
}

use limits::Over;

/// A CSV file (UTF-8 with or without BOM, or GBK; commas or tabs) as one grid.
pub(super) fn csv(bytes: &[u8]) -> Result<Grid, (Text, Text)> {
    let text = crate::pdf::roster::decode(bytes);
    let tabs = text
        .lines()
        .next()
        .is_some_and(|l| l.contains('\t') && !l.contains(','));
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(if tabs { b'\t' } else { b',' })
        .from_reader(text.as_bytes());
    let mut budget = Budget::default();
    let mut rows = Vec::new();
    for (row, record) in reader.records().enumerate() {
        let record = record.map_err(|e| {
            (
                msg!(
                    "roster-csv-unreadable",
                    row = row + 1,
                    error = e.to_string()
                ),
                msg!("roster-csv-unreadable-help"),
            )
        })?;
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
        for (col, cell) in cells.iter().enumerate().filter(|(_, c)| !c.is_empty()) {
            budget
                .admit(row, col, &Cell::Text(cell.clone()))
                .map_err(Over::explain)?;
        }
        rows.push(cells);
    }
    Ok(Grid { sheet: None, rows })
}

/// A number cell as typed: an integer without `.0`; other numbers as their shortest text.
fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

/// A date cell (days since 30 December 1899) as `2025-10-20`.
fn serial_date(days: f64) -> String {
    if !(1.0..=2_958_465.0).contains(&days) {
        return number_text(days);
    }
    Date::constant(1899, 12, 30)
        .checked_add((days.floor() as i64).days())
        .map_or_else(|_| number_text(days), |d| d.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_dates_as_typed() {
        assert_eq!(number_text(13800138000.0), "13800138000");
        assert_eq!(number_text(1.5), "1.5");
        assert_eq!(serial_date(45950.0), "2025-10-20");
    }

    #[test]
    fn gbk_csv_is_read() {
        let (bytes, _, _) = encoding_rs::GBK.encode("姓名,身份证号\n张三,12010119900102123X\n");
        let grid = csv(&bytes).unwrap();
        assert_eq!(grid.rows[1], ["张三", "12010119900102123X"]);
    }
}
