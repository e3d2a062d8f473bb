//! hub.yaml, the site's configuration, and the options a build runs with.

use crate::diagnostics::Diagnostic;
use crate::frontmatter::{self, FrontMatter, Split};
use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The themes built into this binary (hub.yaml's `theme:` names one).
pub const THEMES: &[&str] = &["default"];

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub name: String,
    pub charity_number: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Utm {
    pub source: Option<String>,
    pub medium: Option<String>,
    /// Per-person tracking is opt-in, so staff don't feel watched.
    #[serde(default)]
    pub per_person: bool,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Share {
    #[serde(default)]
    pub networks: Vec<String>,
    #[serde(default)]
    pub utm: Utm,
}

/// The playbook's email signatures.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    /// A logo at a full web address (`https://...`): a signature is pasted
    /// into mail, which can't show a picture from the playbook or static/.
    pub logo: Option<String>,
    /// How wide the logo is shown, in pixels.
    pub logo_width: Option<u32>,
}

/// The home page's words in a language other than the default
/// (hub.yaml `translations: {cy: {title: ..., description: ...}}`).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SiteWords {
    pub title: Option<String>,
    pub description: Option<String>,
    pub playbook_title: Option<String>,
}

/// The charity's look: its logo and colours (see `crate::brand`).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Brand {
    /// An SVG or PNG under static/, shown in every page's header.
    pub logo: Option<String>,
    /// `#rrggbb`: buttons, the current page, tags, borders.
    pub accent: Option<String>,
    /// `#rrggbb`, optional: highlight stripes beside campaigns, quotes and
    /// the home page's welcome.
    pub second: Option<String>,
}

/// The links at the foot of every page, besides the accessibility
/// statement convene writes itself.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Footer {
    /// The charity's privacy notice.
    pub privacy: Option<String>,
    /// How to reach the charity (a web page, `mailto:` or `tel:`); the
    /// accessibility statement sends problems here too.
    pub contact: Option<String>,
    pub donate: Option<String>,
    pub get_involved: Option<String>,
    /// The charity's own accounts, network to address.
    #[serde(default)]
    pub social: indexmap::IndexMap<String, String>,
}

/// What the public hub's home page puts first (`featured:`): people and
/// stories by slug, in the order written. Anyone not on the hub, or a
/// story that is not public, is simply left out there (`check` warns).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Featured {
    #[serde(default)]
    pub people: Vec<String>,
    #[serde(default)]
    pub stories: Vec<String>,
    /// Where each slug is written in hub.yaml (line, column), in the same
    /// order, so `check` can point at a wrong one.
    #[serde(skip)]
    pub people_at: Vec<(usize, usize)>,
    #[serde(skip)]
    pub stories_at: Vec<(usize, usize)>,
}

/// The width of a signature's logo unless hub.yaml says otherwise.
pub const SIGNATURE_LOGO_WIDTH: u32 = 120;

/// The contents of hub.yaml.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub base_url: String,
    pub playbook_base_url: Option<String>,
    /// The playbook's own name (default "<organisation> playbook").
    pub playbook_title: Option<String>,
    /// The default language; with `languages`, the first of them.
    #[serde(default = "default_language")]
    pub language: String,
    /// Every language the sites are published in, the default first.
    #[serde(default)]
    pub languages: Vec<String>,
    /// hub.yaml's own words in the other languages, by language.
    #[serde(default)]
    pub translations: indexmap::IndexMap<String, SiteWords>,
    #[serde(default = "default_theme")]
    pub theme: String,
    #[serde(default)]
    pub organisation: Organisation,
    #[serde(default)]
    pub share: Share,
    #[serde(default)]
    pub signature: Signature,
    #[serde(default)]
    pub brand: Brand,
    #[serde(default)]
    pub footer: Footer,
    #[serde(default)]
    pub featured: Featured,
}

fn default_language() -> String {
    "en".into()
}

fn default_theme() -> String {
    "default".into()
}

impl Default for SiteConfig {
    fn default() -> Self {
        SiteConfig {
            title: String::new(),
            description: String::new(),
            base_url: String::new(),
            playbook_base_url: None,
            playbook_title: None,
            language: default_language(),
            languages: Vec::new(),
            translations: indexmap::IndexMap::new(),
            theme: default_theme(),
            organisation: Organisation::default(),
            share: Share::default(),
            signature: Signature::default(),
            brand: Brand::default(),
            footer: Footer::default(),
            featured: Featured::default(),
        }
    }
}

impl FrontMatter for SiteConfig {
    const KIND: &'static str = "hub.yaml";
    const STAND_INS: &'static [(&'static str, &'static str)] =
        &[("title", "\"\""), ("base_url", "\"\"")];
    const KEYS: &'static [&'static str] = &[
        "title",
        "description",
        "base_url",
        "playbook_base_url",
        "playbook_title",
        "language",
        "languages",
        "translations",
        "theme",
        "organisation",
        "share",
        "signature",
        "brand",
        "footer",
        "featured",
    ];
}

