//! Split a Markdown file into its YAML front matter and body, and read the
//! front matter strictly, with every position mapped back into the file.

mod explain;
mod written;

pub use written::numbers_as_written;

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
    /// Required fields with a stand-in value (YAML). When a required field is
    /// missing or wrong, the stand-in lets the rest of the file be read, so
    /// its links and references are still checked. The file has an error
    /// by then, so nothing is built from the stand-in.
    const STAND_INS: &'static [(&'static str, &'static str)] = &[];
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

/// Read the front matter into `T`, reporting every unknown key and every
/// field with a wrong value.
///
/// serde stops at the first bad value, so each bad field is reported, blanked
/// out of the text and the rest read again: one run lists every problem.
/// Returns `None` only when the YAML itself can't be read; a value that came
/// back after errors were pushed to `out` is partial (see `STAND_INS`).
pub fn parse<T: FrontMatter>(split: &Split, file: &Path, out: &mut Vec<Diagnostic>) -> Option<T> {
    if let Some(problem) = beyond_limits(split, file) {
        out.push(problem);
        return None;
    }
    let mut cleaned = blank_keys(split.yaml, |key| !T::KEYS.contains(&key));
    for (i, line) in split.yaml.lines().enumerate() {
        if let Some(key) = top_level_key(line).filter(|k| !T::KEYS.contains(k)) {
            out.push(unknown_key::<T>(key, file, split.yaml_line + i));
        }
    }
    let mut replaced: Vec<String> = Vec::new();
    // Each pass replaces one field, so this ends after at most KEYS passes.
    for _ in 0..=T::KEYS.len() {
        let source = if cleaned.trim().is_empty() {
            "{}"
        } else {
            cleaned.as_str()
        };
        let err = match serde_path_to_error::deserialize::<_, T>(
            serde_yaml::Deserializer::from_str(source),
        ) {
            Ok(value) => return Some(value),
            Err(err) => err,
        };
        let path = err.path().to_string();
        let message = err.inner().to_string();
        let missing = missing_field(&message).filter(|_| top_field(&path).is_none());
        // A field we replaced for a bad value is not "missing" as well.
        if missing.is_none_or(|m| !replaced.iter().any(|r| r == m)) {
            out.push(value_error(
                err.inner(),
                source,
                &path,
                split,
                file,
                T::KIND,
            ));
        }
        let Some(field) = missing.or(top_field(&path)) else {
            return None; // A syntax error: the file can't be read further.
        };
        if !T::KEYS.contains(&field) || replaced.iter().any(|r| r == field) {
            return None;
        }
        let field = field.to_string();
        cleaned = blank_keys(&cleaned, |k| k == field);
        if let Some((_, stand_in)) = T::STAND_INS.iter().find(|(k, _)| *k == field) {
            // Appended after the last line, so earlier line numbers hold.
            if !cleaned.is_empty() && !cleaned.ends_with('\n') {
                cleaned.push('\n');
            }
            cleaned.push_str(&format!("{field}: {stand_in}\n"));
        }
        replaced.push(field);
    }
    None
}

/// The largest front matter convene reads: a profile's is a few hundred
/// bytes; this leaves room for long internal notes.
pub const MAX_BYTES: usize = 64 * 1024;
/// How deeply lists and maps may nest (`[[..]]`, `{..}`, indented maps).
pub const MAX_NESTING: usize = 32;
/// How many YAML anchors (`&a`) and aliases (`*a`) a front matter may use.
pub const MAX_ANCHORS: usize = 100;

