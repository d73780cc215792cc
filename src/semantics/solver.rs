//! Complete, preferred, stable, semi-stable, stage and ideal semantics,
//! decided and enumerated with an embedded SAT solver.
//!
//! # Encodings
//! Complete labellings are encoded with two variables per argument, `in`
//! and `out` (neither: undecided), and the labelling rules of Caminada as
//! clauses: an argument is in exactly when every attacker is out, and out
//! exactly when some attacker is in (Cerutti, Dunne, Giacomin and Vallati,
//! "Computing preferred extensions in abstract argumentation: a SAT-based
//! approach", TAFA 2013). Stable labellings add "in or out" for every
//! argument. Stage semantics starts from conflict-free sets instead (one
//! `in` variable per argument, no two in that attack each other). Every
//! encoding has a range variable per argument: in or attacked by
//! something in.
//!
//! Every complete labelling agrees with the grounded one on what the
//! grounded labelling decides, so the complete-based encodings hold only
//! the arguments it leaves undecided (their attackers outside that set are
//! out in every complete labelling); the grounded labelling is computed in
//! linear time first. Stage extensions need not contain the grounded one,
//! so stage semantics encodes every argument.
//!
//! # Algorithms
//! Decisions under complete and stable semantics are one SAT call with the
//! query as an assumption. The others follow the counterexample-guided
//! (CEGAR) loops of the ICCMA solvers (Niskanen and Järvisalo, "μ-toksia:
//! An Efficient Abstract Argumentation Reasoner", KR 2020; Dvořák,
//! Järvisalo, Wallner and Woltran, "Complexity-sensitive decision
//! procedures for abstract argumentation", *Artificial Intelligence* 206
//! (2014) 53–78):
//! - preferred: grow a complete extension until no strictly larger one
//!   exists; for sceptical acceptance, grow complete extensions without
//!   the query to maximal ones without it until one is preferred (see
//!   `Encoding::preferred_without`);
//! - semi-stable and stage: the same with ranges in place of extensions,
//!   after checking whether a stable extension exists (then they coincide
//!   with stable semantics);
//! - ideal: the credulously accepted arguments are collected with one SAT
//!   call per new one found; the ideal extension is the largest admissible
//!   set of those of them that no credulously accepted argument attacks
//!   (Dunne, "The computational complexity of ideal semantics",
//!   *Artificial Intelligence* 173 (2009) 1559–1591, Theorem 3), found by a
//!   linear fixpoint.
//!
//! Nothing here has a step budget: a search stops early only at the
//! deadline a caller gives ([`TimedOut`]).

use std::time::Instant;

use batsat::Lit;

use super::sat::Sat;
use super::{Framework, Label, grounded};

/// The semantics with one or more extensions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Semantics {
    /// The least complete labelling (exactly one).
    Grounded,
    /// Every complete labelling.
    Complete,
    /// The complete labellings whose `In` set is maximal.
    Preferred,
    /// The complete labellings with nothing `Undecided`.
    Stable,
    /// The complete labellings whose `Undecided` set is minimal (Caminada
    /// 2006): stable ones when there are any.
    SemiStable,
    /// The conflict-free sets whose range (the set and what it attacks) is
    /// maximal (Verheij 1996): stable ones when there are any.
    Stage,
    /// The largest admissible set contained in every preferred extension
    /// (Dung, Mancarella and Toni 2007; exactly one).
    Ideal,
}

impl Semantics {
    /// Every semantics, in the order of the command line's list.
    pub const ALL: [Semantics; 7] = [
        Semantics::Grounded,
        Semantics::Complete,
        Semantics::Preferred,
        Semantics::Stable,
        Semantics::SemiStable,
        Semantics::Stage,
        Semantics::Ideal,
    ];

    /// The name used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Semantics::Grounded => "grounded",
            Semantics::Complete => "complete",
            Semantics::Preferred => "preferred",
            Semantics::Stable => "stable",
            Semantics::SemiStable => "semi-stable",
            Semantics::Stage => "stage",
            Semantics::Ideal => "ideal",
        }
    }

    /// The semantics with this name (as [`Semantics::as_str`] gives it).
    pub fn from_name(name: &str) -> Option<Semantics> {
        Semantics::ALL.into_iter().find(|s| s.as_str() == name)
    }

    /// The ICCMA abbreviation: `GR`, `CO`, `PR`, `ST`, `SST`, `STG`, `ID`.
    pub fn code(self) -> &'static str {
        match self {
            Semantics::Grounded => "GR",
            Semantics::Complete => "CO",
            Semantics::Preferred => "PR",
            Semantics::Stable => "ST",
            Semantics::SemiStable => "SST",
            Semantics::Stage => "STG",
            Semantics::Ideal => "ID",
        }
    }

    /// The semantics with this ICCMA abbreviation (case-insensitive).
    pub fn from_code(code: &str) -> Option<Semantics> {
        Semantics::ALL
            .into_iter()
            .find(|s| s.code().eq_ignore_ascii_case(code))
    }

    /// Whether the semantics has exactly one extension.
    pub fn is_unique(self) -> bool {
        matches!(self, Semantics::Grounded | Semantics::Ideal)
    }
}

