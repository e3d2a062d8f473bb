//! "People you could also talk to": for each person, the people who share
//! the most topics with them.
//!
//! Comparing every pair of people is quadratic (25 million pairs at 5,000
//! people). Instead each topic's list of people is an index, and a person
//! only looks at a fixed window of neighbours in each of their topics' lists,
//! so the cost grows with people × topics, linearly with the site.

use crate::audience::View;
use crate::taxonomy::Taxonomy;
use std::collections::HashMap;

/// How many neighbours either side to look at in each topic's list.
const WINDOW: usize = 40;

/// Up to `n` people to suggest on `me`'s profile, best first.
pub fn for_person(view: &View, topics: &Taxonomy, me: usize, n: usize) -> Vec<usize> {
    let mut shared: HashMap<usize, u32> = HashMap::new();
    for other in window(view, topics, me) {
        *shared.entry(other).or_default() += 1;
    }
    let mut best: Vec<(usize, u32)> = shared.into_iter().collect();
    // Most topics in common first; then the nearest in the directory,
    // then directory order, so the result never depends on hashing.
    best.sort_unstable_by_key(|&(other, count)| {
        (std::cmp::Reverse(count), other.abs_diff(me), other)
    });
    best.into_iter().take(n).map(|(other, _)| other).collect()
}

/// The people near `me` in each of `me`'s topics' lists, once per shared
/// topic. Suggestions are symmetric in this: only these people can suggest
/// `me`, which is what `serve` needs to know after an edit.
pub fn window<'v>(
    view: &'v View,
    topics: &'v Taxonomy,
    me: usize,
) -> impl Iterator<Item = usize> + 'v {
    view.people[me]
        .topics
        .iter()
        .filter_map(move |label| topics.term(label))
        .flat_map(move |term| {
            let list = &term.people;
            let at = list.binary_search(&me).unwrap_or(0);
            let (from, to) = (at.saturating_sub(WINDOW), (at + WINDOW + 1).min(list.len()));
            list[from..to]
                .iter()
                .copied()
                .filter(move |&other| other != me && list.get(at) == Some(&me))
        })
}
