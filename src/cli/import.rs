//! `argmap import`: another tool's file (Argdown, AIF, Kialo, or an ICCMA
//! framework) as a map, read by `argmap::interchange::import`.

use std::path::PathBuf;
use std::process::ExitCode;

use argmap::interchange::{ImportFailure, ImportFormat};
use argmap::{LoadOptions, Severity, SourceFile};

use super::{Failure, Globals, io};

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
pub(crate) struct Args {
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
    format: Option<ImportFormatArg>,

    /// The map to write; `-` or nothing for stdout.
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,

    /// The map's title (default: the file name).
    #[arg(long)]
    title: Option<String>,

    /// Frameworks: let a `p af N` header declare up to N arguments, however
    /// short the file (default: 8 per byte of the file, at least a million).
    #[arg(long, value_name = "N")]
    max_arguments: Option<usize>,

    /// Print every construct not kept as written (default: the first 20,
    /// then a count).
    #[arg(long)]
    all_losses: bool,
}

/// The formats of `--from`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ImportFormatArg {
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

impl ImportFormatArg {
    fn format(self) -> ImportFormat {
        match self {
            ImportFormatArg::Af => ImportFormat::Af,
            ImportFormatArg::Apx => ImportFormat::Apx,
            ImportFormatArg::Tgf => ImportFormat::Tgf,
            ImportFormatArg::Argdown => ImportFormat::Argdown,
            ImportFormatArg::Aif => ImportFormat::Aif,
            ImportFormatArg::Kialo => ImportFormat::Kialo,
        }
    }
}

/// How many losses are printed before a count of the rest.
const LOSSES_SHOWN: usize = 20;

pub(crate) fn run(args: &Args, globals: &Globals) -> Result<ExitCode, Failure> {
    let stdin = io::is_stdin(&args.file);
    let format = args.format.map_or_else(
        || ImportFormat::of_path(&args.file),
        ImportFormatArg::format,
    );
    let limit = LoadOptions::default().max_file_bytes;
    let read_limit = if format.framework().is_some() {
        super::af::FRAMEWORK_LIMIT
    } else {
        limit
    };
    let bytes = io::read_bytes(&args.file, read_limit).map_err(|e| match e {
        Failure::Message(m) => Failure::Message(format!("{m}; nothing was written")),
        e @ Failure::Io(_) => e,
    })?;
    // The title: --title, else `stdin`, else the file's name (a map
    // format's without its extension).
    let title = args.title.clone().unwrap_or_else(|| {
        let name = if format.framework().is_some() {
            args.file.file_name()
        } else {
            args.file.file_stem()
        };
        match name {
            _ if stdin => "stdin".to_string(),
            Some(name) => name.to_string_lossy().into_owned(),
            None if format.framework().is_some() => "framework".to_string(),
            None => "imported".to_string(),
        }
    });
    let shown = io::shown_path(&args.file);
    let imported = argmap::interchange::import(&bytes, format, &title, limit, args.max_arguments)
        .map_err(|e| {
        let hint = if stdin && args.format.is_none() {
            " (stdin is read as af; pass --from with another format)"
        } else {
            ""
        };
        Failure::Message(match e {
            ImportFailure::Framework(e) => match e.declared {
                Some(n) => format!("`{shown}`: {e}; `--max-arguments {n}` reads it anyway"),
                None => format!("`{shown}`: {e}{hint}"),
            },
            ImportFailure::NoArguments => {
                format!("`{shown}` {e}, so nothing was written")
            }
            e => format!("`{shown}` {e}; nothing was written"),
        })
    })?;
    drop(bytes);
    let shown_losses = if args.all_losses {
        usize::MAX
    } else {
        LOSSES_SHOWN
    };
    for loss in imported.losses.iter().take(shown_losses) {
        io::warning(&format!("not kept as written: {loss}"));
    }
    if imported.losses.len() > shown_losses {
        io::warning(&format!(
            "… and {} more not kept as written; --all-losses lists them",
            imported.losses.len() - shown_losses
        ));
    }
    let output = args.output.as_deref().filter(|p| !io::is_stdin(p));
    let name = output.map_or_else(|| "imported.yaml".to_string(), |p| p.display().to_string());
    let source = SourceFile::new(&name, imported.yaml);
    if format.framework().is_none() {
        // The map written is checked once more, so that a problem shows at once.
        let checked = argmap::check(&source, &globals.check_options());
        let errors = checked
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        if errors > 0 {
            io::warning(&format!(
                "the imported map has {errors} error{}; `argmap check {name}` shows them",
                if errors == 1 { "" } else { "s" }
            ));
        }
    }
    let yaml = source.text().as_bytes();
    match output {
        Some(path) => io::write_output(path, yaml),
        None => io::write_stdout(yaml),
    }
}
