//! Each input is looked at once (issue #17): a build parses every Markdown
//! body once and reads every static picture's header once, however many
//! sites and languages it renders them into, and nothing outside the
//! survey parses Markdown at all.

use convene::survey::{body, picture};
use std::path::{Path, PathBuf};

/// Files under `dir`, relative to it.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return found;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(files(&path));
        } else {
            found.push(path);
        }
    }
    found
}

fn copy(from: &Path, to: &Path) {
    for file in files(from) {
        let dest = to.join(file.strip_prefix(from).unwrap());
        std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
        std::fs::copy(&file, dest).unwrap();
    }
}

/// The only test in this file that builds: the counters are the process's.
#[test]
fn a_build_parses_each_body_once_and_reads_each_picture_header_once() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    // Two languages and both sites: each body is written four times.
    copy(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("content-example"),
        &site,
    );
    let bodies = ["people", "stories", "guidelines", "campaigns"]
        .iter()
        .flat_map(|folder| files(&site.join(folder)))
        .filter(|f| f.extension().is_some_and(|e| e == "md"))
        .count();
    let pictures = files(&site.join("static")).len();
    assert!(
        bodies > 30 && pictures > 3,
        "{bodies} bodies, {pictures} files"
    );

    let now = chrono::DateTime::parse_from_rfc3339("2026-11-26T12:00:00Z").unwrap();
    let mut opts = convene::Options::new(&site, tmp.path().join("out"), now);
    // Without images, story pages size their pictures from the survey.
    opts.images = false;
    let (parses, reads) = (body::parses(), picture::reads());
    let report = convene::build(&opts).unwrap();
    assert!(report.written.is_some(), "{:?}", report.diagnostics);
    assert_eq!(body::parses() - parses, bodies, "bodies parsed");
    assert_eq!(picture::reads() - reads, pictures, "picture headers read");

    // With images, photos are checked, planned and resized from the same
    // reading of their headers.
    opts.images = true;
    opts.out = tmp.path().join("out-images");
    let (parses, reads) = (body::parses(), picture::reads());
    let report = convene::build(&opts).unwrap();
    assert!(report.written.is_some(), "{:?}", report.diagnostics);
    assert_eq!(body::parses() - parses, bodies, "bodies parsed");
    assert_eq!(picture::reads() - reads, pictures, "picture headers read");
    let resized = files(&tmp.path().join("out-images/public/processed_images"));
    assert!(
        resized
            .iter()
            .any(|f| f.to_string_lossy().ends_with(".jpg")),
        "no resized photos: {resized:?}"
    );

    // The sizes a page shows are the header's.
    let (w, h) = {
        let size = imagesize::size(site.join("static/images/river.jpg")).unwrap();
        (size.width, size.height)
    };
    let page = std::fs::read_to_string(
        tmp.path()
            .join("out/public/stories/otter-survey/index.html"),
    )
    .unwrap();
    assert!(
        page.contains(&format!("width=\"{w}\" height=\"{h}\"")),
        "no {w}x{h} in the story page"
    );
}

/// Markdown is parsed in `survey::body` and nowhere else in the code.
#[test]
fn no_markdown_is_parsed_outside_the_survey() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let parsing: Vec<PathBuf> = files(&src)
        .into_iter()
        .filter(|f| {
            let text = std::fs::read_to_string(f).unwrap_or_default();
            text.contains("Parser::new") || text.contains("pulldown_cmark::Parser")
        })
        .map(|f| f.strip_prefix(&src).unwrap().to_path_buf())
        .collect();
    assert_eq!(parsing, [PathBuf::from("survey/body.rs")]);
}
