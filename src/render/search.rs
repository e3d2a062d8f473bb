//! The search index of each site, built once per build and queried by a
//! small script. The playbook's is full text: guidelines, stories,
//! campaigns and people, bodies included. The hub's finds people, stories,
//! campaigns and public guidelines by their fields (names, roles, teams,
//! places, topics, titles, summaries, hashtags, a campaign's first
//! paragraph) but not by their bodies: a public body may link to someone
//! off the hub, and only rendering drops those words, so the hub indexes
//! only text that is shown as it is written. That also keeps the index
//! small at 5,000 people and 2,000 stories.
//!
//! The shape is ours rather than elasticlunr's: elasticlunr stores a trie
//! with per-field term frequencies, several times larger than the text it
//! indexes; here each word maps to a delta-encoded list of documents, and
//! ranking (title words first) happens in the browser.

use crate::audience::View;
use crate::languages::interface::Speech;
use crate::model::Audience;
use crate::routes;
use fnv::{FnvHashMap, FnvHashSet};
use rayon::prelude::*;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Words too common to help anyone find anything.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "if",
    "in", "into", "is", "it", "its", "of", "on", "or", "our", "so", "that", "the", "their", "them",
    "then", "there", "they", "this", "to", "was", "we", "were", "what", "when", "which", "who",
    "will", "with", "you", "your",
];

const EXCERPT_CHARS: usize = 160;

#[derive(Serialize)]
struct Index<'a> {
    /// `[title, url, kind, excerpt]`.
    docs: Vec<(&'a str, String, &'a str, String)>,
    /// Word -> document numbers, each stored as the gap from the previous one.
    words: BTreeMap<Cow<'a, str>, Vec<u32>>,
}

struct Doc<'a> {
    title: &'a str,
    url: String,
    kind: &'a str,
    excerpt: String,
    text: String,
}

/// A text's first words, for search results and page descriptions: cut
/// after a whole word where there is one, since "algal b…" reads badly in
/// a link preview.
pub(crate) fn excerpt(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some((cut, _)) = text.char_indices().nth(EXCERPT_CHARS) else {
        return text;
    };
    let head = &text[..cut];
    let words = match text[cut..].starts_with(' ') {
        true => head,
        false => head.rsplit_once(' ').map_or(head, |(words, _)| words),
    };
    format!("{}…", words.trim_end_matches([' ', ',', ';', ':']))
}

/// Lowercased words of two letters or more (most are lower case already,
/// and are borrowed rather than copied). Stop words are kept here and
/// dropped from the finished index: once per index, not once per word.
fn words(text: &str) -> impl Iterator<Item = Cow<'_, str>> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().nth(1).is_some())
        .map(
            |w| match w.is_ascii() && !w.bytes().any(|b| b.is_ascii_uppercase()) {
                true => Cow::Borrowed(w),
                false => Cow::Owned(w.to_lowercase()),
            },
        )
}

/// What the hub's index says of each campaign and public guideline: its
/// first paragraph as the hub renders it (a link to someone off the hub
/// already gone), in the view's order.
pub struct Described {
    pub campaigns: Vec<String>,
    pub guidelines: Vec<String>,
}

/// What the results call each kind of page, in the site's language.
struct Kinds<'s> {
    guideline: String,
    story: String,
    campaign: String,
    person: String,
    speech: &'s Speech,
}

impl<'s> Kinds<'s> {
    fn in_speech(speech: &'s Speech) -> Self {
        Kinds {
            guideline: speech.text("kind-guideline", None),
            story: speech.text("kind-story", None),
            campaign: speech.text("kind-campaign", None),
            person: speech.text("kind-person", None),
            speech,
        }
    }
}

fn documents<'a>(view: &'a View<'a>, described: &Described, kinds: &'a Kinds) -> Vec<Doc<'a>> {
    match view.audience {
        Audience::Playbook => full_text(view, kinds),
        Audience::Public => fields(view, described, kinds),
    }
}

