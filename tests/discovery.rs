//! Finding people: topic, team and place pages, the directory and its
//! search data, story pagination, related people, "who responds on what"
//! and the playbook's search index. Expectations come from the front
//! matter, read independently of convene.

mod support;

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use support::corpus::{generate, slugify, Sizes};
use support::site::*;

struct Person {
    slug: String,
    name: String,
    public: bool,
    topics: Vec<String>,
    team: Option<String>,
    location: Option<String>,
    level: Option<i64>,
    responds_on: Vec<String>,
}

fn people(site: &Path) -> Vec<Person> {
    let mut all: Vec<Person> = std::fs::read_dir(site.join("people"))
        .unwrap()
        .map(|e| e.unwrap().path())
        // Translations (`amara-okafor.cy.md`) are the same people.
        .filter(|path| !path.file_stem().unwrap().to_string_lossy().contains('.'))
        .map(|path| {
            let fm = front_matter(&path);
            let list = |key: &str| -> Vec<String> {
                fm[key]
                    .as_sequence()
                    .map(|s| {
                        s.iter()
                            .filter_map(|v| v.as_str().map(String::from))
                            .collect()
                    })
                    .unwrap_or_default()
            };
            Person {
                slug: path.file_stem().unwrap().to_string_lossy().into(),
                name: fm["name"].as_str().unwrap().into(),
                // On the hub: consented, and the review (if any) not passed by NOW.
                public: fm["public"].as_bool() == Some(true)
                    && fm["consent_review"]
                        .as_str()
                        .is_none_or(|d| d >= &NOW[..10]),
                topics: list("topics"),
                team: fm["team"].as_str().map(String::from),
                location: fm["location"].as_str().map(String::from),
                level: fm["responding_level"].as_i64(),
                responds_on: list("responds_on"),
            }
        })
        .collect();
    all.sort_by(|a, b| a.slug.cmp(&b.slug));
    all
}

/// Slugs of the profiles a page links to.
fn linked_people(html: &str) -> BTreeSet<String> {
    html.split("people/")
        .skip(1)
        .filter_map(|rest| rest.split_once("/\"").map(|(slug, _)| slug))
        .filter(|slug| !slug.is_empty() && !slug.contains(['/', '"', '<', ' ']))
        .map(String::from)
        .collect()
}

#[test]
fn topic_team_and_place_pages_list_exactly_the_consenting_people() {
    let (_tmp, out) = build_example();
    let everyone = people(&example_site());
    type Labels = fn(&Person) -> Vec<String>;
    let facets: [(&str, Labels); 3] = [
        ("topics", |p| p.topics.clone()),
        ("teams", |p| p.team.iter().cloned().collect()),
        ("places", |p| p.location.iter().cloned().collect()),
    ];
    for (folder, labels) in facets {
        let mut expected: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for p in everyone.iter().filter(|p| p.public) {
            for label in labels(p) {
                expected
                    .entry(slugify(&label))
                    .or_default()
                    .insert(p.slug.clone());
            }
        }
        assert!(expected.len() >= 3, "too few {folder} in the example");
        let index = read(&out.join("public").join(folder).join("index.html"));
        for (slug, slugs) in &expected {
            let page = read(
                &out.join("public")
                    .join(folder)
                    .join(slug)
                    .join("index.html"),
            );
            let section = page
                .split("id=\"people-heading\"")
                .nth(1)
                .unwrap()
                .split("</section>")
                .next()
                .unwrap();
            assert_eq!(&linked_people(section), slugs, "{folder}/{slug}");
            let count = format!(
                "{} {}",
                slugs.len(),
                if slugs.len() == 1 { "person" } else { "people" }
            );
            let entry = index
                .split(&format!("{folder}/{slug}/\""))
                .nth(1)
                .unwrap()
                .split("</li>")
                .next()
                .unwrap();
            assert!(
                entry.contains(&count),
                "{folder} index says {entry:?}, expected {count}"
            );
        }
        // No page for a label only non-public people carry.
        let pages: BTreeSet<String> = std::fs::read_dir(out.join("public").join(folder))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_dir())
            .map(|p| p.file_name().unwrap().to_string_lossy().into())
            .collect();
        let story_topics = if folder == "topics" {
            public_story_topics()
        } else {
            BTreeSet::new()
        };
        for page in &pages {
            assert!(
                expected.contains_key(page) || story_topics.contains(page),
                "{folder}/{page} has no public person or story"
            );
        }
    }
    let hub = tree(&out.join("public"))
        .into_values()
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect::<String>();
    for p in everyone.iter().filter(|p| !p.public) {
        assert!(
            !hub.contains(&format!("people/{}/", p.slug)),
            "{} linked on the hub",
            p.slug
        );
    }
}