/// The labellings of a semantics, in a fixed order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extensions {
    /// One labelling per extension, indexed like the framework.
    pub labellings: Vec<Vec<Label>>,
    /// Whether the enumeration stopped at the limit, so there may be more.
    pub truncated: bool,
}

/// The deadline passed before the solver had an answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimedOut;

impl std::fmt::Display for TimedOut {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the time limit was reached before the solver found the answer")
    }
}

impl std::error::Error for TimedOut {}

/// Which clauses an encoding starts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Base {
    /// Complete labellings of the arguments grounded leaves undecided.
    Complete,
    /// Complete labellings with nothing undecided.
    Stable,
    /// Conflict-free sets of every argument (for stage semantics).
    ConflictFree,
}

/// A framework as clauses, with the variables of each encoded argument.
struct Encoding<'a> {
    af: &'a Framework,
    sat: Sat,
    base: Base,
    /// The labels fixed before solving: the grounded labelling
    /// (complete-based encodings), or isolated arguments in (stage).
    fixed: Vec<Label>,
    /// The arguments with variables, ascending.
    args: Vec<u32>,
    in_: Vec<Lit>,
    /// `out` variables (complete-based encodings only).
    out: Vec<Lit>,
    range: Vec<Lit>,
}

impl<'a> Encoding<'a> {
    fn new(af: &'a Framework, base: Base, deadline: Option<Instant>) -> Encoding<'a> {
        let n = af.len();
        // Complete-based: what grounded decides. Conflict-free: arguments
        // that neither attack nor are attacked, in every stage extension.
        let fixed = if base == Base::ConflictFree {
            let mut attacks = af.in_degree.iter().map(|&d| d > 0).collect::<Vec<bool>>();
            for (a, x) in attacks.iter_mut().enumerate() {
                *x |= !af.attacked_by(a).is_empty();
            }
            attacks
                .into_iter()
                .map(|x| if x { Label::Undecided } else { Label::In })
                .collect()
        } else {
            grounded(af)
        };
        let args: Vec<u32> = (0..n)
            .filter(|&a| fixed[a] == Label::Undecided)
            .map(index)
            .collect();
        let mut local = vec![u32::MAX; n];
        for (i, &a) in args.iter().enumerate() {
            local[a as usize] = index(i);
        }
        // Attackers of each encoded argument among the encoded ones.
        let k = args.len();
        let mut start = vec![0u32; k + 1];
        for &a in &args {
            for &t in af.attacked_by(a as usize) {
                if local[t as usize] != u32::MAX {
                    start[local[t as usize] as usize + 1] += 1;
                }
            }
        }
        for i in 0..k {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut attackers = vec![0u32; start[k] as usize];
        for (i, &a) in args.iter().enumerate() {
            for &t in af.attacked_by(a as usize) {
                let j = local[t as usize];
                if j != u32::MAX {
                    attackers[fill[j as usize] as usize] = index(i);
                    fill[j as usize] += 1;
                }
            }
        }
        drop(local);
        let mut sat = Sat::new(deadline);
        // Trying `in` and `range` true first makes models large, so that
        // growing one to a maximal one takes few steps.
        let in_: Vec<Lit> = (0..k).map(|_| sat.fresh_true_first()).collect();
        let range: Vec<Lit> = (0..k).map(|_| sat.fresh_true_first()).collect();
        let mut clause = Vec::new();
        let mut out: Vec<Lit> = Vec::new();
        if base == Base::ConflictFree {
            for i in 0..k {
                let of = &attackers[start[i] as usize..start[i + 1] as usize];
                for &b in of {
                    sat.clause(&[!in_[i], !in_[b as usize]]);
                }
                // range ↔ in, or attacked by something in.
                clause.clear();
                clause.extend([!range[i], in_[i]]);
                clause.extend(of.iter().map(|&b| in_[b as usize]));
                sat.clause(&clause);
                sat.clause(&[!in_[i], range[i]]);
                for &b in of {
                    sat.clause(&[!in_[b as usize], range[i]]);
                }
            }
        } else {
            out = (0..k).map(|_| sat.fresh()).collect();
            for i in 0..k {
                let of = &attackers[start[i] as usize..start[i + 1] as usize];
                sat.clause(&[!in_[i], !out[i]]);
                for &b in of {
                    let b = b as usize;
                    // In: every attacker out. Some attacker in: out.
                    sat.clause(&[!in_[i], out[b]]);
                    sat.clause(&[!in_[b], out[i]]);
                }
                // Out: some attacker in.
                clause.clear();
                clause.push(!out[i]);
                clause.extend(of.iter().map(|&b| in_[b as usize]));
                sat.clause(&clause);
                // Every attacker out: in.
                clause.clear();
                clause.push(in_[i]);
                clause.extend(of.iter().map(|&b| !out[b as usize]));
                sat.clause(&clause);
                // range ↔ in or out.
                sat.clause(&[!range[i], in_[i], out[i]]);
                sat.clause(&[!in_[i], range[i]]);
                sat.clause(&[!out[i], range[i]]);
                if base == Base::Stable {
                    sat.clause(&[range[i]]);
                }
            }
        }
        Encoding {
            af,
            sat,
            base,
            fixed,
            args,
            in_,
            out,
            range,
        }
    }

    /// The encoded position of argument `a`, if it has variables.
    fn position(&self, a: usize) -> Option<usize> {
        self.args.binary_search(&index(a)).ok()
    }

    /// The label `a` has before any solving, if fixed.
    fn fixed_label(&self, a: usize) -> Option<Label> {
        Some(self.fixed[a]).filter(|&l| l != Label::Undecided)
    }

    fn model_in(&self) -> Vec<bool> {
        self.in_.iter().map(|&l| self.sat.holds(l)).collect()
    }

    fn model_range(&self) -> Vec<bool> {
        self.range.iter().map(|&l| self.sat.holds(l)).collect()
    }

    /// The labelling of the whole framework whose `In` set is the fixed
    /// one and the encoded arguments in `ins`.
    fn labelling(&self, ins: &[bool]) -> Vec<Label> {
        let mut set: Vec<bool> = self.fixed.iter().map(|&l| l == Label::In).collect();
        for (i, &a) in self.args.iter().enumerate() {
            set[a as usize] = ins[i];
        }
        let labels = labelling_of(self.af, &set);
        debug_assert!(
            if self.base == Base::ConflictFree {
                (0..self.af.len())
                    .all(|a| !set[a] || self.af.attacked_by(a).iter().all(|&t| !set[t as usize]))
            } else {
                is_complete(self.af, &labels)
                    && (self.base != Base::Stable || !labels.contains(&Label::Undecided))
            },
            "not a labelling of the encoding's kind: {labels:?}"
        );
        labels
    }

    /// Whether some encoded extension strictly contains `ins` under
    /// `assumptions`; the model then holds it.
    fn larger_in(&mut self, assumptions: &[Lit], ins: &[bool]) -> Result<bool, TimedOut> {
        self.larger(assumptions, ins, false)
    }

    /// Whether some extension has a range strictly larger than `range`
    /// under `assumptions`; the model then holds it.
    fn larger_range(&mut self, assumptions: &[Lit], range: &[bool]) -> Result<bool, TimedOut> {
        self.larger(assumptions, range, true)
    }

    /// Whether a model under `assumptions` makes true every `in` (or
    /// `range`) variable `set` holds and some other one too.
    fn larger(&mut self, assumptions: &[Lit], set: &[bool], range: bool) -> Result<bool, TimedOut> {
        let guard = self.sat.fresh();
        let vars = if range { &self.range } else { &self.in_ };
        let mut clause = vec![!guard];
        let mut assume = assumptions.to_vec();
        assume.push(guard);
        for (&x, &var) in set.iter().zip(vars) {
            if x {
                assume.push(var);
            } else {
                clause.push(var);
            }
        }
        if clause.len() == 1 {
            return Ok(false);
        }
        self.sat.clause(&clause);
        let larger = self.sat.solve(&assume)?;
        self.sat.retire(guard);
        Ok(larger)
    }

    /// Grows `ins` (the last model's) under `assumptions` until no encoded
    /// extension strictly contains it.
    fn maximise_in(
        &mut self,
        assumptions: &[Lit],
        mut ins: Vec<bool>,
    ) -> Result<Vec<bool>, TimedOut> {
        while self.larger_in(assumptions, &ins)? {
            ins = self.model_in();
        }
        Ok(ins)
    }

    /// Grows the range of the last model under `assumptions` until it is
    /// maximal; returns the `In` set and the range.
    fn maximise_range(&mut self, assumptions: &[Lit]) -> Result<(Vec<bool>, Vec<bool>), TimedOut> {
        let mut ins = self.model_in();
        let mut range = self.model_range();
        while self.larger_range(assumptions, &range)? {
            ins = self.model_in();
            range = self.model_range();
        }
        Ok((ins, range))
    }

    /// Whether there is a stable extension (every argument in range).
    fn has_stable(&mut self) -> Result<bool, TimedOut> {
        let all = self.range.clone();
        self.sat.solve(&all)
    }

    /// The `In` set of a range-maximal extension meeting `want` (an
    /// assumption on the query), if there is one: candidates meeting
    /// `want` are grown to a maximal range among those meeting it, then
    /// checked against every extension; a range found not maximal is
    /// excluded with every range it contains.
    fn range_maximal_with(&mut self, want: Lit) -> Result<Option<Vec<bool>>, TimedOut> {
        loop {
            if !self.sat.solve(&[want])? {
                return Ok(None);
            }
            let (ins, range) = self.maximise_range(&[want])?;
            if !self.larger_range(&[], &range)? {
                return Ok(Some(ins));
            }
            self.exclude_inside(&range, true);
        }
    }

    /// A preferred extension without `q`, if there is one (for sceptical
    /// acceptance). First the cheap cases: `q` not credulously accepted
    /// (any preferred extension lacks it), or attacked by some complete
    /// extension (so is every preferred extension containing that one).
    /// Then `q` is never out, and the loop of Dvořák et al. (2014): a
    /// complete extension without `q` is grown to a maximal one without
    /// `q`; if nothing complete strictly contains it, it is preferred and
    /// answers; otherwise every preferred extension above it holds `q`,
    /// and it is excluded with every complete extension inside it.
    fn preferred_without(&mut self, q: usize) -> Result<Option<Vec<Label>>, TimedOut> {
        let grown = |e: &mut Self| -> Result<Option<Vec<Label>>, TimedOut> {
            let ins = e.maximise_in(&[], e.model_in())?;
            Ok(Some(e.labelling(&ins)))
        };
        let Some(i) = self.position(q) else {
            // Decided by grounded: in (never without), or out (always).
            if self.fixed_label(q) == Some(Label::In) {
                return Ok(None);
            }
            self.sat.solve(&[])?;
            return grown(self);
        };
        let (in_q, out_q) = (self.in_[i], self.out[i]);
        if !self.sat.solve(&[in_q])? {
            self.sat.solve(&[])?;
            return grown(self);
        }
        if self.sat.solve(&[out_q])? {
            return grown(self);
        }
        self.sat.clause(&[!out_q]);
        loop {
            if !self.sat.solve(&[!in_q])? {
                return Ok(None);
            }
            let ins = self.maximise_in(&[!in_q], self.model_in())?;
            if !self.larger_in(&[], &ins)? {
                return Ok(Some(self.labelling(&ins)));
            }
            self.exclude_inside(&ins, false);
        }
    }

    /// Rules out every extension whose `In` set (or range) is contained
    /// in `set`: some variable outside it must be true.
    fn exclude_inside(&mut self, set: &[bool], range: bool) {
        let vars = if range { &self.range } else { &self.in_ };
        let clause: Vec<Lit> = set
            .iter()
            .zip(vars)
            .filter(|&(&x, _)| !x)
            .map(|(_, &var)| var)
            .collect();
        self.sat.clause(&clause);
    }

    /// Rules out, under `guard`, the extension whose `In` set is `ins`.
    fn exclude(&mut self, guard: Lit, ins: &[bool]) {
        let mut clause = vec![!guard];
        clause.extend(
            ins.iter()
                .enumerate()
                .map(|(i, &x)| if x { !self.in_[i] } else { self.in_[i] }),
        );
        self.sat.clause(&clause);
    }
}

#[expect(
    clippy::cast_possible_truncation,
    reason = "argument indices fit in u32: the parsers cap frameworks far below u32::MAX"
)]
fn index(a: usize) -> u32 {
    a as u32
}

