//! Render one audience's `View` into files: every page in parallel, with
//! templates compiled once and shared.

mod chrome;
mod contact;
mod contents;
mod context;
mod data_script;
mod directory;
mod discovery;
mod guidelines;
mod home;
pub mod markdown;
mod pages;
mod preview;
mod related;
mod scope;
pub mod search;
pub mod share;
mod share_kit;
mod signature;
mod syndication;

use crate::audience::View;
use crate::highlight::Highlighter;
use crate::html::escape_html;
use crate::images::Images;
use crate::model::Audience;
use crate::output::OutputFile;
use crate::routes::{self, Facet};
use crate::taxonomy::{self, Taxonomy};
use crate::theme::Theme;
use crate::Error;
use context::SiteCtx;
use rayon::prelude::*;
pub use scope::Scope;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// What rendering one site produced.
#[derive(Debug, Clone, Copy, Default)]
pub struct SiteCount {
    pub pages: usize,
    pub files: usize,
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
    VCard(usize),
    PersonFeed(usize),
    CampaignFeed(usize),
    SiteFeed,
    ShareKit(usize),
    Signature(usize),
    SignaturesIndex,
    CampaignsIndex,
    Campaign(usize),
    GuidelinesIndex,
    Guideline(usize),
    NotFound,
    Accessibility,
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
    pub images: &'v Images,
    pub statics: HashSet<&'a Path>,
    /// Story indexes by person and by campaign, built once in linear time.
    pub stories_by_person: HashMap<&'a str, Vec<usize>>,
    pub stories_by_campaign: HashMap<&'a str, Vec<usize>>,
    pub person_index: HashMap<&'a str, usize>,
    /// Topics, teams and places, in `Facet::ALL` order.
    pub taxonomies: [Taxonomy<'a>; 3],
    /// For each person, the people sharing most topics with them, worked
    /// out when their profile is rendered.
    related: Vec<OnceLock<Vec<usize>>>,
    pub cards: Cards,
    chromes: chrome::Chromes,
    /// Raw HTML in bodies goes through this on the public hub only.
    sanitiser: Option<crate::html::Sanitiser>,
}

/// Person and story cards appear on many list pages (a person is on their
/// topic, team and place pages, the directory, stories...). Each card is
/// rendered once, when first needed, with `ROOT_MARK` for the page's root
/// prefix; the mark is then filled in once per page depth, so pages at
/// every depth share one rendering and reuse one copy.
pub(crate) struct Cards {
    people: Vec<Card>,
    stories: Vec<Card>,
}

#[derive(Default)]
struct Card {
    marked: OnceLock<String>,
    at_depth: [OnceLock<String>; CARD_DEPTHS],
}

/// What a cached card has where a page's `root` goes. U+FDD0 is a Unicode
/// noncharacter, set aside for a program's own use: no text means it.
const ROOT_MARK: &str = "\u{FDD0}";

/// Page depths whose filled-in cards are kept; deeper pages fill their own.
const CARD_DEPTHS: usize = 4;

impl Cards {
    fn new(people: usize, stories: usize) -> Self {
        Cards {
            people: (0..people).map(|_| Card::default()).collect(),
            stories: (0..stories).map(|_| Card::default()).collect(),
        }
    }
}

#[derive(serde::Serialize)]
struct CardCtx<'a, T> {
    site: &'a SiteCtx<'a>,
    root: &'a str,
    #[serde(flatten)]
    card: T,
}

/// How many "people you could also talk to" a profile shows.
const RELATED_PEOPLE: usize = 4;

/// What rendering works with besides the content: compiled once per
/// build and shared by both sites.
pub struct Tools<'t> {
    pub theme: &'t Theme,
    pub highlighter: &'t Highlighter,
    /// Resized photos and share cards (empty with images turned off).
    pub images: &'t Images,
}

/// Render the files of the site in `view` that `scope` asks for, handing
/// each to `write` as soon as it is ready, so the whole site never has to
/// sit in memory.
pub fn site(
    view: &View,
    tools: &Tools,
    scope: Scope,
    write: &(dyn Fn(&OutputFile) -> Result<(), Error> + Sync),
) -> Result<SiteCount, Error> {
    Pages::new(view, tools).render(scope, write, &|| false)
}

