//! The spreadsheet template of a form declared with `xlsx: true` (the 报名汇总表): units fill rosters in
//! Excel or WPS rather than in a PDF. One sheet named after the form holds a title, the form's rows
//! above its table as label/input pairs, its notes, the table's column headers and its blank rows; each
//! column checks what is typed (drop-down lists of the contest's tracks and groups from a hidden sheet
//! `lists`, 18 characters for a 身份证号, dates) and keeps ID and phone numbers as text. The same form
//! and contest give byte-identical files.

use crate::model::Contest;
use crate::model::forms::{
    ColumnKind, Content, Form, InputKind, Options, Row, Table, Width, option_list, plain_label,
};
use rust_xlsxwriter::{
    ColNum, ConditionalFormatFormula, DataValidation, DataValidationRule, DocProperties,
    ExcelDateTime, Format, FormatAlign, FormatBorder, Formula, RowNum, Workbook, Worksheet,
    XlsxError, column_number_to_name,
};

/// The font of every cell.
const FONT: &str = "宋体";
/// The font's character set: GB2312, as Excel writes it for 宋体.
const GB2312: u8 = 134;
/// The name of the hidden sheet holding the drop-down lists.
const LISTS: &str = "lists";
/// Rows under the blank rows that still check and format what is typed, for a unit with more entries
/// than the form's rows (they get their borders as soon as something is typed in them).
const MORE_ROWS: u32 = 500;
/// Points per millimetre.
const PT_PER_MM: f64 = 72.0 / 25.4;
/// Screen pixels per millimetre (96 dpi), as Excel measures column widths.
const PX_PER_MM: f64 = 96.0 / 25.4;
/// The narrowest a label of the header block is, in millimetres.
const LABEL_MM: f64 = 30.0;
/// The narrowest an input of the header block is, in millimetres.
const INPUT_MM: f64 = 100.0;

/// The workbook of `form` (which must have a table) for this contest: the sheet named after the form,
/// and the hidden sheet `lists` when a column chooses from the tracks or groups. `title` is the
/// attachment's title; `date` (the notice's) is the workbook's creation date, so that the bytes depend
/// on the input only.
pub(crate) fn template(
    form: &Form,
    contest: &Contest,
    title: &str,
    date: jiff::civil::Date,
) -> Result<Vec<u8>, XlsxError> {
    let table = form
        .table()
        .ok_or_else(|| XlsxError::ParameterError(format!("the form `{}` has no table", form.id)))?;
    let mut workbook = Workbook::new();
    let created =
        ExcelDateTime::from_ymd(date.year() as u16, date.month() as u8, date.day() as u8)?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title(title)
            .set_creation_datetime(&created),
    );
    // 宋体 11 in Chinese Excel: columns of 72 pixels, rows of 18.
    workbook.set_default_format(&base(), 18, 72)?;
    let pairs = pairs(form);
    let kinds = table
        .columns
        .iter()
        .map(|c| &c.kind)
        .chain(pairs.iter().map(|p| &p.kind));
    let lists = Lists::new(kinds, contest);
    let sheet = workbook.add_worksheet();
    sheet.set_name(sheet_name(&form.name, form.id.as_str()))?;
    let layout = Layout {
        form,
        table,
        contest,
        lists: &lists,
        widths: column_widths(form, table),
    };
    layout.write(sheet, &heading(title, contest), &pairs)?;
    lists.write(&mut workbook)?;
    workbook.save_to_buffer()
}

/// The title row: the attachment's title, after the contest's name unless the title names the
/// contest already.
fn heading(title: &str, c: &Contest) -> String {
    let name = &c.contest.name;
    if title.contains(name.as_str()) || title.contains(c.contest.short_name.as_str()) {
        title.to_string()
    } else {
        format!("{name}{title}")
    }
}

