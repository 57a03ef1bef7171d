//! Finding and reading the forms a contest's attachments name: `forms/<id>.yaml` in the contest folder
//! first, then the built-in declarations; then the checks that need the contest (a choice from the
//! tracks needs tracks, no two inputs may make the same field).

use super::check::parse_form;
use super::{ColumnKind, FieldGroup, FieldGroupKind, Form, InputKind, Options};
use crate::diagnostics::{Problem, Problems, SourceFile};
use crate::fs;
use crate::i18n::{Text, comma_list};
use crate::model::values::{Id, is_id};
use crate::model::yaml::spanned_at;
use crate::model::{Contest, display_path};
use crate::msg;
use rust_embed::RustEmbed;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The built-in form declarations.
#[derive(RustEmbed)]
#[folder = "src/model/forms/builtin"]
struct Builtin;

/// The ids of the built-in forms.
pub const BUILTIN_FORMS: [&str; 3] = ["registration", "judge", "roster"];

/// Names a form cannot have: they are the other documents' Typst files in `forms/`.
const RESERVED: [&str; 5] = ["common", "notice", "results", "form", "data"];

/// The text of a built-in form declaration (to copy into `forms/` and change).
pub fn builtin_form_text(id: &str) -> Option<String> {
    Builtin::get(&format!("{id}.yaml")).map(|f| String::from_utf8_lossy(&f.data).into_owned())
}

/// The changes to the built-in forms for a contest without groups: (form, text, replacement). The
/// registration form's 参赛组别 row keeps only 参赛队别, across the width; the roster loses its 组别
/// column (赛项 takes its width) and the word in its note. With groups, the forms are as written.
const WITHOUT_GROUPS: [(&str, &str, &str); 3] = [
    (
        "registration",
        "  - - {label: 参赛组别}\n    - {input: checks, id: group, from: groups}\n    - {label: 参赛队别}\n    - {input: text, id: team, prefix: （, suffix: ）队, colspan: 2}\n",
        "  - - {label: 参赛队别}\n    - {input: text, id: team, prefix: （, suffix: ）队, colspan: 4}\n",
    ),
    (
        "roster",
        "        - {id: track, label: 赛项, input: choice, from: tracks}\n        - {id: group, label: 组别, input: choice, from: groups}\n",
        "        - {id: track, label: 赛项, input: choice, from: tracks, colspan: 2}\n",
    ),
    ("roster", "赛项、组别请按", "赛项请按"),
];

/// The text of the built-in form `id` as used for `contest`: without its group choices when the contest
/// has no groups (see [`WITHOUT_GROUPS`]).
pub(super) fn builtin_form_for(id: &str, contest: &Contest) -> Option<String> {
    let mut text = builtin_form_text(id)?;
    if contest.groups.is_empty() {
        for (form, from, to) in WITHOUT_GROUPS {
            if form == id {
                text = text.replace(from, to);
            }
        }
    }
    Some(text)
}

