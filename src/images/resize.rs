//! Photos and story images, resized at build time: people's photos into
//! square thumbnails (cropped to the centre), story images into a few
//! widths, so each page's `srcset` lets the browser fetch only the pixels
//! it shows.

use image::imageops::FilterType;
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};
use std::io::Cursor;

/// How a source image is cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Shape {
    /// People's photos: square, cropped to the centre.
    Square,
    /// Story images: the whole picture, at several widths.
    Wide,
}

/// Widths of people's square thumbnails: lists show 64 CSS pixels, the
/// profile 160 and the share card about 420, on screens of up to 3x.
const SQUARE_SIDES: &[u32] = &[128, 320, 480];
/// Widths of story images: phones, laptops, large screens.
const WIDE_WIDTHS: &[u32] = &[480, 960, 1600];

/// JPEG quality for resized photos: visually clean, a fraction of the size.
const JPEG_QUALITY: u8 = 82;

/// The largest picture convene opens: 16,384 pixels a side and 50
/// megapixels in all (a 12-48 MP phone photo fits; a 20,000 × 20,000
/// picture, 1.6 GB once decoded, does not). Checked from the header
/// before any pixel is decoded, and enforced by the decoder as well.
pub const MAX_SIDE: u32 = 16_384;
pub const MAX_PIXELS: u64 = 50_000_000;

/// What the decoder may allocate: one picture of `MAX_PIXELS` in RGBA,
/// with room for the decoder's own buffers.
const MAX_DECODE_BYTES: u64 = 4 * MAX_PIXELS + 64 * 1024 * 1024;

impl Shape {
    pub fn tag(self) -> &'static str {
        match self {
            Shape::Square => "square",
            Shape::Wide => "wide",
        }
    }
}

/// What the header of a source image says, read without decoding pixels.
#[derive(Debug, Clone, Copy)]
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

/// Can these bytes be resized? Only JPEG and PNG are; other formats
/// (SVG, GIF, WebP) are published as they are.
pub fn is_resizable(file: &str) -> bool {
    let lower = file.to_ascii_lowercase();
    [".jpg", ".jpeg", ".png"].iter().any(|e| lower.ends_with(e))
}

