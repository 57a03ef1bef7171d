//! Stage two, printed side: the fillable forms and the official notice PDF, made with Typst as a library.
//!
//! The documents are Typst templates (built-in ones embedded in the binary, overridden by same-named
//! files in the project's `forms/` folder) fed with the contest as `/data.json`. After each compile the
//! laid-out pages are checked for characters no font could draw, and the forms get fillable fields at the
//! places the templates marked (see `acroform`, and `field_font` for the font of typed text).
//!
//! A build goes: `prepare` (templates and data into the world), `compile` each document, then the
//! fields are added to the forms (`acroform`); [`forms_zip()`] bundles the forms for the downloads page.
//! With a [`cache`] (`build` and `check` use one), a document whose inputs are unchanged since its last
//! compile is read back, verified, instead of compiled; the form field font is then not subset either.

mod acroform;
pub mod cache;
mod compile;
mod data;
mod field_font;
pub mod fonts;
mod form_json;
mod forms_zip;
mod inspect;
mod prepare;
mod results_pdf;
pub mod roster;
mod world;

pub use cache::{CacheOptions, CacheState, PdfCounts};
pub use forms_zip::forms_zip;
pub use inspect::{FieldKind, FieldPlace};

use crate::diagnostics::{Problem, Problems};
use crate::i18n::Text;
use crate::loaded::Loaded;
use crate::model::Contest;
use crate::model::forms::{Form, Overflow};
use crate::msg;
use cache::{Entry, Hash, Miss, PdfCache};
use field_font::FieldFont;
use inspect::ShownPaths;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::thread::ScopedJoinHandle;
use typst_pdf::PdfStandard;
use world::PdfWorld;

/// Where the notice PDF goes in the site.
const NOTICE_PATH: &str = "downloads/notice.pdf";
/// Where the results PDF goes in the site.
const RESULTS_PATH: &str = "results/results.pdf";
/// The standards the notice and the results PDF meet (the forms meet none: their fields are added after
/// Typst's export).
const OFFICIAL_STANDARDS: [PdfStandard; 2] = [PdfStandard::A_2b, PdfStandard::Ua_1];

/// One generated PDF.
#[derive(Debug, Clone)]
pub struct Pdf {
    /// Where it goes in the site (`downloads/registration-form.pdf`).
    pub path: String,
    /// The name inside the forms zip and on the downloads list (`附件1 2025年…报名表.pdf`).
    pub title: String,
    /// The id of the form it is, for forms; `None` for the notice and the results PDF.
    pub form: Option<String>,
    /// The bytes of the PDF file (shared, not copied, by the downloads and the output map).
    pub bytes: bytes::Bytes,
    /// The key it is kept under in the PDF cache, when it was read from there or stored there: it
    /// stands for the bytes in the key of the forms zip (the same key always gives the same bytes), so
    /// the zip's key needs no hash over the forms.
    pub key: Option<[u8; 32]>,
    /// Warnings about it (a form that runs past one page), kept with it so that a reused PDF keeps them.
    pub warnings: Problems,
}

/// Compiles documents; keeps the Typst world (and its caches) and the subset field font between builds.
pub struct PdfEngine {
    world: PdfWorld,
    field_font: Option<FieldFont>,
    /// The virtual paths each document (by its main file) read when it was last compiled.
    read_by: HashMap<String, Vec<String>>,
    /// What is being compiled, for the time budget.
    activity: crate::budget::Activity,
    /// The identity of the binary and the fonts, part of every cache key.
    fingerprint: Fingerprint,
    /// The cache of compiled PDFs, when one is used (shared with the page cache).
    cache: Option<std::sync::Arc<PdfCache>>,
    /// What the PDFs cost so far: compiled, from the cache, rejected entries.
    counts: PdfCounts,
    /// The entries of the last forms zip as deflated, for the next one to copy when they are the same.
    zip_parts: std::sync::Mutex<Vec<forms_zip::ZipPart>>,
}

/// What a recompile may keep: the PDFs of the last build, and the virtual paths (`/registration.typ`)
/// whose text changed since. A document that read none of them is not compiled again.
#[derive(Clone, Copy)]
pub struct Reuse<'a> {
    /// The PDFs of the last build.
    pub previous: &'a [Pdf],
    /// The virtual paths changed since.
    pub changed: &'a BTreeSet<String>,
}

