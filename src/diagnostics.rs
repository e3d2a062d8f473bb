//! Problems found in a site, collected across the whole run and printed once.
//!
//! Library code never prints: every step pushes `Diagnostic`s into a
//! `Diagnostics` list and carries on, so a comms officer sees every problem in
//! one run instead of fixing them one build at a time.

use serde::Serialize;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem, pointing at a place in a source file (paths are relative to
/// the site folder; line and column are 1-based, 0 when unknown).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    #[serde(serialize_with = "slash_path")]
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

/// Paths in JSON use `/` on every system, so CI tools can match them.
fn slash_path<S: serde::Serializer>(path: &Path, s: S) -> Result<S::Ok, S::Error> {
    let parts: Vec<_> = path
        .components()
        .map(|c| match c {
            // An absolute path (an image cache elsewhere) starts with `/`.
            std::path::Component::RootDir => "".into(),
            c => c.as_os_str().to_string_lossy(),
        })
        .collect();
    s.serialize_str(&parts.join("/"))
}

impl Diagnostic {
    pub fn error(file: impl Into<PathBuf>, line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            line,
            column: if line > 0 { 1 } else { 0 },
            message: message.into(),
            hint: None,
        }
    }

    pub fn warning(file: impl Into<PathBuf>, line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, line, message)
        }
    }

    pub fn at_column(mut self, column: usize) -> Self {
        self.column = column;
        self
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn with_hint_opt(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }
}

/// Every problem found so far, in a stable order once `sorted`.
#[derive(Debug, Default, Clone, Serialize)]
#[serde(transparent)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(other);
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.0.iter().filter(|d| d.severity == severity).count()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Sort by file then position so output is the same whatever the thread count.
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| {
            (&a.file, a.line, a.column, a.severity, &a.message)
                .cmp(&(&b.file, b.line, b.column, b.severity, &b.message))
        });
        self.0.dedup();
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// "Did you mean ...?" for a misspelt key, slug or topic.
pub fn did_you_mean<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    candidates
        .into_iter()
        .map(|c| {
            (
                strsim::jaro_winkler(&wrong.to_lowercase(), &c.to_lowercase()),
                c,
            )
        })
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| format!("did you mean `{c}`?"))
}

/// How diagnostics are printed: for people, for GitHub Actions, or for tools.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Github,
    Json,
}

/// Render diagnostics in the chosen format. `site` is where files are read
/// from to quote the offending line in human output.
pub fn render(diags: &Diagnostics, format: Format, site: &Path) -> String {
    match format {
        Format::Human => diags.iter().map(|d| human(d, site)).collect(),
        Format::Github => diags.iter().map(|d| github(d, site)).collect(),
        Format::Json => serde_json::to_string_pretty(diags).unwrap_or_default() + "\n",
    }
}

/// Problems as `serve` shows them over the public hub's pages: file,
/// position, message and hint, but never a quoted line of the file, which
/// could be a private field's.
pub fn brief(diags: &Diagnostics) -> String {
    let mut out = String::new();
    for d in diags.iter() {
        let label = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let _ = writeln!(out, "{label}: {}", visible(&d.message));
        match d.line {
            0 => {
                let _ = writeln!(out, "  --> {}", visible(&d.file.display().to_string()));
            }
            line => {
                let _ = writeln!(
                    out,
                    "  --> {}:{line}:{}",
                    visible(&d.file.display().to_string()),
                    d.column
                );
            }
        }
        if let Some(hint) = &d.hint {
            let _ = writeln!(out, "  = hint: {}", visible(hint));
        }
        out.push('\n');
    }
    out
}

/// A failure that stopped convene running (exit code 2), in the chosen
/// format: the JSON array of `--format json` has one entry, `severity`
/// `"error"`, the path it concerns as `file` (or empty) and line 0.
pub fn failure(error: &crate::Error, format: Format) -> String {
    let file = match error {
        crate::Error::NotASite(path) | crate::Error::Io { path, .. } => path.clone(),
        _ => PathBuf::new(),
    };
    match format {
        Format::Json => {
            let mut one = Diagnostics::default();
            one.push(Diagnostic::error(file, 0, error.to_string()));
            render(&one, Format::Json, Path::new(""))
        }
        Format::Github => format!("::error::{}\n", github_text(&error.to_string())),
        Format::Human => format!("error: {}\n", visible(&error.to_string())),
    }
}

/// Control characters in a message (an escape code in a field name, a
/// carriage return in a value) shown as `\u{1b}`, so they can't move the
/// cursor, recolour the terminal or fake a line of the report.
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() && c != '\n') {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| match c {
            '\n' => "\n".to_string(),
            c if c.is_control() => c.escape_unicode().to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// rustc's layout, which people who have seen any compiler error recognise:
/// the file and position, the line itself, a caret under the column.
fn human(d: &Diagnostic, site: &Path) -> String {
    let label = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut out = format!("{label}: {}\n", visible(&d.message));
    let shown = site.join(&d.file);
    let gutter = " ".repeat(d.line.max(1).to_string().len());
    if d.line > 0 {
        let _ = writeln!(
            out,
            "{gutter}--> {}:{}:{}",
            visible(&shown.display().to_string()),
            d.line,
            d.column
        );
        if let Some(text) =
            source_line(&shown, d.line).map(|t| visible(&t.replace('\t', " ")).into_owned())
        {
            let pad = " ".repeat(d.column.saturating_sub(1).min(text.chars().count()));
            let _ = writeln!(out, "{gutter} |\n{} | {text}\n{gutter} | {pad}^", d.line);
        }
    } else {
        let _ = writeln!(out, "{gutter}--> {}", visible(&shown.display().to_string()));
    }
    if let Some(hint) = &d.hint {
        let _ = writeln!(out, "{gutter} = hint: {}", visible(hint));
    }
    out.push('\n');
    out
}

fn source_line(path: &Path, line: usize) -> Option<String> {
    let text = std::fs::read(path).ok()?;
    let text = String::from_utf8_lossy(&text);
    text.lines().nth(line - 1).map(|l| l.trim_end().to_string())
}

/// Text for a workflow command: `%`, CR and LF encoded as GitHub asks;
/// any other control character shown as `\u{..}`, so none reaches the log.
fn github_text(s: &str) -> String {
    let encoded = s
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    visible(&encoded).into_owned()
}

/// GitHub Actions workflow commands, so problems show on the pull request's lines.
fn github(d: &Diagnostic, site: &Path) -> String {
    let level = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let escape = github_text;
    let escape_prop = |s: &str| escape(s).replace(':', "%3A").replace(',', "%2C");
    let mut msg = d.message.clone();
    if let Some(h) = &d.hint {
        msg.push_str(&format!(" (hint: {h})"));
    }
    let file = site.join(&d.file);
    format!(
        "::{level} file={},line={},col={}::{}\n",
        escape_prop(&file.to_string_lossy()),
        d.line.max(1),
        d.column.max(1),
        escape(&msg)
    )
}
