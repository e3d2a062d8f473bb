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

/// GET a path from a running server. A server that can't be reached fails
/// the test: an empty answer must never pass for "no problems".
fn get(port: u16, path: &str) -> (u16, String) {
    get_as(port, path, "localhost")
}

fn get_as(port: u16, path: &str, host: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port))
        .unwrap_or_else(|e| panic!("the server on port {port} is not answering: {e}"));
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    let status = response
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no HTTP answer for {path} on port {port}: {response:?}"));
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

/// An open tab listening for serve's news on the event stream.
struct Tab {
    stream: TcpStream,
    heard: String,
}

impl Tab {
    /// Connected and registered (it has heard `retry`).
    fn open(port: u16) -> Tab {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        write!(
            stream,
            "GET /__convene/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
        )
        .unwrap();
        let mut tab = Tab {
            stream,
            heard: String::new(),
        };
        tab.hear_until("retry:");
        tab
    }

    /// Everything heard so far, once it includes `text`.
    fn hear_until(&mut self, text: &str) -> &str {
        let mut buf = [0; 4096];
        while !self.heard.contains(text) {
            let n = self.stream.read(&mut buf).expect("news from the server");
            assert!(n > 0, "the event stream ended: {}", self.heard);
            self.heard.push_str(&String::from_utf8_lossy(&buf[..n]));
        }
        &self.heard
    }
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
        Serving::on(tmp, site)
    }

    /// Serve the site at `site` (inside `tmp`), writing the preview to
    /// `tmp/served`, at the tests' fixed "now".
    fn on(tmp: tempfile::TempDir, site: std::path::PathBuf) -> Serving {
        Serving::at(tmp, site, Some(NOW))
    }

    /// `on`, at `now`, or with the clock (`None`: no `--now`).
    fn at(tmp: tempfile::TempDir, site: std::path::PathBuf, now: Option<&str>) -> Serving {
        let port = free_ports();
        let now = now.map(|now| ["--now", now]);
        let mut child = convene()
            .args([
                "serve",
                &site.to_string_lossy(),
                "--port",
                &port.to_string(),
            ])
            .args(now.iter().flatten())
            .arg("--out")
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

    /// Where the public hub's preview is written.
    fn public_folder(&self) -> std::path::PathBuf {
        self._tmp.path().join("served/public")
    }

    fn problems(&self) -> String {
        let (status, response) = get(self.port, "/__convene/problems");
        assert_eq!(status, 200, "{response}");
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
    // An edit to the body is surveyed again: its new heading has its id.
    let edited = read(&file);
    std::fs::write(
        &file,
        format!("{edited}\n## Otters and rivers\n\nNew words.\n"),
    )
    .unwrap();
    eventually("the edited bio", || {
        get(port, "/people/amara-okafor/")
            .1
            .contains("id=\"otters-and-rivers\"")
    });
    std::fs::write(&file, edited).unwrap();

    // A broken edit is reported. The file may have its error in the very
    // field that says whether it may be public, so it leaves the hub until
    // it is fixed; the playbook keeps its last good page.
    std::fs::write(&file, original.replace("public: true", "publc: true")).unwrap();
    eventually("the problem", || {
        serving.problems().contains("unknown field `publc`")
    });
    eventually("the profile to leave the hub", || {
        get(port, "/people/amara-okafor/").0 == 404
    });
    assert!(!get(port, "/people/").1.contains("Amara Okafor"));
    assert!(get(port + 1, "/people/amara-okafor/")
        .1
        .contains("Director of Stories"));
    assert!(serving.printed("unknown field `publc`") > 0);
    // The hub's port names the problem without quoting the file's lines;
    // the playbook's quotes them.
    let (_, public) = get(port, "/__convene/problems");
    let (_, playbook) = get(port + 1, "/__convene/problems");
    assert!(
        public.contains("people/amara-okafor.md:") && !public.contains("publc: true"),
        "{public}"
    );
    assert!(playbook.contains("publc: true"), "{playbook}");

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

    // An open tab listening for news.
    let mut tab = Tab::open(port);

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
    let heard = tab.hear_until("/topics/media/");
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

/// Another site must not be able to read the preview through a name of
/// its own that resolves to 127.0.0.1 (DNS rebinding).
#[test]
fn serve_answers_only_to_local_names() {
    let serving = Serving::start();
    for port in [serving.port, serving.port + 1] {
        assert_eq!(get_as(port, "/", "localhost").0, 200);
        assert_eq!(get_as(port, "/", &format!("127.0.0.1:{port}")).0, 200);
        for host in ["evil.example", "rebound.attacker.test:1111", "localhost:1"] {
            assert_eq!(get_as(port, "/people/", host).0, 403, "{host}");
            assert_eq!(get_as(port, "/__convene/problems", host).0, 403, "{host}");
        }
    }
}

#[test]
fn a_port_without_a_next_one_is_refused_clearly() {
    let out = convene()
        .args([
            "serve",
            &example_site().to_string_lossy(),
            "--port",
            "65535",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("65535 is not in 1..=65534"),
        "{}",
        stderr(&out)
    );
}

/// Without --out, the preview (which holds the playbook) is written to a
/// folder only this user can open, and removed when serve is stopped.
#[test]
fn the_default_preview_folder_is_private_and_removed_on_exit() {
    use std::os::unix::fs::PermissionsExt;
    let port = free_ports();
    let mut child = convene()
        .args([
            "serve",
            &example_site().to_string_lossy(),
            "--port",
            &port.to_string(),
        ])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let child = Server(child);
    let (tell, told) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            if let Some(folder) = line.strip_prefix("the preview is written to ") {
                let _ = tell.send(std::path::PathBuf::from(folder));
            }
        }
    });
    let folder = told
        .recv_timeout(Duration::from_secs(30))
        .expect("serve names its preview folder");
    let mode = std::fs::metadata(&folder).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o700, "{}", folder.display());
    eventually("the first render", || {
        folder.join("public/index.html").is_file()
    });
    std::process::Command::new("kill")
        .args(["-INT", &pid.to_string()])
        .status()
        .unwrap();
    let mut child = child;
    let status = child.0.wait().unwrap();
    assert!(status.success(), "{status:?}");
    assert!(!folder.exists(), "{} is left behind", folder.display());
}

