//! Translations of content files. `people/amara-okafor.cy.md` sits beside
//! `people/amara-okafor.md` and carries only the words that change: a
//! profile's role, pronouns and photo description and its bio; a story's
//! title, summary and image description and its text; a guideline's or
//! campaign's title and text. Everything else — consent, audience, dates,
//! people, topics, internal details — comes from the default file, so the
//! leak rule is decided there once for every language: a translation
//! cannot set `public:`, and a translation of someone off the hub is never
//! read into a page.

use super::Language;
use crate::audience::View;
use crate::diagnostics::Diagnostic;
use crate::frontmatter::FrontMatter;
use crate::model::{Corpus, Source};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// One translation file, read.
#[derive(Debug, Clone)]
pub struct Translation {
    /// The language's tag, as hub.yaml writes it.
    pub lang: String,
    /// The default-language file it translates (`people/amara-okafor.md`).
    pub of: PathBuf,
    pub words: Words,
    /// Its own path and body; an empty body keeps the default file's.
    pub source: Source,
}

/// The fields a translation may carry, by kind of file.
#[derive(Debug, Clone)]
pub enum Words {
    Person(PersonWords),
    Story(StoryWords),
    Guideline(TitleWords),
    Campaign(TitleWords),
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonWords {
    pub role: Option<String>,
    pub pronouns: Option<String>,
    pub photo_alt: Option<String>,
}

impl FrontMatter for PersonWords {
    const KIND: &'static str = "translated profile";
    const KEYS: &'static [&'static str] = &["role", "pronouns", "photo_alt"];
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoryWords {
    pub title: Option<String>,
    pub summary: Option<String>,
    pub image_alt: Option<String>,
}

impl FrontMatter for StoryWords {
    const KIND: &'static str = "translated story";
    const KEYS: &'static [&'static str] = &["title", "summary", "image_alt"];
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TitleWords {
    pub title: Option<String>,
}

impl FrontMatter for TitleWords {
    const KIND: &'static str = "translated page";
    const KEYS: &'static [&'static str] = &["title"];
}

/// What a content file's name says it is.
pub enum Named {
    /// A file of its own (`people/amara-okafor.md`).
    Content,
    /// A translation into a language of the site, of the file it names.
    Translation(Language, PathBuf),
    /// Named like a translation into a language the site does not have:
    /// reported, and read as nothing (its name is no address).
    Refused,
}

