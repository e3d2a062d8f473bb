//! Which changes in the site folder matter, and when a save is over.
//!
//! Editors save in steps (truncate and write, or write a copy and rename
//! it over the file) and leave swap, backup and lock files beside it. A
//! save is over once the file is closed after writing or renamed into
//! place; otherwise, once the folder has been quiet for a moment.

use crate::load::CONTENT_FOLDERS;
use crate::Error;
use notify::event::{AccessKind, AccessMode, EventKind, ModifyKind, RenameMode};
use notify::{RecursiveMode, Watcher};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::sync::Arc;
use std::time::Duration;

/// After a change that may be one step of a save (a truncation, a write,
/// the old file renamed away), wait this long for the rest of it.
const QUIET: Duration = Duration::from_millis(50);

/// After a save has visibly ended (the file closed after writing, or
/// renamed into place), wait only this long, for files saved with it.
const SETTLE: Duration = Duration::from_millis(3);

/// One change that matters, relative to the site folder.
#[derive(Debug, PartialEq)]
enum Change {
    /// Something happened to the file; more may follow.
    Touched(PathBuf),
    /// The file was written and closed, or renamed into place.
    Saved(PathBuf),
    /// The watcher lost events: only reading everything again is safe.
    Lost,
}

/// What one edit (one save, or saves close together) changed.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Edit {
    files: Vec<PathBuf>,
    everything: bool,
}

impl Edit {
    /// Take in a change; returns how long to wait for more.
    fn take(&mut self, change: Change) -> Duration {
        let (path, wait) = match change {
            Change::Touched(path) => (path, QUIET),
            Change::Saved(path) => (path, SETTLE),
            Change::Lost => {
                self.everything = true;
                return QUIET;
            }
        };
        if !self.files.contains(&path) {
            self.files.push(path);
        }
        wait
    }

    /// Every file this edit touched, saved or removed.
    pub(super) fn files(&self) -> &[PathBuf] {
        &self.files
    }

    /// The content file this edit saved, if that is all it did.
    pub(super) fn one_content_file(&self) -> Option<&Path> {
        match self.files.as_slice() {
            [one] if !self.everything && kind(one) == Kind::Content => Some(one),
            _ => None,
        }
    }
}

/// What a path in the site folder is to convene.
#[derive(Debug, PartialEq)]
enum Kind {
    /// A profile, story, guideline or campaign.
    Content,
    /// hub.yaml, a template, an interface text file (i18n/), a static
    /// file, a content folder itself.
    Other,
    /// Anything convene doesn't read: editors' swap, backup and lock files,
    /// a .git folder, notes beside the site.
    Ignored,
}

fn kind(rel: &Path) -> Kind {
    let parts: Option<Vec<&str>> = rel
        .components()
        .map(|c| match c {
            Component::Normal(part) => part.to_str(),
            _ => None,
        })
        .collect();
    let Some(parts) = parts else {
        return Kind::Ignored;
    };
    if parts.last().is_none_or(|name| is_scratch(name)) {
        return Kind::Ignored;
    }
    match parts.as_slice() {
        ["hub.yaml"] | ["static" | "templates" | "i18n", ..] => Kind::Other,
        [folder] if CONTENT_FOLDERS.contains(folder) => Kind::Other,
        [folder, file] if CONTENT_FOLDERS.contains(folder) && file.ends_with(".md") => {
            Kind::Content
        }
        _ => Kind::Ignored,
    }
}

/// The names editors give the files they write beside the one being
/// saved: swap files, backups, lock files and temporary copies.
fn is_scratch(name: &str) -> bool {
    name.starts_with('.') // .x.swp (vim), .#x (emacs), .goutputstream-* (GNOME)
        || name.starts_with('#') // #x# (emacs)
        || name.ends_with('~') // x~ (vim, emacs)
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.contains("___jb_") // JetBrains' safe write
        || name.bytes().all(|b| b.is_ascii_digit()) // 4913: vim checks it may write
}