impl SiteConfig {
    /// Read hub.yaml strictly; problems go to `out` and a default config is
    /// returned so the rest of the site can still be checked.
    pub fn parse(text: &str, out: &mut Vec<Diagnostic>) -> SiteConfig {
        // Windows editors may start the file with a byte-order mark.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let file = Path::new("hub.yaml");
        let whole = Split {
            yaml: text,
            yaml_line: 1,
            body: "",
            body_line: 0,
        };
        let config: Option<SiteConfig> = frontmatter::parse(&whole, file, out);
        let mut config = config.unwrap_or_default();
        languages(&mut config, text, file, out);
        // Spelt one way from here on, as photos are (see `load`), so the
        // hub publishes the file whatever private page also names it.
        if let Some(logo) = config
            .brand
            .logo
            .as_deref()
            .and_then(crate::routes::static_file)
        {
            config.brand.logo = Some(logo);
        }
        config.featured.locate(text);
        let web_address =
            config.base_url.starts_with("https://") || config.base_url.starts_with("http://");
        if !config.base_url.is_empty() && !web_address {
            out.push(
                Diagnostic::error(
                    file,
                    line_of(text, "base_url"),
                    "`base_url` must be a full web address",
                )
                .with_hint("write it like https://people.example.org"),
            );
        }
        if !THEMES.contains(&config.theme.as_str()) {
            out.push(
                Diagnostic::error(
                    file,
                    line_of(text, "theme"),
                    format!(
                        "there is no theme called `{}`; convene has: {}",
                        config.theme,
                        THEMES.join(", ")
                    ),
                )
                .with_hint("write `theme: default` or leave it out; to change how pages look, copy templates into the site's templates/ folder"),
            );
        }
        config
    }

    /// The public hub's address without a trailing slash.
    pub fn public_base(&self) -> &str {
        self.base_url.trim_end_matches('/')
    }

    /// The playbook's name: hub.yaml's `playbook_title`, or the
    /// organisation's (else the hub's) name and "playbook".
    pub fn playbook_title(&self) -> String {
        match &self.playbook_title {
            Some(title) if !title.trim().is_empty() => title.clone(),
            _ => {
                let org = self.organisation.name.trim();
                let owner = if org.is_empty() {
                    self.title.trim()
                } else {
                    org
                };
                format!("{owner} playbook")
            }
        }
    }

    pub fn playbook_base(&self) -> &str {
        self.playbook_base_url
            .as_deref()
            .unwrap_or("")
            .trim_end_matches('/')
    }
}

/// `languages:` and `translations:` checked, and `language` set to the
/// default (the first of `languages`).
fn languages(config: &mut SiteConfig, text: &str, file: &Path, out: &mut Vec<Diagnostic>) {
    let at = line_of(text, "languages");
    for (i, tag) in config.languages.iter().enumerate() {
        if !crate::languages::is_tag(tag) {
            out.push(
                Diagnostic::error(file, at, format!("`{tag}` is not a language code"))
                    .with_hint("write languages as short codes, the default first: `languages: [en, cy]` (or en-GB, ga, gd, fr)"),
            );
        } else if config.languages[..i]
            .iter()
            .any(|t| t.eq_ignore_ascii_case(tag))
        {
            out.push(Diagnostic::error(
                file,
                at,
                format!("`{tag}` is listed twice in `languages`"),
            ));
        }
    }
    if let Some(first) = config.languages.first() {
        let written = text.lines().any(|l| l.starts_with("language:"));
        if written && !config.language.eq_ignore_ascii_case(first) {
            out.push(
                Diagnostic::error(
                    file,
                    line_of(text, "language:"),
                    format!(
                        "`language: {}` is not the first of `languages` ({first})",
                        config.language
                    ),
                )
                .with_hint(
                    "the first of `languages` is the default language; leave `language` out",
                ),
            );
        }
        config.language = first.clone();
    } else if !crate::languages::is_tag(&config.language) {
        out.push(
            Diagnostic::error(
                file,
                line_of(text, "language"),
                format!("`{}` is not a language code", config.language),
            )
            .with_hint("write a short code such as `en`, `en-GB` or `cy`"),
        );
    }
    let tags: Vec<String> = crate::languages::of(config)
        .into_iter()
        .skip(1)
        .map(|l| l.tag)
        .collect();
    for lang in config.translations.keys() {
        if !tags.iter().any(|t| t == lang) {
            out.push(
                Diagnostic::error(
                    file,
                    line_of(text, "translations"),
                    format!("`translations` has words for `{lang}`, which is not one of the other `languages`"),
                )
                .with_hint(format!("the languages besides the default are: {}", if tags.is_empty() { "none".to_string() } else { tags.join(", ") })),
            );
        }
    }
}