/// The labelling whose `In` set is `set`: what it attacks is out, the rest
/// undecided.
fn labelling_of(af: &Framework, set: &[bool]) -> Vec<Label> {
    let mut labels: Vec<Label> = set
        .iter()
        .map(|&x| if x { Label::In } else { Label::Undecided })
        .collect();
    for a in 0..af.len() {
        if set[a] {
            for &t in af.attacked_by(a) {
                if !set[t as usize] {
                    labels[t as usize] = Label::Out;
                }
            }
        }
    }
    labels
}

/// Whether `labels` is a complete labelling of `af`: in exactly when every
/// attacker is out, out exactly when some attacker is in.
pub fn is_complete(af: &Framework, labels: &[Label]) -> bool {
    let n = af.len();
    if labels.len() != n {
        return false;
    }
    let mut attackers_in = vec![0u32; n];
    let mut attackers_out = vec![0u32; n];
    for (a, &label) in labels.iter().enumerate() {
        for &t in af.attacked_by(a) {
            match label {
                Label::In => attackers_in[t as usize] += 1,
                Label::Out => attackers_out[t as usize] += 1,
                Label::Undecided => {}
            }
        }
    }
    (0..n).all(|a| match labels[a] {
        Label::In => attackers_out[a] == af.in_degree[a],
        Label::Out => attackers_in[a] > 0,
        Label::Undecided => attackers_in[a] == 0 && attackers_out[a] < af.in_degree[a],
    })
}

