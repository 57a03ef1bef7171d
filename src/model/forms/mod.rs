//! The forms a contest hands out, declared as data: `forms/<id>.yaml` in the contest folder, or one of
//! the built-in declarations (`registration`, `judge`, `roster`) embedded in the binary.
//!
//! A form is a title, an optional 填表日期 line, and rows of cells laid out as in a Word table (label
//! cells, input cells, column and row spans), with at most one repeating table of blank rows, and notes
//! under it. [`read_forms`] reads the forms the contest's attachments name, checks them against the
//! contest (a choice `from: tracks` needs tracks) and places every cell on the grid, so that the Typst
//! layout, the spreadsheet template and the roster reader all work from one checked [`Form`].

mod cell;
mod check;
mod fields;
mod file;
mod read;
mod schema;
#[cfg(test)]
mod tests;

pub use fields::{Field, FieldGroup, FieldGroupKind, option_list};
pub use read::{BUILTIN_FORMS, builtin_form_text, read_forms};
pub(crate) use schema::FormFile;

use super::values::Id;
use crate::diagnostics::SourceFile;

/// A checked form declaration, every cell placed.
#[derive(Debug, Clone)]
pub struct Form {
    /// The form's id: the name of its file (`registration` for `forms/registration.yaml`).
    pub id: Id,
    /// Its short name (报名表), used in messages.
    pub name: String,
    /// The file it was declared in (a built-in one is shown as `(built-in)/roster.yaml`).
    pub file: SourceFile,
    /// Whether the 填表日期 line is printed under the title (fields `fill-date-year`, ...).
    pub fill_date: bool,
    /// Whether the form is printed on A4 landscape.
    pub landscape: bool,
    /// What happens when the form does not fit on one page.
    pub overflow: Overflow,
    /// Whether a spreadsheet template (xlsx) is offered beside the PDF; only for a form with a table.
    pub xlsx: bool,
    /// The widths of the grid's columns.
    pub columns: Vec<Width>,
    /// The rows, top to bottom.
    pub rows: Vec<Row>,
    /// Paragraphs printed under the table.
    pub notes: Vec<String>,
}

/// What a form does when it runs past one page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overflow {
    /// It is meant for one sheet: running on is a warning naming what moved.
    Warn,
    /// Its table goes on over further pages with its header repeated (a roster of many rows).
    Continue,
}

/// The width of a grid column.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Width {
    /// Fixed, in millimetres.
    Mm(f64),
    /// A share of the width left over (`1fr`).
    Fr(f64),
}

/// A height in millimetres, in the form as printed alone and in the notice PDF (where forms are smaller).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Height {
    /// In the form's own PDF.
    pub form: f64,
    /// In the notice PDF.
    pub notice: f64,
}

/// One row of the form.
#[derive(Debug, Clone)]
pub enum Row {
    /// Ordinary cells, each placed at its column.
    Cells(Vec<Cell>),
    /// A table of blank rows with column headers, across the whole width.
    Table(Table),
}

/// A placed cell.
#[derive(Debug, Clone)]
pub struct Cell {
    /// Its first column, from 0.
    pub x: usize,
    /// Columns it spans.
    pub colspan: usize,
    /// Rows it spans.
    pub rowspan: usize,
    /// A label or an input.
    pub content: Content,
    /// Where the cell is declared (byte offset and length in [`Form::file`]).
    pub at: Option<(usize, usize)>,
}

/// What a cell holds.
#[derive(Debug, Clone)]
pub enum Content {
    /// Printed text; `\n` breaks the line.
    Label(String),
    /// Something to fill in.
    Input(Input),
}

/// An input cell.
#[derive(Debug, Clone)]
pub struct Input {
    /// The stem of its field names; `None` for a photo box, which has no field.
    pub id: Option<Id>,
    /// Its name without line breaks or padding (姓名): the accessible name and the roster header.
    pub label: String,
    /// What kind of input.
    pub kind: InputKind,
}

/// The kinds of input.
#[derive(Debug, Clone)]
pub enum InputKind {
    /// One line of text, optionally between printed words (（ … ）队).
    Text {
        /// Printed before the blank.
        prefix: Option<String>,
        /// Printed after the blank.
        suffix: Option<String>,
        /// The blank's height.
        height: Height,
    },
    /// A phone number: one line of text.
    Phone {
        /// The blank's height.
        height: Height,
    },
    /// Several lines of text.
    Multiline {
        /// The box's height.
        height: Height,
    },
    /// 年 月 日 blanks: fields `<id>-year`, `<id>-month`, `<id>-day`.
    Date,
    /// Check boxes, one per option: fields `<id>-<option id>`.
    Choice {
        /// Where the options come from.
        options: Options,
        /// The space between check boxes, in em.
        gap: f64,
        /// Whether several may be ticked (`checks`) or exactly one (`choice`).
        multiple: bool,
    },
    /// A comb of single-character cells (身份证号).
    IdNumber {
        /// How many cells.
        cells: u32,
        /// The comb's height.
        height: Height,
    },
    /// A box for a photo, with its caption; no field.
    Photo {
        /// The caption; `\n` breaks the line.
        caption: String,
    },
    /// An opinion box with 签章 and a date in its lower right corner.
    Signature {
        /// Whether the box has a text field for the opinion (named by the input's id).
        opinion: bool,
        /// The id of the date's fields.
        date: Id,
        /// The caption above the date (签　章).
        caption: String,
        /// The whole box's height.
        height: Height,
        /// The opinion text's height.
        text_height: Height,
    },
}

