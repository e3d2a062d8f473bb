//! The leak rule at its edges, tried as an attacker and as a hurried
//! editor would: odd spellings of a private photo's path, files only
//! private pages use, hidden files, script in content, addresses that run
//! code, control characters in names, private values pasted into public
//! text or static files, templates that print their whole context.
//!
//! Every private value in these sites carries `SECRET`, so after a build
//! nothing under public/ may contain it.

mod support;

use serde_json::Value;
use std::path::{Path, PathBuf};
use support::site::*;

/// A small site with one public and one private person, and room to add
/// whatever a test needs.
struct Site {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
    out: PathBuf,
}

impl Site {
    fn new() -> Site {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("site");
        let out = tmp.path().join("dist");
        let site = Site {
            _tmp: tmp,
            dir,
            out,
        };
        site.write("hub.yaml", "title: Test Hub\nbase_url: https://people.test.example\norganisation: {name: Test Trust}\nshare: {networks: [x, bluesky]}\n");
        site.write("people/amara-okafor.md", "---\nname: Amara Okafor\nrole: Campaigns Lead\npublic: true\nresponding_level: 2\ntopics: [rivers]\n---\n\nAmara leads our river work.\n");
        site.write("people/joss-reid.md", "---\nname: Joss Reid SECRET-name\nrole: Safeguarding SECRET-role\nresponding_level: 1\ninternal:\n  email: joss.SECRET-email@test.example\n  phone: \"SECRET-phone 07700 900123\"\n---\n\nJoss SECRET-bio looks after safeguarding.\n");
        site.write("campaigns/clean-rivers.md", "---\ntitle: Clean Rivers\nshare: [\"Join us: {link}\"]\nstaff_notes: \"SECRET-campaign-notes: budget is confidential\"\n---\n\nOur campaign.\n");
        site.write("stories/2026-01-05-first-clean-up.md", "---\ntitle: First clean-up\ndate: 2026-01-05\ncampaign: clean-rivers\npeople: [amara-okafor, joss-reid]\n---\n\nWith [Amara](../people/amara-okafor.md).\n");
        site
    }

    fn write(&self, rel: &str, text: &str) {
        self.write_bytes(rel, text.as_bytes());
    }

    fn write_bytes(&self, rel: &str, bytes: &[u8]) {
        let path = self.dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }

    fn build(&self) -> std::process::Output {
        build_without_images(&self.dir, &self.out)
    }

    /// Build, which must succeed; the diagnostics it printed, as JSON.
    fn built(&self) -> Vec<Value> {
        let out = convene()
            .args([
                "build",
                &self.dir.to_string_lossy(),
                "--out",
                &self.out.to_string_lossy(),
            ])
            .args(["--now", NOW, "--no-images", "--format", "json"])
            .output()
            .unwrap();
        assert!(out.status.success(), "build failed:\n{}", stderr(&out));
        serde_json::from_slice::<Value>(&out.stderr)
            .map(|v| v.as_array().cloned().unwrap_or_default())
            .unwrap_or_default()
    }

    fn check(&self) -> (i32, Vec<Value>) {
        check_json(&self.dir)
    }

    fn public(&self) -> PathBuf {
        self.out.join("public")
    }

    fn playbook(&self) -> PathBuf {
        self.out.join("playbook")
    }
}

/// Files under `dir` whose path or bytes hold `needle`.
fn holding(dir: &Path, needle: &str) -> Vec<PathBuf> {
    tree(dir)
        .into_iter()
        .filter(|(path, bytes)| {
            path.to_string_lossy().contains(needle)
                || String::from_utf8_lossy(bytes).contains(needle)
        })
        .map(|(p, _)| p)
        .collect()
}

fn messages(diags: &[Value]) -> Vec<String> {
    diags
        .iter()
        .map(|d| {
            format!(
                "{}:{}:{} {} {}",
                d["file"].as_str().unwrap_or(""),
                d["line"],
                d["column"],
                d["severity"].as_str().unwrap_or(""),
                d["message"].as_str().unwrap_or("")
            )
        })
        .collect()
}

/// The diagnostic for `file` whose message holds `needle`.
fn find<'a>(diags: &'a [Value], file: &str, needle: &str) -> &'a Value {
    diags
        .iter()
        .find(|d| d["file"] == file && d["message"].as_str().unwrap_or("").contains(needle))
        .unwrap_or_else(|| {
            panic!(
                "no diagnostic for {file} with {needle:?} in {:#?}",
                messages(diags)
            )
        })
}

fn svg(text: &str) -> String {
    format!("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"8\" height=\"8\"><title>{text}</title></svg>\n")
}

