//! The charity's brand: its logo in every header, its colours in the
//! stylesheet, the footer's links, and the accessibility statement on
//! both sites. Pages are parsed, not grepped.

mod support;

use scraper::{Html, Selector};
use std::path::{Path, PathBuf};
use support::site::*;

fn page(path: &Path) -> Html {
    Html::parse_document(&read(path))
}

fn select<'h>(html: &'h Html, css: &str) -> Vec<scraper::ElementRef<'h>> {
    html.select(&Selector::parse(css).unwrap()).collect()
}

fn attr(el: &scraper::ElementRef, name: &str) -> String {
    el.value().attr(name).unwrap_or_default().to_string()
}

fn text(el: &scraper::ElementRef) -> String {
    el.text().collect::<String>().trim().to_string()
}

/// Every HTML page of a built site that is not a redirect.
fn pages(site: &Path) -> Vec<PathBuf> {
    tree(site)
        .into_iter()
        .filter(|(p, bytes)| {
            p.extension().is_some_and(|e| e == "html")
                && !String::from_utf8_lossy(bytes).contains("http-equiv=\"refresh\"")
        })
        .map(|(p, _)| site.join(p))
        .collect()
}

#[test]
fn every_page_shows_the_logo_and_the_footer_links_and_the_colours_are_set() {
    let (_tmp, out) = build_example();
    for name in ["public", "playbook"] {
        let site = out.join(name);
        let all = pages(&site);
        assert!(all.len() > 20, "{name}: {}", all.len());
        for file in &all {
            let html = page(file);
            let rel = file.strip_prefix(&site).unwrap().display().to_string();
            let logos = select(&html, "header .brand img.brand-logo");
            assert_eq!(logos.len(), 1, "{name}/{rel}");
            assert_eq!(attr(&logos[0], "alt"), "Riverside Trust", "{name}/{rel}");
            if rel != "404.html" {
                // The logo's address, relative to the page, opens the file.
                let dir = file.parent().unwrap();
                assert!(dir.join(attr(&logos[0], "src")).is_file(), "{name}/{rel}");
            }
            let footer: Vec<(String, String)> = select(&html, "footer nav a")
                .iter()
                .map(|a| (text(a), attr(a, "href")))
                .collect();
            let texts: Vec<&str> = footer.iter().map(|(t, _)| t.as_str()).collect();
            // The Welsh pages (cy/) name the same links in Welsh.
            let welsh = rel.starts_with("cy/");
            let pick = |en, cy| if welsh { cy } else { en };
            assert_eq!(
                texts,
                [
                    pick("Privacy notice", "Hysbysiad preifatrwydd"),
                    pick("Accessibility statement", "Datganiad hygyrchedd"),
                    pick("Contact us", "Cysylltu â ni"),
                    pick("Donate", "Cyfrannu"),
                    pick("Get involved", "Cymryd rhan"),
                    "Mastodon",
                    "Bluesky",
                    "Instagram"
                ],
                "{name}/{rel}"
            );
            assert_eq!(footer[2].1, "mailto:hello@riverside.example");
            let me = select(&html, "footer a[rel=me]");
            assert_eq!(me.len(), 3, "{name}/{rel}");
        }
        let css = read(&site.join("assets/convene.css"));
        let (light, dark) = css
            .split_once("hub.yaml's `brand:`")
            .unwrap()
            .1
            .split_once("prefers-color-scheme: dark")
            .unwrap();
        assert!(light.contains("--accent: #1f5f63;"), "{light}");
        assert!(light.contains("--warm: #3b5a80;"), "{light}");
        // The dark scheme has its own, lighter accent.
        assert!(
            dark.contains("--accent: #") && !dark.contains("#1f5f63"),
            "{dark}"
        );
    }
}

#[test]
fn the_accessibility_statement_is_on_both_sites_and_says_where_to_report() {
    let (_tmp, out) = build_example();
    for name in ["public", "playbook"] {
        let file = out.join(name).join("accessibility/index.html");
        let html = page(&file);
        assert_eq!(
            text(&select(&html, "main h1")[0]),
            "Accessibility statement"
        );
        let body = text(&select(&html, "main")[0]);
        for promise in [
            "WCAG) 2.2",
            "level AA",
            "axe-core",
            "Nu Html Checker",
            "375 and 1280",
        ] {
            assert!(body.contains(promise), "{name}: {promise}");
        }
        let report = select(&html, "main a[href='mailto:hello@riverside.example']");
        assert_eq!(text(&report[0]), "hello@riverside.example");
        // Its footer link is the current page.
        let current = select(&html, "footer a[aria-current=page]");
        assert_eq!(text(&current[0]), "Accessibility statement");
    }
    let sitemap = read(&out.join("public/sitemap.xml"));
    assert!(sitemap.contains("https://people.riverside.example/accessibility/"));
}

