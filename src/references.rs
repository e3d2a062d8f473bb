//! Which files under static/ a Markdown body points at, worked out when
//! the body is surveyed: the public hub withholds a file that only private
//! pages use, so it must know every way a body can name one.
//!
//! What a public page uses is read from its structure (links, images, the
//! addresses in its raw HTML). What private text names is found by its
//! words instead (`Mentions`): a private item may name a file in ways no
//! structure reading lists (a CSS `url()`, a `ping`, an `internal:` field),
//! and a file it names in any of them must not reach the public hub.

use crate::html;
use crate::routes::{self, Target};
use aho_corasick::{AhoCorasick, MatchKind};
use std::borrow::Cow;
use std::collections::HashSet;
use std::path::Path;

/// What a body names: the static files (canonical, see
/// `routes::static_file`) it links to or shows, and the full web addresses
/// (`https://...`, `//host/...`) it names, which may be a file of the hub's
/// own. Both sorted, without repeats.
pub struct Named {
    pub static_files: Vec<String>,
    pub web_addresses: Vec<String>,
}

/// What a body, read from the file at `from`, names: its Markdown links'
/// and images' `dests`, and the addresses in its `raw` HTML (each block
/// on lines of its own), which convene does not rewrite.
pub fn in_body<'d>(from: &Path, dests: impl Iterator<Item = &'d str>, raw: &str) -> Named {
    let mut web: Vec<String> = Vec::new();
    let mut found: Vec<String> = dests
        .filter_map(|dest| match routes::classify(from, dest) {
            Target::Static(file) => Some(routes::static_url(&file)),
            Target::External if is_web_address(dest) => {
                web.push(dest.trim().to_string());
                None
            }
            _ => None,
        })
        .collect();
    if !raw.is_empty() {
        for (_, url) in html::addresses(&html::scan(raw)) {
            let url = as_a_browser_reads(url);
            if is_web_address(&url) {
                web.push(url.to_string());
            }
            found.extend(raw_html_candidates(from, &url));
        }
    }
    found.sort();
    found.dedup();
    web.sort();
    web.dedup();
    Named {
        static_files: found,
        web_addresses: web,
    }
}

/// An address in raw HTML as a browser reads it before anything else (the
/// WHATWG URL standard's basic URL parser): C0 controls and spaces at
/// either end go, and so does every ASCII tab, line feed and carriage
/// return inside, so `/docs/pl&#9;an.pdf` loads `/docs/plan.pdf`.
fn as_a_browser_reads(url: &str) -> Cow<'_, str> {
    let url = url.trim_matches(|c: char| c <= ' ');
    match url.contains(['\t', '\n', '\r']) {
        true => Cow::Owned(url.replace(['\t', '\n', '\r'], "")),
        false => Cow::Borrowed(url),
    }
}

fn is_web_address(url: &str) -> bool {
    let url = url.trim_start().to_ascii_lowercase();
    url.starts_with("http://") || url.starts_with("https://") || url.starts_with("//")
}

/// The static file a full web address names on the site at `base` (a
/// `base_url`): `https://people.example/docs/a.pdf` is `docs/a.pdf` there,
/// whether written with `http:` or `https:`, or none, and hosts compared
/// without case. `None` for an address elsewhere.
pub fn on_site(url: &str, base: &str) -> Option<String> {
    let base = routes::without_web_scheme(base)?.trim_end_matches('/');
    let rest = routes::without_web_scheme(url)?;
    let head = rest.get(..base.len())?;
    if base.is_empty() || !head.eq_ignore_ascii_case(base) {
        return None;
    }
    let path = rest[base.len()..].strip_prefix('/')?;
    let path = path.split(['?', '#']).next().unwrap_or("");
    let path = path.trim_start_matches(['/', '\\']);
    routes::static_file(&routes::percent_decode(path))
}

