//! The returned files of a folder as entries: every regular file is read (symbolic links are not
//! followed, sizes are bounded), its kind found by its bytes (a PDF, an xlsx workbook, CSV text), and the
//! form it is found by its fields (a PDF) or its column headers (a spreadsheet), among the contest's
//! declared forms. A file that is not one of them, or cannot be read, becomes a finding.

use super::fields::{Role, roles};
use super::grid::{self, Grid};
use super::pdf::{self as pdf_fields, FieldValue};
use super::{Entry, EntryField, Finding, Place};
use crate::model::Contest;
use crate::model::forms::{FieldGroup, FieldGroupKind, Form, plain_label};
use crate::msg;
use crate::results::read::column_letter;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The largest returned file read (a scanned PDF of many pages is not a form).
pub(super) const MAX_FILE_BYTES: u64 = 32 << 20;
/// The most files read from one folder.
pub(super) const MAX_FILES: usize = 100_000;

/// Every file under `from` (subfolders too), sorted by path; symbolic links and other non-files as
/// findings.
pub(super) fn list(from: &Path, findings: &mut Vec<Finding>) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut folders = vec![from.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let mut names: Vec<_> = std::fs::read_dir(&folder)?.collect::<Result<_, _>>()?;
        names.sort_by_key(|e| e.file_name());
        for entry in names {
            let path = entry.path();
            let kind = entry.file_type()?;
            if kind.is_dir() {
                folders.push(path);
            } else if kind.is_file() {
                files.push(path);
            } else {
                findings.push(Finding::file(
                    &shown(from, &path),
                    msg!("roster-not-a-file"),
                    msg!("roster-not-a-file-help"),
                ));
            }
            if files.len() > MAX_FILES {
                findings.push(Finding::file(
                    &shown(from, &folder),
                    msg!("roster-too-many-files", max = MAX_FILES),
                    msg!("roster-too-many-files-help"),
                ));
                return Ok(files);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// How a file is shown: its path under the folder of returned files.
pub(super) fn shown(from: &Path, path: &Path) -> String {
    path.strip_prefix(from)
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned()
}

/// What reading one file gave: its entries, or the finding that says why it gave none.
type Read = Result<Vec<Entry>, Finding>;

/// Reads `files` on every core (each file on its own; the answers come in the order of `files`), each
/// with the name it is shown by.
pub(super) fn files(
    from: &Path,
    files: &[PathBuf],
    forms: &[Form],
    contest: &Contest,
) -> Vec<(String, Read)> {
    let known = Known::new(forms, contest);
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    let chunk = files.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                let known = &known;
                scope.spawn(move || {
                    part.iter()
                        .map(|path| {
                            let shown = shown(from, path);
                            let read = file(path, &shown, known);
                            (shown, read)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("a reader thread does not panic"))
            .collect()
    })
}

/// The contest's forms with the names of their fields, worked out once for every file.
struct Known<'a> {
    forms: &'a [Form],
    contest: &'a Contest,
    field_names: Vec<std::collections::HashSet<String>>,
}

impl<'a> Known<'a> {
    fn new(forms: &'a [Form], contest: &'a Contest) -> Self {
        let field_names = forms
            .iter()
            .map(|f| f.fields(contest).into_iter().map(|f| f.name).collect())
            .collect();
        Known {
            forms,
            contest,
            field_names,
        }
    }
}

/// The entries of one file, or the finding that says why it gave none.
fn file(path: &Path, shown: &str, known: &Known<'_>) -> Read {
    let (forms, contest) = (known.forms, known.contest);
    let bytes =
        read_bounded(path).map_err(|(message, help)| Finding::file(shown, message, help))?;
    let lower = shown.to_lowercase();
    if bytes.starts_with(b"%PDF") {
        let fields = pdf_fields::fields(&bytes).map_err(|error| {
            Finding::file(
                shown,
                msg!("roster-pdf-unreadable", error),
                msg!("roster-pdf-unreadable-help"),
            )
        })?;
        return from_pdf(shown, &fields, known);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        let grids = grid::xlsx(&bytes).map_err(|(m, h)| Finding::file(shown, m, h))?;
        return from_grids(shown, &grids, forms, contest);
    }
    if lower.ends_with(".csv") || lower.ends_with(".txt") {
        let grid = grid::csv(&bytes).map_err(|(m, h)| Finding::file(shown, m, h))?;
        return from_grids(shown, &[grid], forms, contest);
    }
    let help = if lower.ends_with(".xls") || lower.ends_with(".et") || lower.ends_with(".doc") {
        msg!("roster-old-format-help")
    } else {
        msg!("roster-unknown-file-help")
    };
    Err(Finding::file(shown, msg!("roster-unknown-file"), help))
}

fn read_bounded(path: &Path) -> Result<Vec<u8>, (crate::i18n::Text, crate::i18n::Text)> {
    use std::io::Read;
    let unreadable = |e: std::io::Error| {
        (
            msg!("roster-file-unreadable", error = e.to_string()),
            msg!("roster-file-unreadable-help"),
        )
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err((
            msg!(
                "roster-file-too-big",
                max = crate::results::limits::size(MAX_FILE_BYTES)
            ),
            msg!("roster-file-too-big-help"),
        ));
    }
    Ok(bytes)
}

/// The declared form whose fields the PDF has most of (at least half of the PDF's fields).
fn pdf_form<'a>(fields: &BTreeMap<String, FieldValue>, known: &Known<'a>) -> Option<&'a Form> {
    known
        .forms
        .iter()
        .zip(&known.field_names)
        .map(|(form, names)| {
            let common = fields.keys().filter(|f| names.contains(*f)).count();
            (common, form)
        })
        .filter(|(common, _)| *common > 0 && common * 2 >= fields.len())
        .max_by_key(|(common, _)| *common)
        .map(|(_, form)| form)
}

/// The entries of a filled PDF: one for a form without a table, one per filled table row otherwise
/// (the other inputs, such as the unit, shared by every row).
fn from_pdf(shown: &str, fields: &BTreeMap<String, FieldValue>, known: &Known<'_>) -> Read {
    let (forms, contest) = (known.forms, known.contest);
    let Some(form) = pdf_form(fields, known) else {
        let help = msg!(
            "roster-unknown-pdf-help",
            forms = forms
                .iter()
                .map(|f| f.name.as_str())
                .collect::<Vec<_>>()
                .join("、")
        );
        let message = if fields.is_empty() {
            msg!("roster-pdf-no-fields")
        } else {
            msg!("roster-unknown-pdf")
        };
        return Err(Finding::file(shown, message, help));
    };
    let roles = roles(form, contest);
    let text = |name: &str| match fields.get(name) {
        Some(FieldValue::Text(t)) => t.trim().to_string(),
        _ => String::new(),
    };
    let ticked = |name: &str| matches!(fields.get(name), Some(FieldValue::Ticked(true)));
    let mut shared = Vec::new();
    let mut table: BTreeMap<u32, Vec<EntryField>> = BTreeMap::new();
    for group in form.field_groups(contest) {
        let Some(&role) = roles.get(&group.id) else {
            continue;
        };
        let field = |text: String, place: String| EntryField {
            role,
            label: group.label.clone(),
            text,
            place: Place::Field(place),
        };
        match &group.kind {
            FieldGroupKind::Text(name) => shared.push(field(text(name), name.clone())),
            FieldGroupKind::Choice { options, .. } => {
                let mut chosen: Vec<&str> = Vec::new();
                let mut seen: Vec<&str> = Vec::new();
                for (label, name) in options {
                    if seen.contains(&name.as_str()) {
                        continue;
                    }
                    seen.push(name);
                    if ticked(name) {
                        chosen.push(label);
                    }
                }
                shared.push(field(chosen.join("、"), format!("{}-*", group.id)));
            }
            FieldGroupKind::Date(prefix) => {
                let parts = ["year", "month", "day"].map(|p| text(&format!("{prefix}-{p}")));
                let written = if parts.iter().all(String::is_empty) {
                    String::new()
                } else {
                    format!("{}-{}-{}", parts[0], parts[1], parts[2])
                };
                shared.push(field(written, format!("{prefix}-year")));
            }
            FieldGroupKind::TableColumn {
                table: id, rows, ..
            } => {
                for row in 1..=*rows {
                    let name = format!("{id}-{row}-{}", group.id);
                    table.entry(row).or_default().push(field(text(&name), name));
                }
            }
        }
    }
    if form.table().is_none() {
        return Ok(vec![Entry::new(shown, &form.id, shared, Vec::new())]);
    }
    Ok(table
        .into_values()
        .filter(|row| row.iter().any(|f| !f.text.is_empty()))
        .map(|row| Entry::new(shown, &form.id, row, shared.clone()))
        .collect())
}

/// Whether a header names a group: its label (without spaces, `*` and a note in brackets after it, as in
/// 单位名称（盖章）) or its id.
fn names(header: &str, group: &FieldGroup) -> bool {
    let plain: String = plain_label(header).chars().filter(|c| *c != '*').collect();
    let bare = match plain.find(['（', '(']) {
        Some(at) if at > 0 && plain.ends_with(['）', ')']) => &plain[..at],
        _ => plain.as_str(),
    };
    !plain.is_empty() && (plain == group.label || bare == group.label || header == group.id)
}

/// The entries of the worksheets (or CSV) of one file: in each, the header row is the row naming the
/// most inputs of a form (at least two); the rows above it give the shared inputs (a label cell, then
/// its value in the next filled cell), the rows under it one entry each.
fn from_grids(
    shown: &str,
    grids: &[Grid],
    forms: &[Form],
    contest: &Contest,
) -> Result<Vec<Entry>, Finding> {
    let mut entries = Vec::new();
    let mut found_any = false;
    for grid in grids {
        let Some((form, header)) = header_row(grid, forms, contest) else {
            continue;
        };
        found_any = true;
        entries.extend(grid_entries(shown, grid, form, header, contest));
    }
    if !found_any {
        let labels = forms
            .iter()
            .find(|f| f.table().is_some())
            .or(forms.first())
            .map(|f| {
                f.field_groups(contest)
                    .iter()
                    .map(|g| g.label.clone())
                    .collect::<Vec<_>>()
                    .join("、")
            })
            .unwrap_or_default();
        return Err(Finding::file(
            shown,
            msg!("roster-no-header-row"),
            msg!("roster-no-header-row-help", labels),
        ));
    }
    Ok(entries)
}

/// The form and header row (0-based) of a grid: the row naming the most of a form's inputs, a form with
/// a table first when two name as many.
fn header_row<'a>(grid: &Grid, forms: &'a [Form], contest: &Contest) -> Option<(&'a Form, usize)> {
    let mut best: Option<(usize, bool, &Form, usize)> = None;
    for form in forms {
        let groups = form.field_groups(contest);
        for (i, row) in grid.rows.iter().enumerate().take(50) {
            let count = row
                .iter()
                .filter(|cell| groups.iter().any(|g| names(cell, g)))
                .count();
            let key = (count, form.table().is_some());
            if count >= 2 && best.is_none_or(|(c, t, _, _)| key > (c, t)) {
                best = Some((count, key.1, form, i));
            }
        }
    }
    best.map(|(_, _, form, row)| (form, row))
}

