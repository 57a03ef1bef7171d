//! `jingsai serve`: build, serve the site from memory, rebuild on every save and reload open pages.
//!
//! The pieces, one per module: `watch` turns file-system events into the list of files changed,
//! `rebuild` keeps the last good build (the project, the Typst engine, the PDFs, the pages) and redoes
//! only what the changed files affect,
//! `state` holds the site being served (swapped whole, so a page is always from one build) and the
//! error of the last failed build, and `server` answers HTTP requests from it and pushes reloads over
//! server-sent events. Nothing is written to `output/`: the site is served from memory. The watcher and
//! the rebuilder run in a child process (`worker`), so that a runaway template can be stopped.

mod error;
mod overlay;
mod rebuild;
mod server;
mod state;
mod watch;
pub mod worker;

pub use error::ServeError;
pub use rebuild::{Built, Rebuilder};
pub use server::resolve;
pub use watch::{Change, change_of, is_ignored};

use crate::budget::Limits;
use crate::i18n::Lang;
use crate::msg;
use crate::output::OutputMap;
use crate::pdf::fonts::FontOptions;
use state::Shared;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The first port tried when `--port` is not given.
pub const FIRST_PORT: u16 = 1111;

/// What `jingsai serve` was asked to do.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The contest folder (holding `content/`).
    pub root: PathBuf,
    /// The port; the first free one from [`FIRST_PORT`] when `None` (`Some(0)`: any free port).
    pub port: Option<u16>,
    /// The interface to listen on; 127.0.0.1 unless asked otherwise.
    pub bind: IpAddr,
    /// Poll the files instead of waiting for file-system events (network and container file systems).
    pub poll: bool,
    /// Where the PDFs find fonts.
    pub fonts: FontOptions,
    /// The PDF cache for the builds that redo everything (the first, and after an edit of contest.yaml);
    /// `None` compiles every PDF. The worker finds the same folder from the environment.
    pub cache: Option<crate::pdf::CacheOptions>,
    /// The time and memory budget of each rebuild.
    pub limits: Limits,
    /// The language of the terminal lines, the overlay and the server's own pages.
    pub lang: Lang,
}

/// Builds, then serves and watches until Ctrl-C. Returns an error only when it cannot start (no free
/// port, no contest folder to watch); a bad edit never stops it.
///
/// The rendering happens in a child process (see [`worker`]): when it runs out of time or memory, or
/// fails inside, the last good site stays up, the overlay says what happened, and a new child builds
/// again at the next save.
pub fn serve(options: ServeOptions) -> Result<(), ServeError> {
    let root = options
        .root
        .canonicalize()
        .map_err(|source| ServeError::Folder {
            path: options.root.clone(),
            source,
        })?;
    let shared = Arc::new(Shared::new(options.lang));
    let (ready_tx, ready_rx) = mpsc::channel::<Result<(), ServeError>>();
    {
        let shared = Arc::clone(&shared);
        let options = options.clone();
        std::thread::Builder::new()
            .name("jingsai-supervisor".into())
            .spawn(move || supervise(&options, &root, &shared, ready_tx))
            .map_err(ServeError::Supervisor)?;
    }
    ready_rx.recv().map_err(|_| ServeError::FirstBuildLost)??;

    let listener = bind(options.bind, options.port)?;
    let address = listener.local_addr().map_err(ServeError::ListenerAddress)?;
    announce(address, options.lang);
    server::run(listener, shared)
}

