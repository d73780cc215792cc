//! `argmap af`: an abstract-argumentation solver with the ICCMA 2023
//! command-line interface (`-p TASK -f FILE [-a ARG]`, `--problems`, no
//! arguments: name and version), also reading the older `apx` and `tgf`
//! formats (`-fo apx|tgf`, probo-style output).

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use argmap::semantics::iccma::{self, FrameworkFormat, NamedFramework};
use argmap::semantics::{Label, grounded};

use super::Failure;

/// The tasks this solver answers, as ICCMA names them.
const TASKS: &[&str] = &["SE-GR", "DC-GR", "DS-GR"];

const AFTER_HELP: &str = "\
Tasks: SE-GR (some grounded extension), DC-GR (is ARG credulously
accepted?), DS-GR (is ARG sceptically accepted?). Output follows ICCMA 2023:
SE prints `w 1 4 5`; DC prints YES and the witness line, or NO; DS prints
YES, or NO and a counterexample line. With -fo apx or tgf, extensions print
as [a,b] and no witness lines are printed.

Exit status: 0 answered, 2 usage error or a malformed framework file (the
message names the line).

Examples:
  argmap af                                   name and version
  argmap af --problems
  argmap af -p SE-GR -f framework.af
  argmap af -p DC-GR -f framework.af -a 7
  argmap af -p DS-GR -f framework.apx -fo apx -a b";

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

    /// List the supported tasks.
    #[arg(long)]
    problems: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum FormatArg {
    Af,
    Apx,
    Tgf,
}

pub(crate) fn run(args: &Args) -> Result<ExitCode, Failure> {
    let mut out = BufWriter::new(std::io::stdout().lock());
    if args.problems {
        writeln!(out, "[{}]", TASKS.join(","))?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let (Some(task), Some(file)) = (&args.task, &args.file) else {
        if args.task.is_none() && args.file.is_none() {
            writeln!(out, "argmap {}", env!("CARGO_PKG_VERSION"))?;
            out.flush()?;
            return Ok(ExitCode::SUCCESS);
        }
        return Err(Failure::Message(
            "`argmap af` needs both -p TASK and -f FILE".into(),
        ));
    };
    let task = task.to_ascii_uppercase();
    if !TASKS.contains(&task.as_str()) {
        return Err(Failure::Message(format!(
            "task `{task}` is not supported; supported: {}",
            TASKS.join(", ")
        )));
    }
    let format = match args.format {
        Some(FormatArg::Af) => FrameworkFormat::Af,
        Some(FormatArg::Apx) => FrameworkFormat::Apx,
        Some(FormatArg::Tgf) => FrameworkFormat::Tgf,
        None => match file.extension().and_then(|e| e.to_str()) {
            Some("apx") => FrameworkFormat::Apx,
            Some("tgf") => FrameworkFormat::Tgf,
            _ => FrameworkFormat::Af,
        },
    };
    let bytes = std::fs::read(file)
        .map_err(|e| Failure::Message(format!("cannot read `{}`: {e}", file.display())))?;
    let af = iccma::parse(&bytes, format)
        .map_err(|e| Failure::Message(format!("`{}`: {e}", file.display())))?;
    drop(bytes);
    let labels = grounded(&af.framework);
    let extension: Vec<usize> = (0..labels.len())
        .filter(|&i| labels[i] == Label::In)
        .collect();
    let probo = format != FrameworkFormat::Af;
    if task == "SE-GR" {
        write_extension(&mut out, &af, &extension, probo)?;
    } else {
        let Some(name) = &args.argument else {
            return Err(Failure::Message(format!(
                "task {task} needs a query argument: -a ARG"
            )));
        };
        let Some(query) = af.find(name) else {
            return Err(Failure::Message(format!(
                "`{name}` is not an argument of `{}`",
                file.display()
            )));
        };
        // Grounded: credulous and sceptical acceptance are both membership.
        let accepted = labels[query] == Label::In;
        writeln!(out, "{}", if accepted { "YES" } else { "NO" })?;
        // The certificate: the grounded extension, which contains the query
        // (DC, YES) or does not (DS, NO).
        let certificate = (task == "DC-GR" && accepted) || (task == "DS-GR" && !accepted);
        if certificate && !probo {
            write_extension(&mut out, &af, &extension, false)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn write_extension(
    out: &mut impl Write,
    af: &NamedFramework,
    extension: &[usize],
    probo: bool,
) -> std::io::Result<()> {
    if probo {
        let names: Vec<String> = extension.iter().map(|&i| af.name(i)).collect();
        writeln!(out, "[{}]", names.join(","))
    } else {
        out.write_all(b"w")?;
        for &i in extension {
            write!(out, " {}", i + 1)?;
        }
        out.write_all(b"\n")
    }
}
