//! The shape of a form file (`forms/<id>.yaml`) as written: every key optional where the file may leave
//! it out, each with its place in the file, so that [`super::check`] can report every mistake located.
//!
//! Cells are one flat mapping with optional keys, not an enum: serde-saphyr loses the places of values
//! inside untagged or internally tagged enums, and an unknown `input:` should be reported with the list
//! of kinds, not as "data did not match any variant".

use crate::model::Spanned;
use crate::model::values::Id;
use schemars::JsonSchema;
use serde::Deserialize;

/// One cell of a row: a label (`{label: 姓名}`) or an input (`{input: text, id: name}`).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct CellDecl {
    /// The printed text of a label cell, or the name of an input (its accessible name and roster header).
    #[serde(default)]
    pub label: Option<Spanned<String>>,
    /// The kind of input: text, multiline, date, choice, checks, id_number, phone, photo, signature, table.
    #[serde(default)]
    pub input: Option<Spanned<String>>,
    /// The input's id, the stem of its field names.
    #[serde(default)]
    pub id: Option<Spanned<Id>>,
    /// Columns the cell spans.
    #[serde(default)]
    pub colspan: Option<Spanned<u32>>,
    /// Rows the cell spans.
    #[serde(default)]
    pub rowspan: Option<Spanned<u32>>,
    /// The height of the input (`52mm`).
    #[serde(default)]
    pub height: Option<Spanned<String>>,
    /// Its height in the notice PDF, where the forms are printed smaller.
    #[serde(default)]
    pub notice_height: Option<Spanned<String>>,
    /// Text printed before a text input (`（`).
    #[serde(default)]
    pub prefix: Option<Spanned<String>>,
    /// Text printed after a text input (`）队`).
    #[serde(default)]
    pub suffix: Option<Spanned<String>>,
    /// Where the options of a choice come from: `tracks` or `groups` of contest.yaml.
    #[serde(default)]
    pub from: Option<Spanned<String>>,
    /// The fixed options of a choice.
    #[serde(default)]
    pub options: Option<Spanned<Vec<OptionDecl>>>,
    /// The space between check boxes, in em.
    #[serde(default)]
    pub gap: Option<Spanned<f64>>,
    /// The caption of a photo box or of a signature (签　章).
    #[serde(default)]
    pub caption: Option<Spanned<String>>,
    /// The id of a signature's date.
    #[serde(default)]
    pub date: Option<Spanned<Id>>,
    /// The height of a signature's opinion text.
    #[serde(default)]
    pub text_height: Option<Spanned<String>>,
    /// The same in the notice PDF.
    #[serde(default)]
    pub notice_text_height: Option<Spanned<String>>,
    /// The title row of a table.
    #[serde(default)]
    pub title: Option<Spanned<String>>,
    /// The number of blank rows of a table.
    #[serde(default)]
    pub rows: Option<Spanned<u32>>,
    /// The height of a table's rows.
    #[serde(default)]
    pub row_height: Option<Spanned<String>>,
    /// The columns of a table.
    #[serde(default)]
    pub columns: Option<Spanned<Vec<Spanned<ColumnDecl>>>>,
    /// The number of cells of an `id_number` comb (18).
    #[serde(default)]
    pub cells: Option<Spanned<u32>>,
}

/// One fixed option of a choice: `{id: male, label: 男}`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct OptionDecl {
    /// The option's id, the last part of its check box's field name.
    pub id: Spanned<Id>,
    /// What is printed beside the check box.
    pub label: String,
}

/// One column of a repeating table.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct ColumnDecl {
    /// The column's id, the last part of its fields' names (`entry-3-name`).
    #[serde(default)]
    pub id: Option<Spanned<Id>>,
    /// The column header.
    pub label: Spanned<String>,
    /// Columns of the form the column spans.
    #[serde(default)]
    pub colspan: Option<Spanned<u32>>,
    /// text (the default), number (序号), choice, id_number, phone or date.
    #[serde(default)]
    pub input: Option<Spanned<String>>,
    /// Where a choice column's options come from: tracks or groups.
    #[serde(default)]
    pub from: Option<Spanned<String>>,
    /// A choice column's fixed options.
    #[serde(default)]
    pub options: Option<Spanned<Vec<OptionDecl>>>,
}
