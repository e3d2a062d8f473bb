//! Any bytes, read as a content file (front matter + Markdown + links) of
//! every kind and as hub.yaml: convene must answer with diagnostics, never
//! panic, and never resolve a link to a path outside the site.

#![no_main]

use convene::render::highlight::Highlighter;
use convene::routes::{classify, Target};
use libfuzzer_sys::fuzz_target;
use std::path::{Component, Path};
use std::sync::OnceLock;

fn highlighter() -> &'static Highlighter {
    static HIGHLIGHTER: OnceLock<Highlighter> = OnceLock::new();
    HIGHLIGHTER.get_or_init(Highlighter::default)
}

fn stays_inside(path: &Path) -> bool {
    path.components().all(|c| matches!(c, Component::Normal(_)))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-26T12:00:00Z").unwrap();
    let diags = convene::one_file::check(text, now, highlighter());
    for d in diags.iter() {
        assert!(!d.message.is_empty());
    }
    // Every line is also tried as a link destination from a story.
    for dest in text.lines().take(64) {
        match classify(Path::new("stories/2026-01-05-river-day.md"), dest) {
            Target::Content { path, .. } | Target::Static(path) => {
                assert!(stays_inside(&path), "{dest:?} -> {path:?}")
            }
            _ => {}
        }
    }
});
