//! The charity's content as typed data: people, stories, guidelines,
//! campaigns, and the site they belong to.

mod dates;
mod ids;
mod items;

pub use dates::{Day, Instant};
pub use ids::{is_clean_slug, slugify, CampaignSlug, GuidelineSlug, PersonSlug, StorySlug};
pub use items::*;

use crate::config::SiteConfig;
use std::collections::BTreeSet;
use std::path::PathBuf;

/// Which of the two sites something is built for. The public hub is the
/// default-deny audience: it only ever sees what `audience::select` lets through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Audience {
    Public,
    Playbook,
}

impl Audience {
    pub fn folder(self) -> &'static str {
        match self {
            Audience::Public => "public",
            Audience::Playbook => "playbook",
        }
    }
}

/// Where an item came from: its path (relative to the site folder) and body.
#[derive(Debug, Clone)]
pub struct Source {
    pub path: PathBuf,
    /// The YAML between the `---` fences, kept to point diagnostics at keys.
    pub front_matter: String,
    pub body: String,
    /// File line on which the body starts, to report Markdown problems.
    pub body_line: usize,
    /// Read despite errors in its front matter (already reported): checked
    /// for more problems, but never built, and its audience is unknown.
    pub partial: bool,
}

impl Source {
    /// Front-matter lines; the first is line 2 of the file.
    pub fn front_matter_lines(&self) -> Vec<&str> {
        self.front_matter.lines().collect()
    }
}

/// Everything loaded from one site folder, in a stable order (by slug).
#[derive(Debug, Default)]
pub struct Corpus {
    pub config: SiteConfig,
    pub people: Vec<Person>,
    pub stories: Vec<Story>,
    pub guidelines: Vec<Guideline>,
    pub campaigns: Vec<Campaign>,
    /// Content files that exist but could not be read (already reported),
    /// so they still count as link targets and slugs.
    pub unreadable: BTreeSet<PathBuf>,
    /// Files under static/, relative to static/ (e.g. `photos/amara.jpg`).
    pub static_files: BTreeSet<PathBuf>,
}

impl Corpus {
    pub fn person(&self, slug: &str) -> Option<&Person> {
        self.people
            .binary_search_by(|p| p.slug.as_str().cmp(slug))
            .ok()
            .map(|i| &self.people[i])
    }

    pub fn campaign(&self, slug: &str) -> Option<&Campaign> {
        self.campaigns
            .binary_search_by(|c| c.slug.as_str().cmp(slug))
            .ok()
            .map(|i| &self.campaigns[i])
    }
}