/// One site with the indexes its pages share (taxonomies, stories by person,
/// cached cards) built once, so `serve` can render an edited page and then
/// the pages around it without building them twice.
pub struct Pages<'v, 'a> {
    renderer: Renderer<'v, 'a>,
}

impl<'v, 'a> Pages<'v, 'a> {
    pub fn new(view: &'v View<'a>, tools: &Tools<'v>) -> Self {
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
        let person_index = view.person_index();
        let renderer = Renderer {
            view,
            site: SiteCtx::new(view, tools.theme.languages()),
            theme: tools.theme,
            highlighter: tools.highlighter,
            images: tools.images,
            statics: view.static_files.iter().copied().collect(),
            stories_by_person,
            stories_by_campaign,
            taxonomies: Facet::ALL.map(|facet| taxonomy::build(view, facet, &person_index)),
            person_index,
            related: (0..view.people.len()).map(|_| OnceLock::new()).collect(),
            cards: Cards::new(view.people.len(), view.stories.len()),
            chromes: chrome::Chromes::default(),
            sanitiser: (view.audience == Audience::Public).then(crate::html::Sanitiser::default),
        };
        Pages { renderer }
    }

    pub fn view(&self) -> &'v View<'a> {
        self.renderer.view
    }

    /// Render what `scope` asks for. Once `stop` says so, no further page
    /// is started (`serve` gives way to a newer edit); the caller knows
    /// what it asked.
    pub fn render(
        &self,
        scope: Scope,
        write: &(dyn Fn(&OutputFile) -> Result<(), Error> + Sync),
        stop: &(dyn Fn() -> bool + Sync),
    ) -> Result<SiteCount, Error> {
        let renderer = &self.renderer;
        let view = renderer.view;
        let wanted = renderer.scope_filter(scope);
        let mut jobs = renderer.jobs();
        jobs.retain(|job| wanted(*job));
        let listed = std::sync::Mutex::new(Vec::new());
        let mut count = jobs
            .par_iter()
            .map(|job| {
                if stop() {
                    return Ok(SiteCount::default());
                }
                let mut files = renderer.run(*job)?;
                // Another language's pages go in its own folder (`cy/`).
                if !view.language.is_default() {
                    for f in &mut files {
                        f.path = Path::new(&view.language.prefix).join(&f.path);
                    }
                }
                for f in &files {
                    write(f)?;
                }
                let pages: Vec<&OutputFile> = files
                    .iter()
                    .filter(|f| f.path.extension().is_some_and(|e| e == "html"))
                    .collect();
                if job.listed() {
                    let urls = pages.iter().map(|f| {
                        f.path
                            .to_string_lossy()
                            .trim_end_matches("index.html")
                            .to_string()
                    });
                    listed
                        .lock()
                        .map_err(|_| Error::Output("a render thread failed".into()))?
                        .extend(urls);
                }
                Ok(SiteCount {
                    pages: pages.len(),
                    files: files.len(),
                })
            })
            .try_reduce(SiteCount::default, |a, b| {
                Ok(SiteCount {
                    pages: a.pages + b.pages,
                    files: a.files + b.files,
                })
            })?;
        if view.audience == Audience::Public
            && view.language.is_default()
            && matches!(scope, Scope::All)
        {
            let urls = listed
                .into_inner()
                .map_err(|_| Error::Output("a render thread failed".into()))?;
            write(&renderer.sitemap(urls))?;
            count.files += 1;
        }
        Ok(count)
    }
}

