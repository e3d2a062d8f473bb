//! Which files under static/ a Markdown body points at, worked out when
//! the body is surveyed: the public hub withholds a file that only private
//! pages use, so it must know every way a body can name one.

use crate::html;
use crate::routes::{self, Target};
use std::path::Path;

/// The static files (canonical, see `routes::static_file`) that a body,
/// read from the file at `from`, links to or shows: its Markdown links'
/// and images' `dests`, and the addresses in its `raw` HTML (each block
/// on lines of its own), which convene does not rewrite. Sorted, without
/// repeats.
pub fn in_body<'d>(from: &Path, dests: impl Iterator<Item = &'d str>, raw: &str) -> Vec<String> {
    let mut found: Vec<String> = dests
        .filter_map(|dest| match routes::classify(from, dest) {
            Target::Static(file) => Some(routes::static_url(&file)),
            _ => None,
        })
        .collect();
    if !raw.is_empty() {
        found.extend(
            html::addresses(&html::scan(raw))
                .into_iter()
                .flat_map(|(_, url)| raw_html_candidates(from, url)),
        );
    }
    found.sort();
    found.dedup();
    found
}

/// Raw HTML is published as written, so its addresses are read by the
/// browser from the page's own address, not the source file's. Every
/// static file it could reach is counted: as a link between source files
/// (`../static/a.pdf`), and from the site root, whatever the page's depth
/// (`/a.pdf`, `../../a.pdf`). Counting too many only withholds more.
fn raw_html_candidates(from: &Path, url: &str) -> Vec<String> {
    let mut out = Vec::new();
    if let Target::Static(file) = routes::classify(from, url) {
        out.push(routes::static_url(&file));
    }
    if routes::forbidden_scheme(url).is_some() || url.contains("://") || url.starts_with("//") {
        return out;
    }
    let path = url.split(['?', '#']).next().unwrap_or("");
    let from_root = path
        .trim_start_matches(['/', '\\'])
        .split(['/', '\\'])
        .skip_while(|part| matches!(*part, "" | "." | ".."))
        .collect::<Vec<_>>()
        .join("/");
    out.extend(routes::static_file(&routes::percent_decode(&from_root)));
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    fn in_body(from: &Path, body: &str) -> Vec<String> {
        crate::survey::Text::new(from, body.to_string())
            .record()
            .static_files
            .clone()
    }

    #[test]
    fn every_way_a_body_names_a_static_file() {
        let from = Path::new("stories/2026-01-05-a.md");
        let body = "![A](../static/photos//a.jpg)\n\n[Report](..\\static\\docs\\report.pdf)\n\n\
            [Ref][r]\n\n[r]: ../static/docs/ref.pdf\n\n<img src=\"/photos/raw.jpg\">\n\n\
            Inline <a href=\"../../docs/inline.pdf\">pdf</a>.\n\n[Web](https://example.org/static/x.jpg)\n";
        assert_eq!(
            in_body(from, body),
            [
                "docs/inline.pdf",
                "docs/ref.pdf",
                "docs/report.pdf",
                "photos/a.jpg",
                "photos/raw.jpg"
            ]
        );
        assert!(in_body(from, "Just words, and [a person](../people/a.md).").is_empty());
    }
}
