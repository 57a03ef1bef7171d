//! The rebuild process of `jingsai serve`. Tera and Typst cannot be interrupted, so a template or form
//! that loops for ever could only be stopped by ending the process that renders it: the server therefore
//! renders in a child process (this same binary, `jingsai serve-worker`) that watches the files, keeps
//! the incremental [`Rebuilder`] and sends each result over its standard output. When the child runs out
//! of time or memory, or panics, it ends; the server keeps the last good site, shows why on the overlay
//! and starts a new child that builds again at the next save.
//!
//! Messages, child to server, each one frame: a tag byte, then
//! - `P` (publish): the files new or changed since the last publish (`u32` count, then per file a `u32`
//!   path length, the path, a `u64` length, the bytes), then the paths removed (`u32` count, then per
//!   path a `u32` length and the path);
//! - `A` (publish after): the same, for what is made after a site was published (the search index after
//!   a notice edit): only the pages that read it need to reload;
//! - `F` (failed build) and `S` (stopped: out of time, or a panic): a `u32` length and the overlay text;
//! - `B` (a build starts): the time, `u64` nanoseconds since 1970.

use super::overlay;
use super::{Rebuilder, ServeError};
use crate::budget::{Limits, Watchdog};
use crate::diagnostics::Problems;
use crate::i18n::{Lang, comma_list};
use crate::msg;
use crate::output::{OutputMap, is_safe_relative};
use crate::pdf::fonts::FontOptions;
use bytes::Bytes;
use std::io::{self, Read, Write};
use std::os::fd::AsFd;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::Instant;

/// One message of the child.
#[derive(Debug)]
pub enum Message {
    /// A new site: files upserted and paths removed since the last one.
    Publish {
        /// New or changed files.
        files: Vec<(String, Bytes)>,
        /// Files no longer made.
        removed: Vec<String>,
        /// Made after the site was published (the search index): only the search page reloads.
        after: bool,
    },
    /// A build failed; the overlay text.
    Failed(String),
    /// The child stops (time budget, panic); the overlay text.
    Stopped(String),
    /// A build starts, at this time (nanoseconds since 1970).
    Building(u64),
}

/// Whether anything in the contest folder (the folder itself, or a file or folder in `content/`,
/// `templates/` or `forms/`) was modified after `since` (nanoseconds since 1970), less 5 ms for the
/// coarse clock of file times. The edit that started the stopped build is at least the debounce time
/// (15 ms) older.
fn changed_since(root: &Path, since: u64) -> bool {
    let since = std::time::UNIX_EPOCH + std::time::Duration::from_nanos(since)
        - std::time::Duration::from_millis(5);
    let newer = |path: &Path| {
        path.symlink_metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| t > since)
    };
    newer(root)
        || super::watch::WATCHED.iter().any(|name| {
            walkdir::WalkDir::new(root.join(name))
                .into_iter()
                .filter_map(Result::ok)
                .any(|entry| newer(entry.path()))
        })
}

/// How long after a notice edit, with no other edit meanwhile, the search index is made again: long
/// enough for the server to take the new pages and answer the reloads they cause, short enough to be
/// done before the next save in most cases (a save that comes while it is made waits for it).
const SEARCH_INDEX_DELAY: std::time::Duration = std::time::Duration::from_millis(20);

/// How the rebuild child works: what `serve` was started with.
#[derive(Debug, Clone)]
pub struct Setup {
    /// Poll the files instead of waiting for file-system events.
    pub poll: bool,
    /// Where the PDFs find fonts.
    pub fonts: FontOptions,
    /// The PDF cache of the builds that redo everything; `None` compiles every PDF.
    pub cache: Option<crate::pdf::CacheOptions>,
    /// The time and memory budget of each rebuild.
    pub limits: Limits,
    /// The language of everything it prints and sends.
    pub lang: Lang,
}

