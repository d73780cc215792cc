//! `W304 duplicate-relation`: one relation written twice.
//!
//! Works on each node's own edges (and, for the symmetric `contradicts`,
//! its target's), so it needs no map-wide table. O(E · d) for degree d.

use petgraph::Direction;
use petgraph::visit::EdgeRef;

use super::Context;
use crate::diagnostic::{Code, Diagnostic};
use crate::graph::{EdgeData, EdgeKind};
use crate::model::RelationKind;

pub(super) fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let g = &cx.graph.graph;
    let order = |d: &EdgeData| (d.written_on, d.position);
    for e in g.edge_references() {
        let EdgeKind::Relation(kind) = e.weight().kind else {
            continue;
        };
        let this = *e.weight();
        // An earlier edge with the same kind between the same nodes, or for
        // `contradicts` the same pair the other way round.
        let same = g
            .edges_connecting(e.source(), e.target())
            .map(|o| *o.weight())
            .filter(|o| o.kind == this.kind && order(o) < order(&this));
        let mirrored = (kind == RelationKind::Contradicts)
            .then(|| {
                g.edges_directed(e.target(), Direction::Outgoing)
                    .filter(|o| o.target() == e.source())
                    .map(|o| *o.weight())
                    .filter(|o| o.kind == this.kind && order(o) < order(&this))
            })
            .into_iter()
            .flatten();
        let Some(first) = same.chain(mirrored).min_by_key(order) else {
            continue;
        };
        let (a, b) = (
            &cx.graph.node(e.source()).id.value,
            &cx.graph.node(e.target()).id.value,
        );
        let what = if kind == RelationKind::Contradicts {
            format!("`{a}` and `{b}` are already marked as contradicting")
        } else {
            format!("`{a}` already {} `{b}`", kind.as_str())
        };
        out.push(
            Diagnostic::new(Code::DuplicateRelation, cx.graph.edge_span(this), what)
                .with_label("written again here")
                .with_secondary(cx.graph.edge_span(first), "first written here")
                .with_help("remove the repeated relation"),
        );
    }
}
