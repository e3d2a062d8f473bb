//! Properties that must hold for any input: slugs are always safe in a web
//! address, and nothing a slug, alias or link says can place a file outside
//! the output folder or resolve a link outside the site.

use convene::model::{drops_letters, is_clean_slug, name_slug, slugify, PersonSlug, StorySlug};
use convene::output::is_safe_relative;
use convene::routes::{self, classify, Target};
use proptest::prelude::*;
use std::path::Path;

/// Names as people type them, plus the tricks an attacker would try.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,300}",
        "[a-zA-Z0-9 ./\\\\%-]{0,80}",
        Just("../../etc/passwd".to_string()),
        Just("/etc/passwd".to_string()),
        Just("a\0b".to_string()),
        Just("..".to_string()),
        "[a-z]{250,300}",
    ]
}

proptest! {
    #[test]
    fn slugify_gives_a_clean_slug_or_nothing(s in name()) {
        let slug = slugify(&s);
        prop_assert!(slug.is_empty() || is_clean_slug(&slug), "{:?} -> {:?}", s, slug);
    }

    /// Written in ASCII first, any name still makes a clean slug or none,
    /// and a slug made that way never reads as the name with letters lost.
    #[test]
    fn name_slug_gives_a_clean_slug_that_keeps_the_letters(s in name()) {
        let slug = name_slug(&s);
        prop_assert!(slug.is_empty() || is_clean_slug(&slug), "{:?} -> {:?}", s, slug);
        // A slug cut at the limit may lose a trailing dash as well, so only
        // one shorter than that is known to be whole.
        if slug.len() + 1 < convene::model::MAX_SLUG_LEN {
            prop_assert!(!drops_letters(&s, &slug), "{:?} -> {:?}", s, slug);
        }
        // Any slug at all may be compared with any name.
        let _ = drops_letters(&s, &slugify(&s));
    }

    #[test]
    fn clean_slugs_are_left_alone(s in "[a-z0-9]{1,20}(-[a-z0-9]{1,20}){0,5}") {
        prop_assert!(is_clean_slug(&s));
        prop_assert_eq!(slugify(&s), s);
    }

    /// Anything with a way out of a folder in it is never a clean slug:
    /// a slug becomes a folder name, and `..`, a slash, a backslash, NUL or
    /// an encoded dot would make it climb or split.
    #[test]
    fn unsafe_names_are_never_clean_slugs(
        before in "[a-z0-9-]{0,10}",
        trick in prop_oneof![
            Just(".."), Just("/"), Just("\\"), Just("\0"), Just("%2e%2e"), Just(" "),
            Just("."), Just("A"), Just("\n"), Just("é"), Just("--"),
        ],
        after in "[a-z0-9-]{0,10}",
    ) {
        let s = format!("{before}{trick}{after}");
        prop_assert!(!is_clean_slug(&s), "{:?} passed as a clean slug", s);
        prop_assert!(is_safe_relative(&routes::person(&PersonSlug::new(slugify(&s))).file()) || slugify(&s).is_empty());
    }

    /// A static path is spelt one way: every spelling of one file gives
    /// the same answer, which never leaves static/ and reads the same again.
    #[test]
    fn static_paths_have_one_spelling_that_stays_inside(
        parts in prop::collection::vec("[a-zA-Z0-9_ .-]{1,8}", 1..5),
        noise in prop::collection::vec(prop_oneof![Just("/"), Just("//"), Just("/./"), Just("\\")], 4),
    ) {
        let plain = parts.join("/");
        let mut noisy = String::new();
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                noisy.push_str(noise[i % noise.len()]);
            }
            noisy.push_str(part);
        }
        let one = routes::static_file(&plain);
        prop_assert_eq!(&one, &routes::static_file(&noisy), "{:?} and {:?}", plain, noisy);
        if let Some(file) = one {
            prop_assert!(is_safe_relative(Path::new(&file)), "{:?}", file);
            prop_assert_eq!(routes::static_file(&file), Some(file.clone()));
        }
    }

    /// A script link is refused however it is dressed up: any case, with
    /// whitespace and control characters before and inside the scheme.
    #[test]
    fn script_schemes_are_refused_in_any_disguise(
        scheme in prop_oneof![Just("javascript"), Just("vbscript"), Just("data"), Just("file")],
        upper in prop::collection::vec(any::<bool>(), 10),
        junk in prop_oneof![Just(""), Just(" "), Just("\t"), Just("\n"), Just("\u{1}")],
        at in 0usize..10,
    ) {
        let mut dressed: String = scheme
            .chars()
            .zip(upper.iter().cycle())
            .map(|(c, up)| if *up { c.to_ascii_uppercase() } else { c })
            .collect();
        dressed.insert_str(at.min(dressed.len()), junk);
        let url = format!("{junk}{dressed}:alert(1)");
        prop_assert_eq!(routes::forbidden_scheme(&url), Some(scheme.to_string()), "{:?}", url);
    }

    #[test]
    fn every_page_of_a_clean_slug_stays_in_the_output_folder(s in name()) {
        let slug = slugify(&s);
        prop_assume!(!slug.is_empty());
        for route in [
            routes::person(&PersonSlug::new(slug.clone())),
            routes::story(&StorySlug::new(slug.clone())),
            routes::person_alias(&slug),
            routes::story_alias(&slug),
        ] {
            prop_assert!(is_safe_relative(&route.file()), "{:?}", route.file());
        }
    }

    #[test]
    fn links_never_resolve_outside_the_site(dest in name(), from in "(people|stories|campaigns|guidelines)/[a-z-]{1,12}\\.md") {
        match classify(Path::new(&from), &dest) {
            Target::Content { path, .. } | Target::Static(path) => {
                prop_assert!(
                    path.as_os_str().is_empty() || is_safe_relative(&path),
                    "{:?} -> {:?}", dest, path
                );
            }
            _ => {}
        }
    }

    #[test]
    fn paths_with_parent_or_root_parts_are_never_safe(a in "[a-z]{0,8}", b in "[a-z]{0,8}") {
        for bad in [format!("{a}/../{b}"), format!("/{a}/{b}"), format!("../{a}"), format!("{a}/\0{b}")] {
            prop_assert!(!is_safe_relative(Path::new(&bad)), "{:?}", bad);
        }
    }
}

#[test]
fn over_long_names_are_not_safe() {
    assert!(!is_safe_relative(Path::new(&"a".repeat(256))));
    assert!(is_safe_relative(Path::new(&"a".repeat(255))));
    assert!(!is_safe_relative(Path::new("")));
}
