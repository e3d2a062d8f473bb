//! Typed template contexts. Each borrows from a `View`, never from the
//! corpus, so a public page's template only ever sees public data.

use crate::audience::{CampaignView, PersonView, StoryView, View};
use crate::config::Organisation;
use crate::languages::interface::Speech;
use crate::routes::{self, Route};
use serde::Serialize;
use std::borrow::Cow;

/// What every page knows about its site.
#[derive(Serialize)]
pub struct SiteCtx<'a> {
    /// The hub's title, or on the playbook its own (`playbook_title`).
    pub title: Cow<'a, str>,
    pub description: &'a str,
    pub language: &'a str,
    pub organisation: &'a Organisation,
    /// True for the internal playbook: shows the banner and adds `noindex`.
    pub playbook: bool,
    /// This language's pages' address: the site's, and for a language
    /// other than the default its folder (`https://people.example/cy`).
    pub base_url: Cow<'a, str>,
    /// The site's address, where its pictures and share cards are.
    pub files_url: &'a str,
    /// The public hub's address, shown in the playbook for reference.
    pub public_url: &'a str,
    /// `../` from a language's tree up to the site root: empty for the
    /// default language.
    pub up: &'static str,
    /// The site's languages, the default first (one for most sites).
    pub languages: &'a [crate::theme::LanguageName],
    pub has_guidelines: bool,
    pub has_campaigns: bool,
    /// The charity's logo (hub.yaml's `brand.logo`), a path from the site
    /// root, when this site publishes it.
    pub logo: Option<&'a str>,
    pub footer: FooterCtx<'a>,
}

/// The links at the foot of every page, from hub.yaml's `footer:` (the
/// template names them; the accessibility statement is always there).
#[derive(Serialize)]
pub struct FooterCtx<'a> {
    pub privacy: Option<&'a str>,
    pub contact: Option<&'a str>,
    pub donate: Option<&'a str>,
    pub get_involved: Option<&'a str>,
    /// The charity's own accounts, named as people know the network.
    pub social: Vec<LinkCtx>,
}

impl<'a> FooterCtx<'a> {
    fn new(footer: &'a crate::config::Footer) -> Self {
        FooterCtx {
            privacy: footer.privacy.as_deref(),
            contact: footer.contact.as_deref(),
            donate: footer.donate.as_deref(),
            get_involved: footer.get_involved.as_deref(),
            social: footer
                .social
                .iter()
                .map(|(network, url)| LinkCtx {
                    text: crate::sharing::label(network),
                    url: url.clone(),
                })
                .collect(),
        }
    }
}

impl<'a> SiteCtx<'a> {
    /// From a page whose language root is `root`, the prefix to the site
    /// root, where pictures, stylesheets and static files are.
    pub fn site_root(&self, root: &str) -> String {
        format!("{root}{}", self.up)
    }

    pub fn new(view: &'a View<'a>, languages: &'a [crate::theme::LanguageName]) -> Self {
        let playbook = view.audience == crate::model::Audience::Playbook;
        let cfg = view.config;
        let lang = &view.language;
        let words = cfg.translations.get(&lang.tag);
        let files_url = if playbook {
            cfg.playbook_base()
        } else {
            cfg.public_base()
        };
        SiteCtx {
            title: match (playbook, words) {
                (true, Some(w)) if w.playbook_title.is_some() => {
                    Cow::Owned(w.playbook_title.clone().unwrap_or_default())
                }
                (true, _) => Cow::Owned(cfg.playbook_title()),
                (false, Some(w)) if w.title.is_some() => {
                    Cow::Borrowed(w.title.as_deref().unwrap_or_default())
                }
                (false, _) => Cow::Borrowed(&cfg.title),
            },
            description: words
                .and_then(|w| w.description.as_deref())
                .unwrap_or(&cfg.description),
            language: &lang.tag,
            organisation: &cfg.organisation,
            playbook,
            base_url: match lang.is_default() {
                true => Cow::Borrowed(files_url),
                false => Cow::Owned(format!("{files_url}/{}", lang.prefix.trim_end_matches('/'))),
            },
            files_url,
            up: if lang.is_default() { "" } else { "../" },
            languages,
            public_url: cfg.public_base(),
            has_guidelines: !view.guidelines.is_empty(),
            has_campaigns: !view.campaigns.is_empty(),
            logo: cfg
                .brand
                .logo
                .as_deref()
                .filter(|logo| view.static_files.contains(&std::path::Path::new(logo))),
            footer: FooterCtx::new(&cfg.footer),
        }
    }
}

