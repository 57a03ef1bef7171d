//! Refuses output folders whose use would overwrite or delete the user's own files.

use std::path::{Path, PathBuf};

/// Why an output folder was refused.
#[derive(Debug, thiserror::Error)]
#[error("refusing to build into `{path}`: {reason}")]
pub struct UnsafeOutput {
    /// The refused folder.
    pub path: PathBuf,
    /// Why, in words.
    pub reason: String,
}

/// Checks that `output` is a folder the tool may fill: not the project or its `content/`, `templates/`,
/// `forms/` folders, not a parent of the project, not inside the content folder, not `/` and not the home
/// folder.
pub fn check_output_dir(project: &Path, output: &Path) -> Result<(), UnsafeOutput> {
    let out = normalise(output);
    let project = normalise(project);
    let refuse = |reason: &str| {
        Err(UnsafeOutput {
            path: output.to_path_buf(),
            reason: reason.to_string(),
        })
    };
    if out.parent().is_none() {
        return refuse("it is the root of the file system");
    }
    if let Some(home) = std::env::var_os("HOME").map(PathBuf::from) {
        if out == normalise(&home) {
            return refuse("it is your home folder");
        }
    }
    if out == project {
        return refuse("it is the project folder itself; choose a folder such as `output`");
    }
    if project.starts_with(&out) {
        return refuse("it contains the project folder");
    }
    for source in ["content", "templates", "forms"] {
        let source_dir = project.join(source);
        if out == source_dir || out.starts_with(&source_dir) {
            return refuse(&format!("it is inside the project's `{source}` folder"));
        }
    }
    Ok(())
}

/// Makes a path absolute and removes `.` and `..` without touching the disk beyond `canonicalize` of the
/// longest existing prefix, so symbolic links to the project are seen through.
fn normalise(path: &Path) -> PathBuf {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut existing = absolute.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name.to_os_string());
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    let mut result = existing.canonicalize().unwrap_or(existing);
    for part in rest.into_iter().rev() {
        result.push(part);
    }
    let mut clean = PathBuf::new();
    for component in result.components() {
        match component {
            std::path::Component::ParentDir => {
                clean.pop();
            }
            std::path::Component::CurDir => {}
            other => clean.push(other),
        }
    }
    clean
}
