//! The playbook's share kit for a campaign: one card per post, written for
//! the network a member of staff picks, with its count and share button.
//!
//! The page is complete without JavaScript (every post written for the
//! first network hub.yaml lists). Its script reads the same rules the
//! server used, from `crate::sharing`, as JSON in the page, so the count a
//! member of staff sees while editing is the count `convene check` makes.

use super::context::*;
use super::{OutputFile, Renderer};
use crate::config::SiteConfig;
use crate::routes;
use crate::sharing::{self, Intent, Length, LinkTarget};
use crate::Error;
use serde::Serialize;
use std::collections::BTreeMap;

/// A network as the kit's picker and script know it: convene's rules for
/// the networks in its table, a plain copy-only entry for any other.
#[derive(Serialize)]
struct KitNetwork<'a> {
    id: &'a str,
    label: String,
    limit: Option<usize>,
    link_length: Option<usize>,
    graphemes: bool,
    intent: Intent,
    /// The campaign's own tagged address on this network, for networks
    /// that take only an address when a post links to nothing else.
    campaign_link: String,
    selected: bool,
}

/// One post as written for one network.
#[derive(Serialize)]
struct Written {
    text: String,
    links: Vec<String>,
}

/// One post's card, written for the default network.
#[derive(Serialize)]
struct KitPost {
    text: String,
    length: Option<Length>,
    /// The default network's share address, if it has one.
    intent: Option<String>,
    /// Networks whose limit the post is over, as written.
    too_long_on: Vec<String>,
}

#[derive(Serialize)]
struct KitData<'a> {
    subject: &'a str,
    networks: &'a [KitNetwork<'a>],
    /// For each post, its text on each network, by network id.
    posts: Vec<BTreeMap<&'a str, Written>>,
}

#[derive(Serialize)]
struct ShareKitPage<'a> {
    campaign: CampaignCard<'a>,
    hashtags: &'a [String],
    networks: &'a [KitNetwork<'a>],
    /// The network the page is written for until someone picks another.
    default_label: String,
    posts: Vec<KitPost>,
    /// The campaign's public page, shown once, without its tags.
    link: String,
    link_shown: String,
    /// `(slug, name)` of everyone, when hub.yaml turns per-person tracking on.
    people: Vec<(&'a str, &'a str)>,
    /// `KitData` as JSON, safe inside a `<script>` element.
    data: String,
}

/// The networks a kit offers: hub.yaml's, in its order; with none listed,
/// every network convene knows (as `check` counts them).
fn offered<'c>(config: &'c SiteConfig, campaign: &str) -> Vec<KitNetwork<'c>> {
    let ids: Vec<&str> = if config.share.networks.is_empty() {
        sharing::NETWORKS.iter().map(|n| n.id).collect()
    } else {
        config.share.networks.iter().map(String::as_str).collect()
    };
    ids.into_iter()
        .enumerate()
        .map(|(i, id)| {
            let rules = sharing::network(id);
            KitNetwork {
                id,
                label: sharing::label(id),
                limit: rules.and_then(|n| n.limit),
                link_length: rules.and_then(|n| n.link_length),
                graphemes: rules.is_some_and(|n| n.graphemes),
                intent: rules.map_or(Intent::None, |n| n.intent),
                campaign_link: sharing::kit_link(config, campaign, LinkTarget::Campaign, id),
                selected: i == 0,
            }
        })
        .collect()
}

impl Renderer<'_, '_> {
    /// Playbook: ready-made posts for a campaign, with UTM-tagged links and
    /// each network's length limit checked.
    pub(super) fn share_kit(&self, i: usize) -> Option<Result<OutputFile, Error>> {
        let c = &self.view.campaigns[i];
        let private = c.private.as_ref().filter(|x| !x.share.is_empty())?;
        let config = self.view.config;
        let route = routes::share_kit(c.slug);
        let networks = offered(config, c.slug.as_str());
        let written: Vec<BTreeMap<&str, Written>> = private
            .share
            .iter()
            .map(|template| {
                let pieces = sharing::pieces(template);
                networks
                    .iter()
                    .map(|n| {
                        let (text, links) = sharing::fill(&pieces, |target| {
                            sharing::kit_link(config, c.slug.as_str(), target, n.id)
                        });
                        (n.id, Written { text, links })
                    })
                    .collect()
            })
            .collect();
        // Flags count the longest `utm_term` a sharer's name can add, as `check` does.
        let tag =
            sharing::longest_person_tag(config, self.view.people.iter().map(|p| p.slug.as_str()));
        let posts = written
            .iter()
            .map(|post| kit_post(post, &networks, c.title, tag.as_deref()))
            .collect();
        let people = if config.share.utm.per_person {
            self.view
                .people
                .iter()
                .map(|p| (p.slug.as_str(), p.name))
                .collect()
        } else {
            Vec::new()
        };
        let link = routes::campaign(c.slug).absolute(config.public_base());
        let page = ShareKitPage {
            campaign: campaign_card(c, self.theme.speech()),
            hashtags: c.hashtags,
            networks: &networks,
            default_label: networks
                .first()
                .map(|n| n.label.clone())
                .unwrap_or_default(),
            posts,
            link_shown: link
                .split_once("://")
                .map_or(link.as_str(), |(_, rest)| rest)
                .to_string(),
            link,
            people,
            data: script_json(&KitData {
                subject: c.title,
                networks: &networks,
                posts: written,
            }),
        };
        let ctx = PageCtx::new(
            &self.site,
            &route,
            "campaigns",
            self.say("kit-title", &[("campaign", c.title)]),
            page,
        );
        Some(self.page("share_kit.html", &route, &ctx))
    }
}

/// One post's card, written for the first network; its flags name every
/// network whose limit the post is over, with the longest per-person tag.
fn kit_post(
    post: &BTreeMap<&str, Written>,
    networks: &[KitNetwork<'_>],
    subject: &str,
    person_tag: Option<&str>,
) -> KitPost {
    let measure = |n: &KitNetwork<'_>, tag: Option<&str>| {
        let w = &post[n.id];
        let rules = sharing::network(n.id)?;
        match tag {
            None => rules.measure(&w.text, &w.links),
            Some(tag) => {
                // As the kit's script tags a post for the person who picked their name.
                let mut text = w.text.clone();
                let mut links: Vec<String> = w.links.clone();
                links.sort();
                links.dedup();
                for link in &links {
                    text = text.replace(link.as_str(), &format!("{link}{tag}"));
                }
                let links: Vec<String> = links.iter().map(|l| format!("{l}{tag}")).collect();
                rules.measure(&text, &links)
            }
        }
    };
    let too_long_on = networks
        .iter()
        .filter(|n| measure(n, person_tag).is_some_and(|l| l.too_long))
        .map(|n| n.label.clone())
        .collect();
    let Some(first) = networks.first() else {
        return KitPost {
            text: String::new(),
            length: None,
            intent: None,
            too_long_on,
        };
    };
    let w = &post[first.id];
    let link = w.links.first().unwrap_or(&first.campaign_link);
    KitPost {
        text: w.text.clone(),
        length: measure(first, None),
        intent: sharing::network(first.id).and_then(|n| n.intent_url(&w.text, link, subject)),
        too_long_on,
    }
}