/// A tab that goes away frees its event stream: the server's open sockets
/// come back to what they were.
#[test]
fn closed_tabs_free_their_event_streams() {
    let serving = Serving::start();
    let pid = serving._server.0.id();
    let sockets = || {
        std::fs::read_dir(format!("/proc/{pid}/fd"))
            .unwrap()
            .filter_map(|fd| std::fs::read_link(fd.ok()?.path()).ok())
            .filter(|target| target.to_string_lossy().starts_with("socket:"))
            .count()
    };
    let before = sockets();
    let mut tabs = Vec::new();
    for _ in 0..20 {
        let mut tab = TcpStream::connect(("127.0.0.1", serving.port)).unwrap();
        write!(
            tab,
            "GET /__convene/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
        )
        .unwrap();
        tabs.push(tab);
    }
    eventually("the tabs' streams", || sockets() >= before + 20);
    drop(tabs);
    let start = Instant::now();
    while sockets() > before && start.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(200));
    }
    assert!(
        sockets() <= before,
        "{} sockets open, {before} before",
        sockets()
    );
}

/// The leak rule through `serve`, on a generated site: after each edit
/// that takes something off the hub, neither the hub's port nor its
/// preview folder holds any trace of it.
#[test]
fn serve_takes_things_off_the_hub_at_once() {
    use support::corpus::{generate, Sizes};
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    let sizes = Sizes {
        people: 40,
        stories: 24,
        guidelines: 4,
        campaigns: 2,
    };
    generate(&site, &sizes, 11).unwrap();
    let serving = Serving::on(tmp, site.clone());
    let port = serving.port;
    let public = serving.public_folder();

    let public_files = |dir: &str| -> Vec<std::path::PathBuf> {
        let mut found: Vec<_> = std::fs::read_dir(site.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                let text = read(p);
                !text.contains("public: false")
                    && !text.contains("draft: true")
                    && !text.contains("audience: internal")
                    && !text.contains("publish_after:")
                    // A consent review that has passed (the generator's are
                    // in 2020 or 2099) takes a profile off the hub too.
                    && !text.contains("consent_review: 2020-")
            })
            .collect();
        found.sort();
        found
    };
    let people = public_files("people");
    let stories = public_files("stories");
    let slug = |p: &std::path::Path| p.file_stem().unwrap().to_string_lossy().to_string();
    let story_slug = |p: &std::path::Path| slug(p)[11..].to_string();

    // A mark in each item's body, so its traces can be looked for.
    let mark = |path: &std::path::Path, mark: &str| {
        std::fs::write(path, read(path) + &format!("\nTrace {mark}.\n")).unwrap();
    };
    // The preview changes while it is read: files that go are skipped.
    let files = || -> Vec<(String, String)> {
        walkdir::WalkDir::new(&public)
            .into_iter()
            .filter_map(Result::ok)
            .filter_map(|e| {
                let text = std::fs::read(e.path()).ok()?;
                let rel = e
                    .path()
                    .strip_prefix(&public)
                    .ok()?
                    .to_string_lossy()
                    .into_owned();
                Some((rel, String::from_utf8_lossy(&text).into_owned()))
            })
            .collect()
    };
    let traced = |mark: &str| -> bool { files().iter().any(|(_, text)| text.contains(mark)) };
    let (withdrawn, broken) = (&people[0], &people[1]);
    let (internal, deleted) = (&stories[0], &stories[1]);
    for (path, m) in [
        (withdrawn, "MARK-WITHDRAWN"),
        (broken, "MARK-BROKEN"),
        (internal, "MARK-INTERNAL"),
        (deleted, "MARK-DELETED"),
    ] {
        mark(path, m);
        eventually(m, || traced(m));
    }
    // Gone from the hub: its mark, its page, and every list or link to it.
    let gone = |what: &str, m: &str, page: &str| {
        let address = page.trim_matches('/').to_string();
        let listed = || {
            files().iter().any(|(path, text)| {
                path.starts_with(&address) || text.contains(&format!("{address}/"))
            })
        };
        eventually(what, || !traced(m) && get(port, page).0 == 404 && !listed());
        assert!(!get(port, "/people/").1.contains(m) && !get(port, "/").1.contains(m));
    };

    // Consent withdrawn.
    std::fs::write(
        withdrawn,
        read(withdrawn).replace("public: true", "public: false"),
    )
    .unwrap();
    gone(
        "consent withdrawn",
        "MARK-WITHDRAWN",
        &format!("/people/{}/", slug(withdrawn)),
    );

    // A story made internal.
    std::fs::write(
        internal,
        read(internal).replacen("---\n", "---\naudience: internal\n", 1),
    )
    .unwrap();
    gone(
        "story made internal",
        "MARK-INTERNAL",
        &format!("/stories/{}/", story_slug(internal)),
    );

    // A story deleted.
    std::fs::remove_file(deleted).unwrap();
    gone(
        "story deleted",
        "MARK-DELETED",
        &format!("/stories/{}/", story_slug(deleted)),
    );

    // A privacy field broken: the file is off the hub until it is fixed.
    std::fs::write(
        broken,
        read(broken).replace("public: true", "public: yes please"),
    )
    .unwrap();
    gone(
        "privacy field broken",
        "MARK-BROKEN",
        &format!("/people/{}/", slug(broken)),
    );
    assert!(serving
        .problems()
        .contains(&format!("people/{}.md", slug(broken))));

    // The playbook still shows them all (but the deleted story).
    for (page, m) in [
        (format!("/people/{}/", slug(withdrawn)), "MARK-WITHDRAWN"),
        (
            format!("/stories/{}/", story_slug(internal)),
            "MARK-INTERNAL",
        ),
        (format!("/people/{}/", slug(broken)), "MARK-BROKEN"),
    ] {
        assert!(
            get(port + 1, &page).1.contains(m),
            "{page} missing from the playbook"
        );
    }
}

