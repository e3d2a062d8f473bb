//! The leak rule over a generated 300-person site: every private value the
//! generator writes carries `CANARY-`, so none may appear under public/.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use support::corpus::{generate, Sizes, KINDS};
use support::site::*;

fn generated(dir: &Path) -> support::corpus::Summary {
    generate(
        &dir.join("site"),
        &Sizes {
            people: 300,
            stories: 120,
            guidelines: 20,
            campaigns: 5,
        },
        7,
    )
    .unwrap()
}

/// Every `CANARY-<kind>-<n>` in `text`, as (kind, marker).
fn markers(text: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for (at, _) in text.match_indices("CANARY-") {
        let rest = &text[at + "CANARY-".len()..];
        let kind: String = rest
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || *c == '-')
            .collect();
        let kind = kind.trim_end_matches('-').to_string();
        let number: String = rest[kind.len()..]
            .trim_start_matches('-')
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        found.push((kind.clone(), format!("CANARY-{kind}-{number}")));
    }
    found
}

/// Kind -> the files (by path and by what they hold) that show it.
fn kinds_in(dir: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut kinds: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (path, bytes) in tree(dir) {
        let shown = path.to_string_lossy().into_owned();
        let text = format!("{shown}\n{}", String::from_utf8_lossy(&bytes));
        for (kind, _) in markers(&text) {
            kinds.entry(kind).or_default().insert(shown.clone());
        }
    }
    kinds
}

