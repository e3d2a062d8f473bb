//! Images: resized photos offered through `srcset`, a 1200×630 share card
//! per public profile, story, campaign and topic page, the content-hash
//! cache, and problems with pictures reported as diagnostics. Every image
//! is checked by decoding it.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::SystemTime;
use support::site::*;

fn meta(html: &str, property: &str) -> Option<String> {
    let key = format!("property=\"{property}\" content=\"");
    html.split(&key)
        .nth(1)
        .map(|r| r.split('"').next().unwrap().to_string())
}

/// Width and height, read by decoding the whole image.
fn decoded(path: &Path) -> (u32, u32) {
    let img = image::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (img.width(), img.height())
}

/// The `srcset` candidates (url, width) of the first `<img class="{class}"`.
fn srcset(html: &str, class: &str) -> Vec<(String, u32)> {
    let tag = html
        .split(&format!("<img class=\"{class}\""))
        .nth(1)
        .unwrap_or_else(|| panic!("no <img class={class}>"))
        .split('>')
        .next()
        .unwrap();
    let set = tag
        .split("srcset=\"")
        .nth(1)
        .unwrap_or_else(|| panic!("no srcset in {tag}"))
        .split('"')
        .next()
        .unwrap();
    set.split(", ")
        .map(|c| {
            let (url, w) = c.rsplit_once(' ').unwrap();
            (url.to_string(), w.trim_end_matches('w').parse().unwrap())
        })
        .collect()
}

/// The profile and story pages of a built site (not pagers or redirects).
fn pages(site: &Path, section: &str) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = std::fs::read_dir(site.join(section))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("index.html").is_file() && !p.ends_with("page"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                read(&p.join("index.html")),
            )
        })
        .filter(|(_, html)| !html.contains("http-equiv=\"refresh\""))
        .collect();
    found.sort();
    found
}

fn slugs_where(site: &Path, kind: &str, keep: impl Fn(&serde_yaml::Value) -> bool) -> Vec<String> {
    let mut found: Vec<String> = std::fs::read_dir(site.join(kind))
        .unwrap()
        .map(|e| e.unwrap().path())
        // Translations (`amara-okafor.cy.md`) are the same items.
        .filter(|p| !p.file_stem().unwrap().to_string_lossy().contains('.'))
        .filter(|p| keep(&front_matter(p)))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    found.sort();
    found
}

#[test]
fn every_public_profile_and_story_unfurls_with_a_1200_by_630_card() {
    let (_tmp, out) = build_example();
    let public = out.join("public");
    let base = "https://people.riverside.example/";
    let mut cards = 0;
    for section in ["people", "stories"] {
        for (slug, html) in pages(&public, section) {
            let url = meta(&html, "og:image").unwrap_or_else(|| panic!("{section}/{slug}"));
            assert_eq!(url, format!("{base}{section}/{slug}/share-card.jpg"));
            let file = public.join(url.strip_prefix(base).unwrap());
            let size = decoded(&file);
            assert_eq!(size, (1200, 630), "{}", file.display());
            assert_eq!(meta(&html, "og:image:width").as_deref(), Some("1200"));
            assert_eq!(meta(&html, "og:image:height").as_deref(), Some("630"));
            assert!(!meta(&html, "og:image:alt").unwrap().is_empty());
            cards += 1;
        }
    }
    assert!(cards >= 15, "only {cards} cards");
    // No card (nor page) for anyone who has not consented.
    let site = example_site();
    for slug in slugs_where(&site, "people", |fm| fm["public"].as_bool() != Some(true)) {
        assert!(!public.join(format!("people/{slug}")).exists(), "{slug}");
    }
    // The playbook is never unfurled outside the charity: no cards there.
    assert!(tree(&out.join("playbook"))
        .keys()
        .all(|p| !p.ends_with("share-card.jpg")));
}

#[test]
fn photos_are_resized_into_squares_and_offered_by_srcset() {
    let (_tmp, out) = build_example();
    let public = out.join("public");
    let site = example_site();
    let with_photos = slugs_where(&site, "people", |fm| {
        fm["public"].as_bool() == Some(true) && fm["photo"].as_str().is_some()
    });
    assert!(with_photos.len() >= 10);
    for slug in &with_photos {
        let page = public.join(format!("people/{slug}"));
        let html = read(&page.join("index.html"));
        let set = srcset(&html, "profile-photo");
        assert!(set.len() >= 2, "{slug}: {set:?}");
        for (url, width) in set {
            let (w, h) = decoded(&page.join(&url));
            assert_eq!(
                (w, h),
                (width, width),
                "{slug}: {url} should be {width}px square"
            );
        }
        // The Person in the JSON-LD shows the largest square, not the card.
        let ld = html
            .split("<script type=\"application/ld+json\">")
            .nth(1)
            .and_then(|r| r.split("</script>").next())
            .unwrap();
        let ld: serde_json::Value = serde_json::from_str(ld).unwrap();
        let image = ld["mainEntity"]["image"].as_str().unwrap();
        let file = image
            .strip_prefix("https://people.riverside.example/")
            .unwrap();
        assert_eq!(decoded(&public.join(file)), (480, 480), "{slug}: {image}");
    }
    // Cards in lists offer the small sizes too.
    let list = read(&public.join("people/index.html"));
    for (url, width) in srcset(&list, "avatar") {
        assert_eq!(decoded(&public.join("people").join(&url)), (width, width));
    }
}

