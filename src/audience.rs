//! The leak rule lives here, once.
//!
//! `select` turns the whole corpus into the `View` one audience may see.
//! Everything after this step (routing, templates, indexes) is given only a
//! `View`, so the public hub's templates are never handed a private value:
//! private fields sit in `private: Option<..>` parts that are `None` for the
//! public hub, and private items are simply not in its lists. Views reach
//! a file's body, never its raw front matter (see `Body`), and a story's
//! campaign only as a `CampaignRef`.

use crate::config::SiteConfig;
use crate::model::*;
use crate::routes::{self, LinkIndex};
use chrono::{DateTime, FixedOffset};
use indexmap::IndexMap;
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::Path;

pub struct View<'a> {
    pub audience: Audience,
    pub config: &'a SiteConfig,
    /// The site folder.
    pub root: &'a Path,
    /// The pictures in static/, with their sizes (read once, by the survey).
    pub pictures: &'a crate::survey::Pictures,
    /// Sorted by name.
    pub people: Vec<PersonView<'a>>,
    /// Newest first.
    pub stories: Vec<StoryView<'a>>,
    /// By `order`, then title.
    pub guidelines: Vec<GuidelineView<'a>>,
    /// Newest start first.
    pub campaigns: Vec<CampaignView<'a>>,
    /// The campaign whose call to action email signatures offer: of those
    /// running now (started, not ended) with a `cta`, the latest to start.
    pub running_campaign: Option<usize>,
    /// Which source files have a page on this site.
    pub links: LinkIndex<'a>,
    /// Files from static/ that this site publishes (relative to static/).
    pub static_files: Vec<&'a Path>,
    /// The language this view's words are in (see `languages::content`).
    pub language: crate::languages::Language,
}

impl<'a> View<'a> {
    /// Where each person of this site is in `people`, by slug.
    pub fn person_index(&self) -> HashMap<&'a str, usize> {
        self.people
            .iter()
            .enumerate()
            .map(|(i, p)| (p.slug.as_str(), i))
            .collect()
    }
}

pub struct PersonView<'a> {
    pub slug: &'a PersonSlug,
    pub name: &'a str,
    pub role: Option<&'a str>,
    pub team: Option<&'a str>,
    pub location: Option<&'a str>,
    pub pronouns: Option<&'a str>,
    pub topics: &'a [String],
    pub photo: Option<&'a str>,
    pub photo_alt: Option<&'a str>,
    pub links: &'a IndexMap<String, String>,
    pub aliases: &'a [String],
    pub body: Body<'a>,
    /// Set when the view's language is not the default and this item has
    /// no translation into it: its words are in this language instead.
    pub words_lang: Option<&'a str>,
    /// Only in the playbook.
    pub private: Option<PersonPrivate<'a>>,
}

pub struct PersonPrivate<'a> {
    /// `public:` as written: the person consented.
    pub public: bool,
    /// On the public hub now: consented, and the review date not passed.
    pub on_hub: bool,
    pub consent_review: Option<Day>,
    pub responding_level: Option<i64>,
    pub responds_on: &'a [String],
    pub internal: &'a IndexMap<String, serde_yaml::Value>,
}

pub struct StoryView<'a> {
    pub slug: &'a StorySlug,
    pub title: &'a str,
    pub date: Day,
    pub campaign: Option<CampaignRef<'a>>,
    /// Only the people who are on this site; others are left out entirely.
    pub people: Vec<&'a PersonSlug>,
    pub topics: &'a [String],
    pub summary: Option<&'a str>,
    pub image: Option<&'a str>,
    pub image_alt: Option<&'a str>,
    pub aliases: &'a [String],
    pub body: Body<'a>,
    /// Set when the view's language is not the default and this item has
    /// no translation into it: its words are in this language instead.
    pub words_lang: Option<&'a str>,
    pub private: Option<StoryPrivate<'a>>,
}

/// A story's campaign as the story's pages name it: its address and title,
/// and nothing of its share texts or staff notes. A public page can't
/// reach them through its story:
///
/// ```compile_fail
/// fn notes<'a>(story: &convene::audience::StoryView<'a>) -> Option<&'a str> {
///     story.campaign.and_then(|c| c.meta.staff_notes.as_deref())
/// }
/// ```
///
/// nor a file's raw front matter (where `internal:` is) through its body:
///
/// ```compile_fail
/// fn front_matter<'a>(person: &convene::audience::PersonView<'a>) -> &'a str {
///     &person.source.front_matter
/// }
/// ```
#[derive(Debug, Clone, Copy)]
pub struct CampaignRef<'a> {
    pub slug: &'a CampaignSlug,
    pub title: &'a str,
}

