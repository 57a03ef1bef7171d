//! Shared by the integration tests: the one way to run the `jingsai` binary ([`jingsai`]), the one way to
//! copy a contest into a temporary folder ([`copy_contest`]), the real `jingsai serve` on a free port, and
//! a tiny HTTP/1.1 client over `TcpStream`.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub(crate) mod built;
pub(crate) mod clients;

/// The subcommands that take `--no-system-fonts` (all of them, `jingsai <sub> --help` lists it).
const TAKE_FONT_FLAG: [&str; 5] = ["build", "check", "forms", "serve", "serve-worker"];

/// `jingsai SUBCOMMAND --no-system-fonts`, ready for more arguments: the binary of this build, with a
/// clean environment (as bat's tests do), so that results never depend on the machine or on the shell
/// that runs the tests: no system fonts (only the bundled ones), no colours (`NO_COLOR`; no `TERM`,
/// `FORCE_COLOR` or `CLICOLOR_FORCE`), no terminal hyperlinks, Unicode box drawing (`LANG=C.UTF-8`), a
/// `HOME` of its own, stdin closed. Its messages are in English (`JINGSAI_LANG=en`), as the snapshots
/// are; `tests/i18n.rs` checks the Chinese ones (the default) by removing that variable. With `output()` (stdout and stderr captured) reports are laid out for
/// 80 columns.
pub(crate) fn jingsai(subcommand: &str) -> Command {
    jingsai_under(&[], subcommand)
}

/// [`jingsai`] started by another program, such as `["/usr/bin/time", "-v"]`.
pub(crate) fn jingsai_under(wrapper: &[&str], subcommand: &str) -> Command {
    let binary = env!("CARGO_BIN_EXE_jingsai");
    let mut command = match wrapper.split_first() {
        Some((program, args)) => {
            let mut command = Command::new(program);
            command.args(args).arg(binary);
            command
        }
        None => Command::new(binary),
    };
    command.env_clear();
    if let Some(path) = std::env::var_os("PATH") {
        command.env("PATH", path);
    }
    command
        .env("HOME", home())
        .env("LANG", "C.UTF-8")
        .env("JINGSAI_LANG", "en")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .arg(subcommand);
    if TAKE_FONT_FLAG.contains(&subcommand) {
        command.arg("--no-system-fonts");
    }
    command
}

/// An empty home folder for the binary under test, in Cargo's temporary folder for integration tests.
fn home() -> PathBuf {
    let home = Path::new(env!("CARGO_TARGET_TMPDIR")).join("home");
    std::fs::create_dir_all(&home).expect("the test home folder");
    home
}

/// A contest folder in a temporary folder: `<tmp>/contest`, with room beside it. Removed when dropped.
pub(crate) struct ContestCopy {
    tmp: tempfile::TempDir,
    dir: PathBuf,
}

impl ContestCopy {
    /// The contest folder.
    pub(crate) fn path(&self) -> &Path {
        &self.dir
    }

    /// `rel` inside the contest folder.
    pub(crate) fn file(&self, rel: &str) -> PathBuf {
        self.dir.join(rel)
    }

    /// `rel` beside the contest folder (in the temporary folder that holds it).
    pub(crate) fn beside(&self, rel: &str) -> PathBuf {
        self.tmp.path().join(rel)
    }

    /// The temporary folder holding the contest folder.
    pub(crate) fn tmp(&self) -> &Path {
        self.tmp.path()
    }

