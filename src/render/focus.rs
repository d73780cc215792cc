//! Drawing part of a map: the neighbourhood of one node, for maps too large
//! to read (or to lay out) whole.

use std::collections::VecDeque;

use petgraph::visit::EdgeRef;

use super::StatusColours;
use crate::graph::ArgGraph;
use crate::model::{Map, RelationKind};

/// Which nodes lie within `depth` steps of node `center` (an index in
/// [`Map::nodes`]), following relations, premises and conclusions in either
/// direction. An undercut of a named relation is one step from the
/// undercutting node to both ends of the relation.
///
/// # Complexity
/// O(n + m) time and memory.
pub fn neighbourhood(graph: &ArgGraph, center: usize, depth: usize) -> Vec<bool> {
    let g = &graph.graph;
    let n = g.node_count();
    // Undercuts of relations, as extra undirected links.
    let mut extra: Vec<Vec<usize>> = vec![Vec::new(); n];
    for u in &graph.relation_undercuts {
        if let Some((a, b)) = g.edge_endpoints(u.target) {
            for end in [a.index(), b.index()] {
                extra[u.from.index()].push(end);
                extra[end].push(u.from.index());
            }
        }
    }
    let mut seen = vec![false; n];
    if center >= n {
        return seen;
    }
    seen[center] = true;
    let mut queue = VecDeque::from([(center, 0usize)]);
    while let Some((v, d)) = queue.pop_front() {
        if d == depth {
            continue;
        }
        let index = petgraph::graph::NodeIndex::new(v);
        let near = g
            .edges_directed(index, petgraph::Direction::Outgoing)
            .map(|e| e.target().index())
            .chain(
                g.edges_directed(index, petgraph::Direction::Incoming)
                    .map(|e| e.source().index()),
            )
            .chain(extra[v].iter().copied());
        for w in near {
            if !seen[w] {
                seen[w] = true;
                queue.push_back((w, d + 1));
            }
        }
    }
    seen
}

/// The map cut down to the nodes `keep` marks (by index in [`Map::nodes`]):
/// relations, premises and conclusions whose other end is gone are left
/// out, and so are undercuts of relations that are gone. `status`, of the
/// whole map, is carried over to the nodes and relations that remain.
pub fn restrict(
    map: &Map,
    keep: &[bool],
    status: Option<&StatusColours>,
) -> (Map, Option<StatusColours>) {
    let kept = |id: &str| {
        map.nodes
            .get_index_of(id)
            .is_some_and(|i| keep.get(i).copied().unwrap_or(false))
    };
    // Named relations that survive: both ends kept.
    let mut named = std::collections::HashSet::new();
    for (i, node) in map.nodes.values().enumerate() {
        if !keep.get(i).copied().unwrap_or(false) {
            continue;
        }
        for r in &node.relations {
            if let Some(id) = &r.id
                && kept(&r.target.value)
            {
                named.insert(id.value.as_str());
            }
        }
    }
    let mut out = Map {
        version: map.version,
        title: map.title.clone(),
        summary: map.summary.clone(),
        lang: map.lang.clone(),
        actors: map.actors.clone(),
        sources: map.sources.clone(),
        nodes: crate::model::Table::default(),
    };
    let mut new_status = status.map(|s| StatusColours {
        nodes: Vec::new(),
        relations: Vec::new(),
        caption: s.caption.clone(),
        accepted_means: s.accepted_means,
    });
    for (i, (id, node)) in map.nodes.iter().enumerate() {
        if !keep.get(i).copied().unwrap_or(false) {
            continue;
        }
        let new_index = out.nodes.len();
        let mut copy = node.clone();
        let mut relations = Vec::new();
        for (position, r) in node.relations.iter().enumerate() {
            let stays = kept(&r.target.value)
                || (r.kind == RelationKind::Undercuts && named.contains(r.target.value.as_str()));
            if !stays {
                continue;
            }
            if let (Some(old), Some(new)) = (status, new_status.as_mut())
                && let Some(label) = old.relation(i, position)
            {
                new.relations.push(((new_index, relations.len()), label));
            }
            relations.push(r.clone());
        }
        copy.relations = relations.into_boxed_slice();
        copy.premises = node
            .premises
            .iter()
            .filter(|p| kept(&p.value))
            .cloned()
            .collect();
        if copy.conclusion.as_ref().is_some_and(|c| !kept(&c.value)) {
            copy.conclusion = None;
        }
        if let (Some(old), Some(new)) = (status, new_status.as_mut()) {
            new.nodes.push(old.nodes.get(i).copied().flatten());
        }
        out.nodes.insert(id.clone(), copy);
    }
    (out, new_status)
}