pub struct StoryPrivate<'a> {
    pub draft: bool,
    pub internal: bool,
    /// Set while the embargo has not yet passed.
    pub embargoed_until: Option<Instant>,
    pub staff_notes: Option<&'a str>,
}

pub struct GuidelineView<'a> {
    pub slug: &'a GuidelineSlug,
    pub title: &'a str,
    pub order: Option<i64>,
    pub tags: &'a [String],
    pub is_public: bool,
    /// The owner's slug; on the hub only when the owner is on it too.
    pub owner: Option<&'a str>,
    pub reviewed: Option<Day>,
    pub updated: Option<Day>,
    pub body: Body<'a>,
    /// Set when the view's language is not the default and this item has
    /// no translation into it: its words are in this language instead.
    pub words_lang: Option<&'a str>,
}

pub struct CampaignView<'a> {
    pub slug: &'a CampaignSlug,
    pub title: &'a str,
    pub starts: Option<Day>,
    pub ends: Option<Day>,
    pub hashtags: &'a [String],
    pub cta: Option<&'a CallToAction>,
    pub body: Body<'a>,
    /// Set when the view's language is not the default and this item has
    /// no translation into it: its words are in this language instead.
    pub words_lang: Option<&'a str>,
    pub private: Option<CampaignPrivate<'a>>,
}

pub struct CampaignPrivate<'a> {
    pub share: &'a [String],
    pub staff_notes: Option<&'a str>,
}

/// Is this person on the public hub? Only with consent, only while the
/// consent review date has not passed, and only while the file reads
/// without errors (`serve` shows files with errors; a typo in `public:`
/// must never publish anyone).
pub fn person_is_public(p: &Person, now: DateTime<FixedOffset>) -> bool {
    !p.source.partial && may_name_person(p, now)
}

/// Is this story on the public hub? Not a draft, not internal, embargo
/// passed, and read without errors.
pub fn story_is_public(s: &Story, now: DateTime<FixedOffset>) -> bool {
    !s.source.partial && may_name_story(s, now)
}

/// Is this guideline on the public hub? Only with `audience: public`, read
/// without errors.
pub fn guideline_is_public(g: &Guideline) -> bool {
    !g.source.partial && may_name_guideline(g)
}

/// Is this campaign's page on the public hub? Campaign pages are public;
/// one read with errors waits until it is fixed.
pub fn campaign_is_public(c: &Campaign) -> bool {
    !c.source.partial
}

/// Is the item read from `path` on the public hub, and if so, the folders
/// of its pages there (its own and its aliases'), which must go at once
/// when it leaves.
pub fn public_folders(
    corpus: &Corpus,
    path: &Path,
    now: DateTime<FixedOffset>,
) -> Option<Vec<routes::Route>> {
    if let Some(p) = corpus.people.iter().find(|p| p.source.path == path) {
        return person_is_public(p, now).then(|| {
            with_aliases(
                routes::person(&p.slug),
                &p.meta.aliases,
                routes::person_alias,
            )
        });
    }
    if let Some(s) = corpus.stories.iter().find(|s| s.source.path == path) {
        return story_is_public(s, now)
            .then(|| with_aliases(routes::story(&s.slug), &s.meta.aliases, routes::story_alias));
    }
    if let Some(g) = corpus.guidelines.iter().find(|g| g.source.path == path) {
        return guideline_is_public(g).then(|| vec![routes::guideline(&g.slug)]);
    }
    let c = corpus.campaigns.iter().find(|c| c.source.path == path)?;
    campaign_is_public(c).then(|| vec![routes::campaign(&c.slug)])
}

/// The items `before` had on the public hub at `then` that `after` has not
/// at `now` (a file deleted, consent withdrawn, a story made internal, a
/// file read with errors, a consent review passed), each with the folders
/// of its pages there: `serve` removes them at once when it reads the site
/// again, whatever else fails.
pub fn left_the_hub<'b>(
    before: &'b Corpus,
    then: DateTime<FixedOffset>,
    after: &Corpus,
    now: DateTime<FixedOffset>,
) -> Vec<(&'b Path, Vec<routes::Route>)> {
    let staying: HashSet<&Path> = on_hub(after, now).map(|(path, _)| path).collect();
    on_hub(before, then)
        .filter(|(path, _)| !staying.contains(path))
        .map(|(path, folders)| (path, folders()))
        .collect()
}

