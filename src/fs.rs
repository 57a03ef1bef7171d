//! The one place that touches the file system for reading: every IO error names its path.
//!
//! A contest folder is untrusted input (it arrives by git clone, e-mail or a shared drive), so files of
//! the contest are read with [`read_input`] and [`read_input_text`]: only regular files (no FIFO, device
//! or folder), only inside the contest folder once symbolic links are resolved, and no larger than the
//! limit of their [`Input`] kind.

use crate::i18n::Text;
use crate::msg;
use std::io::Read;
use std::path::{Path, PathBuf};

/// An IO failure together with the path it happened on.
#[derive(Debug)]
pub struct FsError {
    /// What was being attempted.
    pub action: Action,
    /// The path involved.
    pub path: PathBuf,
    /// Why it failed: an error of the system, or jingsai's refusal.
    pub cause: Cause,
}

/// What was being done to a file or folder when it failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Reading a file (or finding out what it is).
    Read,
    /// Listing a folder.
    List,
    /// Writing a file.
    Write,
    /// Creating a file or folder that must be new.
    Create,
    /// Creating a folder and its parents.
    CreateFolder,
    /// Taking the lock of an output folder.
    Lock,
    /// Removing a file.
    Remove,
    /// Removing a symbolic link.
    RemoveLink,
    /// Renaming a file into place.
    Rename,
    /// Replacing a file.
    Replace,
}

impl Action {
    /// The action in words: `read`, `create folder`.
    pub fn text(self) -> Text {
        match self {
            Action::Read => msg!("fs-action-read"),
            Action::List => msg!("fs-action-list"),
            Action::Write => msg!("fs-action-write"),
            Action::Create => msg!("fs-action-create"),
            Action::CreateFolder => msg!("fs-action-create-folder"),
            Action::Lock => msg!("fs-action-lock"),
            Action::Remove => msg!("fs-action-remove"),
            Action::RemoveLink => msg!("fs-action-remove-link"),
            Action::Rename => msg!("fs-action-rename"),
            Action::Replace => msg!("fs-action-replace"),
        }
    }
}

/// Why a file could not be read or written.
#[derive(Debug)]
pub enum Cause {
    /// The operating system said no.
    Io(std::io::Error),
    /// jingsai refused (a link out of the contest folder, a pipe, a file too large, not UTF-8).
    Refused(Text),
}

impl Cause {
    /// The reason in words. The common errors of the system are said in the language (with the
    /// system's own words beside them in Chinese); others are the system's words.
    pub fn text(&self) -> Text {
        use std::io::ErrorKind;
        let error = match self {
            Cause::Refused(reason) => return reason.clone(),
            Cause::Io(error) => error,
        };
        let os = error.to_string();
        match error.kind() {
            ErrorKind::NotFound => msg!("fs-io-not-found", os),
            ErrorKind::PermissionDenied => msg!("fs-io-permission-denied", os),
            ErrorKind::AlreadyExists => msg!("fs-io-already-exists", os),
            ErrorKind::IsADirectory => msg!("fs-io-is-a-folder", os),
            ErrorKind::NotADirectory => msg!("fs-io-not-a-folder", os),
            ErrorKind::ReadOnlyFilesystem => msg!("fs-io-read-only", os),
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded => msg!("fs-io-full", os),
            _ => Text::plain(os),
        }
    }
}

impl FsError {
    /// Wraps `source` with the action and path it belongs to.
    pub fn new(action: Action, path: &Path, source: std::io::Error) -> Self {
        FsError {
            action,
            path: path.to_path_buf(),
            cause: Cause::Io(source),
        }
    }

    /// jingsai's refusal to do `action` on `path`, with the reason in words.
    pub fn refusal(action: Action, path: &Path, reason: Text) -> Self {
        FsError {
            action,
            path: path.to_path_buf(),
            cause: Cause::Refused(reason),
        }
    }

    /// A refusal to read `path`, with the reason in words.
    fn refused(path: &Path, reason: Text) -> Self {
        FsError::refusal(Action::Read, path, reason)
    }

    /// The message: `could not read `content/contest.yaml`: …`.
    pub fn text(&self) -> Text {
        msg!(
            "fs-failed",
            action = self.action.text(),
            path = &self.path,
            reason = self.cause.text()
        )
    }
}

impl std::fmt::Display for FsError {
    /// [`FsError::text`] in English.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text())
    }
}

impl std::error::Error for FsError {}

impl From<FsError> for crate::diagnostics::Problem {
    /// A file of the contest folder that could not be read is a problem in that folder, named by its path.
    fn from(error: FsError) -> Self {
        crate::diagnostics::Problem::general(None, error.text())
    }
}

