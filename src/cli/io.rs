//! Inputs and outputs of every command: reading a file or standard input
//! (`-`), checking a map before a command uses it, writing files
//! atomically, and the `error:` and `warning:` lines on stderr.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use argmap::diagnostic::Summary;
use argmap::diagnostic::render::human;
use argmap::{CheckOptions, Checked, LoadOptions, Severity, SourceFile};

use super::Failure;

/// A path as shown in output: `<stdin>` for `-`.
pub(crate) fn shown_path(path: &Path) -> String {
    if is_stdin(path) {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

/// Whether a path names standard input or output (`-`).
pub(crate) fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Reads a whole file, or standard input for `-`, refusing more than
/// `limit` bytes: checked before reading a file that has a length, and
/// while reading anything (a pipe or a device has none).
pub(crate) fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, Failure> {
    let shown = shown_path(path);
    let too_large = |size: String| {
        Failure::Message(format!(
            "`{shown}` is too large ({size}; the limit is {limit} bytes)"
        ))
    };
    let fail = |e: io::Error| Failure::Message(format!("cannot read `{shown}`: {e}"));
    let reader: Box<dyn Read> = if is_stdin(path) {
        Box::new(io::stdin().lock())
    } else {
        let file = std::fs::File::open(path).map_err(fail)?;
        if let Ok(meta) = file.metadata()
            && meta.is_file()
            && meta.len() > limit
        {
            return Err(too_large(format!("{} bytes", meta.len())));
        }
        Box::new(file)
    };
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(fail)?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > limit {
        return Err(too_large(format!("more than {limit} bytes")));
    }
    Ok(bytes)
}

/// Reads a map file, or standard input for `-` (named `<stdin>`), with a
/// diagnostic when its bytes cannot be a map (not UTF-8, too large).
pub(crate) fn read_map(path: &Path) -> Result<(SourceFile, Option<argmap::Diagnostic>), Failure> {
    let options = LoadOptions::default();
    let read = if is_stdin(path) {
        argmap::load::read_stream(io::stdin().lock(), Path::new("<stdin>"), &options)
    } else {
        argmap::load::read_source(path, &options)
    };
    Ok(read?)
}

/// Reads and checks one map for a command that needs it clean, printing on
/// stderr its errors in full and one line counting its warnings, findings
/// and notes (`argmap check` shows those). `Ok(Err(1))` when it has errors;
/// `what` says what was then not done ("drawn", "evaluated").
pub(crate) fn checked_map(
    path: &Path,
    options: &CheckOptions,
    what: &str,
) -> Result<Result<Checked, ExitCode>, Failure> {
    let (source, early) = read_map(path)?;
    if let Some(d) = early {
        writeln!(anstream::stderr(), "{}\n", human(&source, &d, true))?;
        return Ok(Err(ExitCode::from(1)));
    }
    let checked = argmap::check(&source, options);
    let mut err = anstream::stderr().lock();
    let mut counts = Summary::default();
    counts.add(&checked.diagnostics);
    for d in &checked.diagnostics {
        if d.severity == Severity::Error {
            writeln!(err, "{}\n", human(&source, d, true))?;
        }
    }
    drop(err);
    let shown = shown_path(path);
    if !checked.has_errors() {
        let plural = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
        let told: Vec<String> = [
            (counts.warnings, "warning"),
            (counts.findings, "finding"),
            (counts.notes, "note"),
        ]
        .into_iter()
        .filter(|&(n, _)| n > 0)
        .map(|(n, what)| plural(n, what))
        .collect();
        if !told.is_empty() {
            let told = match told.as_slice() {
                [one] => one.clone(),
                [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
                [] => String::new(),
            };
            let message = format!("`{shown}` has {told}; `argmap check {shown}` shows them");
            if counts.warnings > 0 {
                warning(&message);
            } else {
                note(&message);
            }
        }
    }
    if checked.clean().is_none() {
        error(&format!("`{shown}` has errors; nothing was {what}"));
        return Ok(Err(ExitCode::from(1)));
    }
    Ok(Ok(checked))
}

/// Writes bytes to stdout.
pub(crate) fn write_stdout(bytes: &[u8]) -> Result<ExitCode, Failure> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Writes bytes to `path`, or to stdout when it is `-`; prints a written
/// file's path.
pub(crate) fn write_output(path: &Path, bytes: &[u8]) -> Result<ExitCode, Failure> {
    write_output_with(path, |out| out.write_all(bytes))
}

/// Like [`write_output`], with the bytes written by `write` as it makes
/// them (through a buffer, into the temporary file or stdout).
pub(crate) fn write_output_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<ExitCode, Failure> {
    if is_stdin(path) {
        let mut out = io::BufWriter::new(io::stdout().lock());
        write(&mut out)?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    write_atomically_with(path, write)?;
    writeln!(anstream::stdout(), "{}", path.display())?;
    Ok(ExitCode::SUCCESS)
}

/// `<stem>.<extension>` in the current folder, for a command's default
/// output (`my.map.yaml` → `my.map.svg`: only the last extension goes).
pub(crate) fn beside_here(input: &Path, extension: &str) -> PathBuf {
    let mut name = input
        .file_stem()
        .map_or_else(|| "map".into(), ToOwned::to_owned);
    name.push(".");
    name.push(extension);
    PathBuf::from(name)
}

/// Writes to a temporary file beside `path`, through a buffer, what `write`
/// writes as it makes it, then renames the file over `path`, so a reader
/// never sees half a file and a failure leaves the old one intact.
pub(crate) fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), Failure> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(Failure::Message(format!(
            "cannot write `{}`: the folder `{}` does not exist",
            path.display(),
            dir.display()
        )));
    }
    let fail = |e: io::Error| Failure::Message(format!("cannot write `{}`: {e}", path.display()));
    let tmp = tempfile::Builder::new()
        .prefix(".argmap-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(fail)?;
    let mut buffered = io::BufWriter::with_capacity(1 << 16, tmp);
    write(&mut buffered).map_err(fail)?;
    let tmp = buffered.into_inner().map_err(|e| fail(e.into_error()))?;
    // Temporary files are private (0600); give the output the permissions
    // of the file it replaces, or the usual 0644 for a new one.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode());
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .map_err(fail)?;
    }
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

/// The `dot` program to run: `ARGMAP_DOT`, else `dot`.
pub(crate) fn dot_program() -> argmap::render::DotProgram {
    argmap::render::DotProgram {
        program: std::env::var_os("ARGMAP_DOT").unwrap_or_else(|| "dot".into()),
    }
}

/// Prints `error: …` on stderr, red on a terminal.
pub(crate) fn error(message: &str) {
    let style = anstyle::Style::new()
        .bold()
        .fg_color(Some(anstyle::AnsiColor::Red.into()));
    // Nothing is left to tell the user if stderr itself is gone.
    let _ = writeln!(anstream::stderr(), "{style}error{style:#}: {message}");
}

/// Prints `note: …` on stderr, bold on a terminal.
pub(crate) fn note(message: &str) {
    let style = anstyle::Style::new().bold();
    let _ = writeln!(anstream::stderr(), "{style}note{style:#}: {message}");
}

/// Prints `warning: …` on stderr, yellow on a terminal.
pub(crate) fn warning(message: &str) {
    let style = anstyle::Style::new()
        .bold()
        .fg_color(Some(anstyle::AnsiColor::Yellow.into()));
    let _ = writeln!(anstream::stderr(), "{style}warning{style:#}: {message}");
}
