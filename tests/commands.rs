//! `convene init` and `convene new` produce sites and files that build.

mod support;

use convene::frontmatter::FrontMatter;
use std::path::{Path, PathBuf};
use support::site::*;

#[test]
fn init_scaffolds_the_example_site_which_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("our-hub");
    let result = convene()
        .args(["init", &site.to_string_lossy()])
        .output()
        .unwrap();
    assert!(result.status.success(), "{}", stderr(&result));
    let mut written = tree(&site);
    for rel in [
        ".github/workflows/convene.yml",
        ".gitlab-ci.yml",
        "ci/install-convene.sh",
        "PUBLISHING.md",
        ".gitignore",
    ] {
        assert!(written.remove(std::path::Path::new(rel)).is_some(), "{rel}");
    }
    let example = tree(&example_site());
    let differ: Vec<_> = written
        .keys()
        .chain(example.keys())
        .filter(|k| written.get(*k) != example.get(*k))
        .collect();
    assert!(
        differ.is_empty(),
        "init should write the example site as it is; these differ: {differ:?}"
    );
    assert!(build(&site, &tmp.path().join("dist")).status.success());
    // A second init into the same folder refuses rather than overwriting.
    let again = convene()
        .args(["init", &site.to_string_lossy()])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2));
}

#[test]
fn new_files_have_front_matter_that_checks_clean() {
    let tmp = tempfile::tempdir().unwrap();
    let site = initialised(tmp.path());
    for (kind, name, folder) in [
        ("person", "Zoë Ngozi Mensah", "people/zo-ngozi-mensah.md"),
        (
            "guideline",
            "Live-posting at events",
            "guidelines/live-posting-at-events.md",
        ),
        (
            "campaign",
            "Spring Clean 2027",
            "campaigns/spring-clean-2027.md",
        ),
    ] {
        let out = convene()
            .args(["new", kind, name, "--site", &site.to_string_lossy()])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(site.join(folder).exists(), "{folder} not created");
    }
    let story = convene()
        .args([
            "new",
            "story",
            "A day on the river",
            "--site",
            &site.to_string_lossy(),
        ])
        .output()
        .unwrap();
    assert!(story.status.success());
    let path = String::from_utf8(story.stdout).unwrap();
    assert!(path.trim().ends_with("-a-day-on-the-river.md"), "{path}");
    // A new story is a draft: in the playbook only, until someone says so.
    let story_path = std::path::PathBuf::from(path.trim());
    assert_eq!(front_matter(&story_path)["draft"].as_bool(), Some(true));

    let check = convene()
        .args(["check", &site.to_string_lossy(), "--format", "json"])
        .output()
        .unwrap();
    let diags: serde_json::Value = serde_json::from_slice(&check.stderr).unwrap();
    let errors: Vec<_> = diags
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // A new person is private until they consent.
    let person = front_matter(&site.join("people/zo-ngozi-mensah.md"));
    assert_eq!(person["public"].as_bool(), Some(false));
    // Creating the same file twice refuses.
    let twice = convene()
        .args([
            "new",
            "person",
            "Zoë Ngozi Mensah",
            "--site",
            &site.to_string_lossy(),
        ])
        .status()
        .unwrap();
    assert_eq!(twice.code(), Some(2));
}

/// The top-level fields in a YAML text, written or commented out
/// (`# photo: ...`), each with whether a comment line is just above it.
fn explained_fields(text: &str) -> Vec<(String, bool)> {
    let mut fields = Vec::new();
    let mut after_comment = false;
    for line in text.lines() {
        if let Some(key) = field(line.strip_prefix("# ").unwrap_or(line)) {
            fields.push((key.to_string(), after_comment));
        }
        after_comment = line.trim_start().starts_with('#');
    }
    fields
}

/// `key` in a line `key: value`.
fn field(line: &str) -> Option<&str> {
    let (key, _) = line.split_once(':')?;
    key.chars()
        .all(|c| c.is_ascii_lowercase() || c == '_')
        .then_some(key)
}

