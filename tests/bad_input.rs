//! Broken content gets a clear error at the right place, every problem in
//! one run, and never touches the last good output.

mod support;

use serde_json::Value;
use std::path::Path;
use support::site::*;

/// A small valid site: two people (one not public), a campaign, a story.
fn mini_site(dir: &Path) {
    let files = [
        ("hub.yaml", "title: Test Hub\nbase_url: https://people.test.example\norganisation: {name: Test Trust}\n"),
        ("people/amara-okafor.md", "---\nname: Amara Okafor\nrole: Campaigns Lead\npublic: true\nresponding_level: 2\ntopics: [rivers]\n---\n\nAmara leads our [river work](../campaigns/clean-rivers.md).\n"),
        ("people/joss-reid.md", "---\nname: Joss Reid\nresponding_level: 1\ninternal: {email: joss@test.example}\n---\n\nJoss looks after safeguarding.\n"),
        ("campaigns/clean-rivers.md", "---\ntitle: Clean Rivers\nshare: [\"Join us: {link}\"]\n---\n\nOur campaign.\n"),
        ("stories/2026-01-05-first-clean-up.md", "---\ntitle: First clean-up\ndate: 2026-01-05\ncampaign: clean-rivers\npeople: [amara-okafor, joss-reid]\n---\n\nWith [Amara](../people/amara-okafor.md).\n"),
    ];
    for (rel, text) in files {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

fn write(site: &Path, rel: &str, text: &str) {
    std::fs::write(site.join(rel), text).unwrap();
}

fn find<'a>(diags: &'a [Value], file: &str, needle: &str) -> &'a Value {
    diags
        .iter()
        .find(|d| d["file"] == file && d["message"].as_str().unwrap().contains(needle))
        .unwrap_or_else(|| panic!("no diagnostic for {file} containing {needle:?} in {diags:#?}"))
}

#[test]
fn a_valid_site_checks_clean() {
    let tmp = tempfile::tempdir().unwrap();
    mini_site(tmp.path());
    let (code, diags) = check_json(tmp.path());
    assert_eq!(code, 0, "{diags:#?}");
    assert!(diags.is_empty(), "{diags:#?}");
}

#[test]
fn a_failed_build_names_the_file_and_line_and_leaves_the_last_good_output() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    mini_site(&site);
    let out = tmp.path().join("dist");
    assert!(build(&site, &out).status.success());
    let before = tree(&out);

    write(
        &site,
        "people/amara-okafor.md",
        "---\nname: Amara Okafor\npublic: [true\n---\nBio\n",
    );
    let result = build(&site, &out);
    assert_eq!(result.status.code(), Some(1));
    let err = stderr(&result);
    assert!(
        err.contains("people/amara-okafor.md:3:"),
        "no file:line in:\n{err}"
    );
    assert!(err.contains("nothing was written"), "{err}");
    assert_eq!(tree(&out), before, "the previous output changed");
}

