//! `E201 unknown-reference`: a reference to a node, relation, actor or
//! source that the map does not define.
//!
//! Node references were resolved when the graph was built; this rule reports
//! the ones that were not, and looks actors and sources up itself.

use super::Context;
use crate::diagnostic::{Code, Diagnostic};
use crate::graph::EdgeKind;
use crate::model::{Evidence, Ref, RelationKind};
use crate::suggestion::closest;

/// The diagnostic for an unknown reference: with the closest id as its
/// help and its replacement when there is one, else `otherwise` as help.
fn unknown(r: &Ref, what: &str, suggestion: Option<&str>, otherwise: Option<&str>) -> Diagnostic {
    let d = Diagnostic::new(
        Code::UnknownReference,
        r.span,
        format!("unknown {what} `{}`", r.value),
    )
    .with_label(format!("no {what} has this id"));
    match suggestion {
        Some(id) => d
            .with_help(format!("did you mean `{id}`?"))
            .with_replacement(id),
        None => d.with_help_opt(otherwise.map(str::to_string)),
    }
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
                let suggestion = afford(budget, map.sources.len())
                    .then(|| {
                        closest(
                            &e.source.value,
                            map.sources.keys().map(compact_str::CompactString::as_str),
                        )
                    })
                    .flatten();
                out.push(unknown(
                    &e.source,
                    "source",
                    suggestion,
                    Some("define it under `sources:`"),
                ));
            }
        }
    };
    for node in map.nodes.values() {
        for actor in node.held_by.iter().chain(&node.rejected_by) {
            if !map.actors.contains_key(&actor.value) {
                let suggestion = afford(&mut budget, map.actors.len())
                    .then(|| {
                        closest(
                            &actor.value,
                            map.actors.keys().map(compact_str::CompactString::as_str),
                        )
                    })
                    .flatten();
                out.push(unknown(
                    actor,
                    "actor",
                    suggestion,
                    Some("define it under `actors:`"),
                ));
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
            let suggestion = affordable
                .then(|| closest(&r.value, node_ids().chain(relation_ids)))
                .flatten();
            unknown(r, "node or relation", suggestion, None)
        } else {
            let suggestion = affordable.then(|| closest(&r.value, node_ids())).flatten();
            unknown(r, "node", suggestion, None)
        };
        out.push(d);
    }
}
