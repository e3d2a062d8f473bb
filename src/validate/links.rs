//! Links and images in Markdown bodies: each must point at a file in the
//! site, at a heading that exists, and never run script. Raw HTML is read
//! too: its addresses follow the same scheme rules, and on public pages
//! what the sanitiser will remove is pointed out.

use super::position;
use crate::diagnostics::{did_you_mean, Diagnostic};
use crate::html;
use crate::model::{slugify, Source};
use crate::render::markdown;
use crate::routes::{self, Target};
use crate::survey::body::{Heading, Mark};
use crate::survey::people;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// What every body's links are checked against.
pub struct Targets<'a> {
    /// Every loaded content file.
    pub pages: HashMap<&'a Path, Page<'a>>,
    /// Content files that exist but could not be read: links to them are fine.
    pub unreadable: &'a BTreeSet<PathBuf>,
    /// Files under static/, relative to static/.
    pub statics: &'a BTreeSet<PathBuf>,
    /// The public hub's address: a full address on its host to someone's
    /// page is a link to them.
    pub hub_url: &'a str,
}

pub struct Page<'a> {
    /// On the public hub, or of unknown audience (read with errors).
    pub public: bool,
    /// Its headings with the ids its page gives them (the survey's), for
    /// `#section` links.
    pub headings: &'a [Heading],
}

/// The ids the rendered page gives its headings: an explicit `{#id}`, or
/// the heading's text as a slug, numbered when repeated (the survey names
/// them, once).
pub fn heading_ids(body: &crate::survey::Text) -> Vec<&str> {
    body.record()
        .headings
        .iter()
        .map(|h| h.id.as_str())
        .collect()
}

/// Every link, image and heading attribute of a body (as the survey
/// recorded them), its nesting and its raw HTML.
pub fn check(source: &Source, is_public: bool, targets: &Targets) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let record = source.body.record();
    for mark in &record.marks {
        let link = match mark {
            Mark::Link(link) => link,
            Mark::HeadingAttributes { at, names } => {
                let (line, column) = position(source, *at);
                let names: Vec<&str> = names.iter().map(|k| k.as_ref()).collect();
                out.push(
                    Diagnostic::warning(
                        &source.path,
                        line,
                        format!(
                            "heading attributes other than an id and classes are ignored: {}",
                            names.join(", ")
                        ),
                    )
                    .at_column(column)
                    .with_hint("write `{#an-id .a-class}` after a heading, nothing else"),
                );
                continue;
            }
        };
        let (dest, is_image) = (link.dest.as_ref(), link.image);
        let (line, column) = position(source, link.at);
        let at = |d: Diagnostic| d.at_column(column);
        if link.alt_missing {
            out.push(at(Diagnostic::warning(
                &source.path,
                line,
                "this image has no alt text",
            )
            .with_hint(
                "describe the image between the brackets: ![a volunteer planting reeds](...)",
            )));
        }
        if let Some(d) = refused_scheme(&source.path, line, dest) {
            out.push(at(d));
            continue;
        }
        let found = match routes::classify(&source.path, dest) {
            Target::External => people::person_at(dest)
                .filter(|whom| is_public && whom.of_site(targets.hub_url))
                .filter(|whom| {
                    !targets
                        .pages
                        .get(whom.person.as_path())
                        .is_some_and(|p| p.public)
                })
                .map(|whom| not_on_the_hub(&source.path, line, &whom.person, is_image)),
            Target::SamePage => anchor(source, &source.path, &dest[1..], line, targets),
            Target::Content { path, fragment }
                if targets.pages.contains_key(path.as_path())
                    || targets.unreadable.contains(&path) =>
            {
                if is_public && !targets.pages.get(path.as_path()).is_some_and(|p| p.public) {
                    Some(not_on_the_hub(&source.path, line, &path, is_image))
                } else {
                    fragment.and_then(|f| anchor(source, &path, &f, line, targets))
                }
            }
            Target::Static(file) if targets.statics.contains(&file) => None,
            Target::Content { path, .. } | Target::Elsewhere(path) => {
                Some(broken(&source.path, line, dest, &path, is_image))
            }
            Target::Static(file) => Some(broken(
                &source.path,
                line,
                dest,
                &Path::new("static").join(file),
                is_image,
            )),
        };
        out.extend(found.map(at));
    }
    let deepest = record.deepest;
    if deepest.0 > markdown::MAX_NESTING {
        let (line, column) = position(source, deepest.1);
        out.push(
            Diagnostic::error(
                &source.path,
                line,
                format!(
                    "lists and quotes nest {} levels deep here; convene reads at most {}",
                    deepest.0,
                    markdown::MAX_NESTING
                ),
            )
            .at_column(column)
            .with_hint("flatten the list or quote: no reader can follow that many levels"),
        );
    }
    for (offset, fragment) in &record.raw {
        raw_html(source, *offset, fragment, is_public, targets, &mut out);
    }
    out
}