/// Runs the rebuild child: watches `root`, builds, and sends every result to standard output. With
/// `wait_since` (the start, in nanoseconds since 1970, of the build that stopped the last child), the
/// first build waits for a change, unless a file or folder changed after that time already (an edit made
/// while this child was starting). Returns only when it cannot start or the server is gone; it ends with
/// its parent.
pub fn run(root: &Path, setup: &Setup, wait_since: Option<u64>) -> Result<(), ServeError> {
    let Setup {
        poll, limits, lang, ..
    } = *setup;
    #[cfg(target_os = "linux")]
    // SAFETY: prctl with PR_SET_PDEATHSIG only sets a signal to be sent to this process.
    unsafe {
        libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGTERM);
    }
    let root = root.canonicalize().map_err(|source| ServeError::Folder {
        path: root.to_path_buf(),
        source,
    })?;
    let (changes, pending) = mpsc::channel::<Vec<PathBuf>>();
    let _watcher = super::watch::start(&root, poll, changes, lang)?;
    let mut rebuilder = Rebuilder::new(&root, &setup.fonts).with_cache(setup.cache.clone());
    // Standard output as a plain file: not locked (the watchdog writes its message from another thread
    // while this one is stuck) and not line-buffered.
    let stdout = io::stdout()
        .as_fd()
        .try_clone_to_owned()
        .map_err(ServeError::Stdout)?;
    let mut out = io::BufWriter::new(std::fs::File::from(stdout));
    let mut sent: Option<Arc<OutputMap>> = None;
    let mut build = Build {
        limits,
        lang,
        first: true,
    };
    let changed = wait_since.is_none_or(|since| changed_since(&root, since));
    if changed {
        build.once(&mut rebuilder, &[], &mut sent, &mut out)?;
        build.first = false;
    } else {
        eprintln!("{}", msg!("serve-worker-waiting").render(lang));
    }
    loop {
        // A stale search index is made once no edit has come for a moment: not on the heels of the
        // pages it follows (the server takes them meanwhile), and not while edits keep coming.
        let next = if rebuilder.search_is_stale() {
            match pending.recv_timeout(SEARCH_INDEX_DELAY) {
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    build.publish_search_index(&mut rebuilder, &mut sent, &mut out)?;
                    continue;
                }
                other => other.ok(),
            }
        } else {
            pending.recv().ok()
        };
        let Some(mut changed) = next else { break };
        // Everything that arrived meanwhile goes into the same rebuild.
        while let Ok(more) = pending.try_recv() {
            changed.extend(more);
        }
        build.once(&mut rebuilder, &changed, &mut sent, &mut out)?;
        build.first = false;
    }
    Ok(())
}

/// How the child builds: its budget, its language, and whether the next build is its first.
struct Build {
    limits: Limits,
    lang: Lang,
    first: bool,
}

impl Build {
    /// One build under the time budget; a panic is reported and ends the child (its state may be broken).
    fn once(
        &self,
        rebuilder: &mut Rebuilder,
        changed: &[PathBuf],
        sent: &mut Option<Arc<OutputMap>>,
        out: &mut impl Write,
    ) -> Result<(), ServeError> {
        let Build { lang, first, .. } = *self;
        let started = Instant::now();
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64);
        send(out, &Message::Building(now)).map_err(ServeError::ServerGone)?;
        let result = self.guarded(rebuilder, "rebuild", |rebuilder| rebuilder.build(changed));
        let message = match result {
            Ok(Ok(built)) => {
                if first {
                    print_problems(&built.warnings, lang);
                    let counts = rebuilder.pdf_counts();
                    if counts.rejected > 0 {
                        let rejected = msg!("pdfcache-rejected", count = counts.rejected);
                        eprintln!("{}", rejected.render(lang));
                    }
                    eprintln!("{}", counts.summary().render(lang));
                }
                let phases = comma_list(
                    built
                        .phases
                        .iter()
                        .map(|(name, ms)| msg!("serve-phase", name, ms = *ms as u64)),
                );
                let summary = msg!(
                    "serve-built",
                    first = if first { "yes" } else { "no" },
                    count = built.map.len(),
                    ms = started.elapsed().as_millis() as u64,
                    redone = &built.redone,
                    phases
                );
                eprintln!("{}", summary.render(lang));
                let message = diff(sent.as_deref(), &built.map);
                *sent = Some(built.map);
                message
            }
            Ok(Err(problems)) => {
                print_problems(&problems, lang);
                let count = problems.errors().count();
                let then = msg!("serve-still-serving");
                let message = msg!("cli-problems-found", count, then);
                eprintln!("{}", msg!("cli-error", message).render(lang));
                Message::Failed(overlay::text(&problems, lang))
            }
            Err(panic) => return self.stop_after_panic(&panic, out),
        };
        send(out, &message).map_err(ServeError::ServerGone)
    }

    /// Runs `work` on the rebuilder under the time budget (the child ends when it runs over), catching
    /// a panic.
    fn guarded<T>(
        &self,
        rebuilder: &mut Rebuilder,
        slot: &'static str,
        work: impl FnOnce(&mut Rebuilder) -> T,
    ) -> std::thread::Result<T> {
        let Build { limits, lang, .. } = *self;
        let activity = rebuilder.activity().clone();
        activity.clear();
        let watchdog = Watchdog::arm(limits.time, activity.clone(), move |what| {
            let then = msg!("serve-still-serving");
            let text = crate::budget::timeout_message(limits.time, &what, &then).render(lang);
            eprintln!("{text}");
            if let Ok(fd) = io::stdout().as_fd().try_clone_to_owned() {
                let _ = send(&mut std::fs::File::from(fd), &Message::Stopped(text));
            }
            std::process::exit(2);
        });
        let _attached = activity.attach(slot);
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(rebuilder)));
        watchdog.disarm();
        result
    }

    /// After a site was published: makes its search index again when the build left it stale (a notice
    /// edit) and sends it as a publish of its own, so the edited page is served without waiting for it.
    fn publish_search_index(
        &self,
        rebuilder: &mut Rebuilder,
        sent: &mut Option<Arc<OutputMap>>,
        out: &mut impl Write,
    ) -> Result<(), ServeError> {
        match self.guarded(rebuilder, "search index", Rebuilder::finish_search) {
            Ok(None) => Ok(()),
            Ok(Some(map)) => {
                let Message::Publish { files, removed, .. } = diff(sent.as_deref(), &map) else {
                    unreachable!("a diff is a publish message");
                };
                *sent = Some(map);
                let message = Message::Publish {
                    files,
                    removed,
                    after: true,
                };
                send(out, &message).map_err(ServeError::ServerGone)
            }
            Err(panic) => self.stop_after_panic(&panic, out),
        }
    }

    /// Reports a panic and ends the child (its state may be broken).
    fn stop_after_panic(
        &self,
        panic: &Box<dyn std::any::Any + Send>,
        out: &mut impl Write,
    ) -> Result<(), ServeError> {
        let what = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        let text = msg!("serve-panicked", what).render(self.lang);
        eprintln!("{}", msg!("cli-error", message = &text).render(self.lang));
        send(out, &Message::Stopped(text)).map_err(ServeError::ServerGone)?;
        Err(ServeError::Panicked)
    }
}