/// Every item on the public hub, by the file it was read from, with what
/// makes the folders of its pages there (its own and its aliases').
fn on_hub(
    corpus: &Corpus,
    now: DateTime<FixedOffset>,
) -> impl Iterator<Item = (&Path, Box<dyn Fn() -> Vec<routes::Route> + '_>)> {
    type Folders<'c> = Box<dyn Fn() -> Vec<routes::Route> + 'c>;
    let people = corpus
        .people
        .iter()
        .filter(move |p| person_is_public(p, now))
        .map(|p| -> (&Path, Folders) {
            let folders = move || {
                with_aliases(
                    routes::person(&p.slug),
                    &p.meta.aliases,
                    routes::person_alias,
                )
            };
            (&p.source.path, Box::new(folders))
        });
    let stories = corpus
        .stories
        .iter()
        .filter(move |s| story_is_public(s, now))
        .map(|s| -> (&Path, Folders) {
            let folders =
                move || with_aliases(routes::story(&s.slug), &s.meta.aliases, routes::story_alias);
            (&s.source.path, Box::new(folders))
        });
    let guidelines = corpus
        .guidelines
        .iter()
        .filter(|g| guideline_is_public(g))
        .map(|g| -> (&Path, Folders) {
            (
                &g.source.path,
                Box::new(move || vec![routes::guideline(&g.slug)]),
            )
        });
    let campaigns = corpus
        .campaigns
        .iter()
        .filter(|c| campaign_is_public(c))
        .map(|c| -> (&Path, Folders) {
            (
                &c.source.path,
                Box::new(move || vec![routes::campaign(&c.slug)]),
            )
        });
    people.chain(stories).chain(guidelines).chain(campaigns)
}

fn with_aliases(
    own: routes::Route,
    aliases: &[String],
    alias: fn(&str) -> routes::Route,
) -> Vec<routes::Route> {
    std::iter::once(own)
        .chain(aliases.iter().map(|a| alias(a)))
        .collect()
}

/// Would this person be on the public hub were their file read without
/// errors? (Then the hub may name them, though an error keeps them off it.)
pub fn may_name_person(p: &Person, now: DateTime<FixedOffset>) -> bool {
    p.meta.public
        && p.meta
            .consent_review
            .is_none_or(|d| d.0 >= now.date_naive())
}

/// `may_name_person`, for a story.
pub fn may_name_story(s: &Story, now: DateTime<FixedOffset>) -> bool {
    !s.meta.draft
        && s.meta.audience == StoryAudience::Public
        && s.meta.publish_after.is_none_or(|t| t.0 <= now)
}

/// `may_name_person`, for a guideline.
pub fn may_name_guideline(g: &Guideline) -> bool {
    g.meta.audience == GuidelineAudience::Public
}

/// May the public hub name the content file at `path` (its path names its
/// item: `people/joss-reid.md`)? Yes if its item would be on the hub were
/// it read without errors (the last good version of a file saved with an
/// error is judged, so a typo does not hide where it is), or if it is a
/// translation of one. Any other file in a content folder (unreadable,
/// unknown) may not; files outside them (hub.yaml, templates) may.
pub fn may_name_file(corpus: &Corpus, path: &Path, now: DateTime<FixedOffset>) -> bool {
    let item = |path: &Path| -> Option<bool> {
        if let Some(p) = corpus.people.iter().find(|p| p.source.path == path) {
            return Some(may_name_person(p, now));
        }
        if let Some(s) = corpus.stories.iter().find(|s| s.source.path == path) {
            return Some(may_name_story(s, now));
        }
        if let Some(g) = corpus.guidelines.iter().find(|g| g.source.path == path) {
            return Some(may_name_guideline(g));
        }
        corpus
            .campaigns
            .iter()
            .any(|c| c.source.path == path)
            .then_some(true)
    };
    if let Some(public) = item(path) {
        return public;
    }
    if let Some(t) = corpus.translations.iter().find(|t| t.source.path == path) {
        return item(&t.of).unwrap_or(false);
    }
    let content = ["people", "stories", "guidelines", "campaigns"];
    !path
        .components()
        .next()
        .and_then(|c| c.as_os_str().to_str())
        .is_some_and(|first| content.contains(&first))
}

