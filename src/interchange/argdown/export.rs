//! Export: a checked [`Map`] as Argdown.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use crate::model::{Map, NodeKind, RelationKind};

/// Writes a checked map as Argdown.
///
/// Every node gets a unique title (its label, else its id); the importer
/// reads the result back to the same nodes, texts and relations.
pub fn export(map: &Map) -> String {
    let mut titles: HashMap<&str, String> = HashMap::new();
    let mut used: HashSet<String> = HashSet::new();
    for (id, node) in &map.nodes {
        let base = node
            .label
            .as_ref()
            .map_or(id.as_str(), |l| l.value.as_str());
        let mut title = clean_title(base);
        if title.is_empty() || used.contains(&title) {
            title = clean_title(&format!("{title} ({id})"));
        }
        let mut k = 2;
        let base = title.clone();
        while used.contains(&title) {
            title = format!("{base} {k}");
            k += 1;
        }
        used.insert(title.clone());
        titles.insert(id.as_str(), title);
    }
    let reference = |id: &str| -> String {
        let title = titles.get(id).cloned().unwrap_or_else(|| clean_title(id));
        match map.nodes.get(id).map(|n| n.kind) {
            Some(NodeKind::Argument) => format!("<{title}>"),
            _ => format!("[{title}]"),
        }
    };
    // Named relations: id → source node id.
    let mut named: HashMap<&str, &str> = HashMap::new();
    for (id, node) in &map.nodes {
        for r in &node.relations {
            if let Some(rid) = &r.id {
                named.insert(rid.value.as_str(), id.as_str());
            }
        }
    }
    let mut s = String::new();
    let title = map.title.as_ref().map_or("", |t| t.value.as_str());
    let _ = writeln!(s, "===");
    let _ = writeln!(s, "title: {}", crate::interchange::yaml_quote(title));
    if let Some(summary) = &map.summary {
        let _ = writeln!(
            s,
            "subTitle: {}",
            crate::interchange::yaml_quote(&summary.value)
        );
    }
    let _ = writeln!(s, "===");
    for (id, node) in &map.nodes {
        let _ = writeln!(s);
        let mut head = reference(id);
        head.push_str(": ");
        head.push_str(&escape(&node.text.value));
        for tag in &node.tags {
            let tag = tag.value.replace(['(', ')'], " ");
            let tag = tag.split_whitespace().collect::<Vec<_>>().join(" ");
            if !tag.is_empty() {
                let _ = write!(head, " #({tag})");
            }
        }
        if node.kind == NodeKind::Question {
            head.push_str(" {kind: question}");
        }
        let _ = writeln!(s, "{head}");
        for r in &node.relations {
            let target = r.target.value.as_str();
            let (symbol, shown) = match r.kind {
                RelationKind::Supports | RelationKind::Answers => ("+>", reference(target)),
                RelationKind::Attacks => ("->", reference(target)),
                RelationKind::Contradicts => ("><", reference(target)),
                RelationKind::Undercuts => match named.get(target) {
                    Some(source) => ("_>", reference(source)),
                    None => ("_>", reference(target)),
                },
            };
            let _ = write!(s, "  {symbol} {shown}");
            let mut comments = Vec::new();
            if let Some(source) = (r.kind == RelationKind::Undercuts)
                .then(|| named.get(target))
                .flatten()
            {
                comments.push(format!(
                    "undercuts the relation `{target}` of {}",
                    reference(source)
                ));
            }
            if r.kind == RelationKind::Answers {
                comments.push("answers".to_string());
            }
            if let Some(label) = &r.label {
                comments.push(format!("label: {}", one_line(&label.value)));
            }
            if !r.evidence.is_empty() {
                comments.push(format!("evidence: {}", evidence(&r.evidence)));
            }
            if comments.is_empty() {
                let _ = writeln!(s);
            } else {
                let _ = writeln!(s, " // {}", comments.join("; "));
            }
        }
        let mut extras = Vec::new();
        if !node.held_by.is_empty() {
            extras.push(format!("held by: {}", names(&node.held_by)));
        }
        if !node.rejected_by.is_empty() {
            extras.push(format!("rejected by: {}", names(&node.rejected_by)));
        }
        if !node.evidence.is_empty() {
            extras.push(format!("evidence: {}", evidence(&node.evidence)));
        }
        if let Some(note) = &node.note {
            extras.push(format!("note: {}", one_line(&note.value)));
        }
        for extra in extras {
            let _ = writeln!(s, "  // {extra}");
        }
        if node.kind == NodeKind::Argument {
            let _ = writeln!(s);
            let mut k = 1;
            for p in &node.premises {
                let _ = writeln!(s, "({k}) {}", reference(&p.value));
                k += 1;
            }
            let _ = writeln!(s, "----");
            if let Some(c) = &node.conclusion {
                let _ = writeln!(s, "({k}) {}", reference(&c.value));
            }
        }
    }
    s
}

/// A title Argdown reads back as written: one line, no brackets.
fn clean_title(title: &str) -> String {
    let title = title
        .replace(['[', '<', '{'], "(")
        .replace([']', '>', '}'], ")");
    let title = title.replace(['\\', '#'], " ").replace('/', "-");
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    title.trim_start_matches(['-', '@']).trim().to_string()
}

/// Text with Argdown's special characters escaped, on one line.
fn escape(text: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = one_line(text).chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let special = matches!(
            c,
            '\\' | '#' | '[' | ']' | '<' | '>' | '{' | '}' | '*' | '_' | '@'
        ) || c == '/' && matches!(chars.get(i + 1), Some('/' | '*'))
            || c == '/' && i > 0 && chars[i - 1] == '/';
        if special {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn names(refs: &[crate::model::Ref]) -> String {
    refs.iter()
        .map(|r| r.value.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn evidence(evidence: &[crate::model::Evidence]) -> String {
    evidence
        .iter()
        .map(|e| {
            let mut s = e.source.value.clone();
            if let Some(at) = &e.at {
                let _ = write!(s, " {}", one_line(&at.value));
            }
            if let Some(quote) = &e.quote {
                let _ = write!(s, " \"{}\"", one_line(&quote.value));
            }
            s
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// What [`export`] keeps only as `//` comments, which an import
/// does not read back, and what it leaves out.
pub fn left_out(map: &crate::Map) -> Vec<String> {
    let x = crate::interchange::Extras::of(map);
    let mut out = Vec::new();
    for (n, one, many) in [
        (
            x.commitments,
            "held_by/rejected_by entry",
            "held_by/rejected_by entries",
        ),
        (x.notes, "note", "notes"),
        (x.evidence, "evidence entry", "evidence entries"),
        (x.relation_labels, "relation label", "relation labels"),
    ] {
        if n > 0 {
            out.push(format!(
                "{} (kept as comments)",
                crate::interchange::count(n, one, many)
            ));
        }
    }
    if x.sources > 0 {
        out.push(crate::interchange::count(
            x.sources,
            "source's details",
            "sources' details",
        ));
    }
    if x.relation_ids > 0 {
        out.push(crate::interchange::count(
            x.relation_ids,
            "relation id",
            "relation ids",
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interchange::argdown::element::unescape;

    #[test]
    fn escape_and_unescape_are_inverse() {
        for text in ["a #b [c] <d> {e} *f* _g_ @h \\ // /* x/y", "plain"] {
            assert_eq!(unescape(&escape(text)), text);
        }
    }
}
