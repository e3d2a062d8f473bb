//! Share cards drawn in layers. Most of a card is the same on thousands of
//! cards: the background, the footer with the organisation's name, a logo,
//! often the same placeholder photo. SVG paints its elements in the order
//! they are written, each over the ones before, so the leading top-level
//! elements that several cards share can be drawn once, as a layer, and
//! each card then draws only the rest of itself over a copy of that layer.
//!
//! Nothing here knows what a template says: the layers are found by
//! comparing the cards' own SVG, so a site's own `share_card.svg` is drawn
//! in layers too, and a template that could look different when cut (one
//! with a stylesheet, or a root element whose opacity or filter would
//! apply to the whole card) is drawn whole. Either way every pixel is the
//! one drawing the card in one go gives (the tests compare them).

use super::card::{self, Painter};
use super::jpeg::{self, Bands};
use rayon::prelude::*;
use resvg::tiny_skia::Pixmap;
use resvg::usvg::roxmltree;
use siphasher::sip128::{Hasher128, SipHasher13};
use std::collections::HashMap;
use std::hash::Hasher;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

/// The cards of one build, each drawn over the largest layer it shares
/// with another card.
pub struct Layered<'a> {
    painter: &'a Painter,
    cards: Vec<Card<'a>>,
    layers: Vec<Layer>,
    order: Vec<usize>,
}

struct Card<'a> {
    svg: &'a str,
    over: Option<Over>,
}

/// The layer a card is drawn over: its elements are those of the card's
/// SVG from `head` (the end of the root's start tag) to `end`.
struct Over {
    layer: usize,
    head: usize,
    end: usize,
}

/// Leading elements that several cards share, drawn (and encoded) by the
/// first card that needs them and dropped when the last one is drawn, so
/// only a few layers (3 MB each) are held at any time.
struct Layer {
    svg: String,
    /// Cards still to be drawn over it.
    users: AtomicUsize,
    drawn: Mutex<Drawn>,
}

enum Drawn {
    NotYet,
    Ready(Arc<(Pixmap, Bands)>),
    /// Could not be drawn: its cards are drawn whole, and say why.
    Failed,
}

impl<'a> Layered<'a> {
    /// Work out which layers `cards` share. Cheap next to drawing: each
    /// card's SVG is read once, and nothing is drawn yet.
    pub fn plan(painter: &'a Painter, cards: Vec<&'a str>) -> Layered<'a> {
        let cuts: Vec<Option<Cut>> = cards.par_iter().map(|svg| Cut::of(svg)).collect();
        let mut shared: HashMap<u128, usize> = HashMap::new();
        for cut in cuts.iter().flatten() {
            for key in &cut.keys {
                *shared.entry(*key).or_default() += 1;
            }
        }
        let mut layers: Vec<Layer> = Vec::new();
        let mut layer_of: HashMap<u128, usize> = HashMap::new();
        let cards: Vec<Card> = cards
            .into_iter()
            .zip(cuts)
            .map(|(svg, cut)| {
                // The longest run of leading elements another card has too.
                let over = cut.and_then(|cut| {
                    let at = (0..cut.keys.len())
                        .rev()
                        .find(|&i| shared[&cut.keys[i]] > 1)?;
                    let end = cut.ends[at];
                    let layer = *layer_of.entry(cut.keys[at]).or_insert_with(|| {
                        layers.push(Layer {
                            svg: format!("{}{}", &svg[..end], &svg[cut.tail..]),
                            users: AtomicUsize::new(0),
                            drawn: Mutex::new(Drawn::NotYet),
                        });
                        layers.len() - 1
                    });
                    layers[layer].users.fetch_add(1, Ordering::Relaxed);
                    Some(Over {
                        layer,
                        head: cut.head,
                        end,
                    })
                });
                Card { svg, over }
            })
            .collect();
        // Cards over the same layer one after another, so each layer is
        // needed only for a short while.
        let mut order: Vec<usize> = (0..cards.len()).collect();
        order.sort_by_key(|&i| cards[i].over.as_ref().map_or(usize::MAX, |o| o.layer));
        Layered {
            painter,
            cards,
            layers,
            order,
        }
    }

    /// The cards' indices in the order that keeps the fewest layers alive:
    /// draw them in this order (in parallel is fine).
    pub fn order(&self) -> &[usize] {
        &self.order
    }

    /// How many layers the cards share (for tests and measurements).
    #[cfg(test)]
    pub fn layer_count(&self) -> usize {
        self.layers.len()
    }

    /// Draw card `i` as JPEG bytes.
    pub fn paint(&self, i: usize) -> Result<Vec<u8>, String> {
        let card = &self.cards[i];
        let Some(over) = &card.over else {
            return jpeg::encode(&self.painter.draw(card.svg, card::blank()?)?);
        };
        let layer = &self.layers[over.layer];
        let painted = match layer.get(self.painter) {
            Some(base) => {
                let (pixels, bands) = &*base;
                self.draw_over(card, over, pixels)
                    .and_then(|drawn| jpeg::encode_over(&drawn, pixels, bands))
            }
            None => card::blank()
                .and_then(|blank| self.painter.draw(card.svg, blank))
                .and_then(|drawn| jpeg::encode(&drawn)),
        };
        layer.release();
        painted
    }

    /// The pixels of card `i`, drawn over its layer when it has one.
    #[cfg(test)]
    fn pixels(&self, i: usize) -> Result<Pixmap, String> {
        let card = &self.cards[i];
        let Some(over) = &card.over else {
            return self.painter.draw(card.svg, card::blank()?);
        };
        let layer = &self.layers[over.layer];
        let drawn = match layer.get(self.painter) {
            Some(base) => self.draw_over(card, over, &base.0),
            None => card::blank().and_then(|blank| self.painter.draw(card.svg, blank)),
        };
        layer.release();
        drawn
    }

    /// Draw what `card` has beyond its layer over a copy of the layer.
    fn draw_over(&self, card: &Card, over: &Over, layer: &Pixmap) -> Result<Pixmap, String> {
        let (svg, head, end) = (card.svg, over.head, over.end);
        // The layer's elements stay in the document as `defs`, not drawn,
        // so what the rest refers to (a clip path, a gradient) is still there.
        let rest = format!(
            "{}<defs>{}</defs>{}",
            &svg[..head],
            &svg[head..end],
            &svg[end..]
        );
        self.painter.draw(&rest, Pixmap::clone(layer))
    }
}

