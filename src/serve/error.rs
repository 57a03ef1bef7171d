//! Why `jingsai serve`, or its rebuild process, could not start or had to stop. A bad edit is never one
//! of these: it is shown on the overlay and the last good site stays up.

use crate::i18n::{Lang, Text};
use crate::msg;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

/// A failure of `serve` itself: each names what failed and carries the error that caused it, if any.
#[derive(Debug)]
pub enum ServeError {
    /// The contest folder cannot be opened.
    Folder {
        /// The folder as given.
        path: PathBuf,
        /// Why it cannot be opened.
        source: io::Error,
    },
    /// The address asked for with `--port` cannot be listened on (in use, or not allowed).
    Bind {
        /// The interface and port.
        address: SocketAddr,
        /// Why not.
        source: io::Error,
    },
    /// Without `--port`: every port tried is taken.
    NoFreePort {
        /// The interface.
        ip: IpAddr,
        /// The first port tried.
        first: u16,
        /// The last port tried.
        last: u16,
    },
    /// The listening socket cannot be set up for the server.
    Listener(io::Error),
    /// The listening socket cannot tell its address.
    ListenerAddress(io::Error),
    /// The HTTP server cannot start.
    Server(io::Error),
    /// The HTTP server stopped on an error.
    ServerStopped(io::Error),
    /// The file watcher cannot start.
    Watcher {
        /// Why not.
        source: notify::Error,
        /// Whether it was the polling watcher (`--poll`), which is the fallback of the other one.
        poll: bool,
    },
    /// A watched folder cannot be watched.
    WatchFolder {
        /// The folder.
        path: PathBuf,
        /// Why not.
        source: notify::Error,
    },
    /// This program cannot be found to start it again as the rebuild process.
    FindProgram(io::Error),
    /// The thread that runs the rebuild process cannot start.
    Supervisor(io::Error),
    /// The rebuild process cannot be started.
    Spawn(io::Error),
    /// The rebuild process ended before it built anything (it printed why).
    WorkerDidNotStart,
    /// The thread that runs the rebuild process ended before the first build was in.
    FirstBuildLost,
    /// In the rebuild process: its standard output, the pipe to the server, cannot be used.
    Stdout(io::Error),
    /// In the rebuild process: the pipe to the server is closed.
    ServerGone(io::Error),
    /// In the rebuild process: a build failed inside jingsai (a panic); the process ends so that a
    /// fresh one builds again.
    Panicked,
}

impl ServeError {
    /// What failed, without its cause.
    pub fn text(&self) -> Text {
        match self {
            ServeError::Folder { path, .. } => msg!("serve-error-folder", path),
            ServeError::Bind { address, .. } => {
                msg!("serve-error-bind", address = address.to_string())
            }
            ServeError::NoFreePort { ip, first, last } => {
                msg!("serve-error-no-free-port", ip = ip.to_string(), first, last)
            }
            ServeError::Listener(_) => msg!("serve-error-listener"),
            ServeError::ListenerAddress(_) => msg!("serve-error-listener-address"),
            ServeError::Server(_) => msg!("serve-error-server"),
            ServeError::ServerStopped(_) => msg!("serve-error-server-stopped"),
            ServeError::Watcher { .. } => msg!("serve-error-watcher"),
            ServeError::WatchFolder { path, .. } => msg!("serve-error-watch-folder", path),
            ServeError::FindProgram(_) => msg!("serve-error-find-program"),
            ServeError::Supervisor(_) | ServeError::Spawn(_) => msg!("serve-error-spawn"),
            ServeError::WorkerDidNotStart => msg!("serve-error-worker-did-not-start"),
            ServeError::FirstBuildLost => msg!("serve-error-first-build-lost"),
            ServeError::Stdout(_) => msg!("serve-error-stdout"),
            ServeError::ServerGone(_) => msg!("serve-error-server-gone"),
            ServeError::Panicked => msg!("serve-error-panicked"),
        }
    }

    /// What to do about it, when the user can do something.
    pub fn help(&self) -> Option<Text> {
        match self {
            ServeError::Bind { .. } => Some(msg!("serve-error-bind-help")),
            ServeError::NoFreePort { .. } => Some(msg!("serve-error-no-free-port-help")),
            ServeError::Watcher { poll: false, .. } => Some(msg!("serve-error-watcher-help")),
            _ => None,
        }
    }

    /// The report printed on the terminal in `lang`: `error: ` with the message and its causes, then
    /// the help.
    pub fn report(&self, lang: Lang) -> String {
        let message = self.with_causes(lang);
        match self.help() {
            Some(help) => msg!("cli-error-with-help", message, help).render(lang),
            None => msg!("cli-error", message).render(lang),
        }
    }

    /// The message in `lang` followed by its causes (the system's words), each after `: `.
    pub fn with_causes(&self, lang: Lang) -> String {
        let mut text = self.text().render(lang);
        let mut cause = std::error::Error::source(self);
        while let Some(error) = cause {
            let shown = error.to_string();
            // Some errors repeat their cause in their own message.
            if !text.ends_with(&shown) {
                text.push_str(": ");
                text.push_str(&shown);
            }
            cause = error.source();
        }
        text
    }
}

impl std::fmt::Display for ServeError {
    /// [`ServeError::text`] in English.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text())
    }
}

impl std::error::Error for ServeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ServeError::Folder { source, .. } | ServeError::Bind { source, .. } => Some(source),
            ServeError::Listener(source)
            | ServeError::ListenerAddress(source)
            | ServeError::Server(source)
            | ServeError::ServerStopped(source)
            | ServeError::FindProgram(source)
            | ServeError::Supervisor(source)
            | ServeError::Spawn(source)
            | ServeError::Stdout(source)
            | ServeError::ServerGone(source) => Some(source),
            ServeError::Watcher { source, .. } | ServeError::WatchFolder { source, .. } => {
                Some(source)
            }
            ServeError::NoFreePort { .. }
            | ServeError::WorkerDidNotStart
            | ServeError::FirstBuildLost
            | ServeError::Panicked => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_names_the_address_and_carries_its_cause() {
        let error = ServeError::Bind {
            address: SocketAddr::from(([127, 0, 0, 1], 1111)),
            source: io::Error::new(io::ErrorKind::AddrInUse, "address in use"),
        };
        assert_eq!(
            error.with_causes(Lang::En),
            "cannot listen on `127.0.0.1:1111`: address in use"
        );
        assert_eq!(error.help().unwrap(), "pass another `--port`");
        assert_eq!(
            error.report(Lang::En),
            "error: cannot listen on `127.0.0.1:1111`: address in use\n  help: pass another `--port`"
        );
        assert_eq!(
            error.report(Lang::Zh),
            "错误：无法在 `127.0.0.1:1111` 上监听: address in use\n  提示：用 `--port` 换一个端口"
        );
    }

    #[test]
    fn a_failure_without_a_cause_is_its_message() {
        let error = ServeError::NoFreePort {
            ip: IpAddr::from([127, 0, 0, 1]),
            first: 1111,
            last: 1210,
        };
        assert_eq!(
            error.with_causes(Lang::En),
            "no free port on `127.0.0.1` from 1111 to 1210"
        );
        assert_eq!(error.help().unwrap(), "pass one with `--port`");
    }
}
