//! The support guard of the importers: a support graph that keeps imports
//! free of circular support (`E204`), the one rule an importer cannot
//! check one relation at a time.
//!
//! The guard refuses an edge *before* it closes a circle, one edge at a
//! time, on a draft's string ids; `check::rules::circular_support` finds
//! the circles already in a loaded map, all at once, with their paths. The
//! two answer different questions and share no code.

use std::collections::{HashMap, HashSet};

/// Edges of support between node ids (`supports`, premise → argument,
/// argument → conclusion), added one at a time.
#[derive(Debug, Default)]
pub(crate) struct SupportGraph {
    out: HashMap<String, Vec<String>>,
}

impl SupportGraph {
    /// Whether `to` can be reached from `from` (a node reaches itself).
    pub(crate) fn reaches(&self, from: &str, to: &str) -> bool {
        if from == to {
            return true;
        }
        let mut seen: HashSet<&str> = HashSet::new();
        let mut stack = vec![from];
        while let Some(n) = stack.pop() {
            for next in self.out.get(n).into_iter().flatten() {
                if next == to {
                    return true;
                }
                if seen.insert(next.as_str()) {
                    stack.push(next.as_str());
                }
            }
        }
        false
    }

    /// Adds an edge.
    pub(crate) fn add(&mut self, from: &str, to: &str) {
        self.out
            .entry(from.to_string())
            .or_default()
            .push(to.to_string());
    }

    /// Adds `from` supports `to`, unless `to` already reaches `from` (the
    /// support would close a circle); whether it was added.
    pub(crate) fn add_support(&mut self, from: &str, to: &str) -> bool {
        if self.reaches(to, from) {
            return false;
        }
        self.add(from, to);
        true
    }

    /// Adds argument `id` with its edges (each premise → `id` →
    /// `conclusion`), unless the conclusion already reaches one of the
    /// premises (the argument would close a circle); whether it was added.
    pub(crate) fn add_argument<'a>(
        &mut self,
        id: &str,
        premises: impl IntoIterator<Item = &'a str> + Clone,
        conclusion: &str,
    ) -> bool {
        if premises
            .clone()
            .into_iter()
            .any(|p| self.reaches(conclusion, p))
        {
            return false;
        }
        for p in premises {
            self.add(p, id);
        }
        self.add(id, conclusion);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reachability() {
        let mut g = SupportGraph::default();
        g.add("a", "b");
        g.add("b", "c");
        assert!(g.reaches("a", "c"));
        assert!(!g.reaches("c", "a"));
        assert!(!g.add_support("c", "a"));
        assert!(g.add_support("a", "d"));
        // An argument from `c` to `a` would close a circle, from `a` to `e`
        // not.
        assert!(!g.add_argument("x", ["c"], "a"));
        assert!(!g.reaches("c", "x"));
        assert!(g.add_argument("y", ["a", "d"], "e"));
        assert!(g.reaches("d", "e"));
    }
}
