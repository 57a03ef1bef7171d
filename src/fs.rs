//! The one place that touches the file system for reading: every IO error names its path.

use std::path::{Path, PathBuf};

/// An IO failure together with the path it happened on.
#[derive(Debug, thiserror::Error)]
#[error("cannot {action} `{path}`")]
pub struct FsError {
    /// What was being attempted ("read", "write", "create folder", ...).
    pub action: &'static str,
    /// The path involved.
    pub path: PathBuf,
    /// The underlying error.
    #[source]
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
}

/// Reads a UTF-8 text file; a leading byte-order mark is dropped.
pub fn read_to_string(path: &Path) -> Result<String, FsError> {
    let text = std::fs::read_to_string(path).map_err(|e| FsError::new("read", path, e))?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// Reads a file as bytes.
pub fn read(path: &Path) -> Result<Vec<u8>, FsError> {
    std::fs::read(path).map_err(|e| FsError::new("read", path, e))
}

/// Writes bytes to a file, creating its parent folders.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), FsError> {
    if let Some(parent) = path.parent() {
        create_dir_all(parent)?;
    }
    std::fs::write(path, bytes).map_err(|e| FsError::new("write", path, e))
}

/// Creates a folder and its parents.
pub fn create_dir_all(path: &Path) -> Result<(), FsError> {
    std::fs::create_dir_all(path).map_err(|e| FsError::new("create folder", path, e))
}

/// Renames a file or folder.
pub fn rename(from: &Path, to: &Path) -> Result<(), FsError> {
    std::fs::rename(from, to).map_err(|e| FsError::new("rename", from, e))
}

/// Removes a folder tree that this tool created itself.
pub fn remove_dir_all(path: &Path) -> Result<(), FsError> {
    std::fs::remove_dir_all(path).map_err(|e| FsError::new("remove", path, e))
}

/// Lists the files directly inside `dir` whose names end with `suffix`, sorted by name.
/// A missing folder is an empty list.
pub fn list_files(dir: &Path, suffix: &str) -> Result<Vec<PathBuf>, FsError> {
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
        let is_file = match entry.file_type() {
            Ok(kind) if kind.is_symlink() => path.is_file(),
            Ok(kind) => kind.is_file(),
            Err(_) => false,
        };
        if name.ends_with(suffix) && !name.starts_with('.') && is_file {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}
