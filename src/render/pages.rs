//! One function per page kind: gather the page's typed context from the
//! view, then hand it to its template.

use super::context::*;
use super::{OutputFile, Renderer};
use crate::model::Audience;
use crate::routes::{self, Facet, Route};
use crate::Error;
use serde::Serialize;
use std::borrow::Cow;

const HOME_PEOPLE: usize = 12;
const HOME_STORIES: usize = 6;

#[derive(Serialize)]
struct Home<'a> {
    people: Vec<Cow<'a, str>>,
    people_count: usize,
    stories: Vec<Cow<'a, str>>,
    campaigns: Vec<CampaignCard<'a>>,
    guidelines: Vec<GuidelineCard<'a>>,
}

#[derive(Serialize)]
struct PersonPrivateCtx<'a> {
    public: bool,
    consent_review: Option<String>,
    responding_level: Option<i64>,
    responding_label: Option<&'static str>,
    responds_on: &'a [String],
    internal: Vec<(String, String)>,
}

#[derive(Serialize)]
struct PersonPage<'a> {
    person: PersonCard<'a>,
    topics: Vec<LinkCtx>,
    team_url: Option<String>,
    place_url: Option<String>,
    related: Vec<Cow<'a, str>>,
    bio: String,
    links: Vec<LinkCtx>,
    stories: Vec<Cow<'a, str>>,
    private: Option<PersonPrivateCtx<'a>>,
}

#[derive(Serialize)]
struct StoryPage<'a> {
    story: StoryCard<'a>,
    body: String,
    people: Vec<Cow<'a, str>>,
    topics: Vec<LinkCtx>,
    image: Option<String>,
    image_alt: Option<&'a str>,
    staff_notes: Option<&'a str>,
}

#[derive(Serialize)]
struct CampaignPage<'a> {
    campaign: CampaignCard<'a>,
    intro: String,
    hashtags: &'a [String],
    cta: Option<LinkCtx>,
    stories: Vec<Cow<'a, str>>,
    share_kit: Option<Vec<String>>,
    staff_notes: Option<&'a str>,
}

#[derive(Serialize)]
struct CampaignsIndex<'a> {
    campaigns: Vec<CampaignCard<'a>>,
}

#[derive(Serialize)]
struct GuidelineCard<'a> {
    title: &'a str,
    url: String,
    tags: &'a [String],
    is_public: bool,
}

#[derive(Serialize)]
struct GuidelinePage<'a> {
    guideline: GuidelineCard<'a>,
    body: String,
}

#[derive(Serialize)]
struct GuidelinesIndex<'a> {
    guidelines: Vec<GuidelineCard<'a>>,
}

#[derive(Serialize)]
struct Redirect {
    target: String,
}

impl Renderer<'_, '_> {
    pub(super) fn page<T: Serialize>(
        &self,
        template: &str,
        route: &Route,
        ctx: &PageCtx<T>,
    ) -> Result<OutputFile, Error> {
        let html = self.theme.render(template, ctx)?;
        Ok(OutputFile {
            path: route.file(),
            bytes: html.into_bytes(),
        })
    }

    fn guideline_card<'a>(&self, i: usize) -> GuidelineCard<'a>
    where
        Self: 'a,
    {
        let g = &self.view.guidelines[i];
        GuidelineCard {
            title: g.title,
            url: routes::guideline(g.slug).url().to_string(),
            tags: g.tags,
            is_public: g.is_public,
        }
    }

    pub(super) fn home(&self) -> Result<OutputFile, Error> {
        let route = routes::home();
        let view = self.view;
        // The home page shows people with photos first, in directory order,
        // so the same input always gives the same page.
        let with_photo = |i: &usize| view.people[*i].photo.is_some();
        let featured = (0..view.people.len()).filter(with_photo).chain((0..view.people.len()).filter(|i| !with_photo(i)));
        let page = Home {
            people: self.person_cards(featured.take(HOME_PEOPLE), "")?,
            people_count: view.people.len(),
            stories: self.story_cards(0..view.stories.len().min(HOME_STORIES), "")?,
            campaigns: view.campaigns.iter().map(campaign_card).collect(),
            guidelines: (0..view.guidelines.len())
                .map(|i| self.guideline_card(i))
                .collect(),
        };
        let ctx = PageCtx::new(
            &self.site,
            &route,
            "home",
            self.site.title.to_string(),
            page,
        );
        self.page("home.html", &route, &ctx)
    }

