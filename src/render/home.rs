//! The home page, which convenes: the people and stories hub.yaml features,
//! then a varied set of people (across teams and places, not the first
//! names of the alphabet), the newest stories, and on the hub a "who to
//! talk to about…" path from topics to people.
//!
//! Everything here is chosen from the site's own `View`: on the public hub
//! a featured person without consent or a featured draft is not in the
//! view, so no choice made here can bring them onto the page.

use super::context::*;
use super::guidelines::{Change, GuidelineCard};
use super::{OutputFile, Renderer};
use crate::audience::View;
use crate::routes::{self, Facet};
use crate::taxonomy::Taxonomy;
use crate::Error;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::Hasher;

const HOME_PEOPLE: usize = 12;
const HOME_STORIES: usize = 6;
/// Topic tiles on the hub's home page, the topics with most people first.
const HOME_TOPICS: usize = 12;
/// People named on each topic tile.
const NAMED_PER_TOPIC: usize = 2;

#[derive(Serialize)]
struct Home<'a> {
    people: Vec<Cow<'a, str>>,
    people_count: usize,
    stories: Vec<Cow<'a, str>>,
    /// Some of the stories were picked in hub.yaml, not only the newest.
    stories_featured: bool,
    /// Hub only: "who to talk to about…", a tile per topic.
    topics: Vec<TopicTile>,
    topics_count: usize,
    campaigns: Vec<CampaignCard<'a>>,
    guidelines: Vec<GuidelineCard<'a>>,
    /// Playbook: the newest guidelines, stories and campaigns by date.
    changes: Vec<Change<'a>>,
}

/// A topic on the home page: its page of people, how many there are, and
/// a few of them to ask straight away.
#[derive(Serialize)]
struct TopicTile {
    name: String,
    url: String,
    people: usize,
    ask: Vec<LinkCtx>,
}

impl Renderer<'_, '_> {
    pub(super) fn home(&self) -> Result<OutputFile, Error> {
        let route = routes::home();
        let view = self.view;
        let mix = Mix::of(view);
        let (stories, stories_featured) = stories(view, HOME_STORIES);
        let topics = self.taxonomy(Facet::Topic);
        let page = Home {
            people: self.person_cards(people(view, &self.person_index, &mix, HOME_PEOPLE), "")?,
            people_count: view.people.len(),
            stories: self.story_cards(stories, "")?,
            stories_featured,
            topics: match self.is_public() {
                true => self.topic_tiles(topics, &mix),
                false => Vec::new(),
            },
            topics_count: topics.terms.iter().filter(|t| !t.people.is_empty()).count(),
            campaigns: view
                .campaigns
                .iter()
                .map(|c| campaign_card(c, self.theme.speech()))
                .collect(),
            guidelines: (0..view.guidelines.len())
                .map(|i| self.guideline_card(i))
                .collect(),
            changes: if self.is_public() {
                Vec::new()
            } else {
                self.changes()
            },
        };
        let ctx = PageCtx::new(
            &self.site,
            &route,
            "home",
            self.site.title.to_string(),
            page,
        );
        let mut ld = self.organisation_ld();
        ld["@context"] = "https://schema.org".into();
        ld["description"] = self.site.description.into();
        let mut ctx = ctx.with_meta(Meta {
            og_type: "website",
            image: None,
            json_ld: vec![json_ld(&ld)],
        });
        if !self.view.stories.is_empty() {
            ctx.feeds.push(LinkCtx {
                text: self.say("stories-from", &[("org", &self.site.title)]),
                url: routes::feed().url().to_string(),
            });
        }
        self.page("home.html", &route, &ctx)
    }

    /// The topics with most people, each naming the first people of the
    /// home page's mix who talk about it.
    fn topic_tiles(&self, topics: &Taxonomy, mix: &Mix) -> Vec<TopicTile> {
        let mut tiles: Vec<_> = topics
            .terms
            .iter()
            .filter(|t| !t.people.is_empty())
            .collect();
        // Terms are sorted by label, and the sort is stable: ties stay so.
        tiles.sort_by_key(|t| std::cmp::Reverse(t.people.len()));
        tiles
            .into_iter()
            .take(HOME_TOPICS)
            .map(|t| {
                let mut people = t.people.clone();
                people.sort_by_key(|&i| mix.key(i));
                TopicTile {
                    name: t.label.to_string(),
                    url: routes::facet_term(Facet::Topic, &t.slug).url().to_string(),
                    people: t.people.len(),
                    ask: people
                        .into_iter()
                        .take(NAMED_PER_TOPIC)
                        .map(|i| {
                            let p = &self.view.people[i];
                            LinkCtx {
                                text: p.name.to_string(),
                                url: routes::person(p.slug).url().to_string(),
                            }
                        })
                        .collect(),
                }
            })
            .collect()
    }
}