/// A public page links to (or shows) `path`, which is not on the hub.
fn not_on_the_hub(file: &Path, line: usize, path: &Path, is_image: bool) -> Diagnostic {
    let hint = match path.starts_with("people") {
        true if is_image => "on the public hub the picture and its alt text are left out, so the person is not named there; it still shows in the playbook",
        true => "on the public hub the link and its words are left out, so the person is not named there: rewrite the sentence so it reads without them; the link still works in the playbook",
        false if is_image => "the public hub shows the picture's alt text instead; it still shows in the playbook",
        false => "the link is shown as plain text on the public hub; it still works in the playbook",
    };
    Diagnostic::warning(
        file,
        line,
        format!(
            "this public page links to {}, which is not on the public hub",
            path.display()
        ),
    )
    .with_hint(hint)
}

/// A link with a scheme other than http, https, mailto or tel, in any
/// case or spacing: `javascript:`, `data:`, `vbscript:`, `file:` ...
pub(crate) fn refused_scheme(file: &Path, line: usize, dest: &str) -> Option<Diagnostic> {
    let scheme = routes::forbidden_scheme(dest)?;
    Some(
        Diagnostic::error(file, line, format!("`{scheme}:` links are not allowed"))
            .with_hint("links may be web pages (https://...), email (mailto:), phone numbers (tel:) or other files of the site"),
    )
}

/// Raw HTML typed into a body: a refused scheme in any address is an
/// error on both sites; on a public page, whatever the sanitiser will take
/// out (script, event handlers, comments, frames) is pointed out.
fn raw_html(
    source: &Source,
    offset: usize,
    fragment: &str,
    is_public: bool,
    targets: &Targets,
    out: &mut Vec<Diagnostic>,
) {
    let (first_line, column) = position(source, offset);
    let found = html::scan(fragment);
    let at = |line: usize| {
        (
            first_line + line.saturating_sub(1),
            if line <= 1 { column } else { 1 },
        )
    };
    let (depth, deepest) = html::nesting(&found);
    if depth > html::MAX_NESTING {
        let (line, column) = at(deepest);
        out.push(
            Diagnostic::error(
                &source.path,
                line,
                format!(
                    "this HTML nests {depth} elements deep; convene reads at most {}",
                    html::MAX_NESTING
                ),
            )
            .at_column(column)
            .with_hint(
                "close the elements you open (`<div>` ... `</div>`), or write it in Markdown",
            ),
        );
        return;
    }
    for (line, url) in html::addresses(&found) {
        let (line, column) = at(line);
        out.extend(refused_scheme(&source.path, line, url).map(|d| d.at_column(column)));
    }
    if !is_public {
        return;
    }
    for (line, url) in html::addresses(&found) {
        let Some(whom) = people::person_in_html(&source.path, url) else {
            continue;
        };
        if !whom.of_site(targets.hub_url)
            || targets
                .pages
                .get(whom.person.as_path())
                .is_some_and(|p| p.public)
        {
            continue;
        }
        let (line, column) = at(line);
        out.push(
            Diagnostic::warning(
                &source.path,
                line,
                format!(
                    "this HTML links to {}, which is not on the public hub",
                    whom.person.display()
                ),
            )
            .at_column(column)
            .with_hint("on the public hub the link is left out with its words (and a block of HTML with such a link is left out whole), so the person is not named there: write the link in Markdown, or rewrite the sentence so it reads without them"),
        );
    }
    for (line, what) in html::removed_on_the_hub(&found) {
        let (line, column) = at(line);
        out.push(
            Diagnostic::warning(
                &source.path,
                line,
                format!("{what} is removed from this page on the public hub"),
            )
            .at_column(column)
            .with_hint("the public hub keeps articles' HTML only (text, links, images, lists, tables, figures); write it in Markdown, or keep it to the playbook"),
        );
    }
}

