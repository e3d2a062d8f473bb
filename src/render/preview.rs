//! What a public page tells link previews and search engines about itself:
//! its description, its Open Graph image and its schema.org data (the
//! charity, breadcrumbs, a campaign as an event). All of it is made from
//! the page's own public data, so it says nothing the page does not show.

use super::context::{json_ld, ImageMeta};
use super::Renderer;
use crate::audience::CampaignView;
use crate::routes::{self, Route};
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{Tag, TagKind, Token, TokenSink, TokenSinkResult};
use serde_json::{json, Value};
use std::cell::{Cell, RefCell};

impl Renderer<'_, '_> {
    /// The charity as schema.org's `NGO`.
    pub(super) fn organisation_ld(&self) -> Value {
        let org = self.site.organisation;
        json!({"@type": "NGO", "name": org.name, "url": org.url, "identifier": org.charity_number})
    }

    /// Open Graph image data for a page: its share card when one was
    /// drawn, else the picture itself when it is a raster image (link
    /// previews ignore SVG) whose size can be read.
    pub(super) fn image_meta(
        &self,
        page: &Route,
        file: Option<&str>,
        alt: &str,
    ) -> Option<ImageMeta> {
        if let Some(card) = self.images.card(page) {
            return Some(ImageMeta {
                url: format!("{}/{}", self.site.files_url, card.url),
                width: card.width as usize,
                height: card.height as usize,
                alt: alt.to_string(),
            });
        }
        let file = self.published(file)?;
        let raster = [".jpg", ".jpeg", ".png", ".webp", ".gif"]
            .iter()
            .any(|e| file.to_ascii_lowercase().ends_with(e));
        let size = self
            .view
            .pictures
            .get(std::path::Path::new(file))
            .filter(|_| raster)?;
        Some(ImageMeta {
            url: format!(
                "{}/{}",
                self.site.files_url,
                routes::static_url(std::path::Path::new(file))
            ),
            width: size.width as usize,
            height: size.height as usize,
            alt: alt.to_string(),
        })
    }

    /// A schema.org `BreadcrumbList` from the home page through `trail`
    /// (name and page, ending with the page itself), so search results show
    /// where a page sits in the hub rather than its bare address.
    pub(super) fn breadcrumbs(&self, trail: &[(&str, &Route)]) -> String {
        let home = routes::home();
        let items: Vec<Value> = std::iter::once((self.site.title.as_ref(), &home))
            .chain(trail.iter().copied())
            .enumerate()
            .map(|(i, (name, page))| {
                json!({
                    "@type": "ListItem",
                    "position": i + 1,
                    "name": name,
                    "item": page.absolute(&self.site.base_url),
                })
            })
            .collect();
        json_ld(&json!({
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": items,
        }))
    }

    /// A campaign in its own words (the first paragraph of its intro as
    /// the page shows it); without any, what and when it is.
    pub(super) fn campaign_description(&self, c: &CampaignView, intro: &str) -> String {
        first_paragraph(intro).unwrap_or_else(|| {
            let org = &self.site.organisation.name;
            match self.theme.speech().span(c.starts, c.ends) {
                Some(when) => self.say(
                    "campaign-description-when",
                    &[("title", c.title), ("org", org), ("when", &when)],
                ),
                None => self.say("campaign-description", &[("title", c.title), ("org", org)]),
            }
        })
    }

    /// A campaign as schema.org sees it: an `Event` when it has a start
    /// date (which an event must have), otherwise a `WebPage`, which
    /// `expires` when the campaign ends.
    pub(super) fn campaign_ld(
        &self,
        c: &CampaignView,
        description: &str,
        image: Option<&ImageMeta>,
    ) -> String {
        let url = routes::campaign(c.slug).absolute(&self.site.base_url);
        let image = image.map(|i| i.url.as_str());
        let ld = match c.starts {
            Some(starts) => json!({
                "@context": "https://schema.org",
                "@type": "Event",
                "name": c.title,
                "description": description,
                "url": url,
                "startDate": starts.iso(),
                "endDate": c.ends.map(|d| d.iso()),
                "organizer": self.organisation_ld(),
                "image": image,
            }),
            None => json!({
                "@context": "https://schema.org",
                "@type": "WebPage",
                "name": c.title,
                "description": description,
                "url": url,
                "expires": c.ends.map(|d| d.iso()),
                "publisher": self.organisation_ld(),
                "image": image,
            }),
        };
        json_ld(&ld)
    }
}

/// The text of the first paragraph (with any text) of rendered HTML, cut
/// to a description's length: what a campaign or guideline says about
/// itself first. Read from the page's HTML rather than its Markdown, so a
/// person left out of the page is left out of its description too.
pub fn first_paragraph(html: &str) -> Option<String> {
    let text = crate::html::tokenize(html, FirstParagraph::default())
        .text
        .take();
    let text = super::search::excerpt(&text);
    (!text.is_empty()).then_some(text)
}

/// Collects the text of the first non-empty `<p>`; html5ever hands tokens
/// over through a shared reference.
#[derive(Default)]
struct FirstParagraph {
    inside: Cell<bool>,
    /// Inside `<script>` or `<style>`, whose text is not prose.
    in_raw: Cell<bool>,
    done: Cell<bool>,
    text: RefCell<String>,
}

impl TokenSink for FirstParagraph {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        if self.done.get() {
            return TokenSinkResult::Continue;
        }
        match token {
            Token::TagToken(Tag { kind, name, .. }) => match (kind, &*name) {
                // Read as a browser would, so `<` in a script is not a tag.
                (TagKind::StartTag, "script" | "style") => {
                    self.in_raw.set(true);
                    let kind = match &*name {
                        "script" => RawKind::ScriptData,
                        _ => RawKind::Rawtext,
                    };
                    return TokenSinkResult::RawData(kind);
                }
                (TagKind::EndTag, "script" | "style") => self.in_raw.set(false),
                (TagKind::StartTag, "p") => self.inside.set(true),
                (TagKind::StartTag, "br") if self.inside.get() => self.text.borrow_mut().push(' '),
                (TagKind::EndTag, "p") => {
                    self.inside.set(false);
                    // A paragraph holding only a picture says nothing: read on.
                    self.done.set(!self.text.borrow().trim().is_empty());
                }
                _ => {}
            },
            Token::CharacterTokens(text) if self.inside.get() && !self.in_raw.get() => {
                self.text.borrow_mut().push_str(&text);
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_paragraph_with_words_is_read_as_text() {
        let html = "<h2>Why</h2>\n<p><img src=\"a.jpg\" alt=\"River\"></p>\n\
                    <p>Otters &amp; <a href=\"x/\">voles</a>\nare <em>back</em>.<br>Come.</p><p>More.</p>";
        assert_eq!(
            first_paragraph(html).as_deref(),
            Some("Otters & voles are back. Come.")
        );
        assert_eq!(first_paragraph("<ul><li>No paragraph</li></ul>"), None);
        assert_eq!(
            first_paragraph("<p>a<script>if (1<p) {}</script>b</p>").as_deref(),
            Some("ab")
        );
    }

    #[test]
    fn a_long_paragraph_is_cut_to_a_description() {
        let long = format!("<p>{}</p>", "word ".repeat(100));
        let text = first_paragraph(&long).unwrap();
        assert!(text.ends_with('…') && text.chars().count() <= 161, "{text}");
    }
}
