//! Derived images, the step between selecting the audiences and rendering:
//!
//! - people's photos become square thumbnails, story images a few widths,
//!   so pages can offer a `srcset`;
//! - every public profile, story, campaign and topic page gets a 1200×630
//!   share card, so links unfurl with a real picture wherever staff share
//!   them.
//!
//! Each derived file is kept in a cache under a hash of what it is made
//! from, so a rebuild only redoes what changed, and the sites link to the
//! cached files instead of copying them. Problems with a picture are
//! diagnostics pointing at the file that uses it, never a crash.

mod cache;
mod card;
mod jpeg;
mod layers;
pub mod metadata;
pub mod qr;
mod resize;

pub use cache::{Cache, Entry};
pub use card::{HEIGHT as CARD_HEIGHT, WIDTH as CARD_WIDTH};

use crate::audience::View;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::{Audience, Corpus, Day, Source};
use crate::routes::{self, Facet, Route};
use crate::survey::picture::{Pictures, Probe};
use crate::taxonomy;
use crate::theme::Theme;
use crate::Error;
use rayon::prelude::*;
use resize::Shape;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// Told how image generation is going, so the command line can show a
/// progress bar; the library itself never prints.
pub trait Progress: Sync {
    /// `total` images are about to be made (cache misses only).
    fn start(&self, total: usize);
    fn advance(&self);
    fn finish(&self);
}

/// No progress reporting.
pub struct Quiet;

impl Progress for Quiet {
    fn start(&self, _: usize) {}
    fn advance(&self) {}
    fn finish(&self) {}
}

/// One derived file: made into the cache, published at `url`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Derived {
    /// Relative to the site root, e.g. `processed_images/amara-okafor-3f9a1c2b40-320.jpg`.
    pub url: String,
    pub width: u32,
    pub height: u32,
    pub cached: PathBuf,
}

/// The sizes one source picture was resized to, largest first.
#[derive(Debug, Clone)]
pub struct Picture {
    pub variants: Vec<Derived>,
}

/// Everything the derive step made, for rendering and writing.
#[derive(Debug, Default)]
pub struct Images {
    /// People's photos, by path under static/.
    photos: HashMap<String, Picture>,
    /// Story images, by path under static/.
    story_images: HashMap<String, Picture>,
    /// Share cards, by the URL of the page they belong to.
    cards: HashMap<String, Derived>,
    /// QR codes of public profile addresses (SVG files in the cache, read
    /// when their page is rendered, so they never all sit in memory), by
    /// page URL.
    qr_codes: HashMap<String, PathBuf>,
}

impl Images {
    pub fn photo(&self, file: &str) -> Option<&Picture> {
        self.photos.get(file)
    }

    pub fn story_image(&self, file: &str) -> Option<&Picture> {
        self.story_images.get(file)
    }

    fn resized(&self, file: &str, shape: Shape) -> Option<&Picture> {
        match shape {
            Shape::Square => self.photo(file),
            Shape::Wide => self.story_image(file),
        }
    }

    pub fn card(&self, page: &Route) -> Option<&Derived> {
        self.cards.get(page.url())
    }

    /// The QR code (inline SVG) of a public profile's address, when images
    /// were made.
    pub fn qr_code(&self, page: &Route) -> Option<String> {
        std::fs::read_to_string(self.qr_codes.get(page.url())?).ok()
    }

    /// The derived files the site in `view` shows: the thumbnails of its
    /// people and stories and, on the public hub, their share cards. A
    /// photo only a non-public person uses never reaches the public hub.
    pub fn files_for<'s>(&'s self, view: &View) -> Vec<&'s Derived> {
        let mut files: BTreeMap<&str, &Derived> = BTreeMap::new();
        let pictures = view
            .people
            .iter()
            .filter_map(|p| p.photo.and_then(|f| self.photo(f)))
            .chain(
                view.stories
                    .iter()
                    .filter_map(|s| s.image.and_then(|f| self.story_image(f))),
            );
        for d in pictures.flat_map(|p| &p.variants) {
            files.insert(&d.url, d);
        }
        if view.audience == Audience::Public {
            // Cards are drawn for the public hub alone (see `derive`); the
            // playbook is not unfurled outside the charity.
            for card in self.cards.values() {
                files.insert(&card.url, card);
            }
        }
        files.into_values().collect()
    }
}

