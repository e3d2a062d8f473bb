//! Cross-file checks once everything is loaded: references, duplicates,
//! links, photos. Every problem is collected; nothing stops at the first.

mod featured;
mod fields;
mod links;
mod private;
mod share;
mod slugs;

pub use fields::hub;

pub use links::heading_ids;

use crate::audience::{person_is_public, story_is_public};
use crate::diagnostics::{did_you_mean, Diagnostic, Diagnostics};
use crate::model::*;
use crate::routes;
use chrono::{DateTime, FixedOffset};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// A guideline unreviewed for longer than this is flagged.
const REVIEW_EVERY_DAYS: i64 = 365;

/// Warn this many days before a consent review falls due.
const CONSENT_WARNING_DAYS: i64 = 30;

/// What checking any one file needs to know about the rest of the site.
struct Known<'a> {
    corpus: &'a Corpus,
    now: DateTime<FixedOffset>,
    /// Every body, and whether its page is on the public hub.
    bodies: Vec<(&'a Source, bool)>,
    targets: links::Targets<'a>,
    /// Topics on any profile.
    topics: HashSet<&'a str>,
}

impl<'a> Known<'a> {
    fn new(c: &'a Corpus, now: DateTime<FixedOffset>) -> Self {
        // Which pages are public decides whether a link to an internal page
        // is worth a warning.
        let bodies: Vec<(&Source, bool)> = c
            .people
            .iter()
            .map(|p| (&p.source, person_is_public(p, now)))
            .chain(
                c.stories
                    .iter()
                    .map(|s| (&s.source, story_is_public(s, now))),
            )
            .chain(
                c.guidelines
                    .iter()
                    .map(|g| (&g.source, g.meta.audience == GuidelineAudience::Public)),
            )
            .chain(c.campaigns.iter().map(|x| (&x.source, true)))
            .collect();
        // Translations' links are checked as their default file's are.
        let public: HashMap<&Path, bool> =
            bodies.iter().map(|(s, p)| (s.path.as_path(), *p)).collect();
        let translations: Vec<(&Source, bool)> = c
            .translations
            .iter()
            .map(|t| {
                (
                    &t.source,
                    public.get(t.of.as_path()).copied().unwrap_or(false),
                )
            })
            .collect();
        let targets = links::Targets {
            pages: bodies
                .iter()
                .map(|(s, public)| {
                    let page = links::Page {
                        // A partial file's audience is unknown: don't warn about links to it.
                        public: *public || s.partial,
                        headings: &s.body.record().headings,
                    };
                    (s.path.as_path(), page)
                })
                .collect(),
            unreadable: &c.unreadable,
            statics: &c.static_files,
            hub_url: c.config.public_base(),
        };
        let topics = c
            .people
            .iter()
            .flat_map(|p| p.meta.topics.iter().map(String::as_str))
            .collect();
        let mut bodies = bodies;
        bodies.extend(translations);
        Known {
            corpus: c,
            now,
            bodies,
            targets,
            topics,
        }
    }

    fn links(&self, (source, is_public): (&Source, bool)) -> Vec<Diagnostic> {
        links::check(source, is_public && !source.partial, &self.targets)
    }

    fn person(&self, p: &Person, diags: &mut Diagnostics) {
        person(p, self.corpus, self.now, diags);
        fields::person(p, diags);
        slugs::person(p, self.corpus, diags);
        responds_on(p, &self.topics, diags);
    }

    fn story(&self, s: &Story, diags: &mut Diagnostics) {
        story(s, self.corpus, diags);
        fields::story(s, diags);
    }

    fn guideline(&self, g: &Guideline, diags: &mut Diagnostics) {
        fields::guideline(g, diags);
        guideline(g, self.corpus, self.now, diags);
    }

    fn campaign(&self, x: &Campaign, diags: &mut Diagnostics) {
        fields::campaign(x, diags);
        share::check(x, self.corpus, self.now, diags);
        if let (Some(starts), Some(ends)) = (x.meta.starts, x.meta.ends) {
            if ends < starts {
                diags.push(
                    Diagnostic::error(
                        &x.source.path,
                        key_line(&x.source, "ends"),
                        format!(
                            "the campaign ends ({}) before it starts ({})",
                            ends.iso(),
                            starts.iso()
                        ),
                    )
                    .with_hint("check the year and the order of month and day"),
                );
            }
        }
    }
}