#[test]
fn a_private_photo_stays_off_the_hub_however_its_path_is_spelt() {
    let site = Site::new();
    let spellings = [
        ("one", "photos//SECRET-one.svg"),
        ("two", "photos/./SECRET-two.svg"),
        ("three", "photos/SECRET-three.svg/"),
        ("four", "photos\\\\SECRET-four.svg"),
        ("five", "./photos/x/../SECRET-five.svg"),
    ];
    for (n, spelt) in spellings {
        site.write(
            &format!("static/photos/SECRET-{n}.svg"),
            &svg(&format!("SECRET-photo-{n}")),
        );
        site.write(
            &format!("people/private-{n}.md"),
            &format!("---\nname: Private {n}\npublic: false\nresponding_level: 1\nphoto: \"{spelt}\"\nphoto_alt: A portrait\n---\n\nBio.\n"),
        );
    }
    site.built();
    assert_eq!(holding(&site.public(), "SECRET"), Vec::<PathBuf>::new());
    for (n, _) in spellings {
        assert!(
            site.playbook()
                .join(format!("photos/SECRET-{n}.svg"))
                .is_file(),
            "{n} missing from the playbook"
        );
    }
}

#[test]
fn a_photo_spelt_with_other_capitals_is_an_error_naming_the_real_file() {
    let site = Site::new();
    site.write("static/photos/Amara.svg", &svg("Amara"));
    site.write("people/amara-okafor.md", "---\nname: Amara Okafor\npublic: true\nresponding_level: 2\nphoto: photos/amara.svg\nphoto_alt: Amara\n---\n\nBio.\n");
    let (code, diags) = site.check();
    assert_eq!(code, 1);
    let d = find(&diags, "people/amara-okafor.md", "is not in static/");
    assert!(
        d["hint"].as_str().unwrap().contains("photos/Amara.svg"),
        "{d}"
    );
}

#[test]
fn files_that_only_private_pages_use_stay_off_the_hub() {
    let site = Site::new();
    let files = [
        "docs/SECRET-draft.pdf",
        "docs/SECRET-internal.svg",
        "docs/SECRET-embargo.svg",
        "docs/SECRET-guideline.svg",
        "docs/SECRET-bio.svg",
        "docs/SECRET-raw.svg",
        "docs/SECRET-image.svg",
    ];
    for f in files {
        site.write(f.replace("docs/", "static/docs/").as_str(), &svg(f));
    }
    site.write("static/docs/report.pdf", "%PDF public report");
    site.write("static/docs/logo.svg", &svg("logo"));
    site.write("stories/2026-02-01-draft.md", "---\ntitle: Draft\ndate: 2026-02-01\ndraft: true\n---\n\nSee [the plan](../static/docs/SECRET-draft.pdf).\n");
    site.write("stories/2026-02-02-internal.md", "---\ntitle: Internal\ndate: 2026-02-02\naudience: internal\nimage: docs/SECRET-image.svg\nimage_alt: A picture\n---\n\n![Chart](../static/docs/SECRET-internal.svg)\n\n<img src=\"/docs/SECRET-raw.svg\" alt=\"raw\">\n");
    site.write("stories/2026-02-03-embargo.md", "---\ntitle: Embargoed\ndate: 2026-02-03\npublish_after: 2099-01-01T09:00:00Z\n---\n\n![Chart](..\\static\\docs\\SECRET-embargo.svg)\n");
    site.write(
        "guidelines/escalation.md",
        "---\ntitle: Escalation\n---\n\n![Flow](../static/docs/SECRET-guideline.svg)\n",
    );
    site.write("people/joss-reid.md", "---\nname: Joss Reid\nresponding_level: 1\n---\n\n![Joss](../static/docs/SECRET-bio.svg)\n");
    site.write("stories/2026-02-04-public.md", "---\ntitle: Public\ndate: 2026-02-04\n---\n\nRead [the report](../static/docs/report.pdf).\n");
    site.built();
    assert_eq!(holding(&site.public(), "SECRET"), Vec::<PathBuf>::new());
    assert!(
        site.public().join("docs/report.pdf").is_file(),
        "a file a public page uses is published"
    );
    assert!(
        site.public().join("docs/logo.svg").is_file(),
        "a file no page uses is published, as in Hugo"
    );
    for f in files {
        assert!(
            site.playbook().join(f).is_file(),
            "{f} missing from the playbook"
        );
    }
}

