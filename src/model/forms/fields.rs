//! The fillable fields a form makes for a contest: choices from the contest's tracks and groups
//! expanded to check boxes, dates to 年/月/日, tables to one field per row and column. Each field has
//! the name the PDF gives it and its accessible name; [`FieldGroup`]s are what one roster column fills.

use super::{ColumnKind, Content, Form, InputKind, Options, Row};
use crate::model::Contest;

/// One fillable field of the PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// Its name (`/T`): `name`, `track-ai-trainer`, `fill-date-year`, `entry-3-name`.
    pub name: String,
    /// Its accessible name (`/TU`): 姓名, 赛项：人工智能训练师, 填表日期（年）.
    pub label: String,
    /// The cell that declares it, in the form's file.
    pub at: Option<(usize, usize)>,
}

/// The fields one roster column fills, named by a label and an id.
#[derive(Debug, Clone)]
pub struct FieldGroup {
    /// The input's id (`name`, `track`, `fill-date`; a table column's id).
    pub id: String,
    /// Its label (姓名, 赛项, 填表日期).
    pub label: String,
    /// What it fills.
    pub kind: FieldGroupKind,
    /// The cell that declares it.
    pub at: Option<(usize, usize)>,
    /// The exact number of characters a value has (18 for a 身份证号 comb).
    pub chars: Option<u32>,
}

/// What a roster column fills.
#[derive(Debug, Clone)]
pub enum FieldGroupKind {
    /// One text field, by name.
    Text(String),
    /// Check boxes: each option's names (its label, and a group's full name) and its field.
    Choice {
        /// (name, field) pairs; an option may appear under two names.
        options: Vec<(String, String)>,
        /// Whether several may be ticked.
        multiple: bool,
    },
    /// A date over `<prefix>-year`, `-month` and `-day`.
    Date(String),
    /// A column of the table: fields `<table>-<row>-<column>` for rows 1..=rows.
    TableColumn {
        /// The table's id.
        table: String,
        /// How many rows.
        rows: u32,
        /// Allowed values, for a choice column (its option names).
        options: Option<Vec<String>>,
    },
}

/// The options of a choice for this contest: (id, printed label, other accepted names).
pub fn option_list(options: &Options, c: &Contest) -> Vec<(String, String, Vec<String>)> {
    match options {
        Options::Tracks => c
            .tracks
            .iter()
            .map(|t| (t.id.value.to_string(), t.name.clone(), Vec::new()))
            .collect(),
        Options::Groups => c
            .groups
            .iter()
            .map(|g| {
                (
                    g.id.value.to_string(),
                    g.name.clone(),
                    g.full_name.iter().cloned().collect(),
                )
            })
            .collect(),
        Options::Fixed(list) => list
            .iter()
            .map(|(id, label)| (id.to_string(), label.clone(), Vec::new()))
            .collect(),
    }
}

impl Form {
    /// What each roster column may fill, in the order of the form.
    pub fn field_groups(&self, c: &Contest) -> Vec<FieldGroup> {
        let mut groups = Vec::new();
        if self.fill_date {
            groups.push(FieldGroup {
                id: "fill-date".into(),
                label: "填表日期".into(),
                kind: FieldGroupKind::Date("fill-date".into()),
                at: None,
                chars: None,
            });
        }
        for row in &self.rows {
            match row {
                Row::Cells(cells) => {
                    for cell in cells {
                        if let Content::Input(input) = &cell.content {
                            input_groups(input, cell.at, c, &mut groups);
                        }
                    }
                }
                Row::Table(table) => {
                    for column in &table.columns {
                        let Some(id) = column
                            .id
                            .as_ref()
                            .filter(|_| column.kind != ColumnKind::Number)
                        else {
                            continue;
                        };
                        let options = match &column.kind {
                            ColumnKind::Choice(options) => Some(
                                option_list(options, c)
                                    .into_iter()
                                    .flat_map(|(_, label, more)| std::iter::once(label).chain(more))
                                    .collect(),
                            ),
                            _ => None,
                        };
                        groups.push(FieldGroup {
                            id: id.to_string(),
                            label: column.label.clone(),
                            kind: FieldGroupKind::TableColumn {
                                table: table.id.to_string(),
                                rows: table.rows,
                                options,
                            },
                            at: column.at,
                            chars: (column.kind == ColumnKind::IdNumber).then_some(18),
                        });
                    }
                }
            }
        }
        groups
    }

