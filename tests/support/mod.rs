//! Shared by the integration tests: folder copies, a temp copy of the contest, the real `jingsai serve` on
//! a free port, and a tiny HTTP/1.1 client over `TcpStream`.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A temp copy of this repository's contest (content/, templates/, forms/).
pub fn contest_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    for name in ["content", "templates", "forms"] {
        let from = repo.join(name);
        if from.is_dir() {
            copy_dir(&from, &dir.path().join(name));
        }
    }
    dir
}

/// Copies a folder recursively.
pub fn copy_dir(from: &Path, to: &Path) {
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
pub struct Server {
    child: Child,
    pub address: String,
    pub root: PathBuf,
    log: Arc<Mutex<String>>,
}

impl Server {
    /// Starts `jingsai serve ROOT --port 0` and waits until it listens.
    pub fn start(root: &Path, extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_jingsai"))
            .arg("serve")
            .arg(root)
            .args(["--port", "0"])
            .args(extra)
            .stdin(Stdio::null())
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
                    if let Some(rest) = line.strip_prefix("serving http://") {
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
    pub fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// Whether the process is still running.
    pub fn alive(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }

    pub fn get(&self, path: &str) -> Response {
        get(&self.address, path)
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    /// Polls `path` until `check` accepts the body, for at most `seconds`.
    pub fn wait_for(&self, path: &str, seconds: u64, check: impl Fn(&str) -> bool) -> Response {
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
pub struct Response {
    pub status: u16,
    pub headers: HashMap<String, String>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .get(&name.to_ascii_lowercase())
            .map(String::as_str)
    }
}

/// `GET path` with the path sent exactly as given (no normalisation), `Connection: close`.
pub fn get(address: &str, path: &str) -> Response {
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
pub fn save(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
}

/// Writes a file the way vim and JetBrains do: a new file, renamed over the old one.
pub fn save_by_rename(path: &Path, text: &str) {
    let temp = path.with_file_name(format!(
        "{}___jb_tmp___",
        path.file_name().unwrap().to_string_lossy()
    ));
    std::fs::write(&temp, text).unwrap();
    std::fs::rename(&temp, path).unwrap();
}

pub const NOTICE: &str = "content/notices/2025-10-16-plan-issued.md";
pub const NOTICE_PAGE: &str = "/notices/2025-10-16-plan-issued.html";
pub const DEADLINE: &str = "  deadline: 2025-10-31";

/// contest.yaml with an impossible deadline, and the line (1-based) of the error.
pub fn broken_contest(text: &str) -> (String, usize) {
    let line = text
        .lines()
        .position(|l| l == DEADLINE)
        .expect("the deadline line")
        + 1;
    (text.replacen(DEADLINE, "  deadline: 2025-02-30", 1), line)
}
