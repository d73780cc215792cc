//! Map → Mermaid flowchart, which GitHub and GitLab render inside Markdown.
//!
//! Node ids become `n0`, `n1`, … (Mermaid reads `-` in an id as part of an
//! arrow), and every label goes through [`label`], which writes Mermaid's
//! entity codes for the characters it reads specially, so no map text can
//! end a label or start a directive.

use std::fmt::Write as _;

use petgraph::visit::EdgeRef;

use super::{RenderOptions, actor_colors, node_lines, status_fill};
use crate::graph::{ArgGraph, EdgeKind};
use crate::model::{NodeKind, RelationKind};

/// Renders a checked map as a Mermaid `flowchart`.
pub fn mermaid(graph: &ArgGraph, options: &RenderOptions) -> String {
    let map = graph.map();
    let colors = actor_colors(map);
    let mut s = String::new();
    let dir = match options.rankdir {
        super::RankDir::TB => "TB",
        super::RankDir::BT => "BT",
        super::RankDir::LR => "LR",
        super::RankDir::RL => "RL",
    };
    let _ = writeln!(s, "flowchart {dir}");
    for (i, node) in map.nodes.values().enumerate() {
        let lines = node_lines(map, i, options);
        let status = options.status_of(i);
        let text = lines
            .iter()
            .map(|l| label(l))
            .collect::<Vec<_>>()
            .join("<br>");
        let (open, close) = match node.kind {
            NodeKind::Claim => ("(\"", "\")"),
            NodeKind::Argument => ("([\"", "\"])"),
            NodeKind::Question => ("{{\"", "\"}}"),
        };
        let _ = writeln!(s, "  n{i}{open}{text}{close}");
        let fill = match (&options.status, status) {
            (Some(_), Some(l)) => Some(status_fill(l).to_string()),
            (Some(_), None) => None,
            (None, _) => node
                .held_by
                .first()
                .and_then(|a| colors.get(a.value.as_str()))
                .cloned(),
        };
        // Only `#rrggbb` and plain colour names reach the style line.
        if let Some(fill) =
            fill.filter(|c| c.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '#'))
        {
            let _ = writeln!(s, "  style n{i} fill:{fill},stroke:#333,color:#000");
        }
    }
    let edges_of = &graph.graph;
    // Relations that something undercuts pass through a small circle,
    // which the undercut then targets.
    let mut points: Vec<(usize, usize)> = Vec::new();
    for u in &graph.relation_undercuts {
        if !points.iter().any(|&(e, _)| e == u.target.index()) {
            points.push((u.target.index(), points.len()));
        }
    }
    // Links are numbered in the order written; `linkStyle` colours them.
    let mut link = 0usize;
    let mut styles: Vec<(usize, &'static str)> = Vec::new();
    let mut edges: Vec<_> = edges_of.edge_references().collect();
    edges.sort_by_key(|e| (e.weight().written_on, e.weight().position, e.id().index()));
    for e in edges {
        let (from, to) = (e.source().index(), e.target().index());
        let data = e.weight();
        let text = match data.kind {
            EdgeKind::Relation(_) => map.nodes[data.written_on].relations[data.position]
                .label
                .as_ref()
                .map_or_else(String::new, |l| format!("|\"{}\"|", label(&l.value))),
            _ => String::new(),
        };
        let arrow = format!("{}{text}", arrow(data.kind));
        let color = color(data.kind);
        match points.iter().find(|&&(idx, _)| idx == e.id().index()) {
            Some(&(_, k)) => {
                let _ = writeln!(s, "  r{k}((\" \"))");
                let _ = writeln!(s, "  n{from} --- r{k}");
                let _ = writeln!(s, "  r{k} {arrow} n{to}");
                styles.push((link, color));
                styles.push((link + 1, color));
                link += 2;
            }
            None => {
                let _ = writeln!(s, "  n{from} {arrow} n{to}");
                styles.push((link, color));
                link += 1;
            }
        }
    }
    for u in &graph.relation_undercuts {
        if let Some(&(_, k)) = points.iter().find(|&&(idx, _)| idx == u.target.index()) {
            let _ = writeln!(s, "  n{} -.-x r{k}", u.from.index());
            styles.push((link, color(u.data.kind)));
            link += 1;
        }
    }
    for (i, color) in styles {
        let _ = writeln!(s, "  linkStyle {i} stroke:{color},color:{color}");
    }
    s
}

fn color(kind: EdgeKind) -> &'static str {
    match kind {
        EdgeKind::Relation(RelationKind::Attacks | RelationKind::Contradicts) => "#b2182b",
        EdgeKind::Relation(RelationKind::Undercuts) => "#762a83",
        EdgeKind::Relation(RelationKind::Answers) => "#555555",
        _ => "#1b7837",
    }
}

fn arrow(kind: EdgeKind) -> &'static str {
    match kind {
        EdgeKind::Relation(RelationKind::Supports) | EdgeKind::Premise => "-->",
        EdgeKind::Relation(RelationKind::Attacks) => "--x",
        EdgeKind::Relation(RelationKind::Undercuts) => "-.-x",
        EdgeKind::Relation(RelationKind::Contradicts) => "x--x",
        EdgeKind::Relation(RelationKind::Answers) => "-.->",
        EdgeKind::Conclusion => "==>",
    }
}

/// Text for inside a quoted Mermaid label: the characters Mermaid or its
/// HTML labels read specially as entity codes (`#quot;`, `#lt;`, …).
pub(crate) fn label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '`' => out.push_str("#96;"),
            '[' => out.push_str("#91;"),
            ']' => out.push_str("#93;"),
            '{' => out.push_str("#123;"),
            '}' => out.push_str("#125;"),
            '|' => out.push_str("#124;"),
            '%' => out.push_str("#37;"),
            ';' => out.push_str("#59;"),
            '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::label;

    #[test]
    fn labels_cannot_break_out() {
        assert_eq!(
            label("a \"b\" <script>#x</script> [c] {d} `e` |f| %% g;"),
            "a #quot;b#quot; #lt;script#gt;#35;x#lt;/script#gt; #91;c#93; #123;d#125; #96;e#96; #124;f#124; #37;#37; g#59;"
        );
    }
}
