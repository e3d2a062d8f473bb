//! The site's private values, found wherever they must not be: in the
//! public text comms officers write (an error at that line, in `check`),
//! and, as a last line of defence, in every file of the public output
//! (the build stops before the new site is swapped in).
//!
//! `audience::select` keeps private data away from the public templates;
//! this catches what slips past it anyway: a template edited to print a
//! phone number, a private detail pasted into a public bio, a static file
//! with an export of contact details in it.

mod scan;

use crate::audience::{campaign_is_public, guideline_is_public, person_is_public, story_is_public};
use crate::diagnostics::Diagnostic;
use crate::html::escape_html;
use crate::languages::content::Words;
use crate::model::*;
use crate::sharing::encode;
use crate::validate::key_line;
use chrono::{DateTime, FixedOffset};
use scan::Scanner;
use std::borrow::Cow;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

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
    /// summary, a non-public person's name, an internal guideline's
    /// title): public text may well say the same words, so it is looked
    /// for only in the output, and only when no public text says it.
    Identifying,
}

/// One private value and where it is written. Borrowed from the corpus:
/// a site has tens of thousands, and most are never reported.
#[derive(Debug, Clone)]
pub struct Secret<'c> {
    pub text: Cow<'c, str>,
    pub kind: Kind,
    source: &'c Source,
    /// The front-matter key it is under.
    key: Cow<'c, str>,
    /// Whose it is, for messages: a person's name or an item's slug.
    owner: &'c str,
    /// Its owner publishes it on purpose (a handle inside one of their own
    /// public links): not a secret.
    published: bool,
}

impl Secret<'_> {
    pub fn file(&self) -> &Path {
        &self.source.path
    }

    /// The file line that holds it (the line of its key, for a value
    /// written over several lines).
    pub fn line(&self) -> usize {
        let probe: String = self.text.chars().take(40).collect();
        self.source
            .front_matter
            .lines()
            .position(|l| l.contains(probe.as_str()))
            .map_or_else(|| key_line(self.source, &self.key), |i| i + 2)
    }

    /// In words, without the value: "Amara Okafor's internal `phone`".
    pub fn what(&self) -> String {
        let kind = self.source.path.iter().next().and_then(|f| f.to_str());
        let item = match kind {
            Some("stories") => "story",
            Some("campaigns") => "campaign",
            Some("guidelines") => "guideline",
            _ => "person",
        };
        match (self.kind, item) {
            (Kind::Internal, _) => format!("{}'s internal `{}`", self.owner, self.key),
            (Kind::StaffNotes, _) => format!("the staff notes of {item} {}", self.owner),
            (Kind::Identifying, "person") => {
                format!("the name of {}, who is not on the public hub", self.owner)
            }
            (Kind::Identifying, _) => format!(
                "the {} of {item} {}, which is not on the public hub",
                self.key, self.owner
            ),
        }
    }
}

/// A stretch of public text: what the public hub shows, as written.
pub struct PublicText<'a> {
    pub file: &'a Path,
    /// File line of the text's first line.
    pub line: usize,
    pub text: &'a str,
}

/// A private value in public text: (index into `Secrets::list`, index of
/// the public text, byte offset in it).
pub type Sighting = (usize, usize, usize);

/// Every private value of a site.
pub struct Secrets<'c> {
    pub list: Vec<Secret<'c>>,
}

impl<'c> Secrets<'c> {
    /// Gather every private value of the corpus, as "now" decides who and
    /// what is on the public hub.
    pub fn of(corpus: &'c Corpus, now: DateTime<FixedOffset>) -> Self {
        let slugs: HashSet<&str> = corpus.people.iter().map(|p| p.slug.as_str()).collect();
        let mut list = Vec::new();
        for p in &corpus.people {
            person_values(p, now, &|v| slugs.contains(v), &mut list);
        }
        for s in &corpus.stories {
            story_values(s, now, &mut list);
        }
        for c in &corpus.campaigns {
            campaign_values(c, &mut list);
        }
        for g in &corpus.guidelines {
            guideline_values(g, &mut list);
        }
        // A translation of a story or guideline off the hub names it too.
        let off_hub: HashSet<&Path> = corpus
            .stories
            .iter()
            .filter(|s| !story_is_public(s, now))
            .map(|s| s.source.path.as_path())
            .chain(
                corpus
                    .guidelines
                    .iter()
                    .filter(|g| !guideline_is_public(g))
                    .map(|g| g.source.path.as_path()),
            )
            .collect();
        for t in corpus
            .translations
            .iter()
            .filter(|t| off_hub.contains(t.of.as_path()))
        {
            let owner = t.of.to_str().unwrap_or_default();
            let (title, summary) = match &t.words {
                Words::Story(w) => (&w.title, &w.summary),
                Words::Guideline(w) => (&w.title, &None),
                _ => continue,
            };
            for (key, text) in [("title", title), ("summary", summary)] {
                if let Some(text) = text {
                    list.push(identifying(&t.source, key, text, owner));
                }
            }
        }
        list.retain(|s| s.text.chars().nth(MIN_CHARS - 1).is_some());
        Secrets { list }
    }

