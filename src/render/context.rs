//! Typed template contexts. Each borrows from a `View`, never from the
//! corpus, so a public page's template only ever sees public data.

use crate::audience::{CampaignView, PersonView, StoryView, View};
use crate::config::Organisation;
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
    pub base_url: &'a str,
    /// The public hub's address, shown in the playbook for reference.
    pub public_url: &'a str,
    pub has_guidelines: bool,
    pub has_campaigns: bool,
}

impl<'a> SiteCtx<'a> {
    pub fn new(view: &'a View<'a>) -> Self {
        let playbook = view.audience == crate::model::Audience::Playbook;
        let cfg = view.config;
        SiteCtx {
            title: match playbook {
                true => Cow::Owned(cfg.playbook_title()),
                false => Cow::Borrowed(&cfg.title),
            },
            description: &cfg.description,
            language: &cfg.language,
            organisation: &cfg.organisation,
            playbook,
            base_url: if playbook {
                cfg.playbook_base()
            } else {
                cfg.public_base()
            },
            public_url: cfg.public_base(),
            has_guidelines: !view.guidelines.is_empty(),
            has_campaigns: !view.campaigns.is_empty(),
        }
    }
}

/// The frame every template gets: the site, where this page is, and the
/// page's own data under `page`.
#[derive(Serialize)]
pub struct PageCtx<'a, T: Serialize> {
    pub site: &'a SiteCtx<'a>,
    /// Prefix from this page back to the site root, e.g. `../../`.
    pub root: String,
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
        PageCtx {
            site,
            root: route.root(),
            url: route.url(),
            canonical: route.absolute(site.base_url),
            title,
            description: site.description.to_string(),
            section,
            meta: (!site.playbook).then(Meta::website),
            feeds: Vec::new(),
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

    pub fn describe(mut self, description: Option<&str>) -> Self {
        if let Some(d) = description.filter(|d| !d.trim().is_empty()) {
            self.description = d.to_string();
        }
        self
    }
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
pub fn person_card<'a>(p: &PersonView<'a>, photo: Option<PictureCtx>) -> PersonCard<'a> {
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
        photo_alt: p
            .photo_alt
            .map_or_else(|| format!("Photo of {}", p.name), str::to_string),
        not_public: p.private.as_ref().is_some_and(|x| !x.on_hub),
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
}

/// `image` is the story's picture as this site shows it (see
/// `Renderer::picture`).
pub fn story_card<'a>(s: &StoryView<'a>, image: Option<PictureCtx>) -> StoryCard<'a> {
    let mut flags = Vec::new();
    if let Some(private) = &s.private {
        if private.draft {
            flags.push("Draft".to_string());
        }
        if private.internal {
            flags.push("Internal only".to_string());
        }
        if let Some(until) = private.embargoed_until {
            flags.push(format!(
                "Embargoed until {}",
                until.0.format("%-d %B %Y, %H:%M %:z")
            ));
        }
    }
    StoryCard {
        title: s.title,
        url: routes::story(s.slug).url().to_string(),
        date: s.date.display(),
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
    }
}

#[derive(Serialize)]
pub struct CampaignCard<'a> {
    pub title: &'a str,
    pub url: String,
    pub dates: Option<String>,
}

pub fn campaign_card<'a>(c: &CampaignView<'a>) -> CampaignCard<'a> {
    CampaignCard {
        title: c.title,
        url: routes::campaign(c.slug).url().to_string(),
        dates: crate::model::Day::span(c.starts, c.ends),
    }
}

/// What each responding level lets a person do (docs/content.md).
pub fn responding_label(level: i64) -> &'static str {
    match level {
        1 => "Thank and share",
        2 => "Answer on own topics",
        3 => "Handle complaints and media",
        _ => "Unknown level",
    }
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