/// The form's name as a sheet name: at most 31 characters, without `[]:*?/\` or apostrophes at the
/// ends, and never `lists` (the hidden sheet) or `History` (reserved by Excel); the form's id when
/// nothing is left.
fn sheet_name(name: &str, id: &str) -> String {
    let mut clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .collect();
    clean = clean.trim_matches('\'').trim().to_string();
    if clean.is_empty() {
        clean = id.to_string();
    }
    if clean.eq_ignore_ascii_case(LISTS) || clean.eq_ignore_ascii_case("history") {
        clean.push('表');
    }
    let mut short = String::new();
    for c in clean.chars() {
        if short.encode_utf16().count() + c.len_utf16() > 31 {
            break;
        }
        short.push(c);
    }
    short.trim_end_matches('\'').to_string()
}

/// A label and the input beside it, from the rows above the table: one row of the header block.
struct Pair {
    /// The label (单位名称（盖章）).
    label: String,
    /// What the input holds, as a table column would.
    kind: ColumnKind,
}

/// The label/input pairs of the rows above the table, then 填表日期 when the form prints that line.
/// A photo or a signature box has no place in a spreadsheet and is left out.
fn pairs(form: &Form) -> Vec<Pair> {
    let mut pairs = Vec::new();
    for row in &form.rows {
        let cells = match row {
            Row::Cells(cells) => cells,
            Row::Table(_) => break,
        };
        let mut label = None;
        for cell in cells {
            match &cell.content {
                Content::Label(text) => label = Some(plain_label(text)),
                Content::Input(input) => {
                    let kind = match &input.kind {
                        InputKind::Text { .. } | InputKind::Multiline { .. } => ColumnKind::Text,
                        InputKind::Phone { .. } => ColumnKind::Phone,
                        InputKind::Date => ColumnKind::Date,
                        InputKind::IdNumber { .. } => ColumnKind::IdNumber,
                        InputKind::Choice {
                            options,
                            multiple: false,
                            ..
                        } => ColumnKind::Choice(options.clone()),
                        InputKind::Choice { .. } => ColumnKind::Text,
                        InputKind::Photo { .. } | InputKind::Signature { .. } => continue,
                    };
                    let label = label.take().unwrap_or_else(|| input.label.clone());
                    pairs.push(Pair { label, kind });
                }
            }
        }
    }
    if form.fill_date {
        pairs.push(Pair {
            label: "填表日期".into(),
            kind: ColumnKind::Date,
        });
    }
    pairs
}

/// The width in millimetres of each table column: the grid columns it spans, `fr` columns sharing what
/// the fixed ones leave of the printable width (A4 less 18 mm margins each side).
fn column_widths(form: &Form, table: &Table) -> Vec<f64> {
    let printable = if form.landscape { 297.0 } else { 210.0 } - 36.0;
    let fixed: f64 = form
        .columns
        .iter()
        .map(|w| match w {
            Width::Mm(mm) => *mm,
            Width::Fr(_) => 0.0,
        })
        .sum();
    let shares: f64 = form
        .columns
        .iter()
        .map(|w| match w {
            Width::Fr(fr) => *fr,
            Width::Mm(_) => 0.0,
        })
        .sum();
    let grid: Vec<f64> = form
        .columns
        .iter()
        .map(|w| match w {
            Width::Mm(mm) => *mm,
            Width::Fr(fr) => ((printable - fixed) * fr / shares).max(10.0),
        })
        .collect();
    table
        .columns
        .iter()
        .map(|c| grid.iter().skip(c.x).take(c.colspan).sum::<f64>().max(5.0))
        .collect()
}

/// The drop-down lists on the hidden sheet `lists`, one column each: the tracks, the groups, and fixed
/// options too long (or with commas) for a list written into the validation itself.
struct Lists {
    /// The options and their labels, by column of the sheet.
    columns: Vec<(Options, Vec<String>)>,
}

