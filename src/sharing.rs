//! The rules of sharing, written once: which networks there are, how each
//! counts a post and takes a share link, and how a share text names the
//! pages it links to. `convene check` and the share kit both read them, so
//! a post `check` passes is never flagged by the kit, and the other way
//! round. The kit's script is given the same table (see `render::syndication`).

use crate::config::{SiteConfig, Utm};
use crate::model::{CampaignSlug, PersonSlug, StorySlug};
use crate::routes;
use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

/// A network staff post on.
#[derive(Debug, Serialize)]
pub struct Network {
    pub id: &'static str,
    pub label: &'static str,
    /// Longest post, as the network counts; `None`: no limit worth checking.
    pub limit: Option<usize>,
    /// X and Mastodon count every link as 23 characters, whatever its
    /// length; the others count the link as written.
    pub link_length: Option<usize>,
    /// Bluesky and Threads count graphemes (what a reader sees as one
    /// character: a family emoji is one); the others count code points.
    pub graphemes: bool,
    /// How the network's own share page takes a post.
    pub intent: Intent,
}

/// The start of a network's share address, and what follows it.
#[derive(Debug, Serialize, Clone, Copy, PartialEq, Eq)]
#[serde(tag = "takes", content = "prefix", rename_all = "lowercase")]
pub enum Intent {
    /// The post's text, link included, percent-encoded after the prefix.
    Text(&'static str),
    /// Only the address: the network reads the page's preview card.
    Url(&'static str),
    /// `mailto:` with the campaign as the subject and the post as the body.
    Email,
    /// No share address: Mastodon's depends on the reader's own server.
    None,
}

/// Every network convene knows how to share on, in no particular order:
/// hub.yaml's `share.networks` chooses and orders them.
pub const NETWORKS: &[Network] = &[
    Network {
        id: "x",
        label: "X",
        limit: Some(280),
        link_length: Some(23),
        graphemes: false,
        intent: Intent::Text("https://x.com/intent/post?text="),
    },
    Network {
        id: "bluesky",
        label: "Bluesky",
        limit: Some(300),
        link_length: None,
        graphemes: true,
        intent: Intent::Text("https://bsky.app/intent/compose?text="),
    },
    Network {
        id: "threads",
        label: "Threads",
        limit: Some(500),
        link_length: None,
        graphemes: true,
        intent: Intent::Text("https://www.threads.net/intent/post?text="),
    },
    Network {
        id: "mastodon",
        label: "Mastodon",
        limit: Some(500),
        link_length: Some(23),
        graphemes: false,
        intent: Intent::None,
    },
    Network {
        id: "linkedin",
        label: "LinkedIn",
        limit: Some(3000),
        link_length: None,
        graphemes: false,
        intent: Intent::Url("https://www.linkedin.com/sharing/share-offsite/?url="),
    },
    Network {
        id: "facebook",
        label: "Facebook",
        limit: None,
        link_length: None,
        graphemes: false,
        intent: Intent::Url("https://www.facebook.com/sharer/sharer.php?u="),
    },
    Network {
        id: "whatsapp",
        label: "WhatsApp",
        limit: None,
        link_length: None,
        graphemes: false,
        intent: Intent::Text("https://wa.me/?text="),
    },
    Network {
        id: "email",
        label: "Email",
        limit: None,
        link_length: None,
        graphemes: false,
        intent: Intent::Email,
    },
];

/// The network called `id` in hub.yaml.
pub fn network(id: &str) -> Option<&'static Network> {
    NETWORKS.iter().find(|n| n.id == id)
}

/// A network's name as people know it, for share buttons and for the
/// accounts on a profile (which include places nobody shares to).
pub fn label(id: &str) -> String {
    if let Some(n) = network(id) {
        return n.label.into();
    }
    match id {
        "instagram" => "Instagram".into(),
        "tiktok" => "TikTok".into(),
        "youtube" => "YouTube".into(),
        "website" => "Website".into(),
        "github" => "GitHub".into(),
        other => {
            let mut c = other.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        }
    }
}

impl Network {
    /// How long `post` is on this network, where `links` are the addresses
    /// the post carries (each counted as the network counts a link).
    pub fn length(&self, post: &str, links: &[String]) -> usize {
        let mut used = 0;
        let mut rest = post;
        loop {
            // The first link in what is left; of two starting at the same
            // place, the longer (one link's address may begin another's).
            let next = links
                .iter()
                .filter(|l| !l.is_empty())
                .filter_map(|l| rest.find(l.as_str()).map(|at| (at, l)))
                .min_by_key(|(at, l)| (*at, std::cmp::Reverse(l.len())));
            let Some((at, link)) = next else {
                return used + self.count(rest);
            };
            used += self.count(&rest[..at]) + self.link_length.unwrap_or_else(|| self.count(link));
            rest = &rest[at + link.len()..];
        }
    }

