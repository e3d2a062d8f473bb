//! One function per page kind: gather the page's typed context from the
//! view, then hand it to its template.

use super::context::*;
use super::preview;
use super::share::{self, ShareLink};
use super::{OutputFile, Renderer};
use crate::images::{Images, Picture};
use crate::model::Audience;
use crate::routes::{self, Facet, Route};
use crate::Error;
use serde::Serialize;
use std::borrow::Cow;

#[derive(Serialize)]
struct PersonPrivateCtx<'a> {
    public: bool,
    /// Consented, but the review date has passed: off the hub until renewed.
    consent_lapsed: bool,
    consent_review: Option<String>,
    responding_level: Option<i64>,
    responding_label: Option<String>,
    responds_on: &'a [String],
    internal: Vec<super::contact::ContactCtx>,
    /// Their email signature's page, from the site root.
    signature: String,
}

#[derive(Serialize)]
struct PersonPage<'a> {
    person: PersonCard<'a>,
    topics: Vec<LinkCtx>,
    team_url: Option<String>,
    place_url: Option<String>,
    related: Vec<Cow<'a, str>>,
    share: Option<ShareBlock>,
    vcard: Option<String>,
    qr: Option<String>,
    bio: String,
    links: Vec<LinkCtx>,
    stories: Vec<Cow<'a, str>>,
    private: Option<PersonPrivateCtx<'a>>,
}

#[derive(Serialize)]
struct StoryPage<'a> {
    story: StoryCard<'a>,
    body: String,
    share: Option<ShareBlock>,
    people: Vec<Cow<'a, str>>,
    topics: Vec<LinkCtx>,
    image: Option<PictureCtx>,
    image_alt: Option<&'a str>,
    staff_notes: Option<&'a str>,
}

#[derive(Serialize)]
struct CampaignPage<'a> {
    campaign: CampaignCard<'a>,
    intro: String,
    hashtags: &'a [String],
    cta: Option<LinkCtx>,
    stories: Vec<Cow<'a, str>>,
    share_kit: Option<String>,
    staff_notes: Option<&'a str>,
}

#[derive(Serialize)]
struct CampaignsIndex<'a> {
    campaigns: Vec<CampaignCard<'a>>,
}

/// Share buttons for a public page.
#[derive(Serialize)]
struct ShareBlock {
    url: String,
    links: Vec<ShareLink>,
    mastodon_text: String,
}

#[derive(Serialize)]
struct Redirect {
    target: String,
}

impl Renderer<'_, '_> {
    pub(super) fn page<T: Serialize>(
        &self,
        template: &str,
        route: &Route,
        ctx: &PageCtx<T>,
    ) -> Result<OutputFile, Error> {
        let chrome = self
            .chromes
            .get(self.theme, &self.site, &ctx.root, ctx.section)?;
        let html = self.theme.render_framed(template, ctx, &*chrome)?;
        Ok(OutputFile {
            path: route.file(),
            bytes: html.into_bytes(),
        })
    }

    pub(super) fn is_public(&self) -> bool {
        self.view.audience == Audience::Public
    }

    /// Share links for the networks in hub.yaml, on the public hub only.
    fn share_block(&self, route: &Route, text: &str, subject: &str) -> Option<ShareBlock> {
        if !self.is_public() {
            return None;
        }
        let url = route.absolute(&self.site.base_url);
        let text = text.trim_end_matches([',', ' ']);
        let networks = &self.view.config.share.networks;
        Some(ShareBlock {
            links: networks
                .iter()
                .filter_map(|n| share::intent(n, &url, text, subject))
                .collect(),
            mastodon_text: share::post_with_link(&url, text),
            url,
        })
    }