/// Runs the rebuild child again and again, applying what it sends to the served site. `ready` is told
/// once the first build is in (or failed), or why the child could not start.
fn supervise(
    options: &ServeOptions,
    root: &Path,
    shared: &Shared,
    ready: mpsc::Sender<Result<(), ServeError>>,
) {
    let mut ready = Some(ready);
    let mut map = OutputMap::new();
    // The start of the last build of the child that stopped: the next child builds at once only when
    // something changed after it.
    let mut wait_since: Option<u64> = None;
    let mut last_start: Option<u64> = None;
    loop {
        let started = Instant::now();
        let mut child = match spawn_worker(options, root, wait_since) {
            Ok(child) => child,
            Err(e) => {
                if let Some(ready) = ready.take() {
                    let _ = ready.send(Err(e));
                } else {
                    shared.fail(e.with_causes(options.lang));
                }
                return;
            }
        };
        let mut input = std::io::BufReader::new(child.stdout.take().expect("piped stdout"));
        let mut fresh = true;
        let mut heard = false;
        let mut stopped = None;
        while let Ok(Some(message)) = worker::receive(&mut input) {
            heard = true;
            match message {
                worker::Message::Publish {
                    files,
                    removed,
                    after,
                } => {
                    if fresh {
                        // A new child sends its whole site first.
                        map = OutputMap::new();
                    }
                    fresh = false;
                    worker::apply(&mut map, files, &removed);
                    // The search index comes after the pages it indexes: only the search page reloads.
                    shared.publish(Arc::new(map.clone()), after);
                }
                worker::Message::Failed(text) => shared.fail(text),
                worker::Message::Stopped(text) => stopped = Some(text),
                worker::Message::Building(time) => {
                    last_start = Some(time);
                    continue;
                }
            }
            if let Some(ready) = ready.take() {
                let _ = ready.send(Ok(()));
            }
        }
        let status = child.wait();
        let code = status
            .as_ref()
            .ok()
            .and_then(std::process::ExitStatus::code);
        if !heard && code == Some(1) {
            // The child could not start (it printed why).
            if let Some(ready) = ready.take() {
                let _ = ready.send(Err(ServeError::WorkerDidNotStart));
                return;
            }
        }
        let lang = options.lang;
        let text = stopped.unwrap_or_else(|| match code {
            Some(3) => msg!("serve-stopped-memory").render(lang),
            _ => {
                let status = status.map_or_else(|e| e.to_string(), |s| s.to_string());
                msg!("serve-stopped-unexpectedly", status).render(lang)
            }
        });
        eprintln!("{}", msg!("serve-worker-stopped").render(lang));
        shared.fail(text);
        if let Some(ready) = ready.take() {
            let _ = ready.send(Ok(()));
        }
        wait_since = last_start.or(wait_since);
        if started.elapsed() < Duration::from_secs(1) {
            std::thread::sleep(Duration::from_secs(1));
        }
    }
}

/// Starts `jingsai serve-worker` (this same program) for the contest folder.
fn spawn_worker(
    options: &ServeOptions,
    root: &Path,
    wait_since: Option<u64>,
) -> Result<Child, ServeError> {
    let exe = std::env::current_exe().map_err(ServeError::FindProgram)?;
    let mut command = Command::new(exe);
    command
        .arg("serve-worker")
        .arg(root)
        .arg("--time-limit")
        .arg(options.limits.time.as_secs().to_string())
        .arg("--memory-limit")
        .arg((options.limits.memory >> 20).to_string())
        .arg("--lang")
        .arg(options.lang.code());
    if options.poll {
        command.arg("--poll");
    }
    if let Some(since) = wait_since {
        command.arg("--wait-since").arg(since.to_string());
    }
    if !options.fonts.system {
        command.arg("--no-system-fonts");
    }
    if options.cache.is_none() {
        command.arg("--no-cache");
    }
    for path in &options.fonts.paths {
        command.arg("--font-path").arg(path);
    }
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(ServeError::Spawn)
}

/// Binds `--port`, or the first free port from [`FIRST_PORT`].
fn bind(ip: IpAddr, port: Option<u16>) -> Result<TcpListener, ServeError> {
    let listener = match port {
        Some(port) => {
            let address = SocketAddr::new(ip, port);
            TcpListener::bind(address).map_err(|source| ServeError::Bind { address, source })?
        }
        None => {
            let last = FIRST_PORT.saturating_add(99);
            (FIRST_PORT..=last)
                .find_map(|port| TcpListener::bind((ip, port)).ok())
                .ok_or(ServeError::NoFreePort {
                    ip,
                    first: FIRST_PORT,
                    last,
                })?
        }
    };
    listener
        .set_nonblocking(true)
        .map_err(ServeError::Listener)?;
    Ok(listener)
}

fn announce(address: SocketAddr, lang: Lang) {
    let shown = if address.ip().is_unspecified() {
        SocketAddr::new(IpAddr::from([127, 0, 0, 1]), address.port())
    } else {
        address
    };
    let url = format!("http://{shown}/");
    eprintln!("{}", msg!("serve-serving", url).render(lang));
    if !address.ip().is_loopback() {
        let ip = address.ip().to_string();
        eprintln!("{}", msg!("serve-listening-everywhere", ip).render(lang));
    }
}
