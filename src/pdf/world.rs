//! A thin Typst `World`: sources and files from memory, fonts from [`super::fonts`], a fixed date.
//!
//! One world lives as long as its [`super::PdfEngine`], so Typst's caches make recompiles cheap. The
//! engine replaces sources and files before each compile; [`PdfWorld::dependencies`] tells which files
//! the last compile read.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_kit::fonts::FontStore;

/// The id of a virtual file such as `/registration.typ` or `/data.json`.
pub(super) fn file_id(path: &str) -> FileId {
    let virtual_path = VirtualPath::new(path).expect("virtual paths are made by jingsai");
    RootedPath::new(VirtualRoot::Project, virtual_path).intern()
}

/// The Typst world of one build.
pub(super) struct PdfWorld {
    library: LazyHash<Library>,
    /// Where fonts come from; they are loaded when a compile first asks for one.
    font_options: super::fonts::FontOptions,
    fonts: std::sync::OnceLock<FontStore>,
    /// The fonts being loaded on a thread of their own (see [`PdfWorld::load_fonts_early`]).
    loading: Mutex<Option<std::thread::JoinHandle<FontStore>>>,
    main: FileId,
    sources: HashMap<FileId, Source>,
    files: HashMap<FileId, Bytes>,
    today: Datetime,
    read: Mutex<Vec<FileId>>,
}

impl PdfWorld {
    /// A world with the fonts of `font_options` and no files. The fonts are read and parsed when a
    /// compile first asks for the font book, so a build whose PDFs all come from the cache never does.
    pub(super) fn new(font_options: super::fonts::FontOptions) -> Self {
        PdfWorld {
            library: LazyHash::new(Library::builder().build()),
            font_options,
            fonts: std::sync::OnceLock::new(),
            loading: Mutex::new(None),
            main: file_id("/main.typ"),
            sources: HashMap::new(),
            files: HashMap::new(),
            today: Datetime::from_ymd(2000, 1, 1).expect("valid date"),
            read: Mutex::new(Vec::new()),
        }
    }

    /// Adds or replaces a Typst source; an unchanged text keeps its parsed tree.
    pub(super) fn set_source(&mut self, path: &str, text: &str) {
        let id = file_id(path);
        match self.sources.get_mut(&id) {
            Some(source) if source.text() == text => {}
            Some(source) => {
                source.replace(text);
            }
            None => {
                self.sources.insert(id, Source::new(id, text.to_string()));
            }
        }
    }

    /// Adds or replaces another file (`/data.json`, images).
    pub(super) fn set_file(&mut self, path: &str, bytes: Vec<u8>) {
        self.files.insert(file_id(path), Bytes::new(bytes));
    }

    /// Removes a file.
    pub(super) fn remove_file(&mut self, path: &str) {
        self.files.remove(&file_id(path));
    }

    /// Chooses the document to compile next.
    pub(super) fn set_main(&mut self, path: &str) {
        self.main = file_id(path);
    }

    /// The date `datetime.today()` returns, fixed so output is reproducible.
    pub(super) fn set_today(&mut self, today: Datetime) {
        self.today = today;
    }

    /// Forgets which files were read; call before a compile.
    pub(super) fn reset(&mut self) {
        self.read.lock().expect("not poisoned").clear();
    }

    /// The virtual paths the last compile read.
    pub(super) fn dependencies(&self) -> Vec<String> {
        let mut paths: Vec<String> = self
            .read
            .lock()
            .expect("not poisoned")
            .iter()
            .map(|id| id.vpath().get_with_slash().to_string())
            .collect();
        paths.sort();
        paths.dedup();
        paths
    }

    /// Feeds the content of the virtual file `path` into `hasher` as the PDF cache sees it: whether it
    /// exists, and its bytes. A path that is no virtual path (from a damaged trace) counts as missing.
    pub(super) fn feed_content(&self, path: &str, hasher: &mut sha2::Sha256) {
        use sha2::Digest;
        super::cache::feed(hasher, path.as_bytes());
        let id = VirtualPath::new(path)
            .ok()
            .map(|vpath| RootedPath::new(VirtualRoot::Project, vpath).intern());
        let Some(id) = id else {
            hasher.update([0]);
            return;
        };
        if let Some(bytes) = self.files.get(&id) {
            hasher.update([1]);
            super::cache::feed(hasher, bytes.as_slice());
        } else if let Some(source) = self.sources.get(&id) {
            hasher.update([1]);
            super::cache::feed(hasher, source.text().as_bytes());
        } else {
            hasher.update([0]);
        }
    }

    /// The date `datetime.today()` returns.
    pub(super) fn today(&self) -> Datetime {
        self.today
    }

    /// Starts reading and parsing the fonts on a thread of their own, for a build that is known to need
    /// them (one with results, whose PDF is always drawn), so that they are ready when the PDFs start;
    /// the first use waits for them.
    pub(super) fn load_fonts_early(&self) {
        let mut loading = self.loading.lock().unwrap_or_else(PoisonError::into_inner);
        if self.fonts.get().is_none() && loading.is_none() {
            let options = self.font_options.clone();
            *loading = Some(std::thread::spawn(move || {
                super::fonts::load_hashed(&options)
            }));
        }
    }

    /// The fonts, loaded on first use (or taken from the thread [`Self::load_fonts_early`] started).
    fn fonts(&self) -> &FontStore {
        self.fonts.get_or_init(|| {
            let early = self
                .loading
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .take();
            match early.map(std::thread::JoinHandle::join) {
                Some(Ok(store)) => store,
                // A thread that panicked: load here, where a panic is reported as usual.
                _ => super::fonts::load(&self.font_options),
            }
        })
    }

    fn note(&self, id: FileId) {
        self.read.lock().expect("not poisoned").push(id);
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_without_slash().into())
}

impl World for PdfWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts().book()
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.note(id);
        self.sources.get(&id).cloned().ok_or_else(|| not_found(id))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.note(id);
        if let Some(bytes) = self.files.get(&id) {
            return Ok(bytes.clone());
        }
        match self.sources.get(&id) {
            Some(source) => Ok(Bytes::from_string(source.text().to_string())),
            None => Err(not_found(id)),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts().font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
