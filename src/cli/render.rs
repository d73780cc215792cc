//! `argmap render`: check a map, draw it, write the result atomically.

use std::path::PathBuf;
use std::process::ExitCode;

use argmap::render::{StatusColours, fallback_svg, run_dot};
use argmap::semantics::{Evaluation, Semantics};
use argmap::{ErrorKind, Format, GroupBy, Layout, RankDir, RenderOptions};

use super::args::{SemanticsArg, SupportArg};
use super::{Failure, Globals, io};

const AFTER_HELP: &str = "\
The format comes from --format, else from the extension of -o (.dot/.gv,
.svg, .png, .pdf, .mmd for Mermaid), else SVG. Without -o the drawing is written to
<map-name>.<format> in the current folder and its path is printed (a map
read from stdin, `-`, is drawn to stdout).
SVG, PNG and PDF run Graphviz's `dot` (set ARGMAP_DOT to use another
program). Without Graphviz, SVG is drawn by a simpler built-in layout.
A map with errors is not drawn: the errors are shown as by `argmap check`.
Files are written atomically; a failed render leaves an existing file as
it was.

Exit status: 0 drawn, 1 the map has errors, 2 a usage or I/O failure (also
PNG or PDF without Graphviz).

Examples:
  argmap render maps/istanbul.yaml                    writes istanbul.svg
  argmap render maps/istanbul.yaml -o docs/map.png
  argmap render maps/istanbul.yaml -o - --format dot | less
  argmap render maps/istanbul.yaml --group-by actor --rankdir LR
  argmap render maps/istanbul.yaml --status grounded -o grounded.svg
  argmap render maps/istanbul.yaml --status preferred --extension 2
  argmap render maps/istanbul.yaml --format mermaid -o -   for Markdown
  argmap render big.yaml --focus some-claim --depth 2      one neighbourhood
  argmap render big.yaml --engine sfdp                     fast layout

Large maps: --engine auto (default) lays out with dot where it takes
seconds and with sfdp where dot would take minutes (dense maps of more than
250 relations); --max-nodes refuses maps past a size; see docs/cli.md.";

/// Arguments of `argmap render`.
#[derive(Debug, clap::Args)]
#[command(after_help = AFTER_HELP)]
pub(crate) struct Args {
    /// The map to draw.
    pub(crate) map: PathBuf,

    /// Where to write the drawing; `-` for stdout. Default:
    /// <map-name>.<format> in the current folder (stdout for a map read
    /// from stdin).
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,

    /// Output format (default: from the extension of -o, else svg).
    #[arg(long, value_enum, ignore_case = true)]
    format: Option<FormatArg>,

    /// Layout direction: bt puts supporting claims below what they support.
    #[arg(long, value_enum, default_value_t = RankDirArg::Bt, ignore_case = true)]
    rankdir: RankDirArg,

    /// Draw a box around the nodes of each actor (first `held_by`) or tag.
    #[arg(long, value_enum, default_value_t = GroupArg::None, ignore_case = true)]
    group_by: GroupArg,

    /// Leave out the legend of shapes, actor colours and relations.
    #[arg(long)]
    no_legend: bool,

    /// Colour nodes by their status under this semantics (accepted,
    /// rejected, undecided) instead of by holder; see `argmap eval`.
    #[arg(long, value_enum, value_name = "SEMANTICS", ignore_case = true)]
    status: Option<SemanticsArg>,

    /// With --status: how support turns into attacks.
    #[arg(long, value_enum, default_value_t = SupportArg::None, ignore_case = true, requires = "status")]
    support: SupportArg,

    /// With --status: which extension to colour (from 1), for semantics with several.
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..), requires = "status")]
    extension: u32,

    /// Wrap node text at this many characters per line (8 to 200).
    #[arg(long, value_name = "N", default_value_t = 34, value_parser = clap::value_parser!(u16).range(8..=200))]
    wrap: u16,

    /// Draw only this node and those within --depth steps of it (along any
    /// relation, premise or conclusion, in either direction).
    #[arg(long, value_name = "ID")]
    focus: Option<String>,

    /// With --focus: how many steps out to draw.
    #[arg(long, value_name = "N", default_value_t = 2, requires = "focus")]
    depth: u32,

    /// Refuse to draw more nodes than this (after --focus); 0 for no limit.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_NODES)]
    max_nodes: usize,

    /// The layout: auto picks dot (layered) for small or tree-like maps and
    /// sfdp (force-directed, much faster) for large densely linked ones;
    /// builtin draws SVG without Graphviz.
    #[arg(long, value_enum, default_value_t = EngineArg::Auto, ignore_case = true)]
    engine: EngineArg,
}

