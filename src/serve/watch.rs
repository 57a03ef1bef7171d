//! Watching the contest folder: content/ (notices, contest.yaml, the results file), templates/ and forms/.
//! Bursts of events (an editor's save by rename, a `git checkout`) are debounced into one rebuild, and
//! editor temp and swap files are ignored.

use super::rebuild::Scope;
use notify::{EventKind, PollWatcher, RecommendedWatcher, RecursiveMode, Watcher};
use notify_debouncer_full::{
    DebounceEventResult, Debouncer, FileIdCache, NoCache, RecommendedCache,
};
use std::path::{Component, Path};
use std::sync::mpsc::Sender;
use std::time::Duration;

/// The folders watched, relative to the contest folder.
pub const WATCHED: [&str; 3] = ["content", "templates", "forms"];

/// How long a burst of events may go quiet before the rebuild starts.
const QUIET: Duration = Duration::from_millis(15);
/// With `--poll`: how often the files are compared.
const POLL_EVERY: Duration = Duration::from_millis(200);

/// Keeps the watcher running while it lives.
pub struct Running {
    /// inotify and friends.
    _events: Option<Debouncer<RecommendedWatcher, RecommendedCache>>,
    /// `--poll`.
    _poll: Option<Debouncer<PollWatcher, NoCache>>,
}

/// Starts watching `root` (canonical), sending the scope of each burst of changes to `changes`.
pub fn start(root: &Path, poll: bool, changes: Sender<Scope>) -> Result<Running, String> {
    let handler = {
        let root = root.to_path_buf();
        move |result: DebounceEventResult| match result {
            Ok(events) => {
                let scope = events
                    .iter()
                    .filter(|event| relevant(&event.kind))
                    .flat_map(|event| event.paths.iter())
                    // A folder's own events (its time changes when a file is added) duplicate the file's.
                    .filter(|path| !path.is_dir())
                    .filter_map(|path| scope_of(&root, path))
                    .reduce(Scope::merge);
                if let Some(scope) = scope {
                    let _ = changes.send(scope);
                }
            }
            Err(errors) => {
                for error in errors {
                    eprintln!("warning: watching files: {error}");
                }
            }
        }
    };
    let running = if poll {
        let config = notify::Config::default().with_poll_interval(POLL_EVERY);
        let mut debouncer = notify_debouncer_full::new_debouncer_opt::<_, PollWatcher, _>(
            QUIET, None, handler, NoCache, config,
        )
        .map_err(|e| format!("cannot watch files: {e}"))?;
        add_folders(root, &mut debouncer)?;
        Running {
            _events: None,
            _poll: Some(debouncer),
        }
    } else {
        let mut debouncer = notify_debouncer_full::new_debouncer(QUIET, None, handler)
            .map_err(|e| format!("cannot watch files: {e}; try `--poll`"))?;
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
) -> Result<(), String> {
    for name in WATCHED {
        let dir = root.join(name);
        if dir.is_dir() {
            debouncer
                .watch(&dir, RecursiveMode::Recursive)
                .map_err(|e| format!("cannot watch `{}`: {e}", dir.display()))?;
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

/// What a change to `path` (absolute, under the canonical `root`) requires, or `None` when it does not
/// matter: outside the watched folders, or an editor's temp or swap file.
pub fn scope_of(root: &Path, path: &Path) -> Option<Scope> {
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
    match parts.first().map(String::as_str)? {
        "templates" => Some(Scope::PAGES),
        "forms" => Some(Scope::FORMS),
        "content" => match parts.get(1).map(String::as_str) {
            Some("notices") => Some(Scope::NOTICES),
            _ => Some(Scope::ALL),
        },
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
    fn scopes_and_ignored_files() {
        let root = Path::new("/c");
        let at = |p: &str| scope_of(root, &root.join(p));
        assert_eq!(at("content/notices/a.md"), Some(Scope::NOTICES));
        assert_eq!(at("templates/base.html"), Some(Scope::PAGES));
        assert_eq!(at("content/contest.yaml"), Some(Scope::ALL));
        assert_eq!(at("content/results.csv"), Some(Scope::ALL));
        assert_eq!(at("forms/registration-form.typ"), Some(Scope::FORMS));
        assert_eq!(Scope::NOTICES.merge(Scope::FORMS), Scope::ALL);
        assert_eq!(Scope::PAGES.merge(Scope::NOTICES), Scope::NOTICES);
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
        assert_eq!(scope_of(root, Path::new("/elsewhere/content/a")), None);
    }
}
