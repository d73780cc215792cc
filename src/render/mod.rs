//! Drawing maps: DOT text built with graphviz-rust, and SVG, PNG or PDF by
//! running Graphviz's `dot`, with a pure-Rust SVG layout when Graphviz is
//! missing.
//!
//! Everything the drawing shows is decided here and in [`dot`]: shapes per
//! node kind, fill colour per actor, edge style per relation. Output is
//! deterministic: nodes and edges appear in map order.

mod dot;
mod fallback;
mod focus;
mod graphviz;
mod mermaid;

use std::fmt;

pub use dot::dot;
pub use fallback::fallback_svg;
pub use focus::{NoSuchNode, focus, neighbourhood, restrict};
pub use graphviz::{DotProgram, Svg, run_dot, svg};
pub use mermaid::mermaid;

/// Output formats of `argmap render`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// Graphviz source text; needs no Graphviz.
    Dot,
    /// Scalable vector graphics.
    Svg,
    /// Bitmap (96 dpi).
    Png,
    /// Vector PDF.
    Pdf,
    /// A Mermaid flowchart, for Markdown; needs no Graphviz.
    Mermaid,
}

impl Format {
    /// The format for a file extension (`dot`/`gv`, `svg`, `png`, `pdf`).
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "dot" | "gv" => Some(Format::Dot),
            "svg" => Some(Format::Svg),
            "png" => Some(Format::Png),
            "pdf" => Some(Format::Pdf),
            "mmd" | "mermaid" => Some(Format::Mermaid),
            _ => None,
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Dot => "dot",
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Pdf => "pdf",
            Format::Mermaid => "mmd",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

/// Direction of the layout.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RankDir {
    /// Top to bottom.
    TB,
    /// Bottom to top: supporting claims below what they support (default).
    #[default]
    BT,
    /// Left to right.
    LR,
    /// Right to left.
    RL,
}

impl RankDir {
    fn as_str(self) -> &'static str {
        match self {
            RankDir::TB => "TB",
            RankDir::BT => "BT",
            RankDir::LR => "LR",
            RankDir::RL => "RL",
        }
    }
}

/// How nodes are boxed into clusters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum GroupBy {
    /// No clusters; actors are shown by fill colour (default).
    #[default]
    None,
    /// One cluster per actor, by each node's first `held_by`.
    Actor,
    /// One cluster per tag, by each node's first tag.
    Tag,
}

/// Options for drawing.
#[derive(Clone, Debug)]
pub struct RenderOptions {
    /// Layout direction.
    pub rankdir: RankDir,
    /// Clusters.
    pub group_by: GroupBy,
    /// Whether to draw the legend of kinds, actors and relations.
    pub legend: bool,
    /// Characters per line when wrapping node text.
    pub wrap: usize,
    /// Colour nodes by their status under a semantics instead of by
    /// holder.
    pub status: Option<StatusColours>,
    /// Make each node a link to `#claim-<id>` (for reports).
    pub links: bool,
    /// The Graphviz layout the DOT text asks for.
    pub layout: Layout,
}

impl RenderOptions {
    /// The status of the node with this index (in [`Map::nodes`]) when
    /// nodes are coloured by status and it was evaluated.
    pub(crate) fn status_of(&self, i: usize) -> Option<crate::semantics::Label> {
        self.status.as_ref()?.nodes.get(i).copied().flatten()
    }
}

/// The Graphviz layout engine named in the DOT text (`layout=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Layout {
    /// Layered (`dot`): supports below what they support; best to read,
    /// but slow on large densely linked maps (default).
    #[default]
    Dot,
    /// Force-directed (`sfdp`), with straight edges and no overlaps: seconds
    /// where `dot` takes minutes; no layers and no clusters.
    Sfdp,
}

/// The layout to use when none is asked for: [`Layout::Dot`] for maps
/// that `dot` lays out in a few seconds, else [`Layout::Sfdp`]. `dot`'s
/// time grows with the density of links more than with the number of
/// nodes: it takes 0.7 s for 300 nodes with 1.5 relations each, 5 s for
/// 120 nodes with 3 each and 7.5 s for 150 such nodes (measured, see
/// `cargo bench --bench scale -- render`). So `dot` is chosen for at most
/// 250 relations, for up to 400 nodes with at most 1.5 relations each, and
/// for up to 1,000 tree-like nodes (at most 1.2 each).
pub fn auto_layout(graph: &crate::ArgGraph) -> Layout {
    let nodes = graph.graph.node_count();
    let edges = graph.graph.edge_count() + graph.relation_undercuts.len();
    let dot = edges <= 250
        || (nodes <= 400 && edges * 2 <= nodes * 3)
        || (nodes <= 1_000 && edges * 5 <= nodes * 6);
    if dot { Layout::Dot } else { Layout::Sfdp }
}

/// The status of each node under a semantics, for colouring.
#[derive(Clone, Debug, Default)]
pub struct StatusColours {
    /// Per map node (index in [`Map::nodes`]): its label, `None` for a node
    /// that is not evaluated (a question).
    pub nodes: Vec<Option<crate::semantics::Label>>,
    /// Undercut relations, by `(node it is written on, position)`: whether
    /// the relation holds (`In`).
    pub relations: Vec<((usize, usize), crate::semantics::Label)>,
    /// What was evaluated, for the legend, e.g. "grounded semantics".
    pub caption: String,
}

