//! The only place that maps an item to its URL and output file, and a
//! relative Markdown link to what it points at.
//!
//! URLs inside a site are written relative to the page (`../../people/x/`),
//! so a hub works at a domain's root or under a sub-path (GitHub Pages
//! project sites) without configuration.

use crate::model::{CampaignSlug, GuidelineSlug, PersonSlug, StorySlug};
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

/// A page's address relative to the site root: `people/amara-okafor/`, or
/// `` for the home page.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Route(String);

impl Route {
    pub fn url(&self) -> &str {
        &self.0
    }

    /// The file this page is written to, under the site's output folder.
    pub fn file(&self) -> PathBuf {
        if self.0.is_empty() || self.0.ends_with('/') {
            Path::new(&self.0).join("index.html")
        } else {
            PathBuf::from(&self.0)
        }
    }

    /// The prefix that leads from this page back to the site root.
    pub fn root(&self) -> String {
        "../".repeat(self.0.matches('/').count())
    }

    /// The page's full address on the web, for canonical links.
    pub fn absolute(&self, base: &str) -> String {
        format!("{}/{}", base.trim_end_matches('/'), self.0)
    }
}

pub fn home() -> Route {
    Route(String::new())
}
pub fn people_index() -> Route {
    Route("people/".into())
}
pub fn person(slug: &PersonSlug) -> Route {
    Route(format!("people/{slug}/"))
}
/// A profile's contact card, beside its page.
pub fn person_vcard(slug: &PersonSlug) -> Route {
    Route(format!("people/{slug}/{slug}.vcf"))
}
/// The share card a page unfurls with, beside the page.
pub fn share_card(page: &Route) -> Route {
    Route(format!("{}share-card.jpg", page.url()))
}
/// Stories featuring one person, as an Atom feed.
pub fn person_feed(slug: &PersonSlug) -> Route {
    Route(format!("people/{slug}/feed.xml"))
}
pub fn person_alias(alias: &str) -> Route {
    Route(format!("people/{alias}/"))
}
pub fn stories_index() -> Route {
    Route("stories/".into())
}
pub fn story(slug: &StorySlug) -> Route {
    Route(format!("stories/{slug}/"))
}
pub fn story_alias(alias: &str) -> Route {
    Route(format!("stories/{alias}/"))
}
/// A campaign's share kit (playbook).
pub fn share_kit(slug: &CampaignSlug) -> Route {
    Route(format!("campaigns/{slug}/share/"))
}
pub fn campaign_feed(slug: &CampaignSlug) -> Route {
    Route(format!("campaigns/{slug}/feed.xml"))
}
/// The hub's Atom feed of stories.
pub fn feed() -> Route {
    Route("feed.xml".into())
}
pub fn sitemap() -> Route {
    Route("sitemap.xml".into())
}
pub fn campaigns_index() -> Route {
    Route("campaigns/".into())
}
pub fn campaign(slug: &CampaignSlug) -> Route {
    Route(format!("campaigns/{slug}/"))
}
pub fn guidelines_index() -> Route {
    Route("guidelines/".into())
}
pub fn guideline(slug: &GuidelineSlug) -> Route {
    Route(format!("guidelines/{slug}/"))
}
/// Page `n` (1-based) of a paginated list: page 1 is the list itself,
/// later pages are `<list>page/<n>/`, as in Hugo and Zola.
pub fn page_of(list: &Route, n: usize) -> Route {
    if n <= 1 {
        list.clone()
    } else {
        Route(format!("{}page/{n}/", list.0))
    }
}

/// The three ways supporters browse people: by topic, team and place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Facet {
    Topic,
    Team,
    Place,
}

impl Facet {
    pub const ALL: [Facet; 3] = [Facet::Topic, Facet::Team, Facet::Place];

    pub fn folder(self) -> &'static str {
        match self {
            Facet::Topic => "topics",
            Facet::Team => "teams",
            Facet::Place => "places",
        }
    }
}

