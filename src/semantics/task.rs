//! The reasoning tasks of the ICCMA competitions: give an extension (SE),
//! decide credulous (DC) or sceptical (DS) acceptance of one argument,
//! under grounded, complete, preferred, stable, semi-stable, stage or
//! ideal semantics.

use std::time::Instant;

use super::solver::{self, Semantics, TimedOut};
use super::{Framework, Label};

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
    "DC-ST", "DS-ST", "SE-SST", "DC-SST", "DS-SST", "SE-STG", "DC-STG", "DS-STG", "SE-ID", "DC-ID",
    "DS-ID",
];

impl Task {
    /// Reads a task name such as `DC-PR` (case-insensitive).
    pub fn parse(name: &str) -> Option<Task> {
        let (problem, semantics) = name.split_once('-')?;
        let problem = match problem.to_ascii_uppercase().as_str() {
            "SE" => Problem::SomeExtension,
            "DC" => Problem::Credulous,
            "DS" => Problem::Sceptical,
            _ => return None,
        };
        let semantics = Semantics::from_code(semantics)?;
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
        write!(f, "{problem}-{}", self.semantics.code())
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

/// Solves a task; `query` is the argument of DC and DS tasks. Nothing
/// bounds the search but `deadline`.
///
/// # Errors
/// [`TimedOut`] when `deadline` passes before the answer is found. A DC or
/// DS task without a query answers as if the query were missing from the
/// framework: it is the caller's to ask for one (see [`Task::needs_query`]).
pub fn solve(
    af: &Framework,
    task: Task,
    query: Option<usize>,
    deadline: Option<Instant>,
) -> Result<Answer, TimedOut> {
    let in_set = |labels: &[Label]| -> Vec<usize> {
        (0..labels.len())
            .filter(|&i| labels[i] == Label::In)
            .collect()
    };
    let q = query.filter(|&q| q < af.len());
    Ok(match (task.problem, q) {
        (Problem::SomeExtension, _) => Answer {
            accepted: None,
            extension: solver::some_extension(af, task.semantics, deadline)?.map(|l| in_set(&l)),
        },
        (_, None) => Answer {
            accepted: Some(false),
            extension: None,
        },
        (Problem::Credulous, Some(q)) => {
            let witness = solver::credulous(af, task.semantics, q, deadline)?;
            Answer {
                accepted: Some(witness.is_some()),
                extension: witness.map(|l| in_set(&l)),
            }
        }
        (Problem::Sceptical, Some(q)) => {
            let counter = solver::counterexample(af, task.semantics, q, deadline)?;
            Answer {
                accepted: Some(counter.is_none()),
                extension: counter.map(|l| in_set(&l)),
            }
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
        assert!(Task::parse("DC-XYZ").is_none());
        assert_eq!(
            Task::parse("ds-stg").map(|t| t.to_string()).as_deref(),
            Some("DS-STG")
        );
    }

    #[test]
    fn an_odd_cycle_has_no_stable_extension_and_an_empty_preferred_one() {
        // Dung 1995: a 3-cycle has the empty set as its only complete
        // (hence preferred and grounded) extension, and no stable one.
        let af = Framework::new(3, &[(0, 1), (1, 2), (2, 0)]);
        let se = |s| {
            solve(&af, Task::parse(s).unwrap(), None, None)
                .unwrap()
                .extension
        };
        assert_eq!(se("SE-ST"), None);
        assert_eq!(se("SE-PR"), Some(vec![]));
        let dc = solve(&af, Task::parse("DC-PR").unwrap(), Some(0), None).unwrap();
        assert_eq!(dc.accepted, Some(false));
        // Sceptical acceptance under stable holds vacuously.
        let ds = solve(&af, Task::parse("DS-ST").unwrap(), Some(0), None).unwrap();
        assert_eq!(ds.accepted, Some(true));
    }
}
