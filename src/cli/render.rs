//! `argmap render`: check a map, draw it, write the result atomically.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use argmap::render::{StatusColours, fallback_svg};
use argmap::semantics::{Evaluation, Semantics};
use argmap::{ErrorKind, Format, RenderOptions, Size};

use super::args::{DrawArgs, EngineArg, SupportArg};
use super::{Failure, Globals, io};

const AFTER_HELP: &str = "\
The format comes from --format, else from the extension of -o (.dot/.gv,
.svg, .png, .pdf, .mmd for Mermaid), else SVG. Without -o the drawing is written to
<map-name>.<format> in the current folder and its path is printed (a map
read from stdin, `-`, is drawn to stdout).
SVG, PNG and PDF run Graphviz's `dot` (set ARGMAP_DOT to use another
program). Without Graphviz, SVG is drawn by a simpler built-in layout.
A PDF is one page (A4 unless --page says otherwise, turned the way the
drawing is larger): the drawing is scaled down to fit, and refused, with
advice, if its node text would be smaller than --min-font (7 pt). SVG and
PNG keep their natural size unless --page, --width or --height is given.
The legend is the graph's label: it never changes the layout.
A map with errors is not drawn: the errors are shown as by `argmap check`.
Files are written atomically; a failed render leaves an existing file as
it was.

Exit status: 0 drawn, 1 the map has errors, 2 a usage or I/O failure (also
PNG or PDF without Graphviz).

Examples:
  argmap render maps/istanbul.yaml                    writes istanbul.svg
  argmap render maps/istanbul.yaml -o docs/map.png
  argmap render maps/istanbul.yaml -o - --format dot | less
  argmap render maps/istanbul.yaml -o map.pdf               one A4 page
  argmap render maps/istanbul.yaml -o map.pdf --page a3 --portrait
  argmap render maps/istanbul.yaml -o map.png --width 1600px
  argmap render maps/istanbul.yaml --group-by source        one box per quoted passage
  argmap render maps/istanbul.yaml --group-by actor --rankdir bt
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

    /// With --status: how a plain `supports` turns into attacks (as for `eval`).
    #[arg(long, value_enum, default_value_t = SupportArg::None, ignore_case = true, requires = "status")]
    support: SupportArg,

    /// With --status: give up after this many seconds (e.g. 10 or 0.5) if
    /// the solver has not found the extensions. Without it the solver runs
    /// until it has them.
    #[arg(long, value_name = "SECONDS", value_parser = super::args::seconds, requires = "status")]
    timeout: Option<std::time::Duration>,

    #[command(flatten)]
    pub(crate) draw: DrawArgs,
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

pub(crate) fn run(args: &Args, globals: &Globals) -> Result<ExitCode, Failure> {
    let format = resolve_format(args)?;
    match io::checked_map(&args.map, &globals.check_options(), "drawn")? {
        Ok(checked) => {
            let drawn = draw(args, format, &checked);
            // The command ends here, and the process with it: freeing a
            // large map's every allocation takes longer than drawing a
            // fifth of it.
            std::mem::forget(checked);
            drawn
        }
        Err(code) => Ok(code),
    }
}

/// The part of a map to draw and its options: `--focus` and `--depth`
/// applied, `--max-nodes` enforced for formats that are laid out (not DOT or
/// Mermaid), status colours carried over. `status`
/// colours the whole map when `--status` asks for it.
pub(crate) fn prepare(
    draw: &DrawArgs,
    map_path: &Path,
    whole_graph: &argmap::ArgGraph,
    format: Format,
    status: impl FnOnce(Semantics, usize) -> Result<StatusColours, Failure>,
) -> Result<(Option<argmap::ArgGraph>, RenderOptions), Failure> {
    let mut status_of_whole = match draw.status {
        Some(semantics) => Some(status(
            semantics.semantics(),
            usize::try_from(draw.extension).unwrap_or(usize::MAX),
        )?),
        None => None,
    };
    let focused = match &draw.focus {
        Some(id) => {
            let depth = usize::try_from(draw.depth).unwrap_or(usize::MAX);
            let (part, status) =
                argmap::render::focus(whole_graph, id, depth, status_of_whole.as_ref()).map_err(
                    |e| {
                        Failure::Message(format!("--focus: `{}` has {e}", io::shown_path(map_path)))
                    },
                )?;
            status_of_whole = status;
            Some(part)
        }
        None => None,
    };
    let graph = focused.as_ref().unwrap_or(whole_graph);
    let map = graph.map();
    // The cap is for layout: DOT and Mermaid text of any size is written.
    let laid_out = !matches!(format, Format::Dot | Format::Mermaid);
    if laid_out && draw.max_nodes > 0 && map.nodes.len() > draw.max_nodes {
        let (what, advice) = if focused.is_some() {
            (
                format!("the part around the focus has {} nodes", map.nodes.len()),
                "draw fewer steps with a smaller --depth",
            )
        } else {
            (
                format!(
                    "`{}` has {} nodes",
                    io::shown_path(map_path),
                    map.nodes.len()
                ),
                "draw part of it with --focus ID --depth N",
            )
        };
        return Err(Failure::Message(format!(
            "{what}, more than --max-nodes {} allows; {advice}, or raise the limit (--max-nodes 0 for none)",
            draw.max_nodes
        )));
    }
    let mut options = draw.options(graph, format);
    options.status = status_of_whole;
    Ok((focused, options))
}