/// A private item's file keeps off the hub every static file it names,
/// however and wherever it names it; so do every item's `internal:` and
/// staff notes. What a public page uses is published all the same.
#[test]
fn files_private_text_names_in_any_way_stay_off_the_hub() {
    let site = Site::new();
    site.write("hub.yaml", "title: Test Hub\nbase_url: https://people.test.example\nplaybook_base_url: https://playbook.test.example\norganisation: {name: Test Trust}\n");
    let private = [
        "briefing",
        "report",
        "joss-cv",
        "amara-cv",
        "notes",
        "style",
        "styletag",
        "ping",
        "meta",
        "lowsrc",
        "imgsrcset",
        "spaced name (2)",
    ];
    for name in private {
        site.write(&format!("static/docs/SECRET-{name}.txt"), "CANARY SECRET");
    }
    site.write("static/docs/shared.txt", "shared by full address");
    site.write("static/docs/pictured.svg", &svg("pictured"));
    let raw = "<div style=\"background-image:url(../../docs/SECRET-style.txt)\">x</div>\n\n\
        <style>.x{background:url(../../docs/SECRET-styletag.txt)}</style>\n\n\
        <a href=\"x\" ping=\"../../docs/SECRET-ping.txt\">x</a>\n\n\
        <meta http-equiv=\"refresh\" content=\"30;url=../../docs/SECRET-meta.txt\">\n\n\
        <img lowsrc=\"../../docs/SECRET-lowsrc.txt\" alt=\"x\">\n\n\
        <link imagesrcset=\"../../docs/SECRET-imgsrcset.txt 1x\">\n";
    site.write(
        "stories/2026-02-02-internal.md",
        &format!(
            "---\ntitle: Internal\ndate: 2026-02-02\naudience: internal\n---\n\n\
            Read [the briefing](https://playbook.test.example/docs/SECRET-briefing.txt), \
            [the shared file](https://playbook.test.example/docs/shared.txt) and \
            ![the picture](../static/docs/pictured.svg).\n\n{raw}"
        ),
    );
    site.write("guidelines/crisis.md", "---\ntitle: Crisis\n---\n\n<p>See <a href=\"https://playbook.test.example/docs/SECRET-report.txt\">the report</a>.</p>\n");
    site.write("people/joss-reid.md", "---\nname: Joss Reid\nresponding_level: 1\ninternal:\n  cv: docs/SECRET-joss-cv.txt\n---\n\nBio.\n");
    // Amara and the campaign are public: their private fields still count.
    site.write("people/amara-okafor.md", "---\nname: Amara Okafor\npublic: true\nresponding_level: 2\ninternal:\n  files: {cv: \"docs/SECRET-amara-cv.txt\", old: \"docs/SECRET-spaced name (2).txt\"}\n---\n\nBio.\n");
    site.write("campaigns/clean-rivers.md", "---\ntitle: Clean Rivers\nstaff_notes: \"The budget is in docs/SECRET-notes.txt\"\n---\n\nOur campaign.\n");
    site.write("stories/2026-02-04-public.md", "---\ntitle: Public\ndate: 2026-02-04\nimage: docs/pictured.svg\nimage_alt: A picture\n---\n\nRead [the file](https://people.test.example/docs/shared.txt).\n");
    site.built();
    assert_eq!(holding(&site.public(), "SECRET"), Vec::<PathBuf>::new());
    for name in private {
        let file = format!("docs/SECRET-{name}.txt");
        assert!(
            site.playbook().join(&file).is_file(),
            "{file} missing from the playbook"
        );
    }
    for file in ["docs/shared.txt", "docs/pictured.svg"] {
        assert!(
            site.public().join(file).is_file(),
            "{file}, which a public page uses, is on the hub"
        );
    }
}

#[test]
fn files_private_text_names_through_escapes_or_line_breaks_stay_off_the_hub() {
    let site = Site::new();
    for name in ["board_pack", "plan", "budget", "tab", "lf", "newline"] {
        site.write(&format!("static/docs/SECRET-{name}.pdf"), "CANARY SECRET");
    }
    site.write("static/docs/both.svg", &svg("both"));
    // A Markdown escape, shown by the playbook as `docs/SECRET-board_pack.pdf`;
    // addresses a browser reads without their tabs and line breaks.
    site.write(
        "stories/2026-12-03-gift.md",
        "---\ntitle: Gift\ndate: 2026-12-03\nsummary: \"Plan: docs/SECRET-plan\\x2Epdf\"\ndraft: true\n---\n\n\
        The board pack is at docs/SECRET-board\\_pack.pdf for now.\n\n\
        <img src=\"/docs/SECRET-t&#9;ab.pdf\" alt=\"x\">\n\n\
        <p><a href=\"/docs/SECRET-lf&#10;.pdf\">a</a> <a href=\"/docs/SECRET-new\nline.pdf\">b</a></p>\n\n\
        Also docs/both.svg.\n",
    );
    // A double-quoted YAML string continued over a line break.
    site.write(
        "stories/2026-12-04-budget.md",
        "---\ntitle: Budget\ndate: 2026-12-04\nsummary: \"Plan: docs/\\\n  SECRET-budget.pdf\"\naudience: internal\n---\n\nSoon.\n",
    );
    // A public page showing a file through an address with a tab in it
    // uses it, as a browser loads it: it stays on the hub.
    site.write(
        "stories/2026-12-05-public.md",
        "---\ntitle: Public\ndate: 2026-12-05\n---\n\n<img src=\"/docs/bo&#9;th.svg\" alt=\"Both\">\n",
    );
    site.built();
    let playbook = read(&site.playbook().join("stories/gift/index.html"));
    assert!(
        playbook.contains("docs/SECRET-board_pack.pdf"),
        "{playbook}"
    );
    assert_eq!(holding(&site.public(), "SECRET"), Vec::<PathBuf>::new());
    for name in ["board_pack", "plan", "budget", "tab", "lf", "newline"] {
        let file = format!("docs/SECRET-{name}.pdf");
        assert!(!site.public().join(&file).exists(), "{file} is on the hub");
        assert!(
            site.playbook().join(&file).is_file(),
            "{file} missing from the playbook"
        );
    }
    assert!(
        site.public().join("docs/both.svg").is_file(),
        "docs/both.svg, which a public page shows, is on the hub"
    );
}

