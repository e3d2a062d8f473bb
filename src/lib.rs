//! convene: a folder of Markdown becomes a charity's public people hub and
//! its internal social-media playbook.
//!
//! The whole pipeline is `build`:
//!
//! ```text
//! load -> validate -> select audience -> route -> render -> write
//! ```
//!
//! Loading surveys each input as it reads it (`survey`): a Markdown body
//! is parsed once, a picture's header read once, and every later step
//! reads those records.
//!
//! Library code never prints or exits; problems in content come back as
//! `Diagnostics`, and only I/O, template and output-folder failures are `Error`s.

pub mod audience;
pub mod brand;
pub mod config;
pub mod diagnostics;
pub mod frontmatter;
pub mod highlight;
pub mod html;
pub mod images;
pub mod languages;
pub mod load;
pub mod model;
pub mod one_file;
pub mod output;
pub mod references;
pub mod render;
pub mod routes;
pub mod scaffold;
pub mod schedule;
pub mod secrets;
pub mod serve;
pub mod sharing;
pub mod survey;
pub mod taxonomy;
pub mod theme;
pub mod validate;

pub use config::{Options, SiteConfig};
pub use diagnostics::{Diagnostic, Diagnostics, Severity};

use model::{Audience, Corpus};
use rayon::prelude::*;
use std::fmt;
use std::path::{Path, PathBuf};