    /// The private values the content file at `path` holds, as `of` finds
    /// them, owned: `serve` compares them before and after a save to know
    /// whether what it looks for changed. (A translation's are not
    /// included: saving one makes `serve` read everything again.)
    pub fn of_file(
        corpus: &Corpus,
        path: &Path,
        now: DateTime<FixedOffset>,
    ) -> Vec<(Kind, String, bool)> {
        let mut list = Vec::new();
        if let Some(p) = corpus.people.iter().find(|p| p.source.path == path) {
            // People are kept in slug order.
            let is_slug = |v: &str| {
                corpus
                    .people
                    .binary_search_by(|p| p.slug.as_str().cmp(v))
                    .is_ok()
            };
            person_values(p, now, &is_slug, &mut list);
        } else if let Some(s) = corpus.stories.iter().find(|s| s.source.path == path) {
            story_values(s, now, &mut list);
        } else if let Some(c) = corpus.campaigns.iter().find(|c| c.source.path == path) {
            campaign_values(c, &mut list);
        } else if let Some(g) = corpus.guidelines.iter().find(|g| g.source.path == path) {
            guideline_values(g, &mut list);
        }
        list.into_iter()
            .filter(|s| s.text.chars().nth(MIN_CHARS - 1).is_some())
            .map(|s| (s.kind, s.text.into_owned(), s.published))
            .collect()
    }

    /// One scanner for every form of every value its owner does not
    /// publish, for public text and the public output alike.
    fn scanner(&self, texts: &[PublicText], address: &str) -> Scanner {
        let mut patterns = Vec::new();
        for (i, secret) in self.list.iter().enumerate().filter(|(_, s)| !s.published) {
            let mut forms = written_forms(&secret.text);
            forms.sort();
            forms.dedup();
            patterns.extend(forms.into_iter().map(|f| (f.into_bytes(), i)));
        }
        Scanner::new(patterns, &sample(texts, address))
    }
}

/// Where public text holds private values, and what looks for them in the
/// public output: made once per check or build.
pub struct Watch<'c> {
    pub secrets: Secrets<'c>,
    lookout: Arc<Lookout>,
}

/// What looks for the private values in the public output, apart from
/// the values' owners and places (it borrows nothing), so that `serve`
/// can keep it between saves while the site it was made from changes.
pub struct Lookout {
    scanner: Scanner,
    /// For each of the scanner's patterns: every value it stands for is
    /// one public text may hold without error (a hidden story's title,
    /// words anyone may say, or the theme's own words), so the output may
    /// hold it too.
    said: Vec<bool>,
    /// The same, for each private value.
    said_values: Vec<bool>,
}