fn base_of(semantics: Semantics) -> Base {
    match semantics {
        Semantics::Stable => Base::Stable,
        Semantics::Stage => Base::ConflictFree,
        _ => Base::Complete,
    }
}

/// Some extension of `semantics`; `None` only when there is none (possible
/// under stable semantics alone).
///
/// # Errors
/// [`TimedOut`] when `deadline` passes first.
pub fn some_extension(
    af: &Framework,
    semantics: Semantics,
    deadline: Option<Instant>,
) -> Result<Option<Vec<Label>>, TimedOut> {
    match semantics {
        Semantics::Grounded | Semantics::Complete => Ok(Some(grounded(af))),
        Semantics::Ideal => Ok(Some(ideal(af, deadline)?)),
        Semantics::Stable => {
            let mut e = Encoding::new(af, Base::Stable, deadline);
            Ok(if e.sat.solve(&[])? {
                Some(e.labelling(&e.model_in()))
            } else {
                None
            })
        }
        Semantics::Preferred => {
            let mut e = Encoding::new(af, Base::Complete, deadline);
            e.sat.solve(&[])?;
            let ins = e.maximise_in(&[], e.model_in())?;
            Ok(Some(e.labelling(&ins)))
        }
        Semantics::SemiStable | Semantics::Stage => {
            let mut e = Encoding::new(af, base_of(semantics), deadline);
            // A stable extension, if there is one, is the answer.
            let ins = if e.has_stable()? {
                e.model_in()
            } else {
                e.sat.solve(&[])?;
                e.maximise_range(&[])?.0
            };
            Ok(Some(e.labelling(&ins)))
        }
    }
}

