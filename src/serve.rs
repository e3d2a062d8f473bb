//! `convene serve`: both sites on 127.0.0.1, rebuilt as files change, with
//! open tabs reloading themselves.
//!
//! An edit to one content file re-reads only that file, renders its own
//! page first (so it is served within milliseconds), then the pages that
//! list or link to it. Anything else (hub.yaml, templates, static files,
//! files added or removed) rebuilds everything. A bad edit is shown in the
//! terminal and over the page, and the last good pages keep being served.

use crate::config::Options;
use crate::diagnostics::{self, Diagnostics, Format};
use crate::model::{Audience, Corpus};
use crate::output::SiteWriter;
use crate::render::{self, highlight::Highlighter, Scope};
use crate::theme::Theme;
use crate::{audience, load, taxonomy, validate, Error};
use notify::{RecursiveMode, Watcher};
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

/// Events closer together than this are one edit (editors save in steps).
const DEBOUNCE: Duration = Duration::from_millis(30);

const LIVE_RELOAD_JS: &str = include_str!("../themes/default/static/live-reload.js");

/// What `serve` needs to know.
pub struct ServeOptions {
    pub build: Options,
    pub bind: String,
    /// The public hub's port; the playbook is served on the next one.
    pub port: u16,
}

/// What the servers and the watcher share.
struct Shared {
    /// Current problems as plain text, empty when there are none.
    problems: RwLock<String>,
    /// One sender per open tab listening for reloads.
    listeners: Mutex<Vec<Sender<String>>>,
}

impl Shared {
    fn announce(&self, event: &str) {
        let mut listeners = self.listeners.lock().unwrap_or_else(|e| e.into_inner());
        listeners.retain(|tab| tab.send(event.to_string()).is_ok());
    }
}

/// What the watcher keeps between edits.
struct Workspace {
    opts: Options,
    corpus: Corpus,
    theme: Theme,
    highlighter: Highlighter,
    images: crate::images::Images,
}

/// Build, serve, watch; returns only on a fatal error. `report` receives
/// lines for the terminal (main prints them; the library never does).
pub fn run(opts: &ServeOptions, report: &(dyn Fn(&str) + Sync)) -> Result<(), Error> {
    crate::output::check_target(&opts.build.out, &opts.build.site)?;
    std::fs::create_dir_all(&opts.build.out)
        .and_then(|_| {
            std::fs::write(
                opts.build.out.join(crate::output::MARKER),
                "Written by convene serve.\n",
            )
        })
        .map_err(|e| Error::Io {
            path: opts.build.out.clone(),
            message: e.to_string(),
        })?;
    let shared = Arc::new(Shared {
        problems: RwLock::new(String::new()),
        listeners: Mutex::new(Vec::new()),
    });
    let mut workspace = Workspace::open(&opts.build, &shared, report)?;
    for (offset, audience) in [(0, Audience::Public), (1, Audience::Playbook)] {
        let address = format!("{}:{}", opts.bind, opts.port + offset);
        let server = tiny_http::Server::http(&address)
            .map_err(|e| Error::Output(format!("can't listen on {address}: {e}")))?;
        report(&format!(
            "serving the {} at http://{address}/",
            if offset == 0 {
                "public hub"
            } else {
                "playbook"
            }
        ));
        let root = opts.build.out.join(audience.folder());
        let shared = Arc::clone(&shared);
        std::thread::spawn(move || serve_site(server, root, shared));
    }
    let (events, edits) = channel();
    let mut watcher = notify::recommended_watcher(events)
        .map_err(|e| Error::Output(format!("can't watch files: {e}")))?;
    watcher
        .watch(&opts.build.site, RecursiveMode::Recursive)
        .map_err(|e| Error::Output(format!("can't watch {}: {e}", opts.build.site.display())))?;
    report("watching for changes; press Ctrl+C to stop");
    loop {
        let changed = next_edit(&edits, &opts.build)?;
        if !changed.is_empty() {
            workspace.apply(&changed, &shared, report)?;
        }
    }
}

/// Wait for an edit, then gather every path it touched (relative to the site).
fn next_edit(
    edits: &Receiver<notify::Result<notify::Event>>,
    opts: &Options,
) -> Result<Vec<PathBuf>, Error> {
    let site = std::fs::canonicalize(&opts.site).unwrap_or_else(|_| opts.site.clone());
    let out = std::fs::canonicalize(&opts.out).unwrap_or_else(|_| opts.out.clone());
    let mut changed = Vec::new();
    let first = edits
        .recv()
        .map_err(|_| Error::Output("the file watcher stopped".into()))?;
    let mut take = |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        if event.kind.is_access() {
            return;
        }
        for path in event.paths {
            let path = std::fs::canonicalize(&path).unwrap_or(path);
            if path.starts_with(&out) {
                continue;
            }
            if let Ok(rel) = path.strip_prefix(&site) {
                if !changed.contains(&rel.to_path_buf()) {
                    changed.push(rel.to_path_buf());
                }
            }
        }
    };
    take(first);
    loop {
        match edits.recv_timeout(DEBOUNCE) {
            Ok(event) => take(event),
            Err(RecvTimeoutError::Timeout) => return Ok(changed),
            Err(RecvTimeoutError::Disconnected) => {
                return Err(Error::Output("the file watcher stopped".into()))
            }
        }
    }
}

