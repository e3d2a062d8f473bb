//! Sharing: metadata, JSON-LD, share links, vCards, feeds, sitemap and the
//! share kit, each parsed rather than grepped.

mod support;

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
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

/// The share kit's data for its script, parsed.
fn kit_data(html: &str) -> Value {
    let json = html
        .split("<script type=\"application/json\" id=\"kit-data\">")
        .nth(1)
        .and_then(|r| r.split("</script>").next())
        .expect("the kit carries its data");
    serde_json::from_str(json).expect("kit data parses")
}

/// Text between `open` and the next `close`, each time it appears, with
/// HTML's escapes undone.
fn between(html: &str, open: &str, close: &str) -> Vec<String> {
    html.split(open)
        .skip(1)
        .map(|r| {
            let inner = r.split(close).next().unwrap();
            let inner = inner.split_once('>').map_or(inner, |(_, t)| t);
            inner
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#x27;", "'")
                .replace("&#x2F;", "/")
                .replace("&amp;", "&")
        })
        .collect()
}

#[test]
fn the_share_kit_tags_every_link_and_writes_each_post_for_the_first_network() {
    let (_tmp, out) = build_example();
    let html = read(&out.join("playbook/campaigns/winter-warmth-appeal/share/index.html"));
    let data = kit_data(&html);
    let networks: Vec<&str> = data["networks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    // hub.yaml's networks, in its order: the picker offers exactly these.
    let hub = read(&example_site().join("hub.yaml"));
    let listed = hub
        .split("networks: [")
        .nth(1)
        .unwrap()
        .split(']')
        .next()
        .unwrap();
    let listed: Vec<&str> = listed.split(',').map(str::trim).collect();
    assert_eq!(networks, listed);
    let posts = data["posts"].as_array().unwrap();
    assert_eq!(posts.len(), 4);
    let mut links_seen = 0;
    for post in posts {
        for network in &networks {
            let written = &post[*network];
            let text = written["text"].as_str().unwrap();
            for link in written["links"].as_array().unwrap() {
                let link = link.as_str().unwrap();
                assert!(text.contains(link), "{text} carries {link}");
                let utm = query(link);
                assert_eq!(utm["utm_source"], "staff");
                assert_eq!(utm["utm_medium"], "social");
                assert_eq!(utm["utm_campaign"], "winter-warmth-appeal");
                assert_eq!(utm["utm_content"], *network);
                assert!(
                    !utm.contains_key("utm_term"),
                    "per-person tracking is off by default"
                );
                links_seen += 1;
            }
        }
    }
    assert_eq!(links_seen, 4 * networks.len());
    // `{link:stories/...}` is the story's public address, tagged.
    let walks = posts[3]["x"]["links"][0].as_str().unwrap();
    assert!(
        walks.starts_with("https://people.riverside.example/stories/winter-wellbeing-walks/?"),
        "{walks}"
    );
    assert!(out
        .join("public/stories/winter-wellbeing-walks/index.html")
        .exists());

    // Without JavaScript: each post is written for the first network, with
    // its count and its share button; the link is shown once, untagged.
    let texts = between(&html, "<textarea", "</textarea>");
    assert_eq!(texts.len(), 4);
    for (text, post) in texts.iter().zip(posts) {
        assert_eq!(text, post[networks[0]]["text"].as_str().unwrap());
    }
    let counts = between(&html, "class=\"kit-count", "</p>");
    assert!(
        counts.iter().all(|c| c.ends_with("characters on LinkedIn")),
        "{counts:?}"
    );
    let share_offsite = hrefs(&html)
        .into_iter()
        .filter(|h| h.contains("share-offsite"))
        .count();
    assert_eq!(share_offsite, 4);
    let page = html
        .split("<script type=\"application/json\"")
        .next()
        .unwrap();
    assert_eq!(
        page.matches("utm_source=staff").count(),
        4,
        "the tagged address is written out only in the posts, not once per network"
    );
    assert!(!html.contains("id=\"kit-person\""));
    assert!(!out
        .join("public/campaigns/winter-warmth-appeal/share")
        .exists());
}

/// A copy of content-example with one file's text changed by `edit`.
fn example_with(file: &str, edit: impl FnOnce(String) -> String) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_site(&example_site(), &site);
    let path = site.join(file);
    std::fs::write(&path, edit(read(&path))).unwrap();
    (tmp, site)
}

/// Posts at each network's limit, one character either side, with emoji
/// that count differently by grapheme and by code point.
fn posts_around_the_limits() -> Vec<String> {
    let mut posts = Vec::new();
    for pad in [
        150, 160, 170, 178, 179, 180, 185, 190, 300, 330, 340, 350, 355, 360,
    ] {
        posts.push(format!("{} {{link}}", "w".repeat(pad)));
        posts.push(format!("{} 👨‍👩‍👧 {{link}}", "w".repeat(pad)));
    }
    posts
}

