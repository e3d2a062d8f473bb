//! The theme's own words — navigation, headings, buttons, dates — in each
//! language of the site, from Fluent files (https://projectfluent.org):
//! the theme ships `i18n/en.ftl` and `i18n/cy.ftl`, and a site overrides
//! or adds any text in its own `i18n/<language>.ftl`. Templates ask for a
//! text with `{{ t(key="nav-people") }}`, passing numbers and names as
//! more arguments (`t(key="people-count", count=12)`), so each language
//! words plurals its own way.

use super::Language;
use crate::diagnostics::Diagnostic;
use crate::model::Day;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

type Bundle = FluentBundle<FluentResource>;

/// The interface texts the default theme ships, by language.
const THEME_TEXTS: &[(&str, &str)] = &[
    ("en", include_str!("../../themes/default/i18n/en.ftl")),
    ("cy", include_str!("../../themes/default/i18n/cy.ftl")),
];

/// The largest interface file read: far above any real one.
const MAX_FILE: u64 = 1024 * 1024;

/// One language's interface texts, ready to use.
#[derive(Clone)]
pub struct Speech {
    pub tag: String,
    bundle: Arc<Bundle>,
    /// The default language's texts, for a text this language lacks
    /// (`check` has reported it as an error by then).
    fallback: Option<Arc<Bundle>>,
}

/// A site's languages' interface texts, the default first.
pub struct Interface {
    pub speeches: Vec<Speech>,
}

impl Interface {
    /// Load every language's texts: the theme's, then the site's on top.
    /// Problems (a syntax error, a language nobody wrote texts for, a text
    /// one language lacks) go to `out`.
    pub fn load(site: &Path, languages: &[Language], out: &mut Vec<Diagnostic>) -> Interface {
        let english = theme_text("en")
            .map(|t| ids(&resource(t)))
            .unwrap_or_default();
        let mut speeches: Vec<Speech> = Vec::new();
        for lang in languages {
            let mut bundle = new_bundle(&lang.tag);
            let mut known: Vec<String> = Vec::new();
            let shipped = theme_text(&lang.tag).or_else(|| theme_text(lang.primary()));
            if let Some(text) = shipped {
                let shipped = resource(text);
                known.extend(ids(&shipped));
                bundle.add_resource_overriding(shipped);
            }
            // `i18n/en-GB.ftl`, or for a regional tag the language's own `i18n/en.ftl`.
            let own =
                site_file(site, &lang.tag, out).or_else(|| match lang.primary() == lang.tag {
                    true => None,
                    false => site_file(site, lang.primary(), out),
                });
            if let Some((rel, text)) = &own {
                // A file with mistakes is still read: its good texts count.
                let own = FluentResource::try_new(text.clone()).unwrap_or_else(|(r, errors)| {
                    for e in errors {
                        // Where the broken text starts, not where the parser gave up.
                        let at = e.slice.as_ref().map_or(e.pos.start, |s| s.start);
                        let (line, column) = line_column(text, at);
                        out.push(
                            Diagnostic::error(rel, line, format!("this line is not a Fluent text: {}", e.kind))
                                .at_column(column)
                                .with_hint("write each text as `key = words`, continued lines indented; see https://projectfluent.org/fluent/guide/"),
                        );
                    }
                    r
                });
                known.extend(ids(&own));
                bundle.add_resource_overriding(own);
            }
            if shipped.is_none() && own.is_none() {
                out.push(
                    Diagnostic::error(
                        Path::new("hub.yaml"),
                        0,
                        format!(
                            "convene's theme has no interface texts in `{}` ({})",
                            lang.tag,
                            language_name(&lang.tag)
                        ),
                    )
                    .with_hint(format!(
                        "write them in i18n/{}.ftl, translating the English ones (themes/default/i18n/en.ftl in convene's source); it ships: {}",
                        lang.tag,
                        THEME_TEXTS.iter().map(|(t, _)| *t).collect::<Vec<_>>().join(", ")
                    )),
                );
            } else {
                let missing: Vec<&String> = english.iter().filter(|k| !known.contains(k)).collect();
                if let (Some(first), Some((rel, text))) = (missing.first(), &own) {
                    out.push(
                        Diagnostic::error(
                            rel,
                            text.lines().count() + 1,
                            format!(
                                "{} interface texts have no {} version: {}",
                                missing.len(),
                                language_name(&lang.tag),
                                missing
                                    .iter()
                                    .take(8)
                                    .map(|s| s.as_str())
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                        )
                        .with_hint(format!("add them here, e.g. `{first} = ...`")),
                    );
                }
            }
            let fallback = speeches.first().map(|s| Arc::clone(&s.bundle));
            speeches.push(Speech {
                tag: lang.tag.clone(),
                bundle: Arc::new(bundle),
                fallback,
            });
        }
        Interface { speeches }
    }

    /// Texts a site's own template asks for that some language lacks:
    /// reported at the template's line.
    pub fn check_template(&self, rel: &Path, template: &str, out: &mut Vec<Diagnostic>) {
        for (key, line) in keys_used(template) {
            for speech in &self.speeches {
                if !speech.bundle.has_message(&key) {
                    out.push(
                        Diagnostic::error(
                            rel,
                            line,
                            format!(
                                "this template uses the text `{key}`, which has no {} version",
                                language_name(&speech.tag)
                            ),
                        )
                        .with_hint(format!("add `{key} = ...` to i18n/{}.ftl", speech.tag)),
                    );
                }
            }
        }
    }
}

impl Speech {
    /// The theme's English texts alone: for a theme loaded without a site.
    pub fn builtin_english() -> Speech {
        let mut bundle = new_bundle("en");
        bundle.add_resource_overriding(resource(THEME_TEXTS[0].1));
        Speech {
            tag: "en".into(),
            bundle: Arc::new(bundle),
            fallback: None,
        }
    }