impl Layer {
    /// The layer's pixels, drawn now if no card has needed them yet
    /// (other cards wanting the same layer wait: they need it too).
    fn get(&self, painter: &Painter) -> Option<Arc<(Pixmap, Bands)>> {
        let mut drawn = self.drawn.lock().unwrap_or_else(PoisonError::into_inner);
        if let Drawn::NotYet = *drawn {
            let made = card::blank()
                .and_then(|blank| painter.draw(&self.svg, blank))
                .and_then(|pixmap| {
                    let bands = Bands::of(&jpeg::encode(&pixmap)?)?;
                    Ok((pixmap, bands))
                });
            *drawn = match made {
                Ok(layer) => Drawn::Ready(Arc::new(layer)),
                Err(_) => Drawn::Failed,
            };
        }
        match &*drawn {
            Drawn::Ready(pixmap) => Some(Arc::clone(pixmap)),
            _ => None,
        }
    }

    /// One card fewer to draw over it; the last one frees its memory.
    fn release(&self) {
        if self.users.fetch_sub(1, Ordering::AcqRel) == 1 {
            let mut drawn = self.drawn.lock().unwrap_or_else(PoisonError::into_inner);
            if let Drawn::Ready(_) = *drawn {
                *drawn = Drawn::NotYet;
            }
        }
    }
}

/// Where a card's SVG may be cut into a layer and the rest.
struct Cut {
    /// The end of the root's start tag: where its elements begin.
    head: usize,
    /// After each top-level element where a cut is safe: its end...
    ends: Vec<usize>,
    /// ...and a key for everything before it.
    keys: Vec<u128>,
    /// The start of what follows the last element (the root's end tag).
    tail: usize,
}

/// Attributes of the root element that apply to the card as a whole
/// (drawn into a group of its own and then blended), which cutting it
/// into layers would change.
const WHOLE_CARD_ATTRIBUTES: &[&str] = &[
    "opacity",
    "filter",
    "mask",
    "clip-path",
    "mix-blend-mode",
    "isolation",
    "background-color",
    "style",
    "class",
];

const SVG_NS: &str = "http://www.w3.org/2000/svg";