#[test]
fn check_and_the_share_kit_agree_on_every_limit() {
    let posts = posts_around_the_limits();
    let share: String = posts.iter().map(|p| format!("  - \"{p}\"\n")).collect();
    let original = read(&example_site().join("campaigns/otter-watch-2025.md"));
    let (tmp, site) = example_with("campaigns/otter-watch-2025.md", |text| {
        let (head, rest) = text.split_once("share:\n").unwrap();
        let rest = rest.split_once("staff_notes:").unwrap().1;
        format!("{head}share:\n{share}staff_notes:{rest}")
    });
    let (_, diags) = check_json(&site);
    let out = tmp.path().join("dist");
    let result = build(&site, &out);
    assert!(result.status.success(), "{}", stderr(&result));
    let kit = read(&out.join("playbook/campaigns/otter-watch-2025/share/index.html"));
    let flags = between(&kit, "<h2 id=\"post-", "</h2>");
    assert_eq!(flags.len(), posts.len());
    let first_line = original.lines().position(|l| l == "share:").unwrap() + 2;
    let mut disagreements = Vec::new();
    let mut flagged = 0;
    for (i, flag) in flags.iter().enumerate() {
        let line = (first_line + i) as u64;
        let mut by_check: Vec<String> = diags
            .iter()
            .filter(|d| {
                d["line"] == line && d["file"].as_str().unwrap().ends_with("otter-watch-2025.md")
            })
            .filter_map(|d| {
                let m = d["message"].as_str().unwrap();
                m.split(" characters on ")
                    .nth(1)
                    .map(|r| r.split(',').next().unwrap().to_string())
            })
            .collect();
        by_check.sort();
        let mut by_kit: Vec<String> = flag
            .split("Too long for ")
            .nth(1)
            .map(|r| {
                r.split('<')
                    .next()
                    .unwrap()
                    .split(", ")
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default();
        by_kit.sort();
        flagged += by_kit.len();
        if by_check != by_kit {
            disagreements.push(format!(
                "post {}: check {by_check:?}, kit {by_kit:?}",
                i + 1
            ));
        }
    }
    assert!(disagreements.is_empty(), "{disagreements:#?}");
    assert!(
        flagged > 10,
        "the posts straddle the limits: {flagged} flags"
    );
}

#[test]
fn check_counts_the_link_the_kit_shares_tracking_tags_and_all() {
    // The campaign's address without the network's tag, as check counted
    // it before: a post that fits with it but not with `utm_content` must
    // be flagged, because the kit shares the tagged address.
    let untagged = "https://people.riverside.example/campaigns/otter-watch-2025/?utm_source=staff&utm_medium=social&utm_campaign=otter-watch-2025";
    let tag = "&utm_content=bluesky";
    let words = "w".repeat(300 - 1 - untagged.chars().count() - tag.len() / 2);
    assert!(
        words.len() + 1 + untagged.len() <= 300
            && words.len() + 1 + untagged.len() + tag.len() > 300
    );
    let (_tmp, site) = example_with("campaigns/otter-watch-2025.md", |text| {
        text.replacen(
            "share:\n",
            &format!("share:\n  - \"{words} {{link}}\"\n"),
            1,
        )
    });
    let (_, diags) = check_json(&site);
    let bluesky: Vec<&Value> = diags
        .iter()
        .filter(|d| {
            d["message"]
                .as_str()
                .unwrap()
                .contains("characters on Bluesky")
        })
        .collect();
    assert_eq!(bluesky.len(), 1, "{diags:#?}");
    assert_eq!(bluesky[0]["line"], 10);
    assert_eq!(
        bluesky[0]["message"],
        format!(
            "this share text is {} characters on Bluesky, over its limit of 300",
            words.len() + 1 + untagged.len() + tag.len()
        )
    );
}

#[test]
fn per_person_links_are_offered_only_when_hub_yaml_asks() {
    let (tmp, site) = example_with("hub.yaml", |hub| {
        hub.replace(
            "utm: {source: staff, medium: social}",
            "utm: {source: staff, medium: social, per_person: true}",
        )
    });
    let out = tmp.path().join("dist");
    let result = build(&site, &out);
    assert!(result.status.success(), "{}", stderr(&result));
    let kit = read(&out.join("playbook/campaigns/otter-watch-2025/share/index.html"));
    assert!(kit.contains("id=\"kit-person\""));
    // Only people on the playbook's list are offered, by slug.
    assert!(kit.contains("<option value=\"amara-okafor\">Amara Okafor</option>"));
}
