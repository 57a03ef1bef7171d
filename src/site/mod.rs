//! Stage two: the public website, rendered with Tera into the output map.
//!
//! Every link is relative (each page gets `root`, the way back to the site's top folder), so the site
//! works from `file://`, on any server and under any sub-path. `base_url` is used only where an absolute
//! address is required: the sitemap, the feed and the calendar.

mod calendar;
mod results;
pub mod templates;

use crate::diagnostics::{Problem, Problems};
use crate::loaded::Loaded;
use crate::markdown;
use crate::model::Notice;
use crate::model::values::Day;
use crate::output::OutputMap;
use crate::views::{self, PageMeta, SiteView};
use serde::Serialize;
use std::collections::HashSet;
use std::sync::Arc;
use tera::{Context, Tera};

/// The newest notices listed in the Atom feed.
pub const FEED_ENTRIES: usize = 50;

/// A notice in a list. The lists (pages, home, sitemap) depend on nothing else of a notice, so watch mode
/// compares the listings before and after an edit to know which lists to render again.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
struct NoticeItem {
    slug: String,
    title: String,
    #[serde(serialize_with = "iso_date")]
    date: Day,
    source: String,
}

/// A date as `2025-10-16`.
fn iso_date<S: serde::Serializer>(day: &Day, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(&day.0)
}

/// A notice in the feed: its HTML is kept only for the newest [`FEED_ENTRIES`].
#[derive(Serialize)]
struct FeedEntry<'a> {
    slug: &'a str,
    title: &'a str,
    date: String,
    source: &'a str,
    summary: String,
    html: String,
}

/// A file offered for download (a PDF, the forms zip), placed in the site and listed with its size.
#[derive(Debug, Clone)]
pub struct Download {
    /// Where it goes in the site.
    pub path: String,
    /// What the downloads list calls it.
    pub label: String,
    /// The bytes.
    pub bytes: bytes::Bytes,
}

/// A rendered site: the output map, and what watch mode needs to bring it up to date after an edit.
#[derive(Debug, Clone)]
pub struct Site {
    /// Every file of the site, shared with the server that serves it.
    pub map: Arc<OutputMap>,
    /// The notices as the lists showed them, newest first.
    listing: Arc<Vec<NoticeItem>>,
    /// Where the downloads went.
    downloads: Vec<String>,
    /// Rendered without the downloads (they were being compiled meanwhile): the pages that list them
    /// (registration, results) and the sitemap are still to come, from [`Renderer::update_downloads`].
    awaiting_downloads: bool,
}

impl Site {
    /// The output map, copied only if it is still shared.
    pub fn into_map(self) -> OutputMap {
        Arc::try_unwrap(self.map).unwrap_or_else(|shared| OutputMap::clone(&shared))
    }
}

/// The templates (built-in and `templates/`) with the contest's data in their global context. Made again
/// when contest.yaml or a template changes; kept by watch mode for notice and form edits.
pub struct Renderer {
    tera: Tera,
    statics: Vec<(String, Vec<u8>)>,
}

impl Renderer {
    /// Loads the templates and sets the contest's data that every page may use.
    pub fn new(project: &Loaded) -> Result<Renderer, Problems> {
        let templates = templates::load(&project.root)?;
        let mut tera = templates.tera;
        let c = &project.contest;
        let site = SiteView::new(c).with_results(project.results.is_some());
        let globals = tera.global_context();
        globals.insert("site", &site);
        globals.insert("deadline", &views::deadline(c));
        globals.insert("schedule", &views::stages(c));
        globals.insert("tracks", &views::tracks(c));
        globals.insert("groups", &views::groups(c));
        globals.insert("venue", &c.venue);
        globals.insert("event", &views::event(c));
        globals.insert("date_iso", &c.notice.date.value.iso());
        globals.insert("source", &c.notice.issuer);
        let attachments: Vec<_> = c
            .attachments
            .iter()
            .map(|a| serde_json::json!({"number": a.number.value, "title": a.title}))
            .collect();
        globals.insert("attachments", &attachments);
        globals.insert(
            "rules",
            &serde_json::json!({
                "barred_honours": c.rules.barred_honours,
                "barred_qualifications": c.rules.barred_qualifications,
                "barred_note": c.rules.barred_note,
                "no_award_honours": c.rules.no_award_honours,
                "no_award_note": c.rules.no_award_note,
                "quota": views::quota(c),
                "coaches": views::coaches(c),
            }),
        );
        globals.insert(
            "scoring",
            &serde_json::json!({
                "parts": c.scoring.parts.value.iter().map(|p| serde_json::json!({"name": p.name, "weight": p.weight.value})).collect::<Vec<_>>(),
                "ranking": c.scoring.ranking,
                "setting": c.scoring.setting.as_deref().unwrap_or(""),
            }),
        );
        Ok(Renderer {
            tera,
            statics: templates.statics,
        })
    }