#[test]
fn init_blank_starts_one_of_each_kind_with_every_field_explained() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("blank");
    let result = convene()
        .args(["init", &site.to_string_lossy(), "--blank"])
        .output()
        .unwrap();
    assert!(result.status.success(), "{}", stderr(&result));
    // Hints name convene commands, which work on every system (no `open`).
    let hints = stderr(&result);
    let next: Vec<&str> = hints
        .lines()
        .skip_while(|l| *l != "next:")
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .collect();
    assert_eq!(next.len(), 2, "{hints}");
    for line in next {
        assert!(line.trim_start().starts_with("convene "), "{line}");
    }

    let written = tree(&site);
    for (folder, keys) in [
        ("people", convene::model::PersonMeta::KEYS),
        ("stories", convene::model::StoryMeta::KEYS),
        ("guidelines", convene::model::GuidelineMeta::KEYS),
        ("campaigns", convene::model::CampaignMeta::KEYS),
    ] {
        let files: Vec<_> = written.keys().filter(|p| p.starts_with(folder)).collect();
        assert_eq!(files.len(), 1, "{folder}: {files:?}");
        let text = read(&site.join(files[0]));
        let front = text.split("---").nth(1).unwrap();
        let fields = explained_fields(front);
        for key in keys {
            let found = fields.iter().find(|(k, _)| k == key);
            assert!(
                found.is_some(),
                "{folder}: `{key}` is not in the blank file"
            );
            assert!(
                found.unwrap().1,
                "{folder}: `{key}` has no comment above it"
            );
        }
    }
    let hub = read(&site.join("hub.yaml"));
    let fields = explained_fields(&hub);
    for key in convene::SiteConfig::KEYS {
        let found = fields.iter().find(|(k, _)| k == key);
        assert!(
            found.is_some_and(|f| f.1),
            "hub.yaml: `{key}` missing or unexplained"
        );
    }

    // It checks clean, warnings included, and builds both sites.
    let (code, diagnostics) = check_json(&site);
    assert_eq!((code, diagnostics), (0, vec![]));
    let out = tmp.path().join("dist");
    assert!(build(&site, &out).status.success());
    for site in ["public", "playbook"] {
        assert!(out.join(site).join("index.html").is_file());
    }
    assert!(out.join("playbook/people/sam-example/index.html").is_file());
    // Sam has not consented yet and the story is a draft: the hub starts empty.
    assert!(!out.join("public/people/sam-example").exists());
    assert!(files_containing(&out.join("public"), "Sam Example").is_empty());
    assert!(Path::new(&site.join(".github/workflows/convene.yml")).is_file());
}

/// Any name makes a file that reads as YAML, with the name as written.
#[test]
fn new_files_are_valid_yaml_for_any_name_and_need_a_site() {
    let tmp = tempfile::tempdir().unwrap();
    let site = initialised(tmp.path());
    for name in [
        "O'Brien \"Ro\" \\ Smith",
        "Policy: #1 [draft] {x} & *y* %z @w `c`",
        "Line\nbreak",
    ] {
        for kind in ["person", "story", "guideline", "campaign"] {
            let out = convene()
                .args(["new", kind, name, "--site", &site.to_string_lossy()])
                .output()
                .unwrap();
            assert!(out.status.success(), "{kind} {name:?}: {}", stderr(&out));
            let path = std::path::PathBuf::from(String::from_utf8(out.stdout).unwrap().trim());
            let fm = front_matter(&path);
            let key = if kind == "person" { "name" } else { "title" };
            assert_eq!(fm[key].as_str(), Some(name), "{kind} {name:?}");
        }
    }
    // Outside a site it refuses, and writes nothing.
    let elsewhere = tmp.path().join("not-a-site");
    std::fs::create_dir_all(&elsewhere).unwrap();
    let out = convene()
        .args([
            "new",
            "person",
            "Amara Okafor",
            "--site",
            &elsewhere.to_string_lossy(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no hub.yaml"), "{}", stderr(&out));
    assert!(!elsewhere.join("people").exists());
}

/// A site made by `convene init` in `dir/hub`.
fn initialised(dir: &Path) -> PathBuf {
    let site = dir.join("hub");
    assert!(convene()
        .args(["init", &site.to_string_lossy()])
        .status()
        .unwrap()
        .success());
    site
}
