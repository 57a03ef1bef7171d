//! `jingsai roster --from <folder>`: the forms units send back (filled registration PDFs, filled roster
//! PDFs, roster spreadsheets in xlsx or CSV) read into one checked roster.
//!
//! Every regular file of the folder is read ([`read`]); which form a file is comes from the contest's
//! declared forms (their fields or column headers), and what each field means from the form's
//! declaration ([`fields`]). Every entry is checked ([`check`]): the 身份证号 (GB 11643, [`id_number`]),
//! the limits of birth date and age, 性别 against the ID, phone numbers, the track and group, required
//! fields, the unit's quota, the same person twice, the 填表日期 against the deadline, and the `rules:` a
//! form can state ([`rules`]: honours, coaches, the unit's 领队 and 联络员). Every problem
//! names its file and field, sheet!cell or CSV row and column. [`write`] makes `roster.xlsx`,
//! `score-sheet.xlsx` (in the layout `build` reads) and one report per unit, outside the published site:
//! they hold ID and phone numbers.

mod check;
mod fields;
mod grid;
pub mod id_number;
mod pdf;
mod pdf_objects;
mod read;
pub mod registered;
mod rules;
mod write;

pub use fields::Role;

use crate::build::{BuildFailure, ToolError};
use crate::diagnostics::{Problem, Problems};
use crate::i18n::{Lang, Text};
use crate::model::values::Id;
use crate::msg;
use crate::output::{self, OutputMap};
use std::path::{Path, PathBuf};

/// Where a value was found in a returned file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Place {
    /// The file as a whole.
    File,
    /// A PDF form field, by name (`id-number`, `entry-3-id-number`, `track-*` for a choice).
    Field(String),
    /// A cell of a workbook: `报名汇总表!D7`.
    Cell(String),
    /// A cell of a CSV file: its 1-based row, its column letter and the column's header.
    Csv {
        /// The row, from 1.
        row: usize,
        /// The column letter.
        column: String,
        /// The header of the column.
        header: String,
    },
}

impl Place {
    /// The place in words, after the file's name.
    pub fn text(&self) -> Text {
        match self {
            Place::File => Text::default(),
            Place::Field(field) => msg!("roster-place-field", field),
            Place::Cell(cell) => msg!("roster-place-cell", cell),
            Place::Csv { row, header, .. } if header.is_empty() => msg!("roster-place-row", row),
            Place::Csv {
                row,
                column,
                header,
            } => msg!("roster-place-csv", row, column, header),
        }
    }
}

/// One value of an entry, with the field it fills and where it was found.
#[derive(Debug, Clone)]
pub struct EntryField {
    /// What it says of the entry.
    pub role: Role,
    /// The label of its input on the form.
    pub label: String,
    /// The value as written, trimmed (empty when nothing was written).
    pub text: String,
    /// Where.
    pub place: Place,
}

/// One person as a returned file gives them.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The file, as shown (its path under the folder of returned files).
    pub file: String,
    /// The form it was filled on.
    pub form: Id,
    /// Its own values (a table row, or the whole form).
    pub own: Vec<EntryField>,
    /// Values shared with the other rows of the same file (the unit of a roster).
    pub shared: Vec<EntryField>,
    /// The row of a spreadsheet, for problems with no field of their own.
    pub row: Option<Place>,
}

impl Entry {
    fn new(file: &str, form: &Id, own: Vec<EntryField>, shared: Vec<EntryField>) -> Entry {
        Entry {
            file: file.to_string(),
            form: form.clone(),
            own,
            shared,
            row: None,
        }
    }

    /// The field of `role`: its own first, then a shared one with a value, then a shared empty one.
    pub fn field(&self, role: Role) -> Option<&EntryField> {
        let matches = |f: &&EntryField| f.role == role;
        self.own
            .iter()
            .find(|f| matches(f) && !f.text.is_empty())
            .or_else(|| {
                self.shared
                    .iter()
                    .find(|f| matches(f) && !f.text.is_empty())
            })
            .or_else(|| self.own.iter().find(matches))
            .or_else(|| self.shared.iter().find(matches))
    }

    /// The value of `role`, empty when not given.
    pub fn text(&self, role: Role) -> &str {
        self.field(role).map_or("", |f| f.text.as_str())
    }

    /// Every field, its own first.
    pub fn fields(&self) -> impl Iterator<Item = &EntryField> {
        self.own.iter().chain(self.shared.iter())
    }