#[test]
fn every_problem_is_reported_in_one_run() {
    let tmp = tempfile::tempdir().unwrap();
    mini_site(tmp.path());
    let site = tmp.path();
    write(
        site,
        "people/amara-okafor.md",
        "---\nname: Amara Okafor\npublc: true\nresponding_level: 2\ninternall: {}\n---\n",
    );
    write(
        site,
        "people/joss-reid.md",
        "---\nrole: Safeguarding Lead\nresponding_level: 1\n---\n",
    );
    write(
        site,
        "stories/2026-01-05-first-clean-up.md",
        "---\ntitle: First clean-up\ndate: 5th January\ncampaign: clean-rivers\n---\n",
    );
    write(
        site,
        "stories/2026-02-01-second.md",
        "---\ntitle: Second\ndate: 2026-02-01\ncampaign: clean-river\npeople: [amara-okafr]\n---\n",
    );
    write(site, "campaigns/clean-rivers.md", "---\ntitle: Clean Rivers\n---\n\nSee [the plan](../guidelines/plan.md) and ![](../static/missing.png).\n");
    std::fs::create_dir_all(site.join("guidelines")).unwrap();
    write(site, "guidelines/tone.md", "---\ntitle: Tone of voice\n");
    std::fs::write(
        site.join("guidelines/latin1.md"),
        b"---\ntitle: Caf\xe9\n---\n",
    )
    .unwrap();

    let (code, diags) = check_json(site);
    assert_eq!(code, 1);
    let d = find(&diags, "people/amara-okafor.md", "unknown field `publc`");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(3), Some(1))
    );
    assert_eq!(d["hint"], "did you mean `public`?");
    assert_eq!(
        find(
            &diags,
            "people/amara-okafor.md",
            "unknown field `internall`"
        )["line"],
        5
    );
    find(
        &diags,
        "people/joss-reid.md",
        "missing the required field `name`",
    );
    let d = find(
        &diags,
        "stories/2026-01-05-first-clean-up.md",
        "is not a date",
    );
    assert_eq!(d["line"], 3);
    assert_eq!(
        d["hint"],
        "dates are written year-month-day, e.g. 2026-03-01"
    );
    let d = find(
        &diags,
        "stories/2026-02-01-second.md",
        "no campaign has the slug `clean-river`",
    );
    assert_eq!(
        (d["line"].as_u64(), d["hint"].as_str()),
        (Some(4), Some("did you mean `clean-rivers`?"))
    );
    let d = find(
        &diags,
        "stories/2026-02-01-second.md",
        "no person has the slug `amara-okafr`",
    );
    assert_eq!(
        (d["line"].as_u64(), d["hint"].as_str()),
        (Some(5), Some("did you mean `amara-okafor`?"))
    );
    // The time zone rule has a test of its own below.
    let d = find(
        &diags,
        "campaigns/clean-rivers.md",
        "this link points nowhere",
    );
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(5), Some(5))
    );
    find(
        &diags,
        "campaigns/clean-rivers.md",
        "this image points nowhere",
    );
    find(
        &diags,
        "campaigns/clean-rivers.md",
        "this image has no alt text",
    );
    find(&diags, "guidelines/tone.md", "never closed");
    find(&diags, "guidelines/latin1.md", "not UTF-8");
    assert!(
        diags.iter().all(|d| d["hint"].is_string()),
        "every problem should carry a hint: {diags:#?}"
    );
}

#[test]
fn an_embargo_without_a_time_zone_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    mini_site(tmp.path());
    write(
        tmp.path(),
        "stories/2026-02-01-second.md",
        "---\ntitle: Second\ndate: 2026-02-01\npublish_after: 2026-03-01T09:00:00\n---\n",
    );
    let (code, diags) = check_json(tmp.path());
    assert_eq!(code, 1);
    let d = find(&diags, "stories/2026-02-01-second.md", "has no time zone");
    assert_eq!(d["line"], 4);
}

#[test]
fn bad_values_are_errors_and_risky_ones_are_warnings() {
    let tmp = tempfile::tempdir().unwrap();
    mini_site(tmp.path());
    let site = tmp.path();
    write(site, "people/amara-okafor.md", "---\nname: Amara Okafor\npublic: true\nresponding_level: 5\nphoto: photos/amara.jpg\n---\n\n[click](javascript:alert(1))\n");
    write(
        site,
        "people/joss-reid.md",
        "---\nname: Joss Reid\npublic: yes please\n---\n",
    );
    let (code, diags) = check_json(site);
    assert_eq!(code, 1);
    assert_eq!(
        find(
            &diags,
            "people/amara-okafor.md",
            "`responding_level: 5` is not a level"
        )["line"],
        4
    );
    assert_eq!(
        find(
            &diags,
            "people/amara-okafor.md",
            "the photo `photos/amara.jpg` is not in static/"
        )["line"],
        5
    );
    assert_eq!(
        find(
            &diags,
            "people/amara-okafor.md",
            "the photo has no alt text"
        )["severity"],
        "warning"
    );
    assert_eq!(
        find(
            &diags,
            "people/amara-okafor.md",
            "`javascript:` links are not allowed"
        )["line"],
        8
    );
    let d = find(&diags, "people/joss-reid.md", "must be `true` or `false`");
    assert_eq!(
        (d["line"].as_u64(), d["hint"].as_str()),
        (Some(3), Some("write `true` or `false`"))
    );
}