impl Workspace {
    fn open(
        opts: &Options,
        shared: &Shared,
        report: &(dyn Fn(&str) + Sync),
    ) -> Result<Workspace, Error> {
        let mut found = Diagnostics::default();
        let corpus = load::site(&opts.site, opts.max_file_size, &mut found)?;
        let theme = Theme::load(&opts.site, &corpus.config.theme)?;
        let workspace = Workspace {
            opts: opts.clone(),
            corpus,
            theme,
            highlighter: Highlighter::default(),
            images: crate::images::Images::default(),
        };
        workspace.render(Scope::All)?;
        workspace.check(found, shared, report);
        Ok(workspace)
    }

    /// Render both sites (or part of them) straight into the served folders.
    fn render(&self, scope: Scope) -> Result<(), Error> {
        for audience in [Audience::Public, Audience::Playbook] {
            let view = audience::select(&self.corpus, audience, self.opts.now);
            let dir = self.opts.out.join(audience.folder());
            std::fs::create_dir_all(&dir).map_err(|e| Error::Io {
                path: dir.clone(),
                message: e.to_string(),
            })?;
            let writer = SiteWriter::in_place(&dir);
            let tools = render::Tools {
                theme: &self.theme,
                highlighter: &self.highlighter,
                images: &self.images,
            };
            render::site(&view, &tools, scope, &|f| writer.write(f))?;
            if matches!(scope, Scope::All) {
                writer.copy_static(&self.opts.site, &view.static_files)?;
            }
        }
        Ok(())
    }

    /// Check the whole site and tell the terminal and the open tabs.
    fn check(&self, mut found: Diagnostics, shared: &Shared, report: &(dyn Fn(&str) + Sync)) {
        validate::corpus(&self.corpus, self.opts.now, &mut found);
        taxonomy::check(&self.corpus, &mut found);
        found.sort();
        let errors: Diagnostics = {
            let mut only = Diagnostics::default();
            only.extend(
                found
                    .iter()
                    .filter(|d| d.severity == crate::Severity::Error)
                    .cloned(),
            );
            only
        };
        let text = diagnostics::render(&errors, Format::Human, &self.opts.site);
        if !text.is_empty() {
            report(text.trim_end());
        }
        *shared.problems.write().unwrap_or_else(|e| e.into_inner()) = text;
    }

    fn apply(
        &mut self,
        changed: &[PathBuf],
        shared: &Shared,
        report: &(dyn Fn(&str) + Sync),
    ) -> Result<(), Error> {
        let started = std::time::Instant::now();
        let mut found = Vec::new();
        let single = match changed {
            [one] if self.opts.site.join(one).is_file() => {
                load::item(&self.opts.site, self.opts.max_file_size, one, &mut found)
                    .map(|item| (one, item))
            }
            _ => None,
        };
        if let Some((path, item)) = single {
            self.corpus.put(item);
            // The edited page first, so it is ready by the time the tab reloads.
            self.render(Scope::PageOf(path))?;
            shared.announce("reload");
            let page = started.elapsed().as_millis();
            self.render(Scope::AroundPageOf(path))?;
            report(&format!(
                "updated {}: its page in {page} ms, the pages around it by {} ms",
                path.display(),
                started.elapsed().as_millis()
            ));
        } else if !found.is_empty() {
            // The edited file can't be read: keep serving the last good pages.
            self.corpus.unreadable.extend(changed.iter().cloned());
        } else {
            let mut all = Diagnostics::default();
            match load::site(&self.opts.site, self.opts.max_file_size, &mut all)
                .and_then(|c| Theme::load(&self.opts.site, &c.config.theme).map(|t| (c, t)))
            {
                Ok((corpus, theme)) => {
                    self.corpus = corpus;
                    self.theme = theme;
                    self.render(Scope::All)?;
                    report(&format!(
                        "rebuilt everything in {} ms",
                        started.elapsed().as_millis()
                    ));
                }
                Err(e) => report(&format!("error: {e}")),
            }
            found.extend(all);
        }
        let mut diags = Diagnostics::default();
        diags.extend(found);
        let checking = std::time::Instant::now();
        self.check(diags, shared, report);
        report(&format!(
            "checked the site in {} ms",
            checking.elapsed().as_millis()
        ));
        shared.announce("reload");
        Ok(())
    }
}

/// Answer requests for one site: files from its folder, the live-reload
/// script and event stream, and the current problems.
fn serve_site(server: tiny_http::Server, root: PathBuf, shared: Arc<Shared>) {
    for request in server.incoming_requests() {
        let root = root.clone();
        let shared = Arc::clone(&shared);
        std::thread::spawn(move || answer(request, &root, &shared));
    }
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

fn answer(request: tiny_http::Request, root: &Path, shared: &Shared) {
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
                .map(|t| t.clone())
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
                .push(tab);
            let stream = EventStream {
                events,
                pending: b"retry: 500\n\n".to_vec(),
            };
            request.respond(tiny_http::Response::new(
                200.into(),
                vec![
                    header("Content-Type", "text/event-stream"),
                    header("Cache-Control", "no-store"),
                ],
                stream,
                None,
                None,
            ))
        }
        _ => match file_for(root, &url) {
            Some((path, status)) => respond_file(request, &path, status),
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

/// Server-sent events for one tab: blocks until the watcher has news.
struct EventStream {
    events: Receiver<String>,
    pending: Vec<u8>,
}

impl std::io::Read for EventStream {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.pending.is_empty() {
            match self.events.recv() {
                Ok(event) => self.pending = format!("data: {event}\n\n").into_bytes(),
                Err(_) => return Ok(0),
            }
        }
        let n = buf.len().min(self.pending.len());
        buf[..n].copy_from_slice(&self.pending[..n]);
        self.pending.drain(..n);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
