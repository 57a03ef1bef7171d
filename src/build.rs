//! The whole pipeline: load, check, render into memory, write.

use crate::budget::{Limits, Watchdog};
use crate::diagnostics::{Problem, Problems};
use crate::i18n::{Lang, Text};
use crate::loaded::Loaded;
use crate::msg;
use crate::output::{self, OutputMap, WriteReport};
use crate::pdf::{self, CacheOptions, PdfCounts, PdfEngine, fonts::FontOptions};
use crate::site::{Download, Renderer, Site};
use std::path::{Path, PathBuf};

/// Where to build from and to.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The contest folder (holding `content/`).
    pub root: PathBuf,
    /// The output folder; `<root>/output` by default.
    pub output: PathBuf,
    /// Where the PDFs find fonts besides the bundled ones.
    pub fonts: FontOptions,
    /// How long rendering may take (the memory budget is the binary's allocator's).
    pub limits: Limits,
    /// The language of the message printed when the time budget runs out.
    pub lang: Lang,
    /// The cache of compiled PDFs (outside the contest and output folders); `None` (the default of
    /// [`BuildOptions::new`]; the command line uses [`CacheOptions::from_env`]) compiles every PDF.
    pub cache: Option<CacheOptions>,
}

impl BuildOptions {
    /// Builds `root` into `root/output`.
    pub fn new(root: &Path) -> Self {
        BuildOptions {
            root: root.to_path_buf(),
            output: root.join("output"),
            fonts: FontOptions {
                system: true,
                paths: Vec::new(),
            },
            limits: Limits::DEFAULT,
            lang: Lang::default(),
            cache: None,
        }
    }
}

/// Loads and checks a contest folder, returning the project (with its warnings) or every problem.
pub fn check(root: &Path) -> Result<Loaded, Problems> {
    crate::loaded::load(root)
}

/// Checks a contest folder completely: the model, and every page, template and PDF rendered in memory
/// (nothing is written into the contest or output folder), so a mistake in a template or a form is
/// found too. `lang` is the language of the message printed when the time budget runs out. PDFs whose
/// inputs are unchanged come from `cache`, and the ones compiled go into it, so that a `build` after
/// the check compiles none of them again.
pub fn verify(
    root: &Path,
    fonts: &FontOptions,
    limits: Limits,
    lang: Lang,
    cache: Option<&CacheOptions>,
) -> Result<(Loaded, PdfCounts), Problems> {
    let mut engine = PdfEngine::new(fonts);
    engine.use_cache(cache, root, Some(&root.join("output")));
    engine.prepare_for(root);
    let watchdog = arm(limits, &engine, lang);
    let mut project = check(root)?;
    let rendered = render_all(&project, &mut engine)?;
    watchdog.disarm();
    project
        .project
        .warnings
        .extend(pdf_warnings(&rendered.pdfs));
    Ok((project, engine.counts().clone()))
}

/// Arms the time budget of a command-line build: when it runs out, the process ends with an error
/// naming what was being rendered (Tera and Typst cannot be interrupted). Nothing is written by then.
fn arm(limits: Limits, engine: &PdfEngine, lang: Lang) -> Watchdog {
    Watchdog::arm(limits.time, engine.activity().clone(), move |what| {
        let then = msg!("build-nothing-written");
        eprintln!(
            "{}",
            crate::budget::timeout_message(limits.time, &what, &then).render(lang)
        );
        std::process::exit(2);
    })
}

/// Renders a checked project into memory: the PDFs and the pages.
pub fn render(project: &Loaded, engine: &mut PdfEngine) -> Result<OutputMap, Problems> {
    render_all(project, engine).map(|rendered| rendered.site.into_map())
}

/// Everything [`render_all`] made, for watch mode to keep.
pub struct Rendered {
    /// The templates with the contest's data.
    pub renderer: Renderer,
    /// Every page of the site, with the PDFs placed in it.
    pub site: Site,
    /// The notice, results and form PDFs, kept so that watch mode can reuse the ones an edit does not touch.
    pub pdfs: Vec<pdf::Pdf>,
}

