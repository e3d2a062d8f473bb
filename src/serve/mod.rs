//! `convene serve`: both sites on 127.0.0.1, rebuilt as files change, with
//! open tabs reloading themselves.
//!
//! Saving a content file re-reads only that file, checks it, renders its
//! own page in both sites and tells open tabs to reload: that is what the
//! writer is waiting for, so it comes first. The pages that list or link
//! to it follow at once; the site indexes (search, who responds) and the
//! check of the whole site follow when saves pause. All of it gives way as
//! soon as another save arrives, and is picked up again after it. Anything
//! else (hub.yaml, templates, static files, a file removed, several files
//! saved at once) rebuilds everything. A bad edit is shown in the terminal
//! and over the page, and the last good pages keep being served.
//!
//! The preview is as strict as `build` about the leak rule. A file with
//! errors is kept off the public hub until it is fixed (the playbook keeps
//! showing its last good version). An edit that takes something off the
//! hub (consent withdrawn, a story made internal or deleted) removes its
//! pages at once and renders the hub again whole before anything else,
//! and every whole render leaves no file of the last one behind, passes
//! every public file through the leak scan, and never publishes a static
//! file where convene writes one of its own.

mod edits;
mod http;
mod problems;
mod watch;

use crate::audience::{self, View};
use crate::config::Options;
use crate::diagnostics::Diagnostics;
use crate::highlight::Highlighter;
use crate::images::Images;
use crate::load;
use crate::model::{Audience, Corpus};
use crate::output::OutputFile;
use crate::output::SiteWriter;
use crate::render::{Pages, Scope, Tools};
use crate::routes::Route;
use crate::secrets;
use crate::theme::Theme;
use crate::{validate, Error, Severity};
use problems::Problems;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};
use watch::{Edit, Watch};

/// The site indexes and the whole-site check take longest and no one is
/// looking at them mid-edit: they wait until no file has changed for this
/// long, so that they never hold up the page of the next save.
const LULL: Duration = Duration::from_secs(1);

/// What `serve` needs to know.
pub struct ServeOptions {
    pub build: Options,
    pub bind: String,
    /// The public hub's port; the playbook is served on the next one.
    pub port: u16,
}

/// What the servers and the watcher share.
struct Shared {
    /// Current problems as plain text, empty when there are none: for the
    /// public hub's port without quoted lines (they could be a private
    /// field's), for the playbook's in full.
    problems: RwLock<[String; 2]>,
    /// One sender per open tab listening for news, with the site it shows.
    listeners: Mutex<Vec<(Audience, Sender<String>)>>,
    /// The pages (and stylesheets) asked for most recently (output paths,
    /// newest last): what is on someone's screen, rendered first when
    /// everything is rendered again.
    viewed: Mutex<Vec<PathBuf>>,
}

/// How many recently viewed pages a whole render does first.
const VIEWED_FIRST: usize = 8;

/// What open tabs are told (live-reload.js reads it).
enum News<'a> {
    /// Both sites were rendered again: every tab reloads.
    Everything,
    /// These pages changed: tabs showing one of them reload.
    Pages(&'a Changed),
    /// Only the problems changed: tabs update what they show over the page.
    Problems,
}

/// The pages a render changed, as URL paths (`/people/amara-okafor/`),
/// public hub first.
type Changed = [Vec<String>; 2];

impl Shared {
    /// `page` (its path in a site's folder) was just served.
    fn viewed(&self, page: &Path) {
        let mut viewed = self.viewed.lock().unwrap_or_else(|e| e.into_inner());
        viewed.retain(|p| p != page);
        viewed.push(page.to_path_buf());
        let over = viewed.len().saturating_sub(VIEWED_FIRST);
        viewed.drain(..over);
    }

    fn announce(&self, news: News) {
        let mut listeners = self.listeners.lock().unwrap_or_else(|e| e.into_inner());
        listeners.retain(|(audience, tab)| {
            let message = match news {
                News::Everything => "reload".to_string(),
                News::Pages(changed) => {
                    let pages = match audience {
                        Audience::Public => &changed[0],
                        Audience::Playbook => &changed[1],
                    };
                    match pages.is_empty() {
                        true => "problems".to_string(),
                        false => format!("pages {}", pages.join(" ")),
                    }
                }
                News::Problems => "problems".to_string(),
            };
            tab.send(message).is_ok()
        });
    }
}

