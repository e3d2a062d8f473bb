//! Pages for finding people and stories: the paginated directory and story
//! index, topic/team/place pages, and the playbook's "who responds on what"
//! and search pages.

use super::context::*;
use super::{preview, search, OutputFile, Renderer};
use crate::images::Images;
use crate::routes::{self, Facet, Route};
use crate::taxonomy::Taxonomy;
use crate::Error;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;

pub const PEOPLE_PER_PAGE: usize = 60;
pub const STORIES_PER_PAGE: usize = 20;

#[derive(Serialize)]
struct PageLink {
    number: usize,
    url: String,
    label: String,
    current: bool,
    /// Pages are left out between this link and the one before it.
    gap_before: bool,
}

/// How many pages either side of the current one a pager links to,
/// besides the first and the last. A pager linking every page grew with
/// the list: 591 links on each of 591 pages of a 20,000-person directory,
/// which made the directory's time grow with the square of its size and
/// had a keyboard user tab through hundreds of links.
const PAGER_REACH: usize = 2;

/// Links between the pages of a list, usable without JavaScript.
#[derive(Serialize)]
struct Pager {
    current: usize,
    total: usize,
    prev: Option<String>,
    next: Option<String>,
    pages: Vec<PageLink>,
}

/// The page numbers a pager links to, in order. A gap of one page is
/// filled with that page's link: "…" in its place would say no more.
fn pages_shown(current: usize, total: usize) -> Vec<usize> {
    let near = current.saturating_sub(PAGER_REACH).max(1)..=(current + PAGER_REACH).min(total);
    let mut shown: Vec<usize> = vec![1];
    for n in near.chain([total]) {
        let last = shown[shown.len() - 1];
        if n == last + 2 {
            shown.push(last + 1);
        }
        if n > last {
            shown.push(n);
        }
    }
    shown
}

/// The pager of page `current` of `total`: the first and last pages and
/// those within `PAGER_REACH` of the current one, each with its `label`
/// (which stretch of the list it holds).
fn pager(
    list: &Route,
    current: usize,
    total: usize,
    label: impl Fn(usize) -> String,
) -> Option<Pager> {
    let shown = pages_shown(current, total);
    (total > 1).then(|| Pager {
        current,
        total,
        prev: (current > 1).then(|| routes::page_of(list, current - 1).url().to_string()),
        next: (current < total).then(|| routes::page_of(list, current + 1).url().to_string()),
        pages: shown
            .iter()
            .enumerate()
            .map(|(i, &number)| PageLink {
                number,
                url: routes::page_of(list, number).url().to_string(),
                label: label(number),
                current: number == current,
                gap_before: i > 0 && shown[i - 1] + 1 < number,
            })
            .collect(),
    })
}

impl Renderer<'_, '_> {
    /// A paginated list's description: `first` on its first page; later
    /// pages say which stretch of the list they hold (`stretch`), so every
    /// page of the list describes itself.
    fn list_description(
        &self,
        number: usize,
        stretch: &str,
        first: String,
        later: String,
    ) -> String {
        match number {
            1 => first,
            _ => self.say(
                "list-description-page",
                &[
                    ("list", &later),
                    ("number", &number.to_string()),
                    ("stretch", stretch),
                ],
            ),
        }
    }

    /// A list's title: `key` on its first page, `key_page` on later ones.
    fn list_title(&self, number: usize, key: &str, key_page: &str) -> String {
        match number {
            1 => self.say(key, &[]),
            _ => self.say(key_page, &[("number", &number.to_string())]),
        }
    }
}

fn page_count(items: usize, per_page: usize) -> usize {
    items.div_ceil(per_page).max(1)
}

/// Which items page `number` of a list holds.
fn stretch(number: usize, per_page: usize, items: usize) -> std::ops::Range<usize> {
    let first = (number - 1) * per_page;
    first..(first + per_page).min(items)
}

#[derive(Serialize)]
struct FacetLinks {
    topics: usize,
    teams: usize,
    places: usize,
}

#[derive(Serialize)]
struct PeoplePage<'a> {
    count: usize,
    people: Vec<Cow<'a, str>>,
    pager: Option<Pager>,
    facets: FacetLinks,
    data_url: String,
}

