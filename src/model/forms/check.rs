//! From a form file as written to a checked [`Form`]: every key read on its own, every cell turned into
//! its typed kind, and the cells placed on the grid, each mistake a located problem (all of them in one
//! run, as for contest.yaml).

use super::file::{CellDecl, ColumnDecl, OptionDecl};
use super::{
    Cell, Column, ColumnKind, Content, Form, Height, Options, Overflow, Row, Table, Width,
    plain_label,
};
use crate::diagnostics::{Problem, Problems, SourceFile};
use crate::i18n::{Text, and_list, comma_list};
use crate::model::Spanned;
use crate::model::values::Id;
use crate::model::yaml::{Guide, Sections, span_of, spanned_at};
use crate::msg;

/// The top-level keys of a form file.
pub(super) const KEYS: [&str; 10] = [
    "name",
    "fill_date",
    "landscape",
    "overflow",
    "xlsx",
    "columns",
    "row_height",
    "notice_row_height",
    "rows",
    "notes",
];

/// The kinds of input a cell may be.
pub(super) const INPUT_KINDS: [&str; 10] = [
    "text",
    "multiline",
    "date",
    "choice",
    "checks",
    "id_number",
    "phone",
    "photo",
    "signature",
    "table",
];

/// The kinds of a table column.
pub(super) const COLUMN_KINDS: [&str; 6] =
    ["text", "number", "choice", "id_number", "phone", "date"];

/// The most a declaration may ask for, so that a form file cannot make a render run away.
const MAX_COLUMNS: usize = 40;
/// The most rows of cells a form may have.
const MAX_ROWS: usize = 200;
/// The most blank rows of a table.
const MAX_TABLE_ROWS: u32 = 200;
/// The most fields a table may make (rows × columns): a PDF of 2,000 fields takes about 2 s to build;
/// 40,000 took 30 s and 2.5 GB (measured on the 2-core test machine).
const MAX_TABLE_FIELDS: usize = 2000;
/// The tallest box, in millimetres (a landscape A4 page is 210 mm high).
const MAX_HEIGHT: f64 = 280.0;

/// How the messages about a form file's top-level keys name them.
const GUIDE: Guide = Guide::Form;

/// The rows of a form file as written.
type RowDecls = Spanned<Vec<Spanned<Vec<Spanned<CellDecl>>>>>;

/// Reads and checks the form file `file` of the form `id`: the form as far as it could be read (`None`
/// when its columns or rows could not be read at all), and every problem found. The form is sound only
/// when there is no error among the problems; it is given even so, for the checks that need the contest.
pub(super) fn parse_form(id: Id, file: &SourceFile) -> (Option<Form>, Problems) {
    let mut sections = Sections::split_as(file, GUIDE);
    sections.reject_unknown(&KEYS);
    let name = sections.take::<String>("name", true);
    let fill_date = sections.take::<bool>("fill_date", false);
    let landscape = sections.take::<bool>("landscape", false);
    let overflow_decl = sections.take::<Spanned<String>>("overflow", false);
    let xlsx = sections.take::<Spanned<bool>>("xlsx", false);
    let columns = sections.take::<Spanned<Vec<Spanned<String>>>>("columns", true);
    let row_height = sections.take::<Spanned<String>>("row_height", false);
    let notice_row_height = sections.take::<Spanned<String>>("notice_row_height", false);
    let rows = sections.take::<RowDecls>("rows", true);
    let notes = sections.take::<Vec<String>>("notes", false);
    let mut check = Checker {
        file,
        problems: sections.into_problems(),
    };
    let overflow = overflow_decl
        .as_ref()
        .map_or(Overflow::Warn, |o| check.overflow(o));
    let widths = columns
        .as_ref()
        .map(|c| check.widths(c))
        .unwrap_or_default();
    let form_height = row_height
        .as_ref()
        .and_then(|h| check.length(h))
        .unwrap_or(9.0);
    let default_height = Height {
        form: form_height,
        notice: notice_row_height
            .as_ref()
            .and_then(|h| check.length(h))
            .unwrap_or(form_height),
    };
    let placed = match (&rows, widths.is_empty()) {
        (Some(rows), false) => Some(check.rows(rows, widths.len(), default_height)),
        _ => None,
    };
    // Whether a table is declared (even one with mistakes of its own); unknown when `rows` is unread.
    let has_table = rows
        .as_ref()
        .map(|r| r.value.iter().any(|row| row.value.iter().any(is_table)));
    if has_table == Some(false) {
        check.needs_table(overflow_decl.as_ref(), xlsx.as_ref());
    }
    let form = placed.map(|rows| Form {
        id,
        name: name.unwrap_or_default(),
        file: file.clone(),
        fill_date: fill_date.unwrap_or(true),
        landscape: landscape.unwrap_or(false),
        overflow,
        xlsx: xlsx.is_some_and(|x| x.value),
        columns: widths,
        rows,
        notes: notes.unwrap_or_default(),
    });
    (form, check.problems)
}

