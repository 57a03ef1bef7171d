//! Markdown notices: `content/notices/*.md`, each with YAML front matter between `---` lines.

use super::values::{Day, is_id};
use super::{display_path, yaml};
use crate::diagnostics::{Problem, Problems, SourceFile};
use crate::fs;
use crate::msg;
use serde::Deserialize;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The front matter of a notice.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoticeMeta {
    /// The headline shown in lists, on the page and in the feed (`title:` in the front matter).
    pub title: String,
    /// 发布时间.
    pub date: Day,
    /// 来源.
    pub source: String,
    /// The address name; the file name without `.md` when absent.
    #[serde(default)]
    pub slug: Option<String>,
    /// A one-line summary for the list and the feed; the start of the text when absent.
    #[serde(default)]
    pub summary: Option<String>,
}

/// A notice: front matter and Markdown body.
#[derive(Debug, Clone)]
pub struct Notice {
    /// The file, for messages.
    pub file: SourceFile,
    /// The front matter.
    pub meta: NoticeMeta,
    /// The address name, `notices/<slug>.html`.
    pub slug: String,
    /// Where the Markdown after the front matter starts in the file's text.
    body_start: usize,
}

impl Notice {
    /// The Markdown after the front matter.
    pub fn body(&self) -> &str {
        &self.file.text[self.body_start..]
    }
}

impl Notice {
    /// Parses a notice from its text.
    pub fn parse(file: SourceFile) -> Result<Notice, Problem> {
        let text: &str = &file.text;
        let Some(after_open) = text
            .strip_prefix("---\n")
            .or_else(|| text.strip_prefix("---\r\n"))
        else {
            return Err(Problem::at(
                &file,
                (0, text.len().min(1)),
                msg!("model-notice-no-front-matter"),
            )
            .with_help(msg!("model-notice-no-front-matter-help")));
        };
        let open_len = text.len() - after_open.len();
        let close = after_open
            .match_indices("\n---")
            .find(|(i, _)| {
                let rest = &after_open[i + 4..];
                rest.is_empty() || rest.starts_with('\n') || rest.starts_with("\r\n")
            })
            .map(|(i, _)| i);
        let Some(close) = close else {
            return Err(
                Problem::at(&file, (0, 3), msg!("model-notice-front-matter-open"))
                    .with_help(msg!("model-notice-front-matter-open-help")),
            );
        };
        let front_end = open_len + close + 1;
        // Parse the text up to the closing line with the opening `---` blanked, so positions stay those of
        // the file.
        let masked = format!("   {}", &text[3..front_end]);
        let meta: NoticeMeta = yaml::parse(&file, &masked)?;
        let after_close = (front_end + 4).min(text.len());
        let body_start = text.len() - text[after_close..].trim_start_matches(['\r', '\n']).len();
        let stem = file
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let slug = meta.slug.clone().unwrap_or(stem);
        if !is_id(&slug) {
            return Err(
                Problem::general(Some(&file), msg!("model-notice-bad-slug", slug))
                    .with_help(msg!("model-notice-bad-slug-help")),
            );
        }
        if RESERVED_SLUGS.contains(&slug.as_str()) {
            return Err(
                Problem::general(Some(&file), msg!("model-notice-reserved-slug", slug))
                    .with_help(msg!("model-notice-reserved-slug-help")),
            );
        }
        if meta.title.trim().is_empty() {
            return Err(
                Problem::general(Some(&file), msg!("model-notice-empty-title"))
                    .with_help(msg!("model-notice-empty-title-help")),
            );
        }
        Ok(Notice {
            file,
            meta,
            slug,
            body_start,
        })
    }
}

/// Notice addresses the site uses for pages of its own (`notices/index.html` is the list).
pub(super) const RESERVED_SLUGS: [&str; 1] = ["index"];

/// Reads every notice, newest first (then by address); problems go to `problems`. Large folders are
/// read and parsed on two threads.
pub(super) fn load_all(root: &Path, problems: &mut Problems) -> Vec<Notice> {
    let dir = notices_dir(root);
    let paths = match fs::check_folder(root, &dir).and_then(|()| fs::list_files(&dir, ".md")) {
        Ok(paths) => paths,
        Err(e) => {
            problems.push(Problem::from(e));
            return Vec::new();
        }
    };
    let load = |path: &PathBuf| load_listed(root, path);
    let loaded: Vec<Result<Notice, Problem>> = if paths.len() < 64 {
        paths.iter().map(load).collect()
    } else {
        let (first, second) = paths.split_at(paths.len() / 2);
        std::thread::scope(|scope| {
            let handle = scope.spawn(|| second.iter().map(load).collect::<Vec<_>>());
            let mut out: Vec<_> = first.iter().map(load).collect();
            out.extend(handle.join().expect("notice loading thread"));
            out
        })
    };
    let mut notices: Vec<Notice> = Vec::with_capacity(loaded.len());
    let mut by_slug: HashMap<String, usize> = HashMap::with_capacity(loaded.len());
    for result in loaded {
        match result {
            Ok(notice) => match by_slug.get(&notice.slug) {
                Some(&other) => problems.push(same_address(&notice, &notices[other])),
                None => {
                    by_slug.insert(notice.slug.clone(), notices.len());
                    notices.push(notice);
                }
            },
            Err(problem) => problems.push(problem),
        }
    }
    sort(&mut notices);
    notices
}