/// An extension of `semantics` that contains `q`, if there is one (then
/// `q` is credulously accepted).
///
/// # Errors
/// [`TimedOut`] when `deadline` passes first.
pub fn credulous(
    af: &Framework,
    semantics: Semantics,
    q: usize,
    deadline: Option<Instant>,
) -> Result<Option<Vec<Label>>, TimedOut> {
    decide(af, semantics, q, true, deadline)
}

/// An extension of `semantics` that does not contain `q`, if there is one
/// (otherwise `q` is sceptically accepted).
///
/// # Errors
/// [`TimedOut`] when `deadline` passes first.
pub fn counterexample(
    af: &Framework,
    semantics: Semantics,
    q: usize,
    deadline: Option<Instant>,
) -> Result<Option<Vec<Label>>, TimedOut> {
    decide(af, semantics, q, false, deadline)
}

/// An extension with `q` in it (`member`) or not, if there is one.
fn decide(
    af: &Framework,
    semantics: Semantics,
    q: usize,
    member: bool,
    deadline: Option<Instant>,
) -> Result<Option<Vec<Label>>, TimedOut> {
    if q >= af.len() {
        return Ok(None);
    }
    let wanted = |labels: Vec<Label>| ((labels[q] == Label::In) == member).then_some(labels);
    match semantics {
        Semantics::Grounded => return Ok(wanted(grounded(af))),
        Semantics::Ideal => return Ok(wanted(ideal(af, deadline)?)),
        // Sceptical acceptance under complete semantics is membership in
        // the grounded extension, the least complete one.
        Semantics::Complete if !member => return Ok(wanted(grounded(af))),
        _ => {}
    }
    let mut e = Encoding::new(af, base_of(semantics), deadline);
    if matches!(semantics, Semantics::SemiStable | Semantics::Stage) && e.has_stable()? {
        // With a stable extension, these semantics are stable semantics.
        return decide(af, Semantics::Stable, q, member, deadline);
    }
    let want = match e.position(q) {
        Some(i) => {
            if member {
                e.in_[i]
            } else {
                !e.in_[i]
            }
        }
        // Fixed before solving (by the grounded labelling, or isolated
        // under stage), so the same in every extension of these
        // semantics: any extension answers.
        None => {
            if (e.fixed[q] == Label::In) != member {
                return Ok(None);
            }
            e.sat.truth()
        }
    };
    match semantics {
        Semantics::Complete | Semantics::Stable => Ok(if e.sat.solve(&[want])? {
            Some(e.labelling(&e.model_in()))
        } else {
            None
        }),
        Semantics::Preferred if member => {
            // Credulous under preferred = under complete; a complete
            // extension with q grows into a preferred one with q.
            if !e.sat.solve(&[want])? {
                return Ok(None);
            }
            let ins = e.maximise_in(&[], e.model_in())?;
            Ok(Some(e.labelling(&ins)))
        }
        Semantics::Preferred => e.preferred_without(q),
        Semantics::SemiStable | Semantics::Stage => {
            Ok(e.range_maximal_with(want)?.map(|ins| e.labelling(&ins)))
        }
        Semantics::Grounded | Semantics::Ideal => unreachable!("answered above"),
    }
}

