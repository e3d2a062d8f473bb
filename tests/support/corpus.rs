//! Synthetic site generator for convene's tests and benchmarks.
//!
//! Dependency-free: it writes an advocacy-hub site in the content format of
//! docs/content.md (`hub.yaml`, `people/`, `stories/`, `guidelines/`,
//! `campaigns/`, `static/`) at any scale, with realistic word lists, front
//! matter and proportions (about 80% of people consenting, 13% of stories
//! hidden). Output is deterministic for a given seed and sizes (its own
//! SplitMix64 generator).
//!
//! Leak checks rely on one invariant: every private value contains a marker
//! `CANARY-<kind>-<n>`, and no public value does. The kinds are listed in
//! `KINDS`: everything about a person who is not on the hub (name, bio,
//! role, team, place, pronouns, topics, photo and its alt text, links),
//! including people whose consent review has passed; every shape of
//! `internal` value; titles, summaries, bodies and images of draft, internal
//! and embargoed stories; internal guidelines' titles, tags and bodies;
//! campaign share texts and staff notes; the metadata inside a photo. After
//! a build, no file under the public output may contain `CANARY-`.

use convene::model::name_slug;
use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::Path;

const FIRST: &str =
    "Amara Ben Chloe Dev Eilidh Femi Grace Hamza Isla Jonah Kiran Leah Malik Niamh \
    Oluwaseun Priya Rhys Saoirse Tomasz Uma Vikram Wren Xavier Yusuf Zoë Siobhán \
    Łukasz Ngozi Aoife Mateo Hana Rosa Callum Fatima Imogen Joss Keziah Lior Mei \
    Nasrin Owain Pádraig Quinn Rania Sofia Tariq Ursula Vivek Winnie Yara";
const LAST: &str =
    "Okafor Hughes Patel Nguyen MacLeod Adeyemi Kowalski O'Brien Campbell Shah Evans \
    Jones Begum Murphy Novak Rossi Williams Ahmed Kaur Brown Davies Hassan Clarke \
    Fernández Nowak Mensah Singh Taylor Wright Morgan Walsh Khan Lewis Roberts Reid \
    Chowdhury Doyle Ellis Fraser Grant Henry Igwe Jansen Kelly Lynch Mahmood";
const TEAMS: &[&str] = &[
    "Fundraising",
    "Campaigns",
    "Policy & Research",
    "Services",
    "Volunteering",
    "Communications",
    "Digital",
    "Finance",
    "People & Culture",
    "Retail",
    "Supporter Care",
    "Partnerships",
    "Legal",
    "Safeguarding",
    "Events",
    "Data & Insight",
    "Youth Programmes",
    "Advice Line",
    "Housing Support",
    "Major Gifts",
    "Trusts & Foundations",
    "Community Engagement",
    "Media Relations",
    "Operations",
];
const ROLES: &[&str] = &[
    "Officer",
    "Lead",
    "Coordinator",
    "Manager",
    "Adviser",
    "Assistant",
    "Specialist",
    "Director",
    "Head",
    "Project Worker",
    "Analyst",
    "Organiser",
];
const TOPICS: &[&str] = &[
    "community fundraising",
    "climate action",
    "housing",
    "mental health",
    "youth work",
    "volunteering",
    "legacy giving",
    "data protection",
    "accessibility",
    "digital inclusion",
    "food poverty",
    "refugee support",
    "carers",
    "loneliness",
    "advocacy",
    "public policy",
    "events",
    "running",
    "cycling challenges",
    "corporate partnerships",
    "grant making",
    "research",
    "safeguarding",
    "retail",
    "sustainability",
    "campaigning",
    "media",
    "storytelling",
    "photography",
    "podcasting",
    "inclusion",
    "LGBTQ+ rights",
    "disability rights",
    "older people",
    "children's rights",
    "education",
    "employability",
    "debt advice",
    "benefits",
    "energy bills",
    "homelessness",
    "addiction recovery",
    "domestic abuse",
    "women's health",
    "men's health",
    "bereavement",
    "dementia",
    "cancer support",
    "heart health",
    "diabetes",
    "sight loss",
    "hearing loss",
    "nature recovery",
    "rivers",
    "urban gardens",
    "arts",
    "music",
    "sport",
    "faith communities",
    "rural communities",
    "migration",
    "human rights",
    "international development",
    "water",
    "sanitation",
    "emergency response",
    "first aid",
    "fundraising events",
    "marathons",
    "trekking",
    "gaming for good",
    "crowdfunding",
    "gift aid",
    "supporter care",
    "major gifts",
    "trusts",
    "payroll giving",
    "workplace giving",
    "open data",
    "AI ethics",
    "cyber security",
];
const PLACES: &[&str] = &[
    "Manchester",
    "Glasgow",
    "Cardiff",
    "Belfast",
    "Bristol",
    "Leeds",
    "London",
    "Newcastle",
    "Norwich",
    "Aberdeen",
    "Swansea",
    "Derry",
    "Plymouth",
    "Hull",
    "Inverness",
    "Birmingham",
    "Leicester",
    "Brighton",
    "Remote",
    "Liverpool",
];
const NETWORKS: &[&str] = &[
    "linkedin",
    "bluesky",
    "mastodon",
    "instagram",
    "threads",
    "x",
    "facebook",
    "website",
];
const WORDS: &str = "we our people community support change together local help families young \
    time every year work team volunteers raise funds campaign story share voice \
    listen learn better services across region partners trust open honest care \
    impact hope build safe warm home school health right fair future small big \
    moment first because after before during why how what when where who many \
    first-hand reason hard proud spring winter summer autumn walk run cook talk \
    meet friends neighbours town city village morning evening weekend";
