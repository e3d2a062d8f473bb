//! Raw HTML written inside Markdown: what the public hub lets through, the
//! addresses it names, and what a comms officer is told about it.
//!
//! Markdown itself is turned into HTML by pulldown-cmark, which escapes
//! every text and attribute; only raw HTML typed into a body can carry
//! script. On the public hub a body with raw HTML is passed through
//! ammonia with the allowlist below. `check` reads the same raw HTML with
//! html5ever's tokenizer (the parser ammonia uses) against the same lists,
//! so what the sanitiser removes is reported at its file and line.

use crate::routes;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

/// Tags an article on the public hub may use: text, lists, tables,
/// figures, details. No script, style, forms, frames or embeds.
const TAGS: &[&str] = &[
    "a",
    "abbr",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "input",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "picture",
    "pre",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "section",
    "small",
    "source",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
    "var",
    "wbr",
];

/// Attributes any allowed tag may carry.
const GENERIC_ATTRIBUTES: &[&str] = &["class", "dir", "id", "lang", "title"];

/// Attributes particular tags may carry.
const TAG_ATTRIBUTES: &[(&str, &[&str])] = &[
    ("a", &["href", "hreflang"]),
    (
        "img",
        &[
            "alt", "height", "loading", "sizes", "src", "srcset", "width",
        ],
    ),
    ("source", &["media", "sizes", "srcset", "type"]),
    ("input", &["checked", "disabled", "type"]),
    ("ol", &["reversed", "start", "type"]),
    ("li", &["value"]),
    ("td", &["colspan", "rowspan", "style"]),
    ("th", &["colspan", "rowspan", "scope", "style"]),
    ("col", &["span"]),
    ("colgroup", &["span"]),
    ("time", &["datetime"]),
    ("data", &["value"]),
    ("del", &["cite", "datetime"]),
    ("ins", &["cite", "datetime"]),
    ("q", &["cite"]),
    ("blockquote", &["cite"]),
    ("details", &["open"]),
    ("code", &["data-lang"]),
    ("pre", &["data-lang"]),
];

/// Attributes whose value is an address (or, for `srcset`, several).
const URL_ATTRIBUTES: &[&str] = &[
    "action",
    "background",
    "cite",
    "data",
    "formaction",
    "href",
    "poster",
    "src",
    "srcset",
    "xlink:href",
];

/// The public hub's HTML sanitiser, built once per build.
pub struct Sanitiser(ammonia::Builder<'static>);

impl Default for Sanitiser {
    fn default() -> Self {
        let mut builder = ammonia::Builder::default();
        let tag_attributes: HashMap<&str, HashSet<&str>> = TAG_ATTRIBUTES
            .iter()
            .map(|(tag, attributes)| (*tag, attributes.iter().copied().collect()))
            .collect();
        builder
            .tags(TAGS.iter().copied().collect())
            .generic_attributes(GENERIC_ATTRIBUTES.iter().copied().collect())
            .tag_attributes(tag_attributes)
            .url_schemes(routes::ALLOWED_SCHEMES.iter().copied().collect())
            // Table alignment is the only style Markdown writes.
            .filter_style_properties(["text-align"].into_iter().collect())
            .attribute_filter(|tag, attribute, value| match (tag, attribute) {
                // Task-list boxes only: a text box has no place in an article.
                ("input", "type") if value != "checkbox" => None,
                _ => Some(value.into()),
            })
            .strip_comments(true);
        Sanitiser(builder)
    }
}

impl Sanitiser {
    /// `html` with everything outside the allowlist removed: script and
    /// style elements with their content, other tags keeping their text,
    /// event handlers, comments, and addresses with a refused scheme.
    pub fn clean(&self, html: &str) -> String {
        self.0.clean(html).to_string()
    }
}

/// What a fragment of raw HTML holds that matters to convene.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A start tag, with the 1-based line of the fragment it is on.
    Tag {
        line: usize,
        name: String,
        attributes: Vec<(String, String)>,
    },
    Comment {
        line: usize,
    },
    /// An end tag, for working out how deep elements nest.
    End {
        name: String,
    },
}

/// How deeply raw HTML may nest elements: an article needs a handful; the
/// HTML parser's work grows with the square of the depth.
pub const MAX_NESTING: usize = 64;

/// Elements that never hold others.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// The deepest elements nest in a fragment, and the line where it is
/// reached. End tags close what is open at most, as a browser reads them.
pub fn nesting(found: &[Found]) -> (usize, usize) {
    let mut open: Vec<&str> = Vec::new();
    let mut deepest = (0, 0);
    for item in found {
        match item {
            Found::Tag { line, name, .. } if !VOID.contains(&name.as_str()) => {
                open.push(name);
                if open.len() > deepest.0 {
                    deepest = (open.len(), *line);
                }
            }
            Found::End { name } => {
                if let Some(at) = open.iter().rposition(|n| n == name) {
                    open.truncate(at);
                }
            }
            _ => {}
        }
    }
    deepest
}

/// Collects tokens; html5ever hands them over through a shared reference.
#[derive(Default)]
struct Collect(RefCell<Vec<Found>>);

impl TokenSink for Collect {
    type Handle = ();

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<()> {
        let line = usize::try_from(line).unwrap_or(usize::MAX);
        let found = match token {
            Token::TagToken(Tag {
                kind: TagKind::StartTag,
                name,
                attrs,
                ..
            }) => Found::Tag {
                line,
                name: name.to_string(),
                attributes: attrs
                    .into_iter()
                    .map(|a| (qualified(&a.name), a.value.to_string()))
                    .collect(),
            },
            Token::CommentToken(_) => Found::Comment { line },
            Token::TagToken(Tag {
                kind: TagKind::EndTag,
                name,
                ..
            }) => Found::End {
                name: name.to_string(),
            },
            _ => return TokenSinkResult::Continue,
        };
        self.0.borrow_mut().push(found);
        TokenSinkResult::Continue
    }
}

