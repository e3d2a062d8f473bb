//! Split a Markdown file into its YAML front matter and body, and read the
//! front matter strictly, with every position mapped back into the file.

use crate::diagnostics::{did_you_mean, Diagnostic};
use serde::de::DeserializeOwned;
use std::path::Path;

/// A source file cut at its `---` fences. Line numbers are 1-based file lines.
#[derive(Debug, Clone, Copy)]
pub struct Split<'a> {
    pub yaml: &'a str,
    /// File line of the first YAML line (the line after the opening `---`).
    pub yaml_line: usize,
    pub body: &'a str,
    /// File line where the body starts, so Markdown positions map back too.
    pub body_line: usize,
}

/// The keys a front-matter struct accepts, listed next to the struct so that
/// unknown keys can be reported all at once with a did-you-mean.
pub trait FrontMatter: DeserializeOwned {
    const KEYS: &'static [&'static str];
    const KIND: &'static str;
}

pub fn split<'a>(text: &'a str, file: &Path) -> Result<Split<'a>, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "---" {
        return Err(
            Diagnostic::error(file, 1, "this file has no front matter").with_hint(
                "start the file with a line `---`, then the YAML fields, then another `---`",
            ),
        );
    }
    let yaml_start = first.len();
    let mut offset = yaml_start;
    for (index, line) in lines.enumerate() {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            let body_start = offset + line.len();
            return Ok(Split {
                yaml: &text[yaml_start..offset],
                yaml_line: 2,
                body: &text[body_start..],
                body_line: index + 3,
            });
        }
        offset += line.len();
    }
    Err(
        Diagnostic::error(file, 1, "the front matter is never closed")
            .with_hint("add a line with just `---` after the last front-matter field"),
    )
}

/// Read the front matter into `T`, reporting every unknown key and the first
/// type problem. Returns `None` when the file cannot be used.
pub fn parse<T: FrontMatter>(split: &Split, file: &Path, out: &mut Vec<Diagnostic>) -> Option<T> {
    let mut cleaned = String::with_capacity(split.yaml.len());
    let mut skipping = false;
    let mut unknown = false;
    for (i, line) in split.yaml.split_inclusive('\n').enumerate() {
        let key = top_level_key(line);
        if let Some(key) = key {
            skipping = !T::KEYS.contains(&key);
            if skipping {
                unknown = true;
                out.push(
                    Diagnostic::error(
                        file,
                        split.yaml_line + i,
                        format!("unknown field `{key}` in {} front matter", T::KIND),
                    )
                    .with_hint(
                        did_you_mean(key, T::KEYS.iter().copied()).unwrap_or_else(|| {
                            format!("{} fields are: {}", T::KIND, T::KEYS.join(", "))
                        }),
                    ),
                );
            }
        } else if !line.starts_with([' ', '\t', '-', '#']) && !line.trim().is_empty() {
            skipping = false;
        }
        // Blank the unknown key's lines rather than deleting them, so the
        // parser's line numbers still match the file.
        if skipping {
            cleaned.push('\n');
        } else {
            cleaned.push_str(line);
        }
    }
    let source = if cleaned.trim().is_empty() {
        "{}"
    } else {
        cleaned.as_str()
    };
    match serde_path_to_error::deserialize::<_, T>(serde_yaml::Deserializer::from_str(source)) {
        Ok(value) => Some(value).filter(|_| !unknown),
        Err(err) => {
            let field = err.path().to_string();
            let mut d = yaml_error(err.inner(), split, file, T::KIND);
            // Errors raised while reading a value (a bad date) come back
            // pointing at the start of the mapping; the field's path finds
            // the real line.
            if let Some((line, column)) = field_position(source, &field) {
                if d.line < split.yaml_line + line - 1 {
                    d.line = split.yaml_line + line - 1;
                    d.column = column;
                }
            }
            out.push(d);
            None
        }
    }
}

