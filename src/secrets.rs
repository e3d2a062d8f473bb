//! The site's private values, found wherever they must not be: in the
//! public text comms officers write (an error at that line, in `check`),
//! and, as a last line of defence, in every file of the public output
//! (the build stops before the new site is swapped in).
//!
//! `audience::select` keeps private data away from the public templates;
//! this catches what slips past it anyway: a template edited to print its
//! whole context, a private detail pasted into a public bio, a static file
//! with an export of contact details in it.

use crate::audience::{guideline_is_public, person_is_public, story_is_public};
use crate::model::*;
use crate::render::escape_html;
use crate::render::share::encode;
use crate::validate::key_line;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use chrono::{DateTime, FixedOffset};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Private values shorter than this are too common to look for: `@jo`,
/// `yes`, a two-digit extension would match ordinary text.
pub const MIN_CHARS: usize = 6;

/// Why a value is private, which decides what happens when public text
/// holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A person's `internal` value: an error wherever public text holds it.
    Internal,
    /// A story's or campaign's `staff_notes`: an error too.
    StaffNotes,
    /// What only shows a private item exists (a hidden story's title or
    /// summary, a non-public person's name): public text may well say the
    /// same words, so it is looked for only in the output, and only when
    /// no public text holds it.
    Identifying,
}

/// One private value and where it is written.
#[derive(Debug, Clone)]
pub struct Secret {
    pub text: String,
    pub kind: Kind,
    /// The file and front-matter line that hold it.
    pub file: PathBuf,
    pub line: usize,
    /// In words, without the value: "Amara Okafor's internal `phone`".
    pub what: String,
    /// Where its owner publishes it on purpose (a handle inside one of
    /// their public links): not a secret there, nor anywhere else.
    published: Vec<String>,
}

impl Secret {
    /// Does its owner publish it on purpose?
    fn is_published(&self) -> bool {
        self.published
            .iter()
            .any(|p| contains_ignoring_case(p, &self.text))
    }
}

/// A stretch of public text: what the public hub shows, as written.
pub struct PublicText<'a> {
    pub file: &'a Path,
    /// File line of the text's first line.
    pub line: usize,
    pub text: &'a str,
}

/// Private values found in public text: (index into the secrets, the
/// public text, byte offset in it).
pub type Sighting = (usize, usize, usize);

/// Every private value of a site, with matchers built once.
pub struct Secrets {
    pub list: Vec<Secret>,
    /// The plain values, to find them in public text.
    plain: Option<AhoCorasick>,
}

impl Secrets {
    /// Gather every private value of the corpus.
    pub fn of(corpus: &Corpus, now: DateTime<FixedOffset>) -> Secrets {
        let slugs: HashSet<&str> = corpus.people.iter().map(|p| p.slug.as_str()).collect();
        let mut list = Vec::new();
        for p in &corpus.people {
            let public = person_is_public(p, now);
            internal_values(p, public, &slugs, &mut list);
            if !public {
                list.push(identifying(
                    &p.source,
                    "name",
                    &p.meta.name,
                    format!("the name of {}, who is not on the public hub", p.slug),
                ));
            }
        }
        for s in &corpus.stories {
            staff_notes(
                &mut list,
                &s.source,
                &s.meta.staff_notes,
                format!("story {}", s.slug),
            );
            if !story_is_public(s, now) {
                list.push(identifying(
                    &s.source,
                    "title",
                    &s.meta.title,
                    format!(
                        "the title of story {}, which is not on the public hub",
                        s.slug
                    ),
                ));
                if let Some(summary) = &s.meta.summary {
                    list.push(identifying(
                        &s.source,
                        "summary",
                        summary,
                        format!(
                            "the summary of story {}, which is not on the public hub",
                            s.slug
                        ),
                    ));
                }
            }
        }
        for c in &corpus.campaigns {
            staff_notes(
                &mut list,
                &c.source,
                &c.meta.staff_notes,
                format!("campaign {}", c.slug),
            );
        }
        for g in corpus.guidelines.iter().filter(|g| !guideline_is_public(g)) {
            list.push(identifying(
                &g.source,
                "title",
                &g.meta.title,
                format!("the title of guideline {}, which is internal", g.slug),
            ));
        }
        list.retain(|s| s.text.chars().count() >= MIN_CHARS);
        let plain = matcher(list.iter().map(|s| s.text.as_str()));
        Secrets { list, plain }
    }