/// What a build has made so far: its PDFs, kept or compiled, and the problems found on the way.
#[derive(Default)]
struct Made {
    pdfs: Vec<Pdf>,
    problems: Problems,
}

/// A form compiled by Typst, waiting for its fillable fields.
struct CompiledForm<'p> {
    form: &'p Form,
    /// Where it goes in the site.
    path: String,
    /// How problems name it (`附件1 报名表`).
    what: Text,
    /// Its name in the downloads and the zip, without `.pdf` (附件1 and the attachment's title).
    title: String,
    /// The fields the template marked.
    places: Vec<FieldPlace>,
    /// Typst's PDF, without fields.
    pdf: Vec<u8>,
    /// How many pages it has.
    pages: usize,
}

impl PdfEngine {
    /// An engine with the bundled fonts and, as asked, system fonts and `--font-path` folders (read
    /// only when a document is compiled; the cache keys use their identity, see [`fonts::identity`]).
    pub fn new(options: &fonts::FontOptions) -> Self {
        PdfEngine {
            world: PdfWorld::new(options.clone()),
            field_font: None,
            read_by: HashMap::new(),
            activity: crate::budget::Activity::new(),
            fingerprint: Fingerprint::start(options.clone()),
            cache: None,
            counts: PdfCounts::default(),
            zip_parts: std::sync::Mutex::default(),
        }
    }

    /// Starts loading the fonts on another thread when the contest folder `root` has a results file:
    /// its PDF is drawn on every build, so the fonts will be needed, and they load while the contest
    /// and the results are read.
    pub fn prepare_for(&self, root: &std::path::Path) {
        if matches!(crate::results::find_file(root), Ok(Some(_))) {
            self.world.load_fonts_early();
        }
    }

    /// Uses the PDF cache of `options` (none: compile every PDF) for the contest folder `root` built
    /// into `output`. A cache folder that cannot be used is no error: it is reported in
    /// [`Self::counts`] and every PDF is compiled.
    pub fn use_cache(
        &mut self,
        options: Option<&CacheOptions>,
        root: &std::path::Path,
        output: Option<&std::path::Path>,
    ) {
        self.cache = None;
        self.counts.cache = CacheState::Off;
        let Some(options) = options else {
            return;
        };
        match PdfCache::open(options, root, output) {
            Ok(cache) => {
                self.counts.cache = CacheState::On(cache.dir().to_path_buf());
                self.cache = Some(std::sync::Arc::new(cache));
            }
            Err(reason) => self.counts.cache = CacheState::Unusable(reason),
        }
    }

    /// The cache folder in use, for the cache of rendered pages and of the search index
    /// ([`crate::site::Renderer::use_cache`]); `None` when the cache is off or unusable.
    pub(crate) fn shared_cache(&self) -> Option<std::sync::Arc<PdfCache>> {
        self.cache.clone()
    }

    /// What the PDFs made by this engine cost: how many were compiled and how many read from the cache.
    pub fn counts(&self) -> &PdfCounts {
        &self.counts
    }

    /// The board on which rendering notes what it is doing, for [`crate::budget::Watchdog`].
    pub fn activity(&self) -> &crate::budget::Activity {
        &self.activity
    }

    /// The virtual paths the last compile read (templates, data), for watch mode.
    pub fn dependencies(&self) -> Vec<String> {
        self.world.dependencies()
    }

    /// Compiles every document of the project: the notice and each form attachment, plus the forms zip.
    pub fn render(&mut self, project: &Loaded) -> Result<Vec<Pdf>, Problems> {
        self.render_filled(project, None, &HashMap::new())
            .map(|(docs, _)| docs)
    }

    /// Compiles again only the documents that read a file of `reuse.changed` (a form template edited in
    /// watch mode); the others are taken from `reuse.previous`. Gives the same PDFs as [`Self::render`].
    pub fn render_changed(
        &mut self,
        project: &Loaded,
        reuse: Reuse<'_>,
    ) -> Result<Vec<Pdf>, Problems> {
        self.render_documents(project, None, &HashMap::new(), Some(reuse))
            .map(|(docs, _)| docs)
    }

