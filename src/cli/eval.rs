//! `argmap eval`: which claims of a map stand under a semantics, and why.

use std::path::Path;
use std::process::ExitCode;

use argmap::Checked;
use argmap::report::EvaluationReport;
use argmap::semantics::Evaluation;

use super::args::{DocumentArgs, EvalArgs, TextOrJson};
use super::{Failure, Globals, io};

const AFTER_HELP: &str = "\
The map becomes an abstract argumentation framework: every claim and
argument is an argument; attacks, undercuts and contradicts (both ways) are
attacks; a named relation that is undercut becomes a meta-argument. An
argument needs all its premises and entails its conclusion, in every
reading: an attack on a premise or on the conclusion defeats the argument,
an undercut defeats the argument alone, and no attack on an argument
reaches its premises. A plain `supports` is read as --support says. See
docs/semantics.md.

Statuses: accepted (defended against every attack under the semantics, or
under stage semantics only unattacked by what is accepted; not \"true\"),
rejected (attacked by something accepted), undecided (the map does
not settle it); JSON says in, out, undecided. Each node gets a sentence
saying why, and each question a bottom line. Grounded and ideal give one
labelling; complete, preferred, stable, semi-stable and stage list each
extension, then which nodes are accepted in every extension (sceptically)
and in some (credulously).

Exit status: 0 evaluated (also when --max-extensions cut the list short,
with a warning), 1 the map has errors, 2 a usage or I/O failure, or no
answer within --timeout.

Examples:
  argmap eval maps/istanbul.yaml
  argmap eval maps/istanbul.yaml --semantics preferred
  argmap eval maps/istanbul.yaml --support deductive --format json | jq '.extensions[0].in'";

/// Arguments of `argmap eval`.
#[derive(Debug, clap::Args)]
#[command(after_help = AFTER_HELP)]
pub(crate) struct Args {
    #[command(flatten)]
    document: DocumentArgs,

    /// Stop listing extensions after this many (every semantics but grounded
    /// and ideal, which have one).
    #[arg(long, value_name = "N", default_value_t = super::args::EXTENSIONS_LISTED as u32, value_parser = clap::value_parser!(u32).range(1..))]
    max_extensions: u32,
}

/// Reads, checks and evaluates a map, then hands both to `then`; a map
/// with errors is not evaluated (exit 1, `what` says what was not done).
pub(crate) fn with_evaluation(
    path: &Path,
    globals: &Globals,
    what: &str,
    eval: EvalArgs,
    limit: usize,
    then: impl FnOnce(&Checked, &Evaluation<'_>) -> Result<ExitCode, Failure>,
) -> Result<ExitCode, Failure> {
    let checked = match io::checked_map(path, &globals.check_options(), what)? {
        Ok(checked) => checked,
        Err(code) => return Ok(code),
    };
    let Some(graph) = checked.clean() else {
        return Ok(ExitCode::from(1));
    };
    let semantics = eval.semantics.semantics();
    let evaluation =
        Evaluation::until(graph, semantics, eval.support.support(), limit, eval.deadline())
            .map_err(|e| {
                Failure::Message(format!(
                    "the {} extensions of `{}`: {e} (--timeout {}); try a longer --timeout or --semantics grounded",
                    semantics.as_str(),
                    io::shown_path(path),
                    eval.timeout.map_or_else(String::new, |t| format!("{} s", t.as_secs_f64())),
                ))
            })?;
    let done = then(&checked, &evaluation);
    // Each command that evaluates ends here, and the process with it:
    // the map and the framework are not freed one allocation at a time.
    std::mem::forget(evaluation);
    std::mem::forget(checked);
    done
}

pub(crate) fn run(args: &Args, globals: &Globals) -> Result<ExitCode, Failure> {
    let limit = usize::try_from(args.max_extensions).unwrap_or(usize::MAX);
    with_evaluation(
        &args.document.map,
        globals,
        "evaluated",
        args.document.eval,
        limit,
        |_, evaluation| {
            if evaluation.extensions().truncated {
                io::warning(&format!(
                    "stopped after {limit} {} extension{} (--max-extensions); there are more, so acceptance is not shown",
                    evaluation.semantics().as_str(),
                    if limit == 1 { "" } else { "s" }
                ));
            }
            let report = EvaluationReport::new(&io::shown_path(&args.document.map), evaluation);
            let out = match args.document.format {
                TextOrJson::Text => text(|s| report.write_text(s))?,
                TextOrJson::Json => json(&report)?,
            };
            io::write_stdout(out.as_bytes())
        },
    )
}

/// Pretty JSON with a final line break.
pub(crate) fn json(value: &impl serde::Serialize) -> Result<String, Failure> {
    let mut s = serde_json::to_string_pretty(value)
        .map_err(|e| Failure::Message(format!("cannot write JSON: {e}")))?;
    s.push('\n');
    Ok(s)
}

/// Text written into a `String` by a document writer.
pub(crate) fn text(write: impl FnOnce(&mut String) -> std::fmt::Result) -> Result<String, Failure> {
    let mut s = String::new();
    write(&mut s).map_err(|_| Failure::Message("cannot format the output".into()))?;
    Ok(s)
}
