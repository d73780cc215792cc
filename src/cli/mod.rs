//! Everything about the command line: clap definitions, dispatch, output
//! streams and exit codes. The only code that knows about clap, terminals
//! and the process environment.
//!
//! Exit codes follow ripgrep: 0 clean, 1 problems found in a map, 2 usage
//! or I/O failure.

mod actors;
mod af;
mod check;
mod convert;
mod eval;
mod explain;
mod render;
mod report;
mod watch;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

const EXAMPLES: &str = "\
Examples:
  argmap check                        Check every map under maps/
  argmap check maps/istanbul.yaml     Check one map
  argmap check --format json maps/    One JSON object per diagnostic
  argmap render maps/istanbul.yaml    Draw istanbul.svg in this folder
  argmap render maps/istanbul.yaml -o map.pdf
  argmap explain E201                 What a check code means
  argmap eval maps/istanbul.yaml      Which claims stand (grounded), and why
  argmap eval maps/istanbul.yaml --semantics preferred
  argmap render maps/istanbul.yaml --status grounded
  argmap af -p SE-GR -f framework.af  Grounded extension of an ICCMA framework
  argmap export maps/istanbul.yaml -o istanbul.af
  argmap import framework.af -o framework.yaml
  argmap import debate.argdown -o debate.yaml     Argdown, AIF (.json), Kialo (.txt)
  argmap render debate.yaml --focus some-claim --depth 2
  argmap watch maps/istanbul.yaml     Check and draw again on every save

Docs: docs/format.md (the map format), docs/checks.md, docs/semantics.md, docs/cli.md,
docs/interchange.md, docs/editors.md";

/// Check, evaluate, draw and report on argument maps written as YAML.
///
/// An argument map is a typed graph of claims, arguments and questions, the
/// relations between them (supports, attacks, undercuts, contradicts,
/// answers), the actors who hold them and the documents they cite.
#[derive(Debug, Parser)]
#[command(name = "argmap", version, after_help = EXAMPLES, max_term_width = 100)]
struct Cli {
    #[command(flatten)]
    color: colorchoice_clap::Color,

