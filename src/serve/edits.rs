//! What an edit changes, as `serve` sees it: whether a saved file moved
//! its item between lists or sites, so the pages around it are not enough.

use crate::model::{Corpus, Item, Source};
use std::path::Path;

/// Would saving `new` over the item read from the same file move it: onto
/// or off a site, into other topic, team, place or campaign lists, or to
/// another place in a sorted list? Then the pages around it (which are
/// found from where it is now) are not enough, and `serve` renders
/// everything. A file not read before moves too.
pub fn moves(corpus: &Corpus, new: &Item) -> bool {
    let path = new.source().path.as_path();
    match new {
        Item::Person(new) => before(&corpus.people, path, |p| &p.source).is_none_or(|old| {
            let (a, b) = (&old.meta, &new.meta);
            a.name != b.name
                || a.topics != b.topics
                || a.team != b.team
                || a.location != b.location
                || (a.public, a.consent_review) != (b.public, b.consent_review)
                || a.aliases != b.aliases
                || a.photo != b.photo
        }),
        Item::Story(new) => before(&corpus.stories, path, |s| &s.source).is_none_or(|old| {
            let (a, b) = (&old.meta, &new.meta);
            a.date != b.date
                || a.people != b.people
                || a.campaign != b.campaign
                || a.topics != b.topics
                || (a.draft, a.audience, a.publish_after) != (b.draft, b.audience, b.publish_after)
                || a.aliases != b.aliases
                || a.image != b.image
        }),
        // The guidelines index is rendered again with a guideline anyway.
        Item::Guideline(new) => before(&corpus.guidelines, path, |g| &g.source)
            .is_none_or(|old| old.meta.audience != new.meta.audience),
        // Every card of its stories names it.
        Item::Campaign(new) => before(&corpus.campaigns, path, |c| &c.source)
            .is_none_or(|old| old.meta.title != new.meta.title),
    }
}

/// The item among `items` that was read from `path`.
fn before<'c, T>(items: &'c [T], path: &Path, source: fn(&T) -> &Source) -> Option<&'c T> {
    items.iter().find(|item| source(item).path == path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Diagnostics;
    use std::path::PathBuf;

    /// A role shows where the profile already is; a name, topic or consent
    /// changes where it is listed, and so do new files.
    #[test]
    fn what_moves_an_item() {
        let site = Path::new(env!("CARGO_MANIFEST_DIR")).join("content-example");
        let max = crate::config::DEFAULT_MAX_FILE_SIZE;
        let corpus = crate::load::site(&site, max, &mut Diagnostics::default()).unwrap();
        let amara = corpus
            .people
            .iter()
            .find(|p| p.slug.as_str() == "amara-okafor");
        let edited = |edit: fn(&mut crate::model::PersonMeta)| {
            let mut person = amara.unwrap().clone();
            edit(&mut person.meta);
            moves(&corpus, &Item::Person(person))
        };
        assert!(!edited(|m| m.role = Some("Director of Stories".into())));
        assert!(!edited(|m| m.pronouns = None));
        assert!(edited(|m| m.name = "Zoe Okafor".into()));
        assert!(edited(|m| m.topics.push("otters".into())));
        assert!(edited(|m| m.public = false));
        let mut new = amara.unwrap().clone();
        new.source.path = PathBuf::from("people/amara-okafor-2.md");
        assert!(moves(&corpus, &Item::Person(new)));
    }
}
