//! Complete, preferred and stable semantics by a labelling search.
//!
//! Every complete labelling agrees with the grounded one on the arguments
//! it decides, so the search starts from the grounded labelling and only
//! branches on its undecided arguments. Each assignment is checked against
//! the labelling rules of the argument and of the arguments it attacks, so
//! a dead end is abandoned as soon as it appears (a forward-checking
//! backtracking search over `In`/`Out`/`Undecided`).
//!
//! # Complexity
//! Exponential in the number of arguments the grounded labelling leaves
//! undecided in the worst case (deciding credulous acceptance under the
//! preferred semantics is NP-complete); linear when it leaves none. Every
//! search is bounded by a step budget and ends with [`Exhausted`] rather
//! than running forever.
//!
//! Reference: S. Modgil and M. Caminada, "Proof theories and algorithms
//! for abstract argumentation frameworks", in *Argumentation in Artificial
//! Intelligence*, Springer 2009, 105–129.

use std::fmt;

use super::{Framework, Label, grounded};

/// The search ran out of its step budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Exhausted {
    /// The budget that was used up.
    pub steps: u64,
}

impl fmt::Display for Exhausted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the search gave up after {} steps", self.steps)
    }
}

impl std::error::Error for Exhausted {}

/// Default step budget (labels looked at): a few seconds of search.
pub const DEFAULT_STEPS: u64 = 2_000_000_000;

/// A search over complete labellings.
pub(crate) struct Search<'a> {
    af: &'a Framework,
    attackers_start: Vec<u32>,
    attackers: Vec<u32>,
    label: Vec<Option<Label>>,
    open: Vec<u32>,
    /// Whether `Undecided` may be assigned (false: stable labellings only).
    allow_undecided: bool,
    /// Work done so far: labels looked at. A step budget in these units
    /// bounds the time, whatever the framework's density.
    steps: std::cell::Cell<u64>,
    budget: u64,
}

impl<'a> Search<'a> {
    /// Prepares a search over the complete labellings of `af` (or only the
    /// stable ones), starting from the grounded labelling.
    pub(crate) fn new(af: &'a Framework, stable_only: bool, budget: u64) -> Self {
        let n = af.len();
        let mut attackers_start = vec![0u32; n + 1];
        for a in 0..n {
            for &b in af.attacked_by(a) {
                attackers_start[b as usize + 1] += 1;
            }
        }
        for i in 0..n {
            attackers_start[i + 1] += attackers_start[i];
        }
        let mut fill = attackers_start.clone();
        let mut attackers = vec![0u32; af.attack_count()];
        for a in 0..n {
            for &b in af.attacked_by(a) {
                attackers[fill[b as usize] as usize] = u32::try_from(a).unwrap_or(u32::MAX);
                fill[b as usize] += 1;
            }
        }
        let g = grounded(af);
        let label: Vec<Option<Label>> = g
            .iter()
            .map(|&l| (l != Label::Undecided).then_some(l))
            .collect();
        let open = (0..n)
            .filter(|&a| label[a].is_none())
            .map(|a| u32::try_from(a).unwrap_or(u32::MAX))
            .collect();
        Search {
            af,
            attackers_start,
            attackers,
            label,
            open,
            allow_undecided: !stable_only,
            steps: std::cell::Cell::new(0),
            budget,
        }
    }

    fn attackers_of(&self, a: usize) -> &[u32] {
        &self.attackers[self.attackers_start[a] as usize..self.attackers_start[a + 1] as usize]
    }

    /// Whether `a`'s label (if any) can still be right given its attackers.
    fn holds(&self, a: usize) -> bool {
        let Some(l) = self.label[a] else { return true };
        self.steps
            .set(self.steps.get() + 1 + self.attackers_of(a).len() as u64);
        let mut any_in = false;
        let mut all_out = true;
        let mut all_assigned = true;
        for &b in self.attackers_of(a) {
            match self.label[b as usize] {
                Some(Label::In) => any_in = true,
                Some(Label::Out) => {}
                Some(Label::Undecided) => all_out = false,
                None => {
                    all_out = false;
                    all_assigned = false;
                }
            }
        }
        match l {
            // Every attacker must end up out.
            Label::In => {
                !any_in
                    && self
                        .attackers_of(a)
                        .iter()
                        .all(|&b| self.label[b as usize] != Some(Label::Undecided))
            }
            // Some attacker must end up in.
            Label::Out => any_in || !all_assigned,
            // No attacker in, and not all out.
            Label::Undecided => !(any_in || (all_assigned && all_out)),
        }
    }

    /// Labels `a` and checks it and the arguments it attacks.
    fn assign(&mut self, a: usize, l: Label) -> bool {
        self.label[a] = Some(l);
        self.holds(a)
            && self
                .af
                .attacked_by(a)
                .iter()
                .all(|&t| self.holds(t as usize))
    }

