//! Sharing: metadata, JSON-LD, share links, vCards, feeds, sitemap and the
//! share kit, each parsed rather than grepped.

mod support;

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use support::site::*;

/// The JSON-LD blocks of a page, parsed.
fn json_ld(html: &str) -> Vec<Value> {
    html.split("<script type=\"application/ld+json\">")
        .skip(1)
        .map(|rest| {
            serde_json::from_str(rest.split("</script>").next().unwrap()).expect("JSON-LD parses")
        })
        .collect()
}

fn meta(html: &str, property: &str) -> Option<String> {
    let key = format!("property=\"{property}\" content=\"");
    let key2 = format!("name=\"{property}\" content=\"");
    html.split(&key)
        .nth(1)
        .or_else(|| html.split(&key2).nth(1))
        .map(|r| r.split('"').next().unwrap().replace("&amp;", "&"))
}

/// Query parameters of a URL, decoded.
fn query(url: &str) -> BTreeMap<String, String> {
    let q = url.split_once('?').map(|(_, q)| q).unwrap_or("");
    q.split('&')
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| (k.to_string(), decode(v)))
        .collect()
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

fn hrefs(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .map(|r| r.split('"').next().unwrap().replace("&amp;", "&"))
        .collect()
}

fn public_people(site: &Path) -> Vec<(String, Value)> {
    let mut found: Vec<(String, Value)> = std::fs::read_dir(site.join("people"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_stem().unwrap().to_string_lossy().into_owned(),
                front_matter(&p),
            )
        })
        .filter(|(_, fm)| fm["public"].as_bool() == Some(true))
        .map(|(slug, fm)| (slug, serde_json::to_value(fm).unwrap()))
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

