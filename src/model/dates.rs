//! Dates as comms teams write them, parsed strictly with a helpful error.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use serde::{de, Deserialize, Deserializer};
use std::fmt;

/// A calendar date written `YYYY-MM-DD` (a full RFC 3339 timestamp is also
/// accepted, and its date kept).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day(pub NaiveDate);

/// A moment with a time zone, written in RFC 3339: `2026-03-01T09:00:00Z`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Instant(pub DateTime<FixedOffset>);

impl Day {
    pub fn iso(&self) -> String {
        self.0.format("%Y-%m-%d").to_string()
    }
    /// "12 May 2025", the way UK charities write dates.
    pub fn display(&self) -> String {
        self.0.format("%-d %B %Y").to_string()
    }

    /// When something runs, in words: "1 June 2026 to 30 September 2026",
    /// "From ...", "Until ...", or nothing without dates. Campaign pages and
    /// their share cards say it the same way.
    pub fn span(starts: Option<Day>, ends: Option<Day>) -> Option<String> {
        match (starts, ends) {
            (Some(s), Some(e)) => Some(format!("{} to {}", s.display(), e.display())),
            (Some(s), None) => Some(format!("From {}", s.display())),
            (None, Some(e)) => Some(format!("Until {}", e.display())),
            (None, None) => None,
        }
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        let text = text.trim();
        if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            return Ok(Day(date));
        }
        if let Ok(moment) = DateTime::parse_from_rfc3339(text) {
            return Ok(Day(moment.date_naive()));
        }
        Err(de::Error::custom(format!(
            "`{text}` is not a date: write it as YYYY-MM-DD, e.g. 2025-05-12"
        )))
    }
}

impl<'de> Deserialize<'de> for Instant {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        let text = text.trim();
        match DateTime::parse_from_rfc3339(text) {
            Ok(moment) => Ok(Instant(moment)),
            // A date, or a date and time, that only lacks its zone.
            Err(_)
                if NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok()
                    || NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S").is_ok()
                    || NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").is_ok() =>
            {
                // The first ten characters, not bytes: the text may be anything.
                let day: String = text.chars().take(10).collect();
                Err(de::Error::custom(format!(
                    "`{text}` has no time zone: write the time and zone, e.g. {day}T09:00:00Z (UTC) or {day}T09:00:00+01:00"
                )))
            }
            Err(_) => Err(de::Error::custom(format!(
                "`{text}` is not a date and time: write it like 2026-03-01T09:00:00Z"
            ))),
        }
    }
}

impl fmt::Display for Instant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.to_rfc3339())
    }
}
