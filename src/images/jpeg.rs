//! Share cards as JPEG, encoded band by band. Encoding is most of the cost
//! of a card, and most of a card is its layer (see layers.rs): the top
//! band and the footer are the same on every card. So a card's JPEG has a
//! restart marker after every band of 16 pixel rows (one row of 16×16
//! blocks, the unit of 4:2:0 JPEG), which makes each band's compressed
//! bytes depend on that band's pixels alone. The layer is encoded once;
//! a card encodes only the bands where its pixels differ from the layer's
//! and takes the layer's bytes for the rest. The file is byte for byte
//! the one encoding the whole card gives (the tests compare them).

use super::card::{HEIGHT, WIDTH};
use resvg::tiny_skia::Pixmap;

/// Rows of pixels in a band: one row of 4:2:0 blocks.
const BAND: usize = 16;
const BANDS: usize = (HEIGHT as usize).div_ceil(BAND);
/// Bytes in a row of RGBA pixels.
const ROW: usize = WIDTH as usize * 4;

/// Chosen by measurement (DSSIM against the drawn pixels, jpeg-encoder
/// with its 4:2:0 chroma below 90, the quicker to encode too): at 85 a card
/// of text and flat colour stays under a DSSIM of 0.0006 (0.00028 for a
/// topic card, 0.00055 beside an illustrated photo; 88 gave 0.00022 and
/// 0.00045) and is 8-10% smaller than at 88 (57 KB instead of 63 KB for a
/// profile). Below 85 the error grows faster than the file shrinks (75:
/// 0.00097, 48 KB) and blocks show around photos at twice the size. The
/// time to encode hardly depends on the quality.
const QUALITY: u8 = 85;

/// Cards are JPEG: they carry photos, which PNG stores several times
/// larger, and every network accepts JPEG previews. jpeg-encoder is three
/// to four times quicker than the `image` crate's encoder, in plain Rust
/// (see Cargo.toml for why not its AVX2 code), so a card's bytes are the
/// same on every machine.
pub fn encode(pixmap: &Pixmap) -> Result<Vec<u8>, String> {
    encode_rows(pixmap.data())
}

/// Encode whole rows of RGBA pixels (opaque: drawn over white, so the
/// premultiplied RGBA is plain RGBA) as a JPEG 1200 pixels wide.
fn encode_rows(rgba: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(128 * 1024);
    let mut encoder = jpeg_encoder::Encoder::new(&mut out, QUALITY);
    // A restart interval of one band: the blocks across the card.
    encoder.set_restart_interval(WIDTH.div_ceil(BAND as u32) as u16);
    let height = u16::try_from(rgba.len() / ROW).map_err(|e| e.to_string())?;
    encoder
        .encode(rgba, WIDTH as u16, height, jpeg_encoder::ColorType::Rgba)
        .map_err(|e| e.to_string())?;
    Ok(out)
}

/// A card's JPEG cut at its restart markers.
pub struct Bands {
    /// Everything up to the compressed data (the size, the tables).
    header: Vec<u8>,
    /// The compressed bytes of each band, markers left out.
    bands: Vec<Vec<u8>>,
}

impl Bands {
    pub fn of(jpeg: &[u8]) -> Result<Bands, String> {
        let (header, bands) = cut(jpeg)?;
        Ok(Bands {
            header: header.to_vec(),
            bands: bands.into_iter().map(<[u8]>::to_vec).collect(),
        })
    }
}

/// Split a JPEG as `encode_rows` writes it into its header and the
/// compressed bytes of each band.
fn cut(jpeg: &[u8]) -> Result<(&[u8], Vec<&[u8]>), String> {
    let bad = || "the card's JPEG is not as expected".to_string();
    // The start-of-scan segment is the last thing in the header.
    let sos = jpeg
        .windows(2)
        .position(|w| w == [0xFF, 0xDA])
        .ok_or_else(bad)?;
    let length = jpeg.get(sos + 2..sos + 4).ok_or_else(bad)?;
    let data = sos + 2 + usize::from(u16::from_be_bytes([length[0], length[1]]));
    let scan = jpeg
        .get(data..jpeg.len().checked_sub(2).ok_or_else(bad)?)
        .ok_or_else(bad)?;
    // In compressed data 0xFF is always followed by 0x00 (stuffing) or a
    // marker; RST0-RST7 are 0xD0-0xD7.
    let mut bands = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i + 1 < scan.len() {
        if scan[i] == 0xFF && (0xD0..=0xD7).contains(&scan[i + 1]) {
            bands.push(&scan[start..i]);
            start = i + 2;
            i += 2;
        } else {
            i += 1;
        }
    }
    bands.push(&scan[start..]);
    Ok((&jpeg[..data], bands))
}