/// What a check or build found, and what it wrote.
#[derive(Debug, Default)]
pub struct Report {
    pub diagnostics: Diagnostics,
    /// Set when the sites were written.
    pub written: Option<Written>,
    /// How long each step took, in order, for `--timings`.
    pub timings: Vec<(&'static str, std::time::Duration)>,
    /// When the written sites will next change by themselves (set when
    /// they were written and such a moment is coming).
    pub next_change: Option<schedule::NextChange>,
}

/// Times the steps of the pipeline.
struct Stopwatch(std::time::Instant, Vec<(&'static str, std::time::Duration)>);

impl Stopwatch {
    fn start() -> Self {
        Stopwatch(std::time::Instant::now(), Vec::new())
    }
    fn lap(&mut self, step: &'static str) {
        let now = std::time::Instant::now();
        self.1.push((step, now - self.0));
        self.0 = now;
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Written {
    pub public_pages: usize,
    pub playbook_pages: usize,
    pub files: usize,
}

/// Load and check a site without writing anything.
pub fn check(opts: &Options) -> Result<(Corpus, Diagnostics), Error> {
    let mut diagnostics = Diagnostics::default();
    let corpus = load::site(&opts.site, opts.max_file_size, &mut diagnostics)?;
    check_loaded(&corpus, opts, &mut diagnostics)?;
    diagnostics.sort();
    Ok((corpus, diagnostics))
}

/// Every check of a loaded site. Returns the theme it loaded, once per
/// language of the site (`None` when hub.yaml names a theme convene does
/// not have, which is reported) and what
/// looks for private values in the public output. Everything `build`
/// would refuse is found here; a broken template is an `Error`, as in
/// `build`.
fn check_loaded<'c>(
    corpus: &'c Corpus,
    opts: &Options,
    diagnostics: &mut Diagnostics,
) -> Result<(Option<Vec<theme::Theme>>, secrets::Watch<'c>), Error> {
    // Looking for private values in public text reads all of it: done
    // beside the other checks, which read file by file.
    let (checked, (private, watch)) = rayon::join(
        || -> Result<_, Error> {
            let mut found = Diagnostics::default();
            validate::corpus(corpus, opts.now, &mut found);
            taxonomy::check(corpus, &mut found);
            images::check(corpus, &mut found);
            let mut said = Vec::new();
            languages::content::check(corpus, &mut said);
            languages::content::missing(corpus, &mut said);
            // An unknown theme is reported with hub.yaml's other problems.
            let themes = match theme::THEMES.contains(&corpus.config.theme.as_str()) {
                true => Some(theme::Theme::for_site(
                    &opts.site,
                    &corpus.config,
                    &mut said,
                )?),
                false => None,
            };
            found.extend(said);
            if let Some(themes) = &themes {
                static_collisions(corpus, themes, opts.now, &mut found);
            }
            Ok((found, themes))
        },
        || {
            let mut found = Diagnostics::default();
            let watch = validate::private_values(corpus, opts.now, &mut found);
            (found, watch)
        },
    );
    let (found, theme) = checked?;
    diagnostics.extend(found);
    diagnostics.extend(private);
    Ok((theme, watch))
}

/// A file in static/ that would land where convene writes a page or file
/// of its own (`robots.txt`, `index.html`, a profile) would replace it, or
/// be replaced: either way the site is not what anyone meant.
fn static_collisions(
    corpus: &Corpus,
    themes: &[theme::Theme],
    now: chrono::DateTime<chrono::FixedOffset>,
    diags: &mut Diagnostics,
) {
    let highlighter = highlight::Highlighter::plain();
    let images = images::Images::default();
    let mut clashes: std::collections::BTreeMap<&Path, Vec<&str>> = Default::default();
    for audience in [Audience::Public, Audience::Playbook] {
        let mut files = std::collections::HashSet::new();
        let mut folders = Vec::new();
        let views = views_in_languages(corpus, audience, now);
        for (view, theme) in views.iter().zip(themes) {
            let tools = render::Tools {
                theme,
                highlighter: &highlighter,
                images: &images,
            };
            let (planned, whole) = render::Pages::new(view, &tools).planned();
            files.extend(planned);
            folders.extend(whole);
        }
        let view = &views[0];
        for file in &view.static_files {
            if files.contains(*file) || folders.iter().any(|f| file.starts_with(f)) {
                clashes.entry(file).or_default().push(audience.site_name());
            }
        }
    }
    for (file, sites) in clashes {
        diags.push(
            Diagnostic::error(
                Path::new("static").join(file),
                0,
                format!(
                    "this file would be published as /{}, where convene writes a file of its own on the {}",
                    routes::static_url(file),
                    sites.join(" and the ")
                ),
            )
            .with_hint("rename it or move it to another folder: convene makes this file itself"),
        );
    }
}

/// Build both sites into `opts.out`. With any error in the content nothing
/// is written, so the last good output stays as it was.
pub fn build(opts: &Options) -> Result<Report, Error> {
    build_with_progress(opts, &images::Quiet)
}

/// `build`, telling `progress` how image generation goes.
pub fn build_with_progress(
    opts: &Options,
    progress: &dyn images::Progress,
) -> Result<Report, Error> {
    output::check_target(&opts.out, &opts.site)?;
    output::check_cache(&opts.image_cache_dir(), &opts.out, &opts.site)?;
    let mut watch = Stopwatch::start();
    let mut diagnostics = Diagnostics::default();
    let corpus = load::site(&opts.site, opts.max_file_size, &mut diagnostics)?;
    let (theme, private) = check_loaded(&corpus, opts, &mut diagnostics)?;
    diagnostics.sort();
    watch.lap("load and check");
    let stop = |diagnostics: &Diagnostics| {
        diagnostics.has_errors() || (opts.deny_warnings && diagnostics.count(Severity::Warning) > 0)
    };
    // Nothing is written: the last good output stays as it was.
    let stopped = |mut diagnostics: Diagnostics, watch: Stopwatch| {
        diagnostics.sort();
        Ok(Report {
            diagnostics,
            timings: watch.1,
            ..Report::default()
        })
    };
    if stop(&diagnostics) {
        return stopped(diagnostics, watch);
    }
    let Some(themes) = theme else {
        // Reported by the check, so the build has stopped above.
        return stopped(diagnostics, watch);
    };
    let highlighter = highlight::Highlighter::default();
    watch.lap("templates and highlighter");
    // Begun before images are made: it marks the output folder as
    // convene's, and the image cache lives inside it by default.
    let stage = output::Stage::begin(&opts.out)?;
    // Each site once per language, the default first.
    let sites = rayon::join(
        || views_in_languages(&corpus, Audience::Public, opts.now),
        || views_in_languages(&corpus, Audience::Playbook, opts.now),
    );
    let sites = [sites.0, sites.1];
    let public = &sites[0][0];
    // Opened without images too: QR codes are kept there, and choosing
    // each one's mask is most of a `--no-images` build's time otherwise.
    let cache = images::Cache::open(&opts.image_cache_dir())?;
    let derived = if opts.images {
        images::derive(
            &corpus,
            public,
            &themes[0],
            &cache,
            progress,
            &mut diagnostics,
        )?
    } else {
        images::qr_codes_only(public, &cache)
    };
    watch.lap("images");
    if stop(&diagnostics) {
        return stopped(diagnostics, watch);
    }
    // The last line of defence: every public file is searched for the
    // site's private values before anything is swapped in.
    let guard = private.guard();
    let counts = sites
        .par_iter()
        .map(|views| {
            let audience = views[0].audience;
            let site = stage.site(audience);
            let public = audience == Audience::Public;
            let mut count = render::SiteCount::default();
            for (view, theme) in views.iter().zip(&themes) {
                let tools = render::Tools {
                    theme,
                    highlighter: &highlighter,
                    images: &derived,
                };
                let rendered = render::site(view, &tools, render::Scope::All, &|f| {
                    if public && !guard.inspect(&f.path, &f.bytes) {
                        return Ok(());
                    }
                    site.write(f).map(drop)
                })?;
                count.pages += rendered.pages;
                count.files += rendered.files;
            }
            let prepare = |rel: &Path, bytes: Vec<u8>| match public {
                true => published_static(&guard, rel, bytes),
                false => Some(bytes),
            };
            count.files += site.copy_static(&opts.site, &views[0].static_files, &prepare)?;
            let files = derived.files_for(&views[0]);
            files
                .par_iter()
                .try_for_each(|d| site.link(Path::new(&d.url), &d.cached))?;
            count.files += files.len();
            Ok(count)
        })
        .collect::<Result<Vec<_>, Error>>()?;
    watch.lap("render and write");
    let leaks = guard.found();
    if !leaks.is_empty() {
        diagnostics.extend(leaks);
        return stopped(diagnostics, watch);
    }
    stage.finish(&[Audience::Public, Audience::Playbook])?;
    // Only a build that asked for every image knows which are unused.
    if opts.images {
        cache.prune();
    }
    watch.lap("swap in");
    let written = Written {
        public_pages: counts[0].pages,
        playbook_pages: counts[1].pages,
        files: counts.iter().map(|c| c.files).sum(),
    };
    Ok(Report {
        diagnostics,
        written: Some(written),
        timings: watch.1,
        next_change: schedule::next_change(&corpus, opts.now),
    })
}

/// One audience's views, once per language of the site, the default first:
/// the others with their translations' words (chosen the same way).
pub fn views_in_languages<'c>(
    corpus: &'c Corpus,
    audience: Audience,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> Vec<audience::View<'c>> {
    languages::of(&corpus.config)
        .iter()
        .map(|lang| {
            languages::content::translate(audience::select(corpus, audience, now), corpus, lang)
        })
        .collect()
}

/// A static file as the public hub publishes it: without a picture's
/// metadata (check has made sure it can be read), and only if it holds no
/// private value.
pub fn published_static(
    guard: &secrets::Guard<'_, '_>,
    rel: &Path,
    bytes: Vec<u8>,
) -> Option<Vec<u8>> {
    let bytes = images::metadata::strip(rel, bytes).ok()?;
    guard.inspect(rel, &bytes).then_some(bytes)
}

/// Failures that stop a run: the machine's, not the content's.
#[derive(Debug)]
pub enum Error {
    NotASite(PathBuf),
    Io { path: PathBuf, message: String },
    Theme(String),
    Output(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotASite(p) => write!(
                f,
                "{} is not a folder; point convene at a site folder (the one with hub.yaml)",
                p.display()
            ),
            Error::Io { path, message } => write!(f, "{}: {message}", path.display()),
            Error::Theme(m) => write!(f, "template problem: {m}"),
            Error::Output(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Error {}
