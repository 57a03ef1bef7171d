//! The HTTP side: files from the in-memory site only, the live-reload event stream, and nothing else.

use super::ServeError;
use super::overlay::{self, EVENTS_PATH};
use super::state::{Notice, Shared};
use crate::i18n::Lang;
use crate::msg;
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use futures_util::stream::{self, Stream, StreamExt};
use std::convert::Infallible;
use std::sync::Arc;
use tokio::sync::broadcast::error::RecvError;

/// Serves until Ctrl-C (or SIGTERM). In-flight requests are dropped; nothing is being written anywhere.
///
/// Unless the server listens on every interface, requests whose `Host` is not this machine (`localhost`,
/// `127.0.0.1`, `[::1]` or the address listened on) are refused: a web page elsewhere cannot use DNS
/// rebinding to read the preview.
pub(super) fn run(listener: std::net::TcpListener, shared: Arc<Shared>) -> Result<(), ServeError> {
    let bound = listener
        .local_addr()
        .map_err(ServeError::ListenerAddress)?
        .ip();
    let lang = shared.lang;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(ServeError::Server)?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener).map_err(ServeError::Server)?;
        let app = Router::new()
            .route(EVENTS_PATH, get(events))
            .fallback(file)
            .with_state(shared)
            .layer(axum::middleware::from_fn(
                move |request: axum::extract::Request, next: axum::middleware::Next| async move {
                    let host = request
                        .headers()
                        .get(header::HOST)
                        .and_then(|h| h.to_str().ok())
                        .unwrap_or("");
                    if host_allowed(host, bound) {
                        next.run(request).await
                    } else {
                        respond(
                            StatusCode::MISDIRECTED_REQUEST,
                            "text/plain; charset=utf-8",
                            format!("{}\n", msg!("serve-misdirected").render(lang)),
                        )
                    }
                },
            ));
        tokio::select! {
            served = axum::serve(listener, app) => served.map_err(ServeError::ServerStopped),
            () = stop_signal() => {
                eprintln!("{}", msg!("serve-stopped").render(lang));
                Ok(())
            }
        }
    })?;
    // Open event streams would keep a graceful shutdown waiting forever: drop them instead.
    runtime.shutdown_background();
    Ok(())
}