/// Reads the forms the attachments of `contest` name, in the order of the attachments: from
/// `root/forms/<id>.yaml` when the folder has one (every such file is read and checked, used or not),
/// the built-in declaration otherwise. Gives the forms that could be read, and every problem.
pub fn read_forms(
    root: Option<&Path>,
    contest: &Contest,
    contest_file: &SourceFile,
) -> (Vec<Form>, Problems) {
    let mut problems = Problems::default();
    let mut own = match root {
        Some(root) => project_forms(root, contest, &mut problems),
        None => BTreeMap::new(),
    };
    let mut forms: Vec<Form> = Vec::new();
    for attachment in &contest.attachments {
        let Some(wanted) = &attachment.form else {
            continue;
        };
        let id = &wanted.value;
        let at = spanned_at(contest_file, wanted);
        if forms.iter().any(|f| &f.id == id) {
            problems.push(
                located(
                    contest_file,
                    at,
                    msg!("forms-named-twice", id = id.as_str()),
                )
                .with_help(msg!("forms-named-twice-help")),
            );
            continue;
        }
        if let Some((_, read)) = own.remove(id) {
            forms.extend(read.flatten());
            continue;
        }
        match builtin_form_for(id.as_str(), contest) {
            Some(text) => {
                let file =
                    SourceFile::new(&Path::new("(built-in)").join(format!("{id}.yaml")), text);
                forms.extend(read_form(id.clone(), &file, contest, &mut problems));
            }
            None => problems.push(
                located(
                    contest_file,
                    at,
                    msg!("forms-no-such-form", id = id.as_str()),
                )
                .with_help(msg!(
                    "forms-no-such-form-help",
                    id = id.as_str(),
                    builtin = comma_list(BUILTIN_FORMS)
                )),
            ),
        }
    }
    // A file that could not be read has its error already; "not used" would only repeat it.
    for (id, (path, _)) in own.into_iter().filter(|(_, (_, read))| read.is_some()) {
        problems.push(
            Problem::general(
                Some(&SourceFile::new(&path, "")),
                msg!(
                    "forms-unused",
                    contest = &contest_file.path,
                    id = id.as_str()
                ),
            )
            .warning()
            .with_help(msg!("forms-unused-help", id = id.as_str())),
        );
    }
    (forms, problems)
}

/// Reads the form file `file` of the form `id` and checks it against the contest: the form, when it has
/// no error. Every problem goes to `problems`.
fn read_form(
    id: Id,
    file: &SourceFile,
    contest: &Contest,
    problems: &mut Problems,
) -> Option<Form> {
    let (form, found) = parse_form(id, file);
    let sound = !found.has_errors();
    problems.extend(found);
    let form = form?;
    // Run even on a form with mistakes, on the cells that could be read, so that every mistake of a
    // file is reported in one run.
    let found = check_with_contest(&form, contest);
    let sound = sound && !found.has_errors();
    problems.extend(found);
    sound.then_some(form)
}

/// A problem at `at` in `file`, or about the whole file.
fn located(file: &SourceFile, at: Option<(usize, usize)>, message: Text) -> Problem {
    match at {
        Some(span) => Problem::at(file, span, message),
        None => Problem::general(Some(file), message),
    }
}

/// Every `forms/*.yaml` of the contest folder, read and checked: id → (shown path, `None` when the file
/// could not be read, else the form if it passed). An unreadable file stays in the map, so that its
/// attachment never falls back to the built-in form of the same name.
fn project_forms(
    root: &Path,
    contest: &Contest,
    problems: &mut Problems,
) -> BTreeMap<Id, (PathBuf, Option<Option<Form>>)> {
    let mut forms = BTreeMap::new();
    let files = match fs::list_files(&root.join("forms"), ".yaml") {
        Ok(files) => files,
        Err(e) => {
            problems.push(Problem::from(e));
            return forms;
        }
    };
    for path in files {
        let shown = display_path(root, &path);
        let stem = path
            .file_name()
            .map(|n| n.to_string_lossy().trim_end_matches(".yaml").to_string())
            .unwrap_or_default();
        if !is_id(&stem) || RESERVED.contains(&stem.as_str()) {
            problems.push(bad_name(&shown, &stem));
            continue;
        }
        let form = match fs::read_input_text(Some(root), &path, fs::Input::Form) {
            Ok(text) => Some(read_form(
                Id(stem.clone()),
                &SourceFile::new(&shown, text),
                contest,
                problems,
            )),
            Err(e) => {
                problems.push(Problem::from(e));
                None
            }
        };
        forms.insert(Id(stem), (shown, form));
    }
    forms
}

/// The problem with the form file `shown`, whose name `stem` cannot be a form's id.
fn bad_name(shown: &Path, stem: &str) -> Problem {
    let (why, better) = if RESERVED.contains(&stem) {
        (
            msg!("forms-name-reserved", stem, reserved = comma_list(RESERVED)),
            format!("{stem}-form"),
        )
    } else {
        let better: String = stem
            .chars()
            .map(|c| match c.to_ascii_lowercase() {
                c @ ('a'..='z' | '0'..='9') => c,
                _ => '-',
            })
            .collect();
        (
            msg!("forms-name-not-an-id"),
            better.trim_matches('-').to_string(),
        )
    };
    let better = if is_id(&better) {
        better
    } else {
        "team".to_string()
    };
    Problem::general(
        Some(&SourceFile::new(shown, "")),
        msg!("forms-bad-file-name", why),
    )
    .with_help(msg!("forms-bad-file-name-help", better))
}