/// Collects the problems of one form file.
pub(super) struct Checker<'a> {
    pub(super) file: &'a SourceFile,
    pub(super) problems: Problems,
}

impl Checker<'_> {
    /// An error at `at` (or about the whole file).
    pub(super) fn error(
        &mut self,
        at: Option<(usize, usize)>,
        message: impl Into<Text>,
        help: impl Into<Text>,
    ) {
        let problem = match at {
            Some(span) => Problem::at(self.file, span, message),
            None => Problem::general(Some(self.file), message),
        };
        self.problems.push(problem.with_help(help));
    }

    /// For a form without a table: `overflow: continue` and `xlsx: true` are mistakes.
    fn needs_table(&mut self, overflow: Option<&Spanned<String>>, xlsx: Option<&Spanned<bool>>) {
        if let Some(overflow) = overflow.filter(|o| o.value == "continue") {
            self.error(
                spanned_at(self.file, overflow),
                msg!("forms-overflow-needs-table"),
                msg!("forms-overflow-needs-table-help"),
            );
        }
        if let Some(xlsx) = xlsx.filter(|x| x.value) {
            self.error(
                spanned_at(self.file, xlsx),
                msg!("forms-xlsx-needs-table"),
                msg!("forms-xlsx-needs-table-help"),
            );
        }
    }

    /// `overflow: warn` or `overflow: continue`.
    fn overflow(&mut self, value: &Spanned<String>) -> Overflow {
        match value.value.as_str() {
            "warn" => Overflow::Warn,
            "continue" => Overflow::Continue,
            other => {
                self.error(
                    spanned_at(self.file, value),
                    msg!("forms-overflow-unknown", value = other),
                    msg!("forms-overflow-unknown-help"),
                );
                Overflow::Warn
            }
        }
    }

    /// The column widths: `22mm` or `1fr` each.
    fn widths(&mut self, columns: &Spanned<Vec<Spanned<String>>>) -> Vec<Width> {
        if columns.value.is_empty() || columns.value.len() > MAX_COLUMNS {
            self.error(
                spanned_at(self.file, columns),
                msg!(
                    "forms-columns-count",
                    max = MAX_COLUMNS.to_string(),
                    count = columns.value.len().to_string()
                ),
                msg!("forms-columns-count-help"),
            );
            return Vec::new();
        }
        let mut widths = Vec::new();
        for column in &columns.value {
            let text = column.value.trim();
            let width = match text.strip_suffix("fr").map(str::parse::<f64>) {
                Some(Ok(fr)) if fr > 0.0 && fr <= 100.0 => Some(Width::Fr(fr)),
                Some(_) => None,
                None => self.length(column).map(Width::Mm),
            };
            match width {
                Some(w) => widths.push(w),
                None if text.ends_with("fr") => self.error(
                    spanned_at(self.file, column),
                    msg!("forms-not-a-share", value = text),
                    msg!("forms-not-a-share-help"),
                ),
                None => {}
            }
        }
        if widths.len() != columns.value.len() {
            return Vec::new();
        }
        widths
    }

    /// A length in millimetres (`9mm`, `8.5mm`, `1cm`); a problem otherwise.
    pub(super) fn length(&mut self, value: &Spanned<String>) -> Option<f64> {
        let text = value.value.trim();
        let mm = if let Some(n) = text.strip_suffix("mm") {
            n.parse::<f64>().ok()
        } else if let Some(n) = text.strip_suffix("cm") {
            n.parse::<f64>().ok().map(|cm| cm * 10.0)
        } else {
            None
        };
        match mm {
            Some(mm) if mm > 0.0 && mm <= MAX_HEIGHT => Some(mm),
            Some(_) => {
                self.error(
                    spanned_at(self.file, value),
                    msg!(
                        "forms-length-out-of-range",
                        value = text,
                        max = MAX_HEIGHT.to_string()
                    ),
                    msg!("forms-length-out-of-range-help"),
                );
                None
            }
            None => {
                self.error(
                    spanned_at(self.file, value),
                    msg!("forms-not-a-length", value = text),
                    msg!("forms-not-a-length-help"),
                );
                None
            }
        }
    }

    /// A height from a cell's `height` and `notice_height`, or `default` for what is not given.
    pub(super) fn height(
        &mut self,
        form: Option<&Spanned<String>>,
        notice: Option<&Spanned<String>>,
        default: Height,
    ) -> Height {
        let own = form.and_then(|h| self.length(h));
        let in_notice = notice.and_then(|h| self.length(h));
        Height {
            form: own.unwrap_or(default.form),
            notice: in_notice.or(own).unwrap_or(default.notice),
        }
    }

    /// Every row, its cells typed and placed on a grid of `columns` columns.
    fn rows(&mut self, rows: &RowDecls, columns: usize, default: Height) -> Vec<Row> {
        if rows.value.is_empty() || rows.value.len() > MAX_ROWS {
            self.error(
                spanned_at(self.file, rows),
                msg!(
                    "forms-rows-count",
                    max = MAX_ROWS.to_string(),
                    count = rows.value.len().to_string()
                ),
                if rows.value.is_empty() {
                    msg!("forms-rows-none-help")
                } else {
                    msg!("forms-rows-too-many-help")
                },
            );
            return Vec::new();
        }
        let mut grid = Grid::new(columns);
        let mut placed = Vec::new();
        let mut tables = 0;
        for (index, row) in rows.value.iter().enumerate() {
            if let Some(decl) = row.value.iter().find(|c| is_table(c)) {
                tables += 1;
                if let Some(table) = self.table_row(row, decl, tables, &mut grid, columns, default)
                {
                    placed.push(Row::Table(table));
                }
                continue;
            }
            if row.value.is_empty() {
                self.error(
                    spanned_at(self.file, row),
                    msg!("forms-row-empty", row = (index + 1).to_string()),
                    msg!("forms-row-empty-help"),
                );
                grid.end_row();
                continue;
            }
            let cells = self.cell_row(index + 1, row, &mut grid, default);
            placed.push(Row::Cells(cells));
        }
        for (cover, below) in grid.spanning() {
            self.error(
                cover.at,
                msg!(
                    "forms-rowspan-past-end",
                    rowspan = cover.rowspan.to_string(),
                    count = below
                ),
                lower_rowspan(cover.rowspan - below, msg!("forms-ends-at-last-row")),
            );
        }
        placed
    }

    /// One row holding a table: the table must be the row's only cell, start below any row span and
    /// be the form's only table.
    fn table_row(
        &mut self,
        row: &Spanned<Vec<Spanned<CellDecl>>>,
        decl: &Spanned<CellDecl>,
        count: usize,
        grid: &mut Grid,
        columns: usize,
        default: Height,
    ) -> Option<Table> {
        let at = spanned_at(self.file, decl);
        if row.value.len() > 1 {
            self.error(
                at,
                msg!("forms-table-not-alone"),
                msg!("forms-table-not-alone-help"),
            );
        }
        if count > 1 {
            self.error(at, msg!("forms-two-tables"), msg!("forms-two-tables-help"));
        }
        for (cover, into) in grid.spanning() {
            self.error(
                cover.at,
                msg!(
                    "forms-rowspan-into-table",
                    rowspan = cover.rowspan.to_string(),
                    count = into
                ),
                lower_rowspan(cover.rowspan - into, msg!("forms-ends-above-table")),
            );
        }
        grid.clear();
        let before = row
            .value
            .first()
            .and_then(|c| c.value.label.as_ref())
            .map(|l| plain_label(&l.value));
        self.table(decl, columns, default, before)
    }

    /// The cells of an ordinary row, typed and placed.
    fn cell_row(
        &mut self,
        number: usize,
        row: &Spanned<Vec<Spanned<CellDecl>>>,
        grid: &mut Grid,
        default: Height,
    ) -> Vec<Cell> {
        let mut cells = Vec::new();
        let mut previous_label: Option<String> = None;
        let mut misfit = false;
        for decl in &row.value {
            let at = spanned_at(self.file, decl);
            let colspan = self.span(decl.value.colspan.as_ref(), "colspan");
            let rowspan = self.span(decl.value.rowspan.as_ref(), "rowspan");
            let content = self.content(decl, previous_label.as_deref(), default);
            if let Some(Content::Label(text)) = &content {
                previous_label = Some(plain_label(text));
            }
            if misfit {
                continue;
            }
            let cover = Cover {
                at: decl
                    .value
                    .rowspan
                    .as_ref()
                    .and_then(|r| spanned_at(self.file, r))
                    .or(at),
                rowspan,
            };
            match grid.place(colspan, cover) {
                Ok(x) => cells.extend(content.map(|content| Cell {
                    x,
                    colspan,
                    rowspan,
                    content,
                    at,
                })),
                Err(reason) => {
                    misfit = true;
                    self.misfit(at, number, colspan, &reason, grid);
                }
            }
        }
        let from_above = grid.above;
        let filled = grid.end_row();
        if !misfit && filled < grid.width() {
            let width = grid.width().to_string();
            self.error(
                spanned_at(self.file, row),
                msg!(
                    "forms-row-short",
                    row = number.to_string(),
                    filled = filled.to_string(),
                    width = &width,
                    covered = covered_from_above(from_above)
                ),
                msg!("forms-row-short-help", width),
            );
        }
        cells
    }

    /// Reports a cell that does not fit in its row.
    fn misfit(
        &mut self,
        at: Option<(usize, usize)>,
        number: usize,
        colspan: usize,
        reason: &Misfit,
        grid: &Grid,
    ) {
        let width = grid.width();
        let row = number.to_string();
        match *reason {
            Misfit::TooWide { filled } => {
                let spans = match colspan {
                    1 => Text::default(),
                    n => msg!("forms-cell-spans", colspan = n.to_string()),
                };
                self.error(
                    at,
                    msg!(
                        "forms-no-room",
                        row,
                        filled = filled.to_string(),
                        width = width.to_string(),
                        covered = covered_from_above(grid.above),
                        spans
                    ),
                    msg!("forms-no-room-help"),
                );
            }
            Misfit::Covered { column, by } => {
                let line = by.map_or(0, |(offset, _)| self.file.line_column(offset).0);
                let column = (column + 1).to_string();
                self.error(
                    at,
                    msg!("forms-cell-covered", row, column = &column, line),
                    msg!("forms-cell-covered-help", column, line),
                );
            }
        }
    }

    /// A `colspan` or `rowspan`: at least 1.
    fn span(&mut self, value: Option<&Spanned<u32>>, key: &str) -> usize {
        match value {
            None => 1,
            Some(v) if v.value >= 1 && v.value as usize <= MAX_COLUMNS.max(MAX_ROWS) => {
                v.value as usize
            }
            Some(v) => {
                self.error(
                    spanned_at(self.file, v),
                    msg!("forms-span-out-of-range", key, value = v.value.to_string()),
                    msg!("forms-span-out-of-range-help", key),
                );
                1
            }
        }
    }

    /// A table and its columns, which must cover the whole width.
    fn table(
        &mut self,
        decl: &Spanned<CellDecl>,
        width: usize,
        default: Height,
        before: Option<String>,
    ) -> Option<Table> {
        let at = spanned_at(self.file, decl);
        let d = &decl.value;
        self.only_keys(decl, "table", &["title", "rows", "row_height", "columns"]);
        if let Some(rowspan) = &d.rowspan {
            self.error(
                spanned_at(self.file, rowspan),
                msg!("forms-table-rowspan"),
                msg!("forms-table-rowspan-help"),
            );
        }
        if let Some(colspan) = &d.colspan
            && colspan.value as usize != width
        {
            self.error(
                spanned_at(self.file, colspan),
                msg!(
                    "forms-table-colspan",
                    width = width.to_string(),
                    colspan = colspan.value.to_string()
                ),
                msg!("forms-table-colspan-help"),
            );
        }
        let id = self.required_id(decl, "table")?;
        let rows = match &d.rows {
            Some(r) if r.value >= 1 && r.value <= MAX_TABLE_ROWS => r.value,
            Some(r) => {
                self.error(
                    spanned_at(self.file, r),
                    msg!(
                        "forms-table-rows-count",
                        max = MAX_TABLE_ROWS.to_string(),
                        count = r.value.to_string()
                    ),
                    msg!("forms-table-rows-count-help"),
                );
                return None;
            }
            None => {
                self.error(
                    at,
                    msg!("forms-table-no-rows"),
                    msg!("forms-table-no-rows-help"),
                );
                return None;
            }
        };
        let row_height = self.height(d.row_height.as_ref(), None, default);
        let Some(declared) = &d.columns else {
            self.error(
                at,
                msg!("forms-table-no-columns"),
                msg!("forms-table-no-columns-help"),
            );
            return None;
        };
        let columns = self.columns(declared, width)?;
        if rows as usize * columns.len() > MAX_TABLE_FIELDS {
            self.error(
                d.rows.as_ref().and_then(|r| spanned_at(self.file, r)),
                msg!(
                    "forms-table-too-many-fields",
                    fields = (rows as usize * columns.len()).to_string(),
                    rows = rows.to_string(),
                    columns = columns.len().to_string(),
                    max = MAX_TABLE_FIELDS.to_string()
                ),
                msg!("forms-table-too-many-fields-help"),
            );
            return None;
        }
        let label = d
            .title
            .as_ref()
            .map(|t| plain_label(&t.value))
            .or(before)
            .or_else(|| d.label.as_ref().map(|l| plain_label(&l.value)))
            .unwrap_or_else(|| id.to_string());
        Some(Table {
            id,
            label,
            title: d.title.as_ref().map(|t| t.value.clone()),
            rows,
            row_height,
            columns,
            at,
        })
    }

    /// A table's columns, placed left to right; their spans must add up to the form's width.
    fn columns(
        &mut self,
        declared: &Spanned<Vec<Spanned<ColumnDecl>>>,
        width: usize,
    ) -> Option<Vec<Column>> {
        let mut columns = Vec::new();
        let mut x = 0;
        for decl in &declared.value {
            let d = &decl.value;
            let at = spanned_at(self.file, decl);
            let colspan = self.span(d.colspan.as_ref(), "colspan");
            let kind_name = d.input.as_ref().map_or("text", |k| k.value.as_str());
            let kind = match kind_name {
                "text" => Some(ColumnKind::Text),
                "number" => Some(ColumnKind::Number),
                "phone" => Some(ColumnKind::Phone),
                "date" => Some(ColumnKind::Date),
                "id_number" => Some(ColumnKind::IdNumber),
                "choice" => self
                    .options(at, d.from.as_ref(), d.options.as_ref())
                    .map(ColumnKind::Choice),
                other => {
                    self.error(
                        d.input.as_ref().and_then(|k| spanned_at(self.file, k)),
                        msg!("forms-column-kind-unknown", kind = other),
                        msg!("forms-use-one-of", known = comma_list(COLUMN_KINDS)),
                    );
                    None
                }
            };
            if kind_name != "choice" && (d.from.is_some() || d.options.is_some()) {
                self.error(
                    at,
                    msg!("forms-column-no-options", kind = kind_name),
                    msg!("forms-column-no-options-help"),
                );
            }
            let id = d.id.as_ref().map(|i| i.value.clone());
            if id.is_some() && kind == Some(ColumnKind::Number) {
                self.error(
                    at,
                    msg!("forms-number-column-id"),
                    msg!("forms-remove-id-help"),
                );
            }
            if id.is_none() && kind != Some(ColumnKind::Number) {
                self.error(
                    at,
                    msg!("forms-column-no-id"),
                    msg!("forms-column-no-id-help"),
                );
            }
            if let Some(kind) = kind {
                columns.push(Column {
                    id,
                    header: d.label.value.clone(),
                    label: plain_label(&d.label.value),
                    x,
                    colspan,
                    kind,
                    at,
                });
            }
            x += colspan;
        }
        if x != width {
            self.error(
                spanned_at(self.file, declared),
                msg!(
                    "forms-table-columns-width",
                    spanned = x.to_string(),
                    width = width.to_string()
                ),
                msg!("forms-table-columns-width-help"),
            );
            return None;
        }
        (columns.len() == declared.value.len()).then_some(columns)
    }

    /// The options of a choice: `from: tracks|groups` or `options: [...]`, exactly one of them.
    pub(super) fn options(
        &mut self,
        at: Option<(usize, usize)>,
        from: Option<&Spanned<String>>,
        options: Option<&Spanned<Vec<OptionDecl>>>,
    ) -> Option<Options> {
        match (from, options) {
            (Some(_), Some(o)) => {
                self.error(
                    spanned_at(self.file, o),
                    msg!("forms-choice-from-and-options"),
                    msg!("forms-choice-from-and-options-help"),
                );
                None
            }
            (None, None) => {
                self.error(
                    at,
                    msg!("forms-choice-no-options"),
                    msg!("forms-choice-no-options-help"),
                );
                None
            }
            (Some(from), None) => match from.value.as_str() {
                "tracks" => Some(Options::Tracks),
                "groups" => Some(Options::Groups),
                other => {
                    self.error(
                        spanned_at(self.file, from),
                        msg!("forms-from-unknown", from = other),
                        msg!("forms-from-unknown-help"),
                    );
                    None
                }
            },
            (None, Some(list)) => {
                if list.value.is_empty() {
                    self.error(
                        spanned_at(self.file, list),
                        msg!("forms-options-empty"),
                        msg!("forms-options-empty-help"),
                    );
                    return None;
                }
                Some(Options::Fixed(
                    list.value
                        .iter()
                        .map(|o| (o.id.value.clone(), o.label.clone()))
                        .collect(),
                ))
            }
        }
    }

    /// The cell's `id`; a problem when it has none.
    pub(super) fn required_id(&mut self, decl: &Spanned<CellDecl>, kind: &str) -> Option<Id> {
        match &decl.value.id {
            Some(id) => Some(id.value.clone()),
            None => {
                self.error(
                    spanned_at(self.file, decl),
                    msg!("forms-input-no-id", kind),
                    msg!("forms-input-no-id-help"),
                );
                None
            }
        }
    }
}