#[test]
fn a_public_page_linking_to_a_private_one_is_warned_about_and_unlinked() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    mini_site(&site);
    write(&site, "people/amara-okafor.md", "---\nname: Amara Okafor\npublic: true\nresponding_level: 2\n---\n\nI work with [our safeguarding lead](joss-reid.md).\n");
    let (code, diags) = check_json(&site);
    assert_eq!(code, 0);
    assert_eq!(
        find(&diags, "people/amara-okafor.md", "not on the public hub")["severity"],
        "warning"
    );
    let out = tmp.path().join("dist");
    assert!(build(&site, &out).status.success());
    // A person who is not on the hub is not named there: the link goes,
    // and its words with it (docs/privacy.md: "no name, no link").
    let public = read(&out.join("public/people/amara-okafor/index.html"));
    assert!(
        public.contains("I work with .")
            && !public.contains("safeguarding lead")
            && !public.contains("joss-reid"),
        "{public}"
    );
    let playbook = read(&out.join("playbook/people/amara-okafor/index.html"));
    assert!(playbook.contains(r#"<a href="../../people/joss-reid/">our safeguarding lead</a>"#));
}

#[test]
fn github_format_gives_workflow_commands() {
    let tmp = tempfile::tempdir().unwrap();
    mini_site(tmp.path());
    write(
        tmp.path(),
        "people/joss-reid.md",
        "---\nname: Joss Reid\npubic: false\n---\n",
    );
    let out = convene()
        .args(["check", &tmp.path().to_string_lossy(), "--format", "github"])
        .output()
        .unwrap();
    let text = stderr(&out);
    let line = text
        .lines()
        .find(|l| l.starts_with("::error "))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        line.contains("people/joss-reid.md,line=3,col=1::unknown field `pubic`"),
        "{line}"
    );
    assert!(line.contains("did you mean `public`?"));
}

#[test]
fn human_format_quotes_the_line_with_a_caret() {
    let tmp = tempfile::tempdir().unwrap();
    mini_site(tmp.path());
    write(
        tmp.path(),
        "people/joss-reid.md",
        "---\nname: Joss Reid\npubic: false\n---\n",
    );
    let out = convene()
        .args(["check", &tmp.path().to_string_lossy()])
        .output()
        .unwrap();
    let text = stderr(&out);
    assert!(
        text.contains("error: unknown field `pubic` in person front matter"),
        "{text}"
    );
    assert!(text.contains("3 | pubic: false\n  | ^"), "{text}");
    assert!(text.contains("= hint: did you mean `public`?"), "{text}");
}

#[test]
fn warnings_fail_only_with_deny_warnings() {
    let tmp = tempfile::tempdir().unwrap();
    mini_site(tmp.path());
    write(
        tmp.path(),
        "people/joss-reid.md",
        "---\nname: Joss Reid\n---\n",
    );
    let site = tmp.path().to_string_lossy().into_owned();
    assert_eq!(
        convene().args(["check", &site]).status().unwrap().code(),
        Some(0)
    );
    assert_eq!(
        convene()
            .args(["check", &site, "--deny-warnings"])
            .status()
            .unwrap()
            .code(),
        Some(1)
    );
}

#[test]
fn convene_will_not_overwrite_a_folder_it_did_not_create() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    mini_site(&site);
    let out = tmp.path().join("precious");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("thesis.txt"), "years of work").unwrap();
    let result = build(&site, &out);
    assert_eq!(result.status.code(), Some(2));
    assert!(
        stderr(&result).contains("did not write"),
        "{}",
        stderr(&result)
    );
    assert_eq!(tree(&out).len(), 1);

    for bad in [site.clone(), tmp.path().to_path_buf()] {
        let result = build(&site, &bad);
        assert_eq!(
            result.status.code(),
            Some(2),
            "--out {} was accepted",
            bad.display()
        );
    }
    assert!(site.join("hub.yaml").exists());
}

#[test]
fn a_broken_template_override_is_an_error_that_keeps_the_last_output() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    mini_site(&site);
    let out = tmp.path().join("dist");
    assert!(build(&site, &out).status.success());
    let before = tree(&out);
    std::fs::create_dir_all(site.join("templates")).unwrap();
    write(
        &site,
        "templates/person.html",
        "{% extends \"base.html\" %}{% block content %}{{ page.person.name }{% endblock content %}",
    );
    let result = build(&site, &out);
    assert_eq!(result.status.code(), Some(2));
    assert!(
        stderr(&result).contains("person.html"),
        "{}",
        stderr(&result)
    );
    assert_eq!(tree(&out), before);
}