/// Raw HTML is published as written, so its addresses are read by the
/// browser from the page's own address, not the source file's. Every
/// static file it could reach is counted: as a link between source files
/// (`../static/a.pdf`), and from the site root, whatever the page's depth
/// (`/a.pdf`, `../../a.pdf`). Counting too many only withholds more.
fn raw_html_candidates(from: &Path, url: &str) -> Vec<String> {
    let mut out = Vec::new();
    if let Target::Static(file) = routes::classify(from, url) {
        out.push(routes::static_url(&file));
    }
    if routes::forbidden_scheme(url).is_some() || url.contains("://") || url.starts_with("//") {
        return out;
    }
    let path = url.split(['?', '#']).next().unwrap_or("");
    let from_root = path
        .trim_start_matches(['/', '\\'])
        .split(['/', '\\'])
        .skip_while(|part| matches!(*part, "" | "." | ".."))
        .collect::<Vec<_>>()
        .join("/");
    out.extend(routes::static_file(&routes::percent_decode(&from_root)));
    out
}

/// Finds which static files a text names, however it spells them: all the
/// site's static files looked for at once in the text (an Aho-Corasick
/// automaton), so the work grows with the text, not with files × texts.
/// Counting too many only withholds more, so a file is named wherever its
/// path stands as a whole (not inside a longer name), in any part of the
/// text: a link, a CSS `url()`, a `ping`, a `<meta>` refresh, a YAML field.
pub struct Mentions {
    automaton: AhoCorasick,
    /// The file each pattern is, as `routes::static_key` spells it.
    keys: Vec<String>,
    /// Does a file's name hold a space (`My CV (2).pdf`)? Only then can
    /// a name folded over two lines be one.
    spaced: bool,
}

impl Mentions {
    /// `None` when static/ is empty: there is nothing to find.
    pub fn of<'f>(files: impl Iterator<Item = &'f Path>) -> Option<Mentions> {
        let mut keys: Vec<String> = files
            .map(|f| routes::static_key(&routes::static_url(f)))
            .collect();
        keys.sort();
        keys.dedup();
        if keys.is_empty() {
            return None;
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&keys)
            .ok()?;
        let spaced = keys.iter().any(|k| k.contains(char::is_whitespace));
        Some(Mentions {
            automaton,
            keys,
            spaced,
        })
    }

    /// Add the key of every static file `text` names to `found`. The text
    /// is read as written, and again in each way a reader of it may see
    /// other words (each reading only when it can differ, so most texts
    /// are read twice at most):
    /// - with its Markdown and YAML escapes undone (`board\_pack.pdf`,
    ///   `plan\x2Epdf`, a double-quoted YAML string continued with `\` at
    ///   the end of a line), as the playbook shows them; the first reading
    ///   keeps `\` as a Windows `/`;
    /// - without tabs and line breaks, as a browser reads an address
    ///   (`/docs/pl&#9;an.pdf`); only in a reading of its own, since
    ///   joining lines also joins a name to the next line's first word;
    /// - with each line break between words a space, as YAML folds a
    ///   string over lines and a browser shows a paragraph, when a file's
    ///   name holds a space.
    pub fn find(&self, text: &str, found: &mut HashSet<String>) {
        if text.is_empty() {
            return;
        }
        self.find_in(&spelt_plainly(text), found);
        let unescaped = unescaped(text);
        if let Cow::Owned(unescaped) = &unescaped {
            self.find_in(&spelt_plainly(unescaped), found);
        }
        let decoded = decode_references(&unescaped);
        if decoded.contains(['\t', '\n', '\r']) {
            self.find_in(
                &spelt_plainly(&decoded.replace(['\t', '\n', '\r'], "")),
                found,
            );
            if self.spaced {
                self.find_in(&spelt_plainly(&folded(&decoded)), found);
            }
        }
    }

    /// Add the key of every static file that stands whole in `plain`.
    fn find_in(&self, plain: &str, found: &mut HashSet<String>) {
        for m in self.automaton.find_overlapping_iter(plain) {
            let before = plain[..m.start()].chars().next_back();
            let mut after = plain[m.end()..].chars();
            let ends = match after.next() {
                None | Some('/') => true,
                // A full stop ends a sentence, or starts an extension.
                Some('.') => !after.next().is_some_and(char::is_alphanumeric),
                Some(c) => !part_of_a_name(c),
            };
            if ends && !before.is_some_and(part_of_a_name) {
                found.insert(self.keys[m.pattern().as_usize()].clone());
            }
        }
    }
}