/// The changes one watcher event stands for.
fn changes_in(event: notify::Result<notify::Event>, site: &Path, out: &Path) -> Vec<Change> {
    // An error names no file; the next event will.
    let Ok(event) = event else {
        return Vec::new();
    };
    if event.need_rescan() {
        return vec![Change::Lost];
    }
    let saved = match event.kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write))
        | EventKind::Modify(ModifyKind::Name(RenameMode::To)) => true,
        // Opening and reading change nothing (and convene reads files itself);
        // a rename's From and To have already been reported on their own.
        EventKind::Access(_) | EventKind::Modify(ModifyKind::Name(RenameMode::Both)) => {
            return Vec::new()
        }
        _ => false,
    };
    event
        .paths
        .iter()
        .filter(|path| !path.starts_with(out))
        .filter_map(|path| path.strip_prefix(site).ok())
        .filter(|rel| kind(rel) != Kind::Ignored)
        .map(|rel| match saved {
            true => Change::Saved(rel.to_path_buf()),
            false => Change::Touched(rel.to_path_buf()),
        })
        .collect()
}

/// The site folder's changes, grouped into edits.
pub(super) struct Watch {
    changes: Receiver<Change>,
    /// Set when a change arrives, so that long work can give way to it.
    news: Arc<AtomicBool>,
    _watcher: notify::RecommendedWatcher,
}