    /// Where the entry is, for a problem with no field of its own: its name's place, or its row.
    pub fn place(&self) -> Place {
        self.field(Role::Name)
            .map(|f| f.place.clone())
            .or_else(|| self.row.clone())
            .unwrap_or(Place::File)
    }
}

/// A problem found in the returned files: where, what, what to do, and the entries it holds back.
#[derive(Debug, Clone)]
pub struct Finding {
    /// The file, as shown.
    pub file: String,
    /// Where in it.
    pub place: Place,
    /// The unit the entry names (empty for a file that gave no entry).
    pub unit: String,
    /// What is wrong.
    pub message: Text,
    /// What to do.
    pub help: Text,
    /// The entries (indices into the roster's entries) it holds back from the score sheet.
    pub entries: Vec<usize>,
    /// Whether it is only reported (an entry with it still goes into the score sheet).
    pub warning: bool,
}

impl Finding {
    /// A problem with a whole file.
    fn file(file: &str, message: Text, help: Text) -> Finding {
        Finding {
            file: file.to_string(),
            place: Place::File,
            unit: String::new(),
            message,
            help,
            entries: Vec::new(),
            warning: false,
        }
    }

    /// `file (place): message`.
    pub fn text(&self) -> Text {
        match self.place {
            Place::File => msg!(
                "roster-finding-file",
                file = &self.file,
                message = self.message.clone()
            ),
            _ => msg!(
                "roster-finding",
                file = &self.file,
                place = self.place.text(),
                message = self.message.clone()
            ),
        }
    }

    /// [`Finding::text`] in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        self.text().render(lang)
    }

    /// As a problem for the terminal (a warning: the roster is still written).
    fn problem(&self) -> Problem {
        Problem::general(None, self.text())
            .with_help(self.help.clone())
            .warning()
    }
}

/// What `jingsai roster` read and wrote.
#[derive(Debug)]
pub struct Summary {
    /// How many files were read.
    pub files: usize,
    /// Every entry, in the order of the files.
    pub entries: Vec<Entry>,
    /// Every problem found, sorted by file and place.
    pub findings: Vec<Finding>,
    /// How many entries went into the score sheet.
    pub clean: usize,
    /// The files written.
    pub written: Vec<PathBuf>,
}

impl Summary {
    /// The findings as problems, for the terminal.
    pub fn problems(&self) -> Problems {
        Problems(self.findings.iter().map(Finding::problem).collect())
    }
}

/// Reads every file under `from`, checks the entries against the contest at `root` and writes the
/// roster, the score sheet and the units' reports into `out`, which must be outside the published site.
pub fn run(root: &Path, from: &Path, out: &Path) -> Result<Summary, BuildFailure> {
    output::check_output_dir(root, out).map_err(|error| ToolError::UnsafeOutput {
        error,
        option: "--out",
    })?;
    if let Some(site) = crate::build::published_site_of(root, out) {
        return Err(Problems(vec![
            Problem::general(None, msg!("roster-into-site", out, site))
                .with_help(msg!("roster-into-site-help")),
        ])
        .into());
    }
    let loaded = crate::build::check(root)?;
    let project = &loaded.project;
    let mut findings = Vec::new();
    let files = read::list(from, &mut findings).map_err(|e| {
        Problems(vec![
            Problem::general(None, msg!("roster-no-folder", from, error = e.to_string()))
                .with_help(msg!("roster-no-folder-help")),
        ])
    })?;
    let mut entries = Vec::new();
    for (shown, read) in read::files(from, &files, &project.forms, &project.contest) {
        match read {
            Ok(found) if found.is_empty() => findings.push(Finding::file(
                &shown,
                msg!("roster-no-entries"),
                msg!("roster-no-entries-help"),
            )),
            Ok(found) => entries.extend(found),
            Err(finding) => findings.push(finding),
        }
    }
    check::all(&project.contest, &project.forms, &entries, &mut findings);
    let findings = check::tidy(findings);
    let held: std::collections::HashSet<usize> = findings
        .iter()
        .filter(|f| !f.warning)
        .flat_map(|f| f.entries.iter().copied())
        .collect();
    let map: OutputMap = write::all(&project.contest, &entries, &findings, &held)?;
    output::write(&map, out)?;
    let written = map.iter().map(|(path, _)| out.join(path)).collect();
    Ok(Summary {
        files: files.len(),
        clean: entries.len() - held.len(),
        entries,
        findings,
        written,
    })
}
