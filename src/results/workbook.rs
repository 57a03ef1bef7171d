//! Reading an `.xlsx` workbook with bounded memory: the zip is checked before calamine opens it
//! ([`limits::check_zip`]), the cells are kept sparse (only those with a value, by row) and counted
//! ([`limits::Budget`]), and a row becomes a dense list of cells only when `table::table` takes it,
//! one at a time, never wider than [`limits::COLUMNS`].

use super::layout::Layout;
use super::limits::{self, Budget};
use super::read::{Cell, Kind, Sheet, column_letter, sheet_ref, text_cell};
use super::table::{self, dense};
use crate::diagnostics::{Problem, Problems, SourceFile};
use crate::i18n::{Text, comma_list};
use crate::msg;
use std::collections::BTreeMap;
use std::path::Path;

/// The rows and columns an Excel worksheet can have.
const XLSX_ROWS: usize = 1_048_576;
const XLSX_COLUMNS: usize = 16_384;

/// The cells with a value of each row that has any: (0-based column, cell).
type SparseRows = BTreeMap<usize, Vec<(usize, Cell)>>;

/// Reads an `.xlsx` workbook: the worksheet named `sheet`, or the first one.
pub fn read_xlsx(
    bytes: &[u8],
    shown: &Path,
    layout: &Layout,
    sheet: Option<&str>,
) -> Result<Sheet, Problems> {
    use calamine::{Reader, Xlsx};
    let file = SourceFile::new(shown, "");
    let fail = |message: Text, help: Text| {
        Problems(vec![Problem::general(Some(&file), message).with_help(help)])
    };
    limits::check_zip(bytes).map_err(|(message, help)| fail(message, help))?;
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| {
            fail(
                msg!("results-workbook-unreadable", error = e.to_string()),
                msg!("results-workbook-resave-help"),
            )
        })?;
    let names = workbook.sheet_names();
    let name = match sheet {
        Some(wanted) => names
            .iter()
            .find(|n| n.trim() == wanted.trim())
            .cloned()
            .ok_or_else(|| {
                fail(
                    msg!(
                        "results-workbook-no-such-sheet",
                        wanted,
                        sheets = comma_list(&names)
                    ),
                    msg!("results-workbook-no-such-sheet-help"),
                )
            })?,
        None => names.first().cloned().ok_or_else(|| {
            fail(
                msg!("results-workbook-no-sheet"),
                msg!("results-workbook-no-sheet-help"),
            )
        })?,
    };
    let mut budget = Budget::default();
    let mut rows = cells(&mut workbook, &name, &mut budget).map_err(|e| match e {
        Refused::Damaged(e) => fail(
            msg!("results-worksheet-unreadable", name = &name, error = e),
            msg!("results-workbook-resave-help"),
        ),
        Refused::Over(row, col, over) => {
            let (message, help) = over.explain();
            let place = format!("{}!{}{}", sheet_ref(&name), column_letter(col), row + 1);
            fail(msg!("results-at", place, message), help)
        }
    })?;
    if let Ok(regions) = workbook.merge_cells_by_sheet_name(&name) {
        let spans = regions.iter().map(|r| {
            (
                (r.start.0 as usize, r.start.1 as usize),
                (r.end.0 as usize, r.end.1 as usize),
            )
        });
        if let Err((row, col, over)) = merge(&mut rows, spans, &mut budget) {
            let (message, help) = over.explain();
            let place = format!("{}!{}{}", sheet_ref(&name), column_letter(col), row + 1);
            return Err(fail(msg!("results-at-merged", place, message), help));
        }
    }
    let mut problems = Problems::default();
    let sheet = table::table(
        file,
        Kind::Xlsx { sheet: name },
        layout,
        rows.into_iter().map(|(row, cells)| (row, dense(cells))),
        &mut problems,
    );
    table::finish(sheet, problems)
}

/// Why the cells of a worksheet were not read.
enum Refused {
    /// calamine could not read it, or it names a cell no worksheet can have.
    Damaged(String),
    /// The cell at 0-based (row, column) is over a limit.
    Over(usize, usize, limits::Over),
}

/// The cells with a value, one by one, kept by row: a damaged or hostile workbook can name a cell far
/// away (or a reference calamine wraps round), and a dense grid up to it would not fit in memory.
fn cells<RS: std::io::Read + std::io::Seek>(
    workbook: &mut calamine::Xlsx<RS>,
    name: &str,
    budget: &mut Budget,
) -> Result<SparseRows, Refused> {
    use calamine::Data;
    let value = |data: Data| match data {
        Data::Empty => Cell::Empty,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => text_cell(&s),
        Data::Int(i) => Cell::Number(i.to_string()),
        Data::Float(f) => Cell::Number(format!("{f}")),
        Data::Bool(b) => Cell::Text(if b { "TRUE" } else { "FALSE" }.into()),
        Data::DateTime(dt) => Cell::Duration(dt.as_f64() * 86_400.0),
        Data::Error(e) => Cell::Error(e.to_string()),
    };
    let damaged = |e: calamine::XlsxError| Refused::Damaged(e.to_string());
    let mut rows = SparseRows::new();
    let mut reader = workbook.worksheet_cells_reader(name).map_err(damaged)?;
    while let Some(found) = reader.next_cell().map_err(damaged)? {
        let (row, col) = found.get_position();
        let (row, col) = (row as usize, col as usize);
        if row >= XLSX_ROWS || col >= XLSX_COLUMNS {
            return Err(Refused::Damaged(format!(
                "it has a cell at row {}, column {}, beyond the last row ({XLSX_ROWS}) or column ({XLSX_COLUMNS}) a worksheet can have",
                row + 1,
                col + 1
            )));
        }
        let cell = value(Data::from(found.get_value().clone()));
        if cell.is_empty() {
            continue;
        }
        budget
            .admit(row, col, &cell)
            .map_err(|over| Refused::Over(row, col, over))?;
        let cells = rows.entry(row).or_default();
        match cells.iter_mut().find(|(c, _)| *c == col) {
            Some(slot) => slot.1 = cell,
            None => cells.push((col, cell)),
        }
    }
    Ok(rows)
}

/// Staff often merge the cells of a track or a unit down its rows: every cell of a merged region takes
/// the value of its top-left cell (in the rows that have cells, and the columns in use). Every cell a
/// region covers there is counted against the budget, filled or not, so that many large regions cannot
/// make the work (or the cells) grow without bound. `Err` names the first cell over the limit.
fn merge(
    rows: &mut SparseRows,
    regions: impl Iterator<Item = ((usize, usize), (usize, usize))>,
    budget: &mut Budget,
) -> Result<(), (usize, usize, limits::Over)> {
    let width = rows
        .values()
        .flat_map(|cells| cells.iter().map(|(c, _)| c + 1))
        .max()
        .unwrap_or(0);
    for ((r0, c0), (r1, c1)) in regions {
        if r1 < r0 || c1 < c0 || c0 >= width {
            continue;
        }
        let Some(value) = rows
            .get(&r0)
            .and_then(|cells| cells.iter().find(|(c, _)| *c == c0))
            .map(|(_, cell)| cell.clone())
        else {
            continue;
        };
        let last = c1.min(width - 1);
        for (&row, cells) in rows.range_mut(r0..=r1) {
            for col in c0..=last {
                budget.touch().map_err(|over| (row, col, over))?;
                if !cells.iter().any(|(c, _)| *c == col) {
                    budget
                        .admit(row, col, &value)
                        .map_err(|over| (row, col, over))?;
                    cells.push((col, value.clone()));
                }
            }
        }
    }
    Ok(())
}
