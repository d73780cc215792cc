//! Argument groups that several commands share, defined once.

use argmap::semantics::{Semantics, Support};

/// How many extensions `eval` lists by default, and `report`, `actors`
/// and `render --status` look for, so that extension k is the same in
/// each of them.
pub(crate) const EXTENSIONS_LISTED: usize = 64;

/// `--semantics` and `--support`: how a map is evaluated.
#[derive(Clone, Copy, Debug, clap::Args)]
pub(crate) struct EvalArgs {
    /// The semantics.
    #[arg(long, value_enum, default_value_t = SemanticsArg::Grounded, ignore_case = true)]
    pub(crate) semantics: SemanticsArg,

    /// How a plain `supports` turns into attacks. Premises and conclusions
    /// of arguments are read the same way in every reading: an argument
    /// needs all its premises and entails its conclusion.
    #[arg(long, value_enum, default_value_t = SupportArg::None, ignore_case = true)]
    pub(crate) support: SupportArg,

    /// Give up after this many seconds (e.g. 10 or 0.5) with a message
    /// instead of an answer. The limit stops the solver's search; reading
    /// and checking the map are not interrupted. Without it the solver runs
    /// until it has the answer.
    #[arg(long, value_name = "SECONDS", value_parser = seconds)]
    pub(crate) timeout: Option<std::time::Duration>,
}

impl EvalArgs {
    /// When the solver gives up: `--timeout` from now.
    pub(crate) fn deadline(&self) -> Option<std::time::Instant> {
        deadline(self.timeout)
    }
}

/// The instant a `--timeout` ends, counted from now.
pub(crate) fn deadline(timeout: Option<std::time::Duration>) -> Option<std::time::Instant> {
    timeout.and_then(|t| std::time::Instant::now().checked_add(t))
}

