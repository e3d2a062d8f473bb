//! A site in two languages: content-example in English and Welsh, the
//! leak rule through translations, and what `check` says about them.

mod support;

use std::path::{Path, PathBuf};
use support::site::*;

fn example_built() -> &'static Path {
    static BUILT: std::sync::OnceLock<(tempfile::TempDir, PathBuf)> = std::sync::OnceLock::new();
    &BUILT.get_or_init(build_example).1
}

fn pages(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect()
}

/// The values of `attr` on tags matching `tag_start` (`<a ` ...) in `html`.
fn attributes<'h>(html: &'h str, marker: &str, attr: &str) -> Vec<&'h str> {
    html.match_indices(marker)
        .filter_map(|(at, _)| {
            let tag = &html[at..at + html[at..].find('>')?];
            let start = tag.find(&format!("{attr}=\""))? + attr.len() + 2;
            let end = start + tag[start..].find('"')?;
            Some(&tag[start..end])
        })
        .collect()
}

#[test]
fn every_page_offers_itself_in_the_other_language_and_the_links_lead_there() {
    let out = example_built();
    for site in ["public", "playbook"] {
        let root = out.join(site);
        let mut checked = 0;
        for page in pages(&root) {
            let rel = page.strip_prefix(&root).unwrap();
            let html = read(&page);
            // Redirects and the 404 page (served at any address) have no switcher.
            if rel == Path::new("404.html") || html.contains("http-equiv=\"refresh\"") {
                continue;
            }
            let welsh = rel.starts_with("cy");
            let lang = if welsh { "cy" } else { "en-GB" };
            assert!(
                html.contains(&format!("<html lang=\"{lang}\"")),
                "{}: not lang={lang}",
                rel.display()
            );
            let nav_start = html
                .find("<nav class=\"languages")
                .unwrap_or_else(|| panic!("{}: no language switcher", rel.display()));
            let nav = &html[nav_start..nav_start + html[nav_start..].find("</nav>").unwrap()];
            let links = attributes(nav, "<a ", "href");
            assert_eq!(links.len(), 1, "{}: {nav}", rel.display());
            let target = page.parent().unwrap().join(links[0]).join("index.html");
            let target = if links[0].ends_with(".html") {
                page.parent().unwrap().join(links[0])
            } else {
                target
            };
            assert!(
                target.exists(),
                "{}: the switcher leads to {}, which is missing",
                rel.display(),
                links[0]
            );
            let other = if welsh { "en-GB" } else { "cy" };
            assert!(
                nav.contains(&format!("hreflang=\"{other}\" lang=\"{other}\"")),
                "{}: {nav}",
                rel.display()
            );
            if site == "public" {
                let alternates = attributes(&html, "<link rel=\"alternate\" hreflang", "hreflang");
                assert_eq!(
                    alternates,
                    ["en-GB", "x-default", "cy"],
                    "{}",
                    rel.display()
                );
            }
            checked += 1;
        }
        assert!(checked > 100, "{site}: only {checked} pages");
    }
}

