//! Abstract argumentation (Dung 1995): frameworks and their semantics.
//!
//! A [`Framework`] is a set of arguments `0..n` and an attack relation,
//! stored as compressed adjacency lists (both directions), so frameworks of
//! millions of arguments fit in a few bytes per attack. Semantics compute
//! labellings: every argument is `In`, `Out` or `Undecided`.
//!
//! The grounded semantics is [`grounded`] (linear time); complete,
//! preferred, stable, semi-stable, stage and ideal labellings come from
//! the SAT-based [`solver`].
//! Files of frameworks (the ICCMA formats) are read and written by
//! [`crate::interchange::iccma`]; this module knows no file format.
//!
//! Reference: P. M. Dung, "On the acceptability of arguments and its
//! fundamental role in nonmonotonic reasoning, logic programming and
//! n-person games", *Artificial Intelligence* 77 (1995) 321–357.

mod evaluation;
pub mod map;
mod sat;
pub mod solver;
pub mod task;

pub use evaluation::{ACCEPTED_MEANS, Evaluation, Status, accepted_means, meaning, word};
pub use map::{MapFramework, Support};
pub use solver::{Extensions, Semantics, TimedOut};

/// An argument framework: arguments `0..len()` and who attacks whom.
#[derive(Clone, Debug, Default)]
pub struct Framework {
    /// `out_start[a]..out_start[a + 1]` indexes `out_targets`: whom `a` attacks.
    out_start: Vec<u32>,
    out_targets: Vec<u32>,
    /// Number of attackers of each argument.
    in_degree: Vec<u32>,
}

impl Framework {
    /// Builds a framework of `n` arguments from `(attacker, target)` pairs.
    /// Pairs must be in range (the parsers check this); repeated pairs count
    /// once per occurrence, which no semantics here depends on.
    ///
    /// # Complexity
    /// O(n + m) time and memory for m attacks (a counting sort by attacker).
    pub fn new(n: usize, attacks: &[(u32, u32)]) -> Self {
        let mut out_start = vec![0u32; n + 1];
        let mut in_degree = vec![0u32; n];
        for &(a, b) in attacks {
            out_start[a as usize + 1] += 1;
            in_degree[b as usize] += 1;
        }
        for i in 0..n {
            out_start[i + 1] += out_start[i];
        }
        let mut fill = out_start.clone();
        let mut out_targets = vec![0u32; attacks.len()];
        for &(a, b) in attacks {
            out_targets[fill[a as usize] as usize] = b;
            fill[a as usize] += 1;
        }
        Framework {
            out_start,
            out_targets,
            in_degree,
        }
    }

    /// Number of arguments.
    pub fn len(&self) -> usize {
        self.in_degree.len()
    }

    /// Whether there are no arguments.
    pub fn is_empty(&self) -> bool {
        self.in_degree.is_empty()
    }

    /// Number of attacks.
    pub fn attack_count(&self) -> usize {
        self.out_targets.len()
    }

    /// The arguments `a` attacks.
    pub fn attacked_by(&self, a: usize) -> &[u32] {
        &self.out_targets[self.out_start[a] as usize..self.out_start[a + 1] as usize]
    }
}

/// The status of an argument in a labelling.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Label {
    /// Accepted: every attacker is `Out`.
    In,
    /// Rejected: some attacker is `In`.
    Out,
    /// Neither.
    Undecided,
}

impl Label {
    /// The lowercase name: `in`, `out` or `undecided`.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::In => "in",
            Label::Out => "out",
            Label::Undecided => "undecided",
        }
    }
}

/// The grounded labelling: the least complete labelling, the sceptical
/// core every reasonable position shares.
///
/// Starts from the unattacked arguments (`In`), labels what they attack
/// `Out`, and repeats with arguments all of whose attackers are `Out`;
/// whatever is left is `Undecided`.
///
/// # Complexity
/// O(n + m) time, O(n) extra memory: each attack is looked at at most twice.
///
/// # Example
/// ```
/// use argmap::semantics::{Framework, Label, grounded};
/// // 0 attacks 1, 1 attacks 2: 0 is in, 1 out, 2 reinstated.
/// let af = Framework::new(3, &[(0, 1), (1, 2)]);
/// assert_eq!(grounded(&af), [Label::In, Label::Out, Label::In]);
/// ```
#[expect(
    clippy::cast_possible_truncation,
    reason = "argument indices fit in u32: the parsers cap frameworks far below u32::MAX"
)]
pub fn grounded(af: &Framework) -> Vec<Label> {
    let n = af.len();
    let mut label = vec![Label::Undecided; n];
    // Attackers of each argument not yet known to be out.
    let mut live = af.in_degree.clone();
    let mut queue: Vec<u32> = (0..n).filter(|&a| live[a] == 0).map(|a| a as u32).collect();
    for &a in &queue {
        label[a as usize] = Label::In;
    }
    while let Some(a) = queue.pop() {
        for &b in af.attacked_by(a as usize) {
            if label[b as usize] != Label::Undecided {
                continue;
            }
            label[b as usize] = Label::Out;
            for &c in af.attacked_by(b as usize) {
                let c = c as usize;
                live[c] -= 1;
                if live[c] == 0 && label[c] == Label::Undecided {
                    label[c] = Label::In;
                    queue.push(c as u32);
                }
            }
        }
    }
    label
}

#[cfg(test)]
mod tests {
    use super::*;
    use Label::{In, Out, Undecided};

    #[test]
    fn textbook_frameworks() {
        // Self-attack: undecided; what it attacks too.
        assert_eq!(
            grounded(&Framework::new(2, &[(0, 0), (0, 1)])),
            [Undecided, Undecided]
        );
        // Even cycle (Nixon diamond): both undecided.
        assert_eq!(
            grounded(&Framework::new(2, &[(0, 1), (1, 0)])),
            [Undecided, Undecided]
        );
        // Odd cycle of three.
        assert_eq!(
            grounded(&Framework::new(3, &[(0, 1), (1, 2), (2, 0)])),
            [Undecided; 3]
        );
        // Reinstatement along a chain.
        assert_eq!(
            grounded(&Framework::new(4, &[(0, 1), (1, 2), (2, 3)])),
            [In, Out, In, Out]
        );
        // Floating reinstatement: a and b attack each other and both attack
        // c, which attacks d. Grounded leaves c and d undecided.
        assert_eq!(
            grounded(&Framework::new(
                4,
                &[(0, 1), (1, 0), (0, 2), (1, 2), (2, 3)]
            )),
            [Undecided, Undecided, Undecided, Undecided]
        );
        // An attacker that is itself out does not defeat.
        assert_eq!(
            grounded(&Framework::new(3, &[(1, 1), (1, 2), (0, 1)])),
            [In, Out, In]
        );
        assert!(grounded(&Framework::new(0, &[])).is_empty());
    }
}
