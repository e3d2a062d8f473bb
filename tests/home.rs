//! The home page that convenes: hub.yaml's `featured:` first (only what is
//! on the hub), then a varied set of people across teams and places that
//! stays put for the same content and changes with it; story cards with
//! their pictures; topic tiles naming people to ask; and the hub's search
//! over people, stories and campaigns. Pages are parsed, not grepped.

mod support;

use scraper::{Html, Selector};
use std::collections::HashSet;
use std::path::Path;
use support::corpus::{generate, Sizes};
use support::site::*;

fn page(path: &Path) -> Html {
    Html::parse_document(&read(path))
}

fn texts(html: &Html, css: &str) -> Vec<String> {
    html.select(&Selector::parse(css).unwrap())
        .map(|e| e.text().collect::<String>().trim().to_string())
        .collect()
}

fn hrefs(html: &Html, css: &str) -> Vec<String> {
    html.select(&Selector::parse(css).unwrap())
        .filter_map(|e| e.value().attr("href").map(str::to_string))
        .collect()
}

/// A generated site of 120 people (whose hub.yaml features someone who
/// never consented, someone whose consent lapsed, a draft, an embargoed
/// story and public picks), built without images.
fn generated_build(dir: &Path) -> std::path::PathBuf {
    let site = dir.join("site");
    generate(
        &site,
        &Sizes {
            people: 120,
            stories: 40,
            guidelines: 6,
            campaigns: 3,
        },
        11,
    )
    .unwrap();
    let out = dir.join("dist");
    let result = build_without_images(&site, &out);
    assert!(result.status.success(), "{}", stderr(&result));
    out
}

/// `featured:` from the generated hub.yaml: (people, stories).
fn featured(dir: &Path) -> (Vec<String>, Vec<String>) {
    let hub: serde_yaml::Value =
        serde_yaml::from_str(&read(&dir.join("site").join("hub.yaml"))).unwrap();
    let list = |key: &str| -> Vec<String> {
        hub["featured"][key]
            .as_sequence()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    };
    (list("people"), list("stories"))
}

const HOME_PEOPLE: &str = "section[aria-labelledby=people-heading] .person-card .card-title a";
const HOME_STORIES: &str = "section[aria-labelledby=stories-heading] .story-card .card-title a";

#[test]
fn the_hub_features_only_what_is_public_and_the_playbook_shows_every_pick() {
    let tmp = tempfile::tempdir().unwrap();
    let out = generated_build(tmp.path());
    let (people, stories) = featured(tmp.path());
    // Those off the hub first, the public pick last (the generator has no
    // embargoed story at every size).
    assert_eq!(
        people.len(),
        3,
        "never consented, lapsed, public: {people:?}"
    );
    assert!(
        stories.len() >= 2,
        "a draft, maybe embargoed, public: {stories:?}"
    );
    let (off_people, public_person) = people.split_at(people.len() - 1);
    let (off_stories, public_story) = stories.split_at(stories.len() - 1);

    let public = page(&out.join("public/index.html"));
    let links = hrefs(&public, HOME_PEOPLE);
    assert_eq!(links.len(), 12);
    // The public pick comes first; the two off the hub are nowhere.
    assert_eq!(links[0], format!("people/{}/", public_person[0]));
    for off in off_people {
        assert!(!links.iter().any(|l| l.contains(off.as_str())), "{off}");
    }
    let story_links = hrefs(&public, HOME_STORIES);
    assert_eq!(story_links[0], format!("stories/{}/", public_story[0]));
    for off in off_stories {
        assert!(!story_links.iter().any(|l| l.contains(off.as_str())));
    }
    assert!(!read(&out.join("public/index.html")).contains("CANARY-"));

    // The playbook shows every pick, in hub.yaml's order, flagged.
    let playbook = page(&out.join("playbook/index.html"));
    let links = hrefs(&playbook, HOME_PEOPLE);
    for (i, slug) in people.iter().enumerate() {
        assert_eq!(links[i], format!("people/{slug}/"));
    }
    // Those off the hub say so; the public pick does not.
    let cards = Selector::parse("section[aria-labelledby=people-heading] .person-card").unwrap();
    let flag = Selector::parse(".flag").unwrap();
    let flagged: Vec<bool> = playbook
        .select(&cards)
        .map(|card| card.select(&flag).next().is_some())
        .collect();
    assert_eq!(flagged[..3], [true, true, false]);
    let story_links = hrefs(&playbook, HOME_STORIES);
    for (i, slug) in stories.iter().enumerate() {
        assert_eq!(story_links[i], format!("stories/{slug}/"));
    }
}

#[test]
fn the_home_page_mixes_teams_and_places_rather_than_the_alphabet() {
    let tmp = tempfile::tempdir().unwrap();
    let out = generated_build(tmp.path());
    let home = page(&out.join("public/index.html"));
    let names = texts(&home, HOME_PEOPLE);
    let cards = "section[aria-labelledby=people-heading] .person-card .meta";
    let meta = texts(&home, cards);
    let teams: HashSet<&str> = meta
        .iter()
        .map(|m| m.split(" · ").next().unwrap())
        .collect();
    let places: HashSet<&str> = meta.iter().filter_map(|m| m.split(" · ").nth(1)).collect();
    // The generator has 22 teams: twelve people come from at least ten.
    assert!(teams.len() >= 10, "{teams:?}");
    assert!(places.len() >= 6, "{places:?}");

    let directory = page(&out.join("public/people/index.html"));
    let first_twelve = texts(&directory, ".directory-list .person-card .card-title a");
    let first_twelve = &first_twelve[..12];
    let shared = names.iter().filter(|n| first_twelve.contains(n)).count();
    assert!(shared < 6, "{names:?} against {first_twelve:?}");
}

