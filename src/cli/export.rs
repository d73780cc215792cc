//! `argmap export`: a map's framework (af, apx, tgf) or the map itself
//! (Argdown, AIF), written by `argmap::interchange::export`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use argmap::interchange::ExportFormat;

use super::args::SupportArg;
use super::{Failure, Globals, io};

const EXPORT_HELP: &str = "\
Two kinds of output. A framework (af, apx, tgf) is the one `argmap eval`
evaluates: claims and arguments, meta-arguments of undercut relations
(named by the relation id, with `<id>/x` helpers), and the attacks the
--support reading derives; in the af format, arguments are numbered in map
order and their names follow the header as comment lines
`# <number> <name>`; apx and tgf use the names. A map format (argdown, aif)
is the map itself: nodes, kinds, texts, relations and holders, for other
argument-mapping tools; docs/interchange.md says what each keeps.

Exit status: 0 written, 1 the map has errors, 2 a usage or I/O failure.

Examples:
  argmap export maps/istanbul.yaml --format af -o istanbul.af
  argmap af -p SE-PR -f istanbul.af
  argmap export maps/istanbul.yaml --format apx --support none
  argmap export maps/istanbul.yaml -o istanbul.argdown
  argmap export maps/istanbul.yaml -o istanbul.aif.json";

/// Arguments of `argmap export`.
#[derive(Debug, clap::Args)]
#[command(after_help = EXPORT_HELP)]
pub(crate) struct Args {
    /// The map (`-` reads stdin).
    map: PathBuf,

    /// The format: a framework (af, apx, tgf) or the map itself (argdown,
    /// aif).
    #[arg(long, value_enum, ignore_case = true)]
    format: Option<ExportFormatArg>,

    /// How a plain `supports` turns into attacks (as for `eval`).
    #[arg(long, value_enum, default_value_t = SupportArg::None, ignore_case = true)]
    support: SupportArg,

    /// Where to write; `-` or nothing for stdout. The format defaults to
    /// the extension (.af, .apx, .tgf, .argdown, .json for AIF), else af.
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
}

/// The formats of `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ExportFormatArg {
    /// ICCMA 2023 framework: `p af N`, then attacks `i j`.
    Af,
    /// Aspartix framework: `arg(a).` and `att(a,b).`
    Apx,
    /// Trivial graph format framework.
    Tgf,
    /// Argdown: the map itself, as statements, arguments with their
    /// premise–conclusion structures, and relations.
    Argdown,
    /// AIF JSON (the Argument Interchange Format, AIFdb/OVA shape): the map
    /// itself.
    Aif,
}

impl ExportFormatArg {
    fn format(self) -> ExportFormat {
        match self {
            ExportFormatArg::Af => ExportFormat::Af,
            ExportFormatArg::Apx => ExportFormat::Apx,
            ExportFormatArg::Tgf => ExportFormat::Tgf,
            ExportFormatArg::Argdown => ExportFormat::Argdown,
            ExportFormatArg::Aif => ExportFormat::Aif,
        }
    }
}

pub(crate) fn run(args: &Args, globals: &Globals) -> Result<ExitCode, Failure> {
    let output = args.output.as_deref().filter(|p| !io::is_stdin(p));
    let implied = output
        .and_then(Path::extension)
        .and_then(|e| ExportFormat::from_extension(&e.to_string_lossy()));
    let given = args.format.map(ExportFormatArg::format);
    let format = given.or(implied).unwrap_or(ExportFormat::Af);
    if let (Some(given), Some(implied), Some(path)) = (given, implied, output)
        && given != implied
    {
        io::warning(&format!(
            "writing {} to `{}`, whose extension says {}",
            given.name(),
            path.display(),
            implied.name()
        ));
    }
    let checked = match io::checked_map(&args.map, &globals.check_options(), "exported")? {
        Ok(checked) => checked,
        Err(code) => return Ok(code),
    };
    let Some(graph) = checked.clean() else {
        return Ok(ExitCode::from(1));
    };
    let exported = argmap::interchange::export(graph, format, args.support.support());
    if !exported.left_out.is_empty() {
        io::warning(&format!(
            "not exported ({} has no place for them): {}",
            format.name(),
            exported.left_out.join(", ")
        ));
    }
    match output {
        Some(path) => io::write_output(path, exported.text.as_bytes()),
        None => io::write_stdout(exported.text.as_bytes()),
    }
}
