//! The playbook's own pages and details: contacts you can tap, its own
//! title, and email signatures. Pages are parsed, not grepped.

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

fn within<'h>(el: &scraper::ElementRef<'h>, css: &str) -> Vec<scraper::ElementRef<'h>> {
    el.select(&Selector::parse(css).unwrap()).collect()
}

fn text(el: &scraper::ElementRef) -> String {
    el.text().collect::<String>().trim().to_string()
}

fn attr(el: &scraper::ElementRef, name: &str) -> String {
    el.value().attr(name).unwrap_or_default().to_string()
}

/// A relative link on the page at `page` (a folder), resolved to the file it opens.
fn target(site: &Path, page: &str, href: &str) -> PathBuf {
    let mut path = site.join(page);
    for part in href.split('/').filter(|p| !p.is_empty()) {
        match part {
            ".." => {
                path.pop();
            }
            part => path.push(part),
        }
    }
    path.join("index.html")
}

/// content-example, copied so a test can change it.
fn example_copy(tmp: &Path) -> PathBuf {
    let site = tmp.join("site");
    copy_site(&example_site(), &site);
    site
}

#[test]
fn playbook_emails_and_phones_are_links_and_a_manager_is_a_named_link() {
    let (_tmp, out) = build_example();
    let playbook = out.join("playbook");
    let amara = page(&playbook.join("people/amara-okafor/index.html"));
    let links = |html: &Html, scheme: &str| -> Vec<(String, String)> {
        select(html, &format!("main a[href^=\"{scheme}\"]"))
            .iter()
            .map(|a| (attr(a, "href"), text(a)))
            .collect()
    };
    assert_eq!(
        links(&amara, "mailto:"),
        [(
            "mailto:amara.okafor@riverside.example".to_string(),
            "amara.okafor@riverside.example".to_string()
        )]
    );
    assert_eq!(
        links(&amara, "tel:"),
        [("tel:07700900101".to_string(), "07700 900101".to_string())]
    );
    // The manager: a name linking to their profile, not the slug as text.
    let details = select(&amara, "dl.contact dd");
    let manager = details
        .iter()
        .find(|dd| text(dd) == "Callum Fraser")
        .expect("the manager by name");
    let link = attr(&within(manager, "a")[0], "href");
    let file = target(&playbook, "people/amara-okafor", &link);
    assert!(file.is_file(), "{link} opens nothing");
    let callum = page(&file);
    assert!(text(&select(&callum, "h1")[0]).starts_with("Callum Fraser"));
    assert!(!details.iter().any(|dd| text(dd).contains("callum-fraser")));

    // Who responds on what: every email and phone a link.
    let respond = page(&playbook.join("respond/index.html"));
    let items = select(&respond, ".contact-item");
    assert!(!items.is_empty());
    for item in &items {
        let label = text(item);
        if label.starts_with("Email:") || label.starts_with("Phone:") {
            let a = within(item, "a");
            assert_eq!(a.len(), 1, "{label}");
            let href = attr(&a[0], "href");
            assert!(
                href.starts_with("mailto:") || href.starts_with("tel:"),
                "{href}"
            );
        }
    }
    assert!(links(&respond, "mailto:").contains(&(
        "mailto:amara.okafor@riverside.example".into(),
        "amara.okafor@riverside.example".into()
    )));

    // None of it on the public hub.
    assert!(files_containing(&out.join("public"), "mailto:amara.okafor").is_empty());
    assert!(files_containing(&out.join("public"), "tel:077").is_empty());
}

#[test]
fn the_playbook_has_its_own_title_and_heading() {
    let (_tmp, out) = build_example();
    let title = |html: &Html| text(&select(html, "title")[0]);
    let playbook = page(&out.join("playbook/index.html"));
    assert_eq!(title(&playbook), "Riverside Trust playbook");
    assert_eq!(
        text(&select(&playbook, "h1")[0]),
        "Riverside Trust playbook"
    );
    assert_eq!(
        text(&select(&playbook, ".brand-name")[0]),
        "Riverside Trust playbook"
    );
    let hub = page(&out.join("public/index.html"));
    assert_eq!(title(&hub), "Riverside Trust People");
    assert!(files_containing(&out.join("public"), "Riverside Trust playbook").is_empty());

    // hub.yaml names it.
    let tmp = tempfile::tempdir().unwrap();
    let site = example_copy(tmp.path());
    let hub_yaml = read(&site.join("hub.yaml"));
    std::fs::write(
        site.join("hub.yaml"),
        hub_yaml.replacen(
            "theme:",
            "playbook_title: The Riverside Handbook\ntheme:",
            1,
        ),
    )
    .unwrap();
    let out = tmp.path().join("dist");
    let built = build(&site, &out);
    assert!(built.status.success(), "{}", stderr(&built));
    let home = page(&out.join("playbook/index.html"));
    assert_eq!(title(&home), "The Riverside Handbook");
    assert_eq!(text(&select(&home, "h1")[0]), "The Riverside Handbook");
    let guidelines = page(&out.join("playbook/guidelines/index.html"));
    assert_eq!(title(&guidelines), "Guidelines · The Riverside Handbook");
    assert_eq!(
        text(&select(&guidelines, ".brand-name")[0]),
        "The Riverside Handbook"
    );
    assert_eq!(
        title(&page(&out.join("public/index.html"))),
        "Riverside Trust People"
    );
}