fn decoder(bytes: &[u8]) -> Result<(impl ImageDecoder + '_, ImageFormat), String> {
    let mut reader = ImageReader::new(Cursor::new(bytes))
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

/// Why a picture is refused for its size, in words.
fn too_big() -> String {
    format!(
        "that is over convene's limit of {} megapixels and {MAX_SIDE} pixels a side",
        MAX_PIXELS / 1_000_000
    )
}

fn turns_sideways(o: Orientation) -> bool {
    matches!(
        o,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    )
}

/// Read the size and format from the header.
pub fn probe(bytes: &[u8]) -> Result<Probe, String> {
    let (mut decoder, format) = decoder(bytes)?;
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

/// The sizes to make for a source, largest first, never upscaled.
pub fn sizes(shape: Shape, probe: &Probe) -> Vec<(u32, u32)> {
    let (targets, limit) = match shape {
        Shape::Square => (SQUARE_SIDES, probe.width.min(probe.height)),
        Shape::Wide => (WIDE_WIDTHS, probe.width),
    };
    let mut widths: Vec<u32> = targets.iter().copied().filter(|&w| w <= limit).collect();
    if widths.is_empty() {
        // Smaller than the smallest size: one copy at its own size.
        widths.push(limit);
    }
    widths.reverse();
    widths
        .into_iter()
        .map(|w| match shape {
            Shape::Square => (w, w),
            Shape::Wide => {
                let h = (u64::from(probe.height) * u64::from(w) / u64::from(probe.width)).max(1);
                (w, h as u32)
            }
        })
        .collect()
}

/// Decode once and make every size in `sizes` (largest first), each
/// encoded in the source's format. Each size is made from the one before,
/// which is much quicker than going back to a large original every time.
pub fn make(bytes: &[u8], shape: Shape, sizes: &[(u32, u32)]) -> Result<Vec<Vec<u8>>, String> {
    let (mut decoder, format) = decoder(bytes)?;
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| e.to_string())?;
    image.apply_orientation(orientation);
    let mut out = Vec::with_capacity(sizes.len());
    for &(w, h) in sizes {
        image = match shape {
            Shape::Square => image.resize_to_fill(w, h, FilterType::CatmullRom),
            Shape::Wide => image.resize_exact(w, h, FilterType::CatmullRom),
        };
        out.push(encode(&image, format)?);
    }
    Ok(out)
}

fn encode(image: &DynamicImage, format: ImageFormat) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let result = if format == ImageFormat::Png {
        image.write_with_encoder(image::codecs::png::PngEncoder::new(&mut bytes))
    } else {
        // JPEG has no transparency; flatten to RGB first.
        DynamicImage::ImageRgb8(image.to_rgb8()).write_with_encoder(
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, JPEG_QUALITY),
        )
    };
    result.map_err(|e| e.to_string())?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picture(w: u32, h: u32, format: ImageFormat) -> Vec<u8> {
        let img = image::RgbImage::from_fn(w, h, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
        });
        encode(&DynamicImage::ImageRgb8(img), format).unwrap()
    }

    fn jpeg(w: u32, h: u32) -> Vec<u8> {
        picture(w, h, ImageFormat::Jpeg)
    }

    #[test]
    fn squares_are_cropped_and_never_upscaled() {
        let src = jpeg(400, 300);
        let p = probe(&src).unwrap();
        assert_eq!((p.width, p.height, p.extension()), (400, 300, "jpg"));
        let sizes = sizes(Shape::Square, &p);
        assert_eq!(sizes, vec![(128, 128)]);
        let made = make(&src, Shape::Square, &sizes).unwrap();
        let back = image::load_from_memory(&made[0]).unwrap();
        assert_eq!((back.width(), back.height()), (128, 128));
    }

    #[test]
    fn wide_images_keep_their_proportions() {
        let src = jpeg(2000, 1000);
        let p = probe(&src).unwrap();
        let sizes = sizes(Shape::Wide, &p);
        assert_eq!(sizes, vec![(1600, 800), (960, 480), (480, 240)]);
        for (bytes, (w, h)) in make(&src, Shape::Wide, &sizes).unwrap().iter().zip(&sizes) {
            let back = image::load_from_memory(bytes).unwrap();
            assert_eq!((back.width(), back.height()), (*w, *h));
        }
    }

    #[test]
    fn a_tiny_image_gets_one_copy_at_its_own_size() {
        let p = probe(&jpeg(90, 60)).unwrap();
        assert_eq!(sizes(Shape::Wide, &p), vec![(90, 60)]);
        assert_eq!(sizes(Shape::Square, &p), vec![(60, 60)]);
    }

    #[test]
    fn huge_pictures_are_refused_from_their_header() {
        // A real PNG header for 20,000 × 20,000 pixels, then nothing: the
        // size is refused before any pixel would be decoded.
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend_from_slice(&20_000u32.to_be_bytes());
        png.extend_from_slice(&20_000u32.to_be_bytes());
        png.extend_from_slice(&[8, 2, 0, 0, 0]);
        let crc = crc32(&png[12..]);
        png.extend_from_slice(&crc.to_be_bytes());
        let err = probe(&png).unwrap_err();
        assert!(err.contains("pixels") || err.contains("limit"), "{err}");
        assert!(make(&png, Shape::Square, &[(128, 128)]).is_err());
    }

    /// PNG's CRC-32, for a hand-made header.
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &b in bytes {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    #[test]
    fn broken_files_are_errors_not_panics() {
        assert!(probe(b"not an image").is_err());
        // A PNG cut short: the header survives, the pixels do not.
        let mut cut = picture(300, 300, ImageFormat::Png);
        cut.truncate(cut.len() / 3);
        assert!(probe(&cut).is_ok());
        assert!(make(&cut, Shape::Square, &[(128, 128)]).is_err());
        // JPEG decoding is forgiving: a cut-short JPEG gives a grey band,
        // still never a panic.
        let mut cut = jpeg(300, 300);
        cut.truncate(cut.len() / 3);
        let _ = make(&cut, Shape::Square, &[(128, 128)]);
    }
}