/// The frame every template gets: the site, where this page is, and the
/// page's own data under `page`.
#[derive(Serialize)]
pub struct PageCtx<'a, T: Serialize> {
    pub site: &'a SiteCtx<'a>,
    /// Prefix from this page back to the root of its language's pages,
    /// e.g. `../../`: where links to other pages start.
    pub root: String,
    /// Prefix from this page back to the site root, where stylesheets,
    /// scripts, pictures and static files are: `root` itself in the
    /// default language, one more `../` in the others.
    pub site_root: String,
    /// The same page in each of the site's languages (empty for a site
    /// with one language): the switcher and `hreflang` links.
    pub alternates: Vec<Alternate<'a>>,
    pub url: &'a str,
    pub canonical: String,
    pub title: String,
    pub description: String,
    /// Which main navigation entry is current (`people`, `stories`, ...).
    pub section: &'static str,
    /// Open Graph, Twitter card and JSON-LD: on every page of the public
    /// hub (a plain `website` preview unless the page says more), never in
    /// the playbook.
    pub meta: Option<Meta>,
    /// Atom feeds this page offers (`rel="alternate"`).
    pub feeds: Vec<LinkCtx>,
    /// Set on the page of an item that has no translation into the page's
    /// language: the language its words are in.
    pub words_lang: Option<&'a str>,
    pub page: T,
}

/// What link previews and search engines read from a public page, beside
/// the page's title, description and canonical address.
#[derive(Serialize)]
pub struct Meta {
    /// `website`, `profile` or `article`.
    pub og_type: &'static str,
    pub image: Option<ImageMeta>,
    /// Schema.org data blocks, each already serialised (and safe inside a
    /// script tag): the page's own thing first, then its breadcrumbs.
    pub json_ld: Vec<String>,
}

impl Meta {
    /// A page that is simply part of the website: no picture, no data.
    pub fn website() -> Meta {
        Meta {
            og_type: "website",
            image: None,
            json_ld: Vec::new(),
        }
    }
}

#[derive(Serialize, Clone)]
pub struct ImageMeta {
    pub url: String,
    pub width: usize,
    pub height: usize,
    pub alt: String,
}

/// Serialise schema.org data for a `<script type="application/ld+json">`.
pub fn json_ld(value: &serde_json::Value) -> String {
    script_json(&WithoutNulls(value))
}

/// JSON for a `<script>` element: `<`, `>` and `&` written as escapes, so
/// no text in it can end the element (`</script>`) or change how the
/// browser reads the rest of it (`<!--`).
pub fn script_json(value: &impl Serialize) -> String {
    let text = serde_json::to_string(value).unwrap_or_default();
    if !text.contains(['<', '>', '&']) {
        return text;
    }
    text.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// Schema.org readers prefer a missing property to `null`: this writes a
/// value with its null properties left out, without copying it first.
struct WithoutNulls<'v>(&'v serde_json::Value);

impl Serialize for WithoutNulls<'_> {
    fn serialize<S: serde::Serializer>(&self, out: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        use serde_json::Value;
        match self.0 {
            Value::Object(map) => {
                let mut object = out.serialize_map(None)?;
                for (key, value) in map.iter().filter(|(_, v)| !v.is_null()) {
                    object.serialize_entry(key, &WithoutNulls(value))?;
                }
                object.end()
            }
            Value::Array(items) => {
                let mut list = out.serialize_seq(Some(items.len()))?;
                for item in items {
                    list.serialize_element(&WithoutNulls(item))?;
                }
                list.end()
            }
            other => other.serialize(out),
        }
    }
}