pub fn corpus(c: &Corpus, now: DateTime<FixedOffset>, diags: &mut Diagnostics) {
    let known = Known::new(c, now);
    // Every file is checked on its own, in parallel, and its problems kept
    // in file order.
    let each = |check: &dyn Fn(&mut Diagnostics)| {
        let mut found = Diagnostics::default();
        check(&mut found);
        found
    };
    let mut found: Vec<Diagnostics> = Vec::new();
    found.par_extend(
        known
            .bodies
            .par_iter()
            .map(|&body| each(&|d| d.extend(known.links(body)))),
    );
    found.par_extend(c.people.par_iter().map(|p| each(&|d| known.person(p, d))));
    found.par_extend(c.stories.par_iter().map(|s| each(&|d| known.story(s, d))));
    found.par_extend(
        c.guidelines
            .par_iter()
            .map(|g| each(&|d| known.guideline(g, d))),
    );
    found.par_extend(
        c.campaigns
            .par_iter()
            .map(|x| each(&|d| known.campaign(x, d))),
    );
    diags.extend(found.into_iter().flatten());
    fields::hub_logo(c, diags);
    duplicates_and_aliases(c, diags);
    featured::check(c, now, diags);
}

/// Private values in public text (errors), and what looks for them in the
/// public output. Separate from `corpus` so a build makes the search once.
pub fn private_values<'c>(
    c: &'c Corpus,
    now: DateTime<FixedOffset>,
    diags: &mut Diagnostics,
) -> crate::secrets::Watch<'c> {
    let texts = crate::secrets::public_words(c, now);
    let (watch, sightings) = crate::secrets::watch(c, now, &texts);
    private::in_public_text(&watch.secrets, &texts, &sightings, diags);
    watch
}

/// The checks of the one file at `path` against the rest of the site, for
/// `serve` to show an edit's problems at once: all of `corpus`'s but the
/// site-wide ones (duplicate addresses, aliases), which the whole-site
/// check after it adds.
pub fn file(c: &Corpus, path: &Path, now: DateTime<FixedOffset>, diags: &mut Diagnostics) {
    let known = Known::new(c, now);
    if let Some(&body) = known.bodies.iter().find(|(s, _)| s.path == path) {
        diags.extend(known.links(body));
    }
    if let Some(p) = c.people.iter().find(|p| p.source.path == path) {
        known.person(p, diags);
    }
    if let Some(s) = c.stories.iter().find(|s| s.source.path == path) {
        known.story(s, diags);
    }
    if let Some(g) = c.guidelines.iter().find(|g| g.source.path == path) {
        known.guideline(g, diags);
    }
    if let Some(x) = c.campaigns.iter().find(|x| x.source.path == path) {
        known.campaign(x, diags);
    }
}

/// A topic someone responds on that no profile lists is almost always a
/// typo, and it leaves the "who responds on what" matrix with a gap.
fn responds_on(p: &Person, topics: &HashSet<&str>, diags: &mut Diagnostics) {
    for topic in &p.meta.responds_on {
        if !topics.contains(topic.as_str()) {
            let mut known: Vec<&str> = topics.iter().copied().collect();
            known.sort_unstable();
            let (line, column) = value_position(&p.source, "responds_on", topic);
            diags.push(
                Diagnostic::warning(
                    &p.source.path,
                    line,
                    format!("`{topic}` in responds_on is not a topic on any profile"),
                )
                .at_column(column)
                .with_hint(did_you_mean(topic, known).unwrap_or_else(|| {
                    "add it to the `topics` of the people who know it, or check the spelling".into()
                })),
            );
        }
    }
}

