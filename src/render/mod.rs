//! Drawing maps: DOT text built with graphviz-rust, and SVG, PNG or PDF by
//! running Graphviz's `dot`, with a pure-Rust SVG layout when Graphviz is
//! missing.
//!
//! Everything the drawing shows is decided here and in [`dot`]: shapes per
//! node kind, fill colour per actor, edge style per relation. Output is
//! deterministic: nodes and edges appear in map order.

mod colour;
mod dot;
mod fallback;
mod focus;
mod graphviz;
mod mermaid;

use std::fmt;

pub use colour::{AA_CONTRAST, Rgb, contrast, text_on};
pub use dot::{dot, write_dot};
pub use fallback::fallback_svg;
pub use focus::{NoSuchNode, focus, neighbourhood, restrict};
pub use graphviz::{DotProgram, Drawing, Fit, Svg, draw, run_dot, svg};
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
    /// Bottom to top: supporting claims below what they support.
    BT,
    /// Left to right.
    LR,
    /// Right to left: the questions and main claims on the left, where
    /// reading starts, their reasons to the right (default: argument maps
    /// have many nodes per rank and few ranks, so this fits landscape
    /// pages and screens).
    #[default]
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
    /// One cluster per quoted passage: the source and locator (`at:`) of
    /// each node's first evidence, so that claims quoting the same
    /// paragraph sit in one box labelled with the source and locator.
    Source,
    /// One cluster per `group:` written on nodes (hand-made groups).
    Group,
}

/// Paper sizes for `--page`, and for the printed report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// ISO A3, 297 × 420 mm.
    A3,
    /// US Letter, 8.5 × 11 in.
    Letter,
    /// US Legal, 8.5 × 14 in.
    Legal,
}

impl Paper {
    /// Width and height in portrait, in points (1/72 in).
    pub fn portrait_pt(self) -> (f64, f64) {
        match self {
            Paper::A4 => (595.0, 842.0),
            Paper::A3 => (842.0, 1191.0),
            Paper::Letter => (612.0, 792.0),
            Paper::Legal => (612.0, 1008.0),
        }
    }

    /// The name, as `--page` takes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::A3 => "A3",
            Paper::Letter => "Letter",
            Paper::Legal => "Legal",
        }
    }
}

/// Which way up the page is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Orientation {
    /// Whichever of the two lets the drawing be larger (landscape on a
    /// tie) (default).
    #[default]
    Auto,
    /// Taller than wide.
    Portrait,
    /// Wider than tall.
    Landscape,
}

/// A page to fit the drawing on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Page {
    /// The paper.
    pub paper: Paper,
    /// Which way up.
    pub orientation: Orientation,
    /// The margin on every side, in points.
    pub margin_pt: f64,
}

impl Page {
    /// The page in this orientation: width and height in points.
    pub fn size_pt(&self, landscape: bool) -> (f64, f64) {
        let (w, h) = self.paper.portrait_pt();
        if landscape { (h, w) } else { (w, h) }
    }
}

/// How large the drawing is.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Size {
    /// As Graphviz lays it out: node text at its font size (default).
    #[default]
    Natural,
    /// Scaled down (never up) to fit the page's printable area, and centred
    /// on a page of that size (PDF, SVG and PNG).
    Page(Page),
    /// Scaled, up or down, to fit a box of this width and/or height in
    /// points, keeping the proportions.
    Box {
        /// The width, in points.
        width_pt: Option<f64>,
        /// The height, in points.
        height_pt: Option<f64>,
    },
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
    /// The node font size in points, before any scaling.
    pub font_size: f64,
    /// The size of the drawing: natural, fitted to a page or to a box.
    pub size: Size,
    /// The smallest node text, in points after scaling, that a fitted
    /// drawing may have; a map that cannot fit at this size is refused
    /// ([`crate::ErrorKind::DoesNotFit`]). 0 for no minimum.
    pub min_font_pt: f64,
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
    /// What "accepted" means under the semantics evaluated, for the
    /// legend ([`crate::semantics::accepted_means`]).
    pub accepted_means: &'static str,
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
            accepted_means: crate::semantics::ACCEPTED_MEANS,
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
        let mut colours = StatusColours::new(evaluation.framework(), labels, caption);
        colours.accepted_means = crate::semantics::accepted_means(evaluation.semantics());
        Some(colours)
    }

    /// The label of a relation, if it was undercut and evaluated.
    pub(crate) fn relation(&self, node: usize, position: usize) -> Option<crate::semantics::Label> {
        self.relations
            .iter()
            .find(|(k, _)| *k == (node, position))
            .map(|&(_, l)| l)
    }
}

/// Fill colours of the statuses: accepted, rejected, undecided (Paul
/// Tol's light blue, orange and yellow, apart for colour-blind readers;
/// the status is also written in the node).
pub(crate) fn status_fill(label: crate::semantics::Label) -> &'static str {
    match label {
        crate::semantics::Label::In => colour::ACCEPTED_FILL,
        crate::semantics::Label::Out => colour::REJECTED_FILL,
        crate::semantics::Label::Undecided => colour::UNDECIDED_FILL,
    }
}

