//! A profile's address should read as the person's name: a file named by a
//! tool that drops accented letters (`zo-bront.md` for Zoë Brontë) is
//! reported with the address their name makes, and how to move there
//! without breaking links already shared.

use super::value_position;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::{drops_letters, is_clean_slug, name_slug, Corpus, Person};

pub(super) fn person(p: &Person, c: &Corpus, diags: &mut Diagnostics) {
    let name = &p.meta.name;
    let slug = p.slug.as_str();
    if !drops_letters(name, slug) {
        return;
    }
    let better = name_slug(name);
    // Taken by someone else: the short slug may be how the two are told apart.
    if better == slug || !is_clean_slug(&better) || c.person(&better).is_some() {
        return;
    }
    let (line, column) = value_position(&p.source, "name", name);
    let alias = match p.meta.aliases.is_empty() {
        true => format!("add `aliases: [{slug}]`"),
        false => format!("add `{slug}` to its `aliases`"),
    };
    diags.push(
        Diagnostic::warning(
            &p.source.path,
            line,
            format!("the file name `{slug}` leaves letters out of the name `{name}`"),
        )
        .at_column(column)
        .with_hint(format!(
            "rename the file people/{better}.md and {alias}, so links to /people/{slug}/ keep working"
        )),
    );
}
