//! serde and YAML speak of "sequences" and "i64"; comms officers speak of
//! lists and numbers. Every front-matter problem is reworded here, with a
//! hint that says what to write instead.

use crate::diagnostics::did_you_mean;

/// Fields that hold a calendar date, whatever the kind of file.
const DATE_FIELDS: &[&str] = &["date", "starts", "ends", "consent_review"];

/// Turn serde's wording into a message and a hint. `path` is where in the
/// front matter the problem is (`public`, `cta.url`), or empty.
pub fn explain(message: &str, kind: &str, path: &str) -> (String, Option<String>) {
    // serde_yaml puts the path in front ("public: invalid type ..."); we
    // name the field in our own words instead.
    let message = message
        .strip_prefix(path)
        .and_then(|m| m.strip_prefix(": "))
        .unwrap_or(message);
    let field = path.split(['.', '[']).next().unwrap_or("");
    let same = |hint: &str| (message.to_string(), Some(hint.to_string()));
    if let Some(rest) = message.strip_prefix("missing field ") {
        return missing(rest, kind, path);
    }
    if message.contains("has no time zone") {
        return same("without a zone the embargo could lift an hour early or late: use Z for UTC (GMT), +01:00 for BST");
    }
    if field == "publish_after" && message.contains("is not a date") {
        let value = message.split('`').nth(1).unwrap_or("");
        return (
            format!("`publish_after: {value}` is not a date and time"),
            Some("write the date, time and time zone, e.g. 2027-03-01T09:00:00Z".into()),
        );
    }
    if message.contains("is not a date") || DATE_FIELDS.contains(&field) {
        return date(message, path);
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (wrong, allowed) = quoted(rest);
        return (
            format!("`{path}` can't be `{wrong}`: use {}", allowed.join(" or ")),
            Some(
                did_you_mean(
                    wrong.trim_matches('`'),
                    allowed.iter().map(|a| a.trim_matches('`')),
                )
                .unwrap_or_else(|| "use one of the values listed".into()),
            ),
        );
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (wrong, allowed) = quoted(rest);
        let inside = if path.is_empty() { kind } else { path };
        return (
            format!("unknown field {wrong} in `{inside}`"),
            Some(
                did_you_mean(
                    wrong.trim_matches('`'),
                    allowed.iter().map(|a| a.trim_matches('`')),
                )
                .unwrap_or_else(|| format!("the fields here are {}", allowed.join(", "))),
            ),
        );
    }
    if message.starts_with("duplicate field") || message.starts_with("duplicate entry") {
        return same("the field appears twice: keep one of the two lines");
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        if path.is_empty() || path == "." {
            return (
                format!("the {kind} front matter is not a list of `field: value` lines"),
                Some("write one `field: value` per line between the `---` lines".into()),
            );
        }
        return wrong_type(rest, path);
    }
    syntax(message).unwrap_or((message.to_string(), None))
}

fn missing(rest: &str, kind: &str, path: &str) -> (String, Option<String>) {
    let what = if path.is_empty() || path == "." {
        format!("{kind} front matter")
    } else {
        format!("`{path}`")
    };
    (
        format!("{what} is missing the required field {rest}"),
        Some(format!(
            "add a line like {}: ... between the `---` lines",
            rest.trim_matches('`')
        )),
    )
}

/// YAML that can't be parsed at all.
fn syntax(message: &str) -> Option<(String, Option<String>)> {
    let is_syntax = [
        "did not find expected",
        "mapping values",
        "found character",
        "while scanning",
        "while parsing",
    ]
    .iter()
    .any(|m| message.contains(m));
    if !is_syntax {
        return None;
    }
    let hint = if message.contains("expected ',' or ']'") {
        "a list that opens with `[` must close with `]` on the same line, e.g. topics: [events, rivers]"
    } else if message.contains("expected ',' or '}'") {
        "a set that opens with `{` must close with `}` on the same line"
    } else {
        "check indentation, and put quotes around text that contains a colon"
    };
    Some((
        format!("the YAML front matter can't be read: {message}"),
        Some(hint.into()),
    ))
}

