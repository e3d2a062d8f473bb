//! Typed slugs, so a story's `people` can never be confused with a campaign.

use serde::Serialize;
use std::fmt;

macro_rules! slug_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            pub fn new(slug: impl Into<String>) -> Self {
                $name(slug.into())
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

slug_type!(
    /// A person's slug: the file stem of `people/<slug>.md`.
    PersonSlug
);
slug_type!(
    /// A story's slug: the file stem without its leading `YYYY-MM-DD-`.
    StorySlug
);
slug_type!(
    /// A campaign's slug: the file stem of `campaigns/<slug>.md`.
    CampaignSlug
);
slug_type!(
    /// A guideline's slug: the file stem of `guidelines/<slug>.md`.
    GuidelineSlug
);

/// A slug is safe in a URL and a file name: lowercase ASCII letters, digits
/// and single dashes, at most 200 characters.
pub fn is_clean_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_SLUG_LEN
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Longest slug: a web address part and a file name on every file system.
pub const MAX_SLUG_LEN: usize = 200;

/// Lowercase ASCII letters and digits; every run of anything else becomes one
/// dash; cut to `MAX_SLUG_LEN`, so the result is always a clean slug or empty.
pub fn slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut dash = false;
    for ch in s.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
            dash = false;
        } else if !dash && !out.is_empty() {
            out.push('-');
            dash = true;
        }
    }
    out.truncate(MAX_SLUG_LEN);
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugify_matches_the_corpus_generator() {
        assert_eq!(slugify("Zoë Okafor"), "zo-okafor");
        assert_eq!(slugify("LGBTQ+ rights"), "lgbtq-rights");
        assert_eq!(slugify("  Policy & Research "), "policy-research");
    }

    #[test]
    fn clean_slugs() {
        assert!(is_clean_slug("amara-okafor"));
        for bad in ["", "../x", "Amara", "a b", "-a", "a--b", "a/b", "a\0b"] {
            assert!(!is_clean_slug(bad), "{bad:?}");
        }
    }
}
