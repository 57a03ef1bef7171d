//! Reading a YAML results file: a list of entries, each a map from column header to value, located by
//! span so that every problem points at its line and column.

use super::layout::{Field, Layout};
use super::read::{Cell, Kind, Row, Sheet, Spans, text_cell};
use super::table::finish;
use crate::diagnostics::{Problem, Problems, SourceFile};
use crate::i18n::comma_list;
use crate::model::{Spanned, yaml};
use crate::msg;
use std::collections::BTreeMap;
use std::path::Path;

/// An entry as parsed: a map from key to value, each with its place.
type Entry = Spanned<BTreeMap<String, Spanned<Option<String>>>>;

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
    let text = utf8(bytes, shown)?;
    let file = SourceFile::new(shown, text.as_str());
    let entries: Vec<Entry> = yaml::parse(&file, &text)
        .map_err(|p| Problems(vec![p.with_help(msg!("results-yaml-not-a-list-help"))]))?;
    let mut problems = Problems::default();
    let mut sheet = Sheet {
        file: file.clone(),
        kind: Kind::Yaml,
        fields: Vec::new(),
        rows: Vec::new(),
    };
    sheet.fields = fields(&file, &entries, layout, &mut problems);
    for spec in layout.fields.iter().filter(|f| f.required) {
        if !entries.is_empty() && !sheet.fields.iter().any(|f| f.0 == spec.field) {
            problems.push(
                sheet
                    .general(msg!("results-yaml-no-key", label = &spec.label))
                    .with_help(msg!(
                        "results-yaml-no-key-help",
                        keys = comma_list(&spec.accepted)
                    )),
            );
        }
    }
    if !entries.is_empty() {
        for (message, help) in layout.module_gaps(|field| sheet.index(field).is_some()) {
            problems.push(sheet.general(message).with_help(help));
        }
    }
    for (index, entry) in entries.iter().enumerate() {
        if let Some(row) = row(&file, &sheet.fields, index, entry) {
            sheet.rows.push(row);
        }
    }
    finish(Some(sheet), problems)
}

/// The text of the file, without a byte-order mark; a file that is not UTF-8 is a problem.
fn utf8(bytes: &[u8], shown: &Path) -> Result<String, Problems> {
    match String::from_utf8(bytes.to_vec()) {
        Ok(text) => Ok(text
            .strip_prefix('\u{feff}')
            .map(str::to_string)
            .unwrap_or(text)),
        Err(_) => Err(Problems(vec![
            Problem::general(Some(&SourceFile::new(shown, "")), msg!("results-not-utf8"))
                .with_help(msg!("results-not-utf8-help")),
        ])),
    }
}

/// The columns: the union of every entry's keys that name a field, in field order. Two different keys
/// for one field are a problem at the entry that has the second.
fn fields(
    file: &SourceFile,
    entries: &[Entry],
    layout: &Layout,
    problems: &mut Problems,
) -> Vec<(Field, usize, String)> {
    let mut keys: BTreeMap<Field, String> = BTreeMap::new();
    let mut unknown: Vec<&str> = Vec::new();
    for entry in entries {
        for (key, value) in &entry.value {
            if layout.names_unknown_module(key) && !unknown.contains(&key.as_str()) {
                unknown.push(key);
                let at = yaml::spanned_at(file, value).or_else(|| yaml::spanned_at(file, entry));
                problems.push(
                    Problem::at(
                        file,
                        at.unwrap_or((0, 0)),
                        msg!("results-unknown-module-key", key),
                    )
                    .with_help(msg!(
                        "results-unknown-module-column-help",
                        modules = comma_list(&layout.module_names)
                    )),
                );
            }
            if let Some(field) = layout.field_of(key) {
                match keys.get(&field) {
                    Some(other) if other != key => {
                        let label = layout.spec(field).map_or("", |s| s.label.as_str());
                        problems.push(
                            Problem::at(
                                file,
                                yaml::spanned_at(file, entry).unwrap_or((0, 0)),
                                msg!("results-yaml-two-keys", other, key, label),
                            )
                            .with_help(msg!("results-yaml-two-keys-help")),
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
    keys.into_iter()
        .enumerate()
        .map(|(i, (field, key))| (field, i, key))
        .collect()
}

/// The row of the entry at 0-based `index`, with the place of the entry and of each cell; `None` for
/// an entry with nothing in the used columns.
fn row(
    file: &SourceFile,
    fields: &[(Field, usize, String)],
    index: usize,
    entry: &Entry,
) -> Option<Row> {
    let mut cells = Vec::with_capacity(fields.len());
    let mut spans = Vec::with_capacity(fields.len());
    for (_, _, key) in fields {
        match entry.value.get(key) {
            Some(value) => {
                cells.push(value.value.as_deref().map_or(Cell::Empty, text_cell));
                spans.push(yaml::spanned_at(file, value));
            }
            None => {
                cells.push(Cell::Empty);
                spans.push(None);
            }
        }
    }
    if cells.iter().all(Cell::is_empty) {
        return None;
    }
    Some(Row {
        number: index + 1,
        cells,
        spans: Some(Spans {
            entry: yaml::spanned_at(file, entry),
            cells: spans,
        }),
    })
}