    /// Every field of the form for this contest, with its accessible name, in the order of the form: a
    /// table row by row (`entry-1-name`, `entry-1-unit`, …, `entry-2-name`), as a reader fills it.
    pub fn fields(&self, c: &Contest) -> Vec<Field> {
        let groups = self.field_groups(c);
        let mut fields = Vec::new();
        let mut at = 0;
        while at < groups.len() {
            let columns = groups[at..]
                .iter()
                .take_while(|g| matches!(g.kind, FieldGroupKind::TableColumn { .. }))
                .count();
            if columns == 0 {
                fields.extend(self.group_fields(&groups[at]));
                at += 1;
                continue;
            }
            let by_column: Vec<Vec<Field>> = groups[at..at + columns]
                .iter()
                .map(|g| self.group_fields(g))
                .collect();
            let rows = by_column.iter().map(Vec::len).max().unwrap_or(0);
            for row in 0..rows {
                fields.extend(
                    by_column
                        .iter()
                        .filter_map(|column| column.get(row).cloned()),
                );
            }
            at += columns;
        }
        fields
    }

    /// The fields of one of [`Form::field_groups`], with their accessible names.
    pub(super) fn group_fields(&self, group: &FieldGroup) -> Vec<Field> {
        let mut fields = Vec::new();
        let mut push = |name: String, label: String| {
            fields.push(Field {
                name,
                label,
                at: group.at,
            })
        };
        match &group.kind {
            FieldGroupKind::Text(name) => push(name.clone(), group.label.clone()),
            FieldGroupKind::Choice { options, .. } => {
                let mut seen = Vec::new();
                for (option, field) in options {
                    if !seen.contains(field) {
                        seen.push(field.clone());
                        push(field.clone(), format!("{}：{option}", group.label));
                    }
                }
            }
            FieldGroupKind::Date(prefix) => {
                for (part, word) in [("year", "年"), ("month", "月"), ("day", "日")] {
                    push(
                        format!("{prefix}-{part}"),
                        format!("{}（{word}）", group.label),
                    );
                }
            }
            FieldGroupKind::TableColumn { table, rows, .. } => {
                let title = self.table().map_or(String::new(), |t| t.label.clone());
                for row in 1..=*rows {
                    push(
                        format!("{table}-{row}-{}", group.id),
                        format!("{title}第{row}行：{}", group.label),
                    );
                }
            }
        }
        fields
    }
}

/// The field groups of one input cell.
fn input_groups(
    input: &super::Input,
    at: Option<(usize, usize)>,
    c: &Contest,
    groups: &mut Vec<FieldGroup>,
) {
    if let InputKind::Signature { opinion, date, .. } = &input.kind {
        if let (true, Some(id)) = (opinion, &input.id) {
            groups.push(FieldGroup {
                id: id.to_string(),
                label: input.label.clone(),
                kind: FieldGroupKind::Text(id.to_string()),
                at,
                chars: None,
            });
        }
        groups.push(FieldGroup {
            id: date.to_string(),
            label: format!("{}日期", input.label),
            kind: FieldGroupKind::Date(date.to_string()),
            at,
            chars: None,
        });
        return;
    }
    let Some(id) = &input.id else { return };
    let group = |kind| FieldGroup {
        id: id.to_string(),
        label: input.label.clone(),
        kind,
        at,
        chars: None,
    };
    match &input.kind {
        InputKind::Text { .. } | InputKind::Phone { .. } | InputKind::Multiline { .. } => {
            groups.push(group(FieldGroupKind::Text(id.to_string())));
        }
        InputKind::IdNumber { cells, .. } => {
            groups.push(FieldGroup {
                chars: Some(*cells),
                ..group(FieldGroupKind::Text(id.to_string()))
            });
        }
        InputKind::Date => groups.push(group(FieldGroupKind::Date(id.to_string()))),
        InputKind::Choice {
            options, multiple, ..
        } => {
            let options = option_list(options, c)
                .into_iter()
                .flat_map(|(option, label, more)| {
                    let field = format!("{id}-{option}");
                    std::iter::once(label)
                        .chain(more)
                        .map(move |name| (name, field.clone()))
                })
                .collect();
            groups.push(group(FieldGroupKind::Choice {
                options,
                multiple: *multiple,
            }));
        }
        InputKind::Photo { .. } | InputKind::Signature { .. } => {}
    }
}
