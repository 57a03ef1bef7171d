//! Watching the contest folder: content/ (notices, contest.yaml, the results file), templates/ and forms/.
//! Bursts of events (an editor's save by rename, a `git checkout`) are debounced into one rebuild, and
//! editor temp and swap files are ignored. Each burst is sent on as the list of files it touched; what they
//! require is decided by [`change_of`].

use super::ServeError;
use notify::{EventKind, PollWatcher, RecommendedWatcher, RecursiveMode, Watcher};
use notify_debouncer_full::{
    DebounceEventResult, Debouncer, FileIdCache, NoCache, RecommendedCache,
};
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

/// The folders watched, relative to the contest folder.
pub(super) const WATCHED: [&str; 3] = ["content", "templates", "forms"];

/// How long a burst of events may go quiet before the rebuild starts.
const QUIET: Duration = Duration::from_millis(15);
/// With `--poll`: how often the files are compared.
const POLL_EVERY: Duration = Duration::from_millis(200);

/// Keeps the watcher running while it lives.
pub(super) struct Running {
    /// inotify and friends.
    _events: Option<Debouncer<RecommendedWatcher, RecommendedCache>>,
    /// `--poll`.
    _poll: Option<Debouncer<PollWatcher, NoCache>>,
}

/// Starts watching `root` (canonical), sending the files that changed in each burst to `changes`.
pub(super) fn start(
    root: &Path,
    poll: bool,
    changes: Sender<Vec<PathBuf>>,
    lang: crate::i18n::Lang,
) -> Result<Running, ServeError> {
    let handler = {
        let root = root.to_path_buf();
        move |result: DebounceEventResult| match result {
            Ok(events) => {
                let mut paths: Vec<PathBuf> = events
                    .iter()
                    .filter(|event| relevant(&event.kind))
                    .flat_map(|event| event.paths.iter())
                    // A folder's own events (its time changes when a file is added) duplicate the file's.
                    .filter(|path| !path.is_dir())
                    .filter(|path| change_of(&root, path).is_some())
                    .cloned()
                    .collect();
                paths.sort();
                paths.dedup();
                if !paths.is_empty() {
                    let _ = changes.send(paths);
                }
            }
            Err(errors) => {
                for error in errors {
                    let error = error.to_string();
                    eprintln!("{}", crate::msg!("serve-watch-warning", error).render(lang));
                }
            }
        }
    };
    let running = if poll {
        // Modification times have whole-second resolution on some file systems (and notify compares
        // them in seconds), so a second save within the same second would go unseen: compare contents.
        let config = notify::Config::default()
            .with_poll_interval(POLL_EVERY)
            .with_compare_contents(true);
        let mut debouncer = notify_debouncer_full::new_debouncer_opt::<_, PollWatcher, _>(
            QUIET, None, handler, NoCache, config,
        )
        .map_err(|source| ServeError::Watcher { source, poll })?;
        add_folders(root, &mut debouncer)?;
        Running {
            _events: None,
            _poll: Some(debouncer),
        }
    } else {
        let mut debouncer = notify_debouncer_full::new_debouncer(QUIET, None, handler)
            .map_err(|source| ServeError::Watcher { source, poll })?;
        add_folders(root, &mut debouncer)?;
        Running {
            _events: Some(debouncer),
            _poll: None,
        }
    };
    Ok(running)
}

fn add_folders<W: Watcher, C: FileIdCache>(
    root: &Path,
    debouncer: &mut Debouncer<W, C>,
) -> Result<(), ServeError> {
    for name in WATCHED {
        let dir = root.join(name);
        if dir.is_dir() {
            debouncer
                .watch(&dir, RecursiveMode::Recursive)
                .map_err(|source| ServeError::WatchFolder {
                    path: dir.clone(),
                    source,
                })?;
        }
    }
    Ok(())
}

/// Reads and metadata changes (access times, permissions) do not change what is built; skipping them also
/// keeps the build's own reads from triggering another build. A new modification time is a change (the
/// poll watcher reports every edit that way).
fn relevant(kind: &EventKind) -> bool {
    use notify::event::{MetadataKind, ModifyKind};
    match kind {
        EventKind::Access(_) => false,
        EventKind::Modify(ModifyKind::Metadata(what)) => *what == MetadataKind::WriteTime,
        _ => true,
    }
}

/// What a changed file is, for the rebuild.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// A notice, `content/notices/*.md`: read again on its own; the PDFs are kept.
    Notice,
    /// A form template (`forms/*.typ`): the documents that read it are compiled again.
    Form,
    /// A site template or static file in `templates/`: the pages are rendered again.
    Template,
    /// contest.yaml, the results file, anything else in `content/`, a form declaration
    /// (`forms/*.yaml`): everything.
    Content,
}

/// What a change to `path` (absolute, under the canonical `root`) is, or `None` when it does not matter:
/// outside the watched folders, or an editor's temp or swap file.
pub fn change_of(root: &Path, path: &Path) -> Option<Change> {
    let relative = path.strip_prefix(root).ok()?;
    if relative
        .components()
        .any(|c| matches!(c, Component::Normal(n) if is_ignored(&n.to_string_lossy())))
    {
        return None;
    }
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    match parts.as_slice() {
        ["templates", ..] => Some(Change::Template),
        // A form's declaration is part of the contest (its fields, labels and roster columns).
        ["forms", name] if name.ends_with(".yaml") => Some(Change::Content),
        ["forms", ..] => Some(Change::Form),
        ["content", "notices", name] if name.ends_with(".md") => Some(Change::Notice),
        // Not read by the build (only `*.md` directly in the folder are notices).
        ["content", "notices", _] | ["content", "notices", _, _, ..] => None,
        ["content", ..] => Some(Change::Content),
        _ => None,
    }
}

/// Editor temp, swap and backup files: vim (`.x.swp`, `x~`, `4913`), emacs (`.#x`, `#x#`), kate
/// (`.x.kate-swp`), JetBrains safe write (`x___jb_tmp___`, `x___jb_old___`), `*.tmp`, and hidden files.
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || name == "4913"
        || (name.starts_with('#') && name.ends_with('#'))
        || [
            ".swp",
            ".swo",
            ".swx",
            ".tmp",
            ".kate-swp",
            "___jb_tmp___",
            "___jb_old___",
        ]
        .iter()
        .any(|suffix| name.ends_with(suffix))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_and_ignored_files() {
        let root = Path::new("/c");
        let at = |p: &str| change_of(root, &root.join(p));
        assert_eq!(at("content/notices/a.md"), Some(Change::Notice));
        assert_eq!(at("content/notices"), Some(Change::Content));
        assert_eq!(at("content/notices/notes.txt"), None);
        assert_eq!(at("templates/base.html"), Some(Change::Template));
        assert_eq!(at("content/contest.yaml"), Some(Change::Content));
        assert_eq!(at("content/results.csv"), Some(Change::Content));
        assert_eq!(at("forms/registration.typ"), Some(Change::Form));
        assert_eq!(at("forms/roster.yaml"), Some(Change::Content));
        assert_eq!(at("output/index.html"), None);
        for ignored in [
            "content/.contest.yaml.swp",
            "content/contest.yaml~",
            "content/4913",
            "content/notices/.#a.md",
            "content/notices/a.md.tmp",
            "forms/.x.typ.kate-swp",
            "content/contest.yaml___jb_tmp___",
            "content/contest.yaml___jb_old___",
        ] {
            assert_eq!(at(ignored), None, "{ignored}");
        }
        assert_eq!(change_of(root, Path::new("/elsewhere/content/a")), None);
    }
}
