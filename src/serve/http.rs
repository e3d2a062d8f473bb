//! The two sites over HTTP: files from the served folders, the live-reload
//! script, its event stream, and the current problems.

use super::Shared;
use crate::model::Audience;
use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::sync::Arc;

const LIVE_RELOAD_JS: &str = include_str!("../../themes/default/static/live-reload.js");

/// Answer requests for one site: files from its folder, the live-reload
/// script and event stream, and the current problems.
pub(super) fn serve_site(
    server: tiny_http::Server,
    audience: Audience,
    root: PathBuf,
    shared: Arc<Shared>,
) {
    let port = server
        .server_addr()
        .to_ip()
        .map_or(0, |address| address.port());
    for request in server.incoming_requests() {
        let root = root.clone();
        let shared = Arc::clone(&shared);
        std::thread::spawn(move || answer(request, audience, port, &root, &shared));
    }
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

/// Is this request for us? A page on any web site can make a browser
/// send requests to 127.0.0.1; with a name of its own that resolves there
/// (DNS rebinding) it could read the answers, the playbook included. The
/// browser always names the host it thinks it is talking to, so only
/// requests for `localhost` or a bare address, on our port, are answered.
fn host_allowed(request: &tiny_http::Request, port: u16) -> bool {
    let Some(host) = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Host"))
        .map(|h| h.value.as_str().to_ascii_lowercase())
    else {
        return false;
    };
    let (name, given_port) = match host.rsplit_once(':') {
        Some((name, p)) if !name.ends_with(']') || host.starts_with('[') => {
            (name.to_string(), p.parse::<u16>().ok())
        }
        _ => (host.clone(), None),
    };
    let name = name.trim_start_matches('[').trim_end_matches(']');
    let is_address = name.parse::<std::net::IpAddr>().is_ok();
    let is_local = name == "localhost" || name.ends_with(".localhost");
    (is_address || is_local) && given_port.is_none_or(|p| p == port)
}

fn answer(
    request: tiny_http::Request,
    audience: Audience,
    port: u16,
    root: &Path,
    shared: &Shared,
) {
    if !host_allowed(&request, port) {
        let _ = request.respond(
            tiny_http::Response::from_string(
                "convene's preview only answers to localhost or an address, on its own port.",
            )
            .with_status_code(403),
        );
        return;
    }
    let url = request
        .url()
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .to_string();
    let _ = match url.as_str() {
        "/__convene/live-reload.js" => request.respond(
            tiny_http::Response::from_string(LIVE_RELOAD_JS)
                .with_header(header("Content-Type", "text/javascript; charset=utf-8")),
        ),
        "/__convene/problems" => {
            let text = shared
                .problems
                .read()
                .map(|t| match audience {
                    Audience::Public => t[0].clone(),
                    Audience::Playbook => t[1].clone(),
                })
                .unwrap_or_default();
            request.respond(
                tiny_http::Response::from_string(text)
                    .with_header(header("Content-Type", "text/plain; charset=utf-8")),
            )
        }
        "/__convene/events" => {
            let (tab, events) = channel();
            shared
                .listeners
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push((audience, tab));
            stream_events(request.into_writer(), events)
        }
        _ => match file_for(root, &url) {
            Some((path, status)) => {
                // Pages and their stylesheet: a brand colour shows there.
                let kind = content_type(&path);
                if status == 200 && (kind.starts_with("text/html") || kind.starts_with("text/css"))
                {
                    if let Ok(page) = path.strip_prefix(root) {
                        shared.viewed(page);
                    }
                }
                respond_file(request, &path, status)
            }
            None => {
                request.respond(tiny_http::Response::from_string("Not found").with_status_code(404))
            }
        },
    };
}

/// The file a URL names under `root`, never outside it; a missing page
/// gets the site's 404 page.
fn file_for(root: &Path, url: &str) -> Option<(PathBuf, u16)> {
    let decoded = percent_decode(url);
    let mut path = root.to_path_buf();
    for part in Path::new(decoded.trim_start_matches('/')).components() {
        match part {
            Component::Normal(p) => path.push(p),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if path.is_dir() {
        path.push("index.html");
    }
    if path.is_file() {
        Some((path, 200))
    } else {
        let missing = root.join("404.html");
        missing.is_file().then_some((missing, 404))
    }
}

fn respond_file(request: tiny_http::Request, path: &Path, status: u16) -> std::io::Result<()> {
    let Ok(mut bytes) = std::fs::read(path) else {
        return request
            .respond(tiny_http::Response::from_string("Not found").with_status_code(404));
    };
    let kind = content_type(path);
    if kind.starts_with("text/html") {
        let tag = b"<script src=\"/__convene/live-reload.js\"></script>";
        let at = bytes
            .windows(7)
            .rposition(|w| w == b"</body>")
            .unwrap_or(bytes.len());
        bytes.splice(at..at, tag.iter().copied());
    }
    request.respond(
        tiny_http::Response::from_data(bytes)
            .with_status_code(status)
            .with_header(header("Content-Type", kind))
            .with_header(header("Cache-Control", "no-store")),
    )
}

pub fn content_type(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
        .as_str()
    {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "vcf" => "text/vcard; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Server-sent events for one tab, each sent the moment it comes, until
/// the tab goes. The response is written by hand: tiny_http would hold a
/// streamed body back in 8 KB chunks.
fn stream_events(mut tab: Box<dyn Write + Send>, events: Receiver<String>) -> std::io::Result<()> {
    tab.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\
          Connection: close\r\n\r\nretry: 500\n\n",
    )?;
    tab.flush()?;
    loop {
        match events.recv_timeout(HEARTBEAT) {
            Ok(event) => write!(tab, "data: {event}\n\n")?,
            // A comment line: a tab that has gone makes this write fail,
            // which ends the thread and frees the connection.
            Err(RecvTimeoutError::Timeout) => tab.write_all(b": still here\n\n")?,
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        }
        tab.flush()?;
    }
}

/// How often an open tab's event stream is checked for a closed tab.
const HEARTBEAT: std::time::Duration = std::time::Duration::from_secs(5);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_names_and_addresses_are_answered() {
        let request = |host: &str| {
            let header = tiny_http::Header::from_bytes("Host", host).unwrap();
            tiny_http::TestRequest::new().with_header(header).into()
        };
        for good in [
            "localhost:1111",
            "127.0.0.1:1111",
            "[::1]:1111",
            "LOCALHOST:1111",
            "app.localhost:1111",
            "192.168.1.5:1111",
            "localhost",
        ] {
            assert!(host_allowed(&request(good), 1111), "{good}");
        }
        for bad in [
            "evil.example:1111",
            "rebind.attacker.test",
            "localhost:2222",
            "127.0.0.1.evil.example:1111",
            "",
        ] {
            assert!(!host_allowed(&request(bad), 1111), "{bad}");
        }
        let none: tiny_http::Request = tiny_http::TestRequest::new().into();
        assert!(!host_allowed(&none, 1111));
    }

    #[test]
    fn urls_never_leave_the_site_folder() {
        let tmp = std::env::temp_dir().join(format!("convene-serve-test-{}", std::process::id()));
        std::fs::create_dir_all(tmp.join("people/a")).unwrap();
        std::fs::write(tmp.join("people/a/index.html"), "a").unwrap();
        assert_eq!(file_for(&tmp, "/people/a/").map(|f| f.1), Some(200));
        assert_eq!(file_for(&tmp, "/../etc/passwd"), None);
        assert_eq!(file_for(&tmp, "/%2e%2e/etc/passwd"), None);
        assert_eq!(file_for(&tmp, "/nope/"), None);
        std::fs::remove_dir_all(&tmp).unwrap();
    }
}
