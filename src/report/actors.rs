//! The actors document: for each actor, what it holds and rejects with
//! each node's status, what its position rests on that others hold, the
//! sources it cites and its tensions (the commitment findings of
//! `check`); then, for every node some position rests on, who builds on
//! it. `argmap actors` prints it; the report includes it.

use std::fmt::{self, Write};

use serde::Serialize;

use crate::actors::commitments;
use crate::diagnostic::{Diagnostic, Severity};
use crate::semantics::{Evaluation, Semantics, Status};

use super::list;

/// The actors of an evaluated map; its JSON is the serialization of this
/// value.
#[derive(Debug, Serialize)]
pub struct ActorsReport {
    /// The semantics evaluated, as on the command line (`grounded`).
    pub semantics: &'static str,
    /// The reading of support (`deductive`).
    pub support: &'static str,
    /// Extensions the statuses count over (1 for grounded).
    pub extensions: usize,
    /// Each actor, in map order.
    pub actors: Vec<ActorReport>,
    /// What the statuses mean, in one line.
    pub meaning: &'static str,
    /// For each node some actor's position rests on without holding it:
    /// who holds it, and whose positions rest on it.
    pub foundations: Vec<Foundation>,
}

/// One actor's commitments.
#[derive(Debug, Serialize)]
pub struct ActorReport {
    /// The actor's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The nodes it holds, with their status.
    pub holds: Vec<Commitment>,
    /// The nodes it rejects, with their status.
    pub rejects: Vec<Commitment>,
    /// Nodes its position rests on that others hold.
    pub rests_on: Vec<String>,
    /// Sources cited by the evidence of what it holds.
    pub cites: Vec<String>,
    /// The commitment findings about it.
    pub tensions: Vec<Tension>,
}

/// A node an actor holds or rejects, and how it stands.
#[derive(Debug, Serialize)]
pub struct Commitment {
    /// The node's id.
    pub id: String,
    /// Its status: `in`, `out`, `undecided` with one labelling, else
    /// `in k of n`.
    pub status: Status,
    /// In how many extensions the node is in.
    pub in_extensions: usize,
}

/// A commitment finding about an actor.
#[derive(Debug, Serialize)]
pub struct Tension {
    /// Its code, e.g. `F501`.
    pub code: &'static str,
    /// The finding's message.
    pub message: String,
}

/// A node some position rests on.
#[derive(Debug, Serialize)]
pub struct Foundation {
    /// The node's id.
    pub id: String,
    /// Who holds it.
    pub held_by: Vec<String>,
    /// Whose positions rest on it.
    pub rested_on_by: Vec<String>,
}

impl ActorsReport {
    /// Every actor's commitments in an evaluated map; `diagnostics` are the
    /// map's check results, whose commitment findings become tensions
    /// (read from each finding's [`crate::diagnostic::Subject`]).
    pub fn new(e: &Evaluation<'_>, diagnostics: &[Diagnostic]) -> ActorsReport {
        let map = e.graph().map();
        let id = |i: usize| map.nodes[i].id.value.to_string();
        let commitment = |&i: &usize| Commitment {
            id: id(i),
            status: e.status(i),
            in_extensions: e.in_count(i),
        };
        let all = commitments(e.graph());
        let actors = all
            .iter()
            .map(|c| ActorReport {
                id: c.id.clone(),
                name: c.name.clone(),
                holds: c.holds.iter().map(commitment).collect(),
                rejects: c.rejects.iter().map(commitment).collect(),
                rests_on: c.rests_on.iter().map(|&i| id(i)).collect(),
                cites: c.cites.clone(),
                tensions: diagnostics
                    .iter()
                    .filter(|d| {
                        d.severity == Severity::Finding
                            && d.subject.as_ref().is_some_and(|s| s.actor == c.id)
                    })
                    .map(|d| Tension {
                        code: d.code.as_str(),
                        message: d.message.clone(),
                    })
                    .collect(),
            })
            .collect();
        // Who rests on each node, in actor order.
        let mut rested_on_by: Vec<Vec<String>> = vec![Vec::new(); map.nodes.len()];
        for c in &all {
            for &i in &c.rests_on {
                rested_on_by[i].push(c.id.clone());
            }
        }
        let mut foundations = Vec::new();
        for (i, rested) in rested_on_by.into_iter().enumerate() {
            if rested.is_empty() {
                continue;
            }
            foundations.push(Foundation {
                id: id(i),
                held_by: map.nodes[i]
                    .held_by
                    .iter()
                    .map(|r| r.value.to_string())
                    .collect(),
                rested_on_by: rested,
            });
        }
        ActorsReport {
            semantics: e.semantics().as_str(),
            meaning: crate::semantics::meaning(e.semantics()),
            support: e.support().as_str(),
            extensions: e.extensions().labellings.len(),
            actors,
            foundations,
        }
    }

    /// Writes the text output of `argmap actors`.
    ///
    /// # Errors
    /// Whatever `out` returns.
    pub fn write_text(&self, out: &mut impl Write) -> fmt::Result {
        let grounded = Semantics::from_name(self.semantics).is_some_and(Semantics::is_unique);
        let over = if grounded {
            format!(
                "status under {} semantics, `supports` read as `{}`",
                self.semantics, self.support
            )
        } else {
            format!(
                "status: in how many of the {} {} extensions, `supports` read as `{}`",
                self.extensions, self.semantics, self.support
            )
        };
        writeln!(out, "{} actors; {over}", self.actors.len())?;
        writeln!(out, "What this means: {}", self.meaning)?;
        if !grounded && self.extensions == 0 {
            writeln!(
                out,
                "There is no {} extension, so no commitment is accepted in any.",
                self.semantics
            )?;
        }
        for a in &self.actors {
            writeln!(out, "\n{} — {}", a.id, a.name)?;
            writeln!(
                out,
                "  holds ({}): {}",
                a.holds.len(),
                commitments_text(&a.holds)
            )?;
            writeln!(
                out,
                "  rejects ({}): {}",
                a.rejects.len(),
                commitments_text(&a.rejects)
            )?;
            writeln!(out, "  rests on, held by others: {}", list(&a.rests_on))?;
            writeln!(out, "  cites: {}", list(&a.cites))?;
            if a.tensions.is_empty() {
                writeln!(out, "  tensions: none")?;
            } else {
                writeln!(out, "  tensions:")?;
                for t in &a.tensions {
                    writeln!(out, "    {} {}", t.code, t.message)?;
                }
            }
        }
        if !self.foundations.is_empty() {
            writeln!(out, "\nWhat the positions rest on:")?;
            let width = self
                .foundations
                .iter()
                .map(|f| f.id.chars().count())
                .max()
                .unwrap_or(0);
            for f in &self.foundations {
                writeln!(
                    out,
                    "  {:width$}  held by {:24}  rested on by {}",
                    f.id,
                    list(&f.held_by),
                    list(&f.rested_on_by)
                )?;
            }
        }
        Ok(())
    }
}

/// `id (status), …`, or `(none)`.
pub(super) fn commitments_text(c: &[Commitment]) -> String {
    list(
        &c.iter()
            .map(|c| format!("{} ({})", c.id, c.status))
            .collect::<Vec<_>>(),
    )
}
