//! Map → DOT through graphviz-rust's AST, one statement at a time.
//!
//! graphviz-rust prints identifiers verbatim and escapes nothing, so every
//! string from the map goes through [`quoted`] (for `"…"` strings) or
//! [`html`] (for the legend's HTML label); no map text can break out of its
//! attribute.
//!
//! Each top-level statement is built as graphviz-rust's [`Stmt`], printed
//! by its printer and written out at once ([`StmtWriter`]): the whole graph
//! is never held, as an AST or as text, so the memory DOT output needs does
//! not grow with the map beyond the map itself (and, under `--group-by`,
//! one cluster's statements).

use std::io::{self, Write};

use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node as DotNode, NodeId, Stmt, Subgraph,
    Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use indexmap::IndexMap;
use petgraph::visit::EdgeRef;

use super::colour::PLAIN_FILL;
use super::{
    GroupBy, NodeLabel, RenderOptions, Rgb, actor_colors, node_label, status_fill, status_word,
    text_on,
};
use crate::graph::{ArgGraph, EdgeKind};
use crate::model::{Map, NodeKind, RelationKind};
use crate::semantics::Label;
use crate::text::{escape_html, push_escaped_html};

const FONT: &str = "Helvetica";
const GREEN: &str = "#1b7837";
const RED: &str = "#b2182b";
const PURPLE: &str = "#762a83";
const GREY: &str = "#555555";