/// One picture a front matter field names.
struct Use<'a> {
    file: &'a str,
    shape: Shape,
    /// The first file that uses it and the field, for diagnostics.
    by: &'a Source,
    key: &'static str,
}

/// Every resizable photo and story image the corpus names, once each.
fn uses(corpus: &Corpus) -> Vec<Use<'_>> {
    let photos = corpus.people.iter().filter_map(|p| {
        Some(Use {
            file: p.meta.photo.as_deref()?,
            shape: Shape::Square,
            by: &p.source,
            key: "photo",
        })
    });
    let images = corpus.stories.iter().filter_map(|s| {
        Some(Use {
            file: s.meta.image.as_deref()?,
            shape: Shape::Wide,
            by: &s.source,
            key: "image",
        })
    });
    let mut seen = std::collections::HashSet::new();
    photos
        .chain(images)
        .filter(|u| resize::is_resizable(u.file) && corpus.static_files.contains(Path::new(u.file)))
        .filter(|u| seen.insert((u.file, u.shape)))
        .collect()
}

fn unreadable(u: &Use, why: &str) -> Diagnostic {
    Diagnostic::error(
        &u.by.path,
        crate::validate::key_line(u.by, u.key),
        format!(
            "the {} `{}` can't be read as an image: {why}",
            u.key, u.file
        ),
    )
    .with_hint("open it in an image editor and export it again as JPEG or PNG")
}

/// What the survey read in the header of a photo or story image.
fn probed(pictures: &Pictures, file: &str) -> Result<Probe, String> {
    match pictures.get(Path::new(file)).map(|p| &p.resizable) {
        Some(Some(probe)) => probe.clone(),
        _ => Err("it is not a JPEG or PNG image".into()),
    }
}

/// For `check`: every photo and story image must be a whole picture of a
/// size convene can open, and every other JPEG, PNG or WebP in static/
/// must be readable, so its hidden metadata can be removed before the
/// public hub publishes it. What `build` would refuse, `check` finds.
pub fn check(corpus: &Corpus, diags: &mut Diagnostics) {
    let uses = uses(corpus);
    let found: Vec<Diagnostic> = uses
        .par_iter()
        .filter_map(|u| {
            let path = corpus.root.join("static").join(u.file);
            let whole = std::fs::read(&path)
                .map_err(|e| e.to_string())
                .and_then(|bytes| {
                    probed(&corpus.pictures, u.file)?;
                    intact(Path::new(u.file), bytes)
                });
            whole.err().map(|why| unreadable(u, &why))
        })
        .collect();
    diags.extend(found);
    let used: std::collections::HashSet<&str> = uses.iter().map(|u| u.file).collect();
    let others: Vec<Diagnostic> = corpus
        .static_files
        .par_iter()
        .filter(|f| metadata::is_strippable(f) && !used.contains(routes::static_url(f).as_str()))
        .filter_map(|f| {
            let path = corpus.root.join("static").join(f);
            let whole = std::fs::read(&path)
                .map_err(|e| e.to_string())
                .and_then(|bytes| intact(f, bytes));
            whole.err().map(|why| {
                Diagnostic::error(
                    Path::new("static").join(f),
                    0,
                    format!("this picture can't be read ({why}), so the details hidden in it (where and by whom it was taken) can't be removed before it is published"),
                )
                .with_hint("open it in an image editor and export it again")
            })
        })
        .collect();
    diags.extend(others);
}

/// The whole file is there: its metadata can be taken out, and a JPEG
/// ends with its end-of-image mark (a file cut short in an upload does not).
fn intact(file: &Path, bytes: Vec<u8>) -> Result<(), String> {
    let is_jpeg = bytes.starts_with(&[0xFF, 0xD8]);
    let stripped = metadata::strip(file, bytes)?;
    // Trailing zero bytes after the mark are padding some cameras add.
    let end = stripped.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
    if is_jpeg && !stripped[..end].ends_with(&[0xFF, 0xD9]) {
        return Err("the file is cut short".into());
    }
    Ok(())
}

