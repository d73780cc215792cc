//! A pure-Rust SVG layout (layout-rs) for when Graphviz is not installed.
//!
//! It is simpler than Graphviz: boxes for every node, top-to-bottom or
//! left-to-right only, no clusters and no legend, and an undercut of a
//! relation points at the relation's target node. The CLI says so and how
//! to install Graphviz.

use layout::backends::svg::SVGWriter;
use layout::core::base::Orientation;
use layout::core::color::Color;
use layout::core::style::{LineStyleKind, StyleAttr};
use layout::std_shapes::render::get_shape_size;
use layout::std_shapes::shapes::{Arrow, Element, LineEndKind, ShapeKind};
use layout::topo::layout::VisualGraph;
use petgraph::visit::EdgeRef;

use super::{RankDir, RenderOptions, actor_colors, node_lines, status_fill};
use crate::error::{Error, ErrorKind};
use crate::graph::{ArgGraph, EdgeKind};
use crate::model::RelationKind;

/// Draws the map as SVG without Graphviz.
///
/// # Errors
///
/// [`ErrorKind::Layout`] if the layout engine fails on the graph.
pub fn fallback_svg(graph: &ArgGraph, options: &RenderOptions) -> Result<String, Error> {
    let map = graph.map();
    let colors = actor_colors(map);
    let orientation = match options.rankdir {
        RankDir::LR | RankDir::RL => Orientation::LeftToRight,
        RankDir::TB | RankDir::BT => Orientation::TopToBottom,
    };
    // layout-rs draws edges top-down; for a bottom-to-top map, reverse
    // them so conclusions still come first and arrows point at them.
    let reverse = options.rankdir == RankDir::BT || options.rankdir == RankDir::RL;
    let mut vg = VisualGraph::new(orientation);
    let mut handles = Vec::with_capacity(map.nodes.len());
    for (i, node) in map.nodes.values().enumerate() {
        let lines = node_lines(map, i, options);
        let status = options.status.as_ref().map(|_| options.status_of(i));
        let text = lines.join("\n");
        let fill = match status {
            Some(Some(l)) => status_fill(l),
            Some(None) => "#ffffff",
            None => node
                .held_by
                .first()
                .and_then(|a| colors.get(a.value.as_str()))
                .map_or("#ffffff", String::as_str),
        };
        let shape = ShapeKind::new_box(&text);
        let look = StyleAttr::new(Color::fast("black"), 1, Color::from_name(fill), 6, 13);
        let size = get_shape_size(orientation, &shape, 13, false);
        handles.push(vg.add_node(Element::create(shape, look, orientation, size)));
    }
    let g = &graph.graph;
    let mut add = |from: usize, to: usize, kind: EdgeKind, label: &str| {
        let (color, line) = match kind {
            EdgeKind::Relation(RelationKind::Attacks | RelationKind::Contradicts) => {
                ("#b2182b", LineStyleKind::Normal)
            }
            EdgeKind::Relation(RelationKind::Undercuts) => ("#762a83", LineStyleKind::Dashed),
            EdgeKind::Relation(RelationKind::Answers) => ("#555555", LineStyleKind::Dashed),
            _ => ("#1b7837", LineStyleKind::Normal),
        };
        let look = StyleAttr::new(Color::fast(color), 2, None, 0, 11);
        let (start, end) = if kind == EdgeKind::Relation(RelationKind::Contradicts) {
            (LineEndKind::Arrow, LineEndKind::Arrow)
        } else if reverse {
            (LineEndKind::Arrow, LineEndKind::None)
        } else {
            (LineEndKind::None, LineEndKind::Arrow)
        };
        let arrow = Arrow::new(start, end, line, label, &look, &None, &None);
        if reverse {
            vg.add_edge(arrow, handles[to], handles[from]);
        } else {
            vg.add_edge(arrow, handles[from], handles[to]);
        }
    };
    for e in g.edge_references() {
        let label = match e.weight().kind {
            EdgeKind::Relation(_) => {
                let data = e.weight();
                map.nodes[data.written_on].relations[data.position]
                    .label
                    .as_ref()
                    .map_or("", |l| l.value.as_str())
            }
            _ => "",
        };
        add(g[e.source()], g[e.target()], e.weight().kind, label);
    }
    for u in &graph.relation_undercuts {
        if let Some((_, target)) = g.edge_endpoints(u.target) {
            add(g[u.from], g[target], u.data.kind, "");
        }
    }
    // layout-rs is young; a panic inside it must not take the caller down.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
        let mut svg = SVGWriter::new();
        vg.do_it(false, false, false, &mut svg);
        svg.finalize()
    }));
    result.map_err(|_| {
        Error::new(
            ErrorKind::Layout,
            "the built-in layout failed on this map; install Graphviz",
        )
    })
}
