//! Check one file's text on its own, read as every kind of content and as
//! hub.yaml, with its links resolved and its body rendered. The fuzz target
//! drives this: whatever a comms officer types, convene must answer with
//! diagnostics, never a panic.

use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::highlight::Highlighter;
use crate::load::item_at;
use crate::model::*;
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
    for path in [
        "people/amara-okafor.md",
        "stories/2026-01-05-river-day.md",
        "guidelines/tone.md",
        "campaigns/clean-rivers.md",
    ] {
        if let Some(item) = item_at(text, Path::new(path), &mut found) {
            bodies.push(item.source().clone());
            corpus.put(item);
        }
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
        site_root: "../../",
        sanitiser: Some(&sanitiser),
        hub_url: corpus.config.public_base(),
    };
    for source in &bodies {
        markdown::to_html(source.body.record(), &source.path, &cx);
    }
    diags.sort();
    diags
}

/// What `site` planted as private: no file of the public hub may show it
/// unless the site is refused.
pub const PLANTED: &str = "FUZZ-PRIVATE-7d1c";

/// The companions every fuzzed site gets: a hub, a public person with
/// private details, a private person, a public story naming both.
const COMPANIONS: &[(&str, &str)] = &[
    ("hub.yaml", "title: Fuzz Hub\nbase_url: https://hub.example\norganisation: {name: Fuzz Trust}\nshare: {networks: [x, bluesky, mastodon, linkedin, email]}\n"),
    ("people/amara-okafor.md", "---\nname: Amara Okafor\nrole: Lead\npublic: true\nresponding_level: 2\ntopics: [rivers]\nlinks: {bluesky: \"https://bsky.app/profile/amara.example\"}\ninternal:\n  phone: \"FUZZ-PRIVATE-7d1c phone\"\n  notes:\n    - \"FUZZ-PRIVATE-7d1c note\"\n---\n\nAmara works on [rivers](../stories/2026-01-05-river-day.md).\n"),
    ("people/joss-reid.md", "---\nname: Joss FUZZ-PRIVATE-7d1c Reid\nresponding_level: 1\n---\n\nJoss FUZZ-PRIVATE-7d1c bio.\n"),
    ("stories/2026-01-04-seed.md", "---\ntitle: Seed story\ndate: 2026-01-04\npeople: [amara-okafor, joss-reid]\nstaff_notes: \"FUZZ-PRIVATE-7d1c notes\"\n---\n\nWith [Joss](../people/joss-reid.md) and [Amara](../people/amara-okafor.md).\n"),
];

/// Where each part of a fuzzed site goes: the input is cut at lines of
/// `====` into a person, a story, a guideline, a campaign and hub.yaml.
const PARTS: &[&str] = &[
    "people/fuzz-person.md",
    "stories/2026-01-05-river-day.md",
    "guidelines/tone.md",
    "campaigns/clean-rivers.md",
    "hub.yaml",
];

/// A small site made of `text` (see `PARTS`) and the `COMPANIONS`, run
/// through the whole pipeline in memory: load, validate, look for private
/// values, select both audiences, render both sites and scan the public
/// one. Returns the diagnostics and the public hub's files.
pub fn site(
    text: &str,
    now: DateTime<FixedOffset>,
    theme: &crate::theme::Theme,
    highlighter: &Highlighter,
) -> (Diagnostics, Vec<crate::output::OutputFile>) {
    let mut files: Vec<(&str, &str)> = COMPANIONS.to_vec();
    for (part, path) in text.split("\n====\n").zip(PARTS) {
        files.retain(|(p, _)| p != path);
        files.push((path, part));
    }
    let mut found: Vec<Diagnostic> = Vec::new();
    let mut corpus = Corpus::default();
    for (path, text) in files {
        let rel = Path::new(path);
        if path == "hub.yaml" {
            corpus.config = SiteConfig::parse(text, &mut found);
            continue;
        }
        if let Some(item) = item_at(text, rel, &mut found) {
            corpus.put(item);
        }
    }
    let mut diags = Diagnostics::default();
    diags.extend(found);
    crate::validate::corpus(&corpus, now, &mut diags);
    crate::taxonomy::check(&corpus, &mut diags);
    let watch = crate::validate::private_values(&corpus, now, &mut diags);
    let guard = watch.guard();
    let images = crate::images::Images::default();
    let tools = crate::render::Tools {
        theme,
        highlighter,
        images: &images,
    };
    let public = std::sync::Mutex::new(Vec::new());
    for audience in [Audience::Public, Audience::Playbook] {
        let view = crate::audience::select(&corpus, audience, now);
        let rendered = crate::render::site(&view, &tools, crate::render::Scope::All, &|f| {
            if audience == Audience::Public && guard.inspect(&f.path, &f.bytes) {
                public
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push(f.clone());
            }
            Ok(())
        });
        if let Err(e) = rendered {
            diags.push(Diagnostic::error("templates", 0, e.to_string()));
        }
    }
    diags.extend(guard.found());
    diags.sort();
    (
        diags,
        public.into_inner().unwrap_or_else(|e| e.into_inner()),
    )
}

/// What must hold of a site `site` built: when it found no error, no
/// public file shows what was planted, and no public page runs a script
/// but the hub's own (its assets, its data files, JSON-LD). Returns what
/// does not hold, for the fuzz target and the corpus replay to report.
pub fn broken_promises(diags: &Diagnostics, public: &[crate::output::OutputFile]) -> Vec<String> {
    let mut broken = Vec::new();
    if diags.has_errors() {
        return broken;
    }
    for file in public {
        let text = String::from_utf8_lossy(&file.bytes);
        if text.contains(PLANTED) {
            broken.push(format!("{} shows a private value", file.path.display()));
        }
        if file.path.extension().is_some_and(|e| e == "html") {
            for (at, _) in text.match_indices("<script") {
                let after = &text[at + "<script".len()..];
                if !is_own_script(after) {
                    let shown: String = after.chars().take(80).collect();
                    broken.push(format!("{} runs a script: {shown}", file.path.display()));
                }
            }
        }
    }
    broken
}

/// The hub's own scripts: its assets, its data files and JSON-LD.
fn is_own_script(after: &str) -> bool {
    if after.starts_with(" type=\"application/ld+json\">") {
        return true;
    }
    let Some(rest) = after.strip_prefix(" src=\"") else {
        return false;
    };
    let src = rest
        .split('"')
        .next()
        .unwrap_or("")
        .trim_start_matches("../");
    ["assets/", "people/directory.js", "search/index.js"]
        .iter()
        .any(|own| src.starts_with(own))
}
