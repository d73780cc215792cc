//! `argmap export` (a map's framework as af, apx or tgf) and `argmap
//! import` (a framework file as a map).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use argmap::interchange::iccma::{self, FrameworkFormat, NamedFramework};
use argmap::interchange::{Draft, ImportError};
use argmap::semantics::map::MapFramework;

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
pub(crate) struct ExportArgs {
    /// The map (`-` reads stdin).
    map: PathBuf,

    /// The format: a framework (af, apx, tgf) or the map itself (argdown,
    /// aif).
    #[arg(long, value_enum, ignore_case = true)]
    format: Option<ExportFormat>,

    /// How support turns into attacks.
    #[arg(long, value_enum, default_value_t = SupportArg::Deductive, ignore_case = true)]
    support: SupportArg,

    /// Where to write; `-` or nothing for stdout. The format defaults to
    /// the extension (.af, .apx, .tgf, .argdown, .json for AIF), else af.
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
}

const IMPORT_HELP: &str = "\
Reads another tool's file and writes it as a map. The format comes from
--from, else from the extension: .af, .apx, .tgf (argumentation
frameworks), .argdown (Argdown), .json (AIF), .txt (Kialo's plain-text
export), else af.

Argdown, AIF and Kialo: statements become claims, arguments with a
premise-conclusion structure become arguments, and relations keep their
kind (docs/interchange.md has the full mapping). What a map cannot hold is
printed as a warning naming its line or node, never dropped in silence;
the map written is checked, and any problem is reported at once.

Frameworks: every argument becomes a claim (`text: Argument <name>`) with
its attacks. Names become node ids: kept when valid, else lowercased with
other characters as `-` (the name is kept as the label); an .af file's
arguments are a1, a2, … unless `# <number> <name>` comments (as `argmap
export` writes) name them all. A map cannot say that a node attacks itself,
so a self-attacking argument x gets helper claims x.loop-1 and x.loop-2
forming an odd cycle with it, which gives x the same status. A framework
with no arguments, or one whose map would exceed the 256 MiB a map may
have, is refused.

Exit status: 0 written, 2 a malformed or refused file (the message names
the line) or an I/O failure; nothing is written then.

Examples:
  argmap import debate.argdown -o debate.yaml
  argmap import debate.txt --from kialo -o debate.yaml && argmap render debate.yaml
  argmap import corpus.json --from aif -o corpus.yaml
  argmap import framework.af -o framework.yaml";

/// Arguments of `argmap import`.
#[derive(Debug, clap::Args)]
#[command(after_help = IMPORT_HELP)]
pub(crate) struct ImportArgs {
    /// The file to import (`-` reads stdin).
    file: PathBuf,

    /// Input format; default: from the extension (.af, .apx, .tgf,
    /// .argdown, .json for AIF, .txt for Kialo), else af.
    #[arg(
        long = "from",
        alias = "fo",
        value_name = "FORMAT",
        value_enum,
        ignore_case = true
    )]
    format: Option<ImportFormat>,

    /// The map to write; `-` or nothing for stdout.
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,

    /// The map's title (default: the file name).
    #[arg(long)]
    title: Option<String>,
}

/// What `argmap export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ExportFormat {
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

impl ExportFormat {
    fn from_extension(path: &Path) -> Option<ExportFormat> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "af" => Some(ExportFormat::Af),
            "apx" => Some(ExportFormat::Apx),
            "tgf" => Some(ExportFormat::Tgf),
            "json" => Some(ExportFormat::Aif),
            "argdown" | "ad" => Some(ExportFormat::Argdown),
            _ => None,
        }
    }

    fn framework(self) -> Option<FrameworkFormat> {
        match self {
            ExportFormat::Af => Some(FrameworkFormat::Af),
            ExportFormat::Apx => Some(FrameworkFormat::Apx),
            ExportFormat::Tgf => Some(FrameworkFormat::Tgf),
            ExportFormat::Argdown | ExportFormat::Aif => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            ExportFormat::Af => "af",
            ExportFormat::Apx => "apx",
            ExportFormat::Tgf => "tgf",
            ExportFormat::Argdown => "Argdown",
            ExportFormat::Aif => "AIF",
        }
    }
}

