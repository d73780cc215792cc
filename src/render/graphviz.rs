//! Running Graphviz's `dot` as a subprocess (no shell): DOT on stdin, the
//! drawing on stdout.

use std::ffi::OsString;
use std::io::{Read, Write};
use std::process::{Command, Stdio};

use super::Format;
use crate::error::{Error, ErrorKind};

/// Which `dot` program to run.
#[derive(Clone, Debug)]
pub struct DotProgram {
    /// A program name looked up on `PATH`, or a path.
    pub program: OsString,
}

impl Default for DotProgram {
    fn default() -> Self {
        DotProgram {
            program: "dot".into(),
        }
    }
}

/// Lays out DOT text with Graphviz and returns the drawing's bytes.
///
/// # Errors
///
/// [`ErrorKind::GraphvizMissing`] when the program cannot be started because
/// it does not exist; [`ErrorKind::GraphvizFailed`] when it exits with an
/// error (its stderr is in the message) or cannot be talked to.
pub fn run_dot(dot: &str, format: Format, program: &DotProgram) -> Result<Vec<u8>, Error> {
    run(dot, format.extension(), &[], program)
}

/// Runs `dot -T<format> <args>` on DOT text.
fn run(dot: &str, format: &str, args: &[String], program: &DotProgram) -> Result<Vec<u8>, Error> {
    let mut child = Command::new(&program.program)
        .arg(format!("-T{format}"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                Error::new(
                    ErrorKind::GraphvizMissing,
                    format!("no program `{}`", program.program.to_string_lossy()),
                )
            } else {
                Error::new(
                    ErrorKind::GraphvizFailed,
                    format!("cannot start `{}`: {e}", program.program.to_string_lossy()),
                )
            }
        })?;
    // Write stdin from a thread: dot may fill its stdout pipe before it has
    // read all of a large input, and the two would wait for each other.
    let mut stdin = child.stdin.take();
    let input = dot.to_owned();
    let writer = std::thread::spawn(move || stdin.as_mut().map(|s| s.write_all(input.as_bytes())));
    let mut stdout = Vec::new();
    let mut stderr = String::new();
    if let Some(mut out) = child.stdout.take() {
        out.read_to_end(&mut stdout).map_err(|e| {
            Error::new(
                ErrorKind::GraphvizFailed,
                format!("reading its output: {e}"),
            )
        })?;
    }
    if let Some(mut err) = child.stderr.take() {
        let _ = err.read_to_string(&mut stderr);
    }
    let status = child
        .wait()
        .map_err(|e| Error::new(ErrorKind::GraphvizFailed, format!("waiting for it: {e}")))?;
    let wrote = writer.join();
    if !status.success() {
        let why = stderr.trim();
        let why = if why.is_empty() {
            format!(
                "`{}` exited with {status}",
                program.program.to_string_lossy()
            )
        } else {
            why.to_string()
        };
        return Err(Error::new(ErrorKind::GraphvizFailed, why));
    }
    if !matches!(wrote, Ok(Some(Ok(())) | None)) {
        return Err(Error::new(
            ErrorKind::GraphvizFailed,
            format!(
                "`{}` did not read all of its input",
                program.program.to_string_lossy()
            ),
        ));
    }
    // Success with nothing to show is a failure: never replace a drawing
    // with an empty file.
    if stdout.is_empty() {
        return Err(Error::new(
            ErrorKind::GraphvizFailed,
            format!("`{}` produced no output", program.program.to_string_lossy()),
        ));
    }
    Ok(stdout)
}

/// How a drawing was fitted to its page or box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fit {
    /// The factor the layout was scaled by (1 is the natural size).
    pub scale: f64,
    /// The node text size after scaling, in points.
    pub font_pt: f64,
    /// The page's or drawing's width, in points.
    pub width_pt: f64,
    /// The page's or drawing's height, in points.
    pub height_pt: f64,
    /// For a page: whether it is in landscape.
    pub landscape: bool,
}

/// A drawing's bytes, and how it was fitted (`None` at its natural size).
#[derive(Debug)]
pub struct Drawing {
    /// SVG, PNG or PDF.
    pub bytes: Vec<u8>,
    /// The scale and page, for a drawing fitted by [`super::Size`].
    pub fit: Option<Fit>,
}

/// The padding Graphviz draws around a layout, in points, both sides
/// together.
const PAD_PT: f64 = 8.0;

