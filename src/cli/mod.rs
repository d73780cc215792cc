//! Everything about the command line: clap definitions, dispatch, output
//! streams and exit codes. The only code that knows about clap, terminals
//! and the process environment.
//!
//! Exit codes follow ripgrep: 0 clean, 1 problems found in a map, 2 usage
//! or I/O failure.

mod actors;
mod af;
mod args;
mod check;
mod completions;
mod eval;
mod explain;
mod export;
mod import;
mod io;
mod lsp;
mod man;
mod render;
mod report;
mod schema;
mod watch;

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
  argmap lsp                          Language server for editors (docs/editors.md)

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
    Export(export::Args),
    /// Turn an Argdown, AIF, Kialo or ICCMA framework file into a map.
    Import(import::Args),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions(completions::Args),
    /// Print the manual page (roff), e.g. `argmap man | man -l -`.
    Man(man::Args),
    /// Print the JSON Schema of the map format, for editors.
    Schema(schema::Args),
    /// Explain a check code, or list all codes.
    Explain(explain::Args),
    /// Solve abstract argumentation frameworks (ICCMA interface).
    Af(af::Args),
    /// Run the language server on stdio, for editors (docs/editors.md).
    Lsp(lsp::Args),
}

/// Why a command could not finish (exit status 2).
#[derive(Debug)]
pub(crate) enum Failure {
    /// Writing to stdout or a file failed.
    Io(std::io::Error),
    /// Anything else, already phrased for the user.
    Message(String),
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Failure::Io(e)
    }
}

impl From<argmap::Error> for Failure {
    fn from(e: argmap::Error) -> Self {
        Failure::Message(e.to_string())
    }
}

/// Options that apply to every command.
#[derive(Clone, Debug)]
pub(crate) struct Globals {
    /// `--allow-outside-sources`.
    allow_outside_sources: bool,
}

impl Globals {
    /// The check options every command that checks a map starts from.
    pub(crate) fn check_options(&self) -> argmap::CheckOptions {
        argmap::CheckOptions {
            allow_outside_sources: self.allow_outside_sources,
            ..argmap::CheckOptions::default()
        }
    }
}

pub(crate) fn main() -> ExitCode {
    // ICCMA's older interface spells the input-format option `-fo`, which
    // is not a valid short option; accept it as `--fo`.
    let args = std::env::args_os().map(|a| if a == "-fo" { "--fo".into() } else { a });
    let cli = Cli::parse_from(args);
    cli.color.write_global();
    let globals = Globals {
        allow_outside_sources: cli.allow_outside_sources,
    };
    let result = match cli.command {
        Command::Check(args) => check::run(&args, &globals),
        Command::Render(args) => render::run(&args, &globals),
        Command::Watch(args) => watch::run(&args, &globals),
        Command::Eval(args) => eval::run(&args, &globals),
        Command::Actors(args) => actors::run(&args, &globals),
        Command::Report(args) => report::run(&args, &globals),
        Command::Export(args) => export::run(&args, &globals),
        Command::Import(args) => import::run(&args, &globals),
        Command::Completions(args) => completions::run(&args),
        Command::Man(args) => man::run(&args),
        Command::Schema(args) => schema::run(&args),
        Command::Explain(args) => explain::run(&args),
        Command::Af(args) => af::run(&args),
        Command::Lsp(args) => lsp::run(&args, &globals),
    };
    match result {
        Ok(code) => code,
        // A closed pipe (`argmap check | head`) is how the reader says it
        // has seen enough: not an error, and nothing useful to print.
        Err(Failure::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Io(e)) => {
            io::error(&format!("{e}"));
            ExitCode::from(2)
        }
        Err(Failure::Message(m)) => {
            io::error(&m);
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