/// Gather the private values of `corpus`, and find those that public text
/// holds (`texts`, see `public_texts`), as (secret, text, byte offset).
pub fn watch<'c>(
    corpus: &'c Corpus,
    now: DateTime<FixedOffset>,
    texts: &[PublicText],
) -> (Watch<'c>, Vec<Sighting>) {
    let secrets = Secrets::of(corpus, now);
    let scanner = secrets.scanner(texts, corpus.config.public_base());
    let mut said_values = vec![false; secrets.list.len()];
    let mut sightings = Vec::new();
    for (t, text) in texts.iter().enumerate() {
        // The theme's own words (line 0) may say anything.
        let theme = text.line == 0;
        scanner.find(text.text.as_bytes(), |p, at| {
            // Only internal values and staff notes are errors in public
            // text, and they are seldom shared: names, which many people
            // may share, are not expanded at every mention.
            for &s in scanner.stands_for(p) {
                match secrets.list[s].kind {
                    Kind::Identifying => said_values[s] = true,
                    _ if theme => said_values[s] = true,
                    _ => {}
                }
            }
            let errors = scanner
                .stands_for(p)
                .iter()
                .filter(|&&s| secrets.list[s].kind != Kind::Identifying);
            sightings.extend(errors.map(|&s| (s, t, at)));
        });
    }
    sightings.sort_unstable();
    sightings.dedup();
    // An internal value or staff note in public text is an error there
    // (`validate::private`), not something the output may say: `build`
    // stops on that error anyway, but `serve` publishes on, so its output
    // scan must still refuse the value wherever it is rendered.
    let said = (0..scanner.len())
        .map(|p| scanner.stands_for(p).iter().all(|&s| said_values[s]))
        .collect();
    let lookout = Lookout {
        scanner,
        said,
        said_values,
    };
    let watch = Watch {
        secrets,
        lookout: Arc::new(lookout),
    };
    (watch, sightings)
}

impl<'c> Watch<'c> {
    /// The output leak check of one build.
    pub fn guard(&self) -> Guard<'_, 'c> {
        Guard {
            lookout: &self.lookout,
            secrets: Some(&self.secrets),
            leaks: Mutex::default(),
        }
    }

    /// What looks for the values, to keep after the corpus has changed.
    pub fn lookout(&self) -> Arc<Lookout> {
        Arc::clone(&self.lookout)
    }
}

impl Lookout {
    /// An output leak check without the values' owners: it finds as
    /// `Watch::guard` does, but can only say which public file held a
    /// private value, not whose (see `Guard::found`).
    pub fn guard(&self) -> Guard<'_, 'static> {
        Guard {
            lookout: self,
            secrets: None,
            leaks: Mutex::default(),
        }
    }

    /// Does `text` hold any private value, even one public text says?
    /// (`serve` asks this of a problem's message before the public hub's
    /// port shows it.)
    pub fn holds_any(&self, text: &str) -> bool {
        let mut any = false;
        self.scanner.find(text.as_bytes(), |_, _| any = true);
        any
    }
}

/// Text like the public output, to learn which byte sequences are common
/// there, so the scanner anchors each value on a rare part of it. The
/// output is mostly the hub's own address and the theme's words around
/// the site's text, some of it percent-encoded in share links: a value
/// anchored on `riverside.example` (every staff email) or `summary` would
/// be compared in full at almost every page.
fn sample(texts: &[PublicText], address: &str) -> Vec<u8> {
    let mut sample = Vec::with_capacity(SAMPLE_BYTES);
    for _ in 0..256 {
        sample.extend_from_slice(address.as_bytes());
        sample.push(b'/');
    }
    let (theme, site): (Vec<&PublicText>, Vec<&PublicText>) =
        texts.iter().partition(|t| t.line == 0);
    // Pages write the theme's words escaped for HTML: an apostrophe in
    // "Who's who" is `&#x27;` on every page, and a value anchored there
    // was compared in full once a page.
    for _ in 0..4 {
        theme.iter().for_each(|t| {
            sample.extend_from_slice(t.text.as_bytes());
            sample.extend_from_slice(crate::html::escape_html(t.text).as_bytes());
        });
    }
    // The start of every text, or of every nth text if there are too
    // many, so every kind of text is in it, not only the first few; and
    // each also percent-encoded, as share links write names and titles.
    fn part<'t>(t: &&PublicText<'t>) -> &'t str {
        let end = (0..=t.text.len().min(PART_BYTES))
            .rev()
            .find(|&i| t.text.is_char_boundary(i))
            .unwrap_or(0);
        &t.text[..end]
    }
    let room = SAMPLE_BYTES.saturating_sub(sample.len());
    let wanted: usize = site.iter().map(|t| 2 * part(t).len()).sum();
    let every = wanted.div_ceil(room.max(1)).max(1);
    for text in site.iter().step_by(every).map(part) {
        sample.extend_from_slice(text.as_bytes());
        sample.extend_from_slice(encode(text).as_bytes());
    }
    sample
}

const SAMPLE_BYTES: usize = 2 << 20;
/// How much of each text the sample takes.
const PART_BYTES: usize = 256;

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

