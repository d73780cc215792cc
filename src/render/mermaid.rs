//! Map → Mermaid flowchart, which GitHub and GitLab render inside Markdown.
//!
//! Node ids become `n0`, `n1`, … (Mermaid reads `-` in an id as part of an
//! arrow), and every label goes through [`label`], which writes Mermaid's
//! entity codes for the characters it reads specially, so no map text can
//! end a label or start a directive.

use std::fmt::Write as _;

use petgraph::visit::EdgeRef;

use super::colour::PLAIN_FILL;
use super::{RenderOptions, Rgb, actor_colors, node_label, status_fill, status_word, text_on};
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
    let roles = super::roles(graph);
    for (i, node) in map.nodes.values().enumerate() {
        let parts = node_label(map, &colors, i, options, true);
        let mut lines: Vec<String> = parts.text.iter().map(|l| label(l)).collect();
        if roles[i] == super::Role::Main {
            lines = lines.into_iter().map(|l| format!("<b>{l}</b>")).collect();
        }
        lines.extend(parts.cited.iter().map(|l| format!("<i>{}</i>", label(l))));
        // Holders as chips: spans filled with the actor's colour (the
        // names stay readable where a viewer drops the style).
        let chips: Vec<(usize, String)> = parts
            .holders
            .iter()
            .map(|(name, colour)| (name.chars().count(), chip(name, colour, false)))
            .chain(
                parts
                    .rejected
                    .iter()
                    .map(|(name, colour)| (name.chars().count() + 2, chip(name, colour, true))),
            )
            .collect();
        // In lines about as wide as the text, as in the DOT drawing.
        let mut line = String::new();
        let mut width = 0;
        for (len, c) in chips {
            if width > 0 && width + len + 1 > (options.wrap + 6).max(len) {
                lines.push(std::mem::take(&mut line));
                width = 0;
            }
            if width > 0 {
                line.push(' ');
            }
            width += len + 1;
            line.push_str(&c);
        }
        if !line.is_empty() {
            lines.push(line);
        }
        if let Some(status) = &parts.status {
            lines.push(format!("<b>{}</b>", label(status)));
        }
        let text = lines.join("<br>");
        let (open, close) = match node.kind {
            NodeKind::Claim => ("(\"", "\")"),
            NodeKind::Argument => ("([\"", "\"])"),
            NodeKind::Question => ("{{\"", "\"}}"),
        };
        let _ = writeln!(s, "  n{i}{open}{text}{close}");
        let fill = match options.status_of(i) {
            Some(l) if options.status.is_some() => status_fill(l),
            _ => PLAIN_FILL,
        };
        let ink = Rgb::parse(fill).map_or(Rgb(0, 0, 0), text_on).hex();
        let width = if roles[i] == super::Role::Other {
            "1px"
        } else {
            "3px"
        };
        let _ = writeln!(
            s,
            "  style n{i} fill:{fill},stroke:#333,stroke-width:{width},color:{ink}"
        );
    }
    if options.legend {
        legend(&mut s, map, &colors, options);
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

/// A holder's chip in a label: the name in a span filled with the actor's
/// colour, in black or white for contrast; for an actor who rejects the
/// node, a cross and the name in a span with a border of that colour. A
/// colour that cannot be read only colours the border. Mermaid's entity
/// codes stand for `;` so that the style cannot end the statement.
fn chip(name: &str, colour: &str, rejects: bool) -> String {
    let rgb = Rgb::parse(colour);
    let css = |c: Rgb| format!("rgb({},{},{})", c.0, c.1, c.2);
    let style = match (rgb, rejects) {
        (Some(c), false) => format!(
            "background-color:{}#59;color:{}#59;padding:0 3px#59;white-space:nowrap",
            css(c),
            css(text_on(c))
        ),
        (Some(c), true) => format!(
            "border:2px solid {}#59;background-color:#35;FFFFFF#59;color:#35;000000#59;padding:0 3px#59;white-space:nowrap",
            css(c)
        ),
        (None, _) => "border:2px solid grey#59;background-color:white#59;color:black#59;padding:0 3px#59;white-space:nowrap".to_string(),
    };
    let name = if rejects {
        format!("✗ {name}")
    } else {
        name.to_string()
    };
    format!("<span style='{style}'>{}</span>", label(&name))
}

/// The legend: a subgraph of its own, unlinked, with a node per shape,
/// holder and status, and one listing the relations.
fn legend(
    s: &mut String,
    map: &crate::model::Map,
    colors: &indexmap::IndexMap<&str, String>,
    options: &RenderOptions,
) {
    let _ = writeln!(s, "  subgraph legend[\"Legend\"]");
    let _ = writeln!(s, "    direction TB");
    let mut kinds: Vec<NodeKind> = map.nodes.values().map(|n| n.kind).collect();
    kinds.sort();
    kinds.dedup();
    for (k, kind) in kinds.iter().enumerate() {
        let (open, close) = match kind {
            NodeKind::Claim => ("(\"", "\")"),
            NodeKind::Argument => ("([\"", "\"])"),
            NodeKind::Question => ("{{\"", "\"}}"),
        };
        let _ = writeln!(s, "    legend_k{k}{open}{}{close}", kind.as_str());
    }
    let mut holders = Vec::new();
    for (id, colour) in colors {
        if !map
            .nodes
            .values()
            .any(|n| n.held_by.iter().any(|h| h.value == *id))
        {
            continue;
        }
        if let Some(actor) = map.actors.get(*id) {
            holders.push(chip(&actor.name.value, colour, false));
        }
    }
    if !holders.is_empty() {
        let _ = writeln!(s, "    legend_h[\"held by: {}\"]", holders.join(" "));
    }
    if let Some(status) = &options.status {
        let chips: Vec<String> = [
            crate::semantics::Label::In,
            crate::semantics::Label::Out,
            crate::semantics::Label::Undecided,
        ]
        .iter()
        .map(|&l| chip(&status_word(l), status_fill(l), false))
        .collect();
        let _ = writeln!(
            s,
            "    legend_s[\"{}: {} ({})\"]",
            label(&status.caption),
            chips.join(" "),
            label(status.accepted_means)
        );
    }
    let _ = writeln!(
        s,
        "    legend_r[\"{}\"]",
        label(
            "--> supports · --x attacks · -.-x undercuts · x--x contradicts · -.-> answers · ==> conclusion"
        )
    );
    let _ = writeln!(s, "  end");
    let _ = writeln!(s, "  style legend fill:#FFFFFF,stroke:#999999");
    let _ = writeln!(
        s,
        "  classDef legendEntry fill:#FFFFFF,stroke:#999999,color:#000000"
    );
    let mut entries: Vec<String> = (0..kinds.len()).map(|k| format!("legend_k{k}")).collect();
    if !holders.is_empty() {
        entries.push("legend_h".into());
    }
    if options.status.is_some() {
        entries.push("legend_s".into());
    }
    entries.push("legend_r".into());
    let _ = writeln!(s, "  class {} legendEntry", entries.join(","));
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
