//! `argmap explain`: the documentation of a check code.

use std::io::Write;
use std::process::ExitCode;

use argmap::Code;
use argmap::diagnostic::{RULES, checks_markdown};

use super::Failure;

/// Arguments of `argmap explain`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  argmap explain              list every code\n  argmap explain E201         one code\n  argmap explain circular-support"
)]
pub(crate) struct Args {
    /// A code (`E201`) or name (`unknown-reference`); omit to list all.
    code: Option<String>,

    /// Print the whole checks reference as Markdown (the text of docs/checks.md).
    #[arg(long, conflicts_with = "code")]
    markdown: bool,
}

pub(crate) fn run(args: &Args) -> Result<ExitCode, Failure> {
    let mut out = anstream::stdout().lock();
    if args.markdown {
        write!(out, "{}", checks_markdown())?;
        return Ok(ExitCode::SUCCESS);
    }
    match &args.code {
        None => {
            for r in RULES {
                let off = if r.enabled_by_default {
                    ""
                } else {
                    " (off by default)"
                };
                writeln!(
                    out,
                    "{}  {:<7}  {:<21} {}{off}",
                    r.id,
                    r.severity.as_str(),
                    r.name,
                    r.summary
                )?;
            }
        }
        Some(code) => {
            let Some(code) = Code::parse(code) else {
                return Err(Failure::Message(format!(
                    "unknown check `{code}`; run `argmap explain` for the list"
                )));
            };
            let r = code.rule();
            let off = if r.enabled_by_default {
                ""
            } else {
                ", off by default"
            };
            writeln!(
                out,
                "{} {} ({}{off})\n\n{}",
                r.id,
                r.name,
                r.severity.as_str(),
                r.explanation
            )?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