/// A character that would make a path found inside a longer name.
fn part_of_a_name(c: char) -> bool {
    c.is_alphanumeric() || "_-.~+@".contains(c)
}

/// `text` as a browser or a web server reads the paths in it: HTML
/// character references and `%xx` escapes decoded, without case, a
/// backslash as a slash, and `//`, `/./` and `x/../` gone.
fn spelt_plainly(text: &str) -> String {
    let text = decode_references(text);
    let decoded = match text.contains('%') {
        true => routes::percent_decode(&text).to_lowercase(),
        false => text.to_lowercase(),
    };
    let bytes = decoded.as_bytes();
    let slash = |b: Option<&u8>| matches!(b, Some(b'/' | b'\\'));
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        i += 1;
        if slash(Some(&b)) {
            if out.last() != Some(&b'/') {
                out.push(b'/');
            }
            continue;
        }
        if b == b'.' && out.last() == Some(&b'/') {
            if slash(bytes.get(i)) {
                continue; // `/./`
            }
            if bytes.get(i) == Some(&b'.') && (slash(bytes.get(i + 1)) || i + 1 == bytes.len()) {
                // `x/../`: the part before goes, if it is a name.
                let end = out.len() - 1;
                let start = out[..end]
                    .iter()
                    .rposition(|&c| c.is_ascii() && !part_of_a_name(c as char))
                    .map_or(0, |p| p + 1);
                let part = &out[start..end];
                if !part.is_empty() && part != b".." {
                    out.truncate(start);
                    i += 1;
                    continue;
                }
            }
        }
        out.push(b);
    }
    // Only ASCII bytes were left out, so the rest is still UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

/// `text` with its escapes undone, both Markdown's (`\` before ASCII
/// punctuation) and those of a double-quoted YAML string (`\x2E`,
/// `\u002E`, `\U0000002E`, `\t`, `\` ending a line, which also takes
/// the next line's indentation) and a single-quoted one (`''`). Where the
/// two differ (`\_`), Markdown's reading is kept. Other backslashes stay.
fn unescaped(text: &str) -> Cow<'_, str> {
    if !text.contains('\\') && !text.contains("''") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(['\\', '\'']) {
        out.push_str(&rest[..at]);
        let quote = rest[at..].starts_with('\'');
        rest = &rest[at + 1..];
        if quote {
            out.push('\'');
            rest = rest.strip_prefix('\'').unwrap_or(rest);
            continue;
        }
        let Some(next) = rest.chars().next() else {
            out.push('\\');
            break;
        };
        let hex = |len: usize| {
            let digits = rest.get(1..1 + len)?;
            let c = digits
                .bytes()
                .all(|b| b.is_ascii_hexdigit())
                .then(|| u32::from_str_radix(digits, 16).ok())??;
            char::from_u32(c).map(|c| (c, 1 + len))
        };
        let decoded = match next {
            'x' => hex(2),
            'u' => hex(4),
            'U' => hex(8),
            't' => Some(('\t', 1)),
            'n' => Some(('\n', 1)),
            'r' => Some(('\r', 1)),
            ' ' => Some((' ', 1)),
            c if c.is_ascii_punctuation() => Some((c, 1)),
            '\n' | '\r' => {
                // A YAML line break escaped: it goes, with the next
                // line's indentation.
                let used = if rest.starts_with("\r\n") { 2 } else { 1 };
                rest = rest[used..].trim_start_matches([' ', '\t']);
                continue;
            }
            _ => None,
        };
        match decoded {
            Some((c, used)) => {
                out.push(c);
                rest = &rest[used..];
            }
            None => out.push('\\'),
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// `text` with each line break, and the spaces and tabs around it, one
/// space: how YAML folds a string written over lines, and how a browser
/// shows a paragraph's lines.
fn folded(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.truncate(out.trim_end_matches([' ', '\t', '\r']).len());
            out.push(' ');
        }
        out.push_str(line.trim_start_matches([' ', '\t']));
    }
    out
}

