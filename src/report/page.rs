//! The printed page of the HTML report: paper size and orientation, as the
//! report's `@page` rules state them.

use crate::render::Paper;

impl Paper {
    /// Width and height in millimetres, upright.
    pub fn millimetres(self) -> (f64, f64) {
        match self {
            Paper::A4 => (210.0, 297.0),
            Paper::A3 => (297.0, 420.0),
            Paper::Letter => (215.9, 279.4),
            Paper::Legal => (215.9, 355.6),
        }
    }

    /// The name CSS gives it in `@page { size: … }`.
    pub fn css(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::A3 => "A3",
            Paper::Letter => "letter",
            Paper::Legal => "legal",
        }
    }
}

/// The page the HTML report prints on: A4 upright unless told otherwise.
///
/// The text pages take this orientation; the diagram gets a page of its own
/// of the same size, turned to suit the drawing (on its side when the
/// drawing is wider than tall), and is scaled to fit it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Page {
    /// The paper.
    pub size: Paper,
    /// Whether the text pages lie on their side.
    pub landscape: bool,
}

/// The margin around every printed page, in millimetres.
const MARGIN_MM: f64 = 12.0;

/// What the diagram's page keeps free for its heading and caption, in
/// millimetres.
const DIAGRAM_CHROME_MM: f64 = 30.0;

/// What a page of the enlarged diagram keeps free for its caption, in
/// millimetres.
const TILE_CHROME_MM: f64 = 12.0;

/// The smallest scale at which the printed diagram is still read without
/// a lens: node text is drawn at 14 pt by default, so 0.5 prints it at
/// 7 pt, the smallest size `render --page` accepts.
const LEGIBLE_SCALE: f64 = 0.5;

/// How much of a part of the enlarged diagram its neighbour shows again.
const OVERLAP: f64 = 0.05;

/// Millimetres in a CSS pixel.
const MM_PER_PX: f64 = 25.4 / 96.0;

/// How the report prints: its `@page` rules and, when the diagram fitted
/// to one page would be too small to read, the pages that print it
/// enlarged, part by part.
#[derive(Debug)]
pub(crate) struct PrintLayout {
    /// The `@page` rules and the print size of the diagram.
    pub(crate) css: String,
    /// The parts of the enlarged diagram, row by row (none when the
    /// diagram is legible on one page).
    pub(crate) tiles: Vec<Tile>,
}

/// One part of the enlarged diagram: the part of the drawing it shows, in
/// the drawing's CSS pixels, and its printed size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Tile {
    /// Left, top, width and height of the part shown.
    pub(crate) view_box: [f64; 4],
    /// Printed width and height in millimetres.
    pub(crate) mm: [f64; 2],
    /// Row and column, from 1.
    pub(crate) at: (usize, usize),
}

impl Page {
    /// How the report prints with a diagram of `size` (width and height in
    /// CSS pixels; `None` when unknown: the diagram page then takes the
    /// text pages' orientation and nothing is enlarged).
    pub(crate) fn print_layout(self, size: Option<[f64; 2]>) -> PrintLayout {
        let orientation = |landscape: bool| if landscape { " landscape" } else { "" };
        let wide = size.map_or(self.landscape, |[w, h]| w > h);
        let (short, long) = self.size.millimetres();
        let (page_w, page_h) = if wide { (long, short) } else { (short, long) };
        let (avail_w, avail_h) = (page_w - 2.0 * MARGIN_MM, page_h - 2.0 * MARGIN_MM);
        let css = format!(
            "@page{{size:{name}{};margin:{MARGIN_MM}mm}}\n\
             @page diagram{{size:{name}{};margin:{MARGIN_MM}mm}}\n\
             @media print{{#diagram{{page:diagram}}.diagram svg{{max-width:{avail_w:.0}mm;max-height:{:.0}mm}}}}\n",
            orientation(self.landscape),
            orientation(wide),
            avail_h - DIAGRAM_CHROME_MM,
            name = self.size.css(),
        );
        let tiles = size.map_or_else(Vec::new, |[w, h]| {
            tiles(
                [w * MM_PER_PX, h * MM_PER_PX],
                [avail_w, avail_h - DIAGRAM_CHROME_MM],
                [avail_w, avail_h - TILE_CHROME_MM],
            )
        });
        PrintLayout { css, tiles }
    }
}