fn print_problems(problems: &Problems, lang: Lang) {
    for problem in &problems.0 {
        eprintln!("{}", problem.report(lang));
    }
}

/// What changed from `before` to `after`: both maps are walked once in path order (no lookups), and
/// files are compared by their shared bytes first (an unchanged page is the same allocation), then by
/// content.
pub fn diff(before: Option<&OutputMap>, after: &OutputMap) -> Message {
    let mut files = Vec::new();
    let mut removed = Vec::new();
    let Some(before) = before else {
        let files = after
            .iter_shared()
            .map(|(path, bytes)| (path.to_string(), bytes.clone()))
            .collect();
        return Message::Publish {
            files,
            removed,
            after: false,
        };
    };
    let mut old = before.iter_shared().peekable();
    for (path, bytes) in after.iter_shared() {
        let mut same = false;
        while let Some(&(old_path, old_bytes)) = old.peek() {
            match old_path.cmp(path) {
                std::cmp::Ordering::Less => {
                    removed.push(old_path.to_string());
                    old.next();
                }
                std::cmp::Ordering::Equal => {
                    same = (old_bytes.as_ptr() == bytes.as_ptr() && old_bytes.len() == bytes.len())
                        || old_bytes == bytes;
                    old.next();
                    break;
                }
                std::cmp::Ordering::Greater => break,
            }
        }
        if !same {
            files.push((path.to_string(), bytes.clone()));
        }
    }
    removed.extend(old.map(|(path, _)| path.to_string()));
    Message::Publish {
        files,
        removed,
        after: false,
    }
}

/// Writes one message and flushes it.
pub fn send(out: &mut impl Write, message: &Message) -> io::Result<()> {
    let mut frame = Vec::new();
    match message {
        Message::Publish {
            files,
            removed,
            after,
        } => {
            frame.push(if *after { b'A' } else { b'P' });
            frame.extend_from_slice(&(files.len() as u32).to_le_bytes());
            out.write_all(&frame)?;
            for (path, bytes) in files {
                let mut head = Vec::with_capacity(path.len() + 12);
                head.extend_from_slice(&(path.len() as u32).to_le_bytes());
                head.extend_from_slice(path.as_bytes());
                head.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
                out.write_all(&head)?;
                out.write_all(bytes)?;
            }
            let mut tail = Vec::new();
            tail.extend_from_slice(&(removed.len() as u32).to_le_bytes());
            for path in removed {
                tail.extend_from_slice(&(path.len() as u32).to_le_bytes());
                tail.extend_from_slice(path.as_bytes());
            }
            out.write_all(&tail)?;
        }
        Message::Failed(text) => {
            encode_text(&mut frame, b'F', text);
            out.write_all(&frame)?;
        }
        Message::Stopped(text) => {
            encode_text(&mut frame, b'S', text);
            out.write_all(&frame)?;
        }
        Message::Building(time) => {
            frame.push(b'B');
            frame.extend_from_slice(&time.to_le_bytes());
            out.write_all(&frame)?;
        }
    }
    out.flush()
}

