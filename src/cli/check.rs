//! `argmap check`: collect map files, check each, print diagnostics.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use argmap::diagnostic::{Summary, render};
use argmap::{CheckOptions, Code, Severity};

use super::{Failure, Globals, io};

const AFTER_HELP: &str = "\
Quotes are checked against each source's local `file:` (relative to the
map, inside its folder unless --allow-outside-sources). Findings (F5xx:
an actor's commitments pulling against each other) and notes never fail
the check.

Exit status: 0 when no map has errors, 1 when one has (or has warnings under
--deny warnings), 2 when a path cannot be read or the arguments are wrong.

Examples:
  argmap check                              every *.yaml/*.yml under maps/
  argmap check maps/istanbul.yaml other/    files and folders
  argmap check --format json | jq .code     machine-readable
  argmap check --format sarif > argmap.sarif   for code scanning (docs/ci.md)
  argmap check --warn unsupported-claim     turn on an optional lint
  argmap check --allow W301 --deny warnings";

/// Arguments of `argmap check`.
#[derive(Debug, clap::Args)]
#[command(after_help = AFTER_HELP)]
pub(crate) struct Args {
    /// Map files or folders (folders: every *.yaml and *.yml below, sorted).
    /// `-` reads one map from stdin. Default: maps/
    paths: Vec<PathBuf>,

    /// Output format: `human` (rustc-style snippets), `json` (one object
    /// per line with file, line, column, end, severity, code, name, message,
    /// label, help, labels) or `sarif` (one SARIF 2.1.0 log for every map,
    /// for code scanning; docs/ci.md).
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    format: OutputFormat,

    /// Treat warnings as errors for the exit status.
    #[arg(long, value_name = "WHAT", value_enum)]
    deny: Option<Deny>,

    /// Turn on a check that is off by default (code or name; repeatable).
    #[arg(short = 'W', long = "warn", value_name = "CODE", value_parser = parse_code)]
    warn: Vec<Code>,

    /// Silence a warning, finding or note (code or name; repeatable).
    /// Errors cannot be silenced.
    #[arg(short = 'A', long = "allow", value_name = "CODE", value_parser = parse_code)]
    allow: Vec<Code>,

    /// Make a quote whose source has no `file:` an error (N401).
    #[arg(long)]
    require_verified: bool,

    /// Human output: show at most this many diagnostics of each code per
    /// map, then one line counting the rest; 0 shows every one. JSON output
    /// always lists every diagnostic.
    #[arg(long, value_name = "N", default_value_t = 20)]
    max_diagnostics: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum OutputFormat {
    Human,
    Json,
    Sarif,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Deny {
    /// Exit 1 on warnings too.
    Warnings,
}

fn parse_code(s: &str) -> Result<Code, String> {
    Code::parse(s).ok_or_else(|| format!("unknown check `{s}`; `argmap explain` lists them"))
}

pub(crate) fn run(args: &Args, globals: &Globals) -> Result<ExitCode, Failure> {
    if let Some(code) = args
        .allow
        .iter()
        .find(|c| c.rule().severity == Severity::Error)
    {
        return Err(Failure::Message(format!(
            "`{code}` is an error and cannot be allowed; only warnings can"
        )));
    }
    let options = CheckOptions {
        warn: args.warn.iter().copied().collect::<BTreeSet<_>>(),
        allow: args.allow.iter().copied().collect(),
        require_verified: args.require_verified,
        ..globals.check_options()
    };
    let (files, mut unreadable) = collect(&args.paths)?;
    for message in &unreadable {
        io::error(message);
    }
    let mut out = anstream::stdout().lock();
    let mut summary = Summary::default();
    // SARIF is one document for every map, written at the end.
    let mut sarif: Vec<(argmap::SourceFile, Vec<argmap::Diagnostic>)> = Vec::new();
    for (i, path) in files.iter().enumerate() {
        let read = io::read_map(path).map_err(|e| match e {
            Failure::Message(m) => m,
            Failure::Io(e) => e.to_string(),
        });
        // An unreadable file is reported and the others are still checked.
        let (source, early) = match read {
            Ok(read) => read,
            Err(message) => {
                out.flush()?;
                io::error(&message);
                unreadable.push(message);
                continue;
            }
        };
        let early: Vec<argmap::Diagnostic> = early.into_iter().collect();
        let checked = early.is_empty().then(|| argmap::check(&source, &options));
        let diagnostics = checked.as_ref().map_or(&early, |c| &c.diagnostics);
        summary.add(diagnostics);
        match args.format {
            OutputFormat::Human => {
                // Per code: how many were shown, the rest only counted.
                let mut shown: BTreeMap<Code, usize> = BTreeMap::new();
                for d in diagnostics {
                    let n = shown.entry(d.code).or_default();
                    *n += 1;
                    if args.max_diagnostics == 0 || *n <= args.max_diagnostics {
                        writeln!(out, "{}\n", render::human(&source, d, true))?;
                    }
                }
                for (code, n) in shown {
                    if args.max_diagnostics > 0 && n > args.max_diagnostics {
                        writeln!(
                            out,
                            "{}\n",
                            not_shown(
                                &source,
                                code,
                                n - args.max_diagnostics,
                                args.max_diagnostics
                            )
                        )?;
                    }
                }
            }
            OutputFormat::Json => {
                // Unstyled, so straight to stdout, buffered: one write per
                // 8 KiB rather than per line.
                let mut json = std::io::BufWriter::new(std::io::stdout().lock());
                for d in diagnostics {
                    writeln!(json, "{}", render::json(&source, d))?;
                }
                json.flush()?;
            }
            OutputFormat::Sarif => {
                sarif.push((source, diagnostics.clone()));
                continue;
            }
        }
        if i + 1 == files.len() {
            // The last map is not freed: the process ends now, and freeing a
            // large map's every string takes longer than checking it.
            std::mem::forget(checked);
            std::mem::forget(source);
        }
    }
    summary.unreadable = unreadable.len();
    if args.format == OutputFormat::Sarif {
        let files: Vec<_> = sarif.iter().map(|(s, d)| (s, d.as_slice())).collect();
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(argmap::diagnostic::sarif::log(&files).as_bytes())?;
        stdout.flush()?;
    }
    if args.format == OutputFormat::Human {
        writeln!(out, "{summary}")?;
    }
    out.flush()?;
    let deny = args.deny == Some(Deny::Warnings);
    Ok(if !unreadable.is_empty() {
        ExitCode::from(2)
    } else if summary.errors > 0 || (deny && summary.warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The line standing for the diagnostics of one code that
/// `--max-diagnostics` left out.
fn not_shown(source: &argmap::SourceFile, code: Code, hidden: usize, max: usize) -> String {
    let rule = code.rule();
    let what = match rule.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Finding => "finding",
        Severity::Note => "note",
    };
    let style = anstyle::Style::new().bold();
    format!(
        "{style}note{style:#}: {hidden} more {code} ({}) {what}{} in `{}` not shown (--max-diagnostics {max}); \
         `--max-diagnostics 0` shows every one, `--format json` lists them all",
        rule.name,
        if hidden == 1 { "" } else { "s" },
        source.path().display()
    )
}

/// The files to check, folders expanded (sorted, hidden entries skipped,
/// each file once), and the paths that could not be read.
fn collect(paths: &[PathBuf]) -> Result<(Vec<PathBuf>, Vec<String>), Failure> {
    let default = [PathBuf::from("maps")];
    let given = paths.is_empty();
    let paths = if given { &default[..] } else { paths };
    let mut files = Vec::new();
    let mut unreadable = Vec::new();
    for path in paths {
        if io::is_stdin(path) {
            files.push(path.clone());
            continue;
        }
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) if given && e.kind() == std::io::ErrorKind::NotFound => {
                return Err(Failure::Message(
                    "there is no `maps/` folder here; pass the maps to check: `argmap check FILE|FOLDER…`".into(),
                ));
            }
            Err(e) => {
                unreadable.push(format!("cannot read `{}`: {e}", path.display()));
                continue;
            }
        };
        if meta.is_dir() {
            let before = files.len();
            let (found, errors) = argmap::load::find_maps(path);
            files.extend(found);
            unreadable.extend(errors.iter().map(ToString::to_string));
            if files.len() == before {
                io::warning(&format!("no *.yaml or *.yml files in `{}`", path.display()));
            }
        } else {
            files.push(path.clone());
        }
    }
    // `argmap check a.yaml .` names a.yaml twice; check it once.
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(std::fs::canonicalize(f).unwrap_or_else(|_| f.clone())));
    Ok((files, unreadable))
}
