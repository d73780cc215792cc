//! `E201 unknown-reference`: a reference to a node, relation, actor or
//! source that the map does not define.
//!
//! Node references were resolved when the graph was built; this rule reports
//! the ones that were not, and looks actors and sources up itself.

use super::Context;
use crate::diagnostic::{Code, Diagnostic};
use crate::graph::EdgeKind;
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

/// Most candidate comparisons spent on "did you mean" per map: a map with
/// thousands of dangling references among a million ids still checks in
/// linear time; past the budget, references are reported without a
/// suggestion.
const SUGGESTION_BUDGET: usize = 2_000_000;

/// Whether a search over `cost` candidates still fits the budget (and
/// spends it).
fn afford(budget: &mut usize, cost: usize) -> bool {
    let ok = *budget >= cost;
    *budget = budget.saturating_sub(cost);
    ok
}

pub(super) fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let map = cx.map;
    let mut budget = SUGGESTION_BUDGET;
    let evidence = |ev: &[Evidence], budget: &mut usize, out: &mut Vec<Diagnostic>| {
        for e in ev.iter().filter(|e| !e.source.value.is_empty()) {
            if !map.sources.contains_key(&e.source.value) {
                let help = afford(budget, map.sources.len())
                    .then(|| {
                        did_you_mean(
                            &e.source.value,
                            map.sources.keys().map(compact_str::CompactString::as_str),
                        )
                    })
                    .flatten()
                    .or_else(|| Some("define it under `sources:`".into()));
                out.push(unknown(&e.source, "source", help));
            }
        }
    };
    for node in map.nodes.values() {
        for actor in node.held_by.iter().chain(&node.rejected_by) {
            if !map.actors.contains_key(&actor.value) {
                let help = afford(&mut budget, map.actors.len())
                    .then(|| {
                        did_you_mean(
                            &actor.value,
                            map.actors.keys().map(compact_str::CompactString::as_str),
                        )
                    })
                    .flatten()
                    .or_else(|| Some("define it under `actors:`".into()));
                out.push(unknown(actor, "actor", help));
            }
        }
        evidence(&node.evidence, &mut budget, out);
        for rel in &node.relations {
            evidence(&rel.evidence, &mut budget, out);
        }
    }
    let node_ids = || map.nodes.keys().map(compact_str::CompactString::as_str);
    for &data in &cx.graph.unresolved {
        let Some(r) = cx.graph.edge_ref(data) else {
            continue;
        };
        if r.value.is_empty() {
            continue; // a missing `to:`, reported by the loader
        }
        let affordable = afford(&mut budget, map.nodes.len() + cx.graph.named.len());
        let d = if data.kind == EdgeKind::Relation(RelationKind::Undercuts) {
            let relation_ids = cx
                .graph
                .named
                .keys()
                .map(compact_str::CompactString::as_str);
            let help = affordable
                .then(|| did_you_mean(&r.value, node_ids().chain(relation_ids)))
                .flatten();
            unknown(r, "node or relation", help)
        } else {
            let help = affordable
                .then(|| did_you_mean(&r.value, node_ids()))
                .flatten();
            unknown(r, "node", help)
        };
        out.push(d);
    }
}