/// The warnings the PDFs carry (a form that runs past one page), in order.
pub fn pdf_warnings(pdfs: &[pdf::Pdf]) -> Problems {
    let mut warnings = Problems::default();
    for pdf in pdfs {
        warnings.extend(pdf.warnings.clone());
    }
    warnings.sort();
    warnings
}

/// Renders a checked project: the PDFs compile on this thread, followed by the downloads (the forms zip
/// and the spreadsheet templates), while the pages that do not list them render on another (they need
/// nothing of each other); then the pages that list the downloads with their sizes are added. The
/// problems of both sides are reported together. When the engine uses a cache, the notice pages and
/// the search index use it too (see `site::cache`).
pub fn render_all(project: &Loaded, engine: &mut PdfEngine) -> Result<Rendered, Problems> {
    let activity = engine.activity().clone();
    let cache = engine.shared_cache();
    let (pdfs, pages) = std::thread::scope(|scope| {
        let pages = scope.spawn(|| {
            let _attached = activity.attach("pages");
            let mut renderer = Renderer::new(project)?;
            renderer.use_cache(cache);
            let site = renderer.render_before_downloads(project)?;
            Ok::<_, Problems>((renderer, site))
        });
        let attached = activity.attach("PDFs");
        let pdfs = engine.render(project).and_then(|pdfs| {
            let downloads = downloads(project, &pdfs, Some(&*engine))?;
            Ok((pdfs, downloads))
        });
        drop(attached);
        (pdfs, pages.join().expect("page rendering thread"))
    });
    let ((renderer, site), (pdfs, downloads)) = match (pages, pdfs) {
        (Ok(pages), Ok(pdfs)) => (pages, pdfs),
        (Err(mut problems), Err(more)) => {
            problems.extend(more);
            problems.sort();
            return Err(problems);
        }
        (Err(problems), _) | (_, Err(problems)) => return Err(problems),
    };
    let _attached = activity.attach("pages");
    let site = renderer.update_downloads(project, &site, downloads)?;
    Ok(Rendered {
        renderer,
        site,
        pdfs,
    })
}

/// The files offered for download: the PDFs, each form's spreadsheet template after its PDF (a form
/// with `xlsx: true`), and the forms zip when there are forms. A template that cannot be written is a
/// problem naming its form. With an `engine`, the zip comes from its PDF cache when the same files were
/// zipped before.
pub fn downloads(
    project: &Loaded,
    pdfs: &[pdf::Pdf],
    engine: Option<&PdfEngine>,
) -> Result<Vec<Download>, Problems> {
    let date = project.contest.notice.date.value.0;
    let sheets = form_templates(project, date)?;
    let mut downloads: Vec<Download> = Vec::new();
    for p in pdfs {
        downloads.push(Download {
            path: p.path.clone(),
            label: p.title.clone(),
            bytes: p.bytes.clone(),
        });
        if let Some(sheet) = sheets.iter().find(|s| s.pdf_path == p.path) {
            downloads.push(sheet.download.clone());
        }
    }
    for sheet in &sheets {
        if !downloads.iter().any(|d| d.path == sheet.download.path) {
            downloads.push(sheet.download.clone());
        }
    }
    if pdfs.iter().any(|p| p.form.is_some()) || !sheets.is_empty() {
        let extra: Vec<(&str, &[u8])> = sheets
            .iter()
            .map(|s| (s.download.label.as_str(), s.download.bytes.as_ref()))
            .collect();
        downloads.push(Download {
            path: "downloads/forms.zip".into(),
            label: "全部表格（压缩包）".into(),
            bytes: match engine {
                Some(engine) => engine.forms_zip(pdfs, &extra, date),
                None => pdf::forms_zip(pdfs, &extra, date).into(),
            },
        });
    }
    Ok(downloads)
}

/// A form's spreadsheet template, and where the form's PDF goes (to list the template after it).
struct FormTemplate {
    download: Download,
    pdf_path: String,
}