    /// Compiles the documents; with `only`, just that form, pre-filled with `values` (field name →
    /// text, or `"Yes"` for a ticked check box). Also gives the field places of the last form made.
    pub fn render_filled(
        &mut self,
        project: &Loaded,
        only: Option<&str>,
        values: &HashMap<String, String>,
    ) -> Result<(Vec<Pdf>, Vec<FieldPlace>), Problems> {
        self.render_documents(project, only, values, None)
    }

    /// The PDF at `path` of the last build, when the document `main` read none of the changed files.
    fn reusable(&self, reuse: Option<Reuse<'_>>, main: &str, path: &str) -> Option<Pdf> {
        let reuse = reuse?;
        let read = self.read_by.get(main)?;
        if read.iter().any(|file| reuse.changed.contains(file)) {
            return None;
        }
        reuse.previous.iter().find(|p| p.path == path).cloned()
    }

    /// Prepares the world, makes the notice and results PDF (unless `only` one form is wanted) and the
    /// forms, kept from `reuse`, read from the cache or compiled, and adds the fields to the compiled
    /// forms, pre-filled with `values`. Filled forms hold personal data: they never meet the cache.
    fn render_documents(
        &mut self,
        project: &Loaded,
        only: Option<&str>,
        values: &HashMap<String, String>,
        reuse: Option<Reuse<'_>>,
    ) -> Result<(Vec<Pdf>, Vec<FieldPlace>), Problems> {
        let shown = self.prepare(project)?;
        let cached = values.is_empty() && self.cache.is_some();
        let mut made = Made::default();
        let wanted = self.forms_to_compile(project, only, reuse, cached, &mut made);
        let result = std::thread::scope(|scope| {
            // Subsetting the field font takes as long as compiling: do it on the other core meanwhile,
            // and only when a form is compiled.
            let pending = (self.field_font.is_none() && !wanted.is_empty()).then(|| {
                scope.spawn(|| FieldFont::new(&fonts::field_font(), &field_font::field_charset()))
            });
            if only.is_none() {
                self.official_documents(project, &shown, reuse, cached, &mut made);
            }
            let forms = self.compile_forms(project, &shown, wanted, &mut made);
            if let Some(handle) = pending {
                self.field_font = Some(join_field_font(handle)?);
            }
            let places = self.add_fields(project, forms, values, cached, &mut made);
            if made.problems.has_errors() {
                return Err(made.problems);
            }
            let mut pdfs = made.pdfs;
            sort_in_build_order(&mut pdfs, &project.contest);
            Ok((pdfs, places))
        });
        if let Some(cache) = &self.cache {
            cache.trim();
        }
        result
    }

    /// The notice PDF and, when the project has results, the results PDF: kept from `reuse` when they
    /// read nothing that changed, read from the cache when `cached` and their inputs are unchanged,
    /// compiled otherwise.
    fn official_documents(
        &mut self,
        project: &Loaded,
        shown: &ShownPaths,
        reuse: Option<Reuse<'_>>,
        cached: bool,
        made: &mut Made,
    ) {
        let c = &project.contest;
        let notice = Official {
            main: "/notice.typ",
            path: NOTICE_PATH,
            title: format!("{}.pdf", c.notice.title),
            what: msg!("pdf-notice"),
        };
        self.official(project, shown, (reuse, cached), notice, made);
        let Some(results) = &project.results else {
            return;
        };
        let title = format!("{}成绩公布.pdf", c.contest.name);
        let overridden = shown
            .get("/results.typ")
            .is_some_and(|p| !p.starts_with("(built-in)"));
        if overridden {
            let json = serde_json::to_vec(results).expect("json of the results");
            self.world.set_file("/results.json", json);
            let results = Official {
                main: "/results.typ",
                path: RESULTS_PATH,
                title,
                what: msg!("pdf-results"),
            };
            self.official(project, shown, (reuse, cached), results, made);
        } else if let Some(kept) = self.reusable(reuse, "/results.typ", RESULTS_PATH) {
            made.pdfs.push(kept);
        } else {
            let key = cached.then(|| self.results_key(project));
            if let Some(key) = key
                && let Some(entry) = self.cached_entry(&key)
            {
                self.note_results_read();
                made.pdfs
                    .push(official_pdf(RESULTS_PATH, title, entry.bytes, Some(key)));
                return;
            }
            match self.draw_results(project, results) {
                Ok(bytes) => {
                    let entry = self.made_official(bytes);
                    if let (Some(key), Some(cache)) = (key, &self.cache) {
                        cache.put(&key, &entry);
                    }
                    made.pdfs
                        .push(official_pdf(RESULTS_PATH, title, entry.bytes, key));
                }
                Err(found) => made.problems.extend(found),
            }
        }
    }

