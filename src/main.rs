//! The `argmap` command-line tool: a thin shell around the `argmap`
//! library. See `argmap --help`.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
