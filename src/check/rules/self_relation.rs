//! `E206 self-relation`: a node that relates to itself.

use super::Context;
use crate::diagnostic::{Code, Diagnostic};

pub(super) fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for node in cx.map.nodes.values() {
        let id = &node.id.value;
        let own = node
            .relations
            .iter()
            .filter(|r| r.target.value == *id)
            .map(|r| (r.span, r.kind.as_str()))
            .chain(
                node.premises
                    .iter()
                    .filter(|p| p.value == *id)
                    .map(|p| (p.span, "has as premise")),
            )
            .chain(
                node.conclusion
                    .iter()
                    .filter(|c| c.value == *id)
                    .map(|c| (c.span, "has as conclusion")),
            );
        for (span, verb) in own {
            out.push(
                Diagnostic::new(Code::SelfRelation, span, format!("`{id}` {verb} itself"))
                    .with_label("points back to its own node")
                    .with_secondary(node.id.span, "the node")
                    .with_help("a relation joins two different nodes; check the target id"),
            );
        }
    }
}
