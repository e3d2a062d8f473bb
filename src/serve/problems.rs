//! What is wrong with the site while `serve` runs: kept per file, so that
//! an edit to one file never hides another's problems, and shown over the
//! pages and in the terminal.

use super::{News, Session, Site};
use crate::diagnostics::{self, Diagnostic, Diagnostics, Format};
use crate::{taxonomy, validate, Severity};
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
        validate::private_values(&site.corpus, site.opts.now, &mut found);
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
        // What the leak scan kept off the hub in the last whole render.
        shown.extend(
            site.leaks
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .iter()
                .cloned(),
        );
        shown.sort();
        let text = diagnostics::render(&shown, Format::Human, &site.opts.site);
        let brief = diagnostics::brief(&shown);
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

fn errors<'a>(found: impl Iterator<Item = &'a Diagnostic>) -> impl Iterator<Item = &'a Diagnostic> {
    found.filter(|d| d.severity == Severity::Error)
}
