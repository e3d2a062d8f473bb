//! The four kinds of content file and their front matter (docs/content.md).
//! Every struct denies unknown keys: a typo in `public:` or `internal:` must
//! never silently publish or hide anything.

use super::{CampaignSlug, Day, GuidelineSlug, Instant, PersonSlug, Source, StorySlug};
use crate::frontmatter::FrontMatter;
use indexmap::IndexMap;
use serde::Deserialize;

/// A staff profile, `people/<slug>.md`; the body is the bio.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonMeta {
    pub name: String,
    pub role: Option<String>,
    pub team: Option<String>,
    pub location: Option<String>,
    pub pronouns: Option<String>,
    #[serde(default)]
    pub topics: Vec<String>,
    pub photo: Option<String>,
    pub photo_alt: Option<String>,
    #[serde(default)]
    pub links: IndexMap<String, String>,
    /// Published only with consent: absent means not public.
    #[serde(default)]
    pub public: bool,
    pub consent_review: Option<Day>,
    pub responding_level: Option<i64>,
    #[serde(default)]
    pub responds_on: Vec<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Free-form contact details for the playbook only.
    #[serde(default)]
    pub internal: IndexMap<String, serde_yaml::Value>,
}

impl FrontMatter for PersonMeta {
    const KIND: &'static str = "person";
    const STAND_INS: &'static [(&'static str, &'static str)] = &[("name", "\"\"")];
    const KEYS: &'static [&'static str] = &[
        "name",
        "role",
        "team",
        "location",
        "pronouns",
        "topics",
        "photo",
        "photo_alt",
        "links",
        "public",
        "consent_review",
        "responding_level",
        "responds_on",
        "aliases",
        "internal",
    ];
}

#[derive(Debug, Clone)]
pub struct Person {
    pub slug: PersonSlug,
    pub meta: PersonMeta,
    pub source: Source,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StoryAudience {
    #[default]
    Public,
    Internal,
}

/// A campaign story, `stories/YYYY-MM-DD-<slug>.md`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoryMeta {
    pub title: String,
    pub date: Day,
    pub campaign: Option<String>,
    #[serde(default)]
    pub people: Vec<String>,
    #[serde(default)]
    pub topics: Vec<String>,
    pub summary: Option<String>,
    pub image: Option<String>,
    pub image_alt: Option<String>,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    pub audience: StoryAudience,
    pub publish_after: Option<Instant>,
    pub staff_notes: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

impl FrontMatter for StoryMeta {
    const KIND: &'static str = "story";
    const STAND_INS: &'static [(&'static str, &'static str)] =
        &[("title", "\"\""), ("date", "1970-01-01")];
    const KEYS: &'static [&'static str] = &[
        "title",
        "date",
        "campaign",
        "people",
        "topics",
        "summary",
        "image",
        "image_alt",
        "draft",
        "audience",
        "publish_after",
        "staff_notes",
        "aliases",
    ];
}

#[derive(Debug, Clone)]
pub struct Story {
    pub slug: StorySlug,
    pub meta: StoryMeta,
    pub source: Source,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GuidelineAudience {
    Public,
    #[default]
    Internal,
}

/// A playbook page, `guidelines/<slug>.md`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuidelineMeta {
    pub title: String,
    pub order: Option<i64>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// Internal unless the file says otherwise.
    #[serde(default)]
    pub audience: GuidelineAudience,
    /// The person who keeps the guideline true: a slug in people/.
    pub owner: Option<String>,
    /// When the owner last read it through; a year on, `check` asks again.
    pub reviewed: Option<Day>,
    /// When its words last changed in a way readers should know about.
    pub updated: Option<Day>,
}

impl FrontMatter for GuidelineMeta {
    const KIND: &'static str = "guideline";
    const STAND_INS: &'static [(&'static str, &'static str)] = &[("title", "\"\"")];
    const KEYS: &'static [&'static str] = &[
        "title", "order", "tags", "audience", "owner", "reviewed", "updated",
    ];
}

#[derive(Debug, Clone)]
pub struct Guideline {
    pub slug: GuidelineSlug,
    pub meta: GuidelineMeta,
    pub source: Source,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CallToAction {
    pub text: String,
    pub url: String,
}

/// A campaign, `campaigns/<slug>.md`; the body is its introduction.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CampaignMeta {
    pub title: String,
    pub starts: Option<Day>,
    pub ends: Option<Day>,
    #[serde(default)]
    pub hashtags: Vec<String>,
    pub cta: Option<CallToAction>,
    /// Share-kit texts; `{link}` becomes the campaign's public URL.
    #[serde(default)]
    pub share: Vec<String>,
    pub staff_notes: Option<String>,
}

impl FrontMatter for CampaignMeta {
    const KIND: &'static str = "campaign";
    const STAND_INS: &'static [(&'static str, &'static str)] = &[("title", "\"\"")];
    const KEYS: &'static [&'static str] = &[
        "title",
        "starts",
        "ends",
        "hashtags",
        "cta",
        "share",
        "staff_notes",
    ];
}

#[derive(Debug, Clone)]
pub struct Campaign {
    pub slug: CampaignSlug,
    pub meta: CampaignMeta,
    pub source: Source,
}
