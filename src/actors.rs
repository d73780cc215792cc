//! Each actor's commitments: what they hold and reject, what their
//! position rests on that others hold, and the sources they cite.
//!
//! A node *rests on* every node from which a chain of support reaches it:
//! `supports`, an argument's premises, its conclusion. What an actor's
//! position rests on but the actor does not hold shows which parts of a
//! shared text (say, one half of a paragraph) each side builds on.

use petgraph::Direction;
use petgraph::graph::NodeIndex;

use crate::graph::ArgGraph;

/// One actor's commitments, as node indices into [`Map::nodes`](crate::model::Map::nodes) in map
/// order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Commitments {
    /// The actor's id.
    pub id: String,
    /// Its display name.
    pub name: String,
    /// Nodes whose `held_by` names the actor.
    pub holds: Vec<usize>,
    /// Nodes whose `rejected_by` names the actor.
    pub rejects: Vec<usize>,
    /// Nodes the held ones rest on that other actors hold (and this one
    /// neither holds nor rejects).
    pub rests_on: Vec<usize>,
    /// Sources cited by the evidence of held nodes, in map order.
    pub cites: Vec<String>,
}

/// The commitments of every actor, in map order.
///
/// # Complexity
/// O(a · (n + m)) for a actors: one backward search over support edges per
/// actor.
pub fn commitments(graph: &ArgGraph) -> Vec<Commitments> {
    let map = graph.map();
    let g = &graph.graph;
    map.actors
        .values()
        .map(|actor| {
            let id = &actor.id.value;
            let names = |list: &[crate::model::Ref]| list.iter().any(|r| r.value == *id);
            let holds: Vec<usize> = (0..map.nodes.len())
                .filter(|&i| names(&map.nodes[i].held_by))
                .collect();
            let rejects: Vec<usize> = (0..map.nodes.len())
                .filter(|&i| names(&map.nodes[i].rejected_by))
                .collect();
            let mut seen = vec![false; map.nodes.len()];
            let mut stack: Vec<usize> = holds.clone();
            for &h in &holds {
                seen[h] = true;
            }
            while let Some(n) = stack.pop() {
                for e in g.edges_directed(NodeIndex::new(n), Direction::Incoming) {
                    use petgraph::visit::EdgeRef;
                    if !e.weight().kind.is_support() {
                        continue;
                    }
                    let from = e.source().index();
                    if !seen[from] {
                        seen[from] = true;
                        stack.push(from);
                    }
                }
            }
            let rests_on = (0..map.nodes.len())
                .filter(|&i| {
                    seen[i]
                        && !holds.contains(&i)
                        && !rejects.contains(&i)
                        && !map.nodes[i].held_by.is_empty()
                })
                .collect();
            let mut cites: Vec<String> = Vec::new();
            for &h in &holds {
                for e in &map.nodes[h].evidence {
                    if !cites.iter().any(|c| *c == e.source.value) {
                        cites.push(e.source.value.to_string());
                    }
                }
            }
            Commitments {
                id: id.to_string(),
                name: actor.name.value.to_string(),
                holds,
                rejects,
                rests_on,
                cites,
            }
        })
        .collect()
}