/// The spreadsheet template of every form with `xlsx: true`, named like its PDF (附件N and the
/// attachment's title, `.xlsx`), titled with its attachment's title.
fn form_templates(
    project: &Loaded,
    date: jiff::civil::Date,
) -> Result<Vec<FormTemplate>, Problems> {
    let c = &project.contest;
    let mut templates = Vec::new();
    for form in project.forms.iter().filter(|f| f.xlsx) {
        let what = pdf::form_title(c, form);
        let title = c
            .attachment_of(&form.id)
            .map_or(form.name.as_str(), |a| a.title.as_str());
        let bytes = crate::forms_xlsx::template(form, c, title, date).map_err(|e| {
            one(Problem::general(
                None,
                msg!(
                    "build-xlsx-failed",
                    form = what,
                    path = form.xlsx_path(),
                    error = e.to_string()
                ),
            ))
        })?;
        templates.push(FormTemplate {
            download: Download {
                path: form.xlsx_path(),
                label: format!("{}.xlsx", crate::model::forms::download_title(c, form)),
                bytes: bytes.into(),
            },
            pdf_path: form.pdf_path(),
        });
    }
    Ok(templates)
}

/// A failure of the tool or of where it writes, not a problem in the contest's files: the output folder
/// is refused or cannot be written. Reported on its own, never counted among the contest's problems.
#[derive(Debug)]
pub enum ToolError {
    /// The output folder is one jingsai must not write into.
    UnsafeOutput {
        /// Which folder and why.
        error: output::UnsafeOutput,
        /// The option that chooses another folder: `--output` or `--out`.
        option: &'static str,
    },
    /// Writing the output folder failed.
    Write(output::WriteError),
    /// Filled forms would have gone into the published site.
    FormsIntoSite {
        /// The folder asked for.
        out: PathBuf,
        /// The site's output folder it is inside.
        site: PathBuf,
    },
}

impl ToolError {
    /// What went wrong.
    pub fn text(&self) -> Text {
        match self {
            ToolError::UnsafeOutput { error, .. } => error.text(),
            ToolError::Write(e) => e.text(),
            ToolError::FormsIntoSite { out, site } => msg!("build-forms-into-site", out, site),
        }
    }

    /// What to do about it.
    pub fn help(&self) -> Text {
        match self {
            ToolError::UnsafeOutput { option, .. } => {
                msg!("build-unsafe-output-help", option = *option)
            }
            ToolError::Write(e) => e.help(),
            ToolError::FormsIntoSite { .. } => msg!("build-forms-into-site-help"),
        }
    }

    /// Whether files of the output folder changed before the failure (a rename failed half-way); when
    /// `false`, the previous output is as it was.
    pub fn partly_written(&self) -> bool {
        matches!(self, ToolError::Write(e) if e.partly_written())
    }
}

impl std::fmt::Display for ToolError {
    /// [`ToolError::text`] in English.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text())
    }
}

impl std::error::Error for ToolError {}

impl From<output::WriteError> for ToolError {
    fn from(error: output::WriteError) -> Self {
        ToolError::Write(error)
    }
}

