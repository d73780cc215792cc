//! argmap: argument maps as checked, typed graphs.
//!
//! A map is a YAML file of claims, arguments and questions, the relations
//! between them (supports, attacks, undercuts, contradicts, answers), the
//! actors who hold them and the documents that back them. This crate loads
//! a map with the span of every key and value, checks it (references, type
//! rules for relations, circular support, quotes against their sources'
//! files in [`quote`], actors' commitments in [`actors`], lints), evaluates it under Dung's
//! semantics with bipolar readings of support ([`semantics`]), and draws it
//! as DOT for Graphviz. The `argmap` binary is a thin shell around it.
//!
//! The pipeline runs one way: [`SourceFile`] → [`load()`] → [`Map`] →
//! [`ArgGraph`] → [`check()`] / [`semantics::map::MapFramework`] /
//! [`render`].
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
//! let map = checked.map.unwrap();
//! let dot = argmap::render::dot(&map, &checked.graph, &argmap::RenderOptions::default());
//! assert!(dot.starts_with("digraph"));
//! # fn text_fixed() -> &'static str { "title: A small dispute\nnodes:\n  choice:\n    text: Every state may choose its alliances.\n  expense:\n    text: No state may strengthen its security at the expense of others.\n    contradicts: choice\n" }
//! ```

#![warn(clippy::print_stdout, clippy::print_stderr, clippy::exit)]
#![warn(clippy::unwrap_used, clippy::expect_used)]

pub mod actors;
pub mod check;
pub mod diagnostic;
mod error;
pub mod graph;
pub mod interchange;
pub mod load;
pub mod model;
pub mod quote;
pub mod render;
pub mod schema;
pub mod semantics;
mod source;
pub mod suggestion;

pub use check::{CheckOptions, Checked, check};
pub use diagnostic::{Code, Diagnostic, Label, Severity};
pub use error::{Error, ErrorKind};
pub use graph::ArgGraph;
pub use load::{LoadOptions, Loaded, load};
pub use model::Map;
pub use render::{Format, GroupBy, Layout, RankDir, RenderOptions};
pub use source::{LineCol, SourceFile, Span};
