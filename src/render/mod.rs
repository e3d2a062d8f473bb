//! Render one audience's `View` into files: every page in parallel, with
//! templates compiled once and shared.

mod context;
mod directory;
mod discovery;
pub mod highlight;
pub mod markdown;
mod pages;
mod related;
pub mod search;

use crate::audience::View;
use crate::model::Audience;
use crate::routes::{self, Facet};
use crate::taxonomy::{self, Taxonomy};
use crate::theme::Theme;
use crate::Error;
use context::SiteCtx;
use highlight::Highlighter;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// A file of one site, ready to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Relative to the site's output folder.
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

/// Everything one site consists of.
pub struct RenderedSite {
    pub audience: Audience,
    pub files: Vec<OutputFile>,
    /// Files to copy from static/ (relative to static/).
    pub static_files: Vec<PathBuf>,
}

/// One page to render; the list of jobs is built first so rayon can share
/// the work out evenly.
#[derive(Clone, Copy)]
enum Job {
    Home,
    PeoplePage(usize),
    Person(usize),
    StoriesPage(usize),
    Story(usize),
    FacetIndex(Facet),
    FacetTerm(Facet, usize),
    DirectoryData,
    Respond,
    Search,
    SearchData,
    CampaignsIndex,
    Campaign(usize),
    GuidelinesIndex,
    Guideline(usize),
    NotFound,
    Aliases,
    Robots,
    Assets,
}

/// Shared, read-only state for rendering one site.
pub(crate) struct Renderer<'v, 'a> {
    pub view: &'v View<'a>,
    pub site: SiteCtx<'v>,
    pub theme: &'v Theme,
    pub highlighter: &'v Highlighter,
    pub statics: HashSet<&'a Path>,
    /// Story indexes by person and by campaign, built once in linear time.
    pub stories_by_person: HashMap<&'a str, Vec<usize>>,
    pub stories_by_campaign: HashMap<&'a str, Vec<usize>>,
    pub person_index: HashMap<&'a str, usize>,
    /// Topics, teams and places, in `Facet::ALL` order.
    pub taxonomies: [Taxonomy<'a>; 3],
    /// For each person, the people sharing most topics with them.
    pub related: Vec<Vec<usize>>,
}

/// How many "people you could also talk to" a profile shows.
const RELATED_PEOPLE: usize = 4;

pub fn site(view: &View, theme: &Theme, highlighter: &Highlighter) -> Result<RenderedSite, Error> {
    let mut stories_by_person: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut stories_by_campaign: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, s) in view.stories.iter().enumerate() {
        for p in &s.people {
            stories_by_person.entry(p.as_str()).or_default().push(i);
        }
        if let Some(c) = s.campaign {
            stories_by_campaign
                .entry(c.slug.as_str())
                .or_default()
                .push(i);
        }
    }
    let taxonomies = Facet::ALL.map(|facet| taxonomy::build(view, facet));
    let related = related::people_to_talk_to(view, &taxonomies[0], RELATED_PEOPLE);
    let renderer = Renderer {
        view,
        site: SiteCtx::new(view),
        theme,
        highlighter,
        statics: view.static_files.iter().copied().collect(),
        stories_by_person,
        stories_by_campaign,
        person_index: view
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| (p.slug.as_str(), i))
            .collect(),
        taxonomies,
        related,
    };

    let mut jobs = vec![
        Job::Home,
        Job::CampaignsIndex,
        Job::NotFound,
        Job::Aliases,
        Job::Robots,
        Job::Assets,
        Job::DirectoryData,
    ];
    if !view.guidelines.is_empty() {
        jobs.push(Job::GuidelinesIndex);
    }
    if view.audience == Audience::Playbook {
        jobs.extend([Job::Respond, Job::Search, Job::SearchData]);
    }
    jobs.extend((1..=renderer.people_pages()).map(Job::PeoplePage));
    jobs.extend((1..=renderer.stories_pages()).map(Job::StoriesPage));
    for (facet, taxonomy) in Facet::ALL.iter().zip(&renderer.taxonomies) {
        jobs.push(Job::FacetIndex(*facet));
        jobs.extend((0..taxonomy.terms.len()).map(|i| Job::FacetTerm(*facet, i)));
    }
    jobs.extend((0..view.people.len()).map(Job::Person));
    jobs.extend((0..view.stories.len()).map(Job::Story));
    jobs.extend((0..view.campaigns.len()).map(Job::Campaign));
    jobs.extend((0..view.guidelines.len()).map(Job::Guideline));

    let rendered: Result<Vec<Vec<OutputFile>>, Error> =
        jobs.par_iter().map(|job| renderer.run(*job)).collect();
    let mut files: Vec<OutputFile> = rendered?.into_iter().flatten().collect();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(RenderedSite {
        audience: view.audience,
        files,
        static_files: view.static_files.iter().map(|p| p.to_path_buf()).collect(),
    })
}