    /// Fixes `a` before searching (e.g. the query of a credulous task).
    /// Returns false when that contradicts the grounded labelling.
    pub(crate) fn force(&mut self, a: usize, l: Label) -> bool {
        match self.label[a] {
            Some(existing) => existing == l,
            None => {
                self.open.retain(|&x| x as usize != a);
                self.assign(a, l)
            }
        }
    }

    /// Calls `visit` with every complete (or stable) labelling until it
    /// returns false.
    ///
    /// # Errors
    /// [`Exhausted`] when the step budget runs out first.
    pub(crate) fn run(&mut self, visit: &mut dyn FnMut(&[Label]) -> bool) -> Result<(), Exhausted> {
        let open: Vec<usize> = self.open.iter().map(|&a| a as usize).collect();
        if !(0..self.af.len()).all(|a| self.holds(a)) {
            return Ok(());
        }
        self.walk(&open, &mut |search| {
            let full = search.current();
            visit(&full)
        })
        .map(|_| ())
    }

    /// Tries every label for each of `vars` in turn, with forward
    /// checking, calling `leaf` whenever all are labelled, until it returns
    /// false (then `Ok(false)`). A loop with an explicit stack: the depth
    /// is the number of variables, which may be millions. Leaves `vars`
    /// unlabelled when it returns.
    fn walk(
        &mut self,
        vars: &[usize],
        leaf: &mut dyn FnMut(&Self) -> bool,
    ) -> Result<bool, Exhausted> {
        let choices: &[Label] = if self.allow_undecided {
            &[Label::In, Label::Out, Label::Undecided]
        } else {
            &[Label::In, Label::Out]
        };
        let mut next = vec![0u8; vars.len() + 1];
        let mut depth = 0usize;
        let result = loop {
            if self.steps.get() > self.budget {
                break Err(Exhausted { steps: self.budget });
            }
            if depth == vars.len() {
                if !leaf(self) {
                    break Ok(false);
                }
                if depth == 0 {
                    break Ok(true);
                }
                depth -= 1;
                continue;
            }
            let a = vars[depth];
            let mut advanced = false;
            while usize::from(next[depth]) < choices.len() {
                let l = choices[usize::from(next[depth])];
                next[depth] += 1;
                if self.assign(a, l) {
                    advanced = true;
                    break;
                }
            }
            if advanced {
                depth += 1;
                next[depth] = 0;
            } else {
                self.label[a] = None;
                next[depth] = 0;
                if depth == 0 {
                    break Ok(true);
                }
                depth -= 1;
            }
        };
        for &a in vars {
            self.label[a] = None;
        }
        result
    }
}

/// Every complete labelling (stable ones only with `stable_only`).
///
/// # Errors
/// [`Exhausted`] when the step budget runs out.
pub fn all_labellings(
    af: &Framework,
    stable_only: bool,
    budget: u64,
) -> Result<Vec<Vec<Label>>, Exhausted> {
    let mut out = Vec::new();
    Search::new(af, stable_only, budget).run(&mut |l| {
        out.push(l.to_vec());
        true
    })?;
    Ok(out)
}

/// The preferred labellings: the complete ones whose `In` set is maximal.
///
/// # Errors
/// [`Exhausted`] when the step budget runs out.
pub fn preferred(af: &Framework, budget: u64) -> Result<Vec<Vec<Label>>, Exhausted> {
    let complete = all_labellings(af, false, budget)?;
    let ins: Vec<Vec<usize>> = complete
        .iter()
        .map(|l| (0..l.len()).filter(|&i| l[i] == Label::In).collect())
        .collect();
    let subset = |a: &[usize], b: &[usize]| {
        a.len() < b.len() && a.iter().all(|x| b.binary_search(x).is_ok())
    };
    Ok(complete
        .iter()
        .enumerate()
        .filter(|&(i, _)| !ins.iter().any(|other| subset(&ins[i], other)))
        .map(|(_, l)| l.clone())
        .collect())
}

/// Some labelling of the kind searched for with `a` forced to `label`.
///
/// # Errors
/// [`Exhausted`] when the step budget runs out.
pub fn find_with(
    af: &Framework,
    stable_only: bool,
    a: usize,
    label: Label,
    budget: u64,
) -> Result<Option<Vec<Label>>, Exhausted> {
    let mut search = Search::new(af, stable_only, budget);
    if !search.force(a, label) {
        return Ok(None);
    }
    let mut found = None;
    search.run(&mut |l| {
        found = Some(l.to_vec());
        false
    })?;
    Ok(found)
}

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
}

impl Semantics {
    /// The name used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Semantics::Grounded => "grounded",
            Semantics::Complete => "complete",
            Semantics::Preferred => "preferred",
            Semantics::Stable => "stable",
        }
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