pub fn facet_index(facet: Facet) -> Route {
    Route(format!("{}/", facet.folder()))
}
pub fn facet_term(facet: Facet, slug: &str) -> Route {
    Route(format!("{}/{slug}/", facet.folder()))
}
/// The playbook's list of email signatures, one per person.
pub fn signatures() -> Route {
    Route("signatures/".into())
}
/// One person's email signature (playbook).
pub fn signature(slug: &PersonSlug) -> Route {
    Route(format!("signatures/{slug}/"))
}
/// The playbook's "who responds on what" page.
pub fn respond() -> Route {
    Route("respond/".into())
}
pub fn search() -> Route {
    Route("search/".into())
}
/// The people directory's search data, a script that sets a global: pages
/// load it with a script tag, which (unlike fetching JSON) works from the
/// file system too.
pub fn directory_data() -> Route {
    Route("people/directory.js".into())
}
/// The playbook's full-text search data, a script like the directory's.
pub fn search_data() -> Route {
    Route("search/index.js".into())
}
/// The accessibility statement, on both sites.
pub fn accessibility() -> Route {
    Route("accessibility/".into())
}
pub fn not_found() -> Route {
    Route("404.html".into())
}
pub fn robots() -> Route {
    Route("robots.txt".into())
}

/// A file from the site's static/ folder is published at the site root,
/// as Hugo and Zola do: `static/photos/a.jpg` -> `photos/a.jpg`.
pub fn static_url(under_static: &Path) -> String {
    under_static
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// A file under static/ as a photo, image or link names it, spelt one way
/// so that every comparison sees the same file: `/` between parts (a
/// backslash counts as one, as Windows and browsers read it), no empty,
/// `.` or `..` parts, no slash at the end. `photos//amara.jpg`,
/// `photos/./amara.jpg` and `photos\\amara.jpg` are all `photos/amara.jpg`.
/// `None` for what is no file under static/: a web address, an absolute
/// path, or one that climbs out.
pub fn static_file(written: &str) -> Option<String> {
    if written.is_empty() || has_scheme(written) || written.starts_with(['/', '\\']) {
        return None;
    }
    let mut parts: Vec<&str> = Vec::new();
    for part in written.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// How a static file is compared when deciding what to withhold: without
/// case, because on the case-insensitive disks of macOS and Windows
/// `Photos/Amara.JPG` and `photos/amara.jpg` are one file.
pub fn static_key(file: &str) -> String {
    file.to_lowercase()
}

/// The only schemes a link may use, anywhere: in Markdown, raw HTML, front
/// matter and hub.yaml. Relative links have none.
pub const ALLOWED_SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// The scheme of `url`, lowercased, when it is one convene refuses
/// (`javascript:`, `data:`, `vbscript:`, `file:` ...). Browsers skip
/// whitespace and control characters before and inside a scheme, so they
/// are skipped here too.
pub fn forbidden_scheme(url: &str) -> Option<String> {
    let url = url.trim_start_matches(|c: char| c.is_whitespace() || c.is_control());
    let (scheme, _) = url.split_once(':')?;
    let scheme: String = scheme
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    (is_scheme && !ALLOWED_SCHEMES.contains(&scheme.as_str())).then_some(scheme)
}

/// Theme files (stylesheets) live under `assets/` in both sites.
pub fn asset(name: &str) -> String {
    format!("assets/{name}")
}

/// What a link in a Markdown file points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// `https:`, `mailto:` and other addresses outside the site.
    External,
    /// `#section` on the same page.
    SamePage,
    /// Another content file, by its path relative to the site folder.
    Content {
        path: PathBuf,
        fragment: Option<String>,
    },
    /// A file under static/, relative to static/.
    Static(PathBuf),
    /// A path that climbs out of the site folder or names no content file.
    Elsewhere(PathBuf),
}

/// A full web address (`https://`, `http://` or `//`) without its scheme:
/// `host/path...`. `None` for anything else.
pub fn without_web_scheme(url: &str) -> Option<&str> {
    let (scheme, rest) = url.trim().split_once("//")?;
    matches!(
        scheme.to_ascii_lowercase().as_str(),
        "" | "http:" | "https:"
    )
    .then_some(rest)
}

/// Resolve `dest` as written in the file at `from` (relative to the site).
pub fn classify(from: &Path, dest: &str) -> Target {
    if dest.starts_with('#') {
        return Target::SamePage;
    }
    if has_scheme(dest) || dest.starts_with("//") {
        return Target::External;
    }
    let (path, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(f.to_string())),
        None => (dest, None),
    };
    let path = path.split('?').next().unwrap_or(path);
    // Browsers and Windows read a backslash as a slash.
    let decoded = percent_decode(path).replace('\\', "/");
    let joined = match decoded.strip_prefix('/') {
        Some(rooted) => PathBuf::from(rooted),
        None => from.parent().unwrap_or(Path::new("")).join(&decoded),
    };
    let Some(normal) = normalise(&joined) else {
        return Target::Elsewhere(joined);
    };
    if let Ok(rest) = normal.strip_prefix("static") {
        return Target::Static(rest.to_path_buf());
    }
    if normal.extension().is_some_and(|e| e == "md") {
        return Target::Content {
            path: normal,
            fragment,
        };
    }
    Target::Elsewhere(normal)
}

