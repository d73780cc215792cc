//! The file formats of the ICCMA competitions, for abstract argumentation
//! frameworks: the 2023 `.af` format (`p af N`, then one attack `i j` per
//! line, arguments numbered from 1, `#` comment lines) and the older `apx`
//! (`arg(a).`, `att(a,b).`; names may be quoted, `"a-1"`; `%` starts a
//! comment) and `tgf` (argument lines, `#`, attack lines) formats.
//!
//! This module holds everything that knows these formats: reading a file
//! into a [`NamedFramework`] ([`parse`], and [`af_names`] for the names an
//! exported `.af` file keeps in its comments), writing a framework back
//! ([`write()`]), and turning a framework into a map ([`to_draft`],
//! [`to_map`]). The frameworks themselves and their semantics are
//! [`crate::semantics`], which knows nothing of files.

use std::fmt;

use crate::semantics::Framework;

mod import;
mod read;
mod write;

pub use import::{to_draft, to_map};
pub use read::{af_names, parse, parse_with_limit};
pub use write::{write, write_answer};

/// Most arguments a framework may declare (memory is about 20 bytes each).
pub const MAX_ARGUMENTS: usize = 100_000_000;

/// Arguments a `p af N` header may declare per byte of its file, by
/// default: a header is 14 bytes, but the arguments it declares cost memory
/// before a single attack is read.
pub const ARGUMENTS_PER_BYTE: usize = 8;

/// Arguments any file may declare by default, however short (about 20 MB).
pub const ARGUMENTS_ALWAYS_ALLOWED: usize = 1_000_000;

/// The default limit on the arguments a framework file of `bytes` bytes
/// may declare: [`ARGUMENTS_PER_BYTE`] per byte, at least
/// [`ARGUMENTS_ALWAYS_ALLOWED`], at most [`MAX_ARGUMENTS`].
pub fn argument_limit(bytes: usize) -> usize {
    bytes
        .saturating_mul(ARGUMENTS_PER_BYTE)
        .clamp(ARGUMENTS_ALWAYS_ALLOWED, MAX_ARGUMENTS)
}

/// Why a framework file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrameworkError {
    /// 1-based line number (0 when the file as a whole is at fault).
    pub line: usize,
    /// What is wrong, lowercase.
    pub message: String,
    /// When a header declares more arguments than the limit: how many it
    /// declares (nothing was allocated for them).
    pub declared: Option<usize>,
}

impl fmt::Display for FrameworkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            f.write_str(&self.message)
        } else {
            write!(f, "line {}: {}", self.line, self.message)
        }
    }
}

impl std::error::Error for FrameworkError {}

/// The input formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameworkFormat {
    /// ICCMA 2023: `p af N`, attacks `i j`.
    Af,
    /// Aspartix: `arg(a).`, `att(a,b).`.
    Apx,
    /// Trivial graph format: arguments, `#`, attacks.
    Tgf,
}

/// A framework with the names of its arguments (for `apx` and `tgf`; the
/// `.af` format names arguments by their numbers).
#[derive(Clone, Debug, Default)]
pub struct NamedFramework {
    /// The framework.
    pub framework: Framework,
    /// Argument names, when the format has them.
    pub names: Option<Vec<String>>,
}

impl NamedFramework {
    /// The index of an argument given as on the command line: a number
    /// from 1 for `.af`, a name otherwise.
    pub fn find(&self, argument: &str) -> Option<usize> {
        match &self.names {
            Some(names) => names.iter().position(|n| n == argument),
            None => argument
                .parse::<usize>()
                .ok()
                .filter(|&i| (1..=self.framework.len()).contains(&i))
                .map(|i| i - 1),
        }
    }

    /// The name of argument `i` as the format writes it.
    pub fn name(&self, i: usize) -> String {
        match &self.names {
            Some(names) => names[i].clone(),
            None => (i + 1).to_string(),
        }
    }
}
