//! `jingsai init [DIR]`: a new contest folder to start from. It holds a commented `content/contest.yaml`
//! and a first notice. Each blank is written `【请填写：……】`, and `check` points at every blank still
//! there (see [`crate::model::placeholders`]). The contest's attachments name the built-in 报名表 and
//! 报名汇总表 (`jingsai forms --show ID` prints them, to make them the contest's own).
//!
//! It also writes the JSON Schemas of contest.yaml and of a form file into `schema/` (see
//! [`crate::model::schema`]), and contest.yaml's first line points editors at the first.
//!
//! Nothing is ever overwritten: every folder is created new or must be empty, and every file is created
//! new, so `init` cannot clobber a contest or write through a link.

use crate::fs::{Action, FsError};
use crate::i18n::Text;
use crate::model::schema::{FOLDER, SchemaKind};
use crate::msg;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The commented contest definition `init` writes, after the line naming its schema.
const CONTEST_YAML: &str = include_str!("init/contest.yaml");
/// The first notice `init` writes.
const NOTICE_MD: &str = include_str!("init/notice.md");

/// Why `init` wrote nothing.
#[derive(Debug)]
pub enum InitError {
    /// The folder already holds a contest, or other files where the contest would go.
    NotEmpty(PathBuf),
    /// A file or folder could not be made (the error names it and why).
    Fs(FsError),
}

impl From<FsError> for InitError {
    fn from(error: FsError) -> Self {
        InitError::Fs(error)
    }
}

impl InitError {
    /// What went wrong.
    pub fn text(&self) -> Text {
        match self {
            InitError::NotEmpty(dir) => msg!("init-not-empty", dir),
            InitError::Fs(error) => error.text(),
        }
    }

    /// What to do about it.
    pub fn help(&self) -> Text {
        match self {
            InitError::NotEmpty(_) => msg!("init-not-empty-help"),
            InitError::Fs(_) => msg!("init-fs-help"),
        }
    }
}

impl std::fmt::Display for InitError {
    /// [`InitError::text`] in English.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text())
    }
}

impl std::error::Error for InitError {}

/// Writes a new contest into `dir` (made when missing; it must be empty otherwise). Returns the files
/// written.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>, InitError> {
    match std::fs::symlink_metadata(dir) {
        Ok(meta) if !meta.is_dir() => return Err(InitError::NotEmpty(dir.to_path_buf())),
        Ok(_) => {
            let mut entries =
                std::fs::read_dir(dir).map_err(|e| FsError::new(Action::Read, dir, e))?;
            if entries.next().is_some() {
                return Err(InitError::NotEmpty(dir.to_path_buf()));
            }
        }
        Err(_) => std::fs::create_dir_all(dir).map_err(|e| FsError::new(Action::Create, dir, e))?,
    }
    let notices = dir.join("content").join("notices");
    let schemas = dir.join(FOLDER);
    for folder in [
        dir.join("content"),
        notices.clone(),
        dir.join("forms"),
        schemas.clone(),
    ] {
        std::fs::create_dir(&folder).map_err(|e| FsError::new(Action::Create, &folder, e))?;
    }
    let contest = format!("{}\n{CONTEST_YAML}", SchemaKind::Contest.modeline());
    let mut files = vec![
        (dir.join("content").join("contest.yaml"), contest),
        (notices.join("2026-01-01-first.md"), NOTICE_MD.to_string()),
    ];
    for kind in SchemaKind::ALL {
        files.push((schemas.join(kind.file_name()), kind.to_json()));
    }
    let mut written = Vec::new();
    for (path, text) in files {
        let mut file = std::fs::File::options()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(|e| FsError::new(Action::Create, &path, e))?;
        file.write_all(text.as_bytes())
            .map_err(|e| FsError::new(Action::Write, &path, e))?;
        written.push(path);
    }
    Ok(written)
}
