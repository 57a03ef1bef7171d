//! A checked form declaration as the JSON the general Typst layout (`form.typ`) reads from
//! `/forms/<id>.json`: every cell at its grid position, choices expanded to this contest's tracks and
//! groups, tables expanded to their rows, lengths in millimetres. Every key is always present (`null`
//! when unused), so the layout never meets a missing key.

use crate::model::Contest;
use crate::model::forms::{
    Column, ColumnKind, Content, Form, Height, InputKind, Overflow, Row, Table, Width, option_list,
};
use serde::Serialize;

/// The whole form.
#[derive(Serialize)]
struct FormJson<'a> {
    name: &'a str,
    /// The prefix of the 填表日期 fields, or `null` for no such line.
    fill_date: Option<&'static str>,
    landscape: bool,
    columns: Vec<WidthJson>,
    /// Runs of rows, each its own Typst table; a block with a header repeats it on every page it spans.
    blocks: Vec<Block>,
    notes: &'a [String],
}

#[derive(Serialize)]
struct WidthJson {
    mm: Option<f64>,
    fr: Option<f64>,
}

#[derive(Serialize, Default)]
struct Block {
    header: Vec<CellJson>,
    cells: Vec<CellJson>,
}

/// One cell; `type` says which of the other keys matter.
#[derive(Serialize, Default)]
struct CellJson {
    #[serde(rename = "type")]
    kind: &'static str,
    x: usize,
    y: usize,
    colspan: usize,
    rowspan: usize,
    /// Printed lines: a label, a photo caption, a signature caption.
    lines: Option<Vec<String>>,
    field: Option<String>,
    height: Option<Height>,
    prefix: Option<String>,
    suffix: Option<String>,
    options: Option<Vec<OptionJson>>,
    gap: Option<f64>,
    cells: Option<u32>,
    date: Option<String>,
    text_height: Option<Height>,
    number: Option<u32>,
}

#[derive(Serialize)]
struct OptionJson {
    field: String,
    label: String,
}

/// The JSON of `form` for this contest.
pub(super) fn form_json(form: &Form, c: &Contest) -> Vec<u8> {
    let json = FormJson {
        name: &form.name,
        fill_date: form.fill_date.then_some("fill-date"),
        landscape: form.landscape,
        columns: form
            .columns
            .iter()
            .map(|w| match w {
                Width::Mm(mm) => WidthJson {
                    mm: Some(*mm),
                    fr: None,
                },
                Width::Fr(fr) => WidthJson {
                    mm: None,
                    fr: Some(*fr),
                },
            })
            .collect(),
        blocks: blocks(form, c),
        notes: &form.notes,
    };
    serde_json::to_vec_pretty(&json).expect("json of a form")
}

/// The rows as blocks: one block, or, when the table may run on (`overflow: continue`), the rows
/// before the table, the table with its header rows repeating, and the rows after it.
fn blocks(form: &Form, c: &Contest) -> Vec<Block> {
    let split = form.overflow == Overflow::Continue;
    let mut blocks = vec![Block::default()];
    let mut y = 0;
    for row in &form.rows {
        match row {
            Row::Cells(cells) => {
                let block = blocks.last_mut().expect("one block at least");
                for cell in cells {
                    block.cells.push(cell_json(cell, y, c));
                }
                y += 1;
            }
            Row::Table(table) => {
                if split {
                    blocks.push(Block::default());
                    y = 0;
                }
                let block = blocks.last_mut().expect("one block at least");
                let (header, body, next) = table_cells(table, y);
                y = next;
                if split {
                    block.header = header;
                    block.cells = body;
                    blocks.push(Block::default());
                    y = 0;
                } else {
                    block.cells.extend(header);
                    block.cells.extend(body);
                }
            }
        }
    }
    blocks.retain(|b| !b.cells.is_empty() || !b.header.is_empty());
    blocks
}