/// Who hears about the work (the terminal, open tabs) and who can cut it
/// short (the watcher, when another save arrives).
struct Session<'a> {
    watch: &'a Watch,
    shared: &'a Shared,
    report: &'a (dyn Fn(&str) + Sync),
}

/// Build, serve, watch; returns only on a fatal error. `report` receives
/// lines for the terminal (main prints them; the library never does).
pub fn run(opts: &ServeOptions, report: &(dyn Fn(&str) + Sync)) -> Result<(), Error> {
    crate::output::check_target(&opts.build.out, &opts.build.site)?;
    std::fs::create_dir_all(&opts.build.out)
        .and_then(|_| {
            std::fs::write(
                opts.build.out.join(crate::output::MARKER),
                "Written by convene serve.\n",
            )
        })
        .map_err(|e| Error::Io {
            path: opts.build.out.clone(),
            message: e.to_string(),
        })?;
    let shared = Arc::new(Shared {
        problems: RwLock::new([String::new(), String::new()]),
        listeners: Mutex::new(Vec::new()),
        viewed: Mutex::new(Vec::new()),
    });
    // Watching starts before the first build, so no save is missed.
    let watch = Watch::start(&opts.build.site, &opts.build.out)?;
    let session = Session {
        watch: &watch,
        shared: &shared,
        report,
    };
    let mut workspace = Workspace::open(&opts.build, &session)?;
    for (offset, audience) in [(0, Audience::Public), (1, Audience::Playbook)] {
        let address = format!("{}:{}", opts.bind, opts.port + offset);
        let server = tiny_http::Server::http(&address)
            .map_err(|e| Error::Output(format!("can't listen on {address}: {e}")))?;
        report(&format!(
            "serving the {} at http://{address}/",
            if offset == 0 {
                "public hub"
            } else {
                "playbook"
            }
        ));
        let root = opts.build.out.join(audience.folder());
        let shared = Arc::clone(&shared);
        std::thread::spawn(move || http::serve_site(server, audience, root, shared));
    }
    report(&format!(
        "the preview is written to {}",
        opts.build.out.display()
    ));
    report("watching for changes; press Ctrl+C to stop");
    loop {
        // Work left over from earlier edits goes on only while no save is waiting.
        let done = match watch.next(workspace.pending.wait())? {
            Some(edit) => workspace.apply(&edit, &session),
            None => workspace.catch_up(&session),
        };
        // A page that can't be written or a template that fails at run
        // time is reported; the next save tries again.
        if let Err(e) = done {
            report(&format!("error: {e}"));
        }
    }
}

/// What the watcher keeps between edits.
struct Workspace {
    site: Site,
    problems: Problems,
    pending: Pending,
}

/// The site as last read, and what renders it.
struct Site {
    opts: Options,
    corpus: Corpus,
    /// The theme once per language of the site, the default first.
    themes: Vec<Theme>,
    highlighter: Highlighter,
    /// Always empty: the preview shows original photos and draws no share
    /// cards, so a save never waits for image work (`build` makes them).
    images: Images,
    /// What the leak scan found in the last whole render of the hub.
    leaks: Mutex<Vec<crate::Diagnostic>>,
}

/// Work that edits have left, done when no save is waiting.
#[derive(Default)]
struct Pending {
    /// Every page of both sites (after a rebuild).
    everything: bool,
    /// Edited files whose surrounding pages (lists, links, feeds) still
    /// show the version before the edit.
    around: Vec<PathBuf>,
    /// The site indexes have not seen the latest edits.
    indexes: bool,
    /// The whole-site check has not seen the latest edits.
    check: bool,
}

/// What reading a saved file again found.
#[derive(Clone, Copy)]
struct Reread {
    /// It had no errors, and replaced the version read before.
    taken_in: bool,
    /// Its text differs from the version read before.
    changed: bool,
    /// It moved in or out of lists or sites (see `edits::moves`).
    moved: bool,
    /// What is wrong with it differs from last time.
    problems_changed: bool,
}

