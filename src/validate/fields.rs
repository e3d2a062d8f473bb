//! Front-matter values that end up in pages, feeds, vCards and share links:
//! one-line fields hold one line, and every address uses a scheme a
//! browser can't run (the same allowlist as links in Markdown).

use super::{key_line, links::refused_scheme, value_position};
use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::*;
use std::path::Path;

/// How much of the line structure a field may have.
#[derive(Clone, Copy, PartialEq)]
enum Shape {
    /// Names, titles, roles, topics, addresses: no control character at
    /// all, line breaks included (a line break in a name would start a
    /// new line in a vCard or a feed).
    Line,
    /// Summaries, alt texts and share posts may break lines; no other
    /// control character (NUL, CR, escape codes).
    Text,
}

/// One value to check, and where it is written.
struct Field<'a> {
    key: &'a str,
    value: &'a str,
    shape: Shape,
    /// Found by its value under the key (list items, map entries), or at
    /// the key's own line.
    by_value: bool,
}

fn line<'a>(key: &'a str, value: &'a str) -> Field<'a> {
    Field {
        key,
        value,
        shape: Shape::Line,
        by_value: false,
    }
}

fn text<'a>(key: &'a str, value: &'a str) -> Field<'a> {
    Field {
        shape: Shape::Text,
        ..line(key, value)
    }
}

fn items<'a>(key: &'a str, values: &'a [String], shape: Shape) -> impl Iterator<Item = Field<'a>> {
    values.iter().map(move |v| Field {
        key,
        value: v,
        shape,
        by_value: true,
    })
}

fn opt<'a>(
    make: fn(&'a str, &'a str) -> Field<'a>,
    key: &'a str,
    value: &'a Option<String>,
) -> Option<Field<'a>> {
    value.as_deref().map(|v| make(key, v))
}

/// The first control character a field may not hold, named for people.
fn bad_character(value: &str, shape: Shape) -> Option<&'static str> {
    value.chars().find_map(|c| match c {
        '\n' if shape == Shape::Text => None,
        '\n' => Some("a line break"),
        '\r' => Some("a carriage return"),
        '\0' => Some("a NUL character"),
        '\t' => Some("a tab"),
        '\u{1b}' => Some("an escape code"),
        c if c.is_control() => Some("a control character"),
        // Unicode's noncharacters: no text means them, XML (feeds, share
        // cards) refuses them.
        c if is_noncharacter(c) => Some("an invisible character that can't be published"),
        _ => None,
    })
}

fn is_noncharacter(c: char) -> bool {
    matches!(c, '\u{FDD0}'..='\u{FDEF}') || (u32::from(c) & 0xFFFE) == 0xFFFE
}

fn check_fields<'a>(
    source: &Source,
    kind: &str,
    fields: impl IntoIterator<Item = Field<'a>>,
    diags: &mut Diagnostics,
) {
    for f in fields {
        let (line, column) = match f.by_value {
            true => value_position(source, f.key, f.value),
            false => (key_line(source, f.key), 1),
        };
        if let Some(what) = bad_character(f.value, f.shape) {
            let hint = match f.shape {
                Shape::Line => format!("write the {kind}'s `{}` on one line, as plain text", f.key),
                Shape::Text => format!(
                    "retype the `{}` text: it holds an invisible character",
                    f.key
                ),
            };
            diags.push(
                Diagnostic::error(&source.path, line, format!("`{}` holds {what}", f.key))
                    .at_column(column)
                    .with_hint(hint),
            );
        }
    }
}

/// Addresses in front matter pass the same scheme allowlist as links.
fn check_address(source: &Source, key: &str, url: &str, line: usize, diags: &mut Diagnostics) {
    diags.extend(refused_scheme(&source.path, line, url).map(|d| d.with_hint(
        format!("`{key}` must be a web address (https://...), an email (mailto:) or a phone number (tel:)"),
    )));
}

pub fn person(p: &Person, diags: &mut Diagnostics) {
    let m = &p.meta;
    let fields = [
        Some(line("name", &m.name)),
        opt(line, "role", &m.role),
        opt(line, "team", &m.team),
        opt(line, "location", &m.location),
        opt(line, "pronouns", &m.pronouns),
        opt(line, "photo", &m.photo),
        opt(text, "photo_alt", &m.photo_alt),
    ];
    let link_keys = m.links.keys().map(|k| Field {
        key: k,
        value: k,
        shape: Shape::Line,
        by_value: true,
    });
    let link_values = m.links.iter().map(|(k, v)| Field {
        key: k,
        value: v,
        shape: Shape::Line,
        by_value: false,
    });
    check_fields(
        &p.source,
        "person",
        fields
            .into_iter()
            .flatten()
            .chain(items("topics", &m.topics, Shape::Line))
            .chain(items("responds_on", &m.responds_on, Shape::Line))
            .chain(link_keys)
            .chain(link_values),
        diags,
    );
    for (network, url) in &m.links {
        check_address(&p.source, network, url, key_line(&p.source, network), diags);
    }
}