impl Featured {
    /// Find each featured slug in hub.yaml: the first place after the
    /// `featured:` line (and after the one before it) where the slug is
    /// written whole, so `people: [amara]` and a block list both work.
    fn locate(&mut self, text: &str) {
        let lines: Vec<&str> = text.lines().collect();
        let start = lines
            .iter()
            .position(|l| l.starts_with("featured:"))
            .unwrap_or(0);
        let find = |slugs: &[String], key: &str| {
            // From the list's own key, so a slug that is both a person's
            // and a story's is found under the right one.
            let key = format!("{key}:");
            let (mut from, mut col_from) = (start..lines.len())
                .find_map(|i| Some((i, lines[i].find(&key)? + key.len())))
                .unwrap_or((start, 0));
            slugs
                .iter()
                .map(|slug| {
                    let found = (from..lines.len()).find_map(|i| {
                        let skip = if i == from { col_from } else { 0 };
                        let at = whole_word(lines[i].get(skip..)?, slug)? + skip;
                        Some((i, at))
                    });
                    match found {
                        Some((i, at)) => {
                            (from, col_from) = (i, at + slug.len());
                            (i + 1, lines[i][..at].chars().count() + 1)
                        }
                        None => (start + 1, 1),
                    }
                })
                .collect()
        };
        self.people_at = find(&self.people, "people");
        self.stories_at = find(&self.stories, "stories");
    }
}

/// Where `word` stands alone in `line` (not inside a longer slug).
fn whole_word(line: &str, word: &str) -> Option<usize> {
    if word.is_empty() {
        return None;
    }
    let slug_char = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    line.match_indices(word).map(|(at, _)| at).find(|&at| {
        !line[..at].chars().next_back().is_some_and(slug_char)
            && !line[at + word.len()..]
                .chars()
                .next()
                .is_some_and(slug_char)
    })
}

fn line_of(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| l.starts_with(key))
        .map_or(1, |i| i + 1)
}

/// What a build or check runs with. Passed in whole; nothing is set later.
#[derive(Debug, Clone)]
pub struct Options {
    pub site: PathBuf,
    pub out: PathBuf,
    /// "Now" for embargoes and consent reviews; fixed for reproducible builds.
    pub now: DateTime<FixedOffset>,
    /// Files larger than this (bytes) are refused: a pasted video or a
    /// runaway export should fail the pull request, not the live site.
    pub max_file_size: u64,
    /// Warnings stop the build as errors do, so nothing is written.
    pub deny_warnings: bool,
    /// Resize photos and draw share cards. Off, pages show the original
    /// photo files and link previews fall back to them: quicker drafts.
    pub images: bool,
    /// Where derived images are kept between builds (default `OUT/.cache/images`).
    pub image_cache: Option<PathBuf>,
}

/// 5 MB: far above any profile or story, below a video someone dropped in.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 5 * 1024 * 1024;

impl Options {
    /// Options for `site` with the defaults a plain `convene build` uses.
    pub fn new(
        site: impl Into<PathBuf>,
        out: impl Into<PathBuf>,
        now: DateTime<FixedOffset>,
    ) -> Self {
        Options {
            site: site.into(),
            out: out.into(),
            now,
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            deny_warnings: false,
            images: true,
            image_cache: None,
        }
    }

    /// The image cache folder. Inside the output folder by default: same
    /// file system as the sites, so they can hard-link cached images
    /// instead of copying them, and CI can cache it with the output.
    pub fn image_cache_dir(&self) -> PathBuf {
        self.image_cache
            .clone()
            .unwrap_or_else(|| self.out.join(".cache").join("images"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn featured(text: &str) -> Featured {
        let mut out = Vec::new();
        let config = SiteConfig::parse(text, &mut out);
        assert!(out.is_empty(), "{out:?}");
        config.featured
    }

    #[test]
    fn featured_slugs_are_found_where_they_are_written() {
        let head = "title: T\nbase_url: https://a.example\n";
        // One line: a slug inside a longer one is not it, and a slug that
        // is both a person's and a story's is found under its own key.
        let f = featured(&format!(
            "{head}featured: {{people: [river-day-team, river-day], stories: [river-day]}}\n"
        ));
        assert_eq!(f.people_at, [(3, 21), (3, 37)]);
        assert_eq!(f.stories_at, [(3, 59)]);
        // Block lists.
        let f = featured(&format!(
            "{head}featured:\n  stories:\n    - otters\n  people:\n    - amara\n    - otters\n"
        ));
        assert_eq!(f.stories_at, [(5, 7)]);
        assert_eq!(f.people_at, [(7, 7), (8, 7)]);
    }
}
