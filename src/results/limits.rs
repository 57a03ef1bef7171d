//! Bounds on what an untrusted results file can make the reader allocate.
//!
//! A score sheet comes from whoever hands it in, so its size is never trusted: a 27 KB workbook with one
//! cell at column XFD in each of 5,000 rows, or a 1.2 MB zip whose sheet inflates ~1000:1, must be
//! refused with a message, not read into gigabytes. The limits are far above any real results sheet (a
//! contest of 10,000 contestants is a few MB of sheet XML, a dozen columns wide):
//!
//! - a workbook is checked as a zip before calamine opens it ([`check_zip`]): each entry is inflated
//!   through a reader that stops one byte past the limit, so a header that lies about the size is caught
//!   too;
//! - the cells kept while reading are counted ([`Budget`]): columns, rows, cells and text bytes, and
//!   reading stops at the first cell over a limit, which the error names.

use super::read::Cell;
use crate::i18n::Text;
use crate::msg;
use std::io::Read;

const MIB: u64 = 1024 * 1024;

/// The widest sheet: columns A to IV.
pub const COLUMNS: usize = 256;
/// The longest sheet, in rows (the header and title rows count).
pub const ROWS: usize = 200_000;
/// The most cells with a value kept (and the most cells merged regions may cover).
pub const CELLS: usize = 2_000_000;
/// The most text kept, over all cells.
pub const TEXT_BYTES: usize = 64 * MIB as usize;
/// The largest entry of a workbook, inflated.
pub const ZIP_ENTRY_BYTES: u64 = 64 * MIB;
/// All entries of a workbook together, inflated.
pub const ZIP_TOTAL_BYTES: u64 = 256 * MIB;
/// The highest inflated-to-stored ratio of an entry over [`ZIP_RATIO_FROM`] bytes; office files stay
/// far below it.
pub const ZIP_RATIO: u64 = 200;
/// Entries up to this size may have any ratio (a small XML file of repeated markup compresses well).
pub const ZIP_RATIO_FROM: u64 = MIB;
/// The most entries a workbook may have.
pub const ZIP_ENTRIES: usize = 10_000;

/// `64 MiB`.
pub fn size(bytes: u64) -> String {
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= MIB {
        format!("{:.1} MiB", bytes as f64 / MIB as f64)
    } else {
        format!("{bytes} bytes")
    }
}

/// Checks a workbook as a zip: entry count, inflated size of each entry and of all, ratio. Every entry
/// is inflated (into nothing) through a bounded reader, so the sizes checked are the real ones.
/// `Err` is the message and the help.
pub fn check_zip(bytes: &[u8]) -> Result<(), (Text, Text)> {
    let resave = || msg!("results-workbook-resave-help");
    let unreadable = |e: zip::result::ZipError| {
        (
            msg!("results-workbook-unreadable", error = e.to_string()),
            resave(),
        )
    };
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(unreadable)?;
    if archive.len() > ZIP_ENTRIES {
        return Err((
            msg!(
                "results-zip-entries",
                parts = archive.len().to_string(),
                max = ZIP_ENTRIES.to_string()
            ),
            resave(),
        ));
    }
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).map_err(unreadable)?;
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        let stored = entry.compressed_size().max(1);
        let too_big = |inflated: Text| {
            (
                msg!(
                    "results-zip-part-too-big",
                    name = &name,
                    inflated,
                    limit = size(ZIP_ENTRY_BYTES)
                ),
                msg!("results-zip-part-too-big-help"),
            )
        };
        if entry.size() > ZIP_ENTRY_BYTES {
            return Err(too_big(size(entry.size()).into()));
        }
        let inflated = std::io::copy(
            &mut (&mut entry).take(ZIP_ENTRY_BYTES + 1),
            &mut std::io::sink(),
        )
        .map_err(|e| {
            (
                msg!(
                    "results-zip-part-unreadable",
                    name = &name,
                    error = e.to_string()
                ),
                resave(),
            )
        })?;
        if inflated > ZIP_ENTRY_BYTES {
            return Err(too_big(msg!(
                "results-more-than",
                limit = size(ZIP_ENTRY_BYTES)
            )));
        }
        if inflated > ZIP_RATIO_FROM && inflated / stored > ZIP_RATIO {
            return Err((
                msg!(
                    "results-zip-ratio",
                    name = &name,
                    ratio = (inflated / stored).to_string(),
                    inflated = size(inflated),
                    stored = size(stored),
                    max = ZIP_RATIO.to_string()
                ),
                resave(),
            ));
        }
        total += inflated;
        if total > ZIP_TOTAL_BYTES {
            return Err((
                msg!("results-zip-total", limit = size(ZIP_TOTAL_BYTES)),
                msg!("results-keep-only-results-help"),
            ));
        }
    }
    Ok(())
}