/// A source picture, planned: its sizes and their cache entries.
struct Planned<'a> {
    use_: Use<'a>,
    sizes: Vec<(u32, u32)>,
    entries: Vec<Entry>,
    missing: bool,
}

/// A share card, planned: its SVG text and cache entry.
struct PlannedCard {
    page: Route,
    /// Laid out only when the cache lacks the card.
    svg: Option<String>,
    entry: Entry,
}

/// The derive step: plan every picture and card, make what the cache
/// lacks (in parallel, with progress), and return where everything is.
/// Cards are made from the public `View` alone, so they can only show
/// what the public hub shows.
pub fn derive(
    corpus: &Corpus,
    public: &View,
    theme: &Theme,
    cache: &Cache,
    progress: &dyn Progress,
    diags: &mut Diagnostics,
) -> Result<Images, Error> {
    let static_dir = corpus.root.join("static");
    let planned: Vec<Result<Planned, Diagnostic>> = uses(corpus)
        .into_par_iter()
        .map(|u| plan(u, &static_dir, &corpus.pictures, cache))
        .collect();
    let mut pictures = Vec::new();
    let mut unreadable = 0;
    for p in planned {
        match p {
            Ok(p) => pictures.push(p),
            Err(d) => {
                diags.push(d);
                unreadable += 1;
            }
        }
    }
    let mut images = Images::default();
    if unreadable > 0 {
        // The build stops; making the rest would only be wasted time.
        return Ok(images);
    }
    for p in &pictures {
        let picture = Picture {
            variants: p
                .sizes
                .iter()
                .zip(&p.entries)
                .map(|(&(width, height), entry)| Derived {
                    url: picture_url(p.use_.file, entry, width),
                    width,
                    height,
                    cached: cache.path(entry),
                })
                .collect(),
        };
        let map = match p.use_.shape {
            Shape::Square => &mut images.photos,
            Shape::Wide => &mut images.story_images,
        };
        map.insert(p.use_.file.to_string(), picture);
    }

    // QR codes are pictures too, and choosing the most readable mask for
    // each takes a millisecond: cached like the rest.
    images.qr_codes = qr_codes(public, cache);

    let painter = card::Painter::new(cache.dir());
    let cards = plan_cards(public, theme, &images, &painter, cache, &static_dir)?;

    let todo = pictures.iter().filter(|p| p.missing).count()
        + cards.iter().filter(|c| c.svg.is_some()).count();
    progress.start(todo);
    let made: Result<Vec<Diagnostic>, Error> = pictures
        .par_iter()
        .filter(|p| p.missing)
        .map(|p| {
            let made = make_picture(p, &static_dir, cache);
            progress.advance();
            made.map(Result::err)
        })
        .filter_map(Result::transpose)
        .collect();
    let failed = match made {
        Ok(failed) => failed,
        // The machine's problem (a full disk), not the photo's.
        Err(e) => {
            progress.finish();
            return Err(e);
        }
    };
    if !failed.is_empty() {
        // A picture could not be decoded: the build stops, so drawing the
        // cards would be wasted time.
        progress.finish();
        diags.extend(failed);
        return Ok(images);
    }
    let to_draw: Vec<&PlannedCard> = cards.iter().filter(|c| c.svg.is_some()).collect();
    let layered = layers::Layered::plan(
        &painter,
        to_draw.iter().filter_map(|c| c.svg.as_deref()).collect(),
    );
    let drawn: Result<Vec<(Route, String)>, Error> = layered
        .order()
        .par_iter()
        .filter_map(|&i| {
            let c = to_draw[i];
            let made = match layered.paint(i) {
                Ok(picture) => cache.put(&c.entry, &picture).map(|()| None),
                Err(why) => Ok(Some((c.page.clone(), why))),
            };
            progress.advance();
            made.transpose()
        })
        .collect();
    progress.finish();
    let card_failures = drawn?;
    if let Some((page, why)) = card_failures.first() {
        // The card template is the theme's or the site's, not content.
        return Err(Error::Theme(format!(
            "share_card.svg could not be drawn for {}: {why}",
            page.url()
        )));
    }
    for c in cards {
        let url = routes::share_card(&c.page).url().to_string();
        images.cards.insert(
            c.page.url().to_string(),
            Derived {
                url,
                width: CARD_WIDTH,
                height: CARD_HEIGHT,
                cached: cache.path(&c.entry),
            },
        );
    }
    Ok(images)
}

