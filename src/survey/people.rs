//! Which stretches of a body are about a person: a Markdown link to their
//! profile, an inline raw `<a>` to it, or a block of raw HTML with an
//! address of it. A site the person is not on leaves each such stretch out,
//! words and all ("no name, no link": docs/privacy.md), and whatever static
//! file is shown inside it is used there only where the person is shown:
//! the photo in `[![Joss](../static/photos/joss.jpg)](../people/joss.md)`
//! must not reach the hub because Amara's public page names it.
//!
//! The survey feeds every event through `People::see` in order; rendering
//! (`render::markdown`) drops the raw HTML stretches (Markdown links it
//! drops by itself), and `audience` reads which files are behind whom.

use crate::html::{self, Found};
use crate::routes::{self, Target};
use pulldown_cmark::{Event, Tag, TagEnd};
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// A stretch of raw HTML about a person, as event numbers of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AboutPerson {
    /// Their file, as links name it (`people/joss-reid.md`).
    pub person: PathBuf,
    pub steps: Range<usize>,
}

/// A static file a body names, and the people whose stretches it is in
/// (none: it is shown wherever the body is).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct StaticUse {
    pub file: String,
    pub behind: Vec<PathBuf>,
}

/// What is open while the events are read.
pub struct People<'p> {
    from: &'p Path,
    /// Markdown links open, and whom each is to.
    links: Vec<Option<PathBuf>>,
    /// Raw `<a>` tags to a person still open: whom, the event that opened
    /// it, and the depth of blocks and inlines it is in (it ends with them,
    /// as the sanitiser's parser ends it).
    anchors: Vec<(PathBuf, usize, usize)>,
    /// The raw HTML block being read: its first event and its text.
    block: Option<(usize, String)>,
    stretches: Vec<AboutPerson>,
    /// Addresses (of Markdown links and images) and raw HTML, by the people
    /// they are behind, for `references::in_body`.
    named: BTreeMap<Vec<PathBuf>, (Vec<String>, String)>,
}

impl<'p> People<'p> {
    pub fn new(from: &'p Path) -> People<'p> {
        People {
            from,
            links: Vec::new(),
            anchors: Vec::new(),
            block: None,
            stretches: Vec::new(),
            named: BTreeMap::new(),
        }
    }

    /// Read the event numbered `step`, at `depth` (after it is applied).
    pub fn see(&mut self, event: &Event, step: usize, depth: usize) {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                self.dests().push(dest_url.to_string());
                let person = person_linked(self.from, dest_url);
                self.links.push(person);
            }
            Event::End(TagEnd::Link) => {
                self.links.pop();
            }
            Event::Start(Tag::Image { dest_url, .. }) => self.dests().push(dest_url.to_string()),
            Event::Start(Tag::HtmlBlock) => self.block = Some((step, String::new())),
            Event::End(TagEnd::HtmlBlock) => {
                if let Some((first, text)) = self.block.take() {
                    let found = html::scan(&text);
                    let mut persons: Vec<PathBuf> = html::addresses(&found)
                        .into_iter()
                        .filter_map(|(_, url)| person_in_html(self.from, url))
                        .collect();
                    persons.sort();
                    persons.dedup();
                    for person in &persons {
                        self.stretches.push(AboutPerson {
                            person: person.clone(),
                            steps: first..step + 1,
                        });
                    }
                    let mut key = self.behind();
                    key.extend(persons);
                    self.group(key).1.push_str(&(text + "\n"));
                }
            }
            Event::Html(html) if self.block.is_some() => {
                if let Some((_, text)) = self.block.as_mut() {
                    text.push_str(html);
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                let key = self.behind();
                self.group(key).1.push_str(html);
                for found in html::scan(html) {
                    match found {
                        Found::Tag {
                            name, attributes, ..
                        } if name == "a" => {
                            let person = attributes
                                .iter()
                                .find(|(n, _)| n == "href")
                                .and_then(|(_, url)| person_in_html(self.from, url));
                            if let Some(person) = person {
                                self.anchors.push((person, step, depth));
                            }
                        }
                        Found::End { name } if name == "a" => {
                            if let Some((person, first, _)) = self.anchors.pop() {
                                self.stretches.push(AboutPerson {
                                    person,
                                    steps: first..step + 1,
                                });
                            }
                        }
                        _ => {}
                    }
                }
            }
            Event::End(_) => {
                // An `<a>` left open ends with the block or inline it is in.
                while let Some((_, _, at)) = self.anchors.last() {
                    if *at <= depth {
                        break;
                    }
                    if let Some((person, first, _)) = self.anchors.pop() {
                        self.stretches.push(AboutPerson {
                            person,
                            steps: first..step,
                        });
                    }
                }
            }
            _ => {}
        }
    }

