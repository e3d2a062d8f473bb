//! A Markdown body, parsed once as it is read. Everything later steps want
//! of a body is recorded here: the events (with heading ids given), the
//! headings, the links and images with where they are, the static files it
//! names, its raw HTML, and its HTML when that is the same on every site.
//! `check`, search and rendering read the record; none parses again.
//!
//! The events borrow the body's text: the record and its text live in one
//! cell (`self_cell`), so 7,000 bodies cost their events, not a second copy
//! of every word.

use super::people::{AboutPerson, People, StaticUse};
use crate::model::slugify;
use crate::routes::{self, Target};
use pulldown_cmark::{html, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};
use std::collections::HashSet;
use std::ops::Deref;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// The Markdown convene reads: the same for every body and every reader.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Bodies parsed since the program started: the tests prove it is one
/// parse for each body read, however many sites and languages are built.
static PARSES: AtomicUsize = AtomicUsize::new(0);

pub fn parses() -> usize {
    PARSES.load(Ordering::Relaxed)
}

self_cell::self_cell!(
    struct Cell {
        owner: String,
        #[covariant]
        dependent: Record,
    }
    impl {Debug}
);

/// A body's text with its record. Cloning shares both.
#[derive(Clone)]
pub struct Text(Arc<Cell>);

impl Text {
    /// Survey `text`, the body of the file at `from` (links are read from there).
    pub fn new(from: &Path, text: String) -> Text {
        Text(Arc::new(Cell::new(text, |text| survey(from, text))))
    }

    pub fn as_str(&self) -> &str {
        self.0.borrow_owner()
    }

    pub fn record(&self) -> &Record<'_> {
        self.0.borrow_dependent()
    }
}

/// No body: nothing to parse (hub.yaml's fields are checked as a `Source`).
impl Default for Text {
    fn default() -> Self {
        Text(Arc::new(Cell::new(String::new(), |_| Record::default())))
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

/// A heading of a body, as its page shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// A link or an image of a body, where it starts, for `check`.
#[derive(Debug)]
pub struct Link<'a> {
    pub dest: CowStr<'a>,
    /// Byte offset in the body.
    pub at: usize,
    pub image: bool,
    /// An image written `![](...)`.
    pub alt_missing: bool,
}

/// What `check` reads of a body, in the order it is written.
#[derive(Debug)]
pub enum Mark<'a> {
    Link(Link<'a>),
    /// A heading with attributes other than an id and classes (`{onclick=x}`),
    /// which are dropped: their names, and where the heading starts.
    HeadingAttributes {
        at: usize,
        names: Vec<CowStr<'a>>,
    },
}

/// What the survey found in one body.
#[derive(Debug, Default)]
pub struct Record<'a> {
    /// Every event in order, packed (see `Step`); headings carry their ids
    /// and no other attributes.
    steps: Vec<Step<'a>>,
    /// The body, which the steps point into.
    text: &'a str,
    /// Which headings, in order, were given an id from their text (not
    /// written `{#id}`): a site that drops words from a heading names it again.
    named: Vec<bool>,
    pub headings: Vec<Heading>,
    /// Links, images and dropped heading attributes, in body order.
    pub marks: Vec<Mark<'a>>,
    /// The deepest nesting of blocks and inlines, and the byte offset
    /// where it is reached.
    pub deepest: (usize, usize),
    /// Raw HTML as `check` reads it: fragments (a block whole, inline HTML
    /// on one line together) with the byte offset each starts at.
    pub raw: Vec<(usize, String)>,
    /// Raw HTML nests deeper than convene reads (`html::MAX_NESTING`).
    pub too_deep: bool,
    /// Files under static/ the body links to or shows (see `references`).
    pub static_files: Vec<String>,
    /// The same, each with the people it is shown with (see `people`).
    pub static_uses: Vec<StaticUse>,
    /// Stretches of raw HTML about a person, which a site they are not on
    /// leaves out (see `people`).
    pub about_people: Vec<AboutPerson>,
    /// The full web addresses its links, images and raw HTML name: on the
    /// hub's own host, a file of static/ (see `references::on_site`).
    pub web_addresses: Vec<String>,
    /// The body's HTML, when it is the same on every site (no link to
    /// another page or a static file, no raw HTML, no code to highlight).
    pub html: Option<String>,
}

