//! The charity's colours (hub.yaml's `brand:`), turned into the theme's
//! palette. The accent is used as given in the light scheme; its darker
//! shade for text, its soft tint for backgrounds and its lighter versions
//! for the dark scheme are derived from it. Every pair of colours the
//! theme puts text (or a highlight stripe) on is measured with WCAG 2.2's
//! contrast formula, so `check` can refuse a colour that would make a page
//! hard to read, say which pair fails, and offer the nearest colour that
//! passes.

use crate::config::Brand;

/// A colour as `#rrggbb` writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colour {
    r: u8,
    g: u8,
    b: u8,
}

impl Colour {
    const fn rgb(hex: u32) -> Colour {
        Colour {
            r: (hex >> 16) as u8,
            g: (hex >> 8) as u8,
            b: hex as u8,
        }
    }

    /// `#1f6f6a` or the short `#1f6`, in either case; nothing else.
    pub fn parse(text: &str) -> Option<Colour> {
        let digits = text.trim().strip_prefix('#')?;
        if !digits.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let long = match digits.len() {
            6 => digits.to_string(),
            3 => digits.chars().flat_map(|c| [c, c]).collect(),
            _ => return None,
        };
        u32::from_str_radix(&long, 16).ok().map(Colour::rgb)
    }

    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }

    /// WCAG's relative luminance: 0 for black, 1 for white.
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.r) + 0.7152 * channel(self.g) + 0.0722 * channel(self.b)
    }

    /// WCAG's contrast ratio, from 1 (the same) to 21 (black on white).
    pub fn contrast(self, other: Colour) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// Hue (degrees), saturation and lightness (0 to 1).
    fn hsl(self) -> (f64, f64, f64) {
        let [r, g, b] = [self.r, self.g, self.b].map(|c| f64::from(c) / 255.0);
        let (max, min) = (r.max(g).max(b), r.min(g).min(b));
        let l = (max + min) / 2.0;
        let d = max - min;
        if d == 0.0 {
            return (0.0, 0.0, l);
        }
        let s = d / (1.0 - (2.0 * l - 1.0).abs());
        let h = if max == r {
            60.0 * ((g - b) / d).rem_euclid(6.0)
        } else if max == g {
            60.0 * ((b - r) / d + 2.0)
        } else {
            60.0 * ((r - g) / d + 4.0)
        };
        (h, s, l)
    }

    fn from_hsl(h: f64, s: f64, l: f64) -> Colour {
        let l = l.clamp(0.0, 1.0);
        let c = (1.0 - (2.0 * l - 1.0).abs()) * s.clamp(0.0, 1.0);
        let x = c * (1.0 - ((h / 60.0).rem_euclid(2.0) - 1.0).abs());
        let (r, g, b) = match (h.rem_euclid(360.0) / 60.0) as u8 {
            0 => (c, x, 0.0),
            1 => (x, c, 0.0),
            2 => (0.0, c, x),
            3 => (0.0, x, c),
            4 => (x, 0.0, c),
            _ => (c, 0.0, x),
        };
        let m = l - c / 2.0;
        let byte = |v: f64| ((v + m) * 255.0).round().clamp(0.0, 255.0) as u8;
        Colour {
            r: byte(r),
            g: byte(g),
            b: byte(b),
        }
    }

    /// `self` laid over `under` at `amount` (0 to 1) opacity.
    fn over(self, under: Colour, amount: f64) -> Colour {
        let mix =
            |a: u8, b: u8| (f64::from(a) * amount + f64::from(b) * (1.0 - amount)).round() as u8;
        Colour {
            r: mix(self.r, under.r),
            g: mix(self.g, under.g),
            b: mix(self.b, under.b),
        }
    }

    /// The same hue and saturation, `points` (of 100) lighter, or darker
    /// when negative.
    fn lighter(self, points: f64) -> Colour {
        let (h, s, l) = self.hsl();
        Colour::from_hsl(h, s, l + points / 100.0)
    }

    /// The first colour of the same hue, stepping lightness by one point
    /// at a time from `self` (`step` +1 lighter, -1 darker) and with the
    /// saturation at most `saturation`, that `passes`; black or white if none does.
    fn shade_until(self, step: i32, saturation: f64, passes: impl Fn(Colour) -> bool) -> Colour {
        let (h, s, l) = self.hsl();
        let start = (l * 100.0).round() as i32;
        (0..=100)
            .map(|i| Colour::from_hsl(h, s.min(saturation), f64::from(start + step * i) / 100.0))
            .find(|&c| passes(c))
            .unwrap_or(if step > 0 { WHITE } else { BLACK })
    }
}