/// What `rel` is: `people/amara-okafor.cy.md` is a translation into `cy`
/// of `people/amara-okafor.md` when `cy` is one of `languages`.
pub fn named(rel: &Path, languages: &[Language], out: &mut Vec<Diagnostic>) -> Named {
    let Some((base, suffix)) = rel
        .file_stem()
        .and_then(|s| s.to_str())
        .and_then(|stem| stem.rsplit_once('.'))
    else {
        return Named::Content;
    };
    let of = rel.with_file_name(format!("{base}.md"));
    if let Some(lang) = languages
        .iter()
        .skip(1)
        .find(|l| l.tag.eq_ignore_ascii_case(suffix))
    {
        return Named::Translation(lang.clone(), of);
    }
    if !(super::is_tag(suffix) && suffix.len() <= 8) {
        // Not a language: the file name's own problem, reported as such.
        return Named::Content;
    }
    let is_default = languages
        .first()
        .is_some_and(|l| l.tag.eq_ignore_ascii_case(suffix));
    let hint = match is_default {
        true => format!(
            "`{suffix}` is the default language: its words belong in {}",
            of.display()
        ),
        false => format!(
            "to publish in `{suffix}`, add it to hub.yaml: `languages: [{}, {suffix}]`",
            languages
                .iter()
                .map(|l| l.tag.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    out.push(
        Diagnostic::error(
            rel,
            0,
            format!("this looks like a translation into `{suffix}`, which is not one of the site's other languages, so it is not read"),
        )
        .with_hint(hint),
    );
    Named::Refused
}

/// Read a translation file's text.
pub fn from_text(
    text: &str,
    rel: &Path,
    lang: &Language,
    of: PathBuf,
    out: &mut Vec<Diagnostic>,
) -> Option<Translation> {
    use crate::load::parsed;
    let folder = rel.components().next()?.as_os_str().to_str()?;
    let (words, source) = match folder {
        "people" => parsed(text, rel, out).map(|(w, s)| (Words::Person(w), s)),
        "stories" => parsed(text, rel, out).map(|(w, s)| (Words::Story(w), s)),
        "guidelines" => parsed(text, rel, out).map(|(w, s)| (Words::Guideline(w), s)),
        _ => parsed(text, rel, out).map(|(w, s)| (Words::Campaign(w), s)),
    }?;
    Some(Translation {
        lang: lang.tag.clone(),
        of,
        words,
        source,
    })
}

/// A translation whose default-language file is missing translates nothing.
pub fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    for t in &corpus.translations {
        if corpus.source(&t.of).is_none() && !corpus.unreadable.contains(&t.of) {
            out.push(
                Diagnostic::error(
                    &t.source.path,
                    0,
                    format!(
                        "this translates {}, which does not exist",
                        t.of.display()
                    ),
                )
                .with_hint("a translation sits beside the file it translates and has its name with the language before .md: amara-okafor.md and amara-okafor.cy.md"),
            );
        }
    }
}

/// How many content files have no translation into each other language:
/// a warning per language, so a team sees how far along it is.
pub fn missing(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let languages = super::of(&corpus.config);
    let sources: Vec<&Source> = corpus
        .people
        .iter()
        .filter(|p| p.meta.public)
        .map(|p| &p.source)
        .chain(corpus.stories.iter().map(|s| &s.source))
        .chain(corpus.guidelines.iter().map(|g| &g.source))
        .chain(corpus.campaigns.iter().map(|c| &c.source))
        .collect();
    for lang in languages.iter().skip(1) {
        let translated = corpus.translations_into(&lang.tag);
        let untranslated: Vec<&Source> = sources
            .iter()
            .copied()
            .filter(|s| !translated.contains_key(s.path.as_path()))
            .collect();
        if let Some(first) = untranslated.first() {
            let name = super::interface::language_name(&lang.tag);
            out.push(
                Diagnostic::warning(
                    Path::new("hub.yaml"),
                    0,
                    format!(
                        "{} of {} content files have no {name} translation yet (the first is {}); their {name} pages show the {} text",
                        untranslated.len(),
                        sources.len(),
                        first.path.display(),
                        super::interface::language_name(&languages[0].tag),
                    ),
                )
                .with_hint(format!(
                    "add a translation beside a file, e.g. {}",
                    translated_path(&first.path, &lang.tag).display()
                )),
            );
        }
    }
}

/// `people/amara-okafor.md` -> `people/amara-okafor.cy.md`.
pub fn translated_path(of: &Path, tag: &str) -> PathBuf {
    let stem = of
        .file_stem()
        .map(|s| s.to_string_lossy())
        .unwrap_or_default();
    of.with_file_name(format!("{stem}.{tag}.md"))
}

impl Corpus {
    /// The readable translations into `tag`, by the file they translate.
    pub fn translations_into(&self, tag: &str) -> HashMap<&Path, &Translation> {
        self.translations
            .iter()
            .filter(|t| t.lang == tag && !t.source.partial)
            .map(|t| (t.of.as_path(), t))
            .collect()
    }
}

/// The view of one site in `lang`: the same items, chosen by the default
/// files (the leak rule is not asked again), with their words replaced by
/// their translations where they have one. An item without one keeps the
/// default language's words, and says so (`words_lang`) so its text is
/// marked with that language.
pub fn translate<'a>(mut view: View<'a>, corpus: &'a Corpus, lang: &Language) -> View<'a> {
    if lang.is_default() {
        return view;
    }
    let default = corpus.config.language.as_str();
    let found = corpus.translations_into(&lang.tag);
    // A translated body keeps the default file's path: it sits in the same
    // folder, so its links mean the same, and `serve` finds the item's
    // pages in every language from the file that was saved.
    let body =
        |t: &'a Translation, keep: crate::model::Body<'a>| match t.source.body.trim().is_empty() {
            true => keep,
            false => crate::model::Body {
                path: keep.path,
                text: &t.source.body,
            },
        };
    view.language = lang.clone();
    for p in &mut view.people {
        match found.get(p.body.path).map(|t| (t, &t.words)) {
            Some((t, Words::Person(w))) => {
                p.role = w.role.as_deref().or(p.role);
                p.pronouns = w.pronouns.as_deref().or(p.pronouns);
                p.photo_alt = w.photo_alt.as_deref().or(p.photo_alt);
                p.body = body(t, p.body);
            }
            _ => p.words_lang = Some(default),
        }
    }
    for s in &mut view.stories {
        match found.get(s.body.path).map(|t| (t, &t.words)) {
            Some((t, Words::Story(w))) => {
                s.title = w.title.as_deref().unwrap_or(s.title);
                s.summary = w.summary.as_deref().or(s.summary);
                s.image_alt = w.image_alt.as_deref().or(s.image_alt);
                s.body = body(t, s.body);
            }
            _ => s.words_lang = Some(default),
        }
    }
    for g in &mut view.guidelines {
        match found.get(g.body.path).map(|t| (t, &t.words)) {
            Some((t, Words::Guideline(w))) => {
                g.title = w.title.as_deref().unwrap_or(g.title);
                g.body = body(t, g.body);
            }
            _ => g.words_lang = Some(default),
        }
    }
    let mut titles: HashMap<&str, &'a str> = HashMap::new();
    for c in &mut view.campaigns {
        match found.get(c.body.path).map(|t| (t, &t.words)) {
            Some((t, Words::Campaign(w))) => {
                c.title = w.title.as_deref().unwrap_or(c.title);
                c.body = body(t, c.body);
                titles.insert(c.slug.as_str(), c.title);
            }
            _ => c.words_lang = Some(default),
        }
    }
    // A story names its campaign by the campaign's title, in this language too.
    for s in &mut view.stories {
        if let Some(c) = &mut s.campaign {
            if let Some(title) = titles.get(c.slug.as_str()) {
                c.title = title;
            }
        }
    }
    view
}