/// Read one source, work out its sizes and their cache entries. The bytes
/// are dropped again: a site's photos need not all fit in memory.
fn plan<'a>(
    u: Use<'a>,
    static_dir: &Path,
    pictures: &Pictures,
    cache: &Cache,
) -> Result<Planned<'a>, Diagnostic> {
    // Read whole for the cache key (what it holds, not its name or date);
    // its size comes from the survey's reading of its header.
    let bytes =
        std::fs::read(static_dir.join(u.file)).map_err(|e| unreadable(&u, &e.to_string()))?;
    let probe = probed(pictures, u.file).map_err(|why| unreadable(&u, &why))?;
    let sizes = resize::sizes(u.shape, &probe);
    let source = Entry::of(&[&bytes], "src");
    let entries: Vec<Entry> = sizes
        .iter()
        .map(|(w, h)| {
            Entry::of(
                &[
                    source.name().as_bytes(),
                    u.shape.tag().as_bytes(),
                    &w.to_le_bytes(),
                    &h.to_le_bytes(),
                ],
                probe.extension(),
            )
        })
        .collect();
    // Check every entry, so each is marked as used and kept by pruning.
    let missing = entries.iter().filter(|e| !cache.has(e)).count() > 0;
    Ok(Planned {
        use_: u,
        sizes,
        entries,
        missing,
    })
}

/// Make one picture's sizes into the cache. A picture that can't be read
/// is the content's problem (`Ok(Err(..))`); a cache that can't be written
/// is the machine's (`Err`), reported with its path.
fn make_picture(
    p: &Planned,
    static_dir: &Path,
    cache: &Cache,
) -> Result<Result<(), Diagnostic>, Error> {
    let u = &p.use_;
    let made = std::fs::read(static_dir.join(u.file))
        .map_err(|e| e.to_string())
        .and_then(|bytes| resize::make(&bytes, u.shape, &p.sizes));
    let made = match made {
        Ok(made) => made,
        Err(why) => return Ok(Err(unreadable(u, &why))),
    };
    for (entry, bytes) in p.entries.iter().zip(made) {
        cache.put(entry, &bytes)?;
    }
    Ok(Ok(()))
}

/// For a build without images: only the QR codes, which pages draw inline.
pub fn qr_codes_only(public: &View, cache: &Cache) -> Images {
    Images {
        qr_codes: qr_codes(public, cache),
        ..Images::default()
    }
}

/// The QR code of every public profile's address, from the cache when its
/// address has not changed.
fn qr_codes(public: &View, cache: &Cache) -> HashMap<String, PathBuf> {
    let base = public.config.public_base();
    public
        .people
        .par_iter()
        .filter_map(|p| {
            let page = routes::person(p.slug);
            let address = page.absolute(base);
            // "qr-runs": the drawing of `qr_svg`; a new drawing needs a new name.
            let entry = Entry::of(&[b"qr-runs", address.as_bytes()], "svg");
            if !cache.has(&entry) {
                let svg = qr::qr_svg(&address);
                // Not cached: the page draws its own code instead.
                cache.put(&entry, svg.as_bytes()).ok()?;
            }
            Some((page.url().to_string(), cache.path(&entry)))
        })
        .collect()
}

/// Where resized pictures are published, in both sites.
pub const PROCESSED_FOLDER: &str = "processed_images";