/// The parts that print a drawing of `natural` size (mm) legibly on pages
/// of `tile_area`, when fitting it to `overview_area` makes it too small;
/// each part is as large as the pages allow, and neighbours share a strip
/// ([`OVERLAP`] of a part), so that a node cut at one edge is seen whole
/// more often.
fn tiles(natural: [f64; 2], overview_area: [f64; 2], tile_area: [f64; 2]) -> Vec<Tile> {
    let [w, h] = natural;
    if w <= 0.0 || h <= 0.0 {
        return Vec::new();
    }
    let overview = (overview_area[0] / w).min(overview_area[1] / h);
    if overview >= LEGIBLE_SCALE {
        return Vec::new();
    }
    // Parts of `length` needed at the legible scale, and the length of each.
    let split = |length: f64, area: f64| {
        let pages = ((length * LEGIBLE_SCALE / area - OVERLAP) / (1.0 - OVERLAP))
            .ceil()
            .max(1.0);
        (pages, length / (pages - (pages - 1.0) * OVERLAP))
    };
    let (columns, part_w) = split(w, tile_area[0]);
    let (rows, part_h) = split(h, tile_area[1]);
    // Enlarged beyond the legible scale as far as the pages allow.
    let scale = (tile_area[0] / part_w).min(tile_area[1] / part_h);
    let mut out = Vec::new();
    let mut row = 0.0;
    while row < rows {
        let mut column = 0.0;
        while column < columns {
            let (x, y) = (
                column * part_w * (1.0 - OVERLAP),
                row * part_h * (1.0 - OVERLAP),
            );
            #[expect(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "small whole page counts"
            )]
            let at = (row as usize + 1, column as usize + 1);
            out.push(Tile {
                view_box: [x, y, part_w, part_h].map(|v| v / MM_PER_PX),
                mm: [part_w * scale, part_h * scale],
                at,
            });
            column += 1.0;
        }
        row += 1.0;
    }
    out
}

/// The drawn width and height of an `<svg>` element in CSS pixels, from
/// the `width` and `height` of its start tag (in `pt`, `px` or plain
/// numbers, as Graphviz and the built-in layout write them).
pub(crate) fn svg_size(svg: &str) -> Option<[f64; 2]> {
    let start = svg.find("<svg")?;
    let tag = &svg[start..start + svg[start..].find('>')?];
    let length = |name: &str| -> Option<f64> {
        let key = format!(" {name}=\"");
        let at = tag.find(&key)? + key.len();
        let value = tag[at..at + tag[at..].find('"')?].trim();
        let (number, per_unit) = match value.strip_suffix("pt") {
            Some(n) => (n, 96.0 / 72.0),
            None => (value.strip_suffix("px").unwrap_or(value), 1.0),
        };
        number
            .parse::<f64>()
            .ok()
            .filter(|n| *n > 0.0)
            .map(|n| n * per_unit)
    };
    Some([length("width")?, length("height")?])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wide_drawing_gets_a_landscape_page_of_the_chosen_size() {
        let css = Page::default().print_layout(Some([300.0, 100.0])).css;
        assert!(css.contains("@page{size:A4;margin:12mm}"), "{css}");
        assert!(
            css.contains("@page diagram{size:A4 landscape;margin:12mm}"),
            "{css}"
        );
        assert!(css.contains("max-width:273mm;max-height:156mm"), "{css}");
        let css = Page {
            size: Paper::Letter,
            landscape: true,
        }
        .print_layout(Some([100.0, 200.0]))
        .css;
        assert!(css.contains("@page{size:letter landscape;"), "{css}");
        assert!(css.contains("@page diagram{size:letter;"), "{css}");
    }

    #[test]
    fn a_drawing_too_wide_to_read_on_one_page_is_also_printed_in_parts() {
        // Small enough: no parts.
        assert!(
            Page::default()
                .print_layout(Some([1000.0, 300.0]))
                .tiles
                .is_empty()
        );
        // 3300 × 1033 px (873 × 273 mm): at 0.6, two A4 pages across, one down.
        let tiles = Page::default().print_layout(Some([3300.0, 1033.0])).tiles;
        assert_eq!(tiles.len(), 2, "{tiles:?}");
        assert_eq!(tiles[1].at, (1, 2));
        // Each part is 1/1.95 of the width; the second starts 0.95 of a part in.
        let part = 3300.0 / 1.95;
        assert!((tiles[1].view_box[2] - part).abs() < 1e-6, "{tiles:?}");
        assert!(
            (tiles[1].view_box[0] - 0.95 * part).abs() < 1e-6,
            "{tiles:?}"
        );
        assert!(
            (tiles[1].view_box[0] + part - 3300.0).abs() < 1e-6,
            "{tiles:?}"
        );
        let [w, h] = tiles[0].mm;
        assert!(
            w <= 273.0 + 1e-6 && h <= 186.0 - TILE_CHROME_MM + 1e-6,
            "{w} × {h}"
        );
        assert!(w / (873.0 / 1.95) >= LEGIBLE_SCALE, "{w}");
    }

    #[test]
    fn the_size_comes_from_the_width_and_height() {
        let svg = "<svg width=\"72pt\" height=\"36pt\"\n viewBox=\"0.00 0.00 72 36\">";
        assert_eq!(svg_size(svg), Some([96.0, 48.0]));
        assert_eq!(
            svg_size("<svg height=\"5\" width=\"10px\">"),
            Some([10.0, 5.0])
        );
        assert_eq!(svg_size("<svg></svg>"), None);
        assert_eq!(svg_size("<svg width=\"1\" height=\"0\">"), None);
    }
}
