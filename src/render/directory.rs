//! The people directory's search data: only what the directory shows, in a
//! compact shape (teams, places and topics are listed once and referred to
//! by number), so 5,000 people stay well under 1.5 MB.

use crate::audience::View;
use crate::model::slugify;
use crate::routes;
use crate::taxonomy::Taxonomy;
use serde::Serialize;
use std::collections::HashMap;

/// `[name, url, role, team, place, [topics]]`; team and place are -1 when unknown.
type Row<'a> = (&'a str, String, &'a str, i32, i32, Vec<u32>);

#[derive(Serialize)]
struct Directory<'a> {
    teams: Vec<&'a str>,
    places: Vec<&'a str>,
    topics: Vec<&'a str>,
    people: Vec<Row<'a>>,
}

/// Label -> position in the taxonomy's sorted list of terms.
fn positions<'t>(taxonomy: &'t Taxonomy) -> HashMap<&'t str, u32> {
    taxonomy
        .terms
        .iter()
        .enumerate()
        .map(|(i, t)| (t.slug.as_str(), i as u32))
        .collect()
}

/// `people/directory.js` for the site in `view`.
pub fn script(view: &View, topics: &Taxonomy, teams: &Taxonomy, places: &Taxonomy) -> Vec<u8> {
    let (team_at, place_at, topic_at) = (positions(teams), positions(places), positions(topics));
    let find = |at: &HashMap<&str, u32>, label: &str| at.get(slugify(label).as_str()).copied();
    let one = |at: &HashMap<&str, u32>, label: Option<&str>| {
        label.and_then(|l| find(at, l)).map_or(-1, |i| i as i32)
    };
    let directory = Directory {
        teams: teams.terms.iter().map(|t| t.label).collect(),
        places: places.terms.iter().map(|t| t.label).collect(),
        topics: topics.terms.iter().map(|t| t.label).collect(),
        people: view
            .people
            .iter()
            .map(|p| {
                let mut filed: Vec<u32> =
                    p.topics.iter().filter_map(|t| find(&topic_at, t)).collect();
                filed.sort_unstable();
                filed.dedup();
                let url = routes::person(p.slug).url().to_string();
                (
                    p.name,
                    url,
                    p.role.unwrap_or(""),
                    one(&team_at, p.team),
                    one(&place_at, p.location),
                    filed,
                )
            })
            .collect(),
    };
    super::data_script::assign("conveneDirectory", &directory)
}