pub fn select<'a>(corpus: &'a Corpus, audience: Audience, now: DateTime<FixedOffset>) -> View<'a> {
    let playbook = audience == Audience::Playbook;
    let people: Vec<&Person> = corpus
        .people
        .iter()
        .filter(|p| playbook || person_is_public(p, now))
        .collect();
    let stories: Vec<&Story> = corpus
        .stories
        .iter()
        .filter(|s| playbook || story_is_public(s, now))
        .collect();
    let guidelines: Vec<&Guideline> = corpus
        .guidelines
        .iter()
        .filter(|g| playbook || guideline_is_public(g))
        .collect();
    let campaigns: Vec<&Campaign> = corpus
        .campaigns
        .iter()
        .filter(|c| playbook || campaign_is_public(c))
        .collect();

    let mut links =
        LinkIndex::with_capacity(people.len() + stories.len() + guidelines.len() + campaigns.len());
    for p in &people {
        links.insert(&p.source.path, routes::person(&p.slug));
    }
    for s in &stories {
        links.insert(&s.source.path, routes::story(&s.slug));
    }
    for g in &guidelines {
        links.insert(&g.source.path, routes::guideline(&g.slug));
    }
    for c in &campaigns {
        links.insert(&c.source.path, routes::campaign(&c.slug));
    }
    let campaign_refs: HashMap<&str, CampaignRef> = campaigns
        .iter()
        .map(|c| {
            let r = CampaignRef {
                slug: &c.slug,
                title: &c.meta.title,
            };
            (c.slug.as_str(), r)
        })
        .collect();
    let on_site: HashMap<&str, &PersonSlug> =
        people.iter().map(|p| (p.slug.as_str(), &p.slug)).collect();

    let mut people_views: Vec<PersonView> = people
        .iter()
        .map(|p| person_view(p, playbook, now))
        .collect();
    people_views.sort_by_cached_key(|p| (p.name.to_lowercase(), p.slug));

    let mut story_views: Vec<StoryView> = stories
        .iter()
        .map(|s| StoryView {
            slug: &s.slug,
            title: &s.meta.title,
            date: s.meta.date,
            campaign: s
                .meta
                .campaign
                .as_deref()
                .and_then(|c| campaign_refs.get(c).copied()),
            people: s
                .meta
                .people
                .iter()
                .filter_map(|slug| on_site.get(slug.as_str()).copied())
                .collect(),
            topics: &s.meta.topics,
            summary: s.meta.summary.as_deref(),
            image: s.meta.image.as_deref(),
            image_alt: s.meta.image_alt.as_deref(),
            aliases: &s.meta.aliases,
            body: Body::of(&s.source),
            words_lang: None,
            private: playbook.then(|| StoryPrivate {
                draft: s.meta.draft,
                internal: s.meta.audience == StoryAudience::Internal,
                embargoed_until: s.meta.publish_after.filter(|t| t.0 > now),
                staff_notes: s.meta.staff_notes.as_deref(),
            }),
        })
        .collect();
    story_views.sort_by(|a, b| b.date.cmp(&a.date).then(a.slug.cmp(b.slug)));

    let mut guideline_views: Vec<GuidelineView> = guidelines
        .iter()
        .map(|g| GuidelineView {
            slug: &g.slug,
            title: &g.meta.title,
            order: g.meta.order,
            tags: &g.meta.tags,
            is_public: guideline_is_public(g),
            owner: g.meta.owner.as_deref().filter(|slug| {
                playbook
                    || corpus
                        .person(slug)
                        .is_some_and(|p| person_is_public(p, now))
            }),
            reviewed: g.meta.reviewed,
            updated: g.meta.updated,
            body: Body::of(&g.source),
            words_lang: None,
        })
        .collect();
    guideline_views
        .sort_by_cached_key(|g| (g.order.unwrap_or(i64::MAX), g.title.to_lowercase(), g.slug));

    let mut campaign_views: Vec<CampaignView> = campaigns
        .iter()
        .map(|c| CampaignView {
            slug: &c.slug,
            title: &c.meta.title,
            starts: c.meta.starts,
            ends: c.meta.ends,
            hashtags: &c.meta.hashtags,
            cta: c.meta.cta.as_ref(),
            body: Body::of(&c.source),
            words_lang: None,
            private: playbook.then(|| CampaignPrivate {
                share: &c.meta.share,
                staff_notes: c.meta.staff_notes.as_deref(),
            }),
        })
        .collect();
    campaign_views.sort_by(|a, b| b.starts.cmp(&a.starts).then(a.slug.cmp(b.slug)));

    let today = now.date_naive();
    let running_campaign = campaign_views.iter().position(|c| {
        c.cta.is_some()
            && c.starts.is_some_and(|s| s.0 <= today)
            && c.ends.is_none_or(|e| e.0 >= today)
    });
    let static_files = published_static_files(corpus, audience, now);
    View {
        audience,
        config: &corpus.config,
        root: &corpus.root,
        pictures: &corpus.pictures,
        people: people_views,
        stories: story_views,
        guidelines: guideline_views,
        campaigns: campaign_views,
        running_campaign,
        links,
        static_files,
        language: crate::languages::of(&corpus.config).swap_remove(0),
    }
}