/// The signature on a signature page, by version (`with-cta`, `plain`).
struct Signature<'h> {
    table: scraper::ElementRef<'h>,
    text: String,
}

fn signature<'h>(html: &'h Html, version: &str) -> Option<Signature<'h>> {
    let preview = select(html, &format!("#signature-{version}-html")).pop()?;
    let tables = within(&preview, ":scope > table");
    assert_eq!(
        tables.len(),
        1,
        "{version}: one table, and nothing around it"
    );
    let text = select(html, &format!("pre#signature-{version}-text"))
        .pop()
        .map(|pre| pre.text().collect())
        .expect("a plain-text version");
    Some(Signature {
        table: tables[0],
        text,
    })
}

fn hrefs(el: &scraper::ElementRef) -> Vec<String> {
    within(el, "a").iter().map(|a| attr(a, "href")).collect()
}

/// What mail programs need: inline styles on every element, no class,
/// stylesheet, script or picture, and only absolute links that a
/// message can open.
fn assert_email_safe(sig: &Signature) {
    let elements = within(&sig.table, "*");
    assert!(!within(&sig.table, "tr > td").is_empty());
    for el in elements.iter().chain([&sig.table]) {
        let tag = el.value().name();
        assert!(
            !["script", "style", "link", "img", "iframe"].contains(&tag),
            "{tag} in a signature"
        );
        assert!(el.value().attr("class").is_none(), "class on {tag}");
        if ["table", "td", "a", "span"].contains(&tag) {
            assert!(!attr(el, "style").is_empty(), "{tag} without inline style");
        }
    }
    for href in hrefs(&sig.table) {
        assert!(
            ["https://", "mailto:", "tel:"]
                .iter()
                .any(|s| href.starts_with(s)),
            "{href}"
        );
    }
}

#[test]
fn every_person_has_a_signature_that_pastes_as_a_table_with_working_links() {
    let (_tmp, out) = build_example();
    let playbook = out.join("playbook");
    let public = out.join("public");

    // The list of signatures names everyone, and every entry opens one.
    let index = page(&playbook.join("signatures/index.html"));
    let entries = select(&index, "main ul a");
    assert_eq!(entries.len(), 16);
    for a in &entries {
        assert!(target(&playbook, "signatures", &attr(a, "href")).is_file());
    }

    // Amara is on the hub: her signature links to her public profile.
    let amara = page(&playbook.join("signatures/amara-okafor/index.html"));
    assert_eq!(
        text(&select(&amara, "h1")[0]),
        "Email signature: Amara Okafor"
    );
    let with_cta = signature(&amara, "with-cta").expect("the running campaign's version");
    let plain = signature(&amara, "plain").expect("the version without a call to action");
    for sig in [&with_cta, &plain] {
        assert_email_safe(sig);
        let profile = "https://people.riverside.example/people/amara-okafor/";
        let links = hrefs(&sig.table);
        for expected in [
            "mailto:amara.okafor@riverside.example",
            "tel:07700900101",
            profile,
            "https://riverside.example",
        ] {
            assert!(
                links.iter().any(|l| l == expected),
                "{expected} in {links:?}"
            );
        }
        // The profile link is a page of the public hub.
        let path = profile.trim_start_matches("https://people.riverside.example/");
        assert!(public.join(path).join("index.html").is_file());
        let shown = text(&sig.table);
        assert!(shown.starts_with("Amara Okafor (she/her)"), "{shown}");
        assert!(shown.contains("Head of Communications"));
        assert!(sig
            .text
            .starts_with("Amara Okafor (she/her)\nHead of Communications"));
        assert!(sig
            .text
            .contains("amara.okafor@riverside.example · 07700 900101"));
        assert!(sig.text.contains(&format!(": {profile}")), "{}", sig.text);
        assert!(!sig.text.contains('<'), "{}", sig.text);
    }
    // Winter Warmth is running at NOW and has a call to action.
    let cta = "https://riverside.example/donate/winter-warmth";
    assert!(hrefs(&with_cta.table).iter().any(|l| l == cta));
    assert!(with_cta
        .text
        .contains(&format!("Give to the Winter Warmth Appeal: {cta}")));
    assert!(!hrefs(&plain.table).iter().any(|l| l == cta));
    assert!(!plain.text.contains(cta));
    // Both have copy buttons, for the HTML and for the text.
    assert_eq!(select(&amara, "button.copy-signature[data-html]").len(), 2);
    assert_eq!(
        select(&amara, "button.copy-signature:not([data-html])").len(),
        2
    );
    // Her profile in the playbook leads to it.
    let profile = page(&playbook.join("people/amara-okafor/index.html"));
    let link = select(&profile, ".staff-only a")
        .into_iter()
        .find(|a| text(a).starts_with("Email signature"))
        .expect("a link to the signature");
    assert_eq!(
        target(&playbook, "people/amara-okafor", &attr(&link, "href")),
        playbook.join("signatures/amara-okafor/index.html")
    );

    // Joss has no public profile: no link to the hub, in either form.
    let joss = page(&playbook.join("signatures/joss-reid/index.html"));
    for version in ["with-cta", "plain"] {
        let sig = signature(&joss, version).unwrap();
        assert_email_safe(&sig);
        assert!(
            !hrefs(&sig.table)
                .iter()
                .any(|l| l.contains("people.riverside.example")),
            "{:?}",
            hrefs(&sig.table)
        );
        assert!(
            !sig.text.contains("people.riverside.example"),
            "{}",
            sig.text
        );
        assert!(hrefs(&sig.table).contains(&"mailto:joss.reid@riverside.example".to_string()));
    }
    assert!(!public.join("people/joss-reid").exists());

    // Signatures are the playbook's alone.
    assert!(!public.join("signatures").exists());
    let pages = files_containing(&public, "Email signature");
    assert!(pages.iter().all(|f| f.starts_with("assets")), "{pages:?}");
}