/// After a change that renders everything again (a template), the page on
/// screen is rendered first: open tabs hear that it changed before they
/// hear that everything did, and it shows the change.
#[test]
fn the_page_on_screen_is_rendered_first() {
    let serving = Serving::start();
    let port = serving.port;
    let mut tab = Tab::open(port);
    // Someone is looking at a profile.
    assert_eq!(get(port, "/people/callum-fraser/").0, 200);

    let theme = read(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("themes/default/templates/person.html"),
    );
    let own = serving.site.join("templates/person.html");
    std::fs::create_dir_all(own.parent().unwrap()).unwrap();
    std::fs::write(
        &own,
        theme.replacen(
            "{% block content %}",
            "{% block content %}<p>Our own profile page</p>",
            1,
        ),
    )
    .unwrap();
    let heard = tab.hear_until("data: reload").to_string();
    let first = heard.find("data: pages /people/callum-fraser/");
    let reload = heard.find("data: reload");
    assert!(
        first.is_some_and(|f| Some(f) < reload),
        "the profile on screen was not announced before everything: {heard}"
    );
    assert!(get(port, "/people/callum-fraser/")
        .1
        .contains("Our own profile page"));
    assert!(get(port, "/people/amara-okafor/")
        .1
        .contains("Our own profile page"));

    // The site's own interface texts are followed too.
    std::fs::create_dir_all(serving.site.join("i18n")).unwrap();
    std::fs::write(
        serving.site.join("i18n/en.ftl"),
        "people-title = Our people\n",
    )
    .unwrap();
    eventually("the site's own words", || {
        get(port, "/people/").1.contains("<h1>Our people</h1>")
    });
}

