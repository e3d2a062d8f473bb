//! The command line: one Args struct per command, each with `run`.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use clap::{Args, Parser, Subcommand};
use convene::diagnostics::{self, Format};
use convene::scaffold::{self, Kind};
use convene::{Diagnostics, Error, Options, Severity};
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit codes, documented in the README.
pub const OK: u8 = 0;
pub const CONTENT_ERRORS: u8 = 1;
pub const FAILED: u8 = 2;

#[derive(Parser)]
#[command(
    name = "convene",
    version,
    about = "Build a charity's public people hub and internal social-media playbook from Markdown."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Build the public hub and the playbook into OUT/public and OUT/playbook.
    Build(BuildArgs),
    /// Check the site and report every problem, without writing anything.
    Check(CheckArgs),
    /// Start a new site from the built-in example, or a blank one.
    Init(InitArgs),
    /// Add a person, story, guideline or campaign file with its front matter.
    New(NewArgs),
    /// Serve both sites locally, rebuilding and reloading as you edit.
    Serve(ServeArgs),
}

#[derive(Args)]
pub struct ServeArgs {
    /// The site folder (the one with hub.yaml).
    #[arg(default_value = ".")]
    pub site: PathBuf,
    /// Port for the public hub; the playbook is served on the next port
    /// (so at most 65534).
    #[arg(long, default_value_t = 1111, value_parser = clap::value_parser!(u16).range(1..=65534))]
    pub port: u16,
    /// Address to listen on. Only change this if you mean to share the
    /// playbook with your network.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: String,
    /// "Now" for embargoes and consent reviews, fixed (default: the clock, which moves: an embargo lifts while serve runs).
    #[arg(long, value_parser = parse_now)]
    pub now: Option<DateTime<FixedOffset>>,
    /// Where to write the served files (default: a folder in the system's temporary directory).
    #[arg(long)]
    pub out: Option<PathBuf>,
}

#[derive(Args)]
pub struct CommonArgs {
    /// The site folder (the one with hub.yaml).
    #[arg(default_value = ".")]
    pub site: PathBuf,
    /// "Now" for embargoes and consent reviews, e.g. 2026-03-01T09:00:00Z (default: the current time).
    #[arg(long, value_parser = parse_now)]
    pub now: Option<DateTime<FixedOffset>>,
    /// How to print problems: human, github (workflow commands) or json.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// Treat warnings as errors: exit 1 and, for build, write nothing.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Refuse any file in the site larger than this many bytes (default 5 MB).
    #[arg(long, value_name = "BYTES", default_value_t = convene::config::DEFAULT_MAX_FILE_SIZE)]
    pub max_file_size: u64,
}

#[derive(Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    /// Where to write the two sites.
    #[arg(long, default_value = "dist")]
    pub out: PathBuf,
    /// Print how long each step of the build took.
    #[arg(long)]
    pub timings: bool,
    /// Skip resizing photos and drawing share cards: pages show the
    /// original photo files. Quicker for drafts; publish without it.
    /// Profiles' QR codes are still kept in the image cache, and nothing
    /// is removed from it.
    #[arg(long)]
    pub no_images: bool,
    /// Where resized photos and share cards are kept between builds, so
    /// only changed ones are redone (default: OUT/.cache/images).
    #[arg(long, value_name = "DIR")]
    pub image_cache: Option<PathBuf>,
}

#[derive(Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub common: CommonArgs,
}

#[derive(Args)]
pub struct InitArgs {
    /// The folder to create.
    pub dir: PathBuf,
    /// Start with one person, story, guideline and campaign, every field
    /// explained, instead of the whole example charity.
    #[arg(long)]
    pub blank: bool,
    /// Also write the configuration for serving the playbook behind a
    /// login there (PUBLISHING.md compares them).
    #[arg(long, value_enum, value_name = "HOST")]
    pub playbook_host: Option<scaffold::PlaybookHost>,
}

#[derive(Args)]
pub struct NewArgs {
    /// What to create.
    #[arg(value_enum)]
    pub kind: Kind,
    /// The person's name or the title, e.g. "Amara Okafor".
    pub name: String,
    /// The site folder.
    #[arg(long, default_value = ".")]
    pub site: PathBuf,
}

