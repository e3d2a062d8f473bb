//! Share cards: the 1200×630 picture a link unfurls with on LinkedIn,
//! Bluesky, Mastodon and the rest. The theme's `share_card.svg` template
//! lays a card out; here its text is wrapped to fit and it is drawn with
//! resvg and the bundled Inter font, so every machine draws the same card.

use resvg::{tiny_skia, usvg};
use serde::Serialize;
use std::path::Path;
use std::sync::Arc;

/// The size every network's large link preview expects.
pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

const INTER_REGULAR: &[u8] = include_bytes!("../../themes/default/fonts/Inter-Regular.otf");
const INTER_BOLD: &[u8] = include_bytes!("../../themes/default/fonts/Inter-Bold.otf");

/// Room for text beside a photo, and across the card without one. The
/// default template places text from x=80; see share_card.svg.
const TEXT_WIDTH_BESIDE_PHOTO: f32 = 600.0;
const TEXT_WIDTH_FULL: f32 = 1040.0;
/// Font sizes (px) the default template uses for each part.
const TITLE_SIZE: f32 = 64.0;
const SUBTITLE_SIZE: f32 = 34.0;

/// What a card says, ready for the template: lines already wrapped.
#[derive(Serialize)]
pub struct CardText {
    /// "person", "story", "campaign" or "topic".
    pub kind: &'static str,
    pub title: Vec<String>,
    pub subtitle: Vec<String>,
    pub organisation: String,
    pub site_title: String,
    /// The picture as a file name inside the image cache, if any.
    pub photo: Option<String>,
    /// Shown in place of a photo.
    pub initial: String,
    /// The charity's logo as a file name inside the image cache, if any.
    pub logo: Option<String>,
    /// The charity's accent colour (`#rrggbb`), if hub.yaml gives one.
    pub accent: Option<String>,
    pub width: u32,
    pub height: u32,
}

impl CardText {
    pub fn new(
        kind: &'static str,
        title: &str,
        subtitle: &str,
        organisation: &str,
        site_title: &str,
        photo: Option<String>,
        painter: &Painter,
    ) -> CardText {
        let width = if photo.is_some() {
            TEXT_WIDTH_BESIDE_PHOTO
        } else {
            TEXT_WIDTH_FULL
        };
        CardText {
            kind,
            title: wrap(&painter.bold, title, TITLE_SIZE, width, 3),
            subtitle: wrap(&painter.regular, subtitle, SUBTITLE_SIZE, width, 3),
            organisation: organisation.to_string(),
            site_title: site_title.to_string(),
            photo,
            initial: title
                .chars()
                .next()
                .map(|c| c.to_uppercase().collect())
                .unwrap_or_default(),
            logo: None,
            accent: None,
            width: WIDTH,
            height: HEIGHT,
        }
    }

    /// The card in the charity's brand: its logo (a file in the image
    /// cache) and accent colour.
    pub fn with_brand(mut self, logo: Option<&str>, accent: Option<&str>) -> CardText {
        self.logo = logo.map(str::to_string);
        self.accent = accent.map(str::to_string);
        self
    }
}

/// Draws cards; made once per build and shared by every thread.
pub struct Painter {
    options: usvg::Options<'static>,
    regular: ttf_parser::Face<'static>,
    bold: ttf_parser::Face<'static>,
}

impl Painter {
    /// `pictures` is the folder that card templates' `href`s are relative
    /// to: the image cache, where each photo's largest thumbnail is.
    pub fn new(pictures: &Path) -> Painter {
        let mut fonts = usvg::fontdb::Database::new();
        fonts.load_font_data(INTER_REGULAR.to_vec());
        fonts.load_font_data(INTER_BOLD.to_vec());
        // Whatever family a template or an SVG photo asks for, draw with
        // Inter: the only font every machine building the site has.
        fonts.set_sans_serif_family("Inter");
        fonts.set_serif_family("Inter");
        fonts.set_monospace_family("Inter");
        fonts.set_cursive_family("Inter");
        fonts.set_fantasy_family("Inter");
        let options = usvg::Options {
            resources_dir: Some(pictures.to_path_buf()),
            font_family: "Inter".into(),
            fontdb: Arc::new(fonts),
            ..usvg::Options::default()
        };
        let face = |data| ttf_parser::Face::parse(data, 0).expect("the bundled font parses");
        Painter {
            options,
            regular: face(INTER_REGULAR),
            bold: face(INTER_BOLD),
        }
    }

    /// Draw `svg` over `pixmap` (a blank card, or a copy of a layer).
    pub(super) fn draw(
        &self,
        svg: &str,
        mut pixmap: tiny_skia::Pixmap,
    ) -> Result<tiny_skia::Pixmap, String> {
        let tree = usvg::Tree::from_str(svg, &self.options).map_err(|e| e.to_string())?;
        let size = tree.size();
        let scale = tiny_skia::Transform::from_scale(
            WIDTH as f32 / size.width(),
            HEIGHT as f32 / size.height(),
        );
        resvg::render(&tree, scale, &mut pixmap.as_mut());
        Ok(pixmap)
    }
}

