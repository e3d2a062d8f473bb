//! Properties that must hold for any input: slugs are always safe in a web
//! address, and nothing a slug, alias or link says can place a file outside
//! the output folder or resolve a link outside the site.

use convene::model::{is_clean_slug, slugify, PersonSlug, StorySlug};
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

    #[test]
    fn clean_slugs_are_left_alone(s in "[a-z0-9]{1,20}(-[a-z0-9]{1,20}){0,5}") {
        prop_assert!(is_clean_slug(&s));
        prop_assert_eq!(slugify(&s), s);
    }

    #[test]
    fn a_clean_slug_never_climbs_out(s in name()) {
        if is_clean_slug(&s) {
            prop_assert!(!s.contains('/') && !s.contains('.') && !s.contains('\0'));
        }
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