pub fn story(s: &Story, diags: &mut Diagnostics) {
    let m = &s.meta;
    let fields = [
        Some(line("title", &m.title)),
        opt(line, "campaign", &m.campaign),
        opt(text, "summary", &m.summary),
        opt(line, "image", &m.image),
        opt(text, "image_alt", &m.image_alt),
    ];
    check_fields(
        &s.source,
        "story",
        fields
            .into_iter()
            .flatten()
            .chain(items("people", &m.people, Shape::Line))
            .chain(items("topics", &m.topics, Shape::Line)),
        diags,
    );
}

pub fn guideline(g: &Guideline, diags: &mut Diagnostics) {
    let m = &g.meta;
    check_fields(
        &g.source,
        "guideline",
        std::iter::once(line("title", &m.title)).chain(items("tags", &m.tags, Shape::Line)),
        diags,
    );
}

pub fn campaign(c: &Campaign, diags: &mut Diagnostics) {
    let m = &c.meta;
    let cta = m
        .cta
        .iter()
        .flat_map(|cta| [line("text", &cta.text), line("url", &cta.url)]);
    check_fields(
        &c.source,
        "campaign",
        std::iter::once(line("title", &m.title))
            .chain(items("hashtags", &m.hashtags, Shape::Line))
            .chain(items("share", &m.share, Shape::Text))
            .chain(cta),
        diags,
    );
    if let Some(cta) = &m.cta {
        check_address(
            &c.source,
            "cta.url",
            &cta.url,
            key_line(&c.source, "url"),
            diags,
        );
    }
}

/// hub.yaml's one-line settings and addresses.
pub fn hub(config: &SiteConfig, yaml: &str, diags: &mut Diagnostics) {
    // `key_line` counts front-matter lines from file line 2, as in a
    // content file; hub.yaml is YAML from line 1, so lines are moved back.
    let source = Source {
        path: Path::new("hub.yaml").to_path_buf(),
        front_matter: yaml.to_string(),
        body: String::new(),
        body_line: 0,
        partial: false,
        static_refs: Vec::new(),
    };
    let org = &config.organisation;
    let utm = &config.share.utm;
    let fields = [
        Some(line("title", &config.title)),
        Some(text("description", &config.description)),
        Some(line("base_url", &config.base_url)),
        opt(line, "playbook_base_url", &config.playbook_base_url),
        opt(line, "playbook_title", &config.playbook_title),
        Some(line("language", &config.language)),
        Some(line("theme", &config.theme)),
        Some(line("name", &org.name)),
        opt(line, "charity_number", &org.charity_number),
        opt(line, "url", &org.url),
        opt(line, "source", &utm.source),
        opt(line, "medium", &utm.medium),
        opt(line, "logo", &config.signature.logo),
    ];
    let mut found = Diagnostics::default();
    check_fields(
        &source,
        "hub.yaml",
        fields
            .into_iter()
            .flatten()
            .chain(items("networks", &config.share.networks, Shape::Line)),
        &mut found,
    );
    let addresses = [
        ("playbook_base_url", config.playbook_base_url.as_deref()),
        ("url", org.url.as_deref()),
    ];
    for (key, url) in addresses {
        if let Some(url) = url {
            // Found by its value: it may sit in a `{name: .., url: ..}` map.
            let (line, _) = value_position(&source, key, url);
            check_address(&source, key, url, line, &mut found);
        }
    }
    if let Some(logo) = &config.signature.logo {
        let (line, column) = value_position(&source, "logo", logo);
        let web = ["https://", "http://"].iter().any(|s| {
            logo.get(..s.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(s))
        });
        if !web {
            found.push(
                Diagnostic::error(&source.path, line, "the signature's `logo` must be a full web address")
                    .at_column(column)
                    .with_hint("mail can't show a picture from the playbook: put the logo on your website and write its address, like https://example.org/logo.png"),
            );
        }
    }
    diags.extend(found.into_iter().map(|mut d| {
        d.line = d.line.saturating_sub(1).max(1);
        d
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_fields_refuse_every_control_character() {
        for bad in ["A\nB", "A\rB", "A\0B", "A\tB", "A\u{1b}[31mB", "A\u{7f}B"] {
            assert!(bad_character(bad, Shape::Line).is_some(), "{bad:?}");
        }
        assert_eq!(bad_character("Zoë O'Brien – Lead", Shape::Line), None);
        assert_eq!(bad_character("Two\nlines", Shape::Text), None);
        assert!(bad_character("C\u{FFFF}", Shape::Text).is_some());
        assert!(bad_character("C\u{FDD0}", Shape::Line).is_some());
        assert!(bad_character("CR\r\nLF", Shape::Text).is_some());
    }
}