/// Every file of the served hub, with its text (files that go while it
/// is read are skipped).
fn served_files(public: &std::path::Path) -> Vec<(String, String)> {
    walkdir::WalkDir::new(public)
        .into_iter()
        .filter_map(Result::ok)
        .filter_map(|e| {
            let text = std::fs::read(e.path()).ok()?;
            let rel = e.path().strip_prefix(public).ok()?;
            Some((
                rel.to_string_lossy().into_owned(),
                String::from_utf8_lossy(&text).into_owned(),
            ))
        })
        .collect()
}

/// While a template override does not compile, a file deleted and consent
/// withdrawn in two files at once (both read the whole site again) still
/// take their people off the hub at once: their pages in every language,
/// their vCards, and every list and link to them. The last good templates
/// render the hub meanwhile.
#[test]
fn things_leave_the_hub_while_a_template_is_broken() {
    let serving = Serving::start();
    let port = serving.port;
    let public = serving.public_folder();
    for page in [
        "/people/dev-patel/",
        "/cy/people/dev-patel/",
        "/people/dev-patel/dev-patel.vcf",
        "/people/callum-fraser/",
        "/people/eilidh-macleod/",
    ] {
        assert_eq!(get(port, page).0, 200, "{page}");
    }
    std::fs::create_dir_all(serving.site.join("templates")).unwrap();
    std::fs::write(serving.site.join("templates/404.html"), "{% if %}broken").unwrap();
    eventually("the template problem", || {
        serving.printed("template problem") > 0
    });

    // Gone from the hub: no page, and no file that lists or links to them.
    let gone = |slugs: &[&str]| {
        for slug in slugs {
            let address = format!("people/{slug}/");
            eventually(slug, || {
                get(port, &format!("/{address}")).0 == 404
                    && get(port, &format!("/cy/{address}")).0 == 404
                    && !served_files(&public).iter().any(|(path, text)| {
                        path.contains(&format!("people/{slug}")) || text.contains(&address)
                    })
            });
        }
    };
    std::fs::remove_file(serving.site.join("people/dev-patel.md")).unwrap();
    gone(&["dev-patel"]);
    assert_eq!(get(port, "/people/dev-patel/dev-patel.vcf").0, 404);

    // Two files at once.
    let withdraw = |slug: &str| {
        let file = serving.site.join(format!("people/{slug}.md"));
        let text = read(&file).replace("public: true", "public: false");
        std::fs::write(file, text).unwrap();
    };
    withdraw("callum-fraser");
    withdraw("eilidh-macleod");
    gone(&["callum-fraser", "eilidh-macleod"]);
    for list in ["/people/", "/people/directory.js", "/"] {
        let (_, text) = get(port, list);
        for name in ["Callum Fraser", "Eilidh MacLeod", "Dev Patel"] {
            assert!(!text.contains(name), "{list} names {name}");
        }
    }
    // The rest of the hub is still served, and the playbook still has them.
    assert_eq!(get(port, "/people/amara-okafor/").0, 200);
    assert!(get(port + 1, "/people/callum-fraser/")
        .1
        .contains("Callum Fraser"));
}