/// The playbook's documents: every item, bodies included.
fn full_text<'a>(view: &'a View<'a>, kinds: &'a Kinds) -> Vec<Doc<'a>> {
    let mut docs: Vec<Doc> = Vec::new();
    docs.par_extend(view.guidelines.par_iter().map(|g| {
        let text = g.body.text.record().plain_text();
        Doc {
            title: g.title,
            url: routes::guideline(g.slug).url().into(),
            kind: &kinds.guideline,
            excerpt: excerpt(&text),
            text: format!("{} {} {text}", g.title, g.tags.join(" ")),
        }
    }));
    docs.par_extend(view.stories.par_iter().map(|s| {
        let text = s.body.text.record().plain_text();
        let summary = s.summary.map_or_else(|| excerpt(&text), str::to_string);
        Doc {
            title: s.title,
            url: routes::story(s.slug).url().into(),
            kind: &kinds.story,
            excerpt: summary,
            text: format!("{} {} {text}", s.title, s.topics.join(" ")),
        }
    }));
    docs.par_extend(view.campaigns.par_iter().map(|c| {
        let text = c.body.text.record().plain_text();
        Doc {
            title: c.title,
            url: routes::campaign(c.slug).url().into(),
            kind: &kinds.campaign,
            excerpt: excerpt(&text),
            text: format!("{} {} {text}", c.title, c.hashtags.join(" ")),
        }
    }));
    docs.par_extend(view.people.par_iter().map(|p| {
        let mut doc = person(p, kinds);
        doc.text.push(' ');
        doc.text.push_str(&p.body.text.record().plain_text());
        doc
    }));
    docs
}

/// A person by their fields: name, role, team, place and topics.
fn person<'a>(p: &crate::audience::PersonView<'a>, kinds: &'a Kinds) -> Doc<'a> {
    let about: Vec<&str> = [p.role, p.team, p.location].into_iter().flatten().collect();
    Doc {
        title: p.name,
        url: routes::person(p.slug).url().into(),
        kind: &kinds.person,
        excerpt: about.join(" · "),
        text: format!("{} {} {}", p.name, about.join(" "), p.topics.join(" ")),
    }
}

/// A guideline or campaign on the hub: found by its title, its tags and
/// the first paragraph its page shows (`about`), which is also its excerpt.
fn described_doc<'a>(
    title: &'a str,
    url: String,
    kind: &'a str,
    tags: &[String],
    about: &str,
) -> Doc<'a> {
    Doc {
        title,
        url,
        kind,
        excerpt: excerpt(about),
        text: format!("{title} {} {about}", tags.join(" ")),
    }
}

/// The `i`th of the first paragraphs `described` holds (empty if none).
fn first_paragraph(paragraphs: &[String], i: usize) -> &str {
    paragraphs.get(i).map_or("", String::as_str)
}

/// The hub's documents: people, stories, campaigns and public guidelines
/// by the fields their pages show, never their bodies (see the top).
fn fields<'a>(view: &'a View<'a>, described: &Described, kinds: &'a Kinds) -> Vec<Doc<'a>> {
    let names: std::collections::HashMap<&str, &str> = view
        .people
        .iter()
        .map(|p| (p.slug.as_str(), p.name))
        .collect();
    let mut docs: Vec<Doc> = Vec::new();
    docs.extend(view.guidelines.iter().enumerate().map(|(i, g)| {
        described_doc(
            g.title,
            routes::guideline(g.slug).url().into(),
            &kinds.guideline,
            g.tags,
            first_paragraph(&described.guidelines, i),
        )
    }));
    docs.par_extend(view.stories.par_iter().map(|s| {
        // Only the people on the hub are in a public story's list.
        let people: Vec<&str> = s
            .people
            .iter()
            .filter_map(|p| names.get(p.as_str()).copied())
            .collect();
        let campaign = s.campaign.map_or("", |c| c.title);
        let excerpt = match s.summary {
            Some(summary) => excerpt(summary),
            None => [kinds.speech.date(s.date), campaign.to_string()]
                .into_iter()
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join(" · "),
        };
        Doc {
            title: s.title,
            url: routes::story(s.slug).url().into(),
            kind: &kinds.story,
            excerpt,
            text: format!(
                "{} {} {} {campaign} {}",
                s.title,
                s.summary.unwrap_or(""),
                s.topics.join(" "),
                people.join(" ")
            ),
        }
    }));
    docs.extend(view.campaigns.iter().enumerate().map(|(i, c)| {
        described_doc(
            c.title,
            routes::campaign(c.slug).url().into(),
            &kinds.campaign,
            c.hashtags,
            first_paragraph(&described.campaigns, i),
        )
    }));
    docs.par_extend(view.people.par_iter().map(|p| person(p, kinds)));
    docs
}