fn person(p: &Person, c: &Corpus, now: DateTime<FixedOffset>, diags: &mut Diagnostics) {
    let file = &p.source.path;
    let m = &p.meta;
    match m.responding_level {
        Some(1..=3) => {}
        Some(level) => diags.push(
            Diagnostic::error(file, key_line(&p.source, "responding_level"), format!("`responding_level: {level}` is not a level"))
                .with_hint("use 1 (thank and share), 2 (answer on own topics) or 3 (handle complaints and media)"),
        ),
        // A partial file's level may have been the field in error.
        None if p.source.partial => {}
        None => diags.push(
            Diagnostic::warning(file, 1, format!("{} has no `responding_level`", m.name))
                .with_hint("every member of staff should have one: 1 (thank and share) is a good start"),
        ),
    }
    if let Some(photo) = &m.photo {
        static_reference(&p.source, "photo", photo, m.photo_alt.as_deref(), c, diags);
    }
    if let (Some(review), true) = (m.consent_review, m.public) {
        let days = (review.0 - now.date_naive()).num_days();
        let line = || key_line(&p.source, "consent_review");
        if days < 0 {
            diags.push(
                Diagnostic::warning(file, line(), format!("{}'s consent review date has passed, so their profile is off the public hub", m.name))
                    .with_hint("ask them to renew consent, then set a new `consent_review` date"),
            );
        } else if days <= CONSENT_WARNING_DAYS {
            diags.push(
                Diagnostic::warning(
                    file,
                    line(),
                    format!("{}'s consent review is due in {days} days", m.name),
                )
                .with_hint(
                    "after that date the profile leaves the public hub until consent is renewed",
                ),
            );
        }
    }
    if let Some(manager) = m.internal.get("manager").and_then(|v| v.as_str()) {
        if c.person(manager).is_none() && is_clean_slug(manager) {
            diags.push(
                Diagnostic::warning(
                    file,
                    key_line(&p.source, "manager"),
                    format!("manager `{manager}` has no profile"),
                )
                .with_hint_opt(did_you_mean(
                    manager,
                    c.people.iter().map(|p| p.slug.as_str()),
                )),
            );
        }
    }
}

fn story(s: &Story, c: &Corpus, diags: &mut Diagnostics) {
    let file = &s.source.path;
    for slug in &s.meta.people {
        diags.extend(unknown_person(&s.source, "people", slug, c));
    }
    if let Some(campaign) = &s.meta.campaign {
        if c.campaign(campaign).is_none()
            && !c
                .unreadable
                .contains(&Path::new("campaigns").join(format!("{campaign}.md")))
        {
            diags.push(
                Diagnostic::error(
                    file,
                    key_line(&s.source, "campaign"),
                    format!("no campaign has the slug `{campaign}`"),
                )
                .with_hint(
                    did_you_mean(
                        campaign,
                        known_slugs(c, "campaigns").iter().map(String::as_str),
                    )
                    .unwrap_or_else(|| {
                        "a campaign's slug is its file name in campaigns/, without .md".into()
                    }),
                ),
            );
        }
    }
    if let Some(image) = &s.meta.image {
        static_reference(
            &s.source,
            "image",
            image,
            s.meta.image_alt.as_deref(),
            c,
            diags,
        );
    }
}

/// `slug`, written under `key`, names nobody in people/ (a file that
/// failed to load still counts: its own error says why).
fn unknown_person(source: &Source, key: &str, slug: &str, c: &Corpus) -> Option<Diagnostic> {
    let known = c.person(slug).is_some()
        || c.unreadable
            .contains(&Path::new("people").join(format!("{slug}.md")));
    if known {
        return None;
    }
    let (line, column) = value_position(source, key, slug);
    Some(
        Diagnostic::error(
            &source.path,
            line,
            format!("no person has the slug `{slug}`"),
        )
        .at_column(column)
        .with_hint(
            did_you_mean(slug, known_slugs(c, "people").iter().map(String::as_str)).unwrap_or_else(
                || "a person's slug is their file name in people/, without .md".into(),
            ),
        ),
    )
}