const WHITE: Colour = Colour::rgb(0xffffff);
const BLACK: Colour = Colour::rgb(0x000000);

/// WCAG 2.2 AA: text (1.4.3) and the graphics that set things apart (1.4.11).
const TEXT: f64 = 4.5;
const GRAPHIC: f64 = 3.0;

/// How much the accent's text shade stands out from the accent at least,
/// in lightness points: enough to see a button change under the pointer.
const STRONGER: f64 = 8.0;

/// The dark scheme's colours are toned down: a full-strength brand colour
/// glares on a dark page.
const DARK_SATURATION: f64 = 0.65;

/// The default theme's fixed colours in one scheme (as in convene.css),
/// which brand colours sit on or under.
#[derive(Clone, Copy)]
struct Scheme {
    name: &'static str,
    surface: Colour,
    paper: Colour,
    ink: Colour,
    /// Text on accent backgrounds (buttons, the current page of a list).
    accent_ink: Colour,
    /// The theme's own soft tint and highlight, when the brand sets none.
    accent_soft: Colour,
}

const LIGHT: Scheme = Scheme {
    name: "light",
    surface: Colour::rgb(0xffffff),
    paper: Colour::rgb(0xfbf8f3),
    ink: Colour::rgb(0x1c2628),
    accent_ink: Colour::rgb(0xffffff),
    accent_soft: Colour::rgb(0xe2f0e9),
};

const DARK: Scheme = Scheme {
    name: "dark",
    surface: Colour::rgb(0x192326),
    paper: Colour::rgb(0x121a1c),
    ink: Colour::rgb(0xeef2f0),
    accent_ink: Colour::rgb(0x0a1f17),
    accent_soft: Colour::rgb(0x17362c),
};

/// Which brand colour a palette entry comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Accent,
    Second,
}

impl Key {
    pub fn name(self) -> &'static str {
        match self {
            Key::Accent => "accent",
            Key::Second => "second",
        }
    }
}

/// The accent's family in one scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shades {
    /// Backgrounds of buttons and the current page; borders.
    pub accent: Colour,
    /// Text in the accent's colour, and buttons under the pointer.
    pub strong: Colour,
    /// Backgrounds of tags, the current menu entry, the home page's welcome.
    pub soft: Colour,
}

/// The brand's colours in one scheme; `None` keeps the theme's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SchemeColours {
    pub accent: Option<Shades>,
    /// Highlight stripes: beside campaigns, quotes and the home page's welcome.
    pub second: Option<Colour>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub light: SchemeColours,
    pub dark: SchemeColours,
}

impl Palette {
    /// The palette of two (already read) brand colours.
    pub fn derive(accent: Option<Colour>, second: Option<Colour>) -> Palette {
        let light_accent = accent.map(|a| {
            let soft = a.over(WHITE, 0.12);
            let strong = a.lighter(-STRONGER).shade_until(-1, 1.0, |c| {
                c.luminance() < a.luminance()
                    && [LIGHT.surface, LIGHT.paper, soft, LIGHT.accent_ink]
                        .iter()
                        .all(|&bg| c.contrast(bg) >= TEXT)
            });
            Shades {
                accent: a,
                strong,
                soft,
            }
        });
        let dark_accent = accent.map(|a| {
            let soft = a.over(DARK.paper, 0.3);
            let accent = a.shade_until(1, DARK_SATURATION, |c| {
                c.contrast(DARK.accent_ink) >= TEXT && c.contrast(DARK.surface) >= TEXT
            });
            let strong = accent
                .lighter(STRONGER)
                .shade_until(1, DARK_SATURATION, |c| {
                    c.luminance() > accent.luminance()
                        && [DARK.surface, DARK.paper, soft, DARK.accent_ink]
                            .iter()
                            .all(|&bg| c.contrast(bg) >= TEXT)
                });
            Shades {
                accent,
                strong,
                soft,
            }
        });
        let dark_soft = dark_accent.map_or(DARK.accent_soft, |s| s.soft);
        let dark_second = second.map(|s| {
            s.shade_until(1, DARK_SATURATION, |c| {
                [DARK.surface, DARK.paper, dark_soft]
                    .iter()
                    .all(|&bg| c.contrast(bg) >= GRAPHIC)
            })
        });
        Palette {
            light: SchemeColours {
                accent: light_accent,
                second,
            },
            dark: SchemeColours {
                accent: dark_accent,
                second: dark_second,
            },
        }
    }

