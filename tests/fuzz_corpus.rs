//! The fuzz corpora (fuzz/corpus/), replayed: every input the fuzzers
//! kept, through the same code and the same promises as the fuzz targets,
//! so a change that breaks one fails `cargo test` without a fuzzer.

use convene::highlight::Highlighter;
use convene::one_file;
use convene::theme::Theme;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

fn inputs(corpus: &str) -> Vec<(PathBuf, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(corpus);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .filter_map(|path| {
            let text = String::from_utf8(std::fs::read(&path).ok()?).ok()?;
            Some((path, text))
        })
        .collect()
}

fn now() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::parse_from_rfc3339("2026-11-26T12:00:00Z").unwrap()
}

#[test]
fn every_saved_content_input_gets_answers_not_a_panic() {
    let inputs = inputs("content");
    assert!(inputs.len() > 1000, "only {} inputs", inputs.len());
    let highlighter = Highlighter::default();
    inputs.par_iter().for_each(|(path, text)| {
        let diags = one_file::check(text, now(), &highlighter);
        assert!(
            diags.iter().all(|d| !d.message.is_empty()),
            "{}",
            path.display()
        );
    });
}

#[test]
fn every_saved_site_input_keeps_the_hub_free_of_private_values_and_script() {
    let inputs = inputs("site");
    assert!(inputs.len() > 100, "only {} inputs", inputs.len());
    let theme = Theme::load(Path::new("/nonexistent-site"), "default").unwrap();
    let highlighter = Highlighter::default();
    inputs.par_iter().for_each(|(path, text)| {
        let (diags, public) = one_file::site(text, now(), &theme, &highlighter);
        let broken = one_file::broken_promises(&diags, &public);
        assert!(broken.is_empty(), "{}: {broken:#?}", path.display());
    });
}
