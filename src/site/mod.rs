//! Stage two: the public website, rendered with Tera into the output map.
//!
//! Every link is relative (each page gets `root`, the way back to the site's top folder), so the site
//! works from `file://`, on any server and under any sub-path. `base_url` is used only where an absolute
//! address is required: the sitemap, the feed and the calendar.
//!
//! The search index (`search-index.js`, see [`crate::search`]) is made from the rendered notice, plan
//! and track pages, after them. When a notice changes, [`Renderer::update_notices`] leaves the index of
//! the previous site in place and [`Site::with_search_index`] makes it again, so watch mode can publish
//! the pages first and the index after them.

pub(crate) mod cache;
mod calendar;
mod notices;
mod pages;
mod results;
pub(crate) mod templates;

use crate::diagnostics::{Problem, Problems};
use crate::loaded::Loaded;
use crate::output::OutputMap;
use crate::search;
use crate::views::{self, PageMeta, SiteView};
use notices::{
    FEED_ENTRIES, FeedEntry, NoticeItem, feed_entry, listing, notice_page, notice_path,
    render_notices,
};
use pages::{HOME_LATEST, Pages};
use sha2::Digest;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use templates::PageTemplates;
use tera::Context;

/// A file offered for download (a PDF, the forms zip), placed in the site and listed with its size.
#[derive(Debug, Clone)]
pub struct Download {
    /// Where it goes in the site.
    pub path: String,
    /// What the downloads list calls it.
    pub label: String,
    /// The file's contents, shared with the PDF stage without copying.
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
    /// The text of each searched page, so a rebuild reads again only the pages that changed.
    search: Arc<search::PageTexts>,
    /// The search index in `map` is that of an earlier site: the pages changed since, and
    /// [`Site::with_search_index`] has not yet made it again.
    search_stale: bool,
    /// Rendered without the downloads (they were being compiled meanwhile): the pages that list them
    /// (registration, results) and the sitemap are still to come, from [`Renderer::update_downloads`].
    awaiting_downloads: bool,
    /// The results pages and downloads made while the results PDF was drawn, waiting for its size
    /// (see `results.rs`); taken by [`Renderer::update_downloads`].
    results_draft: Option<Arc<results::Draft>>,
}

impl Site {
    /// Whether the search index is that of an earlier site (see [`Site::with_search_index`]).
    pub fn search_is_stale(&self) -> bool {
        self.search_stale
    }

    /// The same site with its search index made again from its pages, when they changed since the index
    /// was made; `None` when the index is up to date. Only the pages whose bytes changed are read again.
    pub fn with_search_index(&self) -> Option<Site> {
        if !self.search_stale {
            return None;
        }
        let mut map = OutputMap::clone(&self.map);
        let (search, index) = search::index_from(&map, &self.search);
        map.insert(search::INDEX_PATH, index);
        Some(Site {
            map: Arc::new(map),
            search: Arc::new(search),
            search_stale: false,
            ..self.clone()
        })
    }

    /// The output map, copied only if it is still shared.
    pub fn into_map(self) -> OutputMap {
        Arc::try_unwrap(self.map).unwrap_or_else(|shared| OutputMap::clone(&shared))
    }
}

/// The templates (built-in and `templates/`) with the contest's data in their global context. Made again
/// when contest.yaml or a template changes; kept by watch mode for notice and form edits.
pub struct Renderer {
    tera: PageTemplates,
    statics: Vec<(String, Vec<u8>)>,
    /// The site key of the page cache: the binary, the templates and the global context (see `cache`).
    key: crate::pdf::cache::Hash,
    /// Where rendered pages and the search index are cached between builds, when they are.
    cache: Option<Arc<crate::pdf::cache::PdfCache>>,
}

/// Sets a value of the templates' global context and feeds its JSON into the site key.
fn global<T: serde::Serialize + ?Sized>(
    tera: &mut PageTemplates,
    key: &mut sha2::Sha256,
    name: &'static str,
    value: &T,
) {
    crate::pdf::cache::feed(key, name.as_bytes());
    crate::pdf::cache::feed(
        key,
        &serde_json::to_vec(value).expect("the global context serialises"),
    );
    tera.global_context().insert(name, value);
}

impl Renderer {
    /// Loads the templates and sets the contest's data that every page may use.
    pub fn new(project: &Loaded) -> Result<Renderer, Problems> {
        let templates = templates::load(&project.root)?;
        let mut tera = templates.pages;
        let mut key = sha2::Sha256::new();
        crate::pdf::cache::binary_identity(&mut key);
        key.update(templates.key);
        let c = &project.contest;
        let site = SiteView::new(c).with_results(project.results.is_some());
        let (t, k) = (&mut tera, &mut key);
        global(t, k, "site", &site);
        global(t, k, "deadline", &views::deadline(c));
        global(t, k, "schedule", &views::stages(c));
        global(t, k, "tracks", &views::tracks(c));
        global(t, k, "groups", &views::groups(c));
        global(t, k, "venue", &c.venue);
        global(t, k, "event", &views::event(c));
        global(t, k, "date_iso", &c.notice.date.value.iso());
        global(t, k, "source", &c.notice.issuer);
        let attachments: Vec<_> = c
            .attachments
            .iter()
            .map(|a| serde_json::json!({"number": a.number.value, "title": a.title}))
            .collect();
        global(t, k, "attachments", &attachments);
        global(t, k, "rules", &views::rules(c));
        global(t, k, "scoring", &views::scoring(c));
        global(t, k, "awards", &views::awards(c));
        Ok(Renderer {
            tera,
            statics: templates.statics,
            key: key.finalize().into(),
            cache: None,
        })
    }

