//! Stage two, printed side: the fillable forms and the official notice PDF, made with Typst as a library.
//!
//! The documents are Typst templates (built-in ones embedded in the binary, overridden by same-named
//! files in the project's `forms/` folder) fed with the contest as `/data.json`. After each compile the
//! laid-out pages are checked for characters no font could draw, and the forms get fillable fields at the
//! places the templates marked (see `acroform`).

mod acroform;
mod data;
pub mod fonts;
mod inspect;
pub mod labels;
pub mod roster;
mod world;

pub use inspect::{FieldKind, FieldPlace};

use crate::diagnostics::{Problem, Problems, SourceFile};
use crate::fs;
use crate::loaded::Loaded;
use crate::model::{FormKind, display_path};
use acroform::FieldFont;
use inspect::ShownPaths;
use labels::FormLabels;
use rust_embed::RustEmbed;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};
use world::PdfWorld;

/// The built-in Typst templates.
#[derive(RustEmbed)]
#[folder = "src/pdf/builtin"]
struct Builtin;

/// One generated PDF.
#[derive(Debug, Clone)]
pub struct Pdf {
    /// Where it goes in the site (`downloads/registration-form.pdf`).
    pub path: String,
    /// The name inside the forms zip and on the downloads list (`附件1 报名表.pdf`).
    pub title: String,
    /// Which form it is, for forms.
    pub form: Option<FormKind>,
    /// The bytes.
    pub bytes: Vec<u8>,
}

/// Compiles documents; keeps the Typst world (and its caches) and the subset field font between builds.
pub struct PdfEngine {
    world: PdfWorld,
    field_font: Option<FieldFont>,
    /// The virtual paths each document (by its main file) read when it was last compiled.
    read_by: HashMap<String, Vec<String>>,
    /// What is being compiled, for the time budget.
    activity: crate::budget::Activity,
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

impl PdfEngine {
    /// An engine with the bundled fonts and, as asked, system fonts and `--font-path` folders.
    pub fn new(options: &fonts::FontOptions) -> Self {
        PdfEngine {
            world: PdfWorld::new(fonts::load(options)),
            field_font: None,
            read_by: HashMap::new(),
            activity: crate::budget::Activity::new(),
        }
    }

    /// The board on which rendering notes what it is doing, for [`crate::budget::Watchdog`].
    pub fn activity(&self) -> &crate::budget::Activity {
        &self.activity
    }

    /// The virtual paths the last compile read (templates, data), for watch mode.
    pub fn dependencies(&self) -> Vec<String> {
        self.world.dependencies()
    }

