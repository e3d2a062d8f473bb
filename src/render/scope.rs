//! Which of a site's pages to render: all of them for `build`, or for
//! `serve` after an edit, the edited file's own page first and then the
//! pages that list or link to it. Kept apart from the rendering itself,
//! which does not care who asked.

use super::{discovery, related, Job, Renderer};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Which pages to render: the whole site, or parts of it for `serve`
/// after source files were edited.
#[derive(Debug, Clone, Copy)]
pub enum Scope<'s> {
    All,
    /// One file's own page.
    PageOf(&'s Path),
    /// The pages that list or link to some files (and their own pages
    /// again, with their feeds and vCards), but not the site indexes.
    AroundPagesOf(&'s [PathBuf]),
    /// The pages written to these paths in a site's folder (with a
    /// language's folder in front for its pages): those on screen.
    Files(&'s [PathBuf]),
    /// The pages made from every item at once (the playbook's search index,
    /// who responds on what), which any edit may change and which take
    /// longest.
    SiteIndexes,
}

/// Where an edited source file sits in one site: indexes into the view,
/// `None` where it is not on the site.
struct Edited {
    person: Option<usize>,
    story: Option<usize>,
    campaign: Option<usize>,
    guideline: Option<usize>,
    /// People whose profiles suggest the edited person.
    suggesting: HashSet<usize>,
    /// People in the edited story.
    story_people: HashSet<usize>,
}

impl Edited {
    /// The edited file's own outputs: its page, and its feed, vCard or share kit.
    fn owns(&self, job: Job) -> bool {
        match job {
            Job::Person(i) | Job::VCard(i) | Job::PersonFeed(i) | Job::Signature(i) => {
                self.person == Some(i)
            }
            Job::Story(i) => self.story == Some(i),
            Job::Campaign(i) | Job::ShareKit(i) | Job::CampaignFeed(i) => self.campaign == Some(i),
            Job::Guideline(i) => self.guideline == Some(i),
            _ => false,
        }
    }
}

impl Job {
    /// Pages made from every item of the site at once.
    fn is_site_index(self) -> bool {
        matches!(self, Job::SearchData | Job::Respond)
    }
}

impl Renderer<'_, '_> {
    /// Which jobs' output the source files in `scope` affect.
    pub(super) fn scope_filter<'s>(&'s self, scope: Scope<'s>) -> Box<dyn Fn(Job) -> bool + 's> {
        match scope {
            Scope::All => Box::new(|_| true),
            Scope::PageOf(path) => {
                let edited = self.edited(path, false);
                Box::new(move |job| {
                    edited.owns(job)
                        && matches!(
                            job,
                            Job::Person(_) | Job::Story(_) | Job::Campaign(_) | Job::Guideline(_)
                        )
                })
            }
            Scope::AroundPagesOf(paths) => {
                let edited: Vec<Edited> = paths.iter().map(|p| self.edited(p, true)).collect();
                Box::new(move |job| {
                    !job.is_site_index() && edited.iter().any(|e| self.is_around(e, job))
                })
            }
            Scope::SiteIndexes => Box::new(Job::is_site_index),
            Scope::Files(files) => {
                let prefix = Path::new(&self.view.language.prefix);
                Box::new(move |job| {
                    self.paths(job)
                        .iter()
                        .any(|p| files.contains(&prefix.join(p)))
                })
            }
        }
    }

    /// Where the source file at `path` sits in this site; with `neighbours`,
    /// also who links to it (which costs a look at nearby profiles).
    fn edited(&self, path: &Path, neighbours: bool) -> Edited {
        let view = self.view;
        let person = view.people.iter().position(|p| p.body.path == path);
        let story = view.stories.iter().position(|s| s.body.path == path);
        // Only people near the edited person in a topic list can suggest them.
        let suggesting = match person {
            Some(p) if neighbours => related::window(view, &self.taxonomies[0], p)
                .filter(|&o| self.related(o).contains(&p))
                .collect(),
            _ => HashSet::new(),
        };
        let story_people = story
            .map(|s| {
                view.stories[s]
                    .people
                    .iter()
                    .filter_map(|slug| self.person_index.get(slug.as_str()).copied())
                    .collect()
            })
            .unwrap_or_default();
        Edited {
            person,
            story,
            campaign: view.campaigns.iter().position(|c| c.body.path == path),
            guideline: view.guidelines.iter().position(|g| g.body.path == path),
            suggesting,
            story_people,
        }
    }

    /// Does `job` list, link to or belong to the edited file?
    fn is_around(&self, edited: &Edited, job: Job) -> bool {
        let view = self.view;
        let Edited {
            person,
            story,
            campaign,
            guideline,
            ..
        } = *edited;
        let features = |s: usize| {
            person.is_some_and(|p| view.stories[s].people.contains(&view.people[p].slug))
        };
        match job {
            _ if edited.owns(job) => true,
            Job::Story(i) => {
                features(i)
                    || campaign.is_some_and(|c| {
                        view.stories[i]
                            .campaign
                            .is_some_and(|x| x.slug == view.campaigns[c].slug)
                    })
            }
            Job::Person(i) | Job::PersonFeed(i) => {
                edited.suggesting.contains(&i) || edited.story_people.contains(&i)
            }
            Job::Campaign(i) | Job::CampaignFeed(i) => story.is_some_and(|s| {
                view.stories[s]
                    .campaign
                    .is_some_and(|c| c.slug == view.campaigns[i].slug)
            }),
            Job::PeoplePage(n) => person.is_some_and(|p| p / discovery::PEOPLE_PER_PAGE + 1 == n),
            Job::StoriesPage(n) => story.is_some_and(|s| s / discovery::STORIES_PER_PAGE + 1 == n),
            Job::FacetTerm(facet, t) => {
                let term = &self.taxonomy(facet).terms[t];
                person.is_some_and(|p| term.people.contains(&p))
                    || story.is_some_and(|s| term.stories.contains(&s))
            }
            Job::SiteFeed => story.is_some(),
            // Signatures offer the running campaign's call to action.
            Job::Signature(_) => campaign.is_some(),
            Job::SignaturesIndex => person.is_some(),
            Job::Home | Job::FacetIndex(_) | Job::SearchData | Job::Aliases => true,
            Job::DirectoryData | Job::Respond => person.is_some(),
            Job::CampaignsIndex => campaign.is_some(),
            Job::GuidelinesIndex => guideline.is_some(),
            _ => false,
        }
    }
}