#[test]
fn the_mix_stays_for_the_same_content_and_changes_with_it() {
    let tmp = tempfile::tempdir().unwrap();
    let out = generated_build(tmp.path());
    let names = |out: &Path| texts(&page(&out.join("public/index.html")), HOME_PEOPLE);
    let before = names(&out);

    let again = tmp.path().join("again");
    assert!(build_without_images(&tmp.path().join("site"), &again)
        .status
        .success());
    assert_eq!(
        names(&again),
        before,
        "the same content, the same home page"
    );

    // A new colleague joins: everyone is dealt afresh.
    std::fs::write(
        tmp.path().join("site/people/new-colleague.md"),
        "---\nname: New Colleague\nteam: Digital\npublic: true\n---\nHello.\n",
    )
    .unwrap();
    let after = tmp.path().join("after");
    assert!(build_without_images(&tmp.path().join("site"), &after)
        .status
        .success());
    let changed = names(&after);
    // The featured public pick stays first.
    assert_eq!(changed[0], before[0]);
    assert_ne!(changed, before);
}

#[test]
fn topic_tiles_lead_to_people_and_name_some_to_ask() {
    let (_tmp, out) = build_example();
    let home = page(&out.join("public/index.html"));
    let tiles = Selector::parse(".topic-tile").unwrap();
    let tiles: Vec<_> = home.select(&tiles).collect();
    assert!(!tiles.is_empty());
    let a = Selector::parse("a").unwrap();
    let count = Selector::parse(".meta").unwrap();
    let mut last = usize::MAX;
    for tile in tiles {
        let links: Vec<&str> = tile
            .select(&a)
            .filter_map(|l| l.value().attr("href"))
            .collect();
        assert!(links[0].starts_with("topics/"), "{links:?}");
        let people = links[1..]
            .iter()
            .filter(|l| l.starts_with("people/"))
            .count();
        assert!((1..=2).contains(&people), "{links:?}");
        for link in &links {
            let file = out.join("public").join(link).join("index.html");
            assert!(file.is_file(), "{link} leads nowhere");
        }
        let shown: String = tile.select(&count).next().unwrap().text().collect();
        let n: usize = shown.split(' ').next().unwrap().parse().unwrap();
        // Most people first.
        assert!(n <= last, "{shown}");
        last = n;
    }
    // Nobody off the hub is named on a tile (Joss Reid has no consent).
    assert!(!read(&out.join("public/index.html")).contains("Joss Reid"));
}

#[test]
fn story_cards_show_their_picture_with_its_description() {
    let (_tmp, out) = build_example();
    let home = page(&out.join("public/index.html"));
    let img = Selector::parse(".story-card .story-card-image").unwrap();
    let pictures: Vec<_> = home.select(&img).collect();
    assert!(!pictures.is_empty());
    for picture in pictures {
        let v = picture.value();
        assert!(v.attr("src").unwrap().starts_with("processed_images/"));
        assert!(v.attr("srcset").is_some_and(|s| s.contains("w, ")));
        assert!(v.attr("width").is_some() && v.attr("height").is_some());
        assert!(!v.attr("alt").unwrap().is_empty());
    }
    // The story index shows them too.
    let index = read(&out.join("public/stories/index.html"));
    assert!(index.contains("story-card-image"));
}

#[test]
fn the_hub_searches_people_stories_and_campaigns_but_nothing_private() {
    let (_tmp, out) = build_example();
    let script = read(&out.join("public/search/index.js"));
    let json = script
        .trim()
        .trim_start_matches("window.conveneSearchIndex = ")
        .trim_end_matches(';');
    let index: serde_json::Value = serde_json::from_str(json).unwrap();
    let docs = index["docs"].as_array().unwrap();
    let kinds: HashSet<&str> = docs.iter().map(|d| d[2].as_str().unwrap()).collect();
    for kind in ["Person", "Story", "Campaign", "Guideline"] {
        assert!(kinds.contains(kind), "{kind} missing from {kinds:?}");
    }
    let titles: Vec<&str> = docs.iter().map(|d| d[0].as_str().unwrap()).collect();
    assert!(titles.contains(&"Paddle the Wend raises £18,400 for the river"));
    // A draft, an internal story, someone without consent: not there.
    for private in ["Margaret", "Kelham Cross", "Joss Reid", "State of the Wend"] {
        assert!(!script.contains(private), "{private} in the hub's search");
    }
    // Words find stories by their summary and campaigns by their intro.
    let words = index["words"].as_object().unwrap();
    assert!(words.contains_key("flamingo"));
    // The page says what it searches, and every page links to it.
    let search = page(&out.join("public/search/index.html"));
    assert_eq!(texts(&search, "h1"), ["Search"]);
    assert!(hrefs(&page(&out.join("public/index.html")), "nav a").contains(&"search/".to_string()));
}
