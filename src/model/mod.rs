//! The charity's content as typed data: people, stories, guidelines,
//! campaigns, and the site they belong to.

mod dates;
mod ids;
mod items;

pub use dates::{Day, Instant};
pub use ids::{
    drops_letters, is_clean_slug, name_slug, slugify, CampaignSlug, GuidelineSlug, PersonSlug,
    StorySlug, MAX_SLUG_LEN,
};
pub use items::*;

use crate::config::SiteConfig;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Which of the two sites something is built for. The public hub is the
/// default-deny audience: it only ever sees what `audience::select` lets through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Audience {
    Public,
    Playbook,
}

impl Audience {
    /// The site's name in messages.
    pub fn site_name(self) -> &'static str {
        match self {
            Audience::Public => "public hub",
            Audience::Playbook => "playbook",
        }
    }

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
    /// The Markdown body, surveyed as it was read (see `survey`).
    pub body: crate::survey::Text,
    /// File line on which the body starts, to report Markdown problems.
    pub body_line: usize,
    /// Read despite errors in its front matter (already reported): checked
    /// for more problems, but never built, and its audience is unknown, so
    /// `serve` keeps it off the public hub until it is fixed.
    pub partial: bool,
}

/// What a `View` may read of a source file: where it is and its Markdown
/// body, with what the survey found in it. Never the raw front matter,
/// which holds the private fields too.
#[derive(Debug, Clone, Copy)]
pub struct Body<'a> {
    pub path: &'a Path,
    pub text: &'a crate::survey::Text,
}

impl<'a> Body<'a> {
    pub fn of(source: &'a Source) -> Self {
        Body {
            path: &source.path,
            text: &source.body,
        }
    }
}

impl Source {
    /// Front-matter lines; the first is line 2 of the file.
    pub fn front_matter_lines(&self) -> Vec<&str> {
        self.front_matter.lines().collect()
    }

    /// Was this read from the same text as `other`?
    pub fn same_text(&self, other: &Source) -> bool {
        self.front_matter == other.front_matter && self.body == other.body
    }

    /// File line of the first front-matter line mentioning `text` (1 if none).
    pub fn line_mentioning(&self, text: &str) -> usize {
        self.front_matter
            .lines()
            .position(|l| l.contains(text))
            .map_or(1, |i| i + 2)
    }
}

/// Everything loaded from one site folder, in a stable order (by slug).
#[derive(Debug, Default)]
pub struct Corpus {
    /// The site folder everything was read from.
    pub root: PathBuf,
    pub config: SiteConfig,
    pub people: Vec<Person>,
    pub stories: Vec<Story>,
    pub guidelines: Vec<Guideline>,
    pub campaigns: Vec<Campaign>,
    /// Translations of content files into the site's other languages,
    /// sorted by the file they translate, then by language.
    pub translations: Vec<crate::languages::content::Translation>,
    /// Content files that exist but could not be read (already reported),
    /// so they still count as link targets and slugs.
    pub unreadable: BTreeSet<PathBuf>,
    /// Files under static/, relative to static/ (e.g. `photos/amara.jpg`).
    pub static_files: BTreeSet<PathBuf>,
    /// The pictures among them, their headers read once.
    pub pictures: crate::survey::Pictures,
}

/// One content file of any kind.
pub enum Item {
    Person(Person),
    Story(Story),
    Guideline(Guideline),
    Campaign(Campaign),
}

impl Item {
    pub fn source(&self) -> &Source {
        match self {
            Item::Person(p) => &p.source,
            Item::Story(s) => &s.source,
            Item::Guideline(g) => &g.source,
            Item::Campaign(c) => &c.source,
        }
    }
}

/// Replace the item read from the same file, or add it, keeping slug order.
fn put<T>(items: &mut Vec<T>, item: T, source: impl Fn(&T) -> &Source, key: impl Fn(&T) -> String) {
    let path = source(&item).path.clone();
    items.retain(|x| source(x).path != path);
    let at = items.partition_point(|x| key(x) < key(&item));
    items.insert(at, item);
}

impl Corpus {
    /// Take in a file that was read again after an edit.
    pub fn put(&mut self, item: Item) {
        match item {
            Item::Person(p) => {
                self.unreadable.remove(&p.source.path);
                put(&mut self.people, p, |x| &x.source, |x| x.slug.to_string())
            }
            Item::Story(s) => {
                self.unreadable.remove(&s.source.path);
                put(&mut self.stories, s, |x| &x.source, |x| x.slug.to_string())
            }
            Item::Guideline(g) => {
                self.unreadable.remove(&g.source.path);
                put(
                    &mut self.guidelines,
                    g,
                    |x| &x.source,
                    |x| x.slug.to_string(),
                )
            }
            Item::Campaign(c) => {
                self.unreadable.remove(&c.source.path);
                put(
                    &mut self.campaigns,
                    c,
                    |x| &x.source,
                    |x| x.slug.to_string(),
                )
            }
        }
    }

    /// Keep the item read from `path` as it is, but as read with errors:
    /// off the public hub until the file is fixed. `false` if it already was.
    pub fn mark_partial(&mut self, path: &Path) -> bool {
        let people = self.people.iter_mut().map(|p| &mut p.source);
        let stories = self.stories.iter_mut().map(|s| &mut s.source);
        let guidelines = self.guidelines.iter_mut().map(|g| &mut g.source);
        let campaigns = self.campaigns.iter_mut().map(|c| &mut c.source);
        match people
            .chain(stories)
            .chain(guidelines)
            .chain(campaigns)
            .find(|s| s.path == path)
        {
            Some(source) if !source.partial => {
                source.partial = true;
                true
            }
            _ => false,
        }
    }

    /// Where the item read from `path` (relative to the site) came from.
    pub fn source(&self, path: &Path) -> Option<&Source> {
        let people = self.people.iter().map(|p| &p.source);
        let stories = self.stories.iter().map(|s| &s.source);
        let guidelines = self.guidelines.iter().map(|g| &g.source);
        let campaigns = self.campaigns.iter().map(|c| &c.source);
        people
            .chain(stories)
            .chain(guidelines)
            .chain(campaigns)
            .find(|s| s.path == path)
    }

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
