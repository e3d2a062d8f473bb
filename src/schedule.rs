//! When the sites will change by themselves: an embargo lifts, or a
//! public profile's consent review passes and it leaves the hub. Nothing
//! in the repository changes then, so only a build at or after that moment
//! publishes it; `convene build` says when, and CI rebuilds on a schedule.

use crate::audience::person_is_public;
use crate::model::Corpus;
use chrono::{DateTime, FixedOffset, SecondsFormat, TimeZone, Utc};
use serde::Serialize;
use std::path::PathBuf;

/// The next moment a build's output differs from one made now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextChange {
    pub at: DateTime<FixedOffset>,
    /// The file whose item changes, relative to the site folder.
    pub file: PathBuf,
    pub what: Change,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// A story's `publish_after` passes: it reaches the public hub (unless
    /// it is a draft or internal) and loses its embargo banner in the playbook.
    EmbargoLifts,
    /// A public person's `consent_review` day is over: the profile leaves
    /// the public hub.
    ConsentReviewPasses,
}

/// The earliest change after `now`, if any is coming.
pub fn next_change(corpus: &Corpus, now: DateTime<FixedOffset>) -> Option<NextChange> {
    let embargoes = corpus.stories.iter().filter_map(|s| {
        let at = s.meta.publish_after?.0;
        (at > now).then(|| NextChange {
            at,
            file: s.source.path.clone(),
            what: Change::EmbargoLifts,
        })
    });
    let reviews = corpus.people.iter().filter_map(|p| {
        // The review day counts in `now`'s time zone, as the leak rule
        // counts it; the profile goes at the following midnight.
        let day_after = p.meta.consent_review?.0.succ_opt()?;
        let at = now
            .offset()
            .from_local_datetime(&day_after.and_hms_opt(0, 0, 0)?)
            .single()?;
        // Asked of the leak rule itself, so the two cannot disagree.
        let leaves = person_is_public(p, now) && !person_is_public(p, at);
        leaves.then(|| NextChange {
            at,
            file: p.source.path.clone(),
            what: Change::ConsentReviewPasses,
        })
    });
    embargoes
        .chain(reviews)
        .min_by(|a, b| (a.at, &a.file).cmp(&(b.at, &b.file)))
}

impl NextChange {
    /// The moment in UTC, RFC 3339: `2027-03-01T09:00:00Z`.
    pub fn at_utc(&self) -> String {
        self.at
            .with_timezone(&Utc)
            .to_rfc3339_opts(SecondsFormat::Secs, true)
    }

    /// The file with `/` separators, as diagnostics show it.
    pub fn file_name(&self) -> String {
        self.file
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    }

    /// In words: "the embargo on stories/x.md lifts".
    pub fn describe(&self) -> String {
        let file = self.file_name();
        match self.what {
            Change::EmbargoLifts => format!("the embargo on {file} lifts"),
            Change::ConsentReviewPasses => {
                format!("the consent review of {file} passes and the profile leaves the public hub")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Diagnostics;
    use std::path::Path;

    fn example() -> Corpus {
        let site = Path::new(env!("CARGO_MANIFEST_DIR")).join("content-example");
        let max = crate::config::DEFAULT_MAX_FILE_SIZE;
        crate::load::site(&site, max, &mut Diagnostics::default()).unwrap()
    }

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    #[test]
    fn the_next_embargo_to_lift() {
        let corpus = example();
        let next = next_change(&corpus, at("2026-11-26T12:00:00Z")).unwrap();
        assert_eq!(next.what, Change::EmbargoLifts);
        assert_eq!(next.at_utc(), "2027-03-01T09:00:00Z");
        assert_eq!(next.file_name(), "stories/2027-03-01-state-of-the-wend.md");
        // At the moment itself the embargo has lifted; what comes next is
        // a consent review.
        let after = next_change(&corpus, next.at).unwrap();
        assert_eq!(after.what, Change::ConsentReviewPasses);
    }

    #[test]
    fn a_consent_review_ends_at_midnight_after_its_day() {
        let mut corpus = example();
        let amara = corpus
            .people
            .iter_mut()
            .find(|p| p.slug.as_str() == "amara-okafor")
            .unwrap();
        amara.meta.consent_review = Some(crate::model::Day(
            chrono::NaiveDate::from_ymd_opt(2026, 12, 24).unwrap(),
        ));
        let next = next_change(&corpus, at("2026-11-26T12:00:00Z")).unwrap();
        assert_eq!(next.what, Change::ConsentReviewPasses);
        assert_eq!(next.at_utc(), "2026-12-25T00:00:00Z");
        assert_eq!(next.file_name(), "people/amara-okafor.md");
        // Counted in the time zone `now` is given in, as the leak rule does.
        let in_bst = next_change(&corpus, at("2026-11-26T12:00:00+01:00")).unwrap();
        assert_eq!(in_bst.at_utc(), "2026-12-24T23:00:00Z");
        // Someone who is not public has no profile to lose.
        let amara = corpus
            .people
            .iter_mut()
            .find(|p| p.slug.as_str() == "amara-okafor")
            .unwrap();
        amara.meta.public = false;
        let next = next_change(&corpus, at("2026-11-26T12:00:00Z")).unwrap();
        assert_eq!(next.what, Change::EmbargoLifts);
    }

    #[test]
    fn nothing_coming() {
        let corpus = example();
        assert_eq!(next_change(&corpus, at("2030-01-01T00:00:00Z")), None);
    }
}