    /// The text `key` with `args`; the key itself if no language has it.
    pub fn text(&self, key: &str, args: Option<&FluentArgs>) -> String {
        let bundles = std::iter::once(&self.bundle).chain(self.fallback.as_ref());
        for bundle in bundles {
            if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return bundle
                    .format_pattern(pattern, args, &mut errors)
                    .into_owned();
            }
        }
        key.to_string()
    }

    /// A date as this language writes it: `12 May 2025`, `12 Mai 2025`.
    pub fn date(&self, day: Day) -> String {
        use chrono::Datelike;
        let d = day.0;
        let mut args = FluentArgs::new();
        args.set("day", d.day());
        args.set("month", self.text(&format!("month-{}", d.month()), None));
        args.set("year", d.year().to_string());
        self.text("date", Some(&args))
    }

    /// When something runs: `1 May 2025 to 31 May 2025`, `From ...`, `Until ...`.
    pub fn span(&self, starts: Option<Day>, ends: Option<Day>) -> Option<String> {
        let mut args = FluentArgs::new();
        let key = match (starts, ends) {
            (Some(s), Some(e)) => {
                args.set("starts", self.date(s));
                args.set("ends", self.date(e));
                "dates-between"
            }
            (Some(s), None) => {
                args.set("starts", self.date(s));
                "dates-from"
            }
            (None, Some(e)) => {
                args.set("ends", self.date(e));
                "dates-until"
            }
            (None, None) => return None,
        };
        Some(self.text(key, Some(&args)))
    }