fn person_view(p: &Person, playbook: bool, now: DateTime<FixedOffset>) -> PersonView<'_> {
    let m = &p.meta;
    PersonView {
        slug: &p.slug,
        name: &m.name,
        role: m.role.as_deref(),
        team: m.team.as_deref(),
        location: m.location.as_deref(),
        pronouns: m.pronouns.as_deref(),
        topics: &m.topics,
        photo: m.photo.as_deref(),
        photo_alt: m.photo_alt.as_deref(),
        links: &m.links,
        aliases: &m.aliases,
        body: Body::of(&p.source),
        words_lang: None,
        private: playbook.then(|| PersonPrivate {
            public: m.public,
            on_hub: person_is_public(p, now),
            consent_review: m.consent_review,
            responding_level: m.responding_level,
            responds_on: &m.responds_on,
            internal: &m.internal,
        }),
    }
}

/// static/ is copied into both sites, except that the public hub leaves out
/// every file that only private items use: a photo of someone who has not
/// consented, an image or PDF in a draft, internal or embargoed story, an
/// internal guideline or a private bio. Files are matched by their
/// canonical spelling, and without case (see `routes::static_key`), so no
/// other spelling of a private file's name gets it published.
///
/// A public item uses what its structure names: its photo or image, its
/// links and images, the addresses in its raw HTML, and full addresses on
/// the hub's own host. A private item uses every file its text names
/// anywhere (`references::Mentions`), and so does every item's private
/// fields (`internal:`, `staff_notes`): a name convene reads no structure
/// from must not publish the file. A public use wins, as the file is on a
/// public page anyway.
fn published_static_files(
    corpus: &Corpus,
    audience: Audience,
    now: DateTime<FixedOffset>,
) -> Vec<&Path> {
    let all = corpus.static_files.iter().map(|p| p.as_path());
    if audience == Audience::Playbook {
        return all.collect();
    }
    let base = corpus.config.public_base();
    let mut used_publicly: HashSet<Cow<str>> = HashSet::new();
    let mut used_privately: HashSet<String> = HashSet::new();
    let mut private_texts: Vec<&str> = Vec::new();
    let uses: Vec<(bool, Option<&str>, &Source)> = static_uses(corpus, now).collect();
    // Whom the hub shows: a file shown on a public page only inside a link
    // to someone else is theirs (`survey::people`). A link to a translation
    // file is to no page, so it is left out like a link to someone off it.
    let shown: HashSet<&Path> = corpus
        .people
        .iter()
        .filter(|p| person_is_public(p, now))
        .map(|p| p.source.path.as_path())
        .collect();
    for (public, field, source) in uses {
        let record = source.body.record();
        if public {
            used_publicly.extend(field.map(Cow::Borrowed));
            for shown_with in &record.static_uses {
                if shown_with
                    .behind
                    .iter()
                    .all(|w| !w.of_site(base) || shown.contains(w.person.as_path()))
                {
                    used_publicly.insert(Cow::Borrowed(&shown_with.file));
                } else {
                    used_privately.insert(routes::static_key(&shown_with.file));
                }
            }
            let own = record
                .web_addresses
                .iter()
                .filter_map(|url| crate::references::on_site(url, base));
            used_publicly.extend(own.map(Cow::Owned));
        } else {
            let files = field
                .into_iter()
                .chain(record.static_files.iter().map(String::as_str));
            used_privately.extend(files.map(routes::static_key));
            private_texts.extend([source.front_matter.as_str(), source.body.as_str()]);
        }
    }
    // Every page of the hub shows the logo in its header.
    if let Some(logo) = corpus.config.brand.logo.as_deref() {
        used_publicly.insert(Cow::Borrowed(logo));
    }
    private_fields(corpus, &mut |text| private_texts.push(text));
    if let Some(mentions) = crate::references::Mentions::of(all.clone()) {
        // Megabytes of text at bench scale: read on every core.
        let named = private_texts
            .par_iter()
            .fold(HashSet::new, |mut found, text| {
                mentions.find(text, &mut found);
                found
            })
            .reduce(HashSet::new, |mut a, b| {
                a.extend(b);
                a
            });
        used_privately.extend(named);
    }
    all.filter(|p| {
        let url = routes::static_url(p);
        used_publicly.contains(url.as_str()) || !used_privately.contains(&routes::static_key(&url))
    })
    .collect()
}