fn has_scheme(dest: &str) -> bool {
    match dest.split_once(':') {
        Some((scheme, _)) => {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                && !scheme.contains('/')
        }
        None => false,
    }
}

/// `%xx` escapes decoded; anything else kept as written.
pub fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
            if let Ok(v) = u8::from_str_radix(hex, 16) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Fold `..` and `.` away; `None` if the path climbs out of the site.
fn normalise(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::Normal(part) => out.push(part),
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(out)
}

/// Source file -> page, for one audience's site. A link whose target is not
/// in the index is not on that site and must not be emitted as a link.
/// Keys borrow the corpus's paths: `serve` builds this again for every edit.
#[derive(Debug, Default)]
pub struct LinkIndex<'a> {
    pages: HashMap<&'a Path, Route>,
}

impl<'a> LinkIndex<'a> {
    pub fn with_capacity(pages: usize) -> Self {
        LinkIndex {
            pages: HashMap::with_capacity(pages),
        }
    }

    pub fn insert(&mut self, source: &'a Path, route: Route) {
        self.pages.insert(source, route);
    }

    pub fn page(&self, source: &Path) -> Option<&Route> {
        self.pages.get(source)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pagination() {
        assert_eq!(page_of(&stories_index(), 1).url(), "stories/");
        assert_eq!(page_of(&stories_index(), 3).url(), "stories/page/3/");
        assert_eq!(page_of(&stories_index(), 3).root(), "../../../");
    }

    #[test]
    fn routes_and_roots() {
        let r = person(&PersonSlug::new("amara-okafor"));
        assert_eq!(r.file(), PathBuf::from("people/amara-okafor/index.html"));
        assert_eq!(r.root(), "../../");
        assert_eq!(home().root(), "");
        assert_eq!(home().file(), PathBuf::from("index.html"));
    }

    #[test]
    fn every_spelling_of_a_static_file_is_one_file() {
        for written in [
            "photos/amara.jpg",
            "photos//amara.jpg",
            "photos/./amara.jpg",
            "photos/amara.jpg/",
            "photos\\amara.jpg",
            "./photos/amara.jpg",
            "photos/x/../amara.jpg",
        ] {
            assert_eq!(
                static_file(written).as_deref(),
                Some("photos/amara.jpg"),
                "{written}"
            );
        }
        for outside in [
            "../amara.jpg",
            "/etc/passwd",
            "https://x.example/a.jpg",
            "",
            "a/../..",
            "\\\\server\\a.jpg",
        ] {
            assert_eq!(static_file(outside), None, "{outside}");
        }
        assert_eq!(
            static_key("Photos/Amara.JPG"),
            static_key("photos/amara.jpg")
        );
        let from = Path::new("stories/2025-01-01-a.md");
        assert_eq!(
            classify(from, "..\\static\\photos//amara.jpg"),
            Target::Static("photos/amara.jpg".into())
        );
    }

    #[test]
    fn only_web_mail_and_phone_schemes_are_allowed() {
        for bad in [
            "javascript:alert(1)",
            "JavaScript:x",
            " data:text/html,x",
            "java\tscript:x",
            "\u{1}javascript:x",
            "VBScript:x",
            "file:///etc/passwd",
            "ftp://x",
        ] {
            assert!(forbidden_scheme(bad).is_some(), "{bad:?}");
        }
        for good in [
            "https://example.org",
            "HTTP://example.org",
            "mailto:a@b.org",
            "tel:+441234",
            "../people/a.md",
            "#top",
            "//cdn.example/x",
            "people/a.md?x=y:z",
            "",
        ] {
            assert_eq!(forbidden_scheme(good), None, "{good:?}");
        }
    }

    #[test]
    fn links_resolve_relative_to_their_file() {
        let from = Path::new("stories/2025-01-01-a.md");
        assert_eq!(
            classify(from, "../people/amara.md#bio"),
            Target::Content {
                path: "people/amara.md".into(),
                fragment: Some("bio".into())
            }
        );
        assert_eq!(
            classify(from, "../static/photos/a.jpg"),
            Target::Static("photos/a.jpg".into())
        );
        assert_eq!(classify(from, "https://example.org"), Target::External);
        assert_eq!(classify(from, "mailto:a@b.org"), Target::External);
        assert_eq!(classify(from, "#top"), Target::SamePage);
        assert!(matches!(
            classify(from, "../../../etc/passwd"),
            Target::Elsewhere(_)
        ));
    }
}