/// A stable order of the site's people that changes with the content: each
/// person's place comes from a hash of their slug and of every slug on the
/// site, so the same content always gives the same home page (builds are
/// reproducible), while a new or departed profile deals everyone afresh.
/// FNV-1a over the bytes is fixed by its definition, unlike std's hasher.
pub(super) struct Mix {
    seed: u64,
    keys: Vec<u64>,
}

impl Mix {
    pub(super) fn of(view: &View) -> Mix {
        let mut site = fnv::FnvHasher::default();
        for p in &view.people {
            site.write(p.slug.as_str().as_bytes());
            site.write_u8(b'\n');
        }
        let seed = site.finish();
        let keys = view
            .people
            .iter()
            .map(|p| {
                let mut h = fnv::FnvHasher::with_key(seed);
                h.write(p.slug.as_str().as_bytes());
                h.finish()
            })
            .collect();
        Mix { seed, keys }
    }

    fn key(&self, person: usize) -> u64 {
        self.keys[person]
    }

    fn of_label(&self, label: &str) -> u64 {
        let mut h = fnv::FnvHasher::with_key(self.seed);
        h.write(label.as_bytes());
        h.finish()
    }
}

/// The home page's people (indexes into the view): those hub.yaml
/// features, in its order, that are on this site; then, up to `count`, one
/// person from each team in turn (teams in the mix's order), each time the
/// next in the mix whose place is not shown yet, preferring people with
/// a photo.
pub(super) fn people(
    view: &View,
    person_at: &HashMap<&str, usize>,
    mix: &Mix,
    count: usize,
) -> Vec<usize> {
    let mut chosen: Vec<usize> = Vec::with_capacity(count);
    for slug in &view.config.featured.people {
        if let Some(&i) = person_at.get(slug.as_str()) {
            if chosen.len() < count && !chosen.contains(&i) {
                chosen.push(i);
            }
        }
    }
    let mut places: HashSet<&str> = chosen
        .iter()
        .filter_map(|&i| view.people[i].location)
        .collect();
    let mut teams: HashMap<&str, Vec<usize>> = HashMap::new();
    for i in (0..view.people.len()).filter(|i| !chosen.contains(i)) {
        teams
            .entry(view.people[i].team.unwrap_or(""))
            .or_default()
            .push(i);
    }
    let mut teams: Vec<(&str, Vec<usize>)> = teams.into_iter().collect();
    teams.sort_by_key(|(team, _)| (mix.of_label(team), *team));
    for (_, members) in &mut teams {
        members.sort_by_key(|&i| (view.people[i].photo.is_none(), mix.key(i)));
    }
    while chosen.len() < count && teams.iter().any(|(_, m)| !m.is_empty()) {
        for (_, members) in teams.iter_mut().filter(|(_, m)| !m.is_empty()) {
            if chosen.len() == count {
                break;
            }
            let new_place = members
                .iter()
                .position(|&i| view.people[i].location.is_none_or(|l| !places.contains(l)))
                .unwrap_or(0);
            let i = members.remove(new_place);
            places.extend(view.people[i].location);
            chosen.push(i);
        }
    }
    chosen
}

/// The home page's stories: those hub.yaml features that are on this site,
/// then the newest, up to `count`; and whether any was featured.
fn stories(view: &View, count: usize) -> (Vec<usize>, bool) {
    let mut chosen: Vec<usize> = Vec::with_capacity(count);
    for slug in &view.config.featured.stories {
        let found = view.stories.iter().position(|s| s.slug.as_str() == slug);
        if let Some(i) = found.filter(|i| !chosen.contains(i)) {
            if chosen.len() < count {
                chosen.push(i);
            }
        }
    }
    let featured = !chosen.is_empty();
    // Newest first, as the view keeps them.
    for i in 0..view.stories.len() {
        if chosen.len() == count {
            break;
        }
        if !chosen.contains(&i) {
            chosen.push(i);
        }
    }
    (chosen, featured)
}
