//! `convene init` writes CI files that are valid YAML, run on pull requests,
//! the main branch and a schedule, install convene by downloading a release
//! whose checksum they verify, and call convene commands that work on the
//! site they sit beside.

mod support;

use serde_yaml::Value;
use std::path::Path;
use support::site::*;

fn init() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("hub");
    let out = convene()
        .args(["init", &site.to_string_lossy()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    (tmp, site)
}

fn yaml(path: &Path) -> Value {
    serde_yaml::from_str(&read(path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every shell line in the file that runs convene, as written.
fn convene_lines(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| {
            let l = l
                .trim()
                .trim_start_matches("- ")
                .trim_start_matches("run: ");
            l.starts_with("convene ").then(|| l.to_string())
        })
        .collect()
}

/// Run a `convene ...` line from CI inside the site folder, as CI would.
fn run_in(site: &Path, line: &str) -> std::process::Output {
    let args: Vec<&str> = line.split_whitespace().skip(1).collect();
    convene()
        .args(&args)
        .args(["--now", NOW])
        .current_dir(site)
        .output()
        .unwrap()
}

#[test]
fn the_github_workflow_checks_pull_requests_and_publishes_main() {
    let (_tmp, site) = init();
    let path = site.join(".github/workflows/convene.yml");
    let workflow = yaml(&path);
    let on = &workflow["on"];
    assert!(on.get("pull_request").is_some());
    assert_eq!(on["push"]["branches"][0], "main");
    // Hourly, so embargoes lift and consent reviews take effect unpushed.
    assert_eq!(on["schedule"][0]["cron"], "5 * * * *");
    let jobs = &workflow["jobs"];
    let steps = |job: &str| format!("{:?}", jobs[job]["steps"]);
    assert!(steps("check").contains("sh ci/install-convene.sh"));
    assert!(steps("check").contains("convene check . --format github"));
    assert!(steps("build").contains("sh ci/install-convene.sh"));
    assert!(steps("build").contains("upload-pages-artifact"));
    assert!(steps("build").contains("dist/public"));
    assert!(steps("build").contains("dist/playbook"));
    assert!(steps("deploy").contains("deploy-pages"));
    assert_eq!(jobs["deploy"]["permissions"]["pages"], "write");

    let text = read(&path);
    let lines = convene_lines(&text);
    assert_eq!(lines.len(), 2, "{lines:?}");
    for line in &lines {
        let out = run_in(&site, line);
        assert_eq!(out.status.code(), Some(0), "{line}: {}", stderr(&out));
    }
    // The folders the workflow uploads are the ones the build wrote.
    assert!(site.join("dist/public/index.html").is_file());
    assert!(site.join("dist/playbook/index.html").is_file());
}

#[test]
fn the_gitlab_pipeline_checks_merge_requests_and_publishes_pages() {
    let (_tmp, site) = init();
    let path = site.join(".gitlab-ci.yml");
    let pipeline = yaml(&path);
    assert_eq!(pipeline["pages"]["artifacts"]["paths"][0], "public");
    assert_eq!(
        pipeline["playbook"]["artifacts"]["paths"][0],
        "dist/playbook"
    );
    assert_eq!(pipeline["playbook"]["artifacts"]["access"], "developer");
    let rule = |job: &str| format!("{:?}", pipeline[job]["rules"]);
    assert!(rule("check").contains("merge_request_event"));
    // Merges and scheduled pipelines both run on the default branch.
    assert!(rule("pages").contains("CI_DEFAULT_BRANCH"));
    assert!(!rule("pages").contains("CI_PIPELINE_SOURCE"));
    assert!(read(&path).contains("Pipeline schedules"));
    let setup = format!("{:?}", pipeline["default"]["before_script"]);
    assert!(setup.contains("sh ci/install-convene.sh"), "{setup}");

    let text = read(&path);
    let lines = convene_lines(&text);
    assert_eq!(lines.len(), 3, "{lines:?}");
    for line in &lines {
        let out = run_in(&site, line);
        assert_eq!(out.status.code(), Some(0), "{line}: {}", stderr(&out));
    }
    // The pages job then moves dist/public to public/.
    assert!(site.join("dist/public/index.html").is_file());
}

#[test]
fn init_writes_the_publishing_guide_and_ignores_the_output() {
    let (_tmp, site) = init();
    assert!(read(&site.join("PUBLISHING.md")).contains("keep the repository private"));
    assert!(read(&site.join(".gitignore")).contains("dist/"));
}

/// The files `init` writes for publishing, as text.
fn publishing_files(site: &Path) -> Vec<(String, String)> {
    [
        ".github/workflows/convene.yml",
        ".gitlab-ci.yml",
        "ci/install-convene.sh",
    ]
    .iter()
    .map(|rel| (rel.to_string(), read(&site.join(rel))))
    .collect()
}

#[test]
fn ci_pins_the_running_version_on_one_line_and_names_no_package() {
    let (_tmp, site) = init();
    let version = env!("CARGO_PKG_VERSION");
    let workflow = yaml(&site.join(".github/workflows/convene.yml"));
    assert_eq!(workflow["env"]["CONVENE_VERSION"], version);
    let pipeline = yaml(&site.join(".gitlab-ci.yml"));
    assert_eq!(pipeline["variables"]["CONVENE_VERSION"], version);
    for (rel, text) in publishing_files(&site) {
        assert!(!text.contains("@CONVENE_VERSION@"), "{rel}");
        // Nothing is installed by package name: the registry's `convene`
        // is someone else's.
        assert!(!text.contains("cargo install"), "{rel}");
        let pins = text.lines().filter(|l| l.contains(version)).count();
        assert!(pins <= 1, "{rel} names the version on {pins} lines");
    }
    // Releases are downloaded from this project's repository.
    let script = read(&site.join("ci/install-convene.sh"));
    let releases = format!("{}/releases/download", env!("CARGO_PKG_REPOSITORY"));
    assert!(script.contains(&releases), "{releases}");
}

/// The archive name the release workflow gives a target's build, for `tag`.
fn release_archive(tag: &str, target: &str) -> String {
    let release =
        read(&Path::new(env!("CARGO_MANIFEST_DIR")).join(".github/workflows/release.yml"));
    assert!(release.contains(r#"name="convene-$GITHUB_REF_NAME-${{ matrix.target }}""#));
    assert!(
        release.contains(&format!("target: {target},")),
        "{target} is not released"
    );
    let ext = if target.contains("windows") {
        "zip"
    } else {
        "tar.gz"
    };
    format!("convene-{tag}-{target}.{ext}")
}

#[test]
fn binstall_downloads_the_archives_the_release_workflow_makes() {
    let manifest: toml::Value = toml::from_str(&read(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"),
    ))
    .unwrap();
    let binstall = &manifest["package"]["metadata"]["binstall"];
    let repo = env!("CARGO_PKG_REPOSITORY");
    let version = env!("CARGO_PKG_VERSION");
    for target in [
        "x86_64-unknown-linux-musl",
        "aarch64-unknown-linux-musl",
        "aarch64-apple-darwin",
        "x86_64-apple-darwin",
        "x86_64-pc-windows-msvc",
    ] {
        let overridden = binstall
            .get("overrides")
            .and_then(|o| o.get(target))
            .and_then(|o| o.get("pkg-url"));
        let url = overridden.unwrap_or(&binstall["pkg-url"]).as_str().unwrap();
        let url = url
            .replace("{ repo }", repo)
            .replace("{ version }", version)
            .replace("{ target }", target);
        let archive = release_archive(&format!("v{version}"), target);
        assert_eq!(
            url,
            format!("{repo}/releases/download/v{version}/{archive}")
        );
        // The binary is in a folder named like the archive.
        let bin_dir = binstall["bin-dir"].as_str().unwrap();
        let folder = archive.trim_end_matches(".zip").trim_end_matches(".tar.gz");
        assert_eq!(
            bin_dir
                .replace("{ version }", version)
                .replace("{ target }", target),
            format!("{folder}/{{ bin }}{{ binary-ext }}")
        );
    }
}

/// A release laid out as the release workflow publishes it, in a local
/// folder, with the test's own convene binary in the archive.
#[cfg(target_os = "linux")]
fn fake_release(dir: &Path, tamper: bool) -> String {
    let version = env!("CARGO_PKG_VERSION");
    let target = format!("{}-unknown-linux-musl", std::env::consts::ARCH);
    let archive = release_archive(&format!("v{version}"), &target);
    let folder = archive.trim_end_matches(".tar.gz");
    let release = dir.join(format!("v{version}"));
    std::fs::create_dir_all(release.join(folder)).unwrap();
    std::fs::copy(
        env!("CARGO_BIN_EXE_convene"),
        release.join(folder).join("convene"),
    )
    .unwrap();
    let run = |cmd: &mut std::process::Command| {
        let out = cmd.current_dir(&release).output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        out.stdout
    };
    run(std::process::Command::new("tar").args(["-czf", &archive, folder]));
    let sum = run(std::process::Command::new("sha256sum").arg(&archive));
    std::fs::write(release.join(format!("{archive}.sha256")), sum).unwrap();
    if tamper {
        std::fs::write(
            release.join(folder).join("convene"),
            "#!/bin/sh\necho evil\n",
        )
        .unwrap();
        run(std::process::Command::new("tar").args(["-czf", &archive, folder]));
    }
    format!("file://{}", dir.display())
}

#[cfg(target_os = "linux")]
fn install(site: &Path, releases: &str) -> std::process::Output {
    std::process::Command::new("sh")
        .arg("ci/install-convene.sh")
        .current_dir(site)
        .env("CONVENE_VERSION", env!("CARGO_PKG_VERSION"))
        .env("CONVENE_RELEASES", releases)
        .env_remove("GITHUB_PATH")
        .output()
        .unwrap()
}

#[cfg(target_os = "linux")]
#[test]
fn the_install_script_installs_a_release_whose_checksum_matches() {
    let (tmp, site) = init();
    let releases = fake_release(&tmp.path().join("releases"), false);
    let out = install(&site, &releases);
    assert!(out.status.success(), "{}", stderr(&out));
    let installed = site.join(".convene/bin/convene");
    let version = std::process::Command::new(&installed)
        .arg("--version")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("convene {}", env!("CARGO_PKG_VERSION"))
    );
}

#[cfg(target_os = "linux")]
#[test]
fn the_install_script_refuses_an_archive_that_does_not_match_its_checksum() {
    let (tmp, site) = init();
    let releases = fake_release(&tmp.path().join("releases"), true);
    let out = install(&site, &releases);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("does not match"), "{}", stderr(&out));
    assert!(!site.join(".convene/bin/convene").exists());
}
