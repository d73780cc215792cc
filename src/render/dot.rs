//! Map → DOT through graphviz-rust's AST.
//!
//! graphviz-rust prints identifiers verbatim and escapes nothing, so every
//! string from the map goes through [`quoted`] (for `"…"` strings) or
//! [`html`] (for the legend's HTML label); no map text can break out of its
//! attribute.

use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node as DotNode, NodeId, Stmt, Subgraph,
    Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use indexmap::IndexMap;
use petgraph::visit::EdgeRef;

use super::{GroupBy, RenderOptions, actor_colors, node_lines, status_fill, status_word};
use crate::graph::{ArgGraph, EdgeKind};
use crate::model::{Map, NodeKind, RelationKind};
use crate::semantics::Label;
use crate::text::escape_html;

const FONT: &str = "Helvetica";
const GREEN: &str = "#1b7837";
const RED: &str = "#b2182b";
const PURPLE: &str = "#762a83";
const GREY: &str = "#555555";

/// Renders a checked map as DOT text.
///
/// The map should be free of errors (see [`crate::check()`]); references
/// that do not resolve are simply not drawn.
pub fn dot(graph: &ArgGraph, options: &RenderOptions) -> String {
    let map = graph.map();
    let colors = actor_colors(map);
    let mut stmts = vec![
        attr_stmt("rankdir", options.rankdir.as_str()),
        attr_stmt("newrank", "true"),
        attr_stmt("nodesep", "0.35"),
        attr_stmt("ranksep", "0.55"),
        attr_stmt("fontname", FONT),
        attr_stmt("labelloc", "t"),
        attr_stmt("fontsize", "18"),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("fontname", FONT),
            attr("fontsize", "11"),
            attr("shape", "box"),
            attr("style", "rounded,filled"),
            attr("fillcolor", "white"),
            attr("margin", "0.14,0.07"),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", FONT),
            attr("fontsize", "9"),
        ])),
    ];
    if let Some(title) = &map.title {
        stmts.push(attr_stmt("label", &title.value));
    }
    if options.layout == super::Layout::Sfdp {
        // Straight edges: sfdp's spline routing costs minutes on dense maps.
        stmts.push(attr_stmt("layout", "sfdp"));
        stmts.push(attr_stmt("overlap", "prism"));
        stmts.push(attr_stmt("splines", "false"));
    }

    // Nodes, optionally in clusters.
    let mut clusters: IndexMap<String, (String, Vec<Stmt>)> = IndexMap::new();
    for (i, node) in map.nodes.values().enumerate() {
        let lines = node_lines(map, i, options);
        let label = options.status_of(i);
        let mut attrs = vec![
            attr("id", &format!("node-{}", node.id.value)),
            attr("label", &lines.join("\n")),
            attr("tooltip", &node.text.value),
        ];
        if options.links {
            attrs.push(attr("URL", &format!("#claim-{}", node.id.value)));
            attrs.push(attr("target", "_self"));
        }
        let fills: Vec<&str> = match (&options.status, label) {
            (Some(_), Some(l)) => vec![status_fill(l)],
            (Some(_), None) => Vec::new(),
            (None, _) => node
                .held_by
                .iter()
                .filter_map(|a| colors.get(a.value.as_str()).map(String::as_str))
                .collect(),
        };
        if label == Some(Label::Out) {
            attrs.push(attr("color", GREY));
        }
        let (shape, base_style) = match node.kind {
            NodeKind::Claim => ("box", "rounded,filled"),
            NodeKind::Argument => ("ellipse", "filled"),
            NodeKind::Question => ("hexagon", "filled"),
        };
        if shape != "box" {
            attrs.push(attr("shape", shape));
        }
        match fills.as_slice() {
            [] => {}
            [one] => attrs.push(attr("fillcolor", one)),
            many => {
                // Several holders: stripes (boxes) or wedges (ellipses).
                let style = match node.kind {
                    NodeKind::Claim => "rounded,striped",
                    NodeKind::Argument => "wedged",
                    NodeKind::Question => "filled",
                };
                attrs.push(attr("style", style));
                attrs.push(attr("fillcolor", &many.join(":")));
            }
        }
        if fills.len() < 2 && base_style != "rounded,filled" {
            attrs.push(attr("style", base_style));
        }
        let stmt = Stmt::Node(DotNode::new(NodeId(quoted(&node.id.value), None), attrs));
        let group = match options.group_by {
            GroupBy::None => None,
            GroupBy::Actor => node
                .held_by
                .first()
                .and_then(|a| map.actors.get(&a.value))
                .map(|a| (a.id.value.clone(), a.name.value.clone())),
            GroupBy::Tag => node
                .tags
                .first()
                .map(|t| (t.value.clone(), t.value.clone())),
        };
        match group {
            Some((key, label)) => clusters
                .entry(key)
                .or_insert_with(|| (label, Vec::new()))
                .1
                .push(stmt),
            None => stmts.push(stmt),
        }
        debug_assert_eq!(graph.graph[petgraph::graph::NodeIndex::new(i)], i);
    }
    for (i, (key, (label, members))) in clusters.into_iter().enumerate() {
        let mut inner = vec![
            attr_stmt("label", &label),
            attr_stmt("style", "rounded,dashed"),
            attr_stmt("color", GREY),
            attr_stmt("id", &format!("cluster-{key}")),
        ];
        inner.extend(members);
        stmts.push(Stmt::Subgraph(Subgraph {
            id: Id::Plain(format!("cluster_{i}")),
            stmts: inner,
        }));
    }

    // Edges in map order. A relation that something undercuts is drawn
    // through a small point, which the undercut then targets.
    let g = &graph.graph;
    let mut undercut_points: IndexMap<usize, String> = IndexMap::new();
    for u in &graph.relation_undercuts {
        let n = undercut_points.len();
        undercut_points
            .entry(u.target.index())
            .or_insert_with(|| format!("_inference{n}"));
    }
    let mut edges: Vec<_> = g.edge_references().collect();
    edges.sort_by_key(|e| {
        (
            e.weight().written_on,
            edge_order(e.weight().kind),
            e.weight().position,
        )
    });
    for e in edges {
        let (a, b) = (
            &map.nodes[g[e.source()]].id.value,
            &map.nodes[g[e.target()]].id.value,
        );
        let data = e.weight();
        let mut attrs = edge_style(data.kind);
        if let EdgeKind::Relation(_) = data.kind {
            let rel = &map.nodes[data.written_on].relations[data.position];
            if let Some(label) = &rel.label {
                attrs.push(attr("label", &label.value));
            }
            if !rel.evidence.is_empty() {
                let sources: Vec<&str> = rel
                    .evidence
                    .iter()
                    .map(|ev| ev.source.value.as_str())
                    .collect();
                attrs.push(attr("tooltip", &sources.join(", ")));
            }
        }
        if let Some(point) = undercut_points.get(&e.id().index()) {
            // With status colours, the point shows whether the relation holds.
            let holds = options
                .status
                .as_ref()
                .and_then(|s| s.relation(data.written_on, data.position));
            let (color, width) = match holds {
                Some(l) => (status_fill(l), "0.14"),
                None => (GREEN, "0.07"),
            };
            stmts.push(Stmt::Node(DotNode::new(
                NodeId(quoted(point), None),
                vec![
                    attr("shape", "point"),
                    attr("width", width),
                    attr("color", color),
                    attr("style", "filled"),
                    attr("fillcolor", color),
                    attr("label", ""),
                ],
            )));
            // The first half carries neither arrowhead nor label.
            let mut first = attrs.clone();
            first.retain(
                |Attribute(k, _)| !matches!(k, Id::Plain(k) if k == "arrowhead" || k == "label"),
            );
            first.push(attr("arrowhead", "none"));
            stmts.push(edge(a, point, first));
            stmts.push(edge(point, b, attrs));
        } else {
            stmts.push(edge(a, b, attrs));
        }
    }
    for u in &graph.relation_undercuts {
        let from = &map.nodes[g[u.from]].id.value;
        if let Some(point) = undercut_points.get(&u.target.index()) {
            stmts.push(edge(from, point, edge_style(u.data.kind)));
        }
    }

    if options.legend {
        stmts.push(legend(map, &colors, options.status.as_ref()));
    }

    let graph = Graph::DiGraph {
        id: quoted("argmap"),
        strict: false,
        stmts,
    };
    let mut text = graph.print(&mut PrinterContext::default());
    text.push('\n');
    text
}