impl<'a> Record<'a> {
    /// The events, for a site to write (see `render::markdown`).
    pub fn events(&self) -> impl ExactSizeIterator<Item = Event<'a>> + '_ {
        let packer = Packer {
            text: self.text,
            marks: &self.marks,
        };
        self.steps.iter().map(move |step| packer.unpack(step))
    }

    /// Plain text, for search: the words without markup, blocks ending
    /// in a space.
    pub fn plain_text(&self) -> String {
        plain_text(self.events())
    }

    /// Name the headings of `events` (a site's version of this body's
    /// events, which may have lost words) again, as the survey did.
    pub fn rename_headings(&self, events: &mut [Event]) {
        let mut named = self.named.iter();
        for event in events.iter_mut() {
            if let Event::Start(Tag::Heading { id, .. }) = event {
                if named.next().copied().unwrap_or(false) {
                    *id = None;
                }
            }
        }
        name_headings(events);
    }
}

fn survey<'a>(from: &Path, text: &'a str) -> Record<'a> {
    PARSES.fetch_add(1, Ordering::Relaxed);
    let mut events: Vec<Event<'a>> = Vec::new();
    let mut marks = Vec::new();
    let mut depth = 0usize;
    let mut deepest = (0usize, 0usize);
    let mut raw: Vec<(usize, String)> = Vec::new();
    // All raw HTML together, as the sanitiser's depth limit reads it.
    let mut all_raw = String::new();
    let mut in_block = false;
    // Where the last raw HTML ended: inline HTML on the same line joins it,
    // so a line of a thousand tags is read once, not a thousand times.
    let mut raw_end = usize::MAX;
    let mut same_everywhere = true;
    let mut people = People::new(from);
    for (mut event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        match &event {
            Event::Start(_) => {
                depth += 1;
                if depth > deepest.0 {
                    deepest = (depth, range.start);
                }
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        if let Event::Start(Tag::Heading { attrs, .. }) = &mut event {
            if !attrs.is_empty() {
                // `{onclick=...}` must not become an attribute.
                let names = std::mem::take(attrs).into_iter().map(|(k, _)| k).collect();
                marks.push(Mark::HeadingAttributes {
                    at: range.start,
                    names,
                });
            }
        }
        match &event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                let image = matches!(event, Event::Start(Tag::Image { .. }));
                same_everywhere &= routes::forbidden_scheme(dest_url).is_none()
                    && matches!(
                        routes::classify(from, dest_url),
                        Target::External | Target::SamePage
                    );
                marks.push(Mark::Link(Link {
                    dest: dest_url.clone(),
                    at: range.start,
                    image,
                    alt_missing: image && text.get(range.clone()).unwrap_or("").starts_with("![]"),
                }));
            }
            Event::Start(Tag::HtmlBlock) => {
                in_block = true;
                raw.push((range.start, String::new()));
            }
            Event::End(TagEnd::HtmlBlock) => {
                in_block = false;
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                same_everywhere = false;
                let same_line = text
                    .get(raw_end..range.start)
                    .is_some_and(|between| !between.contains('\n'));
                match raw.last_mut() {
                    Some((_, block)) if in_block || same_line => block.push_str(html),
                    _ => raw.push((range.start, html.to_string())),
                }
                raw_end = range.end;
                all_raw.push_str(html);
            }
            Event::Start(Tag::CodeBlock(_)) => same_everywhere = false,
            _ => {}
        }
        people.see(&event, events.len(), depth);
        events.push(event);
    }
    let (about_people, static_uses, web_addresses) = people.finish(events.len());
    let named = name_headings(&mut events);
    let headings = headings(&events);
    let mut static_files: Vec<String> = static_uses.iter().map(|u| u.file.clone()).collect();
    static_files.sort();
    static_files.dedup();
    let too_deep = !all_raw.is_empty()
        && crate::html::nesting(&crate::html::scan(&all_raw)).0 > crate::html::MAX_NESTING;
    let html = same_everywhere.then(|| {
        let mut out = String::with_capacity(text.len() * 3 / 2);
        html::push_html(&mut out, events.iter().cloned());
        out
    });
    // Not `collect`ed: that would keep the events' buffer, at 80 bytes a step.
    let packer = Packer {
        text,
        marks: &marks,
    };
    let mut links = marks.iter().enumerate().filter_map(|(n, m)| match m {
        Mark::Link(_) => u32::try_from(n).ok(),
        Mark::HeadingAttributes { .. } => None,
    });
    let mut steps = Vec::with_capacity(events.len());
    steps.extend(events.into_iter().map(|e| packer.pack(e, &mut links)));
    Record {
        steps,
        text,
        named,
        headings,
        marks,
        deepest,
        raw,
        too_deep,
        static_files,
        static_uses,
        about_people,
        web_addresses,
        html,
    }
}

