//! Synthetic site generator for convene's tests and benchmarks.
//!
//! A dependency-free port of `shared/bench/gen_corpus.py`: it writes an advocacy-hub
//! site in the content format of DESIGN.md (`hub.yaml`, `people/`, `stories/`,
//! `guidelines/`, `campaigns/`, `static/photos/placeholder.svg`) with the same word
//! lists, front-matter keys and probabilities as the Python script. Output is
//! deterministic for a given seed and sizes (it uses its own SplitMix64 generator,
//! so it is not byte-identical to the Python).
//!
//! Leak checks rely on one invariant: every private value (a person's `internal`
//! map, `staff_notes`, the bodies of draft / internal / embargoed stories and of
//! internal guidelines) contains the marker `CANARY-`, and no public value does.
//! After a build, no file under the public output may contain `CANARY-`.

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
    \x20 utm: {source: staff, medium: social}\n";
const PLACEHOLDER_SVG: &str =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\">\
    <circle cx=\"32\" cy=\"32\" r=\"30\" fill=\"#2a7\"/></svg>\n";

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
/// ("Zoë Okafor" -> "zo-okafor").
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
    public: bool,
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
    let mut files = 2;

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
        if used.contains(&slugify(&name)) {
            // Two people may share a name: add a middle initial.
            name = format!("{f} {}. {l}", g.r.pick(&initials));
        }
        if used.contains(&slugify(&name)) {
            name = format!("{name} ({i})");
        }
        let slug = slugify(&name);
        used.insert(slug.clone());
        let public = g.r.chance(0.8);
        people.push(Person { slug, name, public });
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
    let stories: Vec<(String, String, String)> = (0..sizes.stories)
        .map(|s| {
            let title = g.phrase(4, 9);
            let date = format!("20{:02}-{:02}-{:02}", 20 + s % 7, 1 + s % 12, 1 + s % 28);
            let slug = format!(
                "{date}-{}-{s}",
                prefix(&slugify(&title), 40).trim_matches('-')
            );
            (slug, title, date)
        })
        .collect();
    let person_links: Vec<(String, String)> = people
        .iter()
        .take(200)
        .map(|p| (p.name.clone(), format!("../people/{}.md", p.slug)))
        .collect();
    let story_links: Vec<(String, String)> = stories
        .iter()
        .take(200)
        .map(|(slug, title, _)| (prefix(title, 30), format!("../stories/{slug}.md")))
        .collect();

    for (i, p) in people.iter().enumerate() {
        let k = g.r.range(1, 6);
        let topics: Vec<&str> = g.r.sample(TOPICS, k).into_iter().copied().collect();
        let team = *g.r.pick(TEAMS);
        let (slug, name) = (&p.slug, &p.name);
        let mut fm = vec![
            format!("name: {}", yq(name)),
            format!("role: {}", yq(&format!("{team} {}", g.r.pick(ROLES)))),
            format!("team: {}", yq(team)),
            format!("location: {}", g.r.pick(PLACES)),
            format!(
                "pronouns: {}",
                g.r.pick(&["she/her", "he/him", "they/them", "she/they"])
            ),
            format!("topics: {}", yq_list(&topics)),
            format!("public: {}", p.public),
        ];
        if g.r.chance(0.7) {
            fm.push("photo: photos/placeholder.svg".to_string());
            fm.push(format!("photo_alt: {}", yq(&format!("Portrait of {name}"))));
        }
        let k = g.r.range(0, 4);
        let nets = g.r.sample(NETWORKS, k);
        if !nets.is_empty() {
            fm.push("links:".to_string());
            fm.extend(
                nets.iter()
                    .map(|n| format!("  {n}: https://{n}.example/{slug}")),
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
        ]);
        let mut body = g.paras(1, 4, &story_links);
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
                    "I am proud to support {ctitle} - join me: {{link}}"
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
    for (s, (sslug, title, date)) in stories.iter().enumerate() {
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
        fm.push(format!("summary: {}", yq(&g.sentence(6, 16))));
        let kind = g.r.below(100);
        let secret = if kind < 5 {
            fm.push("draft: true".to_string());
            format!("CANARY-draft-{s}")
        } else if kind < 10 {
            fm.push("audience: internal".to_string());
            format!("CANARY-internal-story-{s}")
        } else if kind < 13 {
            fm.push("publish_after: 2099-01-01T09:00:00Z".to_string());
            format!("CANARY-embargo-{s}")
        } else {
            String::new()
        };
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
        let fm = vec![
            format!("title: {}", yq(&title)),
            format!("order: {i}"),
            format!("audience: {}", if public { "public" } else { "internal" }),
            format!("tags: {}", yq_list(&tags)),
        ];
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

    Ok(Summary {
        people: people.len(),
        public_people: public_people.len(),
        stories: stories.len(),
        guidelines: sizes.guidelines,
        campaigns: camps.len(),
        files,
    })
}