    /// Where public text holds a private value, leaving out its owner's own
    /// public links and handles.
    pub fn sightings(&self, texts: &[PublicText]) -> Vec<Sighting> {
        let Some(plain) = &self.plain else {
            return Vec::new();
        };
        let mut found = Vec::new();
        for (t, text) in texts.iter().enumerate() {
            for m in plain.find_overlapping_iter(text.text) {
                if !self.list[m.pattern().as_usize()].is_published() {
                    found.push((m.pattern().as_usize(), t, m.start()));
                }
            }
        }
        found
    }

    /// The scanner for the public output: every value no public text holds
    /// (those that public text does hold are errors already, or ordinary
    /// words), in each form an output format could write it.
    pub fn scanner(&self, texts: &[PublicText]) -> Scanner {
        let said: HashSet<usize> = self
            .sightings(texts)
            .into_iter()
            .map(|(s, _, _)| s)
            .collect();
        let mut patterns: Vec<String> = Vec::new();
        let mut owners: Vec<usize> = Vec::new();
        for (i, secret) in self.list.iter().enumerate() {
            if said.contains(&i) || secret.is_published() {
                continue;
            }
            let mut forms = written_forms(&secret.text);
            forms.sort();
            forms.dedup();
            for form in forms {
                patterns.push(form);
                owners.push(i);
            }
        }
        Scanner {
            matcher: matcher(patterns.iter().map(String::as_str)),
            owners,
        }
    }
}

/// Looks for private values in files of the public output.
pub struct Scanner {
    matcher: Option<AhoCorasick>,
    /// Which secret each pattern is a form of.
    owners: Vec<usize>,
}

impl Scanner {
    /// The secrets (indexes into `Secrets::list`) a file's bytes hold.
    /// Pictures are not read: text inside them is out of reach here.
    pub fn find(&self, path: &Path, bytes: &[u8]) -> Vec<usize> {
        let Some(matcher) = &self.matcher else {
            return Vec::new();
        };
        if is_picture(path) {
            return Vec::new();
        }
        let mut hits: Vec<usize> = matcher
            .find_iter(bytes)
            .map(|m| self.owners[m.pattern().as_usize()])
            .collect();
        hits.sort_unstable();
        hits.dedup();
        hits
    }

    /// How many patterns it looks for (for benchmarks and tests).
    pub fn len(&self) -> usize {
        self.owners.len()
    }

    pub fn is_empty(&self) -> bool {
        self.owners.is_empty()
    }
}

/// Raster images and fonts: binary, and their text is out of scope.
fn is_picture(path: &Path) -> bool {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    matches!(
        ext.as_str(),
        "jpg" | "jpeg" | "png" | "gif" | "webp" | "avif" | "ico" | "woff" | "woff2" | "otf" | "ttf"
    )
}

fn matcher<'a>(patterns: impl Iterator<Item = &'a str>) -> Option<AhoCorasick> {
    let patterns: Vec<&str> = patterns.collect();
    if patterns.is_empty() {
        return None;
    }
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .build(patterns)
        .ok()
}

fn contains_ignoring_case(haystack: &str, needle: &str) -> bool {
    haystack.to_lowercase().contains(&needle.to_lowercase())
}

/// A value as each output format writes it: as it is, escaped for HTML and
/// XML, inside a JSON string, percent-encoded in a share link, escaped in
/// a vCard.
fn written_forms(text: &str) -> Vec<String> {
    let json = serde_json::to_string(text).unwrap_or_default();
    let json = json
        .get(1..json.len().saturating_sub(1))
        .unwrap_or("")
        .replace("</", "<\\/");
    let vcard = text
        .replace('\\', "\\\\")
        .replace(',', "\\,")
        .replace(';', "\\;");
    vec![
        text.to_string(),
        escape_html(text),
        json,
        encode(text),
        vcard,
    ]
}

