//! The results pages of the site: `results/index.html`, one page per track and group
//! (`results/<track>-<group>.html`) and the downloads `results/results.xlsx` and `results/results.csv`.
//! A page of one track and group gets `team` (a team event: its name column holds a team's members and
//! may wrap) besides `results` and `table`, and loads `results-filter.js`, which the site carries only
//! when it has results ([`FILTER_SCRIPT`]).
//!
//! A large sheet makes these pages and downloads a large part of a build, so they are drafted while the
//! results PDF is drawn ([`draft`], on the pages thread): every file is made then, the pages listing the
//! PDF with a mark where its size goes ([`PDF_SIZE_MARK`]); [`Draft::finish`] puts the size in once the
//! PDF is known. [`render`] does both at once (watch mode, when the PDF changed).

use super::render_page;
use super::templates::PageTemplates;
use crate::diagnostics::{Problem, Problems};
use crate::model::{Contest, EventKind};
use crate::output::OutputMap;
use crate::pdf::cache::{Hash, PdfCache};
use crate::results::{Results, export};
use crate::views::{DownloadView, PageMeta};
use bytes::Bytes;
use tera::{Context, Value};

/// The folder of the results pages.
pub(super) const DIR: &str = "results";

/// The script of the filter above a results table (a static file, in the site only when it has results).
pub(super) const FILTER_SCRIPT: &str = "results-filter.js";

/// Stands for the size of `results.pdf` in a drafted page: characters of the private use area that
/// escaping leaves alone and no sheet is expected to hold (a name that did would show the size there).
const PDF_SIZE_MARK: &str = "\u{F8FF}\u{F8FE}results.pdf\u{F8FE}\u{F8FF}";

/// The results pages and downloads made before the results PDF: see the module's documentation.
#[derive(Debug)]
pub(crate) struct Draft {
    /// Every file, in the order made; the pages hold [`PDF_SIZE_MARK`] when `lists_pdf`.
    files: Vec<(String, Bytes)>,
    /// Whether the pages list `results.pdf` (whose size is still to come).
    lists_pdf: bool,
    /// What went wrong.
    problems: Problems,
}

impl Draft {
    /// The drafted files with the size of `results.pdf` put in, into `map`, and their problems into
    /// `problems`. `None` when the draft does not fit the map: it listed a PDF that is not there, or
    /// the other way round (render the pages again).
    pub(super) fn finish(&self, map: &mut OutputMap, problems: &mut Problems) -> Option<()> {
        let pdf = map.get(&format!("{DIR}/results.pdf")).map(<[u8]>::len);
        if pdf.is_some() != self.lists_pdf {
            return None;
        }
        let size = pdf.map(|len| DownloadView::new("results.pdf", "", len).size);
        for (path, bytes) in &self.files {
            let bytes = match &size {
                Some(size) if path.ends_with(".html") => replace_mark(bytes, size.as_bytes()),
                _ => bytes.clone(),
            };
            map.insert(path.clone(), bytes);
        }
        problems.extend(self.problems.clone());
        Some(())
    }
}

/// `page` with every [`PDF_SIZE_MARK`] replaced by `size`.
fn replace_mark(page: &Bytes, size: &[u8]) -> Bytes {
    let mark = PDF_SIZE_MARK.as_bytes();
    let mut out = Vec::with_capacity(page.len());
    let mut from = 0;
    let mut at = 0;
    while let Some(found) = page[at..].iter().position(|&b| b == mark[0]) {
        at += found;
        if page[at..].starts_with(mark) {
            out.extend_from_slice(&page[from..at]);
            out.extend_from_slice(size);
            at += mark.len();
            from = at;
        } else {
            at += 1;
        }
    }
    out.extend_from_slice(&page[from..]);
    out.into()
}