#[test]
fn welsh_pages_carry_the_welsh_words_and_mark_english_ones() {
    let out = example_built().join("public");
    let amara = read(&out.join("cy/people/amara-okafor/index.html"));
    assert!(amara.contains("Pennaeth Cyfathrebu"));
    assert!(
        amara.contains("Rwy&#x27;n arwain ein tîm cyfathrebu")
            || amara.contains("Rwy'n arwain ein tîm cyfathrebu")
    );
    assert!(!amara.contains("class=\"untranslated\""));
    // Links in a translation's body stay in the Welsh tree.
    assert!(
        amara.contains("href=\"../../stories/big-river-clean-up/\""),
        "{amara}"
    );
    let english = read(&out.join("people/amara-okafor/index.html"));
    assert!(english.contains("Head of Communications") && !english.contains("Pennaeth"));
    // Someone without a translation: English words, said so, in a Welsh page.
    let eilidh = read(&out.join("cy/people/eilidh-macleod/index.html"));
    assert!(eilidh.contains("<html lang=\"cy\""));
    assert!(eilidh.contains("class=\"untranslated\""));
    // Her English words are marked English for screen readers; the page's
    // own Welsh words are not.
    assert!(eilidh.contains("<div class=\"profile-bio prose\" lang=\"en-GB\">"));
    assert!(eilidh.contains("<p class=\"role\" lang=\"en-GB\">"));
    assert!(amara.contains("<p class=\"role\">Pennaeth Cyfathrebu</p>"));
    assert!(!amara.contains("<div class=\"profile-bio prose\" lang="));
    // Dates in Welsh.
    let story = read(&out.join("cy/stories/big-river-clean-up/index.html"));
    assert!(story.contains("120 o wirfoddolwyr"));
    assert!(story.contains("6 Mehefin 2026"), "no Welsh date");
    // The home page's own words from hub.yaml's translations.
    let home = read(&out.join("cy/index.html"));
    assert!(home.contains("Pobl Ymddiriedolaeth Glan yr Afon"));
    // One feed per language.
    let feed = read(&out.join("cy/feed.xml"));
    assert!(feed.contains("xml:lang=\"cy\"") && feed.contains("120 o wirfoddolwyr"));
    assert!(!read(&out.join("feed.xml")).contains("120 o wirfoddolwyr"));
}

#[test]
fn the_sitemap_lists_every_language_with_its_alternates() {
    let sitemap = read(&example_built().join("public/sitemap.xml"));
    let doc = roxmltree::Document::parse(&sitemap).unwrap();
    let urls: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("url"))
        .collect();
    assert!(urls.len() > 100);
    for url in &urls {
        let loc = url
            .descendants()
            .find(|n| n.has_tag_name("loc"))
            .unwrap()
            .text()
            .unwrap();
        let alternates: Vec<(&str, &str)> = url
            .descendants()
            .filter(|n| n.has_tag_name("link"))
            .map(|n| {
                (
                    n.attribute("hreflang").unwrap(),
                    n.attribute("href").unwrap(),
                )
            })
            .collect();
        assert_eq!(alternates.len(), 2, "{loc}");
        assert!(
            alternates.iter().any(|(_, href)| *href == loc),
            "{loc} is not among its alternates"
        );
        let welsh = alternates.iter().find(|(l, _)| *l == "cy").unwrap().1;
        assert!(
            welsh.starts_with("https://people.riverside.example/cy/"),
            "{welsh}"
        );
    }
}

/// A small two-language site to break.
fn bilingual_site() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    copy_site(&example_site(), &site);
    (tmp, site)
}