    /// The cache entry of an official document just made (counted as compiled).
    fn made_official(&mut self, bytes: Vec<u8>) -> Entry {
        self.counts.compiled += 1;
        Entry {
            pages: 0,
            places: Vec::new(),
            bytes: bytes.into(),
        }
    }

    /// One official document: kept, read from the cache, or compiled (and then stored in the cache).
    fn official(
        &mut self,
        project: &Loaded,
        shown: &ShownPaths,
        (reuse, cached): (Option<Reuse<'_>>, bool),
        doc: Official,
        made: &mut Made,
    ) {
        if let Some(kept) = self.reusable(reuse, doc.main, doc.path) {
            made.pdfs.push(kept);
            return;
        }
        if cached && let Some((key, entry)) = self.cached_document(project, doc.main, None) {
            made.pdfs
                .push(official_pdf(doc.path, doc.title, entry.bytes, Some(key)));
            return;
        }
        match self.compile_official(project, shown, doc.main, &doc.what) {
            Ok(bytes) => {
                let entry = self.made_official(bytes);
                let key = cached
                    .then(|| self.store_document(project, doc.main, None, &entry))
                    .flatten();
                made.pdfs
                    .push(official_pdf(doc.path, doc.title, entry.bytes, key));
            }
            Err(found) => made.problems.extend(found),
        }
    }

    /// The cache key of the built-in results PDF: the binary and the fonts, and what the writer draws
    /// from (see [`results_pdf::feed_inputs`]).
    fn results_key(&self, project: &Loaded) -> Hash {
        let digest = project
            .results_digest()
            .expect("the results PDF is made only with results");
        let mut hasher = Sha256::new();
        hasher.update(self.fingerprint.get());
        results_pdf::feed_inputs(project, &digest, &mut hasher);
        hasher.finalize().into()
    }

    /// The cache entry under `key`, counted as a PDF from the cache (or as a damaged entry).
    fn cached_entry(&mut self, key: &Hash) -> Option<Entry> {
        let found = self.cache.as_ref()?.get(key, b"%PDF-");
        self.count_lookup(found)
    }

    /// Notes what the built-in results PDF reads, as a compile does: only an override of `results.typ`
    /// makes it compile again in watch mode.
    fn note_results_read(&mut self) {
        self.read_by
            .insert("/results.typ".into(), vec!["/results.typ".into()]);
    }

    /// The built-in results PDF, drawn without Typst (see `results_pdf`). A 5,000-row sheet takes a
    /// quarter of a second, so it is cached like the compiled PDFs.
    fn draw_results(
        &mut self,
        project: &Loaded,
        results: &crate::results::Results,
    ) -> Result<Vec<u8>, Problems> {
        crate::budget::doing(|| msg!("pdf-results"));
        let what = msg!("pdf-results");
        let fonts = self.results_fonts();
        match results_pdf::render(project, results, &fonts) {
            Ok(bytes) => {
                self.note_results_read();
                Ok(bytes)
            }
            Err(results_pdf::Failure::Missing(missing)) => Err(Problems(
                missing
                    .iter()
                    .map(|m| {
                        compile::missing_glyph(
                            project,
                            &what,
                            &inspect::MissingGlyph {
                                text: m.0.to_string(),
                                page: 0,
                            },
                        )
                    })
                    .collect(),
            )),
            Err(results_pdf::Failure::Pdf(e)) => Err(one(Problem::general(
                None,
                msg!("pdf-results-failed", document = what, error = e.to_string()),
            ))),
        }
    }

    /// Compiles the notice or the results PDF to the archival and accessible standards.
    fn compile_official(
        &mut self,
        project: &Loaded,
        shown: &ShownPaths,
        main: &str,
        what: &Text,
    ) -> Result<Vec<u8>, Problems> {
        self.compile(project, shown, main, what, &OFFICIAL_STANDARDS)
            .map(|(_, bytes)| bytes)
    }

    /// Every form attachment (or just `only`) that must be compiled: a form kept from `reuse` or read
    /// from the cache (when `cached`) goes straight into `made`.
    fn forms_to_compile<'p>(
        &mut self,
        project: &'p Loaded,
        only: Option<&str>,
        reuse: Option<Reuse<'_>>,
        cached: bool,
        made: &mut Made,
    ) -> Vec<&'p Form> {
        let mut wanted = Vec::new();
        for form in &project.forms {
            if only.is_some_and(|o| o != form.id.as_str()) {
                continue;
            }
            let main = format!("/{}.typ", form.id);
            if let Some(kept) = self.reusable(reuse, &main, &form.pdf_path()) {
                made.pdfs.push(kept);
            } else if let Some(pdf) = cached.then(|| self.cached_form(project, form)).flatten() {
                made.pdfs.push(pdf);
            } else {
                wanted.push(form);
            }
        }
        wanted
    }

    /// The form from the cache, with its overflow warning made again from its pages and field places.
    fn cached_form(&mut self, project: &Loaded, form: &Form) -> Option<Pdf> {
        let fields = form.fields(&project.contest);
        let main = format!("/{}.typ", form.id);
        let (key, entry) = self.cached_document(project, &main, Some(&field_labels(&fields)))?;
        let compiled = CompiledForm {
            form,
            path: form.pdf_path(),
            what: Text::plain(form_title(&project.contest, form)),
            title: crate::model::forms::download_title(&project.contest, form),
            places: entry.places,
            pdf: Vec::new(),
            pages: entry.pages,
        };
        Some(finished_form(
            project,
            compiled,
            &fields,
            entry.bytes,
            Some(key),
        ))
    }

    /// Compiles the forms `wanted` and gives them with the places of their fields.
    fn compile_forms<'p>(
        &mut self,
        project: &'p Loaded,
        shown: &ShownPaths,
        wanted: Vec<&'p Form>,
        made: &mut Made,
    ) -> Vec<CompiledForm<'p>> {
        let mut forms = Vec::new();
        for form in wanted {
            let main = format!("/{}.typ", form.id);
            let what = Text::plain(form_title(&project.contest, form));
            match self.compile_form(project, shown, &main, &what) {
                Ok((places, pdf, pages)) => {
                    self.counts.compiled += 1;
                    forms.push(CompiledForm {
                        form,
                        path: form.pdf_path(),
                        what,
                        title: crate::model::forms::download_title(&project.contest, form),
                        places,
                        pdf,
                        pages,
                    });
                }
                Err(found) => made.problems.extend(found),
            }
        }
        forms
    }

    /// Compiles one form and finds the places of the fields its template marked.
    fn compile_form(
        &mut self,
        project: &Loaded,
        shown: &ShownPaths,
        main: &str,
        what: &Text,
    ) -> Result<(Vec<FieldPlace>, Vec<u8>, usize), Problems> {
        let (document, pdf) = self.compile(project, shown, main, what, &[])?;
        let places = inspect::fields(&document).map_err(|error| {
            one(Problem::general(
                None,
                msg!("pdf-document-error", document = what, error),
            ))
        })?;
        Ok((places, pdf, document.pages().len()))
    }

    /// Adds the fillable fields to every compiled form, pre-filled with `values`, puts the forms into
    /// `made` and, when `cached`, into the cache; gives the field places of the last form that got its
    /// fields.
    fn add_fields(
        &self,
        project: &Loaded,
        forms: Vec<CompiledForm>,
        values: &HashMap<String, String>,
        cached: bool,
        made: &mut Made,
    ) -> Vec<FieldPlace> {
        let mut places = Vec::new();
        for form in forms {
            let font = self.field_font.as_ref().expect("made before the fields");
            let fields = form.form.fields(&project.contest);
            let labels: HashMap<String, String> = fields
                .iter()
                .map(|f| (f.name.clone(), f.label.clone()))
                .collect();
            match acroform::add_fields(&form.pdf, &form.places, &labels, values, font) {
                Ok(bytes) => {
                    let bytes = bytes::Bytes::from(bytes);
                    let key = cached
                        .then(|| {
                            let entry = Entry {
                                pages: form.pages,
                                places: form.places.clone(),
                                bytes: bytes.clone(),
                            };
                            let main = format!("/{}.typ", form.form.id);
                            self.store_document(
                                project,
                                &main,
                                Some(&field_labels(&fields)),
                                &entry,
                            )
                        })
                        .flatten();
                    places = form.places.clone();
                    made.pdfs
                        .push(finished_form(project, form, &fields, bytes, key));
                }
                Err(e) => made.problems.push(Problem::general(
                    None,
                    msg!(
                        "pdf-add-fields-failed",
                        document = &form.what,
                        error = e.to_string()
                    ),
                )),
            }
        }
        places
    }

    /// The forms zip of `pdfs` and `extra` (see [`forms_zip()`]), read from the cache when the same files
    /// were zipped before (deflating them costs more than compiling nothing), made and stored otherwise;
    /// an entry whose file is the same as in the last zip this engine made is copied, not deflated again.
    pub fn forms_zip(
        &self,
        pdfs: &[Pdf],
        extra: &[(&str, &[u8])],
        date: jiff::civil::Date,
    ) -> bytes::Bytes {
        let make = || {
            let mut kept = self
                .zip_parts
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            let (zip, parts) = forms_zip::forms_zip_reusing(pdfs, extra, date, &kept);
            *kept = parts;
            zip
        };
        let Some(cache) = &self.cache else {
            return make().into();
        };
        let mut hasher = Sha256::new();
        hasher.update(self.fingerprint.get());
        cache::feed(&mut hasher, b"forms.zip");
        cache::feed(&mut hasher, date.to_string().as_bytes());
        // A form kept in the cache stands for its bytes by its key (the same key always holds the same
        // bytes); any other file is hashed.
        for pdf in pdfs.iter().filter(|p| p.form.is_some()) {
            cache::feed(&mut hasher, pdf.title.as_bytes());
            match &pdf.key {
                Some(key) => {
                    cache::feed(&mut hasher, b"cached");
                    cache::feed(&mut hasher, key);
                }
                None => {
                    cache::feed(&mut hasher, b"bytes");
                    cache::feed(&mut hasher, &pdf.bytes);
                }
            }
        }
        for (name, bytes) in extra {
            cache::feed(&mut hasher, name.as_bytes());
            cache::feed(&mut hasher, bytes);
        }
        let key: Hash = hasher.finalize().into();
        if let Ok(entry) = cache.get(&key, b"PK") {
            return entry.bytes;
        }
        let entry = Entry {
            pages: 0,
            places: Vec::new(),
            bytes: make().into(),
        };
        cache.put(&key, &entry);
        entry.bytes
    }

    /// The document `main` from the cache, when its trace names files whose contents (and the labels of
    /// a form's fields) hash to a stored entry. A rejected entry is counted and compiled again.
    fn cached_document(
        &mut self,
        project: &Loaded,
        main: &str,
        labels: Option<&BTreeMap<String, String>>,
    ) -> Option<(Hash, Entry)> {
        let cache = self.cache.as_ref()?;
        let found = cache
            .trace(&self.trace_key(project, main))
            .and_then(|read| {
                let key = self.document_key(project, main, &read, labels);
                cache.get(&key, b"%PDF-").map(|entry| (key, entry))
            });
        self.count_lookup(found)
    }

    /// Counts what a lookup in the cache found: a PDF from the cache, or a damaged entry.
    fn count_lookup<T>(&mut self, found: Result<T, Miss>) -> Option<T> {
        match found {
            Ok(found) => {
                self.counts.from_cache += 1;
                Some(found)
            }
            Err(Miss::Rejected) => {
                self.counts.rejected += 1;
                None
            }
            Err(Miss::Absent) => None,
        }
    }

    /// Stores the document `main`, just compiled, under the key of what its compile read, and its trace;
    /// gives that key.
    fn store_document(
        &self,
        project: &Loaded,
        main: &str,
        labels: Option<&BTreeMap<String, String>>,
        entry: &Entry,
    ) -> Option<Hash> {
        let (Some(cache), Some(read)) = (&self.cache, self.read_by.get(main)) else {
            return None;
        };
        let key = self.document_key(project, main, read, labels);
        cache.put(&key, entry);
        cache.put_trace(&self.trace_key(project, main), read);
        Some(key)
    }

    /// Where the trace of the document `main` of this contest folder is kept.
    fn trace_key(&self, project: &Loaded, main: &str) -> Hash {
        let mut hasher = Sha256::new();
        hasher.update(self.fingerprint.get());
        cache::feed(&mut hasher, project.root.as_os_str().as_encoded_bytes());
        cache::feed(&mut hasher, main.as_bytes());
        hasher.finalize().into()
    }

    /// The cache key of the document `main` that reads the virtual files `read`: the binary and fonts,
    /// the kind of document (official standards, or a form and the labels of its fields), the date it
    /// is stamped with, and the content of every file read.
    fn document_key(
        &self,
        project: &Loaded,
        main: &str,
        read: &[String],
        labels: Option<&BTreeMap<String, String>>,
    ) -> Hash {
        let mut hasher = Sha256::new();
        hasher.update(self.fingerprint.get());
        cache::feed(&mut hasher, main.as_bytes());
        let stamp = format!(
            "{} {:?}",
            project.contest.notice.date.value.0,
            self.world.today()
        );
        cache::feed(&mut hasher, stamp.as_bytes());
        match labels {
            None => cache::feed(&mut hasher, format!("{OFFICIAL_STANDARDS:?}").as_bytes()),
            Some(labels) => {
                cache::feed(&mut hasher, b"form");
                hasher.update((labels.len() as u64).to_le_bytes());
                for (name, label) in labels {
                    cache::feed(&mut hasher, name.as_bytes());
                    cache::feed(&mut hasher, label.as_bytes());
                }
            }
        }
        hasher.update((read.len() as u64).to_le_bytes());
        for path in read {
            self.world.feed_content(path, &mut hasher);
        }
        hasher.finalize().into()
    }
}