#[test]
fn hidden_files_in_static_are_never_published() {
    let site = Site::new();
    site.write("static/.env", "API_KEY=HIDDEN-env");
    site.write("static/.git/config", "[remote] url = HIDDEN-git");
    site.write("static/photos/.DS_Store", "HIDDEN-ds-store");
    site.write("static/photos/.hidden/notes.txt", "HIDDEN-folder");
    site.write("static/photos/seen.svg", &svg("seen"));
    let diags = site.built();
    for dir in [site.public(), site.playbook()] {
        assert_eq!(
            holding(&dir, "HIDDEN"),
            Vec::<PathBuf>::new(),
            "{}",
            dir.display()
        );
        assert!(!dir.join(".env").exists());
        assert!(dir.join("photos/seen.svg").is_file());
    }
    for hidden in [
        "static/.env",
        "static/.git",
        "static/photos/.DS_Store",
        "static/photos/.hidden",
    ] {
        let d = find(&diags, hidden, "hidden");
        assert_eq!(d["severity"], "warning");
    }
}

#[test]
fn a_private_value_in_the_public_output_stops_the_build_and_keeps_the_last_site() {
    let site = Site::new();
    site.built();
    let before = tree(&site.out);
    // An export of contact details dropped into static/ by mistake.
    site.write(
        "static/contacts.csv",
        "name,phone\nJoss,SECRET-phone 07700 900123\n",
    );
    let result = site.build();
    assert_eq!(result.status.code(), Some(1), "{}", stderr(&result));
    let text = stderr(&result);
    assert!(
        text.contains(
            "Joss Reid SECRET-name's internal `phone` reached the public hub's contacts.csv"
        ),
        "{text}"
    );
    assert!(text.contains("people/joss-reid.md:7"), "{text}");
    let after = tree(&site.out);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>(),
        "the last good site was changed"
    );
}

#[test]
fn private_values_in_public_text_are_errors_at_their_line() {
    let site = Site::new();
    site.write("people/amara-okafor.md", "---\nname: Amara Okafor\nrole: Lead, call SECRET-phone 07700 900999\npublic: true\nresponding_level: 2\nlinks: {bluesky: \"https://bsky.app/profile/amara-o.example\"}\ninternal:\n  phone: \"SECRET-phone 07700 900999\"\n  handle: \"@amara-o.example\"\n  notes: |\n    First line of notes\n    SECRET-note second line\n---\n\nZoë Çelik's café — naïve text before it. Call me on SECRET-phone 07700 900999.\n\nOr on bsky as @amara-o.example.\n");
    site.write("stories/2026-03-01-public.md", "---\ntitle: Public story\ndate: 2026-03-01\n---\n\nJoss said: SECRET-note-free text but SECRET-campaign-notes: budget is confidential.\n");
    site.write("people/joss-reid.md", "---\nname: Joss Reid\nresponding_level: 1\ninternal:\n  notes: \"SECRET-note second line\"\n---\n\nBio.\n");
    let (code, diags) = site.check();
    assert_eq!(code, 1, "{:#?}", messages(&diags));
    let role = find(&diags, "people/amara-okafor.md", "internal `phone`");
    assert_eq!(
        (role["line"].as_u64(), role["severity"].as_str()),
        (Some(3), Some("error"))
    );
    let bio = diags
        .iter()
        .find(|d| d["file"] == "people/amara-okafor.md" && d["line"] == 15)
        .unwrap_or_else(|| panic!("no error in the bio: {:#?}", messages(&diags)));
    // Counted in characters: the accents before it do not shift the column.
    assert_eq!(bio["column"], 53, "{bio}");
    let story = find(
        &diags,
        "stories/2026-03-01-public.md",
        "staff notes of campaign clean-rivers",
    );
    assert_eq!(story["line"], 6);
    // The handle is in Amara's own public link: published on purpose.
    assert!(
        !diags
            .iter()
            .any(|d| d["message"].as_str().unwrap().contains("`handle`")),
        "{:#?}",
        messages(&diags)
    );
}

