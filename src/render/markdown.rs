//! Markdown bodies to HTML, with links rewritten for the site being built.
//!
//! Links are written between source files (`../people/amara.md`) so content
//! reads well in a git host's preview; here they become page URLs. A link to
//! something that is not on this site keeps its text but loses the link,
//! except a link to a person who is not on the public hub: there the name
//! goes too ("no name, no link": docs/privacy.md). A link or image with a refused
//! scheme (`javascript:` ...) is never written, whatever `check` said.
//!
//! On the public hub a body with raw HTML in it is passed through the
//! sanitiser (`html::Sanitiser`); heading attributes (`{#id .class}`) keep
//! only their id and classes on both sites.

use crate::highlight::Highlighter;
use crate::html::Sanitiser;
use crate::model::slugify;
use crate::routes::{self, LinkIndex, Target};
use pulldown_cmark::{html, CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};
use std::collections::HashSet;
use std::path::Path;

/// How deeply lists and quotes may nest before `check` refuses a body.
pub const MAX_NESTING: usize = 32;

pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// What a body is rendered against: the site's pages and the page's depth.
pub struct Context<'a> {
    pub links: &'a LinkIndex<'a>,
    pub static_files: &'a HashSet<&'a Path>,
    pub highlighter: &'a Highlighter,
    /// Prefix from the page back to the root of its language's pages (`../../`).
    pub root: &'a str,
    /// Prefix from the page back to the site root, where static files are.
    pub site_root: &'a str,
    /// The public hub's sanitiser; `None` in the playbook, which keeps
    /// raw HTML as written.
    pub sanitiser: Option<&'a Sanitiser>,
}

/// What becomes of a link on this site.
enum Rewritten {
    Link(String),
    /// Words kept, link dropped.
    TextOnly,
    /// Link and words dropped: a person not on this site.
    Nothing,
}

pub fn to_html(body: &str, source: &Path, cx: &Context) -> String {
    let mut events: Vec<Event> = Vec::new();
    let mut dropped_links: Vec<bool> = Vec::new();
    let mut code: Option<(String, String)> = None;
    let mut raw_html = false;
    let mut raw = String::new();
    // Inside a link dropped with its words: how deeply nested.
    let mut silenced = 0usize;
    for event in Parser::new_ext(body, options()) {
        if silenced > 0 {
            match event {
                Event::Start(Tag::Link { .. }) => silenced += 1,
                Event::End(TagEnd::Link) => silenced -= 1,
                _ => {}
            }
            continue;
        }
        if let Some((lang, text)) = code.as_mut() {
            match event {
                Event::Text(t) => text.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    events.push(Event::Html(code_block(cx.highlighter, lang, text).into()));
                    code = None;
                }
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(l) => l.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, String::new()));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => match rewrite(&dest_url, source, cx) {
                Rewritten::Link(url) => {
                    dropped_links.push(false);
                    events.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url: url.into(),
                        title,
                        id,
                    }));
                }
                Rewritten::TextOnly => dropped_links.push(true),
                Rewritten::Nothing => silenced = 1,
            },
            Event::End(TagEnd::Link) => {
                if !dropped_links.pop().unwrap_or(false) {
                    events.push(Event::End(TagEnd::Link));
                }
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let url = match rewrite(&dest_url, source, cx) {
                    Rewritten::Link(url) => url,
                    // A missing file stays as written (check reported it);
                    // a refused scheme is never written.
                    _ if routes::forbidden_scheme(&dest_url).is_some() => String::new(),
                    _ => dest_url.to_string(),
                };
                events.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url: url.into(),
                    title,
                    id,
                }));
            }
            Event::Start(Tag::Heading {
                level, id, classes, ..
            }) => events.push(Event::Start(Tag::Heading {
                level,
                id,
                classes,
                // `{onclick=...}` must not become an attribute.
                attrs: Vec::new(),
            })),
            Event::Html(ref html) | Event::InlineHtml(ref html) => {
                raw_html = true;
                raw.push_str(html);
                events.push(event);
            }
            other => events.push(other),
        }
    }
    add_heading_ids(&mut events);
    let too_deep =
        raw_html && crate::html::nesting(&crate::html::scan(&raw)).0 > crate::html::MAX_NESTING;
    if too_deep {
        // `check` refuses it; a preview shows it as text rather than hand
        // the sanitiser work that grows with the square of its depth.
        for event in &mut events {
            if let Event::Html(html) | Event::InlineHtml(html) = event {
                *event = Event::Text(std::mem::replace(html, CowStr::from("")));
            }
        }
    }
    let mut out = String::with_capacity(body.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    match cx.sanitiser {
        // Without raw HTML, pulldown-cmark has escaped every text and
        // attribute already: only raw HTML can carry script.
        Some(sanitiser) if raw_html && !too_deep => sanitiser.clean(&out),
        _ => out,
    }
}

