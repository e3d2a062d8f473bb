//! "People you could also talk to": for each person, the people who share
//! the most topics with them.
//!
//! Comparing every pair of people is quadratic (25 million pairs at 5,000
//! people). Instead each topic's list of people is an index, and a person
//! only looks at a fixed window of neighbours in each of their topics' lists,
//! so the cost grows with people × topics, linearly with the site.

use crate::audience::View;
use crate::taxonomy::Taxonomy;
use std::cmp::Reverse;

/// How many neighbours either side to look at in each topic's list.
const WINDOW: usize = 40;

/// Up to `n` people to suggest on `me`'s profile, best first.
pub fn for_person(view: &View, topics: &Taxonomy, me: usize, n: usize) -> Vec<usize> {
    // Each neighbour appears once per topic shared with `me`: sorted, the
    // repeats sit side by side and their run length is the count. (This
    // runs for every profile; a sort beats hashing each of up to 80 people
    // per topic.)
    let mut seen: Vec<usize> = window(view, topics, me).collect();
    seen.sort_unstable();
    let mut best: Vec<(usize, usize)> = seen
        .chunk_by(|a, b| a == b)
        .map(|run| (run[0], run.len()))
        .collect();
    // Most topics in common first; then the nearest in the directory,
    // then directory order, so the result is a total order.
    let rank = |&(other, count): &(usize, usize)| (Reverse(count), other.abs_diff(me), other);
    if best.len() > n {
        best.select_nth_unstable_by_key(n, rank);
        best.truncate(n);
    }
    best.sort_unstable_by_key(rank);
    best.into_iter().map(|(other, _)| other).collect()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Diagnostics;
    use crate::model::Audience;
    use crate::routes::Facet;
    use std::collections::HashMap;
    use std::path::Path;

    /// The ranking, written the obvious way: count shared topics per
    /// neighbour, then order by count, distance and position.
    fn counted(view: &View, topics: &Taxonomy, me: usize, n: usize) -> Vec<usize> {
        let mut shared: HashMap<usize, usize> = HashMap::new();
        for other in window(view, topics, me) {
            *shared.entry(other).or_default() += 1;
        }
        let mut best: Vec<(usize, usize)> = shared.into_iter().collect();
        best.sort_by_key(|&(other, count)| (Reverse(count), other.abs_diff(me), other));
        best.into_iter().take(n).map(|(other, _)| other).collect()
    }

    #[test]
    fn suggestions_rank_by_shared_topics_then_nearness() {
        let site = Path::new(env!("CARGO_MANIFEST_DIR")).join("content-example");
        let max = crate::config::DEFAULT_MAX_FILE_SIZE;
        let corpus = crate::load::site(&site, max, &mut Diagnostics::default()).unwrap();
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-26T12:00:00Z").unwrap();
        let view = crate::audience::select(&corpus, Audience::Playbook, now);
        let topics = crate::taxonomy::build(&view, Facet::Topic, &view.person_index());
        let mut suggested = 0;
        for me in 0..view.people.len() {
            for n in [1, 4, 100] {
                let got = for_person(&view, &topics, me, n);
                assert_eq!(got, counted(&view, &topics, me, n), "person {me}, n {n}");
                suggested += got.len();
            }
        }
        assert!(suggested > 0, "nobody shares a topic in the example");
    }
}