fn public_story_topics() -> BTreeSet<String> {
    std::fs::read_dir(example_site().join("stories"))
        .unwrap()
        .map(|e| front_matter(&e.unwrap().path()))
        .filter(|fm| {
            fm["draft"].as_bool() != Some(true)
                && fm["audience"].as_str() != Some("internal")
                && fm["publish_after"].is_null()
        })
        .flat_map(|fm| fm["topics"].as_sequence().cloned().unwrap_or_default())
        .filter_map(|t| t.as_str().map(slugify))
        .collect()
}

/// The JSON a data script (`window.NAME = {...};`) sets its global to.
fn data_script(path: &std::path::Path, name: &str) -> Value {
    let text = read(path);
    let json = text
        .strip_prefix(&format!("window.{name} = "))
        .and_then(|t| t.strip_suffix(";\n"))
        .unwrap_or_else(|| panic!("{} does not set window.{name}", path.display()));
    serde_json::from_str(json).unwrap()
}

#[test]
fn the_directory_data_holds_only_public_fields_of_consenting_people() {
    let (_tmp, out) = build_example();
    let data = data_script(&out.join("public/people/directory.js"), "conveneDirectory");
    let expected: Vec<String> = {
        let mut names: Vec<String> = people(&example_site())
            .into_iter()
            .filter(|p| p.public)
            .map(|p| p.name)
            .collect();
        names.sort_by_key(|n| n.to_lowercase());
        names
    };
    let rows = data["people"].as_array().unwrap();
    let names: Vec<String> = rows
        .iter()
        .map(|r| r[0].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names, expected);
    for row in rows {
        assert_eq!(
            row.as_array().unwrap().len(),
            6,
            "unexpected fields in {row}"
        );
        let url = row[1].as_str().unwrap();
        assert!(
            out.join("public").join(url).join("index.html").exists(),
            "{url} has no page"
        );
        let team = row[3].as_i64().unwrap();
        assert!(team < data["teams"].as_array().unwrap().len() as i64);
    }
    assert!(!read(&out.join("public/people/directory.js")).contains('@'));
}

#[test]
fn the_directory_for_5000_people_stays_small_and_paginates() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    let summary = generate(
        &site,
        &Sizes {
            people: 5000,
            stories: 10,
            guidelines: 2,
            campaigns: 1,
        },
        11,
    )
    .unwrap();
    let out = tmp.path().join("dist");
    let result = build_without_images(&site, &out);
    assert!(result.status.success(), "{}", stderr(&result));
    let path = out.join("public/people/directory.js");
    let bytes = std::fs::metadata(&path).unwrap().len();
    assert!(bytes < 1_500_000, "directory.js is {bytes} bytes");
    let data = data_script(&path, "conveneDirectory");
    assert_eq!(
        data["people"].as_array().unwrap().len(),
        summary.public_people
    );
    assert!(files_containing(&out.join("public"), "CANARY-").is_empty());

    // Every consenting person is on exactly one page of the directory.
    let mut seen = BTreeSet::new();
    let mut page = 1;
    loop {
        let path = if page == 1 {
            out.join("public/people/index.html")
        } else {
            out.join(format!("public/people/page/{page}/index.html"))
        };
        if !path.exists() {
            break;
        }
        let html = read(&path);
        let list = html
            .split("class=\"directory-list\"")
            .nth(1)
            .unwrap()
            .split("class=\"pager\"")
            .next()
            .unwrap();
        for slug in linked_people(list) {
            assert!(seen.insert(slug.clone()), "{slug} on two directory pages");
        }
        page += 1;
    }
    assert_eq!(seen.len(), summary.public_people);
}

