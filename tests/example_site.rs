//! content-example/ built into a temp dir: what each site must and must not
//! contain, checked against the front matter read independently of convene.

mod support;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use support::site::*;

/// Build the example once for all tests in this file.
fn built() -> &'static Path {
    static OUT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &OUT.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("dist");
        let result = build(&example_site(), &out);
        assert!(
            result.status.success(),
            "build failed:\n{}",
            stderr(&result)
        );
        (tmp, out)
    })
    .1
}

/// The content files of one kind, without their translations
/// (`amara-okafor.cy.md`, whose stem has a dot).
fn content(kind: &str) -> Vec<(String, serde_yaml::Value)> {
    let mut items: Vec<_> = std::fs::read_dir(example_site().join(kind))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .filter(|p| !p.file_stem().unwrap().to_string_lossy().contains('.'))
        .map(|p| {
            let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
            (stem, front_matter(&p))
        })
        .collect();
    items.sort_by(|a, b| a.0.clone().cmp(&b.0));
    items
}

fn all_text(dir: &Path) -> String {
    tree(dir)
        .values()
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

fn story_slug(stem: &str) -> &str {
    if stem.as_bytes().get(10) == Some(&b'-') {
        &stem[11..]
    } else {
        stem
    }
}

fn flat_strings(v: &serde_yaml::Value, out: &mut Vec<String>) {
    match v {
        serde_yaml::Value::String(s) => out.push(s.clone()),
        serde_yaml::Value::Number(n) => out.push(n.to_string()),
        serde_yaml::Value::Sequence(items) => items.iter().for_each(|i| flat_strings(i, out)),
        serde_yaml::Value::Mapping(m) => m.values().for_each(|i| flat_strings(i, out)),
        _ => {}
    }
}

#[test]
fn exactly_the_consenting_people_have_public_profiles() {
    let public = built().join("public");
    let playbook = built().join("playbook");
    let hub = all_text(&public);
    let (mut shown, mut hidden) = (0, 0);
    for (slug, fm) in content("people") {
        let consenting = fm["public"].as_bool() == Some(true);
        let page = public.join("people").join(&slug).join("index.html");
        assert_eq!(
            page.exists(),
            consenting,
            "{slug}: public profile present = {}",
            page.exists()
        );
        assert!(
            playbook
                .join("people")
                .join(&slug)
                .join("index.html")
                .exists(),
            "{slug} missing from the playbook"
        );
        if consenting {
            shown += 1;
            assert!(read(&page).contains(fm["name"].as_str().unwrap()));
        } else {
            hidden += 1;
            assert!(
                !hub.contains(&format!("people/{slug}/")),
                "{slug} is linked on the public hub"
            );
            assert!(
                !hub.contains(fm["name"].as_str().unwrap()),
                "{slug}'s name appears on the public hub"
            );
        }
    }
    assert!(
        shown >= 10 && hidden >= 3,
        "example should have both kinds: {shown} public, {hidden} not"
    );
}

#[test]
fn internal_contact_details_stay_in_the_playbook() {
    let hub = all_text(&built().join("public"));
    let playbook = all_text(&built().join("playbook"));
    let mut checked = 0;
    for (slug, fm) in content("people") {
        let mut values = Vec::new();
        flat_strings(&fm["internal"], &mut values);
        // A value the person also published themselves (a handle that is in
        // their public `links`) is not private.
        let mut public_fields = fm.clone();
        public_fields.as_mapping_mut().unwrap().remove("internal");
        let public_fields = serde_yaml::to_string(&public_fields).unwrap();
        for value in values
            .iter()
            .filter(|v| v.len() > 6 && !public_fields.contains(v.as_str()))
        {
            // `manager` is a slug that may legitimately appear as a public URL.
            if fm["internal"]["manager"].as_str() == Some(value.as_str()) {
                continue;
            }
            let escaped = value
                .replace('&', "&amp;")
                .replace('\'', "&#x27;")
                .replace('"', "&quot;");
            assert!(
                !hub.contains(value.as_str()) && !hub.contains(&escaped),
                "{slug}: `{value}` leaked to the public hub"
            );
            assert!(
                playbook.contains(&escaped),
                "{slug}: `{value}` missing from the playbook"
            );
            checked += 1;
        }
    }
    assert!(checked > 30, "only {checked} internal values checked");
}

#[test]
fn unpublished_stories_are_only_in_the_playbook_with_a_banner() {
    let public = built().join("public");
    let playbook = built().join("playbook");
    let hub = all_text(&public);
    let mut kinds = Vec::new();
    for (stem, fm) in content("stories") {
        let slug = story_slug(&stem);
        let banner = if fm["draft"].as_bool() == Some(true) {
            "Draft"
        } else if fm["audience"].as_str() == Some("internal") {
            "Internal only"
        } else if fm["publish_after"].as_str().is_some_and(|t| t > NOW) {
            "Embargoed until"
        } else {
            assert!(
                public
                    .join("stories")
                    .join(slug)
                    .join("index.html")
                    .exists(),
                "{slug} should be public"
            );
            continue;
        };
        kinds.push(banner);
        assert!(
            !public.join("stories").join(slug).exists(),
            "{slug} ({banner}) has a public page"
        );
        assert!(
            !hub.contains(fm["title"].as_str().unwrap()),
            "{slug} ({banner}) title appears on the hub"
        );
        let page = read(&playbook.join("stories").join(slug).join("index.html"));
        assert!(
            page.contains(&format!("<strong>{banner}")),
            "{slug} has no `{banner}` banner in the playbook"
        );
    }
    kinds.sort();
    assert_eq!(kinds, ["Draft", "Embargoed until", "Internal only"]);
}

#[test]
fn staff_notes_and_internal_guidelines_stay_in_the_playbook() {
    let hub = all_text(&built().join("public"));
    let playbook = built().join("playbook");
    for kind in ["stories", "campaigns"] {
        for (stem, fm) in content(kind) {
            if let Some(notes) = fm["staff_notes"].as_str() {
                let start: String = notes.chars().take(40).collect();
                assert!(
                    !hub.contains(&start),
                    "{kind}/{stem}: staff_notes on the public hub"
                );
                let page = read(
                    &playbook
                        .join(kind)
                        .join(story_slug(&stem))
                        .join("index.html"),
                );
                assert!(
                    page.contains(&start.replace('\'', "&#x27;").replace('"', "&quot;")),
                    "{stem}: staff_notes missing in the playbook"
                );
            }
        }
    }
    let public = built().join("public");
    for (slug, fm) in content("guidelines") {
        let is_public = fm["audience"].as_str() == Some("public");
        assert_eq!(
            public.join("guidelines").join(&slug).exists(),
            is_public,
            "guideline {slug}"
        );
        assert!(playbook
            .join("guidelines")
            .join(&slug)
            .join("index.html")
            .exists());
        if !is_public {
            assert!(
                !hub.contains(fm["title"].as_str().unwrap()),
                "internal guideline {slug} is named on the hub"
            );
        }
    }
}

#[test]
fn the_playbook_is_never_indexed() {
    let playbook = built().join("playbook");
    assert_eq!(
        read(&playbook.join("robots.txt")),
        "User-agent: *\nDisallow: /\n"
    );
    for (path, bytes) in tree(&playbook) {
        if path.extension().is_some_and(|e| e == "html") {
            let html = String::from_utf8_lossy(&bytes);
            assert!(
                html.contains(r#"<meta name="robots" content="noindex, nofollow">"#),
                "{} lacks noindex",
                path.display()
            );
        }
    }
    assert!(!read(&built().join("public/robots.txt")).contains("Disallow: /\n"));
    assert!(!read(&built().join("public/index.html")).contains("noindex"));
}

#[test]
fn markdown_links_become_page_urls() {
    let story = read(&built().join("public/stories/otter-survey/index.html"));
    // A link to a public person's source file becomes their profile page.
    assert!(
        story.contains(r#"href="../../people/"#),
        "no rewritten person link"
    );
    for (path, bytes) in tree(built()) {
        let html = String::from_utf8_lossy(&bytes);
        assert!(
            !html.contains(".md\""),
            "{} still links to a .md file",
            path.display()
        );
        assert!(
            !html.contains("../static/"),
            "{} still links into static/",
            path.display()
        );
    }
    // Static files are published at the site root, and referenced images exist.
    assert!(built().join("public/images/river.jpg").exists());
}

#[test]
fn non_public_people_in_a_story_are_left_out_of_it() {
    for (stem, fm) in content("stories") {
        let people: Vec<&str> = fm["people"]
            .as_sequence()
            .map(|s| s.iter().filter_map(|v| v.as_str()).collect())
            .unwrap_or_default();
        let page = built()
            .join("public/stories")
            .join(story_slug(&stem))
            .join("index.html");
        if !page.exists() {
            continue;
        }
        let html = read(&page);
        for slug in people {
            let person = front_matter(&example_site().join("people").join(format!("{slug}.md")));
            let linked = html.contains(&format!("people/{slug}/"));
            assert_eq!(
                linked,
                person["public"].as_bool() == Some(true),
                "{stem}: {slug} linked = {linked}"
            );
        }
    }
}

#[test]
fn fenced_code_is_highlighted_with_classes() {
    let playbook = built().join("playbook");
    let highlighted = files_containing(&playbook.join("guidelines"), "class=\"hl-");
    assert!(
        !highlighted.is_empty(),
        "no highlighted code in any guideline"
    );
    let css = read(&playbook.join("assets/syntax.css"));
    assert!(css.contains(".hl-") && css.contains("prefers-color-scheme: dark"));
    // Pages with code (email signatures are the playbook's only inline styles).
    for page in files_containing(&playbook, "<pre class=\"code") {
        let html = read(&playbook.join(&page));
        assert!(
            !html.contains("style=\"color"),
            "inline styles in highlighted code: {}",
            page.display()
        );
    }
}

#[test]
fn aliases_redirect_to_the_current_address() {
    for (slug, fm) in content("people") {
        for alias in fm["aliases"]
            .as_sequence()
            .into_iter()
            .flatten()
            .filter_map(|a| a.as_str())
        {
            let site = if fm["public"].as_bool() == Some(true) {
                "public"
            } else {
                "playbook"
            };
            let page = read(
                &built()
                    .join(site)
                    .join("people")
                    .join(alias)
                    .join("index.html"),
            );
            assert!(
                page.contains(&format!("url=../../people/{slug}/")),
                "alias {alias} does not redirect to {slug}"
            );
        }
    }
}

#[test]
fn no_page_asks_another_host_for_anything() {
    for (path, bytes) in tree(built()) {
        if path.extension().is_some_and(|e| e == "html") {
            let html = String::from_utf8_lossy(&bytes);
            for tag in [
                "<script src=\"http",
                "<link rel=\"stylesheet\" href=\"http",
                "<img src=\"http",
                "@import",
            ] {
                assert!(
                    !html.contains(tag),
                    "{} loads from another host: {tag}",
                    path.display()
                );
            }
        }
    }
}

/// The guidelines' own front matter, read independently: owner, reviewed.
fn kept_by(slug: &str) -> (Option<String>, Option<String>) {
    let fm = front_matter(&example_site().join(format!("guidelines/{slug}.md")));
    let s = |k: &str| fm[k].as_str().map(String::from);
    (s("owner"), s("reviewed"))
}

#[test]
fn guidelines_say_who_keeps_them_and_long_ones_list_their_sections() {
    let out = built();
    for (slug, fm) in content("guidelines") {
        let playbook = read(&out.join(format!("playbook/guidelines/{slug}/index.html")));
        let (owner, reviewed) = kept_by(&slug);
        if let Some(owner) = &owner {
            let name = front_matter(&example_site().join(format!("people/{owner}.md")))["name"]
                .as_str()
                .unwrap()
                .to_string();
            assert!(
                playbook.contains(&format!("<a href=\"../../people/{owner}/\">{name}</a>")),
                "{slug}: the playbook links its owner"
            );
        }
        assert_eq!(playbook.contains("Reviewed "), reviewed.is_some(), "{slug}");
        // A contents list from three `##` sections on, linking to each.
        let body =
            std::fs::read_to_string(example_site().join(format!("guidelines/{slug}.md"))).unwrap();
        let sections = body.lines().filter(|l| l.starts_with("## ")).count();
        let has_contents = playbook.contains("<nav class=\"contents\"");
        assert_eq!(has_contents, sections >= 3, "{slug}: {sections} sections");
        if has_contents {
            let nav = playbook.split("<nav class=\"contents\"").nth(1).unwrap();
            let nav = nav.split("</nav>").next().unwrap();
            let targets: Vec<&str> = nav
                .split("href=\"#")
                .skip(1)
                .map(|r| r.split('"').next().unwrap())
                .collect();
            let subsections = body.lines().filter(|l| l.starts_with("### ")).count();
            assert_eq!(
                targets.len(),
                sections + subsections,
                "{slug}: each section and subsection"
            );
            for id in targets {
                assert!(
                    playbook.contains(&format!(" id=\"{id}\"")),
                    "{slug}: #{id} is on the page"
                );
            }
        }
        if fm["audience"].as_str() == Some("public") {
            let public = read(&out.join(format!("public/guidelines/{slug}/index.html")));
            assert_eq!(public.contains("Reviewed "), reviewed.is_some(), "{slug}");
        }
    }
}

#[test]
fn a_public_guideline_names_its_owner_only_when_they_are_on_the_hub() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_site(&example_site(), &site);
    // Joss Reid is not on the hub.
    let file = site.join("guidelines/accessible-posts.md");
    // And a section's heading links to him: the hub drops the link and its
    // words, so its contents list must not bring his name back.
    let text = read(&file).replace("owner: wren-taylor", "owner: joss-reid");
    let text = text.replacen(
        "\n## ",
        "\n## Ask [Joss](../people/joss-reid.md)\n\nAsk him.\n\n## ",
        1,
    );
    std::fs::write(&file, text).unwrap();
    let out = tmp.path().join("dist");
    let result = build(&site, &out);
    assert!(result.status.success(), "{}", stderr(&result));
    let public = read(&out.join("public/guidelines/accessible-posts/index.html"));
    let playbook = read(&out.join("playbook/guidelines/accessible-posts/index.html"));
    assert!(!public.contains("Joss") && !public.contains("joss-reid"));
    assert!(public.contains("<nav class=\"contents\""));
    assert!(
        playbook.contains("<a href=\"#ask-joss\">Ask Joss</a>"),
        "the playbook keeps it"
    );
    assert!(public.contains("Reviewed 20 May 2026."), "the date stays");
    assert!(playbook
        .contains("Reviewed 20 May 2026 by <a href=\"../../people/joss-reid/\">Joss Reid</a>."));
}

#[test]
fn the_playbook_home_lists_what_changed_newest_first() {
    let out = built();
    let home = read(&out.join("playbook/index.html"));
    let section = home
        .split("<h2 id=\"changes-heading\">")
        .nth(1)
        .expect("the playbook home lists recent changes")
        .split("</section>")
        .next()
        .unwrap();
    let dates: Vec<&str> = section
        .split("datetime=\"")
        .skip(1)
        .map(|r| r.split('"').next().unwrap())
        .collect();
    assert_eq!(dates.len(), 8);
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    // A guideline updated on 20 November 2026 is among them.
    assert!(section.contains("guidelines/handling-criticism-and-complaints/"));
    assert!(!read(&out.join("public/index.html")).contains("changes-heading"));
}