/// A person's private values: their `internal` details, and their name
/// while they are off the hub.
fn person_values<'c>(
    p: &'c Person,
    now: DateTime<FixedOffset>,
    is_slug: &dyn Fn(&str) -> bool,
    list: &mut Vec<Secret<'c>>,
) {
    let public = person_is_public(p, now);
    internal_values(p, public, is_slug, list);
    if !public {
        list.push(identifying(&p.source, "name", &p.meta.name, &p.meta.name));
    }
}

/// A story's staff notes, and its title and summary while it is off the hub.
fn story_values<'c>(s: &'c Story, now: DateTime<FixedOffset>, list: &mut Vec<Secret<'c>>) {
    let slug = s.slug.as_str();
    lines(
        list,
        s.meta.staff_notes.as_deref(),
        Kind::StaffNotes,
        &s.source,
        "staff_notes",
        slug,
        false,
    );
    if !story_is_public(s, now) {
        list.push(identifying(&s.source, "title", &s.meta.title, slug));
        if let Some(summary) = &s.meta.summary {
            list.push(identifying(&s.source, "summary", summary, slug));
        }
    }
}

fn campaign_values<'c>(c: &'c Campaign, list: &mut Vec<Secret<'c>>) {
    lines(
        list,
        c.meta.staff_notes.as_deref(),
        Kind::StaffNotes,
        &c.source,
        "staff_notes",
        c.slug.as_str(),
        false,
    );
}

/// An internal guideline's title.
fn guideline_values<'c>(g: &'c Guideline, list: &mut Vec<Secret<'c>>) {
    if !guideline_is_public(g) {
        list.push(identifying(
            &g.source,
            "title",
            &g.meta.title,
            g.slug.as_str(),
        ));
    }
}

fn identifying<'c>(
    source: &'c Source,
    key: &'static str,
    text: &'c str,
    owner: &'c str,
) -> Secret<'c> {
    Secret {
        text: Cow::Borrowed(text.trim()),
        kind: Kind::Identifying,
        source,
        key: Cow::Borrowed(key),
        owner,
        published: false,
    }
}

/// Each line of a multi-line value is a value of its own: a leak of one
/// line of a note is a leak.
fn lines<'c>(
    list: &mut Vec<Secret<'c>>,
    value: Option<&'c str>,
    kind: Kind,
    source: &'c Source,
    key: impl Into<Cow<'c, str>> + Clone,
    owner: &'c str,
    published: bool,
) {
    for line in value
        .into_iter()
        .flat_map(str::lines)
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        list.push(Secret {
            text: Cow::Borrowed(line),
            kind,
            source,
            key: key.clone().into(),
            owner,
            published,
        });
    }
}

/// A person's `internal` values, at any depth of maps and lists. A value
/// that is some person's slug (a `manager:`) is an address on the hub, not
/// a secret. A public person's own name, pronouns, team, place, topics and
/// links are where they publish a value on purpose, and a handle they link
/// to (`@amara` in `https://x.example/amara`) is theirs to publish too.
fn internal_values<'c>(
    p: &'c Person,
    public: bool,
    is_slug: &dyn Fn(&str) -> bool,
    list: &mut Vec<Secret<'c>>,
) {
    let m = &p.meta;
    let own: Vec<String> = match public {
        false => Vec::new(),
        true => m
            .links
            .values()
            .chain([&m.name])
            .chain(&m.pronouns)
            .chain(&m.team)
            .chain(&m.location)
            .chain(&m.topics)
            .map(|s| s.to_lowercase())
            .collect(),
    };
    let mut leaves = Vec::new();
    for (key, value) in &m.internal {
        leaf_values(Cow::Borrowed(key.as_str()), value, &mut leaves);
    }
    for (key, value) in leaves {
        if is_slug(value.trim()) {
            continue;
        }
        let lower = value.trim().to_lowercase();
        let handle = lower.strip_prefix('@').unwrap_or(&lower);
        let published = own
            .iter()
            .any(|o| o.contains(&lower) || (handle.len() < lower.len() && o.contains(handle)));
        match value {
            Cow::Borrowed(text) => lines(
                list,
                Some(text),
                Kind::Internal,
                &p.source,
                key,
                &m.name,
                published,
            ),
            // A number: one line, owned.
            Cow::Owned(text) => list.push(Secret {
                text: Cow::Owned(text),
                kind: Kind::Internal,
                source: &p.source,
                key,
                owner: &m.name,
                published,
            }),
        }
    }
}