/// A card before anything is drawn: white, so that whatever a template
/// leaves transparent is white in the JPEG (which has no transparency).
pub(super) fn blank() -> Result<tiny_skia::Pixmap, String> {
    let mut pixmap = tiny_skia::Pixmap::new(WIDTH, HEIGHT).ok_or("the card has no size")?;
    pixmap.fill(tiny_skia::Color::WHITE);
    Ok(pixmap)
}

/// Width of `text` in pixels at `size`, from the font's advances.
fn measure(face: &ttf_parser::Face, text: &str, size: f32) -> f32 {
    let scale = size / f32::from(face.units_per_em());
    text.chars()
        .map(|c| {
            face.glyph_index(c)
                .and_then(|g| face.glyph_hor_advance(g))
                .map_or(size * 0.6, |a| f32::from(a) * scale)
        })
        .sum()
}

/// Break `text` into at most `max_lines` lines that fit `width`, word by
/// word (a word too long for a line is cut), ending with "…" when the text
/// does not fit.
fn wrap(
    face: &ttf_parser::Face,
    text: &str,
    size: f32,
    width: f32,
    max_lines: usize,
) -> Vec<String> {
    let fits = |s: &str| measure(face, s, size) <= width;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if fits(&candidate) {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // A single word wider than the line is cut where it stops fitting.
        for c in word.chars() {
            line.push(c);
            if !fits(&line) {
                line.pop();
                lines.push(std::mem::take(&mut line));
                line.push(c);
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        let last = &mut lines[max_lines - 1];
        while !last.is_empty() && !fits(&format!("{last}…")) {
            last.pop();
        }
        *last = format!("{}…", last.trim_end());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn painter() -> Painter {
        Painter::new(Path::new("."))
    }

    #[test]
    fn text_wraps_to_the_width_and_ellipsis_ends_what_does_not_fit() {
        let p = painter();
        let lines = wrap(&p.bold, "Amara Okafor", TITLE_SIZE, TEXT_WIDTH_FULL, 3);
        assert_eq!(lines, vec!["Amara Okafor"]);
        let long = "How our volunteers rebuilt the riverside community garden after the floods of the winter and what comes next for the town";
        let lines = wrap(&p.bold, long, TITLE_SIZE, TEXT_WIDTH_BESIDE_PHOTO, 3);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with('…'), "{lines:?}");
        for l in &lines {
            assert!(
                measure(&p.bold, l, TITLE_SIZE) <= TEXT_WIDTH_BESIDE_PHOTO,
                "{l}"
            );
        }
        let joined = lines.join(" ");
        assert!(long.starts_with(joined.trim_end_matches('…').trim_end()));
    }

    #[test]
    fn a_word_longer_than_a_line_is_cut() {
        let p = painter();
        let word = "W".repeat(60);
        let lines = wrap(&p.bold, &word, TITLE_SIZE, TEXT_WIDTH_BESIDE_PHOTO, 20);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), word);
    }

    #[test]
    fn a_card_is_the_same_bytes_on_every_machine() {
        // Pinned: text, a curve, a gradient and a photo-like area, drawn
        // and encoded. If an update of resvg or jpeg-encoder changes these
        // bytes, bump CARD_LAYOUT in images/mod.rs and pin the new hash.
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630">
<defs><linearGradient id="g"><stop offset="0" stop-color="#0c6b50"/><stop offset="1" stop-color="#f0c419"/></linearGradient></defs>
<rect width="1200" height="630" fill="#fbf8f3"/><circle cx="930" cy="285" r="214" fill="url(#g)"/>
<text x="80" y="150" font-family="Inter" font-weight="700" font-size="64" fill="#1c2628">Zoë Brontë</text>
<text x="80" y="240" font-family="Inter" font-size="34" fill="#434d51">Łukasz · 3 stories</text></svg>"##;
        let jpeg =
            super::super::jpeg::encode(&painter().draw(svg, blank().unwrap()).unwrap()).unwrap();
        let mut h = siphasher::sip128::SipHasher13::new_with_keys(0, 0);
        std::hash::Hasher::write(&mut h, &jpeg);
        use siphasher::sip128::Hasher128;
        assert_eq!(
            (jpeg.len(), format!("{:032x}", h.finish128().as_u128())),
            (31499, "63aaaeecd9543e003dfe75da02a21a65".to_string())
        );
    }

    #[test]
    fn a_card_is_drawn_at_1200_by_630() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630"><rect width="1200" height="630" fill="#0c6b50"/><text x="80" y="200" font-size="64" fill="#fff">Amara</text></svg>"##;
        let pixels = painter().draw(svg, blank().unwrap()).unwrap();
        let img = image::load_from_memory(&super::super::jpeg::encode(&pixels).unwrap()).unwrap();
        assert_eq!((img.width(), img.height()), (WIDTH, HEIGHT));
        assert!(painter().draw("<svg", blank().unwrap()).is_err());
    }
}