    /// Let a source's `file:` point outside the map's folder tree (for
    /// every command that checks a map).
    #[arg(long, global = true)]
    allow_outside_sources: bool,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate maps: structure, references, relation types, cycles, lints.
    Check(check::Args),
    /// Draw a map as DOT, SVG, PNG, PDF or Mermaid.
    Render(render::Args),
    /// Check and draw a map again on every save.
    Watch(watch::WatchArgs),
    /// Evaluate a map: which claims stand under a semantics, and why.
    Eval(eval::Args),
    /// List each actor's commitments, their status and the tensions among them.
    Actors(actors::Args),
    /// Write a report: Markdown or one self-contained HTML file.
    Report(report::Args),
    /// Write a map as Argdown or AIF, or its framework as af, apx or tgf.
    Export(convert::ExportArgs),
    /// Turn an Argdown, AIF, Kialo or ICCMA framework file into a map.
    Import(convert::ImportArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `argmap man | man -l -`.
    Man {
        /// A command whose page to print (`argmap man render` is
        /// argmap-render(1)); without it, argmap(1).
        command: Option<String>,
    },
    /// Print the JSON Schema of the map format, for editors.
    #[command(after_help = SCHEMA_HELP)]
    Schema {
        /// The JSON Schema dialect: 2020-12, or 07 for editors whose YAML
        /// language server validates with draft-07 (VS Code's YAML
        /// extension).
        #[arg(long, value_enum, default_value_t = DraftArg::V2020_12)]
        draft: DraftArg,

        /// Where to write; `-` or nothing for stdout.
        #[arg(short, long, value_name = "PATH")]
        output: Option<std::path::PathBuf>,
    },
    /// Explain a check code, or list all codes.
    Explain(explain::Args),
    /// Solve abstract argumentation frameworks (ICCMA interface).
    Af(af::Args),
}

const SCHEMA_HELP: &str = "\
The schema describes the map format of docs/format.md, shorthands
included, with a description of every key: an editor with a YAML language
server completes keys, shows the descriptions and marks what the schema
rejects while you type. It sees what a schema can (unknown keys, types,
ids, required fields, argument structure); `argmap check` sees the rest
(references, relation kinds, cycles, quotes). See docs/editors.md.

The committed copies are docs/argmap.schema.json (2020-12) and
docs/argmap.draft-07.schema.json (07). A map names its schema in its first
line:
  # yaml-language-server: $schema=../docs/argmap.draft-07.schema.json

Examples:
  argmap schema -o argmap.schema.json
  argmap schema --draft 07";

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum DraftArg {
    /// JSON Schema 2020-12.
    #[value(name = "2020-12")]
    V2020_12,
    /// JSON Schema draft-07.
    #[value(name = "07")]
    V07,
}

/// The manual page of argmap, or of one of its commands.
fn man_page(command: Option<&str>) -> Result<ExitCode, Failure> {
    use clap::CommandFactory;
    let mut cli = Cli::command();
    // Built, so that commands carry their display names (`argmap-check`).
    cli.build();
    let page = match command {
        None => cli,
        Some(name) => cli
            .find_subcommand(name)
            .filter(|c| c.get_name() != "help")
            .cloned()
            .ok_or_else(|| {
                let all = Cli::command();
                let names: Vec<&str> = all
                    .get_subcommands()
                    .map(clap::Command::get_name)
                    .filter(|n| *n != "help")
                    .collect();
                Failure::Message(format!(
                    "no command `{name}`; the commands are {}",
                    names.join(", ")
                ))
            })?,
    };
    let page = page.version(env!("CARGO_PKG_VERSION"));
    let mut out = Vec::new();
    clap_mangen::Man::new(page).render(&mut out)?;
    write_stdout(&out)
}

/// A map's path as shown in output: `<stdin>` for `-`.
pub(crate) fn shown_path(path: &std::path::Path) -> String {
    if path.as_os_str() == "-" {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

/// Why a command could not finish (exit status 2).
#[derive(Debug)]
pub(crate) enum Failure {
    /// Writing to stdout or a file failed.
    Io(io::Error),
    /// Anything else, already phrased for the user.
    Message(String),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Io(e)
    }
}

impl From<argmap::Error> for Failure {
    fn from(e: argmap::Error) -> Self {
        Failure::Message(e.to_string())
    }
}

pub(crate) fn main() -> ExitCode {
    // ICCMA's older interface spells the input-format option `-fo`, which
    // is not a valid short option; accept it as `--fo`.
    let args = std::env::args_os().map(|a| if a == "-fo" { "--fo".into() } else { a });
    let cli = Cli::parse_from(args);
    cli.color.write_global();
    ALLOW_OUTSIDE_SOURCES.store(
        cli.allow_outside_sources,
        std::sync::atomic::Ordering::Relaxed,
    );
    let result = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Render(args) => render::run(&args),
        Command::Watch(args) => watch::run(&args),
        Command::Eval(args) => eval::run(&args),
        Command::Actors(args) => actors::run(&args),
        Command::Report(args) => report::run(&args),
        Command::Export(args) => convert::export(&args),
        Command::Import(args) => convert::import(&args),
        Command::Completions { shell } => {
            use clap::CommandFactory;
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "argmap", &mut out);
            write_stdout(&out)
        }
        Command::Man { command } => man_page(command.as_deref()),
        Command::Schema { draft, output } => {
            let text = argmap::schema::json_schema(match draft {
                DraftArg::V2020_12 => argmap::schema::Draft::Draft2020_12,
                DraftArg::V07 => argmap::schema::Draft::Draft07,
            });
            match output.filter(|p| p.as_os_str() != "-") {
                Some(path) => render::write_atomically(&path, text.as_bytes()).and_then(|()| {
                    writeln!(anstream::stdout(), "{}", path.display())?;
                    Ok(ExitCode::SUCCESS)
                }),
                None => write_stdout(text.as_bytes()),
            }
        }
        Command::Explain(args) => explain::run(&args),
        Command::Af(args) => af::run(&args),
    };
    match result {
        Ok(code) => code,
        // A closed pipe (`argmap check | head`) is how the reader says it
        // has seen enough: not an error, and nothing useful to print.
        Err(Failure::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Io(e)) => {
            error(&format!("{e}"));
            ExitCode::from(2)
        }
        Err(Failure::Message(m)) => {
            error(&m);
            ExitCode::from(2)
        }
    }
}