/// Every string and number under `value`, with the key it is under.
fn leaf_values<'c>(
    key: Cow<'c, str>,
    value: &'c serde_yaml::Value,
    out: &mut Vec<(Cow<'c, str>, Cow<'c, str>)>,
) {
    use serde_yaml::Value;
    match value {
        Value::String(s) => out.push((key, Cow::Borrowed(s))),
        Value::Number(n) => out.push((key, Cow::Owned(n.to_string()))),
        Value::Sequence(items) => items.iter().for_each(|v| leaf_values(key.clone(), v, out)),
        Value::Mapping(map) => {
            for (k, v) in map {
                let k = k.as_str().map_or_else(|| key.clone(), Cow::Borrowed);
                leaf_values(k, v, out);
            }
        }
        Value::Tagged(t) => leaf_values(key, &t.value, out),
        Value::Null | Value::Bool(_) => {}
    }
}

/// What the public hub may say: its content and the built-in theme's own
/// words. A private value these say too is not looked for in the output.
pub fn public_words(corpus: &Corpus, now: DateTime<FixedOffset>) -> Vec<PublicText<'_>> {
    let mut texts = public_texts(corpus, now);
    texts.extend(crate::theme::Theme::builtin_texts().map(|text| PublicText {
        file: Path::new("templates"),
        line: 0,
        text,
    }));
    texts
}

/// The public text comms officers wrote, as the public hub shows it:
/// public people's profiles, public stories, campaign pages, public
/// guidelines and hub.yaml's words. Fields point at their key's line.
pub fn public_texts(corpus: &Corpus, now: DateTime<FixedOffset>) -> Vec<PublicText<'_>> {
    let mut out = Vec::new();
    for p in corpus.people.iter().filter(|p| person_is_public(p, now)) {
        let m = &p.meta;
        let fields = [
            ("role", &m.role),
            ("team", &m.team),
            ("location", &m.location),
            ("pronouns", &m.pronouns),
            ("photo_alt", &m.photo_alt),
        ];
        push_fields(&mut out, &p.source, &[("name", &m.name)], &fields);
        for t in &m.topics {
            push_fields(&mut out, &p.source, &[("topics", t)], &[]);
        }
        for (network, url) in &m.links {
            push_fields(&mut out, &p.source, &[(network, url)], &[]);
        }
    }
    for s in corpus.stories.iter().filter(|s| story_is_public(s, now)) {
        let m = &s.meta;
        push_fields(
            &mut out,
            &s.source,
            &[("title", &m.title)],
            &[("summary", &m.summary), ("image_alt", &m.image_alt)],
        );
    }
    for c in corpus.campaigns.iter().filter(|c| campaign_is_public(c)) {
        push_fields(&mut out, &c.source, &[("title", &c.meta.title)], &[]);
        if let Some(cta) = &c.meta.cta {
            push_fields(&mut out, &c.source, &[("text", &cta.text)], &[]);
        }
        for h in &c.meta.hashtags {
            push_fields(&mut out, &c.source, &[("hashtags", h)], &[]);
        }
    }
    for g in corpus.guidelines.iter().filter(|g| guideline_is_public(g)) {
        push_fields(&mut out, &g.source, &[("title", &g.meta.title)], &[]);
    }
    let published_bodies = corpus
        .people
        .iter()
        .filter(|p| person_is_public(p, now))
        .map(|p| &p.source)
        .chain(
            corpus
                .stories
                .iter()
                .filter(|s| story_is_public(s, now))
                .map(|s| &s.source),
        )
        .chain(
            corpus
                .campaigns
                .iter()
                .filter(|c| campaign_is_public(c))
                .map(|c| &c.source),
        )
        .chain(
            corpus
                .guidelines
                .iter()
                .filter(|g| guideline_is_public(g))
                .map(|g| &g.source),
        );
    for source in published_bodies {
        out.push(PublicText {
            file: &source.path,
            line: source.body_line,
            text: &source.body,
        });
    }
    // The words of translations of what is on the hub.
    let on_hub: HashSet<&Path> = out.iter().map(|t| t.file).collect();
    for t in corpus
        .translations
        .iter()
        .filter(|t| on_hub.contains(t.of.as_path()))
    {
        let fields: Vec<(&str, &Option<String>)> = match &t.words {
            Words::Person(w) => vec![
                ("role", &w.role),
                ("pronouns", &w.pronouns),
                ("photo_alt", &w.photo_alt),
            ],
            Words::Story(w) => vec![
                ("title", &w.title),
                ("summary", &w.summary),
                ("image_alt", &w.image_alt),
            ],
            Words::Guideline(w) | Words::Campaign(w) => vec![("title", &w.title)],
        };
        push_fields(&mut out, &t.source, &[], &fields);
        out.push(PublicText {
            file: &t.source.path,
            line: t.source.body_line,
            text: &t.source.body,
        });
    }
    let hub = Path::new("hub.yaml");
    let config = &corpus.config;
    for text in [
        &config.title,
        &config.description,
        &config.organisation.name,
    ] {
        out.push(PublicText {
            file: hub,
            line: 1,
            text,
        });
    }
    out
}