/// Brings `notices` (as [`load_all`] read them) up to date after the files at `changed` (absolute paths)
/// were edited, added or removed: only those files are read. On problems `notices` is left as it was.
/// Returns the addresses of the notices read again.
pub(super) fn update(
    root: &Path,
    notices: &mut Vec<Notice>,
    changed: &BTreeSet<PathBuf>,
) -> Result<Vec<String>, Problems> {
    let dir = notices_dir(root);
    // As the notices show them, hashed as bytes (hashing 10,000 `Path`s, component by component, takes
    // milliseconds).
    let changed_shown: HashSet<OsString> = changed
        .iter()
        .map(|p| display_path(root, p).into_os_string())
        .collect();
    let is_changed = |n: &Notice| changed_shown.contains(n.file.path.as_os_str());
    let mut problems = Problems::default();
    let mut fresh: Vec<Notice> = Vec::new();
    for path in changed {
        let is_notice = path.parent() == Some(dir.as_path())
            && path.file_name().is_some_and(|n| {
                let n = n.to_string_lossy();
                n.ends_with(".md") && !n.starts_with('.')
            })
            && path.symlink_metadata().is_ok_and(|m| !m.is_dir());
        if is_notice {
            match load_one(root, path) {
                Ok(notice) => fresh.push(notice),
                Err(problem) => problems.push(problem),
            }
        }
    }
    // The same address twice: reported on the file later in path order, as a full load does.
    let mut by_slug: HashMap<&str, &Notice> = HashMap::with_capacity(notices.len());
    for n in notices.iter() {
        by_slug.insert(&n.slug, n);
    }
    let mut fresh_slugs: HashMap<&str, &Notice> = HashMap::new();
    for notice in &fresh {
        let kept = by_slug
            .get(notice.slug.as_str())
            .filter(|other| !is_changed(other));
        match kept.or_else(|| fresh_slugs.get(notice.slug.as_str())) {
            Some(other) if other.file.path < notice.file.path => {
                problems.push(same_address(notice, other))
            }
            Some(other) => problems.push(same_address(other, notice)),
            None => {
                fresh_slugs.insert(&notice.slug, notice);
            }
        }
    }
    if problems.has_errors() {
        problems.sort();
        return Err(problems);
    }
    let slugs = fresh.iter().map(|n| n.slug.clone()).collect();
    notices.retain(|n| !is_changed(n));
    if fresh.len() <= 64 {
        // Into place, rather than sorting them all again.
        for notice in fresh {
            let at = notices.partition_point(|n| newest_first(n, &notice).is_lt());
            notices.insert(at, notice);
        }
    } else {
        notices.extend(fresh);
        sort(notices);
    }
    Ok(slugs)
}

fn notices_dir(root: &Path) -> PathBuf {
    root.join("content").join("notices")
}

/// [`load_one`] for a file listed in the notices folder, which [`load_all`] checked once.
fn load_listed(root: &Path, path: &Path) -> Result<Notice, Problem> {
    let text = fs::read_listed_text(root, path, fs::Input::Notice).map_err(Problem::from)?;
    Notice::parse(SourceFile::new(&display_path(root, path), text))
}

fn load_one(root: &Path, path: &Path) -> Result<Notice, Problem> {
    let text = fs::read_input_text(Some(root), path, fs::Input::Notice).map_err(Problem::from)?;
    Notice::parse(SourceFile::new(&display_path(root, path), text))
}

/// `later` uses the address of `earlier`.
fn same_address(later: &Notice, earlier: &Notice) -> Problem {
    Problem::general(
        Some(&later.file),
        msg!(
            "model-notice-same-address",
            slug = &later.slug,
            other = &earlier.file.path
        ),
    )
    .with_help(msg!("model-notice-same-address-help"))
}

/// Newest first, then by address.
fn sort(notices: &mut [Notice]) {
    notices.sort_by(newest_first);
}

fn newest_first(a: &Notice, b: &Notice) -> std::cmp::Ordering {
    b.meta
        .date
        .cmp(&a.meta.date)
        .then_with(|| a.slug.cmp(&b.slug))
}