/// The extensions of `semantics`, at most `limit` of them.
///
/// Grounded is computed directly. The others are enumerated by SCC
/// decomposition (Baroni, Giacomin and Guida, "SCC-recursiveness: a general
/// schema for argumentation semantics", *Artificial Intelligence* 168
/// (2005) 162–210): the grounded labelling fixes every argument it
/// decides; the remaining arguments are split into strongly connected
/// components (petgraph's iterative `kosaraju_scc`), which are labelled one
/// at a time in topological order, each given the labels of its
/// attackers upstream. Complete and stable semantics are fully
/// decomposable this way and preferred semantics along SCCs, so each
/// component keeps only its local complete labellings (preferred: those
/// with a maximal `In` set; stable: those with nothing `Undecided`) and
/// the extensions are their combinations.
///
/// # Complexity
/// Linear in the size of the framework plus, per component and per
/// upstream labelling, a search exponential in the size of that component
/// only; bounded by `budget` steps and by `limit` extensions.
///
/// # Errors
/// [`Exhausted`] when the step budget runs out.
pub fn extensions(
    af: &Framework,
    semantics: Semantics,
    limit: usize,
    budget: u64,
) -> Result<Extensions, Exhausted> {
    if semantics == Semantics::Grounded || limit == 0 {
        return Ok(Extensions {
            labellings: if limit == 0 {
                Vec::new()
            } else {
                vec![grounded(af)]
            },
            truncated: limit == 0,
        });
    }
    let mut search = Search::new(af, semantics == Semantics::Stable, budget);
    let components = search.components();
    let mut out = Extensions::default();
    // An explicit stack (component index, its local labellings, next one to
    // try), so that long chains of components cannot overflow the stack.
    let mut stack: Vec<(usize, Vec<Vec<Label>>, usize)> = Vec::new();
    if components.is_empty() {
        out.labellings.push(search.current());
        return Ok(out);
    }
    let first = search.local(&components[0], semantics)?;
    stack.push((0, first, 0));
    while let Some(top) = stack.last_mut() {
        let (k, ref options, next) = *top;
        let component = &components[k];
        if next == options.len() {
            for &a in component {
                search.label[a as usize] = None;
            }
            stack.pop();
            continue;
        }
        top.2 += 1;
        for (&a, &l) in component.iter().zip(&options[next]) {
            search.label[a as usize] = Some(l);
        }
        if k + 1 == components.len() {
            // One past the limit tells whether anything was cut off.
            if out.labellings.len() == limit {
                out.truncated = true;
                break;
            }
            out.labellings.push(search.current());
        } else {
            let options = search.local(&components[k + 1], semantics)?;
            stack.push((k + 1, options, 0));
        }
    }
    Ok(out)
}

/// One preferred labelling, found without listing the others.
///
/// Component by component in topological order (as [`extensions`]), a
/// local complete labelling is grown until no argument can be added: find
/// one, then look for one that keeps every `In` and adds another argument,
/// until there is none. Any local preferred labelling of each component
/// makes a preferred labelling of the whole, so there is no backtracking
/// between components.
///
/// # Complexity
/// Per component, at most one search per argument per growth step; each
/// search is exponential in the component in the worst case but usually
/// short, since every forced `In` prunes its neighbours.
///
/// # Errors
/// [`Exhausted`] when the step budget runs out.
pub fn some_preferred(af: &Framework, budget: u64) -> Result<Vec<Label>, Exhausted> {
    let mut search = Search::new(af, false, budget);
    for component in search.components() {
        let members: Vec<usize> = component.iter().map(|&a| a as usize).collect();
        let local = search.grow_preferred(&members)?;
        for (&a, &l) in members.iter().zip(&local) {
            search.label[a] = Some(l);
        }
    }
    Ok(search.current())
}