/// The options of a choice.
#[derive(Debug, Clone, PartialEq)]
pub enum Options {
    /// The contest's tracks.
    Tracks,
    /// The contest's groups.
    Groups,
    /// Fixed options: id and printed label.
    Fixed(Vec<(Id, String)>),
}

/// A table of blank rows.
#[derive(Debug, Clone)]
pub struct Table {
    /// The stem of its fields: `<id>-<row>-<column id>`.
    pub id: Id,
    /// Its name: the title, or the label before it, or its id.
    pub label: String,
    /// A title row above the column headers.
    pub title: Option<String>,
    /// How many blank rows.
    pub rows: u32,
    /// Their height.
    pub row_height: Height,
    /// The columns, left to right, covering the whole width.
    pub columns: Vec<Column>,
    /// Where it is declared.
    pub at: Option<(usize, usize)>,
}

/// A column of a table.
#[derive(Debug, Clone)]
pub struct Column {
    /// The last part of its fields' names; `None` for a 序号 column.
    pub id: Option<Id>,
    /// The header as printed (may hold padding and `\n`).
    pub header: String,
    /// The header without padding: the field's accessible name and the roster header.
    pub label: String,
    /// Its first grid column.
    pub x: usize,
    /// Grid columns it spans.
    pub colspan: usize,
    /// What it holds.
    pub kind: ColumnKind,
    /// Where it is declared.
    pub at: Option<(usize, usize)>,
}

/// What a table column holds. In the PDF every column but `Number` is one text field per row (a row
/// has no room for check boxes); the spreadsheet template gives each kind its own validation.
#[derive(Debug, Clone, PartialEq)]
pub enum ColumnKind {
    /// Text.
    Text,
    /// The row number (序号), printed.
    Number,
    /// A phone number.
    Phone,
    /// A date.
    Date,
    /// An 18-character ID number.
    IdNumber,
    /// One of a list.
    Choice(Options),
}

impl Form {
    /// The form's table of blank rows, if it has one.
    pub fn table(&self) -> Option<&Table> {
        self.rows.iter().find_map(|row| match row {
            Row::Table(table) => Some(table),
            Row::Cells(_) => None,
        })
    }

    /// Every input cell, top to bottom, left to right.
    pub fn inputs(&self) -> impl Iterator<Item = (&Input, Option<(usize, usize)>)> {
        self.rows
            .iter()
            .filter_map(|row| match row {
                Row::Cells(cells) => Some(cells),
                Row::Table(_) => None,
            })
            .flatten()
            .filter_map(|cell| match &cell.content {
                Content::Input(input) => Some((input, cell.at)),
                Content::Label(_) => None,
            })
    }

    /// Whether it is one of the built-in declarations (its file is not in the contest folder).
    pub fn is_builtin(&self) -> bool {
        self.file.path.starts_with("(built-in)")
    }

    /// Where its PDF goes in the site.
    pub fn pdf_path(&self) -> String {
        format!("downloads/{}-form.pdf", self.id)
    }

    /// Where its spreadsheet template goes in the site.
    pub fn xlsx_path(&self) -> String {
        format!("downloads/{}-form.xlsx", self.id)
    }
}

/// The name of a form's files in the downloads list and the forms zip: 附件N and the attachment's title
/// from contest.yaml (`附件1 2025年…报名表`), with characters file systems refuse replaced by `_` and
/// at most 80 characters long.
pub fn download_title(contest: &crate::model::Contest, form: &Form) -> String {
    let (number, title) = contest
        .attachment_of(&form.id)
        .map_or((0, form.name.as_str()), |a| {
            (a.number.value, a.title.as_str())
        });
    let cleaned: String = safe_file_name(title).chars().take(80).collect();
    format!("附件{number} {}", cleaned.trim())
}

/// `text` with the characters Windows, macOS or Linux refuse in file names replaced by `_`, and no
/// dots or spaces at its ends.
pub fn safe_file_name(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .collect();
    cleaned.trim_matches(['.', ' ']).to_string()
}

/// A label without line breaks, spaces or the ideographic padding of printed labels (姓　　名 → 姓名).
pub fn plain_label(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}
