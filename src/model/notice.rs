//! Markdown notices: `content/notices/*.md`, each with YAML front matter between `---` lines.

use super::values::{Day, is_id};
use super::{display_path, yaml};
use crate::diagnostics::{Problem, Problems, SourceFile};
use crate::fs;
use serde::Deserialize;
use std::path::Path;

/// The front matter of a notice.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoticeMeta {
    /// Title.
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
    /// The Markdown after the front matter.
    pub body: String,
}

impl Notice {
    /// Parses a notice from its text.
    pub fn parse(file: SourceFile) -> Result<Notice, Problem> {
        let text: &str = &file.text;
        let Some(after_open) = text
            .strip_prefix("---\n")
            .or_else(|| text.strip_prefix("---\r\n"))
        else {
            return Err(Problem::at(&file, (0, text.len().min(1)), "a notice must start with front matter")
                .with_help("begin the file with a `---` line, then `title:`, `date:` and `source:`, then another `---` line"));
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
            return Err(Problem::at(&file, (0, 3), "the front matter is not closed")
                .with_help("add a line with only `---` after the front matter"));
        };
        let front_end = open_len + close + 1;
        // Parse the text up to the closing line with the opening `---` blanked, so positions stay those of
        // the file.
        let masked = format!("   {}", &text[3..front_end]);
        let meta: NoticeMeta = yaml::parse(&file, &masked)?;
        let body_start = (front_end + 4).min(text.len());
        let body = text[body_start..]
            .trim_start_matches(['\r', '\n'])
            .to_string();
        let stem = file
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let slug = meta.slug.clone().unwrap_or(stem);
        if !is_id(&slug) {
            let help = "name the file with lower-case letters, digits and `-` (for example `2025-10-16-plan.md`), or add `slug: plan` to the front matter";
            return Err(Problem::general(
                Some(&file),
                format!("`{slug}` cannot be part of an address"),
            )
            .with_help(help));
        }
        if meta.title.trim().is_empty() {
            return Err(
                Problem::general(Some(&file), "the notice has an empty title")
                    .with_help("write a title"),
            );
        }
        Ok(Notice {
            file,
            meta,
            slug,
            body,
        })
    }
}

/// Reads every notice, newest first (then by address); problems go to `problems`.
pub fn load_all(root: &Path, problems: &mut Problems) -> Vec<Notice> {
    let dir = root.join("content").join("notices");
    let paths = match fs::list_files(&dir, ".md") {
        Ok(paths) => paths,
        Err(e) => {
            problems.push(Problem::general(None, format!("{e}: {}", e.source)));
            return Vec::new();
        }
    };
    let mut notices: Vec<Notice> = Vec::with_capacity(paths.len());
    for path in paths {
        let shown = display_path(root, &path);
        match fs::read_to_string(&path) {
            Ok(text) => match Notice::parse(SourceFile::new(&shown, text)) {
                Ok(notice) => {
                    if let Some(other) = notices.iter().find(|n| n.slug == notice.slug) {
                        problems.push(
                            Problem::general(
                                Some(&notice.file),
                                format!(
                                    "the address `notices/{}.html` is also used by `{}`",
                                    notice.slug,
                                    other.file.path.display()
                                ),
                            )
                            .with_help("give one of them another file name or `slug:`"),
                        );
                    } else {
                        notices.push(notice);
                    }
                }
                Err(problem) => problems.push(problem),
            },
            Err(e) => problems.push(Problem::general(None, format!("{e}: {}", e.source))),
        }
    }
    notices.sort_by(|a, b| {
        b.meta
            .date
            .cmp(&a.meta.date)
            .then_with(|| a.slug.cmp(&b.slug))
    });
    notices
}