const TAGS: &[&str] = &[
    "tone",
    "escalation",
    "safeguarding",
    "crisis",
    "personal accounts",
    "elections",
    "privacy",
    "images",
    "accessibility",
];
const LANGS: &[(&str, &str)] = &[
    ("html", "<a class=\"share\" href=\"https://example.org/donate?utm_source=staff\">\n  Donate to our appeal\n</a>\n"),
    ("yaml", "signature:\n  name: Your Name\n  role: Your role\n  pronouns: they/them\n"),
    ("json", "{\n  \"campaign\": \"winter-appeal\",\n  \"hashtags\": [\"WinterAppeal\", \"Together\"]\n}\n"),
    ("text", "Thanks so much for your message. I've passed this to our supporter care\nteam, who will reply within two working days.\n"),
    ("markdown", "**Do** reply from your own account when it is your topic.\n**Don't** share case details, even anonymised.\n"),
];
const TABLE: &str = "| Situation | Who responds | Within |\n|---|---|---|\n\
    | Praise | Anyone | 1 day |\n| Question on your topic | Level 2+ | 1 day |\n\
    | Complaint | Supporter care | 4 hours |\n| Media enquiry | Press office | 1 hour |";
const HUB_YAML: &str = "title: Riverside Trust People\n\
    description: Meet the people behind Riverside Trust and the change we make together.\n\
    base_url: https://people.riverside.example\n\
    playbook_base_url: https://playbook.riverside.example\n\
    language: en-GB\n\
    organisation:\n  name: Riverside Trust\n  charity_number: \"1234567\"\n  url: https://riverside.example\n\
    share:\n  networks: [linkedin, bluesky, mastodon, facebook, x, threads, whatsapp, email]\n\
    \x20 utm: {source: staff, medium: social}\n\
    brand: {logo: photos/placeholder.svg, accent: \"#1f5f63\", second: \"#3b5a80\"}\n\
    footer:\n  contact: mailto:hello@riverside.example\n  privacy: https://riverside.example/privacy\n\
    \x20 social: {mastodon: https://mastodon.example/@riversidetrust}\n";
const PLACEHOLDER_SVG: &str =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\">\
    <circle cx=\"32\" cy=\"32\" r=\"30\" fill=\"#2a7\"/></svg>\n";

/// Every kind of private value the generator marks, as `CANARY-<kind>-<n>`.
pub const KINDS: &[&str] = &[
    "name",
    "bio",
    "role",
    "team",
    "place",
    "pronouns",
    "topic",
    "photo",
    "alt",
    "link",
    "expired",
    "email",
    "phone",
    "slack",
    "note",
    "desk",
    "emergency",
    "language",
    "draft",
    "draft-title",
    "draft-summary",
    "internal-story",
    "internal-title",
    "internal-summary",
    "embargo",
    "embargo-title",
    "embargo-summary",
    "story-image",
    "story-notes",
    "guideline",
    "guideline-title",
    "guideline-tag",
    "share",
    "campaign-notes",
    "exif",
    "xmp",
    "jpeg-comment",
];

