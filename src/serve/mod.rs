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
//! showing its last good version). Every public file passes through the
//! leak scan before it is written, a single save's pages included. An
//! edit that takes something off the hub (consent withdrawn, a story made
//! internal or deleted, in one file or several) removes its pages at once
//! and renders the hub again whole before anything else, with the last
//! good templates if the new ones don't compile; every whole render
//! leaves no file of the last one behind and never publishes a static
//! file where convene writes one of its own. The hub's port shows no
//! problem's words that could be private (see `problems`).

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
use chrono::{DateTime, FixedOffset, Utc};
use problems::Problems;
use std::collections::HashSet;
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
    /// "Now" moves with the clock (no `--now` was given): when an embargo
    /// lifts or a consent review passes while serve runs, the preview
    /// changes then, as the hourly CI build would.
    pub follow_clock: bool,
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
        // Work left over from earlier edits goes on only while no save is
        // waiting; the next change by itself (an embargo lifting, a consent
        // review passing) is waited for too.
        let next_change = match opts.follow_clock {
            true => workspace.next_change(),
            false => None,
        };
        let patience = match (workspace.pending.wait(), next_change) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let done = match watch.next(patience)? {
            Some(edit) => workspace.apply(&edit, &session),
            None if next_change == Some(Duration::ZERO) => workspace.clock_moved(&session),
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
    /// The theme does not compile, and the last good one was made for
    /// other languages than the site now has: nothing can be rendered
    /// until it is fixed, so every edit reads the site again.
    theme_unfit: bool,
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
    /// What the leak scan found in the hub as it is served, each with the
    /// public file it kept off the hub.
    leaks: Mutex<Vec<(PathBuf, crate::Diagnostic)>>,
    /// What looks for the site's private values in the public output,
    /// kept between saves: making it reads all public text (about 0.1 s
    /// at bench scale). `None` once an edit may have changed the values.
    lookout: Mutex<Option<Arc<secrets::Lookout>>>,
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
                lookout: Default::default(),
            },
            problems: Problems::default(),
            pending: Pending::default(),
            theme_unfit: false,
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
            Some(path)
                if known(path) && self.site.opts.site.join(path).is_file() && !self.theme_unfit =>
            {
                self.save(path, session)
            }
            _ => {
                // A file deleted leaves the served hub before the site is
                // read again (which takes a while on a big site).
                let now = self.site.opts.now;
                for path in edit.files() {
                    if !self.site.opts.site.join(path).exists() {
                        if let Some(folders) =
                            audience::public_folders(&self.site.corpus, path, now)
                        {
                            self.site.remove_from_hub(&folders);
                        }
                    }
                }
                self.rebuild(session)
            }
        }
    }

    /// One content file was saved: read it alone, render its own page in
    /// both sites, show its problems and reload open tabs; then the rest.
    fn save(&mut self, path: &Path, session: &Session) -> Result<(), Error> {
        let started = Instant::now();
        let now = self.site.opts.now;
        let was_public = audience::public_folders(&self.site.corpus, path, now);
        let values = secrets::Secrets::of_file(&self.site.corpus, path, now);
        let read = self.reread(path);
        if !read.changed && !read.problems_changed {
            // The same save seen twice, or a file touched but not changed.
            return Ok(());
        }
        let values_now = secrets::Secrets::of_file(&self.site.corpus, path, now);
        if values_now != values {
            // What is looked for changed: the next render makes the
            // lookout again.
            self.site.forget_lookout();
        }
        if values_now.iter().any(|v| !values.contains(v)) {
            // A new internal detail or staff note may already be on pages
            // of the hub that this save does not render: the whole hub is
            // scanned again soon (a page holding it is then removed).
            self.pending.everything = true;
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
        self.site.remove_from_hub(folders);
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

    /// How long until the site changes by itself (zero: it has).
    fn next_change(&self) -> Option<Duration> {
        let next = crate::schedule::next_change(&self.site.corpus, self.site.opts.now)?;
        let wait = next.at.signed_duration_since(Utc::now());
        Some(wait.to_std().unwrap_or(Duration::ZERO))
    }

    /// The time has come for a change by itself: read everything again at
    /// the time it is now. Whatever left the hub with it (a consent review
    /// passed) goes first, as after an edit (see `rebuild`).
    fn clock_moved(&mut self, session: &Session) -> Result<(), Error> {
        let then = self.site.opts.now;
        self.site.opts.now = Utc::now().fixed_offset();
        self.rebuild_since(then, session)
    }

    /// Read everything again and render both sites whole: after a change
    /// to hub.yaml, templates, interface texts or static files, or to
    /// several files at once, or a file deleted.
    fn rebuild(&mut self, session: &Session) -> Result<(), Error> {
        self.rebuild_since(self.site.opts.now, session)
    }

    /// `rebuild`, the hub as served having been chosen at `then`.
    fn rebuild_since(
        &mut self,
        then: DateTime<FixedOffset>,
        session: &Session,
    ) -> Result<(), Error> {
        let started = Instant::now();
        let opts = &self.site.opts;
        let mut found = Diagnostics::default();
        let corpus = match load::site(&opts.site, opts.max_file_size, &mut found) {
            Ok(corpus) => corpus,
            // The site folder itself is gone: keep serving the last good sites.
            Err(e) => {
                (session.report)(&format!("error: {e}"));
                return Ok(());
            }
        };
        // Whatever left the hub (files deleted, consent withdrawn in
        // several files at once) leaves the served hub now, before
        // anything else, and whether or not the theme still compiles.
        let left = audience::left_the_hub(&self.site.corpus, then, &corpus, opts.now);
        let left: Vec<PathBuf> = left
            .into_iter()
            .map(|(path, folders)| {
                self.site.remove_from_hub_in(&folders, &corpus);
                path.to_path_buf()
            })
            .collect();
        let themes = themes(opts, &corpus, &mut found);
        let fits =
            crate::languages::of(&corpus.config) == crate::languages::of(&self.site.corpus.config);
        // The site as it is now, whatever renders it: what the hub may
        // show is decided from it from here on.
        self.site.corpus = corpus;
        self.site.forget_lookout();
        self.problems.read_site(found);
        self.pending.check = true;
        match themes {
            Ok(themes) => {
                self.site.themes = themes;
                self.theme_unfit = false;
            }
            Err(e) => {
                (session.report)(&format!("error: {e}"));
                self.theme_unfit |= !fits;
                if left.is_empty() {
                    // Keep serving the last good pages: nothing on them
                    // has left the hub.
                    if self.theme_unfit {
                        self.pending = Pending {
                            check: true,
                            ..Pending::default()
                        };
                    }
                    return Ok(());
                }
                if self.theme_unfit {
                    // The pages that list what left can't be rendered
                    // again: the hub goes, until the theme compiles.
                    self.site.take_the_hub_down();
                    self.pending = Pending {
                        check: true,
                        ..Pending::default()
                    };
                    session.shared.announce(News::Everything);
                    (session.report)(&format!(
                        "took the public hub down until the theme compiles: {} left it",
                        names(&left)
                    ));
                    return Ok(());
                }
                // The last good theme renders the hub without what left.
                (session.report)("rendering with the last good templates until they are fixed");
            }
        }
        // Anything can have left the hub: this never gives way to saves.
        // After something did, the whole hub comes before the page on screen.
        self.everything_now(session, left.is_empty())?;
        match left.is_empty() {
            true => (session.report)("rebuilt everything"),
            false => (session.report)(&format!(
                "took {} off the public hub in {} ms",
                names(&left),
                started.elapsed().as_millis()
            )),
        }
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

    /// Keep `lookout`, made from the site as it is now, for the next renders.
    fn keep_lookout(&self, lookout: Arc<secrets::Lookout>) {
        *self.lookout.lock().unwrap_or_else(|e| e.into_inner()) = Some(lookout);
    }

    /// The site's private values may have changed: make the lookout again
    /// before the next render.
    fn forget_lookout(&self) {
        *self.lookout.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }

    /// The lookout for the site as it is now, made if it was forgotten.
    fn lookout(&self) -> Arc<secrets::Lookout> {
        let kept = self
            .lookout
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        kept.unwrap_or_else(|| {
            let lookout = self.private_values().lookout();
            self.keep_lookout(Arc::clone(&lookout));
            lookout
        })
    }

    /// Remove the folders of an item's pages from the served hub, in every
    /// language of the site.
    fn remove_from_hub(&self, folders: &[Route]) {
        self.remove_from_hub_in(folders, &self.corpus);
    }

    /// `remove_from_hub`, in every language of this site and of `other`
    /// (the site read again, its languages perhaps changed).
    fn remove_from_hub_in(&self, folders: &[Route], other: &Corpus) {
        let hub = self.opts.out.join(Audience::Public.folder());
        let mut languages = crate::languages::of(&self.corpus.config);
        languages.extend(crate::languages::of(&other.config));
        for language in &languages {
            for folder in folders {
                let dir = hub.join(&language.prefix).join(folder.url());
                if dir.starts_with(&hub) && dir != hub && dir != hub.join(&language.prefix) {
                    let _ = std::fs::remove_dir_all(&dir);
                }
            }
        }
    }

    /// Empty the served hub but for a page, served at every address, that
    /// says why: what is served must not list what left the hub, and the
    /// theme can't render it without them.
    fn take_the_hub_down(&self) {
        let hub = self.opts.out.join(Audience::Public.folder());
        for entry in std::fs::read_dir(&hub).into_iter().flatten().flatten() {
            let path = entry.path();
            let _ = match path.is_dir() {
                true => std::fs::remove_dir_all(&path),
                false => std::fs::remove_file(&path),
            };
        }
        let page = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>The public hub is down</title></head>\n<body><h1>The public hub is down until its templates compile</h1>\n<p>Something left the hub while a template did not compile, and the pages that listed it can't be rendered without it. The terminal says what is wrong; the playbook preview keeps its last good pages.</p>\n</body></html>\n";
        self.leaks.lock().unwrap_or_else(|e| e.into_inner()).clear();
        let _ = std::fs::write(hub.join("404.html"), page);
    }

    /// `render`, with the private values when they are already known.
    ///
    /// Every public file passes through the leak scan before it is
    /// written, as in `build`: with `private`, or the values found now in
    /// a whole render, or else the lookout kept from the last render (made
    /// again if an edit changed the values). A file in which it finds a
    /// private value is not written, and its earlier version is removed.
    /// A file the kept lookout refuses is looked at again with the values
    /// found now: the lookout may be behind the public text (a hidden
    /// story's title that a public text now says too), and they say whose
    /// the value is.
    fn render_scanned(
        &self,
        pages: &[Vec<Pages>; 2],
        scope: Scope,
        stop: &(dyn Fn() -> bool + Sync),
        private: Option<&secrets::Watch>,
    ) -> Result<Changed, Error> {
        let whole = matches!(scope, Scope::All);
        let kept = match (private, whole) {
            (None, false) => self
                .lookout
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .clone(),
            _ => None,
        };
        let computed;
        let (watch, lookout) = match (private, kept) {
            (Some(watch), _) => (Some(watch), watch.lookout()),
            (None, Some(lookout)) => (None, lookout),
            (None, None) => {
                computed = self.private_values();
                (Some(&computed), computed.lookout())
            }
        };
        self.keep_lookout(Arc::clone(&lookout));
        let guard = match watch {
            Some(watch) => watch.guard(),
            None => lookout.guard(),
        };
        let one = |languages: &[Pages]| -> Result<(Vec<String>, Option<Scanned>), Error> {
            let audience = languages[0].view().audience;
            let public = audience == Audience::Public;
            let dir = self.opts.out.join(audience.folder());
            std::fs::create_dir_all(&dir).map_err(|e| Error::Io {
                path: dir.clone(),
                message: e.to_string(),
            })?;
            let writer = SiteWriter::in_place(&dir);
            let changed = Mutex::new(Vec::new());
            let written = Mutex::new(HashSet::new());
            // The public files this render made, refused ones included.
            let made = Mutex::new(HashSet::new());
            let refused = Mutex::new(Vec::new());
            let url_of = |path: &Path| {
                let url = path.to_string_lossy().replace('\\', "/");
                format!("/{}", url.trim_end_matches("index.html"))
            };
            let put = |file: &OutputFile| {
                if whole {
                    written
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .insert(file.path.clone());
                }
                if writer.write(file)? && file.path.extension().is_some_and(|e| e == "html") {
                    changed
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push(url_of(&file.path));
                }
                Ok(())
            };
            let write = |file: &OutputFile| {
                if public {
                    if !whole {
                        made.lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .insert(file.path.clone());
                    }
                    if !guard.inspect(&file.path, &file.bytes) {
                        refused
                            .lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .push(file.clone());
                        return Ok(());
                    }
                }
                put(file)
            };
            for pages in languages {
                pages.render(scope, &write, stop)?;
            }
            let refused = refused.into_inner().unwrap_or_else(|e| e.into_inner());
            // Refused by the kept lookout: looked at again with the values
            // as they are now.
            let fresh = match (watch, refused.is_empty()) {
                (None, false) => Some(self.private_values()),
                _ => None,
            };
            let again = fresh.as_ref().map(|fresh| {
                self.keep_lookout(fresh.lookout());
                fresh.guard()
            });
            if public {
                for file in &refused {
                    match &again {
                        Some(again) if again.inspect(&file.path, &file.bytes) => put(file)?,
                        // A whole render prunes it with the rest.
                        _ if !whole
                            && std::fs::remove_file(dir.join(&file.path)).is_ok()
                            && file.path.extension().is_some_and(|e| e == "html") =>
                        {
                            changed
                                .lock()
                                .unwrap_or_else(|e| e.into_inner())
                                .push(url_of(&file.path));
                        }
                        _ => {}
                    }
                }
            }
            if whole && !stop() {
                let (planned, folders) = languages[0].planned();
                let own: HashSet<PathBuf> = planned.into_iter().collect();
                let statics: Vec<&Path> = languages[0]
                    .view()
                    .static_files
                    .iter()
                    .copied()
                    .filter(|f| !own.contains(*f) && !folders.iter().any(|d| f.starts_with(d)))
                    .collect();
                let prepare = |rel: &Path, bytes: Vec<u8>| {
                    let bytes = match public {
                        true => crate::published_static(&guard, rel, bytes)?,
                        false => bytes,
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
            let leaks = public.then(|| {
                let found = match &again {
                    Some(again) => again.found_in(),
                    None => guard.found_in(),
                };
                (found, made.into_inner().unwrap_or_else(|e| e.into_inner()))
            });
            let changed = changed.into_inner().unwrap_or_else(|e| e.into_inner());
            Ok((changed, leaks))
        };
        let (public, playbook) = rayon::join(|| one(&pages[0]), || one(&pages[1]));
        let (public, found) = public?;
        let (playbook, _) = playbook?;
        if let Some((found, made)) = found {
            let mut leaks = self.leaks.lock().unwrap_or_else(|e| e.into_inner());
            if whole {
                *leaks = found;
            } else {
                leaks.retain(|(file, _)| !made.contains(file));
                leaks.extend(found);
            }
        }
        Ok([public, playbook])
    }
}

/// What the leak scan found in one render of the hub (each error with the
/// public file that held the value), and every public file that render
/// made, refused ones included.
type Scanned = (Vec<(PathBuf, crate::Diagnostic)>, HashSet<PathBuf>);

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
fn prune(dir: &Path, written: &HashSet<PathBuf>) {
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
