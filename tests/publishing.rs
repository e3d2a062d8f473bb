//! `convene init` writes CI files that are valid YAML, run on pull requests
//! and the main branch, and call convene commands that work on the site
//! they sit beside.

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
    let jobs = &workflow["jobs"];
    let steps = |job: &str| format!("{:?}", jobs[job]["steps"]);
    assert!(steps("check").contains("convene check . --format github"));
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
    assert!(rule("pages").contains("CI_DEFAULT_BRANCH"));

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
