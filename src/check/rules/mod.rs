//! One file per rule. Every rule reads the [`Context`] and pushes
//! diagnostics; none depends on another's output.

mod argument_structure;
mod circular_support;
mod conflicting_relation;
mod duplicate_id;
mod duplicate_relation;
mod isolated_node;
mod relation_kind;
mod self_relation;
mod unknown_reference;
mod unsupported_claim;
mod unused_entry;

use crate::diagnostic::Diagnostic;
use crate::graph::ArgGraph;
use crate::model::Map;

/// What every rule sees.
pub(crate) struct Context<'a> {
    pub(crate) map: &'a Map,
    pub(crate) graph: &'a ArgGraph,
}

/// Runs the rules in a fixed order.
pub(crate) fn run_all(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    duplicate_id::run(cx, out);
    unknown_reference::run(cx, out);
    relation_kind::run(cx, out);
    argument_structure::run(cx, out);
    circular_support::run(cx, out);
    conflicting_relation::run(cx, out);
    self_relation::run(cx, out);
    duplicate_relation::run(cx, out);
    isolated_node::run(cx, out);
    unused_entry::run(cx, out);
    unsupported_claim::run(cx, out);
}
