//! Share-kit texts must fit the networks staff post them on, and carry the
//! campaign's link.

use super::value_position;
use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::Campaign;
use crate::routes;
use unicode_segmentation::UnicodeSegmentation;

/// How a network counts a post, and what a link costs in it.
struct Limit {
    network: &'static str,
    label: &'static str,
    max: usize,
    /// X shortens every link to 23 characters; others count the real link.
    link_length: Option<usize>,
    /// Bluesky counts graphemes (what a reader sees as one character).
    graphemes: bool,
}

const LIMITS: &[Limit] = &[
    Limit {
        network: "x",
        label: "X",
        max: 280,
        link_length: Some(23),
        graphemes: false,
    },
    Limit {
        network: "bluesky",
        label: "Bluesky",
        max: 300,
        link_length: None,
        graphemes: true,
    },
    Limit {
        network: "threads",
        label: "Threads",
        max: 500,
        link_length: None,
        graphemes: false,
    },
    Limit {
        network: "mastodon",
        label: "Mastodon",
        max: 500,
        link_length: None,
        graphemes: false,
    },
];

pub fn check(x: &Campaign, config: &SiteConfig, diags: &mut Diagnostics) {
    let link = share_link(x, config);
    let networks = &config.share.networks;
    for text in &x.meta.share {
        let (line, column) = value_position(&x.source, "share", text);
        if !text.contains("{link}") {
            diags.push(
                Diagnostic::warning(&x.source.path, line, "this share text has no `{link}`")
                    .at_column(column)
                    .with_hint("add {link} where the campaign's address should go"),
            );
        }
        // Networks the hub offers; with none listed, every network counts.
        for limit in LIMITS
            .iter()
            .filter(|l| networks.is_empty() || networks.iter().any(|n| n == l.network))
        {
            let length = length(text, &link, limit);
            if length > limit.max {
                diags.push(
                    Diagnostic::warning(
                        &x.source.path,
                        line,
                        format!(
                            "this share text is {length} characters on {}, over its limit of {}",
                            limit.label, limit.max
                        ),
                    )
                    .at_column(column)
                    .with_hint(format!(
                        "cut {} characters; {{link}} counts as {} there",
                        length - limit.max,
                        limit.link_length.unwrap_or(link.chars().count())
                    )),
                );
            }
        }
    }
}

/// The length a network sees, with `{link}` replaced.
fn length(text: &str, link: &str, limit: &Limit) -> usize {
    let links = text.matches("{link}").count();
    let rest = text.replace("{link}", "");
    let rest_length = if limit.graphemes {
        rest.graphemes(true).count()
    } else {
        rest.chars().count()
    };
    let link_length = limit.link_length.unwrap_or_else(|| link.chars().count());
    rest_length + links * link_length
}

/// The campaign's public address as the share kit writes it, with the
/// hub's UTM parameters (see `render::pages`): only its length matters here.
fn share_link(x: &Campaign, config: &SiteConfig) -> String {
    let utm = &config.share.utm;
    let mut query: Vec<String> = Vec::new();
    if let Some(s) = &utm.source {
        query.push(format!("utm_source={s}"));
    }
    if let Some(m) = &utm.medium {
        query.push(format!("utm_medium={m}"));
    }
    query.push(format!("utm_campaign={}", x.slug));
    format!(
        "{}?{}",
        routes::campaign(&x.slug).absolute(config.public_base()),
        query.join("&")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn x_counts_a_link_as_23_and_bluesky_counts_graphemes() {
        let long_link = "https://people.example.org/campaigns/a-very-long-campaign-name/";
        assert_eq!(length("Join us {link}", long_link, &LIMITS[0]), 8 + 23);
        // A family emoji is one grapheme but several chars.
        let family = "👨‍👩‍👧";
        assert_eq!(length(family, "", &LIMITS[1]), 1);
        assert_eq!(length(family, "", &LIMITS[2]), 5);
    }
}