/// The message for a drawing that does not fit, with what to try.
pub(crate) fn does_not_fit(e: &argmap::Error, map_path: &Path, draw: &DrawArgs) -> Failure {
    // Without --landscape or --portrait both orientations were tried.
    let larger = if draw.width.is_some() || draw.height.is_some() {
        "a larger --width or --height"
    } else if draw.landscape {
        "a larger --page (a3) or --portrait"
    } else if draw.portrait {
        "a larger --page (a3) or --landscape"
    } else {
        "a larger --page (a3)"
    };
    Failure::Message(format!(
        "`{}`: {e}; draw part of it with --focus ID --depth N, try another --rankdir (bt, lr), \
         {larger}, a narrower --wrap, or a smaller --min-font",
        io::shown_path(map_path)
    ))
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
    let (focused, options) = prepare(
        &args.draw,
        &args.map,
        whole_graph,
        format,
        |semantics, n| {
            let deadline = super::args::deadline(args.timeout);
            status(
                &args.map,
                semantics,
                args.support.support(),
                n,
                whole_graph,
                deadline,
            )
        },
    )?;
    let graph = focused.as_ref().unwrap_or(whole_graph);
    let engine = args.draw.engine;
    if format == Format::Mermaid && engine != EngineArg::Auto {
        io::warning("Mermaid output is laid out by Mermaid; --engine is ignored");
    } else if engine == EngineArg::Builtin && format == Format::Dot {
        io::warning(&format!(
            "--engine builtin lays out SVG only; {format} output has no layout of its own"
        ));
    }
    if engine == EngineArg::Builtin && options.size != Size::Natural {
        io::warning(
            "--engine builtin draws at its natural size; --page, --width and --height need Graphviz",
        );
    }
    if matches!(format, Format::Dot | Format::Mermaid) && options.size != Size::Natural {
        io::warning(&format!(
            "{format} output has no size of its own; --page, --width and --height apply to svg, png and pdf"
        ));
    }
    // A map read from stdin is drawn to stdout unless -o names a file.
    let path = match &args.output {
        Some(path) => path.clone(),
        None if io::is_stdin(&args.map) => PathBuf::from("-"),
        None => io::beside_here(&args.map, format.extension()),
    };
    let bytes = match format {
        // DOT is written as it is made: no copy of the whole text is held.
        Format::Dot => {
            return io::write_output_with(&path, |out| {
                argmap::render::write_dot(graph, &options, out)
            });
        }
        Format::Mermaid => argmap::render::mermaid(graph, &options).into_bytes(),
        Format::Svg if engine == EngineArg::Builtin => fallback_svg(graph, &options)?.into_bytes(),
        _ if engine == EngineArg::Builtin => {
            return Err(Failure::Message(format!(
                "--engine builtin draws SVG only, not {format}"
            )));
        }
        Format::Svg => {
            let svg = argmap::render::svg(graph, &options, &io::dot_program())
                .map_err(|e| fit_failure(e, &args.map, &args.draw))?;
            if let Some(e) = svg.fallback {
                io::warning(&format!(
                    "{e}; drawing with the built-in layout, which is simpler (no clusters, legend or shapes).\n\
                     Install Graphviz for the full drawing: `apt-get install graphviz`, `brew install graphviz`,\n\
                     or see https://graphviz.org/download/"
                ));
            }
            svg.text.into_bytes()
        }
        _ => match argmap::render::draw(graph, &options, format, &io::dot_program()) {
            Ok(drawing) => drawing.bytes,
            Err(e) if e.kind() == ErrorKind::GraphvizMissing => {
                return Err(Failure::Message(format!(
                    "{e}; {format} needs Graphviz: install it (`apt-get install graphviz`, `brew install graphviz`) \
                     or render to svg or dot instead"
                )));
            }
            Err(e) => return Err(fit_failure(e, &args.map, &args.draw)),
        },
    };
    io::write_output(&path, &bytes)
}

/// A library error as the user sees it, with advice when it does not fit.
pub(crate) fn fit_failure(e: argmap::Error, map_path: &Path, draw: &DrawArgs) -> Failure {
    if e.kind() == ErrorKind::DoesNotFit {
        does_not_fit(&e, map_path, draw)
    } else {
        e.into()
    }
}

/// The statuses of extension `n` (from 1) of a map under a semantics.
pub(crate) fn status(
    map_path: &Path,
    semantics: Semantics,
    support: argmap::semantics::Support,
    n: usize,
    graph: &argmap::ArgGraph,
    deadline: Option<std::time::Instant>,
) -> Result<StatusColours, Failure> {
    let shown = io::shown_path(map_path);
    // As many as `eval` lists, so that extension n is the one it numbers n.
    let limit = n.max(super::args::EXTENSIONS_LISTED);
    let found = Evaluation::until(graph, semantics, support, limit, deadline).map_err(|e| {
        Failure::Message(format!(
            "the {} extensions of `{shown}`: {e}",
            semantics.as_str(),
        ))
    })?;
    let caption = if semantics.is_unique() {
        format!(
            "{}, `supports` read as {}",
            semantics.as_str(),
            support.as_str()
        )
    } else {
        format!(
            "{} extension {n}, `supports` read as {}",
            semantics.as_str(),
            support.as_str()
        )
    };
    let Some(colours) = StatusColours::of_evaluation(&found, n - 1, caption) else {
        let count = found.extensions().labellings.len();
        return Err(Failure::Message(if count == 0 {
            format!(
                "`{shown}` has no {} extension (`supports` read as `{}`); nothing was drawn",
                semantics.as_str(),
                support.as_str()
            )
        } else {
            format!(
                "--extension {n}: `{shown}` has {count} {} extension{} (`supports` read as `{}`)",
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