impl<'v, 'a> Pages<'v, 'a> {
    /// Every file this site's pages are written to (with images on), without
    /// rendering any: for `check` to find static files that would be
    /// written over by a page. `folders` are the output folders convene
    /// fills whole (`processed_images/`).
    pub fn planned(&self) -> (Vec<PathBuf>, Vec<&'static str>) {
        let r = &self.renderer;
        let prefix = Path::new(&r.view.language.prefix);
        let mut files: Vec<PathBuf> = r
            .jobs()
            .into_iter()
            .flat_map(|job| r.paths(job))
            .map(|path| prefix.join(path))
            .collect();
        if r.is_public() && r.view.language.is_default() {
            files.push(routes::sitemap().file());
            // The pages with share cards (see `images::derive`).
            let view = r.view;
            let topics = r.taxonomy(Facet::Topic).terms.iter();
            let pages = view
                .people
                .iter()
                .map(|p| routes::person(p.slug))
                .chain(view.stories.iter().map(|s| routes::story(s.slug)))
                .chain(view.campaigns.iter().map(|c| routes::campaign(c.slug)))
                .chain(topics.map(|t| routes::facet_term(Facet::Topic, &t.slug)));
            files.extend(pages.map(|page| routes::share_card(&page).file()));
        }
        (files, vec![crate::images::PROCESSED_FOLDER])
    }
}

impl Renderer<'_, '_> {
    /// The files one job writes (a feed that turns out empty is counted too).
    fn paths(&self, job: Job) -> Vec<PathBuf> {
        let view = self.view;
        let one = |route: routes::Route| vec![route.file()];
        match job {
            Job::Home => one(routes::home()),
            Job::PeoplePage(n) => one(routes::page_of(&routes::people_index(), n)),
            Job::Person(i) => one(routes::person(view.people[i].slug)),
            Job::StoriesPage(n) => one(routes::page_of(&routes::stories_index(), n)),
            Job::Story(i) => one(routes::story(view.stories[i].slug)),
            Job::FacetIndex(facet) => one(routes::facet_index(facet)),
            Job::FacetTerm(facet, i) => one(routes::facet_term(
                facet,
                &self.taxonomy(facet).terms[i].slug,
            )),
            Job::DirectoryData => one(routes::directory_data()),
            Job::Respond => one(routes::respond()),
            Job::Search => one(routes::search()),
            Job::SearchData => one(routes::search_data()),
            Job::VCard(i) => one(routes::person_vcard(view.people[i].slug)),
            Job::PersonFeed(i) => one(routes::person_feed(view.people[i].slug)),
            Job::CampaignFeed(i) => one(routes::campaign_feed(view.campaigns[i].slug)),
            Job::SiteFeed => one(routes::feed()),
            Job::ShareKit(i) => one(routes::share_kit(view.campaigns[i].slug)),
            Job::Signature(i) => one(routes::signature(view.people[i].slug)),
            Job::SignaturesIndex => one(routes::signatures()),
            Job::CampaignsIndex => one(routes::campaigns_index()),
            Job::Campaign(i) => one(routes::campaign(view.campaigns[i].slug)),
            Job::GuidelinesIndex => one(routes::guidelines_index()),
            Job::Guideline(i) => one(routes::guideline(view.guidelines[i].slug)),
            Job::NotFound => one(routes::not_found()),
            Job::Accessibility => one(routes::accessibility()),
            Job::Aliases => {
                let people = view
                    .people
                    .iter()
                    .flat_map(|p| p.aliases.iter().map(|a| routes::person_alias(a)));
                let stories = view
                    .stories
                    .iter()
                    .flat_map(|s| s.aliases.iter().map(|a| routes::story_alias(a)));
                people.chain(stories).map(|r| r.file()).collect()
            }
            Job::Robots => one(routes::robots()),
            Job::Assets => self.theme.assets().into_iter().map(|f| f.path).collect(),
        }
    }
}

impl Job {
    /// Pages that belong in the sitemap: real pages, not redirects, the
    /// 404 page or data files.
    fn listed(self) -> bool {
        matches!(
            self,
            Job::Home
                | Job::PeoplePage(_)
                | Job::Person(_)
                | Job::StoriesPage(_)
                | Job::Story(_)
                | Job::FacetIndex(_)
                | Job::FacetTerm(..)
                | Job::CampaignsIndex
                | Job::Campaign(_)
                | Job::GuidelinesIndex
                | Job::Guideline(_)
                | Job::Accessibility
                | Job::Search
        )
    }
}