fn push_fields<'c>(
    out: &mut Vec<PublicText<'c>>,
    source: &'c Source,
    fields: &[(&str, &'c String)],
    optional: &[(&str, &'c Option<String>)],
) {
    let optional = optional
        .iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| (*k, v)));
    for (key, text) in fields.iter().copied().chain(optional) {
        out.push(PublicText {
            file: &source.path,
            line: key_line(source, key),
            text,
        });
    }
}

/// The output leak check of one build or preview: every public file is
/// shown to it before it is written; what it finds stops the build.
pub struct Guard<'w, 'c> {
    lookout: &'w Lookout,
    /// Whose the values are, for messages; `None` from `Lookout::guard`.
    secrets: Option<&'w Secrets<'c>>,
    leaks: Mutex<Vec<(PathBuf, usize)>>,
}

impl Guard<'_, '_> {
    /// Look at one public file; `false` if it holds a private value.
    /// Pictures and fonts are not read: text inside them is out of reach.
    pub fn inspect(&self, path: &Path, bytes: &[u8]) -> bool {
        if is_binary(path) {
            return true;
        }

        let mut found = Vec::new();
        let said = &self.lookout.said;
        self.lookout.scanner.find(bytes, |p, _| {
            if !said[p] {
                found.push(p);
            }
        });
        if found.is_empty() {
            return true;
        }
        found.sort_unstable();
        found.dedup();
        let mut hits: Vec<usize> = found
            .into_iter()
            .flat_map(|p| self.lookout.scanner.stands_for(p))
            .copied()
            .filter(|&s| !self.lookout.said_values[s])
            .collect();
        hits.sort_unstable();
        hits.dedup();
        let mut leaks = self.leaks.lock().unwrap_or_else(|e| e.into_inner());
        leaks.extend(hits.into_iter().map(|s| (path.to_path_buf(), s)));
        false
    }

    /// How many value forms it looks for.
    pub fn patterns(&self) -> usize {
        self.lookout.scanner.len()
    }

    /// What it found, as errors at the private values' own lines, sorted.
    pub fn found(&self) -> Vec<Diagnostic> {
        self.found_in().into_iter().map(|(_, d)| d).collect()
    }

    /// What it found, each error with the public file that held the value.
    /// A guard without the values' owners (`Lookout::guard`) puts each
    /// error at that public file instead.
    pub fn found_in(&self) -> Vec<(PathBuf, Diagnostic)> {
        let mut leaks = self.leaks.lock().unwrap_or_else(|e| e.into_inner()).clone();
        leaks.sort();
        let hint = "a template, a static file or convene itself printed a private value: if you changed a template or added a file to static/, take it out; otherwise report this as a bug";
        leaks
            .into_iter()
            .map(|(public, s)| {
                let url = crate::routes::static_url(&public);
                let d = match self.secrets.map(|secrets| &secrets.list[s]) {
                    Some(secret) => Diagnostic::error(
                        secret.file(),
                        secret.line(),
                        format!(
                            "{} reached the public hub's {url}, so nothing was published",
                            secret.what(),
                        ),
                    ),
                    None => Diagnostic::error(
                        &public,
                        0,
                        format!("a private value reached the public hub's {url}"),
                    ),
                };
                (public, d.with_hint(hint))
            })
            .collect()
    }
}

/// Raster images and fonts: binary, and text inside them is out of scope.
fn is_binary(path: &Path) -> bool {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    matches!(
        ext.as_str(),
        "jpg" | "jpeg" | "png" | "gif" | "webp" | "avif" | "ico" | "woff" | "woff2" | "otf" | "ttf"
    )
}
