//! `argmap export` (a map's framework as af, apx or tgf) and `argmap
//! import` (a framework file as a map).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use argmap::semantics::convert;
use argmap::semantics::iccma::{self, FrameworkFormat, NamedFramework};
use argmap::semantics::map::MapFramework;

use super::Failure;
use super::af::{FormatArg, input_format, read};
use super::eval::SupportArg;

const EXPORT_HELP: &str = "\
The framework is the one `argmap eval` evaluates: claims and arguments,
meta-arguments of undercut relations (named by the relation id, with
`<id>/x` helpers), and the attacks the --support reading derives. In the
af format, arguments are numbered in map order and their names follow the
header as comment lines `# <number> <name>`; apx and tgf use the names.

Exit status: 0 written, 1 the map has errors, 2 a usage or I/O failure.

Examples:
  argmap export maps/istanbul.yaml --format af -o istanbul.af
  argmap af -p SE-PR -f istanbul.af
  argmap export maps/istanbul.yaml --format apx --support none";

/// Arguments of `argmap export`.
#[derive(Debug, clap::Args)]
#[command(after_help = EXPORT_HELP)]
pub(crate) struct ExportArgs {
    /// The map (`-` reads stdin).
    map: PathBuf,

    /// The framework format.
    #[arg(long, value_enum, ignore_case = true)]
    format: Option<FormatArg>,

    /// How support turns into attacks.
    #[arg(long, value_enum, default_value_t = SupportArg::Deductive, ignore_case = true)]
    support: SupportArg,

    /// Where to write; `-` or nothing for stdout. The format defaults to
    /// the extension (.af, .apx, .tgf), else af.
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
}

const IMPORT_HELP: &str = "\
Every argument becomes a claim (`text: Argument <name>`) with its attacks.
Names become node ids: kept when valid, else lowercased with other
characters as `-` (the name is kept as the label); an .af file's arguments
are a1, a2, … unless `# <number> <name>` comments (as `argmap export`
writes) name them all. A map cannot say that a node attacks itself, so a
self-attacking argument x gets helper claims x.loop-1 and x.loop-2 forming
an odd cycle with it, which gives x the same status.

A framework with no arguments, or one whose map would exceed the 256 MiB a
map may have, is refused.

Exit status: 0 written, 2 a malformed or refused framework (the message
names the line) or an I/O failure; nothing is written then.

Examples:
  argmap import framework.af -o framework.yaml
  argmap import framework.apx -o framework.yaml && argmap eval framework.yaml --support none";

/// Arguments of `argmap import`.
#[derive(Debug, clap::Args)]
#[command(after_help = IMPORT_HELP)]
pub(crate) struct ImportArgs {
    /// The framework file (`-` reads stdin).
    file: PathBuf,

    /// Input format; default: from the extension, else af.
    #[arg(long = "fo", value_name = "FORMAT", value_enum, ignore_case = true)]
    format: Option<FormatArg>,

    /// The map to write; `-` for stdout.
    #[arg(short, long, value_name = "PATH")]
    output: PathBuf,

    /// The map's title (default: the file name).
    #[arg(long)]
    title: Option<String>,
}

pub(crate) fn export(args: &ExportArgs) -> Result<ExitCode, Failure> {
    let to_stdout = args.output.as_ref().is_none_or(|p| p.as_os_str() == "-");
    let format = match (args.format, &args.output) {
        (Some(f), _) => f.format(),
        (None, Some(p)) if !to_stdout => input_format(p, None),
        _ => FrameworkFormat::Af,
    };
    if let (Some(given), Some(path)) = (args.format, &args.output)
        && !to_stdout
    {
        let implied = input_format(path, None);
        let named = path
            .extension()
            .is_some_and(|e| e == "af" || e == "apx" || e == "tgf");
        if named && implied != given.format() {
            super::warning(&format!(
                "writing {} to `{}`, whose extension says otherwise",
                format_name(given.format()),
                path.display()
            ));
        }
    }
    let checked = match super::checked_map(&args.map, "exported")? {
        Ok(checked) => checked,
        Err(code) => return Ok(code),
    };
    let Some(map) = checked.map.as_ref() else {
        return Ok(ExitCode::from(1));
    };
    let framework = MapFramework::build(map, &checked.graph, args.support.support());
    let names: Vec<String> = framework.arguments.iter().map(|a| a.name.clone()).collect();
    let text = convert::write(&framework.framework, &names, format);
    write_out(args.output.as_ref().filter(|_| !to_stdout), text.as_bytes())
}

pub(crate) fn import(args: &ImportArgs) -> Result<ExitCode, Failure> {
    let format = input_format(&args.file, args.format);
    let stdin = args.file.as_os_str() == "-";
    let bytes = read(&args.file)?;
    let mut named: NamedFramework = iccma::parse(&bytes, format).map_err(|e| {
        let hint = if stdin && args.format.is_none() {
            " (stdin is read as af; pass --fo apx or --fo tgf for the other formats)"
        } else {
            ""
        };
        Failure::Message(format!("`{}`: {e}{hint}", args.file.display()))
    })?;
    let (n, m) = (named.framework.len(), named.framework.attack_count());
    if n == 0 {
        return Err(Failure::Message(format!(
            "`{}` has no arguments; a map needs at least one node, so nothing was written",
            args.file.display()
        )));
    }
    // Every argument takes at least ~30 bytes of YAML and every attack ~4:
    // refuse early what could not be read back as a map.
    let limit = argmap::LoadOptions::default().max_file_bytes;
    let too_big = |bytes: u64| {
        Failure::Message(format!(
            "`{}` ({n} arguments, {m} attacks) would make a map of {} MiB or more, over the {} MiB a map may have; nothing was written",
            args.file.display(),
            bytes / (1024 * 1024),
            limit / (1024 * 1024)
        ))
    };
    let estimate = (n as u64)
        .saturating_mul(30)
        .saturating_add((m as u64).saturating_mul(4));
    if estimate > limit {
        return Err(too_big(estimate));
    }
    if format == FrameworkFormat::Af {
        named.names = convert::af_names(&bytes, n);
    }
    drop(bytes);
    let title = args.title.clone().unwrap_or_else(|| {
        if stdin {
            "stdin".to_string()
        } else {
            args.file.file_name().map_or_else(
                || "framework".to_string(),
                |n| n.to_string_lossy().into_owned(),
            )
        }
    });
    let yaml = convert::to_map(&named, &title);
    if yaml.len() as u64 > limit {
        return Err(too_big(yaml.len() as u64));
    }
    let to_stdout = args.output.as_os_str() == "-";
    write_out((!to_stdout).then_some(&args.output), yaml.as_bytes())
}

fn format_name(format: FrameworkFormat) -> &'static str {
    match format {
        FrameworkFormat::Af => "af",
        FrameworkFormat::Apx => "apx",
        FrameworkFormat::Tgf => "tgf",
    }
}

fn write_out(path: Option<&PathBuf>, bytes: &[u8]) -> Result<ExitCode, Failure> {
    match path {
        Some(path) => {
            super::render::write_atomically(path, bytes)?;
            writeln!(anstream::stdout(), "{}", path.display())?;
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)?;
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
