//! Topics, teams and places: how supporters find people. Each label gets a
//! stable slug; two spellings that share a slug ("LGBTQ+ rights", "LGBTQ
//! rights") share one page, and `check` says so rather than merging quietly.

use crate::audience::View;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::{slugify, Corpus, Source};
use crate::routes::{self, Facet};
use std::collections::{BTreeMap, HashMap};

/// One topic, team or place, with who and what is filed under it (indexes
/// into the view's people and stories, in the view's order).
pub struct Term<'a> {
    pub label: &'a str,
    pub slug: String,
    pub people: Vec<usize>,
    pub stories: Vec<usize>,
}

pub struct Taxonomy<'a> {
    pub facet: Facet,
    /// Sorted by label, case-insensitively.
    pub terms: Vec<Term<'a>>,
    by_slug: HashMap<String, usize>,
    /// Every spelling filed here, to its term.
    by_label: HashMap<&'a str, usize>,
}

impl<'a> Taxonomy<'a> {
    pub fn term(&self, label: &str) -> Option<&Term<'a>> {
        // Pages ask for the spellings the site uses, thousands of times:
        // found by their text, without slugging them again.
        self.by_label
            .get(label)
            .or_else(|| self.by_slug.get(&slugify(label)))
            .map(|&i| &self.terms[i])
    }

    /// The page for a label, if it has one.
    pub fn route(&self, label: &str) -> Option<routes::Route> {
        self.term(label)
            .map(|t| routes::facet_term(self.facet, &t.slug))
    }
}

/// The labels a person is filed under for a facet.
fn person_labels<'a>(view: &View<'a>, i: usize, facet: Facet) -> Vec<&'a str> {
    let p = &view.people[i];
    match facet {
        Facet::Topic => p.topics.iter().map(String::as_str).collect(),
        Facet::Team => p.team.into_iter().collect(),
        Facet::Place => p.location.into_iter().collect(),
    }
}

/// Group the view's people and stories by one facet, in linear time. A
/// story is filed under its own topics, and under the teams and places of
/// the people in it (`person_at` finds them in the view by slug).
pub fn build<'a>(view: &View<'a>, facet: Facet, person_at: &HashMap<&str, usize>) -> Taxonomy<'a> {
    struct Acc<'a> {
        slug: String,
        /// Each spelling and how often it is used.
        labels: Vec<(&'a str, usize)>,
        people: Vec<usize>,
        stories: Vec<usize>,
    }
    let mut acc: Vec<Acc<'a>> = Vec::new();
    let mut by_slug: HashMap<String, usize> = HashMap::new();
    // The same few hundred labels are used thousands of times: each
    // spelling is slugged once, then found by its text.
    let mut by_label: HashMap<&'a str, Option<usize>> = HashMap::new();
    let mut file = |label: &'a str, person: Option<usize>, story: Option<usize>| {
        let at = *by_label.entry(label).or_insert_with(|| {
            let slug = slugify(label);
            if slug.is_empty() {
                return None;
            }
            let next = acc.len();
            let at = *by_slug.entry(slug.clone()).or_insert(next);
            if at == next {
                acc.push(Acc {
                    slug,
                    labels: Vec::new(),
                    people: Vec::new(),
                    stories: Vec::new(),
                });
            }
            Some(at)
        });
        let Some(entry) = at.map(|at| &mut acc[at]) else {
            return;
        };
        match entry.labels.iter_mut().find(|(l, _)| *l == label) {
            Some((_, uses)) => *uses += 1,
            None => entry.labels.push((label, 1)),
        }
        if let Some(p) = person {
            if entry.people.last() != Some(&p) {
                entry.people.push(p);
            }
        }
        if let Some(s) = story {
            if entry.stories.last() != Some(&s) {
                entry.stories.push(s);
            }
        }
    };
    for i in 0..view.people.len() {
        for label in person_labels(view, i, facet) {
            file(label, Some(i), None);
        }
    }
    for (s, story) in view.stories.iter().enumerate() {
        let labels: Vec<&str> = match facet {
            Facet::Topic => story.topics.iter().map(String::as_str).collect(),
            _ => story
                .people
                .iter()
                .filter_map(|slug| person_at.get(slug.as_str()))
                .flat_map(|&i| person_labels(view, i, facet))
                .collect(),
        };
        for label in labels {
            file(label, None, Some(s));
        }
    }
    let slugs: Vec<String> = acc.iter().map(|a| a.slug.clone()).collect();
    let mut terms: Vec<Term<'a>> = acc
        .into_iter()
        .map(|a| {
            // The page takes the most used spelling; ties go to the first alphabetically.
            let label = a
                .labels
                .iter()
                .max_by(|x, y| x.1.cmp(&y.1).then(y.0.cmp(x.0)))
                .map(|(l, _)| *l)
                .unwrap_or("");
            let mut stories = a.stories;
            stories.sort_unstable();
            stories.dedup();
            Term {
                label,
                slug: a.slug,
                people: a.people,
                stories,
            }
        })
        .collect();
    terms.sort_by_cached_key(|t| (t.label.to_lowercase(), t.slug.clone()));
    let by_slug: HashMap<String, usize> = terms
        .iter()
        .enumerate()
        .map(|(i, t)| (t.slug.clone(), i))
        .collect();
    let by_label = by_label
        .into_iter()
        .filter_map(|(label, at)| Some((label, by_slug[&slugs[at?]])))
        .collect();
    Taxonomy {
        facet,
        terms,
        by_slug,
        by_label,
    }
}