/// Front matter no person writes by hand (a huge block, nesting hundreds
/// deep, thousands of anchors) is refused before the YAML parser sees it,
/// so it costs a quick scan rather than a parse that could take minutes.
fn beyond_limits(split: &Split, file: &Path) -> Option<Diagnostic> {
    let yaml = split.yaml;
    let refuse = |line: usize, message: String| {
        Some(
            Diagnostic::error(file, line, message)
                .with_hint("front matter holds a page's details, one per line; move long text into the body below the second `---`"),
        )
    };
    if yaml.len() > MAX_BYTES {
        return refuse(
            split.yaml_line,
            format!(
                "the front matter is {} KB, over the {} KB limit",
                yaml.len() / 1024,
                MAX_BYTES / 1024
            ),
        );
    }
    let mut flow = 0usize;
    let mut anchors = 0usize;
    let mut indents: Vec<usize> = Vec::new();
    for (i, line) in yaml.lines().enumerate() {
        let line_number = split.yaml_line + i;
        let body = line.trim_start();
        if !body.is_empty() && !body.starts_with('#') {
            let indent = line.len() - body.len();
            while indents.last().is_some_and(|&top| indent < top) {
                indents.pop();
            }
            if indents.last().is_none_or(|&top| indent > top) {
                indents.push(indent);
            }
        }
        let mut quote: Option<char> = None;
        let mut previous = ' ';
        let mut deepest = flow;
        for c in line.chars() {
            match (quote, c) {
                (Some('"'), '"') if previous != '\\' => quote = None,
                (Some('\''), '\'') => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') if previous.is_whitespace() || "[{:,".contains(previous) => {
                    quote = Some(c)
                }
                (None, '#') if previous.is_whitespace() => break,
                (None, '[' | '{') => {
                    flow += 1;
                    deepest = deepest.max(flow);
                }
                (None, ']' | '}') => flow = flow.saturating_sub(1),
                (None, '&' | '*') if previous.is_whitespace() || "[{,-".contains(previous) => {
                    anchors += 1
                }
                _ => {}
            }
            previous = c;
        }
        let depth = deepest + indents.len();
        if depth > MAX_NESTING {
            return refuse(line_number, format!("the front matter nests {depth} levels deep here; convene reads at most {MAX_NESTING}"));
        }
        if anchors > MAX_ANCHORS {
            return refuse(line_number, format!("the front matter uses more than {MAX_ANCHORS} YAML anchors and aliases (`&name`, `*name`)"));
        }
    }
    None
}

fn unknown_key<T: FrontMatter>(key: &str, file: &Path, line: usize) -> Diagnostic {
    Diagnostic::error(
        file,
        line,
        format!("unknown field `{key}` in {} front matter", T::KIND),
    )
    .with_hint(
        did_you_mean(key, T::KEYS.iter().copied())
            .unwrap_or_else(|| format!("{} fields are: {}", T::KIND, T::KEYS.join(", "))),
    )
}

/// Replace the lines of every top-level key for which `drop` says yes (and
/// the indented lines under it) by empty lines, so the parser's line numbers
/// still match the file.
fn blank_keys(yaml: &str, mut drop: impl FnMut(&str) -> bool) -> String {
    let mut cleaned = String::with_capacity(yaml.len());
    let mut skipping = false;
    for line in yaml.split_inclusive('\n') {
        if let Some(key) = top_level_key(line) {
            skipping = drop(key);
        } else if !line.starts_with([' ', '\t', '-', '#']) && !line.trim().is_empty() {
            skipping = false;
        }
        if skipping {
            cleaned.push('\n');
        } else {
            cleaned.push_str(line);
        }
    }
    cleaned
}

/// `internal.email` -> `internal`; `people[2]` -> `people`; the root -> None.
fn top_field(path: &str) -> Option<&str> {
    let first = path.split(['.', '[']).next().unwrap_or("");
    (!first.is_empty() && first != "?").then_some(first)
}

/// `missing field `name`` -> `name`.
fn missing_field(message: &str) -> Option<&str> {
    message.strip_prefix("missing field `")?.split('`').next()
}