impl Renderer<'_, '_> {
    fn run(&self, job: Job) -> Result<Vec<OutputFile>, Error> {
        let one = |f: Result<OutputFile, Error>| f.map(|f| vec![f]);
        match job {
            Job::Home => one(self.home()),
            Job::PeoplePage(n) => one(self.people_page(n)),
            Job::Person(i) => one(self.person(i)),
            Job::StoriesPage(n) => one(self.stories_page(n)),
            Job::FacetIndex(facet) => one(self.facet_index(facet)),
            Job::FacetTerm(facet, i) => one(self.facet_term(facet, i)),
            Job::DirectoryData => Ok(vec![OutputFile {
                path: routes::directory_data().file(),
                bytes: directory::json(
                    self.view,
                    &self.taxonomies[0],
                    &self.taxonomies[1],
                    &self.taxonomies[2],
                ),
            }]),
            Job::Respond => one(self.respond()),
            Job::Search => one(self.search_page()),
            Job::SearchData => Ok(vec![OutputFile {
                path: routes::search_data().file(),
                bytes: search::json(self.view),
            }]),
            Job::Story(i) => one(self.story(i)),
            Job::CampaignsIndex => one(self.campaigns_index()),
            Job::Campaign(i) => one(self.campaign(i)),
            Job::GuidelinesIndex => one(self.guidelines_index()),
            Job::Guideline(i) => one(self.guideline(i)),
            Job::NotFound => one(self.not_found()),
            Job::Aliases => self.aliases(),
            Job::Robots => Ok(vec![self.robots()]),
            Job::Assets => Ok(self.theme.assets()),
        }
    }

    pub fn taxonomy(&self, facet: Facet) -> &Taxonomy<'_> {
        let i = Facet::ALL.iter().position(|f| *f == facet).unwrap_or(0);
        &self.taxonomies[i]
    }

    /// Links to the pages of some labels of a facet (labels without a page stay text).
    pub fn term_links(&self, facet: Facet, labels: &[String]) -> Vec<context::LinkCtx> {
        let taxonomy = self.taxonomy(facet);
        labels
            .iter()
            .map(|label| context::LinkCtx {
                text: label.clone(),
                url: taxonomy
                    .route(label)
                    .map(|r| r.url().to_string())
                    .unwrap_or_default(),
            })
            .collect()
    }

    /// A body rendered as HTML for a page at `route`'s depth.
    fn markdown(&self, body: &str, source: &Path, root: &str) -> String {
        let cx = markdown::Context {
            links: &self.view.links,
            static_files: &self.statics,
            highlighter: self.highlighter,
            root,
        };
        markdown::to_html(body, source, &cx)
    }
}

/// Tera's default escaper also escapes `/`, which is valid but turns every
/// URL into `&#x2F;` soup; `/` needs no escaping in HTML text or quoted
/// attributes.
pub fn escape_html(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + input.len() / 8);
    for c in input.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            _ => out.push(c),
        }
    }
    out
}
