//! convene: a folder of Markdown becomes a charity's public people hub and
//! its internal social-media playbook.
//!
//! The whole pipeline is `build`:
//!
//! ```text
//! load -> validate -> select audience -> route -> render -> write
//! ```
//!
//! Library code never prints or exits; problems in content come back as
//! `Diagnostics`, and only I/O, template and output-folder failures are `Error`s.

pub mod audience;
pub mod config;
pub mod diagnostics;
pub mod frontmatter;
pub mod images;
pub mod load;
pub mod model;
pub mod one_file;
pub mod output;
pub mod render;
pub mod routes;
pub mod scaffold;
pub mod schedule;
pub mod serve;
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
    validate::corpus(&corpus, opts.now, &mut diagnostics);
    taxonomy::check(&corpus, &mut diagnostics);
    images::check(&corpus, &mut diagnostics);
    diagnostics.sort();
    Ok((corpus, diagnostics))
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
    let mut watch = Stopwatch::start();
    let (corpus, mut diagnostics) = check(opts)?;
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
    let theme = theme::Theme::load(&opts.site, &corpus.config.theme)?;
    let highlighter = render::highlight::Highlighter::default();
    watch.lap("templates and highlighter");
    // Begun before images are made: it marks the output folder as
    // convene's, and the image cache lives inside it by default.
    let stage = output::Stage::begin(&opts.out)?;
    let (public, playbook) = rayon::join(
        || audience::select(&corpus, Audience::Public, opts.now),
        || audience::select(&corpus, Audience::Playbook, opts.now),
    );
    let cache = opts
        .images
        .then(|| images::Cache::open(&opts.image_cache_dir()))
        .transpose()?;
    let derived = match &cache {
        Some(cache) => images::derive(&corpus, &public, &theme, cache, progress, &mut diagnostics)?,
        None => images::Images::default(),
    };
    watch.lap("images");
    if stop(&diagnostics) {
        return stopped(diagnostics, watch);
    }
    let views = [public, playbook];
    let counts = views
        .par_iter()
        .map(|view| {
            let site = stage.site(view.audience);
            let tools = render::Tools {
                theme: &theme,
                highlighter: &highlighter,
                images: &derived,
            };
            let mut count = render::site(view, &tools, render::Scope::All, &|f| {
                site.write(f).map(drop)
            })?;
            count.files += site.copy_static(&opts.site, &view.static_files)?;
            let files = derived.files_for(view);
            files
                .par_iter()
                .try_for_each(|d| site.link(Path::new(&d.url), &d.cached))?;
            count.files += files.len();
            Ok(count)
        })
        .collect::<Result<Vec<_>, Error>>()?;
    watch.lap("render and write");
    stage.finish(&views.map(|v| v.audience))?;
    if let Some(cache) = cache {
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