/// A save whose public text holds someone's private value is leak-scanned
/// like a build: the page holding it is not served on the hub, the
/// problem is shown, and the page comes back once the value is gone. A
/// private value new in the saved file itself is looked for at once.
#[test]
fn a_saved_page_holding_a_private_value_is_kept_off_the_hub() {
    let serving = Serving::start();
    let port = serving.port;
    let public = serving.public_folder();
    let file = serving.site.join("people/amara-okafor.md");
    let original = read(&file);
    let held = |value: &str| {
        served_files(&public)
            .iter()
            .any(|(_, text)| text.contains(value))
    };

    // Joss Reid's internal phone, pasted into a public bio.
    std::fs::write(
        &file,
        format!("{original}\nUrgent safeguarding concerns: call 07700 900113 any time.\n"),
    )
    .unwrap();
    eventually("the playbook's copy", || {
        get(port + 1, "/people/amara-okafor/")
            .1
            .contains("Urgent safeguarding")
    });
    eventually("the profile to leave the hub", || {
        get(port, "/people/amara-okafor/").0 == 404
    });
    assert!(!held("07700 900113"));
    assert!(!get(port, "/people/amara-okafor/").1.contains("900113"));
    eventually("the problem", || !serving.problems().is_empty());
    assert!(serving.printed("Joss Reid's internal `phone`") > 0);

    // Taken out again: the page is back.
    std::fs::write(&file, &original).unwrap();
    eventually("the profile to come back", || {
        get(port, "/people/amara-okafor/").0 == 200
    });
    eventually("the problem to clear", || serving.problems().is_empty());

    // A new internal detail of her own, in the same save as a bio that
    // says it: what is looked for follows the saved file.
    let own = original
        .replacen(
            "internal:\n",
            "internal:\n  home: \"14 Otterbank Lane\"\n",
            1,
        )
        .replace(
            "I lead our small",
            "Drop round at 14 Otterbank Lane. I lead our small",
        );
    std::fs::write(&file, own).unwrap();
    eventually("the playbook's copy", || {
        get(port + 1, "/people/amara-okafor/")
            .1
            .contains("Drop round")
    });
    eventually("the profile to leave the hub", || {
        get(port, "/people/amara-okafor/").0 == 404
    });
    assert!(!held("Otterbank"));

    // A public page already says what another file makes private later:
    // the pages that save does not render are scanned again too.
    std::fs::write(
        &file,
        original.replace(
            "I lead our small",
            "The desk is on 01632 960999. I lead our small",
        ),
    )
    .unwrap();
    eventually("the public bio", || {
        get(port, "/people/amara-okafor/")
            .1
            .contains("01632 960999")
    });
    let joss = serving.site.join("people/joss-reid.md");
    std::fs::write(
        &joss,
        read(&joss).replacen("internal:\n", "internal:\n  desk: \"01632 960999\"\n", 1),
    )
    .unwrap();
    eventually("the profile to leave the hub again", || {
        get(port, "/people/amara-okafor/").0 == 404
    });
    assert!(!held("01632 960999"));
}

