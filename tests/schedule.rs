//! `convene build` says when its output will next change by itself (an
//! embargo lifting, a consent review passing), in words, as a GitHub notice
//! and, with `--format json`, as a JSON object on stdout while stderr keeps
//! its documented array of problems.

mod support;

use std::path::Path;
use support::site::*;

fn build_at(site: &Path, out: &Path, now: &str, format: &str) -> std::process::Output {
    convene()
        .args([
            "build",
            &site.to_string_lossy(),
            "--out",
            &out.to_string_lossy(),
        ])
        .args(["--now", now, "--format", format, "--no-images"])
        .output()
        .unwrap()
}

#[test]
fn build_says_when_the_next_embargo_lifts() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("dist");
    let human = build_at(&example_site(), &out, NOW, "human");
    assert!(human.status.success(), "{}", stderr(&human));
    assert!(
        stderr(&human).contains("next change by itself: 2027-03-01T09:00:00Z, when the embargo on stories/2027-03-01-state-of-the-wend.md lifts"),
        "{}",
        stderr(&human)
    );
    let github = build_at(&example_site(), &out, NOW, "github");
    assert!(stderr(&github)
        .contains("::notice title=The hub changes by itself at 2027-03-01T09:00:00Z::"));
}

#[test]
fn json_puts_the_next_change_on_stdout_and_keeps_stderr_an_array() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("dist");
    let json = build_at(&example_site(), &out, NOW, "json");
    assert!(json.status.success());
    let problems: serde_json::Value = serde_json::from_slice(&json.stderr).unwrap();
    assert!(problems.is_array(), "{problems}");
    let summary: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(
        summary,
        serde_json::json!({
            "written": true,
            "next_change": {
                "at": "2027-03-01T09:00:00Z",
                "file": "stories/2027-03-01-state-of-the-wend.md",
                "what": "embargo_lifts",
            },
        })
    );
    // Once the embargo has lifted, the next change is a consent review.
    let later = build_at(&example_site(), &out, "2027-03-01T09:00:00Z", "json");
    let summary: serde_json::Value = serde_json::from_slice(&later.stdout).unwrap();
    assert_eq!(
        summary["next_change"],
        serde_json::json!({
            "at": "2027-07-01T00:00:00Z",
            "file": "people/priya-kaur.md",
            "what": "consent_review_passes",
        })
    );
    // And after that, nothing.
    let quiet = build_at(&example_site(), &out, "2027-07-01T00:00:00Z", "json");
    let summary: serde_json::Value = serde_json::from_slice(&quiet.stdout).unwrap();
    assert_eq!(summary["next_change"], serde_json::Value::Null);
}

#[test]
fn a_build_that_writes_nothing_promises_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_site(&example_site(), &site);
    std::fs::write(site.join("people/broken.md"), "---\nname: [\n---\n").unwrap();
    let json = build_at(&site, &tmp.path().join("dist"), NOW, "json");
    assert_eq!(json.status.code(), Some(1));
    let summary: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(
        summary,
        serde_json::json!({"written": false, "next_change": null})
    );
    let human = build_at(&site, &tmp.path().join("dist"), NOW, "human");
    assert!(!stderr(&human).contains("next change"));
}
