//! The last stage: the in-memory output map, and writing it to disk safely.
//!
//! A build renders everything into an [`OutputMap`] first; nothing touches the disk until every page
//! rendered, so a failed build leaves the previous output untouched. [`write()`] then replaces files one
//! by one through a temporary name and a rename (a reader never sees half a file), skips files whose bytes
//! did not change, and removes only files that the previous build wrote (listed in a manifest inside the
//! output folder). It never writes or deletes outside the output folder.

mod map;
mod safety;

pub use map::{OutputMap, is_safe_relative};
pub use safety::{UnsafeOutput, check_output_dir, inside_built_site, normalise};

use crate::fs::{self, Action, FsError};
use crate::i18n::Text;
use crate::msg;
use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

/// The name of the manifest of generated files kept inside the output folder.
pub const MANIFEST: &str = ".jingsai-manifest";

/// What [`write()`] did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct WriteReport {
    /// Files written because they are new or changed.
    pub written: usize,
    /// Files left alone because their bytes were already on disk.
    pub unchanged: usize,
    /// Files of the previous build that this build no longer makes, removed.
    pub removed: usize,
    /// Lines of the previous manifest that were not removed because they point outside the output folder
    /// or through a symbolic link (a manifest made by hand, or by someone else).
    pub refused: Vec<String>,
}

/// Why [`write()`] failed.
#[derive(Debug)]
pub enum WriteError {
    /// A file could not be staged; nothing in the output folder was replaced.
    Staging(FsError),
    /// Another jingsai holds the lock of the output folder.
    Busy(PathBuf),
    /// The folder holds files that jingsai did not make.
    NotOurs {
        /// The output folder.
        dir: PathBuf,
        /// What is in it (names, sorted).
        entries: Vec<String>,
    },
    /// Replacing files failed part-way: some files are new, the others are as before.
    Partial {
        /// What failed.
        source: FsError,
        /// Files replaced with this build's bytes.
        replaced: Vec<String>,
        /// Files that still hold the previous build's bytes.
        old: Vec<String>,
    },
}

impl WriteError {
    /// Whether files of the output folder changed before the failure.
    pub fn partly_written(&self) -> bool {
        matches!(self, WriteError::Partial { .. })
    }

    /// What went wrong.
    pub fn text(&self) -> Text {
        match self {
            WriteError::Staging(error) => error.text(),
            WriteError::Busy(dir) => msg!("output-busy", dir),
            WriteError::NotOurs { dir, entries } => msg!(
                "output-not-ours",
                dir,
                manifest = MANIFEST,
                entries = list(entries, 8)
            ),
            WriteError::Partial {
                source,
                replaced,
                old,
            } => msg!(
                "output-partial",
                error = source.text(),
                replaced_count = replaced.len(),
                replaced = list(replaced, 5),
                old_count = old.len(),
                old = list(old, 5)
            ),
        }
    }

    /// What to do about it.
    pub fn help(&self) -> Text {
        match self {
            WriteError::Staging(_) => msg!("output-staging-help"),
            WriteError::Busy(_) => msg!("output-busy-help"),
            WriteError::NotOurs { .. } => msg!("output-not-ours-help"),
            WriteError::Partial { .. } => msg!("output-partial-help"),
        }
    }
}

impl std::fmt::Display for WriteError {
    /// [`WriteError::text`] in English.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text())
    }
}

impl std::error::Error for WriteError {}

/// Up to `most` names quoted and joined (`` `a`, `b` and 3 more ``), or `none`.
fn list(names: &[String], most: usize) -> Text {
    let shown: Vec<String> = names.iter().take(most).map(|p| format!("`{p}`")).collect();
    match (shown.is_empty(), names.len().saturating_sub(most)) {
        (true, _) => msg!("output-list-none"),
        (false, 0) => msg!("output-list", names = shown.join(", ")),
        (false, more) => msg!("output-list-more", names = shown.join(", "), more),
    }
}

/// The lock file that one build holds while it writes.
const LOCK: &str = ".jingsai-lock";