/// Which limit a cell is over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Over {
    /// Beyond column IV.
    Columns,
    /// Beyond row 200,000.
    Rows,
    /// One cell too many.
    Cells,
    /// Too much text.
    Text,
}

impl Over {
    /// What is wrong (to follow the place of the cell) and what to do.
    pub fn explain(self) -> (Text, Text) {
        match self {
            Over::Columns => (
                msg!(
                    "results-over-columns",
                    last = super::read::column_letter(COLUMNS - 1),
                    max = COLUMNS.to_string()
                ),
                msg!("results-over-columns-help"),
            ),
            Over::Rows => (
                msg!("results-over-rows", max = ROWS.to_string()),
                msg!("results-over-rows-help"),
            ),
            Over::Cells => (
                msg!("results-over-cells", max = CELLS.to_string()),
                msg!("results-sheet-only-results-help"),
            ),
            Over::Text => (
                msg!("results-over-text", max = size(TEXT_BYTES as u64)),
                msg!("results-sheet-only-results-help"),
            ),
        }
    }
}

/// What has been kept so far; every kept cell is admitted first.
#[derive(Debug, Default)]
pub struct Budget {
    cells: usize,
    text: usize,
    covered: usize,
}

impl Budget {
    /// Admits a cell at the 0-based `row` and `col`, or says which limit it is over.
    pub fn admit(&mut self, row: usize, col: usize, cell: &Cell) -> Result<(), Over> {
        if col >= COLUMNS {
            return Err(Over::Columns);
        }
        if row >= ROWS {
            return Err(Over::Rows);
        }
        self.cells += 1;
        if self.cells > CELLS {
            return Err(Over::Cells);
        }
        self.text += match cell {
            Cell::Text(t) | Cell::Number(t) | Cell::Error(t) => t.len(),
            Cell::Empty | Cell::Duration(_) => 0,
        };
        if self.text > TEXT_BYTES {
            return Err(Over::Text);
        }
        Ok(())
    }

    /// Counts one cell covered by a merged region, filled or not: the work of filling is bounded too.
    pub fn touch(&mut self) -> Result<(), Over> {
        self.covered += 1;
        if self.covered > CELLS {
            return Err(Over::Cells);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budget() {
        let mut budget = Budget::default();
        let cell = Cell::Text("张三".into());
        assert_eq!(budget.admit(0, 0, &cell), Ok(()));
        assert_eq!(budget.admit(0, COLUMNS, &cell), Err(Over::Columns));
        assert_eq!(budget.admit(ROWS, 0, &cell), Err(Over::Rows));
        let long = Cell::Text("a".repeat(TEXT_BYTES));
        assert_eq!(budget.admit(1, 0, &long), Err(Over::Text));
    }

    #[test]
    fn sizes() {
        assert_eq!(size(64 * MIB), "64 MiB");
        assert_eq!(size(1000), "1000 bytes");
        assert_eq!(size(1 << 30 | 12345), "1024.0 MiB");
    }
}
