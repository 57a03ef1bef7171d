//! End to end: headless Chromium, driven over the DevTools protocol, against the real `jingsai serve`.
//! A page is open; a notice is edited and the page reloads by itself with the new text; contest.yaml is
//! broken and the overlay shows the error location without a reload; it is fixed and the overlay goes.
//!
//! `search.rs`: the site search opened from `file://` (no server), typed into, ranked, and safe.
//!
//! Needs Chromium (`/usr/bin/chromium`, or `$CHROMIUM`); tests/run.sh installs Debian's `chromium`. The
//! test fails, never skips, when it is missing.

mod search;
#[path = "../support/mod.rs"]
mod support;

use serde_json::{Value, json};
use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use support::*;
use tungstenite::stream::MaybeTlsStream;
use tungstenite::{Message, WebSocket};

struct Browser {
    child: Child,
    _profile: tempfile::TempDir,
    socket: WebSocket<MaybeTlsStream<TcpStream>>,
    next_id: u64,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Browser {
    fn launch() -> Browser {
        let program = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        assert!(
            std::path::Path::new(&program).exists(),
            "Chromium not found at {program}: run tests/run.sh (it installs Debian's chromium) or set CHROMIUM"
        );
        let profile = tempfile::tempdir().unwrap();
        let mut child = Command::new(&program)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--remote-debugging-port=0",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start chromium");
        let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
        let mut seen = String::new();
        let browser_ws = loop {
            let Some(Ok(line)) = lines.next() else {
                let _ = child.kill();
                panic!("chromium exited before DevTools listened:\n{seen}");
            };
            seen.push_str(&line);
            seen.push('\n');
            if let Some(at) = line.find("ws://") {
                break line[at..].trim().to_string();
            }
        };
        // Keep draining stderr so Chromium never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        let host = browser_ws
            .trim_start_matches("ws://")
            .split('/')
            .next()
            .unwrap()
            .to_string();
        let targets: Value = serde_json::from_slice(&get(&host, "/json/list").body).unwrap();
        let page_ws = targets
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["type"] == "page")
            .and_then(|t| t["webSocketDebuggerUrl"].as_str())
            .expect("a page target")
            .to_string();
        let (socket, _) = tungstenite::connect(page_ws).expect("DevTools websocket");
        Browser {
            child,
            _profile: profile,
            socket,
            next_id: 0,
        }
    }

    fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let message = json!({"id": id, "method": method, "params": params});
        self.socket
            .send(Message::text(message.to_string()))
            .unwrap();
        loop {
            let reply = self.socket.read().expect("DevTools reply");
            let Message::Text(text) = reply else { continue };
            let value: Value = serde_json::from_str(text.as_str()).unwrap();
            if value["id"] == id {
                assert!(value.get("error").is_none(), "{method}: {value}");
                return value["result"].clone();
            }
        }
    }

    fn eval(&mut self, expression: &str) -> Value {
        let result = self.call(
            "Runtime.evaluate",
            json!({"expression": expression, "returnByValue": true}),
        );
        result["result"]["value"].clone()
    }

    /// Evaluates `expression` until it is `true`, for at most `seconds`.
    fn wait_until(&mut self, expression: &str, seconds: u64, what: &str, server: &Server) {
        self.wait_for(
            expression,
            seconds,
            &format!("{what} (server log:\n{})", server.log()),
        );
    }

    /// Evaluates `expression` until it is `true`, for at most `seconds`; fails with the page's text.
    fn wait_for(&mut self, expression: &str, seconds: u64, what: &str) {
        let until = Instant::now() + Duration::from_secs(seconds);
        while self.eval(expression) != Value::Bool(true) {
            assert!(
                Instant::now() < until,
                "{what}: not within {seconds} s; page text:\n{}",
                self.eval("document.body ? document.body.innerText : ''"),
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

const OVERLAY: &str = "(() => { const o = document.getElementById('jingsai-error'); return o && !o.hidden ? o.textContent : ''; })()";

#[test]
fn browser_reloads_on_save_and_shows_the_error_overlay() {
    let dir = contest_copy();
    let server = Server::start(dir.path(), &[]);
    let mut browser = Browser::launch();

    browser.call("Page.navigate", json!({"url": server.url(NOTICE_PAGE)}));
    browser.wait_until(
        "document.readyState === 'complete' && document.body.innerText.includes('竞赛时间')",
        30,
        "page open",
        &server,
    );
    assert_eq!(browser.eval(OVERLAY), json!(""));
    // The page's own event stream must be connected before the edit; give it a moment.
    std::thread::sleep(Duration::from_millis(500));

    // A notice edit: the page reloads by itself (the marker is gone) and shows the new text.
    browser.eval("window.__marker = 1");
    let notice = dir.path().join(NOTICE);
    let original = std::fs::read_to_string(&notice).unwrap();
    save_by_rename(
        &notice,
        &original.replace("## 竞赛时间", "## 竞赛时间（浏览器测试）"),
    );
    browser.wait_until(
        "window.__marker === undefined && document.readyState === 'complete' && document.body.innerText.includes('竞赛时间（浏览器测试）')",
        15,
        "reload with the new notice text",
        &server,
    );

    // contest.yaml broken: the overlay appears on the open page, pushed without a reload.
    browser.eval("window.__marker = 2");
    std::thread::sleep(Duration::from_millis(300));
    let contest = dir.path().join("content/contest.yaml");
    let good = std::fs::read_to_string(&contest).unwrap();
    let (bad, line) = broken_contest(&good);
    save(&contest, &bad);
    let location = format!("content/contest.yaml:{line}:");
    browser.wait_until(
        &format!("{OVERLAY}.includes('{location}')"),
        15,
        "overlay with the error location",
        &server,
    );
    assert_eq!(
        browser.eval("window.__marker"),
        json!(2),
        "shown without a reload"
    );
    assert!(
        browser
            .eval("document.body.innerText")
            .as_str()
            .unwrap()
            .contains("竞赛时间（浏览器测试）"),
        "the last good page stays"
    );

    // Fixed: the page reloads and the overlay is gone.
    save(&contest, &good);
    browser.wait_until(
        &format!(
            "window.__marker === undefined && document.readyState === 'complete' && {OVERLAY} === '' && document.body.innerText.includes('竞赛时间')"
        ),
        30,
        "overlay gone after the fix",
        &server,
    );
}
