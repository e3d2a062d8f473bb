//! Share-kit texts must link to public pages and fit the networks staff
//! post them on, counted exactly as the kit counts them (`crate::sharing`).

use super::item_position;
use crate::audience::{person_is_public, story_is_public};
use crate::config::SiteConfig;
use crate::diagnostics::{did_you_mean, Diagnostic, Diagnostics};
use crate::model::{Campaign, Corpus};
use crate::sharing::{self, LinkTarget, Piece};
use chrono::{DateTime, FixedOffset};

/// Where a share text's problems are reported.
struct At<'a> {
    campaign: &'a Campaign,
    line: usize,
    column: usize,
}

impl At<'_> {
    fn push(&self, diags: &mut Diagnostics, d: Diagnostic) {
        diags.push(d.at_column(self.column));
    }
    fn error(&self, message: String) -> Diagnostic {
        Diagnostic::error(&self.campaign.source.path, self.line, message)
    }
    fn warning(&self, message: String) -> Diagnostic {
        Diagnostic::warning(&self.campaign.source.path, self.line, message)
    }
}

pub fn check(x: &Campaign, c: &Corpus, now: DateTime<FixedOffset>, diags: &mut Diagnostics) {
    // With per-person tracking, every post is counted with the longest tag.
    let tag = sharing::longest_person_tag(&c.config, c.people.iter().map(|p| p.slug.as_str()))
        .unwrap_or_default();
    for (i, text) in x.meta.share.iter().enumerate() {
        let (line, column) = item_position(&x.source, "share", i, text);
        let at = At {
            campaign: x,
            line,
            column,
        };
        let pieces = sharing::pieces(text);
        if !pieces
            .iter()
            .any(|p| matches!(p, Piece::Link(_) | Piece::Unknown(_)))
        {
            at.push(
                diags,
                at.warning("this share text has no `{link}`".into())
                    .with_hint("add {link} where the campaign's address should go"),
            );
        }
        for piece in &pieces {
            match piece {
                Piece::Unknown(written) => at.push(
                    diags,
                    at.error(format!("`{written}` is not a link a share text can carry"))
                        .with_hint(
                            "write {link} for the campaign, {link:stories/<slug>} for a story \
                             or {link:people/<slug>} for a person",
                        ),
                ),
                Piece::Link(target) => link_target(&at, *target, c, now, diags),
                Piece::Text(_) => {}
            }
        }
        lengths(&at, &pieces, &tag, &c.config, diags);
    }
}

/// A story or person a share text links to must be on the public hub:
/// the kit's readers follow the link from outside.
fn link_target(
    at: &At<'_>,
    target: LinkTarget<'_>,
    c: &Corpus,
    now: DateTime<FixedOffset>,
    diags: &mut Diagnostics,
) {
    const HINT: &str =
        "a share kit can only link to pages on the public hub; link to the campaign with {link}";
    match target {
        LinkTarget::Campaign => {}
        LinkTarget::Story(slug) => match c.stories.iter().find(|s| s.slug.as_str() == slug) {
            None => {
                let slugs = c.stories.iter().map(|s| s.slug.as_str());
                // The file name with its date is the likeliest slip.
                let hint = c
                    .stories
                    .iter()
                    .find(|s| s.source.path.file_stem().is_some_and(|f| f == slug))
                    .map(|s| format!("write the story's slug without its date: `{}`", s.slug))
                    .or_else(|| did_you_mean(slug, slugs))
                    .unwrap_or_else(|| {
                        "a story's slug is its file name in stories/ without the date and .md"
                            .into()
                    });
                at.push(
                    diags,
                    at.error(format!("no story has the slug `{slug}`"))
                        .with_hint(hint),
                );
            }
            Some(s) if story_is_public(s, now) => {}
            Some(s) => {
                // Only an embargo stands between the story and the hub:
                // the kit may well be ready before the story is out.
                let embargo = s.meta.publish_after.filter(|t| t.0 > now);
                let public_later = embargo.is_some_and(|t| story_is_public(s, t.0));
                match embargo {
                    Some(t) if public_later => at.push(
                        diags,
                        at.warning(format!(
                            "the story `{slug}` is embargoed until {}: this post's link will not work before then",
                            t.0.format("%-d %B %Y %H:%M")
                        ))
                        .with_hint("share the post after the embargo, or link to the campaign with {link}"),
                    ),
                    _ => at.push(
                        diags,
                        at.error(format!("the story `{slug}` is not on the public hub"))
                            .with_hint(HINT),
                    ),
                }
            }
        },
        LinkTarget::Person(slug) => match c.person(slug) {
            None => at.push(
                diags,
                at.error(format!("no person has the slug `{slug}`"))
                    .with_hint(
                        did_you_mean(slug, c.people.iter().map(|p| p.slug.as_str()))
                            .unwrap_or_else(|| {
                                "a person's slug is their file name in people/, without .md".into()
                            }),
                    ),
            ),
            Some(p) if person_is_public(p, now) => {}
            Some(_) => at.push(
                diags,
                at.error(format!("`{slug}` is not on the public hub"))
                    .with_hint(HINT),
            ),
        },
    }
}

/// Each network's count of the post the kit will show for it, links and
/// UTM tags included.
fn lengths(
    at: &At<'_>,
    pieces: &[Piece<'_>],
    tag: &str,
    config: &SiteConfig,
    diags: &mut Diagnostics,
) {
    let offered = &config.share.networks;
    // Networks the hub offers; with none listed, every network counts.
    let networks = sharing::NETWORKS
        .iter()
        .filter(|n| offered.is_empty() || offered.iter().any(|o| o == n.id));
    for network in networks {
        let (post, links) = sharing::fill(pieces, |target| {
            sharing::kit_link(config, at.campaign.slug.as_str(), target, network.id) + tag
        });
        let Some(length) = network.measure(&post, &links).filter(|l| l.too_long) else {
            continue;
        };
        let link_cost = match (network.link_length, links.first()) {
            (_, None) => "it has no link".into(),
            (Some(n), Some(_)) => format!("each link counts as {n} there"),
            (None, Some(link)) => format!(
                "{} counts in full there, tracking tags included: {} characters",
                if links.len() == 1 {
                    "the link"
                } else {
                    "each link"
                },
                network.length(link, &[])
            ),
        };
        at.push(
            diags,
            at.warning(format!(
                "this share text is {} characters on {}, over its limit of {}",
                length.used, network.label, length.limit
            ))
            .with_hint(format!(
                "cut {} characters; {link_cost}",
                length.used - length.limit
            )),
        );
    }
}
