//! The languages a site is published in (hub.yaml `languages: [en, cy]`).
//!
//! The first language is the default: its pages sit at the site root, as
//! before. Every other language has its own tree (`/cy/...`) holding every
//! page of the site, with the interface in that language
//! (`interface.rs`) and each item's words from its translation file where
//! it has one (`content.rs`), else from the default file, marked with the
//! default language's `lang` so screen readers switch voice.

pub mod content;
pub mod interface;

use crate::config::SiteConfig;

/// One language of a site, as hub.yaml writes it (`en-GB`, `cy`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Language {
    /// The tag as written in hub.yaml: `lang` attributes, `hreflang`, and
    /// the suffix of translation files (`amara-okafor.cy.md`).
    pub tag: String,
    /// The folder its pages sit in: empty for the default language, else
    /// the tag in lowercase and a slash (`cy/`).
    pub prefix: String,
}

impl Language {
    pub fn is_default(&self) -> bool {
        self.prefix.is_empty()
    }

    /// The language without its region: `en` for `en-GB`. The theme's
    /// and a site's interface texts may be written for it.
    pub fn primary(&self) -> &str {
        primary(&self.tag)
    }
}

/// A language tag without its region: `en` for `en-GB`.
pub fn primary(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or(tag)
}

/// The site's languages, the default first. A site without `languages:`
/// has one, hub.yaml's `language` (English unless it says otherwise).
pub fn of(config: &SiteConfig) -> Vec<Language> {
    let tags: Vec<&str> = match config.languages.is_empty() {
        true => vec![config.language.as_str()],
        false => config.languages.iter().map(String::as_str).collect(),
    };
    tags.iter()
        .enumerate()
        .map(|(i, tag)| Language {
            tag: tag.to_string(),
            prefix: match i {
                0 => String::new(),
                _ => format!("{}/", tag.to_ascii_lowercase()),
            },
        })
        .collect()
}

/// Is `tag` a well-formed BCP 47 language tag (`en`, `en-GB`, `cy`, `gd`)?
pub fn is_tag(tag: &str) -> bool {
    !tag.is_empty()
        && tag.len() <= 35
        && tag.parse::<unic_langid::LanguageIdentifier>().is_ok()
        && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}