/// The place of a cell of a grid (0-based row and column).
fn cell_place(grid: &Grid, row: usize, col: usize, header: &str) -> Place {
    match &grid.sheet {
        Some(sheet) => Place::Cell(format!("{sheet}!{}{}", column_letter(col), row + 1)),
        None => Place::Csv {
            row: row + 1,
            column: column_letter(col),
            header: header.to_string(),
        },
    }
}

fn grid_entries(
    shown: &str,
    grid: &Grid,
    form: &Form,
    header: usize,
    contest: &Contest,
) -> Vec<Entry> {
    let roles = roles(form, contest);
    let groups = form.field_groups(contest);
    let role_of = |cell: &str| {
        groups
            .iter()
            .find(|g| names(cell, g))
            .and_then(|g| roles.get(&g.id).map(|r| (*r, g.label.clone())))
    };
    let mut shared = Vec::new();
    for (r, row) in grid.rows.iter().enumerate().take(header) {
        let filled: Vec<(usize, &String)> = row
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.is_empty())
            .collect();
        for pair in filled.windows(2) {
            if let Some((role, label)) = role_of(pair[0].1) {
                shared.push(EntryField {
                    role,
                    label: label.clone(),
                    text: pair[1].1.clone(),
                    place: cell_place(grid, r, pair[1].0, &label),
                });
            }
        }
    }
    let columns: Vec<(usize, Role, String)> = grid.rows[header]
        .iter()
        .enumerate()
        .filter_map(|(c, cell)| role_of(cell).map(|(role, label)| (c, role, label)))
        .collect();
    let mut entries = Vec::new();
    for (r, row) in grid.rows.iter().enumerate().skip(header + 1) {
        let cell = |c: usize| row.get(c).cloned().unwrap_or_default();
        if columns.iter().all(|(c, _, _)| cell(*c).is_empty()) {
            continue;
        }
        let own: Vec<EntryField> = columns
            .iter()
            .map(|(c, role, label)| EntryField {
                role: *role,
                label: label.clone(),
                text: cell(*c),
                place: cell_place(grid, r, *c, label),
            })
            .collect();
        let row_place = cell_place(grid, r, columns.first().map_or(0, |c| c.0), "");
        let mut entry = Entry::new(shown, &form.id, own, shared.clone());
        entry.row = Some(row_place);
        entries.push(entry);
    }
    entries
}

/// The roles a form has a field for.
pub(super) fn form_roles(form: &Form, contest: &Contest) -> Vec<Role> {
    let mut list: Vec<Role> = roles(form, contest).into_values().collect();
    list.sort();
    list.dedup();
    list
}
