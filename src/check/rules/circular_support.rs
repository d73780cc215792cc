//! `E204 circular-support`: cycles of support, one report per cycle.
//!
//! Support edges are `supports`, premise → argument and argument →
//! conclusion. Cycles are found with Kosaraju's algorithm (iterative, so a
//! long chain cannot overflow the stack); in each strongly connected
//! component of two or more nodes the shortest cycle through its first node
//! (in map order) is reported with its whole path. O(V + E).

use std::collections::{HashMap, HashSet, VecDeque};

use petgraph::algo::{kosaraju_scc, toposort};
use petgraph::graph::NodeIndex;
use petgraph::visit::{EdgeFiltered, EdgeRef};

use super::Context;
use crate::diagnostic::{Code, Diagnostic};
use crate::graph::EdgeData;

pub(super) fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let g = &cx.graph.graph;
    let support = EdgeFiltered::from_fn(g, |e| e.weight().kind.is_support());
    // Most maps have no cycle: an iterative topological sort proves that
    // without building every component.
    if toposort(&support, None).is_ok() {
        return;
    }
    for scc in kosaraju_scc(&support) {
        if scc.len() < 2 {
            continue; // a one-node loop is a self-relation
        }
        let inside: HashSet<NodeIndex> = scc.iter().copied().collect();
        let Some(&start) = scc.iter().min() else {
            continue;
        };
        let Some(path) = shortest_cycle(cx, start, &inside) else {
            continue;
        };
        let names: Vec<&str> = path
            .iter()
            .map(|&(n, _)| cx.graph.node(n).id.value.as_str())
            .chain(std::iter::once(cx.graph.node(start).id.value.as_str()))
            .collect();
        let (_, first) = path[0];
        let mut d = Diagnostic::new(
            Code::CircularSupport,
            cx.graph.edge_span(first),
            format!("circular support `{}`", names.join(" -> ")),
        )
        .with_label(format!(
            "`{}` -> `{}` starts the circle",
            names[0], names[1]
        ));
        for (i, &(_, edge)) in path.iter().enumerate().skip(1) {
            d = d.with_secondary(
                cx.graph.edge_span(edge),
                format!("`{}` -> `{}`", names[i], names[i + 1]),
            );
        }
        out.push(d.with_help(
            "support must not lead back to where it started; remove one link of the circle",
        ));
    }
}

/// The shortest support cycle through `start` inside one component, as
/// (node, edge leaving it) pairs.
fn shortest_cycle(
    cx: &Context<'_>,
    start: NodeIndex,
    inside: &HashSet<NodeIndex>,
) -> Option<Vec<(NodeIndex, EdgeData)>> {
    let g = &cx.graph.graph;
    let mut prev: HashMap<NodeIndex, (NodeIndex, EdgeData)> = HashMap::new();
    let mut queue = VecDeque::from([start]);
    // Edges in index order (file order), so the cycle chosen is stable.
    let out_edges = |u: NodeIndex| {
        let mut edges: Vec<_> = g
            .edges(u)
            .filter(|e| e.weight().kind.is_support() && inside.contains(&e.target()))
            .map(|e| (e.id(), e.target(), *e.weight()))
            .collect();
        edges.sort_by_key(|&(id, _, _)| id);
        edges
    };
    while let Some(u) = queue.pop_front() {
        for (_, v, data) in out_edges(u) {
            if v == start {
                let mut path = vec![(u, data)];
                let mut c = u;
                while c != start {
                    let (p, d) = prev[&c];
                    path.push((p, d));
                    c = p;
                }
                path.reverse();
                return Some(path);
            }
            if v != u && !prev.contains_key(&v) {
                prev.insert(v, (u, data));
                queue.push_back(v);
            }
        }
    }
    None
}
