//! One file per rule. Every rule reads the [`Context`] and pushes
//! diagnostics; none depends on another's output.

mod argument_structure;
mod circular_support;
mod commitments;
mod conflicting_relation;
mod duplicate_id;
mod duplicate_relation;
mod isolated_node;
mod quotes;
mod relation_kind;
mod self_relation;
mod unknown_reference;
mod unsupported_claim;
mod unused_entry;

pub(crate) use quotes::read_cited;

use crate::check::CheckOptions;
use crate::diagnostic::{Code, Diagnostic};
use crate::graph::ArgGraph;
use crate::model::Map;

/// What every rule sees.
pub(crate) struct Context<'a> {
    pub(crate) map: &'a Map,
    pub(crate) graph: &'a ArgGraph,
    pub(crate) options: &'a CheckOptions,
    /// The map file's path; a source's `file:` is relative to its folder.
    pub(crate) path: &'a std::path::Path,
}

/// A rule: reads the context, pushes diagnostics.
type RuleFn = fn(&Context<'_>, &mut Vec<Diagnostic>);

/// Runs the enabled rules in a fixed order. The two that cost most on a
/// large map, the quote checks (reading and searching source files) and
/// the commitment findings, run on threads of their own beside the others;
/// their diagnostics are appended in the same order as when the rules ran
/// one after the other, so the output is the same.
pub(crate) fn run_all(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let rules: [(&'static [Code], RuleFn); 13] = [
        (&[Code::DuplicateId], duplicate_id::run),
        (&[Code::UnknownReference], unknown_reference::run),
        (&[Code::RelationKind], relation_kind::run),
        (&[Code::ArgumentStructure], argument_structure::run),
        (&[Code::CircularSupport], circular_support::run),
        (&[Code::ConflictingRelation], conflicting_relation::run),
        (&[Code::SelfRelation], self_relation::run),
        (&[Code::DuplicateRelation], duplicate_relation::run),
        (&[Code::IsolatedNode], isolated_node::run),
        (&[Code::UnusedActor, Code::UnusedSource], unused_entry::run),
        (&[Code::UnsupportedClaim], unsupported_claim::run),
        (
            &[
                Code::QuoteNotFound,
                Code::SourceFile,
                Code::LocatorMismatch,
                Code::UnverifiedQuote,
            ],
            quotes::run,
        ),
        (
            &[
                Code::ConflictingCommitments,
                Code::HeldAndRejected,
                Code::RejectedPremise,
            ],
            commitments::run,
        ),
    ];
    let enabled = |codes: &[Code]| codes.iter().any(|&c| cx.options.enabled(c));
    let [rest @ .., quotes, commitments] = rules;
    let on_its_own = |(codes, run): (&'static [Code], RuleFn)| {
        move || {
            let mut found = Vec::new();
            if enabled(codes) {
                run(cx, &mut found);
            }
            found
        }
    };
    std::thread::scope(|scope| {
        // A rule the system would not start a thread for runs here, after
        // the others (its diagnostics go to the same place).
        let start = |rule: (&'static [Code], RuleFn)| {
            std::thread::Builder::new()
                .spawn_scoped(scope, on_its_own(rule))
                .map_err(|_| rule)
        };
        let quotes = start(quotes);
        let commitments = start(commitments);
        for (codes, run) in rest {
            if enabled(codes) {
                run(cx, out);
            }
        }
        for thread in [quotes, commitments] {
            match thread {
                Ok(thread) => match thread.join() {
                    Ok(found) => out.extend(found),
                    // A rule that panicked panics here, as it would have
                    // without the thread.
                    Err(panic) => std::panic::resume_unwind(panic),
                },
                Err(rule) => out.extend(on_its_own(rule)()),
            }
        }
    });
}
