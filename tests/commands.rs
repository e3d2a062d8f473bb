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
        ("person", "Zoë Ngozi Mensah", "people/zoe-ngozi-mensah.md"),
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
    let person = front_matter(&site.join("people/zoe-ngozi-mensah.md"));
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

/// Names with accents and letters from other alphabets make file names
/// (and so addresses) people can read, not ones with letters dropped.
#[test]
fn new_person_files_are_named_with_every_letter() {
    let tmp = tempfile::tempdir().unwrap();
    let site = initialised(tmp.path());
    for (name, file) in [
        ("Zoë Brontë", "zoe-bronte.md"),
        ("Seán Ó Briain", "sean-o-briain.md"),
        ("Łukasz Wałęsa", "lukasz-walesa.md"),
        ("Siân Llŷr", "sian-llyr.md"),
    ] {
        let out = convene()
            .args(["new", "person", name, "--site", &site.to_string_lossy()])
            .output()
            .unwrap();
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        let path = site.join("people").join(file);
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).trim(),
            path.to_string_lossy()
        );
        // The name itself is kept as written.
        assert_eq!(front_matter(&path)["name"].as_str(), Some(name));
    }
}

/// A profile whose file name dropped the accented letters of its name is
/// a warning at the name, with the better file name and the alias that
/// keeps old links working; a nickname is not.
#[test]
fn check_suggests_a_file_name_that_keeps_the_letters_of_a_name() {
    let tmp = tempfile::tempdir().unwrap();
    let site = initialised(tmp.path());
    let person = |name: &str, extra: &str| {
        format!("---\n# A profile\nname: {name}\nresponding_level: 1\n{extra}---\n\nBio.\n")
    };
    std::fs::write(site.join("people/zo-bront.md"), person("Zoë Brontë", "")).unwrap();
    std::fs::write(
        site.join("people/ukasz-wa-sa.md"),
        person("\"Łukasz Wałęsa\"", "aliases: [lukasz-w]\n"),
    )
    .unwrap();
    // Letters written in ASCII and a shortened name are choices, not damage.
    std::fs::write(site.join("people/sian-llyr.md"), person("Siân Llŷr", "")).unwrap();
    std::fs::write(
        site.join("people/liz-smith.md"),
        person("Elizabeth Smith", ""),
    )
    .unwrap();

    let (code, diags) = check_json(&site);
    assert_eq!(code, 0, "{diags:#?}");
    let about: Vec<_> = diags
        .iter()
        .filter(|d| {
            d["message"]
                .as_str()
                .unwrap()
                .contains("leaves letters out")
        })
        .collect();
    assert_eq!(about.len(), 2, "{about:#?}");
    let zoe = about
        .iter()
        .find(|d| d["file"] == "people/zo-bront.md")
        .unwrap();
    assert_eq!(zoe["severity"], "warning");
    assert_eq!(
        (zoe["line"].as_u64(), zoe["column"].as_u64()),
        (Some(3), Some(7))
    );
    assert_eq!(
        zoe["message"],
        "the file name `zo-bront` leaves letters out of the name `Zoë Brontë`"
    );
    assert_eq!(
        zoe["hint"],
        "rename the file people/zoe-bronte.md and add `aliases: [zo-bront]`, so links to /people/zo-bront/ keep working"
    );
    let lukasz = about
        .iter()
        .find(|d| d["file"] == "people/ukasz-wa-sa.md")
        .unwrap();
    assert_eq!(
        (lukasz["line"].as_u64(), lukasz["column"].as_u64()),
        (Some(3), Some(8))
    );
    assert_eq!(
        lukasz["hint"],
        "rename the file people/lukasz-walesa.md and add `ukasz-wa-sa` to its `aliases`, so links to /people/ukasz-wa-sa/ keep working"
    );
    // Followed, the hint gives a site that checks clean and redirects the old address.
    std::fs::remove_file(site.join("people/zo-bront.md")).unwrap();
    std::fs::write(
        site.join("people/zoe-bronte.md"),
        person("Zoë Brontë", "aliases: [zo-bront]\n"),
    )
    .unwrap();
    let (_, diags) = check_json(&site);
    assert!(
        !diags.iter().any(|d| d["file"] == "people/zoe-bronte.md"),
        "{diags:#?}"
    );
    let out = tmp.path().join("dist");
    assert!(build(&site, &out).status.success());
    let redirect = read(&out.join("playbook/people/zo-bront/index.html"));
    assert!(redirect.contains("people/zoe-bronte/"), "{redirect}");
}