impl Workspace {
    /// Read the site and render both sites whole before anyone is served.
    fn open(opts: &Options, session: &Session) -> Result<Workspace, Error> {
        let mut found = Diagnostics::default();
        let corpus = load::site(&opts.site, opts.max_file_size, &mut found)?;
        let themes = themes(opts, &corpus, &mut found)?;
        let mut workspace = Workspace {
            site: Site {
                opts: opts.clone(),
                corpus,
                themes,
                highlighter: Highlighter::default(),
                images: Images::default(),
                leaks: Default::default(),
            },
            problems: Problems::default(),
            pending: Pending::default(),
        };
        workspace.problems.read_site(found);
        let site = &workspace.site;
        let views = site.views();
        site.render(&site.pages(&views), Scope::All, &|| false)?;
        workspace.problems.check(site, session);
        Ok(workspace)
    }

    fn apply(&mut self, edit: &Edit, session: &Session) -> Result<(), Error> {
        // A file added is a rebuild too: it is in no list yet.
        let known = |path: &Path| {
            self.site.corpus.source(path).is_some() || self.site.corpus.unreadable.contains(path)
        };
        match edit.one_content_file() {
            Some(path) if known(path) && self.site.opts.site.join(path).is_file() => {
                self.save(path, session)
            }
            _ => self.rebuild(session),
        }
    }

    /// One content file was saved: read it alone, render its own page in
    /// both sites, show its problems and reload open tabs; then the rest.
    fn save(&mut self, path: &Path, session: &Session) -> Result<(), Error> {
        let started = Instant::now();
        let now = self.site.opts.now;
        let was_public = audience::public_folders(&self.site.corpus, path, now);
        let read = self.reread(path);
        if !read.changed && !read.problems_changed {
            // The same save seen twice, or a file touched but not changed.
            return Ok(());
        }
        let is_public = audience::public_folders(&self.site.corpus, path, now).is_some();
        if let (Some(folders), false) = (was_public, is_public) {
            // Consent withdrawn, a story made internal, a privacy field
            // broken: its pages go now, and every list that showed it is
            // rendered again before anything else happens.
            self.take_off_the_hub(path, &folders, started, session)?;
            self.show_file(path, read, session);
            return Ok(());
        }
        self.pending.check = true;
        let site = &self.site;
        // Checked alone now; with the rest of the site when saves pause.
        let check = |found: &mut Diagnostics| {
            if read.taken_in {
                validate::file(&site.corpus, path, site.opts.now, found);
            }
        };
        let mut found = Diagnostics::default();
        if !read.changed {
            // Only what is wrong with it changed (say, a typo undone).
            check(&mut found);
            let problems = self.problems.with_file(path, found);
            if self.problems.show(problems, site, session) {
                session.shared.announce(News::Problems);
            }
            return Ok(());
        }
        let views = site.views();
        let pages = site.pages(&views);
        let (rendered, ()) = rayon::join(
            || site.render(&pages, Scope::PageOf(path), &|| false),
            || check(&mut found),
        );
        let changed = rendered?;
        let problems = self.problems.with_file(path, found);
        self.problems.show(problems, site, session);
        session.shared.announce(News::Pages(&changed));
        (session.report)(&format!(
            "updated {} in {} ms",
            path.display(),
            started.elapsed().as_millis()
        ));
        // The pages around it are found from where it is now: if it moved,
        // some of the pages it was on are elsewhere.
        if read.moved {
            self.pending.everything = true;
        } else if !self.pending.around.iter().any(|p| p == path) {
            self.pending.around.push(path.to_path_buf());
        }
        self.pending.indexes = true;
        // Straight on with the pages around it, from the same indexes.
        self.pending.render(site, &pages, session)?;
        Ok(())
    }

    /// Check the file at `path` alone and show its problems with the rest.
    fn show_file(&mut self, path: &Path, read: Reread, session: &Session) {
        let site = &self.site;
        let mut found = Diagnostics::default();
        if read.taken_in {
            validate::file(&site.corpus, path, site.opts.now, &mut found);
        }
        let problems = self.problems.with_file(path, found);
        if self.problems.show(problems, site, session) {
            session.shared.announce(News::Problems);
        }
    }

