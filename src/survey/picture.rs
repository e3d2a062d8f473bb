//! The pictures in static/, each header read once when the site is loaded:
//! pages give a picture that was not resized its width and height (so the
//! page keeps its place while it loads), link previews need them too, and
//! `images` plans every resized size from them. A JPEG or PNG header is
//! read by the decoder that will resize it, under the same limits, so
//! `check` and `build` refuse exactly what it cannot open.

use image::metadata::Orientation;
use image::{ImageDecoder, ImageFormat, ImageReader};
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap};
use std::io::{BufRead, BufReader, Seek};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Picture headers read since the program started: the tests prove it is
/// one read for each static file, however many pages show it.
static READS: AtomicUsize = AtomicUsize::new(0);

pub fn reads() -> usize {
    READS.load(Ordering::Relaxed)
}

/// What a picture's header says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    /// As displayed: a JPEG's orientation tag is applied.
    pub width: u32,
    pub height: u32,
    pub format: imagesize::ImageType,
    /// For a JPEG or PNG, which convene resizes: what resizing needs, or
    /// why it can't be opened (too big, unreadable).
    pub resizable: Option<Result<Probe, String>>,
}

/// The largest picture convene opens: 16,384 pixels a side and 50
/// megapixels in all (a 12-48 MP phone photo fits; a 20,000 × 20,000
/// picture, 1.6 GB once decoded, does not). Checked from the header
/// before any pixel is decoded, and enforced by the decoder as well.
pub const MAX_SIDE: u32 = 16_384;
pub const MAX_PIXELS: u64 = 50_000_000;

/// What the decoder may allocate: one picture of `MAX_PIXELS` in RGBA,
/// with room for the decoder's own buffers.
const MAX_DECODE_BYTES: u64 = 4 * MAX_PIXELS + 64 * 1024 * 1024;

/// What the header of a JPEG or PNG says, read without decoding pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Probe {
    /// As displayed, after the camera's orientation tag is applied.
    pub width: u32,
    pub height: u32,
    pub format: ImageFormat,
}

impl Probe {
    /// The file extension derived images of this source get.
    pub fn extension(&self) -> &'static str {
        if self.format == ImageFormat::Png {
            "png"
        } else {
            "jpg"
        }
    }
}

/// A JPEG or PNG decoder for `reader`, under convene's limits.
pub fn decoder<'a, R: BufRead + Seek + 'a>(
    reader: R,
) -> Result<(impl ImageDecoder + 'a, ImageFormat), String> {
    let mut reader = ImageReader::new(reader)
        .with_guessed_format()
        .map_err(|e| e.to_string())?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let format = reader
        .format()
        .filter(|f| matches!(f, ImageFormat::Jpeg | ImageFormat::Png))
        .ok_or("it is not a JPEG or PNG image")?;
    let decoder = reader.into_decoder().map_err(|e| match e {
        image::ImageError::Limits(_) => too_big(),
        e => e.to_string(),
    })?;
    Ok((decoder, format))
}

/// Read the size and format from the header.
pub fn probe<R: BufRead + Seek>(reader: R) -> Result<Probe, String> {
    let (mut decoder, format) = decoder(reader)?;
    let (w, h) = decoder.dimensions();
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let (width, height) = if turns_sideways(orientation) {
        (h, w)
    } else {
        (w, h)
    };
    if width == 0 || height == 0 {
        return Err("it has no pixels".into());
    }
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(format!("it is {width} × {height} pixels: {}", too_big()));
    }
    Ok(Probe {
        width,
        height,
        format,
    })
}

/// Why a picture is refused for its size, in words.
pub fn too_big() -> String {
    format!(
        "that is over convene's limit of {} megapixels and {MAX_SIDE} pixels a side",
        MAX_PIXELS / 1_000_000
    )
}

pub fn turns_sideways(o: Orientation) -> bool {
    matches!(
        o,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    )
}

/// Every file under static/ whose header is a picture's, by its path
/// relative to static/.
#[derive(Debug, Default)]
pub struct Pictures(HashMap<PathBuf, Picture>);

impl Pictures {
    /// Read the header of each of `files` (relative to `static_dir`), in
    /// parallel. A file that is no picture, or that can't be read, is
    /// simply not one here: `check` reports the pictures that matter.
    pub fn of(static_dir: &Path, files: &BTreeSet<PathBuf>) -> Pictures {
        Pictures(
            files
                .par_iter()
                .filter_map(|file| Some((file.clone(), header(&static_dir.join(file))?)))
                .collect(),
        )
    }

    pub fn get(&self, file: &Path) -> Option<&Picture> {
        self.0.get(file)
    }
}

fn header(path: &Path) -> Option<Picture> {
    READS.fetch_add(1, Ordering::Relaxed);
    let mut reader = BufReader::new(std::fs::File::open(path).ok()?);
    // A look at the first bytes, left in the reader for whoever reads on.
    let start = reader.fill_buf().ok()?;
    let format = match start {
        [0xFF, 0xD8, ..] => Some(imagesize::ImageType::Jpeg),
        [0x89, b'P', b'N', b'G', ..] => Some(imagesize::ImageType::Png),
        _ => None,
    };
    if let Some(format) = format {
        let resizable = probe(reader);
        let (width, height) = resizable.as_ref().map_or((0, 0), |p| (p.width, p.height));
        return Some(Picture {
            width,
            height,
            format,
            resizable: Some(resizable),
        });
    }
    let format = imagesize::reader_type(&mut reader).ok()?;
    let size = format.reader_size(&mut reader).ok()?;
    Some(Picture {
        width: u32::try_from(size.width).ok()?,
        height: u32::try_from(size.height).ok()?,
        format,
        resizable: None,
    })
}