/// A value problem at its real position: serde_yaml points errors raised
/// while reading a value (a bad date) at the start of the mapping, so the
/// field's path finds the real line.
fn value_error(
    err: &serde_yaml::Error,
    source: &str,
    path: &str,
    split: &Split,
    file: &Path,
    kind: &str,
) -> Diagnostic {
    let mut d = yaml_error(err, split, file, kind, path);
    if let Some(key) = err
        .to_string()
        .strip_prefix("duplicate field `")
        .and_then(|rest| rest.split('`').next())
    {
        // Pointed at the second one: the first may well be the one to keep.
        if let Some(second) = source
            .lines()
            .enumerate()
            .filter(|(_, l)| top_level_key(l) == Some(key))
            .nth(1)
        {
            d.line = split.yaml_line + second.0;
            d.column = 1;
            return d;
        }
    }
    if let Some((line, column)) = field_position(source, path) {
        if d.line < split.yaml_line + line - 1 {
            d.line = split.yaml_line + line - 1;
            d.column = column;
        }
    }
    d
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

fn yaml_error(
    err: &serde_yaml::Error,
    split: &Split,
    file: &Path,
    kind: &str,
    path: &str,
) -> Diagnostic {
    let raw = err.to_string();
    // serde_yaml appends " at line L column C"; we give the position separately.
    let message = raw.split(" at line ").next().unwrap_or(&raw);
    let (line, column) = match err.location() {
        Some(loc) => {
            let (line, column) =
                explain::unclosed_bracket(split.yaml, message, (loc.line(), loc.column()));
            (split.yaml_line + line - 1, column)
        }
        None => (split.yaml_line.saturating_sub(1).max(1), 1),
    };
    let (message, hint) = explain::explain(message, kind, path);
    Diagnostic::error(file, line, message)
        .at_column(column)
        .with_hint_opt(hint)
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
    fn front_matter_beyond_the_limits_is_refused_quickly() {
        let file = Path::new("people/a.md");
        let cases = [
            format!(
                "name: A\ntopics: {}{}\n",
                "[".repeat(2_000_000),
                "]".repeat(2_000_000)
            ),
            format!("name: A\ntopics: {}{}\n", "[".repeat(40), "]".repeat(40)),
            format!(
                "name: A\n{}",
                (0..40)
                    .map(|i| format!("{}k{i}:\n", " ".repeat(i)))
                    .collect::<String>()
            ),
            format!(
                "name: A\ntopics:\n{}",
                (0..200)
                    .map(|i| format!("  - &x{i} t{i}\n"))
                    .collect::<String>()
            ),
            format!("name: A\nnotes: \"{}\"\n", "x".repeat(MAX_BYTES)),
        ];
        for yaml in cases {
            let split = Split {
                yaml: &yaml,
                yaml_line: 2,
                body: "",
                body_line: 0,
            };
            let mut out = Vec::new();
            let parsed: Option<crate::model::PersonMeta> = parse(&split, file, &mut out);
            // Refused by the limits, so before the YAML parser saw it.
            assert!(parsed.is_none() && out.len() == 1, "{out:?}");
            let message = &out[0].message;
            assert!(
                ["limit", "at most", "more than"]
                    .iter()
                    .any(|m| message.contains(m)),
                "{message}"
            );
        }
        // What people write stays within them: brackets in quoted text, a
        // few anchors, internal details nested a few levels.
        let fine = "name: \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ Amara\"\ntopics: [a, b]\ninternal:\n  contact:\n    email: a@b.c # a note *x &y\n";
        let split = Split {
            yaml: fine,
            yaml_line: 2,
            body: "",
            body_line: 0,
        };
        let mut out = Vec::new();
        let parsed: Option<crate::model::PersonMeta> = parse(&split, file, &mut out);
        assert!(parsed.is_some() && out.is_empty(), "{out:?}");
    }

    #[test]
    fn unterminated_front_matter_is_reported() {
        let err = split("---\ntitle: A\n", Path::new("x.md")).unwrap_err();
        assert!(err.message.contains("never closed"));
    }
}
