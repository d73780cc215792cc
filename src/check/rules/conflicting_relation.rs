//! `E205 conflicting-relation`: a node supports and attacks one target.
//!
//! For each `supports` edge, looks for an `attacks` or `contradicts` edge
//! between the same two nodes (`contradicts` in either direction).

use petgraph::visit::EdgeRef;

use super::Context;
use crate::diagnostic::{Code, Diagnostic};
use crate::graph::EdgeKind;
use crate::model::RelationKind;

pub(super) fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let g = &cx.graph.graph;
    for e in g.edge_references() {
        if e.weight().kind != EdgeKind::Relation(RelationKind::Supports) || e.source() == e.target()
        {
            continue;
        }
        let (from, to) = (e.source(), e.target());
        let attack = g
            .edges_connecting(from, to)
            .find(|o| {
                matches!(
                    o.weight().kind,
                    EdgeKind::Relation(RelationKind::Attacks | RelationKind::Contradicts)
                )
            })
            .or_else(|| {
                // `contradicts` is symmetric: it may be written on the target.
                g.edges_connecting(to, from)
                    .find(|o| o.weight().kind == EdgeKind::Relation(RelationKind::Contradicts))
            });
        let Some(attack) = attack else { continue };
        let verb = match attack.weight().kind {
            EdgeKind::Relation(RelationKind::Attacks) => "attacks",
            _ => "contradicts",
        };
        let (a, b) = (&cx.graph.node(from).id.value, &cx.graph.node(to).id.value);
        out.push(
            Diagnostic::new(
                Code::ConflictingRelation,
                cx.graph.edge_span(*attack.weight()),
                format!("`{a}` both supports and {verb} `{b}`"),
            )
            .with_label(format!("{verb} here"))
            .with_secondary(cx.graph.edge_span(*e.weight()), "supports here")
            .with_help("a node cannot speak for and against the same claim; remove one relation or split the node"),
        );
    }
}