/// Whether a cell declares a table.
fn is_table(decl: &Spanned<CellDecl>) -> bool {
    decl.value
        .input
        .as_ref()
        .is_some_and(|k| k.value == "table")
}

/// ` (2 columns covered by a `rowspan` from above)`, or nothing when no column is.
fn covered_from_above(columns: usize) -> Text {
    match columns {
        0 => Text::default(),
        count => msg!("forms-covered-from-above", count),
    }
}

/// The help for a `rowspan` that reaches too far: what it should be, `so` that it ends where it may.
fn lower_rowspan(fits: usize, so: Text) -> Text {
    if fits <= 1 {
        msg!("forms-remove-rowspan", so)
    } else {
        msg!("forms-lower-rowspan", fits = fits.to_string(), so)
    }
}

/// A cell that covers columns of the rows below it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Cover {
    /// Where its `rowspan` is written (the cell, when it has none).
    at: Option<(usize, usize)>,
    /// Its rowspan.
    rowspan: usize,
}

/// Why a cell does not fit in its row.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Misfit {
    /// The row has no more columns: `filled` are filled before the cell.
    TooWide { filled: usize },
    /// The cell would reach `column`, which a cell above covers with its rowspan (written at `by`).
    Covered {
        column: usize,
        by: Option<(usize, usize)>,
    },
}