    /// Every pair of colours the theme shows with a brand colour in it.
    pub fn pairs(&self) -> Vec<Pair> {
        let mut pairs = Vec::new();
        for (scheme, colours) in [(LIGHT, self.light), (DARK, self.dark)] {
            let soft = colours.accent.map_or(scheme.accent_soft, |s| s.soft);
            if let Some(s) = colours.accent {
                let accent = |what, text, background, needs| Pair {
                    key: Key::Accent,
                    scheme: scheme.name,
                    what,
                    text,
                    background,
                    needs,
                };
                pairs.extend([
                    accent(
                        "button text on the accent",
                        scheme.accent_ink,
                        s.accent,
                        TEXT,
                    ),
                    accent(
                        "button text on the accent's stronger shade (under the pointer)",
                        scheme.accent_ink,
                        s.strong,
                        TEXT,
                    ),
                    accent(
                        "the accent's text shade on the page",
                        s.strong,
                        scheme.paper,
                        TEXT,
                    ),
                    accent(
                        "the accent's text shade on cards",
                        s.strong,
                        scheme.surface,
                        TEXT,
                    ),
                    accent(
                        "the accent's text shade on its soft tint (tags, the current menu entry)",
                        s.strong,
                        s.soft,
                        TEXT,
                    ),
                    accent("text on the accent's soft tint", scheme.ink, s.soft, TEXT),
                ]);
            }
            if let Some(second) = colours.second {
                for (what, background) in [
                    ("the second colour's stripes on the page", scheme.paper),
                    ("the second colour's stripes on cards", scheme.surface),
                    ("the second colour's stripe on the accent's soft tint (the home page's welcome)", soft),
                ] {
                    pairs.push(Pair {
                        key: Key::Second,
                        scheme: scheme.name,
                        what,
                        text: second,
                        background,
                        needs: GRAPHIC,
                    });
                }
            }
        }
        pairs
    }

    /// CSS that sets the theme's custom properties to the brand's palette,
    /// light first, then the dark scheme; empty without brand colours.
    pub fn css(&self) -> String {
        let block = |c: &SchemeColours| {
            let mut vars = String::new();
            if let Some(s) = c.accent {
                vars += &format!(
                    "  --accent: {}; --accent-strong: {}; --accent-soft: {};\n",
                    s.accent.hex(),
                    s.strong.hex(),
                    s.soft.hex()
                );
            }
            if let Some(second) = c.second {
                vars += &format!("  --warm: {};\n", second.hex());
            }
            vars
        };
        let (light, dark) = (block(&self.light), block(&self.dark));
        if light.is_empty() {
            return String::new();
        }
        format!(
            "\n/* The charity's colours, from hub.yaml's `brand:` (every pair checked for WCAG 2.2 AA contrast). */\n:root {{\n{light}}}\n@media (prefers-color-scheme: dark) {{\n  :root {{\n{dark}  }}\n}}\n"
        )
    }
}

/// Two colours the theme shows together, and the contrast they need.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// The brand colour it comes from.
    pub key: Key,
    /// `light` or `dark`.
    pub scheme: &'static str,
    pub what: &'static str,
    /// The foreground: text, or a stripe.
    pub text: Colour,
    pub background: Colour,
    pub needs: f64,
}

impl Pair {
    pub fn ratio(&self) -> f64 {
        self.text.contrast(self.background)
    }

    pub fn passes(&self) -> bool {
        self.ratio() >= self.needs
    }
}

/// A brand colour that can't be used, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub key: Key,
    /// As written in hub.yaml.
    pub written: String,
    pub message: String,
    pub hint: String,
}