fn edge_order(kind: EdgeKind) -> u8 {
    match kind {
        EdgeKind::Relation(_) => 0,
        EdgeKind::Premise => 1,
        EdgeKind::Conclusion => 2,
    }
}

fn edge_style(kind: EdgeKind) -> Vec<Attribute> {
    match kind {
        EdgeKind::Relation(RelationKind::Supports) => {
            vec![attr("color", GREEN), attr("penwidth", "1.4")]
        }
        EdgeKind::Relation(RelationKind::Attacks) => {
            vec![
                attr("color", RED),
                attr("penwidth", "1.4"),
                attr("arrowhead", "tee"),
            ]
        }
        EdgeKind::Relation(RelationKind::Undercuts) => vec![
            attr("color", PURPLE),
            attr("style", "dashed"),
            attr("penwidth", "1.4"),
            attr("arrowhead", "tee"),
        ],
        EdgeKind::Relation(RelationKind::Contradicts) => vec![
            attr("color", RED),
            attr("style", "bold"),
            attr("penwidth", "2"),
            attr("dir", "both"),
            attr("arrowhead", "teetee"),
            attr("arrowtail", "teetee"),
            attr("constraint", "false"),
        ],
        EdgeKind::Relation(RelationKind::Answers) => {
            vec![
                attr("color", GREY),
                attr("style", "dashed"),
                attr("arrowhead", "empty"),
            ]
        }
        EdgeKind::Premise => vec![attr("color", GREEN), attr("arrowsize", "0.6")],
        EdgeKind::Conclusion => vec![attr("color", GREEN), attr("penwidth", "2")],
    }
}