/// Draws a map with Graphviz as SVG, PNG or PDF, at the size
/// [`super::RenderOptions::size`] asks for. A fitted drawing is laid out
/// once to measure it (`-Tplain`), then drawn scaled: on a page, centred
/// on a page of exactly that size (the PDF's `MediaBox`, the SVG's
/// `width`/`height`), never scaled up; in a box, scaled up or down to fit
/// it.
///
/// # Errors
/// As [`run_dot`]; [`ErrorKind::DoesNotFit`] when the node text would be
/// smaller than [`super::RenderOptions::min_font_pt`], with what scale
/// and size the map needed.
pub fn draw(
    graph: &crate::ArgGraph,
    options: &super::RenderOptions,
    format: Format,
    program: &DotProgram,
) -> Result<Drawing, Error> {
    let dot = super::dot(graph, options);
    let size = options.size;
    if size == super::Size::Natural {
        return Ok(Drawing {
            bytes: run(&dot, format.extension(), &[], program)?,
            fit: None,
        });
    }
    let (w, h) = measure(&dot, program)?;
    let mut args = Vec::new();
    let fit = match size {
        super::Size::Natural => unreachable_natural(),
        super::Size::Page(page) => {
            let fit_on = |landscape: bool| {
                let (pw, ph) = page.size_pt(landscape);
                let (aw, ah) = (
                    (pw - 2.0 * page.margin_pt).max(1.0),
                    (ph - 2.0 * page.margin_pt).max(1.0),
                );
                let scale = (aw / w).min(ah / h).min(1.0);
                (scale, pw, ph, aw, ah, landscape)
            };
            let (scale, pw, ph, aw, ah, landscape) = match page.orientation {
                super::Orientation::Portrait => fit_on(false),
                super::Orientation::Landscape => fit_on(true),
                super::Orientation::Auto => {
                    let (p, l) = (fit_on(false), fit_on(true));
                    if p.0 > l.0 { p } else { l }
                }
            };
            let fit = Fit {
                scale,
                font_pt: options.font_size * scale,
                width_pt: pw,
                height_pt: ph,
                landscape,
            };
            check_font(
                &fit,
                options,
                w,
                h,
                &format!(
                    "one {} {} page ({:.0} × {:.0} pt, margins {:.0} pt)",
                    page.paper.as_str(),
                    if landscape { "landscape" } else { "portrait" },
                    pw,
                    ph,
                    page.margin_pt
                ),
            )?;
            if scale < 1.0 {
                args.push(format!("-Gsize={:.4},{:.4}", aw / 72.0, ah / 72.0));
            }
            if format != Format::Svg {
                let (dw, dh) = (w * scale, h * scale);
                args.push(format!(
                    "-Gmargin={:.4},{:.4}",
                    ((pw - dw) / 2.0).max(0.0) / 72.0,
                    ((ph - dh) / 2.0).max(0.0) / 72.0
                ));
            }
            fit
        }
        super::Size::Box {
            width_pt,
            height_pt,
        } => {
            let bw = width_pt.unwrap_or(f64::INFINITY);
            let bh = height_pt.unwrap_or(f64::INFINITY);
            let scale = (bw / w).min(bh / h);
            let fit = Fit {
                scale,
                font_pt: options.font_size * scale,
                width_pt: w * scale,
                height_pt: h * scale,
                landscape: w > h,
            };
            let what = match (width_pt, height_pt) {
                (Some(a), Some(b)) => format!("{a:.0} × {b:.0} pt"),
                (Some(a), None) => format!("a width of {a:.0} pt"),
                (None, Some(b)) => format!("a height of {b:.0} pt"),
                (None, None) => "its natural size".into(),
            };
            check_font(&fit, options, w, h, &what)?;
            args.push(format!(
                "-Gsize={:.4},{:.4}!",
                (w * scale) / 72.0,
                (h * scale) / 72.0
            ));
            fit
        }
    };
    let mut bytes = run(&dot, format.extension(), &args, program)?;
    if format == Format::Svg
        && let super::Size::Page(_) = size
    {
        bytes = on_page(
            &String::from_utf8_lossy(&bytes),
            fit.width_pt,
            fit.height_pt,
        )
        .into_bytes();
    }
    Ok(Drawing {
        bytes,
        fit: Some(fit),
    })
}

#[expect(clippy::panic, reason = "draw returns early for Size::Natural")]
fn unreachable_natural() -> ! {
    panic!("natural size is drawn without measuring")
}