#[test]
fn profiles_carry_open_graph_and_profile_page_json_ld_of_public_data() {
    let (_tmp, out) = build_example();
    for (slug, fm) in public_people(&example_site()) {
        let html = read(&out.join("public/people").join(&slug).join("index.html"));
        let canonical = format!("https://people.riverside.example/people/{slug}/");
        assert_eq!(meta(&html, "og:url").as_deref(), Some(canonical.as_str()));
        assert_eq!(meta(&html, "og:type").as_deref(), Some("profile"));
        assert_eq!(meta(&html, "og:title").as_deref(), fm["name"].as_str());
        assert!(meta(&html, "twitter:card").is_some());
        let ld = json_ld(&html);
        assert_eq!(ld.len(), 1);
        assert_eq!(ld[0]["@type"], "ProfilePage");
        let person = &ld[0]["mainEntity"];
        assert_eq!(person["@type"], "Person");
        assert_eq!(person["name"], fm["name"]);
        assert_eq!(person["jobTitle"], fm["role"]);
        assert_eq!(person["worksFor"]["@type"], "NGO");
        assert_eq!(person["worksFor"]["name"], "Riverside Trust");
        assert_eq!(person["knowsAbout"], fm["topics"]);
        let links: BTreeSet<String> = fm["links"]
            .as_object()
            .map(|m| m.values().map(|v| v.to_string()).collect())
            .unwrap_or_default();
        let same_as: BTreeSet<String> = person["sameAs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.to_string())
            .collect();
        assert_eq!(same_as, links);
        let text = ld[0].to_string();
        // Values the person also published (a handle in their links) are not secret.
        let mut public_fields = fm.clone();
        public_fields.as_object_mut().unwrap().remove("internal");
        let public_fields = public_fields.to_string();
        let secrets = fm["internal"]
            .as_object()
            .into_iter()
            .flat_map(|m| m.values())
            .filter_map(Value::as_str);
        for secret in secrets.filter(|s| !public_fields.contains(s)) {
            assert!(
                !text.contains(secret),
                "{slug}: JSON-LD carries internal `{secret}`"
            );
        }
    }
    let home = read(&out.join("public/index.html"));
    let ngo = &json_ld(&home)[0];
    assert_eq!(
        (ngo["@type"].as_str(), ngo["identifier"].as_str()),
        (Some("NGO"), Some("1234567"))
    );
    // The playbook is not meant to be previewed or indexed.
    assert!(json_ld(&read(&out.join("playbook/people/amara-okafor/index.html"))).is_empty());
}

#[test]
fn stories_are_articles_mentioning_only_consenting_people() {
    let (_tmp, out) = build_example();
    let public: BTreeSet<String> = public_people(&example_site())
        .into_iter()
        .map(|(s, _)| s)
        .collect();
    let mut checked = 0;
    for entry in std::fs::read_dir(out.join("public/stories")).unwrap() {
        let page = entry.unwrap().path().join("index.html");
        if !page.exists() || page.parent().unwrap().file_name().unwrap() == "page" {
            continue;
        }
        let html = read(&page);
        let Some(ld) = json_ld(&html).pop() else {
            continue;
        };
        if ld["@type"] != "Article" {
            continue;
        }
        assert_eq!(meta(&html, "og:type").as_deref(), Some("article"));
        for person in ld["mentions"].as_array().unwrap() {
            let url = person["url"].as_str().unwrap();
            let slug = url.trim_end_matches('/').rsplit('/').next().unwrap();
            assert!(
                public.contains(slug),
                "{} mentions non-public {slug}",
                page.display()
            );
        }
        checked += 1;
    }
    assert!(checked >= 6);
}

#[test]
fn share_links_follow_each_networks_documented_form() {
    let (_tmp, out) = build_example();
    let html = read(&out.join("public/people/amara-okafor/index.html"));
    let url = "https://people.riverside.example/people/amara-okafor/";
    let links = hrefs(&html);
    let find = |prefix: &str| {
        links
            .iter()
            .find(|l| l.starts_with(prefix))
            .unwrap_or_else(|| panic!("no {prefix} link"))
    };
    assert_eq!(
        query(find("https://www.linkedin.com/sharing/share-offsite/")),
        BTreeMap::from([("url".into(), url.into())])
    );
    assert_eq!(
        query(find("https://www.facebook.com/sharer/sharer.php")),
        BTreeMap::from([("u".into(), url.into())])
    );
    for prefix in [
        "https://x.com/intent/post",
        "https://bsky.app/intent/compose",
        "https://www.threads.net/intent/post",
        "https://wa.me/",
    ] {
        let text = &query(find(prefix))["text"];
        assert!(
            text.starts_with("Meet Amara Okafor") && text.ends_with(url),
            "{prefix}: {text}"
        );
    }
    let mail = query(find("mailto:"));
    assert!(mail["body"].ends_with(url));
    assert!(
        html.contains("class=\"mastodon-share\"") && html.contains(&format!("data-copy=\"{url}\""))
    );
}

#[test]
fn vcards_hold_public_fields_only() {
    let (_tmp, out) = build_example();
    for (slug, fm) in public_people(&example_site()) {
        let card = read(
            &out.join("public/people")
                .join(&slug)
                .join(format!("{slug}.vcf")),
        );
        assert!(
            card.starts_with("BEGIN:VCARD\r\nVERSION:3.0\r\n") && card.ends_with("END:VCARD\r\n")
        );
        let fields: BTreeMap<&str, &str> = card
            .split("\r\n")
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.split(';').next().unwrap(), v))
            .collect();
        assert_eq!(fields["FN"], fm["name"].as_str().unwrap());
        assert_eq!(fields["ORG"], "Riverside Trust");
        assert_eq!(
            fields["URL"],
            format!("https://people.riverside.example/people/{slug}/")
        );
        if let Some(role) = fm["role"].as_str() {
            assert_eq!(
                fields["TITLE"].replace("\\,", ",").replace("\\;", ";"),
                role
            );
        }
        for private in ["EMAIL", "TEL", "NOTE", "ADR"] {
            assert!(!fields.contains_key(private), "{slug}.vcf has {private}");
        }
        let html = read(&out.join("public/people").join(&slug).join("index.html"));
        assert!(
            html.contains("<svg")
                && html
                    .contains("aria-label=\"QR code for https://people.riverside.example/people/"),
            "{slug}: no QR code"
        );
    }
    assert!(std::fs::read_dir(out.join("playbook/people/joss-reid"))
        .unwrap()
        .all(|e| !e.unwrap().path().to_string_lossy().ends_with(".vcf")));
}