fn parse_now(s: &str) -> Result<DateTime<FixedOffset>, String> {
    DateTime::parse_from_rfc3339(s)
        .or_else(|_| {
            NaiveDate::parse_from_str(s, "%Y-%m-%d").map(|d| {
                d.and_hms_opt(0, 0, 0)
                    .unwrap_or_default()
                    .and_utc()
                    .fixed_offset()
            })
        })
        .map_err(|_| "write it like 2026-03-01T09:00:00Z or 2026-03-01".to_string())
}

impl CommonArgs {
    fn options(&self, out: PathBuf) -> Options {
        Options {
            max_file_size: self.max_file_size,
            deny_warnings: self.deny_warnings,
            ..Options::new(
                self.site.clone(),
                out,
                self.now.unwrap_or_else(|| Utc::now().fixed_offset()),
            )
        }
    }

    /// Print the problems and decide the exit code.
    fn finish(&self, diags: &Diagnostics) -> u8 {
        eprint!("{}", diagnostics::render(diags, self.format, &self.site));
        let errors = diags.count(Severity::Error);
        let warnings = diags.count(Severity::Warning);
        if self.format == Format::Human && (errors + warnings) > 0 {
            eprintln!("{errors} error(s), {warnings} warning(s)");
        }
        if errors > 0 || (self.deny_warnings && warnings > 0) {
            CONTENT_ERRORS
        } else {
            OK
        }
    }
}

impl Cli {
    pub fn run(self) -> ExitCode {
        // Tools reading `--format json` get JSON even when convene could
        // not run at all.
        let format = match &self.command {
            Command::Build(a) => a.common.format,
            Command::Check(a) => a.common.format,
            _ => Format::Human,
        };
        let result = match self.command {
            Command::Build(a) => a.run(),
            Command::Check(a) => a.run(),
            Command::Init(a) => a.run(),
            Command::New(a) => a.run(),
            Command::Serve(a) => a.run(),
        };
        match result {
            Ok(code) => ExitCode::from(code),
            Err(e) => {
                eprint!("{}", diagnostics::failure(&e, format));
                ExitCode::from(FAILED)
            }
        }
    }
}

impl BuildArgs {
    fn run(self) -> Result<u8, Error> {
        let started = std::time::Instant::now();
        let options = Options {
            images: !self.no_images,
            image_cache: self.image_cache.clone(),
            ..self.common.options(self.out.clone())
        };
        let report = convene::build_with_progress(&options, &ProgressBar::default())?;
        let code = self.common.finish(&report.diagnostics);
        if self.common.format == Format::Json {
            // stderr stays one JSON array of problems, as documented; what
            // the build did is one JSON object on stdout.
            println!("{}", build_summary(&report));
            return Ok(code);
        }
        if self.timings {
            for (step, took) in &report.timings {
                eprintln!("{:>8.1} ms  {step}", took.as_secs_f64() * 1000.0);
            }
        }
        match report.written {
            Some(w) if code == OK => eprintln!(
                "built {} public pages and {} playbook pages ({} files) into {} in {:.2} s",
                w.public_pages,
                w.playbook_pages,
                w.files,
                self.out.display(),
                started.elapsed().as_secs_f64()
            ),
            Some(_) => eprintln!("built, with warnings"),
            None => eprintln!(
                "nothing was written: {} still holds the last good build",
                self.out.display()
            ),
        }
        if let Some(next) = &report.next_change {
            let when = next.at_utc();
            let what = next.describe();
            match self.common.format {
                Format::Github => eprintln!(
                    "::notice title=The hub changes by itself at {when}::{what}; a scheduled build then publishes it"
                ),
                _ => eprintln!("next change by itself: {when}, when {what}; build again then"),
            }
        }
        Ok(code)
    }
}

/// `build --format json`'s stdout: `{"written": true, "next_change": {"at":
/// "2027-03-01T09:00:00Z", "file": "stories/...", "what": "embargo_lifts"}}`,
/// with `next_change` null when nothing is coming or nothing was written.
fn build_summary(report: &convene::Report) -> serde_json::Value {
    let next = report.next_change.as_ref().map(|next| {
        serde_json::json!({
            "at": next.at_utc(),
            "file": next.file_name(),
            "what": next.what,
        })
    });
    serde_json::json!({
        "written": report.written.is_some(),
        "next_change": next,
    })
}

/// A progress bar while many images are made (hidden when stderr is not
/// a terminal, as in CI logs).
#[derive(Default)]
struct ProgressBar(std::sync::OnceLock<indicatif::ProgressBar>);

/// Fewer images than this are made too quickly to need a bar.
const PROGRESS_FROM: usize = 20;