/// Give every heading an id from its text (unless written `{#id}`), unique
/// on the page, so guidelines can be linked section by section. Which
/// headings were named from their text, in order.
fn name_headings(events: &mut [Event]) -> Vec<bool> {
    let mut used: HashSet<String> = HashSet::new();
    let mut named = Vec::new();
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
            named.push(true);
            i = j;
        } else if let Event::Start(Tag::Heading { id: Some(id), .. }) = &events[i] {
            used.insert(id.to_string());
            named.push(false);
        }
        i += 1;
    }
    named
}

/// The id a heading's text gives it, before it is made unique on its page.
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

/// Every heading with the id its page gives it.
fn headings(events: &[Event]) -> Vec<Heading> {
    let mut found = Vec::new();
    let mut open: Option<Heading> = None;
    for event in events {
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                open = Some(Heading {
                    level: *level as u8,
                    id: id.as_ref().map(|i| i.to_string()).unwrap_or_default(),
                    text: String::new(),
                });
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = open.as_mut() {
                    h.text.push_str(t);
                }
            }
            Event::End(TagEnd::Heading(_)) => found.extend(open.take()),
            _ => {}
        }
    }
    found
}

/// The words of a body without its markup.
fn plain_text<'a>(events: impl ExactSizeIterator<Item = Event<'a>>) -> String {
    let mut text = String::with_capacity(events.len() * 16);
    for event in events {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            // Only blocks separate words; `*now*.` must stay `now.`.
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::CodeBlock,
            ) => text.push(' '),
            _ => {}
        }
    }
    text
}

/// One event, packed: 16 bytes where pulldown-cmark's `Event` takes 80.
/// Most of a body's events are its words (a stretch of its text) and the
/// starts and ends of paragraphs, emphasis, lists and quotes, which carry
/// nothing else, and most of the rest are plain links; the few others
/// (headings, code, titled links) are kept whole.
#[derive(Debug)]
enum Step<'a> {
    /// Words: where they start in the body, and how many bytes.
    Text(u32, u32),
    /// The start of a tag that carries nothing (see `plain`).
    Start(TagEnd),
    End(TagEnd),
    SoftBreak,
    /// An inline link or image without a title: its destination is the
    /// `Mark::Link` of that number.
    Link(u32),
    Image(u32),
    Other(Box<Event<'a>>),
}

/// The body's text and its marks, which packed steps point into.
struct Packer<'r, 'a> {
    text: &'a str,
    marks: &'r [Mark<'a>],
}

