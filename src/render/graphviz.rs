//! Running Graphviz's `dot` as a subprocess (no shell): DOT on stdin, the
//! drawing on stdout.

use std::ffi::OsString;
use std::io::{Read, Write};
use std::process::{Command, Stdio};

use super::Format;
use crate::error::{Error, ErrorKind};

/// Which `dot` program to run.
#[derive(Clone, Debug)]
pub struct DotProgram {
    /// A program name looked up on `PATH`, or a path.
    pub program: OsString,
}

impl Default for DotProgram {
    fn default() -> Self {
        DotProgram {
            program: "dot".into(),
        }
    }
}

/// Lays out DOT text with Graphviz and returns the drawing's bytes.
///
/// # Errors
///
/// [`ErrorKind::GraphvizMissing`] when the program cannot be started because
/// it does not exist; [`ErrorKind::GraphvizFailed`] when it exits with an
/// error (its stderr is in the message) or cannot be talked to.
pub fn run_dot(dot: &str, format: Format, program: &DotProgram) -> Result<Vec<u8>, Error> {
    let mut child = Command::new(&program.program)
        .arg(format!("-T{}", format.extension()))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                Error::new(
                    ErrorKind::GraphvizMissing,
                    format!("no program `{}`", program.program.to_string_lossy()),
                )
            } else {
                Error::new(
                    ErrorKind::GraphvizFailed,
                    format!("cannot start `{}`: {e}", program.program.to_string_lossy()),
                )
            }
        })?;
    // Write stdin from a thread: dot may fill its stdout pipe before it has
    // read all of a large input, and the two would wait for each other.
    let mut stdin = child.stdin.take();
    let input = dot.to_owned();
    let writer = std::thread::spawn(move || stdin.as_mut().map(|s| s.write_all(input.as_bytes())));
    let mut stdout = Vec::new();
    let mut stderr = String::new();
    if let Some(mut out) = child.stdout.take() {
        out.read_to_end(&mut stdout).map_err(|e| {
            Error::new(
                ErrorKind::GraphvizFailed,
                format!("reading its output: {e}"),
            )
        })?;
    }
    if let Some(mut err) = child.stderr.take() {
        let _ = err.read_to_string(&mut stderr);
    }
    let status = child
        .wait()
        .map_err(|e| Error::new(ErrorKind::GraphvizFailed, format!("waiting for it: {e}")))?;
    let wrote = writer.join();
    if !status.success() {
        let why = stderr.trim();
        let why = if why.is_empty() {
            format!(
                "`{}` exited with {status}",
                program.program.to_string_lossy()
            )
        } else {
            why.to_string()
        };
        return Err(Error::new(ErrorKind::GraphvizFailed, why));
    }
    if !matches!(wrote, Ok(Some(Ok(())) | None)) {
        return Err(Error::new(
            ErrorKind::GraphvizFailed,
            format!(
                "`{}` did not read all of its input",
                program.program.to_string_lossy()
            ),
        ));
    }
    // Success with nothing to show is a failure: never replace a drawing
    // with an empty file.
    if stdout.is_empty() {
        return Err(Error::new(
            ErrorKind::GraphvizFailed,
            format!("`{}` produced no output", program.program.to_string_lossy()),
        ));
    }
    Ok(stdout)
}

/// An SVG drawing, and why it was drawn by the built-in layout if it was.
#[derive(Debug)]
pub struct Svg {
    /// The SVG document.
    pub text: String,
    /// Set when Graphviz could not be found and the simpler built-in
    /// layout drew the map instead (no clusters, legend or shapes): the
    /// caller should say so.
    pub fallback: Option<Error>,
}

/// Draws a map as SVG with Graphviz, or with the built-in layout when
/// Graphviz is not installed.
///
/// # Errors
/// [`ErrorKind::GraphvizFailed`] when `dot` runs and fails;
/// [`ErrorKind::Layout`] when the built-in layout fails.
pub fn svg(
    graph: &crate::ArgGraph,
    options: &super::RenderOptions,
    program: &DotProgram,
) -> Result<Svg, Error> {
    let dot = super::dot(graph, options);
    match run_dot(&dot, Format::Svg, program) {
        Ok(bytes) => Ok(Svg {
            text: String::from_utf8_lossy(&bytes).into_owned(),
            fallback: None,
        }),
        Err(e) if e.kind() == ErrorKind::GraphvizMissing => Ok(Svg {
            text: super::fallback_svg(graph, options)?,
            fallback: Some(e),
        }),
        Err(e) => Err(e),
    }
}
