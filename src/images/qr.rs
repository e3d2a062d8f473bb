//! QR codes of profile addresses, drawn as SVG: inline on profile pages
//! and signature pages, and cached as pictures by `images`.

/// The profile address as an inline SVG QR code, for badges and slides.
pub fn qr_svg(url: &str) -> String {
    use qrcode::Color;
    use std::fmt::Write;
    let Ok(code) = qrcode::QrCode::new(url.as_bytes()) else {
        return String::new();
    };
    let width = code.width();
    // Drawn in module units, with the standard quiet zone of four modules,
    // and scaled up by the viewBox to whole pixels per module of at least
    // 160 px in all, so scanners see crisp edges.
    let size = width + 2 * QR_QUIET_ZONE;
    let pixels = size * 160_usize.div_ceil(size);
    // One subpath per run of dark modules in a row: about 4 KB on every
    // public profile page, where a square per module took 10 KB.
    let mut path = String::with_capacity(width * width);
    for (y, row) in code.to_colors().chunks(width).enumerate() {
        let mut x = 0;
        while x < width {
            let run = row[x..].iter().take_while(|c| **c == Color::Dark).count();
            if run > 0 {
                let (left, top) = (x + QR_QUIET_ZONE, y + QR_QUIET_ZONE);
                let _ = write!(path, "M{left} {top}h{run}v1h-{run}z");
            }
            x += run.max(1);
        }
    }
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{pixels}\" height=\"{pixels}\" \
         viewBox=\"0 0 {size} {size}\" shape-rendering=\"crispEdges\">\
         <rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/>\
         <path fill=\"#000\" d=\"{path}\"/></svg>"
    )
}

/// Light modules around a QR code, as the standard asks.
const QR_QUIET_ZONE: usize = 4;

#[cfg(test)]
mod tests {
    use super::*;

    /// Draw an SVG at its own size, as a browser would, and read the QR
    /// code in it as a phone would.
    fn scan(svg: &str) -> String {
        use resvg::{tiny_skia, usvg};
        let tree = usvg::Tree::from_str(svg, &usvg::Options::default()).expect("valid SVG");
        let size = tree.size().to_int_size();
        let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).expect("a size");
        resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
        let width = pixmap.width() as usize;
        let pixels = pixmap.pixels();
        let mut image =
            rqrr::PreparedImage::prepare_from_greyscale(width, pixmap.height() as usize, |x, y| {
                pixels[y * width + x].demultiply().red()
            });
        let grids = image.detect_grids();
        assert_eq!(grids.len(), 1, "one QR code in the picture");
        grids[0].decode().expect("a readable code").1
    }

    #[test]
    fn qr_codes_scan_back_to_their_address() {
        for url in [
            "https://people.example.org/people/amara-okafor/",
            "https://hub.example/people/a-much-longer-name-with-many-parts-to-it-2/",
        ] {
            let svg = qr_svg(url);
            assert!(svg.starts_with("<svg") && svg.contains("h-"), "{svg}");
            assert_eq!(scan(&svg), url);
        }
    }
}