/// For every content file, whether its page is on the public hub, its
/// photo or image, and its source (what its body names, as surveyed, and
/// its text).
fn static_uses(
    corpus: &Corpus,
    now: DateTime<FixedOffset>,
) -> impl Iterator<Item = (bool, Option<&str>, &Source)> {
    let people = corpus
        .people
        .iter()
        .map(move |p| (person_is_public(p, now), p.meta.photo.as_deref(), &p.source));
    let stories = corpus
        .stories
        .iter()
        .map(move |s| (story_is_public(s, now), s.meta.image.as_deref(), &s.source));
    let guidelines = corpus
        .guidelines
        .iter()
        .map(|g| (guideline_is_public(g), None, &g.source));
    let campaigns = corpus
        .campaigns
        .iter()
        .map(|c| (campaign_is_public(c), None, &c.source));
    let items: Vec<(bool, Option<&str>, &Source)> = people
        .chain(stories)
        .chain(guidelines)
        .chain(campaigns)
        .collect();
    // A translation is as public as the file it translates.
    let public: HashMap<&Path, bool> = items
        .iter()
        .map(|(p, _, source)| (source.path.as_path(), *p))
        .collect();
    let translations = corpus.translations.iter().map(move |t| {
        let on_hub = public.get(t.of.as_path()).copied().unwrap_or(false);
        (on_hub, None, &t.source)
    });
    items.into_iter().chain(translations)
}

/// The text of every item's private fields, public items' too: people's
/// `internal:` details (keys and values, at any depth) and staff notes,
/// which `secrets` guards for the same reason.
fn private_fields<'c>(corpus: &'c Corpus, each: &mut dyn FnMut(&'c str)) {
    fn texts<'c>(value: &'c serde_yaml::Value, each: &mut dyn FnMut(&'c str)) {
        use serde_yaml::Value;
        match value {
            Value::String(s) => each(s),
            Value::Sequence(items) => items.iter().for_each(|v| texts(v, each)),
            Value::Mapping(map) => {
                for (k, v) in map {
                    texts(k, each);
                    texts(v, each);
                }
            }
            Value::Tagged(t) => texts(&t.value, each),
            Value::Null | Value::Bool(_) | Value::Number(_) => {}
        }
    }
    for p in &corpus.people {
        for (key, value) in &p.meta.internal {
            each(key);
            texts(value, each);
        }
    }
    let notes = corpus
        .stories
        .iter()
        .map(|s| &s.meta.staff_notes)
        .chain(corpus.campaigns.iter().map(|c| &c.meta.staff_notes));
    notes.flatten().for_each(|n| each(n));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(when: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(when).unwrap()
    }

    /// A consent review that passes between two readings takes its person
    /// off the hub even when no file changed: `serve` reads the site again
    /// when the clock reaches it and removes what `left_the_hub` names.
    #[test]
    fn a_consent_review_passing_is_leaving_the_hub() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("hub.yaml"),
            "title: T\nbase_url: https://t.example\norganisation: {name: T}\n",
        )
        .unwrap();
        std::fs::create_dir(dir.path().join("people")).unwrap();
        std::fs::write(
            dir.path().join("people/ana-lima.md"),
            "---\nname: Ana Lima\npublic: true\nresponding_level: 1\nconsent_review: 2026-12-01\n---\n",
        )
        .unwrap();
        let mut found = crate::Diagnostics::default();
        let corpus = crate::load::site(dir.path(), 1 << 20, &mut found).unwrap();
        let (before, after) = (at("2026-12-01T23:59:00Z"), at("2026-12-02T00:00:01Z"));
        assert!(left_the_hub(&corpus, before, &corpus, before).is_empty());
        let left = left_the_hub(&corpus, before, &corpus, after);
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].0, Path::new("people/ana-lima.md"));
        assert!(!left[0].1.is_empty(), "its page folders are named");
    }
}