/// The ideal labelling: the largest admissible set of the credulously
/// accepted arguments that no credulously accepted argument attacks
/// (Dunne 2009, Theorem 3), with what it attacks out.
///
/// # Errors
/// [`TimedOut`] when `deadline` passes first.
pub fn ideal(af: &Framework, deadline: Option<Instant>) -> Result<Vec<Label>, TimedOut> {
    let n = af.len();
    let mut e = Encoding::new(af, Base::Complete, deadline);
    // The credulously accepted arguments: grow the set with a complete
    // extension holding one not yet in it, until there is none.
    let mut accepted = vec![false; e.args.len()];
    loop {
        let guard = e.sat.fresh();
        let mut clause = vec![!guard];
        clause.extend(
            (0..accepted.len())
                .filter(|&i| !accepted[i])
                .map(|i| e.in_[i]),
        );
        if clause.len() == 1 {
            break;
        }
        e.sat.clause(&clause);
        let found = e.sat.solve(&[guard])?;
        e.sat.retire(guard);
        if !found {
            break;
        }
        for (x, m) in accepted.iter_mut().zip(e.model_in()) {
            *x |= m;
        }
    }
    let g = std::mem::take(&mut e.fixed);
    let mut credulous: Vec<bool> = g.iter().map(|&l| l == Label::In).collect();
    for (i, &a) in e.args.iter().enumerate() {
        credulous[a as usize] = accepted[i];
    }
    drop(e);
    // Candidates: credulously accepted, attacked by none that is.
    let mut member = credulous.clone();
    for (a, _) in credulous.iter().enumerate().filter(|(_, x)| **x) {
        for &t in af.attacked_by(a) {
            member[t as usize] = false;
        }
    }
    // The largest subset that defends itself: drop every member with an
    // attacker no member attacks, until none is left to drop.
    let mut hits = vec![0u32; n];
    for (a, _) in member.iter().enumerate().filter(|(_, x)| **x) {
        for &t in af.attacked_by(a) {
            hits[t as usize] += 1;
        }
    }
    let mut undefended = vec![false; n];
    for (b, _) in hits.iter().enumerate().filter(|(_, h)| **h == 0) {
        for &t in af.attacked_by(b) {
            undefended[t as usize] = true;
        }
    }
    let mut queue: Vec<usize> = (0..n).filter(|&a| member[a] && undefended[a]).collect();
    while let Some(a) = queue.pop() {
        if !member[a] {
            continue;
        }
        member[a] = false;
        for &b in af.attacked_by(a) {
            let b = b as usize;
            hits[b] -= 1;
            if hits[b] == 0 {
                queue.extend(
                    af.attacked_by(b)
                        .iter()
                        .map(|&t| t as usize)
                        .filter(|&t| member[t]),
                );
            }
        }
    }
    let labels = labelling_of(af, &member);
    debug_assert!(is_complete(af, &labels), "the ideal labelling is complete");
    Ok(labels)
}