/// YAML reads `0x4F3A2B` as the number 5192235: the code is looked for,
/// and shown to staff, as the file writes it.
#[test]
fn internal_numbers_are_looked_for_and_shown_as_written() {
    let site = Site::new();
    site.write("people/joss-reid.md", "---\nname: Joss Reid\nresponding_level: 1\ninternal:\n  door_code: 0x4F3A2B\n  pin: 0o7654321\n---\n\nBio.\n");
    site.built();
    let card = read(&site.playbook().join("people/joss-reid/index.html"));
    assert!(
        card.contains("0x4F3A2B") && card.contains("0o7654321"),
        "the playbook shows the codes as written"
    );
    assert!(!card.contains("5192235") && !card.contains("2054353"));
    // A tagged number too.
    site.write("people/joss-reid.md", "---\nname: Joss Reid\nresponding_level: 1\ninternal:\n  tagged: !code 0x7E7E7E7E\n---\n\nBio.\n");
    site.built();
    let card = read(&site.playbook().join("people/joss-reid/index.html"));
    assert!(
        card.contains("0x7E7E7E7E") && !card.contains("2122219134"),
        "{card}"
    );
    site.write("people/amara-okafor.md", "---\nname: Amara Okafor\npublic: true\nresponding_level: 2\n---\n\nThe code is 0x7E7E7E7E.\n");
    let (code, diags) = site.check();
    assert_eq!(code, 1, "{:#?}", messages(&diags));
    find(
        &diags,
        "people/amara-okafor.md",
        "Joss Reid's internal `tagged`",
    );
    site.write("people/joss-reid.md", "---\nname: Joss Reid\nresponding_level: 1\ninternal:\n  door_code: 0x4F3A2B\n  pin: 0o7654321\n---\n\nBio.\n");
    site.write("people/amara-okafor.md", "---\nname: Amara Okafor\npublic: true\nresponding_level: 2\n---\n\nStaff door code 0x4F3A2B, alarm 0o7654321.\n");
    let (code, diags) = site.check();
    assert_eq!(code, 1, "{:#?}", messages(&diags));
    for key in ["door_code", "pin"] {
        let d = find(
            &diags,
            "people/amara-okafor.md",
            &format!("Joss Reid's internal `{key}`"),
        );
        assert_eq!(d["line"], 7, "{d}");
    }
}

#[test]
fn addresses_that_run_code_are_errors_wherever_they_are_written() {
    let site = Site::new();
    site.write("hub.yaml", "title: Test Hub\nbase_url: https://people.test.example\norganisation: {name: Test Trust, url: \"vbscript:msgbox(1)\"}\n");
    site.write("people/amara-okafor.md", "---\nname: Amara Okafor\npublic: true\nresponding_level: 2\nlinks:\n  linkedin: \"javascript:alert(document.cookie)\"\n  website: \" JaVa\\tScRiPt:alert(1)\"\n---\n\n[Files](file:///etc/passwd) and <a href=\"data:text/html,<script>x</script>\">raw</a>.\n");
    site.write("campaigns/clean-rivers.md", "---\ntitle: Clean Rivers\ncta:\n  text: Donate\n  url: \"data:text/html;base64,PHNjcmlwdD4=\"\n---\n\nOur campaign.\n");
    let (code, diags) = site.check();
    assert_eq!(code, 1);
    for (file, line, scheme) in [
        ("hub.yaml", 3, "vbscript"),
        ("people/amara-okafor.md", 6, "javascript"),
        ("people/amara-okafor.md", 7, "javascript"),
        ("people/amara-okafor.md", 10, "file"),
        ("people/amara-okafor.md", 10, "data"),
        ("campaigns/clean-rivers.md", 5, "data"),
    ] {
        let d = diags
            .iter()
            .find(|d| {
                d["file"] == file
                    && d["line"] == line
                    && d["message"]
                        .as_str()
                        .unwrap()
                        .contains(&format!("`{scheme}:`"))
            })
            .unwrap_or_else(|| {
                panic!(
                    "no {scheme}: error at {file}:{line} in {:#?}",
                    messages(&diags)
                )
            });
        assert_eq!(d["severity"], "error");
    }
}

