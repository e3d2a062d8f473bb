//! Files other programs read: Atom feeds, the sitemap and vCards.

use super::context::*;
use super::share;
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

impl Renderer<'_, '_> {
    fn feed(
        &self,
        route: &Route,
        title: String,
        alternate: &Route,
        stories: &[usize],
    ) -> Result<OutputFile, Error> {
        let base = &*self.site.base_url;
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
            self.say("stories-from", &[("org", &self.site.title)]),
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
            self.say("person-stories", &[("name", p.name)]),
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
        let url = routes::person(p.slug).absolute(&self.site.base_url);
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
        let languages = self.site.languages;
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"",
        );
        if languages.len() > 1 {
            xml.push_str(" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"");
        }
        xml.push_str(">\n");
        let address = |prefix: &str, url: &str| {
            super::escape_html(&format!("{}/{prefix}{url}", self.site.files_url))
        };
        for url in urls {
            if languages.len() == 1 {
                xml.push_str(&format!("  <url><loc>{}</loc></url>\n", address("", &url)));
                continue;
            }
            // Every language's version is listed, each naming all of them
            // (itself included), as search engines ask.
            let alternates: String = languages
                .iter()
                .map(|l| {
                    format!(
                        "\n    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                        super::escape_html(&l.tag),
                        address(&l.prefix, &url)
                    )
                })
                .collect();
            for l in languages {
                xml.push_str(&format!(
                    "  <url><loc>{}</loc>{alternates}\n  </url>\n",
                    address(&l.prefix, &url)
                ));
            }
        }
        xml.push_str("</urlset>\n");
        OutputFile {
            path: routes::sitemap().file(),
            bytes: xml.into_bytes(),
        }
    }
}
