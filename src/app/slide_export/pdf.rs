//! The slides' PDF handout: one page per slide, each page the slide's picture (its RGB samples
//! Flate-compressed), sized at 96 pixels to the inch as a screen shows it.

use miniz_oxide::deflate::{CompressionLevel, compress_to_vec_zlib};
use pdf_writer::{Content, Filter, Finish as _, Name, Pdf, Rect, Ref};

/// PDF points per pixel: 72 points to the inch, 96 pixels to the inch.
const POINTS_PER_PIXEL: f32 = 72.0 / 96.0;

/// A PDF with one page per picture of `pages`, in order, each page the picture's size.
#[must_use]
pub fn handout(pages: &[image::RgbaImage]) -> Vec<u8> {
    let mut pdf = Pdf::new();
    let mut next = 1;
    let mut new_ref = || {
        let reference = Ref::new(next);
        next += 1;
        reference
    };
    let catalog = new_ref();
    let page_tree = new_ref();
    // Each page: the page, its picture and its content stream.
    let page_refs: Vec<(Ref, Ref, Ref)> = pages
        .iter()
        .map(|_| (new_ref(), new_ref(), new_ref()))
        .collect();
    pdf.catalog(catalog).pages(page_tree);
    pdf.pages(page_tree)
        .kids(page_refs.iter().map(|&(page, _, _)| page))
        .count(i32::try_from(pages.len()).unwrap_or(i32::MAX));
    let picture_name = Name(b"Slide");
    for (picture, &(page_ref, image_ref, content_ref)) in pages.iter().zip(&page_refs) {
        let (width, height) = picture.dimensions();
        // A picture's sides are at most the graphics device's limit: exact in an f32.
        #[allow(clippy::cast_precision_loss)]
        let (page_width, page_height) = (
            width as f32 * POINTS_PER_PIXEL,
            height as f32 * POINTS_PER_PIXEL,
        );
        let mut page = pdf.page(page_ref);
        page.media_box(Rect::new(0.0, 0.0, page_width, page_height));
        page.parent(page_tree);
        page.contents(content_ref);
        page.resources().x_objects().pair(picture_name, image_ref);
        page.finish();

        let rgb: Vec<u8> = picture
            .pixels()
            .flat_map(|pixel| {
                let [red, green, blue, _] = pixel.0;
                [red, green, blue]
            })
            .collect();
        let compressed = compress_to_vec_zlib(&rgb, CompressionLevel::DefaultLevel as u8);
        let mut image = pdf.image_xobject(image_ref, &compressed);
        image.filter(Filter::FlateDecode);
        image.width(i32::try_from(width).unwrap_or(i32::MAX));
        image.height(i32::try_from(height).unwrap_or(i32::MAX));
        image.color_space().device_rgb();
        image.bits_per_component(8);
        image.finish();

        let mut content = Content::new();
        content.save_state();
        content.transform([page_width, 0.0, 0.0, page_height, 0.0, 0.0]);
        content.x_object(picture_name);
        content.restore_state();
        pdf.stream(content_ref, &content.finish());
    }
    pdf.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How many times `needle` occurs in `haystack`.
    fn count(haystack: &[u8], needle: &[u8]) -> usize {
        haystack
            .windows(needle.len())
            .filter(|window| *window == needle)
            .count()
    }

    #[test]
    fn each_picture_is_a_page_of_its_size_with_its_samples_compressed() {
        let red = image::RgbaImage::from_pixel(192, 108, image::Rgba([200, 30, 60, 255]));
        let blue = image::RgbaImage::from_pixel(192, 108, image::Rgba([20, 30, 160, 255]));
        let bytes = handout(&[red, blue.clone(), blue]);
        assert!(bytes.starts_with(b"%PDF-"));
        assert_eq!(count(&bytes, b"/Type /Page\n"), 3, "three pages");
        assert_eq!(count(&bytes, b"/Count 3"), 1);
        assert_eq!(count(&bytes, b"/FlateDecode"), 3);
        // 192×108 pixels at 96 to the inch are 144×81 points.
        assert_eq!(count(&bytes, b"/MediaBox [0 0 144 81]"), 3);
        // 192 × 108 × 3 bytes of one colour compress to far less.
        assert!(bytes.len() < 192 * 108, "{} bytes", bytes.len());
    }
}
