//! The bottom line of each question: which answers are accepted, or that
//! it is unresolved and which answers each position defends.

use petgraph::Direction;
use petgraph::graph::NodeIndex;
use serde::Serialize;

use crate::graph::EdgeKind;
use crate::model::{NodeKind, RelationKind};
use crate::semantics::{Evaluation, Label, Status};
use crate::text::{join_and, without_closing_parenthesis};

/// A question of the map and how its answers stand.
#[derive(Clone, Debug, Serialize)]
pub struct QuestionReport {
    /// The question's id.
    pub id: String,
    /// Its text.
    pub text: String,
    /// The nodes that answer it, in map order.
    pub answers: Vec<AnswerReport>,
    /// Whether some answer is accepted (under grounded semantics) or
    /// accepted in every extension (under the others).
    pub resolved: bool,
    /// The bottom line, in one sentence.
    pub bottom_line: String,
}

/// One answer to a question.
#[derive(Clone, Debug, Serialize)]
pub struct AnswerReport {
    /// The answer's id.
    pub id: String,
    /// How it stands.
    pub status: Status,
    /// The names of the actors who hold it (without a closing parenthesis).
    pub held_by: Vec<String>,
    /// The extensions (from 1) that accept it; empty under grounded.
    pub extensions: Vec<usize>,
}

/// The questions of an evaluated map, in map order, each with its bottom
/// line.
pub fn questions(e: &Evaluation<'_>) -> Vec<QuestionReport> {
    let graph = e.graph();
    let map = graph.map();
    let pg = graph.petgraph();
    let grounded = e.semantics().is_unique();
    let n = e.extensions().labellings.len();
    let mut out = Vec::new();
    for (q, node) in map.nodes.values().enumerate() {
        if node.kind != NodeKind::Question {
            continue;
        }
        let mut answering: Vec<usize> = pg
            .edges_directed(NodeIndex::new(q), Direction::Incoming)
            .filter(|edge| edge.weight().kind == EdgeKind::Relation(RelationKind::Answers))
            .map(|edge| pg[petgraph::visit::EdgeRef::source(&edge)])
            .collect();
        answering.sort_unstable();
        answering.dedup();
        let answers: Vec<AnswerReport> = answering
            .iter()
            .map(|&a| {
                let held_by = map.nodes[a]
                    .held_by
                    .iter()
                    .map(|r| {
                        map.actors.get(&r.value).map_or_else(
                            || r.value.to_string(),
                            |actor| without_closing_parenthesis(&actor.name.value).to_string(),
                        )
                    })
                    .collect();
                let extensions = if grounded {
                    Vec::new()
                } else {
                    let arg = e.framework().of_node[a];
                    (0..n)
                        .filter(|&k| {
                            arg.is_some_and(|i| {
                                e.extensions().labellings[k][i as usize] == Label::In
                            })
                        })
                        .map(|k| k + 1)
                        .collect()
                };
                AnswerReport {
                    id: map.nodes[a].id.value.to_string(),
                    status: e.status(a),
                    held_by,
                    extensions,
                }
            })
            .collect();
        let (resolved, bottom_line) = bottom_line(&answers, grounded, n, e.extensions().truncated);
        out.push(QuestionReport {
            id: node.id.value.to_string(),
            text: node.text.value.to_string(),
            answers,
            resolved,
            bottom_line,
        });
    }
    out
}

fn bottom_line(
    answers: &[AnswerReport],
    grounded: bool,
    n: usize,
    truncated: bool,
) -> (bool, String) {
    if answers.is_empty() {
        return (
            false,
            "unanswered: nothing in the map answers it.".to_string(),
        );
    }
    // "`a` and `b` (held by X)": answers with the same holders named
    // together, the holders once.
    let names = |group: &[&AnswerReport]| {
        let mut parts: Vec<String> = Vec::new();
        let mut i = 0;
        while i < group.len() {
            let mut j = i + 1;
            while j < group.len() && group[j].held_by == group[i].held_by {
                j += 1;
            }
            let ids: Vec<String> = group[i..j].iter().map(|a| format!("`{}`", a.id)).collect();
            let holders = if group[i].held_by.is_empty() {
                String::new()
            } else {
                format!(" (held by {})", join_and(&group[i].held_by))
            };
            parts.push(format!("{}{holders}", join_and(&ids)));
            i = j;
        }
        join_and(&parts)
    };
    let name = |a: &AnswerReport| names(&[a]);
    let accepted: Vec<&AnswerReport> = answers
        .iter()
        .filter(|a| match a.status {
            Status::In => true,
            Status::InSome { k, n } => k == n && n > 0 && !truncated,
            _ => false,
        })
        .collect();
    if !accepted.is_empty() {
        let verb = if accepted.len() == 1 { "is" } else { "are" };
        let where_ = if grounded { "" } else { " in every extension" };
        return (
            true,
            format!("answered: {} {verb} accepted{where_}.", names(&accepted)),
        );
    }
    if grounded {
        let group = |status: Status, word: &str| {
            let these: Vec<&AnswerReport> = answers.iter().filter(|a| a.status == status).collect();
            (!these.is_empty()).then(|| {
                let verb = if these.len() == 1 { "is" } else { "are" };
                format!("{} {verb} {word}", names(&these))
            })
        };
        let parts: Vec<String> = [
            group(Status::Undecided, "undecided"),
            group(Status::Out, "rejected"),
        ]
        .into_iter()
        .flatten()
        .collect();
        let hint = if answers.iter().any(|a| a.status == Status::Undecided) {
            "; `--semantics preferred` shows which position defends each"
        } else {
            ""
        };
        return (
            false,
            format!(
                "unresolved: no answer is accepted; {}{hint}.",
                parts.join("; ")
            ),
        );
    }
    if n == 0 {
        return (
            false,
            "unresolved: there is no extension, so no answer is accepted.".to_string(),
        );
    }
    let parts: Vec<String> = answers
        .iter()
        .map(|a| {
            let ext = match a.extensions.as_slice() {
                [] => "in no extension".to_string(),
                [one] => format!("in extension {one}"),
                many => {
                    let ks: Vec<String> = many.iter().map(usize::to_string).collect();
                    format!("in extensions {}", join_and(&ks))
                }
            };
            format!("{} is accepted {ext}", name(a))
        })
        .collect();
    let every = if truncated { " listed" } else { "" };
    (
        false,
        format!(
            "unresolved: no answer is accepted in every{every} extension; {}.",
            parts.join("; ")
        ),
    )
}
