//! `E201 unknown-reference`: a reference to a node, relation, actor or
//! source that the map does not define.
//!
//! Node references were resolved when the graph was built; this rule reports
//! the ones that were not, and looks actors and sources up itself.

use super::Context;
use crate::check::Code;
use crate::diagnostic::Diagnostic;
use crate::graph::{EdgeKind, edge_span};
use crate::model::{Evidence, Ref, RelationKind};
use crate::suggestion::did_you_mean;

fn unknown(r: &Ref, what: &str, help: Option<String>) -> Diagnostic {
    Diagnostic::new(
        Code::UnknownReference,
        r.span,
        format!("unknown {what} `{}`", r.value),
    )
    .with_label(format!("no {what} has this id"))
    .with_help_opt(help)
}

pub(super) fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let map = cx.map;
    let evidence = |ev: &[Evidence], out: &mut Vec<Diagnostic>| {
        for e in ev.iter().filter(|e| !e.source.value.is_empty()) {
            if !map.sources.contains_key(&e.source.value) {
                let help = did_you_mean(&e.source.value, map.sources.keys().map(String::as_str))
                    .or_else(|| Some("define it under `sources:`".into()));
                out.push(unknown(&e.source, "source", help));
            }
        }
    };
    for node in map.nodes.values() {
        for actor in node.held_by.iter().chain(&node.rejected_by) {
            if !map.actors.contains_key(&actor.value) {
                let help = did_you_mean(&actor.value, map.actors.keys().map(String::as_str))
                    .or_else(|| Some("define it under `actors:`".into()));
                out.push(unknown(actor, "actor", help));
            }
        }
        evidence(&node.evidence, out);
        for rel in &node.relations {
            evidence(&rel.evidence, out);
        }
    }
    let node_ids = || map.nodes.keys().map(String::as_str);
    for &data in &cx.graph.unresolved {
        let node = &map.nodes[data.written_on];
        let r = match data.kind {
            EdgeKind::Relation(_) => &node.relations[data.position].target,
            EdgeKind::Premise => &node.premises[data.position],
            EdgeKind::Conclusion => match &node.conclusion {
                Some(c) => c,
                None => continue,
            },
        };
        if r.value.is_empty() {
            continue; // a missing `to:`, reported by the loader
        }
        debug_assert_eq!(r.span, edge_span(map, data));
        let d = if data.kind == EdgeKind::Relation(RelationKind::Undercuts) {
            let relation_ids = cx.graph.named.keys().map(String::as_str);
            unknown(
                r,
                "node or relation",
                did_you_mean(&r.value, node_ids().chain(relation_ids)),
            )
        } else {
            unknown(r, "node", did_you_mean(&r.value, node_ids()))
        };
        out.push(d);
    }
}