/// What is wrong with hub.yaml's brand colours: text that is no colour,
/// and colours that fail a pair (the first failing pair of each, with the
/// nearest colour that passes them all).
pub fn problems(brand: &Brand) -> Vec<Problem> {
    let mut found = Vec::new();
    let mut read = |key: Key, written: &Option<String>| {
        let written = written.as_deref()?;
        let colour = Colour::parse(written);
        if colour.is_none() {
            found.push(Problem {
                key,
                written: written.to_string(),
                message: format!("`{}` must be a colour written like \"#1f6f6a\", not `{written}`", key.name()),
                hint: "write # and six hexadecimal digits (0-9, a-f), in quotes; your brand guidelines give them as the colour's \"hex\" or \"web\" code".into(),
            });
        }
        colour
    };
    let accent = read(Key::Accent, &brand.accent);
    let second = read(Key::Second, &brand.second);
    let palette = Palette::derive(accent, second);
    for (key, colour, written) in [
        (Key::Accent, accent, &brand.accent),
        (Key::Second, second, &brand.second),
    ] {
        let (Some(colour), Some(written)) = (colour, written) else {
            continue;
        };
        let Some(failing) = palette
            .pairs()
            .into_iter()
            .find(|p| p.key == key && !p.passes())
        else {
            continue;
        };
        let with = |c: Colour| match key {
            Key::Accent => Palette::derive(Some(c), second),
            Key::Second => Palette::derive(accent, Some(c)),
        };
        let scheme = match failing.scheme {
            "dark" => format!(
                " in the dark scheme (where convene shows it as {})",
                shown(key, &palette.dark).hex()
            ),
            _ => String::new(),
        };
        found.push(Problem {
            key,
            written: written.clone(),
            message: format!(
                "the {} colour {} fails WCAG 2.2 AA contrast{scheme}: {} ({} on {}) is {:.2}:1, and needs at least {}:1",
                key.name(),
                colour.hex(),
                failing.what,
                failing.text.hex(),
                failing.background.hex(),
                failing.ratio(),
                failing.needs,
            ),
            hint: match nearest_passing(colour, |c| with(c).pairs().iter().filter(|p| p.key == key).all(Pair::passes)) {
                Some(near) => format!(
                    "the nearest colour of the same hue that passes everywhere the theme uses it is {0}: write `{1}: \"{0}\"`",
                    near.hex(),
                    key.name()
                ),
                None => "choose a darker or lighter version of the colour".into(),
            },
        });
    }
    found
}

/// The brand colour `key` as a scheme shows it.
fn shown(key: Key, colours: &SchemeColours) -> Colour {
    match key {
        Key::Accent => colours.accent.map(|s| s.accent),
        Key::Second => colours.second,
    }
    .unwrap_or(BLACK)
}

/// The colour nearest `colour` in lightness (same hue and saturation) for
/// which `passes`, darker first when two are as near.
fn nearest_passing(colour: Colour, passes: impl Fn(Colour) -> bool) -> Option<Colour> {
    let (h, s, l) = colour.hsl();
    let l = (l * 1000.0).round() as i32;
    (1..=1000).find_map(|step| {
        [l - step, l + step]
            .into_iter()
            .filter(|l| (0..=1000).contains(l))
            .map(|l| Colour::from_hsl(h, s, f64::from(l) / 1000.0))
            .find(|&c| c != colour && passes(c))
    })
}

