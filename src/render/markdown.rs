//! Markdown bodies to HTML, with links rewritten for the site being built.
//!
//! Links are written between source files (`../people/amara.md`) so content
//! reads well in a git host's preview; here they become page URLs. A link to
//! something that is not on this site keeps its text but loses the link (an
//! image, its alt text stands in), except a link or image to a person who is
//! not on the public hub, or raw HTML about them (`survey::people`): there
//! the name goes too ("no name, no link": docs/privacy.md). A link or image
//! with a refused scheme (`javascript:` ...) is never written, whatever
//! `check` said.
//!
//! On the public hub a body with raw HTML in it is passed through the
//! sanitiser (`html::Sanitiser`); heading attributes (`{#id .class}`) keep
//! only their id and classes on both sites.

use crate::highlight::Highlighter;
use crate::html::Sanitiser;
use crate::model::slugify;
use crate::routes::{self, LinkIndex, Target};
use crate::survey::people::{self, Whom};
use crate::survey::Record;
use pulldown_cmark::{html, CodeBlockKind, CowStr, Event, Tag, TagEnd};
use std::collections::HashSet;
use std::path::Path;

/// How deeply lists and quotes may nest before `check` refuses a body.
pub const MAX_NESTING: usize = 32;

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
    /// The public hub's address (`base_url`): a full address on its host
    /// to someone's page names them.
    pub hub_url: &'a str,
}

/// What becomes of a link on this site.
enum Rewritten {
    Link(String),
    /// Words kept, link dropped.
    TextOnly,
    /// Link and words dropped: a person not on this site.
    Nothing,
}

/// A surveyed body as this site shows it, written from its recorded events
/// (or its recorded HTML, when that is the same on every site).
pub fn to_html(body: &Record, source: &Path, cx: &Context) -> String {
    if let Some(html) = &body.html {
        return html.clone();
    }
    let mut events: Vec<Event> = Vec::with_capacity(body.events().len());
    let mut dropped_links: Vec<bool> = Vec::new();
    let mut code: Option<(String, String)> = None;
    let mut raw_html = false;
    // Inside a link dropped with its words: how deeply nested.
    let mut silenced = 0usize;
    // Words dropped from a heading (its id came from them), or raw HTML
    // dropped with a link (its depth was measured with it).
    let mut heading = false;
    let mut renamed = false;
    let mut raw_dropped = false;
    // Raw HTML about someone not on this site, dropped whole: up to which
    // event, and the next stretch to look at.
    let mut skip_to = 0usize;
    let mut stretches = body.about_people.iter().peekable();
    let mut dropped_images: Vec<bool> = Vec::new();
    for (step, event) in body.events().enumerate() {
        while let Some(about) = stretches.next_if(|s| s.steps.start <= step) {
            if about.steps.start == step && off_site(&about.whom, cx) {
                skip_to = skip_to.max(about.steps.end);
                renamed |= heading;
            }
        }
        if step < skip_to {
            raw_dropped = true;
            continue;
        }
        if silenced > 0 {
            match event {
                Event::Start(Tag::Link { .. } | Tag::Image { .. }) => silenced += 1,
                Event::End(TagEnd::Link | TagEnd::Image) => silenced -= 1,
                Event::Html(_) | Event::InlineHtml(_) => raw_dropped = true,
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
                Rewritten::Nothing => {
                    silenced = 1;
                    renamed |= heading;
                }
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
            }) => match rewrite(&dest_url, source, cx) {
                Rewritten::Link(url) => {
                    dropped_images.push(false);
                    events.push(Event::Start(Tag::Image {
                        link_type,
                        dest_url: url.into(),
                        title,
                        id,
                    }));
                }
                // A picture of a file not on this site (a draft's, a missing
                // one, a refused scheme) would print its address: its alt
                // text stands in for it.
                Rewritten::TextOnly => dropped_images.push(true),
                Rewritten::Nothing => {
                    silenced = 1;
                    renamed |= heading;
                }
            },
            Event::End(TagEnd::Image) => {
                if !dropped_images.pop().unwrap_or(false) {
                    events.push(Event::End(TagEnd::Image));
                }
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                raw_html = true;
                events.push(event);
            }
            other => {
                match other {
                    Event::Start(Tag::Heading { .. }) => heading = true,
                    Event::End(TagEnd::Heading(_)) => heading = false,
                    _ => {}
                }
                events.push(other);
            }
        }
    }
    if renamed {
        // The page names its headings from the words it shows: a name
        // left out must not come back in an id.
        body.rename_headings(&mut events);
    }
    let too_deep = match raw_dropped {
        false => body.too_deep,
        true => {
            raw_html
                && crate::html::nesting(&crate::html::scan(&raw(&events))).0
                    > crate::html::MAX_NESTING
        }
    };
    if too_deep {
        // `check` refuses it; a preview shows it as text rather than hand
        // the sanitiser work that grows with the square of its depth.
        for event in &mut events {
            if let Event::Html(html) | Event::InlineHtml(html) = event {
                *event = Event::Text(std::mem::replace(html, CowStr::from("")));
            }
        }
    }
    let mut out = String::with_capacity(body.events().len() * 24);
    html::push_html(&mut out, events.into_iter());
    match cx.sanitiser {
        // Without raw HTML, pulldown-cmark has escaped every text and
        // attribute already: only raw HTML can carry script.
        Some(sanitiser) if raw_html && !too_deep => sanitiser.clean(&out),
        _ => out,
    }
}

/// The raw HTML a site writes of a body, together.
fn raw(events: &[Event]) -> String {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Html(html) | Event::InlineHtml(html) => Some(html.as_ref()),
            _ => None,
        })
        .collect()
}

/// What a link becomes on this site.
fn rewrite(dest: &str, source: &Path, cx: &Context) -> Rewritten {
    if routes::forbidden_scheme(dest).is_some() {
        return Rewritten::TextOnly;
    }
    match routes::classify(source, dest) {
        Target::External => match people::person_at(dest) {
            Some(whom) if off_site(&whom, cx) => Rewritten::Nothing,
            _ => Rewritten::Link(dest.to_string()),
        },
        Target::SamePage => Rewritten::Link(dest.to_string()),
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

/// Someone of this charity who is not on this site.
fn off_site(whom: &Whom, cx: &Context) -> bool {
    whom.of_site(cx.hub_url) && cx.links.page(&whom.person).is_none()
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

/// A body as a site with no other pages or files writes it (for tests): a
/// link to a person is dropped with its words, as on the hub.
#[cfg(test)]
pub(crate) fn written_alone(body: &Record, source: &Path) -> String {
    let links = LinkIndex::default();
    let statics = HashSet::new();
    let highlighter = Highlighter::plain();
    let cx = Context {
        links: &links,
        static_files: &statics,
        highlighter: &highlighter,
        root: "",
        site_root: "",
        sanitiser: None,
        hub_url: "https://hub.example",
    };
    to_html(body, source, &cx)
}