impl convene::images::Progress for ProgressBar {
    fn start(&self, total: usize) {
        if total >= PROGRESS_FROM {
            let bar = indicatif::ProgressBar::new(total as u64).with_style(
                indicatif::ProgressStyle::with_template(
                    "making images {bar:30} {pos}/{len} ({eta} left)",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            let _ = self.0.set(bar);
        }
    }
    fn advance(&self) {
        if let Some(bar) = self.0.get() {
            bar.inc(1);
        }
    }
    fn finish(&self) {
        if let Some(bar) = self.0.get() {
            bar.finish_and_clear();
        }
    }
}

impl CheckArgs {
    fn run(self) -> Result<u8, Error> {
        let (_, diags) = convene::check(&self.common.options(PathBuf::new()))?;
        let code = self.common.finish(&diags);
        if diags.is_empty() && self.common.format == Format::Human {
            eprintln!("no problems found");
        }
        Ok(code)
    }
}

impl InitArgs {
    fn run(self) -> Result<u8, Error> {
        let options = scaffold::InitOptions {
            blank: self.blank,
            playbook_host: self.playbook_host,
        };
        let written = scaffold::init(&self.dir, &options)?;
        let dir = self.dir.display();
        let what = if self.blank {
            "a blank site: one person, story, guideline and campaign, every field explained"
        } else {
            "an example site to edit"
        };
        eprintln!("created {dir} with {} files: {what}.", written.len());
        // Commands only: they work the same on Linux, macOS and Windows.
        eprintln!("next:");
        eprintln!("  convene serve {dir}    preview both sites as you edit: the public hub at http://127.0.0.1:1111/, the playbook at http://127.0.0.1:1112/");
        eprintln!("  convene build {dir}    write dist/public and dist/playbook, then open index.html in each with your browser");
        eprintln!("to publish by git push, read {dir}/PUBLISHING.md");
        if let Some(host) = self.playbook_host {
            let files: Vec<&str> = host.files().map(|(rel, _)| rel).collect();
            eprintln!(
                "for the playbook's host: {}; PUBLISHING.md, \"Putting the playbook behind a login\", says what to do with it",
                files.join(", ")
            );
        }
        Ok(OK)
    }
}

impl ServeArgs {
    fn run(self) -> Result<u8, Error> {
        // The preview holds the playbook: by default it lives in a folder
        // only this user can open, removed when serve stops.
        let preview = match &self.out {
            Some(_) => None,
            None => Some(private_folder().map_err(|e| Error::Io {
                path: std::env::temp_dir(),
                message: e.to_string(),
            })?),
        };
        let out = match &preview {
            Some(dir) => dir.path().to_path_buf(),
            None => self.out.clone().unwrap_or_default(),
        };
        if let Some(dir) = &preview {
            // Ctrl+C ends the process without running destructors.
            let path = dir.path().to_path_buf();
            let _ = ctrlc::set_handler(move || {
                let _ = std::fs::remove_dir_all(&path);
                std::process::exit(i32::from(OK));
            });
        }
        let options = convene::serve::ServeOptions {
            build: Options::new(
                self.site,
                out,
                self.now.unwrap_or_else(|| Utc::now().fixed_offset()),
            ),
            bind: self.bind,
            port: self.port,
            follow_clock: self.now.is_none(),
        };
        let served = convene::serve::run(&options, &|line| eprintln!("{line}"));
        drop(preview);
        served.map(|()| OK)
    }
}

/// A new temporary folder only its owner can open (Windows keeps a
/// user's temporary folder to that user already).
fn private_folder() -> std::io::Result<tempfile::TempDir> {
    let mut folder = tempfile::Builder::new();
    folder.prefix("convene-serve-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        folder.permissions(std::fs::Permissions::from_mode(0o700));
    }
    folder.tempdir()
}

impl NewArgs {
    fn run(self) -> Result<u8, Error> {
        let path = scaffold::new_file(&self.site, self.kind, &self.name, Utc::now().date_naive())?;
        println!("{}", path.display());
        Ok(OK)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_valid() {
        Cli::command().debug_assert();
    }

    #[test]
    fn now_accepts_dates_and_timestamps() {
        assert!(parse_now("2026-03-01T09:00:00Z").is_ok());
        assert!(parse_now("2026-03-01").is_ok());
        assert!(parse_now("next tuesday").is_err());
    }
}
