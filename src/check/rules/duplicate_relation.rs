//! `W304 duplicate-relation`: one relation written twice.

use std::collections::HashMap;

use super::Context;
use crate::check::Code;
use crate::diagnostic::Diagnostic;
use crate::model::RelationKind;
use crate::source::Span;

pub(super) fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<(RelationKind, &str, &str), Span> = HashMap::new();
    for node in cx.map.nodes.values() {
        for rel in &node.relations {
            let (mut a, mut b) = (node.id.value.as_str(), rel.target.value.as_str());
            if rel.kind == RelationKind::Contradicts && b < a {
                std::mem::swap(&mut a, &mut b); // symmetric: one key for both sides
            }
            if let Some(&first) = seen.get(&(rel.kind, a, b)) {
                let what = if rel.kind == RelationKind::Contradicts {
                    format!("`{a}` and `{b}` are already marked as contradicting")
                } else {
                    format!(
                        "`{}` already {} `{}`",
                        node.id.value,
                        rel.kind.as_str(),
                        rel.target.value
                    )
                };
                out.push(
                    Diagnostic::new(Code::DuplicateRelation, rel.span, what)
                        .with_label("written again here")
                        .with_secondary(first, "first written here")
                        .with_help("remove the repeated relation"),
                );
            } else {
                seen.insert((rel.kind, a, b), rel.span);
            }
        }
    }
}