    /// Something left the public hub: remove its pages from the served hub
    /// first, then render both sites whole, without giving way to saves.
    fn take_off_the_hub(
        &mut self,
        path: &Path,
        folders: &[Route],
        started: Instant,
        session: &Session,
    ) -> Result<(), Error> {
        let hub = self.site.opts.out.join(Audience::Public.folder());
        for folder in folders {
            let dir = hub.join(folder.url());
            if dir.starts_with(&hub) && dir != hub {
                let _ = std::fs::remove_dir_all(&dir);
            }
        }
        self.everything_now(session, false)?;
        (session.report)(&format!(
            "took {} off the public hub in {} ms",
            path.display(),
            started.elapsed().as_millis()
        ));
        Ok(())
    }

    /// Render both sites whole now, without giving way to saves, and leave
    /// the check of the whole site for the next pause. With `on_screen_first`,
    /// the pages last looked at come first (leak-scanned like the rest):
    /// after a template or hub.yaml change, the page being looked at shows
    /// it without waiting for 20,000 others. Not after something left the
    /// hub: then the whole hub comes before anything else.
    fn everything_now(&mut self, session: &Session, on_screen_first: bool) -> Result<(), Error> {
        let site = &self.site;
        // The private values are found while both sites are selected.
        let (views, private) = rayon::join(|| site.views(), || site.private_values());
        let pages = site.pages(&views);
        let viewed = match on_screen_first {
            true => session
                .shared
                .viewed
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .clone(),
            false => Vec::new(),
        };
        if !viewed.is_empty() {
            let changed =
                site.render_scanned(&pages, Scope::Files(&viewed), &|| false, Some(&private))?;
            session.shared.announce(News::Pages(&changed));
        }
        site.render_scanned(&pages, Scope::All, &|| false, Some(&private))?;
        self.pending = Pending {
            check: true,
            ..Pending::default()
        };
        session.shared.announce(News::Everything);
        Ok(())
    }

    /// Read a saved file again and take it in, unless it has errors: then
    /// its last good version stays in the playbook until the next good
    /// save, but leaves the public hub, since the error may be in the very
    /// field that says whether it may be there.
    fn reread(&mut self, path: &Path) -> Reread {
        let corpus = &mut self.site.corpus;
        let opts = &self.site.opts;
        let mut found = Vec::new();
        let item = load::item(&opts.site, opts.max_file_size, path, &mut found);
        let taken_in = item.is_some() && !found.iter().any(|d| d.severity == Severity::Error);
        let problems_changed = self.problems.read_file(path, found);
        let mut read = Reread {
            taken_in,
            changed: false,
            moved: false,
            problems_changed,
        };
        match item {
            Some(item) if taken_in => {
                read.changed = corpus
                    .source(path)
                    .is_none_or(|old| !old.same_text(item.source()));
                if read.changed {
                    read.moved = edits::moves(corpus, &item);
                    corpus.put(item);
                }
            }
            _ if corpus.source(path).is_some() => {
                read.changed = corpus.mark_partial(path);
                read.moved = read.changed;
            }
            // Read with errors and new: private until fixed.
            Some(item) => {
                corpus.put(item);
                read.changed = true;
                read.moved = true;
            }
            // Still a file links may point to.
            None => {
                corpus.unreadable.insert(path.to_path_buf());
            }
        }
        read
    }

    /// Read everything again and render both sites whole: after a change
    /// to hub.yaml, templates, interface texts or static files, or to
    /// several files at once.
    fn rebuild(&mut self, session: &Session) -> Result<(), Error> {
        let opts = &self.site.opts;
        let mut found = Diagnostics::default();
        let loaded = load::site(&opts.site, opts.max_file_size, &mut found)
            .and_then(|c| themes(opts, &c, &mut found).map(|t| (c, t)));
        let (corpus, themes) = match loaded {
            Ok(loaded) => loaded,
            // Keep serving the last good sites.
            Err(e) => {
                (session.report)(&format!("error: {e}"));
                return Ok(());
            }
        };
        self.site.corpus = corpus;
        self.site.themes = themes;
        self.problems.read_site(found);
        // A file deleted, a static file changed, hub.yaml edited: any of
        // them can take something off the hub, so this never gives way.
        self.everything_now(session, true)?;
        (session.report)("rebuilt everything");
        Ok(())
    }