/// `processed_images/<file stem>-<fingerprint>-<width>.<ext>` (the folder
/// Zola uses, apart from static/ names): readable, and a new
/// name whenever the picture changes, so browsers never show a stale one.
fn picture_url(file: &str, entry: &Entry, width: u32) -> String {
    let stem = Path::new(file)
        .file_stem()
        .map(|s| crate::model::slugify(&s.to_string_lossy()))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "image".into());
    let ext = entry.name().rsplit('.').next().unwrap_or("jpg");
    format!("{PROCESSED_FOLDER}/{stem}-{}-{width}.{ext}", entry.short())
}

/// Lay out every public profile's and story's card with the theme's
/// template; a card's cache entry is the hash of its finished SVG, which
/// names its picture by content, so any change to either redraws it.
fn plan_cards(
    public: &View,
    theme: &Theme,
    images: &Images,
    painter: &card::Painter,
    cache: &Cache,
    static_dir: &Path,
) -> Result<Vec<PlannedCard>, Error> {
    // Pictures that are not resized (SVG, GIF, WebP) go into the cache
    // once each, however many cards show them.
    let originals: HashMap<&str, Option<String>> = public
        .people
        .iter()
        .filter_map(|p| p.photo)
        .chain(public.stories.iter().filter_map(|s| s.image))
        .filter(|f| !resize::is_resizable(f))
        .map(|f| (f, cache_original(f, cache, static_dir)))
        .collect();
    let picture = |file: &str, shape: Shape| match images.resized(file, shape) {
        Some(p) => p.variants.first().map(|d| file_name(&d.cached)),
        None => originals.get(file).cloned().flatten(),
    };
    // The charity's logo (hub.yaml `brand.logo`) on every card, from the
    // cache like any picture, so its name says what it holds.
    let logo = public
        .config
        .brand
        .logo
        .as_deref()
        .and_then(|f| cache_original(f, cache, static_dir));
    // And its colour, as check has read it (a colour it refused stops the build).
    let accent = public
        .config
        .brand
        .accent
        .as_deref()
        .and_then(crate::brand::Colour::parse)
        .map(crate::brand::Colour::hex);
    card_inputs(public, &picture)
        .into_par_iter()
        .map(|mut input| {
            input.logo = logo.as_deref();
            input.accent = accent.as_deref();
            let entry = input.entry(theme);
            let svg = match cache.has(&entry) {
                true => None,
                false => Some(input.lay_out(theme, painter)?),
            };
            Ok(PlannedCard {
                page: input.page,
                svg,
                entry,
            })
        })
        .collect()
}

/// What one share card shows. The card is named in the cache after these
/// and the card template, not after its finished SVG, so a rebuild need not
/// lay out the thousands of cards it already has.
struct CardInput<'a> {
    page: Route,
    /// "person", "story", "campaign" or "topic": the template lays each out
    /// in its own way.
    kind: &'static str,
    title: &'a str,
    subtitle: Cow<'a, str>,
    organisation: &'a str,
    site_title: &'a str,
    /// The cached picture's file name, itself named after its content.
    photo: Option<String>,
    /// The cached logo's file name, likewise.
    logo: Option<&'a str>,
    /// The brand's accent colour, `#rrggbb`.
    accent: Option<&'a str>,
}

/// Change when the drawing or the text layout of cards changes, so cards
/// in existing caches are drawn again.
const CARD_LAYOUT: &str = "card-layout-4";

impl CardInput<'_> {
    fn entry(&self, theme: &Theme) -> Entry {
        Entry::of(
            &[
                CARD_LAYOUT.as_bytes(),
                env!("CARGO_PKG_VERSION").as_bytes(),
                theme.card_source().as_bytes(),
                self.kind.as_bytes(),
                self.title.as_bytes(),
                self.subtitle.as_bytes(),
                self.organisation.as_bytes(),
                self.site_title.as_bytes(),
                self.photo.as_deref().unwrap_or("").as_bytes(),
                self.logo.unwrap_or("").as_bytes(),
                self.accent.unwrap_or("").as_bytes(),
            ],
            "jpg",
        )
    }

    fn lay_out(&self, theme: &Theme, painter: &card::Painter) -> Result<String, Error> {
        let text = card::CardText::new(
            self.kind,
            self.title,
            &self.subtitle,
            self.organisation,
            self.site_title,
            self.photo.clone(),
            painter,
        )
        .with_brand(self.logo, self.accent);
        theme.render("share_card.svg", &text)
    }
}