#[test]
fn no_private_value_of_any_kind_reaches_the_public_hub() {
    let tmp = tempfile::tempdir().unwrap();
    let summary = generated(tmp.path());
    let out = tmp.path().join("dist");
    let result = build(&tmp.path().join("site"), &out);
    assert!(
        result.status.success(),
        "build failed:\n{}",
        stderr(&result)
    );

    // Every kind was planted, so the test can't pass by finding nothing:
    // the generator wrote it, and the playbook, where it belongs, shows it.
    let source = kinds_in(&tmp.path().join("site"));
    let playbook = kinds_in(&out.join("playbook"));
    for kind in KINDS {
        assert!(
            source.contains_key(*kind),
            "the generator planted no CANARY-{kind}-"
        );
        assert!(
            playbook.contains_key(*kind),
            "CANARY-{kind}- is missing from the playbook"
        );
    }

    // And no kind is on the public hub, in any file or file name.
    let leaked = kinds_in(&out.join("public"));
    assert!(
        leaked.is_empty(),
        "private values on the public hub, by kind: {leaked:#?}"
    );

    // Exactly the consenting people have profiles.
    // Profiles are the folders under people/, except the directory's pages.
    let profiles = |site: &str| {
        std::fs::read_dir(out.join(site).join("people"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_dir() && p.file_name().unwrap() != "page")
            .count()
    };
    assert_eq!(profiles("public"), summary.public_people);
    assert_eq!(profiles("playbook"), summary.people);
}

/// A profile whose consent review has passed leaves the hub the day after,
/// from every page, list, feed and file, and the playbook says why.
#[test]
fn a_passed_consent_review_takes_a_profile_off_the_hub() {
    let tmp = tempfile::tempdir().unwrap();
    generated(tmp.path());
    let site = tmp.path().join("site");
    // Someone on the hub now, with a review due in 2099.
    let person = std::fs::read_dir(site.join("people"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| read(p).contains("consent_review: 2099-01-01"))
        .find(|p| {
            let slug = p.file_stem().unwrap().to_string_lossy().to_string();
            // Named in a story, so listings beyond the directory show them.
            std::fs::read_dir(site.join("stories"))
                .unwrap()
                .any(|s| read(&s.unwrap().path()).contains(&format!("{slug},")))
        })
        .expect("a public person with a review date, named in a story");
    let slug = person.file_stem().unwrap().to_string_lossy().to_string();
    let name = front_matter(&person)["name"].as_str().unwrap().to_string();
    let run = |now: &str, out: &str| {
        let out = tmp.path().join(out);
        let result = build_at(&site, &out, now, None, &["--no-images"]);
        assert!(result.status.success(), "{}", stderr(&result));
        out
    };
    let holding = |dir: &Path| -> Vec<PathBuf> {
        tree(dir)
            .into_iter()
            .filter(|(path, bytes)| {
                let text = String::from_utf8_lossy(bytes);
                path.to_string_lossy().contains(&slug)
                    || text.contains(&format!("people/{slug}/"))
                    || text.contains(&format!("\"{slug}\""))
            })
            .map(|(p, _)| p)
            .collect()
    };
    let before = run("2098-12-31T12:00:00Z", "before");
    let shown = holding(&before.join("public"));
    for kind in [
        "index.html",
        "directory.js",
        "sitemap.xml",
        "feed.xml",
        ".vcf",
    ] {
        // (`directory.js` was `directory.json` before the hub worked from file://.)
        assert!(
            shown.iter().any(|p| p.to_string_lossy().ends_with(kind)),
            "{slug} not in any {kind} before the review: {shown:?}"
        );
    }
    let after = run("2099-01-02T12:00:00Z", "after");
    assert_eq!(
        holding(&after.join("public")),
        Vec::<PathBuf>::new(),
        "{slug} is still on the hub"
    );
    let page = read(&after.join(format!("playbook/people/{slug}/index.html")));
    assert!(
        page.contains("Consent review due") && page.contains(&name),
        "{page}"
    );
}

#[test]
fn non_public_people_are_neither_named_nor_linked_on_the_hub() {
    let tmp = tempfile::tempdir().unwrap();
    generated(tmp.path());
    let site = tmp.path().join("site");
    let out = tmp.path().join("dist");
    assert!(build(&site, &out).status.success());
    let public = tree(&out.join("public"));
    let all_public: String = public
        .values()
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .collect();
    let mut checked = 0;
    for entry in std::fs::read_dir(site.join("people")).unwrap() {
        let path = entry.unwrap().path();
        let fm = front_matter(&path);
        // On the hub: consented, and the review not passed (NOW is 2026).
        let review_passed = fm["consent_review"]
            .as_str()
            .is_some_and(|d| d < "2026-11-26");
        if fm["public"].as_bool() == Some(true) && !review_passed {
            continue;
        }
        let slug = path.file_stem().unwrap().to_string_lossy();
        assert!(
            !all_public.contains(&format!("people/{slug}/")),
            "{slug} is linked on the public hub"
        );
        // Names the generator also gives public people can't be checked by name.
        let name = fm["name"].as_str().unwrap();
        let shared = std::fs::read_dir(site.join("people")).unwrap().any(|e| {
            let p = e.unwrap().path();
            p != path
                && front_matter(&p)["name"]
                    .as_str()
                    .is_some_and(|n| n.contains(name) || name.contains(n))
        });
        if !shared && !all_public.contains(&format!("[{name}]")) {
            assert!(
                !all_public.contains(&format!(">{name}<")),
                "{name} is named on the public hub"
            );
            checked += 1;
        }
    }
    assert!(
        checked > 10,
        "too few non-public people checked ({checked})"
    );
}

#[test]
fn builds_are_byte_identical_whatever_the_thread_count() {
    let tmp = tempfile::tempdir().unwrap();
    generated(tmp.path());
    let site = tmp.path().join("site");
    let run = |threads: usize, out: &str| {
        let out = tmp.path().join(out);
        let result = build_on_threads(&site, &out, Some(threads));
        assert!(result.status.success(), "{}", stderr(&result));
        tree(&out)
    };
    let one = run(1, "a");
    let four = run(4, "b");
    assert!(one.len() > 500, "suspiciously few files: {}", one.len());
    assert_eq!(
        one.keys().collect::<Vec<_>>(),
        four.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &one {
        assert!(
            bytes == &four[path],
            "{} differs between builds",
            path.display()
        );
    }
}

/// The same generated site in English and Welsh, with a translation beside
/// every file: those of private people, stories and guidelines carry
/// `CANARY-cy-<n>` in every word they may change. None reaches the hub in
/// either language; the playbook has them all.
#[test]
fn no_translation_of_a_private_file_reaches_the_hub_in_any_language() {
    let tmp = tempfile::tempdir().unwrap();
    generated(tmp.path());
    let site = tmp.path().join("site");
    let hub = read(&site.join("hub.yaml"));
    std::fs::write(
        site.join("hub.yaml"),
        format!("{hub}languages: [en-GB, cy]\n"),
    )
    .unwrap();
    let mut planted = 0;
    for folder in ["people", "stories", "guidelines", "campaigns"] {
        for entry in std::fs::read_dir(site.join(folder)).unwrap() {
            let path = entry.unwrap().path();
            let text = read(&path);
            // The generator marks the name or title of everything off the hub.
            let private = text.lines().any(|l| {
                (l.starts_with("name:") || l.starts_with("title:")) && l.contains("CANARY-")
            });
            let words = match private {
                true => {
                    planted += 1;
                    format!("CANARY-cy-{planted}")
                }
                false => "Cymraeg".to_string(),
            };
            let fields = match folder {
                "people" => format!("role: \"Rôl {words}\"\npronouns: \"ef {words}\"\nphoto_alt: \"Llun {words}\"\n"),
                "stories" => format!("title: \"Stori {words}\"\nsummary: \"Crynodeb {words}\"\nimage_alt: \"Llun {words}\"\n"),
                _ => format!("title: \"Teitl {words}\"\n"),
            };
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            std::fs::write(
                path.with_file_name(format!("{stem}.cy.md")),
                format!("---\n{fields}---\n\nTestun {words}.\n"),
            )
            .unwrap();
        }
    }
    assert!(planted > 50, "only {planted} private translations");
    let out = tmp.path().join("dist");
    let result = build(&site, &out);
    assert!(
        result.status.success(),
        "build failed:\n{}",
        stderr(&result)
    );
    let leaked = files_containing(&out.join("public"), "CANARY-");
    assert!(leaked.is_empty(), "on the hub: {leaked:?}");
    assert!(out.join("public/cy/index.html").is_file());
    assert!(!files_containing(&out.join("public/cy"), "Rôl Cymraeg").is_empty());
    let in_playbook = files_containing(&out.join("playbook/cy"), "CANARY-cy-");
    assert!(
        in_playbook.len() >= planted,
        "{} playbook pages show private translations",
        in_playbook.len()
    );
}
