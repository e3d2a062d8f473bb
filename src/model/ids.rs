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

/// A slug for a name or title as people would spell it in a web address:
/// letters with accents or from other alphabets are written in ASCII
/// (`Zoë Brontë` -> `zoe-bronte`, `Łukasz` -> `lukasz`), never dropped.
/// What `convene new` names files with; `slugify` stays as it is for
/// topics and headings, whose addresses already exist.
pub fn name_slug(name: &str) -> String {
    slugify(&deunicode::deunicode_with_tofu(name, "-"))
}

/// Does `slug` read as `name` with letters left out where the name has
/// letters outside ASCII, as a slugger that drops them writes `Zoë Brontë`
/// as `zo-bront`? Every ASCII letter and digit of the name must be there,
/// in order; each other letter is there written in ASCII (`ë` as `e`) or
/// missing, and at least one is missing.
pub fn drops_letters(name: &str, slug: &str) -> bool {
    /// Past this a name is no one's; not worth comparing.
    const MOST_UNITS: usize = 400;
    enum Unit {
        Kept(char),
        Written(String),
    }
    let mut units = Vec::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            units.push(Unit::Kept(c.to_ascii_lowercase()));
        } else if !c.is_ascii() {
            let ascii: String = deunicode::deunicode_char(c)
                .unwrap_or("")
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase())
                .collect();
            if !ascii.is_empty() {
                units.push(Unit::Written(ascii));
            }
        }
        if units.len() > MOST_UNITS {
            return false;
        }
    }
    let target: Vec<u8> = slug.bytes().filter(|b| *b != b'-').collect();
    // After each unit, which lengths of `target` can be matched: in full
    // (`exact`), or with some letter left out (`dropped`).
    let n = target.len();
    let mut exact = vec![false; n + 1];
    let mut dropped = vec![false; n + 1];
    exact[0] = true;
    for unit in &units {
        let mut next_exact = vec![false; n + 1];
        let mut next_dropped = vec![false; n + 1];
        for j in 0..=n {
            if !exact[j] && !dropped[j] {
                continue;
            }
            match unit {
                Unit::Kept(c) => {
                    if target.get(j) == Some(&(*c as u8)) {
                        next_exact[j + 1] |= exact[j];
                        next_dropped[j + 1] |= dropped[j];
                    }
                }
                Unit::Written(ascii) => {
                    next_dropped[j] = true;
                    if target[j..].starts_with(ascii.as_bytes()) {
                        next_exact[j + ascii.len()] |= exact[j];
                        next_dropped[j + ascii.len()] |= dropped[j];
                    }
                }
            }
        }
        exact = next_exact;
        dropped = next_dropped;
    }
    dropped[n] && !exact[n]
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
    fn names_keep_their_letters() {
        for (name, slug) in [
            ("Zoë Brontë", "zoe-bronte"),
            ("Seán Ó Briain", "sean-o-briain"),
            ("Łukasz Wałęsa", "lukasz-walesa"),
            ("Siân Llŷr", "sian-llyr"),
            ("Amara Okafor", "amara-okafor"),
            ("  ", ""),
        ] {
            assert_eq!(name_slug(name), slug, "{name}");
        }
    }

    #[test]
    fn slugs_that_lost_letters() {
        for (name, mangled) in [
            ("Zoë Brontë", "zo-bront"),
            ("Zoë Brontë", "zo-bronte"),
            ("Łukasz Wałęsa", "ukasz-wa-sa"),
            ("Łukasz Wałęsa", "ukasz-wasa"),
            ("Seán Ó Briain", "se-n-briain"),
        ] {
            assert!(drops_letters(name, mangled), "{name} as {mangled}");
        }
        for (name, fine) in [
            ("Zoë Brontë", "zoe-bronte"),
            ("Elizabeth Smith", "liz-smith"),
            ("Amara Okafor", "amara"),
            ("Zoë Brontë", "zoe"),
            ("Tomasz Kowalski", "tom-kowalski"),
        ] {
            assert!(!drops_letters(name, fine), "{name} as {fine}");
        }
    }

    #[test]
    fn clean_slugs() {
        assert!(is_clean_slug("amara-okafor"));
        for bad in ["", "../x", "Amara", "a b", "-a", "a--b", "a/b", "a\0b"] {
            assert!(!is_clean_slug(bad), "{bad:?}");
        }
    }
}