impl Lists {
    /// The lists the choices among `kinds` need.
    fn new<'k>(kinds: impl Iterator<Item = &'k ColumnKind>, c: &Contest) -> Lists {
        let mut columns: Vec<(Options, Vec<String>)> = Vec::new();
        for kind in kinds {
            let ColumnKind::Choice(options) = kind else {
                continue;
            };
            let labels = labels(options, c);
            if labels.is_empty()
                || inline(options, &labels)
                || columns.iter().any(|(o, _)| o == options)
            {
                continue;
            }
            columns.push((options.clone(), labels));
        }
        Lists { columns }
    }

    /// A drop-down list of `options`, or `None` when there are none to choose from.
    fn validation(
        &self,
        options: &Options,
        c: &Contest,
    ) -> Result<Option<DataValidation>, XlsxError> {
        let labels = labels(options, c);
        if labels.is_empty() {
            return Ok(None);
        }
        let list = match self.columns.iter().position(|(o, _)| o == options) {
            Some(i) => {
                let col = column_number_to_name(i as ColNum);
                DataValidation::new().allow_list_formula(Formula::new(format!(
                    "={LISTS}!${col}$1:${col}${}",
                    labels.len()
                )))
            }
            None => DataValidation::new().allow_list_strings(&labels)?,
        };
        Ok(Some(list))
    }

    /// Adds the hidden sheet `lists`, when a list needs it.
    fn write(&self, workbook: &mut Workbook) -> Result<(), XlsxError> {
        if self.columns.is_empty() {
            return Ok(());
        }
        let sheet = workbook.add_worksheet();
        sheet.set_name(LISTS)?;
        sheet.set_hidden(true);
        for (col, (_, labels)) in self.columns.iter().enumerate() {
            for (row, label) in labels.iter().enumerate() {
                sheet.write_string(row as RowNum, col as ColNum, label)?;
            }
            sheet.set_column_width(col as ColNum, 30)?;
        }
        Ok(())
    }
}

/// The printed labels of the options.
fn labels(options: &Options, c: &Contest) -> Vec<String> {
    option_list(options, c)
        .into_iter()
        .map(|(_, label, _)| label)
        .collect()
}

/// Whether fixed options fit into the validation itself (Excel allows 255 characters, commas included,
/// and no comma inside an option).
fn inline(options: &Options, labels: &[String]) -> bool {
    matches!(options, Options::Fixed(_))
        && !labels.iter().any(|l| l.contains([',', '"']))
        && labels.join(",").encode_utf16().count() <= 255
}

/// What a worksheet is made from.
struct Layout<'a> {
    form: &'a Form,
    table: &'a Table,
    contest: &'a Contest,
    lists: &'a Lists,
    /// The width of each table column, in millimetres.
    widths: Vec<f64>,
}

