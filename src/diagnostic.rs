//! Problems found in a map, as data.
//!
//! A [`Diagnostic`] has a stable [`Code`], a severity, a message and a
//! primary [`Span`], plus optional secondary labels and a help line. The
//! loader and the checks produce them; [`render`] turns them into text or
//! JSON, [`sarif`] into a SARIF log. Every code, with its name, severity
//! and explanation, is defined here, in the table [`RULES`], so that the
//! modules that report problems depend on this one and never on each
//! other. Nothing here prints.

mod code;
pub mod render;
pub mod sarif;
mod summary;

pub use summary::Summary;

pub use code::{Code, RULES, Rule, checks_markdown};

use crate::source::Span;

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The map is wrong; `argmap check` exits 1.
    Error,
    /// The map is probably not what its author meant; exits 1 only under
    /// `--deny warnings`.
    Warning,
    /// Something about the dispute the map records, such as an actor's
    /// commitments pulling against each other; never fails a check.
    Finding,
    /// Information, such as a quote that could not be checked; never fails
    /// a check.
    Note,
}

impl Severity {
    /// The lowercase name, as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Finding => "finding",
            Severity::Note => "note",
        }
    }
}

/// A secondary location attached to a diagnostic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// What it says about that place.
    pub message: String,
}

/// Whom and what a finding is about: the actor and the nodes involved, in
/// the order the message names them. Set on commitment findings, so that a
/// program (such as the actors document) reads them without parsing the
/// message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subject {
    /// The actor's id.
    pub actor: String,
    /// The ids of the nodes involved.
    pub nodes: Vec<String>,
}

/// One problem in one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The check that found it.
    pub code: Code,
    /// Error or warning.
    pub severity: Severity,
    /// The problem, lowercase, identifiers in backticks.
    pub message: String,
    /// The offending key or value.
    pub span: Span,
    /// A short note under the caret.
    pub label: Option<String>,
    /// Further places involved (the first definition of a duplicate, the
    /// other edges of a cycle).
    pub labels: Vec<Label>,
    /// How to fix it.
    pub help: Option<String>,
    /// A text that fixes the problem when it replaces [`span`](Self::span):
    /// the id a misspelt reference most likely means, the valid form of an
    /// invalid id, the key a misspelt key most likely is. The help says the
    /// same in words; editors offer it as a quick fix.
    pub replacement: Option<String>,
    /// Whom and what it is about, for findings about an actor's
    /// commitments.
    pub subject: Option<Subject>,
}

impl Diagnostic {
    /// A diagnostic with the code's default severity.
    pub fn new(code: Code, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: code.rule().severity,
            message: message.into(),
            span,
            label: None,
            labels: Vec::new(),
            help: None,
            replacement: None,
            subject: None,
        }
    }

    /// Sets the note under the caret.
    #[must_use]
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Adds a secondary location.
    #[must_use]
    pub fn with_secondary(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    /// Sets the help line.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Sets what the diagnostic is about: an actor and nodes (a node named
    /// twice is kept once).
    #[must_use]
    pub fn with_subject(mut self, actor: &str, nodes: &[&str]) -> Self {
        self.subject = Some(Subject {
            actor: actor.to_string(),
            nodes: nodes
                .iter()
                .enumerate()
                .filter(|&(i, n)| !nodes[..i].contains(n))
                .map(|(_, n)| (*n).to_string())
                .collect(),
        });
        self
    }

    /// Sets the text that fixes the problem when it replaces the span.
    #[must_use]
    pub fn with_replacement(mut self, text: impl Into<String>) -> Self {
        self.replacement = Some(text.into());
        self
    }

    /// Sets the help line when there is one.
    #[must_use]
    pub fn with_help_opt(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }
}

/// Sorts diagnostics by position, then code, then message, so output is
/// stable whatever order the checks ran in.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (a.span.start, a.span.end, a.code, &a.message).cmp(&(
            b.span.start,
            b.span.end,
            b.code,
            &b.message,
        ))
    });
}