    /// The `t(key=..., ...)` function templates call.
    pub fn template_function(&self) -> impl tera::Function {
        let speech = self.clone();
        move |args: &HashMap<String, tera::Value>| -> tera::Result<tera::Value> {
            let key = args
                .get("key")
                .and_then(|k| k.as_str())
                .ok_or_else(|| tera::Error::msg("t() needs a key: t(key=\"nav-people\")"))?;
            let mut fluent = FluentArgs::new();
            for (name, value) in args.iter().filter(|(n, _)| *n != "key") {
                let value = match value {
                    tera::Value::Number(n) => FluentValue::from(n.as_f64().unwrap_or(0.0)),
                    tera::Value::String(s) => FluentValue::from(s.clone()),
                    tera::Value::Bool(b) => FluentValue::from(b.to_string()),
                    other => FluentValue::from(other.to_string()),
                };
                fluent.set(name.clone(), value);
            }
            Ok(tera::Value::String(speech.text(key, Some(&fluent))))
        }
    }
}

fn new_bundle(tag: &str) -> Bundle {
    let id: unic_langid::LanguageIdentifier = tag.parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![id]);
    // Fluent marks placeables with Unicode isolation characters for
    // right-to-left text; in HTML they only get in the way of copy and search.
    bundle.set_use_isolating(false);
    // Fluent writes numbers without grouping; each language groups
    // thousands its own way (5,000 in English and Welsh, 5.000 in German).
    let primary = super::primary(tag).to_ascii_lowercase();
    let group: fn(&FluentValue, &Memoizer) -> Option<String> = match primary.as_str() {
        "de" | "es" | "it" | "nl" | "pt" | "pl" | "da" => group_with_dot,
        "fr" => group_with_narrow_space,
        _ => group_with_comma,
    };
    bundle.set_formatter(Some(group));
    bundle
}

type Memoizer = intl_memoizer::concurrent::IntlLangMemoizer;

fn group_with_comma(value: &FluentValue, _: &Memoizer) -> Option<String> {
    grouped(value, ",")
}

fn group_with_dot(value: &FluentValue, _: &Memoizer) -> Option<String> {
    grouped(value, ".")
}

fn group_with_narrow_space(value: &FluentValue, _: &Memoizer) -> Option<String> {
    grouped(value, "\u{202f}")
}

/// A whole number from 1,000 up with its thousands grouped; anything else
/// as Fluent writes it.
fn grouped(value: &FluentValue, separator: &str) -> Option<String> {
    let FluentValue::Number(n) = value else {
        return None;
    };
    let v = n.value;
    if v.fract() != 0.0 || v.abs() < 1000.0 || v.abs() > 1e15 {
        return None;
    }
    let digits = format!("{}", v.abs() as u64);
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if v < 0.0 {
        out.push('-');
    }
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(separator);
        }
        out.push(d);
    }
    Some(out)
}

fn theme_text(tag: &str) -> Option<&'static str> {
    THEME_TEXTS
        .iter()
        .find(|(t, _)| t.eq_ignore_ascii_case(tag))
        .map(|(_, text)| *text)
}

/// A Fluent file the theme ships (a unit test makes sure each parses).
fn resource(text: &str) -> FluentResource {
    FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r)
}