/// Refuses a fit whose node text is below the minimum.
fn check_font(
    fit: &Fit,
    options: &super::RenderOptions,
    w: f64,
    h: f64,
    onto: &str,
) -> Result<(), Error> {
    // Graphviz writes the scale with two decimals, rounded down, and draws
    // the text at that scale: check the size it will have.
    let drawn_pt = options.font_size * (fit.scale * 100.0).floor() / 100.0;
    if options.min_font_pt > 0.0 && drawn_pt + 1e-9 < options.min_font_pt {
        return Err(Error::new(
            ErrorKind::DoesNotFit,
            format!(
                "the drawing ({w:.0} × {h:.0} pt) fits {onto} only at scale {:.2}, where its {} pt node text would be {:.1} pt, below the minimum of {} pt",
                fit.scale, options.font_size, fit.font_pt, options.min_font_pt
            ),
        ));
    }
    Ok(())
}

/// The laid-out size of DOT text in points, with Graphviz's padding.
fn measure(dot: &str, program: &DotProgram) -> Result<(f64, f64), Error> {
    let plain = run(dot, "plain", &[], program)?;
    let plain = String::from_utf8_lossy(&plain);
    // The first line is `graph <scale> <width> <height>`, in inches.
    let mut words = plain
        .lines()
        .next()
        .unwrap_or("")
        .split_whitespace()
        .skip(2);
    let mut next = || words.next().and_then(|w| w.parse::<f64>().ok());
    match (next(), next()) {
        (Some(w), Some(h)) => Ok((w * 72.0 + PAD_PT, h * 72.0 + PAD_PT)),
        _ => Err(Error::new(
            ErrorKind::GraphvizFailed,
            "could not read the size of the layout",
        )),
    }
}

/// An SVG drawing centred on a page: its root element gets the page's size
/// and a view box around the drawing.
fn on_page(svg: &str, pw: f64, ph: f64) -> String {
    let Some(start) = svg.find("<svg") else {
        return svg.to_string();
    };
    let Some(len) = svg[start..].find('>') else {
        return svg.to_string();
    };
    let tag = &svg[start..start + len];
    let number = |name: &str| -> Option<f64> {
        let k = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        let v = &tag[k..];
        v[..v.find('"')?].trim_end_matches("pt").parse().ok()
    };
    let (Some(w), Some(h)) = (number("width"), number("height")) else {
        return svg.to_string();
    };
    let rest = tag
        .split_once(" xmlns=")
        .map_or(String::new(), |(_, r)| format!(" xmlns={r}"));
    let (ox, oy) = ((pw - w) / 2.0, (ph - h) / 2.0);
    format!(
        "{}<svg width=\"{pw}pt\" height=\"{ph}pt\" viewBox=\"{:.2} {:.2} {pw:.2} {ph:.2}\"{rest}{}",
        &svg[..start],
        -ox,
        -oy,
        &svg[start + len..]
    )
}

/// An SVG drawing, and why it was drawn by the built-in layout if it was.
#[derive(Debug)]
pub struct Svg {
    /// The SVG document.
    pub text: String,
    /// Set when Graphviz could not be found and the simpler built-in
    /// layout drew the map instead (no clusters, legend or shapes): the
    /// caller should say so.
    pub fallback: Option<Error>,
    /// How it was fitted, when [`super::RenderOptions::size`] asked for it.
    pub fit: Option<Fit>,
}

/// Draws a map as SVG with Graphviz (as [`draw`] does), or with the
/// built-in layout when Graphviz is not installed.
///
/// # Errors
/// [`ErrorKind::GraphvizFailed`] when `dot` runs and fails;
/// [`ErrorKind::DoesNotFit`] as [`draw`];
/// [`ErrorKind::Layout`] when the built-in layout fails.
pub fn svg(
    graph: &crate::ArgGraph,
    options: &super::RenderOptions,
    program: &DotProgram,
) -> Result<Svg, Error> {
    match draw(graph, options, Format::Svg, program) {
        Ok(drawing) => Ok(Svg {
            text: String::from_utf8_lossy(&drawing.bytes).into_owned(),
            fallback: None,
            fit: drawing.fit,
        }),
        Err(e) if e.kind() == ErrorKind::GraphvizMissing => Ok(Svg {
            text: super::fallback_svg(graph, options)?,
            fallback: Some(e),
            fit: None,
        }),
        Err(e) => Err(e),
    }
}