/// The checks that need the contest: a choice from the tracks or groups needs some, and no two inputs
/// may make the same field (`sex` with option `male` and an input `sex-male`, say).
fn check_with_contest(form: &Form, contest: &Contest) -> Problems {
    let mut problems = Problems::default();
    let empty = |options: &Options| match options {
        Options::Tracks => contest.tracks.is_empty().then_some("tracks"),
        Options::Groups => contest.groups.is_empty().then_some("groups"),
        Options::Fixed(_) => None,
    };
    let mut lists = Vec::new();
    for (input, at) in form.inputs() {
        if let InputKind::Choice { options, .. } = &input.kind {
            lists.push((options, at));
        }
    }
    if let Some(table) = form.table() {
        for column in &table.columns {
            if let ColumnKind::Choice(options) = &column.kind {
                lists.push((options, column.at));
            }
        }
    }
    let builtin = form.file.path.starts_with("(built-in)");
    for (options, at) in lists {
        if let Some(list) = empty(options) {
            let instead = if builtin {
                msg!("forms-or-copy-builtin", id = form.id.as_str())
            } else {
                msg!("forms-or-fixed-options")
            };
            problems.push(
                located(&form.file, at, msg!("forms-from-nothing", list)).with_help(msg!(
                    "forms-from-nothing-help",
                    list,
                    instead
                )),
            );
        }
    }
    same_fields(form, contest, &mut problems);
    problems
}

/// Where a cell is declared: byte offset and length in its file.
type Place = Option<(usize, usize)>;

/// Reports each field that two inputs make.
fn same_fields(form: &Form, contest: &Contest, problems: &mut Problems) {
    // Each field name: where it was first made, and how.
    let mut seen: BTreeMap<String, (Place, Option<Text>)> = BTreeMap::new();
    let mut reported = Vec::new();
    for group in form.field_groups(contest) {
        for field in form.group_fields(&group) {
            let how = how_made(&group, &field.name);
            let Some((first, first_how)) = seen.get(&field.name) else {
                seen.insert(field.name, (field.at, how));
                continue;
            };
            // A table makes many fields from one cell: one report per pair of cells.
            if reported.contains(&(field.at, *first)) {
                continue;
            }
            reported.push((field.at, *first));
            let message = match &how {
                Some(how) => msg!("forms-same-field-how", field = &field.name, how),
                None => msg!("forms-same-field", field = &field.name),
            };
            let help = match first.map(|(offset, _)| form.file.line_column(offset).0) {
                Some(line) => {
                    let how = first_how
                        .as_ref()
                        .map_or_else(Text::default, |how| msg!("forms-how-made", how));
                    msg!("forms-same-field-help", line, how)
                }
                None => msg!("forms-same-field-fill-date-help"),
            };
            problems.push(located(&form.file, field.at.or(*first), message).with_help(help));
        }
    }
}

/// How an input makes the field `name`, when the name is not simply its `id`.
fn how_made(group: &FieldGroup, name: &str) -> Option<Text> {
    let id = &group.id;
    match &group.kind {
        FieldGroupKind::Text(_) => None,
        FieldGroupKind::Choice { .. } => {
            let option = name.strip_prefix(&format!("{id}-")).unwrap_or(name);
            Some(msg!("forms-made-by-choice", id = id.to_string(), option))
        }
        FieldGroupKind::Date(prefix) => {
            Some(msg!("forms-made-by-date", prefix = prefix.to_string()))
        }
        FieldGroupKind::TableColumn { table, .. } => Some(msg!(
            "forms-made-by-table",
            table = table.to_string(),
            id = id.to_string()
        )),
    }
}
