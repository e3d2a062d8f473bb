//! `convene init --playbook-host` writes the configuration for each place
//! the playbook can be served behind a login, and each one reads as its
//! host will read it. Caddy and nginx are also run with their file, here,
//! on 127.0.0.1 (`cargo test --test playbook_hosts -- --include-ignored`,
//! as .ci/run does; they need caddy, nginx and openssl installed).

mod support;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use support::site::*;

/// `init --playbook-host HOST --blank` into a fresh folder.
fn init_for(host: &str) -> (tempfile::TempDir, PathBuf, String) {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("hub");
    let out = convene()
        .args([
            "init",
            &site.to_string_lossy(),
            "--blank",
            "--playbook-host",
            host,
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{host}: {}", stderr(&out));
    (tmp, site, stderr(&out))
}

fn toml_file(path: &Path) -> toml::Table {
    toml::from_str(&read(path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_host_gets_its_file_and_the_message_names_it() {
    for (host, file) in [
        ("gitlab-pages", "playbook-host/gitlab-ci.yml"),
        ("cloudflare", "wrangler.toml"),
        ("netlify", "netlify.toml"),
        ("caddy", "playbook-host/Caddyfile"),
        ("nginx", "playbook-host/nginx.conf"),
        ("file-share", "playbook-host/file-share.md"),
    ] {
        let (_tmp, site, message) = init_for(host);
        assert!(site.join(file).is_file(), "{host}: {file} not written");
        assert!(message.contains(file), "{host}: {message}");
        assert!(!read(&site.join(file)).contains("@CONVENE_VERSION@"));
    }
    let unknown = convene()
        .args(["init", "nowhere", "--playbook-host", "geocities"])
        .output()
        .unwrap();
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn netlify_and_cloudflare_publish_the_folder_the_build_writes_for_staff() {
    let (tmp, site, _) = init_for("netlify");
    let netlify = toml_file(&site.join("netlify.toml"));
    assert_eq!(netlify["build"]["publish"].as_str(), Some("dist/playbook"));
    assert_eq!(
        netlify["build"]["environment"]["CONVENE_VERSION"].as_str(),
        Some(env!("CARGO_PKG_VERSION"))
    );
    let noindex = &netlify["headers"][0]["values"]["X-Robots-Tag"];
    assert_eq!(noindex.as_str(), Some("noindex, nofollow"));
    // The build command's convene step, run as Netlify runs it, writes that folder.
    let command = netlify["build"]["command"].as_str().unwrap();
    let build = command.split(" && ").nth(1).unwrap();
    let args: Vec<&str> = build.split_whitespace().skip(1).collect();
    let out = convene()
        .args(&args)
        .args(["--now", NOW])
        .current_dir(&site)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(site.join("dist/playbook/index.html").is_file());
    drop(tmp);

    let (_tmp, site, _) = init_for("cloudflare");
    let wrangler = toml_file(&site.join("wrangler.toml"));
    assert_eq!(
        wrangler["pages_build_output_dir"].as_str(),
        Some("dist/playbook")
    );
}

#[test]
fn the_gitlab_playbook_project_publishes_the_site_projects_playbook() {
    let (_tmp, site, _) = init_for("gitlab-pages");
    let path = site.join("playbook-host/gitlab-ci.yml");
    let pipeline: serde_yaml::Value = serde_yaml::from_str(&read(&path)).unwrap();
    let script = format!("{:?}", pipeline["pages"]["script"]);
    // The artifact named by the site's pipeline, moved where Pages looks.
    let site_pipeline: serde_yaml::Value =
        serde_yaml::from_str(&read(&site.join(".gitlab-ci.yml"))).unwrap();
    assert_eq!(site_pipeline["playbook"]["artifacts"]["name"], "playbook");
    assert!(script.contains("job=playbook"), "{script}");
    assert!(script.contains("mv dist/playbook public"), "{script}");
    assert_eq!(pipeline["pages"]["artifacts"]["paths"][0], "public");
}

/// Build the blank site's playbook and write the host file for `host`.
fn playbook_for(host: &str) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let (tmp, site, _) = init_for(host);
    let out = tmp.path().join("dist");
    assert!(build(&site, &out).status.success());
    (tmp, site, out.join("playbook"))
}

fn run_ok(command: &mut std::process::Command) -> String {
    let out = command
        .output()
        .unwrap_or_else(|e| panic!("{command:?}: {e}"));
    assert!(out.status.success(), "{command:?}: {}", stderr(&out));
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// A free port on 127.0.0.1.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The status line and headers of `GET path`, with basic auth if given;
/// waits up to 10 s for the server to start.
fn get(port: u16, path: &str, login: Option<&str>) -> String {
    let auth = login.map_or(String::new(), |l| {
        format!("Authorization: Basic {}\r\n", base64(l.as_bytes()))
    });
    for _ in 0..100 {
        if let Ok(mut stream) = std::net::TcpStream::connect(("127.0.0.1", port)) {
            write!(
                stream,
                "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n{auth}\r\n"
            )
            .unwrap();
            let mut answer = String::new();
            let _ = stream.read_to_string(&mut answer);
            if !answer.is_empty() {
                return answer;
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    panic!("nothing answered on port {port}");
}

fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().fold(0u32, |n, b| n << 8 | *b as u32) << (8 * (3 - chunk.len()));
        for i in 0..=chunk.len() {
            out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    while out.len() % 4 != 0 {
        out.push('=');
    }
    out
}

/// A server started for a test, stopped when dropped.
struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The status code of an HTTP answer.
fn status(answer: &str) -> &str {
    answer.split_whitespace().nth(1).unwrap_or("")
}

/// Without a login: 401; with it: the playbook's pages, the 404 page for
/// what is not there, and a noindex header.
fn assert_serves_playbook_behind_login(port: u16) {
    assert_eq!(status(&get(port, "/", None)), "401");
    assert_eq!(status(&get(port, "/", Some("staff:wrong"))), "401");
    let home = get(port, "/", Some("staff:s3cret"));
    assert_eq!(status(&home), "200", "{home}");
    assert!(
        home.to_lowercase()
            .contains("x-robots-tag: noindex, nofollow"),
        "{home}"
    );
    assert!(home.contains("<body class=\"playbook\">"));
    let person = get(port, "/people/sam-example/", Some("staff:s3cret"));
    assert_eq!(status(&person), "200", "{person}");
    let missing = get(port, "/nobody/", Some("staff:s3cret"));
    assert_eq!(status(&missing), "404", "{missing}");
}

#[test]
#[ignore = "needs caddy; .ci/run runs it"]
fn caddy_serves_the_playbook_only_with_a_password() {
    let (tmp, site, playbook) = playbook_for("caddy");
    let hash = run_ok(std::process::Command::new("caddy").args([
        "hash-password",
        "--plaintext",
        "s3cret",
    ]));
    let port = free_port();
    let config = read(&site.join("playbook-host/Caddyfile"))
        // Plain HTTP on a local port instead of HTTPS on the real address.
        .replace(
            "playbook.example.org {",
            &format!("http://127.0.0.1:{port} {{"),
        )
        .replace("/srv/playbook", &playbook.to_string_lossy())
        .replace("REPLACE-WITH-THE-OUTPUT-OF-caddy-hash-password", &hash);
    let file = tmp.path().join("Caddyfile");
    std::fs::write(&file, config).unwrap();
    let args = [
        "--config",
        &file.to_string_lossy(),
        "--adapter",
        "caddyfile",
    ]
    .map(String::from);
    run_ok(
        std::process::Command::new("caddy")
            .arg("validate")
            .args(&args),
    );
    let _server = Server(
        std::process::Command::new("caddy")
            .arg("run")
            .args(&args)
            .env("HOME", tmp.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap(),
    );
    assert_serves_playbook_behind_login(port);
}

#[test]
#[ignore = "needs nginx and openssl; .ci/run runs it"]
fn nginx_serves_the_playbook_only_with_a_password() {
    let (tmp, site, playbook) = playbook_for("nginx");
    let hash = run_ok(std::process::Command::new("openssl").args(["passwd", "-apr1", "s3cret"]));
    let passwords = tmp.path().join("htpasswd");
    std::fs::write(&passwords, format!("staff:{hash}\n")).unwrap();
    let port = free_port();
    // Plain HTTP on a local port instead of HTTPS on the real address.
    let server_block: String = read(&site.join("playbook-host/nginx.conf"))
        .lines()
        .filter(|l| !l.contains("listen [::]:443") && !l.trim_start().starts_with("ssl_"))
        .map(|l| l.replace("listen 443 ssl;", &format!("listen 127.0.0.1:{port};")) + "\n")
        .collect::<String>()
        .replace("/srv/playbook", &playbook.to_string_lossy())
        .replace("/etc/nginx/playbook.htpasswd", &passwords.to_string_lossy());
    let prefix = tmp.path();
    std::fs::write(prefix.join("site.conf"), server_block).unwrap();
    std::fs::write(
        prefix.join("nginx.conf"),
        format!(
            "pid {0}/nginx.pid;\nerror_log {0}/error.log;\nevents {{}}\nhttp {{\n  access_log off;\n  include {0}/site.conf;\n}}\n",
            prefix.display()
        ),
    )
    .unwrap();
    let nginx = |extra: &[&str]| {
        let mut command = std::process::Command::new("nginx");
        command
            .args([
                "-p",
                &prefix.to_string_lossy(),
                "-c",
                &prefix.join("nginx.conf").to_string_lossy(),
            ])
            .args(extra);
        command
    };
    run_ok(&mut nginx(&["-t"]));
    let _server = Server(
        nginx(&["-g", "daemon off;"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap(),
    );
    assert_serves_playbook_behind_login(port);
}
