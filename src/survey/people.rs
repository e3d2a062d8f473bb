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

/// Whom a link or address is to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Whom {
    /// Their file, as links name it (`people/joss-reid.md`).
    pub person: PathBuf,
    /// A full address (`https://people.example/people/joss-reid/`) names
    /// them only on the hub's own host: which host it is on, lower case.
    pub host: Option<String>,
}

impl Whom {
    /// Is this someone of the site whose hub is at `base` (its `base_url`),
    /// rather than a page of the same name on another web site?
    pub fn of_site(&self, base: &str) -> bool {
        match &self.host {
            None => true,
            Some(host) => web_address(base).is_some_and(|(own, _)| own == *host),
        }
    }
}

/// A stretch of raw HTML about a person, as event numbers of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AboutPerson {
    pub whom: Whom,
    pub steps: Range<usize>,
}

/// A static file a body names, and the people whose stretches it is in
/// (none: it is shown wherever the body is).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct StaticUse {
    pub file: String,
    pub behind: Vec<Whom>,
}

/// Raw `<a>`s to people followed at once, at most: more is too deep to
/// publish anyway (`html::MAX_NESTING`), and following each costs every
/// event after it.
const MAX_ANCHORS: usize = html::MAX_NESTING;

/// What is open while the events are read.
pub struct People<'p> {
    from: &'p Path,
    /// Markdown links open, and whom each is to.
    links: Vec<Option<Whom>>,
    /// Raw `<a>` tags to a person still open: whom, the event that opened
    /// it, and the depth of blocks and inlines it is in (it ends with them,
    /// as the sanitiser's parser ends it).
    anchors: Vec<(Whom, usize, usize)>,
    /// Raw `<a>`s to people open beyond `MAX_ANCHORS`.
    untracked: usize,
    /// The raw HTML block being read: its first event and its text.
    block: Option<(usize, String)>,
    stretches: Vec<AboutPerson>,
    /// Addresses (of Markdown links and images) and raw HTML, by the people
    /// they are behind, for `references::in_body`.
    named: BTreeMap<Vec<Whom>, (Vec<String>, String)>,
}