#[test]
fn script_in_public_content_never_runs_on_the_hub() {
    let site = Site::new();
    site.write("people/amara-okafor.md", "---\nname: Amara Okafor\npublic: true\nresponding_level: 2\n---\n\nHello <span onclick=\"SECRET_click()\">there</span>.\n\n<script>SECRET_script()</script>\n\n<!-- SECRET comment for the team -->\n\n<img src=\"x.png\" onerror=\"SECRET_error()\" alt=\"x\">\n\n<iframe src=\"https://evil.example/SECRET-frame\"></iframe>\n\n## About me {#about onclick=SECRET_heading()}\n\n<details><summary>More</summary>Kept <b>bold</b>.</details>\n");
    let diags = site.built();
    for (line, what) in [
        (7, "onclick"),
        (9, "<script>"),
        (11, "comment"),
        (13, "onerror"),
        (15, "<iframe>"),
        (17, "heading attributes"),
    ] {
        let d = diags
            .iter()
            .find(|d| {
                d["file"] == "people/amara-okafor.md"
                    && d["line"] == line
                    && d["message"].as_str().unwrap().contains(what)
            })
            .unwrap_or_else(|| {
                panic!(
                    "no warning about {what} at line {line}: {:#?}",
                    messages(&diags)
                )
            });
        assert_eq!(d["severity"], "warning");
    }
    let page = read(&site.public().join("people/amara-okafor/index.html"));
    assert_eq!(
        holding(&site.public(), "SECRET"),
        Vec::<PathBuf>::new(),
        "{page}"
    );
    for kept in [
        "<details><summary>More</summary>Kept <b>bold</b>.</details>",
        "id=\"about\"",
        "there",
    ] {
        assert!(page.contains(kept), "{kept} lost from {page}");
    }
    // The playbook keeps raw HTML as written, but never heading handlers.
    let playbook = read(&site.playbook().join("people/amara-okafor/index.html"));
    assert!(
        playbook.contains("SECRET_script()") && !playbook.contains("SECRET_heading"),
        "{playbook}"
    );
}

#[test]
fn one_line_fields_hold_one_line() {
    let site = Site::new();
    site.write("people/amara-okafor.md", "---\nname: \"Amara\\0 Okafor\"\nrole: \"Lead\\r\\nEMAIL:evil@example.org\"\npublic: true\nresponding_level: 2\nlinks:\n  website: \"https://a.example/\\r\\nEMAIL;TYPE=work:SECRET@evil.example\"\n---\n\nBio.\n");
    site.write("campaigns/clean-rivers.md", "---\ntitle: \"Clean\\nRivers\"\nshare: [\"Join us\\u001b[31m: {link}\"]\n---\n\nOur campaign.\n");
    let (code, diags) = site.check();
    assert_eq!(code, 1);
    for (file, line, what) in [
        ("people/amara-okafor.md", 2, "`name` holds a NUL character"),
        (
            "people/amara-okafor.md",
            3,
            "`role` holds a carriage return",
        ),
        (
            "people/amara-okafor.md",
            7,
            "`website` holds a carriage return",
        ),
        ("campaigns/clean-rivers.md", 2, "`title` holds a line break"),
        (
            "campaigns/clean-rivers.md",
            3,
            "`share` holds an escape code",
        ),
    ] {
        let d = find(&diags, file, what);
        assert_eq!(
            (d["line"].as_u64(), d["severity"].as_str()),
            (Some(line), Some("error")),
            "{d}"
        );
    }
}

#[test]
fn a_template_that_prints_its_whole_context_shows_nothing_private() {
    let site = Site::new();
    let dump = "<!doctype html><html><body><pre>{{ __tera_context }}</pre></body></html>\n";
    for template in [
        "person.html",
        "story.html",
        "campaign.html",
        "people.html",
        "home.html",
        "facet.html",
        "stories.html",
    ] {
        site.write(&format!("templates/{template}"), dump);
    }
    site.write("stories/2026-02-01-draft.md", "---\ntitle: SECRET-draft-title\ndate: 2026-02-01\ndraft: true\ncampaign: clean-rivers\nstaff_notes: \"SECRET-story-notes\"\n---\n\nSECRET-draft-body\n");
    site.built();
    let pages = holding(&site.public(), "amara-okafor");
    assert!(
        pages.len() > 3,
        "the dump templates were not used: {pages:?}"
    );
    assert_eq!(holding(&site.public(), "SECRET"), Vec::<PathBuf>::new());
    // The story's page dumps its campaign: its title, never its notes or share texts.
    let story = read(&site.public().join("stories/first-clean-up/index.html"));
    assert!(
        story.contains("Clean Rivers") && !story.contains("Join us"),
        "{story}"
    );
}

#[test]
fn static_files_that_would_replace_convenes_own_are_errors() {
    let site = Site::new();
    let clashes = [
        "robots.txt",
        "index.html",
        "sitemap.xml",
        "feed.xml",
        "404.html",
        "people/amara-okafor/index.html",
        "people/amara-okafor/amara-okafor.vcf",
        "people/directory.js",
        "assets/convene.css",
        "processed_images/amara.jpg",
        "search/index.js",
        "respond/index.html",
    ];
    for file in clashes {
        site.write(&format!("static/{file}"), "User-agent: *\nAllow: /\n");
    }
    site.write(
        "static/people/amara-okafor/notes.txt",
        "no clash: convene writes no such file",
    );
    let (code, diags) = site.check();
    assert_eq!(code, 1);
    for file in clashes {
        let d = find(
            &diags,
            &format!("static/{file}"),
            "where convene writes a file of its own",
        );
        assert_eq!(d["severity"], "error");
    }
    assert!(
        !messages(&diags).iter().any(|m| m.contains("notes.txt")),
        "{:#?}",
        messages(&diags)
    );
    // The playbook's robots.txt is the only one there is.
    assert!(find(&diags, "static/robots.txt", "")
        .to_string()
        .contains("public hub and the playbook"));
}