/// The default of --max-nodes.
const DEFAULT_MAX_NODES: usize = 5_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum EngineArg {
    Auto,
    Dot,
    Sfdp,
    Builtin,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum FormatArg {
    Dot,
    Svg,
    Png,
    Pdf,
    /// A Mermaid flowchart (for Markdown on GitHub or GitLab).
    Mermaid,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum RankDirArg {
    Tb,
    Bt,
    Lr,
    Rl,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum GroupArg {
    None,
    Actor,
    Tag,
}

pub(crate) fn run(args: &Args, globals: &Globals) -> Result<ExitCode, Failure> {
    let format = resolve_format(args)?;
    match io::checked_map(&args.map, &globals.check_options(), "drawn", true)? {
        Ok(checked) => draw(args, format, &checked),
        Err(code) => Ok(code),
    }
}

/// Draws a checked map (nothing when it has errors) and writes it.
pub(crate) fn draw(
    args: &Args,
    format: Format,
    checked: &argmap::Checked,
) -> Result<ExitCode, Failure> {
    let Some(whole_graph) = checked.clean() else {
        return Ok(ExitCode::from(1));
    };
    let mut status_of_whole = match args.status {
        Some(semantics) => Some(status(args, semantics.semantics(), whole_graph)?),
        None => None,
    };
    let focused = match &args.focus {
        Some(id) => {
            let depth = usize::try_from(args.depth).unwrap_or(usize::MAX);
            let (part, status) = argmap::render::focus(
                whole_graph,
                id,
                depth,
                status_of_whole.as_ref(),
            )
            .map_err(|e| {
                Failure::Message(format!("--focus: `{}` has {e}", io::shown_path(&args.map)))
            })?;
            status_of_whole = status;
            Some(part)
        }
        None => None,
    };
    let graph = focused.as_ref().unwrap_or(whole_graph);
    let map = graph.map();
    if args.max_nodes > 0 && map.nodes.len() > args.max_nodes {
        let (what, advice) = if focused.is_some() {
            (
                format!("the part around the focus has {} nodes", map.nodes.len()),
                "draw fewer steps with a smaller --depth",
            )
        } else {
            (
                format!(
                    "`{}` has {} nodes",
                    io::shown_path(&args.map),
                    map.nodes.len()
                ),
                "draw part of it with --focus ID --depth N",
            )
        };
        return Err(Failure::Message(format!(
            "{what}, more than --max-nodes {} allows; {advice}, or raise the limit (--max-nodes 0 for none)",
            args.max_nodes
        )));
    }
    if format == Format::Mermaid && args.engine != EngineArg::Auto {
        io::warning("Mermaid output is laid out by Mermaid; --engine is ignored");
    } else if args.engine == EngineArg::Builtin && format == Format::Dot {
        io::warning(&format!(
            "--engine builtin lays out SVG only; {format} output has no layout of its own"
        ));
    }
    let layout = match args.engine {
        EngineArg::Dot => Layout::Dot,
        EngineArg::Sfdp => Layout::Sfdp,
        EngineArg::Auto | EngineArg::Builtin => argmap::render::auto_layout(graph),
    };
    let options = RenderOptions {
        rankdir: match args.rankdir {
            RankDirArg::Tb => RankDir::TB,
            RankDirArg::Bt => RankDir::BT,
            RankDirArg::Lr => RankDir::LR,
            RankDirArg::Rl => RankDir::RL,
        },
        group_by: match args.group_by {
            GroupArg::None => GroupBy::None,
            GroupArg::Actor => GroupBy::Actor,
            GroupArg::Tag => GroupBy::Tag,
        },
        legend: !args.no_legend,
        wrap: usize::from(args.wrap),
        links: false,
        status: status_of_whole,
        layout,
    };
    let bytes = match format {
        Format::Dot => argmap::render::dot(graph, &options).into_bytes(),
        Format::Mermaid => argmap::render::mermaid(graph, &options).into_bytes(),
        Format::Svg if args.engine == EngineArg::Builtin => {
            fallback_svg(graph, &options)?.into_bytes()
        }
        _ if args.engine == EngineArg::Builtin => {
            return Err(Failure::Message(format!(
                "--engine builtin draws SVG only, not {format}"
            )));
        }
        Format::Svg => {
            let svg = argmap::render::svg(graph, &options, &io::dot_program())?;
            if let Some(e) = svg.fallback {
                io::warning(&format!(
                    "{e}; drawing with the built-in layout, which is simpler (no clusters, legend or shapes).\n\
                     Install Graphviz for the full drawing: `apt-get install graphviz`, `brew install graphviz`,\n\
                     or see https://graphviz.org/download/"
                ));
            }
            svg.text.into_bytes()
        }
        _ => {
            let dot = argmap::render::dot(graph, &options);
            match run_dot(&dot, format, &io::dot_program()) {
                Ok(bytes) => bytes,
                Err(e) if e.kind() == ErrorKind::GraphvizMissing => {
                    return Err(Failure::Message(format!(
                        "{e}; {format} needs Graphviz: install it (`apt-get install graphviz`, `brew install graphviz`) \
                         or render to svg or dot instead"
                    )));
                }
                Err(e) => return Err(e.into()),
            }
        }
    };
    // A map read from stdin is drawn to stdout unless -o names a file.
    let path = match &args.output {
        Some(path) => path.clone(),
        None if io::is_stdin(&args.map) => PathBuf::from("-"),
        None => io::beside_here(&args.map, format.extension()),
    };
    io::write_output(&path, &bytes)
}

/// The statuses of the extension `--extension` picks.
fn status(
    args: &Args,
    semantics: Semantics,
    graph: &argmap::ArgGraph,
) -> Result<StatusColours, Failure> {
    let support = args.support.support();
    let n = usize::try_from(args.extension).unwrap_or(usize::MAX);
    let shown = io::shown_path(&args.map);
    let found = Evaluation::new(graph, semantics, support, n).map_err(|e| {
        Failure::Message(format!(
            "the search for {} extensions of `{shown}` gave up: {e}; try --status grounded",
            semantics.as_str(),
        ))
    })?;
    let caption = if semantics == Semantics::Grounded {
        format!("grounded, supports read as {}", support.as_str())
    } else {
        format!(
            "{} extension {n}, supports read as {}",
            semantics.as_str(),
            support.as_str()
        )
    };
    let Some(colours) = StatusColours::of_evaluation(&found, n - 1, caption) else {
        let count = found.extensions().labellings.len();
        return Err(Failure::Message(if count == 0 {
            format!(
                "`{shown}` has no {} extension (support read as `{}`); nothing was drawn",
                semantics.as_str(),
                support.as_str()
            )
        } else {
            format!(
                "--extension {n}: `{shown}` has {count} {} extension{} (support read as `{}`)",
                semantics.as_str(),
                if count == 1 { "" } else { "s" },
                support.as_str()
            )
        }));
    };
    Ok(colours)
}

pub(crate) fn resolve_format(args: &Args) -> Result<Format, Failure> {
    if let Some(f) = args.format {
        let format = match f {
            FormatArg::Dot => Format::Dot,
            FormatArg::Svg => Format::Svg,
            FormatArg::Png => Format::Png,
            FormatArg::Pdf => Format::Pdf,
            FormatArg::Mermaid => Format::Mermaid,
        };
        let implied = args
            .output
            .as_ref()
            .and_then(|p| p.extension())
            .and_then(|e| Format::from_extension(&e.to_string_lossy()));
        if let (Some(implied), Some(path)) = (implied, &args.output)
            && implied != format
        {
            io::warning(&format!(
                "writing {format} to `{}`, whose extension says {implied}",
                path.display()
            ));
        }
        return Ok(format);
    }
    match &args.output {
        None => Ok(Format::Svg),
        Some(p) if p.as_os_str() == "-" => Ok(Format::Svg),
        Some(p) => {
            let ext = p
                .extension()
                .map(|e| e.to_string_lossy().into_owned())
                .unwrap_or_default();
            Format::from_extension(&ext).ok_or_else(|| {
                Failure::Message(format!(
                    "cannot tell the format from `{}`; use an extension .dot, .svg, .png, .pdf or .mmd, or pass --format",
                    p.display()
                ))
            })
        }
    }
}
