//! The map as a typed petgraph graph: one graph node per map node, one edge
//! per resolved relation, premise and conclusion.
//!
//! References that do not resolve are left out here; the
//! `unknown-reference` check reports them.

use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};

use crate::model::{Map, RelationKind};

/// What an edge stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EdgeKind {
    /// A relation written on the source node.
    Relation(RelationKind),
    /// A premise of the target argument.
    Premise,
    /// The conclusion of the source argument.
    Conclusion,
}

impl EdgeKind {
    /// Whether the edge carries support (supports, premise, conclusion).
    pub fn is_support(self) -> bool {
        matches!(
            self,
            EdgeKind::Relation(RelationKind::Supports) | EdgeKind::Premise | EdgeKind::Conclusion
        )
    }
}

/// Where an edge was written in the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EdgeData {
    /// Its kind.
    pub kind: EdgeKind,
    /// Index (in [`Map::nodes`]) of the node it is written on.
    pub written_on: usize,
    /// Index of the relation (in `Node::relations`) or premise (in
    /// `Node::premises`); 0 for a conclusion.
    pub position: usize,
}

/// An `undercuts` aimed at a named relation rather than a node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RelationUndercut {
    /// The undercutting node.
    pub from: NodeIndex,
    /// The undercut edge.
    pub target: EdgeIndex,
    /// The `undercuts` relation's own edge data.
    pub data: EdgeData,
}

/// A map and its graph, built together so that they cannot disagree. Node
/// weights are indices into [`Map::nodes`], so `graph[n]` finds the node
/// with `map.nodes[graph[n]]`; graph node `i` is map node `i`.
#[derive(Debug)]
pub struct ArgGraph {
    /// The map the graph was built from (read with [`ArgGraph::map`]).
    map: Map,
    /// Nodes and edges.
    pub(crate) graph: DiGraph<usize, EdgeData>,
    /// Named relations by id.
    pub(crate) named: crate::model::Table<EdgeIndex>,
    /// Undercuts of named relations.
    pub(crate) relation_undercuts: Vec<RelationUndercut>,
    /// References (relation targets, premises, conclusions) that name
    /// neither a node nor a named relation, in map order.
    pub(crate) unresolved: Vec<EdgeData>,
    /// Relations other than `undercuts` whose target is a relation id.
    pub(crate) misdirected: Vec<EdgeData>,
    /// `undercuts` aimed at the id of another undercut of a relation, which
    /// has no edge of its own to undercut.
    pub(crate) nested_undercuts: Vec<EdgeData>,
}

impl ArgGraph {
    /// Builds the graph of a map, which it keeps. Node `i` of the graph is
    /// node `i` of the map.
    ///
    /// # Complexity
    /// O(n + m) for n nodes and m relations, premises and conclusions.
    pub fn build(map: Map) -> Self {
        let mut graph = DiGraph::with_capacity(map.nodes.len(), map.nodes.len() * 2);
        for i in 0..map.nodes.len() {
            graph.add_node(i);
        }
        // Every reference is looked up first, on every core (random
        // accesses into a table of a million ids are most of the time of
        // building a large map's graph), in the order the loop below takes
        // them.
        let resolved = resolve_references(&map);
        let mut resolved = resolved.iter();
        let mut next_resolved = || {
            resolved
                .next()
                .filter(|&&i| i != UNRESOLVED)
                .map(|&i| NodeIndex::new(i as usize))
        };
        let mut named = crate::model::Table::default();
        let mut pending = Vec::new();
        let mut unresolved = Vec::new();
        for (i, node) in map.nodes.values().enumerate() {
            let from = NodeIndex::new(i);
            for (position, rel) in node.relations.iter().enumerate() {
                let data = EdgeData {
                    kind: EdgeKind::Relation(rel.kind),
                    written_on: i,
                    position,
                };
                if let Some(to) = next_resolved() {
                    let e = graph.add_edge(from, to, data);
                    if let Some(id) = &rel.id {
                        named.entry(id.value.clone()).or_insert(e);
                    }
                } else {
                    pending.push((from, data));
                }
            }
            // Premises and a conclusion on anything but an argument are an
            // `argument-structure` error; they make no edges.
            if node.kind != crate::model::NodeKind::Argument {
                continue;
            }
            for position in 0..node.premises.len() {
                let data = EdgeData {
                    kind: EdgeKind::Premise,
                    written_on: i,
                    position,
                };
                match next_resolved() {
                    Some(p) => {
                        graph.add_edge(p, from, data);
                    }
                    None => unresolved.push(data),
                }
            }
            if node.conclusion.is_some() {
                let data = EdgeData {
                    kind: EdgeKind::Conclusion,
                    written_on: i,
                    position: 0,
                };
                match next_resolved() {
                    Some(c) => {
                        graph.add_edge(from, c, data);
                    }
                    None => unresolved.push(data),
                }
            }
        }
        // Relation ids are known only now. An undercut may target one; any
        // other relation that names one is a kind error, not an unknown id.
        let mut relation_undercuts = Vec::new();
        let mut misdirected = Vec::new();
        let mut nested_undercuts = Vec::new();
        let pending_ids: std::collections::HashSet<&str> = pending
            .iter()
            .filter_map(|(_, d)| {
                map.nodes[d.written_on].relations[d.position]
                    .id
                    .as_ref()
                    .map(|t| t.value.as_str())
            })
            .collect();
        for &(from, data) in &pending {
            let target = &map.nodes[data.written_on].relations[data.position]
                .target
                .value;
            match named.get(target) {
                Some(&target) if data.kind == EdgeKind::Relation(RelationKind::Undercuts) => {
                    relation_undercuts.push(RelationUndercut { from, target, data });
                }
                Some(_) => misdirected.push(data),
                None if pending_ids.contains(target.as_str()) => nested_undercuts.push(data),
                None => unresolved.push(data),
            }
        }
        unresolved.sort_by_key(|d| (d.written_on, d.kind, d.position));
        ArgGraph {
            map,
            graph,
            named,
            relation_undercuts,
            unresolved,
            misdirected,
            nested_undercuts,
        }
    }

