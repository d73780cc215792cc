//! `E108 duplicate-id`: a named relation reuses a node or relation id.

use indexmap::IndexMap;

use super::Context;
use crate::diagnostic::{Code, Diagnostic};
use crate::source::Span;

pub(super) fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let mut seen: IndexMap<&str, Span> = IndexMap::new();
    for node in cx.map.nodes.values() {
        for id in node.relations.iter().filter_map(|r| r.id.as_ref()) {
            if let Some(other) = cx.map.nodes.get(&id.value) {
                out.push(
                    Diagnostic::new(
                        Code::DuplicateId,
                        id.span,
                        format!("relation id `{}` is already a node id", id.value),
                    )
                    .with_label("relation id")
                    .with_secondary(other.id.span, "node defined here")
                    .with_help(
                        "nodes and named relations share one namespace; rename the relation",
                    ),
                );
            } else if let Some(&first) = seen.get(id.value.as_str()) {
                out.push(
                    Diagnostic::new(
                        Code::DuplicateId,
                        id.span,
                        format!("duplicate relation id `{}`", id.value),
                    )
                    .with_label("repeated here")
                    .with_secondary(first, "first defined here")
                    .with_help("give each named relation its own id"),
                );
            } else {
                seen.insert(&id.value, id.span);
            }
        }
    }
}