#[test]
fn a_site_template_overrides_the_theme_file_by_file() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    mini_site(&site);
    std::fs::create_dir_all(site.join("templates")).unwrap();
    write(&site, "templates/person.html", "{% extends \"base.html\" %}{% block content %}<p class=\"custom\">Hello from {{ page.person.name }}</p>{% endblock content %}");
    let out = tmp.path().join("dist");
    assert!(build(&site, &out).status.success());
    let page = read(&out.join("public/people/amara-okafor/index.html"));
    assert!(page.contains("<p class=\"custom\">Hello from Amara Okafor</p>"));
    // Other templates still come from the theme.
    assert!(read(&out.join("public/stories/index.html")).contains("<h1>Stories</h1>"));
}

#[test]
fn not_a_site_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let (code, diags) = check_json(tmp.path());
    assert_eq!(code, 1);
    find(&diags, "hub.yaml", "no hub.yaml");
    let missing = convene()
        .args(["check", "/definitely/not/here"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("is not a folder"));
}

#[cfg(unix)]
#[test]
fn symbolic_links_are_never_followed_out_of_the_site() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    mini_site(&site);
    let outside = tmp.path().join("outside");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(outside.join("secret.md"), "---\nname: CANARY-secret\n---\n").unwrap();
    std::os::unix::fs::symlink(outside.join("secret.md"), site.join("people/secret.md")).unwrap();
    std::os::unix::fs::symlink(&outside, site.join("static")).unwrap();
    std::fs::create_dir_all(site.join("templates")).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", site.join("templates/person.html")).unwrap();
    let (code, diags) = check_json(&site);
    assert_eq!(code, 1);
    for file in ["people/secret.md", "static", "templates/person.html"] {
        let d = find(&diags, file, "symbolic link");
        assert_eq!(d["severity"], "error");
    }
    let out = tmp.path().join("dist");
    assert_eq!(build(&site, &out).status.code(), Some(1));
    assert!(!out.join("public").exists());
}

#[test]
fn home_and_folders_convene_reads_are_refused_as_output() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    mini_site(&site);
    let home = tmp.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    for (out, why) in [
        (home.clone(), "home folder"),
        (tmp.path().to_path_buf(), "holds the home folder"),
        (site.clone(), "site's content is inside it"),
        (site.join("static/dist"), "inside the site's static/ folder"),
        (site.join("people/dist"), "inside the site's people/ folder"),
        (std::path::PathBuf::from("/"), "root"),
    ] {
        let result = convene()
            .env("HOME", &home)
            .args([
                "build",
                &site.to_string_lossy(),
                "--out",
                &out.to_string_lossy(),
            ])
            .output()
            .unwrap();
        assert_eq!(result.status.code(), Some(2), "{}", out.display());
        assert!(stderr(&result).contains(why), "{}", stderr(&result));
    }
    assert!(!site.join("static").exists() && !site.join("people/dist").exists());
}

#[test]
fn warnings_with_deny_warnings_write_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    mini_site(&site);
    write(&site, "people/joss-reid.md", "---\nname: Joss Reid\n---\n");
    let out = tmp.path().join("dist");
    let result = convene()
        .args([
            "build",
            &site.to_string_lossy(),
            "--out",
            &out.to_string_lossy(),
            "--deny-warnings",
        ])
        .output()
        .unwrap();
    assert_eq!(result.status.code(), Some(1));
    assert!(!out.join("public").exists(), "{}", stderr(&result));
}