fn encode_text(frame: &mut Vec<u8>, tag: u8, text: &str) {
    frame.push(tag);
    frame.extend_from_slice(&(text.len() as u32).to_le_bytes());
    frame.extend_from_slice(text.as_bytes());
}

/// Reads one message; `None` at the end of the stream.
pub fn receive(input: &mut impl Read) -> io::Result<Option<Message>> {
    let mut tag = [0u8; 1];
    match input.read_exact(&mut tag) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e),
    }
    let message = match tag[0] {
        tag @ (b'P' | b'A') => {
            let count = read_u32(input)?;
            let mut files = Vec::new();
            for _ in 0..count {
                let path = read_string(input)?;
                let len = read_u64(input)?;
                let mut bytes = Vec::new();
                input.take(len).read_to_end(&mut bytes)?;
                if bytes.len() as u64 != len {
                    return Err(io::ErrorKind::UnexpectedEof.into());
                }
                files.push((path, Bytes::from(bytes)));
            }
            let count = read_u32(input)?;
            let mut removed = Vec::new();
            for _ in 0..count {
                removed.push(read_string(input)?);
            }
            Message::Publish {
                files,
                removed,
                after: tag == b'A',
            }
        }
        b'F' => Message::Failed(read_string(input)?),
        b'S' => Message::Stopped(read_string(input)?),
        b'B' => Message::Building(read_u64(input)?),
        other => {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("unknown message {other}"),
            ));
        }
    };
    Ok(Some(message))
}

fn read_u32(input: &mut impl Read) -> io::Result<u32> {
    let mut b = [0u8; 4];
    input.read_exact(&mut b)?;
    Ok(u32::from_le_bytes(b))
}

fn read_u64(input: &mut impl Read) -> io::Result<u64> {
    let mut b = [0u8; 8];
    input.read_exact(&mut b)?;
    Ok(u64::from_le_bytes(b))
}

fn read_string(input: &mut impl Read) -> io::Result<String> {
    let len = read_u32(input)?;
    let mut bytes = Vec::new();
    input.take(u64::from(len)).read_to_end(&mut bytes)?;
    String::from_utf8(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

/// Applies a publish message to the server's copy of the site.
pub fn apply(map: &mut OutputMap, files: Vec<(String, Bytes)>, removed: &[String]) {
    for path in removed {
        map.remove(path);
    }
    for (path, bytes) in files {
        if is_safe_relative(&path) {
            map.insert(path, bytes);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(files: &[(&str, &'static [u8])]) -> OutputMap {
        let mut map = OutputMap::new();
        for (path, bytes) in files {
            map.insert(*path, Bytes::from_static(bytes));
        }
        map
    }

    #[test]
    fn a_diff_sent_and_applied_gives_the_new_site() {
        let before = map(&[
            ("a.html", b"a"),
            ("b.html", b"b"),
            ("c/d.html", b"d"),
            ("e.pdf", b"e"),
        ]);
        let after = map(&[
            ("a.html", b"a"),
            ("b.html", b"B"),
            ("c/x.html", b"x"),
            ("f.css", b"f"),
        ]);
        let mut wire = Vec::new();
        send(&mut wire, &diff(Some(&before), &after)).unwrap();
        let Some(Message::Publish { files, removed, .. }) = receive(&mut wire.as_slice()).unwrap()
        else {
            panic!("not a publish message");
        };
        let changed: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(changed, ["b.html", "c/x.html", "f.css"]);
        assert_eq!(removed, ["c/d.html", "e.pdf"]);
        let mut served = before.clone();
        apply(&mut served, files, &removed);
        assert_eq!(served, after);
    }

    #[test]
    fn failures_and_stops_carry_their_text() {
        let mut wire = Vec::new();
        send(&mut wire, &Message::Failed("× 出错了".into())).unwrap();
        send(&mut wire, &Message::Stopped("took longer".into())).unwrap();
        let mut input = wire.as_slice();
        assert!(
            matches!(receive(&mut input).unwrap(), Some(Message::Failed(t)) if t == "× 出错了")
        );
        assert!(
            matches!(receive(&mut input).unwrap(), Some(Message::Stopped(t)) if t == "took longer")
        );
        assert!(receive(&mut input).unwrap().is_none());
    }
}
