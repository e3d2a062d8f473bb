//! Pictures published on the public hub as they are (an original at its
//! static/ address, a WebP) lose what cameras and editors hide in them:
//! EXIF (the GPS position of a home, the camera owner's name, when it was
//! taken), XMP (author, editing history), IPTC and comments. Resized
//! pictures and share cards are drawn afresh and carry none to begin with.
//!
//! Originals are stripped rather than withheld because stories link to
//! them (`![..](../static/photos/x.jpg)`) and `--no-images` shows them.
//! Two things survive: the colour profile, so colours stay true, and the
//! orientation, written back alone, so a photo taken on its side still
//! shows upright.

use img_parts::{jpeg::Jpeg, png::Png, webp::WebP, Bytes, ImageEXIF};
use std::path::Path;

/// JPEG segments that only ever hold metadata: APP1 (EXIF, XMP), APP3-APP13
/// (IPTC in APP13, vendors' notes), APP15, and comments. APP0 (JFIF), APP2
/// (the colour profile) and APP14 (Adobe's colour transform, needed to
/// decode some files) stay.
fn is_metadata_segment(marker: u8) -> bool {
    matches!(marker, 0xE1 | 0xE3..=0xED | 0xEF | 0xFE)
}

/// PNG chunks of text and EXIF.
const PNG_METADATA: &[[u8; 4]] = &[*b"tEXt", *b"zTXt", *b"iTXt", *b"eXIf", *b"tIME"];

/// Can `path` carry metadata convene knows how to remove?
pub fn is_strippable(path: &Path) -> bool {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    matches!(ext.as_str(), "jpg" | "jpeg" | "png" | "webp")
}

/// The picture without its metadata; other files unchanged. An error when
/// a JPEG, PNG or WebP can't be read, so it is never published unread.
pub fn strip(path: &Path, bytes: Vec<u8>) -> Result<Vec<u8>, String> {
    if !is_strippable(path) {
        return Ok(bytes);
    }
    let orientation = orientation(&bytes);
    let data = Bytes::from(bytes);
    let unread = |e: img_parts::Error| match e {
        img_parts::Error::Truncated => "the file is cut short".to_string(),
        e => e.to_string(),
    };
    let stripped = if data.starts_with(&[0xFF, 0xD8]) {
        let mut jpeg = Jpeg::from_bytes(data).map_err(unread)?;
        jpeg.segments_mut()
            .retain(|s| !is_metadata_segment(s.marker()));
        jpeg.set_exif(orientation.map(exif_orientation));
        jpeg.encoder().bytes()
    } else if data.starts_with(b"\x89PNG") {
        let mut png = Png::from_bytes(data).map_err(unread)?;
        png.chunks_mut()
            .retain(|c| !PNG_METADATA.contains(&c.kind()));
        png.set_exif(orientation.map(exif_orientation));
        png.encoder().bytes()
    } else if data.starts_with(b"RIFF") {
        let mut webp = WebP::from_bytes(data).map_err(unread)?;
        webp.remove_chunks_by_id(img_parts::webp::CHUNK_XMP);
        webp.set_exif(orientation.map(exif_orientation));
        webp.encoder().bytes()
    } else {
        return Err("it is not the picture its name says".into());
    };
    Ok(stripped.to_vec())
}

/// The EXIF orientation (2 to 8) a picture asks to be turned by, if any.
fn orientation(bytes: &[u8]) -> Option<u8> {
    use image::ImageDecoder;
    let reader = image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .ok()?;
    let mut decoder = reader.into_decoder().ok()?;
    let exif = decoder.orientation().ok()?.to_exif();
    (exif != 1).then_some(exif)
}