/// Why [`focus`] could not draw part of a map: it has no node of that id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoSuchNode {
    /// The id asked for.
    pub id: String,
    /// The closest id the map has, when one is close.
    pub closest: Option<String>,
}

impl std::fmt::Display for NoSuchNode {
    /// "no node `x`; did you mean `y`?"
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "no node `{}`", self.id)?;
        if let Some(c) = &self.closest {
            write!(f, "; did you mean `{c}`?")?;
        }
        Ok(())
    }
}

impl std::error::Error for NoSuchNode {}

/// The part of a map within `depth` steps of the node `id` (see
/// [`neighbourhood`] and [`restrict`]), titled with what it shows: "(around
/// `id`, 2 steps: 14 of 812 nodes)" on a line after the map's title.
///
/// # Errors
/// [`NoSuchNode`] when the map has no node `id`.
pub fn focus(
    graph: &ArgGraph,
    id: &str,
    depth: usize,
    status: Option<&StatusColours>,
) -> Result<(ArgGraph, Option<StatusColours>), NoSuchNode> {
    let whole = graph.map();
    let Some(center) = whole.nodes.get_index_of(id) else {
        return Err(NoSuchNode {
            id: id.to_string(),
            closest: crate::suggestion::closest(
                id,
                whole.nodes.keys().map(compact_str::CompactString::as_str),
            )
            .map(str::to_string),
        });
    };
    let keep = neighbourhood(graph, center, depth);
    let (mut part, status) = restrict(whole, &keep, status);
    let title = whole.title.as_ref().map_or("", |t| t.value.as_str());
    let steps = if depth == 1 { "step" } else { "steps" };
    if let Some(t) = part.title.as_mut() {
        t.value = format!(
            "{title}\n(around `{id}`, {depth} {steps}: {} of {} nodes)",
            part.nodes.len(),
            whole.nodes.len()
        )
        .into();
    }
    Ok((ArgGraph::build(part), status))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(text: &str) -> (Map, ArgGraph) {
        let loaded = crate::load(&crate::SourceFile::new("t.yaml", text));
        let map = loaded.map.unwrap();
        let graph = ArgGraph::build(map.clone());
        (map, graph)
    }

    #[test]
    fn neighbourhood_follows_edges_both_ways_and_undercuts_of_relations() {
        let (m, g) = map(
            "title: t\nnodes:\n  a: A\n  b: { text: B, supports: a }\n  c: { text: C, supports: { to: b, id: cb } }\n  d: { text: D, undercuts: cb }\n  e: { text: E, attacks: d }\n",
        );
        let keep = |c: &str, d: usize| -> Vec<&str> {
            let set = neighbourhood(&g, m.nodes.get_index_of(c).unwrap(), d);
            m.nodes
                .keys()
                .zip(set)
                .filter(|(_, k)| *k)
                .map(|(id, _)| id.as_str())
                .collect()
        };
        assert_eq!(keep("a", 0), ["a"]);
        assert_eq!(keep("a", 1), ["a", "b"]);
        assert_eq!(keep("a", 2), ["a", "b", "c", "d"]);
        assert_eq!(keep("e", 1), ["d", "e"]);
        assert_eq!(keep("e", 2), ["b", "c", "d", "e"]);
    }

    #[test]
    fn restrict_drops_dangling_relations_and_keeps_status_aligned() {
        let (m, g) = map(
            "title: t\nnodes:\n  a: A\n  b: { text: B, supports: [a, c], attacks: { to: c, id: bc } }\n  c: C\n  d: { text: D, undercuts: bc }\n",
        );
        let status = StatusColours {
            nodes: vec![Some(crate::semantics::Label::In); 4],
            relations: vec![((1, 2), crate::semantics::Label::Out)],
            caption: "x".into(),
            accepted_means: crate::semantics::ACCEPTED_MEANS,
        };
        let keep = [false, true, true, true];
        let (small, st) = restrict(&m, &keep, Some(&status));
        assert_eq!(small.nodes.keys().collect::<Vec<_>>(), ["b", "c", "d"]);
        let b = &small.nodes["b"];
        let targets: Vec<&str> = b
            .relations
            .iter()
            .map(|r| r.target.value.as_str())
            .collect();
        assert_eq!(targets, ["c", "c"]);
        let st = st.unwrap();
        assert_eq!(st.nodes.len(), 3);
        assert_eq!(st.relations, [((0, 1), crate::semantics::Label::Out)]);
        let _ = ArgGraph::build(small);
        let (without_c, _) = restrict(&m, &[true, true, false, true], None);
        assert!(
            without_c.nodes["d"].relations.is_empty(),
            "the undercut relation is gone"
        );
        let _ = g;
    }
}