impl<'p> People<'p> {
    pub fn new(from: &'p Path) -> People<'p> {
        People {
            from,
            links: Vec::new(),
            anchors: Vec::new(),
            untracked: 0,
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
                    let mut persons: Vec<Whom> = html::addresses(&found)
                        .into_iter()
                        .filter_map(|(_, url)| person_in_html(self.from, url))
                        .collect();
                    persons.sort();
                    persons.dedup();
                    for whom in &persons {
                        self.stretches.push(AboutPerson {
                            whom: whom.clone(),
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
                            match person {
                                Some(_) if self.anchors.len() >= MAX_ANCHORS => self.untracked += 1,
                                Some(whom) => self.anchors.push((whom, step, depth)),
                                None => {}
                            }
                        }
                        Found::End { name } if name == "a" => {
                            if self.untracked > 0 {
                                self.untracked -= 1;
                            } else if let Some((whom, first, _)) = self.anchors.pop() {
                                self.stretches.push(AboutPerson {
                                    whom,
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
                    if let Some((whom, first, _)) = self.anchors.pop() {
                        self.stretches.push(AboutPerson {
                            whom,
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
        while let Some((whom, first, _)) = self.anchors.pop() {
            self.stretches.push(AboutPerson {
                whom,
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
    fn behind(&self) -> Vec<Whom> {
        let mut people: Vec<Whom> = self.links.iter().flatten().cloned().collect();
        people.extend(self.anchors.iter().map(|(p, _, _)| p.clone()));
        people.sort();
        people.dedup();
        people
    }

    fn group(&mut self, mut key: Vec<Whom>) -> &mut (Vec<String>, String) {
        key.sort();
        key.dedup();
        self.named.entry(key).or_default()
    }

    fn dests(&mut self) -> &mut Vec<String> {
        let key = self.behind();
        &mut self.group(key).0
    }
}

/// The person a Markdown link is to: a file under people/, or their page
/// by its full address (`https://people.example/people/joss-reid/`).
fn person_linked(from: &Path, dest: &str) -> Option<Whom> {
    match routes::classify(from, dest) {
        Target::Content { path, .. } if path.starts_with("people") => Some(Whom {
            person: path,
            host: None,
        }),
        Target::External => person_at(dest),
        _ => None,
    }
}

/// The person an address in raw HTML is to: written as a link between
/// files (`../people/joss-reid.md`), or as the browser reads it, to their
/// page (`/people/joss-reid/`, `../../cy/people/joss-reid/`,
/// `https://people.example/people/joss-reid/`), taken to be their file of
/// that name.
pub(crate) fn person_in_html(from: &Path, url: &str) -> Option<Whom> {
    // A browser drops tabs and line breaks anywhere in an address.
    let url: String = url
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    match routes::classify(from, &url) {
        Target::Content { path, .. } => {
            return path.starts_with("people").then_some(Whom {
                person: path,
                host: None,
            })
        }
        Target::External => return person_at(&url),
        Target::SamePage => return None,
        Target::Static(_) | Target::Elsewhere(_) => {}
    }
    // Read from the page's own address: a file's page is a folder named
    // after it (`people/amara-okafor.md` is `/people/amara-okafor/`).
    let page: Vec<String> = match (from.parent(), from.file_stem()) {
        (Some(folder), Some(stem)) => folder
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .chain([stem.to_string_lossy().into_owned()])
            .collect(),
        _ => Vec::new(),
    };
    person_on_page(&page, &url).map(|person| Whom { person, host: None })
}

/// The person a full web address (`https:`, `http:` or `//`) is to, with
/// its host.
pub(crate) fn person_at(url: &str) -> Option<Whom> {
    let (host, path) = web_address(url)?;
    let person = person_on_page(&[], &format!("/{path}"))?;
    Some(Whom {
        person,
        host: Some(host),
    })
}

/// A full web address's host (lower case) and path.
fn web_address(url: &str) -> Option<(String, &str)> {
    let rest = routes::without_web_scheme(url)?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = rest[..end].to_ascii_lowercase();
    let path = rest[end..].trim_start_matches('/');
    (!host.is_empty()).then_some((host, path))
}

/// The person whose page `url` is, read from the page at `page` (its
/// folders): `people/<name>`, as their file `people/<name>.md`.
fn person_on_page(page: &[String], url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let decoded = routes::percent_decode(path).replace('\\', "/");
    let mut at: Vec<String> = match decoded.starts_with('/') {
        true => Vec::new(),
        false => page.to_vec(),
    };
    for part in decoded.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                at.pop();
            }
            part => at.push(part.to_string()),
        }
    }
    let folder = at.iter().position(|p| p.eq_ignore_ascii_case("people"))?;
    let name = at.get(folder + 1)?;
    Some(PathBuf::from("people").join(format!("{}.md", name.to_lowercase())))
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
                let host = s
                    .whom
                    .host
                    .as_deref()
                    .map(|h| format!("{h}:"))
                    .unwrap_or_default();
                (format!("{host}{}", s.whom.person.display()), words)
            })
            .collect();
        let uses = record
            .static_uses
            .iter()
            .map(|u| {
                let behind: Vec<String> = u
                    .behind
                    .iter()
                    .map(|p| p.person.display().to_string())
                    .collect();
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
                // Recorded with its host: only the hub's own names someone.
                (
                    "x.org:people/y.md".to_string(),
                    ["<a href=\"https://x.org/people/y/\">", "y", "</a>"]
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

    /// Addresses as a browser reads them: tabs and line breaks dropped,
    /// `..` resolved from the page's own address, a full address kept with
    /// its host (it names someone only on the hub's host).
    #[test]
    fn raw_addresses_name_whom_the_browser_would_open() {
        let named = |url: &str| {
            person_in_html(Path::new("people/amara-okafor.md"), url)
                .map(|w| (w.person.display().to_string(), w.host))
        };
        let joss = || Some(("people/joss-reid.md".to_string(), None));
        assert_eq!(named("/peo\tple/joss-reid/"), joss());
        assert_eq!(named("/people/amara-okafor/../joss-reid/"), joss());
        assert_eq!(named("../joss-reid/"), joss());
        assert_eq!(named("../../cy/people/joss-reid/index.html?x#y"), joss());
        assert_eq!(named("joss-reid.md"), joss());
        assert_eq!(named("/stories/a-day/"), None);
        assert_eq!(
            named("HTTPS://People.Example/people/Joss-Reid/"),
            Some(("people/joss-reid.md".into(), Some("people.example".into())))
        );
        let whom = person_at("https://people.example/people/joss-reid/").unwrap();
        assert!(whom.of_site("https://People.example/"));
        assert!(!whom.of_site("https://elsewhere.example"));
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