    /// The text of `rel`.
    pub(crate) fn read(&self, rel: &str) -> String {
        let path = self.file(rel);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// Writes `rel`, making its folder when needed.
    pub(crate) fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) {
        let path = self.file(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }

    /// Replaces the one occurrence of `from` in `rel` with `to`; panics unless `from` occurs exactly once.
    pub(crate) fn replace(&self, rel: &str, from: &str, to: &str) {
        let text = self.read(rel);
        assert_eq!(
            text.matches(from).count(),
            1,
            "`{rel}` should contain {from:?} exactly once"
        );
        self.write(rel, text.replacen(from, to, 1));
    }

    /// Adds `text` at the end of `rel`.
    pub(crate) fn append(&self, rel: &str, text: &str) {
        let mut all = self.read(rel);
        all.push_str(text);
        self.write(rel, all);
    }
}

/// Copies the contest folder `from` (its `content/`, `templates/` and `forms/`, those that exist) into a
/// new temporary folder.
pub(crate) fn copy_contest(from: &Path) -> ContestCopy {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("contest");
    assert!(
        from.join("content").is_dir(),
        "`{}` has no content/",
        from.display()
    );
    for name in ["content", "templates", "forms"] {
        let source = from.join(name);
        if source.is_dir() {
            copy_dir(&source, &dir.join(name));
        }
    }
    ContestCopy { tmp, dir }
}

/// A temp copy of this repository's contest (the seed: content/, templates/, forms/).
pub(crate) fn contest_copy() -> ContestCopy {
    copy_contest(Path::new(env!("CARGO_MANIFEST_DIR")))
}

/// A temp copy of the contest `tests/fixtures/<name>`.
pub(crate) fn fixture_copy(name: &str) -> ContestCopy {
    copy_contest(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
}

/// Copies a folder recursively.
pub(crate) fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A running `jingsai serve`; killed when dropped.
pub(crate) struct Server {
    child: Child,
    pub(crate) address: String,
    pub(crate) root: PathBuf,
    log: Arc<Mutex<String>>,
}

impl Server {
    /// Starts `jingsai serve ROOT --port 0 EXTRA` (by [`jingsai`]) and waits until it listens.
    pub(crate) fn start(root: &Path, extra: &[&str]) -> Server {
        Server::start_with(root, extra, |_| {})
    }

    /// [`Server::start`] with the command changed first by `configure` (its environment, say).
    pub(crate) fn start_with(
        root: &Path,
        extra: &[&str],
        configure: impl FnOnce(&mut Command),
    ) -> Server {
        let mut command = jingsai("serve");
        command.arg(root).args(["--port", "0"]).args(extra);
        configure(&mut command);
        let mut child = command
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start jingsai serve");
        let stderr = child.stderr.take().unwrap();
        let log = Arc::new(Mutex::new(String::new()));
        let (tx, rx) = mpsc::channel();
        {
            let log = Arc::clone(&log);
            std::thread::spawn(move || {
                for line in BufReader::new(stderr).lines() {
                    let Ok(line) = line else { break };
                    log.lock().unwrap().push_str(&format!("{line}\n"));
                    // `serving http://…/ (…)`, or in Chinese `正在预览 http://…/（…）`.
                    let rest = line
                        .strip_prefix("serving http://")
                        .or_else(|| line.strip_prefix("正在预览 http://"));
                    if let Some(rest) = rest {
                        let address = rest.split('/').next().unwrap().to_string();
                        let _ = tx.send(address);
                    }
                }
            });
        }
        let address = match rx.recv_timeout(Duration::from_secs(180)) {
            Ok(address) => address,
            Err(_) => {
                let _ = child.kill();
                panic!("serve did not start:\n{}", log.lock().unwrap());
            }
        };
        Server {
            child,
            address,
            root: root.to_path_buf(),
            log,
        }
    }

    /// What the server printed so far.
    pub(crate) fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// Polls the log until `check` accepts it, for at most `seconds`; returns it.
    pub(crate) fn wait_for_log(&self, seconds: u64, check: impl Fn(&str) -> bool) -> String {
        let until = Instant::now() + Duration::from_secs(seconds);
        loop {
            let log = self.log();
            if check(&log) {
                return log;
            }
            assert!(
                Instant::now() < until,
                "the server log did not show it in {seconds} s:\n{log}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Whether the process is still running.
    pub(crate) fn alive(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }

    pub(crate) fn get(&self, path: &str) -> Response {
        get(&self.address, path)
    }

    pub(crate) fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    /// Polls `path` until `check` accepts the body, for at most `seconds`.
    pub(crate) fn wait_for(
        &self,
        path: &str,
        seconds: u64,
        check: impl Fn(&str) -> bool,
    ) -> Response {
        let until = Instant::now() + Duration::from_secs(seconds);
        loop {
            let response = self.get(path);
            if check(&response.text()) {
                return response;
            }
            assert!(
                Instant::now() < until,
                "{path} did not change in {seconds} s; last body:\n{}\nserver log:\n{}",
                response.text(),
                self.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP response.
#[derive(Debug)]
pub(crate) struct Response {
    pub(crate) status: u16,
    pub(crate) headers: HashMap<String, String>,
    pub(crate) body: Vec<u8>,
}

impl Response {
    pub(crate) fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .get(&name.to_ascii_lowercase())
            .map(String::as_str)
    }
}

/// `GET path` with the path sent exactly as given (no normalisation), `Connection: close`.
pub(crate) fn get(address: &str, path: &str) -> Response {
    let mut stream = TcpStream::connect(address).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    // Read up to the end of the headers, then `Content-Length` bytes or to the end (some servers, such
    // as Chromium's DevTools, keep the connection open).
    let mut raw = Vec::new();
    let mut buffer = [0u8; 65536];
    let split = loop {
        if let Some(at) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break at;
        }
        let n = stream.read(&mut buffer).expect("read response");
        assert!(n > 0, "connection closed before the headers ended");
        raw.extend_from_slice(&buffer[..n]);
    };
    let length = String::from_utf8_lossy(&raw[..split])
        .lines()
        .filter_map(|l| l.split_once(':'))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.trim().parse::<usize>().ok());
    match length {
        Some(length) => {
            while raw.len() < split + 4 + length {
                let n = stream.read(&mut buffer).expect("read response");
                assert!(n > 0, "connection closed before the body ended");
                raw.extend_from_slice(&buffer[..n]);
            }
        }
        None => {
            stream.read_to_end(&mut raw).expect("read response");
        }
    }
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Response {
        status,
        headers,
        body: raw[split + 4..].to_vec(),
    }
}

/// Writes a file the way a plain editor does (truncate and write).
pub(crate) fn save(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
}

/// Writes a file the way vim and JetBrains do: a new file, renamed over the old one.
pub(crate) fn save_by_rename(path: &Path, text: &str) {
    let temp = path.with_file_name(format!(
        "{}___jb_tmp___",
        path.file_name().unwrap().to_string_lossy()
    ));
    std::fs::write(&temp, text).unwrap();
    std::fs::rename(&temp, path).unwrap();
}

pub(crate) const NOTICE: &str = "content/notices/2025-10-16-plan-issued.md";
pub(crate) const NOTICE_PAGE: &str = "/notices/2025-10-16-plan-issued.html";
pub(crate) const DEADLINE: &str = "  deadline: 2025-10-31";

/// contest.yaml with an impossible deadline, and the line (1-based) of the error.
pub(crate) fn broken_contest(text: &str) -> (String, usize) {
    let line = text
        .lines()
        .position(|l| l == DEADLINE)
        .expect("the deadline line")
        + 1;
    (text.replacen(DEADLINE, "  deadline: 2025-02-30", 1), line)
}
