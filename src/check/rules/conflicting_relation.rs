//! `E205 conflicting-relation`: a node supports and attacks one target.

use super::Context;
use crate::check::Code;
use crate::diagnostic::Diagnostic;
use crate::model::RelationKind;

pub(super) fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for node in cx.map.nodes.values() {
        for support in node
            .relations
            .iter()
            .filter(|r| r.kind == RelationKind::Supports)
        {
            let target = &support.target.value;
            let against = node
                .relations
                .iter()
                .find(|r| {
                    r.target.value == *target
                        && matches!(r.kind, RelationKind::Attacks | RelationKind::Contradicts)
                })
                .map(|r| (r.span, r.kind.as_str()))
                .or_else(|| {
                    // `contradicts` is symmetric: it may be written on the target.
                    cx.map.nodes.get(target).and_then(|t| {
                        t.relations
                            .iter()
                            .find(|r| {
                                r.kind == RelationKind::Contradicts
                                    && r.target.value == node.id.value
                            })
                            .map(|r| (r.span, "is contradicted by"))
                    })
                });
            if target == &node.id.value {
                continue; // self-relation reports it
            }
            if let Some((span, verb)) = against {
                let verb = if verb == "is contradicted by" {
                    "contradicts"
                } else {
                    verb
                };
                out.push(
                    Diagnostic::new(
                        Code::ConflictingRelation,
                        span,
                        format!("`{}` both supports and {verb} `{target}`", node.id.value),
                    )
                    .with_label(format!("{verb} here"))
                    .with_secondary(support.span, "supports here")
                    .with_help("a node cannot speak for and against the same claim; remove one relation or split the node"),
                );
            }
        }
    }
}