/// A tiny JPEG (8 × 8), made by the `image` crate once.
const TINY_JPEG: &[u8] = &[
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x02, 0x00, 0x00, 0x01,
    0x00, 0x01, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x08, 0x00, 0x08, 0x03, 0x01, 0x11,
    0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xff, 0xdb, 0x00, 0x43, 0x00, 0x0d, 0x09, 0x0a, 0x0b,
    0x0a, 0x08, 0x0d, 0x0b, 0x0a, 0x0b, 0x0e, 0x0e, 0x0d, 0x0f, 0x13, 0x20, 0x15, 0x13, 0x12, 0x12,
    0x13, 0x27, 0x1c, 0x1e, 0x17, 0x20, 0x2e, 0x29, 0x31, 0x30, 0x2e, 0x29, 0x2d, 0x2c, 0x33, 0x3a,
    0x4a, 0x3e, 0x33, 0x36, 0x46, 0x37, 0x2c, 0x2d, 0x40, 0x57, 0x41, 0x46, 0x4c, 0x4e, 0x52, 0x53,
    0x52, 0x32, 0x3e, 0x5a, 0x61, 0x5a, 0x50, 0x60, 0x4a, 0x51, 0x52, 0x4f, 0xff, 0xdb, 0x00, 0x43,
    0x01, 0x0e, 0x0e, 0x0e, 0x13, 0x11, 0x13, 0x26, 0x15, 0x15, 0x26, 0x4f, 0x35, 0x2d, 0x35, 0x4f,
    0x4f, 0x4f, 0x4f, 0x4f, 0x4f, 0x4f, 0x4f, 0x4f, 0x4f, 0x4f, 0x4f, 0x4f, 0x4f, 0x4f, 0x4f, 0x4f,
    0x4f, 0x4f, 0x4f, 0x4f, 0x4f, 0x4f, 0x4f, 0x4f, 0x4f, 0x4f, 0x4f, 0x4f, 0x4f, 0x4f, 0x4f, 0x4f,
    0x4f, 0x4f, 0x4f, 0x4f, 0x4f, 0x4f, 0x4f, 0x4f, 0x4f, 0x4f, 0x4f, 0x4f, 0x4f, 0x4f, 0x4f, 0x4f,
    0x4f, 0xff, 0xc4, 0x00, 0x1f, 0x00, 0x00, 0x01, 0x05, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09,
    0x0a, 0x0b, 0xff, 0xc4, 0x00, 0xb5, 0x10, 0x00, 0x02, 0x01, 0x03, 0x03, 0x02, 0x04, 0x03, 0x05,
    0x05, 0x04, 0x04, 0x00, 0x00, 0x01, 0x7d, 0x01, 0x02, 0x03, 0x00, 0x04, 0x11, 0x05, 0x12, 0x21,
    0x31, 0x41, 0x06, 0x13, 0x51, 0x61, 0x07, 0x22, 0x71, 0x14, 0x32, 0x81, 0x91, 0xa1, 0x08, 0x23,
    0x42, 0xb1, 0xc1, 0x15, 0x52, 0xd1, 0xf0, 0x24, 0x33, 0x62, 0x72, 0x82, 0x09, 0x0a, 0x16, 0x17,
    0x18, 0x19, 0x1a, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a,
    0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5a,
    0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a,
    0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99,
    0x9a, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7,
    0xb8, 0xb9, 0xba, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2, 0xd3, 0xd4, 0xd5,
    0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xf1,
    0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa, 0xff, 0xc4, 0x00, 0x1f, 0x01, 0x00, 0x03,
    0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01,
    0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0xff, 0xc4, 0x00, 0xb5, 0x11, 0x00,
    0x02, 0x01, 0x02, 0x04, 0x04, 0x03, 0x04, 0x07, 0x05, 0x04, 0x04, 0x00, 0x01, 0x02, 0x77, 0x00,
    0x01, 0x02, 0x03, 0x11, 0x04, 0x05, 0x21, 0x31, 0x06, 0x12, 0x41, 0x51, 0x07, 0x61, 0x71, 0x13,
    0x22, 0x32, 0x81, 0x08, 0x14, 0x42, 0x91, 0xa1, 0xb1, 0xc1, 0x09, 0x23, 0x33, 0x52, 0xf0, 0x15,
    0x62, 0x72, 0xd1, 0x0a, 0x16, 0x24, 0x34, 0xe1, 0x25, 0xf1, 0x17, 0x18, 0x19, 0x1a, 0x26, 0x27,
    0x28, 0x29, 0x2a, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49,
    0x4a, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69,
    0x6a, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88,
    0x89, 0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6,
    0xa7, 0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3, 0xc4,
    0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xe2,
    0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9,
    0xfa, 0xff, 0xda, 0x00, 0x0c, 0x03, 0x01, 0x00, 0x02, 0x11, 0x03, 0x11, 0x00, 0x3f, 0x00, 0xab,
    0x67, 0x1f, 0x4a, 0xda, 0xa6, 0x0b, 0xc8, 0x58, 0x29, 0x6c, 0x7f, 0xff, 0xd9,
];