/// What a link becomes on this site.
fn rewrite(dest: &str, source: &Path, cx: &Context) -> Rewritten {
    if routes::forbidden_scheme(dest).is_some() {
        return Rewritten::TextOnly;
    }
    match routes::classify(source, dest) {
        Target::External | Target::SamePage => Rewritten::Link(dest.to_string()),
        Target::Content { path, fragment } => match cx.links.page(&path) {
            Some(route) => {
                let anchor = fragment.map(|f| format!("#{f}")).unwrap_or_default();
                Rewritten::Link(format!("{}{}{anchor}", cx.root, route.url()))
            }
            None if path.starts_with("people") => Rewritten::Nothing,
            None => Rewritten::TextOnly,
        },
        Target::Static(file) if cx.static_files.contains(file.as_path()) => {
            Rewritten::Link(format!("{}{}", cx.site_root, routes::static_url(&file)))
        }
        Target::Static(_) | Target::Elsewhere(_) => Rewritten::TextOnly,
    }
}

fn code_block(highlighter: &Highlighter, lang: &str, code: &str) -> String {
    let lang_class = slugify(lang.split([' ', ',']).next().unwrap_or(""));
    let inner = highlighter
        .highlight(lang, code)
        .unwrap_or_else(|| crate::html::escape_html(code));
    if lang_class.is_empty() {
        format!("<pre class=\"code\"><code>{inner}</code></pre>\n")
    } else {
        format!("<pre class=\"code\" data-lang=\"{lang_class}\"><code class=\"language-{lang_class}\">{inner}</code></pre>\n")
    }
}

/// A heading of a body, as its page shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// Every heading of `body` with the id its page gives it: the one place
/// besides `to_html` that names headings, by the same `add_heading_ids`.
pub fn headings(body: &str) -> Vec<Heading> {
    let mut events: Vec<Event> = Parser::new_ext(body, options()).collect();
    add_heading_ids(&mut events);
    let mut found = Vec::new();
    let mut open: Option<Heading> = None;
    for event in events {
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                open = Some(Heading {
                    level: level as u8,
                    id: id.map(|i| i.to_string()).unwrap_or_default(),
                    text: String::new(),
                });
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = open.as_mut() {
                    h.text.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => found.extend(open.take()),
            _ => {}
        }
    }
    found
}

/// Give every heading an id from its text (unless written `{#id}`), unique
/// on the page, so guidelines can be linked section by section.
fn add_heading_ids(events: &mut [Event]) {
    let mut used: HashSet<String> = HashSet::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { id: None, .. }) = &events[i] {
            let mut text = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j] {
                    text.push_str(t);
                }
                j += 1;
            }
            let id = unique_id(&heading_id(&text), &mut used);
            if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i] {
                *slot = Some(CowStr::from(id));
            }
            i = j;
        } else if let Event::Start(Tag::Heading { id: Some(id), .. }) = &events[i] {
            used.insert(id.to_string());
        }
        i += 1;
    }
}

pub fn heading_id(text: &str) -> String {
    let id = slugify(text);
    if id.is_empty() {
        "section".into()
    } else {
        id
    }
}

fn unique_id(base: &str, used: &mut HashSet<String>) -> String {
    let mut id = base.to_string();
    let mut n = 1;
    while !used.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}