/// Renders a checked map as DOT text.
///
/// The map should be free of errors (see [`crate::check()`]); references
/// that do not resolve are simply not drawn. The title and the legend are
/// the graph's own label, which Graphviz places after the layout: the
/// legend never moves a node or lengthens an edge.
pub fn dot(graph: &ArgGraph, options: &RenderOptions) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail, and every piece written is a `str`.
    let _ = write_dot(graph, options, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes a checked map as DOT text to `out`, statement by statement: the
/// same bytes as [`dot`], without holding them. Wrap a file in a
/// `BufWriter`; `out` is flushed at the end.
pub fn write_dot<'g>(
    graph: &'g ArgGraph,
    options: &RenderOptions,
    out: impl Write,
) -> io::Result<()> {
    let map = graph.map();
    let colors = actor_colors(map);
    let font = format_pt(options.font_size);
    let roles = super::roles(graph);
    let mut out = StmtWriter::new(out, &quoted("argmap"))?;
    for stmt in [
        attr_stmt("rankdir", options.rankdir.as_str()),
        // Keep edges in the order written: adding a node then moves few
        // others (measured in tests/it/render_drawing.rs).
        attr_stmt("ordering", "out"),
        attr_stmt("nodesep", "0.06"),
        attr_stmt("ranksep", "0.2"),
        attr_stmt("fontname", FONT),
        attr_stmt("labelloc", "t"),
        attr_stmt("fontsize", &font),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("fontname", FONT),
            attr("fontsize", &font),
            attr("shape", "box"),
            attr("style", "rounded,filled"),
            attr("fillcolor", PLAIN_FILL),
            attr("margin", "0.08,0.03"),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", FONT),
            attr("fontsize", &font),
        ])),
    ] {
        out.push(stmt)?;
    }
    if options.legend {
        out.push(Stmt::Attribute(Attribute(
            Id::Plain("label".into()),
            Id::Html(format!("<{}>", legend(graph, &colors, &roles, options))),
        )))?;
    } else if let Some(title) = &map.title {
        out.push(attr_stmt("label", &title.value))?;
        out.push(attr_stmt("fontsize", &format_pt(options.font_size * 1.5)))?;
    }
    if options.group_by != GroupBy::None {
        // Ranks across clusters. (Without clusters, plain ranking keeps
        // `rank=max` for the questions, which `newrank` ignores.)
        out.push(attr_stmt("newrank", "true"))?;
    }
    if options.layout == super::Layout::Sfdp {
        // Straight edges: sfdp's spline routing costs minutes on dense maps.
        // A fixed start makes the layout the same on every run.
        out.push(attr_stmt("layout", "sfdp"))?;
        out.push(attr_stmt("overlap", "prism"))?;
        out.push(attr_stmt("splines", "false"))?;
        out.push(attr_stmt("start", "1"))?;
    }

    // Each actor's chips, made once: (width, holder's chip, rejecting chip).
    let actor_chips: IndexMap<&str, Chips> = map
        .actors
        .iter()
        .filter_map(|(id, actor)| {
            let colour = colors.get(id.as_str())?;
            let name = super::short_name(actor);
            let width = name.chars().count();
            Some((
                id.as_str(),
                Chips {
                    width,
                    holds: chip(&name, colour),
                    rejects: rejecting_chip(&name, colour),
                },
            ))
        })
        .collect();
    // The text colour on each fill a node can have, worked out once.
    let text_colours: Vec<(&str, String)> = [PLAIN_FILL]
        .into_iter()
        .chain([Label::In, Label::Out, Label::Undecided].map(status_fill))
        .map(|fill| {
            let c = Rgb::parse(fill).map_or_else(|| "#000000".to_string(), |f| text_on(f).hex());
            (fill, c)
        })
        .collect();
    // The statement of node `i`.
    let node_stmt = |i: usize, node: &'g crate::model::Node| -> NodeStmt<'g> {
        let parts = node_label(map, &colors, i, options, false);
        let status = options.status_of(i);
        let fill = match status {
            Some(l) if options.status.is_some() => status_fill(l),
            _ => PLAIN_FILL,
        };
        let text_colour = text_colours
            .iter()
            .find(|(f, _)| *f == fill)
            .map_or("#000000", |(_, c)| c.as_str());
        let chips = node
            .held_by
            .iter()
            .filter_map(|r| actor_chips.get(r.value.as_str()))
            .map(|c| (c.width, c.holds.as_str()))
            .chain(
                node.rejected_by
                    .iter()
                    .filter_map(|r| actor_chips.get(r.value.as_str()))
                    .map(|c| (c.width + 2, c.rejects.as_str())),
            );
        let mut attrs: Attrs<'_> = vec![
            ("id", Value::text(format!("node-{}", node.id.value))),
            (
                "label",
                Value::Html(html_label(&parts, chips, options.wrap)),
            ),
            ("tooltip", Value::text(node.text.value.as_str())),
        ];
        if options.links {
            attrs.push(("URL", Value::text(format!("#claim-{}", node.id.value))));
            attrs.push(("target", Value::text("_self")));
        }
        if fill != PLAIN_FILL {
            attrs.push(("fillcolor", Value::text(fill)));
        }
        if text_colour != "#000000" {
            attrs.push(("fontcolor", Value::text(text_colour.to_string())));
        }
        if status == Some(Label::Out) {
            attrs.push(("color", Value::text(GREY)));
        }
        match node.kind {
            NodeKind::Claim => {}
            NodeKind::Argument => {
                attrs.push(("shape", Value::text("ellipse")));
                attrs.push(("style", Value::text("filled")));
            }
            NodeKind::Question => {
                attrs.push(("shape", Value::text("hexagon")));
                attrs.push(("style", Value::text("filled")));
            }
        }
        if roles[i] != super::Role::Other {
            attrs.push(("penwidth", Value::text("2.5")));
        }
        NodeStmt {
            id: node.id.value.as_str(),
            attrs,
        }
    };
    // Nodes; those in clusters are written with their cluster, after the
    // others (only their indices are kept until then).
    let mut clusters: IndexMap<String, (String, Vec<usize>)> = IndexMap::new();
    let mut questions = Vec::new();
    // The nodes outside clusters, written first, in map order.
    let mut plain = Vec::new();
    for (i, node) in map.nodes.values().enumerate() {
        if node.kind == NodeKind::Question {
            questions.push(i);
        }
        match group_of(map, node, options.group_by) {
            Some((key, label)) => clusters
                .entry(key)
                .or_insert_with(|| (label, Vec::new()))
                .1
                .push(i),
            None => plain.push(i),
        }
        debug_assert_eq!(graph.graph[petgraph::graph::NodeIndex::new(i)], i);
    }
    let node_at = |i: usize| &map.nodes[i];
    // A node's statement is some 500 bytes, an edge's some 40.
    out.push_in_order(plain.len(), 512, |range, w| {
        plain[range]
            .iter()
            .try_for_each(|&i| w.push_node(&node_stmt(i, node_at(i))))
    })?;
    drop(plain);
    for (i, (key, (label, members))) in clusters.into_iter().enumerate() {
        // A passage that one node alone quotes needs no box.
        if options.group_by == GroupBy::Source && members.len() < 2 {
            for m in members {
                out.push_node(&node_stmt(m, node_at(m)))?;
            }
            continue;
        }
        let mut inner = vec![
            attr_stmt("label", &label),
            attr_stmt("style", "rounded,dashed"),
            attr_stmt("color", GREY),
            attr_stmt("fontsize", &font),
            attr_stmt("id", &format!("cluster-{key}")),
        ];
        inner.extend(
            members
                .into_iter()
                .map(|m| node_stmt(m, node_at(m)).to_stmt()),
        );
        out.push(Stmt::Subgraph(Subgraph {
            id: Id::Plain(format!("cluster_{i}")),
            stmts: inner,
        }))?;
    }
    // Questions first: on the last rank, the one the arrows point to, next
    // to the main claims (the left with the default right-to-left
    // direction, the top with bt). Clusters keep their own ranks.
    if !questions.is_empty()
        && options.layout == super::Layout::Dot
        && options.group_by == GroupBy::None
    {
        let mut inner = vec![attr_stmt("rank", "max")];
        inner.extend(questions.iter().map(|&q| {
            Stmt::Node(DotNode::new(
                NodeId(quoted(&node_at(q).id.value), None),
                Vec::new(),
            ))
        }));
        out.push(Stmt::Subgraph(Subgraph {
            id: Id::Plain("questions".into()),
            stmts: inner,
        }))?;
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
    let edge_stmts = |e: petgraph::graph::EdgeReference<'_, crate::graph::EdgeData>,
                      out: &mut StmtWriter<&mut Vec<u8>>|
     -> io::Result<()> {
        let (a, b) = (
            &map.nodes[g[e.source()]].id.value,
            &map.nodes[g[e.target()]].id.value,
        );
        let data = e.weight();
        let mut attrs = edge_style(data.kind);
        if let EdgeKind::Relation(_) = data.kind {
            let rel = &map.nodes[data.written_on].relations[data.position];
            // Wrapped narrow: a label takes room between two ranks.
            if let Some(label) = &rel.label {
                attrs.push((
                    "label",
                    Value::text(super::wrap(&label.value, 12, 4).join("\n")),
                ));
            }
            if !rel.evidence.is_empty() {
                let sources: Vec<&str> = rel
                    .evidence
                    .iter()
                    .map(|ev| ev.source.value.as_str())
                    .collect();
                attrs.push(("tooltip", Value::text(sources.join(", "))));
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
            out.push_node(&NodeStmt {
                id: point,
                attrs: vec![
                    ("shape", Value::text("point")),
                    ("width", Value::text(width)),
                    ("color", Value::text(color)),
                    ("style", Value::text("filled")),
                    ("fillcolor", Value::text(color)),
                    ("label", Value::text("")),
                ],
            })?;
            // The first half carries neither arrowhead nor label.
            let mut first = attrs.clone();
            first.retain(|(k, _)| *k != "arrowhead" && *k != "label");
            first.push(("arrowhead", Value::text("none")));
            out.push_edge(a, point, &first)?;
            out.push_edge(point, b, &attrs)?;
        } else {
            out.push_edge(a, b, &attrs)?;
        }
        Ok(())
    };
    out.push_in_order(edges.len(), 48, |range, w| {
        edges[range].iter().try_for_each(|&e| edge_stmts(e, w))
    })?;
    for u in &graph.relation_undercuts {
        let from = &map.nodes[g[u.from]].id.value;
        if let Some(point) = undercut_points.get(&u.target.index()) {
            out.push_edge(from, point, &edge_style(u.data.kind))?;
        }
    }
    out.finish()
}

/// Writes a `digraph`'s statements as graphviz-rust's printer lays them
/// out (default context: two-space indent, one statement per line, a
/// statement's attributes on its line), each written as soon as it is made,
/// straight into the output. `tests::writer_prints_as_graphviz_rust` checks
/// the bytes against graphviz-rust's own printer.
struct StmtWriter<W: Write> {
    out: W,
    first: bool,
}

impl<W: Write> StmtWriter<W> {
    fn new(mut out: W, id: &Id) -> io::Result<Self> {
        out.write_all(b"digraph ")?;
        write_id(&mut out, id)?;
        out.write_all(b" {\n")?;
        Ok(StmtWriter { out, first: true })
    }

    /// Writes a statement made for this call (and dropped after it).
    #[expect(
        clippy::needless_pass_by_value,
        reason = "each statement is made to be written"
    )]
    fn push(&mut self, stmt: Stmt) -> io::Result<()> {
        self.separate()?;
        write_stmt(&mut self.out, &stmt, 2)
    }

    /// Writes the statements that `write` makes for items `0..len` (about
    /// `bytes_each` bytes each), made in chunks on every core (see
    /// [`crate::parallel::in_order`]) and written in order: the same bytes
    /// as writing them one by one. Must come after a first statement.
    fn push_in_order(
        &mut self,
        len: usize,
        bytes_each: usize,
        write: impl Fn(std::ops::Range<usize>, &mut StmtWriter<&mut Vec<u8>>) -> io::Result<()> + Sync,
    ) -> io::Result<()> {
        // Some 2,000 nodes' statements, a megabyte: enough to make the
        // handing over cheap, small enough to hold a few at once.
        const CHUNK: usize = 2048;
        debug_assert!(!self.first, "a chunk's statements each start a line");
        crate::parallel::in_order(
            len,
            CHUNK,
            |range| {
                // Sized once: grown as it fills, it would be copied a dozen
                // times.
                let mut bytes = Vec::with_capacity(range.len() * bytes_each);
                let mut w = StmtWriter {
                    out: &mut bytes,
                    first: false,
                };
                write(range, &mut w).map(|()| bytes)
            },
            |bytes| self.out.write_all(&bytes?),
        )
    }

    fn separate(&mut self) -> io::Result<()> {
        if !self.first {
            self.out.write_all(b"\n")?;
        }
        self.first = false;
        Ok(())
    }

    /// Writes a node statement as [`StmtWriter::push`] writes the
    /// statement of [`NodeStmt::to_stmt`], without making it.
    fn push_node(&mut self, node: &NodeStmt<'_>) -> io::Result<()> {
        self.separate()?;
        write_indent(&mut self.out, 2)?;
        write_quoted(&mut self.out, node.id)?;
        write_attrs(&mut self.out, &node.attrs)
    }

    /// Writes an edge statement `a -> b [attrs]`, as graphviz-rust prints
    /// it.
    fn push_edge(&mut self, a: &str, b: &str, attrs: &Attrs<'_>) -> io::Result<()> {
        self.separate()?;
        write_indent(&mut self.out, 2)?;
        write_quoted(&mut self.out, a)?;
        self.out.write_all(b" -> ")?;
        write_quoted(&mut self.out, b)?;
        if !attrs.is_empty() {
            self.out.write_all(b" ")?;
            write_attrs(&mut self.out, attrs)?;
        }
        Ok(())
    }

    fn finish(mut self) -> io::Result<()> {
        self.out.write_all(b"\n}\n")?;
        self.out.flush()
    }
}