/// An EXIF block holding the orientation and nothing else: a big-endian
/// TIFF header, one IFD with one SHORT entry (tag 0x0112), no next IFD.
fn exif_orientation(value: u8) -> Bytes {
    let mut exif = Vec::with_capacity(26);
    exif.extend_from_slice(b"MM\0\x2a\0\0\0\x08");
    exif.extend_from_slice(&1u16.to_be_bytes());
    exif.extend_from_slice(&0x0112u16.to_be_bytes());
    exif.extend_from_slice(&3u16.to_be_bytes());
    exif.extend_from_slice(&1u32.to_be_bytes());
    exif.extend_from_slice(&[0, value, 0, 0]);
    exif.extend_from_slice(&0u32.to_be_bytes());
    Bytes::from(exif)
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{DynamicImage, ImageDecoder, RgbImage};

    /// A JPEG with an EXIF block (orientation 6 and a GPS-like note), an
    /// XMP packet and a comment, as a phone and an editor leave them.
    fn tagged_jpeg() -> Vec<u8> {
        let img = DynamicImage::ImageRgb8(RgbImage::from_pixel(16, 8, image::Rgb([200, 10, 10])));
        let mut plain = Vec::new();
        img.write_to(
            &mut std::io::Cursor::new(&mut plain),
            image::ImageFormat::Jpeg,
        )
        .unwrap();
        let mut jpeg = Jpeg::from_bytes(Bytes::from(plain)).unwrap();
        let mut exif = exif_orientation(6).to_vec();
        exif.extend_from_slice(b"GPS 51.5N 0.12W SECRET-OWNER");
        jpeg.set_exif(Some(Bytes::from(exif)));
        let xmp = b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>SECRET-AUTHOR</x:xmpmeta>";
        let segments = jpeg.segments_mut();
        segments.insert(
            1,
            img_parts::jpeg::JpegSegment::new_with_contents(0xE1, Bytes::from_static(xmp)),
        );
        segments.insert(
            1,
            img_parts::jpeg::JpegSegment::new_with_contents(
                0xFE,
                Bytes::from_static(b"SECRET-COMMENT"),
            ),
        );
        jpeg.encoder().bytes().to_vec()
    }

    fn contains(bytes: &[u8], needle: &[u8]) -> bool {
        bytes.windows(needle.len()).any(|w| w == needle)
    }

    #[test]
    fn jpeg_metadata_goes_and_the_orientation_stays() {
        let source = tagged_jpeg();
        assert!(contains(&source, b"SECRET-OWNER") && contains(&source, b"SECRET-AUTHOR"));
        let stripped = strip(Path::new("photos/a.JPG"), source).unwrap();
        for secret in [
            &b"SECRET-OWNER"[..],
            b"SECRET-AUTHOR",
            b"SECRET-COMMENT",
            b"GPS",
        ] {
            assert!(
                !contains(&stripped, secret),
                "{}",
                String::from_utf8_lossy(secret)
            );
        }
        let mut decoder = image::ImageReader::new(std::io::Cursor::new(&stripped))
            .with_guessed_format()
            .unwrap()
            .into_decoder()
            .unwrap();
        assert_eq!(decoder.orientation().unwrap().to_exif(), 6);
        let back = image::load_from_memory(&stripped).unwrap();
        assert_eq!((back.width(), back.height()), (16, 8));
    }

    #[test]
    fn png_text_chunks_go() {
        let img = DynamicImage::ImageRgb8(RgbImage::from_pixel(4, 4, image::Rgb([0, 0, 0])));
        let mut plain = Vec::new();
        img.write_to(
            &mut std::io::Cursor::new(&mut plain),
            image::ImageFormat::Png,
        )
        .unwrap();
        let mut png = Png::from_bytes(Bytes::from(plain)).unwrap();
        let at = png.chunks().len() - 1;
        png.chunks_mut().insert(
            at,
            img_parts::png::PngChunk::new(*b"tEXt", Bytes::from_static(b"Author\0SECRET-AUTHOR")),
        );
        let source = png.encoder().bytes().to_vec();
        assert!(contains(&source, b"SECRET-AUTHOR"));
        let stripped = strip(Path::new("a.png"), source).unwrap();
        assert!(!contains(&stripped, b"SECRET-AUTHOR"));
        assert!(image::load_from_memory(&stripped).is_ok());
    }

    #[test]
    fn unreadable_pictures_are_errors_and_other_files_pass() {
        assert!(strip(Path::new("a.jpg"), b"not a jpeg".to_vec()).is_err());
        assert_eq!(
            strip(Path::new("a.svg"), b"<svg/>".to_vec()).unwrap(),
            b"<svg/>"
        );
    }
}