    /// Go on with what earlier edits left: the pages first; once saves
    /// have paused (the main loop waits for that), the site indexes and
    /// the whole-site check.
    fn catch_up(&mut self, session: &Session) -> Result<(), Error> {
        let site = &self.site;
        let pending = &mut self.pending;
        let lull = !pending.pages_behind();
        if pending.pages_behind() || pending.indexes {
            let views = site.views();
            if !pending.render(site, &site.pages(&views), session)? {
                return Ok(());
            }
        }
        if lull {
            pending.check(site, &mut self.problems, session);
        }
        Ok(())
    }
}

impl Site {
    /// What each site may show, selected side by side, once per language.
    fn views(&self) -> [Vec<View<'_>>; 2] {
        let select = |audience| crate::views_in_languages(&self.corpus, audience, self.opts.now);
        let (public, playbook) =
            rayon::join(|| select(Audience::Public), || select(Audience::Playbook));
        [public, playbook]
    }

    fn pages<'v>(&'v self, views: &'v [Vec<View<'v>>; 2]) -> [Vec<Pages<'v, 'v>>; 2] {
        let pages = |views: &'v [View<'v>]| -> Vec<Pages<'v, 'v>> {
            views
                .iter()
                .zip(&self.themes)
                .map(|(view, theme)| {
                    let tools = Tools {
                        theme,
                        highlighter: &self.highlighter,
                        images: &self.images,
                    };
                    Pages::new(view, &tools)
                })
                .collect()
        };
        let (public, playbook) = rayon::join(|| pages(&views[0]), || pages(&views[1]));
        [public, playbook]
    }

    /// Render `scope` of both sites side by side, straight into the served
    /// folders; `stop` can cut it short. Returns the pages that changed.
    /// A whole render (`Scope::All`) passes every public file through the
    /// leak scan, copies static files as `build` publishes them, and then
    /// removes every file it did not write; the pages on screen rendered
    /// before it (`Scope::Files`) are leak-scanned too.
    fn render(
        &self,
        pages: &[Vec<Pages>; 2],
        scope: Scope,
        stop: &(dyn Fn() -> bool + Sync),
    ) -> Result<Changed, Error> {
        self.render_scanned(pages, scope, stop, None)
    }

    /// The site's private values, for the leak scan.
    fn private_values(&self) -> secrets::Watch<'_> {
        // Reported by the whole-site check; here only the values matter.
        let mut found = Diagnostics::default();
        validate::private_values(&self.corpus, self.opts.now, &mut found)
    }

    /// `render`, with the private values when they are already known.
    fn render_scanned(
        &self,
        pages: &[Vec<Pages>; 2],
        scope: Scope,
        stop: &(dyn Fn() -> bool + Sync),
        private: Option<&secrets::Watch>,
    ) -> Result<Changed, Error> {
        let whole = matches!(scope, Scope::All);
        // The pages on screen, rendered before a whole render, are scanned
        // as it is: they stand in for it until it is done.
        let scanned = whole || matches!(scope, Scope::Files(_));
        let computed;
        let private = match private {
            Some(private) => Some(private),
            None if scanned => {
                computed = self.private_values();
                Some(&computed)
            }
            None => None,
        };
        let guard = private.map(|p| p.guard());
        let one = |languages: &[Pages]| {
            let audience = languages[0].view().audience;
            let dir = self.opts.out.join(audience.folder());
            std::fs::create_dir_all(&dir).map_err(|e| Error::Io {
                path: dir.clone(),
                message: e.to_string(),
            })?;
            let guard = guard.as_ref().filter(|_| audience == Audience::Public);
            let writer = SiteWriter::in_place(&dir);
            let changed = Mutex::new(Vec::new());
            let written = Mutex::new(std::collections::HashSet::new());
            let write = |file: &OutputFile| {
                if guard.is_some_and(|g| !g.inspect(&file.path, &file.bytes)) {
                    return Ok(());
                }
                if whole {
                    written
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .insert(file.path.clone());
                }
                if writer.write(file)? && file.path.extension().is_some_and(|e| e == "html") {
                    let url = file.path.to_string_lossy().replace('\\', "/");
                    let url = format!("/{}", url.trim_end_matches("index.html"));
                    changed.lock().unwrap_or_else(|e| e.into_inner()).push(url);
                }
                Ok(())
            };
            for pages in languages {
                pages.render(scope, &write, stop)?;
            }
            if whole && !stop() {
                let (planned, folders) = languages[0].planned();
                let own: std::collections::HashSet<PathBuf> = planned.into_iter().collect();
                let statics: Vec<&Path> = languages[0]
                    .view()
                    .static_files
                    .iter()
                    .copied()
                    .filter(|f| !own.contains(*f) && !folders.iter().any(|d| f.starts_with(d)))
                    .collect();
                let prepare = |rel: &Path, bytes: Vec<u8>| {
                    let bytes = match guard {
                        Some(guard) => crate::published_static(guard, rel, bytes)?,
                        None => bytes,
                    };
                    written
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .insert(rel.to_path_buf());
                    Some(bytes)
                };
                writer.copy_static(&self.opts.site, &statics, &prepare)?;
                prune(
                    &dir,
                    &written.into_inner().unwrap_or_else(|e| e.into_inner()),
                );
            }
            Ok(changed.into_inner().unwrap_or_else(|e| e.into_inner()))
        };
        let (public, playbook) = rayon::join(|| one(&pages[0]), || one(&pages[1]));
        if let Some(guard) = &guard {
            *self.leaks.lock().unwrap_or_else(|e| e.into_inner()) = guard.found();
        }
        Ok([public?, playbook?])
    }
}