/// An attribute's value in a node or edge statement: text, quoted as
/// [`quoted`] quotes it, or an HTML-like label, written as it is.
#[derive(Clone)]
enum Value<'a> {
    Text(std::borrow::Cow<'a, str>),
    Html(String),
}

impl<'a> Value<'a> {
    fn text(s: impl Into<std::borrow::Cow<'a, str>>) -> Self {
        Value::Text(s.into())
    }

    fn to_id(&self) -> Id {
        match self {
            Value::Text(s) => quoted(s),
            Value::Html(h) => Id::Html(h.clone()),
        }
    }
}

/// A node's or an edge's attributes, in order.
type Attrs<'a> = Vec<(&'static str, Value<'a>)>;

/// A node statement, written straight out by [`StmtWriter::push_node`]
/// (the graph's nodes and edges are nearly all of it), or made into
/// graphviz-rust's [`Stmt`] inside a cluster.
struct NodeStmt<'a> {
    id: &'a str,
    attrs: Attrs<'a>,
}

impl NodeStmt<'_> {
    fn to_stmt(&self) -> Stmt {
        Stmt::Node(DotNode::new(
            NodeId(quoted(self.id), None),
            self.attrs
                .iter()
                .map(|(k, v)| Attribute(Id::Plain((*k).to_string()), v.to_id()))
                .collect(),
        ))
    }
}

