//! The `argmap` command-line tool: a thin shell around the `argmap`
//! library. See `argmap --help`.

mod cli;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