#[test]
fn feeds_are_valid_atom_of_public_stories() {
    let (_tmp, out) = build_example();
    let text = read(&out.join("public/feed.xml"));
    let doc = roxmltree::Document::parse(&text).expect("feed.xml is XML");
    let feed = doc.root_element();
    assert_eq!(
        (feed.tag_name().namespace(), feed.tag_name().name()),
        (Some("http://www.w3.org/2005/Atom"), "feed")
    );
    let entries: Vec<_> = feed
        .children()
        .filter(|n| n.has_tag_name("entry"))
        .collect();
    // Story pages, not the index's pages or redirects from old addresses.
    let public_stories = std::fs::read_dir(out.join("public/stories"))
        .unwrap()
        .filter(|e| {
            let p = e.as_ref().unwrap().path().join("index.html");
            p.exists()
                && !read(&p).contains("http-equiv=\"refresh\"")
                && p.parent().unwrap().file_name().unwrap() != "page"
        });
    assert_eq!(entries.len(), public_stories.count());
    for entry in entries {
        for required in ["id", "title", "updated", "link"] {
            assert!(
                entry.children().any(|n| n.has_tag_name(required)),
                "entry without {required}"
            );
        }
        let link = entry
            .children()
            .find(|n| n.has_tag_name("link"))
            .unwrap()
            .attribute("href")
            .unwrap();
        let path = link
            .strip_prefix("https://people.riverside.example/")
            .unwrap();
        assert!(
            out.join("public").join(path).join("index.html").exists(),
            "feed links to missing {link}"
        );
    }
    // Per person and per campaign feeds parse too.
    for feed in [
        "people/amara-okafor/feed.xml",
        "campaigns/clean-rivers-summer/feed.xml",
    ] {
        roxmltree::Document::parse(&read(&out.join("public").join(feed)))
            .unwrap_or_else(|e| panic!("{feed}: {e}"));
    }
    assert!(!out.join("playbook/feed.xml").exists());
}

#[test]
fn the_sitemap_lists_every_public_page_and_nothing_else() {
    let (_tmp, out) = build_example();
    let text = read(&out.join("public/sitemap.xml"));
    let doc = roxmltree::Document::parse(&text).unwrap();
    let urls: BTreeSet<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .map(|n| n.text().unwrap().to_string())
        .collect();
    let pages: BTreeSet<String> = tree(&out.join("public"))
        .into_iter()
        .filter(|(p, bytes)| {
            p.ends_with("index.html")
                && !String::from_utf8_lossy(bytes).contains("http-equiv=\"refresh\"")
        })
        .map(|(p, _)| {
            format!(
                "https://people.riverside.example/{}",
                p.to_string_lossy().trim_end_matches("index.html")
            )
        })
        .collect();
    assert_eq!(urls, pages);
    assert!(
        !urls
            .iter()
            .any(|u| u.contains("joss-reid") || u.contains("tom-kowalski")),
        "non-public or alias page listed"
    );
}

#[test]
fn the_share_kit_tags_links_and_flags_overlong_posts() {
    let (_tmp, out) = build_example();
    let html = read(&out.join("playbook/campaigns/winter-warmth-appeal/share/index.html"));
    let mut networks = BTreeSet::new();
    for link in hrefs(&html)
        .into_iter()
        .filter(|l| l.contains("intent") || l.contains("share-offsite") || l.contains("sharer"))
    {
        let q = query(&link);
        let shared = q.get("url").or(q.get("u")).cloned().unwrap_or_else(|| {
            q["text"]
                .split_whitespace()
                .find(|w| w.starts_with("https://"))
                .unwrap()
                .to_string()
        });
        let utm = query(&shared);
        assert_eq!(utm["utm_source"], "staff");
        assert_eq!(utm["utm_medium"], "social");
        assert_eq!(utm["utm_campaign"], "winter-warmth-appeal");
        assert!(
            !utm.contains_key("utm_term"),
            "per-person tracking is off by default"
        );
        networks.insert(utm["utm_content"].clone());
    }
    assert!(
        networks.is_superset(&BTreeSet::from([
            "linkedin".into(),
            "x".into(),
            "bluesky".into(),
            "threads".into()
        ])),
        "{networks:?}"
    );
    assert!(!html.contains("data-kit-picker"));
    assert!(!out
        .join("public/campaigns/winter-warmth-appeal/share")
        .exists());

    // A long post is flagged; per-person links appear only when hub.yaml asks.
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_site(&example_site(), &site);
    let hub = site.join("hub.yaml");
    std::fs::write(
        &hub,
        read(&hub).replace(
            "utm: {source: staff, medium: social}",
            "utm: {source: staff, medium: social, per_person: true}",
        ),
    )
    .unwrap();
    let campaign = site.join("campaigns/otter-watch-2025.md");
    let long = "x".repeat(290);
    std::fs::write(
        &campaign,
        read(&campaign).replacen("share:\n", &format!("share:\n  - \"{long} {{link}}\"\n"), 1),
    )
    .unwrap();
    let out2 = tmp.path().join("dist");
    let result = build(&site, &out2);
    assert!(result.status.success(), "{}", stderr(&result));
    let kit = read(&out2.join("playbook/campaigns/otter-watch-2025/share/index.html"));
    assert!(kit.contains("too long, shorten it"));
    assert!(kit.contains("data-kit-picker") && kit.contains("utm_term%3DPERSON_SLUG"));
}