    /// Renders every page of the site, with the given downloads.
    pub fn render(&self, project: &Loaded, downloads: Vec<Download>) -> Result<Site, Problems> {
        let site = self.render_before_downloads(project)?;
        self.update_downloads(project, &site, downloads)
    }

    /// Renders every page that does not list the downloads, so the pages can be rendered while the PDFs
    /// compile; [`Renderer::update_downloads`] then adds the downloads, the registration and results
    /// pages and the sitemap.
    pub fn render_before_downloads(&self, project: &Loaded) -> Result<Site, Problems> {
        let c = &project.contest;
        let mut map = OutputMap::new();
        let mut problems = Problems::default();
        for (name, bytes) in &self.statics {
            map.insert(name.clone(), bytes.clone());
        }
        map.insert("calendar.ics", calendar::render(c));

        let listing = listing(&project.notices);
        let (notice_pages, feed_entries, notice_problems) =
            render_notices(&self.tera, &project.notices);
        for (path, page) in notice_pages {
            map.insert(path, page);
        }
        for problem in notice_problems {
            problems.push(problem);
        }
        let mut pages = Pages {
            tera: &self.tera,
            map: &mut map,
            problems: &mut problems,
        };

        pages.home(project, &listing);
        pages.plan(project);
        pages.tracks(project);
        pages.simple(
            "eligibility.html",
            "eligibility.html",
            "",
            "参赛对象",
            "eligibility",
            Context::new(),
        );
        pages.contacts(project);
        pages.notices(project, &listing, |_| true);
        // A server shows the 404 page at whatever address was missing, so its links cannot be relative.
        let root_404 = c
            .base_url()
            .map_or_else(|| "/".to_string(), |base| format!("{base}/"));
        pages.simple(
            "404.html",
            "404.html",
            &root_404,
            "页面不存在",
            "",
            Context::new(),
        );
        pages.feed(project, &feed_entries);

        if problems.has_errors() {
            return Err(problems);
        }
        Ok(Site {
            map: Arc::new(map),
            listing: Arc::new(listing),
            downloads: Vec::new(),
            awaiting_downloads: true,
        })
    }

    /// Brings `previous` (rendered from the same templates and contest.yaml) up to date after the notices
    /// at the addresses `changed` were edited or added, and any others were removed from `project`. Only
    /// those notices' pages are rendered again, plus the lists, the home page, the feed and the sitemap
    /// when what they show changed. Gives the same site as [`Renderer::render`].
    pub fn update_notices(
        &self,
        project: &Loaded,
        previous: &Site,
        changed: &[String],
    ) -> Result<Site, Problems> {
        let mut map = OutputMap::clone(&previous.map);
        let listing = listing(&project.notices);
        let now: HashSet<&str> = listing.iter().map(|n| n.slug.as_str()).collect();
        for gone in previous
            .listing
            .iter()
            .filter(|n| !now.contains(n.slug.as_str()))
        {
            map.remove(&notice_path(&gone.slug));
        }
        let mut problems = Problems::default();
        let changed: HashSet<&str> = changed.iter().map(String::as_str).collect();
        for notice in project
            .notices
            .iter()
            .filter(|n| changed.contains(n.slug.as_str()))
        {
            match notice_page(&self.tera, notice) {
                Ok((path, page, _)) => map.insert(path, page),
                Err(problem) => problems.push(problem),
            }
        }
        let newest =
            |list: &[NoticeItem], n: usize| list.iter().take(n).cloned().collect::<Vec<_>>();
        let feed_changed = newest(&listing, FEED_ENTRIES)
            != newest(&previous.listing, FEED_ENTRIES)
            || listing
                .iter()
                .take(FEED_ENTRIES)
                .any(|n| changed.contains(n.slug.as_str()));
        let mut pages = Pages {
            tera: &self.tera,
            map: &mut map,
            problems: &mut problems,
        };
        if listing != *previous.listing {
            let per_page = project.contest.notices_per_page();
            let chunk = |list: &[NoticeItem], i: usize| -> Vec<NoticeItem> {
                list.iter()
                    .skip(i * per_page)
                    .take(per_page)
                    .cloned()
                    .collect()
            };
            let count = |list: &[NoticeItem]| list.len().div_ceil(per_page).max(1);
            if count(&listing) == count(&previous.listing) {
                // The same pager on every page: only the pages whose notices changed.
                pages.notices(project, &listing, |i| {
                    chunk(&listing, i) != chunk(&previous.listing, i)
                });
            } else {
                pages.map.remove_prefix("notices/page/");
                pages.notices(project, &listing, |_| true);
            }
            if newest(&listing, HOME_LATEST) != newest(&previous.listing, HOME_LATEST) {
                pages.home(project, &listing);
            }
            if let Some(base) = project.contest.base_url() {
                pages.sitemap(project, base);
            }
        }
        if feed_changed {
            let entries: Vec<FeedEntry<'_>> = project
                .notices
                .iter()
                .take(FEED_ENTRIES)
                .map(feed_entry)
                .collect();
            pages.feed(project, &entries);
        }
        if problems.has_errors() {
            return Err(problems);
        }
        Ok(Site {
            map: Arc::new(map),
            listing: Arc::new(listing),
            downloads: previous.downloads.clone(),
            awaiting_downloads: previous.awaiting_downloads,
        })
    }