impl Renderer<'_, '_> {
    /// The people `i`'s profile suggests.
    pub fn related(&self, i: usize) -> &[usize] {
        self.related[i]
            .get_or_init(|| related::for_person(self.view, &self.taxonomies[0], i, RELATED_PEOPLE))
    }

    /// Every page and file of the site, biggest kinds first.
    fn jobs(&self) -> Vec<Job> {
        let view = self.view;
        let mut jobs = vec![
            Job::Home,
            Job::CampaignsIndex,
            Job::Accessibility,
            Job::Aliases,
            Job::DirectoryData,
        ];
        // One of each per site, not per language: servers look for
        // /404.html and /robots.txt, and every language shares the assets.
        if view.language.is_default() {
            jobs.extend([Job::NotFound, Job::Robots, Job::Assets]);
        }
        if !view.guidelines.is_empty() {
            jobs.push(Job::GuidelinesIndex);
        }
        // Both sites have search; the hub's finds things by their fields.
        jobs.extend([Job::Search, Job::SearchData]);
        if view.audience == Audience::Playbook {
            jobs.extend([Job::Respond, Job::SignaturesIndex]);
            jobs.extend((0..view.campaigns.len()).map(Job::ShareKit));
            jobs.extend((0..view.people.len()).map(Job::Signature));
        } else {
            jobs.push(Job::SiteFeed);
            jobs.extend((0..view.people.len()).flat_map(|i| [Job::VCard(i), Job::PersonFeed(i)]));
            jobs.extend((0..view.campaigns.len()).map(Job::CampaignFeed));
        }
        jobs.extend((1..=self.people_pages()).map(Job::PeoplePage));
        jobs.extend((1..=self.stories_pages()).map(Job::StoriesPage));
        for (facet, taxonomy) in Facet::ALL.iter().zip(&self.taxonomies) {
            jobs.push(Job::FacetIndex(*facet));
            jobs.extend((0..taxonomy.terms.len()).map(|i| Job::FacetTerm(*facet, i)));
        }
        jobs.extend((0..view.people.len()).map(Job::Person));
        jobs.extend((0..view.stories.len()).map(Job::Story));
        jobs.extend((0..view.campaigns.len()).map(Job::Campaign));
        jobs.extend((0..view.guidelines.len()).map(Job::Guideline));
        jobs
    }

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
                bytes: directory::script(
                    self.view,
                    &self.taxonomies[0],
                    &self.taxonomies[1],
                    &self.taxonomies[2],
                ),
            }]),
            Job::Respond => one(self.respond()),
            Job::Search => one(self.search_page()),
            Job::VCard(i) => Ok(vec![self.vcard(i)]),
            Job::PersonFeed(i) => self
                .person_feed(i)
                .transpose()
                .map(|f| f.into_iter().collect()),
            Job::CampaignFeed(i) => one(self.campaign_feed(i)),
            Job::SiteFeed => one(self.site_feed()),
            Job::ShareKit(i) => self
                .share_kit(i)
                .transpose()
                .map(|f| f.into_iter().collect()),
            Job::SearchData => Ok(vec![OutputFile {
                path: routes::search_data().file(),
                bytes: search::script(self.view, &self.described(), self.theme.speech()),
            }]),
            Job::Story(i) => one(self.story(i)),
            Job::Signature(i) => one(self.signature_page(i)),
            Job::SignaturesIndex => one(self.signatures_index()),
            Job::CampaignsIndex => one(self.campaigns_index()),
            Job::Campaign(i) => one(self.campaign(i)),
            Job::GuidelinesIndex => one(self.guidelines_index()),
            Job::Guideline(i) => one(self.guideline(i)),
            Job::NotFound => one(self.not_found()),
            Job::Accessibility => one(self.accessibility()),
            Job::Aliases => self.aliases(),
            Job::Robots => Ok(vec![self.robots()]),
            Job::Assets => Ok(self.assets()),
        }
    }

    /// The HTML cards of some people (indexes into the view), for a page at `root`.
    pub fn person_cards(
        &self,
        people: impl IntoIterator<Item = usize>,
        root: &str,
    ) -> Result<Vec<Cow<'_, str>>, Error> {
        people
            .into_iter()
            .map(|i| {
                self.card(&self.cards.people[i], root, || {
                    let p = &self.view.people[i];
                    let p = context::person_card(
                        p,
                        self.picture(p.photo, Images::photo),
                        self.theme.speech(),
                    );
                    self.theme.render(
                        "person_card.html",
                        &CardCtx {
                            site: &self.site,
                            root: ROOT_MARK,
                            card: Person { p },
                        },
                    )
                })
            })
            .collect()
    }

    /// The HTML cards of some stories (indexes into the view), for a page at `root`.
    pub fn story_cards(
        &self,
        stories: impl IntoIterator<Item = usize>,
        root: &str,
    ) -> Result<Vec<Cow<'_, str>>, Error> {
        stories
            .into_iter()
            .map(|i| {
                self.card(&self.cards.stories[i], root, || {
                    let s = &self.view.stories[i];
                    let picture = self.picture(s.image, Images::story_image);
                    let s = context::story_card(s, picture, self.theme.speech());
                    self.theme.render(
                        "story_card.html",
                        &CardCtx {
                            site: &self.site,
                            root: ROOT_MARK,
                            card: Story { s },
                        },
                    )
                })
            })
            .collect()
    }

    /// A card for a page at `root`, rendered (with `ROOT_MARK` for the
    /// root) only the first time any page needs it.
    fn card<'s>(
        &'s self,
        card: &'s Card,
        root: &str,
        render: impl FnOnce() -> Result<String, Error>,
    ) -> Result<Cow<'s, str>, Error> {
        let marked = match card.marked.get() {
            Some(html) => html,
            None => {
                let html = render()?;
                card.marked.get_or_init(|| html)
            }
        };
        let fill = || marked.replace(ROOT_MARK, root);
        Ok(match card.at_depth.get(root.matches("../").count()) {
            Some(filled) => Cow::Borrowed(filled.get_or_init(fill)),
            None => Cow::Owned(fill()),
        })
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

    /// Entries of someone's `internal` map as the playbook shows them
    /// (only `keys`, in that order, when given), emails and phones as
    /// links, a manager by name with a link to their profile.
    pub fn contacts(
        &self,
        internal: &indexmap::IndexMap<String, serde_yaml::Value>,
        keys: Option<&[&str]>,
    ) -> Vec<contact::ContactCtx> {
        let person = |slug: &str| {
            let p = &self.view.people[*self.person_index.get(slug)?];
            Some((p.name.to_string(), routes::person(p.slug).url().to_string()))
        };
        let entries: Vec<(&String, &serde_yaml::Value)> = match keys {
            Some(keys) => keys
                .iter()
                .filter_map(|k| internal.get_key_value(*k))
                .collect(),
            None => internal.iter().collect(),
        };
        entries
            .into_iter()
            .map(|(k, v)| {
                let mut c = contact::contact(k, v, &person);
                if let Some(label) = contact::label_key(k) {
                    c.label = self.say(label, &[]);
                }
                c
            })
            .filter(|c| !c.text.is_empty())
            .collect()
    }

    /// An interface text in the language this renderer writes, with its
    /// named values (`say("stories-from", &[("org", name)])`).
    fn say(&self, key: &str, values: &[(&str, &str)]) -> String {
        self.theme.speech().text(key, Some(&context::args(values)))
    }

    /// A body rendered as HTML for a page at `root`'s depth.
    fn markdown(&self, body: crate::model::Body, root: &str) -> String {
        let site_root = self.site.site_root(root);
        let cx = markdown::Context {
            links: &self.view.links,
            static_files: &self.statics,
            highlighter: self.highlighter,
            root,
            site_root: &site_root,
            sanitiser: self.sanitiser.as_ref(),
            hub_url: self.site.public_url,
        };
        markdown::to_html(body.text.record(), body.path, &cx)
    }
}

#[derive(serde::Serialize)]
struct Person<'a> {
    p: context::PersonCard<'a>,
}

#[derive(serde::Serialize)]
struct Story<'a> {
    s: context::StoryCard<'a>,
}