    /// Caches the rendered notice pages, the search index and the results workbook in `cache` between
    /// builds (see `cache`); `None`, the default, renders every page.
    pub(crate) fn use_cache(&mut self, cache: Option<Arc<crate::pdf::cache::PdfCache>>) {
        self.cache = cache;
    }

    /// The cache folder and the results' digest, which key the results workbook there; `None` without a
    /// cache (or results).
    fn workbook_cache(
        &self,
        project: &Loaded,
    ) -> Option<(&crate::pdf::cache::PdfCache, cache::Hash)> {
        Some((self.cache.as_deref()?, project.results_digest()?))
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
            if name == results::FILTER_SCRIPT && project.results.is_none() {
                continue;
            }
            map.insert(name.clone(), bytes.clone());
        }
        map.insert("calendar.ics", calendar::render(c));

        let listing = listing(&project.notices);
        let page_cache = self
            .cache
            .as_ref()
            .map(|store| cache::PageCache::open(Arc::clone(store), self.key));
        let (notice_pages, page_keys, feed_entries, notice_problems) =
            render_notices(&self.tera, &project.notices, page_cache.as_ref());
        // A page's key stands for its bytes in the key of the search index (the same key always
        // renders the same page).
        let page_keys: HashMap<String, cache::Hash> = notice_pages
            .iter()
            .zip(page_keys)
            .map(|((path, _), key)| (path.clone(), key))
            .collect();
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
        pages.entries(project);
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
        pages.simple(
            "search.html",
            "search.html",
            "",
            "站内搜索",
            "search",
            Context::new(),
        );
        let (search, index) = cache::search_index(&map, &page_keys, self.cache.as_deref());
        map.insert(search::INDEX_PATH, index);
        // Every results PDF is made with the results (drawn, or the contest's `results.typ`).
        let results_draft = project.results.as_ref().map(|results| {
            let cache = self.workbook_cache(project);
            Arc::new(results::draft(&self.tera, c, results, true, cache))
        });

        if problems.has_errors() {
            return Err(problems);
        }
        Ok(Site {
            map: Arc::new(map),
            listing: Arc::new(listing),
            search: Arc::new(search),
            search_stale: false,
            downloads: Vec::new(),
            awaiting_downloads: true,
            results_draft,
        })
    }

    /// Brings `previous` (rendered from the same templates and contest.yaml) up to date after the notices
    /// at the addresses `changed` were edited or added, and any others were removed from `project`. Only
    /// those notices' pages are rendered again, plus the lists, the home page, the feed and the sitemap
    /// when what they show changed. The search index is left as it was (see [`Site::with_search_index`]);
    /// with it made again, gives the same site as [`Renderer::render`].
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
        let search_stale =
            previous.search_stale || !changed.is_empty() || listing != *previous.listing;
        if problems.has_errors() {
            return Err(problems);
        }
        Ok(Site {
            map: Arc::new(map),
            listing: Arc::new(listing),
            search: Arc::clone(&previous.search),
            search_stale,
            downloads: previous.downloads.clone(),
            awaiting_downloads: previous.awaiting_downloads,
            results_draft: previous.results_draft.clone(),
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
            let drafted = match (&previous.results_draft, first) {
                (Some(draft), true) => draft.finish(pages.map, pages.problems),
                _ => None,
            };
            if drafted.is_none() {
                results::render(
                    &self.tera,
                    &project.contest,
                    results,
                    pages.map,
                    pages.problems,
                    self.workbook_cache(project),
                );
            }
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
            search: Arc::clone(&previous.search),
            search_stale: previous.search_stale,
            downloads: download_paths,
            awaiting_downloads: false,
            results_draft: None,
        })
    }
}

fn labels(downloads: &[Download]) -> Vec<(String, String)> {
    downloads
        .iter()
        .map(|d| (d.path.clone(), d.label.clone()))
        .collect()
}

/// Renders one page into bytes of exactly its size.
pub(crate) fn render_page(
    tera: &PageTemplates,
    template: &str,
    path: &str,
    root: &str,
    meta: &PageMeta,
    mut ctx: Context,
) -> Result<Vec<u8>, Problem> {
    ctx.insert("root", root);
    ctx.insert("page", meta);
    crate::budget::doing(|| crate::msg!("site-doing-page", path, template));
    let mut out = Vec::with_capacity(8 * 1024);
    tera.render_to(template, &ctx, &mut out, path)?;
    out.shrink_to_fit();
    Ok(out)
}
