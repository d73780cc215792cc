//! `argmap actors`: each actor's commitments, their status under a
//! semantics, what their position rests on, and the tensions among them.

use std::process::ExitCode;

use argmap::report::ActorsReport;

use super::args::{DocumentArgs, TextOrJson};
use super::eval::{json, text, with_evaluation};
use super::{Failure, Globals, io};

const AFTER_HELP: &str = "\
For each actor: the nodes it holds, with their status under the semantics
(accepted, rejected, undecided; for several extensions, in how many each
is accepted), the nodes it rejects, what its position rests on that others
hold (the nodes from which support reaches what it holds), the sources it
cites, and its tensions (the F5xx findings of `argmap check`). Then, for
every node some position rests on, who builds on it.

Exit status: 0 listed, 1 the map has errors, 2 a usage or I/O failure.

Examples:
  argmap actors maps/istanbul.yaml
  argmap actors maps/istanbul.yaml --semantics preferred --format json";

/// Arguments of `argmap actors`.
#[derive(Debug, clap::Args)]
#[command(after_help = AFTER_HELP)]
pub(crate) struct Args {
    #[command(flatten)]
    document: DocumentArgs,
}

pub(crate) fn run(args: &Args, globals: &Globals) -> Result<ExitCode, Failure> {
    with_evaluation(
        &args.document.map,
        globals,
        "listed",
        args.document.eval,
        super::args::EXTENSIONS_LISTED,
        |checked, evaluation| {
            let report = ActorsReport::new(evaluation, &checked.diagnostics);
            let out = match args.document.format {
                TextOrJson::Text => text(|s| report.write_text(s))?,
                TextOrJson::Json => json(&report)?,
            };
            io::write_stdout(out.as_bytes())
        },
    )
}