/// A `#section` that names no heading on the target page.
fn anchor(
    source: &Source,
    target: &Path,
    fragment: &str,
    line: usize,
    targets: &Targets,
) -> Option<Diagnostic> {
    let ids: Vec<&str> = targets
        .pages
        .get(target)?
        .headings
        .iter()
        .map(|h| h.id.as_str())
        .collect();
    if fragment.is_empty() || ids.contains(&fragment) {
        return None;
    }
    let page = if target == source.path {
        "this page".to_string()
    } else {
        target.display().to_string()
    };
    let hint = did_you_mean(fragment, ids.iter().copied())
        .or_else(|| {
            let slug = slugify(fragment);
            ids.contains(&slug.as_str())
                .then(|| format!("did you mean `{slug}`?"))
        })
        .unwrap_or_else(|| match ids.len() {
            0 => format!("{page} has no headings to link to"),
            _ => format!("its sections are: #{}", ids.join(", #")),
        });
    Some(
        Diagnostic::warning(
            &source.path,
            line,
            format!("`#{fragment}` is not a heading on {page}"),
        )
        .with_hint(hint),
    )
}

fn broken(file: &Path, line: usize, dest: &str, resolved: &Path, is_image: bool) -> Diagnostic {
    let what = if is_image { "image" } else { "link" };
    let climbs_out = resolved
        .components()
        .any(|c| !matches!(c, std::path::Component::Normal(_)));
    if climbs_out {
        return Diagnostic::error(file, line, format!("this {what} leads outside the site folder: `{dest}`"))
            .with_hint("link to a file inside the site (e.g. ../people/amara-okafor.md) or to a full web address (https://...)");
    }
    Diagnostic::error(file, line, format!("this {what} points nowhere: `{dest}`"))
        .with_hint(format!("convene looked for {} in the site folder; links are relative to this file, e.g. ../people/amara-okafor.md", resolved.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ids checked here must be the ids the rendered page carries.
    #[test]
    fn heading_ids_match_the_rendered_page() {
        let headings = "# Who responds\n\n## Who responds\n\n## Levels {#levels}\n\n### `code` & more\n\n## Levels\n";
        // Written from the recorded HTML, and from the events (a link to
        // another page is written per site).
        for text in [
            headings.to_string(),
            format!("{headings}\nSee [tone](tone.md).\n"),
        ] {
            let path = Path::new("guidelines/a.md");
            let body = crate::survey::Text::new(path, text);
            let ids = heading_ids(&body);
            assert_eq!(
                ids,
                [
                    "who-responds",
                    "who-responds-1",
                    "levels",
                    "code-more",
                    "levels-1"
                ]
            );
            let html = markdown::written_alone(body.record(), path);
            for id in &ids {
                assert!(html.contains(&format!("id=\"{id}\"")), "{id} not in {html}");
            }
        }
    }

    #[test]
    fn refused_schemes_are_caught_whatever_the_spelling() {
        for dest in [
            "javascript:alert(1)",
            "JavaScript:x",
            " data:text/html,x",
            "java\tscript:x",
            "VBScript:x",
            "file:///etc/passwd",
        ] {
            assert!(
                refused_scheme(Path::new("a.md"), 1, dest).is_some(),
                "{dest}"
            );
        }
        assert!(refused_scheme(Path::new("a.md"), 1, "https://example.org").is_none());
    }
}
