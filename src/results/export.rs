//! The results as downloads: `results.xlsx` (numbers as numbers) and `results.csv` (UTF-8 with a
//! byte-order mark and CRLF line ends, so Excel on Chinese Windows opens it correctly). Both hold exactly
//! the published columns; both are byte-identical for the same input.

use super::{Entry, ResultTable, Results, validate::Status};
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError,
};

/// The column headers of the downloads.
pub fn headers(results: &Results) -> Vec<String> {
    let mut headers: Vec<String> = ["赛项", "组别", "名次", "姓名", "参赛单位"]
        .into_iter()
        .filter(|h| results.has_groups || *h != "组别")
        .map(String::from)
        .collect();
    headers.extend(results.score_columns.iter().map(|c| c.heading("成绩")));
    if results.has_time {
        headers.push("实操用时".into());
    }
    headers.push("总成绩".into());
    if results.has_awards {
        headers.push("奖项".into());
    }
    headers.push("备注".into());
    headers
}

/// One text row per published entry, in the order of the pages.
pub fn rows(results: &Results) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for table in &results.tables {
        for e in &table.entries {
            let mut row = vec![table.track_name.clone()];
            if results.has_groups {
                row.push(table.group_name.clone());
            }
            row.extend([
                e.rank.map(|r| r.to_string()).unwrap_or_default(),
                e.name.clone(),
                e.unit.clone(),
            ]);
            row.extend(sheet_cells(results, table, &e.score_cells));
            if results.has_time {
                row.push(e.time.clone());
            }
            row.push(e.total.clone());
            if results.has_awards {
                row.push(e.award.clone());
            }
            row.push(e.note.clone());
            rows.push(row);
        }
    }
    rows
}

/// The cells of an entry of `table` in the columns of the whole sheet ([`Results::score_columns`]):
/// its own (`cells`, in the order of the table's columns) where its track has the column, an empty one
/// where it has not.
pub fn sheet_cells<T: Clone + Default>(
    results: &Results,
    table: &ResultTable,
    cells: &[T],
) -> Vec<T> {
    let mut out = vec![T::default(); results.score_columns.len()];
    for (cell, &column) in cells.iter().zip(&table.sheet_columns) {
        out[column] = cell.clone();
    }
    out
}

/// A cell of `results.csv` as written: text that begins with `=`, `+`, `-`, `@`, a tab or a carriage
/// return gets an apostrophe in front (`'=HYPERLINK(…)`), so that Excel and WPS show it as text instead
/// of running it as a formula (CSV injection; this is the OWASP recommendation). Names and units come
/// from an untrusted score sheet, and this CSV is made for Excel.
///
/// Escaped rather than refused: real data begins with these characters (a unit written `-`, a name
/// such as `+1 团队`, a negative number in some column), and refusing would block a correct sheet. The
/// pages and `results.xlsx` keep the text as written: HTML is escaped by the templates, and the
/// workbook stores every text with `write_string`, which Excel never evaluates.
pub fn csv_cell(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// `results.csv`.
pub fn csv(results: &Results) -> Vec<u8> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        let mut write = |row: &[String]| {
            writer
                .write_record(row.iter().map(|cell| csv_cell(cell).into_owned()))
                .expect("writing CSV into memory cannot fail");
        };
        write(&headers(results));
        for row in rows(results) {
            write(&row);
        }
        writer.flush().expect("writing CSV into memory cannot fail");
    }
    out
}

/// `results.xlsx`: the sheet 成绩 with every entry and the sheet 说明 with the rules and the date.
pub fn xlsx(results: &Results, title: &str) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let published = published_datetime(&results.published)?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title(title)
            .set_creation_datetime(&published),
    );
    scores_sheet(workbook.add_worksheet(), results)?;
    about_sheet(workbook.add_worksheet(), results, title)?;
    workbook.save_to_buffer()
}

/// The sheet 成绩: the headers in bold, one row per published entry (numbers as numbers with the kept
/// decimals), frozen header, filter and column widths.
fn scores_sheet(sheet: &mut Worksheet, results: &Results) -> Result<(), XlsxError> {
    let bold = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center);
    let number = Format::new().set_num_format(if results.decimals == 0 {
        "0".to_string()
    } else {
        format!("0.{}", "0".repeat(results.decimals as usize))
    });
    let headers = headers(results);
    sheet.set_name("成绩")?;
    for (col, header) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, header, &bold)?;
    }
    let mut row: u32 = 1;
    for table in &results.tables {
        for e in &table.entries {
            entry_row(sheet, row, results, table, e, &number)?;
            row += 1;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, row.saturating_sub(1).max(1), headers.len() as u16 - 1)?;
    sheet.set_repeat_rows(0, 0)?;
    let widths: Vec<f64> = headers
        .iter()
        .map(|h| match h.as_str() {
            "赛项" => 24.0,
            "参赛单位" => 30.0,
            "备注" => 30.0,
            "组别" => 16.0,
            "姓名" => 12.0,
            "名次" => 6.0,
            _ => 12.0,
        })
        .collect();
    for (col, width) in widths.iter().enumerate() {
        sheet.set_column_width(col as u16, *width)?;
    }
    Ok(())
}