fn identifying(source: &Source, key: &str, text: &str, what: String) -> Secret {
    Secret {
        text: text.trim().to_string(),
        kind: Kind::Identifying,
        file: source.path.clone(),
        line: key_line(source, key),
        what,
        published: Vec::new(),
    }
}

fn staff_notes(list: &mut Vec<Secret>, source: &Source, notes: &Option<String>, whose: String) {
    if let Some(notes) = notes {
        let what = format!("the staff notes of {whose}");
        push_lines(
            list,
            notes,
            Kind::StaffNotes,
            source,
            "staff_notes",
            what,
            Vec::new(),
        );
    }
}

/// Each line of a multi-line value is a value of its own: a leak of one
/// line of a note is a leak.
fn push_lines(
    list: &mut Vec<Secret>,
    value: &str,
    kind: Kind,
    source: &Source,
    key: &str,
    what: String,
    published: Vec<String>,
) {
    for line in value.lines().map(str::trim).filter(|l| !l.is_empty()) {
        list.push(Secret {
            text: line.to_string(),
            kind,
            file: source.path.clone(),
            line: located(source, key, line),
            what: what.clone(),
            published: published.clone(),
        });
    }
}

/// The front-matter line holding `value`, else the line of `key`.
fn located(source: &Source, key: &str, value: &str) -> usize {
    let probe: String = value.chars().take(40).collect();
    source
        .front_matter
        .lines()
        .position(|l| l.contains(probe.as_str()))
        .map_or_else(|| key_line(source, key), |i| i + 2)
}

/// A person's `internal` values, at any depth of maps and lists. A value
/// that is some person's slug (a `manager:`) is an address on the hub,
/// not a secret. Their own public links, handles and name are where they
/// publish a value on purpose.
fn internal_values(p: &Person, public: bool, slugs: &HashSet<&str>, list: &mut Vec<Secret>) {
    let m = &p.meta;
    // Someone who is not on the hub publishes nothing.
    let published: Vec<String> = if !public {
        Vec::new()
    } else {
        m.links
            .values()
            .cloned()
            .chain([m.name.clone()])
            .chain(m.pronouns.clone())
            .chain(m.team.clone())
            .chain(m.location.clone())
            .chain(m.topics.iter().cloned())
            .collect()
    };
    let mut leaves = Vec::new();
    for (key, value) in &m.internal {
        leaf_values(key, value, &mut leaves);
    }
    for (key, value) in leaves {
        if slugs.contains(value.trim()) {
            continue;
        }
        let what = format!("{}'s internal `{key}`", m.name);
        let mut published = published.clone();
        // A handle is published when its owner links to it without the `@`.
        if let Some(handle) = value.trim().strip_prefix('@').filter(|_| public) {
            if m.links.values().any(|l| contains_ignoring_case(l, handle)) {
                published.push(value.clone());
            }
        }
        push_lines(
            list,
            &value,
            Kind::Internal,
            &p.source,
            &key,
            what,
            published,
        );
    }
}

/// Every string, number and date under `value`, with the key it is under.
fn leaf_values(key: &str, value: &serde_yaml::Value, out: &mut Vec<(String, String)>) {
    use serde_yaml::Value;
    match value {
        Value::String(s) => out.push((key.to_string(), s.clone())),
        Value::Number(n) => out.push((key.to_string(), n.to_string())),
        Value::Sequence(items) => items.iter().for_each(|v| leaf_values(key, v, out)),
        Value::Mapping(map) => {
            for (k, v) in map {
                let k = k.as_str().map_or_else(|| key.to_string(), str::to_string);
                leaf_values(&k, v, out);
            }
        }
        Value::Tagged(t) => leaf_values(key, &t.value, out),
        Value::Null | Value::Bool(_) => {}
    }
}