    /// Brings `previous` up to date with new downloads (a form was edited, or they were compiled while
    /// the other pages rendered): the files, the registration page that lists them with their sizes, the
    /// results pages when the results PDF changed, and the sitemap when these pages are new.
    pub fn update_downloads(
        &self,
        project: &Loaded,
        previous: &Site,
        downloads: Vec<Download>,
    ) -> Result<Site, Problems> {
        let first = previous.awaiting_downloads;
        let same = downloads.len() == previous.downloads.len()
            && downloads
                .iter()
                .all(|d| previous.map.get(&d.path) == Some(d.bytes.as_ref()));
        if same && !first {
            return Ok(previous.clone());
        }
        let results_changed = first
            || downloads.iter().any(|d| {
                d.path.starts_with("results/")
                    && previous.map.get(&d.path) != Some(d.bytes.as_ref())
            });
        let mut map = OutputMap::clone(&previous.map);
        for path in &previous.downloads {
            map.remove(path);
        }
        let download_labels = labels(&downloads);
        let download_paths = downloads.iter().map(|d| d.path.clone()).collect();
        for download in downloads {
            map.insert(download.path, download.bytes);
        }
        let mut problems = Problems::default();
        let mut pages = Pages {
            tera: &self.tera,
            map: &mut map,
            problems: &mut problems,
        };
        pages.registration(project, &download_labels);
        if let (true, Some(results)) = (results_changed, &project.results) {
            results::render(
                &self.tera,
                &project.contest,
                results,
                pages.map,
                pages.problems,
            );
        }
        if let (true, Some(base)) = (first, project.contest.base_url()) {
            pages.sitemap(project, base);
        }
        if problems.has_errors() {
            return Err(problems);
        }
        Ok(Site {
            map: Arc::new(map),
            listing: Arc::clone(&previous.listing),
            downloads: download_paths,
            awaiting_downloads: false,
        })
    }
}

/// The newest notices shown on the home page.
const HOME_LATEST: usize = 5;

fn labels(downloads: &[Download]) -> Vec<(String, String)> {
    downloads
        .iter()
        .map(|d| (d.path.clone(), d.label.clone()))
        .collect()
}

fn listing(notices: &[Notice]) -> Vec<NoticeItem> {
    notices
        .iter()
        .map(|n| NoticeItem {
            slug: n.slug.clone(),
            title: n.meta.title.clone(),
            date: n.meta.date,
            source: n.meta.source.clone(),
        })
        .collect()
}

fn notice_path(slug: &str) -> String {
    format!("notices/{slug}.html")
}

/// A notice's Markdown rendered, with its summary, as the page and the feed show it.
fn feed_entry(n: &Notice) -> FeedEntry<'_> {
    let rendered = markdown::render(n.body());
    let summary = n
        .meta
        .summary
        .clone()
        .unwrap_or_else(|| summarise(&rendered.text, 120));
    FeedEntry {
        slug: &n.slug,
        title: &n.meta.title,
        date: n.meta.date.iso(),
        source: &n.meta.source,
        summary,
        html: rendered.html,
    }
}