async fn stop_signal() {
    #[cfg(unix)]
    {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(term) => term,
                Err(_) => {
                    let _ = tokio::signal::ctrl_c().await;
                    return;
                }
            };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// Whether a request with this `Host` header may be answered by a server listening on `bound`.
pub(super) fn host_allowed(host: &str, bound: std::net::IpAddr) -> bool {
    if bound.is_unspecified() {
        return true;
    }
    let name = match host.strip_prefix('[') {
        Some(rest) => rest.split(']').next().unwrap_or(""),
        None => host.rsplit_once(':').map_or(host, |(name, port)| {
            if port.bytes().all(|b| b.is_ascii_digit()) {
                name
            } else {
                host
            }
        }),
    };
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    name == "localhost"
        || name.ends_with(".localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback() || ip == bound)
}

/// Maps the raw (still percent-encoded) request path to a key of the output map. Only plain paths are
/// accepted: `400` for backslashes, encoded slashes, backslashes or NULs, dot segments (`..`, `%2e%2e`),
/// empty segments and bad encodings. `/` and `/dir/` mean their `index.html`.
pub fn resolve(raw: &str) -> Result<String, StatusCode> {
    let rest = raw.strip_prefix('/').ok_or(StatusCode::BAD_REQUEST)?;
    let lower = rest.to_ascii_lowercase();
    if rest.contains('\\') || ["%2f", "%5c", "%00"].iter().any(|e| lower.contains(e)) {
        return Err(StatusCode::BAD_REQUEST);
    }
    let decoded = percent_decode(rest).ok_or(StatusCode::BAD_REQUEST)?;
    let mut key = decoded;
    if key.is_empty() || key.ends_with('/') {
        key.push_str("index.html");
    }
    if key
        .split('/')
        .any(|part| part.is_empty() || part == "." || part == ".." || part.contains(['\\', '\0']))
    {
        return Err(StatusCode::BAD_REQUEST);
    }
    Ok(key)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The MIME type of a file of the site, by its extension.
pub(super) fn mime(path: &str) -> &'static str {
    let extension = path.rsplit_once('.').map_or("", |(_, e)| e);
    match extension.to_ascii_lowercase().as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "pdf" => "application/pdf",
        "ics" => "text/calendar; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "zip" => "application/zip",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        _ => "application/octet-stream",
    }
}

fn respond(status: StatusCode, content_type: &str, body: impl Into<bytes::Bytes>) -> Response {
    let body: bytes::Bytes = body.into();
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(content_type).expect("a valid MIME type"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

/// A file of the current site; HTML gets the reload script and, after a failed build, the overlay.
async fn file(State(shared): State<Arc<Shared>>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        let mut response = respond(
            StatusCode::METHOD_NOT_ALLOWED,
            "text/plain; charset=utf-8",
            b"only GET and HEAD\n".to_vec(),
        );
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    let key = match resolve(uri.path()) {
        Ok(key) => key,
        Err(status) => {
            return respond(status, "text/plain; charset=utf-8", b"bad path\n".to_vec());
        }
    };
    let snapshot = shared.snapshot();
    let error = snapshot.error.as_deref();
    if let Some(bytes) = snapshot.map.get_shared(&key) {
        let content_type = mime(&key);
        let body = if content_type.starts_with("text/html") {
            overlay::inject(&bytes, snapshot.generation, error).into()
        } else {
            bytes
        };
        return respond(StatusCode::OK, content_type, body);
    }
    // `/notices` for `/notices/`: redirect, so the page's relative links work.
    if snapshot.map.get(&format!("{key}/index.html")).is_some() {
        let mut response = respond(
            StatusCode::PERMANENT_REDIRECT,
            "text/plain; charset=utf-8",
            Vec::new(),
        );
        if let Ok(location) = HeaderValue::from_str(&format!("{}/", uri.path())) {
            response.headers_mut().insert(header::LOCATION, location);
        }
        return response;
    }
    let lang = shared.lang;
    let code = format!("<code>/{}</code>", overlay::escape(&key));
    let page = format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head><body><h1>404</h1><p>{}</p><p><a href=\"/\">{}</a></p></body></html>",
        if lang == Lang::Zh { "zh-CN" } else { "en" },
        overlay::escape(&msg!("serve-404-title").render(lang)),
        msg!("serve-404-text", path = code).render(lang),
        overlay::escape(&msg!("serve-404-home").render(lang)),
    );
    respond(
        StatusCode::NOT_FOUND,
        "text/html; charset=utf-8",
        overlay::inject(page.as_bytes(), snapshot.generation, error),
    )
}

/// The live-reload stream: first the current generation and error, then every change.
async fn events(
    State(shared): State<Arc<Shared>>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    // Subscribed before the snapshot is read, so no change falls between the two.
    let receiver = shared.subscribe();
    let snapshot = shared.snapshot();
    let first = [
        Notice::Reload(snapshot.generation, snapshot.pages_generation),
        Notice::Error(snapshot.error.unwrap_or_else(|| "".into())),
    ];
    let later = stream::unfold(receiver, |mut receiver| async move {
        loop {
            match receiver.recv().await {
                Ok(notice) => return Some((notice, receiver)),
                Err(RecvError::Lagged(_)) => continue,
                Err(RecvError::Closed) => return None,
            }
        }
    });
    let all = stream::iter(first)
        .chain(later)
        .map(|notice| Ok(to_event(&notice)));
    Sse::new(all).keep_alive(KeepAlive::default())
}

fn to_event(notice: &Notice) -> Event {
    match notice {
        Notice::Reload(generation, pages) => Event::default()
            .event("reload")
            .data(format!("{generation} {pages}")),
        Notice::Error(text) => Event::default().event("problem").data(text.as_ref()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_only_plain_paths() {
        assert_eq!(resolve("/").unwrap(), "index.html");
        assert_eq!(resolve("/notices/").unwrap(), "notices/index.html");
        assert_eq!(resolve("/style.css").unwrap(), "style.css");
        assert_eq!(resolve("/a%20b.html").unwrap(), "a b.html");
        for bad in [
            "/../Cargo.toml",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/notices/..%2f..%2fCargo.toml",
            "/..\\..\\x",
            "/a%5cb",
            "/a//b",
            "/./a",
            "/a%zz",
            "/%ff",
            "relative",
        ] {
            assert_eq!(resolve(bad), Err(StatusCode::BAD_REQUEST), "{bad}");
        }
    }

    #[test]
    fn mime_types() {
        assert_eq!(mime("a.pdf"), "application/pdf");
        assert_eq!(mime("calendar.ics"), "text/calendar; charset=utf-8");
        assert_eq!(mime("x.zip"), "application/zip");
        assert_eq!(mime("index.html"), "text/html; charset=utf-8");
    }
}
