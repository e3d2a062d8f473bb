//! "People you could also talk to": for each person, the people who share
//! the most topics with them.
//!
//! Comparing every pair of people is quadratic (25 million pairs at 5,000
//! people). Instead each topic's list of people is an index, and a person
//! only looks at a fixed window of neighbours in each of their topics' lists,
//! so the cost grows with people × topics, linearly with the site.

use crate::audience::View;
use crate::taxonomy::Taxonomy;
use rayon::prelude::*;
use std::collections::HashMap;

/// How many neighbours either side to look at in each topic's list.
const WINDOW: usize = 40;

/// For each person in `view.people`, up to `n` others, best first.
pub fn people_to_talk_to(view: &View, topics: &Taxonomy, n: usize) -> Vec<Vec<usize>> {
    (0..view.people.len())
        .into_par_iter()
        .map(|me| {
            let mut shared: HashMap<usize, u32> = HashMap::new();
            for label in view.people[me].topics {
                let Some(term) = topics.term(label) else {
                    continue;
                };
                let list = &term.people;
                let Ok(at) = list.binary_search(&me) else {
                    continue;
                };
                let from = at.saturating_sub(WINDOW);
                let to = (at + WINDOW + 1).min(list.len());
                for &other in &list[from..to] {
                    if other != me {
                        *shared.entry(other).or_default() += 1;
                    }
                }
            }
            let mut best: Vec<(usize, u32)> = shared.into_iter().collect();
            // Most topics in common first; then the nearest in the directory,
            // then directory order, so the result never depends on hashing.
            best.sort_unstable_by_key(|&(other, count)| {
                (std::cmp::Reverse(count), other.abs_diff(me), other)
            });
            best.into_iter().take(n).map(|(other, _)| other).collect()
        })
        .collect()
}