/// The page of one notice: its path, its bytes and its feed entry.
fn notice_page<'a>(
    tera: &Tera,
    n: &'a Notice,
) -> Result<(String, Vec<u8>, FeedEntry<'a>), Problem> {
    let entry = feed_entry(n);
    let path = notice_path(&n.slug);
    let meta = PageMeta {
        title: n.meta.title.clone(),
        description: entry.summary.clone(),
        section: "notices",
    };
    let mut ctx = Context::new();
    ctx.insert("notice", &entry);
    let page = render_page(tera, "notice.html", &path, "../", &meta, ctx)?;
    Ok((path, page, entry))
}

type NoticePages<'a> = (Vec<(String, Vec<u8>)>, Vec<FeedEntry<'a>>, Vec<Problem>);

/// Renders the Markdown and the page of every notice, on both cores for large sites. The HTML of a
/// notice is dropped once its page is rendered, except for the newest ones, which the feed carries.
fn render_notices<'a>(tera: &Tera, notices: &'a [Notice]) -> NoticePages<'a> {
    let work = |offset: usize, slice: &'a [Notice]| {
        let mut pages = Vec::with_capacity(slice.len());
        let mut feed = Vec::new();
        let mut problems = Vec::new();
        for (i, n) in slice.iter().enumerate() {
            match notice_page(tera, n) {
                Ok((path, page, entry)) => {
                    pages.push((path, page));
                    if offset + i < FEED_ENTRIES {
                        feed.push(entry);
                    }
                }
                Err(problem) => problems.push(problem),
            }
        }
        (pages, feed, problems)
    };
    if notices.len() < 64 {
        return work(0, notices);
    }
    let middle = notices.len() / 2;
    let (first, second) = notices.split_at(middle);
    std::thread::scope(|scope| {
        let handle = scope.spawn(|| work(middle, second));
        let (mut pages, mut feed, mut problems) = work(0, first);
        let (more_pages, more_feed, more_problems) =
            handle.join().expect("notice rendering thread");
        pages.extend(more_pages);
        feed.extend(more_feed);
        problems.extend(more_problems);
        (pages, feed, problems)
    })
}

/// The first `chars` characters of `text` with runs of white space made single spaces.
fn summarise(text: &str, chars: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    for word in text.split_whitespace() {
        if count > 0 {
            out.push(' ');
            count += 1;
        }
        for c in word.chars() {
            if count >= chars {
                out.push('…');
                return out;
            }
            out.push(c);
            count += 1;
        }
    }
    out
}

/// Renders one page into bytes of exactly its size.
pub(crate) fn render_page(
    tera: &Tera,
    template: &str,
    path: &str,
    root: &str,
    meta: &PageMeta,
    mut ctx: Context,
) -> Result<Vec<u8>, Problem> {
    ctx.insert("root", root);
    ctx.insert("page", meta);
    crate::budget::doing(|| format!("the page `{path}` with the template `{template}`"));
    let mut out = Vec::with_capacity(8 * 1024);
    match tera.render_to(template, &ctx, &mut out) {
        Ok(()) => {
            out.shrink_to_fit();
            Ok(out)
        }
        Err(e) => Err(Problem::general(
            None,
            format!("cannot render `{path}` with the template `{template}`:\n{e}"),
        )
        .with_help(
            "fix the template, or delete its override in `templates/` to use the built-in one",
        )),
    }
}

struct Pages<'a> {
    tera: &'a Tera,
    map: &'a mut OutputMap,
    problems: &'a mut Problems,
}