/// Reads `--timeout`: a positive number of seconds.
pub(crate) fn seconds(text: &str) -> Result<std::time::Duration, String> {
    let value: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("`{text}` is not a number of seconds"))?;
    if value.is_nan() || value <= 0.0 {
        return Err(format!(
            "`{text}`: the time limit must be more than 0 seconds"
        ));
    }
    match std::time::Duration::try_from_secs_f64(value) {
        Ok(d) if d.is_zero() => Err(format!(
            "`{text}`: the time limit must be at least a nanosecond"
        )),
        Ok(d) => Ok(d),
        Err(_) => Err(format!("`{text}` seconds is too long a time limit")),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum SemanticsArg {
    /// The sceptical core: one labelling, in linear time.
    Grounded,
    /// Every complete labelling.
    Complete,
    /// The maximal complete labellings: each coherent position.
    Preferred,
    /// The labellings where everything is accepted or rejected.
    Stable,
    /// The complete labellings that leave the least undecided (stable ones
    /// when there are any).
    SemiStable,
    /// The conflict-free sets that accept or reject the most, defended or
    /// not (stable ones when there are any).
    Stage,
    /// The one labelling that accepts the largest defensible position
    /// inside every preferred one: between grounded and preferred.
    Ideal,
}

impl SemanticsArg {
    pub(crate) fn semantics(self) -> Semantics {
        match self {
            SemanticsArg::Grounded => Semantics::Grounded,
            SemanticsArg::Complete => Semantics::Complete,
            SemanticsArg::Preferred => Semantics::Preferred,
            SemanticsArg::Stable => Semantics::Stable,
            SemanticsArg::SemiStable => Semantics::SemiStable,
            SemanticsArg::Stage => Semantics::Stage,
            SemanticsArg::Ideal => Semantics::Ideal,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum SupportArg {
    /// A `supports` is a reason, like a one-premise argument: it adds no
    /// attacks (`arguments` is an old name for it).
    #[value(alias = "arguments")]
    None,
    /// A `supports` settles its target: accepting `a` commits to `b`, and an
    /// attack on `b` reaches `a`.
    Deductive,
    /// A `supports` is a precondition: `b` cannot stand without `a`.
    Necessary,
}

impl SupportArg {
    pub(crate) fn support(self) -> Support {
        match self {
            SupportArg::None => Support::None,
            SupportArg::Deductive => Support::Deductive,
            SupportArg::Necessary => Support::Necessary,
        }
    }
}

/// The map, its evaluation and the output format: what `eval` and
/// `actors` take.
#[derive(Clone, Debug, clap::Args)]
pub(crate) struct DocumentArgs {
    /// The map (`-` reads stdin).
    pub(crate) map: std::path::PathBuf,

    #[command(flatten)]
    pub(crate) eval: EvalArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = TextOrJson::Text, ignore_case = true)]
    pub(crate) format: TextOrJson,
}

/// `--format text|json` of the commands that print a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum TextOrJson {
    Text,
    Json,
}

/// The drawing options of `render` and `report`: one set, so that the
/// diagram of a report is drawn as `render` would draw it.
#[derive(Clone, Debug, clap::Args)]
#[command(next_help_heading = "Drawing")]
pub(crate) struct DrawArgs {
    /// Layout direction: rl (default) puts questions and main claims on the
    /// left and their reasons to the right; bt puts reasons below.
    #[arg(long, value_enum, default_value_t = RankDirArg::Rl, ignore_case = true)]
    pub(crate) rankdir: RankDirArg,

    /// Draw a box around the nodes of each actor (first `held_by`), tag
    /// (first tag), quoted passage (source and locator of the first
    /// evidence) or `group:`.
    #[arg(long, value_enum, default_value_t = GroupArg::None, ignore_case = true)]
    pub(crate) group_by: GroupArg,

    /// Leave out the legend of shapes, holders and relations (it sits
    /// under the title and never changes the layout).
    #[arg(long)]
    pub(crate) no_legend: bool,

    /// Colour nodes by their status under this semantics (accepted,
    /// rejected, undecided); holders stay shown as chips.
    #[arg(long, value_enum, value_name = "SEMANTICS", ignore_case = true)]
    pub(crate) status: Option<SemanticsArg>,

    /// With --status: which extension to colour (from 1), for semantics with several.
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..), requires = "status")]
    pub(crate) extension: u32,

    /// Wrap node text at this many characters per line (8 to 200).
    #[arg(long, value_name = "N", default_value_t = 28, value_parser = clap::value_parser!(u16).range(8..=200))]
    pub(crate) wrap: u16,

    /// Node text size in points, before the drawing is scaled to fit.
    #[arg(long, value_name = "PT", default_value_t = 14.0, value_parser = font_size)]
    pub(crate) font_size: f64,

    /// Draw only this node and those within --depth steps of it (along any
    /// relation, premise or conclusion, in either direction).
    #[arg(long, value_name = "ID")]
    pub(crate) focus: Option<String>,

    /// With --focus: how many steps out to draw.
    #[arg(long, value_name = "N", default_value_t = 2, requires = "focus")]
    pub(crate) depth: u32,

    /// Refuse to lay out more nodes than this (after --focus) for SVG, PNG
    /// and PDF; 0 for no limit. DOT and Mermaid text is written at any size.
    #[arg(long, value_name = "N", default_value_t = 5_000)]
    pub(crate) max_nodes: usize,

    /// The layout: auto picks dot (layered) for small or tree-like maps and
    /// sfdp (force-directed, much faster) for large densely linked ones;
    /// builtin draws SVG without Graphviz.
    #[arg(long, value_enum, default_value_t = EngineArg::Auto, ignore_case = true)]
    pub(crate) engine: EngineArg,

    /// Fit the drawing on one page of this size, scaled down to the
    /// printable area and centred (PDF: default a4; SVG and PNG: natural
    /// size unless asked).
    #[arg(long, value_enum, ignore_case = true, conflicts_with_all = ["width", "height"])]
    pub(crate) page: Option<PaperArg>,

    /// Turn the page sideways (default: whichever way the drawing is
    /// larger).
    #[arg(long, conflicts_with = "portrait")]
    pub(crate) landscape: bool,

    /// Stand the page upright.
    #[arg(long)]
    pub(crate) portrait: bool,

    /// The page's margin on every side (units pt, px, mm, cm, in; a bare
    /// number is pt).
    #[arg(long, value_name = "LENGTH", default_value = "20pt", value_parser = length)]
    pub(crate) margin: Length,

    /// The smallest node text a fitted drawing may have, in points: a map
    /// that would be smaller is refused, with advice; 0 for no minimum.
    #[arg(long, value_name = "PT", default_value_t = 7.0, value_parser = min_font)]
    pub(crate) min_font: f64,

    /// Scale the drawing to this width (pt, px, mm, cm, in; a bare number
    /// is pt; 1px = 0.75pt, PNG is drawn at 96 px per inch).
    #[arg(long, value_name = "LENGTH", value_parser = size)]
    pub(crate) width: Option<Length>,

    /// Scale the drawing to this height (units as --width); with both, it
    /// fits inside.
    #[arg(long, value_name = "LENGTH", value_parser = size)]
    pub(crate) height: Option<Length>,
}

/// A length, in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Length(pub(crate) f64);