    /// `file`, if it is in static/ (validation reported it otherwise).
    pub(super) fn published<'f>(&self, file: Option<&'f str>) -> Option<&'f str> {
        file.filter(|f| self.statics.contains(std::path::Path::new(f)))
    }

    /// A photo or story image as this site shows it: its resized versions
    /// when images were made, otherwise the file as it is in static/.
    pub(super) fn picture(
        &self,
        file: Option<&str>,
        resized: for<'i> fn(&'i Images, &str) -> Option<&'i Picture>,
    ) -> Option<PictureCtx> {
        let file = self.published(file)?;
        // Templates put a picture after `root`, the root of this
        // language's pages; pictures are at the site root, `up` above it.
        let up = self.site.up;
        let Some(picture) = resized(self.images, file) else {
            // Size unknown (0): reading it would open the file for every
            // card on every list page; see `with_size` for the one page
            // that needs it.
            return Some(PictureCtx {
                src: format!("{up}{}", routes::static_url(std::path::Path::new(file))),
                width: 0,
                height: 0,
                srcset: Vec::new(),
            });
        };
        // The middle size is a fair default for browsers that ignore srcset.
        let fallback = &picture.variants[picture.variants.len() / 2];
        Some(PictureCtx {
            src: format!("{up}{}", fallback.url),
            width: fallback.width,
            height: fallback.height,
            srcset: picture
                .variants
                .iter()
                .rev()
                .map(|d| SourceCtx {
                    url: format!("{up}{}", d.url),
                    width: d.width,
                })
                .collect(),
        })
    }

    /// A picture that was not resized, with the size its header gave the
    /// survey, so the story page keeps its place while the image loads.
    fn with_size(&self, mut picture: PictureCtx, file: Option<&str>) -> PictureCtx {
        if picture.width == 0 {
            let found = self
                .view
                .pictures
                .get(std::path::Path::new(file.unwrap_or("")));
            if let Some(size) = found {
                picture.width = size.width;
                picture.height = size.height;
            }
        }
        picture
    }

    /// The absolute address of the largest version of a picture, for
    /// schema.org data.
    fn picture_url(
        &self,
        file: Option<&str>,
        resized: for<'i> fn(&'i Images, &str) -> Option<&'i Picture>,
    ) -> Option<String> {
        let file = self.published(file)?;
        let largest = match resized(self.images, file) {
            Some(picture) => picture.variants.first()?.url.clone(),
            None => routes::static_url(std::path::Path::new(file)),
        };
        Some(format!("{}/{largest}", self.site.files_url))
    }

    pub(super) fn person(&self, i: usize) -> Result<OutputFile, Error> {
        let p = &self.view.people[i];
        let route = routes::person(p.slug);
        let root = route.root();
        let stories = self
            .stories_by_person
            .get(p.slug.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let page = PersonPage {
            person: person_card(p, self.picture(p.photo, Images::photo), self.theme.speech()),
            topics: self.term_links(Facet::Topic, p.topics),
            team_url: p
                .team
                .and_then(|t| self.taxonomy(Facet::Team).route(t))
                .map(|r| r.url().to_string()),
            place_url: p
                .location
                .and_then(|l| self.taxonomy(Facet::Place).route(l))
                .map(|r| r.url().to_string()),
            related: self.person_cards(self.related(i).iter().copied(), &root)?,
            share: self.share_block(
                &route,
                &self.say(
                    "person-share-text",
                    &[
                        ("name", p.name),
                        ("role", &p.role.unwrap_or("").to_lowercase()),
                    ],
                ),
                p.name,
            ),
            vcard: self.is_public().then(|| {
                routes::person_vcard(p.slug)
                    .url()
                    .trim_start_matches(route.url())
                    .to_string()
            }),
            qr: self.is_public().then(|| {
                self.images
                    .qr_code(&route)
                    .filter(|_| self.site.up.is_empty())
                    .unwrap_or_else(|| {
                        crate::images::qr::qr_svg(&route.absolute(&self.site.base_url))
                    })
            }),
            bio: self.markdown(p.body, &root),
            links: p
                .links
                .iter()
                .map(|(n, url)| LinkCtx {
                    text: crate::sharing::label(n),
                    url: url.clone(),
                })
                .collect(),
            stories: self.story_cards(stories.iter().copied(), &root)?,
            private: p.private.as_ref().map(|x| PersonPrivateCtx {
                public: x.public,
                consent_lapsed: x.public && !x.on_hub,
                consent_review: x.consent_review.map(|d| self.theme.speech().date(d)),
                responding_level: x.responding_level,
                responding_label: x
                    .responding_level
                    .map(|l| responding_label(l, self.theme.speech())),
                responds_on: x.responds_on,
                internal: self.contacts(x.internal, None),
                signature: routes::signature(p.slug).url().to_string(),
            }),
        };
        let summary = [p.role, p.team]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
        let who = match summary.is_empty() {
            true => p.name.to_string(),
            false => format!("{}, {summary}", p.name),
        };
        let description = self.say(
            "profile-description",
            &[
                ("who", &who),
                ("organisation", &self.site.organisation.name),
            ],
        );
        let ctx = PageCtx::new(&self.site, &route, "people", p.name.to_string(), page)
            .words_in(p.words_lang)
            .describe(Some(&description));
        // The card shows the name, role and charity: its description says so.
        let card_alt = match self.images.card(&route) {
            Some(_) => description.clone(),
            None => p.photo_alt.unwrap_or(p.name).to_string(),
        };
        let image = self.image_meta(&route, p.photo, &card_alt);
        let person = serde_json::json!({
            "@type": "Person",
            "name": p.name,
            "url": route.absolute(&self.site.base_url),
            "jobTitle": p.role,
            "worksFor": self.organisation_ld(),
            "knowsAbout": p.topics,
            "sameAs": p.links.values().collect::<Vec<_>>(),
            // The person's own photo, not the share card.
            "image": self.picture_url(p.photo, Images::photo),
        });
        let ld = serde_json::json!({"@context": "https://schema.org", "@type": "ProfilePage", "mainEntity": person});
        let people = self.say("people-title", &[]);
        let trail = [(people.as_str(), &routes::people_index()), (p.name, &route)];
        let mut ctx = ctx.with_meta(Meta {
            og_type: "profile",
            image,
            json_ld: vec![json_ld(&ld), self.breadcrumbs(&trail)],
        });
        if !self
            .stories_by_person
            .get(p.slug.as_str())
            .is_none_or(Vec::is_empty)
        {
            ctx.feeds.push(LinkCtx {
                text: self.say("person-stories", &[("name", p.name)]),
                url: routes::person_feed(p.slug).url().to_string(),
            });
        }
        self.page("person.html", &route, &ctx)
    }

    pub(super) fn story(&self, i: usize) -> Result<OutputFile, Error> {
        let s = &self.view.stories[i];
        let route = routes::story(s.slug);
        let root = route.root();
        let people = self.person_cards(
            s.people
                .iter()
                .filter_map(|slug| self.person_index.get(slug.as_str()).copied()),
            &root,
        )?;
        let page = StoryPage {
            // The page shows the image in full under the title.
            story: story_card(s, None, self.theme.speech()),
            body: self.markdown(s.body, &root),
            share: self.share_block(&route, s.title, s.title),
            people,
            topics: self.term_links(Facet::Topic, s.topics),
            image: self
                .picture(s.image, Images::story_image)
                .map(|p| self.with_size(p, s.image)),
            image_alt: s.image_alt,
            staff_notes: s.private.as_ref().and_then(|x| x.staff_notes),
        };
        // Without a summary, the story's own first words, not the site's.
        let opening = s
            .summary
            .is_none()
            .then(|| preview::first_paragraph(&page.body));
        let ctx = PageCtx::new(&self.site, &route, "stories", s.title.to_string(), page)
            .words_in(s.words_lang)
            .describe(s.summary.or(opening.flatten().as_deref()));
        let card_alt = match self.images.card(&route) {
            Some(_) => format!("{} – {}", s.title, self.site.organisation.name),
            None => s.image_alt.unwrap_or("").to_string(),
        };
        let image = self.image_meta(&route, s.image, &card_alt);
        let people: Vec<serde_json::Value> = s
            .people
            .iter()
            .filter_map(|slug| self.person_index.get(slug.as_str()))
            .map(|&i| {
                let p = &self.view.people[i];
                serde_json::json!({"@type": "Person", "name": p.name, "url": routes::person(p.slug).absolute(&self.site.base_url)})
            })
            .collect();
        let ld = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": s.title,
            "description": s.summary,
            "datePublished": s.date.iso(),
            "url": route.absolute(&self.site.base_url),
            "author": people.first().cloned().unwrap_or_else(|| self.organisation_ld()),
            "mentions": people,
            "publisher": self.organisation_ld(),
            // The story's own picture when it has one, else its card.
            "image": self
                .picture_url(s.image, Images::story_image)
                .or_else(|| image.as_ref().map(|i| i.url.clone())),
        });
        let stories = self.say("stories-title", &[]);
        let trail = [
            (stories.as_str(), &routes::stories_index()),
            (s.title, &route),
        ];
        let ctx = ctx.with_meta(Meta {
            og_type: "article",
            image,
            json_ld: vec![json_ld(&ld), self.breadcrumbs(&trail)],
        });
        self.page("story.html", &route, &ctx)
    }

    pub(super) fn campaigns_index(&self) -> Result<OutputFile, Error> {
        let route = routes::campaigns_index();
        let page = CampaignsIndex {
            campaigns: self
                .view
                .campaigns
                .iter()
                .map(|c| campaign_card(c, self.theme.speech()))
                .collect(),
        };
        let description = self.say(
            "campaigns-description",
            &[("org", &self.site.organisation.name)],
        );
        let title = self.say("campaigns-title", &[]);
        let ctx =
            PageCtx::new(&self.site, &route, "campaigns", title, page).describe(Some(&description));
        self.page("campaigns.html", &route, &ctx)
    }

    pub(super) fn campaign(&self, i: usize) -> Result<OutputFile, Error> {
        let c = &self.view.campaigns[i];
        let route = routes::campaign(c.slug);
        let root = route.root();
        let stories = self
            .stories_by_campaign
            .get(c.slug.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let page = CampaignPage {
            campaign: campaign_card(c, self.theme.speech()),
            intro: self.markdown(c.body, &root),
            hashtags: c.hashtags,
            cta: c.cta.map(|cta| LinkCtx {
                text: cta.text.clone(),
                url: cta.url.clone(),
            }),
            stories: self.story_cards(stories.iter().copied(), &root)?,
            share_kit: c
                .private
                .as_ref()
                .filter(|x| !x.share.is_empty())
                .map(|_| "share/".to_string()),
            staff_notes: c.private.as_ref().and_then(|x| x.staff_notes),
        };
        let description = self.campaign_description(c, &page.intro);
        let card_alt = format!("{} – {}", c.title, self.site.organisation.name);
        let image = self.image_meta(&route, None, &card_alt);
        let ld = self.campaign_ld(c, &description, image.as_ref());
        let campaigns = self.say("campaigns-title", &[]);
        let trail = [
            (campaigns.as_str(), &routes::campaigns_index()),
            (c.title, &route),
        ];
        let ctx = PageCtx::new(&self.site, &route, "campaigns", c.title.to_string(), page)
            .words_in(c.words_lang)
            .describe(Some(&description))
            .with_meta(Meta {
                og_type: "website",
                image,
                json_ld: vec![ld, self.breadcrumbs(&trail)],
            });
        self.page("campaign.html", &route, &ctx)
    }

    pub(super) fn not_found(&self) -> Result<OutputFile, Error> {
        let route = routes::not_found();
        let description = self.say("not-found-description", &[("site", &self.site.title)]);
        let title = self.say("not-found-title", &[]);
        let mut ctx = PageCtx::new(&self.site, &route, "", title, ()).describe(Some(&description));
        // A 404 page is served at any depth, so its links start from the
        // site's own path rather than from where the page happens to be.
        ctx.root = format!("{}/", url_path(&self.site.base_url).trim_end_matches('/'));
        ctx.site_root = ctx.root.clone();
        self.page("404.html", &route, &ctx)
    }

    /// The accessibility statement: what the theme guarantees and how it
    /// is tested (the template's words), and where to report a problem.
    pub(super) fn accessibility(&self) -> Result<OutputFile, Error> {
        let route = routes::accessibility();
        let description = format!(
            "How {} is made for everyone to use, how that is tested, and how to tell us about a problem.",
            self.site.title
        );
        let ctx = PageCtx::new(
            &self.site,
            &route,
            "accessibility",
            "Accessibility statement".into(),
            (),
        )
        .describe(Some(&description));
        self.page("accessibility.html", &route, &ctx)
    }

    /// The theme's stylesheets and scripts, with the charity's colours
    /// (hub.yaml's `brand:`) set at the end of `convene.css`: a file, not
    /// a `<style>` element, so a strict Content-Security-Policy holds.
    pub(super) fn assets(&self) -> Vec<OutputFile> {
        let mut assets = self.theme.assets();
        let palette = crate::brand::palette(&self.view.config.brand).css();
        let stylesheet = std::path::PathBuf::from(routes::asset("convene.css"));
        if let Some(css) = assets.iter_mut().find(|f| f.path == stylesheet) {
            css.bytes.extend_from_slice(palette.as_bytes());
        }
        assets
    }

    /// Old addresses (`aliases`) redirect to the page's current one.
    pub(super) fn aliases(&self) -> Result<Vec<OutputFile>, Error> {
        let people = self.view.people.iter().flat_map(|p| {
            p.aliases
                .iter()
                .map(move |a| (routes::person_alias(a), routes::person(p.slug)))
        });
        let stories = self.view.stories.iter().flat_map(|s| {
            s.aliases
                .iter()
                .map(move |a| (routes::story_alias(a), routes::story(s.slug)))
        });
        people
            .chain(stories)
            .map(|(from, to)| {
                let target = format!("{}{}", from.root(), to.url());
                let title = self.say("moved", &[]);
                let mut ctx = PageCtx::new(&self.site, &from, "", title, Redirect { target });
                ctx.canonical = to.absolute(&self.site.base_url);
                self.page("alias.html", &from, &ctx)
            })
            .collect()
    }

    pub(super) fn robots(&self) -> OutputFile {
        let text = match self.view.audience {
            // The playbook must never be indexed, even if its host is public by mistake.
            Audience::Playbook => "User-agent: *\nDisallow: /\n".to_string(),
            Audience::Public => "User-agent: *\nAllow: /\n".to_string(),
        };
        OutputFile {
            path: routes::robots().file(),
            bytes: text.into_bytes(),
        }
    }
}

/// `https://a.example/hub/` -> `/hub/`.
fn url_path(base: &str) -> &str {
    let without_scheme = base.split_once("://").map_or(base, |(_, rest)| rest);
    without_scheme
        .find('/')
        .map_or("", |i| &without_scheme[i..])
}