#[test]
fn a_signature_logo_is_a_web_address_and_the_call_to_action_is_the_running_campaigns() {
    let tmp = tempfile::tempdir().unwrap();
    let site = example_copy(tmp.path());
    let hub_yaml = read(&site.join("hub.yaml"));
    // A file in static/ can't be shown in someone's mail.
    std::fs::write(
        site.join("hub.yaml"),
        format!("{hub_yaml}signature: {{logo: logo.svg}}\n"),
    )
    .unwrap();
    let (code, diags) = check_json(&site);
    assert_eq!(code, 1);
    let logo: Vec<_> = diags
        .iter()
        .filter(|d| d["message"].as_str().unwrap().contains("`logo`"))
        .collect();
    assert_eq!(logo.len(), 1, "{diags:#?}");
    assert_eq!(logo[0]["file"], "hub.yaml");
    assert_eq!(
        logo[0]["line"].as_u64(),
        Some(hub_yaml.lines().count() as u64 + 1)
    );

    std::fs::write(
        site.join("hub.yaml"),
        format!("{hub_yaml}signature: {{logo: \"https://riverside.example/logo.png?v=1&s=2\", logo_width: 90}}\n"),
    )
    .unwrap();
    // In the summer, Clean Rivers Summer is the running campaign.
    let out = tmp.path().join("dist");
    let built = build_at(&site, &out, "2026-07-01T12:00:00Z", None, &["--no-images"]);
    assert!(built.status.success(), "{}", stderr(&built));
    let amara = page(&out.join("playbook/signatures/amara-okafor/index.html"));
    let sig = signature(&amara, "with-cta").unwrap();
    let img = within(&sig.table, "img");
    assert_eq!(img.len(), 1);
    assert_eq!(
        attr(&img[0], "src"),
        "https://riverside.example/logo.png?v=1&s=2"
    );
    assert_eq!(
        (
            attr(&img[0], "width").as_str(),
            attr(&img[0], "alt").as_str()
        ),
        ("90", "Riverside Trust")
    );
    assert!(
        hrefs(&sig.table).contains(&"https://riverside.example/clean-rivers-summer".to_string())
    );
    assert!(sig.text.starts_with("Amara Okafor"));

    // Between campaigns there is one signature, without a call to action.
    let out = tmp.path().join("dist-spring");
    let built = build_at(&site, &out, "2026-05-01T12:00:00Z", None, &["--no-images"]);
    assert!(built.status.success(), "{}", stderr(&built));
    let amara = page(&out.join("playbook/signatures/amara-okafor/index.html"));
    assert!(signature(&amara, "with-cta").is_none());
    let sig = signature(&amara, "plain").unwrap();
    assert!(!hrefs(&sig.table)
        .iter()
        .any(|l| l.contains("riverside.example/donate") || l.contains("clean-rivers")));
    assert_eq!(select(&amara, "section.signature h2").len(), 1);
}

#[test]
fn a_signature_takes_only_the_work_email_and_phone() {
    let tmp = tempfile::tempdir().unwrap();
    let site = example_copy(tmp.path());
    // A personal number and address listed first must not go out in mail.
    let file = site.join("people/amara-okafor.md");
    std::fs::write(
        &file,
        read(&file).replace(
            "internal:\n",
            "internal:\n  personal_phone: \"07700 900999\"\n  home_email: amara@home.example\n",
        ),
    )
    .unwrap();
    let out = tmp.path().join("dist");
    let result = build(&site, &out);
    assert!(result.status.success(), "{}", stderr(&result));
    let page = read(&out.join("playbook/signatures/amara-okafor/index.html"));
    assert!(page.contains("tel:07700900101"), "the work phone");
    assert!(page.contains("mailto:amara.okafor@riverside.example"));
    assert!(!page.contains("900999") && !page.contains("amara@home.example"));
    // The profile still shows every entry to colleagues.
    let profile = read(&out.join("playbook/people/amara-okafor/index.html"));
    assert!(profile.contains("07700 900999"));
}