/// "`publc`, expected `public` or `internal`" -> ("publc", [public, internal]),
/// keeping the backticks on the allowed values.
fn quoted(rest: &str) -> (&str, Vec<String>) {
    let mut parts = rest.split('`').skip(1).step_by(2);
    let wrong = parts.next().unwrap_or("");
    (wrong, parts.map(|p| format!("`{p}`")).collect())
}

fn date(message: &str, path: &str) -> (String, Option<String>) {
    let value = message.split('`').nth(1).unwrap_or("");
    let shaped = value.len() == 10
        && value.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if shaped {
        return (
            format!("`{path}: {value}` is not a real date"),
            Some("the month or day is out of range: months go 01 to 12, and check how many days the month has".into()),
        );
    }
    let shown = if value.is_empty() {
        message.to_string()
    } else {
        format!("`{path}: {value}` is not a date")
    };
    (
        shown,
        Some("dates are written year-month-day, e.g. 2026-03-01".into()),
    )
}

/// "string \"maybe\", expected a boolean" in a comms officer's words.
fn wrong_type(rest: &str, path: &str) -> (String, Option<String>) {
    let (found, expected) = rest.rsplit_once(", expected ").unwrap_or((rest, ""));
    let found = match found.split_once(' ') {
        Some(("string", text)) => text.trim_matches('"').to_string(),
        Some((_, value)) => value.trim_matches('`').to_string(),
        None if found == "sequence" => "a list".into(),
        None if found == "map" => "a set of fields".into(),
        None => found.to_string(),
    };
    let (wanted, hint) = match expected {
        "a boolean" => ("`true` or `false`", "write `true` or `false`"),
        e if e.starts_with('i') || e.starts_with('u') || e.contains("integer") => {
            ("a whole number", "write a whole number, e.g. 2")
        }
        "a sequence" => ("a list", "write a list like `[first, second]`"),
        e if e.contains("map") || e.starts_with("struct") => (
            "a set of `name: value` lines",
            "write it as indented `name: value` lines, or `{name: value}`",
        ),
        "a string" => ("text", "put the text in quotes"),
        _ => (
            "something else",
            "check the value against README's content format",
        ),
    };
    (
        format!("`{path}` must be {wanted}, not `{found}`"),
        Some(hint.to_string()),
    )
}

/// YAML notices an unclosed `[` or `{` only on a later line; point at the
/// line that opened it, which is the one to fix.
pub fn unclosed_bracket(yaml: &str, message: &str, at: (usize, usize)) -> (usize, usize) {
    let (open, close) = if message.contains("expected ',' or ']'") {
        ('[', ']')
    } else if message.contains("expected ',' or '}'") {
        ('{', '}')
    } else {
        return at;
    };
    let lines: Vec<&str> = yaml.lines().collect();
    (0..at.0.min(lines.len()))
        .rev()
        .find_map(|i| {
            let line = lines[i];
            let opened = line.matches(open).count() > line.matches(close).count();
            // Columns count characters, as everywhere in diagnostics.
            let column = line.find(open).map_or(0, |at| line[..at].chars().count());
            opened.then(|| (i + 1, column + 1))
        })
        .unwrap_or(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrong_types_are_named_in_plain_words() {
        let (m, h) = explain(
            "public: invalid type: string \"maybe\", expected a boolean",
            "person",
            "public",
        );
        assert_eq!(m, "`public` must be `true` or `false`, not `maybe`");
        assert_eq!(h.as_deref(), Some("write `true` or `false`"));
        let (m, _) = explain(
            "invalid type: integer `7`, expected a sequence",
            "story",
            "people",
        );
        assert_eq!(m, "`people` must be a list, not `7`");
    }

    #[test]
    fn unknown_values_get_a_did_you_mean() {
        let (m, h) = explain(
            "audience: unknown variant `publc`, expected `public` or `internal`",
            "guideline",
            "audience",
        );
        assert_eq!(m, "`audience` can't be `publc`: use `public` or `internal`");
        assert_eq!(h.as_deref(), Some("did you mean `public`?"));
    }

    #[test]
    fn an_unclosed_list_is_found_on_the_line_that_opened_it() {
        let yaml = "name: A\ntopics: [a, b\nrole: x\n";
        assert_eq!(
            unclosed_bracket(yaml, "did not find expected ',' or ']'", (3, 5)),
            (2, 9)
        );
    }
}