/// Whatever `build` would refuse, `check` finds first (issue: "check
/// promises what build does").
#[test]
fn check_finds_what_build_would_refuse() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    mini_site(&site);
    // A theme convene does not have, after a byte-order mark.
    write(&site, "hub.yaml", "\u{feff}title: Test Hub\nbase_url: https://people.test.example\ntheme: fancy\norganisation: {name: Test Trust}\n");
    // A name no share card can draw.
    write(
        &site,
        "people/amara-okafor.md",
        "---\nname: \"Amara \\uFFFF Okafor\"\npublic: true\nresponding_level: 2\n---\n\nBio.\n",
    );
    // A photo of 20,000 × 20,000 pixels (its header says so).
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    png.extend_from_slice(&20_000u32.to_be_bytes());
    png.extend_from_slice(&20_000u32.to_be_bytes());
    png.extend_from_slice(&[8, 2, 0, 0, 0, 0, 0, 0, 0]);
    std::fs::create_dir_all(site.join("static/photos")).unwrap();
    std::fs::write(site.join("static/photos/huge.png"), png).unwrap();
    write(&site, "people/joss-reid.md", "---\nname: Joss Reid\nresponding_level: 1\nphoto: photos/huge.png\nphoto_alt: Joss\n---\n\nBio.\n");
    write(
        &site,
        "people/dev-patel.md",
        "---\nname: Dev Patel\nresponding_level: 1\nname: Dev P\n---\n\nBio.\n",
    );
    let (code, diags) = check_json(&site);
    assert_eq!(code, 1);
    let theme = find(&diags, "hub.yaml", "no theme called `fancy`");
    assert_eq!(theme["line"], 3);
    assert_eq!(
        find(&diags, "people/amara-okafor.md", "invisible character")["line"],
        2
    );
    assert_eq!(find(&diags, "people/joss-reid.md", "megapixels")["line"], 4);
    // A key written twice is pointed out where it is written again.
    assert_eq!(
        find(&diags, "people/dev-patel.md", "duplicate field `name`")["line"],
        4
    );
}

/// A failure of the machine (an image cache that can't be written) is
/// exit 2 with the path, not a problem in the photo; `--format json`
/// gets JSON then too.
#[test]
fn machine_failures_are_exit_2_with_their_path_in_every_format() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    mini_site(&site);
    let photo = image_bytes();
    std::fs::create_dir_all(site.join("static/photos")).unwrap();
    std::fs::write(site.join("static/photos/amara.jpg"), photo).unwrap();
    write(&site, "people/amara-okafor.md", "---\nname: Amara Okafor\npublic: true\nresponding_level: 2\nphoto: photos/amara.jpg\nphoto_alt: Amara\n---\n\nBio.\n");
    let out = convene()
        .args([
            "build",
            &site.to_string_lossy(),
            "--out",
            &tmp.path().join("dist").to_string_lossy(),
        ])
        .args([
            "--now",
            NOW,
            "--image-cache",
            "/proc/self",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let diags: Value = serde_json::from_slice(&out.stderr)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", stderr(&out)));
    let only = &diags.as_array().unwrap()[0];
    assert!(
        only["file"].as_str().unwrap().starts_with("/proc/self/"),
        "{only}"
    );
    let missing = convene()
        .args([
            "check",
            &tmp.path().join("nowhere").to_string_lossy(),
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    let diags: Value = serde_json::from_slice(&missing.stderr).unwrap();
    assert!(
        diags[0]["message"]
            .as_str()
            .unwrap()
            .contains("not a folder"),
        "{diags}"
    );
}

/// A JPEG made by hand, small.
fn image_bytes() -> Vec<u8> {
    let mut bytes = Vec::new();
    let picture = image::RgbImage::from_pixel(64, 64, image::Rgb([20, 120, 60]));
    image::DynamicImage::ImageRgb8(picture)
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Jpeg,
        )
        .unwrap();
    bytes
}

/// A field name with an escape code in it can't recolour the terminal or
/// fake a line of the report, in human or GitHub output.
#[test]
fn control_characters_in_problems_are_shown_not_obeyed() {
    let tmp = tempfile::tempdir().unwrap();
    mini_site(tmp.path());
    write(
        tmp.path(),
        "people/joss-reid.md",
        "---\nname: Joss Reid\n\"x\\e[31mred\\r::error file=fake.md::forged\": 1\n---\n",
    );
    for format in ["human", "github"] {
        let out = convene()
            .args(["check", &tmp.path().to_string_lossy(), "--format", format])
            .output()
            .unwrap();
        let text = stderr(&out);
        assert!(
            !text.contains('\u{1b}') && !text.contains('\r'),
            "{format}: {text:?}"
        );
        assert!(text.contains("\\u{1b}"), "{format}: {text}");
        assert!(
            !text.lines().any(|l| l.starts_with("::error file=fake.md")),
            "{format}: {text}"
        );
    }
}
