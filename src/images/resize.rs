//! Photos and story images, resized at build time: people's photos into
//! square thumbnails (cropped to the centre), story images into a few
//! widths, so each page's `srcset` lets the browser fetch only the pixels
//! it shows.

use crate::survey::picture::{decoder, Probe};
use image::imageops::FilterType;
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageFormat};
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

impl Shape {
    pub fn tag(self) -> &'static str {
        match self {
            Shape::Square => "square",
            Shape::Wide => "wide",
        }
    }
}

/// Can these bytes be resized? Only JPEG and PNG are; other formats
/// (SVG, GIF, WebP) are published as they are.
pub fn is_resizable(file: &str) -> bool {
    let lower = file.to_ascii_lowercase();
    [".jpg", ".jpeg", ".png"].iter().any(|e| lower.ends_with(e))
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
    let (mut decoder, format) = decoder(Cursor::new(bytes))?;
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

    /// The survey's reading of a header, from bytes.
    fn probe(bytes: &[u8]) -> Result<Probe, String> {
        crate::survey::picture::probe(Cursor::new(bytes))
    }

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
