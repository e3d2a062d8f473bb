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
            "language:",
            "playbook_title: The Riverside Handbook\nlanguage:",
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