/// HTML character references decoded: numeric ones (`&#47;`, `&#x2F;`),
/// and the named ones of the characters a path is written with.
fn decode_references(text: &str) -> Cow<'_, str> {
    const NAMED: &[(&str, char)] = &[
        ("amp", '&'),
        ("AMP", '&'),
        ("sol", '/'),
        ("bsol", '\\'),
        ("period", '.'),
        ("lowbar", '_'),
        ("UnderBar", '_'),
        ("hyphen", '-'),
        ("dash", '-'),
        ("colon", ':'),
        ("num", '#'),
        ("quest", '?'),
        ("equals", '='),
        ("percnt", '%'),
        ("plus", '+'),
        ("commat", '@'),
        ("excl", '!'),
        ("comma", ','),
        ("semi", ';'),
        ("lpar", '('),
        ("rpar", ')'),
        ("apos", '\''),
        ("quot", '"'),
        ("QUOT", '"'),
        ("lt", '<'),
        ("gt", '>'),
        ("Tab", '\t'),
        ("NewLine", '\n'),
        ("nbsp", ' '),
    ];
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at + 1..];
        let (decoded, used) = match rest.strip_prefix('#') {
            Some(number) => {
                let (digits, radix, skip) = match number.strip_prefix(['x', 'X']) {
                    Some(hex) => (hex, 16, 2),
                    None => (number, 10, 1),
                };
                let len = digits
                    .bytes()
                    .take(8)
                    .take_while(|b| (*b as char).is_digit(radix))
                    .count();
                let c = u32::from_str_radix(&digits[..len], radix)
                    .ok()
                    .and_then(char::from_u32);
                let semi = usize::from(digits[len..].starts_with(';'));
                (c.filter(|_| len > 0), skip + len + semi)
            }
            None => {
                let len = rest
                    .bytes()
                    .take(10)
                    .take_while(u8::is_ascii_alphanumeric)
                    .count();
                let c = NAMED
                    .iter()
                    .find(|(name, _)| *name == &rest[..len])
                    .map(|(_, c)| *c);
                let semi = rest[len..].starts_with(';');
                (c.filter(|_| semi), len + 1)
            }
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[used..];
            }
            None => out.push('&'),
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    fn in_body(from: &Path, body: &str) -> Vec<String> {
        crate::survey::Text::new(from, body.to_string())
            .record()
            .static_files
            .clone()
    }

    #[test]
    fn every_way_a_body_names_a_static_file() {
        let from = Path::new("stories/2026-01-05-a.md");
        let body = "![A](../static/photos//a.jpg)\n\n[Report](..\\static\\docs\\report.pdf)\n\n\
            [Ref][r]\n\n[r]: ../static/docs/ref.pdf\n\n<img src=\"/photos/raw.jpg\">\n\n\
            Inline <a href=\"../../docs/inline.pdf\">pdf</a>.\n\n[Web](https://example.org/static/x.jpg)\n";
        assert_eq!(
            in_body(from, body),
            [
                "docs/inline.pdf",
                "docs/ref.pdf",
                "docs/report.pdf",
                "photos/a.jpg",
                "photos/raw.jpg"
            ]
        );
        // Tabs and line breaks in an address, which a browser drops.
        let body =
            "<img src=\"/photos/t&#9;ab.jpg\">\n<a href=\" ../../docs/new\nline.pdf \">x</a>\n";
        assert_eq!(in_body(from, body), ["docs/newline.pdf", "photos/tab.jpg"]);
        assert!(in_body(from, "Just words, and [a person](../people/a.md).").is_empty());
    }

    #[test]
    fn private_text_names_a_file_however_it_is_written() {
        let files = [
            "docs/Briefing.txt",
            "docs/report.txt",
            "docs/joss-cv.txt",
            "docs/style.txt",
            "docs/ping.txt",
            "docs/meta.txt",
            "docs/My CV (2).pdf",
            "docs/a.txt",
            "a.txt",
            "logo.svg",
        ];
        let mentions = super::Mentions::of(files.iter().map(|f| std::path::Path::new(*f))).unwrap();
        let named = |text: &str| {
            let mut found = std::collections::HashSet::new();
            mentions.find(text, &mut found);
            let mut found: Vec<String> = found.into_iter().collect();
            found.sort();
            found
        };
        assert_eq!(
            named("[b](https://playbook.example/docs/BRIEFING.txt)"),
            ["docs/briefing.txt"]
        );
        assert_eq!(
            named("cv: docs/joss-cv.txt\nold: docs/My CV (2).pdf"),
            ["docs/joss-cv.txt", "docs/my cv (2).pdf"]
        );
        assert_eq!(
            named("<div style=\"background:url(../../docs/style.txt)\"><a ping=\"docs&sol;ping&#x2E;txt\">"),
            ["docs/ping.txt", "docs/style.txt"]
        );
        assert_eq!(
            named("content=\"30;url=..%2F..%2Fdocs%2Fmeta.txt\""),
            ["docs/meta.txt"]
        );
        assert_eq!(
            named("docs\\\\report.txt, docs//./x/../a.txt."),
            ["a.txt", "docs/a.txt", "docs/report.txt"]
        );
        // Not inside a longer name.
        assert_eq!(named("mydocs/a.txt"), ["a.txt"]);
        // Markdown escapes, as the page shows them; `\` as a Windows `/`.
        assert_eq!(named("at docs/joss\\-cv.txt for now"), ["docs/joss-cv.txt"]);
        assert_eq!(named("docs\\report.txt"), ["docs/report.txt"]);
        // YAML escapes, and a double-quoted string continued over lines.
        assert_eq!(
            named("summary: \"Plan: docs/a\\x2Etxt, docs/\\u0070ing.txt\"\nnext: 1"),
            ["a.txt", "docs/a.txt", "docs/ping.txt"]
        );
        assert_eq!(
            named("summary: \"Plan: docs/\\\n    meta.txt\"\r\nnotes: \"docs/\\\r\n\tstyle.txt\""),
            ["docs/meta.txt", "docs/style.txt"]
        );
        // An address as a browser reads it: no tabs or line breaks.
        assert_eq!(
            named(
                "<img src=\"/docs/pi&#9;ng.txt\"><a href=\"/docs/meta&#10;.txt\">\n\
                <a href=\"/docs/sty\nle.txt\">"
            ),
            ["docs/meta.txt", "docs/ping.txt", "docs/style.txt"]
        );
        // Joining lines never hides a name at a line's end.
        assert_eq!(named("docs/joss\\-cv.txt\nmore"), ["docs/joss-cv.txt"]);
        // A name with a space, folded over two lines.
        assert_eq!(
            named("old: docs/My CV\n  (2).pdf\n"),
            ["docs/my cv (2).pdf"]
        );
        assert!(named("data.txt, docs/a.txt2, docs/a.txts, catalogo.svg").is_empty());
    }

    #[test]
    fn a_full_address_names_a_file_of_the_site_it_is_on() {
        use super::on_site;
        let base = "https://people.example";
        assert_eq!(
            on_site("https://People.Example/docs/a%20b.pdf?x#y", base).as_deref(),
            Some("docs/a b.pdf")
        );
        assert_eq!(
            on_site("http://people.example//docs/a.pdf", base).as_deref(),
            Some("docs/a.pdf")
        );
        assert_eq!(
            on_site("//people.example/a.pdf", "https://people.example/").as_deref(),
            Some("a.pdf")
        );
        assert_eq!(on_site("https://people.example.evil/a.pdf", base), None);
        assert_eq!(on_site("https://playbook.example/a.pdf", base), None);
        assert_eq!(
            on_site(
                "https://people.example/hub/a.pdf",
                "https://people.example/hub"
            )
            .as_deref(),
            Some("a.pdf")
        );
        assert_eq!(
            on_site(
                "https://people.example/hubby/a.pdf",
                "https://people.example/hub"
            ),
            None
        );
        assert_eq!(on_site("https://people.example/a.pdf", ""), None);
    }
}