/// The site's theme in each of its languages, with problems in its
/// interface texts in `found`.
fn themes(
    opts: &Options,
    corpus: &crate::model::Corpus,
    found: &mut Diagnostics,
) -> Result<Vec<Theme>, Error> {
    let mut said = Vec::new();
    let themes = Theme::for_site(&opts.site, &corpus.config, &mut said)?;
    found.extend(said);
    Ok(themes)
}

/// Remove every file under `dir` that the last whole render did not write:
/// the pages of whatever left the site, a static file now withheld.
fn prune(dir: &Path, written: &std::collections::HashSet<PathBuf>) {
    for entry in walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
    {
        let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        if !written.contains(rel) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

impl Pending {
    /// How long to wait for a save before going on: not at all while pages
    /// are behind, a lull before the site-wide work, for ever when there is
    /// nothing to do.
    fn wait(&self) -> Option<Duration> {
        if self.pages_behind() {
            Some(Duration::ZERO)
        } else if self.indexes || self.check {
            Some(LULL)
        } else {
            None
        }
    }

    fn pages_behind(&self) -> bool {
        self.everything || !self.around.is_empty()
    }

    /// Render the pages that are behind (the site indexes only once no
    /// other page is), unless a save arrives first; `false` if one did,
    /// and the work stays pending.
    fn render(
        &mut self,
        site: &Site,
        pages: &[Vec<Pages>; 2],
        session: &Session,
    ) -> Result<bool, Error> {
        let started = Instant::now();
        let news = session.watch.news();
        // Taken out first, so that a failure is reported once rather than
        // retried for ever; put back if a save cuts the work short.
        let everything = std::mem::take(&mut self.everything);
        let around = std::mem::take(&mut self.around);
        let indexes = std::mem::take(&mut self.indexes);
        let (scope, what) = if everything {
            (Scope::All, "rebuilt everything".to_string())
        } else if !around.is_empty() {
            self.indexes = indexes;
            let what = format!("updated the pages around {}", names(&around));
            (Scope::AroundPagesOf(&around), what)
        } else if indexes {
            (Scope::SiteIndexes, "updated the site indexes".to_string())
        } else {
            return Ok(true);
        };
        let changed = site.render(pages, scope, &news)?;
        if news() {
            self.everything = everything;
            self.around = around;
            self.indexes |= indexes;
            return Ok(false);
        }
        (session.report)(&format!("{what} in {} ms", started.elapsed().as_millis()));
        session.shared.announce(match everything {
            true => News::Everything,
            false => News::Pages(&changed),
        });
        Ok(true)
    }

    /// Check the whole site, unless a save is waiting.
    fn check(&mut self, site: &Site, problems: &mut Problems, session: &Session) {
        if self.check && !session.watch.has_news() {
            self.check = false;
            problems.check(site, session);
        }
    }
}

/// `people/a.md and 2 more`.
fn names(paths: &[PathBuf]) -> String {
    match paths {
        [one] => one.display().to_string(),
        [first, rest @ ..] => format!("{} and {} more", first.display(), rest.len()),
        [] => String::new(),
    }
}