/// 1-based line and column of the value at a serde path like
/// `internal.email` or `people[2]` (indexes are not followed).
fn field_position(yaml: &str, path: &str) -> Option<(usize, usize)> {
    let lines: Vec<&str> = yaml.lines().collect();
    let mut from = 0;
    let mut found = None;
    for segment in path
        .split('.')
        .map(|s| s.split('[').next().unwrap_or(s))
        .filter(|s| !s.is_empty())
    {
        let index = (from..lines.len()).find(|&i| {
            let line = lines[i].trim_start();
            line.strip_prefix(segment)
                .is_some_and(|rest| rest.starts_with(':'))
        })?;
        let indent = lines[index].len() - lines[index].trim_start().len();
        let value = lines[index][indent + segment.len() + 1..].len()
            - lines[index][indent + segment.len() + 1..]
                .trim_start()
                .len();
        found = Some((index + 1, indent + segment.len() + 1 + value + 1));
        from = index + 1;
    }
    found
}

/// A key at the start of a line (`key:`), the only place a top-level key can be.
fn top_level_key(line: &str) -> Option<&str> {
    if line.starts_with([' ', '\t', '-', '#', '"', '\'']) {
        return None;
    }
    let (key, _) = line.split_once(':')?;
    let key = key.trim_end();
    (!key.is_empty() && !key.contains(' ')).then_some(key)
}

fn yaml_error(err: &serde_yaml::Error, split: &Split, file: &Path, kind: &str) -> Diagnostic {
    let raw = err.to_string();
    // serde_yaml appends " at line L column C"; we give the position separately.
    let message = raw.split(" at line ").next().unwrap_or(&raw).to_string();
    let (line, column) = match err.location() {
        Some(loc) => (split.yaml_line + loc.line() - 1, loc.column()),
        None => (split.yaml_line - 1, 1),
    };
    let (message, hint) = explain(&message, kind);
    Diagnostic::error(file, line, message)
        .at_column(column)
        .with_hint_opt(hint)
}

/// Turn serde's wording into something a comms officer can act on.
fn explain(message: &str, kind: &str) -> (String, Option<String>) {
    if let Some(rest) = message.strip_prefix("missing field ") {
        return (
            format!("{kind} front matter is missing the required field {rest}"),
            Some(format!(
                "add a line like {}: ... between the `---` lines",
                rest.trim_matches('`')
            )),
        );
    }
    if message.contains("is not a date") {
        return (
            message.to_string(),
            Some("dates are written year-month-day, e.g. 2026-03-01".into()),
        );
    }
    if message.contains("has no time zone") {
        return (
            message.to_string(),
            Some("without a zone the embargo could lift an hour early or late: use Z for UTC (GMT), +01:00 for BST".into()),
        );
    }
    if message.contains("unknown variant") {
        return (
            message.to_string(),
            Some("use one of the values listed".into()),
        );
    }
    if message.contains("expected a boolean") {
        return (message.to_string(), Some("write `true` or `false`".into()));
    }
    if message.contains("invalid type") && message.contains("sequence") {
        return (
            message.to_string(),
            Some("write a list like `[first, second]`".into()),
        );
    }
    if message.contains("did not find expected") || message.contains("mapping values") {
        return (
            format!("the YAML front matter can't be read: {message}"),
            Some("check indentation, and put quotes around text that contains a colon".into()),
        );
    }
    (message.to_string(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_keeps_line_offsets() {
        let text = "---\ntitle: A\n---\n\nBody\n";
        let s = split(text, Path::new("x.md")).unwrap();
        assert_eq!(s.yaml, "title: A\n");
        assert_eq!(s.body_line, 4);
        assert_eq!(s.body, "\nBody\n");
    }

    #[test]
    fn unterminated_front_matter_is_reported() {
        let err = split("---\ntitle: A\n", Path::new("x.md")).unwrap_err();
        assert!(err.message.contains("never closed"));
    }
}
