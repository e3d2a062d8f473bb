//! Guidelines as pages: each one with who keeps it and its contents, their
//! index, and the playbook home's list of what changed recently.

use super::context::*;
use super::{contents, preview};
use super::{OutputFile, Renderer};
use crate::routes;
use crate::Error;
use serde::Serialize;

/// How many recent changes the playbook's home page lists.
const HOME_CHANGES: usize = 8;

/// Something new or changed, for the playbook's home page.
#[derive(Serialize)]
pub(super) struct Change<'a> {
    kind: String,
    title: &'a str,
    url: String,
    date: String,
    iso: String,
}

#[derive(Serialize)]
pub(super) struct GuidelineCard<'a> {
    title: &'a str,
    url: String,
    tags: &'a [String],
    is_public: bool,
}

#[derive(Serialize)]
struct GuidelinePage<'a> {
    guideline: GuidelineCard<'a>,
    body: String,
    /// The owner, linked to their profile on this site.
    owner: Option<LinkCtx>,
    reviewed: Option<String>,
    updated: Option<String>,
    /// Sections and their subsections, for a long guideline; else empty.
    contents: Vec<contents::Section>,
}

#[derive(Serialize)]
struct GuidelinesIndex<'a> {
    guidelines: Vec<GuidelineCard<'a>>,
}

impl Renderer<'_, '_> {
    pub(super) fn guideline_card<'a>(&self, i: usize) -> GuidelineCard<'a>
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

    /// The newest guidelines (by `updated` or `reviewed`), stories and
    /// campaigns (by their start), newest first.
    pub(super) fn changes(&self) -> Vec<Change<'_>> {
        let view = self.view;
        let guidelines = view.guidelines.iter().filter_map(|g| {
            let date = g.updated.max(g.reviewed)?;
            Some(("kind-guideline", g.title, routes::guideline(g.slug), date))
        });
        let stories = view
            .stories
            .iter()
            .map(|s| ("kind-story", s.title, routes::story(s.slug), s.date));
        let campaigns = view.campaigns.iter().filter_map(|c| {
            Some((
                "kind-campaign",
                c.title,
                routes::campaign(c.slug),
                c.starts?,
            ))
        });
        let mut all: Vec<_> = guidelines.chain(stories).chain(campaigns).collect();
        all.sort_by(|a, b| b.3.cmp(&a.3).then(a.1.cmp(b.1)));
        all.into_iter()
            .take(HOME_CHANGES)
            .map(|(kind, title, route, date)| Change {
                kind: self.say(kind, &[]),
                title,
                url: route.url().to_string(),
                date: self.theme.speech().date(date),
                iso: date.iso(),
            })
            .collect()
    }

    pub(super) fn guidelines_index(&self) -> Result<OutputFile, Error> {
        let route = routes::guidelines_index();
        let page = GuidelinesIndex {
            guidelines: (0..self.view.guidelines.len())
                .map(|i| self.guideline_card(i))
                .collect(),
        };
        let description = self.say(
            "guidelines-description",
            &[("org", &self.site.organisation.name)],
        );
        let title = self.say("guidelines-title", &[]);
        let ctx = PageCtx::new(&self.site, &route, "guidelines", title, page)
            .describe(Some(&description));
        self.page("guidelines.html", &route, &ctx)
    }

    pub(super) fn guideline(&self, i: usize) -> Result<OutputFile, Error> {
        let g = &self.view.guidelines[i];
        let route = routes::guideline(g.slug);
        let root = route.root();
        let body = self.markdown(g.body, &root);
        let page = GuidelinePage {
            guideline: self.guideline_card(i),
            contents: contents::of(&body),
            body,
            owner: g
                .owner
                .and_then(|slug| self.person_index.get(slug))
                .map(|&p| {
                    let person = &self.view.people[p];
                    LinkCtx {
                        text: person.name.to_string(),
                        url: routes::person(person.slug).url().to_string(),
                    }
                }),
            reviewed: g.reviewed.map(|d| self.theme.speech().date(d)),
            updated: g.updated.map(|d| self.theme.speech().date(d)),
        };
        let description = preview::first_paragraph(&page.body).unwrap_or_else(|| {
            self.say(
                "guideline-description",
                &[("title", g.title), ("org", &self.site.organisation.name)],
            )
        });
        let guidelines = self.say("guidelines-title", &[]);
        let trail = [
            (guidelines.as_str(), &routes::guidelines_index()),
            (g.title, &route),
        ];
        let ctx = PageCtx::new(&self.site, &route, "guidelines", g.title.to_string(), page)
            .words_in(g.words_lang)
            .describe(Some(&description))
            .with_meta(Meta {
                json_ld: vec![self.breadcrumbs(&trail)],
                ..Meta::website()
            });
        self.page("guideline.html", &route, &ctx)
    }
}