/// Writes bytes to stdout.
fn write_stdout(bytes: &[u8]) -> Result<ExitCode, Failure> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `--allow-outside-sources`, which every command that checks a map obeys.
static ALLOW_OUTSIDE_SOURCES: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

/// The check options every command starts from.
pub(crate) fn base_options() -> argmap::CheckOptions {
    argmap::CheckOptions {
        allow_outside_sources: ALLOW_OUTSIDE_SOURCES.load(std::sync::atomic::Ordering::Relaxed),
        ..argmap::CheckOptions::default()
    }
}

/// Reads and checks one map for a command that needs it clean, printing
/// its diagnostics on stderr. `Ok(Err(1))` when it has errors (`what`
/// says what was not done: "drawn", "evaluated").
pub(crate) fn checked_map(
    path: &std::path::Path,
    what: &str,
) -> Result<Result<argmap::Checked, ExitCode>, Failure> {
    use argmap::diagnostic::render::human;
    let (source, early) = if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        io::Read::read_to_end(&mut io::stdin(), &mut bytes)
            .map_err(|e| Failure::Message(format!("cannot read stdin: {e}")))?;
        argmap::load::decode(std::path::Path::new("<stdin>"), bytes)
    } else {
        argmap::load::read_source(path, &argmap::LoadOptions::default())?
    };
    let checked = match early {
        Some(d) => {
            writeln!(anstream::stderr(), "{}\n", human(&source, &d, true))?;
            return Ok(Err(ExitCode::from(1)));
        }
        None => argmap::check(&source, &base_options()),
    };
    {
        // Drawing shows every diagnostic; other commands only the errors
        // that stop them, and a count of warnings.
        let mut err = anstream::stderr().lock();
        let mut warnings = 0usize;
        for d in &checked.diagnostics {
            if what == "drawn" || d.severity == argmap::Severity::Error {
                writeln!(err, "{}\n", human(&source, d, true))?;
            } else if d.severity == argmap::Severity::Warning {
                warnings += 1;
            }
        }
        drop(err);
        if warnings > 0 && !checked.has_errors() {
            let s = if warnings == 1 { "" } else { "s" };
            warning(&format!(
                "`{}` has {warnings} warning{s}; `argmap check` shows them",
                path.display()
            ));
        }
    }
    if checked.map.is_none() || checked.has_errors() {
        error(&format!(
            "`{}` has errors; nothing was {what}",
            path.display()
        ));
        return Ok(Err(ExitCode::from(1)));
    }
    Ok(Ok(checked))
}

/// Prints `error: …` on stderr, red on a terminal.
pub(crate) fn error(message: &str) {
    let style = anstyle::Style::new()
        .bold()
        .fg_color(Some(anstyle::AnsiColor::Red.into()));
    let _ = writeln!(anstream::stderr(), "{style}error{style:#}: {message}");
}

/// Prints `warning: …` on stderr, yellow on a terminal.
pub(crate) fn warning(message: &str) {
    let style = anstyle::Style::new()
        .bold()
        .fg_color(Some(anstyle::AnsiColor::Yellow.into()));
    let _ = writeln!(anstream::stderr(), "{style}warning{style:#}: {message}");
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
