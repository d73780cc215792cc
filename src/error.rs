//! Operational failures: reading and writing files, running Graphviz.
//!
//! Problems *in a map* are not errors but [`crate::Diagnostic`]s.

use std::fmt;
use std::path::{Path, PathBuf};

/// What went wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Occurs when an input file or folder cannot be read.
    Read,
    /// Occurs when an output file cannot be written or moved into place.
    Write,
    /// Occurs when the Graphviz `dot` program is not installed (or not on
    /// `PATH`) and the requested format needs it.
    GraphvizMissing,
    /// Occurs when `dot` runs but fails or is killed.
    GraphvizFailed,
    /// Occurs when the built-in layout cannot draw the map.
    Layout,
    /// Occurs when a drawing fitted to a page or a size would make its
    /// text smaller than the minimum font size.
    DoesNotFit,
}

impl ErrorKind {
    /// A short lowercase description.
    pub fn description(self) -> &'static str {
        match self {
            ErrorKind::Read => "cannot read",
            ErrorKind::Write => "cannot write",
            ErrorKind::GraphvizMissing => "Graphviz not found",
            ErrorKind::GraphvizFailed => "Graphviz failed",
            ErrorKind::Layout => "layout failed",
            ErrorKind::DoesNotFit => "does not fit",
        }
    }
}

/// An operational failure, with the path involved and the underlying cause.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    path: Option<PathBuf>,
    detail: Option<String>,
    source: Option<std::io::Error>,
}

impl Error {
    /// A failure with a message of its own.
    pub fn new(kind: ErrorKind, detail: impl Into<String>) -> Self {
        Error {
            kind,
            path: None,
            detail: Some(detail.into()),
            source: None,
        }
    }

    /// A failure caused by an I/O error on `path`.
    pub fn io(kind: ErrorKind, path: &Path, source: std::io::Error) -> Self {
        Error {
            kind,
            path: Some(path.to_path_buf()),
            detail: None,
            source: Some(source),
        }
    }

    /// What went wrong.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The file involved, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.kind.description())?;
        if let Some(path) = &self.path {
            write!(f, " `{}`", path.display())?;
        }
        if let Some(detail) = &self.detail {
            write!(f, ": {detail}")?;
        }
        if let Some(source) = &self.source {
            write!(f, ": {source}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source.as_ref().map(|e| e as _)
    }
}