/// Warn when different spellings would share a page, or a label can't have one.
pub fn check(corpus: &Corpus, diags: &mut Diagnostics) {
    for facet in Facet::ALL {
        let mut uses: Vec<(&str, &Source)> = Vec::new();
        for p in &corpus.people {
            let labels: Vec<&str> = match facet {
                Facet::Topic => p
                    .meta
                    .topics
                    .iter()
                    .chain(&p.meta.responds_on)
                    .map(String::as_str)
                    .collect(),
                Facet::Team => p.meta.team.as_deref().into_iter().collect(),
                Facet::Place => p.meta.location.as_deref().into_iter().collect(),
            };
            uses.extend(labels.into_iter().map(|l| (l, &p.source)));
        }
        if facet == Facet::Topic {
            for s in &corpus.stories {
                uses.extend(s.meta.topics.iter().map(|l| (l.as_str(), &s.source)));
            }
        }
        let noun = match facet {
            Facet::Topic => "topic",
            Facet::Team => "team",
            Facet::Place => "location",
        };
        let mut spellings: BTreeMap<String, BTreeMap<&str, &Source>> = BTreeMap::new();
        for (label, source) in uses {
            let slug = slugify(label);
            if slug.is_empty() {
                diags.push(
                    Diagnostic::warning(
                        &source.path,
                        source.line_mentioning(label),
                        format!(
                            "the {noun} `{label}` has no letters or digits, so it gets no page"
                        ),
                    )
                    .with_hint("use words, e.g. `climate action`"),
                );
                continue;
            }
            spellings
                .entry(slug)
                .or_default()
                .entry(label)
                .or_insert(source);
        }
        for (slug, labels) in spellings.into_iter().filter(|(_, l)| l.len() > 1) {
            let all: Vec<String> = labels.keys().map(|l| format!("`{l}`")).collect();
            for (label, source) in labels.iter().skip(1) {
                diags.push(
                    Diagnostic::warning(
                        &source.path,
                        source.line_mentioning(label),
                        format!(
                            "the {noun}s {} share one page, /{}/{slug}/",
                            all.join(" and "),
                            facet.folder()
                        ),
                    )
                    .with_hint(format!(
                        "spell the {noun} the same way everywhere so it is clear they are the same"
                    )),
                );
            }
        }
    }
}