    /// The raw HTML stretches about people, in body order; the static
    /// files the body names with whom each is behind; and the full web
    /// addresses it names outside any such stretch (`steps`: how many
    /// events there were).
    pub fn finish(mut self, steps: usize) -> (Vec<AboutPerson>, Vec<StaticUse>, Vec<String>) {
        while let Some((person, first, _)) = self.anchors.pop() {
            self.stretches.push(AboutPerson {
                person,
                steps: first..steps,
            });
        }
        self.stretches.sort_by_key(|s| (s.steps.start, s.steps.end));
        let mut uses: Vec<StaticUse> = Vec::new();
        let mut web = Vec::new();
        for (behind, (dests, raw)) in &self.named {
            let named =
                crate::references::in_body(self.from, dests.iter().map(String::as_str), raw);
            uses.extend(named.static_files.into_iter().map(|file| StaticUse {
                file,
                behind: behind.clone(),
            }));
            // A file of the hub's own named by full address only with
            // someone is not counted as shown: counting less withholds more.
            if behind.is_empty() {
                web = named.web_addresses;
            }
        }
        uses.sort();
        uses.dedup();
        (self.stretches, uses, web)
    }

    /// Whom what is read now is behind, sorted.
    fn behind(&self) -> Vec<PathBuf> {
        let mut people: Vec<PathBuf> = self.links.iter().flatten().cloned().collect();
        people.extend(self.anchors.iter().map(|(p, _, _)| p.clone()));
        people.sort();
        people.dedup();
        people
    }

    fn group(&mut self, mut key: Vec<PathBuf>) -> &mut (Vec<String>, String) {
        key.sort();
        key.dedup();
        self.named.entry(key).or_default()
    }

    fn dests(&mut self) -> &mut Vec<String> {
        let key = self.behind();
        &mut self.group(key).0
    }
}

/// The person a Markdown link is to: a file under people/.
fn person_linked(from: &Path, dest: &str) -> Option<PathBuf> {
    match routes::classify(from, dest) {
        Target::Content { path, .. } if path.starts_with("people") => Some(path),
        _ => None,
    }
}