/// A label cell.
fn label(text: &str, x: usize, y: usize, colspan: usize, rowspan: usize) -> CellJson {
    CellJson {
        kind: "label",
        x,
        y,
        colspan,
        rowspan,
        lines: Some(text.split('\n').map(str::to_string).collect()),
        ..CellJson::default()
    }
}

/// A placed cell of an ordinary row at row `y`.
fn cell_json(cell: &crate::model::forms::Cell, y: usize, c: &Contest) -> CellJson {
    let base = |kind: &'static str| CellJson {
        kind,
        x: cell.x,
        y,
        colspan: cell.colspan,
        rowspan: cell.rowspan,
        ..CellJson::default()
    };
    let input = match &cell.content {
        Content::Label(text) => return label(text, cell.x, y, cell.colspan, cell.rowspan),
        Content::Input(input) => input,
    };
    let field = input.id.as_ref().map(ToString::to_string);
    match &input.kind {
        InputKind::Text {
            prefix,
            suffix,
            height,
        } => CellJson {
            field,
            height: Some(*height),
            prefix: prefix.clone(),
            suffix: suffix.clone(),
            ..base("text")
        },
        InputKind::Phone { height } => CellJson {
            field,
            height: Some(*height),
            ..base("text")
        },
        InputKind::Multiline { height } => CellJson {
            field,
            height: Some(*height),
            ..base("multiline")
        },
        InputKind::Date => CellJson {
            field,
            ..base("date")
        },
        InputKind::Choice { options, gap, .. } => {
            let id = field.unwrap_or_default();
            CellJson {
                options: Some(
                    option_list(options, c)
                        .into_iter()
                        .map(|(option, label, _)| OptionJson {
                            field: format!("{id}-{option}"),
                            label,
                        })
                        .collect(),
                ),
                gap: Some(*gap),
                ..base("choice")
            }
        }
        InputKind::IdNumber { cells, height } => CellJson {
            field,
            cells: Some(*cells),
            height: Some(*height),
            ..base("id_number")
        },
        InputKind::Photo { caption } => CellJson {
            lines: Some(caption.split('\n').map(str::to_string).collect()),
            ..base("photo")
        },
        InputKind::Signature {
            opinion,
            date,
            caption,
            height,
            text_height,
        } => CellJson {
            field: field.filter(|_| *opinion),
            lines: Some(caption.split('\n').map(str::to_string).collect()),
            date: Some(date.to_string()),
            height: Some(*height),
            text_height: Some(*text_height),
            ..base("signature")
        },
    }
}

/// A table's header cells (its title row and column headers) and body cells, from row `y`; and the
/// row after it.
fn table_cells(table: &Table, y: usize) -> (Vec<CellJson>, Vec<CellJson>, usize) {
    let width: usize = table.columns.iter().map(|c| c.colspan).sum();
    let mut header = Vec::new();
    let mut y = y;
    if let Some(title) = &table.title {
        header.push(label(title, 0, y, width, 1));
        y += 1;
    }
    for column in &table.columns {
        header.push(label(&column.header, column.x, y, column.colspan, 1));
    }
    y += 1;
    let mut body = Vec::new();
    for row in 1..=table.rows {
        for column in &table.columns {
            body.push(body_cell(table, column, row, y));
        }
        y += 1;
    }
    (header, body, y)
}

/// The cell of `column` in the table's row `row` (from 1), at grid row `y`.
fn body_cell(table: &Table, column: &Column, row: u32, y: usize) -> CellJson {
    let base = CellJson {
        x: column.x,
        y,
        colspan: column.colspan,
        rowspan: 1,
        height: Some(table.row_height),
        field: column
            .id
            .as_ref()
            .map(|id| format!("{}-{row}-{id}", table.id)),
        ..CellJson::default()
    };
    match column.kind {
        ColumnKind::Number => CellJson {
            kind: "number",
            number: Some(row),
            field: None,
            ..base
        },
        ColumnKind::IdNumber => CellJson {
            kind: "id_number",
            cells: Some(18),
            ..base
        },
        _ => CellJson {
            kind: "text",
            ..base
        },
    }
}
