//! `convene serve`: start it on free ports, edit a profile and see the
//! change over HTTP, break the file and see the problem reported while the
//! last good page is still served, fix it and see it recover.

mod support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};
use support::site::*;

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Two free neighbouring ports (public hub, playbook).
fn free_ports() -> u16 {
    loop {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        if port < u16::MAX && TcpListener::bind(("127.0.0.1", port + 1)).is_ok() {
            return port;
        }
    }
}

fn get(port: u16, path: &str) -> (u16, String) {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return (0, String::new());
    };
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    let status = response
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, response)
}

/// Poll until `check` passes, for at most ten seconds.
fn eventually(what: &str, mut check: impl FnMut() -> bool) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(10) {
        if check() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("timed out waiting for: {what}");
}

#[test]
fn serve_updates_pages_reports_problems_and_recovers() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_site(&example_site(), &site);
    let port = free_ports();
    let mut child = convene()
        .args([
            "serve",
            &site.to_string_lossy(),
            "--port",
            &port.to_string(),
            "--now",
            NOW,
            "--out",
        ])
        .arg(tmp.path().join("served"))
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let _server = Server(child);
    let lines = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let sink = lines.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            sink.lock().unwrap().push(line);
        }
    });
    eventually("the server to start", || {
        lines
            .lock()
            .unwrap()
            .iter()
            .any(|l| l.contains("watching for changes"))
    });

    // Both sites are served, only on loopback, with the right types.
    let (status, page) = get(port, "/people/amara-okafor/");
    assert_eq!(status, 200);
    assert!(page.contains("Content-Type: text/html") && page.contains("Head of Communications"));
    assert!(page.contains("/__convene/live-reload.js"));
    let (status, playbook) = get(port + 1, "/respond/");
    assert_eq!(status, 200);
    assert!(playbook.contains("Who responds on what"));
    assert_eq!(
        get(port, "/people/joss-reid/").0,
        404,
        "a non-public profile is served on the hub"
    );
    assert_eq!(get(port, "/../hub.yaml").0, 404);
    assert!(get(port, "/assets/convene.css")
        .1
        .contains("Content-Type: text/css"));

    // An edit shows up.
    let file = site.join("people/amara-okafor.md");
    let original = read(&file);
    std::fs::write(
        &file,
        original.replace("Head of Communications", "Director of Stories"),
    )
    .unwrap();
    eventually("the edited role", || {
        get(port, "/people/amara-okafor/")
            .1
            .contains("Director of Stories")
    });
    eventually("the playbook's copy", || {
        get(port + 1, "/people/amara-okafor/")
            .1
            .contains("Director of Stories")
    });

    // A broken edit is reported; the last good page stays.
    std::fs::write(&file, original.replace("public: true", "publc: true")).unwrap();
    eventually("the problem", || {
        get(port, "/__convene/problems")
            .1
            .contains("unknown field `publc`")
    });
    assert!(get(port, "/people/amara-okafor/")
        .1
        .contains("Director of Stories"));
    assert!(lines
        .lock()
        .unwrap()
        .iter()
        .any(|l| l.contains("unknown field `publc`")));

    // Fixing it recovers.
    std::fs::write(
        &file,
        original.replace("Head of Communications", "Head of Stories"),
    )
    .unwrap();
    eventually("recovery", || {
        get(port, "/people/amara-okafor/")
            .1
            .contains("Head of Stories")
    });
    eventually("the problem to clear", || {
        let (status, body) = get(port, "/__convene/problems");
        status == 200 && body.split("\r\n\r\n").nth(1).is_some_and(str::is_empty)
    });
}