impl Cut {
    /// `None` when the card must be drawn whole: it does not parse (the
    /// painter then says why), it has a stylesheet (whose selectors could
    /// match differently once the layer's elements are moved), or its root
    /// applies something to the whole card.
    fn of(svg: &str) -> Option<Cut> {
        let doc = roxmltree::Document::parse(svg).ok()?;
        let root = doc.root_element();
        let plain_root = root.tag_name().name() == "svg"
            && root.tag_name().namespace() == Some(SVG_NS)
            && root.lookup_namespace_uri(None) == Some(SVG_NS)
            && !root
                .attributes()
                .any(|a| WHOLE_CARD_ATTRIBUTES.contains(&a.name()));
        if !plain_root || doc.descendants().any(|n| n.has_tag_name((SVG_NS, "style"))) {
            return None;
        }
        let elements: Vec<roxmltree::Node> = root.children().filter(|n| n.is_element()).collect();
        let first = elements.first()?;
        let last = elements.last()?;
        // A layer must not refer to what comes after it: an element that
        // uses a gradient or clip path defined further down cannot be cut
        // from it.
        let defined_in: HashMap<&str, usize> = elements
            .iter()
            .enumerate()
            .flat_map(|(i, e)| {
                e.descendants()
                    .filter_map(move |d| Some((d.attribute("id")?, i)))
            })
            .collect();
        let mut safe = vec![true; elements.len()];
        for (i, e) in elements.iter().enumerate() {
            for id in e.descendants().flat_map(references) {
                if let Some(&j) = defined_in.get(id) {
                    safe.iter_mut().take(j).skip(i).for_each(|s| *s = false);
                }
            }
        }
        let mut hasher = SipHasher13::new_with_keys(0, 0);
        let mut hashed = 0;
        let (mut ends, mut keys) = (Vec::new(), Vec::new());
        for (e, safe) in elements.iter().zip(safe) {
            let end = e.range().end;
            hasher.write(&svg.as_bytes()[hashed..end]);
            hashed = end;
            if safe {
                ends.push(end);
                keys.push(hasher.clone().finish128().as_u128());
            }
        }
        Some(Cut {
            head: first.range().start,
            ends,
            keys,
            tail: last.range().end,
        })
    }
}