/// A photo as a phone leaves it: EXIF (a place, an owner), an XMP packet
/// and a comment, all marked, around a real JPEG.
fn camera_jpeg() -> Vec<u8> {
    let segment = |marker: u8, payload: &[u8]| {
        let mut s = vec![0xFF, marker];
        s.extend_from_slice(&((payload.len() + 2) as u16).to_be_bytes());
        s.extend_from_slice(payload);
        s
    };
    let exif = [
        &b"Exif\0\0MM\0*\0\0\0\x08\0\0"[..],
        b"GPS 51.5074N 0.1278W CANARY-exif-1 owner",
    ]
    .concat();
    let xmp = b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><dc:creator>CANARY-xmp-1</dc:creator></x:xmpmeta>";
    // After the start-of-image mark and the JFIF segment (20 bytes).
    let mut jpeg = TINY_JPEG[..20].to_vec();
    jpeg.extend(segment(0xE1, &exif));
    jpeg.extend(segment(0xE1, xmp));
    jpeg.extend(segment(0xFE, b"CANARY-jpeg-comment-1"));
    jpeg.extend_from_slice(&TINY_JPEG[20..]);
    jpeg
}

/// How many items of each kind to generate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sizes {
    pub people: usize,
    pub stories: usize,
    pub guidelines: usize,
    pub campaigns: usize,
}

impl Sizes {
    /// The benchmark scale (the Python script's defaults).
    pub fn bench() -> Self {
        Sizes {
            people: 5000,
            stories: 2000,
            guidelines: 200,
            campaigns: 40,
        }
    }

    /// The benchmark scale multiplied by `f` (at least one campaign), like `--scale`.
    pub fn scaled(f: f64) -> Self {
        let b = Self::bench();
        let s = |n: usize| (n as f64 * f) as usize;
        Sizes {
            people: s(b.people),
            stories: s(b.stories),
            guidelines: s(b.guidelines),
            campaigns: s(b.campaigns).max(1),
        }
    }
}

/// What `generate` wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub people: usize,
    pub public_people: usize,
    pub stories: usize,
    pub guidelines: usize,
    pub campaigns: usize,
    /// Every file written, including hub.yaml and the placeholder photo.
    pub files: usize,
}

/// Slugify like the Python: lowercase ASCII letters and digits are kept, every run of
/// anything else becomes one dash, leading and trailing dashes are dropped
/// ("Zoë Okafor" -> "zo-okafor"). Labels' pages are named this way.
pub fn slugify(s: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for ch in s.chars().flat_map(char::to_lowercase) {
        if ch.is_ascii_alphanumeric() {
            out.push(ch);
            dash = false;
        } else if !dash && !out.is_empty() {
            out.push('-');
            dash = true;
        }
    }
    out.trim_matches('-').to_string()
}

/// Quote a string as a YAML double-quoted scalar.
fn yq(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A YAML flow list of quoted strings: `["a", "b"]`.
fn yq_list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|t| yq(t)).collect();
    format!("[{}]", quoted.join(", "))
}

/// The first `n` characters of `s`.
fn prefix(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// SplitMix64: small, fast, deterministic.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() as u128 * n as u128) >> 64) as usize
    }
    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    /// True with probability `p`.
    fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    /// `k` distinct elements in random order (`k <= xs.len()`).
    fn sample<'a, T>(&mut self, xs: &'a [T], k: usize) -> Vec<&'a T> {
        let mut idx: Vec<usize> = (0..xs.len()).collect();
        for i in 0..k {
            let j = i + self.below(idx.len() - i);
            idx.swap(i, j);
        }
        idx[..k].iter().map(|&i| &xs[i]).collect()
    }
}

/// Random prose.
struct Gen {
    r: Rng,
    words: Vec<&'static str>,
}

impl Gen {
    /// `lo..=hi` words, capitalised, ending in `.`, `!` or `?`.
    fn sentence(&mut self, lo: usize, hi: usize) -> String {
        let n = self.r.range(lo, hi);
        let words: Vec<&str> = (0..n).map(|_| *self.r.pick(&self.words)).collect();
        let s = words.join(" ");
        let mut chars = s.chars();
        let first = chars
            .next()
            .map(|c| c.to_uppercase().collect::<String>())
            .unwrap_or_default();
        format!(
            "{first}{}{}",
            chars.as_str(),
            self.r.pick(&[".", ".", ".", "!", "?"])
        )
    }

    /// A sentence without its final punctuation (for titles and headings).
    fn phrase(&mut self, lo: usize, hi: usize) -> String {
        let mut s = self.sentence(lo, hi);
        s.pop();
        s
    }

    /// A paragraph, maybe with a "Read more" link to one of `links` (text, target),
    /// an emphasised sentence and an external link.
    fn para(&mut self, links: &[(String, String)]) -> String {
        let n = self.r.range(2, 6);
        let mut parts: Vec<String> = (0..n).map(|_| self.sentence(6, 16)).collect();
        if !links.is_empty() && self.r.chance(0.7) {
            let (text, target) = self.r.pick(links);
            let at = self.r.range(0, parts.len());
            parts.insert(at, format!("Read more from [{text}]({target})."));
        }
        if self.r.chance(0.3) {
            let i = self.r.below(parts.len());
            let mut p = std::mem::take(&mut parts[i]);
            let last = p.pop().unwrap_or('.');
            parts[i] = format!("*{p}*{last}");
        }
        if self.r.chance(0.2) {
            parts.push("See [our annual report](https://example.org/annual-report).".to_string());
        }
        parts.join(" ")
    }

