//! The results pages of the site: `results/index.html`, one page per track and group
//! (`results/<track>-<group>.html`) and the downloads `results/results.xlsx` and `results/results.csv`.
//! A page of one track and group gets `team` (a team event: its name column holds a team's members and
//! may wrap) besides `results` and `table`, and loads `results-filter.js`, which the site carries only
//! when it has results ([`FILTER_SCRIPT`]).

use super::render_page;
use super::templates::PageTemplates;
use crate::diagnostics::{Problem, Problems};
use crate::model::{Contest, EventKind};
use crate::output::OutputMap;
use crate::results::{Results, export};
use crate::views::{DownloadView, PageMeta};
use tera::{Context, Value};

/// The folder of the results pages.
pub(super) const DIR: &str = "results";

/// The script of the filter above a results table (a static file, in the site only when it has results).
pub(super) const FILTER_SCRIPT: &str = "results-filter.js";

/// Renders the results pages and downloads into `map`; problems go to `problems`.
pub(super) fn render(
    tera: &PageTemplates,
    contest: &Contest,
    results: &Results,
    map: &mut OutputMap,
    problems: &mut Problems,
) {
    let title = format!("{}成绩", contest.contest.name);
    let csv = export::csv(results);
    let xlsx = match export::xlsx(results, &title) {
        Ok(bytes) => bytes,
        Err(e) => {
            problems.push(Problem::general(
                None,
                format!("cannot write `{DIR}/results.xlsx`: {e}"),
            ));
            return;
        }
    };
    let mut downloads = vec![
        DownloadView::new("results.xlsx", "成绩表（Excel 工作簿）", xlsx.len()),
        DownloadView::new("results.csv", "成绩表（CSV，UTF-8）", csv.len()),
    ];
    if let Some(pdf) = map.get(&format!("{DIR}/results.pdf")) {
        downloads.insert(
            0,
            DownloadView::new("results.pdf", "成绩公布（PDF）", pdf.len()),
        );
    }
    map.insert(format!("{DIR}/results.xlsx"), xlsx);
    map.insert(format!("{DIR}/results.csv"), csv);

    let shared = match Value::try_from_serializable(results) {
        Ok(value) => value,
        Err(e) => {
            problems.push(Problem::general(
                None,
                format!("cannot prepare the results pages: {e}"),
            ));
            return;
        }
    };
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
        Ok(page) => map.insert(path, page),
        Err(problem) => problems.push(problem),
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
            Ok(page) => map.insert(path, page),
            Err(problem) => problems.push(problem),
        }
    }
}
