//! Sharing: metadata, JSON-LD, share links, vCards, feeds, sitemap and the
//! share kit, each parsed rather than grepped.

mod support;

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use support::head;
use support::site::*;

/// The JSON-LD blocks of a page, parsed.
fn json_ld(html: &str) -> Vec<Value> {
    head::parse(html)
        .json_ld
        .iter()
        .map(|text| serde_json::from_str(text).expect("JSON-LD parses"))
        .collect()
}

/// The JSON-LD block of a page of one `@type`.
fn json_ld_of(html: &str, kind: &str) -> Option<Value> {
    json_ld(html).into_iter().find(|ld| ld["@type"] == kind)
}

/// An Open Graph (`property`) or Twitter (`name`) meta tag's content.
fn meta(html: &str, property: &str) -> Option<String> {
    head::parse(html).one(property).map(str::to_string)
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
        assert_eq!(ld.len(), 2, "a profile page and its breadcrumbs");
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
        let text = Value::Array(ld.clone()).to_string();
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
        let Some(ld) = json_ld_of(&html, "Article") else {
            continue;
        };
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

    // A post that fits Bluesky until a sharer's name tags its link: check
    // and the kit's flag both count the longest name's tag.
    let longest = std::fs::read_dir(site.join("people"))
        .unwrap()
        .map(|e| {
            e.unwrap()
                .path()
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .max_by_key(|s| s.len())
        .unwrap();
    let tagged = "https://people.riverside.example/campaigns/otter-watch-2025/?utm_source=staff&utm_medium=social&utm_campaign=otter-watch-2025&utm_content=bluesky";
    let person = format!("&utm_term={longest}");
    let words = "w".repeat(300 - 1 - tagged.len() - person.len() / 2);
    let campaign = site.join("campaigns/otter-watch-2025.md");
    std::fs::write(
        &campaign,
        read(&campaign).replacen(
            "share:\n",
            &format!("share:\n  - \"{words} {{link}}\"\n"),
            1,
        ),
    )
    .unwrap();
    let (_, diags) = check_json(&site);
    let flagged: Vec<&Value> = diags
        .iter()
        .filter(|d| d["file"] == "campaigns/otter-watch-2025.md" && d["line"] == 10)
        .filter(|d| d["message"].as_str().unwrap().contains("on Bluesky"))
        .collect();
    assert_eq!(flagged.len(), 1, "{diags:#?}");
    let out = tmp.path().join("dist2");
    let result = build(&site, &out);
    assert!(result.status.success(), "{}", stderr(&result));
    let kit = read(&out.join("playbook/campaigns/otter-watch-2025/share/index.html"));
    assert!(
        kit.contains("<h2 id=\"post-1\">Post 1 <span class=\"flag\">Too long for Bluesky</span>")
    );
}

const BASE: &str = "https://people.riverside.example/";
const SITE_TITLE: &str = "Riverside Trust People";

/// The kind of public page at `path` (relative to the output folder).
fn page_kind(path: &str) -> Option<&'static str> {
    let parts: Vec<&str> = path
        .trim_end_matches("index.html")
        .split('/')
        .filter(|p| !p.is_empty())
        .collect();
    Some(match parts.as_slice() {
        [] => "home",
        ["404.html"] => "404",
        ["people"] | ["people", "page", _] => "people directory",
        ["people", _] => "profile",
        ["stories"] | ["stories", "page", _] => "stories index",
        ["stories", _] => "story",
        ["topics" | "teams" | "places"] => "facet index",
        ["topics", _] => "topic",
        ["teams", _] => "team",
        ["places", _] => "place",
        ["campaigns"] => "campaigns index",
        ["campaigns", _] => "campaign",
        ["guidelines"] => "guidelines index",
        ["guidelines", _] => "guideline",
        ["accessibility"] => "accessibility statement",
        ["search"] => "search",
        _ => return None,
    })
}

/// Every HTML page of a built public hub (not redirects), by path, in the
/// default language (tests/languages.rs reads the Welsh ones, under cy/).
fn public_pages(public: &Path) -> BTreeMap<String, String> {
    tree(public)
        .into_iter()
        .map(|(p, bytes)| (p.to_string_lossy().into_owned(), bytes))
        .filter(|(p, _)| p.ends_with(".html") && !p.starts_with("cy/"))
        .map(|(p, bytes)| (p, String::from_utf8(bytes).unwrap()))
        .filter(|(_, html)| !html.contains("http-equiv=\"refresh\""))
        .collect()
}

/// The first paragraph of a content file's Markdown body, as plain words.
fn first_paragraph(source: &Path) -> String {
    let text = read(source);
    let body = text.splitn(3, "---\n").nth(2).unwrap();
    let para = body.split("\n\n").find(|p| !p.trim().is_empty()).unwrap();
    para.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A page's `BreadcrumbList` leads from the home page through its section
/// to the page itself, each step a page of the hub.
fn assert_breadcrumbs(public: &Path, path: &str, html: &str) {
    let list = json_ld_of(html, "BreadcrumbList").unwrap_or_else(|| panic!("{path}: none"));
    assert_eq!(list["@context"], "https://schema.org", "{path}");
    let items = list["itemListElement"].as_array().unwrap();
    assert_eq!(items.len(), 3, "{path}: home, section, page");
    let url = meta(html, "og:url").unwrap();
    for (i, item) in items.iter().enumerate() {
        assert_eq!(item["@type"], "ListItem", "{path}");
        assert_eq!(item["position"], i + 1, "{path}");
        assert!(!item["name"].as_str().unwrap().trim().is_empty(), "{path}");
        let step = item["item"].as_str().unwrap();
        assert!(
            url.starts_with(step),
            "{path}: {step} does not lead to {url}"
        );
        let file = public
            .join(step.strip_prefix(BASE).unwrap())
            .join("index.html");
        assert!(file.is_file(), "{path}: {step} is not a page");
    }
    assert_eq!(
        (items[0]["item"].as_str(), items[0]["name"].as_str()),
        (Some(BASE), Some(SITE_TITLE))
    );
    assert_eq!(items[2]["item"].as_str(), Some(url.as_str()), "{path}");
    assert_eq!(
        items[2]["name"].as_str(),
        meta(html, "og:title").as_deref(),
        "{path}"
    );
}

#[test]
fn every_public_page_kind_previews_itself() {
    let (_tmp, out) = build_example();
    let public = out.join("public");
    let site = example_site();
    let hub: serde_yaml::Value = serde_yaml::from_str(&read(&site.join("hub.yaml"))).unwrap();
    let site_description = hub["description"].as_str().unwrap().to_string();
    let mut kinds = BTreeSet::new();
    let mut descriptions: BTreeMap<String, String> = BTreeMap::new();
    for (path, html) in public_pages(&public) {
        let kind = page_kind(&path).unwrap_or_else(|| panic!("{path}: a page of no known kind"));
        kinds.insert(kind);
        let head = head::parse(&html);
        let get = |key: &str| head.one(key).unwrap_or_else(|| panic!("{path}: no {key}"));

        // Its own address, title and description, the same for every reader.
        let url = format!("{BASE}{}", path.trim_end_matches("index.html"));
        assert_eq!(get("og:url"), url, "{path}");
        assert_eq!(head.canonical.as_deref(), Some(url.as_str()), "{path}");
        let title = get("og:title");
        let full_title = match kind {
            "home" => SITE_TITLE.to_string(),
            _ => format!("{title} · {SITE_TITLE}"),
        };
        assert_eq!(head.title, full_title, "{path}");
        assert_eq!(get("twitter:title"), title, "{path}");
        let description = get("og:description");
        assert!(!description.trim().is_empty(), "{path}");
        assert_eq!(get("description"), description, "{path}");
        assert_eq!(get("twitter:description"), description, "{path}");
        if kind != "home" {
            assert_ne!(description, site_description, "{path} describes the site");
        }
        if let Some(other) = descriptions.insert(description.to_string(), path.clone()) {
            panic!("{path} and {other} share the description `{description}`");
        }
        let og_type = match kind {
            "profile" => "profile",
            "story" => "article",
            _ => "website",
        };
        assert_eq!(get("og:type"), og_type, "{path}");
        assert_eq!(get("og:site_name"), SITE_TITLE, "{path}");

        // Campaign and topic pages unfurl with a card of their own.
        let card = head.one("og:image");
        if matches!(kind, "campaign" | "topic" | "profile" | "story") {
            let card = card.unwrap_or_else(|| panic!("{path}: no og:image"));
            assert_eq!(card, format!("{url}share-card.jpg"), "{path}");
            let file = public.join(card.strip_prefix(BASE).unwrap());
            let picture = image::open(&file).unwrap_or_else(|e| panic!("{path}: {e}"));
            assert_eq!((picture.width(), picture.height()), (1200, 630), "{path}");
            assert_eq!(
                (get("og:image:width"), get("og:image:height")),
                ("1200", "630")
            );
            assert!(!get("og:image:alt").is_empty(), "{path}");
            assert_eq!(get("twitter:card"), "summary_large_image", "{path}");
        } else {
            assert_eq!(card, None, "{path}");
            assert_eq!(get("twitter:card"), "summary", "{path}");
        }

        // Breadcrumbs wherever a page sits below a section.
        if matches!(
            kind,
            "profile" | "story" | "campaign" | "topic" | "team" | "place" | "guideline"
        ) {
            assert_breadcrumbs(&public, &path, &html);
        }

        if kind == "campaign" {
            let slug = path.split('/').nth(1).unwrap();
            let source = site.join("campaigns").join(format!("{slug}.md"));
            let fm = front_matter(&source);
            // Described in the campaign's own words, not the site's.
            let words = description.trim_end_matches('…');
            assert!(words.len() > 60, "{path}: `{description}`");
            assert!(
                first_paragraph(&source).starts_with(words),
                "{path}: `{description}` is not how the campaign begins"
            );
            let event = json_ld_of(&html, "Event").unwrap_or_else(|| panic!("{path}: no Event"));
            assert_eq!(event["@context"], "https://schema.org");
            assert_eq!(event["name"], fm["title"].as_str().unwrap());
            assert_eq!(event["startDate"], fm["starts"].as_str().unwrap(), "{path}");
            assert_eq!(event["endDate"], fm["ends"].as_str().unwrap(), "{path}");
            assert_eq!(event["url"], url);
            assert_eq!(event["description"], description);
            assert_eq!(event["image"].as_str(), card);
            assert_eq!(event["organizer"]["@type"], "NGO");
        }
    }
    let expected = BTreeSet::from([
        "home",
        "404",
        "people directory",
        "profile",
        "stories index",
        "story",
        "facet index",
        "topic",
        "team",
        "place",
        "campaigns index",
        "campaign",
        "guidelines index",
        "guideline",
        "accessibility statement",
        "search",
    ]);
    assert_eq!(kinds, expected);

    // The playbook renders every kind too, and previews none of them.
    let playbook = public_pages(&out.join("playbook"));
    for kind in ["campaign", "topic", "guideline", "profile"] {
        let (path, html) = playbook
            .iter()
            .find(|(p, _)| page_kind(p) == Some(kind))
            .unwrap_or_else(|| panic!("the playbook has no {kind} page"));
        let head = head::parse(html);
        assert!(
            head.meta
                .keys()
                .all(|k| !k.starts_with("og:") && !k.starts_with("twitter:")),
            "playbook/{path}: {:?}",
            head.meta.keys()
        );
        assert!(head.json_ld.is_empty(), "playbook/{path}");
        assert_eq!(head.one("robots"), Some("noindex, nofollow"));
    }
}

#[test]
fn previews_follow_campaigns_and_stories_own_dates_and_words() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_site(&example_site(), &site);
    let edit = |file: &str, from: &str, to: &str| {
        let path = site.join(file);
        let text = read(&path);
        assert!(text.contains(from), "{file}: {from}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    };
    // No start date: not an event, but a page that expires when it ends.
    edit("campaigns/otter-watch-2025.md", "starts: 2025-03-01\n", "");
    // A person who has not consented, named where the description is taken from.
    edit(
        "campaigns/winter-warmth-appeal.md",
        "\nWhen the weather turns cold",
        "\n[Joss Reid](../people/joss-reid.md) says: when the weather turns cold",
    );
    // A story without a summary is described by its own first words.
    edit(
        "stories/2026-06-06-big-river-clean-up.md",
        "summary: The Millbrook clean-up launched Clean Rivers Summer in style, with 120 volunteers clearing two miles of riverbank in the rain.\n",
        "",
    );
    // No words at all, and no dates.
    std::fs::write(
        site.join("campaigns/quiet-week.md"),
        "---\ntitle: Quiet Week\n---\n",
    )
    .unwrap();
    let out = tmp.path().join("dist");
    let result = build(&site, &out);
    assert!(result.status.success(), "{}", stderr(&result));
    let page = |slug: &str| read(&out.join(format!("public/campaigns/{slug}/index.html")));

    let otters = page("otter-watch-2025");
    assert_eq!(json_ld_of(&otters, "Event"), None);
    let ld = json_ld_of(&otters, "WebPage").expect("a WebPage");
    assert_eq!(ld["expires"], "2025-10-31");
    assert_eq!(ld.get("startDate"), None);
    assert_eq!(ld["publisher"]["name"], "Riverside Trust");

    let winter = page("winter-warmth-appeal");
    let description = meta(&winter, "og:description").unwrap();
    assert!(
        description.contains("when the weather turns cold"),
        "{description}"
    );
    assert!(
        !winter.contains("Joss"),
        "a non-public person named in the page's head"
    );

    let story = read(&out.join("public/stories/big-river-clean-up/index.html"));
    let description = meta(&story, "og:description").unwrap();
    assert!(
        description.starts_with("The forecast said heavy rain. We expected thirty people."),
        "{description}"
    );

    let quiet = page("quiet-week");
    assert_eq!(
        meta(&quiet, "og:description").as_deref(),
        Some("Quiet Week: a campaign by Riverside Trust.")
    );
    let ld = json_ld_of(&quiet, "WebPage").expect("a WebPage");
    assert_eq!(ld.get("expires"), None, "no date, no property");
    assert!(
        meta(&quiet, "og:image").is_some(),
        "a card even without words"
    );
}