    /// `lo..=hi` paragraphs separated by blank lines.
    fn paras(&mut self, lo: usize, hi: usize, links: &[(String, String)]) -> String {
        let n = self.r.range(lo, hi);
        (0..n)
            .map(|_| self.para(links))
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

struct Person {
    slug: String,
    name: String,
    /// On the public hub: consented, and the consent review not passed.
    public: bool,
    /// Consented once, but the review date has passed: private now.
    expired: bool,
}

/// Write `---\nfront matter\n---\n\nbody` (the body already ends with its newline).
fn write_page(path: &Path, fm: &[String], body: &str, files: &mut usize) -> io::Result<()> {
    *files += 1;
    fs::write(path, format!("---\n{}\n---\n\n{}", fm.join("\n"), body))
}

/// Generate a site at `out` (removed first if it exists). Deterministic for a given
/// `sizes` and `seed`.
pub fn generate(out: &Path, sizes: &Sizes, seed: u64) -> io::Result<Summary> {
    if out.is_dir() {
        fs::remove_dir_all(out)?;
    } else if out.exists() {
        fs::remove_file(out)?;
    }
    for d in [
        "people",
        "stories",
        "guidelines",
        "campaigns",
        "static/photos",
    ] {
        fs::create_dir_all(out.join(d))?;
    }
    fs::write(out.join("hub.yaml"), HUB_YAML)?;
    fs::write(out.join("static/photos/placeholder.svg"), PLACEHOLDER_SVG)?;
    fs::write(out.join("static/photos/camera.jpg"), camera_jpeg())?;
    let mut files = 3;
    // A file only private items use must stay off the hub: its name and
    // its bytes carry the marker.
    let private_files = std::cell::Cell::new(0);
    let private_file = |rel: String, marker: &str| -> io::Result<String> {
        private_files.set(private_files.get() + 1);
        let path = out.join("static").join(&rel);
        fs::create_dir_all(path.parent().unwrap_or(out))?;
        fs::write(
            &path,
            PLACEHOLDER_SVG.replace("</svg>", &format!("<title>{marker}</title></svg>")),
        )?;
        Ok(rel)
    };

    let first: Vec<&str> = FIRST.split_whitespace().collect();
    let last: Vec<&str> = LAST.split_whitespace().collect();
    let initials: Vec<char> = "ABCDEFGHJKLMNPRSTW".chars().collect();
    let mut g = Gen {
        r: Rng(seed),
        words: WORDS.split_whitespace().collect(),
    };

    // Names, campaign titles and story titles first, so pages can link to each other.
    let mut people: Vec<Person> = Vec::with_capacity(sizes.people);
    let mut used = HashSet::new();
    for i in 0..sizes.people {
        let (f, l) = (*g.r.pick(&first), *g.r.pick(&last));
        let mut name = format!("{f} {l}");
        if used.contains(&name_slug(&name)) {
            // Two people may share a name: add a middle initial.
            name = format!("{f} {}. {l}", g.r.pick(&initials));
        }
        // Profiles are named as `convene new` names them ("Zoë" -> "zoe"),
        // so `check` finds no mangled file names in the corpus.
        if used.contains(&name_slug(&name)) {
            name = format!("{name} ({i})");
        }
        let slug = name_slug(&name);
        used.insert(slug.clone());
        let consented = g.r.chance(0.8);
        // Some consented once, but their review date has passed.
        let expired = consented && g.r.chance(0.04);
        let public = consented && !expired;
        if !public {
            let kind = if expired { "expired" } else { "name" };
            name = format!("{name} CANARY-{kind}-{i}");
        }
        people.push(Person {
            slug,
            name,
            public,
            expired,
        });
    }
    let camps: Vec<(String, String)> = (0..sizes.campaigns)
        .map(|c| {
            let season = g.r.pick(&["Winter", "Spring", "Summer", "Autumn"]);
            let kind =
                g.r.pick(&["Appeal", "Walk", "Challenge", "Campaign", "Week of Action"]);
            let title = format!("{season} {kind} {} {c}", 2020 + c % 7);
            (slugify(&title), title)
        })
        .collect();
    // Each story's slug, title, date and, for a story that is not on the
    // hub, why: a draft, internal or embargoed.
    let stories: Vec<(String, String, String, Option<&str>)> = (0..sizes.stories)
        .map(|s| {
            let title = g.phrase(4, 9);
            let date = format!("20{:02}-{:02}-{:02}", 20 + s % 7, 1 + s % 12, 1 + s % 28);
            let slug = format!(
                "{date}-{}-{s}",
                prefix(&slugify(&title), 40).trim_matches('-')
            );
            let hidden = match g.r.below(100) {
                0..=4 => Some("draft"),
                5..=9 => Some("internal"),
                10..=12 => Some("embargo"),
                _ => None,
            };
            let title = match hidden {
                Some(kind) => format!("{title} CANARY-{kind}-title-{s}"),
                None => title,
            };
            (slug, title, date, hidden)
        })
        .collect();
    let person_links: Vec<(String, String)> = people
        .iter()
        .take(200)
        .map(|p| (p.name.clone(), format!("../people/{}.md", p.slug)))
        .collect();
    // A link keeps its words where its story is not on the hub, so a hidden
    // story is linked without its title.
    let story_links: Vec<(String, String)> = stories
        .iter()
        .take(200)
        .map(|(slug, title, _, hidden)| {
            let text = match hidden {
                Some(_) => "an earlier story".to_string(),
                None => prefix(title, 30),
            };
            (text, format!("../stories/{slug}.md"))
        })
        .collect();

    for (i, p) in people.iter().enumerate() {
        let k = g.r.range(1, 6);
        let mut topics: Vec<String> =
            g.r.sample(TOPICS, k)
                .into_iter()
                .map(|t| t.to_string())
                .collect();
        let team = *g.r.pick(TEAMS);
        let (slug, name) = (&p.slug, &p.name);
        // What a person who is not on the hub has is marked, field by field.
        let mark = |kind: &str| match p.public {
            true => String::new(),
            false => format!(" CANARY-{kind}-{i}"),
        };
        if !p.public {
            topics.push(format!("CANARY-topic-{i}"));
        }
        let topics: Vec<&str> = topics.iter().map(String::as_str).collect();
        let mut fm = vec![
            format!("name: {}", yq(name)),
            format!(
                "role: {}",
                yq(&format!("{team} {}{}", g.r.pick(ROLES), mark("role")))
            ),
            format!("team: {}", yq(&format!("{team}{}", mark("team")))),
            format!(
                "location: {}",
                yq(&format!("{}{}", g.r.pick(PLACES), mark("place")))
            ),
            format!(
                "pronouns: {}",
                yq(&format!(
                    "{}{}",
                    g.r.pick(&["she/her", "he/him", "they/them", "she/they"]),
                    mark("pronouns")
                ))
            ),
            format!("topics: {}", yq_list(&topics)),
            format!("public: {}", p.public || p.expired),
        ];
        if p.expired {
            fm.push("consent_review: 2020-01-01".to_string());
        } else if p.public && g.r.chance(0.2) {
            fm.push("consent_review: 2099-01-01".to_string());
        }
        if g.r.chance(0.7) {
            let photo = match (p.public, g.r.chance(0.3)) {
                (false, true) => private_file(
                    format!("photos/CANARY-photo-{i}.svg"),
                    &format!("CANARY-photo-{i}"),
                )?,
                (true, true) if i % 7 == 0 => "photos/camera.jpg".to_string(),
                _ => "photos/placeholder.svg".to_string(),
            };
            fm.push(format!("photo: {photo}"));
            fm.push(format!(
                "photo_alt: {}",
                yq(&format!("Portrait of {name}{}", mark("alt")))
            ));
        }
        let k = g.r.range(0, 4);
        let nets = g.r.sample(NETWORKS, k);
        if !nets.is_empty() {
            fm.push("links:".to_string());
            let private_path = match p.public {
                true => String::new(),
                false => format!("/CANARY-link-{i}"),
            };
            fm.extend(
                nets.iter()
                    .map(|n| format!("  {n}: https://{n}.example/{slug}{private_path}")),
            );
        }
        fm.push(format!(
            "responding_level: {}",
            g.r.pick(&[1, 1, 2, 2, 2, 3])
        ));
        let k = g.r.range(0, topics.len());
        fm.push(format!("responds_on: {}", yq_list(&topics[..k])));
        let manager = &people[(i * 7 + 3) % people.len()].slug;
        fm.extend([
            "internal:".to_string(),
            format!("  email: {slug}.CANARY-email-{i}@riverside.example"),
            format!("  phone: \"CANARY-phone-{i} +44 7700 9{:05}\"", i % 100_000),
            format!("  slack: \"@{slug} CANARY-slack-{i}\""),
            format!("  manager: {manager}"),
            format!("  notes: \"CANARY-note-{i}: prefers morning calls\""),
            // Every shape a free-form map takes: a custom key, a nested
            // map, a list.
            format!("  desk: \"CANARY-desk-{i}\""),
            "  emergency:".to_string(),
            format!("    name: \"CANARY-emergency-{i} contact\""),
            format!(
                "    phone: \"+44 7700 8{:05} CANARY-emergency-{i}\"",
                i % 100_000
            ),
            format!("  languages: [\"CANARY-language-{i}-a\", \"CANARY-language-{i}-b\"]"),
        ]);
        let mut body = g.paras(1, 4, &story_links);
        if !p.public {
            body += &format!("\n\nA line from the bio: CANARY-bio-{i}.");
        }
        if g.r.chance(0.4) {
            body += "\n\n**Ask me about:**\n\n";
            body += &topics
                .iter()
                .map(|t| format!("- {t}"))
                .collect::<Vec<_>>()
                .join("\n");
        }
        body.push('\n');
        write_page(
            &out.join("people").join(format!("{slug}.md")),
            &fm,
            &body,
            &mut files,
        )?;
    }

    for (c, (cslug, ctitle)) in camps.iter().enumerate() {
        let w: Vec<&str> = ctitle.split(' ').collect();
        let year = 20 + c % 7;
        let fm = vec![
            format!("title: {}", yq(ctitle)),
            format!("starts: 20{year:02}-0{}-01", 1 + c % 9),
            format!("ends: 20{year:02}-{:02}-28", 3 + c % 9),
            format!("hashtags: [{}{}, Riverside]", w[0], w[1]),
            "cta:".to_string(),
            format!("  text: {}", yq(&format!("Join {ctitle}"))),
            format!("  url: https://riverside.example/{cslug}"),
            "share:".to_string(),
            format!(
                "  - {}",
                yq(&format!(
                    "I am proud to support {ctitle} - join me: {{link}} CANARY-share-{c}"
                ))
            ),
            format!(
                "  - {}",
                yq(&format!(
                    "Why I care about {}: {{link}} #Riverside",
                    ctitle.to_lowercase()
                ))
            ),
            format!("staff_notes: \"CANARY-campaign-notes-{c}: budget is confidential\""),
        ];
        let body = g.paras(2, 5, &person_links) + "\n";
        write_page(
            &out.join("campaigns").join(format!("{cslug}.md")),
            &fm,
            &body,
            &mut files,
        )?;
    }

    let public_people: Vec<&Person> = people.iter().filter(|p| p.public).collect();
    let private_people: Vec<&Person> = people.iter().filter(|p| !p.public).collect();
    for (s, (sslug, title, date, hidden)) in stories.iter().enumerate() {
        let k = g.r.range(1, 4).min(public_people.len());
        let mut cast: Vec<&str> =
            g.r.sample(&public_people, k)
                .iter()
                .map(|p| p.slug.as_str())
                .collect();
        // A private person named in a story: must not be named or linked publicly.
        if g.r.chance(0.1) && !private_people.is_empty() {
            cast.push(&g.r.pick(&private_people).slug);
        }
        let k = g.r.range(1, 3);
        let topics: Vec<&str> = g.r.sample(TOPICS, k).into_iter().copied().collect();
        let mut fm = vec![format!("title: {}", yq(title)), format!("date: {date}")];
        if !camps.is_empty() {
            fm.push(format!("campaign: {}", camps[s % camps.len()].0));
        }
        fm.push(format!("people: [{}]", cast.join(", ")));
        fm.push(format!("topics: {}", yq_list(&topics)));
        let summary = g.sentence(6, 16);
        let secret = match hidden {
            Some("draft") => {
                fm.push("draft: true".to_string());
                format!("CANARY-draft-{s}")
            }
            Some("internal") => {
                fm.push("audience: internal".to_string());
                format!("CANARY-internal-story-{s}")
            }
            Some(_) => {
                fm.push("publish_after: 2099-01-01T09:00:00Z".to_string());
                format!("CANARY-embargo-{s}")
            }
            None => String::new(),
        };
        match hidden {
            Some(kind) => {
                fm.push(format!(
                    "summary: {}",
                    yq(&format!("{summary} CANARY-{kind}-summary-{s}"))
                ));
                if g.r.chance(0.5) {
                    let marker = format!("CANARY-story-image-{s}");
                    let image = private_file(format!("images/{marker}.svg"), &marker)?;
                    fm.push(format!("image: {image}"));
                    fm.push("image_alt: A picture from the day".to_string());
                }
            }
            None => fm.push(format!("summary: {}", yq(&summary))),
        }
        // Some public stories have a picture, which their cards show (no
        // draw: the rest of the corpus stays as it was).
        if hidden.is_none() && s % 5 == 1 {
            fm.push("image: photos/placeholder.svg".to_string());
            fm.push("image_alt: A moment from the day".to_string());
        }
        if g.r.chance(0.3) {
            fm.push(format!(
                "staff_notes: \"CANARY-story-notes-{s}: do not quote the family's surname\""
            ));
        }
        let mut sections = Vec::new();
        for _ in 0..g.r.range(2, 5) {
            let heading = g.phrase(2, 6);
            sections.push(format!("## {heading}\n\n{}", g.paras(1, 3, &person_links)));
            if g.r.chance(0.3) {
                sections.push(format!("> {}", g.sentence(8, 20)));
            }
            if g.r.chance(0.2) {
                sections
                    .push("![A moment from the day](../static/photos/placeholder.svg)".to_string());
            }
        }
        let mut body = sections.join("\n\n");
        if !secret.is_empty() {
            // Only stories that never reach the public hub carry a body canary.
            body += &format!("\n\nThis paragraph is confidential: {secret}.\n");
        }
        body.push('\n');
        write_page(
            &out.join("stories").join(format!("{sslug}.md")),
            &fm,
            &body,
            &mut files,
        )?;
    }

    for i in 0..sizes.guidelines {
        let title = format!("{} {i}", g.phrase(2, 5));
        let public = g.r.chance(0.15);
        let tags: Vec<&str> = g.r.sample(TAGS, 2).into_iter().copied().collect();
        let (title, tags) = match public {
            true => (
                title,
                tags.iter().map(|t| t.to_string()).collect::<Vec<_>>(),
            ),
            false => {
                let mut tags: Vec<String> = tags.iter().map(|t| t.to_string()).collect();
                tags.push(format!("CANARY-guideline-tag-{i}"));
                (format!("{title} CANARY-guideline-title-{i}"), tags)
            }
        };
        let tags: Vec<&str> = tags.iter().map(String::as_str).collect();
        let mut fm = vec![
            format!("title: {}", yq(&title)),
            format!("order: {i}"),
            format!("audience: {}", if public { "public" } else { "internal" }),
            format!("tags: {}", yq_list(&tags)),
        ];
        // An owner for most guidelines, taken in turn (no draw, so the rest
        // of the corpus stays as it was): public guidelines get people off
        // the hub too, whose names must stay off it.
        if i % 5 != 4 && !people.is_empty() {
            fm.push(format!("owner: {}", people[(i * 7) % people.len()].slug));
            fm.push(format!(
                "reviewed: 2026-{:02}-{:02}",
                1 + i % 10,
                1 + i % 28
            ));
        }
        let mut parts = Vec::new();
        for _ in 0..g.r.range(2, 6) {
            let heading = g.phrase(2, 5);
            parts.push(format!("## {heading}\n\n{}", g.para(&[])));
            if g.r.chance(0.5) {
                let (lang, code) = g.r.pick(LANGS);
                parts.push(format!("```{lang}\n{code}```"));
            }
            if g.r.chance(0.3) {
                parts.push(TABLE.to_string());
            }
            if g.r.chance(0.3) {
                let n = g.r.range(2, 5);
                let items: Vec<String> = (0..n)
                    .map(|k| format!("{}. {}", k + 1, g.sentence(4, 10)))
                    .collect();
                parts.push(items.join("\n"));
            }
        }
        if !public {
            parts.push(format!("Internal escalation line: CANARY-guideline-{i}."));
        }
        let body = parts.join("\n\n") + "\n";
        let path = out
            .join("guidelines")
            .join(format!("{}.md", slugify(&title)));
        write_page(&path, &fm, &body, &mut files)?;
    }

    // The home page features someone who never consented, someone whose
    // consent lapsed and a draft, beside public picks: the hub must show
    // only the public ones.
    let first = |want: fn(&Person) -> bool| people.iter().find(|p| want(p)).map(|p| &p.slug);
    let featured_people: Vec<&String> = [
        first(|p| !p.public && !p.expired),
        first(|p| p.expired),
        first(|p| p.public),
    ]
    .into_iter()
    .flatten()
    .collect();
    let story_slug = |want: fn(Option<&str>) -> bool| {
        stories
            .iter()
            .find(|(_, _, _, hidden)| want(*hidden))
            .map(|(sslug, ..)| sslug[11..].to_string())
    };
    let featured_stories: Vec<String> = [
        story_slug(|h| h == Some("draft")),
        story_slug(|h| h == Some("embargo")),
        story_slug(|h| h.is_none()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let featured = format!(
        "featured:\n  people: [{}]\n  stories: [{}]\n",
        featured_people
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        featured_stories.join(", ")
    );
    fs::write(out.join("hub.yaml"), format!("{HUB_YAML}{featured}"))?;

    Ok(Summary {
        people: people.len(),
        public_people: public_people.len(),
        stories: stories.len(),
        guidelines: sizes.guidelines,
        campaigns: camps.len(),
        files: files + private_files.get(),
    })
}
