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

/// A running `convene serve` on a copy of the example site, with what it
/// printed so far.
struct Serving {
    port: u16,
    site: std::path::PathBuf,
    lines: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
    _server: Server,
    _tmp: tempfile::TempDir,
}

impl Serving {
    fn start() -> Serving {
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
        let lines = std::sync::Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
        let sink = lines.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                sink.lock().unwrap().push(line);
            }
        });
        let serving = Serving {
            port,
            site,
            lines,
            _server: Server(child),
            _tmp: tmp,
        };
        eventually("the server to start", || {
            serving.printed("watching for changes") > 0
        });
        serving
    }

    /// How many lines printed so far contain `text`.
    fn printed(&self, text: &str) -> usize {
        self.lines
            .lock()
            .unwrap()
            .iter()
            .filter(|l| l.contains(text))
            .count()
    }

    fn problems(&self) -> String {
        let (_, response) = get(self.port, "/__convene/problems");
        response
            .split("\r\n\r\n")
            .nth(1)
            .unwrap_or_default()
            .to_string()
    }
}

#[test]
fn serve_updates_pages_reports_problems_and_recovers() {
    let serving = Serving::start();
    let port = serving.port;

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
    let file = serving.site.join("people/amara-okafor.md");
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
        serving.problems().contains("unknown field `publc`")
    });
    assert!(get(port, "/people/amara-okafor/")
        .1
        .contains("Director of Stories"));
    assert!(serving.printed("unknown field `publc`") > 0);

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
        let (status, _) = get(port, "/__convene/problems");
        status == 200 && serving.problems().is_empty()
    });
}

/// Pages that list an edited profile follow it; saves by rename and
/// editors' swap and backup files are taken for what they are; a problem
/// stays shown while other files are edited, and problems only the
/// whole-site check finds are shown once saves pause.
#[test]
fn serve_follows_lists_editors_and_the_whole_site() {
    let serving = Serving::start();
    let port = serving.port;
    let file = serving.site.join("people/amara-okafor.md");
    let original = read(&file);

    // An open tab listening for news (registered once it hears `retry`).
    let mut tab = TcpStream::connect(("127.0.0.1", port)).unwrap();
    tab.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        tab,
        "GET /__convene/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
    )
    .unwrap();
    let mut heard = String::new();
    let mut hear_until = |text: &str| {
        let mut buf = [0; 4096];
        while !heard.contains(text) {
            let n = tab.read(&mut buf).expect("news from the server");
            assert!(n > 0, "the event stream ended: {heard}");
            heard.push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    };
    hear_until("retry:");

    // The lists she is on follow her profile: her topic, her team, the directory.
    std::fs::write(
        &file,
        original.replace("Head of Communications", "Director of Stories"),
    )
    .unwrap();
    for list in ["/topics/media/", "/teams/communications/", "/people/"] {
        eventually(list, || get(port, list).1.contains("Director of Stories"));
    }
    // The tab was told which pages changed, so that only tabs showing one reload.
    hear_until("/topics/media/");
    assert!(
        heard.contains("data: pages /people/amara-okafor/"),
        "{heard}"
    );
    eventually("the playbook's directory", || {
        get(port + 1, "/people/").1.contains("Director of Stories")
    });

    // An editor that writes a copy and renames it over the file, leaving a
    // swap file and a backup beside it.
    std::fs::write(serving.site.join("people/.amara-okafor.md.swp"), "swap").unwrap();
    std::fs::write(serving.site.join("people/amara-okafor.md~"), &original).unwrap();
    let copy = serving.site.join("people/.goutputstream-ABC123");
    std::fs::write(
        &copy,
        original.replace("Head of Communications", "Head of Rivers"),
    )
    .unwrap();
    std::fs::rename(&copy, &file).unwrap();
    eventually("the renamed-in profile", || {
        get(port, "/topics/media/").1.contains("Head of Rivers")
    });

    // A mistake in one file stays shown while another file is edited and
    // the whole site is checked again.
    std::fs::write(&file, original.replace("public: true", "publc: true")).unwrap();
    eventually("the problem", || {
        serving.problems().contains("unknown field `publc`")
    });
    let checks = serving.printed("checked the site");
    let other = serving.site.join("people/callum-fraser.md");
    let callum = read(&other);
    let role = callum
        .lines()
        .find(|l| l.starts_with("role:"))
        .unwrap()
        .to_string();
    std::fs::write(&other, callum.replace(&role, "role: Keeper of Otters")).unwrap();
    eventually("the other edit and a whole-site check", || {
        get(port, "/people/callum-fraser/")
            .1
            .contains("Keeper of Otters")
            && serving.printed("checked the site") > checks
    });
    assert!(serving.problems().contains("unknown field `publc`"));
    // None of this needed more than the edited pages and those around them.
    assert_eq!(serving.printed("rebuilt everything"), 0);

    // An alias taking another person's address is found by the whole-site
    // check, and clears when it goes.
    let clash = original.replacen("role:", "aliases: [callum-fraser]\nrole:", 1);
    std::fs::write(&file, clash).unwrap();
    eventually("the clash", || serving.problems().contains("clashes with"));
    assert!(!serving.problems().contains("publc"));
    std::fs::write(&file, &original).unwrap();
    eventually("the clash to clear", || serving.problems().is_empty());
}