#[derive(Serialize)]
struct StoriesPage<'a> {
    count: usize,
    stories: Vec<Cow<'a, str>>,
    pager: Option<Pager>,
}

#[derive(Serialize)]
struct TermCard<'a> {
    label: &'a str,
    url: String,
    people: usize,
    stories: usize,
}

#[derive(Serialize)]
struct FacetIndexPage<'a> {
    facet: String,
    terms: Vec<TermCard<'a>>,
}

#[derive(Serialize)]
struct TermPage<'a> {
    facet: &'static str,
    term: TermCard<'a>,
    people: Vec<Cow<'a, str>>,
    stories: Vec<Cow<'a, str>>,
}

#[derive(Serialize)]
struct Responder<'a> {
    person: PersonCard<'a>,
    contacts: Vec<super::contact::ContactCtx>,
}

#[derive(Serialize)]
struct RespondLevel<'a> {
    level: i64,
    label: String,
    people: Vec<Responder<'a>>,
}

#[derive(Serialize)]
struct RespondTopic<'a> {
    label: &'a str,
    id: String,
    url: Option<String>,
    levels: Vec<RespondLevel<'a>>,
}

#[derive(Serialize)]
struct RespondPage<'a> {
    uncovered: Vec<RespondTopic<'a>>,
    topics: Vec<RespondTopic<'a>>,
}

/// A facet's name in templates (`topic`), and the keys of its interface
/// texts: its heading (`Topics`), what its list is for, and what one of
/// its pages is for.
pub fn facet_names(facet: Facet) -> (&'static str, FacetTexts) {
    match facet {
        Facet::Topic => (
            "topic",
            FacetTexts {
                heading: "facet-topics",
                list: "facet-topics-description",
                term: "facet-topic-description",
            },
        ),
        Facet::Team => (
            "team",
            FacetTexts {
                heading: "facet-teams",
                list: "facet-teams-description",
                term: "facet-team-description",
            },
        ),
        Facet::Place => (
            "place",
            FacetTexts {
                heading: "facet-places",
                list: "facet-places-description",
                term: "facet-place-description",
            },
        ),
    }
}

/// The keys of a facet's interface texts.
pub struct FacetTexts {
    pub heading: &'static str,
    pub list: &'static str,
    pub term: &'static str,
}

/// Contact keys shown on the "who responds" page, in this order.
const CONTACT_KEYS: &[&str] = &["email", "phone", "slack"];

impl Renderer<'_, '_> {
    pub(super) fn people_page(&self, number: usize) -> Result<OutputFile, Error> {
        let list = routes::people_index();
        let route = routes::page_of(&list, number);
        let people = &self.view.people;
        // Only the pages the pager shows are labelled: not every page's
        // label on every page.
        let label = |n: usize| match &people[stretch(n, PEOPLE_PER_PAGE, people.len())] {
            [first, .., last] => format!("{} – {}", first.name, last.name),
            [only] => only.name.to_string(),
            [] => String::new(),
        };
        let org = &self.site.organisation.name;
        let description = self.list_description(
            number,
            &label(number),
            self.say("people-description", &[("org", org)]),
            self.say("people-description-short", &[("org", org)]),
        );
        let shown = stretch(number, PEOPLE_PER_PAGE, people.len());
        let page = PeoplePage {
            count: people.len(),
            people: self.person_cards(shown, &route.root())?,
            pager: pager(&list, number, self.people_pages(), label),
            facets: FacetLinks {
                topics: self.taxonomy(Facet::Topic).terms.len(),
                teams: self.taxonomy(Facet::Team).terms.len(),
                places: self.taxonomy(Facet::Place).terms.len(),
            },
            data_url: routes::directory_data().url().to_string(),
        };
        let title = self.list_title(number, "people-title", "people-title-page");
        let ctx =
            PageCtx::new(&self.site, &route, "people", title, page).describe(Some(&description));
        self.page("people.html", &route, &ctx)
    }

    pub(super) fn people_pages(&self) -> usize {
        page_count(self.view.people.len(), PEOPLE_PER_PAGE)
    }

    pub(super) fn stories_pages(&self) -> usize {
        page_count(self.view.stories.len(), STORIES_PER_PAGE)
    }