fn write(site: &Path, rel: &str, text: &str) {
    let path = site.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn a_translation_never_brings_a_private_person_or_story_onto_the_hub() {
    let (tmp, site) = bilingual_site();
    // Owain has not consented; the draft story is not public.
    write(
        &site,
        "people/owain-jones.cy.md",
        "---\nrole: CANARY-ROLE\n---\nCANARY-BIO\n",
    );
    let draft = std::fs::read_dir(site.join("stories"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| read(p).contains("draft: true"))
        .unwrap();
    let stem = draft.file_stem().unwrap().to_string_lossy().into_owned();
    write(
        &site,
        &format!("stories/{stem}.cy.md"),
        "---\ntitle: CANARY-TITLE\n---\nCANARY-TEXT ![x](../static/images/river.jpg)\n",
    );
    let out = tmp.path().join("dist");
    let result = build(&site, &out);
    assert!(result.status.success(), "{}", stderr(&result));
    assert!(files_containing(&out.join("public"), "CANARY").is_empty());
    assert!(!out.join("public/cy/people/owain-jones").exists());
    // The playbook has them, in Welsh.
    assert!(read(&out.join("playbook/cy/people/owain-jones/index.html")).contains("CANARY-ROLE"));
}

#[test]
fn a_translation_cannot_change_who_sees_a_file() {
    let (_tmp, site) = bilingual_site();
    write(
        &site,
        "people/owain-jones.cy.md",
        "---\nrole: Cyfarwyddwr\npublic: true\n---\n",
    );
    let (code, diags) = check_json(&site);
    assert_eq!(code, 1);
    let d = diags
        .iter()
        .find(|d| d["file"] == "people/owain-jones.cy.md")
        .expect("the translation's `public:` is reported");
    assert_eq!(d["line"], 3);
    assert!(d["message"].as_str().unwrap().contains("`public`"), "{d}");
}

#[test]
fn check_finds_what_a_translation_or_a_language_lacks() {
    let (_tmp, site) = bilingual_site();
    // A site's template asks for a text it gave in English only.
    // (content-example's default is en-GB: its texts may be in i18n/en.ftl.)
    write(&site, "i18n/en.ftl", "donate-button = Give today\n");
    write(
        &site,
        "templates/site_footer.html",
        "<footer>\n<p>{{ t(key=\"donate-button\") }}</p>\n</footer>\n",
    );
    // A Fluent mistake, a translation of nothing, one into a language the site lacks.
    write(&site, "i18n/cy.ftl", "nav-people = Pobl\nbroken = { $x\n");
    write(&site, "people/nobody.cy.md", "---\nrole: Neb\n---\n");
    write(
        &site,
        "people/amara-okafor.fr.md",
        "---\nrole: Cheffe\n---\n",
    );
    let (code, diags) = check_json(&site);
    assert_eq!(code, 1);
    let find = |file: &str, needle: &str| {
        diags
            .iter()
            .find(|d| d["file"] == file && d["message"].as_str().unwrap_or("").contains(needle))
            .unwrap_or_else(|| panic!("no `{needle}` at {file} in {diags:#?}"))
    };
    let missing = find("templates/site_footer.html", "`donate-button`");
    assert_eq!(missing["line"], 2);
    assert!(missing["message"].as_str().unwrap().contains("Welsh"));
    // i18n/en.ftl served the en-GB default: no English text is missing.
    assert!(
        !diags.iter().any(|d| d["message"]
            .as_str()
            .unwrap_or("")
            .contains("no English version")),
        "{diags:#?}"
    );
    assert_eq!(find("i18n/cy.ftl", "not a Fluent text")["line"], 2);
    find("people/nobody.cy.md", "does not exist");
    find("people/amara-okafor.fr.md", "`fr`");
}

#[test]
fn untranslated_content_is_counted_per_language() {
    let (code, diags) = check_json(&example_site());
    assert_eq!(code, 0);
    let w = diags
        .iter()
        .find(|d| {
            d["message"]
                .as_str()
                .unwrap_or("")
                .contains("no Welsh translation")
        })
        .expect("a count of untranslated files");
    assert_eq!(w["severity"], "warning");
}

#[test]
fn a_site_with_one_language_has_no_switcher_and_no_language_tree() {
    let (tmp, site) = bilingual_site();
    let hub = read(&site.join("hub.yaml"));
    let start = hub.find("languages:").unwrap();
    let end = hub.find("theme:").unwrap();
    write(
        &site,
        "hub.yaml",
        &format!("{}language: en-GB\n{}", &hub[..start], &hub[end..]),
    );
    for f in std::fs::read_dir(site.join("people"))
        .unwrap()
        .chain(std::fs::read_dir(site.join("stories")).unwrap())
    {
        let p = f.unwrap().path();
        if p.to_string_lossy().ends_with(".cy.md") {
            std::fs::remove_file(p).unwrap();
        }
    }
    let out = tmp.path().join("dist");
    let result = build(&site, &out);
    assert!(result.status.success(), "{}", stderr(&result));
    assert!(!out.join("public/cy").exists());
    let home = read(&out.join("public/index.html"));
    assert!(!home.contains("hreflang") && !home.contains("class=\"languages"));
    assert!(!read(&out.join("public/sitemap.xml")).contains("xhtml:link"));
}
