//! The newcomer's test: break the example site in ten different ways at
//! once, and `convene check` lists all ten, each at the right line with a
//! useful hint, in under a second.

mod support;

use std::path::Path;
use support::site::*;

/// Replace `from` by `to` in one file of the site, exactly once.
fn edit(site: &Path, rel: &str, from: &str, to: &str) {
    let path = site.join(rel);
    let text = read(&path);
    assert_eq!(text.matches(from).count(), 1, "{rel}: {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn ten_mistakes_at_once_are_all_reported_at_their_lines() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_site(&example_site(), &site);
    edit(
        &site,
        "people/amara-okafor.md",
        "public: true",
        "publc: true",
    );
    edit(
        &site,
        "people/dev-patel.md",
        "responding_level: 2",
        "responding_level: 5",
    );
    edit(
        &site,
        "people/eilidh-macleod.md",
        "photo: photos/eilidh-macleod.jpg",
        "photo: photos/eilidh.jpg",
    );
    let story = "stories/2026-06-06-big-river-clean-up.md";
    edit(&site, story, "date: 2026-06-06", "date: 06/06/2026");
    edit(&site, story, "[tomasz-kowalski,", "[tomasz-kowalsky,");
    edit(
        &site,
        "stories/2026-11-12-warm-welcome-hubs.md",
        "campaign: winter-warmth-appeal",
        "campaign: winter-warmth",
    );
    edit(
        &site,
        "stories/2027-03-01-state-of-the-wend.md",
        "publish_after: 2027-03-01T09:00:00Z",
        "publish_after: 2027-03-01T09:00:00",
    );
    edit(
        &site,
        "campaigns/winter-warmth-appeal.md",
        "fund one: {link}",
        "fund one:",
    );
    edit(
        &site,
        "guidelines/tone-of-voice.md",
        "order: 2",
        "order: 2\naudience: publik",
    );
    let guide = "guidelines/how-we-use-social-media.md";
    let text = read(&site.join(guide)) + "\nMore in [our crisis guide](crisis-comms.md).\n";
    std::fs::write(site.join(guide), text).unwrap();

    // How long this takes is measured in BENCHMARKS.md, never asserted here.
    let (code, diags) = check_json(&site);
    assert_eq!(code, 1);
    // content-example's Welsh is incomplete on purpose: that warning is not
    // one of the ten.
    let found: Vec<(String, u64, String)> = diags
        .iter()
        .filter(|d| {
            !d["message"]
                .as_str()
                .unwrap_or("")
                .contains("Welsh translation")
        })
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let guide_line = read(&site.join(guide)).lines().count() as u64;
    let expected = [
        ("campaigns/winter-warmth-appeal.md", 12, "this share text has no `{link}`"),
        (guide, guide_line, "this link points nowhere: `crisis-comms.md`"),
        ("guidelines/tone-of-voice.md", 4, "`audience` can't be `publik`: use `public` or `internal`"),
        ("people/amara-okafor.md", 13, "unknown field `publc` in person front matter"),
        ("people/dev-patel.md", 14, "`responding_level: 5` is not a level"),
        ("people/eilidh-macleod.md", 8, "the photo `photos/eilidh.jpg` is not in static/"),
        (story, 3, "`date: 06/06/2026` is not a date"),
        (story, 5, "no person has the slug `tomasz-kowalsky`"),
        ("stories/2026-11-12-warm-welcome-hubs.md", 4, "no campaign has the slug `winter-warmth`"),
        ("stories/2027-03-01-state-of-the-wend.md", 10, "`2027-03-01T09:00:00` has no time zone: write the time and zone, e.g. 2027-03-01T09:00:00Z (UTC) or 2027-03-01T09:00:00+01:00"),
    ];
    let expected: Vec<(String, u64, String)> = expected
        .iter()
        .map(|(f, l, m)| (f.to_string(), *l, m.to_string()))
        .collect();
    assert_eq!(found, expected, "{diags:#?}");
    assert!(diags.iter().all(|d| d["hint"].is_string()), "{diags:#?}");
}
