//! `W302 unused-actor` and `W303 unused-source`: entries nothing refers to.
//! One file for both, as they are the same walk over two namespaces.

use super::Context;
use crate::diagnostic::{Code, Diagnostic};

pub(super) fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let map = cx.map;
    let mut actors = vec![false; map.actors.len()];
    let mut sources = vec![false; map.sources.len()];
    for node in map.nodes.values() {
        for r in node.held_by.iter().chain(&node.rejected_by) {
            if let Some(i) = map.actors.get_index_of(&r.value) {
                actors[i] = true;
            }
        }
        let evidence = node
            .evidence
            .iter()
            .chain(node.relations.iter().flat_map(|r| &r.evidence));
        for e in evidence {
            if let Some(i) = map.sources.get_index_of(&e.source.value) {
                sources[i] = true;
            }
        }
    }
    for ((id, actor), used) in map.actors.iter().zip(actors) {
        if !used {
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
    for ((id, source), used) in map.sources.iter().zip(sources) {
        if !used {
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
