//! `W302 unused-actor` and `W303 unused-source`: entries nothing refers to.
//! One file for both, as they are the same walk over two namespaces.

use std::collections::HashSet;

use super::Context;
use crate::check::Code;
use crate::diagnostic::Diagnostic;

pub(super) fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let map = cx.map;
    let mut actors = HashSet::new();
    let mut sources = HashSet::new();
    for node in map.nodes.values() {
        actors.extend(
            node.held_by
                .iter()
                .chain(&node.rejected_by)
                .map(|r| r.value.as_str()),
        );
        let evidence = node
            .evidence
            .iter()
            .chain(node.relations.iter().flat_map(|r| &r.evidence));
        sources.extend(evidence.map(|e| e.source.value.as_str()));
    }
    for (id, actor) in &map.actors {
        if !actors.contains(id.as_str()) {
            out.push(
                Diagnostic::new(
                    Code::UnusedActor,
                    actor.id.span,
                    format!("actor `{id}` holds and rejects nothing"),
                )
                .with_label("never used")
                .with_help(format!(
                    "add `{id}` to a node's `held_by` or `rejected_by`, or remove the actor"
                )),
            );
        }
    }
    for (id, source) in &map.sources {
        if !sources.contains(id.as_str()) {
            out.push(
                Diagnostic::new(
                    Code::UnusedSource,
                    source.id.span,
                    format!("source `{id}` is cited by no evidence"),
                )
                .with_label("never cited")
                .with_help(format!(
                    "cite it with `evidence: [{{ source: {id} }}]`, or remove it"
                )),
            );
        }
    }
}