/// What `argmap import` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ImportFormat {
    /// ICCMA 2023 framework.
    Af,
    /// Aspartix framework.
    Apx,
    /// Trivial graph format framework.
    Tgf,
    /// Argdown.
    Argdown,
    /// AIF JSON (AIFdb/OVA).
    Aif,
    /// Kialo's plain-text discussion export.
    Kialo,
}

impl ImportFormat {
    fn of(file: &Path, given: Option<ImportFormat>) -> ImportFormat {
        given.unwrap_or_else(|| {
            match file
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase)
                .as_deref()
            {
                Some("apx") => ImportFormat::Apx,
                Some("tgf") => ImportFormat::Tgf,
                Some("json") => ImportFormat::Aif,
                Some("argdown" | "ad") => ImportFormat::Argdown,
                Some("txt") => ImportFormat::Kialo,
                _ => ImportFormat::Af,
            }
        })
    }

    fn reader(self) -> Reader {
        match self {
            ImportFormat::Af => Reader::Framework(FrameworkFormat::Af),
            ImportFormat::Apx => Reader::Framework(FrameworkFormat::Apx),
            ImportFormat::Tgf => Reader::Framework(FrameworkFormat::Tgf),
            ImportFormat::Argdown => Reader::Map(argmap::interchange::argdown::import),
            ImportFormat::Aif => Reader::Map(argmap::interchange::aif::import),
            ImportFormat::Kialo => Reader::Map(argmap::interchange::kialo::import),
        }
    }
}

/// How a format is read: as a framework, or as a map by an importer.
enum Reader {
    Framework(FrameworkFormat),
    Map(fn(&str, &str) -> Result<Draft, ImportError>),
}

/// The map's title when --title gives none: `stdin`, else the part of the
/// file's name that `name` picks.
fn default_title(
    args: &ImportArgs,
    name: fn(&Path) -> Option<&std::ffi::OsStr>,
    fallback: &str,
) -> String {
    args.title.clone().unwrap_or_else(|| {
        if args.file.as_os_str() == "-" {
            "stdin".to_string()
        } else {
            name(&args.file).map_or_else(
                || fallback.to_string(),
                |n| n.to_string_lossy().into_owned(),
            )
        }
    })
}

pub(crate) fn export(args: &ExportArgs, globals: &Globals) -> Result<ExitCode, Failure> {
    let to_stdout = args.output.as_ref().is_none_or(|p| p.as_os_str() == "-");
    let implied = args
        .output
        .as_ref()
        .filter(|_| !to_stdout)
        .and_then(|p| ExportFormat::from_extension(p));
    let format = args.format.or(implied).unwrap_or(ExportFormat::Af);
    if let (Some(given), Some(implied), Some(path)) = (args.format, implied, &args.output)
        && given != implied
    {
        io::warning(&format!(
            "writing {} to `{}`, whose extension says {}",
            given.name(),
            path.display(),
            implied.name()
        ));
    }
    let checked = match io::checked_map(&args.map, &globals.check_options(), "exported", false)? {
        Ok(checked) => checked,
        Err(code) => return Ok(code),
    };
    let Some(graph) = checked.clean() else {
        return Ok(ExitCode::from(1));
    };
    let map = graph.map();
    let text = match format.framework() {
        Some(framework_format) => {
            let framework = MapFramework::build(graph, args.support.support());
            let names: Vec<String> = framework.arguments.iter().map(|a| a.name.clone()).collect();
            iccma::write(&framework.framework, &names, framework_format)
        }
        None => {
            let (text, left_out) = if format == ExportFormat::Argdown {
                (
                    argmap::interchange::argdown::export(map),
                    argmap::interchange::argdown::left_out(map),
                )
            } else {
                (
                    argmap::interchange::aif::export(map),
                    argmap::interchange::aif::left_out(map),
                )
            };
            if !left_out.is_empty() {
                io::warning(&format!(
                    "not exported ({} has no place for them): {}",
                    format.name(),
                    left_out.join(", ")
                ));
            }
            text
        }
    };
    write_out(args.output.as_ref().filter(|_| !to_stdout), text.as_bytes())
}

