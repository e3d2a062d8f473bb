//! Any text, cut at `====` lines into a person, a story, a guideline, a
//! campaign and hub.yaml, built with companions that hold private values
//! (`one_file::PLANTED`), through the whole pipeline in memory. Whatever
//! it says, convene must answer with diagnostics, never panic; and when it
//! finds no error, the public hub holds nothing private and runs no script
//! of the content's.

#![no_main]

use convene::one_file::{site, PLANTED};
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

/// The hub's own scripts: its assets, its data files and JSON-LD.
fn is_own_script(after: &str) -> bool {
    if after.starts_with(" type=\"application/ld+json\">") {
        return true;
    }
    let Some(rest) = after.strip_prefix(" src=\"") else {
        return false;
    };
    let src = rest.split('"').next().unwrap_or("").trim_start_matches("../");
    ["assets/", "people/directory.js", "search/index.js"]
        .iter()
        .any(|own| src.starts_with(own))
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
    if diags.has_errors() {
        return;
    }
    for file in &public {
        let text = String::from_utf8_lossy(&file.bytes);
        assert!(!text.contains(PLANTED), "{} shows a private value", file.path.display());
        if file.path.extension().is_some_and(|e| e == "html") {
            for (at, _) in text.match_indices("<script") {
                let after = &text[at + "<script".len()..];
                let shown: String = after.chars().take(80).collect();
                assert!(is_own_script(after), "{} runs a script: {shown}", file.path.display());
            }
        }
    }
});