/// The identity of the binary and the fonts, part of every cache key. Walking the font folders takes
/// a few milliseconds, as long as the rest of a warm build's PDFs: it runs on a thread of its own from
/// [`PdfEngine::new`], while the contest is read, and is waited for at its first use.
struct Fingerprint {
    done: std::sync::OnceLock<Hash>,
    pending: std::sync::Mutex<Option<std::thread::JoinHandle<Hash>>>,
}

impl Fingerprint {
    fn start(options: fonts::FontOptions) -> Fingerprint {
        let compute = move || {
            let mut hasher = Sha256::new();
            cache::binary_identity(&mut hasher);
            hasher.update(fonts::identity(&options));
            hasher.finalize().into()
        };
        Fingerprint {
            done: std::sync::OnceLock::new(),
            pending: std::sync::Mutex::new(Some(std::thread::spawn(compute))),
        }
    }

    fn get(&self) -> Hash {
        *self.done.get_or_init(|| {
            self.pending
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .take()
                .expect("the identity is computed once")
                .join()
                .expect("the font identity thread")
        })
    }
}

/// An official document: its main file, where it goes, its title and how problems name it.
struct Official {
    main: &'static str,
    path: &'static str,
    title: String,
    what: Text,
}

/// The labels of a form's fields by name, the input of the AcroForm step besides the PDF.
fn field_labels(fields: &[crate::model::forms::Field]) -> BTreeMap<String, String> {
    fields
        .iter()
        .map(|f| (f.name.clone(), f.label.clone()))
        .collect()
}