/// The cells taken on the grid so far: for each column, how many more rows a cell above still covers.
struct Grid {
    covered: Vec<usize>,
    /// The cell that covers each column, for a report.
    by: Vec<Option<Cover>>,
    /// The next column to fill in the current row.
    next: usize,
    /// Columns filled in the current row.
    filled: usize,
    /// Columns of the current row covered from the rows above.
    above: usize,
}

impl Grid {
    fn new(width: usize) -> Self {
        Grid {
            covered: vec![0; width],
            by: vec![None; width],
            next: 0,
            filled: 0,
            above: 0,
        }
    }

    fn width(&self) -> usize {
        self.covered.len()
    }

    /// Places a cell at the next free column of the current row: its column, or why it does not fit.
    fn place(&mut self, colspan: usize, cover: Cover) -> Result<usize, Misfit> {
        while self.next < self.width() && self.covered[self.next] > 0 {
            self.next += 1;
            self.filled += 1;
        }
        let x = self.next;
        if let Some(column) = (x..(x + colspan).min(self.width())).find(|&c| self.covered[c] > 0) {
            return Err(Misfit::Covered {
                column,
                by: self.by[column].and_then(|c| c.at),
            });
        }
        if x + colspan > self.width() {
            return Err(Misfit::TooWide {
                filled: self.filled,
            });
        }
        for c in x..x + colspan {
            self.covered[c] = cover.rowspan;
            self.by[c] = Some(cover);
        }
        self.next += colspan;
        self.filled += colspan;
        Ok(x)
    }

