//! Cross-file checks once everything is loaded: references, duplicates,
//! links, photos. Every problem is collected; nothing stops at the first.

use crate::audience::{person_is_public, story_is_public};
use crate::diagnostics::{did_you_mean, Diagnostic, Diagnostics};
use crate::model::*;
use crate::render::markdown;
use crate::routes::{self, Target};
use chrono::{DateTime, FixedOffset};
use pulldown_cmark::{Event, Parser, Tag};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Warn this many days before a consent review falls due.
const CONSENT_WARNING_DAYS: i64 = 30;

pub fn corpus(c: &Corpus, now: DateTime<FixedOffset>, diags: &mut Diagnostics) {
    let content: HashSet<&Path> = c
        .people
        .iter()
        .map(|p| p.source.path.as_path())
        .chain(c.stories.iter().map(|s| s.source.path.as_path()))
        .chain(c.guidelines.iter().map(|g| g.source.path.as_path()))
        .chain(c.campaigns.iter().map(|x| x.source.path.as_path()))
        .chain(c.unreadable.iter().map(PathBuf::as_path))
        .collect();
    let public_pages: HashSet<&Path> = c
        .people
        .iter()
        .filter(|p| person_is_public(p, now))
        .map(|p| p.source.path.as_path())
        .chain(
            c.stories
                .iter()
                .filter(|s| story_is_public(s, now))
                .map(|s| s.source.path.as_path()),
        )
        .chain(
            c.guidelines
                .iter()
                .filter(|g| g.meta.audience == GuidelineAudience::Public)
                .map(|g| g.source.path.as_path()),
        )
        .chain(c.campaigns.iter().map(|x| x.source.path.as_path()))
        .collect();

    // Bodies: which pages are public decides whether a link to an internal
    // page is worth a warning.
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
    let found: Vec<Vec<Diagnostic>> = bodies
        .par_iter()
        .map(|(source, is_public)| {
            links(source, *is_public, &content, &public_pages, &c.static_files)
        })
        .collect();
    diags.extend(found.into_iter().flatten());

    for p in &c.people {
        person(p, c, now, diags);
    }
    for s in &c.stories {
        story(s, c, diags);
    }
    for x in &c.campaigns {
        for text in &x.meta.share {
            if !text.contains("{link}") {
                diags.push(
                    Diagnostic::warning(
                        &x.source.path,
                        line_of(&x.source, text),
                        "this share text has no `{link}`",
                    )
                    .with_hint("add {link} where the campaign's address should go"),
                );
            }
        }
    }
    duplicates_and_aliases(c, diags);
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
        let line = key_line(&p.source, "consent_review");
        if days < 0 {
            diags.push(
                Diagnostic::warning(file, line, format!("{}'s consent review date has passed, so their profile is off the public hub", m.name))
                    .with_hint("ask them to renew consent, then set a new `consent_review` date"),
            );
        } else if days <= CONSENT_WARNING_DAYS {
            diags.push(
                Diagnostic::warning(
                    file,
                    line,
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
        if c.person(slug).is_none()
            && !c
                .unreadable
                .contains(&Path::new("people").join(format!("{slug}.md")))
        {
            diags.push(
                Diagnostic::error(
                    file,
                    line_of(&s.source, slug),
                    format!("no person has the slug `{slug}`"),
                )
                .with_hint(
                    did_you_mean(slug, known_slugs(c, "people").iter().map(String::as_str))
                        .unwrap_or_else(|| {
                            "a person's slug is their file name in people/, without .md".into()
                        }),
                ),
            );
        }
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
    let line = key_line(source, key);
    if !c.static_files.contains(Path::new(value)) {
        let hint = match value
            .strip_prefix("static/")
            .or_else(|| value.strip_prefix("../static/"))
        {
            Some(rest) => format!("write the path inside static/, e.g. `{key}: {rest}`"),
            None => format!("put the file in static/{value}, or correct the path"),
        };
        diags.push(
            Diagnostic::error(
                &source.path,
                line,
                format!("the {key} `{value}` is not in static/"),
            )
            .with_hint(hint),
        );
    }
    if alt.is_none_or(|a| a.trim().is_empty()) {
        diags.push(
            Diagnostic::warning(&source.path, line, format!("the {key} has no alt text"))
                .with_hint(format!(
                    "add `{key}_alt:` describing the image for people who can't see it"
                )),
        );
    }
}

fn links(
    source: &Source,
    is_public: bool,
    content: &HashSet<&Path>,
    public_pages: &HashSet<&Path>,
    statics: &std::collections::BTreeSet<PathBuf>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (event, range) in Parser::new_ext(&source.body, markdown::options()).into_offset_iter() {
        let (dest, is_image, alt_missing) = match &event {
            Event::Start(Tag::Link { dest_url, .. }) => (dest_url, false, false),
            Event::Start(Tag::Image { dest_url, .. }) => {
                let text = &source.body[range.clone()];
                (dest_url, true, text.starts_with("![]"))
            }
            _ => continue,
        };
        let (line, column) = position(source, range.start);
        let at = |d: Diagnostic| d.at_column(column);
        if alt_missing {
            out.push(at(Diagnostic::warning(
                &source.path,
                line,
                "this image has no alt text",
            )
            .with_hint(
                "describe the image between the brackets: ![a volunteer planting reeds](...)",
            )));
        }
        let scheme = dest
            .split(':')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        if dest.contains(':') && ["javascript", "data", "vbscript"].contains(&scheme.as_str()) {
            out.push(at(Diagnostic::error(
                &source.path,
                line,
                format!("`{scheme}:` links are not allowed"),
            )
            .with_hint(
                "link to a web page (https://...) or another Markdown file instead",
            )));
            continue;
        }
        match routes::classify(&source.path, dest) {
            Target::External | Target::SamePage => {}
            Target::Content { path, .. } if content.contains(path.as_path()) => {
                if is_public && !public_pages.contains(path.as_path()) {
                    out.push(at(Diagnostic::warning(&source.path, line, format!("this public page links to {}, which is not on the public hub", path.display()))
                        .with_hint("the link is shown as plain text on the public hub; it still works in the playbook")));
                }
            }
            Target::Static(file) if statics.contains(&file) => {}
            Target::Content { path, .. } | Target::Elsewhere(path) => {
                out.push(at(broken(&source.path, line, dest, &path, is_image)));
            }
            Target::Static(file) => {
                out.push(at(broken(
                    &source.path,
                    line,
                    dest,
                    &Path::new("static").join(file),
                    is_image,
                )));
            }
        }
    }
    out
}

fn broken(file: &Path, line: usize, dest: &str, resolved: &Path, is_image: bool) -> Diagnostic {
    let what = if is_image { "image" } else { "link" };
    Diagnostic::error(file, line, format!("this {what} points nowhere: `{dest}`"))
        .with_hint(format!("convene looked for {} in the site folder; links are relative to this file, e.g. ../people/amara-okafor.md", resolved.display()))
}

/// File line and column of a byte offset in a body.
fn position(source: &Source, offset: usize) -> (usize, usize) {
    let before = &source.body[..offset.min(source.body.len())];
    let line = source.body_line + before.matches('\n').count();
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The front-matter line that starts with `key:` (1 if not found).
fn key_line(source: &Source, key: &str) -> usize {
    find_line(source, |l| {
        l.trim_start()
            .strip_prefix(key)
            .is_some_and(|r| r.starts_with(':'))
    })
}

/// The first front-matter line that mentions `text`.
fn line_of(source: &Source, text: &str) -> usize {
    find_line(source, |l| l.contains(text))
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
        let line = line_of(source, alias);
        if !is_clean_slug(alias) {
            diags.push(
                Diagnostic::error(
                    &source.path,
                    line,
                    format!("the alias `{alias}` can't be used in a web address"),
                )
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
                .with_hint("remove the alias or choose another old address"),
            );
        } else {
            claimed.insert(url, source.path.clone());
        }
    }
}