/// A form with its fields added (`bytes`), as a PDF of the site with its overflow warning.
fn finished_form(
    project: &Loaded,
    form: CompiledForm<'_>,
    fields: &[crate::model::forms::Field],
    bytes: bytes::Bytes,
    key: Option<Hash>,
) -> Pdf {
    let warnings = overflow(project, &form, fields);
    Pdf {
        path: form.path,
        title: format!("{}.pdf", form.title),
        form: Some(form.form.id.to_string()),
        bytes,
        key,
        warnings,
    }
}

/// How the downloads name `form` (without extension), and problems too: `附件1 报名表`, by the number
/// of the attachment that names the form.
pub fn form_title(c: &Contest, form: &Form) -> String {
    let number = c.attachment_of(&form.id).map_or(0, |a| a.number.value);
    format!("附件{number} {}", form.name)
}

/// The notice or the results PDF, which is no form.
fn official_pdf(path: &str, title: String, bytes: bytes::Bytes, key: Option<Hash>) -> Pdf {
    Pdf {
        path: path.into(),
        title,
        form: None,
        bytes,
        key,
        warnings: Problems::default(),
    }
}

/// A form declared to fit on one sheet (`overflow: warn`) that runs on is a warning naming what moved
/// to the next pages, located at the cell of the first field that moved.
fn overflow(
    project: &Loaded,
    form: &CompiledForm<'_>,
    fields: &[crate::model::forms::Field],
) -> Problems {
    let mut warnings = Problems::default();
    if form.pages <= 1 || form.form.overflow == Overflow::Continue {
        return warnings;
    }
    let mut moved: Vec<String> = Vec::new();
    let mut first_at = None;
    for place in form.places.iter().filter(|p| p.page > 1) {
        let Some(field) = fields.iter().find(|f| f.name == place.name) else {
            continue;
        };
        first_at = first_at.or(field.at);
        // One name for a group of check boxes, a date or a table.
        let name = field
            .label
            .split(['：', '（'])
            .next()
            .unwrap_or(&field.label);
        let name = name.split("第").next().unwrap_or(name).to_string();
        if !moved.contains(&name) {
            moved.push(name);
        }
    }
    let message = if moved.is_empty() {
        msg!("pdf-overflow", document = &form.what, pages = form.pages)
    } else {
        msg!(
            "pdf-overflow-moved",
            document = &form.what,
            pages = form.pages,
            moved = moved.join("、")
        )
    };
    let id = &form.form.id;
    // A built-in declaration is not in the contest folder: the warning points at the attachment that
    // names it, and says how to make it the contest's own.
    let (problem, help) = if form.form.is_builtin() {
        let file = &project.contest_file;
        let at = project
            .contest
            .attachment_of(id)
            .and_then(|a| a.form.as_ref())
            .and_then(|f| crate::model::yaml::spanned_at(file, f));
        let problem = match at {
            Some(span) => Problem::at(file, span, message),
            None => Problem::general(Some(file), message),
        };
        (problem, msg!("pdf-overflow-builtin-help", id = id.as_str()))
    } else {
        let file = &form.form.file;
        let problem = match first_at {
            Some(span) => Problem::at(file, span, message).with_label(msg!("pdf-overflow-label")),
            None => Problem::general(Some(file), message),
        };
        (problem, msg!("pdf-overflow-help"))
    };
    warnings.push(problem.warning().with_help(help));
    warnings
}

/// Waits for the field font being subset on the other thread; a font that cannot be subset is a problem.
fn join_field_font(
    handle: ScopedJoinHandle<'_, Result<FieldFont, String>>,
) -> Result<FieldFont, Problems> {
    handle.join().expect("field font thread").map_err(|e| {
        one(Problem::general(
            None,
            msg!("pdf-field-font-failed", error = e),
        ))
    })
}

/// Puts the PDFs in the order of a full build (notice, results, forms by attachment), whether they were
/// kept or compiled.
fn sort_in_build_order(pdfs: &mut [Pdf], c: &Contest) {
    let order = |pdf: &Pdf| match pdf.form.as_deref() {
        None if pdf.path == NOTICE_PATH => (0, 0),
        None => (1, 0),
        Some(id) => (
            2,
            c.attachments
                .iter()
                .position(|a| a.form.as_ref().is_some_and(|f| f.value.as_str() == id))
                .unwrap_or(usize::MAX),
        ),
    };
    pdfs.sort_by_key(order);
}

/// One problem as the problems of a step that stops at it.
fn one(problem: Problem) -> Problems {
    Problems(vec![problem])
}
