//! Files other programs read: Atom feeds, the sitemap, vCards, and the
//! playbook's campaign share kits.

use super::context::*;
use super::share::{self, Length, ShareLink};
use super::{OutputFile, Renderer};
use crate::routes::{self, Route};
use crate::Error;
use serde::Serialize;

/// How many stories the hub-wide feed carries.
const FEED_ENTRIES: usize = 50;

#[derive(Serialize)]
struct Feed {
    title: String,
    self_url: String,
    alternate: String,
    updated: String,
    entries: Vec<Entry>,
}

#[derive(Serialize)]
struct Entry {
    title: String,
    url: String,
    date: String,
    summary: Option<String>,
    people: Vec<String>,
}

#[derive(Serialize)]
struct KitNetwork {
    label: String,
    text: String,
    link: Option<ShareLink>,
    /// The same link with `utm_term=PERSON_SLUG`, for the "who am I" picker.
    personal: Option<String>,
    length: Option<Length>,
}

#[derive(Serialize)]
struct KitVariant {
    template: String,
    networks: Vec<KitNetwork>,
    too_long: bool,
}

#[derive(Serialize)]
struct ShareKitPage<'a> {
    campaign: CampaignCard<'a>,
    hashtags: &'a [String],
    variants: Vec<KitVariant>,
    /// `(slug, name)` of everyone, when hub.yaml turns per-person tracking on.
    people: Vec<(&'a str, &'a str)>,
}

/// Placeholder the share-kit script replaces with the chosen person's slug.
const PERSON_PLACEHOLDER: &str = "PERSON_SLUG";

impl Renderer<'_, '_> {
    fn feed(
        &self,
        route: &Route,
        title: String,
        alternate: &Route,
        stories: &[usize],
    ) -> Result<OutputFile, Error> {
        let base = self.site.base_url;
        let entries: Vec<Entry> = stories
            .iter()
            .take(FEED_ENTRIES)
            .map(|&i| {
                let s = &self.view.stories[i];
                Entry {
                    title: s.title.to_string(),
                    url: routes::story(s.slug).absolute(base),
                    date: format!("{}T00:00:00Z", s.date.iso()),
                    summary: s.summary.map(str::to_string),
                    people: s
                        .people
                        .iter()
                        .filter_map(|slug| self.person_index.get(slug.as_str()))
                        .map(|&p| self.view.people[p].name.to_string())
                        .collect(),
                }
            })
            .collect();
        // Stories are newest first, so the first entry dates the feed; an
        // empty feed gets a fixed date so builds stay reproducible.
        let updated = entries
            .first()
            .map_or_else(|| "2000-01-01T00:00:00Z".to_string(), |e| e.date.clone());
        let page = Feed {
            title,
            self_url: route.absolute(base),
            alternate: alternate.absolute(base),
            updated,
            entries,
        };
        let ctx = PageCtx::new(&self.site, route, "", String::new(), page);
        self.page("feed.xml", route, &ctx)
    }

    pub(super) fn site_feed(&self) -> Result<OutputFile, Error> {
        let all: Vec<usize> = (0..self.view.stories.len()).collect();
        self.feed(
            &routes::feed(),
            format!("Stories from {}", self.site.title),
            &routes::stories_index(),
            &all,
        )
    }

    pub(super) fn person_feed(&self, i: usize) -> Option<Result<OutputFile, Error>> {
        let p = &self.view.people[i];
        let stories = self
            .stories_by_person
            .get(p.slug.as_str())
            .filter(|s| !s.is_empty())?;
        Some(self.feed(
            &routes::person_feed(p.slug),
            format!("Stories with {}", p.name),
            &routes::person(p.slug),
            stories,
        ))
    }

    pub(super) fn campaign_feed(&self, i: usize) -> Result<OutputFile, Error> {
        let c = &self.view.campaigns[i];
        let stories = self
            .stories_by_campaign
            .get(c.slug.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        self.feed(
            &routes::campaign_feed(c.slug),
            c.title.to_string(),
            &routes::campaign(c.slug),
            stories,
        )
    }

    /// A contact card with public fields only.
    pub(super) fn vcard(&self, i: usize) -> OutputFile {
        let p = &self.view.people[i];
        let url = routes::person(p.slug).absolute(self.site.base_url);
        let card = share::VCard {
            name: p.name,
            role: p.role,
            organisation: &self.site.organisation.name,
            url: &url,
            links: p
                .links
                .iter()
                .map(|(n, u)| (n.as_str(), u.as_str()))
                .collect(),
        };
        OutputFile {
            path: routes::person_vcard(p.slug).file(),
            bytes: card.render().into_bytes(),
        }
    }

    /// Every page of the hub that should be found, and nothing else.
    pub(super) fn sitemap(&self, mut urls: Vec<String>) -> OutputFile {
        urls.sort();
        urls.dedup();
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for url in urls {
            let absolute = format!("{}/{}", self.site.base_url, url);
            xml.push_str(&format!(
                "  <url><loc>{}</loc></url>\n",
                super::escape_html(&absolute)
            ));
        }
        xml.push_str("</urlset>\n");
        OutputFile {
            path: routes::sitemap().file(),
            bytes: xml.into_bytes(),
        }
    }

    /// Playbook: ready-made posts for a campaign, per network, with
    /// UTM-tagged links and each network's length limit checked.
    pub(super) fn share_kit(&self, i: usize) -> Option<Result<OutputFile, Error>> {
        let c = &self.view.campaigns[i];
        let private = c.private.as_ref().filter(|x| !x.share.is_empty())?;
        let route = routes::share_kit(c.slug);
        let utm = &self.view.config.share.utm;
        let public_url = routes::campaign(c.slug).absolute(self.view.config.public_base());
        let tag = |network: &str, person: bool| {
            let link = share::tagged(
                &public_url,
                utm.source.as_deref(),
                utm.medium.as_deref(),
                c.slug.as_str(),
                Some(network),
            );
            if person {
                format!("{link}&utm_term={PERSON_PLACEHOLDER}")
            } else {
                link
            }
        };
        let variants = private
            .share
            .iter()
            .map(|template| {
                let networks: Vec<KitNetwork> = self
                    .view
                    .config
                    .share
                    .networks
                    .iter()
                    .map(|network| {
                        let link = tag(network, false);
                        let text = template.replace("{link}", &link);
                        let personal_link = tag(network, true);
                        let personal_text = template.replace("{link}", &personal_link);
                        KitNetwork {
                            label: share::network_label(network),
                            link: share::intent(network, &link, &text, c.title),
                            personal: utm
                                .per_person
                                .then(|| {
                                    share::intent(network, &personal_link, &personal_text, c.title)
                                        .map(|l| l.url)
                                })
                                .flatten(),
                            length: share::length(network, &text, &link),
                            text,
                        }
                    })
                    .collect();
                KitVariant {
                    template: template.clone(),
                    too_long: networks
                        .iter()
                        .any(|n| n.length.as_ref().is_some_and(|l| l.too_long)),
                    networks,
                }
            })
            .collect();
        let people = if utm.per_person {
            self.view
                .people
                .iter()
                .map(|p| (p.slug.as_str(), p.name))
                .collect()
        } else {
            Vec::new()
        };
        let page = ShareKitPage {
            campaign: campaign_card(c),
            hashtags: c.hashtags,
            variants,
            people,
        };
        let ctx = PageCtx::new(
            &self.site,
            &route,
            "campaigns",
            format!("Share kit: {}", c.title),
            page,
        );
        Some(self.page("share_kit.html", &route, &ctx))
    }
}