pub(crate) fn import(args: &ImportArgs, globals: &Globals) -> Result<ExitCode, Failure> {
    let chosen = ImportFormat::of(&args.file, args.format);
    let stdin = args.file.as_os_str() == "-";
    let format = match chosen.reader() {
        Reader::Framework(format) => format,
        Reader::Map(importer) => return import_map(args, globals, chosen, importer),
    };
    let bytes = io::read_bytes(&args.file, super::af::FRAMEWORK_LIMIT)?;
    let mut named: NamedFramework = iccma::parse(&bytes, format).map_err(|e| {
        let hint = if stdin && args.format.is_none() {
            " (stdin is read as af; pass --from with another format)"
        } else {
            ""
        };
        Failure::Message(format!("`{}`: {e}{hint}", io::shown_path(&args.file)))
    })?;
    let (n, m) = (named.framework.len(), named.framework.attack_count());
    if n == 0 {
        return Err(Failure::Message(format!(
            "`{}` has no arguments; a map needs at least one node, so nothing was written",
            io::shown_path(&args.file)
        )));
    }
    // Every argument takes at least ~30 bytes of YAML and every attack ~4:
    // refuse early what could not be read back as a map.
    let limit = argmap::LoadOptions::default().max_file_bytes;
    let too_big = |bytes: u64| {
        Failure::Message(format!(
            "`{}` ({n} arguments, {m} attacks) would make a map of {} MiB or more, over the {} MiB a map may have; nothing was written",
            io::shown_path(&args.file),
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
        named.names = iccma::af_names(&bytes, n);
    }
    drop(bytes);
    let title = default_title(args, Path::file_name, "framework");
    let yaml = iccma::to_map(&named, &title);
    if yaml.len() as u64 > limit {
        return Err(too_big(yaml.len() as u64));
    }
    write_out(output_file(args), yaml.as_bytes())
}

/// Imports a map format (AIF, Kialo): the losses are warnings, and the
/// map written is checked once more, so that a problem shows at once.
fn import_map(
    args: &ImportArgs,
    globals: &Globals,
    format: ImportFormat,
    importer: fn(&str, &str) -> Result<Draft, ImportError>,
) -> Result<ExitCode, Failure> {
    let limit = argmap::LoadOptions::default().max_file_bytes;
    let bytes = io::read_bytes(&args.file, limit)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = memchr::memchr_iter(b'\n', good).count() + 1;
        let column = good.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
        Failure::Message(format!(
            "`{}` is not UTF-8: line {line}, byte {column} of the line; nothing was written",
            io::shown_path(&args.file),
        ))
    })?;
    let title = default_title(args, Path::file_stem, "imported");
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let draft = importer(text, &title).map_err(|e| {
        Failure::Message(format!(
            "`{}` is not {}: {e}; nothing was written",
            io::shown_path(&args.file),
            format_name(format)
        ))
    })?;
    let shown = 20;
    for loss in draft.losses.iter().take(shown) {
        io::warning(&format!("not kept as written: {loss}"));
    }
    if draft.losses.len() > shown {
        io::warning(&format!(
            "… and {} more not kept as written",
            draft.losses.len() - shown
        ));
    }
    let name =
        output_file(args).map_or_else(|| "imported.yaml".to_string(), |p| p.display().to_string());
    let source = argmap::SourceFile::new(&name, draft.to_yaml());
    let checked = argmap::check(&source, &globals.check_options());
    let errors = checked
        .diagnostics
        .iter()
        .filter(|d| d.severity == argmap::Severity::Error)
        .count();
    if errors > 0 {
        io::warning(&format!(
            "the imported map has {errors} error{}; `argmap check {name}` shows them",
            if errors == 1 { "" } else { "s" }
        ));
    }
    write_out(output_file(args), source.text().as_bytes())
}

/// The file `import` writes, or `None` for stdout.
fn output_file(args: &ImportArgs) -> Option<&PathBuf> {
    args.output.as_ref().filter(|p| p.as_os_str() != "-")
}

fn format_name(format: ImportFormat) -> &'static str {
    match format {
        ImportFormat::Af => "af",
        ImportFormat::Apx => "apx",
        ImportFormat::Tgf => "tgf",
        ImportFormat::Argdown => "Argdown",
        ImportFormat::Aif => "AIF JSON",
        ImportFormat::Kialo => "a Kialo export",
    }
}

fn write_out(path: Option<&PathBuf>, bytes: &[u8]) -> Result<ExitCode, Failure> {
    match path {
        Some(path) => io::write_output(path, bytes),
        None => io::write_stdout(bytes),
    }
}
