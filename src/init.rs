//! `jingsai init [DIR]`: a new contest folder to start from. It holds a commented `content/contest.yaml`
//! and a first notice. Each blank is written `【请填写：……】`, and `check` points at every blank still
//! there (see [`crate::model::placeholders`]). In English (`--lang en`) the comments and blanks are
//! English (`【fill in …】`); the contest's own words, which the Chinese pages show, stay Chinese. The contest's attachments name the built-in 报名表 and
//! 报名汇总表 (`jingsai forms --show ID` prints them, to make them the contest's own).
//!
//! It also writes the JSON Schemas of contest.yaml and of a form file into `schema/` (see
//! [`crate::model::schema`]), and contest.yaml's first line points editors at the first.
//! A `.gitignore` keeps the built site and the folders of personal data (`roster/`, `filled-forms/`)
//! out of git.
//!
//! Nothing is ever overwritten: every folder is created new or must be empty, and every file is created
//! new, so `init` cannot clobber a contest or write through a link.

use crate::fs::{Action, FsError};
use crate::i18n::{Lang, Text};
use crate::model::schema::{FOLDER, SchemaKind};
use crate::msg;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The commented contest definition `init` writes, after the line naming its schema: comments and
/// blanks in Chinese, and in English. The contest's own words (group names, page headings) stay
/// Chinese in both, as the pages they make are Chinese.
const CONTEST_YAML: [&str; 2] = [
    include_str!("init/contest.yaml"),
    include_str!("init/contest.en.yaml"),
];
/// The `.gitignore` `init` writes, in Chinese and in English: the built site, and the folders of personal
/// data (`jingsai roster`, `jingsai forms --fill`) that must never be committed or published.
const GITIGNORE: [&str; 2] = [
    "# jingsai build 生成的网站：每次生成都会重写，不必提交\n/output/\n# 报名名单和预填表格含身份证号、手机号，切勿提交或发布\n/roster/\n/filled-forms/\n",
    "# The site `jingsai build` writes: made again by every build, not to be committed\n/output/\n# Rosters and pre-filled forms hold ID and phone numbers: never commit or publish them\n/roster/\n/filled-forms/\n",
];

/// The first notice `init` writes, in Chinese and in English.
const NOTICE_MD: [&str; 2] = [
    include_str!("init/notice.md"),
    include_str!("init/notice.en.md"),
];

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

/// Writes a new contest into `dir` (made when missing; it must be empty otherwise), its comments and
/// blanks in `lang`. Returns the files written.
pub fn init(dir: &Path, lang: Lang) -> Result<Vec<PathBuf>, InitError> {
    let text = usize::from(lang == Lang::En);
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
    let contest = format!("{}\n{}", SchemaKind::Contest.modeline(), CONTEST_YAML[text]);
    let mut files = vec![
        (dir.join(".gitignore"), GITIGNORE[text].to_string()),
        (dir.join("content").join("contest.yaml"), contest),
        (
            notices.join("2026-01-01-first.md"),
            NOTICE_MD[text].to_string(),
        ),
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