/// `[a=1 b=2]` as [`write_attributes`] writes the same attributes, or
/// nothing for none.
fn write_attrs(out: &mut impl Write, attrs: &Attrs<'_>) -> io::Result<()> {
    if attrs.is_empty() {
        return Ok(());
    }
    out.write_all(b"[")?;
    for (i, (k, v)) in attrs.iter().enumerate() {
        if i > 0 {
            out.write_all(b" ")?;
        }
        out.write_all(k.as_bytes())?;
        out.write_all(b"=")?;
        match v {
            Value::Text(s) => write_quoted(out, s)?,
            Value::Html(h) => out.write_all(h.as_bytes())?,
        }
    }
    out.write_all(b"]")
}

/// Writes `s` as [`quoted`] makes it.
fn write_quoted(out: &mut impl Write, s: &str) -> io::Result<()> {
    if needs_escaping(s) {
        write_id(out, &quoted(s))
    } else {
        out.write_all(b"\"")?;
        out.write_all(s.as_bytes())?;
        out.write_all(b"\"")
    }
}

/// Whether `s` holds a quote, a backslash or a control character (C0,
/// DEL, or C1, whose UTF-8 starts with 0xC2): most strings hold none.
fn needs_escaping(s: &str) -> bool {
    s.bytes()
        .any(|b| matches!(b, b'"' | b'\\' | 0..0x20 | 0x7f | 0xc2))
}

/// One statement at `indent`, as graphviz-rust prints it in a digraph.
fn write_stmt(out: &mut impl Write, stmt: &Stmt, indent: usize) -> io::Result<()> {
    write_indent(out, indent)?;
    match stmt {
        Stmt::Node(DotNode {
            id: NodeId(id, None),
            attributes,
        }) => {
            write_id(out, id)?;
            write_attributes(out, attributes)
        }
        Stmt::Edge(Edge {
            ty: EdgeTy::Pair(Vertex::N(NodeId(a, None)), Vertex::N(NodeId(b, None))),
            attributes,
        }) => {
            write_id(out, a)?;
            out.write_all(b" -> ")?;
            write_id(out, b)?;
            if !attributes.is_empty() {
                out.write_all(b" ")?;
                write_attributes(out, attributes)?;
            }
            Ok(())
        }
        Stmt::Attribute(attribute) => write_attribute(out, attribute),
        Stmt::GAttribute(g) => {
            let (kind, attributes) = match g {
                GraphAttributes::Graph(a) => ("graph", a),
                GraphAttributes::Node(a) => ("node", a),
                GraphAttributes::Edge(a) => ("edge", a),
            };
            out.write_all(kind.as_bytes())?;
            write_attributes(out, attributes)
        }
        Stmt::Subgraph(Subgraph { id, stmts }) => {
            out.write_all(b"subgraph ")?;
            write_id(out, id)?;
            out.write_all(b" {\n")?;
            for (i, inner) in stmts.iter().enumerate() {
                if i > 0 {
                    out.write_all(b"\n")?;
                }
                write_stmt(out, inner, indent + 2)?;
            }
            out.write_all(b"\n")?;
            write_indent(out, indent)?;
            out.write_all(b"}")
        }
        // Ports and edge chains are not made here; the printer knows them.
        other => {
            let mut ctx = PrinterContext::default();
            let printed = Graph::DiGraph {
                id: Id::Plain(String::new()),
                strict: false,
                stmts: vec![other.clone()],
            }
            .print(&mut ctx);
            let body = printed
                .strip_prefix("digraph  {\n  ")
                .and_then(|t| t.strip_suffix("\n}"))
                .unwrap_or(&printed);
            out.write_all(body.as_bytes())
        }
    }
}