    /// The reference an edge of this graph was written as: the relation's
    /// target, the premise or the conclusion.
    pub fn edge_ref(&self, data: EdgeData) -> Option<&crate::model::Ref> {
        let node = &self.map.nodes[data.written_on];
        match data.kind {
            EdgeKind::Relation(_) => Some(&node.relations[data.position].target),
            EdgeKind::Premise => node.premises.get(data.position),
            EdgeKind::Conclusion => node.conclusion.as_deref(),
        }
    }

    /// The span where an edge of this graph was written (see
    /// [`ArgGraph::edge_ref`]).
    pub fn edge_span(&self, data: EdgeData) -> crate::source::Span {
        self.edge_ref(data)
            .map_or(self.map.nodes[data.written_on].id.span, |r| r.span)
    }

    /// The graph itself: node `i` is map node `i`, an edge per resolved
    /// relation, premise and conclusion.
    pub fn petgraph(&self) -> &DiGraph<usize, EdgeData> {
        &self.graph
    }

    /// Named relations by id, in map order.
    pub fn named(&self) -> &crate::model::Table<EdgeIndex> {
        &self.named
    }

    /// Undercuts of named relations.
    pub fn relation_undercuts(&self) -> &[RelationUndercut] {
        &self.relation_undercuts
    }

    /// The map the graph was built from.
    pub fn map(&self) -> &Map {
        &self.map
    }

    /// Gives the map back.
    pub fn into_map(self) -> Map {
        self.map
    }

    /// The map node of a graph node.
    pub fn node(&self, n: NodeIndex) -> &crate::model::Node {
        &self.map.nodes[self.graph[n]]
    }
}

/// A reference that names no node, in [`resolve_references`].
const UNRESOLVED: u32 = u32::MAX;

/// The node index of every reference [`ArgGraph::build`] looks up, in the
/// order it takes them: each relation's target, then, on an argument, its
/// premises and its conclusion; [`UNRESOLVED`] where no node has the id.
/// Made in chunks of nodes on every core.
fn resolve_references(map: &Map) -> Vec<u32> {
    let look_up = |id: &str| {
        map.nodes
            .get_index_of(id)
            .and_then(|i| u32::try_from(i).ok())
            .unwrap_or(UNRESOLVED)
    };
    let mut all = Vec::with_capacity(map.nodes.len() * 2);
    let Ok(()) = crate::parallel::in_order(
        map.nodes.len(),
        8192,
        |range| {
            let mut part = Vec::new();
            for node in map.nodes.as_slice()[range].values() {
                part.extend(node.relations.iter().map(|r| look_up(&r.target.value)));
                if node.kind == crate::model::NodeKind::Argument {
                    part.extend(node.premises.iter().map(|p| look_up(&p.value)));
                    part.extend(node.conclusion.iter().map(|c| look_up(&c.value)));
                }
            }
            part
        },
        |part| {
            all.extend(part);
            Ok::<(), std::convert::Infallible>(())
        },
    );
    all
}