impl StatusColours {
    /// The statuses of one labelling of a map's framework.
    pub fn new(
        framework: &crate::semantics::map::MapFramework,
        labels: &[crate::semantics::Label],
        caption: impl Into<String>,
    ) -> StatusColours {
        use crate::semantics::map::Origin;
        let nodes = framework
            .of_node
            .iter()
            .map(|a| a.map(|a| labels[a as usize]))
            .collect();
        let mut relations = Vec::new();
        for (a, arg) in framework.arguments.iter().enumerate() {
            if let Origin::Relation { node, position } = arg.origin
                && !relations.iter().any(|(k, _)| *k == (node, position))
            {
                relations.push(((node, position), labels[a]));
            }
        }
        StatusColours {
            nodes,
            relations,
            caption: caption.into(),
        }
    }

    /// The statuses of extension `k` (from 0) of an evaluation, or `None`
    /// when there is no such extension; `caption` says what was evaluated
    /// in the legend.
    pub fn of_evaluation(
        evaluation: &crate::semantics::Evaluation<'_>,
        k: usize,
        caption: impl Into<String>,
    ) -> Option<StatusColours> {
        let labels = evaluation.extensions().labellings.get(k)?;
        Some(StatusColours::new(evaluation.framework(), labels, caption))
    }

    /// The label of a relation, if it was undercut and evaluated.
    pub(crate) fn relation(&self, node: usize, position: usize) -> Option<crate::semantics::Label> {
        self.relations
            .iter()
            .find(|(k, _)| *k == (node, position))
            .map(|&(_, l)| l)
    }
}

/// Fill colours of the statuses: accepted, rejected, undecided.
pub(crate) fn status_fill(label: crate::semantics::Label) -> &'static str {
    match label {
        crate::semantics::Label::In => "#a6dba0",
        crate::semantics::Label::Out => "#f4a582",
        crate::semantics::Label::Undecided => "#fee08b",
    }
}

/// The word shown in a node for its status.
pub(crate) fn status_word(label: crate::semantics::Label) -> &'static str {
    match label {
        crate::semantics::Label::In => "accepted",
        crate::semantics::Label::Out => "rejected",
        crate::semantics::Label::Undecided => "undecided",
    }
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            rankdir: RankDir::BT,
            group_by: GroupBy::None,
            legend: true,
            wrap: 34,
            status: None,
            links: false,
            layout: Layout::Dot,
        }
    }
}

/// Fill colours for actors without a `color:` (`ColorBrewer` Set3, light
/// enough for black text, distinguishable in print).
pub(crate) const PALETTE: &[&str] = &[
    "#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69", "#fccde5",
    "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f",
];

/// Wraps text into lines of at most `width` characters at spaces (a longer
/// word stays whole), keeping at most `max_lines` lines and marking a cut
/// with `…`.
pub(crate) fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    lines
}

use indexmap::IndexMap;

use crate::model::{Map, Node};

/// Each actor's fill colour: its `color:`, or the next palette colour.
pub(crate) fn actor_colors(map: &Map) -> IndexMap<&str, String> {
    let mut next = 0;
    map.actors
        .iter()
        .map(|(id, actor)| {
            let color = actor.color.as_ref().map_or_else(
                || {
                    let c = PALETTE[next % PALETTE.len()];
                    next += 1;
                    c.to_string()
                },
                |c| c.value.clone(),
            );
            (id.as_str(), color)
        })
        .collect()
}

/// The lines drawn inside the node with this index (in [`Map::nodes`]): its
/// label or wrapped text, then the sources it cites, the actors who hold it
/// (with status colours) and reject it, and its status in brackets.
pub(crate) fn node_lines(map: &Map, i: usize, options: &RenderOptions) -> Vec<String> {
    let node: &Node = &map.nodes[i];
    let mut lines = match &node.label {
        Some(label) => wrap(&label.value, options.wrap, 3),
        None => wrap(&node.text.value, options.wrap, 8),
    };
    if lines.is_empty() {
        lines.push(node.id.value.clone());
    }
    let mut cited: IndexMap<&str, usize> = IndexMap::new();
    for e in &node.evidence {
        *cited.entry(e.source.value.as_str()).or_default() += 1;
    }
    if !cited.is_empty() {
        let list: Vec<String> = cited
            .iter()
            .map(|(s, &n)| {
                if n > 1 {
                    format!("{s} ×{n}")
                } else {
                    (*s).to_string()
                }
            })
            .collect();
        lines.extend(wrap(&format!("[{}]", list.join(", ")), options.wrap, 3));
    }
    // With status colours, fills no longer say who holds a node.
    // The actors of a `held_by` or `rejected_by` list, by display name.
    let names = |refs: &[crate::model::Ref]| -> String {
        refs.iter()
            .map(|r| {
                map.actors
                    .get(&r.value)
                    .map_or(r.value.as_str(), |a| a.name.value.as_str())
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    if options.status.is_some() && !node.held_by.is_empty() {
        lines.extend(wrap(
            &format!("held by {}", names(&node.held_by)),
            options.wrap,
            2,
        ));
    }
    if !node.rejected_by.is_empty() {
        lines.extend(wrap(
            &format!("rejected by {}", names(&node.rejected_by)),
            options.wrap,
            2,
        ));
    }
    if let Some(l) = options.status_of(i) {
        lines.push(format!("[{}]", status_word(l)));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_spaces_and_marks_cuts() {
        assert_eq!(wrap("aa bb cc", 5, 9), ["aa bb", "cc"]);
        assert_eq!(wrap("  a\n b  ", 5, 9), ["a b"]);
        assert_eq!(wrap("verylongword x", 4, 9), ["verylongword", "x"]);
        assert_eq!(wrap("a b c d", 1, 2), ["a", "b…"]);
        assert!(wrap("", 5, 9).is_empty());
    }
}
