//! Any text, cut at `====` lines into a person, a story, a guideline, a
//! campaign and hub.yaml, built with companions that hold private values
//! (`one_file::PLANTED`), through the whole pipeline in memory. Whatever
//! it says, convene must answer with diagnostics, never panic; and when it
//! finds no error, the public hub holds nothing private and runs no script
//! of the content's (`one_file::broken_promises`).

#![no_main]

use convene::one_file::{broken_promises, site};
use convene::render::highlight::Highlighter;
use convene::theme::Theme;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn tools() -> &'static (Theme, Highlighter) {
    static TOOLS: OnceLock<(Theme, Highlighter)> = OnceLock::new();
    TOOLS.get_or_init(|| {
        let theme = Theme::load(std::path::Path::new("/nonexistent-site"), "default").unwrap();
        (theme, Highlighter::default())
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-26T12:00:00Z").unwrap();
    let (theme, highlighter) = tools();
    let (diags, public) = site(text, now, theme, highlighter);
    for d in diags.iter() {
        assert!(!d.message.is_empty());
    }
    let broken = broken_promises(&diags, &public);
    assert!(broken.is_empty(), "{broken:#?}");
});
