//! Why `jingsai serve`, or its rebuild process, could not start or had to stop. A bad edit is never one
//! of these: it is shown on the overlay and the last good site stays up.

use std::io;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

/// A failure of `serve` itself: each names what failed and carries the error that caused it, if any.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The contest folder cannot be opened.
    #[error("cannot open the contest folder `{}`", .path.display())]
    Folder {
        /// The folder as given.
        path: PathBuf,
        /// Why it cannot be opened.
        #[source]
        source: io::Error,
    },
    /// The address asked for with `--port` cannot be listened on (in use, or not allowed).
    #[error("cannot listen on `{address}`")]
    Bind {
        /// The interface and port.
        address: SocketAddr,
        /// Why not.
        #[source]
        source: io::Error,
    },
    /// Without `--port`: every port tried is taken.
    #[error("no free port on `{ip}` from {first} to {last}")]
    NoFreePort {
        /// The interface.
        ip: IpAddr,
        /// The first port tried.
        first: u16,
        /// The last port tried.
        last: u16,
    },
    /// The listening socket cannot be set up for the server.
    #[error("cannot set up the listener")]
    Listener(#[source] io::Error),
    /// The listening socket cannot tell its address.
    #[error("cannot read the listening address")]
    ListenerAddress(#[source] io::Error),
    /// The HTTP server cannot start.
    #[error("cannot start the server")]
    Server(#[source] io::Error),
    /// The HTTP server stopped on an error.
    #[error("the server stopped")]
    ServerStopped(#[source] io::Error),
    /// The file watcher cannot start.
    #[error("cannot watch files")]
    Watcher {
        /// Why not.
        #[source]
        source: notify::Error,
        /// Whether it was the polling watcher (`--poll`), which is the fallback of the other one.
        poll: bool,
    },
    /// A watched folder cannot be watched.
    #[error("cannot watch `{}`", .path.display())]
    WatchFolder {
        /// The folder.
        path: PathBuf,
        /// Why not.
        #[source]
        source: notify::Error,
    },
    /// This program cannot be found to start it again as the rebuild process.
    #[error("cannot find the jingsai program to start the rebuild process")]
    FindProgram(#[source] io::Error),
    /// The thread that runs the rebuild process cannot start.
    #[error("cannot start the rebuild process")]
    Supervisor(#[source] io::Error),
    /// The rebuild process cannot be started.
    #[error("cannot start the rebuild process")]
    Spawn(#[source] io::Error),
    /// The rebuild process ended before it built anything (it printed why).
    #[error("the rebuild process could not start")]
    WorkerDidNotStart,
    /// The thread that runs the rebuild process ended before the first build was in.
    #[error("the first build stopped unexpectedly")]
    FirstBuildLost,
    /// In the rebuild process: its standard output, the pipe to the server, cannot be used.
    #[error("cannot use standard output")]
    Stdout(#[source] io::Error),
    /// In the rebuild process: the pipe to the server is closed.
    #[error("the server is gone")]
    ServerGone(#[source] io::Error),
    /// In the rebuild process: a build failed inside jingsai (a panic); the process ends so that a
    /// fresh one builds again.
    #[error("the rebuild stopped after an internal error")]
    Panicked,
}

impl ServeError {
    /// What to do about it, when the user can do something.
    pub fn help(&self) -> Option<&'static str> {
        match self {
            ServeError::Bind { .. } => Some("pass another `--port`"),
            ServeError::NoFreePort { .. } => Some("pass one with `--port`"),
            ServeError::Watcher { poll: false, .. } => Some("try `--poll`"),
            _ => None,
        }
    }

    /// The report printed on the terminal: `error: ` with the message and its causes, then the help.
    pub fn report(&self) -> String {
        match self.help() {
            Some(help) => format!("error: {}\n  help: {help}", self.with_causes()),
            None => format!("error: {}", self.with_causes()),
        }
    }

    /// The message followed by its causes, each after `: `.
    pub fn with_causes(&self) -> String {
        let mut text = self.to_string();
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
            error.with_causes(),
            "cannot listen on `127.0.0.1:1111`: address in use"
        );
        assert_eq!(error.help(), Some("pass another `--port`"));
        assert_eq!(
            error.report(),
            "error: cannot listen on `127.0.0.1:1111`: address in use\n  help: pass another `--port`"
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
            error.with_causes(),
            "no free port on `127.0.0.1` from 1111 to 1210"
        );
        assert_eq!(error.help(), Some("pass one with `--port`"));
    }
}
