//! Check one file's text on its own, read as every kind of content and as
//! hub.yaml, with its links resolved and its body rendered. The fuzz target
//! drives this: whatever a comms officer types, convene must answer with
//! diagnostics, never a panic.

use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::item_from_text;
use crate::model::*;
use crate::render::highlight::Highlighter;
use crate::render::markdown;
use crate::routes::LinkIndex;
use chrono::{DateTime, FixedOffset};
use std::collections::HashSet;
use std::path::Path;

/// Everything convene says about `text` as a person, a story, a guideline,
/// a campaign and a hub.yaml, each in a one-file site.
pub fn check(text: &str, now: DateTime<FixedOffset>, highlighter: &Highlighter) -> Diagnostics {
    let mut found: Vec<Diagnostic> = Vec::new();
    let config = SiteConfig::parse(text, &mut found);
    let mut corpus = Corpus {
        config,
        ..Corpus::default()
    };
    let mut bodies = Vec::new();
    if let Some((slug, meta, source)) =
        item_from_text(text, Path::new("people/amara-okafor.md"), &mut found)
    {
        bodies.push(source.clone());
        corpus.people.push(Person {
            slug: PersonSlug::new(slug),
            meta,
            source,
        });
    }
    let story = Path::new("stories/2026-01-05-river-day.md");
    if let Some((_, meta, source)) = item_from_text(text, story, &mut found) {
        bodies.push(source.clone());
        corpus.stories.push(Story {
            slug: StorySlug::new("river-day"),
            meta,
            source,
        });
    }
    if let Some((slug, meta, source)) =
        item_from_text(text, Path::new("guidelines/tone.md"), &mut found)
    {
        bodies.push(source.clone());
        corpus.guidelines.push(Guideline {
            slug: GuidelineSlug::new(slug),
            meta,
            source,
        });
    }
    if let Some((slug, meta, source)) =
        item_from_text(text, Path::new("campaigns/clean-rivers.md"), &mut found)
    {
        bodies.push(source.clone());
        corpus.campaigns.push(Campaign {
            slug: CampaignSlug::new(slug),
            meta,
            source,
        });
    }
    let mut diags = Diagnostics::default();
    diags.extend(found);
    crate::validate::corpus(&corpus, now, &mut diags);
    crate::validate::private_values(&corpus, now, &mut diags);
    let links = LinkIndex::default();
    let statics = HashSet::new();
    let sanitiser = crate::html::Sanitiser::default();
    let cx = markdown::Context {
        links: &links,
        static_files: &statics,
        highlighter,
        root: "../../",
        sanitiser: Some(&sanitiser),
    };
    for source in &bodies {
        markdown::to_html(&source.body, &source.path, &cx);
    }
    diags.sort();
    diags
}