/// The legend: an HTML-table node listing kinds, actors and relations.
fn legend(
    map: &Map,
    colors: &IndexMap<&str, String>,
    status: Option<&super::StatusColours>,
) -> Stmt {
    let mut rows =
        String::from("<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"3\">");
    rows.push_str("<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Legend</B></TD></TR>");
    let mut row = |key: String, text: &str| {
        rows.push_str(&format!(
            "<TR><TD ALIGN=\"CENTER\">{key}</TD><TD ALIGN=\"LEFT\">{}</TD></TR>",
            escape_html(text)
        ));
    };
    let kinds: Vec<NodeKind> = {
        let mut k: Vec<NodeKind> = map.nodes.values().map(|n| n.kind).collect();
        k.sort();
        k.dedup();
        k
    };
    for kind in kinds {
        let shape = match kind {
            NodeKind::Claim => "▢",
            NodeKind::Argument => "◯",
            NodeKind::Question => "⬡",
        };
        row(shape.to_string(), kind.as_str());
    }
    if let Some(status) = status {
        row(String::new(), &format!("status: {}", status.caption));
        for l in [Label::In, Label::Out, Label::Undecided] {
            row(
                format!("<FONT COLOR=\"{}\">██</FONT>", status_fill(l)),
                status_word(l),
            );
        }
    } else {
        for (id, color) in colors {
            let name = map.actors.get(*id).map_or(*id, |a| a.name.value.as_str());
            row(
                format!("<FONT COLOR=\"{}\">██</FONT>", escape_html(color)),
                &format!("held by {name}"),
            );
        }
    }
    let mut kinds_used: Vec<EdgeKind> = Vec::new();
    for node in map.nodes.values() {
        kinds_used.extend(node.relations.iter().map(|r| EdgeKind::Relation(r.kind)));
        if !node.premises.is_empty() || node.conclusion.is_some() {
            kinds_used.push(EdgeKind::Conclusion);
        }
    }
    kinds_used.sort();
    kinds_used.dedup();
    for kind in kinds_used {
        let (color, glyph, text) = match kind {
            EdgeKind::Relation(RelationKind::Supports) => (GREEN, "──▶", "supports"),
            EdgeKind::Relation(RelationKind::Attacks) => (RED, "──┤", "attacks"),
            EdgeKind::Relation(RelationKind::Undercuts) => {
                (PURPLE, "- -┤", "undercuts an inference")
            }
            EdgeKind::Relation(RelationKind::Contradicts) => {
                (RED, "╫━╫", "contradicts (both ways)")
            }
            EdgeKind::Relation(RelationKind::Answers) => (GREY, "- -▷", "answers"),
            EdgeKind::Premise | EdgeKind::Conclusion => {
                (GREEN, "━━▶", "premises → argument ━▶ conclusion")
            }
        };
        row(format!("<FONT COLOR=\"{color}\">{glyph}</FONT>"), text);
    }
    rows.push_str("</TABLE>");
    Stmt::Node(DotNode::new(
        NodeId(quoted("_legend"), None),
        vec![
            attr("shape", "plaintext"),
            attr("fontsize", "10"),
            Attribute(Id::Plain("label".into()), Id::Html(format!("<{rows}>"))),
        ],
    ))
}

fn edge(a: &str, b: &str, attributes: Vec<Attribute>) -> Stmt {
    Stmt::Edge(Edge {
        ty: EdgeTy::Pair(
            Vertex::N(NodeId(quoted(a), None)),
            Vertex::N(NodeId(quoted(b), None)),
        ),
        attributes,
    })
}

fn attr(key: &str, value: &str) -> Attribute {
    Attribute(Id::Plain(key.to_string()), quoted(value))
}

fn attr_stmt(key: &str, value: &str) -> Stmt {
    Stmt::Attribute(attr(key, value))
}

/// A DOT double-quoted string. Escapes `"` and `\`; a newline becomes the
/// `\n` line break; other control characters are dropped. The inverse of
/// what `dot` does when it reads a quoted string.
pub(crate) fn quoted(s: &str) -> Id {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    Id::Escaped(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(id: &Id) -> &str {
        match id {
            Id::Escaped(s) => s,
            _ => panic!("not escaped"),
        }
    }

    #[test]
    fn quoting_escapes_everything_dot_reads_specially() {
        assert_eq!(text(&quoted(r#"a "b" \c"#)), r#""a \"b\" \\c""#);
        assert_eq!(text(&quoted("x\ny\r\u{7}")), r#""x\ny""#);
        assert_eq!(text(&quoted("æøå <b>")), "\"æøå <b>\"");
    }
}