impl<'a, T: Serialize> PageCtx<'a, T> {
    pub fn new(
        site: &'a SiteCtx<'a>,
        route: &'a Route,
        section: &'static str,
        title: String,
        page: T,
    ) -> Self {
        let root = route.root();
        let site_root = site.site_root(&root);
        let alternates = match site.languages.len() {
            1 => Vec::new(),
            _ => site
                .languages
                .iter()
                .map(|l| Alternate {
                    tag: &l.tag,
                    name: &l.name,
                    url: format!("{site_root}{}{}", l.prefix, route.url()),
                    absolute: format!("{}/{}{}", site.files_url, l.prefix, route.url()),
                    current: l.tag == site.language,
                })
                .collect(),
        };
        PageCtx {
            site,
            root,
            site_root,
            alternates,
            url: route.url(),
            canonical: route.absolute(&site.base_url),
            title,
            description: site.description.to_string(),
            section,
            meta: (!site.playbook).then(Meta::website),
            feeds: Vec::new(),
            words_lang: None,
            page,
        }
    }

    /// Say more to link previews than `website`, on the public hub only.
    pub fn with_meta(mut self, meta: Meta) -> Self {
        if !self.site.playbook {
            self.meta = Some(meta);
        }
        self
    }

    /// The page shows an item's words, in `lang` when that is not the page's.
    pub fn words_in(mut self, lang: Option<&'a str>) -> Self {
        self.words_lang = lang;
        self
    }

    pub fn describe(mut self, description: Option<&str>) -> Self {
        if let Some(d) = description.filter(|d| !d.trim().is_empty()) {
            self.description = d.to_string();
        }
        self
    }
}

/// A page in one of the site's languages.
#[derive(Serialize)]
pub struct Alternate<'a> {
    pub tag: &'a str,
    pub name: &'a str,
    /// From the page it is offered on.
    pub url: String,
    pub absolute: String,
    pub current: bool,
}

#[derive(Serialize, Clone)]
pub struct LinkCtx {
    pub text: String,
    pub url: String,
}

/// A person as shown in lists and on other pages.
#[derive(Serialize)]
pub struct PersonCard<'a> {
    pub name: &'a str,
    /// Shown in place of a photo.
    pub initial: String,
    pub url: String,
    pub role: Option<&'a str>,
    pub team: Option<&'a str>,
    pub location: Option<&'a str>,
    pub pronouns: Option<&'a str>,
    pub topics: &'a [String],
    pub photo: Option<PictureCtx>,
    pub photo_alt: String,
    /// Playbook only: the person is not on the public hub.
    pub not_public: bool,
    /// The language of the person's words, when not the page's.
    pub lang: Option<&'a str>,
}

/// A picture as templates show it: `src` for browsers without `srcset`,
/// the sizes to choose from, and its size so the page does not jump while
/// it loads (0 when unknown).
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct PictureCtx {
    pub src: String,
    pub width: u32,
    pub height: u32,
    pub srcset: Vec<SourceCtx>,
}

#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct SourceCtx {
    pub url: String,
    pub width: u32,
}

/// `photo` is the person's picture as this site shows it (see
/// `Renderer::picture`).
pub fn person_card<'a>(
    p: &PersonView<'a>,
    photo: Option<PictureCtx>,
    speech: &Speech,
) -> PersonCard<'a> {
    PersonCard {
        name: p.name,
        initial: p
            .name
            .chars()
            .next()
            .map(|c| c.to_uppercase().collect())
            .unwrap_or_default(),
        url: routes::person(p.slug).url().to_string(),
        role: p.role,
        team: p.team,
        location: p.location,
        pronouns: p.pronouns,
        topics: p.topics,
        photo,
        photo_alt: p.photo_alt.map_or_else(
            || speech.text("photo-of", Some(&args(&[("name", p.name)]))),
            str::to_string,
        ),
        not_public: p.private.as_ref().is_some_and(|x| !x.on_hub),
        lang: p.words_lang,
    }
}