/// A `--width` or `--height`: a length greater than 0.
fn size(s: &str) -> Result<Length, String> {
    let l = length(s)?;
    if l.0 < 1.0 {
        return Err(format!("`{s}` is too small: a drawing needs at least 1pt"));
    }
    Ok(l)
}

/// Parses `20pt`, `800px`, `10mm`, `1.5cm`, `2in` or a bare number of
/// points.
fn length(s: &str) -> Result<Length, String> {
    let t = s.trim().to_ascii_lowercase();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let n: f64 = number
        .parse()
        .map_err(|_| format!("`{s}` is not a length such as 20pt, 800px or 10mm"))?;
    let factor = match unit.trim() {
        "" | "pt" => 1.0,
        "px" => 0.75,
        "mm" => 72.0 / 25.4,
        "cm" => 72.0 / 2.54,
        "in" => 72.0,
        u => return Err(format!("unknown unit `{u}`; use pt, px, mm, cm or in")),
    };
    let pt = n * factor;
    if !(pt.is_finite() && pt <= 14_400.0) {
        return Err(format!("`{s}` is too large (at most 200in)"));
    }
    Ok(Length(pt))
}

fn font_size(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if (4.0..=72.0).contains(&v) => Ok(v),
        _ => Err(format!("`{s}`: give a size in points from 4 to 72")),
    }
}

fn min_font(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if (0.0..=72.0).contains(&v) => Ok(v),
        _ => Err(format!("`{s}`: give a size in points from 0 to 72")),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum EngineArg {
    Auto,
    Dot,
    Sfdp,
    Builtin,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum RankDirArg {
    Tb,
    Bt,
    Lr,
    Rl,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum GroupArg {
    None,
    Actor,
    Tag,
    Source,
    Group,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum PaperArg {
    A4,
    A3,
    Letter,
    Legal,
}

impl DrawArgs {
    /// The page the HTML report prints on: `--page` (A4 unless given),
    /// upright unless `--landscape`.
    pub(crate) fn report_page(&self) -> argmap::report::Page {
        argmap::report::Page {
            size: self.paper().unwrap_or_default(),
            landscape: self.landscape,
        }
    }

    fn paper(&self) -> Option<argmap::render::Paper> {
        use argmap::render::Paper;
        self.page.map(|p| match p {
            PaperArg::A4 => Paper::A4,
            PaperArg::A3 => Paper::A3,
            PaperArg::Letter => Paper::Letter,
            PaperArg::Legal => Paper::Legal,
        })
    }

    /// The library's options for drawing `graph` to `format` (the status
    /// colours are the caller's).
    pub(crate) fn options(
        &self,
        graph: &argmap::ArgGraph,
        format: argmap::Format,
    ) -> argmap::RenderOptions {
        use argmap::{Format, GroupBy, Layout, Orientation, Page, Paper, RankDir, Size};
        let orientation = if self.landscape {
            Orientation::Landscape
        } else if self.portrait {
            Orientation::Portrait
        } else {
            Orientation::Auto
        };
        let paper = self.paper();
        let size = if self.width.is_some() || self.height.is_some() {
            Size::Box {
                width_pt: self.width.map(|l| l.0),
                height_pt: self.height.map(|l| l.0),
            }
        } else {
            // A PDF is a page: A4 unless asked; so is any drawing given an
            // orientation.
            let implied = format == Format::Pdf || self.landscape || self.portrait;
            match paper.or(implied.then_some(Paper::A4)) {
                Some(paper) => Size::Page(Page {
                    paper,
                    orientation,
                    margin_pt: self.margin.0,
                }),
                None => Size::Natural,
            }
        };
        argmap::RenderOptions {
            rankdir: match self.rankdir {
                RankDirArg::Tb => RankDir::TB,
                RankDirArg::Bt => RankDir::BT,
                RankDirArg::Lr => RankDir::LR,
                RankDirArg::Rl => RankDir::RL,
            },
            group_by: match self.group_by {
                GroupArg::None => GroupBy::None,
                GroupArg::Actor => GroupBy::Actor,
                GroupArg::Tag => GroupBy::Tag,
                GroupArg::Source => GroupBy::Source,
                GroupArg::Group => GroupBy::Group,
            },
            legend: !self.no_legend,
            wrap: usize::from(self.wrap),
            links: false,
            status: None,
            layout: match self.engine {
                EngineArg::Dot => Layout::Dot,
                EngineArg::Sfdp => Layout::Sfdp,
                EngineArg::Auto | EngineArg::Builtin => argmap::render::auto_layout(graph),
            },
            font_size: self.font_size,
            size,
            min_font_pt: self.min_font,
        }
    }
}