    /// Ends the current row: the number of columns it filled (its cells and those covered from above).
    fn end_row(&mut self) -> usize {
        let from_above = (self.next..self.width())
            .filter(|&c| self.covered[c] > 0)
            .count();
        let filled = self.filled + from_above;
        for c in &mut self.covered {
            *c = c.saturating_sub(1);
        }
        self.above = self.covered.iter().filter(|&&c| c > 0).count();
        self.next = 0;
        self.filled = 0;
        filled
    }

    /// Each cell that still spans down past the rows so far, with how many rows it still covers.
    fn spanning(&self) -> Vec<(Cover, usize)> {
        let mut found: Vec<(Cover, usize)> = Vec::new();
        for c in 0..self.width() {
            if let (Some(cover), rows) = (self.by[c], self.covered[c])
                && rows > 0
                && !found.iter().any(|(f, _)| *f == cover)
            {
                found.push((cover, rows));
            }
        }
        found
    }

    fn clear(&mut self) {
        self.covered.iter_mut().for_each(|c| *c = 0);
        self.above = 0;
    }
}

/// Turns a cell's declared text into a typed input; see `cell.rs`.
impl Checker<'_> {
    fn content(
        &mut self,
        decl: &Spanned<CellDecl>,
        previous_label: Option<&str>,
        default: Height,
    ) -> Option<Content> {
        super::cell::content(self, decl, previous_label, default)
    }

    /// Reports each key of the cell that the kind `kind` does not take (besides [`COMMON_KEYS`]).
    pub(super) fn only_keys(&mut self, decl: &Spanned<CellDecl>, kind: &str, allowed: &[&str]) {
        let at = spanned_at(self.file, decl);
        let common = in_words(&COMMON_KEYS);
        let takes = if allowed.is_empty() {
            msg!("forms-input-takes-only", kind, common)
        } else {
            msg!("forms-input-takes", kind, common, keys = in_words(allowed))
        };
        for (key, place) in super::cell::present_keys(&decl.value) {
            if !allowed.contains(&key) && !COMMON_KEYS.contains(&key) {
                self.error(
                    span_of(&self.file.text, place).or(at),
                    msg!("forms-input-no-such-key", kind, key),
                    msg!("forms-remove-key-help", key, takes = &takes),
                );
            }
        }
    }
}

/// The keys every input takes.
const COMMON_KEYS: [&str; 5] = ["input", "id", "label", "colspan", "rowspan"];

/// Keys as words: "`a`, `b` and `c`".
fn in_words(keys: &[&str]) -> Text {
    and_list(keys.iter().map(|k| format!("`{k}`")))
}
