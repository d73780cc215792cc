//! A thin layer over the embedded SAT solver (batsat, a Rust descendant of
//! `MiniSat` 2.2): fresh variables, clauses, solving under assumptions, and
//! a deadline that stops a search.

use std::time::Instant;

use batsat::{Callbacks, Lit, SolverInterface, SolverOpts, lbool};

use super::TimedOut;

/// Stops the solver once the deadline has passed.
struct Deadline(Option<Instant>);

impl Callbacks for Deadline {
    fn stop(&self) -> bool {
        self.0.is_some_and(|d| Instant::now() >= d)
    }
}

/// An incremental SAT solver.
pub(crate) struct Sat {
    solver: batsat::Solver<Deadline>,
    deadline: Option<Instant>,
    /// A literal that is always true (for clauses over constants).
    truth: Lit,
}

impl Sat {
    /// A solver that gives up at `deadline` (never without one).
    pub(crate) fn new(deadline: Option<Instant>) -> Sat {
        let mut solver = batsat::Solver::new(SolverOpts::default(), Deadline(deadline));
        let truth = Lit::new(solver.new_var_default(), true);
        solver.add_clause_reuse(&mut vec![truth]);
        Sat {
            solver,
            deadline,
            truth,
        }
    }

    /// A new variable, as its positive literal.
    pub(crate) fn fresh(&mut self) -> Lit {
        Lit::new(self.solver.new_var_default(), true)
    }

    /// A new variable that the search tries true first.
    pub(crate) fn fresh_true_first(&mut self) -> Lit {
        Lit::new(self.solver.new_var(lbool::TRUE, true), true)
    }

    /// The literal that is always true.
    pub(crate) fn truth(&self) -> Lit {
        self.truth
    }

    /// Adds a clause (the disjunction of `lits`).
    pub(crate) fn clause(&mut self, lits: &[Lit]) {
        let mut c = lits.to_vec();
        self.solver.add_clause_reuse(&mut c);
    }

    /// Whether the clauses and `assumptions` can all be true; the model is
    /// then read with [`Sat::holds`].
    ///
    /// # Errors
    /// [`TimedOut`] when the deadline passes first.
    pub(crate) fn solve(&mut self, assumptions: &[Lit]) -> Result<bool, TimedOut> {
        if self.deadline.is_some_and(|d| Instant::now() >= d) {
            return Err(TimedOut);
        }
        let result = self.solver.solve_limited(assumptions);
        if result == lbool::TRUE {
            Ok(true)
        } else if result == lbool::FALSE {
            Ok(false)
        } else {
            Err(TimedOut)
        }
    }

    /// Whether `lit` is true in the last model.
    pub(crate) fn holds(&self, lit: Lit) -> bool {
        self.solver.value_lit(lit) == lbool::TRUE
    }

    /// Switches off a clause guarded by `guard` for good.
    pub(crate) fn retire(&mut self, guard: Lit) {
        self.clause(&[!guard]);
    }
}
