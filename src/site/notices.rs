//! The notices: each one's page and feed entry, and the listing the lists, the home page and the sitemap
//! show (compared by watch mode to know which lists to render again). A notice's page shows its tables in
//! sideways-scrolling regions (`markdown::scrollable_tables`); the feed carries them as they are.

use super::cache::PageCache;
use super::render_page;
use super::templates::PageTemplates;
use crate::diagnostics::Problem;
use crate::markdown;
use crate::model::Notice;
use crate::model::values::Day;
use crate::pdf::cache::Hash;
use crate::views::PageMeta;
use bytes::Bytes;
use serde::Serialize;
use std::borrow::Cow;
use tera::Context;

/// The newest notices listed in the Atom feed.
pub(crate) const FEED_ENTRIES: usize = 50;

/// A notice in a list. The lists (pages, home, sitemap) depend on nothing else of a notice, so watch mode
/// compares the listings before and after an edit to know which lists to render again.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub(super) struct NoticeItem {
    pub(super) slug: String,
    pub(super) title: String,
    #[serde(serialize_with = "iso_date")]
    pub(super) date: Day,
    pub(super) source: String,
}

/// A date as `2025-10-16`.
fn iso_date<S: serde::Serializer>(day: &Day, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(&day.0)
}

/// A notice in the feed: its HTML is kept only for the newest [`FEED_ENTRIES`].
#[derive(Clone, Serialize)]
pub(super) struct FeedEntry<'a> {
    pub(super) slug: &'a str,
    pub(super) title: &'a str,
    pub(super) date: String,
    pub(super) source: &'a str,
    pub(super) summary: String,
    pub(super) html: String,
}

pub(super) fn listing(notices: &[Notice]) -> Vec<NoticeItem> {
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

pub(super) fn notice_path(slug: &str) -> String {
    format!("notices/{slug}.html")
}

/// A notice's Markdown rendered, with its summary, as the page and the feed show it.
pub(super) fn feed_entry(n: &Notice) -> FeedEntry<'_> {
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
pub(super) fn notice_page<'a>(
    tera: &PageTemplates,
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
    match markdown::scrollable_tables(&entry.html) {
        Cow::Borrowed(_) => ctx.insert("notice", &entry),
        Cow::Owned(html) => ctx.insert(
            "notice",
            &FeedEntry {
                html,
                ..entry.clone()
            },
        ),
    }
    let page = render_page(tera, "notice.html", &path, "../", &meta, ctx)?;
    Ok((path, page, entry))
}

/// The notice pages (path and bytes), their keys in the page cache (one per page, in the same order;
/// none without a cache), the feed entries and the problems.
pub(super) type NoticePages<'a> = (
    Vec<(String, Bytes)>,
    Vec<Hash>,
    Vec<FeedEntry<'a>>,
    Vec<Problem>,
);

/// A notice's page: its path, its bytes, its key in the page cache (when there is one) and, when asked
/// for, its feed entry.
type NoticeOut<'a> = (String, Bytes, Option<Hash>, Option<FeedEntry<'a>>);

/// The page of one notice, from `cache` when a page with its key is there (see `super::cache`: the key
/// covers the site-wide data and the notice's file), else rendered; with its feed entry when `feed`.
fn cached_notice_page<'a>(
    tera: &PageTemplates,
    n: &'a Notice,
    cache: Option<&PageCache>,
    feed: bool,
) -> Result<NoticeOut<'a>, Problem> {
    let key = cache.map(|cache| {
        cache.page_key(&[
            b"notice",
            n.file.path.as_os_str().as_encoded_bytes(),
            n.slug.as_bytes(),
            n.file.text.as_bytes(),
        ])
    });
    if let (Some(cache), Some(key)) = (cache, key)
        && let Some(page) = cache.get(&key)
    {
        return Ok((
            notice_path(&n.slug),
            page,
            Some(key),
            feed.then(|| feed_entry(n)),
        ));
    }
    let (path, page, entry) = notice_page(tera, n)?;
    Ok((path, page.into(), key, feed.then_some(entry)))
}

/// Renders the Markdown and the page of every notice, on both cores for large sites, or takes the page
/// from `cache` when its inputs are unchanged (and stores the pages there after). The HTML of a notice
/// is dropped once its page is rendered, except for the newest ones, which the feed carries.
pub(super) fn render_notices<'a>(
    tera: &PageTemplates,
    notices: &'a [Notice],
    cache: Option<&PageCache>,
) -> NoticePages<'a> {
    let work = |offset: usize, slice: &'a [Notice]| {
        let mut pages = Vec::with_capacity(slice.len());
        let mut keys = Vec::with_capacity(slice.len());
        let mut feed = Vec::new();
        let mut problems = Vec::new();
        for (i, n) in slice.iter().enumerate() {
            match cached_notice_page(tera, n, cache, offset + i < FEED_ENTRIES) {
                Ok((path, page, key, entry)) => {
                    pages.push((path, page));
                    keys.extend(key);
                    feed.extend(entry);
                }
                Err(problem) => problems.push(problem),
            }
        }
        (pages, keys, feed, problems)
    };
    let (pages, keys, feed, problems) = if notices.len() < 64 {
        work(0, notices)
    } else {
        let middle = notices.len() / 2;
        let (first, second) = notices.split_at(middle);
        std::thread::scope(|scope| {
            let handle = scope.spawn(|| work(middle, second));
            let (mut pages, mut keys, mut feed, mut problems) = work(0, first);
            let (more_pages, more_keys, more_feed, more_problems) =
                handle.join().expect("notice rendering thread");
            pages.extend(more_pages);
            keys.extend(more_keys);
            feed.extend(more_feed);
            problems.extend(more_problems);
            (pages, keys, feed, problems)
        })
    };
    if let Some(cache) = cache
        && problems.is_empty()
    {
        cache.store(
            keys.iter()
                .zip(&pages)
                .map(|(key, (_, page))| (*key, page.as_ref())),
        );
    }
    (pages, keys, feed, problems)
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
