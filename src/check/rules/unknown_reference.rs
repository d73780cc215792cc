//! `E201 unknown-reference`: a reference to a node, relation, actor or
//! source that the map does not define.

use super::Context;
use crate::check::Code;
use crate::diagnostic::Diagnostic;
use crate::model::{Evidence, Ref, RelationKind};
use crate::suggestion::did_you_mean;

pub(super) fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let map = cx.map;
    let node_ids = || map.nodes.keys().map(String::as_str);
    let relation_ids = || cx.graph.named.keys().map(String::as_str);
    let unknown = |r: &Ref, what: &str, help: Option<String>| {
        Diagnostic::new(
            Code::UnknownReference,
            r.span,
            format!("unknown {what} `{}`", r.value),
        )
        .with_label(format!("no {what} has this id"))
        .with_help_opt(help)
    };
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
            let target = &rel.target;
            if target.value.is_empty() || map.nodes.contains_key(&target.value) {
                continue;
            }
            if cx.graph.named.contains_key(&target.value) {
                // A relation id: allowed for `undercuts`, a kind error otherwise.
                continue;
            }
            let help = if rel.kind == RelationKind::Undercuts {
                did_you_mean(&target.value, node_ids().chain(relation_ids()))
            } else {
                did_you_mean(&target.value, node_ids())
            };
            let what = if rel.kind == RelationKind::Undercuts {
                "node or relation"
            } else {
                "node"
            };
            out.push(unknown(target, what, help));
        }
        for r in node.premises.iter().chain(node.conclusion.as_ref()) {
            if !map.nodes.contains_key(&r.value) {
                out.push(unknown(r, "node", did_you_mean(&r.value, node_ids())));
            }
        }
    }
}
