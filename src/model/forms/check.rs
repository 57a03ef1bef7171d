//! From a form file as written to a checked [`Form`]: every key read on its own, every cell turned into
//! its typed kind, and the cells placed on the grid, each mistake a located problem (all of them in one
//! run, as for contest.yaml).

use super::file::{CellDecl, ColumnDecl, OptionDecl};
use super::{
    Cell, Column, ColumnKind, Content, Form, Height, Options, Overflow, Row, Table, Width,
    plain_label,
};
use crate::diagnostics::{Problem, Problems, SourceFile};
use crate::model::values::Id;
use crate::model::yaml::{Guide, Sections, span_of, spanned_at};
use serde_saphyr::Spanned;

/// The top-level keys of a form file.
const KEYS: [&str; 10] = [
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
const COLUMN_KINDS: [&str; 6] = ["text", "number", "choice", "id_number", "phone", "date"];

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
const GUIDE: Guide = Guide {
    noun: "key",
    guide: "see section 2 of forms/README.md",
};

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
        message: impl Into<crate::i18n::Text>,
        help: impl Into<crate::i18n::Text>,
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
                "`overflow: continue` needs a table: only a table's rows can run on to the next page",
                "add a row with `input: table`, or remove `overflow`",
            );
        }
        if let Some(xlsx) = xlsx.filter(|x| x.value) {
            self.error(
                spanned_at(self.file, xlsx),
                "`xlsx: true` needs a table: the spreadsheet template has one row per row of the form's table",
                "add a row with `input: table`, or remove `xlsx`",
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
                    format!("`{other}` is not a way to overflow"),
                    "write `warn` (the form should fit one page; more is a warning) or `continue` (the table goes on over more pages, its header repeated)",
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
                format!(
                    "a form needs 1 to {MAX_COLUMNS} columns, not {}",
                    columns.value.len()
                ),
                "list the width of each column, for example `[22mm, 1fr, 22mm, 1fr]`",
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
                    format!("`{text}` is not a share of the width"),
                    "write a share as a number and `fr`, like `1fr` or `2fr`",
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
                    format!("`{text}` is out of range: a length is more than 0 and at most {MAX_HEIGHT}mm"),
                    "give a length that fits on the page",
                );
                None
            }
            None => {
                self.error(
                    spanned_at(self.file, value),
                    format!("`{text}` is not a length"),
                    "write a length in millimetres (or centimetres) without a space, like `9mm`, `8.5mm` or `1cm`",
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
                format!(
                    "a form has 1 to {MAX_ROWS} rows, this one has {}",
                    rows.value.len()
                ),
                if rows.value.is_empty() {
                    "list the rows under `rows:`, each a list of cells (see section 3 of forms/README.md)"
                } else {
                    "split the form in two"
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
                    format!("row {} has no cells", index + 1),
                    "give the row its cells, or remove it",
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
                format!(
                    "this cell's `rowspan: {}` runs {} past the last row of the form",
                    cover.rowspan,
                    count(below, "row")
                ),
                lower_rowspan(cover.rowspan - below, "so that it ends at the last row"),
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
                "a table must be alone in its row",
                "put the other cells in a row of their own",
            );
        }
        if count > 1 {
            self.error(
                at,
                "a form may have only one table",
                "join the tables into one, or declare a second form",
            );
        }
        for (cover, into) in grid.spanning() {
            self.error(
                cover.at,
                format!(
                    "this cell's `rowspan: {}` runs {} down into the table below it",
                    cover.rowspan,
                    self::count(into, "row")
                ),
                lower_rowspan(cover.rowspan - into, "so that it ends above the table"),
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
            let covered = match from_above {
                0 => String::new(),
                n => format!(
                    " ({} covered by a `rowspan` from above)",
                    count(n, "column")
                ),
            };
            self.error(
                spanned_at(self.file, row),
                format!(
                    "row {number} fills {filled} of the form's {} columns{covered}",
                    grid.width()
                ),
                format!(
                    "add a cell, or widen one with `colspan`, so that the row fills all {} columns",
                    grid.width()
                ),
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
        match *reason {
            Misfit::TooWide { filled } => {
                let spans = match colspan {
                    1 => String::new(),
                    n => format!(", and this cell spans {n}"),
                };
                let covered = match grid.above {
                    0 => String::new(),
                    n => format!(
                        " ({} covered by a `rowspan` from above)",
                        count(n, "column")
                    ),
                };
                self.error(
                    at,
                    format!("row {number} has no room for this cell: the cells before it fill {filled} of the form's {width} columns{covered}{spans}"),
                    "remove a cell or lower a `colspan` in this row, or add a width to `columns`",
                );
            }
            Misfit::Covered { column, by } => {
                let line = by.map_or(0, |(offset, _)| self.file.line_column(offset).0);
                self.error(
                    at,
                    format!("this cell does not fit in row {number}: it would reach column {}, which the `rowspan` on line {line} covers", column + 1),
                    format!("lower this cell's `colspan` so that it ends before column {}, or lower the `rowspan` on line {line}", column + 1),
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
                    format!("`{key}: {}` is out of range", v.value),
                    format!("a `{key}` is at least 1"),
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
                "a table takes no `rowspan`: it is as tall as its rows",
                "remove `rowspan`; set the number of blank rows with `rows`",
            );
        }
        if let Some(colspan) = &d.colspan
            && colspan.value as usize != width
        {
            self.error(
                spanned_at(self.file, colspan),
                format!(
                    "a table spans the whole width ({width} columns), not {}",
                    colspan.value
                ),
                "remove `colspan`: a table always spans the whole form",
            );
        }
        let id = self.required_id(decl, "table")?;
        let rows = match &d.rows {
            Some(r) if r.value >= 1 && r.value <= MAX_TABLE_ROWS => r.value,
            Some(r) => {
                self.error(
                    spanned_at(self.file, r),
                    format!("a table has 1 to {MAX_TABLE_ROWS} rows, not {}", r.value),
                    "give the number of blank rows",
                );
                return None;
            }
            None => {
                self.error(
                    at,
                    "this table has no `rows`",
                    "give the number of blank rows, for example `rows: 20`",
                );
                return None;
            }
        };
        let row_height = self.height(d.row_height.as_ref(), None, default);
        let Some(declared) = &d.columns else {
            self.error(
                at,
                "this table has no `columns`",
                "list its columns, for example `columns: [{id: name, label: 姓名}]`",
            );
            return None;
        };
        let columns = self.columns(declared, width)?;
        if rows as usize * columns.len() > MAX_TABLE_FIELDS {
            self.error(
                d.rows.as_ref().and_then(|r| spanned_at(self.file, r)),
                format!(
                    "this table would make {} fields ({rows} rows of {} columns), more than the {MAX_TABLE_FIELDS} a form may have",
                    rows as usize * columns.len(),
                    columns.len()
                ),
                "give it fewer rows: a long roster is better filled in the spreadsheet template (`xlsx: true`)",
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
                        format!("`{other}` is not a kind of table column"),
                        format!("use one of: {}", COLUMN_KINDS.join(", ")),
                    );
                    None
                }
            };
            if kind_name != "choice" && (d.from.is_some() || d.options.is_some()) {
                self.error(
                    at,
                    format!("a `{kind_name}` column has no options"),
                    "remove `from` and `options`, or make it `input: choice`",
                );
            }
            let id = d.id.as_ref().map(|i| i.value.clone());
            if id.is_some() && kind == Some(ColumnKind::Number) {
                self.error(
                    at,
                    "a `number` column takes no `id`: it prints the row numbers and has no field",
                    "remove `id`",
                );
            }
            if id.is_none() && kind != Some(ColumnKind::Number) {
                self.error(
                    at,
                    "this column has no `id`",
                    "give it an id (its fields are named `<table id>-<row>-<column id>`)",
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
                format!("the table's columns span {x} of the form's {width} columns"),
                "change a column's `colspan` so that they add up to the width of the form",
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
                self.error(spanned_at(self.file, o), "a choice takes `from` or `options`, not both", "keep `from: tracks` (or `groups`) for the contest's list, or `options` for a fixed one");
                None
            }
            (None, None) => {
                self.error(at, "this choice has no options", "add `from: tracks` (or `groups`), or `options: [{id: male, label: 男}, {id: female, label: 女}]`");
                None
            }
            (Some(from), None) => match from.value.as_str() {
                "tracks" => Some(Options::Tracks),
                "groups" => Some(Options::Groups),
                other => {
                    self.error(spanned_at(self.file, from), format!("`from: {other}` refers to nothing"), "write `from: tracks` (the contest's tracks) or `from: groups` (its groups), or list `options`");
                    None
                }
            },
            (None, Some(list)) => {
                if list.value.is_empty() {
                    self.error(
                        spanned_at(self.file, list),
                        "`options` is empty",
                        "list at least one option",
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
                self.error(spanned_at(self.file, decl), format!("this `{kind}` input has no `id`"), "give it an id such as `id: name`: it names the fillable field and the roster column");
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

/// "1 row", "2 rows".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The help for a `rowspan` that reaches too far: what it should be.
fn lower_rowspan(fits: usize, so: &str) -> String {
    if fits <= 1 {
        format!("remove `rowspan` {so}")
    } else {
        format!("lower it to `rowspan: {fits}` {so}")
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
            format!("a `{kind}` input takes only {common}")
        } else {
            format!(
                "besides {common}, a `{kind}` input takes {}",
                in_words(allowed)
            )
        };
        for (key, place) in super::cell::present_keys(&decl.value) {
            if !allowed.contains(&key) && !COMMON_KEYS.contains(&key) {
                self.error(
                    span_of(&self.file.text, place).or(at),
                    format!("a `{kind}` input takes no `{key}`"),
                    format!("remove `{key}`; {takes}"),
                );
            }
        }
    }
}

/// The keys every input takes.
const COMMON_KEYS: [&str; 5] = ["input", "id", "label", "colspan", "rowspan"];

/// Keys as words: "`a`, `b` and `c`".
fn in_words(keys: &[&str]) -> String {
    let quoted: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => quoted.concat(),
    }
}