/// The word shown in a node and in the legend for a status: the one text
/// of [`crate::semantics::Status`], so that every output says the same.
pub(crate) fn status_word(label: crate::semantics::Label) -> String {
    crate::semantics::word(label).to_string()
}

/// Every fill a node or chip of this map can get, each with the text
/// colour drawn on it: the plain fill, the status fills and each actor's
/// chip colour (`None` for an actor colour that cannot be read, whose chip
/// is then drawn white with a coloured border). For checking contrast.
pub fn fills_and_text(map: &Map) -> Vec<(String, Option<(Rgb, Rgb)>)> {
    let mut out: Vec<(String, Option<(Rgb, Rgb)>)> = Vec::new();
    let mut push = |c: &str| {
        out.push((c.to_string(), Rgb::parse(c).map(|f| (f, text_on(f)))));
    };
    push(colour::PLAIN_FILL);
    for l in [
        crate::semantics::Label::In,
        crate::semantics::Label::Out,
        crate::semantics::Label::Undecided,
    ] {
        push(status_fill(l));
    }
    for c in actor_colors(map).values() {
        push(c);
    }
    out
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            rankdir: RankDir::RL,
            group_by: GroupBy::None,
            legend: true,
            wrap: 28,
            status: None,
            links: false,
            layout: Layout::Dot,
            font_size: 14.0,
            size: Size::Natural,
            min_font_pt: 7.0,
        }
    }
}

use colour::PALETTE;

/// Wraps text into lines of at most `width` characters at spaces (a longer
/// word stays whole), keeping at most `max_lines` lines and marking a cut
/// with `…`.
pub(crate) fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    // ASCII text without a vertical tab (which only Unicode counts as a
    // space) breaks at the same places split either way, and its length in
    // characters is its length in bytes: a large map's labels are nearly
    // all such text.
    if text.is_ascii() && !text.as_bytes().contains(&0x0b) {
        wrap_words(text.split_ascii_whitespace(), str::len, width, max_lines)
    } else {
        wrap_words(
            text.split_whitespace(),
            |w| w.chars().count(),
            width,
            max_lines,
        )
    }
}

/// [`wrap`] of these words, `length` counting a word's characters.
fn wrap_words<'t>(
    words: impl Iterator<Item = &'t str>,
    length: impl Fn(&str) -> usize,
    width: usize,
    max_lines: usize,
) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    // The line's length in characters, kept as it grows.
    let mut chars = 0;
    for word in words {
        let len = length(word);
        if !line.is_empty() && chars + 1 + len > width {
            lines.push(std::mem::take(&mut line));
            chars = 0;
        }
        if !line.is_empty() {
            line.push(' ');
            chars += 1;
        }
        line.push_str(word);
        chars += len;
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
                |c| c.value.to_string(),
            );
            (id.as_str(), color)
        })
        .collect()
}

/// What a node is to the drawing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// A main claim: it answers a question, or it is a conclusion that
    /// gives no reason for anything (only reasons point at it).
    Main,
    /// A question.
    Question,
    /// Any other node.
    Other,
}

/// The role of each node of a map, by index in [`Map::nodes`], from the
/// graph's resolved edges (no id is looked up again).
pub(crate) fn roles(graph: &crate::graph::ArgGraph) -> Vec<Role> {
    use crate::graph::EdgeKind;
    use crate::model::{NodeKind, RelationKind};
    use petgraph::visit::EdgeRef as _;
    let map = graph.map();
    let mut targeted = vec![false; map.nodes.len()];
    let mut premise = vec![false; map.nodes.len()];
    for e in graph.petgraph().edge_references() {
        match e.weight().kind {
            EdgeKind::Relation(RelationKind::Contradicts) => {}
            EdgeKind::Relation(_) | EdgeKind::Conclusion => targeted[e.target().index()] = true,
            // A premise edge runs from the premise to its argument.
            EdgeKind::Premise => premise[e.source().index()] = true,
        }
    }
    map.nodes
        .values()
        .enumerate()
        .map(|(i, node)| match node.kind {
            NodeKind::Question => Role::Question,
            NodeKind::Argument => Role::Other,
            NodeKind::Claim => {
                let answers = node
                    .relations
                    .iter()
                    .any(|r| r.kind == RelationKind::Answers);
                let gives_reasons = node
                    .relations
                    .iter()
                    .any(|r| r.kind != RelationKind::Contradicts)
                    || premise[i];
                if answers || (!gives_reasons && targeted[i]) {
                    Role::Main
                } else {
                    Role::Other
                }
            }
        })
        .collect()
}

/// What a node shows, in parts, for every back end to lay out its own way.
pub(crate) struct NodeLabel {
    /// The label, or the wrapped text.
    pub(crate) text: Vec<String>,
    /// The sources it cites, wrapped: `[a ×2, b]`.
    pub(crate) cited: Vec<String>,
    /// Its holders: the short name and chip colour of each.
    pub(crate) holders: Vec<(String, String)>,
    /// Who rejects it: the short name and colour of each.
    pub(crate) rejected: Vec<(String, String)>,
    /// Its status word, when nodes are coloured by status.
    pub(crate) status: Option<String>,
}

