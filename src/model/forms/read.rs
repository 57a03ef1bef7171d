//! Finding and reading the forms a contest's attachments name: `forms/<id>.yaml` in the contest folder
//! first, then the built-in declarations; then the checks that need the contest (a choice from the
//! tracks needs tracks, no two inputs may make the same field).

use super::Form;
use super::check::parse_form;
use crate::diagnostics::{Problem, Problems, SourceFile};
use crate::fs;
use crate::model::values::{Id, is_id};
use crate::model::yaml::spanned_at;
use crate::model::{Contest, display_path};
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
        Some(root) => project_forms(root, &mut problems),
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
                    format!("the form `{id}` is named by two attachments"),
                )
                .with_help(
                    "give each attachment its own form: copy the form file under a new name",
                ),
            );
            continue;
        }
        if let Some((_, read)) = own.remove(id) {
            forms.extend(read);
            continue;
        }
        match builtin_form_text(id.as_str()) {
            Some(text) => {
                let file =
                    SourceFile::new(&Path::new("(built-in)").join(format!("{id}.yaml")), text);
                match parse_form(id.clone(), &file) {
                    Ok(form) => forms.push(form),
                    Err(found) => problems.extend(found),
                }
            }
            None => problems.push(
                located(contest_file, at, format!("there is no form `{id}`")).with_help(format!(
                    "add `forms/{id}.yaml` (see forms/README.md), or name a built-in form: {}",
                    BUILTIN_FORMS.join(", ")
                )),
            ),
        }
    }
    for (id, (path, _)) in own {
        problems.push(
            Problem::general(
                None,
                format!(
                    "`{}` is not used: no attachment in contest.yaml names `form: {id}`",
                    path.display()
                ),
            )
            .warning()
            .with_help(format!(
                "add `form: {id}` to an attachment, or delete the file"
            )),
        );
    }
    for form in &forms {
        problems.extend(check_with_contest(form, contest));
    }
    (forms, problems)
}

/// A problem at `at` in `file`, or about the whole file.
fn located(file: &SourceFile, at: Option<(usize, usize)>, message: String) -> Problem {
    match at {
        Some(span) => Problem::at(file, span, message),
        None => Problem::general(Some(file), message),
    }
}

/// Every `forms/*.yaml` of the contest folder, read and checked: id → (shown path, the form if it passed).
fn project_forms(root: &Path, problems: &mut Problems) -> BTreeMap<Id, (PathBuf, Option<Form>)> {
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
            problems.push(
                Problem::general(None, format!("the form file `{}` has a name jingsai cannot use", shown.display()))
                    .with_help(format!("name form files with lower-case letters a-z, digits and `-`, for example `roster.yaml`; not {}", RESERVED.join(", "))),
            );
            continue;
        }
        let form = match fs::read_input_text(Some(root), &path, fs::Input::Form) {
            Ok(text) => match parse_form(Id(stem.clone()), &SourceFile::new(&shown, text)) {
                Ok(form) => Some(form),
                Err(found) => {
                    problems.extend(found);
                    None
                }
            },
            Err(e) => {
                problems.push(Problem::from(e));
                None
            }
        };
        forms.insert(Id(stem), (shown, form));
    }
    forms
}

/// The checks that need the contest: a choice from the tracks or groups needs some, and no two inputs
/// may make the same field (`sex` with option `male` and an input `sex-male`, say).
fn check_with_contest(form: &Form, contest: &Contest) -> Problems {
    let mut problems = Problems::default();
    let empty = |options: &super::Options| match options {
        super::Options::Tracks => contest.tracks.is_empty().then_some("tracks"),
        super::Options::Groups => contest.groups.is_empty().then_some("groups"),
        super::Options::Fixed(_) => None,
    };
    let mut lists = Vec::new();
    for (input, at) in form.inputs() {
        if let super::InputKind::Choice { options, .. } = &input.kind {
            lists.push((options, at));
        }
    }
    if let Some(table) = form.table() {
        for column in &table.columns {
            if let super::ColumnKind::Choice(options) = &column.kind {
                lists.push((options, column.at));
            }
        }
    }
    for (options, at) in lists {
        if let Some(list) = empty(options) {
            problems.push(
                located(
                    &form.file,
                    at,
                    format!("`from: {list}` refers to nothing: contest.yaml lists no {list}"),
                )
                .with_help(format!(
                    "add {list} to contest.yaml, or give this choice fixed `options`"
                )),
            );
        }
    }
    let mut seen: BTreeMap<String, Option<(usize, usize)>> = BTreeMap::new();
    let mut reported = Vec::new();
    for field in form.fields(contest) {
        if let Some(first) = seen.get(&field.name) {
            // A table makes many fields from one cell: one report per pair of cells.
            if reported.contains(&(field.at, *first)) {
                continue;
            }
            reported.push((field.at, *first));
            let first_line = first.map(|(offset, _)| form.file.line_column(offset).0);
            let message = format!("two inputs make the field `{}`", field.name);
            let help = match first_line {
                Some(line) => format!("the other one is on line {line}; give one of them another `id`"),
                None => "the 填表日期 line makes it (`fill_date: true`); give the input another `id`, or set `fill_date: false`".to_string(),
            };
            problems.push(located(&form.file, field.at.or(*first), message).with_help(help));
            continue;
        }
        seen.insert(field.name, field.at);
    }
    problems
}