/// The collision check knows every file a build writes: here, every file
/// of content-example's two sites that does not come from static/.
#[test]
fn the_files_a_build_plans_are_the_files_it_writes() {
    use convene::model::Audience;
    let site = example_site();
    let mut diags = convene::Diagnostics::default();
    let corpus =
        convene::load::site(&site, convene::config::DEFAULT_MAX_FILE_SIZE, &mut diags).unwrap();
    let themes = convene::theme::Theme::for_site(&site, &corpus.config, &mut Vec::new()).unwrap();
    let highlighter = convene::highlight::Highlighter::plain();
    let images = convene::images::Images::default();
    let now = chrono::DateTime::parse_from_rfc3339(NOW).unwrap();
    let (_tmp, out) = build_example();
    for audience in [Audience::Public, Audience::Playbook] {
        // Every language's pages (content-example is in English and Welsh).
        let views = convene::views_in_languages(&corpus, audience, now);
        let mut planned = Vec::new();
        let mut folders = Vec::new();
        for (view, theme) in views.iter().zip(&themes) {
            let tools = convene::render::Tools {
                theme,
                highlighter: &highlighter,
                images: &images,
            };
            let (files, whole) = convene::render::Pages::new(view, &tools).planned();
            planned.extend(files);
            folders.extend(whole);
        }
        let view = &views[0];
        let written = tree(&out.join(audience.folder()));
        let statics: Vec<&Path> = view.static_files.clone();
        let unplanned: Vec<&PathBuf> = written
            .keys()
            .filter(|f| !planned.contains(f) && !statics.contains(&f.as_path()))
            .filter(|f| !folders.iter().any(|folder| f.starts_with(folder)))
            .collect();
        assert!(
            unplanned.is_empty(),
            "{audience:?} writes files the plan misses: {unplanned:?}"
        );
        assert!(planned.len() > 50, "{}", planned.len());
    }
}

#[test]
fn output_and_image_cache_can_never_land_in_what_the_site_reads() {
    let site = Site::new();
    let tmp = site.dir.parent().unwrap();
    let link = tmp.join("link-to-site");
    std::os::unix::fs::symlink(&site.dir, &link).unwrap();
    let attempts: Vec<Vec<String>> = vec![
        vec![
            "--out".into(),
            link.join("static/x").to_string_lossy().into(),
        ],
        vec!["--out".into(), link.join("static").to_string_lossy().into()],
        vec![
            "--out".into(),
            tmp.join("dist/../link-to-site/templates/new")
                .to_string_lossy()
                .into(),
        ],
        vec!["--out".into(), link.join("people").to_string_lossy().into()],
        vec![
            "--out".into(),
            tmp.join("dist").to_string_lossy().into(),
            "--image-cache".into(),
            link.join("static/cache").to_string_lossy().into(),
        ],
        vec![
            "--out".into(),
            tmp.join("dist").to_string_lossy().into(),
            "--image-cache".into(),
            tmp.join("dist/public/cache").to_string_lossy().into(),
        ],
    ];
    for extra in attempts {
        let out = convene()
            .args(["build", &site.dir.to_string_lossy(), "--now", NOW])
            .args(&extra)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(2),
            "{extra:?} was accepted: {}",
            stderr(&out)
        );
        assert!(stderr(&out).contains("refusing"), "{}", stderr(&out));
    }
    assert!(!site.dir.join("static/x").exists() && !site.dir.join("static/cache").exists());
    assert!(!site.dir.join("static/public").exists() && !site.dir.join("templates").exists());
}

/// Input that made convene panic: text cut inside a character. Now each
/// is a problem at its line, and the run ends with an exit code, not a crash.
#[test]
fn text_is_never_cut_inside_a_character() {
    let site = Site::new();
    site.write(
        "stories/2026-04-01-cut.md",
        "---\ntitle: Cut\ndate: 2026-04-01\npublish_after: \"abcdefghiéabcdefgh\"\n---\n\nBody.\n",
    );
    site.write("people/amara-okafor.md", "---\nname: Amara Okafor\npublic: true\nresponding_level: 2\ninternal: {email: amara@riverside.example}\n---\n\nİstanbul, Zoë, café: write to AMARA@riverside.example.\n");
    let (code, diags) = site.check();
    assert_eq!(code, 1, "{:#?}", messages(&diags));
    assert_eq!(
        find(&diags, "stories/2026-04-01-cut.md", "not a date")["line"],
        4
    );
    assert_eq!(
        find(&diags, "people/amara-okafor.md", "internal `email`")["line"],
        8
    );
}