/// `search/index.js` for the site in `view`.
pub fn script(view: &View, described: &Described, speech: &Speech) -> Vec<u8> {
    let kinds = Kinds::in_speech(speech);
    let (docs, texts): (Vec<_>, Vec<String>) = documents(view, described, &kinds)
        .into_iter()
        .map(|d| ((d.title, d.url, d.kind, d.excerpt), d.text))
        .unzip();
    let index = Index {
        docs,
        words: postings(&texts),
    };
    super::data_script::assign("conveneSearchIndex", &index)
}

/// Each word's documents (numbered as in `texts`), as gaps from the
/// previous one, stop words left out.
fn postings(texts: &[String]) -> BTreeMap<Cow<'_, str>, Vec<u32>> {
    // Each document's distinct words are found in parallel; filing them is
    // then one pass that allocates nothing per word. Words are short, so
    // FNV hashes them in a few instructions where SipHash (or sorting each
    // document's words) took most of the index's time.
    let words: Vec<FnvHashSet<Cow<str>>> = texts.par_iter().map(|t| words(t).collect()).collect();
    let mut postings: FnvHashMap<Cow<str>, Vec<u32>> = FnvHashMap::default();
    for (i, words) in words.into_iter().enumerate() {
        for word in words {
            postings.entry(word).or_default().push(i as u32);
        }
    }
    for stop in STOP_WORDS {
        postings.remove(*stop);
    }
    for list in postings.values_mut() {
        let mut previous = 0;
        for n in list.iter_mut() {
            let gap = *n - previous;
            previous = *n;
            *n = gap;
        }
    }
    postings.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_case() {
        let found: Vec<Cow<str>> = words("The Otter survey, and OUR river-walk!").collect();
        assert_eq!(
            found,
            ["the", "otter", "survey", "and", "our", "river", "walk"]
        );
    }

    #[test]
    fn postings_list_gaps_without_stop_words() {
        let texts = [
            "The otter and the river",
            "River walk",
            "An Otter, an otter",
        ]
        .map(String::from);
        let index = postings(&texts);
        let words: Vec<&str> = index.keys().map(|w| w.as_ref()).collect();
        assert_eq!(words, ["otter", "river", "walk"]);
        // Documents 0 and 2, as gaps: 0, then 2.
        assert_eq!(index["otter"], [0, 2]);
        assert_eq!(index["river"], [0, 1]);
        assert_eq!(index["walk"], [1]);
    }

    #[test]
    fn excerpts_end_after_a_whole_word() {
        let text = "otters ".repeat(40);
        let cut = excerpt(&text);
        assert!(cut.ends_with("otters…"), "{cut}");
        assert!(cut.chars().count() <= EXCERPT_CHARS + 1);
        assert_eq!(excerpt("Short and whole."), "Short and whole.");
        // One word longer than an excerpt is cut where it must be.
        assert_eq!(excerpt(&"w".repeat(200)).chars().count(), EXCERPT_CHARS + 1);
    }
}