impl Layout<'_> {
    /// The whole sheet: title, header block, notes, column headers and blank rows, widths, printing.
    fn write(&self, sheet: &mut Worksheet, title: &str, pairs: &[Pair]) -> Result<(), XlsxError> {
        let last = self.last_col();
        for (col, mm) in self.widths.iter().enumerate() {
            sheet.set_column_width_pixels(col as ColNum, (mm * PX_PER_MM).round() as u32)?;
        }
        span(sheet, 0, 0, last, title, &title_format())?;
        sheet.set_row_height(0, 36)?;
        let mut row: RowNum = 1;
        for pair in pairs {
            self.pair_row(sheet, row, pair)?;
            row += 1;
        }
        for note in &self.form.notes {
            span(sheet, row, 0, last, note, &note_format())?;
            sheet.set_row_height(row, self.note_height(note))?;
            row += 1;
        }
        self.table_rows(sheet, row)?;
        self.page_setup(sheet, row)
    }

    /// The last column of the sheet.
    fn last_col(&self) -> ColNum {
        self.widths.len().saturating_sub(1) as ColNum
    }

    /// A row of the header block: the label over the first columns (at least [`LABEL_MM`] wide), then
    /// the bordered input over the next (at least [`INPUT_MM`] wide, within the table's width).
    fn pair_row(&self, sheet: &mut Worksheet, row: RowNum, pair: &Pair) -> Result<(), XlsxError> {
        let n = self.widths.len();
        let mut label_end = 1;
        while label_end + 1 < n && self.widths[..label_end].iter().sum::<f64>() < LABEL_MM {
            label_end += 1;
        }
        let mut input_end = label_end + 1;
        while input_end < n && self.widths[label_end..input_end].iter().sum::<f64>() < INPUT_MM {
            input_end += 1;
        }
        let (label_end, input_end) = (label_end as ColNum, input_end as ColNum);
        span(sheet, row, 0, label_end - 1, &pair.label, &label_format())?;
        span(
            sheet,
            row,
            label_end,
            input_end - 1,
            "",
            &cell_format(&pair.kind),
        )?;
        if let Some(check) = self.validation(&pair.kind, &pair.label)? {
            sheet.add_data_validation(row, label_end, row, label_end, &check)?;
        }
        sheet.set_row_height(row, self.row_height())?;
        Ok(())
    }

    /// The column headers at `header` and the blank rows under them, with the checks of each column.
    fn table_rows(&self, sheet: &mut Worksheet, header: RowNum) -> Result<(), XlsxError> {
        let first = header + 1;
        let last = first + self.table.rows.max(1) - 1;
        sheet.set_row_height(header, self.row_height().max(24.0))?;
        for (col, column) in self.table.columns.iter().enumerate() {
            let col = col as ColNum;
            sheet.write_string_with_format(header, col, &column.label, &header_format())?;
            let format = cell_format(&column.kind);
            for (n, row) in (first..=last).enumerate() {
                if column.kind == ColumnKind::Number {
                    sheet.write_number_with_format(row, col, n as f64 + 1.0, &format)?;
                } else {
                    sheet.write_blank(row, col, &format)?;
                }
            }
            if let Some(check) = self.validation(&column.kind, &column.label)? {
                sheet.add_data_validation(first, col, last + MORE_ROWS, col, &check)?;
            }
            sheet.set_column_format(col, &column_format(&column.kind))?;
        }
        for row in first..=last {
            sheet.set_row_height(row, self.row_height())?;
        }
        // A row typed under the blank rows gets its borders.
        let (from, to) = (
            column_number_to_name(0),
            column_number_to_name(self.last_col()),
        );
        let borders = ConditionalFormatFormula::new()
            .set_rule(format!("=COUNTA(${from}{0}:${to}{0})>0", last + 2).as_str())
            .set_format(Format::new().set_border(FormatBorder::Thin));
        sheet.add_conditional_format(last + 1, 0, last + MORE_ROWS, self.last_col(), &borders)?;
        Ok(())
    }

    /// A4, landscape when the form is, as wide as one page, the column headers on every page, the
    /// panes frozen under them, page numbers in the footer.
    fn page_setup(&self, sheet: &mut Worksheet, header: RowNum) -> Result<(), XlsxError> {
        sheet.set_paper_size(9);
        if self.form.landscape {
            sheet.set_landscape();
        } else {
            sheet.set_portrait();
        }
        sheet.set_print_fit_to_pages(1, 0);
        sheet.set_print_center_horizontally(true);
        sheet.set_footer("&C第 &P 页，共 &N 页");
        sheet.set_repeat_rows(header, header)?;
        sheet.set_freeze_panes(header + 1, 0)?;
        Ok(())
    }

    /// The height of a blank row, in points: the form's row height.
    fn row_height(&self) -> f64 {
        (self.table.row_height.form * PT_PER_MM).max(18.0)
    }

    /// The height of a note's row, in points: its lines at 10 pt across the table's width.
    fn note_height(&self, note: &str) -> f64 {
        let width: f64 = self.widths.iter().sum();
        let per_line = (width / (10.0 / PT_PER_MM)).floor().max(1.0);
        let lines = (note.chars().count() as f64 / per_line).ceil().max(1.0);
        lines * 14.0 + 4.0
    }

    /// The check of what is typed into a column or an input of `kind` named `label`.
    fn validation(
        &self,
        kind: &ColumnKind,
        label: &str,
    ) -> Result<Option<DataValidation>, XlsxError> {
        let title = short(label, 32);
        let check = match kind {
            ColumnKind::Text | ColumnKind::Number | ColumnKind::Phone => return Ok(None),
            ColumnKind::Choice(options) => match self.lists.validation(options, self.contest)? {
                Some(list) => list
                    .set_input_title(&title)?
                    .set_input_message("请从下拉列表中选择")?
                    .set_error_message(short(&format!("请从下拉列表中选择{label}"), 255))?,
                None => return Ok(None),
            },
            ColumnKind::IdNumber => DataValidation::new()
                .allow_text_length(DataValidationRule::EqualTo(18))
                .set_input_title(&title)?
                .set_input_message("18位，末位可为X")?
                .set_error_message("身份证号应为18位")?,
            ColumnKind::Date => DataValidation::new()
                .allow_date(DataValidationRule::Between(
                    ExcelDateTime::from_ymd(1900, 1, 1)?,
                    ExcelDateTime::from_ymd(2100, 12, 31)?,
                ))
                .set_input_title(&title)?
                .set_input_message("日期，如 2025-10-31")?
                .set_error_message("请填写日期，如 2025-10-31")?,
        };
        Ok(Some(check.set_error_title(&title)?))
    }
}