/// Why [`build_site`] or [`fill_forms`] failed.
#[derive(Debug, thiserror::Error)]
pub enum BuildFailure {
    /// Problems in the contest's files, every one found.
    #[error("{} problem(s) found in the contest folder", .0.errors().count())]
    Problems(Problems),
    /// The tool could not do its work.
    #[error(transparent)]
    Tool(#[from] ToolError),
}

impl From<Problems> for BuildFailure {
    fn from(problems: Problems) -> Self {
        BuildFailure::Problems(problems)
    }
}

impl From<output::WriteError> for BuildFailure {
    fn from(error: output::WriteError) -> Self {
        BuildFailure::Tool(error.into())
    }
}

impl BuildFailure {
    /// Whether files of the output folder changed before the failure.
    pub fn partly_written(&self) -> bool {
        matches!(self, BuildFailure::Tool(e) if e.partly_written())
    }
}

/// What [`build_site`] made: the project (with its warnings), the output, what writing it did and what
/// the PDFs cost.
pub type Built = (Loaded, OutputMap, WriteReport, PdfCounts);

/// Checks, renders and writes a contest folder. Nothing is written unless everything rendered.
pub fn build_site(options: &BuildOptions) -> Result<Built, BuildFailure> {
    output::check_output_dir(&options.root, &options.output).map_err(|error| {
        ToolError::UnsafeOutput {
            error,
            option: "--output",
        }
    })?;
    let mut engine = PdfEngine::new(&options.fonts);
    engine.use_cache(options.cache.as_ref(), &options.root, Some(&options.output));
    engine.prepare_for(&options.root);
    let watchdog = arm(options.limits, &engine, options.lang);
    let mut project = check(&options.root)?;
    let rendered = render_all(&project, &mut engine)?;
    watchdog.disarm();
    project
        .project
        .warnings
        .extend(pdf_warnings(&rendered.pdfs));
    let map = rendered.site.into_map();
    let report = output::write(&map, &options.output)?;
    Ok((project, map, report, engine.counts().clone()))
}

fn one(problem: Problem) -> Problems {
    Problems(vec![problem])
}

/// The published site `out` is inside, by resolved path: the contest's `output/`, or any folder jingsai
/// built a site into. Files holding personal data (filled forms, the roster) are refused there.
pub(crate) fn published_site_of(root: &Path, out: &Path) -> Option<PathBuf> {
    let site_output = output::normalise(&root.join("output"));
    match output::inside_built_site(out) {
        Some(site) => Some(site),
        None => output::normalise(out)
            .starts_with(&site_output)
            .then_some(site_output),
    }
}

/// Writes one pre-filled `form` per row of the roster at `roster` into `out`, which must not be inside the
/// site's output folder (the forms hold personal data). Returns the files written. `lang` is the
/// language of the message printed when the time budget runs out.
pub fn fill_forms(
    root: &Path,
    roster: &Path,
    form: &str,
    out: &Path,
    fonts: &FontOptions,
    limits: Limits,
    lang: Lang,
) -> Result<Vec<PathBuf>, BuildFailure> {
    output::check_output_dir(root, out).map_err(|error| ToolError::UnsafeOutput {
        error,
        option: "--out",
    })?;
    if let Some(site) = published_site_of(root, out) {
        return Err(ToolError::FormsIntoSite {
            out: out.to_path_buf(),
            site,
        }
        .into());
    }
    let project = check(root)?;
    let Some(declared) = project.forms.iter().find(|f| f.id.as_str() == form) else {
        let named: Vec<String> = project
            .forms
            .iter()
            .map(|f| format!("`--form {}` ({})", f.id, f.name))
            .collect();
        return Err(one(Problem::general(
            Some(&project.contest_file),
            msg!("build-no-such-form", form),
        )
        .with_help(if named.is_empty() {
            msg!("build-no-such-form-help-none")
        } else {
            msg!(
                "build-no-such-form-help",
                forms = crate::i18n::or_list(named)
            )
        }))
        .into());
    };
    let bytes = crate::fs::read_input(None, roster, crate::fs::Input::Roster)
        .map_err(|e| one(Problem::from(e)))?;
    let rows = pdf::roster::read(
        roster,
        &pdf::roster::decode(&bytes),
        declared,
        &project.contest,
    )?;
    let mut engine = PdfEngine::new(fonts);
    let watchdog = arm(limits, &engine, lang);
    let mut map = OutputMap::new();
    for row in &rows {
        let (pdfs, _) = engine.render_filled(&project, Some(form), &row.values)?;
        let pdf = pdfs.into_iter().next().ok_or_else(|| {
            one(Problem::general(
                Some(&project.contest_file),
                msg!("build-no-such-form", form),
            )
            .with_help(msg!("build-no-such-form-help-add")))
        })?;
        map.insert(row.file_name.clone(), pdf.bytes);
    }
    watchdog.disarm();
    output::write(&map, out)?;
    Ok(rows.iter().map(|r| out.join(&r.file_name)).collect())
}
