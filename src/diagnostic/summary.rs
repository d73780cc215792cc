//! The closing line of a check: how many maps, errors, warnings, findings
//! and notes.

use std::fmt;

use super::{Diagnostic, Severity};

/// Counts of what a check of one or more maps found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Maps read and checked.
    pub maps: usize,
    /// Maps with at least one error.
    pub failed: usize,
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Findings.
    pub findings: usize,
    /// Notes.
    pub notes: usize,
    /// Paths that could not be read.
    pub unreadable: usize,
}

impl Summary {
    /// Counts one checked map's diagnostics.
    pub fn add(&mut self, diagnostics: &[Diagnostic]) {
        self.maps += 1;
        let mut failed = false;
        for d in diagnostics {
            match d.severity {
                Severity::Error => {
                    self.errors += 1;
                    failed = true;
                }
                Severity::Warning => self.warnings += 1,
                Severity::Finding => self.findings += 1,
                Severity::Note => self.notes += 1,
            }
        }
        self.failed += usize::from(failed);
    }
}

impl fmt::Display for Summary {
    /// `checked 2 maps: 3 errors, 1 warning (1 map with errors); 2 findings`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
        write!(f, "checked {}", plural(self.maps, "map"))?;
        if self.errors + self.warnings == 0 {
            f.write_str(": no problems")?;
        } else {
            write!(
                f,
                ": {}, {}",
                plural(self.errors, "error"),
                plural(self.warnings, "warning")
            )?;
            if self.failed > 0 {
                write!(f, " ({} with errors)", plural(self.failed, "map"))?;
            }
        }
        // Findings and notes never fail a check; they are counted apart.
        let extra: Vec<String> = [(self.findings, "finding"), (self.notes, "note")]
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|&(n, what)| plural(n, what))
            .collect();
        if !extra.is_empty() {
            write!(f, "; {}", extra.join(", "))?;
        }
        if self.unreadable > 0 {
            write!(f, "; {} could not be read", plural(self.unreadable, "path"))?;
        }
        Ok(())
    }
}
