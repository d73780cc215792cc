//! Colours of the drawing: the actors' palette, the status fills, and text
//! colour chosen for contrast against any fill (WCAG 2.x).

/// Fill colours for actors without a `color:`: the Okabe–Ito palette
/// (Okabe and Ito, *Color Universal Design*, 2008), which readers with any
/// common colour-vision deficiency can tell apart, with grey in place of
/// black. Past eight actors the colours repeat; chips carry names, so
/// holders stay readable.
pub(crate) const PALETTE: &[&str] = &[
    "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999",
];

/// The fill of an accepted node (Paul Tol's light blue).
pub(crate) const ACCEPTED_FILL: &str = "#77AADD";
/// The fill of a rejected node (Paul Tol's light orange).
pub(crate) const REJECTED_FILL: &str = "#EE8866";
/// The fill of an undecided node (Paul Tol's light yellow).
pub(crate) const UNDECIDED_FILL: &str = "#EEDD88";
/// The fill of nodes with no status colour.
pub(crate) const PLAIN_FILL: &str = "#FFFFFF";

/// The minimum contrast ratio of normal text for WCAG 2.x level AA.
pub const AA_CONTRAST: f64 = 4.5;

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Parses `#rgb`, `#rrggbb` (an alpha `#rrggbbaa` is read without its
    /// alpha) or one of the common X11 colour names Graphviz knows; `None`
    /// for anything else, so that a caller never guesses a contrast.
    pub fn parse(colour: &str) -> Option<Rgb> {
        let c = colour.trim();
        if let Some(hex) = c.strip_prefix('#') {
            let digit = |i: usize| u8::from_str_radix(hex.get(i..=i)?, 16).ok();
            let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
            return match hex.len() {
                3 => Some(Rgb(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
                6 | 8 => Some(Rgb(byte(0)?, byte(2)?, byte(4)?)),
                _ => None,
            };
        }
        let lower = c.to_ascii_lowercase();
        X11.iter()
            .find(|(name, _)| *name == lower)
            .map(|&(_, (r, g, b))| Rgb(r, g, b))
    }

    /// Relative luminance as WCAG 2.x defines it: 0 for black, 1 for white.
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// The `#rrggbb` form.
    pub fn hex(self) -> String {
        format!("#{:02X}{:02X}{:02X}", self.0, self.1, self.2)
    }
}

/// The WCAG 2.x contrast ratio of two colours, from 1 (the same) to 21
/// (black on white).
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (hi, lo) = if la >= lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// Black or white, whichever contrasts more with `fill`. Either one reaches
/// 4.5:1 against every colour, since their contrasts multiply to 21.
pub fn text_on(fill: Rgb) -> Rgb {
    const BLACK: Rgb = Rgb(0, 0, 0);
    const WHITE: Rgb = Rgb(255, 255, 255);
    if contrast(fill, BLACK) >= contrast(fill, WHITE) {
        BLACK
    } else {
        WHITE
    }
}

/// Common X11 colour names, for contrast; others are not guessed.
const X11: &[(&str, (u8, u8, u8))] = &[
    ("black", (0, 0, 0)),
    ("white", (255, 255, 255)),
    ("red", (255, 0, 0)),
    ("green", (0, 255, 0)),
    ("blue", (0, 0, 255)),
    ("yellow", (255, 255, 0)),
    ("cyan", (0, 255, 255)),
    ("magenta", (255, 0, 255)),
    ("orange", (255, 165, 0)),
    ("purple", (160, 32, 240)),
    ("pink", (255, 192, 203)),
    ("brown", (165, 42, 42)),
    ("gold", (255, 215, 0)),
    ("navy", (0, 0, 128)),
    ("grey", (190, 190, 190)),
    ("gray", (190, 190, 190)),
    ("lightgrey", (211, 211, 211)),
    ("lightgray", (211, 211, 211)),
    ("darkgrey", (169, 169, 169)),
    ("darkgray", (169, 169, 169)),
    ("lightblue", (173, 216, 230)),
    ("lightgreen", (144, 238, 144)),
    ("lightyellow", (255, 255, 224)),
    ("lightpink", (255, 182, 193)),
    ("darkgreen", (0, 100, 0)),
    ("darkblue", (0, 0, 139)),
    ("darkred", (139, 0, 0)),
    ("salmon", (250, 128, 114)),
    ("tomato", (255, 99, 71)),
    ("coral", (255, 127, 80)),
    ("khaki", (240, 230, 140)),
    ("violet", (238, 130, 238)),
    ("orchid", (218, 112, 214)),
    ("turquoise", (64, 224, 208)),
    ("beige", (245, 245, 220)),
    ("maroon", (176, 48, 96)),
    ("olive", (128, 128, 0)),
    ("teal", (0, 128, 128)),
    ("silver", (192, 192, 192)),
    ("crimson", (220, 20, 60)),
    ("steelblue", (70, 130, 180)),
    ("skyblue", (135, 206, 235)),
    ("forestgreen", (34, 139, 34)),
    ("firebrick", (178, 34, 34)),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_wcag_examples() {
        let black = Rgb(0, 0, 0);
        let white = Rgb(255, 255, 255);
        assert!((contrast(black, white) - 21.0).abs() < 1e-9);
        assert!((contrast(white, white) - 1.0).abs() < 1e-9);
        // #767676 on white is the classic 4.54:1.
        let grey = Rgb::parse("#767676").unwrap();
        assert!((contrast(grey, white) - 4.54).abs() < 0.01);
        assert_eq!(Rgb::parse("#abc"), Some(Rgb(0xaa, 0xbb, 0xcc)));
        assert_eq!(Rgb::parse("Navy"), Some(Rgb(0, 0, 128)));
        assert_eq!(Rgb::parse("#12345"), None);
        assert_eq!(Rgb::parse("chartreuse4"), None);
    }

    #[test]
    fn text_on_any_fill_reaches_aa() {
        for r in (0..=255).step_by(15) {
            for g in (0..=255).step_by(15) {
                for b in (0..=255).step_by(15) {
                    let fill = Rgb(r, g, b);
                    assert!(contrast(fill, text_on(fill)) >= AA_CONTRAST, "{fill:?}");
                }
            }
        }
    }
}