/// The ids an element refers to: `href="#id"` and `url(#id)` in any
/// attribute (a `style` attribute included).
fn references<'d>(node: roxmltree::Node<'d, 'd>) -> impl Iterator<Item = &'d str> + 'd {
    node.attributes().flat_map(|a| {
        let value = a.value();
        let href = (a.name() == "href")
            .then(|| value.strip_prefix('#'))
            .flatten();
        let urls = value.split("url(").skip(1).filter_map(|after| {
            let inner = after.split(')').next()?;
            inner
                .trim_matches(|c: char| c.is_whitespace() || c == '"' || c == '\'')
                .strip_prefix('#')
        });
        href.into_iter().chain(urls)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn painter() -> Painter {
        Painter::new(Path::new("."))
    }

    /// Every card drawn in layers has exactly the pixels of the same card
    /// drawn whole.
    fn same_as_whole(cards: &[String]) -> usize {
        let painter = painter();
        let layered = Layered::plan(&painter, cards.iter().map(String::as_str).collect());
        let mut seen: Vec<usize> = layered.order().to_vec();
        seen.sort_unstable();
        assert_eq!(seen, (0..cards.len()).collect::<Vec<_>>());
        // And the same file: a second plan, as each card is drawn once.
        let encoded = Layered::plan(&painter, cards.iter().map(String::as_str).collect());
        for &i in layered.order() {
            let whole = painter.draw(&cards[i], card::blank().unwrap()).unwrap();
            let file = jpeg::encode(&whole).unwrap();
            assert!(encoded.paint(i).unwrap() == file, "card {i}'s JPEG differs");
            let layers = layered.pixels(i).unwrap();
            assert!(
                whole.data() == layers.data(),
                "card {i} differs:\n{}",
                cards[i]
            );
        }
        layered.layer_count()
    }

    fn svg(body: &str) -> String {
        format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">{body}
</svg>"##
        )
    }

    #[test]
    fn shared_leading_elements_become_one_layer_and_change_no_pixel() {
        let card = |title: &str, colour: &str| {
            svg(&format!(
                r##"<rect width="1200" height="630" fill="#fbf8f3"/><defs><clipPath id="c"><circle cx="930" cy="285" r="200"/></clipPath></defs>
<rect x="700" width="500" height="630" fill="{colour}" clip-path="url(#c)"/>
<text x="80" y="150" font-size="64" fill="#1c2628">{title}</text>"##
            ))
        };
        let cards = vec![
            card("Amara Okafor", "#0c6b50"),
            card("Tomasz Kowalski", "#0c6b50"),
            card("Zoë Brontë", "#aa3300"),
            card("Łukasz Wałęsa", "#aa3300"),
        ];
        assert_eq!(same_as_whole(&cards), 2, "one layer per colour");
    }

    #[test]
    fn the_default_template_is_drawn_in_layers_to_the_same_pixels() {
        let pictures = tempfile::tempdir().unwrap();
        let photo = image::RgbImage::from_fn(480, 480, |x, y| {
            image::Rgb([(x / 2) as u8, (y / 2) as u8, ((x + y) / 4) as u8])
        });
        photo.save(pictures.path().join("face.jpg")).unwrap();
        let placeholder = r##"<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><circle cx="32" cy="32" r="30" fill="#2a7"/></svg>"##;
        std::fs::write(pictures.path().join("placeholder.svg"), placeholder).unwrap();
        let painter = Painter::new(pictures.path());
        let theme = crate::theme::Theme::load(pictures.path(), "default").unwrap();
        let card = |kind, title: &str, subtitle: &str, photo: Option<&str>| {
            let text = card::CardText::new(
                kind,
                title,
                subtitle,
                "Riverside Trust",
                "People of Riverside",
                photo.map(str::to_string),
                &painter,
            );
            theme.render("share_card.svg", &text).unwrap()
        };
        let cards = vec![
            card("person", "Amara Okafor", "Head of policy", Some("face.jpg")),
            card(
                "person",
                "Tomasz Kowalski",
                "Volunteer lead",
                Some("face.jpg"),
            ),
            card("person", "Zoë Brontë", "Chef", Some("placeholder.svg")),
            card("person", "Łukasz Wałęsa", "", None),
            card("person", "Dev Patel", "Fundraising", None),
            card(
                "story",
                "How the garden grew back after the floods of the winter",
                "A summary",
                Some("face.jpg"),
            ),
            card(
                "campaign",
                "Warm hubs",
                "1–30 November 2026",
                Some("face.jpg"),
            ),
            card("topic", "Housing", "3 people to talk to · 2 stories", None),
            card("topic", "Food", "1 person to talk to", None),
        ];
        let layers = same_as_whole(&cards);
        assert!(layers >= 4, "only {layers} layers");
    }

    #[test]
    fn a_layer_never_refers_to_what_comes_after_it() {
        // The first rect uses a gradient defined after it: the card can
        // only be cut after the gradient.
        let card = |title: &str| {
            svg(&format!(
                r##"<rect width="1200" height="630" style="fill: url( '#g' )"/><rect y="540" width="1200" height="90" fill="#fff"/>
<defs><linearGradient id="g"><stop offset="0" stop-color="#0c6b50"/><stop offset="1" stop-color="#fbf8f3"/></linearGradient></defs>
<text x="80" y="150" font-size="64">{title}</text>"##
            ))
        };
        let cut = Cut::of(&card("A")).unwrap();
        assert_eq!(cut.ends.len(), 2, "not after either rect");
        assert_eq!(same_as_whole(&[card("Amara"), card("Tomasz")]), 1);
    }

    #[test]
    fn cards_that_a_cut_could_change_are_drawn_whole() {
        let styled =
            svg(r#"<style>rect:first-child { fill: red }</style><rect width="9" height="9"/>"#);
        assert!(Cut::of(&styled).is_none());
        let faded = r#"<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" opacity="0.5"><rect width="9" height="9"/></svg>"#;
        assert!(Cut::of(faded).is_none());
        assert!(Cut::of("<svg").is_none());
        let cards = vec![styled.clone(), styled, faded.to_string()];
        assert_eq!(same_as_whole(&cards), 0);
        // A card that does not parse says why.
        let painter = painter();
        let layered = Layered::plan(&painter, vec!["<svg"]);
        assert!(layered.paint(0).is_err());
    }
}
