//! The leak rule lives here, once.
//!
//! `select` turns the whole corpus into the `View` one audience may see.
//! Everything after this step (routing, templates, indexes) is given only a
//! `View`, so the public hub's templates are never handed a private value:
//! private fields sit in `private: Option<..>` parts that are `None` for the
//! public hub, and private items are simply not in its lists.

use crate::config::SiteConfig;
use crate::model::*;
use crate::routes::{self, LinkIndex};
use chrono::{DateTime, FixedOffset};
use indexmap::IndexMap;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

pub struct View<'a> {
    pub audience: Audience,
    pub config: &'a SiteConfig,
    /// The site folder, to read image sizes for share metadata.
    pub root: &'a Path,
    /// Sorted by name.
    pub people: Vec<PersonView<'a>>,
    /// Newest first.
    pub stories: Vec<StoryView<'a>>,
    /// By `order`, then title.
    pub guidelines: Vec<GuidelineView<'a>>,
    /// Newest start first.
    pub campaigns: Vec<CampaignView<'a>>,
    /// Which source files have a page on this site.
    pub links: LinkIndex<'a>,
    /// Files from static/ that this site publishes (relative to static/).
    pub static_files: Vec<&'a Path>,
}

impl<'a> View<'a> {
    /// Where each person of this site is in `people`, by slug.
    pub fn person_index(&self) -> HashMap<&'a str, usize> {
        self.people
            .iter()
            .enumerate()
            .map(|(i, p)| (p.slug.as_str(), i))
            .collect()
    }
}

pub struct PersonView<'a> {
    pub slug: &'a PersonSlug,
    pub name: &'a str,
    pub role: Option<&'a str>,
    pub team: Option<&'a str>,
    pub location: Option<&'a str>,
    pub pronouns: Option<&'a str>,
    pub topics: &'a [String],
    pub photo: Option<&'a str>,
    pub photo_alt: Option<&'a str>,
    pub links: &'a IndexMap<String, String>,
    pub aliases: &'a [String],
    pub source: &'a Source,
    /// Only in the playbook.
    pub private: Option<PersonPrivate<'a>>,
}

pub struct PersonPrivate<'a> {
    pub public: bool,
    pub consent_review: Option<Day>,
    pub responding_level: Option<i64>,
    pub responds_on: &'a [String],
    pub internal: &'a IndexMap<String, serde_yaml::Value>,
}

pub struct StoryView<'a> {
    pub slug: &'a StorySlug,
    pub title: &'a str,
    pub date: Day,
    pub campaign: Option<&'a Campaign>,
    /// Only the people who are on this site; others are left out entirely.
    pub people: Vec<&'a PersonSlug>,
    pub topics: &'a [String],
    pub summary: Option<&'a str>,
    pub image: Option<&'a str>,
    pub image_alt: Option<&'a str>,
    pub aliases: &'a [String],
    pub source: &'a Source,
    pub private: Option<StoryPrivate<'a>>,
}

pub struct StoryPrivate<'a> {
    pub draft: bool,
    pub internal: bool,
    /// Set while the embargo has not yet passed.
    pub embargoed_until: Option<Instant>,
    pub staff_notes: Option<&'a str>,
}

pub struct GuidelineView<'a> {
    pub slug: &'a GuidelineSlug,
    pub title: &'a str,
    pub order: Option<i64>,
    pub tags: &'a [String],
    pub is_public: bool,
    pub source: &'a Source,
}

pub struct CampaignView<'a> {
    pub slug: &'a CampaignSlug,
    pub title: &'a str,
    pub starts: Option<Day>,
    pub ends: Option<Day>,
    pub hashtags: &'a [String],
    pub cta: Option<&'a CallToAction>,
    pub source: &'a Source,
    pub private: Option<CampaignPrivate<'a>>,
}

pub struct CampaignPrivate<'a> {
    pub share: &'a [String],
    pub staff_notes: Option<&'a str>,
}

/// Is this person on the public hub? Only with consent, and only while the
/// consent review date has not passed.
pub fn person_is_public(p: &Person, now: DateTime<FixedOffset>) -> bool {
    p.meta.public
        && p.meta
            .consent_review
            .is_none_or(|d| d.0 >= now.date_naive())
}

/// Is this story on the public hub? Not a draft, not internal, embargo passed.
pub fn story_is_public(s: &Story, now: DateTime<FixedOffset>) -> bool {
    !s.meta.draft
        && s.meta.audience == StoryAudience::Public
        && s.meta.publish_after.is_none_or(|t| t.0 <= now)
}

