//! Reading CSV (or tab-separated) text: its encoding (UTF-8, UTF-16, or GBK as Excel on Chinese Windows
//! writes it), its delimiter, and its cells, counted against the limits as they are read.

use super::layout::Layout;
use super::limits::Budget;
use super::read::{Cell, Kind, Sheet, column_letter, text_cell};
use super::table::{dense, finish, table};
use crate::diagnostics::{Problem, Problems, SourceFile};
use crate::msg;
use std::path::Path;

/// Decodes CSV bytes: UTF-8 with or without a byte-order mark, UTF-16 with one, or else GBK (GB18030),
/// as Excel writes CSV on Chinese Windows.
pub fn decode(bytes: &[u8]) -> Option<(String, &'static str)> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8(rest.to_vec()).ok().map(|t| (t, "UTF-8"));
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let (text, encoding, errors) = encoding_rs::UTF_16LE.decode(bytes);
        return (!errors).then(|| (text.into_owned(), encoding.name()));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Some((text.to_string(), "UTF-8"));
    }
    let (text, errors) = encoding_rs::GBK.decode_without_bom_handling(bytes);
    (!errors).then(|| (text.into_owned(), "GBK"))
}

/// Reads CSV bytes.
pub fn read_csv(bytes: &[u8], shown: &Path, layout: &Layout) -> Result<Sheet, Problems> {
    let file = SourceFile::new(shown, "");
    let Some((text, encoding)) = decode(bytes) else {
        return Err(Problems(vec![
            Problem::general(Some(&file), msg!("results-csv-encoding"))
                .with_help(msg!("results-csv-encoding-help")),
        ]));
    };
    let first_line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let count = |c: char| first_line.matches(c).count();
    let delimiter = if count('\t') > count(',') && count('\t') >= count(';') {
        b'\t'
    } else if count(';') > count(',') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    // Only the cells with a value are kept, counted (a line of a million commas is refused at its
    // first cell past column IV, not read as a million empty cells).
    let mut rows: Vec<(usize, Vec<(usize, Cell)>)> = Vec::new();
    let mut problems = Problems::default();
    let mut budget = Budget::default();
    for (index, record) in reader.records().enumerate() {
        let mut cells = Vec::new();
        match record {
            Ok(record) => {
                for (col, field) in record.iter().enumerate() {
                    let cell = text_cell(field);
                    if cell.is_empty() {
                        continue;
                    }
                    if let Err(over) = budget.admit(index, col, &cell) {
                        let (message, help) = over.explain();
                        problems.push(
                            Problem::general(
                                Some(&file),
                                msg!(
                                    "results-csv-cell-over",
                                    row = (index + 1).to_string(),
                                    column = column_letter(col),
                                    message
                                ),
                            )
                            .with_help(help),
                        );
                        return Err(problems);
                    }
                    cells.push((col, cell));
                }
            }
            Err(e) => {
                problems.push(Problem::general(
                    Some(&file),
                    msg!(
                        "results-csv-row-unreadable",
                        row = (index + 1).to_string(),
                        error = e.to_string()
                    ),
                ));
            }
        }
        if !cells.is_empty() {
            rows.push((index, cells));
        }
    }
    let kind = Kind::Csv { encoding };
    let sheet = table(
        file,
        kind,
        layout,
        rows.into_iter().map(|(index, cells)| (index, dense(cells))),
        &mut problems,
    );
    finish(sheet, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings() {
        let (gbk, _, _) = encoding_rs::GBK.encode("姓名,参赛单位\n张三,天津\n");
        assert_eq!(
            decode(&gbk).unwrap(),
            ("姓名,参赛单位\n张三,天津\n".into(), "GBK")
        );
        let bom = [b"\xEF\xBB\xBF".as_slice(), "姓名".as_bytes()].concat();
        assert_eq!(decode(&bom).unwrap(), ("姓名".into(), "UTF-8"));
        assert!(decode(b"\xFF\xFF\xFF").is_none());
    }
}