/// The extensions of `semantics`, at most `limit` of them, in a fixed
/// order (see below).
///
/// One past the limit is looked for, so that [`Extensions::truncated`]
/// says whether there are more. Complete and stable extensions are
/// enumerated one SAT call each, every one found excluded by a clause;
/// preferred ones by growing each to a maximal one and excluding every
/// extension it contains; semi-stable and stage ones by finding each
/// maximal range and then every extension with that range.
///
/// # Order
/// Labellings are sorted by their labels (in before out before undecided),
/// reading first the arguments the grounded labelling decides, by index,
/// then the others by strongly connected component in topological order
/// (attackers first; petgraph's `kosaraju_scc`) and by index within one.
/// When the list is truncated, which `limit` extensions are listed depends
/// on the solver's search (the same every run), not on that order.
///
/// # Errors
/// [`TimedOut`] when `deadline` passes first.
pub fn extensions(
    af: &Framework,
    semantics: Semantics,
    limit: usize,
    deadline: Option<Instant>,
) -> Result<Extensions, TimedOut> {
    if limit == 0 {
        return Ok(Extensions {
            labellings: Vec::new(),
            truncated: true,
        });
    }
    let mut found: Vec<Vec<Label>> = Vec::new();
    let full = |found: &Vec<Vec<Label>>| found.len() > limit;
    match semantics {
        Semantics::Grounded => found.push(grounded(af)),
        Semantics::Ideal => found.push(ideal(af, deadline)?),
        Semantics::Complete | Semantics::Stable => {
            let mut e = Encoding::new(af, base_of(semantics), deadline);
            let guard = e.sat.truth();
            while !full(&found) && e.sat.solve(&[])? {
                let ins = e.model_in();
                found.push(e.labelling(&ins));
                e.exclude(guard, &ins);
            }
        }
        Semantics::Preferred => {
            let mut e = Encoding::new(af, Base::Complete, deadline);
            while !full(&found) && e.sat.solve(&[])? {
                let ins = e.maximise_in(&[], e.model_in())?;
                found.push(e.labelling(&ins));
                e.exclude_inside(&ins, false);
            }
        }
        Semantics::SemiStable | Semantics::Stage => {
            let mut e = Encoding::new(af, base_of(semantics), deadline);
            if e.has_stable()? {
                return extensions(af, Semantics::Stable, limit, deadline);
            }
            while !full(&found) && e.sat.solve(&[])? {
                let (_, range) = e.maximise_range(&[])?;
                // Every extension with exactly this range.
                let guard = e.sat.fresh();
                let mut assume = vec![guard];
                assume.extend(
                    range
                        .iter()
                        .enumerate()
                        .map(|(i, &x)| if x { e.range[i] } else { !e.range[i] }),
                );
                while !full(&found) && e.sat.solve(&assume)? {
                    let ins = e.model_in();
                    found.push(e.labelling(&ins));
                    e.exclude(guard, &ins);
                }
                e.sat.retire(guard);
                e.exclude_inside(&range, true);
            }
        }
    }
    let truncated = found.len() > limit;
    found.truncate(limit);
    sort(af, &mut found);
    Ok(Extensions {
        labellings: found,
        truncated,
    })
}

/// Sorts labellings in the order [`extensions`] documents.
fn sort(af: &Framework, labellings: &mut [Vec<Label>]) {
    if labellings.len() < 2 {
        return;
    }
    let g = grounded(af);
    let mut order: Vec<usize> = (0..af.len())
        .filter(|&a| g[a] != Label::Undecided)
        .collect();
    order.extend(components(af, &g).into_iter().flatten());
    labellings.sort_by_cached_key(|l| order.iter().map(|&a| l[a]).collect::<Vec<Label>>());
}