#[test]
fn the_story_index_is_paginated_newest_first() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    generate(
        &site,
        &Sizes {
            people: 50,
            stories: 120,
            guidelines: 2,
            campaigns: 3,
        },
        3,
    )
    .unwrap();
    let out = tmp.path().join("dist");
    assert!(build(&site, &out).status.success());
    let mut dates = Vec::new();
    let mut page = 1;
    loop {
        let path = if page == 1 {
            out.join("public/stories/index.html")
        } else {
            out.join(format!("public/stories/page/{page}/index.html"))
        };
        if !path.exists() {
            break;
        }
        let html = read(&path);
        let on_page: Vec<String> = html
            .split("<time datetime=\"")
            .skip(1)
            .map(|rest| rest[..10].to_string())
            .collect();
        assert!(
            on_page.len() <= 20,
            "page {page} has {} stories",
            on_page.len()
        );
        dates.extend(on_page);
        page += 1;
    }
    assert!(page > 3, "expected several pages, got {}", page - 1);
    let public_stories = std::fs::read_dir(out.join("public/stories"))
        .unwrap()
        .filter(|e| {
            let p = e.as_ref().unwrap().path();
            p.is_dir() && p.file_name().unwrap() != "page"
        });
    assert_eq!(dates.len(), public_stories.count());
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted, "stories are not newest first across pages");
}

#[test]
fn profiles_suggest_people_who_share_topics() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    generate(
        &site,
        &Sizes {
            people: 200,
            stories: 20,
            guidelines: 2,
            campaigns: 2,
        },
        5,
    )
    .unwrap();
    let out = tmp.path().join("dist");
    assert!(build(&site, &out).status.success());
    let everyone: BTreeMap<String, Person> = people(&site)
        .into_iter()
        .map(|p| (p.slug.clone(), p))
        .collect();
    let mut with_suggestions = 0;
    for p in everyone.values().filter(|p| p.public) {
        let html = read(&out.join("public/people").join(&p.slug).join("index.html"));
        let Some(section) = html.split("id=\"related-heading\"").nth(1) else {
            continue;
        };
        let suggested = linked_people(section.split("</section>").next().unwrap());
        assert!(!suggested.is_empty() && suggested.len() <= 4);
        for other in &suggested {
            let o = &everyone[other];
            assert!(o.public, "{} suggests non-public {other}", p.slug);
            assert_ne!(other, &p.slug, "a profile suggests its own person");
            assert!(
                o.topics.iter().any(|t| p.topics.contains(t)),
                "{} and {other} share no topic",
                p.slug
            );
        }
        with_suggestions += 1;
    }
    assert!(
        with_suggestions > 100,
        "only {with_suggestions} profiles suggest anyone"
    );
}