/// A front matter no person writes (megabytes of nesting or anchors) is
/// refused at once with a reason, not parsed for minutes.
#[test]
fn adversarial_front_matter_is_refused_before_parsing() {
    let site = Site::new();
    let deep = format!(
        "---\nname: Deep\ntopics: {}{}\n---\n",
        "[".repeat(2_000_000),
        "]".repeat(2_000_000)
    );
    let anchors: String = (0..150).map(|i| format!("  - &a{i} t{i}\n")).collect();
    site.write("people/deep.md", &deep);
    site.write(
        "people/anchors.md",
        &format!("---\nname: Anchors\ntopics:\n{anchors}---\n"),
    );
    site.write(
        "people/nested.md",
        &format!(
            "---\nname: Nested\ntopics: {}{}\n---\n",
            "[".repeat(40),
            "]".repeat(40)
        ),
    );
    let (code, diags) = site.check();
    assert_eq!(code, 1);
    assert!(find(&diags, "people/deep.md", "over the 64 KB limit")["hint"].is_string());
    find(&diags, "people/anchors.md", "more than 100 YAML anchors");
    find(&diags, "people/nested.md", "nests 41 levels deep");
}

/// "No name, no link" holds for every way a public page can point at
/// someone off the hub, not only a Markdown link: a picture whose address
/// is their file, a picture inside a link to them (their photo must not be
/// published because a public page shows it there), raw HTML links to
/// their file or to their page, alone or in a block. The playbook keeps
/// all of it.
#[test]
fn a_person_off_the_hub_is_named_by_no_picture_and_no_raw_html() {
    let site = Site::new();
    site.write("static/photos/joss-reid.svg", &svg("SECRET-photo"));
    site.write("static/photos/river.svg", &svg("a river"));
    site.write(
        "people/amara-okafor.md",
        "---\nname: Amara Okafor\nrole: Campaigns Lead\npublic: true\nresponding_level: 2\n---\n\n\
         Amara leads our river work.\n\n\
         ![SECRET-alt Joss](joss-reid.md)\n\n\
         [![SECRET-photo-alt](../static/photos/joss-reid.svg)](joss-reid.md) ![A river](../static/photos/river.svg)\n\n\
         Ask <a href=\"joss-reid.md\">SECRET-inline <b>Joss</b></a> about safeguarding.\n\n\
         <div class=\"box\">\n<p>Our lead: <a href=\"/people/joss-reid/\">SECRET-block</a></p>\n</div>\n\n\
         Closing words.\n\n\
         Meet [![SECRET-full](../static/photos/joss-reid.svg) SECRET-full-words](https://People.Test.Example/people/joss-reid/).\n\n\
         See <a href=\"https://people.test.example/people/joss-reid/\">SECRET-raw-full <img src=\"/photos/joss-reid.svg\" alt=\"w\"></a>,\n\
         <a href=\"/peo&#9;ple/joss-reid/\">SECRET-tab</a>, <a href=\"/people/amara-okafor/../joss-reid/\">SECRET-dots</a>,\n\
         <a href=\"amara-okafor.cy.md\">SECRET-translation <img src=\"/photos/joss-reid.svg\" alt=\"w\"></a>.\n\n\
         A namesake elsewhere: [Joss the painter](https://art.example/people/joss-reid/).\n",
    );
    let diags = site.built();
    for line in [10, 12, 14, 17, 22, 24, 25, 26] {
        let d = diags
            .iter()
            .find(|d| d["line"] == line && d["file"] == "people/amara-okafor.md")
            .unwrap_or_else(|| panic!("no warning at line {line}: {:#?}", messages(&diags)));
        assert!(
            d["message"]
                .as_str()
                .unwrap()
                .contains("not on the public hub"),
            "{d}"
        );
    }
    assert_eq!(holding(&site.public(), "SECRET"), Vec::<PathBuf>::new());
    let page =
        std::fs::read_to_string(site.public().join("people/amara-okafor/index.html")).unwrap();
    let namesake = "https://art.example/people/joss-reid/";
    assert!(
        page.contains(namesake),
        "another web site's page of the same name is not theirs: {page}"
    );
    assert!(!page.replace(namesake, "").contains("joss-reid"), "{page}");
    assert!(
        page.contains("Ask  about safeguarding.") && page.contains("Closing words."),
        "{page}"
    );
    assert!(
        page.contains("river.svg"),
        "the picture beside the link stays: {page}"
    );
    assert!(site.public().join("photos/river.svg").is_file());
    assert!(!site.public().join("photos/joss-reid.svg").exists());
    let playbook =
        std::fs::read_to_string(site.playbook().join("people/amara-okafor/index.html")).unwrap();
    for kept in [
        "SECRET-alt Joss",
        "SECRET-photo-alt",
        "SECRET-inline",
        "SECRET-block",
        "SECRET-full-words",
        "SECRET-raw-full",
        "SECRET-tab",
        "SECRET-dots",
    ] {
        assert!(playbook.contains(kept), "{kept} missing from the playbook");
    }
    assert!(site.playbook().join("photos/joss-reid.svg").is_file());
}