impl Search<'_> {
    /// Some local complete labelling of `members` (given the labels
    /// upstream) with every argument of `forced_in` labelled `In`.
    fn first_local(
        &mut self,
        members: &[usize],
        forced_in: &[usize],
    ) -> Result<Option<Vec<Label>>, Exhausted> {
        let mut consistent = true;
        let mut assigned = Vec::with_capacity(forced_in.len());
        for &a in forced_in {
            assigned.push(a);
            if !self.assign(a, Label::In) {
                consistent = false;
                break;
            }
        }
        let mut found = None;
        if consistent {
            let rest: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&m| self.label[m].is_none())
                .collect();
            self.walk(&rest, &mut |search| {
                if members.iter().all(|&m| search.holds(m)) {
                    found = Some(
                        members
                            .iter()
                            .map(|&m| search.label[m].unwrap_or(Label::Undecided))
                            .collect(),
                    );
                    false
                } else {
                    true
                }
            })?;
        }
        for a in assigned {
            self.label[a] = None;
        }
        Ok(found)
    }

    /// A local preferred labelling of `members`, by growing a complete one.
    fn grow_preferred(&mut self, members: &[usize]) -> Result<Vec<Label>, Exhausted> {
        // A complete labelling always exists; all undecided is only a
        // fallback that the search never needs.
        let mut best = self
            .first_local(members, &[])?
            .unwrap_or_else(|| vec![Label::Undecided; members.len()]);
        loop {
            let ins: Vec<usize> = (0..members.len())
                .filter(|&k| best[k] == Label::In)
                .map(|k| members[k])
                .collect();
            let mut grown = false;
            for k in 0..members.len() {
                // An argument that attacks or is attacked by an `In` one
                // cannot join it: skip it without a search.
                let a = members[k];
                let conflict = best[k] == Label::In
                    || self
                        .attackers_of(a)
                        .iter()
                        .any(|&b| self.label_in(b as usize, members, &best))
                    || self
                        .af
                        .attacked_by(a)
                        .iter()
                        .any(|&b| self.label_in(b as usize, members, &best));
                if conflict {
                    continue;
                }
                let mut forced = ins.clone();
                forced.push(members[k]);
                if let Some(l) = self.first_local(members, &forced)? {
                    best = l;
                    grown = true;
                    break;
                }
            }
            if !grown {
                return Ok(best);
            }
        }
    }

    /// Whether `b` is `In`: upstream by its label, inside the component
    /// by `local` (indexed like `members`).
    fn label_in(&self, b: usize, members: &[usize], local: &[Label]) -> bool {
        match self.label[b] {
            Some(l) => l == Label::In,
            None => members
                .binary_search(&b)
                .is_ok_and(|k| local[k] == Label::In),
        }
    }

    /// The current labels, unassigned ones as `Undecided`.
    fn current(&self) -> Vec<Label> {
        self.label
            .iter()
            .map(|l| l.unwrap_or(Label::Undecided))
            .collect()
    }

    /// The arguments the grounded labelling leaves open, as strongly
    /// connected components in topological order (attackers first).
    fn components(&self) -> Vec<Vec<u32>> {
        use petgraph::graph::{DiGraph, NodeIndex};
        let mut index = vec![u32::MAX; self.af.len()];
        for (i, &a) in self.open.iter().enumerate() {
            index[a as usize] = u32::try_from(i).unwrap_or(u32::MAX);
        }
        let mut g: DiGraph<u32, ()> = DiGraph::with_capacity(self.open.len(), 0);
        for &a in &self.open {
            g.add_node(a);
        }
        for (i, &a) in self.open.iter().enumerate() {
            for &b in self.af.attacked_by(a as usize) {
                let j = index[b as usize];
                if j != u32::MAX {
                    g.add_edge(NodeIndex::new(i), NodeIndex::new(j as usize), ());
                }
            }
        }
        // kosaraju_scc lists components in reverse topological order.
        let mut components: Vec<Vec<u32>> = petgraph::algo::kosaraju_scc(&g)
            .into_iter()
            .rev()
            .map(|c| {
                let mut c: Vec<u32> = c.into_iter().map(|n| g[n]).collect();
                c.sort_unstable();
                c
            })
            .collect();
        components.shrink_to_fit();
        components
    }

    /// The labellings of one component, given the labels upstream: every
    /// local complete labelling, filtered for the semantics.
    fn local(
        &mut self,
        component: &[u32],
        semantics: Semantics,
    ) -> Result<Vec<Vec<Label>>, Exhausted> {
        let mut found: Vec<Vec<Label>> = Vec::new();
        let members: Vec<usize> = component.iter().map(|&a| a as usize).collect();
        self.walk(&members, &mut |search| {
            // Every attacker of the component is labelled now: check them all.
            if members.iter().all(|&m| search.holds(m)) {
                found.push(
                    members
                        .iter()
                        .map(|&m| search.label[m].unwrap_or(Label::Undecided))
                        .collect(),
                );
            }
            true
        })?;
        if semantics == Semantics::Preferred && found.len() > 1 {
            let ins: Vec<Vec<usize>> = found
                .iter()
                .map(|l| (0..l.len()).filter(|&i| l[i] == Label::In).collect())
                .collect();
            let subset = |a: &[usize], b: &[usize]| {
                a.len() < b.len() && a.iter().all(|x| b.binary_search(x).is_ok())
            };
            let keep: Vec<bool> = (0..found.len())
                .map(|i| !ins.iter().any(|other| subset(&ins[i], other)))
                .collect();
            let mut i = 0;
            found.retain(|_| {
                i += 1;
                keep[i - 1]
            });
        }
        Ok(found)
    }
}
