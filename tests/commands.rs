//! `convene init` and `convene new` produce sites and files that build.

mod support;

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
    let site = tmp.path().join("hub");
    assert!(convene()
        .args(["init", &site.to_string_lossy()])
        .status()
        .unwrap()
        .success());
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