/// The kinds of files a contest folder holds, each with the largest size jingsai reads.
///
/// The limits are far above any real file (the seed's contest.yaml is 12 KB, its notices 2 KB) and far
/// below what would make a build run out of memory or lay out tens of thousands of PDF pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Input {
    /// `content/contest.yaml`.
    Contest,
    /// A notice in `content/notices/`.
    Notice,
    /// The results sheet in `content/` (CSV, xlsx or YAML).
    Results,
    /// A page template in `templates/`.
    Template,
    /// A static file in `templates/` (style sheet, script).
    Asset,
    /// A form template in `forms/`.
    Form,
    /// A roster given to `jingsai forms --fill`.
    Roster,
}

impl Input {
    /// The largest size read, in bytes.
    pub(crate) fn limit(self) -> u64 {
        const MIB: u64 = 1024 * 1024;
        match self {
            Input::Contest | Input::Notice | Input::Template | Input::Form => MIB,
            Input::Asset => 4 * MIB,
            Input::Results | Input::Roster => 32 * MIB,
        }
    }

    /// The file kind in words, for messages.
    fn what(self) -> Text {
        match self {
            Input::Contest => msg!("fs-input-contest"),
            Input::Notice => msg!("fs-input-notice"),
            Input::Results => msg!("fs-input-results"),
            Input::Template => msg!("fs-input-template"),
            Input::Asset => msg!("fs-input-asset"),
            Input::Form => msg!("fs-input-form"),
            Input::Roster => msg!("fs-input-roster"),
        }
    }
}

/// Checks that `path` may be read as `kind`: a regular file, inside `root` (when given) after resolving
/// symbolic links, within the size limit. Returns its size.
pub(crate) fn check_input(root: Option<&Path>, path: &Path, kind: Input) -> Result<u64, FsError> {
    let shown = shown(root, path);
    check_shown(root, path, shown, kind)
}

/// How a file is named in messages: relative to the contest folder when it is inside it.
fn shown<'a>(root: Option<&Path>, path: &'a Path) -> &'a Path {
    root.and_then(|r| path.strip_prefix(r).ok()).unwrap_or(path)
}

fn check_shown(
    root: Option<&Path>,
    path: &Path,
    shown: &Path,
    kind: Input,
) -> Result<u64, FsError> {
    // A missing file is named in full: the contest folder itself may be the wrong one.
    let link = std::fs::symlink_metadata(path).map_err(|e| FsError::new(Action::Read, path, e))?;
    if let Some(root) = root {
        let real = path
            .canonicalize()
            .map_err(|e| FsError::new(Action::Read, shown, e))?;
        let real_root = root
            .canonicalize()
            .map_err(|e| FsError::new(Action::Read, root, e))?;
        if !real.starts_with(&real_root) {
            let reason = if link.file_type().is_symlink() {
                msg!("fs-link-outside", target = &real)
            } else {
                msg!("fs-folder-link-outside", target = &real)
            };
            return Err(FsError::refused(shown, reason));
        }
    }
    let meta = std::fs::metadata(path).map_err(|e| FsError::new(Action::Read, shown, e))?;
    if !meta.is_file() {
        return Err(FsError::refused(
            shown,
            msg!("fs-not-regular", kind = file_kind(&meta)),
        ));
    }
    let limit = kind.limit();
    if meta.len() > limit {
        return Err(too_large(shown, kind, meta.len()));
    }
    Ok(meta.len())
}

/// Checks that the folder `dir` is inside `root` once symbolic links are resolved, so that the regular
/// files listed in it can be read with [`read_listed_text`] without resolving each one's path again.
pub(crate) fn check_folder(root: &Path, dir: &Path) -> Result<(), FsError> {
    let shown = shown(Some(root), dir);
    let real = match dir.canonicalize() {
        Ok(real) => real,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(FsError::new(Action::List, shown, e)),
    };
    let real_root = root
        .canonicalize()
        .map_err(|e| FsError::new(Action::Read, root, e))?;
    if real.starts_with(&real_root) {
        Ok(())
    } else {
        Err(FsError::refusal(
            Action::List,
            shown,
            msg!("fs-listed-folder-outside", target = &real),
        ))
    }
}

/// [`read_input_text`] for a file listed in a folder that [`check_folder`] accepted: a regular file is
/// read without resolving its path again (one `lstat`, then the read); a link, pipe or device gets the
/// full check.
pub(crate) fn read_listed_text(root: &Path, path: &Path, kind: Input) -> Result<String, FsError> {
    let shown_path = shown(Some(root), path);
    let link =
        std::fs::symlink_metadata(path).map_err(|e| FsError::new(Action::Read, shown_path, e))?;
    if !link.is_file() {
        return read_input_text(Some(root), path, kind);
    }
    if link.len() > kind.limit() {
        return Err(too_large(shown_path, kind, link.len()));
    }
    let bytes = read_bounded(path, shown_path, link.len(), kind)?;
    utf8(Some(root), path, bytes)
}