/// Writes `map` into `dir`, replacing each file atomically and removing stale files of the previous build.
///
/// Every new or changed file is first written under a temporary name next to its place (so a full disk
/// or a read-only folder is found before anything is replaced), then the temporary files are renamed
/// over the old ones. A symbolic link inside `dir` is never followed: where a folder is needed it is
/// replaced by a real folder, and a manifest line that leads through one is refused. An advisory lock on
/// `dir/.jingsai-lock` keeps two builds from writing at once.
pub fn write(map: &OutputMap, dir: &Path) -> Result<WriteReport, WriteError> {
    fs::create_dir_all(dir).map_err(WriteError::Staging)?;
    let _lock = lock(dir)?;
    let previous = read_manifest(dir).map_err(WriteError::Staging)?;
    if previous.is_none() {
        refuse_foreign(dir)?;
        // The folder is jingsai's from now on, even if this build is stopped half-way.
        let manifest = dir.join(MANIFEST);
        std::fs::write(&manifest, "")
            .map_err(|e| WriteError::Staging(FsError::new(Action::Write, &manifest, e)))?;
    }
    let suffix = format!(".jingsai-tmp-{}", std::process::id());
    let entries: Vec<(&str, &[u8])> = map.iter().collect();
    let staged = stage_all(&entries, dir, previous.is_some(), &suffix)?;
    let unchanged = entries.len() - staged.len();
    let mut report = commit(&staged, dir, &previous, map, &suffix)?;
    report.unchanged = unchanged;
    Ok(report)
}

/// Holds the output folder's lock until dropped.
fn lock(dir: &Path) -> Result<std::fs::File, WriteError> {
    let path = dir.join(LOCK);
    if path.symlink_metadata().is_ok_and(|m| !m.is_file()) {
        std::fs::remove_file(&path)
            .map_err(|e| WriteError::Staging(FsError::new(Action::Remove, &path, e)))?;
    }
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| WriteError::Staging(FsError::new(Action::Lock, &path, e)))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(WriteError::Busy(dir.to_path_buf())),
        Err(std::fs::TryLockError::Error(e)) => {
            Err(WriteError::Staging(FsError::new(Action::Lock, &path, e)))
        }
    }
}

/// Refuses a folder without a manifest that holds anything but jingsai's own lock.
fn refuse_foreign(dir: &Path) -> Result<(), WriteError> {
    let listing = std::fs::read_dir(dir)
        .map_err(|e| WriteError::Staging(FsError::new(Action::List, dir, e)))?;
    let mut entries: Vec<String> = listing
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|name| name != LOCK)
        .collect();
    if entries.is_empty() {
        return Ok(());
    }
    entries.sort();
    Err(WriteError::NotOurs {
        dir: dir.to_path_buf(),
        entries,
    })
}

/// A file written under its temporary name, waiting to be renamed into place.
struct Staged {
    rel: String,
    target: PathBuf,
    temp: PathBuf,
}

/// Writes every new or changed file under a temporary name (on two threads: on a large site the system
/// calls take as long as rendering). On failure the temporary files are removed and nothing is replaced.
fn stage_all(
    entries: &[(&str, &[u8])],
    dir: &Path,
    had_manifest: bool,
    suffix: &str,
) -> Result<Vec<Staged>, WriteError> {
    let stage_slice = |slice: &[(&str, &[u8])]| -> (Vec<Staged>, Option<FsError>) {
        let mut staged = Vec::new();
        let mut real_folders: HashSet<PathBuf> = HashSet::new();
        let mut buffer = Vec::new();
        for (rel, bytes) in slice {
            let target = dir.join(rel);
            // Only a folder written before can hold an identical file; sizes are compared first.
            if had_manifest && unchanged(&target, bytes, &mut buffer) {
                continue;
            }
            match stage_one(dir, rel, &target, bytes, suffix, &mut real_folders) {
                Ok(temp) => staged.push(Staged {
                    rel: rel.to_string(),
                    target,
                    temp,
                }),
                Err(e) => return (staged, Some(e)),
            }
        }
        (staged, None)
    };
    // Halves of about the same number of bytes: comparing reads every byte back.
    let total: usize = entries.iter().map(|(_, bytes)| bytes.len()).sum();
    let mut half = 0;
    let middle = entries
        .iter()
        .position(|(_, bytes)| {
            half += bytes.len();
            half * 2 >= total
        })
        .map_or(entries.len(), |i| i + 1);
    let (first, second) = entries.split_at(middle);
    let ((mut staged, a), (more, b)) = std::thread::scope(|scope| {
        let handle = scope.spawn(|| stage_slice(second));
        (stage_slice(first), handle.join().expect("writer thread"))
    });
    staged.extend(more);
    if let Some(error) = a.or(b) {
        for file in &staged {
            let _ = std::fs::remove_file(&file.temp);
        }
        return Err(WriteError::Staging(error));
    }
    Ok(staged)
}