#[test]
fn who_responds_lists_people_by_topic_and_level_and_flags_uncovered_topics() {
    let (_tmp, out) = build_example();
    let html = read(&out.join("playbook/respond/index.html"));
    let everyone = people(&example_site());
    let mut checked = 0;
    for p in &everyone {
        for topic in &p.responds_on {
            let section = html
                .split(&format!("id=\"respond-{}\"", slugify(topic)))
                .nth(1)
                .unwrap()
                .split("</section>")
                .next()
                .unwrap();
            let heading = format!("Level {}", p.level.unwrap());
            let level_part = section
                .split(&heading)
                .nth(1)
                .unwrap_or_else(|| panic!("{topic}: no {heading}"))
                .split("</table>")
                .next()
                .unwrap();
            assert!(
                level_part.contains(&format!("people/{}/", p.slug)),
                "{} not under {topic} / {heading}",
                p.slug
            );
            checked += 1;
        }
    }
    assert!(checked > 20);
    for guideline in std::fs::read_dir(out.join("playbook/guidelines"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
    {
        assert!(
            read(&guideline.join("index.html")).contains("respond/\">Who responds on what</a>"),
            "{}",
            guideline.display()
        );
    }
    assert!(!out.join("public/respond").exists());

    // A topic nobody may respond on is flagged at the top.
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_site(&example_site(), &site);
    let story = site.join("stories/2026-06-06-big-river-clean-up.md");
    std::fs::write(
        &story,
        read(&story).replacen("topics: [", "topics: [bat walks, ", 1),
    )
    .unwrap();
    let out2 = tmp.path().join("dist");
    assert!(build(&site, &out2).status.success());
    let html = read(&out2.join("playbook/respond/index.html"));
    let uncovered = html
        .split("id=\"uncovered-heading\"")
        .nth(1)
        .expect("no uncovered section")
        .split("</section>")
        .next()
        .unwrap();
    assert!(uncovered.contains("bat walks"), "{uncovered}");
    assert!(!uncovered.contains("water quality"));
}

#[test]
fn the_playbook_search_index_covers_every_page_and_the_hub_only_its_own_fields() {
    let (_tmp, out) = build_example();
    let index = data_script(&out.join("playbook/search/index.js"), "conveneSearchIndex");
    let docs = index["docs"].as_array().unwrap();
    let count = |kind: &str| docs.iter().filter(|d| d[2] == kind).count();
    let files = |folder: &str| {
        std::fs::read_dir(example_site().join(folder))
            .unwrap()
            .filter(|e| {
                !e.as_ref()
                    .unwrap()
                    .path()
                    .file_stem()
                    .unwrap()
                    .to_string_lossy()
                    .contains('.')
            })
            .count()
    };
    assert_eq!(count("Guideline"), files("guidelines"));
    assert_eq!(count("Story"), files("stories"));
    assert_eq!(count("Campaign"), files("campaigns"));
    assert_eq!(count("Person"), files("people"));
    // A word from the body of one guideline finds that guideline.
    let gaps = index["words"]["purdah"]
        .as_array()
        .expect("`purdah` not indexed");
    let mut at = 0;
    let hits: Vec<&str> = gaps
        .iter()
        .map(|g| {
            at += g.as_u64().unwrap() as usize;
            docs[at][1].as_str().unwrap()
        })
        .collect();
    assert!(
        hits.contains(&"guidelines/elections-and-political-campaigning/"),
        "{hits:?}"
    );

    // The hub's finds only what is on the hub, and by its fields: a word
    // only a public story's body has finds nothing (tests/home.rs has more).
    let hub = data_script(&out.join("public/search/index.js"), "conveneSearchIndex");
    let docs = hub["docs"].as_array().unwrap();
    let count = |kind: &str| docs.iter().filter(|d| d[2] == kind).count();
    assert_eq!(count("Person"), 12, "the consenting people");
    assert_eq!(
        count("Story"),
        8,
        "not the draft, internal or embargoed one"
    );
    assert_eq!(count("Campaign"), files("campaigns"));
    assert!(hub["words"].get("purdah").is_none());
    assert!(hub["words"].get("paddleboard").is_none());
    assert!(hub["words"].get("flamingo").is_some(), "a summary's word");
}

#[test]
fn spellings_that_share_a_page_are_warned_about() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_site(&example_site(), &site);
    let a = site.join("people/amara-okafor.md");
    std::fs::write(
        &a,
        read(&a).replacen("topics: [", "topics: [LGBTQ+ rights, ", 1),
    )
    .unwrap();
    let b = site.join("people/dev-patel.md");
    std::fs::write(
        &b,
        read(&b).replacen("topics: [", "topics: [LGBTQ rights, ", 1),
    )
    .unwrap();
    let (_, diags) = check_json(&site);
    let warning = diags
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains("share one page"))
        .expect("no warning");
    assert_eq!(
        warning["message"],
        "the topics `LGBTQ rights` and `LGBTQ+ rights` share one page, /topics/lgbtq-rights/"
    );
    assert_eq!(warning["severity"], "warning");
    let out = tmp.path().join("dist");
    assert!(build(&site, &out).status.success());
    let page = read(&out.join("public/topics/lgbtq-rights/index.html"));
    assert!(page.contains("people/amara-okafor/") && page.contains("people/dev-patel/"));
}