fn too_large(path: &Path, kind: Input, size: u64) -> FsError {
    FsError::refused(
        path,
        msg!(
            "fs-too-large",
            size = human_size(size),
            limit = human_size(kind.limit()),
            kind = kind.what()
        ),
    )
}

fn file_kind(meta: &std::fs::Metadata) -> Text {
    use std::os::unix::fs::FileTypeExt;
    let kind = meta.file_type();
    if kind.is_dir() {
        msg!("fs-kind-folder")
    } else if kind.is_fifo() {
        msg!("fs-kind-pipe")
    } else if kind.is_socket() {
        msg!("fs-kind-socket")
    } else if kind.is_block_device() || kind.is_char_device() {
        msg!("fs-kind-device")
    } else {
        msg!("fs-kind-other")
    }
}

/// A size in words: `512 bytes`, `12.5 KiB`, `3.0 MiB`.
pub(crate) fn human_size(bytes: u64) -> Text {
    const KIB: f64 = 1024.0;
    let b = bytes as f64;
    if b < KIB {
        msg!("fs-size-bytes", bytes)
    } else if b < KIB * KIB {
        Text::plain(format!("{:.1} KiB", b / KIB))
    } else {
        Text::plain(format!("{:.1} MiB", b / KIB / KIB))
    }
}

/// Reads a file of the contest folder `root` (or, with `None`, a file the user named on the command
/// line) after [`check_input`]; at most the limit of `kind` is read, even if the file grows meanwhile.
pub(crate) fn read_input(
    root: Option<&Path>,
    path: &Path,
    kind: Input,
) -> Result<Vec<u8>, FsError> {
    let shown = shown(root, path);
    let size = check_shown(root, path, shown, kind)?;
    read_bounded(path, shown, size, kind)
}

/// Reads at most the limit of `kind` (even if the file grew since it was checked at `size` bytes).
fn read_bounded(path: &Path, shown: &Path, size: u64, kind: Input) -> Result<Vec<u8>, FsError> {
    let file = std::fs::File::open(path).map_err(|e| FsError::new(Action::Read, shown, e))?;
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(kind.limit() + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| FsError::new(Action::Read, shown, e))?;
    if bytes.len() as u64 > kind.limit() {
        return Err(too_large(shown, kind, bytes.len() as u64));
    }
    Ok(bytes)
}

/// [`read_input`] as UTF-8 text; a leading byte-order mark is dropped. Text that is not UTF-8 is refused
/// with the line and column of the first byte that is not.
pub(crate) fn read_input_text(
    root: Option<&Path>,
    path: &Path,
    kind: Input,
) -> Result<String, FsError> {
    let bytes = read_input(root, path, kind)?;
    utf8(root, path, bytes)
}

/// The bytes as text, without a leading byte-order mark; not UTF-8 is refused with the line and column.
fn utf8(root: Option<&Path>, path: &Path, bytes: Vec<u8>) -> Result<String, FsError> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let at = e.utf8_error().valid_up_to();
        let before = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        FsError::refused(
            shown(root, path),
            msg!(
                "fs-not-utf8",
                byte = format!("{:02X}", bytes[at]),
                line,
                column
            ),
        )
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// Opens `path` for reading without following a symbolic link in its last part (an error instead) and
/// without waiting on a pipe: for files jingsai wrote itself (the output, the cache), which the caller
/// still checks to be regular files.
pub(crate) fn open_own_file(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(
        &mut options,
        libc::O_NOFOLLOW | libc::O_NONBLOCK,
    );
    options.open(path)
}

/// Creates a folder and its parents.
pub(crate) fn create_dir_all(path: &Path) -> Result<(), FsError> {
    std::fs::create_dir_all(path).map_err(|e| FsError::new(Action::CreateFolder, path, e))
}

/// Lists the entries directly inside `dir` whose names end with `suffix` and that are not folders,
/// sorted by name; names starting with `.` are left out. Links, pipes and devices are listed, so that
/// reading them reports why they are refused rather than skipping them silently. A missing folder is an
/// empty list.
pub(crate) fn list_files(dir: &Path, suffix: &str) -> Result<Vec<PathBuf>, FsError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(FsError::new(Action::List, dir, e)),
    };
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| FsError::new(Action::List, dir, e))?;
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let is_folder = entry.file_type().is_ok_and(|kind| kind.is_dir());
        if name.ends_with(suffix) && !name.starts_with('.') && !is_folder {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}