fn write_indent(out: &mut impl Write, indent: usize) -> io::Result<()> {
    const SPACES: &[u8; 32] = b"                                ";
    let mut left = indent;
    while left > 0 {
        let n = left.min(SPACES.len());
        out.write_all(&SPACES[..n])?;
        left -= n;
    }
    Ok(())
}

fn write_id(out: &mut impl Write, id: &Id) -> io::Result<()> {
    match id {
        Id::Html(v) | Id::Escaped(v) | Id::Plain(v) => out.write_all(v.as_bytes()),
        Id::Anonymous(_) => Ok(()),
    }
}

fn write_attribute(out: &mut impl Write, Attribute(key, value): &Attribute) -> io::Result<()> {
    write_id(out, key)?;
    out.write_all(b"=")?;
    write_id(out, value)
}

/// `[a=1 b=2]`, or nothing for no attributes.
fn write_attributes(out: &mut impl Write, attributes: &[Attribute]) -> io::Result<()> {
    if attributes.is_empty() {
        return Ok(());
    }
    out.write_all(b"[")?;
    for (i, a) in attributes.iter().enumerate() {
        if i > 0 {
            out.write_all(b" ")?;
        }
        write_attribute(out, a)?;
    }
    out.write_all(b"]")
}

fn edge_order(kind: EdgeKind) -> u8 {
    match kind {
        EdgeKind::Relation(_) => 0,
        EdgeKind::Premise => 1,
        EdgeKind::Conclusion => 2,
    }
}

fn edge_style(kind: EdgeKind) -> Attrs<'static> {
    match kind {
        EdgeKind::Relation(RelationKind::Supports) => {
            vec![
                ("color", Value::text(GREEN)),
                ("penwidth", Value::text("1.4")),
            ]
        }
        EdgeKind::Relation(RelationKind::Attacks) => {
            vec![
                ("color", Value::text(RED)),
                ("penwidth", Value::text("1.4")),
                ("arrowhead", Value::text("tee")),
            ]
        }
        EdgeKind::Relation(RelationKind::Undercuts) => vec![
            ("color", Value::text(PURPLE)),
            ("style", Value::text("dashed")),
            ("penwidth", Value::text("1.4")),
            ("arrowhead", Value::text("tee")),
        ],
        EdgeKind::Relation(RelationKind::Contradicts) => vec![
            ("color", Value::text(RED)),
            ("style", Value::text("bold")),
            ("penwidth", Value::text("2")),
            ("dir", Value::text("both")),
            ("arrowhead", Value::text("teetee")),
            ("arrowtail", Value::text("teetee")),
            ("constraint", Value::text("false")),
        ],
        EdgeKind::Relation(RelationKind::Answers) => {
            vec![
                ("color", Value::text(GREY)),
                ("style", Value::text("dashed")),
                ("arrowhead", Value::text("empty")),
            ]
        }
        EdgeKind::Premise => vec![
            ("color", Value::text(GREEN)),
            ("arrowsize", Value::text("0.6")),
        ],
        EdgeKind::Conclusion => vec![
            ("color", Value::text(GREEN)),
            ("penwidth", Value::text("2")),
        ],
    }
}