    /// Loads the templates (built-in, then the project's `forms/`) and the contest data into the world.
    fn prepare(&mut self, project: &Loaded) -> Result<ShownPaths, Problems> {
        let mut shown = ShownPaths::new();
        for name in Builtin::iter() {
            let file = Builtin::get(&name).expect("listed embedded template");
            self.world
                .set_source(&format!("/{name}"), &String::from_utf8_lossy(&file.data));
            shown.insert(
                format!("/{name}"),
                Path::new("(built-in)").join(name.as_ref()),
            );
        }
        let dir = project.root.join("forms");
        let overrides = fs::list_files(&dir, ".typ").map_err(|e| one(Problem::from(e)))?;
        let mut problems = Problems::default();
        for path in overrides {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            let stem = name.trim_end_matches(".typ");
            if stem.is_empty()
                || !stem
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            {
                problems.push(
                    Problem::general(None, format!("the form file `{}` has a name jingsai cannot use", display_path(&project.root, &path).display()))
                        .with_help("name form files with letters a-z, digits, `-` and `_` only, for example `registration.typ`"),
                );
                continue;
            }
            let text = match fs::read_input_text(Some(&project.root), &path, fs::Input::Form) {
                Ok(text) => text,
                Err(e) => {
                    problems.push(Problem::from(e));
                    continue;
                }
            };
            self.world.set_source(&format!("/{name}"), &text);
            shown.insert(format!("/{name}"), display_path(&project.root, &path));
        }
        if problems.has_errors() {
            return Err(problems);
        }
        let c = &project.contest;
        let mut json = data::contest_json(c);
        json["fonts"] = self.families();
        let json = serde_json::to_vec_pretty(&json).expect("json of the contest");
        self.world.set_file("/data.json", json);
        match c
            .base_url()
            .and_then(|base| qr_svg(&format!("{base}/index.html")))
        {
            Some(svg) => self.world.set_file("/qr.svg", svg.into_bytes()),
            None => self.world.remove_file("/qr.svg"),
        }
        let date = c.notice.date.value.0;
        let today =
            Datetime::from_ymd(i32::from(date.year()), date.month() as u8, date.day() as u8)
                .expect("a real date");
        self.world.set_today(today);
        Ok(shown)
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

    /// Compiles the documents; with `only`, just that form, pre-filled with `values`.
    pub fn render_filled(
        &mut self,
        project: &Loaded,
        only: Option<FormKind>,
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

    fn render_documents(
        &mut self,
        project: &Loaded,
        only: Option<FormKind>,
        values: &HashMap<String, String>,
        reuse: Option<Reuse<'_>>,
    ) -> Result<(Vec<Pdf>, Vec<FieldPlace>), Problems> {
        let shown = self.prepare(project)?;
        let c = &project.contest;
        std::thread::scope(|scope| {
            // Subsetting the field font takes as long as compiling: do it on the other core meanwhile.
            let pending = self.field_font.is_none().then(|| {
                scope.spawn(|| FieldFont::new(&fonts::field_font(), &acroform::field_charset()))
            });
            let mut problems = Problems::default();
            let mut out = Vec::new();
            let notice_path = "downloads/notice.pdf";
            if let (None, Some(kept)) = (only, self.reusable(reuse, "/notice.typ", notice_path)) {
                out.push(kept);
            } else if only.is_none() {
                let standards = [PdfStandard::A_2b, PdfStandard::Ua_1];
                match self.compile(project, &shown, "/notice.typ", "the notice PDF", &standards) {
                    Ok((_, bytes)) => out.push(Pdf {
                        path: notice_path.into(),
                        title: format!("{}.pdf", c.notice.title),
                        form: None,
                        bytes,
                    }),
                    Err(found) => problems.extend(found),
                }
            }
            let results_path = "results/results.pdf";
            let kept = self.reusable(reuse, "/results.typ", results_path);
            if let (None, Some(_), Some(kept)) = (only, &project.results, kept) {
                out.push(kept);
            } else if let (None, Some(results)) = (only, &project.results) {
                let json = serde_json::to_vec(results).expect("json of the results");
                self.world.set_file("/results.json", json);
                let standards = [PdfStandard::A_2b, PdfStandard::Ua_1];
                match self.compile(
                    project,
                    &shown,
                    "/results.typ",
                    "the results PDF",
                    &standards,
                ) {
                    Ok((_, bytes)) => out.push(Pdf {
                        path: results_path.into(),
                        title: format!("{}成绩公布.pdf", c.contest.name),
                        form: None,
                        bytes,
                    }),
                    Err(found) => problems.extend(found),
                }
            }
            let mut forms = Vec::new();
            for attachment in &c.attachments {
                let Some(kind) = attachment.form else {
                    continue;
                };
                if only.is_some_and(|o| o != kind) {
                    continue;
                }
                let name = data::form_name(kind);
                let path = format!("downloads/{name}-form.pdf");
                if let Some(kept) = self.reusable(reuse, &format!("/{name}.typ"), &path) {
                    out.push(kept);
                    continue;
                }
                let short = match kind {
                    FormKind::Registration => "报名表",
                    FormKind::Judge => "裁判员推荐表",
                };
                let what = format!("附件{} {short}", attachment.number.value);
                let compiled = self
                    .compile(project, &shown, &format!("/{name}.typ"), &what, &[])
                    .and_then(|(document, pdf)| {
                        let found = inspect::fields(&document)
                            .map_err(|e| one(Problem::general(None, format!("{what}: {e}"))))?;
                        Ok((found, pdf))
                    });
                match compiled {
                    Ok((found, pdf)) => forms.push((kind, path, what, found, pdf)),
                    Err(found) => problems.extend(found),
                }
            }
            if let Some(handle) = pending {
                let font = handle.join().expect("field font thread").map_err(|e| {
                    one(Problem::general(
                        None,
                        format!("cannot prepare the form field font: {e}"),
                    ))
                })?;
                self.field_font = Some(font);
            }
            let font = self.field_font.as_ref().expect("made above");
            let mut places = Vec::new();
            for (kind, path, what, found, pdf) in forms {
                let labels = FormLabels::of(kind, c).accessible_names();
                match acroform::add_fields(&pdf, &found, &labels, values, font) {
                    Ok(bytes) => {
                        places = found;
                        out.push(Pdf {
                            path,
                            title: format!("{what}.pdf"),
                            form: Some(kind),
                            bytes,
                        });
                    }
                    Err(e) => problems.push(Problem::general(
                        None,
                        format!("{what}: cannot add the form fields: {e}"),
                    )),
                }
            }
            if problems.has_errors() {
                return Err(problems);
            }
            // The order of a full build (notice, results, forms by attachment), kept or compiled.
            let order = |pdf: &Pdf| match pdf.form {
                None if pdf.path == notice_path => (0, 0),
                None => (1, 0),
                Some(kind) => (
                    2,
                    c.attachments
                        .iter()
                        .position(|a| a.form == Some(kind))
                        .unwrap_or(usize::MAX),
                ),
            };
            out.sort_by_key(order);
            Ok((out, places))
        })
    }

    /// The font lists of the four official faces: families found on this machine or in `--font-path`
    /// first, then the bundled ones. Only families that exist are listed, since Typst's warning about an
    /// unknown family is treated as an error.
    fn families(&self) -> serde_json::Value {
        let book = typst::World::book(&self.world);
        let pick = |wanted: &[&str], bundled: &[&str]| -> Vec<String> {
            let mut list: Vec<String> = wanted
                .iter()
                .filter(|f| book.contains_family(&f.to_lowercase()))
                .take(1)
                .map(|f| f.to_string())
                .collect();
            list.extend(bundled.iter().map(|f| f.to_string()));
            list.push("Noto Sans Symbols2".into());
            list
        };
        serde_json::json!({
            "song": pick(&["SimSun", "Songti SC", "STSong"], &["Noto Serif CJK SC"]),
            "hei": pick(&["SimHei", "Heiti SC", "STHeiti"], &["Noto Sans CJK SC"]),
            "kai": pick(&["KaiTi", "KaiTi_GB2312", "STKaiti"], &["WenKai Subset", "Noto Serif CJK SC"]),
            "fangsong": pick(&["FangSong", "FangSong_GB2312", "STFangsong", "Zhuque Fangsong"], &["Noto Serif CJK SC"]),
        })
    }

    /// Compiles one document and exports it; every problem names its file, line and column.
    fn compile(
        &mut self,
        project: &Loaded,
        shown: &ShownPaths,
        main: &str,
        what: &str,
        standards: &[PdfStandard],
    ) -> Result<(PagedDocument, Vec<u8>), Problems> {
        crate::budget::doing(|| {
            let file = shown
                .get(main)
                .map(|p| p.display().to_string())
                .unwrap_or_else(|| main.to_string());
            format!("{what} with the form `{file}`")
        });
        self.world.set_main(main);
        self.world.reset();
        // Known again only once this compile succeeded.
        self.read_by.remove(main);
        let result = typst::compile::<PagedDocument>(&self.world);
        let read = self.world.dependencies();
        let mut problems = Problems::default();
        for warning in &result.warnings {
            let mut problem = inspect::problem(&self.world, shown, what, warning);
            if warning.message.starts_with("unknown font family") {
                // Typst would silently fall back to another font: a missing 仿宋 must not go unnoticed.
                problem.severity = crate::diagnostics::Severity::Error;
                problem.help = Some("use a family that is bundled or installed, or pass its folder with `--font-path`".into());
            }
            problems.push(problem);
        }
        let document = match result.output {
            Ok(document) => document,
            Err(errors) => {
                for error in &errors {
                    problems.push(inspect::problem(&self.world, shown, what, error));
                }
                return Err(problems);
            }
        };
        for missing in inspect::missing_glyphs(&document) {
            problems.push(missing_glyph(project, what, &missing));
        }
        if problems.has_errors() {
            return Err(problems);
        }
        let date = project.contest.notice.date.value.0;
        let stamp = Datetime::from_ymd_hms(
            i32::from(date.year()),
            date.month() as u8,
            date.day() as u8,
            0,
            0,
            0,
        )
        .expect("a real date");
        let options = PdfOptions {
            ident: Smart::Custom(format!("jingsai{main}")),
            timestamp: Some(Timestamp::new_utc(stamp)),
            standards: PdfStandards::new(standards)
                .map_err(|e| one(Problem::general(None, format!("{what}: {}", e.message()))))?,
            ..PdfOptions::default()
        };
        match typst_pdf::pdf(&document, &options) {
            Ok(bytes) => {
                self.read_by.insert(main.to_string(), read);
                Ok((document, bytes))
            }
            Err(errors) => {
                for error in &errors {
                    problems.push(inspect::problem(&self.world, shown, what, error));
                }
                Err(problems)
            }
        }
    }
}

/// A character no font could draw, pointed at in `contest.yaml` when it comes from there.
fn missing_glyph(project: &Loaded, what: &str, missing: &inspect::MissingGlyph) -> Problem {
    let file: &SourceFile = &project.contest_file;
    let message = format!(
        "{what}, page {}: no bundled or installed font has the character `{}` (U+{:04X}); it would print as an empty box",
        missing.page,
        missing.text,
        missing.text.chars().next().map_or(0, u32::from)
    );
    let help = "write the character differently, or pass a folder with a font that has it: `--font-path DIR`";
    match file.text.find(&missing.text) {
        Some(at) => Problem::at(file, (at, missing.text.len()), message).with_help(help),
        None => Problem::general(None, message).with_help(help),
    }
}

/// A QR code for `url` as SVG.
/// The QR code of `url` as SVG; `None` when the address is too long for a QR code (the model refuses
/// such addresses first).
fn qr_svg(url: &str) -> Option<String> {
    let code = qrcode::QrCode::new(url.as_bytes()).ok()?;
    Some(
        code.render::<qrcode::render::svg::Color>()
            .min_dimensions(200, 200)
            .quiet_zone(true)
            .build(),
    )
}

fn one(problem: Problem) -> Problems {
    Problems(vec![problem])
}

/// A zip of the forms with Chinese names (UTF-8, flagged as such), entries sorted, every timestamp the
/// notice date: the same input gives the same bytes. Each form is deflated on its own thread (the PDFs
/// are compressed already, so deflating them is slow for what it saves), then copied into the zip as is.
pub fn forms_zip(pdfs: &[Pdf], date: jiff::civil::Date) -> Vec<u8> {
    let mut entries: Vec<&Pdf> = pdfs.iter().filter(|p| p.form.is_some()).collect();
    entries.sort_by(|a, b| a.title.cmp(&b.title));
    let stamp = zip::DateTime::from_date_and_time(
        date.year() as u16,
        date.month() as u8,
        date.day() as u8,
        0,
        0,
        0,
    )
    .unwrap_or_default();
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        // The PDFs are compressed already: the fastest level gives the same size.
        .compression_level(Some(1))
        .last_modified_time(stamp)
        .unix_permissions(0o644);
    let one_entry = |pdf: &Pdf| -> Vec<u8> {
        use std::io::Write;
        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        writer
            .start_file(pdf.title.as_str(), options)
            .expect("zip entry in memory");
        writer.write_all(&pdf.bytes).expect("zip write in memory");
        writer.finish().expect("zip in memory").into_inner()
    };
    let parts: Vec<Vec<u8>> = std::thread::scope(|scope| {
        let handles: Vec<_> = entries
            .iter()
            .map(|pdf| scope.spawn(|| one_entry(pdf)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("zip entry thread"))
            .collect()
    });
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for part in parts {
        let mut archive =
            zip::ZipArchive::new(std::io::Cursor::new(part)).expect("a zip made above");
        let entry = archive.by_index_raw(0).expect("its one entry");
        writer.raw_copy_file(entry).expect("zip copy in memory");
    }
    writer.finish().expect("zip in memory").into_inner()
}