/// Encode `pixmap`, a card drawn over `base`, taking `base`'s compressed
/// bands wherever the card's pixels are the same.
pub fn encode_over(pixmap: &Pixmap, base: &Pixmap, encoded: &Bands) -> Result<Vec<u8>, String> {
    let rows = |band: usize| band * BAND * ROW..((band + 1) * BAND).min(HEIGHT as usize) * ROW;
    let (now, before) = (pixmap.data(), base.data());
    let mut out = encoded.header.clone();
    let mut band = 0;
    while band < BANDS {
        if now[rows(band)] == before[rows(band)] {
            push_band(&mut out, band, &encoded.bands[band]);
            band += 1;
            continue;
        }
        // A run of changed bands, encoded together.
        let end = (band..BANDS)
            .find(|&b| now[rows(b)] == before[rows(b)])
            .unwrap_or(BANDS);
        let strip = encode_rows(&now[rows(band).start..rows(end - 1).end])?;
        let (_, made) = cut(&strip)?;
        if made.len() != end - band {
            return Err("the card's JPEG is not as expected".into());
        }
        for bytes in made {
            push_band(&mut out, band, bytes);
            band += 1;
        }
    }
    out.extend_from_slice(&[0xFF, 0xD9]);
    Ok(out)
}

/// Append band `band`'s compressed bytes, after the restart marker that
/// comes before every band but the first (RST0 to RST7 in turn).
fn push_band(out: &mut Vec<u8>, band: usize, bytes: &[u8]) {
    if band > 0 {
        out.extend_from_slice(&[0xFF, 0xD0 + ((band - 1) % 8) as u8]);
    }
    out.extend_from_slice(bytes);
}

#[cfg(test)]
mod tests {
    use super::*;
    use resvg::tiny_skia::{Color, Paint, PathBuilder, Rect, Transform};

    fn card(marks: &[(f32, f32, f32, f32)]) -> Pixmap {
        let mut p = Pixmap::new(WIDTH, HEIGHT).unwrap();
        p.fill(Color::from_rgba8(0xfb, 0xf8, 0xf3, 0xff));
        let mut paint = Paint::default();
        paint.set_color_rgba8(0x0c, 0x6b, 0x50, 0xff);
        for &(x, y, w, h) in marks {
            let circle = PathBuilder::from_circle(x + w / 2.0, y + h / 2.0, w / 2.0).unwrap();
            p.fill_path(
                &circle,
                &paint,
                Default::default(),
                Transform::identity(),
                None,
            );
            p.fill_rect(
                Rect::from_xywh(x, y, w, h / 3.0).unwrap(),
                &paint,
                Transform::identity(),
                None,
            );
        }
        p
    }

    #[test]
    fn a_card_encoded_over_its_layer_is_the_file_encoding_it_whole_gives() {
        let base = card(&[(0.0, 540.0, 1200.0, 90.0)]);
        let encoded = Bands::of(&encode(&base).unwrap()).unwrap();
        assert_eq!(encoded.bands.len(), BANDS);
        for marks in [
            vec![],
            vec![(80.0, 100.0, 500.0, 60.0)],
            vec![(80.0, 100.0, 500.0, 60.0), (700.0, 300.0, 300.0, 300.0)],
            vec![(0.0, 0.0, 40.0, 40.0), (1100.0, 600.0, 100.0, 30.0)],
            vec![(3.0, 5.0, 1190.0, 620.0)],
        ] {
            let mut all = vec![(0.0, 540.0, 1200.0, 90.0)];
            all.extend(marks);
            let drawn = card(&all);
            let whole = encode(&drawn).unwrap();
            assert!(
                encode_over(&drawn, &base, &encoded).unwrap() == whole,
                "{all:?}"
            );
            assert!(image::load_from_memory(&whole).is_ok());
        }
    }
}
