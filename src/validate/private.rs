//! Private values in public text: a person's `internal` details or staff
//! notes copied into a bio, a role, a public story or a campaign page
//! would be published with it.

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::Corpus;
use crate::secrets::{self, Kind, Secrets};
use chrono::{DateTime, FixedOffset};

pub fn in_public_text(c: &Corpus, now: DateTime<FixedOffset>, diags: &mut Diagnostics) {
    let secrets = Secrets::of(c, now);
    let texts = secrets::public_texts(c, now);
    for (s, t, offset) in secrets.sightings(&texts) {
        let secret = &secrets.list[s];
        let what = match secret.kind {
            Kind::Internal => "internal details",
            Kind::StaffNotes => "staff notes",
            // Public text may name what it likes; the output scan looks
            // for these only where no public text says them.
            Kind::Identifying => continue,
        };
        let text = &texts[t];
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
                    secret.what,
                    secret.file.display(),
                    secret.line
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
