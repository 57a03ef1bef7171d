//! The last stage: the in-memory output map, and writing it to disk safely.
//!
//! A build renders everything into an [`OutputMap`] first; nothing touches the disk until every page
//! rendered, so a failed build leaves the previous output untouched. [`write()`] then replaces files one
//! by one through a temporary name and a rename (a reader never sees half a file), skips files whose bytes
//! did not change, and removes only files that the previous build wrote (listed in a manifest inside the
//! output folder). It never writes or deletes outside the output folder.

mod safety;

pub use safety::{UnsafeOutput, check_output_dir};

use crate::fs::{self, FsError};
use bytes::Bytes;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

/// The name of the manifest of generated files kept inside the output folder.
pub const MANIFEST: &str = ".jingsai-manifest";

/// Every generated file, keyed by its `/`-separated path relative to the output folder.
///
/// The bytes are shared ([`Bytes`]): cloning a map copies no file, so watch mode keeps the last site and
/// makes the next one from it by replacing only what changed.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct OutputMap {
    files: BTreeMap<String, Bytes>,
}

impl OutputMap {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a file. Paths are relative, `/`-separated, and never contain `..`.
    ///
    /// # Panics
    /// When the path is absolute or climbs out of the output folder: paths are made by the tool itself.
    pub fn insert(&mut self, path: impl Into<String>, bytes: impl Into<Bytes>) {
        let path = path.into();
        assert!(
            is_safe_relative(&path),
            "generated path `{path}` must stay inside the output folder"
        );
        self.files.insert(path, bytes.into());
    }

    /// The bytes of one file.
    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(Bytes::as_ref)
    }

    /// The bytes of one file, shared (no copy).
    pub fn get_shared(&self, path: &str) -> Option<Bytes> {
        self.files.get(path).cloned()
    }

    /// Removes a file; returns whether it was there.
    pub fn remove(&mut self, path: &str) -> bool {
        self.files.remove(path).is_some()
    }

    /// Removes every file whose path starts with `prefix`.
    pub fn remove_prefix(&mut self, prefix: &str) {
        self.files.retain(|path, _| !path.starts_with(prefix));
    }

    /// All files in path order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.files.iter().map(|(k, v)| (k.as_str(), v.as_ref()))
    }

    /// The number of files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether no file was generated.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Total size in bytes.
    pub fn total_bytes(&self) -> usize {
        self.files.values().map(Bytes::len).sum()
    }
}

/// Whether `path` is a relative path that stays inside its root.
pub fn is_safe_relative(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.contains('\\')
        && !path.contains(':')
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
}

/// What [`write()`] did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct WriteReport {
    /// Files written because they are new or changed.
    pub written: usize,
    /// Files left alone because their bytes were already on disk.
    pub unchanged: usize,
    /// Files of the previous build that this build no longer makes, removed.
    pub removed: usize,
}

/// Writes `map` into `dir`, replacing each file atomically and removing stale files of the previous build.
pub fn write(map: &OutputMap, dir: &Path) -> Result<WriteReport, FsError> {
    fs::create_dir_all(dir)?;
    let previous = read_manifest(dir);
    let suffix = format!(".jingsai-tmp-{}", std::process::id());
    let entries: Vec<(&str, &[u8])> = map.iter().collect();
    let write_all = |slice: &[(&str, &[u8])]| -> Result<(usize, usize), FsError> {
        let (mut written, mut same) = (0, 0);
        let mut made_folders: HashSet<PathBuf> = HashSet::new();
        for (rel, bytes) in slice {
            let target = dir.join(rel);
            // Only a folder written before can hold an identical file; sizes are compared first.
            if previous.is_some() && unchanged(&target, bytes) {
                same += 1;
                continue;
            }
            if let Some(parent) = target.parent() {
                if !made_folders.contains(parent) {
                    fs::create_dir_all(parent)?;
                    made_folders.insert(parent.to_path_buf());
                }
            }
            replace(&target, bytes, &suffix)?;
            written += 1;
        }
        Ok((written, same))
    };
    // Two writers: on a large site the system calls take as long as rendering.
    let (first, second) = entries.split_at(entries.len() / 2);
    let (a, b) = std::thread::scope(|scope| {
        let handle = scope.spawn(|| write_all(second));
        (write_all(first), handle.join().expect("writer thread"))
    });
    let (a, b) = (a?, b?);
    let mut report = WriteReport {
        written: a.0 + b.0,
        unchanged: a.1 + b.1,
        removed: 0,
    };
    for stale in previous.iter().flatten().filter(|p| map.get(p).is_none()) {
        if !is_safe_relative(stale) {
            continue;
        }
        let path = dir.join(stale);
        match std::fs::remove_file(&path) {
            Ok(()) => {
                report.removed += 1;
                remove_empty_parents(dir, &path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(FsError::new("remove", &path, e)),
        }
    }
    let manifest: String = map.iter().map(|(p, _)| format!("{p}\n")).collect();
    replace(&dir.join(MANIFEST), manifest.as_bytes(), &suffix)?;
    Ok(report)
}

fn unchanged(target: &Path, bytes: &[u8]) -> bool {
    std::fs::metadata(target).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && std::fs::read(target).is_ok_and(|old| old == bytes)
}

/// Writes `bytes` under a temporary name next to `target`, then renames it over `target`.
fn replace(target: &Path, bytes: &[u8], suffix: &str) -> Result<(), FsError> {
    let mut name = target
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(suffix);
    let temp = target.with_file_name(name);
    std::fs::write(&temp, bytes).map_err(|e| FsError::new("write", &temp, e))?;
    fs::rename(&temp, target)
}

fn read_manifest(dir: &Path) -> Option<Vec<String>> {
    std::fs::read_to_string(dir.join(MANIFEST))
        .ok()
        .map(|text| text.lines().map(str::to_string).collect())
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