/// The hub's port shows where a problem is, but never a private value or
/// the name of someone off the hub, nor a file that names them; the
/// playbook's port and the terminal say it all.
#[test]
fn the_hubs_problems_never_name_what_is_private() {
    let serving = Serving::start();
    let port = serving.port;
    let private = ["Joss", "joss-reid", "07700 900113"];
    let discreet = |text: &str| private.iter().all(|p| !text.contains(p));

    // A static file naming someone off the hub.
    std::fs::write(
        serving.site.join("static/team.txt"),
        "Our safeguarding lead is Joss Reid.\n",
    )
    .unwrap();
    eventually("the leak found", || {
        serving.printed("reached the public hub's team.txt") > 0
    });
    assert_eq!(get(port, "/team.txt").0, 404);
    eventually("the problem shown", || !serving.problems().is_empty());
    let shown = serving.problems();
    assert!(discreet(&shown), "{shown}");
    let (_, playbook) = get(port + 1, "/__convene/problems");
    assert!(playbook.contains("the name of Joss Reid"), "{playbook}");
    std::fs::remove_file(serving.site.join("static/team.txt")).unwrap();
    eventually("the problem to clear", || serving.problems().is_empty());

    // A private phone in a public bio: the hub names the bio's file.
    let file = serving.site.join("people/amara-okafor.md");
    std::fs::write(
        &file,
        read(&file) + "\nUrgent safeguarding concerns: call 07700 900113 any time.\n",
    )
    .unwrap();
    eventually("the whole-site check's error", || {
        serving.printed("this public text contains Joss Reid's internal `phone`") > 0
    });
    eventually("the problems shown", || {
        serving.problems().contains("people/amara-okafor.md:")
    });
    let shown = serving.problems();
    assert!(discreet(&shown), "{shown}");
    let (_, playbook) = get(port + 1, "/__convene/problems");
    assert!(playbook.contains("people/joss-reid.md"), "{playbook}");
}

/// Without `--now`, serve's "now" moves with the clock: an embargo that
/// lifts while serve runs puts the story on the preview hub then, without
/// a save (and a consent review that passes takes its person off, by the
/// same rebuild: `audience::left_the_hub` compares the two times).
#[test]
fn an_embargo_lifting_while_serve_runs_shows_then() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_site(&example_site(), &site);
    // Whole seconds, as written in the file.
    let lifts = chrono::DateTime::from_timestamp(chrono::Utc::now().timestamp() + 4, 0).unwrap();
    std::fs::write(
        site.join("stories/2026-12-01-lifts-soon.md"),
        format!(
            "---\ntitle: Lifts soon\ndate: 2026-12-01\nsummary: A story under a short embargo.\n\
             publish_after: {}\n---\n\nNews.\n",
            lifts.format("%Y-%m-%dT%H:%M:%SZ")
        ),
    )
    .unwrap();
    let serving = Serving::at(tmp, site, None);
    let port = serving.port;
    assert_eq!(
        get(port, "/stories/lifts-soon/").0,
        404,
        "shown before its embargo lifts"
    );
    assert_eq!(
        get(port + 1, "/stories/lifts-soon/").0,
        200,
        "the playbook has it"
    );
    let start = Instant::now();
    while get(port, "/stories/lifts-soon/").0 != 200 {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the story never reached the hub after its embargo lifted"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(
        chrono::Utc::now() >= lifts,
        "the story was shown before its embargo lifted"
    );
}
