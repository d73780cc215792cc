//! `F501 conflicting-commitments`, `F502 held-and-rejected`, `F503
//! rejected-premise`: where an actor's commitments pull against each other.
//!
//! An actor's commitments are the nodes whose `held_by` names them; the
//! nodes whose `rejected_by` names them are what they deny.

use super::Context;
use crate::diagnostic::{Code, Diagnostic};
use crate::graph::EdgeKind;
use crate::model::{Node, NodeKind, Ref, RelationKind};

fn entry<'a>(list: &'a [Ref], actor: &str) -> Option<&'a Ref> {
    list.iter().find(|r| r.value == actor)
}

pub(super) fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let map = cx.map;
    let g = &cx.graph.graph;
    let on = |code| cx.options.enabled(code);
    if on(Code::HeldAndRejected) {
        for node in map.nodes.values() {
            for held in &node.held_by {
                if let Some(rejected) = entry(&node.rejected_by, &held.value) {
                    out.push(
                        Diagnostic::new(
                            Code::HeldAndRejected,
                            rejected.span,
                            format!(
                                "`{}` both holds and rejects `{}`",
                                held.value, node.id.value
                            ),
                        )
                        .with_label("rejected here")
                        .with_subject(&held.value, &[&node.id.value])
                        .with_secondary(held.span, "held here")
                        .with_help("keep one, or split the node into the two positions"),
                    );
                }
            }
        }
    }
    if on(Code::ConflictingCommitments) {
        // Each node's holders as a set of actor indices, when there are few
        // enough actors for a bit each: most attacks join nodes no actor
        // holds both ends of, and the sets say so without visiting the
        // target node.
        // The top bit stands for holders not in `actors:` (an unknown
        // reference, which is an error): such a node is compared in full.
        const UNKNOWN: u64 = 1 << 63;
        let holders: Option<Vec<u64>> = (map.actors.len() < 64).then(|| {
            map.nodes
                .values()
                .map(|n| {
                    n.held_by.iter().fold(0u64, |set, h| {
                        set | map
                            .actors
                            .get_index_of(h.value.as_str())
                            .map_or(UNKNOWN, |k| 1 << k)
                    })
                })
                .collect()
        });
        for e in g.edge_indices() {
            let data = g[e];
            let verb = match data.kind {
                EdgeKind::Relation(RelationKind::Attacks) => "attacks",
                EdgeKind::Relation(RelationKind::Undercuts) => "undercuts",
                EdgeKind::Relation(RelationKind::Contradicts) => "contradicts",
                _ => continue,
            };
            let Some((a, b)) = g.edge_endpoints(e) else {
                continue;
            };
            if a == b {
                continue;
            }
            if let Some(sets) = &holders
                && sets[g[a]] & (sets[g[b]] | UNKNOWN) == 0
            {
                continue;
            }
            let (from, to) = (cx.graph.node(a), cx.graph.node(b));
            for held in &from.held_by {
                let Some(other) = entry(&to.held_by, &held.value) else {
                    continue;
                };
                out.push(
                    Diagnostic::new(
                        Code::ConflictingCommitments,
                        cx.graph.edge_span(data),
                        format!(
                            "`{}` holds both `{}` and `{}`, and `{}` {verb} `{}`",
                            held.value, from.id.value, to.id.value, from.id.value, to.id.value
                        ),
                    )
                    .with_label(format!("`{}` {verb} `{}`", from.id.value, to.id.value))
                    .with_subject(&held.value, &[&from.id.value, &to.id.value])
                    .with_secondary(held.span, format!("`{}` holds `{}`", held.value, from.id.value))
                    .with_secondary(other.span, format!("`{}` holds `{}`", held.value, to.id.value))
                    .with_help("if this is the actor's real position, it is a tension worth reporting; if not, fix the attribution"),
                );
            }
        }
    }
    if on(Code::RejectedPremise) {
        for argument in map.nodes.values() {
            if argument.kind != NodeKind::Argument {
                continue;
            }
            let conclusion: Option<&Node> = argument
                .conclusion
                .as_ref()
                .and_then(|c| map.nodes.get(&c.value));
            for premise in argument
                .premises
                .iter()
                .filter_map(|p| map.nodes.get(&p.value))
            {
                for rejected in &premise.rejected_by {
                    let actor = &rejected.value;
                    // Holding the argument, or its conclusion.
                    let holds = entry(&argument.held_by, actor)
                        .map(|r| (r, &argument.id.value, "the argument"))
                        .or_else(|| {
                            conclusion.and_then(|c| {
                                entry(&c.held_by, actor).map(|r| (r, &c.id.value, "its conclusion"))
                            })
                        });
                    let Some((held, what, role)) = holds else {
                        continue;
                    };
                    let chain = match conclusion {
                        Some(c) => format!(
                            "{} → {} → {}",
                            premise.id.value, argument.id.value, c.id.value
                        ),
                        None => format!("{} → {}", premise.id.value, argument.id.value),
                    };
                    out.push(
                        Diagnostic::new(
                            Code::RejectedPremise,
                            rejected.span,
                            format!(
                                "`{actor}` rejects `{}`, a premise of `{}`, but holds `{what}` ({role})",
                                premise.id.value, argument.id.value
                            ),
                        )
                        .with_label("rejected here")
                        .with_subject(actor, &[&premise.id.value, &argument.id.value, what])
                        .with_secondary(held.span, format!("`{actor}` holds `{what}`"))
                        .with_help(format!("the chain: {chain}")),
                    );
                }
            }
        }
    }
}
