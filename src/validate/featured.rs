//! hub.yaml's `featured:` names people and stories by slug. A slug that
//! names nothing is an error (a typo would silently feature no one); one
//! that names someone or something not on the public hub is a warning,
//! because the home page simply leaves them out, and the comms team should
//! know their pick is not showing.

use crate::audience::{person_is_public, story_is_public};
use crate::diagnostics::{did_you_mean, Diagnostic, Diagnostics};
use crate::model::Corpus;
use chrono::{DateTime, FixedOffset};
use std::path::Path;

pub(super) fn check(c: &Corpus, now: DateTime<FixedOffset>, diags: &mut Diagnostics) {
    let featured = &c.config.featured;
    let hub = Path::new("hub.yaml");
    let at = |places: &[(usize, usize)], i: usize| places.get(i).copied().unwrap_or((1, 1));
    for (i, slug) in featured.people.iter().enumerate() {
        let (line, column) = at(&featured.people_at, i);
        let problem = match c.person(slug) {
            Some(p) if person_is_public(p, now) => continue,
            // Named by slug, as other checks name someone off the hub.
            Some(_) => Diagnostic::warning(
                hub,
                line,
                format!("people/{slug}.md is featured, but is not on the public hub, so the home page leaves them out"),
            )
            .with_hint("a profile is on the hub only with `public: true` (their consent) and no `consent_review` date passed; until then, take them out of `featured:`"),
            None if unreadable(c, "people", slug) => continue,
            None => Diagnostic::error(hub, line, format!("no person has the slug `{slug}`"))
                .with_hint(
                    did_you_mean(slug, c.people.iter().map(|p| p.slug.as_str()))
                        .unwrap_or_else(|| {
                            "a person's slug is their file name in people/, without .md".into()
                        }),
                ),
        };
        diags.push(problem.at_column(column));
    }
    for (i, slug) in featured.stories.iter().enumerate() {
        let (line, column) = at(&featured.stories_at, i);
        let story = c.stories.iter().find(|s| s.slug.as_str() == slug);
        let problem = match story {
            Some(s) if story_is_public(s, now) => continue,
            Some(s) => Diagnostic::warning(
                hub,
                line,
                format!(
                    "the story {} is featured, but is not on the public hub, so the home page leaves it out",
                    s.source.path.to_string_lossy().replace('\\', "/")
                ),
            )
            .with_hint("a story is on the hub once it is not a draft, not `audience: internal` and past its `publish_after`; until then the home page shows the newest stories in its place"),
            None if unreadable(c, "stories", slug) => continue,
            None => Diagnostic::error(hub, line, format!("no story has the slug `{slug}`"))
                .with_hint(
                    did_you_mean(slug, c.stories.iter().map(|s| s.slug.as_str()))
                        .unwrap_or_else(|| {
                            "a story's slug is its file name in stories/ without the date and .md: `2026-03-01-river-day.md` is `river-day`".into()
                        }),
                ),
        };
        diags.push(problem.at_column(column));
    }
}

/// A file for `slug` exists in `folder` but could not be read: its own
/// error says why, and the slug is not wrong.
fn unreadable(c: &Corpus, folder: &str, slug: &str) -> bool {
    c.unreadable.iter().any(|p| {
        p.starts_with(folder)
            && p.file_stem()
                .and_then(|s| s.to_str())
                .is_some_and(|stem| stem == slug || stem.get(11..) == Some(slug))
    })
}
