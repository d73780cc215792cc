//! The documents users read, as typed values with writers: the evaluation
//! ([`EvaluationReport`], what `argmap eval` prints), the actors
//! ([`ActorsReport`], `argmap actors`) and the report ([`Report`], Markdown
//! or one self-contained HTML page, `argmap report`).
//!
//! Each is built from a [`crate::semantics::Evaluation`] and writes into any
//! [`std::fmt::Write`]; those with a JSON form implement
//! [`serde::Serialize`]. Nothing here prints or touches files: the caller
//! chooses where the text goes.
//!
//! # Example
//! ```
//! use argmap::report::{MarkdownDiagram, Report};
//! use argmap::semantics::{Evaluation, Semantics, Support};
//!
//! let text = "title: Two claims\nnodes:\n  a:\n    text: A.\n    attacks: b\n  b:\n    text: B.\n";
//! let checked = argmap::check(&argmap::SourceFile::new("m.yaml", text), &Default::default());
//! let graph = checked.clean().expect("the map has no errors");
//! let evaluation = Evaluation::new(graph, Semantics::Grounded, Support::Deductive, 64)?;
//! let mut md = String::new();
//! Report::new("m.yaml", &evaluation, &checked.diagnostics)
//!     .write_markdown(&mut md, MarkdownDiagram::Mermaid)
//!     .unwrap();
//! assert!(md.starts_with("# Two claims\n"));
//! assert!(md.contains("| <a id=\"claim-b\"></a>`b` | claim | B. | (none) | (none) | rejected: "));
//! # Ok::<(), argmap::semantics::TimedOut>(())
//! ```

mod actors;
mod document;
mod evaluation;
mod page;
mod questions;

pub use actors::{ActorReport, ActorsReport, Commitment, Foundation, Tension};
pub use document::{MarkdownDiagram, Report, diagram, diagram_with};
pub use evaluation::EvaluationReport;
pub use page::Page;
pub use questions::{AnswerReport, QuestionReport, questions};

/// `a, b, c`, or `(none)`.
fn list(items: &[String]) -> String {
    if items.is_empty() {
        "(none)".to_string()
    } else {
        items.join(", ")
    }
}
