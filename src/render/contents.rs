//! A long guideline's contents list, read from its rendered body: the
//! headings exactly as the page shows them, with the ids the page gives
//! them. Read from the HTML, not the Markdown, because rendering drops
//! what a site may not show (a link to someone off the hub, words and all),
//! and the list must not bring it back.

use crate::survey::Heading;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{Tag, TagKind, Token, TokenSink, TokenSinkResult};
use serde::Serialize;
use std::cell::RefCell;

/// A guideline needs a contents list from this many sections on.
const FROM_SECTIONS: usize = 3;

/// A section (`##`) of a page, and its subsections (`###`).
#[derive(Serialize, Debug, PartialEq, Eq)]
pub struct Section {
    pub heading: Heading,
    pub subsections: Vec<Heading>,
}

/// The `<h2>`s of a rendered body, each with the `<h3>`s under it, when
/// there are enough sections to need a list; else nothing.
pub fn of(html: &str) -> Vec<Section> {
    let found = crate::html::tokenize(html, Headings::default())
        .found
        .into_inner();
    let mut sections: Vec<Section> = Vec::new();
    for h in found
        .into_iter()
        .filter(|h| !h.id.is_empty() && !h.text.trim().is_empty())
    {
        match (h.level, sections.last_mut()) {
            (3, Some(section)) => section.subsections.push(h),
            _ => sections.push(Section {
                heading: h,
                subsections: Vec::new(),
            }),
        }
    }
    if sections.len() < FROM_SECTIONS {
        sections.clear();
    }
    sections
}

/// Collects `<h2>` and `<h3>` with their ids and text; html5ever hands
/// tokens over through a shared reference.
#[derive(Default)]
struct Headings {
    found: RefCell<Vec<Heading>>,
    /// Inside an `<h2>` or `<h3>`.
    open: RefCell<Option<Heading>>,
}

impl TokenSink for Headings {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        match token {
            Token::TagToken(Tag {
                kind, name, attrs, ..
            }) => match (kind, &*name) {
                // Read as a browser would, so `<` in a script is not a tag.
                (TagKind::StartTag, "script") => {
                    return TokenSinkResult::RawData(RawKind::ScriptData)
                }
                (TagKind::StartTag, "style") => return TokenSinkResult::RawData(RawKind::Rawtext),
                (TagKind::StartTag, level @ ("h2" | "h3")) => {
                    let id = attrs
                        .iter()
                        .find(|a| &*a.name.local == "id")
                        .map(|a| a.value.to_string())
                        .unwrap_or_default();
                    *self.open.borrow_mut() = Some(Heading {
                        level: if level == "h2" { 2 } else { 3 },
                        id,
                        text: String::new(),
                    });
                }
                (TagKind::EndTag, "h2" | "h3") => {
                    if let Some(mut h) = self.open.borrow_mut().take() {
                        h.text = h.text.split_whitespace().collect::<Vec<_>>().join(" ");
                        self.found.borrow_mut().push(h);
                    }
                }
                _ => {}
            },
            Token::CharacterTokens(text) => {
                if let Some(h) = self.open.borrow_mut().as_mut() {
                    h.text.push_str(&text);
                }
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_come_from_the_page_as_rendered() {
        // "Ask" is all the page shows of a heading whose link to someone
        // off the hub was dropped; the list must say no more.
        let html = "<h2 id=\"ask\">Ask </h2><p>x</p><h3 id=\"a-b\">A &amp; <code>b</code></h3>\
                    <h2 id=\"two\">Two</h2><script>var s = '<h2 id=\"no\">No</h2>';</script>\
                    <h2 id=\"three\">Three</h2>";
        let sections = of(html);
        let ids: Vec<&str> = sections.iter().map(|s| s.heading.id.as_str()).collect();
        assert_eq!(ids, ["ask", "two", "three"]);
        assert_eq!(sections[0].heading.text, "Ask");
        assert_eq!(sections[0].subsections[0].text, "A & b");
        assert!(
            of("<h2 id=\"a\">A</h2><h2 id=\"b\">B</h2>").is_empty(),
            "two sections need no list"
        );
    }
}