pub fn select<'a>(corpus: &'a Corpus, audience: Audience, now: DateTime<FixedOffset>) -> View<'a> {
    let playbook = audience == Audience::Playbook;
    let people: Vec<&Person> = corpus
        .people
        .iter()
        .filter(|p| playbook || person_is_public(p, now))
        .collect();
    let stories: Vec<&Story> = corpus
        .stories
        .iter()
        .filter(|s| playbook || story_is_public(s, now))
        .collect();
    let guidelines: Vec<&Guideline> = corpus
        .guidelines
        .iter()
        .filter(|g| playbook || g.meta.audience == GuidelineAudience::Public)
        .collect();

    let mut links = LinkIndex::with_capacity(
        people.len() + stories.len() + guidelines.len() + corpus.campaigns.len(),
    );
    for p in &people {
        links.insert(&p.source.path, routes::person(&p.slug));
    }
    for s in &stories {
        links.insert(&s.source.path, routes::story(&s.slug));
    }
    for g in &guidelines {
        links.insert(&g.source.path, routes::guideline(&g.slug));
    }
    for c in &corpus.campaigns {
        links.insert(&c.source.path, routes::campaign(&c.slug));
    }
    let on_site: HashMap<&str, &PersonSlug> =
        people.iter().map(|p| (p.slug.as_str(), &p.slug)).collect();

    let mut people_views: Vec<PersonView> =
        people.iter().map(|p| person_view(p, playbook)).collect();
    people_views.sort_by_cached_key(|p| (p.name.to_lowercase(), p.slug));

    let mut story_views: Vec<StoryView> = stories
        .iter()
        .map(|s| StoryView {
            slug: &s.slug,
            title: &s.meta.title,
            date: s.meta.date,
            campaign: s.meta.campaign.as_deref().and_then(|c| corpus.campaign(c)),
            people: s
                .meta
                .people
                .iter()
                .filter_map(|slug| on_site.get(slug.as_str()).copied())
                .collect(),
            topics: &s.meta.topics,
            summary: s.meta.summary.as_deref(),
            image: s.meta.image.as_deref(),
            image_alt: s.meta.image_alt.as_deref(),
            aliases: &s.meta.aliases,
            source: &s.source,
            private: playbook.then(|| StoryPrivate {
                draft: s.meta.draft,
                internal: s.meta.audience == StoryAudience::Internal,
                embargoed_until: s.meta.publish_after.filter(|t| t.0 > now),
                staff_notes: s.meta.staff_notes.as_deref(),
            }),
        })
        .collect();
    story_views.sort_by(|a, b| b.date.cmp(&a.date).then(a.slug.cmp(b.slug)));

    let mut guideline_views: Vec<GuidelineView> = guidelines
        .iter()
        .map(|g| GuidelineView {
            slug: &g.slug,
            title: &g.meta.title,
            order: g.meta.order,
            tags: &g.meta.tags,
            is_public: g.meta.audience == GuidelineAudience::Public,
            source: &g.source,
        })
        .collect();
    guideline_views
        .sort_by_cached_key(|g| (g.order.unwrap_or(i64::MAX), g.title.to_lowercase(), g.slug));

    let mut campaign_views: Vec<CampaignView> = corpus
        .campaigns
        .iter()
        .map(|c| CampaignView {
            slug: &c.slug,
            title: &c.meta.title,
            starts: c.meta.starts,
            ends: c.meta.ends,
            hashtags: &c.meta.hashtags,
            cta: c.meta.cta.as_ref(),
            source: &c.source,
            private: playbook.then(|| CampaignPrivate {
                share: &c.meta.share,
                staff_notes: c.meta.staff_notes.as_deref(),
            }),
        })
        .collect();
    campaign_views.sort_by(|a, b| b.starts.cmp(&a.starts).then(a.slug.cmp(b.slug)));

    let static_files = published_static_files(corpus, &people, &stories, playbook);
    View {
        audience,
        config: &corpus.config,
        root: &corpus.root,
        people: people_views,
        stories: story_views,
        guidelines: guideline_views,
        campaigns: campaign_views,
        links,
        static_files,
    }
}

fn person_view(p: &Person, playbook: bool) -> PersonView<'_> {
    let m = &p.meta;
    PersonView {
        slug: &p.slug,
        name: &m.name,
        role: m.role.as_deref(),
        team: m.team.as_deref(),
        location: m.location.as_deref(),
        pronouns: m.pronouns.as_deref(),
        topics: &m.topics,
        photo: m.photo.as_deref(),
        photo_alt: m.photo_alt.as_deref(),
        links: &m.links,
        aliases: &m.aliases,
        source: &p.source,
        private: playbook.then(|| PersonPrivate {
            public: m.public,
            consent_review: m.consent_review,
            responding_level: m.responding_level,
            responds_on: &m.responds_on,
            internal: &m.internal,
        }),
    }
}

/// static/ is copied into both sites, except that a photo or image used only
/// by people or stories that are not public stays out of the public hub.
fn published_static_files<'a>(
    corpus: &'a Corpus,
    people: &[&Person],
    stories: &[&Story],
    playbook: bool,
) -> Vec<&'a Path> {
    let all = corpus.static_files.iter().map(|p| p.as_path());
    if playbook {
        return all.collect();
    }
    let used_publicly: BTreeSet<&str> = people
        .iter()
        .filter_map(|p| p.meta.photo.as_deref())
        .chain(stories.iter().filter_map(|s| s.meta.image.as_deref()))
        .collect();
    let withheld: BTreeSet<&str> = corpus
        .people
        .iter()
        .filter_map(|p| p.meta.photo.as_deref())
        .chain(
            corpus
                .stories
                .iter()
                .filter_map(|s| s.meta.image.as_deref()),
        )
        .filter(|f| !used_publicly.contains(f))
        .collect();
    all.filter(|p| !withheld.contains(routes::static_url(p).as_str()))
        .collect()
}