#[test]
fn story_images_keep_their_proportions_at_every_width() {
    let (_tmp, out) = build_example();
    let public = out.join("public");
    let site = example_site();
    let mut checked = 0;
    for story in std::fs::read_dir(site.join("stories")).unwrap() {
        let path = story.unwrap().path();
        let fm = front_matter(&path);
        let Some(image) = fm["image"].as_str() else {
            continue;
        };
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let slug = stem.get(11..).unwrap_or(&stem).to_string();
        let page = public.join(format!("stories/{slug}"));
        if !page.join("index.html").exists() {
            continue; // not public yet
        }
        let (sw, sh) = decoded(&site.join("static").join(image));
        let html = read(&page.join("index.html"));
        for (url, width) in srcset(&html, "story-image") {
            let (w, h) = decoded(&page.join(&url));
            assert_eq!(w, width, "{url}");
            let expected = f64::from(sh) * f64::from(w) / f64::from(sw);
            assert!((f64::from(h) - expected).abs() <= 1.0, "{url}: {w}x{h}");
            assert!(w <= sw, "never upscaled");
        }
        checked += 1;
    }
    assert!(checked >= 3);
}

/// A tiny JPEG, written by hand so tests need no image files.
fn write_jpeg(path: &Path, w: u32, h: u32, shade: u8) {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([shade, (x % 200) as u8, (y % 200) as u8])
    });
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    img.save(path).unwrap();
}

fn set_field(file: &Path, key: &str, value: &str) {
    let text = read(file);
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    match lines.iter().position(|l| l.starts_with(&format!("{key}:"))) {
        Some(i) => lines[i] = format!("{key}: {value}"),
        None => lines.insert(1, format!("{key}: {value}")),
    }
    std::fs::write(file, lines.join("\n") + "\n").unwrap();
}

#[test]
fn a_photo_only_a_private_person_uses_never_reaches_the_public_hub() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_site(&example_site(), &site);
    let private = slugs_where(&site, "people", |fm| fm["public"].as_bool() != Some(true));
    let slug = &private[0];
    write_jpeg(&site.join("static/photos/private-one.jpg"), 700, 700, 17);
    let file = site.join(format!("people/{slug}.md"));
    set_field(&file, "photo", "photos/private-one.jpg");
    set_field(&file, "photo_alt", "A private portrait");
    let out = tmp.path().join("dist");
    let result = build(&site, &out);
    assert!(result.status.success(), "{}", stderr(&result));
    let page = out.join(format!("playbook/people/{slug}"));
    let resized = srcset(&read(&page.join("index.html")), "profile-photo");
    assert!(!resized.is_empty());
    let public = tree(&out.join("public"));
    for (url, _) in resized {
        let in_playbook = page.join(&url).canonicalize().unwrap();
        let rel = in_playbook
            .strip_prefix(out.join("playbook").canonicalize().unwrap())
            .unwrap()
            .to_path_buf();
        assert!(!public.contains_key(&rel), "{} leaked", rel.display());
    }
    assert!(!public.contains_key(Path::new("photos/private-one.jpg")));
}

/// Cache entry names and modification times.
fn cache_state(dir: &Path) -> BTreeMap<String, SystemTime> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                e.metadata().unwrap().modified().unwrap(),
            )
        })
        .collect()
}

#[test]
fn a_rebuild_redoes_only_the_images_whose_inputs_changed() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_site(&example_site(), &site);
    let out = tmp.path().join("dist");
    let cache = out.join(".cache/images");
    assert!(build(&site, &out).status.success());
    let first = cache_state(&cache);
    assert!(first.len() > 30, "{} cache entries", first.len());

    // Nothing changed: nothing is made again.
    assert!(build(&site, &out).status.success());
    assert_eq!(cache_state(&cache), first, "a warm rebuild remade images");

    // One role changes: that person's card, and nothing else, is redrawn.
    let public = slugs_where(&site, "people", |fm| fm["public"].as_bool() == Some(true));
    let (changed, unchanged) = (&public[0], &public[1]);
    let card = |slug: &str| {
        std::fs::read(out.join(format!("public/people/{slug}/share-card.jpg"))).unwrap()
    };
    let (before_changed, before_unchanged) = (card(changed), card(unchanged));
    set_field(
        &site.join(format!("people/{changed}.md")),
        "role",
        "Director of Everything Rivers",
    );
    assert!(build(&site, &out).status.success());
    let after = cache_state(&cache);
    let added: BTreeSet<_> = after.keys().filter(|k| !first.contains_key(*k)).collect();
    let removed: BTreeSet<_> = first.keys().filter(|k| !after.contains_key(*k)).collect();
    assert_eq!(added.len(), 1, "added {added:?}");
    assert_eq!(removed.len(), 1, "the old card is pruned: {removed:?}");
    for (name, modified) in &after {
        if let Some(old) = first.get(name) {
            assert_eq!(old, modified, "{name} was rewritten");
        }
    }
    assert_ne!(card(changed), before_changed);
    assert_eq!(card(unchanged), before_unchanged);
}