    pub(super) fn stories_page(&self, number: usize) -> Result<OutputFile, Error> {
        let list = routes::stories_index();
        let route = routes::page_of(&list, number);
        let stories = &self.view.stories;
        let date = |s: &crate::audience::StoryView| self.theme.speech().date(s.date);
        let label = |n: usize| match &stories[stretch(n, STORIES_PER_PAGE, stories.len())] {
            [first, .., last] => format!("{} – {}", date(first), date(last)),
            [only] => date(only),
            [] => String::new(),
        };
        let org = &self.site.organisation.name;
        let description = self.list_description(
            number,
            &label(number),
            self.say("stories-description", &[("org", org)]),
            self.say("stories-from", &[("org", org)]),
        );
        let shown = stretch(number, STORIES_PER_PAGE, stories.len());
        let page = StoriesPage {
            count: stories.len(),
            stories: self.story_cards(shown, &route.root())?,
            pager: pager(&list, number, self.stories_pages(), label),
        };
        let title = self.list_title(number, "stories-title", "stories-title-page");
        let ctx =
            PageCtx::new(&self.site, &route, "stories", title, page).describe(Some(&description));
        self.page("stories.html", &route, &ctx)
    }

    fn term_card<'t>(&self, taxonomy: &'t Taxonomy, i: usize) -> TermCard<'t> {
        let term = &taxonomy.terms[i];
        TermCard {
            label: term.label,
            url: routes::facet_term(taxonomy.facet, &term.slug)
                .url()
                .to_string(),
            people: term.people.len(),
            stories: term.stories.len(),
        }
    }

    pub(super) fn facet_index(&self, facet: Facet) -> Result<OutputFile, Error> {
        let route = routes::facet_index(facet);
        let taxonomy = self.taxonomy(facet);
        let (_, texts) = facet_names(facet);
        let heading = self.say(texts.heading, &[]);
        let page = FacetIndexPage {
            facet: heading.clone(),
            terms: (0..taxonomy.terms.len())
                .map(|i| self.term_card(taxonomy, i))
                .collect(),
        };
        let org = &self.site.organisation.name;
        let description = self.say(texts.list, &[("org", org)]);
        let ctx = PageCtx::new(&self.site, &route, facet.folder(), heading, page)
            .describe(Some(&description));
        self.page("facets.html", &route, &ctx)
    }

    pub(super) fn facet_term(&self, facet: Facet, i: usize) -> Result<OutputFile, Error> {
        let taxonomy = self.taxonomy(facet);
        let term = &taxonomy.terms[i];
        let route = routes::facet_term(facet, &term.slug);
        let (singular, texts) = facet_names(facet);
        let page = TermPage {
            facet: singular,
            term: self.term_card(taxonomy, i),
            people: self.person_cards(term.people.iter().copied(), &route.root())?,
            stories: self.story_cards(term.stories.iter().copied(), &route.root())?,
        };
        let ctx = PageCtx::new(
            &self.site,
            &route,
            facet.folder(),
            term.label.to_string(),
            page,
        )
        .describe(Some(&self.say(
            texts.term,
            &[("term", term.label), ("org", &self.site.organisation.name)],
        )));
        // Topic pages unfurl with their own card (see `images`).
        let image = self.image_meta(
            &route,
            None,
            &format!("{} – {}", term.label, self.site.organisation.name),
        );
        let heading = self.say(texts.heading, &[]);
        let trail = [
            (heading.as_str(), &routes::facet_index(facet)),
            (term.label, &route),
        ];
        let ctx = ctx.with_meta(Meta {
            image,
            json_ld: vec![self.breadcrumbs(&trail)],
            ..Meta::website()
        });
        self.page("facet.html", &route, &ctx)
    }

    /// Playbook: for every topic, who may respond publicly, by level.
    pub(super) fn respond(&self) -> Result<OutputFile, Error> {
        let route = routes::respond();
        let topics = self.taxonomy(Facet::Topic);
        // slug -> (label, level -> people), from everyone's `responds_on`.
        let mut responders: BTreeMap<String, (&str, BTreeMap<i64, Vec<usize>>)> = BTreeMap::new();
        for (i, p) in self.view.people.iter().enumerate() {
            let Some(private) = &p.private else { continue };
            for label in private.responds_on {
                let slug = crate::model::slugify(label);
                let entry = responders
                    .entry(slug)
                    .or_insert((label.as_str(), BTreeMap::new()));
                entry
                    .1
                    .entry(private.responding_level.unwrap_or(0))
                    .or_default()
                    .push(i);
            }
        }
        let topic_row =
            |label, id: String, url, levels: Option<&BTreeMap<i64, Vec<usize>>>| RespondTopic {
                label,
                id,
                url,
                levels: levels
                    .into_iter()
                    .flatten()
                    .rev()
                    .map(|(&level, people)| RespondLevel {
                        level,
                        label: responding_label(level, self.theme.speech()),
                        people: people.iter().map(|&i| self.responder(i)).collect(),
                    })
                    .collect(),
            };
        let mut rows: Vec<RespondTopic> = topics
            .terms
            .iter()
            .map(|t| {
                let url = routes::facet_term(Facet::Topic, &t.slug).url().to_string();
                topic_row(
                    t.label,
                    t.slug.clone(),
                    Some(url),
                    responders.get(&t.slug).map(|r| &r.1),
                )
            })
            .collect();
        // Topics someone responds on but that no profile or story carries.
        for (slug, (label, levels)) in &responders {
            if topics.term(label).is_none() {
                rows.push(topic_row(label, slug.clone(), None, Some(levels)));
            }
        }
        rows.sort_by_key(|r| r.label.to_lowercase());
        let (uncovered, topics): (Vec<_>, Vec<_>) =
            rows.into_iter().partition(|r| r.levels.is_empty());
        let page = RespondPage { uncovered, topics };
        let ctx = PageCtx::new(
            &self.site,
            &route,
            "respond",
            self.say("respond-title", &[]),
            page,
        );
        self.page("respond.html", &route, &ctx)
    }

    fn responder(&self, i: usize) -> Responder<'_> {
        let p = &self.view.people[i];
        let contacts = p
            .private
            .as_ref()
            .map(|x| self.contacts(x.internal, Some(CONTACT_KEYS)))
            .unwrap_or_default();
        Responder {
            person: person_card(p, self.picture(p.photo, Images::photo), self.theme.speech()),
            contacts,
        }
    }

    pub(super) fn search_page(&self) -> Result<OutputFile, Error> {
        let route = routes::search();
        let ctx = PageCtx::new(
            &self.site,
            &route,
            "search",
            self.say("search-title", &[]),
            (),
        )
        .describe(Some(
            &self.say("search-description", &[("site", &self.site.title)]),
        ));
        self.page("search.html", &route, &ctx)
    }

    /// On the hub, the first paragraph of each campaign and public
    /// guideline as their pages show it, for the search index; the
    /// playbook's index reads their whole text instead.
    pub(super) fn described(&self) -> search::Described {
        if !self.is_public() {
            return search::Described {
                campaigns: Vec::new(),
                guidelines: Vec::new(),
            };
        }
        let view = self.view;
        search::Described {
            campaigns: view
                .campaigns
                .iter()
                .map(|c| self.campaign_description(c, &self.markdown(c.body, "")))
                .collect(),
            guidelines: view
                .guidelines
                .iter()
                .map(|g| preview::first_paragraph(&self.markdown(g.body, "")).unwrap_or_default())
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::pages_shown;

    #[test]
    fn a_pager_links_the_ends_and_the_pages_near_the_current_one() {
        assert_eq!(pages_shown(10, 20), [1, 8, 9, 10, 11, 12, 20]);
        assert_eq!(pages_shown(1, 20), [1, 2, 3, 20]);
        assert_eq!(pages_shown(20, 20), [1, 18, 19, 20]);
        // A gap of one page shows that page instead.
        assert_eq!(pages_shown(5, 20), [1, 2, 3, 4, 5, 6, 7, 20]);
        assert_eq!(pages_shown(2, 3), [1, 2, 3]);
        assert_eq!(pages_shown(1, 1), [1]);
        // However long the list, a pager has at most nine links.
        assert!((1..=591).all(|n| pages_shown(n, 591).len() <= 9));
    }
}
