//! The leak rule over a generated 300-person site: every private value the
//! generator writes carries `CANARY-`, so none may appear under public/.

mod support;

use std::path::Path;
use support::corpus::{generate, Sizes};
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

#[test]
fn no_private_value_reaches_the_public_hub() {
    let tmp = tempfile::tempdir().unwrap();
    let summary = generated(tmp.path());
    let out = tmp.path().join("dist");
    let result = build(&tmp.path().join("site"), &out);
    assert!(
        result.status.success(),
        "build failed:\n{}",
        stderr(&result)
    );

    let leaks = files_containing(&out.join("public"), "CANARY-");
    assert!(leaks.is_empty(), "private values leaked into: {leaks:?}");

    // The playbook is where they belong: every kind of private value is there.
    let playbook = out.join("playbook");
    for kind in [
        "CANARY-email-",
        "CANARY-phone-",
        "CANARY-slack-",
        "CANARY-note-",
        "CANARY-campaign-notes-",
        "CANARY-story-notes-",
        "CANARY-draft-",
        "CANARY-internal-story-",
        "CANARY-embargo-",
        "CANARY-guideline-",
    ] {
        assert!(
            !files_containing(&playbook, kind).is_empty(),
            "{kind} missing from the playbook"
        );
    }

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
        if fm["public"].as_bool() == Some(true) {
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