/// A guideline's owner must be someone in people/, and its review must
/// not be more than a year old: staff trust a guideline someone keeps.
fn guideline(g: &Guideline, c: &Corpus, now: DateTime<FixedOffset>, diags: &mut Diagnostics) {
    let file = &g.source.path;
    if let Some(owner) = &g.meta.owner {
        diags.extend(unknown_person(&g.source, "owner", owner, c));
    }
    if let Some(reviewed) = g.meta.reviewed {
        let today = now.date_naive();
        let age = today.signed_duration_since(reviewed.0).num_days();
        if age > REVIEW_EVERY_DAYS {
            diags.push(
                Diagnostic::warning(
                    file,
                    key_line(&g.source, "reviewed"),
                    format!(
                        "this guideline was last reviewed on {}, over a year ago",
                        reviewed.display()
                    ),
                )
                .with_hint(format!(
                    "read it through{}, then set `reviewed: {}`",
                    g.meta
                        .owner
                        .as_ref()
                        .and_then(|o| c.person(o))
                        .map(|p| format!(" with {}", p.meta.name))
                        .unwrap_or_default(),
                    today.format("%Y-%m-%d")
                )),
            );
        }
    }
}

/// Slugs of every file in a folder, including files that failed to load,
/// so a typo's did-you-mean can still find them.
fn known_slugs(c: &Corpus, folder: &str) -> Vec<String> {
    let loaded: Vec<&Source> = match folder {
        "people" => c.people.iter().map(|p| &p.source).collect(),
        _ => c.campaigns.iter().map(|x| &x.source).collect(),
    };
    loaded
        .into_iter()
        .map(|s| s.path.as_path())
        .chain(
            c.unreadable
                .iter()
                .map(PathBuf::as_path)
                .filter(|p| p.starts_with(folder)),
        )
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect()
}

/// `photo:` and `image:` name a file under static/ and need alt text.
fn static_reference(
    source: &Source,
    key: &str,
    value: &str,
    alt: Option<&str>,
    c: &Corpus,
    diags: &mut Diagnostics,
) {
    // Worked out only for a problem: most photos are fine.
    let line = || key_line(source, key);
    if !c.static_files.contains(Path::new(value)) {
        // On a Mac or Windows disk the file would be found anyway; the
        // server the hub is built on tells capitals apart.
        let other_case = c
            .static_files
            .iter()
            .map(|f| routes::static_url(f))
            .find(|f| routes::static_key(f) == routes::static_key(value));
        let hint = match (
            other_case,
            value
                .strip_prefix("static/")
                .or_else(|| value.strip_prefix("../static/")),
        ) {
            (Some(real), _) => format!(
                "the file is called `{real}`: write `{key}: {real}`, with the same capitals"
            ),
            (None, Some(rest)) => format!("write the path inside static/, e.g. `{key}: {rest}`"),
            (None, None) => format!("put the file in static/{value}, or correct the path"),
        };
        diags.push(
            Diagnostic::error(
                &source.path,
                line(),
                format!("the {key} `{value}` is not in static/"),
            )
            .with_hint(hint),
        );
    }
    if alt.is_none_or(|a| a.trim().is_empty()) {
        diags.push(
            Diagnostic::warning(&source.path, line(), format!("the {key} has no alt text"))
                .with_hint(format!(
                    "add `{key}_alt:` describing the image for people who can't see it"
                )),
        );
    }
}