#[test]
fn footer_addresses_are_escaped_and_a_site_can_rewrite_the_statement() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_site(&example_site(), &site);
    let hub = read(&site.join("hub.yaml"));
    let hub = hub.replace(
        "privacy: https://riverside.example/privacy",
        "privacy: 'https://riverside.example/privacy?a=\"><script>alert(1)</script>'",
    );
    std::fs::write(site.join("hub.yaml"), hub).unwrap();
    std::fs::create_dir_all(site.join("templates")).unwrap();
    std::fs::write(
        site.join("templates/accessibility.html"),
        "{% extends \"base.html\" %}{% block content %}<h1>Our own statement</h1>{% endblock content %}",
    )
    .unwrap();
    let out = tmp.path().join("dist");
    let result = build(&site, &out);
    assert!(result.status.success(), "{}", stderr(&result));
    let home = read(&out.join("public/index.html"));
    assert!(
        !home.contains("<script>alert"),
        "the address ended its attribute"
    );
    let html = Html::parse_document(&home);
    let privacy = select(&html, "footer a");
    assert!(privacy
        .iter()
        .any(|a| attr(a, "href")
            == "https://riverside.example/privacy?a=\"><script>alert(1)</script>"));
    let statement = page(&out.join("public/accessibility/index.html"));
    assert_eq!(text(&select(&statement, "main h1")[0]), "Our own statement");
}

#[test]
fn the_logo_is_published_even_when_only_a_private_story_also_names_it() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_site(&example_site(), &site);
    let embargoed = site.join("stories/2027-03-01-state-of-the-wend.md");
    let story = read(&embargoed) + "\n![Our logo](../static/logo.svg)\n";
    std::fs::write(&embargoed, story).unwrap();
    let out = tmp.path().join("dist");
    let result = build(&site, &out);
    assert!(result.status.success(), "{}", stderr(&result));
    assert!(out.join("public/logo.svg").is_file());
}

#[test]
fn without_a_brand_the_theme_keeps_its_own_look() {
    let site = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad-input/_good-site");
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("dist");
    let result = build(&site, &out);
    assert!(result.status.success(), "{}", stderr(&result));
    let css = read(&out.join("public/assets/convene.css"));
    let theme =
        read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/convene.css"));
    assert_eq!(css, theme);
    let home = page(&out.join("public/index.html"));
    assert!(select(&home, "header img").is_empty());
    assert_eq!(select(&home, "header .brand-mark").len(), 1);
    // The statement is there, with only the accessibility link in the footer.
    let footer: Vec<String> = select(&home, "footer nav a").iter().map(text).collect();
    assert_eq!(footer, ["Accessibility statement"]);
    assert!(out.join("playbook/accessibility/index.html").is_file());
}

#[test]
fn check_reports_a_brand_colour_at_its_line_with_the_nearest_that_passes() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_site(&example_site(), &site);
    let hub = read(&site.join("hub.yaml")).replace("\"#1f5f63\"", "\"#4fa3a9\"");
    std::fs::write(site.join("hub.yaml"), &hub).unwrap();
    let (code, found) = check_json(&site);
    assert_eq!(code, 1);
    // (content-example's Welsh is incomplete on purpose: a warning.)
    let found: Vec<_> = found
        .into_iter()
        .filter(|d| d["severity"] == "error")
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    let d = &found[0];
    let line = hub.lines().position(|l| l.contains("#4fa3a9")).unwrap() + 1;
    assert_eq!(d["file"], "hub.yaml");
    assert_eq!(d["line"], line);
    let message = d["message"].as_str().unwrap();
    assert!(message.contains("#ffffff on #4fa3a9"), "{message}");
    let hint = d["hint"].as_str().unwrap();
    let suggested = hint.split('"').nth(1).unwrap().to_string();
    assert!(suggested.starts_with('#') && suggested.len() == 7, "{hint}");
    std::fs::write(site.join("hub.yaml"), hub.replace("#4fa3a9", &suggested)).unwrap();
    let (code, found) = check_json(&site);
    assert_eq!(code, 0);
    assert!(
        found.iter().all(|d| d["severity"] == "warning"),
        "{found:?}"
    );
}

/// Share cards carry the brand: the accent colour in their bands and the
/// logo on a white plate where the organisation's name was.
#[test]
fn share_cards_carry_the_logo_and_the_accent_colour() {
    let (_tmp, out) = build_example();
    let card = image::open(out.join("public/people/amara-okafor/share-card.jpg"))
        .unwrap()
        .to_rgb8();
    let near = |x: u32, y: u32, rgb: [u8; 3]| {
        let p = card.get_pixel(x, y).0;
        p.iter().zip(rgb).all(|(a, b)| a.abs_diff(b) <= 6)
    };
    // content-example's accent is #1f5f63.
    assert!(
        near(700, 600, [0x1f, 0x5f, 0x63]),
        "{:?}",
        card.get_pixel(700, 600)
    );
    assert!(near(600, 8, [0x1f, 0x5f, 0x63]));
    // The plate, right of the logo.
    assert!(
        near(340, 600, [255, 255, 255]),
        "{:?}",
        card.get_pixel(340, 600)
    );
    // The logo itself is drawn: some pixel on the plate's left is not white.
    let drawn = (80..200).any(|x| (565..605).any(|y| !near(x, y, [255, 255, 255])));
    assert!(drawn, "no logo on the plate");
}