/// An actor's name as a chip shows it: the name without a trailing
/// parenthesis ("War on the Rocks (analysis)" → "War on the Rocks"); when
/// that is longer than 18 characters, the part before its first comma if
/// short enough, else the name cut at 18 characters with "…".
pub(crate) fn short_name(actor: &crate::model::Actor) -> String {
    let name = crate::text::without_closing_parenthesis(&actor.name.value);
    if name.chars().count() <= 18 {
        return name.to_string();
    }
    // "D. Morrison, Labour Affairs" → "D. Morrison"; else the name cut
    // short, so that a chip always shows a name, never an id.
    match name.split_once(", ") {
        Some((head, _)) if !head.is_empty() && head.chars().count() <= 18 => head.to_string(),
        _ => crate::text::truncate(name, 18),
    }
}

/// The sources a node cites, on one line of at most about `width`
/// characters: `[a, b +2]` names as many as fit and counts the rest (the
/// report and `argmap check` list them all).
fn one_line(list: &[String], width: usize) -> String {
    let mut shown: Vec<&str> = Vec::new();
    let mut len = 2;
    for (k, item) in list.iter().enumerate() {
        let rest = list.len() - k - 1;
        let more = if rest > 0 { 4 } else { 0 };
        let add = item.chars().count() + if shown.is_empty() { 0 } else { 2 };
        if !shown.is_empty() && len + add + more > width {
            break;
        }
        shown.push(item);
        len += add;
    }
    let hidden = list.len() - shown.len();
    if hidden == 0 {
        format!("[{}]", shown.join(", "))
    } else {
        format!("[{} +{hidden}]", shown.join(", "))
    }
}

/// The parts of the node with this index (in [`Map::nodes`]); its holders
/// and rejecters only with `chips` (DOT makes each actor's chips once).
pub(crate) fn node_label(
    map: &Map,
    colors: &IndexMap<&str, String>,
    i: usize,
    options: &RenderOptions,
    chips: bool,
) -> NodeLabel {
    let node: &Node = &map.nodes[i];
    // A hexagon is wider than its text by half its height on each side:
    // questions wrap narrower, so that they take no more width than a claim.
    let width = if node.kind == crate::model::NodeKind::Question {
        (options.wrap * 2 / 3).max(8)
    } else {
        options.wrap
    };
    let mut text = match &node.label {
        Some(label) => wrap(&label.value, width, 4),
        None => wrap(&node.text.value, width, 8),
    };
    if text.is_empty() {
        text.push(node.id.value.to_string());
    }
    let mut cited: IndexMap<&str, usize> = IndexMap::new();
    for e in &node.evidence {
        *cited.entry(e.source.value.as_str()).or_default() += 1;
    }
    let cited = if cited.is_empty() {
        Vec::new()
    } else {
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
        // The status word shares this line.
        let status = options
            .status_of(i)
            .map_or(0, |l| status_word(l).chars().count() + 1);
        vec![one_line(&list, width.saturating_sub(status).max(8))]
    };
    // Each actor named in a list as its chip: short name and colour.
    let chips_of = |refs: &[crate::model::Ref]| {
        if !chips {
            return Vec::new();
        }
        refs.iter()
            .filter_map(|r| {
                let actor = map.actors.get(&r.value)?;
                Some((short_name(actor), colors.get(r.value.as_str())?.clone()))
            })
            .collect()
    };
    let holders = chips_of(&node.held_by);
    let rejected = chips_of(&node.rejected_by);
    NodeLabel {
        text,
        cited,
        holders,
        rejected,
        status: options.status_of(i).map(status_word),
    }
}

/// The lines drawn inside the node with this index (in [`Map::nodes`]), for
/// back ends with plain-text labels: its label or wrapped text, the sources
/// it cites, who holds and who rejects it, and its status in brackets.
pub(crate) fn node_lines(map: &Map, i: usize, options: &RenderOptions) -> Vec<String> {
    let colors = actor_colors(map);
    let parts = node_label(map, &colors, i, options, true);
    let mut lines = parts.text;
    lines.extend(parts.cited);
    if !parts.holders.is_empty() {
        let names: Vec<&str> = parts.holders.iter().map(|(n, _)| n.as_str()).collect();
        lines.extend(wrap(
            &format!("held by {}", names.join(", ")),
            options.wrap,
            2,
        ));
    }
    if !parts.rejected.is_empty() {
        let names: Vec<&str> = parts.rejected.iter().map(|(n, _)| n.as_str()).collect();
        lines.extend(wrap(
            &format!("rejected by {}", names.join(", ")),
            options.wrap,
            2,
        ));
    }
    if let Some(s) = parts.status {
        lines.push(format!("[{s}]"));
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
        // Unicode spaces and characters as ASCII ones and bytes.
        assert_eq!(wrap("éé\u{a0}bb\u{0b}cc dd", 5, 9), ["éé bb", "cc dd"]);
        assert_eq!(wrap("aa\u{0b}bb", 5, 9), ["aa bb"]);
        assert_eq!(wrap("ééé ééé", 6, 9), ["ééé", "ééé"]);
    }
}
