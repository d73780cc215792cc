//! The reasoning tasks of the ICCMA competitions: give an extension (SE),
//! decide credulous (DC) or sceptical (DS) acceptance of one argument,
//! under grounded, complete, preferred or stable semantics.

use super::search::{self, DEFAULT_STEPS, Exhausted, Semantics};
use super::{Framework, Label, grounded};

/// What a task asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Some extension (SE).
    SomeExtension,
    /// Is the query argument in some extension (DC)?
    Credulous,
    /// Is the query argument in every extension (DS)?
    Sceptical,
}

/// A task: a problem under a semantics, e.g. `DC-PR`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Task {
    /// What is asked.
    pub problem: Problem,
    /// Under which semantics.
    pub semantics: Semantics,
}

/// Every task answered, in ICCMA's order.
pub const TASKS: &[&str] = &[
    "SE-GR", "DC-GR", "DS-GR", "SE-CO", "DC-CO", "DS-CO", "SE-PR", "DC-PR", "DS-PR", "SE-ST",
    "DC-ST", "DS-ST",
];

impl Task {
    /// Reads a task name such as `DC-PR` (case-insensitive).
    pub fn parse(name: &str) -> Option<Task> {
        let name = name.to_ascii_uppercase();
        let (problem, semantics) = name.split_once('-')?;
        let problem = match problem {
            "SE" => Problem::SomeExtension,
            "DC" => Problem::Credulous,
            "DS" => Problem::Sceptical,
            _ => return None,
        };
        let semantics = match semantics {
            "GR" => Semantics::Grounded,
            "CO" => Semantics::Complete,
            "PR" => Semantics::Preferred,
            "ST" => Semantics::Stable,
            _ => return None,
        };
        Some(Task { problem, semantics })
    }

    /// Whether the task needs a query argument (DC and DS).
    pub fn needs_query(self) -> bool {
        self.problem != Problem::SomeExtension
    }
}

impl std::fmt::Display for Task {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let problem = match self.problem {
            Problem::SomeExtension => "SE",
            Problem::Credulous => "DC",
            Problem::Sceptical => "DS",
        };
        let semantics = match self.semantics {
            Semantics::Grounded => "GR",
            Semantics::Complete => "CO",
            Semantics::Preferred => "PR",
            Semantics::Stable => "ST",
        };
        write!(f, "{problem}-{semantics}")
    }
}

/// A task's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    /// YES or NO for DC and DS; `None` for SE.
    pub accepted: Option<bool>,
    /// The extension that shows it: SE's extension (`None`: there is none,
    /// only possible under stable semantics), DC's witness when YES, DS's
    /// counterexample when NO.
    pub extension: Option<Vec<usize>>,
}

/// Solves a task; `query` is the argument of DC and DS tasks.
///
/// # Errors
/// [`Exhausted`] when a search runs out of steps. A DC or DS task without a
/// query answers as if the query were missing from the framework: it is
/// the caller's to ask for one (see [`Task::needs_query`]).
pub fn solve(af: &Framework, task: Task, query: Option<usize>) -> Result<Answer, Exhausted> {
    use Problem::{Credulous, Sceptical, SomeExtension};
    use Semantics::{Complete, Grounded, Preferred, Stable};
    let in_set = |labels: &[Label]| -> Vec<usize> {
        (0..labels.len())
            .filter(|&i| labels[i] == Label::In)
            .collect()
    };
    let q = query.filter(|&q| q < af.len());
    let decided = |accepted: bool, certificate: Option<Vec<Label>>| Answer {
        accepted: Some(accepted),
        extension: certificate.as_deref().map(in_set),
    };
    Ok(match (task.problem, task.semantics, q) {
        (SomeExtension, Grounded | Complete, _) => Answer {
            accepted: None,
            extension: Some(in_set(&grounded(af))),
        },
        (SomeExtension, Preferred, _) => Answer {
            accepted: None,
            extension: Some(in_set(&search::some_preferred(af, DEFAULT_STEPS)?)),
        },
        (SomeExtension, Stable, _) => {
            let found = search::extensions(af, Stable, 1, DEFAULT_STEPS)?;
            Answer {
                accepted: None,
                extension: found.labellings.first().map(|l| in_set(l)),
            }
        }
        (_, _, None) => Answer {
            accepted: Some(false),
            extension: None,
        },
        (Credulous | Sceptical, Grounded, Some(q)) | (Sceptical, Complete, Some(q)) => {
            // Grounded: one extension, so both questions are membership;
            // sceptical acceptance under complete is membership in grounded.
            let labels = grounded(af);
            let accepted = labels[q] == Label::In;
            let witness = (task.problem == Credulous) == accepted;
            decided(accepted, witness.then_some(labels))
        }
        (Credulous, Complete | Preferred, Some(q)) => {
            // Credulous under complete = under preferred = under admissible.
            let found = search::find_with(af, false, q, Label::In, DEFAULT_STEPS)?;
            decided(found.is_some(), found)
        }
        (Sceptical, Preferred, Some(q)) => {
            // A counterexample: some preferred extension without q.
            let all = search::extensions(af, Preferred, usize::MAX, DEFAULT_STEPS)?;
            let counter = all.labellings.into_iter().find(|l| l[q] != Label::In);
            decided(counter.is_none(), counter)
        }
        (Credulous, Stable, Some(q)) => {
            let found = search::find_with(af, true, q, Label::In, DEFAULT_STEPS)?;
            decided(found.is_some(), found)
        }
        (Sceptical, Stable, Some(q)) => {
            // In a stable labelling, not in means out.
            let counter = search::find_with(af, true, q, Label::Out, DEFAULT_STEPS)?;
            decided(counter.is_none(), counter)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_task_parses_and_prints_back() {
        for name in TASKS {
            let task = Task::parse(name).unwrap();
            assert_eq!(task.to_string(), *name);
        }
        assert_eq!(
            Task::parse("dc-pr").map(|t| t.to_string()).as_deref(),
            Some("DC-PR")
        );
        assert!(Task::parse("EE-PR").is_none());
        assert!(Task::parse("DC-SST").is_none());
    }

    #[test]
    fn an_odd_cycle_has_no_stable_extension_and_an_empty_preferred_one() {
        // Dung 1995: a 3-cycle has the empty set as its only complete
        // (hence preferred and grounded) extension, and no stable one.
        let af = Framework::new(3, &[(0, 1), (1, 2), (2, 0)]);
        let se = |s| solve(&af, Task::parse(s).unwrap(), None).unwrap().extension;
        assert_eq!(se("SE-ST"), None);
        assert_eq!(se("SE-PR"), Some(vec![]));
        let dc = solve(&af, Task::parse("DC-PR").unwrap(), Some(0)).unwrap();
        assert_eq!(dc.accepted, Some(false));
        // Sceptical acceptance under stable holds vacuously.
        let ds = solve(&af, Task::parse("DS-ST").unwrap(), Some(0)).unwrap();
        assert_eq!(ds.accepted, Some(true));
    }
}