/// Writes the entry `e` of `table` at `row` of the sheet 成绩, in the columns of [`headers`]; an empty
/// text or a missing number leaves its cell blank.
fn entry_row(
    sheet: &mut Worksheet,
    row: u32,
    results: &Results,
    table: &ResultTable,
    e: &Entry,
    number: &Format,
) -> Result<(), XlsxError> {
    let mut col: u16 = 0;
    let text = |sheet: &mut Worksheet, col: &mut u16, value: &str| -> Result<(), XlsxError> {
        if !value.is_empty() {
            sheet.write_string(row, *col, value)?;
        }
        *col += 1;
        Ok(())
    };
    text(sheet, &mut col, &table.track_name)?;
    if results.has_groups {
        text(sheet, &mut col, &table.group_name)?;
    }
    if let Some(rank) = e.rank {
        sheet.write_number(row, col, f64::from(rank))?;
    }
    col += 1;
    text(sheet, &mut col, &e.name)?;
    text(sheet, &mut col, &e.unit)?;
    for value in sheet_cells(results, table, &e.score_cell_values) {
        if let Some(score) = value
            && e.status == Status::Ranked
        {
            sheet.write_number_with_format(row, col, score.to_f64().unwrap_or(0.0), number)?;
        }
        col += 1;
    }
    if results.has_time {
        text(sheet, &mut col, &e.time)?;
    }
    if let Some(total) = e.total_value {
        sheet.write_number_with_format(row, col, total.to_f64().unwrap_or(0.0), number)?;
    }
    col += 1;
    if results.has_awards {
        text(sheet, &mut col, &e.award)?;
    }
    text(sheet, &mut col, &e.note)
}

/// The sheet 说明: the title, the publication date, the rules, why a table has no awards, the note.
fn about_sheet(about: &mut Worksheet, results: &Results, title: &str) -> Result<(), XlsxError> {
    about.set_name("说明")?;
    about.set_column_width(0, 100.0)?;
    let wrap = Format::new().set_text_wrap();
    about.write_string_with_format(0, 0, title, &Format::new().set_bold())?;
    about.write_string(1, 0, format!("公布日期：{}", results.published_chinese))?;
    let mut line = 3;
    about.write_string_with_format(line - 1, 0, "评定规则", &Format::new().set_bold())?;
    for rule in &results.rules {
        about.write_string_with_format(line, 0, rule, &wrap)?;
        line += 1;
    }
    for table in &results.tables {
        if let Some(note) = &table.below_minimum {
            about.write_string_with_format(
                line,
                0,
                format!("{}赛项{}：{note}", table.track_name, table.group_name),
                &wrap,
            )?;
            line += 1;
        }
    }
    if let Some(note) = &results.note {
        about.write_string_with_format(line, 0, note, &wrap)?;
        line += 1;
    }
    if !results.unit_awards.is_empty() {
        line += 1;
        about.write_string_with_format(line, 0, "单位奖项", &Format::new().set_bold())?;
        for award in &results.unit_awards {
            line += 1;
            about.write_string_with_format(line, 0, unit_award_line(award), &wrap)?;
        }
    }
    Ok(())
}

/// An award to units in one line: `优秀组织奖：甲单位、乙单位`.
pub fn unit_award_line(award: &super::UnitAwardView) -> String {
    format!("{}：{}", award.name, award.units.join("、"))
}

/// The publication date `YYYY-MM-DD` as the workbook's creation date.
fn published_datetime(iso: &str) -> Result<ExcelDateTime, XlsxError> {
    let mut parts = iso.split('-').map(|p| p.parse::<u32>().unwrap_or(1));
    let year = parts.next().unwrap_or(2000) as u16;
    let month = parts.next().unwrap_or(1) as u8;
    let day = parts.next().unwrap_or(1) as u8;
    ExcelDateTime::from_ymd(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::csv_cell;

    #[test]
    fn formulas_are_written_as_text() {
        for (text, written) in [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "'=HYPERLINK(\"http://x\",\"y\")",
            ),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("+1+1", "'+1+1"),
            ("-2+3", "'-2+3"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("张三", "张三"),
            ("86.50", "86.50"),
            ("", ""),
        ] {
            assert_eq!(csv_cell(text), written);
        }
    }
}
