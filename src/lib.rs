//! argmap: argument maps as checked, typed graphs.
//!
//! A map is a YAML file of claims, arguments and questions, the relations
//! between them (supports, attacks, undercuts, contradicts, answers), the
//! actors who hold them and the documents that back them. This crate does
//! all the work of the `argmap` tool, which is a thin shell around it:
//!
//! - [`load()`] reads a [`SourceFile`] into a [`Map`] (the [`model`]), with
//!   the span of every key and value;
//! - [`check()`] loads a map, builds its [`ArgGraph`] (the map and its
//!   petgraph graph, built together) and runs every rule: references, type
//!   rules for relations, circular support, quotes against their sources'
//!   files ([`quote`]), actors' commitments, lints. Problems are
//!   [`Diagnostic`]s with a stable [`Code`]; [`diagnostic::render`] prints
//!   them as rustc-style snippets or JSON;
//! - [`semantics`] reads a map as an abstract argumentation framework (Dung
//!   1995, with bipolar readings of support) and evaluates it:
//!   [`semantics::Evaluation`];
//! - [`render`] draws a map as DOT (Graphviz), SVG, PNG, PDF or Mermaid;
//! - [`report`] writes the documents users read: the evaluation, the actors
//!   and the full report (Markdown or HTML);
//! - [`interchange`] reads and writes other formats: Argdown, AIF, Kialo,
//!   ICCMA frameworks.
//!
//! Data flows one way: [`check()`] takes a [`SourceFile`], loads it
//! ([`load()`] → [`Map`]), builds its [`ArgGraph`] and runs the rules;
//! [`Checked::clean`] gives the graph of a map without errors to
//! [`semantics`], [`render`] and [`report`]. Nothing in the library prints,
//! exits or reads environment variables; it reads files only where it is
//! given a path: [`load::read_source`], and `check`, which reads the source
//! files a map's quotes cite, relative to the map's [`SourceFile::path`].
//! Operational failures are [`Error`]s. docs/architecture.md describes the
//! modules.
//!
//! # Example
//!
//! ```
//! use argmap::{CheckOptions, Severity, SourceFile, check, diagnostic};
//!
//! let text = "\
//! title: A small dispute
//! nodes:
//!   choice:
//!     text: Every state may choose its alliances.
//!   expense:
//!     text: No state may strengthen its security at the expense of others.
//!     contradicts: choise
//! ";
//! let source = SourceFile::new("small.yaml", text);
//! let checked = check(&source, &CheckOptions::default());
//! assert!(checked.has_errors());
//! // `choice` is also reported as isolated (a warning); take the error.
//! let d = checked.diagnostics.iter().find(|d| d.severity == Severity::Error).unwrap();
//! assert_eq!(d.code.as_str(), "E201");
//! assert_eq!(d.message, "unknown node `choise`");
//! assert_eq!(d.help.as_deref(), Some("did you mean `choice`?"));
//! let text = diagnostic::render::human(&source, d, false);
//! assert!(text.contains("--> small.yaml:7:18"));
//!
//! // A clean map renders to DOT.
//! let fixed = SourceFile::new("small.yaml", text_fixed());
//! let checked = check(&fixed, &CheckOptions::default());
//! assert!(checked.diagnostics.is_empty());
//! let graph = checked.clean().unwrap();
//! let dot = argmap::render::dot(graph, &argmap::RenderOptions::default());
//! assert!(dot.starts_with("digraph"));
//!
//! // Evaluated under grounded semantics, the two claims that contradict
//! // each other are both undecided.
//! use argmap::semantics::{Evaluation, Semantics, Status, Support};
//! let evaluation = Evaluation::new(graph, Semantics::Grounded, Support::Deductive, 64).unwrap();
//! assert_eq!(evaluation.status(0), Status::Undecided);
//!
//! // And a report of it, in Markdown.
//! let mut md = String::new();
//! argmap::report::Report::new("small.yaml", &evaluation, &checked.diagnostics)
//!     .write_markdown(&mut md, argmap::report::MarkdownDiagram::Mermaid)
//!     .unwrap();
//! assert!(md.contains("## Claims and arguments"));
//! # fn text_fixed() -> &'static str { "title: A small dispute\nnodes:\n  choice:\n    text: Every state may choose its alliances.\n  expense:\n    text: No state may strengthen its security at the expense of others.\n    contradicts: choice\n" }
//! ```

#![warn(clippy::print_stdout, clippy::print_stderr, clippy::exit)]
#![warn(clippy::unwrap_used, clippy::expect_used)]

pub mod actors;
pub mod check;
pub mod diagnostic;
mod error;
pub mod graph;
pub mod ide;
pub mod interchange;
pub mod load;
pub mod model;
mod parallel;
pub mod quote;
pub mod render;
pub mod report;
pub mod schema;
pub mod semantics;
mod source;
mod suggestion;
pub mod text;

pub use check::{CheckOptions, Checked, check};
pub use diagnostic::{Code, Diagnostic, Label, Severity};
pub use error::{Error, ErrorKind};
pub use graph::ArgGraph;
pub use load::{LoadOptions, Loaded, load};
pub use model::Map;
pub use render::{Format, GroupBy, Layout, Orientation, Page, Paper, RankDir, RenderOptions, Size};
pub use semantics::{Evaluation, Semantics, Support};
pub use source::{LineCol, SourceFile, Span};