/// The palette of a hub.yaml's brand, leaving out colours that can't be read.
pub fn palette(brand: &Brand) -> Palette {
    let read = |c: &Option<String>| c.as_deref().and_then(Colour::parse);
    Palette::derive(read(&brand.accent), read(&brand.second))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brand(accent: &str, second: Option<&str>) -> Brand {
        Brand {
            accent: Some(accent.into()),
            second: second.map(Into::into),
            ..Brand::default()
        }
    }

    #[test]
    fn reads_long_and_short_colours_only() {
        assert_eq!(
            Colour::parse("#1F6f6a").map(Colour::hex).as_deref(),
            Some("#1f6f6a")
        );
        assert_eq!(
            Colour::parse(" #1f6 ").map(Colour::hex).as_deref(),
            Some("#11ff66")
        );
        for bad in [
            "1f6f6a",
            "#1f6f6",
            "#1f6f6g",
            "teal",
            "#",
            "rgb(1,2,3)",
            "#ééé",
        ] {
            assert_eq!(Colour::parse(bad), None, "{bad}");
        }
    }

    /// The figures WCAG's own examples and every contrast checker give.
    #[test]
    fn contrast_matches_wcag() {
        let c = |hex: &str| Colour::parse(hex).unwrap();
        assert!((c("#000000").contrast(c("#ffffff")) - 21.0).abs() < 1e-9);
        assert!((c("#777777").contrast(c("#ffffff")) - 4.48).abs() < 0.01);
        assert!((c("#767676").contrast(c("#ffffff")) - 4.54).abs() < 0.01);
        assert!((c("#0c6b50").contrast(c("#ffffff")) - 6.49).abs() < 0.01);
        assert_eq!(
            c("#123456").contrast(c("#abcdef")),
            c("#abcdef").contrast(c("#123456"))
        );
    }

    #[test]
    fn hsl_round_trips() {
        for hex in [
            "#1f6f6a", "#b4491e", "#000000", "#ffffff", "#7f7f7f", "#ff0000", "#3b5a80",
        ] {
            let c = Colour::parse(hex).unwrap();
            let (h, s, l) = c.hsl();
            assert_eq!(Colour::from_hsl(h, s, l), c, "{hex}");
        }
    }

    /// The theme's own accent, given as a brand colour, passes; so does
    /// every derived shade.
    #[test]
    fn a_dark_accent_passes_in_both_schemes() {
        assert_eq!(problems(&brand("#0c6b50", Some("#a8421c"))), vec![]);
        let palette = palette(&brand("#1f6f6a", None));
        assert!(palette.pairs().iter().all(Pair::passes));
        assert_eq!(palette.light.accent.unwrap().accent.hex(), "#1f6f6a");
        let dark = palette.dark.accent.unwrap();
        assert!(dark.accent.luminance() > 0.2);
        assert!(palette.css().contains("--accent: #1f6f6a;"));
    }

    #[test]
    fn a_light_accent_is_refused_with_the_nearest_that_passes() {
        let found = problems(&brand("#5fb3a9", None));
        assert_eq!(found.len(), 1);
        let p = &found[0];
        assert_eq!(p.key, Key::Accent);
        assert!(
            p.message
                .contains("button text on the accent (#ffffff on #5fb3a9)"),
            "{}",
            p.message
        );
        assert!(
            p.message.contains("is 2.47:1, and needs at least 4.5:1"),
            "{}",
            p.message
        );
        let near = p.hint.split('"').nth(1).unwrap();
        let near = Colour::parse(near).unwrap();
        assert_eq!(problems(&brand(&near.hex(), None)), vec![]);
        // The nearest: one step lighter fails.
        let (h, s, l) = near.hsl();
        let lighter = Colour::from_hsl(h, s, l + 0.002);
        assert!(
            !problems(&brand(&lighter.hex(), None)).is_empty(),
            "{}",
            lighter.hex()
        );
    }

    #[test]
    fn a_faint_second_colour_is_refused() {
        let found = problems(&brand("#1f6f6a", Some("#f4e3c8")));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].key, Key::Second);
        assert!(
            found[0].message.contains("needs at least 3:1"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn text_that_is_no_colour_is_refused() {
        let found = problems(&brand("teal", None));
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("`accent` must be a colour"));
        assert_eq!(palette(&brand("teal", None)).css(), "");
    }

    /// Whatever the brand colour, the shades convene derives from it pass.
    #[test]
    fn derived_shades_always_pass() {
        for hex in [
            "#000000", "#ffffff", "#ffcc00", "#0000ff", "#ff0000", "#00ff00", "#777777", "#e6007e",
        ] {
            let palette = palette(&brand(hex, Some(hex)));
            for pair in palette.pairs() {
                let user_colour = pair.scheme == "light"
                    && (pair.what == "button text on the accent" || pair.key == Key::Second);
                assert!(user_colour || pair.passes(), "{hex}: {pair:?}");
            }
        }
    }
}
