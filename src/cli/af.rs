//! `argmap af`: an abstract-argumentation solver with the ICCMA 2023
//! command-line interface (`-p TASK -f FILE [-a ARG]`, `--problems`, no
//! arguments: name and version), also reading the older `apx` and `tgf`
//! formats (`-fo apx|tgf`, probo-style output).

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use argmap::interchange::iccma::{self, FrameworkFormat};
use argmap::semantics::task::{TASKS, Task, solve};

use super::{Failure, io};

/// The largest framework file read (4 GiB).
pub(crate) const FRAMEWORK_LIMIT: u64 = 4 << 30;

const AFTER_HELP: &str = "\
Tasks: SE (give an extension), DC (is ARG in some extension?), DS (is ARG in
every extension?) under GR (grounded), CO (complete), PR (preferred), ST
(stable), SST (semi-stable), STG (stage) and ID (ideal): SE-GR DC-GR DS-GR
SE-CO DC-CO DS-CO SE-PR DC-PR DS-PR SE-ST DC-ST DS-ST SE-SST DC-SST DS-SST
SE-STG DC-STG DS-STG SE-ID DC-ID DS-ID.
Output follows ICCMA 2023: SE prints `w 1 4 5` (or NO when there is no
stable extension); DC prints YES and a witness line, or NO; DS prints YES,
or NO and a counterexample line. With -fo apx or tgf, extensions print as
[a,b] and no witness lines are printed. Grounded tasks take linear time;
the others are decided by an embedded SAT solver, with no limit on the
search unless --timeout gives one.

Exit status: 0 answered, 2 usage error, a malformed framework file (the
message names the line) or no answer within --timeout.

Examples:
  argmap af                                   name and version
  argmap af --problems
  argmap af -p SE-GR -f framework.af
  argmap af -p DC-GR -f framework.af -a 7
  argmap af -p DS-GR -f framework.apx -fo apx -a b
  argmap af -p DS-PR -f framework.af -a 3 --timeout 60";

/// Arguments of `argmap af`.
#[derive(Debug, clap::Args)]
#[command(after_help = AFTER_HELP)]
pub(crate) struct Args {
    /// The task, e.g. SE-GR, DC-GR, DS-GR.
    #[arg(short = 'p', value_name = "TASK")]
    task: Option<String>,

    /// The framework file.
    #[arg(short = 'f', value_name = "FILE")]
    file: Option<PathBuf>,

    /// The query argument of DC and DS tasks (a number for .af, a name otherwise).
    #[arg(short = 'a', value_name = "ARG")]
    argument: Option<String>,

    /// Input format (also `-fo`): af (ICCMA 2023), apx or tgf. Default: from
    /// the file's extension, else af.
    #[arg(long = "fo", value_name = "FORMAT", value_enum, ignore_case = true)]
    format: Option<FormatArg>,

    /// Let a `p af N` header declare up to N arguments, however short the
    /// file (default: 8 per byte of the file, at least a million; at most
    /// 100 million).
    #[arg(long, value_name = "N")]
    max_arguments: Option<usize>,

    /// List the supported tasks.
    #[arg(long)]
    problems: bool,

    /// Give up after this many seconds (e.g. 60 or 0.5), with a message on
    /// standard error and exit status 2. The time counts from the start,
    /// but only the SAT search is stopped: reading the file and the
    /// linear-time grounded labelling run to the end. Without it the solver
    /// runs until it has the answer.
    #[arg(long, value_name = "SECONDS", value_parser = super::args::seconds)]
    timeout: Option<std::time::Duration>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum FormatArg {
    /// ICCMA 2023: `p af N`, then attacks `i j`.
    Af,
    /// Aspartix: `arg(a).` and `att(a,b).`
    Apx,
    /// Trivial graph format: arguments, `#`, attacks.
    Tgf,
}

impl FormatArg {
    pub(crate) fn format(self) -> FrameworkFormat {
        match self {
            FormatArg::Af => FrameworkFormat::Af,
            FormatArg::Apx => FrameworkFormat::Apx,
            FormatArg::Tgf => FrameworkFormat::Tgf,
        }
    }
}

/// The format given, else the one the file's extension says, else af.
pub(crate) fn input_format(file: &std::path::Path, given: Option<FormatArg>) -> FrameworkFormat {
    given.map_or_else(
        || {
            argmap::interchange::ImportFormat::of_path(file)
                .framework()
                .unwrap_or(FrameworkFormat::Af)
        },
        FormatArg::format,
    )
}

pub(crate) fn run(args: &Args) -> Result<ExitCode, Failure> {
    // The time limit counts from the start, reading the file included.
    let deadline = super::args::deadline(args.timeout);
    let mut out = BufWriter::new(std::io::stdout().lock());
    if args.problems {
        writeln!(out, "[{}]", TASKS.join(","))?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let (Some(name), Some(file)) = (&args.task, &args.file) else {
        if args.task.is_none() && args.file.is_none() {
            writeln!(out, "argmap {}", env!("CARGO_PKG_VERSION"))?;
            out.flush()?;
            return Ok(ExitCode::SUCCESS);
        }
        return Err(Failure::Message(
            "`argmap af` needs both -p TASK and -f FILE".into(),
        ));
    };
    let Some(task) = Task::parse(name) else {
        return Err(Failure::Message(format!(
            "task `{}` is not supported; supported: {}",
            name.to_ascii_uppercase(),
            TASKS.join(", ")
        )));
    };
    let format = input_format(file, args.format);
    let bytes = io::read_bytes(file, FRAMEWORK_LIMIT)?;
    let limit = args
        .max_arguments
        .unwrap_or_else(|| iccma::argument_limit(bytes.len()));
    let af = iccma::parse_with_limit(&bytes, format, limit).map_err(|e| {
        let hint = e
            .declared
            .map(|n| format!("; `--max-arguments {n}` reads it anyway"))
            .unwrap_or_default();
        Failure::Message(format!("`{}`: {e}{hint}", io::shown_path(file)))
    })?;
    drop(bytes);
    let probo = format != FrameworkFormat::Af;
    let query = if task.needs_query() {
        let Some(name) = &args.argument else {
            return Err(Failure::Message(format!(
                "task {task} needs a query argument: -a ARG"
            )));
        };
        let Some(query) = af.find(name) else {
            return Err(Failure::Message(format!(
                "`{name}` is not an argument of `{}`",
                io::shown_path(file)
            )));
        };
        Some(query)
    } else {
        None
    };
    let answer = solve(&af.framework, task, query, deadline).map_err(|e| {
        Failure::Message(format!(
            "{task}: {e} (--timeout {} s)",
            args.timeout.map_or(0.0, |t| t.as_secs_f64())
        ))
    })?;
    iccma::write_answer(&mut out, &af, &answer, probo)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