/// Writes `text` over columns `first..=last` of `row`, merged when they are several.
fn span(
    sheet: &mut Worksheet,
    row: RowNum,
    first: ColNum,
    last: ColNum,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    if first >= last {
        sheet.write_string_with_format(row, first, text, format)?;
    } else {
        sheet.merge_range(row, first, row, last, text, format)?;
    }
    Ok(())
}

/// At most `max` UTF-16 units of `text` (Excel's limit on validation titles and messages).
fn short(text: &str, max: usize) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if out.encode_utf16().count() + c.len_utf16() > max {
            break;
        }
        out.push(c);
    }
    out
}

/// 宋体 11, vertically centred: the workbook's default.
fn base() -> Format {
    Format::new()
        .set_font_name(FONT)
        .set_font_charset(GB2312)
        .set_font_size(11)
        .set_align(FormatAlign::VerticalCenter)
}

/// The title: bold, larger, centred, wrapped.
fn title_format() -> Format {
    base()
        .set_font_size(16)
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_text_wrap()
}

/// A note: smaller, wrapped.
fn note_format() -> Format {
    base().set_font_size(10).set_text_wrap()
}

/// A label of the header block: bordered, centred.
fn label_format() -> Format {
    base()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center)
        .set_text_wrap()
}

/// A column header: bold, bordered, centred, shaded.
fn header_format() -> Format {
    label_format().set_bold().set_background_color("#E7E6E6")
}

/// A cell to fill in: bordered, in the number format of its kind.
fn cell_format(kind: &ColumnKind) -> Format {
    let format = column_format(kind).set_border(FormatBorder::Thin);
    match kind {
        ColumnKind::Number | ColumnKind::Choice(_) => format.set_align(FormatAlign::Center),
        _ => format,
    }
}

/// The format of a whole column, for rows typed under the blank rows: text for ID and phone numbers
/// (18 digits would become 1.2E+17), `yyyy-mm-dd` for dates.
fn column_format(kind: &ColumnKind) -> Format {
    match kind {
        ColumnKind::Text | ColumnKind::Phone | ColumnKind::IdNumber => base().set_num_format("@"),
        ColumnKind::Date => base().set_num_format("yyyy-mm-dd"),
        ColumnKind::Number | ColumnKind::Choice(_) => base(),
    }
}

#[cfg(test)]
mod tests {
    use super::{sheet_name, short};

    #[test]
    fn sheet_names_follow_excel_rules() {
        assert_eq!(sheet_name("报名汇总表", "roster"), "报名汇总表");
        assert_eq!(sheet_name("名单[1]/2", "x"), "名单_1__2");
        assert_eq!(sheet_name("'' ", "roster"), "roster");
        assert_eq!(sheet_name("Lists", "x"), "Lists表");
        assert_eq!(sheet_name(&"表".repeat(40), "x").chars().count(), 31);
    }

    #[test]
    fn short_counts_utf16_units() {
        assert_eq!(short("身份证号", 32), "身份证号");
        assert_eq!(short(&"字".repeat(40), 32).chars().count(), 32);
        assert_eq!(short("a😀b", 2), "a");
    }
}