impl Watch {
    pub(super) fn start(site: &Path, out: &Path) -> Result<Watch, Error> {
        // Events name canonical paths; the output folder may sit inside the site.
        let site = std::fs::canonicalize(site).map_err(|e| Error::Io {
            path: site.to_path_buf(),
            message: e.to_string(),
        })?;
        let out = std::fs::canonicalize(out).unwrap_or_else(|_| out.to_path_buf());
        let (sender, changes) = channel();
        let news = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&news);
        let root = site.clone();
        let mut watcher = notify::recommended_watcher(move |event| {
            for change in changes_in(event, &root, &out) {
                // Sent, then flagged: whoever sees the flag finds the change waiting.
                if sender.send(change).is_ok() {
                    flag.store(true, Ordering::SeqCst);
                }
            }
        })
        .map_err(|e| Error::Output(format!("can't watch files: {e}")))?;
        watcher
            .watch(&site, RecursiveMode::Recursive)
            .map_err(|e| Error::Output(format!("can't watch {}: {e}", site.display())))?;
        Ok(Watch {
            changes,
            news,
            _watcher: watcher,
        })
    }

    /// The next edit: changes until the files have been quiet for a moment.
    /// Waits at most `patience` for one to begin (`None`: for ever).
    pub(super) fn next(&self, patience: Option<Duration>) -> Result<Option<Edit>, Error> {
        let stopped = || Error::Output("the file watcher stopped".into());
        self.news.store(false, Ordering::SeqCst);
        let first = match patience {
            None => self.changes.recv().map_err(|_| stopped())?,
            Some(patience) => match self.changes.recv_timeout(patience) {
                Ok(change) => change,
                Err(RecvTimeoutError::Timeout) => return Ok(None),
                Err(RecvTimeoutError::Disconnected) => return Err(stopped()),
            },
        };
        let mut edit = Edit::default();
        let mut wait = edit.take(first);
        loop {
            self.news.store(false, Ordering::SeqCst);
            match self.changes.recv_timeout(wait) {
                Ok(change) => wait = edit.take(change),
                Err(RecvTimeoutError::Timeout) => return Ok(Some(edit)),
                Err(RecvTimeoutError::Disconnected) => return Err(stopped()),
            }
        }
    }

    /// Has a change arrived since the last edit was taken?
    pub(super) fn has_news(&self) -> bool {
        self.news.load(Ordering::SeqCst)
    }

    /// `has_news` for rendering threads to ask between pages.
    pub(super) fn news(&self) -> impl Fn() -> bool + Sync + '_ {
        let news = &*self.news;
        move || news.load(Ordering::SeqCst)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::Event;

    #[test]
    fn only_what_convene_reads_matters() {
        for content in [
            "people/amara-okafor.md",
            "stories/2025-05-12-otter-survey.md",
        ] {
            assert_eq!(kind(Path::new(content)), Kind::Content, "{content}");
        }
        for other in [
            "hub.yaml",
            "people",
            "static/photos/amara.jpg",
            "templates/person.html",
            "i18n/cy.ftl",
        ] {
            assert_eq!(kind(Path::new(other)), Kind::Other, "{other}");
        }
        for ignored in [
            "people/.amara-okafor.md.swp",
            "people/amara-okafor.md~",
            "people/4913",
            "people/.#amara-okafor.md",
            "people/#amara-okafor.md#",
            "people/amara-okafor.md___jb_tmp___",
            "people/.goutputstream-X1Y2Z3",
            "people/notes.txt",
            "people/old/amara-okafor.md",
            "templates/.person.html.swp",
            ".git/index",
            "README.md",
            "",
        ] {
            assert_eq!(kind(Path::new(ignored)), Kind::Ignored, "{ignored}");
        }
    }

    #[test]
    fn a_save_ends_when_the_file_is_closed_or_renamed_into_place() {
        let site = Path::new("/site");
        let out = Path::new("/site/dist");
        let event = |kind: EventKind, path: &str| Ok(Event::new(kind).add_path(site.join(path)));
        let profile = || PathBuf::from("people/amara-okafor.md");
        let closed = EventKind::Access(AccessKind::Close(AccessMode::Write));
        let renamed_to = EventKind::Modify(ModifyKind::Name(RenameMode::To));
        let written = EventKind::Modify(ModifyKind::Data(notify::event::DataChange::Any));
        assert_eq!(
            changes_in(event(closed, "people/amara-okafor.md"), site, out),
            [Change::Saved(profile())]
        );
        assert_eq!(
            changes_in(event(renamed_to, "people/amara-okafor.md"), site, out),
            [Change::Saved(profile())]
        );
        assert_eq!(
            changes_in(event(written, "people/amara-okafor.md"), site, out),
            [Change::Touched(profile())]
        );
        let opened = EventKind::Access(AccessKind::Open(AccessMode::Any));
        assert!(changes_in(event(opened, "people/amara-okafor.md"), site, out).is_empty());
        assert!(changes_in(event(closed, "dist/public/index.html"), site, out).is_empty());
        assert!(changes_in(event(closed, "people/.amara-okafor.md.swp"), site, out).is_empty());
        let lost = Ok(Event::new(EventKind::Other).set_flag(notify::event::Flag::Rescan));
        assert_eq!(changes_in(lost, site, out), [Change::Lost]);

        let mut edit = Edit::default();
        assert_eq!(edit.take(Change::Touched(profile())), QUIET);
        assert_eq!(edit.take(Change::Saved(profile())), SETTLE);
        assert_eq!(edit.one_content_file(), Some(profile().as_path()));
        edit.take(Change::Saved("hub.yaml".into()));
        assert_eq!(edit.one_content_file(), None);
    }

    /// Editors that save by renaming (a copy renamed over the file, or the
    /// old file renamed to a backup first) make one edit of the file itself.
    #[test]
    fn saves_by_rename_are_one_edit_of_the_file() {
        let tmp = tempfile::tempdir().unwrap();
        let site = tmp.path().join("site");
        std::fs::create_dir_all(site.join("people")).unwrap();
        let profile = site.join("people/amara-okafor.md");
        std::fs::write(&profile, "one").unwrap();
        let watch = Watch::start(&site, &tmp.path().join("out")).unwrap();
        let expected = Edit {
            files: vec![PathBuf::from("people/amara-okafor.md")],
            everything: false,
        };
        let next = || watch.next(Some(Duration::from_secs(10))).unwrap();

        // A copy renamed over the file (GNOME, JetBrains, Kate).
        let copy = site.join("people/.goutputstream-ABC123");
        std::fs::write(&copy, "two").unwrap();
        std::fs::rename(&copy, &profile).unwrap();
        assert_eq!(next(), Some(expected));

        // The file renamed to a backup, then written anew (vim).
        let backup = site.join("people/amara-okafor.md~");
        std::fs::rename(&profile, &backup).unwrap();
        std::fs::write(&profile, "three").unwrap();
        std::fs::remove_file(&backup).unwrap();
        let edit = next().unwrap();
        assert_eq!(edit.files, [PathBuf::from("people/amara-okafor.md")]);
    }
}
