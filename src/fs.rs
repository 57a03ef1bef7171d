//! The one place that touches the file system for reading: every IO error names its path.
//!
//! A contest folder is untrusted input (it arrives by git clone, e-mail or a shared drive), so files of
//! the contest are read with [`read_input`] and [`read_input_text`]: only regular files (no FIFO, device
//! or folder), only inside the contest folder once symbolic links are resolved, and no larger than the
//! limit of their [`Input`] kind.

use std::io::Read;
use std::path::{Path, PathBuf};

/// An IO failure together with the path it happened on.
#[derive(Debug, thiserror::Error)]
#[error("could not {action} `{path}`: {source}")]
pub struct FsError {
    /// What was being attempted ("read", "write", "create folder", ...).
    pub action: &'static str,
    /// The path involved.
    pub path: PathBuf,
    /// The underlying error, part of the message (so it is not also offered as a source).
    pub source: std::io::Error,
}

impl FsError {
    /// Wraps `source` with the action and path it belongs to.
    pub fn new(action: &'static str, path: &Path, source: std::io::Error) -> Self {
        FsError {
            action,
            path: path.to_path_buf(),
            source,
        }
    }

    /// A refusal to read `path`, with the reason in words.
    fn refused(path: &Path, reason: String) -> Self {
        FsError::new(
            "read",
            path,
            std::io::Error::new(std::io::ErrorKind::InvalidInput, reason),
        )
    }
}

impl From<FsError> for crate::diagnostics::Problem {
    /// A file of the contest folder that could not be read is a problem in that folder, named by its path.
    fn from(error: FsError) -> Self {
        crate::diagnostics::Problem::general(None, error.to_string())
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
    fn what(self) -> &'static str {
        match self {
            Input::Contest => "a contest definition",
            Input::Notice => "a notice",
            Input::Results => "a results sheet",
            Input::Template => "a page template",
            Input::Asset => "a style sheet or script",
            Input::Form => "a form template",
            Input::Roster => "a roster",
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
    let link = std::fs::symlink_metadata(path).map_err(|e| FsError::new("read", path, e))?;
    if let Some(root) = root {
        let real = path
            .canonicalize()
            .map_err(|e| FsError::new("read", shown, e))?;
        let real_root = root
            .canonicalize()
            .map_err(|e| FsError::new("read", root, e))?;
        if !real.starts_with(&real_root) {
            let how = if link.file_type().is_symlink() {
                "it is a symbolic link"
            } else {
                "a folder on its way is a symbolic link"
            };
            return Err(FsError::refused(
                shown,
                format!(
                    "{how} to `{}`, outside the contest folder; jingsai reads only files inside it, so copy the file in instead of linking to it",
                    real.display()
                ),
            ));
        }
    }
    let meta = std::fs::metadata(path).map_err(|e| FsError::new("read", shown, e))?;
    if !meta.is_file() {
        return Err(FsError::refused(
            shown,
            format!(
                "it is not a regular file (it is {}); jingsai reads only regular files",
                file_kind(&meta)
            ),
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
        Err(e) => return Err(FsError::new("list", shown, e)),
    };
    let real_root = root
        .canonicalize()
        .map_err(|e| FsError::new("read", root, e))?;
    if real.starts_with(&real_root) {
        Ok(())
    } else {
        Err(FsError::new(
            "list",
            shown,
            std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!(
                    "it is a symbolic link to `{}`, outside the contest folder; jingsai reads only files inside it",
                    real.display()
                ),
            ),
        ))
    }
}

/// [`read_input_text`] for a file listed in a folder that [`check_folder`] accepted: a regular file is
/// read without resolving its path again (one `lstat`, then the read); a link, pipe or device gets the
/// full check.
pub(crate) fn read_listed_text(root: &Path, path: &Path, kind: Input) -> Result<String, FsError> {
    let shown_path = shown(Some(root), path);
    let link = std::fs::symlink_metadata(path).map_err(|e| FsError::new("read", shown_path, e))?;
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
        format!(
            "it is {}, more than the {} that {} may be; is it the right file?",
            human_size(size),
            human_size(kind.limit()),
            kind.what()
        ),
    )
}

fn file_kind(meta: &std::fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let kind = meta.file_type();
    if kind.is_dir() {
        "a folder"
    } else if kind.is_fifo() {
        "a named pipe"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_block_device() || kind.is_char_device() {
        "a device"
    } else {
        "not a file"
    }
}

/// A size in words: `512 bytes`, `12.5 KiB`, `3.0 MiB`.
pub(crate) fn human_size(bytes: u64) -> String {
    const KIB: f64 = 1024.0;
    let b = bytes as f64;
    if b < KIB {
        format!("{bytes} bytes")
    } else if b < KIB * KIB {
        format!("{:.1} KiB", b / KIB)
    } else {
        format!("{:.1} MiB", b / KIB / KIB)
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
    let file = std::fs::File::open(path).map_err(|e| FsError::new("read", shown, e))?;
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(kind.limit() + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| FsError::new("read", shown, e))?;
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
            format!(
                "it is not UTF-8 text: byte 0x{:02X} at line {line}, column {column}; save the file as UTF-8 (in Notepad or WPS: 另存为, 编码 UTF-8)",
                bytes[at]
            ),
        )
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// Creates a folder and its parents.
pub(crate) fn create_dir_all(path: &Path) -> Result<(), FsError> {
    std::fs::create_dir_all(path).map_err(|e| FsError::new("create folder", path, e))
}

/// Lists the entries directly inside `dir` whose names end with `suffix` and that are not folders,
/// sorted by name; names starting with `.` are left out. Links, pipes and devices are listed, so that
/// reading them reports why they are refused rather than skipping them silently. A missing folder is an
/// empty list.
pub(crate) fn list_files(dir: &Path, suffix: &str) -> Result<Vec<PathBuf>, FsError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(FsError::new("list", dir, e)),
    };
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| FsError::new("list", dir, e))?;
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
