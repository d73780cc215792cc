//! `E203 argument-structure`: arguments need premises and a conclusion;
//! other nodes may have neither.

use super::Context;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::NodeKind;

pub(super) fn run(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for node in cx.map.nodes.values() {
        let id = &node.id.value;
        if node.kind == NodeKind::Argument {
            if node.premises.is_empty() {
                out.push(
                    Diagnostic::new(
                        Code::ArgumentStructure,
                        node.id.span,
                        format!("argument `{id}` has no premises"),
                    )
                    .with_label("argument without premises")
                    .with_help("list the claims it reasons from: `premises: [a, b]`"),
                );
            }
            if node.conclusion.is_none() {
                out.push(
                    Diagnostic::new(
                        Code::ArgumentStructure,
                        node.id.span,
                        format!("argument `{id}` has no conclusion"),
                    )
                    .with_label("argument without conclusion")
                    .with_help("name the claim it reasons to: `conclusion: c`"),
                );
            }
        } else {
            let kind = node.kind.as_str();
            if let Some(span) = node.premises_span {
                out.push(
                    Diagnostic::new(
                        Code::ArgumentStructure,
                        span,
                        format!("{kind} `{id}` has premises, but only arguments do"),
                    )
                    .with_label("premises on a non-argument")
                    .with_secondary(
                        node.id.span,
                        format!("`{id}` is {}", node.kind.with_article()),
                    )
                    .with_help("add `kind: argument`, or use `supports:` on each premise instead"),
                );
            }
            if let Some(c) = &node.conclusion {
                out.push(
                    Diagnostic::new(
                        Code::ArgumentStructure,
                        c.span,
                        format!("{kind} `{id}` has a conclusion, but only arguments do"),
                    )
                    .with_label("conclusion on a non-argument")
                    .with_secondary(
                        node.id.span,
                        format!("`{id}` is {}", node.kind.with_article()),
                    )
                    .with_help(format!(
                        "add `kind: argument`, or write `supports: {}`",
                        c.value
                    )),
                );
            }
        }
    }
}