/// File line and column of a byte offset in a body.
fn position(source: &Source, offset: usize) -> (usize, usize) {
    // Offsets come from parsing this very body; one that is not on a
    // character boundary would be a bug, never a panic.
    let before = source.body.get(..offset).unwrap_or(&source.body);
    let line = source.body_line + before.matches('\n').count();
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The front-matter line that starts with `key:` (1 if not found).
pub(crate) fn key_line(source: &Source, key: &str) -> usize {
    find_line(source, |l| {
        l.trim_start()
            .strip_prefix(key)
            .is_some_and(|r| r.starts_with(':'))
    })
}

/// File line and column of `value` under `key` (in a list or after the
/// key), falling back to the key's line: a slug may also appear in a title
/// above it.
fn value_position(source: &Source, key: &str, value: &str) -> (usize, usize) {
    let lines = source.front_matter_lines();
    let start = key_line(source, key).saturating_sub(2);
    let probe: String = value.chars().take(40).collect();
    lines
        .iter()
        .enumerate()
        .skip(start)
        .find_map(|(i, l)| {
            let at = l.find(probe.as_str())?;
            Some((i + 2, l[..at].chars().count() + 1))
        })
        .unwrap_or((start + 2, 1))
}

/// File line and column of the `index`-th item of the block list under
/// `key`, when that item starts with `value`; else as `value_position`.
/// Share texts are often alike (one may begin another), so the item's
/// place in the list says which line it is, not its words.
fn item_position(source: &Source, key: &str, index: usize, value: &str) -> (usize, usize) {
    let lines = source.front_matter_lines();
    let key_at = key_line(source, key).saturating_sub(2);
    let probe: String = value.chars().take(40).collect();
    let item = lines
        .iter()
        .enumerate()
        .skip(key_at + 1)
        .take_while(|(_, l)| l.starts_with([' ', '\t', '-']) || l.trim().is_empty())
        .filter(|(_, l)| l.trim_start().starts_with("- "))
        .nth(index);
    item.and_then(|(i, l)| {
        let at = l.find(probe.as_str())?;
        Some((i + 2, l[..at].chars().count() + 1))
    })
    .unwrap_or_else(|| value_position(source, key, value))
}

fn find_line(source: &Source, matches: impl Fn(&str) -> bool) -> usize {
    source
        .front_matter_lines()
        .iter()
        .position(|l| matches(l))
        .map_or(1, |i| i + 2)
}

fn duplicates_and_aliases(c: &Corpus, diags: &mut Diagnostics) {
    let mut stories: HashMap<&str, &Path> = HashMap::new();
    for s in &c.stories {
        if let Some(first) = stories.insert(s.slug.as_str(), &s.source.path) {
            diags.push(
                Diagnostic::error(
                    &s.source.path,
                    0,
                    format!(
                        "another story already has the address /stories/{}/: {}",
                        s.slug,
                        first.display()
                    ),
                )
                .with_hint("give one of the files a different name after its date"),
            );
        }
    }
    aliases(c, diags);
}

/// Aliases are old addresses: each must be a clean slug and must not take
/// an address a page or another alias already has.
fn aliases(c: &Corpus, diags: &mut Diagnostics) {
    let mut claimed: HashMap<String, PathBuf> = HashMap::new();
    for p in &c.people {
        claimed.insert(
            routes::person(&p.slug).url().to_string(),
            p.source.path.clone(),
        );
    }
    for s in &c.stories {
        claimed
            .entry(routes::story(&s.slug).url().to_string())
            .or_insert_with(|| s.source.path.clone());
    }
    let aliases = c
        .people
        .iter()
        .flat_map(|p| {
            p.meta.aliases.iter().map(move |a| {
                (
                    &p.source,
                    a,
                    routes::person_alias as fn(&str) -> routes::Route,
                )
            })
        })
        .chain(c.stories.iter().flat_map(|s| {
            s.meta.aliases.iter().map(move |a| {
                (
                    &s.source,
                    a,
                    routes::story_alias as fn(&str) -> routes::Route,
                )
            })
        }));
    for (source, alias, route) in aliases {
        let (line, column) = value_position(source, "aliases", alias);
        if !is_clean_slug(alias) {
            diags.push(
                Diagnostic::error(
                    &source.path,
                    line,
                    format!("the alias `{alias}` can't be used in a web address"),
                )
                .at_column(column)
                .with_hint(format!(
                    "an alias is an old slug: lowercase letters, digits and dashes, e.g. `{}`",
                    slugify(alias)
                )),
            );
            continue;
        }
        let url = route(alias).url().to_string();
        if let Some(owner) = claimed.get(&url) {
            diags.push(
                Diagnostic::error(
                    &source.path,
                    line,
                    format!(
                        "the alias `{alias}` clashes with /{url}, already used by {}",
                        owner.display()
                    ),
                )
                .at_column(column)
                .with_hint("remove the alias or choose another old address"),
            );
        } else {
            claimed.insert(url, source.path.clone());
        }
    }
}
