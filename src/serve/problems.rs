//! What is wrong with the site while `serve` runs: kept per file, so that
//! an edit to one file never hides another's problems, and shown over the
//! pages and in the terminal.

use super::{News, Session, Site};
use crate::diagnostics::{self, Diagnostic, Diagnostics, Format};
use crate::{audience, taxonomy, validate, Severity};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// What is wrong with the site, as the terminal and open tabs were told.
#[derive(Default)]
pub(super) struct Problems {
    /// What reading each file found, kept until that file is read again,
    /// so that an edit to one file never hides another's problems.
    read: BTreeMap<PathBuf, Vec<Diagnostic>>,
    /// The errors the last whole-site check found, reading included
    /// (only errors are shown).
    checked: Vec<Diagnostic>,
    /// The errors last shown, as text.
    shown: String,
    /// What the last whole-site check found by looking for private values
    /// in public text: the hub's port never shows their words.
    scanned: Vec<Diagnostic>,
}

impl Problems {
    /// After reading the whole site.
    pub(super) fn read_site(&mut self, found: Diagnostics) {
        self.read.clear();
        for d in found {
            self.read.entry(d.file.clone()).or_default().push(d);
        }
    }

    /// After reading one file again; `false` if it found what it found last time.
    pub(super) fn read_file(&mut self, path: &Path, found: Vec<Diagnostic>) -> bool {
        let before = match found.is_empty() {
            true => self.read.remove(path),
            false => self.read.insert(path.to_path_buf(), found.clone()),
        };
        before.unwrap_or_default() != found
    }

    /// Check the whole site and say what is wrong.
    pub(super) fn check(&mut self, site: &Site, session: &Session) {
        let started = Instant::now();
        let mut found = Diagnostics::default();
        found.extend(self.read.values().flatten().cloned());
        validate::corpus(&site.corpus, site.opts.now, &mut found);
        let mut scanned = Diagnostics::default();
        let watch = validate::private_values(&site.corpus, site.opts.now, &mut scanned);
        // Made from the site as it is now: the next renders need not.
        site.keep_lookout(watch.lookout());
        self.scanned = scanned.iter().cloned().collect();
        found.extend(scanned);
        taxonomy::check(&site.corpus, &mut found);
        self.checked = errors(found.iter()).cloned().collect();
        if self.show(found, site, session) {
            session.shared.announce(News::Problems);
        }
        (session.report)(&format!(
            "checked the site in {} ms",
            started.elapsed().as_millis()
        ));
    }

    /// The last check's problems, with `path`'s replaced by what reading
    /// it and checking it alone found just now.
    pub(super) fn with_file(&self, path: &Path, checked: Diagnostics) -> Diagnostics {
        let mut all = Diagnostics::default();
        all.extend(self.checked.iter().filter(|d| d.file != path).cloned());
        all.extend(self.read.get(path).into_iter().flatten().cloned());
        all.extend(checked);
        all
    }

    /// Show the errors among `found` over the pages, and in the terminal
    /// when they changed; `true` if they did.
    pub(super) fn show(&mut self, found: Diagnostics, site: &Site, session: &Session) -> bool {
        let mut shown = Diagnostics::default();
        shown.extend(errors(found.iter()).cloned());
        // What the leak scan kept off the hub as it is served.
        let leaks: Vec<Diagnostic> = site
            .leaks
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .map(|(_, d)| d.clone())
            .collect();
        shown.extend(leaks.iter().cloned());
        shown.sort();
        let text = diagnostics::render(&shown, Format::Human, &site.opts.site);
        let brief = diagnostics::brief(&self.for_the_hub(&shown, &leaks, site));
        let changed = text != self.shown;
        if changed {
            (session.report)(match text.trim_end() {
                "" => "no problems left",
                problems => problems,
            });
            self.shown = text.clone();
        }
        *session
            .shared
            .problems
            .write()
            .unwrap_or_else(|e| e.into_inner()) = [brief, text];
        changed
    }
}