    fn count(&self, text: &str) -> usize {
        if self.graphemes {
            text.graphemes(true).count()
        } else {
            text.chars().count()
        }
    }

    /// The length of `post` against this network's limit, if it has one.
    pub fn measure(&self, post: &str, links: &[String]) -> Option<Length> {
        let limit = self.limit?;
        let used = self.length(post, links);
        Some(Length {
            network: self.id,
            label: self.label,
            used,
            limit,
            too_long: used > limit,
        })
    }

    /// The address of this network's share page for `post`: the text
    /// (with its link) for most, only `link` for those that read the
    /// page's preview card. `None` for Mastodon.
    pub fn intent_url(&self, post: &str, link: &str, subject: &str) -> Option<String> {
        match self.intent {
            Intent::Text(prefix) => Some(format!("{prefix}{}", encode(post))),
            Intent::Url(prefix) => Some(format!("{prefix}{}", encode(link))),
            Intent::Email => Some(format!(
                "mailto:?subject={}&body={}",
                encode(subject),
                encode(post)
            )),
            Intent::None => None,
        }
    }
}

/// A post's length on one network, as the kit shows it.
#[derive(Debug, Serialize, Clone)]
pub struct Length {
    pub network: &'static str,
    pub label: &'static str,
    pub used: usize,
    pub limit: usize,
    pub too_long: bool,
}

/// Percent-encode a URL query value (RFC 3986 unreserved characters kept).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3 / 2);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.extend([
                '%',
                HEX[usize::from(b >> 4)] as char,
                HEX[usize::from(b & 15)] as char,
            ]);
        }
    }
    out
}

/// A public address tagged for analytics: `utm_source`/`utm_medium` from
/// hub.yaml, the campaign, and the network it is shared on.
pub fn tagged(url: &str, utm: &Utm, campaign: &str, network: Option<&str>) -> String {
    let mut query = Vec::new();
    if let Some(s) = &utm.source {
        query.push(format!("utm_source={}", encode(s)));
    }
    if let Some(m) = &utm.medium {
        query.push(format!("utm_medium={}", encode(m)));
    }
    query.push(format!("utm_campaign={}", encode(campaign)));
    if let Some(n) = network {
        query.push(format!("utm_content={}", encode(n)));
    }
    format!("{url}?{}", query.join("&"))
}

/// The address a campaign's share kit gives `target` on `network`: the
/// public page, tagged. `check` counts posts with exactly this address.
pub fn kit_link(
    config: &SiteConfig,
    campaign: &str,
    target: LinkTarget<'_>,
    network: &str,
) -> String {
    let route = match target {
        LinkTarget::Campaign => routes::campaign(&CampaignSlug::new(campaign)),
        LinkTarget::Story(slug) => routes::story(&StorySlug::new(slug)),
        LinkTarget::Person(slug) => routes::person(&PersonSlug::new(slug)),
    };
    tagged(
        &route.absolute(config.public_base()),
        &config.share.utm,
        campaign,
        Some(network),
    )
}

/// With per-person tracking on (`share.utm.per_person`) the kit adds the
/// sharer's slug to each link as `utm_term`; a post must fit with the
/// longest slug's, so `check` and the kit's flags count that one.
pub fn longest_person_tag<'a>(
    config: &SiteConfig,
    slugs: impl Iterator<Item = &'a str>,
) -> Option<String> {
    if !config.share.utm.per_person {
        return None;
    }
    let longest = slugs.max_by_key(|s| s.len())?;
    Some(person_tag(longest))
}

/// `&utm_term=<slug>`, as the kit's script appends it to each link.
pub fn person_tag(slug: &str) -> String {
    format!("&utm_term={}", encode(slug))
}

/// What a `{link…}` in a share text points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkTarget<'a> {
    /// `{link}`: the campaign the text belongs to.
    Campaign,
    /// `{link:stories/<slug>}`
    Story(&'a str),
    /// `{link:people/<slug>}`
    Person(&'a str),
}

/// A share text, read: words, and the links between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Link(LinkTarget<'a>),
    /// `{link:…}` naming something a share text cannot link to; kept as
    /// written, and reported by `check`.
    Unknown(&'a str),
}

/// Read a share text into its pieces. Braces that do not start `{link`
/// are ordinary text (a post may well say "{so}").
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    const OPEN: &str = "{link";
    let mut out = Vec::new();
    // Text waiting to be pushed starts at `plain`; the search goes on from `at`.
    let (mut plain, mut at) = (0, 0);
    while let Some(found) = text[at..].find(OPEN) {
        let open = at + found;
        let after = open + OPEN.len();
        let close = text[after..].find(['}', '{']).map(|c| after + c);
        let piece = match close {
            Some(close) if text[close..].starts_with('}') => match &text[after..close] {
                "" => Some(Piece::Link(LinkTarget::Campaign)),
                inside => inside.strip_prefix(':').map(|path| {
                    target(path.trim()).map_or(Piece::Unknown(&text[open..=close]), Piece::Link)
                }),
            },
            _ => None,
        };
        match (piece, close) {
            (Some(piece), Some(close)) => {
                if plain < open {
                    out.push(Piece::Text(&text[plain..open]));
                }
                out.push(piece);
                plain = close + 1;
                at = plain;
            }
            // `{linked}`, or a brace never closed: words, not a link.
            _ => at = after,
        }
    }
    if plain < text.len() {
        out.push(Piece::Text(&text[plain..]));
    }
    out
}

