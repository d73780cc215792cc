//! `W301 isolated-node`: a node no relation touches.

use petgraph::Direction;

use super::Context;
use crate::diagnostic::{Code, Diagnostic};

pub(super) fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let g = &cx.graph.graph;
    if g.node_count() < 2 {
        return; // a one-node map has nothing to connect to
    }
    let mut touched = vec![false; g.node_count()];
    for u in &cx.graph.relation_undercuts {
        touched[u.from.index()] = true;
    }
    for n in g.node_indices() {
        let linked = g
            .neighbors_directed(n, Direction::Outgoing)
            .next()
            .is_some()
            || g.neighbors_directed(n, Direction::Incoming)
                .next()
                .is_some();
        let node = cx.graph.node(n);
        // Relations that do not resolve are reported as unknown references;
        // the node is not isolated on top of that.
        let written =
            !node.relations.is_empty() || !node.premises.is_empty() || node.conclusion.is_some();
        if linked || written || touched[n.index()] {
            continue;
        }
        out.push(
            Diagnostic::new(
                Code::IsolatedNode,
                node.id.span,
                format!(
                    "{} `{}` is connected to nothing",
                    node.kind.as_str(),
                    node.id.value
                ),
            )
            .with_label("no relation touches this node")
            .with_help("relate it to the map (`supports`, `attacks`, …) or remove it"),
        );
    }
}