/// Makes the folders of `rel` real folders inside `dir` and writes `bytes` next to `target` under a
/// temporary name; returns that name.
fn stage_one(
    dir: &Path,
    rel: &str,
    target: &Path,
    bytes: &[u8],
    suffix: &str,
    real_folders: &mut HashSet<PathBuf>,
) -> Result<PathBuf, FsError> {
    let mut folder = dir.to_path_buf();
    let parts: Vec<&str> = rel.split('/').collect();
    for part in &parts[..parts.len() - 1] {
        folder.push(part);
        if real_folders.contains(&folder) {
            continue;
        }
        make_real_folder(&folder)?;
        real_folders.insert(folder.clone());
    }
    if target.symlink_metadata().is_ok_and(|m| m.is_dir()) {
        return Err(FsError::refusal(
            Action::Replace,
            target,
            msg!("output-folder-in-the-way"),
        ));
    }
    let mut name = target
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(suffix);
    let temp = target.with_file_name(name);
    let create = || {
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
    };
    let mut file = match create() {
        // A temporary file left by a killed build of the same process id; removing it removes a link,
        // not what it points to.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            let _ = std::fs::remove_file(&temp);
            create()
        }
        other => other,
    }
    .map_err(|e| FsError::new(Action::Write, &temp, e))?;
    std::io::Write::write_all(&mut file, bytes).map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        FsError::new(Action::Write, &temp, e)
    })?;
    Ok(temp)
}

/// Makes `folder` a real folder: a symbolic link there is removed (as a link; what it points to is left
/// alone) and a folder made in its place.
fn make_real_folder(folder: &Path) -> Result<(), FsError> {
    match folder.symlink_metadata() {
        Ok(meta) if meta.is_dir() => Ok(()),
        Ok(meta) if meta.file_type().is_symlink() => {
            std::fs::remove_file(folder)
                .map_err(|e| FsError::new(Action::RemoveLink, folder, e))?;
            std::fs::create_dir(folder).map_err(|e| FsError::new(Action::CreateFolder, folder, e))
        }
        Ok(_) => Err(FsError::refusal(
            Action::CreateFolder,
            folder,
            msg!("output-file-in-the-way"),
        )),
        Err(_) => match std::fs::create_dir(folder) {
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && folder.is_dir() => Ok(()),
            other => other.map_err(|e| FsError::new(Action::CreateFolder, folder, e)),
        },
    }
}