/// The arguments the grounded labelling `g` leaves undecided, as strongly
/// connected components in topological order (attackers first), each
/// sorted.
fn components(af: &Framework, g: &[Label]) -> Vec<Vec<usize>> {
    use petgraph::graph::{DiGraph, NodeIndex};
    let open: Vec<usize> = (0..af.len())
        .filter(|&a| g[a] == Label::Undecided)
        .collect();
    let mut at = vec![usize::MAX; af.len()];
    for (i, &a) in open.iter().enumerate() {
        at[a] = i;
    }
    let mut graph: DiGraph<usize, ()> = DiGraph::with_capacity(open.len(), 0);
    for &a in &open {
        graph.add_node(a);
    }
    for (i, &a) in open.iter().enumerate() {
        for &b in af.attacked_by(a) {
            let j = at[b as usize];
            if j != usize::MAX {
                graph.add_edge(NodeIndex::new(i), NodeIndex::new(j), ());
            }
        }
    }
    // kosaraju_scc lists components in reverse topological order.
    petgraph::algo::kosaraju_scc(&graph)
        .into_iter()
        .rev()
        .map(|c| {
            let mut c: Vec<usize> = c.into_iter().map(|x| graph[x]).collect();
            c.sort_unstable();
            c
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use Label::{In, Out, Undecided};

    fn af(n: usize, attacks: &[(u32, u32)]) -> Framework {
        Framework::new(n, attacks)
    }

    /// The extensions' `In` sets, sorted.
    fn sets(af: &Framework, s: Semantics) -> Vec<Vec<usize>> {
        let mut sets: Vec<Vec<usize>> = extensions(af, s, usize::MAX - 1, None)
            .unwrap()
            .labellings
            .iter()
            .map(|l| (0..l.len()).filter(|&i| l[i] == In).collect())
            .collect();
        sets.sort();
        sets
    }

    #[test]
    fn semi_stable_and_stage_keep_the_widest_range() {
        // Caminada, "Semi-stable semantics" (COMMA 2006): a and b attack
        // each other, b attacks c, c attacks itself. {b} is stable; {a} is
        // preferred but leaves c undecided, so it is not semi-stable. With
        // a self-attacking e added nothing is stable, and semi-stable and
        // stage semantics still keep {b}, whose range is the widest.
        let f = af(3, &[(0, 1), (1, 0), (1, 2), (2, 2)]);
        assert_eq!(sets(&f, Semantics::Preferred), [vec![0], vec![1]]);
        assert_eq!(sets(&f, Semantics::Stable), [vec![1]]);
        assert_eq!(sets(&f, Semantics::SemiStable), [vec![1]]);
        let f = af(4, &[(0, 1), (1, 0), (1, 2), (2, 2), (3, 3)]);
        assert_eq!(sets(&f, Semantics::Preferred), [vec![0], vec![1]]);
        assert!(sets(&f, Semantics::Stable).is_empty());
        assert_eq!(sets(&f, Semantics::SemiStable), [vec![1]]);
        assert_eq!(sets(&f, Semantics::Stage), [vec![1]]);
    }

    #[test]
    fn stage_need_not_be_admissible() {
        // A 3-cycle: no admissible set but the empty one, so grounded,
        // preferred and semi-stable are {}; every single argument is a
        // stage extension (range of two, which no conflict-free set beats).
        let f = af(3, &[(0, 1), (1, 2), (2, 0)]);
        assert_eq!(sets(&f, Semantics::SemiStable), [Vec::<usize>::new()]);
        assert_eq!(sets(&f, Semantics::Stage), [vec![0], vec![1], vec![2]]);
        assert_eq!(ideal(&f, None).unwrap(), [Undecided; 3]);
    }

    #[test]
    fn ideal_lies_between_grounded_and_every_preferred() {
        // Floating reinstatement (Dung, Mancarella and Toni 2007): a and b
        // attack each other and both attack c, which attacks d. Preferred:
        // {a, d} and {b, d}; {d} alone is not admissible, so the ideal
        // extension is empty, as the grounded one.
        let f = af(4, &[(0, 1), (1, 0), (0, 2), (1, 2), (2, 3)]);
        assert_eq!(ideal(&f, None).unwrap(), [Undecided; 4]);
        // a and b attack each other and b attacks itself: grounded is
        // empty, the one preferred extension {a} defends itself, so it is
        // the ideal extension.
        let f = af(2, &[(0, 1), (1, 0), (1, 1)]);
        assert_eq!(grounded(&f), [Undecided; 2]);
        assert_eq!(ideal(&f, None).unwrap(), [In, Out]);
    }

    #[test]
    fn a_deadline_in_the_past_times_out() {
        let f = af(2, &[(0, 1), (1, 0)]);
        let past = Some(Instant::now());
        assert_eq!(credulous(&f, Semantics::Complete, 0, past), Err(TimedOut));
        // Grounded needs no solver.
        assert!(credulous(&f, Semantics::Grounded, 0, past).is_ok());
    }
}