#[test]
fn without_images_pages_show_the_original_photo() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("dist");
    let result = convene()
        .args([
            "build",
            &example_site().to_string_lossy(),
            "--out",
            &out.to_string_lossy(),
            "--now",
            NOW,
            "--no-images",
        ])
        .output()
        .unwrap();
    assert!(result.status.success(), "{}", stderr(&result));
    let files: Vec<PathBuf> = tree(&out.join("public")).into_keys().collect();
    assert!(files
        .iter()
        .all(|f| !f.starts_with("processed_images") && !f.ends_with("share-card.jpg")));
    let html = read(&out.join("public/people/amara-okafor/index.html"));
    assert!(
        html.contains("src=\"../../photos/amara-okafor.jpg\""),
        "original photo shown"
    );
    assert_eq!(
        meta(&html, "og:image").as_deref(),
        Some("https://people.riverside.example/photos/amara-okafor.jpg")
    );
    // Only QR codes are kept (one per public profile, drawn inline).
    let cache = out.join(".cache/images");
    let kept: Vec<PathBuf> = tree(&cache).into_keys().collect();
    assert!(
        !kept.is_empty()
            && kept
                .iter()
                .all(|f| f.extension().is_some_and(|e| e == "svg"))
    );
    assert!(
        html.contains("<svg") && html.contains("class=\"qr\""),
        "the QR code is on the page"
    );
}

#[test]
fn a_build_without_images_keeps_the_image_cache_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("cache");
    let run = |extra: &[&str]| {
        let out = tmp.path().join("dist");
        let mut args = vec![
            "build".to_string(),
            example_site().to_string_lossy().into_owned(),
            "--out".into(),
            out.to_string_lossy().into_owned(),
            "--now".into(),
            NOW.into(),
            "--image-cache".into(),
            cache.to_string_lossy().into_owned(),
        ];
        args.extend(extra.iter().map(|a| a.to_string()));
        let result = convene().args(&args).output().unwrap();
        assert!(result.status.success(), "{}", stderr(&result));
        tree(&cache)
    };
    let warm = run(&[]);
    assert!(warm
        .keys()
        .any(|f| f.extension().is_some_and(|e| e == "jpg")));
    // A quick draft build must not throw away the photos and cards it skipped.
    assert_eq!(run(&["--no-images"]), warm);
}

/// The leak rule for share cards: their pixels cannot be grepped, so the
/// text of every card is checked before drawing. On a generated site whose
/// every private value carries `CANARY-`, no card says anything private,
/// none exists for a non-public person, and every public page has one.
#[test]
fn share_cards_carry_only_what_the_public_hub_shows() {
    use convene::model::Audience;
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    let summary = support::corpus::generate(
        &site,
        &support::corpus::Sizes {
            people: 200,
            stories: 80,
            guidelines: 5,
            campaigns: 4,
        },
        3,
    )
    .unwrap();
    let mut diags = convene::Diagnostics::default();
    let corpus =
        convene::load::site(&site, convene::config::DEFAULT_MAX_FILE_SIZE, &mut diags).unwrap();
    let now = chrono::DateTime::parse_from_rfc3339(NOW).unwrap();
    let public = convene::audience::select(&corpus, Audience::Public, now);
    let theme = convene::theme::Theme::load(&site, "default").unwrap();
    let cards = convene::images::card_texts(&public, &theme).unwrap();

    let private_names: Vec<String> =
        slugs_where(&site, "people", |fm| fm["public"].as_bool() != Some(true))
            .iter()
            .map(|slug| {
                front_matter(&site.join(format!("people/{slug}.md")))["name"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
    assert!(!private_names.is_empty());
    let count = |section: &str| {
        cards
            .iter()
            .filter(|(page, _)| page.starts_with(section))
            .count()
    };
    assert_eq!(count("people/"), summary.public_people);
    assert_eq!(count("stories/"), public.stories.len());
    assert_eq!(count("campaigns/"), public.campaigns.len());
    assert!(count("topics/") > 0, "topic pages have cards too");
    let sections = ["people/", "stories/", "campaigns/", "topics/"];
    assert_eq!(
        cards.len(),
        sections.iter().map(|s| count(s)).sum::<usize>()
    );
    for (page, svg) in &cards {
        assert!(!svg.contains("CANARY-"), "{page}: {svg}");
        for name in &private_names {
            assert!(!svg.contains(name.as_str()), "{page} names {name}");
        }
    }
}
