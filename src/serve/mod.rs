//! `jingsai serve`: build, serve the site from memory, rebuild on every save and reload open pages.
//!
//! The pieces, one per module: `watch` turns file-system events into the list of files changed,
//! `rebuild` keeps the last good build (the project, the Typst engine, the PDFs, the pages) and redoes
//! only what the changed files affect,
//! `state` holds the site being served (swapped whole, so a page is always from one build) and the
//! error of the last failed build, and `server` answers HTTP requests from it and pushes reloads over
//! server-sent events. Nothing is written to `output/`: the site is served from memory.

mod overlay;
mod rebuild;
mod server;
mod state;
mod watch;

pub use rebuild::{Built, Rebuilder};
pub use server::resolve;
pub use watch::{Change, change_of, is_ignored};

use crate::diagnostics::Problems;
use crate::pdf::fonts::FontOptions;
use state::Shared;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc;
use std::time::Instant;

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
}

/// Builds, then serves and watches until Ctrl-C. Returns an error only when it cannot start (no free
/// port, no contest folder to watch); a bad edit never stops it.
pub fn serve(options: ServeOptions) -> Result<(), String> {
    let root = options.root.canonicalize().map_err(|e| {
        format!(
            "cannot open the contest folder `{}`: {e}",
            options.root.display()
        )
    })?;
    let shared = Arc::new(Shared::new());

    // The watcher starts first, so an edit made during the first build is not missed.
    let (changes, pending) = mpsc::channel::<Vec<PathBuf>>();
    let _watcher = watch::start(&root, options.poll, changes)?;

    let (ready_tx, ready_rx) = mpsc::channel::<()>();
    {
        let shared = Arc::clone(&shared);
        let root = root.clone();
        let fonts = options.fonts.clone();
        // The Typst world stays on this one thread; it ends when the watcher (the sender) is dropped.
        std::thread::Builder::new()
            .name("jingsai-rebuild".into())
            .spawn(move || {
                let mut rebuilder = Rebuilder::new(&root, &fonts);
                run_build(&mut rebuilder, &shared, &[], true);
                let _ = ready_tx.send(());
                while let Ok(mut changed) = pending.recv() {
                    // Everything that arrived meanwhile goes into the same rebuild.
                    while let Ok(more) = pending.try_recv() {
                        changed.extend(more);
                    }
                    run_build(&mut rebuilder, &shared, &changed, false);
                }
            })
            .map_err(|e| format!("cannot start the rebuild thread: {e}"))?;
    }
    ready_rx
        .recv()
        .map_err(|_| "the first build stopped unexpectedly".to_string())?;

    let listener = bind(options.bind, options.port)?;
    let address = listener
        .local_addr()
        .map_err(|e| format!("cannot read the listening address: {e}"))?;
    announce(address);
    server::run(listener, shared)
}

/// Binds `--port`, or the first free port from [`FIRST_PORT`].
fn bind(ip: IpAddr, port: Option<u16>) -> Result<TcpListener, String> {
    let listener = match port {
        Some(port) => TcpListener::bind((ip, port)).map_err(|e| {
            format!("cannot listen on {ip} port {port}: {e}; pass another `--port`")
        })?,
        None => (FIRST_PORT..FIRST_PORT.saturating_add(100))
            .find_map(|port| TcpListener::bind((ip, port)).ok())
            .ok_or_else(|| {
                format!(
                    "no free port on {ip} from {FIRST_PORT} to {}; pass one with `--port`",
                    FIRST_PORT + 99
                )
            })?,
    };
    listener
        .set_nonblocking(true)
        .map_err(|e| format!("cannot set up the listener: {e}"))?;
    Ok(listener)
}

fn announce(address: SocketAddr) {
    let shown = if address.ip().is_unspecified() {
        SocketAddr::new(IpAddr::from([127, 0, 0, 1]), address.port())
    } else {
        address
    };
    eprintln!("serving http://{shown}/ (Ctrl-C to stop); watching content/, templates/ and forms/");
    if !address.ip().is_loopback() {
        eprintln!(
            "note: listening on {}, so other machines on the network can open the site",
            address.ip()
        );
    }
}

/// One build: on success the new site is swapped in and open pages reload; on failure the last good
/// site stays and the problems go to the terminal and to the overlay.
fn run_build(rebuilder: &mut Rebuilder, shared: &Shared, changed: &[PathBuf], first: bool) {
    let started = Instant::now();
    match rebuilder.build(changed) {
        Ok(built) => {
            if first {
                print_problems(&built.warnings);
            }
            let files = built.map.len();
            let phases: Vec<String> = built
                .phases
                .iter()
                .map(|(name, ms)| format!("{name} {ms} ms"))
                .collect();
            shared.publish(built.map);
            eprintln!(
                "{} {files} files in {} ms ({}: {})",
                if first { "built" } else { "rebuilt" },
                started.elapsed().as_millis(),
                built.redone,
                phases.join(", "),
            );
        }
        Err(problems) => {
            print_problems(&problems);
            let count = problems.errors().count();
            eprintln!(
                "error: {count} problem{} found; still serving the last good site",
                if count == 1 { "" } else { "s" }
            );
            shared.fail(overlay::text(&problems));
        }
    }
}

fn print_problems(problems: &Problems) {
    for problem in &problems.0 {
        eprintln!("{:?}", problem.to_report());
    }
}
