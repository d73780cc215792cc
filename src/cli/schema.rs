//! `argmap schema`: the JSON Schema of the map format, for editors.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{Failure, io};

const AFTER_HELP: &str = "\
The schema describes the map format of docs/format.md, shorthands
included, with a description of every key: an editor with a YAML language
server completes keys, shows the descriptions and marks what the schema
rejects while you type. It sees what a schema can (unknown keys, types,
ids, required fields, argument structure); `argmap check` sees the rest
(references, relation kinds, cycles, quotes). See docs/editors.md.

The committed copies are docs/argmap.schema.json (2020-12) and
docs/argmap.draft-07.schema.json (07). A map names its schema in its first
line:
  # yaml-language-server: $schema=../docs/argmap.draft-07.schema.json

Examples:
  argmap schema -o argmap.schema.json
  argmap schema --draft 07";

/// Arguments of `argmap schema`.
#[derive(Debug, clap::Args)]
#[command(after_help = AFTER_HELP)]
pub(crate) struct Args {
    /// The JSON Schema dialect: 2020-12, or 07 for editors whose YAML
    /// language server validates with draft-07 (VS Code's YAML
    /// extension).
    #[arg(long, value_enum, default_value_t = DraftArg::V2020_12)]
    draft: DraftArg,

    /// Where to write; `-` or nothing for stdout.
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum DraftArg {
    /// JSON Schema 2020-12.
    #[value(name = "2020-12")]
    V2020_12,
    /// JSON Schema draft-07.
    #[value(name = "07")]
    V07,
}

pub(crate) fn run(args: &Args) -> Result<ExitCode, Failure> {
    let text = argmap::schema::json_schema(match args.draft {
        DraftArg::V2020_12 => argmap::schema::Draft::Draft2020_12,
        DraftArg::V07 => argmap::schema::Draft::Draft07,
    });
    match &args.output {
        Some(path) => io::write_output(path, text.as_bytes()),
        None => io::write_stdout(text.as_bytes()),
    }
}
