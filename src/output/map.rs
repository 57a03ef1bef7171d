//! The in-memory output: every file of a site by its path, before anything touches the disk.

use bytes::Bytes;
use std::collections::BTreeMap;

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

    /// All files in path order, shared (no copy).
    pub fn iter_shared(&self) -> impl Iterator<Item = (&str, &Bytes)> {
        self.files.iter().map(|(k, v)| (k.as_str(), v))
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
