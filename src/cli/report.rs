//! `argmap report`: a finished document around a map, in Markdown or one
//! self-contained HTML file (built by `argmap::report`).

use std::path::PathBuf;
use std::process::ExitCode;

use argmap::report::{MarkdownDiagram, Report};

use super::args::{DrawArgs, EvalArgs};
use super::eval::{text, with_evaluation};
use super::{Failure, Globals, io};

const AFTER_HELP: &str = "\
The report holds: the title and summary; the diagram (inline SVG in HTML,
each node a link to its row; in Markdown an SVG file written beside the
report, or a Mermaid block with --diagram mermaid); the evaluation; a table
of claims and arguments (id, text, held by, status, evidence); every quote
with its source, locator, translation and whether it was checked against
the source's file; the actors, what their positions rest on and their
tensions; the sources; the check results (warnings, findings, notes).

The diagram takes every drawing option of `argmap render` (--rankdir,
--group-by, --status, --focus, --depth, --no-legend, --page, --width, …);
--status colours it with the report's --support.

A map with errors gets no report: the errors are shown as by `check`.
Files are written atomically. The HTML is one file with no scripts and no
network access, readable on screen and in print.

Exit status: 0 written, 1 the map has errors, 2 a usage or I/O failure.

Examples:
  argmap report maps/istanbul.yaml -o report.html
  argmap report maps/istanbul.yaml -o report.md            writes report.svg too
  argmap report maps/istanbul.yaml -o report.md --diagram mermaid
  argmap report maps/istanbul.yaml -o report.html --status grounded --group-by source";

/// Arguments of `argmap report`.
#[derive(Debug, clap::Args)]
#[command(after_help = AFTER_HELP)]
pub(crate) struct Args {
    /// The map (`-` reads stdin).
    map: PathBuf,

    /// The report to write: .html or .md (`-` for stdout, HTML unless --format md).
    #[arg(short, long, value_name = "PATH")]
    output: PathBuf,

    /// Report format (default: from the extension of -o; HTML on stdout).
    #[arg(long, value_enum, ignore_case = true)]
    format: Option<ReportFormat>,

    /// How Markdown shows the diagram: an SVG file beside the report, or a
    /// Mermaid block (GitHub and GitLab draw it). HTML always inlines SVG.
    #[arg(long, value_enum, default_value_t = Diagram::Svg, ignore_case = true)]
    diagram: Diagram,

    #[command(flatten)]
    eval: EvalArgs,

    #[command(flatten)]
    draw: DrawArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum ReportFormat {
    Html,
    #[value(alias = "markdown")]
    Md,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Diagram {
    Svg,
    Mermaid,
}

pub(crate) fn run(args: &Args, globals: &Globals) -> Result<ExitCode, Failure> {
    let to_stdout = io::is_stdin(&args.output);
    let format = match args.format {
        Some(f) => f,
        None => match args
            .output
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .as_deref()
        {
            Some("html" | "htm") => ReportFormat::Html,
            Some("md" | "markdown") => ReportFormat::Md,
            _ if to_stdout => ReportFormat::Html,
            _ => {
                return Err(Failure::Message(format!(
                    "cannot tell the report format from `{}`; use .html or .md, or pass --format",
                    args.output.display()
                )));
            }
        },
    };
    if format == ReportFormat::Html && args.diagram == Diagram::Mermaid {
        io::warning(
            "--diagram mermaid applies to Markdown; the HTML report inlines the SVG drawing",
        );
    }
    if to_stdout && format == ReportFormat::Md && args.diagram == Diagram::Svg {
        return Err(Failure::Message(
            "a Markdown report on stdout cannot have an SVG file beside it; pass --diagram mermaid or -o FILE.md".into(),
        ));
    }
    with_evaluation(
        &args.map,
        globals,
        "reported",
        args.eval,
        super::args::EXTENSIONS_LISTED,
        |checked, evaluation| {
            let whole = evaluation.graph();
            let drawn_as = if args.diagram == Diagram::Mermaid && format == ReportFormat::Md {
                argmap::Format::Mermaid
            } else {
                argmap::Format::Svg
            };
            // The diagram is drawn as `render` draws it, with the report's
            // semantics and support for --status.
            let (focused, mut options) =
                super::render::prepare(&args.draw, &args.map, whole, drawn_as, |semantics, n| {
                    super::render::status(
                        &args.map,
                        semantics,
                        args.eval.support.support(),
                        n,
                        whole,
                        args.eval.deadline(),
                    )
                })?;
            // In a report --page and --landscape choose the printed page;
            // the page's stylesheet fits the diagram to it (enlarged in
            // parts when it would print too small), so the drawing itself
            // keeps its natural size unless --width or --height is given.
            if matches!(options.size, argmap::Size::Page(_)) {
                options.size = argmap::Size::Natural;
            }
            let graph = focused.as_ref().unwrap_or(whole);
            let report = Report::new(&io::shown_path(&args.map), evaluation, &checked.diagnostics);
            let (out, svg) = match format {
                ReportFormat::Html => {
                    options.links = true;
                    let svg = diagram(graph, &options, args)?;
                    (
                        text(|s| report.write_html(s, &svg, args.draw.report_page()))?,
                        None,
                    )
                }
                ReportFormat::Md if args.diagram == Diagram::Mermaid => {
                    let mermaid = argmap::render::mermaid(graph, &options);
                    (
                        text(|s| report.write_markdown(s, MarkdownDiagram::MermaidText(&mermaid)))?,
                        None,
                    )
                }
                ReportFormat::Md => {
                    let svg_path = args.output.with_extension("svg");
                    let name = svg_path
                        .file_name()
                        .map_or_else(|| "report.svg".into(), |n| n.to_string_lossy().into_owned());
                    let md = text(|s| report.write_markdown(s, MarkdownDiagram::File(&name)))?;
                    (md, Some((svg_path, diagram(graph, &options, args)?)))
                }
            };
            if let Some((path, svg)) = svg {
                io::write_output(&path, svg.as_bytes())?;
            }
            io::write_output(&args.output, out.as_bytes())
        },
    )
}

/// The diagram as an `<svg>` element; with `options.links`, nodes link to
/// their rows.
fn diagram(
    graph: &argmap::ArgGraph,
    options: &argmap::RenderOptions,
    args: &Args,
) -> Result<String, Failure> {
    let svg = argmap::report::diagram_with(graph, options, &io::dot_program())
        .map_err(|e| super::render::fit_failure(e, &args.map, &args.draw))?;
    if let Some(e) = svg.fallback {
        io::warning(&format!(
            "{e}; the diagram is drawn with the built-in layout (install Graphviz for the full drawing)"
        ));
    }
    Ok(svg.text)
}