/// Renames the staged files into place, removes the previous build's stale files and writes the
/// manifest.
fn commit(
    staged: &[Staged],
    dir: &Path,
    previous: &Option<Vec<String>>,
    map: &OutputMap,
    suffix: &str,
) -> Result<WriteReport, WriteError> {
    let mut report = WriteReport::default();
    for (i, file) in staged.iter().enumerate() {
        if let Err(e) = std::fs::rename(&file.temp, &file.target) {
            for rest in &staged[i..] {
                let _ = std::fs::remove_file(&rest.temp);
            }
            // Every file the folder may now hold is listed, so the next build can clean up.
            let mut listed: BTreeSet<&str> = map.iter().map(|(p, _)| p).collect();
            listed.extend(previous.iter().flatten().map(String::as_str));
            let manifest: String = listed.iter().map(|p| format!("{p}\n")).collect();
            let _ = std::fs::write(dir.join(MANIFEST), manifest);
            return Err(WriteError::Partial {
                source: FsError::new(Action::Rename, &file.temp, e),
                replaced: staged[..i].iter().map(|s| s.rel.clone()).collect(),
                old: staged[i..].iter().map(|s| s.rel.clone()).collect(),
            });
        }
        report.written += 1;
    }
    for stale in previous.iter().flatten().filter(|p| map.get(p).is_none()) {
        let Some(path) = removable(dir, stale) else {
            report.refused.push(stale.clone());
            continue;
        };
        match std::fs::remove_file(&path) {
            Ok(()) => {
                report.removed += 1;
                remove_empty_parents(dir, &path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(WriteError::Partial {
                    source: FsError::new(Action::Remove, &path, e),
                    replaced: staged.iter().map(|s| s.rel.clone()).collect(),
                    old: vec![stale.clone()],
                });
            }
        }
    }
    let manifest: String = map.iter().map(|(p, _)| format!("{p}\n")).collect();
    let manifest_path = dir.join(MANIFEST);
    let temp = dir.join(format!("{MANIFEST}{suffix}"));
    let _ = std::fs::remove_file(&temp);
    std::fs::write(&temp, manifest)
        .and_then(|()| std::fs::rename(&temp, &manifest_path))
        .map_err(|e| WriteError::Partial {
            source: FsError::new(Action::Write, &manifest_path, e),
            replaced: staged.iter().map(|s| s.rel.clone()).collect(),
            old: Vec::new(),
        })?;
    Ok(report)
}

/// The path of a manifest line when removing it stays inside `dir`: a relative path without `..`, whose
/// folders are real folders (no symbolic link on the way), naming a file or a link (removed as a link).
fn removable(dir: &Path, line: &str) -> Option<PathBuf> {
    if !is_safe_relative(line) || line == MANIFEST || line == LOCK {
        return None;
    }
    let mut path = dir.to_path_buf();
    let parts: Vec<&str> = line.split('/').collect();
    for part in &parts[..parts.len() - 1] {
        path.push(part);
        match path.symlink_metadata() {
            Ok(meta) if meta.is_dir() => {}
            _ => return None,
        }
    }
    path.push(parts[parts.len() - 1]);
    match path.symlink_metadata() {
        Ok(meta) if meta.is_dir() => None,
        _ => Some(path),
    }
}

/// Whether `target` is a regular file holding exactly `bytes`: opened without following a link (and
/// without waiting on a pipe), its size compared first, then read in pieces into `buffer` (one per
/// thread, kept between files) and compared as it comes, so a rebuild that leaves every file alone
/// allocates nothing per file.
fn unchanged(target: &Path, bytes: &[u8], buffer: &mut Vec<u8>) -> bool {
    use std::io::Read;
    let Ok(mut file) = fs::open_own_file(target) else {
        return false;
    };
    if !file
        .metadata()
        .is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
    {
        return false;
    }
    if buffer.is_empty() {
        buffer.resize(64 * 1024, 0);
    }
    let mut rest = bytes;
    loop {
        match file.read(buffer) {
            Ok(0) => return rest.is_empty(),
            Ok(n) if n <= rest.len() && buffer[..n] == rest[..n] => rest = &rest[n..],
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            _ => return false,
        }
    }
}

/// The lines of the manifest of `dir`; `None` when there is none. A manifest that is not a regular file
/// (a link, a folder) counts as none, so the folder is refused unless it is otherwise empty.
fn read_manifest(dir: &Path) -> Result<Option<Vec<String>>, FsError> {
    let path = dir.join(MANIFEST);
    match path.symlink_metadata() {
        Ok(meta) if meta.is_file() => {}
        _ => return Ok(None),
    }
    let text = std::fs::read(&path).map_err(|e| FsError::new(Action::Read, &path, e))?;
    Ok(Some(
        String::from_utf8_lossy(&text)
            .lines()
            .map(str::to_string)
            .collect(),
    ))
}

fn remove_empty_parents(root: &Path, file: &Path) {
    let mut current = file.parent();
    while let Some(folder) = current {
        if folder == root || !folder.starts_with(root) || std::fs::remove_dir(folder).is_err() {
            break;
        }
        current = folder.parent();
    }
}
