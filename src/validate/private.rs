//! Private values in public text: a person's `internal` details or staff
//! notes copied into a bio, a role, a public story or a campaign page
//! would be published with it.

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::secrets::{Kind, PublicText, Secrets, Sighting};

/// Each private value public text holds, as an error at that text.
pub fn in_public_text(
    secrets: &Secrets,
    texts: &[PublicText],
    sightings: &[Sighting],
    diags: &mut Diagnostics,
) {
    for &(s, t, offset) in sightings {
        let secret = &secrets.list[s];
        let what = match secret.kind {
            Kind::Internal => "internal details",
            Kind::StaffNotes => "staff notes",
            // Public text may name what it likes; the output scan looks
            // for these only where no public text says them.
            Kind::Identifying => continue,
        };
        let text = &texts[t];
        if text.line == 0 {
            // The theme's own words: saying them leaks nothing.
            continue;
        }
        // The offset came from searching this very text.
        let before = text.text.get(..offset).unwrap_or("");
        let line = text.line + before.matches('\n').count();
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        diags.push(
            Diagnostic::error(
                text.file,
                line,
                format!(
                    "this public text contains {}, which is private ({}:{})",
                    secret.what(),
                    secret.file().display(),
                    secret.line()
                ),
            )
            .at_column(column)
            .with_hint(format!(
                "the public hub shows this text: remove the {what} from it, or, if it is not private, take it out of {}",
                match secret.kind {
                    Kind::StaffNotes => "`staff_notes`",
                    _ => "`internal:`",
                }
            )),
        );
    }
}