/// Every card the public hub gets: one per profile, story, campaign and
/// topic page. Only the public `View` goes in, so a card can only say what
/// the hub says. `picture` names a photo's or story image's file for the
/// template.
fn card_inputs<'a>(
    public: &View<'a>,
    picture: &(dyn Fn(&str, Shape) -> Option<String> + Sync),
) -> Vec<CardInput<'a>> {
    let card = |page, kind, title, subtitle, photo| CardInput {
        page,
        kind,
        title,
        subtitle,
        organisation: public.config.organisation.name.as_str(),
        site_title: public.config.title.as_str(),
        photo,
        logo: None,
        accent: None,
    };
    let mut cards: Vec<CardInput> = Vec::new();
    cards.extend(public.people.iter().map(|p| {
        let role = p.role.or(p.team).unwrap_or("");
        let photo = p.photo.and_then(|f| picture(f, Shape::Square));
        card(routes::person(p.slug), "person", p.name, role.into(), photo)
    }));
    cards.extend(public.stories.iter().map(|s| {
        let photo = s.image.and_then(|f| picture(f, Shape::Wide));
        let summary = s.summary.unwrap_or("");
        card(
            routes::story(s.slug),
            "story",
            s.title,
            summary.into(),
            photo,
        )
    }));
    cards.extend(public.campaigns.iter().map(|c| {
        // Stories are newest first: the campaign shows its latest picture.
        let photo = public
            .stories
            .iter()
            .filter(|s| s.campaign.is_some_and(|sc| sc.slug == c.slug))
            .find_map(|s| s.image.and_then(|f| picture(f, Shape::Wide)));
        let dates = Day::span(c.starts, c.ends).unwrap_or_default();
        card(
            routes::campaign(c.slug),
            "campaign",
            c.title,
            dates.into(),
            photo,
        )
    }));
    let topics = taxonomy::build(public, Facet::Topic, &public.person_index());
    cards.extend(topics.terms.into_iter().map(|t| {
        let page = routes::facet_term(Facet::Topic, &t.slug);
        let counts = topic_counts(t.people.len(), t.stories.len());
        card(page, "topic", t.label, counts.into(), None)
    }));
    cards
}

/// "3 people to talk to · 2 stories", as a topic's card says it.
fn topic_counts(people: usize, stories: usize) -> String {
    let plural = |n: usize, one: &str, many: &str| match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    };
    let mut parts = Vec::new();
    if people > 0 {
        parts.push(plural(people, "person to talk to", "people to talk to"));
    }
    if stories > 0 {
        parts.push(plural(stories, "story", "stories"));
    }
    parts.join(" · ")
}

/// The SVG text of every share card the public hub in `public` gets, by
/// page URL, without drawing them or reading pictures: for proving that a
/// card never carries what the hub must not show.
pub fn card_texts(public: &View, theme: &Theme) -> Result<Vec<(String, String)>, Error> {
    let painter = card::Painter::new(Path::new("."));
    card_inputs(public, &|_, _| None)
        .into_par_iter()
        .map(|input| {
            Ok((
                input.page.url().to_string(),
                input.lay_out(theme, &painter)?,
            ))
        })
        .collect()
}

/// Copy a picture that is not resized into the cache under its content
/// hash, so a card's SVG names it by content too. `None` when it cannot be
/// read (validation has reported a missing file already).
fn cache_original(file: &str, cache: &Cache, static_dir: &Path) -> Option<String> {
    let bytes = std::fs::read(static_dir.join(file)).ok()?;
    let ext = Path::new(file)
        .extension()?
        .to_string_lossy()
        .to_ascii_lowercase();
    let entry = Entry::of(&[&bytes], &ext);
    if !cache.has(&entry) {
        cache.put(&entry, &bytes).ok()?;
    }
    Some(entry.name().to_string())
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
