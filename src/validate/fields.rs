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
        // Found only for a field with a problem: reading the file's lines
        // for every field of every file was a tenth of `check`.
        if let Some(what) = bad_character(f.value, f.shape) {
            let (line, column) = match f.by_value {
                true => value_position(source, f.key, f.value),
                false => (key_line(source, f.key), 1),
            };
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
/// `line` is only worked out for an address that is refused.
fn check_address(
    source: &Source,
    key: &str,
    url: &str,
    line: impl FnOnce() -> usize,
    diags: &mut Diagnostics,
) {
    if crate::routes::forbidden_scheme(url).is_none() {
        return;
    }
    diags.extend(refused_scheme(&source.path, line(), url).map(|d| d.with_hint(
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
        check_address(
            &p.source,
            network,
            url,
            || key_line(&p.source, network),
            diags,
        );
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
            || key_line(&c.source, "url"),
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
        body: Default::default(),
        body_line: 0,
        partial: false,
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
        opt(line, "logo", &config.brand.logo),
        opt(line, "accent", &config.brand.accent),
        opt(line, "second", &config.brand.second),
    ];
    let footer = &config.footer;
    let footer_links = [
        ("privacy", &footer.privacy),
        ("contact", &footer.contact),
        ("donate", &footer.donate),
        ("get_involved", &footer.get_involved),
    ];
    let footer_fields = footer_links
        .iter()
        .filter_map(|(key, url)| opt(line, key, url))
        .chain(footer.social.iter().flat_map(|(network, url)| {
            [
                Field {
                    key: network,
                    value: network,
                    shape: Shape::Line,
                    by_value: true,
                },
                line(network, url),
            ]
        }));
    let mut found = Diagnostics::default();
    check_fields(
        &source,
        "hub.yaml",
        fields
            .into_iter()
            .flatten()
            .chain(items("networks", &config.share.networks, Shape::Line))
            .chain(footer_fields),
        &mut found,
    );
    let addresses = [
        ("playbook_base_url", config.playbook_base_url.as_deref()),
        ("url", org.url.as_deref()),
    ]
    .into_iter()
    .chain(footer_links.iter().map(|(key, url)| (*key, url.as_deref())))
    .chain(
        footer
            .social
            .iter()
            .map(|(network, url)| (network.as_str(), Some(url.as_str()))),
    );
    for (key, url) in addresses {
        if let Some(url) = url {
            // Found by its value: it may sit in a `{name: .., url: ..}` map.
            let line = || value_position(&source, key, url).0;
            check_address(&source, key, url, line, &mut found);
        }
    }
    if let Some(logo) = &config.signature.logo {
        // Found under `signature:`: `brand:` may have a `logo:` too.
        let (line, column) = value_position(&source, "signature", logo);
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
    brand_colours(config, &source, &mut found);
    diags.extend(found.into_iter().map(|mut d| {
        d.line = d.line.saturating_sub(1).max(1);
        d
    }));
}

/// hub.yaml's `brand.logo`: a whole SVG or PNG in static/, shown with
/// `<img>` (so no script in an SVG ever runs).
pub fn hub_logo(c: &Corpus, diags: &mut Diagnostics) {
    let Some(logo) = c.config.brand.logo.as_deref() else {
        return;
    };
    let yaml = std::fs::read_to_string(c.root.join("hub.yaml")).unwrap_or_default();
    let line = yaml
        .lines()
        .position(|l| l.contains("logo:") && l.contains(logo))
        .or_else(|| {
            yaml.lines()
                .position(|l| l.trim_start().starts_with("logo:"))
        })
        .map_or(1, |i| i + 1);
    let error = |message: String, hint: &str| {
        Diagnostic::error(Path::new("hub.yaml"), line, message).with_hint(hint)
    };
    let lower = logo.to_ascii_lowercase();
    if !(lower.ends_with(".svg") || lower.ends_with(".png")) {
        diags.push(error(
            format!("the logo `{logo}` is not an SVG or PNG file"),
            "export the logo as SVG (best: sharp at every size) or PNG, put it in static/ and name it here",
        ));
        return;
    }
    if !c.static_files.contains(Path::new(logo)) {
        // The server the hub is built on tells capitals apart.
        let other_case = c
            .static_files
            .iter()
            .map(|f| crate::routes::static_url(f))
            .find(|f| crate::routes::static_key(f) == crate::routes::static_key(logo));
        let hint = match other_case {
            Some(real) => {
                format!("the file is called `{real}`: write `logo: {real}`, with the same capitals")
            }
            None => {
                "put the file in static/ and write its path inside static/, like `logo: logo.svg`"
                    .into()
            }
        };
        diags.push(error(format!("the logo `{logo}` is not in static/"), &hint));
        return;
    }
    let bytes = std::fs::read(c.root.join("static").join(logo)).unwrap_or_default();
    let readable = match lower.ends_with(".svg") {
        true => std::str::from_utf8(&bytes).is_ok_and(|t| t.contains("<svg")),
        false => png_size(&bytes).is_some_and(|(w, h)| w > 0 && h > 0),
    };
    if !readable {
        diags.push(error(
            format!("the logo `{logo}` can't be read as a picture"),
            "open it in an image editor and export it again as SVG or PNG",
        ));
    } else if bytes.len() > LOGO_WARN_BYTES {
        diags.push(
            Diagnostic::warning(
                Path::new("hub.yaml"),
                line,
                format!(
                    "the logo `{logo}` is {} KB, and every page loads it",
                    bytes.len() / 1024
                ),
            )
            .with_hint(
                "a logo needs far less: export it as SVG, or as a PNG about 480 pixels wide",
            ),
        );
    }
}

/// Above this a logo slows every page down for nothing.
const LOGO_WARN_BYTES: usize = 300 * 1024;

/// Width and height from a PNG's header, if it is one.
fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let header = bytes.get(..24)?;
    let is_png = header.starts_with(b"\x89PNG\r\n\x1a\n") && &header[12..16] == b"IHDR";
    let number = |at: usize| {
        u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
    };
    is_png.then(|| (number(16), number(20)))
}

/// hub.yaml's brand colours: each a colour, and readable wherever the
/// theme uses it (see `crate::brand`), reported at its own line.
fn brand_colours(config: &SiteConfig, source: &Source, found: &mut Diagnostics) {
    for problem in crate::brand::problems(&config.brand) {
        let key = problem.key.name();
        let (line, column) = value_position(source, key, &problem.written);
        found.push(
            Diagnostic::error(&source.path, line, problem.message)
                .at_column(column)
                .with_hint(problem.hint),
        );
    }
    // Unquoted, `accent: #1f6f6a` is YAML for no value and a comment: the
    // colour would be dropped without a word.
    let brand = &config.brand;
    for (key, value) in [("accent", &brand.accent), ("second", &brand.second)] {
        let line = key_line(source, key);
        let written = source
            .front_matter_lines()
            .get(line.wrapping_sub(2))
            .copied();
        let rest = written.and_then(|l| l.trim_start().strip_prefix(key)?.strip_prefix(':'));
        if value.is_none() && rest.is_some_and(|r| r.trim_start().starts_with('#')) {
            let colour = rest
                .unwrap_or_default()
                .split_whitespace()
                .next()
                .unwrap_or("#");
            found.push(
                Diagnostic::error(
                    &source.path,
                    line,
                    format!("the `{key}` colour is read as a comment, so it is left out"),
                )
                .with_hint(format!(
                    "put the colour in quotes: `{key}: \"{colour}\"` (in YAML, # starts a comment)"
                )),
            );
        }
    }
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
