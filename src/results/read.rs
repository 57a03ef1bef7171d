//! Reading a results file (`.csv` in UTF-8 or GBK, `.xlsx`, `.yaml`) into rows of the columns that are
//! used, and nothing else: a column that no field names (身份证号, 手机号, …) is dropped while reading and
//! never reaches the model, the pages or the downloads.

use super::layout::{Field, Layout};
use super::limits::Budget;
pub use super::workbook::read_xlsx;
use crate::diagnostics::{Problem, Problems, SourceFile};
use crate::model::yaml;
use std::collections::BTreeMap;
use std::path::Path;

/// How many rows from the top are searched for the header row (a title row may come first).
pub const HEADER_SEARCH_ROWS: usize = 20;

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
    pub fn place(&self, row: &Row, field: Option<Field>) -> String {
        let column = field.and_then(|f| self.fields.iter().find(|(g, _, _)| *g == f));
        match (&self.kind, column) {
            (Kind::Csv { .. }, Some((_, col, header))) => {
                format!(
                    "row {}, column {} ({header})",
                    row.number,
                    column_letter(*col)
                )
            }
            (Kind::Csv { .. }, None) => format!("row {}", row.number),
            (Kind::Xlsx { sheet }, Some((_, col, header))) => {
                format!(
                    "{}!{}{} ({header})",
                    sheet_ref(sheet),
                    column_letter(*col),
                    row.number
                )
            }
            (Kind::Xlsx { sheet }, None) => format!("{} row {}", sheet_ref(sheet), row.number),
            (Kind::Yaml, Some((_, _, header))) => format!("entry {} ({header})", row.number),
            (Kind::Yaml, None) => format!("entry {}", row.number),
        }
    }

    /// A problem at a row (and optionally a column), its message starting with the place.
    pub fn problem(&self, row: &Row, field: Option<Field>, message: impl AsRef<str>) -> Problem {
        let text = format!("{}: {}", self.place(row, field), message.as_ref());
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
    pub fn general(&self, message: impl Into<String>) -> Problem {
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
            Problem::general(Some(&file), "the file is neither UTF-8 nor GBK text")
                .with_help("save it from Excel as “CSV UTF-8 (逗号分隔)” or as an .xlsx workbook"),
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
                                format!(
                                    "row {}, column {}: {message}",
                                    index + 1,
                                    column_letter(col)
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
                    format!("row {}: cannot read this row ({e})", index + 1),
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

/// The cells of a row as a dense list up to its last cell with a value (at most [`limits::COLUMNS`]
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

fn no_header(sheet: &Sheet, layout: &Layout) -> Problem {
    let labels: Vec<&str> = layout
        .fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.label.as_str())
        .collect();
    sheet
        .general(format!(
            "no header row found in the first {HEADER_SEARCH_ROWS} rows"
        ))
        .with_help(format!(
            "the first row (or the row under a title) must name the columns: {}; other headers can be added under `results.columns` in contest.yaml",
            labels.join(", ")
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
    let where_ = |col: usize| match &sheet.kind {
        Kind::Xlsx { sheet } => format!("{}!{}{row}", sheet_ref(sheet), column_letter(col)),
        Kind::Csv { .. } => format!("row {row}, column {}", column_letter(col)),
        Kind::Yaml => format!("key {}", col + 1),
    };
    for (field, col, text) in found {
        if let Some((_, first, first_text)) = kept.iter().find(|k| k.0 == field) {
            let label = layout.spec(field).map_or("", |s| s.label.as_str());
            problems.push(
                sheet
                    .general(format!(
                        "{} ({text}): a second column for {label}; the first is {} ({first_text})",
                        where_(col),
                        where_(*first),
                    ))
                    .with_help("keep one column for each item, or rename the other one"),
            );
            continue;
        }
        kept.push((field, col, text));
    }
    for spec in layout.fields.iter().filter(|f| f.required) {
        if !kept.iter().any(|k| k.0 == spec.field) {
            problems.push(
                sheet
                    .general(format!("the header row (row {row}) has no column for {}", spec.label))
                    .with_help(format!(
                        "name the column {}, or add its header under `results.columns` in contest.yaml",
                        spec.accepted.join(" or ")
                    )),
            );
        }
    }
    kept
}

pub(super) fn finish(sheet: Option<Sheet>, problems: Problems) -> Result<Sheet, Problems> {
    match sheet {
        Some(sheet) if !problems.has_errors() => Ok(sheet),
        _ => Err(problems),
    }
}

/// Reads a YAML list of entries keyed by column header:
///
/// ```yaml
/// - 姓名: 张三
///   参赛单位: 天津某公司
///   赛项: 人工智能训练师
///   组别: 职工组
///   理论成绩: 86.5
///   实操成绩: 90
/// ```
pub fn read_yaml(bytes: &[u8], shown: &Path, layout: &Layout) -> Result<Sheet, Problems> {
    use serde_saphyr::Spanned;
    let text = match String::from_utf8(bytes.to_vec()) {
        Ok(text) => text
            .strip_prefix('\u{feff}')
            .map(str::to_string)
            .unwrap_or(text),
        Err(_) => {
            return Err(Problems(vec![
                Problem::general(
                    Some(&SourceFile::new(shown, "")),
                    "the file is not UTF-8 text",
                )
                .with_help("save it as UTF-8"),
            ]));
        }
    };
    let file = SourceFile::new(shown, text.as_str());
    type Entry = Spanned<BTreeMap<String, Spanned<Option<String>>>>;
    let entries: Vec<Entry> = yaml::parse(&file, &text).map_err(|p| {
        Problems(vec![p.with_help(
            "the results file is a list of entries, each `- 姓名: …` with one `header: value` line per column",
        )])
    })?;
    let mut problems = Problems::default();
    let mut sheet = Sheet {
        file: file.clone(),
        kind: Kind::Yaml,
        fields: Vec::new(),
        rows: Vec::new(),
    };
    // The columns are the union of every entry's keys that name a field, in field order.
    let mut keys: BTreeMap<Field, String> = BTreeMap::new();
    for entry in &entries {
        for key in entry.value.keys() {
            if let Some(field) = layout.field_of(key) {
                match keys.get(&field) {
                    Some(other) if other != key => {
                        let label = layout.spec(field).map_or("", |s| s.label.as_str());
                        problems.push(
                            Problem::at(
                                &file,
                                yaml::spanned_at(&file, entry).unwrap_or((0, 0)),
                                format!("both `{other}` and `{key}` give the {label}"),
                            )
                            .with_help("use one key for each item in every entry"),
                        );
                    }
                    Some(_) => {}
                    None => {
                        keys.insert(field, key.clone());
                    }
                }
            }
        }
    }
    sheet.fields = keys
        .into_iter()
        .enumerate()
        .map(|(i, (field, key))| (field, i, key))
        .collect();
    for spec in layout.fields.iter().filter(|f| f.required) {
        if !entries.is_empty() && !sheet.fields.iter().any(|f| f.0 == spec.field) {
            problems.push(
                sheet
                    .general(format!("no entry has a `{}`", spec.label))
                    .with_help(format!(
                        "write it as one of: {}, or add the key under `results.columns` in contest.yaml",
                        spec.accepted.join(", ")
                    )),
            );
        }
    }
    for (index, entry) in entries.iter().enumerate() {
        let mut cells = Vec::with_capacity(sheet.fields.len());
        let mut spans = Vec::with_capacity(sheet.fields.len());
        for (_, _, key) in &sheet.fields {
            match entry.value.get(key) {
                Some(value) => {
                    cells.push(value.value.as_deref().map_or(Cell::Empty, text_cell));
                    spans.push(yaml::spanned_at(&file, value));
                }
                None => {
                    cells.push(Cell::Empty);
                    spans.push(None);
                }
            }
        }
        if cells.iter().all(Cell::is_empty) {
            continue;
        }
        sheet.rows.push(Row {
            number: index + 1,
            cells,
            spans: Some(Spans {
                entry: yaml::spanned_at(&file, entry),
                cells: spans,
            }),
        });
    }
    finish(Some(sheet), problems)
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