/// The person an address in raw HTML is to: written as a link between
/// files (`../people/joss-reid.md`), or as the browser reads it, to their
/// page on this site (`/people/joss-reid/`, `../../cy/people/joss-reid/`),
/// taken to be their file of that name. Another host's address is not.
pub(crate) fn person_in_html(from: &Path, url: &str) -> Option<PathBuf> {
    match routes::classify(from, url) {
        Target::Content { path, .. } => return path.starts_with("people").then_some(path),
        Target::External | Target::SamePage => return None,
        Target::Static(_) | Target::Elsewhere(_) => {}
    }
    let path = url.split(['?', '#']).next().unwrap_or("");
    let decoded = routes::percent_decode(path).replace('\\', "/");
    let parts: Vec<&str> = decoded
        .split('/')
        .filter(|part| !matches!(*part, "" | "." | ".."))
        .collect();
    let at = parts
        .iter()
        .position(|p| p.eq_ignore_ascii_case("people"))?;
    let slug = parts.get(at + 1)?;
    Some(PathBuf::from("people").join(format!("{}.md", slug.to_lowercase())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::Text;

    fn about(body: &str) -> (Vec<(String, Vec<String>)>, Vec<String>) {
        let text = Text::new(Path::new("people/amara.md"), body.to_string());
        let record = text.record();
        let events: Vec<Event> = record.events().collect();
        let stretches = record
            .about_people
            .iter()
            .map(|s| {
                let words = events[s.steps.clone()]
                    .iter()
                    .map(|e| match e {
                        Event::Text(t) | Event::InlineHtml(t) | Event::Html(t) => t.to_string(),
                        _ => String::new(),
                    })
                    .collect();
                (s.person.display().to_string(), words)
            })
            .collect();
        let uses = record
            .static_uses
            .iter()
            .map(|u| {
                let behind: Vec<String> =
                    u.behind.iter().map(|p| p.display().to_string()).collect();
                format!("{} behind [{}]", u.file, behind.join(", "))
            })
            .collect();
        (stretches, uses)
    }

    #[test]
    fn raw_anchors_to_a_person_are_stretches_with_their_words() {
        let (stretches, _) = about(
            "Ask <a href=\"../people/joss.md\">Joss <b>Reid</b></a> or \
             <a href='/cy/people/Dev-Patel/'>Dev</a>, not <a href=\"https://x.org/people/y/\">y</a>.\n\n\
             Open <a href=\"../people/kim.md\">Kim, never closed.\n\nAfter.\n",
        );
        assert_eq!(
            stretches,
            [
                (
                    "people/joss.md".to_string(),
                    vec![
                        "<a href=\"../people/joss.md\">",
                        "Joss ",
                        "<b>",
                        "Reid",
                        "</b>",
                        "</a>"
                    ]
                    .into_iter()
                    .map(String::from)
                    .collect::<Vec<_>>()
                ),
                (
                    "people/dev-patel.md".to_string(),
                    ["<a href='/cy/people/Dev-Patel/'>", "Dev", "</a>"]
                        .map(String::from)
                        .to_vec()
                ),
                (
                    "people/kim.md".to_string(),
                    ["<a href=\"../people/kim.md\">", "Kim, never closed."]
                        .map(String::from)
                        .to_vec()
                ),
            ]
        );
    }

    #[test]
    fn a_raw_block_naming_a_person_is_one_stretch() {
        let (stretches, uses) = about(
            "<div>\n<p>Our lead, <a href=\"../people/joss.md\">Joss</a>.</p>\n<img src=\"/photos/joss.jpg\">\n</div>\n\nWords.\n",
        );
        assert_eq!(stretches.len(), 1);
        assert_eq!(stretches[0].0, "people/joss.md");
        assert!(stretches[0]
            .1
            .concat()
            .contains("<img src=\"/photos/joss.jpg\">"));
        // (Raw HTML's addresses are counted as static files every way a
        // browser could read them: `people/joss.md` too, which would
        // withhold such a file, never publish one.)
        assert_eq!(
            uses,
            [
                "people/joss.md behind [people/joss.md]",
                "photos/joss.jpg behind [people/joss.md]"
            ]
        );
    }

    #[test]
    fn static_files_are_behind_the_people_they_are_shown_with() {
        let (_, uses) = about(
            "[![Joss](../static/photos/joss.jpg)](../people/joss.md) and ![Us](../static/photos/us.jpg)\n\n\
             <a href=\"../people/kim.md\"><img src=\"../../photos/kim.jpg\"></a> \
             <a href=\"../people/kim.md\">[![both](../static/photos/both.jpg)](../people/joss.md)</a>\n\n\
             ![Us again](../static/photos/us.jpg)\n",
        );
        assert_eq!(
            uses,
            [
                "people/kim.md behind []",
                "photos/both.jpg behind [people/joss.md, people/kim.md]",
                "photos/joss.jpg behind [people/joss.md]",
                "photos/kim.jpg behind [people/kim.md]",
                "photos/us.jpg behind []",
            ]
        );
    }
}
