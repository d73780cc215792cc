//! `argmap completions SHELL`: a shell completion script.

use std::process::ExitCode;

use clap::CommandFactory;

use super::{Cli, Failure, io};

/// Arguments of `argmap completions`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The shell.
    #[arg(value_enum)]
    shell: clap_complete::Shell,
}

pub(crate) fn run(args: &Args) -> Result<ExitCode, Failure> {
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "argmap", &mut out);
    io::write_stdout(&out)
}