impl<'a> Packer<'_, 'a> {
    /// `links` are the numbers of the marks of the links and images still
    /// to come, in order.
    fn pack(&self, event: Event<'a>, links: &mut impl Iterator<Item = u32>) -> Step<'a> {
        match event {
            Event::Text(CowStr::Borrowed(words)) => match self.stretch(words) {
                Some((at, len)) => Step::Text(at, len),
                None => Step::Other(Box::new(Event::Text(CowStr::Borrowed(words)))),
            },
            Event::Start(tag @ (Tag::Link { .. } | Tag::Image { .. })) => {
                let n = links.next().unwrap_or(u32::MAX);
                let (Tag::Link {
                    link_type,
                    title,
                    id,
                    ..
                }
                | Tag::Image {
                    link_type,
                    title,
                    id,
                    ..
                }) = &tag
                else {
                    unreachable!()
                };
                let plain = *link_type == LinkType::Inline
                    && title.is_empty()
                    && id.is_empty()
                    && n != u32::MAX;
                match (plain, &tag) {
                    (true, Tag::Link { .. }) => Step::Link(n),
                    (true, _) => Step::Image(n),
                    (false, _) => Step::Other(Box::new(Event::Start(tag))),
                }
            }
            Event::Start(tag) => match plain(&tag) {
                Some(end) => Step::Start(end),
                None => Step::Other(Box::new(Event::Start(tag))),
            },
            Event::End(end) => Step::End(end),
            Event::SoftBreak => Step::SoftBreak,
            other => Step::Other(Box::new(other)),
        }
    }

    /// Where `words`, borrowed from the body, sit in it.
    fn stretch(&self, words: &str) -> Option<(u32, u32)> {
        let at = (words.as_ptr() as usize).checked_sub(self.text.as_ptr() as usize)?;
        let same = self
            .text
            .get(at..at + words.len())
            .is_some_and(|s| s.as_ptr() == words.as_ptr());
        same.then_some((u32::try_from(at).ok()?, u32::try_from(words.len()).ok()?))
    }

    fn unpack(&self, step: &Step<'a>) -> Event<'a> {
        let dest = |n: &u32| -> CowStr<'a> {
            match self.marks.get(*n as usize) {
                Some(Mark::Link(l)) => l.dest.clone(),
                _ => CowStr::Borrowed(""),
            }
        };
        match step {
            Step::Text(at, len) => {
                let (at, len) = (*at as usize, *len as usize);
                Event::Text(CowStr::Borrowed(self.text.get(at..at + len).unwrap_or("")))
            }
            Step::Start(end) => Event::Start(match end {
                TagEnd::Paragraph => Tag::Paragraph,
                TagEnd::Item => Tag::Item,
                TagEnd::Emphasis => Tag::Emphasis,
                TagEnd::Strong => Tag::Strong,
                TagEnd::Strikethrough => Tag::Strikethrough,
                TagEnd::HtmlBlock => Tag::HtmlBlock,
                TagEnd::List(_) => Tag::List(None),
                TagEnd::BlockQuote(kind) => Tag::BlockQuote(*kind),
                TagEnd::TableHead => Tag::TableHead,
                TagEnd::TableRow => Tag::TableRow,
                _ => Tag::TableCell,
            }),
            Step::End(end) => Event::End(*end),
            Step::SoftBreak => Event::SoftBreak,
            Step::Link(n) => Event::Start(Tag::Link {
                link_type: LinkType::Inline,
                dest_url: dest(n),
                title: CowStr::Borrowed(""),
                id: CowStr::Borrowed(""),
            }),
            Step::Image(n) => Event::Start(Tag::Image {
                link_type: LinkType::Inline,
                dest_url: dest(n),
                title: CowStr::Borrowed(""),
                id: CowStr::Borrowed(""),
            }),
            Step::Other(event) => (**event).clone(),
        }
    }
}