/// The graph's label: the title above a legend of shapes, holders,
/// statuses and relations, each a row of entries, five to a line.
fn legend(
    graph: &ArgGraph,
    colors: &IndexMap<&str, String>,
    roles: &[super::Role],
    options: &RenderOptions,
) -> String {
    let map = graph.map();
    let mut out =
        String::from("<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">");
    if let Some(title) = &map.title {
        out.push_str(&format!(
            "<TR><TD><FONT POINT-SIZE=\"{}\">{}</FONT></TD></TR>",
            format_pt(options.font_size * 1.5),
            escape_html(&title.value)
        ));
    }
    out.push_str("<TR><TD><TABLE BORDER=\"1\" COLOR=\"#999999\" STYLE=\"ROUNDED\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">");
    let mut section = |name: &str, items: Vec<(String, String)>| {
        if items.is_empty() {
            return;
        }
        // Graphviz refuses an empty <B></B>.
        let name = if name.is_empty() {
            String::new()
        } else {
            format!("<B>{}</B>", escape_html(name))
        };
        out.push_str(&format!(
            "<TR><TD ALIGN=\"LEFT\" VALIGN=\"TOP\">{name}</TD><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">"
        ));
        // A table per line: entries keep their own widths; a line holds
        // about 80 characters, so the legend stays narrower than most maps.
        let mut lines: Vec<&[(String, String)]> = Vec::new();
        let (mut start, mut chars) = (0, 0);
        for (k, (_, text)) in items.iter().enumerate() {
            let len = text.chars().count() + 4;
            if k > start && chars + len > 80 {
                lines.push(&items[start..k]);
                (start, chars) = (k, 0);
            }
            chars += len;
        }
        lines.push(&items[start..]);
        for line in lines {
            out.push_str("<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\"><TR>");
            for (key, text) in line {
                out.push_str(key);
                if !text.is_empty() {
                    out.push_str(&format!("<TD ALIGN=\"LEFT\">{}</TD>", escape_html(text)));
                }
            }
            out.push_str("</TR></TABLE></TD></TR>");
        }
        out.push_str("</TABLE></TD></TR>");
    };
    let glyph = |colour: &str, g: &str| {
        format!(
            "<TD ALIGN=\"CENTER\"><FONT COLOR=\"{}\">{g}</FONT></TD>",
            escape_html(colour)
        )
    };
    // Kinds and relations are few: sets of them, in their order.
    let mut kinds: std::collections::BTreeSet<NodeKind> = std::collections::BTreeSet::new();
    for n in map.nodes.values() {
        kinds.insert(n.kind);
    }
    let mut shapes: Vec<(String, String)> = kinds
        .iter()
        .map(|kind| {
            let g = match kind {
                NodeKind::Claim => "▢",
                NodeKind::Argument => "◯",
                NodeKind::Question => "⬡",
            };
            (glyph("#000000", g), kind.as_str().to_string())
        })
        .collect();
    if roles.contains(&super::Role::Main) {
        shapes.push((
            glyph("#000000", "<B>▣</B>"),
            "main claim (bold border)".into(),
        ));
    }
    section("Shapes", shapes);
    let used: Vec<&str> = colors
        .keys()
        .copied()
        .filter(|id| {
            map.nodes
                .values()
                .any(|n| n.held_by.iter().any(|h| h.value == *id))
        })
        .collect();
    let holders = used
        .iter()
        .filter_map(|id| {
            let actor = map.actors.get(*id)?;
            Some((swatch(&colors[*id]), actor.name.value.to_string()))
        })
        .collect::<Vec<_>>();
    let mut holders = holders;
    if map.nodes.values().any(|n| !n.rejected_by.is_empty()) {
        holders.push((
            glyph("#000000", "✗"),
            "a white chip with a cross: rejects".into(),
        ));
    }
    section("Held by", holders);
    if let Some(status) = &options.status {
        let mut items = vec![(String::from("<TD></TD>"), status.caption.clone())];
        for l in [Label::In, Label::Out, Label::Undecided] {
            items.push((swatch(status_fill(l)), status_word(l)));
        }
        section("Status", items);
        // On a line of its own, so the legend stays narrow.
        section(
            "",
            vec![(String::from("<TD></TD>"), status.accepted_means.to_string())],
        );
    }
    let mut kinds_used: std::collections::BTreeSet<EdgeKind> = std::collections::BTreeSet::new();
    for node in map.nodes.values() {
        kinds_used.extend(node.relations.iter().map(|r| EdgeKind::Relation(r.kind)));
        if !node.premises.is_empty() || node.conclusion.is_some() {
            kinds_used.insert(EdgeKind::Conclusion);
        }
    }
    let relations = kinds_used
        .into_iter()
        .map(|kind| {
            let (color, g, text) = match kind {
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
            (glyph(color, g), text.to_string())
        })
        .collect();
    section("Relations", relations);
    out.push_str("</TABLE></TD></TR></TABLE>");
    out
}

/// A legend key: a swatch of a colour, drawn as text so that it keeps its
/// width in the legend's table (a filled cell would stretch).
fn swatch(colour: &str) -> String {
    format!(
        "<TD ALIGN=\"CENTER\"><FONT COLOR=\"{}\">███</FONT></TD>",
        escape_html(colour)
    )
}

/// A holder's chip: a cell filled with its colour, the name in black or
/// white, whichever contrasts more. A colour that cannot be read (an
/// unusual colour name) colours the cell's border instead, around black
/// text on white, so that no contrast is guessed.
fn chip(name: &str, colour: &str) -> String {
    match Rgb::parse(colour) {
        Some(fill) => format!(
            "<TD BGCOLOR=\"{}\"><FONT COLOR=\"{}\">{}</FONT></TD>",
            fill.hex(),
            text_on(fill).hex(),
            escape_html(name)
        ),
        None => format!(
            "<TD BORDER=\"2\" COLOR=\"{}\" BGCOLOR=\"{PLAIN_FILL}\"><FONT COLOR=\"#000000\">{}</FONT></TD>",
            escape_html(colour),
            escape_html(name)
        ),
    }
}

/// The chip of an actor who rejects a node: a cross and the name, black on
/// white inside a border of the actor's colour.
fn rejecting_chip(name: &str, colour: &str) -> String {
    let border = Rgb::parse(colour).map_or_else(|| escape_html(colour), Rgb::hex);
    format!(
        "<TD BORDER=\"2\" COLOR=\"{border}\" BGCOLOR=\"{PLAIN_FILL}\"><FONT COLOR=\"#000000\">✗ {}</FONT></TD>",
        escape_html(name)
    )
}

/// A node's HTML-like label: its text (bold for a main claim), the sources
/// it cites, a row of holder chips (three to a line), who rejects it and
/// its status. The node's shape and fill stay those of its kind and status.
/// Written inside `<…>`, as DOT wants an HTML-like label. `chips` are the
/// holders' and rejecters' chips with their widths in characters.
fn html_label<'c>(
    parts: &NodeLabel,
    chips: impl Iterator<Item = (usize, &'c str)>,
    wrap: usize,
) -> String {
    // Each line is a table of its own, so that chips keep their own
    // widths instead of lining up in columns.
    const LINE: &str =
        "<TR><TD><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"0\"><TR>";
    let lines = |out: &mut String, lines: &[String]| {
        for (k, l) in lines.iter().enumerate() {
            if k > 0 {
                out.push_str("<BR/>");
            }
            push_escaped_html(out, l);
        }
    };
    let mut out = String::with_capacity(256);
    out.push_str("<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">");
    // Main claims are marked by their border (`penwidth`), not by bold
    // text: Graphviz measures bold HTML text as regular, so it would run out
    // of its box.
    out.push_str("<TR><TD>");
    lines(&mut out, &parts.text);
    out.push_str("</TD></TR>");
    // The status shares the line of the cited sources: one line, not two.
    match (&parts.status, parts.cited.is_empty()) {
        (Some(status), false) => {
            out.push_str("<TR><TD>");
            push_escaped_html(&mut out, status);
            out.push_str(" <I>");
            lines(&mut out, &parts.cited);
            out.push_str("</I></TD></TR>");
        }
        (Some(status), true) => {
            out.push_str("<TR><TD>");
            push_escaped_html(&mut out, status);
            out.push_str("</TD></TR>");
        }
        (None, false) => {
            out.push_str("<TR><TD><I>");
            lines(&mut out, &parts.cited);
            out.push_str("</I></TD></TR>");
        }
        (None, true) => {}
    }
    // Holders as filled chips, then those who reject it as white chips
    // with a border of their colour and a cross: one band of names, in
    // lines about as wide as the text.
    let mut width = 0;
    let mut any = false;
    for (k, (len, c)) in chips.enumerate() {
        if k == 0 {
            out.push_str(LINE);
        } else if width + len + 1 > (wrap + 6).max(len) {
            out.push_str("</TR></TABLE></TD></TR>");
            out.push_str(LINE);
            width = 0;
        }
        width += len + 1;
        out.push_str(c);
        any = true;
    }
    if any {
        out.push_str("</TR></TABLE></TD></TR>");
    }
    out.push_str("</TABLE>>");
    out
}

/// An actor's chips in node labels.
struct Chips {
    /// The short name's width in characters.
    width: usize,
    /// As a holder.
    holds: String,
    /// As someone who rejects the node.
    rejects: String,
}

/// The cluster a node goes in, as (key, label), under `group_by`.
fn group_of(map: &Map, node: &crate::model::Node, group_by: GroupBy) -> Option<(String, String)> {
    match group_by {
        GroupBy::None => None,
        GroupBy::Actor => node
            .held_by
            .first()
            .and_then(|a| map.actors.get(&a.value))
            .map(|a| (a.id.value.to_string(), a.name.value.to_string())),
        GroupBy::Tag => node
            .tags
            .first()
            .map(|t| (t.value.to_string(), t.value.to_string())),
        GroupBy::Source => {
            let e = node
                .evidence
                .iter()
                .find(|e| e.at.is_some() || e.quote.is_some())
                .or_else(|| node.evidence.first())?;
            let source = &e.source.value;
            let title = map
                .sources
                .get(source)
                .map_or(source.as_str(), |s| s.title.value.as_str());
            // The title on at most two lines, then the locator.
            let title = super::wrap(title, 36, 2).join("\n");
            Some(match &e.at {
                Some(at) => (
                    format!("{source}@{}", at.value),
                    format!("{title}\n{}", at.value),
                ),
                None => (source.to_string(), title),
            })
        }
        GroupBy::Group => node
            .group
            .as_ref()
            .map(|g| (g.value.to_string(), g.value.to_string())),
    }
}

/// A point size as DOT writes it: `11`, `16.5`.
fn format_pt(pt: f64) -> String {
    let s = format!("{pt:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
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
    if !needs_escaping(s) {
        out.push_str(s);
        out.push('"');
        return Id::Escaped(out);
    }
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

    /// Statements of every kind the renderer makes, written by
    /// [`StmtWriter`] and by graphviz-rust's printer: the same bytes.
    fn edge(a: &str, b: &str, attributes: Vec<Attribute>) -> Stmt {
        Stmt::Edge(Edge {
            ty: EdgeTy::Pair(
                Vertex::N(NodeId(quoted(a), None)),
                Vertex::N(NodeId(quoted(b), None)),
            ),
            attributes,
        })
    }

    /// Statements made in chunks on every core are written in their order:
    /// the same bytes as writing them one by one.
    #[test]
    fn statements_made_in_chunks_come_in_order() {
        let ids: Vec<String> = (0..10_000).map(|i| format!("n{i}")).collect();
        let write = |i: usize, w: &mut StmtWriter<&mut Vec<u8>>| {
            let attrs = vec![("label", Value::text(format!("node {i}")))];
            w.push_node(&NodeStmt { id: &ids[i], attrs })?;
            w.push_edge(&ids[i], &ids[(i * 7) % ids.len()], &Vec::new())
        };
        let mut chunked = Vec::new();
        let mut w = StmtWriter::new(&mut chunked, &quoted("g")).unwrap();
        w.push(attr_stmt("rankdir", "RL")).unwrap();
        w.push_in_order(ids.len(), 64, |range, w| {
            range.into_iter().try_for_each(|i| write(i, w))
        })
        .unwrap();
        w.finish().unwrap();
        let mut one_by_one = Vec::new();
        let mut w = StmtWriter::new(&mut one_by_one, &quoted("g")).unwrap();
        w.push(attr_stmt("rankdir", "RL")).unwrap();
        for i in 0..ids.len() {
            let mut bytes = Vec::new();
            let mut inner = StmtWriter {
                out: &mut bytes,
                first: false,
            };
            write(i, &mut inner).unwrap();
            w.out.write_all(&bytes).unwrap();
        }
        w.finish().unwrap();
        assert_eq!(chunked.len(), one_by_one.len());
        assert!(chunked == one_by_one, "the chunks came out of order");
        assert!(
            String::from_utf8(chunked)
                .unwrap()
                .contains("\n  \"n9999\"[label=\"node 9999\"]\n")
        );
    }

    #[test]
    fn nodes_and_edges_written_straight_out_print_as_graphviz_rust() {
        let attrs: Attrs<'_> = vec![
            ("id", Value::text("node-a")),
            (
                "label",
                Value::Html("<<TABLE><TR><TD>a &amp; b</TD></TR></TABLE>>".into()),
            ),
            ("tooltip", Value::text("says \"x\"\nand \\ y\u{7}\u{85} æ")),
            ("label", Value::text("")),
        ];
        let as_attributes = |attrs: &Attrs<'_>| -> Vec<Attribute> {
            attrs
                .iter()
                .map(|(k, v)| Attribute(Id::Plain((*k).to_string()), v.to_id()))
                .collect()
        };
        for id in ["a", "a \"q\"", "æ\nø", ""] {
            let node = NodeStmt {
                id,
                attrs: attrs.clone(),
            };
            let bare = NodeStmt {
                id,
                attrs: Vec::new(),
            };
            let mut direct = Vec::new();
            let mut w = StmtWriter::new(&mut direct, &quoted("g")).unwrap();
            w.push_node(&node).unwrap();
            w.push_node(&bare).unwrap();
            w.push_edge(id, "b\\", &attrs).unwrap();
            w.push_edge("b", id, &Vec::new()).unwrap();
            w.finish().unwrap();
            let printed = Graph::DiGraph {
                id: quoted("g"),
                strict: false,
                stmts: vec![
                    node.to_stmt(),
                    bare.to_stmt(),
                    edge(id, "b\\", as_attributes(&attrs)),
                    edge("b", id, Vec::new()),
                ],
            }
            .print(&mut PrinterContext::default())
                + "\n";
            assert_eq!(String::from_utf8(direct).unwrap(), printed, "{id:?}");
        }
    }

    #[test]
    fn writer_prints_as_graphviz_rust() {
        let node = |id: &str, attrs: Vec<Attribute>| {
            Stmt::Node(DotNode::new(NodeId(quoted(id), None), attrs))
        };
        let stmts = vec![
            attr_stmt("rankdir", "RL"),
            Stmt::GAttribute(GraphAttributes::Node(vec![
                attr("shape", "box"),
                attr("fontsize", "14"),
            ])),
            Stmt::GAttribute(GraphAttributes::Edge(Vec::new())),
            Stmt::Attribute(Attribute(
                Id::Plain("label".into()),
                Id::Html("<<B>x</B>>".into()),
            )),
            node("a \"b\"", vec![attr("label", "A\nb"), attr("tooltip", "t")]),
            node("c", Vec::new()),
            edge("a \"b\"", "c", Vec::new()),
            edge(
                "c",
                "a \"b\"",
                vec![attr("color", GREEN), attr("arrowhead", "tee")],
            ),
            Stmt::Subgraph(Subgraph {
                id: Id::Plain("cluster_0".into()),
                stmts: vec![
                    attr_stmt("label", "L"),
                    node("d", vec![attr("shape", "ellipse")]),
                    Stmt::Subgraph(Subgraph {
                        id: Id::Plain("inner".into()),
                        stmts: vec![node("e", Vec::new())],
                    }),
                ],
            }),
            Stmt::Subgraph(Subgraph {
                id: Id::Plain("empty".into()),
                stmts: Vec::new(),
            }),
        ];
        let mut written = Vec::new();
        let mut w = StmtWriter::new(&mut written, &quoted("argmap")).unwrap();
        for stmt in stmts.clone() {
            w.push(stmt).unwrap();
        }
        w.finish().unwrap();
        let printed = Graph::DiGraph {
            id: quoted("argmap"),
            strict: false,
            stmts,
        }
        .print(&mut PrinterContext::default())
            + "\n";
        assert_eq!(String::from_utf8(written).unwrap(), printed);
    }

    #[test]
    fn quoting_escapes_everything_dot_reads_specially() {
        assert_eq!(text(&quoted(r#"a "b" \c"#)), r#""a \"b\" \\c""#);
        assert_eq!(text(&quoted("x\ny\r\u{7}")), r#""x\ny""#);
        assert_eq!(text(&quoted("æøå <b>")), "\"æøå <b>\"");
    }
}