/// A story as shown in lists.
#[derive(Serialize)]
pub struct StoryCard<'a> {
    pub title: &'a str,
    pub url: String,
    pub date: String,
    pub date_iso: String,
    pub summary: Option<&'a str>,
    pub campaign: Option<LinkCtx>,
    /// The story's image as this site shows it, when it has one.
    pub image: Option<PictureCtx>,
    /// Its description; empty when the story gives none, so the picture
    /// is passed over beside the title that already says what it is.
    pub image_alt: &'a str,
    /// Playbook only: why this story is not (yet) public.
    pub flags: Vec<String>,
    /// The language of the story's words, when not the page's.
    pub lang: Option<&'a str>,
}

/// `image` is the story's picture as this site shows it (see
/// `Renderer::picture`).
pub fn story_card<'a>(
    s: &StoryView<'a>,
    image: Option<PictureCtx>,
    speech: &Speech,
) -> StoryCard<'a> {
    let mut flags = Vec::new();
    if let Some(private) = &s.private {
        if private.draft {
            flags.push(speech.text("flag-draft", None));
        }
        if private.internal {
            flags.push(speech.text("flag-internal", None));
        }
        if let Some(until) = private.embargoed_until {
            let when = format!(
                "{}, {}",
                speech.date(crate::model::Day(until.0.date_naive())),
                until.0.format("%H:%M %:z")
            );
            flags.push(speech.text("flag-embargoed", Some(&args(&[("until", &when)]))));
        }
    }
    StoryCard {
        title: s.title,
        url: routes::story(s.slug).url().to_string(),
        date: speech.date(s.date),
        date_iso: s.date.iso(),
        summary: s.summary,
        campaign: s.campaign.map(|c| LinkCtx {
            text: c.title.to_string(),
            url: routes::campaign(c.slug).url().to_string(),
        }),
        image_alt: if image.is_some() {
            s.image_alt.unwrap_or("")
        } else {
            ""
        },
        image,
        flags,
        lang: s.words_lang,
    }
}

#[derive(Serialize)]
pub struct CampaignCard<'a> {
    pub title: &'a str,
    pub url: String,
    pub dates: Option<String>,
    /// The language of the campaign's words, when not the page's.
    pub lang: Option<&'a str>,
}

pub fn campaign_card<'a>(c: &CampaignView<'a>, speech: &Speech) -> CampaignCard<'a> {
    CampaignCard {
        title: c.title,
        url: routes::campaign(c.slug).url().to_string(),
        dates: speech.span(c.starts, c.ends),
        lang: c.words_lang,
    }
}

/// What each responding level lets a person do (docs/content.md).
pub fn responding_label(level: i64, speech: &Speech) -> String {
    match level {
        1..=3 => speech.text(&format!("responding-level-{level}"), None),
        _ => speech.text("responding-level-unknown", None),
    }
}

/// Fluent arguments from names and texts.
pub fn args<'x>(pairs: &[(&'x str, &'x str)]) -> fluent_bundle::FluentArgs<'x> {
    let mut args = fluent_bundle::FluentArgs::new();
    for (name, value) in pairs {
        args.set(*name, *value);
    }
    args
}

/// Display form of a free-form `internal` value.
pub fn plain_value(v: &serde_yaml::Value) -> String {
    use serde_yaml::Value;
    match v {
        Value::Null => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        Value::Sequence(items) => items.iter().map(plain_value).collect::<Vec<_>>().join(", "),
        Value::Mapping(m) => m
            .iter()
            .map(|(k, v)| format!("{}: {}", plain_value(k), plain_value(v)))
            .collect::<Vec<_>>()
            .join("; "),
        Value::Tagged(t) => plain_value(&t.value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_in_a_script_cannot_end_or_bend_its_element() {
        let json = script_json(&serde_json::json!({"t": "</script><!-- & -->"}));
        assert!(!json.contains('<') && !json.contains('>') && !json.contains('&'));
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["t"], "</script><!-- & -->");
        // Schema.org data too: a title may hold anything.
        let ld = json_ld(&serde_json::json!({"name": "<!--<script>", "x": null}));
        assert_eq!(ld, "{\"name\":\"\\u003c!--\\u003cscript\\u003e\"}");
    }
}
