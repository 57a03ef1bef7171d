//! Refuses output folders whose use would overwrite or delete the user's own files.

use crate::i18n::Text;
use crate::msg;
use std::path::{Path, PathBuf};

/// Why an output folder was refused.
#[derive(Debug)]
pub struct UnsafeOutput {
    /// The refused folder.
    pub path: PathBuf,
    /// Why, in words.
    pub reason: Text,
}

impl UnsafeOutput {
    /// The message: `refusing to build into `/`: …`.
    pub fn text(&self) -> Text {
        msg!("output-unsafe", path = &self.path, reason = &self.reason)
    }
}

impl std::fmt::Display for UnsafeOutput {
    /// [`UnsafeOutput::text`] in English.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text())
    }
}

impl std::error::Error for UnsafeOutput {}

/// Checks that `output` is a folder the tool may fill: not the project or its `content/`, `templates/`,
/// `forms/` folders, not a parent of the project, not inside the content folder, not `/` and not the home
/// folder.
pub fn check_output_dir(project: &Path, output: &Path) -> Result<(), UnsafeOutput> {
    let out = normalise(output);
    let project_given = project;
    let project = normalise(project);
    let refuse = |reason: Text| {
        Err(UnsafeOutput {
            path: output.to_path_buf(),
            reason,
        })
    };
    if let Some(link) = link_inside_project(project_given, output) {
        return refuse(msg!("output-unsafe-link", link));
    }
    if out.parent().is_none() {
        return refuse(msg!("output-unsafe-root"));
    }
    if let Some(home) = std::env::var_os("HOME").map(PathBuf::from)
        && out == normalise(&home)
    {
        return refuse(msg!("output-unsafe-home"));
    }
    if out == project {
        return refuse(msg!("output-unsafe-project"));
    }
    if project.starts_with(&out) {
        return refuse(msg!("output-unsafe-contains-project"));
    }
    for source in ["content", "templates", "forms"] {
        let source_dir = project.join(source);
        if out == source_dir || out.starts_with(&source_dir) {
            return refuse(msg!("output-unsafe-inside", source));
        }
    }
    Ok(())
}

/// The first symbolic link on the way from the contest folder to `output`, when `output` is inside the
/// contest folder as written (a link committed as `output -> ~/` must not decide where files go).
fn link_inside_project(project: &Path, output: &Path) -> Option<PathBuf> {
    let project = std::path::absolute(project).ok()?;
    let output = std::path::absolute(output).ok()?;
    let rest = output.strip_prefix(&project).ok()?;
    let mut path = project.clone();
    for part in rest.components() {
        path.push(part);
        if path
            .symlink_metadata()
            .is_ok_and(|m| m.file_type().is_symlink())
        {
            return Some(path);
        }
    }
    None
}

/// Whether `dir` or a folder above it holds a site that jingsai built (a manifest listing `index.html`):
/// files written there would be published.
pub fn inside_built_site(dir: &Path) -> Option<PathBuf> {
    let dir = normalise(dir);
    dir.ancestors().find_map(|folder| {
        let manifest = std::fs::read_to_string(folder.join(super::MANIFEST)).ok()?;
        manifest
            .lines()
            .any(|line| line == "index.html")
            .then(|| folder.to_path_buf())
    })
}

/// Makes a path absolute and removes `.` and `..` without touching the disk beyond `canonicalize` of the
/// longest existing prefix, so symbolic links to the project are seen through.
pub fn normalise(path: &Path) -> PathBuf {
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