/// Renders the results pages and downloads into `map`, listing the `results.pdf` it holds; problems
/// go to `problems`.
pub(super) fn render(
    tera: &PageTemplates,
    contest: &Contest,
    results: &Results,
    map: &mut OutputMap,
    problems: &mut Problems,
    cache: Option<(&PdfCache, Hash)>,
) {
    let lists_pdf = map.get(&format!("{DIR}/results.pdf")).is_some();
    let draft = draft(tera, contest, results, lists_pdf, cache);
    draft
        .finish(map, problems)
        .expect("the draft lists the PDF when the map has it");
}

/// Makes the results pages and downloads; with `lists_pdf`, the pages list `results.pdf` with
/// [`PDF_SIZE_MARK`] for its size.
pub(super) fn draft(
    tera: &PageTemplates,
    contest: &Contest,
    results: &Results,
    lists_pdf: bool,
    cache: Option<(&PdfCache, Hash)>,
) -> Draft {
    let mut draft = Draft {
        files: Vec::new(),
        lists_pdf,
        problems: Problems::default(),
    };
    let title = format!("{}成绩", contest.contest.name);
    let csv = export::csv(results);
    let make = || export::xlsx(results, &title);
    let xlsx = match cache {
        Some(cache) => super::cache::results_workbook(cache, &title, make),
        None => make().map(Bytes::from),
    };
    let xlsx = match xlsx {
        Ok(bytes) => bytes,
        Err(e) => {
            draft.problems.push(Problem::general(
                None,
                format!("cannot write `{DIR}/results.xlsx`: {e}"),
            ));
            return draft;
        }
    };
    let mut downloads = vec![
        DownloadView::new("results.xlsx", "成绩表（Excel 工作簿）", xlsx.len()),
        DownloadView::new("results.csv", "成绩表（CSV，UTF-8）", csv.len()),
    ];
    if lists_pdf {
        let mut pdf = DownloadView::new("results.pdf", "成绩公布（PDF）", 0);
        pdf.size = PDF_SIZE_MARK.to_string();
        downloads.insert(0, pdf);
    }
    draft.files.push((format!("{DIR}/results.xlsx"), xlsx));
    draft.files.push((format!("{DIR}/results.csv"), csv.into()));
    match Value::try_from_serializable(results) {
        Ok(shared) => pages(tera, contest, results, &shared, &downloads, &mut draft),
        Err(e) => draft.problems.push(Problem::general(
            None,
            format!("cannot prepare the results pages: {e}"),
        )),
    }
    draft
}

/// The results pages into `draft`: the index, then one page per track and group with results.
fn pages(
    tera: &PageTemplates,
    contest: &Contest,
    results: &Results,
    shared: &Value,
    downloads: &[DownloadView],
    draft: &mut Draft,
) {
    let mut ctx = Context::new();
    ctx.insert_value("results", shared.clone());
    ctx.insert("downloads", &downloads);
    let meta = PageMeta {
        title: "成绩公布".into(),
        description: format!("{}成绩公布", contest.contest.name),
        section: "results",
    };
    let path = format!("{DIR}/index.html");
    match render_page(tera, "results.html", &path, "../", &meta, ctx) {
        Ok(page) => draft.files.push((path, page.into())),
        Err(problem) => draft.problems.push(problem),
    }
    let team = contest.format.event == EventKind::Team;
    for table in results.tables.iter().filter(|t| !t.entries.is_empty()) {
        let mut ctx = Context::new();
        ctx.insert_value("results", shared.clone());
        ctx.insert("team", &team);
        ctx.insert("table", table);
        ctx.insert("downloads", &downloads);
        let meta = PageMeta {
            title: format!("{}赛项{}成绩", table.track_name, table.group_name),
            description: format!(
                "{}{}赛项{}成绩，{}公布",
                contest.contest.short_name,
                table.track_name,
                table.group_name,
                results.published_chinese
            ),
            section: "results",
        };
        let path = format!("{DIR}/{}.html", table.slug);
        match render_page(tera, "results-group.html", &path, "../", &meta, ctx) {
            Ok(page) => draft.files.push((path, page.into())),
            Err(problem) => draft.problems.push(problem),
        }
    }
}
