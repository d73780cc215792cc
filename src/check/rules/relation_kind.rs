//! `E202 relation-kind`: the type rules for relations between node kinds.

use super::Context;
use crate::diagnostic::{Code, Diagnostic};
use crate::graph::EdgeKind;
use crate::model::{NodeKind, RelationKind};

/// The kinds a relation may go from and to.
fn allowed(kind: EdgeKind) -> (&'static [NodeKind], &'static [NodeKind], &'static str) {
    use NodeKind::{Argument, Claim, Question};
    match kind {
        EdgeKind::Relation(RelationKind::Supports) => (
            &[Claim, Argument],
            &[Claim],
            "`supports` goes from a claim or argument to a claim",
        ),
        EdgeKind::Relation(RelationKind::Attacks) => (
            &[Claim, Argument],
            &[Claim, Argument],
            "`attacks` goes from a claim or argument to a claim or argument",
        ),
        EdgeKind::Relation(RelationKind::Undercuts) => (
            &[Claim, Argument],
            &[Argument],
            "`undercuts` attacks an inference: its target is an argument or a named relation; to deny a claim, use `attacks`",
        ),
        EdgeKind::Relation(RelationKind::Contradicts) => {
            (&[Claim], &[Claim], "`contradicts` joins two claims")
        }
        EdgeKind::Relation(RelationKind::Answers) => (
            &[Claim],
            &[Question],
            "`answers` goes from a claim to a question",
        ),
        EdgeKind::Premise => (&[Claim], &[Argument], "an argument's premises are claims"),
        EdgeKind::Conclusion => (&[Argument], &[Claim], "an argument's conclusion is a claim"),
    }
}

fn name(kind: EdgeKind) -> &'static str {
    match kind {
        EdgeKind::Relation(r) => r.as_str(),
        EdgeKind::Premise => "premises",
        EdgeKind::Conclusion => "conclusion",
    }
}

pub(super) fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let (map, g) = (cx.map, &cx.graph.graph);
    for e in g.edge_indices() {
        let data = g[e];
        let Some((a, b)) = g.edge_endpoints(e) else {
            continue;
        };
        if a == b {
            continue; // self-relation reports it
        }
        let (from, to) = (cx.graph.node(a), cx.graph.node(b));
        let (ok_from, ok_to, rule) = allowed(data.kind);
        if !ok_from.contains(&from.kind) {
            let span = cx.graph.edge_span(data);
            out.push(
                Diagnostic::new(
                    Code::RelationKind,
                    span,
                    format!(
                        "`{}` from {} `{}` is not allowed",
                        name(data.kind),
                        from.kind.as_str(),
                        from.id.value
                    ),
                )
                .with_label(format!("from {}", from.kind.with_article()))
                .with_secondary(
                    from.id.span,
                    format!("`{}` is {}", from.id.value, from.kind.with_article()),
                )
                .with_help(rule),
            );
        } else if !ok_to.contains(&to.kind) {
            let span = cx.graph.edge_span(data);
            let help = if to.kind == NodeKind::Question
                && data.kind != EdgeKind::Relation(RelationKind::Answers)
            {
                format!(
                    "{rule}; a question is answered: use `answers: {}`",
                    to.id.value
                )
            } else {
                rule.to_string()
            };
            out.push(
                Diagnostic::new(
                    Code::RelationKind,
                    span,
                    format!(
                        "`{}` cannot target {} `{}`",
                        name(data.kind),
                        to.kind.as_str(),
                        to.id.value
                    ),
                )
                .with_label(to.kind.with_article())
                .with_secondary(
                    to.id.span,
                    format!("`{}` is {}", to.id.value, to.kind.with_article()),
                )
                .with_help(help),
            );
        }
    }
    // Undercuts of named relations: the source kind, and only inferences.
    for u in &cx.graph.relation_undercuts {
        let target = g[u.target];
        if target.kind == EdgeKind::Relation(RelationKind::Answers) {
            let rel = &map.nodes[target.written_on].relations[target.position];
            let id = rel.id.as_ref().map_or("", |t| t.value.as_str());
            out.push(
                Diagnostic::new(
                    Code::RelationKind,
                    cx.graph.edge_span(u.data),
                    format!("`undercuts` cannot target `{id}`, an `answers` relation"),
                )
                .with_label("not an inference")
                .with_help(
                    "an answer is not an inference, so there is nothing to undercut; \
                     to dispute the answer, attack the claim that gives it",
                ),
            );
        }
        let from = cx.graph.node(u.from);
        if from.kind == NodeKind::Question {
            out.push(
                Diagnostic::new(
                    Code::RelationKind,
                    cx.graph.edge_span(u.data),
                    format!(
                        "`undercuts` from question `{}` is not allowed",
                        from.id.value
                    ),
                )
                .with_label("from a question")
                .with_help("a question asserts nothing, so it cannot undercut"),
            );
        }
    }
    // An undercut of an undercut of a relation has no edge to attack.
    for &data in &cx.graph.nested_undercuts {
        let rel = &map.nodes[data.written_on].relations[data.position];
        out.push(
            Diagnostic::new(
                Code::RelationKind,
                rel.target.span,
                format!(
                    "`undercuts` cannot target `{}`, which itself undercuts a relation",
                    rel.target.value
                ),
            )
            .with_label("an undercut of a relation")
            .with_help(
                "undercut a supports, attacks or contradicts relation, or an argument; \
                 to dispute this undercut, attack the node it starts from",
            ),
        );
    }
    // Relation ids are valid targets of `undercuts` only.
    for &data in &cx.graph.misdirected {
        let rel = &map.nodes[data.written_on].relations[data.position];
        out.push(
            Diagnostic::new(
                Code::RelationKind,
                rel.target.span,
                format!(
                    "`{}` cannot target relation `{}`",
                    rel.kind.as_str(),
                    rel.target.value
                ),
            )
            .with_label("a relation id")
            .with_help("only `undercuts` can target a named relation"),
        );
    }
}