/// The public text comms officers wrote, as the public hub shows it:
/// public people's profiles, public stories, campaign pages, public
/// guidelines and hub.yaml's words. Front-matter fields point at their key's line.
pub fn public_texts<'c>(corpus: &'c Corpus, now: DateTime<FixedOffset>) -> Vec<PublicText<'c>> {
    let mut out = Vec::new();
    let field = |out: &mut Vec<PublicText<'c>>, source: &'c Source, key: &str, text: &'c str| {
        out.push(PublicText {
            file: &source.path,
            line: key_line(source, key),
            text,
        });
    };
    let body = |out: &mut Vec<PublicText<'c>>, source: &'c Source| {
        out.push(PublicText {
            file: &source.path,
            line: source.body_line,
            text: &source.body,
        });
    };
    for p in corpus.people.iter().filter(|p| person_is_public(p, now)) {
        let m = &p.meta;
        field(&mut out, &p.source, "name", &m.name);
        for (key, value) in [
            ("role", &m.role),
            ("team", &m.team),
            ("location", &m.location),
            ("pronouns", &m.pronouns),
            ("photo_alt", &m.photo_alt),
        ] {
            if let Some(v) = value {
                field(&mut out, &p.source, key, v);
            }
        }
        for t in &m.topics {
            field(&mut out, &p.source, "topics", t);
        }
        for (network, url) in &m.links {
            field(&mut out, &p.source, network, url);
        }
        body(&mut out, &p.source);
    }
    for s in corpus.stories.iter().filter(|s| story_is_public(s, now)) {
        let m = &s.meta;
        field(&mut out, &s.source, "title", &m.title);
        for (key, value) in [("summary", &m.summary), ("image_alt", &m.image_alt)] {
            if let Some(v) = value {
                field(&mut out, &s.source, key, v);
            }
        }
        body(&mut out, &s.source);
    }
    for c in corpus
        .campaigns
        .iter()
        .filter(|c| crate::audience::campaign_is_public(c))
    {
        field(&mut out, &c.source, "title", &c.meta.title);
        if let Some(cta) = &c.meta.cta {
            field(&mut out, &c.source, "text", &cta.text);
        }
        for h in &c.meta.hashtags {
            field(&mut out, &c.source, "hashtags", h);
        }
        body(&mut out, &c.source);
    }
    for g in corpus.guidelines.iter().filter(|g| guideline_is_public(g)) {
        field(&mut out, &g.source, "title", &g.meta.title);
        body(&mut out, &g.source);
    }
    let hub = Path::new("hub.yaml");
    for text in [
        &corpus.config.title,
        &corpus.config.description,
        &corpus.config.organisation.name,
    ] {
        out.push(PublicText {
            file: hub,
            line: 1,
            text,
        });
    }
    out
}

/// The output leak check of one build or preview: every public file is
/// shown to it before it is written; what it found stops the build.
pub struct Guard<'s> {
    secrets: &'s Secrets,
    scanner: Scanner,
    leaks: std::sync::Mutex<Vec<(PathBuf, usize)>>,
}

impl<'s> Guard<'s> {
    /// `texts` are what the public hub may say (its content and the
    /// theme's words): values they hold are not looked for.
    pub fn new(secrets: &'s Secrets, texts: &[PublicText]) -> Self {
        Guard {
            secrets,
            scanner: secrets.scanner(texts),
            leaks: Default::default(),
        }
    }

    /// Look at one public file; `false` if it holds a private value.
    pub fn inspect(&self, path: &Path, bytes: &[u8]) -> bool {
        let hits = self.scanner.find(path, bytes);
        if hits.is_empty() {
            return true;
        }
        let mut leaks = self.leaks.lock().unwrap_or_else(|e| e.into_inner());
        leaks.extend(hits.into_iter().map(|s| (path.to_path_buf(), s)));
        false
    }

    /// How many value forms it looks for.
    pub fn patterns(&self) -> usize {
        self.scanner.len()
    }

    /// What it found, as errors at the private values' own lines, sorted.
    pub fn found(&self) -> Vec<crate::diagnostics::Diagnostic> {
        let mut leaks = self.leaks.lock().unwrap_or_else(|e| e.into_inner()).clone();
        leaks.sort();
        leaks
            .into_iter()
            .map(|(public, s)| {
                let secret = &self.secrets.list[s];
                crate::diagnostics::Diagnostic::error(
                    &secret.file,
                    secret.line,
                    format!(
                        "{} reached the public hub's {}, so nothing was published",
                        secret.what,
                        crate::routes::static_url(&public)
                    ),
                )
                .with_hint("a template, a static file or convene itself printed a private value: if you changed a template or added a file to static/, take it out; otherwise report this as a bug")
            })
            .collect()
    }
}
