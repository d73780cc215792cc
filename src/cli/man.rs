//! `argmap man [COMMAND]`: the manual page of argmap or of one command.

use std::process::ExitCode;

use clap::CommandFactory;

use super::{Cli, Failure, io};

/// Arguments of `argmap man`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// A command whose page to print (`argmap man render` is
    /// argmap-render(1)); without it, argmap(1).
    command: Option<String>,
}

pub(crate) fn run(args: &Args) -> Result<ExitCode, Failure> {
    let mut cli = Cli::command();
    // Built, so that commands carry their display names (`argmap-check`).
    cli.build();
    let page = match args.command.as_deref() {
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
    io::write_stdout(&out)
}