impl Pages<'_> {
    fn render(&mut self, template: &str, path: &str, root: &str, meta: PageMeta, ctx: Context) {
        match render_page(self.tera, template, path, root, &meta, ctx) {
            Ok(page) => self.map.insert(path, page),
            Err(problem) => self.problems.push(problem),
        }
    }

    fn simple(
        &mut self,
        template: &str,
        path: &str,
        root: &str,
        title: &str,
        section: &'static str,
        ctx: Context,
    ) {
        let meta = PageMeta {
            title: title.to_string(),
            description: title.to_string(),
            section,
        };
        self.render(template, path, root, meta, ctx);
    }

    fn home(&mut self, project: &Loaded, notices: &[NoticeItem]) {
        let c = &project.contest;
        let mut ctx = Context::new();
        ctx.insert("notice", &views::covering_notice(c));
        ctx.insert("plan_title", &c.plan.title);
        ctx.insert(
            "latest",
            &notices.iter().take(HOME_LATEST).collect::<Vec<_>>(),
        );
        let meta = PageMeta {
            title: c.notice.title.clone(),
            description: c.contest.name.clone(),
            section: "home",
        };
        self.render("index.html", "index.html", "", meta, ctx);
    }

    fn plan(&mut self, project: &Loaded) {
        let c = &project.contest;
        let sections = views::plan_sections(c);
        let mut ctx = Context::new();
        ctx.insert(
            "plan",
            &serde_json::json!({
                "title": c.plan.title,
                "preamble": c.plan.preamble,
                "sections": sections,
                "date_iso": c.notice.date.value.iso(),
                "source": c.notice.issuer,
            }),
        );
        let meta = PageMeta {
            title: c.plan.title.clone(),
            description: c.plan.title.clone(),
            section: "plan",
        };
        self.render("plan.html", "plan.html", "", meta, ctx);
    }

    fn tracks(&mut self, project: &Loaded) {
        let c = &project.contest;
        let names: Vec<&str> = c.tracks.iter().map(|t| t.name.as_str()).collect();
        let summary = format!("本次竞赛设{}等{}个赛项。", names.join("、"), names.len());
        let mut ctx = Context::new();
        ctx.insert("summary", &summary);
        self.simple(
            "tracks.html",
            "tracks/index.html",
            "../",
            "赛项设置",
            "tracks",
            ctx,
        );
        for track in views::tracks(c) {
            let mut ctx = Context::new();
            ctx.insert("track", &track);
            let meta = PageMeta {
                title: format!("{}赛项", track.name),
                description: track.description.to_string(),
                section: "tracks",
            };
            self.render(
                "track.html",
                &format!("tracks/{}.html", track.id),
                "../",
                meta,
                ctx,
            );
        }
    }

    fn contacts(&mut self, project: &Loaded) {
        let o = &project.contest.organisation;
        let mut summary = format!(
            "本次竞赛为{}，由{}主办，{}承办",
            o.level, o.organiser, o.host
        );
        if !o.co_organisers.is_empty() {
            summary.push_str(&format!("，{}协办", o.co_organisers.join("、")));
        }
        summary.push('。');
        let bodies: Vec<String> = o
            .bodies
            .iter()
            .map(|b| {
                let mut text = b.name.value.clone();
                if let Some(location) = &b.location {
                    text.push_str(&format!("（设在{location}）"));
                }
                text.push_str(&format!("：{}", b.duty));
                text
            })
            .collect();
        let mut ctx = Context::new();
        ctx.insert(
            "organisation",
            &serde_json::json!({"summary": summary, "bodies": bodies}),
        );
        self.simple(
            "contacts.html",
            "contacts.html",
            "",
            "联系我们",
            "contacts",
            ctx,
        );
    }

    /// The list pages; `which(i)` says whether the page of index `i` (from 0) is rendered.
    fn notices(&mut self, project: &Loaded, notices: &[NoticeItem], which: impl Fn(usize) -> bool) {
        let per_page = project.contest.notices_per_page();
        let chunks: Vec<&[NoticeItem]> = if notices.is_empty() {
            vec![&[]]
        } else {
            notices.chunks(per_page).collect()
        };
        let count = chunks.len();
        let href = |n: usize| {
            if n == 1 {
                "notices/index.html".to_string()
            } else {
                format!("notices/page/{n}.html")
            }
        };
        for (i, chunk) in chunks.iter().enumerate() {
            if !which(i) {
                continue;
            }
            let number = i + 1;
            let root = if number == 1 { "../" } else { "../../" };
            let pages: Vec<_> = (1..=count)
                .filter(|&n| {
                    count <= 15 || n <= 2 || n + 2 > count || n.abs_diff(number) <= 3_usize
                })
                .map(|n| serde_json::json!({"number": n, "href": href(n), "current": n == number}))
                .collect();
            let mut ctx = Context::new();
            ctx.insert("notices", chunk);
            ctx.insert(
                "pager",
                &serde_json::json!({
                    "current": number,
                    "pages": pages,
                    "prev": (number > 1).then(|| href(number - 1)),
                    "next": (number < count).then(|| href(number + 1)),
                }),
            );
            self.simple(
                "notices.html",
                &href(number),
                root,
                "通知公告",
                "notices",
                ctx,
            );
        }
    }

    fn feed(&mut self, project: &Loaded, notices: &[FeedEntry<'_>]) {
        let c = &project.contest;
        let base = c.base_url();
        let absolute = |path: &str| match base {
            Some(base) => format!("{base}/{path}"),
            None => path.to_string(),
        };
        let id_prefix = match base {
            Some(base) => format!("{base}/"),
            None => format!("urn:jingsai:{:016x}:", fnv(c.contest.name.as_bytes())),
        };
        let stamp = |date: &str| format!("{date}T00:00:00+08:00");
        let entries: Vec<_> = notices
            .iter()
            .take(FEED_ENTRIES)
            .map(|n| {
                let path = format!("notices/{}.html", n.slug);
                serde_json::json!({
                    "title": n.title, "id": format!("{id_prefix}{path}"), "href": absolute(&path),
                    "updated": stamp(&n.date), "source": n.source, "summary": n.summary, "html": n.html,
                })
            })
            .collect();
        let updated = notices
            .iter()
            .map(|n| n.date.clone())
            .max()
            .unwrap_or_else(|| c.notice.date.value.iso())
            .max(c.notice.date.value.iso());
        let mut ctx = Context::new();
        ctx.insert(
            "feed",
            &serde_json::json!({
                "id": format!("{id_prefix}feed.xml"), "updated": stamp(&updated), "self_href": absolute("feed.xml"),
                "home_href": absolute("index.html"), "entries": entries,
            }),
        );
        self.simple("feed.xml", "feed.xml", "", "通知公告", "", ctx);
    }

    fn registration(&mut self, project: &Loaded, labels: &[(String, String)]) {
        let c = &project.contest;
        let mut listed: Vec<(&str, String)> = labels
            .iter()
            .filter(|(p, _)| p.starts_with("downloads/"))
            .map(|(p, l)| (p.as_str(), l.clone()))
            .collect();
        listed.push((
            "calendar.ics",
            "竞赛日程（可导入手机或电脑日历）".to_string(),
        ));
        let downloads: Vec<_> = listed
            .into_iter()
            .filter_map(|(path, label)| {
                let bytes = self.map.get(path)?;
                let label = label.trim_end_matches(".pdf");
                Some(views::DownloadView::new(path, label, bytes.len()))
            })
            .collect();
        let r = &c.registration;
        let materials: Vec<_> = r
            .materials
            .iter()
            .map(|m| serde_json::json!({"name": m.name, "requirement": m.requirement}))
            .collect();
        let costs: Vec<&str> = [
            Some(c.costs.fee.as_str()),
            c.costs.insurance.as_deref(),
            c.costs.expenses.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect();
        let mut ctx = Context::new();
        ctx.insert("downloads", &downloads);
        ctx.insert("costs", &costs);
        ctx.insert(
            "registration",
            &serde_json::json!({
                "procedure": r.procedure, "send_to": r.send_to.as_deref().unwrap_or("以下电子邮箱"),
                "email": r.email.as_ref().map(|e| e.value.as_str()), "materials": materials,
                "replacement": r.replacement.as_ref().map(|x| x.allowed.as_str()),
            }),
        );
        self.simple(
            "registration.html",
            "registration.html",
            "",
            "竞赛报名",
            "registration",
            ctx,
        );
    }

    fn sitemap(&mut self, project: &Loaded, base: &str) {
        let dates: std::collections::HashMap<String, String> = project
            .notices
            .iter()
            .map(|n| (format!("notices/{}.html", n.slug), n.meta.date.iso()))
            .collect();
        let urls: Vec<_> = self
            .map
            .iter()
            .filter(|(path, _)| path.ends_with(".html") && *path != "404.html")
            .map(|(path, _)| {
                serde_json::json!({"loc": format!("{base}/{path}"), "lastmod": dates.get(path)})
            })
            .collect();
        let mut ctx = Context::new();
        ctx.insert("urls", &urls);
        self.simple("sitemap.xml", "sitemap.xml", "", "sitemap", "", ctx);
    }
}

/// FNV-1a, for stable ids that do not depend on the process.
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf29ce484222325, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x100000001b3)
    })
}