/// The message ids a Fluent file defines.
fn ids(resource: &FluentResource) -> Vec<String> {
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

/// The site's own `i18n/<tag>.ftl`, if it has one.
fn site_file(site: &Path, tag: &str, out: &mut Vec<Diagnostic>) -> Option<(PathBuf, String)> {
    let rel = Path::new("i18n").join(format!("{tag}.ftl"));
    let path = site.join(&rel);
    let meta = path.symlink_metadata().ok()?;
    if meta.file_type().is_symlink() {
        out.push(crate::load::symlink(&rel));
        return None;
    }
    if meta.len() > MAX_FILE {
        out.push(Diagnostic::error(
            &rel,
            0,
            "this file is over 1 MB, far more than interface texts need",
        ));
        return None;
    }
    match std::fs::read_to_string(&path) {
        Ok(text) => Some((rel, text.trim_start_matches('\u{feff}').to_string())),
        Err(e) => {
            out.push(Diagnostic::error(
                &rel,
                0,
                format!("this file can't be read as UTF-8 text: {e}"),
            ));
            None
        }
    }
}

/// `t(key="...")` calls in a template, with their lines.
pub fn keys_used(template: &str) -> Vec<(String, usize)> {
    let mut found = Vec::new();
    for (i, line) in template.lines().enumerate() {
        let mut rest = line;
        while let Some(at) = rest.find("t(key=\"") {
            let after = &rest[at + "t(key=\"".len()..];
            let Some(end) = after.find('"') else { break };
            found.push((after[..end].to_string(), i + 1));
            rest = &after[end..];
        }
    }
    found
}

/// 1-based line and column (in characters) of byte `at` of `text`.
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let at = (0..=at.min(text.len()))
        .rev()
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(0);
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// A language's name in English, for messages to the people who run the site.
pub fn language_name(tag: &str) -> String {
    let primary = super::primary(tag).to_ascii_lowercase();
    let name = match primary.as_str() {
        "en" => "English",
        "cy" => "Welsh",
        "ga" => "Irish",
        "gd" => "Scottish Gaelic",
        "fr" => "French",
        "es" => "Spanish",
        "de" => "German",
        "it" => "Italian",
        "pt" => "Portuguese",
        "nl" => "Dutch",
        "pl" => "Polish",
        "ar" => "Arabic",
        "ur" => "Urdu",
        "so" => "Somali",
        _ => return format!("`{tag}`"),
    };
    name.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text the default theme's templates ask for is in every
    /// language it ships, and both files define the same texts.
    #[test]
    fn the_theme_speaks_every_language_it_ships_in_full() {
        let english = ids(&resource(THEME_TEXTS[0].1));
        for (tag, text) in THEME_TEXTS {
            let mut missing: Vec<&String> = Vec::new();
            let have = ids(&resource(text));
            missing.extend(english.iter().filter(|k| !have.contains(k)));
            assert!(missing.is_empty(), "{tag}.ftl lacks {missing:?}");
            assert!(
                FluentResource::try_new(text.to_string()).is_ok(),
                "{tag}.ftl does not parse"
            );
        }
        for text in crate::theme::Theme::builtin_texts() {
            for (key, line) in keys_used(text) {
                assert!(
                    english.contains(&key),
                    "a template asks for `{key}` (line {line}), which en.ftl lacks"
                );
            }
        }
    }

    #[test]
    fn dates_are_written_in_each_language() {
        let languages = vec![
            Language {
                tag: "en-GB".into(),
                prefix: String::new(),
            },
            Language {
                tag: "cy".into(),
                prefix: "cy/".into(),
            },
        ];
        let mut out = Vec::new();
        let i = Interface::load(Path::new("/nonexistent"), &languages, &mut out);
        assert!(out.is_empty(), "{out:?}");
        let day = Day(chrono::NaiveDate::from_ymd_opt(2025, 5, 12).unwrap());
        assert_eq!(i.speeches[0].date(day), "12 May 2025");
        assert_eq!(i.speeches[1].date(day), "12 Mai 2025");
    }

    #[test]
    fn numbers_are_grouped_as_each_language_writes_them() {
        let english = Speech::builtin_english();
        let mut args = FluentArgs::new();
        args.set("count", 5000);
        assert_eq!(english.text("people-count", Some(&args)), "5,000 people");
        args.set("count", 1);
        assert_eq!(english.text("people-count", Some(&args)), "1 person");
        assert_eq!(
            grouped(&FluentValue::from(1234567), "."),
            Some("1.234.567".into())
        );
        assert_eq!(grouped(&FluentValue::from(999), ","), None);
        assert_eq!(grouped(&FluentValue::from(12.5), ","), None);
    }

    #[test]
    fn lines_and_columns_count_characters() {
        assert_eq!(line_column("ab\ncdé f", 8), (2, 5));
        assert_eq!(
            keys_used("{{ t(key=\"a\") }} {{ t(key=\"b\", n=1) }}\nx t(key=\"c\")"),
            vec![("a".into(), 1), ("b".into(), 1), ("c".into(), 2)]
        );
    }
}