impl Problems {
    /// The problems as the public hub's port shows them (over public pages,
    /// which anyone looking at the screen may see): never a private value
    /// or the name of something off the hub. A problem the leak scan found,
    /// or in a file the hub may not name (`people/joss-reid.md` names
    /// Joss), or whose message or hint holds a private value or names an
    /// item off the hub, is shown as a sentence saying where to read it,
    /// with its file only if the hub may name that.
    fn for_the_hub(&self, shown: &Diagnostics, leaks: &[Diagnostic], site: &Site) -> Diagnostics {
        let mut out = Diagnostics::default();
        if shown.is_empty() {
            return out;
        }
        let (corpus, now) = (&site.corpus, site.opts.now);
        let lookout = site.lookout();
        let off_hub = off_hub_slugs(corpus, now);
        let names_private = |text: &str| {
            lookout.holds_any(text) || off_hub.iter().any(|slug| names_slug(text, slug))
        };
        for d in shown.iter() {
            let nameable = audience::may_name_file(corpus, &d.file, now)
                && !names_private(&d.file.to_string_lossy());
            let scanned = leaks.contains(d) || self.scanned.contains(d);
            let discreet = !scanned
                && !names_private(&d.message)
                && !d.hint.as_deref().is_some_and(names_private);
            if nameable && discreet {
                out.push(d.clone());
                continue;
            }
            let message = match scanned {
                true => "a private value is where the public hub would show it: the playbook's preview (the next port) and the terminal say which",
                false => "a problem the public hub's preview does not show, as it may name something private: the playbook's preview (the next port) and the terminal show it",
            };
            out.push(match nameable {
                true => Diagnostic {
                    message: message.into(),
                    hint: None,
                    ..d.clone()
                },
                false => Diagnostic {
                    severity: d.severity,
                    file: PathBuf::from("(a file the public hub does not name)"),
                    line: 0,
                    column: 0,
                    message: message.into(),
                    hint: None,
                },
            });
        }
        out
    }
}

/// The slugs of the items the public hub may not name (as
/// `audience::may_name_file` judges their files).
fn off_hub_slugs(
    corpus: &crate::model::Corpus,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> Vec<&str> {
    let people = corpus
        .people
        .iter()
        .filter(|p| !audience::may_name_person(p, now))
        .map(|p| p.slug.as_str());
    // A story's file is named with its date: `2026-01-05-river-day.md`.
    let stories = corpus
        .stories
        .iter()
        .filter(|s| !audience::may_name_story(s, now))
        .flat_map(|s| {
            [
                Some(s.slug.as_str()),
                s.source.path.file_stem().and_then(|f| f.to_str()),
            ]
        })
        .flatten();
    let guidelines = corpus
        .guidelines
        .iter()
        .filter(|g| !audience::may_name_guideline(g))
        .map(|g| g.slug.as_str());
    people.chain(stories).chain(guidelines).collect()
}

/// Does `text` hold `slug` as a whole (`people/joss-reid.md`, `joss-reid`
/// in a list), not inside a longer slug?
fn names_slug(text: &str, slug: &str) -> bool {
    let (text, slug) = (text.to_lowercase(), slug.to_lowercase());
    let slug = slug.as_str();
    let part = |c: char| c.is_alphanumeric() || c == '-';
    text.match_indices(slug).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + slug.len()..].chars().next();
        !before.is_some_and(part) && !after.is_some_and(part)
    })
}

fn errors<'a>(found: impl Iterator<Item = &'a Diagnostic>) -> impl Iterator<Item = &'a Diagnostic> {
    found.filter(|d| d.severity == Severity::Error)
}

#[cfg(test)]
mod tests {
    use super::names_slug;

    /// A slug is found as a whole, in a path or a sentence, whatever its
    /// case, but not inside a longer slug.
    #[test]
    fn slugs_are_found_whole() {
        assert!(names_slug("people/joss-reid.md", "joss-reid"));
        assert!(names_slug(
            "no person has the slug `Joss-Reid`",
            "joss-reid"
        ));
        assert!(names_slug("/stories/river-day/", "river-day"));
        assert!(!names_slug("people/joss-reidy.md", "joss-reid"));
        assert!(!names_slug(
            "stories/2026-01-05-big-river-day.md",
            "river-day"
        ));
    }
}