fn target(path: &str) -> Option<LinkTarget<'_>> {
    let path = path.trim_matches('/');
    let (folder, slug) = path.split_once('/')?;
    if slug.is_empty() || slug.contains('/') {
        return None;
    }
    match folder {
        "stories" => Some(LinkTarget::Story(slug)),
        "people" => Some(LinkTarget::Person(slug)),
        _ => None,
    }
}

/// A share text with its links written in: the post, and the addresses in
/// it (which is how a network's count knows what is a link).
pub fn fill(
    pieces: &[Piece<'_>],
    link: impl Fn(LinkTarget<'_>) -> String,
) -> (String, Vec<String>) {
    let mut post = String::new();
    let mut links = Vec::new();
    for piece in pieces {
        match piece {
            Piece::Text(t) | Piece::Unknown(t) => post.push_str(t),
            Piece::Link(target) => {
                let address = link(*target);
                post.push_str(&address);
                links.push(address);
            }
        }
    }
    (post, links)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn x_counts_a_link_as_23_and_bluesky_counts_graphemes() {
        let long_link =
            "https://people.example.org/campaigns/a-very-long-campaign-name/".to_string();
        let post = format!("Join us {long_link}");
        let x = network("x").unwrap();
        assert_eq!(x.length(&post, std::slice::from_ref(&long_link)), 8 + 23);
        let bluesky = network("bluesky").unwrap();
        assert_eq!(
            bluesky.length(&post, std::slice::from_ref(&long_link)),
            8 + long_link.len()
        );
        // A family emoji is one grapheme but five code points.
        let family = "👨‍👩‍👧";
        assert_eq!(bluesky.length(family, &[]), 1);
        assert_eq!(network("threads").unwrap().length(family, &[]), 1);
        assert_eq!(network("mastodon").unwrap().length(family, &[]), 5);
        // Two links, one of which begins the other: each is counted once.
        let short = "https://a.example/x".to_string();
        let longer = "https://a.example/x/y".to_string();
        let both = format!("{longer} and {short}");
        assert_eq!(x.length(&both, &[short, longer]), 23 + 5 + 23);
    }

    #[test]
    fn share_texts_name_the_campaign_stories_and_people() {
        assert_eq!(
            pieces("Read {link:stories/otters} with {link:people/amara-okafor}, then {link}."),
            vec![
                Piece::Text("Read "),
                Piece::Link(LinkTarget::Story("otters")),
                Piece::Text(" with "),
                Piece::Link(LinkTarget::Person("amara-okafor")),
                Piece::Text(", then "),
                Piece::Link(LinkTarget::Campaign),
                Piece::Text("."),
            ]
        );
        assert_eq!(
            pieces("{link:guidelines/x} {linked} {link {link}"),
            vec![
                Piece::Unknown("{link:guidelines/x}"),
                Piece::Text(" {linked} {link "),
                Piece::Link(LinkTarget::Campaign),
            ]
        );
        let (post, links) = fill(&pieces("Ünïcode {link} ✓"), |_| "https://h/c/".into());
        assert_eq!(post, "Ünïcode https://h/c/ ✓");
        assert_eq!(links, ["https://h/c/"]);
    }

    #[test]
    fn share_addresses_carry_the_post_or_only_the_link() {
        let post = "Hi & bye https://h/c/";
        let x = network("x").unwrap().intent_url(post, "https://h/c/", "S");
        assert_eq!(
            x.unwrap(),
            "https://x.com/intent/post?text=Hi%20%26%20bye%20https%3A%2F%2Fh%2Fc%2F"
        );
        let li = network("linkedin")
            .unwrap()
            .intent_url(post, "https://h/c/", "S");
        assert_eq!(
            li.unwrap(),
            "https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fh%2Fc%2F"
        );
        assert!(network("mastodon")
            .unwrap()
            .intent_url(post, "", "")
            .is_none());
    }
}