/// The end of a tag that carries nothing but its kind: its start is
/// packed as that end (`Step::unpack` turns it back).
fn plain(tag: &Tag) -> Option<TagEnd> {
    Some(match tag {
        Tag::Paragraph => TagEnd::Paragraph,
        Tag::Item => TagEnd::Item,
        Tag::Emphasis => TagEnd::Emphasis,
        Tag::Strong => TagEnd::Strong,
        Tag::Strikethrough => TagEnd::Strikethrough,
        Tag::HtmlBlock => TagEnd::HtmlBlock,
        Tag::List(None) => TagEnd::List(false),
        Tag::BlockQuote(kind) => TagEnd::BlockQuote(*kind),
        Tag::TableHead => TagEnd::TableHead,
        Tag::TableRow => TagEnd::TableRow,
        Tag::TableCell => TagEnd::TableCell,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::markdown;

    const KINDS: &str = "# Title {#top .big onclick=x}\n\nSome *words*, **strong**, ~~gone~~, `code`,\
        a [link](https://example.org \"t\") and ![alt *text*](https://example.org/a.png).\n\n\
        - [x] done\n- [ ] to do\n  1. nested\n\n> quoted\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n\
        Footnote[^1].\n\n[^1]: The note.\n\n```rust\nfn main() {}\n```\n\n    indented\n\n\
        <div class=\"x\">raw</div>\n\nText with &amp; entity and \\* escape, a line  \nbreak.\n\n---\n";

    /// Packing loses nothing: the recorded events are a fresh parse's,
    /// with headings named and their other attributes gone.
    #[test]
    fn recorded_events_are_the_parse() {
        let mut fresh: Vec<Event> = Parser::new_ext(KINDS, options()).collect();
        for event in &mut fresh {
            if let Event::Start(Tag::Heading { attrs, .. }) = event {
                attrs.clear();
            }
        }
        name_headings(&mut fresh);
        let text = Text::new(Path::new("guidelines/a.md"), KINDS.to_string());
        let recorded: Vec<Event> = text.record().events().collect();
        assert_eq!(recorded, fresh);
        assert_eq!(text.record().headings[0].id, "top");
        assert!(matches!(
            &text.record().marks[0],
            Mark::HeadingAttributes { names, .. } if names[0].as_ref() == "onclick"
        ));
    }

    #[test]
    fn plain_text_drops_markup() {
        let text = Text::new(
            Path::new("guidelines/a.md"),
            "## Hi\n\nSee [Amara](../people/a.md) *now*.".into(),
        );
        assert_eq!(text.record().plain_text().trim(), "Hi See Amara now.");
    }

    /// A heading that names someone off the hub loses the name there, and
    /// its id must not bring it back; the playbook keeps the survey's ids.
    #[test]
    fn a_heading_that_loses_a_name_is_named_again() {
        let body = "## With [Joss Reid](../people/joss-reid.md)\n\n## With\n";
        let text = Text::new(Path::new("guidelines/a.md"), body.into());
        let ids: Vec<&str> = text
            .record()
            .headings
            .iter()
            .map(|h| h.id.as_str())
            .collect();
        assert_eq!(ids, ["with-joss-reid", "with"]);
        assert!(
            text.record().html.is_none(),
            "a link to a page is written per site"
        );
        let html = markdown::written_alone(text.record(), Path::new("guidelines/a.md"));
        assert!(!html.to_lowercase().contains("joss"), "{html}");
        assert!(
            html.contains("id=\"with\"") && html.contains("id=\"with-1\""),
            "{html}"
        );
    }

    /// A body without links to pages or files, raw HTML or code is written
    /// once, by the survey, and every site uses that.
    #[test]
    fn html_the_same_everywhere_is_written_once() {
        let body = "# Hi\n\nWords and [a site](https://example.org).\n";
        let text = Text::new(Path::new("people/a.md"), body.into());
        let mut fresh = String::new();
        let mut events: Vec<Event> = Parser::new_ext(body, options()).collect();
        name_headings(&mut events);
        html::push_html(&mut fresh, events.into_iter());
        assert_eq!(text.record().html.as_deref(), Some(fresh.as_str()));
        for other in [
            "[A](../people/b.md)",
            "![A](../static/a.png)",
            "<b>x</b>",
            "```\nx\n```",
        ] {
            let text = Text::new(Path::new("people/a.md"), format!("{body}\n{other}\n"));
            assert!(text.record().html.is_none(), "{other}");
        }
    }
}
