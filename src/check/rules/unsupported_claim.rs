//! `W305 unsupported-claim` (off by default): a claim with neither evidence
//! nor support.

use petgraph::Direction;

use super::Context;
use crate::diagnostic::{Code, Diagnostic};
use crate::graph::EdgeKind;
use crate::model::{NodeKind, RelationKind};

pub(super) fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let g = &cx.graph.graph;
    for n in g.node_indices() {
        let node = cx.graph.node(n);
        if node.kind != NodeKind::Claim || !node.evidence.is_empty() {
            continue;
        }
        let supported = g.edges_directed(n, Direction::Incoming).any(|e| {
            matches!(
                e.weight().kind,
                EdgeKind::Relation(RelationKind::Supports) | EdgeKind::Conclusion
            )
        });
        if !supported {
            out.push(
                Diagnostic::new(
                    Code::UnsupportedClaim,
                    node.id.span,
                    format!("claim `{}` has neither evidence nor support", node.id.value),
                )
                .with_label("unsupported")
                .with_help("cite a source under `evidence:` or add a claim that `supports` it"),
            );
        }
    }
}