    pub(super) fn person(&self, i: usize) -> Result<OutputFile, Error> {
        let p = &self.view.people[i];
        let route = routes::person(p.slug);
        let root = route.root();
        let stories = self
            .stories_by_person
            .get(p.slug.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let page = PersonPage {
            person: person_card(p, &self.statics),
            topics: self.term_links(Facet::Topic, p.topics),
            team_url: p
                .team
                .and_then(|t| self.taxonomy(Facet::Team).route(t))
                .map(|r| r.url().to_string()),
            place_url: p
                .location
                .and_then(|l| self.taxonomy(Facet::Place).route(l))
                .map(|r| r.url().to_string()),
            related: self.person_cards(self.related[i].iter().copied(), &root)?,
            bio: self.markdown(&p.source.body, &p.source.path, &root),
            links: p
                .links
                .iter()
                .map(|(n, url)| LinkCtx {
                    text: network_label(n),
                    url: url.clone(),
                })
                .collect(),
            stories: self.story_cards(stories.iter().copied(), &root)?,
            private: p.private.as_ref().map(|x| PersonPrivateCtx {
                public: x.public,
                consent_review: x.consent_review.map(|d| d.display()),
                responding_level: x.responding_level,
                responding_label: x.responding_level.map(responding_label),
                responds_on: x.responds_on,
                internal: x
                    .internal
                    .iter()
                    .map(|(k, v)| (k.clone(), plain_value(v)))
                    .collect(),
            }),
        };
        let summary = [p.role, p.team]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
        let ctx = PageCtx::new(&self.site, &route, "people", p.name.to_string(), page).describe(
            Some(&format!(
                "{}{}{} at {}",
                p.name,
                if summary.is_empty() { "" } else { ", " },
                summary,
                self.site.organisation.name
            )),
        );
        self.page("person.html", &route, &ctx)
    }

    pub(super) fn story(&self, i: usize) -> Result<OutputFile, Error> {
        let s = &self.view.stories[i];
        let route = routes::story(s.slug);
        let root = route.root();
        let people =
            self.person_cards(s.people.iter().filter_map(|slug| self.person_index.get(slug.as_str()).copied()), &root)?;
        let page = StoryPage {
            story: story_card(s),
            body: self.markdown(&s.source.body, &s.source.path, &root),
            people,
            topics: self.term_links(Facet::Topic, s.topics),
            image: s
                .image
                .filter(|f| self.statics.contains(std::path::Path::new(f)))
                .map(str::to_string),
            image_alt: s.image_alt,
            staff_notes: s.private.as_ref().and_then(|x| x.staff_notes),
        };
        let ctx = PageCtx::new(&self.site, &route, "stories", s.title.to_string(), page)
            .describe(s.summary);
        self.page("story.html", &route, &ctx)
    }

    pub(super) fn campaigns_index(&self) -> Result<OutputFile, Error> {
        let route = routes::campaigns_index();
        let page = CampaignsIndex {
            campaigns: self.view.campaigns.iter().map(campaign_card).collect(),
        };
        let ctx = PageCtx::new(&self.site, &route, "campaigns", "Campaigns".into(), page);
        self.page("campaigns.html", &route, &ctx)
    }

    pub(super) fn campaign(&self, i: usize) -> Result<OutputFile, Error> {
        let c = &self.view.campaigns[i];
        let route = routes::campaign(c.slug);
        let root = route.root();
        let stories = self
            .stories_by_campaign
            .get(c.slug.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let public_link = self.share_link(&route, c.slug.as_str());
        let page = CampaignPage {
            campaign: campaign_card(c),
            intro: self.markdown(&c.source.body, &c.source.path, &root),
            hashtags: c.hashtags,
            cta: c.cta.map(|cta| LinkCtx {
                text: cta.text.clone(),
                url: cta.url.clone(),
            }),
            stories: self.story_cards(stories.iter().copied(), &root)?,
            share_kit: c.private.as_ref().map(|x| {
                x.share
                    .iter()
                    .map(|t| t.replace("{link}", &public_link))
                    .collect()
            }),
            staff_notes: c.private.as_ref().and_then(|x| x.staff_notes),
        };
        let ctx = PageCtx::new(&self.site, &route, "campaigns", c.title.to_string(), page);
        self.page("campaign.html", &route, &ctx)
    }

    /// The campaign's public address with the hub's UTM parameters.
    fn share_link(&self, route: &Route, campaign: &str) -> String {
        let utm = &self.view.config.share.utm;
        let mut query = Vec::new();
        if let Some(s) = &utm.source {
            query.push(format!("utm_source={}", encode(s)));
        }
        if let Some(m) = &utm.medium {
            query.push(format!("utm_medium={}", encode(m)));
        }
        query.push(format!("utm_campaign={}", encode(campaign)));
        format!(
            "{}?{}",
            route.absolute(self.view.config.public_base()),
            query.join("&")
        )
    }

    pub(super) fn guidelines_index(&self) -> Result<OutputFile, Error> {
        let route = routes::guidelines_index();
        let page = GuidelinesIndex {
            guidelines: (0..self.view.guidelines.len())
                .map(|i| self.guideline_card(i))
                .collect(),
        };
        let ctx = PageCtx::new(&self.site, &route, "guidelines", "Guidelines".into(), page);
        self.page("guidelines.html", &route, &ctx)
    }

    pub(super) fn guideline(&self, i: usize) -> Result<OutputFile, Error> {
        let g = &self.view.guidelines[i];
        let route = routes::guideline(g.slug);
        let root = route.root();
        let page = GuidelinePage {
            guideline: self.guideline_card(i),
            body: self.markdown(&g.source.body, &g.source.path, &root),
        };
        let ctx = PageCtx::new(&self.site, &route, "guidelines", g.title.to_string(), page);
        self.page("guideline.html", &route, &ctx)
    }

    pub(super) fn not_found(&self) -> Result<OutputFile, Error> {
        let route = routes::not_found();
        let mut ctx = PageCtx::new(&self.site, &route, "", "Page not found".into(), ());
        // A 404 page is served at any depth, so its links start from the
        // site's own path rather than from where the page happens to be.
        ctx.root = format!("{}/", url_path(self.site.base_url).trim_end_matches('/'));
        self.page("404.html", &route, &ctx)
    }

    /// Old addresses (`aliases`) redirect to the page's current one.
    pub(super) fn aliases(&self) -> Result<Vec<OutputFile>, Error> {
        let people = self.view.people.iter().flat_map(|p| {
            p.aliases
                .iter()
                .map(move |a| (routes::person_alias(a), routes::person(p.slug)))
        });
        let stories = self.view.stories.iter().flat_map(|s| {
            s.aliases
                .iter()
                .map(move |a| (routes::story_alias(a), routes::story(s.slug)))
        });
        people
            .chain(stories)
            .map(|(from, to)| {
                let target = format!("{}{}", from.root(), to.url());
                let mut ctx =
                    PageCtx::new(&self.site, &from, "", "Moved".into(), Redirect { target });
                ctx.canonical = to.absolute(self.site.base_url);
                self.page("alias.html", &from, &ctx)
            })
            .collect()
    }

    pub(super) fn robots(&self) -> OutputFile {
        let text = match self.view.audience {
            // The playbook must never be indexed, even if its host is public by mistake.
            Audience::Playbook => "User-agent: *\nDisallow: /\n".to_string(),
            Audience::Public => "User-agent: *\nAllow: /\n".to_string(),
        };
        OutputFile {
            path: routes::robots().file(),
            bytes: text.into_bytes(),
        }
    }
}

/// `https://a.example/hub/` -> `/hub/`.
fn url_path(base: &str) -> &str {
    let without_scheme = base.split_once("://").map_or(base, |(_, rest)| rest);
    without_scheme
        .find('/')
        .map_or("", |i| &without_scheme[i..])
}

/// Percent-encode a query value.
pub(crate) fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