fn qualified(name: &html5ever::QualName) -> String {
    match &name.prefix {
        Some(prefix) => format!("{prefix}:{}", name.local),
        None => name.local.to_string(),
    }
}

/// The start tags and comments in a fragment of raw HTML, in order.
pub fn scan(fragment: &str) -> Vec<Found> {
    tokenize(fragment, Collect::default()).0.take()
}

/// Hand every token of some HTML to `sink`, and give the sink back.
pub fn tokenize<Sink: TokenSink>(html: &str, sink: Sink) -> Sink {
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink
}

/// Every address a fragment's tags name (each candidate of a `srcset`).
pub fn addresses(found: &[Found]) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    for item in found {
        let Found::Tag {
            line, attributes, ..
        } = item
        else {
            continue;
        };
        for (name, value) in attributes {
            match name.as_str() {
                "srcset" => out.extend(
                    value
                        .split(',')
                        .filter_map(|c| c.split_whitespace().next())
                        .map(|url| (*line, url)),
                ),
                n if URL_ATTRIBUTES.contains(&n) => out.push((*line, value.as_str())),
                _ => {}
            }
        }
    }
    out
}

/// What the public hub's sanitiser takes out of a fragment, in words for
/// the person who wrote it, with the fragment line it is on.
pub fn removed_on_the_hub(found: &[Found]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for item in found {
        match item {
            Found::Comment { line } => out.push((*line, "an HTML comment".to_string())),
            Found::End { .. } => {}
            Found::Tag {
                line,
                name,
                attributes,
            } => {
                if !TAGS.contains(&name.as_str()) {
                    out.push((*line, format!("the `<{name}>` element")));
                    continue;
                }
                let allowed = TAG_ATTRIBUTES
                    .iter()
                    .find(|(tag, _)| tag == name)
                    .map_or(&[][..], |(_, a)| *a);
                for (attribute, _) in attributes {
                    let kept = GENERIC_ATTRIBUTES.contains(&attribute.as_str())
                        || allowed.contains(&attribute.as_str());
                    if !kept {
                        out.push((*line, format!("the `{attribute}` attribute of `<{name}>`")));
                    }
                }
            }
        }
    }
    out
}

/// Tera's default escaper also escapes `/`, which is valid but turns every
/// URL into `&#x2F;` soup; `/` needs no escaping in HTML text or quoted
/// attributes.
pub fn escape_html(input: &str) -> String {
    if !input
        .bytes()
        .any(|b| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\''))
    {
        return input.to_string();
    }
    let mut out = String::with_capacity(input.len() + input.len() / 8);
    for c in input.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_handlers_comments_and_bad_schemes_are_removed() {
        let clean = Sanitiser::default().clean(
            "<p onclick=\"steal()\">Hi<script>alert(1)</script><!-- note --> \
             <a href=\"javascript:alert(1)\">x</a> <a href=\"https://a.example\">y</a>\
             <img src=\"data:image/png;base64,AAAA\" onerror=\"x()\" alt=\"a\">\
             <iframe src=\"https://evil.example\"></iframe><style>p{}</style>\
             <input type=\"text\"><input type=\"checkbox\" checked disabled></p>",
        );
        for gone in [
            "onclick",
            "script",
            "alert",
            "note",
            "javascript",
            "data:",
            "onerror",
            "iframe",
            "style",
            "type=\"text\"",
        ] {
            assert!(!clean.contains(gone), "{gone} left in {clean}");
        }
        for kept in ["Hi", "https://a.example", "alt=\"a\"", "type=\"checkbox\""] {
            assert!(clean.contains(kept), "{kept} lost from {clean}");
        }
    }

    #[test]
    fn markdown_output_passes_through_unchanged() {
        let html = "<h2 id=\"who\">Who</h2>\n<table><thead><tr><th style=\"text-align: center\">A</th></tr></thead></table>\n<pre class=\"code\" data-lang=\"yaml\"><code class=\"language-yaml\"><span class=\"k\">a</span></code></pre>\n<ul>\n<li><input disabled=\"\" type=\"checkbox\" checked=\"\"/>\nDone</li>\n</ul>\n";
        let clean = Sanitiser::default().clean(html);
        for kept in [
            "id=\"who\"",
            "text-align:center",
            "data-lang=\"yaml\"",
            "class=\"language-yaml\"",
            "type=\"checkbox\"",
        ] {
            assert!(clean.contains(kept), "{kept} lost from {clean}");
        }
    }

    #[test]
    fn the_check_names_what_the_sanitiser_removes() {
        let found = scan("<p>\n<span onclick=\"x()\">a</span>\n<!-- hi -->\n<script>x</script><b class=\"k\">b</b>");
        let removed = removed_on_the_hub(&found);
        assert_eq!(
            removed,
            [
                (2, "the `onclick` attribute of `<span>`".to_string()),
                (3, "an HTML comment".to_string()),
                (4, "the `<script>` element".to_string()),
            ]
        );
        let found = scan("<img srcset=\"a.jpg 1x, ../static/b.jpg 2x\" src='c.jpg'><a href=\"d\">");
        let urls: Vec<&str> = addresses(&found).into_iter().map(|(_, u)| u).collect();
        assert_eq!(urls, ["a.jpg", "../static/b.jpg", "c.jpg", "d"]);
    }
}
